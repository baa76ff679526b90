//! `binascii`: conversions between binary data and ASCII encodings (hex,
//! base64, uuencode, quoted-printable) and the CRC-32 / CRC-CCITT
//! checksums (CPython's Modules/binascii.c), with its errors.

use crate::object::args;
use crate::object::protocol;
use crate::runtime::errors::{PyErr, PyResult};
use crate::runtime::thread::ThreadState;
use crate::object::value::Value;
use crate::types::{bytes, exceptions as exc, int, int::IntRef, str as pystr};

type Args<'a> = &'a [Value];
type Kw<'a> = Option<&'a Value>;

/// An error of the algorithms, raised as binascii.Error.
#[derive(Debug, PartialEq, Eq)]
pub struct Error(pub String);

fn binascii_error(ts: &ThreadState, e: Error) -> PyErr {
    match super::_struct::module_attr(ts, "binascii", "Error").and_then(|cls| protocol::call(ts, &cls, &[pystr::new_str(&e.0)], None)) {
        Ok(v) => PyErr::from_instance(v),
        Err(err) => err,
    }
}

/// A bytes-like argument (binary data to encode).
fn buffer_arg<'a>(ts: &ThreadState, v: &'a Value) -> PyResult<std::borrow::Cow<'a, [u8]>> {
    super::_struct::simple_buffer(ts, v)?
        .ok_or_else(|| PyErr::type_error(format!("a bytes-like object is required, not '{}'", protocol::type_name(v))))
}

/// An ASCII argument (encoded text to decode): bytes-like or an ASCII str.
/// Any buffer failure is the TypeError of CPython's ascii_buffer_converter.
fn ascii_arg<'a>(ts: &ThreadState, v: &'a Value) -> PyResult<std::borrow::Cow<'a, [u8]>> {
    if let Some(s) = pystr::as_pystr(v) {
        let cps: Vec<u32> = s.data.code_points().collect();
        if cps.iter().any(|&c| c > 127) {
            return Err(PyErr::value_error("string argument should contain only ASCII characters"));
        }
        return Ok(std::borrow::Cow::Owned(cps.into_iter().map(|c| c as u8).collect()));
    }
    match super::_struct::simple_buffer(ts, v) {
        Ok(Some(data)) => Ok(data),
        _ => Err(PyErr::type_error(format!("argument should be bytes, buffer or ASCII string, not '{}'", protocol::type_name(v)))),
    }
}

/// A flag taken as a C int (clinic's `int` and `bool(accept={int})`).
fn int_flag(ts: &ThreadState, v: Option<Value>, default: bool) -> PyResult<bool> {
    match v {
        Some(v) => Ok(int::c_int_arg(ts, &v)? != 0),
        None => Ok(default),
    }
}

/// Clinic's check of one required positional-only argument, made before
/// keywords are looked at.
fn one_positional(fname: &str, a: Args, k: Kw) -> PyResult<()> {
    if args::npositional(a, k) == 0 {
        return Err(PyErr::type_error(format!("{fname}() takes exactly 1 positional argument (0 given)")));
    }
    Ok(())
}

// ---- hex ----

/// Hex digits of `data` with `sep` between groups of `per` bytes
/// (counted from the right when positive, from the left when negative).
pub fn hexlify(data: &[u8], sep: Option<u8>, per: isize) -> Vec<u8> {
    const DIGITS: &[u8; 16] = b"0123456789abcdef";
    let group = per.unsigned_abs();
    let sep = if group == 0 { None } else { sep };
    let mut out = Vec::with_capacity(data.len() * 3);
    for (i, &b) in data.iter().enumerate() {
        if let (Some(c), true) = (sep, i > 0) {
            let boundary = if per > 0 { (data.len() - i).is_multiple_of(group) } else { i.is_multiple_of(group) };
            if boundary {
                out.push(c);
            }
        }
        out.push(DIGITS[(b >> 4) as usize]);
        out.push(DIGITS[(b & 15) as usize]);
    }
    out
}

