//! The import system (CPython's Python/import.c with the path-based finder
//! of importlib, in Rust): sys.modules caching, builtin modules, modules
//! and packages found on sys.path, relative imports.

use crate::eval::frame::Frame;
use crate::object::protocol;
use crate::object::value::Value;
use crate::runtime::errors::{PyErr, PyResult};
use crate::runtime::thread::ThreadState;
use crate::types::{dict, exceptions as exc, list, module, none, str as pystr, tuple};

/// IMPORT_NAME: `__import__(name, globals, locals, fromlist, level)`,
/// calling an overridden `builtins.__import__` when there is one.
pub fn import_name(ts: &ThreadState, f: &Frame, name: &Value, fromlist: &Value, level: &Value) -> PyResult<Value> {
    let import = dict::dict_get_str(&f.builtins, &pystr::intern("__import__"))
        .ok_or_else(|| PyErr::new(&exc::IMPORT_ERROR, "__import__ not found"))?;
    let is_native = import.downcast::<crate::types::function::PyBuiltinFunction>().is_some_and(|b| b.name == "__import__");
    if is_native {
        let lvl = crate::types::int::to_isize(level).unwrap_or(0);
        return import_module_level(ts, name, Some(&f.globals), Some(fromlist), lvl);
    }
    let locals = f.locals.clone().unwrap_or_else(none::none);
    protocol::call(ts, &import, &[name.clone(), f.globals.clone(), locals, fromlist.clone(), level.clone()], None)
}

/// The package a relative import is relative to.
fn resolve_name(ts: &ThreadState, name: &str, globals: Option<&Value>, level: isize) -> PyResult<String> {
    let globals = globals.filter(|g| !none::is_none(g)).ok_or_else(|| PyErr::new(&exc::KEY_ERROR, "'__name__' not in globals"))?;
    let package = dict::dict_get_item(ts, globals, &pystr::intern("__package__"))?.filter(|p| !none::is_none(p));
    let package = match package {
        Some(p) => pystr::as_rust_str(&p).into_owned(),
        None => {
            let modname = dict::dict_get_item(ts, globals, &pystr::intern("__name__"))?
                .ok_or_else(|| PyErr::new(&exc::KEY_ERROR, "'__name__' not in globals"))?;
            let modname = pystr::as_rust_str(&modname).into_owned();
            if dict::dict_get_item(ts, globals, &pystr::intern("__path__"))?.is_some() {
                modname
            } else {
                modname.rsplit_once('.').map(|(p, _)| p.to_string()).unwrap_or_default()
            }
        }
    };
    if package.is_empty() {
        return Err(PyErr::new(&exc::IMPORT_ERROR, "attempted relative import with no known parent package"));
    }
    let mut base = package.as_str();
    for _ in 1..level {
        match base.rsplit_once('.') {
            Some((b, _)) => base = b,
            None => return Err(PyErr::new(&exc::IMPORT_ERROR, "attempted relative import beyond top-level package")),
        }
    }
    Ok(if name.is_empty() { base.to_string() } else { format!("{base}.{name}") })
}

/// `__import__` semantics.
pub fn import_module_level(ts: &ThreadState, name: &Value, globals: Option<&Value>, fromlist: Option<&Value>, level: isize) -> PyResult<Value> {
    let Some(n) = pystr::try_as_rust_str(name) else {
        return Err(PyErr::type_error(format!("module name must be str, not {}", protocol::type_name(name))));
    };
    let n = n.into_owned();
    if level < 0 {
        return Err(PyErr::value_error("level must be >= 0"));
    }
    if level == 0 && n.is_empty() {
        return Err(PyErr::value_error("Empty module name"));
    }
    let abs = if level > 0 { resolve_name(ts, &n, globals, level)? } else { n.clone() };
    let module = import_absolute(ts, &abs)?;
    let has_fromlist = fromlist.is_some_and(|f| !none::is_none(f) && protocol::is_true(ts, f).unwrap_or(false));
    if !has_fromlist {
        if level == 0 || !n.is_empty() {
            // `import a.b.c` binds `a` (or the package the relative name starts in).
            let first = n.split('.').next().unwrap_or("");
            if level == 0 {
                return get_module(ts, first).map(Ok).unwrap_or_else(|| import_absolute(ts, first));
            }
            let cut = abs.len() - (n.len() - first.len());
            let top = &abs[..cut];
            return get_module(ts, top).map(Ok).unwrap_or_else(|| import_absolute(ts, top));
        }
        return Ok(module);
    }
    // `from pkg import a, b`: import submodules named in the fromlist.
    if dict::dict_get_str(&module::module_dict(&module).unwrap_or_else(dict::new_dict), &pystr::intern("__path__")).is_some() {
        for item in protocol::collect(ts, fromlist.expect("checked"))? {
            let item_s = pystr::as_rust_str(&item).into_owned();
            if item_s == "*" {
                continue;
            }
            if protocol::lookup_attr(ts, &module, &item)?.is_none() {
                let sub = format!("{abs}.{item_s}");
                match import_absolute(ts, &sub) {
                    Ok(_) => {}
                    Err(e) if e.matches(&exc::MODULE_NOT_FOUND_ERROR) => {}
                    Err(e) => return Err(e),
                }
            }
        }
    }
    Ok(module)
}

