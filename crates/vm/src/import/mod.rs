//! The import system (CPython's Python/import.c together with the parts of
//! importlib._bootstrap and _bootstrap_external it relies on, in Rust):
//! sys.modules caching, sys.meta_path finders (a builtin-module importer and
//! a path finder, both native; Python finders work alongside), sys.path_hooks
//! and sys.path_importer_cache, packages, namespace packages, relative
//! imports, `__spec__` and the other module attributes, and `-m`.

/// The protocol objects: ModuleSpec, finders, loaders.
pub mod spec;
/// The bytecode cache (`__pycache__/*.pyrite-311.pyc`).
pub mod pyc;

use crate::eval::frame::Frame;
use crate::object::protocol;
use crate::object::value::Value;
use crate::runtime::errors::{PyErr, PyResult};
use crate::runtime::thread::ThreadState;
use crate::types::{dict, exceptions as exc, list, module, none, str as pystr};

fn s(name: &str) -> Value {
    pystr::intern(name)
}

/// IMPORT_NAME: `__import__(name, globals, locals, fromlist, level)`,
/// calling an overridden `builtins.__import__` when there is one.
pub fn import_name(ts: &ThreadState, f: &Frame, name: &Value, fromlist: &Value, level: &Value) -> PyResult<Value> {
    let import = dict::dict_get_str(&f.builtins, &s("__import__")).ok_or_else(|| PyErr::new(&exc::IMPORT_ERROR, "__import__ not found"))?;
    let is_native = import.downcast::<crate::types::function::PyBuiltinFunction>().is_some_and(|b| b.name == "__import__");
    if is_native {
        let lvl = crate::types::int::to_isize(level).unwrap_or(0);
        return import_module_level(ts, name, Some(&f.globals), Some(fromlist), lvl);
    }
    let locals = f.locals.clone().unwrap_or_else(none::none);
    protocol::call(ts, &import, &[name.clone(), f.globals.clone(), locals, fromlist.clone(), level.clone()], None)
}

/// Set `name` and `path` of an ImportError value.
pub(crate) fn set_import_error_fields(e: &PyErr, name: Option<&str>, path: Option<&str>) {
    if let Some(b) = e.value().downcast::<exc::PyBaseException>() {
        if let Some(n) = name {
            b.set_field(1, Some(pystr::new_str(n)));
        }
        if let Some(p) = path {
            b.set_field(2, Some(pystr::new_str(p)));
        }
    }
}

/// `ImportError(msg, name=name)`.
pub(crate) fn import_error_with_name(msg: &str, name: &str) -> PyErr {
    let e = PyErr::new(&exc::IMPORT_ERROR, msg);
    set_import_error_fields(&e, Some(name), None);
    e
}

fn not_found(name: &str, msg: String) -> PyErr {
    let e = PyErr::new(&exc::MODULE_NOT_FOUND_ERROR, msg);
    set_import_error_fields(&e, Some(name), None);
    e
}

fn str_of(v: &Value) -> Option<String> {
    pystr::try_as_rust_str(v).map(|x| x.into_owned())
}

/// The package a relative import is relative to (importlib's
/// `_calc___package__` and `_resolve_name`).
fn resolve_name(ts: &ThreadState, name: &str, globals: Option<&Value>, level: isize) -> PyResult<String> {
    let globals = globals.filter(|g| !none::is_none(g)).ok_or_else(|| PyErr::new(&exc::KEY_ERROR, "'__name__' not in globals"))?;
    if dict::as_dict(globals).is_none() {
        return Err(PyErr::type_error("globals must be a dict"));
    }
    let package = dict::dict_get_item(ts, globals, &s("__package__"))?.filter(|p| !none::is_none(p));
    let spec = dict::dict_get_item(ts, globals, &s("__spec__"))?.filter(|p| !none::is_none(p));
    let package = match (package, spec) {
        (Some(p), _) => match str_of(&p) {
            Some(p) => p,
            None => return Err(PyErr::type_error("package must be a string")),
        },
        (None, Some(spec)) => {
            let parent = protocol::getattr_str(ts, &spec, "parent")?;
            str_of(&parent).ok_or_else(|| PyErr::type_error("__spec__.parent must be a string"))?
        }
        (None, None) => {
            let modname = dict::dict_get_item(ts, globals, &s("__name__"))?.ok_or_else(|| PyErr::new(&exc::KEY_ERROR, "'__name__' not in globals"))?;
            let modname = str_of(&modname).ok_or_else(|| PyErr::type_error("__name__ must be a string"))?;
            if dict::dict_get_item(ts, globals, &s("__path__"))?.is_some() {
                modname
            } else {
                modname.rsplit_once('.').map(|(p, _)| p.to_string()).unwrap_or_default()
            }
        }
    };
    relative_name(&package, name, level).map_err(|msg| PyErr::new(&exc::IMPORT_ERROR, msg))
}

