//! CPython's AST validator (Python/ast.c): what compile() checks in a tree
//! built or changed by hand before compiling it. All errors are ValueError
//! except where CPython raises TypeError.

use crate::runtime::errors::{PyErr, PyResult};
use syntax::ast::*;

fn err<T>(msg: impl Into<String>) -> PyResult<T> {
    Err(PyErr::value_error(msg.into()))
}

/// The position checks made when a node's location is read.
pub(super) fn check_positions(lineno: i64, col: i64, end_lineno: i64, end_col: i64) -> PyResult<()> {
    if lineno > end_lineno {
        return err(format!("AST node line range ({lineno}, {end_lineno}) is not valid"));
    }
    if (lineno < 0 && end_lineno != lineno) || (col < 0 && col != end_col) {
        return err(format!("AST node column range ({col}, {end_col}) for line range ({lineno}, {end_lineno}) is not valid"));
    }
    if lineno == end_lineno && col > end_col {
        return err(format!("line {lineno}, column {col}-{end_col} is not a valid range"));
    }
    Ok(())
}

fn ctx_name(c: ExprContext) -> &'static str {
    match c {
        ExprContext::Load => "Load",
        ExprContext::Store => "Store",
        ExprContext::Del => "Del",
    }
}

fn nonempty<T>(seq: &[T], what: &str, owner: &str) -> PyResult<()> {
    if seq.is_empty() {
        return err(format!("empty {what} on {owner}"));
    }
    Ok(())
}

fn name(id: &str) -> PyResult<()> {
    if matches!(id, "None" | "True" | "False") {
        return err(format!("identifier field can't represent '{id}' constant"));
    }
    Ok(())
}

/// Validate a whole tree.
pub(super) fn validate_mod(m: &Mod) -> PyResult<()> {
    match m {
        Mod::Module { body, .. } | Mod::Interactive { body } => stmts(body),
        Mod::Expression { body } => expr(body, ExprContext::Load),
        Mod::FunctionType { argtypes, returns } => {
            exprs(argtypes, ExprContext::Load)?;
            expr(returns, ExprContext::Load)
        }
    }
}

fn stmts(body: &[Stmt]) -> PyResult<()> {
    body.iter().try_for_each(stmt)
}

fn body(b: &[Stmt], owner: &str) -> PyResult<()> {
    nonempty(b, "body", owner)?;
    stmts(b)
}

fn exprs(es: &[Expr], ctx: ExprContext) -> PyResult<()> {
    es.iter().try_for_each(|e| expr(e, ctx))
}

fn opt_expr(e: &Option<Box<Expr>>, ctx: ExprContext) -> PyResult<()> {
    match e {
        Some(e) => expr(e, ctx),
        None => Ok(()),
    }
}

fn keywords(ks: &[Keyword]) -> PyResult<()> {
    ks.iter().try_for_each(|k| expr(&k.value, ExprContext::Load))
}

fn arguments(a: &Arguments) -> PyResult<()> {
    let arg = |x: &Arg| opt_expr(&x.annotation, ExprContext::Load);
    a.posonlyargs.iter().chain(&a.args).try_for_each(arg)?;
    if let Some(v) = &a.vararg {
        arg(v)?;
    }
    a.kwonlyargs.iter().try_for_each(arg)?;
    if let Some(k) = &a.kwarg {
        arg(k)?;
    }
    if a.defaults.len() > a.posonlyargs.len() + a.args.len() {
        return err("more positional defaults than args on arguments");
    }
    if a.kw_defaults.len() != a.kwonlyargs.len() {
        return err("length of kwonlyargs is not the same as kw_defaults on arguments");
    }
    exprs(&a.defaults, ExprContext::Load)?;
    a.kw_defaults.iter().flatten().try_for_each(|e| expr(e, ExprContext::Load))
}

fn comprehensions(gens: &[Comprehension]) -> PyResult<()> {
    if gens.is_empty() {
        return err("comprehension with no generators");
    }
    for g in gens {
        expr(&g.target, ExprContext::Store)?;
        expr(&g.iter, ExprContext::Load)?;
        exprs(&g.ifs, ExprContext::Load)?;
    }
    Ok(())
}

