//! The standard streams: a native text stream over a file descriptor with
//! CPython's buffering (line-buffered on terminals and for stderr, block
//! buffered otherwise) and error handlers (stderr uses backslashreplace).

use std::cell::{Cell, RefCell};

use crate::object::protocol;
use crate::object::typeobj::{PyType, TypeObject};
use crate::object::value::{PyObject, PyPayload, Value};
use crate::runtime::errors::{PyErr, PyResult};
use crate::runtime::thread::ThreadState;
use crate::types::{bool_, descr, exceptions as exc, int, none, str as pystr};

pub struct TextStream {
    fd: i32,
    name: &'static str,
    errors: &'static str,
    line_buffered: bool,
    buffer: RefCell<Vec<u8>>,
    closed: Cell<bool>,
    readable: bool,
    /// Bytes read from the fd but not yet returned (stdin).
    pending: RefCell<Vec<u8>>,
    eof: Cell<bool>,
}

pub static TEXT_STREAM_TYPE: PyType = PyObject::new_static(
    &crate::types::typeobject::TYPE_TYPE,
    TypeObject::builtin::<TextStream>("_io.TextIOWrapper", &TEXT_STREAM_TYPE, Some(&crate::types::object::OBJECT_TYPE), 0),
);

impl PyPayload for TextStream {
    fn class() -> &'static PyType {
        &TEXT_STREAM_TYPE
    }
}

/// A stream over `fd` (0, 1 or 2).
pub fn new_stream(fd: i32, unbuffered: bool) -> PyResult<Value> {
    // SAFETY: isatty has no preconditions.
    let tty = unsafe { libc::isatty(fd) } == 1;
    let (name, errors) = match fd {
        0 => ("<stdin>", "strict"),
        1 => ("<stdout>", "strict"),
        _ => ("<stderr>", "backslashreplace"),
    };
    Value::new(TextStream {
        fd,
        name,
        errors,
        line_buffered: tty || fd == 2 || unbuffered,
        buffer: RefCell::new(Vec::new()),
        closed: Cell::new(false),
        readable: fd == 0,
        pending: RefCell::new(Vec::new()),
        eof: Cell::new(false),
    })
}

fn this(v: &Value) -> PyResult<&TextStream> {
    v.downcast::<TextStream>().ok_or_else(|| PyErr::type_error("stream expected"))
}

fn write_all(fd: i32, mut data: &[u8]) -> PyResult<()> {
    while !data.is_empty() {
        // SAFETY: `data` is a valid buffer of `data.len()` bytes.
        let n = unsafe { libc::write(fd, data.as_ptr() as *const libc::c_void, data.len()) };
        if n < 0 {
            let err = std::io::Error::last_os_error();
            if err.kind() == std::io::ErrorKind::Interrupted {
                continue;
            }
            if err.raw_os_error() == Some(libc::EPIPE) {
                return Err(PyErr::new(&exc::BROKEN_PIPE_ERROR, "[Errno 32] Broken pipe"));
            }
            return Err(PyErr::new(&exc::OS_ERROR, err.to_string()));
        }
        data = &data[n as usize..];
    }
    Ok(())
}

impl TextStream {
    pub fn flush(&self) -> PyResult<()> {
        let data = std::mem::take(&mut *self.buffer.borrow_mut());
        write_all(self.fd, &data)
    }

    fn encode(&self, s: &crate::stringlib::StrData) -> Vec<u8> {
        match s.as_str() {
            Some(t) => t.as_bytes().to_vec(),
            None => {
                let handler = crate::stringlib::codecs::ErrorHandler::from_name(self.errors)
                    .unwrap_or(crate::stringlib::codecs::ErrorHandler::Strict);
                crate::stringlib::codecs::encode(crate::stringlib::codecs::Encoding::Utf8, s, handler)
                    .unwrap_or_else(|_| s.to_string_lossy().into_bytes())
            }
        }
    }

