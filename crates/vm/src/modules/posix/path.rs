//! Argument conversion of the posix module (CPython's path_converter,
//! dir_fd_converter, _fd_converter) and the OSError of a failed call.

use std::ffi::CString;

use crate::object::protocol;
use crate::object::value::Value;
use crate::runtime::errors::{PyErr, PyResult};
use crate::runtime::thread::ThreadState;
use crate::stringlib::codecs::{self, Encoding, ErrorHandler};
use crate::types::{bytes, exceptions as exc, int, none, str as pystr};

/// A converted path argument.
pub(crate) struct PathArg {
    /// The str or bytes after `__fspath__` (for error messages and to
    /// choose str or bytes results); the int for an fd; None when absent.
    pub object: Value,
    /// The encoded path, None for an fd or an absent (None) path.
    pub c: Option<CString>,
    /// The file descriptor, when an int was given where one is allowed.
    pub fd: Option<i32>,
    /// Whether the path was given as bytes (results are then bytes).
    pub is_bytes: bool,
}

impl PathArg {
    /// The C path, or "." for an absent one.
    pub fn c_or_dot(&self) -> CString {
        self.c.clone().unwrap_or_else(|| CString::from(c"."))
    }
    /// The encoded path bytes ("." when absent).
    pub fn bytes(&self) -> Vec<u8> {
        self.c_or_dot().into_bytes()
    }
}

/// How a path argument is accepted.
#[derive(Clone, Copy)]
pub(crate) struct PathSpec {
    /// The function name used in messages ("stat").
    pub fname: &'static str,
    /// The argument name used in messages ("path", "src").
    pub argname: &'static str,
    /// Whether None is accepted (meaning the current directory).
    pub nullable: bool,
    /// Whether an int file descriptor is accepted.
    pub allow_fd: bool,
}

impl PathSpec {
    /// A plain path argument named "path".
    pub const fn new(fname: &'static str) -> PathSpec {
        PathSpec { fname, argname: "path", nullable: false, allow_fd: false }
    }
    /// This spec also accepting a file descriptor.
    pub const fn fd(mut self) -> PathSpec {
        self.allow_fd = true;
        self
    }
    /// This spec also accepting None.
    pub const fn nullable(mut self) -> PathSpec {
        self.nullable = true;
        self
    }
    /// This spec with another argument name.
    pub const fn named(mut self, argname: &'static str) -> PathSpec {
        self.argname = argname;
        self
    }
    /// What the argument may be, as CPython words it.
    pub fn expected(&self) -> &'static str {
        match (self.allow_fd, self.nullable) {
            (true, true) => "string, bytes, os.PathLike, integer or None",
            (true, false) => "string, bytes, os.PathLike or integer",
            (false, true) => "string, bytes, os.PathLike or None",
            (false, false) => "string, bytes or os.PathLike",
        }
    }
}

/// Encode a str with the filesystem encoding (UTF-8, surrogateescape).
pub(crate) fn fs_encode(ts: &ThreadState, s: &Value) -> PyResult<Vec<u8>> {
    let b = bytes::encode_str(ts, s, "utf-8", "surrogateescape")?;
    bytes::try_bytes_data(&b).ok_or_else(|| PyErr::system_error("fs_encode"))
}

/// Decode a file name with the filesystem encoding (UTF-8, surrogateescape).
pub(crate) fn fs_decode(data: &[u8]) -> Value {
    match std::str::from_utf8(data) {
        Ok(s) => pystr::new_str(s),
        Err(_) => match codecs::decode(Encoding::Utf8, data, ErrorHandler::SurrogateEscape) {
            Ok(d) => pystr::from_data(d),
            Err(_) => pystr::new_str(&String::from_utf8_lossy(data)),
        },
    }
}

/// A name as str or bytes, following the kind of the path given.
pub(crate) fn name_value(data: &[u8], as_bytes: bool) -> Value {
    if as_bytes {
        bytes::new_bytes(data.to_vec())
    } else {
        fs_decode(data)
    }
}

