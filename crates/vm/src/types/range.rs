//! `range` and its iterator. Bounds are ints of any size; the iterator has
//! an i64 fast path.

use std::cell::{Cell, RefCell};

use num_bigint::BigInt;
use num_integer::Integer;
use num_traits::{Signed, ToPrimitive, Zero};

use crate::object::protocol;
use crate::object::typeobj::{CompareOp, PyType, TypeObject};
use crate::object::value::{PyObject, PyPayload, Value};
use crate::runtime::errors::{PyErr, PyResult};
use crate::runtime::thread::ThreadState;
use crate::types::{bool_, int, none, slice::PySlice, str as pystr, tuple};

pub struct PyRange {
    pub start: BigInt,
    pub stop: BigInt,
    pub step: BigInt,
    pub len: BigInt,
}

pub struct RangeIterator {
    pub next: Cell<i64>,
    pub step: i64,
    pub remaining: Cell<u64>,
}

/// Iterator over a range whose items do not all fit in an i64.
pub struct LongRangeIterator {
    pub next: RefCell<BigInt>,
    pub step: BigInt,
    pub remaining: RefCell<BigInt>,
}

pub static LONGRANGE_ITERATOR_TYPE: PyType = PyObject::new_static(
    &super::typeobject::TYPE_TYPE,
    TypeObject::builtin::<LongRangeIterator>("longrange_iterator", &LONGRANGE_ITERATOR_TYPE, Some(&super::object::OBJECT_TYPE), 0),
);

impl PyPayload for LongRangeIterator {
    fn class() -> &'static PyType {
        &LONGRANGE_ITERATOR_TYPE
    }
}

pub static RANGE_TYPE: PyType = PyObject::new_static(
    &super::typeobject::TYPE_TYPE,
    TypeObject::builtin::<PyRange>("range", &RANGE_TYPE, Some(&super::object::OBJECT_TYPE), 0),
);
pub static RANGE_ITERATOR_TYPE: PyType = PyObject::new_static(
    &super::typeobject::TYPE_TYPE,
    TypeObject::builtin::<RangeIterator>("range_iterator", &RANGE_ITERATOR_TYPE, Some(&super::object::OBJECT_TYPE), 0),
);

impl PyPayload for PyRange {
    fn class() -> &'static PyType {
        &RANGE_TYPE
    }
}
impl PyPayload for RangeIterator {
    fn class() -> &'static PyType {
        &RANGE_ITERATOR_TYPE
    }
}

fn range_len(start: &BigInt, stop: &BigInt, step: &BigInt) -> BigInt {
    let zero = BigInt::zero();
    if step.is_positive() {
        if start < stop { (stop - start - 1u32).div_floor(step) + 1u32 } else { zero }
    } else if start > stop {
        (start - stop - 1u32).div_floor(&(-step)) + 1u32
    } else {
        zero
    }
}

pub fn new_range(start: BigInt, stop: BigInt, step: BigInt) -> PyResult<Value> {
    let len = range_len(&start, &stop, &step);
    Value::new(PyRange { start, stop, step, len })
}

fn to_big(ts: &ThreadState, v: &Value) -> PyResult<BigInt> {
    let i = protocol::index(ts, v)?;
    Ok(int::as_int(&i).map(|r| r.to_bigint()).unwrap_or_default())
}

fn range_new(ts: &ThreadState, _cls: &Value, args: &[Value], kw: Option<&Value>) -> PyResult<Value> {
    crate::object::args::no_kwargs("range", kw)?;
    let (start, stop, step) = match args {
        [stop] => (BigInt::zero(), to_big(ts, stop)?, BigInt::from(1)),
        [start, stop] => (to_big(ts, start)?, to_big(ts, stop)?, BigInt::from(1)),
        [start, stop, step] => (to_big(ts, start)?, to_big(ts, stop)?, to_big(ts, step)?),
        [] => return Err(PyErr::type_error("range expected at least 1 argument, got 0")),
        _ => return Err(PyErr::type_error(format!("range expected at most 3 arguments, got {}", args.len()))),
    };
    if step.is_zero() {
        return Err(PyErr::value_error("range() arg 3 must not be zero"));
    }
    new_range(start, stop, step)
}

fn this(v: &Value) -> PyResult<&PyRange> {
    v.downcast::<PyRange>().ok_or_else(|| PyErr::type_error("range expected"))
}

