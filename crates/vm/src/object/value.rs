//! The object header, `Value` and reference counting.
//!
//! Every heap object is a `PyObject<T>`: a header (reference count, type
//! pointer) followed by its payload `T`. A `Value` is an owned 8-byte
//! handle: either a pointer to a heap object or, when its low bit is set, a
//! small int stored in the word itself (no allocation, no refcount traffic).
//! Code outside `object/` never learns which: it asks `as_small_int`,
//! `type_of`, `downcast`.
//!
//! Objects of a heap type may carry "extras" after their payload: the
//! instance dict, the weakref list and `__slots__` values, at the offset the
//! type records (CPython's tp_dictoffset/tp_basicsize).

use std::alloc::Layout;
use std::cell::Cell;
use std::marker::PhantomData;
use std::ptr::NonNull;

use super::typeobj::{PyType, TypeObject, TPFLAGS_HAVE_GC};
use crate::gc::{GcHead, GC_HEAD_SIZE};
use crate::runtime::errors::PyResult;

/// Reference counts at or above this value are immortal (PEP 683): never
/// incremented, decremented or freed. Static objects start here.
pub const IMMORTAL_REFCNT: usize = 1 << (usize::BITS - 2);

/// The start of every heap object.
#[repr(C)]
pub struct ObjHeader {
    refcnt: Cell<usize>,
    ob_type: Cell<*const PyType>,
}

impl ObjHeader {
    /// A header for a static, immortal object of type `ty`.
    pub const fn immortal(ty: &'static PyType) -> ObjHeader {
        ObjHeader { refcnt: Cell::new(IMMORTAL_REFCNT), ob_type: Cell::new(ty) }
    }

    /// The reference count word (for the cycle collector).
    #[inline]
    pub(crate) fn refcnt_raw(&self) -> usize {
        self.refcnt.get()
    }

    /// The type pointer.
    #[inline]
    pub(crate) fn type_ptr(&self) -> *const PyType {
        self.ob_type.get()
    }
}

/// A GC object's allocation: the collector's links, then the object.
#[repr(C)]
struct GcBox<T> {
    head: GcHead,
    obj: PyObject<T>,
}

/// Whether instances of `ty` carry a GC head (CPython's PyType_IS_GC).
#[inline]
fn type_is_gc(ty: &PyType) -> bool {
    ty.data.flags.get() & TPFLAGS_HAVE_GC != 0
}

/// A heap object: header then payload.
#[repr(C)]
pub struct PyObject<T> {
    pub header: ObjHeader,
    pub data: T,
}

impl<T> PyObject<T> {
    /// A static, immortal object (builtin types, None, True, ...).
    pub const fn new_static(ty: &'static PyType, data: T) -> PyObject<T> {
        PyObject { header: ObjHeader::immortal(ty), data }
    }
}

// SAFETY: static objects are immortal (their refcount is never written) and
// their interior-mutable parts are only written during runtime start-up, or
// by the one thread holding the GIL of the interpreter that uses them.
unsafe impl<T> Sync for PyObject<T> {}

/// A payload type that is the layout of a builtin type.
pub trait PyPayload: Sized + 'static {
    /// The builtin type whose instances carry this payload.
    fn class() -> &'static PyType;
}

const INT_TAG: usize = 1;
/// Range of ints stored inside the word (62 bits of magnitude plus sign).
pub const SMALL_INT_MIN: i64 = -(1 << 62);
pub const SMALL_INT_MAX: i64 = (1 << 62) - 1;

/// An owned reference to a Python object. Clone increments the reference
/// count, Drop decrements it and destroys the object at zero.
#[repr(transparent)]
pub struct Value {
    bits: NonNull<ObjHeader>,
    // Objects are per interpreter and refcounts are plain integers.
    _not_send: PhantomData<*const ObjHeader>,
}

impl Value {
    /// A small int value, if `i` fits in the word.
    #[inline]
    pub fn small_int(i: i64) -> Option<Value> {
        if (SMALL_INT_MIN..=SMALL_INT_MAX).contains(&i) {
            let bits = ((i << 1) as usize) | INT_TAG;
            // SAFETY: the tag bit makes `bits` non-zero.
            Some(Value { bits: unsafe { NonNull::new_unchecked(bits as *mut ObjHeader) }, _not_send: PhantomData })
        } else {
            None
        }
    }

