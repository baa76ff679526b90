//! `_codecs`: the codec registry (search functions, the lookup cache, error
//! handlers; CPython's Python/codecs.c) and the native codecs that the
//! `encodings` package wraps (Modules/_codecsmodule.c). The codecs themselves
//! live in `stringlib::codecs`; here they meet Python: arguments, results,
//! and error handlers written in Python, called with UnicodeEncodeError/
//! UnicodeDecodeError objects and their `(replacement, position)` honoured.
//!
//! The registry is per interpreter (`InterpreterState::codecs`). As CPython,
//! the `encodings` package provides the search function; it is imported on
//! the first lookup (CPython imports it at start-up).

use std::collections::HashMap;
use std::fmt::Write;

use crate::object::args;
use crate::object::protocol;
use crate::object::typeobj::{PyType, TypeObject};
use crate::object::value::{PyObject, PyPayload, Value};
use crate::runtime::errors::{PyErr, PyResult};
use crate::runtime::thread::ThreadState;
use crate::stringlib::codecs::{self as sc, CharmapError, CodecError, Decoder, Encoder, Encoding, EncodingMap, ErrorHandler};
use crate::stringlib::{StrBuilder, StrData};
use crate::types::exceptions as exc;
use crate::types::{bytes, dict, int, none, str as pystr, tuple};

type Args<'a> = &'a [Value];
type Kw<'a> = Option<&'a Value>;

/// The codec registry of an interpreter.
#[derive(Default)]
pub struct CodecRegistry {
    /// Whether the `encodings` package was imported (or is being imported).
    initialized: bool,
    /// Registered search functions, in registration order.
    search_path: Vec<Value>,
    /// Lookup results by normalized encoding name.
    cache: HashMap<String, Value>,
    /// Error handlers by name (the builtin ones are added on first lookup).
    errors: HashMap<String, Value>,
}

fn lookup_error_exc(msg: String) -> PyErr {
    PyErr::new(&exc::LOOKUP_ERROR, msg)
}

/// Imports `encodings` (which registers its search function) once.
fn ensure_init(ts: &ThreadState) -> PyResult<()> {
    {
        let mut reg = ts.interp().codecs.borrow_mut();
        if reg.initialized {
            return Ok(());
        }
        reg.initialized = true;
    }
    let name = pystr::new_str("encodings");
    if let Err(e) = crate::import::import_module_level(ts, &name, None, None, 0) {
        ts.interp().codecs.borrow_mut().initialized = false;
        return Err(e);
    }
    Ok(())
}

/// CPython's normalization of a name given to `codecs.lookup`.
pub fn normalize(name: &str) -> String {
    sc::normalize_encoding(name)
}

/// `codecs.lookup(encoding)`: the CodecInfo (a 4-tuple) of a codec, from the
/// cache or the search functions; LookupError "unknown encoding: ..." if none knows it.
pub fn lookup(ts: &ThreadState, encoding: &str) -> PyResult<Value> {
    ensure_init(ts)?;
    let norm = normalize(encoding);
    let funcs = {
        let reg = ts.interp().codecs.borrow();
        if let Some(v) = reg.cache.get(&norm) {
            return Ok(v.clone());
        }
        reg.search_path.clone()
    };
    if funcs.is_empty() {
        return Err(lookup_error_exc("no codec search functions registered: can't find encoding".into()));
    }
    let arg = pystr::new_str(&norm);
    for f in &funcs {
        let r = protocol::call(ts, f, std::slice::from_ref(&arg), None)?;
        if none::is_none(&r) {
            continue;
        }
        if tuple::try_tuple_items(&r).is_none_or(|t| t.len() != 4) {
            return Err(PyErr::type_error("codec search functions must return 4-tuples"));
        }
        // An object replaced in the cache is freed after the borrow ends (its
        // finalizer may use the registry).
        let old = ts.interp().codecs.borrow_mut().cache.insert(norm, r.clone());
        drop(old);
        return Ok(r);
    }
    Err(lookup_error_exc(format!("unknown encoding: {encoding}")))
}

/// `codecs.lookup_error(name)`: the registered handler; the builtin ones are
/// created on first use, so `codecs.strict_errors is codecs.lookup_error('strict')`.
pub fn lookup_error(ts: &ThreadState, name: &str) -> PyResult<Value> {
    if let Some(h) = ts.interp().codecs.borrow().errors.get(name) {
        return Ok(h.clone());
    }
    let Some(&(_, fname, func)) = BUILTIN_HANDLERS.iter().find(|(n, _, _)| *n == name) else {
        return Err(lookup_error_exc(format!("unknown error handler name '{name}'")));
    };
    let f = Value::new(crate::types::function::PyBuiltinFunction { name: fname, func, self_: None, module: Some("_codecs") })?;
    let old = ts.interp().codecs.borrow_mut().errors.insert(name.to_string(), f.clone());
    drop(old);
    Ok(f)
}

const BUILTIN_HANDLERS: &[(&str, &str, crate::object::typeobj::CallFn)] = &[
    ("strict", "strict_errors", strict_errors),
    ("ignore", "ignore_errors", ignore_errors),
    ("replace", "replace_errors", replace_errors),
    ("xmlcharrefreplace", "xmlcharrefreplace_errors", xmlcharrefreplace_errors),
    ("backslashreplace", "backslashreplace_errors", backslashreplace_errors),
    ("namereplace", "namereplace_errors", namereplace_errors),
    ("surrogateescape", "surrogateescape_errors", surrogateescape_errors),
    ("surrogatepass", "surrogatepass_errors", surrogatepass_errors),
];

fn is_callable(v: &Value) -> bool {
    v.type_of().data.slots.call.get().is_some()
}

// ---------------------------------------------------------------------------
// Argument helpers (Argument Clinic's messages).

fn str_value(ts: &ThreadState, fname: &str, what: &str, v: &Value) -> PyResult<String> {
    match pystr::as_pystr(v) {
        Some(s) => utf8_string(ts, v, &s.data),
        None => Err(PyErr::type_error(format!("{fname}() {what} must be str, not {}", bytes::clinic_type_name(v)))),
    }
}

/// The UTF-8 text of str `v` (data `d`), or the UnicodeEncodeError for its surrogates.
fn utf8_string(ts: &ThreadState, v: &Value, d: &StrData) -> PyResult<String> {
    match d.to_string_checked() {
        Some(s) => Ok(s),
        None => match sc::encode(Encoding::Utf8, d, ErrorHandler::Strict) {
            Err(e) => Err(encode_error(ts, &e, v)),
            Ok(b) => Ok(String::from_utf8_lossy(&b).into_owned()),
        },
    }
}

/// An `errors` argument: str or None.
fn errors_arg(fname: &str, pos: usize, v: Option<&Value>) -> PyResult<Option<String>> {
    match v {
        None => Ok(None),
        Some(x) if none::is_none(x) => Ok(None),
        Some(x) => match pystr::as_pystr(x) {
            Some(s) => Ok(Some(s.data.to_string_lossy())),
            None => Err(PyErr::type_error(format!(
                "{fname}() argument {pos} must be str or None, not {}",
                bytes::clinic_type_name(x)
            ))),
        },
    }
}

/// A `str` argument: the object and its data.
fn unicode_arg<'a>(fname: &str, pos: usize, v: &'a Value) -> PyResult<&'a StrData> {
    pystr::as_pystr(v)
        .map(|s| &s.data)
        .ok_or_else(|| PyErr::type_error(format!("{fname}() argument {pos} must be str, not {}", bytes::clinic_type_name(v))))
}

/// A `Py_buffer` argument (`accept_str`: a str is taken as its UTF-8 bytes).
fn buffer_arg(ts: &ThreadState, v: &Value, accept_str: bool) -> PyResult<Vec<u8>> {
    if accept_str {
        if let Some(s) = pystr::as_pystr(v) {
            return utf8_string(ts, v, &s.data).map(String::into_bytes);
        }
    }
    bytes::bytes_like(ts, v)
}

/// A `bool(accept={int})` argument.
fn flag_arg(ts: &ThreadState, v: Option<&Value>, default: bool) -> PyResult<bool> {
    match v {
        None => Ok(default),
        Some(x) => Ok(int::c_int_arg(ts, x)? != 0),
    }
}

fn pair(a: Value, n: usize) -> PyResult<Value> {
    tuple::new_tuple(vec![a, int::from_usize(n)])
}

// ---------------------------------------------------------------------------
// Exceptions and error handler calls.

fn new_unicode_error(ts: &ThreadState, ty: &'static PyType, encoding: &str, object: Value, start: usize, end: usize, reason: &str) -> PyResult<Value> {
    let args = [pystr::new_str(encoding), object, int::from_usize(start), int::from_usize(end), pystr::new_str(reason)];
    protocol::call(ts, &ty.to_value(), &args, None)
}

