//! `dict`: the compact ordered table of `dict_table` holding `Value`s, with
//! CPython's lookup that restarts when a key's `__eq__` mutates the dict.

use std::cell::UnsafeCell;

use super::dict_table::{DictTable, ProbeResult};
use crate::object::protocol;
use crate::object::typeobj::{PyType, TypeObject, TPFLAGS_BASETYPE, TPFLAGS_DICT_SUBCLASS};
use crate::object::value::{PyObject, PyPayload, Value};
use crate::runtime::errors::{PyErr, PyResult};
use crate::runtime::thread::ThreadState;
use crate::types::{bool_, none, str as pystr};

pub struct PyDict {
    table: UnsafeCell<DictTable<Value, Value>>,
}

pub static DICT_TYPE: PyType = PyObject::new_static(
    &super::typeobject::TYPE_TYPE,
    TypeObject::builtin::<PyDict>("dict", &DICT_TYPE, Some(&super::object::OBJECT_TYPE), TPFLAGS_BASETYPE | TPFLAGS_DICT_SUBCLASS | crate::object::typeobj::TPFLAGS_HAVE_GC),
);

impl PyPayload for PyDict {
    fn class() -> &'static PyType {
        &DICT_TYPE
    }
}

impl PyDict {
    pub fn new() -> PyDict {
        PyDict { table: UnsafeCell::new(DictTable::new()) }
    }

    pub fn with_table(t: DictTable<Value, Value>) -> PyDict {
        PyDict { table: UnsafeCell::new(t) }
    }

    /// Shared view of the table. Callers must not run Python code while
    /// holding it.
    pub fn table(&self) -> &DictTable<Value, Value> {
        // SAFETY: mutation happens only through `table_mut`, whose borrows
        // are never held across Python code, and objects are used by one
        // thread at a time (GIL).
        unsafe { &*self.table.get() }
    }

    #[allow(clippy::mut_from_ref)]
    fn table_mut(&self) -> &mut DictTable<Value, Value> {
        // SAFETY: as for `table`: short borrows that never call Python code.
        unsafe { &mut *self.table.get() }
    }

    pub fn len(&self) -> usize {
        self.table().len()
    }

    pub fn is_empty(&self) -> bool {
        self.table().is_empty()
    }

    /// Keys and values in order (a snapshot).
    pub fn items(&self) -> Vec<(Value, Value)> {
        self.table().iter().map(|(_, _, k, v)| (k.clone(), v.clone())).collect()
    }

    pub fn keys(&self) -> Vec<Value> {
        self.table().iter().map(|(_, _, k, _)| k.clone()).collect()
    }

    pub fn values(&self) -> Vec<Value> {
        self.table().iter().map(|(_, _, _, v)| v.clone()).collect()
    }

    pub fn version(&self) -> u64 {
        self.table().version()
    }

    /// Entry `pos`-based iteration: the first live entry at or after `pos`, as (next position, key, value).
    pub fn next_entry(&self, pos: usize) -> Option<(usize, Value, Value)> {
        self.table().next_entry(pos).map(|(p, k, v)| (p, k.clone(), v.clone()))
    }