/// Bytes from pairs of hex digits.
pub fn unhexlify(s: &[u8]) -> Result<Vec<u8>, Error> {
    if !s.len().is_multiple_of(2) {
        return Err(Error("Odd-length string".into()));
    }
    let digit = |c: u8| (c as char).to_digit(16);
    s.chunks_exact(2)
        .map(|p| match (digit(p[0]), digit(p[1])) {
            (Some(h), Some(l)) => Ok((h * 16 + l) as u8),
            _ => Err(Error("Non-hexadecimal digit found".into())),
        })
        .collect()
}

fn hex_fn(ts: &ThreadState, fname: &str, a: Args, k: Kw) -> PyResult<Value> {
    let [data, sep, per] = bytes::clinic_bind(fname, a, k, ["data", "sep", "bytes_per_sep"], 0, 1)?;
    let data = data.unwrap_or_else(crate::types::none::none);
    let data = buffer_arg(ts, &data)?;
    let sep = match sep {
        None => None,
        Some(s) => {
            if protocol::len(ts, &s)? != 1 {
                return Err(PyErr::value_error("sep must be length 1."));
            }
            if let Some(st) = pystr::as_pystr(&s) {
                let c = st.data.get(0);
                if c > 255 {
                    return Err(PyErr::value_error("sep must be ASCII."));
                }
                Some(c as u8)
            } else if let Some(b) = s.downcast::<bytes::PyBytes>() {
                Some(b.data[0])
            } else {
                return Err(PyErr::type_error("sep must be str or bytes."));
            }
        }
    };
    let per = match per {
        Some(p) => int::c_int_arg(ts, &p)? as isize,
        None => 1,
    };
    Ok(bytes::new_bytes(hexlify(&data, sep, per)))
}

fn f_hexlify(ts: &ThreadState, _m: &Value, a: Args, k: Kw) -> PyResult<Value> {
    hex_fn(ts, "hexlify", a, k)
}
fn f_b2a_hex(ts: &ThreadState, _m: &Value, a: Args, k: Kw) -> PyResult<Value> {
    hex_fn(ts, "b2a_hex", a, k)
}
fn f_unhexlify(ts: &ThreadState, _m: &Value, a: Args, k: Kw) -> PyResult<Value> {
    let a = args::exact("binascii.unhexlify", a, k, 1)?;
    unhexlify(&ascii_arg(ts, &a[0])?).map(bytes::new_bytes).map_err(|e| binascii_error(ts, e))
}
fn f_a2b_hex(ts: &ThreadState, _m: &Value, a: Args, k: Kw) -> PyResult<Value> {
    let a = args::exact("binascii.a2b_hex", a, k, 1)?;
    unhexlify(&ascii_arg(ts, &a[0])?).map(bytes::new_bytes).map_err(|e| binascii_error(ts, e))
}

// ---- base64 ----

const B64: &[u8; 64] = b"ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/";

/// Standard base64 of `data`, with a trailing newline when `newline`.
pub fn b2a_base64(data: &[u8], newline: bool) -> Vec<u8> {
    let mut out = Vec::with_capacity(data.len().div_ceil(3) * 4 + 1);
    for chunk in data.chunks(3) {
        let b = [chunk[0], *chunk.get(1).unwrap_or(&0), *chunk.get(2).unwrap_or(&0)];
        let n = ((b[0] as u32) << 16) | ((b[1] as u32) << 8) | b[2] as u32;
        out.push(B64[(n >> 18) as usize & 63]);
        out.push(B64[(n >> 12) as usize & 63]);
        out.push(if chunk.len() > 1 { B64[(n >> 6) as usize & 63] } else { b'=' });
        out.push(if chunk.len() > 2 { B64[n as usize & 63] } else { b'=' });
    }
    if newline {
        out.push(b'\n');
    }
    out
}

fn b64_value(c: u8) -> Option<u8> {
    Some(match c {
        b'A'..=b'Z' => c - b'A',
        b'a'..=b'z' => c - b'a' + 26,
        b'0'..=b'9' => c - b'0' + 52,
        b'+' => 62,
        b'/' => 63,
        _ => return None,
    })
}

