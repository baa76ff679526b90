//! `_json`: the accelerators behind the standard library's json package
//! (CPython's Modules/_json.c): `scanstring`, `encode_basestring(_ascii)`,
//! the `Scanner` type (`make_scanner`) and the `Encoder` type
//! (`make_encoder`). Errors carry CPython's messages and positions; the
//! decoder relies on `StopIteration(idx)` when no value starts at `idx`.

use crate::object::args;
use crate::object::protocol;
use crate::object::typeobj::{PyType, TypeObject, TPFLAGS_HAVE_GC};
use crate::object::value::{PyObject, PyPayload, Value};
use crate::runtime::errors::{PyErr, PyResult};
use crate::runtime::thread::ThreadState;
use crate::stringlib::{StrBuilder, StrData};
use crate::types::{bool_, dict, float, int, list, none, str as pystr, tuple};

type Args<'a> = &'a [Value];
type Kw<'a> = Option<&'a Value>;

/// Stack kept free before descending one nesting level.
const RED_ZONE: usize = 128 * 1024;
/// Size of each stack segment added for deep documents.
const STACK_SEGMENT: usize = 2 * 1024 * 1024;

/// `_json.Scanner`: the decoder's settings read once from the context.
pub struct Scanner {
    strict: bool,
    object_hook: Value,
    object_pairs_hook: Value,
    parse_float: Value,
    parse_int: Value,
    parse_constant: Value,
}

/// `_json.Encoder`: the settings of one `JSONEncoder.iterencode` call.
pub struct Encoder {
    markers: Value,
    defaultfn: Value,
    encoder: Value,
    indent: Value,
    key_separator: Value,
    item_separator: Value,
    sort_keys: bool,
    skipkeys: bool,
    allow_nan: bool,
    /// Which native string escaper `encoder` is, if any (true: ASCII).
    fast_encode: Option<bool>,
}

/// `_json.Scanner` (exposed as `make_scanner`).
pub static SCANNER_TYPE: PyType =
    PyObject::new_static(&crate::types::typeobject::TYPE_TYPE, TypeObject::builtin::<Scanner>("_json.Scanner", &SCANNER_TYPE, Some(&crate::types::object::OBJECT_TYPE), TPFLAGS_HAVE_GC));
/// `_json.Encoder` (exposed as `make_encoder`).
pub static ENCODER_TYPE: PyType =
    PyObject::new_static(&crate::types::typeobject::TYPE_TYPE, TypeObject::builtin::<Encoder>("_json.Encoder", &ENCODER_TYPE, Some(&crate::types::object::OBJECT_TYPE), TPFLAGS_HAVE_GC));

impl PyPayload for Scanner {
    fn class() -> &'static PyType {
        &SCANNER_TYPE
    }
}
impl PyPayload for Encoder {
    fn class() -> &'static PyType {
        &ENCODER_TYPE
    }
}

/// The static types of this module.
pub fn types() -> Vec<&'static PyType> {
    vec![&SCANNER_TYPE, &ENCODER_TYPE]
}

/// Counts one nesting level against the interpreter's recursion limit
/// (CPython's Py_EnterRecursiveCall), so deep documents raise
/// RecursionError instead of exhausting the stack.
struct Depth<'a>(&'a ThreadState);

impl<'a> Depth<'a> {
    fn enter(ts: &'a ThreadState, what: &str) -> PyResult<Depth<'a>> {
        let d = ts.recursion_depth.get();
        if d >= ts.interp().recursion_limit.get() {
            return Err(PyErr::recursion_error(format!("maximum recursion depth exceeded{what}")));
        }
        ts.recursion_depth.set(d + 1);
        Ok(Depth(ts))
    }
}

impl Drop for Depth<'_> {
    fn drop(&mut self) {
        self.0.recursion_depth.set(self.0.recursion_depth.get().saturating_sub(1));
    }
}

/// Raise `json.decoder.JSONDecodeError(msg, s, pos)`.
fn decode_error(ts: &ThreadState, msg: &str, s: &Value, pos: usize) -> PyErr {
    let make = || -> PyResult<PyErr> {
        let m = crate::import::import_absolute(ts, "json.decoder")?;
        let m = match protocol::lookup_attr(ts, &m, &pystr::intern("decoder"))? {
            Some(sub) if crate::types::module::module_dict(&sub).is_some() => sub,
            _ => m,
        };
        let cls = protocol::getattr_str(ts, &m, "JSONDecodeError")?;
        let e = protocol::call(ts, &cls, &[pystr::new_str(msg), s.clone(), int::from_usize(pos)], None)?;
        Ok(PyErr::from_instance(e))
    };
    match make() {
        Ok(e) | Err(e) => e,
    }
}

fn stop_iteration(idx: usize) -> PyErr {
    PyErr::stop_iteration(Some(int::from_usize(idx)))
}

