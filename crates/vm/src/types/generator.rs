//! Generators, coroutines and async generators (CPython's genobject.c).
//! Each owns its frame; resuming links the frame into the thread's frame
//! chain and runs it in the evaluation loop until it yields or finishes.

use std::cell::{Cell, RefCell};

use compiler::code::{CO_ASYNC_GENERATOR, CO_COROUTINE, CO_ITERABLE_COROUTINE};
use compiler::opcode::Opcode;

use crate::eval::ceval;
use crate::eval::frame::{Frame, FrameOwner, HEADER_WORDS};
use crate::object::protocol;
use crate::object::typeobj::{PyType, TypeObject, TPFLAGS_HAVE_GC};
use crate::object::value::{PyObject, PyPayload, Value};
use crate::runtime::errors::{PyErr, PyResult};
use crate::runtime::thread::ThreadState;
use crate::types::{descr, exceptions as exc, none, str as pystr, tuple};

#[derive(Clone, Copy, PartialEq, Eq, Debug)]
pub enum GenState {
    Created,
    Suspended,
    Running,
    Finished,
}

#[derive(Clone, Copy, PartialEq, Eq, Debug)]
pub enum GenKind {
    Generator,
    Coroutine,
    AsyncGenerator,
}

pub struct PyGenerator {
    /// The frame's memory (header, locals, stack); its Values are owned here.
    frame: RefCell<Box<[u64]>>,
    pub state: Cell<GenState>,
    pub kind: GenKind,
    pub name: RefCell<Value>,
    pub qualname: RefCell<Value>,
    /// The exception being handled inside the generator while suspended.
    exc_state: RefCell<Option<Value>>,
    /// Async generators: whether an `asend`/`athrow` is in progress.
    pub running_async: Cell<bool>,
}

pub static GENERATOR_TYPE: PyType = PyObject::new_static(
    &super::typeobject::TYPE_TYPE,
    TypeObject::builtin::<PyGenerator>("generator", &GENERATOR_TYPE, Some(&super::object::OBJECT_TYPE), TPFLAGS_HAVE_GC),
);
pub static COROUTINE_TYPE: PyType = PyObject::new_static(
    &super::typeobject::TYPE_TYPE,
    TypeObject::builtin_sublayout(
        "coroutine",
        &super::object::OBJECT_TYPE,
        &GENERATOR_TYPE,
        std::mem::size_of::<PyObject<PyGenerator>>(),
        crate::object::value::dealloc_builtin::<PyGenerator>,
        TPFLAGS_HAVE_GC,
    ),
);
pub static ASYNC_GENERATOR_TYPE: PyType = PyObject::new_static(
    &super::typeobject::TYPE_TYPE,
    TypeObject::builtin_sublayout(
        "async_generator",
        &super::object::OBJECT_TYPE,
        &GENERATOR_TYPE,
        std::mem::size_of::<PyObject<PyGenerator>>(),
        crate::object::value::dealloc_builtin::<PyGenerator>,
        TPFLAGS_HAVE_GC,
    ),
);

impl PyPayload for PyGenerator {
    fn class() -> &'static PyType {
        &GENERATOR_TYPE
    }
}

/// The wrapper `coro.__await__()` returns.
pub struct CoroWrapper {
    coro: Value,
}
/// The value an async generator yields (marks it for `__anext__`).
pub struct AsyncGenWrapped {
    value: Value,
}
/// The awaitable of `agen.asend(v)` / `__anext__()` / `athrow()` / `aclose()`.
pub struct AsyncGenASend {
    gen: Value,
    value: RefCell<Option<Value>>,
    throw: RefCell<Option<Value>>,
    close: bool,
    done: Cell<bool>,
}

macro_rules! simple_type {
    ($st:ident, $payload:ty, $name:literal) => {
        pub static $st: PyType = PyObject::new_static(
            &super::typeobject::TYPE_TYPE,
            TypeObject::builtin::<$payload>($name, &$st, Some(&super::object::OBJECT_TYPE), TPFLAGS_HAVE_GC),
        );
        impl PyPayload for $payload {
            fn class() -> &'static PyType {
                &$st
            }
        }
    };
}
simple_type!(CORO_WRAPPER_TYPE, CoroWrapper, "coroutine_wrapper");
simple_type!(ASYNC_GEN_WRAPPED_TYPE, AsyncGenWrapped, "async_generator_wrapped_value");
simple_type!(ASYNC_GEN_ASEND_TYPE, AsyncGenASend, "async_generator_asend");
simple_type!(ANEXT_AWAITABLE_TYPE, AnextAwaitable, "anext_awaitable");

/// What `anext(aiter, default)` returns: awaits `aiter.__anext__()` and turns
/// StopAsyncIteration into the default value.
pub struct AnextAwaitable {
    aiter: Value,
    default: Value,
    inner: RefCell<Option<Value>>,
}

pub fn types() -> Vec<&'static PyType> {
    vec![&GENERATOR_TYPE, &COROUTINE_TYPE, &ASYNC_GENERATOR_TYPE, &CORO_WRAPPER_TYPE, &ASYNC_GEN_WRAPPED_TYPE, &ASYNC_GEN_ASEND_TYPE, &ANEXT_AWAITABLE_TYPE]
}

impl PyGenerator {
    fn frame_ptr(&self) -> *mut Frame {
        self.frame.borrow_mut().as_mut_ptr() as *mut Frame
    }
}

