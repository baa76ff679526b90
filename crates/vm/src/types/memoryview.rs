//! `memoryview`: a view of the memory of a bytes or bytearray object
//! (CPython's memoryobject.c for the buffers we have).
//!
//! A view is an offset into its exporter's bytes plus a shape and strides in
//! bytes, read through a native struct format of one character. Views of
//! views and slices point at the original exporter. A view over a bytearray
//! counts as one export of it until released, which keeps it from resizing.

use std::cell::Cell;

use crate::object::protocol;
use crate::object::typeobj::{CompareOp, PyType, TypeObject};
use crate::object::value::{PyObject, PyPayload, Value};
use crate::runtime::errors::{PyErr, PyResult};
use crate::runtime::thread::ThreadState;
use crate::types::{bool_, bytearray, bytes, exceptions as exc, float, int, list, none, slice::PySlice, str as pystr, tuple};

type Args<'a> = &'a [Value];

/// A memoryview object.
pub struct PyMemoryView {
    /// The exporting object (bytes or bytearray).
    obj: Value,
    /// Byte offset of the first item in the exporter.
    start: usize,
    shape: Vec<usize>,
    /// Distance in bytes between consecutive items, per dimension.
    strides: Vec<isize>,
    /// The struct format character (`B`, `c`, `i`, ...).
    fmt: u8,
    /// The format as given (`@i` stays `@i`).
    format: String,
    itemsize: usize,
    readonly: bool,
    released: Cell<bool>,
    hash: Cell<Option<isize>>,
}

/// The `memoryview` type.
pub static MEMORYVIEW_TYPE: PyType = PyObject::new_static(
    &super::typeobject::TYPE_TYPE,
    TypeObject::builtin::<PyMemoryView>("memoryview", &MEMORYVIEW_TYPE, Some(&super::object::OBJECT_TYPE), 0),
);

impl PyPayload for PyMemoryView {
    fn class() -> &'static PyType {
        &MEMORYVIEW_TYPE
    }
}

/// `memory_iterator`: position over a 1-D view.
pub struct MemoryIterator {
    view: Value,
    pos: Cell<usize>,
}

/// The `memory_iterator` type.
pub static MEMORY_ITERATOR_TYPE: PyType = PyObject::new_static(
    &super::typeobject::TYPE_TYPE,
    TypeObject::builtin::<MemoryIterator>("memory_iterator", &MEMORY_ITERATOR_TYPE, Some(&super::object::OBJECT_TYPE), 0),
);

impl PyPayload for MemoryIterator {
    fn class() -> &'static PyType {
        &MEMORY_ITERATOR_TYPE
    }
}

/// The memoryview type and its iterator type.
pub fn types() -> Vec<&'static PyType> {
    vec![&MEMORYVIEW_TYPE, &MEMORY_ITERATOR_TYPE]
}

impl Drop for PyMemoryView {
    fn drop(&mut self) {
        if !self.released.get() {
            unregister(&self.obj);
        }
    }
}

fn register(obj: &Value) {
    if let Some(b) = bytearray::as_bytearray(obj) {
        b.exports.set(b.exports.get() + 1);
    } else if let Some((_, exports, _, _)) = crate::modules::array::buffer_parts(obj) {
        exports.set(exports.get() + 1);
    }
}

fn unregister(obj: &Value) {
    if let Some(b) = bytearray::as_bytearray(obj) {
        b.exports.set(b.exports.get().saturating_sub(1));
    } else if let Some((_, exports, _, _)) = crate::modules::array::buffer_parts(obj) {
        exports.set(exports.get().saturating_sub(1));
    }
}

/// Whether `v` is a memoryview.
pub fn is_memoryview(v: &Value) -> bool {
    v.downcast::<PyMemoryView>().is_some()
}

/// The bytes a live memoryview shows (in logical order); None for other objects or a released view.
pub fn buffer_bytes(v: &Value) -> Option<Vec<u8>> {
    let m = v.downcast::<PyMemoryView>()?;
    if m.released.get() {
        return None;
    }
    Some(m.to_bytes())
}

/// The bytes of a memoryview, ValueError if it was released.
pub fn checked_bytes(v: &Value) -> PyResult<Vec<u8>> {
    let m = v.downcast::<PyMemoryView>().ok_or_else(|| PyErr::type_error("memoryview expected"))?;
    m.check()?;
    Ok(m.to_bytes())
}

fn released_error() -> PyErr {
    PyErr::value_error("operation forbidden on released memoryview object")
}

/// Size in bytes of a native struct format character we support.
fn format_size(c: u8) -> Option<usize> {
    Some(match c {
        b'b' | b'B' | b'c' | b'?' => 1,
        b'h' | b'H' => 2,
        b'i' | b'I' | b'f' => 4,
        b'l' | b'L' | b'q' | b'Q' | b'n' | b'N' | b'P' | b'd' => 8,
        _ => return None,
    })
}

