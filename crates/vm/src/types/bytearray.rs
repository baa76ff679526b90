//! `bytearray`: a mutable byte string. Memoryviews over it count as exports;
//! while any exists, operations that would resize it raise BufferError
//! (the views read and write the same vector).

use std::cell::{Cell, RefCell};

use crate::object::protocol;
use crate::object::typeobj::{CompareOp, PyType, TypeObject, TPFLAGS_BASETYPE};
use crate::object::value::{PyObject, PyPayload, Value};
use crate::runtime::errors::{PyErr, PyResult};
use crate::runtime::thread::ThreadState;
use crate::types::bytes::{self, ByteSeq};
use crate::types::{bool_, exceptions as exc, int, none, slice::PySlice, str as pystr, tuple};

type Args<'a> = &'a [Value];

/// A bytearray object.
pub struct PyByteArray {
    pub data: RefCell<Vec<u8>>,
    /// Live memoryviews over this buffer (CPython's ob_exports).
    pub exports: Cell<usize>,
}

impl PyByteArray {
    /// A bytearray payload holding `data`.
    pub fn new(data: Vec<u8>) -> PyByteArray {
        PyByteArray { data: RefCell::new(data), exports: Cell::new(0) }
    }

    /// BufferError if memoryviews pin the current size.
    pub fn check_resizable(&self) -> PyResult<()> {
        if self.exports.get() > 0 {
            return Err(PyErr::new(&exc::BUFFER_ERROR, "Existing exports of data: object cannot be re-sized"));
        }
        Ok(())
    }
}

/// The `bytearray` type.
pub static BYTEARRAY_TYPE: PyType = PyObject::new_static(
    &super::typeobject::TYPE_TYPE,
    TypeObject::builtin::<PyByteArray>("bytearray", &BYTEARRAY_TYPE, Some(&super::object::OBJECT_TYPE), TPFLAGS_BASETYPE),
);

impl PyPayload for PyByteArray {
    fn class() -> &'static PyType {
        &BYTEARRAY_TYPE
    }
}

/// `bytearray_iterator`: position over a bytearray (sees later mutations).
pub struct ByteArrayIterator {
    seq: Value,
    pos: Cell<usize>,
}

/// The `bytearray_iterator` type.
pub static BYTEARRAY_ITERATOR_TYPE: PyType = PyObject::new_static(
    &super::typeobject::TYPE_TYPE,
    TypeObject::builtin::<ByteArrayIterator>("bytearray_iterator", &BYTEARRAY_ITERATOR_TYPE, Some(&super::object::OBJECT_TYPE), 0),
);

impl PyPayload for ByteArrayIterator {
    fn class() -> &'static PyType {
        &BYTEARRAY_ITERATOR_TYPE
    }
}

/// The bytearray iterator type (the bytearray type itself is listed on its own).
pub fn iterator_types() -> Vec<&'static PyType> {
    vec![&BYTEARRAY_ITERATOR_TYPE]
}

/// The payload of a bytearray (or subclass instance).
pub fn as_bytearray(v: &Value) -> Option<&PyByteArray> {
    v.downcast::<PyByteArray>()
}

/// A new exact bytearray.
pub fn new_bytearray(data: Vec<u8>) -> PyResult<Value> {
    Value::new(PyByteArray::new(data))
}

fn this(v: &Value) -> PyResult<&PyByteArray> {
    as_bytearray(v).ok_or_else(|| PyErr::type_error("descriptor requires a 'bytearray' object"))
}

/// Marker for `bytearray` in the methods shared with bytes.
pub struct ByteArrayKind;

impl ByteSeq for ByteArrayKind {
    const NAME: &'static str = "bytearray";
    fn data(v: &Value) -> PyResult<bytes::DataRef<'_>> {
        Ok(bytes::DataRef::Cell(this(v)?.data.borrow()))
    }
    fn make(data: Vec<u8>) -> PyResult<Value> {
        new_bytearray(data)
    }
}

