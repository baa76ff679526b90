//! `bytes`: an immutable byte string; the methods bytes and bytearray share
//! (CPython's bytes_methods.c, generic over `ByteSeq`); the buffer access the
//! builtins use (`bytes_like`); the codec entry points (`str.encode`,
//! `bytes.decode`) over `stringlib::codecs`.

use std::borrow::Cow;
use std::cell::Cell;

use crate::object::protocol;
use crate::object::typeobj::{CallFn, CompareOp, PyType, TypeObject, TPFLAGS_BASETYPE, TPFLAGS_BYTES_SUBCLASS};
use crate::object::value::{PyObject, PyPayload, Value};
use crate::runtime::errors::{PyErr, PyResult};
use crate::runtime::thread::ThreadState;
use crate::stringlib::bytes as alg;
use crate::stringlib::codecs::{self, Encoding, ErrorHandler};
use crate::types::{bool_, exceptions as exc, int, list, none, slice::PySlice, str as pystr, tuple};

type Args<'a> = &'a [Value];

/// A bytes object: its contents and cached hash (-1 until computed).
pub struct PyBytes {
    pub data: Box<[u8]>,
    hash: Cell<isize>,
}

/// The `bytes` type.
pub static BYTES_TYPE: PyType = PyObject::new_static(
    &super::typeobject::TYPE_TYPE,
    TypeObject::builtin::<PyBytes>("bytes", &BYTES_TYPE, Some(&super::object::OBJECT_TYPE), TPFLAGS_BASETYPE | TPFLAGS_BYTES_SUBCLASS),
);

impl PyPayload for PyBytes {
    fn class() -> &'static PyType {
        &BYTES_TYPE
    }
}

/// `bytes_iterator`: position over a bytes object.
pub struct BytesIterator {
    seq: Value,
    pos: Cell<usize>,
}

/// The `bytes_iterator` type.
pub static BYTES_ITERATOR_TYPE: PyType = PyObject::new_static(
    &super::typeobject::TYPE_TYPE,
    TypeObject::builtin::<BytesIterator>("bytes_iterator", &BYTES_ITERATOR_TYPE, Some(&super::object::OBJECT_TYPE), 0),
);

impl PyPayload for BytesIterator {
    fn class() -> &'static PyType {
        &BYTES_ITERATOR_TYPE
    }
}

/// The bytes type and its iterator type.
pub fn types() -> Vec<&'static PyType> {
    vec![&BYTES_TYPE, &BYTES_ITERATOR_TYPE]
}

/// A new exact bytes object.
pub fn new_bytes(data: Vec<u8>) -> Value {
    Value::new(PyBytes { data: data.into_boxed_slice(), hash: Cell::new(-1) }).unwrap_or_else(|_| none::none())
}

/// The bytes of a bytes object (or subclass), None otherwise.
pub fn try_bytes_data(v: &Value) -> Option<Vec<u8>> {
    v.downcast::<PyBytes>().map(|b| b.data.to_vec())
}

/// The contents of an object exporting a byte buffer (bytes, bytearray,
/// memoryview): CPython's PyObject_GetBuffer for the types we have.
/// Bytes are borrowed; the mutable ones are copied.
pub fn buffer_data(v: &Value) -> Option<Cow<'_, [u8]>> {
    if let Some(b) = v.downcast::<PyBytes>() {
        return Some(Cow::Borrowed(&b.data));
    }
    if let Some(b) = super::bytearray::as_bytearray(v) {
        return Some(Cow::Owned(b.data.borrow().clone()));
    }
    if let Some((data, _, _, _)) = crate::modules::array::buffer_parts(v) {
        return Some(Cow::Owned(data.borrow().clone()));
    }
    super::memoryview::buffer_bytes(v).map(Cow::Owned)
}

/// Whether `v` supports the buffer protocol.
pub fn has_buffer(v: &Value) -> bool {
    v.downcast::<PyBytes>().is_some()
        || super::bytearray::as_bytearray(v).is_some()
        || super::memoryview::is_memoryview(v)
        || crate::modules::array::buffer_parts(v).is_some()
}

/// The contents of a bytes-like object (bytes, bytearray, memoryview).
pub fn bytes_like(ts: &ThreadState, v: &Value) -> PyResult<Vec<u8>> {
    let _ = ts;
    buffer_arg(v).map(|c| c.into_owned())
}

/// A bytes-like argument, or "a bytes-like object is required" (also for a released memoryview).
fn buffer_arg(v: &Value) -> PyResult<Cow<'_, [u8]>> {
    if super::memoryview::is_memoryview(v) {
        return super::memoryview::checked_bytes(v).map(Cow::Owned);
    }
    buffer_data(v).ok_or_else(|| {
        PyErr::type_error(format!("a bytes-like object is required, not '{}'", protocol::type_name(v)))
    })
}

fn this(v: &Value) -> PyResult<&PyBytes> {
    v.downcast::<PyBytes>().ok_or_else(|| PyErr::type_error("descriptor requires a 'bytes' object"))
}

fn bytes_repr(_ts: &ThreadState, v: &Value) -> PyResult<Value> {
    Ok(pystr::new_str(&syntax::repr::bytes_repr(&this(v)?.data)))
}

fn bytes_str(ts: &ThreadState, v: &Value) -> PyResult<Value> {
    bytes_warning(ts, "str() on a bytes instance")?;
    bytes_repr(ts, v)
}

/// With `-b`, a BytesWarning (an error with `-bb`, through the warnings
/// filters) where bytes meet str.
pub fn bytes_warning(ts: &ThreadState, message: &str) -> PyResult<()> {
    if ts.interp().config.bytes_warning == 0 {
        return Ok(());
    }
    crate::runtime::warnings::warn(ts, &exc::BYTES_WARNING, message, 1)
}

/// The hash of a byte string (bytes, readonly memoryviews).
pub fn hash_data(data: &[u8]) -> isize {
    if data.is_empty() {
        0
    } else {
        crate::pyhash::hash_bytes(crate::runtime::hash_secret(), data)
    }
}

fn bytes_hash(_ts: &ThreadState, v: &Value) -> PyResult<isize> {
    let b = this(v)?;
    if b.hash.get() != -1 {
        return Ok(b.hash.get());
    }
    let h = hash_data(&b.data);
    b.hash.set(h);
    Ok(h)
}

fn bytes_len(_ts: &ThreadState, v: &Value) -> PyResult<usize> {
    Ok(this(v)?.data.len())
}

fn bytes_richcompare(ts: &ThreadState, v: &Value, w: &Value, op: CompareOp) -> PyResult<Value> {
    let (Some(a), Some(b)) = (v.downcast::<PyBytes>(), w.downcast::<PyBytes>()) else {
        if matches!(op, CompareOp::Eq | CompareOp::Ne) {
            let either = |t: &PyType| v.type_of().is_subtype(t) || w.type_of().is_subtype(t);
            if either(&pystr::STR_TYPE) {
                bytes_warning(ts, "Comparison between bytes and string")?;
            } else if either(&int::INT_TYPE) {
                bytes_warning(ts, "Comparison between bytes and int")?;
            }
        }
        return Ok(none::not_implemented());
    };
    Ok(bool_::new_bool(op.test(a.data.cmp(&b.data))))
}

