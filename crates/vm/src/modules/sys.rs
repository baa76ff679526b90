//! The `sys` module.

use crate::object::protocol;
use crate::object::typeobj::CallFn;
use crate::object::value::Value;
use crate::runtime::errors::{PyErr, PyResult};
use crate::runtime::thread::ThreadState;
use crate::types::{bool_, dict, exceptions as exc, float, int, list, module, none, str as pystr, tuple};

type Args<'a> = &'a [Value];

/// `sys.<name>` if the sys module has it.
pub fn sys_attr(ts: &ThreadState, name: &str) -> Option<Value> {
    let sys = ts.interp().sys.borrow().clone()?;
    let d = module::module_dict(&sys)?;
    dict::dict_get_str(&d, &pystr::intern(name))
}

/// `sys.stdout` / `sys.stderr` / `sys.stdin` (None or missing: None).
pub fn get_stream(ts: &ThreadState, name: &str) -> Option<Value> {
    sys_attr(ts, name).filter(|v| !none::is_none(v))
}

/// Write a str to sys.stdout (nothing if it is None).
pub fn write_stdout(ts: &ThreadState, s: &Value) -> PyResult<()> {
    if let Some(out) = get_stream(ts, "stdout") {
        protocol::call_method(ts, &out, "write", std::slice::from_ref(s))?;
    }
    Ok(())
}

/// Flush sys.stdout (nothing if it is None).
pub fn flush_stdout(ts: &ThreadState) -> PyResult<()> {
    if let Some(out) = get_stream(ts, "stdout") {
        protocol::call_method(ts, &out, "flush", &[])?;
    }
    Ok(())
}

/// Write text to sys.stderr (falling back to fd 2).
pub fn write_stderr(ts: &ThreadState, text: &str) {
    if let Some(err) = get_stream(ts, "stderr") {
        if protocol::call_method(ts, &err, "write", &[pystr::new_str(text)]).is_ok() {
            return;
        }
    }
    use std::io::Write;
    let _ = std::io::stderr().write_all(text.as_bytes());
}

/// PRINT_EXPR: `sys.displayhook(value)`.
pub fn displayhook(ts: &ThreadState, v: &Value) -> PyResult<()> {
    match sys_attr(ts, "displayhook") {
        Some(h) => protocol::call(ts, &h, std::slice::from_ref(v), None).map(drop),
        None => Err(PyErr::runtime_error("lost sys.displayhook")),
    }
}

fn s_displayhook(ts: &ThreadState, _m: &Value, a: Args, k: Option<&Value>) -> PyResult<Value> {
    let v = &crate::object::args::exact("sys.displayhook", a, k, 1)?[0];
    if none::is_none(v) {
        return Ok(none::none());
    }
    let builtins = ts.interp().builtins();
    dict::dict_set_item(ts, &builtins, pystr::intern("_"), none::none())?;
    let Some(out) = get_stream(ts, "stdout") else {
        return Err(PyErr::runtime_error("lost sys.stdout"));
    };
    let r = protocol::repr(ts, v)?;
    protocol::call_method(ts, &out, "write", &[r])?;
    protocol::call_method(ts, &out, "write", &[pystr::intern("\n")])?;
    dict::dict_set_item(ts, &builtins, pystr::intern("_"), v.clone())?;
    Ok(none::none())
}

fn s_excepthook(ts: &ThreadState, _m: &Value, a: Args, k: Option<&Value>) -> PyResult<Value> {
    let a = crate::object::args::exact("excepthook", a, k, 3)?;
    if !a[1].type_of().is_subtype(&exc::BASE_EXCEPTION_TYPE) {
        // PyErr_Display reports the bad value instead of raising.
        write_stderr(
            ts,
            &format!("TypeError: print_exception(): Exception expected for value, {} found\n", protocol::type_name(&a[1])),
        );
        return Ok(none::none());
    }
    crate::runtime::pythonrun::print_exception(ts, &a[1]);
    Ok(none::none())
}

fn s_exit(_ts: &ThreadState, _m: &Value, a: Args, k: Option<&Value>) -> PyResult<Value> {
    let a = super::fastcall_args("sys", "exit", a, k, 0, 1)?;
    // As PyErr_SetObject: None means no arguments, a tuple is the arguments.
    let args = match a.first() {
        None => vec![],
        Some(v) if none::is_none(v) => vec![],
        Some(v) if v.is_exact(&tuple::TUPLE_TYPE) => tuple::tuple_items(v).to_vec(),
        Some(v) => vec![v.clone()],
    };
    Err(PyErr::with_args(&exc::SYSTEM_EXIT, args))
}

fn s_exc_info(ts: &ThreadState, _m: &Value, a: Args, k: Option<&Value>) -> PyResult<Value> {
    crate::object::args::exact("sys.exc_info", a, k, 0)?;
    match ts.handled_exception() {
        Some(e) => {
            let tb = exc::traceback_of(&e).unwrap_or_else(none::none);
            tuple::new_tuple(vec![e.type_of().to_value(), e, tb])
        }
        None => tuple::new_tuple(vec![none::none(), none::none(), none::none()]),
    }
}

fn s_exception(ts: &ThreadState, _m: &Value, a: Args, k: Option<&Value>) -> PyResult<Value> {
    crate::object::args::exact("sys.exception", a, k, 0)?;
    Ok(ts.handled_exception().unwrap_or_else(none::none))
}

