//! `_collections`: `deque` and its iterators, `defaultdict`,
//! `_count_elements` and `_tuplegetter` (CPython's Modules/_collectionsmodule.c).
//!
//! A deque is a `VecDeque` with a mutation counter (`state`) that iterators
//! and comparisons check, as CPython's does; no borrow of the items is held
//! while Python code (`__eq__`) runs.

use std::cell::{Cell, RefCell};
use std::collections::VecDeque;

use crate::object::args;
use crate::object::protocol;
use crate::object::typeobj::{CompareOp, PyType, TypeObject, TPFLAGS_BASETYPE, TPFLAGS_HAVE_GC};
use crate::object::value::{PyObject, PyPayload, Value};
use crate::runtime::errors::{PyErr, PyResult};
use crate::runtime::thread::ThreadState;
use crate::types::{bool_, dict, int, none, str as pystr, tuple};

type Args<'a> = &'a [Value];
type Kw<'a> = Option<&'a Value>;

/// `collections.deque`.
pub struct PyDeque {
    items: RefCell<VecDeque<Value>>,
    maxlen: Cell<Option<usize>>,
    state: Cell<u64>,
    /// Where CPython's first block would start (0..64), for `__sizeof__`.
    leftindex: Cell<usize>,
}

/// CPython's deque block length and the index a fresh deque starts at.
const BLOCKLEN: usize = 64;
const CENTER_START: usize = (BLOCKLEN - 1) / 2 + 1;

/// `_collections._deque_iterator` / `_deque_reverse_iterator`.
pub struct DequeIter {
    deque: Value,
    index: Cell<usize>,
    state: u64,
    remaining: Cell<usize>,
}
/// The reversed iterator (same state, walking back).
pub struct DequeRevIter(DequeIter);

/// `_collections._tuplegetter`: the field descriptors of namedtuple classes.
pub struct TupleGetter {
    index: isize,
    doc: RefCell<Value>,
}

/// `collections.deque`.
pub static DEQUE_TYPE: PyType = PyObject::new_static(
    &crate::types::typeobject::TYPE_TYPE,
    TypeObject::builtin::<PyDeque>("collections.deque", &DEQUE_TYPE, Some(&crate::types::object::OBJECT_TYPE), TPFLAGS_BASETYPE | TPFLAGS_HAVE_GC),
);
/// `_collections._deque_iterator`.
pub static DEQUE_ITER_TYPE: PyType = PyObject::new_static(
    &crate::types::typeobject::TYPE_TYPE,
    TypeObject::builtin::<DequeIter>("_collections._deque_iterator", &DEQUE_ITER_TYPE, Some(&crate::types::object::OBJECT_TYPE), TPFLAGS_HAVE_GC),
);
/// `_collections._deque_reverse_iterator`.
pub static DEQUE_REV_ITER_TYPE: PyType = PyObject::new_static(
    &crate::types::typeobject::TYPE_TYPE,
    TypeObject::builtin::<DequeRevIter>(
        "_collections._deque_reverse_iterator",
        &DEQUE_REV_ITER_TYPE,
        Some(&crate::types::object::OBJECT_TYPE),
        TPFLAGS_HAVE_GC,
    ),
);
/// `_collections._tuplegetter`.
pub static TUPLEGETTER_TYPE: PyType = PyObject::new_static(
    &crate::types::typeobject::TYPE_TYPE,
    TypeObject::builtin::<TupleGetter>("_collections._tuplegetter", &TUPLEGETTER_TYPE, Some(&crate::types::object::OBJECT_TYPE), TPFLAGS_HAVE_GC),
);
impl PyPayload for PyDeque {
    fn class() -> &'static PyType {
        &DEQUE_TYPE
    }
}
impl PyPayload for DequeIter {
    fn class() -> &'static PyType {
        &DEQUE_ITER_TYPE
    }
}
impl PyPayload for DequeRevIter {
    fn class() -> &'static PyType {
        &DEQUE_REV_ITER_TYPE
    }
}
impl PyPayload for TupleGetter {
    fn class() -> &'static PyType {
        &TUPLEGETTER_TYPE
    }
}

/// The static types of this module.
pub fn types() -> Vec<&'static PyType> {
    vec![&DEQUE_TYPE, &DEQUE_ITER_TYPE, &DEQUE_REV_ITER_TYPE, &TUPLEGETTER_TYPE]
}

fn this(v: &Value) -> PyResult<&PyDeque> {
    v.downcast::<PyDeque>().ok_or_else(|| PyErr::type_error("descriptor requires a 'collections.deque' object"))
}

