//! Less common calls of the posix module: fork hooks, wait, ownership,
//! process groups, device numbers, CPU affinity, getrandom, positioned
//! reads and writes, FIFOs.

use std::cell::RefCell;

use crate::object::args;
use crate::object::protocol;
use crate::object::value::Value;
use crate::runtime::errors::{PyErr, PyResult};
use crate::runtime::thread::ThreadState;
use crate::types::{bytes, int, none, str as pystr, tuple};

use super::path::{self, PathSpec};

type Args<'a> = &'a [Value];
type Kw<'a> = Option<&'a Value>;

fn req(v: Option<Value>) -> Value {
    v.unwrap_or_else(none::none)
}

/// Callables registered with `register_at_fork`.
#[derive(Default)]
struct ForkHooks {
    before: Vec<Value>,
    after_in_child: Vec<Value>,
    after_in_parent: Vec<Value>,
}

thread_local! {
    static FORK_HOOKS: RefCell<ForkHooks> = RefCell::new(ForkHooks::default());
}

/// `os.register_at_fork(*, before=None, after_in_child=None, after_in_parent=None)`.
pub(crate) fn p_register_at_fork(ts: &ThreadState, _m: &Value, a: Args, k: Kw) -> PyResult<Value> {
    let [before, child, parent] = args::bind("register_at_fork", a, k, ["before", "after_in_child", "after_in_parent"], 0, 0, 0)?;
    if before.is_none() && child.is_none() && parent.is_none() {
        return Err(PyErr::type_error("At least one argument is required."));
    }
    for (name, v) in [("before", &before), ("after_in_child", &child), ("after_in_parent", &parent)] {
        if let Some(v) = v {
            if v.type_of().data.slots.call.get().is_none() {
                return Err(PyErr::type_error(format!("'{name}' must be callable, not {}", protocol::type_name(v))));
            }
        }
    }
    let _ = ts;
    FORK_HOOKS.with(|h| {
        let mut h = h.borrow_mut();
        h.before.extend(before);
        h.after_in_child.extend(child);
        h.after_in_parent.extend(parent);
    });
    Ok(none::none())
}

/// Which fork hooks to run.
pub(crate) enum ForkPhase {
    /// In the parent before forking (latest registered first).
    Before,
    /// In the child (in registration order).
    Child,
    /// In the parent after forking (in registration order).
    Parent,
}

/// Run the registered hooks of `phase`; their exceptions are reported,
/// not raised, as CPython does.
pub(crate) fn run_fork_hooks(ts: &ThreadState, phase: ForkPhase) {
    let hooks: Vec<Value> = FORK_HOOKS.with(|h| {
        let h = h.borrow();
        match phase {
            ForkPhase::Before => h.before.iter().rev().cloned().collect(),
            ForkPhase::Child => h.after_in_child.clone(),
            ForkPhase::Parent => h.after_in_parent.clone(),
        }
    });
    for f in hooks {
        if let Err(e) = protocol::call(ts, &f, &[], None) {
            crate::runtime::lifecycle::write_unraisable(ts, &e, None, Some(&f));
        }
    }
}

/// `os.wait()` → (pid, status).
pub(crate) fn p_wait(ts: &ThreadState, _m: &Value, a: Args, k: Kw) -> PyResult<Value> {
    args::exact("posix.wait", a, k, 0)?;
    let mut status: libc::c_int = 0;
    loop {
        // SAFETY: `status` is a valid out-pointer.
        let r = unsafe { libc::wait(&mut status) };
        if r >= 0 {
            return tuple::new_tuple(vec![int::from_i64(r as i64), int::from_i64(status as i64)]);
        }
        if path::errno() != libc::EINTR {
            return Err(path::last_error());
        }
        crate::runtime::thread::handle_pending_signals(ts)?;
    }
}

/// A uid or gid argument (`_Py_Uid_Converter`): -1 means "unchanged".
fn id_arg(ts: &ThreadState, what: &str, v: &Value) -> PyResult<u32> {
    if !int::is_int(v) && v.type_of().data.slots.index.get().is_none() {
        return Err(PyErr::type_error(format!("{what} should be integer, not {}", protocol::type_name(v))));
    }
    let i = protocol::index(ts, v)?;
    match int::as_int(&i).and_then(|r| r.to_i64()) {
        Some(-1) => Ok(u32::MAX),
        Some(x) if (0..=u32::MAX as i64).contains(&x) => Ok(x as u32),
        // CPython reports a value truncated from a C long as an underflow.
        Some(_) => Err(PyErr::overflow_error(format!("{what} is less than minimum"))),
        None if int::is_negative(&i) => Err(PyErr::overflow_error(format!("{what} is less than minimum"))),
        None => Err(PyErr::overflow_error(format!("{what} is greater than maximum"))),
    }
}