fn decode_error(ts: &ThreadState, e: &CodecError, data: &[u8]) -> PyErr {
    match new_unicode_error(ts, &exc::UNICODE_DECODE_ERROR, e.encoding, bytes::new_bytes(data.to_vec()), e.start, e.end, e.reason) {
        Ok(v) => PyErr::from_instance(v),
        Err(err) => err,
    }
}

fn encode_error(ts: &ThreadState, e: &CodecError, s: &Value) -> PyErr {
    match new_unicode_error(ts, &exc::UNICODE_ENCODE_ERROR, e.encoding, s.clone(), e.start, e.end, e.reason) {
        Ok(v) => PyErr::from_instance(v),
        Err(err) => err,
    }
}

/// Calls a Python error handler with `exc`; its replacement and the position
/// to resume at (negative counts from the end), checked as CPython does.
fn call_handler(ts: &ThreadState, handler: &Value, exc_v: Value, len: usize, encoding: bool) -> PyResult<(Value, usize)> {
    let (rep, pos) = call_handler_raw(ts, handler, &exc_v, encoding)?;
    Ok((rep, resolve_position(pos, len)?))
}

/// A handler's replacement and its position as returned.
fn call_handler_raw(ts: &ThreadState, handler: &Value, exc_v: &Value, encoding: bool) -> PyResult<(Value, isize)> {
    let r = protocol::call(ts, handler, std::slice::from_ref(exc_v), None)?;
    let bad = || {
        PyErr::type_error(if encoding {
            "encoding error handler must return (str/bytes, int) tuple"
        } else {
            "decoding error handler must return (str, int) tuple"
        })
    };
    let items = tuple::try_tuple_items(&r).ok_or_else(bad)?;
    if items.len() != 2 {
        return Err(bad());
    }
    let rep = items[0].clone();
    let rep_ok = pystr::as_pystr(&rep).is_some() || (encoding && rep.downcast::<bytes::PyBytes>().is_some());
    if !rep_ok {
        return Err(bad());
    }
    Ok((rep, int::ssize_arg(ts, &items[1])?))
}

/// A handler's position in an input of `len` items (negative: from the end).
fn resolve_position(mut pos: isize, len: usize) -> PyResult<usize> {
    if pos < 0 {
        pos += len as isize;
    }
    if pos < 0 || pos as usize > len {
        return Err(PyErr::index_error(format!("position {pos} from error handler out of bounds")));
    }
    Ok(pos as usize)
}

/// The handler to use for `errors` inside a native codec, or None when a
/// Python-level handler must be called.
fn native_handler(errors: Option<&str>, decoding: bool) -> Option<ErrorHandler> {
    ErrorHandler::from_name(errors.unwrap_or("strict")).filter(|h| !decoding || h.supports_decode())
}

/// Decodes `data` with `dec` (built with `native_handler`), calling the
/// Python handler `errors` for what the native one does not resolve.
/// Returns the text and the number of bytes consumed.
fn run_decoder(ts: &ThreadState, dec: &mut Decoder, data: &[u8], final_: bool, errors: Option<&str>) -> PyResult<(StrData, usize)> {
    let native = native_handler(errors, true).is_some();
    let mut out = StrBuilder::with_capacity(data.len(), crate::stringlib::Kind::Ascii);
    let mut pos = 0;
    let mut handler: Option<Value> = None;
    let mut input: Option<Value> = None;
    // The input a handler put in place of the original (CPython reads the
    // exception's object back after each call).
    let mut replaced: Option<Vec<u8>> = None;
    loop {
        let data = replaced.as_deref().unwrap_or(data);
        match dec.decode_into(data, pos, final_, &mut out) {
            Ok(stop) => return Ok((out.finish(), stop)),
            Err(e) if native => return Err(decode_error(ts, &e, data)),
            Err(e) => {
                let h = match &handler {
                    Some(h) => h.clone(),
                    None => {
                        let h = lookup_error(ts, errors.unwrap_or("strict"))?;
                        handler = Some(h.clone());
                        h
                    }
                };
                let obj = input.get_or_insert_with(|| bytes::new_bytes(data.to_vec())).clone();
                let exc_v = new_unicode_error(ts, &exc::UNICODE_DECODE_ERROR, e.encoding, obj.clone(), e.start, e.end, e.reason)?;
                let (rep, raw_pos) = call_handler_raw(ts, &h, &exc_v, false)?;
                let now = protocol::getattr_str(ts, &exc_v, "object")?;
                let data = if now.is(&obj) {
                    data
                } else {
                    let new = bytes::buffer_data(&now).map(|d| d.into_owned()).ok_or_else(|| {
                        PyErr::type_error("object attribute must be bytes")
                    })?;
                    input = Some(now);
                    replaced.insert(new).as_slice()
                };
                let next = resolve_position(raw_pos, data.len())?;
                if let Some(s) = pystr::as_pystr(&rep) {
                    out.push_str(&s.data);
                }
                pos = next;
                if pos >= data.len() {
                    // Let the decoder settle its end-of-input state.
                    if let Ok(stop) = dec.decode_into(data, data.len(), final_, &mut out) {
                        return Ok((out.finish(), stop));
                    }
                    return Ok((out.finish(), data.len()));
                }
            }
        }
    }
}

/// Encodes `s` with `enc` (built with `native_handler`), calling the Python
/// handler `errors` for what the native one does not resolve.
fn run_encoder(ts: &ThreadState, enc: &mut Encoder, s_obj: &Value, errors: Option<&str>) -> PyResult<Vec<u8>> {
    let s = &pystr::as_pystr(s_obj).ok_or_else(|| PyErr::type_error("str expected"))?.data;
    let native = native_handler(errors, false).is_some();
    let mut out = Vec::with_capacity(s.len());
    let mut pos = 0;
    let mut handler: Option<Value> = None;
    loop {
        match enc.encode_into(s, pos, &mut out) {
            Ok(()) => return Ok(out),
            Err(e) if native => return Err(encode_error(ts, &e, s_obj)),
            Err(e) => {
                let h = match &handler {
                    Some(h) => h.clone(),
                    None => {
                        let h = lookup_error(ts, errors.unwrap_or("strict"))?;
                        handler = Some(h.clone());
                        h
                    }
                };
                let exc_v = new_unicode_error(ts, &exc::UNICODE_ENCODE_ERROR, e.encoding, s_obj.clone(), e.start, e.end, e.reason)?;
                let (rep, next) = call_handler(ts, &h, exc_v, s.len(), true)?;
                let pushed = if let Some(r) = pystr::as_pystr(&rep) {
                    enc.push_replacement_str(&r.data, &e, &mut out)
                } else {
                    enc.push_replacement_bytes(&bytes::try_bytes_data(&rep).unwrap_or_default(), &e, &mut out)
                };
                if let Err(e2) = pushed {
                    return Err(encode_error(ts, &e2, s_obj));
                }
                pos = next;
            }
        }
    }
}

/// Decodes with a native codec; text and bytes consumed.
fn decode_with(ts: &ThreadState, enc: Encoding, data: &[u8], errors: Option<&str>, final_: bool) -> PyResult<(StrData, usize)> {
    let h = native_handler(errors, true).unwrap_or(ErrorHandler::Strict);
    let mut dec = Decoder::new(enc, h);
    let r = run_decoder(ts, &mut dec, data, final_, errors)?;
    if let Some(w) = dec.invalid_escape_warning() {
        warn_deprecation(ts, w)?;
    }
    Ok(r)
}

/// Encodes with a native codec.
fn encode_with(ts: &ThreadState, enc: Encoding, s: &Value, errors: Option<&str>) -> PyResult<Vec<u8>> {
    let h = native_handler(errors, false).unwrap_or(ErrorHandler::Strict);
    run_encoder(ts, &mut Encoder::new(enc, h), s, errors)
}

/// A DeprecationWarning raised from the Python code calling the codec (CPython's
/// PyErr_WarnFormat with stack level 1).
fn warn_deprecation(ts: &ThreadState, msg: &str) -> PyResult<()> {
    crate::runtime::warnings::warn(ts, &exc::DEPRECATION_WARNING, msg, 1)
}

// ---------------------------------------------------------------------------
// Text encodings for str.encode / bytes.decode.

/// The codec of `encoding` for str.encode/bytes.decode: the CodecInfo, after
/// refusing the codecs marked `_is_text_encoding = False`.
fn lookup_text_encoding(ts: &ThreadState, encoding: &str, command: &str) -> PyResult<Value> {
    let info = lookup(ts, encoding)?;
    // A plain tuple has no such mark; a CodecInfo (a tuple subclass) may.
    if !std::ptr::eq(info.type_of(), &tuple::TUPLE_TYPE) {
        if let Some(flag) = protocol::lookup_attr(ts, &info, &pystr::new_str("_is_text_encoding"))? {
            if !protocol::is_true(ts, &flag)? {
                return Err(lookup_error_exc(format!(
                    "'{encoding}' is not a text encoding; use {command} to handle arbitrary codecs"
                )));
            }
        }
    }
    Ok(info)
}

