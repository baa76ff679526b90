//! `cell`: a variable shared between a function and the closures defined in it.

use std::cell::RefCell;

use crate::object::typeobj::{CompareOp, PyType, TypeObject, TPFLAGS_HAVE_GC};
use crate::object::value::{PyObject, PyPayload, Value};
use crate::runtime::errors::{PyErr, PyResult};
use crate::runtime::thread::ThreadState;
use crate::types::{descr, none, str as pystr};

pub struct PyCell {
    pub contents: RefCell<Option<Value>>,
}

pub static CELL_TYPE: PyType = PyObject::new_static(
    &super::typeobject::TYPE_TYPE,
    TypeObject::builtin::<PyCell>("cell", &CELL_TYPE, Some(&super::object::OBJECT_TYPE), TPFLAGS_HAVE_GC),
);

impl PyPayload for PyCell {
    fn class() -> &'static PyType {
        &CELL_TYPE
    }
}

pub fn new_cell(v: Option<Value>) -> PyResult<Value> {
    Value::new(PyCell { contents: RefCell::new(v) })
}

impl PyCell {
    pub fn get(&self) -> Option<Value> {
        self.contents.borrow().clone()
    }
    pub fn set(&self, v: Option<Value>) {
        let old = self.contents.replace(v);
        drop(old);
    }
}

fn cell_repr(_ts: &ThreadState, v: &Value) -> PyResult<Value> {
    let c = v.downcast::<PyCell>().ok_or_else(|| PyErr::type_error("cell expected"))?;
    Ok(pystr::new_str(&match c.get() {
        None => format!("<cell at {:#x}: empty>", v.id()),
        Some(x) => format!("<cell at {:#x}: {} object at {:#x}>", v.id(), x.type_of().name(), x.id()),
    }))
}

fn cell_contents(_ts: &ThreadState, v: &Value) -> PyResult<Value> {
    let c = v.downcast::<PyCell>().ok_or_else(|| PyErr::type_error("cell expected"))?;
    c.get().ok_or_else(|| PyErr::value_error("Cell is empty"))
}

fn set_cell_contents(_ts: &ThreadState, v: &Value, x: Option<&Value>) -> PyResult<()> {
    let c = v.downcast::<PyCell>().ok_or_else(|| PyErr::type_error("cell expected"))?;
    c.set(x.cloned());
    Ok(())
}

fn cell_richcompare(ts: &ThreadState, a: &Value, b: &Value, op: CompareOp) -> PyResult<Value> {
    let (Some(x), Some(y)) = (a.downcast::<PyCell>(), b.downcast::<PyCell>()) else {
        return Ok(none::not_implemented());
    };
    match (x.get(), y.get()) {
        (Some(p), Some(q)) => crate::object::protocol::richcompare(ts, &p, &q, op),
        (p, q) => Ok(super::bool_::new_bool(op.test((p.is_some() as u8).cmp(&(q.is_some() as u8))))),
    }
}

fn cell_new(_ts: &ThreadState, _cls: &Value, args: &[Value], kw: Option<&Value>) -> PyResult<Value> {
    let a = crate::object::args::positional("cell", args, kw, 0, 1)?;
    new_cell(a.first().cloned())
}

pub fn init() {
    let s = &CELL_TYPE.data.slots;
    s.repr.set(Some(cell_repr));
    s.richcompare.set(Some(cell_richcompare));
    s.new.set(Some(cell_new));
    s.hash.set(Some(super::object::hash_not_implemented));
    descr::add_getsets(&CELL_TYPE, &[("cell_contents", cell_contents, Some(set_cell_contents))]);
}
