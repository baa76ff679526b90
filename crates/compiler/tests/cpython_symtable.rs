//! Compare our symbol tables with CPython 3.11's on the cases of
//! tests/symtable_cases.txt. CPython parses each case and prints its tree
//! and table (tools/cpython_cases.py); each case is checked on CPython's
//! tree (the symbol table pass alone) and on our parser's. Skipped without
//! python3 3.11.

#[path = "../examples/symtable_dump/ast_json.rs"]
mod ast_json;
#[path = "../examples/symtable_dump/json_support.rs"]
mod json_support;
#[path = "../examples/symtable_dump/run.rs"]
mod run;

use std::path::Path;
use std::process::Command;

fn python311() -> bool {
    Command::new("python3")
        .args([
            "-c",
            "import sys; sys.exit(sys.version_info[:2] != (3, 11))",
        ])
        .status()
        .is_ok_and(|s| s.success())
}

#[test]
fn symbol_tables_match_cpython() {
    if !python311() {
        eprintln!("skipped: python3 is not CPython 3.11");
        return;
    }
    let dir = Path::new(env!("CARGO_MANIFEST_DIR"));
    // SYMTABLE_CASES names another cases file (e.g. snippets harvested by
    // tools/harvest_snippets.py).
    let cases_file =
        std::env::var_os("SYMTABLE_CASES").map_or(dir.join("tests/symtable_cases.txt"), Into::into);
    let output = Command::new("python3")
        .arg(dir.join("tools/cpython_cases.py"))
        .arg(cases_file)
        .output()
        .expect("run python3");
    assert!(
        output.status.success(),
        "{}",
        String::from_utf8_lossy(&output.stderr)
    );
    let cases: serde_json::Value =
        serde_json::from_slice(&output.stdout).expect("JSON from cpython_cases.py");
    let cases = cases.as_array().expect("a list of cases");
    let mut failures = Vec::new();
    let mut compared = 0;
    for case in cases {
        if case["tree"].is_null() {
            continue;
        }
        compared += 1;
        let source = case["source"].as_str().unwrap_or_default();
        let expected = case["expected"].as_str().unwrap_or_default();
        let tree = ast_json::read_mod(&case["tree"]);
        let got = run::dump_tree(&tree, "case.py");
        if got != expected {
            failures.push(format!(
                "--- source:\n{source}--- CPython:\n{expected}--- ours:\n{got}"
            ));
        }
        // The same through our parser.
        let got = match syntax::parse_str(source, "case.py", syntax::Mode::Module) {
            Ok(tree) => run::dump_tree(&tree, "case.py"),
            Err(e) => format!(
                "parse error: {}: {} ({}, {})\n",
                e.kind.name(),
                e.msg,
                e.lineno,
                e.offset
            ),
        };
        if got != expected {
            failures.push(format!(
                "--- source:\n{source}--- CPython:\n{expected}--- ours, parsed by us:\n{got}"
            ));
        }
    }
    assert!(compared > 50, "only {compared} cases compared");
    let shown: Vec<&String> = failures.iter().take(30).collect();
    assert!(
        failures.is_empty(),
        "{} of {compared} cases differ:\n{shown:#?}",
        failures.len()
    );
    eprintln!("{compared} cases match CPython");
}
