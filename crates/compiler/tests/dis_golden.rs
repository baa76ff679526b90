//! Golden tests: the disassembly of each `tests/dis/NAME.py` must equal
//! `tests/dis/NAME.dis`, which is `python3 -m dis NAME.py` (CPython 3.11)
//! with code object addresses replaced by `0x0000`.

use std::path::Path;

#[test]
fn disassembly_matches_cpython() {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/dis");
    let mut checked = 0;
    let mut failures = Vec::new();
    let mut entries: Vec<_> = std::fs::read_dir(&dir)
        .unwrap()
        .flatten()
        .map(|e| e.path())
        .collect();
    entries.sort();
    for path in entries {
        if path.extension().is_none_or(|e| e != "py") {
            continue;
        }
        let name = path.file_name().unwrap().to_string_lossy().to_string();
        let source = std::fs::read(&path).unwrap();
        let expected = std::fs::read_to_string(path.with_extension("dis")).unwrap();
        let actual = compiler::dis::dis_source(&source, &name).unwrap_or_else(|e| e);
        if actual != expected {
            let first = expected
                .lines()
                .zip(actual.lines())
                .position(|(a, b)| a != b)
                .unwrap_or(expected.lines().count().min(actual.lines().count()));
            failures.push(format!(
                "{name}: first difference at line {}:\n  expected: {:?}\n  actual:   {:?}",
                first + 1,
                expected.lines().nth(first),
                actual.lines().nth(first)
            ));
        }
        checked += 1;
    }
    assert!(checked >= 10, "golden files missing");
    assert!(failures.is_empty(), "{}", failures.join("\n"));
}
