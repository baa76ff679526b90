//! `select`: waiting for I/O on file descriptors (CPython's
//! Modules/selectmodule.c): `select()`, `poll` objects and `epoll` objects,
//! with the POLL*/EPOLL* constants. Calls interrupted by a signal run the
//! signal handlers and retry with the time that is left (PEP 475).

use std::cell::{Cell, RefCell};
use std::time::{Duration, Instant};

use crate::object::args;
use crate::object::protocol;
use crate::object::typeobj::{PyType, TypeObject, TPFLAGS_BASETYPE};
use crate::object::value::{PyObject, PyPayload, Value};
use crate::runtime::errors::{PyErr, PyResult};
use crate::runtime::thread::ThreadState;
use crate::types::{bool_, exceptions as exc, float, int, list, none, tuple};

type Args<'a> = &'a [Value];
type Kw<'a> = Option<&'a Value>;

fn errno() -> i32 {
    std::io::Error::last_os_error().raw_os_error().unwrap_or(libc::EIO)
}

fn os_error(code: i32) -> PyErr {
    crate::modules::io::os_error(code, None)
}

/// An int or an object with `fileno()`, as posix reads descriptors.
pub(crate) use super::posix::fileno_arg;

const TOO_LARGE: &str = "timestamp too large to convert to C _PyTime_t";

/// A timeout in nanoseconds from a number of `unit_ns` units, rounded up
/// (`_PyTime_FromSecondsObject`/`_PyTime_FromMillisecondsObject` with
/// _PyTime_ROUND_TIMEOUT); a TypeError becomes `type_msg`.
fn timeout_ns(ts: &ThreadState, v: &Value, unit_ns: i64, type_msg: &str) -> PyResult<i64> {
    if let Some(f) = float::as_float_exact_payload(v).or_else(|| if v.type_of().is_subtype(&float::FLOAT_TYPE) { float::to_f64(ts, v).ok() } else { None }) {
        if f.is_nan() {
            return Err(PyErr::value_error("Invalid value NaN (not a number)"));
        }
        let ns = (f * unit_ns as f64).ceil();
        if !(-9.223372036854776e18..9.223372036854776e18).contains(&ns) {
            return Err(PyErr::overflow_error(TOO_LARGE));
        }
        return Ok(ns as i64);
    }
    let i = match protocol::index(ts, v) {
        Ok(i) => i,
        Err(e) if e.matches(&exc::TYPE_ERROR) => return Err(PyErr::type_error(type_msg)),
        Err(e) => return Err(e),
    };
    int::as_int(&i)
        .and_then(|r| r.to_i64())
        .and_then(|x| x.checked_mul(unit_ns))
        .ok_or_else(|| PyErr::overflow_error(TOO_LARGE))
}

/// Milliseconds for poll/epoll_wait from nanoseconds, rounded up.
fn ns_to_ms(ns: i64) -> i32 {
    let ms = ns / 1_000_000 + i64::from(ns % 1_000_000 > 0);
    ms.clamp(i32::MIN as i64, i32::MAX as i64) as i32
}

/// The time left until `deadline` in ns (0 when past).
fn remaining(deadline: Instant) -> i64 {
    deadline.saturating_duration_since(Instant::now()).as_nanos().min(i64::MAX as u128) as i64
}

fn deadline_after(ns: i64) -> Instant {
    let now = Instant::now();
    now.checked_add(Duration::from_nanos(ns.max(0) as u64)).unwrap_or(now + Duration::from_secs(86400 * 365 * 100))
}

// ---------------------------------------------------------------- select()