fn range_repr(_ts: &ThreadState, v: &Value) -> PyResult<Value> {
    let r = this(v)?;
    Ok(pystr::new_str(&if r.step == BigInt::from(1) {
        format!("range({}, {})", r.start, r.stop)
    } else {
        format!("range({}, {}, {})", r.start, r.stop, r.step)
    }))
}

fn range_length(_ts: &ThreadState, v: &Value) -> PyResult<usize> {
    this(v)?.len.to_usize().ok_or_else(|| PyErr::overflow_error("Python int too large to convert to C ssize_t"))
}

fn range_bool(_ts: &ThreadState, v: &Value) -> PyResult<bool> {
    Ok(!this(v)?.len.is_zero())
}

fn item(r: &PyRange, i: &BigInt) -> BigInt {
    &r.start + i * &r.step
}

fn range_subscript(ts: &ThreadState, v: &Value, key: &Value) -> PyResult<Value> {
    let r = this(v)?;
    if let Some(sl) = key.downcast::<PySlice>() {
        let (start, stop, step) = slice_big(ts, sl, &r.len)?;
        return new_range(item(r, &start), item(r, &stop), &r.step * step);
    }
    if key.type_of().data.slots.index.get().is_none() && key.as_small_int().is_none() {
        return Err(PyErr::type_error(format!(
            "range indices must be integers or slices, not {}",
            protocol::type_name(key)
        )));
    }
    let mut i = to_big(ts, key)?;
    if i.is_negative() {
        i += &r.len;
    }
    if i.is_negative() || i >= r.len {
        return Err(PyErr::index_error("range object index out of range"));
    }
    Ok(int::from_bigint(item(r, &i)))
}

/// A slice resolved against a length of any size (start, stop, step).
fn slice_big(ts: &ThreadState, sl: &PySlice, len: &BigInt) -> PyResult<(BigInt, BigInt, BigInt)> {
    let conv = |v: &Value| -> PyResult<Option<BigInt>> {
        if none::is_none(v) {
            return Ok(None);
        }
        if v.type_of().data.slots.index.get().is_none() && v.as_small_int().is_none() {
            return Err(PyErr::type_error("slice indices must be integers or None or have an __index__ method"));
        }
        to_big(ts, v).map(Some)
    };
    let step = conv(&sl.step)?.unwrap_or_else(|| BigInt::from(1));
    if step.is_zero() {
        return Err(PyErr::value_error("slice step cannot be zero"));
    }
    Ok(clamp_slice(conv(&sl.start)?, conv(&sl.stop)?, step, len))
}

/// CPython's _PySlice_GetLongIndices for a non-zero step: the bounds
/// defaulted and clamped to a sequence of `len` items.
fn clamp_slice(start: Option<BigInt>, stop: Option<BigInt>, step: BigInt, len: &BigInt) -> (BigInt, BigInt, BigInt) {
    let (lower, upper) = if step.is_negative() { (BigInt::from(-1), len - 1u32) } else { (BigInt::zero(), len.clone()) };
    let fix = |v: Option<BigInt>, default: &BigInt| -> BigInt {
        let Some(mut i) = v else { return default.clone() };
        if i.is_negative() {
            i += len;
            if i < lower {
                i = lower.clone();
            }
        } else if i > upper {
            i = upper.clone();
        }
        i
    };
    let neg = step.is_negative();
    let start = fix(start, if neg { &upper } else { &lower });
    let stop = fix(stop, if neg { &lower } else { &upper });
    (start, stop, step)
}

fn range_contains_int(r: &PyRange, x: &BigInt) -> bool {
    let in_bounds = if r.step.is_positive() { &r.start <= x && x < &r.stop } else { &r.stop < x && x <= &r.start };
    in_bounds && (x - &r.start).mod_floor(&r.step).is_zero()
}

fn range_contains(ts: &ThreadState, v: &Value, x: &Value) -> PyResult<bool> {
    let r = this(v)?;
    if let Some(i) = int::as_int(x) {
        if x.is_exact(&int::INT_TYPE) || x.as_small_int().is_some() || bool_::as_bool(x).is_some() {
            return Ok(range_contains_int(r, &i.to_bigint()));
        }
    }
    let it = range_iter(ts, v)?;
    while let Some(y) = protocol::next(ts, &it)? {
        if protocol::eq(ts, &y, x)? {
            return Ok(true);
        }
    }
    Ok(false)
}

fn range_iter(_ts: &ThreadState, v: &Value) -> PyResult<Value> {
    let r = this(v)?;
    iter_from(r.start.clone(), r.step.clone(), r.len.clone())
}

