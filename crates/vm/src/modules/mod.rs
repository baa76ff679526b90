//! Native modules: builtins, sys, time, and the standard streams.

pub mod builtins;
pub mod io;
pub mod structseq;
pub mod sys;
pub mod time;

use crate::object::typeobj::PyType;
use crate::object::value::Value;
use crate::runtime::errors::PyResult;
use crate::runtime::thread::ThreadState;

/// Static types defined by native modules.
pub fn types() -> Vec<&'static PyType> {
    let mut v: Vec<&'static PyType> = vec![&io::TEXT_STREAM_TYPE];
    v.extend(structseq::types());
    v
}

/// Fill the static types of native modules.
pub fn init_types() {
    io::init();
    structseq::init();
}

/// A native module's constructor.
type ModuleInit = fn(&ThreadState) -> PyResult<Value>;

/// Modules compiled into the interpreter, by name (`sys.builtin_module_names`).
const BUILTIN_MODULES: &[(&str, ModuleInit)] = &[("builtins", builtins::create), ("sys", sys::create), ("time", time::create)];

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