/// `codecs.getincrementaldecoder(encoding)(errors)` for a text stream: the codec
/// must be a text encoding ("... use codecs.open() to handle arbitrary codecs").
pub fn incremental_decoder(ts: &ThreadState, encoding: &str, errors: &str) -> PyResult<Value> {
    let info = lookup_text_encoding(ts, encoding, "codecs.open()")?;
    let factory = protocol::getattr_str(ts, &info, "incrementaldecoder")?;
    protocol::call(ts, &factory, &[pystr::new_str(errors)], None)
}

/// `codecs.getincrementalencoder(encoding)(errors)` for a text stream (see `incremental_decoder`).
pub fn incremental_encoder(ts: &ThreadState, encoding: &str, errors: &str) -> PyResult<Value> {
    let info = lookup_text_encoding(ts, encoding, "codecs.open()")?;
    let factory = protocol::getattr_str(ts, &info, "incrementalencoder")?;
    protocol::call(ts, &factory, &[pystr::new_str(errors)], None)
}

fn codec_item(info: &Value, i: usize) -> Value {
    tuple::try_tuple_items(info).and_then(|t| t.get(i).cloned()).unwrap_or_else(none::none)
}

/// Calls a codec's encoder or decoder and takes the object of its `(object, length)` result.
fn call_codec(ts: &ThreadState, f: &Value, obj: &Value, errors: Option<&str>, encoding: &str, encode: bool) -> PyResult<Value> {
    let mut args = vec![obj.clone()];
    if let Some(e) = errors {
        args.push(pystr::new_str(e));
    }
    let r = protocol::call(ts, f, &args, None).map_err(|e| wrap_codec_error(ts, e, if encode { "encoding" } else { "decoding" }, encoding))?;
    match tuple::try_tuple_items(&r) {
        Some(t) if t.len() == 2 => Ok(t[0].clone()),
        _ => Err(PyErr::type_error(if encode {
            "encoder must return a tuple (object, integer)"
        } else {
            "decoder must return a tuple (object,integer)"
        })),
    }
}

/// Exception types whose constructor is not the plain `BaseException` one
/// (their instances are not rewrapped with the codec's name).
fn has_own_init(ty: &PyType) -> bool {
    [
        &exc::OS_ERROR,
        &exc::SYNTAX_ERROR,
        &exc::IMPORT_ERROR,
        &exc::UNICODE_ERROR,
        &exc::STOP_ITERATION,
        &exc::SYSTEM_EXIT,
        &exc::NAME_ERROR,
        &exc::ATTRIBUTE_ERROR,
        &exc::BASE_EXCEPTION_GROUP_TYPE,
    ]
    .iter()
    .any(|t| ty.is_subtype(t))
}

/// CPython's `_PyErr_TrySetFromCause`: an exception of a simple type, with no
/// argument or one str argument, is replaced by one of the same type saying
/// "encoding with 'x' codec failed (Type: message)", chained as its cause.
fn wrap_codec_error(ts: &ThreadState, err: PyErr, operation: &str, encoding: &str) -> PyErr {
    let v = err.value().clone();
    let ty = v.type_of();
    if has_own_init(ty) {
        return err;
    }
    // A Python subclass redefining __init__/__new__ is not rewrapped either.
    for t in tuple::try_tuple_items(&ty.data.mro()).unwrap_or(&[]) {
        let Some(t) = protocol::as_pytype(t) else { continue };
        if !t.data.is_heap_type() {
            break;
        }
        let d = t.data.dict();
        if dict::dict_get_str(&d, &pystr::intern("__init__")).is_some() || dict::dict_get_str(&d, &pystr::intern("__new__")).is_some() {
            return err;
        }
    }
    let Some(payload) = v.downcast::<exc::PyBaseException>() else { return err };
    let a = payload.args_vec();
    if a.len() > 1 || (a.len() == 1 && !std::ptr::eq(a[0].type_of(), &pystr::STR_TYPE)) {
        return err;
    }
    if let Some(d) = protocol::instance_dict(&v) {
        if dict::as_dict(&d).is_some_and(|d| !d.is_empty()) {
            return err;
        }
    }
    let text = match protocol::str_string(ts, &v) {
        Ok(t) => t,
        Err(_) => return err,
    };
    let msg = format!("{operation} with '{encoding}' codec failed ({}: {text})", ty.name());
    let tyv = ty.to_value();
    match protocol::call(ts, &tyv, &[pystr::new_str(&msg)], None) {
        Ok(new) => {
            if let Some(tb) = exc::traceback_of(&v) {
                exc::set_traceback(&new, Some(tb));
            }
            exc::set_cause(&new, Some(v));
            PyErr::from_instance(new)
        }
        Err(_) => err,
    }
}

/// The `errors` passed on to a codec's function: CPython passes none when
/// str.encode/bytes.decode got none, and the callers here have "strict" then.
fn given_errors(errors: &str) -> Option<&str> {
    (errors != "strict").then_some(errors)
}

/// `str.encode(encoding, errors)` for what the native table does not cover:
/// an encoding found through the registry, or an error handler registered
/// with `codecs.register_error`.
pub fn encode_text(ts: &ThreadState, s: &Value, encoding: &str, errors: &str) -> PyResult<Value> {
    if let Some(enc) = Encoding::lookup(encoding) {
        return Ok(bytes::new_bytes(encode_with(ts, enc, s, Some(errors))?));
    }
    let info = lookup_text_encoding(ts, encoding, "codecs.encode()")?;
    let r = call_codec(ts, &codec_item(&info, 0), s, given_errors(errors), encoding, true)?;
    if r.downcast::<bytes::PyBytes>().is_some() {
        return Ok(r);
    }
    if let Some(b) = crate::types::bytearray::as_bytearray(&r) {
        return Ok(bytes::new_bytes(b.data.borrow().clone()));
    }
    Err(PyErr::type_error(format!(
        "'{encoding}' encoder returned '{}' instead of 'bytes'; use codecs.encode() to encode to arbitrary types",
        protocol::type_name(&r)
    )))
}

/// `bytes.decode(encoding, errors)` for what the native table does not cover
/// (see `encode_text`); `obj` is the bytes-like object holding `data`.
pub fn decode_text(ts: &ThreadState, obj: &Value, data: &[u8], encoding: &str, errors: &str) -> PyResult<Value> {
    if let Some(enc) = Encoding::lookup(encoding) {
        return Ok(pystr::from_data(decode_with(ts, enc, data, Some(errors), true)?.0));
    }
    let info = lookup_text_encoding(ts, encoding, "codecs.decode()")?;
    // The decoder gets a view of the buffer, as in CPython.
    let arg = if bytes::has_buffer(obj) { crate::types::memoryview::new_memoryview(obj)? } else { bytes::new_bytes(data.to_vec()) };
    let r = call_codec(ts, &codec_item(&info, 1), &arg, given_errors(errors), encoding, false)?;
    if pystr::as_pystr(&r).is_some() {
        return Ok(r);
    }
    Err(PyErr::type_error(format!(
        "'{encoding}' decoder returned '{}' instead of 'str'; use codecs.decode() to decode to arbitrary types",
        protocol::type_name(&r)
    )))
}

// ---------------------------------------------------------------------------
// Registry functions.

fn c_register(ts: &ThreadState, _m: &Value, a: Args, k: Kw) -> PyResult<Value> {
    let a = args::exact("_codecs.register", a, k, 1)?;
    if !is_callable(&a[0]) {
        return Err(PyErr::type_error("argument must be callable"));
    }
    ensure_init(ts)?;
    ts.interp().codecs.borrow_mut().search_path.push(a[0].clone());
    Ok(none::none())
}

fn c_unregister(ts: &ThreadState, _m: &Value, a: Args, k: Kw) -> PyResult<Value> {
    let a = args::exact("_codecs.unregister", a, k, 1)?;
    ensure_init(ts)?;
    let mut reg = ts.interp().codecs.borrow_mut();
    if let Some(i) = reg.search_path.iter().position(|f| f.is(&a[0])) {
        reg.search_path.remove(i);
        // Results of the removed function must not be served any more.
        let old = std::mem::take(&mut reg.cache);
        drop(reg);
        drop(old);
    }
    Ok(none::none())
}

fn c_lookup(ts: &ThreadState, _m: &Value, a: Args, k: Kw) -> PyResult<Value> {
    let a = args::exact("_codecs.lookup", a, k, 1)?;
    let name = str_value(ts, "lookup", "argument", &a[0])?;
    lookup(ts, &name)
}

