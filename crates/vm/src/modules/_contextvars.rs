//! The `_contextvars` module (PEP 567): `ContextVar`, `Token`, `Context`
//! and `copy_context`, as CPython's Python/context.c. Each thread state
//! has a current context; a context maps variables to values and is
//! copied on write, so a copy is O(1) until one of them is changed.

use std::cell::{Cell, RefCell};
use std::rc::Rc;

use crate::object::args;
use crate::object::protocol;
use crate::object::typeobj::{CompareOp, PyType, TypeObject};
use crate::object::value::{PyObject, PyPayload, Value};
use crate::runtime::errors::{PyErr, PyResult};
use crate::runtime::thread::ThreadState;
use crate::types::{bool_, descr, exceptions as exc, genericalias, iter, list, none, str as pystr, tuple};

/// Variables and their values, by the variables' identity, in the order
/// they were first set.
type Vars = Rc<Vec<(Value, Value)>>;

pub struct PyContext {
    vars: RefCell<Vars>,
    /// Inside `run()` (a context can be entered once at a time).
    entered: Cell<bool>,
}

pub struct PyContextVar {
    name: Value,
    default: Option<Value>,
}

pub struct PyToken {
    ctx: Value,
    var: Value,
    /// The variable's value before `set()`; None when it had none.
    old: Option<Value>,
    used: Cell<bool>,
}

/// `Token.MISSING`.
pub struct TokenMissing;

pub static CONTEXT_TYPE: PyType = PyObject::new_static(
    &crate::types::typeobject::TYPE_TYPE,
    TypeObject::builtin::<PyContext>("_contextvars.Context", &CONTEXT_TYPE, Some(&crate::types::object::OBJECT_TYPE), 0),
);
pub static CONTEXT_VAR_TYPE: PyType = PyObject::new_static(
    &crate::types::typeobject::TYPE_TYPE,
    TypeObject::builtin::<PyContextVar>("_contextvars.ContextVar", &CONTEXT_VAR_TYPE, Some(&crate::types::object::OBJECT_TYPE), 0),
);
pub static TOKEN_TYPE: PyType = PyObject::new_static(
    &crate::types::typeobject::TYPE_TYPE,
    TypeObject::builtin::<PyToken>("_contextvars.Token", &TOKEN_TYPE, Some(&crate::types::object::OBJECT_TYPE), 0),
);
pub static TOKEN_MISSING_TYPE: PyType = PyObject::new_static(
    &crate::types::typeobject::TYPE_TYPE,
    TypeObject::builtin::<TokenMissing>("Token.MISSING", &TOKEN_MISSING_TYPE, Some(&crate::types::object::OBJECT_TYPE), 0),
);

impl PyPayload for PyContext {
    fn class() -> &'static PyType {
        &CONTEXT_TYPE
    }
}
impl PyPayload for PyContextVar {
    fn class() -> &'static PyType {
        &CONTEXT_VAR_TYPE
    }
}
impl PyPayload for PyToken {
    fn class() -> &'static PyType {
        &TOKEN_TYPE
    }
}
impl PyPayload for TokenMissing {
    fn class() -> &'static PyType {
        &TOKEN_MISSING_TYPE
    }
}

thread_local! {
    static MISSING: Value = Value::new(TokenMissing).unwrap_or_else(|_| none::none());
}

fn missing() -> Value {
    MISSING.with(|m| m.clone())
}

pub fn types() -> Vec<&'static PyType> {
    vec![&CONTEXT_TYPE, &CONTEXT_VAR_TYPE, &TOKEN_TYPE, &TOKEN_MISSING_TYPE]
}

fn new_context(vars: Vars) -> PyResult<Value> {
    Value::new(PyContext { vars: RefCell::new(vars), entered: Cell::new(false) })
}

/// The thread's current context, made empty on first use.
fn current(ts: &ThreadState) -> PyResult<Value> {
    if let Some(c) = ts.context.borrow().as_ref() {
        return Ok(c.clone());
    }
    let c = new_context(Rc::new(Vec::new()))?;
    *ts.context.borrow_mut() = Some(c.clone());
    Ok(c)
}

fn ctx_of(v: &Value) -> PyResult<&PyContext> {
    v.downcast::<PyContext>().ok_or_else(|| PyErr::type_error("a Context object is required"))
}

fn var_of<'a>(ts: &ThreadState, v: &'a Value) -> PyResult<&'a PyContextVar> {
    v.downcast::<PyContextVar>()
        .ok_or_else(|| PyErr::type_error(format!("a ContextVar key was expected, got {}", protocol::repr_string(ts, v).unwrap_or_default())))
}

