//! Case mappings and character-class predicates of str (CPython's unicodeobject.c
//! do_upper/do_lower/do_title/... and the is* methods), with Unicode 14.0 full mappings.

use super::buffer::{StrBuilder, StrData};
use super::unicode::*;

const CAPITAL_SIGMA: u32 = 0x3A3;

/// Lowercase of the code point at `i`, applying the final sigma rule to 'Σ'.
fn lower_at(s: &StrData, i: usize, cp: u32, out: &mut StrBuilder) {
    if cp == CAPITAL_SIGMA {
        out.push(final_sigma(s, i));
        return;
    }
    for &m in to_lower_full(cp).as_slice() {
        out.push(m);
    }
}

/// 'ς' when the Σ at `i` ends a word (preceded by a cased letter and not followed by
/// one, case-ignorable characters skipped), else 'σ'.
fn final_sigma(s: &StrData, i: usize) -> u32 {
    let mut j = i;
    let mut before = None;
    while j > 0 {
        j -= 1;
        let c = s.get(j);
        if !is_case_ignorable(c) {
            before = Some(c);
            break;
        }
    }
    let mut fin = before.is_some_and(is_cased);
    if fin {
        let after = (i + 1..s.len()).map(|k| s.get(k)).find(|&c| !is_case_ignorable(c));
        fin = !after.is_some_and(is_cased);
    }
    if fin {
        0x3C2
    } else {
        0x3C3
    }
}

fn push_all(out: &mut StrBuilder, m: CaseMapping) {
    for &c in m.as_slice() {
        out.push(c);
    }
}

impl StrData {
    fn map_ascii(&self, f: impl Fn(u8) -> u8) -> Option<StrData> {
        self.map_ascii_bytes(f)
    }

    fn builder(&self) -> StrBuilder {
        // Mappings may need a wider kind ('ÿ'.upper() is U+0178); the builder widens once if so.
        StrBuilder::with_capacity(self.len(), self.kind())
    }

    /// `str.upper()` with full mappings ('ß' → 'SS').
    pub fn upper(&self) -> StrData {
        if let Some(r) = self.map_ascii(|b| b.to_ascii_uppercase()) {
            return r;
        }
        let mut out = self.builder();
        for cp in self.code_points() {
            push_all(&mut out, to_upper_full(cp));
        }
        out.finish()
    }

    /// `str.lower()` with full mappings and the final sigma rule.
    pub fn lower(&self) -> StrData {
        if let Some(r) = self.map_ascii(|b| b.to_ascii_lowercase()) {
            return r;
        }
        let mut out = self.builder();
        for (i, cp) in self.code_points().enumerate() {
            lower_at(self, i, cp, &mut out);
        }
        out.finish()
    }

    /// `str.casefold()` ('ß' → 'ss').
    pub fn casefold(&self) -> StrData {
        if let Some(r) = self.map_ascii(|b| b.to_ascii_lowercase()) {
            return r;
        }
        let mut out = self.builder();
        for cp in self.code_points() {
            push_all(&mut out, to_folded_full(cp));
        }
        out.finish()
    }

    /// `str.title()`: titlecase after an uncased character, lowercase after a cased one.
    pub fn title(&self) -> StrData {
        let mut out = self.builder();
        let mut prev_cased = false;
        for (i, cp) in self.code_points().enumerate() {
            if prev_cased {
                lower_at(self, i, cp, &mut out);
            } else {
                push_all(&mut out, to_title_full(cp));
            }
            prev_cased = is_cased(cp);
        }
        out.finish()
    }

    /// `str.capitalize()`: first character titlecased, the rest lowercased.
    pub fn capitalize(&self) -> StrData {
        let mut out = self.builder();
        for (i, cp) in self.code_points().enumerate() {
            if i == 0 {
                push_all(&mut out, to_title_full(cp));
            } else {
                lower_at(self, i, cp, &mut out);
            }
        }
        out.finish()
    }

