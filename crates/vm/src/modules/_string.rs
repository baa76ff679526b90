//! `_string`: the `str.format` parser exposed for `string.Formatter`
//! (`formatter_parser`, `formatter_field_name_split`), over the template
//! parser of `format::template`. Items are produced when the call is made;
//! a parse error is raised when iteration reaches it, as CPython's iterators do.

use std::cell::RefCell;
use std::collections::VecDeque;

use crate::format::objects::into_pyerr;
use crate::format::{field_name_split, parse_template, FieldAccessor, FieldFirst};
use crate::object::args;
use crate::object::protocol;
use crate::object::typeobj::{PyType, TypeObject};
use crate::object::value::{PyObject, PyPayload, Value};
use crate::runtime::errors::{PyErr, PyResult};
use crate::runtime::thread::ThreadState;
use crate::stringlib::StrData;
use crate::types::{bool_, int, none, str as pystr, tuple};

type Args<'a> = &'a [Value];
type Kw<'a> = Option<&'a Value>;

/// The items still to yield, then the error to raise (if parsing failed).
pub struct PendingIter {
    items: RefCell<VecDeque<Value>>,
    error: RefCell<Option<PyErr>>,
}

/// Iterators over a template's pieces and over a field name's accessors.
pub struct FieldNameIter(PendingIter);

/// `formatteriterator`.
pub static FORMATTER_ITER_TYPE: PyType = PyObject::new_static(
    &crate::types::typeobject::TYPE_TYPE,
    TypeObject::builtin::<PendingIter>("formatteriterator", &FORMATTER_ITER_TYPE, Some(&crate::types::object::OBJECT_TYPE), 0),
);
/// `fieldnameiterator`.
pub static FIELDNAME_ITER_TYPE: PyType = PyObject::new_static(
    &crate::types::typeobject::TYPE_TYPE,
    TypeObject::builtin::<FieldNameIter>("fieldnameiterator", &FIELDNAME_ITER_TYPE, Some(&crate::types::object::OBJECT_TYPE), 0),
);
impl PyPayload for PendingIter {
    fn class() -> &'static PyType {
        &FORMATTER_ITER_TYPE
    }
}
impl PyPayload for FieldNameIter {
    fn class() -> &'static PyType {
        &FIELDNAME_ITER_TYPE
    }
}

/// The static types of this module.
pub fn types() -> Vec<&'static PyType> {
    vec![&FORMATTER_ITER_TYPE, &FIELDNAME_ITER_TYPE]
}

fn pending_next(p: &PendingIter) -> PyResult<Option<Value>> {
    if let Some(x) = p.items.borrow_mut().pop_front() {
        return Ok(Some(x));
    }
    match p.error.borrow_mut().take() {
        Some(e) => Err(e),
        None => Ok(None),
    }
}

fn formatter_iter_next(_ts: &ThreadState, v: &Value) -> PyResult<Option<Value>> {
    pending_next(v.downcast::<PendingIter>().ok_or_else(|| PyErr::type_error("formatteriterator expected"))?)
}

fn fieldname_iter_next(_ts: &ThreadState, v: &Value) -> PyResult<Option<Value>> {
    pending_next(&v.downcast::<FieldNameIter>().ok_or_else(|| PyErr::type_error("fieldnameiterator expected"))?.0)
}

fn self_iter(_ts: &ThreadState, v: &Value) -> PyResult<Value> {
    Ok(v.clone())
}

fn str_arg(v: &Value) -> PyResult<Vec<u32>> {
    match pystr::as_pystr(v) {
        Some(s) => Ok(s.data.code_points().collect()),
        None => Err(PyErr::type_error(format!("expected str, got {}", protocol::type_name(v)))),
    }
}

fn sub(cp: &[u32], r: std::ops::Range<usize>) -> Value {
    pystr::from_data(StrData::from_code_points(cp[r].iter()))
}

fn formatter_parser(_ts: &ThreadState, _m: &Value, a: Args, k: Kw) -> PyResult<Value> {
    let a = args::exact("formatter_parser", a, k, 1)?;
    let cp = str_arg(&a[0])?;
    let mut items = VecDeque::new();
    let mut error = None;
    for item in parse_template(&cp[..]) {
        let item = match item {
            Ok(i) => i,
            Err(e) => {
                error = Some(into_pyerr(e));
                break;
            }
        };
        let literal = sub(&cp, item.literal.clone());
        let t = match item.field {
            None => tuple::new_tuple(vec![literal, none::none(), none::none(), none::none()])?,
            Some(f) => {
                let conversion = match f.conversion.and_then(char::from_u32) {
                    Some(c) => pystr::new_str(&c.to_string()),
                    None => none::none(),
                };
                tuple::new_tuple(vec![literal, sub(&cp, f.name.clone()), sub(&cp, f.spec.clone()), conversion])?
            }
        };
        items.push_back(t);
    }
    Value::new(PendingIter { items: RefCell::new(items), error: RefCell::new(error) })
}

fn formatter_field_name_split(_ts: &ThreadState, _m: &Value, a: Args, k: Kw) -> PyResult<Value> {
    let a = args::exact("formatter_field_name_split", a, k, 1)?;
    let cp = str_arg(&a[0])?;
    let (first, accessors) = field_name_split(&cp[..], 0..cp.len()).map_err(into_pyerr)?;
    let first = match first {
        FieldFirst::Auto => pystr::new_str(""),
        FieldFirst::Index(i) => int::from_usize(i),
        FieldFirst::Name(r) => sub(&cp, r),
    };
    let mut items = VecDeque::new();
    let mut error = None;
    for acc in accessors {
        let pair = match acc {
            Ok(FieldAccessor::Attribute(r)) => vec![bool_::new_bool(true), sub(&cp, r)],
            Ok(FieldAccessor::Index(i)) => vec![bool_::new_bool(false), int::from_usize(i)],
            Ok(FieldAccessor::Key(r)) => vec![bool_::new_bool(false), sub(&cp, r)],
            Err(e) => {
                error = Some(into_pyerr(e));
                break;
            }
        };
        items.push_back(tuple::new_tuple(pair)?);
    }
    let it = Value::new(FieldNameIter(PendingIter { items: RefCell::new(items), error: RefCell::new(error) }))?;
    tuple::new_tuple(vec![first, it])
}

/// Fill the static types.
pub fn init() {
    for t in types() {
        t.data.slots.iter.set(Some(self_iter));
        t.data.slots.getattro.set(Some(protocol::generic_getattr));
    }
    FORMATTER_ITER_TYPE.data.slots.iternext.set(Some(formatter_iter_next));
    FIELDNAME_ITER_TYPE.data.slots.iternext.set(Some(fieldname_iter_next));
}

/// Create the `_string` module.
pub fn create(ts: &ThreadState) -> PyResult<Value> {
    let (m, d) = super::new_native_module(
        ts,
        "_string",
        &[("formatter_parser", formatter_parser), ("formatter_field_name_split", formatter_field_name_split)],
    )?;
    super::set_attr(ts, &d, "__doc__", pystr::new_str("string helper module"))?;
    Ok(m)
}
