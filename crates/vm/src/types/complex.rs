//! `complex`: a pair of floats.

use crate::object::protocol;
use crate::object::typeobj::{nb, CompareOp, PyType, TypeObject, TPFLAGS_BASETYPE};
use crate::object::value::{PyObject, PyPayload, Value};
use crate::runtime::errors::{PyErr, PyResult};
use crate::runtime::thread::ThreadState;
use crate::types::{bool_, float, int, none, str as pystr, tuple};

/// A complex object: real and imaginary parts.
pub struct PyComplex {
    pub re: f64,
    pub im: f64,
}

/// The `complex` type.
pub static COMPLEX_TYPE: PyType = PyObject::new_static(
    &super::typeobject::TYPE_TYPE,
    TypeObject::builtin::<PyComplex>("complex", &COMPLEX_TYPE, Some(&super::object::OBJECT_TYPE), TPFLAGS_BASETYPE),
);

impl PyPayload for PyComplex {
    fn class() -> &'static PyType {
        &COMPLEX_TYPE
    }
}

/// A new complex.
pub fn new_complex(re: f64, im: f64) -> Value {
    Value::new(PyComplex { re, im }).unwrap_or_else(|_| none::none())
}

/// Either operand as a complex number: complex, float or int.
fn operand(v: &Value) -> PyResult<Option<(f64, f64)>> {
    if let Some(c) = v.downcast::<PyComplex>() {
        return Ok(Some((c.re, c.im)));
    }
    if let Some(f) = float::as_float_exact_payload(v) {
        return Ok(Some((f, 0.0)));
    }
    if let Some(i) = int::as_int(v) {
        return Ok(Some((int::to_f64(&i)?, 0.0)));
    }
    Ok(None)
}

/// What the C library's errno says after a complex operation (CPython turns EDOM into
/// ZeroDivisionError and ERANGE into OverflowError).
#[derive(Clone, Copy, PartialEq, Eq, Debug)]
enum Errno {
    Ok,
    Dom,
}

fn c_prod(a: (f64, f64), b: (f64, f64)) -> (f64, f64) {
    (a.0 * b.0 - a.1 * b.1, a.0 * b.1 + a.1 * b.0)
}

/// Smith's division, as CPython's `_Py_c_quot`: a zero divisor gives EDOM (and 0), a NaN one NaNs.
fn c_quot(a: (f64, f64), b: (f64, f64), errno: &mut Errno) -> (f64, f64) {
    let (ar, ai) = a;
    let (br, bi) = b;
    let abs_br = br.abs();
    let abs_bi = bi.abs();
    if abs_br >= abs_bi {
        if abs_br == 0.0 {
            *errno = Errno::Dom;
            return (0.0, 0.0);
        }
        let ratio = bi / br;
        let denom = br + bi * ratio;
        ((ar + ai * ratio) / denom, (ai - ar * ratio) / denom)
    } else if abs_bi >= abs_br {
        let ratio = br / bi;
        let denom = br * ratio + bi;
        ((ar * ratio + ai) / denom, (ai * ratio - ar) / denom)
    } else {
        (f64::NAN, f64::NAN)
    }
}

fn div(a: (f64, f64), b: (f64, f64)) -> PyResult<(f64, f64)> {
    let mut errno = Errno::Ok;
    let r = c_quot(a, b, &mut errno);
    if errno == Errno::Dom {
        return Err(PyErr::zero_division("complex division by zero"));
    }
    Ok(r)
}

/// `a ** b` for complex values.
pub fn complex_pow_values(a: (f64, f64), b: (f64, f64)) -> PyResult<Value> {
    let (r, i) = pow(a, b)?;
    Ok(new_complex(r, i))
}

/// `x ** n` for n >= 0 by repeated squaring (CPython's `c_powu`, same products in the same order).
fn c_powu(x: (f64, f64), n: i64) -> (f64, f64) {
    let mut r = (1.0, 0.0);
    let mut p = x;
    let mut mask: i64 = 1;
    while mask > 0 && n >= mask {
        if n & mask != 0 {
            r = c_prod(r, p);
        }
        mask <<= 1;
        p = c_prod(p, p);
    }
    r
}

