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

mod args;
mod errors;
mod expr;
mod invalid;
mod pattern;
mod stmt;
mod targets;
#[cfg(test)]
mod tests;

use rustc_hash::FxHashMap;

use crate::ast::{Expr, ExprContext, ExprKind, Keyword as KeywordNode, Loc, Mod, Pattern, Stmt};
use crate::error::{SyntaxError, SyntaxErrorKind};
use crate::token::{Keyword, Pos, Token, TokenKind};
use crate::Mode;

pub(crate) type PResult<T> = Result<T, SyntaxError>;

pub(crate) struct Parser<'src> {
    pub(crate) source: &'src str,
    pub(crate) tokens: Vec<Token>,
    /// The tokenizer's error, raised when the parser reaches the `Error` token.
    pub(crate) tok_error: Option<SyntaxError>,
    /// Whether the tokenizer raises `tok_error` itself rather than the parser
    /// for it (see [`crate::tokenizer::Tokens::error_is_raised`]).
    pub(crate) tok_error_is_raised: bool,
    /// "'(' was never closed" for the innermost bracket open at a status
    /// error (see [`crate::tokenizer::Tokens::unclosed_bracket`]).
    pub(crate) unclosed_bracket: Option<SyntaxError>,
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
    /// The tokenizer's SyntaxWarnings, each at the token it is about.
    warnings: Vec<(usize, SyntaxError)>,
    /// Report error columns in UTF-8 bytes instead of characters, as
    /// CPython 3.11 does for bytes input that declares no encoding.
    pub(crate) byte_offsets: bool,
    /// The source is a file's content: errors CPython's parser raises for
    /// the tokenizer show the file's line, not the tokenizer's buffer.
    pub(crate) file_input: bool,
    /// Packrat memo: results of the memoized rules by (token index, rule).
    /// Backtracking re-enters the same rule at the same position (e.g. `(`
    /// tries tuple, then group, then genexp); the memo keeps parsing linear.
    pub(crate) memo: FxHashMap<(usize, MemoRule), MemoEntry>,
    /// The fast first pass: memo results are kept only once a rule is
    /// reached again at the same position, and statements skip the
    /// alternatives their tokens rule out. Only a pass that succeeds keeps
    /// its result; on failure the pass is run again exactly as CPython's.
    pub(crate) fast: bool,
    /// The deepest `level` reached since the innermost memoized rule began.
    pub(crate) peak: u32,
    /// Bracket nesting level after each token (CPython's `token->level`).
    pub(crate) levels: Vec<u32>,
}

/// The rules whose results are memoized.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub(crate) enum MemoRule {
    Expression,
    Disjunction,
    BitwiseOr,
    StarExpression,
    TPrimary,
    StarTarget,
    DelTarget,
    Arguments,
    Strings,
    Block,
    ClosedPattern,
    InvalidNamedExpression,
}

/// A memo entry.
pub(crate) enum MemoEntry {
    /// The result, the position after it, and a bound on the depth of its tree.
    Stored(Memo, usize, u32),
    /// In the fast pass, a match handed to its caller without a copy: the
    /// rule runs again if reached again (it is deterministic), and that
    /// second result is stored. Most matches are never asked for twice, so
    /// this spares copying them; no rule runs more than twice per position.
    Handed,
}

#[derive(Clone, Debug)]
pub(crate) enum Memo {
    Expr(Option<Expr>),
    Call(Option<(Vec<Expr>, Vec<KeywordNode>)>),
    Stmts(Option<Vec<Stmt>>),
    Pattern(Option<Pattern>),
    Unit,
}

impl Memo {
    /// Whether the rule matched (a failure costs nothing to copy).
    fn is_match(&self) -> bool {
        match self {
            Memo::Expr(e) => e.is_some(),
            Memo::Call(c) => c.is_some(),
            Memo::Stmts(s) => s.is_some(),
            Memo::Pattern(p) => p.is_some(),
            Memo::Unit => false,
        }
    }
}

/// A saved position to backtrack to.
pub(crate) type Mark = usize;

impl<'src> Parser<'src> {
    pub(crate) fn new(source: &'src str, mode: Mode) -> Self {
        let toks = crate::tokenizer::tokenize(source);
        Parser::from_tokens(source, toks, mode)
    }

