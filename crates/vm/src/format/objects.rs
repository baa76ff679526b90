//! The object side of formatting: `format()`/`__format__` of the builtin
//! types, `str.format` and `%`-formatting, over the pure algorithms of this
//! module.

use num_bigint::BigInt;

use super::{ErrorKind, FieldAccessor, FieldFirst, FieldNumbering, FormatError};
use crate::object::protocol;
use crate::object::value::Value;
use crate::runtime::errors::{PyErr, PyResult};
use crate::runtime::thread::ThreadState;
use crate::stringlib::StrData;
use crate::types::{exceptions as exc, int, str as pystr, tuple};

/// The Python exception for a formatting error.
pub fn into_pyerr(e: FormatError) -> PyErr {
    match e.kind {
        ErrorKind::ValueError => PyErr::value_error(e.message),
        ErrorKind::TypeError => PyErr::type_error(e.message),
        ErrorKind::OverflowError => PyErr::overflow_error(e.message),
        ErrorKind::MemoryError => PyErr::no_memory(),
    }
}

/// `format(int, spec)`.
pub fn format_int_value(v: &BigInt, spec: &str) -> Result<String, FormatError> {
    format_int_value_as(v, spec, "int")
}

/// `format(x, spec)` for an int whose type is named `type_name` in error messages (bool, subclasses).
pub fn format_int_value_as(v: &BigInt, spec: &str, type_name: &str) -> Result<String, FormatError> {
    let s = super::parse_format_spec(spec).map_err(|e| e.with_type_name(type_name))?;
    super::format_int(v, &s).map_err(|e| e.with_type_name(type_name))
}

/// `format(float, spec)`.
pub fn format_float_value(v: f64, spec: &str) -> Result<String, FormatError> {
    format_float_value_as(v, spec, "float")
}

/// `format(x, spec)` for a float whose type is named `type_name` in error messages.
pub fn format_float_value_as(v: f64, spec: &str, type_name: &str) -> Result<String, FormatError> {
    let s = super::parse_format_spec(spec).map_err(|e| e.with_type_name(type_name))?;
    super::format_float(v, &s).map_err(|e| e.with_type_name(type_name))
}

/// `format(complex, spec)`.
pub fn format_complex_value(re: f64, im: f64, spec: &str) -> Result<String, FormatError> {
    format_complex_value_as(re, im, spec, "complex")
}

/// `format(x, spec)` for a complex whose type is named `type_name` in error messages.
pub fn format_complex_value_as(re: f64, im: f64, spec: &str, type_name: &str) -> Result<String, FormatError> {
    let s = super::parse_format_spec(spec).map_err(|e| e.with_type_name(type_name))?;
    super::format_complex(re, im, &s).map_err(|e| e.with_type_name(type_name))
}

/// `format(str, spec)`.
pub fn format_str_value(ts: &ThreadState, v: &Value, spec: &StrData) -> PyResult<Value> {
    if spec.is_empty() {
        // An empty spec means str(v): the object itself, or a subclass's __str__.
        if v.is_exact(&pystr::STR_TYPE) {
            return Ok(v.clone());
        }
        return protocol::str(ts, v);
    }
    let spec_s = spec.to_string_lossy();
    let type_name = protocol::type_name(v);
    let s = super::parse_format_spec(&spec_s).map_err(|e| into_pyerr(e.with_type_name(&type_name)))?;
    let data = &pystr::as_pystr(v).ok_or_else(|| PyErr::type_error("str expected"))?.data;
    let layout = super::str_layout(data.len(), &s).map_err(|e| into_pyerr(e.with_type_name(&type_name)))?;
    let mut b = crate::stringlib::StrBuilder::new();
    for _ in 0..layout.left {
        b.push(layout.fill as u32);
    }
    b.push_slice(data, 0, layout.keep);
    for _ in 0..layout.right {
        b.push(layout.fill as u32);
    }
    Ok(pystr::from_data(b.finish()))
}

