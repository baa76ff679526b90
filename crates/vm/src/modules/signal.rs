//! The `_signal` module (also importable as `signal` until the standard
//! library's signal.py can be loaded), and the C-level signal handler.
//!
//! As in CPython, the C handler only records that a signal arrived (an
//! atomic flag per signal, plus `SIGNALS_PENDING`) and writes to the wakeup
//! fd; the Python handlers run later on the main thread, when the
//! evaluation loop calls `handle_pending_signals` at a safe point. A
//! second SIGINT arriving before the first was handled ends the process
//! (SIGINT's default action), so Ctrl-C twice always stops a program stuck
//! where no safe point comes.

use std::cell::RefCell;
use std::sync::atomic::{AtomicBool, AtomicI32, Ordering};

use crate::object::protocol;
use crate::object::value::Value;
use crate::runtime::errors::{PyErr, PyResult};
use crate::runtime::thread::{self, ThreadState, SIGNALS_PENDING};
use crate::types::{dict, exceptions as exc, int, module, none, str as pystr};

type Args<'a> = &'a [Value];

/// Signal numbers are below this (Linux's _NSIG).
pub const NSIG: usize = 65;

const SIG_DFL: i64 = 0;
const SIG_IGN: i64 = 1;

/// Per signal: arrived and not yet handled.
static TRIPPED: [AtomicBool; NSIG] = [const { AtomicBool::new(false) }; NSIG];

/// SIGINT's Python handler is still default_int_handler (the second-Ctrl-C
/// escape applies only then).
static INT_IS_DEFAULT: AtomicBool = AtomicBool::new(false);

/// The fd `set_wakeup_fd` chose (-1: none); the C handler writes the
/// signal number there so that event loops wake up.
static WAKEUP_FD: AtomicI32 = AtomicI32::new(-1);

/// The Python-level handler of one signal (what `getsignal` reports).
#[derive(Clone)]
enum Handler {
    /// SIG_DFL.
    Default,
    /// SIG_IGN.
    Ignore,
    /// A handler installed outside Python (getsignal gives None).
    Foreign,
    /// A callable run by `run_pending_handlers` (default_int_handler included).
    Python(Value),
}

thread_local! {
    // Handlers are set and run on the main thread only, so they live in its
    // thread-local storage rather than behind a lock.
    static HANDLERS: RefCell<Vec<Handler>> = RefCell::new(vec![Handler::Default; NSIG]);
    static DEFAULT_INT_HANDLER: RefCell<Option<Value>> = const { RefCell::new(None) };
}

/// The C-level handler: async-signal-safe (atomics and write(2) only).
extern "C" fn trip_signal(sig: libc::c_int) {
    let errno = std::io::Error::last_os_error().raw_os_error();
    if let Some(flag) = TRIPPED.get(sig as usize) {
        let again = flag.swap(true, Ordering::SeqCst);
        SIGNALS_PENDING.store(true, Ordering::SeqCst);
        if again && sig == libc::SIGINT && INT_IS_DEFAULT.load(Ordering::Relaxed) {
            // A second Ctrl-C before any safe point handled the first: the
            // program is stuck where handlers cannot run (native code, or a
            // loop that does not check yet), so the default action ends it.
            // SAFETY: signal() and raise() are async-signal-safe.
            unsafe {
                libc::signal(libc::SIGINT, libc::SIG_DFL);
                libc::raise(libc::SIGINT);
            }
        }
    }
    let fd = WAKEUP_FD.load(Ordering::Relaxed);
    if fd >= 0 {
        let byte = sig as u8;
        // SAFETY: write(2) is async-signal-safe; the buffer is one valid byte.
        unsafe { libc::write(fd, &byte as *const u8 as *const libc::c_void, 1) };
    }
    // The interrupted code may read errno after we return.
    if let Some(e) = errno {
        // SAFETY: __errno_location returns this thread's errno slot.
        unsafe { *libc::__errno_location() = e };
    }
}

