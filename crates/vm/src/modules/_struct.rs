//! `_struct`: conversion between Python values and C structs packed in
//! bytes (CPython's Modules/_struct.c), with this platform's (x86-64
//! Linux) native sizes and alignment, and CPython's error messages.
//!
//! A format is parsed once into a `Layout` (codes with offsets); module
//! level functions keep parsed layouts in a small per-thread cache, as
//! CPython caches Struct objects.

use std::cell::{Cell, RefCell};
use std::collections::HashMap;
use std::rc::Rc;

use crate::object::args;
use crate::object::protocol;
use crate::object::typeobj::{PyType, TypeObject, TPFLAGS_BASETYPE};
use crate::object::value::{PyObject, PyPayload, Value};
use crate::runtime::errors::{PyErr, PyResult};
use crate::runtime::thread::ThreadState;
use crate::types::{bool_, bytearray, bytes, exceptions as exc, float, int, int::IntRef, none, str as pystr, tuple};
use num_traits::ToPrimitive;

type Args<'a> = &'a [Value];
type Kw<'a> = Option<&'a Value>;

/// Which size/alignment/byte-order table a format uses.
#[derive(Clone, Copy, PartialEq, Eq, Debug)]
enum Table {
    /// `@` (default): native sizes, alignment and byte order.
    Native,
    /// `<` and `=` (this host is little-endian): standard sizes.
    Little,
    /// `>` and `!`: standard sizes, big-endian.
    Big,
}

/// One format code of a parsed layout.
#[derive(Clone, Debug)]
struct Code {
    ch: u8,
    offset: usize,
    /// Item size, or the field length for `s` and `p`.
    size: usize,
    /// Items of this code (1 for `s` and `p`).
    repeat: usize,
}

/// A parsed struct format.
#[derive(Debug)]
pub struct Layout {
    table: Table,
    codes: Vec<Code>,
    /// Total size in bytes.
    size: usize,
    /// Number of Python values packed or unpacked.
    nitems: usize,
}

/// (size, alignment) of a code in a table; None for an unknown code.
fn entry(table: Table, c: u8) -> Option<(usize, usize)> {
    let native = table == Table::Native;
    Some(match c {
        b'x' | b'c' | b'b' | b'B' | b'?' | b's' | b'p' => (1, 1),
        b'h' | b'H' | b'e' => (2, 2),
        b'i' | b'I' | b'f' => (4, 4),
        b'l' | b'L' => {
            if native {
                (8, 8)
            } else {
                (4, 4)
            }
        }
        b'q' | b'Q' | b'd' => (8, 8),
        b'n' | b'N' | b'P' if native => (8, 8),
        _ => return None,
    })
}

const SIZE_TOO_LONG: &str = "total struct size too long";

/// Parse a format (CPython's prepare_s); errors are struct.error messages.
fn parse(fmt: &[u8]) -> Result<Layout, String> {
    let (table, body) = match fmt.first() {
        Some(b'@') => (Table::Native, &fmt[1..]),
        Some(b'<') | Some(b'=') => (Table::Little, &fmt[1..]),
        Some(b'>') | Some(b'!') => (Table::Big, &fmt[1..]),
        _ => (Table::Native, fmt),
    };
    if body.contains(&0) {
        return Err("embedded null character".into());
    }
    let max = isize::MAX as usize;
    let mut codes = Vec::new();
    let mut size: usize = 0;
    let mut nitems = 0usize;
    let mut i = 0;
    while i < body.len() {
        let mut c = body[i];
        i += 1;
        if c.is_ascii_whitespace() {
            continue;
        }
        let num = if c.is_ascii_digit() {
            let mut num = (c - b'0') as usize;
            loop {
                let Some(&d) = body.get(i) else {
                    return Err("repeat count given without format specifier".into());
                };
                i += 1;
                if !d.is_ascii_digit() {
                    c = d;
                    break;
                }
                num = num.checked_mul(10).and_then(|n| n.checked_add((d - b'0') as usize)).filter(|n| *n <= max).ok_or(SIZE_TOO_LONG)?;
            }
            num
        } else {
            1
        };
        let (itemsize, align) = entry(table, c).ok_or("bad char in struct format")?;
        if table == Table::Native && size > 0 {
            let extra = (align - 1) - (size - 1) % align;
            size = size.checked_add(extra).filter(|s| *s <= max).ok_or(SIZE_TOO_LONG)?;
        }
        let span = num.checked_mul(itemsize).and_then(|n| n.checked_add(size)).filter(|s| *s <= max).ok_or(SIZE_TOO_LONG)?;
        match c {
            b's' | b'p' => {
                codes.push(Code { ch: c, offset: size, size: num, repeat: 1 });
                nitems += 1;
            }
            b'x' => {}
            _ if num > 0 => {
                codes.push(Code { ch: c, offset: size, size: itemsize, repeat: num });
                nitems += num;
            }
            _ => {}
        }
        size = span;
    }
    Ok(Layout { table, codes, size, nitems })
}

/// A new exception class `module.name` deriving from `base`, as
/// PyErr_NewException makes.
pub(crate) fn new_exception_class(ts: &ThreadState, module: &str, name: &str, base: &PyType) -> PyResult<Value> {
    let d = crate::types::dict::new_dict();
    crate::types::dict::dict_set_item(ts, &d, pystr::intern("__module__"), pystr::new_str(module))?;
    let bases = tuple::new_tuple(vec![base.to_value()])?;
    protocol::call(ts, &crate::types::typeobject::TYPE_TYPE.to_value(), &[pystr::new_str(name), bases, d], None)
}

