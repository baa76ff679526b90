//! f-strings as CPython 3.11 parses them (before PEP 701): the literal text
//! is scanned by hand, each replacement field's expression is found by
//! bracket and quote matching and handed to the expression parser.

use super::escape;
use super::{span, str_constant, Literal, StringError};
use crate::ast::{Expr, ExprKind};
use crate::error::SyntaxError;
use crate::token::{Pos, Token};
use crate::wtf8::Wtf8Buf;

/// CPython's MAXLEVEL: brackets nested inside one replacement field.
const MAX_BRACKETS: usize = 200;

/// The values collected so far (CPython's FstringParser): literal text is
/// accumulated until an expression comes, so consecutive literal parts merge
/// and empty ones vanish.
#[derive(Default)]
pub(super) struct Parts {
    last_str: Option<Wtf8Buf>,
    values: Vec<Expr>,
    /// An f-string was seen: the result is a JoinedStr.
    fmode: bool,
}

impl Parts {
    pub(super) fn push_str(&mut self, s: Wtf8Buf) {
        if s.is_empty() {
            return;
        }
        match &mut self.last_str {
            Some(l) => l.push_wtf8(&s),
            None => self.last_str = Some(s),
        }
    }

    fn flush(&mut self, source: &str, from: &Token, to: &Token) {
        if let Some(s) = self.last_str.take() {
            self.values.push(str_constant(source, s, from, to));
        }
    }

    /// The node for everything collected, spanning `from..to`.
    pub(super) fn finish(mut self, source: &str, from: &Token, to: &Token) -> Expr {
        if !self.fmode {
            return str_constant(source, self.last_str.unwrap_or_default(), from, to);
        }
        self.flush(source, from, to);
        Expr { kind: ExprKind::JoinedStr { values: self.values }, loc: span(from, to) }
    }
}

fn error<T>(msg: impl Into<String>) -> Result<T, StringError> {
    Err(StringError::AtLastToken(msg.into()))
}

const EXPECTING_BRACE: &str = "f-string: expecting '}'";

/// Parsing one f-string token of a concatenation run.
pub(super) struct Ctx<'a, 'p> {
    pub(super) source: &'a str,
    /// First and last tokens of the run: most nodes span all of it.
    pub(super) first: &'a Token,
    pub(super) last: &'a Token,
    /// The token being parsed.
    pub(super) tok: &'a Token,
    pub(super) lit: &'p Literal<'a>,
    pub(super) parse_expr: &'p mut dyn FnMut(&str, Pos) -> Result<Expr, SyntaxError>,
}

impl Ctx<'_, '_> {
    /// Parse `text[*pos..end]` into `parts` (CPython's
    /// `_PyPegen_FstringParser_ConcatFstring`). At `lvl > 0` (a format spec)
    /// it stops at the closing `}`.
    /// Parse `text[*pos..end]` into `parts` (CPython's
    /// `_PyPegen_FstringParser_ConcatFstring`). At `lvl > 0` (a format spec)
    /// it stops at the closing `}`.
    pub(super) fn concat(
        &mut self,
        parts: &mut Parts,
        pos: &mut usize,
        end: usize,
        lvl: u32,
    ) -> Result<(), StringError> {
        parts.fmode = true;
        let b = self.lit.text.as_bytes();
        loop {
            let (literal, doubled) = self.find_literal(pos, end, lvl)?;
            if let Some(l) = literal {
                parts.push_str(l);
            }
            if doubled {
                continue;
            }
            if *pos >= end || b[*pos] == b'}' {
                break;
            }
            let (expr_text, value) = self.find_expr(pos, end, lvl)?;
            if let Some(t) = expr_text {
                parts.push_str(t);
            }
            parts.flush(self.source, self.first, self.last);
            parts.values.push(value);
        }
        if lvl == 0 && *pos + 1 < end {
            return error("f-string: unexpected end of string");
        }
        if lvl != 0 && (*pos >= end || b[*pos] != b'}') {
            return error(EXPECTING_BRACE);
        }
        Ok(())
    }

