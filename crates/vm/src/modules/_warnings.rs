//! `_warnings`: the warning machinery of CPython's Python/_warnings.c.
//! The interpreter keeps the filters, the "once" registry and the default
//! action; once `warnings` is imported its `filters`, `onceregistry` and
//! `defaultaction` attributes take over (warnings.py shares this module's
//! objects, and may replace them), and warnings are shown through its
//! `_showwarnmsg` (so a user's `warnings.showwarning` applies).

use std::cell::RefCell;

use crate::object::args;
use crate::object::protocol;
use crate::object::typeobj::PyType;
use crate::object::value::Value;
use crate::runtime::errors::{PyErr, PyResult};
use crate::runtime::thread::ThreadState;
use crate::types::{bool_, dict, exceptions as exc, int, list, none, str as pystr, tuple};

type Args<'a> = &'a [Value];
type Kw<'a> = Option<&'a Value>;

/// The interpreter's warning state (CPython's `struct _warnings_runtime_state`).
struct State {
    /// The interpreter the objects belong to.
    interp_id: u64,
    filters: Value,
    once_registry: Value,
    default_action: Value,
    /// Bumped by `_filters_mutated()`; registries remember the version they were filled under.
    version: i64,
}

thread_local! {
    // Per interpreter in CPython; one interpreter runs per thread here.
    static STATE: RefCell<Option<State>> = const { RefCell::new(None) };
}

/// CPython's init_filters for a non-debug build.
fn init_filters() -> PyResult<Value> {
    let zero = int::from_i64(0);
    let filter = |action: &str, cat: &'static PyType, module: Option<&str>| {
        tuple::new_tuple(vec![pystr::intern(action), none::none(), cat.to_value(), module.map(pystr::intern).unwrap_or_else(none::none), zero.clone()])
    };
    list::new_list(vec![
        filter("default", &exc::DEPRECATION_WARNING, Some("__main__"))?,
        filter("ignore", &exc::DEPRECATION_WARNING, None)?,
        filter("ignore", &exc::PENDING_DEPRECATION_WARNING, None)?,
        filter("ignore", &exc::IMPORT_WARNING, None)?,
        filter("ignore", &exc::RESOURCE_WARNING, None)?,
    ])
}

/// Run `f` on this interpreter's state, creating it on first use. A value
/// replaced in the state is returned by `f` and dropped after the borrow
/// ends (dropping may run Python code that warns again).
fn with_state<R>(ts: &ThreadState, f: impl FnOnce(&mut State) -> R) -> PyResult<R> {
    let id = ts.interp().id;
    let fresh = STATE.with(|s| s.borrow().as_ref().is_none_or(|st| st.interp_id != id));
    if fresh {
        let st = State { interp_id: id, filters: init_filters()?, once_registry: dict::new_dict(), default_action: pystr::new_str("default"), version: 0 };
        let old = STATE.with(|s| s.borrow_mut().replace(st));
        drop(old);
    }
    STATE.with(|s| match s.borrow_mut().as_mut() {
        Some(st) => Ok(f(st)),
        None => Err(PyErr::runtime_error("warnings_get_state: could not identify current interpreter")),
    })
}

/// `warnings.<name>` (None when the module or attribute is missing); with
/// `try_import`, `warnings` is imported first (an ImportError means None).
fn warnings_attr(ts: &ThreadState, name: &str, try_import: bool) -> PyResult<Option<Value>> {
    let module = if try_import && !ts.interp().finalizing.get() {
        match crate::import::import_module_level(ts, &pystr::new_str("warnings"), None, None, 0) {
            Ok(m) => m,
            Err(e) if e.matches(&exc::IMPORT_ERROR) => return Ok(None),
            Err(e) => return Err(e),
        }
    } else {
        let modules = ts.interp().modules();
        match dict::dict_get_item(ts, &modules, &pystr::intern("warnings"))? {
            Some(m) => m,
            None => return Ok(None),
        }
    };
    protocol::lookup_attr(ts, &module, &pystr::intern(name))
}