fn s_getrecursionlimit(ts: &ThreadState, _m: &Value, a: Args, k: Option<&Value>) -> PyResult<Value> {
    crate::object::args::exact("sys.getrecursionlimit", a, k, 0)?;
    Ok(int::from_i64(ts.interp().recursion_limit.get() as i64))
}

fn s_setrecursionlimit(ts: &ThreadState, _m: &Value, a: Args, k: Option<&Value>) -> PyResult<Value> {
    let v = &crate::object::args::exact("sys.setrecursionlimit", a, k, 1)?[0];
    let n = protocol::index(ts, v)?;
    let n = int::to_isize(&n)
        .filter(|n| i32::try_from(*n).is_ok())
        .ok_or_else(|| PyErr::overflow_error("Python int too large to convert to C int"))?;
    if n < 1 {
        return Err(PyErr::value_error("recursion limit must be greater or equal than 1"));
    }
    let depth = ts.recursion_depth.get() as isize;
    if n <= depth {
        return Err(PyErr::recursion_error(format!(
            "cannot set the recursion limit to {n} at the recursion depth {depth}: the limit is too low"
        )));
    }
    ts.interp().recursion_limit.set(n.min(i32::MAX as isize) as u32);
    Ok(none::none())
}

fn s_getrefcount(_ts: &ThreadState, _m: &Value, a: Args, k: Option<&Value>) -> PyResult<Value> {
    let v = &crate::object::args::exact("sys.getrefcount", a, k, 1)?[0];
    Ok(int::from_bigint(num_bigint::BigInt::from(v.refcount())))
}

fn s_getframe(ts: &ThreadState, _m: &Value, a: Args, k: Option<&Value>) -> PyResult<Value> {
    let a = super::fastcall_args("sys", "_getframe", a, k, 0, 1)?;
    let mut depth = match a.first() {
        Some(d) => {
            let i = protocol::index(ts, d)?;
            int::to_isize(&i)
                .filter(|n| i32::try_from(*n).is_ok())
                .ok_or_else(|| PyErr::overflow_error("Python int too large to convert to C int"))?
        }
        None => 0,
    };
    let mut f = ts.current_frame.get();
    while depth > 0 && !f.is_null() {
        // SAFETY: frames in the chain are live.
        f = unsafe { (*f).previous };
        depth -= 1;
    }
    if f.is_null() {
        return Err(PyErr::value_error("call stack is not deep enough"));
    }
    // SAFETY: `f` is a live frame of this thread.
    Ok(crate::types::frame::frame_object(ts, unsafe { &*f }))
}

fn s_intern(_ts: &ThreadState, _m: &Value, a: Args, k: Option<&Value>) -> PyResult<Value> {
    let v = &crate::object::args::exact("sys.intern", a, k, 1)?[0];
    if pystr::as_pystr(v).is_none() {
        return Err(PyErr::type_error(format!("intern() argument must be str, not {}", protocol::type_name(v))));
    }
    if !v.is_exact(&pystr::STR_TYPE) {
        return Err(PyErr::type_error(format!("can't intern {}", protocol::type_name(v))));
    }
    match pystr::as_pystr(v).and_then(|s| s.data.as_str().map(str::to_string)) {
        Some(s) => Ok(pystr::intern(&s)),
        None => Ok(v.clone()),
    }
}

fn s_getsizeof(ts: &ThreadState, _m: &Value, a: Args, k: Option<&Value>) -> PyResult<Value> {
    let [obj, default] = crate::object::args::bind("getsizeof", a, k, ["object", "default"], 0, 1, 2)?;
    let a: Vec<Value> = [obj, default].into_iter().flatten().collect();
    match crate::gc::sizeof::getsizeof(ts, &a[0]) {
        Ok(Some(n)) => Ok(int::from_i64(n as i64)),
        Ok(None) => a.get(1).cloned().ok_or_else(|| PyErr::type_error("Type doesn't define __sizeof__")),
        Err(e) => match a.get(1) {
            Some(d) if e.matches(&crate::types::exceptions::TYPE_ERROR) => Ok(d.clone()),
            _ => Err(e),
        },
    }
}

fn s_get_int_max_str_digits(ts: &ThreadState, _m: &Value, a: Args, k: Option<&Value>) -> PyResult<Value> {
    crate::object::args::exact("sys.get_int_max_str_digits", a, k, 0)?;
    Ok(int::from_i64(ts.interp().int_max_str_digits.get() as i64))
}

fn s_set_int_max_str_digits(ts: &ThreadState, _m: &Value, a: Args, k: Option<&Value>) -> PyResult<Value> {
    let [maxdigits] = crate::types::str::clinic_keywords("set_int_max_str_digits", a, k, ["maxdigits"], 0, 1)?;
    let n = match maxdigits {
        Some(m) => int::c_int_arg(ts, &m)? as isize,
        None => -1,
    };
    if n != 0 && n < 640 {
        return Err(PyErr::value_error("maxdigits must be 0 or larger than 640"));
    }
    ts.interp().int_max_str_digits.set(n as usize);
    Ok(none::none())
}

