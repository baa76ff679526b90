//! File descriptor calls of the posix module: open, read, write, close,
//! lseek, dup, pipe and the descriptor flags. Descriptors the module
//! creates are non-inheritable (close-on-exec), as PEP 446 asks.

use crate::object::args;
use crate::object::protocol;
use crate::object::value::Value;
use crate::runtime::errors::{PyErr, PyResult};
use crate::runtime::thread::ThreadState;
use crate::types::{bool_, bytes, int, none, str as pystr, tuple};

use super::path::{self, PathSpec};

type Args<'a> = &'a [Value];
type Kw<'a> = Option<&'a Value>;

fn req(v: Option<Value>) -> Value {
    v.unwrap_or_else(none::none)
}

fn fail_if(r: bool) -> PyResult<()> {
    if r {
        Err(path::last_error())
    } else {
        Ok(())
    }
}

/// A file offset argument (`Py_off_t`).
pub(crate) fn off_arg(ts: &ThreadState, v: &Value) -> PyResult<libc::off_t> {
    let i = protocol::index(ts, v)?;
    int::as_int(&i).and_then(|r| r.to_i64()).ok_or_else(|| PyErr::overflow_error("Python int too large to convert to C long"))
}

/// An int or an object with `fileno()` (`PyObject_AsFileDescriptor`).
pub(crate) fn fileno_arg(ts: &ThreadState, v: &Value) -> PyResult<i32> {
    let fd = if int::is_int(v) {
        int::c_int_arg(ts, v)?
    } else {
        let Ok(m) = protocol::getattr_str(ts, v, "fileno") else {
            return Err(PyErr::type_error("argument must be an int, or have a fileno() method."));
        };
        let r = protocol::call(ts, &m, &[], None)?;
        if !int::is_int(&r) {
            return Err(PyErr::type_error("fileno() returned a non-integer"));
        }
        int::c_int_arg(ts, &r)?
    };
    if fd < 0 {
        return Err(PyErr::value_error(format!("file descriptor cannot be a negative integer ({fd})")));
    }
    Ok(fd)
}

/// `os.open(path, flags, mode=0o777, *, dir_fd=None)`.
pub(crate) fn p_open(ts: &ThreadState, _m: &Value, a: Args, k: Kw) -> PyResult<Value> {
    let [p, flags, mode, dir_fd] = args::bind("open", a, k, ["path", "flags", "mode", "dir_fd"], 0, 2, 3)?;
    let p = path::path_arg(ts, PathSpec::new("open"), Some(&req(p)))?;
    let flags = path::int_arg(ts, &req(flags))?;
    let mode = match mode {
        Some(m) => path::int_arg(ts, &m)?,
        None => 0o777,
    };
    let dir_fd = path::dir_fd_arg(ts, dir_fd.as_ref())?;
    let c = p.c_or_dot();
    loop {
        // SAFETY: `c` is NUL-terminated; the mode is passed as the C
        // variadic argument expects (an unsigned int).
        let fd = unsafe { libc::openat(dir_fd, c.as_ptr(), flags | libc::O_CLOEXEC, mode as libc::c_uint) };
        if fd >= 0 {
            return Ok(int::from_i64(fd as i64));
        }
        if path::errno() != libc::EINTR {
            return Err(path::path_error(&p));
        }
        crate::runtime::thread::handle_pending_signals(ts)?;
    }
}

/// `os.close(fd)`.
pub(crate) fn p_close(ts: &ThreadState, _m: &Value, a: Args, k: Kw) -> PyResult<Value> {
    let [fd] = args::bind("close", a, k, ["fd"], 0, 1, 1)?;
    let fd = path::int_arg(ts, &req(fd))?;
    // SAFETY: closing any int is memory-safe; a bad fd makes it fail.
    fail_if(unsafe { libc::close(fd) } != 0)?;
    Ok(none::none())
}

/// `os.closerange(fd_low, fd_high, /)`: errors are ignored.
pub(crate) fn p_closerange(ts: &ThreadState, _m: &Value, a: Args, k: Kw) -> PyResult<Value> {
    let a = crate::modules::fastcall_args("posix", "closerange", a, k, 2, 2)?;
    let lo = path::int_arg(ts, &a[0])?.max(0);
    let hi = path::int_arg(ts, &a[1])?;
    for fd in lo..hi {
        // SAFETY: closing any int is memory-safe.
        unsafe { libc::close(fd) };
    }
    Ok(none::none())
}

