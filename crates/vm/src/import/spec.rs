//! The objects of the import protocol, native: `ModuleSpec`, the
//! `BuiltinImporter` and `PathFinder` meta path finders, the `FileFinder`
//! path entry finder (and its path hook), and the `SourceFileLoader` and
//! `NamespaceLoader` loaders. They carry CPython's names (`_frozen_importlib`,
//! `_frozen_importlib_external`) so reprs and `type(...)` checks read the same;
//! Python-level finders and loaders on sys.meta_path / sys.path_hooks work
//! alongside them through the same protocol.

use crate::object::args;
use crate::object::protocol;
use crate::object::typeobj::{CompareOp, PyType, TypeObject, TPFLAGS_BASETYPE};
use crate::object::value::{PyObject, PyPayload, Value};
use crate::runtime::errors::{PyErr, PyResult};
use crate::runtime::thread::ThreadState;
use crate::types::{bool_, dict, exceptions as exc, list, none, str as pystr};

type Args<'a> = &'a [Value];
type Kw<'a> = Option<&'a Value>;

/// A spec: its attributes live in a dict so that any may be set (importlib
/// sets `_initializing`, `loader_state`, `cached` and others).
pub struct ModuleSpec {
    attrs: Value,
}

/// `BuiltinImporter` and `PathFinder` are used as classes (their methods are
/// class methods), as CPython's are; instances carry nothing.
pub struct Unit;

/// A path entry finder for one directory.
pub struct FileFinder {
    pub path: String,
}

/// Loads a `.py` file as a module.
pub struct SourceFileLoader {
    pub name: Value,
    pub path: Value,
}

/// `__path__` of a namespace package: a list-like of its portions
/// (CPython's also recomputes itself when the parent path changes).
pub struct NamespacePath {
    pub items: Value,
}

/// The loader of namespace packages.
pub struct NamespaceLoader {
    pub name: Value,
}

macro_rules! native_type {
    ($st:ident, $payload:ty, $name:literal, $flags:expr) => {
        pub static $st: PyType = PyObject::new_static(
            &crate::types::typeobject::TYPE_TYPE,
            TypeObject::builtin::<$payload>($name, &$st, Some(&crate::types::object::OBJECT_TYPE), $flags),
        );
    };
}
native_type!(MODULE_SPEC_TYPE, ModuleSpec, "_frozen_importlib.ModuleSpec", TPFLAGS_BASETYPE);
native_type!(BUILTIN_IMPORTER_TYPE, Unit, "_frozen_importlib.BuiltinImporter", TPFLAGS_BASETYPE);
native_type!(PATH_FINDER_TYPE, Unit, "_frozen_importlib_external.PathFinder", TPFLAGS_BASETYPE);
native_type!(FILE_FINDER_TYPE, FileFinder, "_frozen_importlib_external.FileFinder", TPFLAGS_BASETYPE);
native_type!(SOURCE_LOADER_TYPE, SourceFileLoader, "_frozen_importlib_external.SourceFileLoader", TPFLAGS_BASETYPE);
native_type!(NAMESPACE_PATH_TYPE, NamespacePath, "_frozen_importlib_external._NamespacePath", 0);
native_type!(NAMESPACE_LOADER_TYPE, NamespaceLoader, "_frozen_importlib_external.NamespaceLoader", TPFLAGS_BASETYPE);

impl PyPayload for ModuleSpec {
    fn class() -> &'static PyType {
        &MODULE_SPEC_TYPE
    }
}
impl PyPayload for Unit {
    fn class() -> &'static PyType {
        &BUILTIN_IMPORTER_TYPE
    }
}
impl PyPayload for FileFinder {
    fn class() -> &'static PyType {
        &FILE_FINDER_TYPE
    }
}
impl PyPayload for SourceFileLoader {
    fn class() -> &'static PyType {
        &SOURCE_LOADER_TYPE
    }
}
impl PyPayload for NamespacePath {
    fn class() -> &'static PyType {
        &NAMESPACE_PATH_TYPE
    }
}
impl PyPayload for NamespaceLoader {
    fn class() -> &'static PyType {
        &NAMESPACE_LOADER_TYPE
    }
}

