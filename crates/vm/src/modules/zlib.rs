//! `zlib`: compression and decompression in the zlib, gzip and raw deflate
//! formats (CPython's Modules/zlibmodule.c), over the C zlib library built
//! from source by `libz-sys`, so compressed output is byte-identical to
//! CPython's.
//!
//! The FFI calls are confined to [`Stream`], which owns one `z_stream` and
//! hands zlib fresh input/output pointers on every call, so no pointer into a
//! Rust buffer outlives the call that uses it.

use std::cell::RefCell;
use std::os::raw::{c_int, c_uint};

use libz_sys as z;

use crate::object::args;
use crate::object::protocol;
use crate::object::typeobj::{PyType, TypeObject};
use crate::object::value::{PyObject, PyPayload, Value};
use crate::runtime::errors::{PyErr, PyResult};
use crate::runtime::thread::ThreadState;
use crate::types::{bytes, exceptions as exc, int, none, str as pystr};

type Args<'a> = &'a [Value];
type Kw<'a> = Option<&'a Value>;

const Z_OK: c_int = 0;
const Z_STREAM_END: c_int = 1;
const Z_NEED_DICT: c_int = 2;
const Z_STREAM_ERROR: c_int = -2;
const Z_MEM_ERROR: c_int = -4;
const Z_BUF_ERROR: c_int = -5;
const Z_VERSION_ERROR: c_int = -6;

const Z_NO_FLUSH: c_int = 0;
const Z_SYNC_FLUSH: c_int = 2;
const Z_FINISH: c_int = 4;

const DEFLATED: c_int = 8;
const MAX_WBITS: c_int = 15;
const DEF_MEM_LEVEL: c_int = 8;
const DEF_BUF_SIZE: usize = 16 * 1024;
/// Output is produced in blocks of at least this size (CPython's first block).
const BLOCK: usize = 32 * 1024;
/// The largest output block allocated up front for a caller's size hint.
const MAX_INITIAL_BLOCK: usize = 16 * 1024 * 1024;

// ---- the z_stream wrapper ----

unsafe extern "C" fn zalloc(_opaque: z::voidpf, items: z::uInt, size: z::uInt) -> z::voidpf {
    // SAFETY: calloc is safe to call with any sizes; it checks the product.
    unsafe { libc::calloc(items as usize, size as usize) }
}

unsafe extern "C" fn zfree(_opaque: z::voidpf, p: z::voidpf) {
    // SAFETY: zlib only frees what zalloc returned.
    unsafe { libc::free(p) }
}

#[derive(Clone, Copy, PartialEq, Eq)]
enum Kind {
    Deflate,
    Inflate,
}

/// An initialised zlib stream; ended (its memory freed) when dropped.
struct Stream {
    /// Boxed: zlib keeps a pointer back to the z_stream, so it must not move.
    strm: Box<z::z_stream>,
    kind: Kind,
}

/// The outcome of one deflate/inflate call.
struct Step {
    ret: c_int,
    consumed: usize,
    produced: usize,
    room: usize,
}

fn blank_stream() -> Box<z::z_stream> {
    Box::new(z::z_stream {
        next_in: std::ptr::null_mut(),
        avail_in: 0,
        total_in: 0,
        next_out: std::ptr::null_mut(),
        avail_out: 0,
        total_out: 0,
        msg: std::ptr::null_mut(),
        state: std::ptr::null_mut(),
        zalloc,
        zfree,
        opaque: std::ptr::null_mut(),
        data_type: 0,
        adler: 0,
        reserved: 0,
    })
}

const STREAM_SIZE: c_int = std::mem::size_of::<z::z_stream>() as c_int;

/// zlib's message of the last error on `strm`, if it set one.
fn stream_msg(strm: &z::z_stream) -> Option<String> {
    if strm.msg.is_null() {
        return None;
    }
    // SAFETY: zlib's msg points to a static NUL-terminated string.
    Some(unsafe { std::ffi::CStr::from_ptr(strm.msg) }.to_string_lossy().into_owned())
}

/// A failed zlib call: its return code and zlib's message.
struct ZErr(c_int, Option<String>);

impl Stream {
    /// deflateInit2 with the given parameters.
    fn deflate(level: c_int, method: c_int, wbits: c_int, mem_level: c_int, strategy: c_int) -> Result<Stream, ZErr> {
        let mut strm = blank_stream();
        // SAFETY: strm is a valid, boxed z_stream with allocators set; the
        // version and size describe the library we link.
        let r = unsafe { z::deflateInit2_(&mut *strm, level, method, wbits, mem_level, strategy, z::zlibVersion(), STREAM_SIZE) };
        if r != Z_OK {
            return Err(ZErr(r, stream_msg(&strm)));
        }
        Ok(Stream { strm, kind: Kind::Deflate })
    }

    /// inflateInit2 with the given window bits.
    fn inflate(wbits: c_int) -> Result<Stream, ZErr> {
        let mut strm = blank_stream();
        // SAFETY: as in `deflate`.
        let r = unsafe { z::inflateInit2_(&mut *strm, wbits, z::zlibVersion(), STREAM_SIZE) };
        if r != Z_OK {
            return Err(ZErr(r, stream_msg(&strm)));
        }
        Ok(Stream { strm, kind: Kind::Inflate })
    }

    fn msg(&self) -> Option<String> {
        stream_msg(&self.strm)
    }