/// Install a C-level disposition: our handler, SIG_DFL or SIG_IGN.
fn set_os_handler(sig: i32, handler: libc::sighandler_t) -> std::io::Result<()> {
    // SAFETY: a zeroed sigaction is a valid "no flags, empty mask" value;
    // `handler` is SIG_DFL, SIG_IGN or `trip_signal`, which is async-signal-safe.
    unsafe {
        let mut act: libc::sigaction = std::mem::zeroed();
        act.sa_sigaction = handler;
        libc::sigemptyset(&mut act.sa_mask);
        // No SA_RESTART: blocking calls return EINTR so the handler can run soon.
        act.sa_flags = libc::SA_ONSTACK;
        if libc::sigaction(sig, &act, std::ptr::null_mut()) != 0 {
            return Err(std::io::Error::last_os_error());
        }
    }
    Ok(())
}

/// The disposition in force before Python set any (`getsignal`'s start).
fn os_handler(sig: i32) -> Handler {
    // SAFETY: reading the current action into a zeroed struct.
    let current = unsafe {
        let mut old: libc::sigaction = std::mem::zeroed();
        if libc::sigaction(sig, std::ptr::null(), &mut old) != 0 {
            return Handler::Foreign;
        }
        old.sa_sigaction
    };
    match current {
        libc::SIG_DFL => Handler::Default,
        // The runtime's fault handler keeps the default action (see faulthandler.rs).
        h if super::faulthandler::is_fault_handler(h) => Handler::Default,
        libc::SIG_IGN => Handler::Ignore,
        _ => Handler::Foreign,
    }
}

fn trip_handler_address() -> libc::sighandler_t {
    trip_signal as extern "C" fn(libc::c_int) as libc::sighandler_t
}

/// Start-up (CPython's signal_install_handlers): SIGPIPE and SIGXFSZ are
/// ignored (write errors are reported as exceptions instead), SIGINT raises
/// KeyboardInterrupt unless something outside set its disposition.
pub fn install_default_handlers() {
    thread::set_main_thread();
    for sig in [libc::SIGPIPE, libc::SIGXFSZ] {
        let _ = set_os_handler(sig, libc::SIG_IGN);
    }
    HANDLERS.with(|h| {
        let mut h = h.borrow_mut();
        for (sig, slot) in h.iter_mut().enumerate().skip(1) {
            *slot = os_handler(sig as i32);
        }
        if matches!(h[libc::SIGINT as usize], Handler::Default) && set_os_handler(libc::SIGINT, trip_handler_address()).is_ok() {
            h[libc::SIGINT as usize] = Handler::Python(default_int_handler());
            INT_IS_DEFAULT.store(true, Ordering::Relaxed);
        }
    });
}

/// Shutdown (CPython's _PySignal_Fini): signals whose Python handler we
/// installed go back to SIG_DFL, and no Python handler runs any more.
pub fn restore_default_handlers() {
    HANDLERS.with(|h| {
        let mut h = h.borrow_mut();
        for (sig, slot) in h.iter_mut().enumerate().skip(1) {
            if matches!(slot, Handler::Python(_)) {
                let _ = set_os_handler(sig as i32, libc::SIG_DFL);
                *slot = Handler::Default;
            }
            TRIPPED[sig].store(false, Ordering::Relaxed);
        }
    });
    INT_IS_DEFAULT.store(false, Ordering::Relaxed);
    SIGNALS_PENDING.store(false, Ordering::Relaxed);
}

/// End the process the way an uncaught SIGINT would (CPython's
/// exit_sigint): with SIGINT's default action, so the parent sees the
/// signal; 130 if the process survives it.
pub fn exit_by_sigint() -> ! {
    let _ = set_os_handler(libc::SIGINT, libc::SIG_DFL);
    // SAFETY: kill and getpid have no memory preconditions.
    unsafe {
        libc::kill(libc::getpid(), libc::SIGINT);
    }
    std::process::exit(130)
}