/// RETURN_GENERATOR: move the thread-stack frame `f` into a new generator
/// object that resumes at instruction `resume_at`.
pub fn new_from_frame(ts: &ThreadState, f: *mut Frame) -> PyResult<Value> {
    // SAFETY: `f` is the live, fully initialized top frame of the thread.
    let (words, flags, name, qualname) = unsafe {
        let fr = &*f;
        let code = fr.code();
        (
            HEADER_WORDS + fr.nlocalsplus as usize + fr.stacksize as usize,
            code.code.co_flags,
            code.name.clone(),
            fr.func.downcast::<super::function::PyFunction>().map(|func| func.qualname.borrow().clone()).unwrap_or_else(|| code.qualname.clone()),
        )
    };
    let mut mem = Vec::new();
    if mem.try_reserve_exact(words).is_err() {
        return Err(PyErr::no_memory());
    }
    mem.resize(words, 0u64);
    let mut mem = mem.into_boxed_slice();
    // SAFETY: the generator's buffer has the frame's size; moving the
    // words moves ownership of the frame's Values to the generator, and
    // the thread's copy is then released without being dropped.
    unsafe {
        std::ptr::copy_nonoverlapping(f as *const u64, mem.as_mut_ptr(), words);
        let gf = mem.as_mut_ptr() as *mut Frame;
        std::ptr::addr_of_mut!((*gf).owner).write(FrameOwner::Generator);
        (*gf).previous = std::ptr::null_mut();
        (*gf).is_entry.set(true);
    }
    ts.datastack.pop(f as *mut u64);
    ts.recursion_depth.set(ts.recursion_depth.get().saturating_sub(1));
    let kind = if flags & CO_COROUTINE != 0 {
        GenKind::Coroutine
    } else if flags & CO_ASYNC_GENERATOR != 0 {
        GenKind::AsyncGenerator
    } else {
        GenKind::Generator
    };
    let g = PyGenerator {
        frame: RefCell::new(mem),
        state: Cell::new(GenState::Created),
        kind,
        name: RefCell::new(name),
        qualname: RefCell::new(qualname),
        exc_state: RefCell::new(None),
        running_async: Cell::new(false),
    };
    let ty: &'static PyType = match kind {
        GenKind::Generator => &GENERATOR_TYPE,
        GenKind::Coroutine => &COROUTINE_TYPE,
        GenKind::AsyncGenerator => &ASYNC_GENERATOR_TYPE,
    };
    let _ = flags & CO_ITERABLE_COROUTINE;
    Value::new_with_type(ty, g)
}

/// Clear a finished generator frame's slots.
pub fn mark_finished(f: *mut Frame) {
    // SAFETY: `f` is a generator frame that just finished executing.
    unsafe { ceval::clear_frame(f) };
}

pub fn is_generator(v: &Value) -> bool {
    v.is_exact(&GENERATOR_TYPE)
}

pub fn is_coroutine(v: &Value) -> bool {
    v.is_exact(&COROUTINE_TYPE)
}

fn gen_of(v: &Value) -> PyResult<&PyGenerator> {
    v.downcast::<PyGenerator>().ok_or_else(|| PyErr::type_error("generator expected"))
}

fn kind_name(k: GenKind) -> &'static str {
    match k {
        GenKind::Generator => "generator",
        GenKind::Coroutine => "coroutine",
        GenKind::AsyncGenerator => "async generator",
    }
}

/// Resume `g` with `value` (or an exception): Ok((value, finished)).
fn gen_resume(ts: &ThreadState, gv: &Value, value: Value, throw: Option<PyErr>) -> PyResult<(Value, bool)> {
    let g = gen_of(gv)?;
    match g.state.get() {
        GenState::Running => {
            return Err(PyErr::value_error(format!("{} already executing", kind_name(g.kind))));
        }
        GenState::Finished => {
            let closing = throw.as_ref().is_some_and(|e| e.matches(&exc::GENERATOR_EXIT));
            if g.kind == GenKind::Coroutine && !closing {
                return Err(PyErr::runtime_error("cannot reuse already awaited coroutine"));
            }
            if let Some(e) = throw {
                return Err(e);
            }
            if g.kind == GenKind::Coroutine {
                return Err(PyErr::runtime_error("cannot reuse already awaited coroutine"));
            }
            return Err(PyErr::stop_iteration(None));
        }
        GenState::Created => {
            if throw.is_none() && !none::is_none(&value) {
                return Err(PyErr::type_error(format!(
                    "can't send non-None value to a just-started {}",
                    kind_name(g.kind)
                )));
            }
        }
        GenState::Suspended => {}
    }
    let f = g.frame_ptr();
    if throw.is_none() {
        // SAFETY: the frame is suspended; its stack has room for the sent value.
        unsafe {
            let top = (*f).stacktop.get() as usize;
            (*f).stack_base().add(top).write(Some(value));
            (*f).stacktop.set(top as u32 + 1);
        }
    }
    g.state.set(GenState::Running);
    // As CPython's exc_info chain: the generator's own handled exception
    // (None when it handles none) is on top while it runs; the caller's is
    // below it, where sys.exc_info() and bare `raise` still find it.
    let mine = g.exc_state.borrow_mut().take();
    let caller_exc = ts.exc_info.replace(mine);
    ts.exc_outer.borrow_mut().push(caller_exc);
    let r = {
        let _guard = ceval::NativeCallGuard::enter(ts);
        match _guard {
            Ok(_g) => ceval::resume_generator(ts, f, throw),
            Err(e) => Err(e),
        }
    };
    let caller_exc = ts.exc_outer.borrow_mut().pop().flatten();
    let own = ts.exc_info.replace(caller_exc);
    *g.exc_state.borrow_mut() = own;
    match r {
        Ok((v, finished)) => {
            g.state.set(if finished { GenState::Finished } else { GenState::Suspended });
            Ok((v, finished))
        }
        Err(e) => {
            g.state.set(GenState::Finished);
            *g.exc_state.borrow_mut() = None;
            if e.matches(&exc::STOP_ITERATION) || (g.kind == GenKind::AsyncGenerator && e.matches(&exc::STOP_ASYNC_ITERATION)) {
                let what = kind_name(g.kind);
                let msg = if g.kind == GenKind::AsyncGenerator && e.matches(&exc::STOP_ASYNC_ITERATION) {
                    "async generator raised StopAsyncIteration".to_string()
                } else {
                    format!("{what} raised StopIteration")
                };
                let new = PyErr::runtime_error(msg);
                exc::set_cause(new.value(), Some(e.value().clone()));
                exc::set_context(new.value(), Some(e.into_value()));
                return Err(new);
            }
            Err(e)
        }
    }
}

