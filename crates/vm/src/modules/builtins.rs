//! The `builtins` module (CPython's Python/bltinmodule.c).

use crate::object::protocol;
use crate::object::typeobj::{nb, CallFn, CompareOp, PyType};
use crate::object::value::Value;
use crate::runtime::errors::{PyErr, PyResult};
use crate::runtime::thread::ThreadState;
use crate::types::function::{new_builtin, PyFunction};
use crate::types::{bool_, dict, exceptions as exc, int, list, none, str as pystr, tuple};

type Args<'a> = &'a [Value];

fn arg_parse<'a>(name: &str, a: Args<'a>, k: Option<&Value>, min: usize, max: usize) -> PyResult<&'a [Value]> {
    crate::object::args::positional(name, a, k, min, max)
}

fn one<'a>(name: &str, a: Args<'a>, k: Option<&Value>) -> PyResult<&'a Value> {
    Ok(&crate::object::args::exact(name, a, k, 1)?[0])
}

fn b_abs(ts: &ThreadState, _m: &Value, a: Args, k: Option<&Value>) -> PyResult<Value> {
    protocol::absolute(ts, one("abs", a, k)?)
}

fn b_all(ts: &ThreadState, _m: &Value, a: Args, k: Option<&Value>) -> PyResult<Value> {
    let it = protocol::get_iter(ts, one("all", a, k)?)?;
    while let Some(x) = protocol::next(ts, &it)? {
        if !protocol::is_true(ts, &x)? {
            return Ok(bool_::false_value());
        }
    }
    Ok(bool_::true_value())
}

fn b_any(ts: &ThreadState, _m: &Value, a: Args, k: Option<&Value>) -> PyResult<Value> {
    let it = protocol::get_iter(ts, one("any", a, k)?)?;
    while let Some(x) = protocol::next(ts, &it)? {
        if protocol::is_true(ts, &x)? {
            return Ok(bool_::true_value());
        }
    }
    Ok(bool_::false_value())
}

/// `ascii(obj)`.
pub fn ascii(ts: &ThreadState, v: &Value) -> PyResult<Value> {
    let r = protocol::repr(ts, v)?;
    let s = pystr::as_pystr(&r).ok_or_else(|| PyErr::type_error("repr"))?;
    if s.data.is_ascii() {
        return Ok(r);
    }
    let mut out = String::new();
    for cp in s.data.code_points() {
        if cp < 0x80 {
            out.push(cp as u8 as char);
        } else if cp < 0x100 {
            out.push_str(&format!("\\x{cp:02x}"));
        } else if cp < 0x10000 {
            out.push_str(&format!("\\u{cp:04x}"));
        } else {
            out.push_str(&format!("\\U{cp:08x}"));
        }
    }
    Ok(pystr::new_str(&out))
}

fn b_ascii(ts: &ThreadState, _m: &Value, a: Args, k: Option<&Value>) -> PyResult<Value> {
    ascii(ts, one("ascii", a, k)?)
}

fn int_to_base(ts: &ThreadState, v: &Value, base: u32) -> PyResult<Value> {
    let i = protocol::index(ts, v)?;
    let n = int::as_int(&i).map(|r| r.to_bigint()).unwrap_or_default();
    Ok(pystr::new_str(&crate::numeric::int::to_prefixed_string(&n, base)))
}

fn b_bin(ts: &ThreadState, _m: &Value, a: Args, k: Option<&Value>) -> PyResult<Value> {
    int_to_base(ts, one("bin", a, k)?, 2)
}
fn b_oct(ts: &ThreadState, _m: &Value, a: Args, k: Option<&Value>) -> PyResult<Value> {
    int_to_base(ts, one("oct", a, k)?, 8)
}
fn b_hex(ts: &ThreadState, _m: &Value, a: Args, k: Option<&Value>) -> PyResult<Value> {
    int_to_base(ts, one("hex", a, k)?, 16)
}

fn b_breakpoint(ts: &ThreadState, _m: &Value, a: Args, k: Option<&Value>) -> PyResult<Value> {
    match crate::modules::sys::sys_attr(ts, "breakpointhook") {
        Some(hook) => protocol::call(ts, &hook, a, k),
        None => Err(PyErr::runtime_error("lost sys.breakpointhook")),
    }
}

fn b_callable(_ts: &ThreadState, _m: &Value, a: Args, k: Option<&Value>) -> PyResult<Value> {
    let v = one("callable", a, k)?;
    Ok(bool_::new_bool(v.type_of().data.slots.call.get().is_some()))
}

fn b_chr(ts: &ThreadState, _m: &Value, a: Args, k: Option<&Value>) -> PyResult<Value> {
    let c = c_int(ts, one("chr", a, k)?)?;
    if !(0..=0x10ffff).contains(&c) {
        return Err(PyErr::value_error("chr() arg not in range(0x110000)"));
    }
    Ok(pystr::from_data(crate::stringlib::StrData::from_char(c as u32)))
}

fn b_open(ts: &ThreadState, _m: &Value, a: Args, k: Option<&Value>) -> PyResult<Value> {
    crate::modules::io::open(ts, a, k)
}

fn b_ord(_ts: &ThreadState, _m: &Value, a: Args, k: Option<&Value>) -> PyResult<Value> {
    let v = one("ord", a, k)?;
    if let Some(s) = pystr::as_pystr(v) {
        if s.data.len() == 1 {
            return Ok(int::from_i64(s.data.get(0) as i64));
        }
        return Err(PyErr::type_error(format!(
            "ord() expected a character, but string of length {} found",
            s.data.len()
        )));
    }
    if let Some(b) = crate::types::bytes::try_bytes_data(v).or_else(|| crate::types::bytearray::as_bytearray(v).map(|b| b.data.borrow().clone())) {
        if b.len() == 1 {
            return Ok(int::from_i64(b[0] as i64));
        }
        return Err(PyErr::type_error(format!(
            "ord() expected a character, but string of length {} found",
            b.len()
        )));
    }
    Err(PyErr::type_error(format!(
        "ord() expected string of length 1, but {} found",
        protocol::type_name(v)
    )))
}

/// Flags compile() accepts: the `__future__` flags, CO_NESTED and
/// PyCF_DONT_IMPLY_DEDENT, PyCF_ONLY_AST, PyCF_TYPE_COMMENTS,
/// PyCF_ALLOW_TOP_LEVEL_AWAIT and PyCF_ALLOW_INCOMPLETE_INPUT.
const COMPILE_FLAGS_MASK: i64 = 0x1fe_0000 | 0x10 | 0x200 | 0x400 | 0x1000 | 0x2000 | 0x4000;
const PYCF_ONLY_AST: i64 = 0x400;

/// A C int argument ("i" converter): __index__, then the C int range.
fn c_int(ts: &ThreadState, v: &Value) -> PyResult<i64> {
    let i = protocol::index(ts, v)?;
    match int::to_isize(&i) {
        Some(n) if i32::try_from(n).is_ok() => Ok(n as i64),
        _ => Err(PyErr::overflow_error("Python int too large to convert to C int")),
    }
}

