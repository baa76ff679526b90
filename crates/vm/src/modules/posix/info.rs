//! Process and system information of the posix module: ids, umask,
//! strerror, urandom, uname, cpu_count, terminal size, times, fspath and
//! the environment setters.

use std::ffi::CString;

use crate::modules::structseq;
use crate::object::args;
use crate::object::value::Value;
use crate::runtime::errors::{PyErr, PyResult};
use crate::runtime::thread::ThreadState;
use crate::types::{bytes, float, int, list, none, str as pystr};

use super::path::{self, PathSpec};

type Args<'a> = &'a [Value];
type Kw<'a> = Option<&'a Value>;

macro_rules! id_fn {
    ($name:ident, $py:literal, $call:ident) => {
        pub(crate) fn $name(_ts: &ThreadState, _m: &Value, a: Args, k: Kw) -> PyResult<Value> {
            args::exact(concat!("posix.", $py), a, k, 0)?;
            // SAFETY: these calls take no arguments and cannot fail.
            let v = unsafe { libc::$call() };
            Ok(int::from_i64(v as i64))
        }
    };
}

id_fn!(p_getpid, "getpid", getpid);
id_fn!(p_getppid, "getppid", getppid);
id_fn!(p_getuid, "getuid", getuid);
id_fn!(p_geteuid, "geteuid", geteuid);
id_fn!(p_getgid, "getgid", getgid);
id_fn!(p_getegid, "getegid", getegid);
id_fn!(p_getpgrp, "getpgrp", getpgrp);

/// `os.getgroups()`.
pub(crate) fn p_getgroups(_ts: &ThreadState, _m: &Value, a: Args, k: Kw) -> PyResult<Value> {
    args::exact("posix.getgroups", a, k, 0)?;
    // SAFETY: a zero count asks only for the number of groups.
    let n = unsafe { libc::getgroups(0, std::ptr::null_mut()) };
    if n < 0 {
        return Err(path::last_error());
    }
    let mut groups = vec![0 as libc::gid_t; n as usize];
    // SAFETY: `groups` has room for `n` entries.
    let n = unsafe { libc::getgroups(n, groups.as_mut_ptr()) };
    if n < 0 {
        return Err(path::last_error());
    }
    list::new_list(groups[..n as usize].iter().map(|&g| int::from_i64(g as i64)).collect())
}

/// `os.getlogin()`.
pub(crate) fn p_getlogin(_ts: &ThreadState, _m: &Value, a: Args, k: Kw) -> PyResult<Value> {
    args::exact("posix.getlogin", a, k, 0)?;
    // SAFETY: getlogin returns a static string or NULL.
    let p = unsafe { libc::getlogin() };
    if p.is_null() {
        let e = path::errno();
        return Err(if e != 0 { path::os_error(e, None, None) } else { PyErr::new(&crate::types::exceptions::OS_ERROR, "unable to determine login name") });
    }
    // SAFETY: a non-NULL result is a NUL-terminated string.
    let s = unsafe { std::ffi::CStr::from_ptr(p) };
    Ok(path::fs_decode(s.to_bytes()))
}

/// `os.getloadavg()`.
pub(crate) fn p_getloadavg(_ts: &ThreadState, _m: &Value, a: Args, k: Kw) -> PyResult<Value> {
    args::exact("posix.getloadavg", a, k, 0)?;
    let mut l = [0f64; 3];
    // SAFETY: `l` has room for the three averages asked for.
    let n = unsafe { libc::getloadavg(l.as_mut_ptr(), 3) };
    if n != 3 {
        return Err(PyErr::new(&crate::types::exceptions::OS_ERROR, "Load averages are unobtainable"));
    }
    crate::types::tuple::new_tuple(l.iter().map(|&x| float::new_float(x)).collect())
}

/// `os.umask(mask, /)`.
pub(crate) fn p_umask(ts: &ThreadState, _m: &Value, a: Args, k: Kw) -> PyResult<Value> {
    let a = args::exact("posix.umask", a, k, 1)?;
    let mask = path::int_arg(ts, &a[0])?;
    // SAFETY: umask only swaps the process's mask.
    let old = unsafe { libc::umask(mask as libc::mode_t) };
    Ok(int::from_i64(old as i64))
}

/// `os.strerror(code, /)`.
pub(crate) fn p_strerror(ts: &ThreadState, _m: &Value, a: Args, k: Kw) -> PyResult<Value> {
    let a = args::exact("posix.strerror", a, k, 1)?;
    let code = path::int_arg(ts, &a[0])?;
    Ok(pystr::new_str(&path::strerror_text(code)))
}

/// `os.urandom(size, /)`.
pub(crate) fn p_urandom(ts: &ThreadState, _m: &Value, a: Args, k: Kw) -> PyResult<Value> {
    let a = args::exact("posix.urandom", a, k, 1)?;
    let n = crate::types::bytes::ssize_arg(ts, &a[0])?;
    if n < 0 {
        return Err(PyErr::value_error("negative argument not allowed"));
    }
    let mut buf = path::alloc_buf(n as usize)?;
    buf.resize(n as usize, 0);
    getrandom::fill(&mut buf).map_err(|e| path::os_error(e.raw_os_error().unwrap_or(libc::EIO), None, None))?;
    Ok(bytes::new_bytes(buf))
}

