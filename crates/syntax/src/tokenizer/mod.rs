//! The tokenizer: decoded source text to CPython 3.11's token stream, as its
//! parser sees it (Parser/tokenizer.c): no COMMENT or NL tokens, keywords
//! classified, f-strings as single STRING tokens.
//!
//! The input is expected with newlines already translated to `\n` (see
//! [`crate::encoding::translate_newlines`]); like CPython's file input, a
//! missing final newline is implied.
//!
//! Token positions are those of CPython's tokens, with one convention for the
//! tokens CPython gives no column (-1): INDENT, DEDENT and ENDMARKER. For them
//! `start == end == (line, col)` where `col` is the tokenizer's read position
//! in that line when it produced the token (`tok->cur - tok->line_start`), which is
//! what CPython's `_PyPegen_raise_error` uses as the (0-based, byte) column of
//! an error reported at such a token; their end column is unknown (-1). At the
//! end of the input, `line` is the last line and `col` that line's length with
//! its newline. A NEWLINE token spans nothing: it starts and ends where its
//! `\n` is, or where the comment before it starts (`x = 1  # c` gives a
//! NEWLINE starting at `#`), as CPython's does.
//!
//! Errors carry CPython's message, kind and location, computed the way
//! `python3` reports them for `ast.parse(source)`: errors the tokenizer raises
//! itself (`syntaxerror()` in tokenizer.c) have a text without newline, errors
//! the parser raises for it (`_Pypegen_tokenizer_error`) have one. An end
//! offset of -1 (CPython's "unknown") is stored as 0.


use std::borrow::Cow;

use crate::error::{SyntaxError, SyntaxErrorKind};
use crate::token::{Keyword, Pos, Token, TokenKind};

/// The result of tokenizing a whole source text. CPython tokenizes lazily, so
/// a tokenizer error is only raised when the parser reaches it (or when the
/// parser fails with a generic "invalid syntax", in which case the rest of
/// the file is checked for tokenizer errors first). We tokenize eagerly and
/// keep the tokens before the first error plus the error itself.
pub struct Tokens {
    /// Tokens up to (not including) the point of the error, or the whole
    /// stream ending in NEWLINE/DEDENTs/ENDMARKER.
    pub tokens: Vec<Token>,
    pub error: Option<SyntaxError>,
    /// Whether `error` is raised by the tokenizer itself (CPython's
    /// `syntaxerror()`: bad numbers, strings, characters, brackets), as
    /// opposed to a status the parser turns into an error when it reaches
    /// the failing token (E_EOF, E_DEDENT, E_TABSPACE, E_TOODEEP,
    /// E_LINECONT). When the parser has failed first with its generic
    /// "invalid syntax" and checks the rest of the source for tokenizer
    /// errors (`_PyPegen_tokenize_full_source_to_check_for_errors`), only a
    /// raised error replaces its own, or else `unclosed_bracket`.
    pub error_is_raised: bool,
    /// With a status error (see `error_is_raised`) while brackets are open:
    /// "'(' was never closed" for the innermost one. The full-source check
    /// reports it instead of the generic error when that bracket was opened
    /// on a line before the generic error's line.
    pub unclosed_bracket: Option<SyntaxError>,
    /// SyntaxWarnings CPython emits while tokenizing: a number running into
    /// a keyword (`1if x else y`: "invalid decimal literal"). Each is given
    /// as the SyntaxError it becomes when warnings are errors; the warning
    /// itself has the same message and line.
    pub warnings: Vec<SyntaxError>,
}

/// CPython's TABSIZE: tab stops for indentation.
const TABSIZE: u32 = 8;
/// CPython's MAXINDENT: at most 99 nested indentation levels.
const MAXINDENT: usize = 100;
/// CPython's MAXLEVEL: at most 200 open brackets.
const MAXLEVEL: usize = 200;
/// What the byte readers return past the end. Null bytes are rejected
/// before tokenizing, so 0 never stands for a real character.
const EOF: u8 = 0;

/// How CPython's parser counts the columns of the errors it reports: in
/// characters when it knows the source's encoding (source given as a str, or
/// bytes with a coding cookie or a BOM), in UTF-8 bytes otherwise (bytes
/// without declaration, the common case for files). Errors the tokenizer
/// raises itself always count characters.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum ErrorColumns {
    Chars,
    Bytes,
}

/// Tokenize `source` (already decoded to UTF-8, newlines translated), as
/// CPython does a str.
pub fn tokenize(source: &str) -> Tokens {
    tokenize_with(source, ErrorColumns::Chars)
}