fn first_arg_str<'a>(v: &'a Value) -> PyResult<&'a StrData> {
    match pystr::as_pystr(v) {
        Some(s) => Ok(&s.data),
        None => Err(PyErr::type_error(format!("first argument must be a string, not {}", protocol::type_name(v)))),
    }
}

fn hex4(d: &StrData, at: usize) -> Option<u32> {
    let mut c = 0u32;
    for i in at..at + 4 {
        c = (c << 4) | char::from_u32(d.get(i))?.to_digit(16)?;
    }
    Some(c)
}

/// Why a JSON string could not be decoded.
#[derive(Debug, PartialEq)]
enum ScanErr {
    /// `end` lies outside the text (ValueError).
    Bounds,
    /// A JSONDecodeError message and position.
    Decode(&'static str, usize),
}

/// Decode the JSON string whose body starts at `end` (just after the
/// opening quote); returns the text and the index after the closing quote.
fn scan_string(ts: &ThreadState, s: &Value, d: &StrData, end: isize, strict: bool) -> PyResult<(Value, usize)> {
    match scan_string_data(d, end, strict) {
        Ok((text, next)) => Ok((pystr::from_data(text), next)),
        Err(ScanErr::Bounds) => Err(PyErr::value_error("end is out of bounds")),
        Err(ScanErr::Decode(msg, pos)) => Err(decode_error(ts, msg, s, pos)),
    }
}

fn scan_string_data(d: &StrData, end: isize, strict: bool) -> Result<(StrData, usize), ScanErr> {
    let len = d.len();
    if end < 0 || end as usize > len {
        return Err(ScanErr::Bounds);
    }
    let mut end = end as usize;
    let begin = end.saturating_sub(1);
    let mut out = StrBuilder::new();
    loop {
        // A run of plain characters.
        let mut next = end;
        let mut term = None;
        while next < len {
            let c = d.get(next);
            if c == '"' as u32 || c == '\\' as u32 {
                term = Some(c);
                break;
            }
            if c <= 0x1f && strict {
                return Err(ScanErr::Decode("Invalid control character at", next));
            }
            next += 1;
        }
        let Some(term) = term else {
            return Err(ScanErr::Decode("Unterminated string starting at", begin));
        };
        if next > end {
            out.push_slice(d, end, next);
        }
        if term == '"' as u32 {
            return Ok((out.finish(), next + 1));
        }
        next += 1; // the backslash
        if next == len {
            return Err(ScanErr::Decode("Unterminated string starting at", begin));
        }
        let c = d.get(next);
        if c != 'u' as u32 {
            end = next + 1;
            let r = match char::from_u32(c) {
                Some('"') => '"',
                Some('\\') => '\\',
                Some('/') => '/',
                Some('b') => '\u{8}',
                Some('f') => '\u{c}',
                Some('n') => '\n',
                Some('r') => '\r',
                Some('t') => '\t',
                _ => return Err(ScanErr::Decode("Invalid \\escape", end - 2)),
            };
            out.push(r as u32);
            continue;
        }
        next += 1;
        end = next + 4;
        if end >= len {
            return Err(ScanErr::Decode("Invalid \\uXXXX escape", next - 1));
        }
        let Some(mut c) = hex4(d, next) else {
            return Err(ScanErr::Decode("Invalid \\uXXXX escape", end - 5));
        };
        // A high surrogate followed by an escaped low one is one character.
        if (0xd800..0xdc00).contains(&c) && end + 6 < len && d.get(end) == '\\' as u32 && d.get(end + 1) == 'u' as u32 {
            let Some(c2) = hex4(d, end + 2) else {
                return Err(ScanErr::Decode("Invalid \\uXXXX escape", end + 1));
            };
            if (0xdc00..0xe000).contains(&c2) {
                c = 0x10000 + (((c - 0xd800) << 10) | (c2 - 0xdc00));
                end += 6;
            }
        }
        out.push(c);
    }
}

fn scanstring(ts: &ThreadState, _m: &Value, a: Args, k: Kw) -> PyResult<Value> {
    args::no_kwargs("scanstring", k)?;
    // PyArg_ParseTuple's wording, not Argument Clinic's.
    if a.len() < 2 {
        return Err(PyErr::type_error(format!("scanstring() takes at least 2 arguments ({} given)", a.len())));
    }
    if a.len() > 3 {
        return Err(PyErr::type_error(format!("scanstring() takes at most 3 arguments ({} given)", a.len())));
    }
    let end = int::ssize_arg(ts, &a[1])?;
    let strict = match a.get(2) {
        Some(v) => protocol::is_true(ts, v)?,
        None => true,
    };
    let d = first_arg_str(&a[0])?;
    let (text, next) = scan_string(ts, &a[0], d, end, strict)?;
    tuple::new_tuple(vec![text, int::from_usize(next)])
}

fn push_u_escape(out: &mut StrBuilder, c: u32) {
    const HEX: &[u8; 16] = b"0123456789abcdef";
    out.push('\\' as u32);
    out.push('u' as u32);
    for shift in [12, 8, 4, 0] {
        out.push(HEX[((c >> shift) & 0xf) as usize] as u32);
    }
}

/// The JSON string literal of `d`: non-ASCII escaped as `\uXXXX` (with
/// surrogate pairs) when `ascii`, else kept.
fn escape(d: &StrData, ascii: bool) -> Value {
    pystr::from_data(escape_data(d, ascii))
}

fn escape_data(d: &StrData, ascii: bool) -> StrData {
    let mut out = StrBuilder::new();
    out.push('"' as u32);
    for c in d.code_points() {
        match c {
            0x22 => out.push_utf8("\\\""),
            0x5c => out.push_utf8("\\\\"),
            0x08 => out.push_utf8("\\b"),
            0x0c => out.push_utf8("\\f"),
            0x0a => out.push_utf8("\\n"),
            0x0d => out.push_utf8("\\r"),
            0x09 => out.push_utf8("\\t"),
            0..=0x1f => push_u_escape(&mut out, c),
            0x7f.. if ascii => {
                if c >= 0x10000 {
                    let v = c - 0x10000;
                    push_u_escape(&mut out, 0xd800 | (v >> 10));
                    push_u_escape(&mut out, 0xdc00 | (v & 0x3ff));
                } else {
                    push_u_escape(&mut out, c);
                }
            }
            _ => out.push(c),
        }
    }
    out.push('"' as u32);
    out.finish()
}

fn encode_basestring_ascii(_ts: &ThreadState, _m: &Value, a: Args, k: Kw) -> PyResult<Value> {
    let a = args::exact("encode_basestring_ascii", a, k, 1)?;
    Ok(escape(first_arg_str(&a[0])?, true))
}

fn encode_basestring(_ts: &ThreadState, _m: &Value, a: Args, k: Kw) -> PyResult<Value> {
    let a = args::exact("encode_basestring", a, k, 1)?;
    Ok(escape(first_arg_str(&a[0])?, false))
}

// ---- Scanner ----

fn scanner_new(ts: &ThreadState, _cls: &Value, a: Args, k: Kw) -> PyResult<Value> {
    let [ctx] = args::bind("make_scanner", a, k, ["context"], 0, 1, 1)?;
    let ctx = ctx.unwrap_or_else(none::none);
    let strict = protocol::getattr_str(ts, &ctx, "strict")?;
    let strict = protocol::is_true(ts, &strict)?;
    Value::new(Scanner {
        strict,
        object_hook: protocol::getattr_str(ts, &ctx, "object_hook")?,
        object_pairs_hook: protocol::getattr_str(ts, &ctx, "object_pairs_hook")?,
        parse_float: protocol::getattr_str(ts, &ctx, "parse_float")?,
        parse_int: protocol::getattr_str(ts, &ctx, "parse_int")?,
        parse_constant: protocol::getattr_str(ts, &ctx, "parse_constant")?,
    })
}

/// One scan over a document: the settings, the text and the key memo.
struct Scan<'a> {
    ts: &'a ThreadState,
    sc: &'a Scanner,
    s: &'a Value,
    d: &'a StrData,
    memo: Value,
}