fn s_getdefaultencoding(_ts: &ThreadState, _m: &Value, a: Args, k: Option<&Value>) -> PyResult<Value> {
    crate::object::args::exact("sys.getdefaultencoding", a, k, 0)?;
    Ok(pystr::new_str("utf-8"))
}

fn s_settrace(ts: &ThreadState, _m: &Value, a: Args, k: Option<&Value>) -> PyResult<Value> {
    let v = &crate::object::args::exact("sys.settrace", a, k, 1)?[0];
    *ts.trace_func.borrow_mut() = if none::is_none(v) { None } else { Some(v.clone()) };
    Ok(none::none())
}

fn s_gettrace(ts: &ThreadState, _m: &Value, a: Args, k: Option<&Value>) -> PyResult<Value> {
    crate::object::args::exact("sys.gettrace", a, k, 0)?;
    Ok(ts.trace_func.borrow().clone().unwrap_or_else(none::none))
}

fn s_setprofile(ts: &ThreadState, _m: &Value, a: Args, k: Option<&Value>) -> PyResult<Value> {
    let v = &crate::object::args::exact("sys.setprofile", a, k, 1)?[0];
    *ts.profile_func.borrow_mut() = if none::is_none(v) { None } else { Some(v.clone()) };
    Ok(none::none())
}

fn s_getprofile(ts: &ThreadState, _m: &Value, a: Args, k: Option<&Value>) -> PyResult<Value> {
    crate::object::args::exact("sys.getprofile", a, k, 0)?;
    Ok(ts.profile_func.borrow().clone().unwrap_or_else(none::none))
}

thread_local! {
    /// Hooks added by sys.addaudithook, called by sys.audit.
    static AUDIT_HOOKS: std::cell::RefCell<Vec<Value>> = const { std::cell::RefCell::new(Vec::new()) };
    /// sys.set_asyncgen_hooks: (firstiter, finalizer).
    static ASYNCGEN_HOOKS: std::cell::RefCell<(Option<Value>, Option<Value>)> = const { std::cell::RefCell::new((None, None)) };
    static COROUTINE_ORIGIN_DEPTH: std::cell::Cell<i64> = const { std::cell::Cell::new(0) };
}

/// sys.getdlopenflags() (RTLD_NOW by default).
static DLOPEN_FLAGS: std::sync::atomic::AtomicI64 = std::sync::atomic::AtomicI64::new(libc::RTLD_NOW as i64);

/// sys.getswitchinterval(), as f64 bits (5 ms by default).
static SWITCH_INTERVAL: std::sync::atomic::AtomicU64 = std::sync::atomic::AtomicU64::new(0x3F74_7AE1_47AE_147B);

fn s_audit(ts: &ThreadState, _m: &Value, a: Args, k: Option<&Value>) -> PyResult<Value> {
    crate::object::args::no_kwargs("audit", k)?;
    let Some(event) = a.first() else {
        return Err(PyErr::type_error("audit() missing 1 required positional argument: 'event'"));
    };
    let hooks = AUDIT_HOOKS.with(|h| h.borrow().clone());
    if hooks.is_empty() {
        return Ok(none::none());
    }
    if pystr::as_pystr(event).is_none() {
        return Err(PyErr::type_error(format!("expected str for argument 'event', not {}", protocol::type_name(event))));
    }
    let args = tuple::new_tuple(a[1..].to_vec())?;
    for h in hooks {
        protocol::call(ts, &h, &[event.clone(), args.clone()], None)?;
    }
    Ok(none::none())
}

fn s_addaudithook(_ts: &ThreadState, _m: &Value, a: Args, k: Option<&Value>) -> PyResult<Value> {
    let [hook] = crate::object::args::bind("addaudithook", a, k, ["hook"], 0, 1, 1)?;
    if let Some(h) = hook {
        AUDIT_HOOKS.with(|hs| hs.borrow_mut().push(h));
    }
    Ok(none::none())
}

fn s_getfilesystemencodeerrors(_ts: &ThreadState, _m: &Value, a: Args, k: Option<&Value>) -> PyResult<Value> {
    crate::object::args::exact("sys.getfilesystemencodeerrors", a, k, 0)?;
    Ok(pystr::new_str("surrogateescape"))
}

fn s_getswitchinterval(_ts: &ThreadState, _m: &Value, a: Args, k: Option<&Value>) -> PyResult<Value> {
    crate::object::args::exact("sys.getswitchinterval", a, k, 0)?;
    Ok(float::new_float(f64::from_bits(SWITCH_INTERVAL.load(std::sync::atomic::Ordering::Relaxed))))
}

fn s_setswitchinterval(ts: &ThreadState, _m: &Value, a: Args, k: Option<&Value>) -> PyResult<Value> {
    let v = &crate::object::args::exact("sys.setswitchinterval", a, k, 1)?[0];
    if !int::is_int(v) && float::as_float_exact_payload(v).is_none() && v.type_of().data.slots.float.get().is_none() {
        return Err(PyErr::type_error(format!("must be real number, not {}", protocol::type_name(v))));
    }
    let x = float::to_f64(ts, v)?;
    if x <= 0.0 {
        return Err(PyErr::value_error("switch interval must be strictly positive"));
    }
    SWITCH_INTERVAL.store(x.to_bits(), std::sync::atomic::Ordering::Relaxed);
    Ok(none::none())
}

