//! `tuple`: an immutable sequence.

use std::cell::Cell;

use crate::object::protocol;
use crate::object::typeobj::{CompareOp, PyType, TypeObject, TPFLAGS_BASETYPE, TPFLAGS_HAVE_GC, TPFLAGS_TUPLE_SUBCLASS};
use crate::object::value::{PyObject, PyPayload, Value};
use crate::runtime::errors::{PyErr, PyResult};
use crate::runtime::thread::ThreadState;
use crate::types::{bool_, int, none, str as pystr};

pub struct PyTuple {
    pub items: Box<[Value]>,
}

pub static TUPLE_TYPE: PyType = PyObject::new_static(
    &super::typeobject::TYPE_TYPE,
    TypeObject::builtin::<PyTuple>("tuple", &TUPLE_TYPE, Some(&super::object::OBJECT_TYPE), TPFLAGS_BASETYPE | TPFLAGS_TUPLE_SUBCLASS | TPFLAGS_HAVE_GC),
);

impl PyPayload for PyTuple {
    fn class() -> &'static PyType {
        &TUPLE_TYPE
    }
}

pub fn new_tuple(items: Vec<Value>) -> PyResult<Value> {
    Value::new(PyTuple { items: items.into_boxed_slice() })
}

/// The items of a tuple (or tuple subclass instance); empty for others.
pub fn tuple_items(v: &Value) -> &[Value] {
    v.downcast::<PyTuple>().map_or(&[], |t| &t.items)
}

pub fn try_tuple_items(v: &Value) -> Option<&[Value]> {
    v.downcast::<PyTuple>().map(|t| &t.items[..])
}

fn items(v: &Value) -> PyResult<&[Value]> {
    try_tuple_items(v).ok_or_else(|| PyErr::type_error("descriptor requires a 'tuple' object"))
}

/// `(a, b, ...)` repr of a sequence of items.
pub fn seq_repr(ts: &ThreadState, items: &[Value], open: &str, close: &str) -> PyResult<String> {
    let mut out = String::from(open);
    for (i, it) in items.iter().enumerate() {
        if i > 0 {
            out.push_str(", ");
        }
        out.push_str(&protocol::repr_string(ts, it)?);
    }
    out.push_str(close);
    Ok(out)
}

fn tuple_repr(ts: &ThreadState, v: &Value) -> PyResult<Value> {
    let it = items(v)?;
    if it.is_empty() {
        return Ok(pystr::new_str("()"));
    }
    let Some(_guard) = super::ReprGuard::enter(ts, v) else {
        return Ok(pystr::new_str("(...)"));
    };
    let close = if it.len() == 1 { ",)" } else { ")" };
    Ok(pystr::new_str(&seq_repr(ts, it, "(", close)?))
}

fn tuple_hash(ts: &ThreadState, v: &Value) -> PyResult<isize> {
    let it = items(v)?;
    let mut hashes = Vec::with_capacity(it.len());
    for x in it {
        hashes.push(protocol::hash(ts, x)?);
    }
    Ok(crate::pyhash::tuple_hash(hashes.into_iter()))
}

fn tuple_len(_ts: &ThreadState, v: &Value) -> PyResult<usize> {
    Ok(items(v)?.len())
}

/// Lexicographic comparison of two sequences (CPython's tuple/list richcompare).
pub fn seq_richcompare(ts: &ThreadState, a: &[Value], b: &[Value], op: CompareOp) -> PyResult<Value> {
    let n = a.len().min(b.len());
    let mut i = 0;
    while i < n {
        if !protocol::eq(ts, &a[i], &b[i])? {
            break;
        }
        i += 1;
    }
    if i >= n {
        return Ok(bool_::new_bool(op.test(a.len().cmp(&b.len()))));
    }
    match op {
        CompareOp::Eq => Ok(bool_::false_value()),
        CompareOp::Ne => Ok(bool_::true_value()),
        _ => protocol::richcompare(ts, &a[i], &b[i], op),
    }
}

fn tuple_richcompare(ts: &ThreadState, v: &Value, w: &Value, op: CompareOp) -> PyResult<Value> {
    let (Some(a), Some(b)) = (try_tuple_items(v), try_tuple_items(w)) else {
        return Ok(none::not_implemented());
    };
    seq_richcompare(ts, a, b, op)
}

/// Normalize an index for a sequence of `len` items (negative from the end).
pub fn normalize_index(ts: &ThreadState, key: &Value, len: usize, what: &str) -> PyResult<usize> {
    let i = protocol::index_isize(ts, key)?;
    let idx = if i < 0 { i + len as isize } else { i };
    if idx < 0 || idx as usize >= len {
        return Err(PyErr::index_error(format!("{what} index out of range")));
    }
    Ok(idx as usize)
}

