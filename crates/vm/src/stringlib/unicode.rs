//! Character properties of Unicode 14.0.0 (CPython's unicodectype.c): the predicates
//! behind str methods, full case mappings and the unicodedata numeric values.

use super::unicode_db as db;

#[inline]
fn record(cp: u32) -> &'static db::Record {
    if cp > 0x10FFFF {
        return &db::RECORDS[0];
    }
    let block = db::RECORD_INDEX1[(cp >> db::SHIFT) as usize] as usize;
    let i = db::RECORD_INDEX2[(block << db::SHIFT) + (cp & ((1 << db::SHIFT) - 1)) as usize];
    &db::RECORDS[i as usize]
}

#[inline]
fn has(cp: u32, flag: u16) -> bool {
    record(cp).0 & flag != 0
}

/// `chr(cp).isalpha()`: general category L*.
pub fn is_alpha(cp: u32) -> bool {
    has(cp, db::ALPHA)
}

/// `chr(cp).isdecimal()`: has a decimal value (category Nd).
pub fn is_decimal(cp: u32) -> bool {
    has(cp, db::DECIMAL)
}

/// `chr(cp).isdigit()`: has a digit value.
pub fn is_digit(cp: u32) -> bool {
    has(cp, db::DIGIT)
}

/// `chr(cp).isnumeric()`: has a numeric value.
pub fn is_numeric(cp: u32) -> bool {
    has(cp, db::NUMERIC)
}

/// `chr(cp).isalnum()`: alpha, decimal, digit or numeric.
pub fn is_alnum(cp: u32) -> bool {
    has(cp, db::ALPHA | db::DECIMAL | db::DIGIT | db::NUMERIC)
}

/// Lowercase property (`Py_UNICODE_ISLOWER`).
pub fn is_lower(cp: u32) -> bool {
    has(cp, db::LOWER)
}

/// Uppercase property (`Py_UNICODE_ISUPPER`).
pub fn is_upper(cp: u32) -> bool {
    has(cp, db::UPPER)
}

/// Titlecase letter, category Lt (`Py_UNICODE_ISTITLE`).
pub fn is_title(cp: u32) -> bool {
    has(cp, db::TITLE)
}

/// Whitespace as `str.isspace()` and `str.split()` see it.
pub fn is_space(cp: u32) -> bool {
    if cp < 128 {
        return matches!(cp, 0x09..=0x0D | 0x1C..=0x20);
    }
    has(cp, db::SPACE)
}

/// A line boundary of `str.splitlines()`.
pub fn is_linebreak(cp: u32) -> bool {
    has(cp, db::LINEBREAK)
}

/// XID_Start (first character of an identifier, besides `_`).
pub fn is_xid_start(cp: u32) -> bool {
    has(cp, db::XID_START)
}

/// XID_Continue (later characters of an identifier).
pub fn is_xid_continue(cp: u32) -> bool {
    has(cp, db::XID_CONTINUE)
}

/// Cased property (used by `title()`, `istitle()` and the final sigma rule).
pub fn is_cased(cp: u32) -> bool {
    has(cp, db::CASED)
}

/// Case_Ignorable property (used by the final sigma rule).
pub fn is_case_ignorable(cp: u32) -> bool {
    has(cp, db::CASE_IGNORABLE)
}

/// `chr(cp).isprintable()` (Unicode 14.0, shared with the parser's table).
pub fn is_printable(cp: u32) -> bool {
    syntax::repr::is_printable(cp)
}

/// Whether `unicodedata.name(chr(cp))` has a name in Unicode 14.0.0.
pub fn has_name(cp: u32) -> bool {
    has(cp, db::HAS_NAME)
}

/// `unicodedata.name(chr(cp))` as CPython 3.11 gives it, `None` when it has none.
pub fn name(cp: u32) -> Option<String> {
    if !has_name(cp) {
        return None;
    }
    let c = char::from_u32(cp)?;
    unicode_names2::name(c).map(|n| n.to_string())
}

/// A full case mapping: one to three code points.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct CaseMapping {
    buf: [u32; 3],
    len: u8,
}

impl CaseMapping {
    fn one(cp: u32) -> Self {
        CaseMapping { buf: [cp, 0, 0], len: 1 }
    }

    /// The mapped code points.
    pub fn as_slice(&self) -> &[u32] {
        &self.buf[..self.len as usize]
    }
}

fn mapping(cp: u32, field: i32, extended: bool) -> CaseMapping {
    if !extended {
        return CaseMapping::one((cp as i64 + field as i64) as u32);
    }
    let len = (field as u32 >> 24) as usize;
    let start = (field as u32 & 0xFF_FFFF) as usize;
    let mut m = CaseMapping { buf: [0; 3], len: len.min(3) as u8 };
    for (k, slot) in m.buf.iter_mut().enumerate().take(len.min(3)) {
        *slot = db::EXT_CASE[start + k];
    }
    m
}

