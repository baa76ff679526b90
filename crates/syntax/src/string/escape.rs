//! Escape sequences of str and bytes literals, decoded as CPython 3.11's
//! `unicode_escape` and `bytes` escape decoders do, with their error
//! messages and positions.

use super::unicode_tables::{CJK_UNIFIED, NAME_ALIASES, UNASSIGNED};
use crate::wtf8::Wtf8Buf;

/// Push `s` with newlines normalized as CPython's tokenizer sees them
/// (`\r\n` and a lone `\r` read as `\n`).
pub(crate) fn push_normalized(out: &mut Wtf8Buf, s: &str) {
    if !s.contains('\r') {
        out.push_str(s);
        return;
    }
    let mut rest = s;
    while let Some(i) = rest.find('\r') {
        out.push_str(&rest[..i]);
        out.push_char('\n');
        rest = &rest[i + 1..];
        if let Some(r) = rest.strip_prefix('\n') {
            rest = r;
        }
    }
    out.push_str(rest);
}

/// Where byte `k` of `s` lands in the buffer CPython actually decodes: before
/// decoding, every non-ASCII character is rewritten as `\UXXXXXXXX` (10
/// bytes) and a backslash followed by a non-ASCII character or by nothing as
/// `\u005c` (6 bytes). Error positions count in that buffer.
fn escaped_position(s: &[u8], k: usize) -> usize {
    let mut pos = 0;
    let mut i = 0;
    while i < k.min(s.len()) {
        let c = s[i];
        if c == b'\\' {
            i += 1;
            match s.get(i) {
                None => return pos + 6,
                Some(&n) if n >= 0x80 => pos += 6,
                Some(_) => {
                    // The escaped ASCII character travels with the backslash.
                    pos += 2;
                    i += 1;
                }
            }
        } else if c >= 0x80 {
            pos += 10;
            i += utf8_len(c);
        } else {
            pos += 1;
            i += 1;
        }
    }
    pos
}

fn utf8_len(first: u8) -> usize {
    match first {
        0xF0..=0xFF => 4,
        0xE0..=0xEF => 3,
        _ => 2,
    }
}

fn unicode_error(s: &[u8], start: usize, end: usize, reason: &str) -> String {
    let a = escaped_position(s, start);
    let b = escaped_position(s, end);
    if b == a + 1 {
        format!("(unicode error) 'unicodeescape' codec can't decode byte 0x5c in position {a}: {reason}")
    } else {
        format!(
            "(unicode error) 'unicodeescape' codec can't decode bytes in position {a}-{}: {reason}",
            b.saturating_sub(1)
        )
    }
}

fn hex_value(c: u8) -> Option<u32> {
    (c as char).to_digit(16)
}

/// Decode the escapes of a str literal body (or of one literal piece of an
/// f-string) into `out`. On error, returns CPython's message.
pub(crate) fn decode_str_escapes(s: &str, out: &mut Wtf8Buf) -> Result<(), String> {
    let b = s.as_bytes();
    let mut i = 0;
    while i < b.len() {
        // Copy the run up to the next backslash as is.
        let next = b[i..].iter().position(|&c| c == b'\\').map_or(b.len(), |p| i + p);
        push_normalized(out, &s[i..next]);
        i = next;
        if i >= b.len() {
            break;
        }
        let start = i;
        i += 1;
        let Some(&c) = b.get(i) else {
            // A lone trailing backslash (possible in f-string pieces) stays.
            out.push_char('\\');
            break;
        };
        i += 1;
        match c {
            b'\n' => {}
            b'\r' => {
                if b.get(i) == Some(&b'\n') {
                    i += 1;
                }
            }
            b'\\' => out.push_char('\\'),
            b'\'' => out.push_char('\''),
            b'"' => out.push_char('"'),
            b'b' => out.push_char('\x08'),
            b'f' => out.push_char('\x0c'),
            b't' => out.push_char('\t'),
            b'n' => out.push_char('\n'),
            b'r' => out.push_char('\r'),
            b'v' => out.push_char('\x0b'),
            b'a' => out.push_char('\x07'),
            b'0'..=b'7' => {
                let mut v = (c - b'0') as u32;
                for _ in 0..2 {
                    match b.get(i) {
                        Some(&d @ b'0'..=b'7') => {
                            v = v * 8 + (d - b'0') as u32;
                            i += 1;
                        }
                        _ => break,
                    }
                }
                out.push_code_point(v);
            }
            b'x' | b'u' | b'U' => {
                let (count, reason) = match c {
                    b'x' => (2, "truncated \\xXX escape"),
                    b'u' => (4, "truncated \\uXXXX escape"),
                    _ => (8, "truncated \\UXXXXXXXX escape"),
                };
                let mut v: u32 = 0;
                for _ in 0..count {
                    match b.get(i).and_then(|&d| hex_value(d)) {
                        Some(d) => {
                            v = (v << 4) | d;
                            i += 1;
                        }
                        None => return Err(unicode_error(b, start, i, reason)),
                    }
                }
                if v > 0x10FFFF {
                    return Err(unicode_error(b, start, i, "illegal Unicode character"));
                }
                out.push_code_point(v);
            }
            b'N' => {
                const MALFORMED: &str = "malformed \\N character escape";
                if b.get(i) != Some(&b'{') {
                    return Err(unicode_error(b, start, i, MALFORMED));
                }
                i += 1;
                let name_start = i;
                let Some(close) = b[i..].iter().position(|&c| c == b'}').map(|p| i + p) else {
                    return Err(unicode_error(b, start, b.len(), MALFORMED));
                };
                if close == name_start {
                    return Err(unicode_error(b, start, close, MALFORMED));
                }
                i = close + 1;
                match lookup_name(&s[name_start..close]) {
                    Some(cp) => out.push_code_point(cp),
                    None => return Err(unicode_error(b, start, i, "unknown Unicode character name")),
                }
            }
            _ => {
                // Not an escape (a DeprecationWarning in 3.11): kept as is.
                out.push_char('\\');
                i -= 1;
            }
        }
    }
    Ok(())
}

