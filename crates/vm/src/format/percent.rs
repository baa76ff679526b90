//! `%`-formatting (`'%(key)-*.*f' % args`, `b'%d' % 5`): the directive parser and the number
//! conversions; the caller fetches and converts the arguments (CPython's PyUnicode_Format and
//! _PyBytes_FormatEx).

use super::number::{char_from_code, float_to_string, FloatFlags};
use super::spec::reserve;
use super::{CodePoints, ErrorKind, FormatError};
use num_bigint::{BigInt, Sign};
use std::ops::Range;

/// The flags of a directive.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct PercentFlags {
    /// `-`: left-justify.
    pub left: bool,
    /// `+`: a sign on non-negative numbers.
    pub sign: bool,
    /// ` `: a space before non-negative numbers.
    pub space: bool,
    /// `#`: alternate form.
    pub alternate: bool,
    /// `0`: zero padding for numbers.
    pub zero: bool,
}

/// A width or precision.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum PercentCount {
    /// `*`: taken from the next argument (a negative width means '-'; a negative precision, 0).
    Star,
    /// Written digits.
    Value(usize),
}

/// How a directive ends. Parse errors are raised at the step where CPython meets them: the caller
/// processes a directive in this order: (1) with a key, require a mapping ("format requires a
/// mapping"), raise `BeforeKey`, look the key up; (2) fetch `*` width then `*` precision;
/// (3) raise `BeforeArgument`; (4) fetch the argument (unless keyed); (5) raise `AfterArgument`;
/// (6) convert by `Char`.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum PercentConversion {
    /// A supported conversion character (s r a i d u o x X e E f F g G c, and b for bytes).
    Char(char),
    /// "incomplete format key".
    BeforeKey(FormatError),
    /// "incomplete format", "width too big", "precision too big".
    BeforeArgument(FormatError),
    /// "unsupported format character ...".
    AfterArgument(FormatError),
}

/// A `%` directive.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct PercentDirective {
    /// Position of the '%'.
    pub start: usize,
    /// The mapping key between parentheses (balanced), if any.
    pub key: Option<Range<usize>>,
    /// The flags.
    pub flags: PercentFlags,
    /// The width.
    pub width: Option<PercentCount>,
    /// The precision.
    pub precision: Option<PercentCount>,
    /// The conversion or the error ending the directive.
    pub conversion: PercentConversion,
}

/// One piece of a `%` template.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum PercentItem {
    /// Literal text.
    Literal(Range<usize>),
    /// `%%`: a literal '%'.
    Percent,
    /// A directive (the parser stops after a directive ending in an error).
    Directive(PercentDirective),
}

/// An iterator over the pieces of a `%` template.
pub struct PercentParser<'t, T: CodePoints + ?Sized> {
    text: &'t T,
    pos: usize,
    /// Code points before `pos` (error messages give indexes in code points).
    index: usize,
    bytes: bool,
    done: bool,
}

/// Parses a `%` template lazily; `bytes` selects the bytes flavour (`%b` allowed, byte messages).
pub fn parse_percent<T: CodePoints + ?Sized>(text: &T, bytes: bool) -> PercentParser<'_, T> {
    PercentParser {
        text,
        pos: 0,
        index: 0,
        bytes,
        done: false,
    }
}

fn incomplete() -> PercentConversion {
    PercentConversion::BeforeArgument(FormatError::value("incomplete format"))
}