/// CPython's `_Py_c_pow` for non-integral exponents.
fn c_pow_polar(a: (f64, f64), b: (f64, f64), errno: &mut Errno) -> (f64, f64) {
    if b.0 == 0.0 && b.1 == 0.0 {
        return (1.0, 0.0);
    }
    if a.0 == 0.0 && a.1 == 0.0 {
        if b.1 != 0.0 || b.0 < 0.0 {
            *errno = Errno::Dom;
        }
        return (0.0, 0.0);
    }
    let vabs = a.0.hypot(a.1);
    let mut len = vabs.powf(b.0);
    let at = a.1.atan2(a.0);
    let mut phase = at * b.0;
    if b.1 != 0.0 {
        len /= (at * b.1).exp();
        phase += b.1 * vabs.ln();
    }
    // cos and sin of an infinity are domain errors; they are the last calls, so their errno wins
    // (range errors of the earlier calls only matter through an infinite result, checked later).
    if phase.is_infinite() {
        *errno = Errno::Dom;
    }
    (len * phase.cos(), len * phase.sin())
}

/// CPython's complex_pow: small integral exponents by multiplication, others by polar form; then
/// EDOM is ZeroDivisionError and an infinite part (`_Py_ADJUST_ERANGE2`) OverflowError.
fn pow(a: (f64, f64), b: (f64, f64)) -> PyResult<(f64, f64)> {
    let mut errno = Errno::Ok;
    let r = if b.1 == 0.0 && b.0 == b.0.floor() && b.0.abs() <= 100.0 {
        let n = b.0 as i64;
        if n > 0 {
            c_powu(a, n)
        } else {
            c_quot((1.0, 0.0), c_powu(a, -n), &mut errno)
        }
    } else {
        c_pow_polar(a, b, &mut errno)
    };
    if errno == Errno::Dom {
        return Err(PyErr::zero_division("0.0 to a negative or complex power"));
    }
    if r.0.is_infinite() || r.1.is_infinite() {
        return Err(PyErr::overflow_error("complex exponentiation"));
    }
    Ok(r)
}

fn binary(_ts: &ThreadState, v: &Value, w: &Value, op: usize) -> PyResult<Value> {
    let (Some(a), Some(b)) = (operand(v)?, operand(w)?) else {
        return Ok(none::not_implemented());
    };
    let (r, i) = match op % nb::INPLACE {
        nb::ADD => (a.0 + b.0, a.1 + b.1),
        nb::SUBTRACT => (a.0 - b.0, a.1 - b.1),
        nb::MULTIPLY => (a.0 * b.0 - a.1 * b.1, a.0 * b.1 + a.1 * b.0),
        nb::TRUE_DIVIDE => div(a, b)?,
        nb::POWER => pow(a, b)?,
        nb::FLOOR_DIVIDE | nb::REMAINDER => {
            return Err(PyErr::type_error(format!(
                "unsupported operand type(s) for {}: '{}' and '{}'",
                nb::SYMBOLS[op % nb::INPLACE],
                protocol::type_name(v),
                protocol::type_name(w)
            )))
        }
        _ => return Ok(none::not_implemented()),
    };
    Ok(new_complex(r, i))
}

macro_rules! ops {
    ($($name:ident => $op:expr),*) => {
        $(fn $name(ts: &ThreadState, v: &Value, w: &Value) -> PyResult<Value> { binary(ts, v, w, $op) })*
    };
}
ops!(c_add => nb::ADD, c_sub => nb::SUBTRACT, c_mul => nb::MULTIPLY, c_div => nb::TRUE_DIVIDE, c_pow => nb::POWER);

fn this(v: &Value) -> PyResult<&PyComplex> {
    v.downcast::<PyComplex>().ok_or_else(|| PyErr::type_error("complex expected"))
}

fn c_repr(_ts: &ThreadState, v: &Value) -> PyResult<Value> {
    let c = this(v)?;
    Ok(pystr::new_str(&syntax::repr::complex_repr(c.re, c.im)))
}

fn c_hash(_ts: &ThreadState, v: &Value) -> PyResult<isize> {
    let c = this(v)?;
    Ok(crate::pyhash::hash_complex(c.re, c.im, v.id()))
}

fn c_richcompare(_ts: &ThreadState, v: &Value, w: &Value, op: CompareOp) -> PyResult<Value> {
    if !matches!(op, CompareOp::Eq | CompareOp::Ne) {
        return Ok(none::not_implemented());
    }
    let Some(a) = v.downcast::<PyComplex>().map(|c| (c.re, c.im)) else {
        return Ok(none::not_implemented());
    };
    let eq = if let Some(i) = int::as_int(w) {
        // Exactly, as CPython compares the real part with the int (no lossy conversion, no overflow).
        a.1 == 0.0 && float::compare_int_float(&i.to_bigint(), a.0) == Some(std::cmp::Ordering::Equal)
    } else if let Some(f) = float::as_float_exact_payload(w) {
        a.0 == f && a.1 == 0.0
    } else if let Some(c) = w.downcast::<PyComplex>() {
        a.0 == c.re && a.1 == c.im
    } else {
        return Ok(none::not_implemented());
    };
    Ok(bool_::new_bool(eq == (op == CompareOp::Eq)))
}