/// The objects of one list argument with their fds.
fn fd_list(ts: &ThreadState, seq: &Value) -> PyResult<Vec<(Value, i32)>> {
    let lst = seq.downcast::<list::PyList>();
    // PySequence_Fast: a list is used as it is, any other iterable collected.
    let tup = match tuple::try_tuple_items(seq) {
        Some(t) => Some(t.to_vec()),
        None if lst.is_some() => None,
        None => Some(protocol::collect(ts, seq).map_err(|e| {
            if e.matches(&exc::TYPE_ERROR) {
                PyErr::type_error("arguments 1-3 must be sequences")
            } else {
                e
            }
        })?),
    };
    let mut out = Vec::new();
    let mut i = 0;
    // A list is read by index with its current length: fileno() may change it.
    loop {
        let o = match (&tup, lst) {
            (Some(t), _) => t.get(i).cloned(),
            (None, Some(l)) => l.get(i),
            _ => None,
        };
        let Some(o) = o else { break };
        i += 1;
        let fd = fileno_arg(ts, &o)?;
        if fd >= libc::FD_SETSIZE as i32 {
            return Err(PyErr::value_error("filedescriptor out of range in select()"));
        }
        out.push((o, fd));
    }
    Ok(out)
}

fn fill_set(set: &mut libc::fd_set, fds: &[(Value, i32)], maxfd: &mut i32) {
    // SAFETY: `set` is a valid fd_set; every fd is below FD_SETSIZE.
    unsafe {
        libc::FD_ZERO(set);
        for (_, fd) in fds {
            libc::FD_SET(*fd, set);
            *maxfd = (*maxfd).max(*fd);
        }
    }
}

fn ready(set: &libc::fd_set, fds: &[(Value, i32)]) -> PyResult<Value> {
    // SAFETY: `set` is a valid fd_set filled by select.
    let items = fds.iter().filter(|(_, fd)| unsafe { libc::FD_ISSET(*fd, set) }).map(|(o, _)| o.clone()).collect();
    list::new_list(items)
}

/// `select.select(rlist, wlist, xlist, timeout=None, /)`.
fn s_select(ts: &ThreadState, _m: &Value, a: Args, k: Kw) -> PyResult<Value> {
    args::no_kwargs("select", k)?;
    if a.len() < 3 || a.len() > 4 {
        return Err(PyErr::type_error(format!(
            "select expected at {} {} arguments, got {}",
            if a.len() < 3 { "least" } else { "most" },
            if a.len() < 3 { 3 } else { 4 },
            a.len()
        )));
    }
    let timeout = match a.get(3).filter(|t| !none::is_none(t)) {
        None => None,
        Some(t) => {
            let ns = timeout_ns(ts, t, 1_000_000_000, "timeout must be a float or None")?;
            if ns < 0 {
                return Err(PyErr::value_error("timeout must be non-negative"));
            }
            Some(ns)
        }
    };
    let lists = [fd_list(ts, &a[0])?, fd_list(ts, &a[1])?, fd_list(ts, &a[2])?];
    let deadline = timeout.map(deadline_after);
    let mut left = timeout;
    loop {
        // SAFETY: fd_set is plain data, filled below.
        let mut sets: [libc::fd_set; 3] = unsafe { std::mem::zeroed() };
        let mut maxfd = -1;
        for (s, l) in sets.iter_mut().zip(&lists) {
            fill_set(s, l, &mut maxfd);
        }
        let mut tv = left.map(|ns| libc::timeval { tv_sec: (ns / 1_000_000_000) as libc::time_t, tv_usec: ((ns % 1_000_000_000 + 999) / 1000) as libc::suseconds_t });
        let tvp = tv.as_mut().map_or(std::ptr::null_mut(), |t| t as *mut libc::timeval);
        let [r, w, x] = &mut sets;
        // SAFETY: the sets and the timeval are valid for the call.
        let n = unsafe { libc::select(maxfd + 1, r, w, x, tvp) };
        if n >= 0 {
            return tuple::new_tuple(vec![ready(&sets[0], &lists[0])?, ready(&sets[1], &lists[1])?, ready(&sets[2], &lists[2])?]);
        }
        let e = errno();
        if e != libc::EINTR {
            return Err(os_error(e));
        }
        crate::runtime::thread::handle_pending_signals(ts)?;
        if let Some(d) = deadline {
            left = Some(remaining(d));
        }
    }
}

