//! `set` and `frozenset` over `set_table` (CPython's probing, so iteration
//! order matches CPython's).

use std::cell::{Cell, UnsafeCell};

use super::dict_table::ProbeResult;
use super::set_table::SetTable;
use crate::object::protocol;
use crate::object::typeobj::{nb, CompareOp, PyType, TypeObject, TPFLAGS_BASETYPE, TPFLAGS_HAVE_GC};
use crate::object::value::{dealloc_builtin, PyObject, PyPayload, Value};
use crate::runtime::errors::{PyErr, PyResult};
use crate::runtime::thread::ThreadState;
use crate::types::{bool_, int, none, str as pystr};

pub struct PySet {
    table: UnsafeCell<SetTable<Value>>,
    hash: Cell<isize>,
}

pub static SET_TYPE: PyType = PyObject::new_static(
    &super::typeobject::TYPE_TYPE,
    TypeObject::builtin::<PySet>("set", &SET_TYPE, Some(&super::object::OBJECT_TYPE), TPFLAGS_BASETYPE | TPFLAGS_HAVE_GC),
);
pub static FROZENSET_TYPE: PyType = PyObject::new_static(
    &super::typeobject::TYPE_TYPE,
    TypeObject::builtin_sublayout(
        "frozenset",
        &super::object::OBJECT_TYPE,
        &SET_TYPE,
        std::mem::size_of::<PyObject<PySet>>(),
        dealloc_builtin::<PySet>,
        TPFLAGS_BASETYPE | TPFLAGS_HAVE_GC,
    ),
);

impl PyPayload for PySet {
    fn class() -> &'static PyType {
        &SET_TYPE
    }
}

pub struct SetIterator {
    set: Value,
    pos: Cell<usize>,
    version: u64,
    len: usize,
}

pub static SET_ITERATOR_TYPE: PyType = PyObject::new_static(
    &super::typeobject::TYPE_TYPE,
    TypeObject::builtin::<SetIterator>("set_iterator", &SET_ITERATOR_TYPE, Some(&super::object::OBJECT_TYPE), TPFLAGS_HAVE_GC),
);

impl PyPayload for SetIterator {
    fn class() -> &'static PyType {
        &SET_ITERATOR_TYPE
    }
}

pub fn types() -> Vec<&'static PyType> {
    vec![&SET_TYPE, &FROZENSET_TYPE, &SET_ITERATOR_TYPE]
}

impl PySet {
    fn new() -> PySet {
        PySet { table: UnsafeCell::new(SetTable::new()), hash: Cell::new(-1) }
    }
    pub fn table(&self) -> &SetTable<Value> {
        // SAFETY: mutations go through `table_mut` in short borrows that
        // never run Python code; one thread uses the object at a time.
        unsafe { &*self.table.get() }
    }
    #[allow(clippy::mut_from_ref)]
    fn table_mut(&self) -> &mut SetTable<Value> {
        // SAFETY: as for `table`.
        unsafe { &mut *self.table.get() }
    }
    pub fn len(&self) -> usize {
        self.table().len()
    }
    pub fn is_empty(&self) -> bool {
        self.table().is_empty()
    }
    pub fn items(&self) -> Vec<Value> {
        self.table().iter().map(|(_, _, k)| k.clone()).collect()
    }

