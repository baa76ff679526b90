//! The stream core: the standard streams, the files `open()` returns, and
//! TextIOWrapper / Buffered* objects built over other objects. A text stream
//! (`_io.TextIOWrapper`) and its binary views (`_io.BufferedReader`/
//! `BufferedWriter`/`BufferedRandom`/`FileIO`) share one core with CPython's
//! two levels of buffering (text pending bytes, then the binary buffer),
//! line buffering on terminals and for stderr, and the stream's codec and
//! error handler. Over a descriptor the core makes the system calls itself
//! (so print() stays fast); over any other object (`backend`) it calls that
//! object's read/read1/write/flush/seek/tell/close methods instead.

use std::cell::{Cell, RefCell};

use crate::object::protocol;
use crate::object::typeobj::{PyType, TypeObject, TPFLAGS_BASETYPE, TPFLAGS_HAVE_GC};
use crate::object::value::{PyObject, PyPayload, Value};
use crate::runtime::errors::{PyErr, PyResult};
use crate::runtime::thread::ThreadState;
use crate::types::{bool_, descr, exceptions as exc, int, none, str as pystr};

use super::{closed_error, size_arg, unsupported};

/// A text stream over a file descriptor (`_io.TextIOWrapper`), and the core its binary view shares.
pub struct TextStream {
    pub(super) fd: i32,
    /// `name`: "<stdout>" for the standard streams, the path (or fd) of files.
    pub(super) name: Value,
    /// The text mode shown by `mode` ("r", "w", "a+"...); binary views add "b".
    pub(super) mode: String,
    pub(super) encoding: RefCell<String>,
    pub(super) codec: Cell<crate::stringlib::codecs::Encoding>,
    pub(super) errors: RefCell<String>,
    pub(super) line_buffered: Cell<bool>,
    pub(super) writable: bool,
    /// Close the descriptor when the stream closes (files, not std streams).
    pub(super) closefd: bool,
    /// Universal newlines on reading (newline=None): "\r\n" and "\r" read as "\n".
    pub(super) translate: Cell<bool>,
    /// A "\r" ended the last chunk read: drop a "\n" starting the next one.
    pub(super) cr_carry: Cell<bool>,
    /// What "\n" becomes on writing (newline="\r" or "\r\n").
    pub(super) write_newline: Cell<Option<&'static str>>,
    /// Where read lines end (after any translation).
    pub(super) line_end: Cell<LineEnd>,
    /// The Python type of the binary view.
    pub(super) binary_type: &'static PyType,
    /// Encoded text not yet handed to the binary buffer (TextIOWrapper's
    /// pending bytes): bytes written to `.buffer` directly go ahead of it.
    pub(super) text_pending: RefCell<Vec<u8>>,
    /// The binary buffer (BufferedWriter's).
    pub(super) buffer: RefCell<Vec<u8>>,
    pub(super) closed: Cell<bool>,
    pub(super) readable: bool,
    /// Bytes read from the fd but not yet returned (stdin): the binary
    /// layer's buffer.
    pub(super) pending: RefCell<Vec<u8>>,
    /// Input the text layer took from the binary layer and has not returned.
    pub(super) text_in: RefCell<Vec<u8>>,
    pub(super) eof: Cell<bool>,
    /// The binary stream underneath (`sys.stdout.buffer`), made on first use.
    pub(super) binary: RefCell<Option<Value>>,
    /// Unbuffered output (-u): the binary stream is a raw `FileIO`.
    pub(super) raw: bool,
    /// The object beneath when the stream is not over a descriptor: the
    /// binary buffer a TextIOWrapper wraps, or the raw stream of a
    /// Buffered* object (`backend_raw`).
    pub(super) backend: Option<Value>,
    pub(super) backend_raw: bool,
    /// Written text goes to the buffer at once (`write_through`).
    pub(super) write_through: Cell<bool>,
    /// detach() was called: the object beneath is no longer ours.
    pub(super) detached: Cell<bool>,
    /// Newline kinds read so far in universal mode (SEEN_* bits of newlines.rs).
    pub(super) seennl: Cell<u8>,
    /// The instance `__dict__` (open() sets `mode` there for wrappers), made on first store.
    pub(super) dict: RefCell<Option<Value>>,
    /// Input bytes of a UTF-16/32 stream not yet transcoded (a split code unit).
    pub(super) wide_carry: RefCell<Vec<u8>>,
    /// Iteration (`__next__`) is under way: tell() refuses until EOF or a flush, as CPython's.
    pub(super) telling_off: Cell<bool>,
}

/// Line endings recognized when reading text.
#[derive(Clone, Copy, PartialEq, Eq)]
pub(super) enum LineEnd {
    /// "\n" (newline="\n", or None after translation).
    Lf,
    /// "\n", "\r" or "\r\n", kept as they are (newline="").
    Universal,
    /// "\r" only.
    Cr,
    /// "\r\n" only.
    CrLf,
}

/// `sys.stdout.buffer`: a binary view of a standard stream that shares its
/// buffers, so text and bytes written through either come out in order.
pub struct BinaryStream {
    /// The stream core; empty until `__init__` for a subclass whose
    /// construction is left to it (see bufferedio's constructors).
    text: std::cell::OnceCell<Value>,
    /// The raw stream beneath (`.raw`): a FileIO view of the same core, made on first use.
    raw: RefCell<Option<Value>>,
    /// The instance `__dict__`, made on first store.
    dict: RefCell<Option<Value>>,
}

impl BinaryStream {
    /// A binary view of the stream core `text`.
    pub fn new(text: Value) -> BinaryStream {
        BinaryStream { text: text.into(), raw: RefCell::new(None), dict: RefCell::new(None) }
    }

    /// A stream of a subclass whose `__init__` has not built it yet.
    pub fn uninitialized() -> BinaryStream {
        BinaryStream { text: std::cell::OnceCell::new(), raw: RefCell::new(None), dict: RefCell::new(None) }
    }

    /// The core, ValueError before `__init__` built it (CPython's CHECK_INITIALIZED).
    fn core(&self) -> PyResult<&Value> {
        self.text.get().ok_or_else(|| PyErr::value_error("I/O operation on uninitialized object"))
    }

    /// Build a stream left to `__init__`: false when it was already built.
    pub fn initialize(&self, core: Value, raw: Option<Value>) -> bool {
        if self.text.set(core).is_err() {
            return false;
        }
        *self.raw.borrow_mut() = raw;
        true
    }

    /// The raw stream beneath, if known.
    pub fn raw_value(&self) -> Option<Value> {
        self.raw.borrow().clone()
    }

    /// Remember the raw stream beneath.
    pub fn set_raw(&self, raw: Value) {
        *self.raw.borrow_mut() = Some(raw);
    }
}

/// After detach(): a stream over an object beneath stops using it (and
/// will not close it); descriptor streams stay as they are.
pub(super) fn mark_detached(s: &TextStream) {
    if s.backend.is_some() {
        s.closed.set(true);
        s.detached.set(true);
    }
}

/// `_io.TextIOWrapper`.
pub static TEXT_STREAM_TYPE: PyType = PyObject::new_static(
    &crate::types::typeobject::TYPE_TYPE,
    TypeObject::builtin::<TextStream>("_io.TextIOWrapper", &TEXT_STREAM_TYPE, Some(&super::iobase::TEXT_IO_BASE_TYPE), TPFLAGS_BASETYPE | TPFLAGS_HAVE_GC),
);

impl PyPayload for TextStream {
    fn class() -> &'static PyType {
        &TEXT_STREAM_TYPE
    }
}

/// `_io.BufferedWriter` (stdout, stderr).
pub static BUFFERED_WRITER_TYPE: PyType = PyObject::new_static(
    &crate::types::typeobject::TYPE_TYPE,
    TypeObject::builtin::<BinaryStream>("_io.BufferedWriter", &BUFFERED_WRITER_TYPE, Some(&super::iobase::BUFFERED_IO_BASE_TYPE), TPFLAGS_BASETYPE | TPFLAGS_HAVE_GC),
);

/// `_io.BufferedReader` (stdin), with the writer's layout.
pub static BUFFERED_READER_TYPE: PyType = PyObject::new_static(
    &crate::types::typeobject::TYPE_TYPE,
    TypeObject::builtin_sublayout(
        "_io.BufferedReader",
        &super::iobase::BUFFERED_IO_BASE_TYPE,
        &BUFFERED_WRITER_TYPE,
        std::mem::size_of::<PyObject<BinaryStream>>(),
        crate::object::value::dealloc_builtin::<BinaryStream>,
        TPFLAGS_BASETYPE | TPFLAGS_HAVE_GC,
    ),
);

/// `_io.FileIO`: the binary stream of unbuffered stdout and stderr.
pub static FILE_IO_TYPE: PyType = PyObject::new_static(
    &crate::types::typeobject::TYPE_TYPE,
    TypeObject::builtin_sublayout(
        "_io.FileIO",
        &super::iobase::RAW_IO_BASE_TYPE,
        &BUFFERED_WRITER_TYPE,
        std::mem::size_of::<PyObject<BinaryStream>>(),
        crate::object::value::dealloc_builtin::<BinaryStream>,
        TPFLAGS_BASETYPE | TPFLAGS_HAVE_GC,
    ),
);

/// `_io.BufferedRandom` (files opened for reading and writing).
pub static BUFFERED_RANDOM_TYPE: PyType = PyObject::new_static(
    &crate::types::typeobject::TYPE_TYPE,
    TypeObject::builtin_sublayout(
        "_io.BufferedRandom",
        &super::iobase::BUFFERED_IO_BASE_TYPE,
        &BUFFERED_WRITER_TYPE,
        std::mem::size_of::<PyObject<BinaryStream>>(),
        crate::object::value::dealloc_builtin::<BinaryStream>,
        TPFLAGS_BASETYPE | TPFLAGS_HAVE_GC,
    ),
);

/// `_io.BufferedRWPair`.
pub static BUFFERED_RW_PAIR_TYPE: PyType = PyObject::new_static(
    &crate::types::typeobject::TYPE_TYPE,
    TypeObject::builtin_sublayout(
        "_io.BufferedRWPair",
        &super::iobase::BUFFERED_IO_BASE_TYPE,
        &BUFFERED_WRITER_TYPE,
        std::mem::size_of::<PyObject<BinaryStream>>(),
        crate::object::value::dealloc_builtin::<BinaryStream>,
        TPFLAGS_BASETYPE | TPFLAGS_HAVE_GC,
    ),
);

/// The stream types, each after its base.
pub fn types() -> Vec<&'static PyType> {
    vec![&BUFFERED_WRITER_TYPE, &BUFFERED_READER_TYPE, &BUFFERED_RANDOM_TYPE, &BUFFERED_RW_PAIR_TYPE, &FILE_IO_TYPE, &TEXT_STREAM_TYPE]
}

impl PyPayload for BinaryStream {
    fn class() -> &'static PyType {
        &BUFFERED_WRITER_TYPE
    }
}

/// A stream over `fd` (0, 1 or 2) with the error handler `errors`.
pub fn new_stream(fd: i32, unbuffered: bool, errors: &str) -> PyResult<Value> {
    // SAFETY: isatty has no preconditions.
    let tty = unsafe { libc::isatty(fd) } == 1;
    let name = match fd {
        0 => "<stdin>",
        1 => "<stdout>",
        _ => "<stderr>",
    };
    let raw = unbuffered && fd != 0;
    Value::new(TextStream {
        fd,
        name: pystr::new_str(name),
        mode: (if fd == 0 { "r" } else { "w" }).to_string(),
        encoding: RefCell::new("utf-8".to_string()),
        codec: Cell::new(crate::stringlib::codecs::Encoding::Utf8),
        errors: RefCell::new(errors.to_string()),
        // -u streams write through instead (see `raw`).
        line_buffered: Cell::new(!unbuffered && (tty || fd == 2)),
        writable: fd != 0,
        closefd: false,
        translate: Cell::new(false),
        cr_carry: Cell::new(false),
        write_newline: Cell::new(None),
        line_end: Cell::new(LineEnd::Lf),
        binary_type: match (fd == 0, raw) {
            (true, _) => &BUFFERED_READER_TYPE,
            (false, true) => &FILE_IO_TYPE,
            (false, false) => &BUFFERED_WRITER_TYPE,
        },
        text_pending: RefCell::new(Vec::new()),
        buffer: RefCell::new(Vec::new()),
        closed: Cell::new(false),
        readable: fd == 0,
        pending: RefCell::new(Vec::new()),
        text_in: RefCell::new(Vec::new()),
        eof: Cell::new(false),
        binary: RefCell::new(None),
        raw,
        backend: None,
        backend_raw: false,
        // -u: every stream writes through, stdin included (as CPython's create_stdio).
        write_through: Cell::new(unbuffered),
        detached: Cell::new(false),
        seennl: Cell::new(0),
        dict: RefCell::new(None),
        wide_carry: RefCell::new(Vec::new()),
        telling_off: Cell::new(false),
    })
}