/// Run the handlers of the signals that arrived (see `handle_pending_signals`).
pub fn run_pending_handlers(ts: &ThreadState) -> PyResult<()> {
    if !thread::is_main_thread(ts) {
        return Ok(());
    }
    SIGNALS_PENDING.store(false, Ordering::SeqCst);
    for (sig, flag) in TRIPPED.iter().enumerate().skip(1) {
        if !flag.swap(false, Ordering::SeqCst) {
            continue;
        }
        let handler = HANDLERS.with(|h| h.borrow().get(sig).cloned());
        let Some(Handler::Python(f)) = handler else { continue };
        let frame = current_frame(ts);
        if let Err(e) = protocol::call(ts, &f, &[int::from_i64(sig as i64), frame], None) {
            // Other tripped signals are handled at the next check.
            SIGNALS_PENDING.store(true, Ordering::SeqCst);
            return Err(e);
        }
    }
    Ok(())
}

fn current_frame(ts: &ThreadState) -> Value {
    crate::eval::ceval::current_frame_object(ts).unwrap_or_else(none::none)
}

/// The `default_int_handler` function object (one per thread, created once).
fn default_int_handler() -> Value {
    DEFAULT_INT_HANDLER.with(|d| {
        d.borrow_mut()
            .get_or_insert_with(|| {
                Value::new(crate::types::function::PyBuiltinFunction {
                    name: "default_int_handler",
                    func: s_default_int_handler,
                    self_: None,
                    module: Some("_signal"),
                })
                .unwrap_or_else(|_| none::none())
            })
            .clone()
    })
}

/// A signal number argument: an int in 1..NSIG.
fn signum(ts: &ThreadState, v: &Value) -> PyResult<usize> {
    let i = protocol::index(ts, v)?;
    match int::to_isize(&i) {
        Some(n) if n >= 1 && (n as usize) < NSIG => Ok(n as usize),
        Some(n) if i32::try_from(n).is_ok() => Err(PyErr::value_error("signal number out of range")),
        _ => Err(PyErr::overflow_error("signed integer is greater than maximum")),
    }
}

fn check_main_thread(ts: &ThreadState) -> PyResult<()> {
    if thread::is_main_thread(ts) && ts.interp().id == 1 {
        Ok(())
    } else {
        Err(PyErr::value_error("signal only works in main thread of the main interpreter"))
    }
}

fn handler_value(h: &Handler) -> Value {
    match h {
        Handler::Default => int::from_i64(SIG_DFL),
        Handler::Ignore => int::from_i64(SIG_IGN),
        Handler::Foreign => none::none(),
        Handler::Python(f) => f.clone(),
    }
}

fn s_default_int_handler(_ts: &ThreadState, _m: &Value, a: Args, k: Option<&Value>) -> PyResult<Value> {
    crate::object::args::positional("default_int_handler", a, k, 2, 2)?;
    Err(PyErr::with_args(&exc::KEYBOARD_INTERRUPT, vec![]))
}

fn s_signal(ts: &ThreadState, _m: &Value, a: Args, k: Option<&Value>) -> PyResult<Value> {
    let a = crate::object::args::positional("signal", a, k, 2, 2)?;
    let sig = signum(ts, &a[0])?;
    let handler = &a[1];
    check_main_thread(ts)?;
    let new = match int::as_int(handler).and_then(|i| i.to_i64()) {
        Some(SIG_DFL) if int::is_int(handler) => Handler::Default,
        Some(SIG_IGN) if int::is_int(handler) => Handler::Ignore,
        _ if handler.type_of().data.slots.call.get().is_some() => Handler::Python(handler.clone()),
        _ => {
            return Err(PyErr::type_error(
                "signal handler must be signal.SIG_IGN, signal.SIG_DFL, or a callable object",
            ))
        }
    };
    let os = match new {
        Handler::Default => libc::SIG_DFL,
        Handler::Ignore => libc::SIG_IGN,
        _ => trip_handler_address(),
    };
    if let Err(e) = set_os_handler(sig as i32, os) {
        return Err(crate::modules::io::os_error(e.raw_os_error().unwrap_or(libc::EINVAL), None));
    }
    // A signal that arrived before the change is handled by the old handler.
    run_pending_handlers(ts)?;
    if sig == libc::SIGINT as usize {
        let is_default = matches!(&new, Handler::Python(f) if f.is(&default_int_handler()));
        INT_IS_DEFAULT.store(is_default, Ordering::Relaxed);
    }
    let old = HANDLERS.with(|h| std::mem::replace(&mut h.borrow_mut()[sig], new));
    Ok(handler_value(&old))
}