fn stmt(s: &Stmt) -> PyResult<()> {
    use ExprContext::*;
    match &s.kind {
        StmtKind::FunctionDef { args, body: b, decorator_list, returns, .. } | StmtKind::AsyncFunctionDef { args, body: b, decorator_list, returns, .. } => {
            let owner = if matches!(s.kind, StmtKind::FunctionDef { .. }) { "FunctionDef" } else { "AsyncFunctionDef" };
            body(b, owner)?;
            arguments(args)?;
            exprs(decorator_list, Load)?;
            opt_expr(returns, Load)
        }
        StmtKind::ClassDef { bases, keywords: ks, body: b, decorator_list, .. } => {
            body(b, "ClassDef")?;
            exprs(bases, Load)?;
            keywords(ks)?;
            exprs(decorator_list, Load)
        }
        StmtKind::Return { value } => opt_expr(value, Load),
        StmtKind::Delete { targets } => {
            nonempty(targets, "targets", "Delete")?;
            exprs(targets, Del)
        }
        StmtKind::Assign { targets, value, .. } => {
            nonempty(targets, "targets", "Assign")?;
            exprs(targets, Store)?;
            expr(value, Load)
        }
        StmtKind::AugAssign { target, value, .. } => {
            expr(target, Store)?;
            expr(value, Load)
        }
        StmtKind::AnnAssign { target, annotation, value, simple } => {
            if *simple != 0 && !matches!(target.kind, ExprKind::Name { .. }) {
                return Err(PyErr::type_error("AnnAssign with simple non-Name target"));
            }
            expr(target, Store)?;
            opt_expr(value, Load)?;
            expr(annotation, Load)
        }
        StmtKind::For { target, iter, body: b, orelse, .. } | StmtKind::AsyncFor { target, iter, body: b, orelse, .. } => {
            expr(target, Store)?;
            expr(iter, Load)?;
            body(b, if matches!(s.kind, StmtKind::For { .. }) { "For" } else { "AsyncFor" })?;
            stmts(orelse)
        }
        StmtKind::While { test, body: b, orelse } | StmtKind::If { test, body: b, orelse } => {
            expr(test, Load)?;
            body(b, if matches!(s.kind, StmtKind::While { .. }) { "While" } else { "If" })?;
            stmts(orelse)
        }
        StmtKind::With { items, body: b, .. } | StmtKind::AsyncWith { items, body: b, .. } => {
            let owner = if matches!(s.kind, StmtKind::With { .. }) { "With" } else { "AsyncWith" };
            nonempty(items, "items", owner)?;
            for it in items {
                expr(&it.context_expr, Load)?;
                opt_expr(&it.optional_vars, Store)?;
            }
            body(b, owner)
        }
        StmtKind::Match { subject, cases } => {
            expr(subject, Load)?;
            nonempty(cases, "cases", "Match")?;
            for c in cases {
                pattern(&c.pattern, false)?;
                opt_expr(&c.guard, Load)?;
                body(&c.body, "match_case")?;
            }
            Ok(())
        }
        StmtKind::Raise { exc, cause } => match exc {
            Some(e) => {
                expr(e, Load)?;
                opt_expr(cause, Load)
            }
            None if cause.is_some() => err("Raise with cause but no exception"),
            None => Ok(()),
        },
        StmtKind::Try { body: b, handlers, orelse, finalbody } | StmtKind::TryStar { body: b, handlers, orelse, finalbody } => {
            let owner = if matches!(s.kind, StmtKind::Try { .. }) { "Try" } else { "TryStar" };
            body(b, owner)?;
            if handlers.is_empty() && finalbody.is_empty() {
                return err(format!("{owner} has neither except handlers nor finalbody"));
            }
            if handlers.is_empty() && !orelse.is_empty() {
                return err(format!("{owner} has orelse but no except handlers"));
            }
            for h in handlers {
                let ExceptHandlerKind::ExceptHandler { type_, body: hb, .. } = &h.kind;
                opt_expr(type_, Load)?;
                body(hb, "ExceptHandler")?;
            }
            stmts(finalbody)?;
            stmts(orelse)
        }
        StmtKind::Assert { test, msg } => {
            expr(test, Load)?;
            opt_expr(msg, Load)
        }
        StmtKind::Import { names } => nonempty(names, "names", "Import"),
        StmtKind::ImportFrom { names, level, .. } => {
            if level.is_some_and(|l| l < 0) {
                return err("Negative ImportFrom level");
            }
            nonempty(names, "names", "ImportFrom")
        }
        StmtKind::Global { names } => nonempty(names, "names", "Global"),
        StmtKind::Nonlocal { names } => nonempty(names, "names", "Nonlocal"),
        StmtKind::Expr { value } => expr(value, Load),
        StmtKind::Pass | StmtKind::Break | StmtKind::Continue => Ok(()),
    }
}

