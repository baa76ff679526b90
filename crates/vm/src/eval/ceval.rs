//! The evaluation loop (CPython's Python/ceval.c): executes the bytecode of
//! frames on the thread's data stack. A call from Python to a Python
//! function pushes a frame and continues in the same loop; only native code
//! calling back into Python re-enters it (bounded by MAX_NATIVE_DEPTH).
//! Exceptions unwind through the code object's exception table.

use compiler::code::{CO_COROUTINE, CO_FAST_FREE, CO_ITERABLE_COROUTINE, CO_VARARGS, CO_VARKEYWORDS};
use compiler::opcode::Opcode;

use super::frame::{Frame, FrameOwner, HEADER_WORDS};
use crate::object::protocol;
use crate::object::typeobj::{nb, CompareOp};
use crate::object::value::Value;
use crate::runtime::errors::{PyErr, PyResult};
use crate::runtime::thread::{ThreadState, MAX_NATIVE_DEPTH};
use crate::types::code::PyCode;
use crate::types::function::{PyFunction, PyMethod};
use crate::types::{bool_, cell, dict, exceptions as exc, float, int, list, none, slice, str as pystr, tuple};

/// Counts a native re-entry into Python code; RecursionError past the limit.
pub struct NativeCallGuard<'a>(&'a ThreadState);

impl<'a> NativeCallGuard<'a> {
    pub fn enter(ts: &'a ThreadState) -> PyResult<NativeCallGuard<'a>> {
        let d = ts.native_depth.get() + 1;
        if d > MAX_NATIVE_DEPTH + ts.recursion_headroom.get() {
            ts.recursion_headroom.set(50);
            let e = PyErr::recursion_error("maximum recursion depth exceeded");
            return Err(e);
        }
        if d <= MAX_NATIVE_DEPTH {
            ts.recursion_headroom.set(0);
        }
        ts.native_depth.set(d);
        Ok(NativeCallGuard(ts))
    }
}

impl Drop for NativeCallGuard<'_> {
    fn drop(&mut self) {
        self.0.native_depth.set(self.0.native_depth.get() - 1);
    }
}

/// The globals of the innermost running Python frame.
pub fn current_globals(ts: &ThreadState) -> Option<Value> {
    let f = ts.current_frame.get();
    if f.is_null() {
        return None;
    }
    // SAFETY: the current frame is live while it is linked in the thread.
    Some(unsafe { (*f).globals.clone() })
}

/// The frame object of the innermost running Python frame.
pub fn current_frame_object(ts: &ThreadState) -> Option<Value> {
    let f = ts.current_frame.get();
    if f.is_null() {
        return None;
    }
    // SAFETY: the current frame is live while it is linked in the thread.
    Some(crate::types::frame::frame_object(ts, unsafe { &*f }))
}

/// A traceback entry for where the innermost Python frame is now (what
/// CPython gives an unraisable exception that has no traceback).
pub fn traceback_of_current_frame(ts: &ThreadState) -> Option<Value> {
    let fo = current_frame_object(ts)?;
    let f = fo.downcast::<crate::types::frame::PyFrameObject>()?;
    crate::types::traceback::new_traceback(None, fo.clone(), (f.lasti() * 2) as i32, f.lineno()).ok()
}

/// Call a Python function from native code (re-enters the loop).
pub fn call_function(ts: &ThreadState, func: &Value, args: &[Value], kwnames: Option<&Value>) -> PyResult<Value> {
    let _guard = NativeCallGuard::enter(ts)?;
    let frame = push_frame(ts, func, args, kwnames, None)?;
    run_new_frame(ts, frame)
}

/// Run a frame just pushed with `push_frame`, as an entry frame.
fn run_new_frame(ts: &ThreadState, frame: *mut Frame) -> PyResult<Value> {
    // SAFETY: as above.
    unsafe { (*frame).is_entry.set(true) };
    eval_frame(ts, frame, None)
}

/// Run code (module or class body, exec/eval) with explicit globals and locals.
/// The code runs one level deeper than its frame: CPython counts the
/// native call that runs it (exec, eval, `__build_class__`, the main
/// program's start) as a level of recursion.
pub fn eval_code(ts: &ThreadState, code: &Value, globals: &Value, locals: Option<&Value>) -> PyResult<Value> {
    let _guard = NativeCallGuard::enter(ts)?;
    let func = Value::new(PyFunction::new(code.clone(), globals.clone(), None)?)?;
    counted(ts, 1, || {
        let frame = push_frame(ts, &func, &[], None, locals.cloned())?;
        run_new_frame(ts, frame)
    })
}

/// Run code with a closure (class bodies with `__class__` cells), one
/// level deeper as `eval_code`.
pub fn eval_code_with_closure(ts: &ThreadState, func: &Value, locals: Value) -> PyResult<Value> {
    let _guard = NativeCallGuard::enter(ts)?;
    counted(ts, 1, || {
        let frame = push_frame(ts, func, &[], None, Some(locals))?;
        run_new_frame(ts, frame)
    })
}

/// Push and initialize a frame for `func(*args)`: bind the arguments as
/// CPython's initialize_locals does, with its error messages.
#[inline]
pub fn push_frame(ts: &ThreadState, func_v: &Value, args: &[Value], kwnames: Option<&Value>, locals: Option<Value>) -> PyResult<*mut Frame> {
    let func = func_v.downcast::<PyFunction>().ok_or_else(|| PyErr::type_error("function expected"))?;
    let code_v = func.code();
    let code_ptr: *const PyCode = code_v.downcast::<PyCode>().ok_or_else(|| PyErr::type_error("code expected"))?;
    // SAFETY: the frame keeps `code_v` (moved into it below) alive as long
    // as this function uses `code`.
    let code = unsafe { &*code_ptr };
    let depth = ts.recursion_depth.get();
    // No headroom past the limit for Python frames (as CPython 3.11): a
    // handler that recurses again gets RecursionError again.
    if depth > ts.interp().recursion_limit.get() {
        return Err(PyErr::recursion_error("maximum recursion depth exceeded"));
    }
    let mem = ts.datastack.push(code.frame_words).ok_or_else(PyErr::no_memory)? as *mut Frame;
    let nlocalsplus = code.nlocalsplus;
    let simple = kwnames.is_none() && args.len() as u32 == code.simple_argcount;
    // SAFETY: `mem` has room for the header and all slots; we write the
    // header, then every slot (the arguments, or None), before anything
    // reads them.
    unsafe {
        mem.write(Frame {
            func: func_v.clone(),
            // SAFETY: `func` (stored in the frame) keeps these alive, and
            // ManuallyDrop keeps the frame from releasing them.
            globals: super::frame::Borrowed::new(&func.globals),
            builtins: super::frame::Borrowed::new(&func.builtins),
            code: code_v,
            locals,
            previous: std::ptr::null_mut(),
            lasti: std::cell::Cell::new(0),
            ip: std::cell::Cell::new(0),
            stacktop: std::cell::Cell::new(0),
            frame_obj: std::cell::RefCell::new(None),
            owner: FrameOwner::Thread,
            is_entry: std::cell::Cell::new(false),
            is_init: std::cell::Cell::new(false),
            nlocalsplus: nlocalsplus as u32,
            stacksize: (code.frame_words - HEADER_WORDS - nlocalsplus) as u32,
        });
        let lp = (*mem).localsplus();
        let first_unset = if simple {
            for (i, a) in args.iter().enumerate() {
                lp.add(i).write(Some(a.clone()));
            }
            args.len()
        } else {
            0
        };
        // The value stack is left unwritten: slots are written by pushes
        // before they are read, and `stacktop` bounds what clearing drops.
        for i in first_unset..nlocalsplus {
            lp.add(i).write(None);
        }
    }
    ts.recursion_depth.set(depth + 1);
    if !simple {
        // SAFETY: the frame was fully initialized above.
        let f = unsafe { &*mem };
        if let Err(e) = bind_arguments(ts, f, func, f.code(), args, kwnames) {
            // SAFETY: the frame is ours and not linked anywhere yet.
            unsafe { pop_frame(ts, mem) };
            return Err(e);
        }
    }
    Ok(mem)
}

/// Drop a frame's contents and release its memory (thread-owned frames).
///
/// # Safety
/// `f` is the most recently pushed frame of `ts` and is no longer executing.
pub unsafe fn pop_frame(ts: &ThreadState, f: *mut Frame) {
    // SAFETY: guaranteed by the caller.
    unsafe {
        clear_frame(f);
        std::ptr::drop_in_place(f);
    }
    ts.datastack.pop(f as *mut u64);
    ts.recursion_depth.set(ts.recursion_depth.get().saturating_sub(1));
}

/// Clear a frame's slots; a frame object that outlives it takes over the
/// locals (CPython's take_ownership).
///
/// # Safety
/// `f` is a live frame that no longer executes.
pub unsafe fn clear_frame(f: *mut Frame) {
    // SAFETY: guaranteed by the caller. The fast locals are initialized;
    // of the value stack only the slots below `stacktop` were ever written
    // (the rest may be garbage), and those no longer live are None.
    unsafe {
        let frame = &*f;
        let nlocals = frame.nlocalsplus as usize;
        let lp = frame.localsplus();
        for i in nlocals..nlocals + frame.stacktop.get() as usize {
            drop(std::ptr::replace(lp.add(i), None));
        }
        frame.stacktop.set(0);
        let fo = frame.frame_obj.borrow_mut().take();
        match fo {
            Some(fo) => {
                let locals = (0..nlocals).map(|i| std::ptr::replace(lp.add(i), None)).collect();
                crate::types::frame::detach(&fo, frame, locals);
            }
            None => {
                for i in 0..nlocals {
                    drop(std::ptr::replace(lp.add(i), None));
                }
            }
        }
    }
}

fn positional_count_message(func: &PyFunction, code: &PyCode, given: usize, kw_given: usize) -> String {
    let c = &code.code;
    let argcount = c.co_argcount as usize;
    let defaults = func.defaults.borrow().as_ref().map_or(0, |d| tuple::tuple_items(d).len());
    let qual = pystr::as_rust_str(&func.qualname.borrow()).into_owned();
    let takes = if defaults > 0 {
        format!("from {} to {} positional arguments", argcount - defaults.min(argcount), argcount)
    } else {
        format!("{} positional argument{}", argcount, if argcount == 1 { "" } else { "s" })
    };
    let given_s = if kw_given > 0 {
        format!(
            "{} positional argument{} (and {} keyword-only argument{})",
            given,
            if given == 1 { "" } else { "s" },
            kw_given,
            if kw_given == 1 { "" } else { "s" }
        )
    } else {
        given.to_string()
    };
    let verb = if given == 1 && kw_given == 0 { "was" } else { "were" };
    format!("{qual}() takes {takes} but {given_s} {verb} given")
}

fn missing_message(qual: &str, names: &[String], kind: &str) -> String {
    let quoted: Vec<String> = names.iter().map(|n| format!("'{n}'")).collect();
    let list = match quoted.len() {
        1 => quoted[0].clone(),
        2 => format!("{} and {}", quoted[0], quoted[1]),
        _ => format!("{}, and {}", quoted[..quoted.len() - 1].join(", "), quoted[quoted.len() - 1]),
    };
    format!(
        "{qual}() missing {} required {kind} argument{}: {list}",
        names.len(),
        if names.len() == 1 { "" } else { "s" }
    )
}