fn get_module(ts: &ThreadState, name: &str) -> Option<Value> {
    dict::dict_get_str(&ts.interp().modules(), &pystr::intern(name)).filter(|m| !none::is_none(m))
}

/// Import a dotted absolute name, parents first.
pub fn import_absolute(ts: &ThreadState, name: &str) -> PyResult<Value> {
    if let Some(m) = get_module(ts, name) {
        return Ok(m);
    }
    // A None entry in sys.modules blocks the import.
    if dict::dict_get_str(&ts.interp().modules(), &pystr::intern(name)).is_some_and(|m| none::is_none(&m)) {
        return Err(not_found(name, format!("import of {name} halted; None in sys.modules")));
    }
    let (parent, path) = match name.rsplit_once('.') {
        Some((p, _)) => {
            let pm = import_absolute(ts, p)?;
            if let Some(m) = get_module(ts, name) {
                return Ok(m);
            }
            let path = protocol::lookup_attr(ts, &pm, &pystr::intern("__path__"))?;
            let Some(path) = path else {
                return Err(not_found(
                    name,
                    format!("No module named '{name}'; '{p}' is not a package"),
                ));
            };
            (Some((p.to_string(), pm)), protocol::collect(ts, &path)?)
        }
        None => {
            if let Some(r) = crate::modules::create_builtin(ts, name) {
                let m = r?;
                dict::dict_set_item(ts, &ts.interp().modules(), pystr::intern(name), m.clone())?;
                return Ok(m);
            }
            let sys_path = crate::modules::sys::sys_attr(ts, "path").ok_or_else(|| PyErr::runtime_error("lost sys.path"))?;
            (None, protocol::collect(ts, &sys_path)?)
        }
    };
    let short = name.rsplit('.').next().unwrap_or(name);
    for entry in path {
        let Some(dir) = pystr::try_as_rust_str(&entry) else { continue };
        let dir = if dir.is_empty() { ".".to_string() } else { dir.into_owned() };
        let pkg_dir = std::path::Path::new(&dir).join(short);
        let init = pkg_dir.join("__init__.py");
        if init.is_file() {
            let m = load_source_module(ts, name, &init, Some(&pkg_dir))?;
            bind_in_parent(ts, &parent, short, &m)?;
            return Ok(m);
        }
        let file = std::path::Path::new(&dir).join(format!("{short}.py"));
        if file.is_file() {
            let m = load_source_module(ts, name, &file, None)?;
            bind_in_parent(ts, &parent, short, &m)?;
            return Ok(m);
        }
    }
    Err(not_found(name, format!("No module named '{name}'")))
}

fn bind_in_parent(ts: &ThreadState, parent: &Option<(String, Value)>, short: &str, m: &Value) -> PyResult<()> {
    if let Some((_, pm)) = parent {
        protocol::setattr(ts, pm, &pystr::intern(short), Some(m))?;
    }
    Ok(())
}

fn not_found(name: &str, msg: String) -> PyErr {
    let e = PyErr::new(&exc::MODULE_NOT_FOUND_ERROR, msg);
    if let Some(b) = e.value().downcast::<exc::PyBaseException>() {
        b.set_field(1, Some(pystr::new_str(name)));
    }
    e
}