/// Tokenize `source`, counting the columns of parser-raised errors as given
/// (see [`crate::encoding::declares_encoding`] for bytes sources).
pub fn tokenize_with(source: &str, columns: ErrorColumns) -> Tokens {
    if source.as_bytes().contains(&0) {
        // compile()'s check, made before the tokenizer ever runs.
        let mut err = SyntaxError::new(SyntaxErrorKind::SyntaxError, "source code string cannot contain null bytes");
        // compile() raises it without any location.
        err.located = false;
        return Tokens {
            tokens: Vec::new(),
            error: Some(err),
            error_is_raised: true,
            unclosed_bracket: None,
            warnings: Vec::new(),
        };
    }
    let mut t = Tokenizer::new(source, columns);
    let error = t.run().err();
    let is_status = error.is_some() && t.status_error.get();
    let unclosed_bracket = if is_status && !t.parens.is_empty() { Some(t.unclosed_paren_error()) } else { None };
    Tokens { tokens: t.tokens, error, error_is_raised: !is_status, unclosed_bracket, warnings: t.warnings }
}

/// An identifier as the parser stores it: NFKC-normalized (PEP 3131). ASCII
/// names, nearly all of them, are returned as they are.
pub fn normalize_identifier(name: &str) -> Cow<'_, str> {
    if name.is_ascii() {
        return Cow::Borrowed(name);
    }
    use unicode_normalization::UnicodeNormalization;
    if unicode_normalization::is_nfkc_quick(name.chars()) == unicode_normalization::IsNormalized::Yes {
        return Cow::Borrowed(name);
    }
    Cow::Owned(name.nfkc().collect())
}

/// Whether `c` is printable in Python's sense (`str.isprintable`).
pub(crate) fn is_printable(c: char) -> bool {
    crate::repr::is_printable(c as u32)
}

#[inline]
fn is_potential_identifier_start(c: u8) -> bool {
    c.is_ascii_alphabetic() || c == b'_' || c >= 0x80
}

#[inline]
fn is_potential_identifier_char(c: u8) -> bool {
    c.is_ascii_alphanumeric() || c == b'_' || c >= 0x80
}

struct Tokenizer<'a> {
    src: &'a str,
    /// The source bytes, ending in a newline (one is added if missing).
    buf: Cow<'a, [u8]>,
    /// The read position (CPython's `tok->cur`).
    pos: usize,
    /// The current line (CPython's `tok->lineno`): the line of the last byte
    /// read, so it stays on the last line at the end of the input.
    line: u32,
    /// Offset where the current line starts.
    line_start: usize,
    /// Offset where CPython's line buffer starts (`tok->buf`): the current
    /// line, or an earlier one when the current line was read in the middle
    /// of a token (a multi-line string, a backslash continuation). Errors
    /// the parser raises for the tokenizer show the text from there.
    buf_start: usize,
    /// Indentation stack: (column with tabs to multiples of 8, column with
    /// tabs counted as 1), CPython's `indstack` and `altindstack`.
    indents: Vec<(u32, u32)>,
    /// Open brackets: the character, its line and byte column.
    parens: Vec<(u8, u32, usize)>,
    tokens: Vec<Token>,
    columns: ErrorColumns,
    /// Set when an error of the status kind is made (see
    /// [`Tokens::error_is_raised`]).
    status_error: std::cell::Cell<bool>,
    warnings: Vec<SyntaxError>,
}

impl<'a> Tokenizer<'a> {
    fn new(src: &'a str, columns: ErrorColumns) -> Self {
        let bytes = src.as_bytes();
        let buf = if bytes.last() == Some(&b'\n') {
            Cow::Borrowed(bytes)
        } else {
            let mut v = Vec::with_capacity(bytes.len() + 1);
            v.extend_from_slice(bytes);
            v.push(b'\n');
            Cow::Owned(v)
        };
        Tokenizer {
            src,
            buf,
            pos: 0,
            line: 1,
            line_start: 0,
            buf_start: 0,
            indents: vec![(0, 0)],
            parens: Vec::new(),
            tokens: Vec::with_capacity(src.len() / 4 + 8),
            columns,
            status_error: std::cell::Cell::new(false),
            warnings: Vec::new(),
        }
    }

    // ----- reading ----------------------------------------------------------

    #[inline]
    fn peek(&self) -> u8 {
        self.buf.get(self.pos).copied().unwrap_or(EOF)
    }

    #[inline]
    fn peek_at(&self, i: usize) -> u8 {
        self.buf.get(i).copied().unwrap_or(EOF)
    }

    /// Read one byte (`tok_nextc`); at the end, EOF without moving.
    #[inline]
    fn nextc(&mut self) -> u8 {
        match self.buf.get(self.pos) {
            Some(&c) => {
                self.pos += 1;
                c
            }
            None => EOF,
        }
    }

    /// Unread `c` (`tok_backup`): EOF was not read, so it is not unread.
    #[inline]
    fn backup(&mut self, c: u8) {
        if c != EOF {
            self.pos -= 1;
        }
    }

    /// A `\n` ending at `self.pos` was just read: move to the next line, if
    /// there is one. `in_token` says whether a token is being read (CPython's
    /// `tok->start != NULL`), which keeps the line buffer's start.
    #[inline]
    fn newline_read(&mut self, in_token: bool) {
        if self.pos < self.buf.len() {
            self.line += 1;
            self.line_start = self.pos;
            if !in_token {
                self.buf_start = self.pos;
            }
        }
    }

