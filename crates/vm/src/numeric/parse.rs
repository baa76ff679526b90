//! `int(text, base)` and `float(text)` parsing with CPython's rules (Objects/longobject.c `PyLong_FromString`,
//! Objects/floatobject.c `float_from_string`, Python/pystrtod.c).
//!
//! The caller has already mapped non-ASCII Unicode decimal digits and spaces to ASCII; any other non-ASCII
//! character simply makes the text invalid.

use num_bigint::{BigInt, BigUint, Sign};
use num_traits::Zero;

use super::int::str_to_int_digits_error;
use super::NumError;

/// Why `int(text, base)` failed.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum IntParseError {
    /// Not a valid literal: the caller raises `ValueError("invalid literal for int() with base %d: %.200R")` with
    /// the original object (its repr cut to 200 characters).
    Invalid,
    /// Any other error, complete (bad base, too many digits).
    Error(NumError),
}

/// `float(text)` failed: the caller raises `ValueError("could not convert string to float: %R")`.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct FloatParseError;

/// Python's ASCII whitespace for number parsing (`Py_ISSPACE`).
fn is_space(b: u8) -> bool {
    matches!(b, b' ' | b'\t' | b'\n' | 0x0b | 0x0c | b'\r')
}

fn digit_value(b: u8) -> u32 {
    match b {
        b'0'..=b'9' => (b - b'0') as u32,
        b'a'..=b'z' => (b - b'a') as u32 + 10,
        b'A'..=b'Z' => (b - b'A') as u32 + 10,
        _ => 99,
    }
}

/// The error for `int()` with a base outside 2..=36 and not 0.
pub fn base_error() -> NumError {
    NumError::value("int() base must be >= 2 and <= 36, or 0")
}

/// `int(text, base)`: surrounding whitespace, a sign, the base prefix (`0x`/`0o`/`0b`, deduced when `base` is 0),
/// single underscores between digits (or right after a prefix). Bases that are not powers of two refuse more
/// than `max_str_digits` digits (0: no limit), as CPython 3.11.
pub fn parse_int(text: &str, base: i64, max_str_digits: usize) -> Result<BigInt, IntParseError> {
    if base != 0 && !(2..=36).contains(&base) {
        return Err(IntParseError::Error(base_error()));
    }
    let s = text.as_bytes();
    let at = |i: usize| s.get(i).copied().unwrap_or(0);
    let mut i = 0;
    while i < s.len() && is_space(s[i]) {
        i += 1;
    }
    let mut negative = false;
    match at(i) {
        b'+' => i += 1,
        b'-' => {
            negative = true;
            i += 1;
        }
        _ => {}
    }
    let mut base = base as u32;
    let mut error_if_nonzero = false;
    if base == 0 {
        base = if at(i) != b'0' {
            10
        } else {
            match at(i + 1) {
                b'x' | b'X' => 16,
                b'o' | b'O' => 8,
                b'b' | b'B' => 2,
                _ => {
                    // A C-style octal literal such as "010" is invalid, but zeros are still zero.
                    error_if_nonzero = true;
                    10
                }
            }
        };
    }
    if at(i) == b'0' {
        let p = at(i + 1).to_ascii_lowercase();
        if (base == 16 && p == b'x') || (base == 8 && p == b'o') || (base == 2 && p == b'b') {
            i += 2;
            // One underscore may follow the prefix.
            if at(i) == b'_' {
                i += 1;
            }
        }
    }
    if at(i) == b'_' {
        return Err(IntParseError::Invalid);
    }
    let mut digits: Vec<u8> = Vec::new();
    let mut prev_underscore = false;
    while i < s.len() {
        let c = s[i];
        if c == b'_' {
            if prev_underscore {
                return Err(IntParseError::Invalid);
            }
            prev_underscore = true;
        } else if digit_value(c) < base {
            digits.push(digit_value(c) as u8);
            prev_underscore = false;
        } else {
            break;
        }
        i += 1;
    }
    if prev_underscore {
        return Err(IntParseError::Invalid);
    }
    if !base.is_power_of_two() && max_str_digits > 0 && digits.len() > 640 && digits.len() > max_str_digits {
        return Err(IntParseError::Error(str_to_int_digits_error(
            max_str_digits,
            digits.len(),
        )));
    }
    if digits.is_empty() {
        return Err(IntParseError::Invalid);
    }
    let mag = BigUint::from_radix_be(&digits, base).ok_or(IntParseError::Invalid)?;
    if error_if_nonzero && !mag.is_zero() {
        return Err(IntParseError::Invalid);
    }
    while i < s.len() && is_space(s[i]) {
        i += 1;
    }
    if i != s.len() {
        return Err(IntParseError::Invalid);
    }
    Ok(BigInt::from_biguint(
        if negative { Sign::Minus } else { Sign::Plus },
        mag,
    ))
}

