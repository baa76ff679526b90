//! `array`: compact arrays of C numbers (CPython's Modules/arraymodule.c).
//!
//! Items are kept as raw native-endian bytes, so tobytes/frombytes/byteswap
//! and the buffer exported to memoryview work on the vector directly; items
//! are converted to Python objects on access. Item sizes are those of Linux
//! x86-64 (wchar_t and long are 4 and 8 bytes). Views over an array count as
//! exports, which keep it from resizing (as for bytearray).

use std::cell::{Cell, RefCell};

use num_bigint::BigInt;
use num_traits::ToPrimitive;

use crate::object::args;
use crate::object::protocol;
use crate::object::typeobj::{CompareOp, PyType, TypeObject, TPFLAGS_BASETYPE, TPFLAGS_HAVE_GC};
use crate::object::value::{PyObject, PyPayload, Value};
use crate::runtime::errors::{PyErr, PyResult};
use crate::runtime::thread::ThreadState;
use crate::types::{bool_, bytes, exceptions as exc, float, int, list, none, slice::PySlice, str as pystr, tuple};

type Args<'a> = &'a [Value];
type Kw<'a> = Option<&'a Value>;

/// The typecodes, in CPython's descriptor order.
const TYPECODES: &str = "bBuhHiIlLqQfd";

/// Size in bytes of one item of typecode `c` (None for an unknown typecode).
pub fn itemsize(c: u8) -> Option<usize> {
    Some(match c {
        b'b' | b'B' => 1,
        b'h' | b'H' => 2,
        b'u' | b'i' | b'I' | b'f' => 4,
        b'l' | b'L' | b'q' | b'Q' | b'd' => 8,
        _ => return None,
    })
}

/// An array object (tracked by the collector only so that it can be weakly referenced).
pub struct PyArray {
    code: u8,
    /// The items, native-endian, `itemsize` bytes each.
    data: RefCell<Vec<u8>>,
    /// Live memoryviews over this array (CPython's ob_exports).
    exports: Cell<usize>,
    /// Items CPython would have allocated (its growth pattern), for __sizeof__.
    allocated: Cell<usize>,
}

impl PyArray {
    fn new(code: u8, data: Vec<u8>) -> PyArray {
        let n = data.len() / itemsize(code).unwrap_or(1);
        PyArray { code, data: RefCell::new(data), exports: Cell::new(0), allocated: Cell::new(n) }
    }

    /// Follow CPython's array_resize from `old` items to the current length:
    /// it keeps its allocation unless growing past it or shrinking by 16 or more.
    fn note_resize(&self, old: usize) {
        self.allocated.set(resized_alloc(self.allocated.get(), old, self.len()));
    }

    fn size(&self) -> usize {
        itemsize(self.code).unwrap_or(1)
    }

    fn len(&self) -> usize {
        self.data.borrow().len() / self.size()
    }

    /// BufferError if memoryviews pin the current size.
    fn check_resizable(&self) -> PyResult<()> {
        if self.exports.get() > 0 {
            return Err(PyErr::new(&exc::BUFFER_ERROR, "cannot resize an array that is exporting buffers"));
        }
        Ok(())
    }

    fn item(&self, i: usize) -> PyResult<Value> {
        let n = self.size();
        let d = self.data.borrow();
        let raw = d.get(i * n..i * n + n).ok_or_else(|| PyErr::index_error("array index out of range"))?;
        decode(self.code, raw)
    }

    fn items(&self) -> PyResult<Vec<Value>> {
        let n = self.size();
        let d = self.data.borrow().clone();
        d.chunks_exact(n).map(|c| decode(self.code, c)).collect()
    }
}

/// CPython's allocation (in items) after array_resize from `old` to `new` items.
fn resized_alloc(alloc: usize, old: usize, new: usize) -> usize {
    if alloc >= new && old < new + 16 && alloc > 0 {
        return alloc;
    }
    if new == 0 {
        return 0;
    }
    (new >> 4) + if old < 8 { 3 } else { 7 } + new
}

/// The `array.array` type.
pub static ARRAY_TYPE: PyType = PyObject::new_static(
    &crate::types::typeobject::TYPE_TYPE,
    TypeObject::builtin::<PyArray>("array.array", &ARRAY_TYPE, Some(&crate::types::object::OBJECT_TYPE), TPFLAGS_BASETYPE | TPFLAGS_HAVE_GC),
);

impl PyPayload for PyArray {
    fn class() -> &'static PyType {
        &ARRAY_TYPE
    }
}

/// `array.arrayiterator`: a position over an array (sees later mutations).
pub struct ArrayIterator {
    array: RefCell<Option<Value>>,
    pos: Cell<usize>,
}

/// The `array.arrayiterator` type.
pub static ARRAY_ITERATOR_TYPE: PyType = PyObject::new_static(
    &crate::types::typeobject::TYPE_TYPE,
    TypeObject::builtin::<ArrayIterator>("array.arrayiterator", &ARRAY_ITERATOR_TYPE, Some(&crate::types::object::OBJECT_TYPE), 0),
);

impl PyPayload for ArrayIterator {
    fn class() -> &'static PyType {
        &ARRAY_ITERATOR_TYPE
    }
}

/// The array type and its iterator type.
pub fn types() -> Vec<&'static PyType> {
    vec![&ARRAY_TYPE, &ARRAY_ITERATOR_TYPE]
}

/// The buffer an array exports (for memoryview and the buffer users):
/// its byte vector, its export counter, the struct format character and the item size.
pub fn buffer_parts(v: &Value) -> Option<(&RefCell<Vec<u8>>, &Cell<usize>, u8, usize)> {
    let a = v.downcast::<PyArray>()?;
    // CPython exports 'u' arrays with the wchar_t format 'w'.
    let fmt = if a.code == b'u' { b'w' } else { a.code };
    Some((&a.data, &a.exports, fmt, a.size()))
}

fn this(v: &Value) -> PyResult<&PyArray> {
    v.downcast::<PyArray>().ok_or_else(|| PyErr::type_error("descriptor requires a 'array.array' object"))
}

/// A new exact array.
fn new_array(code: u8, data: Vec<u8>) -> PyResult<Value> {
    Value::new(PyArray::new(code, data))
}

// ----- item conversion -----

/// The Python object for one raw item.
fn decode(code: u8, raw: &[u8]) -> PyResult<Value> {
    let mut b = [0u8; 8];
    let n = raw.len().min(8);
    b[..n].copy_from_slice(&raw[..n]);
    let [b0, b1, b2, b3, ..] = b;
    let u = u64::from_ne_bytes(b);
    Ok(match code {
        b'b' => int::from_i64(b0 as i8 as i64),
        b'B' => int::from_i64(b0 as i64),
        b'h' => int::from_i64(i16::from_ne_bytes([b0, b1]) as i64),
        b'H' => int::from_i64(u16::from_ne_bytes([b0, b1]) as i64),
        b'i' => int::from_i64(i32::from_ne_bytes([b0, b1, b2, b3]) as i64),
        b'I' => int::from_i64(u32::from_ne_bytes([b0, b1, b2, b3]) as i64),
        b'l' | b'q' => int::from_i64(u as i64),
        b'L' | b'Q' => int::from_bigint(BigInt::from(u)),
        b'f' => float::new_float(f32::from_ne_bytes([b0, b1, b2, b3]) as f64),
        b'd' => float::new_float(f64::from_bits(u)),
        b'u' => {
            let cp = u32::from_ne_bytes([b0, b1, b2, b3]);
            char_str(cp)?
        }
        _ => none::none(),
    })
}