fn is_ws(c: u32) -> bool {
    c == ' ' as u32 || c == '\t' as u32 || c == '\n' as u32 || c == '\r' as u32
}

impl Scan<'_> {
    fn at(&self, i: usize) -> Option<u32> {
        self.d.try_get(i)
    }

    fn skip_ws(&self, mut i: usize) -> usize {
        while self.at(i).is_some_and(is_ws) {
            i += 1;
        }
        i
    }

    fn matches(&self, i: usize, word: &str) -> bool {
        word.bytes().enumerate().all(|(j, b)| self.at(i + j) == Some(b as u32))
    }

    fn err(&self, msg: &str, pos: usize) -> PyErr {
        decode_error(self.ts, msg, self.s, pos)
    }

    /// One JSON value starting at `idx`: (value, index after it).
    fn scan_once(&self, idx: usize) -> PyResult<(Value, usize)> {
        let Some(c) = self.at(idx) else {
            return Err(stop_iteration(idx));
        };
        match char::from_u32(c) {
            Some('"') => return scan_string(self.ts, self.s, self.d, idx as isize + 1, self.sc.strict),
            Some('{') => {
                let _g = Depth::enter(self.ts, " while decoding a JSON object from a unicode string")?;
                return stacker::maybe_grow(RED_ZONE, STACK_SEGMENT, || self.parse_object(idx + 1));
            }
            Some('[') => {
                let _g = Depth::enter(self.ts, " while decoding a JSON array from a unicode string")?;
                return stacker::maybe_grow(RED_ZONE, STACK_SEGMENT, || self.parse_array(idx + 1));
            }
            Some('n') if self.matches(idx, "null") => return Ok((none::none(), idx + 4)),
            Some('t') if self.matches(idx, "true") => return Ok((bool_::true_value(), idx + 4)),
            Some('f') if self.matches(idx, "false") => return Ok((bool_::false_value(), idx + 5)),
            Some('N') if self.matches(idx, "NaN") => return self.constant("NaN", idx),
            Some('I') if self.matches(idx, "Infinity") => return self.constant("Infinity", idx),
            Some('-') if self.matches(idx, "-Infinity") => return self.constant("-Infinity", idx),
            _ => {}
        }
        self.number(idx)
    }

    fn constant(&self, name: &str, idx: usize) -> PyResult<(Value, usize)> {
        let v = protocol::call(self.ts, &self.sc.parse_constant, &[pystr::intern(name)], None)?;
        Ok((v, idx + name.len()))
    }

    fn is_digit(&self, i: usize) -> bool {
        self.at(i).is_some_and(|c| ('0' as u32..='9' as u32).contains(&c))
    }

    /// A number by JSON's grammar; StopIteration when none starts here.
    fn number(&self, start: usize) -> PyResult<(Value, usize)> {
        let mut idx = start;
        if self.at(idx) == Some('-' as u32) {
            idx += 1;
        }
        match self.at(idx) {
            Some(c) if ('1' as u32..='9' as u32).contains(&c) => {
                idx += 1;
                while self.is_digit(idx) {
                    idx += 1;
                }
            }
            Some(c) if c == '0' as u32 => idx += 1,
            _ => return Err(stop_iteration(start)),
        }
        let mut is_float = false;
        if self.at(idx) == Some('.' as u32) && self.is_digit(idx + 1) {
            is_float = true;
            idx += 2;
            while self.is_digit(idx) {
                idx += 1;
            }
        }
        if matches!(self.at(idx), Some(c) if c == 'e' as u32 || c == 'E' as u32) {
            let mut j = idx + 1;
            if matches!(self.at(j), Some(c) if c == '+' as u32 || c == '-' as u32) {
                j += 1;
            }
            let digits_from = j;
            while self.is_digit(j) {
                j += 1;
            }
            if j > digits_from {
                is_float = true;
                idx = j;
            }
        }
        // The number is ASCII by construction.
        let text: String = (start..idx).filter_map(|i| char::from_u32(self.d.get(i))).collect();
        let (hook, default) = if is_float { (&self.sc.parse_float, &float::FLOAT_TYPE) } else { (&self.sc.parse_int, &int::INT_TYPE) };
        let v = if !hook.is(&default.to_value()) {
            protocol::call(self.ts, hook, &[pystr::new_str(&text)], None)?
        } else if is_float {
            float::new_float(text.parse::<f64>().map_err(|_| PyErr::value_error(format!("could not convert string to float: '{text}'")))?)
        } else if text.len() <= 18 {
            int::from_i64(text.parse::<i64>().map_err(|_| PyErr::value_error("invalid literal for int()"))?)
        } else {
            protocol::call(self.ts, &int::INT_TYPE.to_value(), &[pystr::new_str(&text)], None)?
        };
        Ok((v, idx))
    }

    fn parse_object(&self, mut idx: usize) -> PyResult<(Value, usize)> {
        let pairs_hook = !none::is_none(&self.sc.object_pairs_hook);
        let mut pairs: Vec<Value> = Vec::new();
        let out = dict::new_dict();
        idx = self.skip_ws(idx);
        if self.at(idx) != Some('}' as u32) {
            loop {
                if self.at(idx) != Some('"' as u32) {
                    return Err(self.err("Expecting property name enclosed in double quotes", idx));
                }
                let (key, next) = scan_string(self.ts, self.s, self.d, idx as isize + 1, self.sc.strict)?;
                // Equal keys share one str object across the document.
                let key = match dict::dict_get_item(self.ts, &self.memo, &key)? {
                    Some(k) => k,
                    None => {
                        dict::dict_set_item(self.ts, &self.memo, key.clone(), key.clone())?;
                        key
                    }
                };
                idx = self.skip_ws(next);
                if self.at(idx) != Some(':' as u32) {
                    return Err(self.err("Expecting ':' delimiter", idx));
                }
                idx = self.skip_ws(idx + 1);
                let (val, next) = self.scan_once(idx)?;
                if pairs_hook {
                    pairs.push(tuple::new_tuple(vec![key, val])?);
                } else {
                    dict::dict_set_item(self.ts, &out, key, val)?;
                }
                idx = self.skip_ws(next);
                if self.at(idx) == Some('}' as u32) {
                    break;
                }
                if self.at(idx) != Some(',' as u32) {
                    return Err(self.err("Expecting ',' delimiter", idx));
                }
                idx = self.skip_ws(idx + 1);
            }
        }
        let end = idx + 1;
        if pairs_hook {
            let l = list::new_list(pairs)?;
            return Ok((protocol::call(self.ts, &self.sc.object_pairs_hook, &[l], None)?, end));
        }
        if !none::is_none(&self.sc.object_hook) {
            return Ok((protocol::call(self.ts, &self.sc.object_hook, &[out], None)?, end));
        }
        Ok((out, end))
    }

    fn parse_array(&self, mut idx: usize) -> PyResult<(Value, usize)> {
        let mut items = Vec::new();
        idx = self.skip_ws(idx);
        if self.at(idx) != Some(']' as u32) {
            loop {
                let (val, next) = self.scan_once(idx)?;
                items.push(val);
                idx = self.skip_ws(next);
                if self.at(idx) == Some(']' as u32) {
                    break;
                }
                if self.at(idx) != Some(',' as u32) {
                    return Err(self.err("Expecting ',' delimiter", idx));
                }
                idx = self.skip_ws(idx + 1);
            }
        }
        Ok((list::new_list(items)?, idx + 1))
    }
}

