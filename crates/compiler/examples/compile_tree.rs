//! Compile every `.py` file under a directory and report how many compile,
//! and the first errors. With `--dis OUTDIR`, also write each file's
//! disassembly to OUTDIR (for comparison with `python3 -m dis`).
//!
//! usage: cargo run --release -p pyrite-compiler --example compile_tree -- DIR [--dis OUTDIR]

use std::path::{Path, PathBuf};

fn walk(dir: &Path, out: &mut Vec<PathBuf>) {
    let Ok(entries) = std::fs::read_dir(dir) else {
        return;
    };
    let mut entries: Vec<_> = entries.flatten().map(|e| e.path()).collect();
    entries.sort();
    for p in entries {
        if p.is_dir() {
            walk(&p, out);
        } else if p.extension().is_some_and(|e| e == "py") {
            out.push(p);
        }
    }
}

fn main() {
    let args: Vec<String> = std::env::args().collect();
    let Some(root) = args.get(1) else {
        eprintln!("usage: compile_tree DIR [--dis OUTDIR]");
        std::process::exit(2);
    };
    let dis_dir = args
        .iter()
        .position(|a| a == "--dis")
        .and_then(|i| args.get(i + 1))
        .map(PathBuf::from);
    let mut files = Vec::new();
    walk(Path::new(root), &mut files);
    let (mut ok, mut parse_err, mut compile_err) = (0, 0, 0);
    for f in &files {
        let Ok(src) = std::fs::read(f) else { continue };
        let name = f.to_string_lossy().to_string();
        let tree = match syntax::parse_bytes(&src, &name, syntax::Mode::Module) {
            Ok(t) => t,
            Err(_) => {
                parse_err += 1;
                continue;
            }
        };
        match compiler::compile(&tree, &name, syntax::Mode::Module, 0) {
            Ok(code) => {
                ok += 1;
                if let Some(dir) = &dis_dir {
                    let rel = f.strip_prefix(root).unwrap_or(f);
                    let out = dir.join(rel).with_extension("dis");
                    if let Some(parent) = out.parent() {
                        let _ = std::fs::create_dir_all(parent);
                    }
                    let _ = std::fs::write(out, compiler::dis::dis(&code));
                }
            }
            Err(e) => {
                compile_err += 1;
                println!("ERROR {name}: {}: {}", e.type_name(), e);
            }
        }
    }
    println!(
        "files: {}  compiled: {ok}  parse errors: {parse_err}  compile errors: {compile_err}",
        files.len()
    );
}