    /// One deflate or inflate call over `input`, appending at most `room`
    /// bytes to `out`.
    fn step(&mut self, input: &[u8], out: &mut Vec<u8>, room: usize, flush: c_int) -> Step {
        let avail_in = input.len().min(c_uint::MAX as usize);
        let room = room.min(c_uint::MAX as usize);
        let start = out.len();
        out.resize(start + room, 0);
        self.strm.next_in = input.as_ptr() as *mut u8;
        self.strm.avail_in = avail_in as c_uint;
        self.strm.next_out = out[start..].as_mut_ptr();
        self.strm.avail_out = room as c_uint;
        // SAFETY: the stream is initialised (a Stream exists only after a
        // successful init) and the pointers cover `avail_in` readable bytes
        // of `input` and `room` writable bytes of `out`, both alive for
        // the call; zlib never writes through next_in.
        let ret = unsafe {
            match self.kind {
                Kind::Deflate => z::deflate(&mut *self.strm, flush),
                Kind::Inflate => z::inflate(&mut *self.strm, flush),
            }
        };
        let consumed = avail_in - self.strm.avail_in as usize;
        let produced = room - self.strm.avail_out as usize;
        self.strm.next_in = std::ptr::null_mut();
        self.strm.avail_in = 0;
        self.strm.next_out = std::ptr::null_mut();
        self.strm.avail_out = 0;
        out.truncate(start + produced);
        Step { ret, consumed, produced, room }
    }

    fn set_dictionary(&mut self, dict: &[u8]) -> c_int {
        // SAFETY: the stream is initialised; zlib reads `len` bytes of dict.
        unsafe {
            match self.kind {
                Kind::Deflate => z::deflateSetDictionary(&mut *self.strm, dict.as_ptr(), dict.len() as c_uint),
                Kind::Inflate => z::inflateSetDictionary(&mut *self.strm, dict.as_ptr(), dict.len() as c_uint),
            }
        }
    }

    /// deflateCopy / inflateCopy into a new stream.
    fn copy(&self) -> Result<Stream, ZErr> {
        let mut dest = blank_stream();
        let src = &*self.strm as *const z::z_stream as *mut z::z_stream;
        // SAFETY: the source is initialised; zlib only reads it (the C API
        // takes a non-const pointer) and fills `dest`.
        let r = unsafe {
            match self.kind {
                Kind::Deflate => z::deflateCopy(&mut *dest, src),
                Kind::Inflate => z::inflateCopy(&mut *dest, src),
            }
        };
        if r != Z_OK {
            return Err(ZErr(r, self.msg()));
        }
        // The copy points back to its own z_stream through its state; the
        // fields copied from the source (allocators, msg) stay valid.
        Ok(Stream { strm: dest, kind: self.kind })
    }

    /// End the stream now, returning deflateEnd/inflateEnd's code.
    fn end(mut self) -> Result<(), ZErr> {
        let r = self.end_raw();
        if r == Z_OK {
            Ok(())
        } else {
            Err(ZErr(r, self.msg()))
        }
    }

    fn end_raw(&mut self) -> c_int {
        if self.strm.state.is_null() {
            return Z_OK;
        }
        // SAFETY: the stream was initialised and is ended once (state is
        // null afterwards).
        unsafe {
            match self.kind {
                Kind::Deflate => z::deflateEnd(&mut *self.strm),
                Kind::Inflate => z::inflateEnd(&mut *self.strm),
            }
        }
    }
}

impl Drop for Stream {
    fn drop(&mut self) {
        self.end_raw();
    }
}

/// The version of the zlib library in use.
fn zlib_version() -> String {
    // SAFETY: zlibVersion returns a static NUL-terminated string.
    unsafe { std::ffi::CStr::from_ptr(z::zlibVersion()) }.to_string_lossy().into_owned()
}

// ---- errors and arguments ----

/// The message of zlib.error for code `err` during `what` (CPython's zlib_error).
fn error_message(err: c_int, zmsg: Option<&str>, what: &str) -> String {
    let zmsg = if err == Z_VERSION_ERROR { Some("library version mismatch") } else { zmsg };
    let zmsg = zmsg.or(match err {
        Z_BUF_ERROR => Some("incomplete or truncated stream"),
        Z_STREAM_ERROR => Some("inconsistent stream state"),
        -3 => Some("invalid input data"),
        _ => None,
    });
    match zmsg {
        Some(m) => format!("Error {err} {what}: {}", m.chars().take(200).collect::<String>()),
        None => format!("Error {err} {what}"),
    }
}

/// A zlib.error with message `msg`.
fn zlib_error_msg(ts: &ThreadState, msg: &str) -> PyErr {
    match super::_struct::module_attr(ts, "zlib", "error").and_then(|cls| protocol::call(ts, &cls, &[pystr::new_str(msg)], None)) {
        Ok(v) => PyErr::from_instance(v),
        Err(e) => e,
    }
}

fn zlib_error(ts: &ThreadState, e: ZErr, what: &str) -> PyErr {
    zlib_error_msg(ts, &error_message(e.0, e.1.as_deref(), what))
}

/// A bytes-like argument.
fn buffer_arg<'a>(ts: &ThreadState, v: &'a Value) -> PyResult<std::borrow::Cow<'a, [u8]>> {
    super::_struct::simple_buffer(ts, v)?
        .ok_or_else(|| PyErr::type_error(format!("a bytes-like object is required, not '{}'", protocol::type_name(v))))
}

fn int_or(ts: &ThreadState, v: &Option<Value>, default: c_int) -> PyResult<c_int> {
    match v {
        Some(v) => int::c_int_arg(ts, v),
        None => Ok(default),
    }
}

/// The argument check of CPython's parameterless copy methods: positional
/// arguments are refused, keywords are ignored (as CPython 3.11 does).
fn no_positional(fname: &str, a: Args, k: Kw) -> PyResult<()> {
    if args::npositional(a, k) > 0 {
        return Err(PyErr::type_error(format!("{fname}() takes no arguments")));
    }
    Ok(())
}

