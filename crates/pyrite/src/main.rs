//! The `pyrite` command.
//!
//! The command line follows CPython's: the same messages and exit statuses
//! for usage errors (2), unreadable files (2) and uncaught exceptions (1).
//! Until the interpreter exists, the modes are:
//!
//! - `pyrite --dump-ast FILE`: print `ast.dump(ast.parse(src), include_attributes=True)`,
//!   or the SyntaxError as an uncaught one is printed;
//! - `pyrite --dis FILE`: print what `python3 -m dis FILE` prints, for our compiler;
//! - `pyrite --parse-only FILE...` and `pyrite --compile-only FILE...` (hidden, for
//!   benchmarks): parse (or parse and compile) every file in one process and print
//!   the time spent.

use std::io::{self, Write};
use std::path::Path;
use std::process::ExitCode;
use std::time::{Duration, Instant};

// The front end (and later the object heap) allocates many small blocks;
// mimalloc serves them far faster than the system allocator.
#[cfg(feature = "mimalloc")]
#[global_allocator]
static GLOBAL: mimalloc::MiMalloc = mimalloc::MiMalloc;

const PROGRAM: &str = "pyrite";

const USAGE: &str = "usage: pyrite [option] ... --dump-ast file";

const HELP: &str = "\
Options:
-h     : print this help message and exit (also -? or --help)
-V     : print the Pyrite version number and exit (also --version)
--dump-ast file : parse file and print its syntax tree as
         ast.dump(tree, include_attributes=True) does
";

/// What the command line asks for.
#[derive(Debug, PartialEq, Eq)]
enum Command {
    Help,
    Version,
    DumpAst(String),
    Dis(String),
    /// Time the front end over many files (benchmarks).
    FrontEnd(Stage, Vec<String>),
    /// Run a program: the configuration the command line describes.
    Run(Box<vm::runtime::config::Config>),
}

/// How far `--parse-only` / `--compile-only` take each file.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum Stage {
    Parse,
    Compile,
}

/// A command-line error: the first line CPython would print before the usage line.
#[derive(Debug, PartialEq, Eq)]
struct UsageError(String);

fn parse_args(args: &[String]) -> Result<Command, UsageError> {
    let Some(first) = args.first() else {
        // CPython would start the REPL; there is none yet.
        return Err(UsageError(String::from("no input file")));
    };
    match first.as_str() {
        "--dump-ast" => match &args[1..] {
            [file] => return Ok(Command::DumpAst(file.clone())),
            [] => return Err(UsageError(String::from("Argument expected for the --dump-ast option"))),
            [_, extra, ..] => return Err(UsageError(format!("unexpected argument {extra}"))),
        },
        "--dis" if args.len() == 2 => return Ok(Command::Dis(args[1].clone())),
        "--parse-only" => return Ok(Command::FrontEnd(Stage::Parse, args[1..].to_vec())),
        "--compile-only" => return Ok(Command::FrontEnd(Stage::Compile, args[1..].to_vec())),
        _ => {}
    }
    parse_run_args(args)
}