    /// The int, if this is a small int stored in the word.
    #[inline]
    pub fn as_small_int(&self) -> Option<i64> {
        let bits = self.bits.as_ptr() as usize;
        if bits & INT_TAG != 0 {
            Some((bits as i64) >> 1)
        } else {
            None
        }
    }

    /// The object header, unless this is a small int (for the cycle collector).
    #[inline]
    pub(crate) fn header_raw(&self) -> Option<*const ObjHeader> {
        self.header_ptr()
    }

    #[inline]
    fn header_ptr(&self) -> Option<*const ObjHeader> {
        let bits = self.bits.as_ptr() as usize;
        if bits & INT_TAG != 0 {
            None
        } else {
            Some(self.bits.as_ptr())
        }
    }

    /// A new reference to a static (immortal) object.
    #[inline]
    pub fn from_static<T>(obj: &'static PyObject<T>) -> Value {
        Value { bits: NonNull::from(&obj.header), _not_send: PhantomData }
    }

    /// The object's type.
    #[inline]
    pub fn type_of(&self) -> &PyType {
        match self.header_ptr() {
            // SAFETY: a Value keeps its object alive, and an object keeps
            // its type alive, so the type outlives the borrow of `self`.
            Some(h) => unsafe { &*(*h).ob_type.get() },
            None => crate::types::int::PyInt::class(),
        }
    }

    /// Identity comparison (`is`).
    #[inline]
    pub fn is(&self, other: &Value) -> bool {
        self.bits == other.bits
    }

    /// Identity as `id()` reports it: the address, or the tagged word for
    /// small ints (odd, so never equal to an address).
    #[inline]
    pub fn id(&self) -> usize {
        self.bits.as_ptr() as usize
    }

    /// Whether this object's type is `ty` exactly.
    #[inline]
    pub fn is_exact(&self, ty: &PyType) -> bool {
        std::ptr::eq(self.type_of(), ty)
    }

    /// The payload, if the object's layout is `T` (its type is T's builtin
    /// type or a subclass of it).
    #[inline]
    pub fn downcast<T: PyPayload>(&self) -> Option<&T> {
        let h = self.header_ptr()?;
        // SAFETY: the header is live (we hold a reference); `solid_base`
        // names the builtin type whose payload layout the object has, and
        // `PyObject<T>` is repr(C), so the payload follows the header.
        unsafe {
            let ty = &*(*h).ob_type.get();
            if std::ptr::eq(ty.data.solid_base(), T::class()) {
                Some(&(*(h as *const PyObject<T>)).data)
            } else {
                None
            }
        }
    }

    /// The payload, if the object's type is exactly T's builtin type.
    #[inline]
    pub fn downcast_exact<T: PyPayload>(&self) -> Option<&T> {
        let h = self.header_ptr()?;
        // SAFETY: as in `downcast`; an exact type match implies the layout.
        unsafe {
            if std::ptr::eq((*h).ob_type.get(), T::class()) {
                Some(&(*(h as *const PyObject<T>)).data)
            } else {
                None
            }
        }
    }

    /// The payload of an object known to have layout `T`.
    ///
    /// # Safety
    /// The caller has checked (e.g. by type) that the object's layout is `T`.
    #[inline]
    pub unsafe fn payload_unchecked<T>(&self) -> &T {
        // SAFETY: guaranteed by the caller.
        unsafe { &(*(self.bits.as_ptr() as *const PyObject<T>)).data }
    }

    /// A new object of T's builtin type.
    #[inline]
    pub fn new<T: PyPayload>(data: T) -> PyResult<Value> {
        Value::new_with_type(T::class(), data)
    }

    /// A new object of the static builtin type `ty`, whose layout is `T`
    /// (e.g. a TypeError, whose layout is BaseException's).
    #[inline]
    pub fn new_with_type<T: PyPayload>(ty: &'static PyType, data: T) -> PyResult<Value> {
        debug_assert!(std::ptr::eq(ty.data.solid_base(), T::class()));
        if type_is_gc(ty) {
            return Value::new_gc(ty, data);
        }
        let layout = Layout::new::<PyObject<T>>();
        // SAFETY: the layout has non-zero size (it holds a header).
        let raw = unsafe { std::alloc::alloc(layout) } as *mut PyObject<T>;
        if raw.is_null() {
            return Err(crate::runtime::errors::PyErr::no_memory());
        }
        // SAFETY: `raw` is a fresh allocation of the right layout.
        unsafe {
            raw.write(PyObject { header: ObjHeader { refcnt: Cell::new(1), ob_type: Cell::new(ty) }, data });
            Ok(Value { bits: NonNull::new_unchecked(raw as *mut ObjHeader), _not_send: PhantomData })
        }
    }