    pub fn write_str(&self, s: &crate::stringlib::StrData) -> PyResult<()> {
        if self.closed.get() {
            return Err(PyErr::value_error("I/O operation on closed file."));
        }
        if self.errors == "strict" && s.has_surrogates() {
            let bytes = crate::stringlib::codecs::encode(
                crate::stringlib::codecs::Encoding::Utf8,
                s,
                crate::stringlib::codecs::ErrorHandler::Strict,
            );
            if let Err(e) = bytes {
                let msg = crate::stringlib::codecs::encode_error_message(e.encoding, s, e.start, e.end, e.reason);
                return Err(PyErr::new(&exc::UNICODE_ENCODE_ERROR, msg));
            }
        }
        let bytes = self.encode(s);
        let has_newline = bytes.contains(&b'\n');
        let mut buf = self.buffer.borrow_mut();
        buf.extend_from_slice(&bytes);
        let should_flush = (self.line_buffered && has_newline) || buf.len() >= 8192;
        drop(buf);
        if should_flush {
            self.flush()?;
        }
        Ok(())
    }

    fn fill(&self) -> bool {
        let mut chunk = [0u8; 4096];
        // SAFETY: `chunk` is a valid writable buffer.
        let n = unsafe { libc::read(self.fd, chunk.as_mut_ptr() as *mut libc::c_void, chunk.len()) };
        if n <= 0 {
            self.eof.set(true);
            return false;
        }
        self.pending.borrow_mut().extend_from_slice(&chunk[..n as usize]);
        true
    }

    pub fn readline(&self) -> Vec<u8> {
        loop {
            // The shared borrow must end before the mutable one below.
            let newline = self.pending.borrow().iter().position(|b| *b == b'\n');
            if let Some(pos) = newline {
                return self.pending.borrow_mut().drain(..=pos).collect();
            }
            if self.eof.get() || !self.fill() {
                return std::mem::take(&mut *self.pending.borrow_mut());
            }
        }
    }
}

fn m_write(_ts: &ThreadState, v: &Value, a: &[Value], k: Option<&Value>) -> PyResult<Value> {
    let a = crate::object::args::exact("write", a, k, 1)?;
    let s = pystr::as_pystr(&a[0]).ok_or_else(|| {
        PyErr::type_error(format!("write() argument must be str, not {}", protocol::type_name(&a[0])))
    })?;
    this(v)?.write_str(&s.data)?;
    Ok(int::from_i64(s.data.len() as i64))
}

fn m_writelines(ts: &ThreadState, v: &Value, a: &[Value], k: Option<&Value>) -> PyResult<Value> {
    let a = crate::object::args::exact("writelines", a, k, 1)?;
    let it = protocol::get_iter(ts, &a[0])?;
    while let Some(line) = protocol::next(ts, &it)? {
        m_write(ts, v, &[line], None)?;
    }
    Ok(none::none())
}

fn m_readlines(ts: &ThreadState, v: &Value, a: &[Value], k: Option<&Value>) -> PyResult<Value> {
    crate::object::args::positional("readlines", a, k, 0, 1)?;
    let mut lines = Vec::new();
    while let Some(line) = stream_iternext(ts, v)? {
        lines.push(line);
    }
    crate::types::list::new_list(lines)
}

fn m_false(_ts: &ThreadState, v: &Value, _a: &[Value], _k: Option<&Value>) -> PyResult<Value> {
    this(v)?;
    Ok(bool_::false_value())
}

fn m_flush(_ts: &ThreadState, v: &Value, _a: &[Value], _k: Option<&Value>) -> PyResult<Value> {
    this(v)?.flush()?;
    Ok(none::none())
}

fn m_readline(_ts: &ThreadState, v: &Value, _a: &[Value], _k: Option<&Value>) -> PyResult<Value> {
    let s = this(v)?;
    if !s.readable {
        return Err(PyErr::new(&exc::OS_ERROR, "not readable"));
    }
    let line = s.readline();
    Ok(pystr::new_str(&String::from_utf8_lossy(&line)))
}

fn m_read(_ts: &ThreadState, v: &Value, _a: &[Value], _k: Option<&Value>) -> PyResult<Value> {
    let s = this(v)?;
    if !s.readable {
        return Err(PyErr::new(&exc::OS_ERROR, "not readable"));
    }
    while s.fill() {}
    let all = std::mem::take(&mut *s.pending.borrow_mut());
    Ok(pystr::new_str(&String::from_utf8_lossy(&all)))
}

