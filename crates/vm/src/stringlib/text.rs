//! Padding (center/ljust/rjust/zfill), expandtabs, `repr`/`ascii` of a str and the
//! numeric-parsing helpers (CPython's _PyUnicode_TransformDecimalAndSpaceToASCII).

use std::borrow::Cow;
use std::fmt::Write;

use super::buffer::{Kind, StrBuilder, StrData, StrError};
use super::unicode::{decimal_value, is_printable, is_space};

/// Appends the `\xNN`, `\uNNNN` or `\UNNNNNNNN` escape of `cp`.
pub(crate) fn push_backslash_escape(out: &mut String, cp: u32) {
    let _ = if cp <= 0xFF {
        write!(out, "\\x{cp:02x}")
    } else if cp <= 0xFFFF {
        write!(out, "\\u{cp:04x}")
    } else {
        write!(out, "\\U{cp:08x}")
    };
}

/// What `str.translate` does with one code point, as the table lookup decided.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Translation {
    /// Not in the table (LookupError): keep the code point.
    Keep,
    /// Mapped to None: delete it.
    Delete,
    /// Mapped to an int: this code point.
    Char(u32),
    /// Mapped to a str.
    Str(StrData),
}

impl StrData {
    /// The loop of `str.translate`: `lookup` does the table lookup (it may fail, e.g.
    /// on a bad mapping value, and its error is returned as is).
    pub fn translate<E>(&self, mut lookup: impl FnMut(u32) -> Result<Translation, E>) -> Result<StrData, E> {
        let mut out = StrBuilder::with_capacity(self.len(), self.kind());
        for cp in self.code_points() {
            match lookup(cp)? {
                Translation::Keep => out.push(cp),
                Translation::Delete => {}
                Translation::Char(c) => out.push(c),
                Translation::Str(s) => out.push_str(&s),
            }
        }
        Ok(out.finish())
    }

    fn pad(&self, left: usize, right: usize, fill: u32) -> Result<StrData, StrError> {
        if left == 0 && right == 0 {
            return Ok(self.clone());
        }
        let total = left.checked_add(right).and_then(|n| n.checked_add(self.len()));
        let total =
            total.filter(|&n| n <= isize::MAX as usize).ok_or(StrError::Overflow("padded string is too long"))?;
        let mut out = StrBuilder::try_with_capacity(total, self.kind().max(Kind::of(fill)))?;
        for _ in 0..left {
            out.push(fill);
        }
        out.push_str(self);
        for _ in 0..right {
            out.push(fill);
        }
        Ok(out.finish())
    }

    fn margin(&self, width: isize) -> Option<usize> {
        let len = self.len() as isize;
        (width > len).then(|| (width - len) as usize)
    }

    /// `str.ljust(width, fillchar)`.
    pub fn ljust(&self, width: isize, fill: u32) -> Result<StrData, StrError> {
        match self.margin(width) {
            Some(m) => self.pad(0, m, fill),
            None => Ok(self.clone()),
        }
    }

    /// `str.rjust(width, fillchar)`.
    pub fn rjust(&self, width: isize, fill: u32) -> Result<StrData, StrError> {
        match self.margin(width) {
            Some(m) => self.pad(m, 0, fill),
            None => Ok(self.clone()),
        }
    }

    /// `str.center(width, fillchar)` (an odd margin puts the extra fill where CPython does).
    pub fn center(&self, width: isize, fill: u32) -> Result<StrData, StrError> {
        match self.margin(width) {
            Some(m) => {
                let left = m / 2 + (m & width as usize & 1);
                self.pad(left, m - left, fill)
            }
            None => Ok(self.clone()),
        }
    }

    /// `str.zfill(width)`: zeros on the left, after a leading sign.
    pub fn zfill(&self, width: isize) -> Result<StrData, StrError> {
        let Some(m) = self.margin(width) else { return Ok(self.clone()) };
        let padded = self.pad(m, 0, u32::from(b'0'))?;
        match self.try_get(0) {
            Some(sign @ (0x2B | 0x2D)) => {
                let mut out = StrBuilder::try_with_capacity(padded.len(), padded.kind())?;
                out.push(sign);
                out.push_slice(&padded, 1, m);
                out.push(u32::from(b'0'));
                out.push_slice(&padded, m + 1, padded.len());
                Ok(out.finish())
            }
            _ => Ok(padded),
        }
    }

