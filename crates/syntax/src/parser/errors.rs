//! Turning parse failures into CPython's SyntaxErrors: the two-pass driver,
//! the generic "invalid syntax" fallback, the check of the rest of the source
//! for tokenizer errors, and the construction of errors at tokens, nodes and
//! ranges (CPython 3.11's Parser/pegen.c, Parser/pegen_errors.c and the
//! error helpers of Parser/action_helpers.c).
//!
//! Locations follow CPython's conventions exactly, quirks included:
//! - `offset`/`end_offset` are 1-based. They count characters when the
//!   source was given as text or declared its encoding, and UTF-8 bytes when
//!   it was given as bytes without a coding cookie (CPython only converts
//!   when its tokenizer knows an encoding).
//! - INDENT, DEDENT and ENDMARKER have no column in CPython: an error
//!   reported at one of them takes the tokenizer's position, and has no end.
//! - In an f-string replacement field, positions are those in the text
//!   CPython parses, the expression wrapped in parentheses, and the message
//!   gets an "f-string: " prefix.

use super::{PResult, Parser};
use crate::ast::{Comprehension, Constant, Expr, ExprKind, Mod};
use crate::error::{SyntaxError, SyntaxErrorKind};
use crate::token::{Pos, Token, TokenKind};

// ----- the driver ---------------------------------------------------------------

/// Run the start rule; on failure rerun it with the `invalid_*` rules enabled
/// and raise the most specific error, as `_PyPegen_run_parser` does.
pub(crate) fn run_parser(p: &mut Parser<'_>) -> PResult<Mod> {
    p.fast = true;
    let fast = p.start_rule();
    p.fast = false;
    if let Ok(Some(m)) = fast {
        return Ok(m);
    }
    // The fast pass may look at fewer tokens and fail differently: the
    // error comes from the exact pass, as CPython's first pass.
    p.reset(0);
    p.level = 0;
    p.fill = 0;
    p.peak = 0;
    let first = p.start_rule();
    if let Ok(Some(m)) = first {
        return Ok(m);
    }
    // CPython raises a tokenizer error as soon as the parser fetches the bad
    // token; the second pass then does nothing.
    if reached_error_token(p) {
        return Err(tokenizer_error(p));
    }
    let last_token = p.tokens[p.fill.max(1) - 1];
    let err = match first {
        // Not a SyntaxError: no second pass, no check of the rest.
        Err(e) if !e.kind.is_syntax_error() => return Err(e),
        // An error raised by an action in the first pass (a bad string
        // literal, a forced token): the second pass does nothing either.
        Err(e) => e,
        Ok(_) => {
            p.reset(0);
            p.level = 0;
            p.call_invalid_rules = true;
            let second = p.start_rule();
            if reached_error_token(p) {
                return Err(tokenizer_error(p));
            }
            match second {
                Err(e) if !e.kind.is_syntax_error() => return Err(e),
                Err(e) => e,
                // `_PyPegen_set_syntax_error`: nothing specific was found.
                Ok(_) => match last_token.kind {
                    TokenKind::Indent => return Err(p.raise(SyntaxErrorKind::IndentationError, "unexpected indent")),
                    TokenKind::Dedent => return Err(p.raise(SyntaxErrorKind::IndentationError, "unexpected unindent")),
                    // Generic errors are reported at the last token of the
                    // first pass: the second one may look further ahead.
                    _ => p.error_at_token(SyntaxErrorKind::SyntaxError, "invalid syntax", &last_token),
                },
            }
        }
    };
    Err(check_rest_of_source(p, err))
}

/// Whether the parser has fetched the token standing for a tokenizer error.
fn reached_error_token(p: &Parser<'_>) -> bool {
    p.fill > 0 && p.tokens[p.fill - 1].kind == TokenKind::Error
}

fn tokenizer_error(p: &mut Parser<'_>) -> SyntaxError {
    match p.tok_error.take() {
        Some(e) => retext(p, e),
        None => {
            let t = p.tokens[p.fill.max(1) - 1];
            p.error_at_token(SyntaxErrorKind::SyntaxError, "invalid syntax", &t)
        }
    }
}

/// An error CPython's parser raises for the tokenizer takes its text from
/// the file when there is one (`_PyErr_ProgramDecodedTextObject`), not from
/// the tokenizer's buffer, which may hold several continued lines.
fn retext(p: &Parser<'_>, mut e: SyntaxError) -> SyntaxError {
    if p.file_input && !p.in_fstring && !p.tok_error_is_raised && e.lineno > 0 {
        let line = source_line(p.source, e.lineno);
        if !line.is_empty() {
            e.text = Some(line.to_string());
        }
    }
    e
}

