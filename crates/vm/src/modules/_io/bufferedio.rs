//! `BufferedReader`, `BufferedWriter`, `BufferedRandom` and `BufferedRWPair`
//! built over a raw stream: over one of our FileIO objects they share its
//! descriptor core; over any other raw object they buffer in a core whose
//! reads and writes call the object's `read`/`write` (textio.rs).

use crate::object::protocol;
use crate::object::typeobj::PyType;
use crate::object::value::Value;
use crate::runtime::errors::{PyErr, PyResult};
use crate::runtime::thread::ThreadState;
use crate::types::{bytes, int, none};

use super::textio::{self, binary, BinaryStream, CoreSpec, BUFFERED_RANDOM_TYPE, BUFFERED_READER_TYPE, BUFFERED_RW_PAIR_TYPE, BUFFERED_WRITER_TYPE, FILE_IO_TYPE};
use super::{size_arg, unsupported};

/// Call `raw.<method>()` and require True (`_PyIOBase_check_readable` and friends).
fn require(ts: &ThreadState, raw: &Value, method: &str, msg: &str) -> PyResult<()> {
    let r = protocol::call_method(ts, raw, method, &[])?;
    if crate::types::bool_::as_bool(&r) != Some(true) {
        return Err(unsupported(ts, msg));
    }
    Ok(())
}

/// A buffered stream of type `ty` over `raw`.
fn buffered_over(ts: &ThreadState, ty: &'static PyType, cls: &Value, raw: Value, buffer_size: Option<Value>, readable: bool, writable: bool) -> PyResult<Value> {
    let (core, raw) = buffered_core(ts, ty, raw, buffer_size, readable, writable)?;
    textio::new_view_of(cls, core, raw)
}

/// The stream core of a buffered stream of type `ty` over `raw`, and the
/// raw stream its `.raw` shows.
fn buffered_core(ts: &ThreadState, ty: &'static PyType, raw: Value, buffer_size: Option<Value>, readable: bool, writable: bool) -> PyResult<(Value, Option<Value>)> {
    if let Some(n) = buffer_size.filter(|n| !none::is_none(n)) {
        if protocol::index_isize(ts, &n)? <= 0 {
            return Err(PyErr::value_error("buffer size must be strictly positive"));
        }
    }
    if std::ptr::eq(ty, &BUFFERED_RANDOM_TYPE) {
        require(ts, &raw, "seekable", "File or stream is not seekable.")?;
    }
    if readable {
        require(ts, &raw, "readable", "File or stream is not readable.")?;
    }
    if writable {
        require(ts, &raw, "writable", "File or stream is not writable.")?;
    }
    if std::ptr::eq(raw.type_of(), &FILE_IO_TYPE) {
        if let Some(core) = textio::view_core(&raw) {
            return Ok((core.clone(), Some(raw.clone())));
        }
    }
    let core = textio::new_core(CoreSpec {
        fd: -1,
        name: none::none(),
        mode: String::new(),
        encoding: "utf-8".to_string(),
        codec: crate::stringlib::codecs::Encoding::Utf8,
        errors: "strict".to_string(),
        line_buffered: false,
        readable,
        writable,
        closefd: true,
        newline: None,
        binary_type: ty,
        raw: false,
        backend: Some(raw.clone()),
        backend_raw: true,
        write_through: false,
    })?;
    Ok((core, Some(raw)))
}

/// The three buffered types by name and capabilities.
const BUFFERED_KINDS: [(&str, &PyType, bool, bool); 3] = [
    ("BufferedReader", &BUFFERED_READER_TYPE, true, false),
    ("BufferedWriter", &BUFFERED_WRITER_TYPE, false, true),
    ("BufferedRandom", &BUFFERED_RANDOM_TYPE, true, true),
];

/// The buffered type `cls` is or derives from.
fn buffered_kind(cls: &PyType) -> (&'static str, &'static PyType, bool, bool) {
    // BufferedRandom derives from neither of the others: the first match is it.
    BUFFERED_KINDS.into_iter().find(|(_, t, _, _)| cls.is_subtype(t)).unwrap_or(BUFFERED_KINDS[0])
}