/// The static types of the import system.
pub fn types() -> Vec<&'static PyType> {
    vec![&MODULE_SPEC_TYPE, &BUILTIN_IMPORTER_TYPE, &PATH_FINDER_TYPE, &FILE_FINDER_TYPE, &SOURCE_LOADER_TYPE, &NAMESPACE_LOADER_TYPE, &NAMESPACE_PATH_TYPE]
}

fn s(name: &str) -> Value {
    pystr::intern(name)
}

/// A new spec (`ModuleSpec(name, loader, origin=..., is_package=...)`).
pub fn new_spec(ts: &ThreadState, name: &str, loader: Value, origin: Option<&str>, search: Option<Vec<String>>, has_location: bool) -> PyResult<Value> {
    let attrs = dict::new_dict();
    dict::dict_set_item(ts, &attrs, s("name"), pystr::new_str(name))?;
    dict::dict_set_item(ts, &attrs, s("loader"), loader)?;
    dict::dict_set_item(ts, &attrs, s("origin"), origin.map_or_else(none::none, pystr::new_str))?;
    dict::dict_set_item(ts, &attrs, s("loader_state"), none::none())?;
    let search = match search {
        Some(dirs) => list::new_list(dirs.iter().map(|d| pystr::new_str(d)).collect())?,
        None => none::none(),
    };
    dict::dict_set_item(ts, &attrs, s("submodule_search_locations"), search)?;
    dict::dict_set_item(ts, &attrs, s("_set_fileattr"), bool_::new_bool(has_location))?;
    // importlib's _get_cached: the bytecode cache of a source file.
    let cached = match origin.filter(|o| has_location && o.ends_with(".py")) {
        Some(o) => pystr::new_str(&super::pyc::cache_path(ts, o)),
        None => none::none(),
    };
    dict::dict_set_item(ts, &attrs, s("cached"), cached)?;
    // CPython 3.11.7's ModuleSpec has it; importlib._bootstrap appends to it.
    dict::dict_set_item(ts, &attrs, s("_uninitialized_submodules"), list::new_list(vec![])?)?;
    Value::new(ModuleSpec { attrs })
}

fn spec_attrs(v: &Value) -> PyResult<&Value> {
    v.downcast::<ModuleSpec>().map(|sp| &sp.attrs).ok_or_else(|| PyErr::type_error("ModuleSpec expected"))
}

fn spec_new(ts: &ThreadState, cls: &Value, a: Args, k: Kw) -> PyResult<Value> {
    let [name, loader, origin, loader_state, is_package] =
        args::bind("ModuleSpec", a, k, ["name", "loader", "origin", "loader_state", "is_package"], 0, 2, 2)?;
    let attrs = dict::new_dict();
    dict::dict_set_item(ts, &attrs, s("name"), name.unwrap_or_else(none::none))?;
    dict::dict_set_item(ts, &attrs, s("loader"), loader.unwrap_or_else(none::none))?;
    dict::dict_set_item(ts, &attrs, s("origin"), origin.unwrap_or_else(none::none))?;
    dict::dict_set_item(ts, &attrs, s("loader_state"), loader_state.unwrap_or_else(none::none))?;
    let is_pkg = match is_package {
        Some(p) => protocol::is_true(ts, &p)?,
        None => false,
    };
    dict::dict_set_item(ts, &attrs, s("submodule_search_locations"), if is_pkg { list::new_list(vec![])? } else { none::none() })?;
    dict::dict_set_item(ts, &attrs, s("_set_fileattr"), bool_::new_bool(false))?;
    dict::dict_set_item(ts, &attrs, s("cached"), none::none())?;
    dict::dict_set_item(ts, &attrs, s("_uninitialized_submodules"), list::new_list(vec![])?)?;
    Value::new_instance(cls, ModuleSpec { attrs })
}

