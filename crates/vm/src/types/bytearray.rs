//! `bytearray`: a mutable byte string.

use std::cell::RefCell;

use crate::object::protocol;
use crate::object::typeobj::{CompareOp, PyType, TypeObject, TPFLAGS_BASETYPE};
use crate::object::value::{PyObject, PyPayload, Value};
use crate::runtime::errors::{PyErr, PyResult};
use crate::runtime::thread::ThreadState;
use crate::types::{bool_, bytes, int, none, slice::PySlice, str as pystr, tuple};

pub struct PyByteArray {
    pub data: RefCell<Vec<u8>>,
}

pub static BYTEARRAY_TYPE: PyType = PyObject::new_static(
    &super::typeobject::TYPE_TYPE,
    TypeObject::builtin::<PyByteArray>("bytearray", &BYTEARRAY_TYPE, Some(&super::object::OBJECT_TYPE), TPFLAGS_BASETYPE),
);

impl PyPayload for PyByteArray {
    fn class() -> &'static PyType {
        &BYTEARRAY_TYPE
    }
}

pub fn as_bytearray(v: &Value) -> Option<&PyByteArray> {
    v.downcast::<PyByteArray>()
}

fn this(v: &Value) -> PyResult<&PyByteArray> {
    as_bytearray(v).ok_or_else(|| PyErr::type_error("bytearray expected"))
}

fn ba_repr(_ts: &ThreadState, v: &Value) -> PyResult<Value> {
    let b = this(v)?;
    let inner = syntax::repr::bytes_repr(&b.data.borrow());
    Ok(pystr::new_str(&format!("{}({})", protocol::type_qualname(v.type_of()), inner)))
}

fn ba_len(_ts: &ThreadState, v: &Value) -> PyResult<usize> {
    Ok(this(v)?.data.borrow().len())
}

fn ba_richcompare(ts: &ThreadState, v: &Value, w: &Value, op: CompareOp) -> PyResult<Value> {
    let Ok(a) = this(v) else { return Ok(none::not_implemented()) };
    let Ok(b) = bytes::bytes_like(ts, w) else { return Ok(none::not_implemented()) };
    let r = op.test(a.data.borrow().as_slice().cmp(b.as_slice()));
    Ok(bool_::new_bool(r))
}

fn ba_subscript(ts: &ThreadState, v: &Value, key: &Value) -> PyResult<Value> {
    let b = this(v)?;
    let data = b.data.borrow().clone();
    if let Some(sl) = key.downcast::<PySlice>() {
        let (start, _, step, count) = sl.indices(ts, data.len())?;
        let out: Vec<u8> = (0..count).map(|k| data[(start + k as isize * step) as usize]).collect();
        return Value::new(PyByteArray { data: RefCell::new(out) });
    }
    let i = tuple::normalize_index(ts, key, data.len(), "bytearray")?;
    Ok(int::from_i64(data[i] as i64))
}

fn byte_value(ts: &ThreadState, v: &Value) -> PyResult<u8> {
    let i = protocol::index(ts, v)?;
    match int::to_isize(&i) {
        Some(b) if (0..256).contains(&b) => Ok(b as u8),
        _ => Err(PyErr::value_error("byte must be in range(0, 256)")),
    }
}

fn ba_ass_subscript(ts: &ThreadState, v: &Value, key: &Value, value: Option<&Value>) -> PyResult<()> {
    let b = this(v)?;
    if key.downcast::<PySlice>().is_some() {
        return Err(PyErr::not_implemented("bytearray slice assignment is not supported yet"));
    }
    let len = b.data.borrow().len();
    let i = tuple::normalize_index(ts, key, len, "bytearray")?;
    match value {
        Some(x) => {
            let byte = byte_value(ts, x)?;
            b.data.borrow_mut()[i] = byte;
        }
        None => {
            b.data.borrow_mut().remove(i);
        }
    }
    Ok(())
}

fn ba_new(_ts: &ThreadState, cls: &Value, _args: &[Value], _kw: Option<&Value>) -> PyResult<Value> {
    Value::new_instance(cls, PyByteArray { data: RefCell::new(Vec::new()) })
}

fn ba_init(ts: &ThreadState, v: &Value, args: &[Value], kw: Option<&Value>) -> PyResult<()> {
    let [source, encoding, errors] = crate::object::args::bind("bytearray", args, kw, ["source", "encoding", "errors"], 0, 0, 3)?;
    let data = match (source, encoding) {
        (None, _) => vec![],
        (Some(s), Some(e)) => {
            let err = errors.map(|x| pystr::as_rust_str(&x).into_owned()).unwrap_or_else(|| "strict".into());
            let b = bytes::encode_str(ts, &s, &pystr::as_rust_str(&e), &err)?;
            bytes::try_bytes_data(&b).unwrap_or_default()
        }
        (Some(s), None) => bytes::bytes_from_object(ts, &s)?,
    };
    *this(v)?.data.borrow_mut() = data;
    Ok(())
}

fn m_append(ts: &ThreadState, v: &Value, a: &[Value], k: Option<&Value>) -> PyResult<Value> {
    let a = crate::object::args::exact("append", a, k, 1)?;
    let byte = byte_value(ts, &a[0])?;
    this(v)?.data.borrow_mut().push(byte);
    Ok(none::none())
}

fn m_extend(ts: &ThreadState, v: &Value, a: &[Value], k: Option<&Value>) -> PyResult<Value> {
    let a = crate::object::args::exact("extend", a, k, 1)?;
    let more = bytes::bytes_from_object(ts, &a[0])?;
    this(v)?.data.borrow_mut().extend(more);
    Ok(none::none())
}

fn m_decode(ts: &ThreadState, v: &Value, a: &[Value], k: Option<&Value>) -> PyResult<Value> {
    let [encoding, errors] = crate::object::args::bind("decode", a, k, ["encoding", "errors"], 0, 0, 2)?;
    let enc = encoding.map(|e| pystr::as_rust_str(&e).into_owned()).unwrap_or_else(|| "utf-8".into());
    let err = errors.map(|e| pystr::as_rust_str(&e).into_owned()).unwrap_or_else(|| "strict".into());
    bytes::decode_object(ts, v, &enc, &err)
}

fn ba_concat(ts: &ThreadState, v: &Value, w: &Value) -> PyResult<Value> {
    let mut out = this(v)?.data.borrow().clone();
    out.extend(bytes::bytes_like(ts, w)?);
    Value::new(PyByteArray { data: RefCell::new(out) })
}

fn ba_iconcat(ts: &ThreadState, v: &Value, w: &Value) -> PyResult<Value> {
    let more = bytes::bytes_like(ts, w)?;
    this(v)?.data.borrow_mut().extend(more);
    Ok(v.clone())
}

pub fn init() {
    let s = &BYTEARRAY_TYPE.data.slots;
    s.repr.set(Some(ba_repr));
    s.length.set(Some(ba_len));
    s.richcompare.set(Some(ba_richcompare));
    s.subscript.set(Some(ba_subscript));
    s.ass_subscript.set(Some(ba_ass_subscript));
    s.new.set(Some(ba_new));
    s.init.set(Some(ba_init));
    s.concat.set(Some(ba_concat));
    s.inplace_concat.set(Some(ba_iconcat));
    s.hash.set(Some(super::object::hash_not_implemented));
    s.getattro.set(Some(protocol::generic_getattr));
    super::descr::add_methods(&BYTEARRAY_TYPE, &[("append", m_append), ("extend", m_extend), ("decode", m_decode)]);
}