/// An iterator yielding `len` items from `start` by `step`: the i64 fast
/// path when every item fits, else a `longrange_iterator`.
fn iter_from(start: BigInt, step: BigInt, len: BigInt) -> PyResult<Value> {
    let last = &start + &step * &len;
    match (start.to_i64(), step.to_i64(), len.to_u64(), last.to_i64()) {
        (Some(s), Some(st), Some(n), Some(_)) => Value::new(RangeIterator { next: Cell::new(s), step: st, remaining: Cell::new(n) }),
        _ => Value::new(LongRangeIterator { next: RefCell::new(start), step, remaining: RefCell::new(len) }),
    }
}

fn longrange_iter_next(_ts: &ThreadState, it: &Value) -> PyResult<Option<Value>> {
    let it = it.downcast::<LongRangeIterator>().ok_or_else(|| PyErr::type_error("longrange_iterator expected"))?;
    if !it.remaining.borrow().is_positive() {
        return Ok(None);
    }
    *it.remaining.borrow_mut() -= 1u32;
    let v = it.next.borrow().clone();
    *it.next.borrow_mut() += &it.step;
    Ok(Some(int::from_bigint(v)))
}

fn longrange_length_hint(_ts: &ThreadState, it: &Value, a: &[Value], k: Option<&Value>) -> PyResult<Value> {
    crate::object::args::exact("longrange_iterator.__length_hint__", a, k, 0)?;
    let it = it.downcast::<LongRangeIterator>().ok_or_else(|| PyErr::type_error("longrange_iterator expected"))?;
    let n = it.remaining.borrow().clone();
    Ok(int::from_bigint(n))
}

fn range_iter_next(_ts: &ThreadState, it: &Value) -> PyResult<Option<Value>> {
    let it = it.downcast::<RangeIterator>().ok_or_else(|| PyErr::type_error("range_iterator expected"))?;
    let rem = it.remaining.get();
    if rem == 0 {
        return Ok(None);
    }
    let v = it.next.get();
    it.remaining.set(rem - 1);
    it.next.set(v.wrapping_add(it.step));
    Ok(Some(int::from_i64(v)))
}

fn range_richcompare(_ts: &ThreadState, a: &Value, b: &Value, op: CompareOp) -> PyResult<Value> {
    let (Some(x), Some(y)) = (a.downcast::<PyRange>(), b.downcast::<PyRange>()) else {
        return Ok(none::not_implemented());
    };
    if !matches!(op, CompareOp::Eq | CompareOp::Ne) {
        return Ok(none::not_implemented());
    }
    let eq = x.len == y.len
        && (x.len.is_zero() || (x.start == y.start && (x.len == BigInt::from(1) || x.step == y.step)));
    Ok(bool_::new_bool(eq == (op == CompareOp::Eq)))
}

fn range_hash(ts: &ThreadState, v: &Value) -> PyResult<isize> {
    let r = this(v)?;
    let t = if r.len.is_zero() {
        tuple::new_tuple(vec![int::from_i64(0), none::none(), none::none()])?
    } else if r.len == BigInt::from(1) {
        tuple::new_tuple(vec![int::from_i64(1), int::from_bigint(r.start.clone()), none::none()])?
    } else {
        tuple::new_tuple(vec![int::from_bigint(r.len.clone()), int::from_bigint(r.start.clone()), int::from_bigint(r.step.clone())])?
    };
    protocol::hash(ts, &t)
}

fn getter(f: fn(&PyRange) -> &BigInt) -> impl Fn(&Value) -> PyResult<Value> {
    move |v| Ok(int::from_bigint(f(this(v)?).clone()))
}
fn start(_ts: &ThreadState, v: &Value) -> PyResult<Value> {
    getter(|r| &r.start)(v)
}
fn stop(_ts: &ThreadState, v: &Value) -> PyResult<Value> {
    getter(|r| &r.stop)(v)
}
fn step(_ts: &ThreadState, v: &Value) -> PyResult<Value> {
    getter(|r| &r.step)(v)
}

fn range_count(ts: &ThreadState, v: &Value, a: &[Value], k: Option<&Value>) -> PyResult<Value> {
    let a = crate::object::args::exact("range.count", a, k, 1)?;
    Ok(int::from_i64(range_contains(ts, v, &a[0])? as i64))
}

