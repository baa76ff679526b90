//! Configuration values (sysconf, pathconf, confstr with their name
//! tables) and file system statistics (statvfs, fstatvfs).

use crate::modules::structseq;
use crate::object::args;
use crate::object::value::Value;
use crate::runtime::errors::{PyErr, PyResult};
use crate::runtime::thread::ThreadState;
use crate::types::{dict, int, none, str as pystr};

use super::path::{self, PathSpec};

type Args<'a> = &'a [Value];
type Kw<'a> = Option<&'a Value>;

const SYSCONF_NAMES: &[(&str, i64)] = &[
    ("SC_2_CHAR_TERM", libc::_SC_2_CHAR_TERM as i64),
    ("SC_2_C_BIND", libc::_SC_2_C_BIND as i64),
    ("SC_2_C_DEV", libc::_SC_2_C_DEV as i64),
    ("SC_2_C_VERSION", libc::_SC_2_C_VERSION as i64),
    ("SC_2_FORT_DEV", libc::_SC_2_FORT_DEV as i64),
    ("SC_2_FORT_RUN", libc::_SC_2_FORT_RUN as i64),
    ("SC_2_LOCALEDEF", libc::_SC_2_LOCALEDEF as i64),
    ("SC_2_SW_DEV", libc::_SC_2_SW_DEV as i64),
    ("SC_2_UPE", libc::_SC_2_UPE as i64),
    ("SC_2_VERSION", libc::_SC_2_VERSION as i64),
    ("SC_AIO_LISTIO_MAX", libc::_SC_AIO_LISTIO_MAX as i64),
    ("SC_AIO_MAX", libc::_SC_AIO_MAX as i64),
    ("SC_AIO_PRIO_DELTA_MAX", libc::_SC_AIO_PRIO_DELTA_MAX as i64),
    ("SC_ARG_MAX", libc::_SC_ARG_MAX as i64),
    ("SC_ASYNCHRONOUS_IO", libc::_SC_ASYNCHRONOUS_IO as i64),
    ("SC_ATEXIT_MAX", libc::_SC_ATEXIT_MAX as i64),
    ("SC_AVPHYS_PAGES", libc::_SC_AVPHYS_PAGES as i64),
    ("SC_BC_BASE_MAX", libc::_SC_BC_BASE_MAX as i64),
    ("SC_BC_DIM_MAX", libc::_SC_BC_DIM_MAX as i64),
    ("SC_BC_SCALE_MAX", libc::_SC_BC_SCALE_MAX as i64),
    ("SC_BC_STRING_MAX", libc::_SC_BC_STRING_MAX as i64),
    ("SC_CHARCLASS_NAME_MAX", libc::_SC_CHARCLASS_NAME_MAX as i64),
    ("SC_CHAR_BIT", libc::_SC_CHAR_BIT as i64),
    ("SC_CHAR_MAX", libc::_SC_CHAR_MAX as i64),
    ("SC_CHAR_MIN", libc::_SC_CHAR_MIN as i64),
    ("SC_CHILD_MAX", libc::_SC_CHILD_MAX as i64),
    ("SC_CLK_TCK", libc::_SC_CLK_TCK as i64),
    ("SC_COLL_WEIGHTS_MAX", libc::_SC_COLL_WEIGHTS_MAX as i64),
    ("SC_DELAYTIMER_MAX", libc::_SC_DELAYTIMER_MAX as i64),
    ("SC_EQUIV_CLASS_MAX", libc::_SC_EQUIV_CLASS_MAX as i64),
    ("SC_EXPR_NEST_MAX", libc::_SC_EXPR_NEST_MAX as i64),
    ("SC_FSYNC", libc::_SC_FSYNC as i64),
    ("SC_GETGR_R_SIZE_MAX", libc::_SC_GETGR_R_SIZE_MAX as i64),
    ("SC_GETPW_R_SIZE_MAX", libc::_SC_GETPW_R_SIZE_MAX as i64),
    ("SC_INT_MAX", libc::_SC_INT_MAX as i64),
    ("SC_INT_MIN", libc::_SC_INT_MIN as i64),
    ("SC_IOV_MAX", libc::_SC_IOV_MAX as i64),
    ("SC_JOB_CONTROL", libc::_SC_JOB_CONTROL as i64),
    ("SC_LINE_MAX", libc::_SC_LINE_MAX as i64),
    // glibc's value; the libc crate lacks the name.
    ("SC_MINSIGSTKSZ", 249),
    ("SC_LOGIN_NAME_MAX", libc::_SC_LOGIN_NAME_MAX as i64),
    ("SC_LONG_BIT", libc::_SC_LONG_BIT as i64),
    ("SC_MAPPED_FILES", libc::_SC_MAPPED_FILES as i64),
    ("SC_MB_LEN_MAX", libc::_SC_MB_LEN_MAX as i64),
    ("SC_MEMLOCK", libc::_SC_MEMLOCK as i64),
    ("SC_MEMLOCK_RANGE", libc::_SC_MEMLOCK_RANGE as i64),
    ("SC_MEMORY_PROTECTION", libc::_SC_MEMORY_PROTECTION as i64),
    ("SC_MESSAGE_PASSING", libc::_SC_MESSAGE_PASSING as i64),
    ("SC_MQ_OPEN_MAX", libc::_SC_MQ_OPEN_MAX as i64),
    ("SC_MQ_PRIO_MAX", libc::_SC_MQ_PRIO_MAX as i64),
    ("SC_NGROUPS_MAX", libc::_SC_NGROUPS_MAX as i64),
    ("SC_NL_ARGMAX", libc::_SC_NL_ARGMAX as i64),
    ("SC_NL_LANGMAX", libc::_SC_NL_LANGMAX as i64),
    ("SC_NL_MSGMAX", libc::_SC_NL_MSGMAX as i64),
    ("SC_NL_NMAX", libc::_SC_NL_NMAX as i64),
    ("SC_NL_SETMAX", libc::_SC_NL_SETMAX as i64),
    ("SC_NL_TEXTMAX", libc::_SC_NL_TEXTMAX as i64),
    ("SC_NPROCESSORS_CONF", libc::_SC_NPROCESSORS_CONF as i64),
    ("SC_NPROCESSORS_ONLN", libc::_SC_NPROCESSORS_ONLN as i64),
    ("SC_NZERO", libc::_SC_NZERO as i64),
    ("SC_OPEN_MAX", libc::_SC_OPEN_MAX as i64),
    ("SC_PAGESIZE", libc::_SC_PAGESIZE as i64),
    ("SC_PAGE_SIZE", libc::_SC_PAGE_SIZE as i64),
    ("SC_PASS_MAX", libc::_SC_PASS_MAX as i64),
    ("SC_PHYS_PAGES", libc::_SC_PHYS_PAGES as i64),
    ("SC_PII", libc::_SC_PII as i64),
    ("SC_PII_INTERNET", libc::_SC_PII_INTERNET as i64),
    ("SC_PII_INTERNET_DGRAM", libc::_SC_PII_INTERNET_DGRAM as i64),
    ("SC_PII_INTERNET_STREAM", libc::_SC_PII_INTERNET_STREAM as i64),
    ("SC_PII_OSI", libc::_SC_PII_OSI as i64),
    ("SC_PII_OSI_CLTS", libc::_SC_PII_OSI_CLTS as i64),
    ("SC_PII_OSI_COTS", libc::_SC_PII_OSI_COTS as i64),
    ("SC_PII_OSI_M", libc::_SC_PII_OSI_M as i64),
    ("SC_PII_SOCKET", libc::_SC_PII_SOCKET as i64),
    ("SC_PII_XTI", libc::_SC_PII_XTI as i64),
    ("SC_POLL", libc::_SC_POLL as i64),
    ("SC_PRIORITIZED_IO", libc::_SC_PRIORITIZED_IO as i64),
    ("SC_PRIORITY_SCHEDULING", libc::_SC_PRIORITY_SCHEDULING as i64),
    ("SC_REALTIME_SIGNALS", libc::_SC_REALTIME_SIGNALS as i64),
    ("SC_RE_DUP_MAX", libc::_SC_RE_DUP_MAX as i64),
    ("SC_RTSIG_MAX", libc::_SC_RTSIG_MAX as i64),
    ("SC_SAVED_IDS", libc::_SC_SAVED_IDS as i64),
    ("SC_SCHAR_MAX", libc::_SC_SCHAR_MAX as i64),
    ("SC_SCHAR_MIN", libc::_SC_SCHAR_MIN as i64),
    ("SC_SELECT", libc::_SC_SELECT as i64),
    ("SC_SEMAPHORES", libc::_SC_SEMAPHORES as i64),
    ("SC_SEM_NSEMS_MAX", libc::_SC_SEM_NSEMS_MAX as i64),
    ("SC_SEM_VALUE_MAX", libc::_SC_SEM_VALUE_MAX as i64),
    ("SC_SHARED_MEMORY_OBJECTS", libc::_SC_SHARED_MEMORY_OBJECTS as i64),
    ("SC_SHRT_MAX", libc::_SC_SHRT_MAX as i64),
    ("SC_SHRT_MIN", libc::_SC_SHRT_MIN as i64),
    ("SC_SIGQUEUE_MAX", libc::_SC_SIGQUEUE_MAX as i64),
    ("SC_SSIZE_MAX", libc::_SC_SSIZE_MAX as i64),
    ("SC_STREAM_MAX", libc::_SC_STREAM_MAX as i64),
    ("SC_SYNCHRONIZED_IO", libc::_SC_SYNCHRONIZED_IO as i64),
    ("SC_THREADS", libc::_SC_THREADS as i64),
    ("SC_THREAD_ATTR_STACKADDR", libc::_SC_THREAD_ATTR_STACKADDR as i64),
    ("SC_THREAD_ATTR_STACKSIZE", libc::_SC_THREAD_ATTR_STACKSIZE as i64),
    ("SC_THREAD_DESTRUCTOR_ITERATIONS", libc::_SC_THREAD_DESTRUCTOR_ITERATIONS as i64),
    ("SC_THREAD_KEYS_MAX", libc::_SC_THREAD_KEYS_MAX as i64),
    ("SC_THREAD_PRIORITY_SCHEDULING", libc::_SC_THREAD_PRIORITY_SCHEDULING as i64),
    ("SC_THREAD_PRIO_INHERIT", libc::_SC_THREAD_PRIO_INHERIT as i64),
    ("SC_THREAD_PRIO_PROTECT", libc::_SC_THREAD_PRIO_PROTECT as i64),
    ("SC_THREAD_PROCESS_SHARED", libc::_SC_THREAD_PROCESS_SHARED as i64),
    ("SC_THREAD_SAFE_FUNCTIONS", libc::_SC_THREAD_SAFE_FUNCTIONS as i64),
    ("SC_THREAD_STACK_MIN", libc::_SC_THREAD_STACK_MIN as i64),
    ("SC_THREAD_THREADS_MAX", libc::_SC_THREAD_THREADS_MAX as i64),
    ("SC_TIMERS", libc::_SC_TIMERS as i64),
    ("SC_TIMER_MAX", libc::_SC_TIMER_MAX as i64),
    ("SC_TTY_NAME_MAX", libc::_SC_TTY_NAME_MAX as i64),
    ("SC_TZNAME_MAX", libc::_SC_TZNAME_MAX as i64),
    ("SC_T_IOV_MAX", libc::_SC_T_IOV_MAX as i64),
    ("SC_UCHAR_MAX", libc::_SC_UCHAR_MAX as i64),
    ("SC_UINT_MAX", libc::_SC_UINT_MAX as i64),
    ("SC_UIO_MAXIOV", libc::_SC_UIO_MAXIOV as i64),
    ("SC_ULONG_MAX", libc::_SC_ULONG_MAX as i64),
    ("SC_USHRT_MAX", libc::_SC_USHRT_MAX as i64),
    ("SC_VERSION", libc::_SC_VERSION as i64),
    ("SC_WORD_BIT", libc::_SC_WORD_BIT as i64),
    ("SC_XBS5_ILP32_OFF32", libc::_SC_XBS5_ILP32_OFF32 as i64),
    ("SC_XBS5_ILP32_OFFBIG", libc::_SC_XBS5_ILP32_OFFBIG as i64),
    ("SC_XBS5_LP64_OFF64", libc::_SC_XBS5_LP64_OFF64 as i64),
    ("SC_XBS5_LPBIG_OFFBIG", libc::_SC_XBS5_LPBIG_OFFBIG as i64),
    ("SC_XOPEN_CRYPT", libc::_SC_XOPEN_CRYPT as i64),
    ("SC_XOPEN_ENH_I18N", libc::_SC_XOPEN_ENH_I18N as i64),
    ("SC_XOPEN_LEGACY", libc::_SC_XOPEN_LEGACY as i64),
    ("SC_XOPEN_REALTIME", libc::_SC_XOPEN_REALTIME as i64),
    ("SC_XOPEN_REALTIME_THREADS", libc::_SC_XOPEN_REALTIME_THREADS as i64),
    ("SC_XOPEN_SHM", libc::_SC_XOPEN_SHM as i64),
    ("SC_XOPEN_UNIX", libc::_SC_XOPEN_UNIX as i64),
    ("SC_XOPEN_VERSION", libc::_SC_XOPEN_VERSION as i64),
    ("SC_XOPEN_XCU_VERSION", libc::_SC_XOPEN_XCU_VERSION as i64),
    ("SC_XOPEN_XPG2", libc::_SC_XOPEN_XPG2 as i64),
    ("SC_XOPEN_XPG3", libc::_SC_XOPEN_XPG3 as i64),
    ("SC_XOPEN_XPG4", libc::_SC_XOPEN_XPG4 as i64),
];