/// A file name argument: str, bytes or os.PathLike (PyUnicode_FSDecoder).
pub(crate) fn fs_path(ts: &ThreadState, v: &Value) -> PyResult<String> {
    if let Some(s) = pystr::as_pystr(v) {
        return Ok(s.data.to_string_lossy());
    }
    if let Some(b) = crate::types::bytes::try_bytes_data(v) {
        return Ok(String::from_utf8_lossy(&b).into_owned());
    }
    if let Some(p) = protocol::call_special(ts, v, "__fspath__", &[])? {
        if pystr::as_pystr(&p).is_some() || crate::types::bytes::try_bytes_data(&p).is_some() {
            return fs_path(ts, &p);
        }
        return Err(PyErr::type_error(format!(
            "expected {}.__fspath__() to return str or bytes, not {}",
            protocol::type_name(v),
            protocol::type_name(&p)
        )));
    }
    Err(PyErr::type_error(format!("expected str, bytes or os.PathLike object, not {}", protocol::type_name(v))))
}

fn b_compile(ts: &ThreadState, _m: &Value, a: Args, k: Option<&Value>) -> PyResult<Value> {
    let [source, filename, mode, flags, dont_inherit, optimize, _fv] = crate::object::args::bind(
        "compile",
        a,
        k,
        ["source", "filename", "mode", "flags", "dont_inherit", "optimize", "_feature_version"],
        0,
        3,
        6,
    )?;
    let source = source.unwrap_or_else(none::none);
    let filename = fs_path(ts, &filename.unwrap_or_else(none::none))?;
    let mode = mode.unwrap_or_else(none::none);
    let Some(mode) = pystr::try_as_rust_str(&mode).map(|m| m.to_string()) else {
        return Err(PyErr::type_error(format!("compile() argument 'mode' must be str, not {}", protocol::type_name(&mode))));
    };
    let flags = match flags {
        Some(f) => c_int(ts, &f)?,
        None => 0,
    };
    if let Some(d) = dont_inherit {
        c_int(ts, &d)?;
    }
    let optimize = match optimize {
        Some(o) => c_int(ts, &o)?,
        None => -1,
    };
    if flags & !COMPILE_FLAGS_MASK != 0 {
        return Err(PyErr::value_error("compile(): unrecognised flags"));
    }
    if !(-1..=2).contains(&optimize) {
        return Err(PyErr::value_error("compile(): invalid optimize value"));
    }
    let only_ast = flags & PYCF_ONLY_AST != 0;
    match mode.as_str() {
        "exec" | "eval" | "single" => {}
        "func_type" if !only_ast => {
            return Err(PyErr::value_error("compile() mode 'func_type' requires flag PyCF_ONLY_AST"));
        }
        "func_type" => {}
        _ if only_ast => {
            return Err(PyErr::value_error("compile() mode must be 'exec', 'eval', 'single' or 'func_type'"));
        }
        _ => return Err(PyErr::value_error("compile() mode must be 'exec', 'eval' or 'single'")),
    }
    // Strings and buffers are never AST objects: no need to create `_ast`.
    let maybe_ast = pystr::as_pystr(&source).is_none() && !crate::types::bytes::has_buffer(&source);
    if maybe_ast && super::_ast::is_ast(ts, &source)? {
        if only_ast {
            return Ok(source);
        }
        return super::_ast::compile_object(ts, &source, &filename, &mode, flags, optimize as isize);
    }
    if only_ast {
        let src = source_bytes(ts, &source, "compile", "string, bytes or AST")?;
        return super::_ast::parse_to_object(ts, &src, &filename, &mode).inspect_err(|e| {
            if e.matches(&exc::SYNTAX_ERROR) {
                let _ = add_newline_to_error_text(ts, e, &src, &mode);
            }
        });
    }
    let src = source_bytes(ts, &source, "compile", "string, bytes or AST")?;
    compile_checked(ts, &src, &filename, &mode, optimize as isize)
}

/// Compile, giving SyntaxError.text the line as CPython's tokenizer holds
/// it (see `error_line_with_newline`).
fn compile_checked(ts: &ThreadState, src: &[u8], filename: &str, mode: &str, optimize: isize) -> PyResult<Value> {
    crate::runtime::pythonrun::compile_source(ts, src, filename, mode, optimize).inspect_err(|e| {
        if e.matches(&exc::SYNTAX_ERROR) {
            let _ = add_newline_to_error_text(ts, e, src, mode);
        }
    })
}

/// Messages of errors the tokenizer raises itself: their text stops
/// before the newline.
const TOKENIZER_ERRORS: [&str; 7] = [
    "unmatched ",
    "closing parenthesis ",
    "unterminated ",
    "invalid character",
    "invalid non-printable",
    "unindent does not match",
    "inconsistent use of tabs",
];

/// Whether CPython's SyntaxError.text for an error on line `lineno` (of
/// `nlines`) keeps the line's newline: parser errors take the line from the
/// tokenizer's buffer, newline included, and in exec mode the tokenizer
/// adds a newline at the end of the source; "was never closed" on an
/// earlier line and the tokenizer's own errors take the line without it.
fn error_line_with_newline(msg: &str, mode: &str, lineno: usize, nlines: usize, has_newline: bool) -> bool {
    if TOKENIZER_ERRORS.iter().any(|p| msg.starts_with(p)) {
        return false;
    }
    if msg.ends_with("was never closed") && lineno != nlines {
        return false;
    }
    has_newline || mode == "exec"
}

fn add_newline_to_error_text(ts: &ThreadState, e: &PyErr, src: &[u8], mode: &str) -> PyResult<()> {
    let err = e.value();
    let text = protocol::getattr_str(ts, err, "text")?;
    let lineno = protocol::getattr_str(ts, err, "lineno")?;
    let msg = protocol::getattr_str(ts, err, "msg")?;
    let (Some(text), Some(lineno), Some(msg)) =
        (pystr::try_as_rust_str(&text).map(|t| t.to_string()), int::to_isize(&lineno), pystr::try_as_rust_str(&msg))
    else {
        return Ok(());
    };
    let text = text.strip_suffix('\n').unwrap_or(&text).to_string();
    if lineno < 1 {
        return Ok(());
    }
    let lines: Vec<&[u8]> = src.split_inclusive(|b| *b == b'\n').collect();
    let Some(line) = lines.get(lineno as usize - 1) else {
        return Ok(());
    };
    let line = String::from_utf8_lossy(line);
    let (body, has_newline) = match line.strip_suffix('\n') {
        Some(l) => (l.strip_suffix('\r').unwrap_or(l), true),
        None => (line.as_ref(), false),
    };
    if body != text {
        return Ok(());
    }
    let want = if error_line_with_newline(&msg, mode, lineno as usize, lines.len(), has_newline) {
        format!("{text}\n")
    } else {
        text
    };
    protocol::setattr(ts, err, &pystr::intern("text"), Some(&pystr::new_str(&want)))
}