/// The interpreter's command line: options, then `-c CODE`, `-m MODULE`
/// or a script, then the program's own arguments.
fn parse_run_args(args: &[String]) -> Result<Command, UsageError> {
    use vm::runtime::config::{Config, RunTarget};
    let mut config = Config::default();
    let mut i = 0;
    while i < args.len() {
        let a = &args[i];
        if !a.starts_with('-') || a == "-" {
            config.run = RunTarget::File(a.clone());
            config.argv = args[i..].to_vec();
            break;
        }
        match a.as_str() {
            "-h" | "-?" | "--help" => return Ok(Command::Help),
            "-V" | "--version" => return Ok(Command::Version),
            "-c" => {
                let code = args.get(i + 1).ok_or_else(|| UsageError(String::from("Argument expected for the -c option")))?;
                config.run = RunTarget::Command(code.clone());
                let mut argv = vec![String::from("-c")];
                argv.extend_from_slice(&args[i + 2..]);
                config.argv = argv;
                break;
            }
            "-m" => {
                let m = args.get(i + 1).ok_or_else(|| UsageError(String::from("Argument expected for the -m option")))?;
                config.run = RunTarget::Module(m.clone());
                let mut argv = vec![String::from("-m")];
                argv.extend_from_slice(&args[i + 2..]);
                config.argv = argv;
                break;
            }
            "-u" => config.unbuffered = true,
            "-B" => config.dont_write_bytecode = true,
            "-E" => config.ignore_environment = true,
            "-I" => {
                config.isolated = true;
                config.ignore_environment = true;
                config.no_user_site = true;
                config.safe_path = true;
            }
            "-P" => config.safe_path = true,
            "-s" => config.no_user_site = true,
            "-S" => config.no_site = true,
            "-O" => config.optimize = config.optimize.max(1),
            "-OO" => config.optimize = 2,
            "-q" => config.quiet = true,
            "-i" => config.inspect = true,
            "-v" => config.verbose += 1,
            "-W" | "-X" => {
                let v = args.get(i + 1).ok_or_else(|| UsageError(format!("Argument expected for the {a} option")))?;
                if a == "-W" { config.warnoptions.push(v.clone()) } else { config.xoptions.push(v.clone()) }
                i += 1;
            }
            long if long.starts_with("--") => return Err(UsageError(format!("unknown option {long}"))),
            short => {
                let letter = short[1..].chars().next().unwrap_or('-');
                return Err(UsageError(format!("Unknown option: -{letter}")));
            }
        }
        i += 1;
    }
    if config.run == RunTarget::None {
        // CPython would start the REPL; there is none yet.
        return Err(UsageError(String::from("no input file (the interactive prompt is not supported yet)")));
    }
    config.orig_argv = std::iter::once(PROGRAM.to_string()).chain(args.iter().cloned()).collect();
    config.executable = std::env::current_exe().map(|p| p.display().to_string()).unwrap_or_default();
    if !config.ignore_environment {
        if let Ok(pp) = std::env::var("PYTHONPATH") {
            config.module_search_paths.extend(pp.split(':').filter(|p| !p.is_empty()).map(str::to_string));
        }
        if std::env::var_os("PYTHONUNBUFFERED").is_some_and(|v| !v.is_empty()) {
            config.unbuffered = true;
        }
        if std::env::var_os("PYTHONDONTWRITEBYTECODE").is_some_and(|v| !v.is_empty()) {
            config.dont_write_bytecode = true;
        }
        if std::env::var_os("PYTHONSAFEPATH").is_some_and(|v| !v.is_empty()) {
            config.safe_path = true;
        }
    }
    let ignore_env = config.ignore_environment;
    vm::runtime::pathconfig::complete_search_paths(&mut config, &|k| if ignore_env && k.starts_with("PYRITE") { None } else { std::env::var(k).ok() });
    if let vm::runtime::config::RunTarget::File(path) = &config.run {
        // CPython 3.11 makes the script path absolute (not normalised) for
        // __file__ and tracebacks; sys.argv[0] stays as given.
        if Path::new(path).is_relative() {
            if let Ok(cwd) = std::env::current_dir() {
                config.run = RunTarget::File(cwd.join(path).display().to_string());
            }
        }
    }
    Ok(Command::Run(Box::new(config)))
}

fn main() -> ExitCode {
    let args: Vec<String> = std::env::args().skip(1).collect();
    match parse_args(&args) {
        Ok(Command::Help) => {
            print_or_exit(&format!("{USAGE}\n{HELP}"));
            ExitCode::SUCCESS
        }
        Ok(Command::Version) => {
            print_or_exit(&format!(
                "Pyrite {} (Python 3.11)\n",
                env!("CARGO_PKG_VERSION")
            ));
            ExitCode::SUCCESS
        }
        Ok(Command::DumpAst(path)) => dump_ast(&path),
        // `python3 -m dis FILE`'s output for our compiler.
        Ok(Command::Dis(path)) => match read_source(&path).map(|src| compiler::dis::dis_source(&src, &path)) {
            Ok(Ok(text)) => { print_or_exit(&text); ExitCode::SUCCESS }
            Ok(Err(text)) => { eprint!("{text}"); ExitCode::from(1) }
            Err(code) => code,
        },
        Ok(Command::FrontEnd(stage, paths)) => front_end(stage, &paths),
        Ok(Command::Run(config)) => run(*config),
        Err(UsageError(msg)) => {
            eprintln!("{msg}\n{USAGE}\nTry `{PROGRAM} -h' for more information.");
            ExitCode::from(2)
        }
    }
}

/// Run a program: initialize the interpreter, run `__main__`, finalize.
fn run(config: vm::runtime::config::Config) -> ExitCode {
    let seed = if config.ignore_environment { None } else { std::env::var("PYTHONHASHSEED").ok() };
    let interp = match vm::runtime::lifecycle::Interpreter::initialize(config, seed) {
        Ok(i) => i,
        Err(msg) => {
            eprintln!("{msg}");
            return ExitCode::from(1);
        }
    };
    let status = interp.run_main();
    let status = interp.finalize(status);
    ExitCode::from((status & 0xff) as u8)
}

/// Write to stdout; a failed write (closed pipe, full disk) ends the
/// process with 120, the status CPython uses when flushing stdout fails.
fn print_or_exit(text: &str) {
    let mut out = io::stdout().lock();
    if out
        .write_all(text.as_bytes())
        .and_then(|()| out.flush())
        .is_err()
    {
        std::process::exit(120);
    }
}

/// CPython's message for a script it cannot open: the path made absolute
/// (not normalised) and the error as `[Errno N] strerror`.
fn cant_open_message(path: &str, err: &io::Error) -> String {
    let shown = match std::env::current_dir() {
        Ok(cwd) if Path::new(path).is_relative() => cwd.join(path).display().to_string(),
        _ => path.to_string(),
    };
    format!("{PROGRAM}: can't open file '{shown}': {}", errno_text(err))
}

