//! Parser tests: ASTs and errors checked against what CPython 3.11 gives,
//! and inputs that must neither panic nor overflow the stack.

use crate::error::SyntaxErrorKind;
use crate::token::Pos;
use crate::{dump, parse_str, Mode};

fn check(src: &str, expected: &str) {
    let tree = parse_str(src, "<test>", Mode::Module).unwrap_or_else(|e| panic!("{src:?}: {e:?}"));
    assert_eq!(dump(&tree), expected, "source: {src:?}");
}

    #[test]
    fn assign() {
        check(
            "x = 1",
            "Module(body=[Assign(targets=[Name(id='x', ctx=Store(), lineno=1, col_offset=0, end_lineno=1, end_col_offset=1)], value=Constant(value=1, lineno=1, col_offset=4, end_lineno=1, end_col_offset=5), lineno=1, col_offset=0, end_lineno=1, end_col_offset=5)], type_ignores=[])",
        );
    }

    #[test]
    fn call_arguments() {
        check(
            "f(a, *b, c=1, **d)",
            "Module(body=[Expr(value=Call(func=Name(id='f', ctx=Load(), lineno=1, col_offset=0, end_lineno=1, end_col_offset=1), args=[Name(id='a', ctx=Load(), lineno=1, col_offset=2, end_lineno=1, end_col_offset=3), Starred(value=Name(id='b', ctx=Load(), lineno=1, col_offset=6, end_lineno=1, end_col_offset=7), ctx=Load(), lineno=1, col_offset=5, end_lineno=1, end_col_offset=7)], keywords=[keyword(arg='c', value=Constant(value=1, lineno=1, col_offset=11, end_lineno=1, end_col_offset=12), lineno=1, col_offset=9, end_lineno=1, end_col_offset=12), keyword(value=Name(id='d', ctx=Load(), lineno=1, col_offset=16, end_lineno=1, end_col_offset=17), lineno=1, col_offset=14, end_lineno=1, end_col_offset=17)], lineno=1, col_offset=0, end_lineno=1, end_col_offset=18), lineno=1, col_offset=0, end_lineno=1, end_col_offset=18)], type_ignores=[])",
        );
    }

    #[test]
    fn slices() {
        check(
            "a[1:2, ::3]",
            "Module(body=[Expr(value=Subscript(value=Name(id='a', ctx=Load(), lineno=1, col_offset=0, end_lineno=1, end_col_offset=1), slice=Tuple(elts=[Slice(lower=Constant(value=1, lineno=1, col_offset=2, end_lineno=1, end_col_offset=3), upper=Constant(value=2, lineno=1, col_offset=4, end_lineno=1, end_col_offset=5), lineno=1, col_offset=2, end_lineno=1, end_col_offset=5), Slice(step=Constant(value=3, lineno=1, col_offset=9, end_lineno=1, end_col_offset=10), lineno=1, col_offset=7, end_lineno=1, end_col_offset=10)], ctx=Load(), lineno=1, col_offset=2, end_lineno=1, end_col_offset=10), ctx=Load(), lineno=1, col_offset=0, end_lineno=1, end_col_offset=11), lineno=1, col_offset=0, end_lineno=1, end_col_offset=11)], type_ignores=[])",
        );
    }

    #[test]
    fn def_parameters_and_decorator() {
        check(
            "@d\ndef f(a, /, b=1, *c, d, e=2, **g) -> r: pass",
            "Module(body=[FunctionDef(name='f', args=arguments(posonlyargs=[arg(arg='a', lineno=2, col_offset=6, end_lineno=2, end_col_offset=7)], args=[arg(arg='b', lineno=2, col_offset=12, end_lineno=2, end_col_offset=13)], vararg=arg(arg='c', lineno=2, col_offset=18, end_lineno=2, end_col_offset=19), kwonlyargs=[arg(arg='d', lineno=2, col_offset=21, end_lineno=2, end_col_offset=22), arg(arg='e', lineno=2, col_offset=24, end_lineno=2, end_col_offset=25)], kw_defaults=[None, Constant(value=2, lineno=2, col_offset=26, end_lineno=2, end_col_offset=27)], kwarg=arg(arg='g', lineno=2, col_offset=31, end_lineno=2, end_col_offset=32), defaults=[Constant(value=1, lineno=2, col_offset=14, end_lineno=2, end_col_offset=15)]), body=[Pass(lineno=2, col_offset=40, end_lineno=2, end_col_offset=44)], decorator_list=[Name(id='d', ctx=Load(), lineno=1, col_offset=1, end_lineno=1, end_col_offset=2)], returns=Name(id='r', ctx=Load(), lineno=2, col_offset=37, end_lineno=2, end_col_offset=38), lineno=2, col_offset=0, end_lineno=2, end_col_offset=44)], type_ignores=[])",
        );
    }

    #[test]
    fn match_patterns() {
        check(
            "match p:\n    case {'k': [1, *rest]} | C(x=_) as y if y: pass",
            "Module(body=[Match(subject=Name(id='p', ctx=Load(), lineno=1, col_offset=6, end_lineno=1, end_col_offset=7), cases=[match_case(pattern=MatchAs(pattern=MatchOr(patterns=[MatchMapping(keys=[Constant(value='k', lineno=2, col_offset=10, end_lineno=2, end_col_offset=13)], patterns=[MatchSequence(patterns=[MatchValue(value=Constant(value=1, lineno=2, col_offset=16, end_lineno=2, end_col_offset=17), lineno=2, col_offset=16, end_lineno=2, end_col_offset=17), MatchStar(name='rest', lineno=2, col_offset=19, end_lineno=2, end_col_offset=24)], lineno=2, col_offset=15, end_lineno=2, end_col_offset=25)], lineno=2, col_offset=9, end_lineno=2, end_col_offset=26), MatchClass(cls=Name(id='C', ctx=Load(), lineno=2, col_offset=29, end_lineno=2, end_col_offset=30), patterns=[], kwd_attrs=['x'], kwd_patterns=[MatchAs(lineno=2, col_offset=33, end_lineno=2, end_col_offset=34)], lineno=2, col_offset=29, end_lineno=2, end_col_offset=35)], lineno=2, col_offset=9, end_lineno=2, end_col_offset=35), name='y', lineno=2, col_offset=9, end_lineno=2, end_col_offset=40), guard=Name(id='y', ctx=Load(), lineno=2, col_offset=44, end_lineno=2, end_col_offset=45), body=[Pass(lineno=2, col_offset=47, end_lineno=2, end_col_offset=51)])], lineno=1, col_offset=0, end_lineno=2, end_col_offset=51)], type_ignores=[])",
        );
    }

    #[test]
    fn try_star() {
        check(
            "try:\n    pass\nexcept* E as e:\n    pass",
            "Module(body=[TryStar(body=[Pass(lineno=2, col_offset=4, end_lineno=2, end_col_offset=8)], handlers=[ExceptHandler(type=Name(id='E', ctx=Load(), lineno=3, col_offset=8, end_lineno=3, end_col_offset=9), name='e', body=[Pass(lineno=4, col_offset=4, end_lineno=4, end_col_offset=8)], lineno=3, col_offset=0, end_lineno=4, end_col_offset=8)], orelse=[], finalbody=[], lineno=1, col_offset=0, end_lineno=4, end_col_offset=8)], type_ignores=[])",
        );
    }

    #[test]
    fn parenthesized_with_items() {
        check(
            "with (a as b, c):\n    pass",
            "Module(body=[With(items=[withitem(context_expr=Name(id='a', ctx=Load(), lineno=1, col_offset=6, end_lineno=1, end_col_offset=7), optional_vars=Name(id='b', ctx=Store(), lineno=1, col_offset=11, end_lineno=1, end_col_offset=12)), withitem(context_expr=Name(id='c', ctx=Load(), lineno=1, col_offset=14, end_lineno=1, end_col_offset=15))], body=[Pass(lineno=2, col_offset=4, end_lineno=2, end_col_offset=8)], lineno=1, col_offset=0, end_lineno=2, end_col_offset=8)], type_ignores=[])",
        );
    }

    #[test]
    fn relative_import() {
        check(
            "from ..m import (x as y,)",
            "Module(body=[ImportFrom(module='m', names=[alias(name='x', asname='y', lineno=1, col_offset=17, end_lineno=1, end_col_offset=23)], level=2, lineno=1, col_offset=0, end_lineno=1, end_col_offset=25)], type_ignores=[])",
        );
    }

    #[test]
    fn del_targets() {
        check(
            "del a, b[0], c.d",
            "Module(body=[Delete(targets=[Name(id='a', ctx=Del(), lineno=1, col_offset=4, end_lineno=1, end_col_offset=5), Subscript(value=Name(id='b', ctx=Load(), lineno=1, col_offset=7, end_lineno=1, end_col_offset=8), slice=Constant(value=0, lineno=1, col_offset=9, end_lineno=1, end_col_offset=10), ctx=Del(), lineno=1, col_offset=7, end_lineno=1, end_col_offset=11), Attribute(value=Name(id='c', ctx=Load(), lineno=1, col_offset=13, end_lineno=1, end_col_offset=14), attr='d', ctx=Del(), lineno=1, col_offset=13, end_lineno=1, end_col_offset=16)], lineno=1, col_offset=0, end_lineno=1, end_col_offset=16)], type_ignores=[])",
        );
    }

    #[test]
    fn generator_as_sole_argument() {
        check(
            "f(x for x in y)",
            "Module(body=[Expr(value=Call(func=Name(id='f', ctx=Load(), lineno=1, col_offset=0, end_lineno=1, end_col_offset=1), args=[GeneratorExp(elt=Name(id='x', ctx=Load(), lineno=1, col_offset=2, end_lineno=1, end_col_offset=3), generators=[comprehension(target=Name(id='x', ctx=Store(), lineno=1, col_offset=8, end_lineno=1, end_col_offset=9), iter=Name(id='y', ctx=Load(), lineno=1, col_offset=13, end_lineno=1, end_col_offset=14), ifs=[], is_async=0)], lineno=1, col_offset=1, end_lineno=1, end_col_offset=15)], keywords=[], lineno=1, col_offset=0, end_lineno=1, end_col_offset=15), lineno=1, col_offset=0, end_lineno=1, end_col_offset=15)], type_ignores=[])",
        );
    }

    #[test]
    fn fstring_expressions() {
        check(
            "f'{a, b!r:>{w}}'",
            "Module(body=[Expr(value=JoinedStr(values=[FormattedValue(value=Tuple(elts=[Name(id='a', ctx=Load(), lineno=1, col_offset=3, end_lineno=1, end_col_offset=4), Name(id='b', ctx=Load(), lineno=1, col_offset=6, end_lineno=1, end_col_offset=7)], ctx=Load(), lineno=1, col_offset=2, end_lineno=1, end_col_offset=8), conversion=114, format_spec=JoinedStr(values=[Constant(value='>', lineno=1, col_offset=0, end_lineno=1, end_col_offset=16), FormattedValue(value=Name(id='w', ctx=Load(), lineno=1, col_offset=12, end_lineno=1, end_col_offset=13), conversion=-1, lineno=1, col_offset=0, end_lineno=1, end_col_offset=16)], lineno=1, col_offset=0, end_lineno=1, end_col_offset=16), lineno=1, col_offset=0, end_lineno=1, end_col_offset=16)], lineno=1, col_offset=0, end_lineno=1, end_col_offset=16), lineno=1, col_offset=0, end_lineno=1, end_col_offset=16)], type_ignores=[])",
        );
    }

    #[test]
    fn multiline_fstring_field() {
        check(
            "x = f'''{\na\n+ b}'''",
            "Module(body=[Assign(targets=[Name(id='x', ctx=Store(), lineno=1, col_offset=0, end_lineno=1, end_col_offset=1)], value=JoinedStr(values=[FormattedValue(value=BinOp(left=Name(id='a', ctx=Load(), lineno=2, col_offset=0, end_lineno=2, end_col_offset=1), op=Add(), right=Name(id='b', ctx=Load(), lineno=3, col_offset=2, end_lineno=3, end_col_offset=3), lineno=2, col_offset=0, end_lineno=3, end_col_offset=3), conversion=-1, lineno=1, col_offset=4, end_lineno=3, end_col_offset=7)], lineno=1, col_offset=4, end_lineno=3, end_col_offset=7), lineno=1, col_offset=0, end_lineno=3, end_col_offset=7)], type_ignores=[])",
        );
    }