/// The format character of a format string: one native character, optionally after '@'.
fn parse_format(s: &str) -> Option<u8> {
    let s = s.strip_prefix('@').unwrap_or(s);
    match s.as_bytes() {
        [c] if format_size(*c).is_some() => Some(*c),
        _ => None,
    }
}

fn is_byte_format(c: u8) -> bool {
    matches!(c, b'B' | b'b' | b'c')
}

fn this(v: &Value) -> PyResult<&PyMemoryView> {
    v.downcast::<PyMemoryView>().ok_or_else(|| PyErr::type_error("descriptor requires a 'memoryview' object"))
}

/// A live view (ValueError when released).
fn live(v: &Value) -> PyResult<&PyMemoryView> {
    let m = this(v)?;
    m.check()?;
    Ok(m)
}

impl PyMemoryView {
    fn check(&self) -> PyResult<()> {
        if self.released.get() {
            return Err(released_error());
        }
        Ok(())
    }

    fn ndim(&self) -> usize {
        self.shape.len()
    }

    fn nitems(&self) -> usize {
        self.shape.iter().product()
    }

    fn nbytes(&self) -> usize {
        self.nitems() * self.itemsize
    }

    /// Run `f` over the exporter's whole byte buffer.
    fn with_buf<R>(&self, f: impl FnOnce(&[u8]) -> R) -> R {
        if let Some(b) = self.obj.downcast::<bytes::PyBytes>() {
            return f(&b.data);
        }
        if let Some(b) = bytearray::as_bytearray(&self.obj) {
            return f(&b.data.borrow());
        }
        if let Some((data, _, _, _)) = crate::modules::array::buffer_parts(&self.obj) {
            return f(&data.borrow());
        }
        f(&[])
    }

    /// Byte offsets of the items, in C (row-major) order.
    fn offsets(&self) -> Vec<usize> {
        let mut out = Vec::with_capacity(self.nitems());
        fn walk(shape: &[usize], strides: &[isize], base: isize, out: &mut Vec<usize>) {
            match shape.split_first() {
                None => out.push(base as usize),
                Some((&n, rest)) => {
                    for i in 0..n {
                        walk(rest, &strides[1..], base + i as isize * strides[0], out);
                    }
                }
            }
        }
        walk(&self.shape, &self.strides, self.start as isize, &mut out);
        out
    }

    /// The viewed bytes in logical (C) order.
    fn to_bytes(&self) -> Vec<u8> {
        let size = self.itemsize;
        if self.is_c_contiguous() {
            let n = self.nbytes();
            return self.with_buf(|b| b.get(self.start..self.start + n).map(|s| s.to_vec()).unwrap_or_default());
        }
        let offs = self.offsets();
        self.with_buf(|b| {
            let mut out = Vec::with_capacity(offs.len() * size);
            for o in offs {
                if let Some(s) = b.get(o..o + size) {
                    out.extend_from_slice(s);
                }
            }
            out
        })
    }

    /// The viewed bytes with the first index varying fastest.
    fn to_bytes_fortran(&self) -> Vec<u8> {
        let n = self.nitems();
        let mut idx = vec![0usize; self.ndim()];
        let mut out = Vec::with_capacity(n * self.itemsize);
        self.with_buf(|b| {
            for _ in 0..n {
                let off = self.start as isize + idx.iter().zip(&self.strides).map(|(&i, &s)| i as isize * s).sum::<isize>();
                if let Some(item) = b.get(off as usize..off as usize + self.itemsize) {
                    out.extend_from_slice(item);
                }
                for (d, i) in idx.iter_mut().enumerate() {
                    *i += 1;
                    if *i < self.shape[d] {
                        break;
                    }
                    *i = 0;
                }
            }
        });
        out
    }

    fn is_c_contiguous(&self) -> bool {
        let mut expect = self.itemsize as isize;
        for (&n, &s) in self.shape.iter().zip(&self.strides).rev() {
            if n > 1 && s != expect {
                return false;
            }
            if n == 0 {
                return true;
            }
            expect *= n as isize;
        }
        true
    }

    fn is_f_contiguous(&self) -> bool {
        let mut expect = self.itemsize as isize;
        for (&n, &s) in self.shape.iter().zip(&self.strides) {
            if n > 1 && s != expect {
                return false;
            }
            if n == 0 {
                return true;
            }
            expect *= n as isize;
        }
        true
    }

    fn item_at(&self, off: usize) -> PyResult<Value> {
        // Converting the key may have run Python code that released the view.
        self.check()?;
        let raw = self.with_buf(|b| b.get(off..off + self.itemsize).map(|s| s.to_vec())).unwrap_or_default();
        unpack(self.fmt, &raw)
    }