/// `float(text)`: surrounding whitespace, a sign, decimal digits with an optional point and exponent, single
/// underscores between digits, or `inf`/`infinity`/`nan` in any case. Correctly rounded.
pub fn parse_float(text: &str) -> Result<f64, FloatParseError> {
    let s = text.as_bytes();
    // Underscores: each one between two digits; they are then dropped.
    let cleaned: Vec<u8>;
    let s = if s.contains(&b'_') {
        for (k, &c) in s.iter().enumerate() {
            if c == b'_' {
                let before = k > 0 && s[k - 1].is_ascii_digit();
                let after = s.get(k + 1).is_some_and(u8::is_ascii_digit);
                if !(before && after) {
                    return Err(FloatParseError);
                }
            }
        }
        cleaned = s.iter().copied().filter(|&c| c != b'_').collect();
        &cleaned[..]
    } else {
        s
    };
    let mut start = 0;
    let mut end = s.len();
    while start < end && is_space(s[start]) {
        start += 1;
    }
    while end > start && is_space(s[end - 1]) {
        end -= 1;
    }
    let s = &s[start..end];
    if let Some((v, n)) = super::float::parse_inf_or_nan(s) {
        return if n == s.len() { Ok(v) } else { Err(FloatParseError) };
    }
    // Validate the grammar [sign] (digits [. digits] | . digits) [e [sign] digits] before handing it over.
    let mut i = 0;
    let mut negative = false;
    if let Some(&c) = s.first() {
        if c == b'+' || c == b'-' {
            negative = c == b'-';
            i = 1;
        }
    }
    let body = i;
    let mut mantissa_digits = 0;
    while i < s.len() && s[i].is_ascii_digit() {
        i += 1;
        mantissa_digits += 1;
    }
    if i < s.len() && s[i] == b'.' {
        i += 1;
        while i < s.len() && s[i].is_ascii_digit() {
            i += 1;
            mantissa_digits += 1;
        }
    }
    if mantissa_digits == 0 {
        return Err(FloatParseError);
    }
    if i < s.len() && (s[i] == b'e' || s[i] == b'E') {
        i += 1;
        if i < s.len() && (s[i] == b'+' || s[i] == b'-') {
            i += 1;
        }
        let exp_start = i;
        while i < s.len() && s[i].is_ascii_digit() {
            i += 1;
        }
        if i == exp_start {
            return Err(FloatParseError);
        }
    }
    if i != s.len() {
        return Err(FloatParseError);
    }
    // Only ASCII digits, '.', 'e', signs remain: valid UTF-8, and a grammar Rust's correctly rounded parser takes.
    let body = std::str::from_utf8(&s[body..]).map_err(|_| FloatParseError)?;
    let v: f64 = body.parse().map_err(|_| FloatParseError)?;
    Ok(if negative { -v } else { v })
}

/// Why `complex(text)` failed.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum ComplexParseError {
    /// A misplaced underscore: `ValueError("could not convert string to complex: %R")`.
    Underscore,
    /// Anything else: `ValueError("complex() arg is a malformed string")`.
    Malformed,
}

/// The longest prefix of `s` that is a float literal without surrounding spaces (CPython's
/// `PyOS_string_to_double` with an end pointer; overflow gives an infinity): the value and its length,
/// or None when no prefix is a float.
fn float_prefix(s: &[u8]) -> Option<(f64, usize)> {
    if let Some(r) = super::float::parse_inf_or_nan(s) {
        return Some(r);
    }
    let mut i = 0;
    if matches!(s.first(), Some(b'+' | b'-')) {
        i = 1;
    }
    let mut digits = 0;
    while i < s.len() && s[i].is_ascii_digit() {
        i += 1;
        digits += 1;
    }
    if i < s.len() && s[i] == b'.' {
        i += 1;
        while i < s.len() && s[i].is_ascii_digit() {
            i += 1;
            digits += 1;
        }
    }
    if digits == 0 {
        return None;
    }
    // An exponent counts only when digits follow it.
    if i < s.len() && (s[i] == b'e' || s[i] == b'E') {
        let mut j = i + 1;
        if j < s.len() && (s[j] == b'+' || s[j] == b'-') {
            j += 1;
        }
        if j < s.len() && s[j].is_ascii_digit() {
            while j < s.len() && s[j].is_ascii_digit() {
                j += 1;
            }
            i = j;
        }
    }
    let text = std::str::from_utf8(&s[..i]).ok()?;
    let v: f64 = text.parse().ok()?;
    Some((v, i))
}