fn ba_repr(_ts: &ThreadState, v: &Value) -> PyResult<Value> {
    let b = this(v)?;
    let inner = syntax::repr::bytes_repr(&b.data.borrow());
    Ok(pystr::new_str(&format!("{}({})", v.type_of().name(), inner)))
}

fn ba_str(ts: &ThreadState, v: &Value) -> PyResult<Value> {
    bytes::bytes_warning(ts, "str() on a bytearray instance")?;
    ba_repr(ts, v)
}

fn ba_len(_ts: &ThreadState, v: &Value) -> PyResult<usize> {
    Ok(this(v)?.data.borrow().len())
}

fn ba_richcompare(ts: &ThreadState, v: &Value, w: &Value, op: CompareOp) -> PyResult<Value> {
    let Ok(a) = this(v) else { return Ok(none::not_implemented()) };
    if w.type_of().is_subtype(&super::str::STR_TYPE) && matches!(op, CompareOp::Eq | CompareOp::Ne) {
        bytes::bytes_warning(ts, "Comparison between bytearray and string")?;
    }
    if super::memoryview::is_memoryview(w) && super::memoryview::checked_bytes(w).is_err() {
        return Ok(none::not_implemented());
    }
    let Some(b) = bytes::buffer_data(w) else { return Ok(none::not_implemented()) };
    let r = op.test(a.data.borrow().as_slice().cmp(&b));
    Ok(bool_::new_bool(r))
}

fn is_index(v: &Value) -> bool {
    v.as_small_int().is_some() || v.type_of().data.slots.index.get().is_some()
}

fn bad_index(key: &Value) -> PyErr {
    PyErr::type_error(format!("bytearray indices must be integers or slices, not {}", protocol::type_name(key)))
}

fn ba_subscript(ts: &ThreadState, v: &Value, key: &Value) -> PyResult<Value> {
    let b = this(v)?;
    if let Some(sl) = key.downcast::<PySlice>() {
        let data = b.data.borrow().clone();
        return new_bytearray(bytes::slice_bytes(ts, &data, sl)?);
    }
    if !is_index(key) {
        return Err(bad_index(key));
    }
    let len = b.data.borrow().len();
    let i = bytes::seq_index(ts, key, len, "bytearray index out of range")?;
    let byte = b.data.borrow().get(i).copied();
    byte.map(|x| int::from_i64(x as i64)).ok_or_else(|| PyErr::index_error("bytearray index out of range"))
}

/// The bytes to store by a slice assignment: a buffer or an iterable of ints.
fn assigned_bytes(ts: &ThreadState, x: &Value) -> PyResult<Vec<u8>> {
    if super::memoryview::is_memoryview(x) {
        return super::memoryview::checked_bytes(x);
    }
    if let Some(b) = bytes::buffer_data(x) {
        return Ok(b.into_owned());
    }
    if is_index(x) || pystr::as_pystr(x).is_some() {
        return Err(PyErr::type_error("can assign only bytes, buffers, or iterables of ints in range(0, 256)"));
    }
    // Anything else is converted as bytearray(x) would.
    bytes::ints_from_iterable(ts, x, "byte must be in range(0, 256)", |x| {
        PyErr::type_error(format!("cannot convert '{}' object to bytearray", protocol::type_name(x)))
    })
}

/// Replace the bytes a slice selects by `new` (None deletes them); the vector
/// resizes only for step 1 (extended slices need equal sizes).
pub fn assign_slice(ts: &ThreadState, b: &PyByteArray, sl: &PySlice, new: Option<Vec<u8>>) -> PyResult<()> {
    let len = b.data.borrow().len();
    let (start, stop, step, count) = sl.indices(ts, len)?;
    if step == 1 {
        let start = start as usize;
        let stop = (stop.max(start as isize)) as usize;
        let new = new.unwrap_or_default();
        if new.len() != stop - start {
            b.check_resizable()?;
        }
        b.data.borrow_mut().splice(start..stop, new);
        return Ok(());
    }
    // An empty replacement of an extended slice deletes it (CPython does so too).
    let new = new.filter(|n| !n.is_empty());
    match new {
        None => {
            if count == 0 {
                return Ok(());
            }
            b.check_resizable()?;
            let mut drop = vec![false; len];
            let mut i = start;
            for _ in 0..count {
                drop[i as usize] = true;
                i += step;
            }
            let mut k = 0;
            b.data.borrow_mut().retain(|_| {
                k += 1;
                !drop[k - 1]
            });
            Ok(())
        }
        Some(new) => {
            if new.len() != count {
                return Err(PyErr::value_error(format!(
                    "attempt to assign bytes of size {} to extended slice of size {count}",
                    new.len()
                )));
            }
            let mut d = b.data.borrow_mut();
            let mut i = start;
            for x in new {
                d[i as usize] = x;
                i += step;
            }
            Ok(())
        }
    }
}

