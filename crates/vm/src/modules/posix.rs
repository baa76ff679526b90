//! The `posix` module (CPython's Modules/posixmodule.c), on which the
//! standard library's os.py is built: paths, file descriptors, directory
//! listing and scandir, stat, process identity and control, environ.
//!
//! Paths are accepted as str (encoded UTF-8 with surrogateescape), bytes or
//! os.PathLike, and where CPython allows it an int file descriptor; file
//! names come back as str or bytes following the kind of path given.

mod conf;
mod extra;
mod fds;
pub(crate) use fds::fileno_arg;
mod fs;
mod info;
mod path;
mod process;
mod scandir;
mod stat;
mod xattr;

pub(crate) use path::fs_decode;
pub use scandir::{DIR_ENTRY_TYPE, SCANDIR_ITERATOR_TYPE};
pub use stat::{STATVFS_RESULT, STAT_RESULT, STAT_RESULT_TYPE, TERMINAL_SIZE, TIMES_RESULT, UNAME_RESULT, WAITID_RESULT};

use crate::object::typeobj::{CallFn, PyType};
use crate::object::value::Value;
use crate::runtime::errors::PyResult;
use crate::runtime::thread::ThreadState;
use crate::types::{exceptions as exc, int, str as pystr};

const FUNCTIONS: &[(&str, CallFn)] = &[
    ("_exit", process::p_exit),
    ("abort", process::p_abort),
    ("access", fs::p_access),
    ("chdir", fs::p_chdir),
    ("chmod", fs::p_chmod),
    ("close", fds::p_close),
    ("closerange", fds::p_closerange),
    ("cpu_count", info::p_cpu_count),
    ("device_encoding", fds::p_device_encoding),
    ("dup", fds::p_dup),
    ("dup2", fds::p_dup2),
    ("execv", process::p_execv),
    ("execve", process::p_execve),
    ("fchdir", fs::p_fchdir),
    ("fchmod", fs::p_fchmod),
    ("fork", process::p_fork),
    ("fspath", info::p_fspath),
    ("fstat", stat::p_fstat),
    ("fsync", fds::p_fsync),
    ("ftruncate", fds::p_ftruncate),
    ("get_blocking", fds::p_get_blocking),
    ("get_inheritable", fds::p_get_inheritable),
    ("get_terminal_size", info::p_get_terminal_size),
    ("getcwd", fs::p_getcwd),
    ("getcwdb", fs::p_getcwdb),
    ("getegid", info::p_getegid),
    ("geteuid", info::p_geteuid),
    ("getgid", info::p_getgid),
    ("getgroups", info::p_getgroups),
    ("getloadavg", info::p_getloadavg),
    ("getlogin", info::p_getlogin),
    ("getpgrp", info::p_getpgrp),
    ("getpid", info::p_getpid),
    ("getppid", info::p_getppid),
    ("getuid", info::p_getuid),
    ("isatty", fds::p_isatty),
    ("kill", process::p_kill),
    ("link", fs::p_link),
    ("listdir", fs::p_listdir),
    ("lseek", fds::p_lseek),
    ("lstat", stat::p_lstat),
    ("mkdir", fs::p_mkdir),
    ("open", fds::p_open),
    ("pipe", fds::p_pipe),
    ("putenv", info::p_putenv),
    ("read", fds::p_read),
    ("readlink", fs::p_readlink),
    ("remove", fs::p_remove),
    ("rename", fs::p_rename),
    ("replace", fs::p_replace),
    ("rmdir", fs::p_rmdir),
    ("scandir", scandir::p_scandir),
    ("set_blocking", fds::p_set_blocking),
    ("set_inheritable", fds::p_set_inheritable),
    ("stat", stat::p_stat),
    ("strerror", info::p_strerror),
    ("symlink", fs::p_symlink),
    ("system", process::p_system),
    ("times", info::p_times),
    ("truncate", fs::p_truncate),
    ("umask", info::p_umask),
    ("uname", info::p_uname),
    ("unlink", fs::p_unlink),
    ("unsetenv", info::p_unsetenv),
    ("urandom", info::p_urandom),
    ("utime", fs::p_utime),
    ("waitid", process::p_waitid),
    ("waitpid", process::p_waitpid),
    ("waitstatus_to_exitcode", process::p_waitstatus_to_exitcode),
    ("WCOREDUMP", process::p_wcoredump),
    ("WEXITSTATUS", process::p_wexitstatus),
    ("WIFCONTINUED", process::p_wifcontinued),
    ("WIFEXITED", process::p_wifexited),
    ("WIFSIGNALED", process::p_wifsignaled),
    ("WIFSTOPPED", process::p_wifstopped),
    ("WSTOPSIG", process::p_wstopsig),
    ("WTERMSIG", process::p_wtermsig),
    ("write", fds::p_write),
    ("chown", extra::p_chown),
    ("ctermid", extra::p_ctermid),
    ("fchown", extra::p_fchown),
    ("getpgid", extra::p_getpgid),
    ("getrandom", extra::p_getrandom),
    ("getresgid", extra::p_getresgid),
    ("getresuid", extra::p_getresuid),
    ("getsid", extra::p_getsid),
    ("killpg", extra::p_killpg),
    ("lchown", extra::p_lchown),
    ("major", extra::p_major),
    ("makedev", extra::p_makedev),
    ("minor", extra::p_minor),
    ("mkfifo", extra::p_mkfifo),
    ("mknod", extra::p_mknod),
    ("nice", extra::p_nice),
    ("pread", extra::p_pread),
    ("pwrite", extra::p_pwrite),
    ("register_at_fork", extra::p_register_at_fork),
    ("sched_getaffinity", extra::p_sched_getaffinity),
    ("sched_yield", extra::p_sched_yield),
    ("setpgid", extra::p_setpgid),
    ("setsid", extra::p_setsid),
    ("sync", extra::p_sync),
    ("ttyname", extra::p_ttyname),
    ("wait", extra::p_wait),
    ("chroot", extra::p_chroot),
    ("copy_file_range", extra::p_copy_file_range),
    ("pidfd_open", extra::p_pidfd_open),
    ("sched_get_priority_max", extra::p_sched_get_priority_max),
    ("sched_get_priority_min", extra::p_sched_get_priority_min),
    ("sched_getscheduler", extra::p_sched_getscheduler),
    ("sched_setaffinity", extra::p_sched_setaffinity),
    ("splice", extra::p_splice),
    ("writev", extra::p_writev),
    ("eventfd", extra::p_eventfd),
    ("eventfd_read", extra::p_eventfd_read),
    ("eventfd_write", extra::p_eventfd_write),
    ("fdatasync", extra::p_fdatasync),
    ("getpriority", extra::p_getpriority),
    ("lockf", extra::p_lockf),
    ("memfd_create", extra::p_memfd_create),
    ("openpty", extra::p_openpty),
    ("posix_fadvise", extra::p_posix_fadvise),
    ("posix_fallocate", extra::p_posix_fallocate),
    ("setegid", extra::p_setegid),
    ("seteuid", extra::p_seteuid),
    ("setgid", extra::p_setgid),
    ("setpriority", extra::p_setpriority),
    ("setregid", extra::p_setregid),
    ("setreuid", extra::p_setreuid),
    ("setuid", extra::p_setuid),
    ("tcgetpgrp", extra::p_tcgetpgrp),
    ("tcsetpgrp", extra::p_tcsetpgrp),
    ("getxattr", xattr::p_getxattr),
    ("listxattr", xattr::p_listxattr),
    ("removexattr", xattr::p_removexattr),
    ("setxattr", xattr::p_setxattr),
    ("confstr", conf::p_confstr),
    ("fpathconf", conf::p_fpathconf),
    ("fstatvfs", conf::p_fstatvfs),
    ("pathconf", conf::p_pathconf),
    ("pipe2", fds::p_pipe2),
    ("sendfile", fds::p_sendfile),
    ("statvfs", conf::p_statvfs),
    ("sysconf", conf::p_sysconf),
];