    /// Find `key`; runs `__eq__` of colliding keys and restarts when the
    /// dict changes under it.
    pub fn lookup(&self, ts: &ThreadState, key: &Value, hash: isize) -> PyResult<Option<usize>> {
        // Keys compared by identity or as exact str/int need no Python code: a
        // tight walk; the general loop below only when a candidate needs `__eq__`.
        let quick = self.table().find_fast(hash, |k| if k.is(key) { Some(true) } else { fast_eq(k, key) });
        if let Ok(found) = quick {
            return Ok(found);
        }
        'restart: loop {
            let mut p = self.table().probe_start(hash);
            loop {
                match self.table().probe_next(&mut p) {
                    ProbeResult::Empty => return Ok(None),
                    ProbeResult::Candidate(ix) => {
                        let Some((k, _)) = self.table().entry(ix) else { continue };
                        if k.is(key) {
                            return Ok(Some(ix));
                        }
                        if let Some(eq) = fast_eq(k, key) {
                            if eq {
                                return Ok(Some(ix));
                            }
                            continue;
                        }
                        let k = k.clone();
                        let layout = self.table().layout_id();
                        let eq = protocol::eq(ts, &k, key)?;
                        let same = self.table().layout_id() == layout
                            && self.table().entry(ix).is_some_and(|(k2, _)| k2.is(&k));
                        if !same {
                            continue 'restart;
                        }
                        if eq {
                            return Ok(Some(ix));
                        }
                    }
                }
            }
        }
    }

    pub fn get_item(&self, ts: &ThreadState, key: &Value) -> PyResult<Option<Value>> {
        let hash = key_hash(ts, key)?;
        self.get_item_hashed(ts, key, hash)
    }

    pub fn get_item_hashed(&self, ts: &ThreadState, key: &Value, hash: isize) -> PyResult<Option<Value>> {
        Ok(self.lookup(ts, key, hash)?.and_then(|ix| self.table().entry(ix).map(|(_, v)| v.clone())))
    }

    /// Lookup for a str key whose equality needs no Python code.
    pub fn get_str(&self, key: &Value) -> Option<Value> {
        let hash = pystr::str_hash(key);
        let ix = self.table().find(hash, |k| k.is(key) || fast_eq(k, key) == Some(true))?;
        self.table().entry(ix).map(|(_, v)| v.clone())
    }

    pub fn set_item(&self, ts: &ThreadState, key: Value, value: Value) -> PyResult<()> {
        let hash = key_hash(ts, &key)?;
        self.set_item_hashed(ts, key, hash, value)
    }

    pub fn set_item_hashed(&self, ts: &ThreadState, key: Value, hash: isize, value: Value) -> PyResult<()> {
        match self.lookup(ts, &key, hash)? {
            Some(ix) => {
                let old = self.table_mut().replace_value(ix, value);
                drop(old);
            }
            None => {
                self.table_mut().insert_new(hash, key, value);
            }
        }
        Ok(())
    }

    /// Remove `key`; returns its value if it was present.
    pub fn del_item(&self, ts: &ThreadState, key: &Value) -> PyResult<Option<Value>> {
        let hash = key_hash(ts, key)?;
        match self.lookup(ts, key, hash)? {
            Some(ix) => {
                let removed = self.table_mut().remove(ix);
                Ok(removed.map(|(_, v)| v))
            }
            None => Ok(None),
        }
    }

    pub fn clear(&self) {
        let old = self.table_mut().clear();
        drop(old);
    }

    pub fn popitem(&self) -> Option<(Value, Value)> {
        self.table_mut().popitem_last().map(|(_, k, v)| (k, v))
    }

    pub fn copy(&self) -> PyDict {
        PyDict::with_table(self.table().copy())
    }
}

impl Default for PyDict {
    fn default() -> Self {
        PyDict::new()
    }
}

/// `hash(key)`, reading an exact str's cached hash directly.
#[inline]
fn key_hash(ts: &ThreadState, key: &Value) -> PyResult<isize> {
    match key.downcast_exact::<pystr::PyStr>() {
        Some(s) => Ok(s.hash()),
        None => protocol::hash(ts, key),
    }
}

/// Equality of keys that needs no Python code: exact str against exact
/// str, int against int. None when a `__eq__` call is required.
fn fast_eq(a: &Value, b: &Value) -> Option<bool> {
    if let (Some(x), Some(y)) = (a.as_small_int(), b.as_small_int()) {
        return Some(x == y);
    }
    if let (Some(x), Some(y)) = (a.downcast_exact::<pystr::PyStr>(), b.downcast_exact::<pystr::PyStr>()) {
        return Some(x.eq_str(y));
    }
    None
}

/// A new empty dict.
pub fn new_dict() -> Value {
    Value::new(PyDict::new()).unwrap_or_else(|_| none::none())
}

/// The dict payload of `d` (any dict subclass instance).
pub fn as_dict(d: &Value) -> Option<&PyDict> {
    d.downcast::<PyDict>()
}

/// `d.get(name)` for a str key (no Python code).
pub fn dict_get_str(d: &Value, name: &Value) -> Option<Value> {
    as_dict(d)?.get_str(name)
}

/// `d[key]`, None when absent.
pub fn dict_get_item(ts: &ThreadState, d: &Value, key: &Value) -> PyResult<Option<Value>> {
    match as_dict(d) {
        Some(dict) => dict.get_item(ts, key),
        None => match protocol::getitem(ts, d, key) {
            Ok(v) => Ok(Some(v)),
            Err(e) if e.matches(&super::exceptions::KEY_ERROR) => Ok(None),
            Err(e) => Err(e),
        },
    }
}

pub fn dict_set_item(ts: &ThreadState, d: &Value, key: Value, value: Value) -> PyResult<()> {
    match as_dict(d) {
        Some(dict) => dict.set_item(ts, key, value),
        None => protocol::setitem(ts, d, &key, Some(&value)),
    }
}

/// Make room for `n` more entries at once (filling a builtin type's dict).
pub fn dict_reserve(d: &Value, n: usize) {
    if let Some(dict) = as_dict(d) {
        dict.table_mut().reserve(n);
    }
}