/// The absolute name of `name` imported at `level` from `package`
/// (importlib's `_resolve_name`), or the ImportError message.
fn relative_name(package: &str, name: &str, level: isize) -> Result<String, &'static str> {
    if package.is_empty() {
        return Err("attempted relative import with no known parent package");
    }
    let mut base = package;
    for _ in 1..level {
        match base.rsplit_once('.') {
            Some((b, _)) => base = b,
            None => return Err("attempted relative import beyond top-level package"),
        }
    }
    Ok(if name.is_empty() { base.to_string() } else { format!("{base}.{name}") })
}

/// `__import__` semantics (CPython's PyImport_ImportModuleLevelObject).
pub fn import_module_level(ts: &ThreadState, name: &Value, globals: Option<&Value>, fromlist: Option<&Value>, level: isize) -> PyResult<Value> {
    let Some(n) = str_of(name) else {
        return Err(PyErr::type_error(format!("module name must be str, not {}", protocol::type_name(name))));
    };
    if level < 0 {
        return Err(PyErr::value_error("level must be >= 0"));
    }
    if level == 0 && n.is_empty() {
        return Err(PyErr::value_error("Empty module name"));
    }
    let abs = if level > 0 { resolve_name(ts, &n, globals, level)? } else { n.clone() };
    let module = import_absolute(ts, &abs)?;
    let has_fromlist = match fromlist {
        Some(f) if !none::is_none(f) => protocol::is_true(ts, f)?,
        _ => false,
    };
    if !has_fromlist {
        if level == 0 || !n.is_empty() {
            // `import a.b.c` binds `a` (or the package the relative name starts in).
            let first = n.split('.').next().unwrap_or("");
            if level == 0 {
                return match get_module(ts, first) {
                    Some(m) => Ok(m),
                    None => import_absolute(ts, first),
                };
            }
            let cut = abs.len() - (n.len() - first.len());
            let top = &abs[..cut];
            return match get_module(ts, top) {
                Some(m) => Ok(m),
                None => Err(PyErr::new(&exc::KEY_ERROR, format!("'{top}' not in sys.modules as expected"))),
            };
        }
        return Ok(module);
    }
    // `from pkg import a, b`: import submodules named in the fromlist.
    if let Some(fl) = fromlist {
        if protocol::lookup_attr(ts, &module, &s("__path__"))?.is_some() {
            handle_fromlist(ts, &module, &abs, fl, false)?;
        }
    }
    Ok(module)
}

/// importlib's `_handle_fromlist`: import the submodules a fromlist names.
fn handle_fromlist(ts: &ThreadState, module: &Value, modname: &str, fromlist: &Value, recursive: bool) -> PyResult<()> {
    for item in protocol::collect(ts, fromlist)? {
        let Some(item_s) = str_of(&item) else {
            let what = if recursive { format!("{modname}.__all__") } else { "``from list''".to_string() };
            return Err(PyErr::type_error(format!("Item in {what} must be str, not {}", protocol::type_name(&item))));
        };
        if item_s == "*" {
            if !recursive {
                if let Some(all) = protocol::lookup_attr(ts, module, &s("__all__"))? {
                    handle_fromlist(ts, module, modname, &all, true)?;
                }
            }
            continue;
        }
        if protocol::lookup_attr(ts, module, &item)?.is_none() {
            let sub = format!("{modname}.{item_s}");
            match import_absolute(ts, &sub) {
                Ok(_) => {}
                // A missing submodule is fine: IMPORT_FROM reports the name.
                Err(e) if e.matches(&exc::MODULE_NOT_FOUND_ERROR) && error_name_is(&e, &sub) && get_module(ts, &sub).is_none() => {}
                Err(e) => return Err(e),
            }
        }
    }
    Ok(())
}

fn error_name_is(e: &PyErr, name: &str) -> bool {
    e.value().downcast::<exc::PyBaseException>().and_then(|b| b.field(1)).and_then(|n| str_of(&n)).is_some_and(|n| n == name)
}

fn get_module(ts: &ThreadState, name: &str) -> Option<Value> {
    dict::dict_get_str(&ts.interp().modules(), &pystr::intern(name)).filter(|m| !none::is_none(m))
}

fn sys_list(ts: &ThreadState, name: &str) -> PyResult<Vec<Value>> {
    match crate::modules::sys::sys_attr(ts, name) {
        Some(l) => protocol::collect(ts, &l),
        None => Err(PyErr::runtime_error(format!("lost sys.{name}"))),
    }
}

/// Import a dotted absolute name, parents first (importlib's `_find_and_load`).
pub fn import_absolute(ts: &ThreadState, name: &str) -> PyResult<Value> {
    let modules = ts.interp().modules();
    if let Some(m) = dict::dict_get_str(&modules, &pystr::intern(name)) {
        if none::is_none(&m) {
            return Err(not_found(name, format!("import of {name} halted; None in sys.modules")));
        }
        return Ok(m);
    }
    if ts.interp().config.import_time {
        return timed_import(name, || find_and_load(ts, name));
    }
    find_and_load(ts, name)
}

