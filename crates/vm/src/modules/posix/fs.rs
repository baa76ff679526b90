//! Filesystem calls of the posix module: directories, names, links,
//! permissions and times.

use std::ffi::CStr;

use crate::object::args;
use crate::object::protocol;
use crate::object::value::Value;
use crate::runtime::errors::{PyErr, PyResult};
use crate::runtime::thread::ThreadState;
use crate::types::{bool_, bytes, float, int, list, none, tuple};

use super::path::{self, PathArg, PathSpec};

type Args<'a> = &'a [Value];
type Kw<'a> = Option<&'a Value>;

fn req(v: Option<Value>) -> Value {
    v.unwrap_or_else(none::none)
}

/// The encoded path of a converted argument (absent paths were refused by
/// the converter unless nullable, where "." stands for them).
fn cpath(p: &PathArg) -> std::ffi::CString {
    p.c_or_dot()
}

fn check(r: libc::c_int, p: &PathArg) -> PyResult<Value> {
    if r != 0 {
        return Err(path::path_error(p));
    }
    Ok(none::none())
}

fn check2(r: libc::c_int, p: &PathArg, q: &PathArg) -> PyResult<Value> {
    if r != 0 {
        return Err(path::path_error2(p, q));
    }
    Ok(none::none())
}

fn current_dir_bytes() -> PyResult<Vec<u8>> {
    use std::os::unix::ffi::OsStringExt;
    std::env::current_dir().map(|p| p.into_os_string().into_vec()).map_err(|e| path::os_error(e.raw_os_error().unwrap_or(libc::EIO), None, None))
}

/// `os.getcwd()`.
pub(crate) fn p_getcwd(_ts: &ThreadState, _m: &Value, a: Args, k: Kw) -> PyResult<Value> {
    args::exact("posix.getcwd", a, k, 0)?;
    Ok(path::fs_decode(&current_dir_bytes()?))
}

/// `os.getcwdb()`.
pub(crate) fn p_getcwdb(_ts: &ThreadState, _m: &Value, a: Args, k: Kw) -> PyResult<Value> {
    args::exact("posix.getcwdb", a, k, 0)?;
    Ok(bytes::new_bytes(current_dir_bytes()?))
}

/// The names in an open directory stream, without "." and "..", closing
/// it; errno on failure.
pub(crate) fn read_dir_names(dir: *mut libc::DIR) -> Result<Vec<Vec<u8>>, i32> {
    let mut names = Vec::new();
    let err;
    loop {
        // SAFETY: errno is thread-local; resetting it tells end of stream
        // from failure after readdir.
        unsafe { *libc::__errno_location() = 0 };
        // SAFETY: `dir` is an open stream owned by this function.
        let ent = unsafe { libc::readdir(dir) };
        if ent.is_null() {
            err = path::errno_raw();
            break;
        }
        // SAFETY: a non-NULL entry's d_name is NUL-terminated.
        let name = unsafe { CStr::from_ptr((*ent).d_name.as_ptr()) }.to_bytes();
        if name != b"." && name != b".." {
            names.push(name.to_vec());
        }
    }
    // SAFETY: the stream is open and closed once here.
    unsafe { libc::closedir(dir) };
    if err != 0 {
        Err(err)
    } else {
        Ok(names)
    }
}

/// A directory stream for an fd (a duplicate, so the caller's fd stays
/// open), rewound to the start; errno on failure.
pub(crate) fn opendir_fd(fd: i32) -> Result<*mut libc::DIR, i32> {
    // SAFETY: dup of any int is safe; a bad fd makes it fail.
    let fd2 = unsafe { libc::dup(fd) };
    if fd2 < 0 {
        return Err(path::errno());
    }
    // SAFETY: `fd2` is ours; on success the stream owns it.
    let dir = unsafe { libc::fdopendir(fd2) };
    if dir.is_null() {
        let e = path::errno();
        // SAFETY: `fd2` is still ours when fdopendir fails.
        unsafe { libc::close(fd2) };
        return Err(e);
    }
    // SAFETY: `dir` is a valid open stream.
    unsafe { libc::rewinddir(dir) };
    Ok(dir)
}

