//! The `pyrite` command: CPython 3.11's command line.
//!
//! `pyrite [option] ... [-c cmd | -m mod | file | -] [arg] ...`, with the
//! same options, messages and exit statuses for usage errors (2),
//! unreadable files (2), uncaught exceptions (1), flush failures (120) and
//! an uncaught KeyboardInterrupt (death by SIGINT). With no program and a
//! terminal on stdin it starts the interactive prompt (repl.rs).
//!
//! Hidden modes for the front end's tests and benchmarks:
//!
//! - `pyrite --dump-ast FILE`: print `ast.dump(ast.parse(src), include_attributes=True)`,
//!   or the SyntaxError as an uncaught one is printed;
//! - `pyrite --dis FILE`: print what `python3 -m dis FILE` prints, for our compiler;
//! - `pyrite --parse-only FILE...` and `pyrite --compile-only FILE...`: parse (or
//!   parse and compile) every file in one process and print the time spent.

mod repl;

use std::io::{self, Write};
use std::path::Path;
use std::process::ExitCode;
use std::time::{Duration, Instant};

use vm::runtime::config::{Config, RunTarget};

// The front end (and later the object heap) allocates many small blocks;
// mimalloc serves them far faster than the system allocator.
#[cfg(feature = "mimalloc")]
#[global_allocator]
static GLOBAL: mimalloc::MiMalloc = mimalloc::MiMalloc;

const PROGRAM: &str = "pyrite";

/// The usage line; `{}` is the program name as invoked.
fn usage_line(prog: &str) -> String {
    format!("usage: {prog} [option] ... [-c cmd | -m mod | file | -] [arg] ...")
}

const HELP: &str = "\
Options (and corresponding environment variables):
-b     : issue warnings about str(bytes_instance), str(bytearray_instance)
         and comparing bytes/bytearray with str. (-bb: issue errors)
-B     : don't write .pyc files on import; also PYTHONDONTWRITEBYTECODE=x
-c cmd : program passed in as string (terminates option list)
-d     : turn on parser debugging output (for experts only, only works on
         debug builds); also PYTHONDEBUG=x
-E     : ignore PYTHON* environment variables (such as PYTHONPATH)
-h     : print this help message and exit (also -? or --help)
-i     : inspect interactively after running script; forces a prompt even
         if stdin does not appear to be a terminal; also PYTHONINSPECT=x
-I     : isolate Python from the user's environment (implies -E and -s)
-m mod : run library module as a script (terminates option list)
-O     : remove assert and __debug__-dependent statements; add .opt-1 before
         .pyc extension; also PYTHONOPTIMIZE=x
-OO    : do -O changes and also discard docstrings; add .opt-2 before
         .pyc extension
-P     : don't prepend a potentially unsafe path to sys.path; also PYTHONSAFEPATH
-q     : don't print version and copyright messages on interactive startup
-s     : don't add user site directory to sys.path; also PYTHONNOUSERSITE
-S     : don't imply 'import site' on initialization
-u     : force the stdout and stderr streams to be unbuffered;
         this option has no effect on stdin; also PYTHONUNBUFFERED=x
-v     : verbose (trace import statements); also PYTHONVERBOSE=x
         can be supplied multiple times to increase verbosity
-V     : print the Python version number and exit (also --version)
         when given twice, print more information about the build
-W arg : warning control; arg is action:message:category:module:lineno
         also PYTHONWARNINGS=arg
-x     : skip first line of source, allowing use of non-Unix forms of #!cmd
-X opt : set implementation-specific option
--check-hash-based-pycs always|default|never:
         control how Python invalidates hash-based .pyc files
--help-env      : print help about Python environment variables and exit
--help-xoptions : print help about implementation-specific -X options and exit
--help-all      : print complete help information and exit
Arguments:
file   : program read from script file
-      : program read from stdin (default; interactive mode if a tty)
arg ...: arguments passed to program in sys.argv[1:]
";

const HELP_ENV: &str = "\
Environment variables that change behavior:
PYTHONSTARTUP: file executed on interactive startup (no default)
PYTHONPATH   : ':'-separated list of directories prefixed to the
               default module search path.  The result is sys.path.
PYTHONHOME   : alternate <prefix> directory (or <prefix>:<exec_prefix>).
               The default module search path uses <prefix>/lib/pythonX.X.
