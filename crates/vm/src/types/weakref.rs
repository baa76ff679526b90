//! Weak references: `weakref.ReferenceType` (`_weakref.ref`), `ProxyType`
//! and `CallableProxyType`.
//!
//! A weak reference holds its referent's address without a count. The
//! referents of live weak references are listed in a per-thread table
//! (address -> weak reference objects, oldest first, CPython's order with
//! the plain ref and plain proxy first), and the referent's GC head carries
//! a flag saying it has an entry, so objects without weak references pay a
//! bit test when they die. When the referent dies (or is found to be
//! garbage by the collector) its weak references are cleared and their
//! callbacks called; a weak reference that dies first removes itself.

use std::cell::{Cell, RefCell};

use crate::object::protocol;
use crate::object::typeobj::{CompareOp, PyType, TypeObject, TPFLAGS_BASETYPE, TPFLAGS_HAVE_GC};
use crate::object::value::{ObjHeader, PyObject, PyPayload, Value};
use crate::runtime::errors::{PyErr, PyResult};
use crate::runtime::thread::ThreadState;
use crate::types::{bool_, descr, exceptions as exc, int, list, none, str as pystr, tuple};

/// Which flavour of weak reference an object is.
#[derive(Clone, Copy, PartialEq, Eq, Debug)]
pub enum WeakKind {
    Ref,
    Proxy,
    CallableProxy,
}

/// The payload of weak reference and proxy objects.
pub struct PyWeakRef {
    /// The referent's address (`Value::as_raw`), 0 once it is gone.
    referent: Cell<usize>,
    callback: RefCell<Option<Value>>,
    /// Cached hash of the referent (-1: not computed).
    hash: Cell<isize>,
    kind: WeakKind,
}

pub static REF_TYPE: PyType = PyObject::new_static(
    &super::typeobject::TYPE_TYPE,
    TypeObject::builtin::<PyWeakRef>("weakref.ReferenceType", &REF_TYPE, Some(&super::object::OBJECT_TYPE), TPFLAGS_BASETYPE | TPFLAGS_HAVE_GC),
);
pub static PROXY_TYPE: PyType = PyObject::new_static(
    &super::typeobject::TYPE_TYPE,
    TypeObject::builtin_sublayout(
        "weakref.ProxyType",
        &super::object::OBJECT_TYPE,
        &REF_TYPE,
        std::mem::size_of::<PyObject<PyWeakRef>>(),
        crate::object::value::dealloc_builtin::<PyWeakRef>,
        TPFLAGS_HAVE_GC,
    ),
);
pub static CALLABLE_PROXY_TYPE: PyType = PyObject::new_static(
    &super::typeobject::TYPE_TYPE,
    TypeObject::builtin_sublayout(
        "weakref.CallableProxyType",
        &super::object::OBJECT_TYPE,
        &REF_TYPE,
        std::mem::size_of::<PyObject<PyWeakRef>>(),
        crate::object::value::dealloc_builtin::<PyWeakRef>,
        TPFLAGS_HAVE_GC,
    ),
);

impl PyPayload for PyWeakRef {
    fn class() -> &'static PyType {
        &REF_TYPE
    }
}

/// The static types defined here.
pub fn types() -> Vec<&'static PyType> {
    vec![&REF_TYPE, &PROXY_TYPE, &CALLABLE_PROXY_TYPE]
}

thread_local! {
    /// Referent address -> addresses of its weak reference objects.
    static REGISTRY: RefCell<hashbrown::HashMap<usize, Vec<usize>>> = RefCell::new(hashbrown::HashMap::new());
}

impl PyWeakRef {
    /// The referent, if it is still alive.
    pub fn get(&self) -> Option<Value> {
        let w = self.referent.get();
        if w == 0 {
            return None;
        }
        crate::gc::upgrade_weak(w)
    }
}

impl Drop for PyWeakRef {
    fn drop(&mut self) {
        let w = self.referent.get();
        if w == 0 {
            return;
        }
        let me = obj_addr_of_payload(self as *const PyWeakRef as usize);
        REGISTRY.with(|r| {
            if let Ok(mut r) = r.try_borrow_mut() {
                if let Some(list) = r.get_mut(&w) {
                    list.retain(|&x| x != me);
                    if list.is_empty() {
                        r.remove(&w);
                    }
                }
            }
        });
    }
}

