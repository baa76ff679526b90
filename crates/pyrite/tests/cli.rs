//! The command line of the `pyrite` binary: exit statuses and messages
//! follow CPython's (`python3 --x`, `python3 missing.py`). The tests named
//! `same_as_python3_*` run python3 (the oracle) with the same arguments
//! and compare; they are skipped when python3 is not CPython 3.11.

use std::path::PathBuf;
use std::process::{Command, Output};

fn pyrite(args: &[&str]) -> Output {
    Command::new(env!("CARGO_BIN_EXE_pyrite"))
        .args(args)
        .output()
        .expect("pyrite runs")
}

fn text(bytes: &[u8]) -> String {
    String::from_utf8_lossy(bytes).into_owned()
}

fn scratch_file(name: &str, contents: &[u8]) -> PathBuf {
    let dir = std::env::temp_dir().join(format!("pyrite-cli-test-{}", std::process::id()));
    std::fs::create_dir_all(&dir).expect("temp dir");
    let path = dir.join(name);
    std::fs::write(&path, contents).expect("write temp file");
    path
}

#[test]
fn unknown_long_option_is_a_usage_error() {
    let out = pyrite(&["--x"]);
    assert_eq!(out.status.code(), Some(2));
    let err = text(&out.stderr);
    let usage = format!("usage: {} [option] ... [-c cmd | -m mod | file | -] [arg] ...\n", env!("CARGO_BIN_EXE_pyrite"));
    assert_eq!(err, format!("unknown option --x\n{usage}Try `pyrite -h' for more information.\n"));
    assert!(out.stdout.is_empty());
}

#[test]
fn unknown_short_option_is_a_usage_error() {
    let out = pyrite(&["-z"]);
    assert_eq!(out.status.code(), Some(2));
    assert!(text(&out.stderr).starts_with("Unknown option: -z\nusage: "));
}

#[test]
fn missing_file_reports_the_absolute_path_and_errno() {
    let out = Command::new(env!("CARGO_BIN_EXE_pyrite"))
        .args(["--dump-ast", "no/such/file.py"])
        .current_dir(std::env::temp_dir())
        .output()
        .expect("pyrite runs");
    assert_eq!(out.status.code(), Some(2));
    let cwd = std::env::temp_dir().canonicalize().expect("temp dir");
    let expected = format!(
        "pyrite: can't open file '{}': [Errno 2] No such file or directory\n",
        cwd.join("no/such/file.py").display()
    );
    // The temporary folder may be reached through a symlink; compare the tail when it is.
    let err = text(&out.stderr);
    assert!(
        err == expected || err.ends_with("no/such/file.py': [Errno 2] No such file or directory\n"),
        "{err}"
    );
    assert!(err.starts_with("pyrite: can't open file '/"), "{err}");
}

#[test]
fn import_time_reports_each_import_once_with_nesting() {
    // Times vary, so the layout is checked (-S: site imports what the
    // machine's .pth files ask for): the header, then one line per
    // module finished, nested imports indented below their importer.
    let out = pyrite(&["-S", "-X", "importtime", "-c", "import abc"]);
    assert_eq!(out.status.code(), Some(0), "{}", text(&out.stderr));
    let err = text(&out.stderr);
    let lines: Vec<&str> = err.lines().collect();
    assert_eq!(lines.first(), Some(&"import time: self [us] | cumulative | imported package"));
    let names: Vec<String> = lines[1..]
        .iter()
        .map(|l| {
            let fields: Vec<&str> = l.split('|').collect();
            assert_eq!(fields.len(), 3, "{l}");
            assert!(fields[0].trim_start_matches("import time:").trim().parse::<u64>().is_ok(), "{l}");
            assert!(fields[1].trim().parse::<u64>().is_ok(), "{l}");
            fields[2].trim_end().to_string()
        })
        .collect();
    assert_eq!(names, ["   _abc", " abc"]);
}

#[test]
fn verbose_reports_each_module_imported_with_its_loader() {
    let out = pyrite(&["-v", "-c", "import keyword, itertools"]);
    assert_eq!(out.status.code(), Some(0), "{}", text(&out.stderr));
    let err = text(&out.stderr);
    assert!(err.lines().any(|l| l.starts_with("import 'keyword' # <") && l.contains("SourceFileLoader")), "{err}");
    assert!(err.lines().any(|l| l == "import 'itertools' # <class '_frozen_importlib.BuiltinImporter'>"), "{err}");
}

