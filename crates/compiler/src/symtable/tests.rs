//! Symbol tables of hand-built trees; the expectations are what CPython
//! 3.11's `symtable` module and `compile()` report for the same source.

use super::*;
use syntax::ast::{Arg, Arguments, Comprehension, Constant, ExprContext};

// --- tree builders --------------------------------------------------------

fn loc(line: u32, col: u32, end_col: u32) -> Loc {
    Loc {
        lineno: line,
        col_offset: col,
        end_lineno: line,
        end_col_offset: end_col,
    }
}

fn ex(kind: ExprKind) -> Expr {
    Expr {
        kind,
        loc: Loc::default(),
    }
}

fn st(kind: StmtKind) -> Stmt {
    Stmt {
        kind,
        loc: Loc::default(),
    }
}

trait At {
    fn at(self, line: u32, col: u32, end_col: u32) -> Self;
}

impl At for Expr {
    fn at(mut self, line: u32, col: u32, end_col: u32) -> Self {
        self.loc = loc(line, col, end_col);
        self
    }
}

impl At for Stmt {
    fn at(mut self, line: u32, col: u32, end_col: u32) -> Self {
        self.loc = loc(line, col, end_col);
        self
    }
}

fn load(id: &str) -> Expr {
    ex(ExprKind::Name {
        id: id.into(),
        ctx: ExprContext::Load,
    })
}

fn store(id: &str) -> Expr {
    ex(ExprKind::Name {
        id: id.into(),
        ctx: ExprContext::Store,
    })
}

fn int(i: i64) -> Expr {
    ex(ExprKind::Constant {
        value: Constant::Int(i),
        kind: None,
    })
}

fn call(func: Expr, args: Vec<Expr>) -> Expr {
    ex(ExprKind::Call {
        func: Box::new(func),
        args,
        keywords: vec![],
    })
}

fn attr(value: Expr, attr: &str) -> Expr {
    ex(ExprKind::Attribute {
        value: Box::new(value),
        attr: attr.into(),
        ctx: ExprContext::Load,
    })
}

fn walrus(target: &str, value: Expr) -> Expr {
    ex(ExprKind::NamedExpr {
        target: Box::new(store(target)),
        value: Box::new(value),
    })
}

fn comp(target: Expr, iter: Expr, ifs: Vec<Expr>) -> Comprehension {
    Comprehension {
        target: Box::new(target),
        iter: Box::new(iter),
        ifs,
        is_async: 0,
    }
}

fn listcomp(elt: Expr, generators: Vec<Comprehension>) -> Expr {
    ex(ExprKind::ListComp {
        elt: Box::new(elt),
        generators,
    })
}

fn genexp(elt: Expr, generators: Vec<Comprehension>) -> Expr {
    ex(ExprKind::GeneratorExp {
        elt: Box::new(elt),
        generators,
    })
}

fn lambda(params: &[&str], body: Expr) -> Expr {
    ex(ExprKind::Lambda {
        args: Box::new(args(params)),
        body: Box::new(body),
    })
}

fn yield_(value: Expr) -> Expr {
    ex(ExprKind::Yield {
        value: Some(Box::new(value)),
    })
}

fn arg(name: &str) -> Arg {
    Arg {
        arg: name.into(),
        annotation: None,
        type_comment: None,
        loc: Loc::default(),
    }
}

fn args(params: &[&str]) -> Arguments {
    Arguments {
        posonlyargs: vec![],
        args: params.iter().map(|p| arg(p)).collect(),
        vararg: None,
        kwonlyargs: vec![],
        kw_defaults: vec![],
        kwarg: None,
        defaults: vec![],
    }
}

fn def_with(name: &str, args: Arguments, body: Vec<Stmt>) -> Stmt {
    st(StmtKind::FunctionDef {
        name: name.into(),
        args: Box::new(args),
        body,
        decorator_list: vec![],
        returns: None,
        type_comment: None,
    })
}

fn def(name: &str, params: &[&str], body: Vec<Stmt>) -> Stmt {
    def_with(name, args(params), body)
}

fn class(name: &str, body: Vec<Stmt>) -> Stmt {
    st(StmtKind::ClassDef {
        name: name.into(),
        bases: vec![],
        keywords: vec![],
        body,
        decorator_list: vec![],
    })
}