fn expr(e: &Expr, ctx: ExprContext) -> PyResult<()> {
    use ExprContext::*;
    let actual = match &e.kind {
        ExprKind::Attribute { ctx, .. }
        | ExprKind::Subscript { ctx, .. }
        | ExprKind::Starred { ctx, .. }
        | ExprKind::Name { ctx, .. }
        | ExprKind::List { ctx, .. }
        | ExprKind::Tuple { ctx, .. } => Some(*ctx),
        _ => None,
    };
    match actual {
        Some(a) if a != ctx => {
            return err(format!("expression must have {} context but has {} instead", ctx_name(ctx), ctx_name(a)));
        }
        None if ctx != Load => {
            return err(format!("expression which can't be assigned to in {} context", ctx_name(ctx)));
        }
        _ => {}
    }
    match &e.kind {
        ExprKind::BoolOp { values, .. } => {
            if values.len() < 2 {
                return err("BoolOp with less than 2 values");
            }
            exprs(values, Load)
        }
        ExprKind::BinOp { left, right, .. } => {
            expr(left, Load)?;
            expr(right, Load)
        }
        ExprKind::UnaryOp { operand, .. } => expr(operand, Load),
        ExprKind::Lambda { args, body } => {
            arguments(args)?;
            expr(body, Load)
        }
        ExprKind::IfExp { test, body, orelse } => {
            expr(test, Load)?;
            expr(body, Load)?;
            expr(orelse, Load)
        }
        ExprKind::Dict { keys, values } => {
            if keys.len() != values.len() {
                return err("Dict doesn't have the same number of keys as values");
            }
            keys.iter().flatten().try_for_each(|k| expr(k, Load))?;
            exprs(values, Load)
        }
        ExprKind::Set { elts } => exprs(elts, Load),
        ExprKind::ListComp { elt, generators } | ExprKind::SetComp { elt, generators } | ExprKind::GeneratorExp { elt, generators } => {
            comprehensions(generators)?;
            expr(elt, Load)
        }
        ExprKind::DictComp { key, value, generators } => {
            comprehensions(generators)?;
            expr(key, Load)?;
            expr(value, Load)
        }
        ExprKind::Yield { value } => opt_expr(value, Load),
        ExprKind::YieldFrom { value } | ExprKind::Await { value } => expr(value, Load),
        ExprKind::Compare { left, ops, comparators } => {
            if comparators.is_empty() {
                return err("Compare with no comparators");
            }
            if comparators.len() != ops.len() {
                return err("Compare has a different number of comparators and operands");
            }
            exprs(comparators, Load)?;
            expr(left, Load)
        }
        ExprKind::Call { func, args, keywords: ks } => {
            expr(func, Load)?;
            exprs(args, Load)?;
            keywords(ks)
        }
        ExprKind::Constant { .. } => Ok(()),
        ExprKind::JoinedStr { values } => exprs(values, Load),
        ExprKind::FormattedValue { value, format_spec, .. } => {
            expr(value, Load)?;
            opt_expr(format_spec, Load)
        }
        ExprKind::Attribute { value, .. } => expr(value, Load),
        ExprKind::Subscript { value, slice, .. } => {
            expr(slice, Load)?;
            expr(value, Load)
        }
        ExprKind::Starred { value, .. } => expr(value, ctx),
        ExprKind::Slice { lower, upper, step } => {
            opt_expr(lower, Load)?;
            opt_expr(upper, Load)?;
            opt_expr(step, Load)
        }
        ExprKind::List { elts, .. } | ExprKind::Tuple { elts, .. } => exprs(elts, ctx),
        ExprKind::NamedExpr { target, value } => {
            if !matches!(target.kind, ExprKind::Name { .. }) {
                return Err(PyErr::type_error("NamedExpr target must be a Name"));
            }
            expr(value, Load)
        }
        ExprKind::Name { id, .. } => name(id),
    }
}