fn chown_common(ts: &ThreadState, fname: &'static str, a: Args, k: Kw, lchown: bool) -> PyResult<Value> {
    let [p, uid, gid, dir_fd, follow] = if lchown {
        let [p, uid, gid] = args::bind(fname, a, k, ["path", "uid", "gid"], 0, 3, 3)?;
        [p, uid, gid, None, None]
    } else {
        args::bind(fname, a, k, ["path", "uid", "gid", "dir_fd", "follow_symlinks"], 0, 3, 3)?
    };
    let spec = if lchown { PathSpec::new(fname) } else { PathSpec::new(fname).fd() };
    let p = path::path_arg(ts, spec, Some(&req(p)))?;
    let uid = id_arg(ts, "uid", &req(uid))?;
    let gid = id_arg(ts, "gid", &req(gid))?;
    let dir_fd = path::dir_fd_arg(ts, dir_fd.as_ref())?;
    let follow = !lchown && path::bool_arg(ts, follow.as_ref(), true)?;
    super::stat::check_fd_combos(fname, &p, dir_fd, follow || lchown)?;
    let r = match p.fd {
        // SAFETY: fchown on any int is memory-safe.
        Some(fd) => unsafe { libc::fchown(fd, uid, gid) },
        None => {
            let c = p.c_or_dot();
            let flags = if follow { 0 } else { libc::AT_SYMLINK_NOFOLLOW };
            // SAFETY: `c` is NUL-terminated.
            unsafe { libc::fchownat(dir_fd, c.as_ptr(), uid, gid, flags) }
        }
    };
    if r != 0 {
        return Err(path::path_error(&p));
    }
    Ok(none::none())
}

/// `os.chown(path, uid, gid, *, dir_fd=None, follow_symlinks=True)`.
pub(crate) fn p_chown(ts: &ThreadState, _m: &Value, a: Args, k: Kw) -> PyResult<Value> {
    chown_common(ts, "chown", a, k, false)
}

/// `os.lchown(path, uid, gid)`.
pub(crate) fn p_lchown(ts: &ThreadState, _m: &Value, a: Args, k: Kw) -> PyResult<Value> {
    chown_common(ts, "lchown", a, k, true)
}

/// `os.fchown(fd, uid, gid)`.
pub(crate) fn p_fchown(ts: &ThreadState, _m: &Value, a: Args, k: Kw) -> PyResult<Value> {
    let [fd, uid, gid] = args::bind("fchown", a, k, ["fd", "uid", "gid"], 0, 3, 3)?;
    let fd = path::int_arg(ts, &req(fd))?;
    let uid = id_arg(ts, "uid", &req(uid))?;
    let gid = id_arg(ts, "gid", &req(gid))?;
    // SAFETY: fchown on any int is memory-safe.
    if unsafe { libc::fchown(fd, uid, gid) } != 0 {
        return Err(path::last_error());
    }
    Ok(none::none())
}

fn pid_call(ts: &ThreadState, fname: &str, a: Args, k: Kw, f: unsafe extern "C" fn(libc::pid_t) -> libc::pid_t) -> PyResult<Value> {
    let a = args::exact(fname, a, k, 1)?;
    let pid = path::int_arg(ts, &a[0])?;
    // SAFETY: the call takes a plain pid.
    let r = unsafe { f(pid) };
    if r < 0 {
        return Err(path::last_error());
    }
    Ok(int::from_i64(r as i64))
}

/// `os.getpgid(pid)`.
pub(crate) fn p_getpgid(ts: &ThreadState, _m: &Value, a: Args, k: Kw) -> PyResult<Value> {
    let [pid] = args::bind("getpgid", a, k, ["pid"], 0, 1, 1)?;
    pid_call(ts, "getpgid", &[req(pid)], None, libc::getpgid)
}

/// `os.getsid(pid, /)`.
pub(crate) fn p_getsid(ts: &ThreadState, _m: &Value, a: Args, k: Kw) -> PyResult<Value> {
    pid_call(ts, "posix.getsid", a, k, libc::getsid)
}

/// `os.setsid()`.
pub(crate) fn p_setsid(_ts: &ThreadState, _m: &Value, a: Args, k: Kw) -> PyResult<Value> {
    args::exact("posix.setsid", a, k, 0)?;
    // SAFETY: setsid takes no arguments.
    if unsafe { libc::setsid() } < 0 {
        return Err(path::last_error());
    }
    Ok(none::none())
}

/// `os.setpgid(pid, pgrp, /)`.
pub(crate) fn p_setpgid(ts: &ThreadState, _m: &Value, a: Args, k: Kw) -> PyResult<Value> {
    let a = crate::modules::fastcall_args("posix", "setpgid", a, k, 2, 2)?;
    let pid = path::int_arg(ts, &a[0])?;
    let pgrp = path::int_arg(ts, &a[1])?;
    // SAFETY: setpgid takes plain ints.
    if unsafe { libc::setpgid(pid, pgrp) } != 0 {
        return Err(path::last_error());
    }
    Ok(none::none())
}

/// `os.killpg(pgid, signal, /)`.
pub(crate) fn p_killpg(ts: &ThreadState, _m: &Value, a: Args, k: Kw) -> PyResult<Value> {
    let a = crate::modules::fastcall_args("posix", "killpg", a, k, 2, 2)?;
    let pgid = path::int_arg(ts, &a[0])?;
    let sig = path::int_arg(ts, &a[1])?;
    // SAFETY: killpg takes plain ints.
    if unsafe { libc::killpg(pgid, sig) } != 0 {
        return Err(path::last_error());
    }
    crate::runtime::thread::handle_pending_signals(ts)?;
    Ok(none::none())
}

/// `os.nice(increment, /)`.
pub(crate) fn p_nice(ts: &ThreadState, _m: &Value, a: Args, k: Kw) -> PyResult<Value> {
    let a = args::exact("posix.nice", a, k, 1)?;
    let inc = path::int_arg(ts, &a[0])?;
    // SAFETY: errno is thread-local; nice may legitimately return -1.
    unsafe { *libc::__errno_location() = 0 };
    // SAFETY: nice takes a plain int.
    let r = unsafe { libc::nice(inc) };
    if r == -1 && path::errno_raw() != 0 {
        return Err(path::last_error());
    }
    Ok(int::from_i64(r as i64))
}