/// `os.fspath(o)`: str and bytes as they are, else `type(o).__fspath__(o)`.
pub(crate) fn fspath(ts: &ThreadState, o: &Value) -> PyResult<Value> {
    if pystr::as_pystr(o).is_some() || bytes::try_bytes_data(o).is_some() {
        return Ok(o.clone());
    }
    let Some(r) = protocol::call_special(ts, o, "__fspath__", &[])? else {
        return Err(PyErr::type_error(format!("expected str, bytes or os.PathLike object, not {}", protocol::type_name(o))));
    };
    if pystr::as_pystr(&r).is_some() || bytes::try_bytes_data(&r).is_some() {
        Ok(r)
    } else {
        Err(PyErr::type_error(format!(
            "expected {}.__fspath__() to return str or bytes, not {}",
            protocol::type_name(o),
            protocol::type_name(&r)
        )))
    }
}

fn has_index(v: &Value) -> bool {
    int::is_int(v) || v.type_of().data.slots.index.get().is_some()
}

/// A file descriptor given as an int (`_fd_converter`).
pub(crate) fn fd_from_index(ts: &ThreadState, v: &Value) -> PyResult<i32> {
    let i = protocol::index(ts, v)?;
    let r = int::as_int(&i).ok_or_else(|| PyErr::type_error("an integer is required"))?;
    fd_in_range(r.to_i64(), int::is_negative(&i)).map_err(PyErr::overflow_error)
}

/// An fd from an int's value (None when beyond 64 bits, `negative`
/// telling the sign then), or CPython's OverflowError message.
fn fd_in_range(x: Option<i64>, negative: bool) -> Result<i32, &'static str> {
    match x {
        Some(x) => i32::try_from(x).map_err(|_| if x < 0 { "fd is less than minimum" } else { "fd is greater than maximum" }),
        None if negative => Err("fd is less than minimum"),
        None => Err("fd is greater than maximum"),
    }
}

/// Convert a path argument (`None` when it was not given at all).
pub(crate) fn path_arg(ts: &ThreadState, spec: PathSpec, v: Option<&Value>) -> PyResult<PathArg> {
    let o = match v {
        None => return Ok(PathArg { object: none::none(), c: None, fd: None, is_bytes: false }),
        Some(o) => o.clone(),
    };
    let type_err = |o: &Value| {
        PyErr::type_error(format!("{}: {} should be {}, not {}", spec.fname, spec.argname, spec.expected(), protocol::type_name(o)))
    };
    if none::is_none(&o) {
        if spec.nullable {
            return Ok(PathArg { object: o, c: None, fd: None, is_bytes: false });
        }
        return Err(type_err(&o));
    }
    let is_str = pystr::as_pystr(&o).is_some();
    let is_bytes = bytes::try_bytes_data(&o).is_some();
    let is_buffer = bytes::has_buffer(&o);
    let is_index = spec.allow_fd && has_index(&o);
    let mut obj = o.clone();
    let (mut s, mut b) = (is_str, is_bytes);
    if !is_str && !is_bytes && !is_buffer && !is_index {
        let Some(r) = protocol::call_special(ts, &o, "__fspath__", &[])? else {
            return Err(type_err(&o));
        };
        s = pystr::as_pystr(&r).is_some();
        b = bytes::try_bytes_data(&r).is_some();
        if !s && !b {
            return Err(PyErr::type_error(format!(
                "expected {}.__fspath__() to return str or bytes, not {}",
                protocol::type_name(&o),
                protocol::type_name(&r)
            )));
        }
        obj = r;
    }
    let data = if s {
        let data = fs_encode(ts, &obj)?;
        if data.contains(&0) {
            return Err(PyErr::value_error("embedded null byte"));
        }
        data
    } else if b || is_buffer {
        if !b {
            // A buffer other than bytes is taken as its bytes, deprecated.
            let msg = format!("{}: {} should be {}, not {}", spec.fname, spec.argname, spec.expected(), protocol::type_name(&obj));
            warn_deprecated(ts, &msg)?;
        }
        let data = bytes::buffer_data(&obj).map(|d| d.into_owned()).unwrap_or_default();
        if data.contains(&0) {
            return Err(PyErr::value_error(format!("{}: embedded null character in {}", spec.fname, spec.argname)));
        }
        data
    } else if is_index {
        let fd = fd_from_index(ts, &o)?;
        return Ok(PathArg { object: o, c: None, fd: Some(fd), is_bytes: false });
    } else {
        return Err(type_err(&o));
    };
    let c = CString::new(data).map_err(|_| PyErr::value_error("embedded null byte"))?;
    Ok(PathArg { object: obj, c: Some(c), fd: None, is_bytes: !s })
}