fn is_index(v: &Value) -> bool {
    v.as_small_int().is_some() || v.type_of().data.slots.index.get().is_some()
}

/// Bytes of `data` selected by a slice.
pub fn slice_bytes(ts: &ThreadState, data: &[u8], sl: &PySlice) -> PyResult<Vec<u8>> {
    let (start, _, step, count) = sl.indices(ts, data.len())?;
    if step == 1 {
        return Ok(data[start as usize..start as usize + count].to_vec());
    }
    let mut out = Vec::with_capacity(count);
    let mut i = start;
    for _ in 0..count {
        out.push(data[i as usize]);
        i += step;
    }
    Ok(out)
}

/// A sequence index normalized against `len`, or IndexError(`msg`).
pub fn seq_index(ts: &ThreadState, key: &Value, len: usize, msg: &str) -> PyResult<usize> {
    let i = protocol::index(ts, key)?;
    let i = int::to_isize(&i).ok_or_else(|| {
        PyErr::index_error(format!("cannot fit '{}' into an index-sized integer", protocol::type_name(key)))
    })?;
    let idx = if i < 0 { i + len as isize } else { i };
    if idx < 0 || idx as usize >= len {
        return Err(PyErr::index_error(msg));
    }
    Ok(idx as usize)
}

fn bytes_subscript(ts: &ThreadState, v: &Value, key: &Value) -> PyResult<Value> {
    let b = this(v)?;
    if let Some(sl) = key.downcast::<PySlice>() {
        let out = slice_bytes(ts, &b.data, sl)?;
        if *out == *b.data && v.is_exact(&BYTES_TYPE) {
            return Ok(v.clone());
        }
        return Ok(new_bytes(out));
    }
    if !is_index(key) {
        return Err(PyErr::type_error(format!(
            "byte indices must be integers or slices, not {}",
            protocol::type_name(key)
        )));
    }
    let i = seq_index(ts, key, b.data.len(), "index out of range")?;
    Ok(int::from_i64(b.data[i] as i64))
}

fn bytes_concat(_ts: &ThreadState, v: &Value, w: &Value) -> PyResult<Value> {
    let a = this(v)?;
    let b = buffer_data(w).ok_or_else(|| {
        PyErr::type_error(format!("can't concat {} to {}", protocol::type_name(w), protocol::type_name(v)))
    })?;
    let mut out = Vec::new();
    if out.try_reserve_exact(a.data.len() + b.len()).is_err() {
        return Err(PyErr::no_memory());
    }
    out.extend_from_slice(&a.data);
    out.extend_from_slice(&b);
    Ok(new_bytes(out))
}

/// `data * n` with MemoryError for huge results.
pub fn repeat_data(ts: &ThreadState, data: &[u8], n: &Value) -> PyResult<Vec<u8>> {
    let count = tuple::repeat_count(ts, n, data.len())?;
    let mut out = Vec::new();
    if out.try_reserve_exact(data.len() * count).is_err() {
        return Err(PyErr::no_memory());
    }
    for _ in 0..count {
        out.extend_from_slice(data);
    }
    Ok(out)
}

fn bytes_repeat(ts: &ThreadState, v: &Value, n: &Value) -> PyResult<Value> {
    let a = this(v)?;
    let out = repeat_data(ts, &a.data, n)?;
    if out.len() == a.data.len() && v.is_exact(&BYTES_TYPE) {
        return Ok(v.clone());
    }
    Ok(new_bytes(out))
}

/// `x in data` for bytes and bytearray: an int byte or a bytes-like substring.
pub fn contains_data(ts: &ThreadState, data: &[u8], x: &Value) -> PyResult<bool> {
    if is_index(x) {
        let b = byte_value(ts, x)?;
        return Ok(data.contains(&b));
    }
    let needle = buffer_arg(x)?;
    Ok(alg::find(data, &needle, None, None).is_some())
}

fn bytes_contains(ts: &ThreadState, v: &Value, x: &Value) -> PyResult<bool> {
    let a = this(v)?;
    contains_data(ts, &a.data, x)
}

/// An int in range(0, 256) (ValueError "byte must be in range(0, 256)").
pub fn byte_value(ts: &ThreadState, v: &Value) -> PyResult<u8> {
    let i = protocol::index(ts, v)?;
    match int::to_isize(&i) {
        Some(b) if (0..256).contains(&b) => Ok(b as u8),
        _ => Err(PyErr::value_error("byte must be in range(0, 256)")),
    }
}

fn bytes_iter(_ts: &ThreadState, v: &Value) -> PyResult<Value> {
    Value::new(BytesIterator { seq: v.clone(), pos: Cell::new(0) })
}

fn bytes_iter_next(_ts: &ThreadState, it: &Value) -> PyResult<Option<Value>> {
    let it = it.downcast::<BytesIterator>().ok_or_else(|| PyErr::type_error("bytes_iterator expected"))?;
    let b = this(&it.seq)?;
    let p = it.pos.get();
    if p < b.data.len() {
        it.pos.set(p + 1);
        Ok(Some(int::from_i64(b.data[p] as i64)))
    } else {
        it.pos.set(usize::MAX);
        Ok(None)
    }
}

fn bytes_iter_length_hint(_ts: &ThreadState, it: &Value, a: Args, k: Option<&Value>) -> PyResult<Value> {
    crate::object::args::exact("__length_hint__", a, k, 0)?;
    let it = it.downcast::<BytesIterator>().ok_or_else(|| PyErr::type_error("bytes_iterator expected"))?;
    let n = this(&it.seq)?.data.len();
    Ok(int::from_usize(n.saturating_sub(it.pos.get())))
}

fn self_iter(_ts: &ThreadState, v: &Value) -> PyResult<Value> {
    Ok(v.clone())
}

/// `bytes(x)` contents: from an int count, bytes-like, or iterable of ints.
pub fn bytes_from_object(ts: &ThreadState, x: &Value) -> PyResult<Vec<u8>> {
    if super::memoryview::is_memoryview(x) {
        return super::memoryview::checked_bytes(x);
    }
    if let Some(b) = buffer_data(x) {
        return Ok(b.into_owned());
    }
    if pystr::as_pystr(x).is_some() {
        return Err(PyErr::type_error("string argument without an encoding"));
    }
    if is_index(x) {
        match protocol::index_isize(ts, x) {
            Ok(n) => {
                if n < 0 {
                    return Err(PyErr::value_error("negative count"));
                }
                let mut v = Vec::new();
                if v.try_reserve_exact(n as usize).is_err() {
                    return Err(PyErr::no_memory());
                }
                v.resize(n as usize, 0);
                return Ok(v);
            }
            Err(e) if e.matches(&exc::INDEX_ERROR) => return Err(PyErr::overflow_error(
                "cannot fit 'int' into an index-sized integer",
            )),
            Err(e) if !e.matches(&exc::TYPE_ERROR) => return Err(e),
            Err(_) => {}
        }
    }
    ints_from_iterable(ts, x, "bytes must be in range(0, 256)", |it| {
        PyErr::type_error(format!("cannot convert '{}' object to bytes", protocol::type_name(it)))
    })
}