/// Registry entries are object addresses; the payload sits right after
/// the object header.
fn obj_addr_of_payload(payload: usize) -> usize {
    payload - std::mem::offset_of!(PyObject<PyWeakRef>, data)
}

/// Whether `obj` accepts weak references (CPython: tp_weaklistoffset != 0).
fn supports_weakrefs(obj: &Value) -> bool {
    if crate::gc::gc_head(obj).is_none() {
        // Static (immortal) builtin types accept weak references; they never die.
        return obj.refcount() >= crate::object::value::IMMORTAL_REFCNT && native_support(obj.type_of().data.solid_base());
    }
    let ty = &obj.type_of().data;
    if ty.is_heap_type() {
        return ty.weaklist_slot.get() >= 0 || native_support(ty.solid_base());
    }
    native_support(ty.solid_base())
}

fn native_support(base: *const PyType) -> bool {
    use crate::types::*;
    [
        &typeobject::TYPE_TYPE as *const PyType,
        &function::FUNCTION_TYPE,
        &function::BUILTIN_FUNCTION_TYPE,
        &function::METHOD_TYPE,
        &set::SET_TYPE,
        &set::FROZENSET_TYPE,
        &generator::GENERATOR_TYPE,
        &module::MODULE_TYPE,
        &descr::PROPERTY_TYPE,
        &crate::modules::_sre::PATTERN_TYPE,
        &crate::modules::array::ARRAY_TYPE,
        &crate::modules::_io::textio::TEXT_STREAM_TYPE,
        &crate::modules::_io::textio::BUFFERED_WRITER_TYPE,
    ]
    .iter()
    .any(|t| std::ptr::eq(*t, base))
}

fn this(v: &Value) -> PyResult<&PyWeakRef> {
    v.downcast::<PyWeakRef>().ok_or_else(|| PyErr::type_error("weakref expected"))
}

fn kind_type(kind: WeakKind) -> &'static PyType {
    match kind {
        WeakKind::Ref => &REF_TYPE,
        WeakKind::Proxy => &PROXY_TYPE,
        WeakKind::CallableProxy => &CALLABLE_PROXY_TYPE,
    }
}

/// The weak reference objects of `obj`, oldest first (strong references;
/// those being destroyed are left out).
pub fn weakrefs_of(obj: &Value) -> Vec<Value> {
    let addrs: Vec<usize> = REGISTRY.with(|r| r.borrow().get(&obj.as_raw()).cloned().unwrap_or_default());
    addrs.into_iter().filter_map(registered).collect()
}

/// A strong reference to a registered weak reference object, or None when
/// it is being destroyed: a weak reference whose count reached zero deep in
/// a chain of deallocations waits in the trashcan queue, still registered,
/// until it is freed; reviving it then would free it twice (CPython skips
/// weak references with a zero count likewise).
fn registered(addr: usize) -> Option<Value> {
    crate::gc::upgrade_registered(addr)
}

/// The payload of a registered weak reference object, without taking a
/// reference (it may be waiting to be freed).
///
/// # Safety
/// `addr` is registered, so its memory is not yet freed (weak reference
/// objects unregister themselves before), and it starts with a `PyObject<PyWeakRef>`.
unsafe fn registered_payload<'a>(addr: usize) -> &'a PyWeakRef {
    // SAFETY: guaranteed by the caller.
    unsafe { &(*(addr as *const PyObject<PyWeakRef>)).data }
}

