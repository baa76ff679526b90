//! Descriptors: method descriptors of builtin types (`list.append`),
//! getset descriptors (`int.real`), member descriptors (`__slots__`),
//! `classmethod`, `staticmethod` and `property`.

use std::cell::Cell;

use crate::object::protocol;
use crate::object::typeobj::{CallFn, PyType, TypeObject, TPFLAGS_BASETYPE};
use crate::object::value::{PyObject, PyPayload, Value};
use crate::runtime::errors::{PyErr, PyResult};
use crate::runtime::thread::ThreadState;
use crate::types::{bool_, dict, function, none, str as pystr, tuple};

pub type GetterFn = fn(&ThreadState, &Value) -> PyResult<Value>;
pub type SetterFn = fn(&ThreadState, &Value, Option<&Value>) -> PyResult<()>;

/// How a builtin method binds.
#[derive(Clone, Copy, PartialEq, Eq)]
pub enum MethodKind {
    Instance,
    Class,
    Static,
}

/// `method_descriptor`: a native method found on a builtin type.
pub struct PyMethodDescr {
    pub name: &'static str,
    pub func: CallFn,
    pub owner: &'static PyType,
    pub kind: MethodKind,
}

/// `getset_descriptor`: a native computed attribute.
pub struct PyGetSetDescr {
    pub name: &'static str,
    pub get: GetterFn,
    pub set: Option<SetterFn>,
    pub owner: &'static PyType,
}

/// `member_descriptor`: a `__slots__` entry of a heap type.
pub struct PyMemberDescr {
    pub name: Value,
    pub index: usize,
    pub owner: Value,
}

/// `classmethod` and `staticmethod` wrap a callable.
pub struct PyClassMethod {
    pub callable: Cell<Option<Value>>,
    pub dict: Value,
}

pub struct PyStaticMethod {
    pub callable: Cell<Option<Value>>,
    pub dict: Value,
}

pub struct PyProperty {
    pub fget: Option<Value>,
    pub fset: Option<Value>,
    pub fdel: Option<Value>,
    pub doc: Option<Value>,
    /// The attribute name, recorded by `__set_name__` (for error messages).
    pub name: std::cell::RefCell<Option<Value>>,
}

macro_rules! static_type {
    ($name:ident, $payload:ty, $pyname:literal, $flags:expr) => {
        pub static $name: PyType = PyObject::new_static(
            &super::typeobject::TYPE_TYPE,
            TypeObject::builtin::<$payload>($pyname, &$name, Some(&super::object::OBJECT_TYPE), $flags),
        );
        impl PyPayload for $payload {
            fn class() -> &'static PyType {
                &$name
            }
        }
    };
}

static_type!(METHOD_DESCR_TYPE, PyMethodDescr, "method_descriptor", 0);
/// `classmethod_descriptor` (`dict.fromkeys` in the class dict): a method
/// descriptor of kind Class, sharing the method descriptor's layout.
pub static CLASSMETHOD_DESCR_TYPE_HOLDER: PyType = PyObject::new_static(
    &super::typeobject::TYPE_TYPE,
    TypeObject::builtin_sublayout(
        "classmethod_descriptor",
        &super::object::OBJECT_TYPE,
        &METHOD_DESCR_TYPE,
        std::mem::size_of::<PyObject<PyMethodDescr>>(),
        crate::object::value::dealloc_builtin::<PyMethodDescr>,
        0,
    ),
);
static_type!(GETSET_DESCR_TYPE, PyGetSetDescr, "getset_descriptor", crate::object::typeobj::TPFLAGS_HAVE_GC);
static_type!(MEMBER_DESCR_TYPE, PyMemberDescr, "member_descriptor", crate::object::typeobj::TPFLAGS_HAVE_GC);
static_type!(CLASSMETHOD_TYPE, PyClassMethod, "classmethod", TPFLAGS_BASETYPE | crate::object::typeobj::TPFLAGS_HAVE_GC);
static_type!(STATICMETHOD_TYPE, PyStaticMethod, "staticmethod", TPFLAGS_BASETYPE | crate::object::typeobj::TPFLAGS_HAVE_GC);
static_type!(PROPERTY_TYPE, PyProperty, "property", TPFLAGS_BASETYPE | crate::object::typeobj::TPFLAGS_HAVE_GC);