/// The attribute `name` of the (imported or built-in) module `module`.
pub(crate) fn module_attr(ts: &ThreadState, module: &str, name: &str) -> PyResult<Value> {
    let modules = ts.interp().modules();
    let m = match crate::types::dict::dict_get_str(&modules, &pystr::intern(module)) {
        Some(m) => m,
        None => crate::import::import_absolute(ts, module)?,
    };
    protocol::getattr_str(ts, &m, name)
}

/// A `struct.error` with message `msg`.
fn struct_error(ts: &ThreadState, msg: impl AsRef<str>) -> PyErr {
    match module_attr(ts, "_struct", "error").and_then(|cls| protocol::call(ts, &cls, &[pystr::new_str(msg.as_ref())], None)) {
        Ok(e) => PyErr::from_instance(e),
        Err(e) => e,
    }
}

// ---- packing ----

/// `get_pylong`: an int, through `__index__` if needed.
fn get_pylong(ts: &ThreadState, v: &Value) -> PyResult<Value> {
    if int::is_int(v) {
        return Ok(v.clone());
    }
    if v.type_of().data.slots.index.get().is_some() {
        return protocol::index(ts, v);
    }
    Err(struct_error(ts, "required argument is not an integer"))
}

fn int_i64(v: &Value) -> Option<i64> {
    match int::as_int(v)? {
        IntRef::Small(i) => Some(i),
        IntRef::Big(b) => b.to_i64(),
    }
}

fn int_u64(v: &Value) -> Option<u64> {
    match int::as_int(v)? {
        IntRef::Small(i) => u64::try_from(i).ok(),
        IntRef::Big(b) => b.to_u64(),
    }
}

/// A C long (get_long): "argument out of range" on overflow.
fn get_long(ts: &ThreadState, v: &Value) -> PyResult<i64> {
    let i = get_pylong(ts, v)?;
    int_i64(&i).ok_or_else(|| struct_error(ts, "argument out of range"))
}

/// An unsigned C long (get_ulong): negative values are out of range too.
fn get_ulong(ts: &ThreadState, v: &Value) -> PyResult<u64> {
    let i = get_pylong(ts, v)?;
    int_u64(&i).ok_or_else(|| struct_error(ts, "argument out of range"))
}

/// `_range_error`: "'c' format requires lo <= number <= hi".
fn range_error(ts: &ThreadState, c: u8, size: usize, unsigned: bool) -> PyErr {
    let ulargest: u64 = if size >= 8 { u64::MAX } else { (1u64 << (size * 8)) - 1 };
    if unsigned {
        struct_error(ts, format!("'{}' format requires 0 <= number <= {ulargest}", c as char))
    } else {
        let largest = (ulargest >> 1) as i64;
        struct_error(ts, format!("'{}' format requires {} <= number <= {largest}", c as char, !largest))
    }
}

/// The 8-byte conversions that go through `_PyLong_AsByteArray` (standard
/// big-endian q/Q, and P): an OverflowError, which becomes struct.error
/// "int too large to convert" when the argument itself is an int.
fn wide_int(ts: &ThreadState, v: &Value, i: &Value, unsigned: bool) -> PyResult<u64> {
    let r = if unsigned { int_u64(i) } else { int_i64(i).map(|x| x as u64) };
    r.ok_or_else(|| {
        if int::is_int(v) {
            struct_error(ts, "int too large to convert")
        } else if unsigned && int::is_negative(i) {
            PyErr::overflow_error("can't convert negative int to unsigned")
        } else {
            PyErr::overflow_error("int too big to convert")
        }
    })
}

/// A float argument (PyFloat_AsDouble); any failure is "required argument is not a float".
fn get_double(ts: &ThreadState, v: &Value) -> PyResult<f64> {
    float::to_f64(ts, v).map_err(|_| struct_error(ts, "required argument is not a float"))
}

/// A float pack overflow: an OverflowError, or struct.error when the
/// argument was an int (pack_internal's rewrite).
fn float_overflow(ts: &ThreadState, v: &Value, c: char) -> PyErr {
    if int::is_int(v) {
        struct_error(ts, "int too large to convert")
    } else {
        PyErr::overflow_error(format!("float too large to pack with {c} format"))
    }
}

/// IEEE half precision bits of `x`, rounding half to even (PyFloat_Pack2);
/// None on overflow.
pub fn pack_half(x: f64) -> Option<u16> {
    let sign = (x.is_sign_negative() as u16) << 15;
    if x == 0.0 {
        return Some(sign);
    }
    if x.is_infinite() {
        return Some(sign | 0x7c00);
    }
    if x.is_nan() {
        return Some(sign | 0x7e00);
    }
    let (mut f, mut e) = frexp(x.abs());
    // Normalize f to [1.0, 2.0).
    f *= 2.0;
    e -= 1;
    if e >= 16 {
        return None;
    } else if e < -25 {
        f = 0.0;
        e = 0;
    } else if e < -14 {
        // Denormalized: the exponent field is 0.
        f = ldexp(f, 14 + e);
        e = 0;
    } else {
        e += 15;
        f -= 1.0;
    }
    f *= 1024.0;
    let mut bits = f as u16;
    let rest = f - bits as f64;
    if rest > 0.5 || (rest == 0.5 && bits % 2 == 1) {
        bits += 1;
        if bits == 1024 {
            bits = 0;
            e += 1;
            if e == 31 {
                return None;
            }
        }
    }
    Some(sign | ((e as u16) << 10) | bits)
}

