//! The `itertools` module: iterator building blocks (CPython's
//! Modules/itertoolsmodule.c), with CPython's argument errors and reprs.
//!
//! State lives in `RefCell`s; no borrow is held while Python code runs
//! (a key function or `__next__` may re-enter the same iterator).

use std::cell::{Cell, RefCell};
use std::rc::Rc;

use crate::object::args;
use crate::object::protocol;
use crate::object::typeobj::{nb, PyType, TypeObject, TPFLAGS_BASETYPE, TPFLAGS_HAVE_GC};
use crate::object::value::{PyObject, PyPayload, Value};
use crate::runtime::errors::{PyErr, PyResult};
use crate::runtime::thread::ThreadState;
use crate::types::{bool_, int, none, str as pystr, tuple};

type Args<'a> = &'a [Value];
type Kw<'a> = Option<&'a Value>;

macro_rules! it_type {
    ($st:ident, $payload:ty, $name:literal, $flags:expr) => {
        pub static $st: PyType = PyObject::new_static(
            &crate::types::typeobject::TYPE_TYPE,
            TypeObject::builtin::<$payload>($name, &$st, Some(&crate::types::object::OBJECT_TYPE), $flags),
        );
        impl PyPayload for $payload {
            fn class() -> &'static PyType {
                &$st
            }
        }
    };
}

/// The state of an `itertools.count` object.
pub struct Count {
    cnt: RefCell<Value>,
    step: Value,
}
/// The state of an `itertools.cycle` object.
pub struct Cycle {
    it: RefCell<Option<Value>>,
    /// A list object (its identity shows in `__reduce__`, as CPython's).
    saved: RefCell<Value>,
    index: Cell<usize>,
    /// Set by __setstate__: items still coming from `it` are already saved.
    firstpass: Cell<bool>,
}
/// The state of an `itertools.repeat` object.
pub struct Repeat {
    element: Value,
    /// None = forever.
    cnt: Cell<Option<isize>>,
}
/// The state of an `itertools.accumulate` object.
pub struct Accumulate {
    it: Value,
    func: Option<Value>,
    total: RefCell<Option<Value>>,
    initial: RefCell<Option<Value>>,
}
/// The state of an `itertools.chain` object.
pub struct Chain {
    source: RefCell<Option<Value>>,
    active: RefCell<Option<Value>>,
}
/// The state of an `itertools.compress` object.
pub struct Compress {
    data: Value,
    selectors: Value,
}
/// The state of an `itertools.dropwhile` object.
pub struct DropWhile {
    func: Value,
    it: Value,
    start: Cell<bool>,
}
/// The state of an `itertools.takewhile` object.
pub struct TakeWhile {
    func: Value,
    it: Value,
    stop: Cell<bool>,
}
/// The state of an `itertools.filterfalse` object.
pub struct FilterFalse {
    func: Value,
    it: Value,
}
/// The state of an `itertools.groupby` object.
pub struct GroupBy {
    it: Value,
    keyfunc: Option<Value>,
    tgtkey: RefCell<Option<Value>>,
    currkey: RefCell<Option<Value>>,
    currvalue: RefCell<Option<Value>>,
    /// Identity of the grouper that may still yield (0 = none).
    currgrouper: Cell<usize>,
}
/// The state of an `itertools._grouper` object.
pub struct Grouper {
    parent: Value,
    tgtkey: Value,
}
/// The state of an `itertools.islice` object.
pub struct ISlice {
    it: RefCell<Option<Value>>,
    next: Cell<isize>,
    /// -1 = no stop.
    stop: isize,
    step: isize,
    cnt: Cell<isize>,
}
/// The state of an `itertools.pairwise` object.
pub struct Pairwise {
    it: RefCell<Option<Value>>,
    old: RefCell<Option<Value>>,
}
/// The state of an `itertools.starmap` object.
pub struct StarMap {
    func: Value,
    it: Value,
}
/// The buffer shared by the iterators one `tee()` call returns.
struct TeeShared {
    it: Value,
    buf: Vec<Value>,
    running: bool,
}
/// A link of CPython's tee buffer (`itertools._tee_dataobject`), made
/// when a tee is pickled or copied through `__reduce__`.
pub struct TeeData {
    it: Value,
    values: Vec<Value>,
    next: Option<Value>,
}
/// The state of an `itertools._tee` object.
pub struct Tee {
    /// Replaced only by __setstate__.
    shared: RefCell<Rc<RefCell<TeeShared>>>,
    index: Cell<usize>,
}
/// The state of an `itertools.zip_longest` object.
pub struct ZipLongest {
    iters: RefCell<Vec<Option<Value>>>,
    active: Cell<usize>,
    fill: RefCell<Value>,
}
/// The state of an `itertools.product` object.
pub struct Product {
    pools: Vec<Vec<Value>>,
    indices: RefCell<Vec<usize>>,
    result: RefCell<Option<Vec<Value>>>,
    stopped: Cell<bool>,
}
/// The state of an `itertools.combinations` object.
pub struct Combinations {
    pool: Vec<Value>,
    indices: RefCell<Vec<usize>>,
    started: Cell<bool>,
    stopped: Cell<bool>,
}
/// The state of an `itertools.combinations_with_replacement` object.
pub struct CombinationsWR {
    pool: Vec<Value>,
    indices: RefCell<Vec<usize>>,
    started: Cell<bool>,
    stopped: Cell<bool>,
}
/// The state of an `itertools.permutations` object.
pub struct Permutations {
    pool: Vec<Value>,
    indices: RefCell<Vec<usize>>,
    cycles: RefCell<Vec<usize>>,
    r: usize,
    started: Cell<bool>,
    stopped: Cell<bool>,
}

const FL: u64 = TPFLAGS_BASETYPE | TPFLAGS_HAVE_GC;
it_type!(COUNT_TYPE, Count, "itertools.count", FL);
it_type!(CYCLE_TYPE, Cycle, "itertools.cycle", FL);
it_type!(REPEAT_TYPE, Repeat, "itertools.repeat", FL);
it_type!(ACCUMULATE_TYPE, Accumulate, "itertools.accumulate", FL);
it_type!(CHAIN_TYPE, Chain, "itertools.chain", FL);
it_type!(COMPRESS_TYPE, Compress, "itertools.compress", FL);
it_type!(DROPWHILE_TYPE, DropWhile, "itertools.dropwhile", FL);
it_type!(TAKEWHILE_TYPE, TakeWhile, "itertools.takewhile", FL);
it_type!(FILTERFALSE_TYPE, FilterFalse, "itertools.filterfalse", FL);
it_type!(GROUPBY_TYPE, GroupBy, "itertools.groupby", FL);
it_type!(GROUPER_TYPE, Grouper, "itertools._grouper", TPFLAGS_HAVE_GC);
it_type!(ISLICE_TYPE, ISlice, "itertools.islice", FL);
it_type!(PAIRWISE_TYPE, Pairwise, "itertools.pairwise", FL);
it_type!(STARMAP_TYPE, StarMap, "itertools.starmap", FL);
it_type!(TEE_TYPE, Tee, "itertools._tee", TPFLAGS_HAVE_GC);
it_type!(TEE_DATA_TYPE, TeeData, "itertools._tee_dataobject", TPFLAGS_HAVE_GC);
it_type!(ZIP_LONGEST_TYPE, ZipLongest, "itertools.zip_longest", FL);
it_type!(PRODUCT_TYPE, Product, "itertools.product", FL);
it_type!(COMBINATIONS_TYPE, Combinations, "itertools.combinations", FL);
it_type!(CWR_TYPE, CombinationsWR, "itertools.combinations_with_replacement", FL);
it_type!(PERMUTATIONS_TYPE, Permutations, "itertools.permutations", FL);

/// The static types of this module.
pub fn types() -> Vec<&'static PyType> {
    vec![
        &COUNT_TYPE,
        &CYCLE_TYPE,
        &REPEAT_TYPE,
        &ACCUMULATE_TYPE,
        &CHAIN_TYPE,
        &COMPRESS_TYPE,
        &DROPWHILE_TYPE,
        &TAKEWHILE_TYPE,
        &FILTERFALSE_TYPE,
        &GROUPBY_TYPE,
        &GROUPER_TYPE,
        &ISLICE_TYPE,
        &PAIRWISE_TYPE,
        &STARMAP_TYPE,
        &TEE_TYPE,
        &TEE_DATA_TYPE,
        &ZIP_LONGEST_TYPE,
        &PRODUCT_TYPE,
        &COMBINATIONS_TYPE,
        &CWR_TYPE,
        &PERMUTATIONS_TYPE,
    ]
}

fn payload<T: PyPayload>(v: &Value) -> PyResult<&T> {
    v.downcast::<T>().ok_or_else(|| PyErr::type_error(format!("{} expected", T::class().name())))
}

/// The name shown by a repr: the (sub)class's short name.
fn short_type_name(v: &Value) -> String {
    let n = v.type_of().name();
    n.rsplit('.').next().unwrap_or(&n).to_string()
}

/// `PyNumber_Check`: int, float, complex or anything with a number conversion.
fn is_number(v: &Value) -> bool {
    let s = &v.type_of().data.slots;
    s.index.get().is_some() || s.int.get().is_some() || s.float.get().is_some() || v.type_of().is_subtype(&crate::types::complex::COMPLEX_TYPE)
}

