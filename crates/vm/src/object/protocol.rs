//! The abstract object protocol (CPython's Objects/abstract.c and
//! object.c): attribute access, calls, operators, comparison, hashing,
//! truth, iteration, subscription, all through type slots.

use super::typeobj::{nb, CompareOp, TypeObject};
use super::value::Value;
use crate::runtime::errors::{PyErr, PyResult};
use crate::runtime::thread::ThreadState;
use crate::types::exceptions as exc;
use crate::types::{none, str as pystr, tuple};

/// `type(v).__name__`, for error messages.
pub fn type_name(v: &Value) -> String {
    v.type_of().name()
}

/// `getattr(obj, name)`.
pub fn getattr(ts: &ThreadState, obj: &Value, name: &Value) -> PyResult<Value> {
    match obj.type_of().data.slots.getattro.get() {
        Some(f) => f(ts, obj, name),
        None => Err(no_attribute(obj, name)),
    }
}

/// `getattr(obj, "name")`.
pub fn getattr_str(ts: &ThreadState, obj: &Value, name: &str) -> PyResult<Value> {
    getattr(ts, obj, &pystr::intern(name))
}

/// `getattr(obj, name, None)`-like: Ok(None) when the attribute is missing
/// (AttributeError swallowed), other errors propagate.
pub fn lookup_attr(ts: &ThreadState, obj: &Value, name: &Value) -> PyResult<Option<Value>> {
    match getattr(ts, obj, name) {
        Ok(v) => Ok(Some(v)),
        Err(e) if e.matches(&exc::ATTRIBUTE_ERROR) => Ok(None),
        Err(e) => Err(e),
    }
}

/// The AttributeError for a missing attribute, with `name` and `obj` set.
pub fn no_attribute(obj: &Value, name: &Value) -> PyErr {
    let msg = format!("'{}' object has no attribute '{}'", type_name(obj), pystr::as_rust_str(name));
    let err = PyErr::attribute_error(msg);
    exc::set_attribute_error_context(err.value(), obj, name);
    err
}

pub fn setattr(ts: &ThreadState, obj: &Value, name: &Value, value: Option<&Value>) -> PyResult<()> {
    match obj.type_of().data.slots.setattro.get() {
        Some(f) => f(ts, obj, name, value),
        None => {
            let has_attrs = obj.type_of().data.slots.getattro.get().is_some();
            let what = if value.is_some() { "assign to" } else { "delete" };
            let _ = has_attrs;
            Err(PyErr::type_error(format!(
                "'{}' object has no attributes ({} .{})",
                type_name(obj),
                what,
                pystr::as_rust_str(name)
            )))
        }
    }
}

/// `PyObject_GenericGetAttr`: data descriptors on the type, then the
/// instance dict, then other class attributes (binding non-data descriptors).
pub fn generic_getattr(ts: &ThreadState, obj: &Value, name: &Value) -> PyResult<Value> {
    let ty = obj.type_of();
    let descr = ty.data.lookup(name);
    let mut getter = None;
    if let Some(d) = &descr {
        let dt = d.type_of();
        getter = dt.data.slots.descr_get.get();
        if let (Some(get), Some(_)) = (getter, dt.data.slots.descr_set.get()) {
            return get(ts, d, Some(obj), Some(&ty.to_value()));
        }
    }
    if let Some(dict) = instance_dict(obj) {
        let found = match dict.downcast_exact::<crate::types::dict::PyDict>() {
            Some(d) if name.is_exact(&pystr::STR_TYPE) => d.get_str(name),
            _ => crate::types::dict::dict_get_item(ts, &dict, name)?,
        };
        if let Some(v) = found {
            return Ok(v);
        }
    }
    if let Some(d) = descr {
        if let Some(get) = getter {
            return get(ts, &d, Some(obj), Some(&ty.to_value()));
        }
        return Ok(d);
    }
    Err(no_attribute(obj, name))
}

