//! The methods of `dict`, its views (`dict_keys`, `dict_values`,
//! `dict_items`) and their iterators.

use std::cell::Cell;

use super::dict::{as_dict, new_dict, PyDict, DICT_TYPE};
use crate::object::protocol;
use crate::object::typeobj::{nb, CompareOp, PyType, TypeObject, TPFLAGS_HAVE_GC};
use crate::object::value::{PyObject, PyPayload, Value};
use crate::runtime::errors::{PyErr, PyResult};
use crate::runtime::thread::ThreadState;
use crate::types::{bool_, descr, exceptions as exc, int, list, none, str as pystr, tuple};

#[derive(Clone, Copy, PartialEq, Eq)]
pub enum ViewKind {
    Keys,
    Values,
    Items,
}

pub struct DictView {
    pub dict: Value,
    pub kind: ViewKind,
}

pub struct DictIterator {
    dict: Value,
    kind: ViewKind,
    pos: Cell<usize>,
    len: Cell<usize>,
    version_len: usize,
    reversed: bool,
}

macro_rules! view_types {
    ($($st:ident = $name:literal),*) => {
        $(pub static $st: PyType = PyObject::new_static(
            &super::typeobject::TYPE_TYPE,
            TypeObject::builtin_sublayout($name, &super::object::OBJECT_TYPE, &DICT_KEYS_TYPE,
                std::mem::size_of::<PyObject<DictView>>(), crate::object::value::dealloc_builtin::<DictView>, TPFLAGS_HAVE_GC),
        );)*
    };
}

pub static DICT_KEYS_TYPE: PyType = PyObject::new_static(
    &super::typeobject::TYPE_TYPE,
    TypeObject::builtin::<DictView>("dict_keys", &DICT_KEYS_TYPE, Some(&super::object::OBJECT_TYPE), TPFLAGS_HAVE_GC),
);
view_types!(DICT_VALUES_TYPE = "dict_values", DICT_ITEMS_TYPE = "dict_items");

pub static DICT_ITER_TYPE: PyType = PyObject::new_static(
    &super::typeobject::TYPE_TYPE,
    TypeObject::builtin::<DictIterator>("dict_keyiterator", &DICT_ITER_TYPE, Some(&super::object::OBJECT_TYPE), TPFLAGS_HAVE_GC),
);

macro_rules! iter_types {
    ($($st:ident = $name:literal),*) => {
        $(pub static $st: PyType = PyObject::new_static(
            &super::typeobject::TYPE_TYPE,
            TypeObject::builtin_sublayout($name, &super::object::OBJECT_TYPE, &DICT_ITER_TYPE,
                std::mem::size_of::<PyObject<DictIterator>>(), crate::object::value::dealloc_builtin::<DictIterator>, TPFLAGS_HAVE_GC),
        );)*
    };
}
iter_types!(
    DICT_VALUE_ITER_TYPE = "dict_valueiterator",
    DICT_ITEM_ITER_TYPE = "dict_itemiterator",
    DICT_REV_KEY_ITER_TYPE = "dict_reversekeyiterator",
    DICT_REV_VALUE_ITER_TYPE = "dict_reversevalueiterator",
    DICT_REV_ITEM_ITER_TYPE = "dict_reverseitemiterator"
);

impl PyPayload for DictView {
    fn class() -> &'static PyType {
        &DICT_KEYS_TYPE
    }
}
impl PyPayload for DictIterator {
    fn class() -> &'static PyType {
        &DICT_ITER_TYPE
    }
}

pub fn types() -> Vec<&'static PyType> {
    vec![
        &DICT_KEYS_TYPE,
        &DICT_VALUES_TYPE,
        &DICT_ITEMS_TYPE,
        &DICT_ITER_TYPE,
        &DICT_VALUE_ITER_TYPE,
        &DICT_ITEM_ITER_TYPE,
        &DICT_REV_KEY_ITER_TYPE,
        &DICT_REV_VALUE_ITER_TYPE,
        &DICT_REV_ITEM_ITER_TYPE,
    ]
}