pub fn types() -> Vec<&'static PyType> {
    vec![
        &METHOD_DESCR_TYPE,
        &CLASSMETHOD_DESCR_TYPE_HOLDER,
        &GETSET_DESCR_TYPE,
        &MEMBER_DESCR_TYPE,
        &CLASSMETHOD_TYPE,
        &STATICMETHOD_TYPE,
        &PROPERTY_TYPE,
    ]
}

/// Add native methods to a builtin type's dict.
pub fn add_methods(ty: &'static PyType, methods: &[(&'static str, CallFn)]) {
    add_methods_kind(ty, methods, MethodKind::Instance)
}

pub fn add_methods_kind(ty: &'static PyType, methods: &[(&'static str, CallFn)], kind: MethodKind) {
    let d = ty.data.dict();
    dict::dict_reserve(&d, methods.len());
    for &(name, func) in methods {
        let m = PyMethodDescr { name, func, owner: ty, kind };
        let descr = match kind {
            MethodKind::Class => Value::new_with_type(&CLASSMETHOD_DESCR_TYPE_HOLDER, m),
            _ => Value::new(m),
        }
        .expect("start-up allocation");
        dict::dict_set_str(&d, name, descr);
    }
}

/// Add native computed attributes to a builtin type's dict.
pub fn add_getsets(ty: &'static PyType, getsets: &[(&'static str, GetterFn, Option<SetterFn>)]) {
    let d = ty.data.dict();
    dict::dict_reserve(&d, getsets.len());
    for &(name, get, set) in getsets {
        let descr = Value::new(PyGetSetDescr { name, get, set, owner: ty }).expect("start-up allocation");
        dict::dict_set_str(&d, name, descr);
    }
}

fn check_self(d: &PyMethodDescr, obj: &Value) -> PyResult<()> {
    if !obj.type_of().is_subtype(d.owner) {
        return Err(PyErr::type_error(format!(
            "descriptor '{}' for '{}' objects doesn't apply to a '{}' object",
            d.name,
            d.owner.name(),
            protocol::type_name(obj)
        )));
    }
    Ok(())
}

fn method_descr_get(_ts: &ThreadState, descr: &Value, obj: Option<&Value>, ty: Option<&Value>) -> PyResult<Value> {
    let d = descr.downcast::<PyMethodDescr>().ok_or_else(|| PyErr::type_error("bad descriptor"))?;
    match d.kind {
        MethodKind::Instance => match obj {
            None => Ok(descr.clone()),
            Some(o) => {
                check_self(d, o)?;
                function::new_builtin_bound(d.name, d.func, o.clone())
            }
        },
        MethodKind::Class => {
            let cls = match (ty, obj) {
                (Some(t), _) => t.clone(),
                (None, Some(o)) => o.type_of().to_value(),
                (None, None) => return Ok(descr.clone()),
            };
            function::new_builtin_bound(d.name, d.func, cls)
        }
        MethodKind::Static => function::new_builtin_bound(d.name, d.func, none::none()),
    }
}

fn method_descr_call(ts: &ThreadState, descr: &Value, args: &[Value], kwnames: Option<&Value>) -> PyResult<Value> {
    let d = descr.downcast::<PyMethodDescr>().ok_or_else(|| PyErr::type_error("bad descriptor"))?;
    match d.kind {
        MethodKind::Instance => {
            let npos = crate::object::args::npositional(args, kwnames);
            if npos == 0 {
                return Err(PyErr::type_error(format!(
                    "unbound method {}.{}() needs an argument",
                    d.owner.name(),
                    d.name
                )));
            }
            check_self(d, &args[0])?;
            (d.func)(ts, &args[0], &args[1..], kwnames)
        }
        MethodKind::Class => {
            let npos = crate::object::args::npositional(args, kwnames);
            if npos == 0 {
                return Err(PyErr::type_error(format!(
                    "descriptor '{}' of '{}' object needs an argument",
                    d.name,
                    d.owner.name()
                )));
            }
            (d.func)(ts, &args[0], &args[1..], kwnames)
        }
        MethodKind::Static => (d.func)(ts, &none::none(), args, kwnames),
    }
}

