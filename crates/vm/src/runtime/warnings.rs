//! Issuing warnings from native code (CPython's PyErr_WarnEx and
//! PyErr_WarnExplicit): through the `_warnings` machinery, so the filters
//! (defaults, -W options, the user's) decide whether a warning is shown,
//! ignored or raised.

use crate::modules::_warnings;
use crate::object::typeobj::PyType;
use crate::runtime::errors::PyResult;
use crate::runtime::thread::ThreadState;
use crate::types::str as pystr;

/// Warn with an explicit location, as `warnings.warn_explicit(message,
/// category, filename, lineno)` (module from the filename, no registry).
pub fn warn_explicit(ts: &ThreadState, category: &'static PyType, message: &str, filename: &str, lineno: u32) -> PyResult<()> {
    let (cat, msg, file) = (category.to_value(), pystr::new_str(message), pystr::new_str(filename));
    _warnings::warn_explicit_impl(ts, &cat, &msg, &file, lineno as i64, None, None, None, None)
}

/// Warn as from the Python code `stack_level` frames up (1: the code
/// calling the native function), as `warnings.warn(message, category, stack_level)`.
pub fn warn(ts: &ThreadState, category: &'static PyType, message: &str, stack_level: isize) -> PyResult<()> {
    _warnings::do_warn(ts, &pystr::new_str(message), &category.to_value(), stack_level, None)
}