fn s_getallocatedblocks(_ts: &ThreadState, _m: &Value, a: Args, k: Option<&Value>) -> PyResult<Value> {
    crate::object::args::exact("sys.getallocatedblocks", a, k, 0)?;
    // The allocator keeps no block count.
    Ok(int::from_i64(0))
}

fn s_call_tracing(ts: &ThreadState, _m: &Value, a: Args, k: Option<&Value>) -> PyResult<Value> {
    let a = super::fastcall_args("sys", "call_tracing", a, k, 2, 2)?;
    if tuple::try_tuple_items(&a[1]).is_none() {
        return Err(PyErr::type_error(format!(
            "call_tracing() argument 2 must be tuple, not {}",
            protocol::type_name(&a[1])
        )));
    }
    protocol::call(ts, &a[0], tuple::tuple_items(&a[1]), None)
}

fn s_get_asyncgen_hooks(_ts: &ThreadState, _m: &Value, a: Args, k: Option<&Value>) -> PyResult<Value> {
    crate::object::args::exact("sys.get_asyncgen_hooks", a, k, 0)?;
    let (first, fin) = ASYNCGEN_HOOKS.with(|h| h.borrow().clone());
    structseq::new_value(&ASYNCGEN_HOOKS_SPEC, vec![first.unwrap_or_else(none::none), fin.unwrap_or_else(none::none)])
}

fn s_set_asyncgen_hooks(_ts: &ThreadState, _m: &Value, a: Args, k: Option<&Value>) -> PyResult<Value> {
    let [first, fin] = crate::object::args::bind("set_asyncgen_hooks", a, k, ["firstiter", "finalizer"], 0, 0, 2)?;
    let check = |v: &Option<Value>, what: &str| -> PyResult<()> {
        match v {
            Some(x) if !none::is_none(x) && x.type_of().data.slots.call.get().is_none() => {
                Err(PyErr::type_error(format!("callable {what} expected, got {}", protocol::type_name(x))))
            }
            _ => Ok(()),
        }
    };
    check(&fin, "finalizer")?;
    check(&first, "firstiter")?;
    ASYNCGEN_HOOKS.with(|h| {
        let mut h = h.borrow_mut();
        if let Some(f) = fin {
            h.1 = Some(f).filter(|x| !none::is_none(x));
        }
        if let Some(f) = first {
            h.0 = Some(f).filter(|x| !none::is_none(x));
        }
    });
    Ok(none::none())
}

fn s_get_coroutine_origin_tracking_depth(_ts: &ThreadState, _m: &Value, a: Args, k: Option<&Value>) -> PyResult<Value> {
    crate::object::args::exact("sys.get_coroutine_origin_tracking_depth", a, k, 0)?;
    Ok(int::from_i64(COROUTINE_ORIGIN_DEPTH.with(|d| d.get())))
}

fn s_set_coroutine_origin_tracking_depth(ts: &ThreadState, _m: &Value, a: Args, k: Option<&Value>) -> PyResult<Value> {
    let [depth] = crate::object::args::bind("set_coroutine_origin_tracking_depth", a, k, ["depth"], 0, 1, 1)?;
    let d = protocol::index(ts, &depth.unwrap_or_else(none::none))?;
    let d = int::to_isize(&d).filter(|n| i32::try_from(*n).is_ok()).ok_or_else(|| PyErr::overflow_error("Python int too large to convert to C int"))?;
    if d < 0 {
        return Err(PyErr::value_error("depth must be >= 0"));
    }
    COROUTINE_ORIGIN_DEPTH.with(|c| c.set(d as i64));
    Ok(none::none())
}

fn s_getdlopenflags(_ts: &ThreadState, _m: &Value, a: Args, k: Option<&Value>) -> PyResult<Value> {
    crate::object::args::exact("sys.getdlopenflags", a, k, 0)?;
    Ok(int::from_i64(DLOPEN_FLAGS.load(std::sync::atomic::Ordering::Relaxed)))
}

fn s_setdlopenflags(ts: &ThreadState, _m: &Value, a: Args, k: Option<&Value>) -> PyResult<Value> {
    let v = &crate::object::args::exact("sys.setdlopenflags", a, k, 1)?[0];
    let n = protocol::index(ts, v)?;
    let n = int::to_isize(&n)
        .filter(|n| i32::try_from(*n).is_ok())
        .ok_or_else(|| PyErr::overflow_error("Python int too large to convert to C int"))?;
    DLOPEN_FLAGS.store(n as i64, std::sync::atomic::Ordering::Relaxed);
    Ok(none::none())
}

fn s_clear_type_cache(_ts: &ThreadState, _m: &Value, a: Args, k: Option<&Value>) -> PyResult<Value> {
    crate::object::args::exact("sys._clear_type_cache", a, k, 0)?;
    Ok(none::none())
}

/// `sys._current_frames()`: {thread id: its innermost frame} (this thread only).
fn s_current_frames(ts: &ThreadState, _m: &Value, a: Args, k: Option<&Value>) -> PyResult<Value> {
    crate::object::args::exact("sys._current_frames", a, k, 0)?;
    let d = dict::new_dict();
    let f = ts.current_frame.get();
    if !f.is_null() {
        // SAFETY: the current frame is live while it calls us.
        let fo = crate::types::frame::frame_object(ts, unsafe { &*f });
        dict::dict_set_item(ts, &d, int::from_bigint(num_bigint::BigInt::from(ts.thread_id)), fo)?;
    }
    Ok(d)
}