/// `[Errno 2] No such file or directory`, from an I/O error whose Display
/// reads `No such file or directory (os error 2)`.
fn errno_text(err: &io::Error) -> String {
    let text = err.to_string();
    match err.raw_os_error() {
        Some(code) => {
            let suffix = format!(" (os error {code})");
            let strerror = text.strip_suffix(&suffix).unwrap_or(&text);
            format!("[Errno {code}] {strerror}")
        }
        None => text,
    }
}

fn read_source(path: &str) -> Result<Vec<u8>, ExitCode> {
    std::fs::read(path).map_err(|e| {
        eprintln!("{}", cant_open_message(path, &e));
        ExitCode::from(2)
    })
}

fn dump_ast(path: &str) -> ExitCode {
    let source = match read_source(path) {
        Ok(s) => s,
        Err(code) => return code,
    };
    let (result, warnings) = syntax::parse_bytes_with_warnings(&source, path, syntax::Mode::Module);
    for w in &warnings {
        eprint!("{}", w.warning_text());
    }
    match result {
        Ok(tree) => {
            let mut text = syntax::dump(&tree);
            text.push('\n');
            print_or_exit(&text);
            ExitCode::SUCCESS
        }
        Err(e) => {
            eprint!("{}", e.traceback_text());
            ExitCode::from(1)
        }
    }
}

/// Parse every file in one process and report the time spent in the parser
/// alone (reading files and process start-up excluded), so that it can be
/// compared with CPython's `compile(..., ast.PyCF_ONLY_AST)` over the same files.
fn front_end(stage: Stage, paths: &[String]) -> ExitCode {
    let mut sources = Vec::with_capacity(paths.len());
    for path in paths {
        match read_source(path) {
            Ok(s) => sources.push((path.as_str(), s)),
            Err(code) => return code,
        }
    }
    let mut elapsed = Duration::ZERO;
    let mut rejected = 0usize;
    for (path, source) in &sources {
        let start = Instant::now();
        let ok = match syntax::parse_bytes(source, path, syntax::Mode::Module) {
            Ok(tree) => match stage {
                Stage::Parse => true,
                Stage::Compile => compiler::compile(&tree, path, syntax::Mode::Module, 0).is_ok(),
            },
            Err(_) => false,
        };
        // Freeing the tree (and code) is part of the cost CPython pays too.
        elapsed += start.elapsed();
        if !ok {
            rejected += 1;
        }
    }
    let bytes: usize = sources.iter().map(|(_, s)| s.len()).sum();
    let verb = match stage {
        Stage::Parse => "parsed",
        Stage::Compile => "compiled",
    };
    print_or_exit(&format!(
        "{verb} {} files ({bytes} bytes, {rejected} rejected) in {:.6} s\n",
        sources.len(),
        elapsed.as_secs_f64()
    ));
    ExitCode::SUCCESS
}

#[cfg(test)]
mod tests {
    use super::*;

    fn args(list: &[&str]) -> Vec<String> {
        list.iter().map(|s| s.to_string()).collect()
    }

    #[test]
    fn dump_ast_takes_one_file() {
        assert_eq!(
            parse_args(&args(&["--dump-ast", "a.py"])),
            Ok(Command::DumpAst("a.py".into()))
        );
        assert!(parse_args(&args(&["--dump-ast"])).is_err());
        assert!(parse_args(&args(&["--dump-ast", "a.py", "b.py"])).is_err());
    }

    #[test]
    fn unknown_options_are_worded_like_cpython() {
        assert_eq!(
            parse_args(&args(&["--x"])),
            Err(UsageError("unknown option --x".into()))
        );
        assert_eq!(
            parse_args(&args(&["-z"])),
            Err(UsageError("Unknown option: -z".into()))
        );
    }

    #[test]
    fn version_and_help() {
        assert_eq!(parse_args(&args(&["--version"])), Ok(Command::Version));
        assert_eq!(parse_args(&args(&["-V"])), Ok(Command::Version));
        assert_eq!(parse_args(&args(&["-h"])), Ok(Command::Help));
    }

    #[test]
    fn errno_text_has_cpython_form() {
        let err = io::Error::from_raw_os_error(2);
        let text = errno_text(&err);
        assert!(text.starts_with("[Errno 2] "), "{text}");
        assert!(!text.contains("os error"), "{text}");
    }

    #[test]
    fn cant_open_shows_an_absolute_path() {
        let err = io::Error::from_raw_os_error(2);
        let msg = cant_open_message("missing/x.py", &err);
        let cwd = std::env::current_dir().unwrap();
        assert!(
            msg.starts_with(&format!("pyrite: can't open file '{}", cwd.display())),
            "{msg}"
        );
        assert!(
            msg.ends_with("x.py': [Errno 2] No such file or directory"),
            "{msg}"
        );
    }
}