fn assign(target: &str, value: Expr) -> Stmt {
    st(StmtKind::Assign {
        targets: vec![store(target)],
        value: Box::new(value),
        type_comment: None,
    })
}

fn expr(value: Expr) -> Stmt {
    st(StmtKind::Expr {
        value: Box::new(value),
    })
}

fn ret(value: Expr) -> Stmt {
    st(StmtKind::Return {
        value: Some(Box::new(value)),
    })
}

fn global(names: &[&str]) -> Stmt {
    st(StmtKind::Global {
        names: names.iter().map(|n| n.to_string()).collect(),
    })
}

fn nonlocal(names: &[&str]) -> Stmt {
    st(StmtKind::Nonlocal {
        names: names.iter().map(|n| n.to_string()).collect(),
    })
}

fn ann(target: &str, annotation: Expr, value: Option<Expr>) -> Stmt {
    st(StmtKind::AnnAssign {
        target: Box::new(store(target)),
        annotation: Box::new(annotation),
        value: value.map(Box::new),
        simple: 1,
    })
}

fn module(body: Vec<Stmt>) -> Mod {
    Mod::Module {
        body,
        type_ignores: vec![],
    }
}

fn build(body: Vec<Stmt>) -> SymbolTable {
    SymbolTable::build(&module(body), "t.py", 0).expect("no error expected")
}

fn build_err(body: Vec<Stmt>) -> SyntaxError {
    match SymbolTable::build(&module(body), "t.py", 0) {
        Err(CompileError::Syntax(e)) => e,
        other => panic!("expected a SyntaxError, got {other:?}"),
    }
}

/// (msg, lineno, offset, end_lineno, end_offset) of an error.
fn where_(e: &SyntaxError) -> (&str, u32, u32, u32, u32) {
    (
        e.msg.as_str(),
        e.lineno,
        e.offset,
        e.end_lineno,
        e.end_offset,
    )
}

fn child<'t>(t: &'t SymbolTable, b: &Block, i: usize) -> &'t Block {
    t.block(b.children[i])
}

fn scope(b: &Block, name: &str) -> Scope {
    b.lookup(name)
        .unwrap_or_else(|| panic!("no symbol {name} in {}", b.name))
        .scope()
}

// --- scopes -----------------------------------------------------------------

#[test]
fn closure_makes_cell_and_free() {
    // def f(a):
    //     b = 1
    //     def g():
    //         return a + b + c
    let g = def(
        "g",
        &[],
        vec![ret(ex(ExprKind::BinOp {
            left: Box::new(ex(ExprKind::BinOp {
                left: Box::new(load("a")),
                op: syntax::ast::Operator::Add,
                right: Box::new(load("b")),
            })),
            op: syntax::ast::Operator::Add,
            right: Box::new(load("c")),
        }))],
    );
    let t = build(vec![def("f", &["a"], vec![assign("b", int(1)), g])]);
    let f = child(&t, t.top(), 0);
    assert_eq!(f.varnames, ["a"]);
    assert_eq!(f.cellvars(), ["a", "b"]);
    assert_eq!(scope(f, "a"), Scope::Cell);
    assert_eq!(scope(f, "b"), Scope::Cell);
    assert_eq!(scope(f, "g"), Scope::Local);
    assert!(f.lookup("c").is_none());
    assert!(f.child_free);
    let g = child(&t, f, 0);
    assert!(g.nested && g.free);
    assert_eq!(scope(g, "a"), Scope::Free);
    assert_eq!(scope(g, "b"), Scope::Free);
    assert_eq!(scope(g, "c"), Scope::GlobalImplicit);
    assert_eq!(scope(t.top(), "f"), Scope::Local);
}

#[test]
fn cell_parameters_come_first_in_cellvars() {
    // def f(z, y, a):
    //     b = c = 1
    //     lambda: (a, b, c, y, z)
    let used = ex(ExprKind::Tuple {
        elts: ["a", "b", "c", "y", "z"].map(load).to_vec(),
        ctx: ExprContext::Load,
    });
    let body = vec![
        assign("c", int(1)),
        assign("b", int(1)),
        expr(lambda(&[], used)),
    ];
    let t = build(vec![def("f", &["z", "y", "a"], body)]);
    let f = child(&t, t.top(), 0);
    assert_eq!(f.cellvars(), ["z", "y", "a", "b", "c"]);
    assert_eq!(child(&t, f, 0).freevars(), ["a", "b", "c", "y", "z"]);
}