fn method_descr_repr(_ts: &ThreadState, descr: &Value) -> PyResult<Value> {
    let d = descr.downcast::<PyMethodDescr>().ok_or_else(|| PyErr::type_error("bad descriptor"))?;
    Ok(pystr::new_str(&format!("<method '{}' of '{}' objects>", d.name, d.owner.name())))
}

fn descr_of(v: &Value) -> PyResult<&PyMethodDescr> {
    v.downcast::<PyMethodDescr>().ok_or_else(|| PyErr::type_error("bad descriptor"))
}
fn method_descr_name(_ts: &ThreadState, v: &Value) -> PyResult<Value> {
    Ok(pystr::new_str(descr_of(v)?.name))
}
fn method_descr_qualname(_ts: &ThreadState, v: &Value) -> PyResult<Value> {
    let d = descr_of(v)?;
    Ok(pystr::new_str(&format!("{}.{}", d.owner.name(), d.name)))
}
fn method_descr_objclass(_ts: &ThreadState, v: &Value) -> PyResult<Value> {
    Ok(descr_of(v)?.owner.to_value())
}
fn method_descr_doc(_ts: &ThreadState, v: &Value) -> PyResult<Value> {
    let d = descr_of(v)?;
    Ok(super::builtin_docs::method_doc(&d.owner.name(), d.name).map(pystr::new_str).unwrap_or_else(none::none))
}
fn no_text_signature(_ts: &ThreadState, _v: &Value) -> PyResult<Value> {
    Ok(none::none())
}
fn wrapper_dict(_ts: &ThreadState, v: &Value) -> PyResult<Value> {
    if let Some(cm) = v.downcast::<PyClassMethod>() {
        return Ok(cm.dict.clone());
    }
    Ok(v.downcast::<PyStaticMethod>().map(|sm| sm.dict.clone()).unwrap_or_else(none::none))
}
fn getset_name(_ts: &ThreadState, v: &Value) -> PyResult<Value> {
    let d = v.downcast::<PyGetSetDescr>().ok_or_else(|| PyErr::type_error("bad descriptor"))?;
    Ok(pystr::new_str(d.name))
}
fn getset_qualname(_ts: &ThreadState, v: &Value) -> PyResult<Value> {
    let d = v.downcast::<PyGetSetDescr>().ok_or_else(|| PyErr::type_error("bad descriptor"))?;
    Ok(pystr::new_str(&format!("{}.{}", d.owner.name(), d.name)))
}
fn getset_objclass(_ts: &ThreadState, v: &Value) -> PyResult<Value> {
    let d = v.downcast::<PyGetSetDescr>().ok_or_else(|| PyErr::type_error("bad descriptor"))?;
    Ok(d.owner.to_value())
}

fn getset_get(ts: &ThreadState, descr: &Value, obj: Option<&Value>, _ty: Option<&Value>) -> PyResult<Value> {
    let d = descr.downcast::<PyGetSetDescr>().ok_or_else(|| PyErr::type_error("bad descriptor"))?;
    match obj {
        None => Ok(descr.clone()),
        Some(o) => {
            if !o.type_of().is_subtype(d.owner) {
                return Err(PyErr::type_error(format!(
                    "descriptor '{}' for '{}' objects doesn't apply to a '{}' object",
                    d.name,
                    d.owner.name(),
                    protocol::type_name(o)
                )));
            }
            (d.get)(ts, o)
        }
    }
}

