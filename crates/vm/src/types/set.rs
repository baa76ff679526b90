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

fn union_items(ts: &ThreadState, a: &Value, others: &[Value]) -> PyResult<Vec<Value>> {
    let mut out = this(a)?.items();
    for o in others {
        out.extend(items_of(ts, o)?);
    }
    Ok(out)
}

fn intersection_items(ts: &ThreadState, a: &Value, other: &Value) -> PyResult<Vec<Value>> {
    let s = this(a)?;
    let mut out = Vec::new();
    match other.downcast::<PySet>() {
        Some(o) => {
            let (small, big) = if o.len() < s.len() { (o, s) } else { (s, o) };
            for x in small.items() {
                if big.contains(ts, &x)? {
                    out.push(x);
                }
            }
        }
        None => {
            for x in protocol::collect(ts, other)? {
                if s.contains(ts, &x)? {
                    out.push(x);
                }
            }
        }
    }
    Ok(out)
}

fn difference_items(ts: &ThreadState, a: &Value, others: &[Value]) -> PyResult<Vec<Value>> {
    let mut cur = this(a)?.items();
    for o in others {
        let other = new_set_from(ts, items_of(ts, o)?)?;
        let os = this(&other)?;
        let mut next = Vec::new();
        for x in cur {
            if !os.contains(ts, &x)? {
                next.push(x);
            }
        }
        cur = next;
    }
    Ok(cur)
}

fn symdiff_items(ts: &ThreadState, a: &Value, other: &Value) -> PyResult<Vec<Value>> {
    let s = this(a)?;
    let o = new_set_from(ts, items_of(ts, other)?)?;
    let os = this(&o)?;
    let mut out = Vec::new();
    for x in s.items() {
        if !os.contains(ts, &x)? {
            out.push(x);
        }
    }
    for x in os.items() {
        if !s.contains(ts, &x)? {
            out.push(x);
        }
    }
    Ok(out)
}

fn set_op(ts: &ThreadState, v: &Value, w: &Value, op: usize) -> PyResult<Value> {
    if !is_set_like(v) || !is_set_like(w) {
        return Ok(none::not_implemented());
    }
    let items = match op % nb::INPLACE {
        nb::OR => union_items(ts, v, std::slice::from_ref(w))?,
        nb::AND => intersection_items(ts, v, w)?,
        nb::SUBTRACT => difference_items(ts, v, std::slice::from_ref(w))?,
        nb::XOR => symdiff_items(ts, v, w)?,
        _ => return Ok(none::not_implemented()),
    };
    if op >= nb::INPLACE {
        let s = this(v)?;
        let old = s.table_mut().clear();
        drop(old);
        for x in items {
            s.add(ts, x)?;
        }
        return Ok(v.clone());
    }
    new_like(ts, v, items)
}

macro_rules! ops {
    ($($name:ident => $op:expr),*) => {
        $(fn $name(ts: &ThreadState, v: &Value, w: &Value) -> PyResult<Value> { set_op(ts, v, w, $op) })*
    };
}
ops!(set_or => nb::OR, set_and => nb::AND, set_sub => nb::SUBTRACT, set_xor => nb::XOR,
    set_ior => nb::INPLACE + nb::OR, set_iand => nb::INPLACE + nb::AND, set_isub => nb::INPLACE + nb::SUBTRACT, set_ixor => nb::INPLACE + nb::XOR);

type Args<'a> = &'a [Value];