const PATHCONF_NAMES: &[(&str, i64)] = &[
    ("PC_ALLOC_SIZE_MIN", libc::_PC_ALLOC_SIZE_MIN as i64),
    ("PC_ASYNC_IO", libc::_PC_ASYNC_IO as i64),
    ("PC_CHOWN_RESTRICTED", libc::_PC_CHOWN_RESTRICTED as i64),
    ("PC_FILESIZEBITS", libc::_PC_FILESIZEBITS as i64),
    ("PC_LINK_MAX", libc::_PC_LINK_MAX as i64),
    ("PC_MAX_CANON", libc::_PC_MAX_CANON as i64),
    ("PC_MAX_INPUT", libc::_PC_MAX_INPUT as i64),
    ("PC_NAME_MAX", libc::_PC_NAME_MAX as i64),
    ("PC_NO_TRUNC", libc::_PC_NO_TRUNC as i64),
    ("PC_PATH_MAX", libc::_PC_PATH_MAX as i64),
    ("PC_PIPE_BUF", libc::_PC_PIPE_BUF as i64),
    ("PC_PRIO_IO", libc::_PC_PRIO_IO as i64),
    ("PC_REC_INCR_XFER_SIZE", libc::_PC_REC_INCR_XFER_SIZE as i64),
    ("PC_REC_MAX_XFER_SIZE", libc::_PC_REC_MAX_XFER_SIZE as i64),
    ("PC_REC_MIN_XFER_SIZE", libc::_PC_REC_MIN_XFER_SIZE as i64),
    ("PC_REC_XFER_ALIGN", libc::_PC_REC_XFER_ALIGN as i64),
    ("PC_SOCK_MAXBUF", libc::_PC_SOCK_MAXBUF as i64),
    ("PC_SYMLINK_MAX", libc::_PC_SYMLINK_MAX as i64),
    ("PC_SYNC_IO", libc::_PC_SYNC_IO as i64),
    ("PC_VDISABLE", libc::_PC_VDISABLE as i64),
];

