//! The `atexit` module: functions run at interpreter shutdown, last
//! registered first. The callbacks live on the InterpreterState, so each
//! interpreter has its own list (as CPython's).

use crate::object::protocol;
use crate::object::value::Value;
use crate::runtime::errors::{PyErr, PyResult};
use crate::runtime::thread::ThreadState;
use crate::types::{dict, int, module, none, str as pystr, tuple};
use crate::object::typeobj::CompareOp;

type Args<'a> = &'a [Value];

/// Run every registered callback, last registered first, then forget them
/// (CPython's atexit_callfuncs). An exception in one is reported as
/// unraisable ("Exception ignored in atexit callback: ...") and the others
/// still run; SystemExit included. `_ncallbacks` counts unregistered slots
/// too, as CPython 3.11's does.
pub fn run_exitfuncs(ts: &ThreadState) {
    // Those registered while they run are not run, only dropped (CPython 3.11).
    let n = ts.interp().atexit.borrow().len();
    for i in (0..n).rev() {
        // Looked up each time: a callback may unregister others.
        let entry = ts.interp().atexit.borrow().get(i).cloned().flatten();
        let Some((f, args, kwnames)) = entry else { continue };
        if let Err(e) = protocol::call(ts, &f, &args, kwnames.as_ref()) {
            crate::runtime::lifecycle::write_unraisable(ts, &e, Some("Exception ignored in atexit callback"), Some(&f));
        }
    }
    clear(ts);
}

/// Forget every callback, releasing them first registered first.
fn clear(ts: &ThreadState) {
    // Dropped after the borrow ends: a callback's __del__ may register again.
    let old = std::mem::take(&mut *ts.interp().atexit.borrow_mut());
    drop(old);
}

fn a_register(ts: &ThreadState, _m: &Value, a: Args, k: Option<&Value>) -> PyResult<Value> {
    let npos = crate::object::args::npositional(a, k);
    if npos == 0 {
        return Err(PyErr::type_error("register() takes at least 1 argument (0 given)"));
    }
    let f = a[0].clone();
    if f.type_of().data.slots.call.get().is_none() {
        return Err(PyErr::type_error("the first argument must be callable"));
    }
    // Stored in call form: positional values, keyword values, their names.
    let kwnames = k.filter(|names| !tuple::tuple_items(names).is_empty()).cloned();
    let args = a[1..].to_vec();
    ts.interp().atexit.borrow_mut().push(Some((f.clone(), args, kwnames)));
    Ok(f)
}

fn a_unregister(ts: &ThreadState, _m: &Value, a: Args, k: Option<&Value>) -> PyResult<Value> {
    let f = &crate::object::args::exact("atexit.unregister", a, k, 1)?[0];
    let n = ts.interp().atexit.borrow().len();
    for i in 0..n {
        let entry = ts.interp().atexit.borrow().get(i).cloned().flatten();
        let Some((g, _, _)) = entry else { continue };
        // `==` may run Python code that changes the list: re-check the slot.
        let eq = protocol::richcompare(ts, &g, f, CompareOp::Eq)?;
        if protocol::is_true(ts, &eq)? {
            let removed = {
                let mut list = ts.interp().atexit.borrow_mut();
                match list.get_mut(i) {
                    Some(slot) if slot.as_ref().is_some_and(|(h, _, _)| h.is(&g)) => slot.take(),
                    _ => None,
                }
            };
            drop(removed);
        }
    }
    Ok(none::none())
}

fn a_run_exitfuncs(ts: &ThreadState, _m: &Value, a: Args, k: Option<&Value>) -> PyResult<Value> {
    crate::object::args::exact("atexit._run_exitfuncs", a, k, 0)?;
    run_exitfuncs(ts);
    Ok(none::none())
}

fn a_clear(ts: &ThreadState, _m: &Value, a: Args, k: Option<&Value>) -> PyResult<Value> {
    crate::object::args::exact("atexit._clear", a, k, 0)?;
    clear(ts);
    Ok(none::none())
}

fn a_ncallbacks(ts: &ThreadState, _m: &Value, a: Args, k: Option<&Value>) -> PyResult<Value> {
    crate::object::args::exact("atexit._ncallbacks", a, k, 0)?;
    Ok(int::from_i64(ts.interp().atexit.borrow().len() as i64))
}

const FUNCTIONS: &[(&str, crate::object::typeobj::CallFn)] = &[
    ("register", a_register),
    ("unregister", a_unregister),
    ("_run_exitfuncs", a_run_exitfuncs),
    ("_clear", a_clear),
    ("_ncallbacks", a_ncallbacks),
];

/// Create the `atexit` module.
pub fn create(ts: &ThreadState) -> PyResult<Value> {
    let m = module::new_module("atexit")?;
    let d = module::module_dict(&m).ok_or_else(|| PyErr::system_error("atexit"))?;
    for (name, f) in FUNCTIONS {
        let bf = Value::new(crate::types::function::PyBuiltinFunction { name, func: *f, self_: Some(m.clone()), module: Some("atexit") })?;
        dict::dict_set_item(ts, &d, pystr::intern(name), bf)?;
    }
    Ok(m)
}
