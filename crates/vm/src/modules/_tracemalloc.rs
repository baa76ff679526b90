//! `_tracemalloc`, beneath the `tracemalloc` module: pyrite does not trace
//! allocations, so tracing is never on and `start()` says so with
//! NotImplementedError. What reads the state works: `is_tracing()`, the
//! empty traces, the "Enable tracemalloc" hint `warnings` prints.

use crate::object::args;
use crate::object::value::Value;
use crate::runtime::errors::{PyErr, PyResult};
use crate::runtime::thread::ThreadState;
use crate::types::{bool_, int, list, none, tuple};

fn is_tracing(_ts: &ThreadState, _m: &Value, a: &[Value], k: Option<&Value>) -> PyResult<Value> {
    args::exact("is_tracing", a, k, 0)?;
    Ok(bool_::new_bool(false))
}

fn start(_ts: &ThreadState, _m: &Value, a: &[Value], k: Option<&Value>) -> PyResult<Value> {
    args::positional("start", a, k, 0, 1)?;
    Err(PyErr::not_implemented("tracemalloc.start(): pyrite does not trace memory allocations"))
}

/// `stop`, `clear_traces`, `reset_peak`: nothing is traced, so nothing to do.
fn stop(_ts: &ThreadState, _m: &Value, a: &[Value], k: Option<&Value>) -> PyResult<Value> {
    args::exact("stop", a, k, 0)?;
    Ok(none::none())
}

fn clear_traces(_ts: &ThreadState, _m: &Value, a: &[Value], k: Option<&Value>) -> PyResult<Value> {
    args::exact("clear_traces", a, k, 0)?;
    Ok(none::none())
}

fn reset_peak(_ts: &ThreadState, _m: &Value, a: &[Value], k: Option<&Value>) -> PyResult<Value> {
    args::exact("reset_peak", a, k, 0)?;
    Ok(none::none())
}

fn get_traceback_limit(_ts: &ThreadState, _m: &Value, a: &[Value], k: Option<&Value>) -> PyResult<Value> {
    args::exact("get_traceback_limit", a, k, 0)?;
    Ok(int::from_i64(1))
}

fn get_traced_memory(_ts: &ThreadState, _m: &Value, a: &[Value], k: Option<&Value>) -> PyResult<Value> {
    args::exact("get_traced_memory", a, k, 0)?;
    tuple::new_tuple(vec![int::from_i64(0), int::from_i64(0)])
}

fn get_tracemalloc_memory(_ts: &ThreadState, _m: &Value, a: &[Value], k: Option<&Value>) -> PyResult<Value> {
    args::exact("get_tracemalloc_memory", a, k, 0)?;
    Ok(int::from_i64(0))
}

fn get_traces(_ts: &ThreadState, _m: &Value, a: &[Value], k: Option<&Value>) -> PyResult<Value> {
    args::exact("_get_traces", a, k, 0)?;
    list::new_list(Vec::new())
}

fn get_object_traceback(_ts: &ThreadState, _m: &Value, a: &[Value], k: Option<&Value>) -> PyResult<Value> {
    args::exact("_get_object_traceback", a, k, 1)?;
    Ok(none::none())
}

pub fn create(ts: &ThreadState) -> PyResult<Value> {
    let (m, _) = super::new_native_module(
        ts,
        "_tracemalloc",
        &[
            ("is_tracing", is_tracing),
            ("start", start),
            ("stop", stop),
            ("clear_traces", clear_traces),
            ("reset_peak", reset_peak),
            ("get_traceback_limit", get_traceback_limit),
            ("get_traced_memory", get_traced_memory),
            ("get_tracemalloc_memory", get_tracemalloc_memory),
            ("_get_traces", get_traces),
            ("_get_object_traceback", get_object_traceback),
        ],
    )?;
    Ok(m)
}
