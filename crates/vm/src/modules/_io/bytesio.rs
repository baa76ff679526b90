//! `_io.BytesIO`: a binary stream over an in-memory buffer. The buffer is a
//! bytearray, so `getbuffer()` is a memoryview of it and the bytearray's
//! export count forbids resizing while a view lives, as in CPython.

use std::cell::{Cell, RefCell};

use crate::object::protocol;
use crate::object::typeobj::{PyType, TypeObject, TPFLAGS_BASETYPE};
use crate::object::value::{PyObject, PyPayload, Value};
use crate::runtime::errors::{PyErr, PyResult};
use crate::runtime::thread::ThreadState;
use crate::types::bytearray::{as_bytearray, PyByteArray};
use crate::types::{bool_, bytes, descr, dict, exceptions as exc, int, none, tuple};

use super::{closed_error, size_arg};

/// A BytesIO object.
pub struct BytesIO {
    /// The contents: a bytearray, replaced only while no view exports it.
    buf: RefCell<Value>,
    pos: Cell<usize>,
    closed: Cell<bool>,
    /// The instance `__dict__` of exact instances, made on first use.
    dict: RefCell<Option<Value>>,
}

/// `_io.BytesIO`.
pub static BYTES_IO_TYPE: PyType = PyObject::new_static(
    &crate::types::typeobject::TYPE_TYPE,
    TypeObject::builtin::<BytesIO>("_io.BytesIO", &BYTES_IO_TYPE, Some(&super::iobase::BUFFERED_IO_BASE_TYPE), TPFLAGS_BASETYPE),
);

impl PyPayload for BytesIO {
    fn class() -> &'static PyType {
        &BYTES_IO_TYPE
    }
}

type Args<'a> = &'a [Value];
type Kw<'a> = Option<&'a Value>;

fn this(v: &Value) -> PyResult<&BytesIO> {
    v.downcast::<BytesIO>().ok_or_else(|| PyErr::type_error(format!("descriptor requires a '_io.BytesIO' object but received '{}'", protocol::type_name(v))))
}

/// The object, if open.
fn open_this(v: &Value) -> PyResult<&BytesIO> {
    let b = this(v)?;
    if b.closed.get() {
        return Err(closed_error());
    }
    Ok(b)
}

impl BytesIO {
    fn with_data<R>(&self, f: impl FnOnce(&mut Vec<u8>) -> R) -> R {
        let buf = self.buf.borrow();
        match as_bytearray(&buf) {
            Some(b) => f(&mut b.data.borrow_mut()),
            None => f(&mut Vec::new()),
        }
    }

    /// BufferError while a memoryview exports the buffer.
    fn check_exports(&self) -> PyResult<()> {
        let buf = self.buf.borrow();
        match as_bytearray(&buf) {
            Some(b) => b.check_resizable(),
            None => Ok(()),
        }
    }

    fn len(&self) -> usize {
        self.with_data(|d| d.len())
    }

    /// Up to `n` bytes (all when None) from the position on.
    fn read_bytes(&self, n: Option<usize>) -> Vec<u8> {
        let pos = self.pos.get();
        let out = self.with_data(|d| {
            let start = pos.min(d.len());
            let end = match n {
                Some(n) => start.saturating_add(n).min(d.len()),
                None => d.len(),
            };
            d[start..end].to_vec()
        });
        self.pos.set(pos + out.len());
        out
    }

    /// The next line, at most `limit` bytes.
    fn read_line(&self, limit: Option<usize>) -> Vec<u8> {
        let pos = self.pos.get();
        let out = self.with_data(|d| {
            let start = pos.min(d.len());
            let rest = &d[start..];
            let mut end = rest.iter().position(|b| *b == b'\n').map_or(rest.len(), |i| i + 1);
            if let Some(n) = limit {
                end = end.min(n);
            }
            rest[..end].to_vec()
        });
        self.pos.set(pos + out.len());
        out
    }