fn m_add(ts: &ThreadState, v: &Value, a: Args, k: Option<&Value>) -> PyResult<Value> {
    let a = crate::object::args::exact("add", a, k, 1)?;
    this(v)?.add(ts, a[0].clone())?;
    Ok(none::none())
}
fn m_discard(ts: &ThreadState, v: &Value, a: Args, k: Option<&Value>) -> PyResult<Value> {
    let a = crate::object::args::exact("discard", a, k, 1)?;
    this(v)?.discard(ts, &a[0])?;
    Ok(none::none())
}
fn m_remove(ts: &ThreadState, v: &Value, a: Args, k: Option<&Value>) -> PyResult<Value> {
    let a = crate::object::args::exact("remove", a, k, 1)?;
    if !this(v)?.discard(ts, &a[0])? {
        return Err(PyErr::key_error(a[0].clone()));
    }
    Ok(none::none())
}
fn m_pop(_ts: &ThreadState, v: &Value, a: Args, k: Option<&Value>) -> PyResult<Value> {
    crate::object::args::exact("pop", a, k, 0)?;
    match this(v)?.table_mut().pop() {
        Some((_, x)) => Ok(x),
        None => Err(PyErr::key_error(pystr::new_str("pop from an empty set"))),
    }
}
fn m_clear(_ts: &ThreadState, v: &Value, a: Args, k: Option<&Value>) -> PyResult<Value> {
    crate::object::args::exact("clear", a, k, 0)?;
    let old = this(v)?.table_mut().clear();
    drop(old);
    Ok(none::none())
}
fn m_copy(ts: &ThreadState, v: &Value, a: Args, k: Option<&Value>) -> PyResult<Value> {
    crate::object::args::exact("copy", a, k, 0)?;
    if v.is_exact(&FROZENSET_TYPE) {
        return Ok(v.clone());
    }
    new_like(ts, v, this(v)?.items())
}
fn m_update(ts: &ThreadState, v: &Value, a: Args, k: Option<&Value>) -> PyResult<Value> {
    crate::object::args::no_kwargs("update", k)?;
    let s = this(v)?;
    for o in a {
        for x in items_of(ts, o)? {
            s.add(ts, x)?;
        }
    }
    Ok(none::none())
}
fn m_union(ts: &ThreadState, v: &Value, a: Args, k: Option<&Value>) -> PyResult<Value> {
    crate::object::args::no_kwargs("union", k)?;
    let items = union_items(ts, v, a)?;
    new_like(ts, v, items)
}
fn m_intersection(ts: &ThreadState, v: &Value, a: Args, k: Option<&Value>) -> PyResult<Value> {
    crate::object::args::no_kwargs("intersection", k)?;
    let mut cur = new_like(ts, v, this(v)?.items())?;
    for o in a {
        let items = intersection_items(ts, &cur, o)?;
        cur = new_like(ts, v, items)?;
    }
    Ok(cur)
}
fn m_difference(ts: &ThreadState, v: &Value, a: Args, k: Option<&Value>) -> PyResult<Value> {
    crate::object::args::no_kwargs("difference", k)?;
    let items = difference_items(ts, v, a)?;
    new_like(ts, v, items)
}
fn m_symmetric_difference(ts: &ThreadState, v: &Value, a: Args, k: Option<&Value>) -> PyResult<Value> {
    let a = crate::object::args::exact("symmetric_difference", a, k, 1)?;
    let items = symdiff_items(ts, v, &a[0])?;
    new_like(ts, v, items)
}
fn replace_contents(ts: &ThreadState, v: &Value, items: Vec<Value>) -> PyResult<Value> {
    let s = this(v)?;
    let old = s.table_mut().clear();
    drop(old);
    for x in items {
        s.add(ts, x)?;
    }
    Ok(none::none())
}
fn m_intersection_update(ts: &ThreadState, v: &Value, a: Args, k: Option<&Value>) -> PyResult<Value> {
    let r = m_intersection(ts, v, a, k)?;
    replace_contents(ts, v, this(&r)?.items())
}
fn m_difference_update(ts: &ThreadState, v: &Value, a: Args, k: Option<&Value>) -> PyResult<Value> {
    crate::object::args::no_kwargs("difference_update", k)?;
    let items = difference_items(ts, v, a)?;
    replace_contents(ts, v, items)
}
fn m_symmetric_difference_update(ts: &ThreadState, v: &Value, a: Args, k: Option<&Value>) -> PyResult<Value> {
    let a = crate::object::args::exact("symmetric_difference_update", a, k, 1)?;
    let items = symdiff_items(ts, v, &a[0])?;
    replace_contents(ts, v, items)
}
fn m_issubset(ts: &ThreadState, v: &Value, a: Args, k: Option<&Value>) -> PyResult<Value> {
    let a = crate::object::args::exact("issubset", a, k, 1)?;
    let o = new_set_from(ts, items_of(ts, &a[0])?)?;
    Ok(bool_::new_bool(subset(ts, this(v)?, this(&o)?)?))
}
fn m_issuperset(ts: &ThreadState, v: &Value, a: Args, k: Option<&Value>) -> PyResult<Value> {
    let a = crate::object::args::exact("issuperset", a, k, 1)?;
    let o = new_set_from(ts, items_of(ts, &a[0])?)?;
    Ok(bool_::new_bool(subset(ts, this(&o)?, this(v)?)?))
}
fn m_isdisjoint(ts: &ThreadState, v: &Value, a: Args, k: Option<&Value>) -> PyResult<Value> {
    let a = crate::object::args::exact("isdisjoint", a, k, 1)?;
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
    let old = s.table_mut().clear();
    drop(old);
    if let Some(it) = args.first() {
        for x in items_of(ts, it)? {
            s.add(ts, x)?;
        }
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
        for x in items_of(ts, a)? {
            s.add(ts, x)?;
        }
    }
    if is_exact {
        Value::new_with_type(&FROZENSET_TYPE, s)
    } else {
        Value::new_instance(cls, s)
    }
}

fn class_getitem(_ts: &ThreadState, cls: &Value, a: Args, k: Option<&Value>) -> PyResult<Value> {
    let a = crate::object::args::exact("__class_getitem__", a, k, 1)?;
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