const CONFSTR_NAMES: &[(&str, i64)] = &[
    // glibc's values; the libc crate lacks these names.
    ("CS_LFS_CFLAGS", 1000),
    ("CS_LFS_LDFLAGS", 1001),
    ("CS_LFS_LIBS", 1002),
    ("CS_LFS_LINTFLAGS", 1003),
    ("CS_LFS64_CFLAGS", 1004),
    ("CS_LFS64_LDFLAGS", 1005),
    ("CS_LFS64_LIBS", 1006),
    ("CS_LFS64_LINTFLAGS", 1007),
    ("CS_XBS5_ILP32_OFF32_CFLAGS", 1100),
    ("CS_XBS5_ILP32_OFF32_LDFLAGS", 1101),
    ("CS_XBS5_ILP32_OFF32_LIBS", 1102),
    ("CS_XBS5_ILP32_OFF32_LINTFLAGS", 1103),
    ("CS_XBS5_ILP32_OFFBIG_CFLAGS", 1104),
    ("CS_XBS5_ILP32_OFFBIG_LDFLAGS", 1105),
    ("CS_XBS5_ILP32_OFFBIG_LIBS", 1106),
    ("CS_XBS5_ILP32_OFFBIG_LINTFLAGS", 1107),
    ("CS_XBS5_LP64_OFF64_CFLAGS", 1108),
    ("CS_XBS5_LP64_OFF64_LDFLAGS", 1109),
    ("CS_XBS5_LP64_OFF64_LIBS", 1110),
    ("CS_XBS5_LP64_OFF64_LINTFLAGS", 1111),
    ("CS_XBS5_LPBIG_OFFBIG_CFLAGS", 1112),
    ("CS_XBS5_LPBIG_OFFBIG_LDFLAGS", 1113),
    ("CS_XBS5_LPBIG_OFFBIG_LIBS", 1114),
    ("CS_XBS5_LPBIG_OFFBIG_LINTFLAGS", 1115),
    ("CS_GNU_LIBC_VERSION", libc::_CS_GNU_LIBC_VERSION as i64),
    ("CS_GNU_LIBPTHREAD_VERSION", libc::_CS_GNU_LIBPTHREAD_VERSION as i64),
    ("CS_PATH", libc::_CS_PATH as i64),
];

