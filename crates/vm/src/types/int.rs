//! `int`: arbitrary precision. Values in the small range live inside the
//! `Value` word; others (and instances of int subclasses) are `PyInt`
//! objects holding a BigInt. Every operation has an i64 fast path with
//! overflow checks that falls back to BigInt.

use num_bigint::BigInt;
use num_integer::Integer;
use num_traits::{Signed, ToPrimitive, Zero};

use crate::numeric;
use crate::numeric::parse::IntParseError;
use crate::object::protocol;
use crate::object::typeobj::{nb, CompareOp, PyType, TypeObject, TPFLAGS_BASETYPE, TPFLAGS_LONG_SUBCLASS};
use crate::object::value::{PyObject, PyPayload, Value};
use crate::runtime::errors::{PyErr, PyResult};
use crate::runtime::thread::ThreadState;
use crate::types::{bool_, float, none, str as pystr};

/// An int object outside the small-int range (or an int subclass instance).
pub struct PyInt {
    pub value: BigInt,
}

/// The `int` type.
pub static INT_TYPE: PyType = PyObject::new_static(
    &super::typeobject::TYPE_TYPE,
    TypeObject::builtin::<PyInt>("int", &INT_TYPE, Some(&super::object::OBJECT_TYPE), TPFLAGS_BASETYPE | TPFLAGS_LONG_SUBCLASS),
);

impl PyPayload for PyInt {
    fn class() -> &'static PyType {
        &INT_TYPE
    }
}

impl PyInt {
    pub fn class_ref() -> &'static PyType {
        &INT_TYPE
    }
}

/// A borrowed view of an int's value.
pub enum IntRef<'a> {
    Small(i64),
    Big(&'a BigInt),
}

impl IntRef<'_> {
    pub fn to_bigint(&self) -> BigInt {
        match self {
            IntRef::Small(i) => BigInt::from(*i),
            IntRef::Big(b) => (*b).clone(),
        }
    }
    pub fn to_i64(&self) -> Option<i64> {
        match self {
            IntRef::Small(i) => Some(*i),
            IntRef::Big(b) => b.to_i64(),
        }
    }
}

/// The int value of an int (or bool, or int subclass instance).
#[inline]
pub fn as_int(v: &Value) -> Option<IntRef<'_>> {
    if let Some(i) = v.as_small_int() {
        return Some(IntRef::Small(i));
    }
    if let Some(p) = v.downcast::<PyInt>() {
        return Some(match p.value.to_i64() {
            Some(i) if v.is_exact(&INT_TYPE) && false => IntRef::Small(i),
            _ => IntRef::Big(&p.value),
        });
    }
    if let Some(b) = bool_::as_bool(v) {
        return Some(IntRef::Small(b as i64));
    }
    None
}

/// Whether `v` is an int (bools and subclasses included).
pub fn is_int(v: &Value) -> bool {
    as_int(v).is_some()
}

/// Whether `v` is a negative int (false for non-ints).
pub fn is_negative(v: &Value) -> bool {
    match as_int(v) {
        Some(IntRef::Small(i)) => i < 0,
        Some(IntRef::Big(b)) => b.is_negative(),
        None => false,
    }
}

/// Whether an int is zero (false for non-ints).
pub fn is_zero(v: &Value) -> bool {
    match as_int(v) {
        Some(IntRef::Small(i)) => i == 0,
        Some(IntRef::Big(b)) => b.is_zero(),
        None => false,
    }
}

/// An int value (small when it fits).
#[inline]
pub fn from_i64(i: i64) -> Value {
    match Value::small_int(i) {
        Some(v) => v,
        None => from_bigint(BigInt::from(i)),
    }
}

/// An int value from a BigInt (small when it fits).
pub fn from_bigint(b: BigInt) -> Value {
    if let Some(i) = b.to_i64() {
        if let Some(v) = Value::small_int(i) {
            return v;
        }
    }
    Value::new(PyInt { value: b }).unwrap_or_else(|_| none::none())
}

/// An int value from a usize.
pub fn from_usize(n: usize) -> Value {
    from_bigint(BigInt::from(n))
}

/// The value as an isize, None if out of range or not an int.
pub fn to_isize(v: &Value) -> Option<isize> {
    match as_int(v)? {
        IntRef::Small(i) => isize::try_from(i).ok(),
        IntRef::Big(b) => b.to_isize(),
    }
}

/// The value as an i64 or OverflowError with CPython's message.
pub fn to_i64_checked(v: &Value) -> PyResult<i64> {
    match as_int(v) {
        Some(r) => r.to_i64().ok_or_else(|| PyErr::overflow_error("Python int too large to convert to C long")),
        None => Err(PyErr::type_error(format!("'{}' object cannot be interpreted as an integer", protocol::type_name(v)))),
    }
}

/// CPython's hash of an int.
pub fn hash_int(v: &Value) -> isize {
    match as_int(v) {
        Some(IntRef::Small(i)) => crate::pyhash::hash_i64(i),
        Some(IntRef::Big(b)) => crate::pyhash::hash_bigint(b),
        None => 0,
    }
}