    #[inline]
    fn pos_of(&self, offset: usize) -> Pos {
        Pos { line: self.line, col: (offset - self.line_start) as u32 }
    }

    /// Push a token lying on the current line.
    #[inline]
    fn push(&mut self, kind: TokenKind, start: usize, end: usize) {
        let limit = self.src.len();
        self.tokens.push(Token {
            kind,
            start: self.pos_of(start),
            end: self.pos_of(end),
            text_start: start.min(limit) as u32,
            text_end: end.min(limit) as u32,
        });
    }

    /// Push a token without text or column of its own (INDENT, DEDENT,
    /// ENDMARKER): see the module documentation.
    fn push_marker(&mut self, kind: TokenKind) {
        let at = self.pos.min(self.src.len());
        let pos = self.pos_of(self.pos);
        self.tokens.push(Token { kind, start: pos, end: pos, text_start: at as u32, text_end: at as u32 });
    }

    // ----- the main loop (tok_get) -------------------------------------------

    fn run(&mut self) -> Result<(), SyntaxError> {
        let mut atbol = true;
        loop {
            // CPython resets `blankline` for each token; only a blank line's
            // own newline can see it set.
            let mut blankline = false;
            if atbol {
                atbol = false;
                blankline = self.indentation()?;
            }
            loop {
                // Skip spaces.
                while matches!(self.peek(), b' ' | b'\t' | b'\x0c') {
                    self.pos += 1;
                }
                let start = self.pos;
                let mut c = self.peek();
                if c == b'#' {
                    // The comment is skipped; a NEWLINE after it starts at `#`.
                    let rest = &self.buf[self.pos..];
                    self.pos += rest.iter().position(|&b| b == b'\n').unwrap_or(rest.len());
                    c = self.peek();
                }
                if self.pos >= self.buf.len() {
                    if !self.parens.is_empty() {
                        return Err(self.unclosed_paren_error());
                    }
                    self.push_marker(TokenKind::EndMarker);
                    return Ok(());
                }
                if is_potential_identifier_start(c) {
                    self.name_or_string(start)?;
                } else if c == b'\n' {
                    let nl = self.pos;
                    self.pos += 1;
                    atbol = true;
                    if !blankline && self.parens.is_empty() {
                        let (s, e) = (self.pos_of(start), self.pos_of(nl));
                        self.tokens.push(Token {
                            kind: TokenKind::Newline,
                            start: s,
                            end: e,
                            text_start: nl as u32,
                            text_end: nl as u32,
                        });
                    }
                    self.newline_read(false);
                } else if c == b'.' {
                    let c1 = self.peek_at(start + 1);
                    if c1.is_ascii_digit() {
                        self.number(start)?;
                    } else if c1 == b'.' && self.peek_at(start + 2) == b'.' {
                        self.pos += 3;
                        self.push(TokenKind::Ellipsis, start, self.pos);
                    } else {
                        self.pos += 1;
                        self.push(TokenKind::Dot, start, self.pos);
                    }
                } else if c.is_ascii_digit() {
                    self.number(start)?;
                } else if c == b'"' || c == b'\'' {
                    self.string(start)?;
                } else if c == b'\\' {
                    self.pos += 1;
                    self.continuation_line(true)?;
                    // Go on reading the next line as part of this one.
                    continue;
                } else {
                    self.operator(start, c)?;
                }
                break;
            }
            if atbol {
                continue;
            }
        }
    }