/// Which optional C functions the module uses, as os.py reads them to
/// build `supports_dir_fd`, `supports_fd` and `supports_follow_symlinks`.
const HAVE_FUNCTIONS: &[&str] = &[
    "HAVE_EVENTFD",
    "HAVE_FACCESSAT",
    "HAVE_FCHDIR",
    "HAVE_FCHMOD",
    "HAVE_FCHMODAT",
    "HAVE_FCHOWN",
    "HAVE_FCHOWNAT",
    "HAVE_FEXECVE",
    "HAVE_FDOPENDIR",
    "HAVE_FPATHCONF",
    "HAVE_FSTATAT",
    "HAVE_FSTATVFS",
    "HAVE_FTRUNCATE",
    "HAVE_FUTIMENS",
    "HAVE_FUTIMES",
    "HAVE_FUTIMESAT",
    "HAVE_LCHOWN",
    "HAVE_MEMFD_CREATE",
    "HAVE_LINKAT",
    "HAVE_LSTAT",
    "HAVE_LUTIMES",
    "HAVE_MKDIRAT",
    "HAVE_MKFIFOAT",
    "HAVE_MKNODAT",
    "HAVE_OPENAT",
    "HAVE_READLINKAT",
    "HAVE_RENAMEAT",
    "HAVE_SYMLINKAT",
    "HAVE_UNLINKAT",
    "HAVE_UTIMENSAT",
];