/// Decode base64. Outside strict mode, characters outside the alphabet
/// are skipped and a complete pad sequence ends the data.
pub fn a2b_base64(s: &[u8], strict: bool) -> Result<Vec<u8>, Error> {
    let err = |m: &str| Err(Error(m.into()));
    let mut out = Vec::with_capacity(s.len() / 4 * 3 + 3);
    let mut quad_pos = 0;
    let mut left: u32 = 0;
    let mut pads = 0;
    let mut padding_started = false;
    if strict && s.first() == Some(&b'=') {
        return err("Leading padding not allowed");
    }
    for (i, &c) in s.iter().enumerate() {
        if c == b'=' {
            padding_started = true;
            if quad_pos >= 2 {
                pads += 1;
                if quad_pos + pads >= 4 {
                    if strict && i + 1 < s.len() {
                        return err("Excess data after padding");
                    }
                    return Ok(out);
                }
            }
            continue;
        }
        let Some(v) = b64_value(c) else {
            if strict {
                return err("Only base64 data is allowed");
            }
            continue;
        };
        if strict && padding_started {
            return err("Discontinuous padding not allowed");
        }
        pads = 0;
        let v = v as u32;
        match quad_pos {
            0 => {
                left = v;
                quad_pos = 1;
            }
            1 => {
                out.push(((left << 2) | (v >> 4)) as u8);
                left = v & 0x0f;
                quad_pos = 2;
            }
            2 => {
                out.push(((left << 4) | (v >> 2)) as u8);
                left = v & 0x03;
                quad_pos = 3;
            }
            _ => {
                out.push(((left << 6) | v) as u8);
                left = 0;
                quad_pos = 0;
            }
        }
    }
    match quad_pos {
        0 => Ok(out),
        1 => Err(Error(format!(
            "Invalid base64-encoded string: number of data characters ({}) cannot be 1 more than a multiple of 4",
            out.len() / 3 * 4 + 1
        ))),
        _ => err("Incorrect padding"),
    }
}

fn f_b2a_base64(ts: &ThreadState, _m: &Value, a: Args, k: Kw) -> PyResult<Value> {
    one_positional("b2a_base64", a, k)?;
    let [data, newline] = args::bind("b2a_base64", a, k, ["", "newline"], 1, 1, 1)?;
    let data = data.unwrap_or_else(crate::types::none::none);
    let data = buffer_arg(ts, &data)?;
    let newline = int_flag(ts, newline, true)?;
    Ok(bytes::new_bytes(b2a_base64(&data, newline)))
}

fn f_a2b_base64(ts: &ThreadState, _m: &Value, a: Args, k: Kw) -> PyResult<Value> {
    one_positional("a2b_base64", a, k)?;
    let [data, strict] = args::bind("a2b_base64", a, k, ["", "strict_mode"], 1, 1, 1)?;
    let data = data.unwrap_or_else(crate::types::none::none);
    let data = ascii_arg(ts, &data)?;
    let strict = int_flag(ts, strict, false)?;
    a2b_base64(&data, strict).map(bytes::new_bytes).map_err(|e| binascii_error(ts, e))
}

// ---- checksums ----

/// CRC-32 (zlib's polynomial) of `data` continuing from `crc`.
pub fn crc32(data: &[u8], crc: u32) -> u32 {
    let mut h = crc32fast::Hasher::new_with_initial(crc);
    h.update(data);
    h.finalize()
}

/// CRC-CCITT (polynomial 0x1021, as binhex) of `data` continuing from `crc`.
pub fn crc_hqx(data: &[u8], crc: u16) -> u16 {
    let mut c = crc;
    for &b in data {
        c ^= (b as u16) << 8;
        for _ in 0..8 {
            c = if c & 0x8000 != 0 { (c << 1) ^ 0x1021 } else { c << 1 };
        }
    }
    c
}