fn spec_getattro(ts: &ThreadState, v: &Value, name: &Value) -> PyResult<Value> {
    let attrs = spec_attrs(v)?;
    if let Some(x) = dict::dict_get_item(ts, attrs, name)? {
        return Ok(x);
    }
    protocol::generic_getattr(ts, v, name)
}

fn spec_setattro(ts: &ThreadState, v: &Value, name: &Value, value: Option<&Value>) -> PyResult<()> {
    let n = pystr::as_rust_str(name);
    if n == "has_location" {
        let b = match value {
            Some(x) => protocol::is_true(ts, x)?,
            None => return Err(PyErr::attribute_error("can't delete attribute")),
        };
        return dict::dict_set_item(ts, spec_attrs(v)?, s("_set_fileattr"), bool_::new_bool(b));
    }
    if n == "parent" {
        return Err(PyErr::attribute_error("property 'parent' of 'ModuleSpec' object has no setter"));
    }
    let attrs = spec_attrs(v)?;
    match value {
        Some(x) => dict::dict_set_item(ts, attrs, name.clone(), x.clone()),
        None => match dict::dict_del_item(ts, attrs, name)? {
            Some(_) => Ok(()),
            None => Err(protocol::no_attribute(v, name)),
        },
    }
}

/// `spec.attr` as a Python value (None when missing).
pub fn spec_get(ts: &ThreadState, spec: &Value, name: &str) -> PyResult<Value> {
    Ok(protocol::lookup_attr(ts, spec, &s(name))?.unwrap_or_else(none::none))
}

fn spec_parent(ts: &ThreadState, v: &Value) -> PyResult<Value> {
    let attrs = spec_attrs(v)?;
    let name = dict::dict_get_item(ts, attrs, &s("name"))?.unwrap_or_else(none::none);
    let search = dict::dict_get_item(ts, attrs, &s("submodule_search_locations"))?.unwrap_or_else(none::none);
    let Some(n) = pystr::try_as_rust_str(&name).map(|n| n.into_owned()) else { return Ok(name) };
    if none::is_none(&search) {
        Ok(pystr::new_str(n.rsplit_once('.').map_or("", |(p, _)| p)))
    } else {
        Ok(name)
    }
}

fn spec_has_location(ts: &ThreadState, v: &Value) -> PyResult<Value> {
    let attrs = spec_attrs(v)?;
    let f = dict::dict_get_item(ts, attrs, &s("_set_fileattr"))?.unwrap_or_else(bool_::false_value);
    Ok(bool_::new_bool(protocol::is_true(ts, &f)?))
}

fn spec_repr(ts: &ThreadState, v: &Value) -> PyResult<Value> {
    let get = |n: &str| spec_get(ts, v, n);
    let mut parts = vec![
        format!("name={}", protocol::repr_string(ts, &get("name")?)?),
        format!("loader={}", protocol::repr_string(ts, &get("loader")?)?),
    ];
    let origin = get("origin")?;
    if !none::is_none(&origin) {
        parts.push(format!("origin={}", protocol::repr_string(ts, &origin)?));
    }
    let search = get("submodule_search_locations")?;
    if !none::is_none(&search) {
        parts.push(format!("submodule_search_locations={}", protocol::str_string(ts, &search)?));
    }
    let cls = protocol::type_qualname(v.type_of());
    let cls = cls.rsplit('.').next().unwrap_or(&cls).to_string();
    Ok(pystr::new_str(&format!("{cls}({})", parts.join(", "))))
}