PYTHONIOENCODING: Encoding[:errors] used for stdin/stdout/stderr.
PYTHONHASHSEED: if this variable is set to 'random', a random value is used
   to seed the hashes of str and bytes objects.  It can also be set to an
   integer in the range [0,4294967295] to get hash values with a
   predictable seed.
PYTHONINTMAXSTRDIGITS: limits the maximum digit characters in an int value
   when converting from a string and when converting an int back to a str.
   A value of 0 disables the limit.  Conversions to or from bases 2, 4, 8,
   16, and 32 are never limited.
PYTHONDEVMODE: enable the development mode.
PYTHONWARNDEFAULTENCODING: enable opt-in EncodingWarning for 'encoding=None'.
These variables have equivalent command-line parameters (see --help for details):
PYTHONDEBUG             : enable parser debug mode (-d)
PYTHONDONTWRITEBYTECODE : don't write .pyc files (-B)
PYTHONINSPECT           : inspect interactively after running script (-i)
PYTHONINTMAXSTRDIGITS   : limit max digit characters in an int value
                          (-X int_max_str_digits=number)
PYTHONNOUSERSITE        : disable user site directory (-s)
PYTHONOPTIMIZE          : enable level 1 optimizations (-O)
PYTHONSAFEPATH          : don't prepend a potentially unsafe path to sys.path (-P)
PYTHONUNBUFFERED        : disable stdout/stderr buffering (-u)
PYTHONVERBOSE           : trace import statements (-v)
PYTHONWARNINGS=arg      : warning control (-W arg)
";

const HELP_XOPTIONS: &str = "\
The following implementation-specific options are available:

-X importtime: show how long each import takes. It shows module name,
    cumulative time (including nested imports) and self time (excluding
    nested imports). Note that its output may be broken in multi-threaded
    application. Typical usage is python3 -X importtime -c 'import asyncio'

-X dev: enable CPython's \"development mode\", introducing additional runtime
    checks which are too expensive to be enabled by default. Effect of the
    developer mode:
       * Add default warning filter, as -W default
       * Enable the faulthandler module to dump the Python traceback on a crash
       * Enable asyncio debug mode
       * Set the dev_mode attribute of sys.flags to True
       * io.IOBase destructor logs close() exceptions

-X utf8: enable UTF-8 mode for operating system interfaces, overriding the default
    locale-aware mode. -X utf8=0 explicitly disables UTF-8 mode (even when it would
    otherwise activate automatically)

-X warn_default_encoding: enable opt-in EncodingWarning for 'encoding=None'

-X int_max_str_digits=number: limit the size of int<->str conversions.
    This helps avoid denial of service attacks when parsing untrusted data.
    The default is sys.int_info.default_max_str_digits.  0 disables.
";

/// What the command line asks for.
#[derive(Debug, PartialEq, Eq)]
enum Command {
    Help,
    HelpEnv,
    HelpXoptions,
    HelpAll,
    /// `-V` (1) or `-VV` (2).
    Version(u32),
    DumpAst(String),
    Dis(String),
    /// Time the front end over many files (benchmarks).
    FrontEnd(Stage, Vec<String>),
    /// Run a program: the configuration the command line describes.
    Run(Box<Config>),
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
    match args.first().map(String::as_str) {
        Some("--dump-ast") => match &args[1..] {
            [file] => return Ok(Command::DumpAst(file.clone())),
            [] => return Err(UsageError(String::from("Argument expected for the --dump-ast option"))),
            [_, extra, ..] => return Err(UsageError(format!("unexpected argument {extra}"))),
        },
        Some("--dis") if args.len() == 2 => return Ok(Command::Dis(args[1].clone())),
        Some("--parse-only") => return Ok(Command::FrontEnd(Stage::Parse, args[1..].to_vec())),
        Some("--compile-only") => return Ok(Command::FrontEnd(Stage::Compile, args[1..].to_vec())),
        _ => {}
    }
    parse_run_args(args)
}

