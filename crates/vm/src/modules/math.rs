//! The `math` module: argument conversion and dispatch to the algorithms of
//! `numeric::math` / `numeric::int` / `numeric::float`, which follow
//! CPython's Modules/mathmodule.c (values, special cases and messages).

use num_bigint::BigInt;

use crate::numeric::math::{self as nm, Real};
use crate::numeric::{float as nf, int as ni};
use crate::object::args;
use crate::object::protocol;
use crate::runtime::errors::{PyErr, PyResult};
use crate::runtime::thread::ThreadState;
use crate::types::{bool_, float, int, none, tuple};
use crate::object::value::Value;

type Args<'a> = &'a [Value];
type Kw<'a> = Option<&'a Value>;

/// `PyFloat_AsDouble` with CPython's message.
fn f64_arg(ts: &ThreadState, v: &Value) -> PyResult<f64> {
    float::to_f64(ts, v)
}

fn one_f64(ts: &ThreadState, name: &str, a: Args, k: Kw) -> PyResult<f64> {
    let a = args::exact(&format!("math.{name}"), a, k, 1)?;
    f64_arg(ts, &a[0])
}

fn two_f64(ts: &ThreadState, name: &str, a: Args, k: Kw) -> PyResult<(f64, f64)> {
    args::no_kwargs(&format!("math.{name}"), k)?;
    let a = args::positional(name, a, k, 2, 2)?;
    Ok((f64_arg(ts, &a[0])?, f64_arg(ts, &a[1])?))
}

/// `PyNumber_Index` as a big integer.
fn index_big(ts: &ThreadState, v: &Value) -> PyResult<BigInt> {
    let i = protocol::index(ts, v)?;
    int::as_int(&i).map(|r| r.to_bigint()).ok_or_else(|| PyErr::type_error("__index__ returned non-int"))
}

fn big(b: BigInt) -> Value {
    int::from_bigint(b)
}

macro_rules! unary {
    ($($fname:ident => $name:literal, $f:expr;)*) => {
        $(
            fn $fname(ts: &ThreadState, _m: &Value, a: Args, k: Kw) -> PyResult<Value> {
                let x = one_f64(ts, $name, a, k)?;
                let f: fn(f64) -> crate::numeric::NumResult<f64> = $f;
                Ok(float::new_float(f(x)?))
            }
        )*
    };
}

unary! {
    m_acos => "acos", nm::acos;
    m_acosh => "acosh", nm::acosh;
    m_asin => "asin", nm::asin;
    m_asinh => "asinh", nm::asinh;
    m_atan => "atan", nm::atan;
    m_atanh => "atanh", nm::atanh;
    m_cbrt => "cbrt", nm::cbrt;
    m_cos => "cos", nm::cos;
    m_cosh => "cosh", nm::cosh;
    m_exp => "exp", nm::exp;
    m_exp2 => "exp2", nm::exp2;
    m_expm1 => "expm1", nm::expm1;
    m_fabs => "fabs", |x| Ok(nm::fabs(x));
    m_log1p => "log1p", nm::log1p;
    m_sin => "sin", nm::sin;
    m_sinh => "sinh", nm::sinh;
    m_sqrt => "sqrt", nm::sqrt;
    m_tan => "tan", nm::tan;
    m_tanh => "tanh", nm::tanh;
    m_gamma => "gamma", nm::gamma;
    m_lgamma => "lgamma", nm::lgamma;
    m_erf => "erf", |x| Ok(nm::erf(x));
    m_erfc => "erfc", |x| Ok(nm::erfc(x));
    m_degrees => "degrees", |x| Ok(nm::degrees(x));
    m_radians => "radians", |x| Ok(nm::radians(x));
    m_ulp => "ulp", |x| Ok(nm::ulp(x));
}

fn m_isfinite(ts: &ThreadState, _m: &Value, a: Args, k: Kw) -> PyResult<Value> {
    Ok(bool_::new_bool(nm::isfinite(one_f64(ts, "isfinite", a, k)?)))
}
fn m_isinf(ts: &ThreadState, _m: &Value, a: Args, k: Kw) -> PyResult<Value> {
    Ok(bool_::new_bool(nm::isinf(one_f64(ts, "isinf", a, k)?)))
}
fn m_isnan(ts: &ThreadState, _m: &Value, a: Args, k: Kw) -> PyResult<Value> {
    Ok(bool_::new_bool(nm::isnan(one_f64(ts, "isnan", a, k)?)))
}