/// Create a weak reference of `kind` (and type `cls`, for subclasses of
/// `ref`) to `obj`, reusing the plain one when there is no callback.
pub fn new_weakref(ts: &ThreadState, cls: Option<&Value>, obj: &Value, callback: Option<Value>, kind: WeakKind) -> PyResult<Value> {
    let _ = ts;
    if !supports_weakrefs(obj) {
        return Err(PyErr::type_error(format!("cannot create weak reference to '{}' object", protocol::type_name(obj))));
    }
    let callback = callback.filter(|c| !c.is(&none::none()));
    let exact = cls.is_none_or(|c| std::ptr::eq(c.type_payload_ptr(), &kind_type(kind).data));
    if callback.is_none() && exact {
        // CPython shares the plain (no callback) ref and proxy.
        for w in weakrefs_of(obj) {
            if let Some(p) = w.downcast::<PyWeakRef>() {
                if p.kind == kind && p.callback.borrow().is_none() && w.is_exact(kind_type(kind)) {
                    return Ok(w);
                }
            }
        }
    }
    let payload = PyWeakRef { referent: Cell::new(obj.as_raw()), callback: RefCell::new(callback.clone()), hash: Cell::new(-1), kind };
    let w = match cls {
        Some(c) if !exact => Value::new_instance(c, payload)?,
        _ => Value::new_with_type(kind_type(kind), payload)?,
    };
    let plain = callback.is_none() && exact;
    REGISTRY.with(|r| {
        let mut r = r.borrow_mut();
        let list = r.entry(obj.as_raw()).or_default();
        // The plain ref first, then the plain proxy, then the others,
        // newest first (CPython's insertion order, which is the order
        // callbacks run in).
        let pos = if plain && kind == WeakKind::Ref { 0 } else { list.iter().take_while(|&&a| is_plain(a)).count() };
        list.insert(pos, w.as_raw());
    });
    crate::gc::set_has_weakrefs(obj, true);
    Ok(w)
}

/// Whether the registered weak reference at `addr` is a shared plain ref or proxy.
fn is_plain(addr: usize) -> bool {
    // One being destroyed is no longer shared: its position does not matter.
    let Some(w) = registered(addr) else { return false };
    (w.is_exact(&REF_TYPE) || w.is_exact(&PROXY_TYPE) || w.is_exact(&CALLABLE_PROXY_TYPE))
        && w.downcast::<PyWeakRef>().is_some_and(|p| p.callback.borrow().is_none())
}

/// Take the weak references of the object at `addr` out of the table,
/// clearing them; returns those whose callback should run.
fn detach_all(addr: usize, skip: &dyn Fn(&Value) -> bool) -> Vec<Value> {
    let addrs = REGISTRY.with(|r| r.borrow_mut().remove(&addr)).unwrap_or_default();
    let mut with_cb = Vec::new();
    for a in addrs {
        // Cleared even when being destroyed, so that it does not try to
        // unregister from an address a new object may then occupy.
        // SAFETY: `a` was registered until just now.
        unsafe { registered_payload(a) }.referent.set(0);
        // A weak reference being destroyed never calls back, as in CPython.
        let Some(w) = registered(a) else { continue };
        if let Some(p) = w.downcast::<PyWeakRef>() {
            if p.callback.borrow().is_some() && !skip(&w) {
                with_cb.push(w);
            }
        }
    }
    with_cb
}

/// Call the callbacks; returns how many weak reference objects died right
/// after theirs (only our reference was left).
fn call_callbacks(ws: Vec<Value>) -> usize {
    let Some(ts) = ThreadState::current() else { return 0 };
    let mut freed = 0;
    for w in ws {
        let Some(p) = w.downcast::<PyWeakRef>() else { continue };
        let cb = p.callback.borrow_mut().take();
        if let Some(cb) = cb {
            if let Err(e) = protocol::call(ts, &cb, std::slice::from_ref(&w), None) {
                crate::runtime::lifecycle::write_unraisable(ts, &e, Some("Exception ignored in"), Some(&cb));
            }
        }
        if w.refcount() == 1 {
            freed += 1;
        }
    }
    freed
}

/// The referent at `h` is being freed: clear its weak references and run
/// their callbacks (CPython's PyObject_ClearWeakRefs).
pub(crate) fn clear_on_dealloc(h: *const ObjHeader) {
    let ws = detach_all(h as usize, &|_| false);
    call_callbacks(ws);
}