fn getset_set(ts: &ThreadState, descr: &Value, obj: &Value, value: Option<&Value>) -> PyResult<()> {
    let d = descr.downcast::<PyGetSetDescr>().ok_or_else(|| PyErr::type_error("bad descriptor"))?;
    match d.set {
        Some(set) => set(ts, obj, value),
        None => Err(PyErr::attribute_error(format!(
            "attribute '{}' of '{}' objects is not writable",
            d.name,
            d.owner.name()
        ))),
    }
}

fn getset_repr(_ts: &ThreadState, descr: &Value) -> PyResult<Value> {
    let d = descr.downcast::<PyGetSetDescr>().ok_or_else(|| PyErr::type_error("bad descriptor"))?;
    Ok(pystr::new_str(&format!("<attribute '{}' of '{}' objects>", d.name, d.owner.name())))
}

fn member_get(_ts: &ThreadState, descr: &Value, obj: Option<&Value>, _ty: Option<&Value>) -> PyResult<Value> {
    let d = descr.downcast::<PyMemberDescr>().ok_or_else(|| PyErr::type_error("bad descriptor"))?;
    let Some(o) = obj else { return Ok(descr.clone()) };
    let cell = o.extra_slot(d.index);
    let v = cell.take();
    cell.set(v.clone());
    v.ok_or_else(|| {
        let err = PyErr::attribute_error(format!("'{}' object has no attribute '{}'", protocol::type_name(o), pystr::as_rust_str(&d.name)));
        crate::types::exceptions::set_attribute_error_context(err.value(), o, &d.name);
        err
    })
}

fn member_set(_ts: &ThreadState, descr: &Value, obj: &Value, value: Option<&Value>) -> PyResult<()> {
    let d = descr.downcast::<PyMemberDescr>().ok_or_else(|| PyErr::type_error("bad descriptor"))?;
    let cell = obj.extra_slot(d.index);
    let old = cell.replace(value.cloned());
    if value.is_none() && old.is_none() {
        return Err(PyErr::attribute_error(format!("'{}' object has no attribute '{}'", protocol::type_name(obj), pystr::as_rust_str(&d.name))));
    }
    drop(old);
    Ok(())
}

fn member_repr(_ts: &ThreadState, descr: &Value) -> PyResult<Value> {
    let d = descr.downcast::<PyMemberDescr>().ok_or_else(|| PyErr::type_error("bad descriptor"))?;
    let owner = d.owner.as_type().map(|t| t.name()).unwrap_or_default();
    Ok(pystr::new_str(&format!("<member '{}' of '{}' objects>", pystr::as_rust_str(&d.name), owner)))
}

fn wrapped_callable(cell: &Cell<Option<Value>>) -> Option<Value> {
    let v = cell.take();
    cell.set(v.clone());
    v
}

fn classmethod_get(ts: &ThreadState, descr: &Value, obj: Option<&Value>, ty: Option<&Value>) -> PyResult<Value> {
    let cm = descr.downcast::<PyClassMethod>().ok_or_else(|| PyErr::type_error("bad classmethod"))?;
    let f = wrapped_callable(&cm.callable).ok_or_else(|| PyErr::runtime_error("uninitialized classmethod object"))?;
    let cls = match (ty, obj) {
        (Some(t), _) => t.clone(),
        (None, Some(o)) => o.type_of().to_value(),
        (None, None) => return Err(PyErr::type_error("__get__(None, None) is invalid")),
    };
    if let Some(get) = f.type_of().data.slots.descr_get.get() {
        if !f.is_exact(&function::FUNCTION_TYPE) {
            return get(ts, &f, Some(&cls), Some(&cls.type_of().to_value()));
        }
    }
    function::new_method(f, cls)
}

fn staticmethod_get(_ts: &ThreadState, descr: &Value, _obj: Option<&Value>, _ty: Option<&Value>) -> PyResult<Value> {
    let sm = descr.downcast::<PyStaticMethod>().ok_or_else(|| PyErr::type_error("bad staticmethod"))?;
    wrapped_callable(&sm.callable).ok_or_else(|| PyErr::runtime_error("uninitialized staticmethod object"))
}