#[test]
fn verbose_narrates_the_module_teardown() {
    // CPython's finalize_modules messages, in its order: special names, every module removed,
    // the garbage ones destroyed, the survivors wiped last-imported first.
    let out = pyrite(&["-v", "-c", "import keyword, itertools\nkeep = itertools"]);
    assert_eq!(out.status.code(), Some(0), "{}", text(&out.stderr));
    let err = text(&out.stderr);
    let pos = |line: &str| err.lines().position(|l| l == line).unwrap_or_else(|| panic!("no {line:?} in {err}"));
    assert!(pos("# clear builtins._") < pos("# clear sys.path"));
    assert!(pos("# clear sys.__interactivehook__") < pos("# restore sys.stdin"));
    assert!(pos("# restore sys.stderr") < pos("# cleanup[2] removing __main__"));
    assert!(pos("# cleanup[2] removing itertools") < pos("# destroy keyword"));
    assert!(pos("# destroy keyword") < pos("# cleanup[3] wiping itertools"));
    assert!(pos("# cleanup[3] wiping itertools") < pos("# destroy itertools"));
    assert!(!err.contains("# cleanup[3] wiping keyword"), "{err}");
}

#[test]
fn version() {
    let out = pyrite(&["--version"]);
    assert_eq!(out.status.code(), Some(0));
    assert_eq!(text(&out.stdout), "Python 3.11.7\n");
    let out = pyrite(&["-VV"]);
    assert_eq!(text(&out.stdout), format!("Python 3.11.7 (pyrite {}) [rustc]\n", env!("CARGO_PKG_VERSION")));
}

#[test]
fn dump_ast_needs_a_file() {
    let out = pyrite(&["--dump-ast"]);
    assert_eq!(out.status.code(), Some(2));
    assert!(text(&out.stderr).starts_with("Argument expected for the --dump-ast option\n"));
}

#[test]
fn a_syntax_error_exits_with_1_and_names_the_file() {
    let path = scratch_file("bad.py", b"x = (1,\n");
    let out = pyrite(&["--dump-ast", path.to_str().expect("utf-8 temp path")]);
    assert_eq!(out.status.code(), Some(1));
    assert!(out.stdout.is_empty());
    let err = text(&out.stderr);
    assert!(
        err.starts_with(&format!("  File \"{}\", line ", path.display())),
        "{err}"
    );
    assert!(err.contains("SyntaxError: "), "{err}");
}

#[test]
fn parse_only_reports_a_time() {
    let path = scratch_file("empty.py", b"");
    let out = pyrite(&["--parse-only", path.to_str().expect("utf-8 temp path")]);
    assert_eq!(out.status.code(), Some(0));
    let stdout = text(&out.stdout);
    assert!(stdout.starts_with("parsed 1 files (0 bytes, "), "{stdout}");
    assert!(stdout.trim_end().ends_with(" s"), "{stdout}");
}

#[test]
fn compile_only_counts_rejections() {
    let good = scratch_file("compile_good.py", b"def f(x):\n    return x + 1\n");
    let bad = scratch_file("compile_bad.py", b"def f():\n    nonlocal x\n");
    let out = pyrite(&[
        "--compile-only",
        good.to_str().expect("utf-8 temp path"),
        bad.to_str().expect("utf-8 temp path"),
    ]);
    assert_eq!(out.status.code(), Some(0));
    let stdout = text(&out.stdout);
    assert!(stdout.starts_with("compiled 2 files ("), "{stdout}");
    assert!(stdout.contains(" 1 rejected) in "), "{stdout}");
}

// --- differential checks against python3 ----------------------------------

/// The oracle, if it is CPython 3.11 (else these tests are skipped).
fn oracle() -> Option<String> {
    let exe = std::env::var("PYRITE_PYTHON").unwrap_or_else(|_| String::from("python3"));
    let out = Command::new(&exe)
        .args(["-c", "import sys, platform; print(platform.python_implementation(), *sys.version_info[:2])"])
        .output()
        .ok()?;
    (text(&out.stdout).trim() == "CPython 3 11").then_some(exe)
}

