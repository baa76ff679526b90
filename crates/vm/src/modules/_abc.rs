//! `_abc`: the native half of `abc.ABCMeta` (CPython's Modules/_abc.c):
//! abstract method computation, registration of virtual subclasses and the
//! isinstance/issubclass caches with their global invalidation counter.
//!
//! The registry and caches are sets holding the classes themselves (CPython
//! holds weak references); classes live as long as their ABC's caches.

use std::cell::{Cell, RefCell};

use crate::object::args;
use crate::object::protocol;
use crate::object::typeobj::{PyType, TypeObject};
use crate::object::value::{PyObject, PyPayload, Value};
use crate::runtime::errors::{PyErr, PyResult};
use crate::runtime::thread::ThreadState;
use crate::types::{bool_, dict, int, none, set, str as pystr, tuple};

type Args<'a> = &'a [Value];
type Kw<'a> = Option<&'a Value>;

/// The per-class state stored as `cls._abc_impl`.
pub struct AbcData {
    registry: RefCell<Option<Value>>,
    cache: RefCell<Option<Value>>,
    negative_cache: RefCell<Option<Value>>,
    negative_cache_version: Cell<u64>,
}

/// `_abc._abc_data`.
pub static ABC_DATA_TYPE: PyType = PyObject::new_static(
    &crate::types::typeobject::TYPE_TYPE,
    TypeObject::builtin::<AbcData>("_abc._abc_data", &ABC_DATA_TYPE, Some(&crate::types::object::OBJECT_TYPE), 0),
);
impl PyPayload for AbcData {
    fn class() -> &'static PyType {
        &ABC_DATA_TYPE
    }
}

/// The static types of this module.
pub fn types() -> Vec<&'static PyType> {
    vec![&ABC_DATA_TYPE]
}

thread_local! {
    // CPython's abc_invalidation_counter (per interpreter there; one
    // interpreter per thread here).
    static INVALIDATION_COUNTER: Cell<u64> = const { Cell::new(0) };
}

fn counter() -> u64 {
    INVALIDATION_COUNTER.with(|c| c.get())
}

fn s(name: &str) -> Value {
    pystr::intern(name)
}

/// `cls._abc_impl`, checked.
fn impl_of(ts: &ThreadState, cls: &Value) -> PyResult<Value> {
    let i = protocol::getattr(ts, cls, &s("_abc_impl"))?;
    if i.downcast::<AbcData>().is_none() {
        return Err(PyErr::type_error("_abc_impl is set to a wrong type"));
    }
    Ok(i)
}

fn data(v: &Value) -> PyResult<&AbcData> {
    v.downcast::<AbcData>().ok_or_else(|| PyErr::type_error("_abc_impl is set to a wrong type"))
}

fn set_contains(ts: &ThreadState, slot: &RefCell<Option<Value>>, x: &Value) -> PyResult<bool> {
    let set = slot.borrow().clone();
    match set {
        Some(st) => protocol::contains(ts, &st, x),
        None => Ok(false),
    }
}

fn set_insert(ts: &ThreadState, slot: &RefCell<Option<Value>>, x: &Value) -> PyResult<()> {
    let existing = slot.borrow().clone();
    let st = match existing {
        Some(st) => st,
        None => {
            let st = set::new_set_from(ts, vec![])?;
            drop(slot.replace(Some(st.clone())));
            st
        }
    };
    set::set_add(ts, &st, x.clone())
}

fn abc_data_new(_ts: &ThreadState, _cls: &Value, _a: Args, _k: Kw) -> PyResult<Value> {
    new_data()
}

fn new_data() -> PyResult<Value> {
    Value::new(AbcData {
        registry: RefCell::new(None),
        cache: RefCell::new(None),
        negative_cache: RefCell::new(None),
        negative_cache_version: Cell::new(counter()),
    })
}

fn is_abstract(ts: &ThreadState, v: &Value) -> PyResult<bool> {
    match protocol::lookup_attr(ts, v, &s("__isabstractmethod__"))? {
        Some(x) => protocol::is_true(ts, &x),
        None => Ok(false),
    }
}

