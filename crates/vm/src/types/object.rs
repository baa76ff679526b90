//! `object`: the root of every class; the default slots for attribute
//! access, construction, comparison, hashing and repr.

use crate::object::protocol;
use crate::object::typeobj::{CompareOp, PyType, TypeObject, TPFLAGS_BASETYPE, TPFLAGS_IS_ABSTRACT};
use crate::object::value::{PyObject, PyPayload, Value};
use crate::runtime::errors::{PyErr, PyResult};
use crate::runtime::thread::ThreadState;
use crate::types::{bool_, descr, dict, none, str as pystr, tuple};

/// The payload of plain `object()` instances and of user classes with no
/// builtin base other than object.
pub struct PyBaseObject;

pub static OBJECT_TYPE: PyType = PyObject::new_static(
    &super::typeobject::TYPE_TYPE,
    TypeObject::builtin::<PyBaseObject>("object", &OBJECT_TYPE, None, TPFLAGS_BASETYPE),
);

impl PyPayload for PyBaseObject {
    fn class() -> &'static PyType {
        &OBJECT_TYPE
    }
}

fn excess_args(args: &[Value]) -> bool {
    !args.is_empty()
}

fn object_new(_ts: &ThreadState, cls: &Value, args: &[Value], _kw: Option<&Value>) -> PyResult<Value> {
    let ty = cls.as_type().ok_or_else(|| PyErr::type_error("object.__new__(X): X is not a type object"))?;
    if excess_args(args) {
        if ty.slots.new.get().map(|f| f as usize) != Some(object_new as usize) {
            return Err(PyErr::type_error("object.__new__() takes exactly one argument (the type to instantiate)"));
        }
        if ty.slots.init.get().map(|f| f as usize) == Some(object_init as usize) {
            return Err(PyErr::type_error(format!("{}() takes no arguments", ty.name())));
        }
    }
    if ty.has_flag(TPFLAGS_IS_ABSTRACT) {
        return Err(abstract_error(_ts, cls, ty));
    }
    Value::new_instance(cls, PyBaseObject)
}

fn abstract_error(ts: &ThreadState, cls: &Value, ty: &TypeObject) -> PyErr {
    let names = protocol::getattr_str(ts, cls, "__abstractmethods__")
        .and_then(|v| protocol::collect(ts, &v))
        .unwrap_or_default();
    let mut names: Vec<String> = names.iter().map(|n| pystr::as_rust_str(n).into_owned()).collect();
    names.sort();
    let n = names.len();
    PyErr::type_error(format!(
        "Can't instantiate abstract class {} with abstract method{} {}",
        ty.name(),
        if n == 1 { "" } else { "s" },
        names.join(", ")
    ))
}

pub(crate) fn object_init(_ts: &ThreadState, obj: &Value, args: &[Value], _kw: Option<&Value>) -> PyResult<()> {
    let ty = &obj.type_of().data;
    if excess_args(args) {
        if ty.slots.init.get().map(|f| f as usize) != Some(object_init as usize) {
            return Err(PyErr::type_error("object.__init__() takes exactly one argument (the instance to initialize)"));
        }
        if ty.slots.new.get().map(|f| f as usize) == Some(object_new as usize) {
            return Err(PyErr::type_error(format!("{}() takes no arguments", ty.name())));
        }
    }
    Ok(())
}

pub(crate) fn object_repr(_ts: &ThreadState, obj: &Value) -> PyResult<Value> {
    Ok(pystr::new_str(&protocol::default_repr(obj)))
}

fn object_str(ts: &ThreadState, obj: &Value) -> PyResult<Value> {
    protocol::repr(ts, obj)
}

pub(crate) fn object_hash(_ts: &ThreadState, obj: &Value) -> PyResult<isize> {
    Ok(crate::pyhash::hash_pointer(obj.id()))
}

/// The hash slot of unhashable builtin types (list, dict, set...).
pub fn hash_not_implemented(_ts: &ThreadState, obj: &Value) -> PyResult<isize> {
    Err(PyErr::type_error(format!("unhashable type: '{}'", protocol::type_name(obj))))
}

fn object_richcompare(ts: &ThreadState, v: &Value, w: &Value, op: CompareOp) -> PyResult<Value> {
    match op {
        CompareOp::Eq => Ok(if v.is(w) { bool_::true_value() } else { none::not_implemented() }),
        CompareOp::Ne => {
            // By default __ne__ delegates to __eq__ and inverts the result.
            let eq = v.type_of().data.slots.richcompare.get();
            match eq {
                Some(f) if f as usize != object_richcompare as usize => {
                    let r = f(ts, v, w, CompareOp::Eq)?;
                    if r.is(&none::not_implemented()) {
                        return Ok(r);
                    }
                    Ok(bool_::new_bool(!protocol::is_true(ts, &r)?))
                }
                _ => Ok(if v.is(w) { bool_::false_value() } else { none::not_implemented() }),
            }
        }
        _ => Ok(none::not_implemented()),
    }
}

fn object_class(_ts: &ThreadState, obj: &Value) -> PyResult<Value> {
    Ok(obj.type_of().to_value())
}

fn object_set_class(_ts: &ThreadState, obj: &Value, v: Option<&Value>) -> PyResult<()> {
    let Some(v) = v else {
        return Err(PyErr::type_error("can't delete __class__ attribute"));
    };
    let Some(new) = v.as_type() else {
        return Err(PyErr::type_error(format!(
            "__class__ must be set to a class, not '{}' object",
            protocol::type_name(v)
        )));
    };
    let old = &obj.type_of().data;
    if !new.is_heap_type() || !old.is_heap_type() {
        return Err(PyErr::type_error(
            "__class__ assignment only supported for mutable types or ModuleType subclasses",
        ));
    }
    if new.solid_base() != old.solid_base() || new.basicsize.get() != old.basicsize.get() {
        return Err(PyErr::type_error(format!(
            "__class__ assignment: '{}' object layout differs from '{}'",
            new.name(),
            old.name()
        )));
    }
    obj.set_type(v);
    Ok(())
}