fn this(v: &Value) -> PyResult<&PyDict> {
    as_dict(v).ok_or_else(|| PyErr::type_error("descriptor requires a 'dict' object"))
}

/// `d.update(other)`: a mapping (with `keys`) or an iterable of pairs.
pub fn update_from(ts: &ThreadState, d: &Value, other: &Value) -> PyResult<()> {
    let target = this(d)?;
    if let Some(o) = as_dict(other) {
        if other.type_of().data.lookup_str("__iter__").is_some() && !other.is_exact(&DICT_TYPE) {
            // fall through to the generic mapping protocol for overriding subclasses
        } else {
            for (k, v) in o.items() {
                target.set_item(ts, k, v)?;
            }
            return Ok(());
        }
    }
    if let Some(keys) = protocol::lookup_attr(ts, other, &pystr::intern("keys"))? {
        let ks = protocol::call(ts, &keys, &[], None)?;
        for k in protocol::collect(ts, &ks)? {
            let v = protocol::getitem(ts, other, &k)?;
            target.set_item(ts, k, v)?;
        }
        return Ok(());
    }
    let it = protocol::get_iter(ts, other).map_err(|e| {
        if e.matches(&exc::TYPE_ERROR) {
            PyErr::type_error(format!("'{}' object is not iterable", protocol::type_name(other)))
        } else {
            e
        }
    })?;
    let mut i = 0;
    while let Some(item) = protocol::next(ts, &it)? {
        let pair = protocol::collect(ts, &item).map_err(|e| {
            if e.matches(&exc::TYPE_ERROR) {
                PyErr::type_error(format!("cannot convert dictionary update sequence element #{i} to a sequence"))
            } else {
                e
            }
        })?;
        if pair.len() != 2 {
            return Err(PyErr::value_error(format!(
                "dictionary update sequence element #{i} has length {}; 2 is required",
                pair.len()
            )));
        }
        let mut p = pair.into_iter();
        if let (Some(k), Some(v)) = (p.next(), p.next()) {
            target.set_item(ts, k, v)?;
        }
        i += 1;
    }
    Ok(())
}

fn update_with_kwargs(ts: &ThreadState, d: &Value, args: &[Value], kwnames: Option<&Value>, fname: &str) -> PyResult<()> {
    let npos = crate::object::args::npositional(args, kwnames);
    if npos > 1 {
        return Err(PyErr::type_error(format!("{fname} expected at most 1 argument, got {npos}")));
    }
    if npos == 1 {
        update_from(ts, d, &args[0])?;
    }
    if let Some(k) = kwnames {
        let target = this(d)?;
        for (j, name) in tuple::tuple_items(k).iter().enumerate() {
            target.set_item(ts, name.clone(), args[npos + j].clone())?;
        }
    }
    Ok(())
}

type Args<'a> = &'a [Value];

fn dict_new(_ts: &ThreadState, cls: &Value, _a: Args, _k: Option<&Value>) -> PyResult<Value> {
    Value::new_instance(cls, PyDict::new())
}

fn dict_init(ts: &ThreadState, v: &Value, a: Args, k: Option<&Value>) -> PyResult<()> {
    update_with_kwargs(ts, v, a, k, "dict")
}