fn scanner_call(ts: &ThreadState, v: &Value, a: Args, k: Kw) -> PyResult<Value> {
    let [string, idx] = args::bind("scan_once", a, k, ["string", "idx"], 0, 2, 2)?;
    let (Some(string), Some(idx)) = (string, idx) else {
        return Err(PyErr::type_error("scan_once() missing required argument"));
    };
    let sc = v.downcast::<Scanner>().ok_or_else(|| PyErr::type_error("_json.Scanner expected"))?;
    let idx = int::ssize_arg(ts, &idx)?;
    let d = first_arg_str(&string)?;
    if idx < 0 {
        return Err(PyErr::value_error("idx cannot be negative"));
    }
    let scan = Scan { ts, sc, s: &string, d, memo: dict::new_dict() };
    let (val, end) = scan.scan_once(idx as usize)?;
    tuple::new_tuple(vec![val, int::from_usize(end)])
}

// ---- Encoder ----

fn encoder_new(ts: &ThreadState, _cls: &Value, a: Args, k: Kw) -> PyResult<Value> {
    let names = ["markers", "default", "encoder", "indent", "key_separator", "item_separator", "sort_keys", "skipkeys", "allow_nan"];
    let got = args::bind("make_encoder", a, k, names, 0, 9, 9)?;
    let mut vals: Vec<Value> = Vec::with_capacity(9);
    for (i, g) in got.into_iter().enumerate() {
        match g {
            Some(v) => vals.push(v),
            None => return Err(PyErr::type_error(format!("make_encoder() missing required argument '{}' (pos {})", names[i], i + 1))),
        }
    }
    let markers = vals[0].clone();
    if !none::is_none(&markers) && dict::as_dict(&markers).is_none() {
        return Err(PyErr::type_error(format!("make_encoder() argument 1 must be dict or None, not {}", protocol::type_name(&markers))));
    }
    for (i, v) in vals[4..6].iter().enumerate() {
        if pystr::as_pystr(v).is_none() {
            return Err(PyErr::type_error(format!("make_encoder() argument {} must be str, not {}", i + 5, protocol::type_name(v))));
        }
    }
    let encoder = vals[2].clone();
    let fast_encode = match encoder.downcast::<crate::types::function::PyBuiltinFunction>() {
        Some(f) if f.module == Some("_json") && f.name == "encode_basestring_ascii" => Some(true),
        Some(f) if f.module == Some("_json") && f.name == "encode_basestring" => Some(false),
        _ => None,
    };
    Value::new(Encoder {
        markers,
        defaultfn: vals[1].clone(),
        encoder,
        indent: vals[3].clone(),
        key_separator: vals[4].clone(),
        item_separator: vals[5].clone(),
        sort_keys: protocol::is_true(ts, &vals[6])?,
        skipkeys: protocol::is_true(ts, &vals[7])?,
        allow_nan: protocol::is_true(ts, &vals[8])?,
        fast_encode,
    })
}