/// Full uppercase mapping (SpecialCasing included: 'ß' → "SS").
pub fn to_upper_full(cp: u32) -> CaseMapping {
    let r = record(cp);
    mapping(cp, r.1, r.0 & db::EXTENDED_CASE != 0)
}

/// Full lowercase mapping without context (a lone 'Σ' → 'σ').
pub fn to_lower_full(cp: u32) -> CaseMapping {
    let r = record(cp);
    mapping(cp, r.2, r.0 & db::EXTENDED_CASE != 0)
}

/// Full titlecase mapping ('ǆ' → 'ǅ', 'ﬁ' → "Fi").
pub fn to_title_full(cp: u32) -> CaseMapping {
    let r = record(cp);
    mapping(cp, r.3, r.0 & db::EXTENDED_CASE != 0)
}

/// Full case folding ('ß' → "ss").
pub fn to_folded_full(cp: u32) -> CaseMapping {
    let r = record(cp);
    mapping(cp, r.4, r.0 & db::EXTENDED_CASE != 0)
}

/// Simple uppercase as CPython's `_PyUnicode_ToUppercase` (first code point of the full mapping).
pub fn to_upper(cp: u32) -> u32 {
    to_upper_full(cp).buf[0]
}

/// Simple lowercase as CPython's `_PyUnicode_ToLowercase` (first code point of the full mapping).
pub fn to_lower(cp: u32) -> u32 {
    to_lower_full(cp).buf[0]
}

/// Simple titlecase as CPython's `_PyUnicode_ToTitlecase` (first code point of the full mapping).
pub fn to_title(cp: u32) -> u32 {
    to_title_full(cp).buf[0]
}

/// `unicodedata.decimal(chr(cp))`: 0..=9, or `None`.
pub fn decimal_value(cp: u32) -> Option<u32> {
    let d = record(cp).5;
    (d != 0xFF).then_some(d as u32)
}

/// `unicodedata.digit(chr(cp))`: 0..=9, or `None`.
pub fn digit_value(cp: u32) -> Option<u32> {
    let d = record(cp).6;
    (d != 0xFF).then_some(d as u32)
}

/// `unicodedata.numeric(chr(cp))`, or `None`.
pub fn numeric_value(cp: u32) -> Option<f64> {
    let i = record(cp).7;
    db::NUMERIC_VALUES.get(i as usize).copied()
}

/// `unicodedata.category(chr(cp))` ("Lu", "Nd", "Cn", ...).
pub fn category(cp: u32) -> &'static str {
    db::CATEGORIES.get(record(cp).8 as usize).copied().unwrap_or("Cn")
}

/// `unicodedata.bidirectional(chr(cp))` ("L", "AN", ... or "" when unassigned).
pub fn bidirectional(cp: u32) -> &'static str {
    db::BIDIRECTIONAL.get(record(cp).9 as usize).copied().unwrap_or("")
}

/// `unicodedata.east_asian_width(chr(cp))` ("F", "H", "W", "Na", "A" or "N").
pub fn east_asian_width(cp: u32) -> &'static str {
    db::EAST_ASIAN_WIDTH.get(record(cp).10 as usize).copied().unwrap_or("N")
}

/// `unicodedata.combining(chr(cp))`: the canonical combining class.
pub fn combining(cp: u32) -> u8 {
    record(cp).11
}

/// `unicodedata.mirrored(chr(cp))`.
pub fn mirrored(cp: u32) -> bool {
    has(cp, db::MIRRORED)
}

#[cfg(test)]
mod tests {
    use super::super::unicode_checks as checks;
    use super::*;

    fn crc_table() -> [u32; 256] {
        let mut t = [0u32; 256];
        for (i, e) in t.iter_mut().enumerate() {
            let mut c = i as u32;
            for _ in 0..8 {
                c = if c & 1 != 0 { 0xEDB8_8320 ^ (c >> 1) } else { c >> 1 };
            }
            *e = c;
        }
        t
    }

    /// zlib.crc32 over one line per code point, as gen_unicode.py computes it.
    fn checksum(line: impl Fn(u32, &mut String)) -> u32 {
        let t = crc_table();
        let mut crc = !0u32;
        let mut s = String::new();
        for cp in 0..0x110000u32 {
            s.clear();
            line(cp, &mut s);
            s.push('\n');
            // Surrogates are written as generalized UTF-8 (surrogatepass) by the generator;
            // lines here hold only ASCII, so UTF-8 bytes are the same.
            for &b in s.as_bytes() {
                crc = t[((crc ^ b as u32) & 0xFF) as usize] ^ (crc >> 8);
            }
        }
        !crc
    }

    fn hex_list(m: &[u32], s: &mut String) {
        use std::fmt::Write;
        for (k, cp) in m.iter().enumerate() {
            if k > 0 {
                s.push(' ');
            }
            let _ = write!(s, "{cp:X}");
        }
    }

    fn one(cp: u32) -> crate::stringlib::StrData {
        crate::stringlib::StrData::from_code_points(&[cp])
    }

