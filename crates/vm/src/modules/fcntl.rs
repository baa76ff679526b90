//! `fcntl`: fcntl, ioctl, flock and lockf on file descriptors (CPython's
//! Modules/fcntlmodule.c) and the Linux constants.

use crate::object::protocol;
use crate::object::value::Value;
use crate::runtime::errors::{PyErr, PyResult};
use crate::runtime::thread::ThreadState;
use crate::types::{bytearray, bytes, int, none, str as pystr};

type Args<'a> = &'a [Value];
type Kw<'a> = Option<&'a Value>;

/// The size of the copy CPython makes of a buffer argument.
const BUF_MAX: usize = 1024;

fn errno() -> i32 {
    std::io::Error::last_os_error().raw_os_error().unwrap_or(libc::EIO)
}

fn os_error() -> PyErr {
    crate::modules::io::os_error(errno(), None)
}

/// Call `f` until it stops failing with EINTR, running signal handlers in
/// between (PEP 475).
fn retry(ts: &ThreadState, mut f: impl FnMut() -> libc::c_int) -> PyResult<libc::c_int> {
    loop {
        let r = f();
        if r != -1 {
            return Ok(r);
        }
        if errno() != libc::EINTR {
            return Err(os_error());
        }
        crate::runtime::thread::handle_pending_signals(ts)?;
    }
}

/// The read-only bytes of a str (UTF-8) or bytes argument (`s#`), if it is one.
fn readonly_data(ts: &ThreadState, v: &Value) -> PyResult<Option<Vec<u8>>> {
    if let Some(d) = bytes::try_bytes_data(v) {
        return Ok(Some(d));
    }
    if pystr::as_pystr(v).is_some() {
        let b = bytes::encode_str(ts, v, "utf-8", "strict")?;
        return Ok(bytes::try_bytes_data(&b));
    }
    Ok(None)
}

/// `fcntl.fcntl(fd, cmd, arg=0, /)`.
fn f_fcntl(ts: &ThreadState, _m: &Value, a: Args, k: Kw) -> PyResult<Value> {
    let a = crate::modules::fastcall_args("fcntl", "fcntl", a, k, 2, 3)?;
    let fd = crate::modules::select::fileno_arg(ts, &a[0])?;
    let cmd = int::c_int_arg(ts, &a[1])?;
    let mut iarg: libc::c_int = 0;
    if let Some(arg) = a.get(2) {
        if let Some(data) = readonly_data(ts, arg)? {
            if data.len() > BUF_MAX {
                return Err(PyErr::value_error("fcntl string arg too long"));
            }
            let mut buf = [0u8; BUF_MAX];
            buf[..data.len()].copy_from_slice(&data);
            // SAFETY: the command gets a pointer to a buffer of BUF_MAX bytes.
            retry(ts, || unsafe { libc::fcntl(fd, cmd, buf.as_mut_ptr()) })?;
            return Ok(bytes::new_bytes(buf[..data.len()].to_vec()));
        }
        iarg = int::c_int_arg(ts, arg)?;
    }
    // SAFETY: an int argument to an int command.
    let r = retry(ts, || unsafe { libc::fcntl(fd, cmd, iarg) })?;
    Ok(int::from_i64(r as i64))
}