/// `os.read(fd, length, /)`.
pub(crate) fn p_read(ts: &ThreadState, _m: &Value, a: Args, k: Kw) -> PyResult<Value> {
    let a = crate::modules::fastcall_args("posix", "read", a, k, 2, 2)?;
    let fd = path::int_arg(ts, &a[0])?;
    let n = bytes::ssize_arg(ts, &a[1])?;
    if n < 0 {
        return Err(path::os_error(libc::EINVAL, None, None));
    }
    let mut buf = path::alloc_buf(n as usize)?;
    loop {
        // SAFETY: `buf` has capacity for n bytes.
        let r = unsafe { libc::read(fd, buf.as_mut_ptr() as *mut libc::c_void, n as usize) };
        if r >= 0 {
            // SAFETY: read initialized the first r (<= n) bytes.
            unsafe { buf.set_len(r as usize) };
            return Ok(bytes::new_bytes(buf));
        }
        if path::errno() != libc::EINTR {
            return Err(path::last_error());
        }
        crate::runtime::thread::handle_pending_signals(ts)?;
    }
}

/// `os.write(fd, data, /)`.
pub(crate) fn p_write(ts: &ThreadState, _m: &Value, a: Args, k: Kw) -> PyResult<Value> {
    let a = crate::modules::fastcall_args("posix", "write", a, k, 2, 2)?;
    let fd = path::int_arg(ts, &a[0])?;
    let data = bytes::buffer_data(&a[1])
        .ok_or_else(|| PyErr::type_error(format!("a bytes-like object is required, not '{}'", protocol::type_name(&a[1]))))?
        .into_owned();
    loop {
        // SAFETY: `data` holds data.len() readable bytes.
        let r = unsafe { libc::write(fd, data.as_ptr() as *const libc::c_void, data.len()) };
        if r >= 0 {
            return Ok(int::from_i64(r as i64));
        }
        if path::errno() != libc::EINTR {
            return Err(path::last_error());
        }
        crate::runtime::thread::handle_pending_signals(ts)?;
    }
}

/// `os.lseek(fd, position, whence, /)`.
pub(crate) fn p_lseek(ts: &ThreadState, _m: &Value, a: Args, k: Kw) -> PyResult<Value> {
    let a = crate::modules::fastcall_args("posix", "lseek", a, k, 3, 3)?;
    let fd = path::int_arg(ts, &a[0])?;
    let pos = off_arg(ts, &a[1])?;
    let how = path::int_arg(ts, &a[2])?;
    // SAFETY: lseek on any int is memory-safe.
    let r = unsafe { libc::lseek(fd, pos, how) };
    fail_if(r < 0)?;
    Ok(int::from_i64(r))
}

/// `os.dup(fd, /)`: a non-inheritable duplicate.
pub(crate) fn p_dup(ts: &ThreadState, _m: &Value, a: Args, k: Kw) -> PyResult<Value> {
    let a = args::exact("posix.dup", a, k, 1)?;
    let fd = path::int_arg(ts, &a[0])?;
    // SAFETY: fcntl F_DUPFD_CLOEXEC on any int is memory-safe.
    let r = unsafe { libc::fcntl(fd, libc::F_DUPFD_CLOEXEC, 0) };
    fail_if(r < 0)?;
    Ok(int::from_i64(r as i64))
}

/// `os.dup2(fd, fd2, inheritable=True)`.
pub(crate) fn p_dup2(ts: &ThreadState, _m: &Value, a: Args, k: Kw) -> PyResult<Value> {
    let [fd, fd2, inh] = args::bind("dup2", a, k, ["fd", "fd2", "inheritable"], 0, 2, 3)?;
    let fd = path::int_arg(ts, &req(fd))?;
    let fd2 = path::int_arg(ts, &req(fd2))?;
    let inheritable = path::bool_arg(ts, inh.as_ref(), true)?;
    let r = if inheritable || fd == fd2 {
        // SAFETY: dup2 on any ints is memory-safe.
        unsafe { libc::dup2(fd, fd2) }
    } else {
        // SAFETY: dup3 on any ints is memory-safe.
        unsafe { libc::dup3(fd, fd2, libc::O_CLOEXEC) }
    };
    fail_if(r < 0)?;
    Ok(int::from_i64(r as i64))
}

