//! `traceback`: one entry of an exception's traceback (frame, instruction,
//! line), linked innermost last through `tb_next`.

use std::cell::RefCell;

use crate::object::protocol;
use crate::object::typeobj::{PyType, TypeObject, TPFLAGS_HAVE_GC};
use crate::object::value::{PyObject, PyPayload, Value};
use crate::runtime::errors::{PyErr, PyResult};
use crate::runtime::thread::ThreadState;
use crate::types::{descr, int, none};

/// One traceback entry.
pub struct PyTraceback {
    pub next: RefCell<Option<Value>>,
    pub frame: Value,
    /// Byte offset of the instruction (CPython's tb_lasti).
    pub lasti: i32,
    pub lineno: i32,
}

/// `types.TracebackType`.
pub static TRACEBACK_TYPE: PyType = PyObject::new_static(
    &super::typeobject::TYPE_TYPE,
    TypeObject::builtin::<PyTraceback>("traceback", &TRACEBACK_TYPE, Some(&super::object::OBJECT_TYPE), TPFLAGS_HAVE_GC),
);

pub use super::frame::FRAME_TYPE;

impl PyPayload for PyTraceback {
    fn class() -> &'static PyType {
        &TRACEBACK_TYPE
    }
}

/// A traceback entry in front of `next`.
pub fn new_traceback(next: Option<Value>, frame: Value, lasti: i32, lineno: i32) -> PyResult<Value> {
    Value::new(PyTraceback { next: RefCell::new(next), frame, lasti, lineno })
}

fn this(v: &Value) -> PyResult<&PyTraceback> {
    v.downcast::<PyTraceback>().ok_or_else(|| PyErr::type_error("traceback expected"))
}

fn tb_next(_ts: &ThreadState, v: &Value) -> PyResult<Value> {
    Ok(this(v)?.next.borrow().clone().unwrap_or_else(none::none))
}
fn set_tb_next(_ts: &ThreadState, v: &Value, n: Option<&Value>) -> PyResult<()> {
    let t = this(v)?;
    let n = match n {
        None => return Err(PyErr::type_error("can't delete tb_next attribute")),
        Some(x) if none::is_none(x) => None,
        Some(x) if x.downcast::<PyTraceback>().is_some() => {
            // Refuse loops.
            let mut cur = Some(x.clone());
            while let Some(c) = cur {
                if c.is(v) {
                    return Err(PyErr::value_error("traceback loop detected"));
                }
                cur = c.downcast::<PyTraceback>().and_then(|t| t.next.borrow().clone());
            }
            Some(x.clone())
        }
        Some(x) => {
            return Err(PyErr::type_error(format!(
                "expected traceback object, got '{}'",
                protocol::type_name(x)
            )))
        }
    };
    let old = t.next.replace(n);
    drop(old);
    Ok(())
}
fn tb_frame(_ts: &ThreadState, v: &Value) -> PyResult<Value> {
    Ok(this(v)?.frame.clone())
}
fn tb_lasti(_ts: &ThreadState, v: &Value) -> PyResult<Value> {
    Ok(int::from_i64(this(v)?.lasti as i64))
}
fn tb_lineno(_ts: &ThreadState, v: &Value) -> PyResult<Value> {
    Ok(int::from_i64(this(v)?.lineno as i64))
}

/// `TracebackType(tb_next, tb_frame, tb_lasti, tb_lineno)`.
fn tb_new(ts: &ThreadState, _cls: &Value, args: &[Value], kw: Option<&Value>) -> PyResult<Value> {
    let [next, frame, lasti, lineno] =
        crate::object::args::bind("TracebackType", args, kw, ["tb_next", "tb_frame", "tb_lasti", "tb_lineno"], 0, 4, 4)?;
    let next = next.filter(|n| !none::is_none(n));
    if let Some(n) = &next {
        if n.downcast::<PyTraceback>().is_none() {
            return Err(PyErr::type_error(format!(
                "expected traceback object or None, got '{}'",
                protocol::type_name(n)
            )));
        }
    }
    let frame = frame.unwrap_or_else(none::none);
    if frame.downcast::<super::frame::PyFrameObject>().is_none() {
        return Err(PyErr::type_error(format!(
            "TracebackType() argument 'tb_frame' must be frame, not {}",
            protocol::type_name(&frame)
        )));
    }
    let li = c_int_arg(ts, lasti)?;
    let ln = c_int_arg(ts, lineno)?;
    new_traceback(next, frame, li, ln)
}

/// An `i` argument of PyArg_Parse: an index-like value that fits a C int.
fn c_int_arg(ts: &ThreadState, v: Option<Value>) -> PyResult<i32> {
    let Some(v) = v else { return Ok(0) };
    let i = protocol::index(ts, &v)?;
    match int::to_isize(&i) {
        Some(n) if n > i32::MAX as isize => Err(PyErr::overflow_error("signed integer is greater than maximum")),
        Some(n) if n < i32::MIN as isize => Err(PyErr::overflow_error("signed integer is less than minimum")),
        Some(n) => Ok(n as i32),
        None => Err(PyErr::overflow_error("Python int too large to convert to C long")),
    }
}

/// `dir(tb)` lists only the traceback's own attributes, as CPython's does.
fn tb_dir(_ts: &ThreadState, _v: &Value, a: &[Value], k: Option<&Value>) -> PyResult<Value> {
    crate::object::args::exact("__dir__", a, k, 0)?;
    let names = ["tb_frame", "tb_next", "tb_lasti", "tb_lineno"];
    super::list::new_list(names.iter().map(|n| super::str::new_str(n)).collect())
}

/// Install the traceback type's slots and attributes.
pub fn init() {
    let s = &TRACEBACK_TYPE.data.slots;
    s.getattro.set(Some(protocol::generic_getattr));
    s.setattro.set(Some(protocol::generic_setattr));
    s.new.set(Some(tb_new));
    descr::add_getsets(
        &TRACEBACK_TYPE,
        &[
            ("tb_next", tb_next, Some(set_tb_next)),
            ("tb_frame", tb_frame, None),
            ("tb_lasti", tb_lasti, None),
            ("tb_lineno", tb_lineno, None),
        ],
    );
    descr::add_methods(&TRACEBACK_TYPE, &[("__dir__", tb_dir)]);
    super::frame::init();
}
