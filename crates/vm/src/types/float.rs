//! `float`: an f64 object. Arithmetic, rounding, repr and parsing follow
//! CPython exactly through `numeric::float`.

use num_bigint::BigInt;

use crate::numeric;
use crate::object::protocol;
use crate::object::typeobj::{nb, CompareOp, PyType, TypeObject, TPFLAGS_BASETYPE};
use crate::object::value::{PyObject, PyPayload, Value};
use crate::runtime::errors::{PyErr, PyResult};
use crate::runtime::thread::ThreadState;
use crate::types::{bool_, int, none, str as pystr, tuple};

/// A float object.
pub struct PyFloat {
    pub value: f64,
}

/// The `float` type.
pub static FLOAT_TYPE: PyType = PyObject::new_static(
    &super::typeobject::TYPE_TYPE,
    TypeObject::builtin::<PyFloat>("float", &FLOAT_TYPE, Some(&super::object::OBJECT_TYPE), TPFLAGS_BASETYPE),
);

impl PyPayload for PyFloat {
    fn class() -> &'static PyType {
        &FLOAT_TYPE
    }
}

/// A new float.
pub fn new_float(f: f64) -> Value {
    Value::new_pooled(PyFloat { value: f }).unwrap_or_else(|_| none::none())
}

thread_local! {
    static FREE_FLOATS: crate::object::value::FreeList = const { crate::object::value::FreeList::new() };
}

impl crate::object::value::Pooled for PyFloat {
    fn with_free_list<R>(f: impl FnOnce(&crate::object::value::FreeList) -> R) -> R {
        FREE_FLOATS.with(f)
    }
}

/// The value of a float (or float subclass instance).
#[inline]
pub fn as_float_exact_payload(v: &Value) -> Option<f64> {
    v.downcast::<PyFloat>().map(|f| f.value)
}

/// Either operand as f64 for mixed arithmetic: floats and ints.
fn to_f64_operand(v: &Value) -> PyResult<Option<f64>> {
    if let Some(f) = as_float_exact_payload(v) {
        return Ok(Some(f));
    }
    if let Some(r) = int::as_int(v) {
        return int::to_f64(&r).map(Some);
    }
    Ok(None)
}

/// `float(x)` conversion: `__float__`, `__index__`, or str parsing.
pub fn to_f64(ts: &ThreadState, v: &Value) -> PyResult<f64> {
    if let Some(f) = as_float_exact_payload(v) {
        return Ok(f);
    }
    if let Some(r) = int::as_int(v) {
        return int::to_f64(&r);
    }
    if let Some(f) = v.type_of().data.slots.float.get() {
        let r = f(ts, v)?;
        return as_float_exact_payload(&r).ok_or_else(|| {
            PyErr::type_error(format!(
                "{}.__float__ returned non-float (type {})",
                protocol::type_name(v),
                protocol::type_name(&r)
            ))
        });
    }
    if v.type_of().data.slots.index.get().is_some() {
        let i = protocol::index(ts, v)?;
        return int::to_f64(&int::as_int(&i).ok_or_else(|| PyErr::type_error("index"))?);
    }
    Err(PyErr::type_error(format!("must be real number, not {}", protocol::type_name(v))))
}

/// Exact comparison of an int with a float (None when the float is NaN).
pub fn compare_int_float(i: &BigInt, f: f64) -> Option<std::cmp::Ordering> {
    numeric::int::cmp_int_float(i, f)
}

fn float_repr(_ts: &ThreadState, v: &Value) -> PyResult<Value> {
    let f = as_float_exact_payload(v).ok_or_else(|| PyErr::type_error("float expected"))?;
    Ok(pystr::new_str(&numeric::float::repr(f)))
}

fn float_hash(_ts: &ThreadState, v: &Value) -> PyResult<isize> {
    let f = as_float_exact_payload(v).ok_or_else(|| PyErr::type_error("float expected"))?;
    Ok(crate::pyhash::hash_f64(f, v.id()))
}