/// The collector found `garbage` (objects with weak references, and weak
/// references themselves) unreachable: clear the weak references to them;
/// callbacks run only for weak references that are not garbage themselves.
pub(crate) fn handle_weakrefs(garbage: &[Value]) -> usize {
    // Weak references that are garbage are detached from their referent,
    // so they never call back (CPython's _PyWeakref_ClearRef).
    for g in garbage {
        if let Some(p) = g.downcast::<PyWeakRef>() {
            let w = p.referent.replace(0);
            if w != 0 {
                let me = g.as_raw();
                REGISTRY.with(|r| {
                    let mut r = r.borrow_mut();
                    if let Some(list) = r.get_mut(&w) {
                        list.retain(|&x| x != me);
                        if list.is_empty() {
                            r.remove(&w);
                        }
                    }
                });
            }
        }
    }
    let mut to_call = Vec::new();
    for g in garbage {
        if crate::gc::has_weakrefs_flag(g) {
            to_call.extend(detach_all(g.as_raw(), &crate::gc::in_unreachable));
            crate::gc::set_has_weakrefs(g, false);
        }
    }
    call_callbacks(to_call)
}

/// Whether `v` is a weak reference object.
pub(crate) fn is_weakref(v: &Value) -> bool {
    v.downcast::<PyWeakRef>().is_some()
}

/// `obj.__weakref__`: the first weak reference to `obj`, or None.
pub fn weakref_attr(_ts: &ThreadState, obj: &Value) -> PyResult<Value> {
    Ok(weakrefs_of(obj).into_iter().next().unwrap_or_else(none::none))
}

/// Number of weak references and proxies to `obj`.
pub fn weakref_count(obj: &Value) -> usize {
    REGISTRY.with(|r| r.borrow().get(&obj.as_raw()).map_or(0, |l| l.len()))
}

// ---- cycle collector hooks ----

pub(crate) fn gc_traverse(v: &Value, visit: &mut dyn FnMut(&Value)) {
    if let Some(p) = v.downcast::<PyWeakRef>() {
        if let Ok(c) = p.callback.try_borrow() {
            if let Some(x) = &*c {
                visit(x);
            }
        }
    }
}

pub(crate) fn gc_clear(v: &Value) {
    if let Some(p) = v.downcast::<PyWeakRef>() {
        let cb = p.callback.try_borrow_mut().ok().and_then(|mut c| c.take());
        drop(cb);
    }
}

// ---- ref ----

fn ref_new(ts: &ThreadState, cls: &Value, args: &[Value], kw: Option<&Value>) -> PyResult<Value> {
    let n = crate::object::args::npositional(args, kw);
    if kw.is_some_and(|k| !tuple::tuple_items(k).is_empty()) {
        return Err(PyErr::type_error("ref() takes no keyword arguments"));
    }
    if n < 1 {
        return Err(PyErr::type_error(format!("__new__ expected at least 1 argument, got {n}")));
    }
    if n > 2 {
        return Err(PyErr::type_error(format!("__new__ expected at most 2 arguments, got {n}")));
    }
    new_weakref(ts, Some(cls), &args[0], args.get(1).cloned(), WeakKind::Ref)
}

fn ref_init(_ts: &ThreadState, _v: &Value, args: &[Value], kw: Option<&Value>) -> PyResult<()> {
    let n = crate::object::args::npositional(args, kw);
    if n > 2 && kw.is_none() {
        // Subclasses may take more arguments in their own __init__.
        return Ok(());
    }
    Ok(())
}

fn ref_call(_ts: &ThreadState, v: &Value, args: &[Value], kw: Option<&Value>) -> PyResult<Value> {
    crate::object::args::exact("weakref", args, kw, 0)?;
    Ok(this(v)?.get().unwrap_or_else(none::none))
}

fn ref_hash(ts: &ThreadState, v: &Value) -> PyResult<isize> {
    let p = this(v)?;
    if p.hash.get() != -1 {
        return Ok(p.hash.get());
    }
    let Some(obj) = p.get() else {
        return Err(PyErr::type_error("weak object has gone away"));
    };
    let h = protocol::hash(ts, &obj)?;
    p.hash.set(h);
    Ok(h)
}

fn ref_richcompare(ts: &ThreadState, a: &Value, b: &Value, op: CompareOp) -> PyResult<Value> {
    if !matches!(op, CompareOp::Eq | CompareOp::Ne) {
        return Ok(none::not_implemented());
    }
    let (Some(x), Some(y)) = (a.downcast::<PyWeakRef>(), b.downcast::<PyWeakRef>()) else {
        return Ok(none::not_implemented());
    };
    if x.kind != WeakKind::Ref || y.kind != WeakKind::Ref {
        return Ok(none::not_implemented());
    }
    match (x.get(), y.get()) {
        (Some(p), Some(q)) => protocol::richcompare(ts, &p, &q, op),
        _ => {
            let same = a.is(b);
            Ok(bool_::new_bool(if op == CompareOp::Eq { same } else { !same }))
        }
    }
}