/// The value of IEEE half precision bits (PyFloat_Unpack2).
pub fn unpack_half(bits: u16) -> f64 {
    let negative = bits & 0x8000 != 0;
    let e = ((bits >> 10) & 0x1f) as i32;
    let f = (bits & 0x3ff) as f64;
    if e == 0x1f {
        let v = if f == 0.0 { f64::INFINITY } else { f64::NAN };
        return if negative { -v } else { v };
    }
    let mut x = f / 1024.0;
    let exp = if e == 0 {
        -14
    } else {
        x += 1.0;
        e - 15
    };
    x = ldexp(x, exp);
    if negative {
        -x
    } else {
        x
    }
}

/// `frexp` for finite, positive, nonzero x: (m, e) with x = m * 2**e, 0.5 <= m < 1.
fn frexp(x: f64) -> (f64, i32) {
    let bits = x.to_bits();
    let exp = ((bits >> 52) & 0x7ff) as i32;
    if exp == 0 {
        // Subnormal: scale into the normal range first.
        let (m, e) = frexp(x * f64::from_bits(0x4350000000000000)); // 2**54
        return (m, e - 54);
    }
    let m = f64::from_bits((bits & !(0x7ffu64 << 52)) | (1022u64 << 52));
    (m, exp - 1022)
}

/// `ldexp` by repeated exact scaling (exponents here stay small).
fn ldexp(mut x: f64, mut e: i32) -> f64 {
    while e > 0 {
        let step = e.min(1000);
        x *= 2f64.powi(step);
        e -= step;
    }
    while e < 0 {
        let step = (-e).min(1000);
        x /= 2f64.powi(step);
        e += step;
    }
    x
}

fn put(out: &mut [u8], table: Table, bytes_le: &[u8]) {
    if table == Table::Big {
        for (o, b) in out.iter_mut().zip(bytes_le.iter().rev()) {
            *o = *b;
        }
    } else {
        out.copy_from_slice(bytes_le);
    }
}

/// Pack one value of code `ch` (not s/p) into `out` (its item size).
fn pack_item(ts: &ThreadState, table: Table, ch: u8, v: &Value, out: &mut [u8]) -> PyResult<()> {
    let n = out.len();
    match ch {
        b'c' => match v.downcast::<bytes::PyBytes>() {
            Some(b) if b.data.len() == 1 => out[0] = b.data[0],
            _ => return Err(struct_error(ts, "char format requires a bytes object of length 1")),
        },
        b'?' => out[0] = protocol::is_true(ts, v)? as u8,
        b'b' => {
            let x = get_long(ts, v)?;
            if !(-128..=127).contains(&x) {
                return Err(struct_error(ts, "byte format requires -128 <= number <= 127"));
            }
            out[0] = x as u8;
        }
        b'B' => {
            let x = get_long(ts, v)?;
            if !(0..=255).contains(&x) {
                return Err(struct_error(ts, "ubyte format requires 0 <= number <= 255"));
            }
            out[0] = x as u8;
        }
        b'e' => {
            let x = get_double(ts, v)?;
            let h = pack_half(x).ok_or_else(|| float_overflow(ts, v, 'e'))?;
            put(out, table, &h.to_le_bytes());
        }
        b'f' => {
            let x = get_double(ts, v)?;
            let y = x as f32;
            if table != Table::Native && y.is_infinite() && x.is_finite() {
                return Err(float_overflow(ts, v, 'f'));
            }
            put(out, table, &y.to_le_bytes());
        }
        b'd' => {
            let x = get_double(ts, v)?;
            put(out, table, &x.to_le_bytes());
        }
        b'P' => {
            // PyLong_AsVoidPtr: negative values as signed, others as unsigned.
            let i = get_pylong(ts, v)?;
            let neg = int::is_negative(&i);
            let x = match wide_int(ts, v, &i, !neg) {
                Err(_) if !int::is_int(v) => {
                    return Err(PyErr::overflow_error(if neg {
                        "Python int too large to convert to C long"
                    } else {
                        "Python int too large to convert to C unsigned long"
                    }))
                }
                r => r?,
            };
            put(out, table, &x.to_le_bytes());
        }
        b'q' | b'Q' if table == Table::Big => {
            let i = get_pylong(ts, v)?;
            let x = wide_int(ts, v, &i, ch == b'Q')?;
            put(out, table, &x.to_le_bytes());
        }
        // Native functions serve the native table and, where the sizes
        // agree, the little-endian standard one (as CPython swaps them in).
        b'h' if table != Table::Big => {
            let x = get_long(ts, v)?;
            if !(-32768..=32767).contains(&x) {
                return Err(struct_error(ts, "short format requires -32768 <= number <= 32767"));
            }
            put(out, table, &(x as i16).to_le_bytes());
        }
        b'H' if table != Table::Big => {
            let x = get_long(ts, v)?;
            if !(0..=65535).contains(&x) {
                return Err(struct_error(ts, "ushort format requires 0 <= number <= 65535"));
            }
            put(out, table, &(x as u16).to_le_bytes());
        }
        b'h' | b'i' | b'l' | b'q' | b'n' => {
            let x = get_long(ts, v)?;
            if n < 8 {
                let half = 1i64 << (n * 8 - 1);
                if x < -half || x >= half {
                    return Err(range_error(ts, ch, n, false));
                }
            }
            put(out, table, &x.to_le_bytes()[..n]);
        }
        b'H' | b'I' | b'L' | b'Q' | b'N' => {
            let x = get_ulong(ts, v)?;
            if n < 8 && x >> (n * 8) != 0 {
                return Err(range_error(ts, ch, n, true));
            }
            put(out, table, &x.to_le_bytes()[..n]);
        }
        _ => return Err(PyErr::system_error("bad struct code")),
    }
    Ok(())
}

