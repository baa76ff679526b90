//! `bytes`: an immutable byte string; also the codec entry points
//! (`str.encode`, `bytes.decode`) over `stringlib::codecs`.

use std::cell::Cell;

use crate::object::protocol;
use crate::object::typeobj::{CompareOp, PyType, TypeObject, TPFLAGS_BASETYPE, TPFLAGS_BYTES_SUBCLASS};
use crate::object::value::{PyObject, PyPayload, Value};
use crate::runtime::errors::{PyErr, PyResult};
use crate::runtime::thread::ThreadState;
use crate::stringlib::codecs::{self, Encoding, ErrorHandler};
use crate::types::{bool_, exceptions as exc, int, none, slice::PySlice, str as pystr, tuple};

pub struct PyBytes {
    pub data: Box<[u8]>,
    hash: Cell<isize>,
}

pub static BYTES_TYPE: PyType = PyObject::new_static(
    &super::typeobject::TYPE_TYPE,
    TypeObject::builtin::<PyBytes>("bytes", &BYTES_TYPE, Some(&super::object::OBJECT_TYPE), TPFLAGS_BASETYPE | TPFLAGS_BYTES_SUBCLASS),
);

impl PyPayload for PyBytes {
    fn class() -> &'static PyType {
        &BYTES_TYPE
    }
}

pub struct BytesIterator {
    seq: Value,
    pos: Cell<usize>,
}

pub static BYTES_ITERATOR_TYPE: PyType = PyObject::new_static(
    &super::typeobject::TYPE_TYPE,
    TypeObject::builtin::<BytesIterator>("bytes_iterator", &BYTES_ITERATOR_TYPE, Some(&super::object::OBJECT_TYPE), 0),
);

impl PyPayload for BytesIterator {
    fn class() -> &'static PyType {
        &BYTES_ITERATOR_TYPE
    }
}

pub fn types() -> Vec<&'static PyType> {
    vec![&BYTES_TYPE, &BYTES_ITERATOR_TYPE]
}

pub fn new_bytes(data: Vec<u8>) -> Value {
    Value::new(PyBytes { data: data.into_boxed_slice(), hash: Cell::new(-1) }).unwrap_or_else(|_| none::none())
}

/// The bytes of a bytes object (or subclass), None otherwise.
pub fn try_bytes_data(v: &Value) -> Option<Vec<u8>> {
    v.downcast::<PyBytes>().map(|b| b.data.to_vec())
}

/// The contents of a bytes-like object (bytes, bytearray, memoryview).
pub fn bytes_like(ts: &ThreadState, v: &Value) -> PyResult<Vec<u8>> {
    if let Some(b) = v.downcast::<PyBytes>() {
        return Ok(b.data.to_vec());
    }
    if let Some(b) = super::bytearray::as_bytearray(v) {
        return Ok(b.data.borrow().clone());
    }
    let _ = ts;
    Err(PyErr::type_error(format!(
        "a bytes-like object is required, not '{}'",
        protocol::type_name(v)
    )))
}

fn this(v: &Value) -> PyResult<&PyBytes> {
    v.downcast::<PyBytes>().ok_or_else(|| PyErr::type_error("descriptor requires a 'bytes' object"))
}

fn bytes_repr(_ts: &ThreadState, v: &Value) -> PyResult<Value> {
    Ok(pystr::new_str(&syntax::repr::bytes_repr(&this(v)?.data)))
}

fn bytes_str(ts: &ThreadState, v: &Value) -> PyResult<Value> {
    bytes_repr(ts, v)
}

fn bytes_hash(_ts: &ThreadState, v: &Value) -> PyResult<isize> {
    let b = this(v)?;
    if b.hash.get() != -1 {
        return Ok(b.hash.get());
    }
    let h = if b.data.is_empty() { 0 } else { crate::pyhash::hash_bytes(crate::runtime::hash_secret(), &b.data) };
    b.hash.set(h);
    Ok(h)
}

fn bytes_len(_ts: &ThreadState, v: &Value) -> PyResult<usize> {
    Ok(this(v)?.data.len())
}

fn bytes_richcompare(_ts: &ThreadState, v: &Value, w: &Value, op: CompareOp) -> PyResult<Value> {
    let (Some(a), Some(b)) = (v.downcast::<PyBytes>(), w.downcast::<PyBytes>()) else {
        return Ok(none::not_implemented());
    };
    Ok(bool_::new_bool(op.test(a.data.cmp(&b.data))))
}