/// `os.pipe()`: two non-inheritable descriptors (read end, write end).
pub(crate) fn p_pipe(_ts: &ThreadState, _m: &Value, a: Args, k: Kw) -> PyResult<Value> {
    args::exact("posix.pipe", a, k, 0)?;
    let mut fds = [0 as libc::c_int; 2];
    // SAFETY: `fds` has room for the two descriptors.
    fail_if(unsafe { libc::pipe2(fds.as_mut_ptr(), libc::O_CLOEXEC) } != 0)?;
    tuple::new_tuple(vec![int::from_i64(fds[0] as i64), int::from_i64(fds[1] as i64)])
}

/// `os.pipe2(flags, /)`.
pub(crate) fn p_pipe2(ts: &ThreadState, _m: &Value, a: Args, k: Kw) -> PyResult<Value> {
    let a = args::exact("posix.pipe2", a, k, 1)?;
    let flags = path::int_arg(ts, &a[0])?;
    let mut fds = [0 as libc::c_int; 2];
    // SAFETY: `fds` has room for the two descriptors.
    fail_if(unsafe { libc::pipe2(fds.as_mut_ptr(), flags) } != 0)?;
    tuple::new_tuple(vec![int::from_i64(fds[0] as i64), int::from_i64(fds[1] as i64)])
}

/// `os.sendfile(out_fd, in_fd, offset, count)`: offset None sends from
/// the current position of in_fd.
pub(crate) fn p_sendfile(ts: &ThreadState, _m: &Value, a: Args, k: Kw) -> PyResult<Value> {
    let [out_fd, in_fd, offset, count] = args::bind("sendfile", a, k, ["out_fd", "in_fd", "offset", "count"], 0, 4, 4)?;
    let out_fd = path::int_arg(ts, &req(out_fd))?;
    let in_fd = path::int_arg(ts, &req(in_fd))?;
    let offset = req(offset);
    let count = bytes::ssize_arg(ts, &req(count))?;
    if count < 0 {
        // The kernel refuses a negative count with EINVAL.
        return Err(path::os_error(libc::EINVAL, None, None));
    }
    let from_current = none::is_none(&offset);
    let mut off: libc::off_t = if from_current { 0 } else { off_arg(ts, &offset)? };
    let off_ptr: *mut libc::off_t = if from_current { std::ptr::null_mut() } else { &mut off };
    loop {
        // SAFETY: `off_ptr` is NULL or points at `off`, alive for the call.
        let r = unsafe { libc::sendfile(out_fd, in_fd, off_ptr, count as usize) };
        if r >= 0 {
            return Ok(int::from_i64(r as i64));
        }
        if path::errno() != libc::EINTR {
            return Err(path::last_error());
        }
        crate::runtime::thread::handle_pending_signals(ts)?;
    }
}

/// `os.isatty(fd, /)`.
pub(crate) fn p_isatty(ts: &ThreadState, _m: &Value, a: Args, k: Kw) -> PyResult<Value> {
    let a = args::exact("posix.isatty", a, k, 1)?;
    let fd = path::int_arg(ts, &a[0])?;
    // SAFETY: isatty on any int is memory-safe.
    Ok(bool_::new_bool(unsafe { libc::isatty(fd) } == 1))
}

/// `os.fsync(fd)`.
pub(crate) fn p_fsync(ts: &ThreadState, _m: &Value, a: Args, k: Kw) -> PyResult<Value> {
    let [fd] = args::bind("fsync", a, k, ["fd"], 0, 1, 1)?;
    let fd = fileno_arg(ts, &req(fd))?;
    // SAFETY: fsync on any int is memory-safe.
    fail_if(unsafe { libc::fsync(fd) } != 0)?;
    Ok(none::none())
}