    fn new_with_columns(source: &'src str, mode: Mode, columns: crate::tokenizer::ErrorColumns) -> Self {
        let toks = crate::tokenizer::tokenize_with(source, columns);
        Parser::from_tokens(source, toks, mode)
    }

    pub(crate) fn from_tokens(source: &'src str, toks: crate::tokenizer::Tokens, mode: Mode) -> Self {
        let mut tokens = toks.tokens;
        // A warning belongs to the first token that starts at or after it.
        let warnings = toks
            .warnings
            .into_iter()
            .map(|w| {
                let at = tokens.partition_point(|t| (t.start.line, t.start.col + 1) < (w.lineno, w.offset));
                (at, w)
            })
            .collect();
        if toks.error.is_some() || tokens.last().map(|t| t.kind) != Some(TokenKind::EndMarker) {
            let at = tokens.last().map(|t| (t.end, t.text_end)).unwrap_or((Pos { line: 1, col: 0 }, 0));
            tokens.push(Token { kind: TokenKind::Error, start: at.0, end: at.0, text_start: at.1, text_end: at.1 });
        }
        let mut level = 0u32;
        let levels = tokens
            .iter()
            .map(|t| {
                match t.kind {
                    TokenKind::LPar | TokenKind::LSqb | TokenKind::LBrace => level += 1,
                    TokenKind::RPar | TokenKind::RSqb | TokenKind::RBrace => level = level.saturating_sub(1),
                    _ => {}
                }
                level
            })
            .collect();
        Parser {
            source,
            tokens,
            levels,
            tok_error: toks.error,
            tok_error_is_raised: toks.error_is_raised,
            unclosed_bracket: toks.unclosed_bracket,
            pos: 0,
            fill: 0,
            call_invalid_rules: false,
            level: 0,
            mode,
            in_fstring: false,
            warnings,
            byte_offsets: false,
            file_input: false,
            memo: FxHashMap::default(),
            fast: false,
            peak: 0,
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
        self.raise(kind, msg)
    }

    /// Enter a rule that may nest: bounds the depth and grows the native
    /// stack when needed, so deeply nested input cannot overflow it.
    #[inline]
    pub(crate) fn nested<T>(&mut self, f: impl FnOnce(&mut Self) -> PResult<T>) -> PResult<T> {
        self.level += 1;
        self.peak = self.peak.max(self.level);
        if self.level > MAX_LEVEL {
            self.level -= 1;
            return Err(errors::too_deep(self));
        }
        let r = stacker::maybe_grow(RED_ZONE, STACK_SEGMENT, || f(self));
        self.level -= 1;
        r
    }
}

/// Stack that must remain when entering a nested rule (else a new segment
/// is allocated): room for the deepest run of rules between two `nested`
/// calls, unoptimized builds and second-pass invalid rules included.
const RED_ZONE: usize = 256 * 1024;
/// Size of each stack segment added when parsing deeply nested input.
const STACK_SEGMENT: usize = 4 * 1024 * 1024;

/// Clone a memoized result of the given depth bound. Cloning recurses: a
/// deep tree (a long `a+b+...` chain) is cloned on a stack of its own.
fn clone_memo(m: &Memo, depth: u32) -> Memo {
    let needed = depth as usize * STACK_PER_LEVEL + 64 * 1024;
    stacker::maybe_grow(needed, needed + STACK_SEGMENT, || m.clone())
}

/// Drop a tree that may be deep on a stack of its own (dropping recurses).
pub(crate) fn drop_deep<T: Send>(tree: T) {
    stacker::grow(DEEP_TREE_STACK, move || drop(tree));
}

/// Stack used per tree level when cloning or dropping (a generous bound:
/// unoptimized builds need a few kilobytes).
const STACK_PER_LEVEL: usize = 8 * 1024;
/// Room for dropping a tree of `MAX_LEVEL` depth.
const DEEP_TREE_STACK: usize = MAX_LEVEL as usize * STACK_PER_LEVEL;

/// The deepest nesting the parser allows: rules entered through `nested`
/// plus links of left-recursive chains. CPython 3.11's parser allows 6000
/// rule levels (MAXSTACK), but turning a tree deeper than about 3000 nodes
/// into Python objects fails (RecursionError), so no deeper tree is of use.
/// Every tree built stays within this depth, which is what keeps dropping,
/// cloning and dumping it (all recursive) safe on a small native stack.
pub(crate) const MAX_LEVEL: u32 = 3000;

/// Parse a whole source text with the start rule for `mode`.
pub fn parse(source: &str, mode: Mode) -> Result<Mod, SyntaxError> {
    errors::run_parser(&mut Parser::new(source, mode))
}

/// Parse source decoded from `raw` bytes: error columns are bytes unless
/// the bytes declare their encoding, as in CPython 3.11.
pub fn parse_decoded(source: &str, raw: &[u8], mode: Mode) -> Result<Mod, SyntaxError> {
    parse_decoded_with_warnings(source, raw, mode).0
}

/// `parse_decoded`, also returning the SyntaxWarnings CPython would emit:
/// those of the tokens the parser fetched, in source order.
pub fn parse_decoded_with_warnings(source: &str, raw: &[u8], mode: Mode) -> (Result<Mod, SyntaxError>, Vec<SyntaxError>) {
    let byte_offsets = !crate::encoding::declares_encoding(raw);
    let columns = if byte_offsets { crate::tokenizer::ErrorColumns::Bytes } else { crate::tokenizer::ErrorColumns::Chars };
    let mut p = Parser::new_with_columns(source, mode, columns);
    p.byte_offsets = byte_offsets;
    p.file_input = true;
    let result = errors::run_parser(&mut p);
    let fetched = p.fill;
    let warnings = p.warnings.into_iter().filter(|(at, _)| *at < fetched).map(|(_, w)| w).collect();
    (result, warnings)
}

/// Parse the expression of an f-string replacement field: `text` is the
/// field's expression as CPython 3.11 parses it (wrapped in parentheses by
/// the caller), starting at file position `start`. Token positions are
/// shifted there: lines by `start.line - 1`, columns of the first line by
/// `start.col`.
pub fn parse_fstring_expr(text: &str, start: Pos) -> Result<Expr, SyntaxError> {
    let mut toks = crate::tokenizer::tokenize(text);
    let line_shift = start.line.max(1) - 1;
    let shift = |p: &mut Pos| {
        if p.line == 1 {
            p.col += start.col;
        }
        p.line += line_shift;
    };
    for t in &mut toks.tokens {
        shift(&mut t.start);
        shift(&mut t.end);
    }
    if let Some(e) = toks.error.as_mut() {
        if e.lineno == 1 && e.offset > 0 {
            e.offset += start.col;
        }
        e.lineno += line_shift;
        if e.end_lineno > 0 {
            e.end_lineno += line_shift;
        }
    }
    let mut p = Parser::from_tokens(text, toks, Mode::Expression);
    p.in_fstring = true;
    match errors::run_parser(&mut p)? {
        Mod::Expression { body } => Ok(*body),
        _ => Err(SyntaxError::new(SyntaxErrorKind::SyntaxError, "f-string: invalid syntax")),
    }
}

impl<'src> Parser<'src> {
    /// The start rule for the parser's mode (`file`, `eval`, `interactive`,
    /// or `fstring` when parsing a replacement field).
    pub(crate) fn start_rule(&mut self) -> PResult<Option<Mod>> {
        // Each pass starts afresh: results differ once invalid rules are on.
        self.memo.clear();
        if self.in_fstring {
            return self.fstring_rule();
        }
        match self.mode {
            Mode::Module => self.file_rule(),
            Mode::Expression => self.eval_rule(),
            Mode::Interactive => self.interactive_rule(),
        }
    }

