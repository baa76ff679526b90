//! `enumerate` and `reversed`, and the builtin iterator types `map`,
//! `filter` and `zip`.

use std::cell::{Cell, RefCell};

use crate::object::protocol;
use crate::object::typeobj::{PyType, TypeObject, TPFLAGS_BASETYPE, TPFLAGS_HAVE_GC};
use crate::object::value::{PyObject, PyPayload, Value};
use crate::runtime::errors::{PyErr, PyResult};
use crate::runtime::thread::ThreadState;
use crate::types::{exceptions as exc, int, none, tuple};

pub struct PyEnumerate {
    it: Value,
    count: RefCell<Value>,
}
pub struct PyReversed {
    seq: RefCell<Option<Value>>,
    index: Cell<isize>,
}
pub struct PyMap {
    func: Value,
    iters: Vec<Value>,
}
pub struct PyFilter {
    func: Value,
    it: Value,
}
pub struct PyZip {
    iters: Vec<Value>,
    strict: bool,
    done: Cell<bool>,
}

macro_rules! iter_type {
    ($st:ident, $payload:ty, $name:literal) => {
        pub static $st: PyType = PyObject::new_static(
            &super::typeobject::TYPE_TYPE,
            TypeObject::builtin::<$payload>($name, &$st, Some(&super::object::OBJECT_TYPE), TPFLAGS_BASETYPE | TPFLAGS_HAVE_GC),
        );
        impl PyPayload for $payload {
            fn class() -> &'static PyType {
                &$st
            }
        }
    };
}
iter_type!(ENUMERATE_TYPE, PyEnumerate, "enumerate");
iter_type!(REVERSED_TYPE, PyReversed, "reversed");
iter_type!(MAP_TYPE, PyMap, "map");
iter_type!(FILTER_TYPE, PyFilter, "filter");
iter_type!(ZIP_TYPE, PyZip, "zip");

pub fn types() -> Vec<&'static PyType> {
    vec![&ENUMERATE_TYPE, &REVERSED_TYPE, &MAP_TYPE, &FILTER_TYPE, &ZIP_TYPE]
}

fn self_iter(_ts: &ThreadState, v: &Value) -> PyResult<Value> {
    Ok(v.clone())
}

/// CPython 3.11's enum_vectorcall, which checks the keywords by position
/// (so `enumerate(start=1)` names 'start' as invalid).
fn enumerate_exact_args(args: &[Value], kw: Option<&Value>) -> PyResult<()> {
    let kwn = kw.map(tuple::tuple_items).unwrap_or(&[]);
    let nargs = args.len() - kwn.len();
    let check = |i: usize, want: &str| -> PyResult<()> {
        let name = crate::types::str::as_rust_str(&kwn[i]);
        if name == want {
            Ok(())
        } else {
            Err(PyErr::type_error(format!("'{name}' is an invalid keyword argument for enumerate()")))
        }
    };
    match (args.len(), kwn.len()) {
        (2, 1) => check(0, "start"),
        (1, 1) => check(0, "iterable"),
        (1 | 2, _) => Ok(()),
        _ if nargs == 0 => Err(PyErr::type_error("enumerate() missing required argument 'iterable'")),
        (n, _) => Err(PyErr::type_error(format!("enumerate() takes at most 2 arguments ({n} given)"))),
    }
}

fn enumerate_new(ts: &ThreadState, cls: &Value, args: &[Value], kw: Option<&Value>) -> PyResult<Value> {
    if cls.is(&ENUMERATE_TYPE.to_value()) {
        enumerate_exact_args(args, kw)?;
    }
    let [iterable, start] = crate::object::args::bind("enumerate", args, kw, ["iterable", "start"], 0, 1, 2)?;
    let it = protocol::get_iter(ts, &iterable.unwrap_or_else(none::none))?;
    let count = match start {
        Some(s) => {
            if !int::is_int(&s) && s.type_of().data.slots.index.get().is_none() {
                return Err(PyErr::type_error(format!(
                    "'{}' object cannot be interpreted as an integer",
                    protocol::type_name(&s)
                )));
            }
            protocol::index(ts, &s)?
        }
        None => int::from_i64(0),
    };
    Value::new_instance(cls, PyEnumerate { it, count: RefCell::new(count) })
}

fn enumerate_next(ts: &ThreadState, v: &Value) -> PyResult<Option<Value>> {
    let e = v.downcast::<PyEnumerate>().ok_or_else(|| PyErr::type_error("enumerate expected"))?;
    let Some(item) = protocol::next(ts, &e.it)? else { return Ok(None) };
    let n = e.count.borrow().clone();
    let next = protocol::binary_op(ts, &n, &int::from_i64(1), crate::object::typeobj::nb::ADD)?;
    *e.count.borrow_mut() = next;
    Ok(Some(tuple::new_tuple(vec![n, item])?))
}