    /// Slot of `key`, comparing with `__eq__` and restarting on mutation.
    fn lookup(&self, ts: &ThreadState, key: &Value, hash: isize) -> PyResult<Option<usize>> {
        'restart: loop {
            let mut p = self.table().probe_start(hash);
            loop {
                match self.table().probe_next(&mut p) {
                    ProbeResult::Empty => return Ok(None),
                    ProbeResult::Candidate(i) => {
                        let Some(k) = self.table().entry(i) else { continue };
                        if k.is(key) {
                            return Ok(Some(i));
                        }
                        let k = k.clone();
                        let layout = self.table().layout_id();
                        let eq = protocol::eq(ts, &k, key)?;
                        if self.table().layout_id() != layout || !self.table().entry(i).is_some_and(|k2| k2.is(&k)) {
                            continue 'restart;
                        }
                        if eq {
                            return Ok(Some(i));
                        }
                    }
                }
            }
        }
    }

    pub fn contains(&self, ts: &ThreadState, key: &Value) -> PyResult<bool> {
        let h = protocol::hash(ts, key)?;
        Ok(self.lookup(ts, key, h)?.is_some())
    }

    pub fn add(&self, ts: &ThreadState, key: Value) -> PyResult<()> {
        let h = protocol::hash(ts, &key)?;
        if self.lookup(ts, &key, h)?.is_none() {
            self.table_mut().insert_new(h, key);
        }
        Ok(())
    }

    /// Remove `key`; whether it was present.
    pub fn discard(&self, ts: &ThreadState, key: &Value) -> PyResult<bool> {
        let h = protocol::hash(ts, key)?;
        match self.lookup(ts, key, h)? {
            Some(i) => {
                let old = self.table_mut().remove(i);
                drop(old);
                Ok(true)
            }
            None => Ok(false),
        }
    }
}

fn is_set_like(v: &Value) -> bool {
    v.downcast::<PySet>().is_some()
}

fn this(v: &Value) -> PyResult<&PySet> {
    v.downcast::<PySet>().ok_or_else(|| PyErr::type_error("set expected"))
}

/// A new set from items.
pub fn new_set_from(ts: &ThreadState, items: Vec<Value>) -> PyResult<Value> {
    let s = PySet::new();
    for it in items {
        s.add(ts, it)?;
    }
    Value::new(s)
}

/// A new frozenset from hashable constant items.
pub fn new_frozenset_from(items: Vec<Value>) -> PyResult<Value> {
    let s = PySet::new();
    match ThreadState::current() {
        Some(ts) => {
            for it in items {
                s.add(ts, it)?;
            }
        }
        None => {
            for it in items {
                let h = match it.as_small_int() {
                    Some(i) => crate::pyhash::hash_i64(i),
                    None => pystr::str_hash(&it),
                };
                if s.table().find(h, |k| k.is(&it)).is_none() {
                    s.table_mut().insert_new(h, it);
                }
            }
        }
    }
    Value::new_with_type(&FROZENSET_TYPE, s)
}

/// SET_ADD / BUILD_SET.
pub fn set_add(ts: &ThreadState, set: &Value, v: Value) -> PyResult<()> {
    this(set)?.add(ts, v)
}

fn new_like(ts: &ThreadState, proto: &Value, items: Vec<Value>) -> PyResult<Value> {
    let s = PySet::new();
    for it in items {
        s.add(ts, it)?;
    }
    if proto.type_of().is_subtype(&FROZENSET_TYPE) {
        Value::new_with_type(&FROZENSET_TYPE, s)
    } else {
        Value::new(s)
    }
}

fn set_repr(ts: &ThreadState, v: &Value) -> PyResult<Value> {
    let s = this(v)?;
    let name = protocol::type_qualname(v.type_of());
    let is_frozen = v.type_of().is_subtype(&FROZENSET_TYPE);
    if s.is_empty() {
        return Ok(pystr::new_str(&format!("{name}()")));
    }
    let Some(_g) = super::ReprGuard::enter(ts, v) else {
        return Ok(pystr::new_str(&format!("{name}(...)")));
    };
    let body = super::tuple::seq_repr(ts, &s.items(), "{", "}")?;
    if v.is_exact(&SET_TYPE) {
        Ok(pystr::new_str(&body))
    } else {
        let _ = is_frozen;
        Ok(pystr::new_str(&format!("{name}({body})")))
    }
}

fn set_len(_ts: &ThreadState, v: &Value) -> PyResult<usize> {
    Ok(this(v)?.len())
}