/// Source text of compile/exec/eval as bytes (CPython's _Py_SourceAsString).
fn source_bytes(ts: &ThreadState, v: &Value, fname: &str, what: &str) -> PyResult<Vec<u8>> {
    let bytes = if let Some(s) = pystr::as_pystr(v) {
        match s.data.as_str() {
            Some(t) => t.as_bytes().to_vec(),
            None => {
                use crate::stringlib::codecs;
                codecs::encode(codecs::Encoding::Utf8, &s.data, codecs::ErrorHandler::Strict).map_err(|e| {
                    let msg = codecs::encode_error_message(e.encoding, &s.data, e.start, e.end, e.reason);
                    PyErr::new(&exc::UNICODE_ENCODE_ERROR, msg)
                })?
            }
        }
    } else {
        crate::types::bytes::bytes_like(ts, v)
            .map_err(|_| PyErr::type_error(format!("{fname}() arg 1 must be a {what} object")))?
    };
    if bytes.contains(&0) {
        return Err(PyErr::new(&exc::SYNTAX_ERROR, "source code string cannot contain null bytes"));
    }
    Ok(bytes)
}

fn b_delattr(ts: &ThreadState, _m: &Value, a: Args, k: Option<&Value>) -> PyResult<Value> {
    let a = arg_parse("delattr", a, k, 2, 2)?;
    check_attr_name(&a[1])?;
    protocol::setattr(ts, &a[0], &a[1], None)?;
    Ok(none::none())
}

fn check_attr_name(n: &Value) -> PyResult<()> {
    if pystr::as_pystr(n).is_none() {
        return Err(PyErr::type_error(format!("attribute name must be string, not '{}'", protocol::type_name(n))));
    }
    Ok(())
}

fn b_dir(ts: &ThreadState, _m: &Value, a: Args, k: Option<&Value>) -> PyResult<Value> {
    let a = arg_parse("dir", a, k, 0, 1)?;
    let names = match a.first() {
        None => {
            let f = ts.current_frame.get();
            // SAFETY: the current frame is live (it called us).
            let locals = unsafe { (!f.is_null()).then(|| current_locals(ts, &*f)) }.transpose()?;
            match locals {
                Some(l) => protocol::collect(ts, &l)?,
                None => vec![],
            }
        }
        Some(o) => {
            let Some(d) = o.type_of().data.lookup_str("__dir__") else {
                return Err(PyErr::type_error("object does not provide __dir__"));
            };
            let object_dir = crate::types::object::OBJECT_TYPE.data.lookup_str("__dir__");
            let inherits_object_dir = object_dir.is_some_and(|od| od.is(&d));
            if inherits_object_dir && o.downcast::<crate::types::module::PyModule>().is_some() {
                // ModuleType.__dir__: the module's `__dir__` function, else its namespace.
                let md = protocol::getattr_str(ts, o, "__dict__")?;
                if dict::as_dict(&md).is_none() {
                    return Err(PyErr::type_error("<module>.__dict__ is not a dictionary"));
                }
                let names = match dict::dict_get_item(ts, &md, &pystr::intern("__dir__"))? {
                    Some(f) => protocol::call(ts, &f, &[], None)?,
                    None => list::new_list(protocol::collect(ts, &md)?)?,
                };
                let mut names = protocol::collect(ts, &names)?;
                list::sort_values(ts, &mut names, None, false)?;
                return list::new_list(names);
            }
            if o.as_type().is_some() && inherits_object_dir {
                // The metatype has no `__dir__` of its own: list the class
                // and its bases as type.__dir__ does.
                let names = dict::new_dict();
                merge_class_dict(ts, &names, o, 0)?;
                let mut names = dict::as_dict(&names).map(|n| n.keys()).unwrap_or_default();
                list::sort_values(ts, &mut names, None, false)?;
                return list::new_list(names);
            }
            let bound = protocol::bind_descriptor(ts, &d, o)?;
            let r = protocol::call(ts, &bound, &[], None)?;
            protocol::collect(ts, &r)?
        }
    };
    let mut names = names;
    list::sort_values(ts, &mut names, None, false)?;
    list::new_list(names)
}

/// Bound on the nesting of `__bases__` that dir() follows (user classes
/// can fake `__bases__` into a cycle).
const MAX_BASES_DEPTH: usize = 1000;

/// Add the attribute names of a class and of its bases, recursively, to
/// `names` (CPython's merge_class_dict).
fn merge_class_dict(ts: &ThreadState, names: &Value, cls: &Value, depth: usize) -> PyResult<()> {
    if depth > MAX_BASES_DEPTH {
        return Err(PyErr::recursion_error("maximum recursion depth exceeded while calling a Python object"));
    }
    // A class's own namespace, read directly: `cls.__dict__` can be
    // shadowed by a metaclass.
    let (d, bases) = match cls.as_type() {
        Some(t) => (Some(t.dict()), Some(t.bases())),
        None => (
            protocol::lookup_attr(ts, cls, &pystr::intern("__dict__"))?,
            protocol::lookup_attr(ts, cls, &pystr::intern("__bases__"))?,
        ),
    };
    if let Some(d) = d {
        for k in protocol::collect(ts, &d)? {
            dict::dict_set_item(ts, names, k, none::none())?;
        }
    }
    if let Some(bases) = bases {
        for b in protocol::collect(ts, &bases)? {
            merge_class_dict(ts, names, &b, depth + 1)?;
        }
    }
    Ok(())
}

fn b_divmod(ts: &ThreadState, _m: &Value, a: Args, k: Option<&Value>) -> PyResult<Value> {
    let a = arg_parse("divmod", a, k, 2, 2)?;
    let (x, y) = (&a[0], &a[1]);
    if int::is_int(x) && int::is_int(y) {
        return int::divmod(ts, x, y);
    }
    let is_num = |v: &Value| int::is_int(v) || crate::types::float::as_float_exact_payload(v).is_some();
    if is_num(x) && is_num(y) && (x.type_of().data.lookup_str("__divmod__").is_none() || !x.type_of().data.is_heap_type()) && !y.type_of().data.is_heap_type() {
        return crate::types::float::divmod(ts, x, y);
    }
    if let Some(r) = protocol::call_special(ts, x, "__divmod__", std::slice::from_ref(y))? {
        if !r.is(&none::not_implemented()) {
            return Ok(r);
        }
    }
    if let Some(r) = protocol::call_special(ts, y, "__rdivmod__", std::slice::from_ref(x))? {
        if !r.is(&none::not_implemented()) {
            return Ok(r);
        }
    }
    if is_num(x) && is_num(y) {
        return crate::types::float::divmod(ts, x, y);
    }
    Err(PyErr::type_error(format!(
        "unsupported operand type(s) for divmod(): '{}' and '{}'",
        protocol::type_name(x),
        protocol::type_name(y)
    )))
}

/// The frame's globals and locals, for eval/exec without explicit ones.
fn frame_namespaces(ts: &ThreadState, fname: &str, want_locals: bool) -> PyResult<(Value, Option<Value>)> {
    let f = ts.current_frame.get();
    if f.is_null() {
        return Err(PyErr::system_error(if fname == "eval" {
            "eval must be given globals and locals when called without a frame"
        } else {
            "globals and locals cannot be NULL"
        }));
    }
    // SAFETY: the calling frame is live while it calls us.
    let fr = unsafe { &*f };
    let locals = if want_locals { Some(current_locals(ts, fr)?) } else { None };
    Ok((fr.globals.clone(), locals))
}

/// Whether `v` passes PyMapping_Check (its type can subscript).
fn is_mapping(v: &Value) -> bool {
    v.type_of().data.slots.subscript.get().is_some()
}

