//! `marshal`: CPython's value serialization format (Python/marshal.c),
//! byte for byte for the builtin value types, versions 0 to 4. Code objects
//! use our own field layout (our bytecode is not CPython's); loading one
//! checks its bytecode (`verify_code`) so that no input can build a code
//! object that misbehaves in the evaluation loop.

use std::sync::Arc;

use compiler::code::{CodeObject, CO_FAST_CELL, CO_FAST_FREE, CO_FAST_LOCAL, CO_VARARGS, CO_VARKEYWORDS};
use compiler::opcode::Opcode;

use crate::object::protocol;
use crate::object::value::Value;
use crate::runtime::errors::{PyErr, PyResult};
use crate::runtime::thread::ThreadState;
use crate::types::code::PyCode;
use crate::types::{bool_, bytearray, bytes, complex, dict, exceptions as exc, float, int, list, none, set, str as pystr, tuple};

/// The format `dumps` writes by default (`marshal.version`).
pub const VERSION: i32 = 4;

/// CPython's limit on nesting, for writing and reading.
const MAX_DEPTH: usize = 2000;

// Type codes (CPython's TYPE_* characters).
const TYPE_NULL: u8 = b'0';
const TYPE_NONE: u8 = b'N';
const TYPE_FALSE: u8 = b'F';
const TYPE_TRUE: u8 = b'T';
const TYPE_STOPITER: u8 = b'S';
const TYPE_ELLIPSIS: u8 = b'.';
const TYPE_INT: u8 = b'i';
const TYPE_INT64: u8 = b'I';
const TYPE_FLOAT: u8 = b'f';
const TYPE_BINARY_FLOAT: u8 = b'g';
const TYPE_COMPLEX: u8 = b'x';
const TYPE_BINARY_COMPLEX: u8 = b'y';
const TYPE_LONG: u8 = b'l';
const TYPE_STRING: u8 = b's';
const TYPE_INTERNED: u8 = b't';
const TYPE_REF: u8 = b'r';
const TYPE_TUPLE: u8 = b'(';
const TYPE_LIST: u8 = b'[';
const TYPE_DICT: u8 = b'{';
const TYPE_CODE: u8 = b'c';
const TYPE_UNICODE: u8 = b'u';
const TYPE_UNKNOWN: u8 = b'?';
const TYPE_SET: u8 = b'<';
const TYPE_FROZENSET: u8 = b'>';
const TYPE_ASCII: u8 = b'a';
const TYPE_ASCII_INTERNED: u8 = b'A';
const TYPE_SMALL_TUPLE: u8 = b')';
const TYPE_SHORT_ASCII: u8 = b'z';
const TYPE_SHORT_ASCII_INTERNED: u8 = b'Z';
/// Ours, only in bytecode caches: a nested code object whose body is read
/// on first use (name, qualname, docstring, size, then the body's fields
/// with no back-references outside them).
const TYPE_LAZY_CODE: u8 = b'J';
const FLAG_REF: u8 = 0x80;

const SIZE32_MAX: i64 = 0x7FFF_FFFF;

// ---------------------------------------------------------------------------
// Writing.

/// Why writing stopped (CPython's WFERR_* codes).
enum WriteError {
    Unmarshallable,
    NestedTooDeep,
    Py(PyErr),
}

impl From<PyErr> for WriteError {
    fn from(e: PyErr) -> Self {
        WriteError::Py(e)
    }
}

type WResult = Result<(), WriteError>;

struct Writer<'a> {
    ts: &'a ThreadState,
    out: Vec<u8>,
    version: i32,
    /// Objects already written with FLAG_REF, by identity, with their index
    /// (None below version 3, which writes no references).
    refs: Option<hashbrown::HashMap<usize, u32>>,
    /// Keeps the referenced objects alive so that no address is reused.
    keep: Vec<Value>,
    depth: usize,
    /// Writing a bytecode cache: nested code objects are written so that
    /// their bodies can be read lazily (TYPE_LAZY_CODE).
    lazy: bool,
}

impl<'a> Writer<'a> {
    fn new(ts: &'a ThreadState, version: i32) -> Self {
        Writer { ts, out: Vec::new(), version, refs: (version >= 3).then(hashbrown::HashMap::new), keep: Vec::new(), depth: 0, lazy: false }
    }

    fn byte(&mut self, b: u8) {
        self.out.push(b);
    }

    fn long(&mut self, x: i32) {
        self.out.extend_from_slice(&x.to_le_bytes());
    }

    fn size(&mut self, n: usize) -> WResult {
        if n as i64 > SIZE32_MAX {
            return Err(WriteError::Unmarshallable);
        }
        self.long(n as i32);
        Ok(())
    }

    fn pstring(&mut self, data: &[u8]) -> WResult {
        self.size(data.len())?;
        self.out.extend_from_slice(data);
        Ok(())
    }

    fn float_str(&mut self, x: f64) {
        let s = crate::format::float_to_string(x, 'g', 17, Default::default());
        self.byte(s.len() as u8);
        self.out.extend_from_slice(s.as_bytes());
    }

    /// `w_ref`: a back-reference when `v` was written before; else whether
    /// to flag it for later references. CPython flags objects whose
    /// reference count shows another holder; `extra` counts the references
    /// the writer itself holds.
    fn reference(&mut self, v: &Value, extra: usize) -> Result<Option<u8>, WriteError> {
        let Some(refs) = self.refs.as_mut() else { return Ok(Some(0)) };
        if v.refcount().saturating_sub(extra) <= 1 {
            return Ok(Some(0));
        }
        if let Some(&i) = refs.get(&v.id()) {
            self.out.push(TYPE_REF);
            self.out.extend_from_slice(&i.to_le_bytes());
            return Ok(None);
        }
        let n = refs.len();
        if n as i64 >= SIZE32_MAX {
            return Err(WriteError::Py(PyErr::value_error("too many objects")));
        }
        refs.insert(v.id(), n as u32);
        self.keep.push(v.clone());
        Ok(Some(FLAG_REF))
    }

    fn object(&mut self, v: &Value, extra: usize) -> WResult {
        self.depth += 1;
        let r = if self.depth > MAX_DEPTH { Err(WriteError::NestedTooDeep) } else { self.object_inner(v, extra) };
        self.depth -= 1;
        r
    }

    fn object_inner(&mut self, v: &Value, extra: usize) -> WResult {
        if none::is_none(v) {
            self.byte(TYPE_NONE);
            return Ok(());
        }
        if v.is(&exc::STOP_ITERATION.to_value()) {
            self.byte(TYPE_STOPITER);
            return Ok(());
        }
        if v.is(&none::ellipsis()) {
            self.byte(TYPE_ELLIPSIS);
            return Ok(());
        }
        if let Some(b) = bool_::as_bool(v).filter(|_| v.is_exact(&bool_::BOOL_TYPE)) {
            self.byte(if b { TYPE_TRUE } else { TYPE_FALSE });
            return Ok(());
        }
        let Some(flag) = self.reference(v, extra)? else { return Ok(()) };
        self.complex_object(v, flag)
    }