    /// At the beginning of a line: measure the indentation and produce
    /// INDENT/DEDENT tokens. Returns whether the line is blank (only
    /// whitespace and maybe a comment), which is then ignored.
    fn indentation(&mut self) -> Result<bool, SyntaxError> {
        let (mut col, mut altcol) = (0u32, 0u32);
        // Indentation cannot be split over lines with backslashes: the
        // column of the first backslash, if not 0, is the indentation.
        let mut cont_line_col = 0u32;
        loop {
            match self.peek() {
                b' ' => {
                    col = col.saturating_add(1);
                    altcol = altcol.saturating_add(1);
                }
                b'\t' => {
                    col = (col / TABSIZE).saturating_add(1).saturating_mul(TABSIZE);
                    altcol = altcol.saturating_add(1);
                }
                b'\x0c' => {
                    // Form feed resets the column (for Emacs users).
                    col = 0;
                    altcol = 0;
                }
                b'\\' => {
                    if cont_line_col == 0 {
                        cont_line_col = col;
                    }
                    self.pos += 1;
                    self.continuation_line(false)?;
                    continue;
                }
                _ => break,
            }
            self.pos += 1;
        }
        let c = self.peek();
        if c == b'#' || c == b'\n' {
            return Ok(true);
        }
        if !self.parens.is_empty() {
            return Ok(false);
        }
        if cont_line_col != 0 {
            col = cont_line_col;
            altcol = cont_line_col;
        }
        let (top, alttop) = *self.indents.last().unwrap_or(&(0, 0));
        if col == top {
            if altcol != alttop {
                return Err(self.tab_error());
            }
        } else if col > top {
            if self.indents.len() >= MAXINDENT {
                return Err(self.known_location_error(
                    SyntaxErrorKind::IndentationError,
                    "too many levels of indentation".into(),
                    0,
                ));
            }
            if altcol <= alttop {
                return Err(self.tab_error());
            }
            self.indents.push((col, altcol));
            self.push_marker(TokenKind::Indent);
        } else {
            let mut dedents = 0;
            while self.indents.len() > 1 && col < self.indents[self.indents.len() - 1].0 {
                self.indents.pop();
                dedents += 1;
            }
            let (top, alttop) = *self.indents.last().unwrap_or(&(0, 0));
            if col != top {
                // CPython reports it at the end of the line.
                self.pos = self.line_end();
                return Err(self.error_at_cursor(
                    SyntaxErrorKind::IndentationError,
                    "unindent does not match any outer indentation level".into(),
                ));
            }
            if altcol != alttop {
                return Err(self.tab_error());
            }
            for _ in 0..dedents {
                self.push_marker(TokenKind::Dedent);
            }
        }
        Ok(false)
    }

    /// After a backslash (already read): it must end the line, and the
    /// input must go on (`tok_continuation_line`).
    fn continuation_line(&mut self, in_token: bool) -> Result<(), SyntaxError> {
        let c = self.nextc();
        if c != b'\n' {
            // The column is counted from the start of the line buffer.
            let col = self.pos - self.buf_start - 1;
            return Err(self.known_location_error(
                SyntaxErrorKind::SyntaxError,
                "unexpected character after line continuation character".into(),
                col,
            ));
        }
        if self.pos >= self.buf.len() {
            if !self.parens.is_empty() {
                return Err(self.unclosed_paren_error());
            }
            return Err(self.error_at_cursor(SyntaxErrorKind::SyntaxError, "unexpected EOF while parsing".into()));
        }
        self.newline_read(in_token);
        Ok(())
    }

    fn name_or_string(&mut self, start: usize) -> Result<(), SyntaxError> {
        // The legal combinations of string prefixes: b, r, u, f in any case
        // and order, but u alone and no b with f.
        let (mut saw_b, mut saw_r, mut saw_u, mut saw_f) = (false, false, false, false);
        let mut c = self.peek();
        loop {
            match c {
                b'b' | b'B' if !(saw_b || saw_u || saw_f) => saw_b = true,
                b'u' | b'U' if !(saw_b || saw_u || saw_r || saw_f) => saw_u = true,
                b'r' | b'R' if !(saw_r || saw_u) => saw_r = true,
                b'f' | b'F' if !(saw_f || saw_b || saw_u) => saw_f = true,
                _ => break,
            }
            self.pos += 1;
            c = self.peek();
            if c == b'"' || c == b'\'' {
                return self.string(start);
            }
        }
        let mut nonascii = false;
        while is_potential_identifier_char(c) {
            nonascii |= c >= 0x80;
            self.pos += 1;
            c = self.peek();
        }
        let text = self.src.get(start..self.pos).unwrap_or("");
        if nonascii {
            self.verify_identifier(start, text)?;
        }
        // Keywords are 2 to 8 letters, lowercase or False/None/True.
        let first = text.as_bytes().first().copied().unwrap_or(0);
        let kind =
            if (2..=8).contains(&text.len()) && (first.is_ascii_lowercase() || matches!(first, b'F' | b'N' | b'T')) {
                match Keyword::from_str(text) {
                    Some(k) => TokenKind::Keyword(k),
                    None => TokenKind::Name,
                }
            } else {
                TokenKind::Name
            };
        self.push(kind, start, self.pos);
        Ok(())
    }

    /// PEP 3131: an identifier is an XID_Start (or `_`) followed by
    /// XID_Continue characters, checked on the text as written.
    fn verify_identifier(&mut self, start: usize, text: &str) -> Result<(), SyntaxError> {
        for (i, ch) in text.char_indices() {
            let ok =
                if i == 0 { ch == '_' || unicode_ident::is_xid_start(ch) } else { unicode_ident::is_xid_continue(ch) };
            if !ok {
                self.pos = start + i + ch.len_utf8();
                let msg = if is_printable(ch) {
                    format!("invalid character '{ch}' (U+{:04X})", ch as u32)
                } else {
                    format!("invalid non-printable character U+{:04X}", ch as u32)
                };
                return Err(self.tokenizer_error(msg));
            }
        }
        Ok(())
    }

    // ----- numbers ------------------------------------------------------------