fn cps(d: &StrData) -> Vec<u32> {
    d.code_points().collect()
}

fn sub(cp: &[u32], r: std::ops::Range<usize>) -> StrData {
    StrData::from_code_points(cp[r].iter())
}

/// `str.format(*args, **kwargs)`.
pub fn str_format(ts: &ThreadState, v: &Value, args: &[Value], kwnames: Option<&Value>) -> PyResult<Value> {
    let template = &pystr::as_pystr(v).ok_or_else(|| PyErr::type_error("str expected"))?.data;
    let npos = crate::object::args::npositional(args, kwnames);
    let kwn = kwnames.map(tuple::tuple_items).unwrap_or(&[]);
    let mut numbering = FieldNumbering::new();
    if no_braces(template) {
        // CPython's writer hands back the template object itself (a str subclass stays one).
        return Ok(v.clone());
    }
    let kw = Keywords::Pairs(kwn, &args[npos..]);
    let out = render(ts, template, Some(&args[..npos]), &kw, &mut numbering, super::MAX_RECURSION_DEPTH)?;
    Ok(pystr::from_data(out))
}

/// `str.format_map(mapping)`: named fields are looked up in `mapping`; positional fields are refused.
pub fn str_format_map(ts: &ThreadState, v: &Value, mapping: &Value) -> PyResult<Value> {
    let template = &pystr::as_pystr(v).ok_or_else(|| PyErr::type_error("str expected"))?.data;
    let mut numbering = FieldNumbering::new();
    if no_braces(template) {
        return Ok(v.clone());
    }
    let kw = Keywords::Mapping(mapping);
    let out = render(ts, template, None, &kw, &mut numbering, super::MAX_RECURSION_DEPTH)?;
    Ok(pystr::from_data(out))
}

/// A non-empty template without any brace formats to itself.
fn no_braces(template: &StrData) -> bool {
    !template.is_empty() && !template.code_points().any(|c| c == '{' as u32 || c == '}' as u32)
}

/// Where named replacement fields come from.
enum Keywords<'a> {
    /// `format(**kwargs)`: names and values.
    Pairs(&'a [Value], &'a [Value]),
    /// `format_map(mapping)`: `mapping[name]`.
    Mapping(&'a Value),
}

fn render(
    ts: &ThreadState,
    template: &StrData,
    pos: Option<&[Value]>,
    kw: &Keywords<'_>,
    numbering: &mut FieldNumbering,
    depth: usize,
) -> PyResult<StrData> {
    if depth == 0 {
        return Err(PyErr::value_error(super::RECURSION_ERROR));
    }
    let cp = cps(template);
    let mut b = crate::stringlib::StrBuilder::new();
    for item in super::parse_template(&cp[..]) {
        let item = item.map_err(into_pyerr)?;
        b.push_str(&sub(&cp, item.literal.clone()));
        let Some(field) = item.field else { continue };
        let (first, accessors) = super::field_name_split(&cp[..], field.name.clone()).map_err(into_pyerr)?;
        let mut obj = match numbering.resolve(&first).map_err(into_pyerr)? {
            Some(i) => match pos.ok_or_else(|| PyErr::value_error("Format string contains positional fields"))?.get(i) {
                Some(x) => x.clone(),
                None => {
                    return Err(PyErr::index_error(format!(
                        "Replacement index {i} out of range for positional args tuple"
                    )))
                }
            },
            None => {
                let FieldFirst::Name(r) = &first else { return Err(PyErr::system_error("format field")) };
                let name = sub(&cp, r.clone());
                match kw {
                    Keywords::Pairs(kwn, kwv) => {
                        let found = kwn.iter().position(|k| pystr::as_pystr(k).is_some_and(|s| s.data == name));
                        match found {
                            Some(j) => kwv[j].clone(),
                            None => return Err(PyErr::key_error(pystr::from_data(name))),
                        }
                    }
                    Keywords::Mapping(m) => protocol::getitem(ts, m, &pystr::from_data(name))?,
                }
            }
        };
        for acc in accessors {
            match acc.map_err(into_pyerr)? {
                FieldAccessor::Attribute(r) => {
                    let name = pystr::from_data(sub(&cp, r));
                    obj = protocol::getattr(ts, &obj, &name)?;
                }
                FieldAccessor::Index(i) => obj = protocol::getitem(ts, &obj, &int::from_i64(i as i64))?,
                FieldAccessor::Key(r) => obj = protocol::getitem(ts, &obj, &pystr::from_data(sub(&cp, r)))?,
            }
        }
        obj = match field.conversion {
            None => obj,
            Some(c) if c == 'r' as u32 => protocol::repr(ts, &obj)?,
            Some(c) if c == 's' as u32 => protocol::str(ts, &obj)?,
            Some(c) if c == 'a' as u32 => crate::modules::builtins::ascii(ts, &obj)?,
            Some(c) => return Err(into_pyerr(super::conversion_error(c))),
        };
        let spec = sub(&cp, field.spec.clone());
        let spec = if field.spec_needs_expanding { render(ts, &spec, pos, kw, numbering, depth - 1)? } else { spec };
        let spec_v = pystr::from_data(spec);
        let formatted = crate::modules::builtins::format(ts, &obj, Some(&spec_v))?;
        if let Some(s) = pystr::as_pystr(&formatted) {
            b.push_str(&s.data);
        }
    }
    Ok(b.finish())
}