fn ensure_builtins(ts: &ThreadState, g: &Value) -> PyResult<()> {
    if dict::dict_get_str(g, &pystr::intern("__builtins__")).is_none() {
        dict::dict_set_item(ts, g, pystr::intern("__builtins__"), crate::modules::builtins_module(ts))?;
    }
    Ok(())
}

fn free_var_count(code: &crate::types::code::PyCode) -> usize {
    code.code.co_freevars().len()
}

fn b_eval(ts: &ThreadState, _m: &Value, a: Args, k: Option<&Value>) -> PyResult<Value> {
    let a = arg_parse("eval", a, k, 1, 3)?;
    let src = &a[0];
    let globals = a.get(1).filter(|g| !none::is_none(g)).cloned();
    let locals = a.get(2).filter(|l| !none::is_none(l)).cloned();
    if let Some(l) = &locals {
        if !is_mapping(l) {
            return Err(PyErr::type_error("locals must be a mapping"));
        }
    }
    if let Some(g) = &globals {
        if dict::as_dict(g).is_none() {
            return Err(PyErr::type_error(if is_mapping(g) {
                "globals must be a real dict; try eval(expr, {}, mapping)"
            } else {
                "globals must be a dict"
            }));
        }
    }
    let (g, l) = match (globals, locals) {
        (Some(g), Some(l)) => (g, l),
        (Some(g), None) => (g.clone(), g),
        (None, Some(l)) => (frame_namespaces(ts, "eval", false)?.0, l),
        (None, None) => {
            let (g, l) = frame_namespaces(ts, "eval", true)?;
            (g.clone(), l.unwrap_or(g))
        }
    };
    ensure_builtins(ts, &g)?;
    if let Some(code) = src.downcast::<crate::types::code::PyCode>() {
        if free_var_count(code) > 0 {
            return Err(PyErr::type_error("code object passed to eval() may not contain free variables"));
        }
        return crate::eval::ceval::eval_code(ts, src, &g, Some(&l));
    }
    let bytes = source_bytes(ts, src, "eval", "string, bytes or code")?;
    // eval ignores leading spaces and tabs.
    let start = bytes.iter().position(|b| *b != b' ' && *b != b'\t').unwrap_or(bytes.len());
    let code = compile_checked(ts, &bytes[start..], "<string>", "eval", -1)?;
    crate::eval::ceval::eval_code(ts, &code, &g, Some(&l))
}

fn b_exec(ts: &ThreadState, _m: &Value, a: Args, k: Option<&Value>) -> PyResult<Value> {
    let [src, globals, locals, closure] =
        crate::object::args::bind("exec", a, k, ["source", "globals", "locals", "closure"], 3, 1, 3)?;
    let src = src.unwrap_or_else(none::none);
    let globals = globals.filter(|g| !none::is_none(g));
    let locals = locals.filter(|l| !none::is_none(l));
    let (g, l) = match (globals, locals) {
        (Some(g), Some(l)) => (g, l),
        (Some(g), None) => (g.clone(), g),
        (None, Some(l)) => (frame_namespaces(ts, "exec", false)?.0, l),
        (None, None) => {
            let (g, l) = frame_namespaces(ts, "exec", true)?;
            (g.clone(), l.unwrap_or(g))
        }
    };
    if dict::as_dict(&g).is_none() {
        return Err(PyErr::type_error(format!("exec() globals must be a dict, not {}", protocol::type_name(&g))));
    }
    if !is_mapping(&l) {
        return Err(PyErr::type_error(format!("locals must be a mapping or None, not {}", protocol::type_name(&l))));
    }
    ensure_builtins(ts, &g)?;
    let closure = closure.filter(|c| !none::is_none(c));
    if let Some(code) = src.downcast::<crate::types::code::PyCode>() {
        let nfree = free_var_count(code);
        if nfree == 0 {
            if closure.is_some() {
                return Err(PyErr::type_error("cannot use a closure with this code object"));
            }
            crate::eval::ceval::eval_code(ts, &src, &g, Some(&l))?;
            return Ok(none::none());
        }
        let ok = closure.as_ref().is_some_and(|c| {
            c.is_exact(&tuple::TUPLE_TYPE)
                && tuple::tuple_items(c).len() == nfree
                && tuple::tuple_items(c).iter().all(|x| x.downcast::<crate::types::cell::PyCell>().is_some())
        });
        let Some(closure) = closure.filter(|_| ok) else {
            return Err(PyErr::type_error(format!("code object requires a closure of exactly length {nfree}")));
        };
        let func = PyFunction::new(src.clone(), g.clone(), None)?.with_closure(Some(closure));
        crate::eval::ceval::eval_code_with_closure(ts, &Value::new(func)?, l)?;
        return Ok(none::none());
    }
    if closure.is_some() {
        return Err(PyErr::type_error("closure can only be used when source is a code object"));
    }
    let bytes = source_bytes(ts, &src, "exec", "string, bytes or code")?;
    let code = compile_checked(ts, &bytes, "<string>", "exec", -1)?;
    crate::eval::ceval::eval_code(ts, &code, &g, Some(&l))?;
    Ok(none::none())
}

/// `format(value, spec)`.
pub fn format(ts: &ThreadState, v: &Value, spec: Option<&Value>) -> PyResult<Value> {
    let empty = pystr::intern("");
    let spec = spec.unwrap_or(&empty);
    if pystr::as_pystr(spec).is_none() {
        return Err(PyErr::type_error(format!(
            "format() argument 2 must be str, not {}",
            protocol::type_name(spec)
        )));
    }
    if pystr::str_len(spec) == 0 {
        if v.is_exact(&pystr::STR_TYPE) {
            return Ok(v.clone());
        }
        if v.as_small_int().is_some() {
            return protocol::str(ts, v);
        }
    }
    let Some(f) = v.type_of().data.lookup_str("__format__") else {
        return Err(PyErr::type_error(format!("Type {} doesn't define __format__", protocol::type_name(v))));
    };
    // A native __format__ (int's, float's, str's...) is called as is,
    // without making a bound method first.
    let r = match f.downcast_exact::<crate::types::descr::PyMethodDescr>() {
        Some(m) if m.kind == crate::types::descr::MethodKind::Instance && v.type_of().is_subtype(m.owner) => {
            (m.func)(ts, v, std::slice::from_ref(spec), None)?
        }
        _ => {
            let bound = protocol::bind_descriptor(ts, &f, v)?;
            protocol::call(ts, &bound, std::slice::from_ref(spec), None)?
        }
    };
    if pystr::as_pystr(&r).is_none() {
        return Err(PyErr::type_error(format!(
            "__format__ must return a str, not {}",
            protocol::type_name(&r)
        )));
    }
    Ok(r)
}

fn b_format(ts: &ThreadState, _m: &Value, a: Args, k: Option<&Value>) -> PyResult<Value> {
    let a = arg_parse("format", a, k, 1, 2)?;
    format(ts, &a[0], a.get(1))
}

fn b_getattr(ts: &ThreadState, _m: &Value, a: Args, k: Option<&Value>) -> PyResult<Value> {
    let a = arg_parse("getattr", a, k, 2, 3)?;
    check_attr_name(&a[1])?;
    match a.get(2) {
        None => protocol::getattr(ts, &a[0], &a[1]),
        Some(d) => Ok(protocol::lookup_attr(ts, &a[0], &a[1])?.unwrap_or_else(|| d.clone())),
    }
}

