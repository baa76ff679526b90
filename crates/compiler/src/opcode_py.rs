//! The text of `lib/opcode.py`: CPython 3.11's `opcode` module with our
//! instruction numbers, so the standard library's `dis` (which imports it)
//! disassembles our code objects. A test keeps the committed file equal to
//! this text; `PYRITE_BLESS=1 cargo test -p pyrite-compiler --test opcode_py`
//! rewrites it after the instruction set changes.

use crate::opcode::{Opcode, ALL, HAVE_ARGUMENT, NB_OPS};

/// Names of BINARY_OP's arguments, in NB_* order (CPython's `_nb_ops`).
const NB_NAMES: [&str; 13] = [
    "ADD", "AND", "FLOOR_DIVIDE", "LSHIFT", "MATRIX_MULTIPLY", "MULTIPLY", "REMAINDER", "OR", "POWER", "RSHIFT",
    "SUBTRACT", "TRUE_DIVIDE", "XOR",
];

/// The layout of each family's inline cache, as `dis` shows it (CPython's `_cache_format`).
const CACHE_FORMAT: &[(&str, &[(&str, u8)])] = &[
    ("LOAD_GLOBAL", &[("counter", 1), ("index", 1), ("module_keys_version", 2), ("builtin_keys_version", 1)]),
    ("BINARY_OP", &[("counter", 1)]),
    ("UNPACK_SEQUENCE", &[("counter", 1)]),
    ("COMPARE_OP", &[("counter", 1), ("mask", 1)]),
    ("BINARY_SUBSCR", &[("counter", 1), ("type_version", 2), ("func_version", 1)]),
    ("LOAD_ATTR", &[("counter", 1), ("version", 2), ("index", 1)]),
    ("STORE_ATTR", &[("counter", 1), ("version", 2), ("index", 1)]),
    ("LOAD_METHOD", &[("counter", 1), ("type_version", 2), ("dict_offset", 1), ("keys_version", 2), ("descr", 4)]),
    ("CALL", &[("counter", 1), ("func_version", 2), ("min_args", 1)]),
    ("PRECALL", &[("counter", 1)]),
    ("STORE_SUBSCR", &[("counter", 1)]),
];

fn list(out: &mut String, name: &str, ops: impl Iterator<Item = Opcode>) {
    let nums: Vec<String> = ops.map(|o| (o as u8).to_string()).collect();
    out.push_str(&format!("{name} = [{}]\n", nums.join(", ")));
}

/// The module's source.
pub fn source() -> String {
    let base = || ALL.iter().copied().filter(|o| !o.is_specialized());
    let mut out = String::new();
    out.push_str(
        r#""""
opcode module - shared between dis and other modules which operate on
bytecodes. Pyrite's instruction set is CPython 3.11's with its own numbers;
this file is generated from it (crates/compiler/src/opcode_py.rs).
"""

__all__ = ["cmp_op", "hasconst", "hasname", "hasjrel", "hasjabs",
           "haslocal", "hascompare", "hasfree", "opname", "opmap",
           "HAVE_ARGUMENT", "EXTENDED_ARG", "hasnargs"]

try:
    from _opcode import stack_effect
    __all__.append('stack_effect')
except ImportError:
    pass

cmp_op = ('<', '<=', '==', '!=', '>', '>=')

"#,
    );
    list(&mut out, "hasconst", base().filter(|o| o.has_const()));
    list(&mut out, "hasname", base().filter(|o| o.has_name()));
    list(&mut out, "hasjrel", base().filter(|o| o.has_jump()));
    out.push_str("hasjabs = []\n");
    list(&mut out, "haslocal", base().filter(|o| o.has_local()));
    list(&mut out, "hascompare", base().filter(|o| o.has_compare()));
    list(&mut out, "hasfree", base().filter(|o| o.has_free()));
    out.push_str("hasnargs = [] # unused\n\n");
    out.push_str("# The generic instructions; the numbers of specialized ones stay '<n>' as in CPython.\n");
    out.push_str("opmap = {\n");
    for o in base() {
        out.push_str(&format!("    '{}': {},\n", o.name(), o as u8));
    }
    out.push_str("}\nopname = ['<%r>' % (op,) for op in range(256)]\nfor _name, _op in opmap.items():\n    opname[_op] = _name\ndel _name, _op\n\n");
    out.push_str(&format!("HAVE_ARGUMENT = {HAVE_ARGUMENT}\nEXTENDED_ARG = {}\n\n", Opcode::EXTENDED_ARG as u8));
    out.push_str("_nb_ops = [\n");
    for (i, sym) in NB_OPS.iter().enumerate() {
        let name = if i < 13 { format!("NB_{}", NB_NAMES[i]) } else { format!("NB_INPLACE_{}", NB_NAMES[i - 13]) };
        out.push_str(&format!("    (\"{name}\", \"{sym}\"),\n"));
    }
    out.push_str("]\n\n_specializations = {\n");
    for b in base() {
        let family: Vec<Opcode> = ALL.iter().copied().filter(|o| o.is_specialized() && o.deopt() == b).collect();
        if family.is_empty() {
            continue;
        }
        out.push_str(&format!("    \"{}\": [\n", b.name()));
        for o in family {
            out.push_str(&format!("        \"{}\",\n", o.name()));
        }
        out.push_str("    ],\n");
    }
    out.push_str("}\n# By number: `dis` gives them the free slots of `opname` in this order.\n_specialized_instructions = [\n");
    for o in ALL.iter().filter(|o| o.is_specialized()) {
        out.push_str(&format!("    \"{}\",\n", o.name()));
    }
    out.push_str("]\n_specialization_stats = [\n    \"success\",\n    \"failure\",\n    \"hit\",\n    \"deferred\",\n    \"miss\",\n    \"deopt\",\n]\n\n_cache_format = {\n");
    for (name, fields) in CACHE_FORMAT {
        let f: Vec<String> = fields.iter().map(|(n, s)| format!("\"{n}\": {s}")).collect();
        out.push_str(&format!("    \"{name}\": {{{}}},\n", f.join(", ")));
    }
    out.push_str("}\n\n_inline_cache_entries = [\n    sum(_cache_format.get(opname[opcode], {}).values()) for opcode in range(256)\n]\n");
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn cache_formats_match_the_instruction_set() {
        for (name, fields) in CACHE_FORMAT {
            let op = Opcode::from_name(name).expect("known opcode");
            assert_eq!(fields.iter().map(|f| f.1 as usize).sum::<usize>(), op.cache_entries(), "{name}");
        }
        for op in ALL.iter().filter(|o| !o.is_specialized() && o.cache_entries() > 0) {
            assert!(CACHE_FORMAT.iter().any(|(n, _)| *n == op.name()), "{} has caches", op.name());
        }
    }
}