/// A name table as a dict (`sysconf_names` and friends).
fn names_dict(ts: &ThreadState, table: &[(&str, i64)]) -> PyResult<Value> {
    let d = dict::new_dict();
    for (n, v) in table {
        dict::dict_set_item(ts, &d, pystr::new_str(n), int::from_i64(*v))?;
    }
    Ok(d)
}

/// The name tables to put in the module.
pub(crate) fn name_tables(ts: &ThreadState) -> PyResult<[(&'static str, Value); 3]> {
    Ok([
        ("sysconf_names", names_dict(ts, SYSCONF_NAMES)?),
        ("pathconf_names", names_dict(ts, PATHCONF_NAMES)?),
        ("confstr_names", names_dict(ts, CONFSTR_NAMES)?),
    ])
}

/// A configuration name: an int, or a str looked up in `table`.
fn conf_name(ts: &ThreadState, v: &Value, table: &[(&str, i64)]) -> PyResult<i32> {
    if int::is_int(v) {
        return int::c_int_arg(ts, v);
    }
    let Some(s) = pystr::try_as_rust_str(v) else {
        return Err(PyErr::type_error("configuration names must be strings or integers"));
    };
    match table.iter().find(|(n, _)| *n == s) {
        Some((_, x)) => Ok(*x as i32),
        None => Err(PyErr::value_error("unrecognized configuration name")),
    }
}

/// `os.sysconf(name, /)`.
pub(crate) fn p_sysconf(ts: &ThreadState, _m: &Value, a: Args, k: Kw) -> PyResult<Value> {
    let a = args::exact("posix.sysconf", a, k, 1)?;
    let name = conf_name(ts, &a[0], SYSCONF_NAMES)?;
    // SAFETY: errno is thread-local; -1 is a valid result when it stays 0.
    unsafe { *libc::__errno_location() = 0 };
    // SAFETY: sysconf only reads a setting.
    let r = unsafe { libc::sysconf(name) };
    if r == -1 && path::errno_raw() != 0 {
        return Err(path::last_error());
    }
    Ok(int::from_i64(r as i64))
}

/// `os.pathconf(path, name)`.
pub(crate) fn p_pathconf(ts: &ThreadState, _m: &Value, a: Args, k: Kw) -> PyResult<Value> {
    let [p, name] = args::bind("pathconf", a, k, ["path", "name"], 0, 2, 2)?;
    let p = path::path_arg(ts, PathSpec::new("pathconf").fd(), Some(&p.unwrap_or_else(none::none)))?;
    let name = conf_name(ts, &name.unwrap_or_else(none::none), PATHCONF_NAMES)?;
    // SAFETY: errno is thread-local; -1 is a valid result when it stays 0.
    unsafe { *libc::__errno_location() = 0 };
    let r = match p.fd {
        // SAFETY: fpathconf on any int is memory-safe.
        Some(fd) => unsafe { libc::fpathconf(fd, name) },
        None => {
            let c = p.c_or_dot();
            // SAFETY: `c` is NUL-terminated.
            unsafe { libc::pathconf(c.as_ptr(), name) }
        }
    };
    if r == -1 && path::errno_raw() != 0 {
        return Err(path::path_error(&p));
    }
    Ok(int::from_i64(r as i64))
}

/// `os.fpathconf(fd, name, /)`.
pub(crate) fn p_fpathconf(ts: &ThreadState, _m: &Value, a: Args, k: Kw) -> PyResult<Value> {
    let a = crate::modules::fastcall_args("posix", "fpathconf", a, k, 2, 2)?;
    let fd = super::fds::fileno_arg(ts, &a[0])?;
    let name = conf_name(ts, &a[1], PATHCONF_NAMES)?;
    // SAFETY: errno is thread-local; -1 is a valid result when it stays 0.
    unsafe { *libc::__errno_location() = 0 };
    // SAFETY: fpathconf on any int is memory-safe.
    let r = unsafe { libc::fpathconf(fd, name) };
    if r == -1 && path::errno_raw() != 0 {
        return Err(path::last_error());
    }
    Ok(int::from_i64(r as i64))
}

/// `os.confstr(name, /)`: the string, or None when the name has no value.
pub(crate) fn p_confstr(ts: &ThreadState, _m: &Value, a: Args, k: Kw) -> PyResult<Value> {
    let a = args::exact("posix.confstr", a, k, 1)?;
    let name = conf_name(ts, &a[0], CONFSTR_NAMES)?;
    // SAFETY: errno is thread-local; 0 without errno means "no value".
    unsafe { *libc::__errno_location() = 0 };
    // SAFETY: a NULL buffer of length 0 asks for the needed size.
    let n = unsafe { libc::confstr(name, std::ptr::null_mut(), 0) };
    if n == 0 {
        if path::errno_raw() != 0 {
            return Err(path::last_error());
        }
        return Ok(none::none());
    }
    let mut buf = vec![0u8; n];
    // SAFETY: `buf` has the n bytes asked for.
    unsafe { libc::confstr(name, buf.as_mut_ptr() as *mut libc::c_char, n) };
    let end = buf.iter().position(|&b| b == 0).unwrap_or(buf.len());
    Ok(path::fs_decode(&buf[..end]))
}

// The field types differ between platforms, hence the casts.
#[allow(clippy::unnecessary_cast)]
fn statvfs_value(st: &libc::statvfs) -> PyResult<Value> {
    let u = |x: u64| int::from_bigint(num_bigint::BigInt::from(x));
    structseq::new_value(
        &super::stat::STATVFS_RESULT,
        vec![
            u(st.f_bsize as u64),
            u(st.f_frsize as u64),
            u(st.f_blocks as u64),
            u(st.f_bfree as u64),
            u(st.f_bavail as u64),
            u(st.f_files as u64),
            u(st.f_ffree as u64),
            u(st.f_favail as u64),
            u(st.f_flag as u64),
            u(st.f_namemax as u64),
            u(st.f_fsid as u64),
        ],
    )
}

/// `os.statvfs(path)`.
pub(crate) fn p_statvfs(ts: &ThreadState, _m: &Value, a: Args, k: Kw) -> PyResult<Value> {
    let [p] = args::bind("statvfs", a, k, ["path"], 0, 1, 1)?;
    let p = path::path_arg(ts, PathSpec::new("statvfs").fd(), Some(&p.unwrap_or_else(none::none)))?;
    // SAFETY: statvfs is plain data.
    let mut st: libc::statvfs = unsafe { std::mem::zeroed() };
    let r = match p.fd {
        // SAFETY: `st` is a valid out-pointer.
        Some(fd) => unsafe { libc::fstatvfs(fd, &mut st) },
        None => {
            let c = p.c_or_dot();
            // SAFETY: `c` is NUL-terminated and `st` a valid out-pointer.
            unsafe { libc::statvfs(c.as_ptr(), &mut st) }
        }
    };
    if r != 0 {
        return Err(path::path_error(&p));
    }
    statvfs_value(&st)
}

/// `os.fstatvfs(fd, /)`.
pub(crate) fn p_fstatvfs(ts: &ThreadState, _m: &Value, a: Args, k: Kw) -> PyResult<Value> {
    let a = args::exact("posix.fstatvfs", a, k, 1)?;
    let fd = path::int_arg(ts, &a[0])?;
    // SAFETY: statvfs is plain data.
    let mut st: libc::statvfs = unsafe { std::mem::zeroed() };
    // SAFETY: `st` is a valid out-pointer.
    if unsafe { libc::fstatvfs(fd, &mut st) } != 0 {
        return Err(path::last_error());
    }
    statvfs_value(&st)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn tables_sorted_and_known() {
        // From python3: os.sysconf_names['SC_PAGESIZE'], os.pathconf_names['PC_NAME_MAX'],
        // os.confstr_names['CS_PATH'] (glibc values).
        assert!(SYSCONF_NAMES.iter().any(|&(n, v)| n == "SC_PAGESIZE" && v == 30));
        assert!(PATHCONF_NAMES.iter().any(|&(n, v)| n == "PC_NAME_MAX" && v == 3));
        assert!(CONFSTR_NAMES.iter().any(|&(n, v)| n == "CS_PATH" && v == 0));
        assert_eq!(SYSCONF_NAMES.len(), 135);
        assert_eq!(PATHCONF_NAMES.len(), 20);
        assert_eq!(CONFSTR_NAMES.len(), 27);
    }
}