fn float_bool(_ts: &ThreadState, v: &Value) -> PyResult<bool> {
    Ok(as_float_exact_payload(v).is_some_and(|f| f != 0.0))
}

fn float_richcompare(_ts: &ThreadState, v: &Value, w: &Value, op: CompareOp) -> PyResult<Value> {
    let Some(a) = as_float_exact_payload(v) else { return Ok(none::not_implemented()) };
    if let Some(b) = as_float_exact_payload(w) {
        return Ok(bool_::new_bool(match a.partial_cmp(&b) {
            Some(ord) => op.test(ord),
            None => op == CompareOp::Ne,
        }));
    }
    if let Some(r) = int::as_int(w) {
        return Ok(bool_::new_bool(match compare_int_float(&r.to_bigint(), a) {
            Some(ord) => op.test(ord.reverse()),
            None => op == CompareOp::Ne,
        }));
    }
    Ok(none::not_implemented())
}

/// `a ** b` on floats, complex results for negative bases raised to fractions.
pub fn float_pow_values(a: f64, b: f64) -> PyResult<Value> {
    match numeric::float::pow(a, b)? {
        Some(r) => Ok(new_float(r)),
        None => super::complex::complex_pow_values((a, 0.0), (b, 0.0)),
    }
}

fn float_binary(_ts: &ThreadState, v: &Value, w: &Value, op: usize) -> PyResult<Value> {
    let (Some(a), Some(b)) = (to_f64_operand(v)?, to_f64_operand(w)?) else {
        return Ok(none::not_implemented());
    };
    Ok(new_float(match op % nb::INPLACE {
        nb::ADD => a + b,
        nb::SUBTRACT => a - b,
        nb::MULTIPLY => a * b,
        nb::TRUE_DIVIDE => {
            if b == 0.0 {
                return Err(PyErr::zero_division("float division by zero"));
            }
            a / b
        }
        nb::FLOOR_DIVIDE => numeric::float::floordiv(a, b)?,
        nb::REMAINDER => numeric::float::modulo(a, b)?,
        nb::POWER => return float_pow_values(a, b),
        _ => return Ok(none::not_implemented()),
    }))
}

macro_rules! binops {
    ($($name:ident => $op:expr),*) => {
        $(fn $name(ts: &ThreadState, v: &Value, w: &Value) -> PyResult<Value> { float_binary(ts, v, w, $op) })*
    };
}
binops!(float_add => nb::ADD, float_sub => nb::SUBTRACT, float_mul => nb::MULTIPLY, float_truediv => nb::TRUE_DIVIDE,
    float_floordiv => nb::FLOOR_DIVIDE, float_mod => nb::REMAINDER, float_pow => nb::POWER);

fn float_pow3(_ts: &ThreadState, v: &Value, w: &Value, z: &Value) -> PyResult<Value> {
    // As CPython's float_pow: both operands must be real numbers, then a modulus is refused.
    let (Some(a), Some(b)) = (to_f64_operand(v)?, to_f64_operand(w)?) else {
        return Ok(none::not_implemented());
    };
    if !none::is_none(z) {
        return Err(PyErr::type_error("pow() 3rd argument not allowed unless all arguments are integers"));
    }
    float_pow_values(a, b)
}

/// `divmod(a, b)` with a float operand.
pub fn divmod(_ts: &ThreadState, v: &Value, w: &Value) -> PyResult<Value> {
    let (Some(a), Some(b)) = (to_f64_operand(v)?, to_f64_operand(w)?) else {
        return Ok(none::not_implemented());
    };
    let (q, r) = numeric::float::divmod(a, b)?;
    tuple::new_tuple(vec![new_float(q), new_float(r)])
}

fn this(v: &Value) -> PyResult<f64> {
    as_float_exact_payload(v).ok_or_else(|| PyErr::type_error("descriptor requires a 'float' object"))
}