    fn complex_object(&mut self, v: &Value, flag: u8) -> WResult {
        if v.as_small_int().is_some() || v.is_exact(&int::INT_TYPE) {
            match int::as_int(v) {
                Some(r) => match r.to_i64().and_then(|i| i32::try_from(i).ok()) {
                    Some(i) => {
                        self.byte(TYPE_INT | flag);
                        self.long(i);
                    }
                    None => self.long_digits(&r.to_bigint(), flag)?,
                },
                None => return Err(WriteError::Unmarshallable),
            }
        } else if v.is_exact(&float::FLOAT_TYPE) {
            let x = float::as_float_exact_payload(v).unwrap_or(0.0);
            if self.version > 1 {
                self.byte(TYPE_BINARY_FLOAT | flag);
                self.out.extend_from_slice(&x.to_le_bytes());
            } else {
                self.byte(TYPE_FLOAT | flag);
                self.float_str(x);
            }
        } else if v.is_exact(&complex::COMPLEX_TYPE) {
            let (re, im) = v.downcast::<complex::PyComplex>().map_or((0.0, 0.0), |c| (c.re, c.im));
            if self.version > 1 {
                self.byte(TYPE_BINARY_COMPLEX | flag);
                self.out.extend_from_slice(&re.to_le_bytes());
                self.out.extend_from_slice(&im.to_le_bytes());
            } else {
                self.byte(TYPE_COMPLEX | flag);
                self.float_str(re);
                self.float_str(im);
            }
        } else if v.is_exact(&bytes::BYTES_TYPE) {
            self.byte(TYPE_STRING | flag);
            let data = bytes::buffer_data(v).unwrap_or_default();
            self.pstring(&data)?;
        } else if v.is_exact(&pystr::STR_TYPE) {
            self.string(v, flag)?;
        } else if v.is_exact(&tuple::TUPLE_TYPE) {
            let items = tuple::tuple_items(v);
            self.tuple_header(items.len(), flag)?;
            for x in items {
                self.object(x, 0)?;
            }
        } else if v.is_exact(&list::LIST_TYPE) {
            // A snapshot: writing runs no Python code, but the list must not
            // stay borrowed; each item then has one more reference.
            let items = v.downcast::<list::PyList>().map(|l| l.snapshot()).unwrap_or_default();
            self.byte(TYPE_LIST | flag);
            self.size(items.len())?;
            for x in &items {
                self.object(x, 1)?;
            }
        } else if v.is_exact(&dict::DICT_TYPE) {
            let items = dict::as_dict(v).map(|d| d.items()).unwrap_or_default();
            self.byte(TYPE_DICT | flag);
            for (k, x) in &items {
                self.object(k, 1)?;
                self.object(x, 1)?;
            }
            self.byte(TYPE_NULL);
        } else if v.is_exact(&set::SET_TYPE) || v.is_exact(&set::FROZENSET_TYPE) {
            let items = v.downcast::<set::PySet>().map(|s| s.items()).unwrap_or_default();
            self.byte(if v.is_exact(&set::SET_TYPE) { TYPE_SET } else { TYPE_FROZENSET } | flag);
            self.size(items.len())?;
            for x in &items {
                self.object(x, 1)?;
            }
        } else if let Some(c) = v.downcast::<PyCode>() {
            self.byte(TYPE_CODE | flag);
            self.code(c)?;
        } else if let Some(data) = bytes::buffer_data(v) {
            // Other bytes-like objects are written as bytes.
            self.byte(TYPE_STRING | flag);
            self.pstring(&data)?;
        } else {
            self.byte(TYPE_UNKNOWN | flag);
            return Err(WriteError::Unmarshallable);
        }
        Ok(())
    }

    fn tuple_header(&mut self, n: usize, flag: u8) -> WResult {
        if self.version >= 4 && n < 256 {
            self.byte(TYPE_SMALL_TUPLE | flag);
            self.byte(n as u8);
            Ok(())
        } else {
            self.byte(TYPE_TUPLE | flag);
            self.size(n)
        }
    }

    /// `w_PyLong`: the magnitude in base 2**15 digits, least significant
    /// first, the sign on the digit count.
    fn long_digits(&mut self, b: &num_bigint::BigInt, flag: u8) -> WResult {
        self.byte(TYPE_LONG | flag);
        let (sign, mut mag) = (b.sign(), b.magnitude().clone());
        let mut digits: Vec<u16> = Vec::new();
        let mask = num_bigint::BigUint::from(0x7fffu32);
        while mag != num_bigint::BigUint::from(0u32) {
            let d = (&mag & &mask).to_u32_digits().first().copied().unwrap_or(0);
            digits.push(d as u16);
            mag >>= 15;
        }
        if digits.len() as i64 > SIZE32_MAX {
            return Err(WriteError::Unmarshallable);
        }
        let n = digits.len() as i32;
        self.long(if sign == num_bigint::Sign::Minus { -n } else { n });
        for d in digits {
            self.out.extend_from_slice(&d.to_le_bytes());
        }
        Ok(())
    }

    fn string(&mut self, v: &Value, flag: u8) -> WResult {
        let Some(s) = pystr::as_pystr(v) else { return Err(WriteError::Unmarshallable) };
        let interned = is_interned(self.ts, v);
        if self.version >= 4 && s.data.is_ascii() {
            let text = s.data.kind_bytes();
            if text.len() < 256 {
                self.byte(if interned { TYPE_SHORT_ASCII_INTERNED } else { TYPE_SHORT_ASCII } | flag);
                self.byte(text.len() as u8);
                self.out.extend_from_slice(text);
            } else {
                self.byte(if interned { TYPE_ASCII_INTERNED } else { TYPE_ASCII } | flag);
                self.pstring(text)?;
            }
            return Ok(());
        }
        let utf8 = match bytes::encode_str(self.ts, v, "utf-8", "surrogatepass") {
            Ok(b) => b,
            Err(_) => return Err(WriteError::Unmarshallable),
        };
        let data = bytes::buffer_data(&utf8).unwrap_or_default();
        self.byte(if self.version >= 3 && interned { TYPE_INTERNED } else { TYPE_UNICODE } | flag);
        self.pstring(&data)
    }

    /// A code object in our layout: the counts and flags, the bytecode,
    /// constants, names, fast-locals names and kinds, file name, name,
    /// qualified name, first line, location table and exception table.
    fn code(&mut self, c: &PyCode) -> WResult {
        let co = &c.code;
        for x in [co.co_argcount, co.co_posonlyargcount, co.co_kwonlyargcount, co.co_stacksize, co.co_flags] {
            self.long(x as i32);
        }
        self.bytes_object(&co.co_code)?;
        // Written from the code's own vectors (no temporary tuples), so
        // each item's count is what its other holders make it.
        self.tuple_header(c.consts.len(), 0)?;
        for x in &c.consts {
            match x.downcast::<PyCode>() {
                Some(inner) if self.lazy => self.lazy_code(inner)?,
                _ => self.object(x, 0)?,
            }
        }
        self.tuple_header(c.names.len(), 0)?;
        for x in &c.names {
            self.object(x, 0)?;
        }
        self.tuple_header(c.localsplusnames.len(), 0)?;
        for x in &c.localsplusnames {
            self.object(x, 0)?;
        }
        self.bytes_object(&co.co_localspluskinds)?;
        self.object(&c.filename, 0)?;
        self.object(&c.name, 0)?;
        self.object(&c.qualname, 0)?;
        self.long(co.co_firstlineno as i32);
        self.bytes_object(&co.co_linetable)?;
        self.bytes_object(&co.co_exceptiontable)
    }

    /// A nested code object as TYPE_LAZY_CODE: what making a function
    /// reads, then the body, written by a writer of its own so that it has
    /// no back-references to what precedes it.
    fn lazy_code(&mut self, c: &PyCode) -> WResult {
        self.byte(TYPE_LAZY_CODE);
        self.object(&c.name, 0)?;
        self.object(&c.qualname, 0)?;
        self.object(&c.docstring(), 0)?;
        let mut inner = Writer::new(self.ts, self.version);
        inner.lazy = true;
        inner.depth = self.depth;
        inner.code(c)?;
        self.pstring(&inner.out)
    }

    fn bytes_object(&mut self, data: &[u8]) -> WResult {
        self.byte(TYPE_STRING);
        self.pstring(data)
    }
}

/// Whether `v` is the interpreter's interned str for its text.
fn is_interned(ts: &ThreadState, v: &Value) -> bool {
    let Some(s) = pystr::as_pystr(v) else { return false };
    let Some(text) = s.data.as_str() else { return false };
    if text.is_empty() {
        return v.is(&pystr::empty_str());
    }
    ts.interp().interned.borrow().get(text).is_some_and(|x| x.is(v))
}

