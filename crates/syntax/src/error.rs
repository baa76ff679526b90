//! SyntaxError and its subclasses, carrying what CPython's SyntaxError carries.

use std::fmt;

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum SyntaxErrorKind {
    SyntaxError,
    IndentationError,
    TabError,
}

impl SyntaxErrorKind {
    pub fn name(self) -> &'static str {
        match self {
            SyntaxErrorKind::SyntaxError => "SyntaxError",
            SyntaxErrorKind::IndentationError => "IndentationError",
            SyntaxErrorKind::TabError => "TabError",
        }
    }
}

/// A syntax error as Python sees it: `SyntaxError(msg, (filename, lineno,
/// offset, text, end_lineno, end_offset))`. Offsets are 1-based and count
/// characters (code points) of the line, as CPython reports them; 0 means
/// "no column".
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct SyntaxError {
    pub kind: SyntaxErrorKind,
    pub msg: String,
    pub filename: String,
    pub lineno: u32,
    pub offset: u32,
    pub end_lineno: u32,
    pub end_offset: u32,
    /// The source line the error is on (with its newline, as CPython keeps it), if known.
    pub text: Option<String>,
}

impl SyntaxError {
    pub fn new(kind: SyntaxErrorKind, msg: impl Into<String>) -> Self {
        SyntaxError {
            kind,
            msg: msg.into(),
            filename: String::from("<unknown>"),
            lineno: 0,
            offset: 0,
            end_lineno: 0,
            end_offset: 0,
            text: None,
        }
    }
}

impl fmt::Display for SyntaxError {
    /// `str(exc)`: `msg (filename, line N)`.
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        if self.lineno > 0 {
            write!(f, "{} ({}, line {})", self.msg, self.filename, self.lineno)
        } else {
            write!(f, "{}", self.msg)
        }
    }
}

impl std::error::Error for SyntaxError {}

impl SyntaxError {
    /// What `python3` prints to stderr for this error when it is uncaught:
    /// the `File "...", line N` line, the source line, the caret line and
    /// `Kind: msg`.
    pub fn traceback_text(&self) -> String {
        format!("  File \"{}\", line {}\n{}: {}\n", self.filename, self.lineno, self.kind.name(), self.msg)
    }
}