// ---------------------------------------------------------------- poll

/// A `select.poll` object: registered fds with their event masks, in
/// registration order.
pub struct PyPoll {
    fds: RefCell<Vec<(i32, i16)>>,
    polling: Cell<bool>,
}

/// The `select.poll` type.
pub static POLL_TYPE: PyType = PyObject::new_static(
    &crate::types::typeobject::TYPE_TYPE,
    TypeObject::builtin::<PyPoll>("select.poll", &POLL_TYPE, Some(&crate::types::object::OBJECT_TYPE), 0),
);
impl PyPayload for PyPoll {
    fn class() -> &'static PyType {
        &POLL_TYPE
    }
}

fn poll_this(v: &Value) -> PyResult<&PyPoll> {
    v.downcast::<PyPoll>().ok_or_else(|| PyErr::type_error("descriptor requires a 'select.poll' object"))
}

/// An `unsigned short` event mask (`_PyLong_UnsignedShort_Converter`).
fn ushort_mask(ts: &ThreadState, v: &Value) -> PyResult<i16> {
    let i = protocol::index(ts, v)?;
    if int::is_negative(&i) {
        return Err(PyErr::value_error("value must be positive"));
    }
    match int::as_int(&i).and_then(|r| r.to_i64()) {
        Some(x) if x <= u16::MAX as i64 => Ok(x as u16 as i16),
        _ => Err(PyErr::overflow_error("Python int too large for C unsigned short")),
    }
}

fn poll_no_new(_ts: &ThreadState, _cls: &Value, _a: Args, _k: Kw) -> PyResult<Value> {
    Err(PyErr::type_error("cannot create 'select.poll' instances"))
}

fn s_poll(_ts: &ThreadState, _m: &Value, a: Args, k: Kw) -> PyResult<Value> {
    args::exact("poll", a, k, 0)?;
    Value::new(PyPoll { fds: RefCell::new(Vec::new()), polling: Cell::new(false) })
}

fn poll_register(ts: &ThreadState, v: &Value, a: Args, k: Kw) -> PyResult<Value> {
    let a = crate::modules::fastcall_args("poll", "register", a, k, 1, 2)?;
    let p = poll_this(v)?;
    let fd = fileno_arg(ts, &a[0])?;
    let mask = match a.get(1) {
        Some(m) => ushort_mask(ts, m)?,
        None => (libc::POLLIN | libc::POLLPRI | libc::POLLOUT) as i16,
    };
    let mut fds = p.fds.borrow_mut();
    match fds.iter_mut().find(|(f, _)| *f == fd) {
        Some(e) => e.1 = mask,
        None => fds.push((fd, mask)),
    }
    Ok(none::none())
}

fn poll_modify(ts: &ThreadState, v: &Value, a: Args, k: Kw) -> PyResult<Value> {
    let a = crate::modules::fastcall_args("poll", "modify", a, k, 2, 2)?;
    let p = poll_this(v)?;
    let fd = fileno_arg(ts, &a[0])?;
    let mask = ushort_mask(ts, &a[1])?;
    let mut fds = p.fds.borrow_mut();
    match fds.iter_mut().find(|(f, _)| *f == fd) {
        Some(e) => e.1 = mask,
        None => return Err(os_error(libc::ENOENT)),
    }
    Ok(none::none())
}

fn poll_unregister(ts: &ThreadState, v: &Value, a: Args, k: Kw) -> PyResult<Value> {
    let a = crate::modules::fastcall_args("poll", "unregister", a, k, 1, 1)?;
    let p = poll_this(v)?;
    let fd = fileno_arg(ts, &a[0])?;
    let mut fds = p.fds.borrow_mut();
    match fds.iter().position(|(f, _)| *f == fd) {
        Some(i) => {
            fds.remove(i);
            Ok(none::none())
        }
        None => Err(PyErr::key_error(int::from_i64(fd as i64))),
    }
}

