//! The parser: CPython 3.11's PEG grammar (Grammar/python.gram), written by
//! hand as recursive descent with backtracking and memoization, in two passes
//! as CPython does: a fast pass, then on failure a second pass that also tries
//! the `invalid_*` rules to produce CPython's specific error messages.
//!
//! Conventions (every rule follows them):
//! - A grammar rule `foo` of python.gram is a method `fn foo(&mut self) -> PResult<Option<T>>`.
//!   `Ok(Some(v))`: matched, tokens consumed. `Ok(None)`: no match, and the
//!   rule has put the position back where it started. `Err(e)`: a SyntaxError
//!   was raised; parsing stops at once (CPython's `p->error_indicator`).
//! - `invalid_*` rules live in `invalid.rs` and are only tried when
//!   `self.call_invalid_rules` is set (the second pass). They either raise
//!   (`Err`) or do not match (`Ok(None)`/`Ok(())`, position restored).
//! - Node locations: `let start = self.start_pos();` before the rule, then
//!   `self.loc_from(start)` after it: the end is the end of the last
//!   non-whitespace token consumed (CPython's EXTRA).

mod errors;
mod invalid;

use crate::ast::{Loc, Mod};
use crate::error::{SyntaxError, SyntaxErrorKind};
use crate::token::{Keyword, Pos, Token, TokenKind};
use crate::Mode;

pub(crate) type PResult<T> = Result<T, SyntaxError>;

pub(crate) struct Parser<'src> {
    pub(crate) source: &'src str,
    pub(crate) tokens: Vec<Token>,
    /// The tokenizer's error, raised when the parser reaches the `Error` token.
    pub(crate) tok_error: Option<SyntaxError>,
    /// Index of the next token.
    pub(crate) pos: usize,
    /// One past the furthest token looked at (CPython's `p->fill`): generic
    /// errors are reported there.
    pub(crate) fill: usize,
    /// Second pass: also try the `invalid_*` rules.
    pub(crate) call_invalid_rules: bool,
    /// Rule nesting depth, bounded so no input can exhaust the native stack.
    pub(crate) level: u32,
    pub(crate) mode: Mode,
    /// Parsing the expression of an f-string replacement field (CPython's
    /// `Py_fstring_input`): error messages get an "f-string: " prefix.
    pub(crate) in_fstring: bool,
}

/// A saved position to backtrack to.
pub(crate) type Mark = usize;

impl<'src> Parser<'src> {
    pub(crate) fn new(source: &'src str, mode: Mode) -> Self {
        let toks = crate::tokenizer::tokenize(source);
        Parser::from_tokens(source, toks, mode)
    }

    pub(crate) fn from_tokens(source: &'src str, toks: crate::tokenizer::Tokens, mode: Mode) -> Self {
        let mut tokens = toks.tokens;
        if toks.error.is_some() || tokens.last().map(|t| t.kind) != Some(TokenKind::EndMarker) {
            let at = tokens.last().map(|t| (t.end, t.text_end)).unwrap_or((Pos { line: 1, col: 0 }, 0));
            tokens.push(Token { kind: TokenKind::Error, start: at.0, end: at.0, text_start: at.1, text_end: at.1 });
        }
        Parser {
            source,
            tokens,
            tok_error: toks.error,
            pos: 0,
            fill: 0,
            call_invalid_rules: false,
            level: 0,
            mode,
            in_fstring: false,
        }
    }

    // ----- the token cursor -------------------------------------------------

    #[inline]
    pub(crate) fn mark(&self) -> Mark {
        self.pos
    }

    #[inline]
    pub(crate) fn reset(&mut self, m: Mark) {
        self.pos = m;
    }

    /// The next token, without consuming it.
    #[inline]
    pub(crate) fn peek(&mut self) -> Token {
        self.peek_at(self.pos)
    }

    #[inline]
    pub(crate) fn peek_at(&mut self, i: usize) -> Token {
        let i = i.min(self.tokens.len() - 1);
        if i + 1 > self.fill {
            self.fill = i + 1;
        }
        self.tokens[i]
    }

    #[inline]
    pub(crate) fn peek_kind(&mut self) -> TokenKind {
        self.peek().kind
    }

    /// Consume and return the next token.
    #[inline]
    pub(crate) fn bump(&mut self) -> Token {
        let t = self.peek();
        if t.kind != TokenKind::Error {
            self.pos += 1;
        }
        t
    }

    /// Consume the next token if it is of `kind`.
    #[inline]
    pub(crate) fn expect(&mut self, kind: TokenKind) -> Option<Token> {
        if self.peek_kind() == kind {
            Some(self.bump())
        } else {
            None
        }
    }

    #[inline]
    pub(crate) fn expect_keyword(&mut self, kw: Keyword) -> Option<Token> {
        self.expect(TokenKind::Keyword(kw))
    }