fn count_new(_ts: &ThreadState, cls: &Value, a: Args, k: Kw) -> PyResult<Value> {
    let [start, step] = args::bind("count", a, k, ["start", "step"], 0, 0, 2)?;
    let start = start.unwrap_or_else(|| int::from_i64(0));
    let step = step.unwrap_or_else(|| int::from_i64(1));
    if !is_number(&start) || !is_number(&step) {
        return Err(PyErr::type_error("a number is required"));
    }
    Value::new_instance(cls, Count { cnt: RefCell::new(start), step })
}

fn count_next(ts: &ThreadState, v: &Value) -> PyResult<Option<Value>> {
    let c = payload::<Count>(v)?;
    let cur = c.cnt.borrow().clone();
    let next = protocol::binary_op(ts, &cur, &c.step, nb::ADD)?;
    drop(c.cnt.replace(next));
    Ok(Some(cur))
}

fn count_repr(ts: &ThreadState, v: &Value) -> PyResult<Value> {
    let c = payload::<Count>(v)?;
    let cur = c.cnt.borrow().clone();
    let start = protocol::repr_string(ts, &cur)?;
    let unit_step = int::is_int(&c.step) && int::as_int(&c.step).and_then(|i| i.to_i64()) == Some(1);
    let s = if unit_step {
        format!("{}({start})", short_type_name(v))
    } else {
        format!("{}({start}, {})", short_type_name(v), protocol::repr_string(ts, &c.step)?)
    };
    Ok(pystr::new_str(&s))
}

/// `count.__reduce__`: the step is omitted only in CPython's fast mode
/// (an int counter that fits a machine word, stepping by the int 1).
fn count_reduce(_ts: &ThreadState, v: &Value, a: Args, k: Kw) -> PyResult<Value> {
    args::exact("__reduce__", a, k, 0)?;
    let c = payload::<Count>(v)?;
    let cur = c.cnt.borrow().clone();
    let unit_step = int::is_int(&c.step) && int::as_int(&c.step).and_then(|i| i.to_i64()) == Some(1);
    let fast = unit_step && int::is_int(&cur) && int::to_isize(&cur).is_some();
    let args = if fast { vec![cur] } else { vec![cur, c.step.clone()] };
    tuple::new_tuple(vec![v.type_of().to_value(), tuple::new_tuple(args)?])
}

fn cycle_new(ts: &ThreadState, cls: &Value, a: Args, k: Kw) -> PyResult<Value> {
    args::no_kwargs("cycle", k)?;
    let a = args::positional("cycle", a, k, 1, 1)?;
    let it = protocol::get_iter(ts, &a[0])?;
    Value::new_instance(cls, Cycle { it: RefCell::new(Some(it)), saved: RefCell::new(crate::types::list::new_list(vec![])?), index: Cell::new(0), firstpass: Cell::new(false) })
}

fn list_items(l: &Value) -> PyResult<&crate::types::list::PyList> {
    l.downcast::<crate::types::list::PyList>().ok_or_else(|| PyErr::type_error("list expected"))
}

fn cycle_next(ts: &ThreadState, v: &Value) -> PyResult<Option<Value>> {
    let c = payload::<Cycle>(v)?;
    let it = c.it.borrow().clone();
    if let Some(it) = it {
        if let Some(x) = protocol::next(ts, &it)? {
            if !c.firstpass.get() {
                let saved = c.saved.borrow().clone();
                list_items(&saved)?.items.borrow_mut().push(x.clone());
            }
            return Ok(Some(x));
        }
        drop(c.it.replace(None));
    }
    let saved = c.saved.borrow().clone();
    let items = list_items(&saved)?.items.borrow();
    if items.is_empty() {
        return Ok(None);
    }
    let i = c.index.get() % items.len();
    c.index.set(i + 1);
    Ok(Some(items[i].clone()))
}

fn repeat_new(ts: &ThreadState, cls: &Value, a: Args, k: Kw) -> PyResult<Value> {
    let [element, times] = args::bind("repeat", a, k, ["object", "times"], 0, 1, 2)?;
    let element = element.unwrap_or_else(none::none);
    let cnt = match times {
        Some(t) => Some(int::ssize_arg(ts, &t)?.max(0)),
        None => None,
    };
    Value::new_instance(cls, Repeat { element, cnt: Cell::new(cnt) })
}

fn repeat_next(_ts: &ThreadState, v: &Value) -> PyResult<Option<Value>> {
    let r = payload::<Repeat>(v)?;
    match r.cnt.get() {
        Some(0) => Ok(None),
        Some(n) => {
            r.cnt.set(Some(n - 1));
            Ok(Some(r.element.clone()))
        }
        None => Ok(Some(r.element.clone())),
    }
}

fn repeat_repr(ts: &ThreadState, v: &Value) -> PyResult<Value> {
    let r = payload::<Repeat>(v)?;
    let e = protocol::repr_string(ts, &r.element)?;
    Ok(pystr::new_str(&match r.cnt.get() {
        Some(n) => format!("{}({e}, {n})", short_type_name(v)),
        None => format!("{}({e})", short_type_name(v)),
    }))
}

fn repeat_reduce(_ts: &ThreadState, v: &Value, a: Args, k: Kw) -> PyResult<Value> {
    args::exact("__reduce__", a, k, 0)?;
    let r = payload::<Repeat>(v)?;
    let args = match r.cnt.get() {
        Some(n) => vec![r.element.clone(), int::from_i64(n as i64)],
        None => vec![r.element.clone()],
    };
    tuple::new_tuple(vec![v.type_of().to_value(), tuple::new_tuple(args)?])
}

fn repeat_length_hint(_ts: &ThreadState, v: &Value, _a: Args, _k: Kw) -> PyResult<Value> {
    let r = payload::<Repeat>(v)?;
    match r.cnt.get() {
        Some(n) => Ok(int::from_i64(n as i64)),
        None => Err(PyErr::type_error("len() of unsized object")),
    }
}

fn accumulate_new(ts: &ThreadState, cls: &Value, a: Args, k: Kw) -> PyResult<Value> {
    let [iterable, func, initial] = args::bind("accumulate", a, k, ["iterable", "func", "initial"], 0, 1, 2)?;
    let it = protocol::get_iter(ts, &iterable.unwrap_or_else(none::none))?;
    let func = func.filter(|f| !none::is_none(f));
    let initial = initial.filter(|f| !none::is_none(f));
    Value::new_instance(cls, Accumulate { it, func, total: RefCell::new(None), initial: RefCell::new(initial) })
}

fn accumulate_next(ts: &ThreadState, v: &Value) -> PyResult<Option<Value>> {
    let a = payload::<Accumulate>(v)?;
    if let Some(init) = a.initial.borrow_mut().take() {
        drop(a.total.replace(Some(init.clone())));
        return Ok(Some(init));
    }
    let Some(x) = protocol::next(ts, &a.it)? else { return Ok(None) };
    let total = a.total.borrow().clone();
    let new = match total {
        None => x,
        Some(t) => match &a.func {
            None => protocol::binary_op(ts, &t, &x, nb::ADD)?,
            Some(f) => protocol::call(ts, f, &[t, x], None)?,
        },
    };
    drop(a.total.replace(Some(new.clone())));
    Ok(Some(new))
}

fn chain_new(ts: &ThreadState, cls: &Value, a: Args, k: Kw) -> PyResult<Value> {
    args::no_kwargs("chain", k)?;
    let source = protocol::get_iter(ts, &tuple::new_tuple(a.to_vec())?)?;
    Value::new_instance(cls, Chain { source: RefCell::new(Some(source)), active: RefCell::new(None) })
}

fn chain_from_iterable(ts: &ThreadState, cls: &Value, a: Args, k: Kw) -> PyResult<Value> {
    let a = args::exact("from_iterable", a, k, 1)?;
    let source = protocol::get_iter(ts, &a[0])?;
    Value::new_instance(cls, Chain { source: RefCell::new(Some(source)), active: RefCell::new(None) })
}

fn chain_next(ts: &ThreadState, v: &Value) -> PyResult<Option<Value>> {
    let c = payload::<Chain>(v)?;
    loop {
        let active = c.active.borrow().clone();
        if let Some(active) = active {
            if let Some(x) = protocol::next(ts, &active)? {
                return Ok(Some(x));
            }
            drop(c.active.replace(None));
        }
        let source = c.source.borrow().clone();
        let Some(source) = source else { return Ok(None) };
        match protocol::next(ts, &source)? {
            Some(iterable) => {
                let it = protocol::get_iter(ts, &iterable)?;
                drop(c.active.replace(Some(it)));
            }
            None => {
                drop(c.source.replace(None));
                return Ok(None);
            }
        }
    }
}

fn compress_new(ts: &ThreadState, cls: &Value, a: Args, k: Kw) -> PyResult<Value> {
    let [data, selectors] = args::bind("compress", a, k, ["data", "selectors"], 0, 2, 2)?;
    let data = protocol::get_iter(ts, &data.unwrap_or_else(none::none))?;
    let selectors = protocol::get_iter(ts, &selectors.unwrap_or_else(none::none))?;
    Value::new_instance(cls, Compress { data, selectors })
}