/// `fcntl.ioctl(fd, request, arg=0, mutate_flag=True, /)`.
fn f_ioctl(ts: &ThreadState, _m: &Value, a: Args, k: Kw) -> PyResult<Value> {
    let a = crate::modules::fastcall_args("fcntl", "ioctl", a, k, 2, 4)?;
    let fd = crate::modules::select::fileno_arg(ts, &a[0])?;
    // An unsigned int taken bitwise (no range check), as CPython's `I`.
    let req = protocol::index(ts, &a[1])?;
    let req = int::as_int(&req).map(|r| r.to_bigint()).unwrap_or_default();
    let req = (req & num_bigint::BigInt::from(u32::MAX)).to_u32_digits().1.first().copied().unwrap_or(0) as libc::c_ulong;
    let mutate = match a.get(3) {
        Some(m) => protocol::is_true(ts, m)?,
        None => true,
    };
    if let Some(arg) = a.get(2) {
        if let Some(ba) = bytearray::as_bytearray(arg) {
            let mut data = ba.data.borrow().clone();
            let len = data.len();
            let r;
            if mutate && len > BUF_MAX {
                // SAFETY: the request gets the whole (large) buffer.
                r = retry(ts, || unsafe { libc::ioctl(fd, req as _, data.as_mut_ptr()) })?;
            } else {
                if len > BUF_MAX {
                    return Err(PyErr::value_error("ioctl string arg too long"));
                }
                let mut buf = [0u8; BUF_MAX];
                buf[..len].copy_from_slice(&data);
                // SAFETY: the request gets a pointer to a buffer of BUF_MAX bytes.
                r = retry(ts, || unsafe { libc::ioctl(fd, req as _, buf.as_mut_ptr()) })?;
                data.copy_from_slice(&buf[..len]);
                if !mutate {
                    return Ok(bytes::new_bytes(data));
                }
            }
            *ba.data.borrow_mut() = data;
            return Ok(int::from_i64(r as i64));
        }
        let ro = match readonly_data(ts, arg)? {
            Some(d) => Some(d),
            None if bytes::has_buffer(arg) => bytes::buffer_data(arg).map(|c| c.into_owned()),
            None => None,
        };
        if let Some(data) = ro {
            if data.len() > BUF_MAX {
                return Err(PyErr::value_error("ioctl string arg too long"));
            }
            let mut buf = [0u8; BUF_MAX];
            buf[..data.len()].copy_from_slice(&data);
            // SAFETY: the request gets a pointer to a buffer of BUF_MAX bytes.
            retry(ts, || unsafe { libc::ioctl(fd, req as _, buf.as_mut_ptr()) })?;
            return Ok(bytes::new_bytes(buf[..data.len()].to_vec()));
        }
        let iarg = int::c_int_arg(ts, arg)?;
        // SAFETY: an int argument.
        let r = retry(ts, || unsafe { libc::ioctl(fd, req as _, iarg) })?;
        return Ok(int::from_i64(r as i64));
    }
    // SAFETY: an int argument.
    let r = retry(ts, || unsafe { libc::ioctl(fd, req as _, 0 as libc::c_int) })?;
    Ok(int::from_i64(r as i64))
}

/// `fcntl.flock(fd, operation, /)`.
fn f_flock(ts: &ThreadState, _m: &Value, a: Args, k: Kw) -> PyResult<Value> {
    let a = crate::modules::fastcall_args("fcntl", "flock", a, k, 2, 2)?;
    let fd = crate::modules::select::fileno_arg(ts, &a[0])?;
    let op = int::c_int_arg(ts, &a[1])?;
    // SAFETY: flock takes plain ints.
    retry(ts, || unsafe { libc::flock(fd, op) })?;
    Ok(none::none())
}

/// `fcntl.lockf(fd, cmd, len=0, start=0, whence=0, /)`, through fcntl locks.
fn f_lockf(ts: &ThreadState, _m: &Value, a: Args, k: Kw) -> PyResult<Value> {
    let a = crate::modules::fastcall_args("fcntl", "lockf", a, k, 2, 5)?;
    let fd = crate::modules::select::fileno_arg(ts, &a[0])?;
    let code = int::c_int_arg(ts, &a[1])?;
    let off = |v: Option<&Value>| -> PyResult<i64> {
        match v {
            None => Ok(0),
            Some(v) => {
                let i = protocol::index(ts, v)?;
                int::to_i64_checked(&i)
            }
        }
    };
    let len = off(a.get(2))?;
    let start = off(a.get(3))?;
    let whence = match a.get(4) {
        Some(w) => int::c_int_arg(ts, w)?,
        None => 0,
    };
    let ltype = if code == libc::LOCK_UN {
        libc::F_UNLCK
    } else if code & libc::LOCK_SH != 0 {
        libc::F_RDLCK
    } else if code & libc::LOCK_EX != 0 {
        libc::F_WRLCK
    } else {
        return Err(PyErr::value_error("unrecognized lockf argument"));
    };
    // SAFETY: flock is plain data.
    let mut l: libc::flock = unsafe { std::mem::zeroed() };
    l.l_type = ltype as _;
    l.l_whence = whence as _;
    l.l_start = start;
    l.l_len = len;
    let cmd = if code & libc::LOCK_NB != 0 { libc::F_SETLK } else { libc::F_SETLKW };
    // SAFETY: `l` is a valid struct flock.
    retry(ts, || unsafe { libc::fcntl(fd, cmd, &mut l as *mut libc::flock) })?;
    Ok(none::none())
}