struct Enc<'a> {
    ts: &'a ThreadState,
    e: &'a Encoder,
    out: StrBuilder,
}

impl Enc<'_> {
    fn push_value(&mut self, v: &Value) {
        if let Some(s) = pystr::as_pystr(v) {
            self.out.push_str(&s.data);
        }
    }

    fn float_text(&self, v: &Value) -> PyResult<Value> {
        let f = v.downcast::<float::PyFloat>().map_or(0.0, |p| p.value);
        if !f.is_finite() {
            if !self.e.allow_nan {
                return Err(PyErr::value_error("Out of range float values are not JSON compliant"));
            }
            let t = if f > 0.0 {
                "Infinity"
            } else if f < 0.0 {
                "-Infinity"
            } else {
                "NaN"
            };
            return Ok(pystr::new_str(t));
        }
        exact_repr(self.ts, &float::FLOAT_TYPE, v)
    }

    fn string_text(&self, v: &Value) -> PyResult<Value> {
        if let (Some(ascii), Some(s)) = (self.e.fast_encode, pystr::as_pystr(v)) {
            return Ok(escape(&s.data, ascii));
        }
        let r = protocol::call(self.ts, &self.e.encoder, std::slice::from_ref(v), None)?;
        if pystr::as_pystr(&r).is_none() {
            return Err(PyErr::type_error(format!("encoder() must return a string, not {}", protocol::type_name(&r))));
        }
        Ok(r)
    }

    /// Register `obj` in the markers (circular reference check); returns its id key.
    fn mark(&self, obj: &Value) -> PyResult<Option<Value>> {
        if none::is_none(&self.e.markers) {
            return Ok(None);
        }
        let ident = int::from_usize(obj.id());
        if dict::dict_get_item(self.ts, &self.e.markers, &ident)?.is_some() {
            return Err(PyErr::value_error("Circular reference detected"));
        }
        dict::dict_set_item(self.ts, &self.e.markers, ident.clone(), obj.clone())?;
        Ok(Some(ident))
    }

    fn unmark(&self, ident: Option<Value>) -> PyResult<()> {
        if let Some(i) = ident {
            if dict::dict_del_item(self.ts, &self.e.markers, &i)?.is_none() {
                return Err(PyErr::key_error(i));
            }
        }
        Ok(())
    }

    fn encode(&mut self, obj: &Value) -> PyResult<()> {
        if none::is_none(obj) {
            self.out.push_utf8("null");
        } else if obj.is(&bool_::true_value()) {
            self.out.push_utf8("true");
        } else if obj.is(&bool_::false_value()) {
            self.out.push_utf8("false");
        } else if pystr::as_pystr(obj).is_some() {
            let t = self.string_text(obj)?;
            self.push_value(&t);
        } else if int::is_int(obj) {
            let t = exact_repr(self.ts, &int::INT_TYPE, obj)?;
            self.push_value(&t);
        } else if obj.downcast::<float::PyFloat>().is_some() {
            let t = self.float_text(obj)?;
            self.push_value(&t);
        } else if obj.downcast::<list::PyList>().is_some() || tuple::try_tuple_items(obj).is_some() {
            let _g = Depth::enter(self.ts, " while encoding a JSON object")?;
            stacker::maybe_grow(RED_ZONE, STACK_SEGMENT, || self.encode_list(obj))?;
        } else if dict::as_dict(obj).is_some() {
            let _g = Depth::enter(self.ts, " while encoding a JSON object")?;
            stacker::maybe_grow(RED_ZONE, STACK_SEGMENT, || self.encode_dict(obj))?;
        } else {
            let ident = self.mark(obj)?;
            let newobj = protocol::call(self.ts, &self.e.defaultfn, std::slice::from_ref(obj), None)?;
            {
                let _g = Depth::enter(self.ts, " while encoding a JSON object")?;
                stacker::maybe_grow(RED_ZONE, STACK_SEGMENT, || self.encode(&newobj))?;
            }
            self.unmark(ident)?;
        }
        Ok(())
    }

    fn encode_list(&mut self, seq: &Value) -> PyResult<()> {
        // A list is read live: `default` may shrink it while it is encoded (as CPython).
        let item_at = |i: usize| -> Option<Value> {
            match seq.downcast::<list::PyList>() {
                Some(l) => l.items.borrow().get(i).cloned(),
                None => tuple::tuple_items(seq).get(i).cloned(),
            }
        };
        if item_at(0).is_none() {
            self.out.push_utf8("[]");
            return Ok(());
        }
        let ident = self.mark(seq)?;
        self.out.push('[' as u32);
        let mut i = 0;
        while let Some(item) = item_at(i) {
            if i > 0 {
                let sep = self.e.item_separator.clone();
                self.push_value(&sep);
            }
            self.encode(&item)?;
            i += 1;
        }
        self.unmark(ident)?;
        self.out.push(']' as u32);
        Ok(())
    }

    fn encode_dict(&mut self, dct: &Value) -> PyResult<()> {
        if dict::as_dict(dct).is_some_and(|d| d.is_empty()) {
            self.out.push_utf8("{}");
            return Ok(());
        }
        let ident = self.mark(dct)?;
        self.out.push('{' as u32);
        let items = if !self.e.sort_keys && dct.is_exact(&dict::DICT_TYPE) {
            dict::as_dict(dct).map(|d| d.items()).unwrap_or_default()
        } else {
            let it = protocol::call_method(self.ts, dct, "items", &[])?;
            let mut pairs = Vec::new();
            let mut objs = protocol::collect(self.ts, &it)?;
            if self.e.sort_keys {
                list::sort_values(self.ts, &mut objs, None, false)?;
            }
            for item in objs {
                match tuple::try_tuple_items(&item) {
                    Some([k, v]) => pairs.push((k.clone(), v.clone())),
                    _ => return Err(PyErr::value_error("items must return 2-tuples")),
                }
            }
            pairs
        };
        let mut first = true;
        for (key, value) in items {
            let keystr = if pystr::as_pystr(&key).is_some() {
                key.clone()
            } else if key.downcast::<float::PyFloat>().is_some() {
                self.float_text(&key)?
            } else if key.is(&bool_::true_value()) {
                pystr::new_str("true")
            } else if key.is(&bool_::false_value()) {
                pystr::new_str("false")
            } else if none::is_none(&key) {
                pystr::new_str("null")
            } else if int::is_int(&key) {
                exact_repr(self.ts, &int::INT_TYPE, &key)?
            } else if self.e.skipkeys {
                continue;
            } else {
                return Err(PyErr::type_error(format!("keys must be str, int, float, bool or None, not {}", protocol::type_name(&key))));
            };
            if !first {
                let sep = self.e.item_separator.clone();
                self.push_value(&sep);
            }
            first = false;
            let t = self.string_text(&keystr)?;
            self.push_value(&t);
            let sep = self.e.key_separator.clone();
            self.push_value(&sep);
            self.encode(&value)?;
        }
        self.unmark(ident)?;
        self.out.push('}' as u32);
        Ok(())
    }
}