/// The bytes of an iterable of ints; a non-iterable gives `not_iterable(x)`.
pub fn ints_from_iterable(ts: &ThreadState, x: &Value, range_msg: &str, not_iterable: impl Fn(&Value) -> PyErr) -> PyResult<Vec<u8>> {
    let it = protocol::get_iter(ts, x).map_err(|e| if e.matches(&exc::TYPE_ERROR) { not_iterable(x) } else { e })?;
    let mut out = Vec::new();
    while let Some(item) = protocol::next(ts, &it)? {
        let i = protocol::index(ts, &item)?;
        match int::to_isize(&i) {
            Some(b) if (0..256).contains(&b) => out.push(b as u8),
            _ => return Err(PyErr::value_error(range_msg)),
        }
    }
    Ok(out)
}

/// Argument Clinic binding for signatures without keyword-only parameters,
/// with clinic's count messages ("f() takes at most 2 arguments (3 given)",
/// "f() takes at least 1 positional argument (0 given)"), then `args::bind`.
pub fn clinic_bind<const N: usize>(
    fname: &str,
    args: &[Value],
    kwnames: Option<&Value>,
    names: [&str; N],
    posonly: usize,
    required: usize,
) -> PyResult<[Option<Value>; N]> {
    let npos = crate::object::args::npositional(args, kwnames);
    let total = args.len();
    let plural = |n: usize| if n == 1 { "" } else { "s" };
    if total > N {
        return Err(PyErr::type_error(format!(
            "{fname}() takes at most {N} {}argument{} ({total} given)",
            if npos == 0 { "keyword " } else { "" },
            plural(N)
        )));
    }
    let min_posonly = posonly.min(required);
    if npos < min_posonly {
        return Err(PyErr::type_error(format!(
            "{fname}() takes {} {min_posonly} positional argument{} ({npos} given)",
            if min_posonly < N { "at least" } else { "exactly" },
            plural(min_posonly)
        )));
    }
    // A missing required argument is reported before unknown keywords.
    let given: Vec<String> = kwnames.map(|k| tuple::tuple_items(k).iter().map(|n| pystr::as_rust_str(n).into_owned()).collect()).unwrap_or_default();
    for (i, name) in names.iter().enumerate().take(required).skip(npos) {
        if i < posonly || !given.iter().any(|g| g == name) {
            return Err(PyErr::type_error(format!("{fname}() missing required argument '{name}' (pos {})", i + 1)));
        }
    }
    crate::object::args::bind(fname, args, kwnames, names, posonly, required, N)
}

/// A str argument of a constructor or method, or "f() argument 'name' must be str, not T".
pub fn str_arg(fname: &str, name: &str, v: &Value) -> PyResult<String> {
    pystr::try_as_rust_str(v).map(|s| s.into_owned()).ok_or_else(|| {
        PyErr::type_error(format!("{fname}() argument '{name}' must be str, not {}", clinic_type_name(v)))
    })
}

/// The type name clinic's messages show ("None" for None itself).
pub fn clinic_type_name(v: &Value) -> String {
    if none::is_none(v) {
        "None".to_string()
    } else {
        protocol::type_name(v)
    }
}

/// The contents of `bytes(source, encoding, errors)` / `bytearray(...)` when an
/// encoding or errors argument is given, or from the source alone otherwise
/// (`None`: no source).
pub fn ctor_data(ts: &ThreadState, fname: &str, source: Option<Value>, encoding: Option<Value>, errors: Option<Value>) -> PyResult<Option<Vec<u8>>> {
    let enc = encoding.as_ref().map(|e| str_arg(fname, "encoding", e)).transpose()?;
    let err = errors.as_ref().map(|e| str_arg(fname, "errors", e)).transpose()?;
    match (source, enc, err) {
        (None, None, None) => Ok(None),
        (None, Some(_), _) => Err(PyErr::type_error("encoding without a string argument")),
        (None, None, _) => Err(PyErr::type_error("errors without a string argument")),
        (Some(s), Some(e), err) => {
            if pystr::as_pystr(&s).is_none() {
                return Err(PyErr::type_error("encoding without a string argument"));
            }
            let b = encode_str(ts, &s, &e, err.as_deref().unwrap_or("strict"))?;
            Ok(Some(try_bytes_data(&b).unwrap_or_default()))
        }
        (Some(s), None, Some(_)) => {
            if pystr::as_pystr(&s).is_some() {
                return Err(PyErr::type_error("string argument without an encoding"));
            }
            Err(PyErr::type_error("errors without a string argument"))
        }
        (Some(s), None, None) => Ok(Some(bytes_from_object(ts, &s)?)),
    }
}

/// The result of `__bytes__` if the type defines it (checked to be bytes).
fn call_dunder_bytes(ts: &ThreadState, x: &Value) -> PyResult<Option<Value>> {
    let Some(f) = x.type_of().data.lookup_str("__bytes__") else { return Ok(None) };
    let bound = protocol::bind_descriptor(ts, &f, x)?;
    let r = protocol::call(ts, &bound, &[], None)?;
    if r.downcast::<PyBytes>().is_none() {
        return Err(PyErr::type_error(format!(
            "__bytes__ returned non-bytes (type {})",
            protocol::type_name(&r)
        )));
    }
    Ok(Some(r))
}

/// `bytes(x)` for one argument (CPython's PyObject_Bytes): `__bytes__`, a
/// buffer, an int count or an iterable of ints.
pub fn object_bytes(ts: &ThreadState, x: &Value) -> PyResult<Vec<u8>> {
    if let Some(r) = call_dunder_bytes(ts, x)? {
        return Ok(try_bytes_data(&r).unwrap_or_default());
    }
    bytes_from_object(ts, x)
}

fn bytes_new(ts: &ThreadState, cls: &Value, args: &[Value], kw: Option<&Value>) -> PyResult<Value> {
    let [source, encoding, errors] = clinic_bind("bytes", args, kw, ["source", "encoding", "errors"], 0, 0)?;
    let exact = cls.is(&BYTES_TYPE.to_value());
    let data = if let (Some(s), None, None) = (&source, &encoding, &errors) {
        match call_dunder_bytes(ts, s)? {
            Some(r) if exact => return Ok(r),
            Some(r) => try_bytes_data(&r).unwrap_or_default(),
            None => bytes_from_object(ts, s)?,
        }
    } else {
        ctor_data(ts, "bytes", source, encoding, errors)?.unwrap_or_default()
    };
    if exact {
        return Ok(new_bytes(data));
    }
    Value::new_instance(cls, PyBytes { data: data.into_boxed_slice(), hash: Cell::new(-1) })
}