fn lookup(vars: &Vars, var: &Value) -> Option<Value> {
    vars.iter().find(|(k, _)| k.is(var)).map(|(_, v)| v.clone())
}

fn assign(ctx: &PyContext, var: &Value, value: Option<Value>) {
    let mut vars = ctx.vars.borrow_mut();
    let v = Rc::make_mut(&mut vars);
    let at = v.iter().position(|(k, _)| k.is(var));
    match (at, value) {
        (Some(i), Some(x)) => v[i].1 = x,
        (None, Some(x)) => v.push((var.clone(), x)),
        (Some(i), None) => {
            v.remove(i);
        }
        (None, None) => {}
    }
}

// ---- Context ----

fn context_new(_ts: &ThreadState, _cls: &Value, a: &[Value], k: Option<&Value>) -> PyResult<Value> {
    if !a.is_empty() || k.is_some() {
        return Err(PyErr::type_error("Context() does not accept any arguments"));
    }
    new_context(Rc::new(Vec::new()))
}

/// `ctx.run(callable, *args, **kwargs)`: call it with `ctx` current.
fn context_run(ts: &ThreadState, v: &Value, a: &[Value], k: Option<&Value>) -> PyResult<Value> {
    let nkw = k.and_then(tuple::try_tuple_items).map_or(0, |t| t.len());
    if a.len() - nkw == 0 {
        return Err(PyErr::type_error("run() missing 1 required positional argument"));
    }
    let c = ctx_of(v)?;
    if c.entered.get() {
        return Err(PyErr::runtime_error(format!(
            "cannot enter context: {} is already entered",
            protocol::repr_string(ts, v).unwrap_or_default()
        )));
    }
    c.entered.set(true);
    let prev = ts.context.replace(Some(v.clone()));
    let r = protocol::call(ts, &a[0], &a[1..], k);
    let _mine = ts.context.replace(prev);
    c.entered.set(false);
    r
}

fn context_copy(_ts: &ThreadState, v: &Value, a: &[Value], k: Option<&Value>) -> PyResult<Value> {
    args::exact("Context.copy", a, k, 0)?;
    new_context(ctx_of(v)?.vars.borrow().clone())
}

fn context_get(ts: &ThreadState, v: &Value, a: &[Value], k: Option<&Value>) -> PyResult<Value> {
    args::no_kwargs("Context.get", k)?;
    let a = args::positional("get", a, None, 1, 2)?;
    var_of(ts, &a[0])?;
    Ok(lookup(&ctx_of(v)?.vars.borrow(), &a[0]).or_else(|| a.get(1).cloned()).unwrap_or_else(none::none))
}

fn context_keys(_ts: &ThreadState, v: &Value, a: &[Value], k: Option<&Value>) -> PyResult<Value> {
    args::exact("Context.keys", a, k, 0)?;
    list::new_list(ctx_of(v)?.vars.borrow().iter().map(|(k, _)| k.clone()).collect())
}

fn context_values(_ts: &ThreadState, v: &Value, a: &[Value], k: Option<&Value>) -> PyResult<Value> {
    args::exact("Context.values", a, k, 0)?;
    list::new_list(ctx_of(v)?.vars.borrow().iter().map(|(_, x)| x.clone()).collect())
}

fn context_items(_ts: &ThreadState, v: &Value, a: &[Value], k: Option<&Value>) -> PyResult<Value> {
    args::exact("Context.items", a, k, 0)?;
    let items = ctx_of(v)?.vars.borrow().iter().map(|(k, x)| tuple::new_tuple(vec![k.clone(), x.clone()])).collect::<PyResult<Vec<_>>>()?;
    list::new_list(items)
}

fn context_getitem(ts: &ThreadState, v: &Value, key: &Value) -> PyResult<Value> {
    var_of(ts, key)?;
    lookup(&ctx_of(v)?.vars.borrow(), key).ok_or_else(|| PyErr::key_error(key.clone()))
}

fn context_contains(ts: &ThreadState, v: &Value, key: &Value) -> PyResult<bool> {
    var_of(ts, key)?;
    Ok(lookup(&ctx_of(v)?.vars.borrow(), key).is_some())
}

fn context_len(_ts: &ThreadState, v: &Value) -> PyResult<usize> {
    Ok(ctx_of(v)?.vars.borrow().len())
}