fn capture(n: &Option<String>) -> PyResult<()> {
    match n.as_deref() {
        Some("_") => err("can't capture name '_' in patterns"),
        Some(id) => name(id),
        None => Ok(()),
    }
}

const NOT_LITERAL: &str = "patterns may only match literals and attribute lookups";

fn is_number(c: &Constant) -> bool {
    matches!(c, Constant::Int(_) | Constant::BigInt(_) | Constant::Float(_) | Constant::Complex { .. })
}

/// A (possibly negated) number constant.
fn signed_number(e: &Expr) -> bool {
    match &e.kind {
        ExprKind::Constant { value, .. } => is_number(value),
        ExprKind::UnaryOp { op: UnaryOp::USub, operand } => matches!(&operand.kind, ExprKind::Constant { value, .. } if is_number(value)),
        _ => false,
    }
}

/// The value of a MatchValue (or a mapping key): a literal, a signed
/// number, a complex sum or an attribute lookup.
fn match_value(e: &Expr) -> PyResult<()> {
    expr(e, ExprContext::Load)?;
    match &e.kind {
        ExprKind::Constant { value, .. } => match value {
            Constant::Int(_) | Constant::BigInt(_) | Constant::Float(_) | Constant::Complex { .. } | Constant::Str(_) | Constant::Bytes(_) => Ok(()),
            _ => err("unexpected constant inside of a literal pattern"),
        },
        ExprKind::Attribute { .. } | ExprKind::JoinedStr { .. } => Ok(()),
        ExprKind::UnaryOp { .. } if signed_number(e) => Ok(()),
        ExprKind::BinOp { left, op: Operator::Add | Operator::Sub, right } if signed_number(left) && matches!(&right.kind, ExprKind::Constant { value: Constant::Complex { .. }, .. }) => Ok(()),
        _ => err(NOT_LITERAL),
    }
}

