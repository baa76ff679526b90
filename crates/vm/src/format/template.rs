//! The `str.format` template parser (CPython's Objects/stringlib/unicode_format.h), which also
//! backs `_string.formatter_parser` and `_string.formatter_field_name_split`.
//!
//! Positions are in the text's own units (see [`CodePoints`]); pieces are returned as ranges.
//!
//! `str.format` (CPython's build_string/output_markup) renders with these pieces, in this order:
//! start at depth [`MAX_RECURSION_DEPTH`] (a depth of 0 is the ValueError [`RECURSION_ERROR`]);
//! for each [`TemplateItem`], copy the literal, then for a field: split its name with
//! [`field_name_split`], turn the first part into an argument with [`FieldNumbering::resolve`]
//! (one numbering per call, shared with nested specs; a missing index is IndexError "Replacement
//! index N out of range for positional args tuple", a missing name KeyError), apply the accessors
//! in order (getattr; getitem with an int or str key), apply the conversion (`r`, `s`, `a`, else
//! [`conversion_error`]), expand the spec when `spec_needs_expanding` by rendering it at depth - 1,
//! and finally call `format(obj, spec)`.
//!
//! `_string.formatter_parser` yields one tuple per [`TemplateItem`]: `(literal, None, None, None)`
//! without a field, else `(literal, field_name, format_spec, conversion or None)`.
//! `_string.formatter_field_name_split` returns the first part (int for
//! [`FieldFirst::Index`], the text otherwise, '' for [`FieldFirst::Auto`]) and an iterator of
//! `(is_attribute, key)` pairs from [`FieldAccessors`] (int keys for [`FieldAccessor::Index`]).

use super::{parse_decimal, CodePoints, FormatError};
use std::ops::Range;

/// How deep format specs may nest fields: the top-level template is parsed at this depth, a spec
/// needing expansion at one less, and a spec needing expansion at depth 0 is [`RECURSION_ERROR`].
pub const MAX_RECURSION_DEPTH: usize = 2;

/// The message of the ValueError for too deeply nested format specs.
pub const RECURSION_ERROR: &str = "Max string recursion exceeded";

/// A replacement field `{name!conversion:spec}`.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct TemplateField {
    /// The field name (split it with [`field_name_split`]).
    pub name: Range<usize>,
    /// The conversion character after '!', if any (the caller checks it is r, s or a).
    pub conversion: Option<u32>,
    /// The format spec (empty when absent).
    pub spec: Range<usize>,
    /// Whether the spec holds nested `{...}` fields the caller must expand first.
    pub spec_needs_expanding: bool,
}

/// One step of a template: literal text (escapes `{{`/`}}` already reduced to one brace, as the
/// range covers the first brace only), then a field if one follows.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct TemplateItem {
    /// The literal text before the field (possibly empty).
    pub literal: Range<usize>,
    /// The replacement field, if any.
    pub field: Option<TemplateField>,
}

/// An iterator over the items of a template; it stops after the first error.
pub struct TemplateParser<'t, T: CodePoints + ?Sized> {
    text: &'t T,
    pos: usize,
    failed: bool,
}

/// Parses a `str.format` template lazily (CPython raises errors only when it reaches them).
pub fn parse_template<T: CodePoints + ?Sized>(text: &T) -> TemplateParser<'_, T> {
    TemplateParser {
        text,
        pos: 0,
        failed: false,
    }
}

const LBRACE: u32 = '{' as u32;
const RBRACE: u32 = '}' as u32;