/// `os.uname()`.
pub(crate) fn p_uname(_ts: &ThreadState, _m: &Value, a: Args, k: Kw) -> PyResult<Value> {
    args::exact("posix.uname", a, k, 0)?;
    // SAFETY: utsname is plain data; uname fills it.
    let mut u: libc::utsname = unsafe { std::mem::zeroed() };
    // SAFETY: `u` is a valid out-pointer.
    if unsafe { libc::uname(&mut u) } != 0 {
        return Err(path::last_error());
    }
    let field = |f: &[libc::c_char]| {
        let b: Vec<u8> = f.iter().take_while(|&&c| c != 0).map(|&c| c as u8).collect();
        path::fs_decode(&b)
    };
    let v = vec![field(&u.sysname), field(&u.nodename), field(&u.release), field(&u.version), field(&u.machine)];
    structseq::new_value(&super::stat::UNAME_RESULT, v)
}

/// `os.cpu_count()`: the online processors, None when unknown.
pub(crate) fn p_cpu_count(_ts: &ThreadState, _m: &Value, a: Args, k: Kw) -> PyResult<Value> {
    args::exact("posix.cpu_count", a, k, 0)?;
    // SAFETY: sysconf only reads a system setting.
    let n = unsafe { libc::sysconf(libc::_SC_NPROCESSORS_ONLN) };
    Ok(if n >= 1 { int::from_i64(n as i64) } else { none::none() })
}

/// `os.get_terminal_size(fd=1, /)`.
pub(crate) fn p_get_terminal_size(ts: &ThreadState, _m: &Value, a: Args, k: Kw) -> PyResult<Value> {
    let a = crate::modules::fastcall_args("posix", "get_terminal_size", a, k, 0, 1)?;
    let fd = match a.first() {
        Some(v) => path::int_arg(ts, v)?,
        None => 1,
    };
    // SAFETY: winsize is plain data.
    let mut w: libc::winsize = unsafe { std::mem::zeroed() };
    // SAFETY: TIOCGWINSZ fills a winsize; a bad fd only makes the call fail.
    if unsafe { libc::ioctl(fd, libc::TIOCGWINSZ, &mut w) } != 0 {
        return Err(path::last_error());
    }
    structseq::new_value(&super::stat::TERMINAL_SIZE, vec![int::from_i64(w.ws_col as i64), int::from_i64(w.ws_row as i64)])
}

/// `os.times()`: CPU times of the process and its children, in seconds.
pub(crate) fn p_times(_ts: &ThreadState, _m: &Value, a: Args, k: Kw) -> PyResult<Value> {
    args::exact("posix.times", a, k, 0)?;
    // SAFETY: tms is plain data.
    let mut t: libc::tms = unsafe { std::mem::zeroed() };
    // SAFETY: `t` is a valid out-pointer.
    let c = unsafe { libc::times(&mut t) };
    if c == (-1i64) as libc::clock_t {
        return Err(path::last_error());
    }
    // SAFETY: sysconf only reads a system setting.
    let ticks = unsafe { libc::sysconf(libc::_SC_CLK_TCK) } as f64;
    let v = [t.tms_utime, t.tms_stime, t.tms_cutime, t.tms_cstime, c].iter().map(|&x| float::new_float(x as f64 / ticks)).collect();
    structseq::new_value(&super::stat::TIMES_RESULT, v)
}

/// `os.fspath(path)`.
pub(crate) fn p_fspath(ts: &ThreadState, _m: &Value, a: Args, k: Kw) -> PyResult<Value> {
    let [p] = args::bind("fspath", a, k, ["path"], 0, 1, 1)?;
    path::fspath(ts, &p.unwrap_or_else(none::none))
}

/// An environment name or value as CPython's PyUnicode_FSConverter takes
/// it (str, bytes or os.PathLike), without NUL bytes.
fn env_bytes(ts: &ThreadState, fname: &'static str, v: &Value) -> PyResult<CString> {
    let p = path::path_arg(ts, PathSpec::new(fname), Some(v)).map_err(|e| {
        if e.matches(&crate::types::exceptions::TYPE_ERROR) {
            PyErr::type_error(format!("expected str, bytes or os.PathLike object, not {}", crate::object::protocol::type_name(v)))
        } else if e.matches(&crate::types::exceptions::VALUE_ERROR) {
            PyErr::value_error("embedded null byte")
        } else {
            e
        }
    })?;
    Ok(p.c_or_dot())
}

/// A putenv name: '=' is refused here, an empty name by the C library.
fn env_name(ts: &ThreadState, fname: &'static str, v: &Value) -> PyResult<CString> {
    let name = env_bytes(ts, fname, v)?;
    if name.as_bytes().contains(&b'=') {
        return Err(PyErr::value_error("illegal environment variable name"));
    }
    Ok(name)
}

/// `os.putenv(name, value, /)`.
pub(crate) fn p_putenv(ts: &ThreadState, _m: &Value, a: Args, k: Kw) -> PyResult<Value> {
    let a = crate::modules::fastcall_args("posix", "putenv", a, k, 2, 2)?;
    let name = env_name(ts, "putenv", &a[0])?;
    let value = env_bytes(ts, "putenv", &a[1])?;
    // SAFETY: both strings are NUL-terminated; the interpreter runs one
    // thread, so nothing reads the environment concurrently.
    if unsafe { libc::setenv(name.as_ptr(), value.as_ptr(), 1) } != 0 {
        return Err(path::last_error());
    }
    Ok(none::none())
}

/// `os.unsetenv(name, /)`.
pub(crate) fn p_unsetenv(ts: &ThreadState, _m: &Value, a: Args, k: Kw) -> PyResult<Value> {
    let a = args::exact("posix.unsetenv", a, k, 1)?;
    // The C library refuses '=' and empty names (EINVAL).
    let name = env_bytes(ts, "unsetenv", &a[0])?;
    // SAFETY: the name is NUL-terminated; one thread touches the environment.
    if unsafe { libc::unsetenv(name.as_ptr()) } != 0 {
        return Err(path::last_error());
    }
    Ok(none::none())
}
