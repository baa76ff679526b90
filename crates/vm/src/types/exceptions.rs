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

pub struct PyBaseException {
    pub args: RefCell<Value>,
    pub traceback: RefCell<Option<Value>>,
    pub context: RefCell<Option<Value>>,
    pub cause: RefCell<Option<Value>>,
    pub suppress_context: Cell<bool>,
    dict: Cell<Option<Value>>,
    /// Family-specific attributes, by index (see each family's getsets).
    pub fields: RefCell<[Option<Value>; 8]>,
}

impl PyBaseException {
    pub fn new(args: Value) -> PyBaseException {
        PyBaseException {
            args: RefCell::new(args),
            traceback: RefCell::new(None),
            context: RefCell::new(None),
            cause: RefCell::new(None),
            suppress_context: Cell::new(false),
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

    pub fn field(&self, i: usize) -> Option<Value> {
        self.fields.borrow()[i].clone()
    }

    pub fn set_field(&self, i: usize, v: Option<Value>) {
        let old = std::mem::replace(&mut self.fields.borrow_mut()[i], v);
        drop(old);
    }

    pub fn args_vec(&self) -> Vec<Value> {
        tuple::tuple_items(&self.args.borrow()).to_vec()
    }
}

const EXC_FLAGS: u64 = TPFLAGS_BASETYPE | TPFLAGS_BASE_EXC_SUBCLASS | TPFLAGS_HAVE_GC;

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
/// `__init__` would (StopIteration.value etc.).
pub fn new_exception(ty: &'static PyType, args: Vec<Value>) -> Value {
    let targs = tuple::new_tuple(args).unwrap_or_else(|_| none::none());
    let exc = Value::new_with_type(ty, PyBaseException::new(targs)).unwrap_or_else(|_| memory_error_instance());
    init_fields(&exc);
    exc
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

/// The family whose fields a type uses.
fn is_sub(v: &Value, ty: &PyType) -> bool {
    v.type_of().is_subtype(ty)
}

/// Set the family fields from `args` (the `__init__` of each family).
fn init_fields(exc: &Value) {
    let Ok(e) = payload(exc) else { return };
    let args = e.args_vec();
    if is_sub(exc, &STOP_ITERATION) {
        e.set_field(0, Some(args.first().cloned().unwrap_or_else(none::none)));
    } else if is_sub(exc, &SYSTEM_EXIT) {
        e.set_field(
            0,
            Some(match args.len() {
                0 => none::none(),
                1 => args[0].clone(),
                _ => e.args.borrow().clone(),
            }),
        );
    } else if is_sub(exc, &IMPORT_ERROR) {
        e.set_field(0, if args.len() == 1 { Some(args[0].clone()) } else { None });
    } else if is_sub(exc, &OS_ERROR) {
        if (2..=5).contains(&args.len()) {
            e.set_field(0, Some(args[0].clone()));
            e.set_field(1, Some(args[1].clone()));
            if args.len() >= 3 {
                e.set_field(2, Some(args[2].clone()));
            }
            if args.len() >= 5 {
                e.set_field(3, Some(args[4].clone()));
            }
        }
    } else if is_sub(exc, &SYNTAX_ERROR) {
        if let Some(m) = args.first() {
            e.set_field(0, Some(m.clone()));
        }
        if args.len() == 2 {
            let info = tuple::tuple_items(&args[1]).to_vec();
            for (i, v) in info.into_iter().take(6).enumerate() {
                e.set_field(i + 1, Some(v));
            }
        }
    } else if is_sub(exc, &BASE_EXCEPTION_GROUP_TYPE) && args.len() == 2 {
        e.set_field(0, Some(args[0].clone()));
        if let Ok(t) = tuple::new_tuple(protocol_collect_quiet(&args[1])) {
            e.set_field(1, Some(t));
        }
    }
}

fn protocol_collect_quiet(v: &Value) -> Vec<Value> {
    match ThreadState::current() {
        Some(ts) => protocol::collect(ts, v).unwrap_or_default(),
        None => vec![],
    }
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
    let Ok(e) = payload(exc) else { return };
    let d = e.dict();
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

pub fn traceback_of(exc: &Value) -> Option<Value> {
    payload(exc).ok()?.traceback.borrow().clone()
}

pub fn set_traceback(exc: &Value, tb: Option<Value>) {
    if let Ok(e) = payload(exc) {
        let old = e.traceback.replace(tb);
        drop(old);
    }
}

pub fn context_of(exc: &Value) -> Option<Value> {
    payload(exc).ok()?.context.borrow().clone()
}

pub fn set_context(exc: &Value, ctx: Option<Value>) {
    if let Ok(e) = payload(exc) {
        let old = e.context.replace(ctx);
        drop(old);
    }
}

pub fn cause_of(exc: &Value) -> Option<Value> {
    payload(exc).ok()?.cause.borrow().clone()
}

pub fn set_cause(exc: &Value, cause: Option<Value>) {
    if let Ok(e) = payload(exc) {
        let old = e.cause.replace(cause);
        drop(old);
        e.suppress_context.set(true);
    }
}

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

pub fn is_exception_instance(v: &Value) -> bool {
    v.type_of().is_subtype(&BASE_EXCEPTION_TYPE)
}

// --- slots and methods ------------------------------------------------------

fn exc_new(_ts: &ThreadState, cls: &Value, args: &[Value], kwnames: Option<&Value>) -> PyResult<Value> {
    let npos = crate::object::args::npositional(args, kwnames);
    let targs = tuple::new_tuple(args[..npos].to_vec())?;
    let exc = Value::new_instance(cls, PyBaseException::new(targs))?;
    Ok(exc)
}

fn exc_init(_ts: &ThreadState, v: &Value, args: &[Value], kwnames: Option<&Value>) -> PyResult<()> {
    let e = payload(v)?;
    let npos = crate::object::args::npositional(args, kwnames);
    let kwn = kwnames.map(|k| tuple::tuple_items(k).to_vec()).unwrap_or_default();
    let ty = v.type_of();
    let takes_kw = |names: &[&str]| -> PyResult<()> {
        for (j, n) in kwn.iter().enumerate() {
            let n = pystr::as_rust_str(n);
            match names.iter().position(|x| *x == n) {
                Some(idx) => e.set_field(idx_for(ty, &n, idx), Some(args[npos + j].clone())),
                None => {
                    return Err(PyErr::type_error(format!(
                        "{}() got an unexpected keyword argument '{}'",
                        ty.name(),
                        n
                    )))
                }
            }
        }
        Ok(())
    };
    let old = e.args.replace(tuple::new_tuple(args[..npos].to_vec())?);
    drop(old);
    if ty.is_subtype(&IMPORT_ERROR) {
        init_fields(v);
        takes_kw(&["name", "path"])?;
    } else if ty.is_subtype(&ATTRIBUTE_ERROR) {
        takes_kw(&["name", "obj"])?;
    } else if ty.is_subtype(&NAME_ERROR) {
        takes_kw(&["name"])?;
    } else {
        if !kwn.is_empty() && ty.data.slots.init.get().map(|f| f as usize) == Some(exc_init as usize) {
            return Err(PyErr::type_error(format!("{}() takes no keyword arguments", ty.name())));
        }
        init_fields(v);
    }
    Ok(())
}

fn idx_for(ty: &PyType, name: &str, pos: usize) -> usize {
    if ty.is_subtype(&IMPORT_ERROR) {
        return match name {
            "name" => 1,
            "path" => 2,
            _ => pos,
        };
    }
    pos
}

fn exc_str(ts: &ThreadState, v: &Value) -> PyResult<Value> {
    let e = payload(v)?;
    let ty = v.type_of();
    if ty.is_subtype(&KEY_ERROR) {
        let args = e.args_vec();
        if args.len() == 1 {
            return protocol::repr(ts, &args[0]);
        }
    }
    if ty.is_subtype(&IMPORT_ERROR) {
        if let Some(m) = e.field(0) {
            if !none::is_none(&m) {
                return protocol::str(ts, &m);
            }
        }
    }
    if ty.is_subtype(&OS_ERROR) {
        if let (Some(errno), Some(strerror)) = (e.field(0), e.field(1)) {
            let base = format!("[Errno {}] {}", protocol::str_string(ts, &errno)?, protocol::str_string(ts, &strerror)?);
            return Ok(pystr::new_str(&match (e.field(2), e.field(3)) {
                (Some(f), Some(f2)) => format!("{}: {} -> {}", base, protocol::repr_string(ts, &f)?, protocol::repr_string(ts, &f2)?),
                (Some(f), None) if !none::is_none(&f) => format!("{}: {}", base, protocol::repr_string(ts, &f)?),
                _ => base,
            }));
        }
    }
    if ty.is_subtype(&SYNTAX_ERROR) {
        if let Some(msg) = e.field(0) {
            let msg = protocol::str_string(ts, &msg)?;
            let filename = e.field(1).filter(|f| pystr::as_pystr(f).is_some());
            let lineno = e.field(2).filter(|l| int::is_int(l));
            let file = filename.map(|f| {
                let s = pystr::as_rust_str(&f).into_owned();
                s.rsplit('/').next().unwrap_or(&s).to_string()
            });
            return Ok(pystr::new_str(&match (file, lineno) {
                (Some(f), Some(l)) => format!("{} ({}, line {})", msg, f, protocol::str_string(ts, &l)?),
                (Some(f), None) => format!("{} ({})", msg, f),
                (None, Some(l)) => format!("{} (line {})", msg, protocol::str_string(ts, &l)?),
                (None, None) => msg,
            }));
        }
    }
    if ty.is_subtype(&BASE_EXCEPTION_GROUP_TYPE) {
        if let (Some(m), Some(excs)) = (e.field(0), e.field(1)) {
            let n = tuple::tuple_items(&excs).len();
            return Ok(pystr::new_str(&format!(
                "{} ({} sub-exception{})",
                protocol::str_string(ts, &m)?,
                n,
                if n == 1 { "" } else { "s" }
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
    let name = protocol::type_qualname(v.type_of());
    let name = name.rsplit('.').next().unwrap_or(&name).to_string();
    let args = e.args_vec();
    if v.type_of().is_subtype(&BASE_EXCEPTION_GROUP_TYPE) {
        if let (Some(m), Some(excs)) = (e.field(0), e.field(1)) {
            let l = list::new_list(tuple::tuple_items(&excs).to_vec())?;
            return Ok(pystr::new_str(&format!(
                "{}({}, {})",
                name,
                protocol::repr_string(ts, &m)?,
                protocol::repr_string(ts, &l)?
            )));
        }
    }
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
fn set_suppress(ts: &ThreadState, v: &Value, s: Option<&Value>) -> PyResult<()> {
    let s = s.ok_or_else(|| PyErr::type_error("__suppress_context__ may not be deleted"))?;
    payload(v)?.suppress_context.set(protocol::is_true(ts, s)?);
    Ok(())
}
fn get_dict(_ts: &ThreadState, v: &Value) -> PyResult<Value> {
    Ok(payload(v)?.dict())
}

fn with_traceback(_ts: &ThreadState, v: &Value, a: &[Value], k: Option<&Value>) -> PyResult<Value> {
    let a = crate::object::args::exact("with_traceback", a, k, 1)?;
    set_tb(_ts, v, Some(&a[0]))?;
    Ok(v.clone())
}

fn add_note(ts: &ThreadState, v: &Value, a: &[Value], k: Option<&Value>) -> PyResult<Value> {
    let a = crate::object::args::exact("add_note", a, k, 1)?;
    if pystr::as_pystr(&a[0]).is_none() {
        return Err(PyErr::type_error(format!("note must be a str, not '{}'", protocol::type_name(&a[0]))));
    }
    let d = payload(v)?.dict();
    let notes = match dict::dict_get_item(ts, &d, &pystr::intern("__notes__"))? {
        Some(n) => n,
        None => {
            let n = list::new_list(vec![])?;
            dict::dict_set_item(ts, &d, pystr::intern("__notes__"), n.clone())?;
            n
        }
    };
    match notes.downcast::<list::PyList>() {
        Some(l) => l.push(a[0].clone()),
        None => return Err(PyErr::type_error("Cannot add note: __notes__ is not a list")),
    }
    Ok(none::none())
}

fn exc_reduce(_ts: &ThreadState, v: &Value, _a: &[Value], _k: Option<&Value>) -> PyResult<Value> {
    let e = payload(v)?;
    tuple::new_tuple(vec![v.type_of().to_value(), e.args.borrow().clone()])
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

fn fields(names: &[&'static str]) -> Vec<GetSet> {
    names.iter().enumerate().map(|(i, n)| (*n, FIELDS[i].0, Some(FIELDS[i].1))).collect()
}

fn eg_new(ts: &ThreadState, cls: &Value, args: &[Value], kwnames: Option<&Value>) -> PyResult<Value> {
    crate::object::args::no_kwargs("BaseExceptionGroup", kwnames)?;
    let ty = protocol::as_pytype(cls).ok_or_else(|| PyErr::type_error("type expected"))?;
    if args.len() != 2 {
        return Err(PyErr::type_error(format!(
            "BaseExceptionGroup.__new__() takes exactly 2 arguments ({} given)",
            args.len()
        )));
    }
    let (msg, excs) = (&args[0], &args[1]);
    if pystr::as_pystr(msg).is_none() {
        return Err(PyErr::type_error("argument 1 must be str, not ".to_string() + &protocol::type_name(msg)));
    }
    if excs.type_of().data.slots.subscript.get().is_none() || pystr::as_pystr(excs).is_some() || dict::as_dict(excs).is_some() {
        return Err(PyErr::type_error("second argument (exceptions) must be a sequence"));
    }
    let items = protocol::collect(ts, excs)?;
    if items.is_empty() {
        return Err(PyErr::value_error("second argument (exceptions) must be a non-empty sequence"));
    }
    let mut all_exceptions = true;
    for (i, x) in items.iter().enumerate() {
        if !is_exception_instance(x) {
            return Err(PyErr::value_error(format!("Item {i} of second argument (exceptions) is not an exception")));
        }
        if !x.type_of().is_subtype(&EXCEPTION) {
            all_exceptions = false;
        }
    }
    let mut cls = cls.clone();
    if ty.is_subtype(&BASE_EXCEPTION_GROUP_TYPE) && std::ptr::eq(ty, &BASE_EXCEPTION_GROUP_TYPE) {
        if all_exceptions {
            cls = EXCEPTION_GROUP_TYPE.to_value();
        }
    } else if std::ptr::eq(ty, &EXCEPTION_GROUP_TYPE) {
        if !all_exceptions {
            return Err(PyErr::type_error("Cannot nest BaseExceptions in an ExceptionGroup"));
        }
    } else if !all_exceptions && ty.is_subtype(&EXCEPTION) {
        return Err(PyErr::type_error(format!("Cannot nest BaseExceptions in '{}'", ty.name())));
    }
    let targs = tuple::new_tuple(vec![msg.clone(), tuple::new_tuple(items.clone())?])?;
    let exc = Value::new_instance(&cls, PyBaseException::new(targs))?;
    let e = payload(&exc)?;
    e.set_field(0, Some(msg.clone()));
    e.set_field(1, Some(tuple::new_tuple(items)?));
    Ok(exc)
}

fn eg_init(_ts: &ThreadState, _v: &Value, _args: &[Value], _kw: Option<&Value>) -> PyResult<()> {
    Ok(())
}

fn eg_derive(_ts: &ThreadState, v: &Value, a: &[Value], k: Option<&Value>) -> PyResult<Value> {
    let a = crate::object::args::exact("derive", a, k, 1)?;
    let e = payload(v)?;
    let msg = e.field(0).unwrap_or_else(|| pystr::new_str(""));
    let ts = ThreadState::current().ok_or_else(|| PyErr::system_error("no thread"))?;
    eg_new(ts, &BASE_EXCEPTION_GROUP_TYPE.to_value(), &[msg, a[0].clone()], None)
}

/// Split an exception group by a matcher: (match, rest).
fn eg_split_impl(ts: &ThreadState, v: &Value, matcher: &Value) -> PyResult<(Option<Value>, Option<Value>)> {
    let matches = |x: &Value| -> PyResult<bool> {
        if is_exception_class(matcher) || tuple::try_tuple_items(matcher).is_some() {
            return protocol::isinstance(ts, x, matcher);
        }
        if matcher.type_of().data.slots.call.get().is_some() {
            let r = protocol::call(ts, matcher, std::slice::from_ref(x), None)?;
            return protocol::is_true(ts, &r);
        }
        Err(PyErr::type_error("expected a function, exception type or tuple of exception types"))
    };
    if matches(v)? {
        return Ok((Some(v.clone()), None));
    }
    let e = payload(v)?;
    let excs = tuple::tuple_items(&e.field(1).unwrap_or_else(none::none)).to_vec();
    let (mut m, mut r) = (vec![], vec![]);
    for x in excs {
        if x.type_of().is_subtype(&BASE_EXCEPTION_GROUP_TYPE) {
            let (a, b) = eg_split_impl(ts, &x, matcher)?;
            m.extend(a);
            r.extend(b);
        } else if matches(&x)? {
            m.push(x);
        } else {
            r.push(x);
        }
    }
    let derive = |items: Vec<Value>| -> PyResult<Option<Value>> {
        if items.is_empty() {
            return Ok(None);
        }
        let l = list::new_list(items)?;
        let g = protocol::call_method(ts, v, "derive", &[l])?;
        if let (Ok(src), Ok(dst)) = (payload(v), payload(&g)) {
            *dst.traceback.borrow_mut() = src.traceback.borrow().clone();
            *dst.cause.borrow_mut() = src.cause.borrow().clone();
            *dst.context.borrow_mut() = src.context.borrow().clone();
            dst.suppress_context.set(src.suppress_context.get());
            if let Some(notes) = dict::dict_get_str(&src.dict(), &pystr::intern("__notes__")) {
                dict::dict_set_str(&dst.dict(), "__notes__", notes);
            }
        }
        Ok(Some(g))
    };
    Ok((derive(m)?, derive(r)?))
}

fn eg_split(ts: &ThreadState, v: &Value, a: &[Value], k: Option<&Value>) -> PyResult<Value> {
    let a = crate::object::args::exact("split", a, k, 1)?;
    let (m, r) = eg_split_impl(ts, v, &a[0])?;
    tuple::new_tuple(vec![m.unwrap_or_else(none::none), r.unwrap_or_else(none::none)])
}

fn eg_subgroup(ts: &ThreadState, v: &Value, a: &[Value], k: Option<&Value>) -> PyResult<Value> {
    let a = crate::object::args::exact("subgroup", a, k, 1)?;
    let (m, _) = eg_split_impl(ts, v, &a[0])?;
    Ok(m.unwrap_or_else(none::none))
}

pub fn init() {
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
            ("__dict__", get_dict, None),
        ],
    );
    descr::add_methods(
        &BASE_EXCEPTION_TYPE,
        &[("with_traceback", with_traceback), ("add_note", add_note), ("__reduce__", exc_reduce)],
    );
    descr::add_getsets(&STOP_ITERATION, &fields(&["value"]));
    descr::add_getsets(&SYSTEM_EXIT, &fields(&["code"]));
    descr::add_getsets(&IMPORT_ERROR, &fields(&["msg", "name", "path"]));
    descr::add_getsets(&OS_ERROR, &fields(&["errno", "strerror", "filename", "filename2"]));
    descr::add_getsets(
        &SYNTAX_ERROR,
        &fields(&["msg", "filename", "lineno", "offset", "text", "end_lineno", "end_offset", "print_file_and_line"]),
    );
    descr::add_getsets(&ATTRIBUTE_ERROR, &fields(&["name", "obj"]));
    descr::add_getsets(&NAME_ERROR, &fields(&["name"]));
    descr::add_getsets(&UNICODE_ERROR, &fields(&["encoding", "object", "start", "end", "reason"]));
    descr::add_getsets(&BASE_EXCEPTION_GROUP_TYPE, &fields(&["message", "exceptions"]));
    let s = &BASE_EXCEPTION_GROUP_TYPE.data.slots;
    s.new.set(Some(eg_new));
    s.init.set(Some(eg_init));
    descr::add_methods(
        &BASE_EXCEPTION_GROUP_TYPE,
        &[("derive", eg_derive), ("split", eg_split), ("subgroup", eg_subgroup)],
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
}