/// The module's constants (Linux values).
const CONSTANTS: &[(&str, i64)] = &[
    ("DN_ACCESS", 1),
    ("DN_ATTRIB", 32),
    ("DN_CREATE", 4),
    ("DN_DELETE", 8),
    ("DN_MODIFY", 2),
    ("DN_MULTISHOT", 2147483648),
    ("DN_RENAME", 16),
    ("FASYNC", libc::O_ASYNC as i64),
    ("FD_CLOEXEC", libc::FD_CLOEXEC as i64),
    ("F_ADD_SEALS", libc::F_ADD_SEALS as i64),
    ("F_DUPFD", libc::F_DUPFD as i64),
    ("F_DUPFD_CLOEXEC", libc::F_DUPFD_CLOEXEC as i64),
    ("F_EXLCK", 4),
    ("F_GETFD", libc::F_GETFD as i64),
    ("F_GETFL", libc::F_GETFL as i64),
    ("F_GETLEASE", libc::F_GETLEASE as i64),
    ("F_GETLK", libc::F_GETLK as i64),
    ("F_GETLK64", libc::F_GETLK as i64),
    ("F_GETOWN", libc::F_GETOWN as i64),
    ("F_GETPIPE_SZ", libc::F_GETPIPE_SZ as i64),
    ("F_GETSIG", 11),
    ("F_GET_SEALS", libc::F_GET_SEALS as i64),
    ("F_NOTIFY", libc::F_NOTIFY as i64),
    ("F_OFD_GETLK", libc::F_OFD_GETLK as i64),
    ("F_OFD_SETLK", libc::F_OFD_SETLK as i64),
    ("F_OFD_SETLKW", libc::F_OFD_SETLKW as i64),
    ("F_RDLCK", libc::F_RDLCK as i64),
    ("F_SEAL_GROW", libc::F_SEAL_GROW as i64),
    ("F_SEAL_SEAL", libc::F_SEAL_SEAL as i64),
    ("F_SEAL_SHRINK", libc::F_SEAL_SHRINK as i64),
    ("F_SEAL_WRITE", libc::F_SEAL_WRITE as i64),
    ("F_SETFD", libc::F_SETFD as i64),
    ("F_SETFL", libc::F_SETFL as i64),
    ("F_SETLEASE", libc::F_SETLEASE as i64),
    ("F_SETLK", libc::F_SETLK as i64),
    ("F_SETLK64", libc::F_SETLK as i64),
    ("F_SETLKW", libc::F_SETLKW as i64),
    ("F_SETLKW64", libc::F_SETLKW as i64),
    ("F_SETOWN", libc::F_SETOWN as i64),
    ("F_SETPIPE_SZ", libc::F_SETPIPE_SZ as i64),
    ("F_SETSIG", 10),
    ("F_SHLCK", 8),
    ("F_UNLCK", libc::F_UNLCK as i64),
    ("F_WRLCK", libc::F_WRLCK as i64),
    ("LOCK_EX", libc::LOCK_EX as i64),
    ("LOCK_MAND", 32),
    ("LOCK_NB", libc::LOCK_NB as i64),
    ("LOCK_READ", 64),
    ("LOCK_RW", 192),
    ("LOCK_SH", libc::LOCK_SH as i64),
    ("LOCK_UN", libc::LOCK_UN as i64),
    ("LOCK_WRITE", 128),
];

/// Create the `fcntl` module.
pub fn create(ts: &ThreadState) -> PyResult<Value> {
    let (m, d) = super::new_native_module(ts, "fcntl", &[("fcntl", f_fcntl), ("flock", f_flock), ("ioctl", f_ioctl), ("lockf", f_lockf)])?;
    for (name, v) in CONSTANTS {
        super::set_attr(ts, &d, name, int::from_i64(*v))?;
    }
    Ok(m)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn constants_match_python() {
        // Values printed by python3 on Linux x86-64.
        let get = |n: &str| CONSTANTS.iter().find(|(k, _)| *k == n).map(|(_, v)| *v);
        assert_eq!(get("F_DUPFD_CLOEXEC"), Some(1030));
        assert_eq!(get("F_GETPIPE_SZ"), Some(1032));
        assert_eq!(get("FASYNC"), Some(8192));
        assert_eq!(get("F_OFD_SETLKW"), Some(38));
        assert_eq!(get("LOCK_UN"), Some(8));
        assert!(CONSTANTS.windows(2).all(|w| w[0].0 < w[1].0));
    }
}