thread_local! {
    /// `-X importtime` bookkeeping (CPython's import_find_and_load statics):
    /// whether the header was written, the nesting level, and the time
    /// spent in nested imports of the import being timed.
    static IMPORT_TIME: std::cell::Cell<(bool, usize, u128)> = const { std::cell::Cell::new((false, 0, 0)) };
}

/// Run an import, then report its own and cumulative time in microseconds
/// on stderr, indented by nesting, as `-X importtime` does.
fn timed_import(name: &str, import: impl FnOnce() -> PyResult<Value>) -> PyResult<Value> {
    use std::io::Write;
    let (header, level, accumulated) = IMPORT_TIME.get();
    if !header {
        let _ = std::io::stderr().write_all(b"import time: self [us] | cumulative | imported package\n");
    }
    IMPORT_TIME.set((true, level + 1, 0));
    let start = std::time::Instant::now();
    let result = import();
    let cumulative = start.elapsed().as_micros();
    let (_, _, nested) = IMPORT_TIME.get();
    IMPORT_TIME.set((true, level, accumulated + cumulative));
    let _ = writeln!(
        std::io::stderr(),
        "import time: {:>9} | {:>10} | {:indent$}{name}",
        cumulative.saturating_sub(nested),
        cumulative,
        "",
        indent = level * 2
    );
    result
}

/// Find and load a module missing from sys.modules (and its parent first).
fn find_and_load(ts: &ThreadState, name: &str) -> PyResult<Value> {
    let mut path = None;
    let mut parent_module = None;
    if let Some((parent, _)) = name.rsplit_once('.') {
        let pm = match get_module(ts, parent) {
            Some(m) => m,
            None => import_absolute(ts, parent)?,
        };
        // Importing the parent may have imported us.
        if let Some(m) = get_module(ts, name) {
            return Ok(m);
        }
        match protocol::lookup_attr(ts, &pm, &s("__path__"))? {
            Some(p) => path = Some(p),
            None => return Err(not_found(name, format!("No module named '{name}'; '{parent}' is not a package"))),
        }
        parent_module = Some(pm);
    }
    let Some(spec) = find_spec(ts, name, path.as_ref())? else {
        return Err(not_found(name, format!("No module named '{name}'")));
    };
    let m = load_spec(ts, &spec)?;
    if let Some(pm) = parent_module {
        let child = name.rsplit('.').next().unwrap_or(name);
        protocol::setattr(ts, &pm, &pystr::new_str(child), Some(&m))?;
    }
    Ok(m)
}

/// Ask each finder of sys.meta_path for a spec.
pub fn find_spec(ts: &ThreadState, name: &str, path: Option<&Value>) -> PyResult<Option<Value>> {
    let builtin_importer = spec::BUILTIN_IMPORTER_TYPE.to_value();
    let path_finder = spec::PATH_FINDER_TYPE.to_value();
    for finder in sys_list(ts, "meta_path")? {
        let found = if finder.is(&builtin_importer) {
            if path.is_none() && crate::modules::builtin_module_names().contains(&name) {
                Some(spec::new_spec(ts, name, builtin_importer.clone(), Some("built-in"), None, false)?)
            } else {
                None
            }
        } else if finder.is(&path_finder) {
            path_find_spec(ts, name, path)?
        } else {
            let Some(find) = protocol::lookup_attr(ts, &finder, &s("find_spec"))? else { continue };
            let r = protocol::call(ts, &find, &[pystr::new_str(name), path.cloned().unwrap_or_else(none::none), none::none()], None)?;
            (!none::is_none(&r)).then_some(r)
        };
        if found.is_some() {
            return Ok(found);
        }
    }
    Ok(None)
}