fn b_hasattr(ts: &ThreadState, _m: &Value, a: Args, k: Option<&Value>) -> PyResult<Value> {
    let a = arg_parse("hasattr", a, k, 2, 2)?;
    check_attr_name(&a[1])?;
    Ok(bool_::new_bool(protocol::lookup_attr(ts, &a[0], &a[1])?.is_some()))
}

fn b_setattr(ts: &ThreadState, _m: &Value, a: Args, k: Option<&Value>) -> PyResult<Value> {
    let a = arg_parse("setattr", a, k, 3, 3)?;
    check_attr_name(&a[1])?;
    protocol::setattr(ts, &a[0], &a[1], Some(&a[2]))?;
    Ok(none::none())
}

fn b_globals(ts: &ThreadState, _m: &Value, a: Args, k: Option<&Value>) -> PyResult<Value> {
    crate::object::args::exact("globals", a, k, 0)?;
    crate::eval::ceval::current_globals(ts).ok_or_else(|| PyErr::system_error("no current frame"))
}

/// The locals mapping of a frame (a snapshot dict for function frames).
pub fn current_locals(ts: &ThreadState, f: &crate::eval::frame::Frame) -> PyResult<Value> {
    if let Some(l) = &f.locals {
        return Ok(l.clone());
    }
    let fo = crate::types::frame::frame_object(ts, f);
    protocol::getattr_str(ts, &fo, "f_locals")
}

fn b_locals(ts: &ThreadState, _m: &Value, a: Args, k: Option<&Value>) -> PyResult<Value> {
    crate::object::args::exact("locals", a, k, 0)?;
    let f = ts.current_frame.get();
    if f.is_null() {
        return Err(PyErr::system_error("no current frame"));
    }
    // SAFETY: the calling frame is live.
    current_locals(ts, unsafe { &*f })
}

fn b_vars(ts: &ThreadState, m: &Value, a: Args, k: Option<&Value>) -> PyResult<Value> {
    let a = arg_parse("vars", a, k, 0, 1)?;
    match a.first() {
        None => b_locals(ts, m, &[], None),
        Some(o) => protocol::lookup_attr(ts, o, &pystr::intern("__dict__"))?
            .ok_or_else(|| PyErr::type_error("vars() argument must have __dict__ attribute")),
    }
}

fn b_hash(ts: &ThreadState, _m: &Value, a: Args, k: Option<&Value>) -> PyResult<Value> {
    Ok(int::from_i64(protocol::hash(ts, one("hash", a, k)?)? as i64))
}

fn b_id(_ts: &ThreadState, _m: &Value, a: Args, k: Option<&Value>) -> PyResult<Value> {
    let v = one("id", a, k)?;
    Ok(int::from_bigint(num_bigint::BigInt::from(v.id())))
}

fn b_input(ts: &ThreadState, _m: &Value, a: Args, k: Option<&Value>) -> PyResult<Value> {
    use crate::modules::sys::get_stream;
    let a = arg_parse("input", a, k, 0, 1)?;
    let Some(fin) = get_stream(ts, "stdin") else {
        return Err(PyErr::runtime_error("input(): lost sys.stdin"));
    };
    let Some(fout) = get_stream(ts, "stdout") else {
        return Err(PyErr::runtime_error("input(): lost sys.stdout"));
    };
    let Some(ferr) = get_stream(ts, "stderr") else {
        return Err(PyErr::runtime_error("input(): lost sys.stderr"));
    };
    // Flush failures of stderr and stdout are ignored, as CPython does.
    let _ = protocol::call_method(ts, &ferr, "flush", &[]);
    if let Some(p) = a.first() {
        let s = protocol::str(ts, p)?;
        protocol::call_method(ts, &fout, "write", &[s])?;
    }
    let _ = protocol::call_method(ts, &fout, "flush", &[]);
    let line = protocol::call_method(ts, &fin, "readline", &[])?;
    let Some(s) = pystr::as_pystr(&line) else {
        return Err(PyErr::type_error("object.readline() returned non-string"));
    };
    if s.data.is_empty() {
        return Err(PyErr::with_args(&exc::EOF_ERROR, vec![pystr::new_str("EOF when reading a line")]));
    }
    if s.data.get(s.data.len() - 1) == u32::from(b'\n') {
        let all_but_last = crate::types::slice::new_slice(none::none(), int::from_i64(-1), none::none())?;
        return protocol::getitem(ts, &line, &all_but_last);
    }
    Ok(line.clone())
}

fn b_isinstance(ts: &ThreadState, _m: &Value, a: Args, k: Option<&Value>) -> PyResult<Value> {
    let a = arg_parse("isinstance", a, k, 2, 2)?;
    Ok(bool_::new_bool(protocol::isinstance(ts, &a[0], &a[1])?))
}

fn b_issubclass(ts: &ThreadState, _m: &Value, a: Args, k: Option<&Value>) -> PyResult<Value> {
    let a = arg_parse("issubclass", a, k, 2, 2)?;
    Ok(bool_::new_bool(protocol::issubclass(ts, &a[0], &a[1])?))
}

fn b_iter(ts: &ThreadState, _m: &Value, a: Args, k: Option<&Value>) -> PyResult<Value> {
    let a = arg_parse("iter", a, k, 1, 2)?;
    match a.get(1) {
        None => protocol::get_iter(ts, &a[0]),
        Some(sentinel) => {
            if a[0].type_of().data.slots.call.get().is_none() {
                return Err(PyErr::type_error("iter(v, w): v must be callable"));
            }
            crate::types::iter::new_callable_iter(a[0].clone(), sentinel.clone())
        }
    }
}

fn b_aiter(ts: &ThreadState, _m: &Value, a: Args, k: Option<&Value>) -> PyResult<Value> {
    let v = one("aiter", a, k)?;
    let Some(f) = v.type_of().data.lookup_str("__aiter__") else {
        return Err(PyErr::type_error(format!("'{}' object is not an async iterable", protocol::type_name(v))));
    };
    let bound = protocol::bind_descriptor(ts, &f, v)?;
    let it = protocol::call(ts, &bound, &[], None)?;
    if it.type_of().data.lookup_str("__anext__").is_none() {
        return Err(PyErr::type_error(format!(
            "aiter() returned not an async iterator of type '{}'",
            protocol::type_name(&it)
        )));
    }
    Ok(it)
}

fn b_anext(ts: &ThreadState, _m: &Value, a: Args, k: Option<&Value>) -> PyResult<Value> {
    let a = arg_parse("anext", a, k, 1, 2)?;
    let v = &a[0];
    let Some(f) = v.type_of().data.lookup_str("__anext__") else {
        return Err(PyErr::type_error(format!("'{}' object is not an async iterator", protocol::type_name(v))));
    };
    if a.len() > 1 {
        return crate::types::generator::new_anext_awaitable(v.clone(), a[1].clone());
    }
    let bound = protocol::bind_descriptor(ts, &f, v)?;
    protocol::call(ts, &bound, &[], None)
}