impl<T: CodePoints + ?Sized> TemplateParser<'_, T> {
    fn peek(&self) -> Option<u32> {
        self.text.next_at(self.pos).map(|(c, _)| c)
    }

    fn bump(&mut self) -> Option<u32> {
        let (c, next) = self.text.next_at(self.pos)?;
        self.pos = next;
        Some(c)
    }

    fn next_item(&mut self) -> Result<TemplateItem, FormatError> {
        let start = self.pos;
        let mut brace = None;
        let mut brace_at = self.pos;
        while let Some((c, next)) = self.text.next_at(self.pos) {
            brace_at = self.pos;
            self.pos = next;
            if c == LBRACE || c == RBRACE {
                brace = Some(c);
                break;
            }
        }
        let Some(c) = brace else {
            return Ok(TemplateItem {
                literal: start..self.pos,
                field: None,
            });
        };
        let following = self.peek();
        if c == RBRACE && following != Some(RBRACE) {
            return Err(FormatError::value(
                "Single '}' encountered in format string",
            ));
        }
        if following.is_none() {
            return Err(FormatError::value(
                "Single '{' encountered in format string",
            ));
        }
        if following == Some(c) {
            // An escaped brace: the literal keeps the first one.
            let literal = start..self.pos;
            self.bump();
            return Ok(TemplateItem {
                literal,
                field: None,
            });
        }
        let field = self.parse_field()?;
        Ok(TemplateItem {
            literal: start..brace_at,
            field: Some(field),
        })
    }

    fn parse_field(&mut self) -> Result<TemplateField, FormatError> {
        let name_start = self.pos;
        let mut name_end = self.pos;
        let mut last = None;
        while let Some((c, next)) = self.text.next_at(self.pos) {
            name_end = self.pos;
            self.pos = next;
            last = Some(c);
            match char::from_u32(c) {
                Some('{') => return Err(FormatError::value("unexpected '{' in field name")),
                Some('[') => {
                    // Brackets hide '}', ':' and '!' from the field-name scan.
                    while let Some(c) = self.peek() {
                        if c == ']' as u32 {
                            break;
                        }
                        self.bump();
                    }
                }
                Some('}' | ':' | '!') => break,
                _ => {}
            }
        }
        let mut field = TemplateField {
            name: name_start..name_end,
            conversion: None,
            spec: self.pos..self.pos,
            spec_needs_expanding: false,
        };
        match last.and_then(char::from_u32) {
            Some('}') => Ok(field),
            Some(c @ ('!' | ':')) => {
                if c == '!' {
                    let Some(conversion) = self.bump() else {
                        return Err(FormatError::value(
                            "end of string while looking for conversion specifier",
                        ));
                    };
                    field.conversion = Some(conversion);
                    if let Some(c) = self.bump() {
                        if c == RBRACE {
                            field.spec = self.pos..self.pos;
                            return Ok(field);
                        }
                        if c != ':' as u32 {
                            return Err(FormatError::value(
                                "expected ':' after conversion specifier",
                            ));
                        }
                    }
                }
                let spec_start = self.pos;
                let mut depth = 1;
                while let Some((c, next)) = self.text.next_at(self.pos) {
                    let spec_end = self.pos;
                    self.pos = next;
                    if c == LBRACE {
                        field.spec_needs_expanding = true;
                        depth += 1;
                    } else if c == RBRACE {
                        depth -= 1;
                        if depth == 0 {
                            field.spec = spec_start..spec_end;
                            return Ok(field);
                        }
                    }
                }
                Err(FormatError::value("unmatched '{' in format spec"))
            }
            _ => Err(FormatError::value("expected '}' before end of string")),
        }
    }
}

impl<T: CodePoints + ?Sized> Iterator for TemplateParser<'_, T> {
    type Item = Result<TemplateItem, FormatError>;

    fn next(&mut self) -> Option<Self::Item> {
        if self.failed || self.pos >= self.text.end() {
            return None;
        }
        let item = self.next_item();
        self.failed = item.is_err();
        Some(item)
    }
}

/// The first part of a field name.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum FieldFirst {
    /// Empty: the next automatic number.
    Auto,
    /// All decimal digits: a positional index.
    Index(usize),
    /// Anything else: a keyword name.
    Name(Range<usize>),
}

/// One `.attr` or `[key]` after the first part of a field name.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum FieldAccessor {
    /// `.name`.
    Attribute(Range<usize>),
    /// `[digits]`: an int key.
    Index(usize),
    /// `[text]`: a str key.
    Key(Range<usize>),
}

/// The accessors of a field name, parsed lazily (errors come when reached, as in CPython).
pub struct FieldAccessors<'t, T: CodePoints + ?Sized> {
    text: &'t T,
    pos: usize,
    end: usize,
    failed: bool,
}

const TOO_MANY_DIGITS: &str = "Too many decimal digits in format string";

/// The index an all-digits range denotes: None if some character is not a digit.
fn range_index<T: CodePoints + ?Sized>(
    text: &T,
    range: &Range<usize>,
) -> Result<Option<usize>, FormatError> {
    let (value, pos, count) = parse_decimal(text, range.start, isize::MAX as u64);
    if count == 0 || pos != range.end {
        return Ok(None);
    }
    value
        .map(|v| Some(v as usize))
        .ok_or_else(|| FormatError::value(TOO_MANY_DIGITS))
}

