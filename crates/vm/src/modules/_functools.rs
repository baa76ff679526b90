//! `_functools`: `reduce`, the `partial` type and `cmp_to_key`
//! (CPython's Modules/_functoolsmodule.c). functools.py falls back to its
//! pure-Python `_lru_cache_wrapper`, which this module does not provide.

use std::cell::RefCell;

use crate::object::args;
use crate::object::protocol;
use crate::object::typeobj::{CompareOp, PyType, TypeObject, TPFLAGS_BASETYPE, TPFLAGS_HAVE_GC};
use crate::object::value::{PyObject, PyPayload, Value};
use crate::runtime::errors::{PyErr, PyResult};
use crate::runtime::thread::ThreadState;
use crate::types::{dict, exceptions as exc, none, str as pystr, tuple};

type Args<'a> = &'a [Value];
type Kw<'a> = Option<&'a Value>;

/// `functools.partial`.
pub struct PyPartial {
    func: RefCell<Value>,
    args: RefCell<Value>,
    keywords: RefCell<Value>,
    /// The instance `__dict__`, created on first use.
    dict: RefCell<Option<Value>>,
}

/// `functools.KeyWrapper`: what `cmp_to_key(f)` returns and creates.
pub struct KeyWrapper {
    cmp: Value,
    obj: Option<Value>,
}

/// `functools.partial`.
pub static PARTIAL_TYPE: PyType = PyObject::new_static(
    &crate::types::typeobject::TYPE_TYPE,
    TypeObject::builtin::<PyPartial>("functools.partial", &PARTIAL_TYPE, Some(&crate::types::object::OBJECT_TYPE), TPFLAGS_BASETYPE | TPFLAGS_HAVE_GC),
);
/// `functools.KeyWrapper`.
pub static KEYWRAPPER_TYPE: PyType = PyObject::new_static(
    &crate::types::typeobject::TYPE_TYPE,
    TypeObject::builtin::<KeyWrapper>("functools.KeyWrapper", &KEYWRAPPER_TYPE, Some(&crate::types::object::OBJECT_TYPE), TPFLAGS_HAVE_GC),
);
impl PyPayload for PyPartial {
    fn class() -> &'static PyType {
        &PARTIAL_TYPE
    }
}
impl PyPayload for KeyWrapper {
    fn class() -> &'static PyType {
        &KEYWRAPPER_TYPE
    }
}

/// The static types of this module.
pub fn types() -> Vec<&'static PyType> {
    vec![&PARTIAL_TYPE, &KEYWRAPPER_TYPE]
}

fn this(v: &Value) -> PyResult<&PyPartial> {
    v.downcast::<PyPartial>().ok_or_else(|| PyErr::type_error("descriptor requires a 'functools.partial' object"))
}

fn is_callable(v: &Value) -> bool {
    v.type_of().data.slots.call.get().is_some()
}

/// Split vectorcall arguments into positional values and (name, value) pairs.
fn split_kwargs(a: Args, k: Kw) -> (Vec<Value>, Vec<(Value, Value)>) {
    let npos = args::npositional(a, k);
    let kws = match k {
        Some(names) => tuple::tuple_items(names).iter().cloned().zip(a[npos..].iter().cloned()).collect(),
        None => Vec::new(),
    };
    (a[..npos].to_vec(), kws)
}