fn staticmethod_call(ts: &ThreadState, descr: &Value, args: &[Value], kwnames: Option<&Value>) -> PyResult<Value> {
    let sm = descr.downcast::<PyStaticMethod>().ok_or_else(|| PyErr::type_error("bad staticmethod"))?;
    let f = wrapped_callable(&sm.callable).ok_or_else(|| PyErr::runtime_error("uninitialized staticmethod object"))?;
    protocol::call(ts, &f, args, kwnames)
}

fn wrapper_new(ts: &ThreadState, cls: &Value, args: &[Value], kwnames: Option<&Value>, is_class: bool) -> PyResult<Value> {
    let fname = if is_class { "classmethod" } else { "staticmethod" };
    let args = crate::object::args::exact(fname, args, kwnames, 1)?;
    let f = args[0].clone();
    let d = dict::new_dict();
    // Like functools.wraps: the wrapper carries the callable's identity.
    for name in ["__module__", "__name__", "__qualname__", "__doc__", "__annotations__"] {
        if let Some(x) = protocol::lookup_attr(ts, &f, &pystr::intern(name))? {
            dict::dict_set_item(ts, &d, pystr::intern(name), x)?;
        }
    }
    if is_class {
        Value::new_instance(cls, PyClassMethod { callable: Cell::new(Some(f)), dict: d })
    } else {
        Value::new_instance(cls, PyStaticMethod { callable: Cell::new(Some(f)), dict: d })
    }
}

fn classmethod_new(ts: &ThreadState, cls: &Value, args: &[Value], kwnames: Option<&Value>) -> PyResult<Value> {
    wrapper_new(ts, cls, args, kwnames, true)
}

fn staticmethod_new(ts: &ThreadState, cls: &Value, args: &[Value], kwnames: Option<&Value>) -> PyResult<Value> {
    wrapper_new(ts, cls, args, kwnames, false)
}

fn cm_func(_ts: &ThreadState, v: &Value) -> PyResult<Value> {
    if let Some(cm) = v.downcast::<PyClassMethod>() {
        return Ok(wrapped_callable(&cm.callable).unwrap_or_else(none::none));
    }
    if let Some(sm) = v.downcast::<PyStaticMethod>() {
        return Ok(wrapped_callable(&sm.callable).unwrap_or_else(none::none));
    }
    Ok(none::none())
}

fn property_new(_ts: &ThreadState, cls: &Value, args: &[Value], kwnames: Option<&Value>) -> PyResult<Value> {
    let [fget, fset, fdel, doc] =
        crate::object::args::bind("property", args, kwnames, ["fget", "fset", "fdel", "doc"], 0, 0, 4)?;
    let norm = |v: Option<Value>| v.filter(|x| !none::is_none(x));
    Value::new_instance(cls, PyProperty { fget: norm(fget), fset: norm(fset), fdel: norm(fdel), doc: norm(doc), name: std::cell::RefCell::new(None) })
}

fn property_get(ts: &ThreadState, descr: &Value, obj: Option<&Value>, _ty: Option<&Value>) -> PyResult<Value> {
    let p = descr.downcast::<PyProperty>().ok_or_else(|| PyErr::type_error("bad property"))?;
    let Some(o) = obj else { return Ok(descr.clone()) };
    match &p.fget {
        Some(f) => protocol::call(ts, f, std::slice::from_ref(o), None),
        None => Err(property_error(ts, p, o, "getter")),
    }
}

fn property_error(ts: &ThreadState, p: &PyProperty, o: &Value, what: &str) -> PyErr {
    let qualname = pystr::new_str(&protocol::type_qualname(o.type_of()));
    let qualname = protocol::repr_string(ts, &qualname).unwrap_or_default();
    let name = p.name.borrow().clone();
    match name {
        Some(n) => match protocol::repr_string(ts, &n) {
            Ok(n) => PyErr::attribute_error(format!("property {n} of {qualname} object has no {what}")),
            Err(e) => e,
        },
        None => PyErr::attribute_error(format!("property of {qualname} object has no {what}")),
    }
}

