//! `function` (Python functions), `builtin_function_or_method` (native
//! functions, possibly bound to an object) and `method` (bound methods).

use std::cell::{Cell, RefCell};

use crate::object::protocol;
use crate::object::typeobj::{CallFn, PyType, TypeObject, TPFLAGS_HAVE_GC};
use crate::object::value::{PyObject, PyPayload, Value};
use crate::runtime::errors::{PyErr, PyResult};
use crate::runtime::thread::ThreadState;
use crate::types::{code::PyCode, descr, dict, none, str as pystr, tuple};

pub struct PyFunction {
    pub code: RefCell<Value>,
    pub globals: Value,
    pub builtins: Value,
    pub name: RefCell<Value>,
    pub qualname: RefCell<Value>,
    pub defaults: RefCell<Option<Value>>,
    pub kwdefaults: RefCell<Option<Value>>,
    pub closure: Option<Value>,
    pub doc: RefCell<Value>,
    pub module: RefCell<Value>,
    pub annotations: RefCell<Option<Value>>,
    dict: Cell<Option<Value>>,
}

pub struct PyBuiltinFunction {
    pub name: &'static str,
    pub func: CallFn,
    /// `__self__`: the bound object, or the module for module functions.
    pub self_: Option<Value>,
    pub module: Option<&'static str>,
}

pub struct PyMethod {
    pub func: Value,
    pub self_: Value,
}

pub static FUNCTION_TYPE: PyType = PyObject::new_static(
    &super::typeobject::TYPE_TYPE,
    TypeObject::builtin::<PyFunction>("function", &FUNCTION_TYPE, Some(&super::object::OBJECT_TYPE), TPFLAGS_HAVE_GC),
);
pub static BUILTIN_FUNCTION_TYPE: PyType = PyObject::new_static(
    &super::typeobject::TYPE_TYPE,
    TypeObject::builtin::<PyBuiltinFunction>("builtin_function_or_method", &BUILTIN_FUNCTION_TYPE, Some(&super::object::OBJECT_TYPE), TPFLAGS_HAVE_GC),
);
pub static METHOD_TYPE: PyType = PyObject::new_static(
    &super::typeobject::TYPE_TYPE,
    TypeObject::builtin::<PyMethod>("method", &METHOD_TYPE, Some(&super::object::OBJECT_TYPE), TPFLAGS_HAVE_GC),
);

impl PyPayload for PyFunction {
    fn class() -> &'static PyType {
        &FUNCTION_TYPE
    }
}
impl PyPayload for PyBuiltinFunction {
    fn class() -> &'static PyType {
        &BUILTIN_FUNCTION_TYPE
    }
}
impl PyPayload for PyMethod {
    fn class() -> &'static PyType {
        &METHOD_TYPE
    }
}

impl PyFunction {
    /// A function for `code` in `globals` (MAKE_FUNCTION).
    pub fn new(code: Value, globals: Value, qualname: Option<Value>) -> PyResult<PyFunction> {
        let c = code.downcast::<PyCode>().ok_or_else(|| PyErr::type_error("function() argument 'code' must be code"))?;
        let name = c.name.clone();
        let qualname = qualname.unwrap_or_else(|| c.qualname.clone());
        let doc = c.docstring();
        let module = dict::dict_get_str(&globals, &pystr::intern("__name__")).unwrap_or_else(none::none);
        let builtins = builtins_of(&globals);
        Ok(PyFunction {
            code: RefCell::new(code),
            globals,
            builtins,
            name: RefCell::new(name),
            qualname: RefCell::new(qualname),
            defaults: RefCell::new(None),
            kwdefaults: RefCell::new(None),
            closure: None,
            doc: RefCell::new(doc),
            module: RefCell::new(module),
            annotations: RefCell::new(None),
            dict: Cell::new(None),
        })
    }

    pub fn with_closure(mut self, closure: Option<Value>) -> PyFunction {
        self.closure = closure;
        self
    }

    /// The function's `__dict__`, created on first use.
    pub fn dict(&self) -> Value {
        let d = self.dict.take().unwrap_or_else(dict::new_dict);
        self.dict.set(Some(d.clone()));
        d
    }

