//! The format-spec mini-language: `[[fill]align][sign][z][#][0][width][grouping][.precision][type]`.

use super::{parse_decimal, ErrorKind, FormatError};

/// Where padding goes.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Align {
    /// `<`: padding on the right.
    Left,
    /// `>`: padding on the left.
    Right,
    /// `^`: padding split, the extra one on the right.
    Center,
    /// `=`: padding between the sign (and prefix) and the digits.
    AfterSign,
}

/// The sign option.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Sign {
    /// `-`: a sign for negative numbers only (the default).
    Minus,
    /// `+`: a sign for all numbers.
    Plus,
    /// ` `: a space before non-negative numbers.
    Space,
}

/// The thousands separator option.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Grouping {
    /// `,`: a comma every 3 digits.
    Comma,
    /// `_`: an underscore every 3 digits (every 4 for `b`, `o`, `x`, `X`).
    Underscore,
}

/// A parsed format spec; options not written are None/false (their defaults depend on the type).
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct FormatSpec {
    /// The fill character, when given with an alignment.
    pub fill: Option<char>,
    /// The alignment, when given.
    pub align: Option<Align>,
    /// The sign option, when given.
    pub sign: Option<Sign>,
    /// `z`: coerce negative zero to zero (3.11).
    pub no_neg_0: bool,
    /// `#`: alternate form.
    pub alternate: bool,
    /// A `0` before the width while no fill was given: fill with '0' (and align with '=' for numbers).
    pub zero_pad: bool,
    /// The minimum width.
    pub width: Option<usize>,
    /// The thousands separator.
    pub grouping: Option<Grouping>,
    /// The precision.
    pub precision: Option<usize>,
    /// The presentation type (any character: each formatter checks its own).
    pub ty: Option<char>,
}

fn align_of(c: char) -> Option<Align> {
    match c {
        '<' => Some(Align::Left),
        '>' => Some(Align::Right),
        '^' => Some(Align::Center),
        '=' => Some(Align::AfterSign),
        _ => None,
    }
}

/// A type character as CPython's messages print it: itself when printable ASCII, else `\x..`.
pub(super) fn type_char_repr(c: char) -> String {
    if (c as u32) > 32 && (c as u32) < 128 {
        c.to_string()
    } else {
        format!("\\x{:x}", c as u32)
    }
}

/// Parses a format spec. The one error naming the object's type uses "object": callers rename it
/// with [`FormatError::with_type_name`].
pub fn parse_format_spec(spec: &str) -> Result<FormatSpec, FormatError> {
    let chars: Vec<char> = spec.chars().collect();
    let n = chars.len();
    let mut out = FormatSpec::default();
    let mut pos = 0;
    if n >= 2 && align_of(chars[1]).is_some() {
        out.fill = Some(chars[0]);
        out.align = align_of(chars[1]);
        pos = 2;
    } else if n >= 1 && align_of(chars[0]).is_some() {
        out.align = align_of(chars[0]);
        pos = 1;
    }
    match chars.get(pos) {
        Some('+') => out.sign = Some(Sign::Plus),
        Some('-') => out.sign = Some(Sign::Minus),
        Some(' ') => out.sign = Some(Sign::Space),
        _ => {}
    }
    if out.sign.is_some() {
        pos += 1;
    }
    if chars.get(pos) == Some(&'z') {
        out.no_neg_0 = true;
        pos += 1;
    }
    if chars.get(pos) == Some(&'#') {
        out.alternate = true;
        pos += 1;
    }
    // A '0' is the zero-padding flag only when no fill was given; otherwise it starts the width.
    if out.fill.is_none() && chars.get(pos) == Some(&'0') {
        out.zero_pad = true;
        pos += 1;
    }
    let too_many = || FormatError::value("Too many decimal digits in format string");
    let (width, next, count) = parse_decimal(&chars[..], pos, isize::MAX as u64);
    if count > 0 {
        out.width = Some(width.ok_or_else(too_many)? as usize);
    }
    pos = next;
    let both = || FormatError::value("Cannot specify both ',' and '_'.");
    if chars.get(pos) == Some(&',') {
        out.grouping = Some(Grouping::Comma);
        pos += 1;
    }
    if chars.get(pos) == Some(&'_') {
        if out.grouping.is_some() {
            return Err(both());
        }
        out.grouping = Some(Grouping::Underscore);
        pos += 1;
    }
    if chars.get(pos) == Some(&',') && out.grouping == Some(Grouping::Underscore) {
        return Err(both());
    }
    if chars.get(pos) == Some(&'.') {
        pos += 1;
        let (precision, next, count) = parse_decimal(&chars[..], pos, isize::MAX as u64);
        if count == 0 {
            return Err(FormatError::value("Format specifier missing precision"));
        }
        out.precision = Some(precision.ok_or_else(too_many)? as usize);
        pos = next;
    }
    if n - pos > 1 {
        return Err(FormatError::value_with_type(
            &format!("Invalid format specifier '{spec}' for object of type '"),
            "object",
            "'",
        ));
    }
    out.ty = chars.get(pos).copied();
    Ok(out)
}

