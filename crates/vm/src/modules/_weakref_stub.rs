//! A placeholder `_weakref` so that weakref.py, _weakrefset.py and the modules
//! importing them load before real weak references exist: `ref` holds a
//! *strong* reference (its callback never runs) and `proxy` returns the
//! object itself. To be replaced by the real module built on the collector.

use crate::object::protocol;
use crate::object::typeobj::{CompareOp, PyType, TypeObject, TPFLAGS_BASETYPE, TPFLAGS_HAVE_GC};
use crate::object::value::{PyObject, PyPayload, Value};
use crate::runtime::errors::{PyErr, PyResult};
use crate::runtime::thread::ThreadState;
use crate::types::{int, list, none};

/// A reference that keeps its referent alive (placeholder for a weak one).
pub struct PyRef {
    obj: Value,
    callback: Option<Value>,
}

/// Instances of the proxy types are never created by the placeholder.
pub struct PyProxy;

/// `weakref.ReferenceType`.
pub static REF_TYPE: PyType = PyObject::new_static(
    &crate::types::typeobject::TYPE_TYPE,
    TypeObject::builtin::<PyRef>("weakref.ReferenceType", &REF_TYPE, Some(&crate::types::object::OBJECT_TYPE), TPFLAGS_BASETYPE | TPFLAGS_HAVE_GC),
);
/// `weakref.ProxyType`.
pub static PROXY_TYPE: PyType = PyObject::new_static(
    &crate::types::typeobject::TYPE_TYPE,
    TypeObject::builtin::<PyProxy>("weakref.ProxyType", &PROXY_TYPE, Some(&crate::types::object::OBJECT_TYPE), 0),
);
/// `weakref.CallableProxyType`.
pub static CALLABLE_PROXY_TYPE: PyType = PyObject::new_static(
    &crate::types::typeobject::TYPE_TYPE,
    TypeObject::builtin::<PyProxy>("weakref.CallableProxyType", &CALLABLE_PROXY_TYPE, Some(&crate::types::object::OBJECT_TYPE), 0),
);
impl PyPayload for PyRef {
    fn class() -> &'static PyType {
        &REF_TYPE
    }
}
impl PyPayload for PyProxy {
    fn class() -> &'static PyType {
        &PROXY_TYPE
    }
}

/// The static types of this module.
pub fn types() -> Vec<&'static PyType> {
    vec![&REF_TYPE, &PROXY_TYPE, &CALLABLE_PROXY_TYPE]
}

fn as_ref(v: &Value) -> PyResult<&PyRef> {
    v.downcast::<PyRef>().ok_or_else(|| PyErr::type_error("weakref expected"))
}

fn ref_new(_ts: &ThreadState, cls: &Value, a: &[Value], k: Option<&Value>) -> PyResult<Value> {
    // Subclasses may take extra arguments in __init__ (KeyedRef).
    let n = crate::object::args::npositional(a, k);
    let a = crate::object::args::positional("__new__", &a[..n], None, 1, 2.max(n))?;
    let callback = a.get(1).filter(|c| !none::is_none(c)).cloned();
    Value::new_instance(cls, PyRef { obj: a[0].clone(), callback })
}

fn ref_init(_ts: &ThreadState, _v: &Value, _a: &[Value], _k: Option<&Value>) -> PyResult<()> {
    Ok(())
}

fn ref_call(_ts: &ThreadState, v: &Value, a: &[Value], k: Option<&Value>) -> PyResult<Value> {
    crate::object::args::exact("weakref", a, k, 0)?;
    Ok(as_ref(v)?.obj.clone())
}

fn ref_hash(ts: &ThreadState, v: &Value) -> PyResult<isize> {
    protocol::hash(ts, &as_ref(v)?.obj)
}

