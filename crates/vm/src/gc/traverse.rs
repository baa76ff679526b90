//! Traverse and clear (CPython's tp_traverse / tp_clear) dispatch, the
//! hooks of the builtin types whose payload fields are public, and their
//! installation on the static types.
//!
//! Traversal only reads: a container whose storage is borrowed at the
//! moment reports nothing, which makes its referents look externally
//! referenced (the safe direction). Clear drops references outside any
//! borrow of the container.

use std::mem::ManuallyDrop;

use crate::object::typeobj::{PyType, TypeObject, TraverseFn, ClearFn};
use crate::object::value::{ObjHeader, Value};
use crate::types::*;

/// Report each reference `obj` holds.
pub fn traverse(obj: &Value, visit: &mut dyn FnMut(&Value)) {
    let ty = obj.type_of();
    let data = &ty.data;
    if data.is_heap_type() {
        // The instance owns a reference to its heap type.
        let tyv = borrowed_type(ty);
        visit(&tyv);
        let n = (data.basicsize.get() - data.extras_offset.get()) / 8;
        let weak = data.weaklist_slot.get();
        for i in 0..n {
            if i as isize == weak {
                continue;
            }
            let cell = obj.extra_slot(i);
            let v = cell.take();
            if let Some(x) = &v {
                visit(x);
            }
            cell.set(v);
        }
        // SAFETY: a solid base is a static builtin type.
        let base = unsafe { &*data.solid_base() };
        if let Some(f) = base.data.gc_traverse.get() {
            f(obj, visit);
        }
    } else {
        // SAFETY: a builtin type's solid base is itself or a static builtin type.
        let base = unsafe { &*data.solid_base() };
        if let Some(f) = base.data.gc_traverse.get() {
            f(obj, visit);
        }
    }
}

/// Drop the references `obj` holds (a garbage object).
pub fn clear(obj: &Value) {
    let ty = obj.type_of();
    let data = &ty.data;
    if data.is_heap_type() {
        let n = (data.basicsize.get() - data.extras_offset.get()) / 8;
        let weak = data.weaklist_slot.get();
        for i in 0..n {
            if i as isize != weak {
                drop(obj.extra_slot(i).take());
            }
        }
        // SAFETY: a solid base is a static builtin type.
        let base = unsafe { &*data.solid_base() };
        if let Some(f) = base.data.gc_clear.get() {
            f(obj);
        }
    } else {
        // SAFETY: as in `traverse`.
        let base = unsafe { &*data.solid_base() };
        if let Some(f) = base.data.gc_clear.get() {
            f(obj);
        }
    }
}

fn borrowed_type(ty: &PyType) -> ManuallyDrop<Value> {
    // SAFETY: the type is alive (its instance holds it); ManuallyDrop
    // keeps this uncounted reference from being released.
    ManuallyDrop::new(unsafe { Value::from_raw(&ty.header as *const ObjHeader) })
}

fn visit_opt(v: &Option<Value>, visit: &mut dyn FnMut(&Value)) {
    if let Some(x) = v {
        visit(x);
    }
}

fn visit_refcell_opt(c: &std::cell::RefCell<Option<Value>>, visit: &mut dyn FnMut(&Value)) {
    if let Ok(b) = c.try_borrow() {
        visit_opt(&b, visit);
    }
}

fn visit_cell_opt(c: &std::cell::Cell<Option<Value>>, visit: &mut dyn FnMut(&Value)) {
    let v = c.take();
    visit_opt(&v, visit);
    c.set(v);
}

fn take_refcell_opt(c: &std::cell::RefCell<Option<Value>>) -> Option<Value> {
    c.try_borrow_mut().ok().and_then(|mut b| b.take())
}

// ---- hooks of types with public fields ----

fn list_traverse(v: &Value, visit: &mut dyn FnMut(&Value)) {
    if let Some(l) = v.downcast::<list::PyList>() {
        if let Ok(items) = l.items.try_borrow() {
            // Last to first, as CPython (get_referents shows the order).
            for x in items.iter().rev() {
                visit(x);
            }
        }
    }
}

fn list_clear(v: &Value) {
    if let Some(l) = v.downcast::<list::PyList>() {
        let old = l.items.try_borrow_mut().map(|mut b| std::mem::take(&mut *b));
        drop(old);
    }
}

fn tuple_traverse(v: &Value, visit: &mut dyn FnMut(&Value)) {
    if let Some(t) = v.downcast::<tuple::PyTuple>() {
        for x in t.items.iter().rev() {
            visit(x);
        }
    }
}