fn bind_arguments(ts: &ThreadState, frame: &Frame, func: &PyFunction, code: &PyCode, args: &[Value], kwnames: Option<&Value>) -> PyResult<()> {
    let c = &code.code;
    let lp = frame.localsplus();
    let set = |i: usize, v: Value| {
        // SAFETY: i < nlocalsplus (parameter indices come first), and each
        // parameter slot is still None (checked before any second binding),
        // so writing without dropping the old value loses nothing.
        unsafe { lp.add(i).write(Some(v)) };
    };
    let get = |i: usize| -> bool {
        // SAFETY: as above.
        unsafe { (*lp.add(i)).is_some() }
    };
    let argcount = c.co_argcount as usize;
    let posonly = c.co_posonlyargcount as usize;
    let kwonly = c.co_kwonlyargcount as usize;
    let total = argcount + kwonly;
    let has_varargs = c.co_flags & CO_VARARGS != 0;
    let has_varkw = c.co_flags & CO_VARKEYWORDS != 0;
    let kwn = kwnames.map(tuple::tuple_items).unwrap_or(&[]);
    let npos = args.len() - kwn.len();
    let qual = || pystr::as_rust_str(&func.qualname.borrow()).into_owned();

    let kwdict = if has_varkw {
        let d = dict::new_dict();
        set(total + has_varargs as usize, d.clone());
        Some(d)
    } else {
        None
    };
    let n = npos.min(argcount);
    for (i, a) in args[..n].iter().enumerate() {
        set(i, a.clone());
    }
    if has_varargs {
        let extra = if npos > argcount { args[argcount..npos].to_vec() } else { vec![] };
        set(total, tuple::new_tuple(extra)?);
    } else if npos > argcount {
        let kw_given = kwn
            .iter()
            .filter(|k| {
                let k = pystr::as_rust_str(k);
                c.co_localsplusnames[argcount..total].iter().any(|n| *n == k)
            })
            .count();
        return Err(PyErr::type_error(positional_count_message(func, code, npos, kw_given)));
    }
    let mut posonly_as_kw = Vec::new();
    for (j, kname) in kwn.iter().enumerate() {
        let value = &args[npos + j];
        if pystr::as_pystr(kname).is_none() {
            return Err(PyErr::type_error("keywords must be strings"));
        }
        let kstr = pystr::as_rust_str(kname);
        let idx = c.co_localsplusnames[posonly..total].iter().position(|n| *n == kstr).map(|i| i + posonly);
        match idx {
            Some(i) => {
                if get(i) {
                    return Err(PyErr::type_error(format!(
                        "{}() got multiple values for argument '{}'",
                        qual(),
                        kstr
                    )));
                }
                set(i, value.clone());
            }
            None => match &kwdict {
                Some(d) => dict::dict_set_item(ts, d, kname.clone(), value.clone())?,
                None => {
                    if c.co_localsplusnames[..posonly].iter().any(|n| *n == kstr) {
                        posonly_as_kw.push(kstr.into_owned());
                        continue;
                    }
                    return Err(PyErr::type_error(format!(
                        "{}() got an unexpected keyword argument '{}'",
                        qual(),
                        kstr
                    )));
                }
            },
        }
    }
    if !posonly_as_kw.is_empty() {
        return Err(PyErr::type_error(format!(
            "{}() got some positional-only arguments passed as keyword arguments: '{}'",
            qual(),
            posonly_as_kw.join(", ")
        )));
    }
    // Defaults for missing positional parameters.
    if npos < argcount {
        let defaults = func.defaults.borrow().clone();
        let defs = defaults.as_ref().map(tuple::tuple_items).unwrap_or(&[]);
        let first_default = argcount - defs.len().min(argcount);
        let mut missing = Vec::new();
        for i in npos..argcount {
            if get(i) {
                continue;
            }
            if i >= first_default {
                set(i, defs[i - first_default].clone());
            } else {
                missing.push(c.co_localsplusnames[i].clone());
            }
        }
        if !missing.is_empty() {
            return Err(PyErr::type_error(missing_message(&qual(), &missing, "positional")));
        }
    }
    if kwonly > 0 {
        let kwdefaults = func.kwdefaults.borrow().clone();
        let mut missing = Vec::new();
        for i in argcount..total {
            if get(i) {
                continue;
            }
            let name = &code.localsplusnames[i];
            match kwdefaults.as_ref().and_then(|d| dict::dict_get_str(d, name)) {
                Some(v) => set(i, v),
                None => missing.push(c.co_localsplusnames[i].clone()),
            }
        }
        if !missing.is_empty() {
            return Err(PyErr::type_error(missing_message(&qual(), &missing, "keyword-only")));
        }
    }
    // Free variables come from the closure (COPY_FREE_VARS does it in
    // CPython; our compiler emits it, so nothing to do here).
    Ok(())
}

/// Outcome of running a frame until it stops.
enum Exit {
    Return(Value),
    Yield(Value),
}

/// Run `entry` (and the Python frames it calls) until it returns or
/// yields. `throw` injects an exception at the frame's current position
/// (generator.throw()).
pub fn eval_frame(ts: &ThreadState, entry: *mut Frame, throw: Option<PyErr>) -> PyResult<Value> {
    match eval_frame_ex(ts, entry, throw)? {
        Exit::Return(v) | Exit::Yield(v) => Ok(v),
    }
}

/// Resume a generator's frame: Ok((value, finished)).
pub fn resume_generator(ts: &ThreadState, frame: *mut Frame, throw: Option<PyErr>) -> PyResult<(Value, bool)> {
    // The generator's frame counts while it runs (it left the count when
    // it moved into the generator).
    match counted(ts, 1, || eval_frame_ex(ts, frame, throw))? {
        Exit::Return(v) => Ok((v, true)),
        Exit::Yield(v) => Ok((v, false)),
    }
}

/// Run `f` with the recursion depth `n` deeper (see `eval_code` and
/// `resume_generator`), so `sys.setrecursionlimit` and RecursionError see
/// the depths CPython's do.
fn counted<T>(ts: &ThreadState, n: u32, f: impl FnOnce() -> T) -> T {
    ts.recursion_depth.set(ts.recursion_depth.get() + n);
    let r = f();
    ts.recursion_depth.set(ts.recursion_depth.get().saturating_sub(n));
    r
}

/// The value stack of the executing frame. (Stack and Regs are plain
/// copies of pointers, never borrowed by functions that are not inlined, so
/// that they stay in machine registers in the loop.)
#[derive(Clone, Copy)]
struct Stack {
    base: *mut Option<Value>,
    sp: *mut Option<Value>,
}

impl Stack {
    #[inline]
    fn push(&mut self, v: Value) {
        // SAFETY: the compiler's co_stacksize bounds the depth, and the
        // frame was allocated with that many stack slots (all None).
        unsafe {
            self.sp.write(Some(v));
            self.sp = self.sp.add(1);
        }
    }
    #[inline]
    fn push_opt(&mut self, v: Option<Value>) {
        // SAFETY: as in `push`.
        unsafe {
            self.sp.write(v);
            self.sp = self.sp.add(1);
        }
    }
    #[inline]
    fn pop_opt(&mut self) -> Option<Value> {
        // SAFETY: the bytecode never pops below the stack base (verified
        // stack effects); the slot is left None.
        unsafe {
            self.sp = self.sp.sub(1);
            std::ptr::replace(self.sp, None)
        }
    }
    #[inline]
    fn pop(&mut self) -> Value {
        self.pop_opt().unwrap_or_else(none::none)
    }
    /// The `n`th item from the top (1 = top).
    #[inline]
    fn peek(&self, n: usize) -> &Option<Value> {
        // SAFETY: `n` is within the current depth (bytecode invariant).
        unsafe { &*self.sp.sub(n) }
    }
    #[inline]
    fn peek_v(&self, n: usize) -> Value {
        self.peek(n).clone().unwrap_or_else(none::none)
    }
    #[inline]
    fn set(&mut self, n: usize, v: Option<Value>) {
        // SAFETY: as in `peek`.
        unsafe {
            let old = std::ptr::replace(self.sp.sub(n), v);
            drop(old);
        }
    }
    #[inline]
    fn depth(&self) -> usize {
        // SAFETY: both pointers are into the same frame allocation.
        unsafe { self.sp.offset_from(self.base) as usize }
    }
    /// Pop down to `depth` items.
    #[inline(always)]
    fn truncate(&mut self, depth: usize) {
        while self.depth() > depth {
            drop(self.pop_opt());
        }
    }
    /// The top `n` items (bottom first), as a slice.
    #[inline(always)]
    fn top_slice(&self, n: usize) -> &[Option<Value>] {
        // SAFETY: the `n` slots below `sp` are live stack entries.
        unsafe { std::slice::from_raw_parts(self.sp.sub(n), n) }
    }
    /// The top `n` items as values: call arguments, which are never NULL.
    #[inline]
    fn top_values(&self, n: usize) -> &[Value] {
        let items = self.top_slice(n);
        assert!(items.iter().all(Option::is_some), "NULL among call arguments");
        // SAFETY: Option<Value> has Value's layout (null niche) and every
        // item is Some, so the slice is a valid slice of Values.
        unsafe { std::slice::from_raw_parts(items.as_ptr() as *const Value, n) }
    }
    /// Pop `n` items, bottom first.
    #[inline(always)]
    fn pop_n(&mut self, n: usize) -> Vec<Value> {
        let mut v: Vec<Value> = Vec::with_capacity(n);
        for x in self.top_slice(n) {
            v.push(x.clone().unwrap_or_else(none::none));
        }
        for _ in 0..n {
            drop(self.pop_opt());
        }
        v
    }
}

/// Registers of the executing frame.
#[derive(Clone, Copy)]
struct Regs {
    frame: *mut Frame,
    code: *const PyCode,
    /// The code's checked instructions (`PyCode::instrs`).
    instrs: *const u8,
    locals: *mut Option<Value>,
    stack: Stack,
    /// Index of the next instruction (code units).
    ip: usize,
}

impl Regs {
    fn load(frame: *mut Frame) -> Regs {
        // SAFETY: `frame` is live and initialized; its code outlives it.
        unsafe {
            let f = &*frame;
            let code_ref: &PyCode = f.code();
            let instrs = code_ref.exec().instrs.as_ptr();
            let code = code_ref as *const PyCode;
            let base = f.stack_base();
            Regs {
                frame,
                code,
                instrs,
                locals: f.localsplus(),
                stack: Stack { base, sp: base.add(f.stacktop.get() as usize) },
                ip: f.ip.get() as usize,
            }
        }
    }
    /// Save the stack depth (and position) into the frame before it is left.
    fn save(&self) {
        // SAFETY: the frame is live.
        unsafe {
            (*self.frame).stacktop.set(self.stack.depth() as u32);
        }
    }
    #[inline]
    fn f(&self) -> &Frame {
        // SAFETY: the frame stays live while it is the executing frame.
        unsafe { &*self.frame }
    }
    #[inline]
    fn code(&self) -> &PyCode {
        // SAFETY: the frame holds its code object.
        unsafe { &*self.code }
    }
    #[inline]
    fn local(&self, i: usize) -> &Option<Value> {
        // SAFETY: `i` < nlocalsplus (compiler invariant for local opargs).
        unsafe { &*self.locals.add(i) }
    }
    #[inline]
    fn set_local(&self, i: usize, v: Option<Value>) {
        // SAFETY: as in `local`.
        unsafe {
            let old = std::ptr::replace(self.locals.add(i), v);
            drop(old);
        }
    }
    #[inline]
    fn fetch(&mut self) -> (u8, u32) {
        // SAFETY: ip is within the checked instructions: execution starts
        // at 0, jumps and exception handlers land inside the code, and the
        // trap unit after the last instruction stops a run past the end.
        unsafe {
            let op = *self.instrs.add(self.ip * 2);
            let arg = *self.instrs.add(self.ip * 2 + 1);
            self.ip += 1;
            (op, arg as u32)
        }
    }
}

/// The instruction after EXTENDED_ARG prefixes at `ip`, with the widened
/// argument and the index after it.
#[cold]
fn fetch_extended(instrs: *const u8, mut ip: usize, mut oparg: u32) -> (Opcode, u32, usize) {
    loop {
        // SAFETY: as in `Regs::fetch`: prefixes are followed by an
        // instruction, at worst the trap unit.
        let (op, arg) = unsafe { (*instrs.add(ip * 2), *instrs.add(ip * 2 + 1)) };
        ip += 1;
        oparg = (oparg << 8) | arg as u32;
        let opcode = decode(op);
        if opcode != Opcode::EXTENDED_ARG {
            return (opcode, oparg, ip);
        }
    }
}

fn name_error(name: &Value) -> PyErr {
    let e = PyErr::new(&exc::NAME_ERROR, format!("name '{}' is not defined", pystr::as_rust_str(name)));
    exc::set_name_error_name(e.value(), name);
    e
}

fn unbound_local(name: &str) -> PyErr {
    PyErr::new(
        &exc::UNBOUND_LOCAL_ERROR,
        format!("cannot access local variable '{name}' where it is not associated with a value"),
    )
}

fn unbound_deref(code: &PyCode, i: usize) -> PyErr {
    let name = &code.code.co_localsplusnames[i];
    if code.code.co_localspluskinds[i] & CO_FAST_FREE != 0 {
        let e = PyErr::new(
            &exc::NAME_ERROR,
            format!("cannot access free variable '{name}' where it is not associated with a value in enclosing scope"),
        );
        exc::set_name_error_name(e.value(), &pystr::intern(name));
        e
    } else {
        unbound_local(name)
    }
}

/// Attach implicit context: the exception being handled becomes
/// `__context__` of a new exception (CPython's _PyErr_SetObject).
fn set_implicit_context(ts: &ThreadState, err: &PyErr) {
    let v = err.value();
    if exc::decide_context(v, true) {
        return;
    }
    let Some(handled) = ts.handled_exception() else { return };
    if exc::context_of(v).is_some() {
        return;
    }
    attach_context(v, handled);
}