/// `str.encode(encoding, errors)`.
pub fn encode_str(ts: &ThreadState, s: &Value, encoding: &str, errors: &str) -> PyResult<Value> {
    let data = &pystr::as_pystr(s).ok_or_else(|| PyErr::type_error("str expected"))?.data;
    // Other codecs, and handlers registered in Python, go through the codec registry.
    let (Some(enc), Some(handler)) = (Encoding::lookup(encoding), ErrorHandler::from_name(errors)) else {
        return crate::modules::_codecs::encode_text(ts, s, encoding, errors);
    };
    match codecs::encode(enc, data, handler) {
        Ok(b) => Ok(new_bytes(b)),
        Err(e) => {
            let msg = codecs::encode_error_message(e.encoding, data, e.start, e.end, e.reason);
            let err = PyErr::with_args(
                &exc::UNICODE_ENCODE_ERROR,
                vec![
                    pystr::new_str(e.encoding),
                    s.clone(),
                    int::from_i64(e.start as i64),
                    int::from_i64(e.end as i64),
                    pystr::new_str(e.reason),
                ],
            );
            set_unicode_error_fields(&err, e.encoding, s.clone(), e.start, e.end, e.reason, msg);
            Err(err)
        }
    }
}

fn set_unicode_error_fields(err: &PyErr, encoding: &str, object: Value, start: usize, end: usize, reason: &str, msg: String) {
    if let Some(b) = err.value().downcast::<exc::PyBaseException>() {
        b.set_field(0, Some(pystr::new_str(encoding)));
        b.set_field(1, Some(object));
        b.set_field(2, Some(int::from_i64(start as i64)));
        b.set_field(3, Some(int::from_i64(end as i64)));
        b.set_field(4, Some(pystr::new_str(reason)));
        b.set_field(7, Some(pystr::new_str(&msg)));
    }
}

/// `bytes.decode(encoding, errors)` / `str(b, encoding, errors)`.
pub fn decode_object(ts: &ThreadState, b: &Value, encoding: &str, errors: &str) -> PyResult<Value> {
    let data = buffer_data(b).ok_or_else(|| {
        PyErr::type_error(format!(
            "decoding to str: need a bytes-like object, {} found",
            protocol::type_name(b)
        ))
    })?;
    if data.is_empty() {
        // Decoding nothing gives '' without looking the codec up.
        return Ok(pystr::new_str(""));
    }
    // Other codecs, and handlers registered in Python, go through the codec registry
    // (as does unicode-escape, for its DeprecationWarning).
    let handler = ErrorHandler::from_name(errors).filter(|h| h.supports_decode());
    let enc = Encoding::lookup(encoding).filter(|e| *e != Encoding::UnicodeEscape);
    let (Some(enc), Some(handler)) = (enc, handler) else {
        return crate::modules::_codecs::decode_text(ts, b, &data, encoding, errors);
    };
    match codecs::decode(enc, &data, handler) {
        Ok(s) => Ok(pystr::from_data(s)),
        Err(e) => {
            let msg = codecs::decode_error_message(e.encoding, &data, e.start, e.end, e.reason);
            let obj = new_bytes(data.to_vec());
            let err = PyErr::with_args(
                &exc::UNICODE_DECODE_ERROR,
                vec![
                    pystr::new_str(e.encoding),
                    obj.clone(),
                    int::from_i64(e.start as i64),
                    int::from_i64(e.end as i64),
                    pystr::new_str(e.reason),
                ],
            );
            set_unicode_error_fields(&err, e.encoding, obj, e.start, e.end, e.reason, msg);
            Err(err)
        }
    }
}

// ---------------------------------------------------------------------------
// Methods shared by bytes and bytearray.

/// Read access to the contents of a bytes or bytearray object.
pub enum DataRef<'a> {
    /// Immutable storage (bytes).
    Slice(&'a [u8]),
    /// A shared borrow of a bytearray's vector.
    Cell(std::cell::Ref<'a, Vec<u8>>),
}

impl std::ops::Deref for DataRef<'_> {
    type Target = [u8];
    fn deref(&self) -> &[u8] {
        match self {
            DataRef::Slice(s) => s,
            DataRef::Cell(r) => r.as_slice(),
        }
    }
}

/// A byte sequence type whose methods are the shared ones: how to read an
/// instance and how to build a result of the same kind.
pub trait ByteSeq {
    /// The type name used in messages (`bytes.zfill()`).
    const NAME: &'static str;
    /// The contents of `v` (an instance). Mutable types hand out a borrow:
    /// it must be dropped before any Python code runs.
    fn data(v: &Value) -> PyResult<DataRef<'_>>;
    /// A new exact instance holding `data`.
    fn make(data: Vec<u8>) -> PyResult<Value>;
}

/// Marker for `bytes` in the shared methods.
pub struct BytesKind;

impl ByteSeq for BytesKind {
    const NAME: &'static str = "bytes";
    fn data(v: &Value) -> PyResult<DataRef<'_>> {
        Ok(DataRef::Slice(&this(v)?.data))
    }
    fn make(data: Vec<u8>) -> PyResult<Value> {
        Value::new(PyBytes { data: data.into_boxed_slice(), hash: Cell::new(-1) })
    }
}

fn make_list<K: ByteSeq>(parts: Vec<Vec<u8>>) -> PyResult<Value> {
    let items = parts.into_iter().map(K::make).collect::<PyResult<Vec<_>>>()?;
    list::new_list(items)
}

/// An index-like argument converted to a Py_ssize_t (OverflowError when too large).
pub fn ssize_arg(ts: &ThreadState, v: &Value) -> PyResult<isize> {
    protocol::index_isize(ts, v).map_err(|e| {
        if e.matches(&exc::INDEX_ERROR) { PyErr::overflow_error("Python int too large to convert to C ssize_t") } else { e }
    })
}

fn opt_index(ts: &ThreadState, v: Option<&Value>) -> PyResult<Option<isize>> {
    match v {
        None => Ok(None),
        Some(x) if none::is_none(x) => Ok(None),
        Some(x) => {
            if !is_index(x) {
                return Err(PyErr::type_error("slice indices must be integers or None or have an __index__ method"));
            }
            let i = protocol::index(ts, x)?;
            Ok(Some(int::to_isize(&i).unwrap_or(if int::is_negative(&i) { isize::MIN } else { isize::MAX })))
        }
    }
}