    /// `str.expandtabs(tabsize)` (`tabsize` is a C int; tabs vanish when it is <= 0).
    pub fn expandtabs(&self, tabsize: i32) -> Result<StrData, StrError> {
        let too_long = StrError::Overflow("new string is too long");
        let (mut total, mut col): (usize, usize) = (0, 0);
        let mut found = false;
        for cp in self.code_points() {
            if cp == 0x09 {
                found = true;
                if tabsize > 0 {
                    let incr = tabsize as usize - col % tabsize as usize;
                    total = total.checked_add(incr).filter(|&t| t <= isize::MAX as usize).ok_or(too_long)?;
                    col += incr;
                }
            } else {
                total += 1;
                col += 1;
                if cp == 0x0A || cp == 0x0D {
                    col = 0;
                }
            }
        }
        if !found {
            return Ok(self.clone());
        }
        let mut out = StrBuilder::try_with_capacity(total, self.kind())?;
        let mut col = 0usize;
        for cp in self.code_points() {
            if cp == 0x09 {
                if tabsize > 0 {
                    let incr = tabsize as usize - col % tabsize as usize;
                    col += incr;
                    for _ in 0..incr {
                        out.push(0x20);
                    }
                }
            } else {
                out.push(cp);
                col += 1;
                if cp == 0x0A || cp == 0x0D {
                    col = 0;
                }
            }
        }
        Ok(out.finish())
    }

    /// `repr(s)`: single quotes unless the text has `'` and no `"`; `\\`, the quote,
    /// `\t`, `\n`, `\r` escaped, other non-printable code points as `\x`, `\u`, `\U`.
    pub fn repr(&self) -> String {
        let (mut squote, mut dquote) = (false, false);
        for cp in self.code_points() {
            squote |= cp == 0x27;
            dquote |= cp == 0x22;
        }
        let quote = if squote && !dquote { 0x22 } else { 0x27 };
        let mut out = String::with_capacity(self.len() + 2);
        out.push(quote as u8 as char);
        for cp in self.code_points() {
            match cp {
                0x5C => out.push_str("\\\\"),
                0x09 => out.push_str("\\t"),
                0x0A => out.push_str("\\n"),
                0x0D => out.push_str("\\r"),
                _ if cp == quote => {
                    out.push('\\');
                    out.push(quote as u8 as char);
                }
                0x20..=0x7E => out.push(cp as u8 as char),
                _ if cp < 0x80 => push_backslash_escape(&mut out, cp),
                _ => match char::from_u32(cp) {
                    Some(c) if is_printable(cp) => out.push(c),
                    _ => push_backslash_escape(&mut out, cp),
                },
            }
        }
        out.push(quote as u8 as char);
        out
    }

    /// `ascii(s)`: `repr(s)` with every non-ASCII code point escaped.
    pub fn ascii(&self) -> String {
        let r = self.repr();
        if r.is_ascii() {
            return r;
        }
        let mut out = String::with_capacity(r.len() + 8);
        for c in r.chars() {
            if c.is_ascii() {
                out.push(c);
            } else {
                push_backslash_escape(&mut out, c as u32);
            }
        }
        out
    }