/// `_PyPegen_tokenize_full_source_to_check_for_errors`: CPython tokenizes
/// the rest of the input after a parser error. An error the tokenizer raises
/// there itself replaces the parser's; one it only signals to the parser
/// (bad dedent, tabs, EOF, ...) does not, except that an unclosed bracket
/// opened on a line before the parser's error is reported instead.
fn check_rest_of_source(p: &mut Parser<'_>, err: SyntaxError) -> SyntaxError {
    let Some(tok_err) = p.tok_error.take() else {
        return err;
    };
    if p.tok_error_is_raised {
        return tok_err;
    }
    let err_line = p.tokens[p.fill.max(1) - 1].start.line;
    match p.unclosed_bracket.take() {
        Some(open) if err_line > open.lineno => retext(p, open),
        _ => err,
    }
}

// ----- error construction ---------------------------------------------------------

/// Tokens CPython gives no column (-1). The tokenizer gives them the
/// position it had read to when it produced them.
fn has_no_column(t: &Token) -> bool {
    matches!(t.kind, TokenKind::Indent | TokenKind::Dedent | TokenKind::EndMarker)
}

impl<'src> Parser<'src> {
    /// RAISE_SYNTAX_ERROR / RAISE_INDENTATION_ERROR: at the last token
    /// fetched (`_PyPegen_raise_error` without `use_mark`).
    pub(crate) fn raise(&self, kind: SyntaxErrorKind, msg: impl Into<String>) -> SyntaxError {
        let t = self.tokens[self.fill.max(1) - 1];
        self.raise_at(kind, msg.into(), &t)
    }

    /// `_PyPegen_raise_error` at token `t`.
    fn raise_at(&self, kind: SyntaxErrorKind, msg: String, t: &Token) -> SyntaxError {
        if has_no_column(t) {
            // The tokenizer's read position, used as is (not made 1-based).
            self.known_location(kind, msg, t.start.line, i64::from(t.start.col), t.end.line, None)
        } else {
            self.known_location(
                kind,
                msg,
                t.start.line,
                i64::from(t.start.col) + 1,
                t.end.line,
                Some(i64::from(t.end.col) + 1),
            )
        }
    }

    /// RAISE_ERROR_KNOWN_LOCATION at a token, as for `a=NAME` in an action:
    /// a token without column gives offset 0 and no end.
    pub(crate) fn error_at_token(&self, kind: SyntaxErrorKind, msg: impl Into<String>, t: &Token) -> SyntaxError {
        if has_no_column(t) {
            self.known_location(kind, msg.into(), t.start.line, 0, t.end.line, Some(0))
        } else {
            self.error_at(kind, msg, t.start, Some(t.end))
        }
    }

    /// RAISE_SYNTAX_ERROR_STARTING_FROM(a): from `start` to where the
    /// tokenizer is, the end of the last token fetched.
    pub(crate) fn raise_starting_from(&self, msg: impl Into<String>, start: Pos) -> SyntaxError {
        let (end_line, end_col) = self.tokenizer_position();
        self.known_location(
            SyntaxErrorKind::SyntaxError,
            msg.into(),
            start.line,
            i64::from(start.col) + 1,
            end_line,
            // CURRENT_POS is used as it is, not made 1-based.
            Some(i64::from(end_col)),
        )
    }

    /// Where CPython's tokenizer has read to after the last token fetched
    /// (`tok->lineno`, `tok->cur - tok->line_start`).
    fn tokenizer_position(&self) -> (u32, u32) {
        let t = self.tokens[self.fill.max(1) - 1];
        match t.kind {
            // The newline itself has been read.
            TokenKind::Newline => {
                let line = source_line(self.source, t.start.line);
                (t.start.line, line.len() as u32)
            }
            _ => (t.end.line, t.end.col),
        }
    }

    /// RAISE_SYNTAX_ERROR_INVALID_TARGET(type, e): "cannot assign to %s" (or
    /// delete) at the part of `e` that cannot be a target; `None` when all of
    /// `e` could be one (the rule then fails without raising).
    pub(crate) fn raise_invalid_target(&self, ty: TargetsType, e: &Expr) -> Option<SyntaxError> {
        let bad = invalid_target(e, ty)?;
        let msg = match ty {
            TargetsType::Del => format!("cannot delete {}", expr_name(bad)),
            TargetsType::Star | TargetsType::For => format!("cannot assign to {}", expr_name(bad)),
        };
        Some(self.error_at_loc(msg, bad.loc))
    }

