//! `re.Match` (the groups of one successful match) and
//! `_sre.SRE_Scanner` (successive matches over one string).

use std::cell::{Cell, RefCell};

use super::engine::State;
use super::pattern::{call_re, class_getitem, repr_truncated, state_for, Pending, PyPattern};
use super::{engine_error, Args, Kw, Text};
use crate::object::args;
use crate::object::protocol;
use crate::object::typeobj::{PyType, TypeObject, TPFLAGS_HAVE_GC};
use crate::object::value::{PyObject, PyPayload, Value};
use crate::runtime::errors::{PyErr, PyResult};
use crate::runtime::thread::ThreadState;
use crate::types::{dict, int, none, str as pystr, tuple};

/// The result of a successful match.
pub struct PyMatch {
    string: Value,
    /// The Pattern object.
    pattern: Value,
    /// Spans of group 0..=groups, -1 for groups that did not take part.
    marks: Vec<isize>,
    pos: isize,
    endpos: isize,
    lastindex: isize,
    regs: RefCell<Option<Value>>,
}

/// `re.Match`.
pub static MATCH_TYPE: PyType = PyObject::new_static(
    &crate::types::typeobject::TYPE_TYPE,
    TypeObject::builtin::<PyMatch>("re.Match", &MATCH_TYPE, Some(&crate::types::object::OBJECT_TYPE), TPFLAGS_HAVE_GC),
);

impl PyPayload for PyMatch {
    fn class() -> &'static PyType {
        &MATCH_TYPE
    }
}

/// The state of `Pattern.scanner()` / `finditer()` between calls.
pub struct PyScanner {
    pattern: Value,
    string: Value,
    pos: isize,
    endpos: isize,
    /// Where the next attempt starts; None once exhausted.
    start: Cell<Option<usize>>,
    must_advance: Cell<bool>,
    executing: Cell<bool>,
    /// The contents of a mutable buffer subject, taken once (CPython keeps
    /// the buffer exported for the scanner's life) so that each step does
    /// not copy it again.
    snapshot: Option<Vec<u8>>,
}

/// `_sre.SRE_Scanner`.
pub static SCANNER_TYPE: PyType = PyObject::new_static(
    &crate::types::typeobject::TYPE_TYPE,
    TypeObject::builtin::<PyScanner>("_sre.SRE_Scanner", &SCANNER_TYPE, Some(&crate::types::object::OBJECT_TYPE), TPFLAGS_HAVE_GC),
);

impl PyPayload for PyScanner {
    fn class() -> &'static PyType {
        &SCANNER_TYPE
    }
}

fn this(v: &Value) -> PyResult<&PyMatch> {
    v.downcast::<PyMatch>().ok_or_else(|| PyErr::type_error("descriptor requires a 're.Match' object"))
}

fn pattern_of(m: &PyMatch) -> PyResult<&PyPattern> {
    m.pattern.downcast::<PyPattern>().ok_or_else(|| PyErr::system_error("match without pattern"))
}

/// A Match from the state after a successful match (sre's pattern_new_match).
pub(crate) fn new_match(pattern: &Value, st: &State, string: &Value, pos: isize, endpos: isize) -> PyResult<Value> {
    let p = pattern.downcast::<PyPattern>().ok_or_else(|| PyErr::system_error("match without pattern"))?;
    let mut marks = Vec::with_capacity(2 * (p.groups + 1));
    marks.push(st.start as isize);
    marks.push(st.ptr as isize);
    for g in 1..=p.groups {
        match st.group_span(g) {
            Some((a, b)) if a <= b => {
                marks.push(a as isize);
                marks.push(b as isize);
            }
            Some(_) => {
                return Err(PyErr::system_error(
                    "The span of capturing group is wrong, please report a bug for the re module.",
                ))
            }
            None => {
                marks.push(-1);
                marks.push(-1);
            }
        }
    }
    let len = st.subject.len() as isize;
    Value::new(PyMatch {
        string: string.clone(),
        pattern: pattern.clone(),
        marks,
        pos: pos.clamp(0, len),
        endpos: endpos.clamp(0, len),
        lastindex: st.lastindex,
        regs: RefCell::new(None),
    })
}

impl PyMatch {
    fn groups(&self) -> usize {
        self.marks.len() / 2
    }