    /// CPython's `_PyUnicode_TransformDecimalAndSpaceToASCII`, used by int() and
    /// float() on str: Unicode decimal digits become ASCII digits, Unicode spaces ' ';
    /// at the first other code point >= 127 the text is cut after a '?' marker, so
    /// parsing fails there.
    pub fn transform_decimal_and_space_to_ascii(&self) -> Cow<'_, str> {
        if let Some(s) = self.as_str() {
            return Cow::Borrowed(s);
        }
        let mut out = String::with_capacity(self.len());
        for cp in self.code_points() {
            if cp < 127 {
                out.push(cp as u8 as char);
            } else if is_space(cp) {
                out.push(' ');
            } else if let Some(d) = decimal_value(cp) {
                out.push((b'0' + d as u8) as char);
            } else {
                out.push('?');
                break;
            }
        }
        Cow::Owned(out)
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
    fn padding() {
        assert_eq!(s("abc").center(6, 0x2A).unwrap(), s("*abc**"));
        assert_eq!(s("abc").center(7, 0x2A).unwrap(), s("**abc**"));
        assert_eq!(s("ab").center(5, 0x2A).unwrap(), s("**ab*"));
        assert_eq!(s("ab").center(7, 0x2A).unwrap(), s("***ab**"));
        assert_eq!(s("abc").center(4, 0x2A).unwrap(), s("abc*"));
        assert_eq!(s("a").center(4, 0x20AC).unwrap(), s("€a€€"));
        assert_eq!(s("abc").center(-1, 0x20).unwrap(), s("abc"));
        assert_eq!(s("ab").ljust(4, 0x1F600).unwrap(), s("ab😀😀"));
        assert_eq!(s("ab").rjust(4, 0x2D).unwrap(), s("--ab"));
        assert_eq!(s("-42").zfill(6).unwrap(), s("-00042"));
        assert_eq!(s("+x").zfill(4).unwrap(), s("+00x"));
        assert_eq!(s("42").zfill(1).unwrap(), s("42"));
        assert_eq!(s("-").zfill(3).unwrap(), s("-00"));
        assert_eq!(s("é").zfill(3).unwrap(), s("00é"));
        assert_eq!(s("a").ljust(isize::MAX, 0x20), Err(StrError::Memory));
    }

    #[test]
    fn translate() {
        // Python: 'abcé'.translate({ord('a'): 'xy', ord('b'): None, ord('é'): 0x20ac}) == 'xyc€'
        let r: Result<StrData, ()> = s("abcé").translate(|c| {
            Ok(match c {
                0x61 => Translation::Str(s("xy")),
                0x62 => Translation::Delete,
                0xE9 => Translation::Char(0x20AC),
                _ => Translation::Keep,
            })
        });
        assert_eq!(r, Ok(s("xyc€")));
        assert_eq!(
            s("a€")
                .translate(|c| Ok::<_, ()>(if c == 0x20AC { Translation::Delete } else { Translation::Keep }))
                .unwrap()
                .kind(),
            Kind::Ascii
        );
        assert_eq!(s("ab").translate(|c| if c == 0x62 { Err("bad") } else { Ok(Translation::Keep) }), Err("bad"));
    }

    #[test]
    fn tabs() {
        assert_eq!(s("a\tb\tc").expandtabs(8).unwrap(), s("a       b       c"));
        assert_eq!(s("ab\tc\n\td\r\te").expandtabs(4).unwrap(), s("ab  c\n    d\r    e"));
        assert_eq!(s("a\tb").expandtabs(0).unwrap(), s("ab"));
        assert_eq!(s("a\tb").expandtabs(-3).unwrap(), s("ab"));
        assert_eq!(s("é\t€").expandtabs(3).unwrap(), s("é  €"));
    }

    #[test]
    fn reprs() {
        let x = s("\x7f\u{80}\u{a0}\u{ad}\u{378}é€😀\u{e0001}");
        assert_eq!(x.repr(), r"'\x7f\x80\xa0\xad\u0378é€😀\U000e0001'");
        assert_eq!(x.ascii(), r"'\x7f\x80\xa0\xad\u0378\xe9\u20ac\U0001f600\U000e0001'");
        assert_eq!(s("a'b").repr(), r#""a'b""#);
        assert_eq!(s("a\"b").repr(), r#"'a"b'"#);
        assert_eq!(s("a'\"b").repr(), r#"'a\'"b'"#);
        assert_eq!(s("\t\n\r\\\0").repr(), r"'\t\n\r\\\x00'");
        assert_eq!(StrData::from_code_points(&[0xD800, 0xDFFF]).repr(), r"'\ud800\udfff'");
        assert_eq!(s("").repr(), "''");
    }

    #[test]
    fn transform() {
        assert_eq!(s("12").transform_decimal_and_space_to_ascii(), "12");
        assert_eq!(s("\u{663}\u{3000}4").transform_decimal_and_space_to_ascii(), "3 4");
        assert_eq!(s("1²2").transform_decimal_and_space_to_ascii(), "1?");
        assert_eq!(s("1\x7f2é").transform_decimal_and_space_to_ascii(), "1?");
        assert_eq!(s("\u{a0}-\u{ff11}.5").transform_decimal_and_space_to_ascii(), " -1.5");
    }
}
