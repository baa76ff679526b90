//! `_posixsubprocess`: `fork_exec`, the fork-and-exec primitive under the
//! standard library's subprocess.Popen (CPython's Modules/_posixsubprocess.c).
//!
//! All conversions (argv, environment, paths, groups) happen in the parent;
//! the child only performs system calls, optionally runs `preexec_fn`, and
//! reports a failure as "ExceptionName:hex errno:detail" on `errpipe_write`
//! before `_exit(255)` — it never returns into the interpreter.

use std::ffi::CString;

use crate::object::protocol;
use crate::object::value::Value;
use crate::runtime::errors::{PyErr, PyResult};
use crate::runtime::thread::ThreadState;
use crate::types::{bytes, int, list, none, str as pystr, tuple};

type Args<'a> = &'a [Value];
type Kw<'a> = Option<&'a Value>;

/// `PyUnicode_FSConverter`: str (UTF-8, surrogateescape), bytes or
/// os.PathLike to bytes without NUL.
fn fs_convert(ts: &ThreadState, v: &Value) -> PyResult<CString> {
    let v = if pystr::as_pystr(v).is_some() || bytes::try_bytes_data(v).is_some() {
        v.clone()
    } else {
        match protocol::call_special(ts, v, "__fspath__", &[])? {
            Some(r) if pystr::as_pystr(&r).is_some() || bytes::try_bytes_data(&r).is_some() => r,
            Some(r) => {
                return Err(PyErr::type_error(format!(
                    "expected {}.__fspath__() to return str or bytes, not {}",
                    protocol::type_name(v),
                    protocol::type_name(&r)
                )))
            }
            None => return Err(PyErr::type_error(format!("expected str, bytes or os.PathLike object, not {}", protocol::type_name(v)))),
        }
    };
    let data = match bytes::try_bytes_data(&v) {
        Some(d) => d,
        None => {
            let b = bytes::encode_str(ts, &v, "utf-8", "surrogateescape")?;
            bytes::try_bytes_data(&b).ok_or_else(|| PyErr::system_error("fs_convert"))?
        }
    };
    CString::new(data).map_err(|_| PyErr::value_error("embedded null byte"))
}

/// `_PySequence_BytesToCharpArray`: a sequence of bytes objects.
fn bytes_array(ts: &ThreadState, seq: &Value) -> PyResult<Vec<CString>> {
    let n = protocol::len(ts, seq)?;
    let mut out = Vec::with_capacity(n);
    for i in 0..n {
        let item = protocol::getitem(ts, seq, &int::from_usize(i))?;
        let data = bytes::try_bytes_data(&item)
            .ok_or_else(|| PyErr::type_error(format!("expected bytes, {} found", protocol::type_name(&item))))?;
        out.push(CString::new(data).map_err(|_| PyErr::value_error("embedded null byte"))?);
    }
    Ok(out)
}

/// `_sanity_check_python_fd_sequence`: ints in strictly increasing order, each
/// a valid fd; the fds to keep.
fn fds_to_keep(seq: &Value) -> PyResult<Vec<i32>> {
    let bad = || PyErr::value_error("bad value(s) in fds_to_keep");
    let items = tuple::try_tuple_items(seq).ok_or_else(|| PyErr::type_error(format!("fork_exec() argument 4 must be tuple, not {}", protocol::type_name(seq))))?;
    let mut prev: i64 = -1;
    let mut out = Vec::with_capacity(items.len());
    for it in items.iter() {
        let fd = int::as_int(it).ok_or_else(bad)?.to_i64().ok_or_else(bad)?;
        if fd < 0 || fd <= prev || fd > i32::MAX as i64 {
            return Err(bad());
        }
        prev = fd;
        out.push(fd as i32);
    }
    Ok(out)
}

/// A uid/gid argument (`_Py_Uid_Converter`): -1 means "leave unchanged".
fn id_arg(ts: &ThreadState, v: &Value, what: &str) -> PyResult<u32> {
    if !int::is_int(v) && v.type_of().data.slots.index.get().is_none() {
        return Err(PyErr::type_error(format!("{what} should be integer, not {}", protocol::type_name(v))));
    }
    let i = protocol::index(ts, v)?;
    match int::as_int(&i).and_then(|r| r.to_i64()) {
        Some(-1) => Ok(u32::MAX),
        Some(x) if (0..u32::MAX as i64).contains(&x) => Ok(x as u32),
        Some(x) if x < 0 => Err(PyErr::overflow_error(format!("{what} is less than minimum"))),
        _ => Err(PyErr::overflow_error(format!("{what} is greater than maximum"))),
    }
}

