//! Compile-time constant folding, as CPython's AST optimizer
//! (Python/ast_opt.c) does it: unary and binary operators on constants
//! (with CPython's size limits, so `2**10000` or `'a'*10**6` stay
//! run-time operations), tuples of constants, `__debug__`, and the
//! list/set operands of `in` and `for` turned into tuple/frozenset constants.

use num_bigint::BigInt;
use num_traits::{One, Signed, ToPrimitive, Zero};
use syntax::ast::{Constant, Expr, ExprContext, ExprKind, Operator, UnaryOp};

/// CPython's limits (ast_opt.c): results bigger than this are not folded.
const MAX_INT_SIZE: u64 = 128; // bits
const MAX_COLLECTION_SIZE: usize = 256;
const MAX_STR_SIZE: usize = 4096;
const MAX_TOTAL_ITEMS: usize = 1024;

/// Python truthiness of a constant.
pub fn truthy(c: &Constant) -> bool {
    match c {
        Constant::None => false,
        Constant::Bool(b) => *b,
        Constant::Ellipsis => true,
        Constant::Int(i) => *i != 0,
        Constant::BigInt(i) => !i.is_zero(),
        Constant::Float(f) => *f != 0.0,
        Constant::Complex { real, imag } => *real != 0.0 || *imag != 0.0,
        Constant::Str(s) => !s.is_empty(),
        Constant::Bytes(b) => !b.is_empty(),
        Constant::Tuple(t) => !t.is_empty(),
    }
}

/// The constant value of an expression after folding, if it has one.
pub fn const_value(e: &Expr, optimize: u32) -> Option<Constant> {
    // Folding looks up to MAX_FOLD_DEPTH levels down, from wherever the
    // code generator is: make sure that much stack is there.
    stacker::maybe_grow(256 * 1024, 2 * 1024 * 1024, || fold(e, optimize, 0))
}

/// How deep folding looks into an expression.
const MAX_FOLD_DEPTH: u32 = 200;

fn fold(e: &Expr, optimize: u32, depth: u32) -> Option<Constant> {
    if depth > MAX_FOLD_DEPTH {
        return None;
    }
    match &e.kind {
        ExprKind::Constant { value, .. } => Some(value.clone()),
        ExprKind::Name {
            id,
            ctx: ExprContext::Load,
        } if id == "__debug__" => Some(Constant::Bool(optimize == 0)),
        ExprKind::UnaryOp { op, operand } => {
            let v = fold(operand, optimize, depth + 1)?;
            unary(*op, &v)
        }
        ExprKind::BinOp { left, op, right } => {
            let l = fold(left, optimize, depth + 1)?;
            let r = fold(right, optimize, depth + 1)?;
            binary(&l, *op, &r)
        }
        ExprKind::Tuple {
            elts,
            ctx: ExprContext::Load,
        } => {
            let items: Option<Vec<Constant>> =
                elts.iter().map(|x| fold(x, optimize, depth + 1)).collect();
            items.map(Constant::Tuple)
        }
        ExprKind::Subscript {
            value,
            slice,
            ctx: ExprContext::Load,
        } => {
            let v = fold(value, optimize, depth + 1)?;
            let i = fold(slice, optimize, depth + 1)?;
            subscript(&v, &i)
        }
        _ => None,
    }
}

/// `v[i]` for constants, when Python computes it without an error (CPython's
/// fold_subscr): an integer index into a str, bytes or tuple.
fn subscript(v: &Constant, i: &Constant) -> Option<Constant> {
    let i = match i {
        Constant::Bool(b) => *b as i64,
        Constant::Int(i) => *i,
        // Beyond i64, too large for any sequence: an IndexError.
        Constant::BigInt(i) => i64::try_from(i).ok()?,
        _ => return None,
    };
    let at = |len: usize| -> Option<usize> {
        let k = if i < 0 { i.checked_add(len as i64)? } else { i };
        (0..len as i64).contains(&k).then_some(k as usize)
    };
    match v {
        Constant::Str(s) => {
            let n = s.code_points().count();
            let cp = s.code_points().nth(at(n)?)?;
            let mut out = syntax::wtf8::Wtf8Buf::new();
            out.push_code_point(cp);
            Some(Constant::Str(out))
        }
        Constant::Bytes(b) => Some(Constant::Int(b[at(b.len())?] as i64)),
        Constant::Tuple(t) => Some(t[at(t.len())?].clone()),
        _ => None,
    }
}