fn pattern(p: &Pattern, star_ok: bool) -> PyResult<()> {
    match &p.kind {
        PatternKind::MatchValue { value } => match_value(value),
        PatternKind::MatchSingleton { value } => match value {
            Constant::None | Constant::Bool(_) => Ok(()),
            _ => err("MatchSingleton can only contain True, False and None"),
        },
        PatternKind::MatchSequence { patterns } => patterns.iter().try_for_each(|q| pattern(q, true)),
        PatternKind::MatchMapping { keys, patterns, rest } => {
            if keys.len() != patterns.len() {
                return err("MatchMapping doesn't have the same number of keys as patterns");
            }
            capture(rest)?;
            for k in keys {
                match &k.kind {
                    ExprKind::Constant { .. } | ExprKind::Attribute { .. } => expr(k, ExprContext::Load)?,
                    _ => match_value(k)?,
                }
            }
            patterns.iter().try_for_each(|q| pattern(q, false))
        }
        PatternKind::MatchClass { cls, patterns, kwd_attrs, kwd_patterns } => {
            expr(cls, ExprContext::Load)?;
            let mut c = &**cls;
            loop {
                match &c.kind {
                    ExprKind::Name { .. } => break,
                    ExprKind::Attribute { value, .. } => c = value,
                    _ => return err("MatchClass cls field can only contain Name or Attribute nodes."),
                }
            }
            if kwd_attrs.len() != kwd_patterns.len() {
                return err("MatchClass doesn't have the same number of keyword attributes as patterns");
            }
            kwd_attrs.iter().try_for_each(|a| name(a))?;
            patterns.iter().chain(kwd_patterns).try_for_each(|q| pattern(q, false))
        }
        PatternKind::MatchStar { name: n } => {
            if !star_ok {
                return err("can't use MatchStar here");
            }
            capture(n)
        }
        PatternKind::MatchAs { pattern: inner, name: n } => {
            capture(n)?;
            match inner {
                Some(q) if n.is_none() => {
                    let _ = q;
                    err("MatchAs must specify a target name if a pattern is given")
                }
                Some(q) => pattern(q, false),
                None => Ok(()),
            }
        }
        PatternKind::MatchOr { patterns } => {
            if patterns.len() < 2 {
                return err("MatchOr requires at least 2 patterns");
            }
            patterns.iter().try_for_each(|q| pattern(q, false))
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn parse(src: &str) -> Mod {
        syntax::parse_str(src, "<test>", syntax::Mode::Module).expect("valid source")
    }

    fn refused(m: &Mod) -> bool {
        validate_mod(m).is_err()
    }

    fn first_stmt(m: &mut Mod) -> &mut Stmt {
        match m {
            Mod::Module { body, .. } => &mut body[0],
            _ => unreachable!("parsed as a module"),
        }
    }

    #[test]
    fn parsed_trees_are_valid() {
        let src = "def f(a, /, b=1, *c, d, **e):\n    return [x async for x in a]\nmatch p:\n    case [1, *r] | {'k': -1+2j, **kw} if r:\n        pass\n    case C(a.b, x=None) as y:\n        pass\ntry:\n    pass\nexcept* E:\n    pass\n";
        assert!(validate_mod(&parse(src)).is_ok());
    }

    #[test]
    fn positions() {
        // Messages from python3's compile() of nodes with these positions.
        assert!(check_positions(1, 0, 1, 0).is_ok());
        assert!(check_positions(-1, -1, -1, -1).is_ok());
        assert!(check_positions(2, 0, 1, 0).is_err());
        assert!(check_positions(1, 5, 1, 1).is_err());
        assert!(check_positions(1, -1, 1, 3).is_err());
    }

    #[test]
    fn contexts_and_shapes() {
        let mut m = parse("x = 1");
        if let StmtKind::Assign { targets, .. } = &mut first_stmt(&mut m).kind {
            if let ExprKind::Name { ctx, .. } = &mut targets[0].kind {
                *ctx = ExprContext::Load;
            }
        }
        assert!(refused(&m));
        let mut m = parse("if x:\n    pass\n");
        if let StmtKind::If { body, .. } = &mut first_stmt(&mut m).kind {
            body.clear();
        }
        assert!(refused(&m));
        let mut m = parse("a < b");
        if let StmtKind::Expr { value } = &mut first_stmt(&mut m).kind {
            if let ExprKind::Compare { ops, .. } = &mut value.kind {
                ops.push(CmpOp::Lt);
            }
        }
        assert!(refused(&m));
        let m = parse("None_ = 1");
        assert!(!refused(&m));
    }

    #[test]
    fn match_values() {
        let int = |v| Expr { kind: ExprKind::Constant { value: Constant::Int(v), kind: None }, loc: Loc::default() };
        assert!(match_value(&int(1)).is_ok());
        let none = Expr { kind: ExprKind::Constant { value: Constant::None, kind: None }, loc: Loc::default() };
        assert!(match_value(&none).is_err());
        let neg = Expr { kind: ExprKind::UnaryOp { op: UnaryOp::USub, operand: Box::new(int(1)) }, loc: Loc::default() };
        assert!(match_value(&neg).is_ok());
        let not = Expr { kind: ExprKind::UnaryOp { op: UnaryOp::Not, operand: Box::new(int(1)) }, loc: Loc::default() };
        assert!(match_value(&not).is_err());
    }
}