fn filters_of(ts: &ThreadState) -> PyResult<Value> {
    if let Some(f) = warnings_attr(ts, "filters", false)? {
        drop(with_state(ts, |st| std::mem::replace(&mut st.filters, f.clone()))?);
        return Ok(f);
    }
    with_state(ts, |st| st.filters.clone())
}

fn once_registry(ts: &ThreadState) -> PyResult<Value> {
    match warnings_attr(ts, "onceregistry", false)? {
        Some(r) if dict::as_dict(&r).is_some() => {
            drop(with_state(ts, |st| std::mem::replace(&mut st.once_registry, r.clone()))?);
            Ok(r)
        }
        Some(r) => Err(PyErr::type_error(format!("_warnings.onceregistry must be a dict, not '{}'", protocol::type_name(&r)))),
        None => with_state(ts, |st| st.once_registry.clone()),
    }
}

fn default_action(ts: &ThreadState) -> PyResult<Value> {
    match warnings_attr(ts, "defaultaction", false)? {
        Some(a) if pystr::as_pystr(&a).is_some() => {
            drop(with_state(ts, |st| std::mem::replace(&mut st.default_action, a.clone()))?);
            Ok(a)
        }
        Some(a) => Err(PyErr::type_error(format!("_warnings.defaultaction must be a string, not '{}'", protocol::type_name(&a)))),
        None => with_state(ts, |st| st.default_action.clone()),
    }
}

/// Whether a filter's message or module part matches: None always, an
/// exact str by equality (the built-in defaults), anything else by `.match()`.
fn check_matched(ts: &ThreadState, pattern: &Value, arg: &Value) -> PyResult<bool> {
    if none::is_none(pattern) {
        return Ok(true);
    }
    if pattern.is_exact(&pystr::STR_TYPE) {
        if pystr::as_pystr(arg).is_none() {
            return Err(PyErr::type_error(format!("Can't compare str and {}", protocol::type_name(arg))));
        }
        return protocol::eq(ts, pattern, arg);
    }
    let r = protocol::call_method(ts, pattern, "match", std::slice::from_ref(arg))?;
    protocol::is_true(ts, &r)
}

/// The action of the first matching filter (and the filter), else the default action.
fn get_filter(ts: &ThreadState, category: &Value, text: &Value, lineno: i64, module: &Value) -> PyResult<(Value, Value)> {
    let filters = filters_of(ts)?;
    let Some(l) = filters.downcast::<list::PyList>() else {
        return Err(PyErr::value_error("_warnings.filters must be a list"));
    };
    let mut i = 0;
    // The list can change while the filters' match() methods run.
    loop {
        // The borrow ends here: the body can run code that changes the list.
        let next = l.items.borrow().get(i).cloned();
        let Some(item) = next else { break };
        let parts = match tuple::try_tuple_items(&item) {
            Some(p) if p.len() == 5 => p.to_vec(),
            _ => return Err(PyErr::value_error(format!("_warnings.filters item {i} isn't a 5-tuple"))),
        };
        let action = &parts[0];
        if pystr::as_pystr(action).is_none() {
            return Err(PyErr::type_error(format!("action must be a string, not '{}'", protocol::type_name(action))));
        }
        let good_msg = check_matched(ts, &parts[1], text)?;
        let good_mod = check_matched(ts, &parts[3], module)?;
        let is_subclass = protocol::issubclass(ts, category, &parts[2])?;
        // PyLong_AsSsize_t: an int (no __index__), within range.
        if !int::is_int(&parts[4]) {
            return Err(PyErr::type_error("an integer is required"));
        }
        let ln = int::to_isize(&parts[4]).ok_or_else(|| PyErr::overflow_error("Python int too large to convert to C ssize_t"))? as i64;
        if good_msg && is_subclass && good_mod && (ln == 0 || ln == lineno) {
            return Ok((action.clone(), item));
        }
        i += 1;
    }
    Ok((default_action(ts)?, none::none()))
}

