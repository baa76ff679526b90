//! The parser: CPython 3.11's PEG grammar (Grammar/python.gram), written by
//! hand as recursive descent with backtracking and memoization, in two passes
//! as CPython does: a fast pass, then on failure a second pass that also tries
//! the `invalid_*` rules to produce CPython's specific error messages.

use crate::ast::Mod;
use crate::error::SyntaxError;
use crate::Mode;

pub fn parse(source: &str, mode: Mode) -> Result<Mod, SyntaxError> {
    let _ = (source, mode);
    Err(SyntaxError::new(crate::SyntaxErrorKind::SyntaxError, "the parser is not implemented yet"))
}