    fn write_at(&self, off: usize, raw: &[u8]) -> PyResult<()> {
        self.check()?;
        let cell = match bytearray::as_bytearray(&self.obj) {
            Some(b) => &b.data,
            None => crate::modules::array::buffer_parts(&self.obj).map(|p| p.0).ok_or_else(|| PyErr::type_error("cannot modify read-only memory"))?,
        };
        let mut d = cell.borrow_mut();
        if let Some(dst) = d.get_mut(off..off + raw.len()) {
            dst.copy_from_slice(raw);
        }
        Ok(())
    }

    fn derive(&self, start: usize, shape: Vec<usize>, strides: Vec<isize>) -> PyMemoryView {
        register(&self.obj);
        PyMemoryView {
            obj: self.obj.clone(),
            start,
            shape,
            strides,
            fmt: self.fmt,
            format: self.format.clone(),
            itemsize: self.itemsize,
            readonly: self.readonly,
            released: Cell::new(false),
            hash: Cell::new(None),
        }
    }
}

/// Decode one item of format `c` (a short `raw` reads as zero-padded).
fn unpack(c: u8, raw: &[u8]) -> PyResult<Value> {
    let mut buf = [0u8; 8];
    let n = raw.len().min(8);
    buf[..n].copy_from_slice(&raw[..n]);
    let u = u64::from_ne_bytes(buf);
    let [b0, b1, b2, b3, ..] = buf;
    Ok(match c {
        b'B' => int::from_i64(b0 as i64),
        b'b' => int::from_i64(b0 as i8 as i64),
        b'c' => bytes::new_bytes(vec![b0]),
        b'?' => bool_::new_bool(b0 != 0),
        b'h' => int::from_i64(i16::from_ne_bytes([b0, b1]) as i64),
        b'H' => int::from_i64(u16::from_ne_bytes([b0, b1]) as i64),
        b'i' => int::from_i64(i32::from_ne_bytes([b0, b1, b2, b3]) as i64),
        b'I' => int::from_i64(u32::from_ne_bytes([b0, b1, b2, b3]) as i64),
        b'f' => float::new_float(f32::from_ne_bytes([b0, b1, b2, b3]) as f64),
        b'd' => float::new_float(f64::from_bits(u)),
        b'l' | b'q' | b'n' => int::from_i64(u as i64),
        // wchar_t items ('u' arrays) cannot be read through a view, as in CPython.
        b'w' => return Err(PyErr::new(&exc::NOT_IMPLEMENTED_ERROR, "memoryview: format w not supported")),
        _ => int::from_bigint(num_bigint::BigInt::from(u)),
    })
}

/// Encode `v` as one item of format `c` (CPython's pack_single messages).
fn pack(ts: &ThreadState, c: u8, format: &str, v: &Value) -> PyResult<Vec<u8>> {
    let invalid_type = || PyErr::type_error(format!("memoryview: invalid type for format '{format}'"));
    let invalid_value = || PyErr::value_error(format!("memoryview: invalid value for format '{format}'"));
    match c {
        b'c' => {
            let b = v.downcast::<bytes::PyBytes>().ok_or_else(invalid_type)?;
            if b.data.len() != 1 {
                return Err(invalid_value());
            }
            Ok(b.data.to_vec())
        }
        b'?' => Ok(vec![protocol::is_true(ts, v)? as u8]),
        b'f' | b'd' => {
            if !int::is_int(v) && float::as_float_exact_payload(v).is_none() && v.type_of().data.slots.float.get().is_none() {
                return Err(invalid_type());
            }
            let f = float::to_f64(ts, v)?;
            Ok(if c == b'f' { (f as f32).to_ne_bytes().to_vec() } else { f.to_ne_bytes().to_vec() })
        }
        _ => {
            if v.as_small_int().is_none() && v.type_of().data.slots.index.get().is_none() {
                return Err(invalid_type());
            }
            let i = protocol::index(ts, v)?;
            let n = int::as_int(&i).map(|r| r.to_bigint()).unwrap_or_default();
            let size = format_size(c).unwrap_or(1);
            let signed = matches!(c, b'b' | b'h' | b'i' | b'l' | b'q' | b'n');
            let bits = size * 8;
            let (lo, hi) = if signed {
                (-(num_bigint::BigInt::from(1) << (bits - 1)), (num_bigint::BigInt::from(1) << (bits - 1)) - 1)
            } else {
                (num_bigint::BigInt::from(0), (num_bigint::BigInt::from(1) << bits) - 1)
            };
            if n < lo || n > hi {
                return Err(invalid_value());
            }
            let mut le = n.to_signed_bytes_le();
            let fill = if n < num_bigint::BigInt::from(0) { 0xff } else { 0 };
            le.resize(8, fill);
            le.truncate(size);
            Ok(le)
        }
    }
}