/// The running thread's state (for calls into the object beneath a stream).
pub(super) fn current_ts() -> PyResult<&'static ThreadState> {
    ThreadState::current().ok_or_else(|| PyErr::system_error("no thread state"))
}

fn this(v: &Value) -> PyResult<&TextStream> {
    v.downcast::<TextStream>().ok_or_else(|| PyErr::type_error("stream expected"))
}

/// The stream, ValueError if detach() was called (CPython's CHECK_ATTACHED).
fn attached(v: &Value) -> PyResult<&TextStream> {
    let s = this(v)?;
    if s.detached.get() {
        return Err(PyErr::value_error("underlying buffer has been detached"));
    }
    Ok(s)
}

pub(super) fn write_all(fd: i32, mut data: &[u8]) -> PyResult<()> {
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

/// TextIOWrapper's chunk size and BufferedWriter's buffer size.
const CHUNK: usize = 8192;

impl TextStream {
    /// Flush the text layer into the binary buffer, and the buffer to the fd.
    pub fn flush(&self) -> PyResult<()> {
        self.push_text();
        self.flush_binary()
    }

    /// Hand pending text to the binary buffer.
    fn push_text(&self) {
        let text = std::mem::take(&mut *self.text_pending.borrow_mut());
        self.buffer.borrow_mut().extend_from_slice(&text);
    }

    /// Write the binary buffer out (BufferedWriter.flush).
    fn flush_binary(&self) -> PyResult<()> {
        let data = std::mem::take(&mut *self.buffer.borrow_mut());
        self.sink(&data)?;
        match &self.backend {
            Some(b) if !self.backend_raw => protocol::call_method(current_ts()?, b, "flush", &[]).map(drop),
            _ => Ok(()),
        }
    }

    /// Hand pending text and buffered bytes to what is beneath, without
    /// flushing it (write_through).
    fn push_through(&self) -> PyResult<()> {
        self.push_text();
        let data = std::mem::take(&mut *self.buffer.borrow_mut());
        self.sink(&data)
    }

    /// Write bytes to the descriptor or the object beneath.
    fn sink(&self, mut data: &[u8]) -> PyResult<()> {
        let Some(b) = &self.backend else {
            return write_all(self.fd, data);
        };
        let ts = current_ts()?;
        while !data.is_empty() {
            let n = protocol::call_method(ts, b, "write", &[crate::types::bytes::new_bytes(data.to_vec())])?;
            if none::is_none(&n) {
                return Err(PyErr::new(&exc::BLOCKING_IO_ERROR, "write could not complete without blocking"));
            }
            let n = protocol::index_isize(ts, &n)?;
            if n < 0 || n as usize > data.len() {
                return Err(PyErr::new(&exc::OS_ERROR, format!("raw write() returned invalid length {n} (should have been between 0 and {})", data.len())));
            }
            if n == 0 {
                // Nothing taken: stop rather than spin.
                break;
            }
            data = &data[n as usize..];
        }
        Ok(())
    }

    fn encode(&self, s: &crate::stringlib::StrData) -> Vec<u8> {
        match s.as_str().filter(|_| self.codec.get() == crate::stringlib::codecs::Encoding::Utf8) {
            Some(t) => t.as_bytes().to_vec(),
            None => {
                let handler = crate::stringlib::codecs::ErrorHandler::from_name(&self.errors.borrow())
                    .unwrap_or(crate::stringlib::codecs::ErrorHandler::Strict);
                crate::stringlib::codecs::encode(self.codec.get(), s, handler)
                    .unwrap_or_else(|_| s.to_string_lossy().into_bytes())
            }
        }
    }

    /// After the first text written (or when a file is not written from its
    /// start), the codec goes on without a byte order mark, as CPython's
    /// encoder does after its first call.
    pub(super) fn drop_bom(&self) {
        use crate::stringlib::codecs::Encoding as E;
        let little = cfg!(target_endian = "little");
        let next = match self.codec.get() {
            E::Utf8Sig => E::Utf8,
            E::Utf16 => if little { E::Utf16Le } else { E::Utf16Be },
            E::Utf32 => if little { E::Utf32Le } else { E::Utf32Be },
            _ => return,
        };
        self.codec.set(next);
    }

    /// Before writing after reading: the descriptor goes back over the
    /// bytes read ahead but not consumed, so the write lands at the logical
    /// position (BufferedRandom's rewind).
    fn rewind_read_ahead(&self) {
        let ahead = self.pending.borrow().len();
        if ahead == 0 || self.backend.is_some() {
            return;
        }
        // SAFETY: lseek has no memory effects.
        if unsafe { libc::lseek(self.fd, -(ahead as libc::off_t), libc::SEEK_CUR) } >= 0 {
            self.pending.borrow_mut().clear();
            self.eof.set(false);
        }
    }

    /// Write bytes through the binary stream: straight to the fd when
    /// unbuffered, else into the binary buffer (ahead of pending text).
    pub fn write_bytes(&self, bytes: &[u8]) -> PyResult<()> {
        if self.closed.get() {
            return Err(PyErr::value_error(if self.raw { "I/O operation on closed file" } else { "write to closed file" }));
        }
        self.rewind_read_ahead();
        if self.raw {
            return self.sink(bytes);
        }
        let full = {
            let mut buf = self.buffer.borrow_mut();
            buf.extend_from_slice(bytes);
            buf.len() >= CHUNK
        };
        if full {
            self.flush_binary()?;
        }
        Ok(())
    }

    /// Write text: encoded into the text layer's pending bytes, flushed per the buffering rules.
    pub fn write_str(&self, s: &crate::stringlib::StrData) -> PyResult<()> {
        if self.closed.get() {
            return Err(PyErr::value_error("I/O operation on closed file."));
        }
        let needs_check = s.has_surrogates() || (self.codec.get() != crate::stringlib::codecs::Encoding::Utf8 && !s.is_ascii());
        if *self.errors.borrow() == "strict" && needs_check {
            let bytes = crate::stringlib::codecs::encode(self.codec.get(), s, crate::stringlib::codecs::ErrorHandler::Strict);
            if let Err(e) = bytes {
                let msg = crate::stringlib::codecs::encode_error_message(e.encoding, s, e.start, e.end, e.reason);
                return Err(PyErr::new(&exc::UNICODE_ENCODE_ERROR, msg));
            }
        }
        let mut bytes = self.encode(s);
        if !bytes.is_empty() {
            self.drop_bom();
            self.rewind_read_ahead();
        }
        let has_newline = bytes.contains(&b'\n');
        if let Some(nl) = self.write_newline.get().filter(|_| has_newline) {
            let mut out = Vec::with_capacity(bytes.len() + 8);
            for b in bytes {
                if b == b'\n' {
                    out.extend_from_slice(nl.as_bytes());
                } else {
                    out.push(b);
                }
            }
            bytes = out;
        }
        let pending = {
            let mut p = self.text_pending.borrow_mut();
            p.extend_from_slice(&bytes);
            p.len()
        };
        if self.raw || (self.line_buffered.get() && has_newline) {
            return self.flush();
        }
        if self.write_through.get() {
            return self.push_through();
        }
        if pending >= CHUNK {
            self.push_text();
            if self.buffer.borrow().len() >= CHUNK {
                self.flush_binary()?;
            }
        }
        Ok(())
    }

    pub(super) fn fill(&self) -> PyResult<bool> {
        if let Some(b) = &self.backend {
            let ts = current_ts()?;
            let read1 = if self.backend_raw { None } else { protocol::lookup_attr(ts, b, &pystr::intern("read1"))? };
            let (data, what) = match read1 {
                Some(f) => (protocol::call(ts, &f, &[int::from_i64(CHUNK as i64)], None)?, "read1"),
                None => (protocol::call_method(ts, b, "read", &[int::from_i64(CHUNK as i64)])?, "read"),
            };
            if none::is_none(&data) {
                return Ok(false);
            }
            let Some(d) = crate::types::bytes::buffer_data(&data) else {
                return Err(PyErr::type_error(format!(
                    "underlying {what}() should have returned a bytes-like object, not '{}'",
                    protocol::type_name(&data)
                )));
            };
            if d.is_empty() {
                self.eof.set(true);
                return Ok(false);
            }
            self.pending.borrow_mut().extend_from_slice(&d);
            return Ok(true);
        }
        let mut chunk = [0u8; 4096];
        // SAFETY: `chunk` is a valid writable buffer.
        let n = unsafe { libc::read(self.fd, chunk.as_mut_ptr() as *mut libc::c_void, chunk.len()) };
        if n <= 0 {
            self.eof.set(true);
            return Ok(false);
        }
        self.pending.borrow_mut().extend_from_slice(&chunk[..n as usize]);
        Ok(true)
    }

    /// Byte width of the character starting with byte `b` in the codec
    /// (UTF-8 lead bytes; one byte for single-byte codecs).
    fn char_width(&self, b: u8) -> usize {
        if self.codec.get() != crate::stringlib::codecs::Encoding::Utf8 && !self.is_wide() {
            return 1;
        }
        match b {
            0xc0..=0xdf => 2,
            0xe0..=0xef => 3,
            0xf0..=0xf7 => 4,
            _ => 1,
        }
    }

    /// Byte length of the first `n` characters of `data` and how many
    /// characters that is; a trailing incomplete sequence counts only if
    /// `ended`.
    fn char_prefix_of(&self, data: &[u8], n: usize, ended: bool) -> (usize, usize) {
        let (mut i, mut count) = (0, 0);
        let translate = self.translate.get();
        while i < data.len() && count < n {
            // Untranslated input: "\r\n" is one character; a final "\r" waits for what follows.
            let width = match data[i] {
                b'\r' if translate => match data.get(i + 1) {
                    Some(b'\n') => 2,
                    Some(_) => 1,
                    None if ended => 1,
                    None => break,
                },
                b => self.char_width(b),
            };
            if i + width > data.len() && !ended {
                break;
            }
            i = (i + width).min(data.len());
            count += 1;
        }
        (i, count)
    }

    fn char_prefix(&self, n: usize) -> (usize, usize) {
        let ended = self.eof.get() && self.pending.borrow().is_empty();
        self.char_prefix_of(&self.text_in.borrow(), n, ended)
    }

    /// Decode input bytes with the stream's codec and error handler.
    pub fn decode(&self, bytes: &[u8]) -> PyResult<Value> {
        use crate::stringlib::codecs;
        if self.is_wide() {
            // The text layer holds UTF-8 (lone surrogates as WTF-8) transcoded from the input.
            if let Ok(t) = std::str::from_utf8(bytes) {
                return Ok(pystr::new_str(t));
            }
            return codecs::decode(codecs::Encoding::Utf8, bytes, codecs::ErrorHandler::SurrogatePass)
                .map(pystr::from_data)
                .map_err(|_| PyErr::new(&exc::UNICODE_DECODE_ERROR, "invalid transcoded text"));
        }
        if self.codec.get() == codecs::Encoding::Utf8 {
            if let Ok(t) = std::str::from_utf8(bytes) {
                return Ok(pystr::new_str(t));
            }
        }
        let handler = codecs::ErrorHandler::from_name(&self.errors.borrow()).unwrap_or(codecs::ErrorHandler::Strict);
        match codecs::decode(self.codec.get(), bytes, handler) {
            Ok(d) => Ok(pystr::from_data(d)),
            Err(e) => Err(PyErr::new(
                &exc::UNICODE_DECODE_ERROR,
                codecs::decode_error_message(e.encoding, bytes, e.start, e.end, e.reason),
            )),
        }
    }

    /// Take up to `n` characters from the text layer's input.
    fn take_chars(&self, n: usize) -> Vec<u8> {
        let (len, _) = self.char_prefix(n);
        let raw: Vec<u8> = self.text_in.borrow_mut().drain(..len).collect();
        self.translated(raw)
    }

    /// Input as read (the text layer keeps it untranslated, so positions
    /// stay byte-exact) with universal newlines applied when translating.
    fn translated(&self, raw: Vec<u8>) -> Vec<u8> {
        if !self.translate.get() || !raw.contains(&b'\r') {
            return raw;
        }
        let mut out = Vec::with_capacity(raw.len());
        let mut i = 0;
        while i < raw.len() {
            if raw[i] == b'\r' {
                out.push(b'\n');
                if raw.get(i + 1) == Some(&b'\n') {
                    i += 1;
                }
            } else {
                out.push(raw[i]);
            }
            i += 1;
        }
        out
    }

    /// Read up to `n` characters (all of the input when None), as bytes.
    pub fn read_chars(&self, n: Option<usize>) -> PyResult<Vec<u8>> {
        match n {
            None => {
                if let Some(b) = self.backend.as_ref().filter(|_| !self.backend_raw) {
                    // As CPython: the rest of the buffer in one read() call.
                    let ts = current_ts()?;
                    let data = protocol::call_method(ts, b, "read", &[])?;
                    if !none::is_none(&data) {
                        let Some(d) = crate::types::bytes::try_bytes_data(&data) else {
                            return Err(PyErr::type_error(format!(
                                "underlying read() should have returned a bytes object, not '{}'",
                                protocol::type_name(&data)
                            )));
                        };
                        self.pending.borrow_mut().extend_from_slice(&d);
                    }
                    let was_eof = self.eof.replace(true);
                    let r = (|| {
                        while self.text_fill()? {}
                        Ok(self.translated(std::mem::take(&mut *self.text_in.borrow_mut())))
                    })();
                    self.eof.set(was_eof);
                    return r;
                }
                while self.text_fill()? {}
                Ok(self.translated(std::mem::take(&mut *self.text_in.borrow_mut())))
            }
            Some(n) => {
                while self.char_prefix(n).1 < n && self.text_fill()? {}
                Ok(self.take_chars(n))
            }
        }
    }

    /// One line of at most `limit` characters (None: no limit), as bytes.
    pub fn readline_limited(&self, limit: Option<usize>) -> PyResult<Vec<u8>> {
        let mut line = self.readline_raw()?;
        if let Some(n) = limit {
            let (cut, count) = self.char_prefix_of(&line, n, true);
            if count == n && cut < line.len() {
                // Give back the bytes past the limit.
                let rest = line.split_off(cut);
                let mut p = self.text_in.borrow_mut();
                let tail = std::mem::take(&mut *p);
                p.extend_from_slice(&rest);
                p.extend_from_slice(&tail);
            }
        }
        Ok(self.translated(line))
    }

    /// The end (exclusive) of the first line in `data`, if a whole line is
    /// there; a "\r" at the very end is undecided until input ends.
    fn line_end_in(&self, data: &[u8], ended: bool) -> Option<usize> {
        let kind = if self.translate.get() { LineEnd::Universal } else { self.line_end.get() };
        match kind {
            LineEnd::Lf => data.iter().position(|b| *b == b'\n').map(|i| i + 1),
            LineEnd::Cr => data.iter().position(|b| *b == b'\r').map(|i| i + 1),
            LineEnd::CrLf => data.windows(2).position(|w| w == b"\r\n").map(|i| i + 2),
            LineEnd::Universal => {
                let i = data.iter().position(|b| *b == b'\n' || *b == b'\r')?;
                if data[i] == b'\n' {
                    return Some(i + 1);
                }
                match data.get(i + 1) {
                    Some(b'\n') => Some(i + 2),
                    Some(_) => Some(i + 1),
                    None if ended => Some(i + 1),
                    None => None,
                }
            }
        }
    }

    /// One line of text-layer input, as bytes (line ending included).
    pub fn readline(&self) -> PyResult<Vec<u8>> {
        let raw = self.readline_raw()?;
        Ok(self.translated(raw))
    }

    /// One line of input as read (no newline translation).
    fn readline_raw(&self) -> PyResult<Vec<u8>> {
        loop {
            let ended = self.eof.get() && self.pending.borrow().is_empty();
            // The shared borrow must end before the mutable one below.
            let end = self.line_end_in(&self.text_in.borrow(), ended);
            if let Some(end) = end {
                return Ok(self.text_in.borrow_mut().drain(..end).collect());
            }
            if !self.text_fill()? {
                let ended_now = self.line_end_in(&self.text_in.borrow(), true);
                if let Some(end) = ended_now {
                    return Ok(self.text_in.borrow_mut().drain(..end).collect());
                }
                return Ok(std::mem::take(&mut *self.text_in.borrow_mut()));
            }
        }
    }

    /// One line of binary-layer input (BufferedReader.readline).
    fn binary_readline(&self) -> PyResult<Vec<u8>> {
        loop {
            let newline = self.pending.borrow().iter().position(|b| *b == b'\n');
            if let Some(pos) = newline {
                return Ok(self.pending.borrow_mut().drain(..=pos).collect());
            }
            if self.eof.get() || !self.fill()? {
                return Ok(std::mem::take(&mut *self.pending.borrow_mut()));
            }
        }
    }

    /// Whether the codec is UTF-16 or UTF-32, whose input the text layer
    /// keeps transcoded to UTF-8 (line ends and widths are then found as for UTF-8).
    fn is_wide(&self) -> bool {
        use crate::stringlib::codecs::Encoding as E;
        matches!(self.codec.get(), E::Utf16 | E::Utf16Le | E::Utf16Be | E::Utf32 | E::Utf32Le | E::Utf32Be)
    }

    /// Decode the whole code units of `chunk` (after any carried bytes) into
    /// UTF-8; a byte order mark at the start picks the byte order.
    fn transcode(&self, chunk: Vec<u8>, ended: bool) -> PyResult<Vec<u8>> {
        use crate::stringlib::codecs::{self, Encoding as E};
        let mut data = std::mem::take(&mut *self.wide_carry.borrow_mut());
        data.extend_from_slice(&chunk);
        let codec = self.codec.get();
        let unit = if matches!(codec, E::Utf16 | E::Utf16Le | E::Utf16Be) { 2 } else { 4 };
        let mut start = 0;
        let resolved = match codec {
            E::Utf16 | E::Utf32 => {
                if data.len() < unit && !ended {
                    *self.wide_carry.borrow_mut() = data;
                    return Ok(Vec::new());
                }
                let (le, be) = if unit == 2 { (E::Utf16Le, E::Utf16Be) } else { (E::Utf32Le, E::Utf32Be) };
                let bom_le: &[u8] = if unit == 2 { b"\xff\xfe" } else { b"\xff\xfe\0\0" };
                let bom_be: &[u8] = if unit == 2 { b"\xfe\xff" } else { b"\0\0\xfe\xff" };
                let next = if data.starts_with(bom_le) {
                    start = unit;
                    le
                } else if data.starts_with(bom_be) {
                    start = unit;
                    be
                } else if cfg!(target_endian = "little") {
                    le
                } else {
                    be
                };
                self.codec.set(next);
                next
            }
            c => c,
        };
        let body = &data[start..];
        let mut whole = body.len() - body.len() % unit;
        // Keep a high surrogate whose pair may come in the next chunk.
        if unit == 2 && whole >= 2 && !ended {
            let last = &body[whole - 2..whole];
            let u = if resolved == E::Utf16Le { u16::from_le_bytes([last[0], last[1]]) } else { u16::from_be_bytes([last[0], last[1]]) };
            if (0xd800..0xdc00).contains(&u) {
                whole -= 2;
            }
        }
        let take = if ended { body.len() } else { whole };
        *self.wide_carry.borrow_mut() = body[take..].to_vec();
        let handler = codecs::ErrorHandler::from_name(&self.errors.borrow()).unwrap_or(codecs::ErrorHandler::Strict);
        match codecs::decode(resolved, &body[..take], handler) {
            Ok(d) => Ok(d.to_wtf8().as_bytes().to_vec()),
            Err(e) => Err(PyErr::new(
                &exc::UNICODE_DECODE_ERROR,
                codecs::decode_error_message(e.encoding, &data[..start + take], e.start + start, e.end + start, e.reason),
            )),
        }
    }

    /// Note the kinds of line endings in `chunk` (for `newlines`).
    fn record_newlines(&self, chunk: &[u8]) {
        let mut seen = self.seennl.get();
        for (i, &b) in chunk.iter().enumerate() {
            match b {
                b'\r' if chunk.get(i + 1) == Some(&b'\n') => seen |= 4,
                b'\r' => seen |= 1,
                b'\n' if i > 0 && chunk[i - 1] == b'\r' => {}
                b'\n' if i == 0 && self.cr_carry.get() => {}
                b'\n' => seen |= 2,
                _ => {}
            }
        }
        self.seennl.set(seen);
    }

    /// Move the next chunk of input from the binary layer to the text
    /// layer, as TextIOWrapper does with `buffer.read1(8192)`: whatever
    /// the binary buffer holds, or one read from the fd.
    fn text_fill(&self) -> PyResult<bool> {
        if self.pending.borrow().is_empty() && (self.eof.get() || !self.fill()?) {
            if !self.wide_carry.borrow().is_empty() {
                // Input ended inside a code unit.
                let carry = std::mem::take(&mut *self.wide_carry.borrow_mut());
                self.transcode(carry, true)?;
            }
            return Ok(false);
        }
        let mut p = self.pending.borrow_mut();
        let n = p.len().min(CHUNK);
        let chunk: Vec<u8> = p.drain(..n).collect();
        drop(p);
        let chunk = if self.is_wide() {
            let ended = self.eof.get() && self.pending.borrow().is_empty();
            self.transcode(chunk, ended)?
        } else {
            chunk
        };
        if self.translate.get() || self.line_end.get() == LineEnd::Universal {
            self.record_newlines(&chunk);
        }
        self.cr_carry.set(chunk.last() == Some(&b'\r'));
        self.text_in.borrow_mut().extend_from_slice(&chunk);
        Ok(true)
    }
}


fn m_write(ts: &ThreadState, v: &Value, a: &[Value], k: Option<&Value>) -> PyResult<Value> {
    let a = crate::object::args::exact("TextIOWrapper.write", a, k, 1)?;
    let s = pystr::as_pystr(&a[0]).ok_or_else(|| {
        PyErr::type_error(format!("write() argument must be str, not {}", protocol::type_name(&a[0])))
    })?;
    let st = attached(v)?;
    if st.closed.get() {
        return Err(closed_error());
    }
    if !st.writable {
        return Err(unsupported(ts, "not writable"));
    }
    st.write_str(&s.data)?;
    Ok(int::from_i64(s.data.len() as i64))
}

fn m_writelines(ts: &ThreadState, v: &Value, a: &[Value], k: Option<&Value>) -> PyResult<Value> {
    let a = crate::object::args::exact("TextIOWrapper.writelines", a, k, 1)?;
    if this(v)?.closed.get() {
        return Err(closed_error());
    }
    let it = protocol::get_iter(ts, &a[0])?;
    while let Some(line) = protocol::next(ts, &it)? {
        m_write(ts, v, &[line], None)?;
    }
    Ok(none::none())
}

/// The checks before reading; `flush_first` as readline does, which hands
/// pending written text to the binary buffer before looking for a decoder.
fn check_readable(ts: &ThreadState, s: &TextStream, flush_first: bool) -> PyResult<()> {
    if s.closed.get() {
        return Err(closed_error());
    }
    if flush_first {
        s.push_text();
    }
    if !s.readable {
        return Err(unsupported(ts, "not readable"));
    }
    Ok(())
}

fn m_readlines(ts: &ThreadState, v: &Value, a: &[Value], k: Option<&Value>) -> PyResult<Value> {
    let a = crate::object::args::positional("readlines", a, k, 0, 1)?;
    let hint = size_arg(ts, a.first())?.filter(|h| *h > 0);
    let s = attached(v)?;
    check_readable(ts, s, true)?;
    let mut lines = Vec::new();
    let mut total = 0;
    loop {
        let line = s.readline_limited(None)?;
        if line.is_empty() {
            break;
        }
        let line = s.decode(&line)?;
        total += pystr::str_len(&line);
        lines.push(line);
        if hint.is_some_and(|h| total >= h) {
            break;
        }
    }
    crate::types::list::new_list(lines)
}

/// Whether the descriptor can seek.
fn fd_seekable(fd: i32) -> bool {
    // SAFETY: lseek on a descriptor has no memory effects; failure means not seekable.
    unsafe { libc::lseek(fd, 0, libc::SEEK_CUR) >= 0 }
}

fn m_seekable(_ts: &ThreadState, v: &Value, _a: &[Value], _k: Option<&Value>) -> PyResult<Value> {
    let s = attached(v)?;
    if let Some(r) = s.delegate("seekable") {
        return r;
    }
    if s.closed.get() {
        return Err(PyErr::value_error("I/O operation on closed file"));
    }
    Ok(bool_::new_bool(s.seekable()?))
}

fn m_flush(_ts: &ThreadState, v: &Value, _a: &[Value], _k: Option<&Value>) -> PyResult<Value> {
    let s = attached(v)?;
    if s.closed.get() {
        return Err(closed_error());
    }
    s.telling_off.set(false);
    s.flush()?;
    Ok(none::none())
}

fn m_readline(ts: &ThreadState, v: &Value, a: &[Value], k: Option<&Value>) -> PyResult<Value> {
    let a = crate::object::args::positional("readline", a, k, 0, 1)?;
    let limit = match a.first() {
        Some(x) => usize::try_from(super::index_ssize(ts, x)?).ok(),
        None => None,
    };
    let s = attached(v)?;
    check_readable(ts, s, true)?;
    s.decode(&s.readline_limited(limit)?)
}

fn m_read(ts: &ThreadState, v: &Value, a: &[Value], k: Option<&Value>) -> PyResult<Value> {
    let a = crate::object::args::positional("read", a, k, 0, 1)?;
    let n = size_arg(ts, a.first())?;
    let s = attached(v)?;
    check_readable(ts, s, false)?;
    s.push_text();
    s.decode(&s.read_chars(n)?)
}

fn g_buffer(_ts: &ThreadState, v: &Value) -> PyResult<Value> {
    let s = attached(v)?;
    if let Some(b) = s.backend.as_ref().filter(|_| !s.backend_raw) {
        return Ok(b.clone());
    }
    if let Some(b) = s.binary.borrow().clone() {
        return Ok(b);
    }
    let b = Value::new_with_type(s.binary_type, BinaryStream::new(v.clone()))?;
    *s.binary.borrow_mut() = Some(b.clone());
    Ok(b)
}

/// The stream, if open (the binary layer's message, without a period).
fn open_stream(v: &Value) -> PyResult<&TextStream> {
    let s = this(v)?;
    if s.closed.get() {
        return Err(PyErr::value_error("I/O operation on closed file"));
    }
    Ok(s)
}

fn m_fileno(_ts: &ThreadState, v: &Value, _a: &[Value], _k: Option<&Value>) -> PyResult<Value> {
    if let Some(r) = this(v)?.delegate("fileno") {
        return r;
    }
    Ok(int::from_i64(open_stream(v)?.fd as i64))
}

fn m_isatty(_ts: &ThreadState, v: &Value, _a: &[Value], _k: Option<&Value>) -> PyResult<Value> {
    if let Some(r) = this(v)?.delegate("isatty") {
        return r;
    }
    // SAFETY: isatty has no preconditions.
    Ok(bool_::new_bool(unsafe { libc::isatty(open_stream(v)?.fd) } == 1))
}

impl TextStream {
    /// Flush, then close the descriptor if the stream owns it. Closing
    /// twice does nothing.
    pub fn close(&self) -> PyResult<()> {
        if self.closed.get() {
            return Ok(());
        }
        let flushed = if self.writable { self.flush() } else { Ok(()) };
        self.closed.set(true);
        if let Some(b) = &self.backend {
            let closed = protocol::call_method(current_ts()?, b, "close", &[]);
            return flushed.and(closed.map(drop));
        }
        if self.closefd {
            // SAFETY: the stream owns `fd` and closes it once.
            unsafe { libc::close(self.fd) };
        }
        flushed
    }

    /// Reposition the descriptor (written data flushed, read buffers
    /// dropped); returns the new byte offset.
    fn seek_to(&self, offset: i64, whence: i32) -> PyResult<i64> {
        self.flush()?;
        let buffered = (self.pending.borrow().len() + self.text_in.borrow().len()) as i64;
        let offset = if whence == libc::SEEK_CUR { offset - buffered } else { offset };
        if let Some(b) = &self.backend {
            let ts = current_ts()?;
            let pos = protocol::call_method(ts, b, "seek", &[int::from_i64(offset), int::from_i64(whence as i64)])?;
            let pos = int::to_i64_checked(&protocol::index(ts, &pos)?)?;
            self.pending.borrow_mut().clear();
            self.text_in.borrow_mut().clear();
            self.eof.set(false);
            self.cr_carry.set(false);
            return Ok(pos);
        }
        // SAFETY: lseek on a descriptor has no memory effects.
        let pos = unsafe { libc::lseek(self.fd, offset as libc::off_t, whence) };
        if pos < 0 {
            return Err(os_error(std::io::Error::last_os_error().raw_os_error().unwrap_or(libc::EINVAL), None));
        }
        self.pending.borrow_mut().clear();
        self.text_in.borrow_mut().clear();
        self.eof.set(false);
        self.cr_carry.set(false);
        self.seennl.set(0);
        Ok(pos as i64)
    }

    /// The logical position: the descriptor's, less what is buffered for
    /// reading, plus what is buffered for writing.
    fn tell_pos(&self) -> PyResult<i64> {
        if let Some(b) = &self.backend {
            self.flush()?;
            let ts = current_ts()?;
            let pos = protocol::call_method(ts, b, "tell", &[])?;
            let pos = int::to_i64_checked(&protocol::index(ts, &pos)?)?;
            return Ok(pos - (self.pending.borrow().len() + self.text_in.borrow().len()) as i64);
        }
        // SAFETY: lseek on a descriptor has no memory effects.
        let pos = unsafe { libc::lseek(self.fd, 0, libc::SEEK_CUR) };
        if pos < 0 {
            return Err(os_error(std::io::Error::last_os_error().raw_os_error().unwrap_or(libc::EINVAL), None));
        }
        let read_buffered = (self.pending.borrow().len() + self.text_in.borrow().len()) as i64;
        let write_buffered = (self.text_pending.borrow().len() + self.buffer.borrow().len()) as i64;
        Ok(pos as i64 - read_buffered + write_buffered)
    }
}

impl TextStream {
    /// Whether the stream can seek (asks the object beneath, if any).
    fn seekable(&self) -> PyResult<bool> {
        match &self.backend {
            Some(b) => {
                let ts = current_ts()?;
                let r = protocol::call_method(ts, b, "seekable", &[])?;
                protocol::is_true(ts, &r)
            }
            None => Ok(fd_seekable(self.fd)),
        }
    }

    /// Call `name()` on the object beneath, if any.
    fn delegate(&self, name: &str) -> Option<PyResult<Value>> {
        let b = self.backend.as_ref()?;
        Some(current_ts().and_then(|ts| protocol::call_method(ts, b, name, &[])))
    }

    /// An attribute of the object beneath, if any.
    fn delegate_attr(&self, name: &str) -> Option<PyResult<Value>> {
        let b = self.backend.as_ref()?;
        Some(current_ts().and_then(|ts| protocol::getattr_str(ts, b, name)))
    }
}

impl Drop for TextStream {
    fn drop(&mut self) {
        OPEN_FILES.with(|f| f.borrow_mut().remove(&(self as *const TextStream as usize)));
        if self.backend.is_some() {
            // As CPython's finalizer: close (and so flush) what is beneath.
            if !self.closed.get() && ThreadState::current().is_some() {
                let _ = self.close();
            }
            return;
        }
        // A file dropped while open is flushed and closed, as by __del__.
        if !self.closed.get() && self.closefd {
            let _ = self.close();
        }
    }
}

thread_local! {
    /// Files open()ed and not yet dropped, by payload address: flushed at
    /// exit, when the objects still referenced are never dropped.
    static OPEN_FILES: RefCell<std::collections::HashSet<usize>> = RefCell::new(std::collections::HashSet::new());
}

/// Flush and close the files still open at interpreter exit (as module
/// teardown does in CPython).
pub fn close_open_files() {
    let files: Vec<usize> = OPEN_FILES.with(|f| f.borrow_mut().drain().collect());
    for addr in files {
        // SAFETY: addresses are registered for live TextStream payloads and
        // removed by their Drop before the memory is freed.
        let stream = unsafe { &*(addr as *const TextStream) };
        let _ = stream.close();
    }
}

fn m_close(_ts: &ThreadState, v: &Value, _a: &[Value], _k: Option<&Value>) -> PyResult<Value> {
    this(v)?.close()?;
    Ok(none::none())
}

fn whence_arg(ts: &ThreadState, v: Option<&Value>) -> PyResult<i32> {
    match v {
        None => Ok(libc::SEEK_SET),
        Some(w) => {
            let w = protocol::index_isize(ts, w)?;
            match w {
                0 => Ok(libc::SEEK_SET),
                1 => Ok(libc::SEEK_CUR),
                2 => Ok(libc::SEEK_END),
                _ => Err(PyErr::value_error(format!("invalid whence ({w}, should be 0, 1 or 2)"))),
            }
        }
    }
}

fn m_seek(ts: &ThreadState, v: &Value, a: &[Value], k: Option<&Value>) -> PyResult<Value> {
    let a = crate::object::args::positional("seek", a, k, 1, 2)?;
    let s = attached(v)?;
    if s.closed.get() {
        return Err(closed_error());
    }
    s.telling_off.set(false);
    let whence = whence_arg(ts, a.get(1))?;
    let offset = protocol::index(ts, &a[0])?;
    let offset = int::as_int(&offset).and_then(|r| r.to_i64()).ok_or_else(|| PyErr::overflow_error("Python int too large to convert to C long"))?;
    if !s.seekable()? {
        return Err(unsupported(ts, "underlying stream is not seekable"));
    }
    if whence == libc::SEEK_CUR && offset != 0 {
        return Err(unsupported(ts, "can't do nonzero cur-relative seeks"));
    }
    if whence == libc::SEEK_END && offset != 0 {
        return Err(unsupported(ts, "can't do nonzero end-relative seeks"));
    }
    if whence == libc::SEEK_SET && offset < 0 {
        return Err(PyErr::value_error(format!("negative seek position {offset}")));
    }
    let pos = if whence == libc::SEEK_CUR { s.tell_pos()? } else { s.seek_to(offset, whence)? };
    Ok(int::from_i64(pos))
}

fn m_tell(ts: &ThreadState, v: &Value, _a: &[Value], _k: Option<&Value>) -> PyResult<Value> {
    let s = attached(v)?;
    if s.closed.get() {
        return Err(closed_error());
    }
    if !s.seekable()? {
        return Err(unsupported(ts, "underlying stream is not seekable"));
    }
    if s.telling_off.get() {
        return Err(PyErr::new(&exc::OS_ERROR, "telling position disabled by next() call"));
    }
    Ok(int::from_i64(s.tell_pos()?))
}

fn m_enter(_ts: &ThreadState, v: &Value, _a: &[Value], _k: Option<&Value>) -> PyResult<Value> {
    let s = stream_core(v)?;
    if s.closed.get() {
        return Err(closed_error());
    }
    Ok(v.clone())
}

fn m_exit(_ts: &ThreadState, v: &Value, _a: &[Value], _k: Option<&Value>) -> PyResult<Value> {
    stream_core(v)?.close()?;
    Ok(none::none())
}

/// The core of a text stream or of a binary view.
fn stream_core(v: &Value) -> PyResult<&TextStream> {
    match v.downcast::<BinaryStream>() {
        Some(b) => this(b.core()?),
        None => this(v),
    }
}

/// readable()/writable() as the layers beneath answer them: a buffered
/// file without the capability says False even when closed; one with it,
/// and a raw file, ask the raw file (which refuses when closed).
fn capability(s: &TextStream, raw_view: bool, flag: bool) -> PyResult<Value> {
    if !flag && !raw_view {
        return Ok(bool_::new_bool(false));
    }
    if s.closed.get() {
        return Err(PyErr::value_error("I/O operation on closed file"));
    }
    Ok(bool_::new_bool(flag))
}

fn m_writable(_ts: &ThreadState, v: &Value, _a: &[Value], _k: Option<&Value>) -> PyResult<Value> {
    let s = attached(v)?;
    if let Some(r) = s.delegate("writable") {
        return r;
    }
    capability(s, s.raw, s.writable)
}

fn m_readable(_ts: &ThreadState, v: &Value, _a: &[Value], _k: Option<&Value>) -> PyResult<Value> {
    let s = attached(v)?;
    if let Some(r) = s.delegate("readable") {
        return r;
    }
    capability(s, s.raw, s.readable)
}

fn g_encoding(_ts: &ThreadState, v: &Value) -> PyResult<Value> {
    Ok(pystr::new_str(&this(v)?.encoding.borrow()))
}
fn g_errors(_ts: &ThreadState, v: &Value) -> PyResult<Value> {
    Ok(pystr::new_str(&this(v)?.errors.borrow()))
}
fn g_name(_ts: &ThreadState, v: &Value) -> PyResult<Value> {
    let s = attached(v)?;
    if let Some(r) = s.delegate_attr("name") {
        return r;
    }
    Ok(s.name.clone())
}
fn g_mode(_ts: &ThreadState, v: &Value) -> PyResult<Value> {
    let s = this(v)?;
    // CPython keeps `mode` in the instance dict, where it can be replaced.
    if let Some(d) = s.dict.borrow().as_ref() {
        if let Some(m) = crate::types::dict::dict_get_str(d, &pystr::intern("mode")) {
            return Ok(m);
        }
    }
    if s.mode.is_empty() {
        return Err(protocol::no_attribute(v, &pystr::intern("mode")));
    }
    Ok(pystr::new_str(&s.mode))
}
fn g_newlines(_ts: &ThreadState, v: &Value) -> PyResult<Value> {
    let s = attached(v)?;
    let names: Vec<&str> = [(1u8, "\r"), (2, "\n"), (4, "\r\n")].iter().filter(|(bit, _)| s.seennl.get() & bit != 0).map(|(_, n)| *n).collect();
    match names.len() {
        0 => Ok(none::none()),
        1 => Ok(pystr::new_str(names[0])),
        _ => crate::types::tuple::new_tuple(names.iter().map(|n| pystr::new_str(n)).collect()),
    }
}
fn g_closed(_ts: &ThreadState, v: &Value) -> PyResult<Value> {
    let s = attached(v)?;
    if let Some(r) = s.delegate_attr("closed") {
        return r;
    }
    Ok(bool_::new_bool(s.closed.get()))
}
fn g_line_buffering(_ts: &ThreadState, v: &Value) -> PyResult<Value> {
    Ok(bool_::new_bool(this(v)?.line_buffered.get()))
}

pub(super) fn binary(v: &Value) -> PyResult<&TextStream> {
    let b = v.downcast::<BinaryStream>().ok_or_else(|| PyErr::type_error("binary stream expected"))?;
    this(b.core()?)
}

fn binary_name(v: &Value) -> &'static str {
    let t = v.type_of().data.name();
    match t.as_str() {
        "_io.FileIO" => "FileIO",
        "_io.BufferedReader" => "BufferedReader",
        "_io.BufferedRandom" => "BufferedRandom",
        _ => "BufferedWriter",
    }
}