    pub fn code(&self) -> Value {
        self.code.borrow().clone()
    }
}

/// The builtins a function defined in `globals` sees: `globals['__builtins__']`
/// (a module or a dict), else the interpreter's.
pub fn builtins_of(globals: &Value) -> Value {
    if let Some(b) = dict::dict_get_str(globals, &pystr::intern("__builtins__")) {
        if let Some(m) = b.downcast::<super::module::PyModule>() {
            return m.dict.clone();
        }
        if dict::as_dict(&b).is_some() {
            return b;
        }
    }
    match ThreadState::current() {
        Some(ts) => ts.interp().builtins(),
        None => dict::new_dict(),
    }
}

/// A native function bound to `self_` (`[].append`, module functions).
pub fn new_builtin_bound(name: &'static str, func: CallFn, self_: Value) -> PyResult<Value> {
    Value::new(PyBuiltinFunction { name, func, self_: Some(self_), module: None })
}

/// A native module-level function.
pub fn new_builtin(name: &'static str, func: CallFn, module: &'static str) -> Value {
    Value::new(PyBuiltinFunction { name, func, self_: None, module: Some(module) }).expect("start-up allocation")
}

/// The name of a builtin function object.
pub fn builtin_name(v: &Value) -> &'static str {
    v.downcast::<PyBuiltinFunction>().map_or("", |b| b.name)
}

/// A bound method `func` of `self_`.
pub fn new_method(func: Value, self_: Value) -> PyResult<Value> {
    Value::new(PyMethod { func, self_ })
}

fn function_call(ts: &ThreadState, f: &Value, args: &[Value], kwnames: Option<&Value>) -> PyResult<Value> {
    crate::eval::ceval::call_function(ts, f, args, kwnames)
}

fn function_get(_ts: &ThreadState, f: &Value, obj: Option<&Value>, _ty: Option<&Value>) -> PyResult<Value> {
    match obj {
        Some(o) => new_method(f.clone(), o.clone()),
        _ => Ok(f.clone()),
    }
}

fn function_repr(_ts: &ThreadState, f: &Value) -> PyResult<Value> {
    let func = f.downcast::<PyFunction>().ok_or_else(|| PyErr::type_error("function expected"))?;
    let q = pystr::as_rust_str(&func.qualname.borrow()).into_owned();
    Ok(pystr::new_str(&format!("<function {} at {:#x}>", q, f.id())))
}

fn builtin_call(ts: &ThreadState, f: &Value, args: &[Value], kwnames: Option<&Value>) -> PyResult<Value> {
    let b = f.downcast::<PyBuiltinFunction>().ok_or_else(|| PyErr::type_error("builtin expected"))?;
    let _guard = crate::eval::ceval::NativeCallGuard::enter(ts)?;
    match &b.self_ {
        Some(s) => (b.func)(ts, s, args, kwnames),
        None => (b.func)(ts, &none::none(), args, kwnames),
    }
}

fn builtin_repr(_ts: &ThreadState, f: &Value) -> PyResult<Value> {
    let b = f.downcast::<PyBuiltinFunction>().ok_or_else(|| PyErr::type_error("builtin expected"))?;
    match &b.self_ {
        Some(s) if s.downcast::<super::module::PyModule>().is_none() => Ok(pystr::new_str(&format!(
            "<built-in method {} of {} object at {:#x}>",
            b.name,
            protocol::type_name(s),
            s.id()
        ))),
        _ => Ok(pystr::new_str(&format!("<built-in function {}>", b.name))),
    }
}

fn method_call(ts: &ThreadState, m: &Value, args: &[Value], kwnames: Option<&Value>) -> PyResult<Value> {
    let meth = m.downcast::<PyMethod>().ok_or_else(|| PyErr::type_error("method expected"))?;
    let mut full = Vec::with_capacity(args.len() + 1);
    full.push(meth.self_.clone());
    full.extend_from_slice(args);
    protocol::call(ts, &meth.func, &full, kwnames)
}