/// `sys._current_exceptions()`: {thread id: exc_info()} (this thread only).
fn s_current_exceptions(ts: &ThreadState, m: &Value, a: Args, k: Option<&Value>) -> PyResult<Value> {
    crate::object::args::exact("sys._current_exceptions", a, k, 0)?;
    let d = dict::new_dict();
    let info = s_exc_info(ts, m, &[], None)?;
    dict::dict_set_item(ts, &d, int::from_bigint(num_bigint::BigInt::from(ts.thread_id)), info)?;
    Ok(d)
}

/// The default sys.breakpointhook: $PYTHONBREAKPOINT names the callable
/// ("0" disables breakpoints), pdb.set_trace by default.
fn s_breakpointhook(ts: &ThreadState, _m: &Value, a: Args, k: Option<&Value>) -> PyResult<Value> {
    let env = std::env::var("PYTHONBREAKPOINT").unwrap_or_default();
    if env == "0" {
        return Ok(none::none());
    }
    let hookname = if env.is_empty() { "pdb.set_trace".to_string() } else { env };
    let (modname, attr) = match hookname.rsplit_once('.') {
        Some((m, a)) => (m.to_string(), a.to_string()),
        None => ("builtins".to_string(), hookname.clone()),
    };
    let hook = crate::import::import_absolute(ts, &modname).and_then(|m| protocol::getattr_str(ts, &m, &attr));
    match hook {
        Ok(h) => protocol::call(ts, &h, a, k),
        Err(e) if e.matches(&exc::IMPORT_ERROR) || e.matches(&exc::ATTRIBUTE_ERROR) => {
            write_stderr(ts, &format!("RuntimeWarning: Ignoring unimportable $PYTHONBREAKPOINT: \"{hookname}\"\n"));
            Ok(none::none())
        }
        Err(e) => Err(e),
    }
}

/// The default sys.unraisablehook: report on stderr.
fn s_unraisablehook(ts: &ThreadState, _m: &Value, a: Args, k: Option<&Value>) -> PyResult<Value> {
    let args = &crate::object::args::exact("sys.unraisablehook", a, k, 1)?[0];
    let value = protocol::getattr_str(ts, args, "exc_value")?;
    let msg = protocol::getattr_str(ts, args, "err_msg")?;
    let obj = protocol::getattr_str(ts, args, "object")?;
    let msg = pystr::try_as_rust_str(&msg).map(|m| m.to_string());
    let obj = Some(obj).filter(|o| !none::is_none(o));
    if !none::is_none(&value) {
        crate::runtime::lifecycle::print_unraisable(ts, &PyErr::from_instance(value), msg.as_deref(), obj.as_ref());
    }
    Ok(none::none())
}

fn s_is_finalizing(ts: &ThreadState, _m: &Value, a: Args, k: Option<&Value>) -> PyResult<Value> {
    crate::object::args::exact("sys.is_finalizing", a, k, 0)?;
    Ok(bool_::new_bool(ts.interp().finalizing.get()))
}

const FUNCTIONS: &[(&str, CallFn)] = &[
    ("displayhook", s_displayhook),
    ("excepthook", s_excepthook),
    ("exit", s_exit),
    ("exc_info", s_exc_info),
    ("exception", s_exception),
    ("getrecursionlimit", s_getrecursionlimit),
    ("setrecursionlimit", s_setrecursionlimit),
    ("getrefcount", s_getrefcount),
    ("_getframe", s_getframe),
    ("intern", s_intern),
    ("getsizeof", s_getsizeof),
    ("get_int_max_str_digits", s_get_int_max_str_digits),
    ("set_int_max_str_digits", s_set_int_max_str_digits),
    ("getdefaultencoding", s_getdefaultencoding),
    ("getfilesystemencoding", s_getdefaultencoding),
    ("settrace", s_settrace),
    ("gettrace", s_gettrace),
    ("setprofile", s_setprofile),
    ("getprofile", s_getprofile),
    ("audit", s_audit),
    ("is_finalizing", s_is_finalizing),
    ("addaudithook", s_addaudithook),
    ("getfilesystemencodeerrors", s_getfilesystemencodeerrors),
    ("getswitchinterval", s_getswitchinterval),
    ("setswitchinterval", s_setswitchinterval),
    ("getallocatedblocks", s_getallocatedblocks),
    ("call_tracing", s_call_tracing),
    ("get_asyncgen_hooks", s_get_asyncgen_hooks),
    ("set_asyncgen_hooks", s_set_asyncgen_hooks),
    ("get_coroutine_origin_tracking_depth", s_get_coroutine_origin_tracking_depth),
    ("set_coroutine_origin_tracking_depth", s_set_coroutine_origin_tracking_depth),
    ("breakpointhook", s_breakpointhook),
    ("unraisablehook", s_unraisablehook),
    ("getdlopenflags", s_getdlopenflags),
    ("setdlopenflags", s_setdlopenflags),
    ("_clear_type_cache", s_clear_type_cache),
    ("_current_frames", s_current_frames),
    ("_current_exceptions", s_current_exceptions),
];