fn m_atan2(ts: &ThreadState, _m: &Value, a: Args, k: Kw) -> PyResult<Value> {
    let (y, x) = two_f64(ts, "atan2", a, k)?;
    Ok(float::new_float(nm::atan2(y, x)?))
}
fn m_copysign(ts: &ThreadState, _m: &Value, a: Args, k: Kw) -> PyResult<Value> {
    let (x, y) = two_f64(ts, "copysign", a, k)?;
    Ok(float::new_float(nm::copysign(x, y)))
}
fn m_fmod(ts: &ThreadState, _m: &Value, a: Args, k: Kw) -> PyResult<Value> {
    let (x, y) = two_f64(ts, "fmod", a, k)?;
    Ok(float::new_float(nm::fmod(x, y)?))
}
fn m_remainder(ts: &ThreadState, _m: &Value, a: Args, k: Kw) -> PyResult<Value> {
    let (x, y) = two_f64(ts, "remainder", a, k)?;
    Ok(float::new_float(nm::remainder(x, y)?))
}
fn m_pow(ts: &ThreadState, _m: &Value, a: Args, k: Kw) -> PyResult<Value> {
    let (x, y) = two_f64(ts, "pow", a, k)?;
    Ok(float::new_float(nm::pow(x, y)?))
}
fn m_nextafter(ts: &ThreadState, _m: &Value, a: Args, k: Kw) -> PyResult<Value> {
    let (x, y) = two_f64(ts, "nextafter", a, k)?;
    Ok(float::new_float(nm::nextafter(x, y)))
}

fn m_modf(ts: &ThreadState, _m: &Value, a: Args, k: Kw) -> PyResult<Value> {
    let (f, i) = nm::modf(one_f64(ts, "modf", a, k)?);
    tuple::new_tuple(vec![float::new_float(f), float::new_float(i)])
}

fn m_frexp(ts: &ThreadState, _m: &Value, a: Args, k: Kw) -> PyResult<Value> {
    let (m, e) = nm::frexp(one_f64(ts, "frexp", a, k)?);
    tuple::new_tuple(vec![float::new_float(m), int::from_i64(e)])
}

fn m_ldexp(ts: &ThreadState, _m: &Value, a: Args, k: Kw) -> PyResult<Value> {
    args::no_kwargs("math.ldexp", k)?;
    let a = args::positional("ldexp", a, k, 2, 2)?;
    let x = f64_arg(ts, &a[0])?;
    let Some(i) = int::as_int(&a[1]) else {
        return Err(PyErr::type_error("Expected an int as second argument to ldexp."));
    };
    Ok(float::new_float(nm::ldexp(x, &i.to_bigint())?))
}

/// An argument of the log functions: ints stay exact (huge ints have logs).
fn real_arg(ts: &ThreadState, v: &Value) -> PyResult<(Option<BigInt>, f64)> {
    if let Some(i) = int::as_int(v) {
        return Ok((Some(i.to_bigint()), 0.0));
    }
    Ok((None, f64_arg(ts, v)?))
}

fn as_real(r: &(Option<BigInt>, f64)) -> Real<'_> {
    match &r.0 {
        Some(b) => Real::Int(b),
        None => Real::Float(r.1),
    }
}

fn m_log(ts: &ThreadState, _m: &Value, a: Args, k: Kw) -> PyResult<Value> {
    args::no_kwargs("math.log", k)?;
    if a.is_empty() || a.len() > 2 {
        return Err(PyErr::type_error("math.log requires 1 to 2 arguments"));
    }
    let x = real_arg(ts, &a[0])?;
    let base = match a.get(1) {
        Some(b) => Some(real_arg(ts, b)?),
        None => None,
    };
    Ok(float::new_float(nm::log(as_real(&x), base.as_ref().map(as_real))?))
}
fn m_log2(ts: &ThreadState, _m: &Value, a: Args, k: Kw) -> PyResult<Value> {
    let a = args::exact("math.log2", a, k, 1)?;
    let x = real_arg(ts, &a[0])?;
    Ok(float::new_float(nm::log2(as_real(&x))?))
}
fn m_log10(ts: &ThreadState, _m: &Value, a: Args, k: Kw) -> PyResult<Value> {
    let a = args::exact("math.log10", a, k, 1)?;
    let x = real_arg(ts, &a[0])?;
    Ok(float::new_float(nm::log10(as_real(&x))?))
}