fn to_big(c: &Constant) -> Option<BigInt> {
    match c {
        Constant::Int(i) => Some(BigInt::from(*i)),
        Constant::BigInt(i) => Some(i.clone()),
        Constant::Bool(b) => Some(BigInt::from(*b as i64)),
        _ => None,
    }
}

fn from_big(i: BigInt) -> Constant {
    match i.to_i64() {
        Some(v) => Constant::Int(v),
        None => Constant::BigInt(i),
    }
}

fn to_float(c: &Constant) -> Option<f64> {
    match c {
        Constant::Float(f) => Some(*f),
        _ => {
            let i = to_big(c)?;
            let f = i.to_f64()?;
            // Only ints that convert exactly, to stay clear of rounding rules.
            if f.abs() < 9007199254740992.0 {
                Some(f)
            } else {
                None
            }
        }
    }
}

fn to_complex(c: &Constant) -> Option<(f64, f64)> {
    match c {
        Constant::Complex { real, imag } => Some((*real, *imag)),
        _ => Some((to_float(c)?, 0.0)),
    }
}

fn bits(i: &BigInt) -> u64 {
    i.bits()
}

fn unary(op: UnaryOp, v: &Constant) -> Option<Constant> {
    match op {
        UnaryOp::Not => Some(Constant::Bool(!truthy(v))),
        UnaryOp::USub => match v {
            Constant::Float(f) => Some(Constant::Float(-f)),
            Constant::Complex { real, imag } => Some(Constant::Complex {
                real: -real,
                imag: -imag,
            }),
            _ => Some(from_big(-to_big(v)?)),
        },
        UnaryOp::UAdd => match v {
            Constant::Float(_) | Constant::Complex { .. } => Some(v.clone()),
            _ => Some(from_big(to_big(v)?)),
        },
        UnaryOp::Invert => match v {
            Constant::Int(_) | Constant::BigInt(_) | Constant::Bool(_) => {
                Some(from_big(!to_big(v)?))
            }
            _ => None,
        },
    }
}

fn is_int(c: &Constant) -> bool {
    matches!(
        c,
        Constant::Int(_) | Constant::BigInt(_) | Constant::Bool(_)
    )
}

fn is_numeric(c: &Constant) -> bool {
    is_int(c) || matches!(c, Constant::Float(_) | Constant::Complex { .. })
}

fn seq_len(c: &Constant) -> Option<usize> {
    match c {
        Constant::Str(s) => Some(s.as_bytes().len()),
        Constant::Bytes(b) => Some(b.len()),
        Constant::Tuple(t) => Some(t.len()),
        _ => None,
    }
}

fn repeat(seq: &Constant, n: &Constant) -> Option<Constant> {
    let n = to_big(n)?;
    let n = if n.is_negative() { 0 } else { n.to_usize()? };
    let len = seq_len(seq)?;
    let limit = match seq {
        Constant::Tuple(_) => MAX_COLLECTION_SIZE,
        _ => MAX_STR_SIZE,
    };
    if len > 0 && n > limit / len {
        return None;
    }
    Some(match seq {
        Constant::Str(s) => {
            let mut out = syntax::wtf8::Wtf8Buf::new();
            for _ in 0..n {
                out.push_wtf8(s);
            }
            Constant::Str(out)
        }
        Constant::Bytes(b) => Constant::Bytes(b.repeat(n)),
        Constant::Tuple(t) => {
            let total: usize = t.iter().map(count_items).sum::<usize>() * n;
            if total > MAX_TOTAL_ITEMS {
                return None;
            }
            Constant::Tuple(t.iter().cloned().cycle().take(t.len() * n).collect())
        }
        _ => return None,
    })
}

fn count_items(c: &Constant) -> usize {
    match c {
        Constant::Tuple(t) => 1 + t.iter().map(count_items).sum::<usize>(),
        _ => 1,
    }
}

fn floor_div_mod(a: &BigInt, b: &BigInt) -> (BigInt, BigInt) {
    use num_integer::Integer;
    a.div_mod_floor(b)
}

