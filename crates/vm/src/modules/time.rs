//! The `time` module: clocks and sleep.

use std::time::{Duration, SystemTime, UNIX_EPOCH};

use crate::object::typeobj::CallFn;
use crate::object::value::Value;
use crate::runtime::errors::{PyErr, PyResult};
use crate::runtime::thread::ThreadState;
use crate::types::{dict, float, int, module, none, str as pystr};

type Args<'a> = &'a [Value];

fn clock_ns(clock: libc::clockid_t) -> i128 {
    let mut t = libc::timespec { tv_sec: 0, tv_nsec: 0 };
    // SAFETY: `t` is a valid timespec to fill.
    unsafe { libc::clock_gettime(clock, &mut t) };
    t.tv_sec as i128 * 1_000_000_000 + t.tv_nsec as i128
}

fn wall_ns() -> i128 {
    SystemTime::now().duration_since(UNIX_EPOCH).map(|d| d.as_nanos() as i128).unwrap_or(0)
}

fn ns_value(ns: i128) -> Value {
    int::from_bigint(num_bigint::BigInt::from(ns))
}

fn t_time(_ts: &ThreadState, _m: &Value, a: Args, k: Option<&Value>) -> PyResult<Value> {
    crate::object::args::exact("time", a, k, 0)?;
    Ok(float::new_float(wall_ns() as f64 / 1e9))
}
fn t_time_ns(_ts: &ThreadState, _m: &Value, a: Args, k: Option<&Value>) -> PyResult<Value> {
    crate::object::args::exact("time_ns", a, k, 0)?;
    Ok(ns_value(wall_ns()))
}
fn t_monotonic(_ts: &ThreadState, _m: &Value, a: Args, k: Option<&Value>) -> PyResult<Value> {
    crate::object::args::exact("monotonic", a, k, 0)?;
    Ok(float::new_float(clock_ns(libc::CLOCK_MONOTONIC) as f64 / 1e9))
}
fn t_monotonic_ns(_ts: &ThreadState, _m: &Value, a: Args, k: Option<&Value>) -> PyResult<Value> {
    crate::object::args::exact("monotonic_ns", a, k, 0)?;
    Ok(ns_value(clock_ns(libc::CLOCK_MONOTONIC)))
}
fn t_process_time(_ts: &ThreadState, _m: &Value, a: Args, k: Option<&Value>) -> PyResult<Value> {
    crate::object::args::exact("process_time", a, k, 0)?;
    Ok(float::new_float(clock_ns(libc::CLOCK_PROCESS_CPUTIME_ID) as f64 / 1e9))
}
fn t_process_time_ns(_ts: &ThreadState, _m: &Value, a: Args, k: Option<&Value>) -> PyResult<Value> {
    crate::object::args::exact("process_time_ns", a, k, 0)?;
    Ok(ns_value(clock_ns(libc::CLOCK_PROCESS_CPUTIME_ID)))
}
fn t_thread_time(_ts: &ThreadState, _m: &Value, a: Args, k: Option<&Value>) -> PyResult<Value> {
    crate::object::args::exact("thread_time", a, k, 0)?;
    Ok(float::new_float(clock_ns(libc::CLOCK_THREAD_CPUTIME_ID) as f64 / 1e9))
}
fn t_thread_time_ns(_ts: &ThreadState, _m: &Value, a: Args, k: Option<&Value>) -> PyResult<Value> {
    crate::object::args::exact("thread_time_ns", a, k, 0)?;
    Ok(ns_value(clock_ns(libc::CLOCK_THREAD_CPUTIME_ID)))
}

fn t_sleep(ts: &ThreadState, _m: &Value, a: Args, k: Option<&Value>) -> PyResult<Value> {
    let a = crate::object::args::exact("sleep", a, k, 1)?;
    let secs = float::to_f64(ts, &a[0]).map_err(|_| {
        PyErr::type_error(format!("'{}' object cannot be interpreted as an integer", crate::object::protocol::type_name(&a[0])))
    })?;
    if secs.is_nan() {
        return Err(PyErr::value_error("Invalid value NaN (not a number)"));
    }
    if secs < 0.0 {
        return Err(PyErr::value_error("sleep length must be non-negative"));
    }
    if secs > 1e12 {
        return Err(PyErr::overflow_error("sleep length is too large"));
    }
    std::thread::sleep(Duration::from_secs_f64(secs));
    Ok(none::none())
}

const FUNCTIONS: &[(&str, CallFn)] = &[
    ("time", t_time),
    ("time_ns", t_time_ns),
    ("monotonic", t_monotonic),
    ("monotonic_ns", t_monotonic_ns),
    ("perf_counter", t_monotonic),
    ("perf_counter_ns", t_monotonic_ns),
    ("process_time", t_process_time),
    ("process_time_ns", t_process_time_ns),
    ("thread_time", t_thread_time),
    ("thread_time_ns", t_thread_time_ns),
    ("sleep", t_sleep),
];

pub fn create(ts: &ThreadState) -> PyResult<Value> {
    let m = module::new_module("time")?;
    let d = module::module_dict(&m).ok_or_else(|| PyErr::system_error("time"))?;
    for (name, f) in FUNCTIONS {
        let bf = Value::new(crate::types::function::PyBuiltinFunction { name, func: *f, self_: Some(m.clone()), module: Some("time") })?;
        dict::dict_set_item(ts, &d, pystr::intern(name), bf)?;
    }
    Ok(m)
}