/// floor/ceil: exact floats directly, else `__floor__`/`__ceil__`, else via float.
fn rounding(ts: &ThreadState, name: &str, dunder: &str, a: Args, k: Kw, f: fn(f64) -> crate::numeric::NumResult<BigInt>) -> PyResult<Value> {
    let a = args::exact(&format!("math.{name}"), a, k, 1)?;
    let x = &a[0];
    if let Some(v) = float::as_float_exact_payload(x) {
        return Ok(big(f(v)?));
    }
    if let Some(r) = protocol::call_special(ts, x, dunder, &[])? {
        return Ok(r);
    }
    Ok(big(f(f64_arg(ts, x)?)?))
}
fn m_floor(ts: &ThreadState, _m: &Value, a: Args, k: Kw) -> PyResult<Value> {
    rounding(ts, "floor", "__floor__", a, k, nf::floor)
}
fn m_ceil(ts: &ThreadState, _m: &Value, a: Args, k: Kw) -> PyResult<Value> {
    rounding(ts, "ceil", "__ceil__", a, k, nf::ceil)
}
fn m_trunc(ts: &ThreadState, _m: &Value, a: Args, k: Kw) -> PyResult<Value> {
    let a = args::exact("math.trunc", a, k, 1)?;
    let x = &a[0];
    if let Some(v) = float::as_float_exact_payload(x) {
        return Ok(big(nf::trunc(v)?));
    }
    match protocol::call_special(ts, x, "__trunc__", &[])? {
        Some(r) => Ok(r),
        None => Err(PyErr::type_error(format!("type {} doesn't define __trunc__ method", x.type_of().name()))),
    }
}

fn m_fsum(ts: &ThreadState, _m: &Value, a: Args, k: Kw) -> PyResult<Value> {
    let a = args::exact("math.fsum", a, k, 1)?;
    let it = protocol::get_iter(ts, &a[0])?;
    let mut items = Vec::new();
    while let Some(x) = protocol::next(ts, &it)? {
        items.push(f64_arg(ts, &x)?);
    }
    Ok(float::new_float(nm::fsum(&items)?))
}

fn m_hypot(ts: &ThreadState, _m: &Value, a: Args, k: Kw) -> PyResult<Value> {
    args::no_kwargs("math.hypot", k)?;
    let coords = a.iter().map(|x| f64_arg(ts, x)).collect::<PyResult<Vec<_>>>()?;
    Ok(float::new_float(nm::hypot(&coords)))
}

fn m_dist(ts: &ThreadState, _m: &Value, a: Args, k: Kw) -> PyResult<Value> {
    args::no_kwargs("math.dist", k)?;
    let a = args::positional("dist", a, k, 2, 2)?;
    let p = protocol::collect(ts, &a[0])?;
    let q = protocol::collect(ts, &a[1])?;
    if p.len() != q.len() {
        return Err(PyErr::value_error("both points must have the same number of dimensions"));
    }
    let p = p.iter().map(|x| f64_arg(ts, x)).collect::<PyResult<Vec<_>>>()?;
    let q = q.iter().map(|x| f64_arg(ts, x)).collect::<PyResult<Vec<_>>>()?;
    Ok(float::new_float(nm::dist(&p, &q)?))
}

fn m_isclose(ts: &ThreadState, _m: &Value, a: Args, k: Kw) -> PyResult<Value> {
    let [x, y, rel, abs] = args::bind("isclose", a, k, ["a", "b", "rel_tol", "abs_tol"], 0, 2, 2)?;
    let x = f64_arg(ts, &x.unwrap_or_else(none::none))?;
    let y = f64_arg(ts, &y.unwrap_or_else(none::none))?;
    let rel = match rel {
        Some(r) => f64_arg(ts, &r)?,
        None => 1e-9,
    };
    let abs = match abs {
        Some(r) => f64_arg(ts, &r)?,
        None => 0.0,
    };
    Ok(bool_::new_bool(nm::isclose(x, y, rel, abs)?))
}

fn m_isqrt(ts: &ThreadState, _m: &Value, a: Args, k: Kw) -> PyResult<Value> {
    let a = args::exact("math.isqrt", a, k, 1)?;
    Ok(big(ni::isqrt(&index_big(ts, &a[0])?)?))
}

fn m_factorial(ts: &ThreadState, _m: &Value, a: Args, k: Kw) -> PyResult<Value> {
    let a = args::exact("math.factorial", a, k, 1)?;
    Ok(big(ni::factorial(&index_big(ts, &a[0])?)?))
}

fn m_comb(ts: &ThreadState, _m: &Value, a: Args, k: Kw) -> PyResult<Value> {
    args::no_kwargs("math.comb", k)?;
    let a = args::positional("comb", a, k, 2, 2)?;
    let n = index_big(ts, &a[0])?;
    let kk = index_big(ts, &a[1])?;
    Ok(big(ni::comb(&n, &kk)?))
}