fn s_getsignal(ts: &ThreadState, _m: &Value, a: Args, k: Option<&Value>) -> PyResult<Value> {
    let [s] = crate::object::args::bind("getsignal", a, k, ["signalnum"], 1, 1, 1)?;
    let sig = signum(ts, &s.unwrap_or_else(none::none))?;
    Ok(HANDLERS.with(|h| handler_value(&h.borrow()[sig])))
}

fn s_raise_signal(ts: &ThreadState, _m: &Value, a: Args, k: Option<&Value>) -> PyResult<Value> {
    let a = crate::object::args::exact("_signal.raise_signal", a, k, 1)?;
    let i = protocol::index(ts, &a[0])?;
    let sig = int::to_isize(&i).and_then(|n| i32::try_from(n).ok()).ok_or_else(|| PyErr::overflow_error("signed integer is greater than maximum"))?;
    // SAFETY: raise has no memory preconditions.
    if unsafe { libc::raise(sig) } != 0 {
        return Err(crate::modules::io::os_error(std::io::Error::last_os_error().raw_os_error().unwrap_or(libc::EINVAL), None));
    }
    thread::handle_pending_signals(ts)?;
    Ok(none::none())
}

fn s_alarm(ts: &ThreadState, _m: &Value, a: Args, k: Option<&Value>) -> PyResult<Value> {
    let a = crate::object::args::exact("_signal.alarm", a, k, 1)?;
    let secs = int::to_i64_checked(&protocol::index(ts, &a[0])?)?;
    let secs = u32::try_from(secs).map_err(|_| PyErr::overflow_error("Python int too large to convert to C unsigned long"))?;
    // SAFETY: alarm has no memory preconditions.
    Ok(int::from_i64(unsafe { libc::alarm(secs) } as i64))
}

fn s_pause(ts: &ThreadState, _m: &Value, a: Args, k: Option<&Value>) -> PyResult<Value> {
    crate::object::args::exact("_signal.pause", a, k, 0)?;
    // A signal that arrived just before would otherwise wait for the next one.
    thread::handle_pending_signals(ts)?;
    // SAFETY: pause has no memory preconditions; it returns after a handler ran.
    unsafe { libc::pause() };
    thread::handle_pending_signals(ts)?;
    Ok(none::none())
}

fn s_strsignal(ts: &ThreadState, _m: &Value, a: Args, k: Option<&Value>) -> PyResult<Value> {
    let a = crate::object::args::exact("_signal.strsignal", a, k, 1)?;
    let sig = signum(ts, &a[0])?;
    // SAFETY: strsignal returns a pointer to a NUL-terminated string (or null),
    // valid until the next call on this thread; it is copied at once.
    let text = unsafe {
        let p = libc::strsignal(sig as i32);
        if p.is_null() {
            return Ok(none::none());
        }
        std::ffi::CStr::from_ptr(p).to_string_lossy().into_owned()
    };
    if text.starts_with("Unknown signal") {
        return Ok(none::none());
    }
    Ok(pystr::new_str(&text))
}

fn s_set_wakeup_fd(ts: &ThreadState, _m: &Value, a: Args, k: Option<&Value>) -> PyResult<Value> {
    let [fd, _warn] = crate::object::args::bind("set_wakeup_fd", a, k, ["fd", "warn_on_full_buffer"], 1, 1, 1)?;
    let fd = int::to_i64_checked(&protocol::index(ts, &fd.unwrap_or_else(none::none))?)?;
    let fd = i32::try_from(fd).map_err(|_| PyErr::overflow_error("Python int too large to convert to C int"))?;
    check_main_thread(ts).map_err(|_| PyErr::value_error("set_wakeup_fd only works in main thread of the main interpreter"))?;
    if fd != -1 {
        // SAFETY: fstat writes into a zeroed, properly sized struct.
        let ok = unsafe {
            let mut st: libc::stat = std::mem::zeroed();
            libc::fstat(fd, &mut st) == 0
        };
        if !ok {
            return Err(crate::modules::io::os_error(std::io::Error::last_os_error().raw_os_error().unwrap_or(libc::EBADF), None));
        }
    }
    Ok(int::from_i64(WAKEUP_FD.swap(fd, Ordering::SeqCst) as i64))
}