/// Pack `values` by `layout` into `out` (zeroed, `layout.size` bytes).
fn pack_into_slice(ts: &ThreadState, layout: &Layout, values: &[Value], out: &mut [u8]) -> PyResult<()> {
    let mut vi = values.iter();
    for code in &layout.codes {
        match code.ch {
            b's' | b'p' => {
                let v = vi.next().ok_or_else(|| PyErr::system_error("struct: too few values"))?;
                let data = if let Some(b) = v.downcast::<bytes::PyBytes>() {
                    b.data.to_vec()
                } else if let Some(b) = bytearray::as_bytearray(v) {
                    b.data.borrow().clone()
                } else {
                    return Err(struct_error(ts, format!("argument for '{}' must be a bytes object", code.ch as char)));
                };
                let field = &mut out[code.offset..code.offset + code.size];
                if code.ch == b's' {
                    let n = data.len().min(field.len());
                    field[..n].copy_from_slice(&data[..n]);
                } else if !field.is_empty() {
                    let n = data.len().min(field.len() - 1);
                    field[1..1 + n].copy_from_slice(&data[..n]);
                    field[0] = n.min(255) as u8;
                }
            }
            _ => {
                for k in 0..code.repeat {
                    let v = vi.next().ok_or_else(|| PyErr::system_error("struct: too few values"))?;
                    let at = code.offset + k * code.size;
                    pack_item(ts, layout.table, code.ch, v, &mut out[at..at + code.size])?;
                }
            }
        }
    }
    Ok(())
}

fn check_count(ts: &ThreadState, fname: &str, layout: &Layout, n: usize) -> PyResult<()> {
    if n != layout.nitems {
        return Err(struct_error(ts, format!("{fname} expected {} items for packing (got {n})", layout.nitems)));
    }
    Ok(())
}

fn pack_values(ts: &ThreadState, layout: &Layout, values: &[Value]) -> PyResult<Value> {
    check_count(ts, "pack", layout, values.len())?;
    let mut out = vec![0u8; layout.size];
    pack_into_slice(ts, layout, values, &mut out)?;
    Ok(bytes::new_bytes(out))
}

// ---- unpacking ----

fn get(data: &[u8], table: Table) -> [u8; 8] {
    let mut b = [0u8; 8];
    if table == Table::Big {
        for (o, x) in b.iter_mut().zip(data.iter().rev()) {
            *o = *x;
        }
    } else {
        b[..data.len()].copy_from_slice(data);
    }
    b
}

fn unpack_item(table: Table, ch: u8, data: &[u8]) -> Value {
    let n = data.len();
    let raw = u64::from_le_bytes(get(data, table));
    let signed = || {
        let shift = 64 - 8 * n as u32;
        ((raw << shift) as i64) >> shift
    };
    match ch {
        b'c' => bytes::new_bytes(vec![data[0]]),
        b'?' => bool_::new_bool(data[0] != 0),
        b'b' | b'h' | b'i' | b'l' | b'q' | b'n' => int::from_i64(signed()),
        b'B' | b'H' | b'I' | b'L' | b'Q' | b'N' | b'P' => {
            if raw <= i64::MAX as u64 {
                int::from_i64(raw as i64)
            } else {
                int::from_bigint(num_bigint::BigInt::from(raw))
            }
        }
        b'e' => float::new_float(unpack_half(raw as u16)),
        b'f' => float::new_float(f32::from_bits(raw as u32) as f64),
        b'd' => float::new_float(f64::from_bits(raw)),
        _ => none::none(),
    }
}

fn unpack_slice(layout: &Layout, data: &[u8]) -> PyResult<Value> {
    let mut items = Vec::with_capacity(layout.nitems);
    for code in &layout.codes {
        match code.ch {
            b's' => items.push(bytes::new_bytes(data[code.offset..code.offset + code.size].to_vec())),
            b'p' => {
                let field = &data[code.offset..code.offset + code.size];
                let v = match field.split_first() {
                    Some((&n, rest)) => rest[..(n as usize).min(rest.len())].to_vec(),
                    // CPython computes a length of -1 for a '0p' field.
                    None => return Err(PyErr::system_error("Negative size passed to PyBytes_FromStringAndSize")),
                };
                items.push(bytes::new_bytes(v));
            }
            _ => {
                for k in 0..code.repeat {
                    let at = code.offset + k * code.size;
                    items.push(unpack_item(layout.table, code.ch, &data[at..at + code.size]));
                }
            }
        }
    }
    tuple::new_tuple(items)
}

/// The contents of an object exporting a simple (C-contiguous) buffer,
/// borrowed from bytes objects; None when it exports none. A released
/// view is a ValueError, a strided one a BufferError (PyBUF_SIMPLE).
pub(crate) fn simple_buffer<'a>(ts: &ThreadState, v: &'a Value) -> PyResult<Option<std::borrow::Cow<'a, [u8]>>> {
    if crate::types::memoryview::is_memoryview(v) {
        let data = crate::types::memoryview::checked_bytes(v)?;
        if !protocol::is_true(ts, &protocol::getattr_str(ts, v, "c_contiguous")?)? {
            return Err(PyErr::new(&exc::BUFFER_ERROR, "memoryview: underlying buffer is not C-contiguous"));
        }
        return Ok(Some(std::borrow::Cow::Owned(data)));
    }
    Ok(bytes::buffer_data(v))
}

