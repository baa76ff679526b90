//! The built-in exception hierarchy of Python 3.11. Every exception class
//! shares `PyBaseException`'s layout; the attributes specific to a family
//! (StopIteration.value, OSError.errno, SyntaxError.lineno, ...) live in
//! numbered fields exposed by getset descriptors.

use std::cell::{Cell, RefCell};

use crate::object::protocol;
use crate::object::typeobj::{PyType, TypeObject, TPFLAGS_BASETYPE, TPFLAGS_BASE_EXC_SUBCLASS, TPFLAGS_HAVE_GC};
use crate::object::value::{dealloc_builtin, PyObject, PyPayload, Value};
use crate::runtime::errors::{PyErr, PyResult};
use crate::runtime::thread::ThreadState;
use crate::types::{descr, dict, int, list, none, str as pystr, tuple};

/// The layout shared by every exception (CPython's PyBaseExceptionObject
/// and its family extensions).
pub struct PyBaseException {
    pub args: RefCell<Value>,
    pub traceback: RefCell<Option<Value>>,
    pub context: RefCell<Option<Value>>,
    pub cause: RefCell<Option<Value>>,
    pub suppress_context: Cell<bool>,
    /// Raised, and its implicit `__context__` decided then: frames it
    /// propagates through leave the context alone (CPython sets it only
    /// where an exception is raised).
    context_decided: Cell<bool>,
    dict: Cell<Option<Value>>,
    /// Family-specific attributes, by index (see each family's getsets).
    pub fields: RefCell<[Option<Value>; 8]>,
}

impl PyBaseException {
    /// A fresh exception payload with these args.
    pub fn new(args: Value) -> PyBaseException {
        PyBaseException {
            args: RefCell::new(args),
            traceback: RefCell::new(None),
            context: RefCell::new(None),
            cause: RefCell::new(None),
            suppress_context: Cell::new(false),
            context_decided: Cell::new(false),
            dict: Cell::new(None),
            fields: RefCell::new(Default::default()),
        }
    }

    /// The exception's `__dict__` (holds `__notes__`), created on first use.
    pub fn dict(&self) -> Value {
        let d = self.dict.take().unwrap_or_else(dict::new_dict);
        self.dict.set(Some(d.clone()));
        d
    }

    /// Family field `i` (None when unset, CPython's NULL).
    pub fn field(&self, i: usize) -> Option<Value> {
        self.fields.borrow()[i].clone()
    }

    /// Set or clear family field `i`.
    pub fn set_field(&self, i: usize, v: Option<Value>) {
        let old = std::mem::replace(&mut self.fields.borrow_mut()[i], v);
        drop(old);
    }

    /// The items of `args`.
    pub fn args_vec(&self) -> Vec<Value> {
        tuple::tuple_items(&self.args.borrow()).to_vec()
    }
}

const EXC_FLAGS: u64 = TPFLAGS_BASETYPE | TPFLAGS_BASE_EXC_SUBCLASS | TPFLAGS_HAVE_GC;

/// `BaseException`.
pub static BASE_EXCEPTION_TYPE: PyType = PyObject::new_static(
    &super::typeobject::TYPE_TYPE,
    TypeObject::builtin::<PyBaseException>("BaseException", &BASE_EXCEPTION_TYPE, Some(&super::object::OBJECT_TYPE), EXC_FLAGS),
);

impl PyPayload for PyBaseException {
    fn class() -> &'static PyType {
        &BASE_EXCEPTION_TYPE
    }
}

macro_rules! exc_types {
    ($($static:ident = $name:literal < $base:ident;)*) => {
        $(pub static $static: PyType = PyObject::new_static(
            &super::typeobject::TYPE_TYPE,
            TypeObject::builtin_sublayout(
                $name,
                &$base,
                &BASE_EXCEPTION_TYPE,
                std::mem::size_of::<PyObject<PyBaseException>>(),
                dealloc_builtin::<PyBaseException>,
                EXC_FLAGS,
            ),
        );)*
        /// Every builtin exception type, bases first.
        pub fn types() -> Vec<&'static PyType> {
            vec![&BASE_EXCEPTION_TYPE, $(&$static),*]
        }
    };
}

exc_types! {
    BASE_EXCEPTION_GROUP_TYPE = "BaseExceptionGroup" < BASE_EXCEPTION_TYPE;
    GENERATOR_EXIT = "GeneratorExit" < BASE_EXCEPTION_TYPE;
    KEYBOARD_INTERRUPT = "KeyboardInterrupt" < BASE_EXCEPTION_TYPE;
    SYSTEM_EXIT = "SystemExit" < BASE_EXCEPTION_TYPE;
    EXCEPTION = "Exception" < BASE_EXCEPTION_TYPE;
    ARITHMETIC_ERROR = "ArithmeticError" < EXCEPTION;
    FLOATING_POINT_ERROR = "FloatingPointError" < ARITHMETIC_ERROR;
    OVERFLOW_ERROR = "OverflowError" < ARITHMETIC_ERROR;
    ZERO_DIVISION_ERROR = "ZeroDivisionError" < ARITHMETIC_ERROR;
    ASSERTION_ERROR = "AssertionError" < EXCEPTION;
    ATTRIBUTE_ERROR = "AttributeError" < EXCEPTION;
    BUFFER_ERROR = "BufferError" < EXCEPTION;
    EOF_ERROR = "EOFError" < EXCEPTION;
    EXCEPTION_GROUP_TYPE = "ExceptionGroup" < BASE_EXCEPTION_GROUP_TYPE;
    IMPORT_ERROR = "ImportError" < EXCEPTION;
    MODULE_NOT_FOUND_ERROR = "ModuleNotFoundError" < IMPORT_ERROR;
    LOOKUP_ERROR = "LookupError" < EXCEPTION;
    INDEX_ERROR = "IndexError" < LOOKUP_ERROR;
    KEY_ERROR = "KeyError" < LOOKUP_ERROR;
    MEMORY_ERROR = "MemoryError" < EXCEPTION;
    NAME_ERROR = "NameError" < EXCEPTION;
    UNBOUND_LOCAL_ERROR = "UnboundLocalError" < NAME_ERROR;
    OS_ERROR = "OSError" < EXCEPTION;
    BLOCKING_IO_ERROR = "BlockingIOError" < OS_ERROR;
    CHILD_PROCESS_ERROR = "ChildProcessError" < OS_ERROR;
    CONNECTION_ERROR = "ConnectionError" < OS_ERROR;
    BROKEN_PIPE_ERROR = "BrokenPipeError" < CONNECTION_ERROR;
    CONNECTION_ABORTED_ERROR = "ConnectionAbortedError" < CONNECTION_ERROR;
    CONNECTION_REFUSED_ERROR = "ConnectionRefusedError" < CONNECTION_ERROR;
    CONNECTION_RESET_ERROR = "ConnectionResetError" < CONNECTION_ERROR;
    FILE_EXISTS_ERROR = "FileExistsError" < OS_ERROR;
    FILE_NOT_FOUND_ERROR = "FileNotFoundError" < OS_ERROR;
    INTERRUPTED_ERROR = "InterruptedError" < OS_ERROR;
    IS_A_DIRECTORY_ERROR = "IsADirectoryError" < OS_ERROR;
    NOT_A_DIRECTORY_ERROR = "NotADirectoryError" < OS_ERROR;
    PERMISSION_ERROR = "PermissionError" < OS_ERROR;
    PROCESS_LOOKUP_ERROR = "ProcessLookupError" < OS_ERROR;
    TIMEOUT_ERROR = "TimeoutError" < OS_ERROR;
    REFERENCE_ERROR = "ReferenceError" < EXCEPTION;
    RUNTIME_ERROR = "RuntimeError" < EXCEPTION;
    NOT_IMPLEMENTED_ERROR = "NotImplementedError" < RUNTIME_ERROR;
    RECURSION_ERROR = "RecursionError" < RUNTIME_ERROR;
    STOP_ASYNC_ITERATION = "StopAsyncIteration" < EXCEPTION;
    STOP_ITERATION = "StopIteration" < EXCEPTION;
    SYNTAX_ERROR = "SyntaxError" < EXCEPTION;
    INDENTATION_ERROR = "IndentationError" < SYNTAX_ERROR;
    TAB_ERROR = "TabError" < INDENTATION_ERROR;
    SYSTEM_ERROR = "SystemError" < EXCEPTION;
    TYPE_ERROR = "TypeError" < EXCEPTION;
    VALUE_ERROR = "ValueError" < EXCEPTION;
    UNICODE_ERROR = "UnicodeError" < VALUE_ERROR;
    UNICODE_DECODE_ERROR = "UnicodeDecodeError" < UNICODE_ERROR;
    UNICODE_ENCODE_ERROR = "UnicodeEncodeError" < UNICODE_ERROR;
    UNICODE_TRANSLATE_ERROR = "UnicodeTranslateError" < UNICODE_ERROR;
    WARNING = "Warning" < EXCEPTION;
    BYTES_WARNING = "BytesWarning" < WARNING;
    DEPRECATION_WARNING = "DeprecationWarning" < WARNING;
    ENCODING_WARNING = "EncodingWarning" < WARNING;
    FUTURE_WARNING = "FutureWarning" < WARNING;
    IMPORT_WARNING = "ImportWarning" < WARNING;
    PENDING_DEPRECATION_WARNING = "PendingDeprecationWarning" < WARNING;
    RESOURCE_WARNING = "ResourceWarning" < WARNING;
    RUNTIME_WARNING = "RuntimeWarning" < WARNING;
    SYNTAX_WARNING = "SyntaxWarning" < WARNING;
    UNICODE_WARNING = "UnicodeWarning" < WARNING;
    USER_WARNING = "UserWarning" < WARNING;
}