fn bytes_subscript(ts: &ThreadState, v: &Value, key: &Value) -> PyResult<Value> {
    let b = this(v)?;
    if let Some(sl) = key.downcast::<PySlice>() {
        let (start, _, step, count) = sl.indices(ts, b.data.len())?;
        let mut out = Vec::with_capacity(count);
        let mut i = start;
        for _ in 0..count {
            out.push(b.data[i as usize]);
            i += step;
        }
        return Ok(new_bytes(out));
    }
    if key.type_of().data.slots.index.get().is_none() && key.as_small_int().is_none() {
        return Err(PyErr::type_error(format!(
            "byte indices must be integers or slices, not {}",
            protocol::type_name(key)
        )));
    }
    let i = tuple::normalize_index(ts, key, b.data.len(), "index")?;
    Ok(int::from_i64(b.data[i] as i64))
}

fn bytes_concat(ts: &ThreadState, v: &Value, w: &Value) -> PyResult<Value> {
    let a = this(v)?;
    let b = bytes_like(ts, w).map_err(|_| {
        PyErr::type_error(format!("can't concat {} to bytes", protocol::type_name(w)))
    })?;
    let mut out = a.data.to_vec();
    out.extend_from_slice(&b);
    Ok(new_bytes(out))
}

fn bytes_repeat(ts: &ThreadState, v: &Value, n: &Value) -> PyResult<Value> {
    let a = this(v)?;
    let count = tuple::repeat_count(ts, n, a.data.len())?;
    Ok(new_bytes(a.data.repeat(count)))
}

fn bytes_contains(ts: &ThreadState, v: &Value, x: &Value) -> PyResult<bool> {
    let a = this(v)?;
    if let Some(i) = int::as_int(x) {
        let Some(b) = i.to_i64().filter(|b| (0..256).contains(b)) else {
            return Err(PyErr::value_error("byte must be in range(0, 256)"));
        };
        return Ok(a.data.contains(&(b as u8)));
    }
    let needle = bytes_like(ts, x)?;
    Ok(find(&a.data, &needle).is_some())
}

fn find(hay: &[u8], needle: &[u8]) -> Option<usize> {
    if needle.is_empty() {
        return Some(0);
    }
    hay.windows(needle.len()).position(|w| w == needle)
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
        Ok(None)
    }
}

fn self_iter(_ts: &ThreadState, v: &Value) -> PyResult<Value> {
    Ok(v.clone())
}

