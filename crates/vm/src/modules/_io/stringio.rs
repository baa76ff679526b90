//! `_io.StringIO`: a text stream over an in-memory buffer of code points,
//! with the newline handling of CPython's (translation on write through an
//! IncrementalNewlineDecoder, line endings per the `newline` argument).

use std::cell::{Cell, RefCell};

use crate::object::protocol;
use crate::object::typeobj::{PyType, TypeObject, TPFLAGS_BASETYPE};
use crate::object::value::{PyObject, PyPayload, Value};
use crate::runtime::errors::{PyErr, PyResult};
use crate::runtime::thread::ThreadState;
use crate::stringlib::StrData;
use crate::types::{bool_, descr, dict, exceptions as exc, int, none, str as pystr, tuple};

use super::newlines::NewlineDecoder;
use super::size_arg;

/// A StringIO object.
pub struct StringIO {
    buf: RefCell<Vec<u32>>,
    pos: Cell<usize>,
    closed: Cell<bool>,
    initialized: Cell<bool>,
    /// The `newline` argument (None: universal newlines, translated).
    readnl: RefCell<Option<String>>,
    readuniversal: Cell<bool>,
    readtranslate: Cell<bool>,
    /// What "\n" becomes on writing ("\r" or "\r\n"), if anything.
    writenl: RefCell<Option<String>>,
    decoder: RefCell<Option<NewlineDecoder>>,
    /// The instance `__dict__` of exact instances, made on first use.
    pub(super) dict: RefCell<Option<Value>>,
}

/// `_io.StringIO`.
pub static STRING_IO_TYPE: PyType = PyObject::new_static(
    &crate::types::typeobject::TYPE_TYPE,
    TypeObject::builtin::<StringIO>("_io.StringIO", &STRING_IO_TYPE, Some(&super::iobase::TEXT_IO_BASE_TYPE), TPFLAGS_BASETYPE),
);

impl PyPayload for StringIO {
    fn class() -> &'static PyType {
        &STRING_IO_TYPE
    }
}

type Args<'a> = &'a [Value];
type Kw<'a> = Option<&'a Value>;

fn this(v: &Value) -> PyResult<&StringIO> {
    let s = v
        .downcast::<StringIO>()
        .ok_or_else(|| PyErr::type_error(format!("descriptor requires a '_io.StringIO' object but received '{}'", protocol::type_name(v))))?;
    if !s.initialized.get() {
        return Err(PyErr::value_error("I/O operation on uninitialized object"));
    }
    Ok(s)
}

/// The object, if open (StringIO's message has no period).
fn open_this(v: &Value) -> PyResult<&StringIO> {
    let s = this(v)?;
    if s.closed.get() {
        return Err(PyErr::value_error("I/O operation on closed file"));
    }
    Ok(s)
}

const LF: u32 = '\n' as u32;
const CR: u32 = '\r' as u32;

impl StringIO {
    fn write_str(&self, s: &StrData) {
        let decoded = match &*self.decoder.borrow() {
            Some(d) => d.feed(s, true),
            None => s.clone(),
        };
        let mut cps: Vec<u32> = decoded.code_points().collect();
        if let Some(nl) = &*self.writenl.borrow() {
            let mut out = Vec::with_capacity(cps.len());
            for c in cps {
                if c == LF {
                    out.extend(nl.chars().map(|c| c as u32));
                } else {
                    out.push(c);
                }
            }
            cps = out;
        }
        if cps.is_empty() {
            return;
        }
        let pos = self.pos.get();
        let mut buf = self.buf.borrow_mut();
        if buf.len() < pos {
            buf.resize(pos, 0);
        }
        let end = pos + cps.len();
        if buf.len() < end {
            buf.resize(end, 0);
        }
        buf[pos..end].copy_from_slice(&cps);
        self.pos.set(end);
    }