fn float_neg(_ts: &ThreadState, v: &Value) -> PyResult<Value> {
    Ok(new_float(-this(v)?))
}
fn float_pos(_ts: &ThreadState, v: &Value) -> PyResult<Value> {
    Ok(new_float(this(v)?))
}
fn float_abs(_ts: &ThreadState, v: &Value) -> PyResult<Value> {
    Ok(new_float(this(v)?.abs()))
}
fn float_int(_ts: &ThreadState, v: &Value) -> PyResult<Value> {
    Ok(int::from_bigint(numeric::float::trunc(this(v)?)?))
}
fn float_float(_ts: &ThreadState, v: &Value) -> PyResult<Value> {
    if v.is_exact(&FLOAT_TYPE) {
        return Ok(v.clone());
    }
    Ok(new_float(this(v)?))
}

fn float_new(ts: &ThreadState, cls: &Value, args: &[Value], kwnames: Option<&Value>) -> PyResult<Value> {
    crate::object::args::no_kwargs("float", kwnames)?;
    let args = crate::object::args::positional("float", args, kwnames, 0, 1)?;
    let f = match args.first() {
        None => 0.0,
        Some(x) => number_float(ts, x)?,
    };
    if cls.is(&FLOAT_TYPE.to_value()) {
        return Ok(new_float(f));
    }
    int::check_new_layout("float", cls, &FLOAT_TYPE)?;
    Value::new_instance(cls, PyFloat { value: f })
}

/// `float(x)` (CPython's float_new / PyNumber_Float): an exact str is parsed; otherwise `__float__`
/// (even a str or float subclass's), `__index__`, a float subclass's value, then text of a str or bytes.
pub fn number_float(ts: &ThreadState, x: &Value) -> PyResult<f64> {
    if x.is_exact(&FLOAT_TYPE) {
        return this(x);
    }
    let exact_str = x.is_exact(&pystr::STR_TYPE);
    let slots = &x.type_of().data.slots;
    if !exact_str && (slots.float.get().is_some() || slots.index.get().is_some()) {
        return to_f64_number(ts, x);
    }
    if let Some(f) = as_float_exact_payload(x) {
        return Ok(f);
    }
    if let Some(s) = pystr::as_pystr(x) {
        return parse_str(ts, x, &s.data.transform_decimal_and_space_to_ascii());
    }
    if let Some(b) = super::bytes::try_bytes_data(x).or_else(|| super::bytearray::as_bytearray(x).map(|b| b.data.borrow().clone())) {
        return parse_str(ts, x, &String::from_utf8_lossy(&b));
    }
    Err(PyErr::type_error(format!(
        "float() argument must be a string or a real number, not '{}'",
        protocol::type_name(x)
    )))
}

/// `__float__` (its result must be a float), else `__index__`.
fn to_f64_number(ts: &ThreadState, v: &Value) -> PyResult<f64> {
    if let Some(f) = v.type_of().data.slots.float.get() {
        let r = f(ts, v)?;
        return as_float_exact_payload(&r).ok_or_else(|| {
            PyErr::type_error(format!(
                "{}.__float__ returned non-float (type {})",
                protocol::type_name(v),
                protocol::type_name(&r)
            ))
        });
    }
    let i = protocol::index(ts, v)?;
    int::to_f64(&int::as_int(&i).ok_or_else(|| PyErr::type_error("__index__ returned non-int"))?)
}

fn parse_str(ts: &ThreadState, orig: &Value, text: &str) -> PyResult<f64> {
    numeric::parse::parse_float(text).map_err(|_| match protocol::repr_string(ts, orig) {
        Ok(r) => PyErr::value_error(format!("could not convert string to float: {r}")),
        Err(e) => e,
    })
}

type Args<'a> = &'a [Value];

