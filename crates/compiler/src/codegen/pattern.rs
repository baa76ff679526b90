//! `match` statements (CPython 3.11's pattern compiler).

use syntax::ast::{Expr, MatchCase, Stmt};

use super::{CResult, Compiler};

impl<'a> Compiler<'a> {
    pub fn compile_match(&mut self, s: &'a Stmt, _subject: &'a Expr, _cases: &'a [MatchCase]) -> CResult {
        Err(crate::CompileError::Runtime(format!("match statements are not compiled yet (line {})", s.loc.lineno)))
    }
}