    /// The end (exclusive) of the line starting at `start`, at most `limit` long.
    fn line_end(&self, buf: &[u32], start: usize, limit: Option<usize>) -> usize {
        let rest = &buf[start.min(buf.len())..];
        let mut end = if self.readtranslate.get() {
            rest.iter().position(|c| *c == LF).map_or(rest.len(), |i| i + 1)
        } else if self.readuniversal.get() {
            match rest.iter().position(|c| *c == LF || *c == CR) {
                None => rest.len(),
                Some(i) if rest[i] == CR && rest.get(i + 1) == Some(&LF) => i + 2,
                Some(i) => i + 1,
            }
        } else {
            let nl: Vec<u32> = self.readnl.borrow().as_deref().unwrap_or("\n").chars().map(|c| c as u32).collect();
            rest.windows(nl.len()).position(|w| w == nl.as_slice()).map_or(rest.len(), |i| i + nl.len())
        };
        if let Some(n) = limit {
            end = end.min(n);
        }
        start.min(buf.len()) + end
    }

    fn read_line(&self, limit: Option<usize>) -> Value {
        let pos = self.pos.get();
        let buf = self.buf.borrow();
        if pos >= buf.len() {
            return pystr::empty_str();
        }
        let end = self.line_end(&buf, pos, limit);
        self.pos.set(end);
        pystr::from_data(StrData::from_code_points(buf[pos..end].iter()))
    }

    /// (Re)initialize: `newline` already validated.
    fn setup(&self, newline: Option<String>) {
        self.readuniversal.set(newline.as_deref().is_none_or(|n| n.is_empty()));
        self.readtranslate.set(newline.is_none());
        *self.writenl.borrow_mut() = newline.clone().filter(|n| n.starts_with('\r'));
        *self.decoder.borrow_mut() = self.readuniversal.get().then(|| NewlineDecoder::new(self.readtranslate.get()));
        *self.readnl.borrow_mut() = newline;
        self.buf.borrow_mut().clear();
        self.pos.set(0);
        self.closed.set(false);
        self.initialized.set(true);
    }
}

fn sio_new(_ts: &ThreadState, cls: &Value, _a: Args, _k: Kw) -> PyResult<Value> {
    Value::new_instance(
        cls,
        StringIO {
            buf: RefCell::new(Vec::new()),
            pos: Cell::new(0),
            closed: Cell::new(false),
            initialized: Cell::new(false),
            readnl: RefCell::new(None),
            readuniversal: Cell::new(false),
            readtranslate: Cell::new(false),
            writenl: RefCell::new(None),
            decoder: RefCell::new(None),
            dict: RefCell::new(None),
        },
    )
}

/// Check a `newline` argument: None or one of "", "\n", "\r", "\r\n".
fn newline_arg(ts: &ThreadState, v: Option<&Value>) -> PyResult<Option<String>> {
    match v {
        None => Ok(Some("\n".to_string())),
        Some(x) if none::is_none(x) => Ok(None),
        Some(x) => {
            let Some(s) = pystr::try_as_rust_str(x) else {
                return Err(PyErr::type_error(format!("newline must be str or None, not {}", protocol::type_name(x))));
            };
            if !matches!(&*s, "" | "\n" | "\r" | "\r\n") {
                return Err(PyErr::value_error(format!("illegal newline value: {}", protocol::repr_string(ts, x)?)));
            }
            Ok(Some(s.into_owned()))
        }
    }
}

fn sio_init(ts: &ThreadState, v: &Value, a: Args, k: Kw) -> PyResult<()> {
    let [initial, newline] = crate::object::args::bind("StringIO", a, k, ["initial_value", "newline"], 0, 0, 2)?;
    let s = v.downcast::<StringIO>().ok_or_else(|| PyErr::type_error("StringIO expected"))?;
    let newline = newline_arg(ts, newline.as_ref())?;
    let initial = match initial.filter(|x| !none::is_none(x)) {
        Some(x) => match pystr::as_pystr(&x) {
            Some(p) => Some(p.data.clone()),
            None => return Err(PyErr::type_error(format!("initial_value must be str or None, not {}", protocol::type_name(&x)))),
        },
        None => None,
    };
    s.setup(newline);
    if let Some(text) = initial {
        s.write_str(&text);
        s.pos.set(0);
    }
    Ok(())
}

fn m_getvalue(_ts: &ThreadState, v: &Value, a: Args, k: Kw) -> PyResult<Value> {
    crate::object::args::exact("getvalue", a, k, 0)?;
    let s = open_this(v)?;
    Ok(pystr::from_data(StrData::from_code_points(s.buf.borrow().iter())))
}