/// Whether `key` is already in `registry` (a registry filled under other
/// filters is cleared first); with `should_set`, records it.
fn already_warned(ts: &ThreadState, registry: &Value, key: &Value, should_set: bool) -> PyResult<bool> {
    let version = with_state(ts, |st| st.version)?;
    let version_key = pystr::intern("version");
    let current = dict::dict_get_item(ts, registry, &version_key)?
        .filter(|v| v.is_exact(&int::INT_TYPE))
        .and_then(|v| int::to_isize(&v))
        .is_some_and(|v| v as i64 == version);
    if !current {
        if let Some(d) = dict::as_dict(registry) {
            d.clear();
        }
        dict::dict_set_item(ts, registry, version_key, int::from_i64(version))?;
    } else if let Some(seen) = dict::dict_get_item(ts, registry, key)? {
        if protocol::is_true(ts, &seen)? {
            return Ok(true);
        }
    }
    if should_set {
        dict::dict_set_item(ts, registry, key.clone(), bool_::new_bool(true))?;
    }
    Ok(false)
}

/// The module name a filename stands for: without ".py", "<unknown>" when empty.
fn normalize_module(filename: &str) -> String {
    if filename.is_empty() {
        "<unknown>".to_string()
    } else {
        filename.strip_suffix(".py").unwrap_or(filename).to_string()
    }
}

/// Line `lineno` of a source file, as `_Py_DisplaySourceLine` finds it
/// (a relative name is also looked for along sys.path).
fn file_source_line(ts: &ThreadState, filename: &str, lineno: i64) -> Option<String> {
    if lineno < 1 {
        return None;
    }
    let mut data = std::fs::read(filename).ok();
    if data.is_none() && !std::path::Path::new(filename).is_absolute() {
        let path = crate::modules::sys::sys_attr(ts, "path")?;
        let dirs: Vec<String> =
            path.downcast::<list::PyList>()?.items.borrow().iter().filter_map(|p| pystr::try_as_rust_str(p).map(|s| s.into_owned())).collect();
        data = dirs.iter().find_map(|d| std::fs::read(std::path::Path::new(d).join(filename)).ok());
    }
    nth_source_line(&String::from_utf8_lossy(&data?), lineno)
}

/// Line `lineno` (from 1) of `text` as displayed: without its newline and
/// leading spaces, tabs and form feeds (trailing blanks stay).
fn nth_source_line(text: &str, lineno: i64) -> Option<String> {
    let line = text.split_inclusive('\n').nth(usize::try_from(lineno.checked_sub(1)?).ok()?)?;
    Some(line.strip_suffix('\n').unwrap_or(line).trim_start_matches([' ', '\t', '\x0c']).to_string())
}

/// The C fallback when `warnings` is not imported: write the warning to sys.stderr.
fn show_warning(ts: &ThreadState, filename: &Value, lineno: i64, text: &Value, category: &Value, sourceline: Option<&Value>) {
    let Ok(name) = protocol::getattr_str(ts, category, "__name__") else { return };
    let Some(err) = crate::modules::sys::get_stream(ts, "stderr") else {
        use std::io::Write;
        let _ = std::io::stderr().write_all(b"lost sys.stderr\n");
        return;
    };
    // Errors while writing are dropped, as CPython's show_warning clears them.
    let write = |v: &Value| -> PyResult<()> {
        let s = protocol::str(ts, v)?;
        protocol::call_method(ts, &err, "write", &[s]).map(drop)
    };
    let fname = match pystr::try_as_rust_str(filename) {
        Some(f) => f.into_owned(),
        None => return,
    };
    let _ = (|| -> PyResult<()> {
        write(filename)?;
        write(&pystr::new_str(&format!(":{lineno}: ")))?;
        write(&name)?;
        write(&pystr::new_str(": "))?;
        write(text)?;
        write(&pystr::new_str("\n"))?;
        // A line from the module's loader is not written: CPython 3.11's
        // check of it (PyUnicode_READY(...) < 1) always bails out.
        if sourceline.is_some() {
            return Ok(());
        }
        match file_source_line(ts, &fname, lineno) {
            Some(line) => write(&pystr::new_str(&format!("  {line}\n"))),
            None => Ok(()),
        }
    })();
}

