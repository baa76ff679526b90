//! Process control of the posix module: _exit, abort, kill, fork, exec,
//! system, waitpid and the wait status macros.

use std::ffi::CString;

use crate::object::args;
use crate::object::protocol;
use crate::object::value::Value;
use crate::runtime::errors::{PyErr, PyResult};
use crate::runtime::thread::ThreadState;
use crate::types::{bool_, int, list, none, tuple};

use super::path::{self, PathSpec};

type Args<'a> = &'a [Value];
type Kw<'a> = Option<&'a Value>;

fn req(v: Option<Value>) -> Value {
    v.unwrap_or_else(none::none)
}

/// `os._exit(status)`: leave at once, without cleanup.
pub(crate) fn p_exit(ts: &ThreadState, _m: &Value, a: Args, k: Kw) -> PyResult<Value> {
    let [status] = args::bind("_exit", a, k, ["status"], 0, 1, 1)?;
    let status = path::int_arg(ts, &req(status))?;
    // SAFETY: _exit ends the process; nothing runs after it.
    unsafe { libc::_exit(status) }
}

/// `os.abort()`.
pub(crate) fn p_abort(_ts: &ThreadState, _m: &Value, a: Args, k: Kw) -> PyResult<Value> {
    args::exact("posix.abort", a, k, 0)?;
    // SAFETY: abort ends the process with SIGABRT.
    unsafe { libc::abort() }
}

/// `os.kill(pid, signal, /)`.
pub(crate) fn p_kill(ts: &ThreadState, _m: &Value, a: Args, k: Kw) -> PyResult<Value> {
    // A METH_VARARGS function: the two checks word their messages apart.
    args::no_kwargs("posix.kill", k)?;
    let a = crate::modules::parse_tuple_args("kill", a, None, 2, 2)?;
    let pid = path::int_arg(ts, &a[0])?;
    let sig = path::int_arg(ts, &a[1])?;
    // SAFETY: kill takes plain ints.
    if unsafe { libc::kill(pid, sig) } != 0 {
        return Err(path::last_error());
    }
    // A signal sent to this process is handled before returning.
    crate::runtime::thread::handle_pending_signals(ts)?;
    Ok(none::none())
}

/// `os.fork()`: 0 in the child, the child's pid in the parent.
pub(crate) fn p_fork(ts: &ThreadState, _m: &Value, a: Args, k: Kw) -> PyResult<Value> {
    args::exact("posix.fork", a, k, 0)?;
    use super::extra::{run_fork_hooks, ForkPhase};
    run_fork_hooks(ts, ForkPhase::Before);
    // SAFETY: the interpreter runs a single thread, so the child's copy of
    // memory is consistent.
    let pid = unsafe { libc::fork() };
    if pid < 0 {
        let err = path::last_error();
        run_fork_hooks(ts, ForkPhase::Parent);
        return Err(err);
    }
    run_fork_hooks(ts, if pid == 0 { ForkPhase::Child } else { ForkPhase::Parent });
    Ok(int::from_i64(pid as i64))
}

/// `os.waitpid(pid, options, /)` → (pid, status).
pub(crate) fn p_waitpid(ts: &ThreadState, _m: &Value, a: Args, k: Kw) -> PyResult<Value> {
    // A METH_VARARGS function: the two checks word their messages apart.
    args::no_kwargs("posix.waitpid", k)?;
    let a = crate::modules::parse_tuple_args("waitpid", a, None, 2, 2)?;
    let pid = path::int_arg(ts, &a[0])?;
    let options = path::int_arg(ts, &a[1])?;
    let mut status: libc::c_int = 0;
    loop {
        // SAFETY: `status` is a valid out-pointer.
        let r = unsafe { libc::waitpid(pid, &mut status, options) };
        if r >= 0 {
            return tuple::new_tuple(vec![int::from_i64(r as i64), int::from_i64(status as i64)]);
        }
        if path::errno() != libc::EINTR {
            return Err(path::last_error());
        }
        crate::runtime::thread::handle_pending_signals(ts)?;
    }
}