    /// A number starting at `start` (a digit, or `.` and a digit).
    fn number(&mut self, start: usize) -> Result<(), SyntaxError> {
        let mut c = self.nextc();
        if c == b'.' {
            let c = self.nextc();
            return self.fraction(start, c);
        }
        if c == b'0' {
            c = self.nextc();
            match c {
                b'x' | b'X' => {
                    c = self.nextc();
                    loop {
                        if c == b'_' {
                            c = self.nextc();
                        }
                        if !c.is_ascii_hexdigit() {
                            self.backup(c);
                            return Err(self.tokenizer_error("invalid hexadecimal literal".into()));
                        }
                        loop {
                            c = self.nextc();
                            if !c.is_ascii_hexdigit() {
                                break;
                            }
                        }
                        if c != b'_' {
                            break;
                        }
                    }
                    self.verify_end_of_number(c, "hexadecimal")?;
                }
                b'o' | b'O' | b'b' | b'B' => {
                    let (max, kind) = if c == b'o' || c == b'O' { (b'7', "octal") } else { (b'1', "binary") };
                    c = self.nextc();
                    loop {
                        if c == b'_' {
                            c = self.nextc();
                        }
                        if !(b'0'..=max).contains(&c) {
                            if c.is_ascii_digit() {
                                return Err(
                                    self.tokenizer_error(format!("invalid digit '{}' in {kind} literal", c as char))
                                );
                            }
                            self.backup(c);
                            return Err(self.tokenizer_error(format!("invalid {kind} literal")));
                        }
                        loop {
                            c = self.nextc();
                            if !(b'0'..=max).contains(&c) {
                                break;
                            }
                        }
                        if c != b'_' {
                            break;
                        }
                    }
                    if c.is_ascii_digit() {
                        return Err(self.tokenizer_error(format!("invalid digit '{}' in {kind} literal", c as char)));
                    }
                    self.verify_end_of_number(c, kind)?;
                }
                _ => {
                    // A run of zeros: the literal 0, or a float, or an
                    // imaginary; other digits after it are old-style octal.
                    loop {
                        if c == b'_' {
                            c = self.nextc();
                            if !c.is_ascii_digit() {
                                self.backup(c);
                                return Err(self.tokenizer_error("invalid decimal literal".into()));
                            }
                        }
                        if c != b'0' {
                            break;
                        }
                        c = self.nextc();
                    }
                    let zeros_end = self.pos;
                    let nonzero = c.is_ascii_digit();
                    if nonzero {
                        c = self.decimal_tail()?;
                    }
                    match c {
                        b'.' => {
                            let c = self.nextc();
                            return self.fraction(start, c);
                        }
                        b'e' | b'E' => return self.exponent(start, c),
                        b'j' | b'J' => return self.imaginary(start),
                        _ => {}
                    }
                    if nonzero {
                        self.backup(c);
                        // The range is given in bytes, as CPython does.
                        let col = start + 1 - self.line_start;
                        let end_col = zeros_end - self.line_start;
                        return Err(self.tokenizer_error_range(
                            "leading zeros in decimal integer literals are not permitted; \
                             use an 0o prefix for octal integers"
                                .into(),
                            col as u32,
                            end_col as u32,
                        ));
                    }
                    self.verify_end_of_number(c, "decimal")?;
                }
            }
        } else {
            c = self.decimal_tail()?;
            match c {
                b'.' => {
                    let c = self.nextc();
                    return self.fraction(start, c);
                }
                b'e' | b'E' => return self.exponent(start, c),
                b'j' | b'J' => return self.imaginary(start),
                _ => self.verify_end_of_number(c, "decimal")?,
            }
        }
        self.backup(c);
        self.push(TokenKind::Number, start, self.pos);
        Ok(())
    }

    /// After the `.` of a float; `c` is the byte after it (already read).
    fn fraction(&mut self, start: usize, mut c: u8) -> Result<(), SyntaxError> {
        if c.is_ascii_digit() {
            c = self.decimal_tail()?;
        }
        match c {
            b'e' | b'E' => return self.exponent(start, c),
            b'j' | b'J' => return self.imaginary(start),
            _ => self.verify_end_of_number(c, "decimal")?,
        }
        self.backup(c);
        self.push(TokenKind::Number, start, self.pos);
        Ok(())
    }

    /// After an `e` or `E` (`e`, already read).
    fn exponent(&mut self, start: usize, e: u8) -> Result<(), SyntaxError> {
        let mut c = self.nextc();
        if c == b'+' || c == b'-' {
            c = self.nextc();
            if !c.is_ascii_digit() {
                self.backup(c);
                return Err(self.tokenizer_error("invalid decimal literal".into()));
            }
        } else if !c.is_ascii_digit() {
            // Not an exponent: the number ends before the `e`.
            self.backup(c);
            self.verify_end_of_number(e, "decimal")?;
            self.backup(e);
            self.push(TokenKind::Number, start, self.pos);
            return Ok(());
        }
        c = self.decimal_tail()?;
        if c == b'j' || c == b'J' {
            return self.imaginary(start);
        }
        self.verify_end_of_number(c, "decimal")?;
        self.backup(c);
        self.push(TokenKind::Number, start, self.pos);
        Ok(())
    }

