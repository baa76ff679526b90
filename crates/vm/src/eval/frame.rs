//! Frames (CPython's `_PyInterpreterFrame`) and the per-thread data stack
//! they live on. A frame is a header followed by its "fast locals plus"
//! slots (locals, cells, free variables) and then its value stack, all as
//! `Option<Value>` words. Frames of running calls sit in chunks of the
//! thread's data stack; a generator's frame lives in the generator.

use std::cell::{Cell, RefCell};

use crate::object::value::Value;
use crate::types::code::PyCode;

/// Who owns a frame's memory.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum FrameOwner {
    /// The thread's data stack.
    Thread,
    /// A generator, coroutine or async generator object.
    Generator,
}

#[repr(C)]
pub struct Frame {
    /// The function being run (holds globals, builtins, defaults, closure).
    pub func: Value,
    /// The code object (strong: `func.__code__` may be reassigned).
    pub code: Value,
    pub globals: Value,
    pub builtins: Value,
    /// The locals mapping of class bodies and module-level code (None in functions).
    pub locals: Option<Value>,
    /// The calling frame (null at the bottom).
    pub previous: *mut Frame,
    /// Index (in code units) of the instruction being executed (or last executed).
    pub lasti: Cell<u32>,
    /// Index of the instruction to run when the frame resumes.
    pub ip: Cell<u32>,
    /// Number of live value-stack entries while the frame is suspended.
    pub stacktop: Cell<u32>,
    /// The frame object, once someone asked for one.
    pub frame_obj: RefCell<Option<Value>>,
    pub owner: FrameOwner,
    /// Entered from native code: returning from it leaves the eval loop.
    pub is_entry: Cell<bool>,
    pub nlocalsplus: u32,
    pub stacksize: u32,
}

/// Words of a frame header.
pub const HEADER_WORDS: usize = std::mem::size_of::<Frame>().div_ceil(8);

impl Frame {
    /// The code object's payload.
    #[inline]
    pub fn code(&self) -> &PyCode {
        // SAFETY: `code` always holds a code object (checked at creation).
        unsafe { self.code.payload_unchecked::<PyCode>() }
    }

    /// Pointer to the first fast-local slot (right after the header).
    #[inline]
    pub fn localsplus(&self) -> *mut Option<Value> {
        // SAFETY: frames are always allocated with HEADER_WORDS + slots.
        unsafe { (self as *const Frame as *mut u64).add(HEADER_WORDS) as *mut Option<Value> }
    }

    /// The fast-local slots.
    pub fn locals_slice(&self) -> &[Option<Value>] {
        // SAFETY: the first `nlocalsplus` slots are initialized for the
        // frame's whole life.
        unsafe { std::slice::from_raw_parts(self.localsplus(), self.nlocalsplus as usize) }
    }

    /// Pointer to the bottom of the value stack.
    #[inline]
    pub fn stack_base(&self) -> *mut Option<Value> {
        // SAFETY: the stack follows the fast locals inside the allocation.
        unsafe { self.localsplus().add(self.nlocalsplus as usize) }
    }

    /// Words needed for a frame of this code.
    pub fn size_words(code: &PyCode) -> usize {
        HEADER_WORDS + code.nlocalsplus + code.code.co_stacksize as usize
    }

    /// The line being executed.
    pub fn lineno(&self) -> i32 {
        let loc = self.code().code.location_of(self.lasti.get() as usize);
        if loc.lineno < 0 {
            self.code().code.co_firstlineno as i32
        } else {
            loc.lineno
        }
    }
}

const CHUNK_WORDS: usize = 1 << 16;

/// The frames of one thread: chunks of memory allocated in stack order.
pub struct DataStack {
    chunks: RefCell<Vec<Box<[u64]>>>,
    /// (chunk index, next free word) for allocation.
    top: Cell<(usize, usize)>,
    /// Allocation marks, to pop back to.
    marks: RefCell<Vec<(usize, usize)>>,
}

impl DataStack {
    pub fn new() -> DataStack {
        DataStack { chunks: RefCell::new(Vec::new()), top: Cell::new((0, 0)), marks: RefCell::new(Vec::new()) }
    }

    /// Room for `words` words; the memory stays put until `pop`.
    pub fn push(&self, words: usize) -> Option<*mut u64> {
        // A frame is about to start: a safe point for a collection an
        // allocation had to postpone.
        crate::gc::run_pending();
        let (mut ci, mut off) = self.top.get();
        let mut chunks = self.chunks.borrow_mut();
        loop {
            if ci < chunks.len() {
                if off + words <= chunks[ci].len() {
                    let p = chunks[ci][off..].as_mut_ptr();
                    self.marks.borrow_mut().push(self.top.get());
                    self.top.set((ci, off + words));
                    return Some(p);
                }
                ci += 1;
                off = 0;
                continue;
            }
            let size = CHUNK_WORDS.max(words);
            let mut v = Vec::new();
            if v.try_reserve_exact(size).is_err() {
                return None;
            }
            v.resize(size, 0u64);
            chunks.push(v.into_boxed_slice());
        }
    }

    /// Release the most recent allocation.
    pub fn pop(&self) {
        if let Some(m) = self.marks.borrow_mut().pop() {
            self.top.set(m);
        }
    }
}

impl Default for DataStack {
    fn default() -> Self {
        DataStack::new()
    }
}