/// Drops `encoding` from the lookup cache (CPython's `_PyCodec_Forget`; its
/// `_codecs._forget_codec` exists only in debug builds, so it is not exposed).
pub fn forget_codec(ts: &ThreadState, encoding: &str) {
    let old = ts.interp().codecs.borrow_mut().cache.remove(&normalize(encoding));
    drop(old);
}

fn encode_decode_args(ts: &ThreadState, fname: &str, a: Args, k: Kw) -> PyResult<(Value, String, Option<String>)> {
    let [obj, encoding, errors] = args::bind(fname, a, k, ["obj", "encoding", "errors"], 0, 1, 3)?;
    let obj = obj.unwrap_or_else(none::none);
    let encoding = match encoding {
        Some(e) => str_value(ts, fname, "argument 'encoding'", &e)?,
        None => "utf-8".into(),
    };
    let errors = match errors {
        Some(e) => Some(str_value(ts, fname, "argument 'errors'", &e)?),
        None => None,
    };
    Ok((obj, encoding, errors))
}

/// `codecs.encode(obj, encoding, errors)`: any codec, any result type.
pub fn encode_any(ts: &ThreadState, obj: &Value, encoding: &str, errors: Option<&str>) -> PyResult<Value> {
    let info = lookup(ts, encoding)?;
    call_codec(ts, &codec_item(&info, 0), obj, errors, encoding, true)
}

/// `codecs.decode(obj, encoding, errors)`: any codec, any result type.
pub fn decode_any(ts: &ThreadState, obj: &Value, encoding: &str, errors: Option<&str>) -> PyResult<Value> {
    let info = lookup(ts, encoding)?;
    call_codec(ts, &codec_item(&info, 1), obj, errors, encoding, false)
}

fn c_encode(ts: &ThreadState, _m: &Value, a: Args, k: Kw) -> PyResult<Value> {
    let (obj, encoding, errors) = encode_decode_args(ts, "encode", a, k)?;
    encode_any(ts, &obj, &encoding, Some(errors.as_deref().unwrap_or("strict")))
}

fn c_decode(ts: &ThreadState, _m: &Value, a: Args, k: Kw) -> PyResult<Value> {
    let (obj, encoding, errors) = encode_decode_args(ts, "decode", a, k)?;
    decode_any(ts, &obj, &encoding, Some(errors.as_deref().unwrap_or("strict")))
}

fn c_register_error(ts: &ThreadState, _m: &Value, a: Args, k: Kw) -> PyResult<Value> {
    let a = super::fastcall_args("_codecs", "register_error", a, k, 2, 2)?;
    let name = str_value(ts, "register_error", "argument 1", &a[0])?;
    if !is_callable(&a[1]) {
        return Err(PyErr::type_error("handler must be callable"));
    }
    let old = ts.interp().codecs.borrow_mut().errors.insert(name, a[1].clone());
    drop(old);
    Ok(none::none())
}

fn c_lookup_error(ts: &ThreadState, _m: &Value, a: Args, k: Kw) -> PyResult<Value> {
    let a = args::exact("_codecs.lookup_error", a, k, 1)?;
    let name = str_value(ts, "lookup_error", "argument", &a[0])?;
    lookup_error(ts, &name)
}

// ---------------------------------------------------------------------------
// The builtin error handlers as functions.

#[derive(Clone, Copy, PartialEq)]
enum ExcKind {
    Encode,
    Decode,
    Translate,
}

/// What a handler needs of a UnicodeError: its kind, object, clamped range.
struct ExcView {
    kind: ExcKind,
    object: Value,
    start: usize,
    end: usize,
}

fn unknown_exc(v: &Value) -> PyErr {
    PyErr::type_error(format!("don't know how to handle {} in error callback", protocol::type_name(v)))
}

/// Reads a Unicode*Error, clamping start/end as PyUnicode*Error_GetStart/End do.
fn exc_view(ts: &ThreadState, v: &Value) -> PyResult<ExcView> {
    let ty = v.type_of();
    let kind = if ty.is_subtype(&exc::UNICODE_ENCODE_ERROR) {
        ExcKind::Encode
    } else if ty.is_subtype(&exc::UNICODE_DECODE_ERROR) {
        ExcKind::Decode
    } else if ty.is_subtype(&exc::UNICODE_TRANSLATE_ERROR) {
        ExcKind::Translate
    } else {
        return Err(unknown_exc(v));
    };
    let object = protocol::getattr_str(ts, v, "object")?;
    let len = match kind {
        ExcKind::Decode => bytes::buffer_data(&object).map(|d| d.len()).ok_or_else(|| {
            PyErr::type_error("object attribute must be bytes")
        })?,
        _ => pystr::as_pystr(&object).map(|s| s.data.len()).ok_or_else(|| PyErr::type_error("object attribute must be unicode"))?,
    };
    let start = int::ssize_arg(ts, &protocol::getattr_str(ts, v, "start")?)?;
    let end = int::ssize_arg(ts, &protocol::getattr_str(ts, v, "end")?)?;
    let start = if start < 0 { 0 } else { (start as usize).min(len.saturating_sub(1)) };
    let end = if end < 1 { 1 } else { (end as usize).min(len) };
    Ok(ExcView { kind, object, start, end })
}

fn handler_arg<'a>(fname: &str, a: &'a [Value], k: Kw) -> PyResult<&'a Value> {
    Ok(&args::exact(fname, a, k, 1)?[0])
}

fn result_str(s: &str, end: usize) -> PyResult<Value> {
    pair(pystr::new_str(s), end)
}

fn strict_errors(_ts: &ThreadState, _m: &Value, a: Args, k: Kw) -> PyResult<Value> {
    let e = handler_arg("strict_errors", a, k)?;
    if exc::is_exception_instance(e) {
        Err(PyErr::from_instance(e.clone()))
    } else {
        Err(PyErr::type_error("codec must pass exception instance"))
    }
}

fn ignore_errors(ts: &ThreadState, _m: &Value, a: Args, k: Kw) -> PyResult<Value> {
    let e = handler_arg("ignore_errors", a, k)?;
    let v = exc_view(ts, e)?;
    result_str("", v.end)
}

fn str_data(v: &Value) -> StrData {
    pystr::as_pystr(v).map(|s| s.data.clone()).unwrap_or_default()
}

fn replace_errors(ts: &ThreadState, _m: &Value, a: Args, k: Kw) -> PyResult<Value> {
    let e = handler_arg("replace_errors", a, k)?;
    let v = exc_view(ts, e)?;
    let n = v.end.saturating_sub(v.start);
    let s = match v.kind {
        ExcKind::Encode => "?".repeat(n),
        ExcKind::Decode => "\u{FFFD}".into(),
        ExcKind::Translate => "\u{FFFD}".repeat(n),
    };
    result_str(&s, v.end)
}

fn push_escape(out: &mut String, c: u32) {
    let _ = if c <= 0xFF {
        write!(out, "\\x{c:02x}")
    } else if c <= 0xFFFF {
        write!(out, "\\u{c:04x}")
    } else {
        write!(out, "\\U{c:08x}")
    };
}

fn backslashreplace_errors(ts: &ThreadState, _m: &Value, a: Args, k: Kw) -> PyResult<Value> {
    let e = handler_arg("backslashreplace_errors", a, k)?;
    let v = exc_view(ts, e)?;
    let mut s = String::new();
    if v.kind == ExcKind::Decode {
        let data = bytes::buffer_data(&v.object).map(|d| d.into_owned()).unwrap_or_default();
        for &b in data.get(v.start..v.end).unwrap_or(&[]) {
            let _ = write!(s, "\\x{b:02x}");
        }
    } else {
        let d = str_data(&v.object);
        for i in v.start..v.end {
            push_escape(&mut s, d.get(i));
        }
    }
    result_str(&s, v.end)
}

fn encode_only(ts: &ThreadState, e: &Value) -> PyResult<(ExcView, StrData)> {
    let v = exc_view(ts, e)?;
    if v.kind != ExcKind::Encode {
        return Err(unknown_exc(e));
    }
    let d = str_data(&v.object);
    Ok((v, d))
}

fn xmlcharrefreplace_errors(ts: &ThreadState, _m: &Value, a: Args, k: Kw) -> PyResult<Value> {
    let e = handler_arg("xmlcharrefreplace_errors", a, k)?;
    let (v, d) = encode_only(ts, e)?;
    let mut s = String::new();
    for i in v.start..v.end {
        let _ = write!(s, "&#{};", d.get(i));
    }
    result_str(&s, v.end)
}

