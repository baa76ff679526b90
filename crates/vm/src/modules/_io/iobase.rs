//! The abstract bases `_IOBase`, `_RawIOBase`, `_BufferedIOBase` and
//! `_TextIOBase`: CPython's default behaviour, written in terms of the
//! methods a subclass provides (read, readinto, write, seek, closed...).
//! They have the plain object layout, so Python classes (io.IOBase with
//! ABCMeta) and our native streams can derive from them.

use crate::object::protocol;
use crate::object::typeobj::{PyType, TypeObject, TPFLAGS_BASETYPE};
use crate::object::value::{PyObject, Value};
use crate::runtime::errors::{PyErr, PyResult};
use crate::runtime::thread::ThreadState;
use crate::types::{bool_, bytes, descr, exceptions as exc, int, none, str as pystr};

use super::{closed_error, size_arg, unsupported};

const fn base_type(name: &'static str, me: &'static PyType, base: &'static PyType) -> TypeObject {
    let _ = me;
    TypeObject::builtin_sublayout(
        name,
        base,
        &crate::types::object::OBJECT_TYPE,
        std::mem::size_of::<PyObject<crate::types::object::PyBaseObject>>(),
        crate::object::value::dealloc_plain::<crate::types::object::PyBaseObject>,
        TPFLAGS_BASETYPE,
    )
}

/// `_io._IOBase`.
pub static IO_BASE_TYPE: PyType =
    PyObject::new_static(&crate::types::typeobject::TYPE_TYPE, base_type("_io._IOBase", &IO_BASE_TYPE, &crate::types::object::OBJECT_TYPE));
/// `_io._RawIOBase`.
pub static RAW_IO_BASE_TYPE: PyType = PyObject::new_static(&crate::types::typeobject::TYPE_TYPE, base_type("_io._RawIOBase", &RAW_IO_BASE_TYPE, &IO_BASE_TYPE));
/// `_io._BufferedIOBase`.
pub static BUFFERED_IO_BASE_TYPE: PyType =
    PyObject::new_static(&crate::types::typeobject::TYPE_TYPE, base_type("_io._BufferedIOBase", &BUFFERED_IO_BASE_TYPE, &IO_BASE_TYPE));
/// `_io._TextIOBase`.
pub static TEXT_IO_BASE_TYPE: PyType = PyObject::new_static(&crate::types::typeobject::TYPE_TYPE, base_type("_io._TextIOBase", &TEXT_IO_BASE_TYPE, &IO_BASE_TYPE));

/// The four bases, `_IOBase` first.
pub fn types() -> Vec<&'static PyType> {
    vec![&IO_BASE_TYPE, &RAW_IO_BASE_TYPE, &BUFFERED_IO_BASE_TYPE, &TEXT_IO_BASE_TYPE]
}

type Args<'a> = &'a [Value];
type Kw<'a> = Option<&'a Value>;

/// Whether `close()` of _IOBase ran (the `__IOBase_closed` attribute).
fn iobase_is_closed(ts: &ThreadState, v: &Value) -> PyResult<bool> {
    Ok(protocol::lookup_attr(ts, v, &pystr::intern("__IOBase_closed"))?.is_some())
}

/// ValueError if the stream's `closed` attribute is true.
pub fn check_closed(ts: &ThreadState, v: &Value) -> PyResult<()> {
    if let Some(c) = protocol::lookup_attr(ts, v, &pystr::intern("closed"))? {
        if protocol::is_true(ts, &c)? {
            return Err(closed_error());
        }
    }
    Ok(())
}

fn g_closed(ts: &ThreadState, v: &Value) -> PyResult<Value> {
    Ok(bool_::new_bool(iobase_is_closed(ts, v)?))
}

fn m_flush(ts: &ThreadState, v: &Value, a: Args, k: Kw) -> PyResult<Value> {
    crate::object::args::exact("flush", a, k, 0)?;
    if iobase_is_closed(ts, v)? {
        return Err(closed_error());
    }
    Ok(none::none())
}