fn s_valid_signals(_ts: &ThreadState, _m: &Value, a: Args, k: Option<&Value>) -> PyResult<Value> {
    crate::object::args::exact("_signal.valid_signals", a, k, 0)?;
    let items: Vec<Value> = (1..NSIG as i64).filter(|s| !(32..34).contains(s)).map(int::from_i64).collect();
    let l = crate::types::list::new_list(items)?;
    protocol::call(_ts, &crate::types::set::SET_TYPE.to_value(), &[l], None)
}

/// A signal set from an iterable of signal numbers (CPython's
/// _Py_Sigset_Converter).
fn sigset_arg(ts: &ThreadState, v: &Value) -> PyResult<libc::sigset_t> {
    // SAFETY: sigemptyset initializes the set it is given.
    let mut set: libc::sigset_t = unsafe { std::mem::zeroed() };
    // SAFETY: `set` is a valid sigset_t.
    unsafe { libc::sigemptyset(&mut set) };
    let it = protocol::get_iter(ts, v)?;
    while let Some(item) = protocol::next(ts, &it)? {
        let i = protocol::index(ts, &item)?;
        let n = int::to_isize(&i).ok_or_else(|| PyErr::overflow_error("Python int too large to convert to C long"))?;
        if n < 1 || n as usize >= NSIG {
            return Err(PyErr::value_error(format!("signal number {n} out of range [1; {}]", NSIG - 1)));
        }
        // SAFETY: `n` is a valid signal number for the set.
        unsafe { libc::sigaddset(&mut set, n as libc::c_int) };
    }
    Ok(set)
}

/// The signal numbers of `set`, as a set of ints.
fn sigset_value(ts: &ThreadState, set: &libc::sigset_t) -> PyResult<Value> {
    // SAFETY: sigismember only reads the set.
    let items: Vec<Value> = (1..NSIG as libc::c_int).filter(|&n| unsafe { libc::sigismember(set, n) } == 1).map(|n| int::from_i64(n as i64)).collect();
    protocol::call(ts, &crate::types::set::SET_TYPE.to_value(), &[crate::types::list::new_list(items)?], None)
}

fn errno_error(code: i32) -> PyErr {
    exc::os_error_from_io(&std::io::Error::from_raw_os_error(code), None)
}

fn s_pthread_sigmask(ts: &ThreadState, _m: &Value, a: Args, k: Option<&Value>) -> PyResult<Value> {
    let a = crate::object::args::exact("pthread_sigmask", a, k, 2)?;
    let how = protocol::index_isize(ts, &a[0])?;
    let how = i32::try_from(how).map_err(|_| PyErr::overflow_error("Python int too large to convert to C int"))?;
    let set = sigset_arg(ts, &a[1])?;
    // SAFETY: both sets are valid; the old mask is written into `old`.
    let mut old: libc::sigset_t = unsafe { std::mem::zeroed() };
    let rc = unsafe { libc::pthread_sigmask(how, &set, &mut old) };
    if rc != 0 {
        return Err(errno_error(rc));
    }
    // Signals just unblocked may be pending: their handlers run now.
    thread::handle_pending_signals(ts)?;
    sigset_value(ts, &old)
}

fn s_sigpending(ts: &ThreadState, _m: &Value, a: Args, k: Option<&Value>) -> PyResult<Value> {
    crate::object::args::exact("sigpending", a, k, 0)?;
    // SAFETY: sigpending writes the pending set into `set`.
    let mut set: libc::sigset_t = unsafe { std::mem::zeroed() };
    if unsafe { libc::sigpending(&mut set) } != 0 {
        return Err(exc::os_error_from_io(&std::io::Error::last_os_error(), None));
    }
    sigset_value(ts, &set)
}