fn m_read(ts: &ThreadState, v: &Value, a: Args, k: Kw) -> PyResult<Value> {
    let a = crate::object::args::positional("read", a, k, 0, 1)?;
    let n = size_arg(ts, a.first())?;
    let s = open_this(v)?;
    let buf = s.buf.borrow();
    let pos = s.pos.get().min(buf.len());
    let end = match n {
        Some(n) => pos.saturating_add(n).min(buf.len()),
        None => buf.len(),
    };
    s.pos.set(s.pos.get().max(end));
    Ok(pystr::from_data(StrData::from_code_points(buf[pos..end].iter())))
}

fn m_readline(ts: &ThreadState, v: &Value, a: Args, k: Kw) -> PyResult<Value> {
    let a = crate::object::args::positional("readline", a, k, 0, 1)?;
    let n = size_arg(ts, a.first())?;
    Ok(open_this(v)?.read_line(n))
}

fn m_write(_ts: &ThreadState, v: &Value, a: Args, k: Kw) -> PyResult<Value> {
    let a = crate::object::args::exact("write", a, k, 1)?;
    this(v)?;
    let Some(text) = pystr::as_pystr(&a[0]) else {
        return Err(PyErr::type_error(format!("string argument expected, got '{}'", protocol::type_name(&a[0]))));
    };
    let s = open_this(v)?;
    let n = text.data.len();
    if n > 0 {
        s.write_str(&text.data);
    }
    Ok(int::from_i64(n as i64))
}

fn m_tell(_ts: &ThreadState, v: &Value, a: Args, k: Kw) -> PyResult<Value> {
    crate::object::args::exact("tell", a, k, 0)?;
    Ok(int::from_i64(open_this(v)?.pos.get() as i64))
}

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
        Some(w) => ssize(ts, w)?,
        None => 0,
    };
    let s = open_this(v)?;
    if !(0..=2).contains(&whence) {
        return Err(PyErr::value_error(format!("Invalid whence ({whence}, should be 0, 1 or 2)")));
    }
    if pos < 0 && whence == 0 {
        return Err(PyErr::value_error(format!("Negative seek position {pos}")));
    }
    if whence != 0 && pos != 0 {
        return Err(PyErr::new(&exc::OS_ERROR, "Can't do nonzero cur-relative seeks"));
    }
    let new = match whence {
        1 => s.pos.get(),
        2 => s.buf.borrow().len(),
        _ => pos as usize,
    };
    s.pos.set(new);
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
    let s = open_this(v)?;
    let size = size.unwrap_or(s.pos.get() as isize);
    if size < 0 {
        return Err(PyErr::value_error(format!("Negative size value {size}")));
    }
    s.buf.borrow_mut().truncate(size as usize);
    Ok(int::from_i64(size as i64))
}

fn m_true(_ts: &ThreadState, v: &Value, a: Args, k: Kw) -> PyResult<Value> {
    crate::object::args::exact("method", a, k, 0)?;
    open_this(v)?;
    Ok(bool_::new_bool(true))
}

fn m_close(_ts: &ThreadState, v: &Value, a: Args, k: Kw) -> PyResult<Value> {
    crate::object::args::exact("close", a, k, 0)?;
    let s = v.downcast::<StringIO>().ok_or_else(|| PyErr::type_error("StringIO expected"))?;
    s.closed.set(true);
    *s.buf.borrow_mut() = Vec::new();
    Ok(none::none())
}

fn g_closed(_ts: &ThreadState, v: &Value) -> PyResult<Value> {
    Ok(bool_::new_bool(this(v)?.closed.get()))
}

fn g_line_buffering(_ts: &ThreadState, v: &Value) -> PyResult<Value> {
    open_this(v)?;
    Ok(bool_::new_bool(false))
}

fn g_newlines(_ts: &ThreadState, v: &Value) -> PyResult<Value> {
    let s = open_this(v)?;
    match &*s.decoder.borrow() {
        Some(d) => d.newlines(),
        None => Ok(none::none()),
    }
}

fn sio_iter(_ts: &ThreadState, v: &Value) -> PyResult<Value> {
    open_this(v)?;
    Ok(v.clone())
}