fn m_close(ts: &ThreadState, v: &Value, a: Args, k: Kw) -> PyResult<Value> {
    crate::object::args::exact("close", a, k, 0)?;
    if iobase_is_closed(ts, v)? {
        return Ok(none::none());
    }
    let r = protocol::call_method(ts, v, "flush", &[]);
    protocol::setattr(ts, v, &pystr::intern("__IOBase_closed"), Some(&bool_::new_bool(true)))?;
    r.map(|_| none::none())
}

fn m_false(_ts: &ThreadState, _v: &Value, a: Args, k: Kw) -> PyResult<Value> {
    crate::object::args::exact("method", a, k, 0)?;
    Ok(bool_::new_bool(false))
}

fn m_check_closed(ts: &ThreadState, v: &Value, a: Args, _k: Kw) -> PyResult<Value> {
    let _ = a;
    check_closed(ts, v)?;
    Ok(none::none())
}

fn check_true(ts: &ThreadState, v: &Value, method: &str, msg: &str) -> PyResult<Value> {
    let r = protocol::call_method(ts, v, method, &[])?;
    if bool_::as_bool(&r) != Some(true) {
        return Err(unsupported(ts, msg));
    }
    Ok(r)
}

fn m_check_seekable(ts: &ThreadState, v: &Value, _a: Args, _k: Kw) -> PyResult<Value> {
    check_true(ts, v, "seekable", "File or stream is not seekable.")
}
fn m_check_readable(ts: &ThreadState, v: &Value, _a: Args, _k: Kw) -> PyResult<Value> {
    check_true(ts, v, "readable", "File or stream is not readable.")
}
fn m_check_writable(ts: &ThreadState, v: &Value, _a: Args, _k: Kw) -> PyResult<Value> {
    check_true(ts, v, "writable", "File or stream is not writable.")
}

fn m_seek(ts: &ThreadState, _v: &Value, _a: Args, _k: Kw) -> PyResult<Value> {
    Err(unsupported(ts, "seek"))
}
fn m_truncate(ts: &ThreadState, _v: &Value, _a: Args, _k: Kw) -> PyResult<Value> {
    Err(unsupported(ts, "truncate"))
}
fn m_fileno(ts: &ThreadState, _v: &Value, a: Args, k: Kw) -> PyResult<Value> {
    crate::object::args::exact("fileno", a, k, 0)?;
    Err(unsupported(ts, "fileno"))
}

fn m_tell(ts: &ThreadState, v: &Value, a: Args, k: Kw) -> PyResult<Value> {
    crate::object::args::exact("tell", a, k, 0)?;
    protocol::call_method(ts, v, "seek", &[int::from_i64(0), int::from_i64(1)])
}

fn m_isatty(ts: &ThreadState, v: &Value, a: Args, k: Kw) -> PyResult<Value> {
    crate::object::args::exact("isatty", a, k, 0)?;
    check_closed(ts, v)?;
    Ok(bool_::new_bool(false))
}

fn m_enter(ts: &ThreadState, v: &Value, _a: Args, _k: Kw) -> PyResult<Value> {
    check_closed(ts, v)?;
    Ok(v.clone())
}

fn m_exit(ts: &ThreadState, v: &Value, _a: Args, _k: Kw) -> PyResult<Value> {
    protocol::call_method(ts, v, "close", &[])
}

fn iobase_iter(ts: &ThreadState, v: &Value) -> PyResult<Value> {
    check_closed(ts, v)?;
    Ok(v.clone())
}

fn iobase_iternext(ts: &ThreadState, v: &Value) -> PyResult<Option<Value>> {
    let line = protocol::call_method(ts, v, "readline", &[])?;
    if protocol::len(ts, &line)? == 0 {
        return Ok(None);
    }
    Ok(Some(line))
}

