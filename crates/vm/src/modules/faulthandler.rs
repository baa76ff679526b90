//! `faulthandler`: the Python traceback written straight to a file
//! descriptor on a fatal signal (`enable`), on a user signal (`register`),
//! after a timeout (`dump_traceback_later`) or on request
//! (`dump_traceback`). Dumps run inside signal handlers, so they only read
//! memory and call write(2): no allocation, no lock, no Python code.

use std::cell::{RefCell, UnsafeCell};
use std::sync::atomic::{AtomicBool, AtomicI32, AtomicU8, Ordering};
use std::sync::mpsc;

use crate::eval::frame::Frame;
use crate::object::{args, protocol};
use crate::object::value::Value;
use crate::runtime::errors::{PyErr, PyResult};
use crate::runtime::thread::ThreadState;
use crate::types::{bool_, exceptions as exc, float, int, none, str as pystr};

/// Frames and string lengths beyond these are cut short, as CPython's
/// traceback dumper does.
const MAX_FRAME_DEPTH: usize = 100;
const MAX_STRING_LENGTH: usize = 500;

/// The signals `enable` handles, with CPython's names for them.
const FATAL: [(libc::c_int, &str); 5] = [
    (libc::SIGBUS, "Bus error"),
    (libc::SIGILL, "Illegal instruction"),
    (libc::SIGFPE, "Floating point exception"),
    (libc::SIGABRT, "Aborted"),
    (libc::SIGSEGV, "Segmentation fault"),
];

/// Signal numbers below this are valid (Linux's _NSIG).
const NSIG: usize = 65;

// ---- writing, async-signal-safe ----

fn write_bytes(fd: i32, mut data: &[u8]) {
    while !data.is_empty() {
        // SAFETY: `data` is a valid buffer of `data.len()` bytes.
        let n = unsafe { libc::write(fd, data.as_ptr().cast(), data.len()) };
        if n > 0 {
            data = &data[n as usize..];
        } else if n < 0 && std::io::Error::last_os_error().raw_os_error() == Some(libc::EINTR) {
            continue;
        } else {
            return;
        }
    }
}

fn write_str(fd: i32, s: &str) {
    write_bytes(fd, s.as_bytes());
}

/// `n` in base `base`, at least `width` digits (zero-padded).
fn write_number(fd: i32, mut n: u64, base: u64, width: usize) {
    let mut buf = [0u8; 24];
    let mut i = buf.len();
    loop {
        i -= 1;
        buf[i] = b"0123456789abcdef"[(n % base) as usize];
        n /= base;
        if n == 0 && buf.len() - i >= width {
            break;
        }
    }
    write_bytes(fd, &buf[i..]);
}

/// A str as CPython's _Py_DumpASCII writes it: printable ASCII as is,
/// other characters escaped, cut at MAX_STRING_LENGTH characters.
fn write_ascii(fd: i32, v: &Value) {
    let Some(s) = pystr::as_pystr(v) else {
        write_str(fd, "???");
        return;
    };
    let mut chunk = [0u8; 64];
    let mut used = 0;
    for (i, ch) in s.data.code_points().enumerate() {
        if i == MAX_STRING_LENGTH {
            write_bytes(fd, &chunk[..used]);
            write_str(fd, "...");
            return;
        }
        if used + 10 > chunk.len() {
            write_bytes(fd, &chunk[..used]);
            used = 0;
        }
        if (0x20..0x7f).contains(&ch) {
            chunk[used] = ch as u8;
            used += 1;
        } else {
            write_bytes(fd, &chunk[..used]);
            used = 0;
            let (prefix, width) = match ch {
                0..=0xff => ("\\x", 2),
                0x100..=0xffff => ("\\u", 4),
                _ => ("\\U", 8),
            };
            write_str(fd, prefix);
            write_number(fd, ch as u64, 16, width);
        }
    }
    write_bytes(fd, &chunk[..used]);
}

// ---- the dump ----

/// The line of the instruction at code unit `index`, decoded without
/// allocating (-1 when it has none).
fn line_of(frame: &Frame) -> i64 {
    let code = &frame.code().code;
    let index = frame.lasti.get() as usize;
    let mut units = 0usize;
    for entry in compiler::code::decode_linetable(&code.co_linetable, code.co_firstlineno as i32) {
        units += entry.units as usize;
        if index < units {
            return entry.loc.lineno as i64;
        }
    }
    -1
}