/// Everything the child needs, converted beforehand.
struct ChildPlan {
    argv: Vec<CString>,
    exec_list: Vec<CString>,
    envp: Option<Vec<CString>>,
    cwd: Option<CString>,
    keep: Vec<i32>,
    close_fds: bool,
    fds: [i32; 8],
    restore_signals: bool,
    setsid: bool,
    pgid: i32,
    groups: Option<Vec<libc::gid_t>>,
    gid: u32,
    uid: u32,
    umask: i32,
    preexec_fn: Option<Value>,
}

fn errno() -> i32 {
    std::io::Error::last_os_error().raw_os_error().unwrap_or(libc::EIO)
}

/// Write all of `data` to `fd`, retrying on EINTR, ignoring other errors
/// (the child can do nothing about them).
fn write_noraise(fd: i32, data: &[u8]) {
    let mut off = 0;
    while off < data.len() {
        // SAFETY: the pointer and length describe the live slice `data[off..]`.
        let n = unsafe { libc::write(fd, data[off..].as_ptr().cast(), data.len() - off) };
        if n < 0 {
            if errno() == libc::EINTR {
                continue;
            }
            return;
        }
        off += n as usize;
    }
}

fn set_inheritable(fd: i32, inheritable: bool) -> Result<(), i32> {
    // SAFETY: fcntl on an int fd with int arguments.
    let flags = unsafe { libc::fcntl(fd, libc::F_GETFD) };
    if flags < 0 {
        return Err(errno());
    }
    let new = if inheritable { flags & !libc::FD_CLOEXEC } else { flags | libc::FD_CLOEXEC };
    // SAFETY: as above.
    if new != flags && unsafe { libc::fcntl(fd, libc::F_SETFD, new) } < 0 {
        return Err(errno());
    }
    Ok(())
}

fn check(r: libc::c_int) -> Result<libc::c_int, i32> {
    if r < 0 {
        Err(errno())
    } else {
        Ok(r)
    }
}

/// Close every fd from `lo` to `hi` inclusive.
fn close_range(lo: i32, hi: i32) {
    if lo > hi {
        return;
    }
    // SAFETY: close_range takes plain ints; failure (an old kernel) falls
    // back to closing one by one.
    let r = unsafe { libc::syscall(libc::SYS_close_range, lo as libc::c_uint, hi as libc::c_uint, 0 as libc::c_uint) };
    if r == 0 {
        return;
    }
    // SAFETY: sysconf has no memory effects.
    let max = unsafe { libc::sysconf(libc::_SC_OPEN_MAX) };
    let top = if max > 0 { (max as i64 - 1).min(hi as i64) as i32 } else { hi.min(65535) };
    for fd in lo..=top {
        // SAFETY: closing an fd that may not be open is harmless.
        unsafe { libc::close(fd) };
    }
}

/// `_close_open_fds`: close fds from 3 up, except those in `keep` (sorted).
fn close_open_fds(keep: &[i32]) {
    let mut lo = 3;
    for &k in keep {
        if k >= lo {
            close_range(lo, k - 1);
            lo = k + 1;
        }
    }
    close_range(lo, i32::MAX);
}