fn method_repr(ts: &ThreadState, m: &Value) -> PyResult<Value> {
    let meth = m.downcast::<PyMethod>().ok_or_else(|| PyErr::type_error("method expected"))?;
    let name = match protocol::lookup_attr(ts, &meth.func, &pystr::intern("__qualname__"))? {
        Some(n) => protocol::str_string(ts, &n)?,
        None => "?".into(),
    };
    let me = protocol::repr_string(ts, &meth.self_)?;
    Ok(pystr::new_str(&format!("<bound method {} of {}>", name, me)))
}

fn method_getattro(ts: &ThreadState, m: &Value, name: &Value) -> PyResult<Value> {
    match protocol::generic_getattr(ts, m, name) {
        Ok(v) => Ok(v),
        Err(e) if e.matches(&super::exceptions::ATTRIBUTE_ERROR) => {
            let meth = m.downcast::<PyMethod>().ok_or(e)?;
            protocol::getattr(ts, &meth.func, name)
        }
        Err(e) => Err(e),
    }
}

fn method_richcompare(_ts: &ThreadState, a: &Value, b: &Value, op: crate::object::typeobj::CompareOp) -> PyResult<Value> {
    use crate::object::typeobj::CompareOp;
    let (Some(x), Some(y)) = (a.downcast::<PyMethod>(), b.downcast::<PyMethod>()) else {
        return Ok(none::not_implemented());
    };
    let eq = x.func.is(&y.func) && x.self_.is(&y.self_);
    match op {
        CompareOp::Eq => Ok(super::bool_::new_bool(eq)),
        CompareOp::Ne => Ok(super::bool_::new_bool(!eq)),
        _ => Ok(none::not_implemented()),
    }
}

fn method_hash(ts: &ThreadState, m: &Value) -> PyResult<isize> {
    let meth = m.downcast::<PyMethod>().ok_or_else(|| PyErr::type_error("method expected"))?;
    Ok(protocol::hash(ts, &meth.func)? ^ crate::pyhash::hash_pointer(meth.self_.id()))
}

macro_rules! fattr {
    ($get:ident, $set:ident, $field:ident, $check:expr) => {
        fn $get(_ts: &ThreadState, f: &Value) -> PyResult<Value> {
            let func = f.downcast::<PyFunction>().ok_or_else(|| PyErr::type_error("function expected"))?;
            Ok(func.$field.borrow().clone())
        }
        fn $set(_ts: &ThreadState, f: &Value, v: Option<&Value>) -> PyResult<()> {
            let func = f.downcast::<PyFunction>().ok_or_else(|| PyErr::type_error("function expected"))?;
            let check: fn(Option<&Value>) -> PyResult<Value> = $check;
            let v = check(v)?;
            *func.$field.borrow_mut() = v;
            Ok(())
        }
    };
}

fn need_str(what: &'static str) -> impl Fn(Option<&Value>) -> PyResult<Value> {
    move |v| match v {
        Some(s) if s.type_of().is_subtype(&pystr::STR_TYPE) => Ok(s.clone()),
        _ => Err(PyErr::type_error(format!("{what} must be set to a string object"))),
    }
}

fattr!(func_name, set_func_name, name, |v| need_str("__name__")(v));
fattr!(func_qualname, set_func_qualname, qualname, |v| need_str("__qualname__")(v));
fattr!(func_doc, set_func_doc, doc, |v| Ok(v.cloned().unwrap_or_else(none::none)));
fattr!(func_module, set_func_module, module, |v| Ok(v.cloned().unwrap_or_else(none::none)));

