//! `str`: PEP 393 text (`stringlib::StrData`) with a cached hash.
//! The algorithms live in `stringlib`; this file is the type: slots,
//! methods, argument checking and CPython's error messages.

use std::borrow::Cow;
use std::cell::Cell;

use syntax::wtf8::Wtf8Buf;

use crate::object::protocol;
use crate::object::typeobj::{nb, CompareOp, PyType, TypeObject, TPFLAGS_BASETYPE, TPFLAGS_UNICODE_SUBCLASS};
use crate::object::value::{PyObject, PyPayload, Value};
use crate::runtime::errors::{PyErr, PyResult};
use crate::runtime::thread::ThreadState;
use crate::stringlib::{StrData, StrError, Translation};
use crate::types::{bool_, int, none, tuple};

/// A str object: its text and cached hash (-1: not computed yet).
pub struct PyStr {
    pub data: StrData,
    hash: Cell<isize>,
}

/// The `str` type.
pub static STR_TYPE: PyType = PyObject::new_static(
    &super::typeobject::TYPE_TYPE,
    TypeObject::builtin::<PyStr>("str", &STR_TYPE, Some(&super::object::OBJECT_TYPE), TPFLAGS_BASETYPE | TPFLAGS_UNICODE_SUBCLASS),
);

impl PyPayload for PyStr {
    fn class() -> &'static PyType {
        &STR_TYPE
    }
}

impl PyStr {
    pub fn new(data: StrData) -> PyStr {
        PyStr { data, hash: Cell::new(-1) }
    }

    /// Equality of contents (kinds are canonical, so different kinds differ).
    pub fn eq_str(&self, other: &PyStr) -> bool {
        self.data == other.data
    }

    pub fn hash(&self) -> isize {
        let h = self.hash.get();
        if h != -1 {
            return h;
        }
        let h = crate::pyhash::hash_bytes(crate::runtime::hash_secret(), self.data.kind_bytes());
        let h = if self.data.is_empty() { 0 } else { h };
        self.hash.set(h);
        h
    }
}

/// A new str from Rust text.
pub fn new_str(s: &str) -> Value {
    from_data(StrData::from_str(s))
}

/// A str from a buffer: the shared empty string when empty (as CPython), else a new object.
pub fn from_data(d: StrData) -> Value {
    if d.is_empty() {
        return empty_str();
    }
    Value::new(PyStr::new(d)).unwrap_or_else(|_| none::none())
}

/// A new str object (never a shared one), for the intern tables.
fn fresh_str(s: &str) -> Value {
    Value::new(PyStr::new(StrData::from_str(s))).unwrap_or_else(|_| none::none())
}

/// `v` itself when it is an exact str equal to `d` (CPython hands back unchanged strings), else a new str.
fn same_or_new(v: &Value, d: StrData) -> Value {
    if v.is_exact(&STR_TYPE) {
        if let Some(s) = as_pystr(v) {
            if s.data.len() == d.len() && s.data == d {
                return v.clone();
            }
        }
    }
    from_data(d)
}

fn same_or_new_result(v: &Value, r: Result<StrData, StrError>) -> PyResult<Value> {
    r.map(|d| same_or_new(v, d)).map_err(str_error)
}

fn from_result(r: Result<StrData, StrError>) -> PyResult<Value> {
    r.map(from_data).map_err(str_error)
}

/// The Python exception for a string operation error.
pub fn str_error(e: StrError) -> PyErr {
    match e {
        StrError::Memory => PyErr::no_memory(),
        StrError::Overflow(m) => PyErr::overflow_error(m),
        StrError::Value(m) => PyErr::value_error(m),
    }
}

/// A str from WTF-8 (source literals, which may hold lone surrogates).
pub fn from_wtf8(s: &Wtf8Buf) -> Value {
    match s.as_str() {
        Some(t) => new_str(t),
        None => {
            let cps: Vec<u32> = s.code_points().collect();
            from_data(StrData::from_code_points(cps.iter()))
        }
    }
}

thread_local! {
    // Interned strings when no interpreter is running (start-up).
    // Sized for the builtin types' names, so filling it never rehashes.
    static EARLY_INTERNED: std::cell::RefCell<hashbrown::HashMap<String, Value>> = std::cell::RefCell::new(hashbrown::HashMap::with_capacity(2048));
}

/// The interned str for `s` (identifiers, attribute names).
pub fn intern(s: &str) -> Value {
    if s.is_empty() {
        return empty_str();
    }
    intern_in_table(s)
}

/// `intern` through the interpreter's table (or the start-up one).
fn intern_in_table(s: &str) -> Value {
    // An empty slice of real text: see `intern_key`.
    let s = if s.is_empty() { &" "[..0] } else { s };
    if let Some(ts) = ThreadState::current() {
        let mut table = ts.interp().interned.borrow_mut();
        if let Some(v) = table.get(s) {
            return v.clone();
        }
        let v = fresh_str(s);
        table.insert(intern_key(s), v.clone());
        return v;
    }
    EARLY_INTERNED.with(|t| {
        let mut t = t.borrow_mut();
        if let Some(v) = t.get(s) {
            return v.clone();
        }
        let v = fresh_str(s);
        t.insert(intern_key(s), v.clone());
        v
    })
}

/// The table key for `s`. The empty key gets a real allocation: comparing
/// against an empty `String`'s dangling pointer makes the vectorized memcmp
/// take a slow masked-load path (about 100 ns per lookup of "").
fn intern_key(s: &str) -> String {
    if s.is_empty() {
        String::with_capacity(1)
    } else {
        s.to_string()
    }
}

thread_local! {
    /// The interned empty string kept at hand, with the address of the
    /// interpreter whose table holds it (0: before any interpreter runs).
    static EMPTY_STR: std::cell::RefCell<Option<(usize, Value)>> = const { std::cell::RefCell::new(None) };
}