/// Make `handled` the `__context__` of `v`, breaking a cycle
/// v -> ... -> handled -> ... -> v as CPython's _PyErr_SetObject does.
pub fn attach_context(v: &Value, handled: Value) {
    if handled.is(v) {
        return;
    }
    let mut o = handled.clone();
    let mut steps = 0;
    while let Some(ctx) = exc::context_of(&o) {
        if ctx.is(v) {
            exc::set_context(&o, None);
            break;
        }
        o = ctx;
        steps += 1;
        if steps > 10_000 {
            break;
        }
    }
    exc::set_context(v, Some(handled));
}

/// Add a traceback entry for the frame at instruction `lasti` (PyTraceBack_Here).
fn traceback_here(ts: &ThreadState, frame: &Frame, err: &PyErr, lasti: usize) {
    let fo = crate::types::frame::frame_object(ts, frame);
    let old = exc::traceback_of(err.value());
    let lineno = frame.code().lineno_at(lasti);
    if let Ok(tb) = crate::types::traceback::new_traceback(old, fo, (lasti * 2) as i32, lineno) {
        exc::set_traceback(err.value(), Some(tb));
    }
}

/// The exception for `raise X [from Y]`.
fn do_raise(ts: &ThreadState, exc_v: Option<Value>, cause: Option<Value>) -> PyErr {
    let Some(e) = exc_v else {
        return match ts.handled_exception() {
            Some(h) => PyErr::from_instance(h),
            None => PyErr::runtime_error("No active exception to reraise"),
        };
    };
    let instance = if exc::is_exception_class(&e) {
        match protocol::call(ts, &e, &[], None) {
            Ok(v) => {
                if !exc::is_exception_instance(&v) {
                    return PyErr::type_error(format!(
                        "calling {} should have returned an instance of BaseException, not {}",
                        protocol::repr_string(ts, &e).unwrap_or_default(),
                        protocol::repr_string(ts, &v.type_of().to_value()).unwrap_or_default()
                    ));
                }
                v
            }
            Err(err) => return err,
        }
    } else if exc::is_exception_instance(&e) {
        e
    } else {
        return PyErr::type_error("exceptions must derive from BaseException");
    };
    if let Some(c) = cause {
        let cause_v = if exc::is_exception_class(&c) {
            match protocol::call(ts, &c, &[], None) {
                Ok(v) => Some(v),
                Err(err) => return err,
            }
        } else if exc::is_exception_instance(&c) {
            Some(c)
        } else if none::is_none(&c) {
            None
        } else {
            return PyErr::type_error("exception causes must derive from BaseException");
        };
        exc::set_cause(&instance, cause_v);
    }
    // A `raise` statement raises afresh: the context is taken again.
    exc::decide_context(&instance, false);
    PyErr::from_instance(instance)
}