fn property_set(ts: &ThreadState, descr: &Value, obj: &Value, value: Option<&Value>) -> PyResult<()> {
    let p = descr.downcast::<PyProperty>().ok_or_else(|| PyErr::type_error("bad property"))?;
    match value {
        Some(v) => match &p.fset {
            Some(f) => protocol::call(ts, f, &[obj.clone(), v.clone()], None).map(drop),
            None => Err(property_error(ts, p, obj, "setter")),
        },
        None => match &p.fdel {
            Some(f) => protocol::call(ts, f, std::slice::from_ref(obj), None).map(drop),
            None => Err(property_error(ts, p, obj, "deleter")),
        },
    }
}

fn property_copy(v: &Value, which: usize, f: &Value) -> PyResult<Value> {
    let p = v.downcast::<PyProperty>().ok_or_else(|| PyErr::type_error("bad property"))?;
    let mut parts = [p.fget.clone(), p.fset.clone(), p.fdel.clone()];
    // None keeps the current accessor, as CPython's property_copy does.
    if !none::is_none(f) {
        parts[which] = Some(f.clone());
    }
    let [fget, fset, fdel] = parts;
    Value::new_instance(&v.type_of().to_value(), PyProperty { fget, fset, fdel, doc: p.doc.clone(), name: std::cell::RefCell::new(p.name.borrow().clone()) })
}

fn property_getter(_ts: &ThreadState, v: &Value, args: &[Value], kw: Option<&Value>) -> PyResult<Value> {
    let a = crate::object::args::exact("property.getter", args, kw, 1)?;
    property_copy(v, 0, &a[0])
}
fn property_setter(_ts: &ThreadState, v: &Value, args: &[Value], kw: Option<&Value>) -> PyResult<Value> {
    let a = crate::object::args::exact("property.setter", args, kw, 1)?;
    property_copy(v, 1, &a[0])
}
fn property_deleter(_ts: &ThreadState, v: &Value, args: &[Value], kw: Option<&Value>) -> PyResult<Value> {
    let a = crate::object::args::exact("property.deleter", args, kw, 1)?;
    property_copy(v, 2, &a[0])
}

fn property_fget(_ts: &ThreadState, v: &Value) -> PyResult<Value> {
    Ok(v.downcast::<PyProperty>().and_then(|p| p.fget.clone()).unwrap_or_else(none::none))
}
fn property_fset(_ts: &ThreadState, v: &Value) -> PyResult<Value> {
    Ok(v.downcast::<PyProperty>().and_then(|p| p.fset.clone()).unwrap_or_else(none::none))
}
fn property_fdel(_ts: &ThreadState, v: &Value) -> PyResult<Value> {
    Ok(v.downcast::<PyProperty>().and_then(|p| p.fdel.clone()).unwrap_or_else(none::none))
}
fn property_doc(ts: &ThreadState, v: &Value) -> PyResult<Value> {
    let Some(p) = v.downcast::<PyProperty>() else { return Ok(none::none()) };
    if let Some(d) = &p.doc {
        return Ok(d.clone());
    }
    match &p.fget {
        Some(f) => Ok(protocol::lookup_attr(ts, f, &pystr::intern("__doc__"))?.unwrap_or_else(none::none)),
        None => Ok(none::none()),
    }
}

/// `__set_name__` for properties records the attribute name for messages.
fn property_set_name(_ts: &ThreadState, v: &Value, args: &[Value], kw: Option<&Value>) -> PyResult<Value> {
    crate::object::args::no_kwargs("__set_name__", kw)?;
    if args.len() != 2 {
        return Err(PyErr::type_error(format!("__set_name__() takes 2 positional arguments but {} were given", args.len())));
    }
    if let Some(p) = v.downcast::<PyProperty>() {
        *p.name.borrow_mut() = Some(args[1].clone());
    }
    Ok(none::none())
}