/// The shared (interned) empty str.
pub fn empty_str() -> Value {
    let owner = ThreadState::current().map_or(0, |ts| ts.interp() as *const _ as usize);
    let cached = EMPTY_STR.try_with(|e| e.borrow().as_ref().filter(|(o, _)| *o == owner).map(|(_, v)| v.clone()));
    if let Ok(Some(v)) = cached {
        return v;
    }
    let v = intern_in_table("");
    let _ = EMPTY_STR.try_with(|e| *e.borrow_mut() = Some((owner, v.clone())));
    v
}

/// Move start-up interned strings into the interpreter's table.
pub fn adopt_early_interned(table: &mut hashbrown::HashMap<String, Value>) {
    EARLY_INTERNED.with(|t| {
        for (k, v) in t.borrow_mut().drain() {
            table.entry(k).or_insert(v);
        }
    });
}

/// The str payload, for str and subclasses.
#[inline]
pub fn as_pystr(v: &Value) -> Option<&PyStr> {
    v.downcast::<PyStr>()
}

/// The text of a str (lone surrogates replaced); "" for non-str.
pub fn as_rust_str(v: &Value) -> Cow<'_, str> {
    match as_pystr(v) {
        Some(s) => match s.data.as_str() {
            Some(t) => Cow::Borrowed(t),
            None => Cow::Owned(s.data.to_string_lossy()),
        },
        None => Cow::Borrowed(""),
    }
}

/// The text of a str, None for non-str.
pub fn try_as_rust_str(v: &Value) -> Option<Cow<'_, str>> {
    as_pystr(v)?;
    Some(as_rust_str(v))
}

/// The cached hash of a str.
pub fn str_hash(v: &Value) -> isize {
    as_pystr(v).map_or(0, |s| s.hash())
}

/// The length in code points of a str (0 for non-str).
pub fn str_len(v: &Value) -> usize {
    as_pystr(v).map_or(0, |s| s.data.len())
}

fn expect_str<'a>(v: &'a Value, what: &str) -> PyResult<&'a PyStr> {
    as_pystr(v).ok_or_else(|| PyErr::type_error(format!("{what} must be str, not {}", protocol::type_name(v))))
}

fn this(v: &Value) -> PyResult<&PyStr> {
    as_pystr(v).ok_or_else(|| PyErr::type_error("descriptor requires a 'str' object"))
}

fn str_repr(_ts: &ThreadState, v: &Value) -> PyResult<Value> {
    Ok(new_str(&this(v)?.data.repr()))
}

fn str_str(_ts: &ThreadState, v: &Value) -> PyResult<Value> {
    if v.is_exact(&STR_TYPE) {
        return Ok(v.clone());
    }
    Ok(from_data(this(v)?.data.clone()))
}

fn str_hash_slot(_ts: &ThreadState, v: &Value) -> PyResult<isize> {
    Ok(this(v)?.hash())
}

fn str_len_slot(_ts: &ThreadState, v: &Value) -> PyResult<usize> {
    Ok(this(v)?.data.len())
}

fn str_richcompare(_ts: &ThreadState, v: &Value, w: &Value, op: CompareOp) -> PyResult<Value> {
    let (Some(a), Some(b)) = (as_pystr(v), as_pystr(w)) else {
        return Ok(none::not_implemented());
    };
    Ok(bool_::new_bool(op.test(a.data.cmp(&b.data))))
}

/// `v + w` for a str `v` (the sequence concat slot): the eval loop calls it
/// directly for two exact strs.
pub fn str_concat(_ts: &ThreadState, v: &Value, w: &Value) -> PyResult<Value> {
    let a = this(v)?;
    let Some(b) = as_pystr(w) else {
        return Err(PyErr::type_error(format!(
            "can only concatenate str (not \"{}\") to str",
            protocol::type_name(w)
        )));
    };
    if b.data.is_empty() && v.is_exact(&STR_TYPE) {
        return Ok(v.clone());
    }
    if a.data.is_empty() && w.is_exact(&STR_TYPE) {
        return Ok(w.clone());
    }
    from_result(a.data.concat(&b.data))
}

/// `s += t` reusing `s`'s buffer when `s` is an exact str no one else
/// references (CPython's unicode_concatenate); false: do a plain concat.
pub fn append_in_place(s: &mut Value, t: &Value) -> bool {
    let Some(tail) = t.downcast_exact::<PyStr>() else { return false };
    let Some(head) = s.get_mut::<PyStr>() else { return false };
    if !head.data.append_in_place(&tail.data) {
        return false;
    }
    head.hash.set(-1);
    true
}

fn str_repeat(ts: &ThreadState, v: &Value, n: &Value) -> PyResult<Value> {
    let a = this(v)?;
    let n = protocol::index(ts, n)?;
    let n = int::to_isize(&n).ok_or_else(|| PyErr::overflow_error("cannot fit 'int' into an index-sized integer"))?;
    if n <= 0 {
        return Ok(new_str(""));
    }
    if n == 1 && v.is_exact(&STR_TYPE) {
        return Ok(v.clone());
    }
    from_result(a.data.repeat(n as usize))
}

fn str_contains(_ts: &ThreadState, v: &Value, w: &Value) -> PyResult<bool> {
    let a = this(v)?;
    let Some(b) = as_pystr(w) else {
        return Err(PyErr::type_error(format!(
            "'in <string>' requires string as left operand, not {}",
            protocol::type_name(w)
        )));
    };
    Ok(a.data.find(&b.data, None, None).is_some())
}

fn str_subscript(ts: &ThreadState, v: &Value, key: &Value) -> PyResult<Value> {
    let s = this(v)?;
    let len = s.data.len();
    if let Some(sl) = key.downcast::<super::slice::PySlice>() {
        let (start, _stop, step, count) = sl.indices(ts, len)?;
        if step == 1 {
            if count == len && v.is_exact(&STR_TYPE) {
                return Ok(v.clone());
            }
            return Ok(from_data(s.data.slice(start as usize, start as usize + count)));
        }
        return Ok(from_data(s.data.slice_step(start as usize, step, count)));
    }
    if key.type_of().data.slots.index.get().is_none() && key.as_small_int().is_none() {
        return Err(PyErr::type_error(format!(
            "string indices must be integers, not '{}'",
            protocol::type_name(key)
        )));
    }
    let i = protocol::index_isize(ts, key)?;
    let idx = if i < 0 { i + len as isize } else { i };
    if idx < 0 || idx as usize >= len {
        return Err(PyErr::index_error("string index out of range"));
    }
    Ok(from_data(StrData::from_char(s.data.get(idx as usize))))
}