fn ref_repr(_ts: &ThreadState, v: &Value) -> PyResult<Value> {
    let p = this(v)?;
    let what = if p.kind == WeakKind::Ref { "weakref" } else { "weakproxy" };
    let s = match p.get() {
        None => format!("<{what} at {:#x}; dead>", v.id()),
        Some(o) => format!("<{what} at {:#x}; to '{}' at {:#x}>", v.id(), o.type_of().data.name(), o.id()),
    };
    Ok(pystr::new_str(&s))
}

fn ref_callback(_ts: &ThreadState, v: &Value) -> PyResult<Value> {
    Ok(this(v)?.callback.borrow().clone().unwrap_or_else(none::none))
}

fn ref_class_getitem(_ts: &ThreadState, cls: &Value, a: &[Value], k: Option<&Value>) -> PyResult<Value> {
    crate::object::args::exact("__class_getitem__", a, k, 1)?;
    super::genericalias::new_generic_alias(cls.clone(), a[0].clone())
}

// ---- proxies ----

fn referent(v: &Value) -> PyResult<Value> {
    this(v)?.get().ok_or_else(|| PyErr::new(&exc::REFERENCE_ERROR, "weakly-referenced object no longer exists"))
}

fn proxy_getattro(ts: &ThreadState, v: &Value, name: &Value) -> PyResult<Value> {
    let o = referent(v)?;
    protocol::getattr(ts, &o, name)
}

fn proxy_setattro(ts: &ThreadState, v: &Value, name: &Value, value: Option<&Value>) -> PyResult<()> {
    let o = referent(v)?;
    protocol::setattr(ts, &o, name, value)
}

fn proxy_str(ts: &ThreadState, v: &Value) -> PyResult<Value> {
    let o = referent(v)?;
    protocol::str(ts, &o)
}

fn proxy_bool(ts: &ThreadState, v: &Value) -> PyResult<bool> {
    let o = referent(v)?;
    protocol::is_true(ts, &o)
}

fn proxy_len(ts: &ThreadState, v: &Value) -> PyResult<usize> {
    let o = referent(v)?;
    protocol::len(ts, &o)
}

fn proxy_getitem(ts: &ThreadState, v: &Value, k: &Value) -> PyResult<Value> {
    let o = referent(v)?;
    protocol::getitem(ts, &o, k)
}

fn proxy_setitem(ts: &ThreadState, v: &Value, k: &Value, x: Option<&Value>) -> PyResult<()> {
    let o = referent(v)?;
    protocol::setitem(ts, &o, k, x)
}

fn proxy_contains(ts: &ThreadState, v: &Value, k: &Value) -> PyResult<bool> {
    let o = referent(v)?;
    protocol::contains(ts, &o, k)
}

fn proxy_iter(ts: &ThreadState, v: &Value) -> PyResult<Value> {
    let o = referent(v)?;
    protocol::get_iter(ts, &o)
}

fn proxy_iternext(ts: &ThreadState, v: &Value) -> PyResult<Option<Value>> {
    let o = referent(v)?;
    protocol::next(ts, &o)
}

fn proxy_call(ts: &ThreadState, v: &Value, args: &[Value], kw: Option<&Value>) -> PyResult<Value> {
    let o = referent(v)?;
    protocol::call(ts, &o, args, kw)
}

/// Unwrap proxies among comparison/arithmetic operands.
fn unwrap(v: &Value) -> PyResult<Value> {
    match v.downcast::<PyWeakRef>() {
        Some(p) if p.kind != WeakKind::Ref => referent(v),
        _ => Ok(v.clone()),
    }
}

fn proxy_richcompare(ts: &ThreadState, a: &Value, b: &Value, op: CompareOp) -> PyResult<Value> {
    protocol::richcompare(ts, &unwrap(a)?, &unwrap(b)?, op)
}