    /// A new object of `T`'s builtin type, reusing a freed one from the
    /// type's free list when there is one.
    #[inline]
    pub fn new_pooled<T: Pooled>(data: T) -> PyResult<Value> {
        let reused = T::with_free_list(FreeList::pop);
        if reused.is_null() {
            return Value::new(data);
        }
        let raw = reused as *mut PyObject<T>;
        // SAFETY: free-list entries are unreferenced allocations of
        // `PyObject<T>`'s layout whose payload was already dropped.
        unsafe {
            raw.write(PyObject { header: ObjHeader { refcnt: Cell::new(1), ob_type: Cell::new(T::class()) }, data });
            Ok(Value { bits: NonNull::new_unchecked(raw as *mut ObjHeader), _not_send: PhantomData })
        }
    }

    /// A new object of a GC type: allocated behind a GC head and tracked.
    #[inline(never)]
    fn new_gc<T: PyPayload>(ty: &'static PyType, data: T) -> PyResult<Value> {
        const { assert!(std::mem::offset_of!(GcBox<T>, obj) == GC_HEAD_SIZE) };
        let layout = Layout::new::<GcBox<T>>();
        // SAFETY: the layout has non-zero size (it holds a header).
        let raw = unsafe { std::alloc::alloc(layout) } as *mut GcBox<T>;
        if raw.is_null() {
            return Err(crate::runtime::errors::PyErr::no_memory());
        }
        // SAFETY: `raw` is a fresh allocation of the right layout; the object
        // is fully written before the collector can see it.
        unsafe {
            let obj = std::ptr::addr_of_mut!((*raw).obj);
            obj.write(PyObject { header: ObjHeader { refcnt: Cell::new(1), ob_type: Cell::new(ty) }, data });
            crate::gc::link_new(raw as *mut GcHead, false);
            Ok(Value { bits: NonNull::new_unchecked(obj as *mut ObjHeader), _not_send: PhantomData })
        }
    }

    /// A new object of heap type `ty` whose layout is `T`: the payload, then
    /// the type's extras (dict, weakref list, `__slots__`), all empty.
    pub fn new_instance<T: PyPayload>(ty: &Value, data: T) -> PyResult<Value> {
        let Some(tyobj) = ty.downcast::<TypeObject>() else {
            return Err(crate::runtime::errors::PyErr::no_memory());
        };
        if !tyobj.is_heap_type() {
            let type_obj = ty.header_ptr().map(|h| h as *const PyType).unwrap_or(std::ptr::null());
            // SAFETY: a type that is not a heap type is a static (immortal)
            // builtin type, so the reference is valid for 'static.
            let static_ty: &'static PyType = unsafe { &*type_obj };
            return Value::new_with_type(static_ty, data);
        }
        let size = tyobj.basicsize.get();
        let Ok(layout) = Layout::from_size_align(size, std::mem::align_of::<PyObject<T>>().max(8)) else {
            return Err(crate::runtime::errors::PyErr::no_memory());
        };
        debug_assert!(size >= std::mem::size_of::<PyObject<T>>());
        let gc = tyobj.flags.get() & TPFLAGS_HAVE_GC != 0;
        let layout = if gc {
            match Layout::from_size_align(size + GC_HEAD_SIZE, layout.align()) {
                Ok(l) => l,
                Err(_) => return Err(crate::runtime::errors::PyErr::no_memory()),
            }
        } else {
            layout
        };
        // SAFETY: the layout has non-zero size.
        let mut raw = unsafe { std::alloc::alloc(layout) };
        if raw.is_null() {
            return Err(crate::runtime::errors::PyErr::no_memory());
        }
        if gc {
            // SAFETY: the allocation has room for the head before the object.
            raw = unsafe { raw.add(GC_HEAD_SIZE) };
        }
        let type_ptr = tyobj as *const TypeObject as *const u8;
        // SAFETY: `ty` is a type object, so its header precedes the payload
        // at offset 0 of the repr(C) PyObject.
        let type_obj = unsafe { type_ptr.sub(std::mem::offset_of!(PyObject<TypeObject>, data)) } as *const PyType;
        std::mem::forget(ty.clone()); // the instance owns a reference to its heap type
        // SAFETY: fresh allocation of `size` bytes; the payload part is
        // written as a PyObject<T>; the extras (whole words after the
        // payload, up to `size`) start as null (None) values.
        unsafe {
            (raw as *mut PyObject<T>)
                .write(PyObject { header: ObjHeader { refcnt: Cell::new(1), ob_type: Cell::new(type_obj) }, data });
            let extras = tyobj.extras_offset.get();
            let mut off = extras;
            while off + 8 <= size {
                (raw.add(off) as *mut usize).write(0);
                off += 8;
            }
            if gc {
                crate::gc::link_new(crate::gc::head_of(raw as *const ObjHeader), true);
            }
            Ok(Value { bits: NonNull::new_unchecked(raw as *mut ObjHeader), _not_send: PhantomData })
        }
    }