fn sio_iternext(ts: &ThreadState, v: &Value) -> PyResult<Option<Value>> {
    let s = open_this(v)?;
    let line = if v.type_of().data.is_heap_type() {
        let line = protocol::call_method(ts, v, "readline", &[])?;
        if pystr::as_pystr(&line).is_none() {
            return Err(PyErr::new(&exc::OS_ERROR, format!("readline() should have returned a str object, not '{}'", protocol::type_name(&line))));
        }
        line
    } else {
        s.read_line(None)
    };
    Ok((pystr::str_len(&line) > 0).then_some(line))
}

fn m_getstate(ts: &ThreadState, v: &Value, a: Args, k: Kw) -> PyResult<Value> {
    crate::object::args::exact("__getstate__", a, k, 0)?;
    let s = open_this(v)?;
    let value = pystr::from_data(StrData::from_code_points(s.buf.borrow().iter()));
    let nl = match &*s.readnl.borrow() {
        Some(n) => pystr::new_str(n),
        None => none::none(),
    };
    tuple::new_tuple(vec![value, nl, int::from_i64(s.pos.get() as i64), super::bytesio::state_dict(ts, v)?])
}

fn m_setstate(ts: &ThreadState, v: &Value, a: Args, k: Kw) -> PyResult<Value> {
    crate::object::args::no_kwargs("__setstate__", k)?;
    if a.len() != 1 {
        return Err(PyErr::type_error(format!("StringIO.__setstate__() takes exactly one argument ({} given)", a.len())));
    }
    let s = v.downcast::<StringIO>().ok_or_else(|| PyErr::type_error("StringIO expected"))?;
    if s.closed.get() {
        return Err(PyErr::value_error("I/O operation on closed file"));
    }
    let items = match tuple::try_tuple_items(&a[0]) {
        Some(t) if t.len() >= 4 => t,
        _ => {
            return Err(PyErr::type_error(format!(
                "{}.__setstate__ argument should be 4-tuple, got {}",
                super::bytesio::tp_name(v),
                protocol::type_name(&a[0])
            )))
        }
    };
    // As CPython: __init__ with (value, newline) checks both, then the
    // buffer is set untranslated.
    sio_init(ts, v, &items[..2], None)?;
    let text = pystr::as_pystr(&items[0]).map(|p| p.data.code_points().collect::<Vec<u32>>()).unwrap_or_default();
    *s.buf.borrow_mut() = text;
    if !int::is_int(&items[2]) {
        return Err(PyErr::type_error(format!("third item of state must be an integer, got {}", protocol::type_name(&items[2]))));
    }
    let pos = protocol::index_isize(ts, &items[2])?;
    if pos < 0 {
        return Err(PyErr::value_error("position value cannot be negative"));
    }
    s.pos.set(pos as usize);
    if !none::is_none(&items[3]) && items[3].downcast::<dict::PyDict>().is_none() {
        return Err(PyErr::type_error(format!("fourth item of state should be a dict, got a {}", protocol::type_name(&items[3]))));
    }
    super::bytesio::set_state_dict(ts, v, &items[3])?;
    Ok(none::none())
}

fn sio_repr(ts: &ThreadState, v: &Value) -> PyResult<Value> {
    let _ = ts;
    Ok(pystr::new_str(&protocol::default_repr(v)))
}

/// Fill the type.
pub fn init() {
    let s = &STRING_IO_TYPE.data.slots;
    s.new.set(Some(sio_new));
    s.init.set(Some(sio_init));
    s.getattro.set(Some(super::bytesio::mem_getattro));
    s.setattro.set(Some(super::bytesio::mem_setattro));
    s.iter.set(Some(sio_iter));
    s.iternext.set(Some(sio_iternext));
    s.repr.set(Some(sio_repr));
    descr::add_methods(
        &STRING_IO_TYPE,
        &[
            ("getvalue", m_getvalue),
            ("read", m_read),
            ("readline", m_readline),
            ("write", m_write),
            ("tell", m_tell),
            ("seek", m_seek),
            ("truncate", m_truncate),
            ("readable", m_true),
            ("writable", m_true),
            ("seekable", m_true),
            ("close", m_close),
            ("__getstate__", m_getstate),
            ("__setstate__", m_setstate),
        ],
    );
    descr::add_getsets(
        &STRING_IO_TYPE,
        &[("closed", g_closed, None), ("line_buffering", g_line_buffering, None), ("newlines", g_newlines, None), ("__dict__", super::bytesio::g_dict, None)],
    );
}
