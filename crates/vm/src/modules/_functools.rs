//! `_functools`: `reduce`, the `partial` type and `cmp_to_key`
//! (CPython's Modules/_functoolsmodule.c). functools.py falls back to its
//! pure-Python `_lru_cache_wrapper`, which this module does not provide.

use std::cell::{Cell, RefCell};

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

/// `functools._lru_cache_wrapper`: a memoizing callable. Keys map (in a
/// dict, so Python's hashing and equality apply) to slots of a doubly
/// linked list kept in recency order for the bounded cache.
pub struct LruCache {
    func: Value,
    /// None: unbounded; Some(0): no caching.
    maxsize: Option<usize>,
    typed: bool,
    cache_info_type: Value,
    /// The separator between positional and keyword parts of keys.
    kwd_mark: Value,
    /// key -> slot index (bounded) or result (unbounded).
    cache: Value,
    slots: RefCell<Vec<LruSlot>>,
    /// Most recent slot, least recent slot.
    ends: Cell<Option<(usize, usize)>>,
    free: RefCell<Vec<usize>>,
    hits: Cell<u64>,
    misses: Cell<u64>,
    dict: RefCell<Option<Value>>,
}

/// One cached call of a bounded cache.
struct LruSlot {
    key: Option<Value>,
    result: Option<Value>,
    prev: Option<usize>,
    next: Option<usize>,
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
/// `functools._lru_cache_wrapper`.
pub static LRU_CACHE_TYPE: PyType = PyObject::new_static(
    &crate::types::typeobject::TYPE_TYPE,
    TypeObject::builtin::<LruCache>("functools._lru_cache_wrapper", &LRU_CACHE_TYPE, Some(&crate::types::object::OBJECT_TYPE), TPFLAGS_HAVE_GC),
);
impl PyPayload for LruCache {
    fn class() -> &'static PyType {
        &LRU_CACHE_TYPE
    }
}
impl PyPayload for KeyWrapper {
    fn class() -> &'static PyType {
        &KEYWRAPPER_TYPE
    }
}

/// The static types of this module.
pub fn types() -> Vec<&'static PyType> {
    vec![&PARTIAL_TYPE, &KEYWRAPPER_TYPE, &LRU_CACHE_TYPE]
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

fn partial_dict_of(v: &Value) -> Option<Value> {
    v.downcast::<PyPartial>().map(own_dict)
}

fn partial_getattro(ts: &ThreadState, v: &Value, name: &Value) -> PyResult<Value> {
    if protocol::instance_dict(v).is_some() {
        return protocol::generic_getattr(ts, v, name);
    }
    super::own_dict_getattro(ts, v, name, partial_dict_of)
}

fn partial_setattro(ts: &ThreadState, v: &Value, name: &Value, value: Option<&Value>) -> PyResult<()> {
    if protocol::instance_dict(v).is_some() {
        return protocol::generic_setattr(ts, v, name, value);
    }
    super::own_dict_setattro(ts, v, name, value, partial_dict_of)
}