/// Decimal string of an int, honouring sys.int_max_str_digits.
pub fn to_decimal_string(ts: &ThreadState, v: &IntRef<'_>) -> PyResult<String> {
    match v {
        IntRef::Small(i) => Ok(i.to_string()),
        IntRef::Big(b) => Ok(numeric::int::to_decimal_string(b, ts.interp().int_max_str_digits.get())?),
    }
}

/// The decimal digits of `i` written at the end of `buf`; returns where they start.
pub fn small_decimal(i: i64, buf: &mut [u8; 20]) -> usize {
    let mut m = i.unsigned_abs();
    let mut at = buf.len();
    loop {
        at -= 1;
        buf[at] = b'0' + (m % 10) as u8;
        m /= 10;
        if m == 0 {
            break;
        }
    }
    if i < 0 {
        at -= 1;
        buf[at] = b'-';
    }
    at
}

/// `str(i)` for a machine integer, without an intermediate `String`.
pub fn small_to_str(i: i64) -> Value {
    let mut buf = [0u8; 20];
    let at = small_decimal(i, &mut buf);
    match crate::stringlib::StrData::from_ascii(&buf[at..]) {
        Some(d) => pystr::from_data(d),
        None => pystr::new_str(&i.to_string()),
    }
}

fn int_repr(ts: &ThreadState, v: &Value) -> PyResult<Value> {
    let r = as_int(v).ok_or_else(|| PyErr::type_error("int expected"))?;
    if let IntRef::Small(i) = r {
        return Ok(small_to_str(i));
    }
    Ok(pystr::new_str(&to_decimal_string(ts, &r)?))
}

fn int_hash(_ts: &ThreadState, v: &Value) -> PyResult<isize> {
    Ok(hash_int(v))
}

fn int_bool(_ts: &ThreadState, v: &Value) -> PyResult<bool> {
    Ok(match as_int(v) {
        Some(IntRef::Small(i)) => i != 0,
        Some(IntRef::Big(b)) => !b.is_zero(),
        None => true,
    })
}

fn int_richcompare(_ts: &ThreadState, v: &Value, w: &Value, op: CompareOp) -> PyResult<Value> {
    let Some(a) = as_int(v) else { return Ok(none::not_implemented()) };
    if let Some(b) = as_int(w) {
        let ord = match (&a, &b) {
            (IntRef::Small(x), IntRef::Small(y)) => x.cmp(y),
            _ => a.to_bigint().cmp(&b.to_bigint()),
        };
        return Ok(bool_::new_bool(op.test(ord)));
    }
    Ok(none::not_implemented())
}

/// Integer binary operators (both operands int-like), NotImplemented otherwise.
pub fn int_binary(ts: &ThreadState, v: &Value, w: &Value, op: usize) -> PyResult<Value> {
    let (Some(a), Some(b)) = (as_int(v), as_int(w)) else {
        return Ok(none::not_implemented());
    };
    let op = op % nb::INPLACE;
    if let (IntRef::Small(x), IntRef::Small(y)) = (&a, &b) {
        let (x, y) = (*x, *y);
        let r = match op {
            nb::ADD => x.checked_add(y),
            nb::SUBTRACT => x.checked_sub(y),
            nb::MULTIPLY => x.checked_mul(y),
            nb::AND => Some(x & y),
            nb::OR => Some(x | y),
            nb::XOR => Some(x ^ y),
            nb::FLOOR_DIVIDE => {
                if y == 0 {
                    return Err(PyErr::zero_division("integer division or modulo by zero"));
                }
                x.checked_div_euclid(y).map(|_| Integer::div_floor(&x, &y))
            }
            nb::REMAINDER => {
                if y == 0 {
                    return Err(PyErr::zero_division("integer modulo by zero"));
                }
                Some(x.mod_floor(&y))
            }
            nb::TRUE_DIVIDE => {
                if y == 0 {
                    return Err(PyErr::zero_division("division by zero"));
                }
                if x.unsigned_abs() < (1 << 53) && y.unsigned_abs() < (1 << 53) {
                    return Ok(float::new_float(x as f64 / y as f64));
                }
                None
            }
            nb::LSHIFT => {
                if y < 0 {
                    return Err(PyErr::value_error("negative shift count"));
                }
                if y < 62 && x.unsigned_abs() < (1u64 << (62 - y)) {
                    Some(x << y)
                } else {
                    None
                }
            }
            nb::RSHIFT => {
                if y < 0 {
                    return Err(PyErr::value_error("negative shift count"));
                }
                Some(if y >= 64 { if x < 0 { -1 } else { 0 } } else { x >> y })
            }
            nb::POWER => {
                if y >= 0 {
                    u32::try_from(y).ok().and_then(|e| x.checked_pow(e))
                } else {
                    None
                }
            }
            _ => return Ok(none::not_implemented()),
        };
        if let Some(r) = r {
            return Ok(from_i64(r));
        }
    }
    big_binary(ts, &a.to_bigint(), &b.to_bigint(), op)
}