/// `  File "name", line N in func` for each frame of `ts`, innermost first.
fn dump_frames(fd: i32, ts: &ThreadState) {
    let mut f = ts.current_frame.get();
    if f.is_null() {
        write_str(fd, "  <no Python frame>\n");
        return;
    }
    let mut depth = 0;
    while !f.is_null() {
        if depth == MAX_FRAME_DEPTH {
            write_str(fd, "  ...\n");
            return;
        }
        // SAFETY: the dump runs on the thread that owns these frames (in a
        // signal handler between its instructions, or called by it); a
        // frame is fully linked before `current_frame` points at it, and
        // it stays linked until it is popped.
        let frame = unsafe { &*f };
        let code = frame.code();
        write_str(fd, "  File \"");
        write_ascii(fd, &code.filename);
        write_str(fd, "\", line ");
        match line_of(frame) {
            n if n < 0 => write_str(fd, "???"),
            n => write_number(fd, n as u64, 10, 1),
        }
        write_str(fd, " in ");
        write_ascii(fd, &code.name);
        write_str(fd, "\n");
        f = frame.previous;
        depth += 1;
    }
}

/// The traceback of this thread: under a "Current thread"/"Thread" header
/// with its id (`all_threads`; pyrite runs one thread per interpreter),
/// else under "Stack".
fn dump_traceback(fd: i32, all_threads: bool, current: bool) {
    let Some(ts) = ThreadState::current() else { return };
    if all_threads {
        write_str(fd, if current { "Current thread 0x" } else { "Thread 0x" });
        // SAFETY: pthread_self has no preconditions.
        let id = unsafe { libc::pthread_self() } as u64;
        write_number(fd, id, 16, 16);
        write_str(fd, " (most recent call first):\n");
    } else {
        write_str(fd, "Stack (most recent call first):\n");
    }
    if crate::gc::is_collecting() {
        write_str(fd, "  Garbage-collecting\n");
    }
    dump_frames(fd, ts);
}

/// Previous signal dispositions, read by the handlers. Written only while
/// the corresponding handler is not installed (or is being installed,
/// before `sigaction` makes it live).
struct Saved(UnsafeCell<[libc::sigaction; NSIG]>);

// SAFETY: see the type's documentation: a slot is written before the
// handler that reads it is installed and read only by that handler.
unsafe impl Sync for Saved {}

impl Saved {
    const fn new() -> Saved {
        // SAFETY: sigaction is a plain C struct; all-zero is SIG_DFL with an empty mask.
        Saved(UnsafeCell::new(unsafe { std::mem::zeroed() }))
    }

    /// Install `handler` for `sig`, keeping the disposition it replaces.
    fn install(&self, sig: libc::c_int, handler: libc::sighandler_t, flags: libc::c_int) -> std::io::Result<()> {
        // SAFETY: a zeroed sigaction is valid; the slot for `sig` (< NSIG)
        // is not read until our handler for `sig` is live.
        unsafe {
            let mut act: libc::sigaction = std::mem::zeroed();
            act.sa_sigaction = handler;
            libc::sigemptyset(&mut act.sa_mask);
            act.sa_flags = flags;
            let slot = &mut (*self.0.get())[sig as usize];
            if libc::sigaction(sig, &act, slot) != 0 {
                return Err(std::io::Error::last_os_error());
            }
        }
        Ok(())
    }

    /// Put back the disposition `install` replaced.
    fn restore(&self, sig: libc::c_int) {
        // SAFETY: the slot holds the sigaction saved by `install`.
        unsafe {
            libc::sigaction(sig, &(*self.0.get())[sig as usize], std::ptr::null_mut());
        }
    }
}

static PREVIOUS: Saved = Saved::new();

/// Raise `sig` again for the disposition now in force; when that handler
/// returned after resetting the signal to its default (Rust's own SIGSEGV
/// handler does), raise it once more so the default action happens.
fn reraise(sig: libc::c_int) {
    // SAFETY: raise and sigaction are async-signal-safe; `cur` is written by sigaction.
    unsafe {
        libc::raise(sig);
        let mut cur: libc::sigaction = std::mem::zeroed();
        if libc::sigaction(sig, std::ptr::null(), &mut cur) == 0 && cur.sa_sigaction == libc::SIG_DFL {
            libc::raise(sig);
        }
    }
}