fn set_contains(ts: &ThreadState, v: &Value, key: &Value) -> PyResult<bool> {
    let s = this(v)?;
    match s.contains(ts, key) {
        Err(e) if e.matches(&super::exceptions::TYPE_ERROR) && key.type_of().is_subtype(&SET_TYPE) && !key.type_of().is_subtype(&FROZENSET_TYPE) => {
            let fs = new_like(ts, &Value::from_static(&EMPTY_FROZEN_PROTO), this(key)?.items())?;
            s.contains(ts, &fs)
        }
        r => r,
    }
}

static EMPTY_FROZEN_PROTO: PyObject<PySet> = PyObject::new_static(&FROZENSET_TYPE, PySet { table: UnsafeCell::new(SetTable::new()), hash: Cell::new(-1) });

fn set_iter(_ts: &ThreadState, v: &Value) -> PyResult<Value> {
    let s = this(v)?;
    Value::new(SetIterator { set: v.clone(), pos: Cell::new(0), version: s.table().layout_id(), len: s.len() })
}

fn set_iter_next(_ts: &ThreadState, it: &Value) -> PyResult<Option<Value>> {
    let it = it.downcast::<SetIterator>().ok_or_else(|| PyErr::type_error("set_iterator expected"))?;
    let s = this(&it.set)?;
    if s.len() != it.len || s.table().layout_id() != it.version {
        if s.len() != it.len {
            return Err(PyErr::runtime_error("Set changed size during iteration"));
        }
    }
    match s.table().next_entry(it.pos.get()) {
        Some((next, _, k)) => {
            it.pos.set(next);
            Ok(Some(k.clone()))
        }
        None => Ok(None),
    }
}

fn self_iter(_ts: &ThreadState, v: &Value) -> PyResult<Value> {
    Ok(v.clone())
}

fn set_hash(ts: &ThreadState, v: &Value) -> PyResult<isize> {
    let s = this(v)?;
    if s.hash.get() != -1 {
        return Ok(s.hash.get());
    }
    let mut hs = Vec::with_capacity(s.len());
    for (_, h, _) in s.table().iter() {
        hs.push(h);
    }
    let _ = ts;
    let h = crate::pyhash::frozenset_hash(hs);
    s.hash.set(h);
    Ok(h)
}

fn subset(ts: &ThreadState, a: &PySet, b: &PySet) -> PyResult<bool> {
    if a.len() > b.len() {
        return Ok(false);
    }
    for x in a.items() {
        if !b.contains(ts, &x)? {
            return Ok(false);
        }
    }
    Ok(true)
}

fn set_richcompare(ts: &ThreadState, v: &Value, w: &Value, op: CompareOp) -> PyResult<Value> {
    let (Some(a), Some(b)) = (v.downcast::<PySet>(), w.downcast::<PySet>()) else {
        return Ok(none::not_implemented());
    };
    let r = match op {
        CompareOp::Eq => a.len() == b.len() && subset(ts, a, b)?,
        CompareOp::Ne => !(a.len() == b.len() && subset(ts, a, b)?),
        CompareOp::Le => subset(ts, a, b)?,
        CompareOp::Ge => subset(ts, b, a)?,
        CompareOp::Lt => a.len() < b.len() && subset(ts, a, b)?,
        CompareOp::Gt => a.len() > b.len() && subset(ts, b, a)?,
    };
    Ok(bool_::new_bool(r))
}

/// Items of any iterable, or of a set.
fn items_of(ts: &ThreadState, v: &Value) -> PyResult<Vec<Value>> {
    match v.downcast::<PySet>() {
        Some(s) => Ok(s.items()),
        None => protocol::collect(ts, v),
    }
}

// The set algebra follows setobject.c step by step (which operand is
// walked, what is copied, in which order keys are added), because the slot
// layout it produces is the iteration order programs observe.

