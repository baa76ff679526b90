//! Future scan + symbol table of a tree, rendered as text: the table's dump,
//! or one `error: Type: msg (lineno, offset, end_lineno, end_offset)` line.

use compiler::future::FutureFeatures;
use compiler::symtable::{BlockId, BlockType, ComprehensionType, SymbolTable};
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

/// What the code objects of the tree would say: per function or class
/// block, the scope flags of `co_flags`, `co_cellvars`, `co_freevars` and
/// the parameters (see tools/dump_python_code.py). Children are sorted by
/// name, as there.
pub fn dump_code(tree: &Mod, path: &str) -> String {
    let table = match FutureFeatures::from_ast(tree, path)
        .map_err(CompileError::from)
        .and_then(|ff| SymbolTable::build(tree, path, ff.flags))
    {
        Ok(table) => table,
        Err(e) => return format!("error: {}\n", e.type_name()),
    };
    let mut out = String::new();
    code_block(&table, BlockId::TOP, 0, &mut out);
    out
}

fn code_name(table: &SymbolTable, id: BlockId) -> String {
    let b = table.block(id);
    if id == BlockId::TOP {
        return "top".into();
    }
    match (b.block_type, b.comprehension) {
        (_, Some(ComprehensionType::List)) => "<listcomp>".into(),
        (_, Some(ComprehensionType::Set)) => "<setcomp>".into(),
        (_, Some(ComprehensionType::Dict)) => "<dictcomp>".into(),
        (_, Some(ComprehensionType::Generator)) => "<genexpr>".into(),
        (BlockType::Function, None) if b.name == "lambda" => "<lambda>".into(),
        _ => b.name.clone(),
    }
}

fn code_block(table: &SymbolTable, id: BlockId, depth: usize, out: &mut String) {
    let b = table.block(id);
    let mut flags = 0u32;
    if b.block_type == BlockType::Function {
        if b.nested {
            flags |= 0x10;
        }
        flags |= match (b.generator, b.coroutine) {
            (true, false) => 0x20,
            (false, true) => 0x80,
            (true, true) => 0x200,
            (false, false) => 0,
        };
        if b.varargs {
            flags |= 0x4;
        }
        if b.varkeywords {
            flags |= 0x8;
        }
    }
    out.push_str(&format!(
        "{}{} flags {:#x} cells ({}) frees ({}) params ({})\n",
        "  ".repeat(depth),
        code_name(table, id),
        flags,
        b.cellvars().join(", "),
        b.freevars().join(", "),
        b.varnames.join(", ")
    ));
    let mut children = b.children.clone();
    children.sort_by_key(|&c| code_name(table, c));
    for child in children {
        code_block(table, child, depth + 1, out);
    }
}