fn b_write(ts: &ThreadState, v: &Value, a: &[Value], k: Option<&Value>) -> PyResult<Value> {
    let s = binary(v)?;
    let a = crate::object::args::exact(&format!("{}.write", binary_name(v)), a, k, 1)?;
    let raw_view = is_fileio(v);
    if !raw_view && !s.writable {
        return Err(unsupported(ts, "write"));
    }
    if s.closed.get() {
        return Err(PyErr::value_error(if raw_view { "I/O operation on closed file" } else { "write to closed file" }));
    }
    if !s.writable {
        return Err(unsupported(ts, if raw_view { "File not open for writing" } else { "write" }));
    }
    let data = crate::types::bytes::bytes_like(ts, &a[0])?;
    if raw_view && !s.raw {
        // The raw file under a buffered one: what is buffered goes first.
        s.flush()?;
        s.sink(&data)?;
        return Ok(int::from_i64(data.len() as i64));
    }
    s.write_bytes(&data)?;
    Ok(int::from_i64(data.len() as i64))
}

fn b_writelines(ts: &ThreadState, v: &Value, a: &[Value], k: Option<&Value>) -> PyResult<Value> {
    let a = crate::object::args::exact("writelines", a, k, 1)?;
    let it = protocol::get_iter(ts, &a[0])?;
    while let Some(line) = protocol::next(ts, &it)? {
        b_write(ts, v, &[line], None)?;
    }
    Ok(none::none())
}

