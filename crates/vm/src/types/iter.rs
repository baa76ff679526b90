//! Generic iterators: `iterator` (over a sequence's `__getitem__`) and
//! `callable_iterator` (`iter(f, sentinel)`).

use std::cell::{Cell, RefCell};

use crate::object::protocol;
use crate::object::typeobj::{PyType, TypeObject, TPFLAGS_HAVE_GC};
use crate::object::value::{PyObject, PyPayload, Value};
use crate::runtime::errors::{PyErr, PyResult};
use crate::runtime::thread::ThreadState;
use crate::types::{exceptions, int};

pub struct SeqIterator {
    seq: RefCell<Option<Value>>,
    pos: Cell<usize>,
}

pub struct CallableIterator {
    callable: RefCell<Option<Value>>,
    sentinel: Value,
}

pub static SEQ_ITERATOR_TYPE: PyType = PyObject::new_static(
    &super::typeobject::TYPE_TYPE,
    TypeObject::builtin::<SeqIterator>("iterator", &SEQ_ITERATOR_TYPE, Some(&super::object::OBJECT_TYPE), TPFLAGS_HAVE_GC),
);
pub static CALLABLE_ITERATOR_TYPE: PyType = PyObject::new_static(
    &super::typeobject::TYPE_TYPE,
    TypeObject::builtin::<CallableIterator>("callable_iterator", &CALLABLE_ITERATOR_TYPE, Some(&super::object::OBJECT_TYPE), TPFLAGS_HAVE_GC),
);

impl PyPayload for SeqIterator {
    fn class() -> &'static PyType {
        &SEQ_ITERATOR_TYPE
    }
}
impl PyPayload for CallableIterator {
    fn class() -> &'static PyType {
        &CALLABLE_ITERATOR_TYPE
    }
}

pub fn types() -> Vec<&'static PyType> {
    vec![&SEQ_ITERATOR_TYPE, &CALLABLE_ITERATOR_TYPE]
}

pub fn new_seq_iter(seq: Value) -> PyResult<Value> {
    Value::new(SeqIterator { seq: RefCell::new(Some(seq)), pos: Cell::new(0) })
}

pub fn new_callable_iter(callable: Value, sentinel: Value) -> PyResult<Value> {
    Value::new(CallableIterator { callable: RefCell::new(Some(callable)), sentinel })
}

/// An iterator over a fixed list of values.
pub fn new_list_iterator(items: Vec<Value>) -> PyResult<Value> {
    let l = super::list::new_list(items)?;
    protocol::get_iter(ThreadState::current().ok_or_else(|| PyErr::system_error("no thread state"))?, &l)
}

fn seq_next(ts: &ThreadState, it: &Value) -> PyResult<Option<Value>> {
    let it = it.downcast::<SeqIterator>().ok_or_else(|| PyErr::type_error("iterator expected"))?;
    let Some(seq) = it.seq.borrow().clone() else { return Ok(None) };
    let p = it.pos.get();
    match protocol::getitem(ts, &seq, &int::from_i64(p as i64)) {
        Ok(v) => {
            it.pos.set(p + 1);
            Ok(Some(v))
        }
        Err(e) if e.matches(&exceptions::INDEX_ERROR) || e.matches(&exceptions::STOP_ITERATION) => {
            *it.seq.borrow_mut() = None;
            Ok(None)
        }
        Err(e) => Err(e),
    }
}

fn callable_next(ts: &ThreadState, it: &Value) -> PyResult<Option<Value>> {
    let it = it.downcast::<CallableIterator>().ok_or_else(|| PyErr::type_error("callable_iterator expected"))?;
    let Some(f) = it.callable.borrow().clone() else { return Ok(None) };
    match protocol::call(ts, &f, &[], None) {
        Ok(v) => {
            if protocol::eq(ts, &v, &it.sentinel)? {
                *it.callable.borrow_mut() = None;
                return Ok(None);
            }
            Ok(Some(v))
        }
        Err(e) if e.matches(&exceptions::STOP_ITERATION) => {
            *it.callable.borrow_mut() = None;
            Ok(None)
        }
        Err(e) => Err(e),
    }
}

fn self_iter(_ts: &ThreadState, v: &Value) -> PyResult<Value> {
    Ok(v.clone())
}

pub fn init() {
    for t in types() {
        t.data.slots.iter.set(Some(self_iter));
    }
    SEQ_ITERATOR_TYPE.data.slots.iternext.set(Some(seq_next));
    CALLABLE_ITERATOR_TYPE.data.slots.iternext.set(Some(callable_next));
}

/// Cycle collector hooks: the references each iterator holds.
pub(crate) fn gc_traverse_seq(v: &Value, visit: &mut dyn FnMut(&Value)) {
    if let Some(i) = v.downcast::<SeqIterator>() {
        if let Ok(s) = i.seq.try_borrow() {
            if let Some(x) = &*s {
                visit(x);
            }
        }
    }
}

pub(crate) fn gc_traverse_callable(v: &Value, visit: &mut dyn FnMut(&Value)) {
    if let Some(i) = v.downcast::<CallableIterator>() {
        if let Ok(s) = i.callable.try_borrow() {
            if let Some(x) = &*s {
                visit(x);
            }
        }
        visit(&i.sentinel);
    }
}