/// `os.sync()`.
pub(crate) fn p_sync(_ts: &ThreadState, _m: &Value, a: Args, k: Kw) -> PyResult<Value> {
    args::exact("posix.sync", a, k, 0)?;
    // SAFETY: sync takes no arguments.
    unsafe { libc::sync() };
    Ok(none::none())
}

/// `os.sched_yield()`.
pub(crate) fn p_sched_yield(_ts: &ThreadState, _m: &Value, a: Args, k: Kw) -> PyResult<Value> {
    args::exact("posix.sched_yield", a, k, 0)?;
    // SAFETY: sched_yield takes no arguments.
    unsafe { libc::sched_yield() };
    Ok(none::none())
}

/// `os.sched_getaffinity(pid, /)`: the set of CPUs the process may run on.
pub(crate) fn p_sched_getaffinity(ts: &ThreadState, _m: &Value, a: Args, k: Kw) -> PyResult<Value> {
    let a = args::exact("posix.sched_getaffinity", a, k, 1)?;
    let pid = path::int_arg(ts, &a[0])?;
    // SAFETY: cpu_set_t is plain data.
    let mut set: libc::cpu_set_t = unsafe { std::mem::zeroed() };
    // SAFETY: `set` is a valid out-pointer of the size given.
    if unsafe { libc::sched_getaffinity(pid, std::mem::size_of::<libc::cpu_set_t>(), &mut set) } != 0 {
        return Err(path::last_error());
    }
    let s = crate::types::set::new_set_from(ts, Vec::new())?;
    let n = 8 * std::mem::size_of::<libc::cpu_set_t>();
    for cpu in 0..n {
        // SAFETY: `cpu` is below the set's capacity.
        if unsafe { libc::CPU_ISSET(cpu, &set) } {
            crate::types::set::set_add(ts, &s, int::from_i64(cpu as i64))?;
        }
    }
    Ok(s)
}

/// `os.major(device, /)`.
pub(crate) fn p_major(ts: &ThreadState, _m: &Value, a: Args, k: Kw) -> PyResult<Value> {
    let a = args::exact("posix.major", a, k, 1)?;
    let dev = dev_arg(ts, &a[0])?;
    Ok(int::from_i64(libc::major(dev) as i64))
}

/// `os.minor(device, /)`.
pub(crate) fn p_minor(ts: &ThreadState, _m: &Value, a: Args, k: Kw) -> PyResult<Value> {
    let a = args::exact("posix.minor", a, k, 1)?;
    let dev = dev_arg(ts, &a[0])?;
    Ok(int::from_i64(libc::minor(dev) as i64))
}

/// `os.makedev(major, minor, /)`.
pub(crate) fn p_makedev(ts: &ThreadState, _m: &Value, a: Args, k: Kw) -> PyResult<Value> {
    let a = crate::modules::fastcall_args("posix", "makedev", a, k, 2, 2)?;
    let ma = path::int_arg(ts, &a[0])?;
    let mi = path::int_arg(ts, &a[1])?;
    Ok(int::from_bigint(num_bigint::BigInt::from(libc::makedev(ma as u32, mi as u32))))
}

fn dev_arg(ts: &ThreadState, v: &Value) -> PyResult<libc::dev_t> {
    let i = protocol::index(ts, v)?;
    let b = int::as_int(&i).map(|r| r.to_bigint()).unwrap_or_default();
    u64::try_from(&b).map_err(|_| PyErr::overflow_error("int too big to convert"))
}

/// `os.getrandom(size, flags=0)`.
pub(crate) fn p_getrandom(ts: &ThreadState, _m: &Value, a: Args, k: Kw) -> PyResult<Value> {
    let [size, flags] = args::bind("getrandom", a, k, ["size", "flags"], 0, 1, 2)?;
    let n = bytes::ssize_arg(ts, &req(size))?;
    if n < 0 {
        return Err(path::os_error(libc::EINVAL, None, None));
    }
    let flags = match flags {
        Some(f) => path::int_arg(ts, &f)?,
        None => 0,
    };
    let mut buf = path::alloc_buf(n as usize)?;
    buf.resize(n as usize, 0);
    let mut done = 0;
    while done < buf.len() {
        // SAFETY: the pointer and length stay within `buf`.
        let r = unsafe { libc::getrandom(buf[done..].as_mut_ptr() as *mut libc::c_void, buf.len() - done, flags as libc::c_uint) };
        if r < 0 {
            if path::errno() == libc::EINTR {
                crate::runtime::thread::handle_pending_signals(ts)?;
                continue;
            }
            return Err(path::last_error());
        }
        done += r as usize;
    }
    Ok(bytes::new_bytes(buf))
}

/// `os.ttyname(fd, /)`.
pub(crate) fn p_ttyname(ts: &ThreadState, _m: &Value, a: Args, k: Kw) -> PyResult<Value> {
    let a = args::exact("posix.ttyname", a, k, 1)?;
    let fd = path::int_arg(ts, &a[0])?;
    let mut buf = vec![0u8; 256];
    // SAFETY: `buf` has buf.len() bytes.
    let r = unsafe { libc::ttyname_r(fd, buf.as_mut_ptr() as *mut libc::c_char, buf.len()) };
    if r != 0 {
        return Err(path::os_error(r, None, None));
    }
    let end = buf.iter().position(|&b| b == 0).unwrap_or(buf.len());
    Ok(path::fs_decode(&buf[..end]))
}