impl FormatSpec {
    /// The fill and alignment in force, given the type's default alignment ('<' for str, '>' for
    /// numbers); a `0` flag aligns with '=' only where the default is '>' (CPython 3.10+).
    pub fn fill_align(&self, default_align: Align) -> (char, Align) {
        let fill = self.fill.unwrap_or(if self.zero_pad { '0' } else { ' ' });
        let align = self
            .align
            .unwrap_or(if self.zero_pad && default_align == Align::Right {
                Align::AfterSign
            } else {
                default_align
            });
        (fill, align)
    }

    /// The check CPython makes at parse time: a thousands separator with a type that takes none
    /// (`effective_ty` is the type written, or the formatter's default: 'd' for int, 's' for str).
    pub fn check_grouping(&self, effective_ty: Option<char>) -> Result<(), FormatError> {
        let Some(grouping) = self.grouping else {
            return Ok(());
        };
        let ok = match effective_ty {
            // A NUL type character is CPython's "no type" marker.
            None | Some('\0') => true,
            Some('d' | 'e' | 'f' | 'g' | 'E' | 'G' | '%' | 'F') => true,
            Some('b' | 'o' | 'x' | 'X') => grouping == Grouping::Underscore,
            Some(_) => false,
        };
        if ok {
            return Ok(());
        }
        let sep = if grouping == Grouping::Comma {
            ','
        } else {
            '_'
        };
        let ty = effective_ty.map(type_char_repr).unwrap_or_default();
        Err(FormatError::value(format!(
            "Cannot specify '{sep}' with '{ty}'."
        )))
    }
}

/// CPython's "Unknown format code" error for `ty` and an object of type `type_name`.
pub(super) fn unknown_code(ty: char, type_name: &str) -> FormatError {
    FormatError::value_with_type(
        &format!(
            "Unknown format code '{}' for object of type '",
            type_char_repr(ty)
        ),
        type_name,
        "'",
    )
}

/// Pads `body` (of `body_len` code points) to `width` with `fill` by `align` ('=' acts as '>').
pub(super) fn pad(
    body: &str,
    body_len: usize,
    width: Option<usize>,
    fill: char,
    align: Align,
) -> Result<String, FormatError> {
    let width = width.unwrap_or(0);
    if width <= body_len {
        return Ok(body.to_string());
    }
    let padding = width - body_len;
    let (left, right) = match align {
        Align::Left => (0, padding),
        Align::Right | Align::AfterSign => (padding, 0),
        Align::Center => (padding / 2, padding - padding / 2),
    };
    let mut out = String::new();
    reserve(
        &mut out,
        padding
            .saturating_mul(fill.len_utf8())
            .saturating_add(body.len()),
    )?;
    out.extend(std::iter::repeat_n(fill, left));
    out.push_str(body);
    out.extend(std::iter::repeat_n(fill, right));
    Ok(out)
}

/// Reserves `additional` bytes, a MemoryError when the allocation fails (huge widths).
pub(super) fn reserve(out: &mut String, additional: usize) -> Result<(), FormatError> {
    out.try_reserve_exact(additional)
        .map_err(|_| FormatError::new(ErrorKind::MemoryError, ""))
}