fn s_sigwait(ts: &ThreadState, _m: &Value, a: Args, k: Option<&Value>) -> PyResult<Value> {
    let [sigset] = crate::object::args::bind("sigwait", a, k, ["sigset"], 1, 1, 1)?;
    let set = sigset_arg(ts, &sigset.unwrap_or_else(none::none))?;
    let mut sig: libc::c_int = 0;
    // SAFETY: `set` is valid; sigwait writes the signal number into `sig`.
    let rc = unsafe { libc::sigwait(&set, &mut sig) };
    if rc != 0 {
        return Err(errno_error(rc));
    }
    Ok(int::from_i64(sig as i64))
}

fn s_pthread_kill(ts: &ThreadState, _m: &Value, a: Args, k: Option<&Value>) -> PyResult<Value> {
    let a = crate::object::args::exact("pthread_kill", a, k, 2)?;
    let ident = protocol::index(ts, &a[0])?;
    let sig = protocol::index_isize(ts, &a[1])?;
    let sig = i32::try_from(sig).map_err(|_| PyErr::overflow_error("signed integer is greater than maximum"))?;
    // Thread idents are ours, not pthread handles: only the running
    // thread's is known here (other threads cannot run yet).
    if int::as_int(&ident).and_then(|r| r.to_i64()) != Some(super::_thread::current_ident() as i64) {
        return Err(errno_error(libc::ESRCH));
    }
    // SAFETY: pthread_self is this thread's valid handle.
    let rc = unsafe { libc::pthread_kill(libc::pthread_self(), sig) };
    if rc != 0 {
        return Err(errno_error(rc));
    }
    thread::handle_pending_signals(ts)?;
    Ok(none::none())
}

fn s_siginterrupt(ts: &ThreadState, _m: &Value, a: Args, k: Option<&Value>) -> PyResult<Value> {
    let a = crate::object::args::exact("siginterrupt", a, k, 2)?;
    let sig = signum(ts, &a[0])? as libc::c_int;
    let flag = protocol::index_isize(ts, &a[1])? != 0;
    // SAFETY: reading then writing the action of a valid signal number.
    unsafe {
        let mut act: libc::sigaction = std::mem::zeroed();
        if libc::sigaction(sig, std::ptr::null(), &mut act) != 0 {
            return Err(exc::os_error_from_io(&std::io::Error::last_os_error(), None));
        }
        if flag {
            act.sa_flags &= !libc::SA_RESTART;
        } else {
            act.sa_flags |= libc::SA_RESTART;
        }
        if libc::sigaction(sig, &act, std::ptr::null_mut()) != 0 {
            return Err(exc::os_error_from_io(&std::io::Error::last_os_error(), None));
        }
    }
    Ok(none::none())
}

fn timeval(secs: f64) -> libc::timeval {
    let whole = secs.floor();
    let mut usec = ((secs - whole) * 1e6).round() as libc::suseconds_t;
    let mut sec = whole as libc::time_t;
    if usec >= 1_000_000 {
        sec += 1;
        usec -= 1_000_000;
    }
    // A positive time below a microsecond still arms the timer.
    if sec == 0 && usec == 0 && secs > 0.0 {
        usec = 1;
    }
    libc::timeval { tv_sec: sec, tv_usec: usec }
}

fn itimer_value(v: &libc::itimerval) -> PyResult<Value> {
    let secs = |t: &libc::timeval| crate::types::float::new_float(t.tv_sec as f64 + t.tv_usec as f64 / 1e6);
    crate::types::tuple::new_tuple(vec![secs(&v.it_value), secs(&v.it_interval)])
}