/// `os.listdir(path=None)`.
pub(crate) fn p_listdir(ts: &ThreadState, _m: &Value, a: Args, k: Kw) -> PyResult<Value> {
    let [p] = args::bind("listdir", a, k, ["path"], 0, 0, 1)?;
    let p = path::path_arg(ts, PathSpec::new("listdir").fd().nullable(), p.as_ref())?;
    let names = match p.fd {
        Some(fd) => opendir_fd(fd).and_then(read_dir_names).map_err(|e| path::os_error(e, None, None))?,
        None => {
            let c = cpath(&p);
            // SAFETY: `c` is NUL-terminated.
            let dir = unsafe { libc::opendir(c.as_ptr()) };
            if dir.is_null() {
                return Err(path::path_error(&p));
            }
            read_dir_names(dir).map_err(|e| path::os_error(e, Some(&p.object), None))?
        }
    };
    list::new_list(names.iter().map(|n| path::name_value(n, p.is_bytes)).collect())
}

/// `os.mkdir(path, mode=0o777, *, dir_fd=None)`.
pub(crate) fn p_mkdir(ts: &ThreadState, _m: &Value, a: Args, k: Kw) -> PyResult<Value> {
    let [p, mode, dir_fd] = args::bind("mkdir", a, k, ["path", "mode", "dir_fd"], 0, 1, 2)?;
    let p = path::path_arg(ts, PathSpec::new("mkdir"), Some(&req(p)))?;
    let mode = match mode {
        Some(m) => path::int_arg(ts, &m)?,
        None => 0o777,
    };
    let dir_fd = path::dir_fd_arg(ts, dir_fd.as_ref())?;
    let c = cpath(&p);
    // SAFETY: `c` is NUL-terminated.
    check(unsafe { libc::mkdirat(dir_fd, c.as_ptr(), mode as libc::mode_t) }, &p)
}

fn unlink_like(ts: &ThreadState, fname: &'static str, a: Args, k: Kw, flags: libc::c_int) -> PyResult<Value> {
    let [p, dir_fd] = args::bind(fname, a, k, ["path", "dir_fd"], 0, 1, 1)?;
    let p = path::path_arg(ts, PathSpec::new(fname), Some(&req(p)))?;
    let dir_fd = path::dir_fd_arg(ts, dir_fd.as_ref())?;
    let c = cpath(&p);
    // SAFETY: `c` is NUL-terminated.
    check(unsafe { libc::unlinkat(dir_fd, c.as_ptr(), flags) }, &p)
}

/// `os.rmdir(path, *, dir_fd=None)`.
pub(crate) fn p_rmdir(ts: &ThreadState, _m: &Value, a: Args, k: Kw) -> PyResult<Value> {
    unlink_like(ts, "rmdir", a, k, libc::AT_REMOVEDIR)
}

/// `os.unlink(path, *, dir_fd=None)`.
pub(crate) fn p_unlink(ts: &ThreadState, _m: &Value, a: Args, k: Kw) -> PyResult<Value> {
    unlink_like(ts, "unlink", a, k, 0)
}

/// `os.remove(path, *, dir_fd=None)`.
pub(crate) fn p_remove(ts: &ThreadState, _m: &Value, a: Args, k: Kw) -> PyResult<Value> {
    unlink_like(ts, "remove", a, k, 0)
}