fn ref_richcompare(ts: &ThreadState, v: &Value, w: &Value, op: CompareOp) -> PyResult<Value> {
    let (Some(a), Some(b)) = (v.downcast::<PyRef>(), w.downcast::<PyRef>()) else {
        return Ok(none::not_implemented());
    };
    if !matches!(op, CompareOp::Eq | CompareOp::Ne) {
        return Ok(none::not_implemented());
    }
    protocol::richcompare(ts, &a.obj, &b.obj, op)
}

fn ref_repr(_ts: &ThreadState, v: &Value) -> PyResult<Value> {
    let r = as_ref(v)?;
    Ok(crate::types::str::new_str(&format!(
        "<weakref at {:#x}; to '{}' at {:#x}>",
        v.id(),
        protocol::type_name(&r.obj),
        r.obj.id()
    )))
}

fn ref_callback_get(_ts: &ThreadState, v: &Value) -> PyResult<Value> {
    Ok(as_ref(v)?.callback.clone().unwrap_or_else(none::none))
}

fn ref_class_getitem(_ts: &ThreadState, cls: &Value, a: &[Value], k: Option<&Value>) -> PyResult<Value> {
    let a = crate::object::args::exact("ReferenceType.__class_getitem__", a, k, 1)?;
    crate::types::genericalias::new_generic_alias(cls.clone(), a[0].clone())
}

/// Fill the static types.
pub fn init() {
    REF_TYPE.data.slots.new.set(Some(ref_new));
    REF_TYPE.data.slots.init.set(Some(ref_init));
    REF_TYPE.data.slots.call.set(Some(ref_call));
    REF_TYPE.data.slots.hash.set(Some(ref_hash));
    REF_TYPE.data.slots.richcompare.set(Some(ref_richcompare));
    REF_TYPE.data.slots.repr.set(Some(ref_repr));
    REF_TYPE.data.slots.getattro.set(Some(protocol::generic_getattr));
    crate::types::descr::add_getsets(&REF_TYPE, &[("__callback__", ref_callback_get, None)]);
    crate::types::descr::add_methods_kind(&REF_TYPE, &[("__class_getitem__", ref_class_getitem)], crate::types::descr::MethodKind::Class);
}

fn getweakrefcount(_ts: &ThreadState, _m: &Value, a: &[Value], k: Option<&Value>) -> PyResult<Value> {
    crate::object::args::exact("getweakrefcount", a, k, 1)?;
    Ok(int::from_i64(0))
}

fn getweakrefs(_ts: &ThreadState, _m: &Value, a: &[Value], k: Option<&Value>) -> PyResult<Value> {
    crate::object::args::exact("getweakrefs", a, k, 1)?;
    list::new_list(vec![])
}

fn proxy(_ts: &ThreadState, _m: &Value, a: &[Value], k: Option<&Value>) -> PyResult<Value> {
    let a = crate::object::args::positional("proxy", a, k, 1, 2)?;
    Ok(a[0].clone())
}

fn remove_dead_weakref(_ts: &ThreadState, _m: &Value, a: &[Value], k: Option<&Value>) -> PyResult<Value> {
    crate::object::args::positional("_remove_dead_weakref", a, k, 2, 2)?;
    Ok(none::none())
}

/// Create the `_weakref` module.
pub fn create(ts: &ThreadState) -> PyResult<Value> {
    let (m, d) = super::new_native_module(
        ts,
        "_weakref",
        &[("getweakrefcount", getweakrefcount), ("getweakrefs", getweakrefs), ("proxy", proxy), ("_remove_dead_weakref", remove_dead_weakref)],
    )?;
    super::set_attr(ts, &d, "ref", REF_TYPE.to_value())?;
    super::set_attr(ts, &d, "ReferenceType", REF_TYPE.to_value())?;
    super::set_attr(ts, &d, "ProxyType", PROXY_TYPE.to_value())?;
    super::set_attr(ts, &d, "CallableProxyType", CALLABLE_PROXY_TYPE.to_value())?;
    Ok(m)
}