fn compress_next(ts: &ThreadState, v: &Value) -> PyResult<Option<Value>> {
    let c = payload::<Compress>(v)?;
    loop {
        let Some(d) = protocol::next(ts, &c.data)? else { return Ok(None) };
        let Some(s) = protocol::next(ts, &c.selectors)? else { return Ok(None) };
        if protocol::is_true(ts, &s)? {
            return Ok(Some(d));
        }
    }
}

fn two_args<'a>(name: &str, a: Args<'a>, k: Kw) -> PyResult<Args<'a>> {
    args::no_kwargs(name, k)?;
    args::positional(name, a, k, 2, 2)
}

fn dropwhile_new(ts: &ThreadState, cls: &Value, a: Args, k: Kw) -> PyResult<Value> {
    let a = two_args("dropwhile", a, k)?;
    let it = protocol::get_iter(ts, &a[1])?;
    Value::new_instance(cls, DropWhile { func: a[0].clone(), it, start: Cell::new(false) })
}

fn dropwhile_next(ts: &ThreadState, v: &Value) -> PyResult<Option<Value>> {
    let d = payload::<DropWhile>(v)?;
    loop {
        let Some(x) = protocol::next(ts, &d.it)? else { return Ok(None) };
        if d.start.get() {
            return Ok(Some(x));
        }
        let r = protocol::call(ts, &d.func, std::slice::from_ref(&x), None)?;
        if !protocol::is_true(ts, &r)? {
            d.start.set(true);
            return Ok(Some(x));
        }
    }
}

fn takewhile_new(ts: &ThreadState, cls: &Value, a: Args, k: Kw) -> PyResult<Value> {
    let a = two_args("takewhile", a, k)?;
    let it = protocol::get_iter(ts, &a[1])?;
    Value::new_instance(cls, TakeWhile { func: a[0].clone(), it, stop: Cell::new(false) })
}

fn takewhile_next(ts: &ThreadState, v: &Value) -> PyResult<Option<Value>> {
    let t = payload::<TakeWhile>(v)?;
    if t.stop.get() {
        return Ok(None);
    }
    let Some(x) = protocol::next(ts, &t.it)? else { return Ok(None) };
    let r = protocol::call(ts, &t.func, std::slice::from_ref(&x), None)?;
    if protocol::is_true(ts, &r)? {
        return Ok(Some(x));
    }
    t.stop.set(true);
    Ok(None)
}

fn filterfalse_new(ts: &ThreadState, cls: &Value, a: Args, k: Kw) -> PyResult<Value> {
    let a = two_args("filterfalse", a, k)?;
    let it = protocol::get_iter(ts, &a[1])?;
    Value::new_instance(cls, FilterFalse { func: a[0].clone(), it })
}

fn filterfalse_next(ts: &ThreadState, v: &Value) -> PyResult<Option<Value>> {
    let f = payload::<FilterFalse>(v)?;
    loop {
        let Some(x) = protocol::next(ts, &f.it)? else { return Ok(None) };
        let keep = if none::is_none(&f.func) || f.func.is(&crate::types::bool_::BOOL_TYPE.to_value()) {
            protocol::is_true(ts, &x)?
        } else {
            let r = protocol::call(ts, &f.func, std::slice::from_ref(&x), None)?;
            protocol::is_true(ts, &r)?
        };
        if !keep {
            return Ok(Some(x));
        }
    }
}

fn groupby_new(ts: &ThreadState, cls: &Value, a: Args, k: Kw) -> PyResult<Value> {
    let [iterable, key] = args::bind("groupby", a, k, ["iterable", "key"], 0, 1, 2)?;
    let it = protocol::get_iter(ts, &iterable.unwrap_or_else(none::none))?;
    Value::new_instance(
        cls,
        GroupBy {
            it,
            keyfunc: key.filter(|f| !none::is_none(f)),
            tgtkey: RefCell::new(None),
            currkey: RefCell::new(None),
            currvalue: RefCell::new(None),
            currgrouper: Cell::new(0),
        },
    )
}

/// Advance the underlying iterator; false when it is exhausted.
fn groupby_step(ts: &ThreadState, g: &GroupBy) -> PyResult<bool> {
    let Some(value) = protocol::next(ts, &g.it)? else { return Ok(false) };
    let key = match &g.keyfunc {
        None => value.clone(),
        Some(f) => protocol::call(ts, f, std::slice::from_ref(&value), None)?,
    };
    drop(g.currvalue.replace(Some(value)));
    drop(g.currkey.replace(Some(key)));
    Ok(true)
}

fn groupby_next(ts: &ThreadState, v: &Value) -> PyResult<Option<Value>> {
    let g = payload::<GroupBy>(v)?;
    g.currgrouper.set(0);
    loop {
        let currkey = g.currkey.borrow().clone();
        let tgtkey = g.tgtkey.borrow().clone();
        if let Some(ck) = currkey {
            match tgtkey {
                None => break,
                Some(tk) => {
                    if !protocol::eq(ts, &tk, &ck)? {
                        break;
                    }
                }
            }
        }
        if !groupby_step(ts, g)? {
            return Ok(None);
        }
    }
    let key = g.currkey.borrow().clone().unwrap_or_else(none::none);
    drop(g.tgtkey.replace(Some(key.clone())));
    let grouper = Value::new(Grouper { parent: v.clone(), tgtkey: key.clone() })?;
    g.currgrouper.set(grouper.id());
    Ok(Some(tuple::new_tuple(vec![key, grouper])?))
}

fn grouper_next(ts: &ThreadState, v: &Value) -> PyResult<Option<Value>> {
    let gr = payload::<Grouper>(v)?;
    let g = payload::<GroupBy>(&gr.parent)?;
    if g.currgrouper.get() != v.id() {
        return Ok(None);
    }
    if g.currvalue.borrow().is_none() && !groupby_step(ts, g)? {
        return Ok(None);
    }
    let ck = g.currkey.borrow().clone().unwrap_or_else(none::none);
    if !protocol::eq(ts, &gr.tgtkey, &ck)? {
        return Ok(None);
    }
    Ok(g.currvalue.borrow_mut().take())
}

fn grouper_new(_ts: &ThreadState, _cls: &Value, a: Args, k: Kw) -> PyResult<Value> {
    args::no_kwargs("_grouper", k)?;
    let a = args::positional("_grouper", a, k, 2, 2)?;
    let Some(g) = a[0].downcast::<GroupBy>() else {
        return Err(PyErr::type_error(format!("_grouper() argument 1 must be itertools.groupby, not {}", protocol::type_name(&a[0]))));
    };
    let grouper = Value::new(Grouper { parent: a[0].clone(), tgtkey: a[1].clone() })?;
    g.currgrouper.set(grouper.id());
    Ok(grouper)
}

fn islice_index(ts: &ThreadState, v: &Value, msg: &str) -> PyResult<Option<isize>> {
    if none::is_none(v) {
        return Ok(None);
    }
    let bad = || PyErr::value_error(msg);
    if v.type_of().data.slots.index.get().is_none() && !int::is_int(v) {
        return Err(bad());
    }
    let i = protocol::index(ts, v)?;
    let n = int::as_int(&i).and_then(|x| x.to_i64());
    match n {
        Some(n) if n >= 0 => Ok(Some(n as isize)),
        _ => Err(bad()),
    }
}

fn islice_new(ts: &ThreadState, cls: &Value, a: Args, k: Kw) -> PyResult<Value> {
    args::no_kwargs("islice", k)?;
    let a = args::positional("islice", a, k, 2, 4)?;
    let (start, stop, step);
    const STOP_MSG: &str = "Stop argument for islice() must be None or an integer: 0 <= x <= sys.maxsize.";
    const IDX_MSG: &str = "Indices for islice() must be None or an integer: 0 <= x <= sys.maxsize.";
    if a.len() == 2 {
        start = 0;
        stop = islice_index(ts, &a[1], STOP_MSG)?.unwrap_or(-1);
        step = 1;
    } else {
        let s0 = islice_index(ts, &a[1], IDX_MSG)?;
        let s1 = islice_index(ts, &a[2], IDX_MSG)?;
        start = s0.unwrap_or(0);
        stop = s1.unwrap_or(-1);
        step = match a.get(3) {
            Some(s) if !none::is_none(s) => {
                let i = protocol::index(ts, s).map_err(|_| PyErr::value_error("Step for islice() must be a positive integer or None."))?;
                match int::as_int(&i).and_then(|x| x.to_i64()) {
                    Some(n) if n >= 1 => n as isize,
                    _ => return Err(PyErr::value_error("Step for islice() must be a positive integer or None.")),
                }
            }
            _ => 1,
        };
    }
    let it = protocol::get_iter(ts, &a[0])?;
    Value::new_instance(cls, ISlice { it: RefCell::new(Some(it)), next: Cell::new(start), stop, step, cnt: Cell::new(0) })
}

fn islice_next(ts: &ThreadState, v: &Value) -> PyResult<Option<Value>> {
    let s = payload::<ISlice>(v)?;
    let it = s.it.borrow().clone();
    let Some(it) = it else { return Ok(None) };
    let done = || {
        drop(s.it.replace(None));
        Ok(None)
    };
    while s.cnt.get() < s.next.get() {
        if protocol::next(ts, &it)?.is_none() {
            return done();
        }
        s.cnt.set(s.cnt.get() + 1);
    }
    if s.stop != -1 && s.cnt.get() >= s.stop {
        return done();
    }
    let Some(item) = protocol::next(ts, &it)? else { return done() };
    s.cnt.set(s.cnt.get() + 1);
    let old = s.next.get();
    let mut next = old.saturating_add(s.step);
    if next < old || (s.stop != -1 && next > s.stop) {
        next = s.stop;
    }
    s.next.set(next);
    Ok(Some(item))
}

