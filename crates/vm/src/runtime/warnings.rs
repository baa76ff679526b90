//! Issuing warnings from native code (CPython's PyErr_WarnExplicit in
//! Python/_warnings.c): through the `warnings` module once a program has
//! imported it, otherwise with the default filters' outcome for the
//! categories native code issues (shown, in `showwarning`'s format).

use crate::object::protocol;
use crate::object::typeobj::PyType;
use crate::runtime::errors::PyResult;
use crate::runtime::thread::ThreadState;
use crate::types::{int, none, str as pystr};

/// Warn with an explicit location, as `warnings.warn_explicit(message,
/// category, filename, lineno)`.
pub fn warn_explicit(ts: &ThreadState, category: &'static PyType, message: &str, filename: &str, lineno: u32) -> PyResult<()> {
    let warnings = crate::modules::sys::sys_attr(ts, "modules")
        .and_then(|m| crate::types::dict::dict_get_str(&m, &pystr::intern("warnings")))
        .and_then(|w| protocol::getattr_str(ts, &w, "warn_explicit").ok());
    if let Some(warn) = warnings {
        let args = [pystr::new_str(message), category.to_value(), pystr::new_str(filename), int::from_i64(lineno as i64), none::none(), none::none()];
        return protocol::call(ts, &warn, &args, None).map(drop);
    }
    let mut text = format!("{filename}:{lineno}: {}: {message}\n", category.name());
    // linecache's view: the line as the file on disk has it, if there is one.
    if let Some(line) = std::fs::read(filename)
        .ok()
        .and_then(|src| String::from_utf8_lossy(&src).lines().nth((lineno as usize).wrapping_sub(1)).map(|l| l.trim().to_string()))
    {
        if !line.is_empty() {
            text.push_str(&format!("  {line}\n"));
        }
    }
    crate::modules::sys::write_stderr(ts, &text);
    Ok(())
}