fn float_is_integer(_ts: &ThreadState, v: &Value, a: Args, k: Option<&Value>) -> PyResult<Value> {
    crate::object::args::exact("float.is_integer", a, k, 0)?;
    Ok(bool_::new_bool(numeric::float::is_integer(this(v)?)))
}
fn float_as_integer_ratio(_ts: &ThreadState, v: &Value, a: Args, k: Option<&Value>) -> PyResult<Value> {
    crate::object::args::exact("float.as_integer_ratio", a, k, 0)?;
    let (n, d) = numeric::float::as_integer_ratio(this(v)?)?;
    tuple::new_tuple(vec![int::from_bigint(n), int::from_bigint(d)])
}
fn float_hex(_ts: &ThreadState, v: &Value, a: Args, k: Option<&Value>) -> PyResult<Value> {
    crate::object::args::exact("float.hex", a, k, 0)?;
    Ok(pystr::new_str(&numeric::float::to_hex(this(v)?)))
}
fn float_fromhex(ts: &ThreadState, cls: &Value, a: Args, k: Option<&Value>) -> PyResult<Value> {
    let a = crate::object::args::exact("float.fromhex", a, k, 1)?;
    // CPython parses it with PyUnicode_AsUTF8AndSize, hence the generic message.
    let s = pystr::try_as_rust_str(&a[0]).ok_or_else(|| PyErr::type_error("bad argument type for built-in operation"))?;
    let f = new_float(numeric::float::from_hex(&s)?);
    if cls.is(&FLOAT_TYPE.to_value()) {
        return Ok(f);
    }
    protocol::call(ts, cls, &[f], None)
}
fn float_round(ts: &ThreadState, v: &Value, a: Args, k: Option<&Value>) -> PyResult<Value> {
    let a = crate::object::args::positional("__round__", a, k, 0, 1)?;
    let x = this(v)?;
    match a.first().filter(|n| !none::is_none(n)) {
        None => Ok(int::from_bigint(numeric::float::round_to_int(x)?)),
        Some(n) => {
            let n = protocol::index(ts, n)?;
            let nd = int::to_isize(&n).unwrap_or(if int::is_negative(&n) { isize::MIN } else { isize::MAX });
            Ok(new_float(numeric::float::round(x, nd as i64)?))
        }
    }
}
fn float_trunc(_ts: &ThreadState, v: &Value, a: Args, k: Option<&Value>) -> PyResult<Value> {
    crate::object::args::exact("float.__trunc__", a, k, 0)?;
    Ok(int::from_bigint(numeric::float::trunc(this(v)?)?))
}
fn float_floor(_ts: &ThreadState, v: &Value, a: Args, k: Option<&Value>) -> PyResult<Value> {
    crate::object::args::exact("float.__floor__", a, k, 0)?;
    Ok(int::from_bigint(numeric::float::floor(this(v)?)?))
}
fn float_ceil(_ts: &ThreadState, v: &Value, a: Args, k: Option<&Value>) -> PyResult<Value> {
    crate::object::args::exact("float.__ceil__", a, k, 0)?;
    Ok(int::from_bigint(numeric::float::ceil(this(v)?)?))
}
fn float_conjugate(_ts: &ThreadState, v: &Value, a: Args, k: Option<&Value>) -> PyResult<Value> {
    crate::object::args::exact("float.conjugate", a, k, 0)?;
    Ok(new_float(this(v)?))
}
fn float_getnewargs(_ts: &ThreadState, v: &Value, a: Args, k: Option<&Value>) -> PyResult<Value> {
    crate::object::args::exact("float.__getnewargs__", a, k, 0)?;
    tuple::new_tuple(vec![new_float(this(v)?)])
}
fn float_format(ts: &ThreadState, v: &Value, a: Args, k: Option<&Value>) -> PyResult<Value> {
    let a = crate::object::args::exact("float.__format__", a, k, 1)?;
    let spec = pystr::try_as_rust_str(&a[0]).ok_or_else(|| {
        PyErr::type_error(format!("__format__() argument must be str, not {}", pystr::clinic_type_name(&a[0])))
    })?;
    if spec.is_empty() {
        return protocol::str(ts, v);
    }
    let s = crate::format::objects::format_float_value_as(this(v)?, &spec, &protocol::type_name(v)).map_err(crate::format::objects::into_pyerr)?;
    Ok(pystr::new_str(&s))
}
fn float_divmod_method(ts: &ThreadState, v: &Value, a: Args, k: Option<&Value>) -> PyResult<Value> {
    let a = crate::object::args::exact("__divmod__", a, k, 1)?;
    divmod(ts, v, &a[0])
}
fn float_rdivmod_method(ts: &ThreadState, v: &Value, a: Args, k: Option<&Value>) -> PyResult<Value> {
    let a = crate::object::args::exact("__rdivmod__", a, k, 1)?;
    divmod(ts, &a[0], v)
}
fn float_getformat(_ts: &ThreadState, _cls: &Value, a: Args, k: Option<&Value>) -> PyResult<Value> {
    let a = crate::object::args::exact("float.__getformat__", a, k, 1)?;
    let t = pystr::try_as_rust_str(&a[0]).ok_or_else(|| {
        PyErr::type_error(format!("__getformat__() argument must be str, not {}", pystr::clinic_type_name(&a[0])))
    })?;
    match t.as_ref() {
        "double" | "float" => Ok(pystr::new_str(if cfg!(target_endian = "little") {
            "IEEE, little-endian"
        } else {
            "IEEE, big-endian"
        })),
        _ => Err(PyErr::value_error("__getformat__() argument 1 must be 'double' or 'float'")),
    }
}
fn float_real(_ts: &ThreadState, v: &Value) -> PyResult<Value> {
    Ok(new_float(this(v)?))
}
fn float_imag(_ts: &ThreadState, _v: &Value) -> PyResult<Value> {
    Ok(new_float(0.0))
}