fn namereplace_errors(ts: &ThreadState, _m: &Value, a: Args, k: Kw) -> PyResult<Value> {
    let e = handler_arg("namereplace_errors", a, k)?;
    let (v, d) = encode_only(ts, e)?;
    let mut s = String::new();
    for i in v.start..v.end {
        let c = d.get(i);
        match crate::stringlib::unicode::name(c) {
            Some(n) => {
                let _ = write!(s, "\\N{{{n}}}");
            }
            None => push_escape(&mut s, c),
        }
    }
    result_str(&s, v.end)
}

fn surrogateescape_errors(ts: &ThreadState, _m: &Value, a: Args, k: Kw) -> PyResult<Value> {
    let e = handler_arg("surrogateescape_errors", a, k)?;
    let v = exc_view(ts, e)?;
    let raise = || Err(PyErr::from_instance(e.clone()));
    match v.kind {
        ExcKind::Encode => {
            let d = str_data(&v.object);
            let mut out = Vec::new();
            for i in v.start..v.end {
                match d.get(i) {
                    c @ 0xDC80..=0xDCFF => out.push((c - 0xDC00) as u8),
                    _ => return raise(),
                }
            }
            pair(bytes::new_bytes(out), v.end)
        }
        ExcKind::Decode => {
            let data = bytes::buffer_data(&v.object).map(|d| d.into_owned()).unwrap_or_default();
            let mut cps = Vec::new();
            for &b in data.get(v.start..v.end).unwrap_or(&[]).iter().take(4) {
                if b < 128 {
                    break;
                }
                cps.push(0xDC00 + b as u32);
            }
            if cps.is_empty() {
                return raise();
            }
            pair(pystr::from_data(StrData::from_code_points(&cps)), v.start + cps.len())
        }
        ExcKind::Translate => Err(unknown_exc(e)),
    }
}

/// The UTF codec an exception's `encoding` names, for surrogatepass:
/// (unit size, little endian); 1 for UTF-8.
fn standard_utf(name: &str) -> Option<(usize, bool)> {
    let n = name.to_ascii_lowercase();
    if n == "cp65001" {
        return Some((1, true));
    }
    let rest = n.strip_prefix("utf")?;
    let rest = rest.strip_prefix(['-', '_']).unwrap_or(rest);
    let little = cfg!(target_endian = "little");
    let (size, tail) = if let Some(t) = rest.strip_prefix("16") {
        (2, t)
    } else if let Some(t) = rest.strip_prefix("32") {
        (4, t)
    } else if rest == "8" {
        return Some((1, true));
    } else {
        return None;
    };
    match tail {
        "" => Some((size, little)),
        "-le" | "_le" => Some((size, true)),
        "-be" | "_be" => Some((size, false)),
        _ => None,
    }
}

fn surrogatepass_errors(ts: &ThreadState, _m: &Value, a: Args, k: Kw) -> PyResult<Value> {
    let e = handler_arg("surrogatepass_errors", a, k)?;
    let v = exc_view(ts, e)?;
    if v.kind == ExcKind::Translate {
        return Err(unknown_exc(e));
    }
    let encoding = protocol::getattr_str(ts, e, "encoding")?;
    let raise = || Err(PyErr::from_instance(e.clone()));
    let Some((size, little)) = pystr::try_as_rust_str(&encoding).and_then(|n| standard_utf(&n)) else {
        return raise();
    };
    if v.kind == ExcKind::Encode {
        let d = str_data(&v.object);
        let mut out = Vec::new();
        for i in v.start..v.end {
            let c = d.get(i);
            if !(0xD800..=0xDFFF).contains(&c) {
                return raise();
            }
            match (size, little) {
                (1, _) => out.extend_from_slice(&[0xE0 | (c >> 12) as u8, 0x80 | ((c >> 6) & 0x3F) as u8, 0x80 | (c & 0x3F) as u8]),
                (2, true) => out.extend_from_slice(&(c as u16).to_le_bytes()),
                (2, false) => out.extend_from_slice(&(c as u16).to_be_bytes()),
                (_, true) => out.extend_from_slice(&c.to_le_bytes()),
                (_, false) => out.extend_from_slice(&c.to_be_bytes()),
            }
        }
        return pair(bytes::new_bytes(out), v.end);
    }
    let data = bytes::buffer_data(&v.object).map(|d| d.into_owned()).unwrap_or_default();
    let p = data.get(v.start..).unwrap_or(&[]);
    let (cp, n) = match size {
        1 if p.len() >= 3 && p[0] & 0xF0 == 0xE0 && p[1] & 0xC0 == 0x80 && p[2] & 0xC0 == 0x80 => {
            ((((p[0] & 0x0F) as u32) << 12) | (((p[1] & 0x3F) as u32) << 6) | (p[2] & 0x3F) as u32, 3)
        }
        2 if p.len() >= 2 => {
            let u = [p[0], p[1]];
            ((if little { u16::from_le_bytes(u) } else { u16::from_be_bytes(u) }) as u32, 2)
        }
        4 if p.len() >= 4 => {
            let u = [p[0], p[1], p[2], p[3]];
            (if little { u32::from_le_bytes(u) } else { u32::from_be_bytes(u) }, 4)
        }
        _ => return raise(),
    };
    if !(0xD800..=0xDFFF).contains(&cp) {
        return raise();
    }
    pair(pystr::from_data(StrData::from_code_points(&[cp])), v.start + n)
}

// ---------------------------------------------------------------------------
// The native codec functions.

/// `xxx_decode(data, errors=None[, final=False])`.
#[allow(clippy::too_many_arguments)]
fn simple_decode(ts: &ThreadState, fname: &str, a: Args, k: Kw, enc: Encoding, has_final: bool, final_default: bool, accept_str: bool) -> PyResult<Value> {
    let a = super::fastcall_args("_codecs", fname, a, k, 1, if has_final { 3 } else { 2 })?;
    let data = buffer_arg(ts, &a[0], accept_str)?;
    let errors = errors_arg(fname, 2, a.get(1))?;
    let final_ = flag_arg(ts, a.get(2), final_default)?;
    let (s, n) = decode_with(ts, enc, &data, errors.as_deref(), final_ || !has_final)?;
    pair(pystr::from_data(s), n)
}

/// `xxx_encode(str, errors=None)`.
fn simple_encode(ts: &ThreadState, fname: &str, a: Args, k: Kw, enc: Encoding) -> PyResult<Value> {
    let a = super::fastcall_args("_codecs", fname, a, k, 1, 2)?;
    let n = unicode_arg(fname, 1, &a[0])?.len();
    let errors = errors_arg(fname, 2, a.get(1))?;
    let out = encode_with(ts, enc, &a[0], errors.as_deref())?;
    pair(bytes::new_bytes(out), n)
}

macro_rules! codec_fns {
    ($($dec:ident $enc:ident $dname:literal $ename:literal $codec:ident $final:literal $accept_str:literal;)*) => {
        $(
            fn $dec(ts: &ThreadState, _m: &Value, a: Args, k: Kw) -> PyResult<Value> {
                simple_decode(ts, $dname, a, k, Encoding::$codec, true, $final, $accept_str)
            }
            fn $enc(ts: &ThreadState, _m: &Value, a: Args, k: Kw) -> PyResult<Value> {
                simple_encode(ts, $ename, a, k, Encoding::$codec)
            }
        )*
    };
}

codec_fns! {
    utf_8_decode utf_8_encode "utf_8_decode" "utf_8_encode" Utf8 false false;
    utf_16_le_decode utf_16_le_encode "utf_16_le_decode" "utf_16_le_encode" Utf16Le false false;
    utf_16_be_decode utf_16_be_encode "utf_16_be_decode" "utf_16_be_encode" Utf16Be false false;
    utf_32_le_decode utf_32_le_encode "utf_32_le_decode" "utf_32_le_encode" Utf32Le false false;
    utf_32_be_decode utf_32_be_encode "utf_32_be_decode" "utf_32_be_encode" Utf32Be false false;
    unicode_escape_decode unicode_escape_encode "unicode_escape_decode" "unicode_escape_encode" UnicodeEscape true true;
    raw_unicode_escape_decode raw_unicode_escape_encode "raw_unicode_escape_decode" "raw_unicode_escape_encode" RawUnicodeEscape true true;
}

fn utf_7_decode(ts: &ThreadState, _m: &Value, a: Args, k: Kw) -> PyResult<Value> {
    simple_decode(ts, "utf_7_decode", a, k, Encoding::Utf7, true, false, false)
}
fn utf_7_encode(ts: &ThreadState, _m: &Value, a: Args, k: Kw) -> PyResult<Value> {
    simple_encode(ts, "utf_7_encode", a, k, Encoding::Utf7)
}

fn utf_16_decode(ts: &ThreadState, _m: &Value, a: Args, k: Kw) -> PyResult<Value> {
    simple_decode(ts, "utf_16_decode", a, k, Encoding::Utf16, true, false, false)
}
fn utf_32_decode(ts: &ThreadState, _m: &Value, a: Args, k: Kw) -> PyResult<Value> {
    simple_decode(ts, "utf_32_decode", a, k, Encoding::Utf32, true, false, false)
}