/// `str % args`.
pub fn percent_format_str(ts: &ThreadState, v: &Value, args: &Value) -> PyResult<Value> {
    let template = &pystr::as_pystr(v).ok_or_else(|| PyErr::type_error("str expected"))?.data;
    if let Some(d) = template.as_str().and_then(|t| percent_fast(t, args)) {
        return Ok(pystr::from_data(d));
    }
    let cp = cps(template);
    let mut out = crate::stringlib::StrBuilder::new();
    percent_common(ts, &cp, args, false, &mut |piece| match piece {
        Piece::Text(d) => out.push_str(&d),
        Piece::Bytes(_) => {}
    })?;
    if !cp.is_empty() && !cp.contains(&('%' as u32)) {
        // As CPython's writer: the template object itself (a str subclass stays one).
        return Ok(v.clone());
    }
    Ok(pystr::from_data(out.finish()))
}

/// `str % args` for the common case: an ASCII template of bare `%s`, `%d`,
/// `%i`, `%u`, `%r` and `%%` applied to machine ints and exact ASCII strs
/// (alone or in an exact tuple) with every argument used. None: take the
/// general path, which also produces every error.
fn percent_fast(template: &str, args: &Value) -> Option<StrData> {
    let single;
    let items: &[Value] = if args.is_exact(&crate::types::tuple::TUPLE_TYPE) {
        tuple::try_tuple_items(args)?
    } else {
        single = [args.clone()];
        &single
    };
    let mut out = AsciiOut::default();
    let mut next = 0;
    let mut directives = 0;
    let mut digits = [0u8; 20];
    let t = template.as_bytes();
    let mut lit = 0;
    let mut i = 0;
    while i < t.len() {
        if t[i] != b'%' {
            i += 1;
            continue;
        }
        out.put(&t[lit..i]);
        let ch = *t.get(i + 1)?;
        i += 2;
        lit = i;
        directives += 1;
        if ch == b'%' {
            out.put(b"%");
            continue;
        }
        let arg = items.get(next)?;
        next += 1;
        match (ch, arg.as_small_int()) {
            (b'd' | b'i' | b'u' | b's' | b'r', Some(n)) => {
                let at = crate::types::int::small_decimal(n, &mut digits);
                out.put(&digits[at..]);
            }
            (b's', None) if arg.is_exact(&pystr::STR_TYPE) => out.put(pystr::as_pystr(arg)?.data.as_str()?.as_bytes()),
            _ => return None,
        }
    }
    if directives == 0 || next != items.len() {
        return None;
    }
    out.put(&t[lit..]);
    out.finish()
}