fn range_index(ts: &ThreadState, v: &Value, a: &[Value], k: Option<&Value>) -> PyResult<Value> {
    let a = crate::object::args::exact("range.index", a, k, 1)?;
    let r = this(v)?;
    if let Some(i) = int::as_int(&a[0]) {
        let x = i.to_bigint();
        if range_contains_int(r, &x) {
            return Ok(int::from_bigint((x - &r.start) / &r.step));
        }
    }
    Err(PyErr::value_error(format!("{} is not in range", protocol::repr_string(ts, &a[0])?)))
}

fn range_reversed(_ts: &ThreadState, v: &Value, a: &[Value], k: Option<&Value>) -> PyResult<Value> {
    crate::object::args::exact("range.__reversed__", a, k, 0)?;
    let r = this(v)?;
    if r.len.is_zero() {
        return Value::new(RangeIterator { next: Cell::new(0), step: 1, remaining: Cell::new(0) });
    }
    let last = item(r, &(&r.len - 1u32));
    iter_from(last, -&r.step, r.len.clone())
}

fn iter_length_hint(_ts: &ThreadState, it: &Value, a: &[Value], k: Option<&Value>) -> PyResult<Value> {
    crate::object::args::exact("range_iterator.__length_hint__", a, k, 0)?;
    let it = it.downcast::<RangeIterator>().ok_or_else(|| PyErr::type_error("range_iterator expected"))?;
    Ok(int::from_bigint(BigInt::from(it.remaining.get())))
}

fn self_iter(_ts: &ThreadState, v: &Value) -> PyResult<Value> {
    Ok(v.clone())
}

pub fn init() {
    let s = &RANGE_TYPE.data.slots;
    s.new.set(Some(range_new));
    s.repr.set(Some(range_repr));
    s.length.set(Some(range_length));
    s.bool.set(Some(range_bool));
    s.subscript.set(Some(range_subscript));
    s.contains.set(Some(range_contains));
    s.iter.set(Some(range_iter));
    s.richcompare.set(Some(range_richcompare));
    s.hash.set(Some(range_hash));
    s.getattro.set(Some(protocol::generic_getattr));
    super::descr::add_getsets(&RANGE_TYPE, &[("start", start, None), ("stop", stop, None), ("step", step, None)]);
    super::descr::add_methods(&RANGE_TYPE, &[("count", range_count), ("index", range_index), ("__reversed__", range_reversed)]);
    let s = &RANGE_ITERATOR_TYPE.data.slots;
    s.iter.set(Some(self_iter));
    s.iternext.set(Some(range_iter_next));
    super::descr::add_methods(&RANGE_ITERATOR_TYPE, &[("__length_hint__", iter_length_hint)]);
    let s = &LONGRANGE_ITERATOR_TYPE.data.slots;
    s.iter.set(Some(self_iter));
    s.iternext.set(Some(longrange_iter_next));
    super::descr::add_methods(&LONGRANGE_ITERATOR_TYPE, &[("__length_hint__", longrange_length_hint)]);
}

#[cfg(test)]
mod tests {
    use super::*;

    fn big(s: &str) -> BigInt {
        s.parse().unwrap()
    }

    #[test]
    fn lengths() {
        // len(range(...)) from python3
        assert_eq!(range_len(&big("0"), &big("100000000000000000000"), &big("7")), big("14285714285714285715"));
        assert_eq!(range_len(&big("10"), &big("-10"), &big("-3")), big("7"));
        assert_eq!(range_len(&big("5"), &big("5"), &big("1")), big("0"));
        assert_eq!(range_len(&big("5"), &big("6"), &big("-1")), big("0"));
    }

    #[test]
    fn slices_of_huge_lengths() {
        let len = big("100000000000000000000");
        // range(10**20)[::-3] == range(99999999999999999999, -1, -3)
        assert_eq!(clamp_slice(None, None, big("-3"), &len), (big("99999999999999999999"), big("-1"), big("-3")));
        // range(10**20)[-5:10**30] == range(99999999999999999995, 100000000000000000000)
        assert_eq!(clamp_slice(Some(big("-5")), Some(big("1000000000000000000000000000000")), big("1"), &len), (big("99999999999999999995"), len.clone(), big("1")));
        // range(10**20)[-10**30:3:-1] -> empty range(-1, 3, -1)
        assert_eq!(clamp_slice(Some(big("-1000000000000000000000000000000")), Some(big("3")), big("-1"), &len), (big("-1"), big("3"), big("-1")));
    }
}