/// `marshal.dumps(value, version)` as bytes.
pub fn dumps_value(ts: &ThreadState, v: &Value, version: i32) -> PyResult<Vec<u8>> {
    let mut w = Writer::new(ts, version);
    match w.object(v, 0) {
        Ok(()) => Ok(w.out),
        Err(WriteError::Unmarshallable) => Err(PyErr::value_error("unmarshallable object")),
        Err(WriteError::NestedTooDeep) => Err(PyErr::value_error("object too deeply nested to marshal")),
        Err(WriteError::Py(e)) => Err(e),
    }
}

// ---------------------------------------------------------------------------
// Reading.

/// `marshal.dumps(code)` for a bytecode cache: nested code objects are
/// loaded lazily (see `loads_trusted`).
pub fn dumps_for_cache(ts: &ThreadState, code: &Value) -> PyResult<Vec<u8>> {
    let mut w = Writer::new(ts, VERSION);
    w.lazy = true;
    match w.object(code, 0) {
        Ok(()) => Ok(w.out),
        Err(WriteError::Py(e)) => Err(e),
        Err(_) => Err(PyErr::value_error("unmarshallable object")),
    }
}

/// Where the data comes from: a buffer (loads) or a file's read() (load).
enum Source<'a> {
    Buf { data: &'a [u8], pos: usize },
    File { file: Value },
}

struct Reader<'a> {
    ts: &'a ThreadState,
    src: Source<'a>,
    /// Objects registered with FLAG_REF (None: reserved, still being built).
    refs: Vec<Option<Value>>,
    /// Which of `refs` are interned strs (read with an interned type code).
    ref_interned: Vec<bool>,
    /// Whether the object just read is an interned str: names need not be
    /// looked up in the interned table a second time.
    last_interned: bool,
    depth: usize,
    /// The data is a bytecode cache our compiler wrote, checksummed: its
    /// code objects are not re-verified (see import/pyc.rs).
    trusted: bool,
    /// The buffer being read, shared with the lazily loaded code objects
    /// made from it (bytecode caches only).
    owner: Option<Arc<Vec<u8>>>,
}

fn bad(what: &str) -> PyErr {
    PyErr::value_error(format!("bad marshal data ({what})"))
}

fn eof_object() -> PyErr {
    PyErr::new(&exc::EOF_ERROR, "EOF read where object expected")
}

impl<'a> Reader<'a> {
    /// A reader of `src`; `owner` (a checksummed bytecode cache's data,
    /// the buffer `src` reads) makes it trusted.
    fn new(ts: &'a ThreadState, src: Source<'a>, owner: Option<Arc<Vec<u8>>>) -> Self {
        Reader { ts, src, refs: Vec::new(), ref_interned: Vec::new(), last_interned: false, depth: 0, trusted: owner.is_some(), owner }
    }

