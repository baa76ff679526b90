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
    /// Encoded text not yet handed to the binary buffer (TextIOWrapper's
    /// pending bytes): bytes written to `.buffer` directly go ahead of it.
    text_pending: RefCell<Vec<u8>>,
    /// The binary buffer (BufferedWriter's).
    buffer: RefCell<Vec<u8>>,
    closed: Cell<bool>,
    readable: bool,
    /// Bytes read from the fd but not yet returned (stdin): the binary
    /// layer's buffer.
    pending: RefCell<Vec<u8>>,
    /// Input the text layer took from the binary layer and has not returned.
    text_in: RefCell<Vec<u8>>,
    eof: Cell<bool>,
    /// The binary stream underneath (`sys.stdout.buffer`), made on first use.
    binary: RefCell<Option<Value>>,
    /// Unbuffered output (-u): the binary stream is a raw `FileIO`.
    raw: bool,
}

/// `sys.stdout.buffer`: a binary view of a standard stream that shares its
/// buffers, so text and bytes written through either come out in order.
pub struct BinaryStream {
    text: Value,
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

/// `_io.BufferedWriter` (stdout, stderr).
pub static BUFFERED_WRITER_TYPE: PyType = PyObject::new_static(
    &crate::types::typeobject::TYPE_TYPE,
    TypeObject::builtin::<BinaryStream>("_io.BufferedWriter", &BUFFERED_WRITER_TYPE, Some(&crate::types::object::OBJECT_TYPE), 0),
);

/// `_io.BufferedReader` (stdin), with the writer's layout.
pub static BUFFERED_READER_TYPE: PyType = PyObject::new_static(
    &crate::types::typeobject::TYPE_TYPE,
    TypeObject::builtin_sublayout(
        "_io.BufferedReader",
        &crate::types::object::OBJECT_TYPE,
        &BUFFERED_WRITER_TYPE,
        std::mem::size_of::<PyObject<BinaryStream>>(),
        crate::object::value::dealloc_builtin::<BinaryStream>,
        0,
    ),
);

/// `_io.FileIO`: the binary stream of unbuffered stdout and stderr.
pub static FILE_IO_TYPE: PyType = PyObject::new_static(
    &crate::types::typeobject::TYPE_TYPE,
    TypeObject::builtin_sublayout(
        "_io.FileIO",
        &crate::types::object::OBJECT_TYPE,
        &BUFFERED_WRITER_TYPE,
        std::mem::size_of::<PyObject<BinaryStream>>(),
        crate::object::value::dealloc_builtin::<BinaryStream>,
        0,
    ),
);

impl PyPayload for BinaryStream {
    fn class() -> &'static PyType {
        &BUFFERED_WRITER_TYPE
    }
}

thread_local! {
    /// `io.UnsupportedOperation`, made on first use.
    static UNSUPPORTED_OPERATION: RefCell<Option<Value>> = const { RefCell::new(None) };
}

/// `io.UnsupportedOperation(msg)`: a subclass of OSError and ValueError.
fn unsupported(ts: &ThreadState, msg: &str) -> PyErr {
    let cls = UNSUPPORTED_OPERATION.with(|c| c.borrow().clone());
    let cls = match cls {
        Some(c) => Ok(c),
        None => (|| {
            let ns = crate::types::dict::new_dict();
            crate::types::dict::dict_set_item(ts, &ns, pystr::intern("__module__"), pystr::new_str("io"))?;
            let bases = crate::types::tuple::new_tuple(vec![exc::OS_ERROR.to_value(), exc::VALUE_ERROR.to_value()])?;
            let c = protocol::call(
                ts,
                &crate::types::typeobject::TYPE_TYPE.to_value(),
                &[pystr::new_str("UnsupportedOperation"), bases, ns],
                None,
            )?;
            UNSUPPORTED_OPERATION.with(|u| *u.borrow_mut() = Some(c.clone()));
            Ok(c)
        })(),
    };
    match cls.and_then(|c| protocol::call(ts, &c, &[pystr::new_str(msg)], None)) {
        Ok(e) => PyErr::from_instance(e),
        Err(e) => e,
    }
}