/// Keep and put back errno around a handler's work.
fn with_errno(f: impl FnOnce()) {
    // SAFETY: __errno_location returns this thread's errno slot.
    let saved = unsafe { *libc::__errno_location() };
    f();
    // SAFETY: as above.
    unsafe { *libc::__errno_location() = saved };
}

// ---- SIGSEGV and SIGBUS sent by kill() ----

/// The runtime's own SIGSEGV/SIGBUS handlers (Rust's stack overflow
/// reporting), which `fault_or_kill` passes faults to.
static RUNTIME_PREVIOUS: Saved = Saved::new();

/// Rust's handler, for a fault outside a stack guard page, resets the
/// signal to its default and returns so the faulting instruction faults
/// again; a signal sent by kill() is not sent again, and the process would
/// live on. Sent signals get the default action here, as in CPython.
extern "C" fn fault_or_kill(sig: libc::c_int, info: *mut libc::siginfo_t, ctx: *mut libc::c_void) {
    // SAFETY: the kernel passes a valid siginfo to an SA_SIGINFO handler.
    let sent = info.is_null() || unsafe { (*info).si_code } <= 0;
    if sent {
        // SAFETY: signal and raise are async-signal-safe.
        unsafe {
            libc::signal(sig, libc::SIG_DFL);
            libc::raise(sig);
        }
        return;
    }
    // SAFETY: the slot holds the disposition `install_fault_handlers`
    // replaced; a handler address is called with the arguments its
    // SA_SIGINFO flag promises.
    unsafe {
        let prev = &(*RUNTIME_PREVIOUS.0.get())[sig as usize];
        match prev.sa_sigaction {
            libc::SIG_DFL | libc::SIG_IGN => {
                libc::signal(sig, libc::SIG_DFL);
            }
            h if prev.sa_flags & libc::SA_SIGINFO != 0 => {
                let f: extern "C" fn(libc::c_int, *mut libc::siginfo_t, *mut libc::c_void) = std::mem::transmute(h);
                f(sig, info, ctx);
            }
            h => {
                let f: extern "C" fn(libc::c_int) = std::mem::transmute(h);
                f(sig);
            }
        }
    }
}

/// Whether `h` is `fault_or_kill`, which `signal.getsignal` reports as
/// SIG_DFL (the action it leads to).
pub fn is_fault_handler(h: libc::sighandler_t) -> bool {
    h == fault_or_kill as extern "C" fn(libc::c_int, *mut libc::siginfo_t, *mut libc::c_void) as libc::sighandler_t
}

/// At start-up, before the signal module reads the dispositions: SIGSEGV
/// and SIGBUS go through `fault_or_kill`.
pub fn install_fault_handlers() {
    for sig in [libc::SIGSEGV, libc::SIGBUS] {
        let handler = fault_or_kill as extern "C" fn(libc::c_int, *mut libc::siginfo_t, *mut libc::c_void) as libc::sighandler_t;
        let _ = RUNTIME_PREVIOUS.install(sig, handler, libc::SA_SIGINFO | libc::SA_ONSTACK | libc::SA_NODEFER);
    }
}

// ---- enable / disable: fatal signals ----

static FATAL_ENABLED: AtomicBool = AtomicBool::new(false);
static FATAL_FD: AtomicI32 = AtomicI32::new(2);
static FATAL_ALL_THREADS: AtomicBool = AtomicBool::new(true);

extern "C" fn fatal_handler(sig: libc::c_int) {
    with_errno(|| {
        let Some(&(_, name)) = FATAL.iter().find(|(s, _)| *s == sig) else { return };
        // The previous disposition first: a fault in the dump then ends the process.
        PREVIOUS.restore(sig);
        let fd = FATAL_FD.load(Ordering::Relaxed);
        write_str(fd, "Fatal Python error: ");
        write_str(fd, name);
        write_str(fd, "\n\n");
        dump_traceback(fd, FATAL_ALL_THREADS.load(Ordering::Relaxed), true);
    });
    reraise(sig);
}

