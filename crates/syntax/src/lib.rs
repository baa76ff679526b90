//! Python 3.11 source to CPython-compatible AST: source decoding, the
//! tokenizer, the PEG-style parser and CPython's syntax errors.

pub mod ast;
pub mod constant;
mod dump;
mod dump_support;
pub mod encoding;
pub mod error;
pub mod number;
pub mod parser;
pub mod repr;
pub mod string;
pub mod token;
pub mod tokenizer;
pub mod wtf8;

pub use error::{SyntaxError, SyntaxErrorKind};

/// Which start rule to parse with (CPython's `mode` argument of `compile`).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Mode {
    /// `exec`: a module.
    Module,
    /// `eval`: a single expression.
    Expression,
    /// `single`: one interactive statement.
    Interactive,
}

/// Parse raw source bytes (decoded per PEP 263 / BOM) into an AST.
pub fn parse_bytes(source: &[u8], filename: &str, mode: Mode) -> Result<ast::Mod, SyntaxError> {
    parse_bytes_with_warnings(source, filename, mode).0
}

/// `parse_bytes`, also returning the SyntaxWarnings CPython emits while
/// parsing (e.g. "invalid decimal literal" for `1if x else y`), as
/// SyntaxError values whose `msg`, `lineno` and `text` say what to print.
pub fn parse_bytes_with_warnings(source: &[u8], filename: &str, mode: Mode) -> (Result<ast::Mod, SyntaxError>, Vec<SyntaxError>) {
    let named = |mut e: SyntaxError| {
        e.filename = filename.to_string();
        e
    };
    if let Some((text, invalid)) = encoding::decode_undeclared_lossy(source) {
        let (result, warnings) = parser::parse_decoded_with_warnings(&text, source, mode);
        let result = match undeclared_decode_error(&text, &invalid) {
            // The token with bad bytes fails when the parser reaches it,
            // unless a syntax error comes first.
            Some(e) if result.as_ref().err().is_none_or(|p| p.lineno >= e.lineno) => Err(e),
            _ => result,
        };
        return (result.map_err(named), warnings.into_iter().map(named).collect());
    }
    let text = match encoding::decode_source(source) {
        Ok(text) => text,
        Err(e) => return (Err(named(e)), Vec::new()),
    };
    let (result, warnings) = parser::parse_decoded_with_warnings(&text, source, mode);
    (result.map_err(named), warnings.into_iter().map(named).collect())
}

/// The error CPython raises for bad bytes in undeclared source: the first
/// name or string token holding one fails to decode ("(unicode error)
/// 'utf-8' codec can't decode byte ..."). Names fail at the name; string
/// literals when the literal is built, at the token after the literal.
fn undeclared_decode_error(text: &str, invalid: &[encoding::InvalidUtf8]) -> Option<SyntaxError> {
    use token::TokenKind;
    let toks = tokenizer::tokenize(text);
    let tokens = toks.tokens;
    // Bytes literals fail on any non-ASCII character, bad bytes or not.
    let is_bytes = |t: &token::Token| t.text(text).bytes().take_while(|c| c.is_ascii_alphabetic()).any(|c| c == b'b' || c == b'B');
    let found = tokens.iter().enumerate().find_map(|(i, t)| {
        if t.kind != TokenKind::String || is_bytes(t) {
            return None;
        }
        let range = t.text_start as usize..t.text_end as usize;
        invalid.iter().find(|b| range.contains(&b.text_offset)).map(|b| (i, t, b))
    });
    // A name with bad bytes stops our tokenizer ("invalid character");
    // CPython's takes the bytes into the name and fails decoding it.
    let name_error = toks.error.as_ref().filter(|e| e.msg == "invalid character '\u{FFFD}' (U+FFFD)").and_then(|e| {
        let line_start: usize = text.split_inclusive('\n').take(e.lineno.saturating_sub(1) as usize).map(str::len).sum();
        let line = text[line_start..].split_inclusive('\n').next().unwrap_or("");
        let col = line.char_indices().nth(e.offset.saturating_sub(1) as usize).map(|(b, _)| b)?;
        let bad = invalid.iter().find(|b| b.text_offset == line_start + col)?;
        let ident = |c: char| c.is_alphanumeric() || c == '_' || !c.is_ascii();
        let start = line[..col].char_indices().rev().take_while(|&(_, c)| ident(c)).last().map_or(col, |(b, _)| b);
        let end = line[col..].char_indices().find(|&(_, c)| !ident(c)).map_or(line.len(), |(b, _)| col + b);
        Some((e.lineno, line, bad.text_offset - line_start, start, end, bad))
    });
    // Tokens stop at the name's error, so a string with bad bytes comes first.
    if let (None, Some((lineno, line, col, start, end, bad))) = (&found, name_error) {
        let position = col - start;
        let at_end = col + char::REPLACEMENT_CHARACTER.len_utf8() >= end;
        let mut e = SyntaxError::new(SyntaxErrorKind::SyntaxError, unicode_error_message(bad, position, at_end));
        e.lineno = lineno;
        e.offset = line[..start].chars().count() as u32 + 1;
        e.end_lineno = lineno;
        e.text = Some(line.to_string());
        return Some(e);
    }
    let (i, tok, bad) = found?;
    let tok_text = tok.text(text);
    let (body_start, body_end) = match tok.kind {
        TokenKind::String => {
            let quote_at = tok_text.find(['\'', '"']).unwrap_or(0);
            let rest = &tok_text[quote_at..];
            let quote_len = if rest.starts_with("'''") || rest.starts_with("\"\"\"") { 3 } else { 1 };
            (tok.text_start as usize + quote_at + quote_len, tok.text_end as usize - quote_len)
        }
        _ => (tok.text_start as usize, tok.text_end as usize),
    };
    let position = bad.text_offset.saturating_sub(body_start);
    let at_end = bad.text_offset + char::REPLACEMENT_CHARACTER.len_utf8() >= body_end;
    let msg = unicode_error_message(bad, position, at_end);
    let at = match tok.kind {
        TokenKind::String => tokens[i..].iter().find(|t| t.kind != TokenKind::String).unwrap_or(tok),
        _ => tok,
    };
    let line = text.split_inclusive('\n').nth(at.start.line.saturating_sub(1) as usize).unwrap_or("");
    let chars = |col: u32| line.get(..col as usize).map_or(0, |s| s.chars().count() as u32);
    let mut e = SyntaxError::new(SyntaxErrorKind::SyntaxError, msg);
    e.lineno = at.start.line;
    e.offset = chars(at.start.col) + 1;
    e.end_lineno = at.end.line;
    e.end_offset = if tok.kind == TokenKind::String { chars(at.end.col) + 1 } else { 0 };
    e.text = Some(line.to_string());
    Some(e)
}

fn unicode_error_message(bad: &encoding::InvalidUtf8, position: usize, at_end: bool) -> String {
    format!(
        "(unicode error) 'utf-8' codec can't decode byte 0x{:02x} in position {position}: {}",
        bad.bytes[0],
        encoding::utf8_error_reason(&bad.bytes, at_end)
    )
}

/// Parse already-decoded source text into an AST.
pub fn parse_str(source: &str, filename: &str, mode: Mode) -> Result<ast::Mod, SyntaxError> {
    parser::parse(source, mode).map_err(|mut e| {
        e.filename = filename.to_string();
        e
    })
}

/// `ast.dump(tree, include_attributes=True)`, byte for byte.
pub fn dump(tree: &ast::Mod) -> String {
    let mut out = String::new();
    dump_support::Dump::dump(tree, &mut out);
    out
}
