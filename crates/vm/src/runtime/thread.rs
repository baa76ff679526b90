//! `ThreadState`: per-thread execution state (CPython's PyThreadState):
//! the frame chain, the handled-exception stack, recursion depth, hooks.

use std::cell::{Cell, RefCell};
use std::sync::atomic::{AtomicBool, AtomicU64, Ordering};

use super::interpreter::InterpreterState;
use crate::eval::frame::{DataStack, Frame};
use crate::object::value::Value;

pub struct ThreadState {
    interp: *const InterpreterState,
    /// The innermost executing frame (null when idle).
    pub current_frame: Cell<*mut Frame>,
    /// The exception being handled (`sys.exception()`); generators swap
    /// their own in and out.
    pub exc_info: RefCell<Option<Value>>,
    /// The handled exceptions of the callers of the running generators,
    /// innermost last (the rest of CPython's exc_info chain).
    pub exc_outer: RefCell<Vec<Option<Value>>>,
    /// The current `contextvars.Context` (made on first use).
    pub context: RefCell<Option<Value>>,
    /// Python-level call depth, checked against the recursion limit.
    pub recursion_depth: Cell<u32>,
    /// Extra native re-entries allowed once the native depth limit raised
    /// RecursionError, so its handlers can run (Python frames get none).
    pub recursion_headroom: Cell<u32>,
    /// Native re-entries of the evaluation loop (each consumes Rust stack).
    pub native_depth: Cell<u32>,
    /// Frames of this thread.
    pub datastack: DataStack,
    pub trace_func: RefCell<Option<Value>>,
    pub profile_func: RefCell<Option<Value>>,
    pub thread_id: u64,
}

thread_local! {
    // CPython's _Py_tss_tstate: the thread state attached to this OS thread.
    static CURRENT: Cell<*const ThreadState> = const { Cell::new(std::ptr::null()) };
}

/// Native re-entries of the evaluation loop allowed before RecursionError:
/// each costs Rust stack, and the main thread's stack is 8 MiB.
pub const MAX_NATIVE_DEPTH: u32 = 200;

impl ThreadState {
    pub fn new(interp: &InterpreterState) -> ThreadState {
        ThreadState {
            interp,
            current_frame: Cell::new(std::ptr::null_mut()),
            exc_info: RefCell::new(None),
            exc_outer: RefCell::new(Vec::new()),
            context: RefCell::new(None),
            recursion_depth: Cell::new(0),
            recursion_headroom: Cell::new(0),
            native_depth: Cell::new(0),
            datastack: DataStack::new(),
            trace_func: RefCell::new(None),
            profile_func: RefCell::new(None),
            thread_id: current_thread_id(),
        }
    }

    /// The interpreter this thread belongs to.
    pub fn interp(&self) -> &InterpreterState {
        // SAFETY: an interpreter outlives its thread states.
        unsafe { &*self.interp }
    }

    /// The thread state attached to this OS thread.
    pub fn current() -> Option<&'static ThreadState> {
        let p = CURRENT.with(|c| c.get());
        // SAFETY: a thread state stays attached only while alive (`swap`
        // detaches it before it is dropped).
        if p.is_null() { None } else { Some(unsafe { &*p }) }
    }

    /// Attach `ts` to this OS thread (null to detach); returns the previous one.
    pub fn swap(ts: *const ThreadState) -> *const ThreadState {
        CURRENT.with(|c| c.replace(ts))
    }

    /// The exception being handled, if any: the innermost one of the
    /// running generators and their callers (CPython's topmost exc_info).
    pub fn handled_exception(&self) -> Option<Value> {
        if let Some(v) = self.exc_info.borrow().as_ref() {
            return Some(v.clone());
        }
        self.exc_outer.borrow().iter().rev().find_map(|v| v.clone())
    }
}

/// Set by the C-level signal handler when a signal with a Python handler
/// arrived (CPython's `is_tripped`); cleared when the handlers have run.
pub static SIGNALS_PENDING: AtomicBool = AtomicBool::new(false);

/// The OS thread that initialized the runtime: only it runs signal handlers.
static MAIN_THREAD_ID: AtomicU64 = AtomicU64::new(0);

/// Record the calling thread as the main thread (start-up).
pub fn set_main_thread() {
    MAIN_THREAD_ID.store(current_thread_id(), Ordering::Relaxed);
}

/// Whether `ts` runs on the main thread (where signal handlers run).
pub fn is_main_thread(ts: &ThreadState) -> bool {
    ts.thread_id == MAIN_THREAD_ID.load(Ordering::Relaxed)
}

/// Run the Python handlers of the signals that arrived since the last call
/// (CPython's `_PyErr_CheckSignalsTstate`); an exception a handler raises
/// (KeyboardInterrupt from the default SIGINT handler) is returned. Costs
/// one relaxed atomic load when nothing is pending: the evaluation loop
/// calls it at backward jumps and calls, as CPython's eval breaker does.
#[inline]
pub fn handle_pending_signals(ts: &ThreadState) -> crate::runtime::errors::PyResult<()> {
    if !SIGNALS_PENDING.load(Ordering::Relaxed) {
        return Ok(());
    }
    crate::modules::signal::run_pending_handlers(ts)
}

fn current_thread_id() -> u64 {
    // SAFETY: pthread_self has no preconditions.
    unsafe { libc::pthread_self() as u64 }
}