/// `repr` by the builtin type's own slot (subclasses' `__repr__` ignored, as CPython).
fn exact_repr(ts: &ThreadState, ty: &'static PyType, v: &Value) -> PyResult<Value> {
    match ty.data.slots.repr.get() {
        Some(f) => f(ts, v),
        None => protocol::repr(ts, v),
    }
}

fn encoder_call(ts: &ThreadState, v: &Value, a: Args, k: Kw) -> PyResult<Value> {
    let [obj, level] = args::bind("_iterencode", a, k, ["obj", "_current_indent_level"], 0, 2, 2)?;
    let Some(obj) = obj else {
        return Err(PyErr::type_error("_iterencode() missing required argument 'obj' (pos 1)"));
    };
    let Some(level) = level else {
        return Err(PyErr::type_error("_iterencode() missing required argument '_current_indent_level' (pos 2)"));
    };
    int::ssize_arg(ts, &level)?;
    let e = v.downcast::<Encoder>().ok_or_else(|| PyErr::type_error("_json.Encoder expected"))?;
    let mut enc = Enc { ts, e, out: StrBuilder::new() };
    enc.encode(&obj)?;
    let text = pystr::from_data(enc.out.finish());
    list::new_list(vec![text])
}

macro_rules! getter {
    ($name:ident, $ty:ty, $field:ident) => {
        fn $name(_ts: &ThreadState, v: &Value) -> PyResult<Value> {
            let s = v.downcast::<$ty>().ok_or_else(|| PyErr::type_error("descriptor for another type"))?;
            Ok(s.$field.clone())
        }
    };
}
getter!(sc_object_hook, Scanner, object_hook);
getter!(sc_object_pairs_hook, Scanner, object_pairs_hook);
getter!(sc_parse_float, Scanner, parse_float);
getter!(sc_parse_int, Scanner, parse_int);
getter!(sc_parse_constant, Scanner, parse_constant);
getter!(en_markers, Encoder, markers);
getter!(en_default, Encoder, defaultfn);
getter!(en_encoder, Encoder, encoder);
getter!(en_indent, Encoder, indent);
getter!(en_key_separator, Encoder, key_separator);
getter!(en_item_separator, Encoder, item_separator);