fn eval_frame_ex(ts: &ThreadState, entry: *mut Frame, throw: Option<PyErr>) -> PyResult<Exit> {
    let prev_frame = ts.current_frame.get();
    // SAFETY: the entry frame is live; link it below the current frame.
    unsafe {
        (*entry).previous = prev_frame;
    }
    ts.current_frame.set(entry);
    let mut r = Regs::load(entry);
    let mut kwnames: Option<Value> = None;
    let mut pending: Option<PyErr> = throw;
    let mut reraise = false;
    // Where a RERAISE that restored the frame's lasti was: the handler search
    // starts there, not at the restored instruction (CPython's INSTR_OFFSET).
    let mut raised_at: Option<usize> = None;

    let result = 'outer: loop {
        // --- error handling -------------------------------------------------
        if let Some(err) = pending.take() {
            let lasti = r.f().lasti.get() as usize;
            if !reraise {
                set_implicit_context(ts, &err);
                traceback_here(ts, r.f(), &err, lasti);
            }
            reraise = false;
            let at = raised_at.take().unwrap_or(lasti);
            let handler = r.code().exec().exception_entries.iter().find(|e| (e.start as usize) <= at && at < e.end as usize).copied();
            match handler {
                Some(h) => {
                    r.stack.truncate(h.depth as usize);
                    if h.lasti {
                        r.stack.push(int::from_i64(lasti as i64));
                    }
                    r.stack.push(err.into_value());
                    // A target outside the code runs the trap unit.
                    r.ip = (h.target as usize).min(r.code().exec().instrs.len() / 2 - 1);
                }
                None => {
                    // Leave this frame.
                    r.stack.truncate(0);
                    r.save();
                    let f = r.frame;
                    // SAFETY: `f` is the executing frame.
                    let (is_entry, previous, owner) = unsafe { ((*f).is_entry.get(), (*f).previous, (*f).owner) };
                    // Unlinked before its locals go, so finalizers run in
                    // the caller's frame (as CPython since GH-99729).
                    ts.current_frame.set(if is_entry { prev_frame } else { previous });
                    if owner == FrameOwner::Thread {
                        // SAFETY: the frame is the top of the data stack.
                        unsafe { pop_frame(ts, f) };
                    } else {
                        crate::types::generator::mark_finished(f);
                    }
                    if is_entry {
                        break 'outer Err(err);
                    }
                    r = Regs::load(previous);
                    // The caller's failing instruction is the one before ip.
                    pending = Some(err);
                    continue;
                }
            }
        }

        // The instruction loop; errors leave it for the unwinding above.
        loop {
            let (op, mut oparg) = r.fetch();
            let mut opcode = decode(op);
            if opcode == Opcode::EXTENDED_ARG {
                (opcode, oparg, r.ip) = fetch_extended(r.instrs, r.ip, oparg);
            }
            let here = r.ip - 1;
            r.f().lasti.set(here as u32);
            // Step over the instruction's inline caches: the first thing
            // the arm of an instruction that has caches does (a constant
            // there; an arm that forgets runs into CACHE, a trap).
            macro_rules! skip_caches {
                () => {
                    r.ip += opcode.cache_entries()
                };
            }
            // The instruction after this one and its inline caches.
            macro_rules! next {
                () => {
                    r.ip
                };
            }

            // Where CPython checks its eval breaker: a pending signal's
            // handler runs here (one relaxed load when none is pending).
            macro_rules! eval_breaker {
                () => {
                    tri!(crate::runtime::thread::handle_pending_signals(ts))
                };
            }

            macro_rules! tri {
                ($e:expr) => {
                    match $e {
                        Ok(v) => v,
                        Err(e) => {
                            pending = Some(e);
                            continue 'outer;
                        }
                    }
                };
            }

            use Opcode as O;
            match opcode {
                O::NOP => {}
                O::RESUME => {
                    // Function entry (not a generator's resumption): a
                    // signal may be pending (CPython's eval breaker).
                    if oparg < 2 {
                        eval_breaker!();
                    }
                }
                O::PRECALL => skip_caches!(),
                O::CACHE => {
                    // The trap `quicken` put in place of invalid instructions.
                    pending = Some(PyErr::system_error("invalid bytecode"));
                    continue 'outer;
                }
                O::POP_TOP => drop(r.stack.pop_opt()),
                O::PUSH_NULL => r.stack.push_opt(None),
                O::LOAD_CONST => {
                    let v = r.code().consts[oparg as usize].clone();
                    r.stack.push(v);
                }
                O::LOAD_FAST__LOAD_FAST | O::LOAD_FAST__LOAD_CONST | O::LOAD_CONST__LOAD_FAST | O::STORE_FAST__LOAD_FAST | O::STORE_FAST__STORE_FAST => {
                    // The second instruction is the next unit; its argument
                    // is a byte.
                    // SAFETY: `quicken` paired this with the unit after it.
                    let arg2 = unsafe { *r.instrs.add(r.ip * 2 + 1) } as usize;
                    let load_fast = |r: &mut Regs, i: usize, at: usize| -> Option<PyErr> {
                        match r.local(i) {
                            Some(v) => {
                                let v = v.clone();
                                r.stack.push(v);
                                None
                            }
                            None => {
                                r.f().lasti.set(at as u32);
                                Some(unbound_local(&r.code().code.co_localsplusnames[i]))
                            }
                        }
                    };
                    let err = match opcode {
                        O::LOAD_FAST__LOAD_FAST => load_fast(&mut r, oparg as usize, here).or_else(|| load_fast(&mut r, arg2, here + 1)),
                        O::LOAD_FAST__LOAD_CONST => load_fast(&mut r, oparg as usize, here).or_else(|| {
                            let v = r.code().consts[arg2].clone();
                            r.stack.push(v);
                            None
                        }),
                        O::LOAD_CONST__LOAD_FAST => {
                            let v = r.code().consts[oparg as usize].clone();
                            r.stack.push(v);
                            load_fast(&mut r, arg2, here + 1)
                        }
                        O::STORE_FAST__LOAD_FAST => {
                            let v = r.stack.pop_opt();
                            r.set_local(oparg as usize, v);
                            load_fast(&mut r, arg2, here + 1)
                        }
                        _ => {
                            let v = r.stack.pop_opt();
                            r.set_local(oparg as usize, v);
                            let v = r.stack.pop_opt();
                            r.set_local(arg2, v);
                            None
                        }
                    };
                    r.ip += 1;
                    if let Some(e) = err {
                        pending = Some(e);
                        continue 'outer;
                    }
                }
                O::LOAD_FAST => match r.local(oparg as usize) {
                    Some(v) => {
                        let v = v.clone();
                        r.stack.push(v);
                    }
                    None => {
                        let name = r.code().code.co_localsplusnames[oparg as usize].clone();
                        pending = Some(unbound_local(&name));
                        continue 'outer;
                    }
                },
                O::STORE_FAST => {
                    let v = r.stack.pop_opt();
                    r.set_local(oparg as usize, v);
                }
                O::DELETE_FAST => {
                    if r.local(oparg as usize).is_none() {
                        let name = r.code().code.co_localsplusnames[oparg as usize].clone();
                        pending = Some(unbound_local(&name));
                        continue 'outer;
                    }
                    r.set_local(oparg as usize, None);
                }
                O::MAKE_CELL => {
                    let v = r.local(oparg as usize).clone();
                    let c = tri!(cell::new_cell(v));
                    r.set_local(oparg as usize, Some(c));
                }
                O::COPY_FREE_VARS => {
                    let closure = r.f().func.downcast::<PyFunction>().and_then(|f| f.closure.clone());
                    let items = closure.as_ref().map(tuple::tuple_items).unwrap_or(&[]);
                    let n = oparg as usize;
                    let offset = r.code().nlocalsplus - n;
                    for (i, c) in items.iter().take(n).enumerate() {
                        r.set_local(offset + i, Some(c.clone()));
                    }
                }
                O::LOAD_CLOSURE => {
                    let v = r.local(oparg as usize).clone();
                    r.stack.push_opt(v);
                }
                O::LOAD_DEREF => {
                    let c = r.local(oparg as usize).clone();
                    match c.as_ref().and_then(|c| c.downcast::<cell::PyCell>()).and_then(|c| c.get()) {
                        Some(v) => r.stack.push(v),
                        None => {
                            pending = Some(unbound_deref(r.code(), oparg as usize));
                            continue 'outer;
                        }
                    }
                }
                O::LOAD_CLASSDEREF => {
                    let i = oparg as usize;
                    let name = r.code().localsplusnames[i].clone();
                    let locals = r.f().locals.clone();
                    if let Some(l) = locals {
                        if let Some(v) = tri!(dict::dict_get_item(ts, &l, &name)) {
                            r.stack.push(v);
                            continue;
                        }
                    }
                    let c = r.local(i).clone();
                    match c.as_ref().and_then(|c| c.downcast::<cell::PyCell>()).and_then(|c| c.get()) {
                        Some(v) => r.stack.push(v),
                        None => {
                            pending = Some(unbound_deref(r.code(), i));
                            continue 'outer;
                        }
                    }
                }
                O::STORE_DEREF => {
                    let v = r.stack.pop();
                    if let Some(c) = r.local(oparg as usize).as_ref().and_then(|c| c.downcast::<cell::PyCell>()) {
                        c.set(Some(v));
                    }
                }
                O::DELETE_DEREF => {
                    let c = r.local(oparg as usize).clone();
                    match c.as_ref().and_then(|c| c.downcast::<cell::PyCell>()) {
                        Some(cc) if cc.get().is_some() => cc.set(None),
                        _ => {
                            pending = Some(unbound_deref(r.code(), oparg as usize));
                            continue 'outer;
                        }
                    }
                }
                O::LOAD_GLOBAL => {
                    skip_caches!();
                    if oparg & 1 != 0 {
                        r.stack.push_opt(None);
                    }
                    let f = r.f();
                    let versions = match (dict::as_dict(&f.globals), dict::as_dict(&f.builtins)) {
                        (Some(g), Some(b)) => Some((g.version(), b.version())),
                        _ => None,
                    };
                    let cache = &r.code().exec().caches[here];
                    let entry = cache.get();
                    match versions {
                        Some((gv, bv)) if entry.value != 0 && entry.key1 == gv && entry.key2 == bv => {
                            // SAFETY: neither dict changed since the value was
                            // found in one of them, so it is still held there.
                            r.stack.push(unsafe { Value::clone_from_raw_word(entry.value) });
                        }
                        _ => {
                            let name = &r.code().names[(oparg >> 1) as usize];
                            let v = tri!(load_global(ts, f, name));
                            if let Some((gv, bv)) = versions {
                                cache.set(crate::types::code::InlineCache { key1: gv, key2: bv, value: v.as_raw() });
                            }
                            r.stack.push(v);
                        }
                    }
                }
                O::STORE_GLOBAL => {
                    let name = r.code().names[oparg as usize].clone();
                    let v = r.stack.pop();
                    tri!(dict::dict_set_item(ts, &r.f().globals, name, v));
                }
                O::DELETE_GLOBAL => {
                    let name = r.code().names[oparg as usize].clone();
                    if tri!(dict::dict_del_item(ts, &r.f().globals, &name)).is_none() {
                        pending = Some(name_error(&name));
                        continue 'outer;
                    }
                }
                O::LOAD_NAME => {
                    let name = r.code().names[oparg as usize].clone();
                    let v = tri!(load_name(ts, r.f(), &name));
                    r.stack.push(v);
                }
                O::STORE_NAME => {
                    let name = r.code().names[oparg as usize].clone();
                    let v = r.stack.pop();
                    match &r.f().locals {
                        // `__setitem__` of a mapping other than an exact dict
                        // runs (class bodies under a metaclass's __prepare__).
                        Some(l) if l.is_exact(&dict::DICT_TYPE) => tri!(dict::dict_set_item(ts, l, name, v)),
                        Some(l) => tri!(protocol::setitem(ts, l, &name, Some(&v))),
                        None => {
                            pending = Some(PyErr::system_error(format!(
                                "no locals found when storing {}",
                                protocol::repr_string(ts, &name).unwrap_or_default()
                            )));
                            continue 'outer;
                        }
                    }
                }
                O::DELETE_NAME => {
                    let name = r.code().names[oparg as usize].clone();
                    let locals = r.f().locals.clone();
                    match locals {
                        Some(l) => {
                            let removed = match dict::as_dict(&l).filter(|_| l.is_exact(&dict::DICT_TYPE)) {
                                Some(d) => tri!(d.del_item(ts, &name)).is_some(),
                                None => match protocol::setitem(ts, &l, &name, None) {
                                    Ok(()) => true,
                                    Err(e) if e.matches(&exc::KEY_ERROR) => false,
                                    Err(e) => {
                                        pending = Some(e);
                                        continue 'outer;
                                    }
                                },
                            };
                            if !removed {
                                pending = Some(name_error(&name));
                                continue 'outer;
                            }
                        }
                        None => {
                            pending = Some(PyErr::system_error("no locals when deleting"));
                            continue 'outer;
                        }
                    }
                }
                O::LOAD_ATTR => {
                    skip_caches!();
                    let owner = r.stack.pop();
                    let code = r.code();
                    let v = match load_attr_cached(&owner, &code.names[oparg as usize], &code.exec().caches[here]) {
                        Some(v) => v,
                        None => tri!(protocol::getattr(ts, &owner, &code.names[oparg as usize])),
                    };
                    r.stack.push(v);
                }
                O::LOAD_METHOD => {
                    skip_caches!();
                    let name = r.code().names[oparg as usize].clone();
                    let owner = r.stack.pop();
                    let cache = &r.code().exec().caches[here];
                    let (meth, self_) = match load_method_cached(&owner, &name, cache) {
                        Some(m) => (m, Some(owner)),
                        None => match owner.downcast_exact::<crate::types::module::PyModule>().and_then(|m| module_attr_cached(m, &name, cache)) {
                            Some(attr) => (attr, None),
                            None => tri!(load_method(ts, &owner, &name)),
                        },
                    };
                    match self_ {
                        Some(s) => {
                            r.stack.push(meth);
                            r.stack.push(s);
                        }
                        None => {
                            r.stack.push_opt(None);
                            r.stack.push(meth);
                        }
                    }
                }
                O::STORE_ATTR => {
                    skip_caches!();
                    let owner = r.stack.pop();
                    let v = r.stack.pop();
                    let code = r.code();
                    let name = &code.names[oparg as usize];
                    match instance_dict_for_store(&owner, name, &code.exec().caches[here]) {
                        Some(d) => tri!(dict::dict_set_item(ts, &d, name.clone(), v)),
                        None => tri!(protocol::setattr(ts, &owner, name, Some(&v))),
                    }
                }
                O::DELETE_ATTR => {
                    let name = r.code().names[oparg as usize].clone();
                    let owner = r.stack.pop();
                    tri!(protocol::setattr(ts, &owner, &name, None));
                }
                O::UNARY_POSITIVE => {
                    let v = r.stack.pop();
                    r.stack.push(tri!(protocol::positive(ts, &v)));
                }
                O::UNARY_NEGATIVE => {
                    let v = r.stack.pop();
                    let res = match v.as_small_int().and_then(|i| i.checked_neg()) {
                        Some(n) => int::from_i64(n),
                        None => tri!(protocol::negative(ts, &v)),
                    };
                    r.stack.push(res);
                }
                O::UNARY_NOT => {
                    let v = r.stack.pop();
                    let b = tri!(protocol::is_true(ts, &v));
                    r.stack.push(bool_::new_bool(!b));
                }
                O::UNARY_INVERT => {
                    let v = r.stack.pop();
                    r.stack.push(tri!(protocol::invert(ts, &v)));
                }
                O::BINARY_OP => {
                    skip_caches!();
                    let rhs = r.stack.pop();
                    let mut lhs = r.stack.pop();
                    if (oparg as usize == nb::ADD || oparg as usize == nb::ADD + nb::INPLACE)
                        && lhs.is_exact(&pystr::STR_TYPE)
                        && rhs.is_exact(&pystr::STR_TYPE)
                    {
                        // `s = s + t` / `s += t`: when the next instruction stores
                        // into the local holding `s`, drop that reference first so
                        // the string can grow in place (CPython's
                        // unicode_concatenate).
                        let after = next!();
                        {
                            // SAFETY: `after` is the next instruction or the trap unit.
                            let (op2, arg2) = unsafe { (*r.instrs.add(after * 2), *r.instrs.add(after * 2 + 1)) };
                            if op2 == Opcode::STORE_FAST as u8 && r.local(arg2 as usize).as_ref().is_some_and(|l| l.is(&lhs)) {
                                r.set_local(arg2 as usize, None);
                            }
                        }
                        if pystr::append_in_place(&mut lhs, &rhs) {
                            r.stack.push(lhs);
                            continue;
                        }
                    }
                    let res = tri!(binary_op(ts, &lhs, &rhs, oparg as usize));
                    r.stack.push(res);
                }
                O::COMPARE_OP => {
                    skip_caches!();
                    let rhs = r.stack.pop();
                    let lhs = r.stack.pop();
                    let Some(op) = CompareOp::from_u32(oparg) else {
                        pending = Some(PyErr::system_error("bad comparison"));
                        continue 'outer;
                    };
                    let fast = match (lhs.as_small_int(), rhs.as_small_int()) {
                        (Some(a), Some(b)) => Some(op.test(a.cmp(&b))),
                        _ => match (lhs.downcast_exact::<float::PyFloat>(), rhs.downcast_exact::<float::PyFloat>()) {
                            (Some(a), Some(b)) => Some(float_compare(a.value, b.value, op)),
                            _ => None,
                        },
                    };
                    let Some(b) = fast else {
                        let res = tri!(protocol::richcompare(ts, &lhs, &rhs, op));
                        r.stack.push(res);
                        continue;
                    };
                    // A conditional jump on the result is done here, without
                    // making a bool (CPython's COMPARE_OP_INT_JUMP).
                    // SAFETY: `r.ip` is the next instruction or the trap unit.
                    let (op2, arg2) = unsafe { (*r.instrs.add(r.ip * 2), *r.instrs.add(r.ip * 2 + 1) as usize) };
                    let after = r.ip + 1;
                    let jump = match decode(op2) {
                        O::POP_JUMP_FORWARD_IF_FALSE => (!b).then_some(after + arg2),
                        O::POP_JUMP_FORWARD_IF_TRUE => b.then_some(after + arg2),
                        O::POP_JUMP_BACKWARD_IF_FALSE => (!b).then(|| after - arg2),
                        O::POP_JUMP_BACKWARD_IF_TRUE => b.then(|| after - arg2),
                        _ => {
                            r.stack.push(bool_::new_bool(b));
                            continue;
                        }
                    };
                    r.ip = jump.unwrap_or(after);
                    if jump.is_some_and(|j| j < after) {
                        eval_breaker!();
                    }
                    continue;
                }
                O::IS_OP => {
                    let rhs = r.stack.pop();
                    let lhs = r.stack.pop();
                    r.stack.push(bool_::new_bool(lhs.is(&rhs) != (oparg == 1)));
                }
                O::CONTAINS_OP => {
                    let rhs = r.stack.pop();
                    let lhs = r.stack.pop();
                    let b = tri!(protocol::contains(ts, &rhs, &lhs));
                    r.stack.push(bool_::new_bool(b != (oparg == 1)));
                }
                O::BINARY_SUBSCR => {
                    skip_caches!();
                    let sub = r.stack.pop();
                    let container = r.stack.pop();
                    // list[int] / tuple[int] without the generic protocol.
                    if let Some(i) = sub.as_small_int() {
                        let hit = if let Some(l) = container.downcast_exact::<list::PyList>() {
                            let items = l.items.borrow();
                            wrap_index(i, items.len()).map(|i| items[i].clone())
                        } else if container.is_exact(&tuple::TUPLE_TYPE) {
                            let items = tuple::tuple_items(&container);
                            wrap_index(i, items.len()).map(|i| items[i].clone())
                        } else {
                            None
                        };
                        if let Some(v) = hit {
                            r.stack.push(v);
                            continue;
                        }
                    }
                    let v = tri!(protocol::getitem(ts, &container, &sub));
                    r.stack.push(v);
                }
                O::STORE_SUBSCR => {
                    skip_caches!();
                    let sub = r.stack.pop();
                    let container = r.stack.pop();
                    let v = r.stack.pop();
                    if let (Some(i), Some(l)) = (sub.as_small_int(), container.downcast_exact::<list::PyList>()) {
                        let mut items = l.items.borrow_mut();
                        if let Some(i) = wrap_index(i, items.len()) {
                            let old = std::mem::replace(&mut items[i], v);
                            drop(items);
                            // The old item's destructor may run Python code.
                            drop(old);
                            continue;
                        }
                    }
                    tri!(protocol::setitem(ts, &container, &sub, Some(&v)));
                }
                O::DELETE_SUBSCR => {
                    let sub = r.stack.pop();
                    let container = r.stack.pop();
                    tri!(protocol::setitem(ts, &container, &sub, None));
                }
                O::BUILD_SLICE => {
                    let step = if oparg == 3 { r.stack.pop() } else { none::none() };
                    let stop = r.stack.pop();
                    let start = r.stack.pop();
                    r.stack.push(tri!(slice::new_slice(start, stop, step)));
                }
                O::BUILD_TUPLE => {
                    let items = r.stack.pop_n(oparg as usize);
                    r.stack.push(tri!(tuple::new_tuple(items)));
                }
                O::BUILD_LIST => {
                    let items = r.stack.pop_n(oparg as usize);
                    r.stack.push(tri!(list::new_list(items)));
                }
                O::BUILD_SET => {
                    let items = r.stack.pop_n(oparg as usize);
                    r.stack.push(tri!(crate::types::set::new_set_from(ts, items)));
                }
                O::BUILD_MAP => {
                    let items = r.stack.pop_n(2 * oparg as usize);
                    let d = dict::new_dict();
                    let mut it = items.into_iter();
                    while let (Some(k), Some(v)) = (it.next(), it.next()) {
                        tri!(dict::dict_set_item(ts, &d, k, v));
                    }
                    r.stack.push(d);
                }
                O::BUILD_CONST_KEY_MAP => {
                    let keys = r.stack.pop();
                    let values = r.stack.pop_n(oparg as usize);
                    let d = dict::new_dict();
                    for (k, v) in tuple::tuple_items(&keys).iter().zip(values) {
                        tri!(dict::dict_set_item(ts, &d, k.clone(), v));
                    }
                    r.stack.push(d);
                }
                O::BUILD_STRING => {
                    let parts = r.stack.pop_n(oparg as usize);
                    let data: Vec<&crate::stringlib::StrData> =
                        parts.iter().filter_map(|p| pystr::as_pystr(p).map(|s| &s.data)).collect();
                    let joined = tri!(crate::stringlib::StrData::new().join(&data).map_err(pystr::str_error));
                    r.stack.push(pystr::from_data(joined));
                }
                O::LIST_APPEND => {
                    let v = r.stack.pop();
                    if let Some(l) = r.stack.peek(oparg as usize).as_ref().and_then(|l| l.downcast::<list::PyList>()) {
                        l.push(v);
                    }
                }
                O::SET_ADD => {
                    let v = r.stack.pop();
                    let s = r.stack.peek_v(oparg as usize);
                    tri!(crate::types::set::set_add(ts, &s, v));
                }
                O::MAP_ADD => {
                    let v = r.stack.pop();
                    let k = r.stack.pop();
                    let d = r.stack.peek_v(oparg as usize);
                    tri!(dict::dict_set_item(ts, &d, k, v));
                }
                O::LIST_EXTEND => {
                    let iterable = r.stack.pop();
                    let l = r.stack.peek_v(oparg as usize);
                    let items = match protocol::collect(ts, &iterable) {
                        Ok(items) => items,
                        Err(e) => {
                            if e.matches(&exc::TYPE_ERROR)
                                && iterable.type_of().data.slots.iter.get().is_none()
                                && iterable.type_of().data.slots.subscript.get().is_none()
                            {
                                pending = Some(PyErr::type_error(format!(
                                    "Value after * must be an iterable, not {}",
                                    protocol::type_name(&iterable)
                                )));
                            } else {
                                pending = Some(e);
                            }
                            continue 'outer;
                        }
                    };
                    if let Some(l) = l.downcast::<list::PyList>() {
                        l.items.borrow_mut().extend(items);
                    }
                }
                O::SET_UPDATE => {
                    let iterable = r.stack.pop();
                    let s = r.stack.peek_v(oparg as usize);
                    for v in tri!(protocol::collect(ts, &iterable)) {
                        tri!(crate::types::set::set_add(ts, &s, v));
                    }
                }
                O::DICT_UPDATE => {
                    let update = r.stack.pop();
                    let d = r.stack.peek_v(oparg as usize);
                    if let Err(e) = crate::types::dict_methods::update_from(ts, &d, &update) {
                        if e.matches(&exc::ATTRIBUTE_ERROR) {
                            pending = Some(PyErr::type_error(format!(
                                "'{}' object is not a mapping",
                                protocol::type_name(&update)
                            )));
                        } else {
                            pending = Some(e);
                        }
                        continue 'outer;
                    }
                }
                O::DICT_MERGE => {
                    let update = r.stack.pop();
                    let d = r.stack.peek_v(oparg as usize);
                    let func = r.stack.peek_v(oparg as usize + 2);
                    tri!(dict_merge(ts, &d, &update, &func));
                }
                O::LIST_TO_TUPLE => {
                    let l = r.stack.pop();
                    let items = l.downcast::<list::PyList>().map(|l| l.snapshot()).unwrap_or_default();
                    r.stack.push(tri!(tuple::new_tuple(items)));
                }
                O::UNPACK_SEQUENCE => {
                    skip_caches!();
                    let seq = r.stack.pop();
                    if let Some(t) = tuple::try_tuple_items(&seq).filter(|t| t.len() == oparg as usize && seq.is_exact(&tuple::TUPLE_TYPE)) {
                        for v in t.iter().rev() {
                            r.stack.push(v.clone());
                        }
                        continue;
                    }
                    if let Some(l) = seq.downcast_exact::<list::PyList>() {
                        // Cloning items runs no Python code, so the borrow
                        // cannot see the list change.
                        let items = l.items.borrow();
                        if items.len() == oparg as usize {
                            for v in items.iter().rev() {
                                r.stack.push(v.clone());
                            }
                            continue;
                        }
                    }
                    let items = tri!(unpack(ts, &seq, oparg as usize, None));
                    for v in items.into_iter().rev() {
                        r.stack.push(v);
                    }
                }
                O::UNPACK_EX => {
                    let before = (oparg & 0xff) as usize;
                    let after = (oparg >> 8) as usize;
                    let seq = r.stack.pop();
                    let items = tri!(unpack(ts, &seq, before, Some(after)));
                    for v in items.into_iter().rev() {
                        r.stack.push(v);
                    }
                }
                O::COPY => {
                    let v = r.stack.peek(oparg as usize).clone();
                    r.stack.push_opt(v);
                }
                O::SWAP => {
                    let n = oparg as usize;
                    let top = r.stack.peek(1).clone();
                    let other = r.stack.peek(n).clone();
                    r.stack.set(1, other);
                    r.stack.set(n, top);
                }
                O::GET_ITER => {
                    let v = r.stack.pop();
                    r.stack.push(tri!(protocol::get_iter(ts, &v)));
                }
                O::GET_YIELD_FROM_ITER => {
                    let v = r.stack.peek_v(1);
                    if crate::types::generator::is_coroutine(&v) {
                        if r.code().code.co_flags & (CO_COROUTINE | CO_ITERABLE_COROUTINE) == 0 {
                            pending = Some(PyErr::type_error("cannot 'yield from' a coroutine object in a non-coroutine generator"));
                            continue 'outer;
                        }
                    } else if !crate::types::generator::is_generator(&v) {
                        let it = tri!(protocol::get_iter(ts, &v));
                        r.stack.set(1, Some(it));
                    }
                }
                O::FOR_ITER => {
                    let it = r.stack.peek_v(1);
                    let nextv = if let Some(li) = it.downcast_exact::<list::ListIterator>() {
                        let _ = li;
                        tri!(list::list_iter_next(ts, &it))
                    } else {
                        tri!(protocol::next(ts, &it))
                    };
                    match nextv {
                        Some(v) => r.stack.push(v),
                        None => {
                            drop(r.stack.pop_opt());
                            r.ip = next!() + oparg as usize;
                            continue;
                        }
                    }
                }
                O::JUMP_FORWARD => {
                    r.ip = next!() + oparg as usize;
                    continue;
                }
                O::JUMP_BACKWARD => {
                    r.ip = next!() - oparg as usize;
                    eval_breaker!();
                    continue;
                }
                O::JUMP_BACKWARD_NO_INTERRUPT => {
                    r.ip = next!() - oparg as usize;
                    continue;
                }
                O::POP_JUMP_FORWARD_IF_FALSE | O::POP_JUMP_BACKWARD_IF_FALSE | O::POP_JUMP_FORWARD_IF_TRUE | O::POP_JUMP_BACKWARD_IF_TRUE => {
                    let v = r.stack.pop();
                    let truth = match bool_::as_bool(&v) {
                        Some(b) => b,
                        None => tri!(protocol::is_true(ts, &v)),
                    };
                    let want = matches!(opcode, O::POP_JUMP_FORWARD_IF_TRUE | O::POP_JUMP_BACKWARD_IF_TRUE);
                    if truth == want {
                        if matches!(opcode, O::POP_JUMP_FORWARD_IF_FALSE | O::POP_JUMP_FORWARD_IF_TRUE) {
                            r.ip = next!() + oparg as usize;
                        } else {
                            r.ip = next!() - oparg as usize;
                            eval_breaker!();
                        }
                        continue;
                    }
                }
                O::POP_JUMP_FORWARD_IF_NONE | O::POP_JUMP_BACKWARD_IF_NONE | O::POP_JUMP_FORWARD_IF_NOT_NONE | O::POP_JUMP_BACKWARD_IF_NOT_NONE => {
                    let v = r.stack.pop();
                    let is_none = none::is_none(&v);
                    let want_none = matches!(opcode, O::POP_JUMP_FORWARD_IF_NONE | O::POP_JUMP_BACKWARD_IF_NONE);
                    if is_none == want_none {
                        if matches!(opcode, O::POP_JUMP_FORWARD_IF_NONE | O::POP_JUMP_FORWARD_IF_NOT_NONE) {
                            r.ip = next!() + oparg as usize;
                        } else {
                            r.ip = next!() - oparg as usize;
                            eval_breaker!();
                        }
                        continue;
                    }
                }
                O::JUMP_IF_FALSE_OR_POP | O::JUMP_IF_TRUE_OR_POP => {
                    let v = r.stack.peek_v(1);
                    let truth = tri!(protocol::is_true(ts, &v));
                    if truth == (opcode == O::JUMP_IF_TRUE_OR_POP) {
                        r.ip = next!() + oparg as usize;
                        continue;
                    }
                    drop(r.stack.pop_opt());
                }
                O::KW_NAMES => {
                    kwnames = Some(r.code().consts[oparg as usize].clone());
                }
                O::CALL => {
                    skip_caches!();
                    let argc = oparg as usize;
                    let kw = kwnames.take();
                    let mut is_meth = r.stack.peek(argc + 2).is_some();
                    if !is_meth {
                        if let Some(m) = r.stack.peek(argc + 1).as_ref().and_then(|f| f.downcast_exact::<PyMethod>()) {
                            let (func, self_) = (m.func.clone(), m.self_.clone());
                            r.stack.set(argc + 1, Some(self_));
                            r.stack.set(argc + 2, Some(func));
                            is_meth = true;
                        }
                    }
                    let total = argc + is_meth as usize;
                    let callable = r.stack.peek_v(total + 1);
                    if !is_meth && std::ptr::eq(callable.type_of(), &crate::types::typeobject::TYPE_TYPE) {
                        let res;
                        (r, res) = instantiate_inline(ts, r, &callable, argc, kw.as_ref(), here);
                        if let Some(obj) = tri!(res) {
                            r.stack.push(obj);
                        }
                        continue;
                    }
                    if callable.is_exact(&crate::types::function::FUNCTION_TYPE) {
                        let new_frame = match push_frame(ts, &callable, r.stack.top_values(total), kw.as_ref(), None) {
                            Ok(f) => f,
                            Err(e) => {
                                pending = Some(e);
                                continue 'outer;
                            }
                        };
                        r.stack.truncate(r.stack.depth() - argc - 2);
                        r.f().ip.set(next!() as u32);
                        r.save();
                        // SAFETY: the new frame is live; link and switch to it.
                        unsafe {
                            (*new_frame).previous = r.frame;
                        }
                        ts.current_frame.set(new_frame);
                        r = Regs::load(new_frame);
                        continue;
                    }
                    r.save();
                    let res = protocol::call(ts, &callable, r.stack.top_values(total), kw.as_ref());
                    r.stack.truncate(r.stack.depth() - argc - 2);
                    let res = tri!(res);
                    r.stack.push(res);
                    eval_breaker!();
                }
                O::CALL_FUNCTION_EX => {
                    let kwargs = if oparg & 1 != 0 { Some(r.stack.pop()) } else { None };
                    let callargs = r.stack.pop();
                    let func = r.stack.pop();
                    drop(r.stack.pop_opt());
                    let res = tri!(call_ex(ts, &func, &callargs, kwargs.as_ref()));
                    r.stack.push(res);
                }
                O::MAKE_FUNCTION => {
                    let code = r.stack.pop();
                    let closure = if oparg & 0x08 != 0 { Some(r.stack.pop()) } else { None };
                    let annotations = if oparg & 0x04 != 0 { Some(r.stack.pop()) } else { None };
                    let kwdefaults = if oparg & 0x02 != 0 { Some(r.stack.pop()) } else { None };
                    let defaults = if oparg & 0x01 != 0 { Some(r.stack.pop()) } else { None };
                    let f = tri!(PyFunction::new(code, r.f().globals.clone(), None)).with_closure(closure);
                    *f.defaults.borrow_mut() = defaults;
                    *f.kwdefaults.borrow_mut() = kwdefaults;
                    if let Some(a) = annotations {
                        let d = dict::new_dict();
                        let items = tuple::tuple_items(&a);
                        for pair in items.chunks(2) {
                            if let [k, v] = pair {
                                tri!(dict::dict_set_item(ts, &d, k.clone(), v.clone()));
                            }
                        }
                        *f.annotations.borrow_mut() = Some(d);
                    }
                    r.stack.push(tri!(Value::new(f)));
                }
                O::RETURN_VALUE => {
                    let v = r.stack.pop();
                    let f = r.frame;
                    // SAFETY: `f` is the executing frame.
                    let (is_entry, previous, owner) = unsafe { ((*f).is_entry.get(), (*f).previous, (*f).owner) };
                    // SAFETY: as above.
                    if unsafe { (*f).is_init.get() } {
                        // An inlined `__init__` (never an entry frame): the
                        // caller already holds the instance.
                        r.stack.truncate(0);
                        r.save();
                        ts.current_frame.set(previous);
                        // SAFETY: the frame is the top of the data stack.
                        unsafe { pop_frame(ts, f) };
                        r = Regs::load(previous);
                        if !none::is_none(&v) {
                            pending = Some(crate::types::typeobject::init_returned_error(&v));
                            continue 'outer;
                        }
                        continue;
                    }
                    r.stack.truncate(0);
                    r.save();
                    // Unlinked first, as on the error path above.
                    ts.current_frame.set(if is_entry { prev_frame } else { previous });
                    if owner == FrameOwner::Thread {
                        // SAFETY: the frame is the top of the data stack.
                        unsafe { pop_frame(ts, f) };
                    } else {
                        crate::types::generator::mark_finished(f);
                    }
                    if is_entry {
                        break 'outer Ok(Exit::Return(v));
                    }
                    r = Regs::load(previous);
                    r.stack.push(v);
                    continue;
                }
                O::RETURN_GENERATOR => {
                    // The frame moves into a new generator, which resumes at the
                    // next instruction; the caller gets the generator.
                    let f = r.frame;
                    r.f().ip.set(next!() as u32);
                    r.save();
                    // SAFETY: `f` is the executing frame.
                    let (is_entry, previous) = unsafe { ((*f).is_entry.get(), (*f).previous) };
                    let g = match crate::types::generator::new_from_frame(ts, f) {
                        Ok(g) => g,
                        Err(e) => {
                            pending = Some(e);
                            continue 'outer;
                        }
                    };
                    if is_entry {
                        ts.current_frame.set(prev_frame);
                        break 'outer Ok(Exit::Return(g));
                    }
                    ts.current_frame.set(previous);
                    r = Regs::load(previous);
                    r.stack.push(g);
                    continue;
                }
                O::YIELD_VALUE => {
                    let v = r.stack.pop();
                    r.f().ip.set(next!() as u32);
                    r.save();
                    ts.current_frame.set(prev_frame);
                    break 'outer Ok(Exit::Yield(v));
                }
                O::SEND => {
                    let v = r.stack.pop();
                    let receiver = r.stack.peek_v(1);
                    match tri!(crate::types::generator::send_to(ts, &receiver, v)) {
                        crate::types::generator::SendResult::Return(ret) => {
                            r.stack.set(1, Some(ret));
                            r.ip = next!() + oparg as usize;
                            continue;
                        }
                        crate::types::generator::SendResult::Next(y) => r.stack.push(y),
                    }
                }
                O::GET_AWAITABLE => {
                    let v = r.stack.pop();
                    match crate::types::generator::get_awaitable(ts, &v) {
                        Ok(a) => r.stack.push(a),
                        Err(e) => {
                            let e = if e.matches(&exc::TYPE_ERROR) && oparg != 0 {
                                let what = if oparg == 1 { "__aenter__" } else { "__aexit__" };
                                PyErr::type_error(format!(
                                    "'async with' received an object from {} that does not implement __await__: {}",
                                    what,
                                    protocol::type_name(&v)
                                ))
                            } else {
                                e
                            };
                            pending = Some(e);
                            continue 'outer;
                        }
                    }
                }
                O::GET_AITER => {
                    let v = r.stack.pop();
                    r.stack.push(tri!(crate::types::generator::get_aiter(ts, &v)));
                }
                O::GET_ANEXT => {
                    let v = r.stack.peek_v(1);
                    r.stack.push(tri!(crate::types::generator::get_anext(ts, &v)));
                }
                O::END_ASYNC_FOR => {
                    let e = r.stack.pop();
                    if e.type_of().is_subtype(&exc::STOP_ASYNC_ITERATION) {
                        drop(r.stack.pop_opt());
                    } else {
                        pending = Some(PyErr::from_instance(e));
                        reraise = true;
                        continue 'outer;
                    }
                }
                O::ASYNC_GEN_WRAP => {
                    let v = r.stack.pop();
                    r.stack.push(tri!(crate::types::generator::wrap_async_gen_value(v)));
                }
                O::BEFORE_WITH | O::BEFORE_ASYNC_WITH => {
                    let mgr = r.stack.pop();
                    let asyncw = opcode == O::BEFORE_ASYNC_WITH;
                    let (enter_name, exit_name) = if asyncw { ("__aenter__", "__aexit__") } else { ("__enter__", "__exit__") };
                    let ty = mgr.type_of();
                    let (enter, exit) = (ty.data.lookup_str(enter_name), ty.data.lookup_str(exit_name));
                    let (Some(enter), Some(exit)) = (enter.clone(), exit) else {
                        // CPython 3.11 names the missing exit method only
                        // when the enter method exists.
                        pending = Some(PyErr::type_error(format!(
                            "'{}' object does not support the {}context manager protocol{}",
                            protocol::type_name(&mgr),
                            if asyncw { "asynchronous " } else { "" },
                            if enter.is_some() { format!(" (missed {exit_name} method)") } else { String::new() }
                        )));
                        continue 'outer;
                    };
                    let exit_bound = tri!(protocol::bind_descriptor(ts, &exit, &mgr));
                    r.stack.push(exit_bound);
                    let enter_bound = tri!(protocol::bind_descriptor(ts, &enter, &mgr));
                    let res = tri!(protocol::call(ts, &enter_bound, &[], None));
                    r.stack.push(res);
                }
                O::WITH_EXCEPT_START => {
                    let val = r.stack.peek_v(1);
                    let exit_func = r.stack.peek_v(4);
                    let tb = exc::traceback_of(&val).unwrap_or_else(none::none);
                    let res = tri!(protocol::call(ts, &exit_func, &[val.type_of().to_value(), val.clone(), tb], None));
                    r.stack.push(res);
                }
                O::PUSH_EXC_INFO => {
                    let v = r.stack.pop();
                    let prev = ts.exc_info.replace(Some(v.clone()));
                    r.stack.push(prev.unwrap_or_else(none::none));
                    r.stack.push(v);
                }
                O::POP_EXCEPT => {
                    let v = r.stack.pop();
                    let old = ts.exc_info.replace(if none::is_none(&v) { None } else { Some(v) });
                    drop(old);
                }
                O::CHECK_EXC_MATCH => {
                    let right = r.stack.pop();
                    let left = r.stack.peek_v(1);
                    tri!(check_except_type(&right));
                    let m = tri!(protocol::isinstance(ts, &left, &right));
                    r.stack.push(bool_::new_bool(m));
                }
                O::CHECK_EG_MATCH => {
                    let match_type = r.stack.pop();
                    let exc_value = r.stack.pop();
                    tri!(check_except_star_type(&match_type));
                    let (m, rest) = tri!(exception_group_match(ts, &exc_value, &match_type));
                    r.stack.push(rest);
                    match m {
                        Some(mv) => {
                            let prev = ts.exc_info.replace(Some(mv.clone()));
                            drop(prev);
                            r.stack.push(mv);
                        }
                        None => r.stack.push(none::none()),
                    }
                }
                O::PREP_RERAISE_STAR => {
                    let excs = r.stack.pop();
                    let orig = r.stack.pop();
                    let res = tri!(crate::types::generator::prep_reraise_star(ts, &orig, &excs));
                    r.stack.push(res);
                }
                O::RERAISE => {
                    let v = r.stack.pop();
                    if oparg != 0 {
                        if let Some(l) = r.stack.peek(oparg as usize).as_ref().and_then(|l| l.as_small_int()) {
                            raised_at = Some(here);
                            r.f().lasti.set(l as u32);
                        }
                    }
                    pending = Some(PyErr::from_instance(v));
                    reraise = true;
                    continue 'outer;
                }
                O::RAISE_VARARGS => {
                    let (e, cause) = match oparg {
                        0 => (None, None),
                        1 => (Some(r.stack.pop()), None),
                        _ => {
                            let c = r.stack.pop();
                            (Some(r.stack.pop()), Some(c))
                        }
                    };
                    // A bare `raise` re-raises: no new context, no traceback entry.
                    reraise = e.is_none() && ts.handled_exception().is_some();
                    pending = Some(do_raise(ts, e, cause));
                    continue 'outer;
                }
                O::LOAD_ASSERTION_ERROR => r.stack.push(exc::ASSERTION_ERROR.to_value()),
                O::LOAD_BUILD_CLASS => {
                    let b = dict::dict_get_str(&r.f().builtins, &pystr::intern("__build_class__"));
                    match b {
                        Some(v) => r.stack.push(v),
                        None => {
                            pending = Some(PyErr::new(&exc::NAME_ERROR, "__build_class__ not found"));
                            continue 'outer;
                        }
                    }
                }
                O::SETUP_ANNOTATIONS => {
                    let Some(l) = r.f().locals.clone() else {
                        pending = Some(PyErr::system_error("no locals found when setting up annotations"));
                        continue 'outer;
                    };
                    if tri!(dict::dict_get_item(ts, &l, &pystr::intern("__annotations__"))).is_none() {
                        tri!(dict::dict_set_item(ts, &l, pystr::intern("__annotations__"), dict::new_dict()));
                    }
                }
                O::PRINT_EXPR => {
                    let v = r.stack.pop();
                    tri!(crate::modules::sys::displayhook(ts, &v));
                }
                O::IMPORT_NAME => {
                    let name = r.code().names[oparg as usize].clone();
                    let fromlist = r.stack.pop();
                    let level = r.stack.pop();
                    let m = tri!(crate::import::import_name(ts, r.f(), &name, &fromlist, &level));
                    r.stack.push(m);
                }
                O::IMPORT_FROM => {
                    let name = r.code().names[oparg as usize].clone();
                    let module = r.stack.peek_v(1);
                    let v = tri!(crate::import::import_from(ts, &module, &name));
                    r.stack.push(v);
                }
                O::IMPORT_STAR => {
                    let module = r.stack.pop();
                    let Some(l) = r.f().locals.clone() else {
                        pending = Some(PyErr::system_error("no locals found during 'import *'"));
                        continue 'outer;
                    };
                    tri!(crate::import::import_star(ts, &module, &l));
                }
                O::GET_LEN => {
                    let v = r.stack.peek_v(1);
                    let n = tri!(protocol::len(ts, &v));
                    r.stack.push(int::from_i64(n as i64));
                }
                O::MATCH_MAPPING => {
                    let v = r.stack.peek_v(1);
                    let is = v.type_of().data.has_flag(crate::object::typeobj::TPFLAGS_DICT_SUBCLASS)
                        || tri!(crate::types::pattern::is_mapping(ts, &v));
                    r.stack.push(bool_::new_bool(is));
                }
                O::MATCH_SEQUENCE => {
                    let v = r.stack.peek_v(1);
                    let is = tri!(crate::types::pattern::is_sequence(ts, &v));
                    r.stack.push(bool_::new_bool(is));
                }
                O::MATCH_KEYS => {
                    let keys = r.stack.peek_v(1);
                    let subject = r.stack.peek_v(2);
                    let res = tri!(crate::types::pattern::match_keys(ts, &subject, &keys));
                    r.stack.push(res);
                }
                O::MATCH_CLASS => {
                    let names = r.stack.pop();
                    let cls = r.stack.pop();
                    let subject = r.stack.pop();
                    let res = tri!(crate::types::pattern::match_class(ts, &subject, &cls, oparg as usize, &names));
                    r.stack.push(res);
                }
                O::FORMAT_VALUE => {
                    let spec = if oparg & 0x04 != 0 { Some(r.stack.pop()) } else { None };
                    let v = r.stack.pop();
                    let v = match oparg & 0x03 {
                        1 => tri!(protocol::str(ts, &v)),
                        2 => tri!(protocol::repr(ts, &v)),
                        3 => tri!(crate::modules::builtins::ascii(ts, &v)),
                        _ => v,
                    };
                    let res = if spec.is_none() && v.is_exact(&pystr::STR_TYPE) {
                        v
                    } else {
                        tri!(crate::modules::builtins::format(ts, &v, spec.as_ref()))
                    };
                    r.stack.push(res);
                }
                _ => {
                    pending = Some(PyErr::system_error(format!("opcode {} is not implemented", opcode.name())));
                    continue 'outer;
                }
            }
        }
    };
    result
}