fn pairwise_new(ts: &ThreadState, cls: &Value, a: Args, k: Kw) -> PyResult<Value> {
    args::no_kwargs("pairwise", k)?;
    let a = args::positional("pairwise", a, k, 1, 1)?;
    let it = protocol::get_iter(ts, &a[0])?;
    Value::new_instance(cls, Pairwise { it: RefCell::new(Some(it)), old: RefCell::new(None) })
}

fn pairwise_next(ts: &ThreadState, v: &Value) -> PyResult<Option<Value>> {
    let p = payload::<Pairwise>(v)?;
    let it = p.it.borrow().clone();
    let Some(it) = it else { return Ok(None) };
    let old = p.old.borrow().clone();
    let old = match old {
        Some(o) => o,
        None => match protocol::next(ts, &it)? {
            Some(o) => {
                drop(p.old.replace(Some(o.clone())));
                o
            }
            None => {
                drop(p.it.replace(None));
                return Ok(None);
            }
        },
    };
    let Some(new) = protocol::next(ts, &it)? else {
        drop(p.it.replace(None));
        drop(p.old.replace(None));
        return Ok(None);
    };
    drop(p.old.replace(Some(new.clone())));
    Ok(Some(tuple::new_tuple(vec![old, new])?))
}

fn starmap_new(ts: &ThreadState, cls: &Value, a: Args, k: Kw) -> PyResult<Value> {
    let a = two_args("starmap", a, k)?;
    let it = protocol::get_iter(ts, &a[1])?;
    Value::new_instance(cls, StarMap { func: a[0].clone(), it })
}

fn starmap_next(ts: &ThreadState, v: &Value) -> PyResult<Option<Value>> {
    let s = payload::<StarMap>(v)?;
    let Some(item) = protocol::next(ts, &s.it)? else { return Ok(None) };
    let argv = match tuple::try_tuple_items(&item) {
        Some(items) => items.to_vec(),
        None => protocol::collect(ts, &item)?,
    };
    protocol::call(ts, &s.func, &argv, None).map(Some)
}

fn new_tee(it: Value) -> PyResult<Value> {
    Value::new(Tee { shared: RefCell::new(Rc::new(RefCell::new(TeeShared { it, buf: Vec::new(), running: false }))), index: Cell::new(0) })
}

/// The buffer a tee reads from.
fn tee_shared(t: &Tee) -> Rc<RefCell<TeeShared>> {
    t.shared.borrow().clone()
}

fn tee_new(ts: &ThreadState, _cls: &Value, a: Args, k: Kw) -> PyResult<Value> {
    args::no_kwargs("_tee", k)?;
    let a = args::positional("_tee", a, k, 1, 1)?;
    let it = protocol::get_iter(ts, &a[0])?;
    if let Some(t) = it.downcast::<Tee>() {
        return Value::new(Tee { shared: RefCell::new(tee_shared(t)), index: Cell::new(t.index.get()) });
    }
    new_tee(it)
}

fn tee_next(ts: &ThreadState, v: &Value) -> PyResult<Option<Value>> {
    let t = payload::<Tee>(v)?;
    let shared = tee_shared(t);
    let i = t.index.get();
    let it = {
        let sh = shared.borrow();
        if let Some(x) = sh.buf.get(i) {
            t.index.set(i + 1);
            return Ok(Some(x.clone()));
        }
        if sh.running {
            return Err(PyErr::runtime_error("cannot re-enter the tee iterator"));
        }
        sh.it.clone()
    };
    shared.borrow_mut().running = true;
    let r = protocol::next(ts, &it);
    shared.borrow_mut().running = false;
    let Some(x) = r? else { return Ok(None) };
    shared.borrow_mut().buf.push(x.clone());
    t.index.set(i + 1);
    Ok(Some(x))
}

fn tee_copy(_ts: &ThreadState, v: &Value, a: Args, k: Kw) -> PyResult<Value> {
    args::exact("__copy__", a, k, 0)?;
    let t = payload::<Tee>(v)?;
    Value::new(Tee { shared: RefCell::new(tee_shared(t)), index: Cell::new(t.index.get()) })
}

fn tee_fn(ts: &ThreadState, _m: &Value, a: Args, k: Kw) -> PyResult<Value> {
    args::no_kwargs("tee", k)?;
    let a = args::positional("tee", a, k, 1, 2)?;
    let n = match a.get(1) {
        Some(n) => int::ssize_arg(ts, n)?,
        None => 2,
    };
    if n < 0 {
        return Err(PyErr::value_error("n must be >= 0"));
    }
    if n == 0 {
        return tuple::new_tuple(vec![]);
    }
    let it = protocol::get_iter(ts, &a[0])?;
    let copy_name = pystr::intern("__copy__");
    let first = if protocol::lookup_attr(ts, &it, &copy_name)?.is_some() { it } else { new_tee(it)? };
    let mut out = vec![first.clone()];
    for _ in 1..n {
        out.push(protocol::call_method(ts, &first, "__copy__", &[])?);
    }
    tuple::new_tuple(out)
}

fn zip_longest_new(ts: &ThreadState, cls: &Value, a: Args, k: Kw) -> PyResult<Value> {
    let npos = args::npositional(a, k);
    let mut fill = none::none();
    if let Some(kn) = k {
        for (j, name) in tuple::tuple_items(kn).iter().enumerate() {
            if pystr::as_rust_str(name) == "fillvalue" {
                fill = a[npos + j].clone();
            } else {
                return Err(PyErr::type_error("zip_longest() got an unexpected keyword argument"));
            }
        }
    }
    let iters = a[..npos].iter().map(|x| protocol::get_iter(ts, x).map(Some)).collect::<PyResult<Vec<_>>>()?;
    let n = iters.len();
    Value::new_instance(cls, ZipLongest { iters: RefCell::new(iters), active: Cell::new(n), fill: RefCell::new(fill) })
}

fn zip_longest_next(ts: &ThreadState, v: &Value) -> PyResult<Option<Value>> {
    let z = payload::<ZipLongest>(v)?;
    let n = z.iters.borrow().len();
    if n == 0 || z.active.get() == 0 {
        return Ok(None);
    }
    let mut out = Vec::with_capacity(n);
    for i in 0..n {
        let it = z.iters.borrow()[i].clone();
        let item = match it {
            None => z.fill.borrow().clone(),
            Some(it) => match protocol::next(ts, &it)? {
                Some(x) => x,
                None => {
                    z.active.set(z.active.get() - 1);
                    if z.active.get() == 0 {
                        return Ok(None);
                    }
                    let old = z.iters.borrow_mut()[i].take();
                    drop(old);
                    z.fill.borrow().clone()
                }
            },
        };
        out.push(item);
    }
    Ok(Some(tuple::new_tuple(out)?))
}

fn product_new(ts: &ThreadState, cls: &Value, a: Args, k: Kw) -> PyResult<Value> {
    let npos = args::npositional(a, k);
    let mut repeat = 1isize;
    if let Some(kn) = k {
        for (j, name) in tuple::tuple_items(kn).iter().enumerate() {
            let name = pystr::as_rust_str(name);
            if name == "repeat" {
                repeat = int::ssize_arg(ts, &a[npos + j])?;
            } else {
                return Err(PyErr::type_error(format!("'{name}' is an invalid keyword argument for product()")));
            }
        }
    }
    if repeat < 0 {
        return Err(PyErr::value_error("repeat argument cannot be negative"));
    }
    let base = a[..npos].iter().map(|x| protocol::collect(ts, x)).collect::<PyResult<Vec<_>>>()?;
    let total = base.len().checked_mul(repeat as usize).ok_or_else(|| PyErr::overflow_error("repeat argument too large"))?;
    let mut pools = Vec::new();
    pools.try_reserve(total).map_err(|_| PyErr::no_memory())?;
    for _ in 0..repeat {
        pools.extend(base.iter().cloned());
    }
    let n = pools.len();
    Value::new_instance(cls, Product { pools, indices: RefCell::new(vec![0; n]), result: RefCell::new(None), stopped: Cell::new(false) })
}

fn product_next(_ts: &ThreadState, v: &Value) -> PyResult<Option<Value>> {
    let p = payload::<Product>(v)?;
    if p.stopped.get() {
        return Ok(None);
    }
    let mut result = p.result.borrow_mut();
    match result.as_mut() {
        None => {
            if p.pools.iter().any(|pool| pool.is_empty()) {
                p.stopped.set(true);
                return Ok(None);
            }
            let r: Vec<Value> = p.pools.iter().map(|pool| pool[0].clone()).collect();
            *result = Some(r.clone());
            Ok(Some(tuple::new_tuple(r)?))
        }
        Some(r) => {
            let mut indices = p.indices.borrow_mut();
            let sizes: Vec<usize> = p.pools.iter().map(Vec::len).collect();
            let Some(first_changed) = step_product(&mut indices, &sizes) else {
                p.stopped.set(true);
                return Ok(None);
            };
            for i in first_changed..p.pools.len() {
                r[i] = p.pools[i][indices[i]].clone();
            }
            Ok(Some(tuple::new_tuple(r.clone())?))
        }
    }
}