    /// The next `n` bytes.
    fn take(&mut self, n: usize) -> PyResult<std::borrow::Cow<'a, [u8]>> {
        match &mut self.src {
            Source::Buf { data, pos } => {
                let data: &'a [u8] = data;
                if data.len() - *pos < n {
                    return Err(PyErr::new(&exc::EOF_ERROR, "marshal data too short"));
                }
                let out = &data[*pos..*pos + n];
                *pos += n;
                Ok(std::borrow::Cow::Borrowed(out))
            }
            Source::File { file } => {
                let file = file.clone();
                self.read_file(&file, n).map(std::borrow::Cow::Owned)
            }
        }
    }

    /// `n` bytes through the file's readinto(), as CPython reads (in
    /// pieces of at most a megabyte, so a bogus size in the data cannot ask
    /// for a huge buffer before the file runs out).
    fn read_file(&self, file: &Value, n: usize) -> PyResult<Vec<u8>> {
        const PIECE: usize = 1 << 20;
        let mut out = Vec::with_capacity(n.min(PIECE));
        let mut left = n;
        loop {
            let want = left.min(PIECE);
            let buf = bytearray::new_bytearray(vec![0; want])?;
            let r = protocol::call_method(self.ts, file, "readinto", std::slice::from_ref(&buf))?;
            let got = protocol::index(self.ts, &r)?;
            let got = int::to_isize(&got).ok_or_else(|| PyErr::value_error("cannot fit 'int' into an index-sized integer"))?;
            if got != want as isize {
                if got > want as isize {
                    return Err(PyErr::value_error(format!(
                        "read() returned too much data: {want} bytes requested, {got} returned"
                    )));
                }
                return Err(PyErr::new(&exc::EOF_ERROR, "EOF read where not expected"));
            }
            if let Some(b) = bytearray::as_bytearray(&buf) {
                out.extend(b.data.borrow().iter().take(want));
            }
            left -= want;
            if left == 0 {
                return Ok(out);
            }
        }
    }

    /// The next byte, None at the end of the data.
    fn byte(&mut self) -> PyResult<Option<u8>> {
        match &mut self.src {
            Source::Buf { data, pos } => {
                let b = data.get(*pos).copied();
                if b.is_some() {
                    *pos += 1;
                }
                Ok(b)
            }
            Source::File { file } => {
                let file = file.clone();
                // At the end of the file there is no byte (CPython's r_byte
                // gives EOF and the caller says what was expected).
                match self.read_file(&file, 1) {
                    Ok(b) => Ok(b.first().copied()),
                    Err(e) if e.matches(&exc::EOF_ERROR) => Ok(None),
                    Err(e) => Err(e),
                }
            }
        }
    }

    fn long(&mut self) -> PyResult<i32> {
        let b = self.take(4)?;
        Ok(i32::from_le_bytes([b[0], b[1], b[2], b[3]]))
    }

    fn size(&mut self, what: &str) -> PyResult<usize> {
        let n = self.long()?;
        if n < 0 {
            return Err(bad(&format!("{what} size out of range")));
        }
        Ok(n as usize)
    }

    fn float_bin(&mut self) -> PyResult<f64> {
        let b = self.take(8)?;
        let mut a = [0u8; 8];
        a.copy_from_slice(&b);
        Ok(f64::from_le_bytes(a))
    }

    fn float_str(&mut self) -> PyResult<f64> {
        let n = self.byte()?.ok_or_else(eof_object)?;
        let b = self.take(n as usize)?;
        let text = String::from_utf8_lossy(&b).into_owned();
        let trimmed_ok = !text.starts_with(char::is_whitespace) && !text.ends_with(char::is_whitespace) && !text.contains('_');
        match crate::numeric::parse::parse_float(&text) {
            Ok(x) if trimmed_ok => Ok(x),
            _ => Err(PyErr::value_error(format!("could not convert string to float: '{text}'"))),
        }
    }

    fn reserve(&mut self, flag: bool) -> PyResult<usize> {
        if !flag {
            return Ok(0);
        }
        if self.refs.len() as i64 >= 0x7fff_fffe {
            return Err(bad("index list too large"));
        }
        self.refs.push(None);
        self.ref_interned.push(false);
        Ok(self.refs.len() - 1)
    }

    fn register(&mut self, v: Value, flag: bool) -> Value {
        self.register_str(v, flag, false)
    }

    fn register_str(&mut self, v: Value, flag: bool, interned: bool) -> Value {
        if flag {
            self.refs.push(Some(v.clone()));
            self.ref_interned.push(interned);
        }
        self.last_interned = interned;
        v
    }

    /// `r_object`: None for TYPE_NULL (the end of a dict).
    fn object(&mut self) -> PyResult<Option<Value>> {
        let code = self.byte()?.ok_or_else(eof_object)?;
        self.object_with(code)
    }

    /// `r_object` once the type code is read.
    fn object_with(&mut self, code: u8) -> PyResult<Option<Value>> {
        self.last_interned = false;
        self.depth += 1;
        if self.depth > MAX_DEPTH {
            self.depth -= 1;
            return Err(PyErr::value_error("recursion limit exceeded"));
        }
        let r = self.object_of(code);
        self.depth -= 1;
        r
    }

    /// An object that must be there (an item of a container).
    fn item(&mut self, what: &str) -> PyResult<Value> {
        self.object()?.ok_or_else(|| PyErr::type_error(format!("NULL object in marshal data for {what}")))
    }

    fn object_of(&mut self, code: u8) -> PyResult<Option<Value>> {
        let flag = code & FLAG_REF != 0;
        let v = match code & !FLAG_REF {
            TYPE_NULL => return Ok(None),
            TYPE_NONE => none::none(),
            TYPE_STOPITER => exc::STOP_ITERATION.to_value(),
            TYPE_ELLIPSIS => none::ellipsis(),
            TYPE_FALSE => bool_::new_bool(false),
            TYPE_TRUE => bool_::new_bool(true),
            TYPE_INT => {
                let n = self.long()?;
                self.register(int::from_i64(n as i64), flag)
            }
            TYPE_INT64 => {
                let b = self.take(8)?;
                let mut a = [0u8; 8];
                a.copy_from_slice(&b);
                self.register(int::from_i64(i64::from_le_bytes(a)), flag)
            }
            TYPE_LONG => {
                let v = self.long_digits()?;
                self.register(v, flag)
            }
            TYPE_FLOAT => {
                let x = self.float_str()?;
                self.register(float::new_float(x), flag)
            }
            TYPE_BINARY_FLOAT => {
                let x = self.float_bin()?;
                self.register(float::new_float(x), flag)
            }
            TYPE_COMPLEX => {
                let re = self.float_str()?;
                let im = self.float_str()?;
                self.register(complex::new_complex(re, im), flag)
            }
            TYPE_BINARY_COMPLEX => {
                let re = self.float_bin()?;
                let im = self.float_bin()?;
                self.register(complex::new_complex(re, im), flag)
            }
            TYPE_STRING => {
                let n = self.size("bytes object")?;
                let data = self.take(n)?.into_owned();
                self.register(bytes::new_bytes(data), flag)
            }
            t @ (TYPE_ASCII | TYPE_ASCII_INTERNED | TYPE_SHORT_ASCII | TYPE_SHORT_ASCII_INTERNED) => {
                let n = if t == TYPE_ASCII || t == TYPE_ASCII_INTERNED {
                    self.size("string")?
                } else {
                    self.byte()?.ok_or_else(eof_object)? as usize
                };
                let data = self.take(n)?;
                let interned = t == TYPE_ASCII_INTERNED || t == TYPE_SHORT_ASCII_INTERNED;
                let v = match std::str::from_utf8(&data).ok().filter(|s| s.is_ascii()) {
                    Some(s) if interned => pystr::intern(s),
                    Some(s) => pystr::new_str(s),
                    // CPython reads the bytes as Latin-1 whatever they hold.
                    None => pystr::from_data(crate::stringlib::StrData::from_latin1(&data)),
                };
                let interned = interned && pystr::as_pystr(&v).is_some_and(|s| s.data.as_str().is_some());
                self.register_str(v, flag, interned)
            }
            t @ (TYPE_UNICODE | TYPE_INTERNED) => {
                let n = self.size("string")?;
                let data = self.take(n)?.into_owned();
                let v = bytes::decode_object(self.ts, &bytes::new_bytes(data), "utf-8", "surrogatepass")?;
                let (v, interned) = match pystr::as_pystr(&v).and_then(|s| s.data.as_str()) {
                    Some(s) if t == TYPE_INTERNED => (pystr::intern(s), true),
                    _ => (v, false),
                };
                self.register_str(v, flag, interned)
            }
            t @ (TYPE_TUPLE | TYPE_SMALL_TUPLE) => {
                let n = if t == TYPE_SMALL_TUPLE {
                    self.byte()?.ok_or_else(eof_object)? as usize
                } else {
                    self.size("tuple")?
                };
                // The tuple is made after its items: a reference to it from
                // inside itself is refused as invalid.
                let idx = self.reserve(flag)?;
                let mut items = Vec::with_capacity(n.min(4096));
                for _ in 0..n {
                    items.push(self.item("tuple")?);
                }
                let v = tuple::new_tuple(items)?;
                if flag {
                    self.refs[idx] = Some(v.clone());
                }
                v
            }
            TYPE_LIST => {
                let n = self.size("list")?;
                let v = list::new_list(Vec::with_capacity(n.min(4096)))?;
                let v = self.register(v, flag);
                for _ in 0..n {
                    let x = self.item("list")?;
                    if let Some(l) = v.downcast::<list::PyList>() {
                        l.push(x);
                    }
                }
                v
            }
            TYPE_DICT => {
                let v = self.register(dict::new_dict(), flag);
                loop {
                    let Some(k) = self.object()? else { break };
                    let Some(x) = self.object()? else { break };
                    dict::dict_set_item(self.ts, &v, k, x)?;
                }
                v
            }
            t @ (TYPE_SET | TYPE_FROZENSET) => {
                let n = self.size("set")?;
                if t == TYPE_SET {
                    let v = self.register(set::new_set_from(self.ts, Vec::new())?, flag);
                    for _ in 0..n {
                        let x = self.item("set")?;
                        set::set_add(self.ts, &v, x)?;
                    }
                    v
                } else {
                    let idx = self.reserve(flag)?;
                    let mut items = Vec::with_capacity(n.min(4096));
                    for _ in 0..n {
                        items.push(self.item("set")?);
                    }
                    let v = set::new_frozenset_from(items)?;
                    if flag {
                        self.refs[idx] = Some(v.clone());
                    }
                    v
                }
            }
            TYPE_CODE => {
                let idx = self.reserve(flag)?;
                let v = self.code()?;
                if flag {
                    self.refs[idx] = Some(v.clone());
                }
                v
            }
            TYPE_LAZY_CODE if self.owner.is_some() => {
                let idx = self.reserve(flag)?;
                let (name, _) = self.str_item(true)?;
                let (qualname, _) = self.str_field()?;
                let doc = self.item("object")?;
                let len = self.size("code")?;
                let Source::Buf { pos, .. } = &self.src else { return Err(bad("unknown type code")) };
                let start = *pos;
                self.take(len)?;
                let data = self.owner.clone().ok_or_else(|| bad("unknown type code"))?;
                let v = crate::types::code::new_lazy_code(name, qualname, crate::types::code::LazyBody { data, start, len, doc })?;
                if flag {
                    self.refs[idx] = Some(v.clone());
                }
                v
            }
            TYPE_REF => {
                let n = self.long()?;
                match usize::try_from(n).ok().and_then(|i| Some((self.refs.get(i)?.as_ref()?, self.ref_interned[i]))) {
                    Some((v, interned)) => {
                        self.last_interned = interned;
                        v.clone()
                    }
                    None => return Err(bad("invalid reference")),
                }
            }
            _ => return Err(bad("unknown type code")),
        };
        Ok(Some(v))
    }

    /// `r_PyLong`.
    fn long_digits(&mut self) -> PyResult<Value> {
        let n = self.long()?;
        if n == 0 {
            return Ok(int::from_i64(0));
        }
        if n == i32::MIN {
            return Err(bad("long size out of range"));
        }
        let count = n.unsigned_abs() as usize;
        let mut mag = num_bigint::BigUint::from(0u32);
        let mut digits = Vec::with_capacity(count.min(4096));
        for j in 0..count {
            let b = self.take(2)?;
            let d = i16::from_le_bytes([b[0], b[1]]);
            if d < 0 {
                return Err(bad("digit out of range in long"));
            }
            if d == 0 && j == count - 1 {
                return Err(bad("unnormalized long data"));
            }
            digits.push(d as u16);
        }
        for d in digits.iter().rev() {
            mag <<= 15;
            mag |= num_bigint::BigUint::from(*d);
        }
        let sign = if n < 0 { num_bigint::Sign::Minus } else { num_bigint::Sign::Plus };
        Ok(int::from_bigint(num_bigint::BigInt::from_biguint(sign, mag)))
    }

    fn u32_field(&mut self) -> PyResult<u32> {
        u32::try_from(self.long()?).map_err(|_| bad("code field out of range"))
    }

    fn bytes_field(&mut self) -> PyResult<Vec<u8>> {
        let v = self.item("object")?;
        match v.downcast::<bytes::PyBytes>() {
            Some(b) => Ok(b.data.to_vec()),
            None => Err(bad("code field is not bytes")),
        }
    }

    /// The items of a tuple field. The writer gives code fields no
    /// reference flag, so the items are read straight into a vector with
    /// no tuple made.
    fn tuple_field(&mut self) -> PyResult<Vec<Value>> {
        let code = self.byte()?.ok_or_else(eof_object)?;
        let n = match code {
            TYPE_SMALL_TUPLE => self.byte()?.ok_or_else(eof_object)? as usize,
            TYPE_TUPLE => self.size("tuple")?,
            _ => {
                let v = self.object_with(code)?.ok_or_else(|| bad("code field is not a tuple"))?;
                return match tuple::try_tuple_items(&v) {
                    Some(t) if v.is_exact(&tuple::TUPLE_TYPE) => Ok(t.to_vec()),
                    _ => Err(bad("code field is not a tuple")),
                };
            }
        };
        let mut items = Vec::with_capacity(n.min(4096));
        for _ in 0..n {
            items.push(self.item("tuple")?);
        }
        Ok(items)
    }

    /// A str field: the object (interned when `intern`) and its text.
    fn str_item(&mut self, intern: bool) -> PyResult<(Value, String)> {
        let v = self.item("object")?;
        let interned = self.last_interned;
        let Some(text) = pystr::as_pystr(&v).filter(|_| v.is_exact(&pystr::STR_TYPE)).and_then(|s| s.data.as_str()) else {
            return Err(bad("code field is not a str"));
        };
        let text = text.to_string();
        let v = if intern && !interned { pystr::intern(&text) } else { v };
        Ok((v, text))
    }

    fn str_field(&mut self) -> PyResult<(Value, String)> {
        self.str_item(false)
    }

    /// A tuple of names (interned, as the compiler's are) and their texts.
    fn str_tuple_field(&mut self) -> PyResult<(Vec<Value>, Vec<String>)> {
        let code = self.byte()?.ok_or_else(eof_object)?;
        let n = match code {
            TYPE_SMALL_TUPLE => self.byte()?.ok_or_else(eof_object)? as usize,
            TYPE_TUPLE => self.size("tuple")?,
            _ => return Err(bad("code names are not a tuple")),
        };
        let mut names = Vec::with_capacity(n.min(4096));
        let mut values = Vec::with_capacity(n.min(4096));
        for _ in 0..n {
            let (v, text) = self.str_item(true).map_err(|_| bad("code names are not str"))?;
            values.push(v);
            names.push(text);
        }
        Ok((values, names))
    }

    /// A code object in the layout `Writer::code` writes, checked.
    fn code(&mut self) -> PyResult<Value> {
        let p = self.code_parts()?;
        crate::types::code::new_code_from_parts(Arc::new(p.code), p.consts, p.names, p.localsplusnames, p.name, p.qualname, p.filename)
    }

    /// The fields of a code object, checked unless trusted.
    fn code_parts(&mut self) -> PyResult<CodeParts> {
        let argcount = self.u32_field()?;
        let posonlyargcount = self.u32_field()?;
        let kwonlyargcount = self.u32_field()?;
        let stacksize = self.u32_field()?;
        let flags = self.u32_field()?;
        let co_code = self.bytes_field()?;
        let consts = self.tuple_field()?;
        let (names, co_names) = self.str_tuple_field()?;
        let (localsplusnames, co_localsplusnames) = self.str_tuple_field()?;
        let co_localspluskinds = self.bytes_field()?;
        let (filename, co_filename) = self.str_field()?;
        let (name, co_name) = self.str_item(true)?;
        let (qualname, co_qualname) = self.str_field()?;
        let firstlineno = self.u32_field()?;
        let co_linetable = self.bytes_field()?;
        let co_exceptiontable = self.bytes_field()?;
        let code = CodeObject {
            co_name,
            co_qualname,
            co_filename,
            co_firstlineno: firstlineno,
            co_argcount: argcount,
            co_posonlyargcount: posonlyargcount,
            co_kwonlyargcount: kwonlyargcount,
            co_flags: flags,
            co_stacksize: stacksize,
            co_code,
            // The constant objects are `consts`; the compiler's form is not
            // rebuilt (nothing at run time reads it).
            co_consts: Vec::new(),
            co_names,
            co_localsplusnames,
            co_localspluskinds,
            co_linetable,
            co_exceptiontable,
        };
        if !self.trusted {
            verify_code(&code, &consts).map_err(|what| bad(&format!("invalid code object: {what}")))?;
        }
        Ok(CodeParts { code, consts, names, localsplusnames, name, qualname, filename })
    }
}