/// Show a warning through `warnings._showwarnmsg(WarningMessage(...))`, or
/// by the fallback when `warnings` is not there.
#[allow(clippy::too_many_arguments)]
fn call_show_warning(
    ts: &ThreadState,
    category: &Value,
    text: &Value,
    message: &Value,
    filename: &Value,
    lineno: i64,
    sourceline: Option<&Value>,
    source: Option<&Value>,
) -> PyResult<()> {
    let Some(show) = warnings_attr(ts, "_showwarnmsg", source.is_some())? else {
        show_warning(ts, filename, lineno, text, category, sourceline);
        return Ok(());
    };
    if show.type_of().data.slots.call.get().is_none() {
        return Err(PyErr::type_error("warnings._showwarnmsg() must be set to a callable"));
    }
    let Some(cls) = warnings_attr(ts, "WarningMessage", false)? else {
        return Err(PyErr::runtime_error("unable to get warnings.WarningMessage"));
    };
    let msg = protocol::call(
        ts,
        &cls,
        &[message.clone(), category.clone(), filename.clone(), int::from_i64(lineno), none::none(), none::none(), source.cloned().unwrap_or_else(none::none)],
        None,
    )?;
    protocol::call(ts, &show, &[msg], None).map(drop)
}

/// CPython's warn_explicit: filter, record in the registries, then raise,
/// ignore or show. `module` None means "from the filename"; a registry of
/// None is no registry.
#[allow(clippy::too_many_arguments)]
pub(crate) fn warn_explicit_impl(
    ts: &ThreadState,
    category: &Value,
    message: &Value,
    filename: &Value,
    lineno: i64,
    module: Option<&Value>,
    registry: Option<&Value>,
    sourceline: Option<&Value>,
    source: Option<&Value>,
) -> PyResult<()> {
    // A module of None: a warning late at shutdown, with no filters left.
    if module.is_some_and(none::is_none) {
        return Ok(());
    }
    let registry = registry.filter(|r| !none::is_none(r));
    if registry.is_some_and(|r| dict::as_dict(r).is_none()) {
        return Err(PyErr::type_error("'registry' must be a dict or None"));
    }
    let module = match module {
        Some(m) => m.clone(),
        None => pystr::new_str(&normalize_module(&pystr::try_as_rust_str(filename).unwrap_or_default())),
    };
    let (text, category, message) = if protocol::isinstance(ts, message, &exc::WARNING.to_value())? {
        (protocol::str(ts, message)?, message.type_of().to_value(), message.clone())
    } else {
        let instance = protocol::call(ts, category, std::slice::from_ref(message), None)?;
        (message.clone(), category.clone(), instance)
    };
    let source = source.filter(|s| !none::is_none(s));
    let key = tuple::new_tuple(vec![text.clone(), category.clone(), int::from_i64(lineno)])?;
    if let Some(r) = registry {
        if already_warned(ts, r, &key, false)? {
            return Ok(());
        }
    }
    let (action, item) = get_filter(ts, &category, &text, lineno, &module)?;
    let action_s = pystr::as_rust_str(&action).into_owned();
    match action_s.as_str() {
        "error" => {
            if protocol::is_instance_of(&message, &exc::BASE_EXCEPTION_TYPE) {
                return Err(PyErr::from_instance(message));
            }
            let e = protocol::call(ts, &category, std::slice::from_ref(&message), None)?;
            return Err(if protocol::is_instance_of(&e, &exc::BASE_EXCEPTION_TYPE) {
                PyErr::from_instance(e)
            } else {
                PyErr::type_error("exceptions must derive from BaseException")
            });
        }
        "ignore" => return Ok(()),
        _ => {}
    }
    let mut seen = false;
    if action_s != "always" {
        if let Some(r) = registry {
            dict::dict_set_item(ts, r, key.clone(), bool_::new_bool(true))?;
        }
        match action_s.as_str() {
            "once" => {
                let r = match registry {
                    Some(r) => r.clone(),
                    None => once_registry(ts)?,
                };
                let alt = tuple::new_tuple(vec![text.clone(), category.clone()])?;
                seen = already_warned(ts, &r, &alt, true)?;
            }
            "module" => {
                if let Some(r) = registry {
                    let alt = tuple::new_tuple(vec![text.clone(), category.clone()])?;
                    seen = already_warned(ts, r, &alt, true)?;
                }
            }
            "default" => {}
            _ => {
                let msg = format!("Unrecognized action ({}) in warnings.filters:\n {}", protocol::repr_string(ts, &action)?, protocol::repr_string(ts, &item)?);
                return Err(PyErr::runtime_error(msg));
            }
        }
    }
    if seen {
        return Ok(());
    }
    call_show_warning(ts, &category, &text, &message, filename, lineno, sourceline, source)
}