/// A run's exit status as Python's subprocess reports it (-N: killed by signal N).
fn status_of(out: &Output) -> Option<i32> {
    use std::os::unix::process::ExitStatusExt;
    out.status.code().or_else(|| out.status.signal().map(|s| -s))
}

/// Run `exe args` with a clean environment plus `env`, stdin empty.
fn run_with(exe: &str, args: &[&str], env: &[(&str, &str)]) -> Output {
    let mut cmd = Command::new(exe);
    for (k, _) in std::env::vars_os() {
        if k.to_string_lossy().starts_with("PYTHON") {
            cmd.env_remove(k);
        }
    }
    cmd.env("PYTHONIOENCODING", "utf-8").envs(env.iter().copied()).args(args).stdin(std::process::Stdio::null());
    cmd.output().expect("interpreter runs")
}

/// The usage lines name the program as invoked, and the hint names
/// `python`: both are made neutral before comparing.
fn neutral(s: &str, exe: &str) -> String {
    s.replace(exe, "PROG").replace("Try `python -h'", "Try `pyrite -h'")
}

/// Run both interpreters; assert the same status, stdout and stderr.
fn same_as_python3(args: &[&str], env: &[(&str, &str)]) {
    let Some(python) = oracle() else {
        eprintln!("skipped: python3 is not CPython 3.11");
        return;
    };
    let pyrite_exe = env!("CARGO_BIN_EXE_pyrite");
    let want = run_with(&python, args, env);
    let got = run_with(pyrite_exe, args, env);
    let python_path = Command::new(&python)
        .args(["-c", "import sys; print(sys.executable)"])
        .output()
        .map(|o| text(&o.stdout).trim().to_string())
        .unwrap_or_default();
    let norm_want = |s: &[u8]| neutral(&neutral(&text(s), &python_path), &python);
    assert_eq!(status_of(&got), status_of(&want), "status of {args:?} {env:?}: stderr {}", text(&got.stderr));
    assert_eq!(neutral(&text(&got.stdout), pyrite_exe), norm_want(&want.stdout), "stdout of {args:?} {env:?}");
    assert_eq!(neutral(&text(&got.stderr), pyrite_exe), norm_want(&want.stderr), "stderr of {args:?} {env:?}");
}

#[test]
fn same_as_python3_usage_errors() {
    for args in [
        &["-z"][..],
        &["--foo"],
        &["--version=3"],
        &["-c"],
        &["-m"],
        &["-W"],
        &["-X"],
        &["-J"],
        &["-Sq", "-z"],
        &["--check-hash-based-pycs"],
        &["--check-hash-based-pycs", "sometimes", "-c", "pass"],
    ] {
        same_as_python3(args, &[]);
    }
}

#[test]
fn same_as_python3_help_and_version() {
    same_as_python3(&["-h"], &[]);
    same_as_python3(&["--help"], &[]);
    same_as_python3(&["-V"], &[]);
    same_as_python3(&["--version"], &[]);
}

#[test]
fn same_as_python3_fatal_configuration_errors() {
    same_as_python3(&["-X", "int_max_str_digits=1", "-c", "pass"], &[]);
    same_as_python3(&["-X", "int_max_str_digits", "-c", "pass"], &[]);
    same_as_python3(&["-X", "utf8=2", "-c", "pass"], &[]);
    same_as_python3(&["-c", "pass"], &[("PYTHONINTMAXSTRDIGITS", "5")]);
    same_as_python3(&["-c", "pass"], &[("PYTHONHASHSEED", "abc")]);
    same_as_python3(&["-c", "pass"], &[("PYTHONUTF8", "2")]);
    // -E: the environment is not read, so nothing is wrong.
    same_as_python3(&["-E", "-c", "print('ok')"], &[("PYTHONHASHSEED", "abc")]);
}

#[test]
fn same_as_python3_exit_statuses() {
    for code in [
        "pass",
        "raise SystemExit",
        "raise SystemExit(None)",
        "raise SystemExit(3)",
        "raise SystemExit(256 + 7)",
        "raise SystemExit(-1)",
        "raise SystemExit('bye')",
        "raise SystemExit(3, 4)",
        "import sys; sys.exit([1])",
        "1/0",
        "raise KeyboardInterrupt",
        "import sys; sys.stdout.write('x'); sys.stdout.close()",
    ] {
        same_as_python3(&["-c", code], &[]);
    }
    same_as_python3(&["--", "-c"], &[]);
    same_as_python3(&["no_such_file.py"], &[]);
}