fn str_iter(_ts: &ThreadState, v: &Value) -> PyResult<Value> {
    let state = StrIterator { s: v.clone(), pos: Cell::new(0) };
    // CPython 3.11 has a separate iterator type for compact ASCII strings (never a subclass instance).
    if this(v)?.data.is_ascii() && v.is_exact(&STR_TYPE) {
        Value::new(StrAsciiIterator(state))
    } else {
        Value::new(state)
    }
}

/// Iterator over the characters of a str (`str_iterator`).
pub struct StrIterator {
    s: Value,
    pos: Cell<usize>,
}

/// Iterator over the characters of an ASCII str (`str_ascii_iterator`).
pub struct StrAsciiIterator(StrIterator);

/// The `str_iterator` type.
pub static STR_ITERATOR_TYPE: PyType = PyObject::new_static(
    &super::typeobject::TYPE_TYPE,
    TypeObject::builtin::<StrIterator>("str_iterator", &STR_ITERATOR_TYPE, Some(&super::object::OBJECT_TYPE), 0),
);

/// The `str_ascii_iterator` type.
pub static STR_ASCII_ITERATOR_TYPE: PyType = PyObject::new_static(
    &super::typeobject::TYPE_TYPE,
    TypeObject::builtin::<StrAsciiIterator>("str_ascii_iterator", &STR_ASCII_ITERATOR_TYPE, Some(&super::object::OBJECT_TYPE), 0),
);

impl PyPayload for StrIterator {
    fn class() -> &'static PyType {
        &STR_ITERATOR_TYPE
    }
}

impl PyPayload for StrAsciiIterator {
    fn class() -> &'static PyType {
        &STR_ASCII_ITERATOR_TYPE
    }
}

/// The iterator types of str, for type initialization.
pub fn iterator_types() -> Vec<&'static PyType> {
    vec![&STR_ITERATOR_TYPE, &STR_ASCII_ITERATOR_TYPE]
}

fn iter_state(it: &Value) -> PyResult<&StrIterator> {
    if let Some(a) = it.downcast::<StrAsciiIterator>() {
        return Ok(&a.0);
    }
    it.downcast::<StrIterator>().ok_or_else(|| PyErr::type_error("str iterator expected"))
}

fn str_iter_next(_ts: &ThreadState, it: &Value) -> PyResult<Option<Value>> {
    let it = iter_state(it)?;
    let s = this(&it.s)?;
    let p = it.pos.get();
    if p >= s.data.len() {
        return Ok(None);
    }
    it.pos.set(p + 1);
    Ok(Some(from_data(StrData::from_char(s.data.get(p)))))
}

fn str_iter_length_hint(_ts: &ThreadState, it: &Value, a: Args, k: Option<&Value>) -> PyResult<Value> {
    crate::object::args::exact("__length_hint__", a, k, 0)?;
    let it = iter_state(it)?;
    let len = this(&it.s)?.data.len();
    Ok(int::from_i64(len.saturating_sub(it.pos.get()) as i64))
}

fn self_iter(_ts: &ThreadState, v: &Value) -> PyResult<Value> {
    Ok(v.clone())
}

/// `str(object='')`, `str(bytes, encoding, errors)`.
fn str_new(ts: &ThreadState, cls: &Value, args: &[Value], kwnames: Option<&Value>) -> PyResult<Value> {
    // `str(x)`, the common call, without keyword parsing.
    if args.len() == 1 && kwnames.is_none() && cls.is(&STR_TYPE.to_value()) {
        if let Some(i) = args[0].as_small_int() {
            return Ok(int::small_to_str(i));
        }
        return protocol::str(ts, &args[0]);
    }
    let [obj, encoding, errors] = clinic_keywords("str", args, kwnames, ["object", "encoding", "errors"], 0, 0)?;
    let given = encoding.is_some() || errors.is_some();
    let enc = str_param("str", "encoding", encoding)?;
    let err = str_param("str", "errors", errors)?;
    let value = match (obj, given) {
        (None, _) => new_str(""),
        (Some(o), false) => protocol::str(ts, &o)?,
        (Some(o), true) => {
            if as_pystr(&o).is_some() {
                return Err(PyErr::type_error("decoding str is not supported"));
            }
            let enc = enc.unwrap_or_else(|| "utf-8".into());
            let err = err.unwrap_or_else(|| "strict".into());
            // The handler is looked up (in the codec registry) only when there is an error to handle.
            super::bytes::decode_object(ts, &o, &enc, &err)?
        }
    };
    if cls.is(&STR_TYPE.to_value()) {
        return Ok(value);
    }
    int::check_new_layout("str", cls, &STR_TYPE)?;
    let data = this(&value)?.data.clone();
    Value::new_instance(cls, PyStr::new(data))
}

// --- methods ---------------------------------------------------------------

type Args<'a> = &'a [Value];

// CPython words argument errors differently per method, by how the method parses its
// arguments; each helper below is one of those conventions.

/// Argument Clinic, positional-only parameters: `center expected at least 1 argument, got 0`,
/// keywords refused with the qualified name (`qualname` is `"str.center"`).
fn clinic_positional<'a>(name: &str, qualname: &str, a: Args<'a>, k: Option<&Value>, min: usize, max: usize) -> PyResult<Args<'a>> {
    crate::object::args::no_kwargs(qualname, k)?;
    crate::object::args::positional(name, a, None, min, max)
}