fn spec_richcompare(ts: &ThreadState, v: &Value, w: &Value, op: CompareOp) -> PyResult<Value> {
    if !matches!(op, CompareOp::Eq | CompareOp::Ne) || w.downcast::<ModuleSpec>().is_none() {
        return Ok(none::not_implemented());
    }
    let mut eq = true;
    for n in ["name", "loader", "origin", "cached", "submodule_search_locations"] {
        if !protocol::eq(ts, &spec_get(ts, v, n)?, &spec_get(ts, w, n)?)? {
            eq = false;
            break;
        }
    }
    if eq {
        eq = protocol::is_true(ts, &spec_has_location(ts, v)?)? == protocol::is_true(ts, &spec_has_location(ts, w)?)?;
    }
    Ok(bool_::new_bool(if op == CompareOp::Eq { eq } else { !eq }))
}

fn builtin_find_spec(ts: &ThreadState, cls: &Value, a: Args, k: Kw) -> PyResult<Value> {
    let [fullname, _path, _target] = args::bind("find_spec", a, k, ["fullname", "path", "target"], 0, 1, 3)?;
    let fullname = fullname.unwrap_or_else(none::none);
    let Some(name) = pystr::try_as_rust_str(&fullname).map(|n| n.into_owned()) else { return Ok(none::none()) };
    if crate::modules::builtin_module_names().contains(&name.as_str()) {
        return new_spec(ts, &name, cls.clone(), Some("built-in"), None, false);
    }
    Ok(none::none())
}

fn builtin_create_module(ts: &ThreadState, _cls: &Value, a: Args, k: Kw) -> PyResult<Value> {
    let a = args::exact("create_module", a, k, 1)?;
    let name = spec_get(ts, &a[0], "name")?;
    let n = pystr::try_as_rust_str(&name).map(|n| n.into_owned()).unwrap_or_default();
    match crate::modules::create_builtin(ts, &n) {
        Some(r) => r,
        None => Err(super::import_error_with_name(&format!("no built-in module named {n}"), &n)),
    }
}

fn noop_exec_module(_ts: &ThreadState, _cls: &Value, a: Args, k: Kw) -> PyResult<Value> {
    args::exact("exec_module", a, k, 1)?;
    Ok(none::none())
}

fn path_finder_find_spec(ts: &ThreadState, _cls: &Value, a: Args, k: Kw) -> PyResult<Value> {
    let [fullname, path, _target] = args::bind("find_spec", a, k, ["fullname", "path", "target"], 0, 1, 3)?;
    let fullname = fullname.unwrap_or_else(none::none);
    let Some(name) = pystr::try_as_rust_str(&fullname).map(|n| n.into_owned()) else { return Ok(none::none()) };
    let path = path.filter(|p| !none::is_none(p));
    Ok(super::path_find_spec(ts, &name, path.as_ref())?.unwrap_or_else(none::none))
}

fn path_finder_invalidate_caches(ts: &ThreadState, _cls: &Value, a: Args, k: Kw) -> PyResult<Value> {
    args::exact("invalidate_caches", a, k, 0)?;
    // Entries mapped to None are dropped, as CPython's PathFinder does.
    if let Some(cache) = crate::modules::sys::sys_attr(ts, "path_importer_cache") {
        if let Some(d) = dict::as_dict(&cache) {
            for (key, value) in d.items() {
                if none::is_none(&value) {
                    dict::dict_del_item(ts, &cache, &key)?;
                } else if value.downcast::<FileFinder>().is_none() {
                    if let Some(f) = protocol::lookup_attr(ts, &value, &s("invalidate_caches"))? {
                        protocol::call(ts, &f, &[], None)?;
                    }
                }
            }
        }
    }
    Ok(none::none())
}