/// The contents of a bytes-like argument, borrowed from bytes objects.
fn read_buffer<'a>(ts: &ThreadState, v: &'a Value) -> PyResult<std::borrow::Cow<'a, [u8]>> {
    simple_buffer(ts, v)?.ok_or_else(|| PyErr::type_error(format!("a bytes-like object is required, not '{}'", protocol::type_name(v))))
}

fn unpack_buffer(ts: &ThreadState, layout: &Layout, buf: &Value) -> PyResult<Value> {
    let data = read_buffer(ts, buf)?;
    if data.len() != layout.size {
        return Err(struct_error(ts, format!("unpack requires a buffer of {} bytes", layout.size)));
    }
    unpack_slice(layout, &data)
}

fn unpack_from_buffer(ts: &ThreadState, layout: &Layout, buf: &Value, offset: Option<Value>) -> PyResult<Value> {
    let data = read_buffer(ts, buf)?;
    let mut offset = match offset {
        Some(o) => int::ssize_arg(ts, &o)?,
        None => 0,
    };
    let len = data.len() as isize;
    let size = layout.size as isize;
    if offset < 0 {
        if offset + size > 0 {
            return Err(struct_error(ts, format!("not enough data to unpack {size} bytes at offset {offset}")));
        }
        if offset + len < 0 {
            return Err(struct_error(ts, format!("offset {offset} out of range for {len}-byte buffer")));
        }
        offset += len;
    }
    if len - offset < size {
        return Err(struct_error(
            ts,
            format!(
                "unpack_from requires a buffer of at least {} bytes for unpacking {size} bytes at offset {offset} (actual buffer size is {len})",
                size + offset
            ),
        ));
    }
    let off = offset as usize;
    unpack_slice(layout, &data[off..off + layout.size])
}

fn pack_into_buffer(ts: &ThreadState, layout: &Layout, a: Args) -> PyResult<Value> {
    if a.is_empty() {
        return Err(struct_error(ts, "pack_into expected buffer argument"));
    }
    if a.len() < 2 {
        return Err(struct_error(ts, "pack_into expected offset argument"));
    }
    check_count(ts, "pack_into", layout, a.len() - 2)?;
    let buf = &a[0];
    let writable_len = if let Some(b) = bytearray::as_bytearray(buf) {
        b.data.borrow().len()
    } else if let Some((cell, _, _, _)) = super::array::buffer_parts(buf) {
        cell.borrow().len()
    } else if crate::types::memoryview::is_memoryview(buf) && !protocol::is_true(ts, &protocol::getattr_str(ts, buf, "readonly")?)? {
        int::ssize_arg(ts, &protocol::getattr_str(ts, buf, "nbytes")?)? as usize
    } else {
        return Err(PyErr::type_error(format!("argument must be read-write bytes-like object, not {}", protocol::type_name(buf))));
    };
    let mut offset = protocol::index_isize(ts, &a[1])?;
    let len = writable_len as isize;
    let size = layout.size as isize;
    if offset < 0 {
        if offset + size > 0 {
            return Err(struct_error(ts, format!("no space to pack {size} bytes at offset {offset}")));
        }
        if offset + len < 0 {
            return Err(struct_error(ts, format!("offset {offset} out of range for {len}-byte buffer")));
        }
        offset += len;
    }
    if len - offset < size {
        return Err(struct_error(
            ts,
            format!(
                "pack_into requires a buffer of at least {} bytes for packing {size} bytes at offset {offset} (actual buffer size is {len})",
                size + offset
            ),
        ));
    }
    let mut out = vec![0u8; layout.size];
    pack_into_slice(ts, layout, &a[2..], &mut out)?;
    let off = offset as usize;
    let cell = match bytearray::as_bytearray(buf) {
        Some(b) => Some(&b.data),
        None => super::array::buffer_parts(buf).map(|p| p.0),
    };
    if let Some(cell) = cell {
        let mut d = cell.borrow_mut();
        if d.len() >= off + out.len() {
            d[off..off + out.len()].copy_from_slice(&out);
        }
    } else {
        // A writable memoryview: assign through a byte-format view of it.
        let view = protocol::call_method(ts, buf, "cast", &[pystr::new_str("B")])?;
        let sl = crate::types::slice::new_slice(int::from_usize(off), int::from_usize(off + out.len()), none::none())?;
        protocol::setitem(ts, &view, &sl, Some(&bytes::new_bytes(out)))?;
    }
    Ok(none::none())
}

// ---- the Struct type and its unpack iterator ----

/// A `_struct.Struct` object: its format as given and the parsed layout.
pub struct PyStruct {
    format: RefCell<Value>,
    layout: RefCell<Rc<Layout>>,
    /// False until `__init__` has parsed a format (CPython's size is then -1).
    ready: Cell<bool>,
}

/// A `_struct.unpack_iterator` over a buffer.
pub struct UnpackIter {
    layout: Rc<Layout>,
    data: Vec<u8>,
    pos: Cell<usize>,
}

/// The `_struct.Struct` type.
pub static STRUCT_TYPE: PyType = PyObject::new_static(
    &crate::types::typeobject::TYPE_TYPE,
    TypeObject::builtin::<PyStruct>("_struct.Struct", &STRUCT_TYPE, Some(&crate::types::object::OBJECT_TYPE), TPFLAGS_BASETYPE),
);
impl PyPayload for PyStruct {
    fn class() -> &'static PyType {
        &STRUCT_TYPE
    }
}