fn big_binary(_ts: &ThreadState, a: &BigInt, b: &BigInt, op: usize) -> PyResult<Value> {
    Ok(match op {
        nb::ADD => from_bigint(a + b),
        nb::SUBTRACT => from_bigint(a - b),
        nb::MULTIPLY => from_bigint(a * b),
        nb::AND => from_bigint(a & b),
        nb::OR => from_bigint(a | b),
        nb::XOR => from_bigint(a ^ b),
        nb::FLOOR_DIVIDE => {
            if b.is_zero() {
                return Err(PyErr::zero_division("integer division or modulo by zero"));
            }
            from_bigint(a.div_floor(b))
        }
        nb::REMAINDER => {
            if b.is_zero() {
                return Err(PyErr::zero_division("integer modulo by zero"));
            }
            from_bigint(a.mod_floor(b))
        }
        nb::TRUE_DIVIDE => {
            if b.is_zero() {
                return Err(PyErr::zero_division("division by zero"));
            }
            float::new_float(numeric::int::true_divide(a, b)?)
        }
        nb::LSHIFT => {
            if b.is_negative() {
                return Err(PyErr::value_error("negative shift count"));
            }
            if a.is_zero() {
                return Ok(from_i64(0));
            }
            let n = b.to_usize().filter(|n| *n < (1usize << 40)).ok_or_else(|| PyErr::overflow_error("too many digits in integer"))?;
            from_bigint(a << n)
        }
        nb::RSHIFT => {
            if b.is_negative() {
                return Err(PyErr::value_error("negative shift count"));
            }
            match b.to_usize() {
                Some(n) => from_bigint(a >> n),
                None => from_i64(if a.is_negative() { -1 } else { 0 }),
            }
        }
        nb::POWER => {
            if b.is_negative() {
                let base = a.to_f64().unwrap_or(f64::INFINITY);
                if base == 0.0 {
                    return Err(PyErr::zero_division("0.0 cannot be raised to a negative power"));
                }
                return float::float_pow_values(base, b.to_f64().unwrap_or(f64::NEG_INFINITY));
            }
            let e = b.to_u32().ok_or_else(|| PyErr::overflow_error("exponent too large"))?;
            if a.bits().saturating_mul(e as u64) > (1u64 << 36) {
                return Err(PyErr::no_memory());
            }
            from_bigint(num_traits::pow::Pow::pow(a, e))
        }
        _ => none::not_implemented(),
    })
}

macro_rules! binops {
    ($($name:ident => $op:expr),*) => {
        $(fn $name(ts: &ThreadState, v: &Value, w: &Value) -> PyResult<Value> { int_binary(ts, v, w, $op) })*
    };
}
binops!(int_add => nb::ADD, int_sub => nb::SUBTRACT, int_mul => nb::MULTIPLY, int_and => nb::AND, int_or => nb::OR,
    int_xor => nb::XOR, int_floordiv => nb::FLOOR_DIVIDE, int_mod => nb::REMAINDER, int_truediv => nb::TRUE_DIVIDE,
    int_lshift => nb::LSHIFT, int_rshift => nb::RSHIFT, int_pow => nb::POWER);

fn int_pow3(_ts: &ThreadState, v: &Value, w: &Value, z: &Value) -> PyResult<Value> {
    let (Some(a), Some(b), Some(m)) = (as_int(v), as_int(w), as_int(z)) else {
        return Ok(none::not_implemented());
    };
    let (a, b, m) = (a.to_bigint(), b.to_bigint(), m.to_bigint());
    if m.is_zero() {
        return Err(PyErr::value_error("pow() 3rd argument cannot be 0"));
    }
    let (base, exp) = if b.is_negative() {
        let inv = mod_inverse(&a, &m).ok_or_else(|| PyErr::value_error("base is not invertible for the given modulus"))?;
        (inv, -b)
    } else {
        (a, b)
    };
    let mabs = m.abs();
    let mut r = base.modpow(&exp, &mabs);
    if r.is_negative() {
        r += &mabs;
    }
    if m.is_negative() && !r.is_zero() {
        r += &m;
    }
    Ok(from_bigint(r))
}

fn mod_inverse(a: &BigInt, m: &BigInt) -> Option<BigInt> {
    let m = m.abs();
    let g = a.mod_floor(&m).extended_gcd(&m);
    if g.gcd != BigInt::from(1) {
        return None;
    }
    Some(g.x.mod_floor(&m))
}

fn int_divmod(ts: &ThreadState, v: &Value, w: &Value) -> PyResult<Value> {
    if !is_int(v) || !is_int(w) {
        return Ok(none::not_implemented());
    }
    let q = int_binary(ts, v, w, nb::FLOOR_DIVIDE)?;
    let r = int_binary(ts, v, w, nb::REMAINDER)?;
    super::tuple::new_tuple(vec![q, r])
}