impl<T: CodePoints + ?Sized> PercentParser<'_, T> {
    fn bump(&mut self) -> Option<u32> {
        let (c, next) = self.text.next_at(self.pos)?;
        self.pos = next;
        self.index += 1;
        Some(c)
    }

    fn peek(&self) -> Option<u32> {
        self.text.next_at(self.pos).map(|(c, _)| c)
    }

    /// Reads the decimal digits after `first` (already read) and the character after them; the
    /// value is None once it exceeds `limit`.
    fn digits(&mut self, first: u32, limit: u64) -> (Option<usize>, Option<u32>) {
        let mut value = Some(u64::from(first - '0' as u32));
        loop {
            let c = self.bump();
            match c {
                Some(d) if (b'0' as u32..=b'9' as u32).contains(&d) => {
                    value = value
                        .and_then(|v| v.checked_mul(10))
                        .and_then(|v| v.checked_add(u64::from(d - '0' as u32)))
                        .filter(|&v| v <= limit);
                    if value.is_none() {
                        return (None, c);
                    }
                }
                _ => return (value.map(|v| v as usize), c),
            }
        }
    }

    fn directive(&mut self, start: usize) -> PercentDirective {
        let mut d = PercentDirective {
            start,
            key: None,
            flags: PercentFlags::default(),
            width: None,
            precision: None,
            conversion: incomplete(),
        };
        if self.peek() == Some('(' as u32) {
            self.bump();
            let key_start = self.pos;
            let mut depth = 1;
            let mut key_end = self.pos;
            while depth > 0 {
                key_end = self.pos;
                match self.bump() {
                    Some(c) if c == ')' as u32 => depth -= 1,
                    Some(c) if c == '(' as u32 => depth += 1,
                    Some(_) => {}
                    None => {
                        d.key = Some(key_start..self.pos);
                        d.conversion = PercentConversion::BeforeKey(FormatError::value(
                            "incomplete format key",
                        ));
                        return d;
                    }
                }
            }
            d.key = Some(key_start..key_end);
        }
        let mut c = self.bump();
        while let Some(ch) = c.and_then(char::from_u32) {
            match ch {
                '-' => d.flags.left = true,
                '+' => d.flags.sign = true,
                ' ' => d.flags.space = true,
                '#' => d.flags.alternate = true,
                '0' => d.flags.zero = true,
                _ => break,
            }
            c = self.bump();
        }
        if c == Some('*' as u32) {
            d.width = Some(PercentCount::Star);
            c = self.bump();
        } else if let Some(first) = c.filter(|c| (b'0' as u32..=b'9' as u32).contains(c)) {
            let (value, next) = self.digits(first, isize::MAX as u64);
            let Some(value) = value else {
                d.conversion =
                    PercentConversion::BeforeArgument(FormatError::value("width too big"));
                return d;
            };
            d.width = Some(PercentCount::Value(value));
            c = next;
        }
        if c == Some('.' as u32) {
            d.precision = Some(PercentCount::Value(0));
            c = self.bump();
            if c == Some('*' as u32) {
                d.precision = Some(PercentCount::Star);
                c = self.bump();
            } else if let Some(first) = c.filter(|c| (b'0' as u32..=b'9' as u32).contains(c)) {
                let (value, next) = self.digits(first, i32::MAX as u64);
                let Some(value) = value else {
                    d.conversion =
                        PercentConversion::BeforeArgument(FormatError::value("precision too big"));
                    return d;
                };
                d.precision = Some(PercentCount::Value(value));
                c = next;
            }
        }
        if matches!(c.and_then(char::from_u32), Some('h' | 'l' | 'L')) {
            c = self.bump();
        }
        let Some(c) = c else {
            return d;
        };
        let supported = match char::from_u32(c) {
            Some(
                's' | 'r' | 'a' | 'i' | 'd' | 'u' | 'o' | 'x' | 'X' | 'e' | 'E' | 'f' | 'F' | 'g'
                | 'G' | 'c',
            ) => true,
            Some('b') => self.bytes,
            _ => false,
        };
        d.conversion = match char::from_u32(c) {
            Some(ch) if supported => PercentConversion::Char(ch),
            _ => PercentConversion::AfterArgument(self.unsupported(c)),
        };
        d
    }

    fn unsupported(&self, c: u32) -> FormatError {
        let at = self.index - 1;
        let shown = if self.bytes {
            if c >= 128 {
                // CPython passes the byte as a signed char to a %c format, which refuses it.
                return FormatError::new(
                    ErrorKind::OverflowError,
                    "character argument not in range(0x110000)",
                );
            }
            char::from(c as u8)
        } else if (31..=126).contains(&c) {
            char::from(c as u8)
        } else {
            '?'
        };
        FormatError::value(format!(
            "unsupported format character '{shown}' (0x{c:x}) at index {at}"
        ))
    }
}

impl<T: CodePoints + ?Sized> Iterator for PercentParser<'_, T> {
    type Item = PercentItem;

    fn next(&mut self) -> Option<PercentItem> {
        if self.done {
            return None;
        }
        let start = self.pos;
        let Some(c) = self.bump() else {
            self.done = true;
            return None;
        };
        if c != '%' as u32 {
            while let Some(c) = self.peek() {
                if c == '%' as u32 {
                    break;
                }
                self.bump();
            }
            return Some(PercentItem::Literal(start..self.pos));
        }
        if self.peek() == Some('%' as u32) {
            self.bump();
            return Some(PercentItem::Percent);
        }
        let d = self.directive(start);
        if !matches!(d.conversion, PercentConversion::Char(_)) {
            self.done = true;
        }
        Some(PercentItem::Directive(d))
    }
}