#[test]
fn same_as_python3_environment_flags() {
    let show = "import sys; print(sys.flags, sys.warnoptions, sys._xoptions, sys.get_int_max_str_digits())";
    same_as_python3(&["-c", show], &[("PYTHONOPTIMIZE", "2"), ("PYTHONDEBUG", "x"), ("PYTHONDONTWRITEBYTECODE", "1")]);
    same_as_python3(&["-E", "-c", show], &[("PYTHONOPTIMIZE", "2"), ("PYTHONSAFEPATH", "1")]);
    same_as_python3(&["-I", "-c", show], &[("PYTHONNOUSERSITE", "1")]);
    same_as_python3(&["-c", show], &[("PYTHONWARNINGS", "ignore,default::DeprecationWarning"), ("PYTHONINTMAXSTRDIGITS", "1000")]);
    same_as_python3(&["-X", "dev", "-W", "error", "-bb", "-X", "int_max_str_digits=0", "-c", show], &[("PYTHONWARNINGS", "once")]);
    same_as_python3(&["-X", "utf8", "-X", "a=b=c", "-c", show], &[("PYTHONUTF8", "0")]);
    same_as_python3(&["-c", show], &[("PYTHONSAFEPATH", "1"), ("PYTHONINSPECT", "1"), ("PYTHONUNBUFFERED", "1")]);
    same_as_python3(&["-c", "import sys; print(sys.stdout.encoding, sys.stdout.errors, sys.stderr.errors)"], &[("PYTHONIOENCODING", "latin-1:replace")]);
}

#[test]
fn same_as_python3_flush_failure_is_120() {
    // A stdout whose flush fails at exit: reported, status 120 whatever the program's.
    let failing = "import sys\nclass W:\n    def __repr__(self): return 'W()'\n    def write(self, s): pass\n    def flush(self): raise ValueError('no flush')\n";
    same_as_python3(&["-c", &format!("{failing}sys.stdout = W()\n")], &[]);
    same_as_python3(&["-c", &format!("{failing}sys.stdout = W()\nraise SystemExit(3)\n")], &[]);
    // A failing stderr is not reported.
    same_as_python3(&["-c", &format!("{failing}sys.stderr = W()\n")], &[]);
}

#[test]
fn same_as_python3_closed_stdout_pipe() {
    // `pyrite -c "for i in range(10**5): print(i)" | head -1`
    let Some(python) = oracle() else { return };
    let run = |exe: &str| {
        let mut child = Command::new(exe)
            .args(["-c", "for i in range(10**5): print(i)"])
            .env("PYTHONIOENCODING", "utf-8")
            .stdout(std::process::Stdio::piped())
            .stderr(std::process::Stdio::piped())
            .spawn()
            .expect("interpreter runs");
        let mut first = [0u8; 2];
        let mut stdout = child.stdout.take().expect("piped stdout");
        std::io::Read::read_exact(&mut stdout, &mut first).expect("first line");
        drop(stdout);
        child.wait_with_output().expect("interpreter ends")
    };
    let (want, got) = (run(&python), run(env!("CARGO_BIN_EXE_pyrite")));
    assert_eq!(status_of(&got), status_of(&want), "{}", text(&got.stderr));
    assert_eq!(text(&got.stderr), text(&want.stderr));
}