/// `FileFinder.path_hook(...)`'s hook: a finder for a directory.
pub fn file_finder_hook(_ts: &ThreadState, _m: &Value, a: Args, k: Kw) -> PyResult<Value> {
    let a = args::exact("path_hook_for_FileFinder", a, k, 1)?;
    let Some(p) = pystr::try_as_rust_str(&a[0]).map(|p| p.into_owned()) else {
        return Err(PyErr::new(&exc::IMPORT_ERROR, "only directories are supported"));
    };
    let dir = if p.is_empty() { ".".to_string() } else { p.clone() };
    if !std::path::Path::new(&dir).is_dir() {
        let e = PyErr::new(&exc::IMPORT_ERROR, "only directories are supported");
        super::set_import_error_fields(&e, None, Some(&p));
        return Err(e);
    }
    Value::new(FileFinder { path: absolute_dir(&p) })
}

/// FileFinder's directory: relative entries are made absolute (CPython 3.11).
fn absolute_dir(p: &str) -> String {
    let path = std::path::Path::new(p);
    if path.is_absolute() {
        return p.to_string();
    }
    match std::env::current_dir() {
        Ok(cwd) if p.is_empty() || p == "." => cwd.to_string_lossy().into_owned(),
        Ok(cwd) => cwd.join(path).to_string_lossy().into_owned(),
        Err(_) => p.to_string(),
    }
}

fn file_finder_new(_ts: &ThreadState, _cls: &Value, a: Args, k: Kw) -> PyResult<Value> {
    let n = args::npositional(a, k);
    let a = args::positional("FileFinder", &a[..n], None, 1, usize::MAX)?;
    let p = pystr::try_as_rust_str(&a[0]).map(|p| p.into_owned()).unwrap_or_default();
    Value::new(FileFinder { path: absolute_dir(&p) })
}

fn file_finder_find_spec(ts: &ThreadState, v: &Value, a: Args, k: Kw) -> PyResult<Value> {
    let [fullname, _target] = args::bind("find_spec", a, k, ["fullname", "target"], 0, 1, 2)?;
    let f = v.downcast::<FileFinder>().ok_or_else(|| PyErr::type_error("FileFinder expected"))?;
    let fullname = fullname.unwrap_or_else(none::none);
    let Some(name) = pystr::try_as_rust_str(&fullname).map(|n| n.into_owned()) else { return Ok(none::none()) };
    Ok(super::find_in_dir(ts, &f.path, &name)?.unwrap_or_else(none::none))
}

fn file_finder_repr(_ts: &ThreadState, v: &Value) -> PyResult<Value> {
    let f = v.downcast::<FileFinder>().ok_or_else(|| PyErr::type_error("FileFinder expected"))?;
    Ok(pystr::new_str(&format!("FileFinder('{}')", f.path)))
}

fn file_finder_path(_ts: &ThreadState, v: &Value) -> PyResult<Value> {
    let f = v.downcast::<FileFinder>().ok_or_else(|| PyErr::type_error("FileFinder expected"))?;
    Ok(pystr::new_str(&f.path))
}

fn noop(_ts: &ThreadState, _v: &Value, _a: Args, _k: Kw) -> PyResult<Value> {
    Ok(none::none())
}

fn loader_of(v: &Value) -> PyResult<&SourceFileLoader> {
    v.downcast::<SourceFileLoader>().ok_or_else(|| PyErr::type_error("SourceFileLoader expected"))
}

fn source_loader_new(_ts: &ThreadState, cls: &Value, a: Args, k: Kw) -> PyResult<Value> {
    let [name, path] = args::bind("SourceFileLoader", a, k, ["fullname", "path"], 0, 2, 2)?;
    Value::new_instance(cls, SourceFileLoader { name: name.unwrap_or_else(none::none), path: path.unwrap_or_else(none::none) })
}

fn source_loader_exec_module(ts: &ThreadState, v: &Value, a: Args, k: Kw) -> PyResult<Value> {
    let a = args::exact("exec_module", a, k, 1)?;
    let l = loader_of(v)?;
    let path = pystr::try_as_rust_str(&l.path).map(|p| p.into_owned()).unwrap_or_default();
    let d = protocol::getattr_str(ts, &a[0], "__dict__")?;
    let name = pystr::try_as_rust_str(&l.name).map(|p| p.into_owned()).unwrap_or_default();
    super::exec_source_module(ts, &name, &path, &d)?;
    Ok(none::none())
}