/// Applies sign, prefix, zero or space padding as CPython's `%` does for numbers: `body` is the
/// digits without sign.
fn pad_number(
    negative: bool,
    prefix: &str,
    body: &str,
    flags: PercentFlags,
    width: Option<usize>,
) -> Result<String, FormatError> {
    let sign = if negative {
        Some('-')
    } else if flags.sign {
        Some('+')
    } else if flags.space {
        Some(' ')
    } else {
        None
    };
    let len = usize::from(sign.is_some()) + prefix.len() + body.len();
    let padding = width.unwrap_or(0).saturating_sub(len);
    let mut out = String::new();
    reserve(&mut out, len + padding)?;
    if flags.zero && !flags.left {
        out.extend(sign);
        out.push_str(prefix);
        out.extend(std::iter::repeat_n('0', padding));
        out.push_str(body);
    } else if flags.left {
        out.extend(sign);
        out.push_str(prefix);
        out.push_str(body);
        out.extend(std::iter::repeat_n(' ', padding));
    } else {
        out.extend(std::iter::repeat_n(' ', padding));
        out.extend(sign);
        out.push_str(prefix);
        out.push_str(body);
    }
    Ok(out)
}

/// `%d %i %u %o %x %X` of an int (the caller converted the argument): '#' prefixes "0o", "0x",
/// "0X"; a precision zero-pads the digits.
pub fn percent_format_int(
    value: &BigInt,
    conversion: char,
    flags: PercentFlags,
    width: Option<usize>,
    precision: Option<usize>,
) -> Result<String, FormatError> {
    let (radix, prefix) = match conversion {
        'o' => (8, "0o"),
        'x' => (16, "0x"),
        'X' => (16, "0X"),
        _ => (10, ""),
    };
    let mut digits = value.magnitude().to_str_radix(radix);
    if conversion == 'X' {
        digits.make_ascii_uppercase();
    }
    if let Some(p) = precision {
        if digits.len() < p {
            let mut padded = String::new();
            reserve(&mut padded, p)?;
            padded.extend(std::iter::repeat_n('0', p - digits.len()));
            padded.push_str(&digits);
            digits = padded;
        }
    }
    let prefix = if flags.alternate { prefix } else { "" };
    pad_number(value.sign() == Sign::Minus, prefix, &digits, flags, width)
}

/// `%e %E %f %F %g %G` of a float (the caller converted the argument); precision defaults to 6.
pub fn percent_format_float(
    value: f64,
    conversion: char,
    flags: PercentFlags,
    width: Option<usize>,
    precision: Option<usize>,
) -> Result<String, FormatError> {
    let precision = precision.unwrap_or(6);
    let float_flags = FloatFlags {
        alternate: flags.alternate,
        ..FloatFlags::default()
    };
    let text = float_to_string(value, conversion, precision, float_flags);
    let (negative, body) = match text.strip_prefix('-') {
        Some(rest) => (true, rest),
        None => (false, text.as_str()),
    };
    pad_number(negative, "", body, flags, width)
}

/// `%c` of an int code (str flavour): the character padded to `width` with spaces; CPython's
/// OverflowError outside range(0x110000). (For bytes the caller checks range(256).)
pub fn percent_format_char(
    code: &BigInt,
    flags: PercentFlags,
    width: Option<usize>,
) -> Result<String, FormatError> {
    let code = num_traits::ToPrimitive::to_i64(code).unwrap_or(-1);
    let c = char_from_code(code)?;
    percent_pad(c.encode_utf8(&mut [0; 4]), flags, width)
}

/// The spaces before and after a `%s`/`%r`/`%a`/`%c`/`%b` result of `len` units (code points
/// for str, bytes for bytes): the '0' flag does not apply to them.
pub fn percent_padding(len: usize, flags: PercentFlags, width: Option<usize>) -> (usize, usize) {
    let padding = width.unwrap_or(0).saturating_sub(len);
    if flags.left {
        (0, padding)
    } else {
        (padding, 0)
    }
}

/// Pads a `%s`/`%r`/`%a`/`%c` result to `width` with spaces (on the right with '-'); the '0'
/// flag does not apply. Width counts code points.
pub fn percent_pad(
    text: &str,
    flags: PercentFlags,
    width: Option<usize>,
) -> Result<String, FormatError> {
    let (left, right) = percent_padding(text.chars().count(), flags, width);
    let mut out = String::new();
    reserve(&mut out, text.len().saturating_add(left + right))?;
    out.extend(std::iter::repeat_n(' ', left));
    out.push_str(text);
    out.extend(std::iter::repeat_n(' ', right));
    Ok(out)
}
