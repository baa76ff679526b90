//! Turning parse failures into CPython's SyntaxErrors: the two-pass driver,
//! the generic "invalid syntax" fallback and error construction
//! (CPython's Parser/pegen_errors.c).

use super::{PResult, Parser};
use crate::ast::Mod;
use crate::error::{SyntaxError, SyntaxErrorKind};
use crate::token::{Pos, TokenKind};

/// Run the start rule; on failure rerun with the `invalid_*` rules enabled and
/// raise the most specific error, as `_PyPegen_run_parser` does.
pub(crate) fn run_parser(mut p: Parser<'_>) -> PResult<Mod> {
    match p.start_rule() {
        Ok(Some(m)) => return Ok(m),
        Err(e) => return Err(e),
        Ok(None) => {}
    }
    if p.tokens[p.fill.max(1) - 1].kind == TokenKind::Error {
        if let Some(e) = p.tok_error.take() {
            return Err(e);
        }
    }
    let last_token_index = p.fill.max(1) - 1;
    p.reset(0);
    p.fill = 0;
    p.level = 0;
    p.call_invalid_rules = true;
    if let Err(e) = p.start_rule() {
        return Err(e);
    }
    Err(generic_error(&mut p, last_token_index))
}

/// `_PyPegen_set_syntax_error`: no specific error was found.
fn generic_error(p: &mut Parser<'_>, last_token_index: usize) -> SyntaxError {
    let last = p.tokens[last_token_index];
    match last.kind {
        TokenKind::Error => {
            if let Some(e) = p.tok_error.take() {
                return e;
            }
        }
        TokenKind::Indent => return p.error_at(SyntaxErrorKind::IndentationError, "unexpected indent", last.start, Some(last.end)),
        TokenKind::Dedent => return p.error_at(SyntaxErrorKind::IndentationError, "unexpected unindent", last.start, Some(last.end)),
        _ => {}
    }
    let generic = p.error_at(SyntaxErrorKind::SyntaxError, "invalid syntax", last.start, Some(last.end));
    // The rest of the source is checked for tokenizer errors, which win.
    match p.tok_error.take() {
        Some(e) => e,
        None => generic,
    }
}

/// Build a SyntaxError at file positions (byte columns), filling `text` with
/// the source line and converting columns to 1-based character offsets.
pub(crate) fn make_error(p: &Parser<'_>, kind: SyntaxErrorKind, msg: String, start: Pos, end: Option<Pos>) -> SyntaxError {
    let line_text = source_line(p.source, start.line);
    let offset = char_offset(line_text, start.col) + 1;
    let (end_lineno, end_offset) = match end {
        Some(e) => {
            let end_line_text = source_line(p.source, e.line);
            (e.line, char_offset(end_line_text, e.col) + 1)
        }
        None => (start.line, 0),
    };
    let msg = if p.in_fstring { format!("f-string: {msg}") } else { msg };
    let mut err = SyntaxError::new(kind, msg);
    err.lineno = start.line;
    err.offset = offset;
    err.end_lineno = end_lineno;
    err.end_offset = end_offset;
    err.text = Some(line_text.to_string());
    err
}

pub(crate) fn too_deep(p: &Parser<'_>) -> SyntaxError {
    let t = p.tokens[p.pos.min(p.tokens.len() - 1)];
    p.error_at(SyntaxErrorKind::SyntaxError, "too many nested parentheses", t.start, Some(t.end))
}

/// Line `lineno` (1-based) of `source`, with its newline.
pub(crate) fn source_line(source: &str, lineno: u32) -> &str {
    let mut rest = source;
    for _ in 1..lineno.max(1) {
        match rest.find('\n') {
            Some(i) => rest = &rest[i + 1..],
            None => return "",
        }
    }
    match rest.find('\n') {
        Some(i) => &rest[..=i],
        None => rest,
    }
}

/// Number of characters in the first `byte_col` bytes of `line`.
pub(crate) fn char_offset(line: &str, byte_col: u32) -> u32 {
    let b = (byte_col as usize).min(line.len());
    let mut b2 = b;
    while !line.is_char_boundary(b2) {
        b2 -= 1;
    }
    line[..b2].chars().count() as u32
}