/// `os.pread(fd, length, offset, /)`.
pub(crate) fn p_pread(ts: &ThreadState, _m: &Value, a: Args, k: Kw) -> PyResult<Value> {
    let a = crate::modules::fastcall_args("posix", "pread", a, k, 3, 3)?;
    let fd = path::int_arg(ts, &a[0])?;
    let n = bytes::ssize_arg(ts, &a[1])?;
    let off = super::fds::off_arg(ts, &a[2])?;
    if n < 0 {
        return Err(path::os_error(libc::EINVAL, None, None));
    }
    let mut buf = path::alloc_buf(n as usize)?;
    // SAFETY: `buf` has capacity for n bytes.
    let r = unsafe { libc::pread(fd, buf.as_mut_ptr() as *mut libc::c_void, n as usize, off) };
    if r < 0 {
        return Err(path::last_error());
    }
    // SAFETY: pread initialized the first r (<= n) bytes.
    unsafe { buf.set_len(r as usize) };
    Ok(bytes::new_bytes(buf))
}

/// `os.pwrite(fd, data, offset, /)`.
pub(crate) fn p_pwrite(ts: &ThreadState, _m: &Value, a: Args, k: Kw) -> PyResult<Value> {
    let a = crate::modules::fastcall_args("posix", "pwrite", a, k, 3, 3)?;
    let fd = path::int_arg(ts, &a[0])?;
    let data = bytes::buffer_data(&a[1])
        .ok_or_else(|| PyErr::type_error(format!("a bytes-like object is required, not '{}'", protocol::type_name(&a[1]))))?
        .into_owned();
    let off = super::fds::off_arg(ts, &a[2])?;
    // SAFETY: `data` holds data.len() readable bytes.
    let r = unsafe { libc::pwrite(fd, data.as_ptr() as *const libc::c_void, data.len(), off) };
    if r < 0 {
        return Err(path::last_error());
    }
    Ok(int::from_i64(r as i64))
}

/// `os.mkfifo(path, mode=0o666, *, dir_fd=None)`.
pub(crate) fn p_mkfifo(ts: &ThreadState, _m: &Value, a: Args, k: Kw) -> PyResult<Value> {
    let [p, mode, dir_fd] = args::bind("mkfifo", a, k, ["path", "mode", "dir_fd"], 0, 1, 2)?;
    let p = path::path_arg(ts, PathSpec::new("mkfifo"), Some(&req(p)))?;
    let mode = match mode {
        Some(m) => path::int_arg(ts, &m)?,
        None => 0o666,
    };
    let dir_fd = path::dir_fd_arg(ts, dir_fd.as_ref())?;
    let c = p.c_or_dot();
    // SAFETY: `c` is NUL-terminated.
    if unsafe { libc::mkfifoat(dir_fd, c.as_ptr(), mode as libc::mode_t) } != 0 {
        // CPython names no file here.
        return Err(path::last_error());
    }
    Ok(none::none())
}

/// `os.mknod(path, mode=0o600, device=0, *, dir_fd=None)`.
pub(crate) fn p_mknod(ts: &ThreadState, _m: &Value, a: Args, k: Kw) -> PyResult<Value> {
    let [p, mode, device, dir_fd] = args::bind("mknod", a, k, ["path", "mode", "device", "dir_fd"], 0, 1, 3)?;
    let p = path::path_arg(ts, PathSpec::new("mknod"), Some(&req(p)))?;
    let mode = match mode {
        Some(m) => path::int_arg(ts, &m)?,
        None => 0o600,
    };
    let device = match device {
        Some(d) => dev_arg(ts, &d)?,
        None => 0,
    };
    let dir_fd = path::dir_fd_arg(ts, dir_fd.as_ref())?;
    let c = p.c_or_dot();
    // SAFETY: `c` is NUL-terminated.
    if unsafe { libc::mknodat(dir_fd, c.as_ptr(), mode as libc::mode_t, device) } != 0 {
        // CPython names no file here.
        return Err(path::last_error());
    }
    Ok(none::none())
}

fn res_ids(f: unsafe extern "C" fn(*mut u32, *mut u32, *mut u32) -> libc::c_int) -> PyResult<Value> {
    let (mut r, mut e, mut s) = (0u32, 0u32, 0u32);
    // SAFETY: three valid out-pointers.
    if unsafe { f(&mut r, &mut e, &mut s) } != 0 {
        return Err(path::last_error());
    }
    tuple::new_tuple(vec![int::from_i64(r as i64), int::from_i64(e as i64), int::from_i64(s as i64)])
}

/// `os.getresuid()`.
pub(crate) fn p_getresuid(_ts: &ThreadState, _m: &Value, a: Args, k: Kw) -> PyResult<Value> {
    args::exact("posix.getresuid", a, k, 0)?;
    res_ids(libc::getresuid)
}

/// `os.getresgid()`.
pub(crate) fn p_getresgid(_ts: &ThreadState, _m: &Value, a: Args, k: Kw) -> PyResult<Value> {
    args::exact("posix.getresgid", a, k, 0)?;
    res_ids(libc::getresgid)
}

/// `os.ctermid()`.
pub(crate) fn p_ctermid(_ts: &ThreadState, _m: &Value, a: Args, k: Kw) -> PyResult<Value> {
    args::exact("posix.ctermid", a, k, 0)?;
    let mut buf = [0 as libc::c_char; 64];
    // SAFETY: `buf` is larger than L_ctermid.
    let p = unsafe { libc::ctermid(buf.as_mut_ptr()) };
    if p.is_null() {
        return Err(path::last_error());
    }
    let b: Vec<u8> = buf.iter().take_while(|&&c| c != 0).map(|&c| c as u8).collect();
    Ok(pystr::new_str(&String::from_utf8_lossy(&b)))
}