/// `gen.send(value)`: Ok(yielded) or StopIteration(return value).
fn gen_send_value(ts: &ThreadState, gv: &Value, value: Value) -> PyResult<Value> {
    let (v, finished) = gen_resume(ts, gv, value, None)?;
    if finished {
        return Err(finished_error(gv, v));
    }
    Ok(v)
}

fn finished_error(gv: &Value, v: Value) -> PyErr {
    let is_async = gv.downcast::<PyGenerator>().is_some_and(|g| g.kind == GenKind::AsyncGenerator);
    if is_async {
        return PyErr::with_args(&exc::STOP_ASYNC_ITERATION, vec![]);
    }
    if none::is_none(&v) {
        PyErr::stop_iteration(None)
    } else {
        PyErr::stop_iteration(Some(v))
    }
}

/// Result of SEND.
pub enum SendResult {
    Next(Value),
    Return(Value),
}

/// SEND / `yield from`: send `v` into `receiver`.
pub fn send_to(ts: &ThreadState, receiver: &Value, v: Value) -> PyResult<SendResult> {
    if receiver.downcast_exact::<PyGenerator>().is_some() || receiver.is_exact(&COROUTINE_TYPE) {
        let (out, finished) = gen_resume(ts, receiver, v, None)?;
        return Ok(if finished { SendResult::Return(out) } else { SendResult::Next(out) });
    }
    let r = if none::is_none(&v) {
        // The iternext slot itself: StopIteration carries the return value.
        match receiver.type_of().data.slots.iternext.get() {
            Some(f) => match f(ts, receiver) {
                Ok(Some(x)) => Ok(x),
                Ok(None) => return Ok(SendResult::Return(none::none())),
                Err(e) => Err(e),
            },
            None => Err(PyErr::type_error(format!("'{}' object is not an iterator", protocol::type_name(receiver)))),
        }
    } else {
        protocol::call_method(ts, receiver, "send", &[v])
    };
    match r {
        Ok(x) => Ok(SendResult::Next(x)),
        Err(e) if e.matches(&exc::STOP_ITERATION) => Ok(SendResult::Return(exc::stop_iteration_value(e.value()))),
        Err(e) => Err(e),
    }
}

/// The object being delegated to by `yield from`/`await`, if suspended there.
fn delegate(g: &PyGenerator) -> Option<Value> {
    if g.state.get() != GenState::Suspended {
        return None;
    }
    let f = g.frame_ptr();
    // SAFETY: the frame is suspended; lasti and stacktop describe it.
    unsafe {
        let fr = &*f;
        let code = &fr.code().code.co_code;
        let ip = fr.ip.get() as usize;
        if ip * 2 + 1 >= code.len() {
            return None;
        }
        if Opcode::from_u8(code[ip * 2]) != Some(Opcode::RESUME) || code[ip * 2 + 1] < 2 {
            return None;
        }
        let top = fr.stacktop.get() as usize;
        if top == 0 {
            return None;
        }
        (*fr.stack_base().add(top - 1)).clone()
    }
}

fn make_exception(ts: &ThreadState, typ: &Value, val: Option<&Value>, tb: Option<&Value>) -> PyResult<PyErr> {
    let val = val.filter(|v| !none::is_none(v));
    let e = if exc::is_exception_class(typ) {
        let made = match val {
            Some(v) if protocol::isinstance(ts, v, typ)? => Ok(v.clone()),
            Some(v) => {
                let args = if let Some(t) = tuple::try_tuple_items(v) { t.to_vec() } else { vec![v.clone()] };
                protocol::call(ts, typ, &args, None)
            }
            None => protocol::call(ts, typ, &[], None),
        };
        // As PyErr_NormalizeException: an exception the class raises, or
        // the TypeError for a class that makes no exception, is what gets
        // thrown (into the generator, not out of throw()).
        match made {
            Ok(v) if exc::is_exception_instance(&v) => v,
            Ok(v) => {
                return Ok(PyErr::type_error(format!(
                    "calling {} should have returned an instance of BaseException, not {}",
                    protocol::repr_string(ts, typ)?,
                    protocol::type_name(&v)
                )))
            }
            Err(e) => return Ok(e),
        }
    } else if exc::is_exception_instance(typ) {
        if val.is_some() {
            return Err(PyErr::type_error("instance exception may not have a separate value"));
        }
        typ.clone()
    } else {
        return Err(PyErr::type_error(format!(
            "exceptions must be classes or instances deriving from BaseException, not {}",
            protocol::type_name(typ)
        )));
    };
    if let Some(tb) = tb.filter(|t| !none::is_none(t)) {
        if tb.downcast::<super::traceback::PyTraceback>().is_none() {
            return Err(PyErr::type_error("throw() third argument must be a traceback object"));
        }
        exc::set_traceback(&e, Some(tb.clone()));
    }
    Ok(PyErr::from_instance(e))
}