/// Integer constants, with the platform's values.
fn constants() -> Vec<(&'static str, i64)> {
    use libc::*;
    vec![
        ("F_OK", F_OK as i64),
        ("R_OK", R_OK as i64),
        ("W_OK", W_OK as i64),
        ("X_OK", X_OK as i64),
        ("O_RDONLY", O_RDONLY as i64),
        ("O_WRONLY", O_WRONLY as i64),
        ("O_RDWR", O_RDWR as i64),
        ("O_ACCMODE", O_ACCMODE as i64),
        ("O_APPEND", O_APPEND as i64),
        ("O_ASYNC", O_ASYNC as i64),
        ("O_CLOEXEC", O_CLOEXEC as i64),
        ("O_CREAT", O_CREAT as i64),
        ("O_DIRECT", O_DIRECT as i64),
        ("O_DIRECTORY", O_DIRECTORY as i64),
        ("O_DSYNC", O_DSYNC as i64),
        ("O_EXCL", O_EXCL as i64),
        ("O_FSYNC", O_FSYNC as i64),
        ("O_LARGEFILE", O_LARGEFILE as i64),
        ("O_NDELAY", O_NDELAY as i64),
        ("O_NOATIME", O_NOATIME as i64),
        ("O_NOCTTY", O_NOCTTY as i64),
        ("O_NOFOLLOW", O_NOFOLLOW as i64),
        ("O_NONBLOCK", O_NONBLOCK as i64),
        ("O_PATH", O_PATH as i64),
        ("O_RSYNC", O_RSYNC as i64),
        ("O_SYNC", O_SYNC as i64),
        ("O_TMPFILE", O_TMPFILE as i64),
        ("O_TRUNC", O_TRUNC as i64),
        ("SEEK_DATA", SEEK_DATA as i64),
        ("SEEK_HOLE", SEEK_HOLE as i64),
        ("F_LOCK", F_LOCK as i64),
        ("F_TLOCK", F_TLOCK as i64),
        ("F_ULOCK", F_ULOCK as i64),
        ("F_TEST", F_TEST as i64),
        ("WNOHANG", WNOHANG as i64),
        ("WUNTRACED", WUNTRACED as i64),
        ("WCONTINUED", WCONTINUED as i64),
        ("WEXITED", WEXITED as i64),
        ("WSTOPPED", WSTOPPED as i64),
        ("WNOWAIT", WNOWAIT as i64),
        ("P_PID", P_PID as i64),
        ("P_PGID", P_PGID as i64),
        ("P_ALL", P_ALL as i64),
        ("CLD_EXITED", CLD_EXITED as i64),
        ("CLD_KILLED", CLD_KILLED as i64),
        ("CLD_DUMPED", CLD_DUMPED as i64),
        ("CLD_TRAPPED", CLD_TRAPPED as i64),
        ("CLD_STOPPED", CLD_STOPPED as i64),
        ("CLD_CONTINUED", CLD_CONTINUED as i64),
        // sysexits.h and limits.h values (the libc crate lacks them).
        ("EX_OK", 0),
        ("EX_USAGE", 64),
        ("EX_DATAERR", 65),
        ("EX_NOINPUT", 66),
        ("EX_NOUSER", 67),
        ("EX_NOHOST", 68),
        ("EX_UNAVAILABLE", 69),
        ("EX_SOFTWARE", 70),
        ("EX_OSERR", 71),
        ("EX_OSFILE", 72),
        ("EX_CANTCREAT", 73),
        ("EX_IOERR", 74),
        ("EX_TEMPFAIL", 75),
        ("EX_PROTOCOL", 76),
        ("EX_NOPERM", 77),
        ("EX_CONFIG", 78),
        ("PRIO_PROCESS", PRIO_PROCESS as i64),
        ("PRIO_PGRP", PRIO_PGRP as i64),
        ("PRIO_USER", PRIO_USER as i64),
        ("SCHED_OTHER", SCHED_OTHER as i64),
        ("SCHED_FIFO", SCHED_FIFO as i64),
        ("SCHED_RR", SCHED_RR as i64),
        ("SCHED_BATCH", SCHED_BATCH as i64),
        ("SCHED_IDLE", SCHED_IDLE as i64),
        ("SCHED_RESET_ON_FORK", SCHED_RESET_ON_FORK as i64),
        ("RTLD_LAZY", RTLD_LAZY as i64),
        ("RTLD_NOW", RTLD_NOW as i64),
        ("RTLD_GLOBAL", RTLD_GLOBAL as i64),
        ("RTLD_LOCAL", RTLD_LOCAL as i64),
        ("RTLD_NODELETE", RTLD_NODELETE as i64),
        ("RTLD_NOLOAD", RTLD_NOLOAD as i64),
        ("RTLD_DEEPBIND", RTLD_DEEPBIND as i64),
        ("GRND_NONBLOCK", GRND_NONBLOCK as i64),
        ("GRND_RANDOM", GRND_RANDOM as i64),
        ("NGROUPS_MAX", 65536),
        ("TMP_MAX", 238328),
        ("EFD_CLOEXEC", EFD_CLOEXEC as i64),
        ("EFD_NONBLOCK", EFD_NONBLOCK as i64),
        ("EFD_SEMAPHORE", EFD_SEMAPHORE as i64),
        ("MFD_CLOEXEC", MFD_CLOEXEC as i64),
        ("MFD_ALLOW_SEALING", MFD_ALLOW_SEALING as i64),
        ("MFD_HUGETLB", MFD_HUGETLB as i64),
        ("POSIX_FADV_NORMAL", POSIX_FADV_NORMAL as i64),
        ("POSIX_FADV_RANDOM", POSIX_FADV_RANDOM as i64),
        ("POSIX_FADV_SEQUENTIAL", POSIX_FADV_SEQUENTIAL as i64),
        ("POSIX_FADV_WILLNEED", POSIX_FADV_WILLNEED as i64),
        ("POSIX_FADV_DONTNEED", POSIX_FADV_DONTNEED as i64),
        ("POSIX_FADV_NOREUSE", POSIX_FADV_NOREUSE as i64),
        ("SPLICE_F_MOVE", SPLICE_F_MOVE as i64),
        ("SPLICE_F_NONBLOCK", SPLICE_F_NONBLOCK as i64),
        ("SPLICE_F_MORE", SPLICE_F_MORE as i64),
        ("P_PIDFD", P_PIDFD as i64),
        ("XATTR_CREATE", XATTR_CREATE as i64),
        ("XATTR_REPLACE", XATTR_REPLACE as i64),
        ("XATTR_SIZE_MAX", 65536),
        ("ST_RDONLY", ST_RDONLY as i64),
        ("ST_NOSUID", ST_NOSUID as i64),
    ]
}