#[test]
fn free_variable_passes_through_a_middle_function() {
    // def f():
    //     x = 1
    //     def g():
    //         def h(): return x
    let h = def("h", &[], vec![ret(load("x"))]);
    let g = def("g", &[], vec![h]);
    let t = build(vec![def("f", &[], vec![assign("x", int(1)), g])]);
    let f = child(&t, t.top(), 0);
    let g = child(&t, f, 0);
    assert_eq!(scope(f, "x"), Scope::Cell);
    let gx = g.lookup("x").unwrap();
    assert_eq!((gx.scope(), gx.flags), (Scope::Free, 0));
    assert_eq!(scope(child(&t, g, 0), "x"), Scope::Free);
}

#[test]
fn class_body_names_are_not_visible_to_methods() {
    // def f():
    //     x = 1
    //     class C:
    //         x = 2
    //         def m(self): return x, super()
    let m = def(
        "m",
        &["self"],
        vec![ret(ex(ExprKind::Tuple {
            elts: vec![load("x"), call(load("super"), vec![])],
            ctx: ExprContext::Load,
        }))],
    );
    let c = class("C", vec![assign("x", int(2)), m]);
    let t = build(vec![def("f", &[], vec![assign("x", int(1)), c])]);
    let f = child(&t, t.top(), 0);
    let c = child(&t, f, 0);
    let m = child(&t, c, 0);
    assert_eq!(scope(f, "x"), Scope::Cell);
    // The class binds x too, and its method's x is the function's: DEF_FREE_CLASS.
    let cx = c.lookup("x").unwrap();
    assert_eq!(cx.scope(), Scope::Local);
    assert_eq!(cx.flags, DEF_LOCAL | DEF_FREE_CLASS);
    assert!(c.needs_class_closure);
    assert!(c.lookup("__class__").is_none());
    assert_eq!(scope(m, "x"), Scope::Free);
    assert_eq!(scope(m, "__class__"), Scope::Free);
    assert_eq!(scope(m, "super"), Scope::GlobalImplicit);
    // What the code objects list (f.__code__.co_cellvars etc. in CPython).
    assert_eq!(f.cellvars(), ["x"]);
    assert!(f.freevars().is_empty());
    assert_eq!(c.cellvars(), ["__class__"]);
    assert_eq!(c.freevars(), ["x"]);
    assert!(m.cellvars().is_empty());
    assert_eq!(m.freevars(), ["__class__", "x"]);
}

#[test]
fn class_at_module_level_without_super_needs_no_cell() {
    let t = build(vec![class(
        "C",
        vec![def("m", &["self"], vec![ret(load("self"))])],
    )]);
    let c = child(&t, t.top(), 0);
    assert!(!c.needs_class_closure);
    assert!(!c.nested);
    assert!(!child(&t, c, 0).nested);
}

#[test]
fn private_names_are_mangled_in_classes() {
    assert_eq!(mangle(Some("Foo"), "__x"), "_Foo__x");
    assert_eq!(mangle(Some("__Foo"), "__x"), "_Foo__x");
    assert_eq!(mangle(Some("___"), "__x"), "__x");
    assert_eq!(mangle(Some("Foo"), "__x__"), "__x__");
    assert_eq!(mangle(Some("Foo"), "__"), "__");
    assert_eq!(mangle(Some("Foo"), "_x"), "_x");
    assert_eq!(mangle(Some("Foo"), "__a.b"), "__a.b");
    assert_eq!(mangle(None, "__x"), "__x");
    // class C:
    //     __a = 1
    //     def __m(self, __p): return __g
    let m = def("__m", &["self", "__p"], vec![ret(load("__g"))]);
    let t = build(vec![class("C", vec![assign("__a", int(1)), m])]);
    let c = child(&t, t.top(), 0);
    assert!(c.lookup("_C__a").is_some() && c.lookup("_C__m").is_some());
    let m = child(&t, c, 0);
    assert_eq!(m.name, "__m");
    assert_eq!(m.varnames, ["self", "_C__p"]);
    assert_eq!(scope(m, "_C__g"), Scope::GlobalImplicit);
}