use super::structseq::{self, structseq_type, Spec};

structseq_type!(VERSION_INFO_TYPE, "sys.version_info");
structseq_type!(FLAGS_TYPE, "sys.flags");
structseq_type!(FLOAT_INFO_TYPE, "sys.float_info");
structseq_type!(INT_INFO_TYPE, "sys.int_info");
structseq_type!(HASH_INFO_TYPE, "sys.hash_info");
structseq_type!(THREAD_INFO_TYPE, "sys.thread_info");
structseq_type!(ASYNCGEN_HOOKS_TYPE, "asyncgen_hooks");
structseq_type!(UNRAISABLE_HOOK_ARGS_TYPE, "UnraisableHookArgs");

/// The argument of sys.unraisablehook.
pub static UNRAISABLE_HOOK_ARGS: Spec = Spec {
    ty: &UNRAISABLE_HOOK_ARGS_TYPE,
    fields: &[
        ("exc_type", "Exception type"),
        ("exc_value", "Exception value"),
        ("exc_traceback", "Exception traceback"),
        ("err_msg", "Error message"),
        ("object", "Object causing the exception"),
    ],
    n_in_sequence: 5,
    constructible: true,
    doc: "UnraisableHookArgs\n\nType used to pass arguments to sys.unraisablehook.",
};

/// The result of sys.get_asyncgen_hooks().
pub static ASYNCGEN_HOOKS_SPEC: Spec = Spec {
    ty: &ASYNCGEN_HOOKS_TYPE,
    fields: &[("firstiter", "Hook to intercept first iteration"), ("finalizer", "Hook to intercept finalization")],
    n_in_sequence: 2,
    constructible: false,
    doc: "asyncgen_hooks\n\nA named tuple providing information about asynchronous\ngenerators hooks.  The attributes are read only.",
};

/// `sys.version_info`.
pub static VERSION_INFO: Spec = Spec {
    ty: &VERSION_INFO_TYPE,
    fields: &[
        ("major", "Major release number"),
        ("minor", "Minor release number"),
        ("micro", "Patch release number"),
        ("releaselevel", "'alpha', 'beta', 'candidate', or 'final'"),
        ("serial", "Serial release number"),
    ],
    n_in_sequence: 5,
    constructible: false,
    doc: "sys.version_info\n\nVersion information as a named tuple.",
};

/// `sys.flags`.
pub static FLAGS: Spec = Spec {
    ty: &FLAGS_TYPE,
    fields: &[
        ("debug", "-d"),
        ("inspect", "-i"),
        ("interactive", "-i"),
        ("optimize", "-O or -OO"),
        ("dont_write_bytecode", "-B"),
        ("no_user_site", "-s"),
        ("no_site", "-S"),
        ("ignore_environment", "-E"),
        ("verbose", "-v"),
        ("bytes_warning", "-b"),
        ("quiet", "-q"),
        ("hash_randomization", "-R"),
        ("isolated", "-I"),
        ("dev_mode", "-X dev"),
        ("utf8_mode", "-X utf8"),
        ("warn_default_encoding", "-X warn_default_encoding"),
        ("safe_path", "-P"),
        ("int_max_str_digits", "-X int_max_str_digits"),
    ],
    n_in_sequence: 18,
    constructible: false,
    doc: "sys.flags\n\nFlags provided through command line arguments or environment vars.",
};

/// `sys.float_info`.
pub static FLOAT_INFO: Spec = Spec {
    ty: &FLOAT_INFO_TYPE,
    fields: &[
        ("max", "DBL_MAX -- maximum representable finite float"),
        ("max_exp", "DBL_MAX_EXP -- maximum int e such that radix**(e-1) is representable"),
        ("max_10_exp", "DBL_MAX_10_EXP -- maximum int e such that 10**e is representable"),
        ("min", "DBL_MIN -- Minimum positive normalized float"),
        ("min_exp", "DBL_MIN_EXP -- minimum int e such that radix**(e-1) is a normalized float"),
        ("min_10_exp", "DBL_MIN_10_EXP -- minimum int e such that 10**e is a normalized float"),
        ("dig", "DBL_DIG -- maximum number of decimal digits that can be faithfully represented in a float"),
        ("mant_dig", "DBL_MANT_DIG -- mantissa digits"),
        ("epsilon", "DBL_EPSILON -- Difference between 1 and the next representable float"),
        ("radix", "FLT_RADIX -- radix of exponent"),
        ("rounds", "FLT_ROUNDS -- rounding mode used for arithmetic operations"),
    ],
    n_in_sequence: 11,
    constructible: true,
    doc: "sys.float_info\n\nA named tuple holding information about the float type. It contains low level\ninformation about the precision and internal representation. Please study\nyour system's :file:`float.h` for more information.",
};

/// `sys.int_info`.
pub static INT_INFO: Spec = Spec {
    ty: &INT_INFO_TYPE,
    fields: &[
        ("bits_per_digit", "size of a digit in bits"),
        ("sizeof_digit", "size in bytes of the C type used to represent a digit"),
        ("default_max_str_digits", "maximum string conversion digits limitation"),
        ("str_digits_check_threshold", "minimum positive value for int_max_str_digits"),
    ],
    n_in_sequence: 4,
    constructible: true,
    doc: "sys.int_info\n\nA named tuple that holds information about Python's\ninternal representation of integers.  The attributes are read only.",
};