#[test]
fn syntax_errors_match_cpython() {
    let cases: &[(&str, SyntaxErrorKind, &str, (u32, u32, u32, u32))] = &[
            ("f(a=1, b)", SyntaxErrorKind::SyntaxError, "positional argument follows keyword argument", (1, 9, 1, 10)),
            ("print 1", SyntaxErrorKind::SyntaxError, "Missing parentheses in call to 'print'. Did you mean print(...)?", (1, 1, 1, 8)),
            ("x = 1 if 2", SyntaxErrorKind::SyntaxError, "expected 'else' after 'if' expression", (1, 5, 1, 11)),
            ("def f(a=1, b): pass", SyntaxErrorKind::SyntaxError, "non-default argument follows default argument", (1, 12, 1, 13)),
            ("if x:\npass", SyntaxErrorKind::IndentationError, "expected an indented block after 'if' statement on line 1", (2, 1, 2, 5)),
            ("True = 1", SyntaxErrorKind::SyntaxError, "cannot assign to True", (1, 1, 1, 5)),
            ("f() = 1", SyntaxErrorKind::SyntaxError, "cannot assign to function call here. Maybe you meant '==' instead of '='?", (1, 1, 1, 4)),
            ("a b", SyntaxErrorKind::SyntaxError, "invalid syntax", (1, 3, 1, 4)),
            ("[a, b for a in c]", SyntaxErrorKind::SyntaxError, "did you forget parentheses around the comprehension target?", (1, 2, 1, 6)),
            ("with a as f(): pass", SyntaxErrorKind::SyntaxError, "cannot assign to function call", (1, 11, 1, 14)),
            ("x = a <> 1", SyntaxErrorKind::SyntaxError, "invalid syntax", (1, 7, 1, 9)),
            ("class A\n  pass", SyntaxErrorKind::SyntaxError, "expected ':'", (1, 8, 1, 8)),
            ("lambda *: 0", SyntaxErrorKind::SyntaxError, "named arguments must follow bare *", (1, 9, 1, 10)),
            ("match x:\n case a as _: pass", SyntaxErrorKind::SyntaxError, "cannot use '_' as a target", (2, 12, 2, 13)),
            ("f(**a, *b)", SyntaxErrorKind::SyntaxError, "iterable argument unpacking follows keyword argument unpacking", (1, 8, 1, 9)),
            ("def f: pass", SyntaxErrorKind::SyntaxError, "expected '('", (1, 6, 1, 7)),
            ("{1: *a}", SyntaxErrorKind::SyntaxError, "cannot use a starred expression in a dictionary value", (1, 5, 1, 7)),
    ];
    for &(src, kind, msg, (lineno, offset, end_lineno, end_offset)) in cases {
        let e = parse_str(src, "<test>", Mode::Module).expect_err(src);
        assert_eq!((e.kind, e.msg.as_str()), (kind, msg), "source: {src:?}");
        assert_eq!((e.lineno, e.offset, e.end_lineno, e.end_offset), (lineno, offset, end_lineno, end_offset), "source: {src:?}");
    }
}