fn unary_big(v: &Value, f: impl Fn(BigInt) -> BigInt, small: impl Fn(i64) -> Option<i64>) -> PyResult<Value> {
    match as_int(v) {
        Some(IntRef::Small(i)) => Ok(match small(i) {
            Some(r) => from_i64(r),
            None => from_bigint(f(BigInt::from(i))),
        }),
        Some(IntRef::Big(b)) => Ok(from_bigint(f(b.clone()))),
        None => Ok(none::not_implemented()),
    }
}

fn int_neg(_ts: &ThreadState, v: &Value) -> PyResult<Value> {
    unary_big(v, |b| -b, |i| i.checked_neg())
}
fn int_pos(_ts: &ThreadState, v: &Value) -> PyResult<Value> {
    unary_big(v, |b| b, Some)
}
fn int_abs(_ts: &ThreadState, v: &Value) -> PyResult<Value> {
    unary_big(v, |b| b.abs(), |i| i.checked_abs())
}
fn int_invert(_ts: &ThreadState, v: &Value) -> PyResult<Value> {
    unary_big(v, |b| -b - 1, |i| Some(!i))
}
fn int_int(_ts: &ThreadState, v: &Value) -> PyResult<Value> {
    unary_big(v, |b| b, Some)
}
fn int_float(_ts: &ThreadState, v: &Value) -> PyResult<Value> {
    match as_int(v) {
        Some(r) => Ok(float::new_float(to_f64(&r)?)),
        None => Ok(none::not_implemented()),
    }
}

/// The int as a float, OverflowError when too large.
pub fn to_f64(r: &IntRef<'_>) -> PyResult<f64> {
    match r {
        IntRef::Small(i) => Ok(*i as f64),
        IntRef::Big(b) => match b.to_f64() {
            Some(f) if f.is_finite() => Ok(f),
            _ => Err(PyErr::overflow_error("int too large to convert to float")),
        },
    }
}

/// `int(x)` / `int(x, base)`.
fn int_new(ts: &ThreadState, cls: &Value, args: &[Value], kwnames: Option<&Value>) -> PyResult<Value> {
    // `int(x)`, the common call, without keyword parsing.
    if args.len() == 1 && kwnames.is_none() && cls.is(&INT_TYPE.to_value()) {
        return number_to_int(ts, &args[0]);
    }
    let [x, base] = pystr::clinic_keywords("int", args, kwnames, ["", "base"], 1, 0)?;
    let value = match (x, base) {
        (None, None) => from_i64(0),
        (None, Some(_)) => return Err(PyErr::type_error("int() missing string argument")),
        (Some(x), None) => number_to_int(ts, &x)?,
        (Some(x), Some(base)) => {
            // PyNumber_AsSsize_t without an exception type: huge values clamp.
            let b = protocol::index(ts, &base)?;
            let b = to_isize(&b).unwrap_or(if is_negative(&b) { isize::MIN } else { isize::MAX });
            if !(b == 0 || (2..=36).contains(&b)) {
                return Err(numeric::parse::base_error().into());
            }
            if let Some(s) = pystr::as_pystr(&x) {
                parse_int_text(ts, &x, &s.data.transform_decimal_and_space_to_ascii(), b as i64)?
            } else if let Some(data) = bytes_or_bytearray(&x) {
                parse_int_bytes(ts, &data, b as i64)?
            } else {
                return Err(PyErr::type_error("int() can't convert non-string with explicit base"));
            }
        }
    };
    if cls.is(&INT_TYPE.to_value()) {
        return Ok(value);
    }
    check_new_layout("int", cls, &INT_TYPE)?;
    let big = as_int(&value).map(|r| r.to_bigint()).unwrap_or_default();
    Value::new_instance(cls, PyInt { value: big })
}

fn bytes_or_bytearray(x: &Value) -> Option<Vec<u8>> {
    if let Some(b) = super::bytes::try_bytes_data(x) {
        return Some(b);
    }
    super::bytearray::as_bytearray(x).map(|b| b.data.borrow().clone())
}

/// `int(text, base)` of a str (already mapped to ASCII digits and spaces).
fn parse_int_text(ts: &ThreadState, orig: &Value, text: &str, base: i64) -> PyResult<Value> {
    match numeric::parse::parse_int(text, base, ts.interp().int_max_str_digits.get()) {
        Ok(v) => Ok(from_bigint(v)),
        Err(IntParseError::Error(e)) => Err(e.into()),
        Err(IntParseError::Invalid) => {
            // %.200R: the repr cut to 200 characters.
            let r = protocol::repr_string(ts, orig)?;
            let r: String = r.chars().take(200).collect();
            Err(PyErr::value_error(format!("invalid literal for int() with base {base}: {r}")))
        }
    }
}

