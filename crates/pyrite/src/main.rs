//! The `pyrite` command.

use std::process::ExitCode;

fn main() -> ExitCode {
    let args: Vec<String> = std::env::args().collect();
    match args.get(1).map(String::as_str) {
        Some("--dump-ast") if args.len() == 3 => dump_ast(&args[2]),
        Some("--dis") if args.len() == 3 => match std::fs::read(&args[2]).map_err(|e| format!("pyrite: can't open file '{}': {e}\n", args[2])).and_then(|src| compiler::dis::dis_source(&src, &args[2])) {
            Ok(text) => { print!("{text}"); ExitCode::SUCCESS }
            Err(text) => { eprint!("{text}"); ExitCode::from(1) }
        },
        _ => {
            eprintln!("usage: pyrite --dump-ast FILE | --dis FILE");
            ExitCode::from(2)
        }
    }
}

fn dump_ast(path: &str) -> ExitCode {
    let source = match std::fs::read(path) {
        Ok(s) => s,
        Err(e) => {
            eprintln!("pyrite: can't open file '{path}': {e}");
            return ExitCode::from(2);
        }
    };
    match syntax::parse_bytes(&source, path, syntax::Mode::Module) {
        Ok(tree) => {
            println!("{}", syntax::dump(&tree));
            ExitCode::SUCCESS
        }
        Err(e) => {
            eprint!("{}", e.traceback_text());
            ExitCode::from(1)
        }
    }
}
