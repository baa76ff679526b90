//! `_operator`: the functions of the `operator` module and its callable
//! types `attrgetter`, `itemgetter` and `methodcaller` (CPython's
//! Modules/_operator.c); operator.py re-exports them with `from _operator import *`.

use crate::object::args;
use crate::object::protocol;
use crate::object::typeobj::{nb, CallFn, CompareOp, PyType, TypeObject, TPFLAGS_HAVE_GC};
use crate::object::value::{PyObject, PyPayload, Value};
use crate::runtime::errors::{PyErr, PyResult};
use crate::runtime::thread::ThreadState;
use crate::types::{bool_, exceptions as exc, int, none, str as pystr, tuple};

type Args<'a> = &'a [Value];
type Kw<'a> = Option<&'a Value>;

/// `operator.attrgetter`: each attribute is a list of dotted parts.
pub struct AttrGetter {
    attrs: Vec<Vec<Value>>,
    names: Vec<Value>,
}
/// `operator.itemgetter`.
pub struct ItemGetter {
    items: Vec<Value>,
}
/// `operator.methodcaller`.
pub struct MethodCaller {
    name: Value,
    args: Vec<Value>,
    kwargs: Vec<(Value, Value)>,
}

macro_rules! op_type {
    ($st:ident, $payload:ty, $name:literal) => {
        pub static $st: PyType = PyObject::new_static(
            &crate::types::typeobject::TYPE_TYPE,
            TypeObject::builtin::<$payload>($name, &$st, Some(&crate::types::object::OBJECT_TYPE), TPFLAGS_HAVE_GC),
        );
        impl PyPayload for $payload {
            fn class() -> &'static PyType {
                &$st
            }
        }
    };
}
op_type!(ATTRGETTER_TYPE, AttrGetter, "operator.attrgetter");
op_type!(ITEMGETTER_TYPE, ItemGetter, "operator.itemgetter");
op_type!(METHODCALLER_TYPE, MethodCaller, "operator.methodcaller");

/// The static types of this module.
pub fn types() -> Vec<&'static PyType> {
    vec![&ATTRGETTER_TYPE, &ITEMGETTER_TYPE, &METHODCALLER_TYPE]
}

fn binop(ts: &ThreadState, name: &str, a: Args, k: Kw, op: usize) -> PyResult<Value> {
    args::no_kwargs(&format!("_operator.{name}"), k)?;
    let a = args::positional(name, a, k, 2, 2)?;
    protocol::binary_op(ts, &a[0], &a[1], op)
}

macro_rules! binops {
    ($($fname:ident => $name:literal, $op:expr;)*) => {
        $(
            fn $fname(ts: &ThreadState, _m: &Value, a: Args, k: Kw) -> PyResult<Value> {
                binop(ts, $name, a, k, $op)
            }
        )*
    };
}

binops! {
    op_add => "add", nb::ADD;
    op_and => "and_", nb::AND;
    op_floordiv => "floordiv", nb::FLOOR_DIVIDE;
    op_lshift => "lshift", nb::LSHIFT;
    op_matmul => "matmul", nb::MATRIX_MULTIPLY;
    op_mul => "mul", nb::MULTIPLY;
    op_mod => "mod", nb::REMAINDER;
    op_or => "or_", nb::OR;
    op_pow => "pow", nb::POWER;
    op_rshift => "rshift", nb::RSHIFT;
    op_sub => "sub", nb::SUBTRACT;
    op_truediv => "truediv", nb::TRUE_DIVIDE;
    op_xor => "xor", nb::XOR;
    op_iadd => "iadd", nb::INPLACE + nb::ADD;
    op_iand => "iand", nb::INPLACE + nb::AND;
    op_ifloordiv => "ifloordiv", nb::INPLACE + nb::FLOOR_DIVIDE;
    op_ilshift => "ilshift", nb::INPLACE + nb::LSHIFT;
    op_imatmul => "imatmul", nb::INPLACE + nb::MATRIX_MULTIPLY;
    op_imul => "imul", nb::INPLACE + nb::MULTIPLY;
    op_imod => "imod", nb::INPLACE + nb::REMAINDER;
    op_ior => "ior", nb::INPLACE + nb::OR;
    op_ipow => "ipow", nb::INPLACE + nb::POWER;
    op_irshift => "irshift", nb::INPLACE + nb::RSHIFT;
    op_isub => "isub", nb::INPLACE + nb::SUBTRACT;
    op_itruediv => "itruediv", nb::INPLACE + nb::TRUE_DIVIDE;
    op_ixor => "ixor", nb::INPLACE + nb::XOR;
}