fn b_len(ts: &ThreadState, _m: &Value, a: Args, k: Option<&Value>) -> PyResult<Value> {
    let v = one("len", a, k)?;
    Ok(int::from_i64(protocol::len(ts, v)? as i64))
}

fn min_max(ts: &ThreadState, a: Args, k: Option<&Value>, name: &str, op: CompareOp) -> PyResult<Value> {
    let npos = crate::object::args::npositional(a, k);
    let mut key = None;
    let mut default = None;
    if let Some(kn) = k {
        let n = tuple::tuple_items(kn).len();
        if n > 2 {
            return Err(PyErr::type_error(format!("{name}() takes at most 2 keyword arguments ({n} given)")));
        }
        for (j, n) in tuple::tuple_items(kn).iter().enumerate() {
            match pystr::as_rust_str(n).as_ref() {
                "key" => key = Some(a[npos + j].clone()).filter(|x| !none::is_none(x)),
                "default" => default = Some(a[npos + j].clone()),
                other => {
                    return Err(PyErr::type_error(format!("'{other}' is an invalid keyword argument for {name}()")))
                }
            }
        }
    }
    let items = match npos {
        0 => return Err(PyErr::type_error(format!("{name} expected at least 1 argument, got 0"))),
        1 => protocol::collect(ts, &a[0])?,
        _ => {
            if default.is_some() {
                return Err(PyErr::type_error(format!(
                    "Cannot specify a default for {name}() with multiple positional arguments"
                )));
            }
            a[..npos].to_vec()
        }
    };
    let mut best: Option<(Value, Value)> = None;
    for it in items {
        let kv = match &key {
            Some(f) => protocol::call(ts, f, std::slice::from_ref(&it), None)?,
            None => it.clone(),
        };
        best = match best {
            None => Some((kv, it)),
            Some((bk, bv)) => {
                if protocol::compare_bool(ts, &kv, &bk, op)? {
                    Some((kv, it))
                } else {
                    Some((bk, bv))
                }
            }
        };
    }
    match best {
        Some((_, v)) => Ok(v),
        None => default.ok_or_else(|| PyErr::value_error(format!("{name}() arg is an empty sequence"))),
    }
}

fn b_max(ts: &ThreadState, _m: &Value, a: Args, k: Option<&Value>) -> PyResult<Value> {
    min_max(ts, a, k, "max", CompareOp::Gt)
}
fn b_min(ts: &ThreadState, _m: &Value, a: Args, k: Option<&Value>) -> PyResult<Value> {
    min_max(ts, a, k, "min", CompareOp::Lt)
}

fn b_next(ts: &ThreadState, _m: &Value, a: Args, k: Option<&Value>) -> PyResult<Value> {
    let a = arg_parse("next", a, k, 1, 2)?;
    let it = &a[0];
    if it.type_of().data.slots.iternext.get().is_none() {
        return Err(PyErr::type_error(format!("'{}' object is not an iterator", protocol::type_name(it))));
    }
    let iternext = it.type_of().data.slots.iternext.get().ok_or_else(|| PyErr::type_error("not an iterator"))?;
    match iternext(ts, it) {
        Ok(Some(v)) => Ok(v),
        Ok(None) => a.get(1).cloned().ok_or_else(|| PyErr::stop_iteration(None)),
        Err(e) if e.matches(&exc::STOP_ITERATION) && a.len() > 1 => Ok(a[1].clone()),
        Err(e) => Err(e),
    }
}

fn b_pow(ts: &ThreadState, _m: &Value, a: Args, k: Option<&Value>) -> PyResult<Value> {
    let [base, exp, m] = crate::object::args::bind("pow", a, k, ["base", "exp", "mod"], 0, 2, 3)?;
    let (base, exp) = (base.unwrap_or_else(none::none), exp.unwrap_or_else(none::none));
    match m.filter(|x| !none::is_none(x)) {
        Some(m) => protocol::power3(ts, &base, &exp, &m),
        None => protocol::binary_op(ts, &base, &exp, nb::POWER),
    }
}

fn b_print(ts: &ThreadState, _m: &Value, a: Args, k: Option<&Value>) -> PyResult<Value> {
    let npos = crate::object::args::npositional(a, k);
    let (mut sep, mut end, mut file, mut flush) = (None, None, None, None);
    if let Some(kn) = k {
        for (j, n) in tuple::tuple_items(kn).iter().enumerate() {
            let v = a[npos + j].clone();
            match pystr::as_rust_str(n).as_ref() {
                "sep" => sep = Some(v),
                "end" => end = Some(v),
                "file" => file = Some(v),
                "flush" => flush = Some(v),
                other => {
                    return Err(PyErr::type_error(format!("'{other}' is an invalid keyword argument for print()")))
                }
            }
        }
    }
    let check = |v: &Option<Value>, what: &str| -> PyResult<Option<Value>> {
        match v {
            Some(x) if none::is_none(x) => Ok(None),
            Some(x) if pystr::as_pystr(x).is_some() => Ok(Some(x.clone())),
            Some(x) => Err(PyErr::type_error(format!("{what} must be None or a string, not {}", protocol::type_name(x)))),
            None => Ok(None),
        }
    };
    let sep = check(&sep, "sep")?;
    let end = check(&end, "end")?;
    let file = match file.filter(|f| !none::is_none(f)) {
        Some(f) => f,
        None => match crate::modules::sys::get_stream(ts, "stdout") {
            Some(f) => f,
            None => return Ok(none::none()),
        },
    };
    let write = protocol::getattr_str(ts, &file, "write")?;
    for (i, x) in a[..npos].iter().enumerate() {
        if i > 0 {
            let s = sep.clone().unwrap_or_else(|| pystr::intern(" "));
            protocol::call(ts, &write, &[s], None)?;
        }
        let s = protocol::str(ts, x)?;
        protocol::call(ts, &write, &[s], None)?;
    }
    let e = end.unwrap_or_else(|| pystr::intern("\n"));
    protocol::call(ts, &write, &[e], None)?;
    if let Some(fl) = flush {
        if protocol::is_true(ts, &fl)? {
            protocol::call_method(ts, &file, "flush", &[])?;
        }
    }
    Ok(none::none())
}

fn b_repr(ts: &ThreadState, _m: &Value, a: Args, k: Option<&Value>) -> PyResult<Value> {
    protocol::repr(ts, one("repr", a, k)?)
}

fn b_round(ts: &ThreadState, _m: &Value, a: Args, k: Option<&Value>) -> PyResult<Value> {
    let [number, ndigits] = crate::object::args::bind("round", a, k, ["number", "ndigits"], 0, 1, 2)?;
    let number = number.unwrap_or_else(none::none);
    let Some(f) = number.type_of().data.lookup_str("__round__") else {
        return Err(PyErr::type_error(format!(
            "type {} doesn't define __round__ method",
            protocol::type_name(&number)
        )));
    };
    let bound = protocol::bind_descriptor(ts, &f, &number)?;
    match ndigits.filter(|n| !none::is_none(n)) {
        Some(n) => protocol::call(ts, &bound, &[n], None),
        None => protocol::call(ts, &bound, &[], None),
    }
}

