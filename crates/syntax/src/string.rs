//! String literals: prefixes, escapes, bytes, implicit concatenation and
//! f-strings (3.11 rules), turned into `Constant` or `JoinedStr` nodes.

use crate::ast::Expr;
use crate::error::SyntaxError;
use crate::token::{Pos, Token};

/// Parse a run of adjacent STRING tokens (implicit concatenation) into one
/// expression node. `parse_expr` parses the source of an f-string replacement
/// field (its text, and the position where that text starts in the file).
pub fn parse_strings(
    source: &str,
    tokens: &[Token],
    parse_expr: &mut dyn FnMut(&str, Pos) -> Result<Expr, SyntaxError>,
) -> Result<Expr, SyntaxError> {
    let _ = (source, tokens, parse_expr);
    Err(SyntaxError::new(crate::SyntaxErrorKind::SyntaxError, "string literals are not implemented yet"))
}