/// A one-character str, ValueError beyond U+10FFFF (a 'u' item read from raw bytes; message of chr()).
fn char_str(cp: u32) -> PyResult<Value> {
    if cp > 0x10ffff {
        return Err(PyErr::value_error("chr() arg not in range(0x110000)"));
    }
    Ok(pystr::from_data(crate::stringlib::StrData::from_code_points(&[cp])))
}

fn range_err(what: &str, big: bool) -> PyErr {
    PyErr::overflow_error(format!("{what} is {} {}", if big { "greater than" } else { "less than" }, if big { "maximum" } else { "minimum" }))
}

/// Check `x` against `lo..=hi`, OverflowError "`what` is greater than maximum" otherwise.
fn check_range(x: i64, lo: i64, hi: i64, what: &str) -> PyResult<()> {
    if x < lo {
        return Err(range_err(what, false));
    }
    if x > hi {
        return Err(range_err(what, true));
    }
    Ok(())
}

/// The int value of an integer item (via `__index__`).
fn int_item(ts: &ThreadState, v: &Value) -> PyResult<BigInt> {
    let i = protocol::index(ts, v)?;
    Ok(int::as_int(&i).map(|r| r.to_bigint()).unwrap_or_default())
}

/// `v` as a C long, with CPython's message.
fn c_long(n: &BigInt) -> PyResult<i64> {
    n.to_i64().ok_or_else(|| PyErr::overflow_error("Python int too large to convert to C long"))
}

/// The raw bytes of `v` as one item of typecode `code`, with the messages of CPython's setitem functions.
fn encode(ts: &ThreadState, code: u8, v: &Value) -> PyResult<Vec<u8>> {
    Ok(match code {
        b'u' => {
            let s = pystr::as_pystr(v).filter(|s| s.data.len() == 1);
            let cp = s
                .and_then(|s| s.data.code_points().next())
                .ok_or_else(|| PyErr::type_error("array item must be unicode character"))?;
            cp.to_ne_bytes().to_vec()
        }
        b'f' | b'd' => {
            let f = float::to_f64(ts, v)?;
            if code == b'f' {
                (f as f32).to_ne_bytes().to_vec()
            } else {
                f.to_ne_bytes().to_vec()
            }
        }
        b'b' => {
            let x = c_long(&int_item(ts, v)?)?;
            check_range(x, i16::MIN as i64, i16::MAX as i64, "signed short integer")?;
            check_range(x, i8::MIN as i64, i8::MAX as i64, "signed char")?;
            vec![x as i8 as u8]
        }
        b'B' => {
            let x = c_long(&int_item(ts, v)?)?;
            check_range(x, 0, 255, "unsigned byte integer")?;
            vec![x as u8]
        }
        b'h' => {
            let x = c_long(&int_item(ts, v)?)?;
            check_range(x, i16::MIN as i64, i16::MAX as i64, "signed short integer")?;
            (x as i16).to_ne_bytes().to_vec()
        }
        b'H' => {
            let x = c_long(&int_item(ts, v)?)?;
            check_range(x, i32::MIN as i64, i32::MAX as i64, "signed integer")?;
            check_range(x, 0, u16::MAX as i64, "unsigned short")?;
            (x as u16).to_ne_bytes().to_vec()
        }
        b'i' => {
            let x = c_long(&int_item(ts, v)?)?;
            check_range(x, i32::MIN as i64, i32::MAX as i64, "signed integer")?;
            (x as i32).to_ne_bytes().to_vec()
        }
        b'l' => c_long(&int_item(ts, v)?)?.to_ne_bytes().to_vec(),
        b'I' | b'L' => {
            let n = int_item(ts, v)?;
            if n.sign() == num_bigint::Sign::Minus {
                return Err(PyErr::overflow_error("can't convert negative value to unsigned int"));
            }
            let x = n.to_u64().ok_or_else(|| PyErr::overflow_error("Python int too large to convert to C unsigned long"))?;
            if code == b'I' {
                if x > u32::MAX as u64 {
                    return Err(PyErr::overflow_error("unsigned int is greater than maximum"));
                }
                (x as u32).to_ne_bytes().to_vec()
            } else {
                x.to_ne_bytes().to_vec()
            }
        }
        b'q' => {
            let n = int_item(ts, v)?;
            n.to_i64().ok_or_else(|| PyErr::overflow_error("int too big to convert"))?.to_ne_bytes().to_vec()
        }
        b'Q' => {
            let n = int_item(ts, v)?;
            if n.sign() == num_bigint::Sign::Minus {
                return Err(PyErr::overflow_error("can't convert negative int to unsigned"));
            }
            n.to_u64().ok_or_else(|| PyErr::overflow_error("int too big to convert"))?.to_ne_bytes().to_vec()
        }
        _ => return Err(PyErr::system_error("bad typecode")),
    })
}

/// Positional arguments of CPython's methods taking the defining class
/// (tofile, fromfile, __reduce_ex__, the iterator's __reduce__): exactly `n`.
fn defining_class_args<'a>(fname: &str, a: &'a [Value], k: Kw, n: usize) -> PyResult<&'a [Value]> {
    let npos = args::npositional(a, k);
    let s = if n == 1 { "" } else { "s" };
    if n == 0 && !a.is_empty() {
        return Err(PyErr::type_error(format!("{fname}() takes no arguments")));
    }
    if npos < n {
        return Err(PyErr::type_error(format!("{fname}() takes exactly {n} positional argument{s} ({npos} given)")));
    }
    if a.len() > n {
        return Err(PyErr::type_error(format!("{fname}() takes at most {n} argument{s} ({} given)", a.len())));
    }
    Ok(&a[..n])
}

// ----- construction -----

fn bad_typecode() -> PyErr {
    PyErr::value_error("bad typecode (must be b, B, u, h, H, i, I, l, L, q, Q, f or d)")
}

/// The typecode argument: a one-character str.
fn typecode_arg(fname: &str, v: &Value) -> PyResult<u32> {
    match pystr::as_pystr(v) {
        Some(s) if s.data.len() == 1 => Ok(s.data.code_points().next().unwrap_or(0)),
        _ => Err(PyErr::type_error(format!("{fname}() argument 1 must be a unicode character, not {}", protocol::type_name(v)))),
    }
}

/// Append the items of an iterator, converting each (items before a failing one stay).
fn extend_from_iter(ts: &ThreadState, a: &PyArray, it: &Value) -> PyResult<()> {
    while let Some(item) = protocol::next(ts, it)? {
        let raw = encode(ts, a.code, &item)?;
        a.check_resizable()?;
        let old = a.len();
        a.data.borrow_mut().extend_from_slice(&raw);
        a.note_resize(old);
    }
    Ok(())
}