#[test]
fn eval_and_interactive_modes() {
    let tree = parse_str("a + 1\n\n", "<test>", Mode::Expression).unwrap();
    assert!(dump(&tree).starts_with("Expression(body=BinOp("));
    let tree = parse_str("x = 1; y = 2\n", "<test>", Mode::Interactive).unwrap();
    assert!(dump(&tree).starts_with("Interactive(body=[Assign("), "{}", dump(&tree));
}

#[test]
fn fstring_expression_positions_are_shifted() {
    // The text as the string parser passes it: the field wrapped in parentheses.
    let e = crate::parser::parse_fstring_expr("(a +\n b)", Pos { line: 3, col: 7 }).unwrap();
    assert_eq!((e.loc.lineno, e.loc.col_offset, e.loc.end_lineno, e.loc.end_col_offset), (3, 8, 4, 2));
    let err = crate::parser::parse_fstring_expr("(a b)", Pos { line: 1, col: 2 }).unwrap_err();
    assert_eq!(err.msg, "f-string: invalid syntax. Perhaps you forgot a comma?");
}

/// Deep inputs give an error (a SyntaxError from the tokenizer's bracket
/// limit, else a MemoryError as CPython's parser stack limit gives), never a
/// crash; run on a small stack to show the bounds hold there too.
#[test]
fn deep_inputs_do_not_overflow() {
    let run = || {
        for src in [
            format!("x = {}1\n", "1+".repeat(100_000)),
            format!("x = {}1\n", "-".repeat(100_000)),
            format!("x = {}1\n", "not ".repeat(100_000)),
            format!("x = a{}\n", ".b".repeat(100_000)),
            format!("x = f{}\n", "()".repeat(100_000)),
            format!("x = {}1\n", "lambda: ".repeat(100_000)),
            format!("x = {}{}\n", "(".repeat(10_000), ")".repeat(10_000)),
            format!("if x: pass\n{}", "elif y: pass\n".repeat(10_000)),
        ] {
            let e = parse_str(&src, "<test>", Mode::Module).expect_err("too deep");
            assert!(matches!(e.kind, SyntaxErrorKind::SyntaxError | SyntaxErrorKind::MemoryError | SyntaxErrorKind::RecursionError), "{e:?}");
        }
        // Deep but allowed: parsed and dumped; dropped on a stack of its own
        // (unoptimized builds need a few kilobytes of stack per level).
        let src = format!("x = {}1\n", "1+".repeat(2_900));
        let tree = parse_str(&src, "<test>", Mode::Module).unwrap();
        assert!(dump(&tree).contains("BinOp"));
        crate::parser::drop_deep(tree);
    };
    std::thread::Builder::new().stack_size(2 << 20).spawn(run).unwrap().join().unwrap();
}