/// `PyArg_ParseTuple` of a METH_VARARGS method: `find() takes at least 1 argument (0 given)`.
fn old_style<'a>(name: &str, a: Args<'a>, k: Option<&Value>, min: usize, max: usize) -> PyResult<Args<'a>> {
    crate::object::args::no_kwargs(name, k)?;
    let n = a.len();
    let plural = |m: usize| if m == 1 { "" } else { "s" };
    if n < min {
        return Err(PyErr::type_error(format!("{name}() takes at least {min} argument{} ({n} given)", plural(min))));
    }
    if n > max {
        return Err(PyErr::type_error(format!("{name}() takes at most {max} argument{} ({n} given)", plural(max))));
    }
    Ok(a)
}

/// Argument Clinic with keywords and no keyword-only parameters: the total count is checked
/// first (`split() takes at most 2 arguments (5 given)`), then names are bound.
pub(crate) fn clinic_keywords<const N: usize>(
    name: &str,
    a: Args,
    k: Option<&Value>,
    names: [&str; N],
    posonly: usize,
    required: usize,
) -> PyResult<[Option<Value>; N]> {
    if a.len() > N {
        let npos = crate::object::args::npositional(a, k);
        return Err(PyErr::type_error(format!(
            "{name}() takes at most {N} {}argument{} ({} given)",
            if npos == 0 { "keyword " } else { "" },
            if N == 1 { "" } else { "s" },
            a.len()
        )));
    }
    // A missing required argument is reported before an unknown keyword, as _PyArg_UnpackKeywords does.
    let npos = crate::object::args::npositional(a, k);
    let kwn = k.map(tuple::tuple_items).unwrap_or(&[]);
    for (i, pname) in names.iter().enumerate().take(required).skip(npos) {
        if !kwn.iter().any(|n| as_rust_str(n) == *pname) {
            return Err(PyErr::type_error(format!("{name}() missing required argument '{pname}' (pos {})", i + 1)));
        }
    }
    crate::object::args::bind(name, a, k, names, posonly, required, N)
}

/// The type name Argument Clinic's argument errors show: "None" for None.
pub(crate) fn clinic_type_name(v: &Value) -> String {
    if none::is_none(v) {
        "None".into()
    } else {
        protocol::type_name(v)
    }
}

/// A clinic `str` parameter: `encode() argument 'encoding' must be str, not int`.
fn str_param(fname: &str, pname: &str, v: Option<Value>) -> PyResult<Option<String>> {
    let Some(v) = v else { return Ok(None) };
    let Some(s) = as_pystr(&v) else {
        return Err(PyErr::type_error(format!(
            "{fname}() argument '{pname}' must be str, not {}",
            clinic_type_name(&v)
        )));
    };
    let text = s.data.to_string_lossy();
    if text.contains('\0') {
        return Err(PyErr::value_error("embedded null character"));
    }
    Ok(Some(text))
}

fn opt_index(ts: &ThreadState, v: Option<&Value>) -> PyResult<Option<isize>> {
    match v {
        None => Ok(None),
        Some(x) if none::is_none(x) => Ok(None),
        Some(x) => {
            if x.type_of().data.slots.index.get().is_none() && x.as_small_int().is_none() {
                return Err(PyErr::type_error(
                    "slice indices must be integers or None or have an __index__ method",
                ));
            }
            let i = protocol::index(ts, x)?;
            Ok(Some(int::to_isize(&i).unwrap_or(if int::is_negative(&i) { isize::MIN } else { isize::MAX })))
        }
    }
}

fn sub_start_end<'a>(ts: &ThreadState, name: &str, a: Args<'a>, k: Option<&Value>) -> PyResult<(&'a PyStr, Option<isize>, Option<isize>)> {
    let a = old_style(name, a, k, 1, 3)?;
    let sub = expect_str(&a[0], "must be str, not")
        .map_err(|_| PyErr::type_error(format!("must be str, not {}", protocol::type_name(&a[0]))))?;
    Ok((sub, opt_index(ts, a.get(1))?, opt_index(ts, a.get(2))?))
}

fn str_find(ts: &ThreadState, v: &Value, a: Args, k: Option<&Value>) -> PyResult<Value> {
    let (sub, s, e) = sub_start_end(ts, "find", a, k)?;
    Ok(int::from_i64(this(v)?.data.find(&sub.data, s, e).map_or(-1, |i| i as i64)))
}
fn str_rfind(ts: &ThreadState, v: &Value, a: Args, k: Option<&Value>) -> PyResult<Value> {
    let (sub, s, e) = sub_start_end(ts, "rfind", a, k)?;
    Ok(int::from_i64(this(v)?.data.rfind(&sub.data, s, e).map_or(-1, |i| i as i64)))
}
fn str_index(ts: &ThreadState, v: &Value, a: Args, k: Option<&Value>) -> PyResult<Value> {
    let (sub, s, e) = sub_start_end(ts, "index", a, k)?;
    match this(v)?.data.find(&sub.data, s, e) {
        Some(i) => Ok(int::from_i64(i as i64)),
        None => Err(PyErr::value_error("substring not found")),
    }
}
fn str_rindex(ts: &ThreadState, v: &Value, a: Args, k: Option<&Value>) -> PyResult<Value> {
    let (sub, s, e) = sub_start_end(ts, "rindex", a, k)?;
    match this(v)?.data.rfind(&sub.data, s, e) {
        Some(i) => Ok(int::from_i64(i as i64)),
        None => Err(PyErr::value_error("substring not found")),
    }
}
fn str_count(ts: &ThreadState, v: &Value, a: Args, k: Option<&Value>) -> PyResult<Value> {
    let (sub, s, e) = sub_start_end(ts, "count", a, k)?;
    Ok(int::from_i64(this(v)?.data.count(&sub.data, s, e) as i64))
}