    fn write_data(&self, data: &[u8]) -> usize {
        let pos = self.pos.get();
        if data.is_empty() {
            return 0;
        }
        self.with_data(|d| {
            if d.len() < pos {
                d.resize(pos, 0);
            }
            let end = pos + data.len();
            if d.len() < end {
                d.resize(end, 0);
            }
            d[pos..end].copy_from_slice(data);
        });
        self.pos.set(pos + data.len());
        data.len()
    }
}

fn bio_new(_ts: &ThreadState, cls: &Value, _a: Args, _k: Kw) -> PyResult<Value> {
    let buf = Value::new(PyByteArray::new(Vec::new()))?;
    Value::new_instance(cls, BytesIO { buf: RefCell::new(buf), pos: Cell::new(0), closed: Cell::new(false), dict: RefCell::new(None) })
}

fn bio_init(ts: &ThreadState, v: &Value, a: Args, k: Kw) -> PyResult<()> {
    let [initial] = crate::object::args::bind("BytesIO", a, k, ["initial_bytes"], 0, 0, 1)?;
    let b = this(v)?;
    b.check_exports()?;
    let data = match initial.filter(|x| !none::is_none(x)) {
        Some(x) => bytes::bytes_like(ts, &x)?,
        None => Vec::new(),
    };
    *b.buf.borrow_mut() = Value::new(PyByteArray::new(data))?;
    b.pos.set(0);
    Ok(())
}

fn m_getvalue(_ts: &ThreadState, v: &Value, a: Args, k: Kw) -> PyResult<Value> {
    crate::object::args::exact("getvalue", a, k, 0)?;
    let b = open_this(v)?;
    Ok(bytes::new_bytes(b.with_data(|d| d.clone())))
}

fn m_getbuffer(_ts: &ThreadState, v: &Value, a: Args, k: Kw) -> PyResult<Value> {
    crate::object::args::exact("getbuffer", a, k, 0)?;
    let b = open_this(v)?;
    let buf = b.buf.borrow().clone();
    crate::types::memoryview::new_memoryview(&buf)
}

fn m_true(_ts: &ThreadState, v: &Value, a: Args, k: Kw) -> PyResult<Value> {
    crate::object::args::exact("method", a, k, 0)?;
    open_this(v)?;
    Ok(bool_::new_bool(true))
}

fn m_isatty(_ts: &ThreadState, v: &Value, a: Args, k: Kw) -> PyResult<Value> {
    crate::object::args::exact("isatty", a, k, 0)?;
    open_this(v)?;
    Ok(bool_::new_bool(false))
}

fn m_flush(_ts: &ThreadState, v: &Value, a: Args, k: Kw) -> PyResult<Value> {
    crate::object::args::exact("flush", a, k, 0)?;
    open_this(v)?;
    Ok(none::none())
}

fn m_close(_ts: &ThreadState, v: &Value, a: Args, k: Kw) -> PyResult<Value> {
    crate::object::args::exact("close", a, k, 0)?;
    let b = this(v)?;
    b.check_exports()?;
    b.closed.set(true);
    b.with_data(|d| *d = Vec::new());
    Ok(none::none())
}

fn g_closed(_ts: &ThreadState, v: &Value) -> PyResult<Value> {
    Ok(bool_::new_bool(this(v)?.closed.get()))
}

fn m_read(ts: &ThreadState, v: &Value, a: Args, k: Kw) -> PyResult<Value> {
    let a = crate::object::args::positional("read", a, k, 0, 1)?;
    let n = size_arg(ts, a.first())?;
    let b = open_this(v)?;
    Ok(bytes::new_bytes(b.read_bytes(n)))
}

fn m_read1(ts: &ThreadState, v: &Value, a: Args, k: Kw) -> PyResult<Value> {
    let a = crate::object::args::positional("read1", a, k, 0, 1)?;
    let n = size_arg(ts, a.first())?;
    let b = open_this(v)?;
    Ok(bytes::new_bytes(b.read_bytes(n)))
}