fn latin_1_decode(ts: &ThreadState, _m: &Value, a: Args, k: Kw) -> PyResult<Value> {
    simple_decode(ts, "latin_1_decode", a, k, Encoding::Latin1, false, true, false)
}
fn latin_1_encode(ts: &ThreadState, _m: &Value, a: Args, k: Kw) -> PyResult<Value> {
    simple_encode(ts, "latin_1_encode", a, k, Encoding::Latin1)
}
fn ascii_decode(ts: &ThreadState, _m: &Value, a: Args, k: Kw) -> PyResult<Value> {
    simple_decode(ts, "ascii_decode", a, k, Encoding::Ascii, false, true, false)
}
fn ascii_encode(ts: &ThreadState, _m: &Value, a: Args, k: Kw) -> PyResult<Value> {
    simple_encode(ts, "ascii_encode", a, k, Encoding::Ascii)
}

/// `utf_16_encode(str, errors=None, byteorder=0)`: 0 writes a BOM and native order.
fn utf_xx_encode(ts: &ThreadState, fname: &str, a: Args, k: Kw, codecs: [Encoding; 3]) -> PyResult<Value> {
    let a = super::fastcall_args("_codecs", fname, a, k, 1, 3)?;
    let n = unicode_arg(fname, 1, &a[0])?.len();
    let errors = errors_arg(fname, 2, a.get(1))?;
    let order = match a.get(2) {
        Some(x) => int::c_int_arg(ts, x)?,
        None => 0,
    };
    let enc = match order {
        0 => codecs[0],
        o if o < 0 => codecs[1],
        _ => codecs[2],
    };
    let out = encode_with(ts, enc, &a[0], errors.as_deref())?;
    pair(bytes::new_bytes(out), n)
}

fn utf_16_encode(ts: &ThreadState, _m: &Value, a: Args, k: Kw) -> PyResult<Value> {
    utf_xx_encode(ts, "utf_16_encode", a, k, [Encoding::Utf16, Encoding::Utf16Le, Encoding::Utf16Be])
}
fn utf_32_encode(ts: &ThreadState, _m: &Value, a: Args, k: Kw) -> PyResult<Value> {
    utf_xx_encode(ts, "utf_32_encode", a, k, [Encoding::Utf32, Encoding::Utf32Le, Encoding::Utf32Be])
}

/// `utf_16_ex_decode(data, errors=None, byteorder=0, final=False)`:
/// (text, consumed, byteorder found: -1 little, 1 big, 0 none yet).
fn utf_xx_ex_decode(ts: &ThreadState, fname: &str, a: Args, k: Kw, codecs: [Encoding; 3]) -> PyResult<Value> {
    let a = super::fastcall_args("_codecs", fname, a, k, 1, 4)?;
    let data = buffer_arg(ts, &a[0], false)?;
    let errors = errors_arg(fname, 2, a.get(1))?;
    let order = match a.get(2) {
        Some(x) => int::c_int_arg(ts, x)?,
        None => 0,
    };
    let final_ = flag_arg(ts, a.get(3), false)?;
    let enc = match order {
        0 => codecs[0],
        o if o < 0 => codecs[1],
        _ => codecs[2],
    };
    let h = native_handler(errors.as_deref(), true).unwrap_or(ErrorHandler::Strict);
    let mut dec = Decoder::new(enc, h);
    let (s, n) = run_decoder(ts, &mut dec, &data, final_, errors.as_deref())?;
    // The byte order in force: the one given, else the one a BOM chose (0: none yet).
    let found: i64 = if order != 0 {
        order.signum() as i64
    } else if !has_bom(&data, codecs[0]) {
        0
    } else if dec.encoding() == codecs[1] {
        -1
    } else {
        1
    };
    tuple::new_tuple(vec![pystr::from_data(s), int::from_usize(n), int::from_i64(found)])
}

fn has_bom(data: &[u8], enc: Encoding) -> bool {
    if enc == Encoding::Utf16 {
        matches!(data, [0xFF, 0xFE, ..] | [0xFE, 0xFF, ..])
    } else {
        matches!(data, [0xFF, 0xFE, 0, 0, ..] | [0, 0, 0xFE, 0xFF, ..])
    }
}

fn utf_16_ex_decode(ts: &ThreadState, _m: &Value, a: Args, k: Kw) -> PyResult<Value> {
    utf_xx_ex_decode(ts, "utf_16_ex_decode", a, k, [Encoding::Utf16, Encoding::Utf16Le, Encoding::Utf16Be])
}
fn utf_32_ex_decode(ts: &ThreadState, _m: &Value, a: Args, k: Kw) -> PyResult<Value> {
    utf_xx_ex_decode(ts, "utf_32_ex_decode", a, k, [Encoding::Utf32, Encoding::Utf32Le, Encoding::Utf32Be])
}

fn readbuffer_encode(ts: &ThreadState, _m: &Value, a: Args, k: Kw) -> PyResult<Value> {
    let a = super::fastcall_args("_codecs", "readbuffer_encode", a, k, 1, 2)?;
    let data = buffer_arg(ts, &a[0], true)?;
    errors_arg("readbuffer_encode", 2, a.get(1))?;
    let n = data.len();
    pair(bytes::new_bytes(data), n)
}

// --- charmap ---------------------------------------------------------------

/// `EncodingMap`: the encoding table `charmap_build` makes of a 256-character
/// decoding table.
pub struct PyEncodingMap {
    map: EncodingMap,
    /// CPython's trie sizes, for `size()`.
    count2: usize,
    count3: usize,
}

/// The `EncodingMap` type.
pub static ENCODING_MAP_TYPE: PyType = PyObject::new_static(
    &crate::types::typeobject::TYPE_TYPE,
    TypeObject::builtin::<PyEncodingMap>("EncodingMap", &ENCODING_MAP_TYPE, Some(&crate::types::object::OBJECT_TYPE), 0),
);
impl PyPayload for PyEncodingMap {
    fn class() -> &'static PyType {
        &ENCODING_MAP_TYPE
    }
}

fn encoding_map_new(_ts: &ThreadState, _cls: &Value, _a: Args, _k: Kw) -> PyResult<Value> {
    Err(PyErr::type_error("cannot create 'EncodingMap' instances"))
}

fn encoding_map_size(_ts: &ThreadState, v: &Value, a: Args, k: Kw) -> PyResult<Value> {
    args::exact("size", a, k, 0)?;
    let m = v.downcast::<PyEncodingMap>().ok_or_else(|| PyErr::type_error("descriptor 'size' requires a 'EncodingMap' object"))?;
    // The size in bytes of CPython's three-level table.
    Ok(int::from_usize(63 + 16 * m.count2 + 128 * m.count3))
}

fn charmap_build(ts: &ThreadState, _m: &Value, a: Args, k: Kw) -> PyResult<Value> {
    let a = args::exact("_codecs.charmap_build", a, k, 1)?;
    let t = pystr::as_pystr(&a[0])
        .map(|s| &s.data)
        .ok_or_else(|| PyErr::type_error(format!("charmap_build() argument must be str, not {}", bytes::clinic_type_name(&a[0]))))?;
    let mut need_dict = t.len() != 256 || t.get(0) != 0;
    let (mut l1, mut l2) = (std::collections::HashSet::new(), std::collections::HashSet::new());
    for c in t.code_points().skip(1) {
        if c == 0 || c > 0xFFFF {
            need_dict = true;
            break;
        }
        if c != 0xFFFE {
            l1.insert(c >> 11);
            l2.insert(c >> 7);
        }
    }
    if need_dict || l1.len() >= 0xFF || l2.len() >= 0xFF {
        let d = dict::new_dict();
        for (i, c) in t.code_points().enumerate() {
            dict::dict_set_item(ts, &d, int::from_i64(c as i64), int::from_usize(i))?;
        }
        return Ok(d);
    }
    Value::new(PyEncodingMap { map: EncodingMap::build(t), count2: l1.len(), count3: l2.len() })
}

/// A charmap mapping's byte for code point `c` (CPython's charmapencode_lookup).
fn mapping_byte(ts: &ThreadState, mapping: &Value, c: u32) -> PyResult<Option<Vec<u8>>> {
    if let Some(m) = mapping.downcast::<PyEncodingMap>() {
        return Ok(m.map.get(c).map(|b| vec![b]));
    }
    let r = match protocol::getitem(ts, mapping, &int::from_i64(c as i64)) {
        Ok(r) => r,
        Err(e) if e.matches(&exc::LOOKUP_ERROR) => return Ok(None),
        Err(e) => return Err(e),
    };
    if none::is_none(&r) {
        return Ok(None);
    }
    if int::is_int(&r) {
        return match int::to_isize(&r) {
            Some(b @ 0..=255) => Ok(Some(vec![b as u8])),
            _ => Err(PyErr::type_error("character mapping must be in range(256)")),
        };
    }
    if let Some(b) = bytes::try_bytes_data(&r) {
        return Ok(Some(b));
    }
    Err(PyErr::type_error(format!("character mapping must return integer, bytes or None, not {}", protocol::type_name(&r))))
}

