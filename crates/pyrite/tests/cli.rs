//! The command line of the `pyrite` binary: exit statuses and messages
//! follow CPython's (`python3 --x`, `python3 missing.py`).

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
    assert!(
        err.starts_with("unknown option --x\nusage: pyrite "),
        "{err}"
    );
    assert!(
        err.ends_with("Try `pyrite -h' for more information.\n"),
        "{err}"
    );
    assert!(out.stdout.is_empty());
}

#[test]
fn unknown_short_option_is_a_usage_error() {
    let out = pyrite(&["-z"]);
    assert_eq!(out.status.code(), Some(2));
    assert!(text(&out.stderr).starts_with("Unknown option: -z\nusage: pyrite "));
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
fn version() {
    let out = pyrite(&["--version"]);
    assert_eq!(out.status.code(), Some(0));
    assert_eq!(
        text(&out.stdout),
        format!("Pyrite {} (Python 3.11)\n", env!("CARGO_PKG_VERSION"))
    );
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
