//! `bool`: a subclass of int with the two instances True and False.

use crate::object::protocol;
use crate::object::typeobj::{nb, PyType, TypeObject, TPFLAGS_LONG_SUBCLASS};
use crate::object::value::{PyObject, PyPayload, Value};
use crate::runtime::errors::{PyErr, PyResult};
use crate::runtime::thread::ThreadState;
use crate::types::{int, none, str as pystr};

/// The payload of True and False.
pub struct PyBool(pub bool);

/// The `bool` type.
pub static BOOL_TYPE: PyType = PyObject::new_static(
    &super::typeobject::TYPE_TYPE,
    TypeObject::builtin::<PyBool>("bool", &BOOL_TYPE, Some(&int::INT_TYPE), TPFLAGS_LONG_SUBCLASS),
);

static TRUE: PyObject<PyBool> = PyObject::new_static(&BOOL_TYPE, PyBool(true));
static FALSE: PyObject<PyBool> = PyObject::new_static(&BOOL_TYPE, PyBool(false));

impl PyPayload for PyBool {
    fn class() -> &'static PyType {
        &BOOL_TYPE
    }
}

/// The True object.
#[inline]
pub fn true_value() -> Value {
    Value::from_static(&TRUE)
}

/// The False object.
#[inline]
pub fn false_value() -> Value {
    Value::from_static(&FALSE)
}

/// True or False.
#[inline]
pub fn new_bool(b: bool) -> Value {
    if b {
        true_value()
    } else {
        false_value()
    }
}

/// The bool, if `v` is True or False.
#[inline]
pub fn as_bool(v: &Value) -> Option<bool> {
    v.downcast_exact::<PyBool>().map(|b| b.0)
}

fn bool_repr(_ts: &ThreadState, v: &Value) -> PyResult<Value> {
    Ok(pystr::intern(if as_bool(v) == Some(true) { "True" } else { "False" }))
}

fn bool_new(ts: &ThreadState, _cls: &Value, args: &[Value], kw: Option<&Value>) -> PyResult<Value> {
    crate::object::args::no_kwargs("bool", kw)?;
    match args {
        [] => Ok(false_value()),
        [x] => Ok(new_bool(protocol::is_true(ts, x)?)),
        _ => Err(PyErr::type_error(format!("bool expected at most 1 argument, got {}", args.len()))),
    }
}

/// `&`, `|`, `^` of two bools stay bool; anything else is int arithmetic.
fn bool_logic(ts: &ThreadState, a: &Value, b: &Value, op: usize) -> PyResult<Value> {
    if let (Some(x), Some(y)) = (as_bool(a), as_bool(b)) {
        return Ok(new_bool(match op {
            nb::AND => x & y,
            nb::OR => x | y,
            _ => x ^ y,
        }));
    }
    int::int_binary(ts, a, b, op)
}

fn bool_and(ts: &ThreadState, a: &Value, b: &Value) -> PyResult<Value> {
    bool_logic(ts, a, b, nb::AND)
}
fn bool_or(ts: &ThreadState, a: &Value, b: &Value) -> PyResult<Value> {
    bool_logic(ts, a, b, nb::OR)
}
fn bool_xor(ts: &ThreadState, a: &Value, b: &Value) -> PyResult<Value> {
    bool_logic(ts, a, b, nb::XOR)
}

/// Fill in the slots of bool.
pub fn init() {
    let s = &BOOL_TYPE.data.slots;
    s.repr.set(Some(bool_repr));
    s.new.set(Some(bool_new));
    s.binary[nb::AND].set(Some(bool_and));
    s.binary[nb::OR].set(Some(bool_or));
    s.binary[nb::XOR].set(Some(bool_xor));
    let _ = none::none;
}
