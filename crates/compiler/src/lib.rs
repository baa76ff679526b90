//! Python 3.11 AST to CPython-style code objects. This crate follows
//! CPython's compiler pipeline: future-statement scan (`future`), symbol
//! table construction (`symtable`), then code generation.

pub mod opcode;
pub mod code;
pub mod assemble;