/// `int(bytes, base)`: the bytes as ASCII text.
fn parse_int_bytes(ts: &ThreadState, data: &[u8], base: i64) -> PyResult<Value> {
    // Non-ASCII bytes (and NUL) are invalid wherever they are: '?' is never a digit.
    let text: String = data.iter().map(|&b| if b.is_ascii() && b != 0 { b as char } else { '?' }).collect();
    match numeric::parse::parse_int(&text, base, ts.interp().int_max_str_digits.get()) {
        Ok(v) => Ok(from_bigint(v)),
        Err(IntParseError::Error(e)) => Err(e.into()),
        Err(IntParseError::Invalid) => {
            // CPython shows the first 200 bytes.
            let shown = &data[..data.len().min(200)];
            Err(PyErr::value_error(format!(
                "invalid literal for int() with base {base}: {}",
                syntax::repr::bytes_repr(shown)
            )))
        }
    }
}

/// The same value as an exact int (subclass instances and bools converted).
fn exact_int(v: &Value) -> Value {
    if v.is_exact(&INT_TYPE) || v.as_small_int().is_some() {
        return v.clone();
    }
    match as_int(v) {
        Some(IntRef::Small(i)) => from_i64(i),
        Some(IntRef::Big(b)) => from_bigint(b.clone()),
        None => v.clone(),
    }
}

/// `int(text)` for an optional sign and 1 to 18 ASCII digits (no spaces or
/// underscores), which cannot overflow an i64; None for anything else.
fn parse_plain_decimal(text: &str) -> Option<i64> {
    let b = text.as_bytes();
    let (neg, digits) = match b.first()? {
        b'-' => (true, &b[1..]),
        b'+' => (false, &b[1..]),
        _ => (false, b),
    };
    if digits.is_empty() || digits.len() > 18 {
        return None;
    }
    let mut n: i64 = 0;
    for &d in digits {
        if !d.is_ascii_digit() {
            return None;
        }
        n = n * 10 + i64::from(d - b'0');
    }
    Some(if neg { -n } else { n })
}

/// `int(x)` for one argument: `__int__`, `__index__`, `__trunc__`, str, bytes.
pub fn number_to_int(ts: &ThreadState, x: &Value) -> PyResult<Value> {
    // Only an exact int is taken as is: a subclass's __int__ may be overridden.
    if x.as_small_int().is_some() || x.is_exact(&INT_TYPE) {
        return Ok(x.clone());
    }
    // An exact str has no __int__/__index__/__trunc__: short plain decimals skip the bigint parser.
    if x.is_exact(&pystr::STR_TYPE) {
        if let Some(i) = pystr::as_pystr(x).and_then(|s| s.data.as_str()).and_then(parse_plain_decimal) {
            return Ok(from_i64(i));
        }
    }
    let slots = &x.type_of().data.slots;
    if let Some(f) = slots.int.get() {
        let r = f(ts, x)?;
        if !is_int(&r) {
            return Err(PyErr::type_error(format!("__int__ returned non-int (type {})", protocol::type_name(&r))));
        }
        // A strict subclass of int (even a bool) becomes a plain int (CPython also warns).
        return Ok(exact_int(&r));
    }
    if slots.index.get().is_some() {
        return protocol::index(ts, x).map(|r| exact_int(&r));
    }
    if let Some(r) = protocol::call_special(ts, x, "__trunc__", &[])? {
        if is_int(&r) {
            return Ok(exact_int(&r));
        }
        if r.type_of().data.slots.index.get().is_none() {
            return Err(PyErr::type_error(format!(
                "__trunc__ returned non-Integral (type {})",
                protocol::type_name(&r)
            )));
        }
        return protocol::index(ts, &r);
    }
    if let Some(s) = pystr::as_pystr(x) {
        return parse_int_text(ts, x, &s.data.transform_decimal_and_space_to_ascii(), 10);
    }
    if let Some(data) = bytes_or_bytearray(x) {
        return parse_int_bytes(ts, &data, 10);
    }
    Err(PyErr::type_error(format!(
        "int() argument must be a string, a bytes-like object or a real number, not '{}'",
        protocol::type_name(x)
    )))
}

fn int_bit_length(_ts: &ThreadState, v: &Value, a: &[Value], k: Option<&Value>) -> PyResult<Value> {
    crate::object::args::exact("int.bit_length", a, k, 0)?;
    let r = as_int(v).ok_or_else(|| PyErr::type_error("int expected"))?;
    Ok(from_i64(r.to_bigint().bits() as i64))
}

fn int_bit_count(_ts: &ThreadState, v: &Value, a: &[Value], k: Option<&Value>) -> PyResult<Value> {
    crate::object::args::exact("int.bit_count", a, k, 0)?;
    let r = as_int(v).ok_or_else(|| PyErr::type_error("int expected"))?;
    let b = r.to_bigint().abs();
    Ok(from_i64(b.to_u64_digits().1.iter().map(|d| d.count_ones() as i64).sum()))
}

fn int_conjugate(_ts: &ThreadState, v: &Value, a: &[Value], k: Option<&Value>) -> PyResult<Value> {
    crate::object::args::exact("int.conjugate", a, k, 0)?;
    unary_big(v, |b| b, Some)
}

fn int_index(_ts: &ThreadState, v: &Value) -> PyResult<Value> {
    unary_big(v, |b| b, Some)
}