/// `PyObject_GenericSetAttr`.
pub fn generic_setattr(ts: &ThreadState, obj: &Value, name: &Value, value: Option<&Value>) -> PyResult<()> {
    let ty = obj.type_of();
    if !name.type_of().is_subtype(&pystr::STR_TYPE) {
        return Err(PyErr::type_error(format!("attribute name must be string, not '{}'", type_name(name))));
    }
    if let Some(d) = ty.data.lookup(name) {
        if let Some(set) = d.type_of().data.slots.descr_set.get() {
            return set(ts, &d, obj, value);
        }
    }
    match instance_dict_or_create(obj) {
        Some(dict) => match value {
            Some(v) => crate::types::dict::dict_set_item(ts, &dict, name.clone(), v.clone()),
            None => {
                if crate::types::dict::dict_del_item(ts, &dict, name)?.is_none() {
                    return Err(no_attribute(obj, name));
                }
                Ok(())
            }
        },
        None => {
            if ty.data.lookup(name).is_some() {
                Err(PyErr::attribute_error(format!(
                    "'{}' object attribute '{}' is read-only",
                    type_name(obj),
                    pystr::as_rust_str(name)
                )))
            } else {
                let err = no_attribute(obj, name);
                Err(err)
            }
        }
    }
}

/// The instance `__dict__`, if the object has one and it exists.
pub fn instance_dict(obj: &Value) -> Option<Value> {
    let ty = obj.type_of();
    let slot = ty.data.dict_slot.get();
    if slot >= 0 {
        let cell = obj.extra_slot(slot as usize);
        let d = cell.take();
        cell.set(d.clone());
        return d;
    }
    crate::types::builtin_dict_of(obj)
}

/// The instance `__dict__`, created on first use.
pub fn instance_dict_or_create(obj: &Value) -> Option<Value> {
    let ty = obj.type_of();
    let slot = ty.data.dict_slot.get();
    if slot >= 0 {
        let cell = obj.extra_slot(slot as usize);
        let d = cell.take();
        let d = match d {
            Some(d) => d,
            None => crate::types::dict::new_dict(),
        };
        cell.set(Some(d.clone()));
        return Some(d);
    }
    crate::types::builtin_dict_of(obj)
}

/// `repr(obj)`.
pub fn repr(ts: &ThreadState, obj: &Value) -> PyResult<Value> {
    let f = obj.type_of().data.slots.repr.get();
    let r = match f {
        Some(f) => {
            let _guard = crate::eval::ceval::NativeCallGuard::enter(ts)?;
            f(ts, obj)?
        }
        None => return Ok(pystr::new_str(&default_repr(obj))),
    };
    if !r.type_of().is_subtype(&pystr::STR_TYPE) {
        return Err(PyErr::type_error(format!("__repr__ returned non-string (type {})", type_name(&r))));
    }
    Ok(r)
}

/// `<T object at 0x...>`.
pub fn default_repr(obj: &Value) -> String {
    let ty = obj.type_of();
    let module = type_module_name(ty);
    let qual = type_qualname(ty);
    if module == "builtins" {
        format!("<{} object at {:#x}>", qual, obj.id())
    } else {
        format!("<{}.{} object at {:#x}>", module, qual, obj.id())
    }
}

/// `type.__module__` as a Rust string.
pub fn type_module_name(ty: &super::typeobj::PyType) -> String {
    if ty.data.is_heap_type() {
        if let Some(m) = crate::types::dict::dict_get_str(&ty.data.dict(), &pystr::intern("__module__")) {
            if let Some(s) = pystr::try_as_rust_str(&m) {
                return s.to_string();
            }
        }
        return "builtins".into();
    }
    let name = ty.data.name();
    match name.rfind('.') {
        Some(i) => name[..i].to_string(),
        None => "builtins".into(),
    }
}

/// `type.__qualname__` as a Rust string.
pub fn type_qualname(ty: &super::typeobj::PyType) -> String {
    if let Some(q) = ty.data.qualname() {
        if let Some(s) = pystr::try_as_rust_str(&q) {
            return s.to_string();
        }
    }
    let name = ty.data.name();
    match name.rfind('.') {
        Some(i) => name[i + 1..].to_string(),
        None => name,
    }
}

/// `str(obj)`.
pub fn str(ts: &ThreadState, obj: &Value) -> PyResult<Value> {
    if obj.is_exact(&pystr::STR_TYPE) {
        return Ok(obj.clone());
    }
    let r = match obj.type_of().data.slots.str.get() {
        Some(f) => {
            let _guard = crate::eval::ceval::NativeCallGuard::enter(ts)?;
            f(ts, obj)?
        }
        None => return repr(ts, obj),
    };
    if !r.type_of().is_subtype(&pystr::STR_TYPE) {
        return Err(PyErr::type_error(format!("__str__ returned non-string (type {})", type_name(&r))));
    }
    Ok(r)
}