/// ASCII output assembled on the stack while short (the str then holds it in
/// place), on the heap once longer.
struct AsciiOut {
    small: [u8; 64],
    n: usize,
    heap: Option<Vec<u8>>,
}

impl Default for AsciiOut {
    fn default() -> Self {
        AsciiOut { small: [0; 64], n: 0, heap: None }
    }
}

impl AsciiOut {
    fn put(&mut self, b: &[u8]) {
        if let Some(h) = &mut self.heap {
            h.extend_from_slice(b);
        } else if let Some(dst) = self.small.get_mut(self.n..self.n + b.len()) {
            dst.copy_from_slice(b);
            self.n += b.len();
        } else {
            let mut h = Vec::with_capacity(2 * (self.n + b.len()));
            h.extend_from_slice(&self.small[..self.n]);
            h.extend_from_slice(b);
            self.heap = Some(h);
        }
    }

    fn finish(self) -> Option<StrData> {
        match self.heap {
            Some(h) => StrData::from_ascii_vec(h),
            None => StrData::from_ascii(&self.small[..self.n]),
        }
    }
}

/// `bytes % args`.
pub fn percent_format_bytes(ts: &ThreadState, v: &Value, args: &Value) -> PyResult<Value> {
    let data = crate::types::bytes::try_bytes_data(v).ok_or_else(|| PyErr::type_error("bytes expected"))?;
    let cp: Vec<u32> = data.iter().map(|b| *b as u32).collect();
    let mut out: Vec<u8> = Vec::new();
    percent_common(ts, &cp, args, true, &mut |piece| match piece {
        Piece::Text(d) => out.extend(d.code_points().map(|c| c as u8)),
        Piece::Bytes(b) => out.extend(b),
    })?;
    Ok(crate::types::bytes::new_bytes(out))
}

enum Piece {
    Text(StrData),
    Bytes(Vec<u8>),
}