    /// `_PyPegen_raise_error_known_location`: `col` and `end_col` are CPython's
    /// 1-based byte columns (`None` for an unknown end, CPython's -1).
    pub(crate) fn known_location(
        &self,
        kind: SyntaxErrorKind,
        msg: String,
        lineno: u32,
        col: i64,
        end_lineno: u32,
        end_col: Option<i64>,
    ) -> SyntaxError {
        let (msg, lineno, end_lineno, mut col, mut end_col, text) = if self.in_fstring {
            // Positions relative to the wrapped expression: the parser's
            // tokens were moved to the f-string's place in the file, the
            // first one being the added `(`.
            let base = self.tokens.first().map(|t| t.start).unwrap_or(Pos { line: 1, col: 0 });
            let rel_line = lineno.saturating_sub(base.line) + 1;
            let shift = i64::from(base.col);
            let mut text = source_line(self.source, rel_line).to_string();
            if !text.ends_with('\n') {
                text.push('\n');
            }
            (format!("f-string: {msg}"), lineno, end_lineno, col - shift, end_col.map(|c| c - shift), text)
        } else {
            (msg, lineno, end_lineno, col, end_col, source_line(self.source, lineno).to_string())
        };
        if !self.byte_offsets && !self.in_fstring {
            col = byte_to_char_offset(&text, col);
            // CPython converts the end with the start's line too.
            end_col = end_col.map(|c| if c > 0 { byte_to_char_offset(&text, c) } else { c });
        }
        let mut err = SyntaxError::new(kind, msg);
        err.lineno = lineno;
        err.offset = clamp(col);
        err.end_lineno = end_lineno;
        err.end_offset = end_col.map_or(0, clamp);
        err.text = Some(text);
        err
    }
}

fn clamp(v: i64) -> u32 {
    u32::try_from(v.max(0)).unwrap_or(u32::MAX)
}

/// Build a SyntaxError spanning `start..end` (0-based byte columns), as
/// RAISE_ERROR_KNOWN_LOCATION does with node or token positions.
pub(crate) fn make_error(p: &Parser<'_>, kind: SyntaxErrorKind, msg: String, start: Pos, end: Option<Pos>) -> SyntaxError {
    let (end_line, end_col) = match end {
        Some(e) => (e.line, Some(i64::from(e.col) + 1)),
        None => (start.line, None),
    };
    p.known_location(kind, msg, start.line, i64::from(start.col) + 1, end_line, end_col)
}

/// A left-recursive chain (`a+b+...`) nests the tree past the limit: the
/// parser copes, but building CPython's AST objects then recurses too deep.
pub(crate) fn chain_too_deep(p: &Parser<'_>) -> SyntaxError {
    let t = p.tokens[p.pos.min(p.tokens.len() - 1)];
    p.error_at(SyntaxErrorKind::RecursionError, "maximum recursion depth exceeded during ast construction", t.start, Some(t.end))
}

/// The parser's stack limit: CPython 3.11 raises a bare MemoryError.
pub(crate) fn too_deep(p: &Parser<'_>) -> SyntaxError {
    let t = p.tokens[p.pos.min(p.tokens.len() - 1)];
    p.error_at(SyntaxErrorKind::MemoryError, "", t.start, Some(t.end))
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

/// `_PyPegen_byte_offset_to_character_offset`: the 1-based byte column `col`
/// as a 1-based character column: the characters in the first `col` bytes,
/// a cut character counting as one, and the terminating NUL past the end.
fn byte_to_char_offset(line: &str, col: i64) -> i64 {
    let Ok(col) = usize::try_from(col) else {
        return col;
    };
    let bytes = line.as_bytes();
    if col > bytes.len() {
        return line.chars().count() as i64 + 1;
    }
    String::from_utf8_lossy(&bytes[..col]).chars().count() as i64
}

// ----- helpers of the invalid_* rules (Parser/action_helpers.c) -------------------------

/// Which kind of target an expression was meant to be (CPython's TARGETS_TYPE).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) enum TargetsType {
    Star,
    Del,
    For,
}