fn c_bool(_ts: &ThreadState, v: &Value) -> PyResult<bool> {
    let c = this(v)?;
    Ok(c.re != 0.0 || c.im != 0.0)
}
fn c_neg(_ts: &ThreadState, v: &Value) -> PyResult<Value> {
    let c = this(v)?;
    Ok(new_complex(-c.re, -c.im))
}
fn c_pos(_ts: &ThreadState, v: &Value) -> PyResult<Value> {
    let c = this(v)?;
    Ok(new_complex(c.re, c.im))
}
fn c_abs(_ts: &ThreadState, v: &Value) -> PyResult<Value> {
    let c = this(v)?;
    let r = c.re.hypot(c.im);
    if r.is_infinite() && c.re.is_finite() && c.im.is_finite() {
        return Err(PyErr::overflow_error("absolute value too large"));
    }
    Ok(float::new_float(r))
}
fn real(_ts: &ThreadState, v: &Value) -> PyResult<Value> {
    Ok(float::new_float(this(v)?.re))
}
fn imag(_ts: &ThreadState, v: &Value) -> PyResult<Value> {
    Ok(float::new_float(this(v)?.im))
}
fn conjugate(_ts: &ThreadState, v: &Value, a: &[Value], k: Option<&Value>) -> PyResult<Value> {
    crate::object::args::exact("complex.conjugate", a, k, 0)?;
    let c = this(v)?;
    Ok(new_complex(c.re, -c.im))
}
fn getnewargs(_ts: &ThreadState, v: &Value, a: &[Value], k: Option<&Value>) -> PyResult<Value> {
    crate::object::args::exact("complex.__getnewargs__", a, k, 0)?;
    let c = this(v)?;
    tuple::new_tuple(vec![float::new_float(c.re), float::new_float(c.im)])
}

/// A constructor argument as (value, is it complex?): complex, `__complex__`, or a real number.
fn to_parts(ts: &ThreadState, v: &Value, second: bool) -> PyResult<((f64, f64), bool)> {
    // The first argument's __complex__ wins, even on a complex subclass.
    if !second {
        if let Some(r) = complex_special(ts, v)? {
            return Ok((r, true));
        }
    }
    if let Some(c) = v.downcast::<PyComplex>() {
        return Ok(((c.re, c.im), true));
    }
    let has_float = v.type_of().data.slots.float.get().is_some() || v.type_of().data.slots.index.get().is_some() || int::is_int(v);
    if !has_float {
        return Err(PyErr::type_error(if second {
            format!("complex() second argument must be a number, not '{}'", protocol::type_name(v))
        } else {
            format!("complex() first argument must be a string or a number, not '{}'", protocol::type_name(v))
        }));
    }
    Ok(((float::number_float(ts, v)?, 0.0), false))
}

/// `__complex__` of a non-exact complex or another object, if defined.
fn complex_special(ts: &ThreadState, v: &Value) -> PyResult<Option<(f64, f64)>> {
    if v.is_exact(&COMPLEX_TYPE) {
        return Ok(None);
    }
    match protocol::call_special(ts, v, "__complex__", &[])? {
        Some(r) => match r.downcast::<PyComplex>() {
            Some(c) => Ok(Some((c.re, c.im))),
            None => Err(PyErr::type_error(format!(
                "__complex__ returned non-complex (type {})",
                protocol::type_name(&r)
            ))),
        },
        None => Ok(None),
    }
}