/// Append raw bytes (ValueError unless whole items).
fn append_bytes(a: &PyArray, raw: &[u8]) -> PyResult<()> {
    if raw.len() % a.size() != 0 {
        return Err(PyErr::value_error("bytes length not a multiple of item size"));
    }
    if !raw.is_empty() {
        a.check_resizable()?;
    }
    let old = a.len();
    a.data.borrow_mut().extend_from_slice(raw);
    a.note_resize(old);
    Ok(())
}

fn append_unicode(a: &PyArray, s: &Value) -> PyResult<()> {
    let s = pystr::as_pystr(s).ok_or_else(|| PyErr::type_error("str expected"))?;
    let mut raw = Vec::with_capacity(s.data.len() * 4);
    for cp in s.data.code_points() {
        raw.extend_from_slice(&cp.to_ne_bytes());
    }
    append_bytes(a, &raw)
}

fn array_new(ts: &ThreadState, cls: &Value, a: Args, k: Kw) -> PyResult<Value> {
    // Keywords are refused unless a subclass defines an __init__ (which may take them).
    let own_init = match cls.as_type() {
        Some(t) => {
            let mine = t.lookup_str("__init__");
            let base = ARRAY_TYPE.data.lookup_str("__init__");
            !matches!((mine, base), (Some(x), Some(y)) if x.is(&y))
        }
        None => false,
    };
    let npos = args::npositional(a, k);
    if !own_init {
        args::no_kwargs("array.array", k)?;
    }
    let a = super::parse_tuple_args("array", &a[..npos], None, 1, 2)?;
    let c = typecode_arg("array", &a[0])?;
    let init = a.get(1).cloned();
    let c8 = u8::try_from(c).unwrap_or(0);
    let ch = char::from_u32(c).unwrap_or('?');
    if let Some(i) = &init {
        if pystr::as_pystr(i).is_some() && c != 'u' as u32 {
            return Err(PyErr::type_error(format!("cannot use a str to initialize an array with typecode '{ch}'")));
        }
        if let Some(other) = i.downcast::<PyArray>() {
            if other.code == b'u' && c != 'u' as u32 {
                return Err(PyErr::type_error(format!("cannot use a unicode array to initialize an array with typecode '{ch}'")));
            }
        }
    }
    // Anything but the known initializers is iterated (which may fail before the typecode check).
    let mut iter = None;
    if let Some(i) = &init {
        let known = i.downcast::<list::PyList>().is_some()
            || tuple::try_tuple_items(i).is_some()
            || i.downcast::<bytes::PyBytes>().is_some()
            || crate::types::bytearray::as_bytearray(i).is_some()
            || (c == 'u' as u32 && pystr::as_pystr(i).is_some())
            || i.downcast::<PyArray>().is_some_and(|o| o.code as u32 == c);
        if !known {
            iter = Some(protocol::get_iter(ts, i)?);
        }
    }
    if itemsize(c8).is_none() || !TYPECODES.as_bytes().contains(&c8) {
        return Err(bad_typecode());
    }
    let v = Value::new_instance(cls, PyArray::new(c8, Vec::new()))?;
    let arr = this(&v)?;
    if let Some(it) = iter {
        extend_from_iter(ts, arr, &it)?;
    } else if let Some(i) = &init {
        if let Some(items) = list_or_tuple_items(i) {
            let mut raw = Vec::with_capacity(items.len() * arr.size());
            for x in &items {
                raw.extend_from_slice(&encode(ts, c8, x)?);
            }
            *arr.data.borrow_mut() = raw;
            arr.allocated.set(arr.len());
        } else if let Some(o) = i.downcast::<PyArray>() {
            let d = o.data.borrow().clone();
            *arr.data.borrow_mut() = d;
            arr.allocated.set(arr.len());
        } else if pystr::as_pystr(i).is_some() {
            append_unicode(arr, i)?;
            // CPython adopts the converted wchar_t buffer as is.
            arr.allocated.set(arr.len());
        } else if let Some(b) = bytes::buffer_data(i) {
            append_bytes(arr, &b)?;
        }
    }
    Ok(v)
}

fn list_or_tuple_items(v: &Value) -> Option<Vec<Value>> {
    if let Some(l) = v.downcast::<list::PyList>() {
        return Some(l.items.borrow().clone());
    }
    tuple::try_tuple_items(v).map(|t| t.to_vec())
}

// ----- sequence protocol -----

fn arr_len(_ts: &ThreadState, v: &Value) -> PyResult<usize> {
    Ok(this(v)?.len())
}

fn arr_repr(ts: &ThreadState, v: &Value) -> PyResult<Value> {
    let a = this(v)?;
    // CPython's _PyType_Name: the part after the last dot.
    let full = v.type_of().name();
    let name = full.rsplit('.').next().unwrap_or(&full).to_string();
    let code = a.code as char;
    if a.len() == 0 {
        return Ok(pystr::new_str(&format!("{name}('{code}')")));
    }
    let inner = if a.code == b'u' { unicode_of(a)? } else { list::new_list(a.items()?)? };
    Ok(pystr::new_str(&format!("{name}('{code}', {})", protocol::repr_string(ts, &inner)?)))
}

fn is_index(v: &Value) -> bool {
    v.as_small_int().is_some() || v.type_of().data.slots.index.get().is_some()
}

/// Normalize an item index (negative counts from the end), IndexError with `msg` outside.
fn item_index(ts: &ThreadState, key: &Value, len: usize, msg: &str) -> PyResult<usize> {
    let i = protocol::index_isize(ts, key)?;
    let idx = if i < 0 { i + len as isize } else { i };
    if idx < 0 || idx as usize >= len {
        return Err(PyErr::index_error(msg));
    }
    Ok(idx as usize)
}

fn arr_subscript(ts: &ThreadState, v: &Value, key: &Value) -> PyResult<Value> {
    let a = this(v)?;
    if let Some(sl) = key.downcast::<PySlice>() {
        let (start, _, step, count) = sl.indices(ts, a.len())?;
        let n = a.size();
        let d = a.data.borrow();
        let mut out = Vec::with_capacity(count * n);
        let mut i = start;
        for _ in 0..count {
            let at = i as usize * n;
            out.extend_from_slice(&d[at..at + n]);
            i = i.wrapping_add(step);
        }
        return new_array(a.code, out);
    }
    if !is_index(key) {
        return Err(PyErr::type_error("array indices must be integers"));
    }
    let i = item_index(ts, key, a.len(), "array index out of range")?;
    a.item(i)
}

/// Positions (in items) a slice selects: start, step, count.
fn slice_positions(ts: &ThreadState, sl: &PySlice, len: usize) -> PyResult<(isize, isize, usize)> {
    let (start, _stop, step, count) = sl.indices(ts, len)?;
    Ok((start, step, count))
}