/// `_PyPegen_get_expr_name`: how error messages name an expression.
pub(crate) fn expr_name(e: &Expr) -> &'static str {
    match &e.kind {
        ExprKind::Attribute { .. } => "attribute",
        ExprKind::Subscript { .. } => "subscript",
        ExprKind::Starred { .. } => "starred",
        ExprKind::Name { .. } => "name",
        ExprKind::List { .. } => "list",
        ExprKind::Tuple { .. } => "tuple",
        ExprKind::Lambda { .. } => "lambda",
        ExprKind::Call { .. } => "function call",
        ExprKind::BoolOp { .. } | ExprKind::BinOp { .. } | ExprKind::UnaryOp { .. } => "expression",
        ExprKind::GeneratorExp { .. } => "generator expression",
        ExprKind::Yield { .. } | ExprKind::YieldFrom { .. } => "yield expression",
        ExprKind::Await { .. } => "await expression",
        ExprKind::ListComp { .. } => "list comprehension",
        ExprKind::SetComp { .. } => "set comprehension",
        ExprKind::DictComp { .. } => "dict comprehension",
        ExprKind::Dict { .. } => "dict literal",
        ExprKind::Set { .. } => "set display",
        ExprKind::JoinedStr { .. } | ExprKind::FormattedValue { .. } => "f-string expression",
        ExprKind::Constant { value, .. } => match value {
            Constant::None => "None",
            Constant::Bool(true) => "True",
            Constant::Bool(false) => "False",
            Constant::Ellipsis => "ellipsis",
            _ => "literal",
        },
        ExprKind::Compare { .. } => "comparison",
        ExprKind::IfExp { .. } => "conditional expression",
        ExprKind::NamedExpr { .. } => "named expression",
        ExprKind::Slice { .. } => "slice",
    }
}

/// `_PyPegen_get_invalid_target`: the first part of `e` that cannot be a
/// target of this kind, if any.
pub(crate) fn invalid_target(e: &Expr, ty: TargetsType) -> Option<&Expr> {
    match &e.kind {
        ExprKind::List { elts, .. } | ExprKind::Tuple { elts, .. } => elts.iter().find_map(|x| invalid_target(x, ty)),
        ExprKind::Starred { value, .. } => {
            if ty == TargetsType::Del {
                Some(e)
            } else {
                invalid_target(value, ty)
            }
        }
        ExprKind::Compare { left, ops, .. } => {
            // `for x in y` inside a for target parses as a comparison: only
            // its left side is the target.
            if ty == TargetsType::For {
                return if ops.first() == Some(&crate::ast::CmpOp::In) { invalid_target(left, ty) } else { None };
            }
            Some(e)
        }
        ExprKind::Name { .. } | ExprKind::Subscript { .. } | ExprKind::Attribute { .. } => None,
        _ => Some(e),
    }
}

/// `_PyPegen_check_legacy_stmt`: a Python 2 statement name.
pub(crate) fn is_legacy_stmt(e: &Expr) -> bool {
    matches!(&e.kind, ExprKind::Name { id, .. } if id == "print" || id == "exec")
}

/// `_PyPegen_get_last_comprehension_item`: where a comprehension ends.
pub(crate) fn last_comprehension_item(c: &Comprehension) -> &Expr {
    c.ifs.last().unwrap_or(&c.iter)
}

impl<'src> Parser<'src> {
    /// `_PyPegen_arguments_parsing_error`: a positional argument after
    /// keyword arguments (`args` are the arguments parsed before it).
    pub(crate) fn arguments_parsing_error(&self, keywords: &[crate::ast::Keyword]) -> SyntaxError {
        let unpacking = keywords.iter().any(|k| k.arg.is_none());
        let msg = if unpacking {
            "positional argument follows keyword argument unpacking"
        } else {
            "positional argument follows keyword argument"
        };
        self.raise(SyntaxErrorKind::SyntaxError, msg)
    }