fn ba_ass_subscript(ts: &ThreadState, v: &Value, key: &Value, value: Option<&Value>) -> PyResult<()> {
    let b = this(v)?;
    if let Some(sl) = key.downcast::<PySlice>() {
        let new = match value {
            Some(x) => Some(assigned_bytes(ts, x)?),
            None => None,
        };
        return assign_slice(ts, b, sl, new);
    }
    if !is_index(key) {
        return Err(bad_index(key));
    }
    let i = protocol::index(ts, key)?;
    // The value is converted before the range check (its __index__ may resize us).
    let byte = match value {
        Some(x) => Some(bytes::byte_value(ts, x)?),
        None => None,
    };
    let len = b.data.borrow().len();
    let i = bytes::seq_index(ts, &i, len, "bytearray index out of range")?;
    match byte {
        Some(byte) => {
            let mut d = b.data.borrow_mut();
            if i < d.len() {
                d[i] = byte;
            }
        }
        None => {
            b.check_resizable()?;
            let mut d = b.data.borrow_mut();
            if i < d.len() {
                d.remove(i);
            }
        }
    }
    Ok(())
}

fn ba_contains(ts: &ThreadState, v: &Value, x: &Value) -> PyResult<bool> {
    let data = this(v)?.data.borrow().clone();
    bytes::contains_data(ts, &data, x)
}

fn ba_new(_ts: &ThreadState, cls: &Value, _args: &[Value], _kw: Option<&Value>) -> PyResult<Value> {
    Value::new_instance(cls, PyByteArray::new(Vec::new()))
}

fn ba_init(ts: &ThreadState, v: &Value, args: &[Value], kw: Option<&Value>) -> PyResult<()> {
    let [source, encoding, errors] = bytes::clinic_bind("bytearray", args, kw, ["source", "encoding", "errors"], 0, 0)?;
    let data = if let (Some(s), None, None) = (&source, &encoding, &errors) {
        if super::memoryview::is_memoryview(s) || bytes::has_buffer(s) || pystr::as_pystr(s).is_some() || is_index(s) {
            bytes::bytes_from_object(ts, s)?
        } else {
            bytes::ints_from_iterable(ts, s, "byte must be in range(0, 256)", |x| {
                PyErr::type_error(format!("cannot convert '{}' object to bytearray", protocol::type_name(x)))
            })?
        }
    } else {
        bytes::ctor_data(ts, "bytearray", source, encoding, errors)?.unwrap_or_default()
    };
    let b = this(v)?;
    // Re-initializing empties the array first, which exports forbid.
    if !b.data.borrow().is_empty() {
        b.check_resizable()?;
    }
    *b.data.borrow_mut() = data;
    Ok(())
}

fn m_append(ts: &ThreadState, v: &Value, a: Args, k: Option<&Value>) -> PyResult<Value> {
    let a = crate::object::args::exact("bytearray.append", a, k, 1)?;
    let byte = bytes::byte_value(ts, &a[0])?;
    let b = this(v)?;
    b.check_resizable()?;
    b.data.borrow_mut().push(byte);
    Ok(none::none())
}