/// `gen.throw(...)`: returns the next yielded value.
fn gen_throw_err(ts: &ThreadState, gv: &Value, err: PyErr) -> PyResult<Value> {
    let g = gen_of(gv)?;
    if let Some(yf) = delegate(g) {
        let is_exit = err.matches(&exc::GENERATOR_EXIT);
        if is_exit {
            g.state.set(GenState::Running);
            let r = close_object(ts, &yf);
            g.state.set(GenState::Suspended);
            if let Err(e) = r {
                return resume_with_error(ts, gv, e);
            }
        } else {
            let sub = if yf.downcast::<PyGenerator>().is_some() {
                g.state.set(GenState::Running);
                let r = gen_throw_err(ts, &yf, err);
                g.state.set(GenState::Suspended);
                Some(r)
            } else {
                match protocol::lookup_attr(ts, &yf, &pystr::intern("throw"))? {
                    Some(m) => {
                        g.state.set(GenState::Running);
                        let r = protocol::call(ts, &m, &[err.value().type_of().to_value(), err.value().clone()], None);
                        g.state.set(GenState::Suspended);
                        Some(r)
                    }
                    None => {
                        return resume_with_error(ts, gv, err);
                    }
                }
            };
            match sub {
                Some(Ok(v)) => return Ok(v),
                Some(Err(e)) if e.matches(&exc::STOP_ITERATION) => {
                    let v = exc::stop_iteration_value(e.value());
                    // The delegate finished: continue the generator with its result.
                    return finish_delegation(ts, gv, v);
                }
                Some(Err(e)) => return resume_with_error(ts, gv, e),
                None => {}
            }
            return Err(PyErr::system_error("unreachable throw state"));
        }
        return resume_with_error(ts, gv, err);
    }
    resume_with_error(ts, gv, err)
}

/// Resume the generator past its `yield from` loop with the delegate's
/// result `v`, as if SEND had returned it (CPython's gen_throw does this).
fn finish_delegation(ts: &ThreadState, gv: &Value, v: Value) -> PyResult<Value> {
    let g = gen_of(gv)?;
    let f = g.frame_ptr();
    // SAFETY: the generator is suspended at the RESUME after a YIELD_VALUE
    // of a SEND loop; its stack top is the receiver, replaced by `v`.
    unsafe {
        let fr = &*f;
        let code = &fr.code().code.co_code;
        let mut i = fr.ip.get() as usize;
        while i * 2 + 1 < code.len() && Opcode::from_u8(code[i * 2]) != Some(Opcode::JUMP_BACKWARD_NO_INTERRUPT) {
            i += 1;
        }
        if i * 2 + 1 >= code.len() {
            return Err(PyErr::system_error("bad yield-from state"));
        }
        let send_at = i + 1 - code[i * 2 + 1] as usize;
        let delta = code[send_at * 2 + 1] as usize;
        let top = fr.stacktop.get() as usize;
        let old = std::ptr::replace(fr.stack_base().add(top - 1), Some(v));
        drop(old);
        fr.ip.set((send_at + 1 + delta) as u32);
    }
    g.state.set(GenState::Running);
    let r = ceval::resume_generator(ts, f, None);
    match r {
        Ok((out, fin)) => {
            g.state.set(if fin { GenState::Finished } else { GenState::Suspended });
            if fin {
                return Err(finished_error(gv, out));
            }
            Ok(out)
        }
        Err(e) => {
            g.state.set(GenState::Finished);
            Err(e)
        }
    }
}

fn resume_with_error(ts: &ThreadState, gv: &Value, err: PyErr) -> PyResult<Value> {
    let (v, finished) = gen_resume(ts, gv, none::none(), Some(err))?;
    if finished {
        return Err(finished_error(gv, v));
    }
    Ok(v)
}

fn close_object(ts: &ThreadState, o: &Value) -> PyResult<()> {
    if o.downcast::<PyGenerator>().is_some() {
        return gen_close_impl(ts, o);
    }
    if let Some(m) = protocol::lookup_attr(ts, o, &pystr::intern("close"))? {
        protocol::call(ts, &m, &[], None)?;
    }
    Ok(())
}

fn gen_close_impl(ts: &ThreadState, gv: &Value) -> PyResult<()> {
    let g = gen_of(gv)?;
    match g.state.get() {
        GenState::Created => {
            g.state.set(GenState::Finished);
            mark_finished(g.frame_ptr());
            return Ok(());
        }
        GenState::Finished => return Ok(()),
        _ => {}
    }
    let err = PyErr::with_args(&exc::GENERATOR_EXIT, vec![]);
    match gen_throw_err(ts, gv, err) {
        Ok(_) => Err(PyErr::runtime_error(format!("{} ignored GeneratorExit", kind_name(g.kind)))),
        Err(e) if e.matches(&exc::GENERATOR_EXIT) || e.matches(&exc::STOP_ITERATION) => Ok(()),
        Err(e) => Err(e),
    }
}

fn gen_repr(_ts: &ThreadState, v: &Value) -> PyResult<Value> {
    let g = gen_of(v)?;
    let kind = match g.kind {
        GenKind::Generator => "generator",
        GenKind::Coroutine => "coroutine",
        GenKind::AsyncGenerator => "async_generator",
    };
    Ok(pystr::new_str(&format!(
        "<{} object {} at {:#x}>",
        kind,
        pystr::as_rust_str(&g.qualname.borrow()),
        v.id()
    )))
}

fn gen_iternext(ts: &ThreadState, v: &Value) -> PyResult<Option<Value>> {
    match gen_resume(ts, v, none::none(), None) {
        Ok((x, false)) => Ok(Some(x)),
        Ok((x, true)) => {
            if none::is_none(&x) {
                Ok(None)
            } else {
                Err(PyErr::stop_iteration(Some(x)))
            }
        }
        Err(e) if e.matches(&exc::STOP_ITERATION) && gen_of(v).is_ok_and(|g| g.state.get() == GenState::Finished) && exc::stop_iteration_value(e.value()).is(&none::none()) && exc::context_of(e.value()).is_none() => Ok(None),
        Err(e) => Err(e),
    }
}

fn self_iter(_ts: &ThreadState, v: &Value) -> PyResult<Value> {
    Ok(v.clone())
}

fn gen_send(ts: &ThreadState, v: &Value, a: &[Value], k: Option<&Value>) -> PyResult<Value> {
    let a = crate::object::args::exact("send", a, k, 1)?;
    gen_send_value(ts, v, a[0].clone())
}