impl PySet {
    /// (hash, key) of every entry, in slot order.
    fn entries(&self) -> Vec<(isize, Value)> {
        self.table().iter().map(|(_, h, k)| (h, k.clone())).collect()
    }
    fn add_hashed(&self, ts: &ThreadState, key: Value, h: isize) -> PyResult<()> {
        if self.lookup(ts, &key, h)?.is_none() {
            self.table_mut().insert_new(h, key);
        }
        Ok(())
    }
    fn discard_hashed(&self, ts: &ThreadState, key: &Value, h: isize) -> PyResult<bool> {
        match self.lookup(ts, key, h)? {
            Some(i) => {
                let old = self.table_mut().remove(i);
                drop(old);
                Ok(true)
            }
            None => Ok(false),
        }
    }
    fn clear_all(&self) {
        let old = self.table_mut().clear();
        drop(old);
    }
}

/// set_update_internal: add every key of `other` to `s`.
fn update_internal(ts: &ThreadState, s: &PySet, other: &Value) -> PyResult<()> {
    if let Some(o) = other.downcast::<PySet>() {
        if std::ptr::eq(o, s) {
            return Ok(());
        }
        // Distinct objects: reading `o` while writing `s` runs no Python code.
        if s.table_mut().merge_start(o.table()) {
            return Ok(());
        }
        for (h, k) in o.entries() {
            s.add_hashed(ts, k, h)?;
        }
        return Ok(());
    }
    if let Some(d) = super::dict::as_dict(other) {
        let items = d.items();
        s.table_mut().reserve_for_update(items.len());
        for (k, _) in items {
            s.add(ts, k)?;
        }
        return Ok(());
    }
    let it = protocol::get_iter(ts, other)?;
    while let Some(k) = protocol::next(ts, &it)? {
        s.add(ts, k)?;
    }
    Ok(())
}

/// An empty set of `proto`'s base kind (set or frozenset).
fn empty_like(proto: &Value) -> PyResult<Value> {
    if proto.type_of().is_subtype(&FROZENSET_TYPE) {
        Value::new_with_type(&FROZENSET_TYPE, PySet::new())
    } else {
        Value::new(PySet::new())
    }
}

/// make_new_set_basetype(type(proto), iterable).
fn new_like_from(ts: &ThreadState, proto: &Value, iterable: &Value) -> PyResult<Value> {
    let r = empty_like(proto)?;
    update_internal(ts, this(&r)?, iterable)?;
    Ok(r)
}

/// set_intersection(so, other).
fn intersection(ts: &ThreadState, so: &Value, other: &Value) -> PyResult<Value> {
    if so.is(other) {
        return new_like_from(ts, so, so);
    }
    let result = empty_like(so)?;
    let r = this(&result)?;
    if let Some(o) = other.downcast::<PySet>() {
        let mut big = this(so)?;
        let mut small = o;
        if small.len() > big.len() {
            std::mem::swap(&mut big, &mut small);
        }
        for (h, k) in small.entries() {
            if big.lookup(ts, &k, h)?.is_some() {
                r.add_hashed(ts, k, h)?;
            }
        }
        return Ok(result);
    }
    let s = this(so)?;
    let it = protocol::get_iter(ts, other)?;
    while let Some(k) = protocol::next(ts, &it)? {
        let h = protocol::hash(ts, &k)?;
        if s.lookup(ts, &k, h)?.is_some() {
            r.add_hashed(ts, k, h)?;
        }
    }
    Ok(result)
}

/// Replace `so`'s table by `other`'s (set_swap_bodies, for the `_update` forms).
fn swap_bodies(so: &Value, other: &Value) -> PyResult<()> {
    let (a, b) = (this(so)?, this(other)?);
    std::mem::swap(a.table_mut(), b.table_mut());
    Ok(())
}

/// set_difference_update_internal(so, other).
fn difference_update_internal(ts: &ThreadState, so: &Value, other: &Value) -> PyResult<()> {
    let s = this(so)?;
    if so.is(other) {
        s.clear_all();
        return Ok(());
    }
    if let Some(o) = other.downcast::<PySet>() {
        // A much larger other set is first narrowed to the common keys.
        let narrowed;
        let o = if (o.len() >> 3) > s.len() {
            narrowed = intersection(ts, so, other)?;
            this(&narrowed)?
        } else {
            o
        };
        for (h, k) in o.entries() {
            s.discard_hashed(ts, &k, h)?;
        }
    } else {
        let it = protocol::get_iter(ts, other)?;
        while let Some(k) = protocol::next(ts, &it)? {
            s.discard(ts, &k)?;
        }
    }
    s.table_mut().compact_after_removals();
    Ok(())
}

