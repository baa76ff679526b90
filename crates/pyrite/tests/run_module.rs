//! `pyrite -m module` and `pyrite -m package`, run from tests/run/imports
//! (whose helper packages they execute); expected texts are what
//! `python3 -m ...` prints there, the program name aside.

use std::path::Path;
use std::process::{Command, Output};

fn run_m(args: &[&str]) -> Output {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("../../tests/run/imports");
    Command::new(env!("CARGO_BIN_EXE_pyrite"))
        .arg("-m")
        .args(args)
        .current_dir(dir)
        .env_remove("PYTHONPATH")
        .output()
        .expect("pyrite runs")
}

fn text(bytes: &[u8]) -> String {
    String::from_utf8_lossy(bytes).into_owned()
}

const RUNPKG_OUTPUT: &str = "running __main__ _runpkg _runpkg.__main__\n\
argv ['_runpkg', '__main__.py'] ['a', 'b']\n\
path0 is cwd True\n\
relative import from __main__ works\n";

#[test]
fn package_runs_its_main() {
    let out = run_m(&["_runpkg", "a", "b"]);
    assert_eq!(text(&out.stderr), "");
    assert_eq!(text(&out.stdout), RUNPKG_OUTPUT);
    assert_eq!(out.status.code(), Some(0));
}

#[test]
fn submodule_runs_as_main() {
    let out = run_m(&["_ipkg._leaf"]);
    assert_eq!(
        text(&out.stdout),
        "  _ipkg init, __name__ = _ipkg __package__ = _ipkg\n  _ipkg._leaf runs, __name__ = _ipkg._leaf __package__ = _ipkg\n  _ipkg._leaf runs, __name__ = __main__ __package__ = _ipkg\n"
    );
    assert_eq!(out.status.code(), Some(0));
}

#[test]
fn missing_module_is_reported() {
    let out = run_m(&["_nope"]);
    assert_eq!(out.status.code(), Some(1));
    assert!(text(&out.stderr).ends_with(": No module named _nope\n"), "{}", text(&out.stderr));
    let out = run_m(&["_nope.x"]);
    assert_eq!(out.status.code(), Some(1));
    assert!(
        text(&out.stderr).ends_with(": Error while finding module specification for '_nope.x' (ModuleNotFoundError: No module named '_nope')\n"),
        "{}",
        text(&out.stderr)
    );
}

#[test]
fn package_without_main_is_reported() {
    let out = run_m(&["_ipkg"]);
    assert_eq!(out.status.code(), Some(1));
    assert!(
        text(&out.stderr).ends_with(": No module named _ipkg.__main__; '_ipkg' is a package and cannot be directly executed\n"),
        "{}",
        text(&out.stderr)
    );
}

#[test]
fn errors_in_the_module_are_tracebacks() {
    let out = run_m(&["_raises_on_import"]);
    assert_eq!(out.status.code(), Some(1));
    let err = text(&out.stderr);
    assert!(err.starts_with("Traceback (most recent call last):\n"), "{err}");
    assert!(err.ends_with("ValueError: module body failed\n"), "{err}");
}