/// `os.fdatasync(fd)`.
pub(crate) fn p_fdatasync(ts: &ThreadState, _m: &Value, a: Args, k: Kw) -> PyResult<Value> {
    let [fd] = args::bind("fdatasync", a, k, ["fd"], 0, 1, 1)?;
    let fd = super::fds::fileno_arg(ts, &req(fd))?;
    // SAFETY: fdatasync on any int is memory-safe.
    if unsafe { libc::fdatasync(fd) } != 0 {
        return Err(path::last_error());
    }
    Ok(none::none())
}

/// `os.lockf(fd, command, length, /)`.
pub(crate) fn p_lockf(ts: &ThreadState, _m: &Value, a: Args, k: Kw) -> PyResult<Value> {
    let a = crate::modules::fastcall_args("posix", "lockf", a, k, 3, 3)?;
    let fd = path::int_arg(ts, &a[0])?;
    let cmd = path::int_arg(ts, &a[1])?;
    let len = super::fds::off_arg(ts, &a[2])?;
    // SAFETY: lockf takes plain values.
    if unsafe { libc::lockf(fd, cmd, len) } != 0 {
        return Err(path::last_error());
    }
    Ok(none::none())
}

/// `os.posix_fallocate(fd, offset, len, /)`: the error comes back as a
/// return value, not in errno.
pub(crate) fn p_posix_fallocate(ts: &ThreadState, _m: &Value, a: Args, k: Kw) -> PyResult<Value> {
    let a = crate::modules::fastcall_args("posix", "posix_fallocate", a, k, 3, 3)?;
    let fd = path::int_arg(ts, &a[0])?;
    let off = super::fds::off_arg(ts, &a[1])?;
    let len = super::fds::off_arg(ts, &a[2])?;
    // SAFETY: posix_fallocate takes plain values.
    let r = unsafe { libc::posix_fallocate(fd, off, len) };
    if r != 0 {
        return Err(path::os_error(r, None, None));
    }
    Ok(none::none())
}

/// `os.posix_fadvise(fd, offset, len, advice, /)`.
pub(crate) fn p_posix_fadvise(ts: &ThreadState, _m: &Value, a: Args, k: Kw) -> PyResult<Value> {
    let a = crate::modules::fastcall_args("posix", "posix_fadvise", a, k, 4, 4)?;
    let fd = path::int_arg(ts, &a[0])?;
    let off = super::fds::off_arg(ts, &a[1])?;
    let len = super::fds::off_arg(ts, &a[2])?;
    let advice = path::int_arg(ts, &a[3])?;
    // SAFETY: posix_fadvise takes plain values.
    let r = unsafe { libc::posix_fadvise(fd, off, len, advice) };
    if r != 0 {
        return Err(path::os_error(r, None, None));
    }
    Ok(none::none())
}

/// `os.memfd_create(name, flags=MFD_CLOEXEC)`.
pub(crate) fn p_memfd_create(ts: &ThreadState, _m: &Value, a: Args, k: Kw) -> PyResult<Value> {
    let [name, flags] = args::bind("memfd_create", a, k, ["name", "flags"], 0, 1, 2)?;
    let name = super::process::fs_converter(ts, &req(name))?;
    let flags = match flags {
        Some(f) => path::int_arg(ts, &f)? as libc::c_uint,
        None => libc::MFD_CLOEXEC,
    };
    // SAFETY: `name` is NUL-terminated.
    let fd = unsafe { libc::memfd_create(name.as_ptr(), flags) };
    if fd < 0 {
        return Err(path::last_error());
    }
    Ok(int::from_i64(fd as i64))
}

/// `os.getpriority(which, who)`.
pub(crate) fn p_getpriority(ts: &ThreadState, _m: &Value, a: Args, k: Kw) -> PyResult<Value> {
    let [which, who] = args::bind("getpriority", a, k, ["which", "who"], 0, 2, 2)?;
    let which = path::int_arg(ts, &req(which))?;
    let who = path::int_arg(ts, &req(who))?;
    // SAFETY: errno is thread-local; -1 is a valid priority when it stays 0.
    unsafe { *libc::__errno_location() = 0 };
    // SAFETY: getpriority takes plain values.
    let r = unsafe { libc::getpriority(which as libc::__priority_which_t, who as libc::id_t) };
    if r == -1 && path::errno_raw() != 0 {
        return Err(path::last_error());
    }
    Ok(int::from_i64(r as i64))
}

/// `os.setpriority(which, who, priority)`.
pub(crate) fn p_setpriority(ts: &ThreadState, _m: &Value, a: Args, k: Kw) -> PyResult<Value> {
    let [which, who, prio] = args::bind("setpriority", a, k, ["which", "who", "priority"], 0, 3, 3)?;
    let which = path::int_arg(ts, &req(which))?;
    let who = path::int_arg(ts, &req(who))?;
    let prio = path::int_arg(ts, &req(prio))?;
    // SAFETY: setpriority takes plain values.
    if unsafe { libc::setpriority(which as libc::__priority_which_t, who as libc::id_t, prio) } != 0 {
        return Err(path::last_error());
    }
    Ok(none::none())
}