/// `str(obj)` as a Rust String.
pub fn str_string(ts: &ThreadState, obj: &Value) -> PyResult<String> {
    let s = str(ts, obj)?;
    Ok(pystr::as_rust_str(&s).into_owned())
}

/// `repr(obj)` as a Rust String.
pub fn repr_string(ts: &ThreadState, obj: &Value) -> PyResult<String> {
    let s = repr(ts, obj)?;
    Ok(pystr::as_rust_str(&s).into_owned())
}

/// `hash(obj)`.
pub fn hash(ts: &ThreadState, obj: &Value) -> PyResult<isize> {
    if let Some(i) = obj.as_small_int() {
        return Ok(crate::pyhash::hash_i64(i) as isize);
    }
    match obj.type_of().data.slots.hash.get() {
        Some(f) => f(ts, obj),
        None => Err(PyErr::type_error(format!("unhashable type: '{}'", type_name(obj)))),
    }
}

/// `bool(obj)`.
pub fn is_true(ts: &ThreadState, obj: &Value) -> PyResult<bool> {
    if let Some(i) = obj.as_small_int() {
        return Ok(i != 0);
    }
    if obj.is(&crate::types::bool_::true_value()) {
        return Ok(true);
    }
    if obj.is(&crate::types::bool_::false_value()) || none::is_none(obj) {
        return Ok(false);
    }
    let slots = &obj.type_of().data.slots;
    if let Some(f) = slots.bool.get() {
        return f(ts, obj);
    }
    if let Some(f) = slots.length.get() {
        return Ok(f(ts, obj)? > 0);
    }
    Ok(true)
}

/// `not obj`.
pub fn not(ts: &ThreadState, obj: &Value) -> PyResult<bool> {
    Ok(!is_true(ts, obj)?)
}

/// `len(obj)`.
pub fn len(ts: &ThreadState, obj: &Value) -> PyResult<usize> {
    match obj.type_of().data.slots.length.get() {
        Some(f) => f(ts, obj),
        None => Err(PyErr::type_error(format!("object of type '{}' has no len()", type_name(obj)))),
    }
}

/// Call `callable(*args)` with keyword names (vectorcall convention).
pub fn call(ts: &ThreadState, callable: &Value, args: &[Value], kwnames: Option<&Value>) -> PyResult<Value> {
    match callable.type_of().data.slots.call.get() {
        Some(f) => f(ts, callable, args, kwnames),
        None => Err(PyErr::type_error(format!("'{}' object is not callable", type_name(callable)))),
    }
}

/// `callable(*args)`.
pub fn call0(ts: &ThreadState, callable: &Value, args: &[Value]) -> PyResult<Value> {
    call(ts, callable, args, None)
}

/// `obj.name(*args)`.
pub fn call_method(ts: &ThreadState, obj: &Value, name: &str, args: &[Value]) -> PyResult<Value> {
    let m = getattr_str(ts, obj, name)?;
    call(ts, &m, args, None)
}

/// Call a special method looked up on the type (not the instance), as the
/// interpreter does for dunders: Ok(None) when the type lacks it.
pub fn call_special(ts: &ThreadState, obj: &Value, name: &str, args: &[Value]) -> PyResult<Option<Value>> {
    let Some(f) = obj.type_of().data.lookup_str(name) else {
        return Ok(None);
    };
    let bound = bind_descriptor(ts, &f, obj)?;
    Ok(Some(call(ts, &bound, args, None)?))
}

/// Bind `f` found on `type(obj)` to `obj` (calls `__get__` if any).
pub fn bind_descriptor(ts: &ThreadState, f: &Value, obj: &Value) -> PyResult<Value> {
    match f.type_of().data.slots.descr_get.get() {
        Some(get) => get(ts, f, Some(obj), Some(&obj.type_of().to_value())),
        None => Ok(f.clone()),
    }
}