/// The size of the next output block: the remaining allowance, at most
/// as large as what was produced so far (geometric growth).
fn next_room(produced: usize, limit: usize, first: usize) -> usize {
    let want = if produced == 0 { first } else { produced.max(BLOCK) };
    want.min(limit - produced).max(if limit > produced { 1 } else { 0 })
}

// ---- one-shot functions ----

/// Compress `data` in one go (zlib.compress).
fn compress_bytes(data: &[u8], level: c_int, wbits: c_int) -> Result<Vec<u8>, (c_int, Option<String>, &'static str)> {
    let mut s = match Stream::deflate(level, DEFLATED, wbits, DEF_MEM_LEVEL, 0) {
        Ok(s) => s,
        Err(ZErr(Z_STREAM_ERROR, _)) => return Err((Z_STREAM_ERROR, None, "")),
        Err(ZErr(e, m)) => return Err((e, m, "while compressing data")),
    };
    let mut out = Vec::new();
    let mut pos = 0;
    loop {
        let last = data.len() - pos <= c_uint::MAX as usize;
        let flush = if last { Z_FINISH } else { Z_NO_FLUSH };
        let chunk_end = pos + (data.len() - pos).min(c_uint::MAX as usize);
        loop {
            let room = next_room(out.len(), usize::MAX, BLOCK);
            let st = s.step(&data[pos..chunk_end], &mut out, room, flush);
            pos += st.consumed;
            if st.ret == Z_STREAM_ERROR {
                return Err((st.ret, s.msg(), "while compressing data"));
            }
            if st.produced < st.room {
                break;
            }
        }
        if last {
            break;
        }
    }
    match s.end() {
        Ok(()) => Ok(out),
        Err(ZErr(e, m)) => Err((e, m, "while finishing compression")),
    }
}

fn f_compress(ts: &ThreadState, _m: &Value, a: Args, k: Kw) -> PyResult<Value> {
    let [data, level, wbits] = bytes::clinic_bind("compress", a, k, ["data", "level", "wbits"], 1, 1)?;
    let data = data.unwrap_or_else(none::none);
    let data = buffer_arg(ts, &data)?;
    let level = int_or(ts, &level, -1)?;
    let wbits = int_or(ts, &wbits, MAX_WBITS)?;
    match compress_bytes(&data, level, wbits) {
        Ok(out) => Ok(bytes::new_bytes(out)),
        Err((Z_MEM_ERROR, _, _)) => Err(PyErr::new(&exc::MEMORY_ERROR, "Out of memory while compressing data")),
        Err((Z_STREAM_ERROR, _, "")) => Err(zlib_error_msg(ts, "Bad compression level")),
        Err((e, m, what)) => Err(zlib_error(ts, ZErr(e, m), what)),
    }
}

/// What went wrong in a one-shot decompression.
#[derive(Debug, PartialEq)]
enum DecompressError {
    Memory,
    Zlib(c_int, Option<String>, &'static str),
}

/// Decompress a complete stream in one go (zlib.decompress).
fn decompress_bytes(data: &[u8], wbits: c_int, bufsize: usize) -> Result<Vec<u8>, DecompressError> {
    let mut s = match Stream::inflate(wbits) {
        Ok(s) => s,
        Err(ZErr(Z_MEM_ERROR, _)) => return Err(DecompressError::Memory),
        Err(ZErr(e, m)) => return Err(DecompressError::Zlib(e, m, "while preparing to decompress data")),
    };
    let first = bufsize.clamp(1, MAX_INITIAL_BLOCK);
    let mut out = Vec::new();
    let mut pos = 0;
    let mut err;
    loop {
        let last = data.len() - pos <= c_uint::MAX as usize;
        let flush = if last { Z_FINISH } else { Z_NO_FLUSH };
        let chunk_end = pos + (data.len() - pos).min(c_uint::MAX as usize);
        loop {
            let room = next_room(out.len(), usize::MAX, first);
            let st = s.step(&data[pos..chunk_end], &mut out, room, flush);
            pos += st.consumed;
            err = st.ret;
            match err {
                Z_OK | Z_BUF_ERROR | Z_STREAM_END => {}
                Z_MEM_ERROR => return Err(DecompressError::Memory),
                _ => return Err(DecompressError::Zlib(err, s.msg(), "while decompressing data")),
            }
            if st.produced < st.room {
                break;
            }
        }
        if err == Z_STREAM_END || last {
            break;
        }
    }
    if err != Z_STREAM_END {
        return Err(DecompressError::Zlib(err, s.msg(), "while decompressing data"));
    }
    match s.end() {
        Ok(()) => Ok(out),
        Err(ZErr(e, m)) => Err(DecompressError::Zlib(e, m, "while finishing decompression")),
    }
}

fn f_decompress(ts: &ThreadState, _m: &Value, a: Args, k: Kw) -> PyResult<Value> {
    let [data, wbits, bufsize] = bytes::clinic_bind("decompress", a, k, ["data", "wbits", "bufsize"], 1, 1)?;
    let data = data.unwrap_or_else(none::none);
    let data = buffer_arg(ts, &data)?;
    let wbits = int_or(ts, &wbits, MAX_WBITS)?;
    let bufsize = match bufsize {
        Some(b) => int::ssize_arg(ts, &b)?,
        None => DEF_BUF_SIZE as isize,
    };
    if bufsize < 0 {
        return Err(PyErr::value_error("bufsize must be non-negative"));
    }
    match decompress_bytes(&data, wbits, bufsize as usize) {
        Ok(out) => Ok(bytes::new_bytes(out)),
        Err(DecompressError::Memory) => Err(PyErr::new(&exc::MEMORY_ERROR, "Out of memory while decompressing data")),
        Err(DecompressError::Zlib(e, m, what)) => Err(zlib_error(ts, ZErr(e, m), what)),
    }
}

fn checksum_args(ts: &ThreadState, fname: &str, a: Args, k: Kw, default: u32) -> PyResult<(Vec<u8>, u32)> {
    let a = super::fastcall_args("zlib", fname, a, k, 1, 2)?;
    let data = buffer_arg(ts, &a[0])?.into_owned();
    let value = match a.get(1) {
        Some(v) => super::binascii::bitwise_u32(ts, v)?,
        None => default,
    };
    Ok((data, value))
}

/// Adler-32 of `data` continuing from `value`.
pub fn adler32(data: &[u8], value: u32) -> u32 {
    let mut v = value as z::uLong;
    for chunk in data.chunks(1 << 30) {
        // SAFETY: zlib reads exactly `chunk.len()` bytes of the chunk.
        v = unsafe { z::adler32(v, chunk.as_ptr(), chunk.len() as c_uint) };
    }
    v as u32
}

fn f_adler32(ts: &ThreadState, _m: &Value, a: Args, k: Kw) -> PyResult<Value> {
    let (data, value) = checksum_args(ts, "adler32", a, k, 1)?;
    Ok(int::from_i64(adler32(&data, value) as i64))
}

fn f_crc32(ts: &ThreadState, _m: &Value, a: Args, k: Kw) -> PyResult<Value> {
    let (data, value) = checksum_args(ts, "crc32", a, k, 0)?;
    Ok(int::from_i64(super::binascii::crc32(&data, value) as i64))
}

// ---- Compress objects ----

/// A `zlib.Compress` object; `None` once flushed with Z_FINISH.
pub struct PyCompress {
    stream: RefCell<Option<Stream>>,
}

/// The `zlib.Compress` type.
pub static COMPRESS_TYPE: PyType = PyObject::new_static(
    &crate::types::typeobject::TYPE_TYPE,
    TypeObject::builtin::<PyCompress>("zlib.Compress", &COMPRESS_TYPE, Some(&crate::types::object::OBJECT_TYPE), 0),
);
impl PyPayload for PyCompress {
    fn class() -> &'static PyType {
        &COMPRESS_TYPE
    }
}