/// `complex(text)` (CPython's `complex_from_string_inner`, after the caller mapped Unicode digits and spaces
/// to ASCII): `<float>`, `<float>j`, `<float><signed float>j`, `<float><sign>j`, `<sign>j`, `j`, optionally in
/// parentheses, surrounded by whitespace; underscores only between digits.
pub fn parse_complex(text: &str) -> Result<(f64, f64), ComplexParseError> {
    let b = text.as_bytes();
    let cleaned: Vec<u8>;
    let s: &[u8] = if b.contains(&b'_') {
        for (k, &c) in b.iter().enumerate() {
            if c == b'_' {
                let before = k > 0 && b[k - 1].is_ascii_digit();
                let after = b.get(k + 1).is_some_and(u8::is_ascii_digit);
                if !(before && after) {
                    return Err(ComplexParseError::Underscore);
                }
            }
        }
        cleaned = b.iter().copied().filter(|&c| c != b'_').collect();
        &cleaned
    } else {
        b
    };
    let bad = Err(ComplexParseError::Malformed);
    let at = |i: usize| s.get(i).copied().unwrap_or(0);
    let mut i = 0;
    while is_space(at(i)) {
        i += 1;
    }
    let got_bracket = at(i) == b'(';
    if got_bracket {
        i += 1;
        while is_space(at(i)) {
            i += 1;
        }
    }
    let (re, im);
    if let Some((z, n)) = float_prefix(&s[i..]) {
        i += n;
        if at(i) == b'+' || at(i) == b'-' {
            re = z;
            if let Some((y, m)) = float_prefix(&s[i..]) {
                im = y;
                i += m;
            } else {
                im = if at(i) == b'+' { 1.0 } else { -1.0 };
                i += 1;
            }
            if !matches!(at(i), b'j' | b'J') {
                return bad;
            }
            i += 1;
        } else if matches!(at(i), b'j' | b'J') {
            i += 1;
            re = 0.0;
            im = z;
        } else {
            re = z;
            im = 0.0;
        }
    } else {
        im = match at(i) {
            b'+' => {
                i += 1;
                1.0
            }
            b'-' => {
                i += 1;
                -1.0
            }
            _ => 1.0,
        };
        re = 0.0;
        if !matches!(at(i), b'j' | b'J') {
            return bad;
        }
        i += 1;
    }
    while is_space(at(i)) {
        i += 1;
    }
    if got_bracket {
        if at(i) != b')' {
            return bad;
        }
        i += 1;
        while is_space(at(i)) {
            i += 1;
        }
    }
    if i != s.len() {
        return bad;
    }
    Ok((re, im))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn complex_forms() {
        // Expected values from python3's complex().
        assert_eq!(parse_complex(" ( 1.5e2-2J ) "), Ok((150.0, -2.0)));
        assert_eq!(parse_complex("-j"), Ok((0.0, -1.0)));
        assert_eq!(parse_complex("1+j"), Ok((1.0, 1.0)));
        assert_eq!(parse_complex("1e3j"), Ok((0.0, 1000.0)));
        assert_eq!(parse_complex("1_0+2_0j"), Ok((10.0, 20.0)));
        assert_eq!(parse_complex("1 +2j"), Err(ComplexParseError::Malformed));
        assert_eq!(parse_complex("1e"), Err(ComplexParseError::Malformed));
        assert_eq!(parse_complex("1_j"), Err(ComplexParseError::Underscore));
        assert_eq!(parse_complex("()"), Err(ComplexParseError::Malformed));
        let (re, im) = parse_complex("-infj").unwrap();
        assert!(re == 0.0 && im == f64::NEG_INFINITY);
    }

    #[test]
    fn int_basics() {
        assert_eq!(parse_int(" -0x_1f\n", 0, 4300), Ok(BigInt::from(-31)));
        assert_eq!(parse_int("010", 0, 4300), Err(IntParseError::Invalid));
        assert_eq!(parse_int("0_0", 0, 4300), Ok(BigInt::from(0)));
        assert_eq!(parse_int("1", 37, 4300), Err(IntParseError::Error(base_error())));
        assert_eq!(parse_int("1é", 10, 4300), Err(IntParseError::Invalid));
    }

    #[test]
    fn float_basics() {
        assert_eq!(parse_float(" 1_000.000_1 "), Ok(1000.0001));
        assert_eq!(parse_float("1_.5"), Err(FloatParseError));
        assert!(parse_float("-nan").unwrap().is_sign_negative());
        assert_eq!(parse_float("é"), Err(FloatParseError));
    }
}