/// CALL of a class whose metaclass is `type` (CPython's type_call): create
/// the instance, then run a Python `__init__` in a frame of its own pushed
/// in the loop (returns None: the loop switches to that frame, with the
/// instance on the caller's stack), or finish natively (returns the result).
/// The stack holds [NULL, cls, args...] on entry and has them popped on Ok.
fn instantiate_inline(ts: &ThreadState, mut r: Regs, cls: &Value, argc: usize, kw: Option<&Value>, here: usize) -> (Regs, PyResult<Option<Value>>) {
    let res = instantiate(ts, &mut r, cls, argc, kw, here);
    (r, res)
}

/// The class's Python `__init__` (see `typeobject::python_init`), through the
/// CALL instruction's inline cache: `key1` is the class's version tag and
/// `value` the function found under it (held by a dict of the class's MRO).
fn cached_python_init(ty: &crate::object::typeobj::TypeObject, cache: &std::cell::Cell<crate::types::code::InlineCache>) -> Option<Value> {
    let version = ty.version.get();
    let entry = cache.get();
    if version != 0 && entry.key1 == version as u64 && entry.value != 0 {
        // SAFETY: the version is unchanged since the function was found in a
        // dict of the class's MRO, which still holds it.
        return Some(unsafe { Value::clone_from_raw_word(entry.value) });
    }
    let init = crate::types::typeobject::python_init(ty)?;
    let version = ty.version_tag();
    if version != 0 {
        cache.set(crate::types::code::InlineCache { key1: version as u64, key2: 0, value: init.as_raw() });
    }
    Some(init)
}