fn m_readline(ts: &ThreadState, v: &Value, a: Args, k: Kw) -> PyResult<Value> {
    let a = crate::object::args::positional("readline", a, k, 0, 1)?;
    let n = size_arg(ts, a.first())?;
    let b = open_this(v)?;
    Ok(bytes::new_bytes(b.read_line(n)))
}

fn m_readlines(ts: &ThreadState, v: &Value, a: Args, k: Kw) -> PyResult<Value> {
    let a = crate::object::args::positional("readlines", a, k, 0, 1)?;
    let hint = size_arg(ts, a.first())?.filter(|h| *h > 0);
    let b = open_this(v)?;
    let (mut lines, mut total) = (Vec::new(), 0);
    loop {
        let line = b.read_line(None);
        if line.is_empty() {
            break;
        }
        total += line.len();
        lines.push(bytes::new_bytes(line));
        if hint.is_some_and(|h| total >= h) {
            break;
        }
    }
    crate::types::list::new_list(lines)
}

fn m_readinto(ts: &ThreadState, v: &Value, a: Args, k: Kw) -> PyResult<Value> {
    let a = crate::object::args::exact("readinto", a, k, 1)?;
    let n = super::iobase::writable_buffer_len(ts, "readinto", &a[0])?;
    let b = open_this(v)?;
    let data = b.read_bytes(Some(n));
    super::iobase::copy_into(ts, &a[0], &data)?;
    Ok(int::from_i64(data.len() as i64))
}

fn m_tell(_ts: &ThreadState, v: &Value, a: Args, k: Kw) -> PyResult<Value> {
    crate::object::args::exact("tell", a, k, 0)?;
    Ok(int::from_i64(open_this(v)?.pos.get() as i64))
}

/// A C `Py_ssize_t` argument (index protocol).
fn ssize(ts: &ThreadState, x: &Value) -> PyResult<isize> {
    if !int::is_int(x) && x.type_of().data.slots.index.get().is_none() {
        return Err(PyErr::type_error(format!("'{}' object cannot be interpreted as an integer", protocol::type_name(x))));
    }
    super::ssize_arg(ts, x)
}

fn m_seek(ts: &ThreadState, v: &Value, a: Args, k: Kw) -> PyResult<Value> {
    let a = crate::object::args::positional("seek", a, k, 1, 2)?;
    let pos = ssize(ts, &a[0])?;
    let whence = match a.get(1) {
        Some(w) => protocol::index_isize(ts, w)?,
        None => 0,
    };
    let b = open_this(v)?;
    if !(0..=2).contains(&whence) {
        return Err(PyErr::value_error(format!("invalid whence ({whence}, should be 0, 1 or 2)")));
    }
    if pos < 0 && whence == 0 {
        return Err(PyErr::value_error(format!("negative seek value {pos}")));
    }
    let base = match whence {
        1 => b.pos.get() as isize,
        2 => b.len() as isize,
        _ => 0,
    };
    let new = base.saturating_add(pos).max(0) as usize;
    b.pos.set(new);
    Ok(int::from_i64(new as i64))
}

fn m_truncate(ts: &ThreadState, v: &Value, a: Args, k: Kw) -> PyResult<Value> {
    let a = crate::object::args::positional("truncate", a, k, 0, 1)?;
    let size = match a.first().filter(|x| !none::is_none(x)) {
        Some(x) => {
            if !int::is_int(x) && x.type_of().data.slots.index.get().is_none() {
                return Err(PyErr::type_error(format!("argument should be integer or None, not '{}'", protocol::type_name(x))));
            }
            Some(super::index_ssize(ts, x)?)
        }
        None => None,
    };
    let b = open_this(v)?;
    b.check_exports()?;
    let size = size.unwrap_or(b.pos.get() as isize);
    if size < 0 {
        return Err(PyErr::value_error(format!("negative size value {size}")));
    }
    b.with_data(|d| d.truncate(size as usize));
    Ok(int::from_i64(size as i64))
}