fn r_arg(ts: &ThreadState, v: &Value) -> PyResult<usize> {
    let r = int::ssize_arg(ts, v)?;
    if r < 0 {
        return Err(PyErr::value_error("r must be non-negative"));
    }
    Ok(r as usize)
}

fn combinations_new(ts: &ThreadState, cls: &Value, a: Args, k: Kw) -> PyResult<Value> {
    let [iterable, r] = args::bind("combinations", a, k, ["iterable", "r"], 0, 2, 2)?;
    let pool = protocol::collect(ts, &iterable.unwrap_or_else(none::none))?;
    let r = r_arg(ts, &r.unwrap_or_else(none::none))?;
    let stopped = r > pool.len();
    Value::new_instance(
        cls,
        Combinations { pool, indices: RefCell::new((0..r).collect()), started: Cell::new(false), stopped: Cell::new(stopped) },
    )
}

fn pick(pool: &[Value], indices: &[usize]) -> PyResult<Value> {
    tuple::new_tuple(indices.iter().map(|&i| pool[i].clone()).collect())
}

fn combinations_next(_ts: &ThreadState, v: &Value) -> PyResult<Option<Value>> {
    let c = payload::<Combinations>(v)?;
    next_by_indices(&c.pool, &c.indices, &c.started, &c.stopped, step_combination)
}

/// `__next__` of the index-driven combinatoric iterators: the first call
/// yields the initial indices, later ones `step` them until it reports the end.
fn next_by_indices(pool: &[Value], indices: &RefCell<Vec<usize>>, started: &Cell<bool>, stopped: &Cell<bool>, step: fn(&mut [usize], usize) -> bool) -> PyResult<Option<Value>> {
    if stopped.get() {
        return Ok(None);
    }
    let mut idx = indices.borrow_mut();
    if !started.get() {
        started.set(true);
        return pick(pool, &idx).map(Some);
    }
    if !step(&mut idx, pool.len()) {
        stopped.set(true);
        return Ok(None);
    }
    pick(pool, &idx).map(Some)
}

fn cwr_new(ts: &ThreadState, cls: &Value, a: Args, k: Kw) -> PyResult<Value> {
    let [iterable, r] = args::bind("combinations_with_replacement", a, k, ["iterable", "r"], 0, 2, 2)?;
    let pool = protocol::collect(ts, &iterable.unwrap_or_else(none::none))?;
    let r = r_arg(ts, &r.unwrap_or_else(none::none))?;
    let stopped = pool.is_empty() && r > 0;
    Value::new_instance(cls, CombinationsWR { pool, indices: RefCell::new(vec![0; r]), started: Cell::new(false), stopped: Cell::new(stopped) })
}

fn cwr_next(_ts: &ThreadState, v: &Value) -> PyResult<Option<Value>> {
    let c = payload::<CombinationsWR>(v)?;
    next_by_indices(&c.pool, &c.indices, &c.started, &c.stopped, step_cwr)
}

fn permutations_new(ts: &ThreadState, cls: &Value, a: Args, k: Kw) -> PyResult<Value> {
    let [iterable, r] = args::bind("permutations", a, k, ["iterable", "r"], 0, 1, 2)?;
    let pool = protocol::collect(ts, &iterable.unwrap_or_else(none::none))?;
    let n = pool.len();
    let r = match r.filter(|r| !none::is_none(r)) {
        Some(r) => r_arg(ts, &r)?,
        None => n,
    };
    let stopped = r > n;
    let cycles = (0..r.min(n)).map(|i| n - i).collect();
    Value::new_instance(
        cls,
        Permutations { pool, indices: RefCell::new((0..n).collect()), cycles: RefCell::new(cycles), r, started: Cell::new(false), stopped: Cell::new(stopped) },
    )
}

fn permutations_next(_ts: &ThreadState, v: &Value) -> PyResult<Option<Value>> {
    let p = payload::<Permutations>(v)?;
    if p.stopped.get() {
        return Ok(None);
    }
    let mut idx = p.indices.borrow_mut();
    let mut cycles = p.cycles.borrow_mut();
    let (n, r) = (p.pool.len(), p.r);
    if !p.started.get() {
        p.started.set(true);
        return pick(&p.pool, &idx[..r]).map(Some);
    }
    if n == 0 {
        p.stopped.set(true);
        return Ok(None);
    }
    if step_permutation(&mut idx, &mut cycles, n, r) {
        pick(&p.pool, &idx[..r]).map(Some)
    } else {
        p.stopped.set(true);
        Ok(None)
    }
}

/// Advance `idx` (r increasing indices below n) to the next combination in
/// lexicographic order; false when it was the last.
fn step_combination(idx: &mut [usize], n: usize) -> bool {
    let r = idx.len();
    let Some(i) = (0..r).rev().find(|&i| idx[i] != i + n - r) else { return false };
    idx[i] += 1;
    for j in i + 1..r {
        idx[j] = idx[j - 1] + 1;
    }
    true
}

/// Advance `idx` (r non-decreasing indices below n) to the next combination
/// with replacement; false when it was the last.
fn step_cwr(idx: &mut [usize], n: usize) -> bool {
    let Some(i) = (0..idx.len()).rev().find(|&i| idx[i] != n - 1) else { return false };
    let v = idx[i] + 1;
    for j in idx.iter_mut().skip(i) {
        *j = v;
    }
    true
}

/// Advance a permutation state (CPython's indices and cycles); the first r
/// indices are the next permutation. False when it was the last.
fn step_permutation(idx: &mut [usize], cycles: &mut [usize], n: usize, r: usize) -> bool {
    if n == 0 {
        return false;
    }
    for i in (0..r).rev() {
        cycles[i] -= 1;
        if cycles[i] == 0 {
            // Rotate indices[i:] left by one.
            idx[i..].rotate_left(1);
            cycles[i] = n - i;
        } else {
            let j = cycles[i];
            idx.swap(i, n - j);
            return true;
        }
    }
    false
}

/// Advance product indices (an odometer over pools of `sizes`); returns the
/// first position that changed, None when it was the last.
fn step_product(idx: &mut [usize], sizes: &[usize]) -> Option<usize> {
    for i in (0..idx.len()).rev() {
        idx[i] += 1;
        if idx[i] == sizes[i] {
            idx[i] = 0;
        } else {
            return Some(i);
        }
    }
    None
}

/// `(type(v), args)` or `(type(v), args, state)`: the `__reduce__` results.
fn reduce_value(v: &Value, args: Vec<Value>, state: Option<Value>) -> PyResult<Value> {
    let mut items = vec![v.type_of().to_value(), tuple::new_tuple(args)?];
    items.extend(state);
    tuple::new_tuple(items)
}

fn compress_reduce(_ts: &ThreadState, v: &Value, a: Args, k: Kw) -> PyResult<Value> {
    args::exact("__reduce__", a, k, 0)?;
    let c = payload::<Compress>(v)?;
    reduce_value(v, vec![c.data.clone(), c.selectors.clone()], None)
}
fn filterfalse_reduce(_ts: &ThreadState, v: &Value, a: Args, k: Kw) -> PyResult<Value> {
    args::exact("__reduce__", a, k, 0)?;
    let f = payload::<FilterFalse>(v)?;
    reduce_value(v, vec![f.func.clone(), f.it.clone()], None)
}
fn starmap_reduce(_ts: &ThreadState, v: &Value, a: Args, k: Kw) -> PyResult<Value> {
    args::exact("__reduce__", a, k, 0)?;
    let f = payload::<StarMap>(v)?;
    reduce_value(v, vec![f.func.clone(), f.it.clone()], None)
}
fn dropwhile_reduce(_ts: &ThreadState, v: &Value, a: Args, k: Kw) -> PyResult<Value> {
    args::exact("__reduce__", a, k, 0)?;
    let d = payload::<DropWhile>(v)?;
    reduce_value(v, vec![d.func.clone(), d.it.clone()], Some(int::from_i64(d.start.get() as i64)))
}
fn dropwhile_setstate(ts: &ThreadState, v: &Value, a: Args, k: Kw) -> PyResult<Value> {
    let a = args::exact("__setstate__", a, k, 1)?;
    payload::<DropWhile>(v)?.start.set(protocol::is_true(ts, &a[0])?);
    Ok(none::none())
}
fn takewhile_reduce(_ts: &ThreadState, v: &Value, a: Args, k: Kw) -> PyResult<Value> {
    args::exact("__reduce__", a, k, 0)?;
    let t = payload::<TakeWhile>(v)?;
    reduce_value(v, vec![t.func.clone(), t.it.clone()], Some(int::from_i64(t.stop.get() as i64)))
}
fn takewhile_setstate(ts: &ThreadState, v: &Value, a: Args, k: Kw) -> PyResult<Value> {
    let a = args::exact("__setstate__", a, k, 1)?;
    payload::<TakeWhile>(v)?.stop.set(protocol::is_true(ts, &a[0])?);
    Ok(none::none())
}
fn zip_longest_reduce(_ts: &ThreadState, v: &Value, a: Args, k: Kw) -> PyResult<Value> {
    args::exact("__reduce__", a, k, 0)?;
    let z = payload::<ZipLongest>(v)?;
    // Exhausted iterators are replaced by empty tuples, as CPython's.
    let iters = z.iters.borrow().iter().map(|i| i.clone().map_or_else(|| tuple::new_tuple(vec![]), Ok)).collect::<PyResult<Vec<_>>>()?;
    reduce_value(v, iters, Some(z.fill.borrow().clone()))
}
fn zip_longest_setstate(_ts: &ThreadState, v: &Value, a: Args, k: Kw) -> PyResult<Value> {
    let a = args::exact("__setstate__", a, k, 1)?;
    drop(payload::<ZipLongest>(v)?.fill.replace(a[0].clone()));
    Ok(none::none())
}
fn chain_reduce(_ts: &ThreadState, v: &Value, a: Args, k: Kw) -> PyResult<Value> {
    args::exact("__reduce__", a, k, 0)?;
    let c = payload::<Chain>(v)?;
    let source = c.source.borrow().clone();
    let active = c.active.borrow().clone();
    match (source, active) {
        (Some(src), Some(act)) => reduce_value(v, vec![], Some(tuple::new_tuple(vec![src, act])?)),
        (Some(src), None) => reduce_value(v, vec![], Some(tuple::new_tuple(vec![src])?)),
        _ => reduce_value(v, vec![], None),
    }
}
fn chain_setstate(_ts: &ThreadState, v: &Value, a: Args, k: Kw) -> PyResult<Value> {
    let a = args::exact("__setstate__", a, k, 1)?;
    let c = payload::<Chain>(v)?;
    let Some(items) = tuple::try_tuple_items(&a[0]) else {
        return Err(PyErr::type_error("state is not a tuple"));
    };
    if items.is_empty() || items.len() > 2 {
        return Err(PyErr::type_error("Invalid state tuple"));
    }
    let source = items[0].clone();
    let active = items.get(1).cloned();
    let is_iter = |x: &Value| x.type_of().data.slots.iternext.get().is_some();
    if !is_iter(&source) || active.as_ref().is_some_and(|a| !is_iter(a)) {
        return Err(PyErr::type_error("Arguments must be iterators."));
    }
    drop(c.source.replace(Some(source)));
    drop(c.active.replace(active));
    Ok(none::none())
}