fn assign_slice(ts: &ThreadState, a: &PyArray, sl: &PySlice, new: Option<Vec<u8>>) -> PyResult<()> {
    let n = a.size();
    let len = a.len();
    let (start, step, count) = slice_positions(ts, sl, len)?;
    let new_items = new.as_ref().map_or(0, |x| x.len() / n);
    if step == 1 {
        let s = start as usize;
        if new_items != count {
            a.check_resizable()?;
        }
        let old = a.len();
        a.data.borrow_mut().splice(s * n..(s + count) * n, new.unwrap_or_default());
        if new_items != count {
            a.note_resize(old);
        }
        return Ok(());
    }
    match new {
        None => {
            if count == 0 {
                return Ok(());
            }
            a.check_resizable()?;
            let mut drop = vec![false; len];
            let mut i = start;
            for _ in 0..count {
                drop[i as usize] = true;
                i = i.wrapping_add(step);
            }
            let old = a.data.borrow().clone();
            let kept: Vec<u8> = old.chunks_exact(n).zip(drop).filter(|(_, d)| !d).flat_map(|(c, _)| c.iter().copied()).collect();
            *a.data.borrow_mut() = kept;
            a.note_resize(len);
            Ok(())
        }
        Some(new) => {
            if new_items != count {
                return Err(PyErr::value_error(format!(
                    "attempt to assign array of size {new_items} to extended slice of size {count}"
                )));
            }
            let mut d = a.data.borrow_mut();
            let mut i = start;
            for c in new.chunks_exact(n) {
                let at = i as usize * n;
                d[at..at + n].copy_from_slice(c);
                i = i.wrapping_add(step);
            }
            Ok(())
        }
    }
}

fn arr_ass_subscript(ts: &ThreadState, v: &Value, key: &Value, value: Option<&Value>) -> PyResult<()> {
    let a = this(v)?;
    if let Some(sl) = key.downcast::<PySlice>() {
        let new = match value {
            None => None,
            Some(x) => {
                let Some(o) = x.downcast::<PyArray>() else {
                    return Err(PyErr::type_error(format!(
                        "can only assign array (not \"{}\") to array slice",
                        protocol::type_name(x)
                    )));
                };
                if o.code != a.code {
                    return Err(PyErr::type_error("bad argument type for built-in operation"));
                }
                Some(o.data.borrow().clone())
            }
        };
        return assign_slice(ts, a, sl, new);
    }
    if !is_index(key) {
        return Err(PyErr::type_error("array indices must be integers"));
    }
    let i = item_index(ts, key, a.len(), "array assignment index out of range")?;
    let n = a.size();
    match value {
        Some(x) => {
            let raw = encode(ts, a.code, x)?;
            let mut d = a.data.borrow_mut();
            if let Some(dst) = d.get_mut(i * n..i * n + n) {
                dst.copy_from_slice(&raw);
            }
        }
        None => {
            a.check_resizable()?;
            let old = a.len();
            {
                let mut d = a.data.borrow_mut();
                if i * n + n <= d.len() {
                    d.drain(i * n..i * n + n);
                }
            }
            a.note_resize(old);
        }
    }
    Ok(())
}

fn arr_contains(ts: &ThreadState, v: &Value, x: &Value) -> PyResult<bool> {
    let a = this(v)?;
    let mut i = 0;
    while i < a.len() {
        if protocol::eq(ts, &a.item(i)?, x)? {
            return Ok(true);
        }
        i += 1;
    }
    Ok(false)
}

fn arr_richcompare(ts: &ThreadState, v: &Value, w: &Value, op: CompareOp) -> PyResult<Value> {
    let (Some(a), Some(b)) = (v.downcast::<PyArray>(), w.downcast::<PyArray>()) else {
        return Ok(none::not_implemented());
    };
    let (la, lb) = (a.len(), b.len());
    if la != lb && matches!(op, CompareOp::Eq | CompareOp::Ne) {
        return Ok(bool_::new_bool(op == CompareOp::Ne));
    }
    // The first differing item decides; otherwise the lengths do.
    let mut i = 0;
    while i < a.len() && i < b.len() {
        let (x, y) = (a.item(i)?, b.item(i)?);
        if !protocol::compare_bool(ts, &x, &y, CompareOp::Eq)? {
            return match op {
                CompareOp::Eq => Ok(bool_::new_bool(false)),
                CompareOp::Ne => Ok(bool_::new_bool(true)),
                _ => protocol::richcompare(ts, &x, &y, op),
            };
        }
        i += 1;
    }
    let (la, lb) = (a.len(), b.len());
    Ok(bool_::new_bool(op.test(la.cmp(&lb))))
}

fn arr_concat(_ts: &ThreadState, v: &Value, w: &Value) -> PyResult<Value> {
    let a = this(v)?;
    let Some(b) = w.downcast::<PyArray>() else {
        return Err(PyErr::type_error(format!("can only append array (not \"{}\") to array", protocol::type_name(w))));
    };
    if a.code != b.code {
        return Err(PyErr::type_error("bad argument type for built-in operation"));
    }
    let mut out = a.data.borrow().clone();
    out.extend_from_slice(&b.data.borrow());
    new_array(a.code, out)
}

fn arr_iconcat(_ts: &ThreadState, v: &Value, w: &Value) -> PyResult<Value> {
    let a = this(v)?;
    let Some(b) = w.downcast::<PyArray>() else {
        return Err(PyErr::type_error(format!("can only extend array with array (not \"{}\")", protocol::type_name(w))));
    };
    extend_with_array(a, b)?;
    Ok(v.clone())
}

fn extend_with_array(a: &PyArray, b: &PyArray) -> PyResult<()> {
    if a.code != b.code {
        return Err(PyErr::type_error("can only extend with array of same kind"));
    }
    let more = b.data.borrow().clone();
    if !more.is_empty() {
        a.check_resizable()?;
    }
    let old = a.len();
    a.data.borrow_mut().extend_from_slice(&more);
    a.note_resize(old);
    Ok(())
}

fn repeated(ts: &ThreadState, a: &PyArray, n: &Value) -> PyResult<Vec<u8>> {
    let d = a.data.borrow().clone();
    let count = tuple::repeat_count(ts, n, d.len())?;
    Ok(d.repeat(count))
}

fn arr_repeat(ts: &ThreadState, v: &Value, n: &Value) -> PyResult<Value> {
    let a = this(v)?;
    new_array(a.code, repeated(ts, a, n)?)
}

fn arr_irepeat(ts: &ThreadState, v: &Value, n: &Value) -> PyResult<Value> {
    let a = this(v)?;
    let out = repeated(ts, a, n)?;
    if out.len() != a.data.borrow().len() {
        a.check_resizable()?;
    }
    let old = a.len();
    *a.data.borrow_mut() = out;
    if old > 0 {
        a.note_resize(old);
    }
    Ok(v.clone())
}

fn arr_iter(_ts: &ThreadState, v: &Value) -> PyResult<Value> {
    this(v)?;
    Value::new(ArrayIterator { array: RefCell::new(Some(v.clone())), pos: Cell::new(0) })
}

// ----- methods -----

fn m_append(ts: &ThreadState, v: &Value, a: Args, k: Kw) -> PyResult<Value> {
    let a = args::exact("array.append", a, k, 1)?;
    let arr = this(v)?;
    let raw = encode(ts, arr.code, &a[0])?;
    arr.check_resizable()?;
    let old = arr.len();
    arr.data.borrow_mut().extend_from_slice(&raw);
    arr.note_resize(old);
    Ok(none::none())
}

