//! `super`: attribute lookup starting after a class in an object's MRO.

use crate::object::protocol;
use crate::object::typeobj::{PyType, TypeObject, TPFLAGS_BASETYPE};
use crate::object::value::{PyObject, PyPayload, Value};
use crate::runtime::errors::{PyErr, PyResult};
use crate::runtime::thread::ThreadState;
use crate::types::{cell, descr, none, str as pystr, tuple};

pub struct PySuper {
    /// (the class after which lookup starts, the bound object (instance or
    /// class), the type whose MRO is searched); set by `__init__`.
    fields: std::cell::RefCell<Option<(Value, Option<Value>, Option<Value>)>>,
}

impl PySuper {
    fn new(ty: Value, obj: Option<Value>, obj_type: Option<Value>) -> PySuper {
        PySuper { fields: std::cell::RefCell::new(Some((ty, obj, obj_type))) }
    }
}

pub static SUPER_TYPE: PyType = PyObject::new_static(
    &super::typeobject::TYPE_TYPE,
    TypeObject::builtin::<PySuper>("super", &SUPER_TYPE, Some(&super::object::OBJECT_TYPE), TPFLAGS_BASETYPE | crate::object::typeobj::TPFLAGS_HAVE_GC),
);

impl PyPayload for PySuper {
    fn class() -> &'static PyType {
        &SUPER_TYPE
    }
}

fn supercheck(ty: &Value, obj: &Value) -> PyResult<Value> {
    let t = protocol::as_pytype(ty).ok_or_else(|| PyErr::type_error("super() argument 1 must be a type"))?;
    if let Some(ot) = obj.as_type() {
        if ot.is_subtype(t) {
            return Ok(obj.clone());
        }
    }
    if obj.type_of().is_subtype(t) {
        return Ok(obj.type_of().to_value());
    }
    Err(PyErr::type_error("super(type, obj): obj must be an instance or subtype of type"))
}

/// `super(cls, obj)` made from native code (class creation).
pub fn new_super(_ts: &ThreadState, ty: &Value, obj: &Value) -> PyResult<Value> {
    let obj_type = supercheck(ty, obj)?;
    Value::new(PySuper::new(ty.clone(), Some(obj.clone()), Some(obj_type)))
}

fn super_new(_ts: &ThreadState, cls: &Value, _args: &[Value], _kw: Option<&Value>) -> PyResult<Value> {
    Value::new_instance(cls, PySuper { fields: std::cell::RefCell::new(None) })
}

fn super_init(ts: &ThreadState, v: &Value, args: &[Value], kw: Option<&Value>) -> PyResult<()> {
    crate::object::args::no_kwargs("super", kw)?;
    let args = crate::object::args::positional("super", args, kw, 0, 2)?;
    let (ty, obj) = match args {
        [] => zero_arg_super(ts)?,
        [t] => (t.clone(), None),
        [t, o] => (t.clone(), if none::is_none(o) { None } else { Some(o.clone()) }),
        _ => unreachable_args()?,
    };
    if ty.as_type().is_none() {
        return Err(PyErr::type_error(format!(
            "super() argument 1 must be a type, not {}",
            protocol::type_name(&ty)
        )));
    }
    let obj_type = match &obj {
        Some(o) => Some(supercheck(&ty, o)?),
        None => None,
    };
    let s = v.downcast::<PySuper>().ok_or_else(|| PyErr::type_error("super expected"))?;
    let old = s.fields.replace(Some((ty, obj, obj_type)));
    drop(old);
    Ok(())
}

fn unreachable_args() -> PyResult<(Value, Option<Value>)> {
    Err(PyErr::type_error("super() takes at most 2 arguments"))
}

fn fields(v: &Value) -> PyResult<(Value, Option<Value>, Option<Value>)> {
    let s = v.downcast::<PySuper>().ok_or_else(|| PyErr::type_error("super expected"))?;
    let f = s.fields.borrow().clone();
    f.ok_or_else(|| PyErr::runtime_error("super(): __init__ was not called"))
}