fn rename_like(ts: &ThreadState, fname: &'static str, a: Args, k: Kw) -> PyResult<Value> {
    let [src, dst, sfd, dfd] = args::bind(fname, a, k, ["src", "dst", "src_dir_fd", "dst_dir_fd"], 0, 2, 2)?;
    let src = path::path_arg(ts, PathSpec::new(fname).named("src"), Some(&req(src)))?;
    let dst = path::path_arg(ts, PathSpec::new(fname).named("dst"), Some(&req(dst)))?;
    let sfd = path::dir_fd_arg(ts, sfd.as_ref())?;
    let dfd = path::dir_fd_arg(ts, dfd.as_ref())?;
    let (s, d) = (cpath(&src), cpath(&dst));
    // SAFETY: both paths are NUL-terminated.
    check2(unsafe { libc::renameat(sfd, s.as_ptr(), dfd, d.as_ptr()) }, &src, &dst)
}

/// `os.rename(src, dst, *, src_dir_fd=None, dst_dir_fd=None)`.
pub(crate) fn p_rename(ts: &ThreadState, _m: &Value, a: Args, k: Kw) -> PyResult<Value> {
    rename_like(ts, "rename", a, k)
}

/// `os.replace(src, dst, *, src_dir_fd=None, dst_dir_fd=None)`.
pub(crate) fn p_replace(ts: &ThreadState, _m: &Value, a: Args, k: Kw) -> PyResult<Value> {
    rename_like(ts, "replace", a, k)
}

/// `os.chdir(path)`.
pub(crate) fn p_chdir(ts: &ThreadState, _m: &Value, a: Args, k: Kw) -> PyResult<Value> {
    let [p] = args::bind("chdir", a, k, ["path"], 0, 1, 1)?;
    let p = path::path_arg(ts, PathSpec::new("chdir").fd(), Some(&req(p)))?;
    let r = match p.fd {
        // SAFETY: fchdir on any int only fails for a bad fd.
        Some(fd) => unsafe { libc::fchdir(fd) },
        None => {
            let c = cpath(&p);
            // SAFETY: `c` is NUL-terminated.
            unsafe { libc::chdir(c.as_ptr()) }
        }
    };
    check(r, &p)
}

/// `os.fchdir(fd)`.
pub(crate) fn p_fchdir(ts: &ThreadState, _m: &Value, a: Args, k: Kw) -> PyResult<Value> {
    let [fd] = args::bind("fchdir", a, k, ["fd"], 0, 1, 1)?;
    let fd = super::fds::fileno_arg(ts, &req(fd))?;
    // SAFETY: fchdir on any int only fails for a bad fd.
    if unsafe { libc::fchdir(fd) } != 0 {
        return Err(path::last_error());
    }
    Ok(none::none())
}

/// `os.chmod(path, mode, *, dir_fd=None, follow_symlinks=True)`.
pub(crate) fn p_chmod(ts: &ThreadState, _m: &Value, a: Args, k: Kw) -> PyResult<Value> {
    let [p, mode, dir_fd, follow] = args::bind("chmod", a, k, ["path", "mode", "dir_fd", "follow_symlinks"], 0, 2, 2)?;
    let p = path::path_arg(ts, PathSpec::new("chmod").fd(), Some(&req(p)))?;
    let mode = path::int_arg(ts, &req(mode))?;
    let dir_fd = path::dir_fd_arg(ts, dir_fd.as_ref())?;
    let follow = path::bool_arg(ts, follow.as_ref(), true)?;
    super::stat::check_fd_combos("chmod", &p, dir_fd, follow)?;
    let r = match p.fd {
        // SAFETY: fchmod on any int only fails for a bad fd.
        Some(fd) => unsafe { libc::fchmod(fd, mode as libc::mode_t) },
        None => {
            let c = cpath(&p);
            let flags = if follow { 0 } else { libc::AT_SYMLINK_NOFOLLOW };
            // SAFETY: `c` is NUL-terminated.
            let r = unsafe { libc::fchmodat(dir_fd, c.as_ptr(), mode as libc::mode_t, flags) };
            if r != 0 && !follow && path::errno() == libc::EOPNOTSUPP {
                return Err(PyErr::not_implemented("chmod: follow_symlinks unavailable on this platform"));
            }
            r
        }
    };
    check(r, &p)
}