/// An `unsigned int(bitwise=True)` argument: any int, masked to 32 bits.
pub(crate) fn bitwise_u32(ts: &ThreadState, v: &Value) -> PyResult<u32> {
    let i = protocol::index(ts, v)?;
    Ok(match int::as_int(&i) {
        Some(IntRef::Small(n)) => n as u32,
        Some(IntRef::Big(b)) => {
            let (sign, digits) = b.to_u32_digits();
            let low = digits.first().copied().unwrap_or(0);
            if sign == num_bigint::Sign::Minus {
                low.wrapping_neg()
            } else {
                low
            }
        }
        None => 0,
    })
}

fn f_crc32(ts: &ThreadState, _m: &Value, a: Args, k: Kw) -> PyResult<Value> {
    let a = super::fastcall_args("binascii", "crc32", a, k, 1, 2)?;
    let data = buffer_arg(ts, &a[0])?;
    let crc = match a.get(1) {
        Some(c) => bitwise_u32(ts, c)?,
        None => 0,
    };
    Ok(int::from_i64(crc32(&data, crc) as i64))
}

fn f_crc_hqx(ts: &ThreadState, _m: &Value, a: Args, k: Kw) -> PyResult<Value> {
    let a = super::fastcall_args("binascii", "crc_hqx", a, k, 2, 2)?;
    let data = buffer_arg(ts, &a[0])?;
    let crc = bitwise_u32(ts, &a[1])? as u16;
    Ok(int::from_i64(crc_hqx(&data, crc) as i64))
}

// ---- uuencode ----

/// One uuencoded line (at most 45 bytes of data).
pub fn b2a_uu(data: &[u8], backtick: bool) -> Result<Vec<u8>, Error> {
    if data.len() > 45 {
        return Err(Error("At most 45 bytes at once".into()));
    }
    let enc = |v: u8| if backtick && v == 0 { b'`' } else { b' ' + v };
    let mut out = vec![enc(data.len() as u8)];
    for chunk in data.chunks(3) {
        let b = [chunk[0], *chunk.get(1).unwrap_or(&0), *chunk.get(2).unwrap_or(&0)];
        let n = ((b[0] as u32) << 16) | ((b[1] as u32) << 8) | b[2] as u32;
        for shift in [18, 12, 6, 0] {
            out.push(enc(((n >> shift) & 63) as u8));
        }
    }
    out.push(b'\n');
    Ok(out)
}

/// Decode one uuencoded line; missing data at the end of the line is
/// taken as zeros, as CPython does.
pub fn a2b_uu(s: &[u8]) -> Result<Vec<u8>, Error> {
    // An empty line reads the buffer's terminating NUL as its length byte.
    let mut bin_len = (s.first().copied().unwrap_or(0).wrapping_sub(b' ') & 0o77) as usize;
    let rest = if s.is_empty() { &[][..] } else { &s[1..] };
    let mut out = Vec::with_capacity(bin_len);
    let mut left: u32 = 0;
    let mut bits = 0;
    let mut i = 0;
    while bin_len > 0 {
        let c = rest.get(i).copied();
        let v = match c {
            None | Some(b'\n') | Some(b'\r') => 0,
            Some(c) => {
                if !(b' '..=b' ' + 64).contains(&c) {
                    return Err(Error("Illegal char".into()));
                }
                (c - b' ') & 0o77
            }
        };
        left = (left << 6) | v as u32;
        bits += 6;
        if bits >= 8 {
            bits -= 8;
            out.push((left >> bits) as u8);
            left &= (1 << bits) - 1;
            bin_len -= 1;
        }
        i += 1;
    }
    for &c in rest.iter().skip(i) {
        if c != b' ' && c != b' ' + 64 && c != b'\n' && c != b'\r' {
            return Err(Error("Trailing garbage".into()));
        }
    }
    Ok(out)
}

fn f_b2a_uu(ts: &ThreadState, _m: &Value, a: Args, k: Kw) -> PyResult<Value> {
    one_positional("b2a_uu", a, k)?;
    let [data, backtick] = args::bind("b2a_uu", a, k, ["", "backtick"], 1, 1, 1)?;
    let data = data.unwrap_or_else(crate::types::none::none);
    let data = buffer_arg(ts, &data)?;
    let backtick = int_flag(ts, backtick, false)?;
    b2a_uu(&data, backtick).map(bytes::new_bytes).map_err(|e| binascii_error(ts, e))
}