fn charmap_encode(ts: &ThreadState, _m: &Value, a: Args, k: Kw) -> PyResult<Value> {
    let a = super::fastcall_args("_codecs", "charmap_encode", a, k, 1, 3)?;
    let s = unicode_arg("charmap_encode", 1, &a[0])?;
    let errors = errors_arg("charmap_encode", 2, a.get(1))?;
    let n = s.len();
    let mapping = a.get(2).filter(|m| !none::is_none(m)).cloned();
    let Some(mapping) = mapping else {
        return pair(bytes::new_bytes(encode_with(ts, Encoding::Latin1, &a[0], errors.as_deref())?), n);
    };
    let native = native_handler(errors.as_deref(), false);
    let mut out = Vec::with_capacity(n);
    let mut pos = 0;
    let mut handler: Option<Value> = None;
    loop {
        // Multi-byte values of a dict mapping are kept aside and spliced in.
        let mut extra: Vec<(usize, Vec<u8>)> = Vec::new();
        let mut lookup = |c: u32| -> Result<Option<u8>, PyErr> {
            match mapping_byte(ts, &mapping, c)? {
                None => Ok(None),
                Some(b) if b.len() == 1 => Ok(Some(b[0])),
                Some(b) => {
                    extra.push((0, b));
                    Ok(Some(0))
                }
            }
        };
        let start_len = out.len();
        let r = sc::charmap_encode_into(s, pos, native.unwrap_or(ErrorHandler::Strict), &mut lookup, &mut out);
        if !extra.is_empty() {
            // Rare: re-encode the run one code point at a time to place them.
            out.truncate(start_len);
            return charmap_encode_slow(ts, &a[0], s, &mapping, pos, errors.as_deref(), out, n);
        }
        match r {
            Ok(()) => return pair(bytes::new_bytes(out), n),
            Err(CharmapError::Lookup(e)) => return Err(e),
            Err(CharmapError::Codec(e)) if native.is_some() => return Err(encode_error(ts, &e, &a[0])),
            Err(CharmapError::Codec(e)) => {
                pos = charmap_call_handler(ts, &mut handler, errors.as_deref(), &a[0], s, &mapping, &e, &mut out)?;
            }
        }
    }
}

/// A Python handler's answer to a charmap encoding error: its replacement
/// (str through the mapping, bytes as they are) appended; the next position.
#[allow(clippy::too_many_arguments)]
fn charmap_call_handler(
    ts: &ThreadState,
    handler: &mut Option<Value>,
    errors: Option<&str>,
    s_obj: &Value,
    s: &StrData,
    mapping: &Value,
    e: &CodecError,
    out: &mut Vec<u8>,
) -> PyResult<usize> {
    let h = match handler {
        Some(h) => h.clone(),
        None => {
            let h = lookup_error(ts, errors.unwrap_or("strict"))?;
            *handler = Some(h.clone());
            h
        }
    };
    let exc_v = new_unicode_error(ts, &exc::UNICODE_ENCODE_ERROR, e.encoding, s_obj.clone(), e.start, e.end, e.reason)?;
    let (rep, next) = call_handler(ts, &h, exc_v, s.len(), true)?;
    if let Some(r) = pystr::as_pystr(&rep) {
        for c in r.data.code_points() {
            match mapping_byte(ts, mapping, c)? {
                Some(b) => out.extend_from_slice(&b),
                None => return Err(encode_error(ts, e, s_obj)),
            }
        }
    } else {
        out.extend_from_slice(&bytes::try_bytes_data(&rep).unwrap_or_default());
    }
    Ok(next)
}

/// charmap_encode with a mapping giving several bytes for a code point.
#[allow(clippy::too_many_arguments)]
fn charmap_encode_slow(
    ts: &ThreadState,
    s_obj: &Value,
    s: &StrData,
    mapping: &Value,
    mut pos: usize,
    errors: Option<&str>,
    mut out: Vec<u8>,
    n: usize,
) -> PyResult<Value> {
    let native = native_handler(errors, false);
    let mut handler = None;
    while pos < n {
        if let Some(b) = mapping_byte(ts, mapping, s.get(pos))? {
            out.extend_from_slice(&b);
            pos += 1;
            continue;
        }
        let mut end = pos + 1;
        while end < n && mapping_byte(ts, mapping, s.get(end))?.is_none() {
            end += 1;
        }
        let e = CodecError { encoding: "charmap", start: pos, end, reason: "character maps to <undefined>" };
        match native {
            Some(ErrorHandler::Ignore) => pos = end,
            Some(h) if h != ErrorHandler::Strict => {
                // Run the standard handler through its function form.
                let f = lookup_error(ts, errors.unwrap_or("strict"))?;
                handler = Some(f);
                pos = charmap_call_handler(ts, &mut handler, errors, s_obj, s, mapping, &e, &mut out)?;
            }
            Some(_) => return Err(encode_error(ts, &e, s_obj)),
            None => pos = charmap_call_handler(ts, &mut handler, errors, s_obj, s, mapping, &e, &mut out)?,
        }
    }
    pair(bytes::new_bytes(out), n)
}

fn charmap_decode(ts: &ThreadState, _m: &Value, a: Args, k: Kw) -> PyResult<Value> {
    let a = super::fastcall_args("_codecs", "charmap_decode", a, k, 1, 3)?;
    let data = buffer_arg(ts, &a[0], false)?;
    let errors = errors_arg("charmap_decode", 2, a.get(1))?;
    let mapping = a.get(2).filter(|m| !none::is_none(m)).cloned();
    let Some(mapping) = mapping else {
        let (s, n) = decode_with(ts, Encoding::Latin1, &data, errors.as_deref(), true)?;
        return pair(pystr::from_data(s), n);
    };
    if let Some(t) = pystr::as_pystr(&mapping) {
        let h = native_handler(errors.as_deref(), true).unwrap_or(ErrorHandler::Strict);
        let mut dec = Decoder::charmap(t.data.clone(), h);
        let (s, n) = run_decoder(ts, &mut dec, &data, true, errors.as_deref())?;
        return pair(pystr::from_data(s), n);
    }
    // Any other mapping: each byte looked up in it.
    let mut out = StrBuilder::new();
    let mut pos = 0;
    let mut handler = None;
    let native = native_handler(errors.as_deref(), true);
    while pos < data.len() {
        let r = match protocol::getitem(ts, &mapping, &int::from_i64(data[pos] as i64)) {
            Ok(r) => Some(r),
            Err(e) if e.matches(&exc::LOOKUP_ERROR) => None,
            Err(e) => return Err(e),
        };
        let mapped = match r {
            None => false,
            Some(r) if none::is_none(&r) => false,
            Some(r) if int::is_int(&r) => match int::to_isize(&r) {
                Some(c @ 0..=0x10FFFF) if c != 0xFFFE => {
                    out.push(c as u32);
                    true
                }
                Some(0xFFFE) => false,
                _ => return Err(PyErr::type_error("character mapping must be in range(0x110000)")),
            },
            Some(r) => match pystr::as_pystr(&r) {
                Some(x) if x.data.len() == 1 && x.data.get(0) == 0xFFFE => false,
                Some(x) => {
                    out.push_str(&x.data);
                    true
                }
                None => return Err(PyErr::type_error("character mapping must return integer, None or str")),
            },
        };
        if mapped {
            pos += 1;
            continue;
        }
        let e = CodecError { encoding: "charmap", start: pos, end: pos + 1, reason: "character maps to <undefined>" };
        match native {
            Some(ErrorHandler::Strict) => return Err(decode_error(ts, &e, &data)),
            Some(ErrorHandler::Ignore) => pos += 1,
            Some(ErrorHandler::Replace) => {
                out.push(0xFFFD);
                pos += 1;
            }
            _ => {
                let h = match &handler {
                    Some(h) => Value::clone(h),
                    None => {
                        let h = lookup_error(ts, errors.as_deref().unwrap_or("strict"))?;
                        handler = Some(h.clone());
                        h
                    }
                };
                let exc_v = new_unicode_error(ts, &exc::UNICODE_DECODE_ERROR, "charmap", bytes::new_bytes(data.clone()), pos, pos + 1, e.reason)?;
                let (rep, next) = call_handler(ts, &h, exc_v, data.len(), false)?;
                if let Some(x) = pystr::as_pystr(&rep) {
                    out.push_str(&x.data);
                }
                pos = next;
            }
        }
    }
    let n = data.len();
    pair(pystr::from_data(out.finish()), n)
}