fn prefix_check(ts: &ThreadState, v: &Value, a: Args, k: Option<&Value>, name: &str, ends: bool) -> PyResult<Value> {
    let a = old_style(name, a, k, 1, 3)?;
    let me = this(v)?;
    let (s, e) = (opt_index(ts, a.get(1))?, opt_index(ts, a.get(2))?);
    let test = |p: &PyStr| if ends { me.data.endswith(&p.data, s, e) } else { me.data.startswith(&p.data, s, e) };
    if let Some(items) = tuple::try_tuple_items(&a[0]) {
        for it in items.iter() {
            let p = as_pystr(it).ok_or_else(|| {
                PyErr::type_error(format!(
                    "tuple for {name} must only contain str, not {}",
                    protocol::type_name(it)
                ))
            })?;
            if test(p) {
                return Ok(bool_::true_value());
            }
        }
        return Ok(bool_::false_value());
    }
    let p = as_pystr(&a[0]).ok_or_else(|| {
        PyErr::type_error(format!(
            "{name} first arg must be str or a tuple of str, not {}",
            protocol::type_name(&a[0])
        ))
    })?;
    Ok(bool_::new_bool(test(p)))
}
fn str_startswith(ts: &ThreadState, v: &Value, a: Args, k: Option<&Value>) -> PyResult<Value> {
    prefix_check(ts, v, a, k, "startswith", false)
}
fn str_endswith(ts: &ThreadState, v: &Value, a: Args, k: Option<&Value>) -> PyResult<Value> {
    prefix_check(ts, v, a, k, "endswith", true)
}

fn str_join(ts: &ThreadState, v: &Value, a: Args, k: Option<&Value>) -> PyResult<Value> {
    let a = crate::object::args::exact("str.join", a, k, 1)?;
    let sep = this(v)?;
    let items = protocol::collect(ts, &a[0]).map_err(|e| {
        if e.matches(&super::exceptions::TYPE_ERROR) && protocol::get_iter(ts, &a[0]).is_err() {
            PyErr::type_error("can only join an iterable")
        } else {
            e
        }
    })?;
    let mut parts = Vec::with_capacity(items.len());
    for (i, it) in items.iter().enumerate() {
        match as_pystr(it) {
            Some(s) => parts.push(&s.data),
            None => {
                return Err(PyErr::type_error(format!(
                    "sequence item {i}: expected str instance, {} found",
                    protocol::type_name(it)
                )))
            }
        }
    }
    if parts.len() == 1 && items[0].is_exact(&STR_TYPE) {
        return Ok(items[0].clone());
    }
    from_result(sep.data.join(&parts))
}

fn split_args(ts: &ThreadState, name: &str, a: Args, k: Option<&Value>) -> PyResult<(Option<Value>, isize)> {
    let [sep, maxsplit] = clinic_keywords(name, a, k, ["sep", "maxsplit"], 0, 0)?;
    let sep = sep.filter(|s| !none::is_none(s));
    if let Some(s) = &sep {
        expect_str(s, "must be str or None, not").map_err(|_| {
            PyErr::type_error(format!("must be str or None, not {}", protocol::type_name(s)))
        })?;
    }
    let maxsplit = match maxsplit {
        Some(m) => int::ssize_arg(ts, &m)?,
        None => -1,
    };
    Ok((sep, maxsplit))
}

fn list_of(v: &Value, parts: Vec<StrData>) -> PyResult<Value> {
    super::list::new_list(parts.into_iter().map(|d| same_or_new(v, d)).collect())
}

/// `text.split(sep, maxsplit)` for ASCII text and a one-byte separator: the
/// list presized and filled directly (no intermediate vector of pieces).
fn split_ascii_byte(v: &Value, data: &StrData, text: &str, sep: u8, maxsplit: isize) -> PyResult<Value> {
    let max = if maxsplit < 0 { usize::MAX } else { maxsplit as usize };
    let b = text.as_bytes();
    let n = memchr::memchr_iter(sep, b).take(max).count();
    if n == 0 {
        return super::list::new_list(vec![same_or_new(v, data.clone())]);
    }
    let mut items = Vec::with_capacity(n + 1);
    let mut start = 0;
    for j in memchr::memchr_iter(sep, b).take(n) {
        items.push(from_data(data.slice(start, j)));
        start = j + 1;
    }
    items.push(from_data(data.slice(start, b.len())));
    super::list::new_list(items)
}

fn str_split(ts: &ThreadState, v: &Value, a: Args, k: Option<&Value>) -> PyResult<Value> {
    let (sep, maxsplit) = split_args(ts, "split", a, k)?;
    let sep_data = sep.as_ref().and_then(as_pystr).map(|s| &s.data);
    if let (Some(text), Some(sep)) = (this(v)?.data.as_str(), sep_data.and_then(|s| s.as_str())) {
        if sep.len() == 1 {
            return split_ascii_byte(v, &this(v)?.data, text, sep.as_bytes()[0], maxsplit);
        }
    }
    list_of(v, this(v)?.data.split(sep_data, maxsplit).map_err(str_error)?)
}
fn str_rsplit(ts: &ThreadState, v: &Value, a: Args, k: Option<&Value>) -> PyResult<Value> {
    let (sep, maxsplit) = split_args(ts, "rsplit", a, k)?;
    let sep_data = sep.as_ref().and_then(as_pystr).map(|s| &s.data);
    list_of(v, this(v)?.data.rsplit(sep_data, maxsplit).map_err(str_error)?)
}
fn str_splitlines(ts: &ThreadState, v: &Value, a: Args, k: Option<&Value>) -> PyResult<Value> {
    let [keepends] = clinic_keywords("splitlines", a, k, ["keepends"], 0, 0)?;
    // `bool(accept={int})`: an int, not any object's truth.
    let keep = match keepends {
        Some(x) => int::c_int_arg(ts, &x)? != 0,
        None => false,
    };
    list_of(v, this(v)?.data.splitlines(keep))
}