/// `os.waitid(idtype, id, options, /)`: a waitid_result, or None when
/// WNOHANG found no child to report.
pub(crate) fn p_waitid(ts: &ThreadState, _m: &Value, a: Args, k: Kw) -> PyResult<Value> {
    let a = crate::modules::fastcall_args("posix", "waitid", a, k, 3, 3)?;
    let idtype = path::int_arg(ts, &a[0])?;
    let id = path::int_arg(ts, &a[1])?;
    let options = path::int_arg(ts, &a[2])?;
    // SAFETY: siginfo_t is plain data; waitid fills it.
    let mut info: libc::siginfo_t = unsafe { std::mem::zeroed() };
    loop {
        // SAFETY: `info` is a valid out-pointer.
        let r = unsafe { libc::waitid(idtype as libc::idtype_t, id as libc::id_t, &mut info, options) };
        if r == 0 {
            break;
        }
        if path::errno() != libc::EINTR {
            return Err(path::last_error());
        }
        crate::runtime::thread::handle_pending_signals(ts)?;
    }
    // SAFETY: after a successful waitid the child fields are set (all zero
    // when WNOHANG found nothing).
    let (pid, uid, status) = unsafe { (info.si_pid(), info.si_uid(), info.si_status()) };
    if pid == 0 {
        return Ok(none::none());
    }
    let v = [pid as i64, uid as i64, info.si_signo as i64, status as i64, info.si_code as i64];
    crate::modules::structseq::new_value(&super::stat::WAITID_RESULT, v.iter().map(|&x| int::from_i64(x)).collect())
}

fn status_arg(ts: &ThreadState, fname: &str, a: Args, k: Kw) -> PyResult<i32> {
    let [status] = args::bind(fname, a, k, ["status"], 0, 1, 1)?;
    path::int_arg(ts, &req(status))
}

macro_rules! wait_bool {
    ($name:ident, $py:literal, $f:ident) => {
        pub(crate) fn $name(ts: &ThreadState, _m: &Value, a: Args, k: Kw) -> PyResult<Value> {
            let s = status_arg(ts, $py, a, k)?;
            Ok(bool_::new_bool(libc::$f(s)))
        }
    };
}
macro_rules! wait_int {
    ($name:ident, $py:literal, $f:ident) => {
        pub(crate) fn $name(ts: &ThreadState, _m: &Value, a: Args, k: Kw) -> PyResult<Value> {
            let s = status_arg(ts, $py, a, k)?;
            Ok(int::from_i64(libc::$f(s) as i64))
        }
    };
}
/// `os.WCOREDUMP(status, /)` (positional-only, unlike its siblings).
pub(crate) fn p_wcoredump(ts: &ThreadState, _m: &Value, a: Args, k: Kw) -> PyResult<Value> {
    let a = args::exact("posix.WCOREDUMP", a, k, 1)?;
    let s = path::int_arg(ts, &a[0])?;
    Ok(bool_::new_bool(libc::WCOREDUMP(s)))
}
wait_bool!(p_wifcontinued, "WIFCONTINUED", WIFCONTINUED);
wait_bool!(p_wifexited, "WIFEXITED", WIFEXITED);
wait_bool!(p_wifsignaled, "WIFSIGNALED", WIFSIGNALED);
wait_bool!(p_wifstopped, "WIFSTOPPED", WIFSTOPPED);
wait_int!(p_wexitstatus, "WEXITSTATUS", WEXITSTATUS);
wait_int!(p_wstopsig, "WSTOPSIG", WSTOPSIG);
wait_int!(p_wtermsig, "WTERMSIG", WTERMSIG);

/// `os.waitstatus_to_exitcode(status)`.
pub(crate) fn p_waitstatus_to_exitcode(ts: &ThreadState, _m: &Value, a: Args, k: Kw) -> PyResult<Value> {
    let s = status_arg(ts, "waitstatus_to_exitcode", a, k)?;
    if libc::WIFEXITED(s) {
        return Ok(int::from_i64(libc::WEXITSTATUS(s) as i64));
    }
    if libc::WIFSIGNALED(s) {
        return Ok(int::from_i64(-(libc::WTERMSIG(s) as i64)));
    }
    if libc::WIFSTOPPED(s) {
        return Err(PyErr::value_error(format!("process stopped by delivery of signal {}", libc::WSTOPSIG(s))));
    }
    Err(PyErr::value_error(format!("invalid wait status: {s}")))
}

/// A str, bytes or os.PathLike argument encoded for the C library.
pub(crate) fn fs_converter(ts: &ThreadState, v: &Value) -> PyResult<CString> {
    let p = path::path_arg(ts, PathSpec::new("exec"), Some(v)).map_err(|e| {
        if e.matches(&crate::types::exceptions::TYPE_ERROR) {
            PyErr::type_error(format!("expected str, bytes or os.PathLike object, not {}", protocol::type_name(v)))
        } else if e.matches(&crate::types::exceptions::VALUE_ERROR) {
            PyErr::value_error("embedded null byte")
        } else {
            e
        }
    })?;
    Ok(p.c_or_dot())
}