fn sc_strict(_ts: &ThreadState, v: &Value) -> PyResult<Value> {
    let s = v.downcast::<Scanner>().ok_or_else(|| PyErr::type_error("descriptor for another type"))?;
    Ok(bool_::new_bool(s.strict))
}
fn en_sort_keys(_ts: &ThreadState, v: &Value) -> PyResult<Value> {
    let s = v.downcast::<Encoder>().ok_or_else(|| PyErr::type_error("descriptor for another type"))?;
    Ok(bool_::new_bool(s.sort_keys))
}
fn en_skipkeys(_ts: &ThreadState, v: &Value) -> PyResult<Value> {
    let s = v.downcast::<Encoder>().ok_or_else(|| PyErr::type_error("descriptor for another type"))?;
    Ok(bool_::new_bool(s.skipkeys))
}

fn scanner_traverse(v: &Value, visit: &mut dyn FnMut(&Value)) {
    if let Some(s) = v.downcast::<Scanner>() {
        for x in [&s.object_hook, &s.object_pairs_hook, &s.parse_float, &s.parse_int, &s.parse_constant] {
            visit(x);
        }
    }
}

fn encoder_traverse(v: &Value, visit: &mut dyn FnMut(&Value)) {
    if let Some(e) = v.downcast::<Encoder>() {
        for x in [&e.markers, &e.defaultfn, &e.encoder, &e.indent, &e.key_separator, &e.item_separator] {
            visit(x);
        }
    }
}