    /// Group `i`'s text, or `def` when it did not take part.
    fn slice(&self, i: usize, def: &Value) -> PyResult<Value> {
        let (a, b) = (self.marks[2 * i], self.marks[2 * i + 1]);
        if none::is_none(&self.string) || a < 0 {
            return Ok(def.clone());
        }
        // A bytearray is sliced in place rather than copied whole first.
        if let Some(ba) = crate::types::bytearray::as_bytearray(&self.string) {
            let data = ba.data.borrow();
            let (i, j) = ((a as usize).min(data.len()), (b as usize).min(data.len()));
            return Ok(crate::types::bytes::new_bytes(data[i..j.max(i)].to_vec()));
        }
        let text = Text::of(&self.string)?;
        Ok(text.slice(&self.string, a as usize, b as usize))
    }

    /// The group number named by `index` (an int or a group name).
    fn index(&self, ts: &ThreadState, index: &Value) -> PyResult<usize> {
        let i = if index.type_of().data.slots.index.get().is_some() || int::is_int(index) {
            let n = protocol::index(ts, index)?;
            int::to_isize(&n).unwrap_or(if int::is_negative(&n) { isize::MIN } else { isize::MAX })
        } else {
            let mut i = -1;
            if let Some(gi) = &pattern_of(self)?.groupindex {
                if let Some(n) = dict::dict_get_item(ts, gi, index)? {
                    if int::is_int(&n) {
                        i = int::to_isize(&n).unwrap_or(-1);
                    }
                }
            }
            i
        };
        if i < 0 || i as usize >= self.groups() {
            return Err(PyErr::index_error("no such group"));
        }
        Ok(i as usize)
    }

    fn group(&self, ts: &ThreadState, index: &Value) -> PyResult<Value> {
        let i = self.index(ts, index)?;
        self.slice(i, &none::none())
    }
}

fn match_group(ts: &ThreadState, v: &Value, a: Args, k: Kw) -> PyResult<Value> {
    let m = this(v)?;
    args::no_kwargs("Match.group", k)?;
    match a.len() {
        0 => m.slice(0, &none::none()),
        1 => m.group(ts, &a[0]),
        _ => {
            let mut items = Vec::with_capacity(a.len());
            for x in a {
                items.push(m.group(ts, x)?);
            }
            tuple::new_tuple(items)
        }
    }
}

fn match_getitem(ts: &ThreadState, v: &Value, key: &Value) -> PyResult<Value> {
    this(v)?.group(ts, key)
}

fn match_groups(ts: &ThreadState, v: &Value, a: Args, k: Kw) -> PyResult<Value> {
    let _ = ts;
    let m = this(v)?;
    let [default] = args::bind("groups", a, k, ["default"], 0, 0, 1)?;
    let default = default.unwrap_or_else(none::none);
    let mut items = Vec::new();
    for i in 1..m.groups() {
        items.push(m.slice(i, &default)?);
    }
    tuple::new_tuple(items)
}

fn match_groupdict(ts: &ThreadState, v: &Value, a: Args, k: Kw) -> PyResult<Value> {
    let m = this(v)?;
    let [default] = args::bind("groupdict", a, k, ["default"], 0, 0, 1)?;
    let default = default.unwrap_or_else(none::none);
    let out = dict::new_dict();
    if let Some(gi) = &pattern_of(m)?.groupindex {
        for key in dict::as_dict(gi).map(|d| d.keys()).unwrap_or_default() {
            let i = m.index(ts, &key)?;
            dict::dict_set_item(ts, &out, key, m.slice(i, &default)?)?;
        }
    }
    Ok(out)
}

fn group_arg(ts: &ThreadState, m: &PyMatch, fname: &str, a: Args, k: Kw) -> PyResult<usize> {
    let a = args::positional(fname, a, k, 0, 1)?;
    match a.first() {
        Some(g) => m.index(ts, g),
        None => Ok(0),
    }
}

fn match_start(ts: &ThreadState, v: &Value, a: Args, k: Kw) -> PyResult<Value> {
    let m = this(v)?;
    let i = group_arg(ts, m, "start", a, k)?;
    Ok(int::from_i64(m.marks[2 * i] as i64))
}

fn match_end(ts: &ThreadState, v: &Value, a: Args, k: Kw) -> PyResult<Value> {
    let m = this(v)?;
    let i = group_arg(ts, m, "end", a, k)?;
    Ok(int::from_i64(m.marks[2 * i + 1] as i64))
}

fn pair(a: isize, b: isize) -> PyResult<Value> {
    tuple::new_tuple(vec![int::from_i64(a as i64), int::from_i64(b as i64)])
}

fn match_span(ts: &ThreadState, v: &Value, a: Args, k: Kw) -> PyResult<Value> {
    let m = this(v)?;
    let i = group_arg(ts, m, "span", a, k)?;
    pair(m.marks[2 * i], m.marks[2 * i + 1])
}