fn b_flush(_ts: &ThreadState, v: &Value, a: &[Value], k: Option<&Value>) -> PyResult<Value> {
    crate::object::args::exact("flush", a, k, 0)?;
    let s = binary(v)?;
    if s.closed.get() {
        // Only a writer checks itself; the others ask the raw file (IOBase.flush).
        return Err(PyErr::value_error(if s.writable && !is_fileio(v) { "flush of closed file" } else { "I/O operation on closed file." }));
    }
    s.flush_binary()?;
    Ok(none::none())
}

fn b_reader(ts: &ThreadState, v: &Value, what: &str) -> PyResult<()> {
    let s = binary(v)?;
    let raw_view = is_fileio(v);
    if !raw_view && !s.readable {
        return Err(unsupported(ts, what));
    }
    if s.closed.get() {
        return Err(PyErr::value_error(if raw_view { "I/O operation on closed file".to_string() } else { format!("{what} of closed file") }));
    }
    if !s.readable {
        return Err(unsupported(ts, if raw_view { "File not open for reading" } else { what }));
    }
    // Reading after writing: written data goes out first.
    s.flush()?;
    Ok(())
}

fn b_read(ts: &ThreadState, v: &Value, a: &[Value], k: Option<&Value>) -> PyResult<Value> {
    let a = crate::object::args::positional("read", a, k, 0, 1)?;
    let n = size_arg(ts, a.first())?;
    b_reader(ts, v, "read")?;
    let s = binary(v)?;
    let data = match n {
        None => {
            while s.fill()? {}
            std::mem::take(&mut *s.pending.borrow_mut())
        }
        Some(n) => {
            while s.pending.borrow().len() < n && !s.eof.get() && s.fill()? {}
            let mut p = s.pending.borrow_mut();
            let n = n.min(p.len());
            p.drain(..n).collect()
        }
    };
    Ok(crate::types::bytes::new_bytes(data))
}

