//! The `_io` module: the abstract bases (`iobase.rs`), the streams over file
//! descriptors behind sys.stdin/stdout/stderr and open() (`textio.rs`), and
//! the in-memory streams (`bytesio.rs`, `stringio.rs`).

pub mod bufferedio;
pub mod bytesio;
pub mod fileio;
pub mod iobase;
pub mod newlines;
pub mod stringio;
pub mod textio;

use std::cell::RefCell;

use crate::object::protocol;
use crate::object::typeobj::PyType;
use crate::object::value::Value;
use crate::runtime::errors::{PyErr, PyResult};
use crate::runtime::thread::ThreadState;
use crate::types::{exceptions as exc, int, none, str as pystr};

pub use textio::{close_open_files, new_stream, open, os_error, BinaryStream, TextStream};

/// `io.DEFAULT_BUFFER_SIZE`.
pub const DEFAULT_BUFFER_SIZE: usize = 8192;

/// Static types of the module, bases before the types deriving from them.
pub fn types() -> Vec<&'static PyType> {
    let mut v = iobase::types();
    v.extend(textio::types());
    v.push(&bytesio::BYTES_IO_TYPE);
    v.push(&stringio::STRING_IO_TYPE);
    v.push(&newlines::NEWLINE_DECODER_TYPE);
    v
}

/// Fill the slots and methods of the module's types.
pub fn init() {
    iobase::init();
    textio::init();
    fileio::init();
    bufferedio::init();
    bytesio::init();
    stringio::init();
    newlines::init();
}

thread_local! {
    /// `io.UnsupportedOperation`, made on first use.
    static UNSUPPORTED_OPERATION: RefCell<Option<Value>> = const { RefCell::new(None) };
}

/// The class `io.UnsupportedOperation` (a subclass of OSError and
/// ValueError): the one the `_io` module holds when it is imported, so
/// every thread raises the same class.
pub fn unsupported_operation_type(ts: &ThreadState) -> PyResult<Value> {
    if let Some(c) = UNSUPPORTED_OPERATION.with(|c| c.borrow().clone()) {
        return Ok(c);
    }
    let modules = ts.interp().modules();
    if let Some(m) = crate::types::dict::dict_get_str(&modules, &pystr::intern("_io")) {
        if let Some(d) = crate::types::module::module_dict(&m) {
            if let Some(c) = crate::types::dict::dict_get_str(&d, &pystr::intern("UnsupportedOperation")) {
                UNSUPPORTED_OPERATION.with(|u| *u.borrow_mut() = Some(c.clone()));
                return Ok(c);
            }
        }
    }
    let ns = crate::types::dict::new_dict();
    crate::types::dict::dict_set_item(ts, &ns, pystr::intern("__module__"), pystr::new_str("io"))?;
    let bases = crate::types::tuple::new_tuple(vec![exc::OS_ERROR.to_value(), exc::VALUE_ERROR.to_value()])?;
    let c = protocol::call(ts, &crate::types::typeobject::TYPE_TYPE.to_value(), &[pystr::new_str("UnsupportedOperation"), bases, ns], None)?;
    UNSUPPORTED_OPERATION.with(|u| *u.borrow_mut() = Some(c.clone()));
    Ok(c)
}

/// `io.UnsupportedOperation(msg)`.
pub fn unsupported(ts: &ThreadState, msg: &str) -> PyErr {
    match unsupported_operation_type(ts).and_then(|c| protocol::call(ts, &c, &[pystr::new_str(msg)], None)) {
        Ok(e) => PyErr::from_instance(e),
        Err(e) => e,
    }
}

/// ValueError("I/O operation on closed file.").
pub fn closed_error() -> PyErr {
    PyErr::value_error("I/O operation on closed file.")
}

/// A `Py_ssize_t` argument through `__index__`: OverflowError when too
/// large (CPython's `PyNumber_AsSsize_t(o, PyExc_OverflowError)`).
pub(crate) fn index_ssize(ts: &ThreadState, v: &Value) -> PyResult<isize> {
    protocol::index_isize(ts, v).map_err(|e| {
        if e.matches(&exc::INDEX_ERROR) {
            PyErr::overflow_error(format!("cannot fit '{}' into an index-sized integer", protocol::type_name(v)))
        } else {
            e
        }
    })
}

