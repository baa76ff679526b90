//! Python 3.11 AST to CPython-style code objects. This crate follows
//! CPython's compiler pipeline: future-statement scan (`future`), symbol
//! table construction (`symtable`), then code generation.

pub mod assemble;
pub mod code;
pub mod error;
pub mod future;
pub mod opcode;
pub mod symtable;

pub use error::CompileError;
pub mod codegen;
pub mod dis;
pub mod unparse;

pub use codegen::{compile, compile_with_flags, Mode};