fn m_extend(ts: &ThreadState, v: &Value, a: Args, k: Kw) -> PyResult<Value> {
    let a = args::exact("array.extend", a, k, 1)?;
    let arr = this(v)?;
    if let Some(b) = a[0].downcast::<PyArray>() {
        extend_with_array(arr, b)?;
    } else {
        let it = protocol::get_iter(ts, &a[0])?;
        extend_from_iter(ts, arr, &it)?;
    }
    Ok(none::none())
}

fn m_insert(ts: &ThreadState, v: &Value, a: Args, k: Kw) -> PyResult<Value> {
    let a = args::positional("insert", a, k, 2, 2)?;
    let i = int::ssize_arg(ts, &a[0])?;
    let arr = this(v)?;
    let raw = encode(ts, arr.code, &a[1])?;
    arr.check_resizable()?;
    let n = arr.len() as isize;
    let pos = if i < 0 { (i + n).max(0) } else { i.min(n) } as usize;
    let sz = arr.size();
    let old = arr.len();
    arr.data.borrow_mut().splice(pos * sz..pos * sz, raw);
    arr.note_resize(old);
    Ok(none::none())
}

fn m_pop(ts: &ThreadState, v: &Value, a: Args, k: Kw) -> PyResult<Value> {
    let a = args::positional("pop", a, k, 0, 1)?;
    let i = match a.first() {
        Some(x) => int::ssize_arg(ts, x)?,
        None => -1,
    };
    let arr = this(v)?;
    let n = arr.len() as isize;
    if n == 0 {
        return Err(PyErr::index_error("pop from empty array"));
    }
    let idx = if i < 0 { i + n } else { i };
    if idx < 0 || idx >= n {
        return Err(PyErr::index_error("pop index out of range"));
    }
    let x = arr.item(idx as usize)?;
    arr.check_resizable()?;
    let sz = arr.size();
    let at = idx as usize * sz;
    let old = arr.len();
    arr.data.borrow_mut().drain(at..at + sz);
    arr.note_resize(old);
    Ok(x)
}

/// Position of the first item equal to `x` in `start..stop`.
fn find(ts: &ThreadState, arr: &PyArray, x: &Value, start: usize, stop: usize) -> PyResult<Option<usize>> {
    let mut i = start;
    while i < stop.min(arr.len()) {
        if protocol::eq(ts, &arr.item(i)?, x)? {
            return Ok(Some(i));
        }
        i += 1;
    }
    Ok(None)
}

fn m_remove(ts: &ThreadState, v: &Value, a: Args, k: Kw) -> PyResult<Value> {
    let a = args::exact("array.remove", a, k, 1)?;
    let arr = this(v)?;
    match find(ts, arr, &a[0], 0, usize::MAX)? {
        Some(i) => {
            arr.check_resizable()?;
            let sz = arr.size();
            let old = arr.len();
            arr.data.borrow_mut().drain(i * sz..i * sz + sz);
            arr.note_resize(old);
            Ok(none::none())
        }
        None => Err(PyErr::value_error("array.remove(x): x not in array")),
    }
}

fn m_index(ts: &ThreadState, v: &Value, a: Args, k: Kw) -> PyResult<Value> {
    let a = args::positional("index", a, k, 1, 3)?;
    let arr = this(v)?;
    let (start, stop) = list::start_stop(ts, a.get(1), a.get(2), arr.len())?;
    match find(ts, arr, &a[0], start, stop)? {
        Some(i) => Ok(int::from_usize(i)),
        None => Err(PyErr::value_error("array.index(x): x not in array")),
    }
}

fn m_count(ts: &ThreadState, v: &Value, a: Args, k: Kw) -> PyResult<Value> {
    let a = args::exact("array.count", a, k, 1)?;
    let arr = this(v)?;
    let mut n = 0usize;
    let mut i = 0;
    while i < arr.len() {
        if protocol::eq(ts, &arr.item(i)?, &a[0])? {
            n += 1;
        }
        i += 1;
    }
    Ok(int::from_usize(n))
}

fn m_reverse(_ts: &ThreadState, v: &Value, a: Args, k: Kw) -> PyResult<Value> {
    args::exact("array.reverse", a, k, 0)?;
    let arr = this(v)?;
    let sz = arr.size();
    let mut d = arr.data.borrow_mut();
    let rev: Vec<u8> = d.chunks_exact(sz).rev().flatten().copied().collect();
    *d = rev;
    Ok(none::none())
}

fn m_byteswap(_ts: &ThreadState, v: &Value, a: Args, k: Kw) -> PyResult<Value> {
    args::exact("array.byteswap", a, k, 0)?;
    let arr = this(v)?;
    let sz = arr.size();
    for c in arr.data.borrow_mut().chunks_exact_mut(sz) {
        c.reverse();
    }
    Ok(none::none())
}

fn m_buffer_info(_ts: &ThreadState, v: &Value, a: Args, k: Kw) -> PyResult<Value> {
    args::exact("array.buffer_info", a, k, 0)?;
    let arr = this(v)?;
    // An empty CPython array holds no allocation: its address reads as 0.
    let d = arr.data.borrow();
    let addr = if d.is_empty() { 0 } else { d.as_ptr() as usize };
    drop(d);
    tuple::new_tuple(vec![int::from_usize(addr), int::from_usize(arr.len())])
}

fn m_tobytes(_ts: &ThreadState, v: &Value, a: Args, k: Kw) -> PyResult<Value> {
    args::exact("array.tobytes", a, k, 0)?;
    Ok(bytes::new_bytes(this(v)?.data.borrow().clone()))
}

fn m_frombytes(ts: &ThreadState, v: &Value, a: Args, k: Kw) -> PyResult<Value> {
    let a = args::exact("array.frombytes", a, k, 1)?;
    let arr = this(v)?;
    let raw = buffer_arg(ts, &a[0])?;
    append_bytes(arr, &raw)?;
    Ok(none::none())
}

/// A bytes-like argument (bytes, bytearray, memoryview, array).
fn buffer_arg(ts: &ThreadState, v: &Value) -> PyResult<Vec<u8>> {
    if let Some(o) = v.downcast::<PyArray>() {
        return Ok(o.data.borrow().clone());
    }
    bytes::bytes_like(ts, v)
}

fn m_tolist(_ts: &ThreadState, v: &Value, a: Args, k: Kw) -> PyResult<Value> {
    args::exact("array.tolist", a, k, 0)?;
    list::new_list(this(v)?.items()?)
}

fn m_fromlist(ts: &ThreadState, v: &Value, a: Args, k: Kw) -> PyResult<Value> {
    let a = args::exact("array.fromlist", a, k, 1)?;
    let Some(l) = a[0].downcast::<list::PyList>() else {
        return Err(PyErr::type_error("arg must be list"));
    };
    let arr = this(v)?;
    let items = l.items.borrow().clone();
    if items.is_empty() {
        return Ok(none::none());
    }
    arr.check_resizable()?;
    // All or nothing: a bad item leaves the array as it was (CPython grows, then shrinks back).
    let old = arr.len();
    let mut raw = Vec::with_capacity(items.len() * arr.size());
    for x in &items {
        match encode(ts, arr.code, x) {
            Ok(r) => raw.extend_from_slice(&r),
            Err(e) => {
                let grown = resized_alloc(arr.allocated.get(), old, old + items.len());
                arr.allocated.set(resized_alloc(grown, old + items.len(), old));
                return Err(e);
            }
        }
    }
    arr.data.borrow_mut().extend_from_slice(&raw);
    arr.note_resize(old);
    Ok(none::none())
}