fn itimer_error(ts: &ThreadState) -> PyErr {
    let e = std::io::Error::last_os_error();
    let err = exc::os_error_from_io(&e, None);
    let Some(cls) = ITIMER_ERROR.with(|t| t.borrow().clone()) else { return err };
    // Same errno and strerror as the OSError, as an ItimerError.
    let strerror = protocol::getattr_str(ts, err.value(), "strerror").unwrap_or_else(|_| none::none());
    match protocol::call(ts, &cls, &[int::from_i64(e.raw_os_error().unwrap_or(0) as i64), strerror], None) {
        Ok(v) => PyErr::from_instance(v),
        Err(_) => err,
    }
}

thread_local! {
    /// `signal.ItimerError` (signal.itimer_error), made with the module.
    static ITIMER_ERROR: RefCell<Option<Value>> = const { RefCell::new(None) };
}

fn s_setitimer(ts: &ThreadState, _m: &Value, a: Args, k: Option<&Value>) -> PyResult<Value> {
    let a = crate::object::args::positional("setitimer", a, k, 2, 3)?;
    let which = protocol::index_isize(ts, &a[0])? as libc::c_int;
    let value = crate::types::float::to_f64(ts, &a[1])?;
    let interval = match a.get(2) {
        Some(v) => crate::types::float::to_f64(ts, v)?,
        None => 0.0,
    };
    let new = libc::itimerval { it_interval: timeval(interval), it_value: timeval(value) };
    // SAFETY: both structs are valid; the old timer is written into `old`.
    let mut old: libc::itimerval = unsafe { std::mem::zeroed() };
    if unsafe { libc::setitimer(which, &new, &mut old) } != 0 {
        return Err(itimer_error(ts));
    }
    itimer_value(&old)
}

fn s_getitimer(ts: &ThreadState, _m: &Value, a: Args, k: Option<&Value>) -> PyResult<Value> {
    let a = crate::object::args::exact("getitimer", a, k, 1)?;
    let which = protocol::index_isize(ts, &a[0])? as libc::c_int;
    // SAFETY: getitimer writes the timer into `cur`.
    let mut cur: libc::itimerval = unsafe { std::mem::zeroed() };
    if unsafe { libc::getitimer(which, &mut cur) } != 0 {
        return Err(itimer_error(ts));
    }
    itimer_value(&cur)
}

const FUNCTIONS: &[(&str, crate::object::typeobj::CallFn)] = &[
    ("pthread_sigmask", s_pthread_sigmask),
    ("sigpending", s_sigpending),
    ("sigwait", s_sigwait),
    ("pthread_kill", s_pthread_kill),
    ("siginterrupt", s_siginterrupt),
    ("setitimer", s_setitimer),
    ("getitimer", s_getitimer),
    ("signal", s_signal),
    ("getsignal", s_getsignal),
    ("raise_signal", s_raise_signal),
    ("alarm", s_alarm),
    ("pause", s_pause),
    ("strsignal", s_strsignal),
    ("set_wakeup_fd", s_set_wakeup_fd),
    ("valid_signals", s_valid_signals),
];

const SIGNAL_NAMES: &[(&str, i32)] = &[
    ("SIGHUP", libc::SIGHUP),
    ("SIGINT", libc::SIGINT),
    ("SIGQUIT", libc::SIGQUIT),
    ("SIGILL", libc::SIGILL),
    ("SIGTRAP", libc::SIGTRAP),
    ("SIGABRT", libc::SIGABRT),
    ("SIGIOT", libc::SIGIOT),
    ("SIGBUS", libc::SIGBUS),
    ("SIGFPE", libc::SIGFPE),
    ("SIGKILL", libc::SIGKILL),
    ("SIGUSR1", libc::SIGUSR1),
    ("SIGSEGV", libc::SIGSEGV),
    ("SIGUSR2", libc::SIGUSR2),
    ("SIGPIPE", libc::SIGPIPE),
    ("SIGALRM", libc::SIGALRM),
    ("SIGTERM", libc::SIGTERM),
    ("SIGCHLD", libc::SIGCHLD),
    ("SIGCONT", libc::SIGCONT),
    ("SIGSTOP", libc::SIGSTOP),
    ("SIGTSTP", libc::SIGTSTP),
    ("SIGTTIN", libc::SIGTTIN),
    ("SIGTTOU", libc::SIGTTOU),
    ("SIGURG", libc::SIGURG),
    ("SIGXCPU", libc::SIGXCPU),
    ("SIGXFSZ", libc::SIGXFSZ),
    ("SIGVTALRM", libc::SIGVTALRM),
    ("SIGPROF", libc::SIGPROF),
    ("SIGWINCH", libc::SIGWINCH),
    ("SIGIO", libc::SIGIO),
    ("SIGPOLL", libc::SIGPOLL),
    ("SIGPWR", libc::SIGPWR),
    ("SIGSYS", libc::SIGSYS),
    ("SIGRTMIN", 34),
    ("SIGRTMAX", 64),
];