#[test]
fn parameters_in_cpython_order() {
    let mut a = args(&["b"]);
    a.posonlyargs = vec![arg("a")];
    a.vararg = Some(arg("args"));
    a.kwonlyargs = vec![arg("k")];
    a.kw_defaults = vec![None];
    a.kwarg = Some(arg("kw"));
    let t = build(vec![def_with("f", a, vec![])]);
    let f = child(&t, t.top(), 0);
    assert_eq!(f.varnames, ["a", "b", "k", "args", "kw"]);
    assert!(f.varargs && f.varkeywords);
}

#[test]
fn global_declaration_reaches_the_module_table() {
    // def f():
    //     global g
    //     g = 1
    let t = build(vec![def(
        "f",
        &[],
        vec![global(&["g"]), assign("g", int(1))],
    )]);
    let top = t.top();
    let g = top.lookup("g").unwrap();
    assert_eq!((g.flags, g.scope()), (DEF_GLOBAL, Scope::GlobalExplicit));
    let f = child(&t, top, 0);
    let g = f.lookup("g").unwrap();
    assert_eq!(
        (g.flags, g.scope()),
        (DEF_GLOBAL | DEF_LOCAL, Scope::GlobalExplicit)
    );
}

#[test]
fn nonlocal_binds_to_the_enclosing_function() {
    // def f():
    //     x = 1
    //     def g():
    //         nonlocal x
    //         x = 2
    let g = def("g", &[], vec![nonlocal(&["x"]), assign("x", int(2))]);
    let t = build(vec![def("f", &[], vec![assign("x", int(1)), g])]);
    let f = child(&t, t.top(), 0);
    assert_eq!(scope(f, "x"), Scope::Cell);
    let gx = child(&t, f, 0).lookup("x").unwrap();
    assert_eq!(
        (gx.flags, gx.scope()),
        (DEF_NONLOCAL | DEF_LOCAL, Scope::Free)
    );
}

// --- comprehensions -------------------------------------------------------

#[test]
fn comprehension_has_its_own_scope_and_dot_zero() {
    // def f(xs):
    //     return [x + y for x in xs if x]
    let elt = ex(ExprKind::BinOp {
        left: Box::new(load("x")),
        op: syntax::ast::Operator::Add,
        right: Box::new(load("y")),
    });
    let lc = listcomp(elt, vec![comp(store("x"), load("xs"), vec![load("x")])]);
    let t = build(vec![def("f", &["xs"], vec![ret(lc)])]);
    let f = child(&t, t.top(), 0);
    assert_eq!(scope(f, "xs"), Scope::Local);
    assert!(f.lookup("x").is_none());
    let c = child(&t, f, 0);
    assert_eq!(c.name, "listcomp");
    assert_eq!(c.comprehension, Some(ComprehensionType::List));
    assert_eq!(c.varnames, [".0"]);
    let x = c.lookup("x").unwrap();
    assert_eq!(x.flags, DEF_LOCAL | USE | DEF_COMP_ITER);
    assert_eq!(scope(c, "y"), Scope::GlobalImplicit);
    assert!(c.lookup("xs").is_none());
    assert!(!c.generator);
}

#[test]
fn genexpr_is_a_generator_and_lookup_finds_it() {
    let g = genexp(load("x"), vec![comp(store("x"), load("xs"), vec![])]);
    let m = module(vec![expr(g)]);
    let t = SymbolTable::build(&m, "t.py", 0).unwrap();
    let Mod::Module { body, .. } = &m else {
        unreachable!()
    };
    let StmtKind::Expr { value } = &body[0].kind else {
        unreachable!()
    };
    let id = t.lookup_expr(value).expect("genexpr block");
    assert_eq!(t.block(id).name, "genexpr");
    assert!(t.block(id).generator);
    // A different node with the same shape is not found.
    assert_eq!(t.lookup_expr(&value.clone()), None);
}

#[test]
fn walrus_in_comprehension_binds_in_enclosing_function() {
    // def f(): [(y := x) for x in xs]
    let lc = listcomp(
        walrus("y", load("x")),
        vec![comp(store("x"), load("xs"), vec![])],
    );
    let t = build(vec![def("f", &[], vec![expr(lc)])]);
    let f = child(&t, t.top(), 0);
    let y = f.lookup("y").unwrap();
    assert_eq!((y.flags, y.scope()), (DEF_LOCAL, Scope::Cell));
    let c = child(&t, f, 0);
    let y = c.lookup("y").unwrap();
    assert_eq!(
        (y.flags, y.scope()),
        (DEF_NONLOCAL | DEF_LOCAL, Scope::Free)
    );
}

