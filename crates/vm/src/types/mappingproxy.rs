//! `mappingproxy`: a read-only view of a mapping (a class's `__dict__`).

use crate::object::protocol;
use crate::object::typeobj::{CompareOp, PyType, TypeObject};
use crate::object::value::{PyObject, PyPayload, Value};
use crate::runtime::errors::{PyErr, PyResult};
use crate::runtime::thread::ThreadState;
use crate::types::{descr, str as pystr};

pub struct PyMappingProxy {
    pub mapping: Value,
}

pub static MAPPINGPROXY_TYPE: PyType = PyObject::new_static(
    &super::typeobject::TYPE_TYPE,
    TypeObject::builtin::<PyMappingProxy>("mappingproxy", &MAPPINGPROXY_TYPE, Some(&super::object::OBJECT_TYPE), 0),
);

impl PyPayload for PyMappingProxy {
    fn class() -> &'static PyType {
        &MAPPINGPROXY_TYPE
    }
}

pub fn new_mappingproxy(mapping: Value) -> PyResult<Value> {
    Value::new(PyMappingProxy { mapping })
}

fn inner(v: &Value) -> PyResult<&Value> {
    v.downcast::<PyMappingProxy>().map(|m| &m.mapping).ok_or_else(|| PyErr::type_error("mappingproxy expected"))
}

fn mp_getitem(ts: &ThreadState, v: &Value, k: &Value) -> PyResult<Value> {
    protocol::getitem(ts, inner(v)?, k)
}
fn mp_len(ts: &ThreadState, v: &Value) -> PyResult<usize> {
    protocol::len(ts, inner(v)?)
}
fn mp_contains(ts: &ThreadState, v: &Value, k: &Value) -> PyResult<bool> {
    protocol::contains(ts, inner(v)?, k)
}
fn mp_iter(ts: &ThreadState, v: &Value) -> PyResult<Value> {
    protocol::get_iter(ts, inner(v)?)
}
fn mp_repr(ts: &ThreadState, v: &Value) -> PyResult<Value> {
    Ok(pystr::new_str(&format!("mappingproxy({})", protocol::repr_string(ts, inner(v)?)?)))
}
fn mp_richcompare(ts: &ThreadState, v: &Value, w: &Value, op: CompareOp) -> PyResult<Value> {
    protocol::richcompare(ts, inner(v)?, w, op)
}

macro_rules! forward {
    ($($name:ident => $meth:literal),*) => {
        $(fn $name(ts: &ThreadState, v: &Value, a: &[Value], k: Option<&Value>) -> PyResult<Value> {
            let m = protocol::getattr_str(ts, inner(v)?, $meth)?;
            protocol::call(ts, &m, a, k)
        })*
    };
}
forward!(mp_keys => "keys", mp_values => "values", mp_items => "items", mp_get => "get", mp_copy => "copy");

pub fn init() {
    let s = &MAPPINGPROXY_TYPE.data.slots;
    s.subscript.set(Some(mp_getitem));
    s.length.set(Some(mp_len));
    s.contains.set(Some(mp_contains));
    s.iter.set(Some(mp_iter));
    s.repr.set(Some(mp_repr));
    s.richcompare.set(Some(mp_richcompare));
    s.getattro.set(Some(protocol::generic_getattr));
    descr::add_methods(
        &MAPPINGPROXY_TYPE,
        &[("keys", mp_keys), ("values", mp_values), ("items", mp_items), ("get", mp_get), ("copy", mp_copy)],
    );
}