fn f_a2b_uu(ts: &ThreadState, _m: &Value, a: Args, k: Kw) -> PyResult<Value> {
    let a = args::exact("binascii.a2b_uu", a, k, 1)?;
    a2b_uu(&ascii_arg(ts, &a[0])?).map(bytes::new_bytes).map_err(|e| binascii_error(ts, e))
}

// ---- quoted-printable ----

/// Decode quoted-printable (`header`: `_` is a space).
pub fn a2b_qp(s: &[u8], header: bool) -> Vec<u8> {
    let hex = |c: u8| (c as char).to_digit(16);
    let mut out = Vec::with_capacity(s.len());
    let mut i = 0;
    while i < s.len() {
        let c = s[i];
        if c == b'=' {
            i += 1;
            if i >= s.len() {
                break;
            }
            if s[i] == b'\n' || s[i] == b'\r' {
                // A soft line break: skip to the end of the line.
                if s[i] != b'\n' {
                    while i < s.len() && s[i] != b'\n' {
                        i += 1;
                    }
                }
                if i < s.len() {
                    i += 1;
                }
            } else if s[i] == b'=' {
                out.push(b'=');
                i += 1;
            } else if let (Some(h), Some(l)) = (hex(s[i]), s.get(i + 1).and_then(|&c| hex(c))) {
                out.push((h * 16 + l) as u8);
                i += 2;
            } else {
                out.push(b'=');
            }
        } else if header && c == b'_' {
            out.push(b' ');
            i += 1;
        } else {
            out.push(c);
            i += 1;
        }
    }
    out
}

/// Encode quoted-printable with CPython's rules: lines of at most 76
/// characters, the input's line ending style (CRLF if its first newline
/// follows a CR), trailing whitespace and a lone leading '.' quoted.
pub fn b2a_qp(data: &[u8], quotetabs: bool, istext: bool, header: bool) -> Vec<u8> {
    const MAXLINESIZE: usize = 76;
    const HEX: &[u8; 16] = b"0123456789ABCDEF";
    let crlf = matches!(data.iter().position(|&c| c == b'\n'), Some(p) if p > 0 && data[p - 1] == b'\r');
    let len = data.len();
    let mut out: Vec<u8> = Vec::with_capacity(len * 2);
    let soft_break = |out: &mut Vec<u8>| {
        out.push(b'=');
        if crlf {
            out.push(b'\r');
        }
        out.push(b'\n');
    };
    let mut i = 0;
    let mut linelen = 0;
    while i < len {
        let c = data[i];
        let next = data.get(i + 1).copied();
        let quote = c > 126
            || c == b'='
            || (header && c == b'_')
            || (c == b'.' && linelen == 0 && matches!(next, None | Some(b'\n') | Some(b'\r') | Some(0)))
            || (!istext && (c == b'\r' || c == b'\n'))
            || ((c == b'\t' || c == b' ') && i + 1 == len)
            || (c < 33 && c != b'\r' && c != b'\n' && (quotetabs || (c != b'\t' && c != b' ')));
        if quote {
            if linelen + 3 >= MAXLINESIZE {
                soft_break(&mut out);
                linelen = 0;
            }
            out.extend_from_slice(&[b'=', HEX[(c >> 4) as usize], HEX[(c & 15) as usize]]);
            i += 1;
            linelen += 3;
        } else if istext && (c == b'\n' || (c == b'\r' && next == Some(b'\n'))) {
            linelen = 0;
            // Whitespace at the end of a line is quoted.
            if let Some(&last) = out.last() {
                if last == b' ' || last == b'\t' {
                    out.pop();
                    out.extend_from_slice(&[b'=', HEX[(last >> 4) as usize], HEX[(last & 15) as usize]]);
                }
            }
            if crlf {
                out.push(b'\r');
            }
            out.push(b'\n');
            i += if c == b'\r' { 2 } else { 1 };
        } else {
            if i + 1 != len && next != Some(b'\n') && linelen + 1 >= MAXLINESIZE {
                soft_break(&mut out);
                linelen = 0;
            }
            linelen += 1;
            out.push(if header && c == b' ' { b'_' } else { c });
            i += 1;
        }
    }
    out
}