struct CodeParts {
    code: CodeObject,
    consts: Vec<Value>,
    names: Vec<Value>,
    localsplusnames: Vec<Value>,
    name: Value,
    qualname: Value,
    filename: Value,
}

/// `marshal.loads(data)`: the first object of `data`.
pub fn loads_value(ts: &ThreadState, data: &[u8]) -> PyResult<Value> {
    let mut r = Reader::new(ts, Source::Buf { data, pos: 0 }, None);
    r.item("object")
}

/// `loads_value` for a bytecode cache whose checksum matched, reading
/// `data` from `start` (after the header): the code objects are built
/// without `verify_code`, and nested ones (written by `dumps_for_cache`)
/// keep `data` to read their bodies on first use.
pub fn loads_trusted(ts: &ThreadState, data: Arc<Vec<u8>>, start: usize) -> PyResult<Value> {
    let mut r = Reader::new(ts, Source::Buf { data: &data, pos: start }, Some(data.clone()));
    r.item("object")
}

/// The body of a lazily loaded code object (see `TYPE_LAZY_CODE`).
pub fn load_code_body(ts: &ThreadState, data: &Arc<Vec<u8>>, start: usize, len: usize) -> PyResult<crate::types::code::CodeBody> {
    let end = start.checked_add(len).filter(|&e| e <= data.len()).ok_or_else(|| bad("code body out of range"))?;
    let mut r = Reader::new(ts, Source::Buf { data: &data[..end], pos: start }, Some(data.clone()));
    let p = r.code_parts()?;
    Ok(crate::types::code::CodeBody::new(Arc::new(p.code), p.consts, p.names, p.localsplusnames, p.filename))
}

// ---------------------------------------------------------------------------
// Checking loaded code.