/// CPython writes files in blocks of this many bytes.
const BLOCKSIZE: usize = 64 * 1024;

fn m_tofile(ts: &ThreadState, v: &Value, a: Args, k: Kw) -> PyResult<Value> {
    let a = defining_class_args("tofile", a, k, 1)?;
    let data = this(v)?.data.borrow().clone();
    for block in data.chunks(BLOCKSIZE) {
        protocol::call_method(ts, &a[0], "write", &[bytes::new_bytes(block.to_vec())])?;
    }
    Ok(none::none())
}

fn m_fromfile(ts: &ThreadState, v: &Value, a: Args, k: Kw) -> PyResult<Value> {
    let a = defining_class_args("fromfile", a, k, 2)?;
    let n = int::ssize_arg(ts, &a[1])?;
    if n < 0 {
        return Err(PyErr::value_error("negative count"));
    }
    let arr = this(v)?;
    let nbytes = (n as usize).checked_mul(arr.size()).filter(|&b| b <= isize::MAX as usize).ok_or_else(PyErr::no_memory)?;
    let b = protocol::call_method(ts, &a[0], "read", &[int::from_usize(nbytes)])?;
    let Some(data) = bytes::try_bytes_data(&b) else {
        return Err(PyErr::type_error("read() didn't return bytes"));
    };
    let short = data.len() != nbytes;
    append_bytes(arr, &data)?;
    if short {
        return Err(PyErr::new(&exc::EOF_ERROR, "read() didn't return enough bytes"));
    }
    Ok(none::none())
}

fn unicode_of(arr: &PyArray) -> PyResult<Value> {
    let d = arr.data.borrow();
    let mut cps = Vec::with_capacity(d.len() / 4);
    for c in d.chunks_exact(4) {
        let cp = u32::from_ne_bytes([c[0], c[1], c[2], c[3]]);
        if cp > 0x10ffff {
            return Err(PyErr::value_error(format!("character U+{cp:x} is not in range [U+0000; U+10ffff]")));
        }
        cps.push(cp);
    }
    Ok(pystr::from_data(crate::stringlib::StrData::from_code_points(&cps)))
}

fn m_tounicode(_ts: &ThreadState, v: &Value, a: Args, k: Kw) -> PyResult<Value> {
    args::exact("array.tounicode", a, k, 0)?;
    let arr = this(v)?;
    if arr.code != b'u' {
        return Err(PyErr::value_error("tounicode() may only be called on unicode type arrays"));
    }
    unicode_of(arr)
}

fn m_fromunicode(_ts: &ThreadState, v: &Value, a: Args, k: Kw) -> PyResult<Value> {
    let a = args::exact("array.fromunicode", a, k, 1)?;
    if pystr::as_pystr(&a[0]).is_none() {
        return Err(PyErr::type_error(format!("fromunicode() argument must be str, not {}", protocol::type_name(&a[0]))));
    }
    let arr = this(v)?;
    if arr.code != b'u' {
        return Err(PyErr::value_error("fromunicode() may only be called on unicode type arrays"));
    }
    append_unicode(arr, &a[0])?;
    Ok(none::none())
}

fn copy_of(v: &Value) -> PyResult<Value> {
    // CPython copies as a full slice: an exact array, even of a subclass.
    let arr = this(v)?;
    new_array(arr.code, arr.data.borrow().clone())
}

fn m_copy(_ts: &ThreadState, v: &Value, a: Args, k: Kw) -> PyResult<Value> {
    args::exact("array.__copy__", a, k, 0)?;
    copy_of(v)
}

fn m_deepcopy(_ts: &ThreadState, v: &Value, a: Args, k: Kw) -> PyResult<Value> {
    args::exact("array.__deepcopy__", a, k, 1)?;
    copy_of(v)
}

fn m_sizeof(_ts: &ThreadState, v: &Value, a: Args, k: Kw) -> PyResult<Value> {
    args::exact("array.__sizeof__", a, k, 0)?;
    // CPython's arrayobject header (64 bytes) plus its allocation.
    let arr = this(v)?;
    Ok(int::from_usize(64 + arr.allocated.get() * arr.size()))
}

/// CPython's machine format code of a typecode's native layout (little-endian x86-64).
fn native_mformat(code: u8) -> i64 {
    match code {
        b'B' => 0,
        b'b' => 1,
        b'H' => 2,
        b'h' => 4,
        b'I' => 6,
        b'i' => 8,
        b'L' | b'Q' => 10,
        b'l' | b'q' => 12,
        b'f' => 14,
        b'd' => 16,
        _ => 20, // 'u': UTF-32-LE
    }
}

fn m_reduce_ex(ts: &ThreadState, v: &Value, a: Args, k: Kw) -> PyResult<Value> {
    let a = defining_class_args("__reduce_ex__", a, k, 1)?;
    if !int::is_int(&a[0]) {
        return Err(PyErr::type_error("__reduce_ex__ argument should be an integer"));
    }
    let proto = int::ssize_arg(ts, &a[0])?;
    let arr = this(v)?;
    let dict = match protocol::getattr_str(ts, v, "__dict__") {
        Ok(d) => d,
        Err(e) if e.matches(&exc::ATTRIBUTE_ERROR) => none::none(),
        Err(e) => return Err(e),
    };
    let code = pystr::new_str(&(arr.code as char).to_string());
    let t = v.type_of().to_value();
    if proto < 3 {
        // The items as a list, for every typecode ('u' included).
        let items = list::new_list(arr.items()?)?;
        return tuple::new_tuple(vec![t, tuple::new_tuple(vec![code, items])?, dict]);
    }
    let recon = reconstructor(ts)?;
    let data = bytes::new_bytes(arr.data.borrow().clone());
    tuple::new_tuple(vec![recon, tuple::new_tuple(vec![t, code, int::from_i64(native_mformat(arr.code)), data])?, dict])
}

/// `array._array_reconstructor` from the imported module.
fn reconstructor(ts: &ThreadState) -> PyResult<Value> {
    let m = crate::import::import_absolute(ts, "array")?;
    protocol::getattr_str(ts, &m, "_array_reconstructor")
}

fn g_typecode(_ts: &ThreadState, v: &Value) -> PyResult<Value> {
    Ok(pystr::new_str(&(this(v)?.code as char).to_string()))
}

fn g_itemsize(_ts: &ThreadState, v: &Value) -> PyResult<Value> {
    Ok(int::from_usize(this(v)?.size()))
}

// ----- iterator -----

fn it_this(v: &Value) -> PyResult<&ArrayIterator> {
    v.downcast::<ArrayIterator>().ok_or_else(|| PyErr::type_error("descriptor requires a 'array.arrayiterator' object"))
}