/// Fill in the slots and methods of float.
pub fn init() {
    FLOAT_TYPE.data.dealloc.set(crate::object::value::dealloc_pooled::<PyFloat>);
    let s = &FLOAT_TYPE.data.slots;
    s.repr.set(Some(float_repr));
    s.hash.set(Some(float_hash));
    s.bool.set(Some(float_bool));
    s.richcompare.set(Some(float_richcompare));
    s.new.set(Some(float_new));
    s.negative.set(Some(float_neg));
    s.positive.set(Some(float_pos));
    s.absolute.set(Some(float_abs));
    s.int.set(Some(float_int));
    s.float.set(Some(float_float));
    s.power3.set(Some(float_pow3));
    s.getattro.set(Some(protocol::generic_getattr));
    let b = &s.binary;
    b[nb::ADD].set(Some(float_add));
    b[nb::SUBTRACT].set(Some(float_sub));
    b[nb::MULTIPLY].set(Some(float_mul));
    b[nb::TRUE_DIVIDE].set(Some(float_truediv));
    b[nb::FLOOR_DIVIDE].set(Some(float_floordiv));
    b[nb::REMAINDER].set(Some(float_mod));
    b[nb::POWER].set(Some(float_pow));
    super::descr::add_methods(
        &FLOAT_TYPE,
        &[
            ("is_integer", float_is_integer),
            ("as_integer_ratio", float_as_integer_ratio),
            ("hex", float_hex),
            ("__round__", float_round),
            ("__trunc__", float_trunc),
            ("__floor__", float_floor),
            ("__ceil__", float_ceil),
            ("conjugate", float_conjugate),
            ("__getnewargs__", float_getnewargs),
            ("__format__", float_format),
            ("__divmod__", float_divmod_method),
            ("__rdivmod__", float_rdivmod_method),
        ],
    );
    super::descr::add_methods_kind(&FLOAT_TYPE, &[("fromhex", float_fromhex), ("__getformat__", float_getformat)], super::descr::MethodKind::Class);
    super::descr::add_getsets(&FLOAT_TYPE, &[("real", float_real, None), ("imag", float_imag, None)]);
}