impl PyDeque {
    fn bump(&self) {
        self.state.set(self.state.get().wrapping_add(1));
    }
    fn len(&self) -> usize {
        self.items.borrow().len()
    }
    fn snapshot(&self) -> Vec<Value> {
        self.items.borrow().iter().cloned().collect()
    }
    fn get(&self, i: usize) -> Option<Value> {
        self.items.borrow().get(i).cloned()
    }
    /// append with the maxlen rule: a full deque drops from the other end.
    fn push_back(&self, x: Value) {
        if self.maxlen.get() == Some(0) {
            return;
        }
        self.bump();
        let dropped = {
            let mut items = self.items.borrow_mut();
            items.push_back(x);
            match self.maxlen.get() {
                Some(m) if items.len() > m => {
                    self.leftindex.set((self.leftindex.get() + 1) % BLOCKLEN);
                    items.pop_front()
                }
                _ => None,
            }
        };
        drop(dropped);
    }
    fn push_front(&self, x: Value) {
        if self.maxlen.get() == Some(0) {
            return;
        }
        self.bump();
        self.leftindex.set((self.leftindex.get() + BLOCKLEN - 1) % BLOCKLEN);
        let dropped = {
            let mut items = self.items.borrow_mut();
            items.push_front(x);
            match self.maxlen.get() {
                Some(m) if items.len() > m => items.pop_back(),
                _ => None,
            }
        };
        drop(dropped);
    }
    fn clear(&self) {
        self.bump();
        self.leftindex.set(CENTER_START);
        let old = std::mem::take(&mut *self.items.borrow_mut());
        drop(old);
    }
}

fn deque_new(_ts: &ThreadState, cls: &Value, _a: Args, _k: Kw) -> PyResult<Value> {
    Value::new_instance(cls, PyDeque { items: RefCell::new(VecDeque::new()), maxlen: Cell::new(None), state: Cell::new(0), leftindex: Cell::new(CENTER_START) })
}

fn maxlen_arg(ts: &ThreadState, m: Option<Value>) -> PyResult<Option<usize>> {
    match m.filter(|m| !none::is_none(m)) {
        None => Ok(None),
        Some(m) => {
            if !int::is_int(&m) && m.type_of().data.slots.index.get().is_none() {
                return Err(PyErr::type_error("an integer is required"));
            }
            let n = int::ssize_arg(ts, &m)?;
            if n < 0 {
                return Err(PyErr::value_error("maxlen must be non-negative"));
            }
            Ok(Some(n as usize))
        }
    }
}

fn deque_init(ts: &ThreadState, v: &Value, a: Args, k: Kw) -> PyResult<()> {
    let [iterable, maxlen] = args::bind("deque", a, k, ["iterable", "maxlen"], 0, 0, 2)?;
    let d = this(v)?;
    d.maxlen.set(maxlen_arg(ts, maxlen)?);
    if d.len() > 0 {
        d.clear();
    }
    if let Some(it) = iterable {
        extend(ts, v, &it)?;
    }
    Ok(())
}

fn extend(ts: &ThreadState, v: &Value, iterable: &Value) -> PyResult<()> {
    let d = this(v)?;
    // CPython starts an empty deque's block at its left end before appending.
    if d.len() == 0 {
        d.leftindex.set(1);
    }
    if iterable.is(v) {
        for x in d.snapshot() {
            d.push_back(x);
        }
        return Ok(());
    }
    let it = protocol::get_iter(ts, iterable)?;
    while let Some(x) = protocol::next(ts, &it)? {
        d.push_back(x);
    }
    Ok(())
}

fn extendleft(ts: &ThreadState, v: &Value, iterable: &Value) -> PyResult<()> {
    let d = this(v)?;
    if d.len() == 0 {
        d.leftindex.set(BLOCKLEN - 1);
    }
    let items = if iterable.is(v) { d.snapshot() } else { protocol::collect(ts, iterable)? };
    for x in items {
        d.push_front(x);
    }
    Ok(())
}