fn gen_throw(ts: &ThreadState, v: &Value, a: &[Value], k: Option<&Value>) -> PyResult<Value> {
    let a = crate::object::args::positional("throw", a, k, 1, 3)?;
    let err = make_exception(ts, &a[0], a.get(1), a.get(2))?;
    gen_throw_err(ts, v, err)
}

fn gen_close(ts: &ThreadState, v: &Value, a: &[Value], k: Option<&Value>) -> PyResult<Value> {
    crate::object::args::exact("close", a, k, 0)?;
    gen_close_impl(ts, v)?;
    Ok(none::none())
}

fn gen_finalize(ts: &ThreadState, v: &Value) {
    if let Ok(g) = gen_of(v) {
        if g.state.get() == GenState::Suspended && g.kind != GenKind::AsyncGenerator {
            if let Err(e) = gen_close_impl(ts, v) {
                crate::runtime::lifecycle::write_unraisable(ts, &e, Some("Exception ignored in"), Some(v));
            }
        }
    }
}

fn gen_name(_ts: &ThreadState, v: &Value) -> PyResult<Value> {
    Ok(gen_of(v)?.name.borrow().clone())
}
fn gen_qualname(_ts: &ThreadState, v: &Value) -> PyResult<Value> {
    Ok(gen_of(v)?.qualname.borrow().clone())
}

/// The setter of `__name__` / `__qualname__`: a str, never deleted.
fn set_gen_str(v: &Value, x: Option<&Value>, what: &str, field: impl Fn(&PyGenerator) -> &std::cell::RefCell<Value>) -> PyResult<()> {
    match x {
        Some(s) if s.type_of().is_subtype(&pystr::STR_TYPE) => {
            let old = std::mem::replace(&mut *field(gen_of(v)?).borrow_mut(), s.clone());
            drop(old);
            Ok(())
        }
        _ => Err(PyErr::type_error(format!("{what} must be set to a string object"))),
    }
}
fn gen_set_name(_ts: &ThreadState, v: &Value, x: Option<&Value>) -> PyResult<()> {
    set_gen_str(v, x, "__name__", |g| &g.name)
}
fn gen_set_qualname(_ts: &ThreadState, v: &Value, x: Option<&Value>) -> PyResult<()> {
    set_gen_str(v, x, "__qualname__", |g| &g.qualname)
}
fn gen_running(_ts: &ThreadState, v: &Value) -> PyResult<Value> {
    Ok(super::bool_::new_bool(gen_of(v)?.state.get() == GenState::Running))
}
fn gen_suspended(_ts: &ThreadState, v: &Value) -> PyResult<Value> {
    Ok(super::bool_::new_bool(gen_of(v)?.state.get() == GenState::Suspended))
}
fn gen_code(_ts: &ThreadState, v: &Value) -> PyResult<Value> {
    let g = gen_of(v)?;
    // SAFETY: the frame header stays valid for the generator's life.
    Ok(unsafe { (*g.frame_ptr()).code.clone() })
}
fn gen_frame(ts: &ThreadState, v: &Value) -> PyResult<Value> {
    let g = gen_of(v)?;
    if g.state.get() == GenState::Finished {
        return Ok(none::none());
    }
    // SAFETY: the frame is live while the generator is not finished.
    Ok(super::frame::frame_object(ts, unsafe { &*g.frame_ptr() }))
}
fn gen_yieldfrom(_ts: &ThreadState, v: &Value) -> PyResult<Value> {
    Ok(delegate(gen_of(v)?).unwrap_or_else(none::none))
}

impl Drop for PyGenerator {
    fn drop(&mut self) {
        if self.state.get() != GenState::Finished {
            // SAFETY: the frame memory holds a frame whose slots are still
            // initialized (not yet cleared by mark_finished).
            unsafe { ceval::clear_frame(self.frame.get_mut().as_mut_ptr() as *mut Frame) };
        }
        // SAFETY: the header's own Values (func, code, globals...) are
        // dropped exactly once, here.
        unsafe { std::ptr::drop_in_place(self.frame.get_mut().as_mut_ptr() as *mut Frame) };
    }
}

// --- awaitables ---------------------------------------------------------------

/// GET_AWAITABLE: the iterator an `await` drives.
pub fn get_awaitable(ts: &ThreadState, v: &Value) -> PyResult<Value> {
    if is_coroutine(v) {
        let g = gen_of(v)?;
        if delegate(g).is_some() {
            return Err(PyErr::runtime_error("coroutine is being awaited already"));
        }
        return Ok(v.clone());
    }
    if let Ok(g) = gen_of(v) {
        if g.kind == GenKind::Generator {
            // SAFETY: the frame header is valid for the generator's life.
            let flags = unsafe { (*g.frame_ptr()).code().code.co_flags };
            if flags & CO_ITERABLE_COROUTINE != 0 {
                return Ok(v.clone());
            }
        }
    }
    let Some(aw) = v.type_of().data.lookup_str("__await__") else {
        return Err(PyErr::type_error(format!(
            "object {} can't be used in 'await' expression",
            protocol::type_name(v)
        )));
    };
    let bound = protocol::bind_descriptor(ts, &aw, v)?;
    let it = protocol::call(ts, &bound, &[], None)?;
    if is_coroutine(&it) {
        return Err(PyErr::type_error("__await__() returned a coroutine"));
    }
    if it.type_of().data.slots.iternext.get().is_none() {
        return Err(PyErr::type_error(format!(
            "__await__() returned non-iterator of type '{}'",
            protocol::type_name(&it)
        )));
    }
    Ok(it)
}

fn coro_await(_ts: &ThreadState, v: &Value, a: &[Value], k: Option<&Value>) -> PyResult<Value> {
    crate::object::args::exact("__await__", a, k, 0)?;
    Value::new(CoroWrapper { coro: v.clone() })
}