    /// The extras slot `index` (0-based, in words after the payload) of an
    /// instance of a heap type; None when unset.
    pub fn extra_slot(&self, index: usize) -> &Cell<Option<Value>> {
        let h = self.header_ptr().expect("extras only exist on heap objects");
        // SAFETY: callers pass an index below the type's extras count (the
        // type computed it); `Cell<Option<Value>>` has Value's size, and
        // the slot was initialized to null (None) at allocation.
        unsafe {
            let ty = &*(*h).ob_type.get();
            let off = ty.data.extras_offset.get() + index * 8;
            &*((h as *const u8).add(off) as *const Cell<Option<Value>>)
        }
    }

    /// The current reference count (as sys.getrefcount sees it, minus its argument).
    pub fn refcount(&self) -> usize {
        match self.header_ptr() {
            // SAFETY: the header is live while we hold a reference.
            Some(h) => unsafe { (*h).refcnt.get() },
            None => IMMORTAL_REFCNT,
        }
    }

    /// The payload, mutably, when this is the only reference to an object of
    /// exactly type T (like `Rc::get_mut`): in-place updates no one can see.
    pub fn get_mut<T: PyPayload>(&mut self) -> Option<&mut T> {
        let h = self.header_ptr()?;
        // SAFETY: the header is live while we hold a reference.
        if unsafe { (*h).refcnt.get() } != 1 {
            return None;
        }
        self.downcast_exact::<T>()?;
        let p = h as *mut PyObject<T>;
        // SAFETY: the object is a PyObject<T> (exact type checked); the count
        // is 1 and we hold that reference mutably, so no other handle or
        // borrow of it exists (one thread runs Python code at a time).
        Some(unsafe { &mut (*p).data })
    }

    /// Change the object's type (`obj.__class__ = C`); the caller checked layouts.
    pub fn set_type(&self, ty: &Value) {
        if let Some(h) = self.header_ptr() {
            let new = ty.header_ptr().unwrap_or(std::ptr::null()) as *const PyType;
            // SAFETY: the header is live; the object takes a reference to
            // its new type and gives up the old one (if heap types).
            unsafe {
                let old = (*h).ob_type.replace(new);
                std::mem::forget(ty.clone());
                if (*old).data.is_heap_type() {
                    drop(Value { bits: NonNull::new_unchecked(old as *mut ObjHeader), _not_send: PhantomData });
                }
            }
        }
    }

    /// Raw word, for tables keyed by identity.
    #[inline]
    pub fn as_raw(&self) -> usize {
        self.bits.as_ptr() as usize
    }

    /// Leak this reference and return the header pointer (for the cycle
    /// collector and weak references).
    pub fn into_raw(self) -> *const ObjHeader {
        let p = self.bits.as_ptr();
        std::mem::forget(self);
        p
    }

    /// Rebuild a Value from `into_raw`.
    ///
    /// # Safety
    /// `p` came from `into_raw` and its reference has not been reused.
    pub unsafe fn from_raw(p: *const ObjHeader) -> Value {
        // SAFETY: `p` is non-null (it came from a Value).
        Value { bits: unsafe { NonNull::new_unchecked(p as *mut ObjHeader) }, _not_send: PhantomData }
    }

    /// A new strong reference from a word `as_raw` returned (tagged ints too).
    ///
    /// # Safety
    /// The value behind `word` is still alive (someone else holds it).
    pub unsafe fn clone_from_raw_word(word: usize) -> Value {
        // SAFETY: `word` came from a live Value; ManuallyDrop keeps the
        // borrowed reference from being released.
        let borrowed = std::mem::ManuallyDrop::new(unsafe { Value::from_raw(word as *const ObjHeader) });
        (*borrowed).clone()
    }