fn m_append(_ts: &ThreadState, v: &Value, a: Args, k: Kw) -> PyResult<Value> {
    let a = args::exact("append", a, k, 1)?;
    this(v)?.push_back(a[0].clone());
    Ok(none::none())
}
fn m_appendleft(_ts: &ThreadState, v: &Value, a: Args, k: Kw) -> PyResult<Value> {
    let a = args::exact("appendleft", a, k, 1)?;
    this(v)?.push_front(a[0].clone());
    Ok(none::none())
}
fn m_pop(_ts: &ThreadState, v: &Value, a: Args, k: Kw) -> PyResult<Value> {
    args::exact("pop", a, k, 0)?;
    let d = this(v)?;
    let x = d.items.borrow_mut().pop_back().ok_or_else(|| PyErr::index_error("pop from an empty deque"))?;
    d.bump();
    if d.len() == 0 {
        d.leftindex.set(CENTER_START);
    }
    Ok(x)
}
fn m_popleft(_ts: &ThreadState, v: &Value, a: Args, k: Kw) -> PyResult<Value> {
    args::exact("popleft", a, k, 0)?;
    let d = this(v)?;
    let x = d.items.borrow_mut().pop_front().ok_or_else(|| PyErr::index_error("pop from an empty deque"))?;
    d.bump();
    d.leftindex.set(if d.len() == 0 { CENTER_START } else { (d.leftindex.get() + 1) % BLOCKLEN });
    Ok(x)
}
fn m_extend(ts: &ThreadState, v: &Value, a: Args, k: Kw) -> PyResult<Value> {
    let a = args::exact("extend", a, k, 1)?;
    extend(ts, v, &a[0])?;
    Ok(none::none())
}
fn m_extendleft(ts: &ThreadState, v: &Value, a: Args, k: Kw) -> PyResult<Value> {
    let a = args::exact("extendleft", a, k, 1)?;
    extendleft(ts, v, &a[0])?;
    Ok(none::none())
}
fn m_clear(_ts: &ThreadState, v: &Value, a: Args, k: Kw) -> PyResult<Value> {
    args::exact("clear", a, k, 0)?;
    this(v)?.clear();
    Ok(none::none())
}

/// `deque.copy()`: a subclass is copied by calling it, as CPython does.
fn copy_of(ts: &ThreadState, v: &Value) -> PyResult<Value> {
    let d = this(v)?;
    if v.is_exact(&DEQUE_TYPE) {
        let n = Value::new(PyDeque { items: RefCell::new(d.items.borrow().clone()), maxlen: Cell::new(d.maxlen.get()), state: Cell::new(0), leftindex: Cell::new(if d.len() > 0 { 1 } else { CENTER_START }) })?;
        return Ok(n);
    }
    let cls = v.type_of().to_value();
    match d.maxlen.get() {
        None => protocol::call(ts, &cls, std::slice::from_ref(v), None),
        Some(m) => {
            let kw = tuple::new_tuple(vec![pystr::intern("maxlen")])?;
            protocol::call(ts, &cls, &[v.clone(), int::from_usize(m)], Some(&kw))
        }
    }
}

fn m_copy(ts: &ThreadState, v: &Value, a: Args, k: Kw) -> PyResult<Value> {
    args::exact("copy", a, k, 0)?;
    copy_of(ts, v)
}

fn m_count(ts: &ThreadState, v: &Value, a: Args, k: Kw) -> PyResult<Value> {
    let a = args::exact("count", a, k, 1)?;
    let d = this(v)?;
    let state = d.state.get();
    let mut n = 0i64;
    let mut i = 0;
    while let Some(x) = d.get(i) {
        let eq = protocol::eq(ts, &x, &a[0])?;
        if d.state.get() != state {
            return Err(PyErr::runtime_error("deque mutated during iteration"));
        }
        if eq {
            n += 1;
        }
        i += 1;
    }
    Ok(int::from_i64(n))
}

/// Clamp a start/stop argument of `index` as slices do.
fn clamp_index(ts: &ThreadState, v: &Value, len: usize) -> PyResult<usize> {
    if !int::is_int(v) && v.type_of().data.slots.index.get().is_none() {
        return Err(PyErr::type_error("slice indices must be integers or have an __index__ method"));
    }
    let i = protocol::index(ts, v)?;
    // Out-of-range values clamp, as slice indices do.
    let i = match int::as_int(&i).and_then(|x| x.to_i64()) {
        Some(x) => x.clamp(isize::MIN as i64, isize::MAX as i64) as isize,
        None if int::is_negative(&i) => isize::MIN,
        None => isize::MAX,
    };
    let len = len as isize;
    Ok(if i < 0 { (i + len).max(0) } else { i.min(len) } as usize)
}

fn m_index(ts: &ThreadState, v: &Value, a: Args, k: Kw) -> PyResult<Value> {
    let a = args::positional("index", a, k, 1, 3)?;
    let d = this(v)?;
    let len = d.len();
    let start = match a.get(1) {
        Some(s) => clamp_index(ts, s, len)?,
        None => 0,
    };
    let stop = match a.get(2) {
        Some(s) => clamp_index(ts, s, len)?,
        None => len,
    };
    let state = d.state.get();
    let mut i = start;
    while i < stop {
        let Some(x) = d.get(i) else { break };
        let eq = protocol::eq(ts, &x, &a[0])?;
        if d.state.get() != state {
            return Err(PyErr::runtime_error("deque mutated during iteration"));
        }
        if eq {
            return Ok(int::from_usize(i));
        }
        i += 1;
    }
    Err(PyErr::value_error(format!("{} is not in deque", protocol::repr_string(ts, &a[0])?)))
}