fn m_write(ts: &ThreadState, v: &Value, a: Args, k: Kw) -> PyResult<Value> {
    let a = crate::object::args::exact("write", a, k, 1)?;
    let b = open_this(v)?;
    b.check_exports()?;
    let data = bytes::bytes_like(ts, &a[0])?;
    Ok(int::from_i64(b.write_data(&data) as i64))
}

fn m_writelines(ts: &ThreadState, v: &Value, a: Args, k: Kw) -> PyResult<Value> {
    let a = crate::object::args::exact("writelines", a, k, 1)?;
    open_this(v)?;
    let it = protocol::get_iter(ts, &a[0])?;
    while let Some(line) = protocol::next(ts, &it)? {
        m_write(ts, v, &[line], None)?;
    }
    Ok(none::none())
}

fn bio_iter(_ts: &ThreadState, v: &Value) -> PyResult<Value> {
    open_this(v)?;
    Ok(v.clone())
}

fn bio_iternext(_ts: &ThreadState, v: &Value) -> PyResult<Option<Value>> {
    let b = open_this(v)?;
    let line = b.read_line(None);
    Ok((!line.is_empty()).then(|| bytes::new_bytes(line)))
}

/// The `__dict__` of an in-memory stream: the extras' one for subclasses, else its own.
pub(super) fn own_dict_of(v: &Value) -> Option<Value> {
    if v.type_of().data.dict_slot.get() >= 0 {
        return protocol::instance_dict_or_create(v);
    }
    let cell = match (v.downcast::<BytesIO>(), v.downcast::<super::stringio::StringIO>()) {
        (Some(b), _) => &b.dict,
        (_, Some(s)) => &s.dict,
        _ => return None,
    };
    let mut d = cell.borrow_mut();
    Some(d.get_or_insert_with(dict::new_dict).clone())
}

/// Attribute lookup with the object's own `__dict__`.
pub(super) fn mem_getattro(ts: &ThreadState, v: &Value, name: &Value) -> PyResult<Value> {
    if v.type_of().data.dict_slot.get() >= 0 {
        return protocol::generic_getattr(ts, v, name);
    }
    crate::modules::own_dict_getattro(ts, v, name, own_dict_of)
}

/// Attribute assignment with the object's own `__dict__`.
pub(super) fn mem_setattro(ts: &ThreadState, v: &Value, name: &Value, value: Option<&Value>) -> PyResult<()> {
    if v.type_of().data.dict_slot.get() >= 0 {
        return protocol::generic_setattr(ts, v, name, value);
    }
    crate::modules::own_dict_setattro(ts, v, name, value, own_dict_of)
}

/// `__dict__` of an in-memory stream.
pub(super) fn g_dict(_ts: &ThreadState, v: &Value) -> PyResult<Value> {
    own_dict_of(v).ok_or_else(|| PyErr::type_error("in-memory stream expected"))
}

/// The instance dict, None when absent or empty (as `__getstate__` shows it).
pub(super) fn state_dict(ts: &ThreadState, v: &Value) -> PyResult<Value> {
    match own_dict_of(v) {
        Some(d) if protocol::len(ts, &d)? > 0 => protocol::call_method(ts, &d, "copy", &[]),
        _ => Ok(none::none()),
    }
}

fn m_getstate(ts: &ThreadState, v: &Value, a: Args, k: Kw) -> PyResult<Value> {
    crate::object::args::exact("__getstate__", a, k, 0)?;
    let b = open_this(v)?;
    let value = bytes::new_bytes(b.with_data(|d| d.clone()));
    tuple::new_tuple(vec![value, int::from_i64(b.pos.get() as i64), state_dict(ts, v)?])
}

