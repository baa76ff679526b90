//! Print the symbol table of a Python file in the format of
//! `tools/dump_python_symtable.py`, to compare it with CPython's.
//!
//! Usage: symtable_dump [--code] FILE.py        (parse with the syntax crate)
//!        symtable_dump [--code] --json FILE    (a tree from tools/ast_to_json.py)
//!
//! With --code, print instead what the code objects would say (the format
//! of tools/dump_python_code.py).

mod ast_json;
mod json_support;
mod run;

use std::process::ExitCode;

fn main() -> ExitCode {
    let mut args: Vec<String> = std::env::args().skip(1).collect();
    let code = args.first().is_some_and(|a| a == "--code");
    if code {
        args.remove(0);
    }
    let (tree, path) = match args.as_slice() {
        [flag, json] if flag == "--json" => {
            let text = match std::fs::read_to_string(json) {
                Ok(text) => text,
                Err(e) => return fail(&format!("can't read {json}: {e}")),
            };
            let value = match stacker::grow(256 << 20, || read_json(&text)) {
                Ok(v) => v,
                Err(e) => return fail(&format!("bad JSON in {json}: {e}")),
            };
            let name = value["filename"].as_str().unwrap_or(json).to_string();
            // The tree may be deep: read and later drop it on a big stack.
            (
                stacker::grow(256 << 20, || ast_json::read_mod(&value["tree"])),
                name,
            )
        }
        [path] => {
            let source = match std::fs::read(path) {
                Ok(s) => s,
                Err(e) => return fail(&format!("can't read {path}: {e}")),
            };
            match syntax::parse_bytes(&source, path, syntax::Mode::Module) {
                Ok(tree) => (tree, path.clone()),
                Err(e) => {
                    println!(
                        "parse error: {}: {} ({}, {})",
                        e.kind.name(),
                        e.msg,
                        e.lineno,
                        e.offset
                    );
                    return ExitCode::SUCCESS;
                }
            }
        }
        _ => return fail("usage: symtable_dump [--code] [--json] FILE"),
    };
    if code {
        print!("{}", run::dump_code(&tree, &path));
    } else {
        print!("{}", run::dump_tree(&tree, &path));
    }
    stacker::grow(256 << 20, move || drop(tree));
    ExitCode::SUCCESS
}

fn read_json(text: &str) -> serde_json::Result<serde_json::Value> {
    use serde::Deserialize;
    let mut de = serde_json::Deserializer::from_str(text);
    de.disable_recursion_limit();
    serde_json::Value::deserialize(&mut de)
}

fn fail(msg: &str) -> ExitCode {
    eprintln!("symtable_dump: {msg}");
    ExitCode::from(2)
}
