//! `list`: a mutable sequence. Borrows of the item vector are short and
//! never held while Python code runs (comparisons, reprs), since that code
//! may mutate the list.

use std::cell::{Cell, RefCell};

use crate::object::protocol;
use crate::object::typeobj::{CompareOp, PyType, TypeObject, TPFLAGS_BASETYPE, TPFLAGS_HAVE_GC, TPFLAGS_LIST_SUBCLASS};
use crate::object::value::{PyObject, PyPayload, Value};
use crate::runtime::errors::{PyErr, PyResult};
use crate::runtime::thread::ThreadState;
use crate::types::{int, none, slice::PySlice, str as pystr, tuple};

pub struct PyList {
    pub items: RefCell<Vec<Value>>,
}

pub static LIST_TYPE: PyType = PyObject::new_static(
    &super::typeobject::TYPE_TYPE,
    TypeObject::builtin::<PyList>("list", &LIST_TYPE, Some(&super::object::OBJECT_TYPE), TPFLAGS_BASETYPE | TPFLAGS_LIST_SUBCLASS | TPFLAGS_HAVE_GC),
);

impl PyPayload for PyList {
    fn class() -> &'static PyType {
        &LIST_TYPE
    }
}

impl PyList {
    /// A copy of the items (safe to iterate while Python code runs).
    pub fn snapshot(&self) -> Vec<Value> {
        self.items.borrow().clone()
    }
    pub fn len(&self) -> usize {
        self.items.borrow().len()
    }
    pub fn is_empty(&self) -> bool {
        self.items.borrow().is_empty()
    }
    pub fn get(&self, i: usize) -> Option<Value> {
        self.items.borrow().get(i).cloned()
    }
    pub fn push(&self, v: Value) {
        self.items.borrow_mut().push(v);
    }
    /// The items of `v` if it is a list, else empty.
    pub fn snapshot_of(v: &Value) -> Vec<Value> {
        v.downcast::<PyList>().map(|l| l.snapshot()).unwrap_or_default()
    }
}

pub fn new_list(items: Vec<Value>) -> PyResult<Value> {
    Value::new(PyList { items: RefCell::new(items) })
}

fn this(v: &Value) -> PyResult<&PyList> {
    v.downcast::<PyList>().ok_or_else(|| PyErr::type_error("descriptor requires a 'list' object"))
}

fn list_repr(ts: &ThreadState, v: &Value) -> PyResult<Value> {
    let l = this(v)?;
    if l.is_empty() {
        return Ok(pystr::new_str("[]"));
    }
    let Some(_guard) = super::ReprGuard::enter(ts, v) else {
        return Ok(pystr::new_str("[...]"));
    };
    let mut out = String::from("[");
    let mut i = 0;
    while let Some(x) = l.get(i) {
        if i > 0 {
            out.push_str(", ");
        }
        out.push_str(&protocol::repr_string(ts, &x)?);
        i += 1;
    }
    out.push(']');
    Ok(pystr::new_str(&out))
}

fn list_len(_ts: &ThreadState, v: &Value) -> PyResult<usize> {
    Ok(this(v)?.len())
}

fn list_richcompare(ts: &ThreadState, v: &Value, w: &Value, op: CompareOp) -> PyResult<Value> {
    let (Some(a), Some(b)) = (v.downcast::<PyList>(), w.downcast::<PyList>()) else {
        return Ok(none::not_implemented());
    };
    if matches!(op, CompareOp::Eq | CompareOp::Ne) && a.len() != b.len() {
        return Ok(super::bool_::new_bool(op == CompareOp::Ne));
    }
    tuple::seq_richcompare(ts, &a.snapshot(), &b.snapshot(), op)
}

fn is_index(v: &Value) -> bool {
    v.as_small_int().is_some() || v.type_of().data.slots.index.get().is_some()
}

