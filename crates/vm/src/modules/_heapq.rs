//! `_heapq`: the heap queue primitives of CPython's Modules/_heapqmodule.c,
//! with its sift order (so heaps have the same layout) and its check that
//! comparisons do not resize the list.

use crate::object::args;
use crate::object::protocol;
use crate::object::typeobj::CompareOp;
use crate::object::value::Value;
use crate::runtime::errors::{PyErr, PyResult};
use crate::runtime::thread::ThreadState;
use crate::types::list::PyList;
use crate::types::none;

type Args<'a> = &'a [Value];
type Kw<'a> = Option<&'a Value>;

fn list_arg<'a>(fname: &str, which: &str, v: &'a Value) -> PyResult<&'a PyList> {
    // _PyArg_BadArgument names None as "None".
    let got = if none::is_none(v) { "None".to_string() } else { protocol::type_name(v) };
    v.downcast::<PyList>().ok_or_else(|| PyErr::type_error(format!("{fname}() {which} must be list, not {got}")))
}

fn get(l: &PyList, i: usize) -> PyResult<Value> {
    l.items.borrow().get(i).cloned().ok_or_else(|| PyErr::runtime_error("list changed size during iteration"))
}

/// `a < b` (or `b < a` for the max-heap variants), then the size check.
fn less(ts: &ThreadState, l: &PyList, a: &Value, b: &Value, size: usize, max: bool) -> PyResult<bool> {
    let r = if max { protocol::compare_bool(ts, b, a, CompareOp::Lt)? } else { protocol::compare_bool(ts, a, b, CompareOp::Lt)? };
    if l.items.borrow().len() != size {
        return Err(PyErr::runtime_error("list changed size during iteration"));
    }
    Ok(r)
}

fn swap(l: &PyList, i: usize, j: usize) -> PyResult<()> {
    let mut items = l.items.borrow_mut();
    if i >= items.len() || j >= items.len() {
        return Err(PyErr::runtime_error("list changed size during iteration"));
    }
    items.swap(i, j);
    Ok(())
}

/// Move the item at `pos` up towards `startpos` while it is smaller than its parent.
fn siftdown(ts: &ThreadState, l: &PyList, startpos: usize, mut pos: usize, max: bool) -> PyResult<()> {
    let size = l.items.borrow().len();
    if pos >= size {
        return Err(PyErr::index_error("index out of range"));
    }
    while pos > startpos {
        let parentpos = (pos - 1) >> 1;
        let newitem = get(l, pos)?;
        let parent = get(l, parentpos)?;
        if !less(ts, l, &newitem, &parent, size, max)? {
            break;
        }
        swap(l, parentpos, pos)?;
        pos = parentpos;
    }
    Ok(())
}

/// Bubble the smaller child up from `pos` to a leaf, then sift the item down.
fn siftup(ts: &ThreadState, l: &PyList, mut pos: usize, max: bool) -> PyResult<()> {
    let endpos = l.items.borrow().len();
    let startpos = pos;
    if pos >= endpos {
        return Err(PyErr::index_error("index out of range"));
    }
    let limit = endpos >> 1;
    while pos < limit {
        let mut childpos = 2 * pos + 1;
        if childpos + 1 < endpos {
            let a = get(l, childpos)?;
            let b = get(l, childpos + 1)?;
            if !less(ts, l, &a, &b, endpos, max)? {
                childpos += 1;
            }
        }
        swap(l, childpos, pos)?;
        pos = childpos;
    }
    siftdown(ts, l, startpos, pos, max)
}

fn push(ts: &ThreadState, a: Args, k: Kw) -> PyResult<Value> {
    args::no_kwargs("heappush", k)?;
    let a = args::positional("heappush", a, k, 2, 2)?;
    let l = list_arg("heappush", "argument 1", &a[0])?;
    let n = {
        let mut items = l.items.borrow_mut();
        items.push(a[1].clone());
        items.len()
    };
    siftdown(ts, l, 0, n - 1, false)?;
    Ok(none::none())
}

fn pop_internal(ts: &ThreadState, fname: &str, a: Args, k: Kw, max: bool) -> PyResult<Value> {
    let a = args::exact(&format!("_heapq.{fname}"), a, k, 1)?;
    let l = list_arg(fname, "argument", &a[0])?;
    let last = l.items.borrow_mut().pop().ok_or_else(|| PyErr::index_error("index out of range"))?;
    if l.items.borrow().is_empty() {
        return Ok(last);
    }
    let ret = std::mem::replace(&mut l.items.borrow_mut()[0], last);
    siftup(ts, l, 0, max)?;
    Ok(ret)
}