fn strip_chars<'a>(name: &str, qualname: &str, a: Args<'a>, k: Option<&Value>) -> PyResult<Option<&'a PyStr>> {
    let a = clinic_positional(name, qualname, a, k, 0, 1)?;
    match a.first() {
        None => Ok(None),
        Some(x) if none::is_none(x) => Ok(None),
        Some(x) => as_pystr(x).map(Some).ok_or_else(|| {
            PyErr::type_error(format!("{name} arg must be None or str"))
        }),
    }
}
fn str_strip(_ts: &ThreadState, v: &Value, a: Args, k: Option<&Value>) -> PyResult<Value> {
    let c = strip_chars("strip", "str.strip", a, k)?;
    Ok(same_or_new(v, this(v)?.data.strip(c.map(|c| &c.data))))
}
fn str_lstrip(_ts: &ThreadState, v: &Value, a: Args, k: Option<&Value>) -> PyResult<Value> {
    let c = strip_chars("lstrip", "str.lstrip", a, k)?;
    Ok(same_or_new(v, this(v)?.data.lstrip(c.map(|c| &c.data))))
}
fn str_rstrip(_ts: &ThreadState, v: &Value, a: Args, k: Option<&Value>) -> PyResult<Value> {
    let c = strip_chars("rstrip", "str.rstrip", a, k)?;
    Ok(same_or_new(v, this(v)?.data.rstrip(c.map(|c| &c.data))))
}

fn str_replace(ts: &ThreadState, v: &Value, a: Args, k: Option<&Value>) -> PyResult<Value> {
    let a = clinic_positional("replace", "str.replace", a, k, 2, 3)?;
    let old = as_pystr(&a[0]).ok_or_else(|| {
        PyErr::type_error(format!("replace() argument 1 must be str, not {}", clinic_type_name(&a[0])))
    })?;
    let new = as_pystr(&a[1]).ok_or_else(|| {
        PyErr::type_error(format!("replace() argument 2 must be str, not {}", clinic_type_name(&a[1])))
    })?;
    let count = match a.get(2) {
        Some(c) => int::ssize_arg(ts, c)?,
        None => -1,
    };
    same_or_new_result(v, this(v)?.data.replace(&old.data, &new.data, count))
}

macro_rules! case_method {
    ($fn:ident, $name:literal, $method:ident) => {
        fn $fn(_ts: &ThreadState, v: &Value, a: Args, k: Option<&Value>) -> PyResult<Value> {
            crate::object::args::exact(concat!("str.", $name), a, k, 0)?;
            Ok(from_data(this(v)?.data.$method()))
        }
    };
}
case_method!(str_upper, "upper", upper);
case_method!(str_lower, "lower", lower);
case_method!(str_casefold, "casefold", casefold);
case_method!(str_title, "title", title);
case_method!(str_capitalize, "capitalize", capitalize);
case_method!(str_swapcase, "swapcase", swapcase);

macro_rules! predicate {
    ($fn:ident, $name:literal, $method:ident) => {
        fn $fn(_ts: &ThreadState, v: &Value, a: Args, k: Option<&Value>) -> PyResult<Value> {
            crate::object::args::exact(concat!("str.", $name), a, k, 0)?;
            Ok(bool_::new_bool(this(v)?.data.$method()))
        }
    };
}
predicate!(str_isalpha, "isalpha", isalpha);
predicate!(str_isalnum, "isalnum", isalnum);
predicate!(str_isdecimal, "isdecimal", isdecimal);
predicate!(str_isdigit, "isdigit", isdigit);
predicate!(str_isnumeric, "isnumeric", isnumeric);
predicate!(str_isspace, "isspace", isspace);
predicate!(str_isprintable, "isprintable", isprintable);
predicate!(str_isascii, "isascii", isascii);
predicate!(str_isidentifier, "isidentifier", isidentifier);
predicate!(str_islower, "islower", islower);
predicate!(str_isupper, "isupper", isupper);
predicate!(str_istitle, "istitle", istitle);

fn fill_args(ts: &ThreadState, name: &str, qualname: &str, a: Args, k: Option<&Value>) -> PyResult<(isize, u32)> {
    let a = clinic_positional(name, qualname, a, k, 1, 2)?;
    let width = int::ssize_arg(ts, &a[0])?;
    let fill = match a.get(1) {
        None => ' ' as u32,
        Some(f) => match as_pystr(f) {
            Some(s) if s.data.len() == 1 => s.data.get(0),
            Some(_) => return Err(PyErr::type_error("The fill character must be exactly one character long")),
            None => {
                return Err(PyErr::type_error(format!(
                    "The fill character must be a unicode character, not {}",
                    protocol::type_name(f)
                )))
            }
        },
    };
    Ok((width, fill))
}
fn str_center(ts: &ThreadState, v: &Value, a: Args, k: Option<&Value>) -> PyResult<Value> {
    let (w, f) = fill_args(ts, "center", "str.center", a, k)?;
    same_or_new_result(v, this(v)?.data.center(w, f))
}
fn str_ljust(ts: &ThreadState, v: &Value, a: Args, k: Option<&Value>) -> PyResult<Value> {
    let (w, f) = fill_args(ts, "ljust", "str.ljust", a, k)?;
    same_or_new_result(v, this(v)?.data.ljust(w, f))
}
fn str_rjust(ts: &ThreadState, v: &Value, a: Args, k: Option<&Value>) -> PyResult<Value> {
    let (w, f) = fill_args(ts, "rjust", "str.rjust", a, k)?;
    same_or_new_result(v, this(v)?.data.rjust(w, f))
}
fn str_zfill(ts: &ThreadState, v: &Value, a: Args, k: Option<&Value>) -> PyResult<Value> {
    let a = crate::object::args::exact("str.zfill", a, k, 1)?;
    let w = int::ssize_arg(ts, &a[0])?;
    same_or_new_result(v, this(v)?.data.zfill(w))
}
fn str_expandtabs(ts: &ThreadState, v: &Value, a: Args, k: Option<&Value>) -> PyResult<Value> {
    let [tabsize] = clinic_keywords("expandtabs", a, k, ["tabsize"], 0, 0)?;
    let t = match tabsize {
        Some(t) => int::c_int_arg(ts, &t)?,
        None => 8,
    };
    same_or_new_result(v, this(v)?.data.expandtabs(t))
}

