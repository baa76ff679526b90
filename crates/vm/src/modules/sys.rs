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

pub fn write_stdout(ts: &ThreadState, s: &Value) -> PyResult<()> {
    if let Some(out) = get_stream(ts, "stdout") {
        protocol::call_method(ts, &out, "write", std::slice::from_ref(s))?;
    }
    Ok(())
}

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

pub fn readline_stdin(ts: &ThreadState) -> PyResult<Value> {
    let Some(inp) = get_stream(ts, "stdin") else {
        return Err(PyErr::runtime_error("input(): lost sys.stdin"));
    };
    let line = protocol::call_method(ts, &inp, "readline", &[])?;
    let s = pystr::as_rust_str(&line).into_owned();
    if s.is_empty() {
        return Err(PyErr::with_args(&exc::EOF_ERROR, vec![pystr::new_str("EOF when reading a line")]));
    }
    Ok(pystr::new_str(s.strip_suffix('\n').unwrap_or(&s)))
}

/// PRINT_EXPR: `sys.displayhook(value)`.
pub fn displayhook(ts: &ThreadState, v: &Value) -> PyResult<()> {
    match sys_attr(ts, "displayhook") {
        Some(h) => protocol::call(ts, &h, std::slice::from_ref(v), None).map(drop),
        None => Err(PyErr::runtime_error("lost sys.displayhook")),
    }
}

fn s_displayhook(ts: &ThreadState, _m: &Value, a: Args, k: Option<&Value>) -> PyResult<Value> {
    let v = &crate::object::args::exact("displayhook", a, k, 1)?[0];
    if none::is_none(v) {
        return Ok(none::none());
    }
    let builtins = ts.interp().builtins();
    dict::dict_set_item(ts, &builtins, pystr::intern("_"), none::none())?;
    let r = protocol::repr(ts, v)?;
    write_stdout(ts, &r)?;
    write_stdout(ts, &pystr::intern("\n"))?;
    dict::dict_set_item(ts, &builtins, pystr::intern("_"), v.clone())?;
    Ok(none::none())
}

fn s_excepthook(ts: &ThreadState, _m: &Value, a: Args, k: Option<&Value>) -> PyResult<Value> {
    let a = crate::object::args::exact("excepthook", a, k, 3)?;
    crate::runtime::pythonrun::print_exception(ts, &a[1]);
    Ok(none::none())
}

fn s_exit(_ts: &ThreadState, _m: &Value, a: Args, k: Option<&Value>) -> PyResult<Value> {
    let a = crate::object::args::positional("exit", a, k, 0, 1)?;
    Err(PyErr::with_args(&exc::SYSTEM_EXIT, a.to_vec()))
}

fn s_exc_info(ts: &ThreadState, _m: &Value, _a: Args, _k: Option<&Value>) -> PyResult<Value> {
    match ts.handled_exception() {
        Some(e) => {
            let tb = exc::traceback_of(&e).unwrap_or_else(none::none);
            tuple::new_tuple(vec![e.type_of().to_value(), e, tb])
        }
        None => tuple::new_tuple(vec![none::none(), none::none(), none::none()]),
    }
}

fn s_exception(ts: &ThreadState, _m: &Value, _a: Args, _k: Option<&Value>) -> PyResult<Value> {
    Ok(ts.handled_exception().unwrap_or_else(none::none))
}

fn s_getrecursionlimit(ts: &ThreadState, _m: &Value, _a: Args, _k: Option<&Value>) -> PyResult<Value> {
    Ok(int::from_i64(ts.interp().recursion_limit.get() as i64))
}

fn s_setrecursionlimit(ts: &ThreadState, _m: &Value, a: Args, k: Option<&Value>) -> PyResult<Value> {
    let v = &crate::object::args::exact("setrecursionlimit", a, k, 1)?[0];
    if !int::is_int(v) {
        return Err(PyErr::type_error("an integer is required"));
    }
    let n = int::to_isize(v).ok_or_else(|| PyErr::overflow_error("Python int too large to convert to C int"))?;
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
    let v = &crate::object::args::exact("getrefcount", a, k, 1)?[0];
    Ok(int::from_bigint(num_bigint::BigInt::from(v.refcount())))
}