/// A new view of the whole buffer of `obj` (bytes, bytearray or memoryview).
pub fn new_memoryview(obj: &Value) -> PyResult<Value> {
    if let Some(m) = obj.downcast::<PyMemoryView>() {
        m.check()?;
        return Value::new(m.derive(m.start, m.shape.clone(), m.strides.clone()));
    }
    if let Some((data, _, fmt, itemsize)) = crate::modules::array::buffer_parts(obj) {
        let n = data.borrow().len() / itemsize;
        register(obj);
        return Value::new(PyMemoryView {
            obj: obj.clone(),
            start: 0,
            shape: vec![n],
            strides: vec![itemsize as isize],
            fmt,
            format: (fmt as char).to_string(),
            itemsize,
            readonly: false,
            released: Cell::new(false),
            hash: Cell::new(None),
        });
    }
    let (len, readonly) = if let Some(b) = obj.downcast::<bytes::PyBytes>() {
        (b.data.len(), true)
    } else if let Some(b) = bytearray::as_bytearray(obj) {
        (b.data.borrow().len(), false)
    } else {
        return Err(PyErr::type_error(format!(
            "memoryview: a bytes-like object is required, not '{}'",
            protocol::type_name(obj)
        )));
    };
    register(obj);
    Value::new(PyMemoryView {
        obj: obj.clone(),
        start: 0,
        shape: vec![len],
        strides: vec![1],
        fmt: b'B',
        format: "B".into(),
        itemsize: 1,
        readonly,
        released: Cell::new(false),
        hash: Cell::new(None),
    })
}

fn mv_new(_ts: &ThreadState, _cls: &Value, args: &[Value], kw: Option<&Value>) -> PyResult<Value> {
    let [object] = bytes::clinic_bind("memoryview", args, kw, ["object"], 0, 1)?;
    new_memoryview(&object.unwrap_or_else(none::none))
}

fn mv_repr(_ts: &ThreadState, v: &Value) -> PyResult<Value> {
    let m = this(v)?;
    let what = if m.released.get() { "released memory" } else { "memory" };
    Ok(pystr::new_str(&format!("<{what} at {:#x}>", v.id())))
}

fn mv_len(_ts: &ThreadState, v: &Value) -> PyResult<usize> {
    let m = live(v)?;
    Ok(m.shape.first().copied().unwrap_or(1))
}

fn is_index(v: &Value) -> bool {
    v.as_small_int().is_some() || v.type_of().data.slots.index.get().is_some()
}

/// The byte offset of item `key` of a 1-D view.
fn item_offset(ts: &ThreadState, m: &PyMemoryView, key: &Value) -> PyResult<usize> {
    let n = m.shape[0];
    let i = protocol::index_isize(ts, key)?;
    let idx = if i < 0 { i + n as isize } else { i };
    if idx < 0 || idx as usize >= n {
        return Err(PyErr::index_error("index out of bounds on dimension 1"));
    }
    Ok((m.start as isize + idx * m.strides[0]) as usize)
}

fn mv_subscript(ts: &ThreadState, v: &Value, key: &Value) -> PyResult<Value> {
    let m = live(v)?;
    if m.ndim() == 0 {
        if tuple::try_tuple_items(key).is_some_and(|t| t.is_empty()) {
            return m.item_at(m.start);
        }
        if key.is(&none::ellipsis()) {
            return Ok(v.clone());
        }
        return Err(PyErr::type_error("invalid indexing of 0-dim memory"));
    }
    if let Some(sl) = key.downcast::<PySlice>() {
        let (start, _, step, count) = sl.indices(ts, m.shape[0])?;
        let begin = m.start as isize + start * m.strides[0];
        let mut shape = m.shape.clone();
        let mut strides = m.strides.clone();
        shape[0] = count;
        strides[0] *= step;
        return Value::new(m.derive(begin.max(0) as usize, shape, strides));
    }
    if is_index(key) {
        if m.ndim() != 1 {
            return Err(PyErr::not_implemented("multi-dimensional sub-views are not implemented"));
        }
        let off = item_offset(ts, m, key)?;
        return m.item_at(off);
    }
    if let Some(items) = tuple::try_tuple_items(key) {
        if items.iter().all(is_index) {
            let off = tuple_offset(ts, m, items)?;
            return m.item_at(off);
        }
        if items.iter().all(|x| x.downcast::<PySlice>().is_some()) {
            return Err(PyErr::not_implemented("multi-dimensional slicing is not implemented"));
        }
    }
    Err(PyErr::type_error("memoryview: invalid slice key"))
}

/// The byte offset of the item a tuple of indices selects.
fn tuple_offset(ts: &ThreadState, m: &PyMemoryView, items: &[Value]) -> PyResult<usize> {
    if items.len() < m.ndim() {
        return Err(PyErr::not_implemented("sub-views are not implemented"));
    }
    if items.len() > m.ndim() {
        return Err(PyErr::type_error(format!(
            "cannot index {}-dimension view with {}-element tuple",
            m.ndim(),
            items.len()
        )));
    }
    let mut off = m.start as isize;
    for (d, k) in items.iter().enumerate() {
        let n = m.shape[d];
        let i = protocol::index_isize(ts, k)?;
        let idx = if i < 0 { i + n as isize } else { i };
        if idx < 0 || idx as usize >= n {
            return Err(PyErr::index_error(format!("index out of bounds on dimension {}", d + 1)));
        }
        off += idx * m.strides[d];
    }
    Ok(off as usize)
}

