//! Python's `repr` for str, bytes, float and complex, as CPython 3.11 prints them.

use crate::string::unicode_tables::NON_PRINTABLE;
use crate::wtf8::Wtf8Buf;
use std::fmt::Write;

/// The shortest decimal digits that round-trip `f` (finite, not zero-signed
/// matters not) and the decimal point position: `f == 0.DIGITS * 10**decpt`.
fn shortest_digits(f: f64) -> (String, i32) {
    // Rust's `{:e}` prints the shortest round-tripping digits, as CPython's
    // repr does (David Gay's mode 0); only the layout differs.
    let s = format!("{:e}", f.abs());
    let (mantissa, exp) = s.split_once('e').unwrap_or((&s, "0"));
    let exp: i32 = exp.parse().unwrap_or(0);
    let digits: String = mantissa.chars().filter(|c| *c != '.').collect();
    (digits, exp + 1)
}

/// CPython's `PyOS_double_to_string(x, 'r', 0, flags)`: `add_dot_0` is
/// Py_DTSF_ADD_DOT_0 (float repr), `sign` is Py_DTSF_SIGN (a '+' on
/// non-negative numbers, for complex imaginary parts).
fn format_r(f: f64, add_dot_0: bool, sign: bool) -> String {
    let mut out = String::new();
    if f.is_nan() {
        // The sign of a nan is ignored.
        if sign {
            out.push('+');
        }
        out.push_str("nan");
        return out;
    }
    if f.is_sign_negative() {
        out.push('-');
    } else if sign {
        out.push('+');
    }
    if f.is_infinite() {
        out.push_str("inf");
        return out;
    }
    let (digits, decpt) = shortest_digits(f);
    let n = digits.len() as i32;
    if decpt <= -4 || decpt > 16 {
        // Exponential: d[.ddd]e±XX with at least two exponent digits.
        out.push_str(&digits[..1]);
        if n > 1 {
            out.push('.');
            out.push_str(&digits[1..]);
        }
        let e = decpt - 1;
        let _ = write!(out, "e{}{:02}", if e < 0 { '-' } else { '+' }, e.unsigned_abs());
    } else if decpt <= 0 {
        out.push_str("0.");
        out.extend(std::iter::repeat_n('0', (-decpt) as usize));
        out.push_str(&digits);
    } else if decpt >= n {
        out.push_str(&digits);
        out.extend(std::iter::repeat_n('0', (decpt - n) as usize));
        if add_dot_0 {
            out.push_str(".0");
        }
    } else {
        out.push_str(&digits[..decpt as usize]);
        out.push('.');
        out.push_str(&digits[decpt as usize..]);
    }
    out
}

/// `repr(float)`: the shortest string that round-trips, in CPython's layout
/// (positional for 1e-4 <= |x| < 1e16, else exponential).
pub fn float_repr(f: f64) -> String {
    format_r(f, true, false)
}

/// `repr(complex)`: `1j`, `(1+2j)`, `(-0-1j)`, `infj`, `(nan+nanj)`.
pub fn complex_repr(real: f64, imag: f64) -> String {
    if real == 0.0 && real.is_sign_positive() {
        // A +0 real part is left out, and so are the parentheses.
        format!("{}j", format_r(imag, false, false))
    } else {
        format!("({}{}j)", format_r(real, false, false), format_r(imag, false, true))
    }
}

/// `repr(bytes)`: `b'...'`, double quotes only when the value has a single
/// quote and no double quote.
pub fn bytes_repr(b: &[u8]) -> String {
    let quote = if b.contains(&b'\'') && !b.contains(&b'"') { '"' } else { '\'' };
    let mut out = String::with_capacity(b.len() + 3);
    out.push('b');
    out.push(quote);
    for &c in b {
        match c {
            b'\\' => out.push_str("\\\\"),
            b'\t' => out.push_str("\\t"),
            b'\n' => out.push_str("\\n"),
            b'\r' => out.push_str("\\r"),
            _ if c as char == quote => {
                out.push('\\');
                out.push(quote);
            }
            0x20..=0x7e => out.push(c as char),
            _ => {
                let _ = write!(out, "\\x{:02x}", c);
            }
        }
    }
    out.push(quote);
    out
}