fn poll_poll(ts: &ThreadState, v: &Value, a: Args, k: Kw) -> PyResult<Value> {
    let a = crate::modules::fastcall_args("poll", "poll", a, k, 0, 1)?;
    let p = poll_this(v)?;
    let timeout = match a.first().filter(|t| !none::is_none(t)) {
        None => None,
        Some(t) => Some(timeout_ns(ts, t, 1_000_000, "timeout must be an integer or None")?).filter(|&ns| ns >= 0),
    };
    if p.polling.get() {
        return Err(PyErr::runtime_error("concurrent poll() invocation"));
    }
    let mut pfds: Vec<libc::pollfd> = p.fds.borrow().iter().map(|&(fd, ev)| libc::pollfd { fd, events: ev, revents: 0 }).collect();
    let deadline = timeout.map(deadline_after);
    let mut ms = timeout.map_or(-1, ns_to_ms);
    p.polling.set(true);
    let r = loop {
        // SAFETY: `pfds` is a live array of pollfd of the given length.
        let n = unsafe { libc::poll(pfds.as_mut_ptr(), pfds.len() as libc::nfds_t, ms) };
        if n >= 0 {
            break Ok(());
        }
        let e = errno();
        if e != libc::EINTR {
            break Err(os_error(e));
        }
        if let Err(e) = crate::runtime::thread::handle_pending_signals(ts) {
            break Err(e);
        }
        if let Some(d) = deadline {
            ms = ns_to_ms(remaining(d));
        }
    };
    p.polling.set(false);
    r?;
    let mut out = Vec::new();
    for f in pfds.iter().filter(|f| f.revents != 0) {
        out.push(tuple::new_tuple(vec![int::from_i64(f.fd as i64), int::from_i64(f.revents as u16 as i64)])?);
    }
    list::new_list(out)
}

// ---------------------------------------------------------------- epoll

/// A `select.epoll` object: an epoll fd (-1 once closed).
pub struct PyEpoll {
    fd: Cell<i32>,
}

impl Drop for PyEpoll {
    fn drop(&mut self) {
        let fd = self.fd.replace(-1);
        if fd >= 0 {
            // SAFETY: the object owns its epoll fd.
            unsafe { libc::close(fd) };
        }
    }
}

/// The `select.epoll` type.
pub static EPOLL_TYPE: PyType = PyObject::new_static(
    &crate::types::typeobject::TYPE_TYPE,
    TypeObject::builtin::<PyEpoll>("select.epoll", &EPOLL_TYPE, Some(&crate::types::object::OBJECT_TYPE), TPFLAGS_BASETYPE),
);
impl PyPayload for PyEpoll {
    fn class() -> &'static PyType {
        &EPOLL_TYPE
    }
}

fn epoll_this(v: &Value) -> PyResult<&PyEpoll> {
    v.downcast::<PyEpoll>().ok_or_else(|| PyErr::type_error("descriptor requires a 'select.epoll' object"))
}

/// The open epoll fd, or CPython's ValueError once closed.
fn epoll_fd(v: &Value) -> PyResult<i32> {
    let fd = epoll_this(v)?.fd.get();
    if fd < 0 {
        return Err(PyErr::value_error("I/O operation on closed epoll object"));
    }
    Ok(fd)
}

