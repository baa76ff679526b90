//! `lib/opcode.py` is the text `opcode_py::source()` generates from the
//! instruction set (`PYRITE_BLESS=1` rewrites it).

use std::path::Path;

#[test]
fn lib_opcode_py_is_current() {
    let path = Path::new(env!("CARGO_MANIFEST_DIR")).join("../../lib/opcode.py");
    let want = compiler::opcode_py::source();
    if std::env::var_os("PYRITE_BLESS").is_some() {
        std::fs::write(&path, &want).expect("write lib/opcode.py");
    }
    let have = std::fs::read_to_string(&path).unwrap_or_default();
    assert!(have == want, "lib/opcode.py is out of date: run PYRITE_BLESS=1 cargo test -p pyrite-compiler --test opcode_py");
}
