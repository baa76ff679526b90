//! `_thread`: locks (`lock`, `RLock`), thread identity and the constants the
//! standard library reads. Pyrite runs one thread per interpreter for now, so
//! a blocking acquire of a lock that is held can never succeed: it waits out
//! its timeout, or raises instead of hanging forever.

use std::cell::Cell;

use crate::object::typeobj::{PyType, TypeObject, TPFLAGS_BASETYPE};
use crate::object::value::{PyObject, PyPayload, Value};
use crate::runtime::errors::{PyErr, PyResult};
use crate::runtime::thread::ThreadState;
use crate::types::{bool_, exceptions as exc, float, int, none, str as pystr, tuple};

/// `_thread.lock`.
pub struct PyLock {
    locked: Cell<bool>,
}

/// `_thread.RLock`: owner thread id and recursion count.
pub struct PyRLock {
    owner: Cell<u64>,
    count: Cell<u64>,
}

/// `_thread.lock`.
pub static LOCK_TYPE: PyType = PyObject::new_static(
    &crate::types::typeobject::TYPE_TYPE,
    TypeObject::builtin::<PyLock>("_thread.lock", &LOCK_TYPE, Some(&crate::types::object::OBJECT_TYPE), 0),
);
/// `_thread.RLock`.
pub static RLOCK_TYPE: PyType = PyObject::new_static(
    &crate::types::typeobject::TYPE_TYPE,
    TypeObject::builtin::<PyRLock>("_thread.RLock", &RLOCK_TYPE, Some(&crate::types::object::OBJECT_TYPE), TPFLAGS_BASETYPE),
);
impl PyPayload for PyLock {
    fn class() -> &'static PyType {
        &LOCK_TYPE
    }
}
impl PyPayload for PyRLock {
    fn class() -> &'static PyType {
        &RLOCK_TYPE
    }
}

/// `_thread._local`: attributes per thread (one thread per interpreter
/// here, so one dict).
pub struct PyLocal {
    dict: std::cell::RefCell<Option<Value>>,
}

/// `_thread._local`.
pub static LOCAL_TYPE: PyType = PyObject::new_static(
    &crate::types::typeobject::TYPE_TYPE,
    TypeObject::builtin::<PyLocal>("_thread._local", &LOCAL_TYPE, Some(&crate::types::object::OBJECT_TYPE), TPFLAGS_BASETYPE),
);
impl PyPayload for PyLocal {
    fn class() -> &'static PyType {
        &LOCAL_TYPE
    }
}

/// The static types of this module.
pub fn types() -> Vec<&'static PyType> {
    vec![&LOCK_TYPE, &RLOCK_TYPE, &LOCAL_TYPE]
}

fn local_new(_ts: &ThreadState, cls: &Value, a: &[Value], _k: Option<&Value>) -> PyResult<Value> {
    // Arguments are for a subclass's __init__; _local's own takes none.
    let own_init = cls.as_type().is_some_and(|t| t.lookup_str("__init__").is_some_and(|i| {
        crate::types::object::OBJECT_TYPE.data.lookup_str("__init__").is_some_and(|o| o.is(&i))
    }));
    if own_init && !a.is_empty() {
        return Err(PyErr::type_error("Initialization arguments are not supported"));
    }
    Value::new_instance(cls, PyLocal { dict: std::cell::RefCell::new(None) })
}

fn local_dict_of(v: &Value) -> Option<Value> {
    if let Some(d) = crate::object::protocol::instance_dict_or_create(v) {
        return Some(d);
    }
    v.downcast::<PyLocal>().map(|l| l.dict.borrow_mut().get_or_insert_with(crate::types::dict::new_dict).clone())
}

fn local_getattro(ts: &ThreadState, v: &Value, name: &Value) -> PyResult<Value> {
    super::own_dict_getattro(ts, v, name, local_dict_of)
}