fn m_fileno(_ts: &ThreadState, v: &Value, _a: &[Value], _k: Option<&Value>) -> PyResult<Value> {
    Ok(int::from_i64(this(v)?.fd as i64))
}

fn m_isatty(_ts: &ThreadState, v: &Value, _a: &[Value], _k: Option<&Value>) -> PyResult<Value> {
    // SAFETY: isatty has no preconditions.
    Ok(bool_::new_bool(unsafe { libc::isatty(this(v)?.fd) } == 1))
}

fn m_close(_ts: &ThreadState, v: &Value, _a: &[Value], _k: Option<&Value>) -> PyResult<Value> {
    let s = this(v)?;
    s.flush()?;
    s.closed.set(true);
    Ok(none::none())
}

fn m_writable(_ts: &ThreadState, v: &Value, _a: &[Value], _k: Option<&Value>) -> PyResult<Value> {
    Ok(bool_::new_bool(!this(v)?.readable))
}

fn m_readable(_ts: &ThreadState, v: &Value, _a: &[Value], _k: Option<&Value>) -> PyResult<Value> {
    Ok(bool_::new_bool(this(v)?.readable))
}

fn g_encoding(_ts: &ThreadState, _v: &Value) -> PyResult<Value> {
    Ok(pystr::new_str("utf-8"))
}
fn g_errors(_ts: &ThreadState, v: &Value) -> PyResult<Value> {
    Ok(pystr::new_str(this(v)?.errors))
}
fn g_name(_ts: &ThreadState, v: &Value) -> PyResult<Value> {
    Ok(pystr::new_str(this(v)?.name))
}
fn g_mode(_ts: &ThreadState, v: &Value) -> PyResult<Value> {
    Ok(pystr::new_str(if this(v)?.readable { "r" } else { "w" }))
}
fn g_newlines(_ts: &ThreadState, v: &Value) -> PyResult<Value> {
    this(v)?;
    Ok(none::none())
}
fn g_closed(_ts: &ThreadState, v: &Value) -> PyResult<Value> {
    Ok(bool_::new_bool(this(v)?.closed.get()))
}
fn g_line_buffering(_ts: &ThreadState, v: &Value) -> PyResult<Value> {
    Ok(bool_::new_bool(this(v)?.line_buffered))
}

fn stream_repr(_ts: &ThreadState, v: &Value) -> PyResult<Value> {
    let s = this(v)?;
    let mode = if s.readable { "r" } else { "w" };
    Ok(pystr::new_str(&format!("<_io.TextIOWrapper name='{}' mode='{}' encoding='utf-8'>", s.name, mode)))
}

fn stream_iternext(_ts: &ThreadState, v: &Value) -> PyResult<Option<Value>> {
    let s = this(v)?;
    let line = s.readline();
    if line.is_empty() {
        return Ok(None);
    }
    Ok(Some(pystr::new_str(&String::from_utf8_lossy(&line))))
}

fn self_iter(_ts: &ThreadState, v: &Value) -> PyResult<Value> {
    Ok(v.clone())
}

pub fn init() {
    let s = &TEXT_STREAM_TYPE.data.slots;
    s.getattro.set(Some(protocol::generic_getattr));
    s.repr.set(Some(stream_repr));
    s.iter.set(Some(self_iter));
    s.iternext.set(Some(stream_iternext));
    descr::add_methods(
        &TEXT_STREAM_TYPE,
        &[
            ("write", m_write),
            ("writelines", m_writelines),
            ("readlines", m_readlines),
            ("seekable", m_false),
            ("flush", m_flush),
            ("readline", m_readline),
            ("read", m_read),
            ("fileno", m_fileno),
            ("isatty", m_isatty),
            ("close", m_close),
            ("writable", m_writable),
            ("readable", m_readable),
        ],
    );
    descr::add_getsets(
        &TEXT_STREAM_TYPE,
        &[
            ("encoding", g_encoding, None),
            ("errors", g_errors, None),
            ("name", g_name, None),
            ("closed", g_closed, None),
            ("mode", g_mode, None),
            ("newlines", g_newlines, None),
            ("line_buffering", g_line_buffering, None),
        ],
    );
}