fn epoll_new(ts: &ThreadState, cls: &Value, a: Args, k: Kw) -> PyResult<Value> {
    let [sizehint, flags] = args::bind("epoll", a, k, ["sizehint", "flags"], 0, 0, 2)?;
    let sizehint = match sizehint {
        Some(s) => int::c_int_arg(ts, &s)?,
        None => -1,
    };
    let flags = match flags {
        Some(f) => int::c_int_arg(ts, &f)?,
        None => 0,
    };
    if sizehint != -1 && sizehint <= 0 {
        return Err(PyErr::value_error("negative sizehint"));
    }
    if flags != 0 && flags != libc::EPOLL_CLOEXEC {
        return Err(PyErr::with_args(&exc::OS_ERROR, vec![crate::types::str::new_str("invalid flags")]));
    }
    // SAFETY: epoll_create1 takes a flag word.
    let fd = unsafe { libc::epoll_create1(libc::EPOLL_CLOEXEC) };
    if fd < 0 {
        return Err(os_error(errno()));
    }
    Value::new_instance(cls, PyEpoll { fd: Cell::new(fd) })
}

fn epoll_fromfd(ts: &ThreadState, cls: &Value, a: Args, k: Kw) -> PyResult<Value> {
    let a = crate::modules::fastcall_args("epoll", "fromfd", a, k, 1, 1)?;
    let fd = int::c_int_arg(ts, &a[0])?;
    Value::new_instance(cls, PyEpoll { fd: Cell::new(fd) })
}

fn epoll_close(_ts: &ThreadState, v: &Value, a: Args, k: Kw) -> PyResult<Value> {
    args::exact("close", a, k, 0)?;
    let fd = epoll_this(v)?.fd.replace(-1);
    // SAFETY: the object owned this fd; it is forgotten before closing.
    if fd >= 0 && unsafe { libc::close(fd) } < 0 {
        return Err(os_error(errno()));
    }
    Ok(none::none())
}

fn epoll_closed(_ts: &ThreadState, v: &Value) -> PyResult<Value> {
    Ok(bool_::new_bool(epoll_this(v)?.fd.get() < 0))
}

fn epoll_fileno(_ts: &ThreadState, v: &Value, a: Args, k: Kw) -> PyResult<Value> {
    args::exact("fileno", a, k, 0)?;
    Ok(int::from_i64(epoll_fd(v)? as i64))
}

/// An `unsigned int` event mask taken bitwise (no range check).
fn uint_mask(ts: &ThreadState, v: &Value) -> PyResult<u32> {
    let i = protocol::index(ts, v)?;
    let b = int::as_int(&i).map(|r| r.to_bigint()).unwrap_or_default();
    let m = b & num_bigint::BigInt::from(u32::MAX);
    Ok(m.to_u32_digits().1.first().copied().unwrap_or(0))
}

fn epoll_ctl(v: &Value, op: i32, fd: i32, events: u32) -> PyResult<Value> {
    let efd = epoll_fd(v)?;
    let mut ev = libc::epoll_event { events, u64: fd as u32 as u64 };
    // SAFETY: `ev` is a valid epoll_event for the call.
    if unsafe { libc::epoll_ctl(efd, op, fd, &mut ev) } < 0 {
        return Err(os_error(errno()));
    }
    Ok(none::none())
}

fn epoll_register(ts: &ThreadState, v: &Value, a: Args, k: Kw) -> PyResult<Value> {
    let [fd, mask] = args::bind("register", a, k, ["fd", "eventmask"], 0, 1, 2)?;
    let fd = fileno_arg(ts, &fd.unwrap_or_else(none::none))?;
    let mask = match mask {
        Some(m) => uint_mask(ts, &m)?,
        None => (libc::EPOLLIN | libc::EPOLLPRI | libc::EPOLLOUT) as u32,
    };
    epoll_ctl(v, libc::EPOLL_CTL_ADD, fd, mask)
}

fn epoll_modify(ts: &ThreadState, v: &Value, a: Args, k: Kw) -> PyResult<Value> {
    let [fd, mask] = args::bind("modify", a, k, ["fd", "eventmask"], 0, 2, 2)?;
    let fd = fileno_arg(ts, &fd.unwrap_or_else(none::none))?;
    let mask = uint_mask(ts, &mask.unwrap_or_else(none::none))?;
    epoll_ctl(v, libc::EPOLL_CTL_MOD, fd, mask)
}