/// Start `exe -c code`, wait for its "ready" line, send SIGINT, collect.
/// SIGINT is reset to its default action in the child, which a shell may
/// have left ignored (background jobs), and a child still alive after 20 s
/// is killed.
fn interrupt(exe: &str, code: &str) -> Output {
    use std::os::unix::process::CommandExt;
    let mut cmd = Command::new(exe);
    cmd.args(["-c", code])
        .env("PYTHONIOENCODING", "utf-8")
        .stdout(std::process::Stdio::piped())
        .stderr(std::process::Stdio::piped());
    // SAFETY: signal() is async-signal-safe, as pre_exec requires.
    unsafe {
        cmd.pre_exec(|| {
            libc::signal(libc::SIGINT, libc::SIG_DFL);
            Ok(())
        });
    }
    let mut child = cmd.spawn().expect("interpreter runs");
    let mut stdout = child.stdout.take().expect("piped stdout");
    let mut ready = [0u8; 6];
    std::io::Read::read_exact(&mut stdout, &mut ready).expect("ready line");
    assert_eq!(&ready, b"ready\n");
    // Let the program reach its wait, so both interpreters are interrupted there.
    std::thread::sleep(std::time::Duration::from_millis(300));
    // SAFETY: kill has no memory preconditions; the pid is our live child.
    unsafe { libc::kill(child.id() as libc::pid_t, libc::SIGINT) };
    let start = std::time::Instant::now();
    while child.try_wait().expect("wait").is_none() {
        if start.elapsed() > std::time::Duration::from_secs(20) {
            let _ = child.kill();
            break;
        }
        std::thread::sleep(std::time::Duration::from_millis(10));
    }
    let mut out = child.wait_with_output().expect("interpreter ends");
    std::io::Read::read_to_end(&mut stdout, &mut out.stdout).expect("rest of stdout");
    out
}

#[test]
fn same_as_python3_sigint_raises_keyboard_interrupt() {
    let Some(python) = oracle() else { return };
    // signal.pause() returns when the signal arrives; the handler then raises.
    let code = "import signal\nprint('ready', flush=True)\nwhile True:\n    signal.pause()\n";
    let (want, got) = (interrupt(&python, code), interrupt(env!("CARGO_BIN_EXE_pyrite"), code));
    assert_eq!(status_of(&want), Some(-2));
    assert_eq!(status_of(&got), Some(-2), "{}", text(&got.stderr));
    assert_eq!(text(&got.stderr), text(&want.stderr));
}

#[test]
fn same_as_python3_sigint_handler_and_exit() {
    let Some(python) = oracle() else { return };
    let code = "import signal, sys\n\
def h(sig, frame):\n    print('handler', sig, type(frame).__name__)\n    sys.exit(5)\n\
signal.signal(signal.SIGINT, h)\nprint('ready', flush=True)\nwhile True:\n    signal.pause()\n";
    let (want, got) = (interrupt(&python, code), interrupt(env!("CARGO_BIN_EXE_pyrite"), code));
    assert_eq!(status_of(&got), status_of(&want), "{}", text(&got.stderr));
    assert_eq!(text(&got.stdout), text(&want.stdout));
    assert_eq!(text(&got.stderr), text(&want.stderr));
}

#[test]
fn same_as_python3_sigint_interrupts_a_busy_loop() {
    let Some(python) = oracle() else { return };
    let code = "print('ready', flush=True)\nwhile True:\n    pass\n";
    let (want, got) = (interrupt(&python, code), interrupt(env!("CARGO_BIN_EXE_pyrite"), code));
    assert_eq!(status_of(&got), Some(-2));
    assert_eq!(text(&got.stderr), text(&want.stderr));
}

/// A fresh directory for one bytecode cache test.
fn cache_test_dir(name: &str) -> PathBuf {
    let dir = std::env::temp_dir().join(format!("pyrite-pyc-{name}-{}", std::process::id()));
    let _ = std::fs::remove_dir_all(&dir);
    std::fs::create_dir_all(&dir).expect("temp dir");
    dir
}

/// Run pyrite in `dir` with bytecode writing left to the arguments (the
/// environment may set PYTHONDONTWRITEBYTECODE).
fn pyrite_in(dir: &PathBuf, args: &[&str]) -> Output {
    Command::new(env!("CARGO_BIN_EXE_pyrite"))
        .args(args)
        .current_dir(dir)
        .env_remove("PYTHONDONTWRITEBYTECODE")
        .output()
        .expect("pyrite runs")
}

