//! `frame`: the object view of an executing (or finished) frame, created
//! on demand (tracebacks, sys._getframe, generators' gi_frame).

use std::cell::{Cell, RefCell};

use crate::eval::frame::Frame;
use crate::object::protocol;
use crate::object::typeobj::{PyType, TypeObject, TPFLAGS_HAVE_GC};
use crate::object::value::{PyObject, PyPayload, Value};
use crate::runtime::errors::{PyErr, PyResult};
use crate::runtime::thread::ThreadState;
use crate::types::{descr, dict, int, none, str as pystr};

pub struct PyFrameObject {
    /// The live frame, null once it finished (then the fields below hold its state).
    frame: Cell<*mut Frame>,
    code: Value,
    globals: Value,
    builtins: Value,
    locals: RefCell<Option<Value>>,
    lasti: Cell<u32>,
    back: RefCell<Option<Value>>,
    /// Fast locals of a finished frame.
    saved: RefCell<Vec<Option<Value>>>,
}

pub static FRAME_TYPE: PyType = PyObject::new_static(
    &super::typeobject::TYPE_TYPE,
    TypeObject::builtin::<PyFrameObject>("frame", &FRAME_TYPE, Some(&super::object::OBJECT_TYPE), TPFLAGS_HAVE_GC),
);

impl PyPayload for PyFrameObject {
    fn class() -> &'static PyType {
        &FRAME_TYPE
    }
}

/// The frame object of `f`, created on first request.
pub fn frame_object(_ts: &ThreadState, f: &Frame) -> Value {
    if let Some(fo) = f.frame_obj.borrow().clone() {
        return fo;
    }
    let fo = Value::new(PyFrameObject {
        frame: Cell::new(f as *const Frame as *mut Frame),
        code: f.code.clone(),
        globals: f.globals.clone(),
        builtins: f.builtins.clone(),
        locals: RefCell::new(f.locals.clone()),
        lasti: Cell::new(f.lasti.get()),
        back: RefCell::new(None),
        saved: RefCell::new(Vec::new()),
    })
    .unwrap_or_else(|_| none::none());
    *f.frame_obj.borrow_mut() = Some(fo.clone());
    fo
}

/// The frame is going away: keep what the frame object needs.
pub fn detach(fo: &Value, f: &Frame, locals: Vec<Option<Value>>) {
    let Some(o) = fo.downcast::<PyFrameObject>() else { return };
    o.lasti.set(f.lasti.get());
    if !f.previous.is_null() && o.back.borrow().is_none() {
        if let Some(ts) = ThreadState::current() {
            // SAFETY: the previous frame is live (it called this one).
            let back = frame_object(ts, unsafe { &*f.previous });
            *o.back.borrow_mut() = Some(back);
        }
    }
    *o.saved.borrow_mut() = locals;
    o.frame.set(std::ptr::null_mut());
}

fn this(v: &Value) -> PyResult<&PyFrameObject> {
    v.downcast::<PyFrameObject>().ok_or_else(|| PyErr::type_error("frame expected"))
}

impl PyFrameObject {
    fn live(&self) -> Option<&Frame> {
        let p = self.frame.get();
        // SAFETY: `frame` is reset to null by `detach` before the frame dies.
        if p.is_null() { None } else { Some(unsafe { &*p }) }
    }
    pub fn lasti(&self) -> u32 {
        self.live().map_or(self.lasti.get(), |f| f.lasti.get())
    }
    pub fn code(&self) -> &Value {
        &self.code
    }
    pub fn globals(&self) -> &Value {
        &self.globals
    }
    pub fn lineno(&self) -> i32 {
        let code = self.code.downcast::<super::code::PyCode>();
        match code {
            Some(c) => {
                let l = c.lineno_at(self.lasti() as usize);
                if l < 0 { c.code.co_firstlineno as i32 } else { l }
            }
            None => 0,
        }
    }
}

fn f_code(_ts: &ThreadState, v: &Value) -> PyResult<Value> {
    Ok(this(v)?.code.clone())
}
fn f_globals(_ts: &ThreadState, v: &Value) -> PyResult<Value> {
    Ok(this(v)?.globals.clone())
}
fn f_builtins(_ts: &ThreadState, v: &Value) -> PyResult<Value> {
    Ok(this(v)?.builtins.clone())
}
fn f_lineno(_ts: &ThreadState, v: &Value) -> PyResult<Value> {
    Ok(int::from_i64(this(v)?.lineno() as i64))
}
fn f_lasti(_ts: &ThreadState, v: &Value) -> PyResult<Value> {
    Ok(int::from_i64(this(v)?.lasti() as i64 * 2))
}
fn f_back(ts: &ThreadState, v: &Value) -> PyResult<Value> {
    let o = this(v)?;
    if let Some(f) = o.live() {
        if f.previous.is_null() {
            return Ok(none::none());
        }
        // SAFETY: a live frame's caller is live.
        return Ok(frame_object(ts, unsafe { &*f.previous }));
    }
    Ok(o.back.borrow().clone().unwrap_or_else(none::none))
}