/// Old-style (PyArg_ParseTuple) argument count check: "f() takes at least 1 argument (0 given)".
fn tuple_args<'a>(owner: &str, fname: &str, a: Args<'a>, k: Option<&Value>, min: usize, max: usize) -> PyResult<Args<'a>> {
    crate::object::args::no_kwargs(&format!("{owner}.{fname}"), k)?;
    let n = a.len();
    let plural = |m: usize| if m == 1 { "" } else { "s" };
    if n < min {
        return Err(PyErr::type_error(format!("{fname}() takes at least {min} argument{} ({n} given)", plural(min))));
    }
    if n > max {
        return Err(PyErr::type_error(format!("{fname}() takes at most {max} argument{} ({n} given)", plural(max))));
    }
    Ok(a)
}

/// The needle of find/count/index: an int byte or a bytes-like object.
fn needle_arg(ts: &ThreadState, v: &Value) -> PyResult<Vec<u8>> {
    if is_index(v) {
        return Ok(vec![byte_value(ts, v)?]);
    }
    buffer_data(v).map(|c| c.into_owned()).ok_or_else(|| {
        PyErr::type_error(format!(
            "argument should be integer or bytes-like object, not '{}'",
            protocol::type_name(v)
        ))
    })
}

fn sub_start_end(ts: &ThreadState, owner: &str, fname: &str, a: Args, k: Option<&Value>) -> PyResult<(Vec<u8>, Option<isize>, Option<isize>)> {
    let a = tuple_args(owner, fname, a, k, 1, 3)?;
    // start and end are converted before the needle, as CPython does.
    let (s, e) = (opt_index(ts, a.get(1))?, opt_index(ts, a.get(2))?);
    Ok((needle_arg(ts, &a[0])?, s, e))
}

fn m_find<K: ByteSeq>(ts: &ThreadState, v: &Value, a: Args, k: Option<&Value>) -> PyResult<Value> {
    let (sub, s, e) = sub_start_end(ts, K::NAME, "find", a, k)?;
    Ok(int::from_i64(alg::find(&K::data(v)?, &sub, s, e).map_or(-1, |i| i as i64)))
}

fn m_rfind<K: ByteSeq>(ts: &ThreadState, v: &Value, a: Args, k: Option<&Value>) -> PyResult<Value> {
    let (sub, s, e) = sub_start_end(ts, K::NAME, "rfind", a, k)?;
    Ok(int::from_i64(alg::rfind(&K::data(v)?, &sub, s, e).map_or(-1, |i| i as i64)))
}

fn m_index<K: ByteSeq>(ts: &ThreadState, v: &Value, a: Args, k: Option<&Value>) -> PyResult<Value> {
    let (sub, s, e) = sub_start_end(ts, K::NAME, "index", a, k)?;
    match alg::find(&K::data(v)?, &sub, s, e) {
        Some(i) => Ok(int::from_usize(i)),
        None => Err(PyErr::value_error("subsection not found")),
    }
}

fn m_rindex<K: ByteSeq>(ts: &ThreadState, v: &Value, a: Args, k: Option<&Value>) -> PyResult<Value> {
    let (sub, s, e) = sub_start_end(ts, K::NAME, "rindex", a, k)?;
    match alg::rfind(&K::data(v)?, &sub, s, e) {
        Some(i) => Ok(int::from_usize(i)),
        None => Err(PyErr::value_error("subsection not found")),
    }
}

fn m_count<K: ByteSeq>(ts: &ThreadState, v: &Value, a: Args, k: Option<&Value>) -> PyResult<Value> {
    let (sub, s, e) = sub_start_end(ts, K::NAME, "count", a, k)?;
    Ok(int::from_usize(alg::count(&K::data(v)?, &sub, s, e)))
}

fn prefix_check<K: ByteSeq>(ts: &ThreadState, v: &Value, a: Args, k: Option<&Value>, fname: &str, ends: bool) -> PyResult<Value> {
    let a = tuple_args(K::NAME, fname, a, k, 1, 3)?;
    let (s, e) = (opt_index(ts, a.get(1))?, opt_index(ts, a.get(2))?);
    let data = K::data(v)?;
    let (st, en) = crate::stringlib::adjust_indices(s, e, data.len());
    let test = |p: &[u8]| -> bool {
        if st > data.len() || st > en {
            return false;
        }
        let hay = &data[st..en.max(st)];
        if ends { hay.ends_with(p) } else { hay.starts_with(p) }
    };
    let bad = |x: &Value| {
        PyErr::type_error(format!(
            "{fname} first arg must be bytes or a tuple of bytes, not {}",
            protocol::type_name(x)
        ))
    };
    if let Some(items) = tuple::try_tuple_items(&a[0]) {
        for it in items {
            let p = buffer_data(it).ok_or_else(|| bad(it))?;
            if test(&p) {
                return Ok(bool_::new_bool(true));
            }
        }
        return Ok(bool_::new_bool(false));
    }
    let p = buffer_data(&a[0]).ok_or_else(|| bad(&a[0]))?;
    Ok(bool_::new_bool(test(&p)))
}

fn m_startswith<K: ByteSeq>(ts: &ThreadState, v: &Value, a: Args, k: Option<&Value>) -> PyResult<Value> {
    prefix_check::<K>(ts, v, a, k, "startswith", false)
}

fn m_endswith<K: ByteSeq>(ts: &ThreadState, v: &Value, a: Args, k: Option<&Value>) -> PyResult<Value> {
    prefix_check::<K>(ts, v, a, k, "endswith", true)
}

fn m_decode(ts: &ThreadState, v: &Value, a: Args, k: Option<&Value>) -> PyResult<Value> {
    let [encoding, errors] = clinic_bind("decode", a, k, ["encoding", "errors"], 0, 0)?;
    let enc = encoding.map(|e| str_arg("decode", "encoding", &e)).transpose()?.unwrap_or_else(|| "utf-8".into());
    let err = errors.map(|e| str_arg("decode", "errors", &e)).transpose()?.unwrap_or_else(|| "strict".into());
    decode_object(ts, v, &enc, &err)
}

/// The `sep` and `bytes_per_sep` arguments of `hex()` (bytes, bytearray, memoryview).
pub fn hex_args(ts: &ThreadState, a: Args, k: Option<&Value>) -> PyResult<(Option<u8>, isize)> {
    let [sep, per] = clinic_bind("hex", a, k, ["sep", "bytes_per_sep"], 0, 0)?;
    let per = match per {
        Some(p) => {
            let i = protocol::index(ts, &p)?;
            int::to_isize(&i).ok_or_else(|| PyErr::overflow_error("Python int too large to convert to C int"))?
        }
        None => 1,
    };
    let sep = match sep {
        None => None,
        Some(s) => {
            // CPython checks the length first, then the type, then ASCII.
            if protocol::len(ts, &s)? != 1 {
                return Err(PyErr::value_error("sep must be length 1."));
            }
            let c = if let Some(st) = pystr::as_pystr(&s) {
                st.data.get(0)
            } else if let Some(b) = s.downcast::<PyBytes>() {
                b.data[0] as u32
            } else {
                return Err(PyErr::type_error("sep must be str or bytes."));
            };
            if c > 127 {
                return Err(PyErr::value_error("sep must be ASCII."));
            }
            Some(c as u8)
        }
    };
    Ok((sep, per))
}

