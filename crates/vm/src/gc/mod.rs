//! The cycle collector (CPython's Modules/gcmodule.c algorithm).
//!
//! Objects of types flagged `TPFLAGS_HAVE_GC` are allocated with a `GcHead`
//! in front of their object header, so atoms (ints, floats, strs) pay
//! nothing. A tracked object sits in one of three generation lists
//! (circular, doubly linked, so tracking and untracking are O(1)). A
//! collection of generation `g` merges the younger lists into `g`, computes
//! for each object the references that do not come from inside the set
//! (refcount minus internal references, found with each type's traverse),
//! and moves everything not reachable from an object with external
//! references to an "unreachable" list. Weak references to those objects
//! are cleared (callbacks run), finalizers run once (PEP 442), objects that
//! were resurrected are kept, and the rest have their references dropped
//! (the type's clear), which frees the cycles by reference counting.
//!
//! Automatic collections start when the count of allocations minus
//! deallocations of tracked objects exceeds the first threshold (700).
//! Most allocations are not points where native code expects Python code
//! to run, so a collection started there only frees garbage that needs no
//! Python code; garbage with finalizers or weakref callbacks (or registered
//! `gc.callbacks`) is kept and a collection is scheduled for the next safe
//! point: a Python frame being pushed (`run_pending`) or the allocation of
//! a class instance (made on the way to `__new__`/`__init__`), where
//! collections run in full as CPython's do.
//!
//! The state is per OS thread (one interpreter runs on one thread here,
//! so this is CPython's per-interpreter `gcstate`); it is leaked so that
//! objects outliving their thread can still unlink themselves, and only one
//! collection runs at a time in the process.

pub mod sizeof;
pub mod traverse;

use std::cell::Cell;
use std::mem::ManuallyDrop;
use std::ptr;

use crate::object::typeobj::TPFLAGS_HAVE_GC;
use crate::object::value::{ObjHeader, Value, IMMORTAL_REFCNT};
use crate::runtime::thread::ThreadState;

/// The cycle collector's links, placed before the object header of tracked
/// types (CPython's PyGC_Head).
#[repr(C)]
pub struct GcHead {
    /// Next in the generation list; null while untracked.
    next: Cell<*mut GcHead>,
    prev: Cell<*mut GcHead>,
    /// Flag bits, and during a collection the count of references from
    /// outside the examined set (shifted by `REFS_SHIFT`).
    state: Cell<usize>,
}

/// Bytes in front of the object header of a GC object.
pub const GC_HEAD_SIZE: usize = std::mem::size_of::<GcHead>();

/// The finalizer (`__del__`) has run (PEP 442: it never runs twice).
const FINALIZED: usize = 1;
/// Weak references to the object exist (they are listed in `weakref`'s table).
pub(crate) const HAS_WEAKREFS: usize = 2;
/// In the set being collected.
const COLLECTING: usize = 4;
/// Tentatively unreachable (in the unreachable list).
const UNREACHABLE: usize = 8;
const FLAG_MASK: usize = 15;
const REFS_SHIFT: u32 = 4;

/// Debug flags, CPython's values.
pub const DEBUG_STATS: u32 = 1;
pub const DEBUG_COLLECTABLE: u32 = 2;
pub const DEBUG_UNCOLLECTABLE: u32 = 4;
pub const DEBUG_SAVEALL: u32 = 32;
pub const DEBUG_LEAK: u32 = DEBUG_COLLECTABLE | DEBUG_UNCOLLECTABLE | DEBUG_SAVEALL;

const NUM_GENERATIONS: usize = 3;

impl GcHead {
    const fn empty() -> GcHead {
        GcHead { next: Cell::new(ptr::null_mut()), prev: Cell::new(ptr::null_mut()), state: Cell::new(0) }
    }

    #[inline]
    fn refs(&self) -> isize {
        (self.state.get() >> REFS_SHIFT) as isize
    }

    #[inline]
    fn set_refs(&self, n: usize) {
        self.state.set((n << REFS_SHIFT) | (self.state.get() & FLAG_MASK));
    }

    #[inline]
    fn flag(&self, f: usize) -> bool {
        self.state.get() & f != 0
    }

    #[inline]
    fn set_flag(&self, f: usize) {
        self.state.set(self.state.get() | f);
    }

    #[inline]
    fn clear_flag(&self, f: usize) {
        self.state.set(self.state.get() & !f);
    }
}

/// Per-generation statistics (`gc.get_stats()`).
#[derive(Clone, Copy, Default)]
struct GenStats {
    collections: usize,
    collected: usize,
    uncollectable: usize,
}

struct Generation {
    head: GcHead,
    threshold: Cell<u32>,
    count: Cell<u32>,
    stats: Cell<GenStats>,
}

impl Generation {
    const fn new(threshold: u32) -> Generation {
        Generation {
            head: GcHead::empty(),
            threshold: Cell::new(threshold),
            count: Cell::new(0),
            stats: Cell::new(GenStats { collections: 0, collected: 0, uncollectable: 0 }),
        }
    }
}

