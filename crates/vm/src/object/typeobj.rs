//! Type objects and their slots.
//!
//! A type is a `PyObject<TypeObject>`. Builtin types are immortal statics
//! whose slots and dicts are filled once at start-up (`types::init`); user
//! classes are heap types built by `type.__new__` whose slots call the
//! matching dunder methods. Slots are `Cell`s so assigning a dunder on a
//! class (or a base) updates them, as CPython's `update_slot` does.

use std::borrow::Cow;
use std::cell::{Cell, UnsafeCell};

use super::value::{dealloc_builtin, dealloc_plain, drop_payload, ObjHeader, PyObject, PyPayload, Value};
use crate::runtime::errors::PyResult;
use crate::runtime::thread::ThreadState;

pub type PyType = PyObject<TypeObject>;

/// Rich comparison operators, numbered as CPython's Py_LT..Py_GE.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum CompareOp {
    Lt = 0,
    Le = 1,
    Eq = 2,
    Ne = 3,
    Gt = 4,
    Ge = 5,
}

impl CompareOp {
    pub fn from_u32(n: u32) -> Option<CompareOp> {
        Some(match n {
            0 => CompareOp::Lt,
            1 => CompareOp::Le,
            2 => CompareOp::Eq,
            3 => CompareOp::Ne,
            4 => CompareOp::Gt,
            5 => CompareOp::Ge,
            _ => return None,
        })
    }
    /// The operator with operands swapped (`a < b` is `b > a`).
    pub fn swapped(self) -> CompareOp {
        match self {
            CompareOp::Lt => CompareOp::Gt,
            CompareOp::Le => CompareOp::Ge,
            CompareOp::Eq => CompareOp::Eq,
            CompareOp::Ne => CompareOp::Ne,
            CompareOp::Gt => CompareOp::Lt,
            CompareOp::Ge => CompareOp::Le,
        }
    }
    pub fn symbol(self) -> &'static str {
        ["<", "<=", "==", "!=", ">", ">="][self as usize]
    }
    pub fn dunder(self) -> &'static str {
        ["__lt__", "__le__", "__eq__", "__ne__", "__gt__", "__ge__"][self as usize]
    }
    /// Apply to an ordering.
    pub fn test(self, ord: std::cmp::Ordering) -> bool {
        use std::cmp::Ordering::*;
        match self {
            CompareOp::Lt => ord == Less,
            CompareOp::Le => ord != Greater,
            CompareOp::Eq => ord == Equal,
            CompareOp::Ne => ord != Equal,
            CompareOp::Gt => ord == Greater,
            CompareOp::Ge => ord != Less,
        }
    }
}

/// Binary operators, numbered as the BINARY_OP argument (CPython's NB_*):
/// the 13 plain operators, then their in-place forms at +13.
pub mod nb {
    pub const ADD: usize = 0;
    pub const AND: usize = 1;
    pub const FLOOR_DIVIDE: usize = 2;
    pub const LSHIFT: usize = 3;
    pub const MATRIX_MULTIPLY: usize = 4;
    pub const MULTIPLY: usize = 5;
    pub const REMAINDER: usize = 6;
    pub const OR: usize = 7;
    pub const POWER: usize = 8;
    pub const RSHIFT: usize = 9;
    pub const SUBTRACT: usize = 10;
    pub const TRUE_DIVIDE: usize = 11;
    pub const XOR: usize = 12;
    pub const INPLACE: usize = 13;
    pub const COUNT: usize = 26;
    /// Operator symbols for error messages.
    pub const SYMBOLS: [&str; 13] = ["+", "&", "//", "<<", "@", "*", "%", "|", "**", ">>", "-", "/", "^"];
    /// Dunder names (`__add__`), reflected (`__radd__`) and in-place (`__iadd__`).
    /// The dunders of each operator: `__add__`, its reflection `__radd__`,
    /// its in-place form `__iadd__` (static, so name lookups hit the
    /// interned-name cache instead of formatting a string).
    pub const DUNDERS: [&str; 13] = [
        "__add__", "__and__", "__floordiv__", "__lshift__", "__matmul__", "__mul__", "__mod__", "__or__", "__pow__", "__rshift__", "__sub__", "__truediv__", "__xor__",
    ];
    pub const RDUNDERS: [&str; 13] = [
        "__radd__", "__rand__", "__rfloordiv__", "__rlshift__", "__rmatmul__", "__rmul__", "__rmod__", "__ror__", "__rpow__", "__rrshift__", "__rsub__", "__rtruediv__", "__rxor__",
    ];
    pub const IDUNDERS: [&str; 13] = [
        "__iadd__", "__iand__", "__ifloordiv__", "__ilshift__", "__imatmul__", "__imul__", "__imod__", "__ior__", "__ipow__", "__irshift__", "__isub__", "__itruediv__", "__ixor__",
    ];
}

