//! Native modules: builtins, sys, time, the streams behind sys.stdin/stdout/stderr
//! and open() (io.rs), and struct sequences (structseq.rs).

pub mod builtins;
pub mod gc;
pub mod io;
pub mod stdlib_names;
pub mod structseq;
pub mod sys;
pub mod time;

use crate::object::typeobj::PyType;
use crate::object::value::Value;
use crate::runtime::errors::PyResult;
use crate::runtime::thread::ThreadState;

/// Static types defined by native modules.
pub fn types() -> Vec<&'static PyType> {
    let mut v: Vec<&'static PyType> = vec![&io::TEXT_STREAM_TYPE, &io::BUFFERED_WRITER_TYPE, &io::BUFFERED_READER_TYPE, &io::FILE_IO_TYPE, &io::BUFFERED_RANDOM_TYPE, &builtins::QUITTER_TYPE];
    v.extend(structseq::types());
    v
}

/// Fill the static types of native modules.
pub fn init_types() {
    io::init();
    builtins::init_types();
    structseq::init();
}

/// A native module's constructor.
type ModuleInit = fn(&ThreadState) -> PyResult<Value>;

/// Modules compiled into the interpreter, by name (`sys.builtin_module_names`).
const BUILTIN_MODULES: &[(&str, ModuleInit)] = &[
    ("builtins", builtins::create),
    ("sys", sys::create),
    ("time", time::create),
    ("gc", gc::create),
    ("_weakref", crate::types::weakref::create_module),
];

/// The names of the modules compiled in.
pub fn builtin_module_names() -> Vec<&'static str> {
    BUILTIN_MODULES.iter().map(|(n, _)| *n).collect()
}

/// Create the named builtin module, if there is one.
pub fn create_builtin(ts: &ThreadState, name: &str) -> Option<PyResult<Value>> {
    BUILTIN_MODULES.iter().find(|(n, _)| *n == name).map(|(_, f)| f(ts))
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