/// `__new__` of the buffered types: the exact types are built here; a
/// subclass is built by `__init__`, whose arguments may differ from
/// `(raw, buffer_size)` (tarfile's `ExFileObject(tarfile, tarinfo)` passes
/// its own and calls `super().__init__(fileobj)`).
fn buffered_new(ts: &ThreadState, cls: &Value, a: &[Value], k: Option<&Value>) -> PyResult<Value> {
    let ty = crate::object::protocol::as_pytype(cls).ok_or_else(|| PyErr::type_error("type expected"))?;
    let (name, base, readable, writable) = buffered_kind(ty);
    if !std::ptr::eq(ty, base) {
        return Value::new_instance(cls, BinaryStream::uninitialized());
    }
    let [raw, size] = crate::object::args::bind(name, a, k, ["raw", "buffer_size"], 0, 1, 2)?;
    buffered_over(ts, base, cls, raw.unwrap_or_else(none::none), size, readable, writable)
}

/// `__init__(raw, buffer_size=DEFAULT_BUFFER_SIZE)` of a buffered subclass
/// (the exact types were built by `__new__` and accept the call again).
fn buffered_init(ts: &ThreadState, v: &Value, a: &[Value], k: Option<&Value>) -> PyResult<()> {
    let Some(b) = v.downcast::<BinaryStream>() else { return Ok(()) };
    if textio::view_core(v).is_some() {
        return Ok(());
    }
    let (name, base, readable, writable) = buffered_kind(v.type_of());
    let [raw, size] = crate::object::args::bind(name, a, k, ["raw", "buffer_size"], 0, 1, 2)?;
    let (core, raw) = buffered_core(ts, base, raw.unwrap_or_else(none::none), size, readable, writable)?;
    b.initialize(core, raw);
    Ok(())
}

/// `BufferedRWPair(reader, writer, buffer_size=8192)`: reads from a
/// BufferedReader over `reader`, writes through a BufferedWriter over `writer`.
fn rwpair_new(ts: &ThreadState, cls: &Value, a: &[Value], k: Option<&Value>) -> PyResult<Value> {
    crate::object::args::no_kwargs("BufferedRWPair", k)?;
    let a = crate::object::args::positional("BufferedRWPair", a, None, 2, 3)?;
    let r = buffered_over(ts, &BUFFERED_READER_TYPE, &BUFFERED_READER_TYPE.to_value(), a[0].clone(), a.get(2).cloned(), true, false)?;
    let w = buffered_over(ts, &BUFFERED_WRITER_TYPE, &BUFFERED_WRITER_TYPE.to_value(), a[1].clone(), a.get(2).cloned(), false, true)?;
    let pair = PairBackend::make(ts, r, w)?;
    let core = textio::new_core(CoreSpec {
        fd: -1,
        name: none::none(),
        mode: String::new(),
        encoding: "utf-8".to_string(),
        codec: crate::stringlib::codecs::Encoding::Utf8,
        errors: "strict".to_string(),
        line_buffered: false,
        readable: true,
        writable: true,
        closefd: true,
        newline: None,
        binary_type: &BUFFERED_RW_PAIR_TYPE,
        raw: true,
        backend: Some(pair),
        backend_raw: false,
        write_through: false,
    })?;
    textio::new_view_of(cls, core, None)
}

/// The object beneath a BufferedRWPair: a namespace whose read/write/flush/
/// close go to the reader or the writer.
struct PairBackend;

impl PairBackend {
    fn make(ts: &ThreadState, r: Value, w: Value) -> PyResult<Value> {
        let mut items = Vec::new();
        for (name, src) in [("read", &r), ("read1", &r), ("readable", &r), ("peek", &r), ("write", &w), ("flush", &w), ("writable", &w), ("seekable", &r), ("isatty", &w)] {
            items.push((name, protocol::getattr_str(ts, src, name)?));
        }
        let closer = crate::types::function::PyBuiltinFunction { name: "close", func: pair_close, self_: Some(crate::types::tuple::new_tuple(vec![r.clone(), w.clone()])?), module: None };
        items.push(("close", Value::new(closer)?));
        items.push(("closed", crate::types::bool_::new_bool(false)));
        let ns = crate::types::namespace::new_namespace(ts, items)?;
        Ok(ns)
    }
}

/// Close the writer, then the reader (BufferedRWPair.close).
fn pair_close(ts: &ThreadState, pair: &Value, _a: &[Value], _k: Option<&Value>) -> PyResult<Value> {
    let items = crate::types::tuple::tuple_items(pair);
    let w = items.get(1).map(|w| protocol::call_method(ts, w, "close", &[]));
    let r = items.first().map(|r| protocol::call_method(ts, r, "close", &[]));
    if let Some(Err(e)) = w {
        return Err(e);
    }
    if let Some(Err(e)) = r {
        return Err(e);
    }
    Ok(none::none())
}