fn wrapper_next(ts: &ThreadState, v: &Value) -> PyResult<Option<Value>> {
    let w = v.downcast::<CoroWrapper>().ok_or_else(|| PyErr::type_error("coroutine_wrapper expected"))?;
    gen_iternext(ts, &w.coro)
}
fn wrapper_send(ts: &ThreadState, v: &Value, a: &[Value], k: Option<&Value>) -> PyResult<Value> {
    let w = v.downcast::<CoroWrapper>().ok_or_else(|| PyErr::type_error("coroutine_wrapper expected"))?;
    gen_send(ts, &w.coro, a, k)
}
fn wrapper_throw(ts: &ThreadState, v: &Value, a: &[Value], k: Option<&Value>) -> PyResult<Value> {
    let w = v.downcast::<CoroWrapper>().ok_or_else(|| PyErr::type_error("coroutine_wrapper expected"))?;
    gen_throw(ts, &w.coro, a, k)
}
fn wrapper_close(ts: &ThreadState, v: &Value, a: &[Value], k: Option<&Value>) -> PyResult<Value> {
    let w = v.downcast::<CoroWrapper>().ok_or_else(|| PyErr::type_error("coroutine_wrapper expected"))?;
    gen_close(ts, &w.coro, a, k)
}

/// ASYNC_GEN_WRAP.
pub fn wrap_async_gen_value(v: Value) -> PyResult<Value> {
    Value::new(AsyncGenWrapped { value: v })
}

/// GET_AITER.
pub fn get_aiter(ts: &ThreadState, v: &Value) -> PyResult<Value> {
    let Some(f) = v.type_of().data.lookup_str("__aiter__") else {
        return Err(PyErr::type_error(format!(
            "'async for' requires an object with __aiter__ method, got {}",
            protocol::type_name(v)
        )));
    };
    let bound = protocol::bind_descriptor(ts, &f, v)?;
    let it = protocol::call(ts, &bound, &[], None)?;
    if it.type_of().data.lookup_str("__anext__").is_none() {
        return Err(PyErr::type_error(format!(
            "'async for' received an object from __aiter__ that does not implement __anext__: {}",
            protocol::type_name(&it)
        )));
    }
    Ok(it)
}

/// GET_ANEXT: the awaitable of `aiter.__anext__()`.
pub fn get_anext(ts: &ThreadState, aiter: &Value) -> PyResult<Value> {
    if aiter.is_exact(&ASYNC_GENERATOR_TYPE) {
        return new_asend(aiter.clone(), none::none(), None, false);
    }
    let Some(f) = aiter.type_of().data.lookup_str("__anext__") else {
        return Err(PyErr::type_error(format!(
            "'async for' requires an iterator with __anext__ method, got {}",
            protocol::type_name(aiter)
        )));
    };
    let bound = protocol::bind_descriptor(ts, &f, aiter)?;
    let aw = protocol::call(ts, &bound, &[], None)?;
    get_awaitable(ts, &aw).map_err(|e| {
        if e.matches(&exc::TYPE_ERROR) {
            PyErr::type_error(format!(
                "'async for' received an invalid object from __anext__: {}",
                protocol::type_name(&aw)
            ))
        } else {
            e
        }
    })
}

fn new_asend(gen: Value, value: Value, throw: Option<Value>, close: bool) -> PyResult<Value> {
    Value::new(AsyncGenASend { gen, value: RefCell::new(Some(value)), throw: RefCell::new(throw), close, done: Cell::new(false) })
}

/// Drive an async generator one step on behalf of an awaitable.
fn asend_step(ts: &ThreadState, a: &AsyncGenASend, sent: Value, throw: Option<PyErr>) -> PyResult<Value> {
    if a.done.get() {
        return Err(PyErr::runtime_error("cannot reuse already awaited __anext__()/asend()"));
    }
    let first = a.value.borrow_mut().take();
    let pending_throw = a.throw.borrow_mut().take();
    let g = gen_of(&a.gen)?;
    let r = if let Some(t) = pending_throw {
        let err = make_exception(ts, &t, None, None)?;
        gen_resume(ts, &a.gen, none::none(), Some(err))
    } else if let Some(e) = throw {
        gen_resume(ts, &a.gen, none::none(), Some(e))
    } else {
        let v = first.unwrap_or(sent);
        if g.state.get() == GenState::Finished {
            a.done.set(true);
            return Err(if a.close { PyErr::stop_iteration(None) } else { PyErr::with_args(&exc::STOP_ASYNC_ITERATION, vec![]) });
        }
        gen_resume(ts, &a.gen, v, None)
    };
    match r {
        Ok((v, false)) => {
            if let Some(w) = v.downcast::<AsyncGenWrapped>() {
                a.done.set(true);
                if a.close {
                    return Err(PyErr::runtime_error("async generator ignored GeneratorExit"));
                }
                return Err(PyErr::stop_iteration(Some(w.value.clone())));
            }
            Ok(v)
        }
        Ok((_, true)) => {
            a.done.set(true);
            Err(if a.close { PyErr::stop_iteration(None) } else { PyErr::with_args(&exc::STOP_ASYNC_ITERATION, vec![]) })
        }
        Err(e) => {
            a.done.set(true);
            if a.close && (e.matches(&exc::GENERATOR_EXIT) || e.matches(&exc::STOP_ASYNC_ITERATION)) {
                return Err(PyErr::stop_iteration(None));
            }
            Err(e)
        }
    }
}

fn asend_of(v: &Value) -> PyResult<&AsyncGenASend> {
    v.downcast::<AsyncGenASend>().ok_or_else(|| PyErr::type_error("async_generator_asend expected"))
}

