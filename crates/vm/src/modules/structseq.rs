//! Struct sequences (CPython's Objects/structseq.c): tuple subtypes with
//! named, read-only fields, such as `sys.version_info`, `sys.flags` and
//! `time.struct_time`.
//!
//! Each is a static type sharing the tuple layout, so every tuple operation
//! applies to the visible fields. Fields past `n_sequence_fields` (the
//! "hidden" ones, e.g. `struct_time.tm_zone`) are not part of the tuple;
//! they live in a per-thread side table keyed by the object's address and
//! removed by the type's deallocator.

use std::cell::RefCell;
use std::collections::HashMap;

use crate::object::protocol;
use crate::object::typeobj::PyType;
use crate::object::value::{ObjHeader, PyObject, PyPayload, Value};
use crate::runtime::errors::{PyErr, PyResult};
use crate::runtime::thread::ThreadState;
use crate::types::tuple::PyTuple;
use crate::types::{descr, dict, int, none, str as pystr, tuple};

/// The description of one struct sequence type.
pub struct Spec {
    /// The static type (made with [`structseq_type!`]).
    pub ty: &'static PyType,
    /// Field names and docs: the visible fields first, then the hidden ones.
    /// An empty name is an unnamed field (visible by index only, as
    /// `os.stat_result`'s integer times).
    pub fields: &'static [(&'static str, &'static str)],
    /// How many fields are part of the tuple (`n_sequence_fields`).
    pub n_in_sequence: usize,
    /// Whether Python code may create instances (`sys.flags` is not).
    pub constructible: bool,
    /// `__doc__` of the type.
    pub doc: &'static str,
}

/// Declare the static type of a struct sequence named `module.name`.
macro_rules! structseq_type {
    ($static_name:ident, $pyname:literal) => {
        /// A struct sequence type.
        pub static $static_name: crate::object::typeobj::PyType = crate::object::value::PyObject::new_static(
            &crate::types::typeobject::TYPE_TYPE,
            crate::object::typeobj::TypeObject::builtin_sublayout(
                $pyname,
                &crate::types::tuple::TUPLE_TYPE,
                &crate::types::tuple::TUPLE_TYPE,
                std::mem::size_of::<crate::object::value::PyObject<crate::types::tuple::PyTuple>>(),
                crate::modules::structseq::dealloc,
                crate::object::typeobj::TPFLAGS_TUPLE_SUBCLASS | crate::object::typeobj::TPFLAGS_HAVE_GC,
            ),
        );
    };
}
pub(crate) use structseq_type;

/// Every struct sequence type, for readying and lookup.
fn specs() -> [&'static Spec; 16] {
    use super::{posix, pwd, sys, time};
    [
        &sys::VERSION_INFO,
        &sys::FLAGS,
        &sys::FLOAT_INFO,
        &sys::INT_INFO,
        &sys::HASH_INFO,
        &sys::THREAD_INFO,
        &sys::ASYNCGEN_HOOKS_SPEC,
        &sys::UNRAISABLE_HOOK_ARGS,
        &time::STRUCT_TIME,
        &posix::STAT_RESULT,
        &posix::UNAME_RESULT,
        &posix::TIMES_RESULT,
        &posix::TERMINAL_SIZE,
        &posix::STATVFS_RESULT,
        &posix::WAITID_RESULT,
        &pwd::STRUCT_PASSWD,
    ]
}

fn spec_of(ty: &PyType) -> Option<&'static Spec> {
    specs().into_iter().find(|s| std::ptr::eq(s.ty, ty))
}

/// The static types to ready at start-up.
pub fn types() -> Vec<&'static PyType> {
    let mut v: Vec<&'static PyType> = specs().iter().map(|s| s.ty).collect();
    v.push(&MEMBER_TYPE);
    v
}

thread_local! {
    /// Hidden fields of live instances, by object address.
    static HIDDEN: RefCell<HashMap<usize, Vec<Value>>> = RefCell::new(HashMap::new());
}

/// The deallocator of struct sequences: forget the hidden fields, then free
/// the tuple.
///
/// # Safety
/// `h` is an unreferenced struct sequence allocated by `Value::new_with_type`.
pub unsafe fn dealloc(h: *mut ObjHeader) {
    let hidden = HIDDEN.with(|t| t.try_borrow_mut().ok().and_then(|mut t| t.remove(&(h as usize))));
    // SAFETY: forwarded from the caller; the layout is the tuple's.
    unsafe { crate::object::value::dealloc_builtin::<PyTuple>(h) };
    // Dropped after the object is gone: these may free other objects.
    drop(hidden);
}