fn m_perm(ts: &ThreadState, _m: &Value, a: Args, k: Kw) -> PyResult<Value> {
    args::no_kwargs("math.perm", k)?;
    let a = args::positional("perm", a, k, 1, 2)?;
    let n = index_big(ts, &a[0])?;
    match a.get(1).filter(|x| !none::is_none(x)) {
        None => Ok(big(ni::factorial(&n)?)),
        Some(kv) => {
            let kk = index_big(ts, kv)?;
            Ok(big(ni::perm(&n, &kk)?))
        }
    }
}

fn m_gcd(ts: &ThreadState, _m: &Value, a: Args, k: Kw) -> PyResult<Value> {
    args::no_kwargs("math.gcd", k)?;
    let mut acc: Option<BigInt> = None;
    for x in a {
        let v = index_big(ts, x)?;
        acc = Some(match acc {
            None => num_traits::Signed::abs(&v),
            Some(g) => ni::gcd(&g, &v),
        });
    }
    Ok(big(acc.unwrap_or_default()))
}

fn m_lcm(ts: &ThreadState, _m: &Value, a: Args, k: Kw) -> PyResult<Value> {
    args::no_kwargs("math.lcm", k)?;
    let mut acc: Option<BigInt> = None;
    for x in a {
        let v = index_big(ts, x)?;
        acc = Some(match acc {
            None => num_traits::Signed::abs(&v),
            Some(l) => ni::lcm(&l, &v),
        });
    }
    Ok(big(acc.unwrap_or_else(|| BigInt::from(1))))
}

fn m_prod(ts: &ThreadState, _m: &Value, a: Args, k: Kw) -> PyResult<Value> {
    let [iterable, start] = args::bind("prod", a, k, ["iterable", "start"], 1, 1, 1)?;
    let it = protocol::get_iter(ts, &iterable.unwrap_or_else(none::none))?;
    let mut acc = start.unwrap_or_else(|| int::from_i64(1));
    while let Some(x) = protocol::next(ts, &it)? {
        acc = protocol::binary_op(ts, &acc, &x, crate::object::typeobj::nb::MULTIPLY)?;
    }
    Ok(acc)
}

/// The functions of the module.
const FUNCTIONS: &[(&str, crate::object::typeobj::CallFn)] = &[
    ("acos", m_acos),
    ("acosh", m_acosh),
    ("asin", m_asin),
    ("asinh", m_asinh),
    ("atan", m_atan),
    ("atan2", m_atan2),
    ("atanh", m_atanh),
    ("cbrt", m_cbrt),
    ("ceil", m_ceil),
    ("comb", m_comb),
    ("copysign", m_copysign),
    ("cos", m_cos),
    ("cosh", m_cosh),
    ("degrees", m_degrees),
    ("dist", m_dist),
    ("erf", m_erf),
    ("erfc", m_erfc),
    ("exp", m_exp),
    ("exp2", m_exp2),
    ("expm1", m_expm1),
    ("fabs", m_fabs),
    ("factorial", m_factorial),
    ("floor", m_floor),
    ("fmod", m_fmod),
    ("frexp", m_frexp),
    ("fsum", m_fsum),
    ("gamma", m_gamma),
    ("gcd", m_gcd),
    ("hypot", m_hypot),
    ("isclose", m_isclose),
    ("isfinite", m_isfinite),
    ("isinf", m_isinf),
    ("isnan", m_isnan),
    ("isqrt", m_isqrt),
    ("lcm", m_lcm),
    ("ldexp", m_ldexp),
    ("lgamma", m_lgamma),
    ("log", m_log),
    ("log10", m_log10),
    ("log1p", m_log1p),
    ("log2", m_log2),
    ("modf", m_modf),
    ("nextafter", m_nextafter),
    ("perm", m_perm),
    ("pow", m_pow),
    ("prod", m_prod),
    ("radians", m_radians),
    ("remainder", m_remainder),
    ("sin", m_sin),
    ("sinh", m_sinh),
    ("sqrt", m_sqrt),
    ("tan", m_tan),
    ("tanh", m_tanh),
    ("trunc", m_trunc),
    ("ulp", m_ulp),
];

/// Create the `math` module.
pub fn create(ts: &ThreadState) -> PyResult<Value> {
    let (m, d) = super::new_native_module(ts, "math", FUNCTIONS)?;
    for (name, v) in [("pi", nm::PI), ("e", nm::E), ("tau", nm::TAU), ("inf", nm::INF), ("nan", nm::NAN)] {
        super::set_attr(ts, &d, name, float::new_float(v))?;
    }
    Ok(m)
}