fn asend_next(ts: &ThreadState, v: &Value) -> PyResult<Option<Value>> {
    asend_step(ts, asend_of(v)?, none::none(), None).map(Some)
}
fn asend_send(ts: &ThreadState, v: &Value, a: &[Value], k: Option<&Value>) -> PyResult<Value> {
    let a2 = crate::object::args::exact("send", a, k, 1)?;
    asend_step(ts, asend_of(v)?, a2[0].clone(), None)
}
fn asend_throw(ts: &ThreadState, v: &Value, a: &[Value], k: Option<&Value>) -> PyResult<Value> {
    let a2 = crate::object::args::positional("throw", a, k, 1, 3)?;
    let err = make_exception(ts, &a2[0], a2.get(1), a2.get(2))?;
    asend_step(ts, asend_of(v)?, none::none(), Some(err))
}
fn asend_close(_ts: &ThreadState, v: &Value, _a: &[Value], _k: Option<&Value>) -> PyResult<Value> {
    asend_of(v)?.done.set(true);
    Ok(none::none())
}

fn agen_anext(_ts: &ThreadState, v: &Value, a: &[Value], k: Option<&Value>) -> PyResult<Value> {
    crate::object::args::exact("__anext__", a, k, 0)?;
    new_asend(v.clone(), none::none(), None, false)
}
fn agen_asend(_ts: &ThreadState, v: &Value, a: &[Value], k: Option<&Value>) -> PyResult<Value> {
    let a = crate::object::args::exact("asend", a, k, 1)?;
    new_asend(v.clone(), a[0].clone(), None, false)
}
fn agen_athrow(_ts: &ThreadState, v: &Value, a: &[Value], k: Option<&Value>) -> PyResult<Value> {
    let a = crate::object::args::positional("athrow", a, k, 1, 3)?;
    new_asend(v.clone(), none::none(), Some(a[0].clone()), false)
}
fn agen_aclose(_ts: &ThreadState, v: &Value, a: &[Value], k: Option<&Value>) -> PyResult<Value> {
    crate::object::args::exact("aclose", a, k, 0)?;
    new_asend(v.clone(), none::none(), Some(exc::GENERATOR_EXIT.to_value()), true)
}
fn agen_aiter(_ts: &ThreadState, v: &Value, a: &[Value], k: Option<&Value>) -> PyResult<Value> {
    crate::object::args::exact("__aiter__", a, k, 0)?;
    Ok(v.clone())
}

/// PREP_RERAISE_STAR: combine the exceptions raised and re-raised by the
/// `except*` clauses into what propagates (None when nothing does).
pub fn prep_reraise_star(ts: &ThreadState, orig: &Value, excs: &Value) -> PyResult<Value> {
    let items: Vec<Value> = super::list::PyList::snapshot_of(excs).into_iter().filter(|e| !none::is_none(e)).collect();
    if items.is_empty() {
        return Ok(none::none());
    }
    if !orig.type_of().is_subtype(&exc::BASE_EXCEPTION_GROUP_TYPE) {
        // A naked exception was caught: only one can be raised.
        return Ok(items[0].clone());
    }
    // Re-raised exceptions keep their identity within the original group;
    // new ones are added alongside.
    let leaf_ids = |v: &Value| -> Vec<usize> {
        let mut out = Vec::new();
        collect_leaves(v, &mut out);
        out
    };
    let orig_leaves = leaf_ids(orig);
    let mut raised = Vec::new();
    let mut reraised_ids = Vec::new();
    for e in &items {
        let ls = leaf_ids(e);
        if !ls.is_empty() && ls.iter().all(|l| orig_leaves.contains(l)) {
            reraised_ids.extend(ls);
        } else {
            raised.push(e.clone());
        }
    }
    let kept = if reraised_ids.is_empty() {
        None
    } else {
        project(ts, orig, &reraised_ids)?
    };
    match (kept, raised.is_empty()) {
        (Some(k), true) => Ok(k),
        (None, true) => Ok(none::none()),
        (k, false) => {
            // New exceptions first, then what was re-raised (as CPython).
            let mut all = raised;
            all.extend(k);
            if all.len() == 1 {
                return Ok(all.remove(0));
            }
            let l = super::list::new_list(all)?;
            protocol::call(ts, &exc::BASE_EXCEPTION_GROUP_TYPE.to_value(), &[pystr::new_str(""), l], None)
        }
    }
}

fn collect_leaves(v: &Value, out: &mut Vec<usize>) {
    if v.type_of().is_subtype(&exc::BASE_EXCEPTION_GROUP_TYPE) {
        if let Some(e) = v.downcast::<exc::PyBaseException>() {
            for x in tuple::tuple_items(&e.field(1).unwrap_or_else(none::none)).to_vec() {
                collect_leaves(&x, out);
            }
        }
    } else {
        out.push(v.id());
    }
}

/// The subgroup of `eg` holding exactly the leaves in `keep`.
fn project(ts: &ThreadState, eg: &Value, keep: &[usize]) -> PyResult<Option<Value>> {
    exc::project_by_leaf_ids(ts, eg, keep)
}