fn context_iter(_ts: &ThreadState, v: &Value) -> PyResult<Value> {
    iter::new_list_iterator(ctx_of(v)?.vars.borrow().iter().map(|(k, _)| k.clone()).collect())
}

fn context_richcompare(ts: &ThreadState, a: &Value, b: &Value, op: CompareOp) -> PyResult<Value> {
    let (Some(x), Some(y)) = (a.downcast::<PyContext>(), b.downcast::<PyContext>()) else { return Ok(none::not_implemented()) };
    if !matches!(op, CompareOp::Eq | CompareOp::Ne) {
        return Ok(none::not_implemented());
    }
    let (p, q) = (x.vars.borrow().clone(), y.vars.borrow().clone());
    let mut equal = p.len() == q.len();
    if equal && !Rc::ptr_eq(&p, &q) {
        for (k, val) in p.iter() {
            match lookup(&q, k) {
                Some(other) if protocol::compare_bool(ts, val, &other, CompareOp::Eq)? => {}
                _ => {
                    equal = false;
                    break;
                }
            }
        }
    }
    Ok(bool_::new_bool(equal == (op == CompareOp::Eq)))
}

/// `copy_context()`: a copy of the current context.
fn copy_context(ts: &ThreadState, _m: &Value, a: &[Value], k: Option<&Value>) -> PyResult<Value> {
    args::exact("copy_context", a, k, 0)?;
    let c = current(ts)?;
    let vars = ctx_of(&c)?.vars.borrow().clone();
    new_context(vars)
}

// ---- ContextVar ----

fn var_new(_ts: &ThreadState, _cls: &Value, a: &[Value], k: Option<&Value>) -> PyResult<Value> {
    let [name, default] = args::bind("ContextVar", a, k, ["name", "default"], 0, 1, 1)?;
    let name = name.unwrap_or_else(none::none);
    if !name.type_of().is_subtype(&pystr::STR_TYPE) {
        return Err(PyErr::type_error("context variable name must be a str"));
    }
    Value::new(PyContextVar { name, default })
}

fn this_var(v: &Value) -> PyResult<&PyContextVar> {
    v.downcast::<PyContextVar>().ok_or_else(|| PyErr::type_error("ContextVar expected"))
}

/// `var.get([default])`: the value in the current context, else the
/// default given, else the variable's default, else LookupError.
fn var_get(ts: &ThreadState, v: &Value, a: &[Value], k: Option<&Value>) -> PyResult<Value> {
    args::no_kwargs("ContextVar.get", k)?;
    let a = args::positional("get", a, None, 0, 1)?;
    let var = this_var(v)?;
    if let Some(c) = ts.context.borrow().as_ref() {
        if let Some(x) = lookup(&ctx_of(c)?.vars.borrow(), v) {
            return Ok(x);
        }
    }
    if let Some(d) = a.first().or(var.default.as_ref()) {
        return Ok(d.clone());
    }
    Err(PyErr::with_args(&exc::LOOKUP_ERROR, vec![v.clone()]))
}

fn var_set(ts: &ThreadState, v: &Value, a: &[Value], k: Option<&Value>) -> PyResult<Value> {
    let a = args::exact("ContextVar.set", a, k, 1)?;
    this_var(v)?;
    let c = current(ts)?;
    let ctx = ctx_of(&c)?;
    let old = lookup(&ctx.vars.borrow(), v);
    assign(ctx, v, Some(a[0].clone()));
    Value::new(PyToken { ctx: c.clone(), var: v.clone(), old, used: Cell::new(false) })
}

fn var_reset(ts: &ThreadState, v: &Value, a: &[Value], k: Option<&Value>) -> PyResult<Value> {
    let a = args::exact("ContextVar.reset", a, k, 1)?;
    this_var(v)?;
    let repr = |x: &Value| protocol::repr_string(ts, x).unwrap_or_default();
    let Some(t) = a[0].downcast::<PyToken>() else {
        return Err(PyErr::type_error(format!("expected an instance of Token, got {}", repr(&a[0]))));
    };
    if t.used.get() {
        return Err(PyErr::runtime_error(format!("{} has already been used once", repr(&a[0]))));
    }
    if !t.var.is(v) {
        return Err(PyErr::value_error(format!("{} was created by a different ContextVar", repr(&a[0]))));
    }
    let c = current(ts)?;
    if !t.ctx.is(&c) {
        return Err(PyErr::value_error(format!("{} was created in a different Context", repr(&a[0]))));
    }
    t.used.set(true);
    assign(ctx_of(&c)?, v, t.old.clone());
    Ok(none::none())
}

