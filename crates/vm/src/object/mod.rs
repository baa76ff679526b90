//! The object model: header, `Value`, reference counts, type objects and
//! slots, and the abstract protocol over them. The unsafe core of the VM
//! lives in `value`.

pub mod args;
pub mod protocol;
pub mod typeobj;
pub mod value;

pub use typeobj::PyType;
pub use value::{PyObject, PyPayload, Value};