#[test]
fn walrus_in_module_comprehension_is_global() {
    let lc = listcomp(
        walrus("y", load("x")),
        vec![comp(store("x"), load("xs"), vec![])],
    );
    let t = build(vec![expr(lc)]);
    let y = t.top().lookup("y").unwrap();
    assert_eq!((y.flags, y.scope()), (DEF_GLOBAL, Scope::GlobalExplicit));
    let c = child(&t, t.top(), 0);
    let y = c.lookup("y").unwrap();
    assert_eq!(
        (y.flags, y.scope()),
        (DEF_GLOBAL | DEF_LOCAL, Scope::GlobalExplicit)
    );
}

#[test]
fn walrus_errors() {
    // [(x := 1) for x in z]
    let lc = listcomp(
        walrus("x", int(1)),
        vec![comp(store("x"), load("z"), vec![])],
    );
    let ExprKind::ListComp { elt, generators } = lc.kind else {
        unreachable!()
    };
    let ExprKind::NamedExpr { value, .. } = elt.kind else {
        unreachable!()
    };
    let elt = ex(ExprKind::NamedExpr {
        target: Box::new(store("x").at(1, 2, 3)),
        value,
    });
    let e = build_err(vec![expr(listcomp(elt, generators))]);
    assert_eq!(
        where_(&e),
        (
            "assignment expression cannot rebind comprehension iteration variable 'x'",
            1,
            3,
            1,
            4
        )
    );
    // [x for x in (y := [1])]
    let iter = walrus("y", int(1)).at(1, 13, 21);
    let e = build_err(vec![expr(listcomp(
        load("x"),
        vec![comp(store("x"), iter, vec![])],
    ))]);
    assert_eq!(
        where_(&e),
        (
            "assignment expression cannot be used in a comprehension iterable expression",
            1,
            14,
            1,
            22
        )
    );
    // class C: [(y := 1) for x in z]
    let elt = ex(ExprKind::NamedExpr {
        target: Box::new(store("y").at(2, 4, 5)),
        value: Box::new(int(1)),
    });
    let lc = listcomp(elt, vec![comp(store("x"), load("z"), vec![])]);
    let e = build_err(vec![class("C", vec![expr(lc)])]);
    assert_eq!(
        where_(&e),
        (
            "assignment expression within a comprehension cannot be used in a class body",
            2,
            5,
            2,
            6
        )
    );
    // [i for i in r if (j := 0) for j in r]
    let gens = vec![
        comp(store("i"), load("r"), vec![walrus("j", int(0))]),
        comp(store("j").at(1, 37, 38), load("r"), vec![]),
    ];
    let e = build_err(vec![expr(listcomp(load("i"), gens))]);
    assert_eq!(
        where_(&e),
        (
            "comprehension inner loop cannot rebind assignment expression target 'j'",
            1,
            38,
            1,
            39
        )
    );
}

#[test]
fn yield_in_comprehension() {
    type MakeComp = fn(Box<Expr>, Vec<Comprehension>) -> ExprKind;
    let gen = |kind: MakeComp| {
        let elt = yield_(int(1)).at(2, 4, 9);
        ex(kind(
            Box::new(elt),
            vec![comp(store("x"), load("y"), vec![])],
        ))
    };
    let cases: [(MakeComp, &str); 3] = [
        (
            |elt, generators| ExprKind::ListComp { elt, generators },
            "'yield' inside list comprehension",
        ),
        (
            |elt, generators| ExprKind::SetComp { elt, generators },
            "'yield' inside set comprehension",
        ),
        (
            |elt, generators| ExprKind::GeneratorExp { elt, generators },
            "'yield' inside generator expression",
        ),
    ];
    for (kind, msg) in cases {
        let e = build_err(vec![def("f", &[], vec![expr(gen(kind))])]);
        assert_eq!(where_(&e), (msg, 2, 5, 2, 10));
    }
    // A yield in the outermost iterable belongs to the function.
    let lc = listcomp(load("x"), vec![comp(store("x"), yield_(int(1)), vec![])]);
    let t = build(vec![def("f", &[], vec![expr(lc)])]);
    assert!(child(&t, t.top(), 0).generator);
}