/// The interpreter's command line, as CPython's getopt reads it: short
/// options may be grouped (`-Sc CODE`) and take their argument attached
/// (`-cCODE`, `-Wd`) or as the next word; `-c`, `-m`, a script path, `-`
/// or `--` end the options, and what follows goes to sys.argv.
fn parse_run_args(args: &[String]) -> Result<Command, UsageError> {
    let mut config = Config::default();
    let mut version = 0;
    let mut i = 0;
    let mut target = None;
    'words: while i < args.len() {
        let a = args[i].as_str();
        if a == "--" {
            i += 1;
            break;
        }
        if !a.starts_with('-') || a == "-" {
            break;
        }
        if let Some(long) = a.strip_prefix("--") {
            match long {
                "help" => return Ok(Command::Help),
                "version" => version += 1,
                "help-env" => return Ok(Command::HelpEnv),
                "help-xoptions" => return Ok(Command::HelpXoptions),
                "help-all" => return Ok(Command::HelpAll),
                "check-hash-based-pycs" => {
                    let v = args.get(i + 1).ok_or_else(|| UsageError(String::from("Argument expected for the --check-hash-based-pycs options")))?;
                    if !matches!(v.as_str(), "default" | "always" | "never") {
                        return Err(UsageError(String::from("--check-hash-based-pycs must be one of 'default', 'always', or 'never'")));
                    }
                    i += 1;
                }
                _ => return Err(UsageError(format!("unknown option {a}"))),
            }
            i += 1;
            continue;
        }
        let letters: Vec<char> = a[1..].chars().collect();
        let mut j = 0;
        while j < letters.len() {
            let c = letters[j];
            if matches!(c, 'c' | 'm' | 'W' | 'X') {
                // The argument is the rest of this word, else the next word.
                let rest: String = letters[j + 1..].iter().collect();
                let value = if !rest.is_empty() {
                    rest
                } else {
                    i += 1;
                    args.get(i).cloned().ok_or_else(|| UsageError(format!("Argument expected for the -{c} option")))?
                };
                i += 1;
                match c {
                    'c' => {
                        // CPython appends a newline to the command.
                        target = Some(RunTarget::Command(value + "\n"));
                        break 'words;
                    }
                    'm' => {
                        target = Some(RunTarget::Module(value));
                        break 'words;
                    }
                    'W' => config.cmdline_warnoptions.push(value),
                    _ => config.xoptions.push(value),
                }
                continue 'words;
            }
            match c {
                'b' => config.bytes_warning += 1,
                'B' => config.dont_write_bytecode = true,
                'd' => config.parser_debug += 1,
                'E' => config.ignore_environment = true,
                'h' | '?' => return Ok(Command::Help),
                'i' => {
                    config.inspect = true;
                    config.interactive = true;
                }
                'I' => {
                    config.isolated = true;
                    config.ignore_environment = true;
                    config.no_user_site = true;
                    config.safe_path = true;
                }
                'O' => config.optimize += 1,
                'P' => config.safe_path = true,
                'q' => config.quiet = true,
                // -R (hash randomization) is always on; -t is ignored (as CPython).
                'R' | 't' => {}
                's' => config.no_user_site = true,
                'S' => config.no_site = true,
                'u' => config.unbuffered = true,
                'v' => config.verbose += 1,
                'V' => version += 1,
                'x' => config.skip_first_line = true,
                'J' => return Err(UsageError(String::from("-J is reserved for Jython"))),
                other => return Err(UsageError(format!("Unknown option: -{other}"))),
            }
            j += 1;
        }
        i += 1;
    }
    if version > 0 {
        return Ok(Command::Version(version));
    }
    let rest = &args[i.min(args.len())..];
    match target {
        Some(RunTarget::Command(code)) => {
            config.run = RunTarget::Command(code);
            config.argv = std::iter::once(String::from("-c")).chain(rest.iter().cloned()).collect();
        }
        Some(RunTarget::Module(m)) => {
            config.run = RunTarget::Module(m);
            config.argv = std::iter::once(String::from("-m")).chain(rest.iter().cloned()).collect();
        }
        _ => match rest.first() {
            Some(first) if first != "-" => {
                config.run = RunTarget::File(first.clone());
                config.argv = rest.to_vec();
            }
            Some(_) => {
                config.run = RunTarget::Stdin;
                config.argv = rest.to_vec();
            }
            None => {
                config.run = RunTarget::Stdin;
                config.argv = vec![String::new()];
            }
        },
    }
    Ok(Command::Run(Box::new(config)))
}