    /// `str.swapcase()`.
    pub fn swapcase(&self) -> StrData {
        let mut out = self.builder();
        for (i, cp) in self.code_points().enumerate() {
            if is_upper(cp) {
                lower_at(self, i, cp, &mut out);
            } else if is_lower(cp) {
                push_all(&mut out, to_upper_full(cp));
            } else {
                out.push(cp);
            }
        }
        out.finish()
    }

    fn all_nonempty(&self, f: impl Fn(u32) -> bool) -> bool {
        !self.is_empty() && self.code_points().all(f)
    }

    /// `str.isalpha()`.
    pub fn isalpha(&self) -> bool {
        self.all_nonempty(is_alpha)
    }

    /// `str.isalnum()`.
    pub fn isalnum(&self) -> bool {
        self.all_nonempty(is_alnum)
    }

    /// `str.isdecimal()`.
    pub fn isdecimal(&self) -> bool {
        self.all_nonempty(is_decimal)
    }

    /// `str.isdigit()`.
    pub fn isdigit(&self) -> bool {
        self.all_nonempty(is_digit)
    }

    /// `str.isnumeric()`.
    pub fn isnumeric(&self) -> bool {
        self.all_nonempty(is_numeric)
    }

    /// `str.isspace()`.
    pub fn isspace(&self) -> bool {
        self.all_nonempty(is_space)
    }

    /// `str.isprintable()` (true for the empty string).
    pub fn isprintable(&self) -> bool {
        self.code_points().all(is_printable)
    }

    /// `str.isascii()`.
    pub fn isascii(&self) -> bool {
        self.is_ascii()
    }

    /// `str.isidentifier()`: XID_Start or '_' then XID_Continue characters.
    pub fn isidentifier(&self) -> bool {
        let mut it = self.code_points();
        match it.next() {
            Some(c) if c == u32::from(b'_') || is_xid_start(c) => it.all(is_xid_continue),
            _ => false,
        }
    }

    /// `str.islower()`: has a cased character and no uppercase or titlecase one.
    pub fn islower(&self) -> bool {
        let mut cased = false;
        for cp in self.code_points() {
            if is_upper(cp) || is_title(cp) {
                return false;
            }
            cased |= is_lower(cp);
        }
        cased
    }

    /// `str.isupper()`: has a cased character and no lowercase or titlecase one.
    pub fn isupper(&self) -> bool {
        let mut cased = false;
        for cp in self.code_points() {
            if is_lower(cp) || is_title(cp) {
                return false;
            }
            cased |= is_upper(cp);
        }
        cased
    }