/// PathFinder.find_spec: search `path` (or sys.path) through the path
/// entry finders, collecting namespace package portions.
pub fn path_find_spec(ts: &ThreadState, name: &str, path: Option<&Value>) -> PyResult<Option<Value>> {
    let entries = match path {
        Some(p) => protocol::collect(ts, p)?,
        None => sys_list(ts, "path")?,
    };
    let mut namespace: Vec<String> = Vec::new();
    for entry in entries {
        let Some(entry_s) = str_of(&entry) else { continue };
        let Some(finder) = path_importer(ts, &entry_s)? else { continue };
        let found = if let Some(ff) = finder.downcast::<spec::FileFinder>() {
            find_in_dir(ts, &ff.path, name)?
        } else {
            let Some(find) = protocol::lookup_attr(ts, &finder, &s("find_spec"))? else { continue };
            let r = protocol::call(ts, &find, &[pystr::new_str(name), none::none()], None)?;
            (!none::is_none(&r)).then_some(r)
        };
        let Some(sp) = found else { continue };
        let loader = spec::spec_get(ts, &sp, "loader")?;
        if !none::is_none(&loader) {
            return Ok(Some(sp));
        }
        // A namespace portion: keep looking for a regular package or module.
        let locations = spec::spec_get(ts, &sp, "submodule_search_locations")?;
        if none::is_none(&locations) {
            return Err(PyErr::new(&exc::IMPORT_ERROR, "spec missing loader"));
        }
        for l in protocol::collect(ts, &locations)? {
            if let Some(l) = str_of(&l) {
                namespace.push(l);
            }
        }
    }
    if namespace.is_empty() {
        return Ok(None);
    }
    let loader = spec::new_namespace_loader(name)?;
    let sp = spec::new_spec(ts, name, loader, None, None, false)?;
    protocol::setattr(ts, &sp, &s("submodule_search_locations"), Some(&spec::new_namespace_path(namespace)?))?;
    Ok(Some(sp))
}

/// The path entry finder for `entry`, from sys.path_importer_cache or made
/// by the first sys.path_hooks hook that accepts it (None when none does).
fn path_importer(ts: &ThreadState, entry: &str) -> PyResult<Option<Value>> {
    // '' is the current directory, looked up when used.
    let key = if entry.is_empty() {
        match std::env::current_dir() {
            Ok(d) => d.to_string_lossy().into_owned(),
            Err(_) => return Ok(None),
        }
    } else {
        entry.to_string()
    };
    let cache = crate::modules::sys::sys_attr(ts, "path_importer_cache");
    if let Some(c) = cache.as_ref().filter(|c| dict::as_dict(c).is_some()) {
        if let Some(f) = dict::dict_get_item(ts, c, &pystr::new_str(&key))? {
            return Ok((!none::is_none(&f)).then_some(f));
        }
    }
    let mut finder = none::none();
    for hook in sys_list(ts, "path_hooks")? {
        match protocol::call(ts, &hook, &[pystr::new_str(&key)], None) {
            Ok(f) => {
                finder = f;
                break;
            }
            Err(e) if e.matches(&exc::IMPORT_ERROR) => continue,
            Err(e) => return Err(e),
        }
    }
    if let Some(c) = cache.as_ref().filter(|c| dict::as_dict(c).is_some()) {
        dict::dict_set_item(ts, c, pystr::new_str(&key), finder.clone())?;
    }
    Ok((!none::is_none(&finder)).then_some(finder))
}

/// What a directory holds under a module name.
#[derive(Debug, PartialEq, Eq)]
enum Found {
    /// A regular package: its `__init__.py` and its directory.
    Package(String, String),
    /// A source module.
    Module(String),
    /// A directory without `__init__.py`: a namespace package portion.
    Namespace(String),
}

/// FileFinder's order: a package directory with `__init__.py`, then
/// `tail.py`, then a bare directory (a namespace portion).
fn locate_in_dir(dir: &str, tail: &str) -> Option<Found> {
    let base = if dir.is_empty() { std::path::PathBuf::from(".") } else { std::path::PathBuf::from(dir) };
    let pkg_dir = base.join(tail);
    let is_dir = pkg_dir.is_dir();
    if is_dir {
        let init = pkg_dir.join("__init__.py");
        if init.is_file() {
            return Some(Found::Package(init.to_string_lossy().into_owned(), pkg_dir.to_string_lossy().into_owned()));
        }
    }
    let file = base.join(format!("{tail}.py"));
    if file.is_file() {
        return Some(Found::Module(file.to_string_lossy().into_owned()));
    }
    is_dir.then(|| Found::Namespace(pkg_dir.to_string_lossy().into_owned()))
}

/// FileFinder's lookup of the last component of `fullname` in `dir`, as a spec.
pub fn find_in_dir(ts: &ThreadState, dir: &str, fullname: &str) -> PyResult<Option<Value>> {
    let tail = fullname.rsplit('.').next().unwrap_or(fullname);
    match locate_in_dir(dir, tail) {
        Some(Found::Package(init, pkg_dir)) => {
            let loader = spec::new_source_loader(fullname, &init)?;
            Ok(Some(spec::new_spec(ts, fullname, loader, Some(&init), Some(vec![pkg_dir]), true)?))
        }
        Some(Found::Module(file)) => {
            let loader = spec::new_source_loader(fullname, &file)?;
            Ok(Some(spec::new_spec(ts, fullname, loader, Some(&file), None, true)?))
        }
        Some(Found::Namespace(pkg_dir)) => Ok(Some(spec::new_spec(ts, fullname, none::none(), None, Some(vec![pkg_dir]), false)?)),
        None => Ok(None),
    }
}

