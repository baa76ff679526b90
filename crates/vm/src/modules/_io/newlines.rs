//! `_io.IncrementalNewlineDecoder`: wraps a decoder (or nothing) and
//! translates "\r\n" and "\r" to "\n", keeping a trailing "\r" pending
//! until the next chunk shows whether a "\n" follows.

use std::cell::{Cell, RefCell};

use crate::object::protocol;
use crate::object::typeobj::{PyType, TypeObject, TPFLAGS_BASETYPE};
use crate::object::value::{PyObject, PyPayload, Value};
use crate::runtime::errors::{PyErr, PyResult};
use crate::runtime::thread::ThreadState;
use crate::stringlib::{StrBuilder, StrData};
use crate::types::{bool_, descr, int, none, str as pystr, tuple};

/// Newline kinds seen (CPython's SEEN_* bits).
const SEEN_CR: u8 = 1;
const SEEN_LF: u8 = 2;
const SEEN_CRLF: u8 = 4;

/// An IncrementalNewlineDecoder object.
pub struct NewlineDecoder {
    decoder: RefCell<Option<Value>>,
    translate: Cell<bool>,
    pendingcr: Cell<bool>,
    seennl: Cell<u8>,
    initialized: Cell<bool>,
}

/// `_io.IncrementalNewlineDecoder`.
pub static NEWLINE_DECODER_TYPE: PyType = PyObject::new_static(
    &crate::types::typeobject::TYPE_TYPE,
    TypeObject::builtin::<NewlineDecoder>("_io.IncrementalNewlineDecoder", &NEWLINE_DECODER_TYPE, Some(&crate::types::object::OBJECT_TYPE), TPFLAGS_BASETYPE),
);

impl PyPayload for NewlineDecoder {
    fn class() -> &'static PyType {
        &NEWLINE_DECODER_TYPE
    }
}

impl NewlineDecoder {
    /// A decoder with no inner decoder (for text already decoded).
    pub fn new(translate: bool) -> NewlineDecoder {
        NewlineDecoder {
            decoder: RefCell::new(None),
            translate: Cell::new(translate),
            pendingcr: Cell::new(false),
            seennl: Cell::new(0),
            initialized: Cell::new(true),
        }
    }

    /// Translate decoded text `s` (the pending "\r" and the newline record updated).
    pub fn feed(&self, s: &StrData, final_: bool) -> StrData {
        let mut cps: Vec<u32> = Vec::with_capacity(s.len() + 1);
        if self.pendingcr.get() && (final_ || !s.is_empty()) {
            cps.push('\r' as u32);
            self.pendingcr.set(false);
        }
        cps.extend(s.code_points());
        if !final_ && cps.last() == Some(&('\r' as u32)) {
            cps.pop();
            self.pendingcr.set(true);
        }
        let (mut cr, mut lf, mut crlf) = (false, false, false);
        let mut i = 0;
        while i < cps.len() {
            if cps[i] == '\r' as u32 {
                if cps.get(i + 1) == Some(&('\n' as u32)) {
                    crlf = true;
                    i += 1;
                } else {
                    cr = true;
                }
            } else if cps[i] == '\n' as u32 {
                lf = true;
            }
            i += 1;
        }
        let mut seen = self.seennl.get();
        if cr {
            seen |= SEEN_CR;
        }
        if lf {
            seen |= SEEN_LF;
        }
        if crlf {
            seen |= SEEN_CRLF;
        }
        self.seennl.set(seen);
        if self.translate.get() && (cr || crlf) {
            let mut out = StrBuilder::new();
            let mut i = 0;
            while i < cps.len() {
                if cps[i] == '\r' as u32 {
                    out.push('\n' as u32);
                    if cps.get(i + 1) == Some(&('\n' as u32)) {
                        i += 1;
                    }
                } else {
                    out.push(cps[i]);
                }
                i += 1;
            }
            return out.finish();
        }
        StrData::from_code_points(cps.iter())
    }

