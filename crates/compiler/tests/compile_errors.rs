//! Compile-time errors: message, line and column as python3's `compile()`
//! reports them (the table was produced by running each source through
//! CPython 3.11). Errors the parser or the symbol table raise first are
//! included too: what matters is what `compile()` reports.

type Case = (&'static str, Option<(&'static str, u32, u32)>);

const CASES: &[Case] = &[
    ("return 1", Some(("'return' outside function", 1, 1))),
    ("class C:\n    return", Some(("'return' outside function", 2, 5))),
    ("break", Some(("'break' outside loop", 1, 1))),
    ("continue", Some(("'continue' not properly in loop", 1, 1))),
    ("def f():\n    for x in y:\n        pass\n    break", Some(("'break' outside loop", 4, 5))),
    ("yield 1", Some(("'yield' outside function", 1, 1))),
    ("class C:\n    yield", Some(("'yield' outside function", 2, 5))),
    ("await x", Some(("'await' outside function", 1, 1))),
    ("def f():\n    await x", Some(("'await' outside async function", 2, 5))),
    ("def f():\n    async for x in y: pass", Some(("'async for' outside async function", 2, 5))),
    ("def f():\n    async with x: pass", Some(("'async with' outside async function", 2, 5))),
    ("async def f():\n    yield 1\n    return 2", Some(("'return' with value in async generator", 3, 5))),
    ("*a = 1", Some(("starred assignment target must be in a list or tuple", 1, 1))),
    ("a, *b, *c = d", Some(("multiple starred expressions in assignment", 1, 1))),
    ("print(*a for a in b)", Some(("iterable unpacking cannot be used in comprehension", 1, 7))),
    ("f(x=1, x=2)", Some(("keyword argument repeated: x", 1, 8))),
    ("f(**a, x=1, x=2)", Some(("keyword argument repeated: x", 1, 13))),
    ("try:\n    pass\nexcept* E:\n    break", Some(("'break', 'continue' and 'return' cannot appear in an except* block", 4, 5))),
    ("for x in y:\n    try:\n        pass\n    except* E:\n        continue", Some(("'break', 'continue' and 'return' cannot appear in an except* block", 5, 9))),
    ("def f():\n    try:\n        pass\n    except* E:\n        return", Some(("'break', 'continue' and 'return' cannot appear in an except* block", 5, 9))),
    ("def f():\n    [x async for x in y]", Some(("asynchronous comprehension outside of an asynchronous function", 2, 5))),
    ("match x:\n    case a:\n        pass\n    case b:\n        pass", Some(("name capture 'a' makes remaining patterns unreachable", 2, 10))),
    ("match x:\n    case _:\n        pass\n    case b:\n        pass", Some(("wildcard makes remaining patterns unreachable", 2, 10))),
    ("match x:\n    case [a, a]:\n        pass", Some(("multiple assignments to name 'a' in pattern", 2, 14))),
    ("match x:\n    case a | [b]:\n        pass", Some(("name capture 'a' makes remaining patterns unreachable", 2, 10))),
    ("match x:\n    case {'a': 1, 'a': 2}:\n        pass", Some(("mapping pattern checks duplicate key ('a')", 2, 10))),
    ("match x:\n    case C(a=1, a=2):\n        pass", Some(("attribute name repeated in class pattern: a", 2, 19))),
    ("match x:\n    case f(1):\n        pass", None),
    ("match x:\n    case [*a, *b]:\n        pass", Some(("multiple starred names in sequence pattern", 2, 10))),
    ("for x0 in y:\n    for x1 in y:\n        for x2 in y:\n            for x3 in y:\n                for x4 in y:\n                    for x5 in y:\n                        for x6 in y:\n                            for x7 in y:\n                                for x8 in y:\n                                    for x9 in y:\n                                        for x10 in y:\n                                            for x11 in y:\n                                                for x12 in y:\n                                                    for x13 in y:\n                                                        for x14 in y:\n                                                            for x15 in y:\n                                                                for x16 in y:\n                                                                    for x17 in y:\n                                                                        for x18 in y:\n                                                                            for x19 in y:\n                                                                                for x20 in y:\n                                                                                    pass", Some(("too many statically nested blocks", 21, 81))),
    ("while x:\n    while x:\n        while x:\n            while x:\n                while x:\n                    while x:\n                        while x:\n                            while x:\n                                while x:\n                                    while x:\n                                        while x:\n                                            while x:\n                                                while x:\n                                                    while x:\n                                                        while x:\n                                                            while x:\n                                                                while x:\n                                                                    while x:\n                                                                        while x:\n                                                                            while x:\n                                                                                pass", None),
    ("x = yield", Some(("'yield' outside function", 1, 5))),
    ("def f():\n    x = [(yield) for y in z]", Some(("'yield' inside list comprehension", 2, 11))),
    ("f(*a, x=1, **b, x=2)", Some(("keyword argument repeated: x", 1, 17))),
];

#[test]
fn compile_errors_match_cpython() {
    let mut failures = Vec::new();
    for (src, expected) in CASES {
        let result = syntax::parse_str(src, "<test>", syntax::Mode::Module)
            .map_err(compiler::CompileError::Syntax)
            .and_then(|tree| {
                compiler::compile(&tree, "<test>", syntax::Mode::Module, 0).map(|_| ())
            });
        let actual = match result {
            Ok(()) => None,
            Err(compiler::CompileError::Syntax(e)) => Some((e.msg.clone(), e.lineno, e.offset)),
            Err(other) => Some((format!("{}: {}", other.type_name(), other.message()), 0, 0)),
        };
        let expected = expected.map(|(m, l, o)| (m.to_string(), l, o));
        if actual != expected {
            failures.push(format!(
                "{src:?}\n  expected {expected:?}\n  actual   {actual:?}"
            ));
        }
    }
    assert!(
        failures.is_empty(),
        "{} of {} differ:\n{}",
        failures.len(),
        CASES.len(),
        failures.join("\n")
    );
}

/// Deeply nested input compiles or fails cleanly, never overflowing the stack.
#[test]
fn deep_nesting_does_not_overflow() {
    let sources = [
        format!("x = {}1", "-".repeat(2500)),
        format!("x = {}1{}", "(".repeat(190), ")".repeat(190)),
        format!("x = {}", "a + ".repeat(3000) + "a"),
        format!("x = {}", "f(".repeat(190) + &")".repeat(190)),
    ];
    for src in &sources {
        if let Ok(tree) = syntax::parse_str(src, "<deep>", syntax::Mode::Module) {
            let _ = compiler::compile(&tree, "<deep>", syntax::Mode::Module, 0);
        }
    }
}

#[test]
fn late_future_import() {
    let src = "import os\nfrom __future__ import annotations\n";
    let tree = syntax::parse_str(src, "<test>", syntax::Mode::Module).unwrap();
    match compiler::compile(&tree, "<test>", syntax::Mode::Module, 0) {
        Err(compiler::CompileError::Syntax(e)) => {
            assert_eq!(
                e.msg,
                "from __future__ imports must occur at the beginning of the file"
            );
            assert_eq!(e.lineno, 2);
        }
        other => panic!("expected a SyntaxError, got {other:?}"),
    }
}