// --- errors -----------------------------------------------------------------

#[test]
fn declaration_errors() {
    // def f(x):
    //     global x
    let e = build_err(vec![def("f", &["x"], vec![global(&["x"]).at(2, 4, 12)])]);
    assert_eq!(
        where_(&e),
        ("name 'x' is parameter and global", 2, 5, 2, 13)
    );
    let e = build_err(vec![def("f", &["x"], vec![nonlocal(&["x"]).at(2, 4, 14)])]);
    assert_eq!(where_(&e).0, "name 'x' is parameter and nonlocal");
    // print(x); global x
    let e = build_err(vec![
        expr(call(load("print"), vec![load("x")])),
        global(&["x"]).at(2, 0, 8),
    ]);
    assert_eq!(
        where_(&e),
        ("name 'x' is used prior to global declaration", 2, 1, 2, 9)
    );
    let e = build_err(vec![assign("x", int(1)), global(&["x"])]);
    assert_eq!(e.msg, "name 'x' is assigned to before global declaration");
    let e = build_err(vec![def(
        "f",
        &[],
        vec![assign("x", int(1)), nonlocal(&["x"])],
    )]);
    assert_eq!(e.msg, "name 'x' is assigned to before nonlocal declaration");
    let e = build_err(vec![def("f", &[], vec![expr(load("x")), nonlocal(&["x"])])]);
    assert_eq!(e.msg, "name 'x' is used prior to nonlocal declaration");
    let e = build_err(vec![def(
        "f",
        &[],
        vec![ann("x", load("int"), None), global(&["x"])],
    )]);
    assert_eq!(e.msg, "annotated name 'x' can't be global");
    let e = build_err(vec![def(
        "f",
        &[],
        vec![global(&["x"]), ann("x", load("int"), None).at(3, 2, 8)],
    )]);
    assert_eq!(
        where_(&e),
        ("annotated name 'x' can't be global", 3, 3, 3, 9)
    );
    // At module level an annotated global is fine.
    build(vec![global(&["x"]), ann("x", load("int"), None)]);
}

#[test]
fn analysis_errors_point_at_the_first_directive() {
    let e = build_err(vec![nonlocal(&["x"]).at(1, 0, 10)]);
    assert_eq!(
        where_(&e),
        (
            "nonlocal declaration not allowed at module level",
            1,
            1,
            1,
            11
        )
    );
    let g = def("g", &[], vec![nonlocal(&["x", "y"]).at(3, 4, 18)]);
    let e = build_err(vec![def("f", &[], vec![g])]);
    assert_eq!(
        where_(&e),
        ("no binding for nonlocal 'x' found", 3, 5, 3, 19)
    );
    let e = build_err(vec![def(
        "f",
        &[],
        vec![nonlocal(&["x"]).at(2, 2, 12), global(&["x"]).at(3, 2, 10)],
    )]);
    assert_eq!(where_(&e), ("name 'x' is nonlocal and global", 2, 3, 2, 13));
    // A class body at module level has nothing to be nonlocal to.
    let e = build_err(vec![class("C", vec![nonlocal(&["x"])])]);
    assert_eq!(e.msg, "no binding for nonlocal 'x' found");
}

#[test]
fn duplicate_arguments() {
    let mut a = args(&["a"]);
    a.kwarg = Some(Arg {
        loc: loc(1, 17, 18),
        ..arg("a")
    });
    let e = build_err(vec![def_with("f", a, vec![])]);
    assert_eq!(
        where_(&e),
        (
            "duplicate argument 'a' in function definition",
            1,
            18,
            1,
            19
        )
    );
    let e = build_err(vec![expr(lambda(&["a", "a"], int(1)))]);
    assert_eq!(e.msg, "duplicate argument 'a' in function definition");
}

#[test]
fn import_star_only_at_module_level() {
    let star = |l| StmtKind::ImportFrom {
        module: Some("os".into()),
        names: vec![Alias {
            name: "*".into(),
            asname: None,
            loc: l,
        }],
        level: Some(0),
    };
    build(vec![st(star(Loc::default()))]);
    let e = build_err(vec![def("f", &[], vec![st(star(loc(2, 17, 18)))])]);
    assert_eq!(
        where_(&e),
        ("import * only allowed at module level", 2, 18, 2, 19)
    );
}

