//! Native modules: builtins, sys, time, the streams behind sys.stdin/stdout/stderr
//! and open() (io.rs), and struct sequences (structseq.rs).

pub mod _abc;
pub mod _ast;
pub mod _bisect;
pub mod _codecs;
pub mod _contextvars;
pub mod _collections;
pub mod _functools;
pub mod _hashes;
pub mod _heapq;
pub mod _imp;
pub mod _io;
pub mod _json;
pub mod _opcode;
pub mod _operator;
pub mod _posixsubprocess;
pub mod _sre;
pub mod _random;
pub mod _string;
pub mod _struct;
pub mod _thread;
pub mod _tracemalloc;
pub mod _warnings;
pub mod _weakref_stub;
pub mod array;
pub mod atexit;
pub mod binascii;
pub mod builtins;
pub mod errno;
pub mod fcntl;
pub mod faulthandler;
pub mod gc;
pub mod itertools;
pub mod marshal;
pub mod math;
pub mod posix;
pub mod pwd;
pub mod select;
pub mod stdlib_names;
pub mod structseq;
/// The `_io` module under its former path (`io::os_error` is used elsewhere).
pub use _io as io;
pub mod signal;
pub mod sys;
pub mod time;
pub mod zlib;

use crate::object::typeobj::PyType;
use crate::object::value::Value;
use crate::runtime::errors::PyResult;
use crate::runtime::thread::ThreadState;

/// Static types defined by native modules.
pub fn types() -> Vec<&'static PyType> {
    let mut v: Vec<&'static PyType> = Vec::new();
    v.extend(_io::types());
    v.extend(_json::types());
    v.extend(structseq::types());
    v.extend(_abc::types());
    v.extend(_codecs::types());
    v.extend(_collections::types());
    v.extend(crate::import::spec::types());
    v.extend(_functools::types());
    v.extend(_hashes::types());
    v.extend(_operator::types());
    v.extend(_sre::types());
    v.extend(_random::types());
    v.extend(_contextvars::types());
    v.extend(_string::types());
    v.extend(_struct::types());
    v.extend(_thread::types());
    v.extend(_weakref_stub::types());
    v.extend(array::types());
    v.extend(itertools::types());
    v.extend(posix::types());
    v.extend(zlib::types());
    v.extend(select::types());
    v
}

/// Fill the static types of native modules.
pub fn init_types() {
    _io::init();
    _json::init();
    structseq::init();
    _abc::init();
    _codecs::init();
    _collections::init();
    crate::import::spec::init();
    _functools::init();
    _hashes::init();
    _operator::init();
    _sre::init();
    _random::init();
    _contextvars::init();
    _string::init();
    _struct::init();
    _thread::init();
    _weakref_stub::init();
    array::init();
    itertools::init();
    posix::init();
    zlib::init();
    select::init();
}

/// A native module's constructor.
type ModuleInit = fn(&ThreadState) -> PyResult<Value>;

/// Modules compiled into the interpreter, by name (`sys.builtin_module_names`).
/// `signal` is served by `_signal` until the standard library's signal.py
/// (which wraps `_signal` in enums) can be imported.
const BUILTIN_MODULES: &[(&str, ModuleInit)] = &[
    ("_abc", _abc::create),
    ("_ast", _ast::create),
    ("_bisect", _bisect::create),
    ("_blake2", _hashes::create_blake2),
    ("_codecs", _codecs::create),
    ("_contextvars", _contextvars::create),
    ("_collections", _collections::create),
    ("_functools", _functools::create),
    ("_heapq", _heapq::create),
    ("_imp", _imp::create),
    ("_io", _io::create),
    ("_json", _json::create),
    ("_md5", _hashes::create_md5),
    ("_opcode", _opcode::create),
    ("_operator", _operator::create),
    ("_posixsubprocess", _posixsubprocess::create),
    ("_random", _random::create),
    ("_sha1", _hashes::create_sha1),
    ("_sha256", _hashes::create_sha256),
    ("_sha3", _hashes::create_sha3),
    ("_sha512", _hashes::create_sha512),
    ("_signal", signal::create),
    ("_sre", _sre::create),
    ("_string", _string::create),
    ("_struct", _struct::create),
    ("_thread", _thread::create),
    ("_tracemalloc", _tracemalloc::create),
    ("_warnings", _warnings::create),
    ("_weakref", crate::types::weakref::create_module),
    ("array", array::create),
    ("atexit", atexit::create),
    ("binascii", binascii::create),
    ("builtins", builtins::create),
    ("errno", errno::create),
    ("fcntl", fcntl::create),
    ("faulthandler", faulthandler::create),
    ("gc", gc::create),
    ("itertools", itertools::create),
    ("marshal", marshal::create),
    ("math", math::create),
    ("posix", posix::create),
    ("pwd", pwd::create),
    ("select", select::create),
    ("sys", sys::create),
    ("time", time::create),
    ("zlib", zlib::create),
];

/// The names of the modules compiled in.
pub fn builtin_module_names() -> Vec<&'static str> {
    BUILTIN_MODULES.iter().map(|(n, _)| *n).collect()
}

/// Create the named builtin module, if there is one.
pub fn create_builtin(ts: &ThreadState, name: &str) -> Option<PyResult<Value>> {
    BUILTIN_MODULES.iter().find(|(n, _)| *n == name).map(|(_, f)| f(ts))
}