fn func_code(_ts: &ThreadState, f: &Value) -> PyResult<Value> {
    Ok(f.downcast::<PyFunction>().map(|x| x.code()).unwrap_or_else(none::none))
}
fn set_func_code(_ts: &ThreadState, f: &Value, v: Option<&Value>) -> PyResult<()> {
    let func = f.downcast::<PyFunction>().ok_or_else(|| PyErr::type_error("function expected"))?;
    match v {
        Some(c) if c.downcast::<PyCode>().is_some() => {
            *func.code.borrow_mut() = c.clone();
            Ok(())
        }
        _ => Err(PyErr::type_error("__code__ must be set to a code object")),
    }
}
fn func_globals(_ts: &ThreadState, f: &Value) -> PyResult<Value> {
    Ok(f.downcast::<PyFunction>().map(|x| x.globals.clone()).unwrap_or_else(none::none))
}
fn func_builtins(_ts: &ThreadState, f: &Value) -> PyResult<Value> {
    Ok(f.downcast::<PyFunction>().map(|x| x.builtins.clone()).unwrap_or_else(none::none))
}
fn func_closure(_ts: &ThreadState, f: &Value) -> PyResult<Value> {
    Ok(f.downcast::<PyFunction>().and_then(|x| x.closure.clone()).unwrap_or_else(none::none))
}
fn func_defaults(_ts: &ThreadState, f: &Value) -> PyResult<Value> {
    Ok(f.downcast::<PyFunction>().and_then(|x| x.defaults.borrow().clone()).unwrap_or_else(none::none))
}
fn set_func_defaults(_ts: &ThreadState, f: &Value, v: Option<&Value>) -> PyResult<()> {
    let func = f.downcast::<PyFunction>().ok_or_else(|| PyErr::type_error("function expected"))?;
    let v = match v {
        None => None,
        Some(x) if none::is_none(x) => None,
        Some(x) if tuple::try_tuple_items(x).is_some() => Some(x.clone()),
        Some(_) => return Err(PyErr::type_error("__defaults__ must be set to a tuple object")),
    };
    *func.defaults.borrow_mut() = v;
    Ok(())
}
fn func_kwdefaults(_ts: &ThreadState, f: &Value) -> PyResult<Value> {
    Ok(f.downcast::<PyFunction>().and_then(|x| x.kwdefaults.borrow().clone()).unwrap_or_else(none::none))
}
fn set_func_kwdefaults(_ts: &ThreadState, f: &Value, v: Option<&Value>) -> PyResult<()> {
    let func = f.downcast::<PyFunction>().ok_or_else(|| PyErr::type_error("function expected"))?;
    let v = match v {
        None => None,
        Some(x) if none::is_none(x) => None,
        Some(x) if dict::as_dict(x).is_some() => Some(x.clone()),
        Some(_) => return Err(PyErr::type_error("__kwdefaults__ must be set to a dict object")),
    };
    *func.kwdefaults.borrow_mut() = v;
    Ok(())
}
fn func_annotations(_ts: &ThreadState, f: &Value) -> PyResult<Value> {
    let func = f.downcast::<PyFunction>().ok_or_else(|| PyErr::type_error("function expected"))?;
    let mut a = func.annotations.borrow_mut();
    if a.is_none() {
        *a = Some(dict::new_dict());
    }
    Ok(a.clone().unwrap_or_else(none::none))
}
fn set_func_annotations(_ts: &ThreadState, f: &Value, v: Option<&Value>) -> PyResult<()> {
    let func = f.downcast::<PyFunction>().ok_or_else(|| PyErr::type_error("function expected"))?;
    *func.annotations.borrow_mut() = v.filter(|x| !none::is_none(x)).cloned();
    Ok(())
}
fn func_dict(_ts: &ThreadState, f: &Value) -> PyResult<Value> {
    Ok(f.downcast::<PyFunction>().map(|x| x.dict()).unwrap_or_else(none::none))
}