fn epoll_unregister(ts: &ThreadState, v: &Value, a: Args, k: Kw) -> PyResult<Value> {
    let [fd] = args::bind("unregister", a, k, ["fd"], 0, 1, 1)?;
    let fd = fileno_arg(ts, &fd.unwrap_or_else(none::none))?;
    epoll_ctl(v, libc::EPOLL_CTL_DEL, fd, 0)
}

fn epoll_poll(ts: &ThreadState, v: &Value, a: Args, k: Kw) -> PyResult<Value> {
    let [timeout, maxevents] = args::bind("poll", a, k, ["timeout", "maxevents"], 0, 0, 2)?;
    let timeout = match timeout.filter(|t| !none::is_none(t)) {
        None => None,
        Some(t) => Some(timeout_ns(ts, &t, 1_000_000_000, "timeout must be an integer or None")?).filter(|&ns| ns >= 0),
    };
    let mut maxevents = match maxevents {
        Some(m) => int::c_int_arg(ts, &m)?,
        None => -1,
    };
    let efd = epoll_fd(v)?;
    if maxevents == -1 {
        maxevents = libc::FD_SETSIZE as i32 - 1;
    } else if maxevents < 1 {
        return Err(PyErr::value_error(format!("maxevents must be greater than 0, got {maxevents}")));
    }
    let mut evs = vec![libc::epoll_event { events: 0, u64: 0 }; maxevents as usize];
    let deadline = timeout.map(deadline_after);
    let mut ms = timeout.map_or(-1, ns_to_ms);
    let n = loop {
        // SAFETY: `evs` holds `maxevents` entries.
        let n = unsafe { libc::epoll_wait(efd, evs.as_mut_ptr(), maxevents, ms) };
        if n >= 0 {
            break n as usize;
        }
        let e = errno();
        if e != libc::EINTR {
            return Err(os_error(e));
        }
        crate::runtime::thread::handle_pending_signals(ts)?;
        if let Some(d) = deadline {
            ms = ns_to_ms(remaining(d));
        }
    };
    let mut out = Vec::with_capacity(n);
    for e in &evs[..n] {
        let (data, events) = (e.u64, e.events);
        out.push(tuple::new_tuple(vec![int::from_i64(data as u32 as i32 as i64), int::from_i64(events as i64)])?);
    }
    list::new_list(out)
}

fn epoll_enter(_ts: &ThreadState, v: &Value, a: Args, k: Kw) -> PyResult<Value> {
    args::exact("__enter__", a, k, 0)?;
    epoll_fd(v)?;
    Ok(v.clone())
}

fn epoll_exit(ts: &ThreadState, v: &Value, _a: Args, _k: Kw) -> PyResult<Value> {
    epoll_close(ts, v, &[], None)
}

/// The module's constants (Linux values).
const CONSTANTS: &[(&str, i64)] = &[
    ("EPOLLERR", libc::EPOLLERR as i64),
    ("EPOLLET", libc::EPOLLET as u32 as i64),
    ("EPOLLEXCLUSIVE", libc::EPOLLEXCLUSIVE as i64),
    ("EPOLLHUP", libc::EPOLLHUP as i64),
    ("EPOLLIN", libc::EPOLLIN as i64),
    ("EPOLLMSG", libc::EPOLLMSG as i64),
    ("EPOLLONESHOT", libc::EPOLLONESHOT as i64),
    ("EPOLLOUT", libc::EPOLLOUT as i64),
    ("EPOLLPRI", libc::EPOLLPRI as i64),
    ("EPOLLRDBAND", libc::EPOLLRDBAND as i64),
    ("EPOLLRDHUP", libc::EPOLLRDHUP as i64),
    ("EPOLLRDNORM", libc::EPOLLRDNORM as i64),
    ("EPOLLWRBAND", libc::EPOLLWRBAND as i64),
    ("EPOLLWRNORM", libc::EPOLLWRNORM as i64),
    ("EPOLL_CLOEXEC", libc::EPOLL_CLOEXEC as i64),
    ("PIPE_BUF", libc::PIPE_BUF as i64),
    ("POLLERR", libc::POLLERR as i64),
    ("POLLHUP", libc::POLLHUP as i64),
    ("POLLIN", libc::POLLIN as i64),
    ("POLLMSG", 1024),
    ("POLLNVAL", libc::POLLNVAL as i64),
    ("POLLOUT", libc::POLLOUT as i64),
    ("POLLPRI", libc::POLLPRI as i64),
    ("POLLRDBAND", libc::POLLRDBAND as i64),
    ("POLLRDHUP", libc::POLLRDHUP as i64),
    ("POLLRDNORM", libc::POLLRDNORM as i64),
    ("POLLWRBAND", libc::POLLWRBAND as i64),
    ("POLLWRNORM", libc::POLLWRNORM as i64),
];