fn state_tuple(state: &Value) -> PyResult<&[Value]> {
    tuple::try_tuple_items(state).ok_or_else(|| PyErr::type_error("state is not a tuple"))
}

fn invalid_arguments() -> PyErr {
    PyErr::value_error("invalid arguments")
}

/// An index from a state tuple, clamped to `lo..=hi` as CPython's setstate does.
fn clamped(ts: &ThreadState, v: &Value, lo: isize, hi: isize) -> PyResult<usize> {
    let i = int::ssize_arg(ts, v)?;
    Ok(i.min(hi).max(lo).max(0) as usize)
}

fn values(items: &[Value]) -> PyResult<Value> {
    tuple::new_tuple(items.to_vec())
}

fn ints(items: &[usize]) -> PyResult<Value> {
    tuple::new_tuple(items.iter().map(|&i| int::from_usize(i)).collect())
}

fn product_reduce(_ts: &ThreadState, v: &Value, a: Args, k: Kw) -> PyResult<Value> {
    args::exact("__reduce__", a, k, 0)?;
    let p = payload::<Product>(v)?;
    if p.stopped.get() {
        return reduce_value(v, vec![tuple::new_tuple(vec![])?], None);
    }
    let pools = p.pools.iter().map(|pl| values(pl)).collect::<PyResult<Vec<_>>>()?;
    if p.result.borrow().is_none() {
        return reduce_value(v, pools, None);
    }
    let state = ints(&p.indices.borrow())?;
    reduce_value(v, pools, Some(state))
}

fn product_setstate(ts: &ThreadState, v: &Value, a: Args, k: Kw) -> PyResult<Value> {
    let a = args::exact("__setstate__", a, k, 1)?;
    let p = payload::<Product>(v)?;
    let items = tuple::try_tuple_items(&a[0]).filter(|t| t.len() == p.pools.len()).ok_or_else(invalid_arguments)?;
    let mut idx = Vec::with_capacity(items.len());
    for (i, x) in items.iter().enumerate() {
        let n = p.pools[i].len() as isize;
        if n == 0 {
            // An empty pool: the product is over.
            p.stopped.set(true);
            return Ok(none::none());
        }
        idx.push(clamped(ts, x, 0, n - 1)?);
    }
    let result: Vec<Value> = idx.iter().enumerate().map(|(i, &j)| p.pools[i][j].clone()).collect();
    *p.indices.borrow_mut() = idx;
    drop(p.result.replace(Some(result)));
    Ok(none::none())
}

fn combinations_reduce(_ts: &ThreadState, v: &Value, a: Args, k: Kw) -> PyResult<Value> {
    args::exact("__reduce__", a, k, 0)?;
    let c = payload::<Combinations>(v)?;
    reduce_by_indices(v, &c.pool, &c.indices.borrow(), c.started.get(), c.stopped.get())
}

/// `__reduce__` of the index-driven combinatoric iterators: (type, (pool,
/// r)) with the indices as state once started, an empty pool when done.
fn reduce_by_indices(v: &Value, pool: &[Value], indices: &[usize], started: bool, stopped: bool) -> PyResult<Value> {
    let r = int::from_usize(indices.len());
    if !started {
        return reduce_value(v, vec![values(pool)?, r], None);
    }
    if stopped {
        return reduce_value(v, vec![tuple::new_tuple(vec![])?, r], None);
    }
    reduce_value(v, vec![values(pool)?, r], Some(ints(indices)?))
}

fn combinations_setstate(ts: &ThreadState, v: &Value, a: Args, k: Kw) -> PyResult<Value> {
    let a = args::exact("__setstate__", a, k, 1)?;
    let c = payload::<Combinations>(v)?;
    let r = c.indices.borrow().len();
    let n = c.pool.len() as isize;
    let items = tuple::try_tuple_items(&a[0]).filter(|t| t.len() == r).ok_or_else(invalid_arguments)?;
    let mut idx = Vec::with_capacity(r);
    for (i, x) in items.iter().enumerate() {
        idx.push(clamped(ts, x, 0, i as isize + n - r as isize)?);
    }
    *c.indices.borrow_mut() = idx;
    c.started.set(true);
    Ok(none::none())
}

fn cwr_reduce(_ts: &ThreadState, v: &Value, a: Args, k: Kw) -> PyResult<Value> {
    args::exact("__reduce__", a, k, 0)?;
    let c = payload::<CombinationsWR>(v)?;
    reduce_by_indices(v, &c.pool, &c.indices.borrow(), c.started.get(), c.stopped.get())
}

fn cwr_setstate(ts: &ThreadState, v: &Value, a: Args, k: Kw) -> PyResult<Value> {
    let a = args::exact("__setstate__", a, k, 1)?;
    let c = payload::<CombinationsWR>(v)?;
    let r = c.indices.borrow().len();
    let n = c.pool.len() as isize;
    let items = tuple::try_tuple_items(&a[0]).filter(|t| t.len() == r).ok_or_else(invalid_arguments)?;
    let mut idx = Vec::with_capacity(r);
    for x in items {
        idx.push(clamped(ts, x, 0, n - 1)?);
    }
    *c.indices.borrow_mut() = idx;
    c.started.set(true);
    Ok(none::none())
}

fn permutations_reduce(_ts: &ThreadState, v: &Value, a: Args, k: Kw) -> PyResult<Value> {
    args::exact("__reduce__", a, k, 0)?;
    let p = payload::<Permutations>(v)?;
    let r = int::from_usize(p.r);
    if !p.started.get() {
        return reduce_value(v, vec![values(&p.pool)?, r], None);
    }
    if p.stopped.get() {
        return reduce_value(v, vec![tuple::new_tuple(vec![])?, r], None);
    }
    let state = tuple::new_tuple(vec![ints(&p.indices.borrow())?, ints(&p.cycles.borrow())?])?;
    reduce_value(v, vec![values(&p.pool)?, r], Some(state))
}

fn permutations_setstate(ts: &ThreadState, v: &Value, a: Args, k: Kw) -> PyResult<Value> {
    let a = args::exact("__setstate__", a, k, 1)?;
    let p = payload::<Permutations>(v)?;
    let n = p.pool.len();
    let parts = tuple::try_tuple_items(&a[0]).filter(|t| t.len() == 2).ok_or_else(invalid_arguments)?;
    let indices = tuple::try_tuple_items(&parts[0]).filter(|t| t.len() == n).ok_or_else(invalid_arguments)?;
    let cycles = tuple::try_tuple_items(&parts[1]).filter(|t| t.len() == p.r).ok_or_else(invalid_arguments)?;
    let mut idx = Vec::with_capacity(n);
    for x in indices {
        idx.push(clamped(ts, x, 0, n as isize - 1)?);
    }
    let mut cyc = Vec::with_capacity(p.r);
    for (i, x) in cycles.iter().enumerate() {
        cyc.push(clamped(ts, x, 1, (n - i) as isize)?);
    }
    *p.indices.borrow_mut() = idx;
    *p.cycles.borrow_mut() = cyc;
    p.started.set(true);
    Ok(none::none())
}