fn mv_ass_subscript(ts: &ThreadState, v: &Value, key: &Value, value: Option<&Value>) -> PyResult<()> {
    let m = live(v)?;
    if m.readonly {
        return Err(PyErr::type_error("cannot modify read-only memory"));
    }
    let Some(value) = value else {
        return Err(PyErr::type_error("cannot delete memory"));
    };
    if m.ndim() == 0 {
        if key.is(&none::ellipsis()) || tuple::try_tuple_items(key).is_some_and(|t| t.is_empty()) {
            let raw = pack(ts, m.fmt, &m.format, value)?;
            return m.write_at(m.start, &raw);
        }
        return Err(PyErr::type_error("invalid indexing of 0-dim memory"));
    }
    if let Some(items) = tuple::try_tuple_items(key) {
        if items.iter().all(is_index) {
            let off = tuple_offset(ts, m, items)?;
            let raw = pack(ts, m.fmt, &m.format, value)?;
            return m.write_at(off, &raw);
        }
        if items.iter().all(|x| x.downcast::<PySlice>().is_some()) {
            return Err(PyErr::not_implemented("memoryview slice assignments are currently restricted to ndim = 1"));
        }
    }
    if is_index(key) {
        if m.ndim() != 1 {
            return Err(PyErr::not_implemented("sub-views are not implemented"));
        }
        let off = item_offset(ts, m, key)?;
        let raw = pack(ts, m.fmt, &m.format, value)?;
        return m.write_at(off, &raw);
    }
    if let Some(sl) = key.downcast::<PySlice>() {
        if m.ndim() != 1 {
            return Err(PyErr::not_implemented("memoryview slice assignments are currently restricted to ndim = 1"));
        }
        let src: Vec<u8> = if let Some(src) = value.downcast::<PyMemoryView>() {
            src.check()?;
            if src.fmt != m.fmt || src.ndim() != 1 {
                return Err(PyErr::value_error("memoryview assignment: lvalue and rvalue have different structures"));
            }
            src.to_bytes()
        } else if let Some((data, _, fmt, _)) = crate::modules::array::buffer_parts(value) {
            if fmt != m.fmt {
                return Err(PyErr::value_error("memoryview assignment: lvalue and rvalue have different structures"));
            }
            data.borrow().clone()
        } else if let Some(b) = bytes::buffer_data(value) {
            if m.fmt != b'B' {
                return Err(PyErr::value_error("memoryview assignment: lvalue and rvalue have different structures"));
            }
            b.into_owned()
        } else {
            return Err(PyErr::type_error(format!(
                "a bytes-like object is required, not '{}'",
                protocol::type_name(value)
            )));
        };
        let (start, _, step, count) = sl.indices(ts, m.shape[0])?;
        if src.len() != count * m.itemsize {
            return Err(PyErr::value_error("memoryview assignment: lvalue and rvalue have different structures"));
        }
        let mut off = m.start as isize + start * m.strides[0];
        for chunk in src.chunks(m.itemsize.max(1)) {
            m.write_at(off as usize, chunk)?;
            off += step * m.strides[0];
        }
        return Ok(());
    }
    Err(PyErr::type_error("memoryview: invalid slice key"))
}

/// The items of a view as Python values, in C order (flat).
fn flat_items(m: &PyMemoryView) -> PyResult<Vec<Value>> {
    m.offsets().into_iter().map(|o| m.item_at(o)).collect()
}

/// An operand of a comparison: format character, shape and items.
type Operand = (u8, Vec<usize>, Vec<Value>);

/// The values of another buffer exporter for comparisons.
fn compare_operand(w: &Value) -> PyResult<Option<Operand>> {
    if let Some(m) = w.downcast::<PyMemoryView>() {
        if m.released.get() {
            return Ok(None);
        }
        return Ok(Some((m.fmt, m.shape.clone(), flat_items(m)?)));
    }
    if let Some((data, _, fmt, itemsize)) = crate::modules::array::buffer_parts(w) {
        let raw = data.borrow().clone();
        let items = raw.chunks_exact(itemsize).map(|c| unpack(fmt, c)).collect::<PyResult<Vec<_>>>()?;
        return Ok(Some((fmt, vec![items.len()], items)));
    }
    match bytes::buffer_data(w) {
        Some(b) => Ok(Some((b'B', vec![b.len()], b.iter().map(|&x| int::from_i64(x as i64)).collect()))),
        None => Ok(None),
    }
}

