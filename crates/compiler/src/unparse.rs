//! Expression source text for `from __future__ import annotations`
//! (CPython's Python/ast_unparse.c), enough for annotations.

use syntax::ast::{BoolOp, CmpOp, Constant, Expr, ExprKind, Operator, UnaryOp};

/// The source text of an annotation, as CPython's `expr_as_unicode(e, PR_TEST)`.
pub fn unparse(e: &Expr) -> String {
    let mut out = String::new();
    expr(e, PR_TEST, &mut out);
    out
}

fn arguments(a: &syntax::ast::Arguments, out: &mut String) {
    let mut first = true;
    let mut sep = |out: &mut String| {
        if !first {
            out.push_str(", ");
        }
        first = false;
    };
    let positional: Vec<&syntax::ast::Arg> = a.posonlyargs.iter().chain(&a.args).collect();
    let ndefaults = a.defaults.len();
    let first_default = positional.len().saturating_sub(ndefaults);
    for (i, arg) in positional.iter().enumerate() {
        sep(out);
        out.push_str(&arg.arg);
        if i >= first_default {
            out.push('=');
            expr(&a.defaults[i - first_default], PR_TEST, out);
        }
        if i + 1 == a.posonlyargs.len() {
            out.push_str(", /");
        }
    }
    if a.vararg.is_some() || !a.kwonlyargs.is_empty() {
        sep(out);
        out.push('*');
        if let Some(v) = &a.vararg {
            out.push_str(&v.arg);
        }
    }
    for (arg, default) in a.kwonlyargs.iter().zip(&a.kw_defaults) {
        sep(out);
        out.push_str(&arg.arg);
        if let Some(d) = default {
            out.push('=');
            expr(d, PR_TEST, out);
        }
    }
    if let Some(k) = &a.kwarg {
        sep(out);
        out.push_str("**");
        out.push_str(&k.arg);
    }
}

fn comprehensions(gens: &[syntax::ast::Comprehension], out: &mut String) {
    for g in gens {
        out.push_str(if g.is_async != 0 {
            " async for "
        } else {
            " for "
        });
        expr(&g.target, PR_TUPLE, out);
        out.push_str(" in ");
        expr(&g.iter, PR_TEST + 1, out);
        for cond in &g.ifs {
            out.push_str(" if ");
            expr(cond, PR_TEST + 1, out);
        }
    }
}

// Precedence levels as ast_unparse.c.
const PR_TUPLE: u8 = 0;
const PR_TEST: u8 = 1;
const PR_OR: u8 = 2;
const PR_AND: u8 = 3;
const PR_NOT: u8 = 4;
const PR_CMP: u8 = 5;
const PR_BOR: u8 = 6;
const PR_BXOR: u8 = 7;
const PR_BAND: u8 = 8;
const PR_SHIFT: u8 = 9;
const PR_ARITH: u8 = 10;
const PR_TERM: u8 = 11;
const PR_FACTOR: u8 = 12;
const PR_POWER: u8 = 13;
const PR_AWAIT: u8 = 14;
const PR_ATOM: u8 = 15;

fn op_info(op: Operator) -> (&'static str, u8) {
    match op {
        Operator::Add => ("+", PR_ARITH),
        Operator::Sub => ("-", PR_ARITH),
        Operator::Mult => ("*", PR_TERM),
        Operator::MatMult => ("@", PR_TERM),
        Operator::Div => ("/", PR_TERM),
        Operator::Mod => ("%", PR_TERM),
        Operator::FloorDiv => ("//", PR_TERM),
        Operator::Pow => ("**", PR_POWER),
        Operator::LShift => ("<<", PR_SHIFT),
        Operator::RShift => (">>", PR_SHIFT),
        Operator::BitOr => ("|", PR_BOR),
        Operator::BitXor => ("^", PR_BXOR),
        Operator::BitAnd => ("&", PR_BAND),
    }
}

fn seq(items: &[Expr], out: &mut String) {
    for (i, x) in items.iter().enumerate() {
        if i > 0 {
            out.push_str(", ");
        }
        expr(x, PR_TEST, out);
    }
}