fn int_real(_ts: &ThreadState, v: &Value) -> PyResult<Value> {
    unary_big(v, |b| b, Some)
}
fn int_imag(_ts: &ThreadState, _v: &Value) -> PyResult<Value> {
    Ok(from_i64(0))
}
fn int_one(_ts: &ThreadState, _v: &Value) -> PyResult<Value> {
    Ok(from_i64(1))
}

fn int_as_integer_ratio(_ts: &ThreadState, v: &Value, a: &[Value], k: Option<&Value>) -> PyResult<Value> {
    crate::object::args::exact("int.as_integer_ratio", a, k, 0)?;
    let n = unary_big(v, |b| b, Some)?;
    super::tuple::new_tuple(vec![n, from_i64(1)])
}

fn int_round(ts: &ThreadState, v: &Value, a: &[Value], k: Option<&Value>) -> PyResult<Value> {
    let a = crate::object::args::positional("__round__", a, k, 0, 1)?;
    // round(x) calls __round__() without an argument; an explicit None is not an int.
    let Some(nd) = a.first() else {
        return unary_big(v, |b| b, Some);
    };
    let nd = protocol::index(ts, nd)?;
    let nd = as_int(&nd).map(|r| r.to_bigint()).unwrap_or_default();
    let x = as_int(v).ok_or_else(|| PyErr::type_error("descriptor '__round__' requires a 'int' object"))?;
    Ok(from_bigint(numeric::int::round(&x.to_bigint(), &nd)))
}

/// A Py_ssize_t argument (`index`, OverflowError beyond the range).
pub fn ssize_arg(ts: &ThreadState, v: &Value) -> PyResult<isize> {
    let i = protocol::index(ts, v)?;
    to_isize(&i).ok_or_else(|| PyErr::overflow_error("Python int too large to convert to C ssize_t"))
}

/// A C int argument (`index`, OverflowError beyond 32 bits).
pub fn c_int_arg(ts: &ThreadState, v: &Value) -> PyResult<i32> {
    let i = protocol::index(ts, v)?;
    to_isize(&i)
        .and_then(|x| i32::try_from(x).ok())
        .ok_or_else(|| PyErr::overflow_error("Python int too large to convert to C int"))
}

/// CPython's check that a builtin `__new__` only builds instances of its own layout
/// (`int.__new__(bool)` is refused).
pub fn check_new_layout(name: &str, cls: &Value, base: &'static PyType) -> PyResult<()> {
    let Some(t) = cls.as_type() else {
        return Err(PyErr::type_error(format!("{name}.__new__(X): X is not a type object")));
    };
    if !std::ptr::eq(t.solid_base(), base) {
        let n = t.name();
        return Err(PyErr::type_error(format!("{name}.__new__({n}) is not safe, use {n}.__new__()")));
    }
    Ok(())
}

fn int_trunc(_ts: &ThreadState, v: &Value, a: &[Value], k: Option<&Value>) -> PyResult<Value> {
    crate::object::args::exact("int.__trunc__", a, k, 0)?;
    unary_big(v, |b| b, Some)
}

fn int_getnewargs(_ts: &ThreadState, v: &Value, a: &[Value], k: Option<&Value>) -> PyResult<Value> {
    crate::object::args::exact("int.__getnewargs__", a, k, 0)?;
    super::tuple::new_tuple(vec![unary_big(v, |b| b, Some)?])
}

/// The `byteorder` argument of to_bytes/from_bytes: true for 'little'.
fn byteorder_arg(fname: &str, b: Option<Value>) -> PyResult<bool> {
    let Some(b) = b else { return Ok(false) };
    let Some(s) = pystr::try_as_rust_str(&b) else {
        return Err(PyErr::type_error(format!(
            "{fname}() argument 'byteorder' must be str, not {}",
            pystr::clinic_type_name(&b)
        )));
    };
    match s.as_ref() {
        "little" => Ok(true),
        "big" => Ok(false),
        _ => Err(PyErr::value_error("byteorder must be either 'little' or 'big'")),
    }
}

fn int_to_bytes(ts: &ThreadState, v: &Value, a: &[Value], k: Option<&Value>) -> PyResult<Value> {
    let [length, byteorder, signed] = crate::object::args::bind("to_bytes", a, k, ["length", "byteorder", "signed"], 0, 0, 2)?;
    let length = match length {
        Some(l) => ssize_arg(ts, &l)?,
        None => 1,
    };
    let little = byteorder_arg("to_bytes", byteorder)?;
    let signed = match signed {
        Some(s) => protocol::is_true(ts, &s)?,
        None => false,
    };
    let x = as_int(v).ok_or_else(|| PyErr::type_error("descriptor 'to_bytes' requires a 'int' object"))?.to_bigint();
    Ok(super::bytes::new_bytes(numeric::int::to_bytes(&x, length as i64, little, signed)?))
}