fn partial_new(ts: &ThreadState, cls: &Value, a: Args, k: Kw) -> PyResult<Value> {
    let (pos, kws) = split_kwargs(a, k);
    if pos.is_empty() {
        return Err(PyErr::type_error("type 'partial' takes at least one argument"));
    }
    let mut func = pos[0].clone();
    let mut pargs: Vec<Value> = Vec::new();
    let keywords = dict::new_dict();
    // A plain partial of a partial (without instance attributes) is flattened.
    if let Some(inner) = func.downcast::<PyPartial>() {
        let inner_has_dict = inner.dict.borrow().as_ref().is_some_and(|d| dict::as_dict(d).is_some_and(|x| !x.keys().is_empty()));
        let call_of = |t: &crate::object::typeobj::PyType| t.data.lookup_str("__call__");
        let same_call = call_of(func.type_of()).zip(call_of(&PARTIAL_TYPE)).is_some_and(|(x, y)| x.is(&y));
        if same_call && !inner_has_dict {
            pargs.extend(tuple::tuple_items(&inner.args.borrow()).iter().cloned());
            merge(ts, &keywords, &inner.keywords.borrow())?;
            let f = inner.func.borrow().clone();
            func = f;
        }
    }
    if !is_callable(&func) {
        return Err(PyErr::type_error("the first argument must be callable"));
    }
    pargs.extend(pos[1..].iter().cloned());
    for (name, value) in kws {
        dict::dict_set_item(ts, &keywords, name, value)?;
    }
    Value::new_instance(
        cls,
        PyPartial {
            func: RefCell::new(func),
            args: RefCell::new(tuple::new_tuple(pargs)?),
            keywords: RefCell::new(keywords),
            dict: RefCell::new(None),
        },
    )
}

fn partial_call(ts: &ThreadState, v: &Value, a: Args, k: Kw) -> PyResult<Value> {
    let p = this(v)?;
    let func = p.func.borrow().clone();
    let stored_args = p.args.borrow().clone();
    let stored_kw = p.keywords.borrow().clone();
    let (pos, kws) = split_kwargs(a, k);
    let mut all: Vec<Value> = tuple::tuple_items(&stored_args).to_vec();
    all.extend(pos);
    let merged = dict::new_dict();
    merge(ts, &merged, &stored_kw)?;
    for (name, value) in kws {
        dict::dict_set_item(ts, &merged, name, value)?;
    }
    let mut names = Vec::new();
    for (name, value) in dict::as_dict(&merged).map(|d| d.items()).unwrap_or_default() {
        names.push(name);
        all.push(value);
    }
    if names.is_empty() {
        protocol::call(ts, &func, &all, None)
    } else {
        let kwnames = tuple::new_tuple(names)?;
        protocol::call(ts, &func, &all, Some(&kwnames))
    }
}

fn partial_repr(ts: &ThreadState, v: &Value) -> PyResult<Value> {
    let p = this(v)?;
    let name = v.type_of().name();
    let Some(_g) = crate::types::ReprGuard::enter(ts, v) else {
        return Ok(pystr::new_str("..."));
    };
    let func = p.func.borrow().clone();
    let stored_args = p.args.borrow().clone();
    let stored_kw = p.keywords.borrow().clone();
    let mut parts = vec![protocol::repr_string(ts, &func)?];
    for x in tuple::tuple_items(&stored_args).iter() {
        parts.push(protocol::repr_string(ts, x)?);
    }
    for (key, value) in dict::as_dict(&stored_kw).map(|d| d.items()).unwrap_or_default() {
        parts.push(format!("{}={}", protocol::str_string(ts, &key)?, protocol::repr_string(ts, &value)?));
    }
    Ok(pystr::new_str(&format!("{name}({})", parts.join(", "))))
}

fn func_get(_ts: &ThreadState, v: &Value) -> PyResult<Value> {
    Ok(this(v)?.func.borrow().clone())
}
fn args_get(_ts: &ThreadState, v: &Value) -> PyResult<Value> {
    Ok(this(v)?.args.borrow().clone())
}
fn keywords_get(_ts: &ThreadState, v: &Value) -> PyResult<Value> {
    Ok(this(v)?.keywords.borrow().clone())
}

/// Copy the items of dict `src` into `dst`.
fn merge(ts: &ThreadState, dst: &Value, src: &Value) -> PyResult<()> {
    for (key, value) in dict::as_dict(src).map(|d| d.items()).unwrap_or_default() {
        dict::dict_set_item(ts, dst, key, value)?;
    }
    Ok(())
}

fn own_dict(p: &PyPartial) -> Value {
    p.dict.borrow_mut().get_or_insert_with(dict::new_dict).clone()
}