/// Values popped by an instruction (what must be on the stack before it
/// runs, peeked values included), as our evaluation loop executes it.
fn popped(op: Opcode, oparg: u32) -> Option<u32> {
    use Opcode::*;
    Some(match op {
        NOP | RESUME | EXTENDED_ARG | CACHE | PRECALL | PUSH_NULL | LOAD_BUILD_CLASS | LOAD_CONST | LOAD_NAME
        | LOAD_FAST | LOAD_CLOSURE | LOAD_DEREF | LOAD_CLASSDEREF | LOAD_GLOBAL | LOAD_ASSERTION_ERROR
        | SETUP_ANNOTATIONS | DELETE_NAME | DELETE_GLOBAL | DELETE_FAST | MAKE_CELL | COPY_FREE_VARS
        | DELETE_DEREF | KW_NAMES | JUMP_FORWARD | JUMP_BACKWARD | JUMP_BACKWARD_NO_INTERRUPT
        | RETURN_GENERATOR => 0,
        UNARY_POSITIVE | UNARY_NEGATIVE | UNARY_NOT | UNARY_INVERT | GET_ITER | GET_YIELD_FROM_ITER
        | YIELD_VALUE | ASYNC_GEN_WRAP | LOAD_ATTR | LOAD_METHOD | GET_AWAITABLE | GET_AITER | GET_ANEXT
        | LIST_TO_TUPLE | POP_TOP | PRINT_EXPR | RETURN_VALUE | IMPORT_STAR | POP_EXCEPT | STORE_NAME
        | STORE_GLOBAL | STORE_FAST | STORE_DEREF | POP_JUMP_FORWARD_IF_FALSE | POP_JUMP_FORWARD_IF_TRUE
        | POP_JUMP_FORWARD_IF_NOT_NONE | POP_JUMP_FORWARD_IF_NONE | POP_JUMP_BACKWARD_IF_NOT_NONE
        | POP_JUMP_BACKWARD_IF_NONE | POP_JUMP_BACKWARD_IF_FALSE | POP_JUMP_BACKWARD_IF_TRUE | IMPORT_FROM
        | PUSH_EXC_INFO | BEFORE_WITH | BEFORE_ASYNC_WITH | GET_LEN | MATCH_MAPPING | MATCH_SEQUENCE
        | FOR_ITER | JUMP_IF_FALSE_OR_POP | JUMP_IF_TRUE_OR_POP | UNPACK_SEQUENCE | UNPACK_EX | DELETE_ATTR => 1,
        BINARY_OP | BINARY_SUBSCR | COMPARE_OP | IS_OP | CONTAINS_OP | IMPORT_NAME | STORE_ATTR | DELETE_SUBSCR
        | END_ASYNC_FOR | CHECK_EXC_MATCH | CHECK_EG_MATCH | PREP_RERAISE_STAR | SEND | MATCH_KEYS => 2,
        STORE_SUBSCR | MATCH_CLASS => 3,
        WITH_EXCEPT_START => 4,
        // Pop one, then reach `oparg` deep.
        LIST_APPEND | SET_ADD | LIST_EXTEND | SET_UPDATE | DICT_UPDATE if oparg >= 1 => oparg.checked_add(1)?,
        MAP_ADD if oparg >= 1 => oparg.checked_add(2)?,
        DICT_MERGE if oparg >= 1 => oparg.checked_add(3)?,
        RERAISE => oparg.checked_add(1)?,
        BUILD_TUPLE | BUILD_LIST | BUILD_SET | BUILD_STRING => oparg,
        BUILD_MAP => oparg.checked_mul(2)?,
        BUILD_CONST_KEY_MAP => oparg.checked_add(1)?,
        RAISE_VARARGS if oparg <= 2 => oparg,
        CALL => oparg.checked_add(2)?,
        CALL_FUNCTION_EX => 3 + (oparg & 1),
        MAKE_FUNCTION => 1 + (oparg & 0xF).count_ones(),
        BUILD_SLICE if oparg == 2 || oparg == 3 => oparg,
        FORMAT_VALUE => 1 + u32::from(oparg & 4 != 0),
        COPY | SWAP if oparg >= 1 => oparg,
        _ => return None,
    })
}

/// Instructions that never raise once they have popped their inputs.
fn cannot_raise(op: Opcode) -> bool {
    use Opcode::*;
    matches!(op, PUSH_EXC_INFO | POP_EXCEPT | POP_TOP | RETURN_VALUE | STORE_FAST | SWAP | COPY | NOP | LOAD_CONST | PUSH_NULL)
}

/// Of the `needed` values an instruction works on, those it has popped
/// when it raises (the others are only looked at, and stay).
fn popped_before_raise(op: Opcode, needed: i64) -> i64 {
    use Opcode::*;
    match op {
        WITH_EXCEPT_START | FOR_ITER | GET_ANEXT | IMPORT_FROM | GET_LEN | MATCH_MAPPING | MATCH_SEQUENCE | MATCH_KEYS => 0,
        LIST_APPEND | SET_ADD | LIST_EXTEND | SET_UPDATE | DICT_UPDATE | DICT_MERGE | RERAISE | CHECK_EXC_MATCH | SEND => 1,
        MAP_ADD => 2,
        _ => needed,
    }
}

/// Net stack change as our loop runs it (PRECALL does nothing; CALL pops
/// the callable, self or NULL and the arguments and pushes the result).
fn effect(op: Opcode, oparg: u32, jump: bool) -> i64 {
    match op {
        Opcode::PRECALL => 0,
        Opcode::CALL => -(oparg as i64) - 1,
        _ => op.stack_effect(oparg, jump) as i64,
    }
}

/// Check that code read from marshal data can run: every reachable
/// instruction is a base opcode whose arguments index existing constants,
/// names and fast locals, the stack never goes below its base nor above
/// `co_stacksize` (exception handlers included), and the tables decode.
pub fn verify_code(code: &CodeObject, consts: &[Value]) -> Result<(), String> {
    let nlocalsplus = code.co_localsplusnames.len();
    if code.co_localspluskinds.len() != nlocalsplus {
        return Err("co_localspluskinds does not match co_localsplusnames".into());
    }
    if code.co_posonlyargcount > code.co_argcount {
        return Err("co_posonlyargcount > co_argcount".into());
    }
    let nargs = code.co_argcount as u64
        + code.co_kwonlyargcount as u64
        + u64::from(code.co_flags & CO_VARARGS != 0)
        + u64::from(code.co_flags & CO_VARKEYWORDS != 0);
    if nargs > nlocalsplus as u64 || code.co_localspluskinds[..nargs as usize].iter().any(|k| k & CO_FAST_LOCAL == 0) {
        return Err("arguments are not fast locals".into());
    }
    if code.co_localspluskinds.iter().any(|k| k & (CO_FAST_LOCAL | CO_FAST_CELL | CO_FAST_FREE) == 0) {
        return Err("fast local of no kind".into());
    }
    if code.co_code.is_empty() || code.co_code.len() % 2 != 0 {
        return Err("co_code is malformed".into());
    }
    // Bound the frame size as CPython's limits on stack and locals do.
    if code.co_stacksize > 1 << 20 || nlocalsplus > 1 << 20 {
        return Err("frame too large".into());
    }
    check_linetable(&code.co_linetable, code.co_firstlineno)?;
    let n = code.co_code.len() / 2;
    let handlers = check_exception_table(&code.co_exceptiontable, n, code.co_stacksize)?;
    // A frame may only yield once RETURN_GENERATOR has handed it to a
    // generator: that must be the first instruction after the cell set-up,
    // and nothing before it may be covered by a handler.
    let mut body = 0;
    while body < n {
        match Opcode::from_u8(code.co_code[2 * body]) {
            Some(Opcode::MAKE_CELL | Opcode::COPY_FREE_VARS | Opcode::NOP | Opcode::EXTENDED_ARG) => body += 1,
            _ => break,
        }
    }
    let generator_kinds = compiler::code::CO_GENERATOR | compiler::code::CO_COROUTINE | compiler::code::CO_ASYNC_GENERATOR;
    let is_generator = body < n && code.co_code[2 * body] == Opcode::RETURN_GENERATOR as u8;
    if is_generator && code.co_flags & generator_kinds == 0 {
        return Err("RETURN_GENERATOR in code that is not a generator".into());
    }
    if is_generator && handlers.iter().any(|h| (h.start as usize) <= body) {
        return Err("handler before RETURN_GENERATOR".into());
    }
    let stacksize = code.co_stacksize as i64;
    // Depth on entry of each code unit reached, by a worklist over units.
    let mut depth: Vec<Option<i64>> = vec![None; n + 1];
    let mut todo: Vec<(usize, i64)> = vec![(0, 0)];
    for h in &handlers {
        todo.push((h.target as usize, h.depth as i64 + 1 + h.lasti as i64));
    }
    let unit = |i: usize| (code.co_code[2 * i], code.co_code[2 * i + 1] as u32);
    while let Some((start, d)) = todo.pop() {
        let mut i = start;
        let mut d = d;
        loop {
            if i >= n {
                // Running off the end reaches the trap unit.
                break;
            }
            match depth[i] {
                Some(prev) if prev == d => break,
                Some(_) => return Err(format!("inconsistent stack depth at {i}")),
                None => depth[i] = Some(d),
            }
            let here = i;
            let (mut byte, mut oparg) = unit(i);
            let mut op = Opcode::from_u8(byte).ok_or_else(|| format!("invalid opcode {byte} at {i}"))?;
            while op == Opcode::EXTENDED_ARG {
                i += 1;
                if i >= n {
                    return Err("EXTENDED_ARG at the end".into());
                }
                let (b, a) = unit(i);
                byte = b;
                oparg = (oparg << 8) | a;
                op = Opcode::from_u8(byte).ok_or_else(|| format!("invalid opcode {byte} at {i}"))?;
            }
            let oparg = if op.has_arg() { oparg } else { 0 };
            if op.is_specialized() {
                return Err(format!("specialized opcode {} at {i}", op.name()));
            }
            if (op == Opcode::YIELD_VALUE && !is_generator) || (op == Opcode::RETURN_GENERATOR && here != body) {
                return Err(format!("{} outside a generator's body at {i}", op.name()));
            }
            check_arg(code, consts, op, oparg, i, nlocalsplus)?;
            let pops = popped(op, oparg).ok_or_else(|| format!("bad argument {oparg} of {} at {i}", op.name()))? as i64;
            if d < pops {
                return Err(format!("stack underflow at {i}"));
            }
            // An exception unwinds to the handler's depth: the stack must be
            // at least that deep where it can be raised (after the popping).
            let raise_depth = if cannot_raise(op) { d } else { d - popped_before_raise(op, pops) };
            for h in &handlers {
                if (h.start as usize) <= here && here < h.end as usize && raise_depth < h.depth as i64 {
                    return Err(format!("handler depth above the stack at {i} ({} depth {d} pops {pops} handler {})", op.name(), h.depth));
                }
            }
            if op == Opcode::CACHE {
                // Executes as the trap (SystemError): control stops here.
                break;
            }
            let next = i + 1 + op.cache_entries();
            if op.has_jump() {
                let target = if op.is_backward_jump() { next as i64 - oparg as i64 } else { next as i64 + oparg as i64 };
                if !(0..n as i64).contains(&target) {
                    return Err(format!("jump out of the code at {i}"));
                }
                let jd = d + effect(op, oparg, true);
                if jd > stacksize {
                    return Err(format!("stack overflow at {i}"));
                }
                todo.push((target as usize, jd));
            }
            let nd = d + effect(op, oparg, false);
            if nd > stacksize || nd < 0 {
                return Err(format!("stack overflow at {i}"));
            }
            if op.is_unconditional_jump() || op.is_scope_exit() {
                break;
            }
            if next > n {
                return Err("instruction caches run past the end".into());
            }
            d = nd;
            i = next;
        }
    }
    Ok(())
}