/// The collector's state (CPython's `struct _gc_runtime_state`).
struct GcState {
    generations: [Generation; NUM_GENERATIONS],
    /// Objects moved out of collection by `gc.freeze()`.
    permanent: GcHead,
    /// Objects the runtime made once for the process (the static types'
    /// dicts): they live until the process ends, so no collection needs to
    /// examine them (see `keep_for_process`).
    process: GcHead,
    enabled: Cell<bool>,
    collecting: Cell<bool>,
    debug: Cell<u32>,
    /// Objects that survived generation 1 since the last full collection,
    /// and the size of generation 2 after it (to keep full collections
    /// rare when the heap grows: CPython's issue #4074 rule).
    long_lived_pending: Cell<usize>,
    long_lived_total: Cell<usize>,
    /// `gc.garbage` and `gc.callbacks` (owned references, leaked raw words; 0: not created yet).
    garbage: Cell<usize>,
    callbacks: Cell<usize>,
    /// Generation a deferred collection should examine (-1: none pending).
    pending: Cell<i32>,
}

impl GcState {
    const fn new() -> GcState {
        GcState {
            generations: [Generation::new(700), Generation::new(10), Generation::new(10)],
            permanent: GcHead::empty(),
            process: GcHead::empty(),
            enabled: Cell::new(true),
            collecting: Cell::new(false),
            debug: Cell::new(0),
            long_lived_pending: Cell::new(0),
            long_lived_total: Cell::new(0),
            garbage: Cell::new(0),
            callbacks: Cell::new(0),
            pending: Cell::new(-1),
        }
    }
}

thread_local! {
    /// This thread's collector state. It is leaked, never freed: objects a
    /// thread created may outlive it and must still be able to unlink
    /// themselves from its lists.
    static GC: Cell<*const GcState> = const { Cell::new(ptr::null()) };
}

/// Set while any thread runs a collection: with threads taking turns on the
/// GIL (finalizers run Python code), a second collection must not start and
/// see the first one's marks.
static COLLECTION_RUNNING: std::sync::atomic::AtomicBool = std::sync::atomic::AtomicBool::new(false);

#[inline]
fn state() -> &'static GcState {
    let p = GC.with(|g| g.get());
    if p.is_null() {
        return init_state();
    }
    // SAFETY: the state is leaked (lives for the process) and only this
    // thread uses it.
    unsafe { &*p }
}

#[cold]
fn init_state() -> &'static GcState {
    let g: &'static GcState = Box::leak(Box::new(GcState::new()));
    for gen in &g.generations {
        list_init(&gen.head);
    }
    list_init(&g.permanent);
    list_init(&g.process);
    GC.with(|c| c.set(g));
    g
}

/// Start a collection on this thread, unless one is running (here or on
/// another thread).
fn begin_collection(g: &GcState) -> bool {
    use std::sync::atomic::Ordering;
    if g.collecting.get() {
        return false;
    }
    if COLLECTION_RUNNING.compare_exchange(false, true, Ordering::Acquire, Ordering::Relaxed).is_err() {
        return false;
    }
    g.collecting.set(true);
    true
}

fn end_collection(g: &GcState) {
    g.collecting.set(false);
    COLLECTION_RUNNING.store(false, std::sync::atomic::Ordering::Release);
}

// ---- intrusive lists ----

fn list_init(h: &GcHead) {
    let p = h as *const GcHead as *mut GcHead;
    h.next.set(p);
    h.prev.set(p);
}

#[inline]
fn list_is_empty(h: &GcHead) -> bool {
    ptr::eq(h.next.get(), h)
}

/// Link `node` at the end of `list`.
///
/// # Safety
/// `node` is an unlinked head and `list` an initialized list head.
#[inline]
unsafe fn list_append(node: *mut GcHead, list: &GcHead) {
    // SAFETY: all pointers are live heads of the same thread's lists.
    unsafe {
        let last = list.prev.get();
        (*node).prev.set(last);
        (*node).next.set(list as *const GcHead as *mut GcHead);
        (*last).next.set(node);
        list.prev.set(node);
    }
}

/// Unlink `node` from its list (it becomes untracked).
///
/// # Safety
/// `node` is linked in a list.
#[inline]
unsafe fn list_remove(node: *mut GcHead) {
    // SAFETY: a linked node's neighbours are live heads.
    unsafe {
        let p = (*node).prev.get();
        let n = (*node).next.get();
        (*p).next.set(n);
        (*n).prev.set(p);
        (*node).next.set(ptr::null_mut());
    }
}

/// # Safety
/// `node` is linked in a list.
#[inline]
unsafe fn list_move(node: *mut GcHead, to: &GcHead) {
    // SAFETY: forwarded.
    unsafe {
        list_remove(node);
        list_append(node, to);
    }
}

/// Move every node of `from` to the end of `to`.
fn list_merge(from: &GcHead, to: &GcHead) {
    if list_is_empty(from) {
        return;
    }
    // SAFETY: both are initialized lists of live heads.
    unsafe {
        let first = from.next.get();
        let last = from.prev.get();
        let tail = to.prev.get();
        (*tail).next.set(first);
        (*first).prev.set(tail);
        (*last).next.set(to as *const GcHead as *mut GcHead);
        to.prev.set(last);
    }
    list_init(from);
}

fn list_size(h: &GcHead) -> usize {
    let mut n = 0;
    let mut p = h.next.get();
    while !ptr::eq(p, h) {
        n += 1;
        // SAFETY: list nodes are live heads.
        p = unsafe { (*p).next.get() };
    }
    n
}