/// `os.chroot(path)`.
pub(crate) fn p_chroot(ts: &ThreadState, _m: &Value, a: Args, k: Kw) -> PyResult<Value> {
    let [p] = args::bind("chroot", a, k, ["path"], 0, 1, 1)?;
    let p = path::path_arg(ts, PathSpec::new("chroot"), Some(&req(p)))?;
    let c = p.c_or_dot();
    // SAFETY: `c` is NUL-terminated.
    if unsafe { libc::chroot(c.as_ptr()) } != 0 {
        return Err(path::path_error(&p));
    }
    Ok(none::none())
}

/// `os.tcgetpgrp(fd, /)`.
pub(crate) fn p_tcgetpgrp(ts: &ThreadState, _m: &Value, a: Args, k: Kw) -> PyResult<Value> {
    let a = args::exact("posix.tcgetpgrp", a, k, 1)?;
    let fd = path::int_arg(ts, &a[0])?;
    // SAFETY: tcgetpgrp on any int is memory-safe.
    let r = unsafe { libc::tcgetpgrp(fd) };
    if r < 0 {
        return Err(path::last_error());
    }
    Ok(int::from_i64(r as i64))
}

/// `os.tcsetpgrp(fd, pgid, /)`.
pub(crate) fn p_tcsetpgrp(ts: &ThreadState, _m: &Value, a: Args, k: Kw) -> PyResult<Value> {
    let a = crate::modules::fastcall_args("posix", "tcsetpgrp", a, k, 2, 2)?;
    let fd = path::int_arg(ts, &a[0])?;
    let pgid = path::int_arg(ts, &a[1])?;
    // SAFETY: tcsetpgrp on any ints is memory-safe.
    if unsafe { libc::tcsetpgrp(fd, pgid) } != 0 {
        return Err(path::last_error());
    }
    Ok(none::none())
}

macro_rules! set_id {
    ($name:ident, $py:literal, $what:literal, $call:ident) => {
        /// Set one process id (`os.setuid` and friends).
        pub(crate) fn $name(ts: &ThreadState, _m: &Value, a: Args, k: Kw) -> PyResult<Value> {
            let a = args::exact(concat!("posix.", $py), a, k, 1)?;
            let id = id_arg(ts, $what, &a[0])?;
            // SAFETY: the call takes a plain id.
            if unsafe { libc::$call(id) } != 0 {
                return Err(path::last_error());
            }
            Ok(none::none())
        }
    };
}
set_id!(p_setuid, "setuid", "uid", setuid);
set_id!(p_seteuid, "seteuid", "uid", seteuid);
set_id!(p_setgid, "setgid", "gid", setgid);
set_id!(p_setegid, "setegid", "gid", setegid);

macro_rules! set_id2 {
    ($name:ident, $py:literal, $what:literal, $call:ident) => {
        /// Set the real and effective ids (`os.setreuid`, `os.setregid`).
        pub(crate) fn $name(ts: &ThreadState, _m: &Value, a: Args, k: Kw) -> PyResult<Value> {
            let a = crate::modules::fastcall_args("posix", $py, a, k, 2, 2)?;
            let r = id_arg(ts, $what, &a[0])?;
            let e = id_arg(ts, $what, &a[1])?;
            // SAFETY: the call takes plain ids.
            if unsafe { libc::$call(r, e) } != 0 {
                return Err(path::last_error());
            }
            Ok(none::none())
        }
    };
}
set_id2!(p_setreuid, "setreuid", "uid", setreuid);
set_id2!(p_setregid, "setregid", "gid", setregid);

/// An unsigned argument (CPython's unsigned converters' messages).
fn unsigned_arg(ts: &ThreadState, v: &Value, max: u64) -> PyResult<u64> {
    let i = protocol::index(ts, v)?;
    if int::is_negative(&i) {
        return Err(PyErr::value_error("value must be positive"));
    }
    let b = int::as_int(&i).map(|r| r.to_bigint()).unwrap_or_default();
    u64::try_from(&b).ok().filter(|&x| x <= max).ok_or_else(|| PyErr::overflow_error("int too big to convert"))
}

/// `os.eventfd(initval, flags=EFD_CLOEXEC)`.
pub(crate) fn p_eventfd(ts: &ThreadState, _m: &Value, a: Args, k: Kw) -> PyResult<Value> {
    let [init, flags] = args::bind("eventfd", a, k, ["initval", "flags"], 0, 1, 2)?;
    let init = unsigned_arg(ts, &req(init), u32::MAX as u64)? as libc::c_uint;
    let flags = match flags {
        Some(f) => path::int_arg(ts, &f)?,
        None => libc::EFD_CLOEXEC,
    };
    // SAFETY: eventfd takes plain values.
    let fd = unsafe { libc::eventfd(init, flags) };
    if fd < 0 {
        return Err(path::last_error());
    }
    Ok(int::from_i64(fd as i64))
}

/// `os.eventfd_read(fd)`.
pub(crate) fn p_eventfd_read(ts: &ThreadState, _m: &Value, a: Args, k: Kw) -> PyResult<Value> {
    let [fd] = args::bind("eventfd_read", a, k, ["fd"], 0, 1, 1)?;
    let fd = super::fds::fileno_arg(ts, &req(fd))?;
    let mut v: u64 = 0;
    loop {
        // SAFETY: `v` is 8 writable bytes.
        let r = unsafe { libc::read(fd, &mut v as *mut u64 as *mut libc::c_void, 8) };
        if r >= 0 {
            return Ok(int::from_bigint(num_bigint::BigInt::from(v)));
        }
        if path::errno() != libc::EINTR {
            return Err(path::last_error());
        }
        crate::runtime::thread::handle_pending_signals(ts)?;
    }
}