    /// A new strong reference from a borrowed header pointer.
    ///
    /// # Safety
    /// `p` points to a live object.
    pub unsafe fn from_borrowed_ptr(p: *const ObjHeader) -> Value {
        // SAFETY: the object is live, so incrementing its count is valid.
        unsafe {
            incref(p);
            Value::from_raw(p)
        }
    }
}

#[inline]
unsafe fn incref(h: *const ObjHeader) {
    // SAFETY: the caller guarantees a live header.
    let rc = unsafe { &(*h).refcnt };
    let n = rc.get();
    if n < IMMORTAL_REFCNT {
        rc.set(n + 1);
    }
}

impl Clone for Value {
    #[inline]
    fn clone(&self) -> Value {
        if let Some(h) = self.header_ptr() {
            // SAFETY: we hold a reference, so the object is live.
            unsafe { incref(h) };
        }
        Value { bits: self.bits, _not_send: PhantomData }
    }
}

impl Drop for Value {
    #[inline]
    fn drop(&mut self) {
        if let Some(h) = self.header_ptr() {
            // SAFETY: we hold a reference, so the object is live; at zero
            // no reference remains and the object is destroyed.
            unsafe {
                let rc = &(*h).refcnt;
                let n = rc.get();
                if n < IMMORTAL_REFCNT {
                    if n == 1 {
                        rc.set(0);
                        dealloc::destroy(h as *mut ObjHeader);
                    } else {
                        rc.set(n - 1);
                    }
                }
            }
        }
    }
}

impl PartialEq for Value {
    /// Identity, not Python equality.
    fn eq(&self, other: &Value) -> bool {
        self.is(other)
    }
}
impl Eq for Value {}

impl std::fmt::Debug for Value {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self.as_small_int() {
            Some(i) => write!(f, "<int {i}>"),
            None => write!(f, "<{} object at {:#x}>", self.type_of().data.name(), self.id()),
        }
    }
}

/// Object destruction, with CPython's "trashcan": destroying an object can
/// drop the last reference to others; past a nesting depth those are queued
/// and destroyed by the outermost call, so long chains do not recurse.
pub(crate) mod dealloc {
    use super::*;
    use std::cell::RefCell;

    const MAX_NESTING: u32 = 64;

    thread_local! {
        static DEPTH: Cell<u32> = const { Cell::new(0) };
        static PENDING: RefCell<Vec<usize>> = const { RefCell::new(Vec::new()) };
    }

    /// Destroy an object whose count reached zero.
    ///
    /// # Safety
    /// `h` is a live object with no remaining references.
    pub(crate) unsafe fn destroy(h: *mut ObjHeader) {
        // Objects of types without GC support (ints, floats, strs...) hold
        // no containers that could nest deeply: no depth bookkeeping.
        // SAFETY: the header is valid; the type outlives its instances.
        if !type_is_gc(unsafe { &*(*h).ob_type.get() }) {
            // SAFETY: forwarded from the caller.
            unsafe { destroy_now(h) };
            return;
        }
        let depth = DEPTH.with(|d| d.get());
        if depth >= MAX_NESTING {
            // SAFETY: the header is valid; the type outlives its instances.
            if type_is_gc(unsafe { &*(*h).ob_type.get() }) {
                // A queued object must be invisible to the collector.
                // SAFETY: GC objects have a head.
                unsafe { crate::gc::on_destroy(h) };
            }
            PENDING.with(|p| p.borrow_mut().push(h as usize));
            return;
        }
        DEPTH.with(|d| d.set(depth + 1));
        // SAFETY: forwarded from the caller.
        unsafe { destroy_now(h) };
        if depth == 0 {
            while let Some(next) = PENDING.with(|p| p.borrow_mut().pop()) {
                // SAFETY: queued objects had no references when queued and
                // nothing can reach them since.
                unsafe { destroy_now(next as *mut ObjHeader) };
            }
        }
        DEPTH.with(|d| d.set(depth));
    }

    unsafe fn destroy_now(h: *mut ObjHeader) {
        // SAFETY: the header is still valid; the type outlives its instances.
        unsafe {
            let ty = &*(*h).ob_type.get();
            (ty.data.dealloc.get())(h);
        }
    }