/// A new exception of builtin type `ty` with `args`, initialized as its
/// `__init__` would (StopIteration.value etc.). `OSError(errno, ...)`
/// becomes the subclass for that errno, as calling OSError does.
pub fn new_exception(ty: &'static PyType, args: Vec<Value>) -> Value {
    let ty = if std::ptr::eq(ty, &OS_ERROR) { errno_subclass(&args).unwrap_or(ty) } else { ty };
    let targs = tuple::new_tuple(args).unwrap_or_else(|_| none::none());
    let exc = Value::new_with_type(ty, PyBaseException::new(targs)).unwrap_or_else(|_| memory_error_instance());
    init_fields(&exc);
    exc
}

/// The OSError for a failed system call: `OSError(errno, strerror[, filename])`,
/// which is the errno's subclass (FileNotFoundError, PermissionError, ...).
pub fn os_error_from_io(err: &std::io::Error, filename: Option<Value>) -> PyErr {
    let Some(code) = err.raw_os_error() else {
        return PyErr::new(&OS_ERROR, err.to_string());
    };
    let text = std::io::Error::from_raw_os_error(code).to_string();
    // Rust appends " (os error N)" to the C library's strerror text.
    let strerror = match text.rfind(" (os error ") {
        Some(i) => text[..i].to_string(),
        None => text,
    };
    let mut args = vec![int::from_i64(code as i64), pystr::new_str(&strerror)];
    args.extend(filename);
    PyErr::with_args(&OS_ERROR, args)
}

thread_local! {
    static MEMORY_ERROR_INSTANCE: RefCell<Option<Value>> = const { RefCell::new(None) };
}

/// The preallocated MemoryError.
pub fn memory_error_instance() -> Value {
    MEMORY_ERROR_INSTANCE.with(|m| {
        if let Some(v) = m.borrow().clone() {
            return v;
        }
        let empty = tuple::new_tuple(vec![]).unwrap_or_else(|_| none::none());
        let v = Value::new_with_type(&MEMORY_ERROR, PyBaseException::new(empty)).unwrap_or_else(|_| none::none());
        *m.borrow_mut() = Some(v.clone());
        v
    })
}

fn payload(v: &Value) -> PyResult<&PyBaseException> {
    v.downcast::<PyBaseException>().ok_or_else(|| PyErr::type_error("exception expected"))
}

fn is_sub(v: &Value, ty: &PyType) -> bool {
    v.type_of().is_subtype(ty)
}

/// The exception's `__dict__` (the instance dict of a subclass, else the
/// one of the exception itself), created on first use.
fn exc_dict(v: &Value) -> Option<Value> {
    protocol::instance_dict_or_create(v)
}

/// Set the family fields from the exception's args, ignoring arguments
/// that do not fit (used for exceptions made by the runtime itself).
fn init_fields(exc: &Value) {
    let Ok(e) = payload(exc) else { return };
    let Some(ts) = ThreadState::current() else { return };
    let args = e.args_vec();
    if is_sub(exc, &OS_ERROR) {
        let _ = oserror_init(exc, e, &args);
    } else {
        let _ = init_family(ts, exc, e, &args);
    }
}

/// The family-specific part of `__init__` (StopIteration.value,
/// SystemExit.code, SyntaxError's location, the UnicodeError fields...).
fn init_family(ts: &ThreadState, exc: &Value, e: &PyBaseException, args: &[Value]) -> PyResult<()> {
    if is_sub(exc, &STOP_ITERATION) {
        e.set_field(0, Some(args.first().cloned().unwrap_or_else(none::none)));
    } else if is_sub(exc, &SYSTEM_EXIT) {
        let code = match args.len() {
            0 => none::none(),
            1 => args[0].clone(),
            _ => e.args.borrow().clone(),
        };
        e.set_field(0, Some(code));
    } else if is_sub(exc, &IMPORT_ERROR) {
        e.set_field(0, if args.len() == 1 { Some(args[0].clone()) } else { None });
    } else if is_sub(exc, &SYNTAX_ERROR) {
        syntax_error_init(ts, e, args)?;
    } else if is_sub(exc, &UNICODE_ENCODE_ERROR) {
        unicode_error_init(ts, e, args, UnicodeKind::Encode)?;
    } else if is_sub(exc, &UNICODE_DECODE_ERROR) {
        unicode_error_init(ts, e, args, UnicodeKind::Decode)?;
    } else if is_sub(exc, &UNICODE_TRANSLATE_ERROR) {
        unicode_error_init(ts, e, args, UnicodeKind::Translate)?;
    }
    Ok(())
}

fn syntax_error_init(ts: &ThreadState, e: &PyBaseException, args: &[Value]) -> PyResult<()> {
    if let Some(m) = args.first() {
        e.set_field(0, Some(m.clone()));
    }
    if args.len() == 2 {
        let info = protocol::collect(ts, &args[1])?;
        if info.len() < 4 {
            return Err(PyErr::type_error(format!("function takes at least 4 arguments ({} given)", info.len())));
        }
        if info.len() > 6 {
            return Err(PyErr::type_error(format!("function takes at most 6 arguments ({} given)", info.len())));
        }
        e.set_field(5, None);
        e.set_field(6, None);
        for (i, v) in info.into_iter().enumerate() {
            e.set_field(i + 1, Some(v));
        }
    }
    Ok(())
}

#[derive(Clone, Copy, PartialEq)]
enum UnicodeKind {
    Encode,
    Decode,
    Translate,
}

/// An `n` argument of PyArg_ParseTuple: an index-like value as isize.
fn ssize_arg(ts: &ThreadState, v: &Value) -> PyResult<isize> {
    let i = protocol::index(ts, v)?;
    int::to_isize(&i).ok_or_else(|| PyErr::overflow_error("Python int too large to convert to C ssize_t"))
}

fn str_arg(v: &Value, pos: usize) -> PyResult<Value> {
    if pystr::as_pystr(v).is_none() {
        return Err(PyErr::type_error(format!(
            "argument {pos} must be str, not {}",
            protocol::type_name(v)
        )));
    }
    Ok(v.clone())
}