fn object_dict(_ts: &ThreadState, obj: &Value) -> PyResult<Value> {
    protocol::instance_dict_or_create(obj).ok_or_else(|| {
        PyErr::attribute_error(format!("'{}' object has no attribute '__dict__'", protocol::type_name(obj)))
    })
}

fn object_set_dict(_ts: &ThreadState, obj: &Value, v: Option<&Value>) -> PyResult<()> {
    let slot = obj.type_of().data.dict_slot.get();
    if slot < 0 {
        return Err(PyErr::attribute_error(format!(
            "'{}' object has no attribute '__dict__'",
            protocol::type_name(obj)
        )));
    }
    match v {
        Some(d) if dict::as_dict(d).is_some() => {
            let old = obj.extra_slot(slot as usize).replace(Some(d.clone()));
            drop(old);
            Ok(())
        }
        Some(d) => Err(PyErr::type_error(format!(
            "__dict__ must be set to a dictionary, not a '{}'",
            protocol::type_name(d)
        ))),
        None => Err(PyErr::type_error("cannot delete __dict__")),
    }
}

fn object_dir(ts: &ThreadState, obj: &Value, _args: &[Value], _kw: Option<&Value>) -> PyResult<Value> {
    let result = dict::new_dict();
    if let Some(d) = protocol::instance_dict(obj) {
        if let Some(dd) = dict::as_dict(&d) {
            for k in dd.keys() {
                dict::dict_set_item(ts, &result, k, none::none())?;
            }
        }
    }
    let cls = protocol::lookup_attr(ts, obj, &pystr::intern("__class__"))?.unwrap_or_else(|| obj.type_of().to_value());
    if let Some(t) = cls.as_type() {
        for base in tuple::tuple_items(&t.mro()).iter() {
            if let Some(bt) = base.as_type() {
                if let Some(dd) = dict::as_dict(&bt.dict()) {
                    for k in dd.keys() {
                        dict::dict_set_item(ts, &result, k, none::none())?;
                    }
                }
            }
        }
    }
    let keys = dict::as_dict(&result).map(|d| d.keys()).unwrap_or_default();
    super::list::new_list(keys)
}

fn object_format(ts: &ThreadState, obj: &Value, args: &[Value], kw: Option<&Value>) -> PyResult<Value> {
    let args = crate::object::args::exact("object.__format__", args, kw, 1)?;
    let spec = &args[0];
    if !spec.type_of().is_subtype(&pystr::STR_TYPE) {
        return Err(PyErr::type_error(format!(
            "__format__() argument must be str, not {}",
            protocol::type_name(spec)
        )));
    }
    if pystr::str_len(spec) > 0 {
        return Err(PyErr::type_error(format!(
            "unsupported format string passed to {}.__format__",
            protocol::type_name(obj)
        )));
    }
    protocol::str(ts, obj)
}

fn object_reduce_ex(ts: &ThreadState, obj: &Value, _args: &[Value], _kw: Option<&Value>) -> PyResult<Value> {
    let _ = (ts, obj);
    Err(PyErr::not_implemented("pickling (object.__reduce_ex__) is not supported yet"))
}

fn object_sizeof(_ts: &ThreadState, obj: &Value, _args: &[Value], _kw: Option<&Value>) -> PyResult<Value> {
    Ok(super::int::from_i64(obj.type_of().data.basicsize.get() as i64))
}

fn object_init_subclass(_ts: &ThreadState, _cls: &Value, args: &[Value], kw: Option<&Value>) -> PyResult<Value> {
    if !args.is_empty() {
        let n = crate::object::args::npositional(args, kw);
        if n > 0 {
            return Err(PyErr::type_error(format!(
                "object.__init_subclass__() takes no arguments ({n} given)"
            )));
        }
        return Err(PyErr::type_error("object.__init_subclass__() takes no keyword arguments"));
    }
    Ok(none::none())
}

fn object_subclasshook(_ts: &ThreadState, _cls: &Value, _args: &[Value], _kw: Option<&Value>) -> PyResult<Value> {
    Ok(none::not_implemented())
}

pub fn init() {
    let s = &OBJECT_TYPE.data.slots;
    s.new.set(Some(object_new));
    s.init.set(Some(object_init));
    s.repr.set(Some(object_repr));
    s.str.set(Some(object_str));
    s.hash.set(Some(object_hash));
    s.richcompare.set(Some(object_richcompare));
    s.getattro.set(Some(protocol::generic_getattr));
    s.setattro.set(Some(protocol::generic_setattr));
    descr::add_getsets(
        &OBJECT_TYPE,
        &[("__class__", object_class, Some(object_set_class))],
    );
    descr::add_methods(
        &OBJECT_TYPE,
        &[
            ("__dir__", object_dir),
            ("__format__", object_format),
            ("__reduce_ex__", object_reduce_ex),
            ("__sizeof__", object_sizeof),
        ],
    );
    descr::add_methods_kind(
        &OBJECT_TYPE,
        &[("__init_subclass__", object_init_subclass), ("__subclasshook__", object_subclasshook)],
        descr::MethodKind::Class,
    );
}

/// The `__dict__` getset heap types with an instance dict get.
pub fn dict_getset() -> (descr::GetterFn, Option<descr::SetterFn>) {
    (object_dict, Some(object_set_dict))
}