fn local_setattro(ts: &ThreadState, v: &Value, name: &Value, value: Option<&Value>) -> PyResult<()> {
    if pystr::as_rust_str(name) == "__dict__" {
        return Err(PyErr::attribute_error(format!("'{}' object attribute '__dict__' is read-only", v.type_of().name())));
    }
    super::own_dict_setattro(ts, v, name, value, local_dict_of)
}

fn local_dict_get(_ts: &ThreadState, v: &Value) -> PyResult<Value> {
    local_dict_of(v).ok_or_else(|| PyErr::type_error("_local expected"))
}

/// `threading.TIMEOUT_MAX` as CPython computes it on 64-bit Linux.
const TIMEOUT_MAX: f64 = 9223372036.0;

/// The current thread's identifier: unique among live threads, as
/// CPython's `pthread_self` value is (its value is not meaningful).
pub fn current_ident() -> u64 {
    use std::sync::atomic::{AtomicU64, Ordering};
    static NEXT: AtomicU64 = AtomicU64::new(1);
    thread_local! {
        static IDENT: u64 = NEXT.fetch_add(1, Ordering::Relaxed) << 12 | 0x7f00_0000_0000;
    }
    IDENT.with(|i| *i)
}

/// The kernel's id of the current thread (from /proc/thread-self on Linux;
/// the process id elsewhere, which is the main thread's).
fn native_thread_id() -> i64 {
    std::fs::read_link("/proc/thread-self")
        .ok()
        .and_then(|p| p.file_name().and_then(|n| n.to_str()).and_then(|n| n.parse().ok()))
        .unwrap_or(std::process::id() as i64)
}

/// Parse `acquire(blocking=True, timeout=-1)`; returns the timeout in
/// seconds (None = forever, Some(0) = do not block).
fn acquire_args(ts: &ThreadState, a: &[Value], k: Option<&Value>) -> PyResult<Option<f64>> {
    let [blocking, timeout] = crate::object::args::bind("acquire", a, k, ["blocking", "timeout"], 0, 0, 2)?;
    let blocking = match blocking {
        Some(b) => crate::object::protocol::is_true(ts, &b)?,
        None => true,
    };
    let timeout = match timeout {
        Some(t) => float::to_f64(ts, &t)?,
        None => -1.0,
    };
    if !blocking && timeout != -1.0 {
        return Err(PyErr::value_error("can't specify a timeout for a non-blocking call"));
    }
    if timeout < 0.0 && timeout != -1.0 {
        return Err(PyErr::value_error("timeout value must be positive"));
    }
    if !blocking {
        return Ok(Some(0.0));
    }
    if timeout == -1.0 {
        return Ok(None);
    }
    if timeout > TIMEOUT_MAX {
        return Err(PyErr::overflow_error("timeout value is too large"));
    }
    Ok(Some(timeout))
}

/// Wait for a lock no other thread can release.
fn wait_held(timeout: Option<f64>) -> PyResult<bool> {
    match timeout {
        Some(t) => {
            if t > 0.0 {
                std::thread::sleep(std::time::Duration::from_secs_f64(t));
            }
            Ok(false)
        }
        None => Err(PyErr::runtime_error("deadlock: lock is held and no other thread can release it")),
    }
}

fn lock_of(v: &Value) -> PyResult<&PyLock> {
    v.downcast::<PyLock>().ok_or_else(|| PyErr::type_error("lock expected"))
}
fn rlock_of(v: &Value) -> PyResult<&PyRLock> {
    v.downcast::<PyRLock>().ok_or_else(|| PyErr::type_error("RLock expected"))
}

fn lock_new(_ts: &ThreadState, _cls: &Value, _a: &[Value], _k: Option<&Value>) -> PyResult<Value> {
    Err(PyErr::type_error("cannot create '_thread.lock' instances"))
}

type Args<'a> = &'a [Value];
type Kw<'a> = Option<&'a Value>;

/// A new unlocked lock.
pub fn new_lock() -> PyResult<Value> {
    Value::new(PyLock { locked: Cell::new(false) })
}