fn mv_richcompare(ts: &ThreadState, v: &Value, w: &Value, op: CompareOp) -> PyResult<Value> {
    if !matches!(op, CompareOp::Eq | CompareOp::Ne) {
        return Ok(none::not_implemented());
    }
    let Some(m) = v.downcast::<PyMemoryView>() else { return Ok(none::not_implemented()) };
    // A view is compared with itself item by item too (NaN != NaN); a released one only equals itself.
    let equal = if m.released.get() {
        v.is(w)
    } else {
        let Some((wf, wshape, witems)) = compare_operand(w)? else {
            if bytes::has_buffer(w) {
                return Ok(bool_::new_bool(op == CompareOp::Ne));
            }
            return Ok(none::not_implemented());
        };
        if wshape != m.shape {
            false
        } else if wf == m.fmt && is_byte_format(wf) {
            let wb = bytes::buffer_data(w).map(|c| c.into_owned()).unwrap_or_default();
            m.to_bytes() == wb
        } else {
            let mine = flat_items(m)?;
            let mut eq = true;
            for (a, b) in mine.iter().zip(&witems) {
                if !protocol::eq(ts, a, b)? {
                    eq = false;
                    break;
                }
            }
            eq
        }
    };
    Ok(bool_::new_bool(if op == CompareOp::Eq { equal } else { !equal }))
}

fn mv_hash(ts: &ThreadState, v: &Value) -> PyResult<isize> {
    let m = this(v)?;
    if let Some(h) = m.hash.get() {
        return Ok(h);
    }
    m.check()?;
    if !m.readonly {
        return Err(PyErr::value_error("cannot hash writable memoryview object"));
    }
    if !is_byte_format(m.fmt) {
        return Err(PyErr::value_error("memoryview: hashing is restricted to formats 'B', 'b' or 'c'"));
    }
    // The exporter must be hashable too (a read-only view of a bytearray is not).
    protocol::hash(ts, &m.obj)?;
    let h = bytes::hash_data(&m.to_bytes());
    m.hash.set(Some(h));
    Ok(h)
}

fn mv_iter(_ts: &ThreadState, v: &Value) -> PyResult<Value> {
    let m = live(v)?;
    if m.ndim() == 0 {
        return Err(PyErr::type_error("invalid indexing of 0-dim memory"));
    }
    if m.ndim() != 1 {
        return Err(PyErr::not_implemented("multi-dimensional sub-views are not implemented"));
    }
    Value::new(MemoryIterator { view: v.clone(), pos: Cell::new(0) })
}

fn mv_iter_next(_ts: &ThreadState, it: &Value) -> PyResult<Option<Value>> {
    let it = it.downcast::<MemoryIterator>().ok_or_else(|| PyErr::type_error("memory_iterator expected"))?;
    let m = this(&it.view)?;
    if m.released.get() {
        return Ok(None);
    }
    let p = it.pos.get();
    if p >= m.shape[0] {
        return Ok(None);
    }
    it.pos.set(p + 1);
    let off = (m.start as isize + p as isize * m.strides[0]) as usize;
    m.item_at(off).map(Some)
}

fn self_iter(_ts: &ThreadState, v: &Value) -> PyResult<Value> {
    Ok(v.clone())
}

fn m_tobytes(_ts: &ThreadState, v: &Value, a: Args, k: Option<&Value>) -> PyResult<Value> {
    let [order] = bytes::clinic_bind("tobytes", a, k, ["order"], 0, 0)?;
    if let Some(o) = order.filter(|o| !none::is_none(o)) {
        let s = pystr::try_as_rust_str(&o).ok_or_else(|| {
            PyErr::type_error(format!("tobytes() argument 'order' must be str or None, not {}", protocol::type_name(&o)))
        })?;
        if !matches!(&*s, "C" | "F" | "A") {
            return Err(PyErr::value_error("order must be 'C', 'F' or 'A'"));
        }
        let m = live(v)?;
        // Fortran order (and 'A' of a view that is only Fortran-contiguous) lists the first index fastest.
        if m.ndim() > 1 && (&*s == "F" || (&*s == "A" && !m.is_c_contiguous() && m.is_f_contiguous())) {
            return Ok(bytes::new_bytes(m.to_bytes_fortran()));
        }
    }
    Ok(bytes::new_bytes(live(v)?.to_bytes()))
}

fn m_tolist(_ts: &ThreadState, v: &Value, a: Args, k: Option<&Value>) -> PyResult<Value> {
    crate::object::args::exact("memoryview.tolist", a, k, 0)?;
    let m = live(v)?;
    let items = flat_items(m)?;
    if m.ndim() == 0 {
        return items.into_iter().next().ok_or_else(|| PyErr::system_error("empty 0-dim view"));
    }
    fn nest(shape: &[usize], items: &mut std::vec::IntoIter<Value>) -> PyResult<Value> {
        let (&n, rest) = shape.split_first().unwrap_or((&0, &[]));
        let mut out = Vec::with_capacity(n);
        for _ in 0..n {
            if rest.is_empty() {
                out.push(items.next().unwrap_or_else(none::none));
            } else {
                out.push(nest(rest, items)?);
            }
        }
        list::new_list(out)
    }
    nest(&m.shape, &mut items.into_iter())
}

