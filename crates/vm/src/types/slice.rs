//! `slice`: start, stop and step, and their resolution against a length.

use crate::object::protocol;
use crate::object::typeobj::{CompareOp, PyType, TypeObject};
use crate::object::value::{PyObject, PyPayload, Value};
use crate::runtime::errors::{PyErr, PyResult};
use crate::runtime::thread::ThreadState;
use crate::types::{int, none, str as pystr, tuple};

pub struct PySlice {
    pub start: Value,
    pub stop: Value,
    pub step: Value,
}

pub static SLICE_TYPE: PyType = PyObject::new_static(
    &super::typeobject::TYPE_TYPE,
    TypeObject::builtin::<PySlice>("slice", &SLICE_TYPE, Some(&super::object::OBJECT_TYPE), 0),
);

impl PyPayload for PySlice {
    fn class() -> &'static PyType {
        &SLICE_TYPE
    }
}

pub fn new_slice(start: Value, stop: Value, step: Value) -> PyResult<Value> {
    Value::new(PySlice { start, stop, step })
}

fn clamp_index(ts: &ThreadState, v: &Value) -> PyResult<isize> {
    if v.type_of().data.slots.index.get().is_none() && v.as_small_int().is_none() {
        return Err(PyErr::type_error("slice indices must be integers or None or have an __index__ method"));
    }
    let i = protocol::index(ts, v)?;
    Ok(int::to_isize(&i).unwrap_or(if int::is_negative(&i) { isize::MIN } else { isize::MAX }))
}

impl PySlice {
    /// (start, stop, step, count) for a sequence of `len` items (PySlice_GetIndicesEx).
    pub fn indices(&self, ts: &ThreadState, len: usize) -> PyResult<(isize, isize, isize, usize)> {
        let step = if none::is_none(&self.step) { 1 } else { clamp_index(ts, &self.step)? };
        if step == 0 {
            return Err(PyErr::value_error("slice step cannot be zero"));
        }
        let step = step.max(-isize::MAX);
        let len = len as isize;
        let (lower, upper) = if step < 0 { (-1, len - 1) } else { (0, len) };
        let fix = |v: &Value, default: isize| -> PyResult<isize> {
            if none::is_none(v) {
                return Ok(default);
            }
            let i = clamp_index(ts, v)?;
            Ok(if i < 0 { (i.saturating_add(len)).max(lower) } else { i.min(upper) })
        };
        let start = fix(&self.start, if step < 0 { upper } else { lower })?;
        let stop = fix(&self.stop, if step < 0 { lower } else { upper })?;
        let count = if step < 0 {
            if stop < start { ((start - stop - 1) / (-step) + 1) as usize } else { 0 }
        } else if start < stop {
            ((stop - start - 1) / step + 1) as usize
        } else {
            0
        };
        Ok((start, stop, step, count))
    }
}

fn slice_repr(ts: &ThreadState, v: &Value) -> PyResult<Value> {
    let s = v.downcast::<PySlice>().ok_or_else(|| PyErr::type_error("slice expected"))?;
    Ok(pystr::new_str(&format!(
        "slice({}, {}, {})",
        protocol::repr_string(ts, &s.start)?,
        protocol::repr_string(ts, &s.stop)?,
        protocol::repr_string(ts, &s.step)?
    )))
}

fn slice_new(_ts: &ThreadState, _cls: &Value, args: &[Value], kw: Option<&Value>) -> PyResult<Value> {
    crate::object::args::no_kwargs("slice", kw)?;
    match args {
        [stop] => new_slice(none::none(), stop.clone(), none::none()),
        [start, stop] => new_slice(start.clone(), stop.clone(), none::none()),
        [start, stop, step] => new_slice(start.clone(), stop.clone(), step.clone()),
        [] => Err(PyErr::type_error("slice expected at least 1 argument, got 0")),
        _ => Err(PyErr::type_error(format!("slice expected at most 3 arguments, got {}", args.len()))),
    }
}

fn as_tuple(s: &PySlice) -> PyResult<Value> {
    tuple::new_tuple(vec![s.start.clone(), s.stop.clone(), s.step.clone()])
}

fn slice_richcompare(ts: &ThreadState, a: &Value, b: &Value, op: CompareOp) -> PyResult<Value> {
    let (Some(x), Some(y)) = (a.downcast::<PySlice>(), b.downcast::<PySlice>()) else {
        return Ok(none::not_implemented());
    };
    protocol::richcompare(ts, &as_tuple(x)?, &as_tuple(y)?, op)
}

fn slice_indices(ts: &ThreadState, v: &Value, a: &[Value], k: Option<&Value>) -> PyResult<Value> {
    let a = crate::object::args::exact("slice.indices", a, k, 1)?;
    let s = v.downcast::<PySlice>().ok_or_else(|| PyErr::type_error("slice expected"))?;
    let n = protocol::index_isize(ts, &a[0])?;
    if n < 0 {
        return Err(PyErr::value_error("length should not be negative"));
    }
    let (start, stop, step, _) = s.indices(ts, n as usize)?;
    tuple::new_tuple(vec![int::from_i64(start as i64), int::from_i64(stop as i64), int::from_i64(step as i64)])
}

fn start(_ts: &ThreadState, v: &Value) -> PyResult<Value> {
    Ok(v.downcast::<PySlice>().map(|s| s.start.clone()).unwrap_or_else(none::none))
}
fn stop(_ts: &ThreadState, v: &Value) -> PyResult<Value> {
    Ok(v.downcast::<PySlice>().map(|s| s.stop.clone()).unwrap_or_else(none::none))
}
fn step(_ts: &ThreadState, v: &Value) -> PyResult<Value> {
    Ok(v.downcast::<PySlice>().map(|s| s.step.clone()).unwrap_or_else(none::none))
}

pub fn init() {
    let s = &SLICE_TYPE.data.slots;
    s.repr.set(Some(slice_repr));
    s.new.set(Some(slice_new));
    s.richcompare.set(Some(slice_richcompare));
    s.hash.set(Some(super::object::hash_not_implemented));
    s.getattro.set(Some(protocol::generic_getattr));
    super::descr::add_methods(&SLICE_TYPE, &[("indices", slice_indices)]);
    super::descr::add_getsets(&SLICE_TYPE, &[("start", start, None), ("stop", stop, None), ("step", step, None)]);
}