fn lock_acquire(ts: &ThreadState, v: &Value, a: &[Value], k: Option<&Value>) -> PyResult<Value> {
    let l = lock_of(v)?;
    let timeout = acquire_args(ts, a, k)?;
    if !l.locked.get() {
        l.locked.set(true);
        return Ok(bool_::new_bool(true));
    }
    wait_held(timeout).map(bool_::new_bool)
}

fn lock_release(_ts: &ThreadState, v: &Value, a: &[Value], k: Option<&Value>) -> PyResult<Value> {
    crate::object::args::exact("release", a, k, 0)?;
    let l = lock_of(v)?;
    if !l.locked.get() {
        return Err(PyErr::runtime_error("release unlocked lock"));
    }
    l.locked.set(false);
    Ok(none::none())
}

fn lock_exit(ts: &ThreadState, v: &Value, _a: &[Value], _k: Option<&Value>) -> PyResult<Value> {
    lock_release(ts, v, &[], None)
}

fn lock_locked(_ts: &ThreadState, v: &Value, a: &[Value], k: Option<&Value>) -> PyResult<Value> {
    crate::object::args::exact("locked", a, k, 0)?;
    Ok(bool_::new_bool(lock_of(v)?.locked.get()))
}

fn lock_at_fork_reinit(_ts: &ThreadState, v: &Value, _a: &[Value], _k: Option<&Value>) -> PyResult<Value> {
    lock_of(v)?.locked.set(false);
    Ok(none::none())
}

fn lock_repr(_ts: &ThreadState, v: &Value) -> PyResult<Value> {
    let l = lock_of(v)?;
    Ok(pystr::new_str(&format!(
        "<{} {} object at {:#x}>",
        if l.locked.get() { "locked" } else { "unlocked" },
        v.type_of().name(),
        v.id()
    )))
}

fn rlock_new(_ts: &ThreadState, cls: &Value, _a: &[Value], _k: Option<&Value>) -> PyResult<Value> {
    Value::new_instance(cls, PyRLock { owner: Cell::new(0), count: Cell::new(0) })
}

fn rlock_acquire(ts: &ThreadState, v: &Value, a: &[Value], k: Option<&Value>) -> PyResult<Value> {
    let r = rlock_of(v)?;
    let timeout = acquire_args(ts, a, k)?;
    let me = current_ident();
    if r.count.get() > 0 && r.owner.get() == me {
        let c = r.count.get().checked_add(1).ok_or_else(|| PyErr::overflow_error("Internal lock count overflowed"))?;
        r.count.set(c);
        return Ok(bool_::new_bool(true));
    }
    if r.count.get() == 0 {
        r.owner.set(me);
        r.count.set(1);
        return Ok(bool_::new_bool(true));
    }
    wait_held(timeout).map(bool_::new_bool)
}

fn rlock_release(_ts: &ThreadState, v: &Value, a: &[Value], k: Option<&Value>) -> PyResult<Value> {
    crate::object::args::exact("release", a, k, 0)?;
    let r = rlock_of(v)?;
    if r.count.get() == 0 || r.owner.get() != current_ident() {
        return Err(PyErr::runtime_error("cannot release un-acquired lock"));
    }
    r.count.set(r.count.get() - 1);
    if r.count.get() == 0 {
        r.owner.set(0);
    }
    Ok(none::none())
}

fn rlock_exit(ts: &ThreadState, v: &Value, _a: &[Value], _k: Option<&Value>) -> PyResult<Value> {
    rlock_release(ts, v, &[], None)
}

fn rlock_is_owned(_ts: &ThreadState, v: &Value, a: &[Value], k: Option<&Value>) -> PyResult<Value> {
    crate::object::args::exact("_is_owned", a, k, 0)?;
    let r = rlock_of(v)?;
    Ok(bool_::new_bool(r.count.get() > 0 && r.owner.get() == current_ident()))
}