    /// Consume the next token if it is the NAME `word` (soft keywords: match, case, _).
    pub(crate) fn expect_soft_keyword(&mut self, word: &str) -> Option<Token> {
        let t = self.peek();
        if t.kind == TokenKind::Name && t.text(self.source) == word {
            Some(self.bump())
        } else {
            None
        }
    }

    pub(crate) fn text(&self, t: &Token) -> &'src str {
        t.text(self.source)
    }

    // ----- locations ----------------------------------------------------------

    /// Start of the next token: where a node beginning here starts.
    pub(crate) fn start_pos(&mut self) -> Pos {
        self.peek().start
    }

    /// End of the last token consumed that is not NEWLINE/INDENT/DEDENT
    /// (CPython's `_PyPegen_get_last_nonnwhitespace_token`).
    pub(crate) fn last_end(&self) -> Pos {
        let mut i = self.pos;
        while i > 0 {
            i -= 1;
            let t = &self.tokens[i];
            if !matches!(t.kind, TokenKind::Newline | TokenKind::Indent | TokenKind::Dedent | TokenKind::EndMarker) {
                return t.end;
            }
        }
        self.tokens.first().map(|t| t.start).unwrap_or_default()
    }

    pub(crate) fn loc_from(&self, start: Pos) -> Loc {
        let end = self.last_end();
        Loc { lineno: start.line, col_offset: start.col, end_lineno: end.line, end_col_offset: end.col }
    }

    // ----- errors -----------------------------------------------------------

    /// Raise `kind: msg` spanning `start..end` (file positions, byte columns).
    /// `end == None` leaves the end unset, as CPython does for some errors.
    pub(crate) fn error_at(&self, kind: SyntaxErrorKind, msg: impl Into<String>, start: Pos, end: Option<Pos>) -> SyntaxError {
        errors::make_error(self, kind, msg.into(), start, end)
    }

    /// RAISE_SYNTAX_ERROR_KNOWN_LOCATION(node): the error spans `loc`.
    pub(crate) fn error_at_loc(&self, msg: impl Into<String>, loc: Loc) -> SyntaxError {
        self.error_at(
            SyntaxErrorKind::SyntaxError,
            msg,
            Pos { line: loc.lineno, col: loc.col_offset },
            Some(Pos { line: loc.end_lineno, col: loc.end_col_offset }),
        )
    }

    /// RAISE_SYNTAX_ERROR_KNOWN_RANGE(a, b): from the start of `a` to the end of `b`.
    pub(crate) fn error_range(&self, msg: impl Into<String>, a: Loc, b: Loc) -> SyntaxError {
        self.error_at(
            SyntaxErrorKind::SyntaxError,
            msg,
            Pos { line: a.lineno, col: a.col_offset },
            Some(Pos { line: b.end_lineno, col: b.end_col_offset }),
        )
    }

    /// RAISE_SYNTAX_ERROR(msg): at the last token fetched (`fill - 1`).
    pub(crate) fn error_at_last_token(&self, kind: SyntaxErrorKind, msg: impl Into<String>) -> SyntaxError {
        let t = self.tokens[self.fill.max(1) - 1];
        self.error_at(kind, msg, t.start, Some(t.end))
    }

    /// Enter a rule that may nest: bounds the depth and grows the native
    /// stack when needed, so deeply nested input cannot overflow it.
    #[inline]
    pub(crate) fn nested<T>(&mut self, f: impl FnOnce(&mut Self) -> PResult<T>) -> PResult<T> {
        self.level += 1;
        if self.level > MAX_LEVEL {
            self.level -= 1;
            return Err(errors::too_deep(self));
        }
        let r = stacker::maybe_grow(64 * 1024, 2 * 1024 * 1024, || f(self));
        self.level -= 1;
        r
    }
}

/// CPython 3.11's MAXSTACK: the deepest rule nesting the parser allows.
pub(crate) const MAX_LEVEL: u32 = 6000;

/// Parse a whole source text with the start rule for `mode`.
pub fn parse(source: &str, mode: Mode) -> Result<Mod, SyntaxError> {
    errors::run_parser(Parser::new(source, mode))
}

/// Parse the expression of an f-string replacement field (`text`, which
/// starts at file position `start`): CPython's `fstring` start rule.
pub fn parse_fstring_expr(text: &str, start: Pos) -> Result<crate::ast::Expr, SyntaxError> {
    let _ = (text, start);
    Err(SyntaxError::new(SyntaxErrorKind::SyntaxError, "f-string expressions are not implemented yet"))
}

impl<'src> Parser<'src> {
    /// The start rule for the parser's mode (`file`, `eval`, `interactive`).
    pub(crate) fn start_rule(&mut self) -> PResult<Option<Mod>> {
        Ok(None)
    }
}