fn source_loader_get_filename(_ts: &ThreadState, v: &Value, _a: Args, _k: Kw) -> PyResult<Value> {
    Ok(loader_of(v)?.path.clone())
}

fn source_loader_get_source(_ts: &ThreadState, v: &Value, _a: Args, _k: Kw) -> PyResult<Value> {
    let l = loader_of(v)?;
    let path = pystr::try_as_rust_str(&l.path).map(|p| p.into_owned()).unwrap_or_default();
    let bytes = std::fs::read(&path).map_err(|e| PyErr::new(&exc::IMPORT_ERROR, e.to_string()))?;
    Ok(pystr::new_str(&String::from_utf8_lossy(&bytes)))
}

fn source_loader_get_data(ts: &ThreadState, _v: &Value, a: Args, k: Kw) -> PyResult<Value> {
    let a = args::exact("get_data", a, k, 1)?;
    let path = protocol::str_string(ts, &a[0])?;
    let bytes = std::fs::read(&path).map_err(|e| PyErr::new(&exc::OS_ERROR, e.to_string()))?;
    Ok(crate::types::bytes::new_bytes(bytes))
}

fn source_loader_is_package(_ts: &ThreadState, v: &Value, _a: Args, _k: Kw) -> PyResult<Value> {
    let l = loader_of(v)?;
    let path = pystr::try_as_rust_str(&l.path).map(|p| p.into_owned()).unwrap_or_default();
    Ok(bool_::new_bool(std::path::Path::new(&path).file_stem().is_some_and(|s| s == "__init__")))
}

fn source_loader_name(_ts: &ThreadState, v: &Value) -> PyResult<Value> {
    Ok(loader_of(v)?.name.clone())
}
fn source_loader_path(_ts: &ThreadState, v: &Value) -> PyResult<Value> {
    Ok(loader_of(v)?.path.clone())
}

fn namespace_loader_is_package(_ts: &ThreadState, _v: &Value, _a: Args, _k: Kw) -> PyResult<Value> {
    Ok(bool_::new_bool(true))
}

fn namespace_loader_get_source(_ts: &ThreadState, _v: &Value, _a: Args, _k: Kw) -> PyResult<Value> {
    Ok(pystr::new_str(""))
}