    /// `str.istitle()`: uppercase/titlecase only after uncased characters, lowercase
    /// only after cased ones, and at least one cased character.
    pub fn istitle(&self) -> bool {
        let (mut cased, mut prev_cased) = (false, false);
        for cp in self.code_points() {
            if is_upper(cp) || is_title(cp) {
                if prev_cased {
                    return false;
                }
                prev_cased = true;
                cased = true;
            } else if is_lower(cp) {
                if !prev_cased {
                    return false;
                }
                prev_cased = true;
                cased = true;
            } else {
                prev_cased = false;
            }
        }
        cased
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn s(x: &str) -> StrData {
        StrData::from_str(x)
    }

    // Expected values from python3.11.
    #[test]
    fn mappings() {
        let cases: &[(&str, &str, &str, &str, &str, &str, &str)] = &[
            // (input, upper, lower, casefold, title, capitalize, swapcase)
            ("straße", "STRASSE", "straße", "strasse", "Straße", "Straße", "STRASSE"),
            ("ﬁne ﬂy", "FINE FLY", "ﬁne ﬂy", "fine fly", "Fine Fly", "Fine ﬂy", "FINE FLY"),
            ("ΟΔΟΣ ΣΑΣ", "ΟΔΟΣ ΣΑΣ", "οδος σας", "οδοσ σασ", "Οδος Σας", "Οδος σας", "οδος σας"),
            ("Σ", "Σ", "σ", "σ", "Σ", "Σ", "σ"),
            ("aΣ'", "AΣ'", "aς'", "aσ'", "Aς'", "Aς'", "Aς'"),
            ("aΣb", "AΣB", "aσb", "aσb", "Aσb", "Aσb", "AσB"),
            ("ǆemal ǉ", "ǄEMAL Ǉ", "ǆemal ǉ", "ǆemal ǉ", "ǅemal ǈ", "ǅemal ǉ", "ǄEMAL Ǉ"),
            ("ǅ", "Ǆ", "ǆ", "ǆ", "ǅ", "ǅ", "ǅ"),
            ("İx", "İX", "i̇x", "i̇x", "İx", "İx", "i̇X"),
            (
                "hello world's",
                "HELLO WORLD'S",
                "hello world's",
                "hello world's",
                "Hello World'S",
                "Hello world's",
                "HELLO WORLD'S",
            ),
            ("ŉ", "ʼN", "ŉ", "ʼn", "ʼN", "ʼN", "ʼN"),
            ("𐐨𐐀", "𐐀𐐀", "𐐨𐐨", "𐐨𐐨", "𐐀𐐨", "𐐀𐐨", "𐐀𐐨"),
            ("ﬃ", "FFI", "ﬃ", "ffi", "Ffi", "Ffi", "FFI"),
            ("ᾳ", "ΑΙ", "ᾳ", "αι", "ᾼ", "ᾼ", "ΑΙ"),
            ("", "", "", "", "", "", ""),
            ("abc1DEF", "ABC1DEF", "abc1def", "abc1def", "Abc1Def", "Abc1def", "ABC1def"),
        ];
        for &(x, up, lo, cf, ti, cap, sw) in cases {
            let d = s(x);
            assert_eq!(d.upper(), s(up), "upper {x}");
            assert_eq!(d.lower(), s(lo), "lower {x}");
            assert_eq!(d.casefold(), s(cf), "casefold {x}");
            assert_eq!(d.title(), s(ti), "title {x}");
            assert_eq!(d.capitalize(), s(cap), "capitalize {x}");
            assert_eq!(d.swapcase(), s(sw), "swapcase {x}");
        }
        let sur = StrData::from_code_points(&[0x61, 0xD800, 0x3A3]);
        assert_eq!(sur.upper(), StrData::from_code_points(&[0x41, 0xD800, 0x3A3]));
        assert_eq!(sur.lower(), StrData::from_code_points(&[0x61, 0xD800, 0x3C3]));
    }

    #[test]
    fn predicates() {
        // (input, islower, isupper, istitle, isidentifier, isspace, isalnum)
        let cases: &[(&str, bool, bool, bool, bool, bool, bool)] = &[
            ("", false, false, false, false, false, false),
            ("abc", true, false, false, true, false, true),
            ("ABC", false, true, false, true, false, true),
            ("Abc Def", false, false, true, false, false, false),
            ("Abc def", false, false, false, false, false, false),
            ("ǅemal", false, false, true, true, false, true),
            ("123", false, false, false, false, false, true),
            ("a1", true, false, false, true, false, true),
            ("_a1", true, false, false, true, false, false),
            ("1a", true, false, false, false, false, true),
            (" \t\u{3000}\u{1c}", false, false, false, false, true, false),
            ("\u{200b}", false, false, false, false, false, false),
            ("ʰ", true, false, false, true, false, true),
            ("Ⅻ", false, true, true, true, false, true),
            ("ⓐ", true, false, false, false, false, false),
            ("℘x", true, false, false, true, false, false),
        ];
        for &(x, lo, up, ti, id, sp, an) in cases {
            let d = s(x);
            assert_eq!(
                (d.islower(), d.isupper(), d.istitle(), d.isidentifier(), d.isspace(), d.isalnum()),
                (lo, up, ti, id, sp, an),
                "{x:?}"
            );
        }
        assert!(s("٣").isdecimal() && s("²").isdigit() && !s("²").isdecimal() && s("½").isnumeric());
        assert!(s("").isprintable() && !s("a\n").isprintable() && s("é").isprintable());
        assert!(!StrData::from_code_points(&[0xD800]).isprintable());
        assert!(s("").isascii() && !s("é").isascii());
    }
}