    /// The deallocator of builtin types without GC support whose payload is `T`.
    ///
    /// # Safety
    /// `h` is an unreferenced `PyObject<T>` allocated by `Value::new`.
    pub unsafe fn dealloc_plain<T>(h: *mut ObjHeader) {
        let p = h as *mut PyObject<T>;
        // SAFETY: layout and ownership guaranteed by the caller.
        unsafe {
            if (*(*h).ob_type.get()).data.has_finalizer() && finalize_from_dealloc(h) {
                return;
            }
            std::ptr::drop_in_place(&mut (*p).data);
            std::alloc::dealloc(p as *mut u8, Layout::new::<PyObject<T>>());
        }
    }

    /// The deallocator of builtin types whose payload is `T` (with or
    /// without GC support).
    ///
    /// # Safety
    /// `h` is an unreferenced `PyObject<T>` allocated by `Value::new`.
    pub unsafe fn dealloc_builtin<T>(h: *mut ObjHeader) {
        let p = h as *mut PyObject<T>;
        // SAFETY: layout and ownership guaranteed by the caller.
        unsafe {
            let ty = &*(*h).ob_type.get();
            let gc = type_is_gc(ty);
            if gc {
                crate::gc::on_destroy(h);
            }
            if ty.data.has_finalizer() && finalize_from_dealloc(h) {
                return;
            }
            if gc {
                if crate::gc::has_weakrefs(h) {
                    crate::types::weakref::clear_on_dealloc(h);
                }
                std::ptr::drop_in_place(&mut (*p).data);
                crate::gc::on_free();
                std::alloc::dealloc((h as *mut u8).sub(GC_HEAD_SIZE), Layout::new::<GcBox<T>>());
                return;
            }
            std::ptr::drop_in_place(&mut (*p).data);
            std::alloc::dealloc(p as *mut u8, Layout::new::<PyObject<T>>());
        }
    }

    /// Drop the payload `T` in place (used by heap subtypes, which free the
    /// memory themselves).
    ///
    /// # Safety
    /// `h` is an unreferenced object whose layout starts with `PyObject<T>`.
    pub unsafe fn drop_payload<T>(h: *mut ObjHeader) {
        // SAFETY: guaranteed by the caller.
        unsafe { std::ptr::drop_in_place(&mut (*(h as *mut PyObject<T>)).data) };
    }

    /// Run the type's finalizer (`__del__`, generator close) on an object whose
    /// last reference went away; true when the finalizer resurrected it, in
    /// which case the caller must not free it (PEP 442).
    ///
    /// # Safety
    /// `h` is an unreferenced, fully initialized object.
    unsafe fn finalize_from_dealloc(h: *mut ObjHeader) -> bool {
        // SAFETY: the object is alive until freed; a temporary reference keeps
        // it so for the finalizer's duration.
        unsafe {
            let gc = type_is_gc(&*(*h).ob_type.get());
            if gc {
                // PEP 442: a finalizer runs once per object.
                if !crate::gc::mark_finalized(h) {
                    return false;
                }
                // Tracked while Python code can see it, as CPython does.
                crate::gc::retrack(h);
            }
            (*h).refcnt.set(1);
            let me = Value::from_raw(h);
            crate::object::typeobj::call_finalizer(&me);
            let n = (*h).refcnt.get();
            std::mem::forget(me);
            if n > 1 {
                // Resurrected: keep the object, give up our temporary ref.
                (*h).refcnt.set(n - 1);
                return true;
            }
            (*h).refcnt.set(0);
            if gc {
                crate::gc::on_destroy(h);
            }
            false
        }
    }