fn islice_reduce(ts: &ThreadState, v: &Value, a: Args, k: Kw) -> PyResult<Value> {
    args::exact("__reduce__", a, k, 0)?;
    let s = payload::<ISlice>(v)?;
    let it = s.it.borrow().clone();
    let cnt = int::from_i64(s.cnt.get() as i64);
    match it {
        None => {
            let empty = protocol::get_iter(ts, &crate::types::list::new_list(vec![])?)?;
            reduce_value(v, vec![empty, int::from_i64(0)], Some(int::from_i64(0)))
        }
        Some(it) => {
            let stop = if s.stop == -1 { none::none() } else { int::from_i64(s.stop as i64) };
            reduce_value(v, vec![it, int::from_i64(s.next.get() as i64), stop, int::from_i64(s.step as i64)], Some(cnt))
        }
    }
}

fn islice_setstate(ts: &ThreadState, v: &Value, a: Args, k: Kw) -> PyResult<Value> {
    let a = args::exact("__setstate__", a, k, 1)?;
    if !int::is_int(&a[0]) {
        return Err(PyErr::type_error("an integer is required"));
    }
    payload::<ISlice>(v)?.cnt.set(int::ssize_arg(ts, &a[0])?);
    Ok(none::none())
}

fn accumulate_reduce(ts: &ThreadState, v: &Value, a: Args, k: Kw) -> PyResult<Value> {
    args::exact("__reduce__", a, k, 0)?;
    let acc = payload::<Accumulate>(v)?;
    let func = acc.func.clone().unwrap_or_else(none::none);
    let chain_type = CHAIN_TYPE.to_value();
    if let Some(init) = acc.initial.borrow().clone() {
        let it = protocol::call(ts, &chain_type, &[tuple::new_tuple(vec![init])?, acc.it.clone()], None)?;
        return reduce_value(v, vec![it, func], Some(none::none()));
    }
    let total = acc.total.borrow().clone();
    match total {
        Some(t) if none::is_none(&t) => {
            // A None total cannot be restored by __setstate__: rebuild from a chain, skipping it.
            let it = protocol::call(ts, &chain_type, &[tuple::new_tuple(vec![t])?, acc.it.clone()], None)?;
            let inner = protocol::call(ts, &v.type_of().to_value(), &[it, func], None)?;
            tuple::new_tuple(vec![ISLICE_TYPE.to_value(), tuple::new_tuple(vec![inner, int::from_i64(1), none::none()])?])
        }
        t => reduce_value(v, vec![acc.it.clone(), func], Some(t.unwrap_or_else(none::none))),
    }
}

fn accumulate_setstate(_ts: &ThreadState, v: &Value, a: Args, k: Kw) -> PyResult<Value> {
    let a = args::exact("__setstate__", a, k, 1)?;
    drop(payload::<Accumulate>(v)?.total.replace(Some(a[0].clone())));
    Ok(none::none())
}

fn cycle_reduce(ts: &ThreadState, v: &Value, a: Args, k: Kw) -> PyResult<Value> {
    args::exact("__reduce__", a, k, 0)?;
    let c = payload::<Cycle>(v)?;
    let saved = c.saved.borrow().clone();
    let it = c.it.borrow().clone();
    match it {
        Some(it) => reduce_value(v, vec![it], Some(tuple::new_tuple(vec![saved, bool_::new_bool(c.firstpass.get())])?)),
        None => {
            // Resume the saved items where the cycle stands.
            let rest: Vec<Value> = {
                let items = list_items(&saved)?.items.borrow();
                if items.is_empty() { Vec::new() } else { items[c.index.get() % items.len()..].to_vec() }
            };
            let it = protocol::get_iter(ts, &crate::types::list::new_list(rest)?)?;
            reduce_value(v, vec![it], Some(tuple::new_tuple(vec![saved, bool_::new_bool(true)])?))
        }
    }
}

fn cycle_setstate(ts: &ThreadState, v: &Value, a: Args, k: Kw) -> PyResult<Value> {
    let a = args::exact("__setstate__", a, k, 1)?;
    let c = payload::<Cycle>(v)?;
    let items = state_tuple(&a[0])?;
    if items.len() != 2 {
        return Err(PyErr::type_error(format!("function takes exactly 2 arguments ({} given)", items.len())));
    }
    if items[0].downcast::<crate::types::list::PyList>().is_none() {
        return Err(PyErr::type_error(format!("argument 1 must be list, not {}", protocol::type_name(&items[0]))));
    }
    let firstpass = int::ssize_arg(ts, &items[1])? != 0;
    drop(c.saved.replace(items[0].clone()));
    c.firstpass.set(firstpass);
    c.index.set(0);
    Ok(none::none())
}

fn groupby_reduce(_ts: &ThreadState, v: &Value, a: Args, k: Kw) -> PyResult<Value> {
    args::exact("__reduce__", a, k, 0)?;
    let g = payload::<GroupBy>(v)?;
    let keyfunc = g.keyfunc.clone().unwrap_or_else(none::none);
    let (tk, ck, cv) = (g.tgtkey.borrow().clone(), g.currkey.borrow().clone(), g.currvalue.borrow().clone());
    match (tk, ck, cv) {
        (Some(tk), Some(ck), Some(cv)) => reduce_value(v, vec![g.it.clone(), keyfunc], Some(tuple::new_tuple(vec![ck, cv, tk])?)),
        _ => reduce_value(v, vec![g.it.clone(), keyfunc], None),
    }
}

fn groupby_setstate(_ts: &ThreadState, v: &Value, a: Args, k: Kw) -> PyResult<Value> {
    let a = args::exact("__setstate__", a, k, 1)?;
    let g = payload::<GroupBy>(v)?;
    let items = state_tuple(&a[0])?;
    if items.len() != 3 {
        return Err(PyErr::type_error(format!("function takes exactly 3 arguments ({} given)", items.len())));
    }
    drop(g.currkey.replace(Some(items[0].clone())));
    drop(g.currvalue.replace(Some(items[1].clone())));
    drop(g.tgtkey.replace(Some(items[2].clone())));
    Ok(none::none())
}

fn grouper_reduce(ts: &ThreadState, v: &Value, a: Args, k: Kw) -> PyResult<Value> {
    args::exact("__reduce__", a, k, 0)?;
    let gr = payload::<Grouper>(v)?;
    let g = payload::<GroupBy>(&gr.parent)?;
    if g.currgrouper.get() != v.id() {
        // A stale group: it yields nothing, like iter(()).
        let iter_fn = protocol::getattr_str(ts, &crate::modules::builtins_module(ts), "iter")?;
        return tuple::new_tuple(vec![iter_fn, tuple::new_tuple(vec![tuple::new_tuple(vec![])?])?]);
    }
    reduce_value(v, vec![gr.parent.clone(), gr.tgtkey.clone()], None)
}

/// Values per link of CPython's tee buffer.
const LINKCELLS: usize = 57;

fn tee_data_new(_ts: &ThreadState, _cls: &Value, a: Args, k: Kw) -> PyResult<Value> {
    args::no_kwargs("_tee_dataobject", k)?;
    let a = args::positional("_tee_dataobject", a, k, 3, 3)?;
    let invalid = || PyErr::value_error("Invalid arguments");
    let values = a[1].downcast::<crate::types::list::PyList>().ok_or_else(invalid)?.items.borrow().clone();
    if values.len() > LINKCELLS {
        return Err(invalid());
    }
    let next = if none::is_none(&a[2]) {
        None
    } else if values.len() == LINKCELLS && a[2].downcast::<TeeData>().is_some() {
        Some(a[2].clone())
    } else {
        return Err(invalid());
    };
    Value::new(TeeData { it: a[0].clone(), values, next })
}

fn tee_data_reduce(_ts: &ThreadState, v: &Value, a: Args, k: Kw) -> PyResult<Value> {
    args::exact("__reduce__", a, k, 0)?;
    let d = payload::<TeeData>(v)?;
    let values = crate::types::list::new_list(d.values.clone())?;
    reduce_value(v, vec![d.it.clone(), values, d.next.clone().unwrap_or_else(none::none)], None)
}

/// The link holding a tee's position and the position within it (CPython
/// moves to the next link only when reading past a full one).
fn tee_link_of(index: usize) -> (usize, usize) {
    if index > 0 && index % LINKCELLS == 0 {
        (index / LINKCELLS - 1, LINKCELLS)
    } else {
        (index / LINKCELLS, index % LINKCELLS)
    }
}

fn tee_reduce(_ts: &ThreadState, v: &Value, a: Args, k: Kw) -> PyResult<Value> {
    args::exact("__reduce__", a, k, 0)?;
    let t = payload::<Tee>(v)?;
    let (link, pos) = tee_link_of(t.index.get());
    let (it, buf) = {
        let shared = tee_shared(t);
        let sh = shared.borrow();
        (sh.it.clone(), sh.buf.clone())
    };
    // Build the chain of links from the last one back (no recursion).
    let nlinks = buf.len().div_ceil(LINKCELLS).max(link + 1);
    let mut next: Option<Value> = None;
    for l in (link..nlinks).rev() {
        let start = (l * LINKCELLS).min(buf.len());
        let end = ((l + 1) * LINKCELLS).min(buf.len());
        let obj = Value::new(TeeData { it: it.clone(), values: buf[start..end].to_vec(), next: next.take() })?;
        next = Some(obj);
    }
    let data = next.ok_or_else(|| PyErr::system_error("tee link"))?;
    let empty = tuple::new_tuple(vec![])?;
    reduce_value(v, vec![empty], Some(tuple::new_tuple(vec![data, int::from_usize(pos)])?))
}

