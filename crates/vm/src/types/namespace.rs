//! `types.SimpleNamespace`: attribute access over a dict, with a repr of
//! its items in insertion order.

use crate::object::protocol;
use crate::object::typeobj::{CompareOp, PyType, TypeObject, TPFLAGS_BASETYPE, TPFLAGS_HAVE_GC};
use crate::object::value::{PyObject, PyPayload, Value};
use crate::runtime::errors::{PyErr, PyResult};
use crate::runtime::thread::ThreadState;
use crate::types::{dict, none, str as pystr, tuple};

pub struct PyNamespace {
    pub dict: Value,
}

pub static NAMESPACE_TYPE: PyType = PyObject::new_static(
    &super::typeobject::TYPE_TYPE,
    TypeObject::builtin::<PyNamespace>("types.SimpleNamespace", &NAMESPACE_TYPE, Some(&super::object::OBJECT_TYPE), TPFLAGS_BASETYPE | TPFLAGS_HAVE_GC),
);

impl PyPayload for PyNamespace {
    fn class() -> &'static PyType {
        &NAMESPACE_TYPE
    }
}

/// A namespace with these attributes.
pub fn new_namespace(ts: &ThreadState, items: Vec<(&str, Value)>) -> PyResult<Value> {
    let d = dict::new_dict();
    for (k, v) in items {
        dict::dict_set_item(ts, &d, pystr::intern(k), v)?;
    }
    Value::new(PyNamespace { dict: d })
}

fn ns_new(_ts: &ThreadState, cls: &Value, _a: &[Value], _k: Option<&Value>) -> PyResult<Value> {
    Value::new_instance(cls, PyNamespace { dict: dict::new_dict() })
}

fn ns_init(ts: &ThreadState, v: &Value, a: &[Value], k: Option<&Value>) -> PyResult<()> {
    let npos = crate::object::args::npositional(a, k);
    if npos > 0 {
        return Err(PyErr::type_error(format!("no positional arguments expected")));
    }
    let ns = v.downcast::<PyNamespace>().ok_or_else(|| PyErr::type_error("namespace expected"))?;
    if let Some(kn) = k {
        for (j, n) in tuple::tuple_items(kn).iter().enumerate() {
            dict::dict_set_item(ts, &ns.dict, n.clone(), a[npos + j].clone())?;
        }
    }
    Ok(())
}

fn ns_repr(ts: &ThreadState, v: &Value) -> PyResult<Value> {
    let ns = v.downcast::<PyNamespace>().ok_or_else(|| PyErr::type_error("namespace expected"))?;
    let name = if v.is_exact(&NAMESPACE_TYPE) { "namespace".to_string() } else { protocol::type_qualname(v.type_of()) };
    let Some(_g) = super::ReprGuard::enter(ts, v) else {
        return Ok(pystr::new_str(&format!("{name}(...)")));
    };
    let mut parts = Vec::new();
    for (k, val) in dict::as_dict(&ns.dict).map(|d| d.items()).unwrap_or_default() {
        parts.push(format!("{}={}", pystr::as_rust_str(&k), protocol::repr_string(ts, &val)?));
    }
    Ok(pystr::new_str(&format!("{}({})", name, parts.join(", "))))
}

fn ns_richcompare(ts: &ThreadState, v: &Value, w: &Value, op: CompareOp) -> PyResult<Value> {
    let (Some(a), Some(b)) = (v.downcast::<PyNamespace>(), w.downcast::<PyNamespace>()) else {
        return Ok(none::not_implemented());
    };
    if !matches!(op, CompareOp::Eq | CompareOp::Ne) {
        return Ok(none::not_implemented());
    }
    protocol::richcompare(ts, &a.dict, &b.dict, op)
}

fn readonly_dict(_ts: &ThreadState, _v: &Value, _x: Option<&Value>) -> PyResult<()> {
    Err(PyErr::attribute_error("readonly attribute"))
}

pub fn init() {
    let s = &NAMESPACE_TYPE.data.slots;
    s.new.set(Some(ns_new));
    s.init.set(Some(ns_init));
    s.repr.set(Some(ns_repr));
    s.richcompare.set(Some(ns_richcompare));
    s.getattro.set(Some(protocol::generic_getattr));
    s.setattro.set(Some(protocol::generic_setattr));
    let (get, _) = super::object::dict_getset();
    // A read-only member in CPython (whose refusal reads "readonly attribute").
    super::descr::add_getsets(&NAMESPACE_TYPE, &[("__dict__", get, Some(readonly_dict))]);
}