fn m_insert(ts: &ThreadState, v: &Value, a: Args, k: Kw) -> PyResult<Value> {
    let a = args::positional("insert", a, k, 2, 2)?;
    let d = this(v)?;
    let i = int::ssize_arg(ts, &a[0])?;
    let len = d.len();
    if d.maxlen.get() == Some(len) {
        return Err(PyErr::index_error("deque already at its maximum size"));
    }
    let l = len as isize;
    let pos = if i < 0 { (i + l).max(0) } else { i.min(l) } as usize;
    d.bump();
    d.items.borrow_mut().insert(pos, a[1].clone());
    Ok(none::none())
}

fn m_remove(ts: &ThreadState, v: &Value, a: Args, k: Kw) -> PyResult<Value> {
    let a = args::exact("remove", a, k, 1)?;
    let d = this(v)?;
    let state = d.state.get();
    let mut i = 0;
    while let Some(x) = d.get(i) {
        let eq = protocol::eq(ts, &x, &a[0])?;
        if d.state.get() != state {
            return Err(PyErr::index_error("deque mutated during iteration"));
        }
        if eq {
            d.bump();
            let removed = d.items.borrow_mut().remove(i);
            drop(removed);
            return Ok(none::none());
        }
        i += 1;
    }
    Err(PyErr::value_error(format!("{} is not in deque", protocol::repr_string(ts, &a[0])?)))
}

fn m_reverse(_ts: &ThreadState, v: &Value, a: Args, k: Kw) -> PyResult<Value> {
    args::exact("reverse", a, k, 0)?;
    let d = this(v)?;
    d.bump();
    d.items.borrow_mut().make_contiguous().reverse();
    Ok(none::none())
}

fn m_rotate(ts: &ThreadState, v: &Value, a: Args, k: Kw) -> PyResult<Value> {
    let a = args::positional("rotate", a, k, 0, 1)?;
    let d = this(v)?;
    let n = match a.first() {
        Some(n) => int::ssize_arg(ts, n)?,
        None => 1,
    };
    let len = d.len();
    if len > 1 {
        let r = n.rem_euclid(len as isize) as usize;
        d.bump();
        d.items.borrow_mut().rotate_right(r);
    }
    Ok(none::none())
}

fn m_reduce(ts: &ThreadState, v: &Value, a: Args, k: Kw) -> PyResult<Value> {
    args::exact("__reduce__", a, k, 0)?;
    let d = this(v)?;
    let state = protocol::instance_dict(v).filter(|dd| dict::as_dict(dd).is_some_and(|x| !x.keys().is_empty())).unwrap_or_else(none::none);
    let cls = v.type_of().to_value();
    let it = protocol::get_iter(ts, v)?;
    let args = match d.maxlen.get() {
        None => tuple::new_tuple(vec![])?,
        Some(m) => tuple::new_tuple(vec![tuple::new_tuple(vec![])?, int::from_usize(m)])?,
    };
    tuple::new_tuple(vec![cls, args, state, it])
}

fn m_sizeof(_ts: &ThreadState, v: &Value, a: Args, k: Kw) -> PyResult<Value> {
    args::exact("__sizeof__", a, k, 0)?;
    let d = this(v)?;
    // CPython: the object (216 bytes) plus its blocks of 64 slots and two links.
    let blocks = (d.leftindex.get() + d.len() + BLOCKLEN - 1) / BLOCKLEN;
    Ok(int::from_usize(216 + blocks.max(1) * (BLOCKLEN * 8 + 16)))
}

fn m_reversed(_ts: &ThreadState, v: &Value, a: Args, k: Kw) -> PyResult<Value> {
    args::exact("__reversed__", a, k, 0)?;
    let d = this(v)?;
    let n = d.len();
    Value::new(DequeRevIter(DequeIter { deque: v.clone(), index: Cell::new(n), state: d.state.get(), remaining: Cell::new(n) }))
}

fn m_class_getitem(_ts: &ThreadState, cls: &Value, a: Args, k: Kw) -> PyResult<Value> {
    let a = args::exact("__class_getitem__", a, k, 1)?;
    crate::types::genericalias::new_generic_alias(cls.clone(), a[0].clone())
}