/// Decode the escapes of a bytes literal body (ASCII only: checked before).
pub(crate) fn decode_bytes_escapes(s: &[u8]) -> Result<Vec<u8>, String> {
    let mut out = Vec::with_capacity(s.len());
    let mut i = 0;
    while i < s.len() {
        let c = s[i];
        i += 1;
        if c == b'\r' {
            out.push(b'\n');
            if s.get(i) == Some(&b'\n') {
                i += 1;
            }
            continue;
        }
        if c != b'\\' {
            out.push(c);
            continue;
        }
        let Some(&e) = s.get(i) else {
            return Err("(value error) Trailing \\ in string".to_string());
        };
        i += 1;
        match e {
            b'\n' => {}
            b'\r' => {
                if s.get(i) == Some(&b'\n') {
                    i += 1;
                }
            }
            b'\\' | b'\'' | b'"' => out.push(e),
            b'b' => out.push(0x08),
            b'f' => out.push(0x0c),
            b't' => out.push(b'\t'),
            b'n' => out.push(b'\n'),
            b'r' => out.push(b'\r'),
            b'v' => out.push(0x0b),
            b'a' => out.push(0x07),
            b'0'..=b'7' => {
                let mut v = (e - b'0') as u32;
                for _ in 0..2 {
                    match s.get(i) {
                        Some(&d @ b'0'..=b'7') => {
                            v = v * 8 + (d - b'0') as u32;
                            i += 1;
                        }
                        _ => break,
                    }
                }
                // Values above 0o377 wrap, as in CPython 3.11.
                out.push(v as u8);
            }
            b'x' => match (s.get(i).and_then(|&d| hex_value(d)), s.get(i + 1).and_then(|&d| hex_value(d))) {
                (Some(h), Some(l)) => {
                    out.push((h * 16 + l) as u8);
                    i += 2;
                }
                _ => return Err(format!("(value error) invalid \\x escape at position {}", i - 2)),
            },
            _ => {
                out.push(b'\\');
                i -= 1;
            }
        }
    }
    Ok(out)
}

fn in_ranges(table: &[(u32, u32)], cp: u32) -> bool {
    let i = table.partition_point(|&(start, _)| start <= cp);
    i > 0 && cp <= table[i - 1].1
}