fn m_hex(ts: &ThreadState, v: &Value, a: Args, k: Option<&Value>) -> PyResult<Value> {
    let (sep, per) = bytes::hex_args(ts, a, k)?;
    let data = live(v)?.to_bytes();
    Ok(pystr::new_str(&crate::stringlib::bytes::hex(&data, sep, per)))
}

fn release(m: &PyMemoryView) {
    if !m.released.get() {
        m.released.set(true);
        unregister(&m.obj);
    }
}

fn m_release(_ts: &ThreadState, v: &Value, a: Args, k: Option<&Value>) -> PyResult<Value> {
    crate::object::args::exact("memoryview.release", a, k, 0)?;
    release(this(v)?);
    Ok(none::none())
}

fn m_enter(_ts: &ThreadState, v: &Value, a: Args, k: Option<&Value>) -> PyResult<Value> {
    crate::object::args::exact("memoryview.__enter__", a, k, 0)?;
    live(v)?;
    Ok(v.clone())
}

fn m_exit(_ts: &ThreadState, v: &Value, _a: Args, k: Option<&Value>) -> PyResult<Value> {
    crate::object::args::no_kwargs("__exit__", k)?;
    release(this(v)?);
    Ok(none::none())
}

fn m_toreadonly(_ts: &ThreadState, v: &Value, a: Args, k: Option<&Value>) -> PyResult<Value> {
    crate::object::args::exact("memoryview.toreadonly", a, k, 0)?;
    let m = live(v)?;
    let mut r = m.derive(m.start, m.shape.clone(), m.strides.clone());
    r.readonly = true;
    Value::new(r)
}

fn m_cast(ts: &ThreadState, v: &Value, a: Args, k: Option<&Value>) -> PyResult<Value> {
    let [format, shape] = bytes::clinic_bind("cast", a, k, ["format", "shape"], 0, 1)?;
    let m = live(v)?;
    let format = format.unwrap_or_else(none::none);
    let fstr = pystr::try_as_rust_str(&format).ok_or_else(|| {
        PyErr::type_error(format!("cast() argument 'format' must be str, not {}", protocol::type_name(&format)))
    })?;
    if !m.is_c_contiguous() {
        return Err(PyErr::type_error("memoryview: casts are restricted to C-contiguous views"));
    }
    let shape: Option<Vec<usize>> = match shape {
        None => None,
        Some(s) => {
            let items = if let Some(t) = tuple::try_tuple_items(&s) {
                t.to_vec()
            } else if let Some(l) = s.downcast::<list::PyList>() {
                l.snapshot()
            } else {
                return Err(PyErr::type_error("shape must be a list or a tuple"));
            };
            let mut dims = Vec::with_capacity(items.len());
            for x in &items {
                let n = protocol::index_isize(ts, x).map_err(|e| {
                    if e.matches(&exc::INDEX_ERROR) {
                        PyErr::overflow_error("Python int too large to convert to C ssize_t")
                    } else {
                        e
                    }
                })?;
                if n <= 0 {
                    return Err(PyErr::value_error("memoryview.cast(): elements of shape must be integers > 0"));
                }
                dims.push(n as usize);
            }
            Some(dims)
        }
    };
    if let Some(s) = &shape {
        if m.ndim() != 1 && s.len() != 1 {
            return Err(PyErr::type_error("memoryview: cast must be 1D -> ND or ND -> 1D"));
        }
        if s.iter().try_fold(1usize, |acc, &n| acc.checked_mul(n).filter(|&p| p <= isize::MAX as usize)).is_none() {
            return Err(PyErr::value_error("memoryview.cast(): product(shape) > SSIZE_MAX"));
        }
        if s.len() > 64 {
            return Err(PyErr::value_error("memoryview: number of dimensions must not exceed 64"));
        }
    }
    let Some(fmt) = parse_format(&fstr) else {
        return Err(PyErr::value_error(
            "memoryview: destination format must be a native single character format prefixed with an optional '@'",
        ));
    };
    if !is_byte_format(m.fmt) && !is_byte_format(fmt) {
        return Err(PyErr::type_error("memoryview: cannot cast between two non-byte formats"));
    }
    let itemsize = format_size(fmt).unwrap_or(1);
    let nbytes = m.nbytes();
    let shape = match shape {
        Some(s) => {
            if m.shape.contains(&0) || m.strides.contains(&0) {
                return Err(PyErr::type_error("memoryview: cannot cast view with zeros in shape or strides"));
            }
            let total = s.iter().try_fold(itemsize, |acc, &n| acc.checked_mul(n));
            if total != Some(nbytes) {
                return Err(PyErr::type_error("memoryview: product(shape) * itemsize != buffer size"));
            }
            s
        }
        None => {
            if nbytes % itemsize != 0 {
                return Err(PyErr::type_error("memoryview: length is not a multiple of itemsize"));
            }
            vec![nbytes / itemsize]
        }
    };
    let mut strides = vec![0isize; shape.len()];
    let mut acc = itemsize as isize;
    for (i, &n) in shape.iter().enumerate().rev() {
        strides[i] = acc;
        acc *= n as isize;
    }
    let mut r = m.derive(m.start, shape, strides);
    r.fmt = fmt;
    r.format = fstr.into_owned();
    r.itemsize = itemsize;
    Value::new(r)
}