#[test]
fn megabyte_string_literal() {
    let src = format!("x = '{}'\n", "a".repeat(1 << 20));
    assert!(parse_str(&src, "<test>", Mode::Module).is_ok());
}

#[test]
fn nested_brackets_parse_in_linear_time() {
    // Each `(` is tried as tuple, group and generator: without the memo this
    // would take 3^150 steps.
    let src = format!("x = {}1{}\n", "(".repeat(150), ")".repeat(150));
    assert!(parse_str(&src, "<test>", Mode::Module).is_ok());
    let src = format!("x = {}x for x in y{}\n", "[".repeat(150), "]".repeat(150));
    assert!(parse_str(&src, "<test>", Mode::Module).is_ok());
    let src = format!("x = {}x for x in y{}\n", "(".repeat(150), "]".repeat(150));
    assert!(parse_str(&src, "<test>", Mode::Module).is_err());
}

/// Random token soups in every mode: errors are fine, panics are not.
#[test]
fn random_inputs_never_panic() {
    const PIECES: &[&str] = &[
        "x", "match", "case", "_", "1", "2j", "'s'", "f'{a}'", "(", ")", "[", "]", "{", "}", ",", ":", ";", ".",
        "...", "=", ":=", "+", "-", "*", "**", "/", "//", "|", "&", "@", "->", "<", "==", "!=", "not", "in", "is",
        "and", "or", "if", "else", "elif", "for", "async", "await", "lambda", "yield", "from", "import", "as",
        "def", "class", "return", "del", "with", "try", "except", "finally", "raise", "global", "while", "pass",
        "\n", "\n    ", "\n", " ",
    ];
    // A small deterministic generator (xorshift), so failures reproduce.
    let mut state: u64 = 0x9e37_79b9_7f4a_7c15;
    let mut next = move || {
        state ^= state << 13;
        state ^= state >> 7;
        state ^= state << 17;
        state
    };
    for _ in 0..3000 {
        let len = (next() % 24) as usize;
        let mut src = String::new();
        for _ in 0..len {
            src.push_str(PIECES[(next() % PIECES.len() as u64) as usize]);
            if next() % 3 == 0 {
                src.push(' ');
            }
        }
        for mode in [Mode::Module, Mode::Expression, Mode::Interactive] {
            let _ = parse_str(&src, "<test>", mode);
        }
    }
}

