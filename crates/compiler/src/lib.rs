//! Python 3.11 AST to CPython-style code objects. This crate follows
//! CPython's compiler pipeline: future-statement scan (`future`), symbol
//! table construction (`symtable`), code generation into a control-flow
//! graph (`codegen`, with compile-time constant folding), then the
//! assembler (`assemble`: optimizations, stack depth, jump resolution,
//! location and exception tables) producing a `code::CodeObject` whose
//! instructions are those of `opcode`. `dis` prints code objects as
//! CPython's `dis` module does.
//!
//! The entry point is [`compile`]: `compile(&tree, filename, mode, optimize)`.

pub mod assemble;
pub mod code;
pub mod codegen;
pub mod dis;
pub mod error;
pub mod future;
pub mod opcode;
pub mod opcode_py;
pub mod symtable;
pub mod unparse;

pub use codegen::{compile, compile_with_flags, compile_with_warnings, CompileWarning, Mode};
pub use error::CompileError;