#[test]
fn dotted_import_binds_the_first_component() {
    let import = st(StmtKind::Import {
        names: vec![Alias {
            name: "a.b.c".into(),
            asname: None,
            loc: Loc::default(),
        }],
    });
    let t = build(vec![import]);
    assert_eq!(t.top().lookup("a").unwrap().flags, DEF_IMPORT);
}

// --- annotations ----------------------------------------------------------

#[test]
fn annotations_are_uses_unless_postponed() {
    // def f():
    //     x: T = 1
    let body = vec![def("f", &[], vec![ann("x", load("T"), Some(int(1)))])];
    let t = build(body.clone());
    let f = child(&t, t.top(), 0);
    assert_eq!(f.lookup("x").unwrap().flags, DEF_LOCAL | DEF_ANNOT);
    assert_eq!(scope(f, "T"), Scope::GlobalImplicit);
    let t = SymbolTable::build(&module(body), "t.py", CO_FUTURE_ANNOTATIONS).unwrap();
    let f = child(&t, t.top(), 0);
    assert!(f.lookup("T").is_none());
    assert!(f.children.is_empty());
}

#[test]
fn postponed_annotations_refuse_yield_walrus_await() {
    let mut a = args(&["x"]);
    a.args[0].annotation = Some(Box::new(yield_(int(1)).at(2, 10, 15)));
    let m = module(vec![def_with("f", a, vec![])]);
    let e = match SymbolTable::build(&m, "t.py", CO_FUTURE_ANNOTATIONS) {
        Err(CompileError::Syntax(e)) => e,
        other => panic!("{other:?}"),
    };
    assert_eq!(
        where_(&e),
        (
            "'yield expression' can not be used within an annotation",
            2,
            11,
            2,
            16
        )
    );
    let m = module(vec![ann("x", walrus("y", int(1)), None)]);
    let e = SymbolTable::build(&m, "t.py", CO_FUTURE_ANNOTATIONS).unwrap_err();
    assert_eq!(
        e.message(),
        "'named expression' can not be used within an annotation"
    );
}

// --- misc -------------------------------------------------------------------

#[test]
fn deep_nesting_is_a_recursion_error_not_a_crash() {
    let mut e = load("a");
    for _ in 0..5000 {
        e = ex(ExprKind::UnaryOp {
            op: syntax::ast::UnaryOp::Not,
            operand: Box::new(e),
        });
    }
    let m = module(vec![expr(e)]);
    assert_eq!(
        SymbolTable::build(&m, "t.py", 0).unwrap_err(),
        CompileError::Recursion
    );
    // Dropping such a tree recurses too; do it on a big stack.
    stacker::grow(16 << 20, move || drop(m));
}

#[test]
fn generator_coroutine_and_return_flags() {
    let lam = lambda(&["x"], yield_(load("x")));
    let gen = def("g", &[], vec![expr(yield_(int(1))), ret(int(2))]);
    let t = build(vec![gen, expr(lam)]);
    let g = child(&t, t.top(), 0);
    assert!(g.generator && g.returns_value && !g.coroutine);
    let l = child(&t, t.top(), 1);
    assert_eq!(l.name, "lambda");
    assert!(l.generator);
    // async def a(): await x
    let a = st(StmtKind::AsyncFunctionDef {
        name: "a".into(),
        args: Box::new(args(&[])),
        body: vec![expr(ex(ExprKind::Await {
            value: Box::new(attr(load("x"), "y")),
        }))],
        decorator_list: vec![],
        returns: None,
        type_comment: None,
    });
    let t = build(vec![a]);
    assert!(child(&t, t.top(), 0).coroutine);
}

#[test]
fn dump_format() {
    let t = build(vec![def("f", &["a"], vec![ret(lambda(&[], load("a")))])]);
    let expected = "\
module top line 0 params ()
  f: LOCAL DEF_LOCAL
  function f line 0 params (a)
    a: CELL DEF_PARAM
    function lambda line 0 nested params ()
      a: FREE USE
";
    assert_eq!(t.dump(), expected);
}