pub fn init() {
    for t in [&GENERATOR_TYPE, &COROUTINE_TYPE, &ASYNC_GENERATOR_TYPE] {
        let s = &t.data.slots;
        s.repr.set(Some(gen_repr));
        s.finalize.set(Some(gen_finalize));
        s.getattro.set(Some(protocol::generic_getattr));
        descr::add_methods(t, &[("send", gen_send), ("throw", gen_throw), ("close", gen_close)]);
        descr::add_getsets(t, &[("__name__", gen_name, Some(gen_set_name)), ("__qualname__", gen_qualname, Some(gen_set_qualname))]);
    }
    let s = &GENERATOR_TYPE.data.slots;
    s.iter.set(Some(self_iter));
    s.iternext.set(Some(gen_iternext));
    descr::add_getsets(
        &GENERATOR_TYPE,
        &[("gi_running", gen_running, None), ("gi_suspended", gen_suspended, None), ("gi_code", gen_code, None), ("gi_frame", gen_frame, None), ("gi_yieldfrom", gen_yieldfrom, None)],
    );
    descr::add_methods(&COROUTINE_TYPE, &[("__await__", coro_await)]);
    descr::add_getsets(
        &COROUTINE_TYPE,
        &[("cr_running", gen_running, None), ("cr_suspended", gen_suspended, None), ("cr_code", gen_code, None), ("cr_frame", gen_frame, None), ("cr_await", gen_yieldfrom, None)],
    );
    descr::add_methods(
        &ASYNC_GENERATOR_TYPE,
        &[("__anext__", agen_anext), ("asend", agen_asend), ("athrow", agen_athrow), ("aclose", agen_aclose), ("__aiter__", agen_aiter)],
    );
    descr::add_getsets(
        &ASYNC_GENERATOR_TYPE,
        &[("ag_running", gen_running, None), ("ag_code", gen_code, None), ("ag_frame", gen_frame, None), ("ag_await", gen_yieldfrom, None)],
    );
    let s = &CORO_WRAPPER_TYPE.data.slots;
    s.iter.set(Some(self_iter));
    s.iternext.set(Some(wrapper_next));
    descr::add_methods(&CORO_WRAPPER_TYPE, &[("send", wrapper_send), ("throw", wrapper_throw), ("close", wrapper_close)]);
    let s = &ASYNC_GEN_ASEND_TYPE.data.slots;
    s.iter.set(Some(self_iter));
    s.iternext.set(Some(asend_next));
    descr::add_methods(
        &ASYNC_GEN_ASEND_TYPE,
        &[("send", asend_send), ("throw", asend_throw), ("close", asend_close), ("__await__", asend_await)],
    );
    let s = &ANEXT_AWAITABLE_TYPE.data.slots;
    s.iter.set(Some(self_iter));
    s.iternext.set(Some(anext_next));
    descr::add_methods(
        &ANEXT_AWAITABLE_TYPE,
        &[("send", anext_send), ("throw", anext_throw), ("close", anext_close), ("__await__", asend_await)],
    );
}

/// `anext(aiter, default)`.
pub fn new_anext_awaitable(aiter: Value, default: Value) -> PyResult<Value> {
    Value::new(AnextAwaitable { aiter, default, inner: RefCell::new(None) })
}

fn anext_of(v: &Value) -> PyResult<&AnextAwaitable> {
    v.downcast::<AnextAwaitable>().ok_or_else(|| PyErr::type_error("anext_awaitable expected"))
}

/// The iterator of the awaitable `__anext__()` returned, made on first use.
fn anext_inner(ts: &ThreadState, a: &AnextAwaitable) -> PyResult<Value> {
    if let Some(i) = a.inner.borrow().clone() {
        return Ok(i);
    }
    let f = a.aiter.type_of().data.lookup_str("__anext__").ok_or_else(|| {
        PyErr::type_error(format!("'{}' object is not an async iterator", protocol::type_name(&a.aiter)))
    })?;
    let bound = protocol::bind_descriptor(ts, &f, &a.aiter)?;
    let aw = protocol::call(ts, &bound, &[], None)?;
    let it = get_awaitable(ts, &aw)?;
    *a.inner.borrow_mut() = Some(it.clone());
    Ok(it)
}

/// One step of an anext awaitable: `how` drives the inner iterator.
fn anext_step(ts: &ThreadState, v: &Value, how: impl FnOnce(&Value) -> PyResult<Value>) -> PyResult<Value> {
    let a = anext_of(v)?;
    let inner = anext_inner(ts, a)?;
    how(&inner).map_err(|e| if e.matches(&exc::STOP_ASYNC_ITERATION) { PyErr::stop_iteration(Some(a.default.clone())) } else { e })
}

/// `send_to` as a `send()` method answers: the yielded value, or StopIteration.
fn send_or_stop(ts: &ThreadState, receiver: &Value, v: Value) -> PyResult<Value> {
    match send_to(ts, receiver, v)? {
        SendResult::Next(x) => Ok(x),
        SendResult::Return(r) => Err(PyErr::stop_iteration(if none::is_none(&r) { None } else { Some(r) })),
    }
}

fn anext_next(ts: &ThreadState, v: &Value) -> PyResult<Option<Value>> {
    anext_step(ts, v, |i| send_or_stop(ts, i, none::none())).map(Some)
}
fn anext_send(ts: &ThreadState, v: &Value, a: &[Value], k: Option<&Value>) -> PyResult<Value> {
    let a2 = crate::object::args::exact("send", a, k, 1)?;
    anext_step(ts, v, |i| send_or_stop(ts, i, a2[0].clone()))
}
fn anext_throw(ts: &ThreadState, v: &Value, a: &[Value], k: Option<&Value>) -> PyResult<Value> {
    anext_step(ts, v, |i| {
        let m = protocol::getattr_str(ts, i, "throw")?;
        protocol::call(ts, &m, a, k)
    })
}
fn anext_close(ts: &ThreadState, v: &Value, _a: &[Value], _k: Option<&Value>) -> PyResult<Value> {
    let a = anext_of(v)?;
    let inner = a.inner.borrow().clone();
    match inner {
        Some(i) => close_object(ts, &i).map(|_| none::none()),
        None => Ok(none::none()),
    }
}

fn asend_await(_ts: &ThreadState, v: &Value, _a: &[Value], _k: Option<&Value>) -> PyResult<Value> {
    Ok(v.clone())
}

/// The references a generator holds (its frame, when not running, and the
/// saved exception), for the cycle collector.
pub(crate) fn gc_traverse(v: &Value, visit: &mut dyn FnMut(&Value)) {
    let Some(g) = v.downcast::<PyGenerator>() else { return };
    if g.state.get() == GenState::Running {
        // The evaluation loop owns the stack right now; what it holds is
        // reachable from the running thread anyway.
        return;
    }
    if let Ok(mem) = g.frame.try_borrow() {
        crate::gc::traverse_frame_memory(&mem, visit);
    }
    if let Ok(e) = g.exc_state.try_borrow() {
        if let Some(x) = &*e {
            visit(x);
        }
    }
}