fn match_expand(ts: &ThreadState, v: &Value, a: Args, k: Kw) -> PyResult<Value> {
    let m = this(v)?;
    let [template] = args::bind("expand", a, k, ["template"], 0, 1, 1)?;
    let template = template.unwrap_or_else(none::none);
    call_re(ts, "_expand", &[m.pattern.clone(), v.clone(), template])
}

fn match_copy(_ts: &ThreadState, v: &Value, a: Args, k: Kw) -> PyResult<Value> {
    args::exact("__copy__", a, k, 0)?;
    Ok(v.clone())
}
fn match_deepcopy(_ts: &ThreadState, v: &Value, a: Args, k: Kw) -> PyResult<Value> {
    args::exact("__deepcopy__", a, k, 1)?;
    Ok(v.clone())
}

fn match_repr(ts: &ThreadState, v: &Value) -> PyResult<Value> {
    let m = this(v)?;
    let g0 = m.slice(0, &none::none())?;
    Ok(pystr::new_str(&format!(
        "<{} object; span=({}, {}), match={}>",
        v.type_of().name(),
        m.marks[0],
        m.marks[1],
        repr_truncated(ts, &g0, 50)?
    )))
}

fn string_get(_ts: &ThreadState, v: &Value) -> PyResult<Value> {
    Ok(this(v)?.string.clone())
}
fn re_get(_ts: &ThreadState, v: &Value) -> PyResult<Value> {
    Ok(this(v)?.pattern.clone())
}
fn pos_get(_ts: &ThreadState, v: &Value) -> PyResult<Value> {
    Ok(int::from_i64(this(v)?.pos as i64))
}
fn endpos_get(_ts: &ThreadState, v: &Value) -> PyResult<Value> {
    Ok(int::from_i64(this(v)?.endpos as i64))
}
fn lastindex_get(_ts: &ThreadState, v: &Value) -> PyResult<Value> {
    let m = this(v)?;
    Ok(if m.lastindex >= 0 { int::from_i64(m.lastindex as i64) } else { none::none() })
}
fn lastgroup_get(_ts: &ThreadState, v: &Value) -> PyResult<Value> {
    let m = this(v)?;
    if let Some(ig) = &pattern_of(m)?.indexgroup {
        let items = tuple::tuple_items(ig);
        if m.lastindex >= 0 && (m.lastindex as usize) < items.len() {
            return Ok(items[m.lastindex as usize].clone());
        }
    }
    Ok(none::none())
}
fn regs_get(_ts: &ThreadState, v: &Value) -> PyResult<Value> {
    let m = this(v)?;
    if let Some(r) = m.regs.borrow().as_ref() {
        return Ok(r.clone());
    }
    let mut items = Vec::new();
    for i in 0..m.groups() {
        items.push(pair(m.marks[2 * i], m.marks[2 * i + 1])?);
    }
    let regs = tuple::new_tuple(items)?;
    *m.regs.borrow_mut() = Some(regs.clone());
    Ok(regs)
}

/// A scanner over `string` (validated now, as sre's state_init).
pub(crate) fn new_scanner(pattern: &Value, string: Value, pos: isize, endpos: isize) -> PyResult<Value> {
    let p = pattern.downcast::<PyPattern>().ok_or_else(|| PyErr::type_error("descriptor requires a 're.Pattern' object"))?;
    let (start, snapshot) = {
        let text = Text::of(&string)?;
        let st = state_for(p, &text, pos, endpos)?;
        let snapshot = match &text {
            Text::Bytes(std::borrow::Cow::Owned(b)) => Some(b.clone()),
            _ => None,
        };
        (st.start, snapshot)
    };
    Value::new(PyScanner {
        pattern: pattern.clone(),
        string,
        pos,
        endpos,
        start: Cell::new(Some(start)),
        must_advance: Cell::new(false),
        executing: Cell::new(false),
        snapshot,
    })
}