/// Flushes and closes a stream that is being destroyed; errors are dropped, as CPython does outside dev mode.
fn iobase_finalize(ts: &ThreadState, v: &Value) {
    // Our fd streams close themselves when dropped.
    if v.downcast::<super::TextStream>().is_some() || v.downcast::<super::BinaryStream>().is_some() {
        return;
    }
    let closed = match protocol::lookup_attr(ts, v, &pystr::intern("closed")) {
        Ok(Some(c)) => protocol::is_true(ts, &c).unwrap_or(true),
        _ => true,
    };
    if !closed {
        let _ = protocol::call_method(ts, v, "close", &[]);
    }
}

fn m_del(ts: &ThreadState, v: &Value, _a: Args, _k: Kw) -> PyResult<Value> {
    iobase_finalize(ts, v);
    Ok(none::none())
}

fn m_readline(ts: &ThreadState, v: &Value, a: Args, k: Kw) -> PyResult<Value> {
    let a = crate::object::args::positional("readline", a, k, 0, 1)?;
    let limit = size_arg(ts, a.first())?;
    let peek = protocol::lookup_attr(ts, v, &pystr::intern("peek"))?;
    let mut res: Vec<u8> = Vec::new();
    while limit.is_none_or(|n| res.len() < n) {
        let mut nreadahead = 1usize;
        if let Some(p) = &peek {
            let ahead = protocol::call(ts, p, &[int::from_i64(1)], None)?;
            let Some(ahead) = bytes::try_bytes_data(&ahead) else {
                return Err(PyErr::new(
                    &exc::OS_ERROR,
                    format!("peek() should have returned a bytes object, not '{}'", protocol::type_name(&ahead)),
                ));
            };
            if !ahead.is_empty() {
                let cap = match limit {
                    Some(n) => ahead.len().min(n - res.len()),
                    None => ahead.len(),
                };
                let mut n = 0;
                while n < cap {
                    n += 1;
                    if ahead[n - 1] == b'\n' {
                        break;
                    }
                }
                nreadahead = n.max(1);
            }
        }
        let b = protocol::call_method(ts, v, "read", &[int::from_i64(nreadahead as i64)])?;
        let Some(b) = bytes::try_bytes_data(&b) else {
            return Err(PyErr::new(
                &exc::OS_ERROR,
                format!("read() should have returned a bytes object, not '{}'", protocol::type_name(&b)),
            ));
        };
        if b.is_empty() {
            break;
        }
        res.extend_from_slice(&b);
        if res.last() == Some(&b'\n') {
            break;
        }
    }
    Ok(bytes::new_bytes(res))
}

fn m_readlines(ts: &ThreadState, v: &Value, a: Args, k: Kw) -> PyResult<Value> {
    let a = crate::object::args::positional("readlines", a, k, 0, 1)?;
    let hint = size_arg(ts, a.first())?.filter(|h| *h > 0);
    let it = protocol::get_iter(ts, v)?;
    let mut lines = Vec::new();
    let mut total = 0usize;
    while let Some(line) = protocol::next(ts, &it)? {
        if let Some(h) = hint {
            total += protocol::len(ts, &line)?;
            lines.push(line);
            if total >= h {
                break;
            }
        } else {
            lines.push(line);
        }
    }
    crate::types::list::new_list(lines)
}

fn m_writelines(ts: &ThreadState, v: &Value, a: Args, k: Kw) -> PyResult<Value> {
    let a = crate::object::args::exact("writelines", a, k, 1)?;
    check_closed(ts, v)?;
    let it = protocol::get_iter(ts, &a[0])?;
    while let Some(line) = protocol::next(ts, &it)? {
        protocol::call_method(ts, v, "write", &[line])?;
    }
    Ok(none::none())
}

// _RawIOBase