/// set_difference(so, other).
fn difference(ts: &ThreadState, so: &Value, other: &Value) -> PyResult<Value> {
    let s = this(so)?;
    let other_size = if let Some(o) = other.downcast::<PySet>() {
        Some(o.len())
    } else {
        super::dict::as_dict(other).map(|d| d.len())
    };
    match other_size {
        Some(n) if (s.len() >> 2) <= n => {}
        _ => {
            let r = new_like_from(ts, so, so)?;
            difference_update_internal(ts, &r, other)?;
            return Ok(r);
        }
    }
    let result = empty_like(so)?;
    let r = this(&result)?;
    if let Some(o) = other.downcast::<PySet>() {
        for (h, k) in s.entries() {
            if o.lookup(ts, &k, h)?.is_none() {
                r.add_hashed(ts, k, h)?;
            }
        }
    } else {
        for (h, k) in s.entries() {
            if !protocol::contains(ts, other, &k)? {
                r.add_hashed(ts, k, h)?;
            }
        }
    }
    Ok(result)
}

/// set_symmetric_difference_update(so, other).
fn symmetric_difference_update(ts: &ThreadState, so: &Value, other: &Value) -> PyResult<()> {
    let s = this(so)?;
    if so.is(other) {
        s.clear_all();
        return Ok(());
    }
    if let Some(d) = super::dict::as_dict(other) {
        for (k, _) in d.items() {
            let h = protocol::hash(ts, &k)?;
            if !s.discard_hashed(ts, &k, h)? {
                s.add_hashed(ts, k, h)?;
            }
        }
        return Ok(());
    }
    let otherset = if other.downcast::<PySet>().is_some() { other.clone() } else { new_like_from(ts, so, other)? };
    for (h, k) in this(&otherset)?.entries() {
        if !s.discard_hashed(ts, &k, h)? {
            s.add_hashed(ts, k, h)?;
        }
    }
    Ok(())
}

/// set_symmetric_difference(so, other): built from `other`'s keys first.
fn symmetric_difference(ts: &ThreadState, so: &Value, other: &Value) -> PyResult<Value> {
    let r = new_like_from(ts, so, other)?;
    symmetric_difference_update(ts, &r, so)?;
    Ok(r)
}

fn set_op(ts: &ThreadState, v: &Value, w: &Value, op: usize) -> PyResult<Value> {
    if !is_set_like(v) || !is_set_like(w) {
        return Ok(none::not_implemented());
    }
    match op {
        nb::OR => {
            let r = new_like_from(ts, v, v)?;
            update_internal(ts, this(&r)?, w)?;
            Ok(r)
        }
        nb::AND => intersection(ts, v, w),
        nb::SUBTRACT => difference(ts, v, w),
        nb::XOR => symmetric_difference(ts, v, w),
        _ => {
            match op - nb::INPLACE {
                nb::OR => update_internal(ts, this(v)?, w)?,
                nb::AND => {
                    let tmp = intersection(ts, v, w)?;
                    swap_bodies(v, &tmp)?;
                }
                nb::SUBTRACT => difference_update_internal(ts, v, w)?,
                _ => symmetric_difference_update(ts, v, w)?,
            }
            Ok(v.clone())
        }
    }
}

macro_rules! ops {
    ($($name:ident => $op:expr),*) => {
        $(fn $name(ts: &ThreadState, v: &Value, w: &Value) -> PyResult<Value> { set_op(ts, v, w, $op) })*
    };
}
ops!(set_or => nb::OR, set_and => nb::AND, set_sub => nb::SUBTRACT, set_xor => nb::XOR,
    set_ior => nb::INPLACE + nb::OR, set_iand => nb::INPLACE + nb::AND, set_isub => nb::INPLACE + nb::SUBTRACT, set_ixor => nb::INPLACE + nb::XOR);