/// `bytes(x)` contents: from an int count, bytes-like, or iterable of ints.
pub fn bytes_from_object(ts: &ThreadState, x: &Value) -> PyResult<Vec<u8>> {
    if let Ok(b) = bytes_like(ts, x) {
        return Ok(b);
    }
    if pystr::as_pystr(x).is_some() {
        return Err(PyErr::type_error("string argument without an encoding"));
    }
    if x.as_small_int().is_some() || x.type_of().data.slots.index.get().is_some() {
        let n = protocol::index_isize(ts, x)?;
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
    let items = protocol::collect(ts, x).map_err(|e| {
        if e.matches(&exc::TYPE_ERROR) {
            PyErr::type_error(format!("cannot convert '{}' object to bytes", protocol::type_name(x)))
        } else {
            e
        }
    })?;
    let mut out = Vec::with_capacity(items.len());
    for it in items {
        let i = protocol::index(ts, &it)?;
        match int::to_isize(&i) {
            Some(b) if (0..256).contains(&b) => out.push(b as u8),
            _ => return Err(PyErr::value_error("bytes must be in range(0, 256)")),
        }
    }
    Ok(out)
}

fn bytes_new(ts: &ThreadState, cls: &Value, args: &[Value], kw: Option<&Value>) -> PyResult<Value> {
    let [source, encoding, errors] = crate::object::args::bind("bytes", args, kw, ["source", "encoding", "errors"], 0, 0, 3)?;
    let data = match (source, encoding, errors) {
        (None, None, None) => vec![],
        (Some(s), Some(e), err) => {
            if pystr::as_pystr(&s).is_none() {
                return Err(PyErr::type_error("encoding without a string argument"));
            }
            let err = err.map(|x| pystr::as_rust_str(&x).into_owned()).unwrap_or_else(|| "strict".into());
            let b = encode_str(ts, &s, &pystr::as_rust_str(&e), &err)?;
            try_bytes_data(&b).unwrap_or_default()
        }
        (Some(s), None, Some(_)) => {
            if pystr::as_pystr(&s).is_some() {
                return Err(PyErr::type_error("string argument without an encoding"));
            }
            return Err(PyErr::type_error("errors without a string argument"));
        }
        (Some(s), None, None) => {
            if let Some(f) = s.type_of().data.lookup_str("__bytes__") {
                let bound = protocol::bind_descriptor(ts, &f, &s)?;
                let r = protocol::call(ts, &bound, &[], None)?;
                if r.downcast::<PyBytes>().is_none() {
                    return Err(PyErr::type_error(format!(
                        "__bytes__ returned non-bytes (type {})",
                        protocol::type_name(&r)
                    )));
                }
                if cls.is(&BYTES_TYPE.to_value()) {
                    return Ok(r);
                }
                try_bytes_data(&r).unwrap_or_default()
            } else {
                bytes_from_object(ts, &s)?
            }
        }
        (None, _, _) => return Err(PyErr::type_error("encoding or errors without sequence argument")),
    };
    if cls.is(&BYTES_TYPE.to_value()) {
        return Ok(new_bytes(data));
    }
    Value::new_instance(cls, PyBytes { data: data.into_boxed_slice(), hash: Cell::new(-1) })
}

/// `str.encode(encoding, errors)`.
pub fn encode_str(ts: &ThreadState, s: &Value, encoding: &str, errors: &str) -> PyResult<Value> {
    let data = &pystr::as_pystr(s).ok_or_else(|| PyErr::type_error("str expected"))?.data;
    let Some(enc) = Encoding::lookup(encoding) else {
        return Err(PyErr::new(&exc::LOOKUP_ERROR, format!("unknown encoding: {encoding}")));
    };
    let Some(handler) = ErrorHandler::from_name(errors) else {
        return Err(PyErr::new(&exc::LOOKUP_ERROR, format!("unknown error handler name '{errors}'")));
    };
    let _ = ts;
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
    let data = bytes_like(ts, b).map_err(|_| {
        PyErr::type_error(format!(
            "decoding to str: need a bytes-like object, {} found",
            protocol::type_name(b)
        ))
    })?;
    let Some(enc) = Encoding::lookup(encoding) else {
        return Err(PyErr::new(&exc::LOOKUP_ERROR, format!("unknown encoding: {encoding}")));
    };
    let Some(handler) = ErrorHandler::from_name(errors) else {
        return Err(PyErr::new(&exc::LOOKUP_ERROR, format!("unknown error handler name '{errors}'")));
    };
    match codecs::decode(enc, &data, handler) {
        Ok(s) => Ok(pystr::from_data(s)),
        Err(e) => {
            let msg = codecs::decode_error_message(e.encoding, &data, e.start, e.end, e.reason);
            let obj = new_bytes(data.clone());
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

fn m_decode(ts: &ThreadState, v: &Value, a: &[Value], k: Option<&Value>) -> PyResult<Value> {
    let [encoding, errors] = crate::object::args::bind("decode", a, k, ["encoding", "errors"], 0, 0, 2)?;
    let enc = encoding.map(|e| pystr::as_rust_str(&e).into_owned()).unwrap_or_else(|| "utf-8".into());
    let err = errors.map(|e| pystr::as_rust_str(&e).into_owned()).unwrap_or_else(|| "strict".into());
    decode_object(ts, v, &enc, &err)
}

fn m_hex(_ts: &ThreadState, v: &Value, a: &[Value], k: Option<&Value>) -> PyResult<Value> {
    crate::object::args::positional("hex", a, k, 0, 0)?;
    let s: String = this(v)?.data.iter().map(|b| format!("{b:02x}")).collect();
    Ok(pystr::new_str(&s))
}

fn m_fromhex(ts: &ThreadState, cls: &Value, a: &[Value], k: Option<&Value>) -> PyResult<Value> {
    let a = crate::object::args::exact("fromhex", a, k, 1)?;
    let s = pystr::try_as_rust_str(&a[0]).ok_or_else(|| {
        PyErr::type_error(format!("fromhex() argument must be str, not {}", protocol::type_name(&a[0])))
    })?;
    let chars: Vec<char> = s.chars().collect();
    let mut out = Vec::new();
    let mut i = 0;
    while i < chars.len() {
        if chars[i].is_ascii_whitespace() {
            i += 1;
            continue;
        }
        let hi = chars[i].to_digit(16);
        let lo = chars.get(i + 1).and_then(|c| c.to_digit(16));
        match (hi, lo) {
            (Some(h), Some(l)) => out.push((h * 16 + l) as u8),
            (Some(_), None) if i + 1 >= chars.len() => {
                return Err(PyErr::value_error(format!("non-hexadecimal number found in fromhex() arg at position {}", i + 1)))
            }
            (Some(_), None) => {
                return Err(PyErr::value_error(format!("non-hexadecimal number found in fromhex() arg at position {}", i + 1)))
            }
            (None, _) => {
                return Err(PyErr::value_error(format!("non-hexadecimal number found in fromhex() arg at position {i}")))
            }
        }
        i += 2;
    }
    let b = new_bytes(out);
    if cls.is(&BYTES_TYPE.to_value()) {
        return Ok(b);
    }
    protocol::call(ts, cls, &[b], None)
}

fn m_join(ts: &ThreadState, v: &Value, a: &[Value], k: Option<&Value>) -> PyResult<Value> {
    let a = crate::object::args::exact("join", a, k, 1)?;
    let sep = this(v)?;
    let items = protocol::collect(ts, &a[0])?;
    let mut out = Vec::new();
    for (i, it) in items.iter().enumerate() {
        if i > 0 {
            out.extend_from_slice(&sep.data);
        }
        let b = bytes_like(ts, it).map_err(|_| {
            PyErr::type_error(format!(
                "sequence item {i}: expected a bytes-like object, {} found",
                protocol::type_name(it)
            ))
        })?;
        out.extend_from_slice(&b);
    }
    Ok(new_bytes(out))
}

fn m_startswith(ts: &ThreadState, v: &Value, a: &[Value], k: Option<&Value>) -> PyResult<Value> {
    let a = crate::object::args::positional("startswith", a, k, 1, 1)?;
    let d = &this(v)?.data;
    let p = bytes_like(ts, &a[0])?;
    Ok(bool_::new_bool(d.starts_with(&p)))
}

fn m_endswith(ts: &ThreadState, v: &Value, a: &[Value], k: Option<&Value>) -> PyResult<Value> {
    let a = crate::object::args::positional("endswith", a, k, 1, 1)?;
    let d = &this(v)?.data;
    let p = bytes_like(ts, &a[0])?;
    Ok(bool_::new_bool(d.ends_with(&p)))
}

fn m_find(ts: &ThreadState, v: &Value, a: &[Value], k: Option<&Value>) -> PyResult<Value> {
    let a = crate::object::args::positional("find", a, k, 1, 1)?;
    let d = &this(v)?.data;
    let p = bytes_like(ts, &a[0])?;
    Ok(int::from_i64(find(d, &p).map_or(-1, |i| i as i64)))
}

fn m_getnewargs(_ts: &ThreadState, v: &Value, _a: &[Value], _k: Option<&Value>) -> PyResult<Value> {
    tuple::new_tuple(vec![new_bytes(this(v)?.data.to_vec())])
}

fn bytes_mod(ts: &ThreadState, v: &Value, w: &Value) -> PyResult<Value> {
    if v.downcast::<PyBytes>().is_none() {
        return Ok(none::not_implemented());
    }
    crate::format::objects::percent_format_bytes(ts, v, w)
}

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
    super::descr::add_methods(
        &BYTES_TYPE,
        &[
            ("decode", m_decode),
            ("hex", m_hex),
            ("join", m_join),
            ("startswith", m_startswith),
            ("endswith", m_endswith),
            ("find", m_find),
            ("__getnewargs__", m_getnewargs),
        ],
    );
    super::descr::add_methods_kind(&BYTES_TYPE, &[("fromhex", m_fromhex)], super::descr::MethodKind::Class);
    let s = &BYTES_ITERATOR_TYPE.data.slots;
    s.iter.set(Some(self_iter));
    s.iternext.set(Some(bytes_iter_next));
}