fn list_subscript(ts: &ThreadState, v: &Value, key: &Value) -> PyResult<Value> {
    let l = this(v)?;
    if let Some(i) = key.as_small_int() {
        let items = l.items.borrow();
        let idx = if i < 0 { i + items.len() as i64 } else { i };
        if idx < 0 || idx as usize >= items.len() {
            return Err(PyErr::index_error("list index out of range"));
        }
        return Ok(items[idx as usize].clone());
    }
    if let Some(sl) = key.downcast::<PySlice>() {
        let items = l.snapshot();
        return new_list(tuple::slice_items(ts, &items, sl)?);
    }
    if !is_index(key) {
        return Err(PyErr::type_error(format!(
            "list indices must be integers or slices, not {}",
            protocol::type_name(key)
        )));
    }
    let idx = tuple::normalize_index(ts, key, l.len(), "list")?;
    l.get(idx).ok_or_else(|| PyErr::index_error("list index out of range"))
}

fn list_ass_subscript(ts: &ThreadState, v: &Value, key: &Value, value: Option<&Value>) -> PyResult<()> {
    let l = this(v)?;
    if let Some(sl) = key.downcast::<PySlice>() {
        return ass_slice(ts, v, l, sl, value);
    }
    if !is_index(key) {
        return Err(PyErr::type_error(format!(
            "list indices must be integers or slices, not {}",
            protocol::type_name(key)
        )));
    }
    let what = "list assignment";
    let idx = tuple::normalize_index(ts, key, l.len(), what)?;
    let old = {
        let mut items = l.items.borrow_mut();
        if idx >= items.len() {
            return Err(PyErr::index_error("list assignment index out of range"));
        }
        match value {
            Some(x) => std::mem::replace(&mut items[idx], x.clone()),
            None => items.remove(idx),
        }
    };
    drop(old);
    Ok(())
}

fn ass_slice(ts: &ThreadState, v: &Value, l: &PyList, sl: &PySlice, value: Option<&Value>) -> PyResult<()> {
    let len = l.len();
    let (start, stop, step, count) = sl.indices(ts, len)?;
    match value {
        None => {
            let removed: Vec<Value>;
            {
                let mut items = l.items.borrow_mut();
                if step == 1 {
                    removed = items.drain(start as usize..(start as usize + count)).collect();
                } else {
                    let mut idx: Vec<usize> = (0..count).map(|k| (start + k as isize * step) as usize).collect();
                    idx.sort_unstable();
                    let mut out = Vec::with_capacity(count);
                    for i in idx.into_iter().rev() {
                        out.push(items.remove(i));
                    }
                    removed = out;
                }
            }
            drop(removed);
            Ok(())
        }
        Some(x) => {
            let new_items = if x.is(v) { l.snapshot() } else { protocol::collect(ts, x).map_err(|e| {
                if e.matches(&super::exceptions::TYPE_ERROR) {
                    PyErr::type_error(if step == 1 { "can only assign an iterable" } else { "must assign iterable to extended slice" })
                } else { e }
            })? };
            if step == 1 {
                let stop = (start as usize + count).max(start as usize);
                let _ = stop;
                let old: Vec<Value> = {
                    let mut items = l.items.borrow_mut();
                    let end = (start as usize + count).min(items.len());
                    items.splice(start as usize..end, new_items).collect()
                };
                drop(old);
                let _ = stop;
                return Ok(());
            }
            if new_items.len() != count {
                return Err(PyErr::value_error(format!(
                    "attempt to assign sequence of size {} to extended slice of size {}",
                    new_items.len(),
                    count
                )));
            }
            let mut old = Vec::with_capacity(count);
            {
                let mut items = l.items.borrow_mut();
                for (k, nv) in new_items.into_iter().enumerate() {
                    let i = (start + k as isize * step) as usize;
                    old.push(std::mem::replace(&mut items[i], nv));
                }
            }
            drop(old);
            let _ = stop;
            Ok(())
        }
    }
}

fn list_contains(ts: &ThreadState, v: &Value, x: &Value) -> PyResult<bool> {
    let l = this(v)?;
    let mut i = 0;
    while let Some(it) = l.get(i) {
        if protocol::eq(ts, &it, x)? {
            return Ok(true);
        }
        i += 1;
    }
    Ok(false)
}

fn list_concat(_ts: &ThreadState, v: &Value, w: &Value) -> PyResult<Value> {
    let a = this(v)?;
    let Some(b) = w.downcast::<PyList>() else {
        return Err(PyErr::type_error(format!(
            "can only concatenate list (not \"{}\") to list",
            protocol::type_name(w)
        )));
    };
    let mut out = a.snapshot();
    out.extend(b.snapshot());
    new_list(out)
}