fn enable_fatal() -> PyResult<()> {
    if FATAL_ENABLED.swap(true, Ordering::SeqCst) {
        return Ok(());
    }
    for (sig, _) in FATAL {
        // SA_NODEFER: the previous handler, raised from ours, runs at once.
        let handler = fatal_handler as extern "C" fn(libc::c_int) as libc::sighandler_t;
        PREVIOUS.install(sig, handler, libc::SA_NODEFER | libc::SA_ONSTACK).map_err(|e| exc::os_error_from_io(&e, None))?;
    }
    Ok(())
}

fn disable_fatal() -> bool {
    if !FATAL_ENABLED.swap(false, Ordering::SeqCst) {
        return false;
    }
    for (sig, _) in FATAL {
        PREVIOUS.restore(sig);
    }
    true
}

// ---- register / unregister: user signals ----

/// Per signal: 0 not registered; else 1 + (all_threads) + 2 * (chain).
static USER_MODE: [AtomicU8; NSIG] = [const { AtomicU8::new(0) }; NSIG];
static USER_FD: [AtomicI32; NSIG] = [const { AtomicI32::new(2) }; NSIG];

extern "C" fn user_handler(sig: libc::c_int) {
    let Some(mode) = USER_MODE.get(sig as usize).map(|m| m.load(Ordering::Relaxed)) else { return };
    if mode == 0 {
        return;
    }
    with_errno(|| dump_traceback(USER_FD[sig as usize].load(Ordering::Relaxed), (mode - 1) & 1 != 0, true));
    if (mode - 1) & 2 != 0 {
        // chain: the previous handler runs too, then ours is back.
        PREVIOUS.restore(sig);
        // SAFETY: raise is async-signal-safe.
        unsafe { libc::raise(sig) };
        let handler = user_handler as extern "C" fn(libc::c_int) as libc::sighandler_t;
        let _ = PREVIOUS.install(sig, handler, libc::SA_NODEFER | libc::SA_ONSTACK);
    }
}

// ---- dump_traceback_later: the watchdog ----

/// The signal the watchdog sends the thread it watches, whose handler then
/// dumps that thread's own frames (reading them from the watchdog thread
/// would race with the running code).
fn watchdog_signal() -> libc::c_int {
    libc::SIGRTMAX() - 1
}

static LATER_FD: AtomicI32 = AtomicI32::new(2);
/// Set by the handler when its dump is written (the watchdog waits for it).
static LATER_DONE: AtomicBool = AtomicBool::new(false);
static LATER_HANDLER: AtomicBool = AtomicBool::new(false);

extern "C" fn later_handler(_sig: libc::c_int) {
    with_errno(|| dump_traceback(LATER_FD.load(Ordering::Relaxed), true, false));
    LATER_DONE.store(true, Ordering::SeqCst);
}

struct Watchdog {
    cancel: mpsc::Sender<()>,
    thread: std::thread::JoinHandle<()>,
}

thread_local! {
    static WATCHDOG: RefCell<Option<Watchdog>> = const { RefCell::new(None) };
    /// The file objects whose descriptors the dumps write to, kept open
    /// (fatal, watchdog, then one per user signal).
    static FILES: RefCell<Vec<(usize, Value)>> = const { RefCell::new(Vec::new()) };
}

const FILE_FATAL: usize = usize::MAX;
const FILE_LATER: usize = usize::MAX - 1;

fn keep_file(slot: usize, file: Option<Value>) {
    FILES.with(|f| {
        let mut f = f.borrow_mut();
        f.retain(|(s, _)| *s != slot);
        if let Some(v) = file {
            f.push((slot, v));
        }
    });
}

/// "Timeout (H:MM:SS[.ffffff])!\n" for `us` microseconds.
fn timeout_header(us: u64) -> String {
    let (sec, frac) = (us / 1_000_000, us % 1_000_000);
    let (h, m, s) = (sec / 3600, sec / 60 % 60, sec % 60);
    if frac != 0 {
        format!("Timeout ({h}:{m:02}:{s:02}.{frac:06})!\n")
    } else {
        format!("Timeout ({h}:{m:02}:{s:02})!\n")
    }
}

