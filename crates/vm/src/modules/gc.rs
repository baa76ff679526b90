//! The `gc` module: the interface to the cycle collector (crate::gc).

use crate::gc;
use crate::object::args;
use crate::object::protocol;
use crate::object::typeobj::CallFn;
use crate::object::value::Value;
use crate::runtime::errors::{PyErr, PyResult};
use crate::runtime::thread::ThreadState;
use crate::types::{bool_, dict, function::PyBuiltinFunction, int, list, module, none, str as pystr, tuple};

fn int_arg(v: &Value) -> PyResult<i64> {
    if bool_::as_bool(v).is_none() && !int::is_int(v) {
        return Err(PyErr::type_error(format!("'{}' object cannot be interpreted as an integer", protocol::type_name(v))));
    }
    int::to_i64_checked(v)
}

fn gc_enable(_ts: &ThreadState, _m: &Value, a: &[Value], k: Option<&Value>) -> PyResult<Value> {
    args::exact("enable", a, k, 0)?;
    gc::enable();
    Ok(none::none())
}

fn gc_disable(_ts: &ThreadState, _m: &Value, a: &[Value], k: Option<&Value>) -> PyResult<Value> {
    args::exact("disable", a, k, 0)?;
    gc::disable();
    Ok(none::none())
}

fn gc_isenabled(_ts: &ThreadState, _m: &Value, a: &[Value], k: Option<&Value>) -> PyResult<Value> {
    args::exact("isenabled", a, k, 0)?;
    Ok(bool_::new_bool(gc::is_enabled()))
}

fn gc_collect(_ts: &ThreadState, _m: &Value, a: &[Value], k: Option<&Value>) -> PyResult<Value> {
    let [g] = args::bind("collect", a, k, ["generation"], 0, 0, 1)?;
    let gen = match g {
        Some(v) => int_arg(&v)?,
        None => 2,
    };
    if !(0..=2).contains(&gen) {
        return Err(PyErr::value_error("invalid generation"));
    }
    Ok(int::from_i64(gc::collect(gen as usize) as i64))
}

fn gc_get_debug(_ts: &ThreadState, _m: &Value, a: &[Value], k: Option<&Value>) -> PyResult<Value> {
    args::exact("get_debug", a, k, 0)?;
    Ok(int::from_i64(gc::get_debug() as i64))
}

fn gc_set_debug(_ts: &ThreadState, _m: &Value, a: &[Value], k: Option<&Value>) -> PyResult<Value> {
    let [f] = args::bind("set_debug", a, k, ["flags"], 1, 1, 1)?;
    let f = f.ok_or_else(|| PyErr::type_error("set_debug() missing required argument 'flags' (pos 1)"))?;
    gc::set_debug(int_arg(&f)? as u32);
    Ok(none::none())
}

fn triple(v: [u32; 3]) -> PyResult<Value> {
    tuple::new_tuple(v.iter().map(|&x| int::from_i64(x as i64)).collect())
}

fn gc_get_count(_ts: &ThreadState, _m: &Value, a: &[Value], k: Option<&Value>) -> PyResult<Value> {
    args::exact("get_count", a, k, 0)?;
    triple(gc::get_count())
}

fn gc_get_threshold(_ts: &ThreadState, _m: &Value, a: &[Value], k: Option<&Value>) -> PyResult<Value> {
    args::exact("get_threshold", a, k, 0)?;
    triple(gc::get_threshold())
}

fn gc_set_threshold(_ts: &ThreadState, _m: &Value, a: &[Value], k: Option<&Value>) -> PyResult<Value> {
    let a = super::parse_tuple_args("set_threshold", a, k, 1, 3)?;
    let mut t = [None; 3];
    for (i, v) in a.iter().enumerate() {
        let n = int_arg(v)?;
        t[i] = Some(n.clamp(i32::MIN as i64, i32::MAX as i64).max(0) as u32);
    }
    gc::set_threshold(t);
    Ok(none::none())
}

fn gc_get_objects(_ts: &ThreadState, _m: &Value, a: &[Value], k: Option<&Value>) -> PyResult<Value> {
    let [g] = args::bind("get_objects", a, k, ["generation"], 0, 0, 1)?;
    let gen = match g {
        Some(v) if !v.is(&none::none()) => {
            let n = int_arg(&v)?;
            if n >= 3 {
                return Err(PyErr::value_error("generation parameter must be less than the number of available generations (3)"));
            }
            if n < -1 {
                return Err(PyErr::value_error("generation parameter cannot be negative"));
            }
            if n == -1 { None } else { Some(n as usize) }
        }
        _ => None,
    };
    list::new_list(gc::objects(gen))
}

fn gc_get_stats(_ts: &ThreadState, _m: &Value, a: &[Value], k: Option<&Value>) -> PyResult<Value> {
    args::exact("get_stats", a, k, 0)?;
    let mut out = Vec::new();
    for (c, col, unc) in gc::get_stats() {
        let d = dict::new_dict();
        dict::dict_set_str(&d, "collections", int::from_i64(c as i64));
        dict::dict_set_str(&d, "collected", int::from_i64(col as i64));
        dict::dict_set_str(&d, "uncollectable", int::from_i64(unc as i64));
        out.push(d);
    }
    list::new_list(out)
}