fn list_inplace_concat(ts: &ThreadState, v: &Value, w: &Value) -> PyResult<Value> {
    let l = this(v)?;
    let extra = protocol::collect(ts, w)?;
    l.items.borrow_mut().extend(extra);
    Ok(v.clone())
}

fn list_repeat(ts: &ThreadState, v: &Value, n: &Value) -> PyResult<Value> {
    let items = this(v)?.snapshot();
    let count = tuple::repeat_count(ts, n, items.len())?;
    let mut out = Vec::with_capacity(items.len() * count);
    for _ in 0..count {
        out.extend_from_slice(&items);
    }
    new_list(out)
}

fn list_inplace_repeat(ts: &ThreadState, v: &Value, n: &Value) -> PyResult<Value> {
    let l = this(v)?;
    let items = l.snapshot();
    let count = tuple::repeat_count(ts, n, items.len())?;
    let mut out = Vec::with_capacity(items.len() * count);
    for _ in 0..count {
        out.extend_from_slice(&items);
    }
    let old = std::mem::replace(&mut *l.items.borrow_mut(), out);
    drop(old);
    Ok(v.clone())
}

fn list_new(_ts: &ThreadState, cls: &Value, _args: &[Value], _kw: Option<&Value>) -> PyResult<Value> {
    Value::new_instance(cls, PyList { items: RefCell::new(Vec::new()) })
}

fn list_init(ts: &ThreadState, v: &Value, args: &[Value], kwnames: Option<&Value>) -> PyResult<()> {
    crate::object::args::no_kwargs("list", kwnames)?;
    let args = crate::object::args::positional("list", args, kwnames, 0, 1)?;
    let l = this(v)?;
    let items = match args.first() {
        Some(x) => protocol::collect(ts, x)?,
        None => vec![],
    };
    let old = std::mem::replace(&mut *l.items.borrow_mut(), items);
    drop(old);
    Ok(())
}

type Args<'a> = &'a [Value];

fn list_append(_ts: &ThreadState, v: &Value, a: Args, k: Option<&Value>) -> PyResult<Value> {
    let a = crate::object::args::exact("list.append", a, k, 1)?;
    this(v)?.push(a[0].clone());
    Ok(none::none())
}

fn list_extend(ts: &ThreadState, v: &Value, a: Args, k: Option<&Value>) -> PyResult<Value> {
    let a = crate::object::args::exact("list.extend", a, k, 1)?;
    let extra = protocol::collect(ts, &a[0])?;
    this(v)?.items.borrow_mut().extend(extra);
    Ok(none::none())
}

fn list_insert(ts: &ThreadState, v: &Value, a: Args, k: Option<&Value>) -> PyResult<Value> {
    let a = crate::object::args::positional("insert", a, k, 2, 2)?;
    let i = protocol::index_isize(ts, &a[0])?;
    let l = this(v)?;
    let mut items = l.items.borrow_mut();
    let n = items.len() as isize;
    let idx = if i < 0 { (i + n).max(0) } else { i.min(n) };
    items.insert(idx as usize, a[1].clone());
    Ok(none::none())
}

fn list_pop(ts: &ThreadState, v: &Value, a: Args, k: Option<&Value>) -> PyResult<Value> {
    let a = crate::object::args::positional("pop", a, k, 0, 1)?;
    let l = this(v)?;
    let i = match a.first() {
        Some(x) => protocol::index_isize(ts, x)?,
        None => -1,
    };
    let mut items = l.items.borrow_mut();
    if items.is_empty() {
        return Err(PyErr::index_error("pop from empty list"));
    }
    let n = items.len() as isize;
    let idx = if i < 0 { i + n } else { i };
    if idx < 0 || idx >= n {
        return Err(PyErr::index_error("pop index out of range"));
    }
    Ok(items.remove(idx as usize))
}

fn list_remove(ts: &ThreadState, v: &Value, a: Args, k: Option<&Value>) -> PyResult<Value> {
    let a = crate::object::args::exact("list.remove", a, k, 1)?;
    let l = this(v)?;
    let mut i = 0;
    while let Some(x) = l.get(i) {
        if protocol::eq(ts, &x, &a[0])? {
            let removed = {
                let mut items = l.items.borrow_mut();
                if i < items.len() { Some(items.remove(i)) } else { None }
            };
            drop(removed);
            return Ok(none::none());
        }
        i += 1;
    }
    Err(PyErr::value_error("list.remove(x): x not in list"))
}