macro_rules! proxy_binops {
    ($($f:ident = $op:expr;)*) => {
        $(fn $f(ts: &ThreadState, a: &Value, b: &Value) -> PyResult<Value> {
            protocol::binary_op(ts, &unwrap(a)?, &unwrap(b)?, $op)
        })*
        fn install_binops(ty: &PyType) {
            $(ty.data.slots.binary[$op].set(Some($f));)*
        }
    };
}
use crate::object::typeobj::nb;
proxy_binops! {
    proxy_add = nb::ADD;
    proxy_sub = nb::SUBTRACT;
    proxy_mul = nb::MULTIPLY;
    proxy_truediv = nb::TRUE_DIVIDE;
    proxy_floordiv = nb::FLOOR_DIVIDE;
    proxy_mod = nb::REMAINDER;
    proxy_and = nb::AND;
    proxy_or = nb::OR;
    proxy_xor = nb::XOR;
    proxy_lshift = nb::LSHIFT;
    proxy_rshift = nb::RSHIFT;
    proxy_matmul = nb::MATRIX_MULTIPLY;
}

fn proxy_bytes(ts: &ThreadState, v: &Value, a: &[Value], k: Option<&Value>) -> PyResult<Value> {
    crate::object::args::exact("__bytes__", a, k, 0)?;
    let o = referent(v)?;
    protocol::call(ts, &super::bytes::BYTES_TYPE.to_value(), &[o], None)
}

fn proxy_reversed(ts: &ThreadState, v: &Value, a: &[Value], k: Option<&Value>) -> PyResult<Value> {
    crate::object::args::exact("__reversed__", a, k, 0)?;
    let o = referent(v)?;
    protocol::call(ts, &super::enumobject::REVERSED_TYPE.to_value(), &[o], None)
}

fn proxy_index(ts: &ThreadState, v: &Value) -> PyResult<Value> {
    let o = referent(v)?;
    protocol::index(ts, &o)
}

/// Fill the weak reference types' slots.
pub fn init() {
    let s = &REF_TYPE.data.slots;
    s.new.set(Some(ref_new));
    s.init.set(Some(ref_init));
    s.call.set(Some(ref_call));
    s.hash.set(Some(ref_hash));
    s.richcompare.set(Some(ref_richcompare));
    s.repr.set(Some(ref_repr));
    descr::add_getsets(&REF_TYPE, &[("__callback__", ref_callback, None)]);
    descr::add_methods_kind(&REF_TYPE, &[("__class_getitem__", ref_class_getitem)], descr::MethodKind::Class);
    for ty in [&PROXY_TYPE, &CALLABLE_PROXY_TYPE] {
        let s = &ty.data.slots;
        s.getattro.set(Some(proxy_getattro));
        s.setattro.set(Some(proxy_setattro));
        s.repr.set(Some(ref_repr));
        s.str.set(Some(proxy_str));
        s.bool.set(Some(proxy_bool));
        s.length.set(Some(proxy_len));
        s.subscript.set(Some(proxy_getitem));
        s.ass_subscript.set(Some(proxy_setitem));
        s.contains.set(Some(proxy_contains));
        s.iter.set(Some(proxy_iter));
        s.iternext.set(Some(proxy_iternext));
        s.richcompare.set(Some(proxy_richcompare));
        s.hash.set(Some(super::object::hash_not_implemented));
        s.index.set(Some(proxy_index));
        install_binops(ty);
        descr::add_methods(ty, &[("__bytes__", proxy_bytes), ("__reversed__", proxy_reversed)]);
    }
    CALLABLE_PROXY_TYPE.data.slots.call.set(Some(proxy_call));
    // weakref.WeakMethod rebuilds bound methods with types.MethodType(func, obj).
    if super::function::METHOD_TYPE.data.slots.new.get().is_none() {
        super::function::METHOD_TYPE.data.slots.new.set(Some(super::function::method_new));
    }
}

// ---- the _weakref module ----

fn m_getweakrefcount(_ts: &ThreadState, _m: &Value, a: &[Value], k: Option<&Value>) -> PyResult<Value> {
    let a = crate::modules::fastcall_args("_weakref", "getweakrefcount", a, k, 1, 1)?;
    Ok(int::from_i64(weakref_count(&a[0]) as i64))
}

fn m_getweakrefs(_ts: &ThreadState, _m: &Value, a: &[Value], k: Option<&Value>) -> PyResult<Value> {
    let a = crate::modules::fastcall_args("_weakref", "getweakrefs", a, k, 1, 1)?;
    list::new_list(weakrefs_of(&a[0]))
}

