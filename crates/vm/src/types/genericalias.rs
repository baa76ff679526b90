//! `types.GenericAlias` (`list[int]`) and `types.UnionType` (`int | str`).

use crate::object::protocol;
use crate::object::typeobj::{nb, CompareOp, PyType, TypeObject};
use crate::object::value::{PyObject, PyPayload, Value};
use crate::runtime::errors::{PyErr, PyResult};
use crate::runtime::thread::ThreadState;
use crate::types::{bool_, descr, none, str as pystr, tuple};

pub struct PyGenericAlias {
    pub origin: Value,
    pub args: Value,
}

pub struct PyUnion {
    pub args: Value,
}

pub static GENERIC_ALIAS_TYPE: PyType = PyObject::new_static(
    &super::typeobject::TYPE_TYPE,
    TypeObject::builtin::<PyGenericAlias>("types.GenericAlias", &GENERIC_ALIAS_TYPE, Some(&super::object::OBJECT_TYPE), crate::object::typeobj::TPFLAGS_BASETYPE),
);
pub static UNION_TYPE: PyType = PyObject::new_static(
    &super::typeobject::TYPE_TYPE,
    TypeObject::builtin::<PyUnion>("types.UnionType", &UNION_TYPE, Some(&super::object::OBJECT_TYPE), 0),
);

impl PyPayload for PyGenericAlias {
    fn class() -> &'static PyType {
        &GENERIC_ALIAS_TYPE
    }
}
impl PyPayload for PyUnion {
    fn class() -> &'static PyType {
        &UNION_TYPE
    }
}

pub fn types() -> Vec<&'static PyType> {
    vec![&GENERIC_ALIAS_TYPE, &UNION_TYPE]
}

pub fn new_generic_alias(origin: Value, args: Value) -> PyResult<Value> {
    let args = if tuple::try_tuple_items(&args).is_some() { args } else { tuple::new_tuple(vec![args])? };
    Value::new(PyGenericAlias { origin, args })
}

/// `GenericAlias(origin, args)` (subclassable: _collections_abc derives from it).
fn ga_new(_ts: &ThreadState, cls: &Value, a: &[Value], k: Option<&Value>) -> PyResult<Value> {
    if cls.is(&GENERIC_ALIAS_TYPE.to_value()) {
        crate::object::args::no_kwargs("GenericAlias", k)?;
    }
    let n = crate::object::args::npositional(a, k);
    let a = crate::object::args::positional("GenericAlias", &a[..n], None, 2, 2)?;
    let args = if tuple::try_tuple_items(&a[1]).is_some() { a[1].clone() } else { tuple::new_tuple(vec![a[1].clone()])? };
    Value::new_instance(cls, PyGenericAlias { origin: a[0].clone(), args })
}

/// repr of a type argument as typing shows it.
fn arg_repr(ts: &ThreadState, v: &Value) -> PyResult<String> {
    if v.is(&none::ellipsis()) {
        return Ok("...".into());
    }
    if let Some(t) = protocol::as_pytype(v) {
        if v.downcast::<PyGenericAlias>().is_none() {
            let module = protocol::type_module_name(t);
            let q = protocol::type_qualname(t);
            return Ok(if module == "builtins" { q } else { format!("{module}.{q}") });
        }
    }
    if none::is_none(v) {
        return Ok("None".into());
    }
    protocol::repr_string(ts, v)
}

fn ga_repr(ts: &ThreadState, v: &Value) -> PyResult<Value> {
    let g = v.downcast::<PyGenericAlias>().ok_or_else(|| PyErr::type_error("GenericAlias expected"))?;
    let items = tuple::tuple_items(&g.args);
    let parts = if items.is_empty() {
        vec!["()".to_string()]
    } else {
        items.iter().map(|a| arg_repr(ts, a)).collect::<PyResult<Vec<_>>>()?
    };
    Ok(pystr::new_str(&format!("{}[{}]", arg_repr(ts, &g.origin)?, parts.join(", "))))
}

fn ga_call(ts: &ThreadState, v: &Value, args: &[Value], kw: Option<&Value>) -> PyResult<Value> {
    let g = v.downcast::<PyGenericAlias>().ok_or_else(|| PyErr::type_error("GenericAlias expected"))?;
    protocol::call(ts, &g.origin, args, kw)
}

fn ga_getattro(ts: &ThreadState, v: &Value, name: &Value) -> PyResult<Value> {
    let g = v.downcast::<PyGenericAlias>().ok_or_else(|| PyErr::type_error("GenericAlias expected"))?;
    match pystr::as_rust_str(name).as_ref() {
        "__origin__" => Ok(g.origin.clone()),
        "__args__" => Ok(g.args.clone()),
        "__parameters__" => tuple::new_tuple(vec![]),
        "__class__" => Ok(v.type_of().to_value()),
        _ => match protocol::generic_getattr(ts, v, name) {
            Ok(x) => Ok(x),
            Err(_) => protocol::getattr(ts, &g.origin, name),
        },
    }
}