/// Clamp optional start/stop arguments of index()/count()-like methods.
pub fn start_stop(ts: &ThreadState, start: Option<&Value>, stop: Option<&Value>, len: usize) -> PyResult<(usize, usize)> {
    let clamp = |v: Option<&Value>, default: isize| -> PyResult<usize> {
        let i = match v {
            Some(x) => {
                if !is_index(x) {
                    return Err(PyErr::type_error("slice indices must be integers or have an __index__ method"));
                }
                let i = protocol::index(ts, x)?;
                int::to_isize(&i).unwrap_or(if int::is_negative(&i) { isize::MIN } else { isize::MAX })
            }
            None => default,
        };
        let n = len as isize;
        Ok(if i < 0 { (i.saturating_add(n)).max(0) as usize } else { (i.min(n)) as usize })
    };
    Ok((clamp(start, 0)?, clamp(stop, len as isize)?))
}

fn list_index(ts: &ThreadState, v: &Value, a: Args, k: Option<&Value>) -> PyResult<Value> {
    let a = crate::object::args::positional("index", a, k, 1, 3)?;
    let l = this(v)?;
    let (start, stop) = start_stop(ts, a.get(1), a.get(2), l.len())?;
    let mut i = start;
    while i < stop {
        let Some(x) = l.get(i) else { break };
        if protocol::eq(ts, &x, &a[0])? {
            return Ok(int::from_i64(i as i64));
        }
        i += 1;
    }
    Err(PyErr::value_error(format!("{} is not in list", protocol::repr_string(ts, &a[0])?)))
}

fn list_count(ts: &ThreadState, v: &Value, a: Args, k: Option<&Value>) -> PyResult<Value> {
    let a = crate::object::args::exact("list.count", a, k, 1)?;
    let l = this(v)?;
    let mut n = 0;
    let mut i = 0;
    while let Some(x) = l.get(i) {
        if protocol::eq(ts, &x, &a[0])? {
            n += 1;
        }
        i += 1;
    }
    Ok(int::from_i64(n))
}

fn list_clear(_ts: &ThreadState, v: &Value, a: Args, k: Option<&Value>) -> PyResult<Value> {
    crate::object::args::exact("list.clear", a, k, 0)?;
    let old = std::mem::take(&mut *this(v)?.items.borrow_mut());
    drop(old);
    Ok(none::none())
}

fn list_copy(_ts: &ThreadState, v: &Value, a: Args, k: Option<&Value>) -> PyResult<Value> {
    crate::object::args::exact("list.copy", a, k, 0)?;
    new_list(this(v)?.snapshot())
}

fn list_reverse(_ts: &ThreadState, v: &Value, a: Args, k: Option<&Value>) -> PyResult<Value> {
    crate::object::args::exact("list.reverse", a, k, 0)?;
    this(v)?.items.borrow_mut().reverse();
    Ok(none::none())
}

/// `list.sort(*, key=None, reverse=False)`: stable; the list is emptied
/// while sorting so mutation during the sort is detected, as CPython does.
fn list_sort(ts: &ThreadState, v: &Value, a: Args, k: Option<&Value>) -> PyResult<Value> {
    if crate::object::args::npositional(a, k) == 0 && a.len() > 2 {
        return Err(PyErr::type_error(format!("sort() takes at most 2 keyword arguments ({} given)", a.len())));
    }
    let [key, reverse] = crate::object::args::bind("sort", a, k, ["key", "reverse"], 0, 0, 0)?;
    let l = this(v)?;
    let reverse = match reverse {
        // `reverse` is converted as a C int, as CPython's clinic does.
        Some(r) => {
            let i = protocol::index(ts, &r)?;
            if int::as_int(&i).and_then(|r| r.to_i64()).is_none_or(|x| x > i32::MAX as i64 || x < i32::MIN as i64) {
                return Err(PyErr::overflow_error("Python int too large to convert to C int"));
            }
            protocol::is_true(ts, &i)?
        }
        None => false,
    };
    let key = key.filter(|k| !none::is_none(k));
    let mut items = std::mem::take(&mut *l.items.borrow_mut());
    let result = sort_values(ts, &mut items, key.as_ref(), reverse);
    // The list was left with no buffer: anything that grew it since (even
    // if it shrank back to empty, as `append` then `pop`) left one.
    let modified = {
        let now = l.items.borrow();
        !now.is_empty() || now.capacity() != 0
    };
    let leftover = std::mem::replace(&mut *l.items.borrow_mut(), items);
    drop(leftover);
    result?;
    if modified {
        return Err(PyErr::value_error("list modified during sort"));
    }
    Ok(none::none())
}