    /// The deallocator of instances of heap types: the finalizer (`__del__`),
    /// then the payload, the extras, the memory, and the reference to the type.
    ///
    /// # Safety
    /// `h` is an unreferenced instance allocated by `Value::new_instance`.
    pub unsafe fn dealloc_subtype(h: *mut ObjHeader) {
        // SAFETY: the object is unreferenced and laid out as its type says.
        unsafe {
            let ty_ptr = (*h).ob_type.get();
            let ty = &(*ty_ptr).data;
            let gc = ty.has_flag(TPFLAGS_HAVE_GC);
            if gc {
                crate::gc::on_destroy(h);
            }
            if ty.has_finalizer() && finalize_from_dealloc(h) {
                return;
            }
            if gc && crate::gc::has_weakrefs(h) {
                crate::types::weakref::clear_on_dealloc(h);
            }
            let size = ty.basicsize.get();
            let extras = ty.extras_offset.get();
            let mut off = extras;
            while off + 8 <= size {
                let slot = (h as *mut u8).add(off) as *mut Option<Value>;
                std::ptr::drop_in_place(slot);
                off += 8;
            }
            if let Some(drop_data) = (*ty.solid_base()).data.drop_data {
                drop_data(h);
            }
            if gc {
                crate::gc::on_free();
                std::alloc::dealloc((h as *mut u8).sub(GC_HEAD_SIZE), Layout::from_size_align_unchecked(size + GC_HEAD_SIZE, 8));
            } else {
                std::alloc::dealloc(h as *mut u8, Layout::from_size_align_unchecked(size, 8));
            }
            drop(Value::from_raw(ty_ptr as *const ObjHeader));
        }
    }
}

pub use dealloc::{dealloc_builtin, dealloc_plain, dealloc_subtype, drop_payload};

/// Freed objects of one builtin type waiting to be reused, per thread
/// (CPython's float free list): allocation and release of short-lived
/// objects then skip the allocator.
pub struct FreeList {
    head: Cell<*mut ObjHeader>,
    len: Cell<u32>,
}

/// How many freed objects a free list keeps (CPython keeps 100 floats).
const FREE_LIST_MAX: u32 = 100;

impl FreeList {
    pub const fn new() -> FreeList {
        FreeList { head: Cell::new(std::ptr::null_mut()), len: Cell::new(0) }
    }

    /// A kept allocation (null when there is none).
    fn pop(&self) -> *mut ObjHeader {
        let h = self.head.get();
        if !h.is_null() {
            // SAFETY: kept entries store the next entry in their first word.
            self.head.set(unsafe { *(h as *mut *mut ObjHeader) });
            self.len.set(self.len.get() - 1);
        }
        h
    }

    /// Keep an allocation; false when the list is full.
    fn push(&self, h: *mut ObjHeader) -> bool {
        if self.len.get() >= FREE_LIST_MAX {
            return false;
        }
        // SAFETY: `h` is an unreferenced allocation at least a word long.
        unsafe { *(h as *mut *mut ObjHeader) = self.head.get() };
        self.head.set(h);
        self.len.set(self.len.get() + 1);
        true
    }
}

impl Default for FreeList {
    fn default() -> Self {
        FreeList::new()
    }
}

/// A payload whose builtin type (without GC support) keeps a free list;
/// the type's deallocator must be `dealloc_pooled::<Self>`.
pub trait Pooled: PyPayload {
    /// Run `f` with this thread's free list for the type.
    fn with_free_list<R>(f: impl FnOnce(&FreeList) -> R) -> R;
}

/// The deallocator of a pooled type: the payload is dropped and the memory
/// kept for reuse when the free list has room.
///
/// # Safety
/// `h` is an unreferenced `PyObject<T>` allocated by `Value::new` or
/// `Value::new_pooled` (exact instances of `T`'s builtin type).
pub unsafe fn dealloc_pooled<T: Pooled>(h: *mut ObjHeader) {
    // SAFETY: layout and ownership guaranteed by the caller.
    unsafe {
        std::ptr::drop_in_place(&mut (*(h as *mut PyObject<T>)).data);
        if !T::with_free_list(|fl| fl.push(h)) {
            std::alloc::dealloc(h as *mut u8, Layout::new::<PyObject<T>>());
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn free_list_keeps_at_most_its_limit_and_reuses_last_freed_first() {
        let fl = FreeList::new();
        let blocks: Vec<*mut ObjHeader> = (0..FREE_LIST_MAX + 1).map(|_| Box::into_raw(Box::new([0u64; 2])) as *mut ObjHeader).collect();
        for (i, &b) in blocks.iter().enumerate() {
            assert_eq!(fl.push(b), (i as u32) < FREE_LIST_MAX);
        }
        for &b in blocks[..FREE_LIST_MAX as usize].iter().rev() {
            assert_eq!(fl.pop(), b);
        }
        assert!(fl.pop().is_null());
        for b in blocks {
            // SAFETY: each block came from Box::into_raw above and is freed once.
            drop(unsafe { Box::from_raw(b as *mut [u64; 2]) });
        }
    }
}