/// Complete the configuration from the environment; the error is the
/// text of CPython's fatal error.
fn finish_config(config: &mut Config, prog: &str, args: &[String]) -> Result<(), String> {
    config.orig_argv = std::iter::once(prog.to_string()).chain(args.iter().cloned()).collect();
    config.executable = std::env::current_exe().map(|p| p.display().to_string()).unwrap_or_default();
    let get = |name: &str| std::env::var(name).ok();
    config.read_env(&get)?;
    config.ctype_locale = vm::runtime::config::ctype_locale(&get);
    let c_locale = matches!(config.ctype_locale.as_str(), "C" | "POSIX");
    config.finish(c_locale)?;
    // Our own variables (PYRITE_STDLIB, PYRITE_LIB) are environment too.
    let ignore_env = config.ignore_environment;
    vm::runtime::pathconfig::complete_search_paths(config, &|k| if ignore_env && k.starts_with("PYRITE") { None } else { std::env::var(k).ok() });
    if let RunTarget::File(path) = &config.run {
        // CPython 3.11 makes the script path absolute (not normalised) for
        // __file__ and tracebacks; sys.argv[0] stays as given.
        if Path::new(path).is_relative() {
            if let Ok(cwd) = std::env::current_dir() {
                config.run = RunTarget::File(cwd.join(path).display().to_string());
            }
        }
    }
    Ok(())
}

fn main() -> ExitCode {
    let mut all = std::env::args();
    let prog = all.next().unwrap_or_else(|| PROGRAM.to_string());
    let args: Vec<String> = all.collect();
    match parse_args(&args) {
        Ok(Command::Help) => print_help(&prog, HELP),
        Ok(Command::HelpEnv) => print_help("", HELP_ENV),
        Ok(Command::HelpXoptions) => print_help("", HELP_XOPTIONS),
        Ok(Command::HelpAll) => print_help(&prog, &format!("{HELP}\n{HELP_ENV}\n{HELP_XOPTIONS}")),
        Ok(Command::Version(n)) => {
            let text = if n > 1 { vm::runtime::version_string() } else { String::from("3.11.7") };
            print_or_exit(&format!("Python {text}\n"));
            ExitCode::SUCCESS
        }
        Ok(Command::DumpAst(path)) => dump_ast(&path),
        // `python3 -m dis FILE`'s output for our compiler.
        Ok(Command::Dis(path)) => match read_source(&path).map(|src| compiler::dis::dis_source(&src, &path)) {
            Ok(Ok(text)) => {
                print_or_exit(&text);
                ExitCode::SUCCESS
            }
            Ok(Err(text)) => {
                eprint!("{text}");
                ExitCode::from(1)
            }
            Err(code) => code,
        },
        Ok(Command::FrontEnd(stage, paths)) => front_end(stage, &paths),
        Ok(Command::Run(mut config)) => match finish_config(&mut config, &prog, &args) {
            Ok(()) => run(*config),
            Err(msg) => {
                // The UTF-8 mode is read before the rest of the configuration.
                let state = if msg.starts_with("preconfig_") { "preinitializing" } else { "preinitialized" };
                eprint!("Fatal Python error: {msg}\nPython runtime state: {state}\n\n");
                ExitCode::from(1)
            }
        },
        Err(UsageError(msg)) => {
            eprintln!("{msg}\n{}\nTry `{PROGRAM} -h' for more information.", usage_line(&prog));
            ExitCode::from(2)
        }
    }
}

fn print_help(prog: &str, text: &str) -> ExitCode {
    if prog.is_empty() {
        print_or_exit(text);
    } else {
        print_or_exit(&format!("{}\n{text}", usage_line(prog)));
    }
    ExitCode::SUCCESS
}