fn maxlen_get(_ts: &ThreadState, v: &Value) -> PyResult<Value> {
    Ok(this(v)?.maxlen.get().map_or_else(none::none, int::from_usize))
}

fn deque_len(_ts: &ThreadState, v: &Value) -> PyResult<usize> {
    Ok(this(v)?.len())
}

fn seq_index(ts: &ThreadState, key: &Value, len: usize) -> PyResult<usize> {
    if !int::is_int(key) && key.type_of().data.slots.index.get().is_none() {
        return Err(PyErr::type_error(format!("sequence index must be integer, not '{}'", protocol::type_name(key))));
    }
    let i = protocol::index_isize(ts, key)?;
    let idx = if i < 0 { i + len as isize } else { i };
    if idx < 0 || idx as usize >= len {
        return Err(PyErr::index_error("deque index out of range"));
    }
    Ok(idx as usize)
}

fn deque_getitem(ts: &ThreadState, v: &Value, key: &Value) -> PyResult<Value> {
    let d = this(v)?;
    let i = seq_index(ts, key, d.len())?;
    d.get(i).ok_or_else(|| PyErr::index_error("deque index out of range"))
}

fn deque_setitem(ts: &ThreadState, v: &Value, key: &Value, value: Option<&Value>) -> PyResult<()> {
    let d = this(v)?;
    let i = seq_index(ts, key, d.len())?;
    let old = match value {
        Some(x) => d.items.borrow_mut().get_mut(i).map(|slot| std::mem::replace(slot, x.clone())),
        None => {
            d.bump();
            d.items.borrow_mut().remove(i)
        }
    };
    drop(old);
    Ok(())
}

fn deque_contains(ts: &ThreadState, v: &Value, x: &Value) -> PyResult<bool> {
    let d = this(v)?;
    let state = d.state.get();
    let mut i = 0;
    while let Some(y) = d.get(i) {
        let eq = protocol::eq(ts, &y, x)?;
        if d.state.get() != state {
            return Err(PyErr::runtime_error("deque mutated during iteration"));
        }
        if eq {
            return Ok(true);
        }
        i += 1;
    }
    Ok(false)
}

fn deque_repr(ts: &ThreadState, v: &Value) -> PyResult<Value> {
    let d = this(v)?;
    let name = {
        let n = v.type_of().name();
        n.rsplit('.').next().unwrap_or(&n).to_string()
    };
    let Some(_g) = crate::types::ReprGuard::enter(ts, v) else {
        return Ok(pystr::new_str("[...]"));
    };
    let items = d.snapshot();
    let parts = items.iter().map(|x| protocol::repr_string(ts, x)).collect::<PyResult<Vec<_>>>()?;
    let body = format!("[{}]", parts.join(", "));
    Ok(pystr::new_str(&match d.maxlen.get() {
        Some(m) => format!("{name}({body}, maxlen={m})"),
        None => format!("{name}({body})"),
    }))
}

fn deque_richcompare(ts: &ThreadState, v: &Value, w: &Value, op: CompareOp) -> PyResult<Value> {
    let (Some(a), Some(b)) = (v.downcast::<PyDeque>(), w.downcast::<PyDeque>()) else {
        return Ok(none::not_implemented());
    };
    let (x, y) = (a.snapshot(), b.snapshot());
    if matches!(op, CompareOp::Eq | CompareOp::Ne) && x.len() != y.len() {
        return Ok(bool_::new_bool(op == CompareOp::Ne));
    }
    tuple::seq_richcompare(ts, &x, &y, op)
}

fn deque_iter(_ts: &ThreadState, v: &Value) -> PyResult<Value> {
    let d = this(v)?;
    Value::new(DequeIter { deque: v.clone(), index: Cell::new(0), state: d.state.get(), remaining: Cell::new(d.len()) })
}

fn deque_concat(ts: &ThreadState, v: &Value, w: &Value) -> PyResult<Value> {
    if w.downcast::<PyDeque>().is_none() {
        return Err(PyErr::type_error(format!("can only concatenate deque (not \"{}\") to deque", protocol::type_name(w))));
    }
    let n = copy_of(ts, v)?;
    extend(ts, &n, w)?;
    Ok(n)
}

fn deque_inplace_concat(ts: &ThreadState, v: &Value, w: &Value) -> PyResult<Value> {
    extend(ts, v, w)?;
    Ok(v.clone())
}