// --- escape codecs (bytes literals) ---------------------------------------

fn escape_encode(_ts: &ThreadState, _m: &Value, a: Args, k: Kw) -> PyResult<Value> {
    let a = super::fastcall_args("_codecs", "escape_encode", a, k, 1, 2)?;
    let data = a[0].downcast::<bytes::PyBytes>().map(|b| b.data.to_vec()).ok_or_else(|| {
        PyErr::type_error(format!("escape_encode() argument 1 must be bytes, not {}", bytes::clinic_type_name(&a[0])))
    })?;
    errors_arg("escape_encode", 2, a.get(1))?;
    let mut out = Vec::with_capacity(data.len());
    for &b in &data {
        match b {
            b'\\' | b'\'' => out.extend_from_slice(&[b'\\', b]),
            b'\t' => out.extend_from_slice(b"\\t"),
            b'\n' => out.extend_from_slice(b"\\n"),
            b'\r' => out.extend_from_slice(b"\\r"),
            0x20..=0x7E => out.push(b),
            _ => out.extend_from_slice(format!("\\x{b:02x}").as_bytes()),
        }
    }
    pair(bytes::new_bytes(out), data.len())
}

/// Decodes the backslash escapes of a bytes literal; `errors` handles a bad
/// `\x` escape ("strict", "ignore" or "replace"). Also returns the
/// DeprecationWarning message for the first invalid escape.
pub fn decode_bytes_escapes(data: &[u8], errors: &str) -> PyResult<(Vec<u8>, Option<String>)> {
    let mut out = Vec::with_capacity(data.len());
    let mut warning: Option<String> = None;
    let mut i = 0;
    while i < data.len() {
        let b = data[i];
        if b != b'\\' {
            out.push(b);
            i += 1;
            continue;
        }
        i += 1;
        let Some(&c) = data.get(i) else {
            return Err(PyErr::value_error("Trailing \\ in string"));
        };
        i += 1;
        match c {
            b'\n' => {}
            b'\\' => out.push(b'\\'),
            b'\'' => out.push(b'\''),
            b'"' => out.push(b'"'),
            b'b' => out.push(8),
            b'f' => out.push(12),
            b't' => out.push(b'\t'),
            b'n' => out.push(b'\n'),
            b'r' => out.push(b'\r'),
            b'v' => out.push(11),
            b'a' => out.push(7),
            b'0'..=b'7' => {
                let first = i - 1;
                let mut v = (c - b'0') as u32;
                for _ in 0..2 {
                    match data.get(i) {
                        Some(&d @ b'0'..=b'7') => {
                            v = v * 8 + (d - b'0') as u32;
                            i += 1;
                        }
                        _ => break,
                    }
                }
                if v > 0o377 && warning.is_none() {
                    warning = Some(format!("invalid octal escape sequence '\\{}'", String::from_utf8_lossy(&data[first..i])));
                }
                out.push(v as u8);
            }
            b'x' => {
                let hex = |x: Option<&u8>| x.and_then(|&d| (d as char).to_digit(16));
                match (hex(data.get(i)), hex(data.get(i + 1))) {
                    (Some(h), Some(l)) => {
                        out.push((h * 16 + l) as u8);
                        i += 2;
                    }
                    _ => match errors {
                        "strict" => {
                            return Err(PyErr::value_error(format!("invalid \\x escape at position {}", i - 2)));
                        }
                        "replace" => {
                            out.push(b'?');
                            // Skip the hex digits that were there.
                            i += hex(data.get(i)).is_some() as usize;
                        }
                        "ignore" => i += hex(data.get(i)).is_some() as usize,
                        other => {
                            return Err(PyErr::value_error(format!("decoding error; unknown error handling code: {other}")));
                        }
                    },
                }
            }
            _ => {
                if warning.is_none() {
                    warning = Some(format!("invalid escape sequence '\\{}'", c as char));
                }
                out.push(b'\\');
                out.push(c);
            }
        }
    }
    Ok((out, warning))
}

fn escape_decode(ts: &ThreadState, _m: &Value, a: Args, k: Kw) -> PyResult<Value> {
    let a = super::fastcall_args("_codecs", "escape_decode", a, k, 1, 2)?;
    let data = buffer_arg(ts, &a[0], true)?;
    let errors = errors_arg("escape_decode", 2, a.get(1))?;
    let (out, warning) = decode_bytes_escapes(&data, errors.as_deref().unwrap_or("strict"))?;
    if let Some(w) = warning {
        warn_deprecation(ts, &w)?;
    }
    pair(bytes::new_bytes(out), data.len())
}

// ---------------------------------------------------------------------------

/// The static types of this module.
pub fn types() -> Vec<&'static PyType> {
    vec![&ENCODING_MAP_TYPE]
}

/// Fill the static types.
pub fn init() {
    ENCODING_MAP_TYPE.data.slots.getattro.set(Some(protocol::generic_getattr));
    ENCODING_MAP_TYPE.data.slots.new.set(Some(encoding_map_new));
    crate::types::descr::add_methods(&ENCODING_MAP_TYPE, &[("size", encoding_map_size)]);
}

/// Create the `_codecs` module.
pub fn create(ts: &ThreadState) -> PyResult<Value> {
    let (m, _d) = super::new_native_module(
        ts,
        "_codecs",
        &[
            ("register", c_register),
            ("unregister", c_unregister),
            ("lookup", c_lookup),
            ("encode", c_encode),
            ("decode", c_decode),
            ("escape_encode", escape_encode),
            ("escape_decode", escape_decode),
            ("utf_8_encode", utf_8_encode),
            ("utf_8_decode", utf_8_decode),
            ("utf_7_encode", utf_7_encode),
            ("utf_7_decode", utf_7_decode),
            ("utf_16_encode", utf_16_encode),
            ("utf_16_decode", utf_16_decode),
            ("utf_16_le_encode", utf_16_le_encode),
            ("utf_16_le_decode", utf_16_le_decode),
            ("utf_16_be_encode", utf_16_be_encode),
            ("utf_16_be_decode", utf_16_be_decode),
            ("utf_16_ex_decode", utf_16_ex_decode),
            ("utf_32_encode", utf_32_encode),
            ("utf_32_decode", utf_32_decode),
            ("utf_32_le_encode", utf_32_le_encode),
            ("utf_32_le_decode", utf_32_le_decode),
            ("utf_32_be_encode", utf_32_be_encode),
            ("utf_32_be_decode", utf_32_be_decode),
            ("utf_32_ex_decode", utf_32_ex_decode),
            ("unicode_escape_encode", unicode_escape_encode),
            ("unicode_escape_decode", unicode_escape_decode),
            ("raw_unicode_escape_encode", raw_unicode_escape_encode),
            ("raw_unicode_escape_decode", raw_unicode_escape_decode),
            ("latin_1_encode", latin_1_encode),
            ("latin_1_decode", latin_1_decode),
            ("ascii_encode", ascii_encode),
            ("ascii_decode", ascii_decode),
            ("charmap_encode", charmap_encode),
            ("charmap_decode", charmap_decode),
            ("charmap_build", charmap_build),
            ("readbuffer_encode", readbuffer_encode),
            ("register_error", c_register_error),
            ("lookup_error", c_lookup_error),
        ],
    )?;
    Ok(m)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn surrogatepass_encodings() {
        // As CPython's get_standard_encoding.
        assert_eq!(standard_utf("utf-8"), Some((1, true)));
        assert_eq!(standard_utf("UTF8"), Some((1, true)));
        assert_eq!(standard_utf("utf-16-be"), Some((2, false)));
        assert_eq!(standard_utf("utf_32_le"), Some((4, true)));
        assert_eq!(standard_utf("latin-1"), None);
        assert_eq!(standard_utf("utf-7"), None);
    }

    #[test]
    fn bytes_escapes() {
        // Expected values from python3: codecs.escape_decode(...)[0].
        let ok = |d: &[u8], e: &str| decode_bytes_escapes(d, e).ok();
        assert_eq!(ok(b"a\\n\\x41\\101\\q\\\n", "strict"), Some((b"a\nAA\\q".to_vec(), Some("invalid escape sequence '\\q'".into()))));
        assert!(decode_bytes_escapes(b"\\x4", "strict").is_err());
        assert_eq!(ok(b"\\x4g", "replace"), Some((b"?g".to_vec(), None)));
        assert_eq!(ok(b"\\x4g", "ignore"), Some((b"g".to_vec(), None)));
        assert_eq!(ok(b"\\777\\8", "strict"), Some((b"\xff\\8".to_vec(), Some("invalid octal escape sequence '\\777'".into()))));
        assert!(decode_bytes_escapes(b"ab\\", "strict").is_err());
    }
}