/// `sys.hash_info`.
pub static HASH_INFO: Spec = Spec {
    ty: &HASH_INFO_TYPE,
    fields: &[
        ("width", "width of the type used for hashing, in bits"),
        ("modulus", "prime number giving the modulus on which the hash function is based"),
        ("inf", "value to be used for hash of a positive infinity"),
        ("nan", "value to be used for hash of a nan"),
        ("imag", "multiplier used for the imaginary part of a complex number"),
        ("algorithm", "name of the algorithm for hashing of str, bytes and memoryviews"),
        ("hash_bits", "internal output size of hash algorithm"),
        ("seed_bits", "seed size of hash algorithm"),
        ("cutoff", "small string optimization cutoff"),
    ],
    n_in_sequence: 9,
    constructible: true,
    doc: "hash_info\n\nA named tuple providing parameters used for computing\nhashes. The attributes are read only.",
};

/// `sys.thread_info`.
pub static THREAD_INFO: Spec = Spec {
    ty: &THREAD_INFO_TYPE,
    fields: &[
        ("name", "name of the thread implementation"),
        ("lock", "name of the lock implementation"),
        ("version", "name and version of the thread library"),
    ],
    n_in_sequence: 3,
    constructible: true,
    doc: "sys.thread_info\n\nA named tuple holding information about the thread implementation.",
};

/// The C library's thread implementation and version (`NPTL 2.36`), or None.
#[cfg(all(target_os = "linux", target_env = "gnu"))]
fn thread_library_version() -> Value {
    let mut buf = [0u8; 64];
    // SAFETY: `buf` is writable for `buf.len()` bytes; confstr writes at
    // most that many, NUL-terminated, and returns the length it needed.
    let n = unsafe { libc::confstr(libc::_CS_GNU_LIBPTHREAD_VERSION, buf.as_mut_ptr() as *mut libc::c_char, buf.len()) };
    if n == 0 || n > buf.len() {
        return none::none();
    }
    pystr::new_str(&String::from_utf8_lossy(&buf[..n - 1]))
}

#[cfg(not(all(target_os = "linux", target_env = "gnu")))]
fn thread_library_version() -> Value {
    none::none()
}

/// `-X` options as (name, value): `-X dev` has no value, `-X a=b` has "b".
fn parse_xoptions(opts: &[String]) -> Vec<(&str, Option<&str>)> {
    opts.iter()
        .map(|o| match o.split_once('=') {
            Some((k, v)) => (k, Some(v)),
            None => (o.as_str(), None),
        })
        .collect()
}