/// `os.fchmod(fd, mode)`.
pub(crate) fn p_fchmod(ts: &ThreadState, _m: &Value, a: Args, k: Kw) -> PyResult<Value> {
    let [fd, mode] = args::bind("fchmod", a, k, ["fd", "mode"], 0, 2, 2)?;
    let fd = path::int_arg(ts, &req(fd))?;
    let mode = path::int_arg(ts, &req(mode))?;
    // SAFETY: fchmod on any int only fails for a bad fd.
    if unsafe { libc::fchmod(fd, mode as libc::mode_t) } != 0 {
        return Err(path::last_error());
    }
    Ok(none::none())
}

/// `os.access(path, mode, *, dir_fd=None, effective_ids=False, follow_symlinks=True)`.
pub(crate) fn p_access(ts: &ThreadState, _m: &Value, a: Args, k: Kw) -> PyResult<Value> {
    let [p, mode, dir_fd, eff, follow] =
        args::bind("access", a, k, ["path", "mode", "dir_fd", "effective_ids", "follow_symlinks"], 0, 2, 2)?;
    let p = path::path_arg(ts, PathSpec::new("access"), Some(&req(p)))?;
    let mode = path::int_arg(ts, &req(mode))?;
    let dir_fd = path::dir_fd_arg(ts, dir_fd.as_ref())?;
    let eff = path::bool_arg(ts, eff.as_ref(), false)?;
    let follow = path::bool_arg(ts, follow.as_ref(), true)?;
    let mut flags = 0;
    if eff {
        flags |= libc::AT_EACCESS;
    }
    if !follow {
        flags |= libc::AT_SYMLINK_NOFOLLOW;
    }
    let c = cpath(&p);
    // SAFETY: `c` is NUL-terminated.
    let r = unsafe { libc::faccessat(dir_fd, c.as_ptr(), mode, flags) };
    Ok(bool_::new_bool(r == 0))
}

/// A (seconds, nanoseconds) pair from a number of seconds, rounded down
/// (`_PyTime_ObjectToTimespec` with ROUND_FLOOR).
fn timespec_from_object(ts: &ThreadState, v: &Value) -> PyResult<libc::timespec> {
    if let Some(f) = float::as_float_exact_payload(v).or_else(|| {
        if v.type_of().is_subtype(&float::FLOAT_TYPE) {
            float::to_f64(ts, v).ok()
        } else {
            None
        }
    }) {
        if f.is_nan() {
            return Err(PyErr::value_error("Invalid value NaN (not a number)"));
        }
        let (secs, ns) = split_seconds(f).ok_or_else(|| PyErr::overflow_error("timestamp out of range for platform time_t"))?;
        return Ok(libc::timespec { tv_sec: secs as libc::time_t, tv_nsec: ns as libc::c_long });
    }
    let i = protocol::index(ts, v)?;
    let secs = int::to_i64_checked(&i).map_err(|_| PyErr::overflow_error("timestamp out of range for platform time_t"))?;
    Ok(libc::timespec { tv_sec: secs as libc::time_t, tv_nsec: 0 })
}

/// Seconds as (whole seconds, nanoseconds), both rounded down; None
/// beyond the range of time_t.
fn split_seconds(f: f64) -> Option<(i64, i64)> {
    let mut secs = f.floor();
    let mut ns = ((f - secs) * 1e9).floor();
    if ns >= 1e9 {
        ns -= 1e9;
        secs += 1.0;
    }
    if !(-9.2e18..9.2e18).contains(&secs) {
        return None;
    }
    Some((secs as i64, ns as i64))
}