fn b_readline(ts: &ThreadState, v: &Value, a: &[Value], k: Option<&Value>) -> PyResult<Value> {
    let a = crate::object::args::positional("readline", a, k, 0, 1)?;
    let limit = size_arg(ts, a.first())?;
    b_reader(ts, v, "readline")?;
    let s = binary(v)?;
    let mut line = s.binary_readline()?;
    if let Some(n) = limit.filter(|n| *n < line.len()) {
        let rest = line.split_off(n);
        let mut p = s.pending.borrow_mut();
        let tail = std::mem::take(&mut *p);
        p.extend_from_slice(&rest);
        p.extend_from_slice(&tail);
    }
    Ok(crate::types::bytes::new_bytes(line))
}

fn b_readlines(ts: &ThreadState, v: &Value, a: &[Value], k: Option<&Value>) -> PyResult<Value> {
    let a = crate::object::args::positional("readlines", a, k, 0, 1)?;
    let hint = size_arg(ts, a.first())?.filter(|h| *h > 0);
    b_reader(ts, v, "readline")?;
    let s = binary(v)?;
    let (mut lines, mut total) = (Vec::new(), 0);
    loop {
        let line = s.binary_readline()?;
        if line.is_empty() {
            break;
        }
        total += line.len();
        lines.push(crate::types::bytes::new_bytes(line));
        if hint.is_some_and(|h| total >= h) {
            break;
        }
    }
    crate::types::list::new_list(lines)
}

fn binary_iternext(ts: &ThreadState, v: &Value) -> PyResult<Option<Value>> {
    b_reader(ts, v, "readline")?;
    let line = binary(v)?.binary_readline()?;
    Ok((!line.is_empty()).then(|| crate::types::bytes::new_bytes(line)))
}

fn b_seek(ts: &ThreadState, v: &Value, a: &[Value], k: Option<&Value>) -> PyResult<Value> {
    let a = crate::object::args::positional("seek", a, k, 1, 2)?;
    let s = binary(v)?;
    if s.closed.get() {
        return Err(PyErr::value_error(if is_fileio(v) { "I/O operation on closed file" } else { "seek of closed file" }));
    }
    let whence = match a.get(1) {
        Some(w) => protocol::index_isize(ts, w)?,
        None => 0,
    };
    let whence = match whence {
        0..=2 => whence as i32,
        _ if is_fileio(v) => return Err(os_error(libc::EINVAL, None)),
        _ => return Err(PyErr::value_error(format!("whence value {whence} unsupported"))),
    };
    let offset = protocol::index(ts, &a[0])?;
    let offset = int::as_int(&offset).and_then(|r| r.to_i64()).ok_or_else(|| PyErr::overflow_error("Python int too large to convert to C long"))?;
    if !s.seekable()? {
        return Err(unsupported(ts, "seek"));
    }
    Ok(int::from_i64(s.seek_to(offset, whence)?))
}

fn b_tell(ts: &ThreadState, v: &Value, _a: &[Value], _k: Option<&Value>) -> PyResult<Value> {
    let s = binary(v)?;
    if s.closed.get() {
        return Err(PyErr::value_error("I/O operation on closed file"));
    }
    if !s.seekable()? {
        return Err(unsupported(ts, "tell"));
    }
    Ok(int::from_i64(s.tell_pos()?))
}

fn b_close(_ts: &ThreadState, v: &Value, _a: &[Value], _k: Option<&Value>) -> PyResult<Value> {
    binary(v)?.close()?;
    Ok(none::none())
}

fn b_fileno(_ts: &ThreadState, v: &Value, _a: &[Value], _k: Option<&Value>) -> PyResult<Value> {
    let s = binary(v)?;
    if let Some(r) = s.delegate("fileno") {
        return r;
    }
    if s.closed.get() {
        return Err(PyErr::value_error("I/O operation on closed file"));
    }
    Ok(int::from_i64(s.fd as i64))
}

fn b_isatty(_ts: &ThreadState, v: &Value, _a: &[Value], _k: Option<&Value>) -> PyResult<Value> {
    let s = binary(v)?;
    if let Some(r) = s.delegate("isatty") {
        return r;
    }
    if s.closed.get() {
        return Err(PyErr::value_error("I/O operation on closed file"));
    }
    // SAFETY: isatty has no preconditions.
    Ok(bool_::new_bool(unsafe { libc::isatty(s.fd) } == 1))
}

fn b_readable(_ts: &ThreadState, v: &Value, _a: &[Value], _k: Option<&Value>) -> PyResult<Value> {
    let s = binary(v)?;
    if s.backend.is_some() && s.readable {
        if let Some(r) = s.delegate("readable") {
            return r;
        }
    }
    capability(s, is_fileio(v), s.readable)
}

fn b_writable(_ts: &ThreadState, v: &Value, _a: &[Value], _k: Option<&Value>) -> PyResult<Value> {
    let s = binary(v)?;
    if s.backend.is_some() && s.writable {
        if let Some(r) = s.delegate("writable") {
            return r;
        }
    }
    capability(s, is_fileio(v), s.writable)
}

fn b_seekable(_ts: &ThreadState, v: &Value, _a: &[Value], _k: Option<&Value>) -> PyResult<Value> {
    let s = binary(v)?;
    if s.closed.get() && s.backend.is_none() {
        return Err(PyErr::value_error("I/O operation on closed file"));
    }
    Ok(bool_::new_bool(s.seekable()?))
}

fn bg_name(_ts: &ThreadState, v: &Value) -> PyResult<Value> {
    let s = binary(v)?;
    // FileIO keeps `name` in its instance dict, where it can be replaced.
    let d = match dict_cell(v) {
        Some(c) => c.borrow().clone(),
        None => protocol::instance_dict(v),
    };
    if let Some(d) = d {
        if let Some(n) = crate::types::dict::dict_get_str(&d, &pystr::intern("name")) {
            return Ok(n);
        }
    }
    if let Some(r) = s.delegate_attr("name") {
        return r;
    }
    Ok(s.name.clone())
}
fn bg_mode(_ts: &ThreadState, v: &Value) -> PyResult<Value> {
    let s = binary(v)?;
    if let Some(r) = s.delegate_attr("mode") {
        return r;
    }
    // FileIO's mode string (a buffered file shows its raw file's).
    let mode = if s.mode.starts_with('x') {
        if s.readable { "xb+" } else { "xb" }
    } else if s.mode.starts_with('a') {
        if s.readable { "ab+" } else { "ab" }
    } else if s.readable {
        if s.writable { "rb+" } else { "rb" }
    } else {
        "wb"
    };
    Ok(pystr::new_str(mode))
}

/// Whether `v` is a FileIO view (raw, unbuffered messages and writes).
fn is_fileio(v: &Value) -> bool {
    v.type_of().is_subtype(&FILE_IO_TYPE)
}

/// `repr(name)` of a stream for its repr; None when it has no name
/// (AttributeError or ValueError, as CPython ignores).
fn name_repr(ts: &ThreadState, v: &Value) -> PyResult<Option<String>> {
    match protocol::getattr_str(ts, v, "name") {
        Ok(n) => protocol::repr_string(ts, &n).map(Some),
        Err(e) if e.matches(&exc::ATTRIBUTE_ERROR) || e.matches(&exc::VALUE_ERROR) => Ok(None),
        Err(e) => Err(e),
    }
}
fn bs_name(ts: &ThreadState, v: &Value, value: Option<&Value>) -> PyResult<()> {
    if !is_fileio(v) {
        return Err(PyErr::new(&exc::ATTRIBUTE_ERROR, format!("attribute 'name' of '{}' objects is not writable", v.type_of().data.name())));
    }
    let d = stream_dict_of(v).or_else(|| protocol::instance_dict_or_create(v)).ok_or_else(|| PyErr::type_error("stream expected"))?;
    match value {
        Some(x) => crate::types::dict::dict_set_item(ts, &d, pystr::intern("name"), x.clone()),
        None => crate::types::dict::dict_del_item(ts, &d, &pystr::intern("name")).map(drop),
    }
}

fn bg_closed(_ts: &ThreadState, v: &Value) -> PyResult<Value> {
    let s = binary(v)?;
    if let Some(r) = s.delegate_attr("closed") {
        return r;
    }
    Ok(bool_::new_bool(s.closed.get()))
}