fn instantiate(ts: &ThreadState, r: &mut Regs, cls: &Value, argc: usize, kw: Option<&Value>, here: usize) -> PyResult<Option<Value>> {
    let pop_call = |r: &mut Regs| r.stack.truncate(r.stack.depth() - argc - 2);
    r.save();
    let ty = cls.as_type();
    let init = ty.filter(|t| t.is_heap_type()).and_then(|t| cached_python_init(t, &r.code().exec().caches[here]));
    let (Some(ty), Some(init)) = (ty, init) else {
        let res = protocol::call(ts, cls, r.stack.top_values(argc), kw);
        pop_call(r);
        return res.map(Some);
    };
    let Some(new) = ty.slots.new.get() else {
        pop_call(r);
        return Err(PyErr::type_error(format!("cannot create '{}' instances", ty.name())));
    };
    let obj = new(ts, cls, r.stack.top_values(argc), kw);
    let obj = match obj {
        Ok(o) if protocol::as_pytype(cls).is_some_and(|t| o.type_of().is_subtype(t)) => o,
        other => {
            pop_call(r);
            return other.map(Some);
        }
    };
    // [NULL, cls, args...] -> [cls, obj, args...]: `obj, args...` are then
    // the arguments of `__init__`.
    r.stack.set(argc + 2, Some(cls.clone()));
    r.stack.set(argc + 1, Some(obj.clone()));
    let frame = push_frame(ts, &init, r.stack.top_values(argc + 1), kw, None);
    pop_call(r);
    let frame = frame?;
    r.stack.push(obj);
    r.f().ip.set(r.ip as u32);
    r.save();
    // SAFETY: the new frame is live; link it above the current one.
    unsafe {
        (*frame).previous = r.frame;
        (*frame).is_init.set(true);
    }
    ts.current_frame.set(frame);
    *r = Regs::load(frame);
    Ok(None)
}