/// `os.ftruncate(fd, length, /)`.
pub(crate) fn p_ftruncate(ts: &ThreadState, _m: &Value, a: Args, k: Kw) -> PyResult<Value> {
    let a = crate::modules::fastcall_args("posix", "ftruncate", a, k, 2, 2)?;
    let fd = path::int_arg(ts, &a[0])?;
    let len = off_arg(ts, &a[1])?;
    // SAFETY: ftruncate on any int is memory-safe.
    fail_if(unsafe { libc::ftruncate(fd, len) } != 0)?;
    Ok(none::none())
}

fn get_fd_flag(fd: i32, get: libc::c_int, bit: libc::c_int) -> PyResult<bool> {
    // SAFETY: fcntl F_GETFD/F_GETFL on any int is memory-safe.
    let flags = unsafe { libc::fcntl(fd, get) };
    fail_if(flags < 0)?;
    Ok(flags & bit != 0)
}

fn set_fd_flag(fd: i32, get: libc::c_int, set: libc::c_int, bit: libc::c_int, on: bool) -> PyResult<()> {
    // SAFETY: as in get_fd_flag.
    let flags = unsafe { libc::fcntl(fd, get) };
    fail_if(flags < 0)?;
    let new = if on { flags | bit } else { flags & !bit };
    if new != flags {
        // SAFETY: fcntl F_SETFD/F_SETFL with an int argument.
        fail_if(unsafe { libc::fcntl(fd, set, new) } < 0)?;
    }
    Ok(())
}

/// `os.get_inheritable(fd, /)`.
pub(crate) fn p_get_inheritable(ts: &ThreadState, _m: &Value, a: Args, k: Kw) -> PyResult<Value> {
    let a = args::exact("posix.get_inheritable", a, k, 1)?;
    let fd = path::int_arg(ts, &a[0])?;
    Ok(bool_::new_bool(!get_fd_flag(fd, libc::F_GETFD, libc::FD_CLOEXEC)?))
}

/// `os.set_inheritable(fd, inheritable, /)`.
pub(crate) fn p_set_inheritable(ts: &ThreadState, _m: &Value, a: Args, k: Kw) -> PyResult<Value> {
    let a = crate::modules::fastcall_args("posix", "set_inheritable", a, k, 2, 2)?;
    let fd = path::int_arg(ts, &a[0])?;
    let inh = int::c_int_arg(ts, &a[1])? != 0;
    set_fd_flag(fd, libc::F_GETFD, libc::F_SETFD, libc::FD_CLOEXEC, !inh)?;
    Ok(none::none())
}

/// `os.get_blocking(fd, /)`.
pub(crate) fn p_get_blocking(ts: &ThreadState, _m: &Value, a: Args, k: Kw) -> PyResult<Value> {
    let a = args::exact("posix.get_blocking", a, k, 1)?;
    let fd = path::int_arg(ts, &a[0])?;
    Ok(bool_::new_bool(!get_fd_flag(fd, libc::F_GETFL, libc::O_NONBLOCK)?))
}

/// `os.set_blocking(fd, blocking, /)`.
pub(crate) fn p_set_blocking(ts: &ThreadState, _m: &Value, a: Args, k: Kw) -> PyResult<Value> {
    let a = crate::modules::fastcall_args("posix", "set_blocking", a, k, 2, 2)?;
    let fd = path::int_arg(ts, &a[0])?;
    let blocking = int::c_int_arg(ts, &a[1])? != 0;
    set_fd_flag(fd, libc::F_GETFL, libc::F_SETFL, libc::O_NONBLOCK, !blocking)?;
    Ok(none::none())
}

/// `os.device_encoding(fd)`: the locale's encoding for a terminal, else None.
pub(crate) fn p_device_encoding(ts: &ThreadState, _m: &Value, a: Args, k: Kw) -> PyResult<Value> {
    let [fd] = args::bind("device_encoding", a, k, ["fd"], 0, 1, 1)?;
    let fd = path::int_arg(ts, &req(fd))?;
    // SAFETY: isatty on any int is memory-safe.
    if unsafe { libc::isatty(fd) } != 1 {
        return Ok(none::none());
    }
    Ok(pystr::new_str("UTF-8"))
}