fn binary(l: &Constant, op: Operator, r: &Constant) -> Option<Constant> {
    use Operator::*;
    // Sequences.
    match (op, l, r) {
        (Add, Constant::Str(a), Constant::Str(b)) => {
            if a.as_bytes().len() + b.as_bytes().len() > MAX_STR_SIZE {
                return None;
            }
            let mut s = a.clone();
            s.push_wtf8(b);
            return Some(Constant::Str(s));
        }
        (Add, Constant::Bytes(a), Constant::Bytes(b)) => {
            if a.len() + b.len() > MAX_STR_SIZE {
                return None;
            }
            return Some(Constant::Bytes([a.as_slice(), b.as_slice()].concat()));
        }
        (Add, Constant::Tuple(a), Constant::Tuple(b)) => {
            if a.len() + b.len() > MAX_COLLECTION_SIZE {
                return None;
            }
            return Some(Constant::Tuple(a.iter().chain(b.iter()).cloned().collect()));
        }
        (Mult, Constant::Str(_) | Constant::Bytes(_) | Constant::Tuple(_), n) if is_int(n) => {
            return repeat(l, n)
        }
        (Mult, n, Constant::Str(_) | Constant::Bytes(_) | Constant::Tuple(_)) if is_int(n) => {
            return repeat(r, n)
        }
        // bool's &, | and ^ of two bools stay bool.
        (BitAnd, Constant::Bool(a), Constant::Bool(b)) => return Some(Constant::Bool(a & b)),
        (BitOr, Constant::Bool(a), Constant::Bool(b)) => return Some(Constant::Bool(a | b)),
        (BitXor, Constant::Bool(a), Constant::Bool(b)) => return Some(Constant::Bool(a ^ b)),
        _ => {}
    }
    if !is_numeric(l) || !is_numeric(r) {
        return None;
    }
    // Integers.
    if is_int(l) && is_int(r) {
        let a = to_big(l)?;
        let b = to_big(r)?;
        let v = match op {
            Add => a + b,
            Sub => a - b,
            Mult => {
                if bits(&a) + bits(&b) > MAX_INT_SIZE {
                    return None;
                }
                a * b
            }
            FloorDiv | Mod => {
                if b.is_zero() {
                    return None;
                }
                let (q, m) = floor_div_mod(&a, &b);
                if op == FloorDiv {
                    q
                } else {
                    m
                }
            }
            Div => {
                if b.is_zero() {
                    return None;
                }
                let (x, y) = (to_float(l)?, to_float(r)?);
                return Some(Constant::Float(x / y));
            }
            Pow => {
                if b.is_negative() {
                    if a.is_zero() {
                        return None;
                    }
                    let (x, y) = (to_float(l)?, to_float(r)?);
                    return Some(Constant::Float(x.powf(y)));
                }
                let e = b.to_u64()?;
                if !a.is_zero() && !a.is_one() && bits(&a).saturating_mul(e) > MAX_INT_SIZE {
                    return None;
                }
                num_traits::pow::Pow::pow(&a, e)
            }
            LShift => {
                if b.is_negative() {
                    return None;
                }
                let s = b.to_u64()?;
                if !a.is_zero() && bits(&a) + s > MAX_INT_SIZE {
                    return None;
                }
                a << s
            }
            RShift => {
                if b.is_negative() {
                    return None;
                }
                let s = b.to_u64().unwrap_or(u64::MAX).min(1 << 20);
                a >> s
            }
            BitAnd => a & b,
            BitOr => a | b,
            BitXor => a ^ b,
            MatMult => return None,
        };
        return Some(from_big(v));
    }
    // Floats.
    if !matches!(l, Constant::Complex { .. }) && !matches!(r, Constant::Complex { .. }) {
        let a = to_float(l)?;
        let b = to_float(r)?;
        let v = match op {
            Add => a + b,
            Sub => a - b,
            Mult => a * b,
            Div => {
                if b == 0.0 {
                    return None;
                }
                a / b
            }
            FloorDiv | Mod => {
                if b == 0.0 {
                    return None;
                }
                let (q, m) = float_divmod(a, b);
                if op == FloorDiv {
                    q
                } else {
                    m
                }
            }
            Pow => {
                if a == 0.0 && b < 0.0 {
                    return None;
                }
                if a < 0.0 && b.fract() != 0.0 {
                    return None;
                }
                a.powf(b)
            }
            _ => return None,
        };
        if !v.is_finite() && a.is_finite() && b.is_finite() {
            // OverflowError at run time.
            return None;
        }
        return Some(Constant::Float(v));
    }
    // Complex numbers: the simple operators only.
    let (ar, ai) = to_complex(l)?;
    let (br, bi) = to_complex(r)?;
    let (real, imag) = match op {
        Add => (ar + br, ai + bi),
        Sub => (ar - br, ai - bi),
        Mult => (ar * br - ai * bi, ar * bi + ai * br),
        _ => return None,
    };
    Some(Constant::Complex { real, imag })
}