fn m_proxy(ts: &ThreadState, _m: &Value, a: &[Value], k: Option<&Value>) -> PyResult<Value> {
    let a = crate::modules::fastcall_args("_weakref", "proxy", a, k, 1, 2)?;
    let callable = a[0].type_of().data.slots.call.get().is_some();
    let kind = if callable { WeakKind::CallableProxy } else { WeakKind::Proxy };
    new_weakref(ts, None, &a[0], a.get(1).cloned(), kind)
}

fn m_remove_dead_weakref(ts: &ThreadState, _m: &Value, a: &[Value], k: Option<&Value>) -> PyResult<Value> {
    let a = crate::modules::fastcall_args("_weakref", "_remove_dead_weakref", a, k, 2, 2)?;
    let Some(_) = crate::types::dict::as_dict(&a[0]) else {
        return Err(PyErr::type_error(format!("_remove_dead_weakref() argument 1 must be dict, not {}", protocol::type_name(&a[0]))));
    };
    if let Some(v) = crate::types::dict::dict_get_item(ts, &a[0], &a[1])? {
        if v.downcast::<PyWeakRef>().is_some_and(|p| p.get().is_none()) {
            crate::types::dict::dict_del_item(ts, &a[0], &a[1])?;
        }
    }
    Ok(none::none())
}

/// Create the `_weakref` module.
pub fn create_module(ts: &ThreadState) -> PyResult<Value> {
    let m = super::module::new_module("_weakref")?;
    let d = super::module::module_dict(&m).ok_or_else(|| PyErr::system_error("_weakref"))?;
    let funcs: [(&'static str, crate::object::typeobj::CallFn); 4] = [
        ("getweakrefcount", m_getweakrefcount),
        ("getweakrefs", m_getweakrefs),
        ("proxy", m_proxy),
        ("_remove_dead_weakref", m_remove_dead_weakref),
    ];
    for (name, f) in funcs {
        let bf = Value::new(super::function::PyBuiltinFunction { name, func: f, self_: Some(m.clone()), module: Some("_weakref") })?;
        super::dict::dict_set_item(ts, &d, pystr::intern(name), bf)?;
    }
    for (name, ty) in [("ref", &REF_TYPE), ("ReferenceType", &REF_TYPE), ("ProxyType", &PROXY_TYPE), ("CallableProxyType", &CALLABLE_PROXY_TYPE)] {
        super::dict::dict_set_item(ts, &d, pystr::intern(name), ty.to_value())?;
    }
    Ok(m)
}

#[cfg(test)]
mod tests {
    use super::*;

    /// A plain weak reference of `kind` to `obj`, registered as `new_weakref` does.
    fn weak(obj: &Value, kind: WeakKind) -> Value {
        let payload = PyWeakRef { referent: Cell::new(obj.as_raw()), callback: RefCell::new(None), hash: Cell::new(-1), kind };
        let w = Value::new_with_type(kind_type(kind), payload).unwrap();
        REGISTRY.with(|r| r.borrow_mut().entry(obj.as_raw()).or_default().push(w.as_raw()));
        crate::gc::set_has_weakrefs(obj, true);
        w
    }

    fn registry_len() -> usize {
        REGISTRY.with(|r| r.borrow().len())
    }

    #[test]
    fn weakrefs_queued_by_deep_deallocation_die_once() {
        crate::types::init();
        let before = registry_len();
        // Deep in the chain, the weak reference (or its referent, depending
        // on the order in which lists release their items) dies first and is
        // queued, then the other dies while it waits.
        for (kind, weak_first) in [(WeakKind::Ref, true), (WeakKind::Proxy, true), (WeakKind::Ref, false), (WeakKind::Proxy, false)] {
            let mut obj = crate::types::none::none();
            for _ in 0..500 {
                let target = crate::types::list::new_list(vec![]).unwrap();
                let w = weak(&target, kind);
                let items = if weak_first { vec![w, target, obj] } else { vec![target, w, obj] };
                obj = crate::types::list::new_list(items).unwrap();
            }
            drop(obj);
            assert_eq!(registry_len(), before);
        }
    }
}