fn dict_traverse(v: &Value, visit: &mut dyn FnMut(&Value)) {
    if let Some(d) = v.downcast::<dict::PyDict>() {
        for (_, _, k, x) in d.table().iter() {
            // str keys are atoms; CPython's str-keyed tables report only values.
            if !k.is_exact(&str::STR_TYPE) {
                visit(k);
            }
            visit(x);
        }
    }
}

fn dict_clear(v: &Value) {
    if let Some(d) = v.downcast::<dict::PyDict>() {
        d.clear();
    }
}

fn cell_traverse(v: &Value, visit: &mut dyn FnMut(&Value)) {
    if let Some(c) = v.downcast::<cell::PyCell>() {
        visit_refcell_opt(&c.contents, visit);
    }
}

fn cell_clear(v: &Value) {
    if let Some(c) = v.downcast::<cell::PyCell>() {
        drop(take_refcell_opt(&c.contents));
    }
}

fn method_traverse(v: &Value, visit: &mut dyn FnMut(&Value)) {
    if let Some(m) = v.downcast::<function::PyMethod>() {
        visit(&m.func);
        visit(&m.self_);
    }
}

fn method_wrapper_traverse(v: &Value, visit: &mut dyn FnMut(&Value)) {
    if let Some(m) = v.downcast::<typeobject::MethodWrapper>() {
        visit(&m.descr);
        visit(&m.self_);
    }
}

fn builtin_function_traverse(v: &Value, visit: &mut dyn FnMut(&Value)) {
    if let Some(f) = v.downcast::<function::PyBuiltinFunction>() {
        visit_opt(&f.self_, visit);
    }
}

fn module_traverse(v: &Value, visit: &mut dyn FnMut(&Value)) {
    if let Some(m) = v.downcast::<module::PyModule>() {
        visit(&m.dict);
    }
}

fn namespace_traverse(v: &Value, visit: &mut dyn FnMut(&Value)) {
    if let Some(m) = v.downcast::<namespace::PyNamespace>() {
        visit(&m.dict);
    }
}

fn traceback_traverse(v: &Value, visit: &mut dyn FnMut(&Value)) {
    if let Some(t) = v.downcast::<traceback::PyTraceback>() {
        visit_refcell_opt(&t.next, visit);
        visit(&t.frame);
    }
}

fn traceback_clear(v: &Value) {
    if let Some(t) = v.downcast::<traceback::PyTraceback>() {
        drop(take_refcell_opt(&t.next));
    }
}

fn classmethod_traverse(v: &Value, visit: &mut dyn FnMut(&Value)) {
    if let Some(c) = v.downcast::<descr::PyClassMethod>() {
        visit_cell_opt(&c.callable, visit);
        visit(&c.dict);
    }
}

fn classmethod_clear(v: &Value) {
    if let Some(c) = v.downcast::<descr::PyClassMethod>() {
        drop(c.callable.take());
    }
}

fn staticmethod_traverse(v: &Value, visit: &mut dyn FnMut(&Value)) {
    if let Some(c) = v.downcast::<descr::PyStaticMethod>() {
        visit_cell_opt(&c.callable, visit);
        visit(&c.dict);
    }
}

fn staticmethod_clear(v: &Value) {
    if let Some(c) = v.downcast::<descr::PyStaticMethod>() {
        drop(c.callable.take());
    }
}

fn property_traverse(v: &Value, visit: &mut dyn FnMut(&Value)) {
    if let Some(p) = v.downcast::<descr::PyProperty>() {
        visit_opt(&p.fget, visit);
        visit_opt(&p.fset, visit);
        visit_opt(&p.fdel, visit);
        visit_opt(&p.doc, visit);
    }
}

fn member_descr_traverse(v: &Value, visit: &mut dyn FnMut(&Value)) {
    if let Some(m) = v.downcast::<descr::PyMemberDescr>() {
        visit(&m.owner);
    }
}

fn mappingproxy_traverse(v: &Value, visit: &mut dyn FnMut(&Value)) {
    if let Some(m) = v.downcast::<mappingproxy::PyMappingProxy>() {
        visit(&m.mapping);
    }
}

fn genericalias_traverse(v: &Value, visit: &mut dyn FnMut(&Value)) {
    if let Some(g) = v.downcast::<genericalias::PyGenericAlias>() {
        visit(&g.origin);
        visit(&g.args);
    }
}

fn union_traverse(v: &Value, visit: &mut dyn FnMut(&Value)) {
    if let Some(g) = v.downcast::<genericalias::PyUnion>() {
        visit(&g.args);
    }
}

fn dict_view_traverse(v: &Value, visit: &mut dyn FnMut(&Value)) {
    if let Some(d) = v.downcast::<dict_methods::DictView>() {
        visit(&d.dict);
    }
}

fn list_iter_traverse(v: &Value, visit: &mut dyn FnMut(&Value)) {
    if let Some(i) = v.downcast::<list::ListIterator>() {
        visit(&i.seq);
    }
}

