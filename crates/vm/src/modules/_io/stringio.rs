//! `_io.StringIO`.
use std::cell::RefCell;
use crate::object::typeobj::{PyType, TypeObject, TPFLAGS_BASETYPE};
use crate::object::value::{PyObject, PyPayload, Value};

/// A StringIO object.
pub struct StringIO {
    pub(super) dict: RefCell<Option<Value>>,
}

/// `_io.StringIO`.
pub static STRING_IO_TYPE: PyType = PyObject::new_static(
    &crate::types::typeobject::TYPE_TYPE,
    TypeObject::builtin::<StringIO>("_io.StringIO", &STRING_IO_TYPE, Some(&super::iobase::TEXT_IO_BASE_TYPE), TPFLAGS_BASETYPE),
);
impl PyPayload for StringIO {
    fn class() -> &'static PyType {
        &STRING_IO_TYPE
    }
}
/// Fill the type.
pub fn init() {}