// ---- object <-> head ----

#[inline]
fn obj_of(h: *mut GcHead) -> *const ObjHeader {
    (h as *mut u8).wrapping_add(GC_HEAD_SIZE) as *const ObjHeader
}

#[inline]
pub(crate) fn head_of(o: *const ObjHeader) -> *mut GcHead {
    (o as *mut u8).wrapping_sub(GC_HEAD_SIZE) as *mut GcHead
}

/// A borrowed Value for an object in a list (not counted).
#[inline]
fn borrowed(h: *mut GcHead) -> ManuallyDrop<Value> {
    // SAFETY: list members are live objects; ManuallyDrop keeps the
    // borrowed reference from being released.
    ManuallyDrop::new(unsafe { Value::from_raw(obj_of(h)) })
}

/// The GC head of `v`, if it has one (a heap object of a GC type).
#[inline]
pub(crate) fn gc_head(v: &Value) -> Option<*mut GcHead> {
    let o = v.header_raw()?;
    // SAFETY: `v` keeps the object alive; its type outlives it.
    unsafe {
        if (*o).refcnt_raw() >= IMMORTAL_REFCNT || !(*(*o).type_ptr()).data.has_flag(TPFLAGS_HAVE_GC) {
            return None;
        }
    }
    Some(head_of(o))
}

/// Whether `v` is tracked by the collector.
pub fn is_tracked(v: &Value) -> bool {
    // SAFETY: a head returned by `gc_head` belongs to a live object.
    gc_head(v).is_some_and(|h| unsafe { !(*h).next.get().is_null() })
}

/// Whether the finalizer of `v` has run (PEP 442).
pub fn is_finalized(v: &Value) -> bool {
    // SAFETY: as in `is_tracked`.
    gc_head(v).is_some_and(|h| unsafe { (*h).flag(FINALIZED) })
}

/// Stop tracking `v` (CPython's PyObject_GC_UnTrack).
pub fn untrack(v: &Value) {
    if let Some(h) = gc_head(v) {
        // SAFETY: the head is live; untracking an untracked object is a no-op.
        unsafe {
            if !(*h).next.get().is_null() {
                list_remove(h);
            }
        }
    }
}

/// Start tracking `v` in the youngest generation (CPython's PyObject_GC_Track).
pub fn track(v: &Value) {
    if let Some(h) = gc_head(v) {
        // SAFETY: the head is live and, if untracked, unlinked.
        unsafe {
            if (*h).next.get().is_null() {
                list_append(h, &state().generations[0].head);
            }
        }
    }
}

// ---- allocation hooks (called from object/value.rs) ----

/// Link a freshly allocated GC object (its head is uninitialized memory),
/// count it, and collect when the count passes the threshold. The new
/// object's only reference is its creator's, which the collector sees as
/// external, so it survives. `safe`: the allocation is an instance of a
/// class, made on the way to calling Python code (`__new__`/`__init__`),
/// so the collection may run finalizers and callbacks.
///
/// # Safety
/// `h` is the head of a new, fully initialized object.
#[inline]
pub(crate) unsafe fn link_new(h: *mut GcHead, safe: bool) {
    let g = state();
    let gen0 = &g.generations[0];
    // SAFETY: `h` points to writable head memory owned by the new object.
    unsafe {
        h.write(GcHead::empty());
        list_append(h, &gen0.head);
    }
    let c = gen0.count.get() + 1;
    gen0.count.set(c);
    if c > gen0.threshold.get() && g.enabled.get() && gen0.threshold.get() != 0 && !g.collecting.get() {
        collect_generations(g, safe);
    } else if safe && g.pending.get() >= 0 {
        run_pending_slow(g);
    }
}

/// Called when a GC object's count reached zero, before its finalizer and
/// deallocator: untrack it.
///
/// # Safety
/// `o` is a GC object being destroyed.
#[inline]
pub(crate) unsafe fn on_destroy(o: *const ObjHeader) {
    let h = head_of(o);
    // SAFETY: GC objects have a head before the header.
    unsafe {
        if !(*h).next.get().is_null() {
            list_remove(h);
        }
    }
}

/// Track again an object being destroyed (its finalizer may resurrect it).
///
/// # Safety
/// `o` is a GC object, currently untracked.
pub(crate) unsafe fn retrack(o: *const ObjHeader) {
    let h = head_of(o);
    // SAFETY: GC objects have a head; an untracked head is unlinked.
    unsafe {
        if (*h).next.get().is_null() {
            list_append(h, &state().generations[0].head);
        }
    }
}

/// Called when a GC object's memory is freed.
#[inline]
pub(crate) fn on_free() {
    let g = state();
    let gen0 = &g.generations[0];
    let c = gen0.count.get();
    if c > 0 {
        gen0.count.set(c - 1);
    }
}

/// Mark the finalizer of `o` as run; false if it had already run.
///
/// # Safety
/// `o` is a live GC object.
pub(crate) unsafe fn mark_finalized(o: *const ObjHeader) -> bool {
    let h = head_of(o);
    // SAFETY: GC objects have a head.
    unsafe {
        if (*h).flag(FINALIZED) {
            return false;
        }
        (*h).set_flag(FINALIZED);
    }
    true
}