/// The frame object calling the current native code, if any.
fn current_frame(ts: &ThreadState) -> Option<Value> {
    let getframe = crate::modules::sys::sys_attr(ts, "_getframe")?;
    protocol::call(ts, &getframe, &[], None).ok().filter(|f| f.downcast::<crate::types::frame::PyFrameObject>().is_some())
}

fn frame_back(ts: &ThreadState, f: &Value) -> Option<Value> {
    protocol::getattr_str(ts, f, "f_back").ok().filter(|b| !none::is_none(b))
}

fn frame_filename(f: &Value) -> Option<Value> {
    let fo = f.downcast::<crate::types::frame::PyFrameObject>()?;
    fo.code().downcast::<crate::types::code::PyCode>().map(|c| c.filename.clone())
}

/// importlib's bootstrap frames, which a stacklevel above 1 skips.
fn is_internal_frame(f: &Value) -> bool {
    frame_filename(f).and_then(|n| pystr::try_as_rust_str(&n).map(|s| s.contains("importlib") && s.contains("_bootstrap"))).unwrap_or(false)
}

/// CPython's setup_context: filename, lineno, module and registry of the
/// frame `stack_level` up (sys's dict, "sys", line 1 past the outermost).
fn setup_context(ts: &ThreadState, mut stack_level: isize) -> PyResult<(Value, i64, Value, Value)> {
    let mut f = current_frame(ts);
    if stack_level <= 0 || f.as_ref().is_some_and(is_internal_frame) {
        loop {
            stack_level -= 1;
            let Some(cur) = f.as_ref().filter(|_| stack_level > 0) else { break };
            f = frame_back(ts, cur);
        }
    } else {
        loop {
            stack_level -= 1;
            let Some(cur) = f.as_ref().filter(|_| stack_level > 0) else { break };
            let mut next = frame_back(ts, cur);
            while let Some(n) = next.as_ref().filter(|n| is_internal_frame(n)) {
                next = frame_back(ts, n);
            }
            f = next;
        }
    }
    let (globals, filename, lineno) = match f.as_ref().and_then(|f| f.downcast::<crate::types::frame::PyFrameObject>().map(|o| (o, f))) {
        Some((o, fv)) => (o.globals().clone(), frame_filename(fv).unwrap_or_else(|| pystr::new_str("sys")), o.lineno() as i64),
        None => {
            let sys = ts.interp().sys();
            let d = crate::types::module::module_dict(&sys).unwrap_or_else(dict::new_dict);
            (d, pystr::new_str("sys"), 1)
        }
    };
    let reg_key = pystr::intern("__warningregistry__");
    let registry = match dict::dict_get_item(ts, &globals, &reg_key)? {
        Some(r) => r,
        None => {
            let r = dict::new_dict();
            dict::dict_set_item(ts, &globals, reg_key, r.clone())?;
            r
        }
    };
    let module = match dict::dict_get_item(ts, &globals, &pystr::intern("__name__"))? {
        Some(m) if none::is_none(&m) || pystr::as_pystr(&m).is_some() => m,
        _ => pystr::new_str("<string>"),
    };
    Ok((filename, lineno, module, registry))
}