/// `_abc_init(cls)`: compute `__abstractmethods__` and attach the state.
fn abc_init(ts: &ThreadState, _m: &Value, a: Args, k: Kw) -> PyResult<Value> {
    let a = args::exact("_abc_init", a, k, 1)?;
    let cls = &a[0];
    let mut abstracts: Vec<Value> = Vec::new();
    // The type's own namespace (not `cls.__dict__`, which a metaclass may shadow).
    let ns = match protocol::as_pytype(cls) {
        Some(t) => t.data.dict(),
        None => return Err(PyErr::type_error("_abc_init() argument must be a class")),
    };
    for (key, value) in dict::as_dict(&ns).map(|d| d.items()).unwrap_or_default() {
        if is_abstract(ts, &value)? {
            abstracts.push(key);
        }
    }
    let bases = protocol::getattr_str(ts, cls, "__bases__")?;
    for base in protocol::collect(ts, &bases)? {
        let Some(names) = protocol::lookup_attr(ts, &base, &s("__abstractmethods__"))? else { continue };
        for name in protocol::collect(ts, &names)? {
            let value = protocol::lookup_attr(ts, cls, &name)?;
            if let Some(v) = value {
                if is_abstract(ts, &v)? {
                    abstracts.push(name);
                }
            }
        }
    }
    let fs = set::new_frozenset_from(abstracts)?;
    protocol::setattr(ts, cls, &s("__abstractmethods__"), Some(&fs))?;
    // Collection flags for pattern matching are the type's business; drop the marker.
    if dict::dict_get_str(&ns, &s("__abc_tpflags__")).is_some() {
        dict::dict_del_item(ts, &ns, &s("__abc_tpflags__"))?;
        if let Some(t) = protocol::as_pytype(cls) {
            t.data.modified();
        }
    }
    protocol::setattr(ts, cls, &s("_abc_impl"), Some(&new_data()?))?;
    Ok(none::none())
}

fn is_type(v: &Value) -> bool {
    protocol::as_pytype(v).is_some()
}

/// `_abc_register(cls, subclass)`.
fn abc_register(ts: &ThreadState, _m: &Value, a: Args, k: Kw) -> PyResult<Value> {
    args::no_kwargs("_abc_register", k)?;
    let a = args::positional("_abc_register", a, k, 2, 2)?;
    let (cls, subclass) = (&a[0], &a[1]);
    if !is_type(subclass) {
        return Err(PyErr::type_error("Can only register classes"));
    }
    if protocol::issubclass(ts, subclass, cls)? {
        return Ok(subclass.clone());
    }
    if protocol::issubclass(ts, cls, subclass)? {
        return Err(PyErr::runtime_error("Refusing to create an inheritance cycle"));
    }
    let imp = impl_of(ts, cls)?;
    set_insert(ts, &data(&imp)?.registry, subclass)?;
    INVALIDATION_COUNTER.with(|c| c.set(c.get() + 1));
    Ok(subclass.clone())
}

/// `_abc_instancecheck(cls, instance)`.
fn abc_instancecheck(ts: &ThreadState, _m: &Value, a: Args, k: Kw) -> PyResult<Value> {
    args::no_kwargs("_abc_instancecheck", k)?;
    let a = args::positional("_abc_instancecheck", a, k, 2, 2)?;
    let (cls, instance) = (&a[0], &a[1]);
    let imp = impl_of(ts, cls)?;
    let d = data(&imp)?;
    let subclass = protocol::getattr(ts, instance, &s("__class__"))?;
    if set_contains(ts, &d.cache, &subclass)? {
        return Ok(bool_::new_bool(true));
    }
    let subtype = instance.type_of().to_value();
    if subtype.is(&subclass) {
        if d.negative_cache_version.get() == counter() && set_contains(ts, &d.negative_cache, &subclass)? {
            return Ok(bool_::new_bool(false));
        }
        return protocol::call_method(ts, cls, "__subclasscheck__", &[subclass]);
    }
    let r = protocol::call_method(ts, cls, "__subclasscheck__", &[subclass])?;
    if protocol::is_true(ts, &r)? {
        return Ok(r);
    }
    protocol::call_method(ts, cls, "__subclasscheck__", &[subtype])
}