/// Whether weak references to `o` may exist.
///
/// # Safety
/// `o` is a live GC object.
#[inline]
pub(crate) unsafe fn has_weakrefs(o: *const ObjHeader) -> bool {
    // SAFETY: GC objects have a head.
    unsafe { (*head_of(o)).flag(HAS_WEAKREFS) }
}

/// Record whether weak references to `v` exist.
pub(crate) fn set_has_weakrefs(v: &Value, on: bool) {
    if let Some(h) = gc_head(v) {
        // SAFETY: live head.
        unsafe {
            if on {
                (*h).set_flag(HAS_WEAKREFS)
            } else {
                (*h).clear_flag(HAS_WEAKREFS)
            }
        }
    }
}

/// Whether `v` has the weak-references flag.
pub(crate) fn has_weakrefs_flag(v: &Value) -> bool {
    // SAFETY: live head.
    gc_head(v).is_some_and(|h| unsafe { (*h).flag(HAS_WEAKREFS) })
}

/// Whether `v` is in the unreachable set of the running collection.
pub(crate) fn in_unreachable(v: &Value) -> bool {
    // SAFETY: live head.
    gc_head(v).is_some_and(|h| unsafe { (*h).flag(UNREACHABLE) })
}

/// A strong reference to the weak referent at address `w`, unless it is
/// being destroyed (count zero: it may sit in the deallocation queue).
pub(crate) fn upgrade_weak(w: usize) -> Option<Value> {
    let o = w as *const ObjHeader;
    // SAFETY: a referent stays registered (so `w` stays valid) until its
    // deallocator clears its weak references, which happens before its
    // memory is freed.
    unsafe {
        if (*o).refcnt_raw() == 0 {
            return None;
        }
        Some(Value::from_borrowed_ptr(o))
    }
}

/// A strong reference to a registered weak reference object known by its
/// address, unless it is being destroyed (count zero: it may sit in the
/// deallocation queue, and reviving it would free it twice).
pub(crate) fn upgrade_registered(addr: usize) -> Option<Value> {
    let o = addr as *const ObjHeader;
    // SAFETY: weak reference objects unregister themselves before their
    // memory is freed, so a registered address is valid.
    unsafe {
        if (*o).refcnt_raw() == 0 {
            return None;
        }
        Some(Value::from_borrowed_ptr(o))
    }
}

/// Report the references held by a frame stored in `mem` (a generator's
/// frame memory, laid out as `eval::frame::Frame` then its slots, not
/// being executed): the header's values and every slot.
pub(crate) fn traverse_frame_memory(mem: &[u64], visit: &mut dyn FnMut(&Value)) {
    use crate::eval::frame::{Frame, HEADER_WORDS};
    if mem.len() < HEADER_WORDS {
        return;
    }
    // SAFETY: the caller passes a generator's frame memory, which starts
    // with an initialized Frame header, then the fast locals (all
    // initialized) and the value stack, of which only the slots below the
    // saved `stacktop` were written (the rest may be garbage).
    unsafe {
        let f = &*(mem.as_ptr() as *const Frame);
        visit(&f.func);
        visit(&f.code);
        visit(&f.globals);
        visit(&f.builtins);
        if let Some(l) = &f.locals {
            visit(l);
        }
        if let Ok(fo) = f.frame_obj.try_borrow() {
            if let Some(x) = &*fo {
                visit(x);
            }
        }
        let n = (f.nlocalsplus as usize + (f.stacktop.get() as usize).min(f.stacksize as usize)).min(mem.len() - HEADER_WORDS);
        let slots = std::slice::from_raw_parts(f.localsplus() as *const Option<Value>, n);
        for x in slots.iter().flatten() {
            visit(x);
        }
    }
}

// ---- traversal ----

/// Report each reference `obj` holds (CPython's tp_traverse).
pub fn traverse_object(obj: &Value, visit: &mut dyn FnMut(&Value)) {
    traverse::traverse(obj, visit)
}

/// Visit the GC head of each tracked referent that is in the set being collected.
#[inline]
fn collecting_head(v: &Value) -> Option<*mut GcHead> {
    let h = gc_head(v)?;
    // SAFETY: live head.
    if unsafe { (*h).flag(COLLECTING) } { Some(h) } else { None }
}

/// gc_refs := refcount for each object in `containers`, marking them as collecting.
fn update_refs(containers: &GcHead) {
    let mut p = containers.next.get();
    while !ptr::eq(p, containers) {
        // SAFETY: list members are live objects with heads.
        unsafe {
            let rc = (*obj_of(p)).refcnt_raw();
            (*p).state.set(((*p).state.get() & (FINALIZED | HAS_WEAKREFS)) | COLLECTING | (rc << REFS_SHIFT));
            p = (*p).next.get();
        }
    }
}

/// Subtract the references coming from inside `containers`.
fn subtract_refs(containers: &GcHead) {
    let mut p = containers.next.get();
    while !ptr::eq(p, containers) {
        let obj = borrowed(p);
        traverse_object(&obj, &mut |v| {
            if let Some(h) = collecting_head(v) {
                // SAFETY: live head in the collected set.
                unsafe {
                    let r = (*h).refs();
                    if r > 0 {
                        (*h).set_refs(r as usize - 1);
                    }
                }
            }
        });
        // SAFETY: `p` is still linked (traversal changes no lists).
        p = unsafe { (*p).next.get() };
    }
}