fn var_name(_ts: &ThreadState, v: &Value) -> PyResult<Value> {
    Ok(this_var(v)?.name.clone())
}

fn var_repr(ts: &ThreadState, v: &Value) -> PyResult<Value> {
    let var = this_var(v)?;
    let mut s = format!("<ContextVar name={}", protocol::repr_string(ts, &var.name)?);
    if let Some(d) = &var.default {
        s.push_str(&format!(" default={}", protocol::repr_string(ts, d)?));
    }
    s.push_str(&format!(" at {:#x}>", v.id()));
    Ok(pystr::new_str(&s))
}

fn class_getitem(_ts: &ThreadState, cls: &Value, a: &[Value], k: Option<&Value>) -> PyResult<Value> {
    let a = args::exact("__class_getitem__", a, k, 1)?;
    genericalias::new_generic_alias(cls.clone(), a[0].clone())
}

// ---- Token ----

fn this_token(v: &Value) -> PyResult<&PyToken> {
    v.downcast::<PyToken>().ok_or_else(|| PyErr::type_error("Token expected"))
}

fn token_new(_ts: &ThreadState, _cls: &Value, _a: &[Value], _k: Option<&Value>) -> PyResult<Value> {
    Err(PyErr::runtime_error("Tokens can only be created by ContextVars"))
}

fn token_var(_ts: &ThreadState, v: &Value) -> PyResult<Value> {
    Ok(this_token(v)?.var.clone())
}

fn token_old_value(_ts: &ThreadState, v: &Value) -> PyResult<Value> {
    Ok(this_token(v)?.old.clone().unwrap_or_else(missing))
}

fn token_repr(ts: &ThreadState, v: &Value) -> PyResult<Value> {
    let t = this_token(v)?;
    let used = if t.used.get() { " used" } else { "" };
    Ok(pystr::new_str(&format!("<Token{used} var={} at {:#x}>", protocol::repr_string(ts, &t.var)?, v.id())))
}

fn missing_repr(_ts: &ThreadState, _v: &Value) -> PyResult<Value> {
    Ok(pystr::new_str("<Token.MISSING>"))
}

pub fn init() {
    let s = &CONTEXT_TYPE.data.slots;
    s.new.set(Some(context_new));
    s.subscript.set(Some(context_getitem));
    s.contains.set(Some(context_contains));
    s.length.set(Some(context_len));
    s.iter.set(Some(context_iter));
    s.richcompare.set(Some(context_richcompare));
    descr::add_methods(
        &CONTEXT_TYPE,
        &[
            ("run", context_run),
            ("copy", context_copy),
            ("get", context_get),
            ("keys", context_keys),
            ("values", context_values),
            ("items", context_items),
        ],
    );
    let s = &CONTEXT_VAR_TYPE.data.slots;
    s.new.set(Some(var_new));
    s.repr.set(Some(var_repr));
    descr::add_methods(&CONTEXT_VAR_TYPE, &[("get", var_get), ("set", var_set), ("reset", var_reset)]);
    descr::add_getsets(&CONTEXT_VAR_TYPE, &[("name", var_name, None)]);
    descr::add_methods_kind(&CONTEXT_VAR_TYPE, &[("__class_getitem__", class_getitem)], descr::MethodKind::Class);
    let s = &TOKEN_TYPE.data.slots;
    s.new.set(Some(token_new));
    s.repr.set(Some(token_repr));
    descr::add_getsets(&TOKEN_TYPE, &[("var", token_var, None), ("old_value", token_old_value, None)]);
    descr::add_methods_kind(&TOKEN_TYPE, &[("__class_getitem__", class_getitem)], descr::MethodKind::Class);
    TOKEN_MISSING_TYPE.data.slots.repr.set(Some(missing_repr));
}

pub fn create(ts: &ThreadState) -> PyResult<Value> {
    let (m, d) = super::new_native_module(ts, "_contextvars", &[("copy_context", copy_context)])?;
    super::set_attr(ts, &d, "Context", CONTEXT_TYPE.to_value())?;
    super::set_attr(ts, &d, "ContextVar", CONTEXT_VAR_TYPE.to_value())?;
    super::set_attr(ts, &d, "Token", TOKEN_TYPE.to_value())?;
    crate::types::dict::dict_set_str(&TOKEN_TYPE.data.dict(), "MISSING", missing());
    Ok(m)
}