    /// Scan literal text up to an undoubled `{` (or the `}` closing a format
    /// spec). Returns the decoded text and whether it stopped at a doubled
    /// brace (whose first half ends the text; scanning resumes after both).
    fn find_literal(&mut self, pos: &mut usize, end: usize, lvl: u32) -> Result<(Option<Wtf8Buf>, bool), StringError> {
        let b = self.lit.text.as_bytes();
        let raw = self.lit.raw;
        let start = *pos;
        let mut s = *pos;
        let mut doubled = false;
        let lit_end;
        loop {
            if s >= end {
                lit_end = s;
                *pos = s;
                break;
            }
            let mut ch = b[s];
            s += 1;
            if !raw && ch == b'\\' && s < end {
                ch = b[s];
                s += 1;
                if ch == b'N' {
                    // Skip `\N{...}` so its braces are not taken for a field.
                    if s < end {
                        let c = b[s];
                        s += 1;
                        if c == b'{' {
                            while s < end {
                                s += 1;
                                if b[s - 1] == b'}' {
                                    break;
                                }
                            }
                        }
                    }
                    continue;
                }
            }
            if ch == b'{' || ch == b'}' {
                if lvl == 0 {
                    if s < end && b[s] == ch {
                        *pos = s + 1;
                        doubled = true;
                        lit_end = s;
                        break;
                    }
                    if ch == b'}' {
                        *pos = s - 1;
                        return error("f-string: single '}' is not allowed");
                    }
                }
                s -= 1;
                lit_end = s;
                *pos = s;
                break;
            }
        }
        if lit_end == start {
            return Ok((None, doubled));
        }
        // Every stop is at an ASCII character or the end, so on a char boundary.
        let piece = self.lit.text.get(start..lit_end).unwrap_or_default();
        let mut out = Wtf8Buf::with_capacity(piece.len());
        if raw {
            escape::push_normalized(&mut out, piece);
        } else {
            escape::decode_str_escapes(piece, &mut out).map_err(StringError::AtLastToken)?;
        }
        Ok((Some(out), doubled))
    }

    /// Parse a replacement field starting at the `{` at `*pos` (CPython's
    /// `fstring_find_expr`): returns the `=` debug text, if any, and the
    /// FormattedValue.
    fn find_expr(&mut self, pos: &mut usize, end: usize, lvl: u32) -> Result<(Option<Wtf8Buf>, Expr), StringError> {
        if lvl >= 2 {
            return error("f-string: expressions nested too deeply");
        }
        let text = self.lit.text;
        let b = text.as_bytes();
        let brace = *pos;
        *pos += 1;
        let expr_start = *pos;
        // The quote of the string literal we are in (0: none), and whether
        // it is triple-quoted.
        let mut quote = 0u8;
        let mut triple = false;
        let mut brackets: Vec<u8> = Vec::new();
        while *pos < end {
            let ch = b[*pos];
            if ch == b'\\' {
                return error("f-string expression part cannot include a backslash");
            }
            if quote != 0 {
                if ch == quote {
                    if triple {
                        if *pos + 2 < end && b[*pos + 1] == ch && b[*pos + 2] == ch {
                            *pos += 2;
                            quote = 0;
                            triple = false;
                        }
                    } else {
                        quote = 0;
                    }
                }
            } else if ch == b'\'' || ch == b'"' {
                triple = *pos + 2 < end && b[*pos + 1] == ch && b[*pos + 2] == ch;
                if triple {
                    *pos += 2;
                }
                quote = ch;
            } else if matches!(ch, b'[' | b'{' | b'(') {
                if brackets.len() >= MAX_BRACKETS {
                    return error("f-string: too many nested parenthesis");
                }
                brackets.push(ch);
            } else if ch == b'#' {
                return error("f-string expression part cannot include '#'");
            } else if brackets.is_empty() && matches!(ch, b'!' | b':' | b'}' | b'=' | b'>' | b'<') {
                // `!=`, `==`, `<=`, `>=` and lone `<`, `>` are operators.
                if *pos + 1 < end && b[*pos + 1] == b'=' && ch != b':' && ch != b'}' {
                    *pos += 2;
                    continue;
                }
                if ch == b'>' || ch == b'<' {
                    *pos += 1;
                    continue;
                }
                break;
            } else if matches!(ch, b']' | b'}' | b')') {
                let Some(open) = brackets.pop() else {
                    return error(format!("f-string: unmatched '{}'", ch as char));
                };
                if !matches!((open, ch), (b'(', b')') | (b'[', b']') | (b'{', b'}')) {
                    return error(format!(
                        "f-string: closing parenthesis '{}' does not match opening parenthesis '{}'",
                        ch as char, open as char
                    ));
                }
            }
            *pos += 1;
        }
        let expr_end = *pos;
        if quote != 0 {
            return error("f-string: unterminated string");
        }
        if let Some(&open) = brackets.last() {
            return error(format!("f-string: unmatched '{}'", open as char));
        }
        if *pos >= end {
            return error(EXPECTING_BRACE);
        }
        // The expression is compiled first, so its errors come before those
        // of the conversion and format spec.
        let value = self.compile_expr(brace, expr_start, expr_end)?;

        let mut expr_text = None;
        if b[*pos] == b'=' {
            *pos += 1;
            while *pos < end && matches!(b[*pos], b' ' | b'\t' | b'\n' | b'\r' | 0x0b | 0x0c) {
                *pos += 1;
            }
            let mut t = Wtf8Buf::new();
            escape::push_normalized(&mut t, text.get(expr_start..*pos).unwrap_or_default());
            expr_text = Some(t);
        }
        let mut conversion = -1;
        if *pos < end && b[*pos] == b'!' {
            *pos += 1;
            if *pos >= end {
                return error(EXPECTING_BRACE);
            }
            let c = b[*pos];
            *pos += 1;
            if !matches!(c, b's' | b'r' | b'a') {
                return error("f-string: invalid conversion character: expected 's', 'r', or 'a'");
            }
            conversion = c as i64;
        }
        if *pos >= end {
            return error(EXPECTING_BRACE);
        }
        let mut format_spec = None;
        if b[*pos] == b':' {
            *pos += 1;
            if *pos >= end {
                return error(EXPECTING_BRACE);
            }
            let mut spec = Parts::default();
            self.concat(&mut spec, pos, end, lvl + 1)?;
            // CPython gives the spec, and its trailing literal, the position
            // of the current token rather than of the whole run.
            format_spec = Some(Box::new(spec.finish(self.source, self.tok, self.tok)));
        }
        if *pos >= end || b[*pos] != b'}' {
            return error(EXPECTING_BRACE);
        }
        *pos += 1;
        if expr_text.is_some() && format_spec.is_none() && conversion == -1 {
            conversion = b'r' as i64;
        }
        let fv = Expr {
            kind: ExprKind::FormattedValue { value: Box::new(value), conversion, format_spec },
            loc: span(self.first, self.last),
        };
        Ok((expr_text, fv))
    }