/// A sequence index with negative values counted from the end, if in range.
#[inline]
fn wrap_index(i: i64, len: usize) -> Option<usize> {
    let i = if i < 0 { i + len as i64 } else { i };
    (0..len as i64).contains(&i).then_some(i as usize)
}

/// The opcode of byte `op`, a byte of `PyCode::instrs` (whose opcode bytes
/// are all valid).
#[inline(always)]
fn decode(op: u8) -> Opcode {
    debug_assert!((op as usize) < compiler::opcode::ALL.len());
    // SAFETY: Opcode is repr(u8) with discriminants exactly 0..ALL.len()
    // (the `opcode_numbering` test), and `quicken` replaced every opcode
    // byte outside that range. (The hint spares the dispatch a range check.)
    unsafe {
        std::hint::assert_unchecked((op as usize) < compiler::opcode::ALL.len());
        std::mem::transmute::<u8, Opcode>(op)
    }
}

fn load_global(ts: &ThreadState, f: &Frame, name: &Value) -> PyResult<Value> {
    if let Some(d) = dict::as_dict(&f.globals) {
        if let Some(v) = d.get_str(name) {
            return Ok(v);
        }
    }
    if let Some(d) = dict::as_dict(&f.builtins) {
        if let Some(v) = d.get_str(name) {
            return Ok(v);
        }
        return Err(name_error(name));
    }
    match protocol::getitem(ts, &f.builtins, name) {
        Ok(v) => Ok(v),
        Err(e) if e.matches(&exc::KEY_ERROR) => Err(name_error(name)),
        Err(e) => Err(e),
    }
}

/// LOAD_NAME: the locals mapping (an exact dict directly; any other
/// mapping, dict subclasses included, through `__getitem__`), then globals
/// and builtins.
fn load_name(ts: &ThreadState, f: &Frame, name: &Value) -> PyResult<Value> {
    if let Some(l) = &f.locals {
        let found = if l.is_exact(&dict::DICT_TYPE) {
            dict::dict_get_item(ts, l, name)?
        } else {
            match protocol::getitem(ts, l, name) {
                Ok(v) => Some(v),
                Err(e) if e.matches(&exc::KEY_ERROR) => None,
                Err(e) => return Err(e),
            }
        };
        if let Some(v) = found {
            return Ok(v);
        }
    }
    load_global(ts, f, name)
}

/// Whether `ty` reads attributes with `object.__getattribute__` and keeps
/// instance dicts in a slot: the attribute caches apply to it.
fn plain_instances(ty: &crate::object::typeobj::TypeObject) -> bool {
    ty.dict_slot.get() >= 0
        && ty.slots.getattro.get().map(|f| f as *const () as usize) == Some(protocol::generic_getattr as *const () as usize)
        && ty.slots.setattro.get().map(|f| f as *const () as usize) == Some(protocol::generic_setattr as *const () as usize)
}

/// Whether, under the type's current version, `name` has no data
/// descriptor in the type's MRO; records the version in `cache` when so.
fn instance_dict_decides(ty: &crate::object::typeobj::TypeObject, name: &Value, cache: &std::cell::Cell<crate::types::code::InlineCache>) -> bool {
    let version = ty.version.get();
    if version != 0 && cache.get().key1 == version as u64 {
        return true;
    }
    if !plain_instances(ty) || !name.is_exact(&pystr::STR_TYPE) {
        return false;
    }
    let data_descr = ty.lookup(name).is_some_and(|d| d.type_of().data.slots.descr_set.get().is_some());
    let version = ty.version_tag();
    if data_descr || version == 0 {
        return false;
    }
    cache.set(crate::types::code::InlineCache { key1: version as u64, key2: u64::MAX, value: 0 });
    true
}

/// The instance dict of `owner`, without touching its reference count.
fn with_instance_dict<R>(owner: &Value, f: impl FnOnce(&dict::PyDict) -> Option<R>) -> Option<R> {
    let slot = owner.type_of().data.dict_slot.get();
    let cell = owner.extra_slot(slot as usize);
    let d = cell.take()?;
    let r = d.downcast_exact::<dict::PyDict>().and_then(f);
    cell.set(Some(d));
    r
}

/// LOAD_ATTR of an instance attribute through the inline cache (CPython's
/// LOAD_ATTR_WITH_HINT), or of a module attribute (LOAD_ATTR_MODULE); None
/// means: take the general path.
#[inline]
fn load_attr_cached(owner: &Value, name: &Value, cache: &std::cell::Cell<crate::types::code::InlineCache>) -> Option<Value> {
    if owner.as_small_int().is_some() {
        return None;
    }
    if let Some(m) = owner.downcast_exact::<crate::types::module::PyModule>() {
        return module_attr_cached(m, name, cache);
    }
    if !instance_dict_decides(&owner.type_of().data, name, cache) {
        return None;
    }
    with_instance_dict(owner, |d| dict_get_with_hint(d, name, cache))
}

/// A module attribute held in the module's dict, when `name` has no data
/// descriptor on the module type (whose version the cache keeps).
#[inline]
fn module_attr_cached(m: &crate::types::module::PyModule, name: &Value, cache: &std::cell::Cell<crate::types::code::InlineCache>) -> Option<Value> {
    let ty = &crate::types::module::MODULE_TYPE.data;
    let version = ty.version.get();
    if version == 0 || cache.get().key1 != version as u64 {
        if !name.is_exact(&pystr::STR_TYPE) || ty.lookup(name).is_some_and(|d| d.type_of().data.slots.descr_set.get().is_some()) {
            return None;
        }
        let version = ty.version_tag();
        if version == 0 {
            return None;
        }
        cache.set(crate::types::code::InlineCache { key1: version as u64, key2: u64::MAX, value: 0 });
    }
    dict_get_with_hint(m.dict.downcast_exact::<dict::PyDict>()?, name, cache)
}

/// `d[name]` for a str name, trying the entry the cache remembers first and
/// remembering where it was found.
#[inline]
fn dict_get_with_hint(d: &dict::PyDict, name: &Value, cache: &std::cell::Cell<crate::types::code::InlineCache>) -> Option<Value> {
    let table = d.table();
    let hint = cache.get().key2 as usize;
    if let Some((k, v)) = table.entry(hint) {
        if k.is(name) {
            return Some(v.clone());
        }
    }
    let sname = name.downcast_exact::<pystr::PyStr>()?;
    let ix = table.find(pystr::str_hash(name), |k| k.is(name) || k.downcast_exact::<pystr::PyStr>().is_some_and(|ks| ks.eq_str(sname)))?;
    let mut c = cache.get();
    c.key2 = ix as u64;
    cache.set(c);
    table.entry(ix).map(|(_, v)| v.clone())
}

/// STORE_ATTR's instance dict when the cache shows no data descriptor
/// intervenes; None means: take the general path.
#[inline]
fn instance_dict_for_store(owner: &Value, name: &Value, cache: &std::cell::Cell<crate::types::code::InlineCache>) -> Option<Value> {
    if owner.as_small_int().is_some() || !instance_dict_decides(&owner.type_of().data, name, cache) {
        return None;
    }
    protocol::instance_dict_or_create(owner)
}

/// LOAD_METHOD of a method defined in the owner's class, through the inline
/// cache (CPython's LOAD_METHOD_WITH_DICT); None means: take the general path.
#[inline]
fn load_method_cached(owner: &Value, name: &Value, cache: &std::cell::Cell<crate::types::code::InlineCache>) -> Option<Value> {
    // key2: 1 when instances of the type have an instance dict to check
    // for a shadowing attribute, 2 when they have none.
    const WITH_DICT: u64 = 1;
    const NO_DICT: u64 = 2;
    if owner.as_small_int().is_some() {
        return None;
    }
    let ty = &owner.type_of().data;
    let entry = cache.get();
    let version = ty.version.get();
    if version == 0 || entry.key1 != version as u64 || entry.value == 0 {
        if !name.is_exact(&pystr::STR_TYPE) {
            return None;
        }
        let kind = if plain_instances(ty) {
            WITH_DICT
        } else if no_instance_dict(ty) {
            NO_DICT
        } else {
            return None;
        };
        let d = ty.lookup(name)?;
        let is_method = d.is_exact(&crate::types::function::FUNCTION_TYPE)
            || d.downcast_exact::<crate::types::descr::PyMethodDescr>()
                .is_some_and(|m| m.kind == crate::types::descr::MethodKind::Instance && owner.type_of().is_subtype(m.owner));
        if !is_method {
            return None;
        }
        let version = ty.version_tag();
        if version == 0 {
            return None;
        }
        cache.set(crate::types::code::InlineCache { key1: version as u64, key2: kind, value: d.as_raw() });
    }
    if cache.get().key2 == WITH_DICT && with_instance_dict(owner, |d| d.get_str(name).map(|_| ())).is_some() {
        return None;
    }
    // SAFETY: the type's version is unchanged since the method was found
    // in a dict of its MRO, so that dict still holds it.
    Some(unsafe { Value::clone_from_raw_word(cache.get().value) })
}

/// Whether instances of `ty` have no attributes of their own: attribute
/// reads are `object.__getattribute__`'s and there is no instance dict
/// (in a slot or built in, as modules, functions and exceptions have).
fn no_instance_dict(ty: &crate::object::typeobj::TypeObject) -> bool {
    use crate::types::{exceptions, function, module, namespace, typeobject};
    let solid = ty.solid_base();
    ty.dict_slot.get() < 0
        && ty.slots.getattro.get().map(|f| f as *const () as usize) == Some(protocol::generic_getattr as *const () as usize)
        && ![&typeobject::TYPE_TYPE, &module::MODULE_TYPE, &function::FUNCTION_TYPE, &exceptions::BASE_EXCEPTION_TYPE, &namespace::NAMESPACE_TYPE]
            .iter()
            .any(|t| std::ptr::eq(solid, *t))
}

/// LOAD_METHOD: Ok((method, Some(self))) when the attribute is a plain
/// function or method descriptor found on the type; else (attr, None).
fn load_method(ts: &ThreadState, owner: &Value, name: &Value) -> PyResult<(Value, Option<Value>)> {
    let ty = owner.type_of();
    let generic = ty.data.slots.getattro.get().map(|f| f as *const () as usize) == Some(protocol::generic_getattr as *const () as usize);
    if generic {
        if let Some(d) = ty.data.lookup(name) {
            let is_method = d.is_exact(&crate::types::function::FUNCTION_TYPE)
                || d.is_exact(&crate::types::descr::METHOD_DESCR_TYPE) && d.downcast::<crate::types::descr::PyMethodDescr>().is_some_and(|m| m.kind == crate::types::descr::MethodKind::Instance);
            if is_method {
                let shadowed = match protocol::instance_dict(owner) {
                    Some(dict_v) => match dict_v.downcast_exact::<dict::PyDict>() {
                        Some(d) if name.is_exact(&pystr::STR_TYPE) => d.get_str(name).is_some(),
                        _ => dict::dict_get_item(ts, &dict_v, name)?.is_some(),
                    },
                    None => false,
                };
                if !shadowed {
                    if d.is_exact(&crate::types::descr::METHOD_DESCR_TYPE) {
                        if let Some(m) = d.downcast::<crate::types::descr::PyMethodDescr>() {
                            if !owner.type_of().is_subtype(m.owner) {
                                return Ok((protocol::getattr(ts, owner, name)?, None));
                            }
                        }
                    }
                    return Ok((d, Some(owner.clone())));
                }
            }
        }
    }
    Ok((protocol::getattr(ts, owner, name)?, None))
}