/// `iter(obj)`.
pub fn get_iter(ts: &ThreadState, obj: &Value) -> PyResult<Value> {
    let slots = &obj.type_of().data.slots;
    if let Some(f) = slots.iter.get() {
        let it = f(ts, obj)?;
        if it.type_of().data.slots.iternext.get().is_none() {
            return Err(PyErr::type_error(format!("iter() returned non-iterator of type '{}'", type_name(&it))));
        }
        return Ok(it);
    }
    if slots.subscript.get().is_some() && !obj.type_of().is_subtype(&crate::types::dict::DICT_TYPE) {
        return crate::types::iter::new_seq_iter(obj.clone());
    }
    Err(PyErr::type_error(format!("'{}' object is not iterable", type_name(obj))))
}

/// `next(it)`: Ok(None) when exhausted (a StopIteration raised by the
/// iterator also means exhausted, as CPython's PyIter_Next).
pub fn next(ts: &ThreadState, it: &Value) -> PyResult<Option<Value>> {
    match it.type_of().data.slots.iternext.get() {
        Some(f) => match f(ts, it) {
            Err(e) if e.matches(&exc::STOP_ITERATION) => Ok(None),
            r => r,
        },
        None => Err(PyErr::type_error(format!("'{}' object is not an iterator", type_name(it)))),
    }
}

/// Collect an iterable into a Vec.
pub fn collect(ts: &ThreadState, iterable: &Value) -> PyResult<Vec<Value>> {
    if let Some(items) = tuple::try_tuple_items(iterable) {
        return Ok(items.to_vec());
    }
    if let Some(l) = iterable.downcast_exact::<crate::types::list::PyList>() {
        return Ok(l.snapshot());
    }
    let it = get_iter(ts, iterable)?;
    let mut out = Vec::new();
    while let Some(v) = next(ts, &it)? {
        out.push(v);
    }
    Ok(out)
}

/// `obj[key]`.
pub fn getitem(ts: &ThreadState, obj: &Value, key: &Value) -> PyResult<Value> {
    if let Some(f) = obj.type_of().data.slots.subscript.get() {
        return f(ts, obj, key);
    }
    if obj.as_type().is_some() {
        // `type[int]` is a generic alias of `type` itself (PEP 585), as
        // CPython's PyObject_GetItem special-cases it; other classes
        // answer through __class_getitem__.
        if obj.is(&crate::types::typeobject::TYPE_TYPE.to_value()) {
            return crate::types::genericalias::new_generic_alias(obj.clone(), key.clone());
        }
        if let Some(cg) = lookup_attr(ts, obj, &pystr::intern("__class_getitem__"))? {
            return call(ts, &cg, std::slice::from_ref(key), None);
        }
        return Err(PyErr::type_error(format!("type '{}' is not subscriptable", obj.as_type().map(|t| t.name()).unwrap_or_default())));
    }
    Err(PyErr::type_error(format!("'{}' object is not subscriptable", type_name(obj))))
}

/// `obj[key] = value` / `del obj[key]`.
pub fn setitem(ts: &ThreadState, obj: &Value, key: &Value, value: Option<&Value>) -> PyResult<()> {
    match obj.type_of().data.slots.ass_subscript.get() {
        Some(f) => f(ts, obj, key, value),
        None => Err(PyErr::type_error(if value.is_some() {
            format!("'{}' object does not support item assignment", type_name(obj))
        } else {
            format!("'{}' object does not support item deletion", type_name(obj))
        })),
    }
}

/// `item in container`.
pub fn contains(ts: &ThreadState, container: &Value, item: &Value) -> PyResult<bool> {
    if let Some(f) = container.type_of().data.slots.contains.get() {
        return f(ts, container, item);
    }
    let it = match get_iter(ts, container) {
        Ok(it) => it,
        Err(e) if e.matches(&exc::TYPE_ERROR) => {
            return Err(PyErr::type_error(format!(
                "argument of type '{}' is not iterable",
                type_name(container)
            )))
        }
        Err(e) => return Err(e),
    };
    while let Some(v) = next(ts, &it)? {
        if v.is(item) || eq(ts, &v, item)? {
            return Ok(true);
        }
    }
    Ok(false)
}

/// `operator.index(v)`.
pub fn index(ts: &ThreadState, v: &Value) -> PyResult<Value> {
    if v.as_small_int().is_some() || v.is_exact(crate::types::int::PyInt::class_ref()) {
        return Ok(v.clone());
    }
    match v.type_of().data.slots.index.get() {
        Some(f) => {
            let r = f(ts, v)?;
            if !crate::types::int::is_int(&r) {
                return Err(PyErr::type_error(format!("__index__ returned non-int (type {})", type_name(&r))));
            }
            Ok(r)
        }
        None => Err(PyErr::type_error(format!(
            "'{}' object cannot be interpreted as an integer",
            type_name(v)
        ))),
    }
}