/// `_abc_subclasscheck(cls, subclass)`.
fn abc_subclasscheck(ts: &ThreadState, _m: &Value, a: Args, k: Kw) -> PyResult<Value> {
    args::no_kwargs("_abc_subclasscheck", k)?;
    let a = args::positional("_abc_subclasscheck", a, k, 2, 2)?;
    let (cls, subclass) = (&a[0], &a[1]);
    if !is_type(subclass) {
        return Err(PyErr::type_error("issubclass() arg 1 must be a class"));
    }
    let imp = impl_of(ts, cls)?;
    let d = data(&imp)?;
    let yes = |ts: &ThreadState| -> PyResult<Value> {
        set_insert(ts, &d.cache, subclass)?;
        Ok(bool_::new_bool(true))
    };
    if set_contains(ts, &d.cache, subclass)? {
        return Ok(bool_::new_bool(true));
    }
    if d.negative_cache_version.get() < counter() {
        drop(d.negative_cache.replace(None));
        d.negative_cache_version.set(counter());
    } else if set_contains(ts, &d.negative_cache, subclass)? {
        return Ok(bool_::new_bool(false));
    }
    let ok = protocol::call_method(ts, cls, "__subclasshook__", std::slice::from_ref(subclass))?;
    if !ok.is(&none::not_implemented()) {
        if protocol::is_true(ts, &ok)? {
            set_insert(ts, &d.cache, subclass)?;
        } else {
            set_insert(ts, &d.negative_cache, subclass)?;
        }
        return Ok(ok);
    }
    if let Some(mro) = protocol::lookup_attr(ts, subclass, &s("__mro__"))? {
        if let Some(items) = tuple::try_tuple_items(&mro) {
            if items.iter().any(|c| c.is(cls)) {
                return yes(ts);
            }
        }
    }
    let registry = d.registry.borrow().clone();
    if let Some(reg) = registry {
        for rcls in protocol::collect(ts, &reg)? {
            if protocol::issubclass(ts, subclass, &rcls)? {
                return yes(ts);
            }
        }
    }
    let subclasses = protocol::call_method(ts, cls, "__subclasses__", &[])?;
    for scls in protocol::collect(ts, &subclasses)? {
        if protocol::issubclass(ts, subclass, &scls)? {
            return yes(ts);
        }
    }
    set_insert(ts, &d.negative_cache, subclass)?;
    Ok(bool_::new_bool(false))
}

fn get_cache_token(_ts: &ThreadState, _m: &Value, a: Args, k: Kw) -> PyResult<Value> {
    args::exact("get_cache_token", a, k, 0)?;
    Ok(int::from_bigint(counter().into()))
}

fn copy_set(ts: &ThreadState, slot: &RefCell<Option<Value>>) -> PyResult<Value> {
    let items = match slot.borrow().clone() {
        Some(st) => protocol::collect(ts, &st)?,
        None => Vec::new(),
    };
    set::new_set_from(ts, items)
}

/// `_get_dump(cls)`: shallow copies of the registry and caches, for tests.
fn get_dump(ts: &ThreadState, _m: &Value, a: Args, k: Kw) -> PyResult<Value> {
    let a = args::exact("_get_dump", a, k, 1)?;
    let imp = impl_of(ts, &a[0])?;
    let d = data(&imp)?;
    tuple::new_tuple(vec![
        copy_set(ts, &d.registry)?,
        copy_set(ts, &d.cache)?,
        copy_set(ts, &d.negative_cache)?,
        int::from_bigint(d.negative_cache_version.get().into()),
    ])
}

fn reset_registry(ts: &ThreadState, _m: &Value, a: Args, k: Kw) -> PyResult<Value> {
    let a = args::exact("_reset_registry", a, k, 1)?;
    let imp = impl_of(ts, &a[0])?;
    drop(data(&imp)?.registry.replace(None));
    Ok(none::none())
}

fn reset_caches(ts: &ThreadState, _m: &Value, a: Args, k: Kw) -> PyResult<Value> {
    let a = args::exact("_reset_caches", a, k, 1)?;
    let imp = impl_of(ts, &a[0])?;
    let d = data(&imp)?;
    drop(d.cache.replace(None));
    drop(d.negative_cache.replace(None));
    Ok(none::none())
}

/// Fill the static types.
pub fn init() {
    ABC_DATA_TYPE.data.slots.new.set(Some(abc_data_new));
    ABC_DATA_TYPE.data.slots.getattro.set(Some(protocol::generic_getattr));
    crate::types::descr::add_methods(&ABC_DATA_TYPE, &[("__reduce__", super::reduce_cannot_pickle)]);
}

/// Create the `_abc` module.
pub fn create(ts: &ThreadState) -> PyResult<Value> {
    let (m, d) = super::new_native_module(
        ts,
        "_abc",
        &[
            ("get_cache_token", get_cache_token),
            ("_abc_init", abc_init),
            ("_abc_register", abc_register),
            ("_abc_instancecheck", abc_instancecheck),
            ("_abc_subclasscheck", abc_subclasscheck),
            ("_get_dump", get_dump),
            ("_reset_registry", reset_registry),
            ("_reset_caches", reset_caches),
        ],
    )?;
    super::set_attr(ts, &d, "_abc_data", ABC_DATA_TYPE.to_value())?;
    Ok(m)
}