fn b_sorted(ts: &ThreadState, _m: &Value, a: Args, k: Option<&Value>) -> PyResult<Value> {
    let npos = crate::object::args::npositional(a, k);
    if npos != 1 {
        return Err(PyErr::type_error(format!("sorted expected 1 argument, got {npos}")));
    }
    let l = list::new_list(protocol::collect(ts, &a[0])?)?;
    let sort = protocol::getattr_str(ts, &l, "sort")?;
    protocol::call(ts, &sort, &a[1..], k)?;
    Ok(l)
}

fn b_sum(ts: &ThreadState, _m: &Value, a: Args, k: Option<&Value>) -> PyResult<Value> {
    let [iterable, start] = crate::object::args::bind("sum", a, k, ["iterable", "start"], 1, 1, 2)?;
    let mut acc = start.unwrap_or_else(|| int::from_i64(0));
    if pystr::as_pystr(&acc).is_some() {
        return Err(PyErr::type_error("sum() can't sum strings [use ''.join(seq) instead]"));
    }
    if crate::types::bytes::try_bytes_data(&acc).is_some() {
        return Err(PyErr::type_error("sum() can't sum bytes [use b''.join(seq) instead]"));
    }
    if crate::types::bytearray::as_bytearray(&acc).is_some() {
        return Err(PyErr::type_error("sum() can't sum bytearray [use b''.join(seq) instead]"));
    }
    let it = protocol::get_iter(ts, &iterable.unwrap_or_else(none::none))?;
    let mut fsum: Option<f64> = None;
    while let Some(x) = protocol::next(ts, &it)? {
        if let (Some(s), Some(v)) = (acc.as_small_int(), x.as_small_int()) {
            if let Some(r) = s.checked_add(v) {
                acc = int::from_i64(r);
                continue;
            }
        }
        if let (Some(af), Some(xf)) = (
            fsum.or_else(|| crate::types::float::as_float_exact_payload(&acc).filter(|_| acc.is_exact(&crate::types::float::FLOAT_TYPE))),
            crate::types::float::as_float_exact_payload(&x).filter(|_| x.is_exact(&crate::types::float::FLOAT_TYPE)),
        ) {
            fsum = Some(af + xf);
            acc = crate::types::float::new_float(af + xf);
            continue;
        }
        fsum = None;
        acc = protocol::binary_op(ts, &acc, &x, nb::ADD)?;
    }
    Ok(acc)
}

fn b_import(ts: &ThreadState, _m: &Value, a: Args, k: Option<&Value>) -> PyResult<Value> {
    let [name, globals, locals, fromlist, level] =
        crate::object::args::bind("__import__", a, k, ["name", "globals", "locals", "fromlist", "level"], 0, 1, 5)?;
    let _ = locals;
    let name = name.unwrap_or_else(none::none);
    if pystr::as_pystr(&name).is_none() {
        return Err(PyErr::type_error("module name must be a string"));
    }
    let level = match level {
        Some(l) => c_int(ts, &l)? as isize,
        None => 0,
    };
    crate::import::import_module_level(ts, &name, globals.as_ref(), fromlist.as_ref(), level)
}

/// `__build_class__(func, name, *bases, metaclass=None, **kwds)`.
fn b_build_class(ts: &ThreadState, _m: &Value, a: Args, k: Option<&Value>) -> PyResult<Value> {
    let npos = crate::object::args::npositional(a, k);
    if npos < 2 {
        return Err(PyErr::type_error("__build_class__: not enough arguments"));
    }
    let func = &a[0];
    if func.downcast::<PyFunction>().is_none() {
        return Err(PyErr::type_error("__build_class__: func must be a function"));
    }
    let name = &a[1];
    if pystr::as_pystr(name).is_none() {
        return Err(PyErr::type_error("__build_class__: name is not a string"));
    }
    let orig_bases: Vec<Value> = a[2..npos].to_vec();
    // PEP 560: __mro_entries__.
    let mut bases = Vec::new();
    let mut changed = false;
    for b in &orig_bases {
        if b.as_type().is_none() {
            if let Some(me) = protocol::lookup_attr(ts, b, &pystr::intern("__mro_entries__"))? {
                let ot = tuple::new_tuple(orig_bases.clone())?;
                let r = protocol::call(ts, &me, &[ot], None)?;
                let Some(items) = tuple::try_tuple_items(&r) else {
                    return Err(PyErr::type_error("__mro_entries__ must return a tuple"));
                };
                bases.extend_from_slice(items);
                changed = true;
                continue;
            }
        }
        bases.push(b.clone());
    }
    let mut meta: Option<Value> = None;
    let mut kwnames = Vec::new();
    let mut kwvalues = Vec::new();
    if let Some(kn) = k {
        for (j, n) in tuple::tuple_items(kn).iter().enumerate() {
            if pystr::as_rust_str(n) == "metaclass" {
                meta = Some(a[npos + j].clone());
            } else {
                kwnames.push(n.clone());
                kwvalues.push(a[npos + j].clone());
            }
        }
    }
    let is_class = meta.as_ref().map(|m| m.as_type().is_some());
    let mut meta = match meta {
        Some(m) => m,
        None => match bases.first() {
            Some(b) => b.type_of().to_value(),
            None => crate::types::typeobject::TYPE_TYPE.to_value(),
        },
    };
    if is_class != Some(false) {
        // Calculate the most derived metaclass.
        for b in &bases {
            let bt = b.type_of().to_value();
            let (Some(w), Some(t), Some(bt_ty), Some(meta_ty)) =
                (meta.as_type(), bt.as_type(), protocol::as_pytype(&bt), protocol::as_pytype(&meta))
            else {
                continue;
            };
            if w.is_subtype(bt_ty) {
                continue;
            }
            if t.is_subtype(meta_ty) {
                meta = bt;
                continue;
            }
            return Err(PyErr::type_error(
                "metaclass conflict: the metaclass of a derived class must be a (non-strict) subclass of the metaclasses of all its bases",
            ));
        }
    }
    let bases_t = tuple::new_tuple(bases)?;
    let kwn = if kwnames.is_empty() { None } else { Some(tuple::new_tuple(kwnames.clone())?) };
    // `type.__prepare__` (type's attributes cannot change) returns a new dict.
    let plain_type = std::ptr::eq(meta.type_payload_ptr(), &crate::types::typeobject::TYPE_TYPE.data);
    let prepare = if plain_type { None } else { protocol::lookup_attr(ts, &meta, &pystr::intern("__prepare__"))? };
    let ns = match prepare {
        Some(prep) => {
            let mut args = vec![name.clone(), bases_t.clone()];
            args.extend(kwvalues.iter().cloned());
            protocol::call(ts, &prep, &args, kwn.as_ref())?
        }
        None => dict::new_dict(),
    };
    if ns.type_of().data.slots.subscript.get().is_none() {
        let mname = match meta.as_type() {
            Some(t) => t.name(),
            None => "<metaclass>".to_string(),
        };
        return Err(PyErr::type_error(format!(
            "{}.__prepare__() must return a mapping, not {}",
            mname,
            protocol::type_name(&ns)
        )));
    }
    let cell = crate::eval::ceval::eval_code_with_closure(ts, func, ns.clone())?;
    if changed {
        dict::dict_set_item(ts, &ns, pystr::intern("__orig_bases__"), tuple::new_tuple(orig_bases)?)?;
    }
    let mut args = vec![name.clone(), bases_t, ns];
    args.extend(kwvalues);
    let cls = protocol::call(ts, &meta, &args, kwn.as_ref())?;
    if let Some(c) = cell.downcast::<crate::types::cell::PyCell>() {
        if cls.as_type().is_some() {
            let cell_cls = c.get();
            if cell_cls.as_ref().is_some_and(|x| !x.is(&cls)) || cell_cls.is_none() {
                if cell_cls.is_none() {
                    return Err(PyErr::runtime_error(format!(
                        "__class__ not set defining {} as {}. Was __classcell__ propagated to type.__new__?",
                        protocol::repr_string(ts, name)?,
                        protocol::repr_string(ts, &cls)?
                    )));
                }
                return Err(PyErr::type_error(format!(
                    "__class__ set to {} defining {} as {}",
                    protocol::repr_string(ts, &cell_cls.unwrap_or_else(none::none))?,
                    protocol::repr_string(ts, name)?,
                    protocol::repr_string(ts, &cls)?
                )));
            }
        }
    }
    Ok(cls)
}