/// `io.UnsupportedOperation`, for the io module.
pub fn unsupported_operation_type(ts: &ThreadState) -> PyResult<Value> {
    let e = unsupported(ts, "");
    Ok(e.value().type_of().to_value())
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
        text_pending: RefCell::new(Vec::new()),
        buffer: RefCell::new(Vec::new()),
        closed: Cell::new(false),
        readable: fd == 0,
        pending: RefCell::new(Vec::new()),
        text_in: RefCell::new(Vec::new()),
        eof: Cell::new(false),
        binary: RefCell::new(None),
        raw: unbuffered && fd != 0,
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

    /// Write bytes through the binary stream: straight to the fd when
    /// unbuffered, else into the binary buffer (ahead of pending text).
    pub fn write_bytes(&self, bytes: &[u8]) -> PyResult<()> {
        if self.closed.get() {
            return Err(PyErr::value_error(if self.raw { "I/O operation on closed file" } else { "write to closed file" }));
        }
        if self.raw {
            return write_all(self.fd, bytes);
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
        let pending = {
            let mut p = self.text_pending.borrow_mut();
            p.extend_from_slice(&bytes);
            p.len()
        };
        if self.raw || (self.line_buffered && has_newline) {
            return self.flush();
        }
        if pending >= CHUNK {
            self.push_text();
            if self.buffer.borrow().len() >= CHUNK {
                self.flush_binary()?;
            }
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

    /// Byte length of the first `n` characters of the text layer's input and how many
    /// characters that is; a trailing incomplete UTF-8 sequence counts only
    /// once input has ended.
    fn char_prefix(&self, n: usize) -> (usize, usize) {
        let ended = self.eof.get() && self.pending.borrow().is_empty();
        let p = self.text_in.borrow();
        let (mut i, mut count) = (0, 0);
        while i < p.len() && count < n {
            let width = match p[i] {
                0xc0..=0xdf => 2,
                0xe0..=0xef => 3,
                0xf0..=0xf7 => 4,
                _ => 1,
            };
            if i + width > p.len() && !ended {
                break;
            }
            i = (i + width).min(p.len());
            count += 1;
        }
        (i, count)
    }

    /// Take up to `n` characters from the text layer's input.
    fn take_chars(&self, n: usize) -> String {
        let (len, _) = self.char_prefix(n);
        let taken: Vec<u8> = self.text_in.borrow_mut().drain(..len).collect();
        String::from_utf8_lossy(&taken).into_owned()
    }

    /// Read up to `n` characters (all of the input when None).
    pub fn read_chars(&self, n: Option<usize>) -> String {
        match n {
            None => {
                while self.text_fill() {}
                let all = std::mem::take(&mut *self.text_in.borrow_mut());
                String::from_utf8_lossy(&all).into_owned()
            }
            Some(n) => {
                while self.char_prefix(n).1 < n && self.text_fill() {}
                self.take_chars(n)
            }
        }
    }

    /// One line of at most `limit` characters (None: no limit).
    pub fn readline_limited(&self, limit: Option<usize>) -> String {
        let line = self.readline();
        let text = String::from_utf8_lossy(&line).into_owned();
        match limit {
            Some(n) if text.chars().count() > n => {
                let cut = text.char_indices().nth(n).map_or(text.len(), |(i, _)| i);
                // Give back the bytes past the limit.
                let rest = text[cut..].as_bytes().to_vec();
                let mut p = self.text_in.borrow_mut();
                let tail = std::mem::take(&mut *p);
                p.extend_from_slice(&rest);
                p.extend_from_slice(&tail);
                text[..cut].to_string()
            }
            _ => text,
        }
    }

    /// One line of text-layer input, as bytes (newline included).
    pub fn readline(&self) -> Vec<u8> {
        loop {
            // The shared borrow must end before the mutable one below.
            let newline = self.text_in.borrow().iter().position(|b| *b == b'\n');
            if let Some(pos) = newline {
                return self.text_in.borrow_mut().drain(..=pos).collect();
            }
            if !self.text_fill() {
                return std::mem::take(&mut *self.text_in.borrow_mut());
            }
        }
    }

    /// One line of binary-layer input (BufferedReader.readline).
    fn binary_readline(&self) -> Vec<u8> {
        loop {
            let newline = self.pending.borrow().iter().position(|b| *b == b'\n');
            if let Some(pos) = newline {
                return self.pending.borrow_mut().drain(..=pos).collect();
            }
            if self.eof.get() || !self.fill() {
                return std::mem::take(&mut *self.pending.borrow_mut());
            }
        }
    }

    /// Move the next chunk of input from the binary layer to the text
    /// layer, as TextIOWrapper does with `buffer.read1(8192)`: whatever
    /// the binary buffer holds, or one read from the fd.
    fn text_fill(&self) -> bool {
        if self.pending.borrow().is_empty() && (self.eof.get() || !self.fill()) {
            return false;
        }
        let mut p = self.pending.borrow_mut();
        let n = p.len().min(CHUNK);
        let chunk: Vec<u8> = p.drain(..n).collect();
        self.text_in.borrow_mut().extend_from_slice(&chunk);
        true
    }
}

fn m_write(_ts: &ThreadState, v: &Value, a: &[Value], k: Option<&Value>) -> PyResult<Value> {
    let a = crate::object::args::exact("TextIOWrapper.write", a, k, 1)?;
    let s = pystr::as_pystr(&a[0]).ok_or_else(|| {
        PyErr::type_error(format!("write() argument must be str, not {}", protocol::type_name(&a[0])))
    })?;
    let st = this(v)?;
    if st.readable && !st.closed.get() {
        return Err(unsupported(_ts, "not writable"));
    }
    st.write_str(&s.data)?;
    Ok(int::from_i64(s.data.len() as i64))
}

fn m_writelines(ts: &ThreadState, v: &Value, a: &[Value], k: Option<&Value>) -> PyResult<Value> {
    let a = crate::object::args::exact("TextIOWrapper.writelines", a, k, 1)?;
    let it = protocol::get_iter(ts, &a[0])?;
    while let Some(line) = protocol::next(ts, &it)? {
        m_write(ts, v, &[line], None)?;
    }
    Ok(none::none())
}

/// A size argument: an int, or None for "no limit" (`_Py_convert_optional_to_ssize_t`).
fn size_arg(ts: &ThreadState, v: Option<&Value>) -> PyResult<Option<usize>> {
    match v {
        None => Ok(None),
        Some(x) if none::is_none(x) => Ok(None),
        Some(x) => {
            if !int::is_int(x) && x.type_of().data.slots.index.get().is_none() {
                return Err(PyErr::type_error(format!(
                    "argument should be integer or None, not '{}'",
                    protocol::type_name(x)
                )));
            }
            let n = protocol::index_isize(ts, x)?;
            Ok(usize::try_from(n).ok())
        }
    }
}

/// The checks before reading; `flush_first` as readline does, which hands
/// pending written text to the binary buffer before looking for a decoder.
fn check_readable(ts: &ThreadState, s: &TextStream, flush_first: bool) -> PyResult<()> {
    if s.closed.get() {
        return Err(PyErr::value_error("I/O operation on closed file."));
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
    let s = this(v)?;
    check_readable(ts, s, true)?;
    let mut lines = Vec::new();
    let mut total = 0;
    loop {
        let line = s.readline_limited(None);
        if line.is_empty() {
            break;
        }
        total += line.chars().count();
        lines.push(pystr::new_str(&line));
        if hint.is_some_and(|h| total >= h) {
            break;
        }
    }
    crate::types::list::new_list(lines)
}

fn m_seekable(_ts: &ThreadState, v: &Value, _a: &[Value], _k: Option<&Value>) -> PyResult<Value> {
    let s = this(v)?;
    // SAFETY: lseek on a descriptor has no memory effects; failure means not seekable.
    let pos = unsafe { libc::lseek(s.fd, 0, libc::SEEK_CUR) };
    Ok(bool_::new_bool(pos >= 0))
}

fn m_flush(_ts: &ThreadState, v: &Value, _a: &[Value], _k: Option<&Value>) -> PyResult<Value> {
    let s = this(v)?;
    if s.closed.get() {
        return Err(PyErr::value_error("I/O operation on closed file."));
    }
    s.flush()?;
    Ok(none::none())
}

fn m_readline(ts: &ThreadState, v: &Value, a: &[Value], k: Option<&Value>) -> PyResult<Value> {
    let a = crate::object::args::positional("readline", a, k, 0, 1)?;
    let limit = match a.first() {
        Some(x) => usize::try_from(protocol::index_isize(ts, x)?).ok(),
        None => None,
    };
    let s = this(v)?;
    check_readable(ts, s, true)?;
    Ok(pystr::new_str(&s.readline_limited(limit)))
}

fn m_read(ts: &ThreadState, v: &Value, a: &[Value], k: Option<&Value>) -> PyResult<Value> {
    let a = crate::object::args::positional("read", a, k, 0, 1)?;
    let n = size_arg(ts, a.first())?;
    let s = this(v)?;
    check_readable(ts, s, false)?;
    s.push_text();
    Ok(pystr::new_str(&s.read_chars(n)))
}

fn g_buffer(_ts: &ThreadState, v: &Value) -> PyResult<Value> {
    let s = this(v)?;
    if let Some(b) = s.binary.borrow().clone() {
        return Ok(b);
    }
    let ty = match (s.readable, s.raw) {
        (true, _) => &BUFFERED_READER_TYPE,
        (false, true) => &FILE_IO_TYPE,
        (false, false) => &BUFFERED_WRITER_TYPE,
    };
    let b = Value::new_with_type(ty, BinaryStream { text: v.clone() })?;
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
    Ok(int::from_i64(open_stream(v)?.fd as i64))
}

fn m_isatty(_ts: &ThreadState, v: &Value, _a: &[Value], _k: Option<&Value>) -> PyResult<Value> {
    // SAFETY: isatty has no preconditions.
    Ok(bool_::new_bool(unsafe { libc::isatty(open_stream(v)?.fd) } == 1))
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
    // Buffered terminals and stderr are line buffered; -u streams write
    // through instead.
    let s = this(v)?;
    // SAFETY: isatty has no preconditions.
    let tty = unsafe { libc::isatty(s.fd) } == 1;
    Ok(bool_::new_bool(!s.raw && (tty || s.fd == 2)))
}

fn binary(v: &Value) -> PyResult<&TextStream> {
    let b = v.downcast::<BinaryStream>().ok_or_else(|| PyErr::type_error("binary stream expected"))?;
    this(&b.text)
}

fn b_write(ts: &ThreadState, v: &Value, a: &[Value], k: Option<&Value>) -> PyResult<Value> {
    let s = binary(v)?;
    let a = crate::object::args::exact(if s.raw { "FileIO.write" } else { "BufferedWriter.write" }, a, k, 1)?;
    if s.readable {
        return Err(unsupported(ts, "write"));
    }
    let data = crate::types::bytes::bytes_like(ts, &a[0])?;
    s.write_bytes(&data)?;
    Ok(int::from_i64(data.len() as i64))
}

fn b_flush(_ts: &ThreadState, v: &Value, a: &[Value], k: Option<&Value>) -> PyResult<Value> {
    crate::object::args::exact("flush", a, k, 0)?;
    binary(v)?.flush_binary()?;
    Ok(none::none())
}

fn b_reader(ts: &ThreadState, v: &Value, what: &str) -> PyResult<&'static str> {
    let s = binary(v)?;
    if !s.readable {
        return Err(unsupported(ts, if s.raw { "File not open for reading" } else { what }));
    }
    if s.closed.get() {
        return Err(PyErr::value_error("read of closed file"));
    }
    Ok("")
}

fn b_read(ts: &ThreadState, v: &Value, a: &[Value], k: Option<&Value>) -> PyResult<Value> {
    let a = crate::object::args::positional("read", a, k, 0, 1)?;
    let n = size_arg(ts, a.first())?;
    b_reader(ts, v, "read")?;
    let s = binary(v)?;
    let data = match n {
        None => {
            while s.fill() {}
            std::mem::take(&mut *s.pending.borrow_mut())
        }
        Some(n) => {
            while s.pending.borrow().len() < n && !s.eof.get() && s.fill() {}
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
    let mut line = s.binary_readline();
    if let Some(n) = limit.filter(|n| *n < line.len()) {
        let rest = line.split_off(n);
        let mut p = s.pending.borrow_mut();
        let tail = std::mem::take(&mut *p);
        p.extend_from_slice(&rest);
        p.extend_from_slice(&tail);
    }
    Ok(crate::types::bytes::new_bytes(line))
}

fn b_fileno(_ts: &ThreadState, v: &Value, _a: &[Value], _k: Option<&Value>) -> PyResult<Value> {
    Ok(int::from_i64(binary(v)?.fd as i64))
}

fn b_isatty(_ts: &ThreadState, v: &Value, _a: &[Value], _k: Option<&Value>) -> PyResult<Value> {
    // SAFETY: isatty has no preconditions.
    Ok(bool_::new_bool(unsafe { libc::isatty(binary(v)?.fd) } == 1))
}

fn b_readable(_ts: &ThreadState, v: &Value, _a: &[Value], _k: Option<&Value>) -> PyResult<Value> {
    Ok(bool_::new_bool(binary(v)?.readable))
}

fn b_writable(_ts: &ThreadState, v: &Value, _a: &[Value], _k: Option<&Value>) -> PyResult<Value> {
    Ok(bool_::new_bool(!binary(v)?.readable))
}

fn bg_name(_ts: &ThreadState, v: &Value) -> PyResult<Value> {
    Ok(pystr::new_str(binary(v)?.name))
}
fn bg_mode(_ts: &ThreadState, v: &Value) -> PyResult<Value> {
    Ok(pystr::new_str(if binary(v)?.readable { "rb" } else { "wb" }))
}
fn bg_closed(_ts: &ThreadState, v: &Value) -> PyResult<Value> {
    Ok(bool_::new_bool(binary(v)?.closed.get()))
}

fn binary_repr(_ts: &ThreadState, v: &Value) -> PyResult<Value> {
    let s = binary(v)?;
    if s.raw {
        return Ok(pystr::new_str(&format!("<_io.FileIO name='{}' mode='wb' closefd=False>", s.name)));
    }
    let kind = if s.readable { "BufferedReader" } else { "BufferedWriter" };
    Ok(pystr::new_str(&format!("<_io.{kind} name='{}'>", s.name)))
}

fn stream_repr(_ts: &ThreadState, v: &Value) -> PyResult<Value> {
    let s = this(v)?;
    let mode = if s.readable { "r" } else { "w" };
    Ok(pystr::new_str(&format!("<_io.TextIOWrapper name='{}' mode='{}' encoding='utf-8'>", s.name, mode)))
}

fn stream_iternext(ts: &ThreadState, v: &Value) -> PyResult<Option<Value>> {
    let s = this(v)?;
    check_readable(ts, s, true)?;
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
    for ty in [&BUFFERED_WRITER_TYPE, &BUFFERED_READER_TYPE, &FILE_IO_TYPE] {
        let s = &ty.data.slots;
        s.getattro.set(Some(protocol::generic_getattr));
        s.repr.set(Some(binary_repr));
        descr::add_methods(
            ty,
            &[
                ("write", b_write),
                ("flush", b_flush),
                ("read", b_read),
                ("readline", b_readline),
                ("fileno", b_fileno),
                ("isatty", b_isatty),
                ("readable", b_readable),
                ("writable", b_writable),
            ],
        );
        descr::add_getsets(ty, &[("name", bg_name, None), ("mode", bg_mode, None), ("closed", bg_closed, None)]);
    }
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
            ("seekable", m_seekable),
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
            ("buffer", g_buffer, None),
        ],
    );
}