fn cmp(ts: &ThreadState, name: &str, a: Args, k: Kw, op: CompareOp) -> PyResult<Value> {
    args::no_kwargs(&format!("_operator.{name}"), k)?;
    let a = args::positional(name, a, k, 2, 2)?;
    protocol::richcompare(ts, &a[0], &a[1], op)
}
fn op_lt(ts: &ThreadState, _m: &Value, a: Args, k: Kw) -> PyResult<Value> {
    cmp(ts, "lt", a, k, CompareOp::Lt)
}
fn op_le(ts: &ThreadState, _m: &Value, a: Args, k: Kw) -> PyResult<Value> {
    cmp(ts, "le", a, k, CompareOp::Le)
}
fn op_eq(ts: &ThreadState, _m: &Value, a: Args, k: Kw) -> PyResult<Value> {
    cmp(ts, "eq", a, k, CompareOp::Eq)
}
fn op_ne(ts: &ThreadState, _m: &Value, a: Args, k: Kw) -> PyResult<Value> {
    cmp(ts, "ne", a, k, CompareOp::Ne)
}
fn op_gt(ts: &ThreadState, _m: &Value, a: Args, k: Kw) -> PyResult<Value> {
    cmp(ts, "gt", a, k, CompareOp::Gt)
}
fn op_ge(ts: &ThreadState, _m: &Value, a: Args, k: Kw) -> PyResult<Value> {
    cmp(ts, "ge", a, k, CompareOp::Ge)
}

fn one<'a>(name: &str, a: Args<'a>, k: Kw) -> PyResult<&'a Value> {
    Ok(&args::exact(&format!("_operator.{name}"), a, k, 1)?[0])
}
fn two<'a>(name: &str, a: Args<'a>, k: Kw) -> PyResult<&'a [Value]> {
    args::no_kwargs(&format!("_operator.{name}"), k)?;
    args::positional(name, a, k, 2, 2)
}