#[test]
fn an_import_writes_its_bytecode_cache_and_the_next_run_uses_it() {
    let dir = cache_test_dir("use");
    std::fs::write(dir.join("cached_mod.py"), "value = 'first'\n").expect("write");
    std::fs::create_dir_all(dir.join("cached_pkg")).expect("pkg dir");
    std::fs::write(dir.join("cached_pkg").join("__init__.py"), "name = 'pkg'\n").expect("write");
    let script = "import cached_mod, cached_pkg; print(cached_mod.value, cached_pkg.name, cached_mod.__cached__ == cached_mod.__spec__.cached)";
    std::fs::write(dir.join("main.py"), script).expect("write");
    let out = pyrite_in(&dir, &["main.py"]);
    assert_eq!(text(&out.stdout), "first pkg True\n", "{}", text(&out.stderr));
    let pyc = dir.join("__pycache__").join("cached_mod.pyrite-311.pyc");
    assert!(pyc.is_file(), "the import wrote {}", pyc.display());
    assert!(dir.join("cached_pkg").join("__pycache__").join("__init__.pyrite-311.pyc").is_file());
    // The script run as __main__ is not cached.
    assert!(!dir.join("__pycache__").join("main.pyrite-311.pyc").exists());
    let data = std::fs::read(&pyc).expect("read pyc");
    assert_eq!(&data[2..8], b"\r\n\0\0\0\0", "magic ends with \\r\\n; flags are 0");
    assert_eq!(u32::from_le_bytes([data[12], data[13], data[14], data[15]]), 16, "source size");

    // The second run loads the cache (as -v says) and gets the same module.
    let out = pyrite_in(&dir, &["-v", "main.py"]);
    assert_eq!(text(&out.stdout), "first pkg True\n");
    let err = text(&out.stderr);
    let shown = format!("# code object from '{}'", pyc.display());
    assert!(err.contains(&shown), "{err}");

    // A changed source (another size) makes the cache stale: recompiled and rewritten.
    std::fs::write(dir.join("cached_mod.py"), "value = 'second!'\n").expect("write");
    let out = pyrite_in(&dir, &["-v", "main.py"]);
    assert_eq!(text(&out.stdout), "second! pkg True\n");
    let err = text(&out.stderr);
    assert!(err.contains("# bytecode is stale for 'cached_mod'"), "{err}");
    assert!(err.contains(&format!("# created '{}'", pyc.display())), "{err}");
    let data = std::fs::read(&pyc).expect("read pyc");
    assert_eq!(u32::from_le_bytes([data[12], data[13], data[14], data[15]]), 18, "the new source's size");

    // A cache that is not ours (another magic number) is ignored and replaced.
    let mut foreign = data.clone();
    foreign[..4].copy_from_slice(&[0xa7, 0x0d, b'\r', b'\n']);
    std::fs::write(&pyc, &foreign).expect("write");
    let out = pyrite_in(&dir, &["main.py"]);
    assert_eq!(text(&out.stdout), "second! pkg True\n");
    assert_eq!(std::fs::read(&pyc).expect("read pyc"), data);

    // A damaged cache with a valid header is compiled over, never trusted:
    // the checksum of the marshal data after the header catches it.
    let mut damaged = data.clone();
    damaged.truncate(24);
    std::fs::write(&pyc, &damaged).expect("write");
    let out = pyrite_in(&dir, &["main.py"]);
    assert_eq!(text(&out.stdout), "second! pkg True\n", "{}", text(&out.stderr));
    assert_eq!(std::fs::read(&pyc).expect("read pyc"), data);
    let mut flipped = data.clone();
    let last = flipped.len() - 3;
    flipped[last] ^= 0x20;
    std::fs::write(&pyc, &flipped).expect("write");
    let out = pyrite_in(&dir, &["-v", "main.py"]);
    assert_eq!(text(&out.stdout), "second! pkg True\n", "{}", text(&out.stderr));
    let err = text(&out.stderr);
    assert!(err.contains(&format!("# bad checksum in '{}'", pyc.display())), "{err}");
    assert_eq!(std::fs::read(&pyc).expect("read pyc"), data);
    let _ = std::fs::remove_dir_all(&dir);
}

/// A module whose nested code objects have every kind of constant, name
/// and docstring: loaded from its cache (where nested code is read on
/// first use), it behaves as when compiled.
const LAZY_MODULE: &str = r#"
"""Module doc."""
import marshal

K = frozenset({1, 2})

def f(x, *args, y=3, **kw):
    """f's doc."""
    def inner(z):
        return x + z + len(args) + y
    return inner(10), 1.5, 2 ** 70, b"bytes", ("t", (1, None)), K

def g():
    return "not a doc"