fn binary_op(ts: &ThreadState, lhs: &Value, rhs: &Value, op: usize) -> PyResult<Value> {
    if op % nb::INPLACE == nb::ADD && lhs.is_exact(&pystr::STR_TYPE) && rhs.is_exact(&pystr::STR_TYPE) {
        return pystr::str_concat(ts, lhs, rhs);
    }
    if let (Some(a), Some(b)) = (lhs.as_small_int(), rhs.as_small_int()) {
        let r = match op % nb::INPLACE {
            nb::ADD => a.checked_add(b),
            nb::SUBTRACT => a.checked_sub(b),
            nb::MULTIPLY => a.checked_mul(b),
            nb::AND => Some(a & b),
            nb::OR => Some(a | b),
            nb::XOR => Some(a ^ b),
            // Python's floor division and modulo: rounded toward -inf, the
            // remainder taking the divisor's sign.
            nb::FLOOR_DIVIDE if b != 0 => Some(floor_divmod(a, b).0),
            nb::REMAINDER if b != 0 => Some(floor_divmod(a, b).1),
            nb::RSHIFT if b >= 0 => Some(a >> b.min(63)),
            nb::LSHIFT if (0..63).contains(&b) => a.checked_mul(1i64 << b),
            _ => None,
        };
        if let Some(v) = r {
            return Ok(int::from_i64(v));
        }
        // int / int with both exactly representable: correctly rounded.
        const EXACT: i64 = 1 << 53;
        if op % nb::INPLACE == nb::TRUE_DIVIDE && b != 0 && (-EXACT..=EXACT).contains(&a) && (-EXACT..=EXACT).contains(&b) {
            return Ok(float::new_float(a as f64 / b as f64));
        }
    } else if let Some((a, b)) = float_operands(lhs, rhs) {
        let r = match op % nb::INPLACE {
            nb::ADD => Some(a + b),
            nb::SUBTRACT => Some(a - b),
            nb::MULTIPLY => Some(a * b),
            nb::TRUE_DIVIDE if b != 0.0 => Some(a / b),
            // C's pow() for a positive finite base, as float_pow calls it;
            // overflow and the other cases take the general path.
            nb::POWER if a > 0.0 && a.is_finite() && b.is_finite() => Some(a.powf(b)).filter(|r| r.is_finite()),
            _ => None,
        };
        if let Some(v) = r {
            return Ok(float::new_float(v));
        }
    }
    protocol::binary_op(ts, lhs, rhs, op)
}

/// Python's `divmod` of small ints (`b` nonzero): the quotient rounded
/// toward minus infinity, the remainder with the divisor's sign. Small ints
/// have 63 bits, so nothing overflows.
#[inline]
fn floor_divmod(a: i64, b: i64) -> (i64, i64) {
    let (mut q, mut r) = (a / b, a % b);
    if r != 0 && ((r < 0) != (b < 0)) {
        q -= 1;
        r += b;
    }
    (q, r)
}

/// Both operands as floats when one is an exact float and the other an
/// exact float or a small int exactly representable as a double (so the
/// conversion is the one float arithmetic would make).
#[inline]
fn float_operands(lhs: &Value, rhs: &Value) -> Option<(f64, f64)> {
    const EXACT: i64 = 1 << 53;
    let as_f = |v: &Value| -> Option<(f64, bool)> {
        if let Some(i) = v.as_small_int() {
            return (-EXACT..=EXACT).contains(&i).then_some((i as f64, false));
        }
        v.downcast_exact::<float::PyFloat>().map(|f| (f.value, true))
    };
    let (a, fa) = as_f(lhs)?;
    let (b, fb) = as_f(rhs)?;
    (fa || fb).then_some((a, b))
}

/// A comparison of two floats (NaN compares unequal to everything).
#[inline]
fn float_compare(a: f64, b: f64, op: CompareOp) -> bool {
    match op {
        CompareOp::Lt => a < b,
        CompareOp::Le => a <= b,
        CompareOp::Eq => a == b,
        CompareOp::Ne => a != b,
        CompareOp::Gt => a > b,
        CompareOp::Ge => a >= b,
    }
}

/// Unpack `seq` into exactly `n` values, or `n` + a list + `after` values
/// when `after` is given (starred assignment).
fn unpack(ts: &ThreadState, seq: &Value, n: usize, after: Option<usize>) -> PyResult<Vec<Value>> {
    // Subclasses may override __iter__: only exact tuples and lists are read directly.
    let items = if let Some(t) = tuple::try_tuple_items(seq).filter(|_| seq.is_exact(&tuple::TUPLE_TYPE)) {
        t.to_vec()
    } else if let Some(l) = seq.downcast_exact::<list::PyList>() {
        l.snapshot()
    } else {
        let it = protocol::get_iter(ts, seq).map_err(|e| {
            if e.matches(&exc::TYPE_ERROR) {
                PyErr::type_error(format!("cannot unpack non-iterable {} object", protocol::type_name(seq)))
            } else {
                e
            }
        })?;
        let mut out = Vec::new();
        match after {
            None => {
                while let Some(v) = protocol::next(ts, &it)? {
                    out.push(v);
                    if out.len() > n {
                        return Err(PyErr::value_error(format!("too many values to unpack (expected {n})")));
                    }
                }
            }
            Some(_) => {
                while let Some(v) = protocol::next(ts, &it)? {
                    out.push(v);
                }
            }
        }
        out
    };
    match after {
        None => {
            if items.len() < n {
                return Err(PyErr::value_error(format!(
                    "not enough values to unpack (expected {}, got {})",
                    n,
                    items.len()
                )));
            }
            if items.len() > n {
                return Err(PyErr::value_error(format!("too many values to unpack (expected {n})")));
            }
            Ok(items)
        }
        Some(after) => {
            if items.len() < n + after {
                return Err(PyErr::value_error(format!(
                    "not enough values to unpack (expected at least {}, got {})",
                    n + after,
                    items.len()
                )));
            }
            let mut out = Vec::with_capacity(n + after + 1);
            out.extend_from_slice(&items[..n]);
            let mid = items.len() - after;
            out.push(list::new_list(items[n..mid].to_vec())?);
            out.extend_from_slice(&items[mid..]);
            Ok(out)
        }
    }
}

/// `f(*args, **kwargs)`.
pub fn call_ex(ts: &ThreadState, func: &Value, callargs: &Value, kwargs: Option<&Value>) -> PyResult<Value> {
    let mut args = match tuple::try_tuple_items(callargs) {
        Some(t) => t.to_vec(),
        None => protocol::collect(ts, callargs).map_err(|e| {
            if e.matches(&exc::TYPE_ERROR) && callargs.type_of().data.slots.iter.get().is_none() {
                PyErr::type_error(format!(
                    "{} argument after * must be an iterable, not {}",
                    func_description(ts, func),
                    protocol::type_name(callargs)
                ))
            } else {
                e
            }
        })?,
    };
    let mut names = Vec::new();
    if let Some(kw) = kwargs {
        let Some(d) = dict::as_dict(kw) else {
            return Err(PyErr::type_error("kwargs must be a dict"));
        };
        for (k, v) in d.items() {
            names.push(k);
            args.push(v);
        }
    }
    if names.is_empty() {
        protocol::call(ts, func, &args, None)
    } else {
        let kwn = tuple::new_tuple(names)?;
        protocol::call(ts, func, &args, Some(&kwn))
    }
}

/// How CPython names a callable in call errors (_PyObject_FunctionStr):
/// `module.qualname()`, or `qualname()` for builtins.
pub fn func_description(ts: &ThreadState, func: &Value) -> String {
    let qualname = match protocol::getattr_str(ts, func, "__qualname__") {
        Ok(q) => protocol::str_string(ts, &q).unwrap_or_default(),
        Err(_) => return protocol::str_string(ts, func).unwrap_or_default(),
    };
    match protocol::getattr_str(ts, func, "__module__") {
        Ok(m) if !none::is_none(&m) => {
            let m = protocol::str_string(ts, &m).unwrap_or_default();
            if m == "builtins" {
                format!("{qualname}()")
            } else {
                format!("{m}.{qualname}()")
            }
        }
        _ => format!("{qualname}()"),
    }
}

/// DICT_MERGE: `f(**m)` merging, with CPython's duplicate and mapping errors.
fn dict_merge(ts: &ThreadState, d: &Value, update: &Value, func: &Value) -> PyResult<()> {
    let is_mapping = dict::as_dict(update).is_some() || protocol::lookup_attr(ts, update, &pystr::intern("keys"))?.is_some();
    if !is_mapping {
        return Err(PyErr::type_error(format!(
            "{} argument after ** must be a mapping, not {}",
            func_description(ts, func),
            protocol::type_name(update)
        )));
    }
    let keys: Vec<Value> = match dict::as_dict(update) {
        Some(u) => u.keys(),
        None => {
            let k = protocol::call_method(ts, update, "keys", &[])?;
            protocol::collect(ts, &k)?
        }
    };
    for k in keys {
        if pystr::as_pystr(&k).is_none() {
            return Err(PyErr::type_error("keywords must be strings"));
        }
        let v = protocol::getitem(ts, update, &k)?;
        let dd = dict::as_dict(d).ok_or_else(|| PyErr::system_error("DICT_MERGE target"))?;
        if dd.get_item(ts, &k)?.is_some() {
            return Err(PyErr::type_error(format!(
                "{} got multiple values for keyword argument '{}'",
                func_description(ts, func),
                pystr::as_rust_str(&k)
            )));
        }
        dd.set_item(ts, k, v)?;
    }
    Ok(())
}

fn check_except_type(right: &Value) -> PyResult<()> {
    let ok = |v: &Value| exc::is_exception_class(v);
    let valid = match tuple::try_tuple_items(right) {
        Some(items) => items.iter().all(ok),
        None => ok(right),
    };
    if !valid {
        return Err(PyErr::type_error("catching classes that do not inherit from BaseException is not allowed"));
    }
    Ok(())
}

fn check_except_star_type(right: &Value) -> PyResult<()> {
    check_except_type(right)?;
    let is_group = |v: &Value| v.as_type().is_some_and(|t| t.is_subtype(&exc::BASE_EXCEPTION_GROUP_TYPE));
    let bad = match tuple::try_tuple_items(right) {
        Some(items) => items.iter().any(is_group),
        None => is_group(right),
    };
    if bad {
        return Err(PyErr::type_error("catching ExceptionGroup with except* is not allowed. Use except instead."));
    }
    Ok(())
}

/// CHECK_EG_MATCH: split `exc_value` by `match_type` -> (match, rest).
fn exception_group_match(ts: &ThreadState, exc_value: &Value, match_type: &Value) -> PyResult<(Option<Value>, Value)> {
    if none::is_none(exc_value) {
        return Ok((None, none::none()));
    }
    if protocol::isinstance(ts, exc_value, match_type)? {
        // A naked exception matched: wrap it in an ExceptionGroup.
        let is_eg = exc_value.type_of().is_subtype(&exc::BASE_EXCEPTION_GROUP_TYPE);
        let m = if is_eg {
            exc_value.clone()
        } else {
            let excs = tuple::new_tuple(vec![exc_value.clone()])?;
            // CPython 3.11 gives the wrapper no traceback of its own.
            protocol::call(ts, &exc::BASE_EXCEPTION_GROUP_TYPE.to_value(), &[pystr::new_str(""), excs], None)?
        };
        return Ok((Some(m), none::none()));
    }
    if exc_value.type_of().is_subtype(&exc::BASE_EXCEPTION_GROUP_TYPE) {
        let pair = protocol::call_method(ts, exc_value, "split", std::slice::from_ref(match_type))?;
        let items = tuple::tuple_items(&pair);
        if items.len() == 2 {
            let m = if none::is_none(&items[0]) { None } else { Some(items[0].clone()) };
            return Ok((m, items[1].clone()));
        }
    }
    Ok((None, exc_value.clone()))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn opcode_numbering() {
        for (i, op) in compiler::opcode::ALL.iter().enumerate() {
            assert_eq!(*op as usize, i);
            assert_eq!(decode(i as u8), *op);
        }
    }
}