fn raw_read(ts: &ThreadState, v: &Value, a: Args, k: Kw) -> PyResult<Value> {
    let a = crate::object::args::positional("read", a, k, 0, 1)?;
    let n = match a.first() {
        None => -1,
        Some(x) => protocol::index_isize(ts, x)?,
    };
    if n < 0 {
        return protocol::call_method(ts, v, "readall", &[]);
    }
    let buf = crate::types::bytearray::new_bytearray(vec![0; n as usize])?;
    let got = protocol::call_method(ts, v, "readinto", &[buf.clone()])?;
    if none::is_none(&got) {
        return Ok(got);
    }
    let got = protocol::index_isize(ts, &got)?;
    let data = crate::types::bytearray::as_bytearray(&buf).map(|b| b.data.borrow().clone()).unwrap_or_default();
    let got = usize::try_from(got).unwrap_or(0).min(data.len());
    Ok(bytes::new_bytes(data[..got].to_vec()))
}

fn raw_readall(ts: &ThreadState, v: &Value, a: Args, k: Kw) -> PyResult<Value> {
    crate::object::args::exact("readall", a, k, 0)?;
    let mut out = Vec::new();
    loop {
        let data = protocol::call_method(ts, v, "read", &[int::from_i64(super::DEFAULT_BUFFER_SIZE as i64)])?;
        if none::is_none(&data) {
            if out.is_empty() {
                return Ok(data);
            }
            break;
        }
        let Some(d) = bytes::try_bytes_data(&data) else {
            return Err(PyErr::type_error("read() should return bytes"));
        };
        if d.is_empty() {
            break;
        }
        out.extend_from_slice(&d);
    }
    Ok(bytes::new_bytes(out))
}

fn not_implemented(_ts: &ThreadState, _v: &Value, _a: Args, _k: Kw) -> PyResult<Value> {
    Err(PyErr::with_args(&exc::NOT_IMPLEMENTED_ERROR, vec![]))
}

// _BufferedIOBase

fn buf_detach(ts: &ThreadState, _v: &Value, _a: Args, _k: Kw) -> PyResult<Value> {
    Err(unsupported(ts, "detach"))
}
fn buf_read(ts: &ThreadState, _v: &Value, _a: Args, _k: Kw) -> PyResult<Value> {
    Err(unsupported(ts, "read"))
}
fn buf_read1(ts: &ThreadState, _v: &Value, _a: Args, _k: Kw) -> PyResult<Value> {
    Err(unsupported(ts, "read1"))
}
fn buf_write(ts: &ThreadState, _v: &Value, _a: Args, _k: Kw) -> PyResult<Value> {
    Err(unsupported(ts, "write"))
}

/// Copy `data` into the writable buffer `b` (bytearray or memoryview) at its start.
pub fn copy_into(ts: &ThreadState, b: &Value, data: &[u8]) -> PyResult<()> {
    if let Some(ba) = crate::types::bytearray::as_bytearray(b) {
        let mut d = ba.data.borrow_mut();
        let n = data.len().min(d.len());
        d[..n].copy_from_slice(&data[..n]);
        return Ok(());
    }
    if let Some((cell, _, _, _)) = crate::modules::array::buffer_parts(b) {
        let mut d = cell.borrow_mut();
        let n = data.len().min(d.len());
        d[..n].copy_from_slice(&data[..n]);
        return Ok(());
    }
    let sl = crate::types::slice::new_slice(int::from_i64(0), int::from_i64(data.len() as i64), none::none())?;
    protocol::setitem(ts, b, &sl, Some(&bytes::new_bytes(data.to_vec())))
}

/// The length in bytes of a writable buffer argument, TypeError for others.
pub fn writable_buffer_len(ts: &ThreadState, fname: &str, b: &Value) -> PyResult<usize> {
    if let Some(ba) = crate::types::bytearray::as_bytearray(b) {
        return Ok(ba.data.borrow().len());
    }
    if let Some((cell, _, _, _)) = crate::modules::array::buffer_parts(b) {
        return Ok(cell.borrow().len());
    }
    if crate::types::memoryview::is_memoryview(b) {
        let ro = protocol::getattr_str(ts, b, "readonly")?;
        if !protocol::is_true(ts, &ro)? {
            return Ok(protocol::getattr_str(ts, b, "nbytes").and_then(|n| protocol::index_isize(ts, &n))? as usize);
        }
    }
    Err(PyErr::type_error(format!("{fname}() argument must be read-write bytes-like object, not {}", protocol::type_name(b))))
}