/// True when any accessor is abstract (`@property @abstractmethod`).
fn property_isabstract(ts: &ThreadState, v: &Value) -> PyResult<Value> {
    let Some(p) = v.downcast::<PyProperty>() else { return Ok(bool_::false_value()) };
    for f in [&p.fget, &p.fset, &p.fdel].into_iter().flatten() {
        if let Some(a) = protocol::lookup_attr(ts, f, &pystr::intern("__isabstractmethod__"))? {
            if protocol::is_true(ts, &a)? {
                return Ok(bool_::true_value());
            }
        }
    }
    Ok(bool_::false_value())
}

/// `classmethod`/`staticmethod` are abstract when the wrapped callable is.
fn cm_isabstract(ts: &ThreadState, v: &Value) -> PyResult<Value> {
    let f = cm_func(ts, v)?;
    if let Some(a) = protocol::lookup_attr(ts, &f, &pystr::intern("__isabstractmethod__"))? {
        return Ok(bool_::new_bool(protocol::is_true(ts, &a)?));
    }
    Ok(bool_::false_value())
}

pub fn init() {
    let s = &METHOD_DESCR_TYPE.data.slots;
    s.descr_get.set(Some(method_descr_get));
    s.call.set(Some(method_descr_call));
    s.repr.set(Some(method_descr_repr));
    let s = &CLASSMETHOD_DESCR_TYPE_HOLDER.data.slots;
    s.descr_get.set(Some(method_descr_get));
    s.call.set(Some(method_descr_call));
    s.repr.set(Some(method_descr_repr));
    for t in [&METHOD_DESCR_TYPE, &CLASSMETHOD_DESCR_TYPE_HOLDER] {
        add_getsets(
            t,
            &[
                ("__name__", method_descr_name, None),
                ("__qualname__", method_descr_qualname, None),
                ("__objclass__", method_descr_objclass, None),
                ("__doc__", method_descr_doc, None),
                ("__text_signature__", no_text_signature, None),
            ],
        );
    }
    add_getsets(
        &GETSET_DESCR_TYPE,
        &[("__name__", getset_name, None), ("__qualname__", getset_qualname, None), ("__objclass__", getset_objclass, None)],
    );
    let s = &GETSET_DESCR_TYPE.data.slots;
    s.descr_get.set(Some(getset_get));
    s.descr_set.set(Some(getset_set));
    s.repr.set(Some(getset_repr));
    let s = &MEMBER_DESCR_TYPE.data.slots;
    s.descr_get.set(Some(member_get));
    s.descr_set.set(Some(member_set));
    s.repr.set(Some(member_repr));
    let s = &CLASSMETHOD_TYPE.data.slots;
    s.descr_get.set(Some(classmethod_get));
    s.new.set(Some(classmethod_new));
    add_getsets(&CLASSMETHOD_TYPE, &[("__func__", cm_func, None), ("__wrapped__", cm_func, None), ("__isabstractmethod__", cm_isabstract, None), ("__dict__", wrapper_dict, None)]);
    let s = &STATICMETHOD_TYPE.data.slots;
    s.descr_get.set(Some(staticmethod_get));
    s.new.set(Some(staticmethod_new));
    s.call.set(Some(staticmethod_call));
    add_getsets(&STATICMETHOD_TYPE, &[("__func__", cm_func, None), ("__wrapped__", cm_func, None), ("__isabstractmethod__", cm_isabstract, None), ("__dict__", wrapper_dict, None)]);
    let s = &PROPERTY_TYPE.data.slots;
    s.new.set(Some(property_new));
    s.descr_get.set(Some(property_get));
    s.descr_set.set(Some(property_set));
    add_methods(
        &PROPERTY_TYPE,
        &[("getter", property_getter), ("setter", property_setter), ("deleter", property_deleter), ("__set_name__", property_set_name)],
    );
    add_getsets(
        &PROPERTY_TYPE,
        &[("fget", property_fget, None), ("fset", property_fset, None), ("fdel", property_fdel, None), ("__doc__", property_doc, None), ("__isabstractmethod__", property_isabstract, None)],
    );
    let _ = tuple::tuple_items;
}