fn g_raw(_ts: &ThreadState, v: &Value) -> PyResult<Value> {
    let b = v.downcast::<BinaryStream>().ok_or_else(|| PyErr::type_error("buffered stream expected"))?;
    if let Some(r) = b.raw_value() {
        return Ok(r);
    }
    // A buffered view of a descriptor: its raw file is a FileIO view of the same core.
    let core = textio::view_core(v).cloned().ok_or_else(|| PyErr::type_error("buffered stream expected"))?;
    let r = textio::new_view(&FILE_IO_TYPE, core, None)?;
    b.set_raw(r.clone());
    Ok(r)
}

/// `read1(size=-1)`: what the buffer holds, or one read from the raw stream.
fn m_read1(ts: &ThreadState, v: &Value, a: &[Value], k: Option<&Value>) -> PyResult<Value> {
    let a = crate::object::args::positional("read1", a, k, 0, 1)?;
    let n = size_arg(ts, a.first())?;
    let s = binary(v)?;
    if s.closed.get() {
        return Err(PyErr::value_error("read of closed file"));
    }
    if !s.readable {
        return Err(unsupported(ts, "read1"));
    }
    s.flush()?;
    if n == Some(0) {
        return Ok(bytes::new_bytes(Vec::new()));
    }
    if s.pending.borrow().is_empty() && !s.eof.get() {
        s.fill()?;
    }
    let mut p = s.pending.borrow_mut();
    let n = n.unwrap_or(p.len()).min(p.len());
    Ok(bytes::new_bytes(p.drain(..n).collect()))
}

/// `peek(size=0)`: buffered bytes without moving (one raw read when empty).
fn m_peek(ts: &ThreadState, v: &Value, a: &[Value], k: Option<&Value>) -> PyResult<Value> {
    crate::object::args::positional("peek", a, k, 0, 1)?;
    let s = binary(v)?;
    if s.closed.get() {
        return Err(PyErr::value_error("peek of closed file"));
    }
    if !s.readable {
        return Err(unsupported(ts, "peek"));
    }
    s.flush()?;
    if s.pending.borrow().is_empty() && !s.eof.get() {
        s.fill()?;
    }
    Ok(bytes::new_bytes(s.pending.borrow().clone()))
}

/// `detach()`: flush and hand back the raw stream; this object is unusable after.
fn m_detach(ts: &ThreadState, v: &Value, a: &[Value], k: Option<&Value>) -> PyResult<Value> {
    crate::object::args::exact("detach", a, k, 0)?;
    let raw = g_raw(ts, v)?;
    let s = binary(v)?;
    s.flush()?;
    textio::mark_detached(s);
    Ok(raw)
}

fn m_readinto1(ts: &ThreadState, v: &Value, a: &[Value], k: Option<&Value>) -> PyResult<Value> {
    let a = crate::object::args::exact("readinto1", a, k, 1)?;
    let n = super::iobase::writable_buffer_len(ts, "readinto1", &a[0])?;
    let data = m_read1(ts, v, &[int::from_i64(n as i64)], None)?;
    let d = bytes::try_bytes_data(&data).unwrap_or_default();
    super::iobase::copy_into(ts, &a[0], &d)?;
    Ok(int::from_i64(d.len() as i64))
}

/// Fill the buffered types' constructors and own methods.
pub fn init() {
    for (_, ty, _, _) in BUFFERED_KINDS {
        ty.data.slots.new.set(Some(buffered_new));
        ty.data.slots.init.set(Some(buffered_init));
    }
    BUFFERED_RW_PAIR_TYPE.data.slots.new.set(Some(rwpair_new));
    for ty in [&BUFFERED_READER_TYPE, &BUFFERED_WRITER_TYPE, &BUFFERED_RANDOM_TYPE] {
        crate::types::descr::add_getsets(ty, &[("raw", g_raw, None)]);
        crate::types::descr::add_methods(ty, &[("detach", m_detach), ("truncate", super::fileio::m_truncate)]);
    }
    for ty in [&BUFFERED_READER_TYPE, &BUFFERED_RANDOM_TYPE, &BUFFERED_RW_PAIR_TYPE] {
        crate::types::descr::add_methods(ty, &[("read1", m_read1), ("peek", m_peek), ("readinto", super::fileio::m_readinto), ("readinto1", m_readinto1)]);
    }
}