type Args<'a> = &'a [Value];

/// `set.add` / `frozenset.copy`: the owner's name in argument errors.
fn qual(v: &Value, m: &str) -> String {
    let owner = if v.type_of().is_subtype(&FROZENSET_TYPE) { "frozenset" } else { "set" };
    format!("{owner}.{m}")
}

fn m_add(ts: &ThreadState, v: &Value, a: Args, k: Option<&Value>) -> PyResult<Value> {
    let a = crate::object::args::exact(&qual(v, "add"), a, k, 1)?;
    this(v)?.add(ts, a[0].clone())?;
    Ok(none::none())
}
fn m_discard(ts: &ThreadState, v: &Value, a: Args, k: Option<&Value>) -> PyResult<Value> {
    let a = crate::object::args::exact(&qual(v, "discard"), a, k, 1)?;
    this(v)?.discard(ts, &a[0])?;
    Ok(none::none())
}
fn m_remove(ts: &ThreadState, v: &Value, a: Args, k: Option<&Value>) -> PyResult<Value> {
    let a = crate::object::args::exact(&qual(v, "remove"), a, k, 1)?;
    if !this(v)?.discard(ts, &a[0])? {
        return Err(PyErr::key_error(a[0].clone()));
    }
    Ok(none::none())
}
fn m_pop(_ts: &ThreadState, v: &Value, a: Args, k: Option<&Value>) -> PyResult<Value> {
    crate::object::args::exact(&qual(v, "pop"), a, k, 0)?;
    match this(v)?.table_mut().pop() {
        Some((_, x)) => Ok(x),
        None => Err(PyErr::key_error(pystr::new_str("pop from an empty set"))),
    }
}
fn m_clear(_ts: &ThreadState, v: &Value, a: Args, k: Option<&Value>) -> PyResult<Value> {
    crate::object::args::exact(&qual(v, "clear"), a, k, 0)?;
    this(v)?.clear_all();
    Ok(none::none())
}
fn m_copy(ts: &ThreadState, v: &Value, a: Args, k: Option<&Value>) -> PyResult<Value> {
    crate::object::args::exact(&qual(v, "copy"), a, k, 0)?;
    if v.is_exact(&FROZENSET_TYPE) {
        return Ok(v.clone());
    }
    new_like_from(ts, v, v)
}
fn m_update(ts: &ThreadState, v: &Value, a: Args, k: Option<&Value>) -> PyResult<Value> {
    crate::object::args::no_kwargs(&qual(v, "update"), k)?;
    let s = this(v)?;
    for o in a {
        update_internal(ts, s, o)?;
    }
    Ok(none::none())
}
fn m_union(ts: &ThreadState, v: &Value, a: Args, k: Option<&Value>) -> PyResult<Value> {
    crate::object::args::no_kwargs(&qual(v, "union"), k)?;
    let r = new_like_from(ts, v, v)?;
    for o in a {
        update_internal(ts, this(&r)?, o)?;
    }
    Ok(r)
}
fn m_intersection(ts: &ThreadState, v: &Value, a: Args, k: Option<&Value>) -> PyResult<Value> {
    crate::object::args::no_kwargs(&qual(v, "intersection"), k)?;
    if a.is_empty() {
        return new_like_from(ts, v, v);
    }
    let mut cur = v.clone();
    for o in a {
        cur = intersection(ts, &cur, o)?;
    }
    Ok(cur)
}
fn m_difference(ts: &ThreadState, v: &Value, a: Args, k: Option<&Value>) -> PyResult<Value> {
    crate::object::args::no_kwargs(&qual(v, "difference"), k)?;
    let Some((first, rest)) = a.split_first() else { return new_like_from(ts, v, v) };
    let r = difference(ts, v, first)?;
    for o in rest {
        difference_update_internal(ts, &r, o)?;
    }
    Ok(r)
}
fn m_symmetric_difference(ts: &ThreadState, v: &Value, a: Args, k: Option<&Value>) -> PyResult<Value> {
    let a = crate::object::args::exact(&qual(v, "symmetric_difference"), a, k, 1)?;
    symmetric_difference(ts, v, &a[0])
}
fn m_intersection_update(ts: &ThreadState, v: &Value, a: Args, k: Option<&Value>) -> PyResult<Value> {
    let r = m_intersection(ts, v, a, k)?;
    if !r.is(v) {
        swap_bodies(v, &r)?;
    }
    Ok(none::none())
}
fn m_difference_update(ts: &ThreadState, v: &Value, a: Args, k: Option<&Value>) -> PyResult<Value> {
    crate::object::args::no_kwargs(&qual(v, "difference_update"), k)?;
    for o in a {
        difference_update_internal(ts, v, o)?;
    }
    Ok(none::none())
}
fn m_symmetric_difference_update(ts: &ThreadState, v: &Value, a: Args, k: Option<&Value>) -> PyResult<Value> {
    let a = crate::object::args::exact(&qual(v, "symmetric_difference_update"), a, k, 1)?;
    symmetric_difference_update(ts, v, &a[0])?;
    Ok(none::none())
}
fn m_issubset(ts: &ThreadState, v: &Value, a: Args, k: Option<&Value>) -> PyResult<Value> {
    let a = crate::object::args::exact(&qual(v, "issubset"), a, k, 1)?;
    let o = new_set_from(ts, items_of(ts, &a[0])?)?;
    Ok(bool_::new_bool(subset(ts, this(v)?, this(&o)?)?))
}
fn m_issuperset(ts: &ThreadState, v: &Value, a: Args, k: Option<&Value>) -> PyResult<Value> {
    let a = crate::object::args::exact(&qual(v, "issuperset"), a, k, 1)?;
    let o = new_set_from(ts, items_of(ts, &a[0])?)?;
    Ok(bool_::new_bool(subset(ts, this(&o)?, this(v)?)?))
}
fn m_isdisjoint(ts: &ThreadState, v: &Value, a: Args, k: Option<&Value>) -> PyResult<Value> {
    let a = crate::object::args::exact(&qual(v, "isdisjoint"), a, k, 1)?;
    let s = this(v)?;
    for x in items_of(ts, &a[0])? {
        if s.contains(ts, &x)? {
            return Ok(bool_::false_value());
        }
    }
    Ok(bool_::true_value())
}