/// `os.eventfd_write(fd, value)`.
pub(crate) fn p_eventfd_write(ts: &ThreadState, _m: &Value, a: Args, k: Kw) -> PyResult<Value> {
    let [fd, value] = args::bind("eventfd_write", a, k, ["fd", "value"], 0, 2, 2)?;
    let fd = super::fds::fileno_arg(ts, &req(fd))?;
    let v = unsigned_arg(ts, &req(value), u64::MAX)?;
    loop {
        // SAFETY: `v` is 8 readable bytes.
        let r = unsafe { libc::write(fd, &v as *const u64 as *const libc::c_void, 8) };
        if r >= 0 {
            return Ok(none::none());
        }
        if path::errno() != libc::EINTR {
            return Err(path::last_error());
        }
        crate::runtime::thread::handle_pending_signals(ts)?;
    }
}

/// `os.openpty()` → (master, slave), both non-inheritable, built from
/// posix_openpt, grantpt, unlockpt and ptsname_r.
pub(crate) fn p_openpty(_ts: &ThreadState, _m: &Value, a: Args, k: Kw) -> PyResult<Value> {
    args::exact("posix.openpty", a, k, 0)?;
    // SAFETY: posix_openpt takes plain flags.
    let master = unsafe { libc::posix_openpt(libc::O_RDWR | libc::O_NOCTTY | libc::O_CLOEXEC) };
    if master < 0 {
        return Err(path::last_error());
    }
    let fail = |fd: i32| {
        let e = path::last_error();
        // SAFETY: `fd` is the master opened above, closed once on failure.
        unsafe { libc::close(fd) };
        e
    };
    // SAFETY: `master` is an open pseudo-terminal master.
    if unsafe { libc::grantpt(master) } != 0 || unsafe { libc::unlockpt(master) } != 0 {
        return Err(fail(master));
    }
    let mut name = [0 as libc::c_char; 128];
    // SAFETY: `name` has name.len() bytes.
    let r = unsafe { libc::ptsname_r(master, name.as_mut_ptr(), name.len()) };
    if r != 0 {
        // SAFETY: as above.
        unsafe { libc::close(master) };
        return Err(path::os_error(r, None, None));
    }
    // SAFETY: ptsname_r wrote a NUL-terminated name.
    let slave = unsafe { libc::open(name.as_ptr(), libc::O_RDWR | libc::O_NOCTTY | libc::O_CLOEXEC) };
    if slave < 0 {
        return Err(fail(master));
    }
    tuple::new_tuple(vec![int::from_i64(master as i64), int::from_i64(slave as i64)])
}

/// `os.writev(fd, buffers, /)`: the byte count written from the sequence.
pub(crate) fn p_writev(ts: &ThreadState, _m: &Value, a: Args, k: Kw) -> PyResult<Value> {
    let a = crate::modules::fastcall_args("posix", "writev", a, k, 2, 2)?;
    let fd = path::int_arg(ts, &a[0])?;
    let seq = &a[1];
    if seq.type_of().data.slots.subscript.get().is_none() || crate::types::dict::as_dict(seq).is_some() {
        return Err(PyErr::type_error("writev() arg 2 must be a sequence"));
    }
    let mut bufs = Vec::new();
    for item in protocol::collect(ts, seq)? {
        let data = bytes::buffer_data(&item)
            .ok_or_else(|| PyErr::type_error(format!("a bytes-like object is required, not '{}'", protocol::type_name(&item))))?
            .into_owned();
        bufs.push(data);
    }
    let iov: Vec<libc::iovec> = bufs.iter().map(|b| libc::iovec { iov_base: b.as_ptr() as *mut libc::c_void, iov_len: b.len() }).collect();
    loop {
        // SAFETY: each iovec points into a buffer of `bufs`, alive for the call.
        let r = unsafe { libc::writev(fd, iov.as_ptr(), iov.len() as libc::c_int) };
        if r >= 0 {
            return Ok(int::from_i64(r as i64));
        }
        if path::errno() != libc::EINTR {
            return Err(path::last_error());
        }
        crate::runtime::thread::handle_pending_signals(ts)?;
    }
}

fn opt_off(ts: &ThreadState, v: &Option<Value>) -> PyResult<Option<libc::loff_t>> {
    match v {
        Some(v) if !none::is_none(v) => Ok(Some(super::fds::off_arg(ts, v)?)),
        _ => Ok(None),
    }
}

/// `os.copy_file_range(src, dst, count, offset_src=None, offset_dst=None)`.
pub(crate) fn p_copy_file_range(ts: &ThreadState, _m: &Value, a: Args, k: Kw) -> PyResult<Value> {
    let [src, dst, count, os_, od] = args::bind("copy_file_range", a, k, ["src", "dst", "count", "offset_src", "offset_dst"], 0, 3, 5)?;
    let src = path::int_arg(ts, &req(src))?;
    let dst = path::int_arg(ts, &req(dst))?;
    let count = bytes::ssize_arg(ts, &req(count))?;
    if count < 0 {
        return Err(PyErr::value_error("negative value for 'count' not allowed"));
    }
    let (mut os_, mut od) = (opt_off(ts, &os_)?, opt_off(ts, &od)?);
    let p_os = os_.as_mut().map_or(std::ptr::null_mut(), |x| x as *mut libc::loff_t);
    let p_od = od.as_mut().map_or(std::ptr::null_mut(), |x| x as *mut libc::loff_t);
    // SAFETY: the offset pointers are NULL or point at locals alive for the call.
    let r = unsafe { libc::copy_file_range(src, p_os, dst, p_od, count as usize, 0) };
    if r < 0 {
        return Err(path::last_error());
    }
    Ok(int::from_i64(r as i64))
}

