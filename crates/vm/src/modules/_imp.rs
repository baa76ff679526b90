//! `_imp`: the import system's native helpers that importlib._bootstrap
//! relies on (builtin module creation, the import lock, frozen module
//! queries). Pyrite has no frozen modules and no extension modules.

use std::cell::Cell;

use crate::object::args;
use crate::object::protocol;
use crate::object::value::Value;
use crate::runtime::errors::{PyErr, PyResult};
use crate::runtime::thread::ThreadState;
use crate::types::{bool_, dict, exceptions as exc, int, list, none, str as pystr, tuple};

type Args<'a> = &'a [Value];
type Kw<'a> = Option<&'a Value>;

thread_local! {
    // Recursion count of the global import lock (one thread per interpreter).
    static LOCK_COUNT: Cell<u64> = const { Cell::new(0) };
}

fn name_arg(fname: &str, v: &Value) -> PyResult<String> {
    match pystr::try_as_rust_str(v).filter(|_| pystr::as_pystr(v).is_some()) {
        Some(s) => Ok(s.into_owned()),
        None => Err(PyErr::type_error(format!("{fname}() argument must be str, not {}", protocol::type_name(v)))),
    }
}

fn lock_held(_ts: &ThreadState, _m: &Value, a: Args, k: Kw) -> PyResult<Value> {
    args::exact("lock_held", a, k, 0)?;
    Ok(bool_::new_bool(LOCK_COUNT.with(|c| c.get()) > 0))
}

fn acquire_lock(_ts: &ThreadState, _m: &Value, a: Args, k: Kw) -> PyResult<Value> {
    args::exact("acquire_lock", a, k, 0)?;
    LOCK_COUNT.with(|c| c.set(c.get() + 1));
    Ok(none::none())
}

fn release_lock(_ts: &ThreadState, _m: &Value, a: Args, k: Kw) -> PyResult<Value> {
    args::exact("release_lock", a, k, 0)?;
    LOCK_COUNT.with(|c| {
        if c.get() == 0 {
            Err(PyErr::runtime_error("not holding the import lock"))
        } else {
            c.set(c.get() - 1);
            Ok(none::none())
        }
    })
}

fn is_builtin(_ts: &ThreadState, _m: &Value, a: Args, k: Kw) -> PyResult<Value> {
    let a = args::exact("is_builtin", a, k, 1)?;
    let name = name_arg("is_builtin", &a[0])?;
    // -1: built in but cannot be initialized again (CPython's sys and builtins).
    let r = if name == "sys" || name == "builtins" {
        -1
    } else if super::builtin_module_names().contains(&name.as_str()) {
        1
    } else {
        0
    };
    Ok(int::from_i64(r))
}

fn create_builtin(ts: &ThreadState, _m: &Value, a: Args, k: Kw) -> PyResult<Value> {
    let a = args::exact("create_builtin", a, k, 1)?;
    let name_v = protocol::getattr_str(ts, &a[0], "name")?;
    let name = match pystr::try_as_rust_str(&name_v) {
        Some(n) => n.into_owned(),
        None => return Err(PyErr::type_error(format!("name must be string, not {}", protocol::type_name(&name_v)))),
    };
    if name == "sys" || name == "builtins" {
        if let Some(m) = dict::dict_get_str(&ts.interp().modules(), &pystr::intern(&name)) {
            return Ok(m);
        }
    }
    match super::create_builtin(ts, &name) {
        Some(r) => r,
        None => Ok(none::none()),
    }
}

fn exec_builtin(_ts: &ThreadState, _m: &Value, a: Args, k: Kw) -> PyResult<Value> {
    args::exact("exec_builtin", a, k, 1)?;
    Ok(int::from_i64(0))
}

fn is_frozen(_ts: &ThreadState, _m: &Value, a: Args, k: Kw) -> PyResult<Value> {
    let a = args::exact("is_frozen", a, k, 1)?;
    name_arg("is_frozen", &a[0])?;
    Ok(bool_::new_bool(false))
}

fn no_frozen(name: &str) -> PyErr {
    let e = PyErr::new(&exc::IMPORT_ERROR, format!("No such frozen object named '{name}'"));
    crate::import::set_import_error_fields(&e, Some(name), None);
    e
}

fn is_frozen_package(_ts: &ThreadState, _m: &Value, a: Args, k: Kw) -> PyResult<Value> {
    let a = args::exact("is_frozen_package", a, k, 1)?;
    Err(no_frozen(&name_arg("is_frozen_package", &a[0])?))
}