/// Create the sys module.
pub fn create(ts: &ThreadState) -> PyResult<Value> {
    let interp = ts.interp();
    let config = &interp.config;
    let m = module::new_module("sys")?;
    let d = module::module_dict(&m).ok_or_else(|| PyErr::system_error("sys"))?;
    let set = |k: &str, v: Value| dict::dict_set_item(ts, &d, pystr::intern(k), v);
    for (name, f) in FUNCTIONS {
        let bf = Value::new(crate::types::function::PyBuiltinFunction { name, func: *f, self_: Some(m.clone()), module: Some("sys") })?;
        set(name, bf.clone())?;
        if matches!(*name, "displayhook" | "excepthook" | "breakpointhook" | "unraisablehook") {
            set(&format!("__{name}__"), bf)?;
        }
    }
    let strs = |v: &[String]| -> PyResult<Value> { list::new_list(v.iter().map(|s| pystr::new_str(s)).collect()) };
    set("argv", strs(&config.argv)?)?;
    set("orig_argv", strs(&config.orig_argv)?)?;
    set("warnoptions", strs(&config.warnoptions)?)?;
    let xopts = dict::new_dict();
    for (k, v) in parse_xoptions(&config.xoptions) {
        let v = match v {
            Some(v) => pystr::new_str(v),
            None => bool_::true_value(),
        };
        dict::dict_set_item(ts, &xopts, pystr::new_str(k), v)?;
    }
    set("_xoptions", xopts)?;
    set("modules", interp.modules())?;
    set("path", strs(&config.module_search_paths)?)?;
    set("meta_path", list::new_list(vec![])?)?;
    set("path_hooks", list::new_list(vec![])?)?;
    set("path_importer_cache", dict::new_dict())?;
    set("executable", pystr::new_str(&config.executable))?;
    set("_base_executable", pystr::new_str(&config.executable))?;
    let prefix = crate::runtime::pathconfig::prefix(config);
    for k in ["prefix", "base_prefix", "exec_prefix", "base_exec_prefix"] {
        set(k, pystr::new_str(&prefix))?;
    }
    set("platlibdir", pystr::new_str("lib"))?;
    set("abiflags", pystr::new_str(""))?;
    let names = list::new_list(super::stdlib_names::STDLIB_MODULE_NAMES.iter().map(|n| pystr::intern(n)).collect())?;
    set("stdlib_module_names", protocol::call(ts, &crate::types::set::FROZENSET_TYPE.to_value(), &[names], None)?)?;
    set("_framework", pystr::new_str(""))?;
    set("_git", tuple::new_tuple(vec![pystr::new_str("pyrite"), pystr::new_str(""), pystr::new_str("")])?)?;
    set("_home", none::none())?;
    let stdlib_dir = config
        .module_search_paths
        .iter()
        .find(|p| std::path::Path::new(p).join("os.py").is_file())
        .map_or_else(none::none, |p| pystr::new_str(p));
    set("_stdlib_dir", stdlib_dir)?;
    set("version", pystr::new_str(&crate::runtime::version_string()))?;
    set("hexversion", int::from_i64(0x030b07f0))?;
    set("api_version", int::from_i64(1013))?;
    set("copyright", pystr::new_str("Copyright (c) Pyrite contributors.\nAll Rights Reserved."))?;
    set(
        "version_info",
        structseq::new_value(
            &VERSION_INFO,
            vec![int::from_i64(3), int::from_i64(11), int::from_i64(7), pystr::new_str("final"), int::from_i64(0)],
        )?,
    )?;
    // The implementation follows the language version, as CPython's does.
    let version_tuple = structseq::new_value(
        &VERSION_INFO,
        vec![int::from_i64(3), int::from_i64(11), int::from_i64(7), pystr::new_str("final"), int::from_i64(0)],
    )?;
    set(
        "implementation",
        crate::types::namespace::new_namespace(
            ts,
            vec![
                ("name", pystr::new_str("pyrite")),
                ("cache_tag", pystr::new_str(crate::import::pyc::CACHE_TAG)),
                ("version", version_tuple),
                ("hexversion", int::from_i64(0x030b07f0)),
                ("_multiarch", pystr::new_str("x86_64-linux-gnu")),
            ],
        )?,
    )?;
    set("maxsize", int::from_i64(isize::MAX as i64))?;
    set("maxunicode", int::from_i64(0x10ffff))?;
    set("byteorder", pystr::new_str(if cfg!(target_endian = "little") { "little" } else { "big" }))?;
    set("platform", pystr::new_str(if cfg!(target_os = "macos") { "darwin" } else { "linux" }))?;
    set("float_repr_style", pystr::new_str("short"))?;
    set("dont_write_bytecode", bool_::new_bool(config.dont_write_bytecode))?;
    set("pycache_prefix", config.pycache_prefix.as_deref().map_or_else(none::none, pystr::new_str))?;
    set("builtin_module_names", tuple::new_tuple(crate::modules::builtin_module_names().into_iter().map(pystr::new_str).collect())?)?;
    let b = |x: bool| int::from_i64(x as i64);
    set(
        "flags",
        structseq::new_value(
            &FLAGS,
            vec![
                int::from_i64(config.parser_debug as i64),
                b(config.inspect),
                b(config.interactive),
                int::from_i64(config.optimize as i64),
                b(config.dont_write_bytecode),
                b(config.no_user_site),
                b(config.no_site),
                b(config.ignore_environment),
                int::from_i64(config.verbose as i64),
                int::from_i64(config.bytes_warning as i64),
                b(config.quiet),
                int::from_i64(if config.hash_seed == Some(0) { 0 } else { 1 }),
                b(config.isolated),
                bool_::new_bool(config.dev_mode),
                b(config.utf8_mode),
                b(config.warn_default_encoding),
                bool_::new_bool(config.safe_path),
                int::from_i64(config.int_max_str_digits_flag),
            ],
        )?,
    )?;
    set(
        "hash_info",
        structseq::new_value(
            &HASH_INFO,
            vec![
                int::from_i64(64),
                int::from_i64(crate::pyhash::HASH_MODULUS as i64),
                int::from_i64(crate::pyhash::HASH_INF as i64),
                int::from_i64(0),
                int::from_i64(crate::pyhash::HASH_IMAG as i64),
                pystr::new_str("siphash13"),
                int::from_i64(64),
                int::from_i64(128),
                int::from_i64(0),
            ],
        )?,
    )?;
    set(
        "float_info",
        structseq::new_value(
            &FLOAT_INFO,
            vec![
                float::new_float(f64::MAX),
                int::from_i64(1024),
                int::from_i64(308),
                float::new_float(f64::MIN_POSITIVE),
                int::from_i64(-1021),
                int::from_i64(-307),
                int::from_i64(15),
                int::from_i64(53),
                float::new_float(f64::EPSILON),
                int::from_i64(2),
                int::from_i64(1),
            ],
        )?,
    )?;
    set(
        "int_info",
        structseq::new_value(
            &INT_INFO,
            vec![int::from_i64(30), int::from_i64(4), int::from_i64(4300), int::from_i64(640)],
        )?,
    )?;
    set(
        "thread_info",
        structseq::new_value(
            &THREAD_INFO,
            vec![pystr::new_str("pthread"), pystr::new_str("semaphore"), thread_library_version()],
        )?,
    )?;
    let errors = config.default_stdio_errors();
    let stdin = super::io::new_stream(0, config.unbuffered, errors)?;
    let stdout = super::io::new_stream(1, config.unbuffered, errors)?;
    let stderr = super::io::new_stream(2, config.unbuffered, "backslashreplace")?;
    set("stdin", stdin.clone())?;
    set("stdout", stdout.clone())?;
    set("stderr", stderr.clone())?;
    set("__stdin__", stdin)?;
    set("__stdout__", stdout)?;
    set("__stderr__", stderr)?;
    Ok(m)
}