/// `\N{name}` as CPython 3.11 resolves it: names and aliases match without
/// regard to case but otherwise exactly (no loose matching); the computed
/// `HANGUL SYLLABLE ` and `CJK UNIFIED IDEOGRAPH-` names match case-sensitively;
/// named sequences are not accepted; only Unicode 14.0 characters exist.
pub fn lookup_name(name: &str) -> Option<u32> {
    // Every Unicode name and alias is made of letters, digits, spaces and
    // hyphens, and starts and ends with a letter or digit. Checking that first
    // also keeps odd input (a leading hyphen) away from the name crate, which
    // does not expect it.
    let bytes = name.as_bytes();
    let word_char = |c: &u8| c.is_ascii_alphanumeric();
    if !bytes.first().is_some_and(word_char)
        || !bytes.last().is_some_and(word_char)
        || !bytes.iter().all(|c| c.is_ascii_alphanumeric() || *c == b' ' || *c == b'-')
    {
        return None;
    }
    if let Some(hex) = name.strip_prefix("CJK UNIFIED IDEOGRAPH-") {
        if !(4..=5).contains(&hex.len()) || !hex.bytes().all(|c| c.is_ascii_digit() || (b'A'..=b'F').contains(&c)) {
            return None;
        }
        let cp = u32::from_str_radix(hex, 16).ok()?;
        return in_ranges(CJK_UNIFIED, cp).then_some(cp);
    }
    if name.starts_with("HANGUL SYLLABLE ") {
        let c = unicode_names2::character(name)?;
        let ok = ('\u{AC00}'..='\u{D7A3}').contains(&c) && unicode_names2::name(c)?.to_string() == name;
        return ok.then_some(c as u32);
    }
    let upper = name.to_ascii_uppercase();
    if let Ok(i) = NAME_ALIASES.binary_search_by(|&(alias, _)| alias.cmp(upper.as_str())) {
        return Some(NAME_ALIASES[i].1);
    }
    let c = unicode_names2::character(&upper)?;
    let cp = c as u32;
    // The crate matches loosely (spaces, underscores, medial hyphens): insist
    // on the exact name, and on characters Unicode 14.0 has. Computed names
    // were handled above, with their case-sensitive prefixes.
    if in_ranges(UNASSIGNED, cp) || in_ranges(CJK_UNIFIED, cp) || ('\u{AC00}'..='\u{D7A3}').contains(&c) {
        return None;
    }
    (unicode_names2::name(c)?.to_string() == upper).then_some(cp)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn dec(s: &str) -> Result<Vec<u32>, String> {
        let mut out = Wtf8Buf::new();
        decode_str_escapes(s, &mut out)?;
        Ok(out.code_points().collect())
    }

    fn cps(s: &str) -> Vec<u32> {
        s.chars().map(|c| c as u32).collect()
    }

    #[test]
    fn simple_escapes() {
        assert_eq!(dec(r#"\\\'\"\a\b\f\n\r\t\v"#).unwrap(), cps("\\'\"\x07\x08\x0c\n\r\t\x0b"));
        assert_eq!(dec("a\\\nb").unwrap(), cps("ab"));
        assert_eq!(dec("a\\\r\nb").unwrap(), cps("ab"));
        assert_eq!(dec("a\r\nb\rc").unwrap(), cps("a\nb\nc"));
        // Not escapes: kept with their backslash.
        assert_eq!(dec(r"\d\{\8\é").unwrap(), cps("\\d\\{\\8\\é"));
        assert_eq!(dec("\\").unwrap(), cps("\\"));
    }

    #[test]
    fn numeric_escapes() {
        // python3: '\0\00\000\0000\8' and '\777', '\400'
        assert_eq!(dec(r"\0\00\000\0000").unwrap(), vec![0, 0, 0, 0, 0x30]);
        assert_eq!(dec(r"\777\400\18").unwrap(), vec![0x1ff, 0x100, 1, 0x38]);
        assert_eq!(dec(r"\x41\xe9\u20ac\U0001F600\U0010ffff").unwrap(), vec![0x41, 0xe9, 0x20ac, 0x1f600, 0x10ffff]);
        assert_eq!(dec(r"\ud800\udc00").unwrap(), vec![0xd800, 0xdc00]);
    }

    #[test]
    fn named_escapes() {
        assert_eq!(dec(r"\N{DIGIT ONE}\N{latin small letter a}").unwrap(), cps("1a"));
        assert_eq!(
            dec(r"\N{NULL}\N{line feed}\N{BOM}\N{LATIN CAPITAL LETTER GHA}").unwrap(),
            vec![0, 10, 0xfeff, 0x1a2]
        );
        assert_eq!(
            dec(r"\N{CJK UNIFIED IDEOGRAPH-4E00}\N{CJK UNIFIED IDEOGRAPH-04E00}").unwrap(),
            vec![0x4e00, 0x4e00]
        );
        assert_eq!(dec(r"\N{HANGUL SYLLABLE GAG}\N{HANGUL SYLLABLE A}").unwrap(), vec![0xac01, 0xc544]);
        assert_eq!(dec(r"\N{HANGUL JUNGSEONG O-E}\N{HANGUL JUNGSEONG OE}").unwrap(), vec![0x1180, 0x116c]);
        assert_eq!(dec(r"\N{cjk compatibility ideograph-f900}").unwrap(), vec![0xf900]);
        assert_eq!(dec(r"\N{KHITAN SMALL SCRIPT CHARACTER-18B00}").unwrap(), vec![0x18b00]);
        assert_eq!(dec(r"\N{TIBETAN MARK TSA -PHRU}").unwrap(), vec![0xf39]);
        for bad in [r"\N{-O A }", r"\N{-}", r"\N{ A}", r"\N{A-}", r"\N{A_B}"] {
            assert!(dec(bad).is_err(), "{bad}");
        }
        // Rejected by python3.11.
        for bad in [
            "LATINSMALLLETTERA",
            "LATIN_SMALL_LETTER_A",
            "LATIN SMALL  LETTER A",
            " LATIN SMALL LETTER A",
            "CJK UNIFIED IDEOGRAPH-4e00",
            "cjk unified ideograph-4E00",
            "CJK UNIFIED IDEOGRAPH-F900",
            "CJK UNIFIED IDEOGRAPH-2B739",
            "hangul syllable gag",
            "HANGUL SYLLABLE gag",
            "HANGUL SYLLABLE",
            "TANGUT IDEOGRAPH-17000",
            "KATAKANA LETTER AINU P",
            "LATIN CAPITAL LETTER A WITH MACRON AND GRAVE",
            "é",
        ] {
            assert_eq!(lookup_name(bad), None, "{bad}");
        }
    }

    #[test]
    fn errors() {
        // Messages and positions from python3.11.
        let cases = [
            (r"\x", "position 0-1: truncated \\xXX escape"),
            (r"\x1", "position 0-2: truncated \\xXX escape"),
            (r"\xZZ", "position 0-1: truncated \\xXX escape"),
            (r"ab\x1", "position 2-4: truncated \\xXX escape"),
            ("é\\x1", "position 10-12: truncated \\xXX escape"),
            ("\\é\\x1", "position 16-18: truncated \\xXX escape"),
            ("\\\\é\\x1", "position 12-14: truncated \\xXX escape"),
            (r"\u123Z", "position 0-4: truncated \\uXXXX escape"),
            (r"\U0011000", "position 0-8: truncated \\UXXXXXXXX escape"),
            (r"\U00110000", "position 0-9: illegal Unicode character"),
            (r"\UFFFFFFFF", "position 0-9: illegal Unicode character"),
            (r"\N", "position 0-1: malformed \\N character escape"),
            (r"\N{", "position 0-2: malformed \\N character escape"),
            (r"\N{}", "position 0-2: malformed \\N character escape"),
            (r"\N{x", "position 0-3: malformed \\N character escape"),
            (r"\Nx", "position 0-1: malformed \\N character escape"),
            ("\\Né", "position 0-1: malformed \\N character escape"),
            (r"\N{foo bar}", "position 0-10: unknown Unicode character name"),
            (r"a\N{foo}\x", "position 1-7: unknown Unicode character name"),
            ("\\N{é}", "position 0-13: unknown Unicode character name"),
        ];
        for (src, want) in cases {
            let got = dec(src).unwrap_err();
            assert_eq!(got, format!("(unicode error) 'unicodeescape' codec can't decode bytes in {want}"), "{src}");
        }
    }

    #[test]
    fn bytes() {
        assert_eq!(decode_bytes_escapes(br#"\\\'\"\a\b\f\n\r\t\v"#).unwrap(), b"\\'\"\x07\x08\x0c\n\r\t\x0b");
        assert_eq!(decode_bytes_escapes(br"\0\00\000\0000\8\777\400").unwrap(), b"\x00\x00\x00\x000\\8\xff\x00");
        assert_eq!(decode_bytes_escapes(br"\x41\xfF\u1234\N{x}").unwrap(), b"A\xff\\u1234\\N{x}");
        assert_eq!(decode_bytes_escapes(b"a\\\nb\r\n").unwrap(), b"ab\n");
        assert_eq!(decode_bytes_escapes(br"\x").unwrap_err(), "(value error) invalid \\x escape at position 0");
        assert_eq!(decode_bytes_escapes(br"ab\x1").unwrap_err(), "(value error) invalid \\x escape at position 2");
        assert_eq!(decode_bytes_escapes(br"\xZZ").unwrap_err(), "(value error) invalid \\x escape at position 0");
    }
}