/// A new instance of the struct sequence `spec` from all its field values
/// (hidden ones included; missing trailing ones become None).
pub fn new_value(spec: &'static Spec, mut values: Vec<Value>) -> PyResult<Value> {
    values.resize_with(spec.fields.len().max(values.len()), none::none);
    let hidden = values.split_off(spec.n_in_sequence);
    let v = Value::new_with_type(spec.ty, PyTuple { items: values.into_boxed_slice() })?;
    if !hidden.is_empty() {
        // A stale entry (its object freed while the table was borrowed) is
        // dropped after the borrow ends.
        let stale = HIDDEN.with(|t| t.borrow_mut().insert(v.id(), hidden));
        drop(stale);
    }
    Ok(v)
}

/// Field `index` of a struct sequence (visible or hidden).
pub fn field(v: &Value, index: usize) -> Option<Value> {
    let items = tuple::try_tuple_items(v)?;
    match items.get(index) {
        Some(x) => Some(x.clone()),
        None => {
            let spec = spec_of(v.type_of())?;
            let hidden = index.checked_sub(spec.n_in_sequence)?;
            HIDDEN.with(|t| t.borrow().get(&v.id()).and_then(|h| h.get(hidden).cloned()))
        }
    }
}

fn spec_arg(v: &Value) -> PyResult<&'static Spec> {
    spec_of(v.type_of()).ok_or_else(|| PyErr::type_error("struct sequence expected"))
}

/// `structseq.__new__(cls, sequence, dict)`.
pub(crate) fn structseq_new(ts: &ThreadState, cls: &Value, args: &[Value], kwnames: Option<&Value>) -> PyResult<Value> {
    let spec = protocol::as_pytype(cls).and_then(spec_of).ok_or_else(|| PyErr::type_error("struct sequence type expected"))?;
    let tp_name = spec.ty.data.name();
    if !spec.constructible {
        return Err(PyErr::type_error(format!("cannot create '{tp_name}' instances")));
    }
    let [seq, d] = crate::object::args::bind("structseq", args, kwnames, ["sequence", "dict"], 0, 1, 2)?;
    let seq = seq.unwrap_or_else(none::none);
    let items = match tuple::try_tuple_items(&seq) {
        Some(items) => items.to_vec(),
        None => {
            let t = seq.type_of();
            if t.data.slots.iter.get().is_none() && t.data.slots.subscript.get().is_none() {
                return Err(PyErr::type_error("constructor requires a sequence"));
            }
            protocol::collect(ts, &seq)?
        }
    };
    let (min_len, max_len) = (spec.n_in_sequence, spec.fields.len());
    let len = items.len();
    if len < min_len || len > max_len {
        let msg = if min_len == max_len {
            format!("{tp_name}() takes a {min_len}-sequence ({len}-sequence given)")
        } else if len < min_len {
            format!("{tp_name}() takes an at least {min_len}-sequence ({len}-sequence given)")
        } else {
            format!("{tp_name}() takes an at most {max_len}-sequence ({len}-sequence given)")
        };
        return Err(PyErr::type_error(msg));
    }
    let d = match d {
        Some(d) if dict::as_dict(&d).is_some() => Some(d),
        Some(_) => return Err(PyErr::type_error(format!("{tp_name}() takes a dict as second arg, if any"))),
        None => None,
    };
    let mut values = items;
    for (name, _) in &spec.fields[len..] {
        let v = match &d {
            Some(d) => dict::dict_get_item(ts, d, &pystr::intern(name))?,
            None => None,
        };
        values.push(v.unwrap_or_else(none::none));
    }
    new_value(spec, values)
}

fn structseq_repr(ts: &ThreadState, v: &Value) -> PyResult<Value> {
    let spec = spec_arg(v)?;
    let mut out = format!("{}(", spec.ty.data.name());
    // CPython pairs the visible values with the named fields in order, so
    // unnamed fields shift the names (stat_result shows st_atime=<int>).
    let named = spec.fields.iter().filter(|(n, _)| !n.is_empty());
    for (i, (name, x)) in named.zip(tuple::tuple_items(v)).enumerate() {
        if i > 0 {
            out.push_str(", ");
        }
        out.push_str(name.0);
        out.push('=');
        out.push_str(&protocol::repr_string(ts, x)?);
    }
    out.push(')');
    Ok(pystr::new_str(&out))
}

/// `__reduce__`: `(type, (visible fields, {hidden name: value}))`.
fn structseq_reduce(ts: &ThreadState, v: &Value, a: &[Value], k: Option<&Value>) -> PyResult<Value> {
    crate::object::args::exact("__reduce__", a, k, 0)?;
    let spec = spec_arg(v)?;
    let visible = tuple::new_tuple(tuple::tuple_items(v).to_vec())?;
    let hidden = dict::new_dict();
    for (i, (name, _)) in spec.fields.iter().enumerate().skip(spec.n_in_sequence) {
        dict::dict_set_item(ts, &hidden, pystr::intern(name), field(v, i).unwrap_or_else(none::none))?;
    }
    let args = tuple::new_tuple(vec![visible, hidden])?;
    tuple::new_tuple(vec![spec.ty.to_value(), args])
}

