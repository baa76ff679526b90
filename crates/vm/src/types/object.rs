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
        if ty.slots.new.get().map(|f| f as usize) != Some(object_new as *const () as usize) {
            return Err(PyErr::type_error("object.__new__() takes exactly one argument (the type to instantiate)"));
        }
        if ty.slots.init.get().map(|f| f as usize) == Some(object_init as *const () as usize) {
            return Err(PyErr::type_error(format!("{}() takes no arguments", ty.name())));
        }
    }
    if ty.has_flag(TPFLAGS_IS_ABSTRACT) {
        return Err(abstract_error(_ts, cls, ty));
    }
    // Only types laid out as plain objects can be made here: another
    // builtin's instances need that builtin's payload (CPython refuses them
    // in tp_new_wrapper; reaching this otherwise would build a broken object).
    if !std::ptr::eq(ty.solid_base(), &OBJECT_TYPE) {
        let mut st = ty;
        while st.is_heap_type() {
            match st.base() {
                Some(b) => st = &b.data,
                None => break,
            }
        }
        return Err(PyErr::type_error(format!("object.__new__({}) is not safe, use {}.__new__()", ty.name(), st.name())));
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
        if ty.slots.init.get().map(|f| f as usize) != Some(object_init as *const () as usize) {
            return Err(PyErr::type_error("object.__init__() takes exactly one argument (the instance to initialize)"));
        }
        if ty.slots.new.get().map(|f| f as usize) == Some(object_new as *const () as usize) {
            return Err(PyErr::type_error(format!("{}.__init__() takes exactly one argument (the instance to initialize)", ty.name())));
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
                Some(f) if f as usize != object_richcompare as *const () as usize => {
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

fn object_dir(ts: &ThreadState, obj: &Value, args: &[Value], kw: Option<&Value>) -> PyResult<Value> {
    crate::object::args::exact("object.__dir__", args, kw, 0)?;
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

/// `object.__getstate__()`: the instance dict (None when empty or absent),
/// paired with a dict of the filled `__slots__` when the class has slots.
fn object_getstate(ts: &ThreadState, obj: &Value, args: &[Value], kw: Option<&Value>) -> PyResult<Value> {
    crate::object::args::exact("object.__getstate__", args, kw, 0)?;
    let state = match protocol::instance_dict(obj) {
        Some(d) if dict::as_dict(&d).is_some_and(|x| x.len() > 0) => d,
        _ => none::none(),
    };
    let slots = dict::new_dict();
    let mut any_slot = false;
    for base in tuple::tuple_items(&obj.type_of().data.mro()).iter() {
        let Some(bt) = base.as_type() else { continue };
        let bdict = bt.dict();
        let Some(bd) = dict::as_dict(&bdict) else { continue };
        for (k, v) in bd.items() {
            if let Some(m) = v.downcast::<descr::PyMemberDescr>() {
                let cell = obj.extra_slot(m.index);
                let cur = cell.take();
                cell.set(cur.clone());
                if let Some(x) = cur {
                    dict::dict_set_item(ts, &slots, k, x)?;
                    any_slot = true;
                }
            }
        }
    }
    if any_slot {
        return tuple::new_tuple(vec![state, slots]);
    }
    Ok(state)
}

/// copyreg's protocol-2 reduction (CPython's reduce_newobj).
fn reduce_newobj(ts: &ThreadState, obj: &Value) -> PyResult<Value> {
    let cls = obj.type_of().to_value();
    if obj.type_of().data.slots.new.get().is_none() {
        return Err(PyErr::type_error(format!("cannot pickle '{}' object", protocol::type_name(obj))));
    }
    let copyreg = crate::import::import_absolute(ts, "copyreg")?;
    let (mut args, mut kwargs) = (Vec::new(), None);
    if let Some(r) = protocol::call_special(ts, obj, "__getnewargs_ex__", &[])? {
        let items = tuple::try_tuple_items(&r)
            .filter(|t| t.len() == 2)
            .ok_or_else(|| PyErr::type_error("__getnewargs_ex__ should return a tuple of length 2"))?;
        args = tuple::try_tuple_items(&items[0]).ok_or_else(|| PyErr::type_error("first item of the tuple returned by __getnewargs_ex__ must be a tuple"))?.to_vec();
        if dict::as_dict(&items[1]).is_none() {
            return Err(PyErr::type_error("second item of the tuple returned by __getnewargs_ex__ must be a dict"));
        }
        if dict::as_dict(&items[1]).is_some_and(|d| d.len() > 0) {
            kwargs = Some(items[1].clone());
        }
    } else if let Some(r) = protocol::call_special(ts, obj, "__getnewargs__", &[])? {
        args = tuple::try_tuple_items(&r)
            .ok_or_else(|| PyErr::type_error(format!("__getnewargs__ should return a tuple, not '{}'", protocol::type_name(&r))))?
            .to_vec();
    }
    let (newobj, newargs) = match kwargs {
        None => {
            let mut a = vec![cls.clone()];
            a.extend(args);
            (protocol::getattr_str(ts, &copyreg, "__newobj__")?, tuple::new_tuple(a)?)
        }
        Some(kw) => (
            protocol::getattr_str(ts, &copyreg, "__newobj_ex__")?,
            tuple::new_tuple(vec![cls.clone(), tuple::new_tuple(args)?, kw])?,
        ),
    };
    let state = protocol::call_method(ts, obj, "__getstate__", &[])?;
    let listitems = if obj.type_of().is_subtype(&super::list::LIST_TYPE) { protocol::get_iter(ts, obj)? } else { none::none() };
    let dictitems = if obj.type_of().is_subtype(&dict::DICT_TYPE) {
        let items = protocol::call_method(ts, obj, "items", &[])?;
        protocol::get_iter(ts, &items)?
    } else {
        none::none()
    };
    tuple::new_tuple(vec![newobj, newargs, state, listitems, dictitems])
}

fn common_reduce(ts: &ThreadState, obj: &Value, proto: i64) -> PyResult<Value> {
    if proto >= 2 {
        return reduce_newobj(ts, obj);
    }
    let copyreg = crate::import::import_absolute(ts, "copyreg")?;
    let f = protocol::getattr_str(ts, &copyreg, "_reduce_ex")?;
    protocol::call(ts, &f, &[obj.clone(), super::int::from_i64(proto)], None)
}

fn object_reduce(ts: &ThreadState, obj: &Value, args: &[Value], kw: Option<&Value>) -> PyResult<Value> {
    crate::object::args::exact("object.__reduce__", args, kw, 0)?;
    common_reduce(ts, obj, 0)
}

/// `object.__reduce_ex__(protocol)`: an overriding `__reduce__` wins.
fn object_reduce_ex(ts: &ThreadState, obj: &Value, args: &[Value], kw: Option<&Value>) -> PyResult<Value> {
    let args = crate::object::args::exact("object.__reduce_ex__", args, kw, 1)?;
    let proto = super::int::to_i64_checked(&protocol::index(ts, &args[0])?)?;
    if let Some(r) = obj.type_of().data.lookup_str("__reduce__") {
        let is_default = r.downcast::<descr::PyMethodDescr>().is_some_and(|d| std::ptr::eq(d.owner, &OBJECT_TYPE) && d.name == "__reduce__");
        if !is_default {
            let bound = protocol::getattr_str(ts, obj, "__reduce__")?;
            return protocol::call(ts, &bound, &[], None);
        }
    }
    common_reduce(ts, obj, proto)
}

fn object_sizeof(_ts: &ThreadState, obj: &Value, args: &[Value], kw: Option<&Value>) -> PyResult<Value> {
    crate::object::args::exact("object.__sizeof__", args, kw, 0)?;
    Ok(super::int::from_i64(obj.type_of().data.basicsize.get() as i64))
}

fn object_init_subclass(_ts: &ThreadState, cls: &Value, args: &[Value], kw: Option<&Value>) -> PyResult<Value> {
    if !args.is_empty() {
        // Bound to a class, the method is named after that class.
        let owner = protocol::as_pytype(cls).map(protocol::type_qualname).unwrap_or_else(|| "object".into());
        let n = crate::object::args::npositional(args, kw);
        if n > 0 {
            return Err(PyErr::type_error(format!("{owner}.__init_subclass__() takes no arguments ({n} given)")));
        }
        return Err(PyErr::type_error(format!("{owner}.__init_subclass__() takes no keyword arguments")));
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
            ("__reduce__", object_reduce),
            ("__getstate__", object_getstate),
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