    #[test]
    fn predicates_match_cpython() {
        let got = checksum(|cp, s| {
            let d = one(cp);
            for b in [
                d.isalpha(),
                d.isdecimal(),
                d.isdigit(),
                d.isnumeric(),
                d.islower(),
                d.isupper(),
                d.istitle(),
                d.isspace(),
                d.isidentifier(),
                d.isprintable(),
                d.isalnum(),
            ] {
                s.push(if b { '1' } else { '0' });
            }
        });
        assert_eq!(got, checks::PREDICATES);
    }

    #[test]
    fn case_mappings_match_cpython() {
        // Single characters: str methods reduce to the full mappings (a lone 'Σ' is not final).
        fn swap(cp: u32) -> CaseMapping {
            if is_upper(cp) {
                to_lower_full(cp)
            } else if is_lower(cp) {
                to_upper_full(cp)
            } else {
                CaseMapping::one(cp)
            }
        }
        type Map = fn(u32) -> CaseMapping;
        let cases: [(Map, u32); 5] = [
            (to_upper_full, checks::UPPER),
            (to_lower_full, checks::LOWER),
            (to_title_full, checks::TITLE),
            (to_folded_full, checks::CASEFOLD),
            (swap, checks::SWAPCASE),
        ];
        for (k, (f, want)) in cases.iter().enumerate() {
            let got = checksum(|cp, s| hex_list(f(cp).as_slice(), s));
            assert_eq!(got, *want, "mapping {k}");
        }
        // And through the str methods for a sample of them.
        for cp in (0..0x20000).step_by(7) {
            let d = one(cp);
            assert_eq!(d.upper().code_points().collect::<Vec<_>>(), to_upper_full(cp).as_slice());
            assert_eq!(d.title().code_points().collect::<Vec<_>>(), to_title_full(cp).as_slice());
            assert_eq!(d.swapcase().code_points().collect::<Vec<_>>(), swap(cp).as_slice());
        }
    }

    #[test]
    fn values_match_cpython() {
        use std::fmt::Write;
        let got = checksum(|cp, s| {
            let dec = decimal_value(cp).map_or(-1, |v| v as i64);
            let dig = digit_value(cp).map_or(-1, |v| v as i64);
            let num = numeric_value(cp).unwrap_or(-1.0);
            let _ = write!(s, "{dec} {dig} {}", syntax::repr::float_repr(num));
        });
        assert_eq!(got, checks::VALUES);
    }

    #[test]
    fn properties_match_cpython() {
        use std::fmt::Write;
        let got = checksum(|cp, s| {
            let _ = write!(
                s,
                "{} {} {} {} {}",
                category(cp),
                bidirectional(cp),
                east_asian_width(cp),
                combining(cp),
                u8::from(mirrored(cp))
            );
        });
        assert_eq!(got, checks::PROPERTIES);
        assert_eq!((category(0x41), category(0xD800), category(0x378)), ("Lu", "Cs", "Cn"));
        assert_eq!(
            (bidirectional(0x5D0), east_asian_width(0x3000), combining(0x301), mirrored(0x28)),
            ("R", "F", 230, true)
        );
    }

    #[test]
    fn names_match_cpython() {
        let got = checksum(|cp, s| {
            if let Some(n) = name(cp) {
                s.push_str(&n);
            }
        });
        assert_eq!(got, checks::NAMES);
    }

    #[test]
    fn samples() {
        assert_eq!(to_upper_full(0xDF).as_slice(), &[0x53, 0x53]);
        assert_eq!(to_upper_full(0xFB01).as_slice(), &[0x46, 0x49]);
        assert_eq!(to_title_full(0xFB01).as_slice(), &[0x46, 0x69]);
        assert_eq!(to_title_full(0x1C6).as_slice(), &[0x1C5]);
        assert_eq!(to_lower_full(0x130).as_slice(), &[0x69, 0x307]);
        assert_eq!(to_folded_full(0xDF).as_slice(), &[0x73, 0x73]);
        assert_eq!(to_upper(0xDF), 0x53);
        assert_eq!(decimal_value(0x0663), Some(3));
        assert_eq!(digit_value(0xB2), Some(2));
        assert_eq!(decimal_value(0xB2), None);
        assert_eq!(numeric_value(0xBD), Some(0.5));
        assert_eq!(numeric_value(0x2182), Some(10000.0));
        assert_eq!(numeric_value(0x41), None);
        assert!(is_space(0x3000) && is_space(0x1C) && !is_space(0x200B));
        assert!(is_linebreak(0x2029) && is_linebreak(0x85) && !is_linebreak(0x200B));
        assert_eq!(name(0x41).as_deref(), Some("LATIN CAPITAL LETTER A"));
        assert_eq!(name(0xAC00).as_deref(), Some("HANGUL SYLLABLE GA"));
        assert_eq!(name(0x20000).as_deref(), Some("CJK UNIFIED IDEOGRAPH-20000"));
        // CPython 3.11 has no name for Tangut ideographs or code points new after 14.0.
        assert_eq!(name(0x17000), None);
        assert_eq!(name(0x1F6DC), None);
        assert_eq!(name(0), None);
    }
}