/// The `_struct.unpack_iterator` type.
pub static UNPACK_ITER_TYPE: PyType = PyObject::new_static(
    &crate::types::typeobject::TYPE_TYPE,
    TypeObject::builtin::<UnpackIter>("_struct.unpack_iterator", &UNPACK_ITER_TYPE, Some(&crate::types::object::OBJECT_TYPE), 0),
);
impl PyPayload for UnpackIter {
    fn class() -> &'static PyType {
        &UNPACK_ITER_TYPE
    }
}

/// The static types of this module.
pub fn types() -> Vec<&'static PyType> {
    vec![&STRUCT_TYPE, &UNPACK_ITER_TYPE]
}

/// The format's bytes (str formats must be ASCII), or the TypeError of Struct().
fn format_bytes(ts: &ThreadState, fmt: &Value) -> PyResult<Vec<u8>> {
    if let Some(b) = fmt.downcast::<bytes::PyBytes>() {
        return Ok(b.data.to_vec());
    }
    if pystr::as_pystr(fmt).is_some() {
        let b = bytes::encode_str(ts, fmt, "ascii", "strict")?;
        return Ok(bytes::try_bytes_data(&b).unwrap_or_default());
    }
    Err(PyErr::type_error(format!("Struct() argument 1 must be a str or bytes object, not {}", protocol::type_name(fmt))))
}

fn parse_value(ts: &ThreadState, fmt: &Value) -> PyResult<Layout> {
    let data = format_bytes(ts, fmt)?;
    parse(&data).map_err(|m| struct_error(ts, m))
}

/// Cache key: whether the format was a str, and its bytes.
type CacheKey = (bool, Vec<u8>);

thread_local! {
    /// Parsed layouts of the formats module functions saw (CPython keeps
    /// up to 100 Struct objects and then starts over).
    static CACHE: RefCell<HashMap<CacheKey, Rc<Layout>>> = RefCell::new(HashMap::new());
}
const MAXCACHE: usize = 100;

fn cached_layout(ts: &ThreadState, fmt: &Value) -> PyResult<Rc<Layout>> {
    let is_str = pystr::as_pystr(fmt).is_some();
    if !is_str && fmt.downcast::<bytes::PyBytes>().is_none() {
        // CPython looks the format up in its cache (a dict) first.
        protocol::hash(ts, fmt)?;
    }
    let is_str = pystr::as_pystr(fmt).is_some();
    let data = format_bytes(ts, fmt)?;
    let key = (is_str, data);
    if let Some(l) = CACHE.with(|c| c.borrow().get(&key).cloned()) {
        return Ok(l);
    }
    let layout = Rc::new(parse(&key.1).map_err(|m| struct_error(ts, m))?);
    CACHE.with(|c| {
        let mut c = c.borrow_mut();
        if c.len() >= MAXCACHE {
            c.clear();
        }
        c.insert(key, layout.clone());
    });
    Ok(layout)
}

fn this(v: &Value) -> PyResult<&PyStruct> {
    v.downcast::<PyStruct>().ok_or_else(|| PyErr::type_error("descriptor requires a '_struct.Struct' object"))
}

fn layout_of(v: &Value) -> PyResult<Rc<Layout>> {
    Ok(this(v)?.layout.borrow().clone())
}

fn struct_new(_ts: &ThreadState, cls: &Value, _a: Args, _k: Kw) -> PyResult<Value> {
    let empty = Rc::new(Layout { table: Table::Native, codes: Vec::new(), size: 0, nitems: 0 });
    Value::new_instance(cls, PyStruct { format: RefCell::new(pystr::new_str("")), layout: RefCell::new(empty), ready: Cell::new(false) })
}

fn struct_init(ts: &ThreadState, v: &Value, a: Args, k: Kw) -> PyResult<()> {
    let [fmt] = bytes::clinic_bind("Struct", a, k, ["format"], 0, 1)?;
    let fmt = fmt.unwrap_or_else(none::none);
    let layout = parse_value(ts, &fmt)?;
    let s = this(v)?;
    let shown = match fmt.downcast::<bytes::PyBytes>() {
        Some(b) => pystr::new_str(&String::from_utf8_lossy(&b.data)),
        None => fmt.clone(),
    };
    drop(s.format.replace(shown));
    drop(s.layout.replace(Rc::new(layout)));
    s.ready.set(true);
    Ok(())
}

fn struct_format(_ts: &ThreadState, v: &Value) -> PyResult<Value> {
    Ok(this(v)?.format.borrow().clone())
}

fn struct_size(_ts: &ThreadState, v: &Value) -> PyResult<Value> {
    if !this(v)?.ready.get() {
        return Ok(int::from_i64(-1));
    }
    Ok(int::from_usize(layout_of(v)?.size))
}

fn struct_pack(ts: &ThreadState, v: &Value, a: Args, k: Kw) -> PyResult<Value> {
    args::no_kwargs("Struct.pack", k)?;
    if !this(v)?.ready.get() {
        return Err(struct_error(ts, format!("pack expected -1 items for packing (got {})", a.len())));
    }
    pack_values(ts, layout_of(v)?.as_ref(), a)
}

fn struct_pack_into(ts: &ThreadState, v: &Value, a: Args, k: Kw) -> PyResult<Value> {
    args::no_kwargs("Struct.pack_into", k)?;
    pack_into_buffer(ts, layout_of(v)?.as_ref(), a)
}