fn op_abs(ts: &ThreadState, _m: &Value, a: Args, k: Kw) -> PyResult<Value> {
    protocol::absolute(ts, one("abs", a, k)?)
}
fn op_neg(ts: &ThreadState, _m: &Value, a: Args, k: Kw) -> PyResult<Value> {
    protocol::negative(ts, one("neg", a, k)?)
}
fn op_pos(ts: &ThreadState, _m: &Value, a: Args, k: Kw) -> PyResult<Value> {
    protocol::positive(ts, one("pos", a, k)?)
}
fn op_inv(ts: &ThreadState, _m: &Value, a: Args, k: Kw) -> PyResult<Value> {
    protocol::invert(ts, one("inv", a, k)?)
}
fn op_invert(ts: &ThreadState, _m: &Value, a: Args, k: Kw) -> PyResult<Value> {
    protocol::invert(ts, one("invert", a, k)?)
}
fn op_index(ts: &ThreadState, _m: &Value, a: Args, k: Kw) -> PyResult<Value> {
    protocol::index(ts, one("index", a, k)?)
}
fn op_truth(ts: &ThreadState, _m: &Value, a: Args, k: Kw) -> PyResult<Value> {
    Ok(bool_::new_bool(protocol::is_true(ts, one("truth", a, k)?)?))
}
fn op_not(ts: &ThreadState, _m: &Value, a: Args, k: Kw) -> PyResult<Value> {
    Ok(bool_::new_bool(protocol::not(ts, one("not_", a, k)?)?))
}
fn op_is(_ts: &ThreadState, _m: &Value, a: Args, k: Kw) -> PyResult<Value> {
    let a = two("is_", a, k)?;
    Ok(bool_::new_bool(a[0].is(&a[1])))
}
fn op_is_not(_ts: &ThreadState, _m: &Value, a: Args, k: Kw) -> PyResult<Value> {
    let a = two("is_not", a, k)?;
    Ok(bool_::new_bool(!a[0].is(&a[1])))
}
fn op_contains(ts: &ThreadState, _m: &Value, a: Args, k: Kw) -> PyResult<Value> {
    let a = two("contains", a, k)?;
    Ok(bool_::new_bool(protocol::contains(ts, &a[0], &a[1])?))
}
fn op_getitem(ts: &ThreadState, _m: &Value, a: Args, k: Kw) -> PyResult<Value> {
    let a = two("getitem", a, k)?;
    protocol::getitem(ts, &a[0], &a[1])
}
fn op_setitem(ts: &ThreadState, _m: &Value, a: Args, k: Kw) -> PyResult<Value> {
    args::no_kwargs("_operator.setitem", k)?;
    let a = args::positional("setitem", a, k, 3, 3)?;
    protocol::setitem(ts, &a[0], &a[1], Some(&a[2]))?;
    Ok(none::none())
}
fn op_delitem(ts: &ThreadState, _m: &Value, a: Args, k: Kw) -> PyResult<Value> {
    let a = two("delitem", a, k)?;
    protocol::setitem(ts, &a[0], &a[1], None)?;
    Ok(none::none())
}

/// `PySequence_Check`: has `__getitem__` and is not a dict.
fn is_sequence(v: &Value) -> bool {
    v.type_of().data.slots.subscript.get().is_some() && !v.type_of().is_subtype(&crate::types::dict::DICT_TYPE)
}

fn concat_impl(ts: &ThreadState, a: &Value, b: &Value, inplace: bool) -> PyResult<Value> {
    let slots = &a.type_of().data.slots;
    let slot = if inplace { slots.inplace_concat.get().or(slots.concat.get()) } else { slots.concat.get() };
    if let Some(f) = slot {
        return f(ts, a, b);
    }
    if is_sequence(a) && is_sequence(b) {
        let op = if inplace { nb::INPLACE + nb::ADD } else { nb::ADD };
        return protocol::binary_op(ts, a, b, op);
    }
    Err(PyErr::type_error(format!("'{}' object can't be concatenated", protocol::type_name(a))))
}
fn op_concat(ts: &ThreadState, _m: &Value, a: Args, k: Kw) -> PyResult<Value> {
    let a = two("concat", a, k)?;
    concat_impl(ts, &a[0], &a[1], false)
}
fn op_iconcat(ts: &ThreadState, _m: &Value, a: Args, k: Kw) -> PyResult<Value> {
    let a = two("iconcat", a, k)?;
    concat_impl(ts, &a[0], &a[1], true)
}

fn op_count_of(ts: &ThreadState, _m: &Value, a: Args, k: Kw) -> PyResult<Value> {
    let a = two("countOf", a, k)?;
    let it = protocol::get_iter(ts, &a[0])?;
    let mut n = 0i64;
    while let Some(x) = protocol::next(ts, &it)? {
        if x.is(&a[1]) || protocol::eq(ts, &x, &a[1])? {
            n += 1;
        }
    }
    Ok(int::from_i64(n))
}

fn op_index_of(ts: &ThreadState, _m: &Value, a: Args, k: Kw) -> PyResult<Value> {
    let a = two("indexOf", a, k)?;
    let it = protocol::get_iter(ts, &a[0])?;
    let mut i = 0i64;
    while let Some(x) = protocol::next(ts, &it)? {
        if x.is(&a[1]) || protocol::eq(ts, &x, &a[1])? {
            return Ok(int::from_i64(i));
        }
        i += 1;
    }
    Err(PyErr::value_error("sequence.index(x): x not in sequence"))
}