fn dict_get(_ts: &ThreadState, v: &Value) -> PyResult<Value> {
    Ok(own_dict(this(v)?))
}
fn dict_set(_ts: &ThreadState, v: &Value, value: Option<&Value>) -> PyResult<()> {
    let p = this(v)?;
    match value {
        Some(d) if dict::as_dict(d).is_some() => {
            drop(p.dict.replace(Some(d.clone())));
            Ok(())
        }
        Some(d) => Err(PyErr::type_error(format!("__dict__ must be set to a dictionary, not a '{}'", protocol::type_name(d)))),
        None => Err(PyErr::type_error("__dict__ may not be deleted")),
    }
}

fn partial_getattro(ts: &ThreadState, v: &Value, name: &Value) -> PyResult<Value> {
    if protocol::instance_dict(v).is_some() {
        return protocol::generic_getattr(ts, v, name);
    }
    match protocol::generic_getattr(ts, v, name) {
        Err(e) if e.matches(&exc::ATTRIBUTE_ERROR) => {
            let d = this(v)?.dict.borrow().clone();
            match d.and_then(|d| dict::dict_get_item(ts, &d, name).ok().flatten()) {
                Some(x) => Ok(x),
                None => Err(e),
            }
        }
        r => r,
    }
}

fn partial_setattro(ts: &ThreadState, v: &Value, name: &Value, value: Option<&Value>) -> PyResult<()> {
    if protocol::instance_dict(v).is_some() || v.type_of().data.lookup(name).is_some() {
        return protocol::generic_setattr(ts, v, name, value);
    }
    let d = own_dict(this(v)?);
    match value {
        Some(x) => dict::dict_set_item(ts, &d, name.clone(), x.clone()),
        None => match dict::dict_del_item(ts, &d, name)? {
            Some(_) => Ok(()),
            None => Err(protocol::no_attribute(v, name)),
        },
    }
}

fn partial_reduce(ts: &ThreadState, v: &Value, a: Args, k: Kw) -> PyResult<Value> {
    args::exact("__reduce__", a, k, 0)?;
    let p = this(v)?;
    let func = p.func.borrow().clone();
    let d = protocol::instance_dict(v).or_else(|| p.dict.borrow().clone()).unwrap_or_else(none::none);
    let _ = ts;
    tuple::new_tuple(vec![
        v.type_of().to_value(),
        tuple::new_tuple(vec![func.clone()])?,
        tuple::new_tuple(vec![func, p.args.borrow().clone(), p.keywords.borrow().clone(), d])?,
    ])
}

fn partial_setstate(ts: &ThreadState, v: &Value, a: Args, k: Kw) -> PyResult<Value> {
    let a = args::exact("__setstate__", a, k, 1)?;
    let p = this(v)?;
    let bad = || PyErr::type_error("invalid partial state");
    let items = tuple::try_tuple_items(&a[0]).ok_or_else(bad)?;
    if items.len() != 4 {
        return Err(bad());
    }
    let (func, fargs, kw, d) = (&items[0], &items[1], &items[2], &items[3]);
    if !is_callable(func) || tuple::try_tuple_items(fargs).is_none() || (!none::is_none(kw) && dict::as_dict(kw).is_none()) {
        return Err(bad());
    }
    let fargs = tuple::new_tuple(tuple::tuple_items(fargs).to_vec())?;
    let kw = if none::is_none(kw) { dict::new_dict() } else { kw.clone() };
    drop(p.func.replace(func.clone()));
    drop(p.args.replace(fargs));
    drop(p.keywords.replace(kw));
    if !none::is_none(d) {
        if let Some(inst) = protocol::instance_dict(v) {
            merge(ts, &inst, d)?;
        } else {
            drop(p.dict.replace(Some(d.clone())));
        }
    }
    Ok(none::none())
}

fn partial_class_getitem(_ts: &ThreadState, cls: &Value, a: Args, k: Kw) -> PyResult<Value> {
    let a = args::exact("__class_getitem__", a, k, 1)?;
    crate::types::genericalias::new_generic_alias(cls.clone(), a[0].clone())
}

fn keywrapper_call(_ts: &ThreadState, v: &Value, a: Args, k: Kw) -> PyResult<Value> {
    let [obj] = args::bind("K", a, k, ["obj"], 0, 1, 1)?;
    let w = v.downcast::<KeyWrapper>().ok_or_else(|| PyErr::type_error("KeyWrapper expected"))?;
    Value::new(KeyWrapper { cmp: w.cmp.clone(), obj })
}