fn int_from_bytes(ts: &ThreadState, cls: &Value, a: &[Value], k: Option<&Value>) -> PyResult<Value> {
    let [bytes, byteorder, signed] = crate::object::args::bind("from_bytes", a, k, ["bytes", "byteorder", "signed"], 0, 1, 2)?;
    let bytes = bytes.unwrap_or_else(none::none);
    let little = byteorder_arg("from_bytes", byteorder)?;
    let signed = match signed {
        Some(s) => protocol::is_true(ts, &s)?,
        None => false,
    };
    // PyObject_Bytes: bytes-like objects, else an iterable of ints (never a str or an int count).
    let data = match super::bytes::bytes_like(ts, &bytes) {
        Ok(d) => d,
        Err(_) if pystr::as_pystr(&bytes).is_some() || is_int(&bytes) => {
            return Err(PyErr::type_error(format!(
                "cannot convert '{}' object to bytes",
                protocol::type_name(&bytes)
            )))
        }
        Err(_) => super::bytes::bytes_from_object(ts, &bytes)?,
    };
    let r = from_bigint(numeric::int::from_bytes(&data, little, signed));
    if cls.is(&INT_TYPE.to_value()) {
        return Ok(r);
    }
    protocol::call(ts, cls, &[r], None)
}

fn int_divmod_method(ts: &ThreadState, v: &Value, a: &[Value], k: Option<&Value>) -> PyResult<Value> {
    let a = crate::object::args::exact("__divmod__", a, k, 1)?;
    int_divmod(ts, v, &a[0])
}

fn int_rdivmod_method(ts: &ThreadState, v: &Value, a: &[Value], k: Option<&Value>) -> PyResult<Value> {
    let a = crate::object::args::exact("__rdivmod__", a, k, 1)?;
    int_divmod(ts, &a[0], v)
}

/// `format(i, spec)` for the common specs `[0][width][d]` (width below
/// 1000), formatted directly; None for any other spec.
fn format_small_simple(i: i64, spec: &str) -> Option<crate::stringlib::StrData> {
    let b = spec.as_bytes();
    let body = b.strip_suffix(b"d").unwrap_or(b);
    if body.len() > 4 || !body.iter().all(u8::is_ascii_digit) {
        return None;
    }
    // A leading '0' is the zero-padding flag (sign, then zeros, then digits).
    let zero = body.first() == Some(&b'0');
    let width_digits = if zero { &body[1..] } else { body };
    let width = width_digits.iter().fold(0usize, |w, d| w * 10 + usize::from(d - b'0'));
    if width >= 1000 {
        return None;
    }
    if i == i64::MIN {
        return None;
    }
    let mut digits = [0u8; 20];
    let at = small_decimal(i.abs(), &mut digits);
    let (digits, negative) = (&digits[at..], i < 0);
    let len = digits.len() + usize::from(negative);
    let pad = width.saturating_sub(len);
    let mut out = [0u8; 1024];
    let mut n = 0;
    let mut put = |x: &[u8]| {
        out[n..n + x.len()].copy_from_slice(x);
        n += x.len();
    };
    if !zero {
        (0..pad).for_each(|_| put(b" "));
    }
    if negative {
        put(b"-");
    }
    if zero {
        (0..pad).for_each(|_| put(b"0"));
    }
    put(digits);
    crate::stringlib::StrData::from_ascii(&out[..n])
}

fn int_format(ts: &ThreadState, v: &Value, a: &[Value], k: Option<&Value>) -> PyResult<Value> {
    let a = crate::object::args::exact("int.__format__", a, k, 1)?;
    let spec = pystr::try_as_rust_str(&a[0]).ok_or_else(|| {
        PyErr::type_error(format!("__format__() argument must be str, not {}", pystr::clinic_type_name(&a[0])))
    })?;
    if spec.is_empty() {
        return protocol::str(ts, v);
    }
    let r = as_int(v).ok_or_else(|| PyErr::type_error("int expected"))?;
    if let IntRef::Small(i) = r {
        if let Some(d) = format_small_simple(i, &spec) {
            return Ok(pystr::from_data(d));
        }
        // Machine ints skip the bigint copy; the type name is only needed for errors.
        let out = crate::format::parse_format_spec(&spec).and_then(|parsed| crate::format::format_i64(i, &parsed));
        return match out {
            Ok(s) => Ok(pystr::from_data(crate::stringlib::StrData::from_string(s))),
            Err(e) => Err(crate::format::objects::into_pyerr(e.with_type_name(&protocol::type_name(v)))),
        };
    }
    if let IntRef::Big(b) = &r {
        // Decimal presentations obey sys.set_int_max_str_digits(); the type is the spec's last character.
        let decimal = match spec.chars().last() {
            Some(c) if c.is_ascii_alphabetic() || c == '%' => matches!(c, 'd' | 'n'),
            _ => true,
        };
        if decimal {
            numeric::int::to_decimal_string_check(b, ts.interp().int_max_str_digits.get())?;
        }
    }
    let s = crate::format::objects::format_int_value_as(&r.to_bigint(), &spec, &protocol::type_name(v)).map_err(crate::format::objects::into_pyerr)?;
    Ok(pystr::new_str(&s))
}

