//! Python 3.11 AST to CPython-style code objects. This crate follows
//! CPython's compiler pipeline: future-statement scan (`future`), symbol
//! table construction (`symtable`), then code generation.

pub mod error;
pub mod future;
pub mod symtable;

pub use error::CompileError;