fn c_new(ts: &ThreadState, cls: &Value, args: &[Value], kw: Option<&Value>) -> PyResult<Value> {
    let [real, imag] = pystr::clinic_keywords("complex", args, kw, ["real", "imag"], 0, 0)?;
    if let Some(re) = &real {
        if re.is_exact(&COMPLEX_TYPE) && imag.is_none() && cls.is(&COMPLEX_TYPE.to_value()) {
            return Ok(re.clone());
        }
    }
    let (mut cr, cr_is_complex) = match &real {
        None => ((0.0, 0.0), false),
        Some(re) => {
            if let Some(s) = pystr::as_pystr(re) {
                if imag.is_some() {
                    return Err(PyErr::type_error("complex() can't take second arg if first is a string"));
                }
                let text = s.data.transform_decimal_and_space_to_ascii();
                let (a, b) = match crate::numeric::parse::parse_complex(&text) {
                    Ok(r) => r,
                    Err(crate::numeric::parse::ComplexParseError::Malformed) => {
                        return Err(PyErr::value_error("complex() arg is a malformed string"))
                    }
                    Err(crate::numeric::parse::ComplexParseError::Underscore) => {
                        return Err(PyErr::value_error(format!(
                            "could not convert string to complex: {}",
                            protocol::repr_string(ts, re)?
                        )))
                    }
                };
                return make(cls, a, b);
            }
            to_parts(ts, re, false)?
        }
    };
    let (ci, ci_is_complex) = match &imag {
        None => ((cr.1, 0.0), false),
        Some(im) => {
            if pystr::as_pystr(im).is_some() {
                return Err(PyErr::type_error("complex() second arg can't be a string"));
            }
            to_parts(ts, im, true)?
        }
    };
    let mut ci_real = ci.0;
    // Only the parts that are really complex mix: complex(1, -0.0) keeps its signed zero.
    if ci_is_complex {
        cr.0 -= ci.1;
    }
    if cr_is_complex && imag.is_some() {
        ci_real += cr.1;
    }
    make(cls, cr.0, ci_real)
}

fn make(cls: &Value, re: f64, im: f64) -> PyResult<Value> {
    if cls.is(&COMPLEX_TYPE.to_value()) {
        return Ok(new_complex(re, im));
    }
    int::check_new_layout("complex", cls, &COMPLEX_TYPE)?;
    Value::new_instance(cls, PyComplex { re, im })
}

fn c_complex(_ts: &ThreadState, v: &Value, a: &[Value], k: Option<&Value>) -> PyResult<Value> {
    crate::object::args::exact("complex.__complex__", a, k, 0)?;
    if v.is_exact(&COMPLEX_TYPE) {
        return Ok(v.clone());
    }
    let c = this(v)?;
    Ok(new_complex(c.re, c.im))
}

fn c_pow3(ts: &ThreadState, v: &Value, w: &Value, z: &Value) -> PyResult<Value> {
    if !none::is_none(z) {
        return Err(PyErr::value_error("complex modulo"));
    }
    binary(ts, v, w, nb::POWER)
}

fn c_format(ts: &ThreadState, v: &Value, a: &[Value], k: Option<&Value>) -> PyResult<Value> {
    let a = crate::object::args::exact("complex.__format__", a, k, 1)?;
    let spec = pystr::try_as_rust_str(&a[0]).ok_or_else(|| {
        PyErr::type_error(format!("__format__() argument must be str, not {}", pystr::clinic_type_name(&a[0])))
    })?;
    if spec.is_empty() {
        return protocol::str(ts, v);
    }
    let c = this(v)?;
    let s = crate::format::objects::format_complex_value_as(c.re, c.im, &spec, &protocol::type_name(v)).map_err(crate::format::objects::into_pyerr)?;
    Ok(pystr::new_str(&s))
}

/// Fill in the slots and methods of complex.
pub fn init() {
    let s = &COMPLEX_TYPE.data.slots;
    s.repr.set(Some(c_repr));
    s.hash.set(Some(c_hash));
    s.richcompare.set(Some(c_richcompare));
    s.bool.set(Some(c_bool));
    s.negative.set(Some(c_neg));
    s.positive.set(Some(c_pos));
    s.absolute.set(Some(c_abs));
    s.new.set(Some(c_new));
    s.power3.set(Some(c_pow3));
    s.getattro.set(Some(protocol::generic_getattr));
    let b = &s.binary;
    b[nb::ADD].set(Some(c_add));
    b[nb::SUBTRACT].set(Some(c_sub));
    b[nb::MULTIPLY].set(Some(c_mul));
    b[nb::TRUE_DIVIDE].set(Some(c_div));
    b[nb::POWER].set(Some(c_pow));
    super::descr::add_getsets(&COMPLEX_TYPE, &[("real", real, None), ("imag", imag, None)]);
    super::descr::add_methods(&COMPLEX_TYPE, &[("conjugate", conjugate), ("__complex__", c_complex), ("__getnewargs__", getnewargs), ("__format__", c_format)]);
}