/// Execute a source file as module `name`; the module is in sys.modules
/// while its body runs (circular imports see the partial module).
fn load_source_module(ts: &ThreadState, name: &str, path: &std::path::Path, pkg_dir: Option<&std::path::Path>) -> PyResult<Value> {
    let source = std::fs::read(path).map_err(|e| PyErr::new(&exc::OS_ERROR, e.to_string()))?;
    let filename = path.to_string_lossy().into_owned();
    let m = module::new_module(name)?;
    let d = module::module_dict(&m).ok_or_else(|| PyErr::system_error("module dict"))?;
    dict::dict_set_item(ts, &d, pystr::intern("__file__"), pystr::new_str(&filename))?;
    let package = match pkg_dir {
        Some(dir) => {
            dict::dict_set_item(ts, &d, pystr::intern("__path__"), list::new_list(vec![pystr::new_str(&dir.to_string_lossy())])?)?;
            name.to_string()
        }
        None => name.rsplit_once('.').map(|(p, _)| p.to_string()).unwrap_or_default(),
    };
    dict::dict_set_item(ts, &d, pystr::intern("__package__"), pystr::new_str(&package))?;
    dict::dict_set_item(ts, &d, pystr::intern("__builtins__"), crate::modules::builtins_module(ts))?;
    dict::dict_set_item(ts, &d, pystr::intern("__cached__"), none::none())?;
    let modules = ts.interp().modules();
    dict::dict_set_item(ts, &modules, pystr::intern(name), m.clone())?;
    let result = crate::runtime::pythonrun::compile_source(ts, &source, &filename, "exec", -1)
        .and_then(|code| crate::eval::ceval::eval_code(ts, &code, &d, Some(&d)));
    if let Err(e) = result {
        let _ = dict::dict_del_item(ts, &modules, &pystr::intern(name));
        return Err(e);
    }
    // The module may have replaced itself in sys.modules.
    Ok(get_module(ts, name).unwrap_or(m))
}

/// IMPORT_FROM: `from module import name`.
pub fn import_from(ts: &ThreadState, module_v: &Value, name: &Value) -> PyResult<Value> {
    if let Some(v) = protocol::lookup_attr(ts, module_v, name)? {
        return Ok(v);
    }
    // A submodule imported under its full name (circular imports).
    let modname = protocol::lookup_attr(ts, module_v, &pystr::intern("__name__"))?;
    if let Some(mn) = modname.as_ref().and_then(|m| pystr::try_as_rust_str(m).map(|s| s.into_owned())) {
        let full = format!("{}.{}", mn, pystr::as_rust_str(name));
        if let Some(m) = get_module(ts, &full) {
            return Ok(m);
        }
    }
    let mn = modname.as_ref().map(|m| pystr::as_rust_str(m).into_owned()).unwrap_or_else(|| "<unknown module name>".into());
    let file = protocol::lookup_attr(ts, module_v, &pystr::intern("__file__"))?;
    let msg = match file.as_ref().and_then(|f| pystr::try_as_rust_str(f).map(|s| s.into_owned())) {
        Some(f) => {
            let initializing = get_module(ts, &mn).is_some_and(|m| m.is(module_v)) && is_initializing(ts, &mn);
            if initializing {
                format!(
                    "cannot import name '{}' from partially initialized module '{}' (most likely due to a circular import) ({})",
                    pystr::as_rust_str(name),
                    mn,
                    f
                )
            } else {
                format!("cannot import name '{}' from '{}' ({})", pystr::as_rust_str(name), mn, f)
            }
        }
        None => format!("cannot import name '{}' from '{}' (unknown location)", pystr::as_rust_str(name), mn),
    };
    let e = PyErr::new(&exc::IMPORT_ERROR, msg);
    if let Some(b) = e.value().downcast::<exc::PyBaseException>() {
        b.set_field(1, Some(pystr::new_str(&mn)));
    }
    Err(e)
}

/// Whether module `name` is still executing its body.
fn is_initializing(ts: &ThreadState, name: &str) -> bool {
    let mut f = ts.current_frame.get();
    while !f.is_null() {
        // SAFETY: frames in the chain are live.
        let fr = unsafe { &*f };
        if let Some(n) = dict::dict_get_str(&fr.globals, &pystr::intern("__name__")) {
            if pystr::as_rust_str(&n) == name && fr.code().code.co_name == "<module>" {
                return true;
            }
        }
        f = fr.previous;
    }
    false
}

/// IMPORT_STAR: `from module import *` into `locals`.
pub fn import_star(ts: &ThreadState, module_v: &Value, locals: &Value) -> PyResult<()> {
    let names: Vec<Value> = match protocol::lookup_attr(ts, module_v, &pystr::intern("__all__"))? {
        Some(all) => protocol::collect(ts, &all)?,
        None => {
            let d = protocol::getattr_str(ts, module_v, "__dict__")?;
            let keys = dict::as_dict(&d).map(|d| d.keys()).unwrap_or_default();
            keys.into_iter().filter(|k| !pystr::as_rust_str(k).starts_with('_')).collect()
        }
    };
    for n in names {
        if pystr::as_pystr(&n).is_none() {
            return Err(PyErr::type_error(format!(
                "Item in {}.__all__ must be str, not {}",
                protocol::getattr_str(ts, module_v, "__name__").map(|m| pystr::as_rust_str(&m).into_owned()).unwrap_or_default(),
                protocol::type_name(&n)
            )));
        }
        let v = protocol::getattr(ts, module_v, &n)?;
        dict::dict_set_item(ts, locals, n, v)?;
    }
    let _ = tuple::new_tuple;
    Ok(())
}