fn timespec_from_ns(ts: &ThreadState, v: &Value) -> PyResult<libc::timespec> {
    let i = protocol::index(ts, v)?;
    let b = int::as_int(&i).map(|r| r.to_bigint()).unwrap_or_default();
    let billion = num_bigint::BigInt::from(1_000_000_000);
    let (q, r) = num_integer::Integer::div_mod_floor(&b, &billion);
    let secs: i64 = i64::try_from(q).map_err(|_| PyErr::overflow_error("timestamp out of range for platform time_t"))?;
    let ns: i64 = i64::try_from(r).unwrap_or(0);
    Ok(libc::timespec { tv_sec: secs as libc::time_t, tv_nsec: ns as libc::c_long })
}

/// `os.utime(path, times=None, *, ns=None, dir_fd=None, follow_symlinks=True)`.
pub(crate) fn p_utime(ts: &ThreadState, _m: &Value, a: Args, k: Kw) -> PyResult<Value> {
    let [p, times, ns, dir_fd, follow] = args::bind("utime", a, k, ["path", "times", "ns", "dir_fd", "follow_symlinks"], 0, 1, 2)?;
    let p = path::path_arg(ts, PathSpec::new("utime").fd(), Some(&req(p)))?;
    let times = times.filter(|t| !none::is_none(t));
    let dir_fd = path::dir_fd_arg(ts, dir_fd.as_ref())?;
    let follow = path::bool_arg(ts, follow.as_ref(), true)?;
    if times.is_some() && ns.is_some() {
        return Err(PyErr::value_error("utime: you may specify either 'times' or 'ns' but not both"));
    }
    let pair = |v: &Value| tuple::try_tuple_items(v).filter(|t| t.len() == 2 && v.is_exact(&tuple::TUPLE_TYPE)).map(|t| t.to_vec());
    let spec: Option<[libc::timespec; 2]> = if let Some(t) = &times {
        let items = pair(t).ok_or_else(|| PyErr::type_error("utime: 'times' must be either a tuple of two ints or None"))?;
        Some([timespec_from_object(ts, &items[0])?, timespec_from_object(ts, &items[1])?])
    } else if let Some(n) = &ns {
        let items = pair(n).ok_or_else(|| PyErr::type_error("utime: 'ns' must be a tuple of two ints"))?;
        Some([timespec_from_ns(ts, &items[0])?, timespec_from_ns(ts, &items[1])?])
    } else {
        None
    };
    super::stat::check_fd_combos("utime", &p, dir_fd, follow)?;
    let ptr = spec.as_ref().map_or(std::ptr::null(), |s| s.as_ptr());
    let r = match p.fd {
        // SAFETY: `ptr` is NULL or two timespecs; a bad fd makes it fail.
        Some(fd) => unsafe { libc::futimens(fd, ptr) },
        None => {
            let c = cpath(&p);
            let flags = if follow { 0 } else { libc::AT_SYMLINK_NOFOLLOW };
            // SAFETY: `c` is NUL-terminated, `ptr` NULL or two timespecs.
            unsafe { libc::utimensat(dir_fd, c.as_ptr(), ptr, flags) }
        }
    };
    // CPython names no file when utime fails.
    if r != 0 {
        return Err(path::last_error());
    }
    Ok(none::none())
}

/// `os.symlink(src, dst, target_is_directory=False, *, dir_fd=None)`.
pub(crate) fn p_symlink(ts: &ThreadState, _m: &Value, a: Args, k: Kw) -> PyResult<Value> {
    let [src, dst, _isdir, dir_fd] = args::bind("symlink", a, k, ["src", "dst", "target_is_directory", "dir_fd"], 0, 2, 3)?;
    let src = path::path_arg(ts, PathSpec::new("symlink").named("src"), Some(&req(src)))?;
    let dst = path::path_arg(ts, PathSpec::new("symlink").named("dst"), Some(&req(dst)))?;
    let dir_fd = path::dir_fd_arg(ts, dir_fd.as_ref())?;
    let (s, d) = (cpath(&src), cpath(&dst));
    // SAFETY: both paths are NUL-terminated.
    check2(unsafe { libc::symlinkat(s.as_ptr(), dir_fd, d.as_ptr()) }, &src, &dst)
}