/// UnicodeEncodeError(encoding, object, start, end, reason) and its
/// decode and translate siblings.
fn unicode_error_init(ts: &ThreadState, e: &PyBaseException, args: &[Value], kind: UnicodeKind) -> PyResult<()> {
    let want = if kind == UnicodeKind::Translate { 4 } else { 5 };
    if args.len() != want {
        return Err(PyErr::type_error(format!(
            "function takes exactly {want} arguments ({} given)",
            args.len()
        )));
    }
    let (encoding, rest) = if kind == UnicodeKind::Translate {
        (None, args)
    } else {
        (Some(str_arg(&args[0], 1)?), &args[1..])
    };
    let first = if kind == UnicodeKind::Translate { 1 } else { 2 };
    let object = match kind {
        UnicodeKind::Decode => rest[0].clone(),
        _ => str_arg(&rest[0], first)?,
    };
    let start = ssize_arg(ts, &rest[1])?;
    let end = ssize_arg(ts, &rest[2])?;
    let reason = str_arg(&rest[3], first + 3)?;
    let object = match kind {
        // The object is kept as bytes whatever buffer it came in.
        UnicodeKind::Decode => super::bytes::new_bytes(super::bytes::bytes_like(ts, &object)?),
        _ => object,
    };
    e.set_field(0, encoding);
    e.set_field(1, Some(object));
    e.set_field(2, Some(int::from_i64(start as i64)));
    e.set_field(3, Some(int::from_i64(end as i64)));
    e.set_field(4, Some(reason));
    Ok(())
}

// --- OSError ----------------------------------------------------------------

/// The OSError subclass CPython picks for an errno.
fn errno_subclass_for(errno: i64) -> Option<&'static PyType> {
    let e = i32::try_from(errno).ok()?;
    Some(match e {
        libc::EAGAIN | libc::EALREADY | libc::EINPROGRESS => &BLOCKING_IO_ERROR,
        libc::ECHILD => &CHILD_PROCESS_ERROR,
        libc::EPIPE | libc::ESHUTDOWN => &BROKEN_PIPE_ERROR,
        libc::ECONNABORTED => &CONNECTION_ABORTED_ERROR,
        libc::ECONNREFUSED => &CONNECTION_REFUSED_ERROR,
        libc::ECONNRESET => &CONNECTION_RESET_ERROR,
        libc::EEXIST => &FILE_EXISTS_ERROR,
        libc::ENOENT => &FILE_NOT_FOUND_ERROR,
        libc::EISDIR => &IS_A_DIRECTORY_ERROR,
        libc::ENOTDIR => &NOT_A_DIRECTORY_ERROR,
        libc::EINTR => &INTERRUPTED_ERROR,
        libc::EACCES | libc::EPERM => &PERMISSION_ERROR,
        libc::ESRCH => &PROCESS_LOOKUP_ERROR,
        libc::ETIMEDOUT => &TIMEOUT_ERROR,
        _ if e == libc::EWOULDBLOCK => &BLOCKING_IO_ERROR,
        _ => return None,
    })
}

/// The subclass `OSError(*args)` creates: only for 2 to 5 arguments whose
/// first is an int naming a known errno.
fn errno_subclass(args: &[Value]) -> Option<&'static PyType> {
    if !(2..=5).contains(&args.len()) {
        return None;
    }
    errno_subclass_for(int::as_int(&args[0])?.to_i64()?)
}

/// A subclass that defines `__init__` (but not `__new__`) parses its
/// arguments in `__init__`; otherwise `__new__` does it all.
fn oserror_use_init(ty: &PyType) -> bool {
    let init = ty.data.slots.init.get().map(|f| f as *const () as usize);
    let new = ty.data.slots.new.get().map(|f| f as *const () as usize);
    init != Some(exc_init as *const () as usize) && new == Some(exc_new as *const () as usize)
}

/// Fill errno/strerror/filename/filename2 (or BlockingIOError's
/// characters_written) from `args`; a filename trims args to two items.
fn oserror_init(exc: &Value, e: &PyBaseException, args: &[Value]) -> PyResult<()> {
    let mut new_args = None;
    if (2..=5).contains(&args.len()) {
        let filename = args.get(2).filter(|f| !none::is_none(f));
        if let Some(f) = filename {
            let written = std::ptr::eq(exc.type_of(), &BLOCKING_IO_ERROR) && is_number(f);
            if written {
                let ts = ThreadState::current().ok_or_else(|| PyErr::system_error("no thread state"))?;
                let n = protocol::index(ts, f)?;
                let n = int::to_isize(&n).ok_or_else(|| PyErr::value_error("cannot fit 'int' into an index-sized integer"))?;
                e.set_field(4, Some(int::from_i64(n as i64)));
            } else {
                e.set_field(2, Some(f.clone()));
                e.set_field(3, args.get(4).filter(|f| !none::is_none(f)).cloned());
                new_args = Some(tuple::new_tuple(args[..2].to_vec())?);
            }
        }
        e.set_field(0, Some(args[0].clone()));
        e.set_field(1, Some(args[1].clone()));
    }
    if let Some(a) = new_args {
        let old = e.args.replace(a);
        drop(old);
    }
    Ok(())
}

/// PyNumber_Check: ints, floats, complex and anything with `__index__`,
/// `__int__` or `__float__`.
fn is_number(v: &Value) -> bool {
    int::is_int(v)
        || v.type_of().is_subtype(&super::complex::COMPLEX_TYPE)
        || ["__index__", "__int__", "__float__"].iter().any(|n| v.type_of().data.lookup_str(n).is_some())
}

fn oserror_new(ty: &PyType, cls: &Value, args: &[Value], kwnames: Option<&Value>) -> PyResult<Value> {
    let npos = crate::object::args::npositional(args, kwnames);
    let use_init = oserror_use_init(ty);
    let mut cls = cls.clone();
    if !use_init {
        crate::object::args::no_kwargs(&ty.name(), kwnames)?;
        if std::ptr::eq(ty, &OS_ERROR) {
            if let Some(sub) = errno_subclass(&args[..npos]) {
                cls = sub.to_value();
            }
        }
    }
    let targs = tuple::new_tuple(if use_init { vec![] } else { args[..npos].to_vec() })?;
    let exc = Value::new_instance(&cls, PyBaseException::new(targs))?;
    if !use_init {
        oserror_init(&exc, payload(&exc)?, &args[..npos])?;
    }
    Ok(exc)
}

/// Record `name` and `obj` on an AttributeError (for "Did you mean" hints).
pub fn set_attribute_error_context(exc: &Value, obj: &Value, name: &Value) {
    if let Ok(e) = payload(exc) {
        e.set_field(0, Some(name.clone()));
        e.set_field(1, Some(obj.clone()));
    }
}

/// Record `name` on a NameError.
pub fn set_name_error_name(exc: &Value, name: &Value) {
    if let Ok(e) = payload(exc) {
        e.set_field(0, Some(name.clone()));
    }
}

/// `exc.add_note(text)`.
pub fn add_note_str(exc: &Value, text: &str) {
    let Some(d) = exc_dict(exc) else { return };
    let notes = match dict::dict_get_str(&d, &pystr::intern("__notes__")) {
        Some(n) if n.downcast::<list::PyList>().is_some() => n,
        _ => {
            let n = list::new_list(vec![]).unwrap_or_else(|_| none::none());
            dict::dict_set_str(&d, "__notes__", n.clone());
            n
        }
    };
    if let Some(l) = notes.downcast::<list::PyList>() {
        l.push(pystr::new_str(text));
    }
}

/// `exc.__traceback__` (None when unset).
pub fn traceback_of(exc: &Value) -> Option<Value> {
    payload(exc).ok()?.traceback.borrow().clone()
}

/// Set `exc.__traceback__`.
pub fn set_traceback(exc: &Value, tb: Option<Value>) {
    if let Ok(e) = payload(exc) {
        let old = e.traceback.replace(tb);
        drop(old);
    }
}

/// `exc.__context__`.
pub fn context_of(exc: &Value) -> Option<Value> {
    payload(exc).ok()?.context.borrow().clone()
}

/// Set `exc.__context__`.
/// Mark `exc` as raised with its context decided (true), or as about to
/// be raised afresh (false); returns whether it was decided before.
pub fn decide_context(exc: &Value, decided: bool) -> bool {
    payload(exc).map_or(true, |e| e.context_decided.replace(decided))
}