fn struct_unpack(ts: &ThreadState, v: &Value, a: Args, k: Kw) -> PyResult<Value> {
    let a = args::exact("Struct.unpack", a, k, 1)?;
    if !this(v)?.ready.get() {
        return Err(struct_error(ts, "unpack requires a buffer of -1 bytes"));
    }
    unpack_buffer(ts, layout_of(v)?.as_ref(), &a[0])
}

fn struct_unpack_from(ts: &ThreadState, v: &Value, a: Args, k: Kw) -> PyResult<Value> {
    let [buf, offset] = bytes::clinic_bind("unpack_from", a, k, ["buffer", "offset"], 0, 1)?;
    unpack_from_buffer(ts, layout_of(v)?.as_ref(), &buf.unwrap_or_else(none::none), offset)
}

fn make_iter(ts: &ThreadState, layout: Rc<Layout>, buf: &Value) -> PyResult<Value> {
    if layout.size == 0 {
        return Err(struct_error(ts, "cannot iteratively unpack with a struct of length 0"));
    }
    let data = read_buffer(ts, buf)?.into_owned();
    if data.len() % layout.size != 0 {
        return Err(struct_error(ts, format!("iterative unpacking requires a buffer of a multiple of {} bytes", layout.size)));
    }
    Value::new(UnpackIter { layout, data, pos: Cell::new(0) })
}

fn struct_iter_unpack(ts: &ThreadState, v: &Value, a: Args, k: Kw) -> PyResult<Value> {
    let a = args::exact("Struct.iter_unpack", a, k, 1)?;
    make_iter(ts, layout_of(v)?, &a[0])
}

fn struct_sizeof(_ts: &ThreadState, v: &Value, a: Args, k: Kw) -> PyResult<Value> {
    args::exact("__sizeof__", a, k, 0)?;
    // CPython: the object (56 bytes) plus one 32-byte formatcode per code and the terminator.
    let l = layout_of(v)?;
    Ok(int::from_usize(56 + 32 * (l.codes.len() + 1)))
}

fn iter_self(_ts: &ThreadState, v: &Value) -> PyResult<Value> {
    Ok(v.clone())
}

fn iter_next(_ts: &ThreadState, v: &Value) -> PyResult<Option<Value>> {
    let it = v.downcast::<UnpackIter>().ok_or_else(|| PyErr::type_error("unpack_iterator expected"))?;
    let pos = it.pos.get();
    if pos + it.layout.size > it.data.len() {
        return Ok(None);
    }
    it.pos.set(pos + it.layout.size);
    unpack_slice(&it.layout, &it.data[pos..pos + it.layout.size]).map(Some)
}

fn iter_length_hint(_ts: &ThreadState, v: &Value, a: Args, k: Kw) -> PyResult<Value> {
    args::exact("__length_hint__", a, k, 0)?;
    let it = v.downcast::<UnpackIter>().ok_or_else(|| PyErr::type_error("unpack_iterator expected"))?;
    Ok(int::from_usize((it.data.len() - it.pos.get().min(it.data.len())) / it.layout.size.max(1)))
}

fn iter_new(_ts: &ThreadState, _cls: &Value, _a: Args, _k: Kw) -> PyResult<Value> {
    Err(PyErr::type_error("cannot create '_struct.unpack_iterator' instances"))
}

/// Fill the static types' slots and methods.
pub fn init() {
    use crate::types::descr::{add_getsets, add_methods};
    STRUCT_TYPE.data.slots.new.set(Some(struct_new));
    STRUCT_TYPE.data.slots.init.set(Some(struct_init));
    STRUCT_TYPE.data.slots.getattro.set(Some(protocol::generic_getattr));
    crate::types::dict::dict_set_str(&STRUCT_TYPE.data.dict(), "__doc__", pystr::new_str("Struct(fmt) --> compiled struct object\n\n"));
    add_getsets(&STRUCT_TYPE, &[("format", struct_format, None), ("size", struct_size, None)]);
    add_methods(
        &STRUCT_TYPE,
        &[
            ("pack", struct_pack),
            ("pack_into", struct_pack_into),
            ("unpack", struct_unpack),
            ("unpack_from", struct_unpack_from),
            ("iter_unpack", struct_iter_unpack),
            ("__sizeof__", struct_sizeof),
            ("__reduce__", super::reduce_cannot_pickle),
        ],
    );
    UNPACK_ITER_TYPE.data.slots.new.set(Some(iter_new));
    UNPACK_ITER_TYPE.data.slots.iter.set(Some(iter_self));
    UNPACK_ITER_TYPE.data.slots.iternext.set(Some(iter_next));
    UNPACK_ITER_TYPE.data.slots.getattro.set(Some(protocol::generic_getattr));
    add_methods(&UNPACK_ITER_TYPE, &[("__length_hint__", iter_length_hint)]);
}

// ---- module functions ----

fn m_pack(ts: &ThreadState, _m: &Value, a: Args, k: Kw) -> PyResult<Value> {
    args::no_kwargs("_struct.pack", k)?;
    let (fmt, rest) = a.split_first().ok_or_else(|| PyErr::type_error("missing format argument"))?;
    pack_values(ts, cached_layout(ts, fmt)?.as_ref(), rest)
}

fn m_pack_into(ts: &ThreadState, _m: &Value, a: Args, k: Kw) -> PyResult<Value> {
    args::no_kwargs("_struct.pack_into", k)?;
    let (fmt, rest) = a.split_first().ok_or_else(|| PyErr::type_error("missing format argument"))?;
    pack_into_buffer(ts, cached_layout(ts, fmt)?.as_ref(), rest)
}