/// Create the `_signal` module.
pub fn create(ts: &ThreadState) -> PyResult<Value> {
    create_named(ts, "_signal")
}

fn create_named(ts: &ThreadState, name: &str) -> PyResult<Value> {
    let m = module::new_module(name)?;
    let d = module::module_dict(&m).ok_or_else(|| PyErr::system_error("_signal"))?;
    let set = |k: &str, v: Value| dict::dict_set_item(ts, &d, pystr::intern(k), v);
    for (name, f) in FUNCTIONS {
        set(name, Value::new(crate::types::function::PyBuiltinFunction { name, func: *f, self_: Some(m.clone()), module: Some("_signal") })?)?;
    }
    set("default_int_handler", default_int_handler())?;
    // signal.ItimerError: an OSError subclass named itimer_error, as CPython's.
    let itimer = protocol::call(
        ts,
        &crate::types::typeobject::TYPE_TYPE.to_value(),
        &[
            pystr::new_str("itimer_error"),
            crate::types::tuple::new_tuple(vec![exc::OS_ERROR.to_value()])?,
            dict::new_dict(),
        ],
        None,
    )?;
    protocol::setattr(ts, &itimer, &pystr::intern("__module__"), Some(&pystr::new_str("signal")))?;
    ITIMER_ERROR.with(|t| *t.borrow_mut() = Some(itimer.clone()));
    set("ItimerError", itimer)?;
    set("NSIG", int::from_i64(NSIG as i64))?;
    set("SIG_DFL", int::from_i64(SIG_DFL))?;
    set("SIG_IGN", int::from_i64(SIG_IGN))?;
    set("SIG_BLOCK", int::from_i64(libc::SIG_BLOCK as i64))?;
    set("SIG_UNBLOCK", int::from_i64(libc::SIG_UNBLOCK as i64))?;
    set("SIG_SETMASK", int::from_i64(libc::SIG_SETMASK as i64))?;
    set("ITIMER_REAL", int::from_i64(libc::ITIMER_REAL as i64))?;
    set("ITIMER_VIRTUAL", int::from_i64(libc::ITIMER_VIRTUAL as i64))?;
    set("ITIMER_PROF", int::from_i64(libc::ITIMER_PROF as i64))?;
    for (name, n) in SIGNAL_NAMES {
        set(name, int::from_i64(*n as i64))?;
    }
    Ok(m)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn trip_sets_the_pending_flags() {
        // Called directly (not through a real signal) to check the bookkeeping.
        trip_signal(libc::SIGUSR2);
        assert!(TRIPPED[libc::SIGUSR2 as usize].swap(false, Ordering::SeqCst));
        assert!(SIGNALS_PENDING.swap(false, Ordering::SeqCst));
    }

    #[test]
    fn signal_numbers_match_linux() {
        // python3: signal.SIGINT, SIGTERM, SIGUSR1, SIGRTMIN, SIGRTMAX, NSIG
        let get = |n: &str| SIGNAL_NAMES.iter().find(|(k, _)| *k == n).map(|(_, v)| *v);
        assert_eq!(get("SIGINT"), Some(2));
        assert_eq!(get("SIGTERM"), Some(15));
        assert_eq!(get("SIGUSR1"), Some(10));
        assert_eq!(get("SIGRTMIN"), Some(34));
        assert_eq!(get("SIGRTMAX"), Some(64));
        assert_eq!(NSIG, 65);
    }
}