fn cancel_later() {
    if let Some(w) = WATCHDOG.with(|w| w.borrow_mut().take()) {
        drop(w.cancel);
        let _ = w.thread.join();
    }
    keep_file(FILE_LATER, None);
}

/// Stop everything at shutdown (CPython's _PyFaulthandler_Fini): the
/// watchdog, the user signal handlers, the fatal handlers.
pub fn fini() {
    cancel_later();
    for sig in 1..NSIG {
        if USER_MODE[sig].swap(0, Ordering::SeqCst) != 0 {
            PREVIOUS.restore(sig as libc::c_int);
        }
    }
    disable_fatal();
    FILES.with(|f| f.borrow_mut().clear());
}

// ---- the module's functions ----

/// The descriptor to write to, and the file object to keep open: `file` as
/// an int descriptor, else its fileno() (flushed first), else sys.stderr.
fn file_arg(ts: &ThreadState, file: Option<Value>) -> PyResult<(i32, Option<Value>)> {
    let file = match file.filter(|f| !none::is_none(f)) {
        Some(f) => f,
        None => match crate::modules::sys::sys_attr(ts, "stderr").filter(|f| !none::is_none(f)) {
            Some(f) => f,
            None => return Err(PyErr::runtime_error("sys.stderr is None")),
        },
    };
    let bad = || PyErr::value_error("file is not a valid file descripter");
    if int::is_int(&file) {
        let fd = protocol::index_isize(ts, &file)?;
        return if fd < 0 || fd > i32::MAX as isize { Err(bad()) } else { Ok((fd as i32, None)) };
    }
    let fd = protocol::call_method(ts, &file, "fileno", &[])?;
    let fd = protocol::index_isize(ts, &fd)?;
    if fd < 0 || fd > i32::MAX as isize {
        return Err(bad());
    }
    // Text written before the dump goes first; a failing flush is ignored.
    let _ = protocol::call_method(ts, &file, "flush", &[]);
    Ok((fd as i32, Some(file)))
}

fn truth(ts: &ThreadState, v: Option<Value>, default: bool) -> PyResult<bool> {
    v.map_or(Ok(default), |v| protocol::is_true(ts, &v))
}

fn f_enable(ts: &ThreadState, _m: &Value, a: &[Value], k: Option<&Value>) -> PyResult<Value> {
    let [file, all_threads] = args::bind("enable", a, k, ["file", "all_threads"], 0, 0, 2)?;
    let (fd, file) = file_arg(ts, file)?;
    let all_threads = truth(ts, all_threads, true)?;
    FATAL_FD.store(fd, Ordering::SeqCst);
    FATAL_ALL_THREADS.store(all_threads, Ordering::SeqCst);
    keep_file(FILE_FATAL, file);
    enable_fatal()?;
    Ok(none::none())
}

fn f_disable(_ts: &ThreadState, _m: &Value, a: &[Value], k: Option<&Value>) -> PyResult<Value> {
    args::exact("disable", a, k, 0)?;
    let was = disable_fatal();
    keep_file(FILE_FATAL, None);
    Ok(bool_::new_bool(was))
}

fn f_is_enabled(_ts: &ThreadState, _m: &Value, a: &[Value], k: Option<&Value>) -> PyResult<Value> {
    args::exact("is_enabled", a, k, 0)?;
    Ok(bool_::new_bool(FATAL_ENABLED.load(Ordering::SeqCst)))
}

fn f_dump_traceback(ts: &ThreadState, _m: &Value, a: &[Value], k: Option<&Value>) -> PyResult<Value> {
    let [file, all_threads] = args::bind("dump_traceback", a, k, ["file", "all_threads"], 0, 0, 2)?;
    let (fd, _file) = file_arg(ts, file)?;
    let all_threads = truth(ts, all_threads, true)?;
    dump_traceback(fd, all_threads, true);
    Ok(none::none())
}

/// A signal number `register`/`unregister` accept.
fn signum_arg(ts: &ThreadState, v: Option<Value>) -> PyResult<libc::c_int> {
    let v = v.unwrap_or_else(none::none);
    let n = protocol::index_isize(ts, &v)?;
    if n < 1 || n as usize >= NSIG {
        return Err(PyErr::value_error("signal number out of range"));
    }
    Ok(n as libc::c_int)
}