fn it_next(_ts: &ThreadState, v: &Value) -> PyResult<Option<Value>> {
    let it = it_this(v)?;
    let Some(arr_v) = it.array.borrow().clone() else { return Ok(None) };
    let arr = this(&arr_v)?;
    let p = it.pos.get();
    if p < arr.len() {
        it.pos.set(p + 1);
        return arr.item(p).map(Some);
    }
    // Exhausted iterators let go of the array (and stay exhausted).
    *it.array.borrow_mut() = None;
    Ok(None)
}

fn self_iter(_ts: &ThreadState, v: &Value) -> PyResult<Value> {
    Ok(v.clone())
}

fn it_reduce(ts: &ThreadState, v: &Value, a: Args, k: Kw) -> PyResult<Value> {
    defining_class_args("__reduce__", a, k, 0)?;
    let it = it_this(v)?;
    let iter_fn = protocol::getattr_str(ts, &super::builtins_module(ts), "iter")?;
    match it.array.borrow().clone() {
        Some(arr) => tuple::new_tuple(vec![iter_fn, tuple::new_tuple(vec![arr])?, int::from_usize(it.pos.get())]),
        None => tuple::new_tuple(vec![iter_fn, tuple::new_tuple(vec![tuple::new_tuple(vec![])?])?]),
    }
}

fn it_setstate(ts: &ThreadState, v: &Value, a: Args, k: Kw) -> PyResult<Value> {
    let a = args::exact("arrayiterator.__setstate__", a, k, 1)?;
    let it = it_this(v)?;
    let i = int::ssize_arg(ts, &a[0])?;
    let len = match &*it.array.borrow() {
        Some(arr) => this(arr)?.len(),
        None => 0,
    };
    it.pos.set(if i < 0 { 0 } else { (i as usize).min(len) });
    Ok(none::none())
}

// ----- module functions -----

/// Byte order, size, signedness and kind of CPython's machine format codes.
fn mformat(code: i64) -> Option<(bool, usize, bool, char)> {
    // (big-endian, size, signed, kind: 'i' int, 'f' float, 'u' UTF-16/32)
    Some(match code {
        0 => (false, 1, false, 'i'),
        1 => (false, 1, true, 'i'),
        2..=13 => {
            let k = code - 2;
            let size = [2, 4, 8][(k / 4) as usize];
            (k % 2 == 1, size, (k / 2) % 2 == 1, 'i')
        }
        14 | 15 => (code == 15, 4, true, 'f'),
        16 | 17 => (code == 17, 8, true, 'f'),
        // CPython's table gives the UTF formats twice their code unit size.
        18 | 19 => (code == 19, 4, false, 'u'),
        20 | 21 => (code == 21, 8, false, 'u'),
        _ => return None,
    })
}

fn f_reconstructor(ts: &ThreadState, _m: &Value, a: Args, k: Kw) -> PyResult<Value> {
    let a = super::fastcall_args("array", "_array_reconstructor", a, k, 4, 4)?;
    let Some(t) = a[0].as_type() else {
        return Err(PyErr::type_error(format!("first argument must be a type object, not {}", protocol::type_name(&a[0]))));
    };
    if !t.is_subtype(&ARRAY_TYPE) {
        return Err(PyErr::type_error(format!("{} is not a subtype of array.array", t.name())));
    }
    let c = typecode_arg("_array_reconstructor", &a[1]).map_err(|_| {
        PyErr::type_error(format!("_array_reconstructor() argument 2 must be a unicode character, not {}", protocol::type_name(&a[1])))
    })?;
    let c8 = u8::try_from(c).unwrap_or(0);
    if !TYPECODES.as_bytes().contains(&c8) {
        return Err(PyErr::value_error("second argument must be a valid type code"));
    }
    let code = int::c_int_arg(ts, &a[2])? as i64;
    let Some((be, size, signed, kind)) = mformat(code) else {
        return Err(PyErr::value_error("third argument must be a valid machine format code."));
    };
    let Some(raw) = a[3].downcast::<bytes::PyBytes>().map(|b| b.data.to_vec()) else {
        return Err(PyErr::type_error(format!("fourth argument should be bytes, not {}", protocol::type_name(&a[3]))));
    };
    let cls = a[0].clone();
    if code == native_mformat(c8) {
        return array_new(ts, &cls, &[a[1].clone(), bytes::new_bytes(raw)], None);
    }
    if raw.len() % size != 0 {
        return Err(PyErr::value_error("string length not a multiple of item size"));
    }
    let read = |c: &[u8]| -> u64 {
        let mut b = [0u8; 8];
        if be {
            for (i, x) in c.iter().rev().enumerate() {
                b[i] = *x;
            }
        } else {
            b[..c.len()].copy_from_slice(c);
        }
        u64::from_le_bytes(b)
    };
    let (typecode, items) = match kind {
        'f' => {
            let items: Vec<Value> = raw
                .chunks_exact(size)
                .map(|c| {
                    let u = read(c);
                    float::new_float(if size == 4 { f32::from_bits(u as u32) as f64 } else { f64::from_bits(u) })
                })
                .collect();
            (a[1].clone(), list::new_list(items)?)
        }
        'u' => {
            let enc = match code {
                18 => "utf-16-le",
                19 => "utf-16-be",
                20 => "utf-32-le",
                _ => "utf-32-be",
            };
            let text = protocol::call_method(ts, &bytes::new_bytes(raw), "decode", &[pystr::new_str(enc)])?;
            (a[1].clone(), text)
        }
        _ => {
            // The last integer typecode of this size and signedness (CPython's search order).
            let tc = TYPECODES
                .bytes()
                .filter(|&t| t != b'u' && t != b'f' && t != b'd' && itemsize(t) == Some(size) && t.is_ascii_lowercase() == signed)
                .last()
                .unwrap_or(b'B');
            let items: Vec<Value> = raw
                .chunks_exact(size)
                .map(|c| {
                    let u = read(c);
                    if signed {
                        let shift = 64 - size * 8;
                        int::from_i64(((u << shift) as i64) >> shift)
                    } else {
                        int::from_bigint(BigInt::from(u))
                    }
                })
                .collect();
            (pystr::new_str(&(tc as char).to_string()), list::new_list(items)?)
        }
    };
    array_new(ts, &cls, &[typecode, items], None)
}