fn extend_data(ts: &ThreadState, x: &Value) -> PyResult<Vec<u8>> {
    if super::memoryview::is_memoryview(x) {
        return super::memoryview::checked_bytes(x);
    }
    if let Some(b) = bytes::buffer_data(x) {
        return Ok(b.into_owned());
    }
    let it = protocol::get_iter(ts, x).map_err(|e| {
        if e.matches(&exc::TYPE_ERROR) {
            PyErr::type_error(format!("can't extend bytearray with {}", protocol::type_name(x)))
        } else {
            e
        }
    })?;
    let mut out = Vec::new();
    while let Some(item) = protocol::next(ts, &it)? {
        out.push(bytes::byte_value(ts, &item)?);
    }
    Ok(out)
}

fn m_extend(ts: &ThreadState, v: &Value, a: Args, k: Option<&Value>) -> PyResult<Value> {
    let a = crate::object::args::exact("bytearray.extend", a, k, 1)?;
    let more = extend_data(ts, &a[0])?;
    let b = this(v)?;
    if !more.is_empty() {
        b.check_resizable()?;
    }
    b.data.borrow_mut().extend(more);
    Ok(none::none())
}

fn m_insert(ts: &ThreadState, v: &Value, a: Args, k: Option<&Value>) -> PyResult<Value> {
    let a = crate::object::args::positional("insert", a, k, 2, 2)?;
    let i = protocol::index_isize(ts, &a[0]).map_err(|e| {
        if e.matches(&exc::INDEX_ERROR) { PyErr::overflow_error("Python int too large to convert to C ssize_t") } else { e }
    })?;
    let byte = bytes::byte_value(ts, &a[1])?;
    let b = this(v)?;
    b.check_resizable()?;
    let mut d = b.data.borrow_mut();
    let n = d.len() as isize;
    let pos = if i < 0 { (i + n).max(0) } else { i.min(n) } as usize;
    d.insert(pos, byte);
    Ok(none::none())
}

fn m_pop(ts: &ThreadState, v: &Value, a: Args, k: Option<&Value>) -> PyResult<Value> {
    let a = crate::object::args::positional("pop", a, k, 0, 1)?;
    let i = match a.first() {
        Some(x) => protocol::index_isize(ts, x).map_err(|e| {
            if e.matches(&exc::INDEX_ERROR) { PyErr::overflow_error("Python int too large to convert to C ssize_t") } else { e }
        })?,
        None => -1,
    };
    let b = this(v)?;
    let n = b.data.borrow().len() as isize;
    if n == 0 {
        return Err(PyErr::index_error("pop from empty bytearray"));
    }
    let idx = if i < 0 { i + n } else { i };
    if idx < 0 || idx >= n {
        return Err(PyErr::index_error("pop index out of range"));
    }
    b.check_resizable()?;
    let x = b.data.borrow_mut().remove(idx as usize);
    Ok(int::from_i64(x as i64))
}

fn m_remove(ts: &ThreadState, v: &Value, a: Args, k: Option<&Value>) -> PyResult<Value> {
    let a = crate::object::args::exact("bytearray.remove", a, k, 1)?;
    let byte = bytes::byte_value(ts, &a[0])?;
    let b = this(v)?;
    let pos = b.data.borrow().iter().position(|&x| x == byte);
    match pos {
        Some(p) => {
            b.check_resizable()?;
            b.data.borrow_mut().remove(p);
            Ok(none::none())
        }
        None => Err(PyErr::value_error("value not found in bytearray")),
    }
}

fn m_reverse(_ts: &ThreadState, v: &Value, a: Args, k: Option<&Value>) -> PyResult<Value> {
    crate::object::args::exact("bytearray.reverse", a, k, 0)?;
    this(v)?.data.borrow_mut().reverse();
    Ok(none::none())
}

fn m_clear(_ts: &ThreadState, v: &Value, a: Args, k: Option<&Value>) -> PyResult<Value> {
    crate::object::args::exact("bytearray.clear", a, k, 0)?;
    let b = this(v)?;
    if !b.data.borrow().is_empty() {
        b.check_resizable()?;
    }
    b.data.borrow_mut().clear();
    Ok(none::none())
}