fn inplace_repeat(ts: &ThreadState, v: &Value, n: &Value) -> PyResult<Value> {
    let d = this(v)?;
    let n = int::ssize_arg(ts, n)?;
    if n <= 0 {
        d.clear();
        return Ok(v.clone());
    }
    let items = d.snapshot();
    let limit = d.maxlen.get().unwrap_or(usize::MAX);
    let total = items.len().saturating_mul(n as usize);
    if d.maxlen.get().is_none() && items.len().checked_mul(n as usize).is_none() {
        return Err(PyErr::no_memory());
    }
    // Only the last `maxlen` items of the result survive.
    let keep = total.min(limit);
    let mut out = VecDeque::new();
    out.try_reserve(keep).map_err(|_| PyErr::no_memory())?;
    if !items.is_empty() {
        let skip = total - keep;
        for k in skip..total {
            out.push_back(items[k % items.len()].clone());
        }
    }
    d.bump();
    let old = std::mem::replace(&mut *d.items.borrow_mut(), out);
    drop(old);
    Ok(v.clone())
}

fn deque_repeat(ts: &ThreadState, v: &Value, n: &Value) -> PyResult<Value> {
    let c = copy_of(ts, v)?;
    inplace_repeat(ts, &c, n)
}

fn iter_next(_ts: &ThreadState, it: &DequeIter, reverse: bool) -> PyResult<Option<Value>> {
    let d = this(&it.deque)?;
    if d.state.get() != it.state {
        it.remaining.set(0);
        return Err(PyErr::runtime_error("deque mutated during iteration"));
    }
    if it.remaining.get() == 0 {
        return Ok(None);
    }
    let i = it.index.get();
    let x = if reverse {
        it.index.set(i - 1);
        d.get(i - 1)
    } else {
        it.index.set(i + 1);
        d.get(i)
    };
    it.remaining.set(it.remaining.get() - 1);
    Ok(x)
}

fn deque_iter_next(ts: &ThreadState, v: &Value) -> PyResult<Option<Value>> {
    iter_next(ts, v.downcast::<DequeIter>().ok_or_else(|| PyErr::type_error("_deque_iterator expected"))?, false)
}
fn deque_rev_iter_next(ts: &ThreadState, v: &Value) -> PyResult<Option<Value>> {
    iter_next(ts, &v.downcast::<DequeRevIter>().ok_or_else(|| PyErr::type_error("_deque_reverse_iterator expected"))?.0, true)
}
fn iter_length_hint(_ts: &ThreadState, v: &Value, _a: Args, _k: Kw) -> PyResult<Value> {
    let n = match v.downcast::<DequeIter>() {
        Some(i) => i.remaining.get(),
        None => v.downcast::<DequeRevIter>().map_or(0, |i| i.0.remaining.get()),
    };
    Ok(int::from_usize(n))
}
/// `(type(it), (deque, consumed))`, which `_deque_iterator(deque, n)` restores.
fn iter_reduce(_ts: &ThreadState, v: &Value, a: Args, k: Kw) -> PyResult<Value> {
    args::exact("__reduce__", a, k, 0)?;
    let it = match v.downcast::<DequeIter>() {
        Some(i) => i,
        None => &v.downcast::<DequeRevIter>().ok_or_else(|| PyErr::type_error("_deque_iterator expected"))?.0,
    };
    let d = this(&it.deque)?;
    let consumed = d.len().saturating_sub(it.remaining.get());
    tuple::new_tuple(vec![v.type_of().to_value(), tuple::new_tuple(vec![it.deque.clone(), int::from_usize(consumed)])?])
}

fn self_iter(_ts: &ThreadState, v: &Value) -> PyResult<Value> {
    Ok(v.clone())
}

fn iter_new(ts: &ThreadState, cls: &Value, a: Args, k: Kw) -> PyResult<Value> {
    let a = args::positional("_deque_iterator", a, k, 1, 2)?;
    let d = this(&a[0])?;
    let reverse = cls.is(&DEQUE_REV_ITER_TYPE.to_value());
    let n = d.len();
    let skip = match a.get(1) {
        Some(i) => int::ssize_arg(ts, i)?.clamp(0, n as isize) as usize,
        None => 0,
    };
    let it = DequeIter { deque: a[0].clone(), index: Cell::new(if reverse { n - skip } else { skip }), state: d.state.get(), remaining: Cell::new(n - skip) };
    if reverse {
        Value::new(DequeRevIter(it))
    } else {
        Value::new(it)
    }
}

fn tuplegetter_new(ts: &ThreadState, _cls: &Value, a: Args, k: Kw) -> PyResult<Value> {
    let a = args::positional("_tuplegetter", a, k, 2, 2)?;
    let index = int::ssize_arg(ts, &a[0])?;
    Value::new(TupleGetter { index, doc: RefCell::new(a[1].clone()) })
}