fn binary_repr(ts: &ThreadState, v: &Value) -> PyResult<Value> {
    let s = binary(v)?;
    if is_fileio(v) {
        if s.closed.get() {
            return Ok(pystr::new_str("<_io.FileIO [closed]>"));
        }
        let name = protocol::repr_string(ts, &bg_name(ts, v)?)?;
        let mode = bg_mode(ts, v)?;
        let closefd = if s.closefd { "True" } else { "False" };
        return Ok(pystr::new_str(&format!("<_io.FileIO name={name} mode='{}' closefd={closefd}>", pystr::as_rust_str(&mode))));
    }
    Ok(pystr::new_str(&match name_repr(ts, v)? {
        Some(name) => format!("<{} name={name}>", v.type_of().data.name()),
        None => format!("<{}>", v.type_of().data.name()),
    }))
}

fn stream_repr(ts: &ThreadState, v: &Value) -> PyResult<Value> {
    let s = this(v)?;
    let mut out = String::from("<_io.TextIOWrapper");
    if let Some(name) = name_repr(ts, v)? {
        out.push_str(&format!(" name={name}"));
    }
    if !s.mode.is_empty() {
        out.push_str(&format!(" mode='{}'", s.mode));
    }
    out.push_str(&format!(" encoding='{}'>", s.encoding.borrow()));
    Ok(pystr::new_str(&out))
}

fn stream_iternext(ts: &ThreadState, v: &Value) -> PyResult<Option<Value>> {
    let s = attached(v)?;
    check_readable(ts, s, true)?;
    s.telling_off.set(true);
    let line = s.readline()?;
    if line.is_empty() {
        s.telling_off.set(false);
        return Ok(None);
    }
    s.decode(&line).map(Some)
}

fn self_iter(_ts: &ThreadState, v: &Value) -> PyResult<Value> {
    if stream_core(v)?.closed.get() {
        return Err(closed_error());
    }
    Ok(v.clone())
}

/// The OSError for `errno` (its subclass, as OSError's constructor picks),
/// with the file name when given.
pub fn os_error(errno: i32, filename: Option<&Value>) -> PyErr {
    let msg = std::io::Error::from_raw_os_error(errno).to_string();
    let msg = match msg.find(" (os error") {
        Some(i) => msg[..i].to_string(),
        None => msg,
    };
    let ty: &'static PyType = match errno {
        libc::ENOENT => &exc::FILE_NOT_FOUND_ERROR,
        libc::EEXIST => &exc::FILE_EXISTS_ERROR,
        libc::EISDIR => &exc::IS_A_DIRECTORY_ERROR,
        libc::ENOTDIR => &exc::NOT_A_DIRECTORY_ERROR,
        libc::EACCES | libc::EPERM => &exc::PERMISSION_ERROR,
        libc::EAGAIN | libc::EALREADY | libc::EINPROGRESS => &exc::BLOCKING_IO_ERROR,
        libc::ECHILD => &exc::CHILD_PROCESS_ERROR,
        libc::EPIPE | libc::ESHUTDOWN => &exc::BROKEN_PIPE_ERROR,
        libc::EINTR => &exc::INTERRUPTED_ERROR,
        libc::ESRCH => &exc::PROCESS_LOOKUP_ERROR,
        libc::ETIMEDOUT => &exc::TIMEOUT_ERROR,
        _ => &exc::OS_ERROR,
    };
    let mut args = vec![int::from_i64(errno as i64), pystr::new_str(&msg)];
    if let Some(f) = filename {
        args.push(f.clone());
    }
    PyErr::with_args(ty, args)
}

/// What "\n" becomes on writing for an open()/reconfigure() newline argument.
fn write_newline_for(newline: Option<&str>) -> Option<&'static str> {
    match newline {
        Some("\r") => Some("\r"),
        Some("\r\n") => Some("\r\n"),
        _ => None,
    }
}

/// Where lines end when reading, for a newline argument.
fn line_end_for(newline: Option<&str>) -> LineEnd {
    match newline {
        Some("") => LineEnd::Universal,
        Some("\r") => LineEnd::Cr,
        Some("\r\n") => LineEnd::CrLf,
        _ => LineEnd::Lf,
    }
}

/// `TextIOWrapper.reconfigure(*, encoding, errors, newline, line_buffering, write_through)`.
fn m_reconfigure(ts: &ThreadState, v: &Value, a: &[Value], k: Option<&Value>) -> PyResult<Value> {
    let [encoding, errors, newline, line_buffering, write_through] = crate::object::args::bind(
        "reconfigure",
        a,
        k,
        ["encoding", "errors", "newline", "line_buffering", "write_through"],
        0,
        0,
        0,
    )?;
    let s = attached(v)?;
    let str_arg = |x: &Option<Value>, what: &str| -> PyResult<Option<String>> {
        match x {
            None => Ok(None),
            Some(x) if none::is_none(x) => Ok(None),
            Some(x) => pystr::try_as_rust_str(x).map(|t| Some(t.into_owned())).ok_or_else(|| {
                PyErr::type_error(format!("reconfigure() argument '{what}' must be str or None, not {}", protocol::type_name(x)))
            }),
        }
    };
    let encoding_s = str_arg(&encoding, "encoding")?.map(|e| if e == "locale" { "UTF-8".to_string() } else { e });
    let errors_s = str_arg(&errors, "errors")?;
    let newline_given = newline.as_ref().is_some();
    let newline_s = str_arg(&newline, "newline")?;
    if let Some(nl) = &newline_s {
        if !matches!(nl.as_str(), "" | "\n" | "\r" | "\r\n") {
            return Err(PyErr::value_error(format!("illegal newline value: {nl}")));
        }
    }
    let codec = match &encoding_s {
        Some(e) => Some(
            crate::stringlib::codecs::Encoding::lookup(e)
                .ok_or_else(|| PyErr::new(&exc::LOOKUP_ERROR, format!("unknown encoding: {e}")))?,
        ),
        None => None,
    };
    if let Some(e) = &errors_s {
        if crate::stringlib::codecs::ErrorHandler::from_name(e).is_none() {
            return Err(PyErr::new(&exc::LOOKUP_ERROR, format!("unknown error handler name '{e}'")));
        }
    }
    let line_buffering = match line_buffering.filter(|x| !none::is_none(x)) {
        Some(x) => Some(protocol::is_true(ts, &x)?),
        None => None,
    };
    let write_through = match write_through.filter(|x| !none::is_none(x)) {
        Some(x) => Some(protocol::is_true(ts, &x)?),
        None => None,
    };
    if s.writable && !s.closed.get() {
        s.flush()?;
    }
    if let (Some(e), Some(c)) = (encoding_s, codec) {
        *s.encoding.borrow_mut() = e;
        s.codec.set(c);
        if errors_s.is_none() {
            *s.errors.borrow_mut() = "strict".to_string();
        }
    }
    if let Some(e) = errors_s {
        *s.errors.borrow_mut() = e;
    }
    if newline_given {
        s.translate.set(newline_s.is_none());
        s.write_newline.set(write_newline_for(newline_s.as_deref()));
        s.line_end.set(line_end_for(newline_s.as_deref()));
    }
    if let Some(lb) = line_buffering {
        s.line_buffered.set(lb);
    }
    if let Some(wt) = write_through {
        s.write_through.set(wt);
    }
    Ok(none::none())
}

/// Open flags, text/binary and the streams' shape parsed from an open() mode.
pub(super) struct OpenMode {
    flags: i32,
    readable: bool,
    writable: bool,
    binary: bool,
    append: bool,
    text_mode: String,
}

pub(super) fn parse_mode(mode: &str) -> PyResult<OpenMode> {
    let invalid = || PyErr::value_error(format!("invalid mode: '{mode}'"));
    let mut seen = std::collections::HashSet::new();
    for c in mode.chars() {
        if !"rwxabt+".contains(c) || !seen.insert(c) {
            return Err(invalid());
        }
    }
    let has = |c: char| seen.contains(&c);
    if has('t') && has('b') {
        return Err(PyErr::value_error("can't have text and binary mode at once"));
    }
    let kinds = ['x', 'r', 'w', 'a'].iter().filter(|c| has(**c)).count();
    if kinds > 1 {
        return Err(PyErr::value_error("must have exactly one of create/read/write/append mode"));
    }
    if kinds == 0 {
        return Err(PyErr::value_error("Must have exactly one of create/read/write/append mode and at most one plus"));
    }
    let update = has('+');
    let (base, mut flags) = if has('x') {
        ('x', libc::O_CREAT | libc::O_EXCL)
    } else if has('w') {
        ('w', libc::O_CREAT | libc::O_TRUNC)
    } else if has('a') {
        ('a', libc::O_CREAT | libc::O_APPEND)
    } else {
        ('r', 0)
    };
    let readable = base == 'r' || update;
    let writable = base != 'r' || update;
    flags |= match (readable, writable) {
        (true, true) => libc::O_RDWR,
        (true, false) => libc::O_RDONLY,
        _ => libc::O_WRONLY,
    };
    flags |= libc::O_CLOEXEC;
    let text_mode = if update { format!("{base}+") } else { base.to_string() };
    Ok(OpenMode { flags, readable, writable, binary: has('b'), append: base == 'a', text_mode })
}

/// The descriptor for open()'s and FileIO's `file` argument (an fd, or a
/// path opened with `flags`, through `opener` if given) and the name to show.
pub(super) fn open_fd(ts: &ThreadState, file: &Value, flags: i32, closefd: bool, opener: Option<Value>) -> PyResult<(i32, Value)> {
    let file = file.clone();
    let m_flags = flags;
    let (fd, name) = if int::is_int(&file) && !file.type_of().is_subtype(&bool_::BOOL_TYPE) {
        // Too large for a descriptor: CPython then tries it as a path.
        let fd = int::to_isize(&file)
            .and_then(|n| i32::try_from(n).ok())
            .ok_or_else(|| PyErr::type_error("expected str, bytes or os.PathLike object, not int"))?;
        if fd < 0 {
            return Err(PyErr::value_error("negative file descriptor"));
        }
        // SAFETY: `st` is a valid out-parameter for fstat.
        let mut st: libc::stat = unsafe { std::mem::zeroed() };
        // SAFETY: fstat writes into `st` only.
        if unsafe { libc::fstat(fd, &mut st) } != 0 {
            return Err(os_error(std::io::Error::last_os_error().raw_os_error().unwrap_or(libc::EBADF), None));
        }
        (fd, file.clone())
    } else {
        if !closefd {
            return Err(PyErr::value_error("Cannot use closefd=False with file name"));
        }
        let path = crate::modules::builtins::fs_path(ts, &file)?;
        let fd = match opener.filter(|o| !none::is_none(o)) {
            Some(op) => {
                let r = protocol::call(ts, &op, &[file.clone(), int::from_i64(m_flags as i64)], None)?;
                let fd = int::to_isize(&r).and_then(|n| i32::try_from(n).ok()).ok_or_else(|| PyErr::type_error("expected integer from opener"))?;
                if fd < 0 {
                    return Err(PyErr::value_error(format!("opener returned {fd}")));
                }
                fd
            }
            None => {
                let cpath = std::ffi::CString::new(path.as_bytes()).map_err(|_| PyErr::value_error("embedded null byte"))?;
                // SAFETY: `cpath` is NUL-terminated; open has no other preconditions.
                let fd = unsafe { libc::open(cpath.as_ptr(), m_flags, 0o666 as libc::c_uint) };
                if fd < 0 {
                    let errno = std::io::Error::last_os_error().raw_os_error().unwrap_or(libc::EIO);
                    return Err(os_error(errno, Some(&file)));
                }
                fd
            }
        };
        (fd, file.clone())
    };
    // Directories open on Linux but cannot be read: refuse as CPython does.
    // SAFETY: `st` is a valid out-parameter for fstat.
    let mut st: libc::stat = unsafe { std::mem::zeroed() };
    // SAFETY: fstat writes into `st` only.
    if unsafe { libc::fstat(fd, &mut st) } == 0 && (st.st_mode & libc::S_IFMT) == libc::S_IFDIR {
        if closefd {
            // SAFETY: we opened `fd` above and own it.
            unsafe { libc::close(fd) };
        }
        return Err(os_error(libc::EISDIR, Some(&name)));
    }
    Ok((fd, name))
}