fn m_get(ts: &ThreadState, v: &Value, a: Args, k: Option<&Value>) -> PyResult<Value> {
    let a = crate::object::args::positional("get", a, k, 1, 2)?;
    Ok(this(v)?.get_item(ts, &a[0])?.unwrap_or_else(|| a.get(1).cloned().unwrap_or_else(none::none)))
}
fn m_setdefault(ts: &ThreadState, v: &Value, a: Args, k: Option<&Value>) -> PyResult<Value> {
    let a = crate::object::args::positional("setdefault", a, k, 1, 2)?;
    let d = this(v)?;
    if let Some(x) = d.get_item(ts, &a[0])? {
        return Ok(x);
    }
    let default = a.get(1).cloned().unwrap_or_else(none::none);
    d.set_item(ts, a[0].clone(), default.clone())?;
    Ok(default)
}
fn m_pop(ts: &ThreadState, v: &Value, a: Args, k: Option<&Value>) -> PyResult<Value> {
    let a = crate::object::args::positional("pop", a, k, 1, 2)?;
    match this(v)?.del_item(ts, &a[0])? {
        Some(x) => Ok(x),
        None => a.get(1).cloned().ok_or_else(|| PyErr::key_error(a[0].clone())),
    }
}
fn m_popitem(_ts: &ThreadState, v: &Value, a: Args, k: Option<&Value>) -> PyResult<Value> {
    crate::object::args::exact("dict.popitem", a, k, 0)?;
    match this(v)?.popitem() {
        Some((k, v)) => tuple::new_tuple(vec![k, v]),
        None => Err(PyErr::key_error(pystr::new_str("popitem(): dictionary is empty"))),
    }
}
fn m_keys(_ts: &ThreadState, v: &Value, a: Args, k: Option<&Value>) -> PyResult<Value> {
    crate::object::args::exact("dict.keys", a, k, 0)?;
    Value::new_with_type(&DICT_KEYS_TYPE, DictView { dict: v.clone(), kind: ViewKind::Keys })
}
fn m_values(_ts: &ThreadState, v: &Value, a: Args, k: Option<&Value>) -> PyResult<Value> {
    crate::object::args::exact("dict.values", a, k, 0)?;
    Value::new_with_type(&DICT_VALUES_TYPE, DictView { dict: v.clone(), kind: ViewKind::Values })
}
fn m_items(_ts: &ThreadState, v: &Value, a: Args, k: Option<&Value>) -> PyResult<Value> {
    crate::object::args::exact("dict.items", a, k, 0)?;
    Value::new_with_type(&DICT_ITEMS_TYPE, DictView { dict: v.clone(), kind: ViewKind::Items })
}
fn m_update(ts: &ThreadState, v: &Value, a: Args, k: Option<&Value>) -> PyResult<Value> {
    update_with_kwargs(ts, v, a, k, "update")?;
    Ok(none::none())
}
fn m_clear(_ts: &ThreadState, v: &Value, a: Args, k: Option<&Value>) -> PyResult<Value> {
    crate::object::args::exact("dict.clear", a, k, 0)?;
    this(v)?.clear();
    Ok(none::none())
}
fn m_copy(_ts: &ThreadState, v: &Value, a: Args, k: Option<&Value>) -> PyResult<Value> {
    crate::object::args::exact("dict.copy", a, k, 0)?;
    Value::new(this(v)?.copy())
}
fn m_fromkeys(ts: &ThreadState, cls: &Value, a: Args, k: Option<&Value>) -> PyResult<Value> {
    let a = crate::object::args::positional("fromkeys", a, k, 1, 2)?;
    let value = a.get(1).cloned().unwrap_or_else(none::none);
    let d = protocol::call(ts, cls, &[], None)?;
    for key in protocol::collect(ts, &a[0])? {
        protocol::setitem(ts, &d, &key, Some(&value))?;
    }
    Ok(d)
}
fn m_reversed(_ts: &ThreadState, v: &Value, a: Args, k: Option<&Value>) -> PyResult<Value> {
    crate::object::args::exact("dict.__reversed__", a, k, 0)?;
    new_iter(v, ViewKind::Keys, true)
}
fn m_sizeof(_ts: &ThreadState, v: &Value, _a: Args, _k: Option<&Value>) -> PyResult<Value> {
    let t = this(v)?.table();
    Ok(int::from_i64(48 + (t.index_size() + 24 * t.usable().max(t.entries_len())) as i64))
}
fn m_class_getitem(_ts: &ThreadState, cls: &Value, a: Args, k: Option<&Value>) -> PyResult<Value> {
    let a = crate::object::args::exact("dict.__class_getitem__", a, k, 1)?;
    super::genericalias::new_generic_alias(cls.clone(), a[0].clone())
}