/// Items selected by a slice.
pub fn slice_items(ts: &ThreadState, items: &[Value], sl: &super::slice::PySlice) -> PyResult<Vec<Value>> {
    let (start, _stop, step, count) = sl.indices(ts, items.len())?;
    let mut out = Vec::with_capacity(count);
    let mut i = start;
    for _ in 0..count {
        out.push(items[i as usize].clone());
        i = i.wrapping_add(step);
    }
    Ok(out)
}

fn is_index(v: &Value) -> bool {
    v.as_small_int().is_some() || v.type_of().data.slots.index.get().is_some()
}

fn tuple_subscript(ts: &ThreadState, v: &Value, key: &Value) -> PyResult<Value> {
    let it = items(v)?;
    if let Some(sl) = key.downcast::<super::slice::PySlice>() {
        let (_, _, step, count) = sl.indices(ts, it.len())?;
        // Only a forward full slice is the tuple itself.
        if step == 1 && count == it.len() && v.is_exact(&TUPLE_TYPE) {
            return Ok(v.clone());
        }
        let out = slice_items(ts, it, sl)?;
        if false {
            return Ok(v.clone());
        }
        return new_tuple(out);
    }
    if !is_index(key) {
        return Err(PyErr::type_error(format!(
            "tuple indices must be integers or slices, not {}",
            protocol::type_name(key)
        )));
    }
    Ok(it[normalize_index(ts, key, it.len(), "tuple")?].clone())
}

fn tuple_contains(ts: &ThreadState, v: &Value, x: &Value) -> PyResult<bool> {
    for it in items(v)? {
        if protocol::eq(ts, it, x)? {
            return Ok(true);
        }
    }
    Ok(false)
}

fn tuple_concat(_ts: &ThreadState, v: &Value, w: &Value) -> PyResult<Value> {
    let a = items(v)?;
    let Some(b) = try_tuple_items(w) else {
        return Err(PyErr::type_error(format!(
            "can only concatenate tuple (not \"{}\") to tuple",
            protocol::type_name(w)
        )));
    };
    let mut out = Vec::with_capacity(a.len() + b.len());
    out.extend_from_slice(a);
    out.extend_from_slice(b);
    new_tuple(out)
}

/// Repeat count of `seq * n` (negative counts as zero), MemoryError when huge.
pub fn repeat_count(ts: &ThreadState, n: &Value, len: usize) -> PyResult<usize> {
    let n = protocol::index(ts, n)?;
    let count = match int::to_isize(&n) {
        Some(c) if c <= 0 => 0,
        Some(c) => c as usize,
        None if int::is_negative(&n) => 0,
        None => return Err(PyErr::overflow_error("cannot fit 'int' into an index-sized integer")),
    };
    if len > 0 && count.checked_mul(len).is_none_or(|t| t > (isize::MAX as usize) / 8) {
        return Err(PyErr::no_memory());
    }
    Ok(count)
}

fn tuple_repeat(ts: &ThreadState, v: &Value, n: &Value) -> PyResult<Value> {
    let it = items(v)?;
    let count = repeat_count(ts, n, it.len())?;
    if count == 1 && v.is_exact(&TUPLE_TYPE) {
        return Ok(v.clone());
    }
    let mut out = Vec::with_capacity(it.len() * count);
    for _ in 0..count {
        out.extend_from_slice(it);
    }
    new_tuple(out)
}

fn tuple_new(ts: &ThreadState, cls: &Value, args: &[Value], kwnames: Option<&Value>) -> PyResult<Value> {
    crate::object::args::no_kwargs("tuple", kwnames)?;
    let args = crate::object::args::positional("tuple", args, kwnames, 0, 1)?;
    let items = match args.first() {
        None => vec![],
        Some(x) => {
            if cls.is(&TUPLE_TYPE.to_value()) && x.is_exact(&TUPLE_TYPE) {
                return Ok(x.clone());
            }
            protocol::collect(ts, x)?
        }
    };
    if cls.is(&TUPLE_TYPE.to_value()) {
        return new_tuple(items);
    }
    Value::new_instance(cls, PyTuple { items: items.into_boxed_slice() })
}

fn tuple_index(ts: &ThreadState, v: &Value, a: &[Value], k: Option<&Value>) -> PyResult<Value> {
    let a = crate::object::args::positional("index", a, k, 1, 3)?;
    let it = items(v)?;
    let (start, stop) = super::list::start_stop(ts, a.get(1), a.get(2), it.len())?;
    for (i, x) in it.iter().enumerate().take(stop).skip(start) {
        if protocol::eq(ts, x, &a[0])? {
            return Ok(int::from_i64(i as i64));
        }
    }
    Err(PyErr::value_error("tuple.index(x): x not in tuple"))
}