fn rlock_recursion_count(_ts: &ThreadState, v: &Value, a: &[Value], k: Option<&Value>) -> PyResult<Value> {
    crate::object::args::exact("_recursion_count", a, k, 0)?;
    let r = rlock_of(v)?;
    Ok(int::from_i64(if r.owner.get() == current_ident() { r.count.get() as i64 } else { 0 }))
}

fn rlock_release_save(_ts: &ThreadState, v: &Value, a: &[Value], k: Option<&Value>) -> PyResult<Value> {
    crate::object::args::exact("_release_save", a, k, 0)?;
    let r = rlock_of(v)?;
    if r.count.get() == 0 {
        return Err(PyErr::runtime_error("cannot release un-acquired lock"));
    }
    let state = tuple::new_tuple(vec![int::from_i64(r.count.get() as i64), int::from_bigint(r.owner.get().into())])?;
    r.count.set(0);
    r.owner.set(0);
    Ok(state)
}

fn rlock_acquire_restore(ts: &ThreadState, v: &Value, a: &[Value], k: Option<&Value>) -> PyResult<Value> {
    let a = crate::object::args::exact("_acquire_restore", a, k, 1)?;
    let r = rlock_of(v)?;
    let items = crate::object::protocol::collect(ts, &a[0])?;
    if items.len() != 2 {
        return Err(PyErr::type_error("_acquire_restore expects a (count, owner) tuple"));
    }
    let count = crate::object::protocol::index(ts, &items[0])?;
    let owner = crate::object::protocol::index(ts, &items[1])?;
    r.count.set(int::as_int(&count).and_then(|c| c.to_i64()).unwrap_or(0).max(0) as u64);
    r.owner.set(int::as_int(&owner).map(|o| o.to_bigint()).and_then(|b| u64::try_from(b).ok()).unwrap_or(0));
    Ok(none::none())
}

fn rlock_at_fork_reinit(_ts: &ThreadState, v: &Value, _a: &[Value], _k: Option<&Value>) -> PyResult<Value> {
    let r = rlock_of(v)?;
    r.count.set(0);
    r.owner.set(0);
    Ok(none::none())
}

fn rlock_repr(_ts: &ThreadState, v: &Value) -> PyResult<Value> {
    let r = rlock_of(v)?;
    Ok(pystr::new_str(&format!(
        "<{} {} object owner={} count={} at {:#x}>",
        if r.count.get() > 0 { "locked" } else { "unlocked" },
        v.type_of().name(),
        r.owner.get(),
        r.count.get(),
        v.id()
    )))
}


/// Fill the static types.
pub fn init() {
    use crate::types::descr::add_methods;
    for t in types() {
        t.data.slots.getattro.set(Some(crate::object::protocol::generic_getattr));
    }
    LOCK_TYPE.data.slots.new.set(Some(lock_new));
    LOCK_TYPE.data.slots.repr.set(Some(lock_repr));
    add_methods(
        &LOCK_TYPE,
        &[
            ("acquire", lock_acquire),
            ("acquire_lock", lock_acquire),
            ("release", lock_release),
            ("release_lock", lock_release),
            ("locked", lock_locked),
            ("locked_lock", lock_locked),
            ("__enter__", lock_acquire),
            ("__exit__", lock_exit),
            ("_at_fork_reinit", lock_at_fork_reinit),
            ("__reduce__", super::reduce_cannot_pickle),
        ],
    );
    LOCAL_TYPE.data.slots.new.set(Some(local_new));
    LOCAL_TYPE.data.slots.getattro.set(Some(local_getattro));
    LOCAL_TYPE.data.slots.setattro.set(Some(local_setattro));
    crate::types::descr::add_getsets(&LOCAL_TYPE, &[("__dict__", local_dict_get, None)]);
    RLOCK_TYPE.data.slots.new.set(Some(rlock_new));
    RLOCK_TYPE.data.slots.repr.set(Some(rlock_repr));
    add_methods(
        &RLOCK_TYPE,
        &[
            ("acquire", rlock_acquire),
            ("release", rlock_release),
            ("__enter__", rlock_acquire),
            ("__exit__", rlock_exit),
            ("_is_owned", rlock_is_owned),
            ("_recursion_count", rlock_recursion_count),
            ("_release_save", rlock_release_save),
            ("_acquire_restore", rlock_acquire_restore),
            ("_at_fork_reinit", rlock_at_fork_reinit),
            ("__reduce__", super::reduce_cannot_pickle),
        ],
    );
    
}

