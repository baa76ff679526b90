//! `_bisect`: binary search and insertion in sorted sequences (CPython's
//! Modules/_bisectmodule.c): `hi=None` (or -1) means `len(a)`, a `key` is
//! applied to the probed items (and to the inserted item by insort).

use crate::object::args;
use crate::object::protocol;
use crate::object::typeobj::CompareOp;
use crate::object::value::Value;
use crate::runtime::errors::{PyErr, PyResult};
use crate::runtime::thread::ThreadState;
use crate::types::{int, list::PyList, none};

type Args<'a> = &'a [Value];
type Kw<'a> = Option<&'a Value>;

/// Parsed arguments: the sequence, the probe value, lo, hi and the key.
struct Search {
    a: Value,
    x: Value,
    lo: isize,
    hi: Option<isize>,
    key: Option<Value>,
}

fn parse(ts: &ThreadState, fname: &str, a: Args, k: Kw) -> PyResult<Search> {
    let [seq, x, lo, hi, key] = args::bind(fname, a, k, ["a", "x", "lo", "hi", "key"], 0, 2, 4)?;
    let lo = match lo {
        Some(l) => int::ssize_arg(ts, &l)?,
        None => 0,
    };
    let hi = match hi.filter(|h| !none::is_none(h)) {
        Some(h) => Some(int::ssize_arg(ts, &h)?),
        None => None,
    };
    Ok(Search { a: seq.unwrap_or_else(none::none), x: x.unwrap_or_else(none::none), lo, hi, key: key.filter(|k| !none::is_none(k)) })
}

/// The insertion point of `x`: leftmost when `left`, else rightmost.
fn search(ts: &ThreadState, s: &Search, x: &Value, left: bool) -> PyResult<isize> {
    let mut lo = s.lo;
    if lo < 0 {
        return Err(PyErr::value_error("lo must be non-negative"));
    }
    let mut hi = match s.hi {
        Some(h) if h != -1 => h,
        _ => protocol::len(ts, &s.a)? as isize,
    };
    while lo < hi {
        // lo + hi cannot overflow: both are non-negative sizes.
        let mid = ((lo as usize + hi as usize) / 2) as isize;
        let mut item = protocol::getitem(ts, &s.a, &int::from_i64(mid as i64))?;
        if let Some(k) = &s.key {
            item = protocol::call(ts, k, std::slice::from_ref(&item), None)?;
        }
        let go_right = if left {
            protocol::compare_bool(ts, &item, x, CompareOp::Lt)?
        } else {
            !protocol::compare_bool(ts, x, &item, CompareOp::Lt)?
        };
        if go_right {
            lo = mid + 1;
        } else {
            hi = mid;
        }
    }
    Ok(lo)
}

fn bisect(ts: &ThreadState, fname: &str, a: Args, k: Kw, left: bool) -> PyResult<Value> {
    let s = parse(ts, fname, a, k)?;
    Ok(int::from_i64(search(ts, &s, &s.x, left)? as i64))
}

fn insort(ts: &ThreadState, fname: &str, a: Args, k: Kw, left: bool) -> PyResult<Value> {
    let s = parse(ts, fname, a, k)?;
    let probe = match &s.key {
        Some(key) => protocol::call(ts, key, std::slice::from_ref(&s.x), None)?,
        None => s.x.clone(),
    };
    let index = search(ts, &s, &probe, left)?;
    if s.a.is_exact(&crate::types::list::LIST_TYPE) {
        if let Some(l) = s.a.downcast::<PyList>() {
            let mut items = l.items.borrow_mut();
            let at = (index.max(0) as usize).min(items.len());
            items.insert(at, s.x.clone());
            return Ok(none::none());
        }
    }
    protocol::call_method(ts, &s.a, "insert", &[int::from_i64(index as i64), s.x.clone()])?;
    Ok(none::none())
}

fn bisect_left(ts: &ThreadState, _m: &Value, a: Args, k: Kw) -> PyResult<Value> {
    bisect(ts, "bisect_left", a, k, true)
}
fn bisect_right(ts: &ThreadState, _m: &Value, a: Args, k: Kw) -> PyResult<Value> {
    bisect(ts, "bisect_right", a, k, false)
}
fn insort_left(ts: &ThreadState, _m: &Value, a: Args, k: Kw) -> PyResult<Value> {
    insort(ts, "insort_left", a, k, true)
}
fn insort_right(ts: &ThreadState, _m: &Value, a: Args, k: Kw) -> PyResult<Value> {
    insort(ts, "insort_right", a, k, false)
}

/// Create the `_bisect` module.
pub fn create(ts: &ThreadState) -> PyResult<Value> {
    let (m, _d) = super::new_native_module(
        ts,
        "_bisect",
        &[("bisect_left", bisect_left), ("bisect_right", bisect_right), ("insort_left", insort_left), ("insort_right", insort_right)],
    )?;
    Ok(m)
}
