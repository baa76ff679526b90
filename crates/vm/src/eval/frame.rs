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

/// A reference that does not count: it reads like a `&Value` (and
/// `.clone()` gives an owned Value) but is never released. The owner of the
/// referent must outlive it.
#[repr(transparent)]
pub struct Borrowed(std::mem::ManuallyDrop<Value>);

impl Borrowed {
    /// # Safety
    /// `v` stays alive as long as the result is used.
    pub unsafe fn new(v: &Value) -> Borrowed {
        // SAFETY: a bitwise copy that is never dropped owns nothing.
        Borrowed(std::mem::ManuallyDrop::new(unsafe { std::ptr::read(v) }))
    }
}

impl std::ops::Deref for Borrowed {
    type Target = Value;
    fn deref(&self) -> &Value {
        &self.0
    }
}

#[repr(C)]
pub struct Frame {
    /// The function being run (holds globals, builtins, defaults, closure).
    pub func: Value,
    /// The code object (strong: `func.__code__` may be reassigned).
    pub code: Value,
    /// Borrowed from `func` (whose globals and builtins never change): the
    /// frame holds `func`, so these need no reference counts of their own.
    pub globals: Borrowed,
    pub builtins: Borrowed,
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
    /// Runs `__init__` for an instantiation inlined by CALL: the caller
    /// already holds the new instance, and the return value must be None.
    pub is_init: Cell<bool>,
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
        let lineno = self.code().lineno_at(self.lasti.get() as usize);
        if lineno < 0 {
            self.code().code.co_firstlineno as i32
        } else {
            lineno
        }
    }
}

const CHUNK_WORDS: usize = 1 << 16;

/// One chunk of a thread's data stack, and where the stack top was in the
/// previous chunk when this one was entered.
struct Chunk {
    words: Box<[u64]>,
    prev_top: *mut u64,
}

/// The frames of one thread: a bump allocator over chunks of memory, used
/// in stack order (CPython's datastack chunks). Pushing and popping a frame
/// is a comparison and an add on the fast path.
pub struct DataStack {
    chunks: RefCell<Vec<Chunk>>,
    /// Chunks in use (the last of them holds `top`).
    in_use: Cell<usize>,
    /// Next free word, the end and the start of the current chunk (all null
    /// before the first push).
    top: Cell<*mut u64>,
    limit: Cell<*mut u64>,
    base: Cell<*mut u64>,
}

impl DataStack {
    pub fn new() -> DataStack {
        DataStack {
            chunks: RefCell::new(Vec::new()),
            in_use: Cell::new(0),
            top: Cell::new(std::ptr::null_mut()),
            limit: Cell::new(std::ptr::null_mut()),
            base: Cell::new(std::ptr::null_mut()),
        }
    }

    /// Room for `words` words; the memory stays put until it is popped.
    #[inline]
    pub fn push(&self, words: usize) -> Option<*mut u64> {
        // A frame is about to start: a safe point for a collection an
        // allocation had to postpone.
        crate::gc::run_pending();
        let top = self.top.get();
        if !top.is_null() && (self.limit.get() as usize - top as usize) / 8 >= words {
            // SAFETY: `top + words` is within the current chunk (checked).
            self.top.set(unsafe { top.add(words) });
            return Some(top);
        }
        self.push_slow(words)
    }

    /// Move to the next chunk (allocating it if needed).
    #[cold]
    fn push_slow(&self, words: usize) -> Option<*mut u64> {
        let mut chunks = self.chunks.borrow_mut();
        let idx = self.in_use.get();
        if idx < chunks.len() && chunks[idx].words.len() < words {
            chunks.truncate(idx);
        }
        if idx == chunks.len() {
            let size = CHUNK_WORDS.max(words);
            // Zeroed by the allocator, which gets fresh pages from the OS
            // already zero: writing zeros would touch the whole chunk.
            let layout = std::alloc::Layout::array::<u64>(size).ok()?;
            // SAFETY: the layout's size is not zero (size >= CHUNK_WORDS).
            let p = unsafe { std::alloc::alloc_zeroed(layout) }.cast::<u64>();
            if p.is_null() {
                return None;
            }
            // SAFETY: `p` is a global-allocator block of `layout`, which is
            // the layout of `[u64; size]`, and zeroed words are valid u64s.
            let words = unsafe { Box::from_raw(std::ptr::slice_from_raw_parts_mut(p, size)) };
            chunks.push(Chunk { words, prev_top: std::ptr::null_mut() });
        }
        let chunk = &mut chunks[idx];
        chunk.prev_top = self.top.get();
        let base = chunk.words.as_mut_ptr();
        // SAFETY: the chunk has at least `words` words.
        unsafe {
            self.top.set(base.add(words));
            self.limit.set(base.add(chunk.words.len()));
        }
        self.base.set(base);
        self.in_use.set(idx + 1);
        Some(base)
    }

    /// Release the most recent allocation, which starts at `p`.
    #[inline]
    pub fn pop(&self, p: *mut u64) {
        if std::ptr::eq(p, self.base.get()) {
            self.pop_chunk();
        } else {
            self.top.set(p);
        }
    }

    /// Leave the current chunk: back to where the previous one was.
    #[cold]
    fn pop_chunk(&self) {
        let chunks = self.chunks.borrow();
        let idx = self.in_use.get();
        self.top.set(chunks[idx - 1].prev_top);
        self.in_use.set(idx - 1);
        let (base, limit) = if idx >= 2 {
            let w = &chunks[idx - 2].words;
            let b = w.as_ptr() as *mut u64;
            // SAFETY: one past the end of the chunk's allocation.
            (b, unsafe { b.add(w.len()) })
        } else {
            (std::ptr::null_mut(), std::ptr::null_mut())
        };
        self.base.set(base);
        self.limit.set(limit);
    }
}

impl Default for DataStack {
    fn default() -> Self {
        DataStack::new()
    }
}