/// The category of a warning: the message's class for a Warning instance,
/// UserWarning for None; it must be a Warning subclass.
fn get_category(ts: &ThreadState, message: &Value, category: Option<&Value>) -> PyResult<Value> {
    let category = if protocol::isinstance(ts, message, &exc::WARNING.to_value())? {
        message.type_of().to_value()
    } else {
        match category.filter(|c| !none::is_none(c)) {
            Some(c) => c.clone(),
            None => exc::USER_WARNING.to_value(),
        }
    };
    let ok = protocol::as_pytype(&category).is_some() && protocol::issubclass(ts, &category, &exc::WARNING.to_value()).unwrap_or(false);
    if !ok {
        return Err(PyErr::type_error(format!("category must be a Warning subclass, not '{}'", protocol::type_name(&category))));
    }
    Ok(category)
}

/// Warn as from the Python code `stack_level` frames up (CPython's do_warn).
pub(crate) fn do_warn(ts: &ThreadState, message: &Value, category: &Value, stack_level: isize, source: Option<&Value>) -> PyResult<()> {
    let (filename, lineno, module, registry) = setup_context(ts, stack_level)?;
    warn_explicit_impl(ts, category, message, &filename, lineno, Some(&module), Some(&registry), None, source)
}

fn w_warn(ts: &ThreadState, _m: &Value, a: Args, k: Kw) -> PyResult<Value> {
    let [message, category, stacklevel, source] = args::bind("warn", a, k, ["message", "category", "stacklevel", "source"], 0, 1, 4)?;
    let message = message.unwrap_or_else(none::none);
    let stacklevel = match stacklevel {
        Some(s) => int::ssize_arg(ts, &s)?,
        None => 1,
    };
    let category = get_category(ts, &message, category.as_ref())?;
    do_warn(ts, &message, &category, stacklevel, source.as_ref().filter(|s| !none::is_none(s)))?;
    Ok(none::none())
}

/// A loader's view of line `lineno` of the module of `globals` (None when
/// the loader has no source).
fn globals_source_line(ts: &ThreadState, globals: &Value, lineno: i64) -> PyResult<Option<Value>> {
    let Some(loader) = dict::dict_get_item(ts, globals, &pystr::intern("__loader__"))? else { return Ok(None) };
    let Some(name) = dict::dict_get_item(ts, globals, &pystr::intern("__name__"))? else { return Ok(None) };
    let Some(get_source) = protocol::lookup_attr(ts, &loader, &pystr::intern("get_source"))? else { return Ok(None) };
    let source = protocol::call(ts, &get_source, &[name], None)?;
    if none::is_none(&source) {
        return Ok(None);
    }
    let lines = protocol::call_method(ts, &source, "splitlines", &[])?;
    let Some(l) = lines.downcast::<list::PyList>() else { return Ok(None) };
    let items = l.items.borrow();
    let at = usize::try_from(lineno - 1).map_err(|_| PyErr::index_error("list index out of range"))?;
    match items.get(at) {
        Some(line) => Ok(Some(line.clone())),
        None => Err(PyErr::index_error("list index out of range")),
    }
}