fn f_register(ts: &ThreadState, _m: &Value, a: &[Value], k: Option<&Value>) -> PyResult<Value> {
    let [signum, file, all_threads, chain] = args::bind("register", a, k, ["signum", "file", "all_threads", "chain"], 0, 1, 4)?;
    let sig = signum_arg(ts, signum)?;
    if FATAL.iter().any(|(s, _)| *s == sig) {
        return Err(PyErr::runtime_error(format!("signal {sig} cannot be registered, use enable() instead")));
    }
    let (fd, file) = file_arg(ts, file)?;
    let all_threads = truth(ts, all_threads, true)?;
    let chain = truth(ts, chain, false)?;
    USER_FD[sig as usize].store(fd, Ordering::SeqCst);
    let mode = 1 + all_threads as u8 + 2 * chain as u8;
    if USER_MODE[sig as usize].swap(mode, Ordering::SeqCst) == 0 {
        let handler = user_handler as extern "C" fn(libc::c_int) as libc::sighandler_t;
        let flags = libc::SA_ONSTACK | if chain { libc::SA_NODEFER } else { 0 };
        if let Err(e) = PREVIOUS.install(sig, handler, flags) {
            USER_MODE[sig as usize].store(0, Ordering::SeqCst);
            return Err(exc::os_error_from_io(&e, None));
        }
    }
    keep_file(sig as usize, file);
    Ok(none::none())
}

fn f_unregister(ts: &ThreadState, _m: &Value, a: &[Value], k: Option<&Value>) -> PyResult<Value> {
    let [signum] = args::bind("unregister", a, k, ["signum"], 1, 1, 1)?;
    let sig = signum_arg(ts, signum)?;
    let was = USER_MODE[sig as usize].swap(0, Ordering::SeqCst) != 0;
    if was {
        PREVIOUS.restore(sig);
    }
    keep_file(sig as usize, None);
    Ok(bool_::new_bool(was))
}

fn f_dump_traceback_later(ts: &ThreadState, _m: &Value, a: &[Value], k: Option<&Value>) -> PyResult<Value> {
    let [timeout, repeat, file, exit] = args::bind("dump_traceback_later", a, k, ["timeout", "repeat", "file", "exit"], 0, 1, 4)?;
    let seconds = float::to_f64(ts, &timeout.unwrap_or_else(none::none))?;
    if seconds.is_nan() {
        return Err(PyErr::value_error("Invalid value NaN (not a number)"));
    }
    // CPython converts to nanoseconds first (_PyTime_t).
    if seconds * 1e9 >= i64::MAX as f64 || seconds * 1e9 < i64::MIN as f64 {
        return Err(PyErr::overflow_error("timestamp out of range for platform time_t"));
    }
    let us = (seconds * 1e6).round();
    if us <= 0.0 {
        return Err(PyErr::value_error("timeout must be greater than 0"));
    }
    let us = us as u64;
    let repeat = truth(ts, repeat, false)?;
    let exit = truth(ts, exit, false)?;
    let (fd, file) = file_arg(ts, file)?;
    cancel_later();
    if !LATER_HANDLER.swap(true, Ordering::SeqCst) {
        let handler = later_handler as extern "C" fn(libc::c_int) as libc::sighandler_t;
        // SA_RESTART: the watched thread's system calls go on after the dump.
        PREVIOUS.install(watchdog_signal(), handler, libc::SA_RESTART | libc::SA_ONSTACK).map_err(|e| exc::os_error_from_io(&e, None))?;
    }
    LATER_FD.store(fd, Ordering::SeqCst);
    keep_file(FILE_LATER, file);
    // SAFETY: pthread_self has no preconditions.
    let target = unsafe { libc::pthread_self() };
    let header = timeout_header(us);
    let (cancel, cancelled) = mpsc::channel::<()>();
    let thread = std::thread::Builder::new()
        .name("faulthandler watchdog".into())
        .spawn(move || loop {
            match cancelled.recv_timeout(std::time::Duration::from_micros(us)) {
                Err(mpsc::RecvTimeoutError::Timeout) => {}
                _ => return,
            }
            write_str(fd, &header);
            LATER_DONE.store(false, Ordering::SeqCst);
            // SAFETY: `target` is the thread that armed the watchdog, which
            // cancels it before it ends (`fini` at shutdown).
            unsafe { libc::pthread_kill(target, watchdog_signal()) };
            // The dump is quick; a thread that cannot take signals is not waited for long.
            for _ in 0..1000 {
                if LATER_DONE.load(Ordering::SeqCst) {
                    break;
                }
                std::thread::sleep(std::time::Duration::from_millis(1));
            }
            if exit {
                // SAFETY: _exit ends the process at once, as CPython's watchdog does.
                unsafe { libc::_exit(1) };
            }
            if !repeat {
                return;
            }
        })
        .map_err(|e| exc::os_error_from_io(&e, None))?;
    WATCHDOG.with(|w| *w.borrow_mut() = Some(Watchdog { cancel, thread }));
    Ok(none::none())
}