fn partition_impl(v: &Value, a: Args, k: Option<&Value>, qualname: &str, right: bool) -> PyResult<Value> {
    let a = crate::object::args::exact(qualname, a, k, 1)?;
    let sep = as_pystr(&a[0]).ok_or_else(|| PyErr::type_error(format!("must be str, not {}", protocol::type_name(&a[0]))))?;
    let me = this(v)?;
    if v.is_exact(&STR_TYPE) && a[0].is_exact(&STR_TYPE) && !sep.data.is_empty() {
        // As CPython: the separator object itself in the middle, the empty
        // string shared, and self for a part that is all of it.
        let found = if right { me.data.rfind(&sep.data, None, None) } else { me.data.find(&sep.data, None, None) };
        let len = me.data.len();
        let items = match (found, right) {
            (Some(i), _) => vec![
                from_data(me.data.slice(0, i)),
                a[0].clone(),
                from_data(me.data.slice(i + sep.data.len(), len)),
            ],
            (None, false) => vec![v.clone(), empty_str(), empty_str()],
            (None, true) => vec![empty_str(), empty_str(), v.clone()],
        };
        return tuple::new_tuple(items);
    }
    let parts = if right { me.data.rpartition(&sep.data) } else { me.data.partition(&sep.data) }.map_err(str_error)?;
    tuple::new_tuple(parts.into_iter().map(|d| same_or_new(v, d)).collect())
}
fn str_partition(_ts: &ThreadState, v: &Value, a: Args, k: Option<&Value>) -> PyResult<Value> {
    partition_impl(v, a, k, "str.partition", false)
}
fn str_rpartition(_ts: &ThreadState, v: &Value, a: Args, k: Option<&Value>) -> PyResult<Value> {
    partition_impl(v, a, k, "str.rpartition", true)
}

fn str_removeprefix(_ts: &ThreadState, v: &Value, a: Args, k: Option<&Value>) -> PyResult<Value> {
    let a = crate::object::args::exact("str.removeprefix", a, k, 1)?;
    let p = as_pystr(&a[0]).ok_or_else(|| {
        PyErr::type_error(format!("removeprefix() argument must be str, not {}", clinic_type_name(&a[0])))
    })?;
    let me = this(v)?;
    if me.data.startswith(&p.data, None, None) {
        Ok(from_data(me.data.slice(p.data.len(), me.data.len())))
    } else {
        Ok(same_or_new(v, me.data.clone()))
    }
}
fn str_removesuffix(_ts: &ThreadState, v: &Value, a: Args, k: Option<&Value>) -> PyResult<Value> {
    let a = crate::object::args::exact("str.removesuffix", a, k, 1)?;
    let p = as_pystr(&a[0]).ok_or_else(|| {
        PyErr::type_error(format!("removesuffix() argument must be str, not {}", clinic_type_name(&a[0])))
    })?;
    let me = this(v)?;
    if !p.data.is_empty() && me.data.endswith(&p.data, None, None) {
        Ok(from_data(me.data.slice(0, me.data.len() - p.data.len())))
    } else {
        Ok(same_or_new(v, me.data.clone()))
    }
}

fn str_encode(ts: &ThreadState, v: &Value, a: Args, k: Option<&Value>) -> PyResult<Value> {
    let [encoding, errors] = clinic_keywords("encode", a, k, ["encoding", "errors"], 0, 0)?;
    let enc = str_param("encode", "encoding", encoding)?.unwrap_or_else(|| "utf-8".into());
    let err = str_param("encode", "errors", errors)?.unwrap_or_else(|| "strict".into());
    // The handler is looked up (in the codec registry) only when there is an error to handle.
    super::bytes::encode_str(ts, v, &enc, &err)
}

fn str_translate(ts: &ThreadState, v: &Value, a: Args, k: Option<&Value>) -> PyResult<Value> {
    let a = crate::object::args::exact("str.translate", a, k, 1)?;
    let table = &a[0];
    let out = this(v)?.data.translate(|cp| {
        let r = match protocol::getitem(ts, table, &int::from_i64(cp as i64)) {
            Ok(r) => r,
            Err(e) if e.matches(&super::exceptions::LOOKUP_ERROR) => return Ok(Translation::Keep),
            Err(e) => return Err(e),
        };
        if none::is_none(&r) {
            return Ok(Translation::Delete);
        }
        if let Some(i) = int::as_int(&r) {
            return match i.to_i64() {
                Some(c) if (0..0x110000).contains(&c) => Ok(Translation::Char(c as u32)),
                _ => Err(PyErr::value_error("character mapping must be in range(0x110000)")),
            };
        }
        if let Some(s) = as_pystr(&r) {
            return Ok(Translation::Str(s.data.clone()));
        }
        Err(PyErr::type_error("character mapping must return integer, None or str"))
    })?;
    Ok(from_data(out))
}

/// `str.maketrans(x[, y[, z]])`: the translation dict.
fn str_maketrans(ts: &ThreadState, _cls: &Value, a: Args, k: Option<&Value>) -> PyResult<Value> {
    let a = clinic_positional("maketrans", "str.maketrans", a, k, 1, 3)?;
    let arg_str = |i: usize| -> PyResult<Option<&PyStr>> {
        match a.get(i) {
            None => Ok(None),
            Some(x) => as_pystr(x).map(Some).ok_or_else(|| {
                PyErr::type_error(format!("maketrans() argument {} must be str, not {}", i + 1, clinic_type_name(x)))
            }),
        }
    };
    let (y, z) = (arg_str(1)?, arg_str(2)?);
    let result = super::dict::new_dict();
    if let Some(y) = y {
        let x = as_pystr(&a[0]).ok_or_else(|| {
            PyErr::type_error("first maketrans argument must be a string if there is a second argument")
        })?;
        if x.data.len() != y.data.len() {
            return Err(PyErr::value_error("the first two maketrans arguments must have equal length"));
        }
        for (c, d) in x.data.code_points().zip(y.data.code_points()) {
            super::dict::dict_set_item(ts, &result, int::from_i64(c as i64), int::from_i64(d as i64))?;
        }
        if let Some(z) = z {
            for c in z.data.code_points() {
                super::dict::dict_set_item(ts, &result, int::from_i64(c as i64), none::none())?;
            }
        }
        return Ok(result);
    }
    if super::dict::as_dict(&a[0]).is_none() {
        return Err(PyErr::type_error("if you give only one argument to maketrans it must be a dict"));
    }
    let items = protocol::collect(ts, &protocol::call_method(ts, &a[0], "items", &[])?)?;
    for item in items {
        let pair = tuple::try_tuple_items(&item).ok_or_else(|| PyErr::system_error("dict item"))?;
        let (key, value) = (&pair[0], &pair[1]);
        let new_key = if let Some(s) = as_pystr(key) {
            if s.data.len() != 1 {
                return Err(PyErr::value_error("string keys in translate table must be of length 1"));
            }
            int::from_i64(s.data.get(0) as i64)
        } else if int::is_int(key) {
            key.clone()
        } else {
            return Err(PyErr::type_error("keys in translate table must be strings or integers"));
        };
        super::dict::dict_set_item(ts, &result, new_key, value.clone())?;
    }
    Ok(result)
}