/// Parse `src` with one first pass, fast or exact (no second pass).
fn first_pass(src: &str, fast: bool) -> Option<String> {
    let mut p = super::Parser::new(src, Mode::Module);
    p.fast = fast;
    match p.start_rule() {
        Ok(Some(tree)) => Some(dump(&tree)),
        _ => None,
    }
}

#[test]
fn fast_pass_builds_the_trees_of_the_exact_pass() {
    // Bracketed displays, slices and assignments: where the fast pass
    // takes its shortcuts.
    const PIECES: &[&str] = &[
        "x", "y", "1", "'s'", "(", ")", "[", "]", "{", "}", ",", ":", "=", ":=", "*", "**", "+", ".", "a.b", "f(",
        "for", "in", "if", "else", "async", "yield", "lambda", "not", "+=", "x[", ";",
    ];
    let mut state: u64 = 0x2545_f491_4f6c_dd1d;
    let mut next = move || {
        state ^= state << 13;
        state ^= state >> 7;
        state ^= state << 17;
        state
    };
    let mut matched = 0;
    for _ in 0..30000 {
        let len = 1 + (next() % 8) as usize;
        let mut src = String::new();
        for _ in 0..len {
            src.push_str(PIECES[(next() % PIECES.len() as u64) as usize]);
            src.push(' ');
        }
        src.push('\n');
        let exact = first_pass(&src, false);
        if let Some(fast) = first_pass(&src, true) {
            matched += 1;
            assert_eq!(Some(fast), exact, "source: {src:?}");
        }
    }
    // The inputs must exercise valid code too.
    assert!(matched > 500, "{matched}");
    for src in [
        "(a)\n", "(a, b)\n", "()\n", "(a for b in c)\n", "[a for b in c if d]\n", "[a, *b, c,]\n", "{}\n",
        "{a}\n", "{a, b,}\n", "{a: b, **c, d: e}\n", "{a: b for c in d}\n", "{a for b in c}\n", "x[a]\n",
        "x[a:b, c]\n", "x[(y := 1)]\n", "x = y = f(a, b=c)\n", "x.y: int = 1\n", "x += (a)\n", "[(x := 1)]\n",
    ] {
        assert!(first_pass(src, true).is_some(), "{src:?}");
        assert_eq!(first_pass(src, true), first_pass(src, false), "source: {src:?}");
    }
}