fn op_length_hint(ts: &ThreadState, _m: &Value, a: Args, k: Kw) -> PyResult<Value> {
    args::no_kwargs("_operator.length_hint", k)?;
    let a = args::positional("length_hint", a, k, 1, 2)?;
    let default = match a.get(1) {
        Some(d) => {
            if !int::is_int(d) && d.type_of().data.slots.index.get().is_none() {
                return Err(PyErr::type_error(format!("'{}' object cannot be interpreted as an integer", protocol::type_name(d))));
            }
            int::ssize_arg(ts, d)?
        }
        None => 0,
    };
    let obj = &a[0];
    if obj.type_of().data.slots.length.get().is_some() {
        match protocol::len(ts, obj) {
            Ok(n) => return Ok(int::from_usize(n)),
            Err(e) if e.matches(&exc::TYPE_ERROR) => {}
            Err(e) => return Err(e),
        }
    }
    let r = match protocol::call_special(ts, obj, "__length_hint__", &[]) {
        Ok(Some(r)) => r,
        Ok(None) => return Ok(int::from_i64(default as i64)),
        Err(e) if e.matches(&exc::TYPE_ERROR) => return Ok(int::from_i64(default as i64)),
        Err(e) => return Err(e),
    };
    if r.is(&none::not_implemented()) {
        return Ok(int::from_i64(default as i64));
    }
    if !int::is_int(&r) {
        return Err(PyErr::type_error(format!("__length_hint__ must be an integer, not {}", protocol::type_name(&r))));
    }
    let n = int::ssize_arg(ts, &r)?;
    if n < 0 {
        return Err(PyErr::value_error("__length_hint__() should return >= 0"));
    }
    Ok(int::from_i64(n as i64))
}

fn op_call(ts: &ThreadState, _m: &Value, a: Args, k: Kw) -> PyResult<Value> {
    let npos = args::npositional(a, k);
    if npos == 0 {
        return Err(PyErr::type_error("call() missing required argument 'obj' (pos 1)"));
    }
    protocol::call(ts, &a[0], &a[1..], k)
}

fn op_compare_digest(ts: &ThreadState, _m: &Value, a: Args, k: Kw) -> PyResult<Value> {
    let a = two("_compare_digest", a, k)?;
    let (x, y) = (&a[0], &a[1]);
    let (xs, ys) = (pystr::as_pystr(x), pystr::as_pystr(y));
    let (bx, by) = if xs.is_some() && ys.is_some() {
        let (sx, sy) = (pystr::as_rust_str(x), pystr::as_rust_str(y));
        if !sx.is_ascii() || !sy.is_ascii() {
            return Err(PyErr::type_error("comparing strings with non-ASCII characters is not supported"));
        }
        (sx.as_bytes().to_vec(), sy.as_bytes().to_vec())
    } else if crate::types::bytes::has_buffer(x) || crate::types::bytes::has_buffer(y) {
        (crate::types::bytes::bytes_like(ts, x)?, crate::types::bytes::bytes_like(ts, y)?)
    } else {
        return Err(PyErr::type_error(format!(
            "unsupported operand types(s) or combination of types: '{}' and '{}'",
            protocol::type_name(x),
            protocol::type_name(y)
        )));
    };
    // Constant time in the length of the second operand, as CPython's.
    let mut result: u8 = (bx.len() != by.len()) as u8;
    let left = if bx.len() == by.len() { &bx } else { &by };
    for (p, q) in left.iter().zip(by.iter()) {
        result |= p ^ q;
    }
    Ok(bool_::new_bool(result == 0))
}

fn attr_parts(name: &Value) -> PyResult<Vec<Value>> {
    let Some(s) = pystr::try_as_rust_str(name).filter(|_| pystr::as_pystr(name).is_some()) else {
        return Err(PyErr::type_error("attribute name must be a string"));
    };
    Ok(s.split('.').map(pystr::intern).collect())
}