fn comp_this(v: &Value) -> PyResult<&PyCompress> {
    v.downcast::<PyCompress>().ok_or_else(|| PyErr::type_error("descriptor requires a 'zlib.Compress' object"))
}

fn f_compressobj(ts: &ThreadState, _m: &Value, a: Args, k: Kw) -> PyResult<Value> {
    let [level, method, wbits, mem_level, strategy, zdict] =
        bytes::clinic_bind("compressobj", a, k, ["level", "method", "wbits", "memLevel", "strategy", "zdict"], 0, 0)?;
    let level = int_or(ts, &level, -1)?;
    let method = int_or(ts, &method, DEFLATED)?;
    let wbits = int_or(ts, &wbits, MAX_WBITS)?;
    let mem_level = int_or(ts, &mem_level, DEF_MEM_LEVEL)?;
    let strategy = int_or(ts, &strategy, 0)?;
    let zdict = match &zdict {
        Some(d) => Some(buffer_arg(ts, d)?),
        None => None,
    };
    if zdict.as_ref().is_some_and(|d| d.len() > c_uint::MAX as usize) {
        return Err(PyErr::overflow_error("zdict length does not fit in an unsigned int"));
    }
    let mut s = match Stream::deflate(level, method, wbits, mem_level, strategy) {
        Ok(s) => s,
        Err(ZErr(Z_MEM_ERROR, _)) => return Err(PyErr::new(&exc::MEMORY_ERROR, "Can't allocate memory for compression object")),
        Err(ZErr(Z_STREAM_ERROR, _)) => return Err(PyErr::value_error("Invalid initialization option")),
        Err(e) => return Err(zlib_error(ts, e, "while creating compression object")),
    };
    if let Some(d) = zdict {
        match s.set_dictionary(&d) {
            Z_OK => {}
            Z_STREAM_ERROR => return Err(PyErr::value_error("Invalid dictionary")),
            _ => return Err(PyErr::value_error("deflateSetDictionary()")),
        }
    }
    Value::new(PyCompress { stream: RefCell::new(Some(s)) })
}

fn comp_compress(ts: &ThreadState, v: &Value, a: Args, k: Kw) -> PyResult<Value> {
    let [data] = bytes::clinic_bind("compress", a, k, ["data"], 1, 1)?;
    let data = data.unwrap_or_else(none::none);
    let data = buffer_arg(ts, &data)?;
    let this = comp_this(v)?;
    let mut guard = this.stream.borrow_mut();
    let Some(s) = guard.as_mut() else {
        return Err(zlib_error(ts, ZErr(Z_STREAM_ERROR, None), "while compressing data"));
    };
    let mut out = Vec::new();
    let mut pos = 0;
    loop {
        let chunk_end = pos + (data.len() - pos).min(c_uint::MAX as usize);
        loop {
            let room = next_room(out.len(), usize::MAX, BLOCK);
            let st = s.step(&data[pos..chunk_end], &mut out, room, Z_NO_FLUSH);
            pos += st.consumed;
            if st.ret == Z_STREAM_ERROR {
                return Err(zlib_error(ts, ZErr(st.ret, s.msg()), "while compressing data"));
            }
            if st.produced < st.room {
                break;
            }
        }
        if pos >= data.len() {
            break;
        }
    }
    Ok(bytes::new_bytes(out))
}