fn dict_or(ts: &ThreadState, v: &Value, w: &Value) -> PyResult<Value> {
    let (Some(a), Some(_)) = (as_dict(v), as_dict(w)) else { return Ok(none::not_implemented()) };
    let d = Value::new(a.copy())?;
    update_from(ts, &d, w)?;
    Ok(d)
}
fn dict_ior(ts: &ThreadState, v: &Value, w: &Value) -> PyResult<Value> {
    update_from(ts, v, w)?;
    Ok(v.clone())
}

fn dict_iter(_ts: &ThreadState, v: &Value) -> PyResult<Value> {
    new_iter(v, ViewKind::Keys, false)
}

fn new_iter(d: &Value, kind: ViewKind, reversed: bool) -> PyResult<Value> {
    let dd = this(d)?;
    let len = dd.len();
    let ty: &'static PyType = match (kind, reversed) {
        (ViewKind::Keys, false) => &DICT_ITER_TYPE,
        (ViewKind::Values, false) => &DICT_VALUE_ITER_TYPE,
        (ViewKind::Items, false) => &DICT_ITEM_ITER_TYPE,
        (ViewKind::Keys, true) => &DICT_REV_KEY_ITER_TYPE,
        (ViewKind::Values, true) => &DICT_REV_VALUE_ITER_TYPE,
        (ViewKind::Items, true) => &DICT_REV_ITEM_ITER_TYPE,
    };
    let pos = if reversed { dd.table().entries_len() } else { 0 };
    Value::new_with_type(ty, DictIterator { dict: d.clone(), kind, pos: Cell::new(pos), len: Cell::new(len), version_len: len, reversed })
}

fn dict_iter_next(_ts: &ThreadState, it: &Value) -> PyResult<Option<Value>> {
    let it = it.downcast::<DictIterator>().ok_or_else(|| PyErr::type_error("dict iterator expected"))?;
    let d = this(&it.dict)?;
    if d.len() != it.version_len {
        it.len.set(usize::MAX);
        return Err(PyErr::runtime_error("dictionary changed size during iteration"));
    }
    let entry = if it.reversed {
        let mut p = it.pos.get();
        let mut found = None;
        while p > 0 {
            p -= 1;
            if let Some((k, v)) = d.table().entry(p) {
                found = Some((k.clone(), v.clone()));
                break;
            }
        }
        it.pos.set(p);
        found
    } else {
        match d.next_entry(it.pos.get()) {
            Some((next, k, v)) => {
                it.pos.set(next);
                Some((k, v))
            }
            None => {
                it.pos.set(usize::MAX / 2);
                None
            }
        }
    };
    let Some((k, v)) = entry else { return Ok(None) };
    it.len.set(it.len.get().saturating_sub(1));
    Ok(Some(match it.kind {
        ViewKind::Keys => k,
        ViewKind::Values => v,
        ViewKind::Items => tuple::new_tuple(vec![k, v])?,
    }))
}

fn iter_length_hint(_ts: &ThreadState, it: &Value, _a: Args, _k: Option<&Value>) -> PyResult<Value> {
    let it = it.downcast::<DictIterator>().ok_or_else(|| PyErr::type_error("dict iterator expected"))?;
    let n = it.len.get();
    Ok(int::from_i64(if n == usize::MAX { 0 } else { n as i64 }))
}

fn self_iter(_ts: &ThreadState, v: &Value) -> PyResult<Value> {
    Ok(v.clone())
}

fn view(v: &Value) -> PyResult<&DictView> {
    v.downcast::<DictView>().ok_or_else(|| PyErr::type_error("dict view expected"))
}