/// `os.readlink(path, *, dir_fd=None)`.
pub(crate) fn p_readlink(ts: &ThreadState, _m: &Value, a: Args, k: Kw) -> PyResult<Value> {
    let [p, dir_fd] = args::bind("readlink", a, k, ["path", "dir_fd"], 0, 1, 1)?;
    let p = path::path_arg(ts, PathSpec::new("readlink"), Some(&req(p)))?;
    let dir_fd = path::dir_fd_arg(ts, dir_fd.as_ref())?;
    let c = cpath(&p);
    let mut buf = vec![0u8; 4096];
    loop {
        // SAFETY: `c` is NUL-terminated and `buf` has room for buf.len() bytes.
        let n = unsafe { libc::readlinkat(dir_fd, c.as_ptr(), buf.as_mut_ptr() as *mut libc::c_char, buf.len()) };
        if n < 0 {
            return Err(path::path_error(&p));
        }
        let n = n as usize;
        if n < buf.len() {
            buf.truncate(n);
            return Ok(path::name_value(&buf, p.is_bytes));
        }
        // The target may have been cut: try again with more room.
        buf.resize(buf.len() * 2, 0);
    }
}

/// `os.link(src, dst, *, src_dir_fd=None, dst_dir_fd=None, follow_symlinks=True)`.
pub(crate) fn p_link(ts: &ThreadState, _m: &Value, a: Args, k: Kw) -> PyResult<Value> {
    let [src, dst, sfd, dfd, follow] = args::bind("link", a, k, ["src", "dst", "src_dir_fd", "dst_dir_fd", "follow_symlinks"], 0, 2, 2)?;
    let src = path::path_arg(ts, PathSpec::new("link").named("src"), Some(&req(src)))?;
    let dst = path::path_arg(ts, PathSpec::new("link").named("dst"), Some(&req(dst)))?;
    let sfd = path::dir_fd_arg(ts, sfd.as_ref())?;
    let dfd = path::dir_fd_arg(ts, dfd.as_ref())?;
    let follow = path::bool_arg(ts, follow.as_ref(), true)?;
    let (s, d) = (cpath(&src), cpath(&dst));
    let flags = if follow { libc::AT_SYMLINK_FOLLOW } else { 0 };
    // SAFETY: both paths are NUL-terminated.
    check2(unsafe { libc::linkat(sfd, s.as_ptr(), dfd, d.as_ptr(), flags) }, &src, &dst)
}

/// `os.truncate(path, length)`.
pub(crate) fn p_truncate(ts: &ThreadState, _m: &Value, a: Args, k: Kw) -> PyResult<Value> {
    let [p, length] = args::bind("truncate", a, k, ["path", "length"], 0, 2, 2)?;
    let p = path::path_arg(ts, PathSpec::new("truncate").fd(), Some(&req(p)))?;
    let length = super::fds::off_arg(ts, &req(length))?;
    let r = match p.fd {
        // SAFETY: ftruncate on any int only fails for a bad fd.
        Some(fd) => unsafe { libc::ftruncate(fd, length) },
        None => {
            let c = cpath(&p);
            // SAFETY: `c` is NUL-terminated.
            unsafe { libc::truncate(c.as_ptr(), length) }
        }
    };
    check(r, &p)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn seconds_round_down() {
        // From python3: os.utime(f, (1.5, -1.5)); os.stat(f).st_atime_ns, st_mtime_ns.
        assert_eq!(split_seconds(1.5), Some((1, 500_000_000)));
        assert_eq!(split_seconds(-1.5), Some((-2, 500_000_000)));
        assert_eq!(split_seconds(2.25), Some((2, 250_000_000)));
        assert_eq!(split_seconds(1e300), None);
    }
}