pub fn set_context(exc: &Value, ctx: Option<Value>) {
    if let Ok(e) = payload(exc) {
        let old = e.context.replace(ctx);
        drop(old);
    }
}

/// `exc.__cause__`.
pub fn cause_of(exc: &Value) -> Option<Value> {
    payload(exc).ok()?.cause.borrow().clone()
}

/// Set `__cause__`; like CPython's PyException_SetCause this also sets
/// `__suppress_context__`.
pub fn set_cause(exc: &Value, cause: Option<Value>) {
    if let Ok(e) = payload(exc) {
        let old = e.cause.replace(cause);
        drop(old);
        e.suppress_context.set(true);
    }
}

/// `exc.__suppress_context__`.
pub fn suppress_context(exc: &Value) -> bool {
    payload(exc).is_ok_and(|e| e.suppress_context.get())
}

/// The `value` of a StopIteration (None when absent).
pub fn stop_iteration_value(exc: &Value) -> Value {
    payload(exc).ok().and_then(|e| e.field(0)).unwrap_or_else(none::none)
}

/// Whether `v` is an exception class (a subclass of BaseException).
pub fn is_exception_class(v: &Value) -> bool {
    v.as_type().is_some_and(|t| t.is_subtype(&BASE_EXCEPTION_TYPE))
}

/// Whether `v` is an exception (an instance of BaseException).
pub fn is_exception_instance(v: &Value) -> bool {
    v.type_of().is_subtype(&BASE_EXCEPTION_TYPE)
}

// --- slots and methods ------------------------------------------------------

fn exc_new(_ts: &ThreadState, cls: &Value, args: &[Value], kwnames: Option<&Value>) -> PyResult<Value> {
    let ty = protocol::as_pytype(cls).ok_or_else(|| PyErr::type_error("type expected"))?;
    if ty.is_subtype(&OS_ERROR) {
        return oserror_new(ty, cls, args, kwnames);
    }
    let npos = crate::object::args::npositional(args, kwnames);
    let targs = tuple::new_tuple(args[..npos].to_vec())?;
    Value::new_instance(cls, PyBaseException::new(targs))
}