fn scanner_step(ts: &ThreadState, v: &Value, a: Args, k: Kw, fname: &str, search: bool) -> PyResult<Value> {
    args::exact(fname, a, k, 0)?;
    let sc = v.downcast::<PyScanner>().ok_or_else(|| PyErr::type_error("descriptor requires a '_sre.SRE_Scanner' object"))?;
    if sc.executing.get() {
        return Err(PyErr::value_error("regular expression scanner already executing"));
    }
    let Some(start) = sc.start.get() else {
        return Ok(none::none());
    };
    let p = sc.pattern.downcast::<PyPattern>().ok_or_else(|| PyErr::system_error("scanner without pattern"))?;
    sc.executing.set(true);
    let result = (|| {
        let text = match &sc.snapshot {
            Some(b) => Text::Bytes(std::borrow::Cow::Borrowed(b)),
            None => Text::of(&sc.string)?,
        };
        let mut st = state_for(p, &text, sc.pos, sc.endpos)?;
        let pending = Pending::new(ts);
        let mut check = || pending.check();
        st.set_interrupt(&mut check);
        st.start = start;
        st.ptr = start;
        st.must_advance = sc.must_advance.get();
        let found = if search { st.search(&p.code) } else { st.pymatch(&p.code) };
        let found = found.map_err(|e| engine_error(e, &pending.err))?;
        if !found {
            sc.start.set(None);
            return Ok(none::none());
        }
        let m = new_match(&sc.pattern, &st, &sc.string, sc.pos, sc.endpos)?;
        sc.must_advance.set(st.ptr == st.start);
        sc.start.set(Some(st.ptr));
        Ok(m)
    })();
    sc.executing.set(false);
    result
}

fn scanner_match(ts: &ThreadState, v: &Value, a: Args, k: Kw) -> PyResult<Value> {
    scanner_step(ts, v, a, k, "match", false)
}
fn scanner_search(ts: &ThreadState, v: &Value, a: Args, k: Kw) -> PyResult<Value> {
    scanner_step(ts, v, a, k, "search", true)
}
fn scanner_pattern_get(_ts: &ThreadState, v: &Value) -> PyResult<Value> {
    let sc = v.downcast::<PyScanner>().ok_or_else(|| PyErr::type_error("descriptor requires a '_sre.SRE_Scanner' object"))?;
    Ok(sc.pattern.clone())
}

/// The references a Match holds (cycles through them are broken by
/// clearing the other, user-side objects of the cycle).
fn match_traverse(v: &Value, visit: &mut dyn FnMut(&Value)) {
    if let Some(m) = v.downcast::<PyMatch>() {
        visit(&m.string);
        visit(&m.pattern);
        if let Ok(r) = m.regs.try_borrow() {
            if let Some(x) = r.as_ref() {
                visit(x);
            }
        }
    }
}

/// As CPython, a scanner reports only its pattern (its string is held by
/// the matcher state, which the collector does not see).
fn scanner_traverse(v: &Value, visit: &mut dyn FnMut(&Value)) {
    if let Some(sc) = v.downcast::<PyScanner>() {
        visit(&sc.pattern);
    }
}

/// Fill the Match and Scanner types' slots and attributes.
pub(crate) fn init() {
    use crate::types::descr::{add_getsets, add_methods, add_methods_kind, MethodKind};
    MATCH_TYPE.data.gc_traverse.set(Some(match_traverse));
    SCANNER_TYPE.data.gc_traverse.set(Some(scanner_traverse));
    let s = &MATCH_TYPE.data.slots;
    s.new.set(Some(super::pattern::no_new));
    s.repr.set(Some(match_repr));
    s.subscript.set(Some(match_getitem));
    s.getattro.set(Some(protocol::generic_getattr));
    add_methods(
        &MATCH_TYPE,
        &[
            ("group", match_group),
            ("start", match_start),
            ("end", match_end),
            ("span", match_span),
            ("groups", match_groups),
            ("groupdict", match_groupdict),
            ("expand", match_expand),
            ("__copy__", match_copy),
            ("__deepcopy__", match_deepcopy),
            ("__reduce__", crate::modules::reduce_cannot_pickle),
        ],
    );
    add_methods_kind(&MATCH_TYPE, &[("__class_getitem__", class_getitem)], MethodKind::Class);
    dict::dict_set_str(
        &MATCH_TYPE.data.dict(),
        "__doc__",
        pystr::new_str("The result of re.match() and re.search().\nMatch objects always have a boolean value of True."),
    );
    add_getsets(
        &MATCH_TYPE,
        &[
            ("lastindex", lastindex_get, None),
            ("lastgroup", lastgroup_get, None),
            ("regs", regs_get, None),
            ("string", string_get, None),
            ("re", re_get, None),
            ("pos", pos_get, None),
            ("endpos", endpos_get, None),
        ],
    );
    let s = &SCANNER_TYPE.data.slots;
    s.new.set(Some(super::pattern::no_new));
    s.getattro.set(Some(protocol::generic_getattr));
    add_methods(
        &SCANNER_TYPE,
        &[("match", scanner_match), ("search", scanner_search), ("__reduce__", crate::modules::reduce_cannot_pickle)],
    );
    add_getsets(&SCANNER_TYPE, &[("pattern", scanner_pattern_get, None)]);
}
