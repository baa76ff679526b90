//! `stat_result` and the stat family (stat, lstat, fstat), plus the other
//! struct sequences of the module (uname_result, times_result,
//! terminal_size).

use crate::modules::structseq::{self, structseq_type, Spec};
use crate::object::args;
use crate::object::value::Value;
use crate::runtime::errors::{PyErr, PyResult};
use crate::runtime::thread::ThreadState;
use crate::types::{float, int, none};

use super::path::{self, PathArg, PathSpec};

structseq_type!(STAT_RESULT_TYPE, "os.stat_result");
structseq_type!(UNAME_RESULT_TYPE, "posix.uname_result");
structseq_type!(TIMES_RESULT_TYPE, "posix.times_result");
structseq_type!(TERMINAL_SIZE_TYPE, "os.terminal_size");
structseq_type!(STATVFS_RESULT_TYPE, "os.statvfs_result");
structseq_type!(WAITID_RESULT_TYPE, "posix.waitid_result");

/// `os.waitid_result`.
pub static WAITID_RESULT: Spec = Spec {
    ty: &WAITID_RESULT_TYPE,
    fields: &[("si_pid", ""), ("si_uid", ""), ("si_signo", ""), ("si_status", ""), ("si_code", "")],
    n_in_sequence: 5,
    constructible: true,
    doc: "waitid_result: Result from waitid.\n\nThis object may be accessed either as a tuple of\n  (si_pid, si_uid, si_signo, si_status, si_code),\nor via the attributes si_pid, si_uid, and so on.\n\nSee os.waitid for more information.",
};

/// `os.statvfs_result`: ten visible fields, then f_fsid.
pub static STATVFS_RESULT: Spec = Spec {
    ty: &STATVFS_RESULT_TYPE,
    fields: &[
        ("f_bsize", ""),
        ("f_frsize", ""),
        ("f_blocks", ""),
        ("f_bfree", ""),
        ("f_bavail", ""),
        ("f_files", ""),
        ("f_ffree", ""),
        ("f_favail", ""),
        ("f_flag", ""),
        ("f_namemax", ""),
        ("f_fsid", ""),
    ],
    n_in_sequence: 10,
    constructible: true,
    doc: "statvfs_result: Result from statvfs or fstatvfs.\n\nThis object may be accessed either as a tuple of\n  (bsize, frsize, blocks, bfree, bavail, files, ffree, favail, flag, namemax),\nor via the attributes f_bsize, f_frsize, f_blocks, f_bfree, and so on.\n\nSee os.statvfs for more information.",
};

/// `os.stat_result`: ten visible fields (the last three the unnamed
/// integer times), then the float and nanosecond times and st_blksize,
/// st_blocks, st_rdev.
pub static STAT_RESULT: Spec = Spec {
    ty: &STAT_RESULT_TYPE,
    fields: &[
        ("st_mode", "protection bits"),
        ("st_ino", "inode"),
        ("st_dev", "device"),
        ("st_nlink", "number of hard links"),
        ("st_uid", "user ID of owner"),
        ("st_gid", "group ID of owner"),
        ("st_size", "total size, in bytes"),
        ("", ""),
        ("", ""),
        ("", ""),
        ("st_atime", "time of last access"),
        ("st_mtime", "time of last modification"),
        ("st_ctime", "time of last change"),
        ("st_atime_ns", "time of last access in nanoseconds"),
        ("st_mtime_ns", "time of last modification in nanoseconds"),
        ("st_ctime_ns", "time of last change in nanoseconds"),
        ("st_blksize", "blocksize for filesystem I/O"),
        ("st_blocks", "number of blocks allocated"),
        ("st_rdev", "device type (if inode device)"),
    ],
    n_in_sequence: 10,
    constructible: true,
    doc: "stat_result: Result from stat, fstat, or lstat.\n\nThis object may be accessed either as a tuple of\n  (mode, ino, dev, nlink, uid, gid, size, atime, mtime, ctime)\nor via the attributes st_mode, st_ino, st_dev, st_nlink, st_uid, and so on.\n\nPosix/windows: If your platform supports st_blksize, st_blocks, st_rdev,\nor st_flags, they are available as attributes only.\n\nSee os.stat for more information.",
};