/// The child's work after fork; returns the errno to report and whether
/// exec was reached (None: preexec_fn raised).
fn child_exec(ts: &ThreadState, p: &ChildPlan) -> (i32, bool) {
    let [p2cread, p2cwrite, c2pread, mut c2pwrite, errread, mut errwrite, errpipe_read, errpipe_write] = p.fds;
    let mut pre = || -> Result<(), i32> {
        // make_inheritable: the fds to keep pass to the program, except the
        // error pipe which must close on a successful exec.
        for &fd in &p.keep {
            if fd != errpipe_write {
                set_inheritable(fd, true)?;
            }
        }
        // SAFETY (all calls below): system calls on int fds, NUL-terminated
        // paths and a live groups array.
        unsafe {
            if p2cwrite != -1 {
                check(libc::close(p2cwrite))?;
            }
            if c2pread != -1 {
                check(libc::close(c2pread))?;
            }
            if errread != -1 {
                check(libc::close(errread))?;
            }
            check(libc::close(errpipe_read))?;
            // A pipe end on 0..2 would be overwritten by the dup2s (#12607).
            if c2pwrite == 0 {
                c2pwrite = check(libc::dup(c2pwrite))?;
                set_inheritable(c2pwrite, false)?;
            }
            while errwrite == 0 || errwrite == 1 {
                errwrite = check(libc::dup(errwrite))?;
                set_inheritable(errwrite, false)?;
            }
            // dup2 clears close-on-exec, but does nothing when the fd is
            // already in place (#10806): clear it then by hand.
            for (fd, target) in [(p2cread, 0), (c2pwrite, 1), (errwrite, 2)] {
                if fd == target {
                    set_inheritable(fd, true)?;
                } else if fd != -1 {
                    check(libc::dup2(fd, target))?;
                }
            }
            if let Some(cwd) = &p.cwd {
                check(libc::chdir(cwd.as_ptr()))?;
            }
            if p.umask >= 0 {
                libc::umask(p.umask as libc::mode_t);
            }
            if p.restore_signals {
                libc::signal(libc::SIGPIPE, libc::SIG_DFL);
                libc::signal(libc::SIGXFSZ, libc::SIG_DFL);
            }
            if p.setsid {
                check(libc::setsid())?;
            }
            if p.pgid >= 0 {
                check(libc::setpgid(0, p.pgid))?;
            }
            if let Some(g) = &p.groups {
                check(libc::setgroups(g.len(), g.as_ptr()))?;
            }
            if p.gid != u32::MAX {
                check(libc::setregid(p.gid, p.gid))?;
            }
            if p.uid != u32::MAX {
                check(libc::setreuid(p.uid, p.uid))?;
            }
        }
        Ok(())
    };
    if let Err(e) = pre() {
        return (e, false);
    }
    if let Some(f) = &p.preexec_fn {
        if protocol::call(ts, f, &[], None).is_err() {
            return (0, true);
        }
    }
    // Closed after preexec_fn, which may open fds.
    if p.close_fds {
        close_open_fds(&p.keep);
    }
    let mut argv: Vec<*const libc::c_char> = p.argv.iter().map(|a| a.as_ptr()).collect();
    argv.push(std::ptr::null());
    let envp: Option<Vec<*const libc::c_char>> = p.envp.as_ref().map(|e| e.iter().map(|a| a.as_ptr()).chain(std::iter::once(std::ptr::null())).collect());
    let mut saved = 0;
    for exe in &p.exec_list {
        // SAFETY: exe, argv and envp are NUL-terminated arrays of
        // NUL-terminated strings kept alive by `p`, `argv` and `envp`.
        unsafe {
            match &envp {
                Some(e) => libc::execve(exe.as_ptr(), argv.as_ptr(), e.as_ptr()),
                None => libc::execv(exe.as_ptr(), argv.as_ptr()),
            };
        }
        let e = errno();
        // As os._execvpe: report the first error that is not "not found".
        if e != libc::ENOENT && e != libc::ENOTDIR && saved == 0 {
            saved = e;
        }
    }
    let e = if saved != 0 { saved } else { errno() };
    (e, true)
}

/// The error report the child writes to the error pipe.
fn error_report(err: i32, reached_exec: bool) -> Vec<u8> {
    if err != 0 {
        let mut s = format!("OSError:{err:x}:").into_bytes();
        if !reached_exec {
            s.extend_from_slice(b"noexec");
        }
        s
    } else {
        b"SubprocessError:0:Exception occurred in preexec_fn.".to_vec()
    }
}