/// importlib's `_init_module_attrs`.
fn init_module_attrs(ts: &ThreadState, sp: &Value, m: &Value) -> PyResult<()> {
    let get = |n: &str| spec::spec_get(ts, sp, n);
    let has = |n: &str| protocol::lookup_attr(ts, m, &s(n)).map(|v| v.is_some_and(|v| !none::is_none(&v)));
    if !has("__name__")? {
        protocol::setattr(ts, m, &s("__name__"), Some(&get("name")?))?;
    }
    if !has("__loader__")? {
        protocol::setattr(ts, m, &s("__loader__"), Some(&get("loader")?))?;
    }
    if !has("__package__")? {
        protocol::setattr(ts, m, &s("__package__"), Some(&get("parent")?))?;
    }
    protocol::setattr(ts, m, &s("__spec__"), Some(sp))?;
    let locations = get("submodule_search_locations")?;
    if !none::is_none(&locations) && !has("__path__")? {
        protocol::setattr(ts, m, &s("__path__"), Some(&locations))?;
    }
    if protocol::is_true(ts, &get("has_location")?)? {
        if !has("__file__")? {
            protocol::setattr(ts, m, &s("__file__"), Some(&get("origin")?))?;
        }
        if !has("__cached__")? {
            protocol::setattr(ts, m, &s("__cached__"), Some(&get("cached")?))?;
        }
    }
    Ok(())
}

/// Mark a spec as executing its module (for the circular import message).
fn set_initializing(ts: &ThreadState, sp: &Value, on: bool) -> PyResult<()> {
    protocol::setattr(ts, sp, &s("_initializing"), Some(&crate::types::bool_::new_bool(on)))
}

/// importlib's `_load_unlocked`: create the module, put it in sys.modules
/// before its body runs, execute it; on failure it leaves sys.modules.
pub fn load_spec(ts: &ThreadState, sp: &Value) -> PyResult<Value> {
    let m = load_spec_quietly(ts, sp)?;
    // `-v`: importlib's "import 'name' # loader" message, on sys.stderr.
    if ts.interp().config.verbose > 0 {
        let name = spec::spec_get(ts, sp, "name").and_then(|n| protocol::repr_string(ts, &n));
        let loader = spec::spec_get(ts, sp, "loader").and_then(|l| protocol::repr_string(ts, &l));
        if let (Ok(name), Ok(loader)) = (name, loader) {
            crate::modules::sys::write_stderr(ts, &format!("import {name} # {loader}\n"));
        }
    }
    Ok(m)
}

fn load_spec_quietly(ts: &ThreadState, sp: &Value) -> PyResult<Value> {
    let name_v = spec::spec_get(ts, sp, "name")?;
    let name = str_of(&name_v).ok_or_else(|| PyErr::type_error("module name must be str"))?;
    let loader = spec::spec_get(ts, sp, "loader")?;
    let modules = ts.interp().modules();
    if loader.is(&spec::BUILTIN_IMPORTER_TYPE.to_value()) {
        let m = match crate::modules::create_builtin(ts, &name) {
            Some(r) => r?,
            None => return Err(import_error_with_name(&format!("no built-in module named {name}"), &name)),
        };
        init_module_attrs(ts, sp, &m)?;
        dict::dict_set_item(ts, &modules, pystr::new_str(&name), m.clone())?;
        return Ok(get_module(ts, &name).unwrap_or(m));
    }
    if none::is_none(&loader) {
        return Err(import_error_with_name("missing loader", &name));
    }
    let created = if loader.downcast::<spec::SourceFileLoader>().is_some() || loader.downcast::<spec::NamespaceLoader>().is_some() {
        None
    } else {
        match protocol::lookup_attr(ts, &loader, &s("create_module"))? {
            Some(f) => Some(protocol::call(ts, &f, std::slice::from_ref(sp), None)?).filter(|m| !none::is_none(m)),
            None => return Err(PyErr::new(&exc::IMPORT_ERROR, "loaders that define exec_module() must also define create_module()")),
        }
    };
    let m = match created {
        Some(m) => m,
        None => module::new_module(&name)?,
    };
    init_module_attrs(ts, sp, &m)?;
    if let Some(d) = module::module_dict(&m) {
        if dict::dict_get_str(&d, &s("__builtins__")).is_none() {
            dict::dict_set_item(ts, &d, s("__builtins__"), crate::modules::builtins_module(ts))?;
        }
    }
    dict::dict_set_item(ts, &modules, pystr::new_str(&name), m.clone())?;
    set_initializing(ts, sp, true)?;
    let result = if let Some(l) = loader.downcast::<spec::SourceFileLoader>() {
        let path = str_of(&l.path).unwrap_or_default();
        match module::module_dict(&m) {
            Some(d) => exec_source_module(ts, &name, &path, &d),
            None => Err(PyErr::system_error("module without dict")),
        }
    } else if loader.downcast::<spec::NamespaceLoader>().is_some() {
        // importlib sets __file__ to None on namespace packages.
        protocol::setattr(ts, &m, &s("__file__"), Some(&none::none()))
    } else {
        match protocol::lookup_attr(ts, &loader, &s("exec_module"))? {
            Some(f) => protocol::call(ts, &f, std::slice::from_ref(&m), None).map(|_| ()),
            None => Err(PyErr::new(&exc::IMPORT_ERROR, "loader has no exec_module()")),
        }
    };
    // The module's own outcome matters more than this flag's.
    let _ = set_initializing(ts, sp, false);
    if let Err(e) = result {
        let _ = dict::dict_del_item(ts, &modules, &pystr::new_str(&name));
        return Err(e);
    }
    // The module may have replaced itself in sys.modules.
    match dict::dict_get_item(ts, &modules, &pystr::new_str(&name))? {
        Some(x) => Ok(x),
        None => Err(import_error_with_name(&format!("Loaded module {name} not found in sys.modules"), &name)),
    }
}