/// Fill the static types.
pub fn init() {
    use crate::types::descr::{add_getsets, add_methods, add_methods_kind, MethodKind};
    let sp = &MODULE_SPEC_TYPE.data.slots;
    sp.new.set(Some(spec_new));
    sp.getattro.set(Some(spec_getattro));
    sp.setattro.set(Some(spec_setattro));
    sp.repr.set(Some(spec_repr));
    sp.richcompare.set(Some(spec_richcompare));
    add_getsets(&MODULE_SPEC_TYPE, &[("parent", spec_parent, None), ("has_location", spec_has_location, None)]);
    for t in [&BUILTIN_IMPORTER_TYPE, &PATH_FINDER_TYPE, &FILE_FINDER_TYPE, &SOURCE_LOADER_TYPE, &NAMESPACE_LOADER_TYPE] {
        t.data.slots.getattro.set(Some(protocol::generic_getattr));
    }
    add_methods_kind(
        &BUILTIN_IMPORTER_TYPE,
        &[("find_spec", builtin_find_spec), ("create_module", builtin_create_module), ("exec_module", noop_exec_module)],
        MethodKind::Class,
    );
    add_methods_kind(
        &PATH_FINDER_TYPE,
        &[("find_spec", path_finder_find_spec), ("invalidate_caches", path_finder_invalidate_caches)],
        MethodKind::Class,
    );
    FILE_FINDER_TYPE.data.slots.new.set(Some(file_finder_new));
    FILE_FINDER_TYPE.data.slots.repr.set(Some(file_finder_repr));
    add_methods(&FILE_FINDER_TYPE, &[("find_spec", file_finder_find_spec), ("invalidate_caches", noop)]);
    add_getsets(&FILE_FINDER_TYPE, &[("path", file_finder_path, None)]);
    SOURCE_LOADER_TYPE.data.slots.new.set(Some(source_loader_new));
    add_methods(
        &SOURCE_LOADER_TYPE,
        &[
            ("create_module", noop),
            ("exec_module", source_loader_exec_module),
            ("get_filename", source_loader_get_filename),
            ("get_source", source_loader_get_source),
            ("get_data", source_loader_get_data),
            ("is_package", source_loader_is_package),
        ],
    );
    add_getsets(&SOURCE_LOADER_TYPE, &[("name", source_loader_name, None), ("path", source_loader_path, None)]);
    let ns = &NAMESPACE_PATH_TYPE.data.slots;
    ns.iter.set(Some(ns_iter));
    ns.length.set(Some(ns_len));
    ns.subscript.set(Some(ns_getitem));
    ns.ass_subscript.set(Some(ns_setitem));
    ns.contains.set(Some(ns_contains));
    ns.repr.set(Some(ns_repr));
    ns.getattro.set(Some(protocol::generic_getattr));
    add_methods(&NAMESPACE_PATH_TYPE, &[("append", ns_append)]);
    add_methods(
        &NAMESPACE_LOADER_TYPE,
        &[("create_module", noop), ("exec_module", noop), ("is_package", namespace_loader_is_package), ("get_source", namespace_loader_get_source)],
    );
}

/// A namespace package's `__path__`.
pub fn new_namespace_path(dirs: Vec<String>) -> PyResult<Value> {
    let items = list::new_list(dirs.iter().map(|d| pystr::new_str(d)).collect())?;
    Value::new(NamespacePath { items })
}

fn ns_items(v: &Value) -> PyResult<&Value> {
    v.downcast::<NamespacePath>().map(|n| &n.items).ok_or_else(|| PyErr::type_error("_NamespacePath expected"))
}
fn ns_iter(ts: &ThreadState, v: &Value) -> PyResult<Value> {
    protocol::get_iter(ts, ns_items(v)?)
}
fn ns_len(ts: &ThreadState, v: &Value) -> PyResult<usize> {
    protocol::len(ts, ns_items(v)?)
}
fn ns_getitem(ts: &ThreadState, v: &Value, key: &Value) -> PyResult<Value> {
    protocol::getitem(ts, ns_items(v)?, key)
}
fn ns_setitem(ts: &ThreadState, v: &Value, key: &Value, value: Option<&Value>) -> PyResult<()> {
    protocol::setitem(ts, ns_items(v)?, key, value)
}
fn ns_contains(ts: &ThreadState, v: &Value, x: &Value) -> PyResult<bool> {
    protocol::contains(ts, ns_items(v)?, x)
}
fn ns_repr(ts: &ThreadState, v: &Value) -> PyResult<Value> {
    Ok(pystr::new_str(&format!("_NamespacePath({})", protocol::repr_string(ts, ns_items(v)?)?)))
}
fn ns_append(ts: &ThreadState, v: &Value, a: Args, k: Kw) -> PyResult<Value> {
    let a = args::exact("append", a, k, 1)?;
    protocol::call_method(ts, ns_items(v)?, "append", &[a[0].clone()])
}

/// A loader for the source file at `path`.
pub fn new_source_loader(name: &str, path: &str) -> PyResult<Value> {
    Value::new(SourceFileLoader { name: pystr::new_str(name), path: pystr::new_str(path) })
}

/// A namespace package loader.
pub fn new_namespace_loader(name: &str) -> PyResult<Value> {
    Value::new(NamespaceLoader { name: pystr::new_str(name) })
}