fn attrgetter_new(_ts: &ThreadState, cls: &Value, a: Args, k: Kw) -> PyResult<Value> {
    args::no_kwargs("attrgetter", k)?;
    if a.is_empty() {
        return Err(PyErr::type_error("attrgetter expected 1 argument, got 0"));
    }
    let attrs = a.iter().map(attr_parts).collect::<PyResult<Vec<_>>>()?;
    Value::new_instance(cls, AttrGetter { attrs, names: a.to_vec() })
}

fn attrgetter_call(ts: &ThreadState, v: &Value, a: Args, k: Kw) -> PyResult<Value> {
    let g = v.downcast::<AttrGetter>().ok_or_else(|| PyErr::type_error("attrgetter expected"))?;
    args::no_kwargs("attrgetter", k)?;
    let a = args::positional("attrgetter", a, k, 1, 1)?;
    let get = |parts: &Vec<Value>| -> PyResult<Value> {
        let mut obj = a[0].clone();
        for p in parts {
            obj = protocol::getattr(ts, &obj, p)?;
        }
        Ok(obj)
    };
    if g.attrs.len() == 1 {
        return get(&g.attrs[0]);
    }
    tuple::new_tuple(g.attrs.iter().map(get).collect::<PyResult<Vec<_>>>()?)
}

fn args_repr(ts: &ThreadState, items: &[Value]) -> PyResult<String> {
    Ok(items.iter().map(|x| protocol::repr_string(ts, x)).collect::<PyResult<Vec<_>>>()?.join(", "))
}

fn attrgetter_repr(ts: &ThreadState, v: &Value) -> PyResult<Value> {
    let g = v.downcast::<AttrGetter>().ok_or_else(|| PyErr::type_error("attrgetter expected"))?;
    Ok(pystr::new_str(&format!("{}({})", v.type_of().name(), args_repr(ts, &g.names)?)))
}

fn attrgetter_reduce(_ts: &ThreadState, v: &Value, _a: Args, _k: Kw) -> PyResult<Value> {
    let g = v.downcast::<AttrGetter>().ok_or_else(|| PyErr::type_error("attrgetter expected"))?;
    tuple::new_tuple(vec![v.type_of().to_value(), tuple::new_tuple(g.names.clone())?])
}

fn itemgetter_new(_ts: &ThreadState, cls: &Value, a: Args, k: Kw) -> PyResult<Value> {
    args::no_kwargs("itemgetter", k)?;
    if a.is_empty() {
        return Err(PyErr::type_error("itemgetter expected 1 argument, got 0"));
    }
    Value::new_instance(cls, ItemGetter { items: a.to_vec() })
}

fn itemgetter_call(ts: &ThreadState, v: &Value, a: Args, k: Kw) -> PyResult<Value> {
    let g = v.downcast::<ItemGetter>().ok_or_else(|| PyErr::type_error("itemgetter expected"))?;
    args::no_kwargs("itemgetter", k)?;
    let a = args::positional("itemgetter", a, k, 1, 1)?;
    if g.items.len() == 1 {
        return protocol::getitem(ts, &a[0], &g.items[0]);
    }
    tuple::new_tuple(g.items.iter().map(|i| protocol::getitem(ts, &a[0], i)).collect::<PyResult<Vec<_>>>()?)
}

fn itemgetter_repr(ts: &ThreadState, v: &Value) -> PyResult<Value> {
    let g = v.downcast::<ItemGetter>().ok_or_else(|| PyErr::type_error("itemgetter expected"))?;
    let Some(_guard) = crate::types::ReprGuard::enter(ts, v) else {
        return Ok(pystr::new_str(&format!("{}(...)", v.type_of().name())));
    };
    Ok(pystr::new_str(&format!("{}({})", v.type_of().name(), args_repr(ts, &g.items)?)))
}

