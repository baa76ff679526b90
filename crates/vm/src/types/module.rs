//! `module`: a namespace with a dict (`types.ModuleType`).

use crate::object::protocol;
use crate::object::typeobj::{PyType, TypeObject, TPFLAGS_BASETYPE, TPFLAGS_HAVE_GC};
use crate::object::value::{PyObject, PyPayload, Value};
use crate::runtime::errors::{PyErr, PyResult};
use crate::runtime::thread::ThreadState;
use crate::types::{descr, dict, exceptions, none, str as pystr};

pub struct PyModule {
    pub dict: Value,
    /// Created natively by the runtime (a built-in module): its repr says
    /// `(built-in)` when it has no spec, as CPython's BuiltinImporter gives.
    pub native: bool,
    /// The name given at creation (CPython's md_name): `-v` reports it when
    /// the module ends, after its dict may have been cleared.
    name: std::cell::RefCell<Option<Value>>,
}

pub static MODULE_TYPE: PyType = PyObject::new_static(
    &super::typeobject::TYPE_TYPE,
    TypeObject::builtin::<PyModule>("module", &MODULE_TYPE, Some(&super::object::OBJECT_TYPE), TPFLAGS_BASETYPE | TPFLAGS_HAVE_GC),
);

impl PyPayload for PyModule {
    fn class() -> &'static PyType {
        &MODULE_TYPE
    }
}

/// `-v` reports each module object's end, as CPython's module_dealloc.
impl Drop for PyModule {
    fn drop(&mut self) {
        let Some(ts) = ThreadState::current() else { return };
        if ts.interp().config.verbose == 0 {
            return;
        }
        if let Some(name) = self.name.borrow().as_ref().and_then(pystr::try_as_rust_str) {
            crate::modules::sys::write_stderr(ts, &format!("# destroy {name}\n"));
        }
    }
}

/// A new module named `name` with the standard attributes.
pub fn new_module(name: &str) -> PyResult<Value> {
    let d = dict::new_dict();
    dict::dict_set_str(&d, "__name__", pystr::new_str(name));
    dict::dict_set_str(&d, "__doc__", none::none());
    dict::dict_set_str(&d, "__package__", none::none());
    dict::dict_set_str(&d, "__loader__", none::none());
    dict::dict_set_str(&d, "__spec__", none::none());
    Value::new(PyModule { dict: d, native: true, name: std::cell::RefCell::new(Some(pystr::new_str(name))) })
}

/// The module's dict.
pub fn module_dict(m: &Value) -> Option<Value> {
    m.downcast::<PyModule>().map(|m| m.dict.clone())
}

fn module_getattro(ts: &ThreadState, m: &Value, name: &Value) -> PyResult<Value> {
    match protocol::generic_getattr(ts, m, name) {
        Ok(v) => Ok(v),
        Err(e) if e.matches(&exceptions::ATTRIBUTE_ERROR) => {
            let md = m.downcast::<PyModule>().ok_or(e)?;
            if let Some(getattr) = dict::dict_get_str(&md.dict, &pystr::intern("__getattr__")) {
                return protocol::call(ts, &getattr, std::slice::from_ref(name), None);
            }
            let modname = dict::dict_get_str(&md.dict, &pystr::intern("__name__"));
            let err = match modname.as_ref().and_then(pystr::try_as_rust_str) {
                Some(n) => PyErr::attribute_error(format!("module '{}' has no attribute '{}'", n, pystr::as_rust_str(name))),
                None => PyErr::attribute_error(format!("module has no attribute '{}'", pystr::as_rust_str(name))),
            };
            exceptions::set_attribute_error_context(err.value(), m, name);
            Err(err)
        }
        Err(e) => Err(e),
    }
}