fn s_getframe(ts: &ThreadState, _m: &Value, a: Args, k: Option<&Value>) -> PyResult<Value> {
    let a = crate::object::args::positional("_getframe", a, k, 0, 1)?;
    let mut depth = match a.first() {
        Some(d) => int::to_isize(d).unwrap_or(0),
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
    let v = &crate::object::args::exact("intern", a, k, 1)?[0];
    if !v.is_exact(&pystr::STR_TYPE) {
        return Err(PyErr::type_error(format!("intern() argument must be str, not {}", protocol::type_name(v))));
    }
    match pystr::as_pystr(v).and_then(|s| s.data.as_str().map(str::to_string)) {
        Some(s) => Ok(pystr::intern(&s)),
        None => Ok(v.clone()),
    }
}

fn s_getsizeof(ts: &ThreadState, _m: &Value, a: Args, k: Option<&Value>) -> PyResult<Value> {
    let a = crate::object::args::positional("getsizeof", a, k, 1, 2)?;
    match protocol::call_special(ts, &a[0], "__sizeof__", &[]) {
        Ok(Some(v)) => {
            let n = int::to_isize(&v).unwrap_or(0);
            let gc = if a[0].type_of().data.has_flag(crate::object::typeobj::TPFLAGS_HAVE_GC) { 16 } else { 0 };
            Ok(int::from_i64((n + gc) as i64))
        }
        Ok(None) => a.get(1).cloned().ok_or_else(|| PyErr::type_error("Type doesn't define __sizeof__")),
        Err(e) => Err(e),
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

fn s_getdefaultencoding(_ts: &ThreadState, _m: &Value, _a: Args, _k: Option<&Value>) -> PyResult<Value> {
    Ok(pystr::new_str("utf-8"))
}

fn s_settrace(ts: &ThreadState, _m: &Value, a: Args, k: Option<&Value>) -> PyResult<Value> {
    let v = &crate::object::args::exact("settrace", a, k, 1)?[0];
    *ts.trace_func.borrow_mut() = if none::is_none(v) { None } else { Some(v.clone()) };
    Ok(none::none())
}

fn s_gettrace(ts: &ThreadState, _m: &Value, _a: Args, _k: Option<&Value>) -> PyResult<Value> {
    Ok(ts.trace_func.borrow().clone().unwrap_or_else(none::none))
}

fn s_setprofile(ts: &ThreadState, _m: &Value, a: Args, k: Option<&Value>) -> PyResult<Value> {
    let v = &crate::object::args::exact("setprofile", a, k, 1)?[0];
    *ts.profile_func.borrow_mut() = if none::is_none(v) { None } else { Some(v.clone()) };
    Ok(none::none())
}

fn s_getprofile(ts: &ThreadState, _m: &Value, _a: Args, _k: Option<&Value>) -> PyResult<Value> {
    Ok(ts.profile_func.borrow().clone().unwrap_or_else(none::none))
}

fn s_audit(_ts: &ThreadState, _m: &Value, _a: Args, _k: Option<&Value>) -> PyResult<Value> {
    Ok(none::none())
}

fn s_is_finalizing(ts: &ThreadState, _m: &Value, _a: Args, _k: Option<&Value>) -> PyResult<Value> {
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
];

/// A struct sequence (`sys.version_info`, `sys.flags`...): a tuple subclass
/// with named fields, made as a heap class.
pub fn structseq(ts: &ThreadState, module: &str, name: &str, fields: &[&str], values: Vec<Value>) -> PyResult<Value> {
    let ns = dict::new_dict();
    dict::dict_set_item(ts, &ns, pystr::intern("__module__"), pystr::new_str(module))?;
    dict::dict_set_item(ts, &ns, pystr::intern("__slots__"), tuple::new_tuple(vec![])?)?;
    let names = tuple::new_tuple(fields.iter().map(|f| pystr::intern(f)).collect())?;
    dict::dict_set_item(ts, &ns, pystr::intern("_fields"), names)?;
    dict::dict_set_item(ts, &ns, pystr::intern("n_fields"), int::from_i64(fields.len() as i64))?;
    dict::dict_set_item(ts, &ns, pystr::intern("n_sequence_fields"), int::from_i64(fields.len() as i64))?;
    dict::dict_set_item(ts, &ns, pystr::intern("n_unnamed_fields"), int::from_i64(0))?;
    let repr = crate::types::function::new_builtin("__repr__", structseq_repr, module_static(module));
    dict::dict_set_item(ts, &ns, pystr::intern("__repr__"), repr)?;
    let getattr = crate::types::function::new_builtin("__getattr__", structseq_getattr, module_static(module));
    dict::dict_set_item(ts, &ns, pystr::intern("__getattr__"), getattr)?;
    let bases = tuple::new_tuple(vec![crate::types::tuple::TUPLE_TYPE.to_value()])?;
    let cls = protocol::call(ts, &crate::types::typeobject::TYPE_TYPE.to_value(), &[pystr::new_str(name), bases, ns], None)?;
    Value::new_instance(&cls, crate::types::tuple::PyTuple { items: values.into_boxed_slice() })
}

fn module_static(m: &str) -> &'static str {
    match m {
        "sys" => "sys",
        "time" => "time",
        "os" => "os",
        _ => "builtins",
    }
}

fn structseq_repr(ts: &ThreadState, _m: &Value, a: Args, _k: Option<&Value>) -> PyResult<Value> {
    let v = a.first().ok_or_else(|| PyErr::type_error("__repr__ needs self"))?;
    let cls = v.type_of().to_value();
    let fields = protocol::getattr_str(ts, &cls, "_fields")?;
    let module = protocol::getattr_str(ts, &cls, "__module__")?;
    let name = protocol::getattr_str(ts, &cls, "__name__")?;
    let mut parts = Vec::new();
    for (f, x) in tuple::tuple_items(&fields).iter().zip(tuple::tuple_items(v).iter()) {
        parts.push(format!("{}={}", pystr::as_rust_str(f), protocol::repr_string(ts, x)?));
    }
    Ok(pystr::new_str(&format!(
        "{}.{}({})",
        pystr::as_rust_str(&module),
        pystr::as_rust_str(&name),
        parts.join(", ")
    )))
}

fn structseq_getattr(ts: &ThreadState, _m: &Value, a: Args, _k: Option<&Value>) -> PyResult<Value> {
    let (v, name) = match a {
        [v, n] => (v, n),
        _ => return Err(PyErr::type_error("__getattr__ expects 2 arguments")),
    };
    let cls = v.type_of().to_value();
    let fields = protocol::getattr_str(ts, &cls, "_fields")?;
    if let Some(i) = tuple::tuple_items(&fields).iter().position(|f| pystr::as_rust_str(f) == pystr::as_rust_str(name)) {
        if let Some(x) = tuple::tuple_items(v).get(i) {
            return Ok(x.clone());
        }
    }
    Err(protocol::no_attribute(v, name))
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
        if *name == "displayhook" || *name == "excepthook" {
            set(&format!("__{name}__"), bf)?;
        }
    }
    let strs = |v: &[String]| -> PyResult<Value> { list::new_list(v.iter().map(|s| pystr::new_str(s)).collect()) };
    set("argv", strs(&config.argv)?)?;
    set("orig_argv", strs(&config.orig_argv)?)?;
    set("warnoptions", strs(&config.warnoptions)?)?;
    set("_xoptions", dict::new_dict())?;
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
    set("version", pystr::new_str(&crate::runtime::version_string()))?;
    set("hexversion", int::from_i64(0x030b07f0))?;
    set("api_version", int::from_i64(1013))?;
    set("copyright", pystr::new_str("Copyright (c) Pyrite contributors.\nAll Rights Reserved."))?;
    set(
        "version_info",
        structseq(
            ts,
            "sys",
            "version_info",
            &["major", "minor", "micro", "releaselevel", "serial"],
            vec![int::from_i64(3), int::from_i64(11), int::from_i64(7), pystr::new_str("final"), int::from_i64(0)],
        )?,
    )?;
    let version_tuple = tuple::new_tuple(vec![int::from_i64(0), int::from_i64(1), int::from_i64(0), pystr::new_str("alpha"), int::from_i64(0)])?;
    set(
        "implementation",
        crate::types::namespace::new_namespace(
            ts,
            vec![
                ("name", pystr::new_str("pyrite")),
                ("cache_tag", none::none()),
                ("version", version_tuple),
                ("hexversion", int::from_i64(0x000100a0)),
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
    set("pycache_prefix", none::none())?;
    set("builtin_module_names", tuple::new_tuple(crate::modules::builtin_module_names().into_iter().map(|n| pystr::new_str(n)).collect())?)?;
    let b = |x: bool| int::from_i64(x as i64);
    set(
        "flags",
        structseq(
            ts,
            "sys",
            "flags",
            &[
                "debug", "inspect", "interactive", "optimize", "dont_write_bytecode", "no_user_site", "no_site",
                "ignore_environment", "verbose", "bytes_warning", "quiet", "hash_randomization", "isolated",
                "dev_mode", "utf8_mode", "warn_default_encoding", "safe_path", "int_max_str_digits",
            ],
            vec![
                int::from_i64(0),
                b(config.inspect),
                b(config.inspect),
                int::from_i64(config.optimize as i64),
                b(config.dont_write_bytecode),
                b(config.no_user_site),
                b(config.no_site),
                b(config.ignore_environment),
                int::from_i64(config.verbose as i64),
                int::from_i64(0),
                b(config.quiet),
                int::from_i64(if config.hash_seed == Some(0) { 0 } else { 1 }),
                b(config.isolated),
                bool_::false_value(),
                int::from_i64(0),
                int::from_i64(0),
                bool_::new_bool(config.safe_path),
                int::from_i64(config.int_max_str_digits as i64),
            ],
        )?,
    )?;
    set(
        "hash_info",
        structseq(
            ts,
            "sys",
            "hash_info",
            &["width", "modulus", "inf", "nan", "imag", "algorithm", "hash_bits", "seed_bits", "cutoff"],
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
        structseq(
            ts,
            "sys",
            "float_info",
            &["max", "max_exp", "max_10_exp", "min", "min_exp", "min_10_exp", "dig", "mant_dig", "epsilon", "radix", "rounds"],
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
        structseq(
            ts,
            "sys",
            "int_info",
            &["bits_per_digit", "sizeof_digit", "default_max_str_digits", "str_digits_check_threshold"],
            vec![int::from_i64(30), int::from_i64(4), int::from_i64(4300), int::from_i64(640)],
        )?,
    )?;
    let stdin = super::io::new_stream(0, config.unbuffered)?;
    let stdout = super::io::new_stream(1, config.unbuffered)?;
    let stderr = super::io::new_stream(2, config.unbuffered)?;
    set("stdin", stdin.clone())?;
    set("stdout", stdout.clone())?;
    set("stderr", stderr.clone())?;
    set("__stdin__", stdin)?;
    set("__stdout__", stdout)?;
    set("__stderr__", stderr)?;
    Ok(m)
}
