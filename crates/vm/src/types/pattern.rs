//! The runtime side of `match` statements (MATCH_MAPPING, MATCH_SEQUENCE,
//! MATCH_KEYS, MATCH_CLASS).

use crate::object::protocol;
use crate::object::typeobj::{TPFLAGS_DICT_SUBCLASS, TPFLAGS_LIST_SUBCLASS, TPFLAGS_TUPLE_SUBCLASS};
use crate::object::value::Value;
use crate::runtime::errors::{PyErr, PyResult};
use crate::runtime::thread::ThreadState;
use crate::types::{exceptions as exc, none, str as pystr, tuple};

/// Whether `v` matches mapping patterns (dict or a collections.abc.Mapping).
pub fn is_mapping(ts: &ThreadState, v: &Value) -> PyResult<bool> {
    if v.type_of().data.has_flag(TPFLAGS_DICT_SUBCLASS) {
        return Ok(true);
    }
    abc_flag(ts, v, "Mapping")
}

/// Whether `v` matches sequence patterns (not str/bytes/bytearray).
pub fn is_sequence(ts: &ThreadState, v: &Value) -> PyResult<bool> {
    let t = &v.type_of().data;
    if t.has_flag(TPFLAGS_LIST_SUBCLASS) || t.has_flag(TPFLAGS_TUPLE_SUBCLASS) {
        return Ok(true);
    }
    if pystr::as_pystr(v).is_some() || super::bytes::try_bytes_data(v).is_some() || super::bytearray::as_bytearray(v).is_some() {
        return Ok(false);
    }
    if v.downcast::<super::range::PyRange>().is_some() || super::memoryview::is_memoryview(v) {
        return Ok(true);
    }
    abc_flag(ts, v, "Sequence")
}

/// `isinstance(v, collections.abc.<name>)` when collections.abc is loaded.
fn abc_flag(ts: &ThreadState, v: &Value, name: &str) -> PyResult<bool> {
    let modules = ts.interp().modules();
    let Some(abc) = super::dict::dict_get_str(&modules, &pystr::intern("collections.abc")) else {
        return Ok(false);
    };
    let cls = protocol::getattr_str(ts, &abc, name)?;
    protocol::isinstance(ts, v, &cls)
}

/// MATCH_KEYS: a tuple of the values for `keys`, or None if one is missing.
pub fn match_keys(ts: &ThreadState, subject: &Value, keys: &Value) -> PyResult<Value> {
    let keys = tuple::tuple_items(keys).to_vec();
    if keys.is_empty() {
        return tuple::new_tuple(vec![]);
    }
    let get = protocol::getattr_str(ts, subject, "get")?;
    let dummy = super::object::OBJECT_TYPE.to_value();
    let sentinel = protocol::call(ts, &dummy, &[], None)?;
    let mut seen: Vec<Value> = Vec::new();
    let mut values = Vec::with_capacity(keys.len());
    for k in keys {
        for s in &seen {
            if protocol::eq(ts, s, &k)? {
                return Err(PyErr::value_error(format!(
                    "mapping pattern checks duplicate key ({})",
                    protocol::repr_string(ts, &k)?
                )));
            }
        }
        seen.push(k.clone());
        let v = protocol::call(ts, &get, &[k, sentinel.clone()], None)?;
        if v.is(&sentinel) {
            return Ok(none::none());
        }
        values.push(v);
    }
    tuple::new_tuple(values)
}

/// MATCH_CLASS: a tuple of extracted attributes, or None when no match.
pub fn match_class(ts: &ThreadState, subject: &Value, cls: &Value, nargs: usize, names: &Value) -> PyResult<Value> {
    if cls.as_type().is_none() {
        return Err(PyErr::type_error("called match pattern must be a type"));
    }
    if !protocol::isinstance(ts, subject, cls)? {
        return Ok(none::none());
    }
    let mut out = Vec::new();
    let mut seen: Vec<String> = Vec::new();
    let cls_name = cls.as_type().map(|t| t.name()).unwrap_or_default();
    if nargs > 0 {
        let match_args = protocol::lookup_attr(ts, cls, &pystr::intern("__match_args__"))?;
        let self_match = match_self(cls);
        match match_args {
            Some(ma) => {
                let Some(items) = tuple::try_tuple_items(&ma) else {
                    return Err(PyErr::type_error(format!(
                        "{}.__match_args__ must be a tuple (got {})",
                        cls_name,
                        protocol::type_name(&ma)
                    )));
                };
                if nargs > items.len() {
                    return Err(PyErr::type_error(format!(
                        "{}() accepts {} positional sub-pattern{} ({} given)",
                        cls_name,
                        items.len(),
                        if items.len() == 1 { "" } else { "s" },
                        nargs
                    )));
                }
                for name in &items[..nargs] {
                    let Some(n) = pystr::try_as_rust_str(name) else {
                        return Err(PyErr::type_error(format!(
                            "__match_args__ elements must be strings (got {})",
                            protocol::type_name(name)
                        )));
                    };
                    let n = n.into_owned();
                    if seen.contains(&n) {
                        return Err(PyErr::type_error(format!("{cls_name}() got multiple sub-patterns for attribute '{n}'")));
                    }
                    match protocol::lookup_attr(ts, subject, name)? {
                        Some(v) => out.push(v),
                        None => return Ok(none::none()),
                    }
                    seen.push(n);
                }
            }
            None if self_match => {
                if nargs > 1 {
                    return Err(PyErr::type_error(format!(
                        "{cls_name}() accepts 1 positional sub-pattern ({nargs} given)"
                    )));
                }
                out.push(subject.clone());
            }
            None => {
                return Err(PyErr::type_error(format!(
                    "{cls_name}() accepts 0 positional sub-patterns ({nargs} given)"
                )))
            }
        }
    }
    for name in tuple::tuple_items(names).to_vec() {
        let n = pystr::as_rust_str(&name).into_owned();
        if seen.contains(&n) {
            return Err(PyErr::type_error(format!("{cls_name}() got multiple sub-patterns for attribute '{n}'")));
        }
        match protocol::lookup_attr(ts, subject, &name)? {
            Some(v) => out.push(v),
            None => return Ok(none::none()),
        }
        seen.push(n);
    }
    let _ = exc::TYPE_ERROR.name();
    tuple::new_tuple(out)
}

/// Builtins whose single positional sub-pattern matches the whole subject.
fn match_self(cls: &Value) -> bool {
    let Some(t) = cls.as_type() else { return false };
    use crate::object::typeobj::*;
    let f = t.flags.get();
    f & (TPFLAGS_LONG_SUBCLASS | TPFLAGS_LIST_SUBCLASS | TPFLAGS_TUPLE_SUBCLASS | TPFLAGS_BYTES_SUBCLASS | TPFLAGS_UNICODE_SUBCLASS | TPFLAGS_DICT_SUBCLASS) != 0
        || t.is_subtype(&super::float::FLOAT_TYPE)
        || t.is_subtype(&super::set::SET_TYPE)
        || t.is_subtype(&super::bytearray::BYTEARRAY_TYPE)
        || t.is_subtype(&super::bool_::BOOL_TYPE)
}