/// `os.splice(src, dst, count, offset_src=None, offset_dst=None, flags=0)`.
pub(crate) fn p_splice(ts: &ThreadState, _m: &Value, a: Args, k: Kw) -> PyResult<Value> {
    let [src, dst, count, os_, od, flags] =
        args::bind("splice", a, k, ["src", "dst", "count", "offset_src", "offset_dst", "flags"], 0, 3, 6)?;
    let src = path::int_arg(ts, &req(src))?;
    let dst = path::int_arg(ts, &req(dst))?;
    let count = bytes::ssize_arg(ts, &req(count))?;
    if count < 0 {
        return Err(PyErr::value_error("negative value for 'count' not allowed"));
    }
    let (mut os_, mut od) = (opt_off(ts, &os_)?, opt_off(ts, &od)?);
    let flags = match flags {
        Some(f) => path::int_arg(ts, &f)? as libc::c_uint,
        None => 0,
    };
    let p_os = os_.as_mut().map_or(std::ptr::null_mut(), |x| x as *mut libc::loff_t);
    let p_od = od.as_mut().map_or(std::ptr::null_mut(), |x| x as *mut libc::loff_t);
    // SAFETY: the offset pointers are NULL or point at locals alive for the call.
    let r = unsafe { libc::splice(src, p_os, dst, p_od, count as usize, flags) };
    if r < 0 {
        return Err(path::last_error());
    }
    Ok(int::from_i64(r as i64))
}

/// `os.pidfd_open(pid, flags=0)`.
pub(crate) fn p_pidfd_open(ts: &ThreadState, _m: &Value, a: Args, k: Kw) -> PyResult<Value> {
    let [pid, flags] = args::bind("pidfd_open", a, k, ["pid", "flags"], 0, 1, 2)?;
    let pid = path::int_arg(ts, &req(pid))?;
    let flags = match flags {
        Some(f) => path::int_arg(ts, &f)? as libc::c_uint,
        None => 0,
    };
    // SAFETY: the pidfd_open system call takes plain values.
    let r = unsafe { libc::syscall(libc::SYS_pidfd_open, pid as libc::c_long, flags as libc::c_long) };
    if r < 0 {
        return Err(path::last_error());
    }
    Ok(int::from_i64(r as i64))
}

fn policy_call(ts: &ThreadState, fname: &str, a: Args, k: Kw, f: unsafe extern "C" fn(libc::c_int) -> libc::c_int) -> PyResult<Value> {
    let [policy] = args::bind(fname, a, k, ["policy"], 0, 1, 1)?;
    let policy = path::int_arg(ts, &req(policy))?;
    // SAFETY: the call takes a plain policy number.
    let r = unsafe { f(policy) };
    if r < 0 {
        return Err(path::last_error());
    }
    Ok(int::from_i64(r as i64))
}

/// `os.sched_get_priority_max(policy)`.
pub(crate) fn p_sched_get_priority_max(ts: &ThreadState, _m: &Value, a: Args, k: Kw) -> PyResult<Value> {
    policy_call(ts, "sched_get_priority_max", a, k, libc::sched_get_priority_max)
}

/// `os.sched_get_priority_min(policy)`.
pub(crate) fn p_sched_get_priority_min(ts: &ThreadState, _m: &Value, a: Args, k: Kw) -> PyResult<Value> {
    policy_call(ts, "sched_get_priority_min", a, k, libc::sched_get_priority_min)
}

/// `os.sched_getscheduler(pid, /)`.
pub(crate) fn p_sched_getscheduler(ts: &ThreadState, _m: &Value, a: Args, k: Kw) -> PyResult<Value> {
    pid_call(ts, "posix.sched_getscheduler", a, k, libc::sched_getscheduler)
}

/// `os.sched_setaffinity(pid, mask, /)`.
pub(crate) fn p_sched_setaffinity(ts: &ThreadState, _m: &Value, a: Args, k: Kw) -> PyResult<Value> {
    let a = crate::modules::fastcall_args("posix", "sched_setaffinity", a, k, 2, 2)?;
    let pid = path::int_arg(ts, &a[0])?;
    // SAFETY: cpu_set_t is plain data.
    let mut set: libc::cpu_set_t = unsafe { std::mem::zeroed() };
    let cap = 8 * std::mem::size_of::<libc::cpu_set_t>();
    let it = protocol::get_iter(ts, &a[1])?;
    while let Some(item) = protocol::next(ts, &it)? {
        let i = protocol::index(ts, &item)?;
        if int::is_negative(&i) {
            return Err(PyErr::value_error("negative CPU number"));
        }
        match int::as_int(&i).and_then(|r| r.to_i64()) {
            // SAFETY: `cpu` is below the set's capacity.
            Some(cpu) if (cpu as usize) < cap => unsafe { libc::CPU_SET(cpu as usize, &mut set) },
            // CPUs past the set's capacity cannot be asked for: EINVAL.
            _ => return Err(path::os_error(libc::EINVAL, None, None)),
        }
    }
    // SAFETY: `set` is a valid cpu set of the size given.
    if unsafe { libc::sched_setaffinity(pid, std::mem::size_of::<libc::cpu_set_t>(), &set) } != 0 {
        return Err(path::last_error());
    }
    Ok(none::none())
}