fn m_hex<K: ByteSeq>(ts: &ThreadState, v: &Value, a: Args, k: Option<&Value>) -> PyResult<Value> {
    let (sep, per) = hex_args(ts, a, k)?;
    Ok(pystr::new_str(&alg::hex(&K::data(v)?, sep, per)))
}

/// `fromhex(string)` contents.
pub fn fromhex_data(fname: &str, a: Args, k: Option<&Value>) -> PyResult<Vec<u8>> {
    let a = crate::object::args::exact(fname, a, k, 1)?;
    let s = pystr::as_pystr(&a[0]).ok_or_else(|| {
        PyErr::type_error(format!("fromhex() argument must be str, not {}", protocol::type_name(&a[0])))
    })?;
    let cps: Vec<u32> = s.data.code_points().collect();
    alg::fromhex(&cps).map_err(|pos| {
        PyErr::value_error(format!("non-hexadecimal number found in fromhex() arg at position {pos}"))
    })
}

fn m_fromhex<K: ByteSeq>(ts: &ThreadState, cls: &Value, a: Args, k: Option<&Value>) -> PyResult<Value> {
    let data = fromhex_data(&format!("{}.fromhex", K::NAME), a, k)?;
    let b = K::make(data)?;
    if cls.is(&b.type_of().to_value()) {
        return Ok(b);
    }
    protocol::call(ts, cls, &[b], None)
}

fn m_maketrans(_ts: &ThreadState, _cls: &Value, a: Args, k: Option<&Value>) -> PyResult<Value> {
    let a = crate::object::args::positional("maketrans", a, k, 2, 2)?;
    let frm = buffer_arg(&a[0])?;
    let to = buffer_arg(&a[1])?;
    if frm.len() != to.len() {
        return Err(PyErr::value_error("maketrans arguments must have same length"));
    }
    Ok(new_bytes(alg::maketrans(&frm, &to)))
}

fn m_translate<K: ByteSeq>(_ts: &ThreadState, v: &Value, a: Args, k: Option<&Value>) -> PyResult<Value> {
    let [table, delete] = clinic_bind("translate", a, k, ["table", "delete"], 1, 1)?;
    let table = table.unwrap_or_else(none::none);
    let table = if none::is_none(&table) {
        None
    } else {
        let t = buffer_arg(&table)?.into_owned();
        if t.len() != 256 {
            return Err(PyErr::value_error("translation table must be 256 characters long"));
        }
        Some(t)
    };
    let delete = match &delete {
        Some(d) => buffer_arg(d)?.into_owned(),
        None => Vec::new(),
    };
    K::make(alg::translate(&K::data(v)?, table.as_deref(), &delete))
}

fn m_join<K: ByteSeq>(ts: &ThreadState, v: &Value, a: Args, k: Option<&Value>) -> PyResult<Value> {
    let a = crate::object::args::exact(&format!("{}.join", K::NAME), a, k, 1)?;
    let sep = K::data(v)?.to_vec();
    let it = protocol::get_iter(ts, &a[0]).map_err(|e| {
        if e.matches(&exc::TYPE_ERROR) { PyErr::type_error("can only join an iterable") } else { e }
    })?;
    let mut out = Vec::new();
    let mut i = 0usize;
    while let Some(item) = protocol::next(ts, &it)? {
        if i > 0 {
            out.extend_from_slice(&sep);
        }
        let b = buffer_data(&item).ok_or_else(|| {
            PyErr::type_error(format!(
                "sequence item {i}: expected a bytes-like object, {} found",
                protocol::type_name(&item)
            ))
        })?;
        out.extend_from_slice(&b);
        i += 1;
    }
    K::make(out)
}

fn split_args(ts: &ThreadState, fname: &str, a: Args, k: Option<&Value>) -> PyResult<(Option<Vec<u8>>, isize)> {
    let [sep, maxsplit] = clinic_bind(fname, a, k, ["sep", "maxsplit"], 0, 0)?;
    // maxsplit is converted by the argument parser, sep only afterwards.
    let maxsplit = match maxsplit {
        Some(m) => ssize_arg(ts, &m)?,
        None => -1,
    };
    let sep = match sep {
        Some(s) if !none::is_none(&s) => {
            let d = buffer_arg(&s)?.into_owned();
            if d.is_empty() {
                return Err(PyErr::value_error("empty separator"));
            }
            Some(d)
        }
        _ => None,
    };
    Ok((sep, maxsplit))
}

fn m_split<K: ByteSeq>(ts: &ThreadState, v: &Value, a: Args, k: Option<&Value>) -> PyResult<Value> {
    let (sep, max) = split_args(ts, "split", a, k)?;
    make_list::<K>(alg::split(&K::data(v)?, sep.as_deref(), max))
}

fn m_rsplit<K: ByteSeq>(ts: &ThreadState, v: &Value, a: Args, k: Option<&Value>) -> PyResult<Value> {
    let (sep, max) = split_args(ts, "rsplit", a, k)?;
    make_list::<K>(alg::rsplit(&K::data(v)?, sep.as_deref(), max))
}

fn m_splitlines<K: ByteSeq>(ts: &ThreadState, v: &Value, a: Args, k: Option<&Value>) -> PyResult<Value> {
    let [keepends] = clinic_bind("splitlines", a, k, ["keepends"], 0, 0)?;
    let keep = match keepends {
        Some(x) => {
            let i = protocol::index(ts, &x)?;
            if int::to_isize(&i).is_none_or(|n| i32::try_from(n).is_err()) {
                return Err(PyErr::overflow_error("Python int too large to convert to C int"));
            }
            protocol::is_true(ts, &i)?
        }
        None => false,
    };
    make_list::<K>(alg::splitlines(&K::data(v)?, keep))
}

fn partition_impl<K: ByteSeq>(v: &Value, a: Args, k: Option<&Value>, fname: &str, right: bool) -> PyResult<Value> {
    let a = crate::object::args::exact(&format!("{}.{fname}", K::NAME), a, k, 1)?;
    let sep = buffer_arg(&a[0])?.into_owned();
    if sep.is_empty() {
        return Err(PyErr::value_error("empty separator"));
    }
    let [x, y, z] = alg::partition(&K::data(v)?, &sep, right);
    tuple::new_tuple(vec![K::make(x)?, K::make(y)?, K::make(z)?])
}

fn m_partition<K: ByteSeq>(_ts: &ThreadState, v: &Value, a: Args, k: Option<&Value>) -> PyResult<Value> {
    partition_impl::<K>(v, a, k, "partition", false)
}

fn m_rpartition<K: ByteSeq>(_ts: &ThreadState, v: &Value, a: Args, k: Option<&Value>) -> PyResult<Value> {
    partition_impl::<K>(v, a, k, "rpartition", true)
}