/// A callable from Rust: `f(x) -> bool` (used internally, e.g. exception group projection).
pub fn native_closure(f: impl Fn(&Value) -> bool + 'static) -> PyResult<Value> {
    NATIVE_CLOSURES.with(|c| {
        let mut c = c.borrow_mut();
        c.push(Box::new(f));
        let idx = c.len() - 1;
        crate::types::function::new_builtin_bound("<predicate>", call_native_closure, int::from_i64(idx as i64))
    })
}

type NativePredicate = Box<dyn Fn(&Value) -> bool>;

thread_local! {
    static NATIVE_CLOSURES: std::cell::RefCell<Vec<NativePredicate>> = std::cell::RefCell::new(Vec::new());
}

fn call_native_closure(_ts: &ThreadState, idx: &Value, a: Args, _k: Option<&Value>) -> PyResult<Value> {
    let i = idx.as_small_int().unwrap_or(0) as usize;
    let r = NATIVE_CLOSURES.with(|c| c.borrow().get(i).map(|f| a.first().is_some_and(f)));
    Ok(bool_::new_bool(r.unwrap_or(false)))
}

const FUNCTIONS: &[(&str, CallFn)] = &[
    ("abs", b_abs),
    ("aiter", b_aiter),
    ("all", b_all),
    ("anext", b_anext),
    ("any", b_any),
    ("ascii", b_ascii),
    ("bin", b_bin),
    ("breakpoint", b_breakpoint),
    ("callable", b_callable),
    ("chr", b_chr),
    ("compile", b_compile),
    ("delattr", b_delattr),
    ("dir", b_dir),
    ("divmod", b_divmod),
    ("eval", b_eval),
    ("exec", b_exec),
    ("format", b_format),
    ("getattr", b_getattr),
    ("globals", b_globals),
    ("hasattr", b_hasattr),
    ("hash", b_hash),
    ("hex", b_hex),
    ("id", b_id),
    ("input", b_input),
    ("isinstance", b_isinstance),
    ("issubclass", b_issubclass),
    ("iter", b_iter),
    ("len", b_len),
    ("locals", b_locals),
    ("max", b_max),
    ("min", b_min),
    ("next", b_next),
    ("oct", b_oct),
    ("open", b_open),
    ("ord", b_ord),
    ("pow", b_pow),
    ("print", b_print),
    ("repr", b_repr),
    ("round", b_round),
    ("setattr", b_setattr),
    ("sorted", b_sorted),
    ("sum", b_sum),
    ("vars", b_vars),
    ("__import__", b_import),
    ("__build_class__", b_build_class),
];

/// Create the builtins module.
pub fn create(ts: &ThreadState) -> PyResult<Value> {
    let m = module::new_module("builtins")?;
    let d = module::module_dict(&m).ok_or_else(|| PyErr::system_error("builtins"))?;
    dict::dict_set_item(ts, &d, pystr::intern("__doc__"), pystr::new_str("Built-in functions, exceptions, and other objects.\n\nNoteworthy: None is the `nil' object; Ellipsis represents `...' in slices."))?;
    for (name, f) in FUNCTIONS {
        let bf = Value::new(crate::types::function::PyBuiltinFunction { name, func: *f, self_: Some(m.clone()), module: Some("builtins") })?;
        dict::dict_set_item(ts, &d, pystr::intern(name), bf)?;
    }
    let _ = new_builtin;
    use crate::types::*;
    let types: Vec<(&str, &'static PyType)> = vec![
        ("bool", &bool_::BOOL_TYPE),
        ("bytearray", &bytearray::BYTEARRAY_TYPE),
        ("bytes", &bytes::BYTES_TYPE),
        ("classmethod", &descr::CLASSMETHOD_TYPE),
        ("complex", &complex::COMPLEX_TYPE),
        ("dict", &dict::DICT_TYPE),
        ("enumerate", &enumobject::ENUMERATE_TYPE),
        ("filter", &enumobject::FILTER_TYPE),
        ("float", &float::FLOAT_TYPE),
        ("frozenset", &set::FROZENSET_TYPE),
        ("property", &descr::PROPERTY_TYPE),
        ("int", &int::INT_TYPE),
        ("list", &list::LIST_TYPE),
        ("map", &enumobject::MAP_TYPE),
        ("memoryview", &memoryview::MEMORYVIEW_TYPE),
        ("object", &object::OBJECT_TYPE),
        ("range", &range::RANGE_TYPE),
        ("reversed", &enumobject::REVERSED_TYPE),
        ("set", &set::SET_TYPE),
        ("slice", &slice::SLICE_TYPE),
        ("staticmethod", &descr::STATICMETHOD_TYPE),
        ("str", &str::STR_TYPE),
        ("super", &super_::SUPER_TYPE),
        ("tuple", &tuple::TUPLE_TYPE),
        ("type", &typeobject::TYPE_TYPE),
        ("zip", &enumobject::ZIP_TYPE),
    ];
    for (name, t) in types {
        dict::dict_set_item(ts, &d, pystr::intern(name), t.to_value())?;
    }
    for t in exc::types() {
        dict::dict_set_item(ts, &d, pystr::intern(&t.name()), t.to_value())?;
    }
    dict::dict_set_item(ts, &d, pystr::intern("EnvironmentError"), exc::OS_ERROR.to_value())?;
    dict::dict_set_item(ts, &d, pystr::intern("IOError"), exc::OS_ERROR.to_value())?;
    dict::dict_set_item(ts, &d, pystr::intern("None"), none::none())?;
    dict::dict_set_item(ts, &d, pystr::intern("Ellipsis"), none::ellipsis())?;
    dict::dict_set_item(ts, &d, pystr::intern("NotImplemented"), none::not_implemented())?;
    dict::dict_set_item(ts, &d, pystr::intern("True"), bool_::true_value())?;
    dict::dict_set_item(ts, &d, pystr::intern("False"), bool_::false_value())?;
    dict::dict_set_item(ts, &d, pystr::intern("__debug__"), bool_::new_bool(ts.interp().config.optimize == 0))?;
    Ok(m)
}