    /// The `newlines` value: None, one kind, or a tuple of the kinds seen.
    pub fn newlines(&self) -> PyResult<Value> {
        let names: Vec<&str> = [(SEEN_CR, "\r"), (SEEN_LF, "\n"), (SEEN_CRLF, "\r\n")]
            .iter()
            .filter(|(bit, _)| self.seennl.get() & bit != 0)
            .map(|(_, n)| *n)
            .collect();
        match names.len() {
            0 => Ok(none::none()),
            1 => Ok(pystr::new_str(names[0])),
            _ => tuple::new_tuple(names.iter().map(|n| pystr::new_str(n)).collect()),
        }
    }

    /// Forget the newlines seen and the pending "\r".
    pub fn reset_state(&self) {
        self.seennl.set(0);
        self.pendingcr.set(false);
    }
}

fn this(v: &Value) -> PyResult<&NewlineDecoder> {
    let d = v.downcast::<NewlineDecoder>().ok_or_else(|| PyErr::type_error("IncrementalNewlineDecoder expected"))?;
    if !d.initialized.get() {
        return Err(PyErr::value_error("IncrementalNewlineDecoder.__init__() not called"));
    }
    Ok(d)
}

fn nd_new(_ts: &ThreadState, cls: &Value, _a: &[Value], _k: Option<&Value>) -> PyResult<Value> {
    let d = NewlineDecoder::new(false);
    d.initialized.set(false);
    Value::new_instance(cls, d)
}

fn nd_init(ts: &ThreadState, v: &Value, a: &[Value], k: Option<&Value>) -> PyResult<()> {
    let [decoder, translate, _errors] = crate::object::args::bind("IncrementalNewlineDecoder", a, k, ["decoder", "translate", "errors"], 0, 2, 3)?;
    let d = v.downcast::<NewlineDecoder>().ok_or_else(|| PyErr::type_error("IncrementalNewlineDecoder expected"))?;
    let decoder = decoder.filter(|x| !none::is_none(x));
    let translate = match translate {
        Some(t) => protocol::is_true(ts, &t)?,
        None => false,
    };
    *d.decoder.borrow_mut() = decoder;
    d.translate.set(translate);
    d.reset_state();
    d.initialized.set(true);
    Ok(())
}

fn nd_decode(ts: &ThreadState, v: &Value, a: &[Value], k: Option<&Value>) -> PyResult<Value> {
    let [input, final_] = crate::object::args::bind("decode", a, k, ["input", "final"], 0, 1, 2)?;
    let d = this(v)?;
    let input = input.unwrap_or_else(none::none);
    let final_ = match final_ {
        Some(f) => protocol::is_true(ts, &f)?,
        None => false,
    };
    let inner = d.decoder.borrow().clone();
    let output = match inner {
        Some(dec) => {
            let kw = tuple::new_tuple(vec![pystr::intern("final")])?;
            let f = protocol::getattr_str(ts, &dec, "decode")?;
            protocol::call(ts, &f, &[input, bool_::new_bool(final_)], Some(&kw))?
        }
        None => input,
    };
    let Some(s) = pystr::as_pystr(&output) else {
        return Err(PyErr::type_error(format!("decoder should return a string result, not '{}'", protocol::type_name(&output))));
    };
    Ok(pystr::from_data(d.feed(&s.data, final_)))
}

fn nd_getstate(ts: &ThreadState, v: &Value, _a: &[Value], _k: Option<&Value>) -> PyResult<Value> {
    let d = this(v)?;
    let inner = d.decoder.borrow().clone();
    let (buf, flag) = match inner {
        Some(dec) => {
            let st = protocol::call_method(ts, &dec, "getstate", &[])?;
            let items = tuple::try_tuple_items(&st).filter(|t| t.len() == 2).ok_or_else(|| PyErr::type_error("illegal decoder state"))?;
            (items[0].clone(), int::to_i64_checked(&items[1])?)
        }
        None => (crate::types::bytes::new_bytes(Vec::new()), 0),
    };
    let flag = (flag << 1) | d.pendingcr.get() as i64;
    tuple::new_tuple(vec![buf, int::from_i64(flag)])
}