fn m_copy(_ts: &ThreadState, v: &Value, a: Args, k: Option<&Value>) -> PyResult<Value> {
    crate::object::args::exact("bytearray.copy", a, k, 0)?;
    new_bytearray(this(v)?.data.borrow().clone())
}

fn m_alloc(_ts: &ThreadState, v: &Value, a: Args, k: Option<&Value>) -> PyResult<Value> {
    crate::object::args::exact("bytearray.__alloc__", a, k, 0)?;
    let d = this(v)?.data.borrow();
    Ok(int::from_usize(if d.capacity() == 0 { 0 } else { d.capacity().max(d.len() + 1) }))
}

fn m_sizeof(_ts: &ThreadState, v: &Value, a: Args, k: Option<&Value>) -> PyResult<Value> {
    crate::object::args::exact("bytearray.__sizeof__", a, k, 0)?;
    // CPython's PyByteArrayObject (56 bytes) plus the allocation (data and a NUL).
    let d = this(v)?.data.borrow();
    let alloc = if d.capacity() == 0 { 0 } else { d.capacity().max(d.len() + 1) };
    Ok(int::from_usize(56 + alloc))
}

/// `__reduce__`/`__reduce_ex__`: protocols below 3 rebuild from a latin-1 str, later ones from bytes.
fn reduce_impl(v: &Value, proto: isize) -> PyResult<Value> {
    let data = this(v)?.data.borrow().clone();
    let dict = protocol::instance_dict(v).unwrap_or_else(none::none);
    let args = if proto < 3 {
        let text = pystr::from_data(crate::stringlib::StrData::from_latin1(&data));
        tuple::new_tuple(vec![text, pystr::new_str("latin-1")])?
    } else {
        tuple::new_tuple(vec![bytes::new_bytes(data)])?
    };
    tuple::new_tuple(vec![v.type_of().to_value(), args, dict])
}

fn m_reduce(_ts: &ThreadState, v: &Value, a: Args, k: Option<&Value>) -> PyResult<Value> {
    crate::object::args::exact("bytearray.__reduce__", a, k, 0)?;
    reduce_impl(v, 2)
}

fn m_reduce_ex(ts: &ThreadState, v: &Value, a: Args, k: Option<&Value>) -> PyResult<Value> {
    let a = crate::object::args::positional("__reduce_ex__", a, k, 0, 1)?;
    let proto = match a.first() {
        Some(p) => bytes::ssize_arg(ts, p)?,
        None => 0,
    };
    reduce_impl(v, proto)
}

fn ba_concat(ts: &ThreadState, v: &Value, w: &Value) -> PyResult<Value> {
    let _ = ts;
    let mut out = this(v)?.data.borrow().clone();
    let more = bytes::buffer_data(w).ok_or_else(|| {
        PyErr::type_error(format!("can't concat {} to {}", protocol::type_name(w), protocol::type_name(v)))
    })?;
    out.extend_from_slice(&more);
    new_bytearray(out)
}

fn ba_iconcat(_ts: &ThreadState, v: &Value, w: &Value) -> PyResult<Value> {
    let more = bytes::buffer_data(w)
        .ok_or_else(|| {
            PyErr::type_error(format!("can't concat {} to {}", protocol::type_name(w), protocol::type_name(v)))
        })?
        .into_owned();
    let b = this(v)?;
    if !more.is_empty() {
        b.check_resizable()?;
    }
    b.data.borrow_mut().extend(more);
    Ok(v.clone())
}

fn ba_repeat(ts: &ThreadState, v: &Value, n: &Value) -> PyResult<Value> {
    let data = this(v)?.data.borrow().clone();
    new_bytearray(bytes::repeat_data(ts, &data, n)?)
}

fn ba_irepeat(ts: &ThreadState, v: &Value, n: &Value) -> PyResult<Value> {
    let b = this(v)?;
    let data = b.data.borrow().clone();
    let out = bytes::repeat_data(ts, &data, n)?;
    if out.len() != data.len() {
        b.check_resizable()?;
    }
    *b.data.borrow_mut() = out;
    Ok(v.clone())
}