fn get_frozen_object(_ts: &ThreadState, _m: &Value, a: Args, k: Kw) -> PyResult<Value> {
    let a = args::positional("get_frozen_object", a, k, 1, 2)?;
    Err(no_frozen(&name_arg("get_frozen_object", &a[0])?))
}

fn init_frozen(_ts: &ThreadState, _m: &Value, a: Args, k: Kw) -> PyResult<Value> {
    let a = args::exact("init_frozen", a, k, 1)?;
    Err(no_frozen(&name_arg("init_frozen", &a[0])?))
}

fn find_frozen(_ts: &ThreadState, _m: &Value, a: Args, k: Kw) -> PyResult<Value> {
    let [name, _withdata] = args::bind("find_frozen", a, k, ["", "withdata"], 1, 1, 1)?;
    name_arg("find_frozen", &name.unwrap_or_else(none::none))?;
    Ok(none::none())
}

fn frozen_module_names(_ts: &ThreadState, _m: &Value, a: Args, k: Kw) -> PyResult<Value> {
    args::exact("_frozen_module_names", a, k, 0)?;
    tuple::new_tuple(vec![])
}

fn extension_suffixes(_ts: &ThreadState, _m: &Value, a: Args, k: Kw) -> PyResult<Value> {
    args::exact("extension_suffixes", a, k, 0)?;
    list::new_list(vec![])
}

fn create_dynamic(ts: &ThreadState, _m: &Value, a: Args, k: Kw) -> PyResult<Value> {
    let a = args::positional("create_dynamic", a, k, 1, 2)?;
    let name = protocol::getattr_str(ts, &a[0], "name")?;
    let n = protocol::str_string(ts, &name)?;
    Err(crate::import::import_error_with_name(&format!("extension modules are not supported: {n}"), &n))
}

fn exec_dynamic(_ts: &ThreadState, _m: &Value, a: Args, k: Kw) -> PyResult<Value> {
    args::exact("exec_dynamic", a, k, 1)?;
    Ok(int::from_i64(0))
}

fn fix_co_filename(_ts: &ThreadState, _m: &Value, a: Args, k: Kw) -> PyResult<Value> {
    args::positional("_fix_co_filename", a, k, 2, 2)?;
    Ok(none::none())
}

/// `source_hash(key, source)`: SipHash-1-3 of the source keyed by `key`,
/// as the 8 little-endian bytes stored in hash-based .pyc files.
fn source_hash(ts: &ThreadState, _m: &Value, a: Args, k: Kw) -> PyResult<Value> {
    use std::hash::Hasher;
    let [key, source] = args::bind("source_hash", a, k, ["key", "source"], 0, 2, 2)?;
    let key = protocol::index(ts, &key.unwrap_or_else(none::none))?;
    let key = int::to_i64_checked(&key).map_err(|_| PyErr::overflow_error("Python int too large to convert to C long"))?;
    let data = crate::types::bytes::bytes_like(ts, &source.unwrap_or_else(none::none))?;
    let mut h = siphasher::sip::SipHasher13::new_with_keys(key as u64, 0);
    h.write(&data);
    Ok(crate::types::bytes::new_bytes(h.finish().to_le_bytes().to_vec()))
}

fn override_frozen(_ts: &ThreadState, _m: &Value, a: Args, k: Kw) -> PyResult<Value> {
    args::exact("_override_frozen_modules_for_tests", a, k, 1)?;
    Ok(none::none())
}

/// Create the `_imp` module.
pub fn create(ts: &ThreadState) -> PyResult<Value> {
    let (m, d) = super::new_native_module(
        ts,
        "_imp",
        &[
            ("lock_held", lock_held),
            ("acquire_lock", acquire_lock),
            ("release_lock", release_lock),
            ("is_builtin", is_builtin),
            ("create_builtin", create_builtin),
            ("exec_builtin", exec_builtin),
            ("is_frozen", is_frozen),
            ("is_frozen_package", is_frozen_package),
            ("get_frozen_object", get_frozen_object),
            ("init_frozen", init_frozen),
            ("find_frozen", find_frozen),
            ("_frozen_module_names", frozen_module_names),
            ("extension_suffixes", extension_suffixes),
            ("create_dynamic", create_dynamic),
            ("exec_dynamic", exec_dynamic),
            ("_fix_co_filename", fix_co_filename),
            ("_override_frozen_modules_for_tests", override_frozen),
            ("source_hash", source_hash),
        ],
    )?;
    super::set_attr(ts, &d, "check_hash_based_pycs", pystr::new_str("default"))?;
    Ok(m)
}