fn itemgetter_reduce(_ts: &ThreadState, v: &Value, _a: Args, _k: Kw) -> PyResult<Value> {
    let g = v.downcast::<ItemGetter>().ok_or_else(|| PyErr::type_error("itemgetter expected"))?;
    tuple::new_tuple(vec![v.type_of().to_value(), tuple::new_tuple(g.items.clone())?])
}

fn methodcaller_new(_ts: &ThreadState, cls: &Value, a: Args, k: Kw) -> PyResult<Value> {
    let npos = args::npositional(a, k);
    if npos == 0 {
        return Err(PyErr::type_error("methodcaller needs at least one argument, the method name"));
    }
    if pystr::as_pystr(&a[0]).is_none() {
        return Err(PyErr::type_error("method name must be a string"));
    }
    let name = pystr::intern(&pystr::as_rust_str(&a[0]));
    let kwargs = match k {
        Some(names) => tuple::tuple_items(names).iter().cloned().zip(a[npos..].iter().cloned()).collect(),
        None => Vec::new(),
    };
    Value::new_instance(cls, MethodCaller { name, args: a[1..npos].to_vec(), kwargs })
}

fn methodcaller_call(ts: &ThreadState, v: &Value, a: Args, k: Kw) -> PyResult<Value> {
    let mc = v.downcast::<MethodCaller>().ok_or_else(|| PyErr::type_error("methodcaller expected"))?;
    args::no_kwargs("methodcaller", k)?;
    let a = args::positional("methodcaller", a, k, 1, 1)?;
    let method = protocol::getattr(ts, &a[0], &mc.name)?;
    let mut all = mc.args.clone();
    if mc.kwargs.is_empty() {
        return protocol::call(ts, &method, &all, None);
    }
    let mut names = Vec::new();
    for (n, x) in &mc.kwargs {
        names.push(n.clone());
        all.push(x.clone());
    }
    let kwnames = tuple::new_tuple(names)?;
    protocol::call(ts, &method, &all, Some(&kwnames))
}

fn methodcaller_repr(ts: &ThreadState, v: &Value) -> PyResult<Value> {
    let mc = v.downcast::<MethodCaller>().ok_or_else(|| PyErr::type_error("methodcaller expected"))?;
    let Some(_guard) = crate::types::ReprGuard::enter(ts, v) else {
        return Ok(pystr::new_str(&format!("{}(...)", v.type_of().name())));
    };
    let mut parts = vec![protocol::repr_string(ts, &mc.name)?];
    for x in &mc.args {
        parts.push(protocol::repr_string(ts, x)?);
    }
    for (n, x) in &mc.kwargs {
        parts.push(format!("{}={}", pystr::as_rust_str(n), protocol::repr_string(ts, x)?));
    }
    Ok(pystr::new_str(&format!("{}({})", v.type_of().name(), parts.join(", "))))
}

fn methodcaller_reduce(ts: &ThreadState, v: &Value, _a: Args, _k: Kw) -> PyResult<Value> {
    let mc = v.downcast::<MethodCaller>().ok_or_else(|| PyErr::type_error("methodcaller expected"))?;
    let cls = v.type_of().to_value();
    if mc.kwargs.is_empty() {
        let mut items = vec![mc.name.clone()];
        items.extend(mc.args.iter().cloned());
        return tuple::new_tuple(vec![cls, tuple::new_tuple(items)?]);
    }
    // Keyword arguments go through functools.partial, as CPython's.
    let mut pargs = vec![cls, mc.name.clone()];
    let mut names = Vec::new();
    for (n, x) in &mc.kwargs {
        names.push(n.clone());
        pargs.push(x.clone());
    }
    let kwnames = tuple::new_tuple(names)?;
    let partial = protocol::call(ts, &super::_functools::PARTIAL_TYPE.to_value(), &pargs, Some(&kwnames))?;
    tuple::new_tuple(vec![partial, tuple::new_tuple(mc.args.clone())?])
}