fn comp_flush(ts: &ThreadState, v: &Value, a: Args, k: Kw) -> PyResult<Value> {
    let [mode] = bytes::clinic_bind("flush", a, k, ["mode"], 1, 0)?;
    let mode = match mode {
        Some(m) => int::c_int_arg(ts, &m)?,
        None => Z_FINISH,
    };
    if mode == Z_NO_FLUSH {
        return Ok(bytes::new_bytes(Vec::new()));
    }
    let this = comp_this(v)?;
    let mut guard = this.stream.borrow_mut();
    let Some(s) = guard.as_mut() else {
        return Err(zlib_error(ts, ZErr(Z_STREAM_ERROR, None), "while flushing"));
    };
    let mut out = Vec::new();
    let err = loop {
        let room = next_room(out.len(), usize::MAX, BLOCK);
        let st = s.step(&[], &mut out, room, mode);
        if st.ret == Z_STREAM_ERROR {
            return Err(zlib_error(ts, ZErr(st.ret, s.msg()), "while flushing"));
        }
        if st.produced < st.room {
            break st.ret;
        }
    };
    if err == Z_STREAM_END && mode == Z_FINISH {
        if let Some(s) = guard.take() {
            if let Err(e) = s.end() {
                return Err(zlib_error(ts, e, "while finishing compression"));
            }
        }
    } else if err != Z_OK && err != Z_BUF_ERROR {
        return Err(zlib_error(ts, ZErr(err, s.msg()), "while flushing"));
    }
    Ok(bytes::new_bytes(out))
}

fn comp_copy_impl(ts: &ThreadState, v: &Value) -> PyResult<Value> {
    let this = comp_this(v)?;
    let guard = this.stream.borrow();
    let Some(s) = guard.as_ref() else {
        return Err(PyErr::value_error("Inconsistent stream state"));
    };
    match s.copy() {
        Ok(c) => Value::new(PyCompress { stream: RefCell::new(Some(c)) }),
        Err(ZErr(Z_STREAM_ERROR, _)) => Err(PyErr::value_error("Inconsistent stream state")),
        Err(ZErr(Z_MEM_ERROR, _)) => Err(PyErr::new(&exc::MEMORY_ERROR, "Can't allocate memory for compression object")),
        Err(e) => Err(zlib_error(ts, e, "while copying compression object")),
    }
}

fn comp_copy(ts: &ThreadState, v: &Value, a: Args, k: Kw) -> PyResult<Value> {
    no_positional("copy", a, k)?;
    comp_copy_impl(ts, v)
}

fn comp_copy_dunder(ts: &ThreadState, v: &Value, a: Args, k: Kw) -> PyResult<Value> {
    no_positional("__copy__", a, k)?;
    comp_copy_impl(ts, v)
}

fn comp_deepcopy(ts: &ThreadState, v: &Value, a: Args, k: Kw) -> PyResult<Value> {
    bytes::clinic_bind("__deepcopy__", a, k, ["memo"], 1, 1)?;
    comp_copy_impl(ts, v)
}

// ---- Decompress objects ----

/// The state of a `zlib.Decompress` object.
struct DecompState {
    /// `None` once flush() reached the end of the stream.
    stream: Option<Stream>,
    unused_data: Value,
    unconsumed_tail: Value,
    eof: bool,
    zdict: Option<Value>,
}

/// A `zlib.Decompress` object.
pub struct PyDecompress {
    st: RefCell<DecompState>,
}

/// The `zlib.Decompress` type.
pub static DECOMPRESS_TYPE: PyType = PyObject::new_static(
    &crate::types::typeobject::TYPE_TYPE,
    TypeObject::builtin::<PyDecompress>("zlib.Decompress", &DECOMPRESS_TYPE, Some(&crate::types::object::OBJECT_TYPE), 0),
);
impl PyPayload for PyDecompress {
    fn class() -> &'static PyType {
        &DECOMPRESS_TYPE
    }
}

fn decomp_this(v: &Value) -> PyResult<&PyDecompress> {
    v.downcast::<PyDecompress>().ok_or_else(|| PyErr::type_error("descriptor requires a 'zlib.Decompress' object"))
}

fn bytes_of(v: &Value) -> &[u8] {
    v.downcast::<bytes::PyBytes>().map(|b| &b.data[..]).unwrap_or(&[])
}

/// Give the stream its preset dictionary (CPython's set_inflate_zdict).
fn set_inflate_zdict(ts: &ThreadState, s: &mut Stream, zdict: &Value) -> PyResult<()> {
    let d = buffer_arg(ts, zdict)?;
    if d.len() > c_uint::MAX as usize {
        return Err(PyErr::overflow_error("zdict length does not fit in an unsigned int"));
    }
    match s.set_dictionary(&d) {
        Z_OK => Ok(()),
        e => Err(zlib_error(ts, ZErr(e, s.msg()), "while setting zdict")),
    }
}

fn f_decompressobj(ts: &ThreadState, _m: &Value, a: Args, k: Kw) -> PyResult<Value> {
    let [wbits, zdict] = bytes::clinic_bind("decompressobj", a, k, ["wbits", "zdict"], 0, 0)?;
    let wbits = int_or(ts, &wbits, MAX_WBITS)?;
    if let Some(d) = &zdict {
        if super::_struct::simple_buffer(ts, d).ok().flatten().is_none() {
            return Err(PyErr::type_error("zdict argument must support the buffer protocol"));
        }
    }
    let mut s = match Stream::inflate(wbits) {
        Ok(s) => s,
        Err(ZErr(Z_STREAM_ERROR, _)) => return Err(PyErr::value_error("Invalid initialization option")),
        Err(ZErr(Z_MEM_ERROR, _)) => return Err(PyErr::new(&exc::MEMORY_ERROR, "Can't allocate memory for decompression object")),
        Err(e) => return Err(zlib_error(ts, e, "while creating decompression object")),
    };
    if let (Some(d), true) = (&zdict, wbits < 0) {
        set_inflate_zdict(ts, &mut s, d)?;
    }
    let empty = bytes::new_bytes(Vec::new());
    Value::new(PyDecompress {
        st: RefCell::new(DecompState { stream: Some(s), unused_data: empty.clone(), unconsumed_tail: empty, eof: false, zdict }),
    })
}