/// A clinic `int` argument (its overflow messages are _PyLong_AsInt's).
fn c_int(ts: &ThreadState, v: &Value) -> PyResult<i64> {
    let i = protocol::index(ts, v)?;
    match int::to_isize(&i) {
        Some(n) if i32::try_from(n).is_ok() => Ok(n as i64),
        Some(n) if n < 0 => Err(PyErr::overflow_error("signed integer is less than minimum")),
        Some(_) => Err(PyErr::overflow_error("signed integer is greater than maximum")),
        None => Err(PyErr::overflow_error("Python int too large to convert to C long")),
    }
}

fn w_warn_explicit(ts: &ThreadState, _m: &Value, a: Args, k: Kw) -> PyResult<Value> {
    let names = ["message", "category", "filename", "lineno", "module", "registry", "module_globals", "source"];
    let [message, category, filename, lineno, module, registry, module_globals, source] = args::bind("warn_explicit", a, k, names, 0, 4, 8)?;
    let message = message.unwrap_or_else(none::none);
    let category = category.unwrap_or_else(none::none);
    let filename = filename.unwrap_or_else(none::none);
    if pystr::as_pystr(&filename).is_none() {
        return Err(PyErr::type_error(format!("warn_explicit() argument 3 must be str, not {}", protocol::type_name(&filename))));
    }
    let lineno = c_int(ts, &lineno.unwrap_or_else(none::none))?;
    let mut sourceline = None;
    if let Some(g) = module_globals.filter(|g| !none::is_none(g)) {
        if dict::as_dict(&g).is_none() {
            return Err(PyErr::type_error(format!("module_globals must be a dict, not '{}'", protocol::type_name(&g))));
        }
        sourceline = globals_source_line(ts, &g, lineno)?;
    }
    warn_explicit_impl(ts, &category, &message, &filename, lineno, module.as_ref(), registry.as_ref(), sourceline.as_ref(), source.as_ref())?;
    Ok(none::none())
}

fn w_filters_mutated(ts: &ThreadState, _m: &Value, a: Args, k: Kw) -> PyResult<Value> {
    args::exact("_warnings._filters_mutated", a, k, 0)?;
    with_state(ts, |st| st.version += 1)?;
    Ok(none::none())
}

/// Create the `_warnings` module.
pub fn create(ts: &ThreadState) -> PyResult<Value> {
    let (m, d) = super::new_native_module(ts, "_warnings", &[("warn", w_warn), ("warn_explicit", w_warn_explicit), ("_filters_mutated", w_filters_mutated)])?;
    let (filters, once, action) = with_state(ts, |st| (st.filters.clone(), st.once_registry.clone(), st.default_action.clone()))?;
    super::set_attr(ts, &d, "filters", filters)?;
    super::set_attr(ts, &d, "_onceregistry", once)?;
    super::set_attr(ts, &d, "_defaultaction", action)?;
    super::set_attr(
        ts,
        &d,
        "__doc__",
        pystr::new_str("_warnings provides basic warning filtering support.\nIt is a helper module to speed up interpreter start-up."),
    )?;
    Ok(m)
}

#[cfg(test)]
mod tests {
    use super::{normalize_module, nth_source_line};

    #[test]
    fn source_lines() {
        // python3 -S: the C fallback shows "  " + this line, or no line.
        let src = "import _warnings\n\t \x0c_warnings.warn(\"a\")   \nlast";
        assert_eq!(nth_source_line(src, 2).as_deref(), Some("_warnings.warn(\"a\")   "));
        assert_eq!(nth_source_line(src, 3).as_deref(), Some("last"));
        assert_eq!(nth_source_line(src, 4), None);
        assert_eq!(nth_source_line(src, 0), None);
        assert_eq!(nth_source_line(src, -1), None);
    }

    #[test]
    fn module_from_filename() {
        // python3: warnings.warn_explicit derives these module names.
        assert_eq!(normalize_module(""), "<unknown>");
        assert_eq!(normalize_module("a/b.py"), "a/b");
        assert_eq!(normalize_module("x.pyc"), "x.pyc");
        assert_eq!(normalize_module(".py"), "");
    }
}
