//! String literals: prefixes, escapes, bytes, implicit concatenation and
//! f-strings (3.11 rules), turned into `Constant` or `JoinedStr` nodes as
//! CPython 3.11's Parser/string_parser.c and `_PyPegen_concatenate_strings`
//! build them, node positions and error messages included.

mod escape;
mod fstring;
#[rustfmt::skip]
pub(crate) mod unicode_tables;

use crate::ast::{Expr, ExprKind, Loc};
use crate::constant::Constant;
use crate::error::SyntaxError;
use crate::token::{Pos, Token};
use crate::wtf8::Wtf8Buf;

pub use escape::lookup_name as lookup_unicode_name;

/// Why a run of string tokens was rejected.
///
/// CPython reports most of these errors with `RAISE_SYNTAX_ERROR`, i.e. at
/// the last token the parser has fetched, which is the token right after the
/// strings; the parser knows which one that is, so it builds the SyntaxError.
#[derive(Clone, Debug, PartialEq)]
pub enum StringError {
    /// An error raised while parsing a replacement field's expression
    /// (returned by `parse_expr`), passed through unchanged.
    Syntax(SyntaxError),
    /// `msg` at the last token fetched (CPython's `RAISE_SYNTAX_ERROR`).
    AtLastToken(String),
    /// `msg` spanning `tokens[index]` (`RAISE_SYNTAX_ERROR_KNOWN_LOCATION`).
    AtToken(String, usize),
}

/// The parts of one string token.
struct Literal<'a> {
    /// The whole token text, prefix and quotes included.
    text: &'a str,
    /// Byte range of the body (between the quotes) in `text`.
    body: std::ops::Range<usize>,
    bytes: bool,
    raw: bool,
    fmode: bool,
}

impl<'a> Literal<'a> {
    fn split(text: &'a str) -> Option<Literal<'a>> {
        let b = text.as_bytes();
        let (mut bytes, mut raw, mut fmode) = (false, false, false);
        let mut i = 0;
        while let Some(&c) = b.get(i) {
            match c {
                b'b' | b'B' => bytes = true,
                b'r' | b'R' => raw = true,
                b'f' | b'F' => fmode = true,
                b'u' | b'U' => {}
                _ => break,
            }
            i += 1;
        }
        let quote = *b.get(i)?;
        if !(quote == b'\'' || quote == b'"') || (bytes && fmode) {
            return None;
        }
        let rest = &b[i..];
        let triple = [quote; 3];
        let body = if rest.len() >= 6 && rest.starts_with(&triple) && rest.ends_with(&triple) {
            i + 3..b.len() - 3
        } else if rest.len() >= 2 && rest[rest.len() - 1] == quote {
            i + 1..b.len() - 1
        } else {
            return None;
        };
        Some(Literal { text, body, bytes, raw, fmode })
    }

    fn body_str(&self) -> &'a str {
        &self.text[self.body.clone()]
    }
}

fn span(first: &Token, last: &Token) -> Loc {
    Loc {
        lineno: first.start.line,
        col_offset: first.start.col,
        end_lineno: last.end.line,
        end_col_offset: last.end.col,
    }
}

/// A `Constant` str node. CPython marks it `kind='u'` when the token it takes
/// its start from begins with a lowercase `u` prefix.
fn str_constant(source: &str, value: Wtf8Buf, from: &Token, to: &Token) -> Expr {
    let kind = from.text(source).starts_with('u').then(|| "u".to_string());
    Expr { kind: ExprKind::Constant { value: Constant::Str(value), kind }, loc: span(from, to) }
}

/// Parse a run of adjacent STRING tokens (implicit concatenation) into one
/// `Constant` (str or bytes) or `JoinedStr` node spanning the whole run.
///
/// `parse_expr(text, start)` parses the expression of an f-string
/// replacement field: `text` is what CPython 3.11 hands its sub-parser, the
/// field's expression (between the `{` and the `!`, `:`, `=` or `}` ending
/// it) wrapped in parentheses, which lets it start with whitespace and makes
/// a bare tuple `{a, b}` span from the `(`. `start` is the file position the
/// `(` stands for: tokens on the first line of `text` are shifted by
/// `start.col`, all lines by `start.line - 1`. The `(` goes where CPython
/// puts it, quirks included: at the `{`, unless only whitespace follows the
/// `{` up to a newline, in which case at the string token's start column (on
/// its first line) or at column 0 of the `{`'s line.
pub fn parse_strings(
    source: &str,
    tokens: &[Token],
    parse_expr: &mut dyn FnMut(&str, Pos) -> Result<Expr, SyntaxError>,
) -> Result<Expr, StringError> {
    let (Some(first), Some(last)) = (tokens.first(), tokens.last()) else {
        return Err(StringError::AtLastToken("string literal expected".to_string()));
    };
    let mut bytesmode = false;
    let mut bytes_value: Vec<u8> = Vec::new();
    let mut state = fstring::Parts::default();
    for (index, tok) in tokens.iter().enumerate() {
        let text = tok.text(source);
        let Some(lit) = Literal::split(text) else {
            return Err(StringError::AtToken("invalid string literal".to_string(), index));
        };
        // Decode first (CPython's _PyPegen_parsestr), then check mixing.
        let mut decoded_str = None;
        if lit.bytes {
            let body = lit.body_str();
            if !body.is_ascii() {
                return Err(StringError::AtToken("bytes can only contain ASCII literal characters".to_string(), index));
            }
            let value = if lit.raw {
                normalize_newlines_bytes(body.as_bytes())
            } else {
                escape::decode_bytes_escapes(body.as_bytes()).map_err(StringError::AtLastToken)?
            };
            bytes_value.extend_from_slice(&value);
        } else if !lit.fmode {
            let mut value = Wtf8Buf::with_capacity(lit.body.len());
            if lit.raw {
                escape::push_normalized(&mut value, lit.body_str());
            } else {
                escape::decode_str_escapes(lit.body_str(), &mut value).map_err(StringError::AtLastToken)?;
            }
            decoded_str = Some(value);
        }
        if index != 0 && bytesmode != lit.bytes {
            return Err(StringError::AtLastToken("cannot mix bytes and nonbytes literals".to_string()));
        }
        bytesmode = lit.bytes;
        if lit.fmode {
            let mut ctx = fstring::Ctx { source, first, last, tok, lit: &lit, parse_expr: &mut *parse_expr };
            let mut pos = lit.body.start;
            ctx.concat(&mut state, &mut pos, lit.body.end, 0)?;
        } else if let Some(value) = decoded_str {
            state.push_str(value);
        }
    }
    if bytesmode {
        return Ok(Expr {
            kind: ExprKind::Constant { value: Constant::Bytes(bytes_value), kind: None },
            loc: span(first, last),
        });
    }
    Ok(state.finish(source, first, last))
}

fn normalize_newlines_bytes(b: &[u8]) -> Vec<u8> {
    let mut out = Vec::with_capacity(b.len());
    let mut i = 0;
    while i < b.len() {
        if b[i] == b'\r' {
            out.push(b'\n');
            if b.get(i + 1) == Some(&b'\n') {
                i += 1;
            }
        } else {
            out.push(b[i]);
        }
        i += 1;
    }
    out
}

#[cfg(test)]
mod tests;