fn strip_impl<K: ByteSeq>(v: &Value, a: Args, k: Option<&Value>, fname: &str, left: bool, right: bool) -> PyResult<Value> {
    let a = crate::object::args::positional(fname, a, k, 0, 1)?;
    let chars = match a.first() {
        Some(c) if !none::is_none(c) => Some(buffer_arg(c)?.into_owned()),
        _ => None,
    };
    let data = K::data(v)?;
    K::make(alg::strip(&data, chars.as_deref(), left, right).to_vec())
}

fn m_strip<K: ByteSeq>(_ts: &ThreadState, v: &Value, a: Args, k: Option<&Value>) -> PyResult<Value> {
    strip_impl::<K>(v, a, k, "strip", true, true)
}

fn m_lstrip<K: ByteSeq>(_ts: &ThreadState, v: &Value, a: Args, k: Option<&Value>) -> PyResult<Value> {
    strip_impl::<K>(v, a, k, "lstrip", true, false)
}

fn m_rstrip<K: ByteSeq>(_ts: &ThreadState, v: &Value, a: Args, k: Option<&Value>) -> PyResult<Value> {
    strip_impl::<K>(v, a, k, "rstrip", false, true)
}

fn m_replace<K: ByteSeq>(ts: &ThreadState, v: &Value, a: Args, k: Option<&Value>) -> PyResult<Value> {
    let a = crate::object::args::positional("replace", a, k, 2, 3)?;
    let old = buffer_arg(&a[0])?.into_owned();
    let new = buffer_arg(&a[1])?.into_owned();
    let count = match a.get(2) {
        Some(c) => ssize_arg(ts, c)?,
        None => -1,
    };
    let out = alg::replace(&K::data(v)?, &old, &new, count).ok_or_else(PyErr::no_memory)?;
    K::make(out)
}

fn affix_impl<K: ByteSeq>(v: &Value, a: Args, k: Option<&Value>, fname: &str, suffix: bool) -> PyResult<Value> {
    let a = crate::object::args::exact(&format!("{}.{fname}", K::NAME), a, k, 1)?;
    let p = buffer_arg(&a[0])?.into_owned();
    let d = K::data(v)?;
    let out = if suffix {
        d.strip_suffix(p.as_slice()).unwrap_or(&d)
    } else {
        d.strip_prefix(p.as_slice()).unwrap_or(&d)
    };
    K::make(out.to_vec())
}

fn m_removeprefix<K: ByteSeq>(_ts: &ThreadState, v: &Value, a: Args, k: Option<&Value>) -> PyResult<Value> {
    affix_impl::<K>(v, a, k, "removeprefix", false)
}

fn m_removesuffix<K: ByteSeq>(_ts: &ThreadState, v: &Value, a: Args, k: Option<&Value>) -> PyResult<Value> {
    affix_impl::<K>(v, a, k, "removesuffix", true)
}

fn fill_args(ts: &ThreadState, fname: &str, a: Args, k: Option<&Value>) -> PyResult<(usize, u8)> {
    let a = crate::object::args::positional(fname, a, k, 1, 2)?;
    let width = ssize_arg(ts, &a[0])?.max(0) as usize;
    let fill = match a.get(1) {
        None => b' ',
        Some(f) => match buffer_data(f) {
            Some(b) if b.len() == 1 && (f.downcast::<PyBytes>().is_some() || super::bytearray::as_bytearray(f).is_some()) => b[0],
            _ => {
                return Err(PyErr::type_error(format!(
                    "{fname}() argument 2 must be a byte string of length 1, not {}",
                    clinic_type_name(f)
                )))
            }
        },
    };
    Ok((width, fill))
}

fn pad_impl<K: ByteSeq>(ts: &ThreadState, v: &Value, a: Args, k: Option<&Value>, fname: &str, how: alg::Pad) -> PyResult<Value> {
    let (width, fill) = fill_args(ts, fname, a, k)?;
    let out = alg::pad(&K::data(v)?, width, fill, how).ok_or_else(PyErr::no_memory)?;
    K::make(out)
}

fn m_center<K: ByteSeq>(ts: &ThreadState, v: &Value, a: Args, k: Option<&Value>) -> PyResult<Value> {
    pad_impl::<K>(ts, v, a, k, "center", alg::Pad::Center)
}

fn m_ljust<K: ByteSeq>(ts: &ThreadState, v: &Value, a: Args, k: Option<&Value>) -> PyResult<Value> {
    pad_impl::<K>(ts, v, a, k, "ljust", alg::Pad::Left)
}

fn m_rjust<K: ByteSeq>(ts: &ThreadState, v: &Value, a: Args, k: Option<&Value>) -> PyResult<Value> {
    pad_impl::<K>(ts, v, a, k, "rjust", alg::Pad::Right)
}

fn m_zfill<K: ByteSeq>(ts: &ThreadState, v: &Value, a: Args, k: Option<&Value>) -> PyResult<Value> {
    let a = crate::object::args::exact(&format!("{}.zfill", K::NAME), a, k, 1)?;
    let width = ssize_arg(ts, &a[0])?.max(0) as usize;
    K::make(alg::zfill(&K::data(v)?, width).ok_or_else(PyErr::no_memory)?)
}

fn m_expandtabs<K: ByteSeq>(ts: &ThreadState, v: &Value, a: Args, k: Option<&Value>) -> PyResult<Value> {
    let [tabsize] = clinic_bind("expandtabs", a, k, ["tabsize"], 0, 0)?;
    let tabsize = match tabsize {
        Some(t) => {
            if !is_index(&t) {
                return Err(PyErr::type_error(format!(
                    "'{}' object cannot be interpreted as an integer",
                    protocol::type_name(&t)
                )));
            }
            let i = protocol::index(ts, &t)?;
            int::as_int(&i)
                .and_then(|r| r.to_i64())
                .filter(|t| i32::try_from(*t).is_ok())
                .ok_or_else(|| PyErr::overflow_error("Python int too large to convert to C int"))? as isize
        }
        None => 8,
    };
    K::make(alg::expandtabs(&K::data(v)?, tabsize).ok_or_else(|| PyErr::overflow_error("result too long"))?)
}

macro_rules! transform_methods {
    ($($name:ident => $f:ident,)*) => {$(
        fn $name<K: ByteSeq>(_ts: &ThreadState, v: &Value, a: Args, k: Option<&Value>) -> PyResult<Value> {
            crate::object::args::exact(&format!("{}.{}", K::NAME, stringify!($f)), a, k, 0)?;
            K::make(alg::$f(&K::data(v)?))
        }
    )*};
}

transform_methods! {
    m_upper => upper,
    m_lower => lower,
    m_swapcase => swapcase,
    m_capitalize => capitalize,
    m_title => title,
}