fn builtin_self(_ts: &ThreadState, f: &Value) -> PyResult<Value> {
    let b = f.downcast::<PyBuiltinFunction>().ok_or_else(|| PyErr::type_error("builtin expected"))?;
    Ok(b.self_.clone().unwrap_or_else(none::none))
}
fn builtin_name_attr(_ts: &ThreadState, f: &Value) -> PyResult<Value> {
    Ok(pystr::new_str(builtin_name(f)))
}
fn builtin_qualname(_ts: &ThreadState, f: &Value) -> PyResult<Value> {
    let b = f.downcast::<PyBuiltinFunction>().ok_or_else(|| PyErr::type_error("builtin expected"))?;
    match &b.self_ {
        Some(s) if s.downcast::<super::module::PyModule>().is_none() && !none::is_none(s) => {
            let tyname = match s.as_type() {
                Some(t) => t.name(),
                None => protocol::type_name(s),
            };
            Ok(pystr::new_str(&format!("{}.{}", tyname, b.name)))
        }
        _ => Ok(pystr::new_str(b.name)),
    }
}
/// A builtin's doc: a builtins-module function's, or the method's of the
/// first type along `__self__`'s MRO that documents it.
fn builtin_doc(_ts: &ThreadState, f: &Value) -> PyResult<Value> {
    let b = f.downcast::<PyBuiltinFunction>().ok_or_else(|| PyErr::type_error("builtin expected"))?;
    let doc = match &b.self_ {
        Some(s) if s.downcast::<super::module::PyModule>().is_none() && !none::is_none(s) => {
            let ty = match s.as_type() {
                Some(_) => protocol::as_pytype(s).map(|t| t.data.mro()),
                None => Some(s.type_of().data.mro()),
            };
            ty.and_then(|mro| {
                super::tuple::tuple_items(&mro)
                    .iter()
                    .filter_map(|t| t.as_type())
                    .find_map(|t| super::builtin_docs::method_doc(&t.name(), b.name))
            })
        }
        _ if matches!(b.module, None | Some("builtins")) => super::builtin_docs::function_doc(b.name),
        _ => None,
    };
    Ok(doc.map(pystr::new_str).unwrap_or_else(none::none))
}

/// `__reduce__` of builtins (CPython's meth_reduce): a module function pickles
/// by name; a bound builtin method as `getattr(self, name)`.
fn builtin_reduce(ts: &ThreadState, f: &Value, a: &[Value], k: Option<&Value>) -> PyResult<Value> {
    crate::object::args::exact("__reduce__", a, k, 0)?;
    let b = f.downcast::<PyBuiltinFunction>().ok_or_else(|| PyErr::type_error("builtin expected"))?;
    match &b.self_ {
        Some(s) if s.downcast::<super::module::PyModule>().is_none() && !none::is_none(s) => {
            let getattr = protocol::getattr_str(ts, &crate::modules::builtins_module(ts), "getattr")?;
            super::tuple::new_tuple(vec![getattr, super::tuple::new_tuple(vec![s.clone(), pystr::new_str(b.name)])?])
        }
        _ => Ok(pystr::new_str(b.name)),
    }
}

fn builtin_text_signature(_ts: &ThreadState, _f: &Value) -> PyResult<Value> {
    Ok(none::none())
}

fn builtin_module(_ts: &ThreadState, f: &Value) -> PyResult<Value> {
    let b = f.downcast::<PyBuiltinFunction>().ok_or_else(|| PyErr::type_error("builtin expected"))?;
    Ok(b.module.map(pystr::new_str).unwrap_or_else(none::none))
}

/// A bound method's doc is its function's.
fn method_doc(ts: &ThreadState, m: &Value) -> PyResult<Value> {
    let meth = m.downcast::<PyMethod>().ok_or_else(|| PyErr::type_error("method expected"))?;
    protocol::getattr(ts, &meth.func, &pystr::intern("__doc__"))
}

fn method_func(_ts: &ThreadState, m: &Value) -> PyResult<Value> {
    Ok(m.downcast::<PyMethod>().map(|x| x.func.clone()).unwrap_or_else(none::none))
}
fn method_self(_ts: &ThreadState, m: &Value) -> PyResult<Value> {
    Ok(m.downcast::<PyMethod>().map(|x| x.self_.clone()).unwrap_or_else(none::none))
}

