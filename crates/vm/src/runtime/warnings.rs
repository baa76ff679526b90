//! Issuing warnings from native code (CPython's PyErr_WarnEx and
//! PyErr_WarnExplicit): through the `_warnings` machinery, so the filters
//! (defaults, -W options, the user's) decide whether a warning is shown,
//! ignored or raised.

use crate::modules::_warnings;
use crate::object::typeobj::PyType;
use crate::runtime::errors::{PyErr, PyResult};
use crate::runtime::thread::ThreadState;
use crate::types::{exceptions as exc, int, none, str as pystr, tuple};

/// Warn with an explicit location, as `warnings.warn_explicit(message,
/// category, filename, lineno)` (module from the filename, no registry).
/// A SyntaxWarning turned into an exception by the filters becomes a
/// SyntaxError at the same place, as the compiler's warnings do in CPython.
pub fn warn_explicit(ts: &ThreadState, category: &'static PyType, message: &str, filename: &str, lineno: u32) -> PyResult<()> {
    let (cat, msg, file) = (category.to_value(), pystr::new_str(message), pystr::new_str(filename));
    match _warnings::warn_explicit_impl(ts, &cat, &msg, &file, lineno as i64, None, None, None, None) {
        Err(e) if std::ptr::eq(category, &exc::SYNTAX_WARNING) && e.matches(&exc::SYNTAX_WARNING) => Err(syntax_error(message, filename, lineno)),
        r => r,
    }
}

/// The SyntaxError replacing a compiler warning. Warnings carry no column:
/// the error spans the line's text (when the file can be read).
fn syntax_error(message: &str, filename: &str, lineno: u32) -> PyErr {
    let line = std::fs::read(filename)
        .ok()
        .and_then(|src| String::from_utf8_lossy(&src).split_inclusive('\n').nth((lineno as usize).wrapping_sub(1)).map(str::to_string));
    let n = |v: usize| int::from_i64(v as i64);
    let (text, offset, end_offset) = match line {
        Some(l) => {
            let indent = l.len() - l.trim_start_matches([' ', '\t', '\x0c']).len();
            let end = l.trim_end_matches(['\n', '\r']).chars().count();
            (pystr::new_str(&l), n(indent + 1), n(end + 1))
        }
        None => (none::none(), none::none(), none::none()),
    };
    let info = tuple::new_tuple(vec![pystr::new_str(filename), n(lineno as usize), offset, text, n(lineno as usize), end_offset]);
    match info {
        Ok(info) => PyErr::with_args(&exc::SYNTAX_ERROR, vec![pystr::new_str(message), info]),
        Err(e) => e,
    }
}

/// Warn as from the Python code `stack_level` frames up (1: the code
/// calling the native function), as `warnings.warn(message, category, stack_level)`.
pub fn warn(ts: &ThreadState, category: &'static PyType, message: &str, stack_level: isize) -> PyResult<()> {
    _warnings::do_warn(ts, &pystr::new_str(message), &category.to_value(), stack_level, None)
}