/// Sort values (with an optional key function) stably.
pub fn sort_values(ts: &ThreadState, items: &mut Vec<Value>, key: Option<&Value>, reverse: bool) -> PyResult<()> {
    match key {
        None => super::list_sort::sort_by_reversible(items, reverse, |a, b| less_than(ts, a, b)),
        Some(kf) => {
            // Every key first: a key function that fails leaves the items
            // where they were.
            let mut keys = Vec::with_capacity(items.len());
            for it in items.iter() {
                keys.push(protocol::call(ts, kf, std::slice::from_ref(it), None)?);
            }
            let mut keyed: Vec<(Value, Value)> = keys.into_iter().zip(items.drain(..)).collect();
            let r = super::list_sort::sort_by_reversible(&mut keyed, reverse, |a, b| less_than(ts, &a.0, &b.0));
            items.extend(keyed.into_iter().map(|(_, v)| v));
            r
        }
    }
}

fn less_than(ts: &ThreadState, a: &Value, b: &Value) -> PyResult<bool> {
    if let (Some(x), Some(y)) = (a.as_small_int(), b.as_small_int()) {
        return Ok(x < y);
    }
    protocol::compare_bool(ts, a, b, CompareOp::Lt)
}

fn list_class_getitem(_ts: &ThreadState, cls: &Value, a: Args, k: Option<&Value>) -> PyResult<Value> {
    let a = crate::object::args::exact("list.__class_getitem__", a, k, 1)?;
    super::genericalias::new_generic_alias(cls.clone(), a[0].clone())
}

fn list_sizeof(_ts: &ThreadState, v: &Value, a: Args, k: Option<&Value>) -> PyResult<Value> {
    crate::object::args::exact("list.__sizeof__", a, k, 0)?;
    Ok(int::from_i64(40 + 8 * this(v)?.items.borrow().capacity() as i64))
}

/// Iterator over a list (sees appends made during iteration, as CPython's).
pub struct ListIterator {
    pub seq: Value,
    pub pos: Cell<usize>,
}

/// Reverse iterator over a list.
pub struct ListReverseIterator {
    pub seq: Value,
    pub pos: Cell<isize>,
}

pub static LIST_ITERATOR_TYPE: PyType = PyObject::new_static(
    &super::typeobject::TYPE_TYPE,
    TypeObject::builtin::<ListIterator>("list_iterator", &LIST_ITERATOR_TYPE, Some(&super::object::OBJECT_TYPE), TPFLAGS_HAVE_GC),
);
pub static LIST_REVERSE_ITERATOR_TYPE: PyType = PyObject::new_static(
    &super::typeobject::TYPE_TYPE,
    TypeObject::builtin::<ListReverseIterator>("list_reverseiterator", &LIST_REVERSE_ITERATOR_TYPE, Some(&super::object::OBJECT_TYPE), TPFLAGS_HAVE_GC),
);

impl PyPayload for ListIterator {
    fn class() -> &'static PyType {
        &LIST_ITERATOR_TYPE
    }
}
impl PyPayload for ListReverseIterator {
    fn class() -> &'static PyType {
        &LIST_REVERSE_ITERATOR_TYPE
    }
}

pub fn iterator_types() -> Vec<&'static PyType> {
    vec![&LIST_ITERATOR_TYPE, &LIST_REVERSE_ITERATOR_TYPE]
}

fn list_iter(_ts: &ThreadState, v: &Value) -> PyResult<Value> {
    Value::new(ListIterator { seq: v.clone(), pos: Cell::new(0) })
}