/// Move the objects of `young` that are not reachable from an object with
/// external references to `unreachable`.
fn move_unreachable(young: &GcHead, unreachable: &GcHead) {
    let mut p = young.next.get();
    while !ptr::eq(p, young) {
        // SAFETY: members are live heads; moves keep both lists well formed.
        unsafe {
            if (*p).refs() > 0 {
                let obj = borrowed(p);
                traverse_object(&obj, &mut |v| {
                    if let Some(h) = collecting_head(v) {
                        if (*h).flag(UNREACHABLE) {
                            // Reachable after all: back to young, to be scanned.
                            (*h).clear_flag(UNREACHABLE);
                            list_move(h, young);
                            (*h).set_refs(1);
                        } else if (*h).refs() == 0 {
                            (*h).set_refs(1);
                        }
                    }
                });
                // Reachable and scanned: later visits leave it alone.
                (*p).clear_flag(COLLECTING);
                p = (*p).next.get();
            } else {
                let next = (*p).next.get();
                (*p).set_flag(UNREACHABLE);
                list_move(p, unreachable);
                p = next;
            }
        }
    }
}

fn deduce_unreachable(young: &GcHead, unreachable: &GcHead) {
    update_refs(young);
    subtract_refs(young);
    move_unreachable(young, unreachable);
}

/// Clear the collecting/unreachable marks of every object of `list`.
fn clear_marks(list: &GcHead) {
    let mut p = list.next.get();
    while !ptr::eq(p, list) {
        // SAFETY: live heads.
        unsafe {
            (*p).clear_flag(COLLECTING | UNREACHABLE);
            p = (*p).next.get();
        }
    }
}

/// Untrack tuples whose items can never be part of a cycle.
fn untrack_tuples(list: &GcHead) {
    let mut p = list.next.get();
    while !ptr::eq(p, list) {
        // SAFETY: live heads; the current node is unlinked only after we
        // read its successor.
        unsafe {
            let next = (*p).next.get();
            let obj = borrowed(p);
            if obj.is_exact(&crate::types::tuple::TUPLE_TYPE) && crate::types::tuple::tuple_items(&obj).iter().all(|x| !may_be_tracked(x)) {
                list_remove(p);
            }
            p = next;
        }
    }
}

/// CPython's _PyObject_GC_MAY_BE_TRACKED.
pub(crate) fn may_be_tracked(v: &Value) -> bool {
    if gc_head(v).is_none() {
        return false;
    }
    if v.is_exact(&crate::types::tuple::TUPLE_TYPE) {
        return is_tracked(v);
    }
    true
}

/// Whether some object in `list` needs Python code to be destroyed.
fn needs_python(list: &GcHead) -> bool {
    let mut p = list.next.get();
    while !ptr::eq(p, list) {
        // SAFETY: live heads.
        unsafe {
            if (*p).flag(HAS_WEAKREFS) {
                return true;
            }
            if !(*p).flag(FINALIZED) && (*(*obj_of(p)).type_ptr()).data.has_finalizer() {
                return true;
            }
            p = (*p).next.get();
        }
    }
    false
}

/// Run the finalizers of the objects of `list` that have not run one.
fn finalize_garbage(list: &GcHead) {
    let seen = GcHead::empty();
    list_init(&seen);
    while !list_is_empty(list) {
        let p = list.next.get();
        // SAFETY: the first node is a live head; the finalizer may free or
        // move other objects, but `seen` and `list` stay well formed.
        unsafe {
            list_move(p, &seen);
            let ty = &(*(*obj_of(p)).type_ptr()).data;
            if !(*p).flag(FINALIZED) && ty.has_finalizer() {
                (*p).set_flag(FINALIZED);
                let obj = Value::from_borrowed_ptr(obj_of(p));
                crate::object::typeobj::call_finalizer(&obj);
                drop(obj);
            }
        }
    }
    list_merge(&seen, list);
    // `seen` is a stack value: make sure nothing points at it any more.
    debug_assert!(list_is_empty(&seen));
}

/// Drop the references of the garbage (the type's clear) so reference
/// counting frees it; objects that survive go to `old`.
fn delete_garbage(g: &GcState, collectable: &GcHead, old: &GcHead) {
    let saveall = g.debug.get() & DEBUG_SAVEALL != 0;
    while !list_is_empty(collectable) {
        let p = collectable.next.get();
        // SAFETY: the first node is live; clearing may free it (which
        // unlinks it) or others.
        unsafe {
            let obj = Value::from_borrowed_ptr(obj_of(p));
            if saveall {
                if let Some(l) = garbage_list(g).downcast::<crate::types::list::PyList>() {
                    if let Ok(mut items) = l.items.try_borrow_mut() {
                        items.push(obj.clone());
                    }
                }
            } else {
                traverse::clear(&obj);
            }
            if ptr::eq(collectable.next.get(), p) {
                // Still alive: it may die later.
                (*p).clear_flag(COLLECTING | UNREACHABLE);
                list_move(p, old);
            }
            drop(obj);
        }
    }
}

fn garbage_list(g: &GcState) -> Value {
    owned_list(&g.garbage)
}

fn callbacks_list(g: &GcState) -> Value {
    owned_list(&g.callbacks)
}