/// `super()` with no arguments: the enclosing class from the `__class__`
/// cell and the first argument of the calling function.
fn zero_arg_super(ts: &ThreadState) -> PyResult<(Value, Option<Value>)> {
    let f = ts.current_frame.get();
    if f.is_null() {
        return Err(PyErr::runtime_error("super(): no current frame"));
    }
    // SAFETY: the current frame is live while it runs (it is calling us).
    let frame = unsafe { &*f };
    let code = frame.code();
    if code.code.co_argcount == 0 && code.code.co_flags & compiler::code::CO_VARARGS == 0 {
        return Err(PyErr::runtime_error("super(): no arguments"));
    }
    let locals = frame.locals_slice();
    let mut first = locals.first().cloned().flatten();
    if let Some(v) = &first {
        // The first argument may have been moved into a cell.
        if code.code.co_localspluskinds.first().is_some_and(|k| k & compiler::code::CO_FAST_CELL != 0) {
            if let Some(c) = v.downcast::<cell::PyCell>() {
                first = c.get();
            }
        }
    }
    let Some(obj) = first else {
        return Err(PyErr::runtime_error("super(): arg[0] deleted"));
    };
    for (i, name) in code.code.co_localsplusnames.iter().enumerate() {
        if name == "__class__" && code.code.co_localspluskinds[i] & compiler::code::CO_FAST_FREE != 0 {
            let cellv = locals.get(i).cloned().flatten();
            let cls = cellv.as_ref().and_then(|c| c.downcast::<cell::PyCell>()).and_then(|c| c.get());
            return match cls {
                Some(c) if c.as_type().is_some() => Ok((c, Some(obj))),
                Some(_) => Err(PyErr::runtime_error("super(): __class__ is not a type")),
                None => Err(PyErr::runtime_error("super(): empty __class__ cell")),
            };
        }
    }
    Err(PyErr::runtime_error("super(): __class__ cell not found"))
}

fn super_getattro(ts: &ThreadState, v: &Value, name: &Value) -> PyResult<Value> {
    let (ty, obj, obj_type) = fields(v)?;
    let skip = pystr::as_rust_str(name) == "__class__";
    if let (Some(obj), Some(ot), false) = (&obj, &obj_type, skip) {
        let mro = ot.as_type().map(|t| t.mro()).unwrap_or_else(none::none);
        let items = tuple::tuple_items(&mro);
        if let Some(pos) = items.iter().position(|t| t.is(&ty)) {
            for t in &items[pos + 1..] {
                let Some(tt) = t.as_type() else { continue };
                if let Some(attr) = crate::types::dict::dict_get_str(&tt.dict(), name) {
                    if let Some(get) = attr.type_of().data.slots.descr_get.get() {
                        let inst = if obj.is(ot) { None } else { Some(obj) };
                        return get(ts, &attr, inst, Some(ot));
                    }
                    return Ok(attr);
                }
            }
        }
    }
    protocol::generic_getattr(ts, v, name)
}

fn super_repr(_ts: &ThreadState, v: &Value) -> PyResult<Value> {
    let (ty, _obj, obj_type) = fields(v)?;
    let tn = ty.as_type().map(|t| t.name()).unwrap_or_default();
    Ok(pystr::new_str(&match obj_type {
        Some(ot) => format!("<super: <class '{}'>, <{} object>>", tn, ot.as_type().map(|t| t.name()).unwrap_or_default()),
        None => format!("<super: <class '{}'>, NULL>", tn),
    }))
}

fn super_get(_ts: &ThreadState, v: &Value, obj: Option<&Value>, _ty: Option<&Value>) -> PyResult<Value> {
    let (ty, sobj, _) = fields(v)?;
    match (obj, sobj) {
        (Some(o), None) if !none::is_none(o) => {
            let ot = supercheck(&ty, o)?;
            Value::new(PySuper::new(ty, Some(o.clone()), Some(ot)))
        }
        _ => Ok(v.clone()),
    }
}

fn thisclass(_ts: &ThreadState, v: &Value) -> PyResult<Value> {
    Ok(fields(v)?.0)
}
fn self_attr(_ts: &ThreadState, v: &Value) -> PyResult<Value> {
    Ok(fields(v)?.1.unwrap_or_else(none::none))
}
fn self_class(_ts: &ThreadState, v: &Value) -> PyResult<Value> {
    Ok(fields(v)?.2.unwrap_or_else(none::none))
}

pub fn init() {
    let s = &SUPER_TYPE.data.slots;
    s.new.set(Some(super_new));
    s.init.set(Some(super_init));
    s.getattro.set(Some(super_getattro));
    s.repr.set(Some(super_repr));
    s.descr_get.set(Some(super_get));
    descr::add_getsets(
        &SUPER_TYPE,
        &[("__thisclass__", thisclass, None), ("__self__", self_attr, None), ("__self_class__", self_class, None)],
    );
}

/// The references a super object holds, for the cycle collector.
pub(crate) fn gc_traverse(v: &Value, visit: &mut dyn FnMut(&Value)) {
    let Some(s) = v.downcast::<PySuper>() else { return };
    if let Ok(f) = s.fields.try_borrow() {
        if let Some((a, b, c)) = &*f {
            visit(a);
            for x in [b, c].into_iter().flatten() {
                visit(x);
            }
        }
    }
}
