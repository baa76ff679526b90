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
    let text = match encoding::decode_source(source) {
        Ok(text) => text,
        Err(e) => return (Err(named(e)), Vec::new()),
    };
    let (result, warnings) = parser::parse_decoded_with_warnings(&text, source, mode);
    (result.map_err(named), warnings.into_iter().map(named).collect())
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