fn tuplegetter_get(_ts: &ThreadState, v: &Value, obj: Option<&Value>, _owner: Option<&Value>) -> PyResult<Value> {
    let g = v.downcast::<TupleGetter>().ok_or_else(|| PyErr::type_error("_tuplegetter expected"))?;
    let Some(obj) = obj.filter(|o| !none::is_none(o)) else { return Ok(v.clone()) };
    let Some(items) = tuple::try_tuple_items(obj) else {
        return Err(PyErr::type_error(format!(
            "descriptor for index '{}' for tuple subclasses doesn't apply to '{}' object",
            g.index,
            protocol::type_name(obj)
        )));
    };
    usize::try_from(g.index).ok().and_then(|i| items.get(i).cloned()).ok_or_else(|| PyErr::index_error("tuple index out of range"))
}

fn tuplegetter_set(_ts: &ThreadState, _v: &Value, _obj: &Value, value: Option<&Value>) -> PyResult<()> {
    Err(PyErr::attribute_error(if value.is_some() { "can't set attribute" } else { "can't delete attribute" }))
}

fn tuplegetter_doc_get(_ts: &ThreadState, v: &Value) -> PyResult<Value> {
    Ok(v.downcast::<TupleGetter>().map(|g| g.doc.borrow().clone()).unwrap_or_else(none::none))
}
fn tuplegetter_doc_set(_ts: &ThreadState, v: &Value, value: Option<&Value>) -> PyResult<()> {
    if let Some(g) = v.downcast::<TupleGetter>() {
        drop(g.doc.replace(value.cloned().unwrap_or_else(none::none)));
    }
    Ok(())
}

fn tuplegetter_reduce(_ts: &ThreadState, v: &Value, _a: Args, _k: Kw) -> PyResult<Value> {
    let g = v.downcast::<TupleGetter>().ok_or_else(|| PyErr::type_error("_tuplegetter expected"))?;
    tuple::new_tuple(vec![v.type_of().to_value(), tuple::new_tuple(vec![int::from_i64(g.index as i64), g.doc.borrow().clone()])?])
}

/// `_count_elements(mapping, iterable)`: Counter's tallying loop.
fn count_elements(ts: &ThreadState, _m: &Value, a: Args, k: Kw) -> PyResult<Value> {
    let a = args::positional("_count_elements", a, k, 2, 2)?;
    let (mapping, iterable) = (&a[0], &a[1]);
    let it = protocol::get_iter(ts, iterable)?;
    let one = int::from_i64(1);
    let get = protocol::getattr_str(ts, mapping, "get")?;
    let zero = int::from_i64(0);
    while let Some(x) = protocol::next(ts, &it)? {
        let cur = protocol::call(ts, &get, &[x.clone(), zero.clone()], None)?;
        let new = protocol::binary_op(ts, &cur, &one, crate::object::typeobj::nb::ADD)?;
        protocol::setitem(ts, mapping, &x, Some(&new))?;
    }
    Ok(none::none())
}