fn reversed_new(ts: &ThreadState, cls: &Value, args: &[Value], kw: Option<&Value>) -> PyResult<Value> {
    crate::object::args::no_kwargs("reversed", kw)?;
    let args = crate::object::args::positional("reversed", args, kw, 1, 1)?;
    let seq = &args[0];
    let not_reversible = || PyErr::type_error(format!("'{}' object is not reversible", protocol::type_name(seq)));
    if let Some(f) = seq.type_of().data.lookup_str("__reversed__") {
        // `__reversed__ = None` opts out of the sequence fallback.
        if none::is_none(&f) {
            return Err(not_reversible());
        }
        let bound = protocol::bind_descriptor(ts, &f, seq)?;
        return protocol::call(ts, &bound, &[], None);
    }
    if seq.type_of().data.slots.subscript.get().is_none() || crate::types::dict::as_dict(seq).is_some() {
        return Err(not_reversible());
    }
    let n = protocol::len(ts, seq)? as isize;
    Value::new_instance(cls, PyReversed { seq: RefCell::new(Some(seq.clone())), index: Cell::new(n - 1) })
}

fn reversed_next(ts: &ThreadState, v: &Value) -> PyResult<Option<Value>> {
    let r = v.downcast::<PyReversed>().ok_or_else(|| PyErr::type_error("reversed expected"))?;
    let i = r.index.get();
    let Some(seq) = r.seq.borrow().clone() else { return Ok(None) };
    if i < 0 {
        *r.seq.borrow_mut() = None;
        return Ok(None);
    }
    r.index.set(i - 1);
    match protocol::getitem(ts, &seq, &int::from_i64(i as i64)) {
        Ok(x) => Ok(Some(x)),
        Err(e) if e.matches(&exc::INDEX_ERROR) || e.matches(&exc::STOP_ITERATION) => {
            *r.seq.borrow_mut() = None;
            Ok(None)
        }
        Err(e) => Err(e),
    }
}

fn map_new(ts: &ThreadState, cls: &Value, args: &[Value], kw: Option<&Value>) -> PyResult<Value> {
    crate::object::args::no_kwargs("map", kw)?;
    if args.len() < 2 {
        return Err(PyErr::type_error("map() must have at least two arguments."));
    }
    let iters = args[1..].iter().map(|a| protocol::get_iter(ts, a)).collect::<PyResult<Vec<_>>>()?;
    Value::new_instance(cls, PyMap { func: args[0].clone(), iters })
}

fn map_next(ts: &ThreadState, v: &Value) -> PyResult<Option<Value>> {
    let m = v.downcast::<PyMap>().ok_or_else(|| PyErr::type_error("map expected"))?;
    let mut vals = Vec::with_capacity(m.iters.len());
    for it in &m.iters {
        match protocol::next(ts, it)? {
            Some(x) => vals.push(x),
            None => return Ok(None),
        }
    }
    protocol::call(ts, &m.func, &vals, None).map(Some)
}

fn filter_new(ts: &ThreadState, cls: &Value, args: &[Value], kw: Option<&Value>) -> PyResult<Value> {
    crate::object::args::no_kwargs("filter", kw)?;
    let args = crate::object::args::positional("filter", args, kw, 2, 2)?;
    let it = protocol::get_iter(ts, &args[1])?;
    Value::new_instance(cls, PyFilter { func: args[0].clone(), it })
}

fn filter_next(ts: &ThreadState, v: &Value) -> PyResult<Option<Value>> {
    let f = v.downcast::<PyFilter>().ok_or_else(|| PyErr::type_error("filter expected"))?;
    while let Some(x) = protocol::next(ts, &f.it)? {
        let keep = if none::is_none(&f.func) || f.func.is(&super::bool_::BOOL_TYPE.to_value()) {
            protocol::is_true(ts, &x)?
        } else {
            let r = protocol::call(ts, &f.func, std::slice::from_ref(&x), None)?;
            protocol::is_true(ts, &r)?
        };
        if keep {
            return Ok(Some(x));
        }
    }
    Ok(None)
}

fn zip_new(ts: &ThreadState, cls: &Value, args: &[Value], kw: Option<&Value>) -> PyResult<Value> {
    let npos = crate::object::args::npositional(args, kw);
    let mut strict = false;
    if let Some(k) = kw {
        // PyArg_ParseTupleAndKeywords with "|$p:zip" counts first.
        let nkw = tuple::tuple_items(k).len();
        if nkw > 1 {
            return Err(PyErr::type_error(format!("zip() takes at most 1 keyword argument ({nkw} given)")));
        }
        for (j, name) in tuple::tuple_items(k).iter().enumerate() {
            if crate::types::str::as_rust_str(name) == "strict" {
                strict = protocol::is_true(ts, &args[npos + j])?;
            } else {
                return Err(PyErr::type_error(format!("'{}' is an invalid keyword argument for zip()", crate::types::str::as_rust_str(name))));
            }
        }
    }
    let iters = args[..npos].iter().map(|a| protocol::get_iter(ts, a)).collect::<PyResult<Vec<_>>>()?;
    Value::new_instance(cls, PyZip { iters, strict, done: Cell::new(false) })
}