fn partial_reduce(_ts: &ThreadState, v: &Value, a: Args, k: Kw) -> PyResult<Value> {
    args::exact("__reduce__", a, k, 0)?;
    let p = this(v)?;
    let func = p.func.borrow().clone();
    let d = protocol::instance_dict(v).or_else(|| p.dict.borrow().clone()).unwrap_or_else(none::none);
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

fn lru_of(v: &Value) -> PyResult<&LruCache> {
    v.downcast::<LruCache>().ok_or_else(|| PyErr::type_error("_lru_cache_wrapper expected"))
}

fn lru_new(ts: &ThreadState, cls: &Value, a: Args, k: Kw) -> PyResult<Value> {
    let [func, maxsize, typed, info] =
        args::bind("_lru_cache_wrapper", a, k, ["user_function", "maxsize", "typed", "cache_info_type"], 0, 4, 4)?;
    let func = func.unwrap_or_else(none::none);
    if !is_callable(&func) {
        return Err(PyErr::type_error("the first argument must be callable"));
    }
    let maxsize = maxsize.unwrap_or_else(none::none);
    let maxsize = if none::is_none(&maxsize) {
        None
    } else if crate::types::int::is_int(&maxsize) {
        let n = protocol::index_isize(ts, &maxsize)?;
        Some(n.max(0) as usize)
    } else {
        return Err(PyErr::type_error("maxsize should be integer or None"));
    };
    let typed = protocol::is_true(ts, &typed.unwrap_or_else(none::none))?;
    Value::new_instance(
        cls,
        LruCache {
            func,
            maxsize,
            typed,
            cache_info_type: info.unwrap_or_else(none::none),
            kwd_mark: Value::new_instance(&crate::types::object::OBJECT_TYPE.to_value(), crate::types::object::PyBaseObject)?,
            cache: dict::new_dict(),
            slots: RefCell::new(Vec::new()),
            ends: Cell::new(None),
            free: RefCell::new(Vec::new()),
            hits: Cell::new(0),
            misses: Cell::new(0),
            dict: RefCell::new(None),
        },
    )
}

/// CPython's lru_cache_make_key: a lone int or str argument is its own key;
/// otherwise a tuple of the arguments, the keyword mark and keyword items,
/// then (typed) the argument types.
fn make_key(a: Args, k: Kw, typed: bool, kwd_mark: &Value) -> PyResult<Value> {
    let npos = args::npositional(a, k);
    let names = k.map(tuple::tuple_items).unwrap_or(&[]);
    if !typed && names.is_empty() {
        if npos == 1 && (a[0].is_exact(&crate::types::int::INT_TYPE) || a[0].is_exact(&pystr::STR_TYPE)) {
            return Ok(a[0].clone());
        }
        return tuple::new_tuple(a[..npos].to_vec());
    }
    let mut key: Vec<Value> = a[..npos].to_vec();
    if !names.is_empty() {
        key.push(kwd_mark.clone());
        for (n, v) in names.iter().zip(&a[npos..]) {
            key.push(n.clone());
            key.push(v.clone());
        }
    }
    if typed {
        for v in &a[..npos] {
            key.push(v.type_of().to_value());
        }
        for v in &a[npos..] {
            key.push(v.type_of().to_value());
        }
    }
    tuple::new_tuple(key)
}

impl LruCache {
    fn unlink(&self, slots: &mut [LruSlot], i: usize) {
        let (prev, next) = (slots[i].prev, slots[i].next);
        if let Some(p) = prev {
            slots[p].next = next;
        }
        if let Some(n) = next {
            slots[n].prev = prev;
        }
        if let Some((head, tail)) = self.ends.get() {
            let head = if head == i { next } else { Some(head) };
            let tail = if tail == i { prev } else { Some(tail) };
            self.ends.set(head.zip(tail));
        }
        slots[i].prev = None;
        slots[i].next = None;
    }

    fn push_front(&self, slots: &mut [LruSlot], i: usize) {
        match self.ends.get() {
            None => self.ends.set(Some((i, i))),
            Some((head, tail)) => {
                slots[i].next = Some(head);
                slots[head].prev = Some(i);
                self.ends.set(Some((i, tail)));
            }
        }
    }
}

fn lru_call(ts: &ThreadState, v: &Value, a: Args, k: Kw) -> PyResult<Value> {
    let c = lru_of(v)?;
    if c.maxsize == Some(0) {
        c.misses.set(c.misses.get() + 1);
        return protocol::call(ts, &c.func, a, k);
    }
    let key = make_key(a, k, c.typed, &c.kwd_mark)?;
    if let Some(found) = dict::dict_get_item(ts, &c.cache, &key)? {
        c.hits.set(c.hits.get() + 1);
        if c.maxsize.is_none() {
            return Ok(found);
        }
        let i = crate::types::int::to_isize(&found).unwrap_or(-1);
        if i >= 0 {
            let i = i as usize;
            let mut slots = c.slots.borrow_mut();
            if i < slots.len() {
                c.unlink(&mut slots, i);
                c.push_front(&mut slots, i);
                if let Some(r) = slots[i].result.clone() {
                    return Ok(r);
                }
            }
        }
        return Err(PyErr::runtime_error("lru_cache: inconsistent cache"));
    }
    c.misses.set(c.misses.get() + 1);
    let result = protocol::call(ts, &c.func, a, k)?;
    let Some(maxsize) = c.maxsize else {
        dict::dict_set_item(ts, &c.cache, key, result.clone())?;
        return Ok(result);
    };
    // The call may have cached this key already (recursion).
    if dict::dict_get_item(ts, &c.cache, &key)?.is_some() {
        return Ok(result);
    }
    let len = dict::as_dict(&c.cache).map_or(0, |d| d.keys().len());
    let slot = if len >= maxsize {
        // Evict the least recently used entry and reuse its slot.
        let Some((_, tail)) = c.ends.get() else { return Ok(result) };
        let old_key = {
            let mut slots = c.slots.borrow_mut();
            c.unlink(&mut slots, tail);
            let old = slots[tail].key.take();
            drop(slots[tail].result.take());
            old
        };
        if let Some(ok) = old_key {
            dict::dict_del_item(ts, &c.cache, &ok)?;
        }
        tail
    } else {
        let reuse = c.free.borrow_mut().pop();
        match reuse {
            Some(i) => i,
            None => {
                let mut slots = c.slots.borrow_mut();
                slots.push(LruSlot { key: None, result: None, prev: None, next: None });
                slots.len() - 1
            }
        }
    };
    {
        let mut slots = c.slots.borrow_mut();
        slots[slot].key = Some(key.clone());
        slots[slot].result = Some(result.clone());
        c.push_front(&mut slots, slot);
    }
    dict::dict_set_item(ts, &c.cache, key, crate::types::int::from_usize(slot))?;
    Ok(result)
}

fn lru_cache_info(ts: &ThreadState, v: &Value, a: Args, k: Kw) -> PyResult<Value> {
    args::exact("cache_info", a, k, 0)?;
    let c = lru_of(v)?;
    let currsize = if c.maxsize == Some(0) { 0 } else { dict::as_dict(&c.cache).map_or(0, |d| d.keys().len()) };
    let maxsize = c.maxsize.map_or_else(none::none, crate::types::int::from_usize);
    protocol::call(
        ts,
        &c.cache_info_type,
        &[
            crate::types::int::from_bigint(c.hits.get().into()),
            crate::types::int::from_bigint(c.misses.get().into()),
            maxsize,
            crate::types::int::from_usize(currsize),
        ],
        None,
    )
}

fn lru_cache_clear(ts: &ThreadState, v: &Value, a: Args, k: Kw) -> PyResult<Value> {
    args::exact("cache_clear", a, k, 0)?;
    let c = lru_of(v)?;
    c.hits.set(0);
    c.misses.set(0);
    let old_slots = std::mem::take(&mut *c.slots.borrow_mut());
    c.free.borrow_mut().clear();
    c.ends.set(None);
    protocol::call_method(ts, &c.cache, "clear", &[])?;
    drop(old_slots);
    Ok(none::none())
}

fn lru_reduce(ts: &ThreadState, v: &Value, a: Args, k: Kw) -> PyResult<Value> {
    args::exact("__reduce__", a, k, 0)?;
    protocol::getattr_str(ts, v, "__qualname__")
}

fn return_self(_ts: &ThreadState, v: &Value, _a: Args, _k: Kw) -> PyResult<Value> {
    Ok(v.clone())
}

fn lru_descr_get(_ts: &ThreadState, v: &Value, obj: Option<&Value>, _owner: Option<&Value>) -> PyResult<Value> {
    match obj.filter(|o| !none::is_none(o)) {
        None => Ok(v.clone()),
        Some(o) => crate::types::function::new_method(v.clone(), o.clone()),
    }
}

fn lru_dict_of(v: &Value) -> Option<Value> {
    v.downcast::<LruCache>().map(|c| c.dict.borrow_mut().get_or_insert_with(dict::new_dict).clone())
}
fn lru_getattro(ts: &ThreadState, v: &Value, name: &Value) -> PyResult<Value> {
    super::own_dict_getattro(ts, v, name, lru_dict_of)
}
fn lru_setattro(ts: &ThreadState, v: &Value, name: &Value, value: Option<&Value>) -> PyResult<()> {
    super::own_dict_setattro(ts, v, name, value, lru_dict_of)
}
fn lru_dict_get(_ts: &ThreadState, v: &Value) -> PyResult<Value> {
    lru_dict_of(v).ok_or_else(|| PyErr::type_error("_lru_cache_wrapper expected"))
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
    add_methods(&KEYWRAPPER_TYPE, &[("__reduce__", super::reduce_cannot_pickle)]);
    let s = &LRU_CACHE_TYPE.data.slots;
    s.new.set(Some(lru_new));
    s.call.set(Some(lru_call));
    s.descr_get.set(Some(lru_descr_get));
    s.getattro.set(Some(lru_getattro));
    s.setattro.set(Some(lru_setattro));
    add_methods(
        &LRU_CACHE_TYPE,
        &[
            ("cache_info", lru_cache_info),
            ("cache_clear", lru_cache_clear),
            ("__reduce__", lru_reduce),
            ("__copy__", return_self),
            ("__deepcopy__", return_self),
        ],
    );
    add_getsets(&LRU_CACHE_TYPE, &[("__dict__", lru_dict_get, None)]);
}

/// Create the `_functools` module.
pub fn create(ts: &ThreadState) -> PyResult<Value> {
    let (m, d) = super::new_native_module(ts, "_functools", &[("reduce", reduce), ("cmp_to_key", cmp_to_key)])?;
    super::set_attr(ts, &d, "partial", PARTIAL_TYPE.to_value())?;
    super::set_attr(ts, &d, "KeyWrapper", KEYWRAPPER_TYPE.to_value())?;
    super::set_attr(ts, &d, "_lru_cache_wrapper", LRU_CACHE_TYPE.to_value())?;
    Ok(m)
}