    /// `_PyPegen_nonparen_genexp_in_call`: a generator expression as one of
    /// several arguments. `args` are the positional arguments parsed before
    /// the comprehension clauses, the last being the genexp's element.
    pub(crate) fn nonparen_genexp_in_call(&self, args: &[Expr], comprehensions: &[Comprehension]) -> Option<SyntaxError> {
        // With only one argument the generator is fine: `f(x for x in y)`.
        if args.len() <= 1 {
            return None;
        }
        let last = args.last()?;
        let end = last_comprehension_item(comprehensions.last()?);
        Some(self.error_range("Generator expression must be parenthesized", last.loc, end.loc))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn byte_columns_to_characters() {
        let line = "x = \"éé\" 1\n";
        // `1` is at byte 11, character 9.
        assert_eq!(byte_to_char_offset(line, 12), 10);
        assert_eq!(byte_to_char_offset(line, 1), 1);
        // Past the end: the terminating NUL counts as one more.
        assert_eq!(byte_to_char_offset(line, 40), line.chars().count() as i64 + 1);
        // A cut character counts as one.
        assert_eq!(byte_to_char_offset("é", 1), 1);
        assert_eq!(byte_to_char_offset(line, -1), -1);
    }

    #[test]
    fn source_lines() {
        assert_eq!(source_line("a\nbc\nd", 2), "bc\n");
        assert_eq!(source_line("a\nbc\nd", 3), "d");
        assert_eq!(source_line("a\n", 5), "");
    }

    /// (name, source bytes, kind, msg, lineno, offset, end_lineno, end_offset)
    /// as python3.11's `ast.parse(source)` reports them (an end offset of -1
    /// is stored as 0).
    type Case = (&'static str, &'static [u8], SyntaxErrorKind, &'static str, u32, u32, u32, u32);

    fn check_cases(cases: &[Case]) {
        for &(name, src, kind, msg, lineno, offset, end_lineno, end_offset) in cases {
            let e = crate::parse_bytes(src, "<unknown>", crate::Mode::Module).expect_err(name);
            assert_eq!(
                (e.kind, e.msg.as_str(), e.lineno, e.offset, e.end_lineno, e.end_offset),
                (kind, msg, lineno, offset, end_lineno, end_offset),
                "{name}"
            );
        }
    }

    #[test]
    fn error_priority_between_passes_and_tokenizer() {
        use SyntaxErrorKind::*;
        check_cases(&[
            ("generic", b"a b\n", SyntaxError, "invalid syntax", 1, 3, 1, 4),
            ("later tokenizer error wins", b"a b\nx = 'abc\n", SyntaxError, "unterminated string literal (detected at line 2)", 2, 5, 2, 5),
            ("later tokenizer error beats a specific one", b"f() = 1\nx = 'abc\n", SyntaxError, "unterminated string literal (detected at line 2)", 2, 5, 2, 5),
            ("first-pass string error loses too", b"s = '\\x4'\nx = 'abc\n", SyntaxError, "unterminated string literal (detected at line 2)", 2, 5, 2, 5),
            ("bracket opened after the error line", b"a b\nx = (\n", SyntaxError, "invalid syntax", 1, 3, 1, 4),
            ("bracket opened before the error line", b"x = (\na b\n", SyntaxError, "'(' was never closed", 1, 5, 1, 0),
            ("unexpected indent", b"x = 1\n   y\n", IndentationError, "unexpected indent", 2, 3, 2, 0),
            ("eof in brackets", b"x = (1 +\n", SyntaxError, "'(' was never closed", 1, 5, 1, 0),
        ]);
    }

    #[test]
    fn error_locations() {
        use SyntaxErrorKind::*;
        check_cases(&[
            ("indentation error at the next token", b"if x:\npass\n", IndentationError, "expected an indented block after 'if' statement on line 1", 2, 1, 2, 5),
            ("bytes without cookie: byte columns", "x = '\u{e9}\u{e9}' 1\n".as_bytes(), SyntaxError, "invalid syntax", 1, 12, 1, 13),
            ("cookie: character columns", "# coding: utf-8\nx = '\u{e9}\u{e9}' 1\n".as_bytes(), SyntaxError, "invalid syntax", 2, 10, 2, 11),
            ("f-string field", b"x = f'{a b}'\n", SyntaxError, "f-string: invalid syntax. Perhaps you forgot a comma?", 1, 2, 1, 5),
            ("starting from a node", b"try:\n    pass\nexcept A, B:\n    pass\n", SyntaxError, "multiple exception types must be parenthesized", 3, 8, 3, 12),
            ("invalid target", b"f() = 1\n", SyntaxError, "cannot assign to function call here. Maybe you meant '==' instead of '='?", 1, 1, 1, 4),
        ]);
        let e = crate::parse_str("x = '\u{e9}\u{e9}' 1\n", "<unknown>", crate::Mode::Module).unwrap_err();
        assert_eq!((e.offset, e.end_offset), (10, 11), "text input: character columns");
    }

    #[test]
    fn cpython_parser_quirks() {
        use SyntaxErrorKind::*;
        check_cases(&[
            // The dict rule's invalid alternative is not guarded: it runs in the first pass.
            ("dict", b"{1: 2, 3 4}\n", SyntaxError, "':' expected after dictionary key", 1, 8, 1, 0),
            // Any prefix of a soft keyword passes CPython's SOFT_KEYWORD test.
            ("soft keyword prefix", b"x = [c d]\n", SyntaxError, "invalid syntax", 1, 8, 1, 9),
            // What `expression_without_invalid` memoizes is reused.
            ("shared memo", b"a b c (e.g f)\n", SyntaxError, "invalid syntax", 1, 3, 1, 4),
            ("<> without barry_as_FLUFL", b"a <> b\n", SyntaxError, "invalid syntax", 1, 3, 1, 5),
        ]);
    }
}