/// Issue a DeprecationWarning attributed to the calling Python code:
/// through the warnings module when it is loaded, else with the default
/// filters' outcome (shown once per call site for code run as __main__).
fn warn_deprecated(ts: &ThreadState, msg: &str) -> PyResult<()> {
    let modules = crate::modules::sys::sys_attr(ts, "modules");
    let warnings = modules.and_then(|m| crate::types::dict::dict_get_str(&m, &pystr::intern("warnings")));
    if let Some(w) = warnings {
        let warn = protocol::getattr_str(ts, &w, "warn")?;
        let args = [pystr::new_str(msg), exc::DEPRECATION_WARNING.to_value(), int::from_i64(1)];
        return protocol::call(ts, &warn, &args, None).map(drop);
    }
    let f = ts.current_frame.get();
    if f.is_null() {
        return Ok(());
    }
    // SAFETY: the current frame of this thread is live during the call.
    let frame = crate::types::frame::frame_object(ts, unsafe { &*f });
    let globals = protocol::getattr_str(ts, &frame, "f_globals")?;
    let module = crate::types::dict::dict_get_str(&globals, &pystr::intern("__name__"));
    if !module.is_some_and(|m| pystr::as_rust_str(&m) == "__main__") {
        return Ok(());
    }
    let code = protocol::getattr_str(ts, &frame, "f_code")?;
    let filename = protocol::getattr_str(ts, &code, "co_filename")?;
    let lineno = protocol::getattr_str(ts, &frame, "f_lineno")?;
    let lineno = int::as_int(&lineno).and_then(|r| r.to_i64()).unwrap_or(0);
    // The "default" action: once per (text, category, line) of the module.
    let key = crate::types::tuple::new_tuple(vec![pystr::new_str(msg), exc::DEPRECATION_WARNING.to_value(), int::from_i64(lineno)])?;
    let registry = match crate::types::dict::dict_get_str(&globals, &pystr::intern("__warningregistry__")) {
        Some(r) if crate::types::dict::as_dict(&r).is_some() => r,
        _ => {
            let r = crate::types::dict::new_dict();
            crate::types::dict::dict_set_item(ts, &globals, pystr::intern("__warningregistry__"), r.clone())?;
            r
        }
    };
    if crate::types::dict::dict_get_item(ts, &registry, &key)?.is_some() {
        return Ok(());
    }
    crate::types::dict::dict_set_item(ts, &registry, key, crate::types::bool_::true_value())?;
    crate::runtime::warnings::warn_explicit(ts, &exc::DEPRECATION_WARNING, msg, &pystr::as_rust_str(&filename), lineno as u32)
}

/// A `dir_fd` argument: None (or absent) is the current directory.
pub(crate) fn dir_fd_arg(ts: &ThreadState, v: Option<&Value>) -> PyResult<i32> {
    match v {
        None => Ok(libc::AT_FDCWD),
        Some(v) if none::is_none(v) => Ok(libc::AT_FDCWD),
        Some(v) if has_index(v) => fd_from_index(ts, v),
        Some(v) => Err(PyErr::type_error(format!("argument should be integer or None, not {}", protocol::type_name(v)))),
    }
}

/// A C int argument (Argument Clinic's `int`).
pub(crate) fn int_arg(ts: &ThreadState, v: &Value) -> PyResult<i32> {
    int::c_int_arg(ts, v)
}