/// Fill the static types.
pub fn init() {
    SCANNER_TYPE.data.gc_traverse.set(Some(scanner_traverse));
    ENCODER_TYPE.data.gc_traverse.set(Some(encoder_traverse));
    use crate::types::descr::add_getsets;
    let s = &SCANNER_TYPE.data.slots;
    s.new.set(Some(scanner_new));
    s.call.set(Some(scanner_call));
    s.getattro.set(Some(protocol::generic_getattr));
    add_getsets(
        &SCANNER_TYPE,
        &[
            ("strict", sc_strict, None),
            ("object_hook", sc_object_hook, None),
            ("object_pairs_hook", sc_object_pairs_hook, None),
            ("parse_float", sc_parse_float, None),
            ("parse_int", sc_parse_int, None),
            ("parse_constant", sc_parse_constant, None),
        ],
    );
    let s = &ENCODER_TYPE.data.slots;
    s.new.set(Some(encoder_new));
    s.call.set(Some(encoder_call));
    s.getattro.set(Some(protocol::generic_getattr));
    add_getsets(
        &ENCODER_TYPE,
        &[
            ("markers", en_markers, None),
            ("default", en_default, None),
            ("encoder", en_encoder, None),
            ("indent", en_indent, None),
            ("key_separator", en_key_separator, None),
            ("item_separator", en_item_separator, None),
            ("sort_keys", en_sort_keys, None),
            ("skipkeys", en_skipkeys, None),
        ],
    );
}

/// Create the `_json` module.
pub fn create(ts: &ThreadState) -> PyResult<Value> {
    let (m, d) = super::new_native_module(
        ts,
        "_json",
        &[("scanstring", scanstring), ("encode_basestring_ascii", encode_basestring_ascii), ("encode_basestring", encode_basestring)],
    )?;
    super::set_attr(ts, &d, "make_scanner", SCANNER_TYPE.to_value())?;
    super::set_attr(ts, &d, "make_encoder", ENCODER_TYPE.to_value())?;
    Ok(m)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn data(cps: &[u32]) -> StrData {
        StrData::from_code_points(cps.iter())
    }
    fn text(s: &str) -> StrData {
        StrData::from_str(s)
    }
    fn scan(s: &str, end: isize, strict: bool) -> Result<(Vec<u32>, usize), ScanErr> {
        scan_string_data(&text(s), end, strict).map(|(d, n)| (d.code_points().collect(), n))
    }

    // Expected values from python3: _json.encode_basestring(_ascii)(s).
    #[test]
    fn escapes() {
        let s = data(&[0, 0x1f, 0x7f, 0x80, 0xe9, 0x2028, 0xd800, 0x1f600, 0x22, 0x5c, 0x2f, 8, 12, 10, 13, 9]);
        let ascii: Vec<u32> = escape_data(&s, true).code_points().collect();
        let want = r#""\u0000\u001f\u007f\u0080\u00e9\u2028\ud800\ud83d\ude00\"\\/\b\f\n\r\t""#;
        assert_eq!(ascii, want.chars().map(|c| c as u32).collect::<Vec<_>>());
        let plain: Vec<u32> = escape_data(&s, false).code_points().collect();
        let mut want: Vec<u32> = r#""\u0000\u001f"#.chars().map(|c| c as u32).collect();
        want.extend([0x7f, 0x80, 0xe9, 0x2028, 0xd800, 0x1f600]);
        want.extend(r#"\"\\/\b\f\n\r\t""#.chars().map(|c| c as u32));
        assert_eq!(plain, want);
    }

    // Expected values from python3: _json.scanstring(s, end[, strict]).
    #[test]
    fn scanstrings() {
        assert_eq!(scan("ab\"", 1, true), Ok((vec!['b' as u32], 3)));
        assert_eq!(scan("\"\\ud800\\udc00\"", 1, true), Ok((vec![0x10000], 14)));
        assert_eq!(scan("\"\\ud800\\u0041\"", 1, true), Ok((vec![0xd800, 0x41], 14)));
        assert_eq!(scan("\"a\x01\"", 1, false), Ok((vec!['a' as u32, 1], 4)));
        assert_eq!(scan("\"abc\"", 5, true), Err(ScanErr::Decode("Unterminated string starting at", 4)));
        assert_eq!(scan("\"abc\"", 6, true), Err(ScanErr::Bounds));
        assert_eq!(scan("\"abc\"", -1, true), Err(ScanErr::Bounds));
        assert_eq!(scan("\"\\\"", 1, true), Err(ScanErr::Decode("Unterminated string starting at", 0)));
        assert_eq!(scan("\"\\u1234", 1, true), Err(ScanErr::Decode("Invalid \\uXXXX escape", 2)));
        assert_eq!(scan("\"\\u12zz\"", 1, true), Err(ScanErr::Decode("Invalid \\uXXXX escape", 2)));
        assert_eq!(scan("\"\\ud800\\udc00", 1, true), Err(ScanErr::Decode("Invalid \\uXXXX escape", 8)));
        assert_eq!(scan("\"\\ud800\\uzzzz\"", 1, true), Err(ScanErr::Decode("Invalid \\uXXXX escape", 8)));
        assert_eq!(scan("\"\\ud800\\x\"", 1, true), Err(ScanErr::Decode("Invalid \\escape", 7)));
        assert_eq!(scan("\"\\q\"", 1, true), Err(ScanErr::Decode("Invalid \\escape", 1)));
        assert_eq!(scan("\"a\x01\"", 1, true), Err(ScanErr::Decode("Invalid control character at", 2)));
    }
}