pub fn list_iter_next(_ts: &ThreadState, it: &Value) -> PyResult<Option<Value>> {
    let it = it.downcast::<ListIterator>().ok_or_else(|| PyErr::type_error("list_iterator expected"))?;
    let l = this(&it.seq)?;
    let p = it.pos.get();
    match l.get(p) {
        Some(x) => {
            it.pos.set(p + 1);
            Ok(Some(x))
        }
        None => {
            it.pos.set(usize::MAX / 2);
            Ok(None)
        }
    }
}

fn list_reversed(_ts: &ThreadState, v: &Value, a: Args, k: Option<&Value>) -> PyResult<Value> {
    crate::object::args::exact("list.__reversed__", a, k, 0)?;
    let n = this(v)?.len() as isize;
    Value::new(ListReverseIterator { seq: v.clone(), pos: Cell::new(n - 1) })
}

fn list_rev_next(_ts: &ThreadState, it: &Value) -> PyResult<Option<Value>> {
    let it = it.downcast::<ListReverseIterator>().ok_or_else(|| PyErr::type_error("list_reverseiterator expected"))?;
    let p = it.pos.get();
    if p < 0 {
        return Ok(None);
    }
    let l = this(&it.seq)?;
    match l.get(p as usize) {
        Some(x) => {
            it.pos.set(p - 1);
            Ok(Some(x))
        }
        None => {
            it.pos.set(-1);
            Ok(None)
        }
    }
}

fn list_iter_length_hint(_ts: &ThreadState, it: &Value, _a: Args, _k: Option<&Value>) -> PyResult<Value> {
    if let Some(i) = it.downcast::<ListIterator>() {
        let n = this(&i.seq)?.len();
        return Ok(int::from_i64(n.saturating_sub(i.pos.get()) as i64));
    }
    if let Some(i) = it.downcast::<ListReverseIterator>() {
        return Ok(int::from_i64((i.pos.get() + 1).max(0) as i64));
    }
    Ok(int::from_i64(0))
}

fn self_iter(_ts: &ThreadState, v: &Value) -> PyResult<Value> {
    Ok(v.clone())
}

pub fn init() {
    let s = &LIST_TYPE.data.slots;
    s.repr.set(Some(list_repr));
    s.hash.set(Some(super::object::hash_not_implemented));
    s.length.set(Some(list_len));
    s.richcompare.set(Some(list_richcompare));
    s.subscript.set(Some(list_subscript));
    s.ass_subscript.set(Some(list_ass_subscript));
    s.contains.set(Some(list_contains));
    s.concat.set(Some(list_concat));
    s.inplace_concat.set(Some(list_inplace_concat));
    s.repeat.set(Some(list_repeat));
    s.inplace_repeat.set(Some(list_inplace_repeat));
    s.iter.set(Some(list_iter));
    s.new.set(Some(list_new));
    s.init.set(Some(list_init));
    s.getattro.set(Some(protocol::generic_getattr));
    super::descr::add_methods(
        &LIST_TYPE,
        &[
            ("append", list_append),
            ("extend", list_extend),
            ("insert", list_insert),
            ("pop", list_pop),
            ("remove", list_remove),
            ("index", list_index),
            ("count", list_count),
            ("clear", list_clear),
            ("copy", list_copy),
            ("reverse", list_reverse),
            ("sort", list_sort),
            ("__reversed__", list_reversed),
            ("__sizeof__", list_sizeof),
        ],
    );
    super::descr::add_methods_kind(&LIST_TYPE, &[("__class_getitem__", list_class_getitem)], super::descr::MethodKind::Class);
    for t in [&LIST_ITERATOR_TYPE, &LIST_REVERSE_ITERATOR_TYPE] {
        t.data.slots.iter.set(Some(self_iter));
        super::descr::add_methods(t, &[("__length_hint__", list_iter_length_hint)]);
    }
    LIST_ITERATOR_TYPE.data.slots.iternext.set(Some(list_iter_next));
    LIST_REVERSE_ITERATOR_TYPE.data.slots.iternext.set(Some(list_rev_next));
}

/// Items are released last to first, as CPython's list_dealloc does (the
/// order `__del__` methods observe).
impl Drop for PyList {
    fn drop(&mut self) {
        let items = self.items.get_mut();
        while let Some(x) = items.pop() {
            drop(x);
        }
    }
}
