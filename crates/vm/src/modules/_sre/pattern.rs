//! `re.Pattern`: a compiled code list with its source, flags and groups;
//! match/search/fullmatch, findall, finditer, split, sub/subn.

use std::cell::RefCell;

use super::engine::{self, State};
use super::match_::{new_match, new_scanner};
use super::{engine_error, Args, Kw, Text};
use crate::object::args;
use crate::object::protocol;
use crate::object::typeobj::{CompareOp, PyType, TypeObject, TPFLAGS_HAVE_GC};
use crate::object::value::{PyObject, PyPayload, Value};
use crate::runtime::errors::{PyErr, PyResult};
use crate::runtime::thread::ThreadState;
use crate::types::{bool_, dict, int, list, none, str as pystr, tuple};

/// A compiled regular expression.
pub struct PyPattern {
    /// The source (str, bytes or None).
    pub(crate) pattern: Value,
    pub(crate) flags: i32,
    pub(crate) code: Vec<u32>,
    pub(crate) groups: usize,
    pub(crate) groupindex: Option<Value>,
    pub(crate) indexgroup: Option<Value>,
    /// -1: no source, 0: str, 1: bytes.
    pub(crate) isbytes: i8,
}

/// `re.Pattern`.
pub static PATTERN_TYPE: PyType = PyObject::new_static(
    &crate::types::typeobject::TYPE_TYPE,
    TypeObject::builtin::<PyPattern>("re.Pattern", &PATTERN_TYPE, Some(&crate::types::object::OBJECT_TYPE), TPFLAGS_HAVE_GC),
);

impl PyPayload for PyPattern {
    fn class() -> &'static PyType {
        &PATTERN_TYPE
    }
}

fn this(v: &Value) -> PyResult<&PyPattern> {
    v.downcast::<PyPattern>().ok_or_else(|| PyErr::type_error("descriptor requires a 're.Pattern' object"))
}

/// A new Pattern (the body of `_sre.compile`).
pub(crate) fn new_pattern(pattern: Value, flags: i32, code: Vec<u32>, groups: isize, groupindex: Value, indexgroup: Value) -> PyResult<Value> {
    // Each group takes two MARKs (four words): a larger count is not from
    // re's compiler, and would only size the marks array absurdly.
    if groups < 0 || groups as usize > code.len() || code.last() != Some(&engine::SUCCESS) {
        return Err(PyErr::runtime_error("invalid SRE code"));
    }
    let isbytes = if none::is_none(&pattern) {
        -1
    } else {
        let t = Text::of(&pattern)?;
        t.is_bytes() as i8
    };
    let has_names = dict::as_dict(&groupindex).is_some_and(|d| !d.is_empty());
    let (groupindex, indexgroup) = if has_names {
        let ig = if tuple::tuple_items(&indexgroup).is_empty() { None } else { Some(indexgroup) };
        (Some(groupindex), ig)
    } else {
        (None, None)
    };
    Value::new(PyPattern { pattern, flags, code, groups: groups as usize, groupindex, indexgroup, isbytes })
}

/// The interrupt slot and checker shared by the engine runs of one call.
pub(crate) struct Pending<'t> {
    ts: &'t ThreadState,
    pub(crate) err: RefCell<Option<PyErr>>,
}