fn allocate_lock(_ts: &ThreadState, _m: &Value, a: &[Value], k: Option<&Value>) -> PyResult<Value> {
    crate::object::args::exact("allocate_lock", a, k, 0)?;
    new_lock()
}

fn get_ident(_ts: &ThreadState, _m: &Value, a: &[Value], k: Option<&Value>) -> PyResult<Value> {
    crate::object::args::exact("get_ident", a, k, 0)?;
    Ok(int::from_bigint(current_ident().into()))
}

fn get_native_id(_ts: &ThreadState, _m: &Value, a: &[Value], k: Option<&Value>) -> PyResult<Value> {
    crate::object::args::exact("get_native_id", a, k, 0)?;
    Ok(int::from_i64(native_thread_id()))
}

fn set_sentinel(_ts: &ThreadState, _m: &Value, a: Args, k: Kw) -> PyResult<Value> {
    crate::object::args::exact("_set_sentinel", a, k, 0)?;
    new_lock()
}

fn count(_ts: &ThreadState, _m: &Value, a: &[Value], k: Option<&Value>) -> PyResult<Value> {
    crate::object::args::exact("_count", a, k, 0)?;
    Ok(int::from_i64(0))
}

fn stack_size(ts: &ThreadState, _m: &Value, a: &[Value], k: Option<&Value>) -> PyResult<Value> {
    let a = crate::object::args::positional("stack_size", a, k, 0, 1)?;
    if let Some(n) = a.first() {
        let n = crate::object::protocol::index_isize(ts, n)?;
        if n != 0 && n < 32768 {
            return Err(PyErr::value_error(format!("size not valid: {n} bytes")));
        }
    }
    Ok(int::from_i64(0))
}

fn exit_thread(_ts: &ThreadState, _m: &Value, a: &[Value], k: Option<&Value>) -> PyResult<Value> {
    crate::object::args::exact("exit", a, k, 0)?;
    Err(PyErr::new(&exc::SYSTEM_EXIT, ""))
}

fn start_new_thread(_ts: &ThreadState, _m: &Value, _a: &[Value], _k: Option<&Value>) -> PyResult<Value> {
    Err(PyErr::runtime_error("can't start new thread"))
}

/// Create the `_thread` module.
pub fn create(ts: &ThreadState) -> PyResult<Value> {
    let (m, d) = super::new_native_module(
        ts,
        "_thread",
        &[
            ("allocate_lock", allocate_lock),
            ("allocate", allocate_lock),
            ("get_ident", get_ident),
            ("get_native_id", get_native_id),
            ("_count", count),
            ("_set_sentinel", set_sentinel),
            ("stack_size", stack_size),
            ("exit", exit_thread),
            ("exit_thread", exit_thread),
            ("start_new_thread", start_new_thread),
            ("start_new", start_new_thread),
        ],
    )?;
    super::set_attr(ts, &d, "LockType", LOCK_TYPE.to_value())?;
    super::set_attr(ts, &d, "RLock", RLOCK_TYPE.to_value())?;
    super::set_attr(ts, &d, "_local", LOCAL_TYPE.to_value())?;
    super::set_attr(ts, &d, "error", exc::RUNTIME_ERROR.to_value())?;
    super::set_attr(ts, &d, "TIMEOUT_MAX", float::new_float(TIMEOUT_MAX))?;
    Ok(m)
}