fn tee_setstate(ts: &ThreadState, v: &Value, a: Args, k: Kw) -> PyResult<Value> {
    let a = args::exact("__setstate__", a, k, 1)?;
    let t = payload::<Tee>(v)?;
    let items = state_tuple(&a[0])?;
    if items.len() != 2 {
        return Err(PyErr::type_error(format!("function takes exactly 2 arguments ({} given)", items.len())));
    }
    let Some(first) = items[0].downcast::<TeeData>() else {
        return Err(PyErr::type_error(format!("argument 1 must be itertools._tee_dataobject, not {}", protocol::type_name(&items[0]))));
    };
    let index = int::ssize_arg(ts, &items[1])?;
    if !(0..=LINKCELLS as isize).contains(&index) {
        return Err(PyErr::value_error("Index out of range"));
    }
    let mut buf = first.values.clone();
    let mut next = first.next.clone();
    while let Some(n) = next {
        let d = payload::<TeeData>(&n)?;
        buf.extend(d.values.iter().cloned());
        next = d.next.clone();
    }
    let shared = Rc::new(RefCell::new(TeeShared { it: first.it.clone(), buf, running: false }));
    // The tee belongs to the restored buffer from now on.
    drop(t.shared.replace(shared));
    t.index.set(index as usize);
    Ok(none::none())
}

fn self_iter(_ts: &ThreadState, v: &Value) -> PyResult<Value> {
    Ok(v.clone())
}

fn class_getitem(_ts: &ThreadState, cls: &Value, a: Args, k: Kw) -> PyResult<Value> {
    let a = args::exact("__class_getitem__", a, k, 1)?;
    crate::types::genericalias::new_generic_alias(cls.clone(), a[0].clone())
}

/// Fill the static types.
pub fn init() {
    use crate::types::descr::{add_methods, add_methods_kind, MethodKind};
    for t in types() {
        t.data.slots.iter.set(Some(self_iter));
        t.data.slots.getattro.set(Some(protocol::generic_getattr));
    }
    let set = |t: &'static PyType, new: crate::object::typeobj::CallFn, next: crate::object::typeobj::IterNextFn| {
        t.data.slots.new.set(Some(new));
        t.data.slots.iternext.set(Some(next));
    };
    set(&COUNT_TYPE, count_new, count_next);
    COUNT_TYPE.data.slots.repr.set(Some(count_repr));
    set(&CYCLE_TYPE, cycle_new, cycle_next);
    set(&REPEAT_TYPE, repeat_new, repeat_next);
    REPEAT_TYPE.data.slots.repr.set(Some(repeat_repr));
    add_methods(&REPEAT_TYPE, &[("__length_hint__", repeat_length_hint), ("__reduce__", repeat_reduce)]);
    add_methods(&COUNT_TYPE, &[("__reduce__", count_reduce)]);
    set(&ACCUMULATE_TYPE, accumulate_new, accumulate_next);
    set(&CHAIN_TYPE, chain_new, chain_next);
    add_methods_kind(&CHAIN_TYPE, &[("from_iterable", chain_from_iterable), ("__class_getitem__", class_getitem)], MethodKind::Class);
    set(&COMPRESS_TYPE, compress_new, compress_next);
    add_methods(&COMPRESS_TYPE, &[("__reduce__", compress_reduce)]);
    add_methods(&FILTERFALSE_TYPE, &[("__reduce__", filterfalse_reduce)]);
    add_methods(&STARMAP_TYPE, &[("__reduce__", starmap_reduce)]);
    add_methods(&DROPWHILE_TYPE, &[("__reduce__", dropwhile_reduce), ("__setstate__", dropwhile_setstate)]);
    add_methods(&TAKEWHILE_TYPE, &[("__reduce__", takewhile_reduce), ("__setstate__", takewhile_setstate)]);
    add_methods(&ZIP_LONGEST_TYPE, &[("__reduce__", zip_longest_reduce), ("__setstate__", zip_longest_setstate)]);
    add_methods(&CHAIN_TYPE, &[("__reduce__", chain_reduce), ("__setstate__", chain_setstate)]);
    add_methods(&PRODUCT_TYPE, &[("__reduce__", product_reduce), ("__setstate__", product_setstate)]);
    add_methods(&COMBINATIONS_TYPE, &[("__reduce__", combinations_reduce), ("__setstate__", combinations_setstate)]);
    add_methods(&CWR_TYPE, &[("__reduce__", cwr_reduce), ("__setstate__", cwr_setstate)]);
    add_methods(&PERMUTATIONS_TYPE, &[("__reduce__", permutations_reduce), ("__setstate__", permutations_setstate)]);
    add_methods(&ISLICE_TYPE, &[("__reduce__", islice_reduce), ("__setstate__", islice_setstate)]);
    add_methods(&ACCUMULATE_TYPE, &[("__reduce__", accumulate_reduce), ("__setstate__", accumulate_setstate)]);
    add_methods(&CYCLE_TYPE, &[("__reduce__", cycle_reduce), ("__setstate__", cycle_setstate)]);
    add_methods(&GROUPBY_TYPE, &[("__reduce__", groupby_reduce), ("__setstate__", groupby_setstate)]);
    add_methods(&GROUPER_TYPE, &[("__reduce__", grouper_reduce)]);
    add_methods(&PAIRWISE_TYPE, &[("__reduce__", super::reduce_cannot_pickle)]);
    set(&DROPWHILE_TYPE, dropwhile_new, dropwhile_next);
    set(&TAKEWHILE_TYPE, takewhile_new, takewhile_next);
    set(&FILTERFALSE_TYPE, filterfalse_new, filterfalse_next);
    set(&GROUPBY_TYPE, groupby_new, groupby_next);
    set(&GROUPER_TYPE, grouper_new, grouper_next);
    set(&ISLICE_TYPE, islice_new, islice_next);
    set(&PAIRWISE_TYPE, pairwise_new, pairwise_next);
    set(&STARMAP_TYPE, starmap_new, starmap_next);
    set(&TEE_TYPE, tee_new, tee_next);
    add_methods(&TEE_TYPE, &[("__copy__", tee_copy), ("__reduce__", tee_reduce), ("__setstate__", tee_setstate)]);
    TEE_DATA_TYPE.data.slots.new.set(Some(tee_data_new));
    TEE_DATA_TYPE.data.slots.iter.set(None);
    add_methods(&TEE_DATA_TYPE, &[("__reduce__", tee_data_reduce)]);
    set(&ZIP_LONGEST_TYPE, zip_longest_new, zip_longest_next);
    set(&PRODUCT_TYPE, product_new, product_next);
    set(&COMBINATIONS_TYPE, combinations_new, combinations_next);
    set(&CWR_TYPE, cwr_new, cwr_next);
    set(&PERMUTATIONS_TYPE, permutations_new, permutations_next);
}

/// Create the `itertools` module.
pub fn create(ts: &ThreadState) -> PyResult<Value> {
    let (m, d) = super::new_native_module(ts, "itertools", &[("tee", tee_fn)])?;
    for t in types() {
        let name = t.name();
        let short = name.rsplit('.').next().unwrap_or(&name).to_string();
        super::set_attr(ts, &d, &short, t.to_value())?;
    }
    Ok(m)
}

#[cfg(test)]
mod tests {
    use super::*;

    // Expected sequences from python3: list(itertools.combinations(range(4), 2)) etc.
    #[test]
    fn combinations_order() {
        let mut idx = vec![0, 1];
        let mut out = vec![idx.clone()];
        while step_combination(&mut idx, 4) {
            out.push(idx.clone());
        }
        assert_eq!(out, vec![vec![0, 1], vec![0, 2], vec![0, 3], vec![1, 2], vec![1, 3], vec![2, 3]]);
    }

    #[test]
    fn cwr_order() {
        let mut idx = vec![0, 0];
        let mut out = vec![idx.clone()];
        while step_cwr(&mut idx, 3) {
            out.push(idx.clone());
        }
        assert_eq!(out, vec![vec![0, 0], vec![0, 1], vec![0, 2], vec![1, 1], vec![1, 2], vec![2, 2]]);
    }

    #[test]
    fn permutations_order() {
        let (n, r) = (3, 2);
        let mut idx: Vec<usize> = (0..n).collect();
        let mut cycles: Vec<usize> = (0..r).map(|i| n - i).collect();
        let mut out = vec![idx[..r].to_vec()];
        while step_permutation(&mut idx, &mut cycles, n, r) {
            out.push(idx[..r].to_vec());
        }
        assert_eq!(out, vec![vec![0, 1], vec![0, 2], vec![1, 0], vec![1, 2], vec![2, 0], vec![2, 1]]);
    }

    #[test]
    fn product_order() {
        let mut idx = vec![0, 0];
        let mut out = vec![idx.clone()];
        while step_product(&mut idx, &[2, 3]).is_some() {
            out.push(idx.clone());
        }
        assert_eq!(out, vec![vec![0, 0], vec![0, 1], vec![0, 2], vec![1, 0], vec![1, 1], vec![1, 2]]);
    }
}
