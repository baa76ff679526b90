//! Builtin types, one file each, plus the tables some of them share.

pub mod bool_;
pub mod builtin_docs;
pub mod bytearray;
pub mod bytes;
pub mod cell;
pub mod code;
pub mod complex;
pub mod descr;
pub mod dict;
pub mod dict_methods;
pub mod dict_table;
pub mod enumobject;
pub mod exceptions;
pub mod float;
pub mod frame;
pub mod function;
pub mod generator;
pub mod genericalias;
pub mod int;
pub mod iter;
pub mod list;
pub mod list_sort;
pub mod mappingproxy;
pub mod memoryview;
pub mod module;
pub mod namespace;
pub mod none;
pub mod object;
pub mod pattern;
pub mod range;
pub mod set;
pub mod set_table;
pub mod slice;
pub mod str;
pub mod super_;
pub mod traceback;
pub mod tuple;
pub mod typeobject;
pub mod weakref;

use std::cell::RefCell;

use crate::object::typeobj::PyType;
use crate::object::value::Value;
use crate::runtime::thread::ThreadState;

/// Every static builtin type, bases before subclasses.
pub fn all_static_types() -> Vec<&'static PyType> {
    let mut v: Vec<&'static PyType> = vec![
        &object::OBJECT_TYPE,
        &typeobject::TYPE_TYPE,
        &none::NONE_TYPE,
        &none::NOT_IMPLEMENTED_TYPE,
        &none::ELLIPSIS_TYPE,
        &int::INT_TYPE,
        &bool_::BOOL_TYPE,
        &float::FLOAT_TYPE,
        &str::STR_TYPE,
        &tuple::TUPLE_TYPE,
        &list::LIST_TYPE,
        &dict::DICT_TYPE,
        &function::FUNCTION_TYPE,
        &function::BUILTIN_FUNCTION_TYPE,
        &function::METHOD_TYPE,
        &code::CODE_TYPE,
        &cell::CELL_TYPE,
        &module::MODULE_TYPE,
        &range::RANGE_TYPE,
        &range::RANGE_ITERATOR_TYPE,
        &range::LONGRANGE_ITERATOR_TYPE,
        &slice::SLICE_TYPE,
        &traceback::TRACEBACK_TYPE,
        &frame::FRAME_TYPE,
        &complex::COMPLEX_TYPE,
        &bytearray::BYTEARRAY_TYPE,
        &super_::SUPER_TYPE,
        &mappingproxy::MAPPINGPROXY_TYPE,
        &typeobject::WRAPPER_DESCR_TYPE,
        &typeobject::METHOD_WRAPPER_TYPE,
    ];
    v.extend(bytes::types());
    v.extend(bytearray::iterator_types());
    v.extend(memoryview::types());
    v.extend(set::types());
    v.extend(dict_methods::types());
    v.extend(generator::types());
    v.extend(genericalias::types());
    v.extend(enumobject::types());
    v.push(&namespace::NAMESPACE_TYPE);
    v.extend(crate::modules::types());
    v.extend(iter::types());
    v.extend(descr::types());
    v.extend(list::iterator_types());
    v.extend(tuple::iterator_types());
    v.extend(str::iterator_types());
    v.extend(exceptions::types());
    v.extend(weakref::types());
    v
}

/// Fill the static types: slots, methods, MRO, dicts (CPython's PyType_Ready
/// over the static types). Runs once per process.
pub fn init() {
    static ONCE: std::sync::Once = std::sync::Once::new();
    ONCE.call_once(|| {
        // Dicts first: every type gets one before any method is added.
        for t in all_static_types() {
            t.data.set_dict(dict::new_dict());
        }
        object::init();
        typeobject::init();
        none::init();
        int::init();
        bool_::init();
        float::init();
        str::init();
        tuple::init();
        list::init();
        dict::init();
        dict_methods::init();
        function::init();
        code::init();
        cell::init();
        module::init();
        range::init();
        slice::init();
        traceback::init();
        iter::init();
        descr::init();
        exceptions::init();
        bytes::init();
        bytearray::init();
        memoryview::init();
        complex::init();
        set::init();
        super_::init();
        mappingproxy::init();
        generator::init();
        genericalias::init();
        enumobject::init();
        weakref::init();
        crate::gc::traverse::install_builtin_hooks();
        namespace::init();
        crate::modules::init_types();
        for t in all_static_types() {
            typeobject::ready_static(t);
        }
        exceptions::fix_exception_group_mro();
        // Lookups made while the types were being filled may be cached.
        for t in all_static_types() {
            t.data.modified();
        }
        crate::gc::keep_for_process();
    });
}

/// The `__dict__` of builtin objects that have one outside the extras
/// (functions, modules, exceptions).
pub fn builtin_dict_of(obj: &Value) -> Option<Value> {
    if let Some(m) = obj.downcast::<module::PyModule>() {
        return Some(m.dict.clone());
    }
    if let Some(f) = obj.downcast::<function::PyFunction>() {
        return Some(f.dict());
    }
    if let Some(e) = obj.downcast::<exceptions::PyBaseException>() {
        return Some(e.dict());
    }
    if let Some(n) = obj.downcast::<namespace::PyNamespace>() {
        return Some(n.dict.clone());
    }
    None
}

thread_local! {
    // Objects whose repr is being computed (CPython's Py_ReprEnter list).
    static REPR_STACK: RefCell<Vec<usize>> = const { RefCell::new(Vec::new()) };
}

/// Guards `repr` of containers against recursion: `[...]` for a list that
/// contains itself.
pub struct ReprGuard(usize);

impl ReprGuard {
    /// None when `obj`'s repr is already in progress.
    pub fn enter(_ts: &ThreadState, obj: &Value) -> Option<ReprGuard> {
        let id = obj.id();
        REPR_STACK.with(|s| {
            let mut s = s.borrow_mut();
            if s.contains(&id) {
                None
            } else {
                s.push(id);
                Some(ReprGuard(id))
            }
        })
    }
}

impl Drop for ReprGuard {
    fn drop(&mut self) {
        REPR_STACK.with(|s| {
            let mut s = s.borrow_mut();
            if let Some(pos) = s.iter().rposition(|&x| x == self.0) {
                s.remove(pos);
            }
        });
    }
}