/// `fork_exec(args, executable_list, close_fds, pass_fds, cwd, env, p2cread,
/// p2cwrite, c2pread, c2pwrite, errread, errwrite, errpipe_read,
/// errpipe_write, restore_signals, call_setsid, pgid_to_set, gid,
/// extra_groups, uid, child_umask, preexec_fn[, allow_vfork])` → pid.
fn fork_exec(ts: &ThreadState, _m: &Value, a: Args, k: Kw) -> PyResult<Value> {
    crate::object::args::no_kwargs("fork_exec", k)?;
    // 3.11.0 has 22 arguments; later 3.11 releases add allow_vfork.
    if a.len() != 22 && a.len() != 23 {
        return Err(PyErr::type_error(format!(
            "fork_exec() takes exactly {} arguments ({} given)",
            if a.len() < 22 { 22 } else { 23 },
            a.len()
        )));
    }
    let close_fds = protocol::is_true(ts, &a[2])?;
    let keep = fds_to_keep(&a[3])?;
    let mut fds = [0i32; 8];
    for (i, slot) in fds.iter_mut().enumerate() {
        *slot = int::c_int_arg(ts, &a[6 + i])?;
    }
    let errpipe_write = fds[7];
    let restore_signals = protocol::is_true(ts, &a[14])?;
    let setsid = protocol::is_true(ts, &a[15])?;
    let pgid = int::c_int_arg(ts, &a[16])?;
    let umask = int::c_int_arg(ts, &a[20])?;
    if close_fds && errpipe_write < 3 {
        return Err(PyErr::value_error("errpipe_write must be >= 3"));
    }
    let argv = if none::is_none(&a[0]) {
        Vec::new()
    } else {
        let items = protocol::collect(ts, &a[0]).map_err(|e| {
            if e.matches(&crate::types::exceptions::TYPE_ERROR) {
                PyErr::type_error("argv must be a tuple")
            } else {
                e
            }
        })?;
        let mut v = Vec::with_capacity(items.len());
        for x in &items {
            v.push(fs_convert(ts, x)?);
        }
        v
    };
    let exec_list = bytes_array(ts, &a[1])?;
    let envp = if none::is_none(&a[5]) { None } else { Some(bytes_array(ts, &a[5])?) };
    let cwd = if none::is_none(&a[4]) { None } else { Some(fs_convert(ts, &a[4])?) };
    let groups = if none::is_none(&a[18]) {
        None
    } else {
        let Some(l) = a[18].downcast::<list::PyList>() else {
            return Err(PyErr::type_error("setgroups argument must be a list"));
        };
        let items = l.snapshot();
        // SAFETY: sysconf has no memory effects.
        let max = unsafe { libc::sysconf(libc::_SC_NGROUPS_MAX) };
        if max >= 0 && items.len() as i64 > max {
            return Err(PyErr::value_error("too many extra_groups"));
        }
        let mut g = Vec::with_capacity(items.len());
        for x in &items {
            g.push(id_arg(ts, x, "gid")?);
        }
        Some(g)
    };
    let gid = if none::is_none(&a[17]) { u32::MAX } else { id_arg(ts, &a[17], "gid")? };
    let uid = if none::is_none(&a[19]) { u32::MAX } else { id_arg(ts, &a[19], "uid")? };
    let preexec_fn = if none::is_none(&a[21]) { None } else { Some(a[21].clone()) };
    let plan = ChildPlan { argv, exec_list, envp, cwd, keep, close_fds, fds, restore_signals, setsid, pgid, groups, gid, uid, umask, preexec_fn };

    // SAFETY: the child only makes system calls (and preexec_fn, as
    // CPython allows) and always leaves through _exit.
    let pid = unsafe { libc::fork() };
    if pid == 0 {
        let (err, reached) = child_exec(ts, &plan);
        write_noraise(errpipe_write, &error_report(err, reached));
        // SAFETY: _exit ends the child without running atexit handlers,
        // finalizers or stdio flushes of the parent's state.
        unsafe { libc::_exit(255) }
    }
    if pid < 0 {
        return Err(crate::modules::io::os_error(errno(), None));
    }
    Ok(int::from_i64(pid as i64))
}

/// Create the `_posixsubprocess` module.
pub fn create(ts: &ThreadState) -> PyResult<Value> {
    let (m, _d) = super::new_native_module(ts, "_posixsubprocess", &[("fork_exec", fork_exec)])?;
    Ok(m)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn reports() {
        // Formats subprocess.py parses: errno 2 before exec, 13 at exec, preexec_fn failure.
        assert_eq!(error_report(2, false), b"OSError:2:noexec");
        assert_eq!(error_report(13, true), b"OSError:d:");
        assert_eq!(error_report(0, true), b"SubprocessError:0:Exception occurred in preexec_fn.");
    }
}
