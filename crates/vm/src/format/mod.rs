#![warn(missing_docs)]
//! The format-spec mini-language shared by int, float, complex and str (CPython's Python/formatter_unicode.c),
//! the `str.format` template parser (Objects/stringlib/unicode_format.h) and the parsing and number
//! helpers of `%`-formatting (PyUnicode_Format, _PyBytes_FormatEx). Pure algorithms: no objects.
//!
//! Errors carry the Python exception type and message; messages that name the formatted object's
//! type use the builtin name and can be re-targeted with [`FormatError::with_type_name`].

#[rustfmt::skip]
mod decimal_table;
mod number;
mod percent;
mod spec;
mod string;
mod template;
pub mod objects;

#[cfg(test)]
mod tests;
#[cfg(test)]
#[rustfmt::skip]
mod tests_data;

pub use number::{
    char_layout, float_to_string, format_complex, format_float, format_i64, format_int, FloatFlags,
};
pub use percent::{
    parse_percent, percent_format_char, percent_format_float, percent_format_int, percent_pad,
    percent_padding, PercentConversion, PercentCount, PercentDirective, PercentFlags, PercentItem,
    PercentParser,
};
pub use spec::{parse_format_spec, Align, FormatSpec, Grouping, Sign};
pub use string::{format_str, str_layout, StrLayout};
pub use template::{
    conversion_error, field_name_split, parse_template, FieldAccessor, FieldAccessors, FieldFirst,
    FieldNumbering, TemplateField, TemplateItem, TemplateParser, MAX_RECURSION_DEPTH,
    RECURSION_ERROR,
};

use std::ops::Range;

/// The Python exception class a [`FormatError`] is raised as.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum ErrorKind {
    /// `ValueError` (most format errors).
    ValueError,
    /// `TypeError`.
    TypeError,
    /// `OverflowError` (`%c` out of range, too large ints for float formats).
    OverflowError,
    /// `MemoryError` (padding wider than memory allows).
    MemoryError,
}

/// A formatting failure: the exception type to raise and its message.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct FormatError {
    /// The exception class.
    pub kind: ErrorKind,
    /// The exception message.
    pub message: String,
    /// Where the formatted object's type name sits in `message`, if it names one.
    type_name: Option<Range<usize>>,
}

impl FormatError {
    /// An error of `kind` with `message`.
    pub fn new(kind: ErrorKind, message: impl Into<String>) -> Self {
        FormatError {
            kind,
            message: message.into(),
            type_name: None,
        }
    }

    /// A `ValueError` with `message`.
    pub fn value(message: impl Into<String>) -> Self {
        Self::new(ErrorKind::ValueError, message)
    }

    /// A ValueError whose message is `before + type_name + after`, the type name replaceable.
    fn value_with_type(before: &str, type_name: &str, after: &str) -> Self {
        let start = before.len();
        let message = format!("{before}{type_name}{after}");
        FormatError {
            kind: ErrorKind::ValueError,
            message,
            type_name: Some(start..start + type_name.len()),
        }
    }

    /// The same error naming `type_name` (the object's `tp_name`, e.g. a subclass) where the message
    /// names the formatted object's type; other errors are returned unchanged.
    pub fn with_type_name(mut self, type_name: &str) -> Self {
        // CPython prints the name with "%.200s": at most 200 bytes.
        let mut cut = type_name.len().min(200);
        while !type_name.is_char_boundary(cut) {
            cut -= 1;
        }
        let type_name = &type_name[..cut];
        if let Some(range) = self.type_name.take() {
            let start = range.start;
            self.message.replace_range(range, type_name);
            self.type_name = Some(start..start + type_name.len());
        }
        self
    }

    /// Whether the message names the formatted object's type (see [`FormatError::with_type_name`]).
    pub fn names_type(&self) -> bool {
        self.type_name.is_some()
    }
}

impl std::fmt::Display for FormatError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(f, "{:?}: {}", self.kind, self.message)
    }
}

/// A text that parsers walk one code point at a time, whatever its storage: `str` (positions are
/// byte offsets) or a slice of `u8` (Latin-1 or bytes), `u16`, `u32` or `char` (positions are
/// element indices), so PEP 393 buffers and lone surrogates are parsed in place.
pub trait CodePoints {
    /// The code point starting at `pos` and the position after it, or None at the end.
    fn next_at(&self, pos: usize) -> Option<(u32, usize)>;
    /// The end position (the length in storage units).
    fn end(&self) -> usize;
}

impl CodePoints for str {
    fn next_at(&self, pos: usize) -> Option<(u32, usize)> {
        let c = self.get(pos..)?.chars().next()?;
        Some((c as u32, pos + c.len_utf8()))
    }
    fn end(&self) -> usize {
        self.len()
    }
}

macro_rules! slice_code_points {
    ($($t:ty),*) => {$(
        impl CodePoints for [$t] {
            fn next_at(&self, pos: usize) -> Option<(u32, usize)> {
                self.get(pos).map(|&c| (u32::from(c), pos + 1))
            }
            fn end(&self) -> usize {
                self.len()
            }
        }
    )*};
}
slice_code_points!(u8, u16, u32, char);

/// The value of a Unicode decimal digit (category Nd), as CPython's Py_UNICODE_TODECIMAL.
pub fn decimal_value(c: u32) -> Option<u32> {
    if c < 128 {
        return (b'0' as u32..=b'9' as u32)
            .contains(&c)
            .then(|| c - '0' as u32);
    }
    let zeros = &decimal_table::DECIMAL_ZEROS;
    let i = zeros.partition_point(|&z| z <= c);
    let zero = *zeros.get(i.checked_sub(1)?)?;
    (c - zero < 10).then_some(c - zero)
}

/// Parses the decimal digits at `text[pos..]`: the value (None when it exceeds `limit`), and the
/// position after the digits; the digit count is zero when `pos` is not at a digit.
fn parse_decimal<T: CodePoints + ?Sized>(
    text: &T,
    mut pos: usize,
    limit: u64,
) -> (Option<u64>, usize, usize) {
    let mut value: Option<u64> = Some(0);
    let mut count = 0;
    while let Some((c, next)) = text.next_at(pos) {
        let Some(d) = decimal_value(c) else { break };
        value = value
            .and_then(|v| v.checked_mul(10))
            .and_then(|v| v.checked_add(u64::from(d)))
            .filter(|&v| v <= limit);
        count += 1;
        pos = next;
    }
    (value, pos, count)
}