/// The static types of this module.
pub fn types() -> Vec<&'static PyType> {
    scandir::types()
}

/// Fill the static types (after the struct sequences are set up).
pub fn init() {
    stat::init();
    scandir::init();
}

/// `environ`: the process environment as a dict of bytes to bytes.
fn environ_dict(ts: &ThreadState) -> PyResult<Value> {
    use std::os::unix::ffi::OsStrExt;
    let d = crate::types::dict::new_dict();
    for (k, v) in std::env::vars_os() {
        let k = crate::types::bytes::new_bytes(k.as_bytes().to_vec());
        let v = crate::types::bytes::new_bytes(v.as_bytes().to_vec());
        // The first occurrence of a name wins, as CPython's loop does.
        if crate::types::dict::dict_get_item(ts, &d, &k)?.is_none() {
            crate::types::dict::dict_set_item(ts, &d, k, v)?;
        }
    }
    Ok(d)
}

/// Create the `posix` module.
pub fn create(ts: &ThreadState) -> PyResult<Value> {
    let (m, d) = super::new_native_module(ts, "posix", FUNCTIONS)?;
    for (name, v) in constants() {
        super::set_attr(ts, &d, name, int::from_i64(v))?;
    }
    super::set_attr(ts, &d, "environ", environ_dict(ts)?)?;
    super::set_attr(ts, &d, "error", exc::OS_ERROR.to_value())?;
    super::set_attr(ts, &d, "stat_result", STAT_RESULT_TYPE.to_value())?;
    super::set_attr(ts, &d, "uname_result", stat::UNAME_RESULT_TYPE.to_value())?;
    super::set_attr(ts, &d, "times_result", stat::TIMES_RESULT_TYPE.to_value())?;
    super::set_attr(ts, &d, "terminal_size", stat::TERMINAL_SIZE_TYPE.to_value())?;
    super::set_attr(ts, &d, "statvfs_result", stat::STATVFS_RESULT_TYPE.to_value())?;
    super::set_attr(ts, &d, "waitid_result", stat::WAITID_RESULT_TYPE.to_value())?;
    super::set_attr(ts, &d, "DirEntry", DIR_ENTRY_TYPE.to_value())?;
    for (name, table) in conf::name_tables(ts)? {
        super::set_attr(ts, &d, name, table)?;
    }
    let have: Vec<Value> = HAVE_FUNCTIONS.iter().map(|s| pystr::new_str(s)).collect();
    super::set_attr(ts, &d, "_have_functions", crate::types::list::new_list(have)?)?;
    Ok(m)
}