/// `operator.index(v)` as an isize, OverflowError beyond.
pub fn index_isize(ts: &ThreadState, v: &Value) -> PyResult<isize> {
    let i = index(ts, v)?;
    crate::types::int::to_isize(&i).ok_or_else(|| {
        PyErr::new(
            &exc::INDEX_ERROR,
            format!("cannot fit '{}' into an index-sized integer", type_name(v)),
        )
    })
}

/// Whether the type is a type defining the NotImplemented-returning protocol.
fn is_not_implemented(v: &Value) -> bool {
    v.is(&none::not_implemented())
}

/// A binary operator (`nb::ADD`...), with CPython's dispatch: the right
/// operand's reflected method first when its type is a subclass of the
/// left's, NotImplemented falls through, then sequence concat/repeat.
pub fn binary_op(ts: &ThreadState, v: &Value, w: &Value, op: usize) -> PyResult<Value> {
    if op >= nb::INPLACE {
        let slot = v.type_of().data.slots.binary[op].get();
        if let Some(f) = slot {
            let r = f(ts, v, w)?;
            if !is_not_implemented(&r) {
                return Ok(r);
            }
        }
        let base = op - nb::INPLACE;
        if let Some(r) = binary_op1(ts, v, w, base)? {
            return Ok(r);
        }
        if let Some(r) = sequence_fallback(ts, v, w, base, true)? {
            return Ok(r);
        }
        return Err(unsupported(v, w, &format!("{}=", nb::SYMBOLS[base])));
    }
    if let Some(r) = binary_op1(ts, v, w, op)? {
        return Ok(r);
    }
    if let Some(r) = sequence_fallback(ts, v, w, op, false)? {
        return Ok(r);
    }
    if op == nb::POWER {
        return Err(unsupported(v, w, "** or pow()"));
    }
    if op == nb::RSHIFT && v.downcast::<crate::types::function::PyBuiltinFunction>().is_some() {
        let name = crate::types::function::builtin_name(v);
        if name == "print" {
            return Err(PyErr::type_error(format!(
                "unsupported operand type(s) for >>: '{}' and '{}'. Did you mean \"print(<message>, file=<output_stream>)\"?",
                type_name(v),
                type_name(w)
            )));
        }
    }
    Err(unsupported(v, w, nb::SYMBOLS[op]))
}

fn unsupported(v: &Value, w: &Value, sym: &str) -> PyErr {
    PyErr::type_error(format!(
        "unsupported operand type(s) for {}: '{}' and '{}'",
        sym,
        type_name(v),
        type_name(w)
    ))
}

/// CPython's binary_op1: Ok(None) when both sides return NotImplemented.
fn binary_op1(ts: &ThreadState, v: &Value, w: &Value, op: usize) -> PyResult<Option<Value>> {
    let tv = v.type_of();
    let tw = w.type_of();
    let slotv = tv.data.slots.binary[op].get();
    let mut slotw = None;
    if !std::ptr::eq(tv, tw) {
        slotw = tw.data.slots.binary[op].get();
        if slotw.map(|f| f as usize) == slotv.map(|f| f as usize) {
            slotw = None;
        }
    }
    if let Some(fv) = slotv {
        if let Some(fw) = slotw {
            if tw.is_subtype(tv) {
                let r = fw(ts, v, w)?;
                if !is_not_implemented(&r) {
                    return Ok(Some(r));
                }
                slotw = None;
            }
        }
        let r = fv(ts, v, w)?;
        if !is_not_implemented(&r) {
            return Ok(Some(r));
        }
    }
    if let Some(fw) = slotw {
        let r = fw(ts, v, w)?;
        if !is_not_implemented(&r) {
            return Ok(Some(r));
        }
    }
    Ok(None)
}