/// Run the source file at `path` in the namespace `d` (through the
/// bytecode cache, as `exec_source_module`, naming the module after the file).
pub fn exec_source_file(ts: &ThreadState, path: &str, d: &Value) -> PyResult<()> {
    let p = std::path::Path::new(path);
    let stem = p.file_stem().map(|s| s.to_string_lossy().into_owned()).unwrap_or_default();
    let name = if stem == "__init__" {
        p.parent().and_then(|d| d.file_name()).map(|s| s.to_string_lossy().into_owned()).unwrap_or(stem)
    } else {
        stem
    };
    exec_source_module(ts, &name, path, d)
}

/// Run the source module `name` at `path` in the namespace `d`: its code
/// comes from the bytecode cache when current, else from compiling it.
pub fn exec_source_module(ts: &ThreadState, name: &str, path: &str, d: &Value) -> PyResult<()> {
    let read = || {
        std::fs::read(path).map_err(|e| {
            let err = PyErr::new(&exc::IMPORT_ERROR, e.to_string());
            set_import_error_fields(&err, None, Some(path));
            err
        })
    };
    let code = pyc::source_code(ts, name, path, read)?;
    crate::eval::ceval::eval_code(ts, &code, d, Some(d))?;
    Ok(())
}

/// IMPORT_FROM: `from module import name`.
pub fn import_from(ts: &ThreadState, module_v: &Value, name: &Value) -> PyResult<Value> {
    if let Some(v) = protocol::lookup_attr(ts, module_v, name)? {
        return Ok(v);
    }
    // A submodule imported under its full name (circular imports).
    let modname = protocol::lookup_attr(ts, module_v, &s("__name__"))?.and_then(|m| str_of(&m));
    if let Some(mn) = &modname {
        if let Some(m) = get_module(ts, &format!("{}.{}", mn, pystr::as_rust_str(name))) {
            return Ok(m);
        }
    }
    let name_repr = protocol::repr_string(ts, name)?;
    let mn_repr = protocol::repr_string(ts, &pystr::new_str(modname.as_deref().unwrap_or("<unknown module name>")))?;
    let file = module::module_dict(module_v)
        .filter(|_| module_v.downcast::<module::PyModule>().is_some())
        .and_then(|d| dict::dict_get_str(&d, &s("__file__")))
        .and_then(|f| str_of(&f));
    let e = match &file {
        Some(f) => {
            let spec = protocol::lookup_attr(ts, module_v, &s("__spec__"))?;
            let initializing = match spec.filter(|sp| !none::is_none(sp)) {
                Some(sp) => match protocol::lookup_attr(ts, &sp, &s("_initializing"))? {
                    Some(v) => protocol::is_true(ts, &v)?,
                    None => false,
                },
                None => false,
            };
            let msg = if initializing {
                format!("cannot import name {name_repr} from partially initialized module {mn_repr} (most likely due to a circular import) ({f})")
            } else {
                format!("cannot import name {name_repr} from {mn_repr} ({f})")
            };
            PyErr::new(&exc::IMPORT_ERROR, msg)
        }
        None => PyErr::new(&exc::IMPORT_ERROR, format!("cannot import name {name_repr} from {mn_repr} (unknown location)")),
    };
    set_import_error_fields(&e, modname.as_deref(), file.as_deref());
    Err(e)
}