fn ga_origin(_ts: &ThreadState, v: &Value) -> PyResult<Value> {
    Ok(v.downcast::<PyGenericAlias>().map(|g| g.origin.clone()).unwrap_or_else(none::none))
}
fn ga_args(_ts: &ThreadState, v: &Value) -> PyResult<Value> {
    Ok(v.downcast::<PyGenericAlias>().map(|g| g.args.clone()).unwrap_or_else(none::none))
}
/// Type variables are not tracked: an alias has no parameters to substitute.
fn ga_parameters(_ts: &ThreadState, _v: &Value) -> PyResult<Value> {
    tuple::new_tuple(vec![])
}
fn ga_unpacked(_ts: &ThreadState, _v: &Value) -> PyResult<Value> {
    Ok(bool_::false_value())
}
fn ga_unpacked_tuple_args(_ts: &ThreadState, _v: &Value) -> PyResult<Value> {
    Ok(none::none())
}
fn ga_instancecheck(_ts: &ThreadState, _v: &Value, a: &[Value], k: Option<&Value>) -> PyResult<Value> {
    crate::object::args::exact("GenericAlias.__instancecheck__", a, k, 1)?;
    Err(PyErr::type_error("isinstance() argument 2 cannot be a parameterized generic"))
}
fn ga_subclasscheck(_ts: &ThreadState, _v: &Value, a: &[Value], k: Option<&Value>) -> PyResult<Value> {
    crate::object::args::exact("GenericAlias.__subclasscheck__", a, k, 1)?;
    Err(PyErr::type_error("issubclass() argument 2 cannot be a parameterized generic"))
}
/// `class C(list[int])` subclasses the origin.
fn ga_mro_entries(_ts: &ThreadState, v: &Value, a: &[Value], k: Option<&Value>) -> PyResult<Value> {
    crate::object::args::exact("GenericAlias.__mro_entries__", a, k, 1)?;
    let g = v.downcast::<PyGenericAlias>().ok_or_else(|| PyErr::type_error("GenericAlias expected"))?;
    tuple::new_tuple(vec![g.origin.clone()])
}
fn ga_getitem(ts: &ThreadState, v: &Value, _key: &Value) -> PyResult<Value> {
    let r = protocol::repr_string(ts, v)?;
    Err(PyErr::type_error(format!("{r} is not a generic class")))
}

fn ga_richcompare(ts: &ThreadState, v: &Value, w: &Value, op: CompareOp) -> PyResult<Value> {
    let (Some(a), Some(b)) = (v.downcast::<PyGenericAlias>(), w.downcast::<PyGenericAlias>()) else {
        return Ok(none::not_implemented());
    };
    if !matches!(op, CompareOp::Eq | CompareOp::Ne) {
        return Ok(none::not_implemented());
    }
    let eq = a.origin.is(&b.origin) && protocol::eq(ts, &a.args, &b.args)?;
    Ok(bool_::new_bool(eq == (op == CompareOp::Eq)))
}

fn ga_hash(ts: &ThreadState, v: &Value) -> PyResult<isize> {
    let g = v.downcast::<PyGenericAlias>().ok_or_else(|| PyErr::type_error("GenericAlias expected"))?;
    Ok(protocol::hash(ts, &g.origin)? ^ protocol::hash(ts, &g.args)?)
}

fn is_unionable(v: &Value) -> bool {
    none::is_none(v) || v.as_type().is_some() || v.downcast::<PyGenericAlias>().is_some() || v.downcast::<PyUnion>().is_some()
}

fn flatten(v: &Value, out: &mut Vec<Value>) {
    if let Some(u) = v.downcast::<PyUnion>() {
        for a in tuple::tuple_items(&u.args) {
            flatten(a, out);
        }
    } else {
        let v = if none::is_none(v) { super::none::NONE_TYPE.to_value() } else { v.clone() };
        if !out.iter().any(|x| x.is(&v)) {
            out.push(v);
        }
    }
}

/// `X | Y` on types.
pub fn union_or(_ts: &ThreadState, a: &Value, b: &Value) -> PyResult<Value> {
    if !is_unionable(a) || !is_unionable(b) {
        return Ok(none::not_implemented());
    }
    let mut args = Vec::new();
    flatten(a, &mut args);
    flatten(b, &mut args);
    if args.len() == 1 {
        return Ok(args.remove(0));
    }
    Value::new(PyUnion { args: tuple::new_tuple(args)? })
}