/// `os.uname_result`.
pub static UNAME_RESULT: Spec = Spec {
    ty: &UNAME_RESULT_TYPE,
    fields: &[
        ("sysname", "operating system name"),
        ("nodename", "name of machine on network (implementation-defined)"),
        ("release", "operating system release"),
        ("version", "operating system version"),
        ("machine", "hardware identifier"),
    ],
    n_in_sequence: 5,
    constructible: true,
    doc: "uname_result: Result from os.uname().\n\nThis object may be accessed either as a tuple of\n  (sysname, nodename, release, version, machine),\nor via the attributes sysname, nodename, release, version, and machine.\n\nSee os.uname for more information.",
};

/// `os.times_result`.
pub static TIMES_RESULT: Spec = Spec {
    ty: &TIMES_RESULT_TYPE,
    fields: &[
        ("user", "user time"),
        ("system", "system time"),
        ("children_user", "user time of children"),
        ("children_system", "system time of children"),
        ("elapsed", "elapsed time since an arbitrary point in the past"),
    ],
    n_in_sequence: 5,
    constructible: true,
    doc: "times_result: Result from os.times().\n\nThis object may be accessed either as a tuple of\n  (user, system, children_user, children_system, elapsed),\nor via the attributes user, system, children_user, children_system,\nand elapsed.\n\nSee os.times for more information.",
};

/// `os.terminal_size`.
pub static TERMINAL_SIZE: Spec = Spec {
    ty: &TERMINAL_SIZE_TYPE,
    fields: &[("columns", "width of the terminal window in characters"), ("lines", "height of the terminal window in characters")],
    n_in_sequence: 2,
    constructible: true,
    doc: "A tuple of (columns, lines) for holding terminal window size",
};

/// `stat_result.__new__`: the float times default to the integer ones.
fn stat_result_new(ts: &ThreadState, cls: &Value, a: &[Value], k: Option<&Value>) -> PyResult<Value> {
    let v = structseq::structseq_new(ts, cls, a, k)?;
    let n = STAT_RESULT.fields.len();
    let mut values: Vec<Value> = (0..n).map(|i| structseq::field(&v, i).unwrap_or_else(none::none)).collect();
    let mut changed = false;
    for i in 7..10 {
        if none::is_none(&values[i + 3]) {
            values[i + 3] = values[i].clone();
            changed = true;
        }
    }
    if changed {
        return structseq::new_value(&STAT_RESULT, values);
    }
    Ok(v)
}

/// Install the slots that differ from the generic struct sequence ones
/// (after `structseq::init`).
pub(crate) fn init() {
    STAT_RESULT_TYPE.data.slots.new.set(Some(stat_result_new));
}

fn ns_int(sec: i64, nsec: i64) -> Value {
    int::from_bigint(num_bigint::BigInt::from(sec as i128 * 1_000_000_000 + nsec as i128))
}

/// A `stat_result` from the C structure. The field types differ between
/// platforms, hence the casts.
#[allow(clippy::unnecessary_cast)]
pub(crate) fn stat_value(st: &libc::stat) -> PyResult<Value> {
    let times = [(st.st_atime, st.st_atime_nsec), (st.st_mtime, st.st_mtime_nsec), (st.st_ctime, st.st_ctime_nsec)];
    let mut v = vec![
        int::from_i64(st.st_mode as i64),
        int::from_bigint(num_bigint::BigInt::from(st.st_ino)),
        int::from_bigint(num_bigint::BigInt::from(st.st_dev)),
        int::from_bigint(num_bigint::BigInt::from(st.st_nlink)),
        int::from_i64(st.st_uid as i64),
        int::from_i64(st.st_gid as i64),
        int::from_i64(st.st_size as i64),
    ];
    v.extend(times.iter().map(|&(s, _)| int::from_i64(s as i64)));
    v.extend(times.iter().map(|&(s, ns)| float::new_float(s as f64 + ns as f64 * 1e-9)));
    v.extend(times.iter().map(|&(s, ns)| ns_int(s as i64, ns as i64)));
    v.push(int::from_i64(st.st_blksize as i64));
    v.push(int::from_i64(st.st_blocks as i64));
    v.push(int::from_bigint(num_bigint::BigInt::from(st.st_rdev)));
    structseq::new_value(&STAT_RESULT, v)
}

fn zeroed_stat() -> libc::stat {
    // SAFETY: libc::stat is plain data; all-zero is a valid value.
    unsafe { std::mem::zeroed() }
}