/// The static types of this module.
pub fn types() -> Vec<&'static PyType> {
    vec![&POLL_TYPE, &EPOLL_TYPE]
}

/// Fill the static types' slots and methods.
pub fn init() {
    use crate::types::descr::{add_getsets, add_methods, add_methods_kind, MethodKind};
    POLL_TYPE.data.slots.new.set(Some(poll_no_new));
    POLL_TYPE.data.slots.getattro.set(Some(protocol::generic_getattr));
    add_methods(
        &POLL_TYPE,
        &[("register", poll_register), ("modify", poll_modify), ("unregister", poll_unregister), ("poll", poll_poll)],
    );
    EPOLL_TYPE.data.slots.new.set(Some(epoll_new));
    EPOLL_TYPE.data.slots.getattro.set(Some(protocol::generic_getattr));
    add_methods(
        &EPOLL_TYPE,
        &[
            ("close", epoll_close),
            ("fileno", epoll_fileno),
            ("register", epoll_register),
            ("modify", epoll_modify),
            ("unregister", epoll_unregister),
            ("poll", epoll_poll),
            ("__enter__", epoll_enter),
            ("__exit__", epoll_exit),
        ],
    );
    add_methods_kind(&EPOLL_TYPE, &[("fromfd", epoll_fromfd)], MethodKind::Class);
    add_getsets(&EPOLL_TYPE, &[("closed", epoll_closed, None)]);
}

/// Create the `select` module.
pub fn create(ts: &ThreadState) -> PyResult<Value> {
    let (m, d) = super::new_native_module(ts, "select", &[("select", s_select), ("poll", s_poll)])?;
    for (name, v) in CONSTANTS {
        super::set_attr(ts, &d, name, int::from_i64(*v))?;
    }
    super::set_attr(ts, &d, "error", exc::OS_ERROR.to_value())?;
    super::set_attr(ts, &d, "epoll", EPOLL_TYPE.to_value())?;
    Ok(m)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn ms_rounding() {
        // poll(1.5) waits 2 ms in CPython (rounded up); 1 ns waits 1 ms.
        assert_eq!(ns_to_ms(1_500_000), 2);
        assert_eq!(ns_to_ms(1), 1);
        assert_eq!(ns_to_ms(0), 0);
        assert_eq!(ns_to_ms(3_000_000), 3);
    }

    #[test]
    fn constants_match_python() {
        // Values printed by python3 on Linux x86-64.
        let get = |n: &str| CONSTANTS.iter().find(|(k, _)| *k == n).map(|(_, v)| *v);
        assert_eq!(get("EPOLLET"), Some(2147483648));
        assert_eq!(get("EPOLLEXCLUSIVE"), Some(268435456));
        assert_eq!(get("POLLRDHUP"), Some(8192));
        assert_eq!(get("PIPE_BUF"), Some(4096));
        assert!(CONSTANTS.windows(2).all(|w| w[0].0 < w[1].0));
    }
}