/// `frame.f_locals`: the locals mapping, or a dict built from fast locals.
fn f_locals(ts: &ThreadState, v: &Value) -> PyResult<Value> {
    let o = this(v)?;
    if let Some(l) = o.locals.borrow().clone() {
        return Ok(l);
    }
    let code = o.code.downcast::<super::code::PyCode>().ok_or_else(|| PyErr::type_error("code"))?;
    let values: Vec<Option<Value>> = match o.live() {
        Some(f) => f.locals_slice().to_vec(),
        None => o.saved.borrow().clone(),
    };
    let d = dict::new_dict();
    for (i, name) in code.localsplusnames.iter().enumerate() {
        let Some(Some(val)) = values.get(i) else { continue };
        let kind = code.code.co_localspluskinds[i];
        let val = if kind & (compiler::code::CO_FAST_CELL | compiler::code::CO_FAST_FREE) != 0 {
            match val.downcast::<super::cell::PyCell>() {
                Some(c) => match c.get() {
                    Some(x) => x,
                    None => continue,
                },
                None => val.clone(),
            }
        } else {
            val.clone()
        };
        dict::dict_set_item(ts, &d, name.clone(), val)?;
    }
    Ok(d)
}

fn frame_repr(_ts: &ThreadState, v: &Value) -> PyResult<Value> {
    let o = this(v)?;
    let code = o.code.downcast::<super::code::PyCode>().ok_or_else(|| PyErr::type_error("code"))?;
    Ok(pystr::new_str(&format!(
        "<frame at {:#x}, file '{}', line {}, code {}>",
        v.id(),
        code.code.co_filename,
        o.lineno(),
        code.code.co_name
    )))
}

fn frame_clear(_ts: &ThreadState, v: &Value, _a: &[Value], _k: Option<&Value>) -> PyResult<Value> {
    let o = this(v)?;
    if o.live().is_some() {
        return Err(PyErr::runtime_error("cannot clear an executing frame"));
    }
    let old = std::mem::take(&mut *o.saved.borrow_mut());
    drop(old);
    Ok(none::none())
}

fn f_trace(_ts: &ThreadState, _v: &Value) -> PyResult<Value> {
    Ok(none::none())
}

/// Per-line tracing is on and per-opcode tracing off (CPython's defaults).
fn f_trace_lines(_ts: &ThreadState, _v: &Value) -> PyResult<Value> {
    Ok(super::bool_::true_value())
}
fn f_trace_opcodes(_ts: &ThreadState, _v: &Value) -> PyResult<Value> {
    Ok(super::bool_::false_value())
}

pub fn init() {
    let s = &FRAME_TYPE.data.slots;
    s.repr.set(Some(frame_repr));
    s.getattro.set(Some(protocol::generic_getattr));
    descr::add_getsets(
        &FRAME_TYPE,
        &[
            ("f_code", f_code, None),
            ("f_globals", f_globals, None),
            ("f_builtins", f_builtins, None),
            ("f_lineno", f_lineno, None),
            ("f_lasti", f_lasti, None),
            ("f_back", f_back, None),
            ("f_locals", f_locals, None),
            ("f_trace", f_trace, None),
            ("f_trace_lines", f_trace_lines, None),
            ("f_trace_opcodes", f_trace_opcodes, None),
        ],
    );
    descr::add_methods(&FRAME_TYPE, &[("clear", frame_clear)]);
}

/// The references a frame object owns, for the cycle collector.
pub(crate) fn gc_traverse(v: &Value, visit: &mut dyn FnMut(&Value)) {
    let Some(o) = v.downcast::<PyFrameObject>() else { return };
    visit(&o.code);
    visit(&o.globals);
    visit(&o.builtins);
    for c in [&o.locals, &o.back] {
        if let Ok(b) = c.try_borrow() {
            if let Some(x) = &*b {
                visit(x);
            }
        }
    }
    if let Ok(s) = o.saved.try_borrow() {
        for x in s.iter().flatten() {
            visit(x);
        }
    }
}

/// Drop what a garbage frame object holds.
pub(crate) fn gc_clear(v: &Value) {
    let Some(o) = v.downcast::<PyFrameObject>() else { return };
    let locals = o.locals.try_borrow_mut().ok().and_then(|mut b| b.take());
    let back = o.back.try_borrow_mut().ok().and_then(|mut b| b.take());
    let saved = o.saved.try_borrow_mut().map(|mut b| std::mem::take(&mut *b)).ok();
    drop((locals, back, saved));
}