/// `str.isprintable()` for one code point, per Unicode 14.0.
pub fn is_printable(cp: u32) -> bool {
    // Binary search for the last range starting at or before `cp`.
    let i = NON_PRINTABLE.partition_point(|&(start, _)| start <= cp);
    !(i > 0 && cp <= NON_PRINTABLE[i - 1].1)
}

/// `repr(str)`: quotes chosen as for bytes; `\\`, the quote, `\t`, `\n`, `\r`
/// escaped; other non-printable characters (lone surrogates included) as
/// `\xNN`, `\uNNNN` or `\UNNNNNNNN`.
pub fn str_repr(s: &Wtf8Buf) -> String {
    repr_code_points(s.as_bytes(), s.code_points())
}

/// `repr(str)` of text without surrogates.
pub fn str_repr_str(s: &str) -> String {
    repr_code_points(s.as_bytes(), s.chars().map(u32::from))
}

/// `utf8` is the (generalized) UTF-8 of the code points, to choose the quote.
fn repr_code_points(utf8: &[u8], code_points: impl Iterator<Item = u32>) -> String {
    let quote = if utf8.contains(&b'\'') && !utf8.contains(&b'"') { '"' } else { '\'' };
    let mut out = String::with_capacity(utf8.len() + 2);
    out.push(quote);
    for cp in code_points {
        match cp {
            0x5c => out.push_str("\\\\"),
            0x09 => out.push_str("\\t"),
            0x0a => out.push_str("\\n"),
            0x0d => out.push_str("\\r"),
            _ if cp == quote as u32 => {
                out.push('\\');
                out.push(quote);
            }
            0x20..=0x7e => out.push(cp as u8 as char),
            _ if cp < 0x80 => {
                let _ = write!(out, "\\x{:02x}", cp);
            }
            _ => match char::from_u32(cp) {
                Some(c) if is_printable(cp) => out.push(c),
                _ if cp <= 0xff => {
                    let _ = write!(out, "\\x{:02x}", cp);
                }
                _ if cp <= 0xffff => {
                    let _ = write!(out, "\\u{:04x}", cp);
                }
                _ => {
                    let _ = write!(out, "\\U{:08x}", cp);
                }
            },
        }
    }
    out.push(quote);
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    // Expected strings are python3.11's repr() of the same values.

    #[test]
    fn floats() {
        let cases: &[(f64, &str)] = &[
            (0.0, "0.0"),
            (-0.0, "-0.0"),
            (1.0, "1.0"),
            (123.0, "123.0"),
            (1.5, "1.5"),
            (0.1, "0.1"),
            (0.0001, "0.0001"),
            (0.00001, "1e-05"),
            (0.000015, "1.5e-05"),
            (1e15, "1000000000000000.0"),
            (1e16, "1e+16"),
            (1.5e16, "1.5e+16"),
            (123456789012345680.0, "1.2345678901234568e+17"),
            (9999999999999998.0, "9999999999999998.0"),
            (1e22, "1e+22"),
            (1e100, "1e+100"),
            (1.7976931348623157e308, "1.7976931348623157e+308"),
            (5e-324, "5e-324"),
            (2.2250738585072014e-308, "2.2250738585072014e-308"),
            (0.3, "0.3"),
            (0.1 + 0.2, "0.30000000000000004"),
            (1.0 / 3.0, "0.3333333333333333"),
            (-2.5, "-2.5"),
            (12345.678, "12345.678"),
            (f64::INFINITY, "inf"),
            (f64::NEG_INFINITY, "-inf"),
            (f64::NAN, "nan"),
            (-f64::NAN, "nan"),
        ];
        for &(f, want) in cases {
            assert_eq!(float_repr(f), want, "repr({f:?})");
        }
    }

    #[test]
    fn complexes() {
        let inf = f64::INFINITY;
        let nan = f64::NAN;
        let cases: &[((f64, f64), &str)] = &[
            ((0.0, 1.0), "1j"),
            ((0.0, 0.0), "0j"),
            ((0.0, -0.0), "-0j"),
            ((0.0, -1.0), "-1j"),
            ((0.0, 1.5), "1.5j"),
            ((0.0, 1e16), "1e+16j"),
            ((0.0, 1e-5), "1e-05j"),
            ((0.0, 100.0), "100j"),
            ((1.0, 2.0), "(1+2j)"),
            ((-0.0, 1.0), "(-0+1j)"),
            ((-0.0, -1.0), "(-0-1j)"),
            ((1.5, -2.5), "(1.5-2.5j)"),
            ((0.0, inf), "infj"),
            ((0.0, -inf), "-infj"),
            ((inf, inf), "(inf+infj)"),
            ((nan, nan), "(nan+nanj)"),
            ((0.0, nan), "nanj"),
            ((1.0, -nan), "(1+nanj)"),
            ((-inf, 0.0), "(-inf+0j)"),
        ];
        for &((re, im), want) in cases {
            assert_eq!(complex_repr(re, im), want, "complex({re:?}, {im:?})");
        }
    }

    #[test]
    fn bytes() {
        let cases: &[(&[u8], &str)] = &[
            (b"", "b''"),
            (b"abc", "b'abc'"),
            (b"'", "b\"'\""),
            (b"\"", "b'\"'"),
            (b"'\"", "b'\\'\"'"),
            (b"\t\n\r\\", "b'\\t\\n\\r\\\\'"),
            (b"\x00\x07\x1f\x7f\x80\xff", "b'\\x00\\x07\\x1f\\x7f\\x80\\xff'"),
            (b"\x0b\x0c", "b'\\x0b\\x0c'"),
        ];
        for &(b, want) in cases {
            assert_eq!(bytes_repr(b), want);
        }
    }

    #[test]
    fn strs() {
        let cases: &[(&str, &str)] = &[
            ("", "''"),
            ("abc", "'abc'"),
            ("'", "\"'\""),
            ("'\"", "'\\'\"'"),
            ("\\", "'\\\\'"),
            ("\t\n\r", "'\\t\\n\\r'"),
            ("\x00\x0b\x1f\x7f", "'\\x00\\x0b\\x1f\\x7f'"),
            ("\u{80}\u{a0}\u{ad}", "'\\x80\\xa0\\xad'"),
            ("é€😀", "'é€😀'"),
            ("\u{2028}\u{200b}\u{feff}", "'\\u2028\\u200b\\ufeff'"),
            ("\u{e000}\u{10ffff}", "'\\ue000\\U0010ffff'"),
            // Unassigned in Unicode 14.0 (U+1F6DD is assigned in 14.0, U+1F6D8 is not).
            ("\u{1f6dd}\u{1f6d8}", "'\u{1f6dd}\\U0001f6d8'"),
            ("\u{3000}", "'\\u3000'"),
            (" ", "' '"),
        ];
        for &(s, want) in cases {
            assert_eq!(str_repr(&Wtf8Buf::from(s)), want, "repr({s:?})");
        }
        let mut s = Wtf8Buf::from("a");
        s.push_code_point(0xd800);
        s.push_code_point(0xdfff);
        assert_eq!(str_repr(&s), "'a\\ud800\\udfff'");
    }

    #[test]
    fn printable_table() {
        assert!(is_printable(0x20));
        assert!(!is_printable(0x0));
        assert!(!is_printable(0x10ffff));
        assert!(is_printable(0x4e00));
        assert!(!is_printable(0xd800));
        assert!(!is_printable(0xa0));
    }
}