/// IMPORT_STAR: `from module import *` into `locals`.
pub fn import_star(ts: &ThreadState, module_v: &Value, locals: &Value) -> PyResult<()> {
    let (names, from_all): (Vec<Value>, bool) = match protocol::lookup_attr(ts, module_v, &s("__all__"))? {
        Some(all) => (protocol::collect(ts, &all)?, true),
        None => {
            let d = match protocol::lookup_attr(ts, module_v, &s("__dict__"))? {
                Some(d) => d,
                None => return Err(PyErr::new(&exc::IMPORT_ERROR, "from-import-* object has no __dict__ and no __all__")),
            };
            let keys = match dict::as_dict(&d) {
                Some(x) => x.keys(),
                None => protocol::collect(ts, &protocol::call_method(ts, &d, "keys", &[])?)?,
            };
            (keys, false)
        }
    };
    for n in names {
        if pystr::as_pystr(&n).is_none() {
            let modname = protocol::lookup_attr(ts, module_v, &s("__name__"))?.and_then(|m| str_of(&m)).unwrap_or_default();
            let what = if from_all { format!("{modname}.__all__") } else { format!("{modname}.__dict__") };
            return Err(PyErr::type_error(format!("{} in {what} must be str, not {}", if from_all { "Item" } else { "Key" }, protocol::type_name(&n))));
        }
        if !from_all && pystr::as_rust_str(&n).starts_with('_') {
            continue;
        }
        let v = protocol::getattr(ts, module_v, &n)?;
        if dict::as_dict(locals).is_some() {
            dict::dict_set_item(ts, locals, n, v)?;
        } else {
            protocol::setitem(ts, locals, &n, Some(&v))?;
        }
    }
    Ok(())
}

/// Set up sys.meta_path, sys.path_hooks and sys.path_importer_cache, and
/// give the modules created before the import system a spec.
pub fn init_import_system(ts: &ThreadState) -> PyResult<()> {
    let set = |name: &str, v: Value| -> PyResult<()> {
        if let Some(sys) = ts.interp().sys.borrow().clone() {
            protocol::setattr(ts, &sys, &s(name), Some(&v))?;
        }
        Ok(())
    };
    set("meta_path", list::new_list(vec![spec::BUILTIN_IMPORTER_TYPE.to_value(), spec::PATH_FINDER_TYPE.to_value()])?)?;
    let hook = Value::new(crate::types::function::PyBuiltinFunction {
        name: "path_hook_for_FileFinder",
        func: spec::file_finder_hook,
        self_: None,
        module: Some("_frozen_importlib_external"),
    })?;
    set("path_hooks", list::new_list(vec![hook])?)?;
    set("path_importer_cache", dict::new_dict())?;
    for name in ["sys", "builtins"] {
        if let Some(m) = get_module(ts, name) {
            let sp = spec::new_spec(ts, name, spec::BUILTIN_IMPORTER_TYPE.to_value(), Some("built-in"), None, false)?;
            protocol::setattr(ts, &m, &s("__spec__"), Some(&sp))?;
            protocol::setattr(ts, &m, &s("__loader__"), Some(&spec::BUILTIN_IMPORTER_TYPE.to_value()))?;
            protocol::setattr(ts, &m, &s("__package__"), Some(&pystr::new_str("")))?;
        }
    }
    Ok(())
}

/// The spec of the code `-m name` runs: the module, or a package's
/// `__main__` submodule (runpy's `_get_module_details`). Err(message) is
/// what the command line prints after the program name.
fn main_module_spec(ts: &ThreadState, name: &str) -> PyResult<Result<Value, String>> {
    if name.starts_with('.') {
        return Ok(Err("Relative module names not supported".into()));
    }
    if let Some((parent, _)) = name.rsplit_once('.') {
        if let Err(e) = import_absolute(ts, parent) {
            if !e.matches(&exc::IMPORT_ERROR) {
                return Err(e);
            }
            let missing = e.value().downcast::<exc::PyBaseException>().and_then(|b| b.field(1)).and_then(|n| str_of(&n));
            // A missing parent is "No module named"; other failures name the module.
            let text = protocol::str_string(ts, e.value())?;
            if missing.as_deref().is_some_and(|m| m != parent && !parent.starts_with(&format!("{m}."))) || !e.matches(&exc::MODULE_NOT_FOUND_ERROR) {
                return Err(e);
            }
            return Ok(Err(format!(
                "Error while finding module specification for '{name}' ({}: {text})",
                e.value().type_of().name()
            )));
        }
    }
    let path = match name.rsplit_once('.') {
        Some((parent, _)) => match get_module(ts, parent) {
            Some(pm) => protocol::lookup_attr(ts, &pm, &s("__path__"))?,
            None => None,
        },
        None => None,
    };
    if name.contains('.') && path.is_none() {
        let parent = name.rsplit_once('.').map_or("", |(p, _)| p);
        return Ok(Err(format!(
            "Error while finding module specification for '{name}' (ModuleNotFoundError: __path__ attribute not found on '{parent}' while trying to find '{name}')"
        )));
    }
    let Some(sp) = find_spec(ts, name, path.as_ref())? else {
        return Ok(Err(format!("No module named {name}")));
    };
    let search = spec::spec_get(ts, &sp, "submodule_search_locations")?;
    if !none::is_none(&search) {
        if name == "__main__" || name.ends_with(".__main__") {
            return Ok(Err("Cannot use package as __main__ module".into()));
        }
        // The package itself runs first, as runpy imports it.
        import_absolute(ts, name)?;
        let main = format!("{name}.__main__");
        return match main_module_spec(ts, &main)? {
            Ok(sp) => Ok(Ok(sp)),
            Err(msg) => Ok(Err(format!("{msg}; '{name}' is a package and cannot be directly executed"))),
        };
    }
    Ok(Ok(sp))
}