impl<'t> Pending<'t> {
    pub(crate) fn new(ts: &'t ThreadState) -> Pending<'t> {
        Pending { ts, err: RefCell::new(None) }
    }
    pub(crate) fn check(&self) -> bool {
        match crate::runtime::thread::handle_pending_signals(self.ts) {
            Ok(()) => false,
            Err(e) => {
                *self.err.borrow_mut() = Some(e);
                true
            }
        }
    }
}

/// A matcher state for `text`, after the str/bytes compatibility check.
pub(crate) fn state_for<'a>(p: &PyPattern, text: &'a Text<'a>, pos: isize, endpos: isize) -> PyResult<State<'a>> {
    if text.is_bytes() && p.isbytes == 0 {
        return Err(PyErr::type_error("cannot use a string pattern on a bytes-like object"));
    }
    if !text.is_bytes() && p.isbytes > 0 {
        return Err(PyErr::type_error("cannot use a bytes pattern on a string-like object"));
    }
    Ok(State::new(text.subject(), p.groups, pos, endpos))
}

/// (string, pos, endpos) of match/search/fullmatch/findall/finditer/scanner.
fn string_pos_endpos(ts: &ThreadState, fname: &str, a: Args, k: Kw) -> PyResult<(Value, isize, isize)> {
    let [string, pos, endpos] = args::bind(fname, a, k, ["string", "pos", "endpos"], 0, 1, 3)?;
    let string = string.unwrap_or_else(none::none);
    let pos = match pos {
        Some(p) => int::ssize_arg(ts, &p)?,
        None => 0,
    };
    let endpos = match endpos {
        Some(p) => int::ssize_arg(ts, &p)?,
        None => isize::MAX,
    };
    Ok((string, pos, endpos))
}

#[derive(Clone, Copy, PartialEq)]
enum Mode {
    Match,
    FullMatch,
    Search,
}

fn run_one(ts: &ThreadState, v: &Value, a: Args, k: Kw, fname: &str, mode: Mode) -> PyResult<Value> {
    let p = this(v)?;
    let (string, pos, endpos) = string_pos_endpos(ts, fname, a, k)?;
    let text = Text::of(&string)?;
    let mut st = state_for(p, &text, pos, endpos)?;
    let pending = Pending::new(ts);
    let mut check = || pending.check();
    st.set_interrupt(&mut check);
    let found = match mode {
        Mode::Match => st.pymatch(&p.code),
        Mode::FullMatch => {
            st.match_all = true;
            st.pymatch(&p.code)
        }
        Mode::Search => st.search(&p.code),
    };
    let found = found.map_err(|e| engine_error(e, &pending.err))?;
    if !found {
        return Ok(none::none());
    }
    new_match(v, &st, &string, pos, endpos)
}

fn pattern_match(ts: &ThreadState, v: &Value, a: Args, k: Kw) -> PyResult<Value> {
    run_one(ts, v, a, k, "match", Mode::Match)
}
fn pattern_fullmatch(ts: &ThreadState, v: &Value, a: Args, k: Kw) -> PyResult<Value> {
    run_one(ts, v, a, k, "fullmatch", Mode::FullMatch)
}
fn pattern_search(ts: &ThreadState, v: &Value, a: Args, k: Kw) -> PyResult<Value> {
    run_one(ts, v, a, k, "search", Mode::Search)
}

/// The value of group `g` (1-based) after a match: its text, or `empty`
/// (an empty slice) or None when it did not take part.
fn group_value(st: &State, text: &Text, string: &Value, g: usize, empty: bool) -> Value {
    match st.group_span(g) {
        Some((a, b)) => text.slice(string, a, b),
        None if empty => text.slice(string, 0, 0),
        None => none::none(),
    }
}

fn pattern_findall(ts: &ThreadState, v: &Value, a: Args, k: Kw) -> PyResult<Value> {
    let p = this(v)?;
    let (string, pos, endpos) = string_pos_endpos(ts, "findall", a, k)?;
    let text = Text::of(&string)?;
    let mut st = state_for(p, &text, pos, endpos)?;
    let pending = Pending::new(ts);
    let mut check = || pending.check();
    st.set_interrupt(&mut check);
    let mut out = Vec::new();
    while st.start <= st.end {
        st.reset();
        st.ptr = st.start;
        if !st.search(&p.code).map_err(|e| engine_error(e, &pending.err))? {
            break;
        }
        let item = match p.groups {
            0 => text.slice(&string, st.start, st.ptr),
            1 => group_value(&st, &text, &string, 1, true),
            n => tuple::new_tuple((1..=n).map(|g| group_value(&st, &text, &string, g, true)).collect())?,
        };
        out.push(item);
        st.must_advance = st.ptr == st.start;
        st.start = st.ptr;
    }
    list::new_list(out)
}

fn pattern_finditer(ts: &ThreadState, v: &Value, a: Args, k: Kw) -> PyResult<Value> {
    let (string, pos, endpos) = string_pos_endpos(ts, "finditer", a, k)?;
    let scanner = new_scanner(v, string, pos, endpos)?;
    let search = protocol::getattr_str(ts, &scanner, "search")?;
    crate::types::iter::new_callable_iter(search, none::none())
}

fn pattern_scanner(ts: &ThreadState, v: &Value, a: Args, k: Kw) -> PyResult<Value> {
    let (string, pos, endpos) = string_pos_endpos(ts, "scanner", a, k)?;
    new_scanner(v, string, pos, endpos)
}

fn pattern_split(ts: &ThreadState, v: &Value, a: Args, k: Kw) -> PyResult<Value> {
    let p = this(v)?;
    let [string, maxsplit] = args::bind("split", a, k, ["string", "maxsplit"], 0, 1, 2)?;
    let string = string.unwrap_or_else(none::none);
    let maxsplit = match maxsplit {
        Some(m) => int::ssize_arg(ts, &m)?,
        None => 0,
    };
    let text = Text::of(&string)?;
    let mut st = state_for(p, &text, 0, isize::MAX)?;
    let pending = Pending::new(ts);
    let mut check = || pending.check();
    st.set_interrupt(&mut check);
    let mut out = Vec::new();
    let mut n = 0;
    let mut last = st.start;
    while maxsplit == 0 || n < maxsplit {
        st.reset();
        st.ptr = st.start;
        if !st.search(&p.code).map_err(|e| engine_error(e, &pending.err))? {
            break;
        }
        out.push(text.slice(&string, last, st.start));
        for g in 1..=p.groups {
            out.push(group_value(&st, &text, &string, g, false));
        }
        n += 1;
        st.must_advance = st.ptr == st.start;
        st.start = st.ptr;
        last = st.ptr;
    }
    out.push(text.slice(&string, last, st.end));
    list::new_list(out)
}

fn is_callable(v: &Value) -> bool {
    v.type_of().data.slots.call.get().is_some()
}

/// Call `re.<name>(*args)` (the pure-Python helpers of 3.11's re).
pub(crate) fn call_re(ts: &ThreadState, name: &str, argv: &[Value]) -> PyResult<Value> {
    let re = crate::import::import_module_level(ts, &pystr::intern("re"), None, None, 0)?;
    let f = protocol::getattr_str(ts, &re, name)?;
    protocol::call(ts, &f, argv, None)
}

fn subx(ts: &ThreadState, v: &Value, a: Args, k: Kw, fname: &str, subn: bool) -> PyResult<Value> {
    let p = this(v)?;
    let [repl, string, count] = args::bind(fname, a, k, ["repl", "string", "count"], 0, 2, 3)?;
    let repl = repl.unwrap_or_else(none::none);
    let string = string.unwrap_or_else(none::none);
    let count = match count {
        Some(c) => int::ssize_arg(ts, &c)?,
        None => 0,
    };
    // The filter: a callable, a literal, or (through re._subx) either.
    let (filter, callable) = if is_callable(&repl) {
        (repl, true)
    } else {
        let literal = match Text::of(&repl) {
            Ok(t) => {
                let s = t.subject();
                !(0..s.len()).any(|i| s.at(i) == b'\\' as u32)
            }
            Err(_) => false,
        };
        if literal {
            (repl, false)
        } else {
            let f = call_re(ts, "_subx", &[v.clone(), repl])?;
            let c = is_callable(&f);
            (f, c)
        }
    };
    let text = Text::of(&string)?;
    let mut st = state_for(p, &text, 0, isize::MAX)?;
    let pending = Pending::new(ts);
    let mut check = || pending.check();
    st.set_interrupt(&mut check);
    let mut out = Vec::new();
    let mut n: isize = 0;
    let mut i = 0;
    while count == 0 || n < count {
        st.reset();
        st.ptr = st.start;
        if !st.search(&p.code).map_err(|e| engine_error(e, &pending.err))? {
            break;
        }
        let (b, e) = (st.start, st.ptr);
        if i < b {
            out.push(text.slice(&string, i, b));
        }
        let item = if callable {
            let m = new_match(v, &st, &string, 0, isize::MAX)?;
            protocol::call(ts, &filter, &[m], None)?
        } else {
            filter.clone()
        };
        if !none::is_none(&item) {
            out.push(item);
        }
        i = e;
        n += 1;
        st.must_advance = st.ptr == st.start;
        st.start = st.ptr;
    }
    if i < st.end {
        out.push(text.slice(&string, i, st.end));
    }
    let joiner = text.slice(&string, 0, 0);
    let result = if out.is_empty() {
        joiner
    } else {
        let l = list::new_list(out)?;
        protocol::call_method(ts, &joiner, "join", &[l])?
    };
    if subn {
        tuple::new_tuple(vec![result, int::from_i64(n as i64)])
    } else {
        Ok(result)
    }
}

fn pattern_sub(ts: &ThreadState, v: &Value, a: Args, k: Kw) -> PyResult<Value> {
    subx(ts, v, a, k, "sub", false)
}
fn pattern_subn(ts: &ThreadState, v: &Value, a: Args, k: Kw) -> PyResult<Value> {
    subx(ts, v, a, k, "subn", true)
}

fn pattern_copy(_ts: &ThreadState, v: &Value, a: Args, k: Kw) -> PyResult<Value> {
    args::exact("__copy__", a, k, 0)?;
    Ok(v.clone())
}
fn pattern_deepcopy(_ts: &ThreadState, v: &Value, a: Args, k: Kw) -> PyResult<Value> {
    args::exact("__deepcopy__", a, k, 1)?;
    Ok(v.clone())
}

/// `__class_getitem__` of Pattern and Match (PEP 585 aliases).
pub(crate) fn class_getitem(_ts: &ThreadState, cls: &Value, a: Args, k: Kw) -> PyResult<Value> {
    let a = args::exact("__class_getitem__", a, k, 1)?;
    crate::types::genericalias::new_generic_alias(cls.clone(), a[0].clone())
}

/// `repr(s)` cut to `n` characters (the `%.<n>R` format).
pub(crate) fn repr_truncated(ts: &ThreadState, v: &Value, n: usize) -> PyResult<String> {
    let r = protocol::repr_string(ts, v)?;
    Ok(match r.char_indices().nth(n) {
        Some((at, _)) => r[..at].to_string(),
        None => r,
    })
}

fn pattern_repr(ts: &ThreadState, v: &Value) -> PyResult<Value> {
    let p = this(v)?;
    const NAMES: [(&str, i32); 8] = [
        ("re.IGNORECASE", 2),
        ("re.LOCALE", 4),
        ("re.MULTILINE", 8),
        ("re.DOTALL", 16),
        ("re.UNICODE", 32),
        ("re.VERBOSE", 64),
        ("re.DEBUG", 128),
        ("re.ASCII", 256),
    ];
    let mut flags = p.flags;
    // re.UNICODE is implied for str patterns.
    if p.isbytes == 0 && flags & (4 | 32 | 256) == 32 {
        flags &= !32;
    }
    let mut items: Vec<String> = Vec::new();
    for (name, bit) in NAMES {
        if flags & bit != 0 {
            items.push(name.to_string());
            flags &= !bit;
        }
    }
    if flags != 0 {
        items.push(format!("0x{:x}", flags));
    }
    let src = repr_truncated(ts, &p.pattern, 200)?;
    Ok(pystr::new_str(&if items.is_empty() {
        format!("re.compile({src})")
    } else {
        format!("re.compile({src}, {})", items.join("|"))
    }))
}

fn code_bytes(code: &[u32]) -> Vec<u8> {
    code.iter().flat_map(|w| w.to_ne_bytes()).collect()
}

fn pattern_hash(ts: &ThreadState, v: &Value) -> PyResult<isize> {
    let p = this(v)?;
    let mut h = protocol::hash(ts, &p.pattern)?;
    h ^= crate::pyhash::hash_bytes(crate::runtime::hash_secret(), &code_bytes(&p.code));
    h ^= p.flags as isize;
    h ^= p.isbytes as isize;
    h ^= p.code.len() as isize;
    Ok(if h == -1 { -2 } else { h })
}

fn pattern_richcompare(ts: &ThreadState, v: &Value, w: &Value, op: CompareOp) -> PyResult<Value> {
    if !matches!(op, CompareOp::Eq | CompareOp::Ne) || !w.is_exact(&PATTERN_TYPE) {
        return Ok(none::not_implemented());
    }
    let eq = if v.is(w) {
        true
    } else {
        let (a, b) = (this(v)?, this(w)?);
        a.flags == b.flags
            && a.isbytes == b.isbytes
            && a.code == b.code
            && protocol::compare_bool(ts, &a.pattern, &b.pattern, CompareOp::Eq)?
    };
    Ok(bool_::new_bool(if op == CompareOp::Eq { eq } else { !eq }))
}

fn pattern_get(_ts: &ThreadState, v: &Value) -> PyResult<Value> {
    Ok(this(v)?.pattern.clone())
}
fn flags_get(_ts: &ThreadState, v: &Value) -> PyResult<Value> {
    Ok(int::from_i64(this(v)?.flags as i64))
}
fn groups_get(_ts: &ThreadState, v: &Value) -> PyResult<Value> {
    Ok(int::from_i64(this(v)?.groups as i64))
}
fn groupindex_get(_ts: &ThreadState, v: &Value) -> PyResult<Value> {
    match &this(v)?.groupindex {
        Some(d) => crate::types::mappingproxy::new_mappingproxy(d.clone()),
        None => Ok(dict::new_dict()),
    }
}

/// `tp_new` of the types Python code cannot instantiate
/// (CPython's Py_TPFLAGS_DISALLOW_INSTANTIATION).
pub(crate) fn no_new(_ts: &ThreadState, cls: &Value, _a: Args, _k: Kw) -> PyResult<Value> {
    let name = cls.as_type().map(|t| t.name()).unwrap_or_default();
    Err(PyErr::type_error(format!("cannot create '{name}' instances")))
}

/// The references a Pattern holds.
fn pattern_traverse(v: &Value, visit: &mut dyn FnMut(&Value)) {
    if let Some(p) = v.downcast::<PyPattern>() {
        visit(&p.pattern);
        for x in [&p.groupindex, &p.indexgroup].into_iter().flatten() {
            visit(x);
        }
    }
}

/// Fill the Pattern type's slots and attributes.
pub(crate) fn init() {
    use crate::types::descr::{add_getsets, add_methods, add_methods_kind, MethodKind};
    PATTERN_TYPE.data.gc_traverse.set(Some(pattern_traverse));
    let s = &PATTERN_TYPE.data.slots;
    s.new.set(Some(no_new));
    s.repr.set(Some(pattern_repr));
    s.hash.set(Some(pattern_hash));
    s.richcompare.set(Some(pattern_richcompare));
    s.getattro.set(Some(protocol::generic_getattr));
    add_methods(
        &PATTERN_TYPE,
        &[
            ("match", pattern_match),
            ("fullmatch", pattern_fullmatch),
            ("search", pattern_search),
            ("sub", pattern_sub),
            ("subn", pattern_subn),
            ("findall", pattern_findall),
            ("split", pattern_split),
            ("finditer", pattern_finditer),
            ("scanner", pattern_scanner),
            ("__copy__", pattern_copy),
            ("__deepcopy__", pattern_deepcopy),
        ],
    );
    add_methods_kind(&PATTERN_TYPE, &[("__class_getitem__", class_getitem)], MethodKind::Class);
    dict::dict_set_str(&PATTERN_TYPE.data.dict(), "__doc__", pystr::new_str("Compiled regular expression object."));
    add_getsets(
        &PATTERN_TYPE,
        &[("pattern", pattern_get, None), ("flags", flags_get, None), ("groups", groups_get, None), ("groupindex", groupindex_get, None)],
    );
}