fn keywrapper_richcompare(ts: &ThreadState, v: &Value, w: &Value, op: CompareOp) -> PyResult<Value> {
    let a = v.downcast::<KeyWrapper>().ok_or_else(|| PyErr::type_error("KeyWrapper expected"))?;
    let Some(b) = w.downcast::<KeyWrapper>() else {
        return Err(PyErr::type_error("other argument must be K instance"));
    };
    let (Some(x), Some(y)) = (a.obj.clone(), b.obj.clone()) else {
        return Err(PyErr::attribute_error("object"));
    };
    let r = protocol::call(ts, &a.cmp, &[x, y], None)?;
    protocol::richcompare(ts, &r, &crate::types::int::from_i64(0), op)
}

fn keywrapper_obj_get(_ts: &ThreadState, v: &Value) -> PyResult<Value> {
    let w = v.downcast::<KeyWrapper>().ok_or_else(|| PyErr::type_error("KeyWrapper expected"))?;
    w.obj.clone().ok_or_else(|| PyErr::attribute_error("obj"))
}

fn cmp_to_key(_ts: &ThreadState, _m: &Value, a: Args, k: Kw) -> PyResult<Value> {
    let [mycmp] = args::bind("cmp_to_key", a, k, ["mycmp"], 0, 1, 1)?;
    Value::new(KeyWrapper { cmp: mycmp.unwrap_or_else(none::none), obj: None })
}

fn reduce(ts: &ThreadState, _m: &Value, a: Args, k: Kw) -> PyResult<Value> {
    args::no_kwargs("reduce", k)?;
    let a = args::positional("reduce", a, k, 2, 3)?;
    let it = protocol::get_iter(ts, &a[1]).map_err(|e| {
        if e.matches(&exc::TYPE_ERROR) {
            PyErr::type_error("reduce() arg 2 must support iteration")
        } else {
            e
        }
    })?;
    let mut acc = a.get(2).cloned();
    while let Some(x) = protocol::next(ts, &it)? {
        acc = Some(match acc {
            None => x,
            Some(r) => protocol::call(ts, &a[0], &[r, x], None)?,
        });
    }
    acc.ok_or_else(|| PyErr::type_error("reduce() of empty iterable with no initial value"))
}

/// Fill the static types.
pub fn init() {
    use crate::types::descr::{add_getsets, add_methods, add_methods_kind, MethodKind};
    let s = &PARTIAL_TYPE.data.slots;
    s.new.set(Some(partial_new));
    s.call.set(Some(partial_call));
    s.repr.set(Some(partial_repr));
    s.getattro.set(Some(partial_getattro));
    s.setattro.set(Some(partial_setattro));
    add_getsets(
        &PARTIAL_TYPE,
        &[("func", func_get, None), ("args", args_get, None), ("keywords", keywords_get, None), ("__dict__", dict_get, Some(dict_set))],
    );
    add_methods(&PARTIAL_TYPE, &[("__reduce__", partial_reduce), ("__setstate__", partial_setstate)]);
    add_methods_kind(&PARTIAL_TYPE, &[("__class_getitem__", partial_class_getitem)], MethodKind::Class);
    let s = &KEYWRAPPER_TYPE.data.slots;
    s.call.set(Some(keywrapper_call));
    s.richcompare.set(Some(keywrapper_richcompare));
    s.hash.set(Some(crate::types::object::hash_not_implemented));
    s.getattro.set(Some(protocol::generic_getattr));
    add_getsets(&KEYWRAPPER_TYPE, &[("obj", keywrapper_obj_get, None)]);
}

/// Create the `_functools` module.
pub fn create(ts: &ThreadState) -> PyResult<Value> {
    let (m, d) = super::new_native_module(ts, "_functools", &[("reduce", reduce), ("cmp_to_key", cmp_to_key)])?;
    super::set_attr(ts, &d, "partial", PARTIAL_TYPE.to_value())?;
    super::set_attr(ts, &d, "KeyWrapper", KEYWRAPPER_TYPE.to_value())?;
    Ok(m)
}