fn f_cancel_dump_traceback_later(_ts: &ThreadState, _m: &Value, a: &[Value], k: Option<&Value>) -> PyResult<Value> {
    args::exact("cancel_dump_traceback_later", a, k, 0)?;
    cancel_later();
    Ok(none::none())
}

/// `_sigsegv`, `_sigabrt`, `_sigfpe`, `_read_null`: crash on purpose, for
/// CPython's tests of this module.
fn f_sigsegv(ts: &ThreadState, _m: &Value, a: &[Value], k: Option<&Value>) -> PyResult<Value> {
    let [_release_gil] = args::bind("_sigsegv", a, k, ["release_gil"], 0, 0, 1)?;
    crash(ts, libc::SIGSEGV)
}

fn f_sigabrt(ts: &ThreadState, _m: &Value, a: &[Value], k: Option<&Value>) -> PyResult<Value> {
    args::exact("_sigabrt", a, k, 0)?;
    crash(ts, libc::SIGABRT)
}

fn f_sigfpe(ts: &ThreadState, _m: &Value, a: &[Value], k: Option<&Value>) -> PyResult<Value> {
    args::exact("_sigfpe", a, k, 0)?;
    crash(ts, libc::SIGFPE)
}

fn f_read_null(ts: &ThreadState, _m: &Value, a: &[Value], k: Option<&Value>) -> PyResult<Value> {
    args::exact("_read_null", a, k, 0)?;
    crash(ts, libc::SIGSEGV)
}

fn crash(_ts: &ThreadState, sig: libc::c_int) -> PyResult<Value> {
    // SAFETY: raise is always safe to call; the default action of these
    // signals ends the process (a Python handler may run instead).
    unsafe { libc::raise(sig) };
    Ok(none::none())
}

/// Start-up with `-X faulthandler`, PYTHONFAULTHANDLER or `-X dev`:
/// `faulthandler.enable()` on sys.stderr.
pub fn enable_at_startup(ts: &ThreadState) -> PyResult<()> {
    let (fd, file) = file_arg(ts, None)?;
    FATAL_FD.store(fd, Ordering::SeqCst);
    FATAL_ALL_THREADS.store(true, Ordering::SeqCst);
    keep_file(FILE_FATAL, file);
    enable_fatal()
}

pub fn create(ts: &ThreadState) -> PyResult<Value> {
    let (m, d) = super::new_native_module(
        ts,
        "faulthandler",
        &[
            ("enable", f_enable),
            ("disable", f_disable),
            ("is_enabled", f_is_enabled),
            ("dump_traceback", f_dump_traceback),
            ("dump_traceback_later", f_dump_traceback_later),
            ("cancel_dump_traceback_later", f_cancel_dump_traceback_later),
            ("register", f_register),
            ("unregister", f_unregister),
            ("_sigsegv", f_sigsegv),
            ("_sigabrt", f_sigabrt),
            ("_sigfpe", f_sigfpe),
            ("_read_null", f_read_null),
        ],
    )?;
    super::set_attr(ts, &d, "__doc__", pystr::new_str("faulthandler module."))?;
    Ok(m)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn timeout_header_is_formatted_as_cpython() {
        assert_eq!(timeout_header(200_000), "Timeout (0:00:00.200000)!\n");
        assert_eq!(timeout_header(3_661_000_000), "Timeout (1:01:01)!\n");
        assert_eq!(timeout_header(1), "Timeout (0:00:00.000001)!\n");
    }
}