fn owned_list(cell: &Cell<usize>) -> Value {
    let w = cell.get();
    if w == 0 {
        match crate::types::list::new_list(Vec::new()) {
            Ok(l) => {
                let w2 = l.clone().into_raw() as usize;
                cell.set(w2);
                return l;
            }
            Err(_) => return crate::types::none::none(),
        }
    }
    // SAFETY: the cell owns a reference (leaked by into_raw) that is never released.
    unsafe { Value::clone_from_raw_word(w) }
}

/// Collect generation `generation`; returns the number of unreachable
/// objects found (collected plus uncollectable), or None when the
/// collection was deferred to a safe point.
fn collect_main(g: &GcState, generation: usize, safe: bool) -> Option<usize> {
    let gens = &g.generations;
    let started = (g.debug.get() & DEBUG_STATS != 0).then(std::time::Instant::now);
    if g.debug.get() & DEBUG_STATS != 0 {
        let counts: Vec<String> = gens.iter().map(|x| list_size(&x.head).to_string()).collect();
        debug_print(&format!("gc: collecting generation {generation}...\ngc: objects in each generation: {}\ngc: objects in permanent generation: {}\n", counts.join(" "), list_size(&g.permanent)));
    }
    // Counts: this generation and the younger ones restart; the next one
    // gains a collection.
    if generation + 1 < NUM_GENERATIONS {
        let c = &gens[generation + 1].count;
        c.set(c.get() + 1);
    }
    for gen in gens.iter().take(generation + 1) {
        gen.count.set(0);
    }
    for i in 0..generation {
        list_merge(&gens[i].head, &gens[generation].head);
    }
    let young = &gens[generation].head;
    let old = if generation + 1 < NUM_GENERATIONS { &gens[generation + 1].head } else { young };

    let unreachable = GcHead::empty();
    list_init(&unreachable);
    deduce_unreachable(young, &unreachable);
    untrack_tuples(young);
    if !ptr::eq(young, old) {
        if generation == NUM_GENERATIONS - 2 {
            g.long_lived_pending.set(g.long_lived_pending.get() + list_size(young));
        }
        list_merge(young, old);
    } else {
        g.long_lived_pending.set(0);
        g.long_lived_total.set(list_size(young));
    }

    let py = needs_python(&unreachable);
    if !safe && py {
        // Keep it all for a collection at a safe point.
        clear_marks(&unreachable);
        list_merge(&unreachable, old);
        let target = (generation + 1).min(NUM_GENERATIONS - 1) as i32;
        if g.pending.get() < target {
            g.pending.set(target);
        }
        return None;
    }

    if g.debug.get() & DEBUG_COLLECTABLE != 0 {
        let mut p = unreachable.next.get();
        while !ptr::eq(p, &unreachable) {
            let obj = borrowed(p);
            debug_print(&format!("gc: collectable <{} {:#x}>\n", obj.type_of().data.name(), obj.id()));
            // SAFETY: live heads.
            p = unsafe { (*p).next.get() };
        }
    }
    let m = if py {
        // Weak references to garbage are cleared before finalizers run, so
        // finalizers cannot reach garbage through them.
        let mut m = crate::types::weakref::handle_weakrefs(&unreachable_iter(&unreachable));
        finalize_garbage(&unreachable);
        // Finalizers may have resurrected objects: look again.
        clear_marks(&unreachable);
        let still = GcHead::empty();
        list_init(&still);
        deduce_unreachable(&unreachable, &still);
        clear_marks(&unreachable);
        list_merge(&unreachable, old);
        m += count_as_cpython(&still);
        delete_garbage(g, &still, old);
        debug_assert!(list_is_empty(&still));
        m
    } else {
        // No finalizer or weak reference: no code runs that could
        // resurrect anything, so the unreachable set is final.
        let m = count_as_cpython(&unreachable);
        delete_garbage(g, &unreachable, old);
        m
    };
    debug_assert!(list_is_empty(&unreachable));

    let mut st = gens[generation].stats.get();
    st.collections += 1;
    st.collected += m;
    gens[generation].stats.set(st);
    if g.debug.get() & DEBUG_STATS != 0 {
        debug_print(&format!("gc: done, {m} unreachable, 0 uncollectable, {:.4}s elapsed\n", started.map_or(0.0, |t| t.elapsed().as_secs_f64())));
    }
    Some(m)
}

/// The number of objects of `list` as CPython 3.11 would count them: an
/// instance's `__dict__` only held by the instance is not a separate object
/// there (its attributes live inline in the instance).
fn count_as_cpython(list: &GcHead) -> usize {
    let mut n = 0;
    let mut p = list.next.get();
    while !ptr::eq(p, list) {
        n += 1;
        let obj = borrowed(p);
        let ty = &obj.type_of().data;
        let ds = ty.dict_slot.get();
        if ty.is_heap_type() && ds >= 0 {
            let cell = obj.extra_slot(ds as usize);
            let d = cell.take();
            if let Some(d) = &d {
                if d.is_exact(&crate::types::dict::DICT_TYPE) && d.refcount() == 1 && in_unreachable(d) {
                    n -= 1;
                }
            }
            cell.set(d);
        }
        // SAFETY: live heads.
        p = unsafe { (*p).next.get() };
    }
    n
}