fn set_new(_ts: &ThreadState, cls: &Value, _args: &[Value], _kw: Option<&Value>) -> PyResult<Value> {
    Value::new_instance(cls, PySet::new())
}

fn set_init(ts: &ThreadState, v: &Value, args: &[Value], kw: Option<&Value>) -> PyResult<()> {
    crate::object::args::no_kwargs("set", kw)?;
    let args = crate::object::args::positional("set", args, kw, 0, 1)?;
    let s = this(v)?;
    s.clear_all();
    if let Some(it) = args.first() {
        update_internal(ts, s, it)?;
    }
    Ok(())
}

fn frozenset_new(ts: &ThreadState, cls: &Value, args: &[Value], kw: Option<&Value>) -> PyResult<Value> {
    crate::object::args::no_kwargs("frozenset", kw)?;
    let args = crate::object::args::positional("frozenset", args, kw, 0, 1)?;
    let is_exact = cls.is(&FROZENSET_TYPE.to_value());
    if let Some(a) = args.first() {
        if is_exact && a.is_exact(&FROZENSET_TYPE) {
            return Ok(a.clone());
        }
    }
    let s = PySet::new();
    if let Some(a) = args.first() {
        update_internal(ts, &s, a)?;
    }
    if is_exact {
        Value::new_with_type(&FROZENSET_TYPE, s)
    } else {
        Value::new_instance(cls, s)
    }
}