fn percent_common(ts: &ThreadState, cp: &[u32], args: &Value, bytes: bool, emit: &mut dyn FnMut(Piece)) -> PyResult<()> {
    use super::{PercentConversion as PC, PercentCount, PercentItem};
    let arg_items: Vec<Value> = match tuple::try_tuple_items(args) {
        Some(t) if args.is_exact(&crate::types::tuple::TUPLE_TYPE) || args.downcast::<tuple::PyTuple>().is_some() => t.to_vec(),
        _ => vec![args.clone()],
    };
    let is_mapping = tuple::try_tuple_items(args).is_none()
        && args.type_of().data.slots.subscript.get().is_some()
        && pystr::as_pystr(args).is_none()
        && crate::types::bytes::try_bytes_data(args).is_none()
        && !(bytes && crate::types::bytearray::as_bytearray(args).is_some());
    let mut next_arg = 0usize;
    let mut used_mapping = false;
    let take_arg = |next_arg: &mut usize| -> PyResult<Value> {
        let a = arg_items.get(*next_arg).cloned();
        *next_arg += 1;
        a.ok_or_else(|| PyErr::type_error("not enough arguments for format string"))
    };
    // `str % bytes` takes the bytes as a mapping: only tuples and str are not (bytes formatting excludes bytes).
    let is_mapping = is_mapping || (!bytes && crate::types::bytes::try_bytes_data(args).is_some());
    for item in super::parse_percent(cp, bytes) {
        let d = match item {
            PercentItem::Literal(r) => {
                emit(Piece::Text(StrData::from_code_points(cp[r].iter())));
                continue;
            }
            PercentItem::Percent => {
                emit(Piece::Text(StrData::from_str("%")));
                continue;
            }
            PercentItem::Directive(d) => d,
        };
        let arg = if let Some(k) = &d.key {
            if !is_mapping {
                return Err(PyErr::type_error("format requires a mapping"));
            }
            if let PC::BeforeKey(e) = &d.conversion {
                return Err(into_pyerr(e.clone()));
            }
            used_mapping = true;
            // As CPython: the looked-up value replaces the argument, so a later unkeyed directive finds none.
            next_arg = arg_items.len();
            let key = if bytes {
                crate::types::bytes::new_bytes(cp[k.clone()].iter().map(|c| *c as u8).collect())
            } else {
                pystr::from_data(StrData::from_code_points(cp[k.clone()].iter()))
            };
            Some(protocol::getitem(ts, args, &key)?)
        } else {
            if let PC::BeforeKey(e) = &d.conversion {
                return Err(into_pyerr(e.clone()));
            }
            None
        };
        let mut flags = d.flags;
        let width: Option<usize> = match d.width {
            Some(PercentCount::Value(w)) => Some(w),
            Some(PercentCount::Star) => {
                let w = take_arg(&mut next_arg)?;
                if !int::is_int(&w) {
                    return Err(PyErr::type_error("* wants int"));
                }
                let w = int::to_isize(&w).ok_or_else(|| PyErr::overflow_error("width too big"))?;
                if w < 0 {
                    flags.left = true;
                }
                Some(w.unsigned_abs())
            }
            None => None,
        };
        let precision: Option<usize> = match d.precision {
            Some(PercentCount::Value(p)) => Some(p),
            Some(PercentCount::Star) => {
                let p = take_arg(&mut next_arg)?;
                if !int::is_int(&p) {
                    return Err(PyErr::type_error("* wants int"));
                }
                Some(int::to_isize(&p).unwrap_or(0).max(0) as usize)
            }
            None => None,
        };
        if let PC::BeforeArgument(e) = &d.conversion {
            return Err(into_pyerr(e.clone()));
        }
        let arg = match arg {
            Some(a) => a,
            None => take_arg(&mut next_arg)?,
        };
        let ch = match &d.conversion {
            PC::Char(c) => *c,
            PC::AfterArgument(e) | PC::BeforeKey(e) | PC::BeforeArgument(e) => return Err(into_pyerr(e.clone())),
        };
        let pad_text = |data: StrData, flags, width| -> Piece {
            let (l, r) = super::percent_padding(data.len(), flags, width);
            let mut b = crate::stringlib::StrBuilder::new();
            for _ in 0..l {
                b.push(' ' as u32);
            }
            b.push_str(&data);
            for _ in 0..r {
                b.push(' ' as u32);
            }
            Piece::Text(b.finish())
        };
        let text: String = match ch {
            's' | 'r' | 'a' if !(bytes && ch == 's') => {
                let s = match ch {
                    's' => protocol::str(ts, &arg)?,
                    'r' => protocol::repr(ts, &arg)?,
                    _ => crate::modules::builtins::ascii(ts, &arg)?,
                };
                let mut data = pystr::as_pystr(&s).map(|x| x.data.clone()).unwrap_or_default();
                if bytes {
                    // %r and %a of bytes are ASCII.
                    data = crate::modules::builtins::ascii(ts, &arg).ok().and_then(|x| pystr::as_pystr(&x).map(|y| y.data.clone())).unwrap_or(data);
                }
                if let Some(p) = precision {
                    if p < data.len() {
                        data = data.slice(0, p);
                    }
                }
                emit(pad_text(data, flags, width));
                continue;
            }
            's' | 'b' => {
                let data = crate::types::bytes::percent_b_arg(ts, &arg)?;
                let data = match precision {
                    Some(p) if p < data.len() => data[..p].to_vec(),
                    _ => data,
                };
                let (l, r) = super::percent_padding(data.len(), flags, width);
                let mut out = vec![b' '; l];
                out.extend(data);
                out.extend(std::iter::repeat(b' ').take(r));
                emit(Piece::Bytes(out));
                continue;
            }
            'd' | 'i' | 'u' | 'o' | 'x' | 'X' => {
                let n = if int::is_int(&arg) {
                    int::as_int(&arg).map(|r| r.to_bigint()).unwrap_or_default()
                } else if matches!(ch, 'd' | 'i' | 'u') {
                    if crate::types::float::as_float_exact_payload(&arg).is_some() || arg.type_of().data.slots.int.get().is_some() {
                        let i = int::number_to_int(ts, &arg)?;
                        int::as_int(&i).map(|r| r.to_bigint()).unwrap_or_default()
                    } else {
                        return Err(PyErr::type_error(format!(
                            "%{} format: a real number is required, not {}",
                            ch,
                            protocol::type_name(&arg)
                        )));
                    }
                } else if arg.type_of().data.slots.index.get().is_some() {
                    let i = protocol::index(ts, &arg)?;
                    int::as_int(&i).map(|r| r.to_bigint()).unwrap_or_default()
                } else {
                    return Err(PyErr::type_error(format!(
                        "%{} format: an integer is required, not {}",
                        ch,
                        protocol::type_name(&arg)
                    )));
                };
                if matches!(ch, 'd' | 'i' | 'u') {
                    // Decimal text of a huge int obeys sys.set_int_max_str_digits().
                    crate::numeric::int::to_decimal_string_check(&n, ts.interp().int_max_str_digits.get())?;
                }
                super::percent_format_int(&n, ch, flags, width, precision).map_err(into_pyerr)?
            }
            'e' | 'E' | 'f' | 'F' | 'g' | 'G' => {
                let f = crate::types::float::to_f64(ts, &arg).map_err(|_| {
                    let what = if bytes { "float argument required" } else { "must be real number" };
                    PyErr::type_error(format!("{what}, not {}", protocol::type_name(&arg)))
                })?;
                super::percent_format_float(f, ch, flags, width, precision).map_err(into_pyerr)?
            }
            'c' if bytes => {
                let byte = percent_byte_char(ts, &arg)?;
                let (l, r) = super::percent_padding(1, flags, width);
                let mut out = vec![b' '; l];
                out.push(byte);
                out.extend(std::iter::repeat(b' ').take(r));
                emit(Piece::Bytes(out));
                continue;
            }
            'c' => {
                if let Some(s) = pystr::as_pystr(&arg) {
                    if s.data.len() != 1 {
                        return Err(PyErr::type_error("%c requires int or char"));
                    }
                    emit(pad_text(s.data.clone(), flags, width));
                    continue;
                }
                if !int::is_int(&arg) {
                    return Err(PyErr::type_error("%c requires int or char"));
                }
                let n = int::as_int(&arg).map(|r| r.to_bigint()).unwrap_or_default();
                super::percent_format_char(&n, flags, width).map_err(into_pyerr)?
            }
            other => {
                return Err(PyErr::value_error(format!(
                    "unsupported format character '{}' (0x{:x}) at index {}",
                    other, other as u32, d.start
                )))
            }
        };
        emit(Piece::Text(StrData::from_str(&text)));
    }
    if next_arg < arg_items.len() && !used_mapping && !is_mapping {
        return Err(PyErr::type_error(if bytes {
            "not all arguments converted during bytes formatting"
        } else {
            "not all arguments converted during string formatting"
        }));
    }
    let _ = exc::TYPE_ERROR.name();
    Ok(())
}

/// The byte `%c` formats in `bytes % args`: a bytes/bytearray of length 1 or an int in range(256).
fn percent_byte_char(ts: &ThreadState, arg: &Value) -> PyResult<u8> {
    if let Some(b) = crate::types::bytes::try_bytes_data(arg).or_else(|| crate::types::bytearray::as_bytearray(arg).map(|b| b.data.borrow().clone())) {
        if b.len() == 1 {
            return Ok(b[0]);
        }
    } else if int::is_int(arg) || arg.type_of().data.slots.index.get().is_some() {
        let i = protocol::index(ts, arg)?;
        return match int::to_isize(&i) {
            Some(n) if (0..256).contains(&n) => Ok(n as u8),
            _ => Err(PyErr::overflow_error("%c arg not in range(256)")),
        };
    }
    Err(PyErr::type_error("%c requires an integer in range(256) or a single byte"))
}