/// `-m name`: run a module (or a package's `__main__`) as `__main__`.
/// Returns the exit status when the module cannot be found (the message is
/// already written); errors raised by the module's code are returned.
pub fn run_module_as_main(ts: &ThreadState, name: &str, program: &str, set_path0: bool) -> PyResult<i32> {
    if set_path0 {
        if let (Some(path), Ok(cwd)) = (crate::modules::sys::sys_attr(ts, "path"), std::env::current_dir()) {
            if let Some(l) = path.downcast::<list::PyList>() {
                l.items.borrow_mut().insert(0, pystr::new_str(&cwd.to_string_lossy()));
            }
        }
    }
    let sp = match main_module_spec(ts, name)? {
        Ok(sp) => sp,
        Err(msg) => {
            crate::modules::sys::write_stderr(ts, &format!("{program}: {msg}\n"));
            return Ok(1);
        }
    };
    let loader = spec::spec_get(ts, &sp, "loader")?;
    let origin = spec::spec_get(ts, &sp, "origin")?;
    let Some(l) = loader.downcast::<spec::SourceFileLoader>() else {
        let modname = spec::spec_get(ts, &sp, "name")?;
        crate::modules::sys::write_stderr(ts, &format!("{program}: No code object available for {}\n", protocol::str_string(ts, &modname)?));
        return Ok(1);
    };
    let path = str_of(&l.path).unwrap_or_default();
    let main = get_module(ts, "__main__").ok_or_else(|| PyErr::runtime_error("no __main__"))?;
    let md = module::module_dict(&main).ok_or_else(|| PyErr::runtime_error("no __main__ dict"))?;
    dict::dict_set_item(ts, &md, s("__name__"), pystr::new_str("__main__"))?;
    dict::dict_set_item(ts, &md, s("__file__"), origin.clone())?;
    dict::dict_set_item(ts, &md, s("__cached__"), spec::spec_get(ts, &sp, "cached")?)?;
    dict::dict_set_item(ts, &md, s("__loader__"), loader.clone())?;
    dict::dict_set_item(ts, &md, s("__package__"), spec::spec_get(ts, &sp, "parent")?)?;
    dict::dict_set_item(ts, &md, s("__spec__"), sp.clone())?;
    if let Some(argv) = crate::modules::sys::sys_attr(ts, "argv") {
        if let Some(l) = argv.downcast::<list::PyList>() {
            if let Some(first) = l.items.borrow_mut().first_mut() {
                *first = origin.clone();
            }
        }
    }
    exec_source_module(ts, name, &path, &md)?;
    Ok(0)
}

#[cfg(test)]
mod tests {
    use super::*;

    // Messages and results from python3: importlib._bootstrap._resolve_name
    // and the errors of `from ... import x` in a one-level package.
    #[test]
    fn relative_names() {
        assert_eq!(relative_name("a.b", "c", 1), Ok("a.b.c".to_string()));
        assert_eq!(relative_name("a.b", "c", 2), Ok("a.c".to_string()));
        assert_eq!(relative_name("a.b", "", 2), Ok("a".to_string()));
        assert_eq!(relative_name("a", "x", 2), Err("attempted relative import beyond top-level package"));
        assert_eq!(relative_name("", "x", 1), Err("attempted relative import with no known parent package"));
    }

    #[test]
    fn directory_lookup_order() {
        let root = std::env::temp_dir().join(format!("pyrite-import-test-{}", std::process::id()));
        let _ = std::fs::remove_dir_all(&root);
        std::fs::create_dir_all(root.join("pkg")).expect("temp dir");
        std::fs::write(root.join("pkg").join("__init__.py"), "").expect("write");
        std::fs::write(root.join("pkg.py"), "").expect("write");
        std::fs::create_dir_all(root.join("ns")).expect("temp dir");
        std::fs::write(root.join("mod.py"), "").expect("write");
        let dir = root.to_string_lossy().into_owned();
        let p = |x: &str| root.join(x).to_string_lossy().into_owned();
        // A package wins over a module of the same name.
        assert_eq!(locate_in_dir(&dir, "pkg"), Some(Found::Package(p("pkg/__init__.py"), p("pkg"))));
        assert_eq!(locate_in_dir(&dir, "mod"), Some(Found::Module(p("mod.py"))));
        assert_eq!(locate_in_dir(&dir, "ns"), Some(Found::Namespace(p("ns"))));
        assert_eq!(locate_in_dir(&dir, "missing"), None);
        let _ = std::fs::remove_dir_all(&root);
    }
}