/// `member_descriptor` of a struct sequence field: read-only access by index.
pub struct StructSeqMember {
    name: &'static str,
    doc: &'static str,
    index: usize,
    owner: &'static PyType,
}

/// The type of struct sequence field descriptors.
pub static MEMBER_TYPE: PyType = PyObject::new_static(
    &crate::types::typeobject::TYPE_TYPE,
    crate::object::typeobj::TypeObject::builtin::<StructSeqMember>(
        "member_descriptor",
        &MEMBER_TYPE,
        Some(&crate::types::object::OBJECT_TYPE),
        0,
    ),
);

impl PyPayload for StructSeqMember {
    fn class() -> &'static PyType {
        &MEMBER_TYPE
    }
}

fn member(v: &Value) -> PyResult<&StructSeqMember> {
    v.downcast::<StructSeqMember>().ok_or_else(|| PyErr::type_error("member descriptor expected"))
}

fn member_get(_ts: &ThreadState, descr: &Value, obj: Option<&Value>, _ty: Option<&Value>) -> PyResult<Value> {
    let m = member(descr)?;
    let Some(o) = obj.filter(|o| !none::is_none(o)) else {
        return Ok(descr.clone());
    };
    if !o.type_of().is_subtype(m.owner) {
        return Err(PyErr::type_error(format!(
            "descriptor '{}' for '{}' objects doesn't apply to a '{}' object",
            m.name,
            m.owner.data.name(),
            protocol::type_name(o)
        )));
    }
    Ok(field(o, m.index).unwrap_or_else(none::none))
}

fn member_set(_ts: &ThreadState, _descr: &Value, _obj: &Value, _v: Option<&Value>) -> PyResult<()> {
    Err(PyErr::attribute_error("readonly attribute"))
}

fn member_repr(_ts: &ThreadState, descr: &Value) -> PyResult<Value> {
    let m = member(descr)?;
    Ok(pystr::new_str(&format!("<member '{}' of '{}' objects>", m.name, m.owner.data.name())))
}

fn member_name(_ts: &ThreadState, descr: &Value) -> PyResult<Value> {
    Ok(pystr::intern(member(descr)?.name))
}

fn member_doc(_ts: &ThreadState, descr: &Value) -> PyResult<Value> {
    let m = member(descr)?;
    Ok(if m.doc.is_empty() { none::none() } else { pystr::new_str(m.doc) })
}

fn member_objclass(_ts: &ThreadState, descr: &Value) -> PyResult<Value> {
    Ok(member(descr)?.owner.to_value())
}

/// Fill the slots and dicts of the struct sequence types (before readying).
pub fn init() {
    let s = &MEMBER_TYPE.data.slots;
    s.descr_get.set(Some(member_get));
    s.descr_set.set(Some(member_set));
    s.repr.set(Some(member_repr));
    s.getattro.set(Some(protocol::generic_getattr));
    descr::add_getsets(
        &MEMBER_TYPE,
        &[("__name__", member_name, None), ("__doc__", member_doc, None), ("__objclass__", member_objclass, None)],
    );
    for spec in specs() {
        let ty = spec.ty;
        ty.data.slots.repr.set(Some(structseq_repr));
        ty.data.slots.new.set(Some(structseq_new));
        descr::add_methods(ty, &[("__reduce__", structseq_reduce)]);
        let d = ty.data.dict();
        for (i, &(name, doc)) in spec.fields.iter().enumerate() {
            if name.is_empty() {
                continue;
            }
            let m = Value::new(StructSeqMember { name, doc, index: i, owner: ty }).expect("start-up allocation");
            dict::dict_set_str(&d, name, m);
        }
        let visible: Vec<Value> = spec.fields[..spec.n_in_sequence].iter().filter(|(n, _)| !n.is_empty()).map(|(n, _)| pystr::intern(n)).collect();
        dict::dict_set_str(&d, "__match_args__", tuple::new_tuple(visible).expect("start-up allocation"));
        dict::dict_set_str(&d, "n_sequence_fields", int::from_i64(spec.n_in_sequence as i64));
        dict::dict_set_str(&d, "n_fields", int::from_i64(spec.fields.len() as i64));
        let unnamed = spec.fields.iter().filter(|(n, _)| n.is_empty()).count();
        dict::dict_set_str(&d, "n_unnamed_fields", int::from_i64(unnamed as i64));
        dict::dict_set_str(&d, "__doc__", pystr::new_str(spec.doc));
    }
    // CPython builds struct_time (alone) as a heap type, which records its module.
    dict::dict_set_str(&super::time::STRUCT_TIME_TYPE.data.dict(), "__module__", pystr::intern("time"));
}