/// importlib's `_module_repr`: from the spec when there is one, else from
/// `__file__` and `__loader__`.
fn module_repr(ts: &ThreadState, m: &Value) -> PyResult<Value> {
    let md = m.downcast::<PyModule>().ok_or_else(|| PyErr::type_error("module expected"))?;
    let get = |k: &str| dict::dict_get_str(&md.dict, &pystr::intern(k));
    let name = match get("__name__") {
        Some(n) => protocol::repr_string(ts, &n)?,
        None => "'?'".into(),
    };
    if let Some(spec) = get("__spec__").filter(|s| !none::is_none(s)) {
        let origin = protocol::lookup_attr(ts, &spec, &pystr::intern("origin"))?.filter(|o| !none::is_none(o));
        if let Some(origin) = origin {
            let has_location = match protocol::lookup_attr(ts, &spec, &pystr::intern("has_location"))? {
                Some(h) => protocol::is_true(ts, &h)?,
                None => false,
            };
            return Ok(pystr::new_str(&if has_location {
                format!("<module {} from {}>", name, protocol::repr_string(ts, &origin)?)
            } else {
                format!("<module {} ({})>", name, protocol::str_string(ts, &origin)?)
            }));
        }
        // No origin (namespace packages): the loader names it, as importlib's _module_repr_from_spec.
        return Ok(pystr::new_str(&match protocol::lookup_attr(ts, &spec, &pystr::intern("loader"))?.filter(|l| !none::is_none(l)) {
            Some(l) => format!("<module {} ({})>", name, protocol::repr_string(ts, &l)?),
            None => format!("<module {}>", name),
        }));
    }
    if let Some(f) = get("__file__") {
        return Ok(pystr::new_str(&format!("<module {} from {}>", name, protocol::repr_string(ts, &f)?)));
    }
    match get("__loader__").filter(|l| !none::is_none(l)) {
        Some(l) => Ok(pystr::new_str(&format!("<module {} ({})>", name, protocol::repr_string(ts, &l)?))),
        None if md.native => Ok(pystr::new_str(&format!("<module {} (built-in)>", name))),
        None => Ok(pystr::new_str(&format!("<module {}>", name))),
    }
}

fn module_new(_ts: &ThreadState, cls: &Value, _args: &[Value], _kw: Option<&Value>) -> PyResult<Value> {
    Value::new_instance(cls, PyModule { dict: dict::new_dict(), native: false, name: std::cell::RefCell::new(None) })
}

fn module_init(ts: &ThreadState, m: &Value, args: &[Value], kw: Option<&Value>) -> PyResult<()> {
    let total = args.len();
    if total > 2 {
        return Err(PyErr::type_error(format!("module() takes at most 2 arguments ({total} given)")));
    }
    let [name, doc] = crate::object::args::bind("module", args, kw, ["name", "doc"], 0, 1, 2)?;
    let md = m.downcast::<PyModule>().ok_or_else(|| PyErr::type_error("module expected"))?;
    let name = name.unwrap_or_else(none::none);
    if !name.type_of().is_subtype(&pystr::STR_TYPE) {
        return Err(PyErr::type_error(format!(
            "module() argument 'name' must be str, not {}",
            protocol::type_name(&name)
        )));
    }
    *md.name.borrow_mut() = Some(name.clone());
    dict::dict_set_item(ts, &md.dict, pystr::intern("__name__"), name)?;
    dict::dict_set_item(ts, &md.dict, pystr::intern("__doc__"), doc.unwrap_or_else(none::none))?;
    for k in ["__package__", "__loader__", "__spec__"] {
        dict::dict_set_item(ts, &md.dict, pystr::intern(k), none::none())?;
    }
    Ok(())
}

fn module_dict_attr(_ts: &ThreadState, m: &Value) -> PyResult<Value> {
    Ok(m.downcast::<PyModule>().map(|x| x.dict.clone()).unwrap_or_else(none::none))
}

pub fn init() {
    let s = &MODULE_TYPE.data.slots;
    s.getattro.set(Some(module_getattro));
    s.setattro.set(Some(protocol::generic_setattr));
    s.repr.set(Some(module_repr));
    s.new.set(Some(module_new));
    s.init.set(Some(module_init));
    descr::add_getsets(&MODULE_TYPE, &[("__dict__", module_dict_attr, None)]);
}