    // ----- helpers shared by the rule files -----------------------------------

    #[inline]
    pub(crate) fn at(&mut self, kind: TokenKind) -> bool {
        self.peek_kind() == kind
    }

    #[inline]
    pub(crate) fn at_kw(&mut self, kw: Keyword) -> bool {
        self.peek_kind() == TokenKind::Keyword(kw)
    }

    /// Lookahead on the token after the next one.
    #[inline]
    pub(crate) fn peek_kind2(&mut self) -> TokenKind {
        self.peek_at(self.pos + 1).kind
    }

    pub(crate) fn tok_loc(t: &Token) -> Loc {
        Loc { lineno: t.start.line, col_offset: t.start.col, end_lineno: t.end.line, end_col_offset: t.end.col }
    }

    /// An identifier as the AST holds it: NFKC-normalized (PEP 3131).
    pub(crate) fn ident(&self, t: &Token) -> String {
        crate::tokenizer::normalize_identifier(self.text(t)).into_owned()
    }

    /// NAME: the token and its normalized identifier.
    pub(crate) fn name_tok(&mut self) -> Option<(Token, String)> {
        let t = self.expect(TokenKind::Name)?;
        let id = self.ident(&t);
        Some((t, id))
    }

    /// NAME as a `Name` expression with context `Load`.
    pub(crate) fn name_expr(&mut self) -> Option<Expr> {
        let (t, id) = self.name_tok()?;
        Some(Expr { kind: ExprKind::Name { id, ctx: ExprContext::Load }, loc: Self::tok_loc(&t) })
    }