    /// Parse the expression `text[expr_start..expr_end]` of the field whose
    /// `{` is at `brace` (CPython's `fstring_compile_expr`).
    fn compile_expr(&mut self, brace: usize, expr_start: usize, expr_end: usize) -> Result<Expr, StringError> {
        let text = self.lit.text;
        let b = text.as_bytes();
        let expr = text.get(expr_start..expr_end).unwrap_or_default();
        if expr.bytes().all(|c| matches!(c, b' ' | b'\t' | b'\n' | b'\r' | 0x0c)) {
            let next = b[expr_end];
            if matches!(next, b'!' | b':' | b'=') {
                return error(format!("f-string: expression required before '{}'", next as char));
            }
            return error("f-string: empty expression not allowed");
        }
        // CPython parses `(expr)`, the `(` standing for the `{`.
        let start = self.expr_start_pos(brace);
        (self.parse_expr)(&format!("({expr})"), start).map_err(StringError::Syntax)
    }

    /// Where CPython 3.11 places the `(` that replaces the field's `{`
    /// (`fstring_find_expr_location`): on the `{`'s line; at the `{` itself
    /// unless only whitespace follows it up to a newline, in which case at
    /// the token's start column (first line) or column 0 (later lines).
    fn expr_start_pos(&self, brace: usize) -> Pos {
        let b = self.lit.text.as_bytes();
        let before = &b[..brace];
        let lines = before.iter().filter(|&&c| c == b'\n').count() as u32;
        let mut newline_after_brace = false;
        for &c in &b[brace + 1..] {
            match c {
                b'}' | b'\n' => {
                    newline_after_brace = true;
                    break;
                }
                b' ' | b'\t' | 0x0c => {}
                _ => break,
            }
        }
        let cols = if newline_after_brace {
            0
        } else {
            match before.iter().rposition(|&c| c == b'\n') {
                Some(nl) => (brace - nl - 1) as u32,
                None => brace as u32,
            }
        };
        let t = self.tok.start;
        Pos { line: t.line + lines, col: if lines == 0 { t.col + cols } else { cols } }
    }
}