fn m_unpack(ts: &ThreadState, _m: &Value, a: Args, k: Kw) -> PyResult<Value> {
    let a = super::fastcall_args("_struct", "unpack", a, k, 2, 2)?;
    unpack_buffer(ts, cached_layout(ts, &a[0])?.as_ref(), &a[1])
}

fn m_unpack_from(ts: &ThreadState, _m: &Value, a: Args, k: Kw) -> PyResult<Value> {
    let [fmt, buf, offset] = bytes::clinic_bind("unpack_from", a, k, ["", "buffer", "offset"], 1, 2)?;
    let layout = cached_layout(ts, &fmt.unwrap_or_else(none::none))?;
    unpack_from_buffer(ts, &layout, &buf.unwrap_or_else(none::none), offset)
}

fn m_iter_unpack(ts: &ThreadState, _m: &Value, a: Args, k: Kw) -> PyResult<Value> {
    let a = super::fastcall_args("_struct", "iter_unpack", a, k, 2, 2)?;
    make_iter(ts, cached_layout(ts, &a[0])?, &a[1])
}

fn m_calcsize(ts: &ThreadState, _m: &Value, a: Args, k: Kw) -> PyResult<Value> {
    let a = args::exact("_struct.calcsize", a, k, 1)?;
    Ok(int::from_usize(cached_layout(ts, &a[0])?.size))
}

fn m_clearcache(_ts: &ThreadState, _m: &Value, a: Args, k: Kw) -> PyResult<Value> {
    args::exact("_struct._clearcache", a, k, 0)?;
    CACHE.with(|c| c.borrow_mut().clear());
    Ok(none::none())
}

const DOC: &str = "Functions to convert between Python values and C structs.
Python bytes objects are used to hold the data representing the C struct
and also as format strings (explained below) to describe the layout of data
in the C struct.

The optional first format char indicates byte order, size and alignment:
  @: native order, size & alignment (default)
  =: native order, std. size & alignment
  <: little-endian, std. size & alignment
  >: big-endian, std. size & alignment
  !: same as >

The remaining chars indicate types of args and must match exactly;
these can be preceded by a decimal repeat count:
  x: pad byte (no data); c:char; b:signed byte; B:unsigned byte;
  ?: _Bool (requires C99; if not available, char is used instead)
  h:short; H:unsigned short; i:int; I:unsigned int;
  l:long; L:unsigned long; f:float; d:double; e:half-float.
Special cases (preceding decimal count indicates length):
  s:string (array of char); p: pascal string (with count byte).
Special cases (only available in native format):
  n:ssize_t; N:size_t;
  P:an integer type that is wide enough to hold a pointer.
Special case (not in native mode unless 'long long' in platform C):
  q:long long; Q:unsigned long long
Whitespace between formats is ignored.

The variable struct.error is an exception raised on errors.
";

/// Create the `_struct` module.
pub fn create(ts: &ThreadState) -> PyResult<Value> {
    let (m, d) = super::new_native_module(
        ts,
        "_struct",
        &[
            ("pack", m_pack),
            ("pack_into", m_pack_into),
            ("unpack", m_unpack),
            ("unpack_from", m_unpack_from),
            ("iter_unpack", m_iter_unpack),
            ("calcsize", m_calcsize),
            ("_clearcache", m_clearcache),
        ],
    )?;
    super::set_attr(ts, &d, "__doc__", pystr::new_str(DOC))?;
    super::set_attr(ts, &d, "Struct", STRUCT_TYPE.to_value())?;
    super::set_attr(ts, &d, "error", new_exception_class(ts, "struct", "error", &exc::EXCEPTION)?)?;
    Ok(m)
}

#[cfg(test)]
mod tests {
    use super::*;

    // Expected values from python3: struct.calcsize(f).
    #[test]
    fn sizes() {
        let size = |f: &str| parse(f.as_bytes()).map(|l| l.size);
        assert_eq!(size("ci"), Ok(8));
        assert_eq!(size("ic"), Ok(5));
        assert_eq!(size("@cq0i"), Ok(16));
        assert_eq!(size("c0q"), Ok(8));
        assert_eq!(size("<cq"), Ok(9));
        assert_eq!(size("3sd"), Ok(16));
        assert_eq!(size("xxh"), Ok(4));
        assert_eq!(size("<n"), Err("bad char in struct format".to_string()));
        assert_eq!(size("3"), Err("repeat count given without format specifier".to_string()));
        assert_eq!(size("99999999999999999999i"), Err(SIZE_TOO_LONG.to_string()));
    }

    // Expected values from python3: struct.pack('<e', x) and struct.unpack.
    #[test]
    fn half_floats() {
        assert_eq!(pack_half(1.0), Some(0x3c00));
        assert_eq!(pack_half(0.1), Some(0x2e66));
        assert_eq!(pack_half(-2.5), Some(0xc100));
        assert_eq!(pack_half(65504.0), Some(0x7bff));
        assert_eq!(pack_half(65520.0), None);
        assert_eq!(pack_half(1e-8), Some(0));
        assert_eq!(pack_half(6e-8), Some(1));
        assert_eq!(pack_half(1e-7), Some(2));
        assert_eq!(pack_half(1.0 / 3.0), Some(0x3555));
        assert_eq!(unpack_half(0x0001), 5.960464477539063e-08);
        assert_eq!(unpack_half(0x3c00), 1.0);
        assert!(unpack_half(0x7c01).is_nan());
    }
}