fn view_len(_ts: &ThreadState, v: &Value) -> PyResult<usize> {
    Ok(this(&view(v)?.dict)?.len())
}
fn view_iter(_ts: &ThreadState, v: &Value) -> PyResult<Value> {
    let vw = view(v)?;
    new_iter(&vw.dict, vw.kind, false)
}
fn view_reversed(_ts: &ThreadState, v: &Value, _a: Args, _k: Option<&Value>) -> PyResult<Value> {
    let vw = view(v)?;
    new_iter(&vw.dict, vw.kind, true)
}
fn view_contains(ts: &ThreadState, v: &Value, x: &Value) -> PyResult<bool> {
    let vw = view(v)?;
    let d = this(&vw.dict)?;
    match vw.kind {
        ViewKind::Keys => Ok(d.get_item(ts, x)?.is_some()),
        ViewKind::Items => {
            let Some(pair) = tuple::try_tuple_items(x) else { return Ok(false) };
            if pair.len() != 2 {
                return Ok(false);
            }
            match d.get_item(ts, &pair[0])? {
                Some(val) => protocol::eq(ts, &val, &pair[1]),
                None => Ok(false),
            }
        }
        ViewKind::Values => {
            for val in d.values() {
                if protocol::eq(ts, &val, x)? {
                    return Ok(true);
                }
            }
            Ok(false)
        }
    }
}
fn view_repr(ts: &ThreadState, v: &Value) -> PyResult<Value> {
    let vw = view(v)?;
    let Some(_g) = super::ReprGuard::enter(ts, v) else { return Ok(pystr::new_str("...")) };
    let items = protocol::collect(ts, v)?;
    let name = v.type_of().name();
    Ok(pystr::new_str(&format!("{}({})", name, super::tuple::seq_repr(ts, &items, "[", "]")?)))
        .map(|x| {
            let _ = vw;
            x
        })
}

fn view_set(ts: &ThreadState, v: &Value) -> PyResult<Value> {
    super::set::new_set_from(ts, protocol::collect(ts, v)?)
}

/// dictviews_to_set: a new set of the operand (a keys view of an exact
/// dict is read through the dict itself).
fn to_set(ts: &ThreadState, v: &Value) -> PyResult<Value> {
    let mut src = v.clone();
    if let Some(vw) = v.downcast::<DictView>() {
        if vw.kind == ViewKind::Keys && vw.dict.is_exact(&DICT_TYPE) {
            src = vw.dict.clone();
        }
    }
    protocol::call(ts, &super::set::SET_TYPE.to_value(), std::slice::from_ref(&src), None)
}

/// The set operators of keys and items views, as dictobject.c's
/// dictviews_or/sub/xor and _PyDictView_Intersect (either operand may be the view).
fn view_setop(ts: &ThreadState, v: &Value, w: &Value, op: usize) -> PyResult<Value> {
    match op {
        nb::AND => {
            let (mut this_v, mut other) = if v.downcast::<DictView>().is_some() { (v.clone(), w.clone()) } else { (w.clone(), v.clone()) };
            let len_self = protocol::len(ts, &this_v)?;
            if other.is_exact(&super::set::SET_TYPE) && len_self <= protocol::len(ts, &other)? {
                return protocol::call_method(ts, &other, "intersection", std::slice::from_ref(&this_v));
            }
            if other.downcast::<DictView>().is_some_and(|o| o.kind != ViewKind::Values) && protocol::len(ts, &other)? > len_self {
                std::mem::swap(&mut this_v, &mut other);
            }
            let result = super::set::new_set_from(ts, Vec::new())?;
            let it = protocol::get_iter(ts, &other)?;
            while let Some(k) = protocol::next(ts, &it)? {
                if view_contains(ts, &this_v, &k)? {
                    super::set::set_add(ts, &result, k)?;
                }
            }
            Ok(result)
        }
        _ => {
            let result = to_set(ts, v)?;
            let meth = match op {
                nb::OR => "update",
                nb::SUBTRACT => "difference_update",
                _ => "symmetric_difference_update",
            };
            protocol::call_method(ts, &result, meth, std::slice::from_ref(w))?;
            Ok(result)
        }
    }
}

macro_rules! setops {
    ($($name:ident => $op:expr),*) => {
        $(fn $name(ts: &ThreadState, v: &Value, w: &Value) -> PyResult<Value> { view_setop(ts, v, w, $op) })*
    };
}
setops!(view_or => nb::OR, view_and => nb::AND, view_sub => nb::SUBTRACT, view_xor => nb::XOR);