/// Merge a `__setstate__` dict into the instance dict.
pub(super) fn set_state_dict(ts: &ThreadState, v: &Value, d: &Value) -> PyResult<()> {
    if none::is_none(d) {
        return Ok(());
    }
    let Some(mine) = own_dict_of(v) else {
        return Err(crate::object::protocol::no_attribute(v, &crate::types::str::intern("__dict__")));
    };
    protocol::call_method(ts, &mine, "update", std::slice::from_ref(d)).map(drop)
}

/// CPython's `tp_name`: qualified for the builtin type, bare for subclasses.
pub(super) fn tp_name(v: &Value) -> String {
    let t = v.type_of();
    if t.data.is_heap_type() {
        t.name()
    } else {
        t.data.name()
    }
}

fn m_setstate(ts: &ThreadState, v: &Value, a: Args, k: Kw) -> PyResult<Value> {
    crate::object::args::no_kwargs("__setstate__", k)?;
    if a.len() != 1 {
        return Err(PyErr::type_error(format!("BytesIO.__setstate__() takes exactly one argument ({} given)", a.len())));
    }
    let b = this(v)?;
    let items = match tuple::try_tuple_items(&a[0]) {
        Some(t) if t.len() >= 3 => t,
        _ => {
            return Err(PyErr::type_error(format!(
                "{}.__setstate__ argument should be 3-tuple, got {}",
                tp_name(v),
                protocol::type_name(&a[0])
            )))
        }
    };
    b.check_exports()?;
    let data = bytes::bytes_like(ts, &items[0])?;
    // CPython replaces the contents before checking the rest of the state.
    b.pos.set(data.len());
    *b.buf.borrow_mut() = Value::new(PyByteArray::new(data))?;
    if !int::is_int(&items[1]) {
        return Err(PyErr::type_error(format!("second item of state must be an integer, not {}", protocol::type_name(&items[1]))));
    }
    let pos = protocol::index_isize(ts, &items[1])?;
    if pos < 0 {
        return Err(PyErr::value_error("position value cannot be negative"));
    }
    if !none::is_none(&items[2]) && items[2].downcast::<dict::PyDict>().is_none() {
        return Err(PyErr::type_error(format!("third item of state should be a dict, got a {}", protocol::type_name(&items[2]))));
    }
    b.pos.set(pos as usize);
    set_state_dict(ts, v, &items[2])?;
    Ok(none::none())
}

fn m_sizeof(_ts: &ThreadState, v: &Value, _a: Args, _k: Kw) -> PyResult<Value> {
    let b = this(v)?;
    Ok(int::from_i64((std::mem::size_of::<PyObject<BytesIO>>() + b.len()) as i64))
}

/// Fill the type.
pub fn init() {
    let _ = &exc::BUFFER_ERROR;
    let s = &BYTES_IO_TYPE.data.slots;
    s.new.set(Some(bio_new));
    s.init.set(Some(bio_init));
    s.getattro.set(Some(mem_getattro));
    s.setattro.set(Some(mem_setattro));
    s.iter.set(Some(bio_iter));
    s.iternext.set(Some(bio_iternext));
    descr::add_methods(
        &BYTES_IO_TYPE,
        &[
            ("getvalue", m_getvalue),
            ("getbuffer", m_getbuffer),
            ("readable", m_true),
            ("writable", m_true),
            ("seekable", m_true),
            ("isatty", m_isatty),
            ("flush", m_flush),
            ("close", m_close),
            ("read", m_read),
            ("read1", m_read1),
            ("readline", m_readline),
            ("readlines", m_readlines),
            ("readinto", m_readinto),
            ("tell", m_tell),
            ("seek", m_seek),
            ("truncate", m_truncate),
            ("write", m_write),
            ("writelines", m_writelines),
            ("__getstate__", m_getstate),
            ("__setstate__", m_setstate),
            ("__sizeof__", m_sizeof),
        ],
    );
    descr::add_getsets(&BYTES_IO_TYPE, &[("closed", g_closed, None), ("__dict__", g_dict, None)]);
}