/// Python's float divmod: the remainder has the sign of the divisor.
fn float_divmod(a: f64, b: f64) -> (f64, f64) {
    let mut m = a % b;
    let mut div = (a - m) / b;
    if m != 0.0 {
        if (b < 0.0) != (m < 0.0) {
            m += b;
            div -= 1.0;
        }
    } else {
        m = 0.0f64.copysign(b);
    }
    let floordiv = if div != 0.0 {
        let f = div.floor();
        if div - f > 0.5 {
            f + 1.0
        } else {
            f
        }
    } else {
        0.0f64.copysign(a / b)
    };
    (floordiv, m)
}

/// The constants of a list or set display with only constant items.
pub fn const_items(elts: &[Expr], optimize: u32) -> Option<Vec<Constant>> {
    elts.iter().map(|e| const_value(e, optimize)).collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn int(i: i64) -> Constant {
        Constant::Int(i)
    }

    #[test]
    fn integer_ops_follow_python() {
        assert_eq!(binary(&int(-7), Operator::FloorDiv, &int(2)), Some(int(-4)));
        // python3: True & False is False (a bool), True & 1 is 1 (an int).
        assert_eq!(binary(&Constant::Bool(true), Operator::BitAnd, &Constant::Bool(false)), Some(Constant::Bool(false)));
        assert_eq!(binary(&Constant::Bool(true), Operator::BitXor, &Constant::Bool(true)), Some(Constant::Bool(false)));
        assert_eq!(binary(&Constant::Bool(true), Operator::BitAnd, &int(1)), Some(int(1)));
        assert_eq!(binary(&int(-7), Operator::Mod, &int(2)), Some(int(1)));
        assert_eq!(binary(&int(1), Operator::Div, &int(0)), None);
        assert_eq!(
            binary(&int(2), Operator::Pow, &int(-1)),
            Some(Constant::Float(0.5))
        );
        assert_eq!(
            binary(&int(2), Operator::Pow, &int(64)).map(|c| c.repr()),
            Some("18446744073709551616".into())
        );
        // CPython leaves results over 128 bits to run time.
        assert_eq!(binary(&int(2), Operator::Pow, &int(100)), None);
        assert_eq!(binary(&int(2), Operator::Pow, &int(1000)), None);
        assert_eq!(binary(&int(1), Operator::LShift, &int(200)), None);
        assert_eq!(unary(UnaryOp::Invert, &int(5)), Some(int(-6)));
        assert_eq!(unary(UnaryOp::Not, &int(0)), Some(Constant::Bool(true)));
    }

    #[test]
    fn subscripts_of_constants() {
        use syntax::wtf8::Wtf8Buf;
        let s = |t: &str| Constant::Str(Wtf8Buf::from(t));
        // Values from python3: 'aé€'[1], b'!'[0], ('a', 2)[-1], 'ab'[True].
        assert_eq!(subscript(&s("aé€"), &int(1)), Some(s("é")));
        assert_eq!(subscript(&s("aé€"), &int(-1)), Some(s("€")));
        assert_eq!(subscript(&Constant::Bytes(b"!".to_vec()), &int(0)), Some(int(33)));
        assert_eq!(subscript(&Constant::Tuple(vec![s("a"), int(2)]), &int(-1)), Some(int(2)));
        assert_eq!(subscript(&s("ab"), &Constant::Bool(true)), Some(s("b")));
        // IndexError and TypeError: left to run time.
        assert_eq!(subscript(&s("ab"), &int(2)), None);
        assert_eq!(subscript(&s("ab"), &int(-3)), None);
        assert_eq!(subscript(&s("ab"), &Constant::Float(0.0)), None);
        assert_eq!(subscript(&int(1), &int(0)), None);
    }

    #[test]
    fn float_and_sequence_ops() {
        assert_eq!(
            binary(&Constant::Float(-7.0), Operator::Mod, &int(2)),
            Some(Constant::Float(1.0))
        );
        assert_eq!(
            binary(&Constant::Float(-0.0), Operator::Add, &int(0)),
            Some(Constant::Float(0.0))
        );
        let s = Constant::Str("ab".into());
        assert_eq!(
            binary(&s, Operator::Mult, &int(3)).map(|c| c.repr()),
            Some("'ababab'".into())
        );
        assert_eq!(binary(&s, Operator::Mult, &int(5000)), None);
        assert_eq!(binary(&s, Operator::Mod, &int(1)), None);
        assert_eq!(
            binary(
                &int(1),
                Operator::Add,
                &Constant::Complex {
                    real: 0.0,
                    imag: 2.0
                }
            ),
            Some(Constant::Complex {
                real: 1.0,
                imag: 2.0
            })
        );
    }
}