/// Keep the input left after a call: past the end of the stream it goes
/// to unused_data, otherwise (output limit reached) to unconsumed_tail
/// (CPython's save_unconsumed_input).
fn save_unconsumed(st: &mut DecompState, data: &[u8], mut pos: usize, err: c_int) {
    if err == Z_STREAM_END && pos < data.len() {
        let mut u = bytes_of(&st.unused_data).to_vec();
        u.extend_from_slice(&data[pos..]);
        st.unused_data = bytes::new_bytes(u);
        pos = data.len();
    }
    if pos < data.len() || !bytes_of(&st.unconsumed_tail).is_empty() {
        st.unconsumed_tail = bytes::new_bytes(data[pos..].to_vec());
    }
}

fn decomp_decompress(ts: &ThreadState, v: &Value, a: Args, k: Kw) -> PyResult<Value> {
    let [data, max_length] = bytes::clinic_bind("decompress", a, k, ["data", "max_length"], 1, 1)?;
    let data = data.unwrap_or_else(none::none);
    let data = buffer_arg(ts, &data)?;
    let max_length = match max_length {
        Some(m) => int::ssize_arg(ts, &m)?,
        None => 0,
    };
    if max_length < 0 {
        return Err(PyErr::value_error("max_length must be non-negative"));
    }
    let limit = if max_length == 0 { usize::MAX } else { max_length as usize };
    let this = decomp_this(v)?;
    let mut guard = this.st.borrow_mut();
    let st = &mut *guard;
    let mut out = Vec::new();
    let mut pos = 0;
    let mut err = Z_OK;
    let zdict = st.zdict.clone();
    match st.stream.as_mut() {
        // An ended stream: inflate refuses it without consuming anything.
        None => err = Z_STREAM_ERROR,
        Some(s) => 'outer: loop {
            let chunk_end = pos + (data.len() - pos).min(c_uint::MAX as usize);
            loop {
                if out.len() >= limit {
                    break 'outer;
                }
                let room = next_room(out.len(), limit, BLOCK.min(limit));
                let r = s.step(&data[pos..chunk_end], &mut out, room, Z_SYNC_FLUSH);
                pos += r.consumed;
                err = r.ret;
                match err {
                    Z_OK | Z_BUF_ERROR | Z_STREAM_END => {}
                    Z_NEED_DICT if zdict.is_some() => {
                        if let Some(d) = &zdict {
                            set_inflate_zdict(ts, s, d)?;
                        }
                    }
                    _ => break 'outer,
                }
                if r.produced < r.room && err != Z_NEED_DICT {
                    break;
                }
            }
            if err == Z_STREAM_END || pos >= data.len() {
                break;
            }
        },
    }
    save_unconsumed(st, &data, pos, err);
    if err == Z_STREAM_END {
        st.eof = true;
    } else if err != Z_OK && err != Z_BUF_ERROR {
        let msg = st.stream.as_ref().and_then(|s| s.msg());
        return Err(zlib_error(ts, ZErr(err, msg), "while decompressing data"));
    }
    Ok(bytes::new_bytes(out))
}

fn decomp_flush(ts: &ThreadState, v: &Value, a: Args, k: Kw) -> PyResult<Value> {
    let [length] = bytes::clinic_bind("flush", a, k, ["length"], 1, 0)?;
    let length = match length {
        Some(l) => int::ssize_arg(ts, &l)?,
        None => DEF_BUF_SIZE as isize,
    };
    if length <= 0 {
        return Err(PyErr::value_error("length must be greater than zero"));
    }
    let this = decomp_this(v)?;
    let mut guard = this.st.borrow_mut();
    let st = &mut *guard;
    let data = bytes_of(&st.unconsumed_tail).to_vec();
    let mut out = Vec::new();
    let mut pos = 0;
    let mut err = Z_STREAM_ERROR;
    if let Some(s) = st.stream.as_mut() {
        'outer: loop {
            let last = data.len() - pos <= c_uint::MAX as usize;
            let flush = if last { Z_FINISH } else { Z_NO_FLUSH };
            let chunk_end = pos + (data.len() - pos).min(c_uint::MAX as usize);
            loop {
                let room = next_room(out.len(), usize::MAX, (length as usize).min(MAX_INITIAL_BLOCK));
                let r = s.step(&data[pos..chunk_end], &mut out, room, flush);
                pos += r.consumed;
                err = r.ret;
                if !matches!(err, Z_OK | Z_BUF_ERROR | Z_STREAM_END) {
                    break 'outer;
                }
                if r.produced < r.room {
                    break;
                }
            }
            if err == Z_STREAM_END || last {
                break;
            }
        }
    }
    save_unconsumed(st, &data, pos, err);
    if err == Z_STREAM_END {
        st.eof = true;
        if let Some(s) = st.stream.take() {
            if let Err(e) = s.end() {
                return Err(zlib_error(ts, e, "while finishing decompression"));
            }
        }
    }
    Ok(bytes::new_bytes(out))
}

