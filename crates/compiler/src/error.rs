//! Errors the compiler passes raise, as the Python exception they become.

use std::fmt;
use syntax::SyntaxError;

/// An exception raised while compiling an AST. Most are `SyntaxError`s
/// that CPython only detects after parsing (scoping rules, misplaced
/// `yield`, ...); the others are the few non-syntax exceptions CPython's
/// compiler raises.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum CompileError {
    Syntax(SyntaxError),
    /// `RecursionError: maximum recursion depth exceeded during compilation`:
    /// the tree nests deeper than the compiler allows.
    Recursion,
    /// `RuntimeError` with this message (e.g. an AST kind the compiler does not take).
    Runtime(String),
}

impl CompileError {
    /// The name of the Python exception type.
    pub fn type_name(&self) -> &'static str {
        match self {
            CompileError::Syntax(e) => e.kind.name(),
            CompileError::Recursion => "RecursionError",
            CompileError::Runtime(_) => "RuntimeError",
        }
    }

    /// The exception's message (`exc.msg` for a SyntaxError, `str(exc)` otherwise).
    pub fn message(&self) -> &str {
        match self {
            CompileError::Syntax(e) => &e.msg,
            CompileError::Recursion => "maximum recursion depth exceeded during compilation",
            CompileError::Runtime(msg) => msg,
        }
    }
}

impl From<SyntaxError> for CompileError {
    fn from(e: SyntaxError) -> Self {
        CompileError::Syntax(e)
    }
}

impl fmt::Display for CompileError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            CompileError::Syntax(e) => e.fmt(f),
            other => f.write_str(other.message()),
        }
    }
}

impl std::error::Error for CompileError {}