fn union_repr(ts: &ThreadState, v: &Value) -> PyResult<Value> {
    let u = v.downcast::<PyUnion>().ok_or_else(|| PyErr::type_error("UnionType expected"))?;
    let parts = tuple::tuple_items(&u.args)
        .iter()
        .map(|a| if a.is(&super::none::NONE_TYPE.to_value()) { Ok("None".to_string()) } else { arg_repr(ts, a) })
        .collect::<PyResult<Vec<_>>>()?;
    Ok(pystr::new_str(&parts.join(" | ")))
}

fn union_args(_ts: &ThreadState, v: &Value) -> PyResult<Value> {
    Ok(v.downcast::<PyUnion>().map(|u| u.args.clone()).unwrap_or_else(none::none))
}

fn union_instancecheck(ts: &ThreadState, v: &Value, a: &[Value], k: Option<&Value>) -> PyResult<Value> {
    let a = crate::object::args::exact("__instancecheck__", a, k, 1)?;
    let u = v.downcast::<PyUnion>().ok_or_else(|| PyErr::type_error("UnionType expected"))?;
    Ok(bool_::new_bool(protocol::isinstance(ts, &a[0], &u.args)?))
}

fn union_subclasscheck(ts: &ThreadState, v: &Value, a: &[Value], k: Option<&Value>) -> PyResult<Value> {
    let a = crate::object::args::exact("__subclasscheck__", a, k, 1)?;
    let u = v.downcast::<PyUnion>().ok_or_else(|| PyErr::type_error("UnionType expected"))?;
    Ok(bool_::new_bool(protocol::issubclass(ts, &a[0], &u.args)?))
}

/// `==` of unions compares their arguments as sets.
fn union_richcompare(ts: &ThreadState, v: &Value, w: &Value, op: CompareOp) -> PyResult<Value> {
    let (Some(a), Some(b)) = (v.downcast::<PyUnion>(), w.downcast::<PyUnion>()) else {
        return Ok(none::not_implemented());
    };
    if !matches!(op, CompareOp::Eq | CompareOp::Ne) {
        return Ok(none::not_implemented());
    }
    let frozen = |args: &Value| protocol::call(ts, &super::set::FROZENSET_TYPE.to_value(), std::slice::from_ref(args), None);
    let eq = protocol::eq(ts, &frozen(&a.args)?, &frozen(&b.args)?)?;
    Ok(bool_::new_bool(eq == (op == CompareOp::Eq)))
}

fn union_hash(ts: &ThreadState, v: &Value) -> PyResult<isize> {
    let u = v.downcast::<PyUnion>().ok_or_else(|| PyErr::type_error("UnionType expected"))?;
    let f = protocol::call(ts, &super::set::FROZENSET_TYPE.to_value(), std::slice::from_ref(&u.args), None)?;
    protocol::hash(ts, &f)
}

fn union_or_slot(ts: &ThreadState, a: &Value, b: &Value) -> PyResult<Value> {
    union_or(ts, a, b)
}

pub fn init() {
    let s = &GENERIC_ALIAS_TYPE.data.slots;
    s.new.set(Some(ga_new));
    s.repr.set(Some(ga_repr));
    s.call.set(Some(ga_call));
    s.getattro.set(Some(ga_getattro));
    s.richcompare.set(Some(ga_richcompare));
    s.hash.set(Some(ga_hash));
    s.binary[nb::OR].set(Some(union_or_slot));
    s.subscript.set(Some(ga_getitem));
    descr::add_getsets(
        &GENERIC_ALIAS_TYPE,
        &[
            ("__origin__", ga_origin, None),
            ("__args__", ga_args, None),
            ("__parameters__", ga_parameters, None),
            ("__unpacked__", ga_unpacked, None),
            ("__typing_unpacked_tuple_args__", ga_unpacked_tuple_args, None),
        ],
    );
    descr::add_methods(
        &GENERIC_ALIAS_TYPE,
        &[("__instancecheck__", ga_instancecheck), ("__subclasscheck__", ga_subclasscheck), ("__mro_entries__", ga_mro_entries)],
    );
    let s = &UNION_TYPE.data.slots;
    s.richcompare.set(Some(union_richcompare));
    s.hash.set(Some(union_hash));
    s.repr.set(Some(union_repr));
    s.getattro.set(Some(protocol::generic_getattr));
    s.binary[nb::OR].set(Some(union_or_slot));
    descr::add_getsets(&UNION_TYPE, &[("__args__", union_args, None)]);
    descr::add_methods(&UNION_TYPE, &[("__instancecheck__", union_instancecheck), ("__subclasscheck__", union_subclasscheck)]);
}