/// A new module named `name` holding native functions `funcs`; returns the
/// module and its dict (for the constants and types the caller adds).
pub(crate) fn new_native_module(ts: &ThreadState, name: &'static str, funcs: &[(&'static str, crate::object::typeobj::CallFn)]) -> PyResult<(Value, Value)> {
    let m = crate::types::module::new_module(name)?;
    let d = crate::types::module::module_dict(&m).ok_or_else(|| crate::runtime::errors::PyErr::system_error(name))?;
    for (fname, f) in funcs {
        let bf = Value::new(crate::types::function::PyBuiltinFunction { name: fname, func: *f, self_: Some(m.clone()), module: Some(name) })?;
        crate::types::dict::dict_set_item(ts, &d, crate::types::str::intern(fname), bf)?;
    }
    Ok((m, d))
}

/// `__reduce__` of native objects that cannot be copied or pickled
/// (CPython's message from object.__reduce_ex__).
pub(crate) fn reduce_cannot_pickle(_ts: &ThreadState, v: &Value, _a: &[Value], _k: Option<&Value>) -> PyResult<Value> {
    Err(crate::runtime::errors::PyErr::type_error(format!("cannot pickle '{}' object", v.type_of().name())))
}

/// Attribute lookup of a native object carrying its own `__dict__`:
/// data descriptors of the type first, then the object's dict, then the
/// rest of the type (CPython's generic lookup with an instance dict).
pub(crate) fn own_dict_getattro(ts: &ThreadState, v: &Value, name: &Value, dict_of: fn(&Value) -> Option<Value>) -> crate::runtime::errors::PyResult<Value> {
    let descr = v.type_of().data.lookup(name);
    let is_data = descr.as_ref().is_some_and(|d| d.type_of().data.slots.descr_set.get().is_some());
    if !is_data {
        if let Some(d) = dict_of(v) {
            if let Some(x) = crate::types::dict::dict_get_item(ts, &d, name)? {
                return Ok(x);
            }
        }
    }
    crate::object::protocol::generic_getattr(ts, v, name)
}

/// Attribute assignment of a native object carrying its own `__dict__`.
pub(crate) fn own_dict_setattro(ts: &ThreadState, v: &Value, name: &Value, value: Option<&Value>, dict_of: fn(&Value) -> Option<Value>) -> crate::runtime::errors::PyResult<()> {
    let descr = v.type_of().data.lookup(name);
    if descr.as_ref().is_some_and(|d| d.type_of().data.slots.descr_set.get().is_some()) {
        return crate::object::protocol::generic_setattr(ts, v, name, value);
    }
    let d = dict_of(v).ok_or_else(|| crate::object::protocol::no_attribute(v, name))?;
    match value {
        Some(x) => crate::types::dict::dict_set_item(ts, &d, name.clone(), x.clone()),
        None => match crate::types::dict::dict_del_item(ts, &d, name)? {
            Some(_) => Ok(()),
            None => Err(crate::object::protocol::no_attribute(v, name)),
        },
    }
}

/// Set `name` in a module dict.
pub(crate) fn set_attr(ts: &ThreadState, d: &Value, name: &str, v: Value) -> PyResult<()> {
    crate::types::dict::dict_set_item(ts, d, crate::types::str::intern(name), v)
}

/// The builtins module.
pub fn builtins_module(ts: &ThreadState) -> Value {
    let modules = ts.interp().modules();
    crate::types::dict::dict_get_str(&modules, &crate::types::str::intern("builtins")).unwrap_or_else(crate::types::none::none)
}

/// Argument count check of `PyArg_ParseTuple` (METH_VARARGS functions):
/// "f() takes at most 1 argument (2 given)"; keywords are refused.
pub(crate) fn parse_tuple_args<'a>(fname: &str, a: &'a [Value], k: Option<&Value>, min: usize, max: usize) -> PyResult<&'a [Value]> {
    crate::object::args::no_kwargs(fname, k)?;
    let n = a.len();
    if n < min || n > max {
        let (what, bound) = if min == max {
            ("exactly", min)
        } else if n < min {
            ("at least", min)
        } else {
            ("at most", max)
        };
        return Err(crate::runtime::errors::PyErr::type_error(format!(
            "{fname}() takes {what} {bound} argument{} ({n} given)",
            if bound == 1 { "" } else { "s" }
        )));
    }
    Ok(a)
}

/// Argument check of a METH_FASTCALL function of module `module`:
/// keywords are refused naming `module.f()`, counts as `_PyArg_CheckPositional`.
pub(crate) fn fastcall_args<'a>(module: &str, fname: &str, a: &'a [Value], k: Option<&Value>, min: usize, max: usize) -> PyResult<&'a [Value]> {
    crate::object::args::no_kwargs(&format!("{module}.{fname}"), k)?;
    crate::object::args::positional(fname, a, None, min, max)
}

#[cfg(test)]
mod tests {
    #[test]
    fn parse_tuple_messages() {
        // Expected messages from python3: time.gmtime(1, 2), time.strftime(), time.get_clock_info().
        let err = |r: crate::runtime::errors::PyResult<&[crate::object::value::Value]>| r.err().is_some();
        assert!(err(super::parse_tuple_args("gmtime", &[], None, 1, 1)));
        assert!(!err(super::parse_tuple_args("gmtime", &[], None, 0, 1)));
    }
}