/// The argument of `op` indexes what it names.
fn check_arg(code: &CodeObject, consts: &[Value], op: Opcode, oparg: u32, i: usize, nlocalsplus: usize) -> Result<(), String> {
    let oparg_u = oparg as usize;
    let fail = |what: &str| Err(format!("{} at {i}: {what} index {oparg} out of range", op.name()));
    if op.has_const() && oparg_u >= consts.len() {
        return fail("constant");
    }
    if op.has_name() {
        let idx = if op == Opcode::LOAD_GLOBAL { oparg_u >> 1 } else { oparg_u };
        if idx >= code.co_names.len() {
            return fail("name");
        }
    }
    if (op.has_local() || op.has_free()) && oparg_u >= nlocalsplus {
        return fail("local");
    }
    if op == Opcode::COPY_FREE_VARS && oparg_u > nlocalsplus {
        return fail("free variable");
    }
    if op == Opcode::KW_NAMES {
        // The names go to the next CALL, which must take at least as many arguments.
        let k = &consts[oparg_u];
        let names = tuple::try_tuple_items(k).filter(|_| k.is_exact(&tuple::TUPLE_TYPE)).ok_or("KW_NAMES constant is not a tuple")?;
        if names.iter().any(|x| !x.is_exact(&pystr::STR_TYPE)) {
            return Err("KW_NAMES constant holds a non-str".into());
        }
        let mut j = i + 1;
        let mut ext = 0u32;
        let call = loop {
            let Some(&b) = code.co_code.get(2 * j) else { return Err("KW_NAMES without CALL".into()) };
            let a = ((ext << 8) | code.co_code[2 * j + 1] as u32) as usize;
            match Opcode::from_u8(b) {
                Some(Opcode::EXTENDED_ARG) => ext = a as u32,
                Some(Opcode::PRECALL) => {
                    ext = 0;
                    j += Opcode::PRECALL.cache_entries();
                }
                Some(Opcode::CALL) => break a,
                _ => return Err("KW_NAMES without CALL".into()),
            }
            j += 1;
        };
        if names.len() > call {
            return Err("KW_NAMES names more arguments than CALL passes".into());
        }
    }
    Ok(())
}

/// The location table decodes without its line numbers overflowing.
fn check_linetable(table: &[u8], firstlineno: u32) -> Result<(), String> {
    let mut line = firstlineno as i64;
    let mut i = 0;
    let limit = i32::MAX as i64 / 2;
    let varint = |i: &mut usize| -> Option<u64> {
        let mut v = 0u64;
        let mut shift = 0;
        loop {
            let b = *table.get(*i)?;
            *i += 1;
            if shift < 36 {
                v |= ((b & 63) as u64) << shift;
            }
            shift += 6;
            if b & 64 == 0 {
                return Some(v);
            }
        }
    };
    while let Some(&head) = table.get(i) {
        i += 1;
        if head & 0x80 == 0 {
            break;
        }
        let code = (head >> 3) & 15;
        match code {
            15 => {}
            14 | 13 => {
                let Some(u) = varint(&mut i) else { break };
                let delta = if u & 1 != 0 { -((u >> 1) as i64) } else { (u >> 1) as i64 };
                line += delta;
                if code == 14 {
                    let (Some(el), Some(_), Some(_)) = (varint(&mut i), varint(&mut i), varint(&mut i)) else { break };
                    if el as i64 > limit {
                        return Err("bad location table".into());
                    }
                }
            }
            10..=12 => {
                line += (code - 10) as i64;
                i += 2;
            }
            _ => i += 1,
        }
        if line.abs() > limit {
            return Err("bad location table".into());
        }
    }
    Ok(())
}

/// The exception table's entries, each checked: ranges inside the code,
/// targets inside it, handler depths within the stack size.
fn check_exception_table(table: &[u8], n: usize, stacksize: u32) -> Result<Vec<compiler::code::ExceptionEntry>, String> {
    let mut i = 0;
    let read = |i: &mut usize| -> Option<u64> {
        let mut b = *table.get(*i)?;
        *i += 1;
        let mut v = (b & 63) as u64;
        while b & 64 != 0 {
            b = *table.get(*i)?;
            *i += 1;
            v = (v << 6) | (b & 63) as u64;
            if v > u32::MAX as u64 {
                return None;
            }
        }
        Some(v)
    };
    let mut out = Vec::new();
    while i < table.len() {
        let (Some(start), Some(len), Some(target), Some(dl)) = (read(&mut i), read(&mut i), read(&mut i), read(&mut i)) else {
            return Err("bad exception table".into());
        };
        let end = start + len;
        if end > n as u64 || target >= n as u64 || (dl >> 1) + 1 + (dl & 1) > stacksize as u64 {
            return Err("bad exception table entry".into());
        }
        out.push(compiler::code::ExceptionEntry {
            start: start as u32,
            end: end as u32,
            target: target as u32,
            depth: (dl >> 1) as u32,
            lasti: dl & 1 != 0,
        });
    }
    Ok(out)
}

// ---------------------------------------------------------------------------
// The module.

type Args<'a> = &'a [Value];
type Kw<'a> = Option<&'a Value>;

fn version_arg(ts: &ThreadState, v: Option<&Value>) -> PyResult<i32> {
    match v {
        None => Ok(VERSION),
        Some(v) => {
            if float::as_float_exact_payload(v).is_some() {
                return Err(PyErr::type_error("'float' object cannot be interpreted as an integer"));
            }
            int::c_int_arg(ts, v)
        }
    }
}