fn view_richcompare(ts: &ThreadState, v: &Value, w: &Value, op: CompareOp) -> PyResult<Value> {
    let vw = view(v)?;
    if vw.kind == ViewKind::Values {
        return Ok(none::not_implemented());
    }
    let is_setlike = w.downcast::<super::set::PySet>().is_some()
        || w.downcast::<DictView>().is_some_and(|x| x.kind != ViewKind::Values);
    if !is_setlike {
        return Ok(none::not_implemented());
    }
    let a = view_set(ts, v)?;
    let b = if w.downcast::<DictView>().is_some() { view_set(ts, w)? } else { w.clone() };
    protocol::richcompare(ts, &a, &b, op)
}

fn view_isdisjoint(ts: &ThreadState, v: &Value, a: Args, k: Option<&Value>) -> PyResult<Value> {
    let a = crate::object::args::exact(&format!("{}.isdisjoint", v.type_of().name()), a, k, 1)?;
    for x in protocol::collect(ts, &a[0])? {
        if view_contains(ts, v, &x)? {
            return Ok(bool_::false_value());
        }
    }
    Ok(bool_::true_value())
}

fn view_mapping(_ts: &ThreadState, v: &Value) -> PyResult<Value> {
    super::mappingproxy::new_mappingproxy(view(v)?.dict.clone())
}

pub fn init() {
    let s = &DICT_TYPE.data.slots;
    s.new.set(Some(dict_new));
    s.init.set(Some(dict_init));
    s.iter.set(Some(dict_iter));
    s.getattro.set(Some(protocol::generic_getattr));
    s.binary[nb::OR].set(Some(dict_or));
    s.binary[nb::INPLACE + nb::OR].set(Some(dict_ior));
    descr::add_methods(
        &DICT_TYPE,
        &[
            ("get", m_get),
            ("setdefault", m_setdefault),
            ("pop", m_pop),
            ("popitem", m_popitem),
            ("keys", m_keys),
            ("values", m_values),
            ("items", m_items),
            ("update", m_update),
            ("clear", m_clear),
            ("copy", m_copy),
            ("__reversed__", m_reversed),
            ("__sizeof__", m_sizeof),
        ],
    );
    descr::add_methods_kind(&DICT_TYPE, &[("fromkeys", m_fromkeys), ("__class_getitem__", m_class_getitem)], descr::MethodKind::Class);
    for t in [&DICT_KEYS_TYPE, &DICT_VALUES_TYPE, &DICT_ITEMS_TYPE] {
        let s = &t.data.slots;
        s.length.set(Some(view_len));
        s.iter.set(Some(view_iter));
        s.repr.set(Some(view_repr));
        s.getattro.set(Some(protocol::generic_getattr));
        descr::add_methods(t, &[("__reversed__", view_reversed)]);
        descr::add_getsets(t, &[("mapping", view_mapping, None)]);
    }
    for t in [&DICT_KEYS_TYPE, &DICT_ITEMS_TYPE] {
        let s = &t.data.slots;
        s.binary[nb::OR].set(Some(view_or));
        s.binary[nb::AND].set(Some(view_and));
        s.binary[nb::SUBTRACT].set(Some(view_sub));
        s.binary[nb::XOR].set(Some(view_xor));
        s.richcompare.set(Some(view_richcompare));
        // Values views have no __contains__: `in` iterates them.
        s.contains.set(Some(view_contains));
        s.hash.set(Some(super::object::hash_not_implemented));
        descr::add_methods(t, &[("isdisjoint", view_isdisjoint)]);
    }
    for t in types().into_iter().skip(3) {
        t.data.slots.iter.set(Some(self_iter));
        t.data.slots.iternext.set(Some(dict_iter_next));
        descr::add_methods(t, &[("__length_hint__", iter_length_hint)]);
    }
    let _ = (new_dict, list::new_list);
}

/// Cycle collector hook: a dict iterator holds its dict.
pub(crate) fn gc_traverse_iter(v: &Value, visit: &mut dyn FnMut(&Value)) {
    if let Some(i) = v.downcast::<DictIterator>() {
        visit(&i.dict);
    }
}