fn class_getitem(_ts: &ThreadState, cls: &Value, a: Args, k: Option<&Value>) -> PyResult<Value> {
    let a = crate::object::args::exact(if cls.as_type().is_some_and(|t| t.is_subtype(&FROZENSET_TYPE)) { "frozenset.__class_getitem__" } else { "set.__class_getitem__" }, a, k, 1)?;
    super::genericalias::new_generic_alias(cls.clone(), a[0].clone())
}

fn iter_length_hint(_ts: &ThreadState, it: &Value, _a: Args, _k: Option<&Value>) -> PyResult<Value> {
    let it = it.downcast::<SetIterator>().ok_or_else(|| PyErr::type_error("set_iterator expected"))?;
    let s = this(&it.set)?;
    let remaining = s.table().iter().filter(|(p, _, _)| *p >= it.pos.get()).count();
    Ok(int::from_i64(remaining as i64))
}

pub fn init() {
    for t in [&SET_TYPE, &FROZENSET_TYPE] {
        let s = &t.data.slots;
        s.repr.set(Some(set_repr));
        s.length.set(Some(set_len));
        s.contains.set(Some(set_contains));
        s.iter.set(Some(set_iter));
        s.richcompare.set(Some(set_richcompare));
        s.getattro.set(Some(protocol::generic_getattr));
        s.binary[nb::OR].set(Some(set_or));
        s.binary[nb::AND].set(Some(set_and));
        s.binary[nb::SUBTRACT].set(Some(set_sub));
        s.binary[nb::XOR].set(Some(set_xor));
        super::descr::add_methods(
            t,
            &[
                ("copy", m_copy),
                ("union", m_union),
                ("intersection", m_intersection),
                ("difference", m_difference),
                ("symmetric_difference", m_symmetric_difference),
                ("issubset", m_issubset),
                ("issuperset", m_issuperset),
                ("isdisjoint", m_isdisjoint),
            ],
        );
        super::descr::add_methods_kind(t, &[("__class_getitem__", class_getitem)], super::descr::MethodKind::Class);
    }
    let s = &SET_TYPE.data.slots;
    s.new.set(Some(set_new));
    s.init.set(Some(set_init));
    s.hash.set(Some(super::object::hash_not_implemented));
    s.binary[nb::INPLACE + nb::OR].set(Some(set_ior));
    s.binary[nb::INPLACE + nb::AND].set(Some(set_iand));
    s.binary[nb::INPLACE + nb::SUBTRACT].set(Some(set_isub));
    s.binary[nb::INPLACE + nb::XOR].set(Some(set_ixor));
    super::descr::add_methods(
        &SET_TYPE,
        &[
            ("add", m_add),
            ("discard", m_discard),
            ("remove", m_remove),
            ("pop", m_pop),
            ("clear", m_clear),
            ("update", m_update),
            ("intersection_update", m_intersection_update),
            ("difference_update", m_difference_update),
            ("symmetric_difference_update", m_symmetric_difference_update),
        ],
    );
    let s = &FROZENSET_TYPE.data.slots;
    s.new.set(Some(frozenset_new));
    s.hash.set(Some(set_hash));
    let s = &SET_ITERATOR_TYPE.data.slots;
    s.iter.set(Some(self_iter));
    s.iternext.set(Some(set_iter_next));
    super::descr::add_methods(&SET_ITERATOR_TYPE, &[("__length_hint__", iter_length_hint)]);
}

/// Cycle collector hook: drop the items of a garbage set.
pub(crate) fn gc_clear(v: &Value) {
    if let Some(s) = v.downcast::<PySet>() {
        let old = s.table_mut().clear();
        drop(old);
    }
}

/// Cycle collector hook: a set iterator holds its set.
pub(crate) fn gc_traverse_iter(v: &Value, visit: &mut dyn FnMut(&Value)) {
    if let Some(i) = v.downcast::<SetIterator>() {
        visit(&i.set);
    }
}