fn decomp_copy_impl(ts: &ThreadState, v: &Value) -> PyResult<Value> {
    let this = decomp_this(v)?;
    let st = this.st.borrow();
    let Some(s) = st.stream.as_ref() else {
        return Err(PyErr::value_error("Inconsistent stream state"));
    };
    match s.copy() {
        Ok(c) => Value::new(PyDecompress {
            st: RefCell::new(DecompState {
                stream: Some(c),
                unused_data: st.unused_data.clone(),
                unconsumed_tail: st.unconsumed_tail.clone(),
                eof: st.eof,
                zdict: st.zdict.clone(),
            }),
        }),
        Err(ZErr(Z_STREAM_ERROR, _)) => Err(PyErr::value_error("Inconsistent stream state")),
        Err(ZErr(Z_MEM_ERROR, _)) => Err(PyErr::new(&exc::MEMORY_ERROR, "Can't allocate memory for decompression object")),
        Err(e) => Err(zlib_error(ts, e, "while copying decompression object")),
    }
}

fn decomp_copy(ts: &ThreadState, v: &Value, a: Args, k: Kw) -> PyResult<Value> {
    no_positional("copy", a, k)?;
    decomp_copy_impl(ts, v)
}

fn decomp_copy_dunder(ts: &ThreadState, v: &Value, a: Args, k: Kw) -> PyResult<Value> {
    no_positional("__copy__", a, k)?;
    decomp_copy_impl(ts, v)
}

fn decomp_deepcopy(ts: &ThreadState, v: &Value, a: Args, k: Kw) -> PyResult<Value> {
    bytes::clinic_bind("__deepcopy__", a, k, ["memo"], 1, 1)?;
    decomp_copy_impl(ts, v)
}

fn decomp_unused_data(_ts: &ThreadState, v: &Value) -> PyResult<Value> {
    Ok(decomp_this(v)?.st.borrow().unused_data.clone())
}

fn decomp_unconsumed_tail(_ts: &ThreadState, v: &Value) -> PyResult<Value> {
    Ok(decomp_this(v)?.st.borrow().unconsumed_tail.clone())
}

fn decomp_eof(_ts: &ThreadState, v: &Value) -> PyResult<Value> {
    Ok(crate::types::bool_::new_bool(decomp_this(v)?.st.borrow().eof))
}

/// The attributes are read-only members in CPython.
fn readonly(_ts: &ThreadState, _v: &Value, _x: Option<&Value>) -> PyResult<()> {
    Err(PyErr::attribute_error("readonly attribute"))
}

fn compress_new(_ts: &ThreadState, _cls: &Value, _a: Args, _k: Kw) -> PyResult<Value> {
    Err(PyErr::type_error("cannot create 'zlib.Compress' instances"))
}

fn decompress_new(_ts: &ThreadState, _cls: &Value, _a: Args, _k: Kw) -> PyResult<Value> {
    Err(PyErr::type_error("cannot create 'zlib.Decompress' instances"))
}

/// The static types of this module.
pub fn types() -> Vec<&'static PyType> {
    vec![&COMPRESS_TYPE, &DECOMPRESS_TYPE]
}

/// Fill the static types' slots and methods.
pub fn init() {
    use crate::types::descr::{add_getsets, add_methods};
    for ty in [&COMPRESS_TYPE, &DECOMPRESS_TYPE] {
        ty.data.slots.getattro.set(Some(protocol::generic_getattr));
    }
    COMPRESS_TYPE.data.slots.new.set(Some(compress_new));
    DECOMPRESS_TYPE.data.slots.new.set(Some(decompress_new));
    add_methods(
        &COMPRESS_TYPE,
        &[
            ("compress", comp_compress),
            ("flush", comp_flush),
            ("copy", comp_copy),
            ("__copy__", comp_copy_dunder),
            ("__deepcopy__", comp_deepcopy),
            ("__reduce__", super::reduce_cannot_pickle),
        ],
    );
    add_methods(
        &DECOMPRESS_TYPE,
        &[
            ("decompress", decomp_decompress),
            ("flush", decomp_flush),
            ("copy", decomp_copy),
            ("__copy__", decomp_copy_dunder),
            ("__deepcopy__", decomp_deepcopy),
            ("__reduce__", super::reduce_cannot_pickle),
        ],
    );
    add_getsets(
        &DECOMPRESS_TYPE,
        &[
            ("unused_data", decomp_unused_data, Some(readonly)),
            ("unconsumed_tail", decomp_unconsumed_tail, Some(readonly)),
            ("eof", decomp_eof, Some(readonly)),
        ],
    );
}

const DOC: &str = "The functions in this module allow compression and decompression using the\n\
zlib library, which is based on GNU zip.\n\n\
adler32(string[, start]) -- Compute an Adler-32 checksum.\n\
compress(data[, level]) -- Compress data, with compression level 0-9 or -1.\n\
compressobj([level[, ...]]) -- Return a compressor object.\n\
crc32(string[, start]) -- Compute a CRC-32 checksum.\n\
decompress(string,[wbits],[bufsize]) -- Decompresses a compressed string.\n\
decompressobj([wbits[, zdict]]) -- Return a decompressor object.\n\n\
'wbits' is window buffer size and container format.\n\
Compressor objects support compress() and flush() methods; decompressor\n\
objects support decompress() and flush().";

