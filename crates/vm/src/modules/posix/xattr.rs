//! Extended attributes of the posix module: getxattr, setxattr,
//! listxattr, removexattr (on a path, a symlink itself, or an fd).

use crate::object::args;
use crate::object::protocol;
use crate::object::value::Value;
use crate::runtime::errors::{PyErr, PyResult};
use crate::runtime::thread::ThreadState;
use crate::types::{bytes, list, none};

use super::path::{self, PathArg, PathSpec};

type Args<'a> = &'a [Value];
type Kw<'a> = Option<&'a Value>;

fn req(v: Option<Value>) -> Value {
    v.unwrap_or_else(none::none)
}

fn target(ts: &ThreadState, fname: &'static str, p: Option<Value>, follow: Option<Value>, nullable: bool) -> PyResult<(PathArg, bool)> {
    let spec = if nullable { PathSpec::new(fname).fd().nullable() } else { PathSpec::new(fname).fd() };
    let p = if nullable { path::path_arg(ts, spec, p.as_ref())? } else { path::path_arg(ts, spec, Some(&req(p)))? };
    let follow = path::bool_arg(ts, follow.as_ref(), true)?;
    super::stat::check_fd_combos(fname, &p, libc::AT_FDCWD, follow)?;
    Ok((p, follow))
}

fn attribute(ts: &ThreadState, fname: &'static str, v: Option<Value>) -> PyResult<std::ffi::CString> {
    Ok(path::path_arg(ts, PathSpec::new(fname).named("attribute"), Some(&req(v)))?.c_or_dot())
}

/// Call a size-probing xattr function: first for the size, then with a
/// buffer of that size (again if the value grew in between).
fn read_sized(mut f: impl FnMut(*mut libc::c_void, usize) -> isize) -> Result<Vec<u8>, i32> {
    loop {
        let n = f(std::ptr::null_mut(), 0);
        if n < 0 {
            return Err(path::errno());
        }
        let mut buf = vec![0u8; n as usize];
        let r = f(buf.as_mut_ptr() as *mut libc::c_void, buf.len());
        if r >= 0 {
            buf.truncate(r as usize);
            return Ok(buf);
        }
        if path::errno() != libc::ERANGE {
            return Err(path::errno());
        }
    }
}

/// `os.getxattr(path, attribute, *, follow_symlinks=True)`.
pub(crate) fn p_getxattr(ts: &ThreadState, _m: &Value, a: Args, k: Kw) -> PyResult<Value> {
    let [p, attr, follow] = args::bind("getxattr", a, k, ["path", "attribute", "follow_symlinks"], 0, 2, 2)?;
    let (p, follow) = target(ts, "getxattr", p, follow, false)?;
    let attr = attribute(ts, "getxattr", attr)?;
    let c = p.c_or_dot();
    let r = read_sized(|buf, n| match p.fd {
        // SAFETY: `attr` is NUL-terminated; `buf` is NULL (with n 0) or n writable bytes.
        Some(fd) => unsafe { libc::fgetxattr(fd, attr.as_ptr(), buf, n) },
        // SAFETY: as above, and `c` is NUL-terminated.
        None if follow => unsafe { libc::getxattr(c.as_ptr(), attr.as_ptr(), buf, n) },
        // SAFETY: as above.
        None => unsafe { libc::lgetxattr(c.as_ptr(), attr.as_ptr(), buf, n) },
    });
    r.map(bytes::new_bytes).map_err(|e| path::os_error(e, Some(&p.object), None))
}

/// `os.setxattr(path, attribute, value, flags=0, *, follow_symlinks=True)`.
pub(crate) fn p_setxattr(ts: &ThreadState, _m: &Value, a: Args, k: Kw) -> PyResult<Value> {
    let [p, attr, value, flags, follow] =
        args::bind("setxattr", a, k, ["path", "attribute", "value", "flags", "follow_symlinks"], 0, 3, 4)?;
    let (p, follow) = target(ts, "setxattr", p, follow, false)?;
    let attr = attribute(ts, "setxattr", attr)?;
    let value = req(value);
    let data = bytes::buffer_data(&value)
        .ok_or_else(|| PyErr::type_error(format!("a bytes-like object is required, not '{}'", protocol::type_name(&value))))?
        .into_owned();
    let flags = match flags {
        Some(f) => path::int_arg(ts, &f)?,
        None => 0,
    };
    let c = p.c_or_dot();
    let ptr = data.as_ptr() as *const libc::c_void;
    let r = match p.fd {
        // SAFETY: `attr` is NUL-terminated and `data` has data.len() bytes.
        Some(fd) => unsafe { libc::fsetxattr(fd, attr.as_ptr(), ptr, data.len(), flags) },
        // SAFETY: as above, and `c` is NUL-terminated.
        None if follow => unsafe { libc::setxattr(c.as_ptr(), attr.as_ptr(), ptr, data.len(), flags) },
        // SAFETY: as above.
        None => unsafe { libc::lsetxattr(c.as_ptr(), attr.as_ptr(), ptr, data.len(), flags) },
    };
    if r != 0 {
        return Err(path::path_error(&p));
    }
    Ok(none::none())
}

/// `os.removexattr(path, attribute, *, follow_symlinks=True)`.
pub(crate) fn p_removexattr(ts: &ThreadState, _m: &Value, a: Args, k: Kw) -> PyResult<Value> {
    let [p, attr, follow] = args::bind("removexattr", a, k, ["path", "attribute", "follow_symlinks"], 0, 2, 2)?;
    let (p, follow) = target(ts, "removexattr", p, follow, false)?;
    let attr = attribute(ts, "removexattr", attr)?;
    let c = p.c_or_dot();
    let r = match p.fd {
        // SAFETY: `attr` is NUL-terminated.
        Some(fd) => unsafe { libc::fremovexattr(fd, attr.as_ptr()) },
        // SAFETY: both names are NUL-terminated.
        None if follow => unsafe { libc::removexattr(c.as_ptr(), attr.as_ptr()) },
        // SAFETY: as above.
        None => unsafe { libc::lremovexattr(c.as_ptr(), attr.as_ptr()) },
    };
    if r != 0 {
        return Err(path::path_error(&p));
    }
    Ok(none::none())
}

/// `os.listxattr(path=None, *, follow_symlinks=True)`: names as str.
pub(crate) fn p_listxattr(ts: &ThreadState, _m: &Value, a: Args, k: Kw) -> PyResult<Value> {
    let [p, follow] = args::bind("listxattr", a, k, ["path", "follow_symlinks"], 0, 0, 1)?;
    let (p, follow) = target(ts, "listxattr", p, follow, true)?;
    let c = p.c_or_dot();
    let r = read_sized(|buf, n| match p.fd {
        // SAFETY: `buf` is NULL (with n 0) or n writable bytes.
        Some(fd) => unsafe { libc::flistxattr(fd, buf as *mut libc::c_char, n) },
        // SAFETY: as above, and `c` is NUL-terminated.
        None if follow => unsafe { libc::listxattr(c.as_ptr(), buf as *mut libc::c_char, n) },
        // SAFETY: as above.
        None => unsafe { libc::llistxattr(c.as_ptr(), buf as *mut libc::c_char, n) },
    });
    let data = r.map_err(|e| path::os_error(e, Some(&p.object), None))?;
    let names = data.split(|&b| b == 0).filter(|s| !s.is_empty()).map(path::fs_decode).collect();
    list::new_list(names)
}