fn tuple_count(ts: &ThreadState, v: &Value, a: &[Value], k: Option<&Value>) -> PyResult<Value> {
    let a = crate::object::args::exact("tuple.count", a, k, 1)?;
    let mut n = 0;
    for x in items(v)? {
        if protocol::eq(ts, x, &a[0])? {
            n += 1;
        }
    }
    Ok(int::from_i64(n))
}

fn tuple_getnewargs(_ts: &ThreadState, v: &Value, a: &[Value], k: Option<&Value>) -> PyResult<Value> {
    crate::object::args::exact("tuple.__getnewargs__", a, k, 0)?;
    new_tuple(vec![new_tuple(items(v)?.to_vec())?])
}

fn tuple_class_getitem(_ts: &ThreadState, cls: &Value, a: &[Value], k: Option<&Value>) -> PyResult<Value> {
    let a = crate::object::args::exact("tuple.__class_getitem__", a, k, 1)?;
    super::genericalias::new_generic_alias(cls.clone(), a[0].clone())
}

/// Iterator over a tuple.
pub struct TupleIterator {
    pub seq: Value,
    pub pos: Cell<usize>,
}

pub static TUPLE_ITERATOR_TYPE: PyType = PyObject::new_static(
    &super::typeobject::TYPE_TYPE,
    TypeObject::builtin::<TupleIterator>("tuple_iterator", &TUPLE_ITERATOR_TYPE, Some(&super::object::OBJECT_TYPE), TPFLAGS_HAVE_GC),
);

impl PyPayload for TupleIterator {
    fn class() -> &'static PyType {
        &TUPLE_ITERATOR_TYPE
    }
}

pub fn iterator_types() -> Vec<&'static PyType> {
    vec![&TUPLE_ITERATOR_TYPE]
}

fn tuple_iter(_ts: &ThreadState, v: &Value) -> PyResult<Value> {
    Value::new(TupleIterator { seq: v.clone(), pos: Cell::new(0) })
}

fn tuple_iter_next(_ts: &ThreadState, it: &Value) -> PyResult<Option<Value>> {
    let it = it.downcast::<TupleIterator>().ok_or_else(|| PyErr::type_error("tuple_iterator expected"))?;
    let items = tuple_items(&it.seq);
    let p = it.pos.get();
    if p < items.len() {
        it.pos.set(p + 1);
        Ok(Some(items[p].clone()))
    } else {
        Ok(None)
    }
}

fn tuple_iter_length_hint(_ts: &ThreadState, it: &Value, _a: &[Value], _k: Option<&Value>) -> PyResult<Value> {
    let it = it.downcast::<TupleIterator>().ok_or_else(|| PyErr::type_error("tuple_iterator expected"))?;
    Ok(int::from_i64(tuple_items(&it.seq).len().saturating_sub(it.pos.get()) as i64))
}

fn self_iter(_ts: &ThreadState, v: &Value) -> PyResult<Value> {
    Ok(v.clone())
}

pub fn init() {
    let s = &TUPLE_TYPE.data.slots;
    s.repr.set(Some(tuple_repr));
    s.hash.set(Some(tuple_hash));
    s.length.set(Some(tuple_len));
    s.richcompare.set(Some(tuple_richcompare));
    s.subscript.set(Some(tuple_subscript));
    s.contains.set(Some(tuple_contains));
    s.concat.set(Some(tuple_concat));
    s.repeat.set(Some(tuple_repeat));
    s.iter.set(Some(tuple_iter));
    s.new.set(Some(tuple_new));
    s.getattro.set(Some(protocol::generic_getattr));
    super::descr::add_methods(
        &TUPLE_TYPE,
        &[("index", tuple_index), ("count", tuple_count), ("__getnewargs__", tuple_getnewargs)],
    );
    super::descr::add_methods_kind(&TUPLE_TYPE, &[("__class_getitem__", tuple_class_getitem)], super::descr::MethodKind::Class);
    let s = &TUPLE_ITERATOR_TYPE.data.slots;
    s.iter.set(Some(self_iter));
    s.iternext.set(Some(tuple_iter_next));
    super::descr::add_methods(&TUPLE_ITERATOR_TYPE, &[("__length_hint__", tuple_iter_length_hint)]);
}

/// Items are released last to first, as CPython's tupledealloc does.
impl Drop for PyTuple {
    fn drop(&mut self) {
        let mut items = std::mem::take(&mut self.items).into_vec();
        while let Some(x) = items.pop() {
            drop(x);
        }
    }
}