    /// After the `j` of an imaginary literal.
    fn imaginary(&mut self, start: usize) -> Result<(), SyntaxError> {
        let c = self.nextc();
        self.verify_end_of_number(c, "imaginary")?;
        self.backup(c);
        self.push(TokenKind::Number, start, self.pos);
        Ok(())
    }

    /// Digits and single underscores between digits, after a first digit
    /// already read; returns the byte after them (read).
    fn decimal_tail(&mut self) -> Result<u8, SyntaxError> {
        loop {
            let mut c;
            loop {
                c = self.nextc();
                if !c.is_ascii_digit() {
                    break;
                }
            }
            if c != b'_' {
                return Ok(c);
            }
            c = self.nextc();
            if !c.is_ascii_digit() {
                self.backup(c);
                return Err(self.tokenizer_error("invalid decimal literal".into()));
            }
        }
    }

    /// A number must not run into a name (`1x`), except into the keywords
    /// that can follow a number in valid code (`1if x else y`: CPython only
    /// warns there). `c`, just read, is the byte after the number.
    fn verify_end_of_number(&mut self, c: u8, kind: &str) -> Result<(), SyntaxError> {
        let keyword_follows = match c {
            b'a' => self.lookahead(b"nd"),
            b'e' => self.lookahead(b"lse"),
            b'f' => self.lookahead(b"or"),
            b'i' => matches!(self.peek(), b'f' | b'n' | b's'),
            b'o' => self.lookahead(b"r"),
            b'n' => self.lookahead(b"ot"),
            _ => false,
        };
        // A non-ASCII character after a number is left to the next token.
        if keyword_follows {
            // Reported at the end of the number.
            self.backup(c);
            self.warnings.push(self.tokenizer_error(format!("invalid {kind} literal")));
            self.pos += 1;
            return Ok(());
        }
        if c < 0x80 && is_potential_identifier_char(c) {
            self.backup(c);
            return Err(self.tokenizer_error(format!("invalid {kind} literal")));
        }
        Ok(())
    }

    /// Whether the input at the read position is `rest` and no identifier
    /// character follows it.
    fn lookahead(&self, rest: &[u8]) -> bool {
        self.buf[self.pos..].starts_with(rest) && !is_potential_identifier_char(self.peek_at(self.pos + rest.len()))
    }

    // ----- strings --------------------------------------------------------------

    /// A string literal whose prefix starts at `start`; the read position is
    /// at the opening quote.
    fn string(&mut self, start: usize) -> Result<(), SyntaxError> {
        let first_line = self.line;
        let first_line_start = self.line_start;
        let quote = self.nextc();
        let mut quote_size = 1;
        let mut end_quote_size = 0;
        let mut c = self.nextc();
        if c == quote {
            c = self.nextc();
            if c == quote {
                quote_size = 3;
            } else {
                end_quote_size = 1; // An empty string.
            }
        }
        if c != quote {
            self.backup(c);
        }
        while end_quote_size != quote_size {
            // Skip the bytes that need no attention in one go.
            let rest = &self.buf[self.pos..];
            let plain = rest.iter().position(|&b| b == quote || b == b'\\' || b == b'\n').unwrap_or(rest.len());
            if plain > 0 {
                self.pos += plain;
                end_quote_size = 0;
            }
            let c = self.nextc();
            if c == EOF || (quote_size == 1 && c == b'\n') {
                let detected_at = self.line;
                self.line = first_line;
                self.line_start = first_line_start;
                self.pos = start + 1;
                let msg = if quote_size == 3 {
                    format!("unterminated triple-quoted string literal (detected at line {detected_at})")
                } else {
                    format!("unterminated string literal (detected at line {detected_at})")
                };
                return Err(self.tokenizer_error(msg));
            }
            if c == quote {
                end_quote_size += 1;
            } else {
                end_quote_size = 0;
                if c == b'\n' {
                    self.newline_read(true);
                } else if c == b'\\' {
                    // The escaped character is skipped, a newline too.
                    if self.nextc() == b'\n' {
                        self.newline_read(true);
                    }
                }
            }
        }
        let limit = self.src.len();
        self.tokens.push(Token {
            kind: TokenKind::String,
            start: Pos { line: first_line, col: (start - first_line_start) as u32 },
            end: self.pos_of(self.pos),
            text_start: start.min(limit) as u32,
            text_end: self.pos.min(limit) as u32,
        });
        Ok(())
    }

    // ----- operators --------------------------------------------------------------