/// The objects of a list, as strong references (for code that may run Python).
fn unreachable_iter(list: &GcHead) -> Vec<Value> {
    let mut out = Vec::new();
    let mut p = list.next.get();
    while !ptr::eq(p, list) {
        // SAFETY: live heads.
        unsafe {
            let obj = borrowed(p);
            if (*p).flag(HAS_WEAKREFS) || crate::types::weakref::is_weakref(&obj) {
                out.push((*obj).clone());
            }
            p = (*p).next.get();
        }
    }
    out
}

fn debug_print(s: &str) {
    match ThreadState::current() {
        Some(ts) => crate::modules::sys::write_stderr(ts, s),
        None => eprint!("{s}"),
    }
}

/// Run the `gc.callbacks` for `phase` ("start" or "stop").
fn invoke_callbacks(g: &GcState, phase: &str, generation: usize, collected: usize, uncollectable: usize) {
    let cbs = callbacks_list(g);
    let Some(l) = cbs.downcast::<crate::types::list::PyList>() else { return };
    if l.is_empty() {
        return;
    }
    let Some(ts) = ThreadState::current() else { return };
    let info = crate::types::dict::new_dict();
    for (k, v) in [("generation", generation), ("collected", collected), ("uncollectable", uncollectable)] {
        crate::types::dict::dict_set_str(&info, k, crate::types::int::from_i64(v as i64));
    }
    let phase = crate::types::str::new_str(phase);
    for cb in l.snapshot() {
        if let Err(e) = crate::object::protocol::call(ts, &cb, &[phase.clone(), info.clone()], None) {
            crate::runtime::lifecycle::write_unraisable(ts, &e, Some("Exception ignored in garbage collector callback"), Some(&cb));
        }
    }
}

fn has_callbacks(g: &GcState) -> bool {
    let w = g.callbacks.get();
    if w == 0 {
        return false;
    }
    // SAFETY: the cell owns a live list reference.
    let l = ManuallyDrop::new(unsafe { Value::from_raw(w as *const ObjHeader) });
    l.downcast::<crate::types::list::PyList>().is_some_and(|l| !l.is_empty())
}

/// A collection with the `gc.callbacks` around it; None if deferred.
fn collect_with_callback(g: &GcState, generation: usize, safe: bool) -> Option<usize> {
    if !safe && (has_callbacks(g) || g.debug.get() != 0) {
        let target = generation as i32;
        if g.pending.get() < target {
            g.pending.set(target);
        }
        return None;
    }
    if safe {
        invoke_callbacks(g, "start", generation, 0, 0);
    }
    let r = collect_main(g, generation, safe);
    if safe {
        invoke_callbacks(g, "stop", generation, r.unwrap_or(0), 0);
    }
    r
}

/// The automatic collection (CPython's gc_collect_generations).
fn collect_generations(g: &GcState, safe: bool) {
    if !begin_collection(g) {
        return;
    }
    for i in (0..NUM_GENERATIONS).rev() {
        let gen = &g.generations[i];
        if gen.count.get() > gen.threshold.get() {
            if i == NUM_GENERATIONS - 1 && g.long_lived_pending.get() < g.long_lived_total.get() / 4 {
                continue;
            }
            collect_with_callback(g, i, safe);
            break;
        }
    }
    end_collection(g);
}

/// At a safe point (a Python call is about to start): run a collection an
/// allocation asked for but could not finish.
#[inline]
pub fn run_pending() {
    let g = state();
    if g.pending.get() >= 0 {
        run_pending_slow(g);
    }
}

#[cold]
fn run_pending_slow(g: &GcState) {
    if !g.enabled.get() || !begin_collection(g) {
        return;
    }
    let gen = g.pending.replace(-1);
    collect_with_callback(g, gen as usize, true);
    end_collection(g);
}

// ---- the gc module's operations ----

/// `gc.collect(generation)`: the number of unreachable objects found.
pub fn collect(generation: usize) -> usize {
    try_collect(generation).unwrap_or(0)
}

/// `collect`, or None when a collection is already running.
fn try_collect(generation: usize) -> Option<usize> {
    let g = state();
    if !begin_collection(g) {
        return None;
    }
    if g.pending.get() >= 0 && g.pending.get() as usize <= generation {
        g.pending.set(-1);
    }
    let n = collect_with_callback(g, generation.min(NUM_GENERATIONS - 1), true).unwrap_or(0);
    end_collection(g);
    Some(n)
}

pub fn enable() {
    state().enabled.set(true);
}
pub fn disable() {
    state().enabled.set(false);
}
/// Whether this thread is running a collection (faulthandler says so).
pub fn is_collecting() -> bool {
    state().collecting.get()
}

pub fn is_enabled() -> bool {
    state().enabled.get()
}
pub fn get_debug() -> u32 {
    state().debug.get()
}
pub fn set_debug(flags: u32) {
    state().debug.set(flags);
}
/// The allocation counts of the three generations.
pub fn get_count() -> [u32; 3] {
    let g = state();
    [g.generations[0].count.get(), g.generations[1].count.get(), g.generations[2].count.get()]
}
pub fn get_threshold() -> [u32; 3] {
    let g = state();
    [g.generations[0].threshold.get(), g.generations[1].threshold.get(), g.generations[2].threshold.get()]
}
/// Set the thresholds given (`None` keeps the current one).
pub fn set_threshold(t: [Option<u32>; 3]) {
    let g = state();
    for (gen, v) in g.generations.iter().zip(t) {
        if let Some(v) = v {
            gen.threshold.set(v);
        }
    }
}
/// (collections, collected, uncollectable) per generation.
pub fn get_stats() -> [(usize, usize, usize); 3] {
    let g = state();
    let f = |i: usize| {
        let s = g.generations[i].stats.get();
        (s.collections, s.collected, s.uncollectable)
    };
    [f(0), f(1), f(2)]
}
/// `gc.garbage`.
pub fn garbage() -> Value {
    garbage_list(state())
}
/// `gc.callbacks`.
pub fn callbacks() -> Value {
    callbacks_list(state())
}