pub fn dict_set_str(d: &Value, name: &str, value: Value) {
    if let (Some(dict), Some(ts)) = (as_dict(d), ThreadState::current()) {
        let _ = dict.set_item(ts, pystr::intern(name), value);
    } else if let Some(dict) = as_dict(d) {
        let key = pystr::intern(name);
        let hash = pystr::str_hash(&key);
        match dict.table().find(hash, |k| k.is(&key) || fast_eq(k, &key) == Some(true)) {
            Some(ix) => {
                let _ = dict.table_mut().replace_value(ix, value);
            }
            None => {
                dict.table_mut().insert_new(hash, key, value);
            }
        }
    }
}

pub fn dict_del_item(ts: &ThreadState, d: &Value, key: &Value) -> PyResult<Option<Value>> {
    match as_dict(d) {
        Some(dict) => dict.del_item(ts, key),
        None => {
            protocol::setitem(ts, d, key, None)?;
            Ok(Some(none::none()))
        }
    }
}

fn dict_repr(ts: &ThreadState, v: &Value) -> PyResult<Value> {
    let d = as_dict(v).ok_or_else(|| PyErr::type_error("dict expected"))?;
    if d.is_empty() {
        return Ok(pystr::new_str("{}"));
    }
    let Some(_guard) = super::ReprGuard::enter(ts, v) else {
        return Ok(pystr::new_str("{...}"));
    };
    let mut out = String::from("{");
    let mut pos = 0;
    let mut first = true;
    while let Some((next, k, val)) = d.next_entry(pos) {
        pos = next;
        if !first {
            out.push_str(", ");
        }
        first = false;
        out.push_str(&protocol::repr_string(ts, &k)?);
        out.push_str(": ");
        out.push_str(&protocol::repr_string(ts, &val)?);
    }
    out.push('}');
    Ok(pystr::new_str(&out))
}

fn dict_len(_ts: &ThreadState, v: &Value) -> PyResult<usize> {
    Ok(as_dict(v).map_or(0, |d| d.len()))
}

fn dict_subscript(ts: &ThreadState, v: &Value, key: &Value) -> PyResult<Value> {
    let d = as_dict(v).ok_or_else(|| PyErr::type_error("dict expected"))?;
    if let Some(val) = d.get_item(ts, key)? {
        return Ok(val);
    }
    if !v.is_exact(&DICT_TYPE) {
        if let Some(missing) = protocol::call_special(ts, v, "__missing__", std::slice::from_ref(key))? {
            return Ok(missing);
        }
    }
    Err(PyErr::key_error(key.clone()))
}

fn dict_ass_subscript(ts: &ThreadState, v: &Value, key: &Value, value: Option<&Value>) -> PyResult<()> {
    let d = as_dict(v).ok_or_else(|| PyErr::type_error("dict expected"))?;
    match value {
        Some(val) => d.set_item(ts, key.clone(), val.clone()),
        None => match d.del_item(ts, key)? {
            Some(_) => Ok(()),
            None => Err(PyErr::key_error(key.clone())),
        },
    }
}

fn dict_contains(ts: &ThreadState, v: &Value, key: &Value) -> PyResult<bool> {
    let d = as_dict(v).ok_or_else(|| PyErr::type_error("dict expected"))?;
    Ok(d.lookup(ts, key, key_hash(ts, key)?)?.is_some())
}

fn dict_richcompare(ts: &ThreadState, v: &Value, w: &Value, op: crate::object::typeobj::CompareOp) -> PyResult<Value> {
    use crate::object::typeobj::CompareOp;
    let (Some(a), Some(b)) = (as_dict(v), as_dict(w)) else {
        return Ok(none::not_implemented());
    };
    if !matches!(op, CompareOp::Eq | CompareOp::Ne) {
        return Ok(none::not_implemented());
    }
    let mut equal = a.len() == b.len();
    if equal {
        for (k, val) in a.items() {
            match b.get_item(ts, &k)? {
                Some(other) => {
                    if !protocol::eq(ts, &val, &other)? {
                        equal = false;
                        break;
                    }
                }
                None => {
                    equal = false;
                    break;
                }
            }
        }
    }
    Ok(bool_::new_bool(if op == CompareOp::Eq { equal } else { !equal }))
}

pub fn init() {
    let s = &DICT_TYPE.data.slots;
    s.repr.set(Some(dict_repr));
    s.length.set(Some(dict_len));
    s.subscript.set(Some(dict_subscript));
    s.ass_subscript.set(Some(dict_ass_subscript));
    s.contains.set(Some(dict_contains));
    s.richcompare.set(Some(dict_richcompare));
    s.hash.set(Some(super::object::hash_not_implemented));
}