    fn operator(&mut self, start: usize, c: u8) -> Result<(), SyntaxError> {
        use TokenKind::*;
        let c2 = self.peek_at(start + 1);
        let c3 = self.peek_at(start + 2);
        let (kind, len) = match (c, c2, c3) {
            (b'*', b'*', b'=') => (DoubleStarEqual, 3),
            (b'/', b'/', b'=') => (DoubleSlashEqual, 3),
            (b'<', b'<', b'=') => (LeftShiftEqual, 3),
            (b'>', b'>', b'=') => (RightShiftEqual, 3),
            (b'!', b'=', _) => (NotEqual, 2),
            // `<>` is NOTEQUAL too; the parser rejects it unless
            // `barry_as_FLUFL` is on.
            (b'<', b'>', _) => (NotEqual, 2),
            (b'%', b'=', _) => (PercentEqual, 2),
            (b'&', b'=', _) => (AmperEqual, 2),
            (b'*', b'*', _) => (DoubleStar, 2),
            (b'*', b'=', _) => (StarEqual, 2),
            (b'+', b'=', _) => (PlusEqual, 2),
            (b'-', b'=', _) => (MinEqual, 2),
            (b'-', b'>', _) => (RArrow, 2),
            (b'/', b'/', _) => (DoubleSlash, 2),
            (b'/', b'=', _) => (SlashEqual, 2),
            (b':', b'=', _) => (ColonEqual, 2),
            (b'<', b'<', _) => (LeftShift, 2),
            (b'<', b'=', _) => (LessEqual, 2),
            (b'=', b'=', _) => (EqEqual, 2),
            (b'>', b'=', _) => (GreaterEqual, 2),
            (b'>', b'>', _) => (RightShift, 2),
            (b'@', b'=', _) => (AtEqual, 2),
            (b'^', b'=', _) => (CircumflexEqual, 2),
            (b'|', b'=', _) => (VBarEqual, 2),
            (b'(', _, _) => (LPar, 1),
            (b')', _, _) => (RPar, 1),
            (b'[', _, _) => (LSqb, 1),
            (b']', _, _) => (RSqb, 1),
            (b':', _, _) => (Colon, 1),
            (b',', _, _) => (Comma, 1),
            (b';', _, _) => (Semi, 1),
            (b'+', _, _) => (Plus, 1),
            (b'-', _, _) => (Minus, 1),
            (b'*', _, _) => (Star, 1),
            (b'/', _, _) => (Slash, 1),
            (b'|', _, _) => (VBar, 1),
            (b'&', _, _) => (Amper, 1),
            (b'<', _, _) => (Less, 1),
            (b'>', _, _) => (Greater, 1),
            (b'=', _, _) => (Equal, 1),
            (b'%', _, _) => (Percent, 1),
            (b'{', _, _) => (LBrace, 1),
            (b'}', _, _) => (RBrace, 1),
            (b'~', _, _) => (Tilde, 1),
            (b'^', _, _) => (Circumflex, 1),
            (b'@', _, _) => (At, 1),
            (b'!', _, _) => (Exclamation, 1),
            _ => (Unknown, 1),
        };
        self.pos = start + len;
        match c {
            b'(' | b'[' | b'{' => {
                if self.parens.len() >= MAXLEVEL {
                    return Err(self.tokenizer_error("too many nested parentheses".into()));
                }
                self.parens.push((c, self.line, start - self.line_start));
            }
            b')' | b']' | b'}' => {
                let Some((open, open_line, _)) = self.parens.pop() else {
                    return Err(self.tokenizer_error(format!("unmatched '{}'", c as char)));
                };
                let matching = matches!((open, c), (b'(', b')') | (b'[', b']') | (b'{', b'}'));
                if !matching {
                    let msg = if open_line != self.line {
                        format!(
                            "closing parenthesis '{}' does not match opening parenthesis '{}' on line {open_line}",
                            c as char, open as char
                        )
                    } else {
                        format!(
                            "closing parenthesis '{}' does not match opening parenthesis '{}'",
                            c as char, open as char
                        )
                    };
                    return Err(self.tokenizer_error(msg));
                }
            }
            _ if c < 0x80 && !(0x20..0x7f).contains(&c) => {
                return Err(self.tokenizer_error(format!("invalid non-printable character U+{:04X}", c)));
            }
            _ => {}
        }
        self.push(kind, start, self.pos);
        Ok(())
    }

    // ----- errors ----------------------------------------------------------------

    /// End of the current line, after its newline (CPython's `tok->inp`).
    fn line_end(&self) -> usize {
        let rest = &self.buf[self.line_start.min(self.buf.len())..];
        match rest.iter().position(|&b| b == b'\n') {
            Some(i) => self.line_start + i + 1,
            None => self.buf.len(),
        }
    }

    /// Text of `buf[from..to]` (with the implied final newline, if any).
    fn text(&self, from: usize, to: usize) -> String {
        let to = to.min(self.buf.len());
        let from = from.min(to);
        String::from_utf8_lossy(&self.buf[from..to]).into_owned()
    }