fn tuple_of(xs: impl Iterator<Item = i64>) -> PyResult<Value> {
    tuple::new_tuple(xs.map(int::from_i64).collect())
}

fn g_obj(_ts: &ThreadState, v: &Value) -> PyResult<Value> {
    Ok(live(v)?.obj.clone())
}
fn g_nbytes(_ts: &ThreadState, v: &Value) -> PyResult<Value> {
    Ok(int::from_usize(live(v)?.nbytes()))
}
fn g_readonly(_ts: &ThreadState, v: &Value) -> PyResult<Value> {
    Ok(bool_::new_bool(live(v)?.readonly))
}
fn g_itemsize(_ts: &ThreadState, v: &Value) -> PyResult<Value> {
    Ok(int::from_usize(live(v)?.itemsize))
}
fn g_format(_ts: &ThreadState, v: &Value) -> PyResult<Value> {
    Ok(pystr::new_str(&live(v)?.format))
}
fn g_ndim(_ts: &ThreadState, v: &Value) -> PyResult<Value> {
    Ok(int::from_usize(live(v)?.ndim()))
}
fn g_shape(_ts: &ThreadState, v: &Value) -> PyResult<Value> {
    tuple_of(live(v)?.shape.iter().map(|&n| n as i64))
}
fn g_strides(_ts: &ThreadState, v: &Value) -> PyResult<Value> {
    tuple_of(live(v)?.strides.iter().map(|&n| n as i64))
}
fn g_suboffsets(_ts: &ThreadState, v: &Value) -> PyResult<Value> {
    live(v)?;
    tuple::new_tuple(vec![])
}
fn g_c_contiguous(_ts: &ThreadState, v: &Value) -> PyResult<Value> {
    Ok(bool_::new_bool(live(v)?.is_c_contiguous()))
}
fn g_f_contiguous(_ts: &ThreadState, v: &Value) -> PyResult<Value> {
    Ok(bool_::new_bool(live(v)?.is_f_contiguous()))
}
fn g_contiguous(_ts: &ThreadState, v: &Value) -> PyResult<Value> {
    let m = live(v)?;
    Ok(bool_::new_bool(m.is_c_contiguous() || m.is_f_contiguous()))
}

/// Fill the slots, methods and attributes of memoryview and its iterator.
pub fn init() {
    let s = &MEMORYVIEW_TYPE.data.slots;
    s.repr.set(Some(mv_repr));
    s.new.set(Some(mv_new));
    s.length.set(Some(mv_len));
    s.subscript.set(Some(mv_subscript));
    s.ass_subscript.set(Some(mv_ass_subscript));
    s.richcompare.set(Some(mv_richcompare));
    s.hash.set(Some(mv_hash));
    s.iter.set(Some(mv_iter));
    s.getattro.set(Some(protocol::generic_getattr));
    super::descr::add_methods(
        &MEMORYVIEW_TYPE,
        &[
            ("tobytes", m_tobytes),
            ("tolist", m_tolist),
            ("hex", m_hex),
            ("release", m_release),
            ("toreadonly", m_toreadonly),
            ("cast", m_cast),
            ("__enter__", m_enter),
            ("__exit__", m_exit),
        ],
    );
    super::descr::add_getsets(
        &MEMORYVIEW_TYPE,
        &[
            ("obj", g_obj, None),
            ("nbytes", g_nbytes, None),
            ("readonly", g_readonly, None),
            ("itemsize", g_itemsize, None),
            ("format", g_format, None),
            ("ndim", g_ndim, None),
            ("shape", g_shape, None),
            ("strides", g_strides, None),
            ("suboffsets", g_suboffsets, None),
            ("c_contiguous", g_c_contiguous, None),
            ("f_contiguous", g_f_contiguous, None),
            ("contiguous", g_contiguous, None),
        ],
    );
    let s = &MEMORY_ITERATOR_TYPE.data.slots;
    s.iter.set(Some(self_iter));
    s.iternext.set(Some(mv_iter_next));
    s.getattro.set(Some(protocol::generic_getattr));
}