fn replace_internal(ts: &ThreadState, fname: &str, a: Args, k: Kw, max: bool) -> PyResult<Value> {
    args::no_kwargs(fname, k)?;
    let a = args::positional(fname, a, k, 2, 2)?;
    let l = list_arg(fname, "argument 1", &a[0])?;
    let ret = {
        let mut items = l.items.borrow_mut();
        match items.first_mut() {
            Some(top) => std::mem::replace(top, a[1].clone()),
            None => return Err(PyErr::index_error("index out of range")),
        }
    };
    siftup(ts, l, 0, max)?;
    Ok(ret)
}

/// Sift every parent, in CPython's order (its cache-friendly order for big heaps).
fn heapify_internal(ts: &ThreadState, l: &PyList, max: bool) -> PyResult<()> {
    let n = l.items.borrow().len();
    if n > 2500 {
        let m = n >> 1;
        let leftmost = keep_top_bit(m + 1) - 1;
        let mhalf = m >> 1;
        let run = |lo: usize, hi: usize| -> PyResult<()> {
            let mut i = hi;
            while i > lo {
                i -= 1;
                let mut j = i;
                loop {
                    siftup(ts, l, j, max)?;
                    if j & 1 == 0 {
                        break;
                    }
                    j >>= 1;
                }
            }
            Ok(())
        };
        if leftmost >= 1 {
            run(mhalf, leftmost)?;
        }
        run(leftmost, m)?;
        return Ok(());
    }
    for i in (0..n / 2).rev() {
        siftup(ts, l, i, max)?;
    }
    Ok(())
}

/// The largest power of two not above `n` (n >= 1).
fn keep_top_bit(n: usize) -> usize {
    1usize << (usize::BITS - 1 - n.leading_zeros())
}

fn heappush(ts: &ThreadState, _m: &Value, a: Args, k: Kw) -> PyResult<Value> {
    push(ts, a, k)
}
fn heappop(ts: &ThreadState, _m: &Value, a: Args, k: Kw) -> PyResult<Value> {
    pop_internal(ts, "heappop", a, k, false)
}
fn heappop_max(ts: &ThreadState, _m: &Value, a: Args, k: Kw) -> PyResult<Value> {
    pop_internal(ts, "_heappop_max", a, k, true)
}
fn heapreplace(ts: &ThreadState, _m: &Value, a: Args, k: Kw) -> PyResult<Value> {
    replace_internal(ts, "heapreplace", a, k, false)
}
fn heapreplace_max(ts: &ThreadState, _m: &Value, a: Args, k: Kw) -> PyResult<Value> {
    replace_internal(ts, "_heapreplace_max", a, k, true)
}

fn heappushpop(ts: &ThreadState, _m: &Value, a: Args, k: Kw) -> PyResult<Value> {
    args::no_kwargs("heappushpop", k)?;
    let a = args::positional("heappushpop", a, k, 2, 2)?;
    let l = list_arg("heappushpop", "argument 1", &a[0])?;
    let item = &a[1];
    let top = l.items.borrow().first().cloned();
    let Some(top) = top else { return Ok(item.clone()) };
    let size = l.items.borrow().len();
    if !less(ts, l, &top, item, size, false)? {
        return Ok(item.clone());
    }
    let ret = {
        let mut items = l.items.borrow_mut();
        match items.first_mut() {
            Some(t) => std::mem::replace(t, item.clone()),
            None => return Err(PyErr::index_error("index out of range")),
        }
    };
    siftup(ts, l, 0, false)?;
    Ok(ret)
}

fn heapify(ts: &ThreadState, _m: &Value, a: Args, k: Kw) -> PyResult<Value> {
    let a = args::exact("_heapq.heapify", a, k, 1)?;
    let l = list_arg("heapify", "argument", &a[0])?;
    heapify_internal(ts, l, false)?;
    Ok(none::none())
}

fn heapify_max(ts: &ThreadState, _m: &Value, a: Args, k: Kw) -> PyResult<Value> {
    let a = args::exact("_heapq._heapify_max", a, k, 1)?;
    let l = list_arg("_heapify_max", "argument", &a[0])?;
    heapify_internal(ts, l, true)?;
    Ok(none::none())
}

/// Create the `_heapq` module.
pub fn create(ts: &ThreadState) -> PyResult<Value> {
    let (m, d) = super::new_native_module(
        ts,
        "_heapq",
        &[
            ("heappush", heappush),
            ("heappop", heappop),
            ("heappushpop", heappushpop),
            ("heapreplace", heapreplace),
            ("heapify", heapify),
            ("_heappop_max", heappop_max),
            ("_heapreplace_max", heapreplace_max),
            ("_heapify_max", heapify_max),
        ],
    )?;
    super::set_attr(ts, &d, "__about__", crate::types::str::new_str("Heap queues"))?;
    Ok(m)
}

#[cfg(test)]
mod tests {
    #[test]
    fn top_bit() {
        assert_eq!(super::keep_top_bit(1), 1);
        assert_eq!(super::keep_top_bit(1251), 1024);
        assert_eq!(super::keep_top_bit(2048), 2048);
    }
}