fn argv_arg(ts: &ThreadState, fname: &str, v: &Value) -> PyResult<Vec<CString>> {
    let items = match tuple::try_tuple_items(v) {
        Some(t) => t.to_vec(),
        None if v.downcast::<list::PyList>().is_some() => protocol::collect(ts, v)?,
        None => return Err(PyErr::type_error(format!("{fname}() arg 2 must be a tuple or list"))),
    };
    if items.is_empty() {
        return Err(PyErr::value_error(format!("{fname}() arg 2 must not be empty")));
    }
    let argv = items.iter().map(|x| fs_converter(ts, x)).collect::<PyResult<Vec<_>>>()?;
    if argv[0].as_bytes().is_empty() {
        return Err(PyErr::value_error(format!("{fname}() arg 2 first element cannot be empty")));
    }
    Ok(argv)
}

fn ptrs(v: &[CString]) -> Vec<*const libc::c_char> {
    v.iter().map(|c| c.as_ptr()).chain(std::iter::once(std::ptr::null())).collect()
}

/// `os.execv(path, argv, /)`.
pub(crate) fn p_execv(ts: &ThreadState, _m: &Value, a: Args, k: Kw) -> PyResult<Value> {
    let a = crate::modules::fastcall_args("posix", "execv", a, k, 2, 2)?;
    let p = path::path_arg(ts, PathSpec::new("execv"), Some(&a[0]))?;
    let argv = argv_arg(ts, "execv", &a[1])?;
    let c = p.c_or_dot();
    let argp = ptrs(&argv);
    // SAFETY: `c` and every argv entry are NUL-terminated; `argp` ends with NULL.
    unsafe { libc::execv(c.as_ptr(), argp.as_ptr()) };
    Err(path::last_error())
}

/// `os.execve(path, argv, env)`.
pub(crate) fn p_execve(ts: &ThreadState, _m: &Value, a: Args, k: Kw) -> PyResult<Value> {
    let [p, argv, env] = args::bind("execve", a, k, ["path", "argv", "env"], 0, 3, 3)?;
    let p = path::path_arg(ts, PathSpec::new("execve").fd(), Some(&req(p)))?;
    let argv = argv_arg(ts, "execve", &req(argv))?;
    let env = req(env);
    let keys = protocol::call_method(ts, &env, "keys", &[]).map_err(|_| PyErr::type_error("execve: environment must be a mapping object"))?;
    let mut envp = Vec::new();
    for key in protocol::collect(ts, &keys)? {
        let value = protocol::getitem(ts, &env, &key)?;
        let kb = fs_converter(ts, &key)?;
        if kb.as_bytes().is_empty() || kb.as_bytes().contains(&b'=') {
            return Err(PyErr::value_error("illegal environment variable name"));
        }
        let vb = fs_converter(ts, &value)?;
        let mut entry = kb.into_bytes();
        entry.push(b'=');
        entry.extend_from_slice(vb.as_bytes());
        envp.push(CString::new(entry).map_err(|_| PyErr::value_error("embedded null byte"))?);
    }
    let c = p.c_or_dot();
    let (argp, envpp) = (ptrs(&argv), ptrs(&envp));
    match p.fd {
        // SAFETY: both arrays hold NUL-terminated strings and end with NULL.
        Some(fd) => unsafe { libc::fexecve(fd, argp.as_ptr(), envpp.as_ptr()) },
        // SAFETY: as above, and `c` is NUL-terminated.
        None => unsafe { libc::execve(c.as_ptr(), argp.as_ptr(), envpp.as_ptr()) },
    };
    Err(path::path_error(&p))
}

/// `os.system(command)`: the wait status of `sh -c command`.
pub(crate) fn p_system(ts: &ThreadState, _m: &Value, a: Args, k: Kw) -> PyResult<Value> {
    let [cmd] = args::bind("system", a, k, ["command"], 0, 1, 1)?;
    let cmd = fs_converter(ts, &req(cmd))?;
    // SAFETY: `cmd` is NUL-terminated.
    let r = unsafe { libc::system(cmd.as_ptr()) };
    Ok(int::from_i64(r as i64))
}