fn list_rev_iter_traverse(v: &Value, visit: &mut dyn FnMut(&Value)) {
    if let Some(i) = v.downcast::<list::ListReverseIterator>() {
        visit(&i.seq);
    }
}

fn tuple_iter_traverse(v: &Value, visit: &mut dyn FnMut(&Value)) {
    if let Some(i) = v.downcast::<tuple::TupleIterator>() {
        visit(&i.seq);
    }
}

fn set_traverse(v: &Value, visit: &mut dyn FnMut(&Value)) {
    if let Some(s) = v.downcast::<set::PySet>() {
        for (_, _, k) in s.table().iter() {
            visit(k);
        }
    }
}

fn install(ty: &PyType, t: TraverseFn, c: Option<ClearFn>) {
    let d: &TypeObject = &ty.data;
    d.gc_traverse.set(Some(t));
    d.gc_clear.set(c);
}

/// Set the traverse/clear hooks of the static builtin types.
pub fn install_builtin_hooks() {
    install(&list::LIST_TYPE, list_traverse, Some(list_clear));
    install(&tuple::TUPLE_TYPE, tuple_traverse, None);
    install(&dict::DICT_TYPE, dict_traverse, Some(dict_clear));
    install(&set::SET_TYPE, set_traverse, Some(set::gc_clear));
    install(&set::FROZENSET_TYPE, set_traverse, Some(set::gc_clear));
    install(&cell::CELL_TYPE, cell_traverse, Some(cell_clear));
    install(&function::METHOD_TYPE, method_traverse, None);
    install(&typeobject::METHOD_WRAPPER_TYPE, method_wrapper_traverse, None);
    install(&function::BUILTIN_FUNCTION_TYPE, builtin_function_traverse, None);
    install(&function::FUNCTION_TYPE, function::gc_traverse, Some(function::gc_clear));
    install(&module::MODULE_TYPE, module_traverse, None);
    install(&namespace::NAMESPACE_TYPE, namespace_traverse, None);
    install(&traceback::TRACEBACK_TYPE, traceback_traverse, Some(traceback_clear));
    install(&descr::CLASSMETHOD_TYPE, classmethod_traverse, Some(classmethod_clear));
    install(&descr::STATICMETHOD_TYPE, staticmethod_traverse, Some(staticmethod_clear));
    install(&descr::PROPERTY_TYPE, property_traverse, None);
    install(&descr::MEMBER_DESCR_TYPE, member_descr_traverse, None);
    install(&mappingproxy::MAPPINGPROXY_TYPE, mappingproxy_traverse, None);
    install(&genericalias::GENERIC_ALIAS_TYPE, genericalias_traverse, None);
    install(&genericalias::UNION_TYPE, union_traverse, None);
    install(&dict_methods::DICT_KEYS_TYPE, dict_view_traverse, None);
    install(&list::LIST_ITERATOR_TYPE, list_iter_traverse, None);
    install(&list::LIST_REVERSE_ITERATOR_TYPE, list_rev_iter_traverse, None);
    install(&tuple::TUPLE_ITERATOR_TYPE, tuple_iter_traverse, None);
    install(&typeobject::TYPE_TYPE, crate::object::typeobj::type_traverse, Some(crate::object::typeobj::type_clear));
    install(&exceptions::BASE_EXCEPTION_TYPE, exceptions::gc_traverse, Some(exceptions::gc_clear));
    install(&generator::GENERATOR_TYPE, generator::gc_traverse, None);
    install(&frame::FRAME_TYPE, frame::gc_traverse, Some(frame::gc_clear));
    install(&super_::SUPER_TYPE, super_::gc_traverse, None);
    install(&enumobject::ENUMERATE_TYPE, enumobject::gc_traverse_enumerate, None);
    install(&enumobject::MAP_TYPE, enumobject::gc_traverse_map, None);
    install(&enumobject::FILTER_TYPE, enumobject::gc_traverse_filter, None);
    install(&enumobject::ZIP_TYPE, enumobject::gc_traverse_zip, None);
    install(&enumobject::REVERSED_TYPE, enumobject::gc_traverse_reversed, None);
    install(&iter::SEQ_ITERATOR_TYPE, iter::gc_traverse_seq, None);
    install(&iter::CALLABLE_ITERATOR_TYPE, iter::gc_traverse_callable, None);
    install(&dict_methods::DICT_ITER_TYPE, dict_methods::gc_traverse_iter, None);
    install(&set::SET_ITERATOR_TYPE, set::gc_traverse_iter, None);
    install(&weakref::REF_TYPE, weakref::gc_traverse, Some(weakref::gc_clear));
    super::sizeof::install();
}