async def co():
    return 1

def gen(n):
    yield from range(n)

class C:
    "C's doc."
    attr = 7
    def method(self):
        """method doc."""
        return [i * self.attr for i in range(3)]
    @property
    def prop(self):
        return lambda q: q * 2

def outer():
    a = 1
    def middle():
        b = 2
        def innermost():
            return a + b
        return innermost
    return middle()()

def never_called():
    """only its doc is read."""
    return undefined_name
"#;

const LAZY_MAIN: &str = r#"
import marshal, lazy_mod as m
print(m.__doc__, m.f.__doc__, m.g.__doc__, m.C.__doc__, m.C.method.__doc__, m.never_called.__doc__)
print(m.f(1, 2, 3, y=4, w=5))
print(m.g(), list(m.gen(3)), m.C().method(), m.C().prop(21), m.outer())
print(m.never_called.__name__, m.never_called.__qualname__, m.C.method.__qualname__, m.C.prop.fget.__qualname__)
c = m.f.__code__
print(c.co_varnames, c.co_cellvars, c.co_argcount, c.co_kwonlyargcount, c.co_flags, c.co_firstlineno)
print([x.co_name for x in c.co_consts if hasattr(x, "co_name")], m.co.__code__.co_flags & 0x80)
print(marshal.loads(marshal.dumps(m.outer.__code__)) == m.outer.__code__, m.never_called.__code__.co_names)
try:
    m.never_called()
except NameError as e:
    print("NameError", e)
"#;

#[test]
fn a_module_loaded_from_its_cache_behaves_as_compiled() {
    let dir = cache_test_dir("lazy");
    std::fs::write(dir.join("lazy_mod.py"), LAZY_MODULE).expect("write");
    std::fs::write(dir.join("main.py"), LAZY_MAIN).expect("write");
    let compiled = pyrite_in(&dir, &["main.py"]);
    assert!(dir.join("__pycache__").join("lazy_mod.pyrite-311.pyc").is_file());
    let cached = pyrite_in(&dir, &["-v", "main.py"]);
    assert!(text(&cached.stderr).contains("# code object from"), "{}", text(&cached.stderr));
    assert_eq!(text(&cached.stdout), text(&compiled.stdout), "{}", text(&compiled.stderr));
    if let Some(python) = oracle() {
        let want = Command::new(python).arg("main.py").current_dir(&dir).output().expect("python3 runs");
        assert_eq!(text(&cached.stdout), text(&want.stdout));
    }
    let _ = std::fs::remove_dir_all(&dir);
}

/// A cache made by hand can pass the checksum yet hold a function body
/// that does not decode: calling that function raises SystemError, and the
/// rest of the module works.
#[test]
fn an_undecodable_lazy_body_raises_system_error() {
    let dir = cache_test_dir("badbody");
    std::fs::write(dir.join("lz.py"), "def good():\n    return 'fine'\n\ndef bad(x, y=2):\n    return 'MARKER_lazy_body'\n").expect("write");
    let corrupt = r#"
import glob, zlib
path = glob.glob("__pycache__/lz.*.pyc")[0]
data = bytearray(open(path, "rb").read())
i = data.find(b"MARKER_lazy_body")
data[i - 2] = ord("!")  # the string's marshal type code becomes unknown
data[16:20] = zlib.crc32(bytes(data[20:])).to_bytes(4, "little")
open(path, "wb").write(data)
"#;
    std::fs::write(dir.join("corrupt.py"), corrupt).expect("write");
    let first = pyrite_in(&dir, &["-c", "import lz; print(lz.bad(1))"]);
    assert_eq!(text(&first.stdout), "MARKER_lazy_body\n", "{}", text(&first.stderr));
    let out = pyrite_in(&dir, &["corrupt.py"]);
    assert!(out.status.success(), "{}", text(&out.stderr));
    let code = "import lz\nprint(lz.good(), lz.bad.__name__)\ntry:\n    lz.bad(1)\nexcept SystemError as e:\n    print('SystemError', e)\nprint(lz.good())";
    let out = pyrite_in(&dir, &["-c", code]);
    assert_eq!(text(&out.stdout), "fine bad\nSystemError invalid bytecode\nfine\n", "{}", text(&out.stderr));
    let _ = std::fs::remove_dir_all(&dir);
}