pub type ReprFn = fn(&ThreadState, &Value) -> PyResult<Value>;
pub type HashFn = fn(&ThreadState, &Value) -> PyResult<isize>;
pub type RichCmpFn = fn(&ThreadState, &Value, &Value, CompareOp) -> PyResult<Value>;
pub type GetAttrFn = fn(&ThreadState, &Value, &Value) -> PyResult<Value>;
pub type SetAttrFn = fn(&ThreadState, &Value, &Value, Option<&Value>) -> PyResult<()>;
/// Vectorcall convention: positional args, then keyword values; `kwnames`
/// (a tuple of str) names the trailing keyword values.
pub type CallFn = fn(&ThreadState, &Value, &[Value], Option<&Value>) -> PyResult<Value>;
pub type UnaryFn = fn(&ThreadState, &Value) -> PyResult<Value>;
/// `None` means exhausted without raising StopIteration.
pub type IterNextFn = fn(&ThreadState, &Value) -> PyResult<Option<Value>>;
pub type DescrGetFn = fn(&ThreadState, &Value, Option<&Value>, Option<&Value>) -> PyResult<Value>;
pub type DescrSetFn = fn(&ThreadState, &Value, &Value, Option<&Value>) -> PyResult<()>;
pub type InitFn = fn(&ThreadState, &Value, &[Value], Option<&Value>) -> PyResult<()>;
pub type BinaryFn = fn(&ThreadState, &Value, &Value) -> PyResult<Value>;
pub type TernaryFn = fn(&ThreadState, &Value, &Value, &Value) -> PyResult<Value>;
pub type InquiryFn = fn(&ThreadState, &Value) -> PyResult<bool>;
pub type LenFn = fn(&ThreadState, &Value) -> PyResult<usize>;
pub type ContainsFn = fn(&ThreadState, &Value, &Value) -> PyResult<bool>;
pub type AssSubscriptFn = fn(&ThreadState, &Value, &Value, Option<&Value>) -> PyResult<()>;
pub type FinalizeFn = fn(&ThreadState, &Value);
/// Reports each reference an object holds (tp_traverse); must never report
/// more references than the object owns.
pub type TraverseFn = fn(&Value, &mut dyn FnMut(&Value));
/// Drops the references an object holds, to break cycles (tp_clear).
pub type ClearFn = fn(&Value);