/// Keyword arguments of the families that take them (ImportError's name
/// and path, NameError's name, AttributeError's name and obj): each is
/// reset, then set from the keywords.
fn keyword_fields(ty: &PyType) -> Option<(&'static str, &'static [(&'static str, usize)])> {
    if ty.is_subtype(&IMPORT_ERROR) {
        Some(("ImportError", &[("name", 1), ("path", 2)]))
    } else if ty.is_subtype(&ATTRIBUTE_ERROR) {
        Some(("AttributeError", &[("name", 0), ("obj", 1)]))
    } else if ty.is_subtype(&NAME_ERROR) {
        Some(("NameError", &[("name", 0)]))
    } else {
        None
    }
}

fn exc_init(ts: &ThreadState, v: &Value, args: &[Value], kwnames: Option<&Value>) -> PyResult<()> {
    let e = payload(v)?;
    let ty = v.type_of();
    let npos = crate::object::args::npositional(args, kwnames);
    let kwn = kwnames.map(|k| tuple::tuple_items(k).to_vec()).unwrap_or_default();
    if ty.is_subtype(&OS_ERROR) {
        if !oserror_use_init(ty) {
            // Everything was done by __new__.
            return Ok(());
        }
        crate::object::args::no_kwargs(&ty.name(), kwnames)?;
        let old = e.args.replace(tuple::new_tuple(args[..npos].to_vec())?);
        drop(old);
        return oserror_init(v, e, &args[..npos]);
    }
    let kw_family = keyword_fields(ty);
    if kw_family.is_none() {
        crate::object::args::no_kwargs(&ty.name(), kwnames)?;
    }
    let old = e.args.replace(tuple::new_tuple(args[..npos].to_vec())?);
    drop(old);
    if ty.is_subtype(&BASE_EXCEPTION_GROUP_TYPE) {
        return Ok(());
    }
    if let Some((family, names)) = kw_family {
        let mut values: Vec<Option<Value>> = vec![None; names.len()];
        for (j, n) in kwn.iter().enumerate() {
            let n = pystr::as_rust_str(n);
            match names.iter().position(|(x, _)| *x == n) {
                Some(idx) => values[idx] = Some(args[npos + j].clone()),
                None => return Err(PyErr::type_error(format!("'{n}' is an invalid keyword argument for {family}()"))),
            }
        }
        for ((_, field), value) in names.iter().zip(values) {
            e.set_field(*field, value);
        }
    }
    init_family(ts, v, e, &args[..npos])
}

/// The OSError message: "[Errno N] strerror" and the file names.
fn oserror_str(ts: &ThreadState, e: &PyBaseException) -> PyResult<Option<String>> {
    let or_none = |i: usize| e.field(i).unwrap_or_else(none::none);
    if let Some(f) = e.field(2) {
        let base = format!(
            "[Errno {}] {}",
            protocol::str_string(ts, &or_none(0))?,
            protocol::str_string(ts, &or_none(1))?
        );
        return Ok(Some(match e.field(3) {
            Some(f2) => format!("{base}: {} -> {}", protocol::repr_string(ts, &f)?, protocol::repr_string(ts, &f2)?),
            None => format!("{base}: {}", protocol::repr_string(ts, &f)?),
        }));
    }
    if let (Some(errno), Some(strerror)) = (e.field(0), e.field(1)) {
        return Ok(Some(format!(
            "[Errno {}] {}",
            protocol::str_string(ts, &errno)?,
            protocol::str_string(ts, &strerror)?
        )));
    }
    Ok(None)
}

/// The SyntaxError message: "msg (file, line N)" with what is known.
fn syntax_error_str(ts: &ThreadState, e: &PyBaseException) -> PyResult<String> {
    let msg = protocol::str_string(ts, &e.field(0).unwrap_or_else(none::none))?;
    let file = e.field(1).filter(|f| pystr::as_pystr(f).is_some()).map(|f| {
        let s = pystr::as_rust_str(&f).into_owned();
        s.rsplit('/').next().unwrap_or(&s).to_string()
    });
    // Only an exact int counts as a line number (not True).
    let lineno = e.field(2).filter(|l| std::ptr::eq(l.type_of(), &int::INT_TYPE));
    let lineno = lineno.map(|l| int::as_int(&l).and_then(|i| i.to_i64()).unwrap_or(-1));
    Ok(match (file, lineno) {
        (Some(f), Some(l)) => format!("{msg} ({f}, line {l})"),
        (Some(f), None) => format!("{msg} ({f})"),
        (None, Some(l)) => format!("{msg} (line {l})"),
        (None, None) => msg,
    })
}

/// `'\xNN'`, `'\uNNNN'` or `'\UNNNNNNNN'` for a character in a message.
fn escaped_char(c: u32) -> String {
    if c <= 0xff {
        format!("\\x{c:02x}")
    } else if c <= 0xffff {
        format!("\\u{c:04x}")
    } else {
        format!("\\U{c:08x}")
    }
}

/// The UnicodeError messages ("'utf-8' codec can't decode byte 0xff in
/// position 0: invalid start byte"). None when the error was never
/// initialized.
fn unicode_error_str(ts: &ThreadState, v: &Value, e: &PyBaseException) -> PyResult<Option<String>> {
    let Some(object) = e.field(1) else { return Ok(None) };
    let num = |i: usize| e.field(i).and_then(|x| int::to_isize(&x)).unwrap_or(0);
    let (start, end) = (num(2), num(3));
    let reason = protocol::str_string(ts, &e.field(4).unwrap_or_else(none::none))?;
    let single = end == start.wrapping_add(1);
    if is_sub(v, &UNICODE_DECODE_ERROR) {
        let encoding = protocol::str_string(ts, &e.field(0).unwrap_or_else(none::none))?;
        let data = super::bytes::try_bytes_data(&object).unwrap_or_default();
        if single && start >= 0 && (start as usize) < data.len() {
            return Ok(Some(format!(
                "'{encoding}' codec can't decode byte 0x{:02x} in position {start}: {reason}",
                data[start as usize]
            )));
        }
        return Ok(Some(format!(
            "'{encoding}' codec can't decode bytes in position {start}-{}: {reason}",
            end - 1
        )));
    }
    let len = pystr::as_pystr(&object).map_or(0, |s| s.data.len()) as isize;
    let badchar = || -> PyResult<String> {
        let c = if start < 0 { None } else { pystr::as_pystr(&object).and_then(|s| s.data.try_get(start as usize)) };
        c.map(escaped_char).ok_or_else(|| PyErr::index_error("string index out of range"))
    };
    if is_sub(v, &UNICODE_ENCODE_ERROR) {
        let encoding = protocol::str_string(ts, &e.field(0).unwrap_or_else(none::none))?;
        if start < len && single {
            return Ok(Some(format!(
                "'{encoding}' codec can't encode character '{}' in position {start}: {reason}",
                badchar()?
            )));
        }
        return Ok(Some(format!(
            "'{encoding}' codec can't encode characters in position {start}-{}: {reason}",
            end - 1
        )));
    }
    if start < len && single {
        return Ok(Some(format!("can't translate character '{}' in position {start}: {reason}", badchar()?)));
    }
    Ok(Some(format!("can't translate characters in position {start}-{}: {reason}", end - 1)))
}

fn exc_str(ts: &ThreadState, v: &Value) -> PyResult<Value> {
    let e = payload(v)?;
    let ty = v.type_of();
    if ty.is_subtype(&KEY_ERROR) {
        let args = e.args_vec();
        if args.len() == 1 {
            return protocol::repr(ts, &args[0]);
        }
    } else if ty.is_subtype(&IMPORT_ERROR) {
        if let Some(m) = e.field(0) {
            if std::ptr::eq(m.type_of(), &pystr::STR_TYPE) {
                return Ok(m);
            }
        }
    } else if ty.is_subtype(&OS_ERROR) {
        if let Some(s) = oserror_str(ts, e)? {
            return Ok(pystr::new_str(&s));
        }
    } else if ty.is_subtype(&SYNTAX_ERROR) {
        return Ok(pystr::new_str(&syntax_error_str(ts, e)?));
    } else if ty.is_subtype(&UNICODE_ENCODE_ERROR)
        || ty.is_subtype(&UNICODE_DECODE_ERROR)
        || ty.is_subtype(&UNICODE_TRANSLATE_ERROR)
    {
        if let Some(s) = unicode_error_str(ts, v, e)? {
            return Ok(pystr::new_str(&s));
        }
    } else if ty.is_subtype(&BASE_EXCEPTION_GROUP_TYPE) {
        if let (Some(m), Some(excs)) = (e.field(0), e.field(1)) {
            let n = tuple::tuple_items(&excs).len();
            return Ok(pystr::new_str(&format!(
                "{} ({} sub-exception{})",
                protocol::str_string(ts, &m)?,
                n,
                if n > 1 { "s" } else { "" }
            )));
        }
    }
    let args = e.args_vec();
    match args.len() {
        0 => Ok(pystr::new_str("")),
        1 => protocol::str(ts, &args[0]),
        _ => protocol::str(ts, &e.args.borrow().clone()),
    }
}

fn exc_repr(ts: &ThreadState, v: &Value) -> PyResult<Value> {
    let e = payload(v)?;
    let name = v.type_of().name();
    let name = name.rsplit('.').next().unwrap_or(&name).to_string();
    let args = e.args_vec();
    Ok(pystr::new_str(&if args.len() == 1 {
        format!("{}({})", name, protocol::repr_string(ts, &args[0])?)
    } else {
        format!("{}{}", name, protocol::repr_string(ts, &e.args.borrow().clone())?)
    }))
}

fn get_args(_ts: &ThreadState, v: &Value) -> PyResult<Value> {
    Ok(payload(v)?.args.borrow().clone())
}
fn set_args(ts: &ThreadState, v: &Value, a: Option<&Value>) -> PyResult<()> {
    let a = a.ok_or_else(|| PyErr::type_error("args may not be deleted"))?;
    let t = tuple::new_tuple(protocol::collect(ts, a)?)?;
    let old = payload(v)?.args.replace(t);
    drop(old);
    Ok(())
}
fn get_tb(_ts: &ThreadState, v: &Value) -> PyResult<Value> {
    Ok(payload(v)?.traceback.borrow().clone().unwrap_or_else(none::none))
}
fn set_tb(_ts: &ThreadState, v: &Value, tb: Option<&Value>) -> PyResult<()> {
    let tb = tb.ok_or_else(|| PyErr::type_error("__traceback__ may not be deleted"))?;
    if !none::is_none(tb) && tb.downcast::<super::traceback::PyTraceback>().is_none() {
        return Err(PyErr::type_error("__traceback__ must be a traceback or None"));
    }
    set_traceback(v, if none::is_none(tb) { None } else { Some(tb.clone()) });
    Ok(())
}
fn get_context(_ts: &ThreadState, v: &Value) -> PyResult<Value> {
    Ok(context_of(v).unwrap_or_else(none::none))
}
fn set_context_attr(_ts: &ThreadState, v: &Value, c: Option<&Value>) -> PyResult<()> {
    let c = c.ok_or_else(|| PyErr::type_error("__context__ may not be deleted"))?;
    if !none::is_none(c) && !is_exception_instance(c) {
        return Err(PyErr::type_error("exception context must be None or derive from BaseException"));
    }
    set_context(v, if none::is_none(c) { None } else { Some(c.clone()) });
    Ok(())
}
fn get_cause(_ts: &ThreadState, v: &Value) -> PyResult<Value> {
    Ok(cause_of(v).unwrap_or_else(none::none))
}
fn set_cause_attr(_ts: &ThreadState, v: &Value, c: Option<&Value>) -> PyResult<()> {
    let c = c.ok_or_else(|| PyErr::type_error("__cause__ may not be deleted"))?;
    if !none::is_none(c) && !is_exception_instance(c) {
        return Err(PyErr::type_error("exception cause must be None or derive from BaseException"));
    }
    set_cause(v, if none::is_none(c) { None } else { Some(c.clone()) });
    Ok(())
}
fn get_suppress(_ts: &ThreadState, v: &Value) -> PyResult<Value> {
    Ok(super::bool_::new_bool(suppress_context(v)))
}
fn set_suppress(_ts: &ThreadState, v: &Value, s: Option<&Value>) -> PyResult<()> {
    let s = s.ok_or_else(|| PyErr::type_error("can't delete numeric/char attribute"))?;
    let b = super::bool_::as_bool(s).ok_or_else(|| PyErr::type_error("attribute value type must be bool"))?;
    payload(v)?.suppress_context.set(b);
    Ok(())
}
fn get_dict(_ts: &ThreadState, v: &Value) -> PyResult<Value> {
    exc_dict(v).ok_or_else(|| PyErr::attribute_error("__dict__"))
}
fn set_dict(_ts: &ThreadState, v: &Value, d: Option<&Value>) -> PyResult<()> {
    let d = d.ok_or_else(|| PyErr::type_error("cannot delete __dict__"))?;
    if dict::as_dict(d).is_none() {
        return Err(PyErr::type_error(format!(
            "__dict__ must be set to a dictionary, not a '{}'",
            protocol::type_name(d)
        )));
    }
    let e = payload(v)?;
    let old = e.dict.replace(Some(d.clone()));
    drop(old);
    Ok(())
}

fn with_traceback(ts: &ThreadState, v: &Value, a: &[Value], k: Option<&Value>) -> PyResult<Value> {
    let a = crate::object::args::exact("with_traceback", a, k, 1)?;
    set_tb(ts, v, Some(&a[0]))?;
    Ok(v.clone())
}

fn add_note(ts: &ThreadState, v: &Value, a: &[Value], k: Option<&Value>) -> PyResult<Value> {
    let a = crate::object::args::exact("add_note", a, k, 1)?;
    if pystr::as_pystr(&a[0]).is_none() {
        return Err(PyErr::type_error(format!("note must be a str, not '{}'", protocol::type_name(&a[0]))));
    }
    let name = pystr::intern("__notes__");
    let notes = match protocol::lookup_attr(ts, v, &name)? {
        Some(n) => n,
        None => {
            let n = list::new_list(vec![])?;
            protocol::setattr(ts, v, &name, Some(&n))?;
            n
        }
    };
    match notes.downcast::<list::PyList>() {
        Some(l) => l.push(a[0].clone()),
        None => return Err(PyErr::type_error("Cannot add note: __notes__ is not a list")),
    }
    Ok(none::none())
}

/// The instance dict if it was ever created (a subclass's own dict slot,
/// else the exception's).
fn existing_dict(v: &Value) -> Option<Value> {
    if v.type_of().data.dict_slot.get() >= 0 {
        return protocol::instance_dict(v);
    }
    // Attribute lookups create this dict, so "exists" is approximated by
    // "holds something".
    let e = payload(v).ok()?;
    let d = e.dict.take();
    e.dict.set(d.clone());
    d.filter(|d| dict::as_dict(d).is_some_and(|x| !x.is_empty()))
}

/// `(type, args)`, plus the `__dict__` once it exists; OSError puts its
/// file names back into the arguments, ImportError adds name and path to
/// the state.
fn exc_reduce(ts: &ThreadState, v: &Value, a: &[Value], k: Option<&Value>) -> PyResult<Value> {
    crate::object::args::exact("__reduce__", a, k, 0)?;
    let e = payload(v)?;
    let mut args = e.args.borrow().clone();
    let mut state = existing_dict(v);
    if is_sub(v, &OS_ERROR) && tuple::tuple_items(&args).len() == 2 {
        if let Some(f) = e.field(2) {
            let mut items = e.args_vec();
            items.push(f);
            if let Some(f2) = e.field(3) {
                // OSError(*args) needs winerror's place to reach filename2.
                items.push(none::none());
                items.push(f2);
            }
            args = tuple::new_tuple(items)?;
        }
    }
    if is_sub(v, &IMPORT_ERROR) && (e.field(1).is_some() || e.field(2).is_some()) {
        let d = dict::new_dict();
        if let Some(old) = &state {
            for key in protocol::collect(ts, old)? {
                let value = protocol::getitem(ts, old, &key)?;
                dict::dict_set_item(ts, &d, key, value)?;
            }
        }
        if let Some(name) = e.field(1) {
            dict::dict_set_item(ts, &d, pystr::intern("name"), name)?;
        }
        if let Some(path) = e.field(2) {
            dict::dict_set_item(ts, &d, pystr::intern("path"), path)?;
        }
        state = Some(d);
    }
    let mut items = vec![v.type_of().to_value(), args];
    items.extend(state);
    tuple::new_tuple(items)
}

fn exc_setstate(ts: &ThreadState, v: &Value, a: &[Value], k: Option<&Value>) -> PyResult<Value> {
    let a = crate::object::args::exact("__setstate__", a, k, 1)?;
    if none::is_none(&a[0]) {
        return Ok(none::none());
    }
    let Some(d) = dict::as_dict(&a[0]) else {
        return Err(PyErr::type_error("state is not a dictionary"));
    };
    let _ = d;
    for key in protocol::collect(ts, &a[0])? {
        let value = protocol::getitem(ts, &a[0], &key)?;
        protocol::setattr(ts, v, &key, Some(&value))?;
    }
    Ok(none::none())
}

macro_rules! field_getset {
    ($($get:ident / $set:ident = $i:literal),*) => {
        $(fn $get(_ts: &ThreadState, v: &Value) -> PyResult<Value> {
            Ok(payload(v)?.field($i).unwrap_or_else(none::none))
        }
        fn $set(_ts: &ThreadState, v: &Value, x: Option<&Value>) -> PyResult<()> {
            payload(v)?.set_field($i, x.cloned());
            Ok(())
        })*
    };
}
field_getset!(get_f0 / set_f0 = 0, get_f1 / set_f1 = 1, get_f2 / set_f2 = 2, get_f3 / set_f3 = 3,
    get_f4 / set_f4 = 4, get_f5 / set_f5 = 5, get_f6 / set_f6 = 6, get_f7 / set_f7 = 7);

type GetSet = (&'static str, descr::GetterFn, Option<descr::SetterFn>);
const FIELDS: [(descr::GetterFn, descr::SetterFn); 8] = [
    (get_f0, set_f0),
    (get_f1, set_f1),
    (get_f2, set_f2),
    (get_f3, set_f3),
    (get_f4, set_f4),
    (get_f5, set_f5),
    (get_f6, set_f6),
    (get_f7, set_f7),
];

fn readonly_field(_ts: &ThreadState, _v: &Value, _x: Option<&Value>) -> PyResult<()> {
    Err(PyErr::attribute_error("readonly attribute"))
}

fn fields(names: &[&'static str]) -> Vec<GetSet> {
    names.iter().enumerate().map(|(i, n)| (*n, FIELDS[i].0, Some(FIELDS[i].1))).collect()
}

/// A Py_ssize_t member (UnicodeError.start/end): 0 until set; a value that
/// is not an int is refused, leaving -1 behind as CPython does.
fn set_ssize_field(e: &PyBaseException, i: usize, x: Option<&Value>) -> PyResult<()> {
    let x = x.ok_or_else(|| PyErr::type_error("can't delete numeric/char attribute"))?;
    let Some(n) = int::as_int(x) else {
        e.set_field(i, Some(int::from_i64(-1)));
        return Err(PyErr::type_error("an integer is required"));
    };
    match n.to_i64().and_then(|n| isize::try_from(n).ok()) {
        Some(n) => {
            e.set_field(i, Some(int::from_i64(n as i64)));
            Ok(())
        }
        None => {
            e.set_field(i, Some(int::from_i64(-1)));
            Err(PyErr::overflow_error("Python int too large to convert to C ssize_t"))
        }
    }
}
fn get_start(_ts: &ThreadState, v: &Value) -> PyResult<Value> {
    Ok(payload(v)?.field(2).unwrap_or_else(|| int::from_i64(0)))
}
fn set_start(_ts: &ThreadState, v: &Value, x: Option<&Value>) -> PyResult<()> {
    set_ssize_field(payload(v)?, 2, x)
}
fn get_end(_ts: &ThreadState, v: &Value) -> PyResult<Value> {
    Ok(payload(v)?.field(3).unwrap_or_else(|| int::from_i64(0)))
}
fn set_end(_ts: &ThreadState, v: &Value, x: Option<&Value>) -> PyResult<()> {
    set_ssize_field(payload(v)?, 3, x)
}

/// BlockingIOError's count, present only once known.
fn get_written(_ts: &ThreadState, v: &Value) -> PyResult<Value> {
    payload(v)?.field(4).ok_or_else(|| PyErr::attribute_error("characters_written"))
}
fn set_written(ts: &ThreadState, v: &Value, x: Option<&Value>) -> PyResult<()> {
    let e = payload(v)?;
    let Some(x) = x else {
        if e.field(4).is_none() {
            return Err(PyErr::attribute_error("characters_written"));
        }
        e.set_field(4, None);
        return Ok(());
    };
    let n = protocol::index(ts, x)?;
    let n = int::to_isize(&n).ok_or_else(|| PyErr::value_error("cannot fit 'int' into an index-sized integer"))?;
    e.set_field(4, Some(int::from_i64(n as i64)));
    Ok(())
}

fn unicode_getsets() -> Vec<GetSet> {
    vec![
        ("encoding", get_f0, Some(set_f0)),
        ("object", get_f1, Some(set_f1)),
        ("start", get_start, Some(set_start)),
        ("end", get_end, Some(set_end)),
        ("reason", get_f4, Some(set_f4)),
    ]
}

fn eg_new(ts: &ThreadState, cls: &Value, args: &[Value], kwnames: Option<&Value>) -> PyResult<Value> {
    let ty = protocol::as_pytype(cls).ok_or_else(|| PyErr::type_error("type expected"))?;
    let npos = crate::object::args::npositional(args, kwnames);
    let args = &args[..npos];
    if args.len() != 2 {
        return Err(PyErr::type_error(format!(
            "BaseExceptionGroup.__new__() takes exactly 2 arguments ({} given)",
            args.len()
        )));
    }
    let (msg, excs) = (&args[0], &args[1]);
    if pystr::as_pystr(msg).is_none() {
        return Err(PyErr::type_error(format!(
            "BaseExceptionGroup.__new__() argument 1 must be str, not {}",
            protocol::type_name(msg)
        )));
    }
    // PySequence_Check: anything indexable except a dict.
    if excs.type_of().data.slots.subscript.get().is_none() || dict::as_dict(excs).is_some() {
        return Err(PyErr::type_error("second argument (exceptions) must be a sequence"));
    }
    let items = protocol::collect(ts, excs)?;
    if items.is_empty() {
        return Err(PyErr::value_error("second argument (exceptions) must be a non-empty sequence"));
    }
    let mut nested_base_exceptions = false;
    for (i, x) in items.iter().enumerate() {
        if !is_exception_instance(x) {
            return Err(PyErr::value_error(format!("Item {i} of second argument (exceptions) is not an exception")));
        }
        if !protocol::isinstance(ts, x, &EXCEPTION.to_value())? {
            nested_base_exceptions = true;
        }
    }
    let mut cls = cls.clone();
    if std::ptr::eq(ty, &EXCEPTION_GROUP_TYPE) {
        if nested_base_exceptions {
            return Err(PyErr::type_error("Cannot nest BaseExceptions in an ExceptionGroup"));
        }
    } else if std::ptr::eq(ty, &BASE_EXCEPTION_GROUP_TYPE) {
        if !nested_base_exceptions {
            cls = EXCEPTION_GROUP_TYPE.to_value();
        }
    } else if nested_base_exceptions && ty.is_subtype(&EXCEPTION) {
        return Err(PyErr::type_error(format!("Cannot nest BaseExceptions in '{}'", ty.name())));
    }
    let targs = tuple::new_tuple(args.to_vec())?;
    let exc = Value::new_instance(&cls, PyBaseException::new(targs))?;
    let e = payload(&exc)?;
    e.set_field(0, Some(msg.clone()));
    e.set_field(1, Some(tuple::new_tuple(items)?));
    Ok(exc)
}

fn eg_derive(ts: &ThreadState, v: &Value, a: &[Value], k: Option<&Value>) -> PyResult<Value> {
    let a = crate::object::args::exact("derive", a, k, 1)?;
    let e = payload(v)?;
    let msg = e.field(0).unwrap_or_else(|| pystr::new_str(""));
    protocol::call(ts, &BASE_EXCEPTION_GROUP_TYPE.to_value(), &[msg, a[0].clone()], None)
}

/// How split() and subgroup() recognize matching leaves.
enum Matcher<'a> {
    Types(&'a Value),
    Predicate(&'a Value),
    /// The identities of the leaves to keep (used by `except*`).
    Ids(&'a [usize]),
}

fn matcher_of(v: &Value) -> PyResult<Matcher<'_>> {
    if v.downcast::<super::function::PyFunction>().is_some() {
        return Ok(Matcher::Predicate(v));
    }
    if is_exception_class(v) {
        return Ok(Matcher::Types(v));
    }
    if std::ptr::eq(v.type_of(), &tuple::TUPLE_TYPE) && tuple::tuple_items(v).iter().all(is_exception_class) {
        return Ok(Matcher::Types(v));
    }
    Err(PyErr::type_error("expected a function, exception type or tuple of exception types"))
}

/// PyErr_GivenExceptionMatches: subclass tests along the MRO (no
/// `__subclasscheck__`), tuples searched recursively.
fn given_exception_matches(exc: &Value, cls: &Value) -> bool {
    if let Some(items) = tuple::try_tuple_items(cls) {
        return items.iter().any(|c| given_exception_matches(exc, c));
    }
    match protocol::as_pytype(cls) {
        Some(t) if is_exception_class(cls) => exc.type_of().is_subtype(t),
        _ => false,
    }
}

fn split_matches(ts: &ThreadState, x: &Value, matcher: &Matcher) -> PyResult<bool> {
    match matcher {
        Matcher::Types(t) => Ok(given_exception_matches(x, t)),
        Matcher::Predicate(f) => {
            let r = protocol::call(ts, f, std::slice::from_ref(x), None)?;
            protocol::is_true(ts, &r)
        }
        Matcher::Ids(ids) => Ok(ids.contains(&x.id())),
    }
}

/// A group like `orig` holding `excs` (through `derive`), carrying its
/// traceback, cause, context and a copy of its notes.
fn eg_subset(ts: &ThreadState, orig: &Value, excs: Vec<Value>) -> PyResult<Option<Value>> {
    if excs.is_empty() {
        return Ok(None);
    }
    let l = list::new_list(excs)?;
    let g = protocol::call_method(ts, orig, "derive", &[l])?;
    if !is_sub(&g, &BASE_EXCEPTION_GROUP_TYPE) {
        return Err(PyErr::type_error("derive must return an instance of BaseExceptionGroup"));
    }
    if let Some(tb) = traceback_of(orig) {
        set_traceback(&g, Some(tb));
    }
    set_context(&g, context_of(orig));
    set_cause(&g, cause_of(orig));
    let name = pystr::intern("__notes__");
    if let Some(notes) = protocol::lookup_attr(ts, orig, &name)? {
        let is_sequence = notes.type_of().data.slots.subscript.get().is_some() && dict::as_dict(&notes).is_none();
        if is_sequence {
            let copy = list::new_list(protocol::collect(ts, &notes)?)?;
            protocol::setattr(ts, &g, &name, Some(&copy))?;
        }
    }
    Ok(Some(g))
}

/// Nesting deeper than this is refused (CPython's recursion limit).
const MAX_SPLIT_DEPTH: usize = 1000;

/// Split `v` by a matcher: (match, rest); `rest` only when asked for.
fn eg_split_recursive(
    ts: &ThreadState,
    v: &Value,
    matcher: &Matcher,
    construct_rest: bool,
    depth: usize,
) -> PyResult<(Option<Value>, Option<Value>)> {
    if split_matches(ts, v, matcher)? {
        return Ok((Some(v.clone()), None));
    }
    if !is_sub(v, &BASE_EXCEPTION_GROUP_TYPE) {
        return Ok((None, construct_rest.then(|| v.clone())));
    }
    if depth > MAX_SPLIT_DEPTH {
        return Err(PyErr::recursion_error("maximum recursion depth exceeded in exceptiongroup_split_recursive"));
    }
    let e = payload(v)?;
    let excs = tuple::tuple_items(&e.field(1).unwrap_or_else(none::none)).to_vec();
    let (mut m, mut r) = (vec![], vec![]);
    for x in excs {
        let (a, b) = eg_split_recursive(ts, &x, matcher, construct_rest, depth + 1)?;
        m.extend(a);
        r.extend(b);
    }
    let matched = eg_subset(ts, v, m)?;
    let rest = if construct_rest { eg_subset(ts, v, r)? } else { None };
    Ok((matched, rest))
}

fn eg_split(ts: &ThreadState, v: &Value, a: &[Value], k: Option<&Value>) -> PyResult<Value> {
    let a = crate::object::args::exact("split", a, k, 1)?;
    let matcher = matcher_of(&a[0])?;
    let (m, r) = eg_split_recursive(ts, v, &matcher, true, 0)?;
    tuple::new_tuple(vec![m.unwrap_or_else(none::none), r.unwrap_or_else(none::none)])
}

fn eg_subgroup(ts: &ThreadState, v: &Value, a: &[Value], k: Option<&Value>) -> PyResult<Value> {
    let a = crate::object::args::exact("subgroup", a, k, 1)?;
    let matcher = matcher_of(&a[0])?;
    let (m, _) = eg_split_recursive(ts, v, &matcher, false, 0)?;
    Ok(m.unwrap_or_else(none::none))
}

/// The part of group `eg` made of the leaves whose identities are in
/// `leaf_ids`, in their original nesting (CPython's
/// exception_group_projection, for PREP_RERAISE_STAR).
pub fn project_by_leaf_ids(ts: &ThreadState, eg: &Value, leaf_ids: &[usize]) -> PyResult<Option<Value>> {
    Ok(eg_split_recursive(ts, eg, &Matcher::Ids(leaf_ids), false, 0)?.0)
}

fn eg_class_getitem(_ts: &ThreadState, cls: &Value, a: &[Value], k: Option<&Value>) -> PyResult<Value> {
    let a = crate::object::args::exact("__class_getitem__", a, k, 1)?;
    super::genericalias::new_generic_alias(cls.clone(), a[0].clone())
}


/// Install the slots, attributes and methods of the exception types.
pub fn init() {
    for t in types() {
        if let Some(doc) = super::builtin_docs::type_doc(&t.name()) {
            dict::dict_set_str(&t.data.dict(), "__doc__", pystr::new_str(doc));
        }
    }
    let s = &BASE_EXCEPTION_TYPE.data.slots;
    s.new.set(Some(exc_new));
    s.init.set(Some(exc_init));
    s.str.set(Some(exc_str));
    s.repr.set(Some(exc_repr));
    s.getattro.set(Some(protocol::generic_getattr));
    s.setattro.set(Some(protocol::generic_setattr));
    descr::add_getsets(
        &BASE_EXCEPTION_TYPE,
        &[
            ("args", get_args, Some(set_args)),
            ("__traceback__", get_tb, Some(set_tb)),
            ("__context__", get_context, Some(set_context_attr)),
            ("__cause__", get_cause, Some(set_cause_attr)),
            ("__suppress_context__", get_suppress, Some(set_suppress)),
            ("__dict__", get_dict, Some(set_dict)),
        ],
    );
    descr::add_methods(
        &BASE_EXCEPTION_TYPE,
        &[
            ("with_traceback", with_traceback),
            ("add_note", add_note),
            ("__reduce__", exc_reduce),
            ("__setstate__", exc_setstate),
        ],
    );
    descr::add_getsets(&STOP_ITERATION, &fields(&["value"]));
    descr::add_getsets(&SYSTEM_EXIT, &fields(&["code"]));
    descr::add_getsets(&IMPORT_ERROR, &fields(&["msg", "name", "path"]));
    let mut os = fields(&["errno", "strerror", "filename", "filename2"]);
    os.push(("characters_written", get_written, Some(set_written)));
    descr::add_getsets(&OS_ERROR, &os);
    descr::add_getsets(
        &SYNTAX_ERROR,
        &fields(&["msg", "filename", "lineno", "offset", "text", "end_lineno", "end_offset", "print_file_and_line"]),
    );
    descr::add_getsets(&ATTRIBUTE_ERROR, &fields(&["name", "obj"]));
    descr::add_getsets(&NAME_ERROR, &fields(&["name"]));
    for t in [&UNICODE_ENCODE_ERROR, &UNICODE_DECODE_ERROR, &UNICODE_TRANSLATE_ERROR] {
        descr::add_getsets(t, &unicode_getsets());
    }
    // Read-only members in CPython (T_OBJECT with READONLY).
    let readonly: Vec<GetSet> = fields(&["message", "exceptions"]).into_iter().map(|(n, g, _)| (n, g, Some(readonly_field as descr::SetterFn))).collect();
    descr::add_getsets(&BASE_EXCEPTION_GROUP_TYPE, &readonly);
    let s = &BASE_EXCEPTION_GROUP_TYPE.data.slots;
    s.new.set(Some(eg_new));
    descr::add_methods(
        &BASE_EXCEPTION_GROUP_TYPE,
        &[("derive", eg_derive), ("split", eg_split), ("subgroup", eg_subgroup)],
    );
    descr::add_methods_kind(
        &BASE_EXCEPTION_GROUP_TYPE,
        &[("__class_getitem__", eg_class_getitem)],
        descr::MethodKind::Class,
    );
}

/// ExceptionGroup derives from both BaseExceptionGroup and Exception; the
/// static types are readied with single bases, so fix its bases and MRO.
pub fn fix_exception_group_mro() {
    let eg = &EXCEPTION_GROUP_TYPE;
    if let (Ok(bases), Ok(mro)) = (
        tuple::new_tuple(vec![BASE_EXCEPTION_GROUP_TYPE.to_value(), EXCEPTION.to_value()]),
        tuple::new_tuple(vec![
            eg.to_value(),
            BASE_EXCEPTION_GROUP_TYPE.to_value(),
            EXCEPTION.to_value(),
            BASE_EXCEPTION_TYPE.to_value(),
            super::object::OBJECT_TYPE.to_value(),
        ]),
    ) {
        eg.data.set_bases(bases);
        eg.data.set_mro(mro);
    }
    // `Exception.__subclasses__()` finds it through its bases, as every
    // static type.
}

#[cfg(test)]
mod tests {
    use super::*;

    fn name_for(errno: i64) -> Option<String> {
        errno_subclass_for(errno).map(|t| t.name())
    }

    #[test]
    fn errno_subclasses_match_cpython() {
        // From python3: type(OSError(n, "m")).__name__ on Linux.
        let expected = [
            (1, Some("PermissionError")),
            (2, Some("FileNotFoundError")),
            (3, Some("ProcessLookupError")),
            (4, Some("InterruptedError")),
            (9, None),
            (10, Some("ChildProcessError")),
            (11, Some("BlockingIOError")),
            (13, Some("PermissionError")),
            (17, Some("FileExistsError")),
            (20, Some("NotADirectoryError")),
            (21, Some("IsADirectoryError")),
            (32, Some("BrokenPipeError")),
            (104, Some("ConnectionResetError")),
            (110, Some("TimeoutError")),
            (111, Some("ConnectionRefusedError")),
            (999, None),
            (-1, None),
            (1 << 40, None),
        ];
        for (n, name) in expected {
            assert_eq!(name_for(n).as_deref(), name, "errno {n}");
        }
    }

    #[test]
    fn characters_escaped_as_cpython() {
        assert_eq!(escaped_char(0xe9), "\\xe9");
        assert_eq!(escaped_char(0x20ac), "\\u20ac");
        assert_eq!(escaped_char(0x1f600), "\\U0001f600");
    }
}

/// The references an exception holds, for the cycle collector.
pub(crate) fn gc_traverse(v: &Value, visit: &mut dyn FnMut(&Value)) {
    let Some(e) = v.downcast::<PyBaseException>() else { return };
    if let Ok(a) = e.args.try_borrow() {
        visit(&a);
    }
    for c in [&e.traceback, &e.context, &e.cause] {
        if let Ok(b) = c.try_borrow() {
            if let Some(x) = &*b {
                visit(x);
            }
        }
    }
    let d = e.dict.take();
    if let Some(x) = &d {
        visit(x);
    }
    e.dict.set(d);
    if let Ok(f) = e.fields.try_borrow() {
        for x in f.iter().flatten() {
            visit(x);
        }
    }
}

/// Drop the references of a garbage exception.
pub(crate) fn gc_clear(v: &Value) {
    let Some(e) = v.downcast::<PyBaseException>() else { return };
    let mut old: Vec<Option<Value>> = Vec::new();
    for c in [&e.traceback, &e.context, &e.cause] {
        if let Ok(mut b) = c.try_borrow_mut() {
            old.push(b.take());
        }
    }
    old.push(e.dict.take());
    if let Ok(mut f) = e.fields.try_borrow_mut() {
        for x in f.iter_mut() {
            old.push(x.take());
        }
    }
    if let Ok(empty) = tuple::new_tuple(Vec::new()) {
        if let Ok(mut a) = e.args.try_borrow_mut() {
            old.push(Some(std::mem::replace(&mut *a, empty)));
        }
    }
    drop(old);
}