fn m_dumps(ts: &ThreadState, _m: &Value, a: Args, k: Kw) -> PyResult<Value> {
    let a = super::fastcall_args("marshal", "dumps", a, k, 1, 2)?;
    let version = version_arg(ts, a.get(1))?;
    Ok(bytes::new_bytes(dumps_value(ts, &a[0], version)?))
}

fn m_dump(ts: &ThreadState, _m: &Value, a: Args, k: Kw) -> PyResult<Value> {
    let a = super::fastcall_args("marshal", "dump", a, k, 2, 3)?;
    let version = version_arg(ts, a.get(2))?;
    let data = dumps_value(ts, &a[0], version)?;
    protocol::call_method(ts, &a[1], "write", &[bytes::new_bytes(data)])?;
    Ok(none::none())
}

fn m_loads(ts: &ThreadState, _m: &Value, a: Args, k: Kw) -> PyResult<Value> {
    let a = crate::object::args::exact("marshal.loads", a, k, 1)?;
    if pystr::as_pystr(&a[0]).is_some() || !bytes::has_buffer(&a[0]) {
        return Err(PyErr::type_error(format!("a bytes-like object is required, not '{}'", protocol::type_name(&a[0]))));
    }
    let data = bytes::buffer_data(&a[0]).unwrap_or_default();
    loads_value(ts, &data)
}

fn m_load(ts: &ThreadState, _m: &Value, a: Args, k: Kw) -> PyResult<Value> {
    let a = crate::object::args::exact("marshal.load", a, k, 1)?;
    // CPython first checks that read() gives bytes.
    let probe = protocol::call_method(ts, &a[0], "read", &[int::from_i64(0)])?;
    if bytes::buffer_data(&probe).is_none() || !probe.type_of().is_subtype(&bytes::BYTES_TYPE) && bytearray::as_bytearray(&probe).is_none() {
        return Err(PyErr::type_error(format!("file.read() returned not bytes but {}", protocol::type_name(&probe))));
    }
    let mut r = Reader::new(ts, Source::File { file: a[0].clone() }, None);
    r.item("object")
}

/// The `marshal` module.
pub fn create(ts: &ThreadState) -> PyResult<Value> {
    let (m, d) = super::new_native_module(ts, "marshal", &[("dumps", m_dumps), ("loads", m_loads), ("dump", m_dump), ("load", m_load)])?;
    super::set_attr(ts, &d, "version", int::from_i64(VERSION as i64))?;
    Ok(m)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn compiled(src: &str) -> CodeObject {
        let tree = syntax::parse_bytes(src.as_bytes(), "f", syntax::Mode::Module).expect("parses");
        let (code, _) = compiler::compile_with_warnings(&tree, "f", compiler::Mode::Module, 0, 0).expect("compiles");
        (*code).clone()
    }

    /// Stand-ins for the constants: only their number matters here.
    fn consts_for(code: &CodeObject) -> Vec<Value> {
        (0..code.co_consts.len()).map(|i| int::from_i64(i as i64)).collect()
    }

    #[test]
    fn compiled_code_passes_the_checks() {
        let src = "def f(a, *b, c=1, **d):\n    try:\n        return [x for x in b if x]\n    except E as e:\n        raise\n    finally:\n        print(a, c)\nclass C:\n    def m(self): return super().m()\nasync def g():\n    async with a as b: await b\nwith o as p:\n    for i in range(3):\n        if i: break\nmatch z:\n    case [1, *r] if r: pass\n    case {'k': v}: pass\n    case P(x=1): pass\n";
        fn check_all(code: &CodeObject) {
            assert_eq!(verify_code(code, &consts_for(code)), Ok(()), "{}", code.co_name);
            for c in &code.co_consts {
                if let compiler::code::ConstValue::Code(inner) = c {
                    check_all(inner);
                }
            }
        }
        check_all(&compiled(src));
        // Generators whose first instructions set up cells and free variables.
        check_all(&compiled("def outer(x):\n    def g():\n        yield x\n    return (y for y in x if y > x), g\n"));
    }

    #[test]
    fn bad_bytecode_is_refused() {
        let mut co = compiled("x = 1\n");
        co.co_exceptiontable.clear();
        co.co_linetable.clear();
        let consts = vec![int::from_i64(1)];
        let run = |co: &CodeObject| verify_code(co, &consts);
        // POP_TOP on an empty stack.
        co.co_stacksize = 1;
        co.co_code = vec![Opcode::RESUME as u8, 0, Opcode::POP_TOP as u8, 0, Opcode::RETURN_VALUE as u8, 0];
        assert!(run(&co).is_err());
        // A constant index past the constants.
        co.co_code = vec![Opcode::LOAD_CONST as u8, 1, Opcode::RETURN_VALUE as u8, 0];
        assert!(run(&co).is_err());
        co.co_code = vec![Opcode::LOAD_CONST as u8, 0, Opcode::RETURN_VALUE as u8, 0];
        assert_eq!(run(&co), Ok(()));
        // Deeper than co_stacksize.
        co.co_code = vec![Opcode::LOAD_CONST as u8, 0, Opcode::LOAD_CONST as u8, 0, Opcode::BINARY_OP as u8, 0, 0, 0, Opcode::RETURN_VALUE as u8, 0];
        assert!(run(&co).is_err());
        co.co_stacksize = 2;
        assert_eq!(run(&co), Ok(()));
        // A local or name that does not exist; a jump out of the code.
        co.co_code = vec![Opcode::LOAD_FAST as u8, 0, Opcode::RETURN_VALUE as u8, 0];
        assert!(run(&co).is_err());
        co.co_code = vec![Opcode::LOAD_NAME as u8, 5, Opcode::RETURN_VALUE as u8, 0];
        assert!(run(&co).is_err());
        co.co_code = vec![Opcode::JUMP_FORWARD as u8, 5, Opcode::LOAD_CONST as u8, 0, Opcode::RETURN_VALUE as u8, 0];
        assert!(run(&co).is_err());
        // An unknown opcode byte where it runs, and a specialized one.
        co.co_code = vec![255, 0, Opcode::LOAD_CONST as u8, 0, Opcode::RETURN_VALUE as u8, 0];
        assert!(run(&co).is_err());
        co.co_code = vec![Opcode::LOAD_FAST__LOAD_FAST as u8, 0, Opcode::RETURN_VALUE as u8, 0];
        assert!(run(&co).is_err());
        // Yielding from a frame that is not a generator's.
        co.co_code = vec![Opcode::LOAD_CONST as u8, 0, Opcode::YIELD_VALUE as u8, 0, Opcode::RETURN_VALUE as u8, 0];
        assert!(run(&co).is_err());
        // COPY deeper than the stack.
        co.co_code = vec![Opcode::LOAD_CONST as u8, 0, Opcode::COPY as u8, 2, Opcode::RETURN_VALUE as u8, 0];
        assert!(run(&co).is_err());
    }

    #[test]
    fn exception_table_entries_are_bounded() {
        // One entry: start 0, length 2, target 1, depth 0 with lasti.
        let ok = [0x80, 2, 1, 1];
        assert_eq!(check_exception_table(&ok, 3, 2).map(|v| v.len()), Ok(1));
        // The same with a stack of 1: no room for lasti and the exception.
        assert!(check_exception_table(&ok, 3, 1).is_err());
        // A target past the code, a range past the code, a truncated entry.
        assert!(check_exception_table(&[0x80, 2, 9, 0], 3, 2).is_err());
        assert!(check_exception_table(&[0x80, 9, 1, 0], 3, 2).is_err());
        assert!(check_exception_table(&[0x80, 2], 3, 2).is_err());
    }

    #[test]
    fn linetable_line_overflow_is_refused() {
        // A long-form entry (code 14) moving the line by about 2**31.
        let mut table = vec![0x80 | (14 << 3)];
        table.extend_from_slice(&[0x7f, 0x7f, 0x7f, 0x7f, 0x7f, 0x0f, 0, 0, 0]);
        assert!(check_linetable(&table, 1).is_err());
        assert_eq!(check_linetable(&[0x80 | (13 << 3), 2], 1), Ok(()));
    }
}