fn expr(e: &Expr, level: u8, out: &mut String) {
    let paren = |out: &mut String, own: u8, f: &mut dyn FnMut(&mut String)| {
        if level > own {
            out.push('(');
        }
        f(out);
        if level > own {
            out.push(')');
        }
    };
    match &e.kind {
        ExprKind::Constant { value, .. } => match value {
            Constant::Ellipsis => out.push_str("..."),
            Constant::Float(f) if f.is_infinite() => out.push_str("1e309"),
            c => out.push_str(&c.repr()),
        },
        ExprKind::Name { id, .. } => out.push_str(id),
        ExprKind::Attribute { value, attr, .. } => {
            expr(value, PR_ATOM, out);
            if let ExprKind::Constant {
                value: Constant::Int(_),
                ..
            } = value.kind
            {
                out.push(' ');
            }
            out.push('.');
            out.push_str(attr);
        }
        ExprKind::Subscript { value, slice, .. } => {
            expr(value, PR_ATOM, out);
            out.push('[');
            match &slice.kind {
                ExprKind::Tuple { elts, .. } if !elts.is_empty() => {
                    seq(elts, out);
                    if elts.len() == 1 {
                        out.push(',');
                    }
                }
                _ => expr(slice, PR_TUPLE, out),
            }
            out.push(']');
        }
        ExprKind::Slice { lower, upper, step } => {
            if let Some(x) = lower {
                expr(x, PR_TEST, out);
            }
            out.push(':');
            if let Some(x) = upper {
                expr(x, PR_TEST, out);
            }
            if let Some(x) = step {
                out.push(':');
                expr(x, PR_TEST, out);
            }
        }
        ExprKind::Tuple { elts, .. } => {
            if elts.is_empty() {
                out.push_str("()");
            } else {
                paren(out, PR_TUPLE, &mut |out| {
                    seq(elts, out);
                    if elts.len() == 1 {
                        out.push(',');
                    }
                });
            }
        }
        ExprKind::List { elts, .. } => {
            out.push('[');
            seq(elts, out);
            out.push(']');
        }
        ExprKind::Set { elts } => {
            out.push('{');
            seq(elts, out);
            out.push('}');
        }
        ExprKind::Dict { keys, values } => {
            out.push('{');
            for (i, (k, v)) in keys.iter().zip(values).enumerate() {
                if i > 0 {
                    out.push_str(", ");
                }
                match k {
                    Some(k) => {
                        expr(k, PR_TEST, out);
                        out.push_str(": ");
                        expr(v, PR_TEST, out);
                    }
                    None => {
                        out.push_str("**");
                        expr(v, PR_BOR, out);
                    }
                }
            }
            out.push('}');
        }
        ExprKind::BinOp { left, op, right } => {
            let (sym, pr) = op_info(*op);
            let right_assoc = *op == Operator::Pow;
            paren(out, pr, &mut |out| {
                expr(left, if right_assoc { pr + 1 } else { pr }, out);
                out.push(' ');
                out.push_str(sym);
                out.push(' ');
                expr(right, if right_assoc { pr } else { pr + 1 }, out);
            });
        }
        ExprKind::UnaryOp { op, operand } => {
            let (sym, pr) = match op {
                UnaryOp::Not => ("not ", PR_NOT),
                UnaryOp::Invert => ("~", PR_FACTOR),
                UnaryOp::UAdd => ("+", PR_FACTOR),
                UnaryOp::USub => ("-", PR_FACTOR),
            };
            paren(out, pr, &mut |out| {
                out.push_str(sym);
                expr(operand, pr, out);
            });
        }
        ExprKind::BoolOp { op, values } => {
            let (sym, pr) = match op {
                BoolOp::And => (" and ", PR_AND),
                BoolOp::Or => (" or ", PR_OR),
            };
            paren(out, pr, &mut |out| {
                for (i, v) in values.iter().enumerate() {
                    if i > 0 {
                        out.push_str(sym);
                    }
                    expr(v, pr + 1, out);
                }
            });
        }
        ExprKind::Compare {
            left,
            ops,
            comparators,
        } => paren(out, PR_CMP, &mut |out| {
            expr(left, PR_CMP + 1, out);
            for (op, c) in ops.iter().zip(comparators) {
                out.push_str(match op {
                    CmpOp::Eq => " == ",
                    CmpOp::NotEq => " != ",
                    CmpOp::Lt => " < ",
                    CmpOp::LtE => " <= ",
                    CmpOp::Gt => " > ",
                    CmpOp::GtE => " >= ",
                    CmpOp::Is => " is ",
                    CmpOp::IsNot => " is not ",
                    CmpOp::In => " in ",
                    CmpOp::NotIn => " not in ",
                });
                expr(c, PR_CMP + 1, out);
            }
        }),
        ExprKind::Call {
            func,
            args,
            keywords,
        } => {
            expr(func, PR_ATOM, out);
            out.push('(');
            let mut first = true;
            for a in args {
                if !first {
                    out.push_str(", ");
                }
                first = false;
                expr(a, PR_TEST, out);
            }
            for k in keywords {
                if !first {
                    out.push_str(", ");
                }
                first = false;
                match &k.arg {
                    Some(name) => {
                        out.push_str(name);
                        out.push('=');
                    }
                    None => out.push_str("**"),
                }
                expr(&k.value, PR_TEST, out);
            }
            out.push(')');
        }
        ExprKind::Starred { value, .. } => {
            out.push('*');
            expr(value, PR_BOR, out);
        }
        ExprKind::IfExp { test, body, orelse } => paren(out, PR_TEST, &mut |out| {
            expr(body, PR_TEST + 1, out);
            out.push_str(" if ");
            expr(test, PR_TEST + 1, out);
            out.push_str(" else ");
            expr(orelse, PR_TEST, out);
        }),
        ExprKind::Await { value } => paren(out, PR_AWAIT, &mut |out| {
            out.push_str("await ");
            expr(value, PR_ATOM, out);
        }),
        ExprKind::Lambda { args, body } => paren(out, PR_TEST, &mut |out| {
            let mut a = String::new();
            arguments(args, &mut a);
            if a.is_empty() {
                out.push_str("lambda: ");
            } else {
                out.push_str("lambda ");
                out.push_str(&a);
                out.push_str(": ");
            }
            expr(body, PR_TEST, out);
        }),
        ExprKind::ListComp { elt, generators } => {
            out.push('[');
            expr(elt, PR_TEST, out);
            comprehensions(generators, out);
            out.push(']');
        }
        ExprKind::SetComp { elt, generators } => {
            out.push('{');
            expr(elt, PR_TEST, out);
            comprehensions(generators, out);
            out.push('}');
        }
        ExprKind::GeneratorExp { elt, generators } => {
            out.push('(');
            expr(elt, PR_TEST, out);
            comprehensions(generators, out);
            out.push(')');
        }
        ExprKind::DictComp {
            key,
            value,
            generators,
        } => {
            out.push('{');
            expr(key, PR_TEST, out);
            out.push_str(": ");
            expr(value, PR_TEST, out);
            comprehensions(generators, out);
            out.push('}');
        }
        _ => out.push_str("..."),
    }
}