fn zip_next(ts: &ThreadState, v: &Value) -> PyResult<Option<Value>> {
    let z = v.downcast::<PyZip>().ok_or_else(|| PyErr::type_error("zip expected"))?;
    if z.iters.is_empty() || z.done.get() {
        return Ok(None);
    }
    let mut vals = Vec::with_capacity(z.iters.len());
    for (i, it) in z.iters.iter().enumerate() {
        match protocol::next(ts, it)? {
            Some(x) => vals.push(x),
            None => {
                z.done.set(true);
                if z.strict {
                    if i > 0 {
                        let plural = if i == 1 { " " } else { "s 1-" };
                        return Err(PyErr::value_error(format!("zip() argument {} is shorter than argument{}{}", i + 1, plural, i)));
                    }
                    for (j, other) in z.iters.iter().enumerate().skip(1) {
                        if protocol::next(ts, other)?.is_some() {
                            let plural = if j == 1 { " " } else { "s 1-" };
                            return Err(PyErr::value_error(format!("zip() argument {} is longer than argument{}{}", j + 1, plural, j)));
                        }
                    }
                }
                return Ok(None);
            }
        }
    }
    Ok(Some(tuple::new_tuple(vals)?))
}

fn reversed_length_hint(_ts: &ThreadState, v: &Value, _a: &[Value], _k: Option<&Value>) -> PyResult<Value> {
    let r = v.downcast::<PyReversed>().ok_or_else(|| PyErr::type_error("reversed expected"))?;
    Ok(int::from_i64(if r.seq.borrow().is_some() { r.index.get() as i64 + 1 } else { 0 }))
}

fn enumerate_class_getitem(_ts: &ThreadState, cls: &Value, a: &[Value], k: Option<&Value>) -> PyResult<Value> {
    let a = crate::object::args::exact("enumerate.__class_getitem__", a, k, 1)?;
    super::genericalias::new_generic_alias(cls.clone(), a[0].clone())
}

pub fn init() {
    for t in types() {
        t.data.slots.iter.set(Some(self_iter));
        t.data.slots.getattro.set(Some(protocol::generic_getattr));
    }
    ENUMERATE_TYPE.data.slots.new.set(Some(enumerate_new));
    ENUMERATE_TYPE.data.slots.iternext.set(Some(enumerate_next));
    super::descr::add_methods_kind(&ENUMERATE_TYPE, &[("__class_getitem__", enumerate_class_getitem)], super::descr::MethodKind::Class);
    REVERSED_TYPE.data.slots.new.set(Some(reversed_new));
    REVERSED_TYPE.data.slots.iternext.set(Some(reversed_next));
    super::descr::add_methods(&REVERSED_TYPE, &[("__length_hint__", reversed_length_hint)]);
    MAP_TYPE.data.slots.new.set(Some(map_new));
    MAP_TYPE.data.slots.iternext.set(Some(map_next));
    FILTER_TYPE.data.slots.new.set(Some(filter_new));
    FILTER_TYPE.data.slots.iternext.set(Some(filter_next));
    ZIP_TYPE.data.slots.new.set(Some(zip_new));
    ZIP_TYPE.data.slots.iternext.set(Some(zip_next));
}

/// Cycle collector hooks: the references each iterator holds.
pub(crate) fn gc_traverse_enumerate(v: &Value, visit: &mut dyn FnMut(&Value)) {
    if let Some(e) = v.downcast::<PyEnumerate>() {
        visit(&e.it);
        if let Ok(c) = e.count.try_borrow() {
            visit(&c);
        }
    }
}

pub(crate) fn gc_traverse_reversed(v: &Value, visit: &mut dyn FnMut(&Value)) {
    if let Some(r) = v.downcast::<PyReversed>() {
        if let Ok(s) = r.seq.try_borrow() {
            if let Some(x) = &*s {
                visit(x);
            }
        }
    }
}

pub(crate) fn gc_traverse_map(v: &Value, visit: &mut dyn FnMut(&Value)) {
    if let Some(m) = v.downcast::<PyMap>() {
        visit(&m.func);
        for x in &m.iters {
            visit(x);
        }
    }
}

pub(crate) fn gc_traverse_filter(v: &Value, visit: &mut dyn FnMut(&Value)) {
    if let Some(f) = v.downcast::<PyFilter>() {
        visit(&f.func);
        visit(&f.it);
    }
}

pub(crate) fn gc_traverse_zip(v: &Value, visit: &mut dyn FnMut(&Value)) {
    if let Some(z) = v.downcast::<PyZip>() {
        for x in &z.iters {
            visit(x);
        }
    }
}