/// `+` and `*` on sequences (sq_concat / sq_repeat) after the number slots.
fn sequence_fallback(ts: &ThreadState, v: &Value, w: &Value, op: usize, inplace: bool) -> PyResult<Option<Value>> {
    let slots = &v.type_of().data.slots;
    if op == nb::ADD {
        if let Some(f) = if inplace { slots.inplace_concat.get().or(slots.concat.get()) } else { slots.concat.get() } {
            return f(ts, v, w).map(Some);
        }
    } else if op == nb::MULTIPLY {
        let (seq, n) = if slots.repeat.get().is_some() {
            (v, w)
        } else if w.type_of().data.slots.repeat.get().is_some() {
            (w, v)
        } else {
            return Ok(None);
        };
        let seq_slots = &seq.type_of().data.slots;
        let f = if inplace && std::ptr::eq(seq, v) {
            seq_slots.inplace_repeat.get().or(seq_slots.repeat.get())
        } else {
            seq_slots.repeat.get()
        };
        if let Some(f) = f {
            if n.type_of().data.slots.index.get().is_none() && n.as_small_int().is_none() {
                return Err(PyErr::type_error(format!(
                    "can't multiply sequence by non-int of type '{}'",
                    type_name(n)
                )));
            }
            return f(ts, seq, n).map(Some);
        }
    }
    Ok(None)
}

/// `pow(v, w, z)` with a modulus.
pub fn power3(ts: &ThreadState, v: &Value, w: &Value, z: &Value) -> PyResult<Value> {
    if none::is_none(z) {
        return binary_op(ts, v, w, nb::POWER);
    }
    for x in [v, w, z] {
        if let Some(f) = x.type_of().data.slots.power3.get() {
            let r = f(ts, v, w, z)?;
            if !is_not_implemented(&r) {
                return Ok(r);
            }
        }
    }
    Err(PyErr::type_error(format!(
        "unsupported operand type(s) for ** or pow(): '{}', '{}', '{}'",
        type_name(v),
        type_name(w),
        type_name(z)
    )))
}

fn unary(ts: &ThreadState, v: &Value, slot: Option<super::typeobj::UnaryFn>, sym: &str) -> PyResult<Value> {
    match slot {
        Some(f) => f(ts, v),
        None => Err(PyErr::type_error(format!("bad operand type for {}: '{}'", sym, type_name(v)))),
    }
}

pub fn negative(ts: &ThreadState, v: &Value) -> PyResult<Value> {
    unary(ts, v, v.type_of().data.slots.negative.get(), "unary -")
}
pub fn positive(ts: &ThreadState, v: &Value) -> PyResult<Value> {
    unary(ts, v, v.type_of().data.slots.positive.get(), "unary +")
}
pub fn invert(ts: &ThreadState, v: &Value) -> PyResult<Value> {
    unary(ts, v, v.type_of().data.slots.invert.get(), "unary ~")
}
pub fn absolute(ts: &ThreadState, v: &Value) -> PyResult<Value> {
    unary(ts, v, v.type_of().data.slots.absolute.get(), "abs()")
}

/// Rich comparison with CPython's reflection rules; returns the result
/// object (may be any object, e.g. from a user `__eq__`).
pub fn richcompare(ts: &ThreadState, v: &Value, w: &Value, op: CompareOp) -> PyResult<Value> {
    let _guard = crate::eval::ceval::NativeCallGuard::enter(ts)?;
    let tv = v.type_of();
    let tw = w.type_of();
    let mut checked_reverse = false;
    if !std::ptr::eq(tv, tw) && tw.is_subtype(tv) {
        if let Some(f) = tw.data.slots.richcompare.get() {
            checked_reverse = true;
            let r = f(ts, w, v, op.swapped())?;
            if !is_not_implemented(&r) {
                return Ok(r);
            }
        }
    }
    if let Some(f) = tv.data.slots.richcompare.get() {
        let r = f(ts, v, w, op)?;
        if !is_not_implemented(&r) {
            return Ok(r);
        }
    }
    if !checked_reverse {
        if let Some(f) = tw.data.slots.richcompare.get() {
            let r = f(ts, w, v, op.swapped())?;
            if !is_not_implemented(&r) {
                return Ok(r);
            }
        }
    }
    match op {
        CompareOp::Eq => Ok(crate::types::bool_::new_bool(v.is(w))),
        CompareOp::Ne => Ok(crate::types::bool_::new_bool(!v.is(w))),
        _ => Err(PyErr::type_error(format!(
            "'{}' not supported between instances of '{}' and '{}'",
            op.symbol(),
            type_name(v),
            type_name(w)
        ))),
    }
}