fn f_a2b_qp(ts: &ThreadState, _m: &Value, a: Args, k: Kw) -> PyResult<Value> {
    let [data, header] = bytes::clinic_bind("a2b_qp", a, k, ["data", "header"], 0, 1)?;
    let data = data.unwrap_or_else(crate::types::none::none);
    let data = ascii_arg(ts, &data)?;
    let header = int_flag(ts, header, false)?;
    Ok(bytes::new_bytes(a2b_qp(&data, header)))
}

fn f_b2a_qp(ts: &ThreadState, _m: &Value, a: Args, k: Kw) -> PyResult<Value> {
    let [data, quotetabs, istext, header] = bytes::clinic_bind("b2a_qp", a, k, ["data", "quotetabs", "istext", "header"], 0, 1)?;
    let data = data.unwrap_or_else(crate::types::none::none);
    let data = buffer_arg(ts, &data)?;
    let quotetabs = int_flag(ts, quotetabs, false)?;
    let istext = int_flag(ts, istext, true)?;
    let header = int_flag(ts, header, false)?;
    Ok(bytes::new_bytes(b2a_qp(&data, quotetabs, istext, header)))
}

/// Create the `binascii` module.
pub fn create(ts: &ThreadState) -> PyResult<Value> {
    let (m, d) = super::new_native_module(
        ts,
        "binascii",
        &[
            ("a2b_uu", f_a2b_uu),
            ("b2a_uu", f_b2a_uu),
            ("a2b_base64", f_a2b_base64),
            ("b2a_base64", f_b2a_base64),
            ("crc_hqx", f_crc_hqx),
            ("crc32", f_crc32),
            ("b2a_hex", f_b2a_hex),
            ("hexlify", f_hexlify),
            ("a2b_hex", f_a2b_hex),
            ("unhexlify", f_unhexlify),
            ("a2b_qp", f_a2b_qp),
            ("b2a_qp", f_b2a_qp),
        ],
    )?;
    super::set_attr(ts, &d, "__doc__", pystr::new_str("Conversion between binary data and ASCII"))?;
    super::set_attr(ts, &d, "Error", super::_struct::new_exception_class(ts, "binascii", "Error", &exc::VALUE_ERROR)?)?;
    super::set_attr(ts, &d, "Incomplete", super::_struct::new_exception_class(ts, "binascii", "Incomplete", &exc::EXCEPTION)?)?;
    Ok(m)
}

#[cfg(test)]
mod tests {
    use super::*;

    // Expected values from python3's binascii.
    #[test]
    fn checksums() {
        assert_eq!(crc32(b"hello", 0), 907060870);
        assert_eq!(crc32(b"hello", 5), 4277152246);
        assert_eq!(crc_hqx(b"hello", 0), 50018);
        assert_eq!(crc_hqx(b"hello", 0xffff), 53870);
    }

    #[test]
    fn base64() {
        assert_eq!(b2a_base64(b"hello", true), b"aGVsbG8=\n");
        assert_eq!(a2b_base64(b"!!aGVs bG8=\n", false), Ok(b"hello".to_vec()));
        assert_eq!(a2b_base64(b"ab=c=", false), Ok(b"i\xb7".to_vec()));
        assert_eq!(a2b_base64(b"aGVsbA=", false), Err(Error("Incorrect padding".into())));
        assert_eq!(a2b_base64(b"=ab", true), Err(Error("Leading padding not allowed".into())));
    }

    #[test]
    fn uu_and_qp() {
        assert_eq!(b2a_uu(b"hello", false), Ok(b"%:&5L;&\\ \n".to_vec()));
        assert_eq!(a2b_uu(b""), Ok(vec![0; 32]));
        assert_eq!(a2b_qp(b"soft=\r\nbreak", false), b"softbreak");
        assert_eq!(b2a_qp(b"space end ", false, true, false), b"space end=20");
        assert_eq!(b2a_qp(b"a_b c", false, true, true), b"a=5Fb_c");
    }
}