fn gc_get_referents(_ts: &ThreadState, _m: &Value, a: &[Value], k: Option<&Value>) -> PyResult<Value> {
    args::no_kwargs("get_referents", k)?;
    let mut out = Vec::new();
    for o in a {
        if gc::gc_head(o).is_none() {
            continue;
        }
        gc::traverse_object(o, &mut |v| out.push(v.clone()));
    }
    list::new_list(out)
}

fn gc_get_referrers(_ts: &ThreadState, _m: &Value, a: &[Value], k: Option<&Value>) -> PyResult<Value> {
    args::no_kwargs("get_referrers", k)?;
    let targets: Vec<usize> = a.iter().map(Value::as_raw).collect();
    let mut out = Vec::new();
    for o in gc::objects(None) {
        let mut hit = false;
        gc::traverse_object(&o, &mut |v| hit |= targets.contains(&v.as_raw()));
        if hit {
            out.push(o);
        }
    }
    list::new_list(out)
}

fn gc_is_tracked(_ts: &ThreadState, _m: &Value, a: &[Value], k: Option<&Value>) -> PyResult<Value> {
    args::no_kwargs("gc.is_tracked", k)?;
    if a.len() != 1 {
        return Err(PyErr::type_error(format!("gc.is_tracked() takes exactly one argument ({} given)", a.len())));
    }
    Ok(bool_::new_bool(is_tracked_as_cpython(&a[0])))
}

/// CPython tracks a dict only once it holds a value that may be tracked;
/// ours are tracked from creation (insertions do not call into the
/// collector), so report what CPython would.
fn is_tracked_as_cpython(v: &Value) -> bool {
    if !gc::is_tracked(v) {
        return false;
    }
    if v.is_exact(&dict::DICT_TYPE) {
        if let Some(d) = dict::as_dict(v) {
            return d.table().iter().any(|(_, _, k, x)| gc::may_be_tracked(k) || gc::may_be_tracked(x));
        }
    }
    true
}

fn gc_is_finalized(_ts: &ThreadState, _m: &Value, a: &[Value], k: Option<&Value>) -> PyResult<Value> {
    args::no_kwargs("gc.is_finalized", k)?;
    if a.len() != 1 {
        return Err(PyErr::type_error(format!("gc.is_finalized() takes exactly one argument ({} given)", a.len())));
    }
    Ok(bool_::new_bool(gc::is_finalized(&a[0])))
}

fn gc_freeze(_ts: &ThreadState, _m: &Value, a: &[Value], k: Option<&Value>) -> PyResult<Value> {
    args::exact("freeze", a, k, 0)?;
    gc::freeze();
    Ok(none::none())
}

fn gc_unfreeze(_ts: &ThreadState, _m: &Value, a: &[Value], k: Option<&Value>) -> PyResult<Value> {
    args::exact("unfreeze", a, k, 0)?;
    gc::unfreeze();
    Ok(none::none())
}

fn gc_get_freeze_count(_ts: &ThreadState, _m: &Value, a: &[Value], k: Option<&Value>) -> PyResult<Value> {
    args::exact("get_freeze_count", a, k, 0)?;
    Ok(int::from_i64(gc::freeze_count() as i64))
}

const FUNCTIONS: &[(&str, CallFn)] = &[
    ("enable", gc_enable),
    ("disable", gc_disable),
    ("isenabled", gc_isenabled),
    ("collect", gc_collect),
    ("get_debug", gc_get_debug),
    ("set_debug", gc_set_debug),
    ("get_count", gc_get_count),
    ("get_threshold", gc_get_threshold),
    ("set_threshold", gc_set_threshold),
    ("get_objects", gc_get_objects),
    ("get_stats", gc_get_stats),
    ("get_referrers", gc_get_referrers),
    ("get_referents", gc_get_referents),
    ("is_tracked", gc_is_tracked),
    ("is_finalized", gc_is_finalized),
    ("freeze", gc_freeze),
    ("unfreeze", gc_unfreeze),
    ("get_freeze_count", gc_get_freeze_count),
];

/// Create the `gc` module.
pub fn create(ts: &ThreadState) -> PyResult<Value> {
    let m = module::new_module("gc")?;
    let d = module::module_dict(&m).ok_or_else(|| PyErr::system_error("gc"))?;
    for (name, f) in FUNCTIONS {
        let bf = Value::new(PyBuiltinFunction { name, func: *f, self_: Some(m.clone()), module: Some("gc") })?;
        dict::dict_set_item(ts, &d, pystr::intern(name), bf)?;
    }
    for (name, v) in [
        ("DEBUG_STATS", gc::DEBUG_STATS),
        ("DEBUG_COLLECTABLE", gc::DEBUG_COLLECTABLE),
        ("DEBUG_UNCOLLECTABLE", gc::DEBUG_UNCOLLECTABLE),
        ("DEBUG_SAVEALL", gc::DEBUG_SAVEALL),
        ("DEBUG_LEAK", gc::DEBUG_LEAK),
    ] {
        dict::dict_set_item(ts, &d, pystr::intern(name), int::from_i64(v as i64))?;
    }
    dict::dict_set_item(ts, &d, pystr::intern("garbage"), gc::garbage())?;
    dict::dict_set_item(ts, &d, pystr::intern("callbacks"), gc::callbacks())?;
    Ok(m)
}