fn str_format_map(ts: &ThreadState, v: &Value, a: Args, k: Option<&Value>) -> PyResult<Value> {
    let a = crate::object::args::exact("str.format_map", a, k, 1)?;
    crate::format::objects::str_format_map(ts, v, &a[0])
}

fn str_format_method(ts: &ThreadState, v: &Value, a: Args, k: Option<&Value>) -> PyResult<Value> {
    crate::format::objects::str_format(ts, v, a, k)
}

fn str_format_dunder(ts: &ThreadState, v: &Value, a: Args, k: Option<&Value>) -> PyResult<Value> {
    let a = crate::object::args::exact("str.__format__", a, k, 1)?;
    let spec = as_pystr(&a[0]).ok_or_else(|| {
        PyErr::type_error(format!("__format__() argument must be str, not {}", clinic_type_name(&a[0])))
    })?;
    crate::format::objects::format_str_value(ts, v, &spec.data)
}

fn str_mod(ts: &ThreadState, v: &Value, w: &Value) -> PyResult<Value> {
    if as_pystr(v).is_none() {
        return Ok(none::not_implemented());
    }
    crate::format::objects::percent_format_str(ts, v, w)
}

fn str_getnewargs(_ts: &ThreadState, v: &Value, a: Args, k: Option<&Value>) -> PyResult<Value> {
    crate::object::args::exact("str.__getnewargs__", a, k, 0)?;
    tuple::new_tuple(vec![from_data(this(v)?.data.clone())])
}

fn str_sizeof(_ts: &ThreadState, v: &Value, a: Args, k: Option<&Value>) -> PyResult<Value> {
    crate::object::args::exact("str.__sizeof__", a, k, 0)?;
    let s = this(v)?;
    // CPython 3.11 on 64-bit: PyASCIIObject is 48 bytes, PyCompactUnicodeObject 72.
    let header = if s.data.is_ascii() { 48 } else { 72 };
    Ok(int::from_i64((header + (s.data.len() + 1) * s.data.kind().width()) as i64))
}

/// Fill in the slots and methods of str and its iterators.
pub fn init() {
    let s = &STR_TYPE.data.slots;
    s.repr.set(Some(str_repr));
    s.str.set(Some(str_str));
    s.hash.set(Some(str_hash_slot));
    s.length.set(Some(str_len_slot));
    s.richcompare.set(Some(str_richcompare));
    s.concat.set(Some(str_concat));
    s.repeat.set(Some(str_repeat));
    s.contains.set(Some(str_contains));
    s.subscript.set(Some(str_subscript));
    s.iter.set(Some(str_iter));
    s.new.set(Some(str_new));
    s.getattro.set(Some(protocol::generic_getattr));
    s.binary[nb::REMAINDER].set(Some(str_mod));
    for t in [&STR_ITERATOR_TYPE, &STR_ASCII_ITERATOR_TYPE] {
        let it = &t.data.slots;
        it.iter.set(Some(self_iter));
        it.iternext.set(Some(str_iter_next));
        it.getattro.set(Some(protocol::generic_getattr));
        super::descr::add_methods(t, &[("__length_hint__", str_iter_length_hint)]);
    }
    super::descr::add_methods(
        &STR_TYPE,
        &[
            ("find", str_find),
            ("rfind", str_rfind),
            ("index", str_index),
            ("rindex", str_rindex),
            ("count", str_count),
            ("startswith", str_startswith),
            ("endswith", str_endswith),
            ("join", str_join),
            ("split", str_split),
            ("rsplit", str_rsplit),
            ("splitlines", str_splitlines),
            ("strip", str_strip),
            ("lstrip", str_lstrip),
            ("rstrip", str_rstrip),
            ("replace", str_replace),
            ("upper", str_upper),
            ("lower", str_lower),
            ("casefold", str_casefold),
            ("title", str_title),
            ("capitalize", str_capitalize),
            ("swapcase", str_swapcase),
            ("isalpha", str_isalpha),
            ("isalnum", str_isalnum),
            ("isdecimal", str_isdecimal),
            ("isdigit", str_isdigit),
            ("isnumeric", str_isnumeric),
            ("isspace", str_isspace),
            ("isprintable", str_isprintable),
            ("isascii", str_isascii),
            ("isidentifier", str_isidentifier),
            ("islower", str_islower),
            ("isupper", str_isupper),
            ("istitle", str_istitle),
            ("center", str_center),
            ("ljust", str_ljust),
            ("rjust", str_rjust),
            ("zfill", str_zfill),
            ("expandtabs", str_expandtabs),
            ("partition", str_partition),
            ("rpartition", str_rpartition),
            ("removeprefix", str_removeprefix),
            ("removesuffix", str_removesuffix),
            ("encode", str_encode),
            ("format", str_format_method),
            ("format_map", str_format_map),
            ("translate", str_translate),
            ("__format__", str_format_dunder),
            ("__getnewargs__", str_getnewargs),
            ("__sizeof__", str_sizeof),
        ],
    );
    super::descr::add_methods_kind(&STR_TYPE, &[("maketrans", str_maketrans)], super::descr::MethodKind::Static);
}
