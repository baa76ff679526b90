//! The singletons `None`, `NotImplemented` and `Ellipsis`, and their types.

use crate::object::typeobj::{PyType, TypeObject};
use crate::object::value::{PyObject, PyPayload, Value};
use crate::runtime::errors::{PyErr, PyResult};
use crate::runtime::thread::ThreadState;
use crate::types::{bool_, str as pystr};

pub struct NoneData;
pub struct NotImplementedData;
pub struct EllipsisData;

pub static NONE_TYPE: PyType = PyObject::new_static(
    &super::typeobject::TYPE_TYPE,
    TypeObject::builtin::<NoneData>("NoneType", &NONE_TYPE, Some(&super::object::OBJECT_TYPE), 0),
);
pub static NOT_IMPLEMENTED_TYPE: PyType = PyObject::new_static(
    &super::typeobject::TYPE_TYPE,
    TypeObject::builtin::<NotImplementedData>("NotImplementedType", &NOT_IMPLEMENTED_TYPE, Some(&super::object::OBJECT_TYPE), 0),
);
pub static ELLIPSIS_TYPE: PyType = PyObject::new_static(
    &super::typeobject::TYPE_TYPE,
    TypeObject::builtin::<EllipsisData>("ellipsis", &ELLIPSIS_TYPE, Some(&super::object::OBJECT_TYPE), 0),
);

static NONE: PyObject<NoneData> = PyObject::new_static(&NONE_TYPE, NoneData);
static NOT_IMPLEMENTED: PyObject<NotImplementedData> = PyObject::new_static(&NOT_IMPLEMENTED_TYPE, NotImplementedData);
static ELLIPSIS: PyObject<EllipsisData> = PyObject::new_static(&ELLIPSIS_TYPE, EllipsisData);

impl PyPayload for NoneData {
    fn class() -> &'static PyType {
        &NONE_TYPE
    }
}
impl PyPayload for NotImplementedData {
    fn class() -> &'static PyType {
        &NOT_IMPLEMENTED_TYPE
    }
}
impl PyPayload for EllipsisData {
    fn class() -> &'static PyType {
        &ELLIPSIS_TYPE
    }
}

#[inline]
pub fn none() -> Value {
    Value::from_static(&NONE)
}

#[inline]
pub fn is_none(v: &Value) -> bool {
    v.as_raw() == &NONE.header as *const _ as usize
}

#[inline]
pub fn not_implemented() -> Value {
    Value::from_static(&NOT_IMPLEMENTED)
}

#[inline]
pub fn ellipsis() -> Value {
    Value::from_static(&ELLIPSIS)
}

fn none_repr(_ts: &ThreadState, _v: &Value) -> PyResult<Value> {
    Ok(pystr::intern("None"))
}
fn ni_repr(_ts: &ThreadState, _v: &Value) -> PyResult<Value> {
    Ok(pystr::intern("NotImplemented"))
}
fn ellipsis_repr(_ts: &ThreadState, _v: &Value) -> PyResult<Value> {
    Ok(pystr::intern("Ellipsis"))
}
fn none_bool(_ts: &ThreadState, _v: &Value) -> PyResult<bool> {
    Ok(false)
}

fn ni_bool(_ts: &ThreadState, _v: &Value) -> PyResult<bool> {
    // 3.11 warns (DeprecationWarning) and answers True.
    Ok(true)
}

fn singleton_new(name: &'static str, value: fn() -> Value) -> impl Fn(&[Value], Option<&Value>) -> PyResult<Value> {
    move |args, kw| {
        if !args.is_empty() {
            return Err(PyErr::type_error(format!("{name} takes no arguments")));
        }
        let _ = kw;
        Ok(value())
    }
}

fn none_new(_ts: &ThreadState, _cls: &Value, args: &[Value], kw: Option<&Value>) -> PyResult<Value> {
    singleton_new("NoneType", none)(args, kw)
}
fn ni_new(_ts: &ThreadState, _cls: &Value, args: &[Value], kw: Option<&Value>) -> PyResult<Value> {
    singleton_new("NotImplementedType", not_implemented)(args, kw)
}
fn ellipsis_new(_ts: &ThreadState, _cls: &Value, args: &[Value], kw: Option<&Value>) -> PyResult<Value> {
    singleton_new("ellipsis", ellipsis)(args, kw)
}

fn reduce_name(name: &'static str) -> Value {
    pystr::new_str(name)
}

fn ni_reduce(_ts: &ThreadState, _v: &Value, _a: &[Value], _k: Option<&Value>) -> PyResult<Value> {
    Ok(reduce_name("NotImplemented"))
}
fn ellipsis_reduce(_ts: &ThreadState, _v: &Value, _a: &[Value], _k: Option<&Value>) -> PyResult<Value> {
    Ok(reduce_name("Ellipsis"))
}

pub fn init() {
    NONE_TYPE.data.slots.repr.set(Some(none_repr));
    NONE_TYPE.data.slots.bool.set(Some(none_bool));
    NONE_TYPE.data.slots.new.set(Some(none_new));
    NOT_IMPLEMENTED_TYPE.data.slots.repr.set(Some(ni_repr));
    NOT_IMPLEMENTED_TYPE.data.slots.bool.set(Some(ni_bool));
    NOT_IMPLEMENTED_TYPE.data.slots.new.set(Some(ni_new));
    ELLIPSIS_TYPE.data.slots.repr.set(Some(ellipsis_repr));
    ELLIPSIS_TYPE.data.slots.new.set(Some(ellipsis_new));
    super::descr::add_methods(&NOT_IMPLEMENTED_TYPE, &[("__reduce__", ni_reduce)]);
    super::descr::add_methods(&ELLIPSIS_TYPE, &[("__reduce__", ellipsis_reduce)]);
    let _ = bool_::new_bool;
}