    fn new_error(
        &self,
        kind: SyntaxErrorKind,
        msg: String,
        lineno: u32,
        offset: u32,
        end_offset: u32,
        text: String,
    ) -> SyntaxError {
        let mut e = SyntaxError::new(kind, msg);
        e.lineno = lineno;
        e.offset = offset;
        e.end_lineno = lineno;
        e.end_offset = end_offset;
        e.text = Some(text);
        e
    }

    /// The current line without its newline: the text of errors the
    /// tokenizer raises itself.
    fn line_text_without_newline(&self) -> String {
        let end = self.line_end();
        let end = if end > self.line_start && self.peek_at(end - 1) == b'\n' { end - 1 } else { end };
        self.text(self.line_start, end)
    }

    /// CPython's `syntaxerror()`: at the read position, counted in characters.
    fn tokenizer_error(&self, msg: String) -> SyntaxError {
        let offset = char_count(&self.buf[self.line_start..self.pos.max(self.line_start)]);
        self.new_error(SyntaxErrorKind::SyntaxError, msg, self.line, offset, offset, self.line_text_without_newline())
    }

    /// CPython's `syntaxerror_known_range()`: offsets given as they are.
    fn tokenizer_error_range(&self, msg: String, offset: u32, end_offset: u32) -> SyntaxError {
        self.new_error(
            SyntaxErrorKind::SyntaxError,
            msg,
            self.line,
            offset,
            end_offset,
            self.line_text_without_newline(),
        )
    }

    /// The text of errors the parser raises for the tokenizer on the current
    /// line: the line buffer, newline included.
    fn buffer_text(&self) -> String {
        self.text(self.buf_start, self.line_end())
    }

    /// `RAISE_ERROR_KNOWN_LOCATION(p, kind, lineno, col, lineno, -1, msg)`
    /// at the current line, `col` being a byte offset in the line buffer.
    fn known_location_error(&self, kind: SyntaxErrorKind, msg: String, col: usize) -> SyntaxError {
        self.status_error.set(true);
        let text = self.buffer_text();
        let offset = self.parser_offset(&text, col + 1);
        self.new_error(kind, msg, self.line, offset, 0, text)
    }

    /// `_PyPegen_raise_error` at a token without column: at the read
    /// position, with no end.
    fn error_at_cursor(&self, kind: SyntaxErrorKind, msg: String) -> SyntaxError {
        self.status_error.set(true);
        let text = self.buffer_text();
        let col = if self.pos == self.buf_start { 0 } else { self.pos - self.line_start };
        let offset = self.parser_offset(&text, col);
        self.new_error(kind, msg, self.line, offset, 0, text)
    }

    /// A 1-based column of a parser-raised error, from a byte offset in `text`.
    fn parser_offset(&self, text: &str, col: usize) -> u32 {
        match self.columns {
            ErrorColumns::Chars => byte_to_char_offset(text.as_bytes(), col),
            ErrorColumns::Bytes => col as u32,
        }
    }

    fn tab_error(&self) -> SyntaxError {
        self.known_location_error(
            SyntaxErrorKind::TabError,
            "inconsistent use of tabs and spaces in indentation".into(),
            0,
        )
    }

    /// At the end of the input with brackets open: reported at the
    /// innermost open bracket.
    fn unclosed_paren_error(&self) -> SyntaxError {
        self.status_error.set(true);
        let (open, line, col) = *self.parens.last().unwrap_or(&(b'(', 1, 0));
        // The parser takes the text from its line buffer when the bracket
        // is on the current line, else the bracket's line from the source.
        let text = if line >= self.line {
            self.buffer_text()
        } else {
            let mut start = 0;
            for _ in 1..line {
                match self.buf[start..].iter().position(|&b| b == b'\n') {
                    Some(i) => start += i + 1,
                    None => break,
                }
            }
            let end = self.buf[start..].iter().position(|&b| b == b'\n').map_or(self.buf.len(), |i| start + i);
            self.text(start, end)
        };
        let offset = self.parser_offset(&text, col + 1);
        self.new_error(
            SyntaxErrorKind::SyntaxError,
            format!("'{}' was never closed", open as char),
            line,
            offset,
            0,
            text,
        )
    }
}

/// Number of characters in `bytes` (decoded with replacement).
fn char_count(bytes: &[u8]) -> u32 {
    match std::str::from_utf8(bytes) {
        Ok(s) => s.chars().count() as u32,
        Err(_) => String::from_utf8_lossy(bytes).chars().count() as u32,
    }
}

/// CPython's `_PyPegen_byte_offset_to_character_offset`: the number of
/// characters in the first `col` bytes of `text` (one more when `col` goes
/// past its end, where C reads the terminating NUL).
fn byte_to_char_offset(text: &[u8], col: usize) -> u32 {
    let col = col.min(text.len() + 1);
    if col > text.len() {
        char_count(text) + 1
    } else {
        char_count(&text[..col])
    }
}

#[cfg(test)]
mod tests;