/// Create the `zlib` module.
pub fn create(ts: &ThreadState) -> PyResult<Value> {
    let (m, d) = super::new_native_module(
        ts,
        "zlib",
        &[
            ("adler32", f_adler32),
            ("compress", f_compress),
            ("compressobj", f_compressobj),
            ("crc32", f_crc32),
            ("decompress", f_decompress),
            ("decompressobj", f_decompressobj),
        ],
    )?;
    super::set_attr(ts, &d, "__doc__", pystr::new_str(DOC))?;
    super::set_attr(ts, &d, "error", super::_struct::new_exception_class(ts, "zlib", "error", &exc::EXCEPTION)?)?;
    let consts: &[(&str, i64)] = &[
        ("MAX_WBITS", MAX_WBITS as i64),
        ("DEFLATED", DEFLATED as i64),
        ("DEF_MEM_LEVEL", DEF_MEM_LEVEL as i64),
        ("DEF_BUF_SIZE", DEF_BUF_SIZE as i64),
        ("Z_NO_COMPRESSION", 0),
        ("Z_BEST_SPEED", 1),
        ("Z_BEST_COMPRESSION", 9),
        ("Z_DEFAULT_COMPRESSION", -1),
        ("Z_FILTERED", 1),
        ("Z_HUFFMAN_ONLY", 2),
        ("Z_RLE", 3),
        ("Z_FIXED", 4),
        ("Z_DEFAULT_STRATEGY", 0),
        ("Z_NO_FLUSH", 0),
        ("Z_PARTIAL_FLUSH", 1),
        ("Z_SYNC_FLUSH", 2),
        ("Z_FULL_FLUSH", 3),
        ("Z_FINISH", 4),
        ("Z_BLOCK", 5),
        ("Z_TREES", 6),
    ];
    for (name, v) in consts {
        super::set_attr(ts, &d, name, int::from_i64(*v))?;
    }
    let version = zlib_version();
    super::set_attr(ts, &d, "ZLIB_VERSION", pystr::new_str(&version))?;
    super::set_attr(ts, &d, "ZLIB_RUNTIME_VERSION", pystr::new_str(&version))?;
    super::set_attr(ts, &d, "__version__", pystr::new_str("1.0"))?;
    Ok(m)
}

#[cfg(test)]
mod tests {
    use super::*;

    // Expected bytes from python3: zlib.compress(b"hello hello hello", level).
    #[test]
    fn compress_matches_cpython() {
        assert_eq!(compress_bytes(b"hello hello hello", -1, 15).ok(), Some(b"x\x9c\xcbH\xcd\xc9\xc9W\xc8@\x90\x00:.\x06}".to_vec()));
        assert_eq!(compress_bytes(b"", 9, 15).ok(), Some(b"x\xda\x03\x00\x00\x00\x00\x01".to_vec()));
        assert_eq!(compress_bytes(b"abc", 0, -15).ok(), Some(b"\x01\x03\x00\xfc\xffabc".to_vec()));
        assert!(compress_bytes(b"", 10, 15).is_err());
    }

    #[test]
    fn round_trip_and_errors() {
        let data: Vec<u8> = (0..100_000u32).map(|i| (i * 7 % 251) as u8).collect();
        for wbits in [15, -15, 31] {
            let c = compress_bytes(&data, 6, wbits).ok().unwrap_or_default();
            assert_eq!(decompress_bytes(&c, wbits, 10).ok(), Some(data.clone()));
        }
        let c = compress_bytes(b"abc", 6, 15).ok().unwrap_or_default();
        assert_eq!(decompress_bytes(&c[..c.len() - 2], 15, 10), Err(DecompressError::Zlib(Z_BUF_ERROR, None, "while decompressing data")));
        match decompress_bytes(b"xyz", 15, 10) {
            Err(DecompressError::Zlib(e, m, w)) => assert_eq!(error_message(e, m.as_deref(), w), "Error -3 while decompressing data: incorrect header check"),
            _ => panic!("expected an error"),
        }
    }

    // Messages as python3 prints them for these codes.
    #[test]
    fn error_messages() {
        assert_eq!(error_message(Z_BUF_ERROR, None, "while decompressing data"), "Error -5 while decompressing data: incomplete or truncated stream");
        assert_eq!(error_message(Z_STREAM_ERROR, None, "while flushing"), "Error -2 while flushing: inconsistent stream state");
        assert_eq!(error_message(-3, None, "while setting zdict"), "Error -3 while setting zdict: invalid input data");
        assert_eq!(error_message(Z_NEED_DICT, None, "while decompressing data"), "Error 2 while decompressing data");
        assert_eq!(error_message(-3, Some("invalid distance too far back"), "while decompressing data"), "Error -3 while decompressing data: invalid distance too far back");
    }

    #[test]
    fn output_blocks_respect_the_limit() {
        assert_eq!(next_room(0, usize::MAX, 10), 10);
        assert_eq!(next_room(10, usize::MAX, 10), BLOCK);
        assert_eq!(next_room(100_000, usize::MAX, 10), 100_000);
        assert_eq!(next_room(0, 5, BLOCK.min(5)), 5);
        assert_eq!(next_room(5, 7, 5), 2);
    }

    #[test]
    fn streams_copy_and_finish() {
        let Ok(mut s) = Stream::deflate(6, DEFLATED, 15, DEF_MEM_LEVEL, 0) else { panic!("init failed") };
        let mut head = Vec::new();
        s.step(b"shared ", &mut head, 1024, Z_NO_FLUSH);
        let Ok(mut c) = s.copy() else { panic!("copy failed") };
        let mut a = head.clone();
        let mut b = head.clone();
        assert_eq!(s.step(b"one", &mut a, 1024, Z_FINISH).ret, Z_STREAM_END);
        assert_eq!(c.step(b"two", &mut b, 1024, Z_FINISH).ret, Z_STREAM_END);
        assert_eq!(decompress_bytes(&a, 15, 1).ok(), Some(b"shared one".to_vec()));
        assert_eq!(decompress_bytes(&b, 15, 1).ok(), Some(b"shared two".to_vec()));
        assert!(s.end().is_ok());
        assert_eq!(Stream::inflate(100).err().map(|e| e.0), Some(Z_STREAM_ERROR));
    }

    // Expected values from python3: zlib.adler32(b"hello"), adler32(b"hello", 7).
    #[test]
    fn checksums() {
        assert_eq!(adler32(b"hello", 1), 103547413);
        assert_eq!(adler32(b"hello", 7), 105513499);
    }
}