macro_rules! slots {
    ($($(#[$doc:meta])* $name:ident: $ty:ty,)*) => {
        /// The behaviour of a type (CPython's tp_* / nb_* / sq_* / mp_* slots).
        pub struct Slots {
            $($(#[$doc])* pub $name: Cell<Option<$ty>>,)*
            /// Binary operators indexed by `nb::*` (plain then in-place).
            pub binary: [Cell<Option<BinaryFn>>; nb::COUNT],
        }
        impl Slots {
            pub const EMPTY: Slots = Slots {
                $($name: Cell::new(None),)*
                binary: [const { Cell::new(None) }; nb::COUNT],
            };
            /// Make every slot the same as in `other`.
            pub fn copy_from(&self, other: &Slots) {
                $(self.$name.set(other.$name.get());)*
                for (mine, theirs) in self.binary.iter().zip(other.binary.iter()) {
                    mine.set(theirs.get());
                }
            }
            /// Whether every slot is the same as in `other`.
            pub fn same_as(&self, other: &Slots) -> bool {
                $(self.$name.get().map(|f| f as usize) == other.$name.get().map(|f| f as usize) &&)*
                self.binary.iter().zip(other.binary.iter()).all(|(a, b)| a.get().map(|f| f as usize) == b.get().map(|f| f as usize))
            }
            /// Copy every slot `self` lacks from `base` (CPython's inherit_slots).
            pub fn inherit_from(&self, base: &Slots) {
                $(if self.$name.get().is_none() { self.$name.set(base.$name.get()); })*
                for (mine, theirs) in self.binary.iter().zip(base.binary.iter()) {
                    if mine.get().is_none() { mine.set(theirs.get()); }
                }
            }
        }
    };
}

slots! {
    repr: ReprFn,
    str: ReprFn,
    hash: HashFn,
    richcompare: RichCmpFn,
    getattro: GetAttrFn,
    setattro: SetAttrFn,
    call: CallFn,
    iter: UnaryFn,
    iternext: IterNextFn,
    descr_get: DescrGetFn,
    descr_set: DescrSetFn,
    /// `tp_new(cls, args, kwnames)`; `cls` is the type being instantiated.
    new: CallFn,
    init: InitFn,
    finalize: FinalizeFn,
    power3: TernaryFn,
    negative: UnaryFn,
    positive: UnaryFn,
    absolute: UnaryFn,
    invert: UnaryFn,
    bool: InquiryFn,
    int: UnaryFn,
    float: UnaryFn,
    index: UnaryFn,
    length: LenFn,
    subscript: BinaryFn,
    ass_subscript: AssSubscriptFn,
    contains: ContainsFn,
    /// `+` of sequences (sq_concat), tried after the number slots.
    concat: BinaryFn,
    inplace_concat: BinaryFn,
    /// `*` of a sequence by an int (sq_repeat); the sequence comes first.
    repeat: BinaryFn,
    inplace_repeat: BinaryFn,
}

// Type flags (CPython's values where CPython has them).
pub const TPFLAGS_HEAPTYPE: u64 = 1 << 9;
pub const TPFLAGS_BASETYPE: u64 = 1 << 10;
pub const TPFLAGS_READY: u64 = 1 << 12;
pub const TPFLAGS_HAVE_GC: u64 = 1 << 14;
pub const TPFLAGS_IS_ABSTRACT: u64 = 1 << 20;
pub const TPFLAGS_LONG_SUBCLASS: u64 = 1 << 24;
pub const TPFLAGS_LIST_SUBCLASS: u64 = 1 << 25;
pub const TPFLAGS_TUPLE_SUBCLASS: u64 = 1 << 26;
pub const TPFLAGS_BYTES_SUBCLASS: u64 = 1 << 27;
pub const TPFLAGS_UNICODE_SUBCLASS: u64 = 1 << 28;
pub const TPFLAGS_DICT_SUBCLASS: u64 = 1 << 29;
pub const TPFLAGS_BASE_EXC_SUBCLASS: u64 = 1 << 30;
pub const TPFLAGS_TYPE_SUBCLASS: u64 = 1 << 31;

/// The payload of a type object.
pub struct TypeObject {
    name: UnsafeCell<Cow<'static, str>>,
    pub flags: Cell<u64>,
    base: Cell<*const PyType>,
    /// The builtin type whose payload layout instances have.
    solid: Cell<*const PyType>,
    bases: UnsafeCell<Option<Value>>,
    mro: UnsafeCell<Option<Value>>,
    dict: UnsafeCell<Option<Value>>,
    /// Extra per-type Python-visible values of heap types (`__qualname__`, `__module__` live in the dict).
    qualname: UnsafeCell<Option<Value>>,
    /// Total instance size in bytes (payload and extras), for heap types.
    pub basicsize: Cell<usize>,
    /// Byte offset of the first extras word (instance dict, weakref list, `__slots__`).
    pub extras_offset: Cell<usize>,
    /// Index among the extras of the instance dict (-1: none).
    pub dict_slot: Cell<isize>,
    /// Index among the extras of the weakref list (-1: none).
    pub weaklist_slot: Cell<isize>,
    pub dealloc: Cell<unsafe fn(*mut ObjHeader)>,
    /// Drops the payload in place (for heap subtypes of this layout).
    pub drop_data: Option<unsafe fn(*mut ObjHeader)>,
    pub slots: Slots,
    /// Changes whenever the type or a base changes (attribute caches).
    pub version: Cell<u32>,
    pub doc: Option<&'static str>,
    /// Weak list of direct subclasses (raw pointers; entries removed at dealloc).
    pub subclasses: std::cell::RefCell<Vec<usize>>,
    /// The cycle collector's hooks for instances of this layout (builtin
    /// types; heap types use their solid base's, plus their extras).
    pub gc_traverse: Cell<Option<TraverseFn>>,
    pub gc_clear: Cell<Option<ClearFn>>,
}

impl PyPayload for TypeObject {
    fn class() -> &'static PyType {
        &crate::types::typeobject::TYPE_TYPE
    }
}

impl TypeObject {
    /// A builtin type with payload layout `T` (`solid` is the type itself).
    pub const fn builtin<T>(name: &'static str, me: &'static PyType, base: Option<&'static PyType>, flags: u64) -> TypeObject {
        TypeObject {
            name: UnsafeCell::new(Cow::Borrowed(name)),
            flags: Cell::new(flags),
            base: Cell::new(match base {
                Some(b) => b,
                None => std::ptr::null(),
            }),
            solid: Cell::new(me),
            bases: UnsafeCell::new(None),
            mro: UnsafeCell::new(None),
            dict: UnsafeCell::new(None),
            qualname: UnsafeCell::new(None),
            basicsize: Cell::new(std::mem::size_of::<PyObject<T>>()),
            extras_offset: Cell::new(std::mem::size_of::<PyObject<T>>()),
            dict_slot: Cell::new(-1),
            weaklist_slot: Cell::new(-1),
            // Types without GC support skip the collector's bookkeeping.
            dealloc: Cell::new(if flags & TPFLAGS_HAVE_GC != 0 { dealloc_builtin::<T> } else { dealloc_plain::<T> }),
            drop_data: Some(drop_payload::<T>),
            slots: Slots::EMPTY,
            version: Cell::new(0),
            doc: None,
            subclasses: std::cell::RefCell::new(Vec::new()),
            gc_traverse: Cell::new(None),
            gc_clear: Cell::new(None),
        }
    }

    /// A builtin type sharing the layout of its base `solid` (e.g. the
    /// exception classes share BaseException's layout).
    pub const fn builtin_sublayout(name: &'static str, base: &'static PyType, solid: &'static PyType, basicsize: usize, dealloc: unsafe fn(*mut ObjHeader), flags: u64) -> TypeObject {
        TypeObject {
            name: UnsafeCell::new(Cow::Borrowed(name)),
            flags: Cell::new(flags),
            base: Cell::new(base),
            solid: Cell::new(solid),
            bases: UnsafeCell::new(None),
            mro: UnsafeCell::new(None),
            dict: UnsafeCell::new(None),
            qualname: UnsafeCell::new(None),
            basicsize: Cell::new(basicsize),
            extras_offset: Cell::new(basicsize),
            dict_slot: Cell::new(-1),
            weaklist_slot: Cell::new(-1),
            dealloc: Cell::new(dealloc),
            drop_data: None,
            slots: Slots::EMPTY,
            version: Cell::new(0),
            doc: None,
            subclasses: std::cell::RefCell::new(Vec::new()),
            gc_traverse: Cell::new(None),
            gc_clear: Cell::new(None),
        }
    }

    /// A heap type (payload of a class object made by `type.__new__`).
    pub fn heap(name: String, base: &PyType, flags: u64) -> TypeObject {
        TypeObject {
            name: UnsafeCell::new(Cow::Owned(name)),
            flags: Cell::new(flags | TPFLAGS_HEAPTYPE),
            base: Cell::new(base),
            solid: Cell::new(base.data.solid.get()),
            bases: UnsafeCell::new(None),
            mro: UnsafeCell::new(None),
            dict: UnsafeCell::new(None),
            qualname: UnsafeCell::new(None),
            basicsize: Cell::new(base.data.basicsize.get()),
            extras_offset: Cell::new(base.data.extras_offset.get()),
            dict_slot: Cell::new(base.data.dict_slot.get()),
            weaklist_slot: Cell::new(base.data.weaklist_slot.get()),
            dealloc: Cell::new(super::value::dealloc_subtype),
            drop_data: None,
            slots: Slots::EMPTY,
            version: Cell::new(0),
            doc: None,
            subclasses: std::cell::RefCell::new(Vec::new()),
            gc_traverse: Cell::new(None),
            gc_clear: Cell::new(None),
        }
    }

    /// The type's `__name__`.
    pub fn name(&self) -> String {
        // SAFETY: the name is replaced only by `set_name`, never while a
        // borrow from here is alive (we copy it out).
        unsafe { (*self.name.get()).to_string() }
    }

    /// Set `__name__` (heap types).
    pub fn set_name(&self, name: String) {
        // SAFETY: no reference into the old name outlives `name()`.
        unsafe { *self.name.get() = Cow::Owned(name) };
    }

    pub fn qualname(&self) -> Option<Value> {
        // SAFETY: read of a Value slot written only by set_qualname; cloned out.
        unsafe { (*self.qualname.get()).clone() }
    }

    pub fn set_qualname(&self, q: Value) {
        // SAFETY: no borrow of the slot is held across this write.
        let old = unsafe { std::mem::replace(&mut *self.qualname.get(), Some(q)) };
        drop(old);
    }

    pub fn is_heap_type(&self) -> bool {
        self.flags.get() & TPFLAGS_HEAPTYPE != 0
    }

    pub fn has_flag(&self, flag: u64) -> bool {
        self.flags.get() & flag != 0
    }

    pub fn has_finalizer(&self) -> bool {
        self.slots.finalize.get().is_some()
    }

    /// The builtin type whose layout instances have.
    pub fn solid_base(&self) -> *const PyType {
        self.solid.get()
    }

    /// `tp_base` (None for object).
    pub fn base(&self) -> Option<&PyType> {
        let b = self.base.get();
        // SAFETY: a type holds its base alive (static or referenced by `bases`).
        if b.is_null() { None } else { Some(unsafe { &*b }) }
    }

    pub fn set_base(&self, base: &PyType) {
        self.base.set(base);
        self.solid.set(base.data.solid.get());
    }

    /// The `__dict__` of the type (a dict).
    pub fn dict(&self) -> Value {
        // SAFETY: set once at type creation; cloned out.
        unsafe { (*self.dict.get()).clone() }.expect("type dict initialized at creation")
    }

    pub fn set_dict(&self, d: Value) {
        // SAFETY: no borrow of the slot is held across this write.
        let old = unsafe { std::mem::replace(&mut *self.dict.get(), Some(d)) };
        drop(old);
    }

    /// `__mro__` as a tuple.
    pub fn mro(&self) -> Value {
        // SAFETY: cloned out; replaced only by mro recomputation.
        unsafe { (*self.mro.get()).clone() }.expect("mro computed at creation")
    }

    pub fn set_mro(&self, mro: Value) {
        // SAFETY: no borrow of the slot is held across this write.
        let old = unsafe { std::mem::replace(&mut *self.mro.get(), Some(mro)) };
        drop(old);
        self.modified();
    }

    pub fn bases(&self) -> Value {
        // SAFETY: cloned out.
        unsafe { (*self.bases.get()).clone() }.expect("bases set at creation")
    }

    pub fn set_bases(&self, bases: Value) {
        // SAFETY: no borrow of the slot is held across this write.
        let old = unsafe { std::mem::replace(&mut *self.bases.get(), Some(bases)) };
        drop(old);
    }

    /// Invalidate caches keyed by this type's version (and its subclasses'):
    /// the next lookup assigns a fresh version (CPython's PyType_Modified).
    pub fn modified(&self) {
        // No early return on an unassigned version: a subclass may have one
        // (and cached lookups through this type) while this type has none.
        self.version.set(0);
        let subs: Vec<usize> = self.subclasses.borrow().clone();
        for s in subs {
            // SAFETY: subclasses unregister themselves before being freed.
            let sub = unsafe { &*(s as *const PyType) };
            sub.data.modified();
        }
    }

    /// The type's version tag, assigning a fresh one if it has none; 0 when
    /// the counter is exhausted (no caching then).
    pub fn version_tag(&self) -> u32 {
        let v = self.version.get();
        if v != 0 {
            return v;
        }
        let next = NEXT_TYPE_VERSION.with(|n| {
            let v = n.get();
            if v != 0 {
                n.set(v.wrapping_add(1));
            }
            v
        });
        self.version.set(next);
        next
    }

    /// Whether `self` is `other` or a subclass of it (walks the MRO).
    pub fn is_subtype(&self, other: &PyType) -> bool {
        if std::ptr::eq(self, &other.data) {
            return true;
        }
        // SAFETY: cloned out of the slot.
        match unsafe { (*self.mro.get()).as_ref() } {
            Some(mro) => {
                let items = crate::types::tuple::tuple_items(mro);
                items.iter().any(|t| std::ptr::eq(t.type_payload_ptr(), &other.data))
            }
            None => {
                let mut b = self.base();
                while let Some(t) = b {
                    if std::ptr::eq(t, other) {
                        return true;
                    }
                    b = t.data.base();
                }
                false
            }
        }
    }

    /// Find `name` along the MRO (CPython's _PyType_Lookup): the attribute
    /// and nothing else; no descriptors are invoked.
    pub fn lookup(&self, name: &Value) -> Option<Value> {
        let version = self.version_tag();
        if version == 0 {
            return self.lookup_uncached(name);
        }
        let name_ptr = name.as_raw();
        let i = ((version as usize).wrapping_mul(0x9E37_79B1) ^ (name_ptr >> 4)) & (METHOD_CACHE_SIZE - 1);
        METHOD_CACHE.with(|c| {
            // SAFETY: the cache is only touched here, never re-entrantly: the
            // uncached lookup below runs no Python code (plain dict reads).
            let entry = unsafe { &mut (&mut *c.get())[i] };
            if entry.version == version && entry.name.as_ref().is_some_and(|n| n.as_raw() == name_ptr) {
                // SAFETY: the value is held by the dict of a type in this
                // type's MRO; any change to those dicts resets the version.
                return (entry.value != 0).then(|| unsafe { Value::clone_from_raw_word(entry.value) });
            }
            let found = self.lookup_uncached(name);
            entry.version = version;
            entry.name = Some(name.clone());
            entry.value = found.as_ref().map_or(0, Value::as_raw);
            found
        })
    }

    /// The MRO walk behind `lookup` (CPython's find_name_in_mro).
    fn lookup_uncached(&self, name: &Value) -> Option<Value> {
        let mro = self.mro();
        for t in crate::types::tuple::tuple_items(&mro) {
            let Some(ty) = t.downcast::<TypeObject>() else { continue };
            if let Some(v) = crate::types::dict::dict_get_str(&ty.dict(), name) {
                return Some(v);
            }
        }
        None
    }

    /// `lookup` by a Rust string.
    pub fn lookup_str(&self, name: &str) -> Option<Value> {
        let key = interned_name(name);
        self.lookup(&key)
    }
}

/// Entries of the attribute lookup cache (a power of two).
const METHOD_CACHE_SIZE: usize = 4096;

/// One entry of the cache: the result of looking `name` up in the MRO of
/// the type whose version tag is `version` (null: not found).
struct MethodCacheEntry {
    version: u32,
    name: Option<Value>,
    /// `Value::as_raw` of the attribute, borrowed; 0 when not found.
    value: usize,
}

const EMPTY_METHOD_CACHE_ENTRY: MethodCacheEntry = MethodCacheEntry { version: 0, name: None, value: 0 };

thread_local! {
    /// CPython's type method cache: (version tag, name) -> attribute.
    static METHOD_CACHE: UnsafeCell<[MethodCacheEntry; METHOD_CACHE_SIZE]> =
        const { UnsafeCell::new([EMPTY_METHOD_CACHE_ENTRY; METHOD_CACHE_SIZE]) };
    /// Version tags are never reused, so a stale entry never matches.
    static NEXT_TYPE_VERSION: Cell<u32> = const { Cell::new(1) };
}

/// Entries of the interned-name cache: room for every slot dunder (class
/// creation looks all of them up) and the names native code asks for.
const NAME_CACHE_SIZE: usize = 512;

thread_local! {
    /// Recently interned names by text (native code looks up the same few
    /// dunder names on every call; interning hashes the text each time).
    static NAME_CACHE: std::cell::RefCell<Vec<Option<(Box<str>, Value)>>> = std::cell::RefCell::new(vec![None; NAME_CACHE_SIZE]);
}

/// `str::intern(name)` through a small cache indexed by the text's address
/// and length (literals keep their address), checked by content.
fn interned_name(name: &str) -> Value {
    let i = ((name.as_ptr() as usize >> 3) ^ name.len()) & (NAME_CACHE_SIZE - 1);
    NAME_CACHE.with(|c| {
        if let Some((text, v)) = &c.borrow()[i] {
            if **text == *name {
                return v.clone();
            }
        }
        let v = crate::types::str::intern(name);
        c.borrow_mut()[i] = Some((Box::from(name), v.clone()));
        v
    })
}

impl Value {
    /// Pointer to the TypeObject payload if this is a type (identity checks).
    pub fn type_payload_ptr(&self) -> *const TypeObject {
        match self.downcast::<TypeObject>() {
            Some(t) => t,
            None => std::ptr::null(),
        }
    }

    /// This value as a type object.
    pub fn as_type(&self) -> Option<&TypeObject> {
        self.downcast::<TypeObject>()
    }
}

impl PyType {
    /// A new reference to this type as a Value.
    pub fn to_value(&self) -> Value {
        // SAFETY: `self` is a live type object; we take a new reference.
        unsafe { Value::from_borrowed_ptr(&self.header as *const ObjHeader) }
    }

    /// The type's name.
    pub fn name(&self) -> String {
        self.data.name()
    }

    pub fn is_subtype(&self, other: &PyType) -> bool {
        self.data.is_subtype(other)
    }
}

/// Run an object's `__del__` (tp_finalize) from its deallocator. Errors are
/// reported as unraisable, as CPython does.
pub fn call_finalizer(obj: &Value) {
    if let Some(fin) = obj.type_of().data.slots.finalize.get() {
        if let Some(ts) = ThreadState::current() {
            fin(ts, obj);
        }
    }
}

/// The references a type object holds, for the cycle collector.
pub(crate) fn type_traverse(v: &Value, visit: &mut dyn FnMut(&Value)) {
    let Some(t) = v.downcast::<TypeObject>() else { return };
    // SAFETY: the slots are only replaced by the setters above, which never
    // run while this shared read is alive (no Python code runs here).
    unsafe {
        for slot in [&t.dict, &t.bases, &t.mro, &t.qualname] {
            if let Some(x) = &*slot.get() {
                visit(x);
            }
        }
    }
}

/// Break the cycles of a heap type found to be garbage: its dict and MRO
/// (which contains the type itself) are dropped.
pub(crate) fn type_clear(v: &Value) {
    let Some(t) = v.downcast::<TypeObject>() else { return };
    if !t.is_heap_type() {
        return;
    }
    // SAFETY: as in `type_traverse`; the old values are dropped after the
    // slots are updated, so re-entrant code sees a consistent type.
    let (old_mro, old_dict) = unsafe {
        let empty = crate::types::tuple::new_tuple(Vec::new()).ok();
        (std::mem::replace(&mut *t.mro.get(), empty), (*t.dict.get()).replace(crate::types::dict::new_dict()))
    };
    t.modified();
    drop(old_mro);
    drop(old_dict);
}
