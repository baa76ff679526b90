//! Future scan + symbol table of a tree, rendered as text: the table's dump,
//! or one `error: Type: msg (lineno, offset, end_lineno, end_offset)` line.

use compiler::future::FutureFeatures;
use compiler::symtable::SymbolTable;
use compiler::CompileError;
use syntax::ast::Mod;

pub fn dump_tree(tree: &Mod, path: &str) -> String {
    let result = FutureFeatures::from_ast(tree, path)
        .map_err(CompileError::from)
        .and_then(|ff| SymbolTable::build(tree, path, ff.flags));
    match result {
        Ok(table) => table.dump(),
        Err(CompileError::Syntax(e)) => format!(
            "error: {}: {} ({}, {}, {}, {})\n",
            e.kind.name(),
            e.msg,
            e.lineno,
            e.offset,
            e.end_lineno,
            e.end_offset
        ),
        Err(e) => format!("error: {}: {}\n", e.type_name(), e.message()),
    }
}