fn int_sizeof(_ts: &ThreadState, v: &Value, a: &[Value], k: Option<&Value>) -> PyResult<Value> {
    crate::object::args::exact("int.__sizeof__", a, k, 0)?;
    let digits = as_int(v).map(|r| r.to_bigint().bits().div_ceil(30).max(1)).unwrap_or(1);
    Ok(from_i64(24 + 4 * digits as i64))
}

/// Fill in the slots and methods of int.
pub fn init() {
    let s = &INT_TYPE.data.slots;
    s.repr.set(Some(int_repr));
    s.hash.set(Some(int_hash));
    s.bool.set(Some(int_bool));
    s.richcompare.set(Some(int_richcompare));
    s.new.set(Some(int_new));
    s.negative.set(Some(int_neg));
    s.positive.set(Some(int_pos));
    s.absolute.set(Some(int_abs));
    s.invert.set(Some(int_invert));
    s.int.set(Some(int_int));
    s.float.set(Some(int_float));
    s.index.set(Some(int_index));
    s.power3.set(Some(int_pow3));
    s.getattro.set(Some(protocol::generic_getattr));
    let b = &s.binary;
    b[nb::ADD].set(Some(int_add));
    b[nb::SUBTRACT].set(Some(int_sub));
    b[nb::MULTIPLY].set(Some(int_mul));
    b[nb::AND].set(Some(int_and));
    b[nb::OR].set(Some(int_or));
    b[nb::XOR].set(Some(int_xor));
    b[nb::FLOOR_DIVIDE].set(Some(int_floordiv));
    b[nb::REMAINDER].set(Some(int_mod));
    b[nb::TRUE_DIVIDE].set(Some(int_truediv));
    b[nb::LSHIFT].set(Some(int_lshift));
    b[nb::RSHIFT].set(Some(int_rshift));
    b[nb::POWER].set(Some(int_pow));
    super::descr::add_methods(
        &INT_TYPE,
        &[
            ("bit_length", int_bit_length),
            ("bit_count", int_bit_count),
            ("conjugate", int_conjugate),
            ("as_integer_ratio", int_as_integer_ratio),
            ("__round__", int_round),
            ("__trunc__", int_trunc),
            ("__floor__", int_trunc),
            ("__ceil__", int_trunc),
            ("__getnewargs__", int_getnewargs),
            ("to_bytes", int_to_bytes),
            ("__divmod__", int_divmod_method),
            ("__rdivmod__", int_rdivmod_method),
            ("__format__", int_format),
            ("__sizeof__", int_sizeof),
        ],
    );
    super::descr::add_methods_kind(&INT_TYPE, &[("from_bytes", int_from_bytes)], super::descr::MethodKind::Class);
    super::descr::add_getsets(
        &INT_TYPE,
        &[("real", int_real, None), ("imag", int_imag, None), ("numerator", int_real, None), ("denominator", int_one, None)],
    );
}

/// `divmod(a, b)` for ints (the builtin dispatches here).
pub fn divmod(ts: &ThreadState, v: &Value, w: &Value) -> PyResult<Value> {
    int_divmod(ts, v, w)
}

#[cfg(test)]
mod tests {
    use super::*;

    // Expected values from python3.11: format(i, spec), int(text).
    #[test]
    fn simple_int_formats() {
        let f = |i: i64, spec: &str| format_small_simple(i, spec).map(|d| d.to_string_lossy());
        assert_eq!(f(5, "03d").as_deref(), Some("005"));
        assert_eq!(f(-5, "03d").as_deref(), Some("-05"));
        assert_eq!(f(-5, "5").as_deref(), Some("   -5"));
        assert_eq!(f(123, "d").as_deref(), Some("123"));
        assert_eq!(f(123, "0").as_deref(), Some("123"));
        assert_eq!(f(7, "0010").as_deref(), Some("0000000007"));
        assert_eq!(f(-123456, "3").as_deref(), Some("-123456"));
        assert_eq!(f(0, "00").as_deref(), Some("0"));
        assert_eq!(f(5, "+d"), None);
        assert_eq!(f(5, "x"), None);
        assert_eq!(f(5, "5,"), None);
        assert_eq!(f(5, "1000"), None);
        assert_eq!(f(i64::MIN, "d"), None);
    }

    #[test]
    fn decimal_text() {
        let mut buf = [0u8; 20];
        for (i, text) in [(0i64, "0"), (-7, "-7"), (1234567890123, "1234567890123"), (i64::MAX, "9223372036854775807")] {
            let at = small_decimal(i, &mut buf);
            assert_eq!(&buf[at..], text.as_bytes());
        }
        assert_eq!(parse_plain_decimal("007"), Some(7));
        assert_eq!(parse_plain_decimal("-0"), Some(0));
        assert_eq!(parse_plain_decimal("+12"), Some(12));
        assert_eq!(parse_plain_decimal("999999999999999999"), Some(999_999_999_999_999_999));
        for bad in ["", "-", "+", " 1", "1_0", "1e3", "9999999999999999999", "١"] {
            assert_eq!(parse_plain_decimal(bad), None, "{bad}");
        }
    }
}
