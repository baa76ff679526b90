//! Number algorithms that do not touch objects: the int facade over num-bigint, float parsing, repr, rounding and hex.
//!
//! Everything here follows CPython 3.11 (Objects/longobject.c, Objects/floatobject.c, Python/pystrtod.c,
//! Modules/mathmodule.c): same results, same exception types and messages. Errors are returned as
//! [`NumError`] values; the caller turns them into Python exceptions.

#![warn(missing_docs)]

pub mod float;
pub mod int;
pub mod math;
pub mod parse;

use std::fmt;

/// The Python exception type a numeric error maps to.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum ErrorKind {
    /// `ZeroDivisionError`.
    ZeroDivision,
    /// `OverflowError`.
    Overflow,
    /// `ValueError`.
    Value,
    /// `TypeError`.
    Type,
    /// `MemoryError` (its message is empty, as CPython's).
    Memory,
}

impl ErrorKind {
    /// The Python name of the exception type, e.g. `"ZeroDivisionError"`.
    pub fn type_name(self) -> &'static str {
        match self {
            ErrorKind::ZeroDivision => "ZeroDivisionError",
            ErrorKind::Overflow => "OverflowError",
            ErrorKind::Value => "ValueError",
            ErrorKind::Type => "TypeError",
            ErrorKind::Memory => "MemoryError",
        }
    }
}

/// A numeric error: the exception type and its message (exactly CPython's).
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct NumError {
    /// Which exception to raise.
    pub kind: ErrorKind,
    /// The exception's message.
    pub msg: String,
}

impl NumError {
    /// An error of `kind` with message `msg`.
    pub fn new(kind: ErrorKind, msg: impl Into<String>) -> Self {
        NumError { kind, msg: msg.into() }
    }
    /// `ZeroDivisionError(msg)`.
    pub fn zero_div(msg: impl Into<String>) -> Self {
        Self::new(ErrorKind::ZeroDivision, msg)
    }
    /// `OverflowError(msg)`.
    pub fn overflow(msg: impl Into<String>) -> Self {
        Self::new(ErrorKind::Overflow, msg)
    }
    /// `ValueError(msg)`.
    pub fn value(msg: impl Into<String>) -> Self {
        Self::new(ErrorKind::Value, msg)
    }
    /// `TypeError(msg)`.
    pub fn type_error(msg: impl Into<String>) -> Self {
        Self::new(ErrorKind::Type, msg)
    }
    /// `MemoryError()`, raised where CPython would fail to allocate a huge result.
    pub fn memory() -> Self {
        Self::new(ErrorKind::Memory, "")
    }
}

impl fmt::Display for NumError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        if self.msg.is_empty() {
            f.write_str(self.kind.type_name())
        } else {
            write!(f, "{}: {}", self.kind.type_name(), self.msg)
        }
    }
}

impl std::error::Error for NumError {}

/// Result of a numeric operation.
pub type NumResult<T> = Result<T, NumError>;

/// The default `sys.get_int_max_str_digits()` (PEP 651 limit of CPython 3.11).
pub const DEFAULT_MAX_STR_DIGITS: usize = 4300;

#[cfg(test)]
mod tests;