/// Fill the static types.
pub fn init() {
    use crate::types::descr::add_methods;
    for t in types() {
        t.data.slots.getattro.set(Some(protocol::generic_getattr));
    }
    ATTRGETTER_TYPE.data.slots.new.set(Some(attrgetter_new));
    ATTRGETTER_TYPE.data.slots.call.set(Some(attrgetter_call));
    ATTRGETTER_TYPE.data.slots.repr.set(Some(attrgetter_repr));
    add_methods(&ATTRGETTER_TYPE, &[("__reduce__", attrgetter_reduce)]);
    ITEMGETTER_TYPE.data.slots.new.set(Some(itemgetter_new));
    ITEMGETTER_TYPE.data.slots.call.set(Some(itemgetter_call));
    ITEMGETTER_TYPE.data.slots.repr.set(Some(itemgetter_repr));
    add_methods(&ITEMGETTER_TYPE, &[("__reduce__", itemgetter_reduce)]);
    METHODCALLER_TYPE.data.slots.new.set(Some(methodcaller_new));
    METHODCALLER_TYPE.data.slots.call.set(Some(methodcaller_call));
    METHODCALLER_TYPE.data.slots.repr.set(Some(methodcaller_repr));
    add_methods(&METHODCALLER_TYPE, &[("__reduce__", methodcaller_reduce)]);
}

const FUNCTIONS: &[(&str, CallFn)] = &[
    ("abs", op_abs),
    ("add", op_add),
    ("and_", op_and),
    ("call", op_call),
    ("concat", op_concat),
    ("contains", op_contains),
    ("countOf", op_count_of),
    ("delitem", op_delitem),
    ("eq", op_eq),
    ("floordiv", op_floordiv),
    ("ge", op_ge),
    ("getitem", op_getitem),
    ("gt", op_gt),
    ("iadd", op_iadd),
    ("iand", op_iand),
    ("iconcat", op_iconcat),
    ("ifloordiv", op_ifloordiv),
    ("ilshift", op_ilshift),
    ("imatmul", op_imatmul),
    ("imod", op_imod),
    ("imul", op_imul),
    ("index", op_index),
    ("indexOf", op_index_of),
    ("inv", op_inv),
    ("invert", op_invert),
    ("ior", op_ior),
    ("ipow", op_ipow),
    ("irshift", op_irshift),
    ("is_", op_is),
    ("is_not", op_is_not),
    ("isub", op_isub),
    ("itruediv", op_itruediv),
    ("ixor", op_ixor),
    ("le", op_le),
    ("length_hint", op_length_hint),
    ("lshift", op_lshift),
    ("lt", op_lt),
    ("matmul", op_matmul),
    ("mod", op_mod),
    ("mul", op_mul),
    ("ne", op_ne),
    ("neg", op_neg),
    ("not_", op_not),
    ("or_", op_or),
    ("pos", op_pos),
    ("pow", op_pow),
    ("rshift", op_rshift),
    ("setitem", op_setitem),
    ("sub", op_sub),
    ("truediv", op_truediv),
    ("truth", op_truth),
    ("xor", op_xor),
    ("_compare_digest", op_compare_digest),
];

/// Create the `_operator` module.
pub fn create(ts: &ThreadState) -> PyResult<Value> {
    let (m, d) = super::new_native_module(ts, "_operator", FUNCTIONS)?;
    super::set_attr(ts, &d, "attrgetter", ATTRGETTER_TYPE.to_value())?;
    super::set_attr(ts, &d, "itemgetter", ITEMGETTER_TYPE.to_value())?;
    super::set_attr(ts, &d, "methodcaller", METHODCALLER_TYPE.to_value())?;
    super::set_attr(ts, &d, "__doc__", pystr::new_str("Operator interface.\n\nThis module exports a set of functions implemented in C corresponding\nto the intrinsic operators of Python.  For example, operator.add(x, y)\nis equivalent to the expression x+y.  The function names are those\nused for special methods; variants without leading and trailing\n'__' are also provided for convenience."))?;
    Ok(m)
}