#[test]
fn pycache_prefix_keeps_the_caches_in_one_folder() {
    let dir = cache_test_dir("prefix");
    std::fs::write(dir.join("pm.py"), "x = 3\n").expect("write");
    let code = "import sys, pm; print(sys.pycache_prefix, pm.x, pm.__cached__)";
    let out = pyrite_in(&dir, &["-X", "pycache_prefix=caches", "-c", code]);
    // As importlib: the source's absolute folder, under the prefix.
    let real = dir.canonicalize().expect("canonical");
    let rel = format!("{}/pm.pyrite-311.pyc", real.to_string_lossy().trim_start_matches('/'));
    assert_eq!(text(&out.stdout), format!("caches 3 caches/{rel}\n"), "{}", text(&out.stderr));
    assert!(dir.join("caches").join(&rel).is_file());
    assert!(!dir.join("__pycache__").exists());
    // The environment variable does the same; `-X pycache_prefix=` cancels it.
    let run_env = |args: &[&str]| {
        Command::new(env!("CARGO_BIN_EXE_pyrite"))
            .args(args)
            .current_dir(&dir)
            .env_remove("PYTHONDONTWRITEBYTECODE")
            .env("PYTHONPYCACHEPREFIX", "envcaches")
            .output()
            .expect("pyrite runs")
    };
    let out = run_env(&["-c", "import sys; print(sys.pycache_prefix)"]);
    assert_eq!(text(&out.stdout), "envcaches\n");
    let out = run_env(&["-X", "pycache_prefix=", "-c", code]);
    assert_eq!(text(&out.stdout), format!("None 3 {}\n", real.join("__pycache__").join("pm.pyrite-311.pyc").display()));
    let _ = std::fs::remove_dir_all(&dir);
}

#[test]
fn dont_write_bytecode_writes_no_cache() {
    let dir = cache_test_dir("nowrite");
    std::fs::write(dir.join("plain_mod.py"), "x = 1\n").expect("write");
    let out = pyrite_in(&dir, &["-B", "-c", "import sys, plain_mod; print(plain_mod.x, sys.dont_write_bytecode, plain_mod.__cached__ is not None)"]);
    assert_eq!(text(&out.stdout), "1 True True\n", "{}", text(&out.stderr));
    assert!(!dir.join("__pycache__").exists());
    let out = Command::new(env!("CARGO_BIN_EXE_pyrite"))
        .args(["-c", "import plain_mod"])
        .current_dir(&dir)
        .env("PYTHONDONTWRITEBYTECODE", "1")
        .output()
        .expect("pyrite runs");
    assert!(out.status.success());
    assert!(!dir.join("__pycache__").exists());
    // sys.dont_write_bytecode set by the program is honoured too.
    let out = pyrite_in(&dir, &["-c", "import sys; sys.dont_write_bytecode = True; import plain_mod"]);
    assert!(out.status.success());
    assert!(!dir.join("__pycache__").exists());
    let out = pyrite_in(&dir, &["-c", "import plain_mod"]);
    assert!(out.status.success());
    assert!(dir.join("__pycache__").join("plain_mod.pyrite-311.pyc").is_file());
    let _ = std::fs::remove_dir_all(&dir);
}

#[test]
fn an_unwritable_cache_directory_is_skipped_silently() {
    let dir = cache_test_dir("readonly");
    std::fs::write(dir.join("ro_mod.py"), "x = 2\n").expect("write");
    // A plain file where the cache directory would be: nothing can be written.
    std::fs::write(dir.join("__pycache__"), "").expect("write");
    let out = pyrite_in(&dir, &["-c", "import ro_mod; print(ro_mod.x)"]);
    assert_eq!(text(&out.stdout), "2\n");
    assert!(out.stderr.is_empty(), "{}", text(&out.stderr));
    let _ = std::fs::remove_dir_all(&dir);
}

#[test]
fn cache_tag_agrees_with_importlib() {
    let dir = cache_test_dir("tag");
    let out = pyrite_in(&dir, &["-c", "import sys; print(sys.implementation.cache_tag)"]);
    assert_eq!(text(&out.stdout), "pyrite-311\n");
    let _ = std::fs::remove_dir_all(&dir);
}