/// Strong references to the tracked objects of `generation` (all when None).
pub fn objects(generation: Option<usize>) -> Vec<Value> {
    let g = state();
    let mut out = Vec::new();
    let lists: Vec<&GcHead> = match generation {
        Some(i) => vec![&g.generations[i].head],
        None => g.generations.iter().map(|x| &x.head).collect(),
    };
    for list in lists {
        let mut p = list.next.get();
        while !ptr::eq(p, list) {
            // SAFETY: live heads; we only read while collecting references.
            unsafe {
                out.push(Value::from_borrowed_ptr(obj_of(p)));
                p = (*p).next.get();
            }
        }
    }
    out
}

/// Take every object tracked so far out of collection for good: called
/// once the static types are filled, when what is tracked are their
/// dicts, which live until the process ends. A live container needs no
/// examining (its referents are reachable through it anyway), and full
/// collections, three of them at every shutdown, no longer walk the
/// builtin types' methods.
pub fn keep_for_process() {
    let g = state();
    for gen in &g.generations {
        list_merge(&gen.head, &g.process);
    }
    g.generations[0].count.set(0);
}

/// `gc.freeze()`: move everything to the permanent generation.
pub fn freeze() {
    let g = state();
    for gen in &g.generations {
        list_merge(&gen.head, &g.permanent);
    }
    g.generations[0].count.set(0);
}

/// `gc.unfreeze()`: back to the oldest generation.
pub fn unfreeze() {
    let g = state();
    list_merge(&g.permanent, &g.generations[NUM_GENERATIONS - 1].head);
}

pub fn freeze_count() -> usize {
    list_size(&state().permanent)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn setup() {
        crate::types::init();
    }

    /// A collection on this thread, waiting for other test threads' ones.
    fn collect(generation: usize) -> usize {
        loop {
            if let Some(n) = try_collect(generation) {
                return n;
            }
            std::thread::yield_now();
        }
    }

    #[test]
    fn lists_track_and_untrack() {
        setup();
        let l = crate::types::list::new_list(vec![]).unwrap();
        assert!(is_tracked(&l));
        untrack(&l);
        assert!(!is_tracked(&l));
        track(&l);
        assert!(is_tracked(&l));
        let i = crate::types::int::from_i64(5);
        assert!(!is_tracked(&i));
    }

    #[test]
    fn self_cycle_is_collected() {
        setup();
        collect(2);
        let l = crate::types::list::new_list(vec![]).unwrap();
        l.downcast::<crate::types::list::PyList>().unwrap().push(l.clone());
        drop(l);
        assert_eq!(collect(2), 1);
        assert_eq!(collect(2), 0);
    }

    #[test]
    fn generations_promote_survivors() {
        setup();
        collect(2);
        let l = crate::types::list::new_list(vec![]).unwrap();
        let in_gen = |i: usize| objects(Some(i)).iter().any(|o| o.is(&l));
        assert!(in_gen(0));
        collect(0);
        assert!(in_gen(1) && !in_gen(0));
        collect(1);
        assert!(in_gen(2));
    }

    #[test]
    fn untracks_tuples_of_atoms() {
        setup();
        let t = crate::types::tuple::new_tuple(vec![crate::types::int::from_i64(1)]).unwrap();
        let l = crate::types::list::new_list(vec![]).unwrap();
        let t2 = crate::types::tuple::new_tuple(vec![l.clone()]).unwrap();
        assert!(is_tracked(&t) && is_tracked(&t2));
        collect(0);
        assert!(!is_tracked(&t));
        assert!(is_tracked(&t2));
    }

    #[test]
    fn frozen_objects_are_not_collected() {
        setup();
        collect(2);
        let l = crate::types::list::new_list(vec![]).unwrap();
        l.downcast::<crate::types::list::PyList>().unwrap().push(l.clone());
        freeze();
        assert!(freeze_count() >= 1);
        let raw = l.as_raw();
        drop(l);
        assert_eq!(collect(2), 0);
        unfreeze();
        assert_eq!(freeze_count(), 0);
        assert_eq!(collect(2), 1);
        let _ = raw;
    }

    #[test]
    fn reachable_cycle_survives() {
        setup();
        collect(2);
        let a = crate::types::list::new_list(vec![]).unwrap();
        let b = crate::types::list::new_list(vec![a.clone()]).unwrap();
        a.downcast::<crate::types::list::PyList>().unwrap().push(b.clone());
        drop(b);
        assert_eq!(collect(2), 0);
        assert_eq!(a.downcast::<crate::types::list::PyList>().unwrap().len(), 1);
        a.downcast::<crate::types::list::PyList>().unwrap().items.borrow_mut().clear();
    }
}