pub fn init() {
    let s = &FUNCTION_TYPE.data.slots;
    s.call.set(Some(function_call));
    s.descr_get.set(Some(function_get));
    s.repr.set(Some(function_repr));
    s.getattro.set(Some(protocol::generic_getattr));
    s.setattro.set(Some(protocol::generic_setattr));
    descr::add_getsets(
        &FUNCTION_TYPE,
        &[
            ("__name__", func_name, Some(set_func_name)),
            ("__qualname__", func_qualname, Some(set_func_qualname)),
            ("__doc__", func_doc, Some(set_func_doc)),
            ("__module__", func_module, Some(set_func_module)),
            ("__code__", func_code, Some(set_func_code)),
            ("__globals__", func_globals, None),
            ("__builtins__", func_builtins, None),
            ("__closure__", func_closure, None),
            ("__defaults__", func_defaults, Some(set_func_defaults)),
            ("__kwdefaults__", func_kwdefaults, Some(set_func_kwdefaults)),
            ("__annotations__", func_annotations, Some(set_func_annotations)),
            ("__dict__", func_dict, None),
        ],
    );
    let s = &BUILTIN_FUNCTION_TYPE.data.slots;
    s.call.set(Some(builtin_call));
    s.repr.set(Some(builtin_repr));
    descr::add_getsets(
        &BUILTIN_FUNCTION_TYPE,
        &[
            ("__self__", builtin_self, None),
            ("__name__", builtin_name_attr, None),
            ("__qualname__", builtin_qualname, None),
            ("__module__", builtin_module, None),
            ("__doc__", builtin_doc, None),
            ("__text_signature__", builtin_text_signature, None),
        ],
    );
    descr::add_methods(&BUILTIN_FUNCTION_TYPE, &[("__reduce__", builtin_reduce)]);
    let s = &METHOD_TYPE.data.slots;
    s.call.set(Some(method_call));
    s.repr.set(Some(method_repr));
    s.getattro.set(Some(method_getattro));
    s.richcompare.set(Some(method_richcompare));
    s.hash.set(Some(method_hash));
    descr::add_getsets(&METHOD_TYPE, &[("__func__", method_func, None), ("__self__", method_self, None), ("__doc__", method_doc, None)]);
}

/// The references a function holds, for the cycle collector.
pub(crate) fn gc_traverse(v: &Value, visit: &mut dyn FnMut(&Value)) {
    let Some(f) = v.downcast::<PyFunction>() else { return };
    visit(&f.globals);
    visit(&f.builtins);
    if let Some(c) = &f.closure {
        visit(c);
    }
    for c in [&f.code, &f.name, &f.qualname, &f.doc, &f.module] {
        if let Ok(b) = c.try_borrow() {
            visit(&b);
        }
    }
    for c in [&f.defaults, &f.kwdefaults, &f.annotations] {
        if let Ok(b) = c.try_borrow() {
            if let Some(x) = &*b {
                visit(x);
            }
        }
    }
    let d = f.dict.take();
    if let Some(x) = &d {
        visit(x);
    }
    f.dict.set(d);
}

/// Drop the references of a garbage function that can be dropped.
pub(crate) fn gc_clear(v: &Value) {
    let Some(f) = v.downcast::<PyFunction>() else { return };
    let mut old = Vec::new();
    for c in [&f.defaults, &f.kwdefaults, &f.annotations] {
        if let Ok(mut b) = c.try_borrow_mut() {
            old.push(b.take());
        }
    }
    old.push(f.dict.take());
    for c in [&f.doc, &f.module] {
        if let Ok(mut b) = c.try_borrow_mut() {
            old.push(Some(std::mem::replace(&mut *b, none::none())));
        }
    }
    drop(old);
}

/// `types.MethodType(func, obj)` (CPython's method_new).
pub(crate) fn method_new(_ts: &ThreadState, _cls: &Value, args: &[Value], kw: Option<&Value>) -> PyResult<Value> {
    crate::object::args::no_kwargs("method", kw)?;
    let a = crate::object::args::positional("method", args, kw, 2, 2)?;
    if a[0].type_of().data.slots.call.get().is_none() {
        return Err(PyErr::type_error("first argument must be callable"));
    }
    if a[1].is(&none::none()) {
        return Err(PyErr::type_error("instance must not be None"));
    }
    Value::new(PyMethod { func: a[0].clone(), self_: a[1].clone() })
}