/// Rich comparison reduced to a bool.
pub fn compare_bool(ts: &ThreadState, v: &Value, w: &Value, op: CompareOp) -> PyResult<bool> {
    let r = richcompare(ts, v, w, op)?;
    if let Some(b) = crate::types::bool_::as_bool(&r) {
        return Ok(b);
    }
    is_true(ts, &r)
}

/// `v == w`, with the identity shortcut containers use (PyObject_RichCompareBool).
pub fn eq(ts: &ThreadState, v: &Value, w: &Value) -> PyResult<bool> {
    if v.is(w) {
        return Ok(true);
    }
    if let (Some(a), Some(b)) = (v.as_small_int(), w.as_small_int()) {
        return Ok(a == b);
    }
    compare_bool(ts, v, w, CompareOp::Eq)
}

/// `isinstance(obj, cls)` for a type `cls` (no `__instancecheck__`).
pub fn is_instance_of(obj: &Value, cls: &super::typeobj::PyType) -> bool {
    obj.type_of().is_subtype(cls)
}

/// `isinstance(obj, cls)` with tuples, `__instancecheck__` and `__class__`.
pub fn isinstance(ts: &ThreadState, obj: &Value, cls: &Value) -> PyResult<bool> {
    if let Some(t) = cls.as_type() {
        if obj.type_of().data.is_subtype(cls_ptr(cls)) {
            return Ok(true);
        }
        if std::ptr::eq(cls.type_of(), &crate::types::typeobject::TYPE_TYPE) {
            // No metaclass hooks: also honour a __class__ that differs from type().
            let _ = t;
            if let Some(c) = lookup_attr(ts, obj, &pystr::intern("__class__"))? {
                if !c.is(&obj.type_of().to_value()) {
                    if let Some(ct) = c.as_type() {
                        return Ok(ct.is_subtype(cls_ptr(cls)));
                    }
                }
            }
            return Ok(false);
        }
    }
    if let Some(items) = tuple::try_tuple_items(cls) {
        for c in items.iter() {
            if isinstance(ts, obj, c)? {
                return Ok(true);
            }
        }
        return Ok(false);
    }
    if let Some(check) = cls.type_of().data.lookup_str("__instancecheck__") {
        let bound = bind_descriptor(ts, &check, cls)?;
        let r = call(ts, &bound, std::slice::from_ref(obj), None)?;
        return is_true(ts, &r);
    }
    Err(PyErr::type_error(
        "isinstance() arg 2 must be a type, a tuple of types, or a union",
    ))
}

fn cls_ptr(cls: &Value) -> &super::typeobj::PyType {
    let t = cls.as_type().expect("checked by caller") as *const TypeObject as *const u8;
    // SAFETY: `cls` is a type object; its PyObject header sits before the
    // payload at a fixed repr(C) offset.
    unsafe {
        &*(t.sub(std::mem::offset_of!(super::typeobj::PyType, data)) as *const super::typeobj::PyType)
    }
}

/// The `&PyType` of a type object value.
pub fn as_pytype(cls: &Value) -> Option<&super::typeobj::PyType> {
    cls.as_type()?;
    Some(cls_ptr(cls))
}

/// `issubclass(derived, cls)`.
pub fn issubclass(ts: &ThreadState, derived: &Value, cls: &Value) -> PyResult<bool> {
    if let (Some(d), Some(_)) = (derived.as_type(), cls.as_type()) {
        if std::ptr::eq(cls.type_of(), &crate::types::typeobject::TYPE_TYPE) {
            return Ok(d.is_subtype(cls_ptr(cls)));
        }
    }
    if let Some(items) = tuple::try_tuple_items(cls) {
        for c in items.iter() {
            if issubclass(ts, derived, c)? {
                return Ok(true);
            }
        }
        return Ok(false);
    }
    if let Some(check) = cls.type_of().data.lookup_str("__subclasscheck__") {
        let bound = bind_descriptor(ts, &check, cls)?;
        let r = call(ts, &bound, std::slice::from_ref(derived), None)?;
        return is_true(ts, &r);
    }
    if derived.as_type().is_none() {
        return Err(PyErr::type_error("issubclass() arg 1 must be a class"));
    }
    Err(PyErr::type_error(
        "issubclass() arg 2 must be a class, a tuple of classes, or a union",
    ))
}