/// A truth-value argument (Argument Clinic's `bool`), `default` when absent.
pub(crate) fn bool_arg(ts: &ThreadState, v: Option<&Value>, default: bool) -> PyResult<bool> {
    match v {
        None => Ok(default),
        Some(v) => protocol::is_true(ts, v),
    }
}

/// An empty buffer with room for `n` bytes, or MemoryError (CPython, too,
/// allocates the whole length before the call).
pub(crate) fn alloc_buf(n: usize) -> PyResult<Vec<u8>> {
    let mut v = Vec::new();
    v.try_reserve_exact(n).map_err(|_| PyErr::no_memory())?;
    Ok(v)
}

/// The calling thread's errno.
pub(crate) fn errno() -> i32 {
    std::io::Error::last_os_error().raw_os_error().unwrap_or(libc::EIO)
}

/// The calling thread's errno as it is (0 when unset).
pub(crate) fn errno_raw() -> i32 {
    std::io::Error::last_os_error().raw_os_error().unwrap_or(0)
}

/// The C library's message for `code` (`os.strerror`).
pub(crate) fn strerror_text(code: i32) -> String {
    let text = std::io::Error::from_raw_os_error(code).to_string();
    // Rust appends " (os error N)" to the C library's text.
    match text.rfind(" (os error ") {
        Some(i) => text[..i].to_string(),
        None => text,
    }
}

/// The OSError (its errno subclass) for `code`, with up to two file names.
pub(crate) fn os_error(code: i32, filename: Option<&Value>, filename2: Option<&Value>) -> PyErr {
    let mut args = vec![int::from_i64(code as i64), pystr::new_str(&strerror_text(code))];
    if let Some(f) = filename {
        args.push(f.clone());
        if let Some(f2) = filename2 {
            args.push(none::none());
            args.push(f2.clone());
        }
    }
    PyErr::with_args(&exc::OS_ERROR, args)
}

/// The OSError for the current errno, naming no file.
pub(crate) fn last_error() -> PyErr {
    os_error(errno(), None, None)
}

/// The OSError for the current errno, naming the path.
pub(crate) fn path_error(p: &PathArg) -> PyErr {
    os_error(errno(), Some(&p.object), None)
}

/// The OSError for the current errno, naming both paths.
pub(crate) fn path_error2(p: &PathArg, q: &PathArg) -> PyErr {
    os_error(errno(), Some(&p.object), Some(&q.object))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn expected_messages() {
        // From python3: os.stat([]), os.listdir([]), os.rename(1, 'x'), os.mkdir(None).
        assert_eq!(PathSpec::new("stat").fd().expected(), "string, bytes, os.PathLike or integer");
        assert_eq!(PathSpec::new("listdir").fd().nullable().expected(), "string, bytes, os.PathLike, integer or None");
        assert_eq!(PathSpec::new("rename").named("src").expected(), "string, bytes or os.PathLike");
        assert_eq!(PathSpec::new("x").nullable().expected(), "string, bytes, os.PathLike or None");
    }

    #[test]
    fn strerror_matches_c_library() {
        // From python3: os.strerror(2), os.strerror(13).
        assert_eq!(strerror_text(2), "No such file or directory");
        assert_eq!(strerror_text(13), "Permission denied");
    }

    #[test]
    fn fd_range() {
        // From python3: os.stat(2**40), os.stat(-2**40), os.stat(2**70).
        assert_eq!(fd_in_range(Some(5), false), Ok(5));
        assert_eq!(fd_in_range(Some(-1), true), Ok(-1));
        assert_eq!(fd_in_range(Some(1 << 40), false), Err("fd is greater than maximum"));
        assert_eq!(fd_in_range(Some(-(1 << 40)), true), Err("fd is less than minimum"));
        assert_eq!(fd_in_range(None, false), Err("fd is greater than maximum"));
        assert_eq!(fd_in_range(None, true), Err("fd is less than minimum"));
    }

    #[test]
    fn dot_for_absent_path() {
        let p = PathArg { object: none::none(), c: None, fd: None, is_bytes: false };
        assert_eq!(p.bytes(), b".".to_vec());
    }
}