/// A `Py_ssize_t` argument converted as `PyLong_AsSsize_t` does (seek positions):
/// OverflowError "Python int too large to convert to C ssize_t" when too large.
pub(crate) fn ssize_arg(ts: &ThreadState, v: &Value) -> PyResult<isize> {
    index_ssize(ts, v).map_err(|e| if e.matches(&exc::OVERFLOW_ERROR) { PyErr::overflow_error("Python int too large to convert to C ssize_t") } else { e })
}

/// A size argument: an int, or None for "no limit" (`_Py_convert_optional_to_ssize_t`);
/// negative sizes are None too.
pub(crate) fn size_arg(ts: &ThreadState, v: Option<&Value>) -> PyResult<Option<usize>> {
    match v {
        None => Ok(None),
        Some(x) if none::is_none(x) => Ok(None),
        Some(x) => {
            if !int::is_int(x) && x.type_of().data.slots.index.get().is_none() {
                return Err(PyErr::type_error(format!("argument should be integer or None, not '{}'", protocol::type_name(x))));
            }
            let n = index_ssize(ts, x)?;
            Ok(usize::try_from(n).ok())
        }
    }
}

/// `text_encoding(encoding, stacklevel=2, /)`: for None, "locale" ("utf-8"
/// in UTF-8 mode), with an EncodingWarning under `-X warn_default_encoding`.
fn text_encoding(ts: &ThreadState, _m: &Value, a: &[Value], k: Option<&Value>) -> PyResult<Value> {
    let a = crate::object::args::positional("text_encoding", a, k, 1, 2)?;
    let stack_level = match a.get(1) {
        Some(s) if !int::is_int(s) => {
            return Err(PyErr::type_error(format!("'{}' object cannot be interpreted as an integer", protocol::type_name(s))));
        }
        Some(s) => protocol::index_isize(ts, s)?,
        None => 2,
    };
    if none::is_none(&a[0]) {
        textio::warn_default_encoding(ts, stack_level)?;
        return Ok(pystr::new_str(if ts.interp().config.utf8_mode { "utf-8" } else { "locale" }));
    }
    Ok(a[0].clone())
}

/// `open_code(path)`: the file opened for reading in binary mode.
fn open_code(ts: &ThreadState, _m: &Value, a: &[Value], k: Option<&Value>) -> PyResult<Value> {
    let [path] = crate::object::args::bind("open_code", a, k, ["path"], 0, 1, 1)?;
    let path = path.unwrap_or_else(none::none);
    if pystr::as_pystr(&path).is_none() {
        return Err(PyErr::type_error(format!("open_code() argument 'path' must be str, not {}", protocol::type_name(&path))));
    }
    open(ts, &[path, pystr::new_str("rb")], None)
}

fn io_open(ts: &ThreadState, _m: &Value, a: &[Value], k: Option<&Value>) -> PyResult<Value> {
    open(ts, a, k)
}

/// The `_io` module.
pub fn create(ts: &ThreadState) -> PyResult<Value> {
    let (m, d) = super::new_native_module(ts, "_io", &[("open", io_open), ("text_encoding", text_encoding), ("open_code", open_code)])?;
    super::set_attr(ts, &d, "DEFAULT_BUFFER_SIZE", int::from_i64(DEFAULT_BUFFER_SIZE as i64))?;
    super::set_attr(ts, &d, "UnsupportedOperation", unsupported_operation_type(ts)?)?;
    super::set_attr(ts, &d, "BlockingIOError", exc::BLOCKING_IO_ERROR.to_value())?;
    // `io.open is open`: the module shares the builtin function object.
    if let Some(f) = crate::types::dict::dict_get_str(&ts.interp().builtins(), &pystr::intern("open")) {
        super::set_attr(ts, &d, "open", f)?;
    }
    for t in types() {
        let name = t.data.name();
        let short = name.rsplit('.').next().unwrap_or(&name).to_string();
        super::set_attr(ts, &d, &short, t.to_value())?;
    }
    Ok(m)
}