macro_rules! predicate_methods {
    ($($name:ident => $f:ident,)*) => {$(
        fn $name<K: ByteSeq>(_ts: &ThreadState, v: &Value, a: Args, k: Option<&Value>) -> PyResult<Value> {
            crate::object::args::exact(&format!("{}.{}", K::NAME, stringify!($f)), a, k, 0)?;
            Ok(bool_::new_bool(alg::$f(&K::data(v)?)))
        }
    )*};
}

predicate_methods! {
    m_isalpha => isalpha,
    m_isalnum => isalnum,
    m_isdigit => isdigit,
    m_isspace => isspace,
    m_isascii => isascii,
    m_islower => islower,
    m_isupper => isupper,
    m_istitle => istitle,
}

/// The bytes `%b`/`%s` insert in `bytes % args`: a buffer or the result of `__bytes__`.
pub fn percent_b_arg(ts: &ThreadState, arg: &Value) -> PyResult<Vec<u8>> {
    if is_memoryview_like(arg) {
        return super::memoryview::checked_bytes(arg);
    }
    if let Some(b) = buffer_data(arg) {
        return Ok(b.into_owned());
    }
    if let Some(r) = call_dunder_bytes(ts, arg)? {
        return Ok(try_bytes_data(&r).unwrap_or_default());
    }
    Err(PyErr::type_error(format!(
        "%b requires a bytes-like object, or an object that implements __bytes__, not '{}'",
        protocol::type_name(arg)
    )))
}

fn is_memoryview_like(v: &Value) -> bool {
    super::memoryview::is_memoryview(v)
}

/// `%`-formatting of bytes and bytearray (`data % args`).
pub fn percent_format(ts: &ThreadState, data: &[u8], args: &Value) -> PyResult<Vec<u8>> {
    let r = crate::format::objects::percent_format_bytes(ts, &new_bytes(data.to_vec()), args)?;
    Ok(try_bytes_data(&r).unwrap_or_default())
}

/// The methods bytes and bytearray share, for `K`.
pub fn shared_methods<K: ByteSeq>() -> Vec<(&'static str, CallFn)> {
    vec![
        ("capitalize", m_capitalize::<K>),
        ("center", m_center::<K>),
        ("count", m_count::<K>),
        ("decode", m_decode),
        ("endswith", m_endswith::<K>),
        ("expandtabs", m_expandtabs::<K>),
        ("find", m_find::<K>),
        ("hex", m_hex::<K>),
        ("index", m_index::<K>),
        ("isalnum", m_isalnum::<K>),
        ("isalpha", m_isalpha::<K>),
        ("isascii", m_isascii::<K>),
        ("isdigit", m_isdigit::<K>),
        ("islower", m_islower::<K>),
        ("isspace", m_isspace::<K>),
        ("istitle", m_istitle::<K>),
        ("isupper", m_isupper::<K>),
        ("join", m_join::<K>),
        ("ljust", m_ljust::<K>),
        ("lower", m_lower::<K>),
        ("lstrip", m_lstrip::<K>),
        ("partition", m_partition::<K>),
        ("removeprefix", m_removeprefix::<K>),
        ("removesuffix", m_removesuffix::<K>),
        ("replace", m_replace::<K>),
        ("rfind", m_rfind::<K>),
        ("rindex", m_rindex::<K>),
        ("rjust", m_rjust::<K>),
        ("rpartition", m_rpartition::<K>),
        ("rsplit", m_rsplit::<K>),
        ("rstrip", m_rstrip::<K>),
        ("split", m_split::<K>),
        ("splitlines", m_splitlines::<K>),
        ("startswith", m_startswith::<K>),
        ("strip", m_strip::<K>),
        ("swapcase", m_swapcase::<K>),
        ("title", m_title::<K>),
        ("translate", m_translate::<K>),
        ("upper", m_upper::<K>),
        ("zfill", m_zfill::<K>),
    ]
}

/// Register the shared methods, `fromhex` and `maketrans` on `ty`.
pub fn add_shared_methods<K: ByteSeq>(ty: &'static PyType) {
    super::descr::add_methods(ty, &shared_methods::<K>());
    super::descr::add_methods_kind(ty, &[("fromhex", m_fromhex::<K>)], super::descr::MethodKind::Class);
    super::descr::add_methods_kind(ty, &[("maketrans", m_maketrans)], super::descr::MethodKind::Static);
}

fn m_getnewargs(_ts: &ThreadState, v: &Value, a: Args, k: Option<&Value>) -> PyResult<Value> {
    crate::object::args::exact("__getnewargs__", a, k, 0)?;
    tuple::new_tuple(vec![new_bytes(this(v)?.data.to_vec())])
}

fn m_bytes(_ts: &ThreadState, v: &Value, a: Args, k: Option<&Value>) -> PyResult<Value> {
    crate::object::args::exact("__bytes__", a, k, 0)?;
    if v.is_exact(&BYTES_TYPE) {
        return Ok(v.clone());
    }
    Ok(new_bytes(this(v)?.data.to_vec()))
}

fn m_sizeof(_ts: &ThreadState, v: &Value, a: Args, k: Option<&Value>) -> PyResult<Value> {
    crate::object::args::exact("bytes.__sizeof__", a, k, 0)?;
    // CPython's PyBytesObject header (33 bytes, with the trailing NUL) plus the data.
    Ok(int::from_usize(33 + this(v)?.data.len()))
}

fn bytes_mod(ts: &ThreadState, v: &Value, w: &Value) -> PyResult<Value> {
    let Some(b) = v.downcast::<PyBytes>() else {
        return Ok(none::not_implemented());
    };
    let out = percent_format(ts, &b.data, w)?;
    Ok(new_bytes(out))
}

/// Fill the slots and methods of bytes and its iterator.
pub fn init() {
    let s = &BYTES_TYPE.data.slots;
    s.repr.set(Some(bytes_repr));
    s.str.set(Some(bytes_str));
    s.hash.set(Some(bytes_hash));
    s.length.set(Some(bytes_len));
    s.richcompare.set(Some(bytes_richcompare));
    s.subscript.set(Some(bytes_subscript));
    s.concat.set(Some(bytes_concat));
    s.repeat.set(Some(bytes_repeat));
    s.contains.set(Some(bytes_contains));
    s.iter.set(Some(bytes_iter));
    s.new.set(Some(bytes_new));
    s.getattro.set(Some(protocol::generic_getattr));
    s.binary[crate::object::typeobj::nb::REMAINDER].set(Some(bytes_mod));
    add_shared_methods::<BytesKind>(&BYTES_TYPE);
    super::descr::add_methods(&BYTES_TYPE, &[("__getnewargs__", m_getnewargs), ("__bytes__", m_bytes), ("__sizeof__", m_sizeof)]);
    let s = &BYTES_ITERATOR_TYPE.data.slots;
    s.iter.set(Some(self_iter));
    s.iternext.set(Some(bytes_iter_next));
    s.getattro.set(Some(protocol::generic_getattr));
    super::descr::add_methods(&BYTES_ITERATOR_TYPE, &[("__length_hint__", bytes_iter_length_hint)]);
}