/// Fill the slots and methods of array and its iterator.
pub fn init() {
    let s = &ARRAY_TYPE.data.slots;
    s.new.set(Some(array_new));
    s.repr.set(Some(arr_repr));
    s.length.set(Some(arr_len));
    s.subscript.set(Some(arr_subscript));
    s.ass_subscript.set(Some(arr_ass_subscript));
    s.contains.set(Some(arr_contains));
    s.richcompare.set(Some(arr_richcompare));
    s.concat.set(Some(arr_concat));
    s.inplace_concat.set(Some(arr_iconcat));
    s.repeat.set(Some(arr_repeat));
    s.inplace_repeat.set(Some(arr_irepeat));
    s.iter.set(Some(arr_iter));
    s.hash.set(Some(crate::types::object::hash_not_implemented));
    s.getattro.set(Some(protocol::generic_getattr));
    crate::types::dict::dict_set_str(&ARRAY_TYPE.data.dict(), "__hash__", none::none());
    crate::types::dict::dict_set_str(&ARRAY_TYPE.data.dict(), "__doc__", pystr::new_str(ARRAY_DOC));
    crate::types::descr::add_methods(
        &ARRAY_TYPE,
        &[
            ("append", m_append),
            ("extend", m_extend),
            ("insert", m_insert),
            ("pop", m_pop),
            ("remove", m_remove),
            ("index", m_index),
            ("count", m_count),
            ("reverse", m_reverse),
            ("byteswap", m_byteswap),
            ("buffer_info", m_buffer_info),
            ("tobytes", m_tobytes),
            ("frombytes", m_frombytes),
            ("tolist", m_tolist),
            ("fromlist", m_fromlist),
            ("tofile", m_tofile),
            ("fromfile", m_fromfile),
            ("tounicode", m_tounicode),
            ("fromunicode", m_fromunicode),
            ("__copy__", m_copy),
            ("__deepcopy__", m_deepcopy),
            ("__sizeof__", m_sizeof),
            ("__reduce_ex__", m_reduce_ex),
        ],
    );
    crate::types::descr::add_getsets(&ARRAY_TYPE, &[("typecode", g_typecode, None), ("itemsize", g_itemsize, None)]);
    let s = &ARRAY_ITERATOR_TYPE.data.slots;
    s.new.set(Some(it_new));
    s.iter.set(Some(self_iter));
    s.iternext.set(Some(it_next));
    s.getattro.set(Some(protocol::generic_getattr));
    crate::types::descr::add_methods(&ARRAY_ITERATOR_TYPE, &[("__reduce__", it_reduce), ("__setstate__", it_setstate)]);
}

const MODULE_DOC: &str = "This module defines an object type which can efficiently represent\nan array of basic values: characters, integers, floating point\nnumbers.  Arrays are sequence types and behave very much like lists,\nexcept that the type of objects stored in them is constrained.\n";

const ARRAY_DOC: &str = "array(typecode [, initializer]) -> array\n\nReturn a new array whose items are restricted by typecode, and\ninitialized from the optional initializer value, which must be a list,\nstring or iterable over elements of the appropriate type.\n\nArrays represent basic values and behave very much like lists, except\nthe type of objects stored in them is constrained. The type is specified\nat object creation time by using a type code, which is a single character.\nThe following type codes are defined:\n\n    Type code   C Type             Minimum size in bytes\n    'b'         signed integer     1\n    'B'         unsigned integer   1\n    'u'         Unicode character  2 (see note)\n    'h'         signed integer     2\n    'H'         unsigned integer   2\n    'i'         signed integer     2\n    'I'         unsigned integer   2\n    'l'         signed integer     4\n    'L'         unsigned integer   4\n    'q'         signed integer     8 (see note)\n    'Q'         unsigned integer   8 (see note)\n    'f'         floating point     4\n    'd'         floating point     8\n\nNOTE: The 'u' typecode corresponds to Python's unicode character. On\nnarrow builds this is 2-bytes on wide builds this is 4-bytes.\n\nNOTE: The 'q' and 'Q' type codes are only available if the platform\nC compiler used to build Python supports 'long long', or, on Windows,\n'__int64'.\n\nMethods:\n\nappend() -- append a new item to the end of the array\nbuffer_info() -- return information giving the current memory info\nbyteswap() -- byteswap all the items of the array\ncount() -- return number of occurrences of an object\nextend() -- extend array by appending multiple elements from an iterable\nfromfile() -- read items from a file object\nfromlist() -- append items from the list\nfrombytes() -- append items from the string\nindex() -- return index of first occurrence of an object\ninsert() -- insert a new item into the array at a provided position\npop() -- remove and return item (default last)\nremove() -- remove first occurrence of an object\nreverse() -- reverse the order of the items in the array\ntofile() -- write all items to a file object\ntolist() -- return the array converted to an ordinary list\ntobytes() -- return the array converted to a string\n\nAttributes:\n\ntypecode -- the typecode character used to create the array\nitemsize -- the length in bytes of one array item\n";

fn it_new(_ts: &ThreadState, _cls: &Value, _a: Args, _k: Kw) -> PyResult<Value> {
    Err(PyErr::type_error("cannot create 'array.arrayiterator' instances"))
}

/// Create the `array` module.
pub fn create(ts: &ThreadState) -> PyResult<Value> {
    let (m, d) = super::new_native_module(ts, "array", &[("_array_reconstructor", f_reconstructor)])?;
    super::set_attr(ts, &d, "__doc__", pystr::new_str(MODULE_DOC))?;
    super::set_attr(ts, &d, "typecodes", pystr::new_str(TYPECODES))?;
    super::set_attr(ts, &d, "array", ARRAY_TYPE.to_value())?;
    super::set_attr(ts, &d, "ArrayType", ARRAY_TYPE.to_value())?;
    // As CPython's module does: arrays are MutableSequences.
    let abc = crate::import::import_absolute(ts, "collections.abc")?;
    let seq = protocol::getattr_str(ts, &abc, "MutableSequence")?;
    protocol::call_method(ts, &seq, "register", &[ARRAY_TYPE.to_value()])?;
    Ok(m)
}

#[cfg(test)]
mod tests {
    use super::*;

    // Expected values from python3: array.array(c).itemsize and struct layouts.
    #[test]
    fn sizes() {
        let got: Vec<usize> = TYPECODES.bytes().map(|c| itemsize(c).unwrap_or(0)).collect();
        assert_eq!(got, vec![1, 1, 4, 2, 2, 4, 4, 8, 8, 8, 8, 4, 8]);
        assert_eq!(itemsize(b'x'), None);
    }

    // Expected from python3: array.array(c).__reduce_ex__(3)[1][2].
    #[test]
    fn machine_formats() {
        let got: Vec<i64> = TYPECODES.bytes().map(native_mformat).collect();
        assert_eq!(got, vec![1, 0, 20, 4, 2, 8, 6, 12, 10, 12, 10, 14, 16]);
        assert_eq!(mformat(5), Some((true, 2, true, 'i')));
        assert_eq!(mformat(10), Some((false, 8, false, 'i')));
        assert_eq!(mformat(22), None);
    }

    // Expected from python3: array('b') growing by append, 64 + allocation per __sizeof__().
    #[test]
    fn growth() {
        let mut alloc = 0;
        let mut got = Vec::new();
        for n in 0..20 {
            alloc = resized_alloc(alloc, n, n + 1);
            got.push(alloc);
        }
        assert_eq!(got, vec![4, 4, 4, 4, 8, 8, 8, 8, 16, 16, 16, 16, 16, 16, 16, 16, 25, 25, 25, 25]);
        assert_eq!(resized_alloc(9, 8, 0), 9);
        assert_eq!(resized_alloc(16, 9, 18), 26);
    }

    #[test]
    fn range_messages() {
        assert!(check_range(128, -128, 127, "signed char").is_err());
        assert!(check_range(-129, -128, 127, "signed char").is_err());
        assert!(check_range(-128, -128, 127, "signed char").is_ok());
    }
}