/// fstat(2) on `fd`, errno on failure.
pub(crate) fn fstat_raw(fd: i32) -> Result<libc::stat, i32> {
    let mut st = zeroed_stat();
    // SAFETY: `st` is a valid out-pointer; a bad fd only makes the call fail.
    let r = unsafe { libc::fstat(fd, &mut st) };
    if r == 0 {
        Ok(st)
    } else {
        Err(path::errno())
    }
}

/// fstatat(2) of `c` relative to `dir_fd`, errno on failure.
pub(crate) fn fstatat_raw(dir_fd: i32, c: &std::ffi::CStr, follow: bool) -> Result<libc::stat, i32> {
    let mut st = zeroed_stat();
    let flags = if follow { 0 } else { libc::AT_SYMLINK_NOFOLLOW };
    // SAFETY: `c` is NUL-terminated and `st` a valid out-pointer.
    let r = unsafe { libc::fstatat(dir_fd, c.as_ptr(), &mut st, flags) };
    if r == 0 {
        Ok(st)
    } else {
        Err(path::errno())
    }
}

/// CPython's checks that fd, dir_fd and follow_symlinks are not combined.
pub(crate) fn check_fd_combos(fname: &str, p: &PathArg, dir_fd: i32, follow: bool) -> PyResult<()> {
    if p.fd.is_some() && dir_fd != libc::AT_FDCWD {
        return Err(PyErr::value_error(format!("{fname}: can't specify dir_fd without matching path")));
    }
    // CPython tests `fd > 0`, so fd 0 passes (and is fstat'ed).
    if p.fd.is_some_and(|fd| fd > 0) && !follow {
        return Err(PyErr::value_error(format!("{fname}: cannot use fd and follow_symlinks together")));
    }
    Ok(())
}

fn do_stat(ts: &ThreadState, fname: &'static str, p: Option<Value>, dir_fd: Option<Value>, follow: bool) -> PyResult<Value> {
    let p = path::path_arg(ts, PathSpec::new(fname).fd(), p.as_ref())?;
    let dir_fd = path::dir_fd_arg(ts, dir_fd.as_ref())?;
    check_fd_combos(fname, &p, dir_fd, follow)?;
    let r = match (&p.fd, &p.c) {
        (Some(fd), _) => fstat_raw(*fd),
        (None, Some(c)) => fstatat_raw(dir_fd, c, follow),
        (None, None) => Err(libc::ENOENT),
    };
    match r {
        Ok(st) => stat_value(&st),
        Err(e) => Err(path::os_error(e, Some(&p.object), None)),
    }
}

/// `os.stat(path, *, dir_fd=None, follow_symlinks=True)`.
pub(crate) fn p_stat(ts: &ThreadState, _m: &Value, a: &[Value], k: Option<&Value>) -> PyResult<Value> {
    let [p, dir_fd, follow] = args::bind("stat", a, k, ["path", "dir_fd", "follow_symlinks"], 0, 1, 1)?;
    let follow = path::bool_arg(ts, follow.as_ref(), true)?;
    do_stat(ts, "stat", p, dir_fd, follow)
}

/// `os.lstat(path, *, dir_fd=None)`.
pub(crate) fn p_lstat(ts: &ThreadState, _m: &Value, a: &[Value], k: Option<&Value>) -> PyResult<Value> {
    let [p, dir_fd] = args::bind("lstat", a, k, ["path", "dir_fd"], 0, 1, 1)?;
    let p = path::path_arg(ts, PathSpec::new("lstat"), p.as_ref())?;
    let dir_fd = path::dir_fd_arg(ts, dir_fd.as_ref())?;
    match p.c.as_ref().map(|c| fstatat_raw(dir_fd, c, false)) {
        Some(Ok(st)) => stat_value(&st),
        Some(Err(e)) => Err(path::os_error(e, Some(&p.object), None)),
        None => Err(path::os_error(libc::ENOENT, Some(&p.object), None)),
    }
}

/// `os.fstat(fd)`.
pub(crate) fn p_fstat(ts: &ThreadState, _m: &Value, a: &[Value], k: Option<&Value>) -> PyResult<Value> {
    let [fd] = args::bind("fstat", a, k, ["fd"], 0, 1, 1)?;
    let fd = path::int_arg(ts, fd.as_ref().unwrap_or(&none::none()))?;
    match fstat_raw(fd) {
        Ok(st) => stat_value(&st),
        Err(e) => Err(path::os_error(e, None, None)),
    }
}