/// Splits the field name at `name` into its first part and its accessors
/// (`_string.formatter_field_name_split`).
pub fn field_name_split<T: CodePoints + ?Sized>(
    text: &T,
    name: Range<usize>,
) -> Result<(FieldFirst, FieldAccessors<'_, T>), FormatError> {
    let mut pos = name.start;
    while pos < name.end {
        let Some((c, next)) = text.next_at(pos) else {
            break;
        };
        if c == '.' as u32 || c == '[' as u32 {
            break;
        }
        pos = next;
    }
    let first_range = name.start..pos;
    let first = if first_range.is_empty() {
        FieldFirst::Auto
    } else {
        match range_index(text, &first_range)? {
            Some(i) => FieldFirst::Index(i),
            None => FieldFirst::Name(first_range),
        }
    };
    Ok((
        first,
        FieldAccessors {
            text,
            pos,
            end: name.end,
            failed: false,
        },
    ))
}

impl<T: CodePoints + ?Sized> FieldAccessors<'_, T> {
    fn next_accessor(&mut self) -> Result<FieldAccessor, FormatError> {
        let Some((c, next)) = self.text.next_at(self.pos) else {
            return Err(FormatError::value("Missing ']' in format string"));
        };
        self.pos = next;
        let is_attribute = if c == '.' as u32 {
            true
        } else if c == '[' as u32 {
            false
        } else {
            return Err(FormatError::value(
                "Only '.' or '[' may follow ']' in format field specifier",
            ));
        };
        let start = self.pos;
        let mut closed = false;
        while self.pos < self.end {
            let Some((c, next)) = self.text.next_at(self.pos) else {
                break;
            };
            if is_attribute && (c == '.' as u32 || c == '[' as u32) {
                break;
            }
            if !is_attribute && c == ']' as u32 {
                closed = true;
                break;
            }
            self.pos = next;
        }
        let range = start..self.pos;
        if !is_attribute {
            if !closed {
                return Err(FormatError::value("Missing ']' in format string"));
            }
            // Past the ']' (one unit in every encoding).
            self.pos += 1;
        }
        if range.is_empty() {
            return Err(FormatError::value("Empty attribute in format string"));
        }
        if is_attribute {
            return Ok(FieldAccessor::Attribute(range));
        }
        Ok(match range_index(self.text, &range)? {
            Some(i) => FieldAccessor::Index(i),
            None => FieldAccessor::Key(range),
        })
    }
}

impl<T: CodePoints + ?Sized> Iterator for FieldAccessors<'_, T> {
    type Item = Result<FieldAccessor, FormatError>;

    fn next(&mut self) -> Option<Self::Item> {
        if self.failed || self.pos >= self.end {
            return None;
        }
        let item = self.next_accessor();
        self.failed = item.is_err();
        Some(item)
    }
}

/// Automatic field numbering of one `str.format` call, shared by nested specs.
#[derive(Clone, Debug, Default)]
pub struct FieldNumbering {
    manual: bool,
    auto: bool,
    next: usize,
}

impl FieldNumbering {
    /// A numbering in its initial state.
    pub fn new() -> Self {
        Self::default()
    }

    /// The positional index `first` refers to (None for a keyword name), refusing to mix
    /// automatic and manual numbering as CPython does.
    pub fn resolve(&mut self, first: &FieldFirst) -> Result<Option<usize>, FormatError> {
        match first {
            FieldFirst::Auto => {
                if self.manual {
                    return Err(FormatError::value(
                        "cannot switch from manual field specification to automatic field numbering",
                    ));
                }
                self.auto = true;
                self.next += 1;
                Ok(Some(self.next - 1))
            }
            FieldFirst::Index(i) => {
                if self.auto {
                    return Err(FormatError::value(
                        "cannot switch from automatic field numbering to manual field specification",
                    ));
                }
                self.manual = true;
                Ok(Some(*i))
            }
            FieldFirst::Name(_) => Ok(None),
        }
    }
}

/// The ValueError for a conversion character other than r, s and a.
pub fn conversion_error(conversion: u32) -> FormatError {
    if conversion > 32 && conversion < 127 {
        FormatError::value(format!(
            "Unknown conversion specifier {}",
            conversion as u8 as char
        ))
    } else {
        FormatError::value(format!("Unknown conversion specifier \\x{conversion:x}"))
    }
}