fn readinto_generic(ts: &ThreadState, v: &Value, a: Args, k: Kw, fname: &str, method: &str) -> PyResult<Value> {
    let a = crate::object::args::exact(fname, a, k, 1)?;
    let n = writable_buffer_len(ts, fname, &a[0])?;
    let data = protocol::call_method(ts, v, method, &[int::from_i64(n as i64)])?;
    let Some(d) = bytes::try_bytes_data(&data) else {
        return Err(PyErr::type_error("read() should return bytes"));
    };
    if d.len() > n {
        return Err(PyErr::value_error(format!("read() returned too much data: {n} bytes requested, {} returned", d.len())));
    }
    copy_into(ts, &a[0], &d)?;
    Ok(int::from_i64(d.len() as i64))
}

fn buf_readinto(ts: &ThreadState, v: &Value, a: Args, k: Kw) -> PyResult<Value> {
    readinto_generic(ts, v, a, k, "readinto", "read")
}
fn buf_readinto1(ts: &ThreadState, v: &Value, a: Args, k: Kw) -> PyResult<Value> {
    readinto_generic(ts, v, a, k, "readinto1", "read1")
}

// _TextIOBase

fn text_read(ts: &ThreadState, _v: &Value, _a: Args, _k: Kw) -> PyResult<Value> {
    Err(unsupported(ts, "read"))
}
fn text_readline(ts: &ThreadState, _v: &Value, _a: Args, _k: Kw) -> PyResult<Value> {
    Err(unsupported(ts, "readline"))
}
fn text_none(_ts: &ThreadState, _v: &Value) -> PyResult<Value> {
    Ok(none::none())
}

/// Fill the bases' slots and methods.
pub fn init() {
    let s = &IO_BASE_TYPE.data.slots;
    s.iter.set(Some(iobase_iter));
    s.iternext.set(Some(iobase_iternext));
    s.finalize.set(Some(iobase_finalize));
    descr::add_methods(
        &IO_BASE_TYPE,
        &[
            ("seek", m_seek),
            ("tell", m_tell),
            ("truncate", m_truncate),
            ("flush", m_flush),
            ("close", m_close),
            ("seekable", m_false),
            ("readable", m_false),
            ("writable", m_false),
            ("_checkClosed", m_check_closed),
            ("_checkSeekable", m_check_seekable),
            ("_checkReadable", m_check_readable),
            ("_checkWritable", m_check_writable),
            ("fileno", m_fileno),
            ("isatty", m_isatty),
            ("__enter__", m_enter),
            ("__exit__", m_exit),
            ("readline", m_readline),
            ("readlines", m_readlines),
            ("writelines", m_writelines),
            ("__del__", m_del),
        ],
    );
    descr::add_getsets(&IO_BASE_TYPE, &[("closed", g_closed, None)]);
    descr::add_methods(&RAW_IO_BASE_TYPE, &[("read", raw_read), ("readall", raw_readall), ("readinto", not_implemented), ("write", not_implemented)]);
    descr::add_methods(
        &BUFFERED_IO_BASE_TYPE,
        &[
            ("detach", buf_detach),
            ("read", buf_read),
            ("read1", buf_read1),
            ("write", buf_write),
            ("readinto", buf_readinto),
            ("readinto1", buf_readinto1),
        ],
    );
    descr::add_methods(&TEXT_IO_BASE_TYPE, &[("detach", buf_detach), ("read", text_read), ("readline", text_readline), ("write", buf_write)]);
    descr::add_getsets(&TEXT_IO_BASE_TYPE, &[("encoding", text_none, None), ("newlines", text_none, None), ("errors", text_none, None)]);
}
