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
    TypeObject::builtin::<PyMappingProxy>("mappingproxy", &MAPPINGPROXY_TYPE, Some(&super::object::OBJECT_TYPE), crate::object::typeobj::TPFLAGS_HAVE_GC),
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
/// `str()` of a proxy is that of the mapping it wraps.
fn mp_str(ts: &ThreadState, v: &Value) -> PyResult<Value> {
    protocol::str(ts, inner(v)?)
}
fn mp_or(ts: &ThreadState, v: &Value, w: &Value) -> PyResult<Value> {
    // `proxy | x` and `x | proxy` operate on the wrapped mapping.
    let a = match v.downcast::<PyMappingProxy>() { Some(m) => m.mapping.clone(), None => v.clone() };
    let b = match w.downcast::<PyMappingProxy>() { Some(m) => m.mapping.clone(), None => w.clone() };
    protocol::binary_op(ts, &a, &b, crate::object::typeobj::nb::OR)
}
fn mp_ior(_ts: &ThreadState, v: &Value, _w: &Value) -> PyResult<Value> {
    Err(PyErr::type_error(format!("'|=' is not supported by {}; use '|' instead", protocol::type_name(v))))
}
fn mp_new(ts: &ThreadState, cls: &Value, args: &[Value], kwnames: Option<&Value>) -> PyResult<Value> {
    let [mapping] = crate::object::args::bind("mappingproxy", args, kwnames, ["mapping"], 1, 0, 1)?;
    let Some(mapping) = mapping else { return Err(PyErr::type_error("mappingproxy() missing required argument 'mapping' (pos 1)")) };
    let is_mapping = mapping.type_of().data.slots.subscript.get().is_some()
        && mapping.downcast::<super::list::PyList>().is_none()
        && mapping.downcast::<super::tuple::PyTuple>().is_none();
    if !is_mapping {
        return Err(PyErr::type_error(format!("mappingproxy() argument must be a mapping, not {}", protocol::type_name(&mapping))));
    }
    let _ = ts;
    Value::new_instance(cls, PyMappingProxy { mapping })
}
fn mp_class_getitem(_ts: &ThreadState, cls: &Value, a: &[Value], k: Option<&Value>) -> PyResult<Value> {
    let a = crate::object::args::exact("mappingproxy.__class_getitem__", a, k, 1)?;
    super::genericalias::new_generic_alias(cls.clone(), a[0].clone())
}
fn mp_reversed(ts: &ThreadState, v: &Value, a: &[Value], k: Option<&Value>) -> PyResult<Value> {
    crate::object::args::exact("mappingproxy.__reversed__", a, k, 0)?;
    let f = super::enumobject::REVERSED_TYPE.to_value();
    protocol::call(ts, &f, std::slice::from_ref(inner(v)?), None)
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
    s.str.set(Some(mp_str));
    s.new.set(Some(mp_new));
    s.binary[crate::object::typeobj::nb::OR].set(Some(mp_or));
    s.binary[crate::object::typeobj::nb::INPLACE + crate::object::typeobj::nb::OR].set(Some(mp_ior));
    s.richcompare.set(Some(mp_richcompare));
    s.getattro.set(Some(protocol::generic_getattr));
    descr::add_methods(
        &MAPPINGPROXY_TYPE,
        &[("keys", mp_keys), ("values", mp_values), ("items", mp_items), ("get", mp_get), ("copy", mp_copy), ("__reversed__", mp_reversed)],
    );
    descr::add_methods_kind(&MAPPINGPROXY_TYPE, &[("__class_getitem__", mp_class_getitem)], descr::MethodKind::Class);
}