/// Run a program: initialize the interpreter, run `__main__` (and the
/// prompt, if asked for), finalize.
fn run(config: Config) -> ExitCode {
    let seed = config.hash_seed.map(|s| s.to_string());
    let interp = match vm::runtime::lifecycle::Interpreter::initialize(config, seed) {
        Ok(i) => i,
        Err(msg) => {
            eprintln!("{msg}");
            return ExitCode::from(1);
        }
    };
    if let Some(banner) = interp.banner() {
        interp.write_stderr(&banner);
    }
    let status = if interp.repl_is_main() {
        interp.begin_interactive();
        match interp.run_startup_file().or_else(|| interp.run_interactive_hook()) {
            Some(status) => status,
            None => repl::run(&interp),
        }
    } else {
        let status = interp.run_main();
        if interp.repl_after_main() {
            interp.begin_interactive();
            interp.run_interactive_hook().unwrap_or_else(|| repl::run(&interp))
        } else {
            status
        }
    };
    let exit = interp.finalize(status);
    if exit.by_sigint {
        vm::modules::signal::exit_by_sigint();
    }
    ExitCode::from((exit.code & 0xff) as u8)
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
        assert_eq!(parse_args(&args(&["--version"])), Ok(Command::Version(1)));
        assert_eq!(parse_args(&args(&["-V"])), Ok(Command::Version(1)));
        assert_eq!(parse_args(&args(&["-VV"])), Ok(Command::Version(2)));
        assert_eq!(parse_args(&args(&["-V", "--version"])), Ok(Command::Version(2)));
        assert_eq!(parse_args(&args(&["-h"])), Ok(Command::Help));
        assert_eq!(parse_args(&args(&["-?"])), Ok(Command::Help));
        // python3 -V -z: the bad option is reported first.
        assert_eq!(parse_args(&args(&["-V", "-z"])), Err(UsageError("Unknown option: -z".into())));
    }

    fn config_of(list: &[&str]) -> Config {
        match parse_args(&args(list)) {
            Ok(Command::Run(c)) => *c,
            other => panic!("{list:?} gave {other:?}"),
        }
    }

    #[test]
    fn grouped_options_and_attached_arguments() {
        // python3 -Sc 'print(1)' and -cprint(2): the code is the rest of the word.
        let c = config_of(&["-Sc", "print(1)", "x"]);
        assert!(c.no_site);
        assert_eq!(c.run, RunTarget::Command("print(1)\n".into()));
        assert_eq!(c.argv, ["-c", "x"]);
        let c = config_of(&["-cprint(2)"]);
        assert_eq!(c.run, RunTarget::Command("print(2)\n".into()));
        let c = config_of(&["-Wd", "-W", "error", "-Xdev", "-X", "utf8", "-OO", "-vv", "-bb", "-c", "pass"]);
        assert_eq!(c.cmdline_warnoptions, ["d", "error"]);
        assert_eq!(c.xoptions, ["dev", "utf8"]);
        assert_eq!((c.optimize, c.verbose, c.bytes_warning), (2, 2, 2));
    }

    #[test]
    fn program_selection_and_argv() {
        let c = config_of(&["script.py", "-c", "x"]);
        assert_eq!(c.run, RunTarget::File("script.py".into()));
        assert_eq!(c.argv, ["script.py", "-c", "x"]);
        let c = config_of(&["-", "a"]);
        assert_eq!((c.run, c.argv), (RunTarget::Stdin, vec!["-".to_string(), "a".to_string()]));
        let c = config_of(&["-q"]);
        assert_eq!((c.run, c.argv), (RunTarget::Stdin, vec![String::new()]));
        // `--` ends the options: python3 -- -c runs a file named -c.
        let c = config_of(&["--", "-c"]);
        assert_eq!(c.run, RunTarget::File("-c".into()));
        let c = config_of(&["-m", "mod", "-v"]);
        assert_eq!((c.run, c.argv, c.verbose), (RunTarget::Module("mod".into()), vec!["-m".to_string(), "-v".to_string()], 0));
        let c = config_of(&["-I", "-i", "-c", "pass"]);
        assert!(c.isolated && c.ignore_environment && c.no_user_site && c.safe_path && c.inspect && c.interactive);
    }

    #[test]
    fn usage_errors_are_worded_like_cpython() {
        // Messages from python3 3.11 with the same arguments.
        let err = |l: &[&str]| parse_args(&args(l)).err().map(|UsageError(m)| m);
        assert_eq!(err(&["-c"]).as_deref(), Some("Argument expected for the -c option"));
        assert_eq!(err(&["-X"]).as_deref(), Some("Argument expected for the -X option"));
        assert_eq!(err(&["-J"]).as_deref(), Some("-J is reserved for Jython"));
        assert_eq!(err(&["--version=3"]).as_deref(), Some("unknown option --version=3"));
        assert_eq!(err(&["--check-hash-based-pycs"]).as_deref(), Some("Argument expected for the --check-hash-based-pycs options"));
        assert_eq!(
            err(&["--check-hash-based-pycs", "x"]).as_deref(),
            Some("--check-hash-based-pycs must be one of 'default', 'always', or 'never'")
        );
        assert_eq!(err(&["-Sz"]).as_deref(), Some("Unknown option: -z"));
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