    /// Run a memoized rule: a second call at the same position returns the
    /// stored result and end position instead of parsing again.
    pub(crate) fn memoized(
        &mut self,
        rule: MemoRule,
        f: impl FnOnce(&mut Self) -> PResult<Memo>,
    ) -> PResult<Memo> {
        let start = self.pos;
        let handed = match self.memo.get(&(start, rule)) {
            Some(MemoEntry::Stored(m, end, depth)) => {
                let (end, depth) = (*end, *depth);
                let m = clone_memo(m, depth);
                self.pos = end;
                return Ok(m);
            }
            Some(MemoEntry::Handed) => true,
            None => false,
        };
        // The deepest level reached while parsing bounds the depth of the
        // tree built.
        let outer_peak = self.peak;
        self.peak = self.level;
        let r = f(self);
        let depth = self.peak - self.level;
        self.peak = self.peak.max(outer_peak);
        let m = r?;
        let entry = if self.fast && !handed && m.is_match() {
            MemoEntry::Handed
        } else {
            MemoEntry::Stored(clone_memo(&m, depth), self.pos, depth)
        };
        self.memo.insert((start, rule), entry);
        Ok(m)
    }

    pub(crate) fn memo_expr(
        &mut self,
        rule: MemoRule,
        f: impl FnOnce(&mut Self) -> PResult<Option<Expr>>,
    ) -> PResult<Option<Expr>> {
        // Memo entries cost a clone of the tree. In the first pass these rules
        // are only reached again at the same position through `expression`,
        // itself memoized; the invalid rules of the second pass call them
        // directly.
        if !self.call_invalid_rules && matches!(rule, MemoRule::Disjunction | MemoRule::BitwiseOr | MemoRule::StarExpression) {
            return f(self);
        }
        match self.memoized(rule, |p| f(p).map(Memo::Expr))? {
            Memo::Expr(e) => Ok(e),
            _ => Ok(None),
        }
    }

    /// Forget the memo of the text before a new statement: backtracking
    /// never reaches back into an earlier statement (an enclosing block is
    /// memoized as a whole), so the memo stays small. Entries further on
    /// stay: the second pass reuses those of the statement that failed.
    pub(crate) fn forget_memo(&mut self) {
        if self.memo.is_empty() {
            return;
        }
        let here = self.pos;
        self.memo.retain(|&(pos, _), _| pos >= here);
        if self.memo.capacity() > 4 * self.memo.len() + 1024 {
            self.memo.shrink_to_fit();
        }
    }

    /// One more link of a left-recursive chain (`a+b+c`, `a.b.c`, `f()()`):
    /// it nests the tree one level deeper, so it counts against the depth
    /// bound like a nested rule (dropping or cloning the tree recurses).
    /// The caller gives the levels back with `end_chain` when done.
    pub(crate) fn chain_link(&mut self, links: &mut u32) -> PResult<()> {
        self.level += 1;
        *links += 1;
        self.peak = self.peak.max(self.level);
        if self.level > MAX_LEVEL {
            return Err(errors::chain_too_deep(self));
        }
        Ok(())
    }

    pub(crate) fn end_chain(&mut self, links: u32) {
        self.level -= links;
    }
}