fn ba_mod(ts: &ThreadState, v: &Value, w: &Value) -> PyResult<Value> {
    let Some(b) = as_bytearray(v) else {
        return Ok(none::not_implemented());
    };
    let data = b.data.borrow().clone();
    new_bytearray(bytes::percent_format(ts, &data, w)?)
}

fn ba_iter(_ts: &ThreadState, v: &Value) -> PyResult<Value> {
    Value::new(ByteArrayIterator { seq: v.clone(), pos: Cell::new(0) })
}

fn ba_iter_next(_ts: &ThreadState, it: &Value) -> PyResult<Option<Value>> {
    let it = it.downcast::<ByteArrayIterator>().ok_or_else(|| PyErr::type_error("bytearray_iterator expected"))?;
    let b = this(&it.seq)?;
    let p = it.pos.get();
    let x = b.data.borrow().get(p).copied();
    match x {
        Some(x) => {
            it.pos.set(p + 1);
            Ok(Some(int::from_i64(x as i64)))
        }
        None => {
            it.pos.set(usize::MAX);
            Ok(None)
        }
    }
}

fn ba_iter_length_hint(_ts: &ThreadState, it: &Value, a: Args, k: Option<&Value>) -> PyResult<Value> {
    crate::object::args::exact("__length_hint__", a, k, 0)?;
    let it = it.downcast::<ByteArrayIterator>().ok_or_else(|| PyErr::type_error("bytearray_iterator expected"))?;
    let n = this(&it.seq)?.data.borrow().len();
    Ok(int::from_usize(n.saturating_sub(it.pos.get())))
}

fn self_iter(_ts: &ThreadState, v: &Value) -> PyResult<Value> {
    Ok(v.clone())
}

/// Fill the slots and methods of bytearray and its iterator.
pub fn init() {
    let s = &BYTEARRAY_TYPE.data.slots;
    s.repr.set(Some(ba_repr));
    s.str.set(Some(ba_str));
    s.length.set(Some(ba_len));
    s.richcompare.set(Some(ba_richcompare));
    s.subscript.set(Some(ba_subscript));
    s.ass_subscript.set(Some(ba_ass_subscript));
    s.contains.set(Some(ba_contains));
    s.iter.set(Some(ba_iter));
    s.new.set(Some(ba_new));
    s.init.set(Some(ba_init));
    s.concat.set(Some(ba_concat));
    s.inplace_concat.set(Some(ba_iconcat));
    s.repeat.set(Some(ba_repeat));
    s.inplace_repeat.set(Some(ba_irepeat));
    s.hash.set(Some(super::object::hash_not_implemented));
    s.getattro.set(Some(protocol::generic_getattr));
    s.binary[crate::object::typeobj::nb::REMAINDER].set(Some(ba_mod));
    // Unhashable: `bytearray.__hash__` is None, as for CPython's mutable builtins.
    super::dict::dict_set_str(&BYTEARRAY_TYPE.data.dict(), "__hash__", none::none());
    bytes::add_shared_methods::<ByteArrayKind>(&BYTEARRAY_TYPE);
    super::descr::add_methods(
        &BYTEARRAY_TYPE,
        &[
            ("append", m_append),
            ("extend", m_extend),
            ("insert", m_insert),
            ("pop", m_pop),
            ("remove", m_remove),
            ("reverse", m_reverse),
            ("clear", m_clear),
            ("copy", m_copy),
            ("__alloc__", m_alloc),
            ("__sizeof__", m_sizeof),
            ("__reduce__", m_reduce),
            ("__reduce_ex__", m_reduce_ex),
        ],
    );
    let s = &BYTEARRAY_ITERATOR_TYPE.data.slots;
    s.iter.set(Some(self_iter));
    s.iternext.set(Some(ba_iter_next));
    s.getattro.set(Some(protocol::generic_getattr));
    super::descr::add_methods(&BYTEARRAY_ITERATOR_TYPE, &[("__length_hint__", ba_iter_length_hint)]);
}