fn nd_setstate(ts: &ThreadState, v: &Value, a: &[Value], k: Option<&Value>) -> PyResult<Value> {
    let a = crate::object::args::exact("setstate", a, k, 1)?;
    let d = this(v)?;
    let items = tuple::try_tuple_items(&a[0]).ok_or_else(|| PyErr::type_error("state argument must be a tuple"))?;
    if items.len() != 2 {
        return Err(PyErr::type_error(format!("setstate() argument must be a tuple of length 2, not {}", items.len())));
    }
    let flag = int::to_i64_checked(&items[1])?;
    d.pendingcr.set(flag & 1 != 0);
    let inner = d.decoder.borrow().clone();
    if let Some(dec) = inner {
        let st = tuple::new_tuple(vec![items[0].clone(), int::from_i64(flag >> 1)])?;
        protocol::call_method(ts, &dec, "setstate", &[st])?;
    }
    Ok(none::none())
}

fn nd_reset(ts: &ThreadState, v: &Value, _a: &[Value], _k: Option<&Value>) -> PyResult<Value> {
    let d = this(v)?;
    d.reset_state();
    let inner = d.decoder.borrow().clone();
    if let Some(dec) = inner {
        protocol::call_method(ts, &dec, "reset", &[])?;
    }
    Ok(none::none())
}

fn nd_newlines(_ts: &ThreadState, v: &Value) -> PyResult<Value> {
    this(v)?.newlines()
}

/// Fill the type.
pub fn init() {
    let s = &NEWLINE_DECODER_TYPE.data.slots;
    s.new.set(Some(nd_new));
    s.init.set(Some(nd_init));
    s.getattro.set(Some(protocol::generic_getattr));
    descr::add_methods(&NEWLINE_DECODER_TYPE, &[("decode", nd_decode), ("getstate", nd_getstate), ("setstate", nd_setstate), ("reset", nd_reset)]);
    descr::add_getsets(&NEWLINE_DECODER_TYPE, &[("newlines", nd_newlines, None)]);
}

#[cfg(test)]
mod tests {
    use super::*;

    fn feed_all(translate: bool, chunks: &[&str]) -> (String, u8) {
        let d = NewlineDecoder::new(translate);
        let mut out = String::new();
        for (i, c) in chunks.iter().enumerate() {
            out.push_str(&d.feed(&StrData::from_str(c), i + 1 == chunks.len()).to_string_lossy());
        }
        (out, d.seennl.get())
    }

    // Expected from python3: IncrementalNewlineDecoder(None, translate).decode(chunk, final) over the chunks.
    #[test]
    fn translation_and_kinds() {
        assert_eq!(feed_all(true, &["a\r", "\nb\r", ""]), ("a\nb\n".to_string(), SEEN_CR | SEEN_CRLF));
        assert_eq!(feed_all(false, &["a\r", "\nb\r", ""]), ("a\r\nb\r".to_string(), SEEN_CR | SEEN_CRLF));
        assert_eq!(feed_all(true, &["x\ny\r\nz\rw"]), ("x\ny\nz\nw".to_string(), SEEN_CR | SEEN_LF | SEEN_CRLF));
        assert_eq!(feed_all(true, &["plain"]), ("plain".to_string(), 0));
    }

    #[test]
    fn pending_cr_waits_for_next_chunk() {
        let d = NewlineDecoder::new(true);
        assert_eq!(d.feed(&StrData::from_str("a\r"), false).to_string_lossy(), "a");
        assert!(d.pendingcr.get());
        assert_eq!(d.feed(&StrData::from_str("b"), false).to_string_lossy(), "\nb");
        assert!(!d.pendingcr.get());
    }
}
