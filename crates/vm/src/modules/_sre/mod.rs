//! `_sre`: the regular expression engine under the standard library's
//! `re` package (CPython's Modules/_sre/). re._compiler turns a pattern
//! into a code list and calls `compile`; this module provides the
//! Pattern, Match and Scanner types and runs the code (engine.rs).
//! Template replacement goes through `re._subx` / `re._expand`, as 3.11.

/// The matching engine (pure Rust, no Python objects).
pub mod engine;
mod match_;
mod pattern;

use std::borrow::Cow;

use crate::object::args;
use crate::object::typeobj::PyType;
use crate::object::value::Value;
use crate::runtime::errors::{PyErr, PyResult};
use crate::runtime::thread::ThreadState;
use crate::stringlib::StrData;
use crate::types::{bool_, int, str as pystr};

use engine::{SreError, Subject};

/// The Match and Scanner types.
pub use match_::{PyMatch, PyScanner, MATCH_TYPE, SCANNER_TYPE};
/// The Pattern type.
pub use pattern::{PyPattern, PATTERN_TYPE};

type Args<'a> = &'a [Value];
type Kw<'a> = Option<&'a Value>;

/// The static types of this module.
pub fn types() -> Vec<&'static PyType> {
    vec![&PATTERN_TYPE, &MATCH_TYPE, &SCANNER_TYPE]
}

/// Fill the static types of this module.
pub fn init() {
    pattern::init();
    match_::init();
}

