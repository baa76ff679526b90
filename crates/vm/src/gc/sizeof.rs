//! `__sizeof__` of the builtin types and `sys.getsizeof`, with the sizes
//! CPython 3.11 reports on a 64-bit build (programs and tests compare them),
//! computed from each object's logical contents.

use crate::object::protocol;
use crate::object::typeobj::{PyType, TPFLAGS_HAVE_GC};
use crate::object::value::Value;
use crate::runtime::errors::PyResult;
use crate::runtime::thread::ThreadState;
use crate::types::*;

/// CPython's PyGC_Head.
const GC_HEAD: usize = 16;
/// 3.11's pre-header of instances with a managed `__dict__` (dict and values pointers).
const MANAGED_DICT_PREHEADER: usize = 16;

/// The capacity CPython's list reaches after appending `n` items one by one.
fn list_append_capacity(n: usize) -> usize {
    let mut alloc = 0usize;
    while alloc < n {
        let newsize = alloc + 1;
        alloc = (newsize + (newsize >> 3) + 6) & !3;
    }
    alloc
}

fn dict_size(d: &dict::PyDict) -> usize {
    let t = d.table();
    if t.is_empty() && t.entries_len() == 0 {
        return 48;
    }
    let size = t.index_size().max(8);
    let usable = size * 2 / 3;
    let ix = if size <= 0xff { 1 } else if size <= 0xffff { 2 } else if size <= 0xffff_ffff { 4 } else { 8 };
    let unicode = t.iter().all(|(_, _, k, _)| k.is_exact(&str::STR_TYPE));
    let entry = if unicode { 16 } else { 24 };
    48 + 32 + size * ix + usable * entry
}

fn set_size(s: &set::PySet) -> usize {
    let cap = s.table().capacity();
    200 + if cap > 8 { 16 * cap } else { 0 }
}

fn int_size(v: &Value) -> usize {
    let bits = match int::as_int(v) {
        Some(int::IntRef::Small(i)) => 64 - i.unsigned_abs().leading_zeros() as usize,
        Some(int::IntRef::Big(b)) => b.bits() as usize,
        None => 0,
    };
    // Zero still has one digit's room in CPython 3.11's __sizeof__.
    24 + 4 * bits.div_ceil(30).max(1)
}

/// The `__sizeof__` CPython reports for `v` (without the GC head), when
/// its layout is one of the builtin types measured here.
fn builtin_sizeof(v: &Value) -> Option<usize> {
    let solid = v.type_of().data.solid_base();
    let is = |t: &PyType| std::ptr::eq(solid, t);
    Some(if is(&int::INT_TYPE) || is(&bool_::BOOL_TYPE) {
        int_size(v)
    } else if is(&float::FLOAT_TYPE) {
        24
    } else if is(&complex::COMPLEX_TYPE) {
        32
    } else if is(&tuple::TUPLE_TYPE) {
        24 + 8 * tuple::tuple_items(v).len()
    } else if is(&list::LIST_TYPE) {
        let l = v.downcast::<list::PyList>()?;
        let items = l.items.try_borrow().ok()?;
        let alloc = if items.capacity() == items.len() { items.len() } else { list_append_capacity(items.len()) };
        40 + 8 * alloc
    } else if is(&dict::DICT_TYPE) {
        dict_size(dict::as_dict(v)?)
    } else if is(&set::SET_TYPE) || is(&set::FROZENSET_TYPE) {
        set_size(v.downcast::<set::PySet>()?)
    } else if is(&range::RANGE_TYPE) {
        48
    } else if is(&slice::SLICE_TYPE) {
        40
    } else if is(&function::FUNCTION_TYPE) {
        136
    } else if is(&function::METHOD_TYPE) {
        48
    } else if is(&cell::CELL_TYPE) {
        24
    } else if is(&object::OBJECT_TYPE) || is(&none::NONE_TYPE) {
        16
    } else {
        return None;
    })
}

/// `__sizeof__` of `v`: the builtin size plus the heap type's slots (the
/// managed `__dict__` lives in the pre-header, as in 3.11).
pub fn sizeof(v: &Value) -> Option<usize> {
    let base = builtin_sizeof(v)?;
    let ty = &v.type_of().data;
    if !ty.is_heap_type() {
        return Some(base);
    }
    let extras = (ty.basicsize.get() - ty.extras_offset.get()) / 8;
    let managed = usize::from(ty.dict_slot.get() >= 0);
    Some(base + 8 * (extras - managed))
}

/// Whether CPython allocates `v` with a GC head.
fn cpython_is_gc(v: &Value) -> bool {
    v.type_of().data.has_flag(TPFLAGS_HAVE_GC) || std::ptr::eq(v.type_of().data.solid_base(), &slice::SLICE_TYPE)
}

/// `sys.getsizeof(obj)`: `__sizeof__` plus the GC head and the managed
/// dict pre-header; None when the type defines no `__sizeof__`.
pub fn getsizeof(ts: &ThreadState, v: &Value) -> PyResult<Option<usize>> {
    let n = match protocol::call_special(ts, v, "__sizeof__", &[])? {
        Some(r) => {
            let n = int::to_isize(&r).unwrap_or(0);
            if n < 0 {
                return Err(crate::runtime::errors::PyErr::value_error("__sizeof__() should return >= 0"));
            }
            n as usize
        }
        None => return Ok(None),
    };
    let mut total = n;
    if cpython_is_gc(v) {
        total += GC_HEAD;
    }
    let ty = &v.type_of().data;
    if ty.is_heap_type() && ty.dict_slot.get() >= 0 {
        total += MANAGED_DICT_PREHEADER;
    }
    Ok(Some(total))
}

fn m_sizeof(_ts: &ThreadState, v: &Value, a: &[Value], k: Option<&Value>) -> PyResult<Value> {
    let qual = format!("{}.__sizeof__", v.type_of().data.name());
    crate::object::args::exact(&qual, a, k, 0)?;
    let n = sizeof(v).unwrap_or_else(|| v.type_of().data.basicsize.get());
    Ok(int::from_i64(n as i64))
}

/// Give the measured builtin types their `__sizeof__`.
pub fn install() {
    for t in [
        &object::OBJECT_TYPE,
        &int::INT_TYPE,
        &float::FLOAT_TYPE,
        &complex::COMPLEX_TYPE,
        &tuple::TUPLE_TYPE,
        &list::LIST_TYPE,
        &dict::DICT_TYPE,
        &set::SET_TYPE,
        &set::FROZENSET_TYPE,
        &range::RANGE_TYPE,
        &slice::SLICE_TYPE,
    ] {
        descr::add_methods(t, &[("__sizeof__", m_sizeof)]);
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    // Expected values from python3: the capacity of a list built by appends.
    #[test]
    fn list_growth_matches_cpython() {
        assert_eq!(list_append_capacity(0), 0);
        assert_eq!(list_append_capacity(1), 4);
        assert_eq!(list_append_capacity(5), 8);
        assert_eq!(list_append_capacity(11), 16);
        assert_eq!(list_append_capacity(20), 24);
        assert_eq!(list_append_capacity(100), 108);
    }
}
