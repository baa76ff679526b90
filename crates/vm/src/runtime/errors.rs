//! `PyErr`: a raised exception, as one pointer to the exception object.
//! A fallible operation returns `PyResult<T>`; this is CPython's "set the
//! exception and return NULL", in Rust.

use crate::object::typeobj::PyType;
use crate::object::value::Value;
use crate::types::exceptions as exc;

/// A raised exception (an instance of BaseException or a subclass).
pub struct PyErr(Value);

pub type PyResult<T> = Result<T, PyErr>;

impl PyErr {
    /// Wrap an exception instance.
    pub fn from_instance(v: Value) -> PyErr {
        PyErr(v)
    }

    /// An exception of builtin type `ty` with the single argument `msg`.
    pub fn new(ty: &'static PyType, msg: impl AsRef<str>) -> PyErr {
        let arg = crate::types::str::new_str(msg.as_ref());
        PyErr(exc::new_exception(ty, vec![arg]))
    }

    /// An exception of builtin type `ty` with these arguments.
    pub fn with_args(ty: &'static PyType, args: Vec<Value>) -> PyErr {
        PyErr(exc::new_exception(ty, args))
    }

    /// The MemoryError raised when an allocation fails (preallocated, so
    /// raising it allocates nothing).
    pub fn no_memory() -> PyErr {
        PyErr(exc::memory_error_instance())
    }

    pub fn value(&self) -> &Value {
        &self.0
    }

    pub fn into_value(self) -> Value {
        self.0
    }

    /// Whether the exception is an instance of `ty` (or a subclass).
    pub fn matches(&self, ty: &PyType) -> bool {
        self.0.type_of().is_subtype(ty)
    }

    pub fn type_error(msg: impl AsRef<str>) -> PyErr {
        PyErr::new(&exc::TYPE_ERROR, msg)
    }
    pub fn value_error(msg: impl AsRef<str>) -> PyErr {
        PyErr::new(&exc::VALUE_ERROR, msg)
    }
    pub fn index_error(msg: impl AsRef<str>) -> PyErr {
        PyErr::new(&exc::INDEX_ERROR, msg)
    }
    pub fn overflow_error(msg: impl AsRef<str>) -> PyErr {
        PyErr::new(&exc::OVERFLOW_ERROR, msg)
    }
    pub fn zero_division(msg: impl AsRef<str>) -> PyErr {
        PyErr::new(&exc::ZERO_DIVISION_ERROR, msg)
    }
    pub fn runtime_error(msg: impl AsRef<str>) -> PyErr {
        PyErr::new(&exc::RUNTIME_ERROR, msg)
    }
    pub fn not_implemented(msg: impl AsRef<str>) -> PyErr {
        PyErr::new(&exc::NOT_IMPLEMENTED_ERROR, msg)
    }
    pub fn system_error(msg: impl AsRef<str>) -> PyErr {
        PyErr::new(&exc::SYSTEM_ERROR, msg)
    }
    pub fn attribute_error(msg: impl AsRef<str>) -> PyErr {
        PyErr::new(&exc::ATTRIBUTE_ERROR, msg)
    }
    pub fn key_error(key: Value) -> PyErr {
        PyErr::with_args(&exc::KEY_ERROR, vec![key])
    }
    pub fn stop_iteration(value: Option<Value>) -> PyErr {
        PyErr::with_args(&exc::STOP_ITERATION, value.into_iter().collect())
    }
    pub fn recursion_error(msg: impl AsRef<str>) -> PyErr {
        PyErr::new(&exc::RECURSION_ERROR, msg)
    }
}

impl std::fmt::Debug for PyErr {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(f, "PyErr({})", self.0.type_of().name())
    }
}

impl From<crate::numeric::NumError> for PyErr {
    fn from(e: crate::numeric::NumError) -> PyErr {
        use crate::numeric::ErrorKind;
        match e.kind {
            ErrorKind::ZeroDivision => PyErr::zero_division(e.msg),
            ErrorKind::Overflow => PyErr::overflow_error(e.msg),
            ErrorKind::Value => PyErr::value_error(e.msg),
            ErrorKind::Type => PyErr::type_error(e.msg),
            ErrorKind::Memory => PyErr::no_memory(),
        }
    }
}