/// The characters of a subject (or template) string.
pub(crate) enum Text<'a> {
    Str(&'a StrData),
    Bytes(Cow<'a, [u8]>),
}

impl<'a> Text<'a> {
    /// The string or buffer behind `v`, or CPython's TypeError.
    pub(crate) fn of(v: &'a Value) -> PyResult<Text<'a>> {
        if let Some(s) = pystr::as_pystr(v) {
            return Ok(Text::Str(&s.data));
        }
        if crate::types::memoryview::is_memoryview(v) {
            return crate::types::memoryview::checked_bytes(v).map(|b| Text::Bytes(Cow::Owned(b)));
        }
        match crate::types::bytes::buffer_data(v) {
            Some(b) => Ok(Text::Bytes(b)),
            None => Err(PyErr::type_error(format!(
                "expected string or bytes-like object, got '{}'",
                crate::object::protocol::type_name(v)
            ))),
        }
    }

    pub(crate) fn is_bytes(&self) -> bool {
        matches!(self, Text::Bytes(_))
    }

    pub(crate) fn subject(&self) -> Subject<'_> {
        match self {
            Text::Str(s) => Subject::new(s.kind_bytes(), s.kind().width()),
            Text::Bytes(b) => Subject::new(b, 1),
        }
    }

    pub(crate) fn len(&self) -> usize {
        match self {
            Text::Str(s) => s.len(),
            Text::Bytes(b) => b.len(),
        }
    }

    /// `string[i:j]` as sre's getslice: bytes for any buffer, str for str;
    /// the object itself when it is an exact str/bytes taken whole.
    pub(crate) fn slice(&self, string: &Value, i: usize, j: usize) -> Value {
        let (i, j) = (i.min(self.len()), j.min(self.len()));
        let j = j.max(i);
        match self {
            Text::Str(s) => {
                if i == 0 && j == s.len() && string.is_exact(&pystr::STR_TYPE) {
                    return string.clone();
                }
                pystr::from_data(s.slice(i, j))
            }
            Text::Bytes(b) => {
                if i == 0 && j == b.len() && string.is_exact(&crate::types::bytes::BYTES_TYPE) {
                    return string.clone();
                }
                crate::types::bytes::new_bytes(b[i..j].to_vec())
            }
        }
    }
}

/// The Python exception for an engine failure (`pending` holds the
/// exception a signal handler raised).
pub(crate) fn engine_error(e: SreError, pending: &std::cell::RefCell<Option<PyErr>>) -> PyErr {
    match (e, pending.borrow_mut().take()) {
        (SreError::Interrupted, Some(err)) => err,
        _ => PyErr::runtime_error("internal error in regular expression engine"),
    }
}

fn compile(ts: &ThreadState, _m: &Value, a: Args, k: Kw) -> PyResult<Value> {
    let [pattern, flags, code, groups, groupindex, indexgroup] =
        args::bind("compile", a, k, ["pattern", "flags", "code", "groups", "groupindex", "indexgroup"], 0, 6, 6)?;
    let (pattern, flags, code, groups, groupindex, indexgroup) = match (pattern, flags, code, groups, groupindex, indexgroup) {
        (Some(a), Some(b), Some(c), Some(d), Some(e), Some(f)) => (a, b, c, d, e, f),
        _ => return Err(PyErr::type_error("compile() missing required argument")),
    };
    let flags = int::c_int_arg(ts, &flags)?;
    let Some(list) = code.downcast::<crate::types::list::PyList>() else {
        return Err(PyErr::type_error(format!(
            "compile() argument 'code' must be list, not {}",
            crate::object::protocol::type_name(&code)
        )));
    };
    let groups = int::ssize_arg(ts, &groups)?;
    if crate::types::dict::as_dict(&groupindex).is_none() {
        return Err(PyErr::type_error(format!(
            "compile() argument 'groupindex' must be dict, not {}",
            crate::object::protocol::type_name(&groupindex)
        )));
    }
    if crate::types::tuple::try_tuple_items(&indexgroup).is_none() {
        return Err(PyErr::type_error(format!(
            "compile() argument 'indexgroup' must be tuple, not {}",
            crate::object::protocol::type_name(&indexgroup)
        )));
    }
    let mut words = Vec::new();
    for item in list.snapshot() {
        let Some(n) = int::as_int(&item).and_then(|r| r.to_i64()) else {
            if int::is_int(&item) {
                return Err(PyErr::overflow_error("regular expression code size limit exceeded"));
            }
            return Err(PyErr::type_error(format!(
                "'{}' object cannot be interpreted as an integer",
                crate::object::protocol::type_name(&item)
            )));
        };
        if n < 0 {
            return Err(PyErr::overflow_error("can't convert negative value to unsigned int"));
        }
        let w = u32::try_from(n).map_err(|_| PyErr::overflow_error("regular expression code size limit exceeded"))?;
        words.push(w);
    }
    pattern::new_pattern(pattern, flags, words, groups, groupindex, indexgroup)
}

fn getcodesize(_ts: &ThreadState, _m: &Value, a: Args, k: Kw) -> PyResult<Value> {
    args::exact("getcodesize", a, k, 0)?;
    Ok(int::from_i64(4))
}

fn char_arg(ts: &ThreadState, fname: &str, a: Args, k: Kw) -> PyResult<u32> {
    let a = args::exact(fname, a, k, 1)?;
    Ok(int::c_int_arg(ts, &a[0])? as u32)
}

fn ascii_iscased(ts: &ThreadState, _m: &Value, a: Args, k: Kw) -> PyResult<Value> {
    let ch = char_arg(ts, "ascii_iscased", a, k)?;
    Ok(bool_::new_bool(ch < 128 && (ch as u8).is_ascii_alphabetic()))
}

fn unicode_iscased(ts: &ThreadState, _m: &Value, a: Args, k: Kw) -> PyResult<Value> {
    let ch = char_arg(ts, "unicode_iscased", a, k)?;
    Ok(bool_::new_bool(ch != engine::lower_unicode(ch) || ch != engine::upper_unicode(ch)))
}

fn ascii_tolower(ts: &ThreadState, _m: &Value, a: Args, k: Kw) -> PyResult<Value> {
    let ch = char_arg(ts, "ascii_tolower", a, k)?;
    Ok(int::from_i64(engine::lower_ascii(ch) as i32 as i64))
}

fn unicode_tolower(ts: &ThreadState, _m: &Value, a: Args, k: Kw) -> PyResult<Value> {
    let ch = char_arg(ts, "unicode_tolower", a, k)?;
    Ok(int::from_i64(engine::lower_unicode(ch) as i32 as i64))
}

/// Create the `_sre` module.
pub fn create(ts: &ThreadState) -> PyResult<Value> {
    let (m, d) = super::new_native_module(
        ts,
        "_sre",
        &[
            ("compile", compile),
            ("getcodesize", getcodesize),
            ("ascii_iscased", ascii_iscased),
            ("unicode_iscased", unicode_iscased),
            ("ascii_tolower", ascii_tolower),
            ("unicode_tolower", unicode_tolower),
        ],
    )?;
    super::set_attr(ts, &d, "MAGIC", int::from_i64(engine::MAGIC as i64))?;
    super::set_attr(ts, &d, "CODESIZE", int::from_i64(4))?;
    super::set_attr(ts, &d, "MAXREPEAT", int::from_i64(engine::MAXREPEAT as i64))?;
    super::set_attr(ts, &d, "MAXGROUPS", int::from_i64(engine::MAXGROUPS as i64))?;
    super::set_attr(ts, &d, "copyright", pystr::new_str(" SRE 2.2.2 Copyright (c) 1997-2002 by Secret Labs AB "))?;
    Ok(m)
}