/// `open(file, mode='r', buffering=-1, encoding=None, errors=None, newline=None, closefd=True, opener=None)`.
pub fn open(ts: &ThreadState, a: &[Value], k: Option<&Value>) -> PyResult<Value> {
    let [file, mode, buffering, encoding, errors, newline, closefd, opener] = crate::object::args::bind(
        "open",
        a,
        k,
        ["file", "mode", "buffering", "encoding", "errors", "newline", "closefd", "opener"],
        0,
        1,
        8,
    )?;
    let file = file.unwrap_or_else(none::none);
    let str_arg = |v: &Option<Value>, what: &str| -> PyResult<Option<String>> {
        match v {
            None => Ok(None),
            Some(x) if none::is_none(x) => Ok(None),
            Some(x) => match pystr::try_as_rust_str(x) {
                Some(t) => Ok(Some(t.into_owned())),
                None => Err(PyErr::type_error(format!(
                    "open() argument '{what}' must be str or None, not {}",
                    protocol::type_name(x)
                ))),
            },
        }
    };
    let mode_s = match &mode {
        None => "r".to_string(),
        Some(m) => match pystr::try_as_rust_str(m) {
            Some(t) => t.into_owned(),
            None => {
                return Err(PyErr::type_error(format!("open() argument 'mode' must be str, not {}", protocol::type_name(m))))
            }
        },
    };
    // "locale" is the locale encoding, UTF-8 here.
    let encoding = str_arg(&encoding, "encoding")?;
    if encoding.is_none() && !mode_s.contains('b') {
        warn_default_encoding(ts, 1)?;
    }
    let encoding = encoding.map(|e| if e == "locale" { "UTF-8".to_string() } else { e });
    let errors = str_arg(&errors, "errors")?;
    let newline = str_arg(&newline, "newline")?;
    let buffering = match &buffering {
        Some(b) => protocol::index_isize(ts, b)?,
        None => -1,
    };
    let closefd = match &closefd {
        Some(c) => protocol::is_true(ts, c)?,
        None => true,
    };
    let m = parse_mode(&mode_s)?;
    if m.binary && encoding.is_some() {
        return Err(PyErr::value_error("binary mode doesn't take an encoding argument"));
    }
    if m.binary && errors.is_some() {
        return Err(PyErr::value_error("binary mode doesn't take an errors argument"));
    }
    if m.binary && newline.is_some() {
        return Err(PyErr::value_error("binary mode doesn't take a newline argument"));
    }
    if !m.binary && buffering == 0 {
        return Err(PyErr::value_error("can't have unbuffered text I/O"));
    }
    if let Some(nl) = &newline {
        if !matches!(nl.as_str(), "" | "\n" | "\r" | "\r\n") {
            return Err(PyErr::value_error(format!("illegal newline value: {nl}")));
        }
    }
    let codec = match &encoding {
        None => crate::stringlib::codecs::Encoding::Utf8,
        Some(e) => crate::stringlib::codecs::Encoding::lookup(e)
            .ok_or_else(|| PyErr::new(&exc::LOOKUP_ERROR, format!("unknown encoding: {e}")))?,
    };
    let errors = errors.unwrap_or_else(|| "strict".to_string());
    if crate::stringlib::codecs::ErrorHandler::from_name(&errors).is_none() {
        return Err(PyErr::new(&exc::LOOKUP_ERROR, format!("unknown error handler name '{errors}'")));
    }
    let (fd, name) = open_fd(ts, &file, m.flags, closefd, opener)?;
    // SAFETY: lseek has no memory effects.
    let appending_after = m.append && unsafe { libc::lseek(fd, 0, libc::SEEK_END) } > 0;
    // SAFETY: isatty has no preconditions.
    let tty = unsafe { libc::isatty(fd) } == 1;
    let raw = m.binary && buffering == 0;
    let binary_type: &'static PyType = match (raw, m.readable, m.writable) {
        (true, _, _) => &FILE_IO_TYPE,
        (false, true, true) => &BUFFERED_RANDOM_TYPE,
        (false, true, false) => &BUFFERED_READER_TYPE,
        _ => &BUFFERED_WRITER_TYPE,
    };
    let core = Value::new(TextStream {
        fd,
        name,
        mode: m.text_mode.clone(),
        encoding: RefCell::new(encoding.unwrap_or_else(|| "UTF-8".to_string())),
        codec: Cell::new(codec),
        errors: RefCell::new(errors),
        line_buffered: Cell::new(buffering == 1 || (buffering < 0 && tty)),
        writable: m.writable,
        closefd,
        translate: Cell::new(newline.is_none()),
        cr_carry: Cell::new(false),
        write_newline: Cell::new(write_newline_for(newline.as_deref())),
        line_end: Cell::new(line_end_for(newline.as_deref())),
        binary_type,
        text_pending: RefCell::new(Vec::new()),
        buffer: RefCell::new(Vec::new()),
        closed: Cell::new(false),
        readable: m.readable,
        pending: RefCell::new(Vec::new()),
        text_in: RefCell::new(Vec::new()),
        eof: Cell::new(false),
        binary: RefCell::new(None),
        raw,
        backend: None,
        backend_raw: false,
        write_through: Cell::new(false),
        detached: Cell::new(false),
        seennl: Cell::new(0),
        dict: RefCell::new(None),
        wide_carry: RefCell::new(Vec::new()),
        telling_off: Cell::new(false),
    })?;
    if let Some(stream) = core.downcast::<TextStream>() {
        OPEN_FILES.with(|f| f.borrow_mut().insert(stream as *const TextStream as usize));
        if appending_after {
            stream.drop_bom();
        }
    }
    if m.binary {
        let b = Value::new_with_type(binary_type, BinaryStream::new(core.clone()))?;
        return Ok(b);
    }
    Ok(core)
}


/// What a stream core is built from (see `new_core`).
pub(super) struct CoreSpec {
    pub fd: i32,
    pub name: Value,
    pub mode: String,
    pub encoding: String,
    pub codec: crate::stringlib::codecs::Encoding,
    pub errors: String,
    pub line_buffered: bool,
    pub readable: bool,
    pub writable: bool,
    pub closefd: bool,
    pub newline: Option<String>,
    pub binary_type: &'static PyType,
    pub raw: bool,
    pub backend: Option<Value>,
    pub backend_raw: bool,
    pub write_through: bool,
}

/// A stream core (a TextIOWrapper object) from `spec`.
pub(super) fn new_core(spec: CoreSpec) -> PyResult<Value> {
    new_core_of(&TEXT_STREAM_TYPE.to_value(), spec)
}

/// A stream core of class `cls` (TextIOWrapper or a subclass) from `spec`.
pub(super) fn new_core_of(cls: &Value, spec: CoreSpec) -> PyResult<Value> {
    Value::new_instance(cls, TextStream {
        fd: spec.fd,
        name: spec.name,
        mode: spec.mode,
        encoding: RefCell::new(spec.encoding),
        codec: Cell::new(spec.codec),
        errors: RefCell::new(spec.errors),
        line_buffered: Cell::new(spec.line_buffered),
        writable: spec.writable,
        closefd: spec.closefd,
        translate: Cell::new(spec.newline.is_none()),
        cr_carry: Cell::new(false),
        write_newline: Cell::new(write_newline_for(spec.newline.as_deref())),
        line_end: Cell::new(line_end_for(spec.newline.as_deref())),
        binary_type: spec.binary_type,
        text_pending: RefCell::new(Vec::new()),
        buffer: RefCell::new(Vec::new()),
        closed: Cell::new(false),
        readable: spec.readable,
        pending: RefCell::new(Vec::new()),
        text_in: RefCell::new(Vec::new()),
        eof: Cell::new(false),
        binary: RefCell::new(None),
        raw: spec.raw,
        backend: spec.backend,
        backend_raw: spec.backend_raw,
        write_through: Cell::new(spec.write_through),
        detached: Cell::new(false),
        seennl: Cell::new(0),
        dict: RefCell::new(None),
        wide_carry: RefCell::new(Vec::new()),
        telling_off: Cell::new(false),
    })
}

/// Register a core for closing at exit (files opened by open() or FileIO).
pub(super) fn register_open_file(core: &Value) {
    if let Some(stream) = core.downcast::<TextStream>() {
        OPEN_FILES.with(|f| f.borrow_mut().insert(stream as *const TextStream as usize));
    }
}

/// The stream core of a binary view (BufferedReader, FileIO...).
pub(super) fn view_core(v: &Value) -> Option<&Value> {
    v.downcast::<BinaryStream>().and_then(|b| b.text.get())
}

/// A binary view of type `ty` over `core`, whose `.raw` is `raw` (None: made on demand).
pub(super) fn new_view(ty: &'static PyType, core: Value, raw: Option<Value>) -> PyResult<Value> {
    Value::new_with_type(ty, BinaryStream { text: core.into(), raw: RefCell::new(raw), dict: RefCell::new(None) })
}

/// A binary view of class `cls` (a static type or a subclass of one) over `core`.
pub(super) fn new_view_of(cls: &Value, core: Value, raw: Option<Value>) -> PyResult<Value> {
    Value::new_instance(cls, BinaryStream { text: core.into(), raw: RefCell::new(raw), dict: RefCell::new(None) })
}


/// PEP 597: with `-X warn_default_encoding`, text opened without an
/// encoding gets an EncodingWarning, as from `stack_level` frames up.
pub fn warn_default_encoding(ts: &ThreadState, stack_level: isize) -> PyResult<()> {
    if !ts.interp().config.warn_default_encoding {
        return Ok(());
    }
    crate::runtime::warnings::warn(ts, &exc::ENCODING_WARNING, "'encoding' argument not specified", stack_level)
}

/// `TextIOWrapper(buffer, encoding=None, errors=None, newline=None, line_buffering=False, write_through=False)`.
fn text_new(ts: &ThreadState, cls: &Value, a: &[Value], k: Option<&Value>) -> PyResult<Value> {
    let [buffer, encoding, errors, newline, line_buffering, write_through] = crate::object::args::bind(
        "TextIOWrapper",
        a,
        k,
        ["buffer", "encoding", "errors", "newline", "line_buffering", "write_through"],
        0,
        1,
        6,
    )?;
    let buffer = buffer.unwrap_or_else(none::none);
    let str_arg = |v: &Option<Value>, what: &str| -> PyResult<Option<String>> {
        match v {
            None => Ok(None),
            Some(x) if none::is_none(x) => Ok(None),
            Some(x) => pystr::try_as_rust_str(x).map(|t| Some(t.into_owned())).ok_or_else(|| {
                PyErr::type_error(format!("TextIOWrapper() argument '{what}' must be str or None, not {}", protocol::type_name(x)))
            }),
        }
    };
    let encoding = str_arg(&encoding, "encoding")?;
    let errors = str_arg(&errors, "errors")?.unwrap_or_else(|| "strict".to_string());
    let newline = str_arg(&newline, "newline")?;
    // C int flags, converted with the arguments (before the checks below).
    let flag = |x: Option<Value>| -> PyResult<bool> {
        match x {
            Some(x) if int::is_int(&x) || x.type_of().data.slots.index.get().is_some() => Ok(super::index_ssize(ts, &x)? != 0),
            Some(x) => Err(PyErr::type_error(format!("'{}' object cannot be interpreted as an integer", protocol::type_name(&x)))),
            None => Ok(false),
        }
    };
    let line_buffering = flag(line_buffering)?;
    let write_through = flag(write_through)?;
    if let Some(nl) = &newline {
        if !matches!(nl.as_str(), "" | "\n" | "\r" | "\r\n") {
            return Err(PyErr::value_error(format!("illegal newline value: {nl}")));
        }
    }
    if encoding.is_none() {
        warn_default_encoding(ts, 1)?;
    }
    // The locale encoding is UTF-8 here.
    let encoding = match encoding {
        None => "UTF-8".to_string(),
        Some(e) if e == "locale" => "UTF-8".to_string(),
        Some(e) => e,
    };
    let codec = crate::stringlib::codecs::Encoding::lookup(&encoding)
        .ok_or_else(|| PyErr::new(&exc::LOOKUP_ERROR, format!("unknown encoding: {encoding}")))?;
    let readable = protocol::call_method(ts, &buffer, "readable", &[])?;
    let readable = protocol::is_true(ts, &readable)?;
    let writable = protocol::call_method(ts, &buffer, "writable", &[])?;
    let writable = protocol::is_true(ts, &writable)?;
    protocol::call_method(ts, &buffer, "seekable", &[])?;
    new_core_of(cls, CoreSpec {
        fd: -1,
        name: none::none(),
        mode: String::new(),
        encoding,
        codec,
        errors,
        line_buffered: line_buffering,
        readable,
        writable,
        closefd: true,
        newline,
        binary_type: &BUFFERED_WRITER_TYPE,
        raw: false,
        backend: Some(buffer),
        backend_raw: false,
        write_through,
    })
}

fn g_write_through(_ts: &ThreadState, v: &Value) -> PyResult<Value> {
    Ok(bool_::new_bool(this(v)?.write_through.get()))
}

/// `TextIOWrapper.detach()`: flush and hand back the buffer.
fn m_detach(ts: &ThreadState, v: &Value, a: &[Value], k: Option<&Value>) -> PyResult<Value> {
    crate::object::args::exact("detach", a, k, 0)?;
    let s = attached(v)?;
    let b = g_buffer(ts, v)?;
    s.flush()?;
    mark_detached(s);
    Ok(b)
}

fn m_truncate(ts: &ThreadState, v: &Value, a: &[Value], k: Option<&Value>) -> PyResult<Value> {
    let s = attached(v)?;
    if s.closed.get() {
        return Err(closed_error());
    }
    s.flush()?;
    let b = g_buffer(ts, v)?;
    let f = protocol::getattr_str(ts, &b, "truncate")?;
    protocol::call(ts, &f, a, k)
}