/// Fill the static types.
pub fn init() {
    use crate::types::descr::{add_getsets, add_methods, add_methods_kind, MethodKind};
    let s = &DEQUE_TYPE.data.slots;
    s.new.set(Some(deque_new));
    s.init.set(Some(deque_init));
    s.getattro.set(Some(protocol::generic_getattr));
    s.repr.set(Some(deque_repr));
    s.hash.set(Some(crate::types::object::hash_not_implemented));
    s.richcompare.set(Some(deque_richcompare));
    s.iter.set(Some(deque_iter));
    s.length.set(Some(deque_len));
    s.subscript.set(Some(deque_getitem));
    s.ass_subscript.set(Some(deque_setitem));
    s.contains.set(Some(deque_contains));
    s.concat.set(Some(deque_concat));
    s.inplace_concat.set(Some(deque_inplace_concat));
    s.repeat.set(Some(deque_repeat));
    s.inplace_repeat.set(Some(inplace_repeat));
    add_methods(
        &DEQUE_TYPE,
        &[
            ("append", m_append),
            ("appendleft", m_appendleft),
            ("pop", m_pop),
            ("popleft", m_popleft),
            ("extend", m_extend),
            ("extendleft", m_extendleft),
            ("clear", m_clear),
            ("copy", m_copy),
            ("__copy__", m_copy),
            ("count", m_count),
            ("index", m_index),
            ("insert", m_insert),
            ("remove", m_remove),
            ("reverse", m_reverse),
            ("rotate", m_rotate),
            ("__reduce__", m_reduce),
            ("__sizeof__", m_sizeof),
            ("__reversed__", m_reversed),
        ],
    );
    add_methods_kind(&DEQUE_TYPE, &[("__class_getitem__", m_class_getitem)], MethodKind::Class);
    add_getsets(&DEQUE_TYPE, &[("maxlen", maxlen_get, None)]);
    for t in [&DEQUE_ITER_TYPE, &DEQUE_REV_ITER_TYPE] {
        t.data.slots.iter.set(Some(self_iter));
        t.data.slots.getattro.set(Some(protocol::generic_getattr));
        t.data.slots.new.set(Some(iter_new));
        add_methods(t, &[("__length_hint__", iter_length_hint), ("__reduce__", iter_reduce)]);
    }
    DEQUE_ITER_TYPE.data.slots.iternext.set(Some(deque_iter_next));
    DEQUE_REV_ITER_TYPE.data.slots.iternext.set(Some(deque_rev_iter_next));
    let s = &TUPLEGETTER_TYPE.data.slots;
    s.new.set(Some(tuplegetter_new));
    s.getattro.set(Some(protocol::generic_getattr));
    s.descr_get.set(Some(tuplegetter_get));
    s.descr_set.set(Some(tuplegetter_set));
    add_getsets(&TUPLEGETTER_TYPE, &[("__doc__", tuplegetter_doc_get, Some(tuplegetter_doc_set))]);
    add_methods(&TUPLEGETTER_TYPE, &[("__reduce__", tuplegetter_reduce)]);
}

/// `defaultdict`, defined in Python on top of dict's `__missing__` hook
/// (dict's layout belongs to the dict implementation).
const DEFAULTDICT_SOURCE: &str = r#"
class defaultdict(dict):
    """defaultdict(default_factory=None, /, [...]) --> dict with default factory

The default factory is called without arguments to produce
a new value when a key is not present, in __getitem__ only.
A defaultdict compares equal to a dict with the same items.
All remaining arguments are treated the same as if they were
passed to the dict constructor, including keyword arguments.
"""
    __slots__ = ('default_factory',)

    def __init__(self, default_factory=None, /, *args, **kwds):
        if default_factory is not None and not callable(default_factory):
            raise TypeError("first argument must be callable or None")
        self.default_factory = default_factory
        dict.__init__(self, *args, **kwds)

    def __missing__(self, key):
        factory = self.default_factory
        if factory is None:
            raise KeyError(key)
        self[key] = value = factory()
        return value

    def __repr__(self):
        factory = self.default_factory
        if factory is None:
            frepr = 'None'
        elif _repr_running.get(id(self)):
            frepr = '...'
        else:
            _repr_running[id(self)] = True
            try:
                frepr = repr(factory)
            finally:
                del _repr_running[id(self)]
        return f'{type(self).__name__}({frepr}, {dict.__repr__(self)})'

    def copy(self):
        return type(self)(self.default_factory, self)

    __copy__ = copy

    def __reduce__(self):
        args = (self.default_factory,) if self.default_factory is not None else ()
        return (type(self), args, None, None, iter(self.items()))

    def __or__(self, other):
        if not isinstance(other, dict):
            return NotImplemented
        new = type(self)(self.default_factory, self)
        new.update(other)
        return new

    def __ror__(self, other):
        if not isinstance(other, dict):
            return NotImplemented
        new = type(self)(self.default_factory, other)
        new.update(self)
        return new

    def __ior__(self, other):
        dict.update(self, other)
        return self

_repr_running = {}
defaultdict.__module__ = 'collections'
"#;

/// Create the `_collections` module.
pub fn create(ts: &ThreadState) -> PyResult<Value> {
    let (m, d) = super::new_native_module(ts, "_collections", &[("_count_elements", count_elements)])?;
    super::set_attr(ts, &d, "deque", DEQUE_TYPE.to_value())?;
    super::set_attr(ts, &d, "_deque_iterator", DEQUE_ITER_TYPE.to_value())?;
    super::set_attr(ts, &d, "_deque_reverse_iterator", DEQUE_REV_ITER_TYPE.to_value())?;
    super::set_attr(ts, &d, "_tuplegetter", TUPLEGETTER_TYPE.to_value())?;
    super::set_attr(ts, &d, "__builtins__", super::builtins_module(ts))?;
    let code = crate::runtime::pythonrun::compile_source(ts, DEFAULTDICT_SOURCE.as_bytes(), "<_collections>", "exec", -1)?;
    crate::eval::ceval::eval_code(ts, &code, &d, Some(&d))?;
    Ok(m)
}