/// `__init__` of the stream types: construction happens in `__new__`, so a
/// subclass's `super().__init__(...)` with the same arguments is accepted.
fn stream_init(_ts: &ThreadState, _v: &Value, _a: &[Value], _k: Option<&Value>) -> PyResult<()> {
    Ok(())
}

/// The own `__dict__` cell of a stream object (exact types; subclasses use their extras).
fn dict_cell(v: &Value) -> Option<&RefCell<Option<Value>>> {
    if v.type_of().data.dict_slot.get() >= 0 {
        return None;
    }
    match v.downcast::<TextStream>() {
        Some(t) => Some(&t.dict),
        None => v.downcast::<BinaryStream>().map(|b| &b.dict),
    }
}

fn stream_dict_of(v: &Value) -> Option<Value> {
    let cell = dict_cell(v)?;
    let mut d = cell.borrow_mut();
    Some(d.get_or_insert_with(crate::types::dict::new_dict).clone())
}

/// Attribute lookup: the generic one until something is stored in the
/// object's own dict (so `write` lookups on sys.stdout stay cheap).
fn stream_getattro(ts: &ThreadState, v: &Value, name: &Value) -> PyResult<Value> {
    match dict_cell(v) {
        Some(c) if c.borrow().is_some() => crate::modules::own_dict_getattro(ts, v, name, stream_dict_of),
        _ => protocol::generic_getattr(ts, v, name),
    }
}

fn stream_setattro(ts: &ThreadState, v: &Value, name: &Value, value: Option<&Value>) -> PyResult<()> {
    if dict_cell(v).is_none() {
        return protocol::generic_setattr(ts, v, name, value);
    }
    crate::modules::own_dict_setattro(ts, v, name, value, stream_dict_of)
}

fn s_mode(ts: &ThreadState, v: &Value, value: Option<&Value>) -> PyResult<()> {
    let d = stream_dict_of(v).ok_or_else(|| PyErr::type_error("stream expected"))?;
    match value {
        Some(x) => crate::types::dict::dict_set_item(ts, &d, pystr::intern("mode"), x.clone()),
        None => crate::types::dict::dict_del_item(ts, &d, &pystr::intern("mode")).map(drop),
    }
}

fn g_dict(_ts: &ThreadState, v: &Value) -> PyResult<Value> {
    stream_dict_of(v).or_else(|| protocol::instance_dict_or_create(v)).ok_or_else(|| PyErr::type_error("stream expected"))
}

/// `__getstate__`: the instance dict if anything is in it, else None (object.__getstate__).
fn m_getstate(ts: &ThreadState, v: &Value, a: &[Value], k: Option<&Value>) -> PyResult<Value> {
    crate::object::args::exact("__getstate__", a, k, 0)?;
    let d = crate::types::dict::new_dict();
    // What CPython keeps in the dict: open()'s `mode` on text files, FileIO's `name`.
    if let Some(t) = v.downcast::<TextStream>().filter(|t| !t.mode.is_empty()) {
        crate::types::dict::dict_set_item(ts, &d, pystr::intern("mode"), pystr::new_str(&t.mode))?;
    }
    if is_fileio(v) {
        crate::types::dict::dict_set_item(ts, &d, pystr::intern("name"), binary(v)?.name.clone())?;
    }
    if let Some(own) = dict_cell(v).and_then(|c| c.borrow().clone()).or_else(|| protocol::instance_dict(v)) {
        protocol::call_method(ts, &d, "update", &[own])?;
    }
    if protocol::len(ts, &d)? > 0 {
        Ok(d)
    } else {
        Ok(none::none())
    }
}

fn g_false(_ts: &ThreadState, _v: &Value) -> PyResult<Value> {
    Ok(bool_::new_bool(false))
}

fn g_chunk_size(_ts: &ThreadState, v: &Value) -> PyResult<Value> {
    attached(v)?;
    Ok(int::from_i64(CHUNK as i64))
}

fn s_chunk_size(ts: &ThreadState, v: &Value, value: Option<&Value>) -> PyResult<()> {
    attached(v)?;
    let Some(x) = value else {
        return Err(PyErr::new(&exc::ATTRIBUTE_ERROR, "cannot delete attribute"));
    };
    if protocol::index_isize(ts, x)? <= 0 {
        return Err(PyErr::value_error("a strictly positive integer is required"));
    }
    Ok(())
}

fn m_dealloc_warn(_ts: &ThreadState, _v: &Value, _a: &[Value], _k: Option<&Value>) -> PyResult<Value> {
    Ok(none::none())
}

fn g_blksize(_ts: &ThreadState, v: &Value) -> PyResult<Value> {
    let s = binary(v)?;
    // SAFETY: `st` is a valid out-parameter for fstat.
    let mut st: libc::stat = unsafe { std::mem::zeroed() };
    // SAFETY: fstat writes into `st` only.
    let size = if unsafe { libc::fstat(s.fd, &mut st) } == 0 && st.st_blksize > 1 { st.st_blksize as i64 } else { CHUNK as i64 };
    Ok(int::from_i64(size))
}

/// An unclosed file being destroyed: ResourceWarning "unclosed file
/// <repr>" from where its last reference went (CPython's
/// `_dealloc_warn`), then closed. `owner` is the object the user held.
fn warn_unclosed(ts: &ThreadState, owner: &Value, core: &TextStream) {
    if core.closed.get() || core.detached.get() {
        return;
    }
    if core.backend.is_none() && core.closefd && core.fd >= 0 {
        // A failing repr or warning (an error filter) is reported as
        // unraisable, as any error in a finalizer.
        let warned = protocol::repr_string(ts, owner).and_then(|r| {
            crate::modules::_warnings::do_warn(ts, &pystr::new_str(&format!("unclosed file {r}")), &exc::RESOURCE_WARNING.to_value(), 1, Some(owner))
        });
        if let Err(e) = warned {
            crate::runtime::lifecycle::write_unraisable(ts, &e, None, Some(owner));
        }
    }
    let _ = core.close();
}

/// TextIOWrapper's finalizer (for the text files open() makes).
fn text_finalize(ts: &ThreadState, v: &Value) {
    if let Some(s) = v.downcast::<TextStream>() {
        warn_unclosed(ts, v, s);
    }
}

/// The binary streams' finalizer: a file opened in binary mode; the
/// `.buffer` of a text file (which the core caches) is left to the text
/// file's own finalizer.
fn binary_finalize(ts: &ThreadState, v: &Value) {
    let Ok(core) = binary(v) else { return };
    if core.binary.borrow().is_none() {
        warn_unclosed(ts, v, core);
    }
}

/// The references a stream core holds, for the cycle collector: a text
/// file and the `.buffer` view it caches refer to each other. Borrowed
/// fields are skipped (their referents then count as reachable).
fn text_traverse(v: &Value, visit: &mut dyn FnMut(&Value)) {
    let Some(s) = v.downcast::<TextStream>() else { return };
    for cell in [&s.binary, &s.dict] {
        if let Ok(x) = cell.try_borrow() {
            if let Some(x) = x.as_ref() {
                visit(x);
            }
        }
    }
    if let Some(b) = &s.backend {
        visit(b);
    }
}

fn text_clear(v: &Value) {
    if let Some(s) = v.downcast::<TextStream>() {
        for cell in [&s.binary, &s.dict] {
            if let Ok(mut x) = cell.try_borrow_mut() {
                drop(x.take());
            }
        }
    }
}

fn binary_traverse(v: &Value, visit: &mut dyn FnMut(&Value)) {
    let Some(b) = v.downcast::<BinaryStream>() else { return };
    if let Some(core) = b.text.get() {
        visit(core);
    }
    for cell in [&b.raw, &b.dict] {
        if let Ok(x) = cell.try_borrow() {
            if let Some(x) = x.as_ref() {
                visit(x);
            }
        }
    }
}

fn binary_clear(v: &Value) {
    if let Some(b) = v.downcast::<BinaryStream>() {
        for cell in [&b.raw, &b.dict] {
            if let Ok(mut x) = cell.try_borrow_mut() {
                drop(x.take());
            }
        }
    }
}

/// Fill the slots and methods of the stream types.
pub fn init() {
    for ty in [&BUFFERED_WRITER_TYPE, &BUFFERED_READER_TYPE, &BUFFERED_RANDOM_TYPE, &BUFFERED_RW_PAIR_TYPE, &FILE_IO_TYPE] {
        let s = &ty.data.slots;
        s.getattro.set(Some(stream_getattro));
        s.setattro.set(Some(stream_setattro));
        s.init.set(Some(stream_init));
        s.repr.set(Some(binary_repr));
        s.finalize.set(Some(binary_finalize));
        ty.data.gc_traverse.set(Some(binary_traverse));
        ty.data.gc_clear.set(Some(binary_clear));
        s.iter.set(Some(self_iter));
        s.iternext.set(Some(binary_iternext));
        descr::add_methods(
            ty,
            &[
                ("write", b_write),
                ("writelines", b_writelines),
                ("flush", b_flush),
                ("read", b_read),
                ("readline", b_readline),
                ("readlines", b_readlines),
                ("seek", b_seek),
                ("tell", b_tell),
                ("close", b_close),
                ("fileno", b_fileno),
                ("isatty", b_isatty),
                ("readable", b_readable),
                ("writable", b_writable),
                ("seekable", b_seekable),
                ("__enter__", m_enter),
                ("__exit__", m_exit),
                ("__getstate__", m_getstate),
                ("__reduce_ex__", crate::modules::reduce_cannot_pickle),
                ("__reduce__", crate::modules::reduce_cannot_pickle),
                ("_dealloc_warn", m_dealloc_warn),
            ],
        );
        descr::add_getsets(ty, &[("_finalizing", g_false, None)]);
        descr::add_getsets(ty, &[("name", bg_name, Some(bs_name)), ("mode", bg_mode, None), ("closed", bg_closed, None), ("__dict__", g_dict, None)]);
    }
    let s = &TEXT_STREAM_TYPE.data.slots;
    s.new.set(Some(text_new));
    s.init.set(Some(stream_init));
    s.getattro.set(Some(stream_getattro));
    s.setattro.set(Some(stream_setattro));
    s.repr.set(Some(stream_repr));
    s.finalize.set(Some(text_finalize));
    TEXT_STREAM_TYPE.data.gc_traverse.set(Some(text_traverse));
    TEXT_STREAM_TYPE.data.gc_clear.set(Some(text_clear));
    s.iter.set(Some(self_iter));
    s.iternext.set(Some(stream_iternext));
    descr::add_methods(
        &TEXT_STREAM_TYPE,
        &[
            ("write", m_write),
            ("writelines", m_writelines),
            ("reconfigure", m_reconfigure),
            ("readlines", m_readlines),
            ("seekable", m_seekable),
            ("seek", m_seek),
            ("tell", m_tell),
            ("flush", m_flush),
            ("readline", m_readline),
            ("read", m_read),
            ("fileno", m_fileno),
            ("isatty", m_isatty),
            ("close", m_close),
            ("writable", m_writable),
            ("readable", m_readable),
            ("detach", m_detach),
            ("truncate", m_truncate),
            ("__enter__", m_enter),
            ("__exit__", m_exit),
            ("__getstate__", m_getstate),
            ("__reduce_ex__", crate::modules::reduce_cannot_pickle),
            ("__reduce__", crate::modules::reduce_cannot_pickle),
        ],
    );
    descr::add_getsets(&TEXT_STREAM_TYPE, &[("_CHUNK_SIZE", g_chunk_size, Some(s_chunk_size)), ("_finalizing", g_false, None)]);
    descr::add_getsets(&FILE_IO_TYPE, &[("_blksize", g_blksize, None)]);
    descr::add_getsets(
        &TEXT_STREAM_TYPE,
        &[
            ("encoding", g_encoding, None),
            ("errors", g_errors, None),
            ("name", g_name, None),
            ("closed", g_closed, None),
            ("mode", g_mode, Some(s_mode)),
            ("newlines", g_newlines, None),
            ("line_buffering", g_line_buffering, None),
            ("buffer", g_buffer, None),
            ("write_through", g_write_through, None),
            ("__dict__", g_dict, None),
        ],
    );
}

#[cfg(test)]
mod tests {
    use super::*;

    // Expected shapes from python3: open(p, mode) for each mode (readable(), writable(), type of .buffer).
    #[test]
    fn open_modes() {
        let cases = [("r", true, false, false), ("w", false, true, false), ("a+", true, true, false), ("rb", true, false, true), ("x+b", true, true, true)];
        for (mode, r, w, b) in cases {
            let m = parse_mode(mode).ok().expect("valid mode");
            assert_eq!((m.readable, m.writable, m.binary), (r, w, b), "{mode}");
        }
        for bad in ["rw", "rbt", "z", "t", "r++", ""] {
            assert!(parse_mode(bad).is_err(), "{bad}");
        }
    }
}
