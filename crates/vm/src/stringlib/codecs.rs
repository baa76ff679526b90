//! The builtin codecs of str.encode/bytes.decode: utf-8, utf-8-sig, latin-1, ascii,
//! utf-16 and utf-32 (with and without BOM), utf-7, unicode-escape, raw-unicode-escape
//! and charmap, with CPython's error ranges, reasons and standard error handlers.
//!
//! Custom (Python-level) error handlers are the caller's: run the `Decoder`/`Encoder`
//! with `ErrorHandler::Strict`; on `Err(CodecError)` call the handler with the error's
//! range, append its replacement (`StrBuilder::push_str` when decoding,
//! `Encoder::push_replacement_str`/`_bytes` when encoding) and resume at the position
//! the handler returned.

use std::fmt::Write;

use super::buffer::{StrBuilder, StrData};
use super::unicode;

/// A builtin codec.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum Encoding {
    /// utf-8.
    Utf8,
    /// utf-8-sig: UTF-8 with a BOM written on encode and skipped on decode.
    Utf8Sig,
    /// latin-1 (iso8859-1).
    Latin1,
    /// ascii.
    Ascii,
    /// utf-16: BOM + native order on encode; BOM-detected (else native) on decode.
    Utf16,
    /// utf-16-le.
    Utf16Le,
    /// utf-16-be.
    Utf16Be,
    /// utf-32: as utf-16, four bytes a unit.
    Utf32,
    /// utf-32-le.
    Utf32Le,
    /// utf-32-be.
    Utf32Be,
    /// unicode-escape: Latin-1 with Python's backslash escapes.
    UnicodeEscape,
    /// raw-unicode-escape: Latin-1 with only `\uXXXX`/`\UXXXXXXXX` escapes.
    RawUnicodeEscape,
    /// utf-7 (RFC 2152), with the optional direct characters written directly.
    Utf7,
    /// charmap: an 8-bit table codec (never found by `lookup`; see `Decoder::charmap`
    /// and `charmap_encode_into`).
    Charmap,
}

/// Python's normalization of an encoding name (lower case; every run of characters
/// other than ASCII letters, digits and '.' becomes one '_' between words).
pub fn normalize_encoding(name: &str) -> String {
    let mut out = String::with_capacity(name.len());
    let mut punct = false;
    for c in name.chars() {
        if c.is_ascii_alphanumeric() || c == '.' {
            if punct && !out.is_empty() {
                out.push('_');
            }
            out.push(c.to_ascii_lowercase());
            punct = false;
        } else {
            punct = true;
        }
    }
    out
}

const NATIVE_LITTLE: bool = cfg!(target_endian = "little");

impl Encoding {
    /// The codec for an encoding name as `codecs.lookup` finds it ('UTF8', 'utf_8',
    /// 'U8', 'latin1', 'L1', 'iso-8859-1', 'us-ascii', 'UTF-16LE', ...), `None` if unknown here.
    pub fn lookup(name: &str) -> Option<Encoding> {
        // As encodings.search_function: an alias (also with '.' read as '_'), else a
        // codec module name.
        let norm = normalize_encoding(name);
        Self::by_alias(&norm).or_else(|| Self::by_alias(&norm.replace('.', "_"))).or_else(|| Self::by_module(&norm))
    }

    fn by_module(n: &str) -> Option<Encoding> {
        use Encoding::*;
        Some(match n {
            "utf_8" => Utf8,
            "utf_8_sig" => Utf8Sig,
            "latin_1" => Latin1,
            "ascii" => Ascii,
            "utf_16" => Utf16,
            "utf_16_le" => Utf16Le,
            "utf_16_be" => Utf16Be,
            "utf_32" => Utf32,
            "utf_32_le" => Utf32Le,
            "utf_32_be" => Utf32Be,
            "unicode_escape" => UnicodeEscape,
            "raw_unicode_escape" => RawUnicodeEscape,
            "utf_7" => Utf7,
            _ => return None,
        })
    }

    /// encodings.aliases entries of these codecs.
    fn by_alias(n: &str) -> Option<Encoding> {
        use Encoding::*;
        Some(match n {
            "cp65001" | "u8" | "utf" | "utf8" | "utf8_ucs2" | "utf8_ucs4" => Utf8,
            "8859" | "cp819" | "csisolatin1" | "ibm819" | "iso8859" | "iso8859_1" | "iso_8859_1"
            | "iso_8859_1_1987" | "iso_ir_100" | "l1" | "latin" | "latin1" => Latin1,
            "646" | "ansi_x3.4_1968" | "ansi_x3.4_1986" | "ansi_x3_4_1968" | "cp367" | "csascii" | "ibm367"
            | "iso646_us" | "iso_646.irv_1991" | "iso_ir_6" | "us" | "us_ascii" => Ascii,
            "u16" | "utf16" => Utf16,
            "unicodelittleunmarked" | "utf_16le" => Utf16Le,
            "unicodebigunmarked" | "utf_16be" => Utf16Be,
            "u32" | "utf32" => Utf32,
            "csunicode11utf7" | "unicode_1_1_utf_7" | "u7" | "utf7" => Utf7,
            "utf_32le" => Utf32Le,
            "utf_32be" => Utf32Be,
            _ => return None,
        })
    }

    /// `codecs.lookup(name).name`.
    pub fn codec_name(self) -> &'static str {
        use Encoding::*;
        match self {
            Utf8 => "utf-8",
            Utf8Sig => "utf-8-sig",
            Latin1 => "iso8859-1",
            Ascii => "ascii",
            Utf16 => "utf-16",
            Utf16Le => "utf-16-le",
            Utf16Be => "utf-16-be",
            Utf32 => "utf-32",
            Utf32Le => "utf-32-le",
            Utf32Be => "utf-32-be",
            UnicodeEscape => "unicode-escape",
            RawUnicodeEscape => "raw-unicode-escape",
            Utf7 => "utf-7",
            Charmap => "charmap",
        }
    }

    /// The name UnicodeEncodeError/UnicodeDecodeError carry for this codec.
    fn error_name(self) -> &'static str {
        match self {
            Encoding::Utf8 | Encoding::Utf8Sig => "utf-8",
            Encoding::Latin1 => "latin-1",
            Encoding::UnicodeEscape => "unicodeescape",
            Encoding::RawUnicodeEscape => "rawunicodeescape",
            Encoding::Utf7 => "utf7",
            other => other.codec_name(),
        }
    }

    /// Code unit size and byte order of the UTF-16/32 codecs (generic ones: native).
    fn unit(self) -> Option<(usize, bool)> {
        use Encoding::*;
        match self {
            Utf16 => Some((2, NATIVE_LITTLE)),
            Utf16Le => Some((2, true)),
            Utf16Be => Some((2, false)),
            Utf32 => Some((4, NATIVE_LITTLE)),
            Utf32Le => Some((4, true)),
            Utf32Be => Some((4, false)),
            _ => None,
        }
    }
}

/// A standard error handler (`errors=` argument).
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum ErrorHandler {
    /// Raise the error.
    Strict,
    /// Skip the bad input.
    Ignore,
    /// U+FFFD when decoding, '?' when encoding.
    Replace,
    /// Bad bytes 0x80..0xFF ↔ U+DC80..U+DCFF (PEP 383).
    SurrogateEscape,
    /// Lone surrogates encoded/decoded as by the UTF codec itself.
    SurrogatePass,
    /// `\xNN`, `\uNNNN`, `\UNNNNNNNN`.
    BackslashReplace,
    /// `&#NNN;` (encoding only).
    XmlCharRefReplace,
    /// `\N{NAME}` or a backslash escape (encoding only).
    NameReplace,
}

impl ErrorHandler {
    /// The standard handler of this name; `None` for a name the caller must look up
    /// (`codecs.lookup_error`) and apply itself.
    pub fn from_name(name: &str) -> Option<ErrorHandler> {
        use ErrorHandler::*;
        Some(match name {
            "strict" => Strict,
            "ignore" => Ignore,
            "replace" => Replace,
            "surrogateescape" => SurrogateEscape,
            "surrogatepass" => SurrogatePass,
            "backslashreplace" => BackslashReplace,
            "xmlcharrefreplace" => XmlCharRefReplace,
            "namereplace" => NameReplace,
            _ => return None,
        })
    }

    /// Whether the handler applies to decoding (xmlcharrefreplace and namereplace raise
    /// TypeError "don't know how to handle UnicodeDecodeError in error callback"; the
    /// decoder treats them as strict).
    pub fn supports_decode(self) -> bool {
        !matches!(self, ErrorHandler::XmlCharRefReplace | ErrorHandler::NameReplace)
    }
}

/// A codec error: what UnicodeDecodeError (byte positions) or UnicodeEncodeError
/// (code point positions) needs besides the object.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct CodecError {
    /// The `encoding` attribute ('utf-8', 'latin-1', 'utf-16-le', ...).
    pub encoding: &'static str,
    /// First bad position.
    pub start: usize,
    /// One past the last bad position.
    pub end: usize,
    /// The `reason` attribute ("invalid start byte", "ordinal not in range(128)", ...).
    pub reason: &'static str,
}

/// `str(UnicodeDecodeError)`.
pub fn decode_error_message(encoding: &str, object: &[u8], start: usize, end: usize, reason: &str) -> String {
    if start < object.len() && end == start + 1 {
        format!("'{encoding}' codec can't decode byte 0x{:02x} in position {start}: {reason}", object[start])
    } else {
        format!("'{encoding}' codec can't decode bytes in position {start}-{}: {reason}", end as isize - 1)
    }
}

/// `str(UnicodeEncodeError)`.
pub fn encode_error_message(encoding: &str, object: &StrData, start: usize, end: usize, reason: &str) -> String {
    if start < object.len() && end == start + 1 {
        let c = object.get(start);
        let esc = if c <= 0xFF {
            format!("\\x{c:02x}")
        } else if c <= 0xFFFF {
            format!("\\u{c:04x}")
        } else {
            format!("\\U{c:08x}")
        };
        format!("'{encoding}' codec can't encode character '{esc}' in position {start}: {reason}")
    } else {
        format!("'{encoding}' codec can't encode characters in position {start}-{}: {reason}", end as isize - 1)
    }
}

impl CodecError {
    /// The UnicodeDecodeError message for this error on `data`.
    pub fn decode_message(&self, data: &[u8]) -> String {
        decode_error_message(self.encoding, data, self.start, self.end, self.reason)
    }

    /// The UnicodeEncodeError message for this error on `s`.
    pub fn encode_message(&self, s: &StrData) -> String {
        encode_error_message(self.encoding, s, self.start, self.end, self.reason)
    }
}

/// An error found by a codec loop before the handler is applied.
struct Bad {
    start: usize,
    end: usize,
    reason: &'static str,
}

fn is_surrogate(cp: u32) -> bool {
    (0xD800..=0xDFFF).contains(&cp)
}

fn read_unit(b: &[u8], size: usize, little: bool) -> u32 {
    if size == 2 {
        let u = [b[0], b[1]];
        (if little { u16::from_le_bytes(u) } else { u16::from_be_bytes(u) }) as u32
    } else {
        let u = [b[0], b[1], b[2], b[3]];
        if little {
            u32::from_le_bytes(u)
        } else {
            u32::from_be_bytes(u)
        }
    }
}

/// Decodes bytes to str; keeps the byte order found in a BOM across calls.
#[derive(Clone, Debug)]
pub struct Decoder {
    encoding: Encoding,
    errors: ErrorHandler,
    invalid_escape: Option<String>,
    /// The decoding table of the charmap codec.
    table: Option<StrData>,
}

impl Decoder {
    /// A decoder for `encoding` applying the standard handler `errors`.
    pub fn new(encoding: Encoding, errors: ErrorHandler) -> Decoder {
        Decoder { encoding, errors, invalid_escape: None, table: None }
    }

    /// A charmap decoder: byte `b` decodes to `table[b]`; bytes past the table or mapped
    /// to U+FFFE are errors "character maps to <undefined>" (`codecs.charmap_decode`
    /// with a str table, as the 8-bit codecs of the encodings package use).
    pub fn charmap(table: StrData, errors: ErrorHandler) -> Decoder {
        Decoder { encoding: Encoding::Charmap, errors, invalid_escape: None, table: Some(table) }
    }

    /// For unicode-escape: the DeprecationWarning message for the first invalid escape
    /// seen ("invalid escape sequence '\\q'", "invalid octal escape sequence '\\777'").
    pub fn invalid_escape_warning(&self) -> Option<&str> {
        self.invalid_escape.as_deref()
    }

    /// The codec in use (after a BOM, the byte order it chose).
    pub fn encoding(&self) -> Encoding {
        self.encoding
    }

    /// Decodes `data[pos..]` into `out`. Returns where decoding stopped: `data.len()`,
    /// or before an incomplete sequence at the end when `final_` is false. On an error
    /// the handler cannot resolve, `out` holds the text decoded before it. A `pos` past
    /// the end is taken as the end (the caller raises IndexError for a handler's bad position).
    pub fn decode_into(
        &mut self,
        data: &[u8],
        pos: usize,
        final_: bool,
        out: &mut StrBuilder,
    ) -> Result<usize, CodecError> {
        let mut pos = pos.min(data.len());
        if !self.resolve_bom(data, &mut pos, final_) {
            return Ok(pos);
        }
        loop {
            let step = match self.encoding {
                Encoding::Utf8 | Encoding::Utf8Sig => decode_utf8(data, pos, final_, out),
                Encoding::Latin1 => {
                    for &b in &data[pos..] {
                        out.push(b as u32);
                    }
                    Ok(data.len())
                }
                Encoding::Ascii => decode_ascii(data, pos, out),
                Encoding::UnicodeEscape => decode_unicode_escape(data, pos, final_, out, &mut self.invalid_escape),
                Encoding::RawUnicodeEscape => decode_raw_unicode_escape(data, pos, final_, out),
                Encoding::Utf7 => decode_utf7(data, pos, final_, out),
                Encoding::Charmap => decode_charmap(self.table.as_ref(), data, pos, out),
                enc => {
                    let (size, little) = enc.unit().unwrap_or((2, true));
                    if size == 2 {
                        decode_utf16(data, pos, final_, little, out)
                    } else {
                        decode_utf32(data, pos, final_, little, out)
                    }
                }
            };
            match step {
                Ok(stop) => return Ok(stop),
                Err(bad) => match self.handle(data, &bad, out) {
                    Some(next) => pos = next,
                    None => {
                        return Err(CodecError {
                            encoding: self.encoding.error_name(),
                            start: bad.start,
                            end: bad.end,
                            reason: bad.reason,
                        })
                    }
                },
            }
        }
    }

    /// Settles a BOM-dependent codec; false when more data is needed to decide.
    fn resolve_bom(&mut self, data: &[u8], pos: &mut usize, final_: bool) -> bool {
        let rest = &data[*pos..];
        match self.encoding {
            Encoding::Utf8Sig => {
                const BOM: &[u8] = b"\xEF\xBB\xBF";
                if rest.starts_with(BOM) {
                    *pos += 3;
                } else if !final_ && rest.len() < 3 && BOM.starts_with(rest) {
                    return false;
                }
                self.encoding = Encoding::Utf8;
            }
            Encoding::Utf16 => {
                if rest.len() < 2 && !final_ {
                    return false;
                }
                self.encoding = match rest {
                    [0xFF, 0xFE, ..] => Encoding::Utf16Le,
                    [0xFE, 0xFF, ..] => Encoding::Utf16Be,
                    _ if NATIVE_LITTLE => Encoding::Utf16Le,
                    _ => Encoding::Utf16Be,
                };
                if matches!(rest, [0xFF, 0xFE, ..] | [0xFE, 0xFF, ..]) {
                    *pos += 2;
                }
            }
            Encoding::Utf32 => {
                if rest.len() < 4 && !final_ {
                    return false;
                }
                self.encoding = match rest {
                    [0xFF, 0xFE, 0, 0, ..] => Encoding::Utf32Le,
                    [0, 0, 0xFE, 0xFF, ..] => Encoding::Utf32Be,
                    _ if NATIVE_LITTLE => Encoding::Utf32Le,
                    _ => Encoding::Utf32Be,
                };
                if matches!(rest, [0xFF, 0xFE, 0, 0, ..] | [0, 0, 0xFE, 0xFF, ..]) {
                    *pos += 4;
                }
            }
            _ => {}
        }
        true
    }

    /// Applies the standard handler; the position to resume at, or `None` to raise.
    fn handle(&self, data: &[u8], bad: &Bad, out: &mut StrBuilder) -> Option<usize> {
        match self.errors {
            ErrorHandler::Strict | ErrorHandler::XmlCharRefReplace | ErrorHandler::NameReplace => None,
            ErrorHandler::Ignore => Some(bad.end),
            ErrorHandler::Replace => {
                out.push(0xFFFD);
                Some(bad.end)
            }
            ErrorHandler::BackslashReplace => {
                let mut s = String::new();
                for &b in &data[bad.start..bad.end] {
                    let _ = write!(s, "\\x{b:02x}");
                }
                out.push_utf8(&s);
                Some(bad.end)
            }
            ErrorHandler::SurrogateEscape => {
                // At most 4 bytes at a time, never an ASCII byte (PEP 383).
                let n = data[bad.start..bad.end].iter().take(4).take_while(|&&b| b >= 0x80).count();
                if n == 0 {
                    return None;
                }
                for &b in &data[bad.start..bad.start + n] {
                    out.push(0xDC00 + b as u32);
                }
                Some(bad.start + n)
            }
            ErrorHandler::SurrogatePass => {
                // One surrogate as the codec itself would encode it.
                let p = &data[bad.start..];
                let (cp, len) = match self.encoding {
                    Encoding::Utf8
                        if p.len() >= 3 && p[0] & 0xF0 == 0xE0 && p[1] & 0xC0 == 0x80 && p[2] & 0xC0 == 0x80 =>
                    {
                        ((((p[0] & 0x0F) as u32) << 12) | (((p[1] & 0x3F) as u32) << 6) | (p[2] & 0x3F) as u32, 3)
                    }
                    enc => match enc.unit() {
                        Some((size, little)) if p.len() >= size => (read_unit(p, size, little), size),
                        _ => return None,
                    },
                };
                if !is_surrogate(cp) {
                    return None;
                }
                out.push(cp);
                Some(bad.start + len)
            }
        }
    }
}

fn decode_ascii(data: &[u8], pos: usize, out: &mut StrBuilder) -> Result<usize, Bad> {
    let rest = &data[pos..];
    let n = rest.iter().position(|&b| b >= 0x80).unwrap_or(rest.len());
    for &b in &rest[..n] {
        out.push(b as u32);
    }
    if pos + n < data.len() {
        return Err(Bad { start: pos + n, end: pos + n + 1, reason: "ordinal not in range(128)" });
    }
    Ok(data.len())
}

fn decode_utf8(data: &[u8], pos: usize, final_: bool, out: &mut StrBuilder) -> Result<usize, Bad> {
    let rest = &data[pos..];
    match std::str::from_utf8(rest) {
        Ok(s) => {
            out.push_utf8(s);
            Ok(data.len())
        }
        Err(e) => {
            let good = e.valid_up_to();
            if let Ok(s) = std::str::from_utf8(&rest[..good]) {
                out.push_utf8(s);
            }
            let start = pos + good;
            let lead = data[start];
            match e.error_len() {
                None => {
                    if !final_ {
                        return Ok(start);
                    }
                    Err(Bad { start, end: data.len(), reason: "unexpected end of data" })
                }
                Some(n) => {
                    // Incremental decoding waits on a truncated encoded surrogate, so that
                    // surrogatepass can see all of it.
                    if !final_ && lead == 0xED && data.len() - start == 2 && (0xA0..=0xBF).contains(&data[start + 1]) {
                        return Ok(start);
                    }
                    if (0x80..0xC2).contains(&lead) || lead > 0xF4 {
                        Err(Bad { start, end: start + 1, reason: "invalid start byte" })
                    } else {
                        Err(Bad { start, end: start + n, reason: "invalid continuation byte" })
                    }
                }
            }
        }
    }
}

fn decode_charmap(table: Option<&StrData>, data: &[u8], pos: usize, out: &mut StrBuilder) -> Result<usize, Bad> {
    for (k, &b) in data[pos..].iter().enumerate() {
        match table.and_then(|t| t.try_get(b as usize)) {
            Some(c) if c != 0xFFFE => out.push(c),
            _ => return Err(Bad { start: pos + k, end: pos + k + 1, reason: "character maps to <undefined>" }),
        }
    }
    Ok(data.len())
}

fn hex_value(b: u8) -> Option<u32> {
    (b as char).to_digit(16)
}

/// `\` followed by `count` hex digits at `data[p..]` (p after the letter): the value,
/// or the position of the first missing/bad digit.
fn hex_escape(data: &[u8], p: usize, count: usize) -> Result<u32, usize> {
    let mut v = 0;
    for k in 0..count {
        match data.get(p + k).copied().and_then(hex_value) {
            Some(d) => v = (v << 4) | d,
            None => return Err(p + k),
        }
    }
    Ok(v)
}

fn decode_unicode_escape(
    data: &[u8],
    mut s: usize,
    final_: bool,
    out: &mut StrBuilder,
    invalid: &mut Option<String>,
) -> Result<usize, Bad> {
    let end = data.len();
    while s < end {
        let c = data[s];
        if c != b'\\' {
            out.push(c as u32);
            s += 1;
            continue;
        }
        let start = s;
        s += 1;
        // Incomplete escapes at the end wait for more data unless this is the end.
        let incomplete = |at: usize, reason| if final_ { Err(Bad { start, end: at, reason }) } else { Ok(start) };
        let Some(&c) = data.get(s) else { return incomplete(end, "\\ at end of string") };
        s += 1;
        let simple = match c {
            b'\n' => Some(None),
            b'\\' | b'\'' | b'"' => Some(Some(c as u32)),
            b'b' => Some(Some(0x08)),
            b'f' => Some(Some(0x0C)),
            b't' => Some(Some(0x09)),
            b'n' => Some(Some(0x0A)),
            b'r' => Some(Some(0x0D)),
            b'v' => Some(Some(0x0B)),
            b'a' => Some(Some(0x07)),
            _ => None,
        };
        if let Some(ch) = simple {
            if let Some(ch) = ch {
                out.push(ch);
            }
            continue;
        }
        match c {
            b'0'..=b'7' => {
                let mut v = (c - b'0') as u32;
                for _ in 0..2 {
                    match data.get(s) {
                        Some(&d @ b'0'..=b'7') => {
                            v = (v << 3) + (d - b'0') as u32;
                            s += 1;
                        }
                        _ => break,
                    }
                }
                if v > 0o377 && invalid.is_none() {
                    let digits = String::from_utf8_lossy(&data[start + 1..s]).into_owned();
                    *invalid = Some(format!("invalid octal escape sequence '\\{digits}'"));
                }
                out.push(v);
            }
            b'x' | b'u' | b'U' => {
                let (count, reason) = match c {
                    b'x' => (2, "truncated \\xXX escape"),
                    b'u' => (4, "truncated \\uXXXX escape"),
                    _ => (8, "truncated \\UXXXXXXXX escape"),
                };
                match hex_escape(data, s, count) {
                    Ok(v) if v > 0x10FFFF => {
                        return Err(Bad { start, end: s + count, reason: "illegal Unicode character" })
                    }
                    Ok(v) => {
                        out.push(v);
                        s += count;
                    }
                    Err(at) if at >= end => return incomplete(at, reason),
                    Err(at) => return Err(Bad { start, end: at, reason }),
                }
            }
            b'N' => {
                let reason = "malformed \\N character escape";
                if s >= end {
                    return incomplete(s, reason);
                }
                if data[s] != b'{' {
                    return Err(Bad { start, end: s, reason });
                }
                let name_start = s + 1;
                let Some(close) = data[name_start..].iter().position(|&b| b == b'}').map(|k| name_start + k) else {
                    return incomplete(end, reason);
                };
                if close == name_start {
                    return Err(Bad { start, end: close, reason });
                }
                let name = std::str::from_utf8(&data[name_start..close]).ok();
                match name.and_then(syntax::string::lookup_unicode_name) {
                    Some(cp) => {
                        out.push(cp);
                        s = close + 1;
                    }
                    None => return Err(Bad { start, end: close + 1, reason: "unknown Unicode character name" }),
                }
            }
            _ => {
                if invalid.is_none() {
                    *invalid = Some(format!("invalid escape sequence '\\{}'", char::from(c)));
                }
                out.push(0x5C);
                out.push(c as u32);
            }
        }
    }
    Ok(end)
}

fn decode_raw_unicode_escape(data: &[u8], mut s: usize, final_: bool, out: &mut StrBuilder) -> Result<usize, Bad> {
    let end = data.len();
    while s < end {
        let c = data[s];
        if c != b'\\' {
            out.push(c as u32);
            s += 1;
            continue;
        }
        // Only an odd run of backslashes escapes a following u/U.
        let run = data[s..].iter().take_while(|&&b| b == b'\\').count();
        for _ in 0..run - 1 {
            out.push(0x5C);
        }
        let start = s + run - 1;
        s += run;
        if !final_ && s >= end && run % 2 == 1 {
            return Ok(start);
        }
        let escapes = run % 2 == 1 && matches!(data.get(s), Some(b'u' | b'U'));
        if !escapes {
            out.push(0x5C);
            continue;
        }
        if !final_ && s + 1 >= end {
            return Ok(start);
        }
        let (count, reason) =
            if data[s] == b'u' { (4, "truncated \\uXXXX escape") } else { (8, "truncated \\UXXXXXXXX escape") };
        match hex_escape(data, s + 1, count) {
            Ok(v) if v > 0x10FFFF => return Err(Bad { start, end: s + 1 + count, reason: "\\Uxxxxxxxx out of range" }),
            Ok(v) => {
                out.push(v);
                s += 1 + count;
            }
            Err(at) if at >= end && !final_ => return Ok(start),
            Err(at) => return Err(Bad { start, end: at, reason }),
        }
    }
    Ok(end)
}

fn decode_utf16(data: &[u8], mut q: usize, final_: bool, little: bool, out: &mut StrBuilder) -> Result<usize, Bad> {
    let e = data.len();
    while q < e {
        if e - q < 2 {
            if !final_ {
                return Ok(q);
            }
            return Err(Bad { start: q, end: e, reason: "truncated data" });
        }
        let u = read_unit(&data[q..], 2, little);
        if !is_surrogate(u) {
            out.push(u);
            q += 2;
            continue;
        }
        if u >= 0xDC00 {
            return Err(Bad { start: q, end: q + 2, reason: "illegal encoding" });
        }
        if e - q < 4 {
            if !final_ {
                return Ok(q);
            }
            return Err(Bad { start: q, end: e, reason: "unexpected end of data" });
        }
        let u2 = read_unit(&data[q + 2..], 2, little);
        if !(0xDC00..=0xDFFF).contains(&u2) {
            return Err(Bad { start: q, end: q + 2, reason: "illegal UTF-16 surrogate" });
        }
        out.push(0x10000 + ((u - 0xD800) << 10) + (u2 - 0xDC00));
        q += 4;
    }
    Ok(e)
}

fn decode_utf32(data: &[u8], mut q: usize, final_: bool, little: bool, out: &mut StrBuilder) -> Result<usize, Bad> {
    let e = data.len();
    while q < e {
        if e - q < 4 {
            if !final_ {
                return Ok(q);
            }
            return Err(Bad { start: q, end: e, reason: "truncated data" });
        }
        let c = read_unit(&data[q..], 4, little);
        if c > 0x10FFFF {
            return Err(Bad { start: q, end: q + 4, reason: "code point not in range(0x110000)" });
        }
        if is_surrogate(c) {
            return Err(Bad {
                start: q,
                end: q + 4,
                reason: "code point in surrogate code point range(0xd800, 0xe000)",
            });
        }
        out.push(c);
        q += 4;
    }
    Ok(e)
}

/// RFC 2152's classes of ASCII: 0 directly encoded (set D), 1 optionally direct
/// (set O), 2 white space, 3 always base64-encoded.
fn utf7_category(c: u32) -> u8 {
    match c {
        0x41..=0x5A | 0x61..=0x7A | 0x30..=0x39 => 0,
        0x27..=0x29 | 0x2C..=0x2F | 0x3A | 0x3F => 0,
        0x21..=0x26 | 0x2A | 0x3B..=0x3E | 0x40 | 0x5B | 0x5D..=0x60 | 0x7B..=0x7D => 1,
        0x09 | 0x0A | 0x0D | 0x20 => 2,
        _ => 3,
    }
}

fn is_base64(c: u32) -> bool {
    matches!(c, 0x41..=0x5A | 0x61..=0x7A | 0x30..=0x39 | 0x2B | 0x2F)
}

fn from_base64(c: u8) -> u32 {
    match c {
        b'A'..=b'Z' => (c - b'A') as u32,
        b'a'..=b'z' => (c - b'a') as u32 + 26,
        b'0'..=b'9' => (c - b'0') as u32 + 52,
        b'+' => 62,
        _ => 63,
    }
}

fn to_base64(v: u32) -> u8 {
    b"ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/"[(v & 0x3F) as usize]
}

/// UTF-7 encoding as CPython's encoder (sets D, O and white space direct); never fails.
fn encode_utf7(s: &StrData, pos: usize, out: &mut Vec<u8>) {
    let direct = |c: u32| c > 0 && c < 128 && utf7_category(c) != 3;
    let mut in_shift = false;
    let (mut bits, mut buf) = (0u32, 0u64);
    let push16 = |u: u32, bits: &mut u32, buf: &mut u64, out: &mut Vec<u8>| {
        *bits += 16;
        *buf = (*buf << 16) | u as u64;
        while *bits >= 6 {
            out.push(to_base64((*buf >> (*bits - 6)) as u32));
            *bits -= 6;
        }
        *buf &= (1u64 << *bits) - 1;
    };
    for c in s.code_points().skip(pos) {
        if in_shift && direct(c) {
            if bits > 0 {
                out.push(to_base64((buf << (6 - bits)) as u32));
                bits = 0;
                buf = 0;
            }
            in_shift = false;
            // A character that could be read as base64 (or '-') needs the explicit end.
            if is_base64(c) || c == 0x2D {
                out.push(b'-');
            }
            out.push(c as u8);
            continue;
        }
        if !in_shift {
            if c == 0x2B {
                out.extend_from_slice(b"+-");
                continue;
            }
            if direct(c) {
                out.push(c as u8);
                continue;
            }
            out.push(b'+');
            in_shift = true;
        }
        if c >= 0x10000 {
            push16(0xD800 + ((c - 0x10000) >> 10), &mut bits, &mut buf, out);
            push16(0xDC00 + ((c - 0x10000) & 0x3FF), &mut bits, &mut buf, out);
        } else {
            push16(c, &mut bits, &mut buf, out);
        }
    }
    if bits > 0 {
        out.push(to_base64((buf << (6 - bits)) as u32));
    }
    if in_shift {
        out.push(b'-');
    }
}

/// UTF-7 decoding from `data[pos..]` (CPython's decoder: its errors, ranges and
/// its handling of an unfinished shift sequence when not final).
fn decode_utf7(data: &[u8], pos: usize, final_: bool, out: &mut StrBuilder) -> Result<usize, Bad> {
    let mut s = pos;
    let mut in_shift = false;
    let mut start = pos;
    let (mut bits, mut buf) = (0u32, 0u64);
    let mut surrogate = 0u32;
    // Text of the current shift sequence, written when it ends.
    let mut pending: Vec<u32> = Vec::new();
    let flush = |pending: &mut Vec<u32>, out: &mut StrBuilder| {
        for &c in pending.iter() {
            out.push(c);
        }
        pending.clear();
    };
    while s < data.len() {
        let ch = data[s];
        if in_shift {
            if is_base64(ch as u32) {
                buf = (buf << 6) | from_base64(ch) as u64;
                bits += 6;
                s += 1;
                if bits >= 16 {
                    let u = (buf >> (bits - 16)) as u32 & 0xFFFF;
                    bits -= 16;
                    buf &= (1u64 << bits) - 1;
                    if surrogate != 0 {
                        if (0xDC00..=0xDFFF).contains(&u) {
                            pending.push(0x10000 + ((surrogate - 0xD800) << 10) + (u - 0xDC00));
                            surrogate = 0;
                            continue;
                        }
                        pending.push(surrogate);
                        surrogate = 0;
                    }
                    if (0xD800..=0xDBFF).contains(&u) {
                        surrogate = u;
                    } else {
                        pending.push(u);
                    }
                }
                continue;
            }
            in_shift = false;
            flush(&mut pending, out);
            if bits >= 6 {
                return Err(Bad { start, end: s + 1, reason: "partial character in shift sequence" });
            }
            if buf != 0 {
                return Err(Bad { start, end: s + 1, reason: "non-zero padding bits in shift sequence" });
            }
            if surrogate != 0 && ch <= 127 && ch != b'+' {
                out.push(surrogate);
            }
            surrogate = 0;
            if ch == b'-' {
                s += 1;
            }
        } else if ch == b'+' {
            start = s;
            s += 1;
            if s < data.len() && data[s] == b'-' {
                s += 1;
                out.push(0x2B);
            } else if s < data.len() && !is_base64(data[s] as u32) {
                return Err(Bad { start, end: s + 1, reason: "ill-formed sequence" });
            } else {
                in_shift = true;
                surrogate = 0;
                bits = 0;
                buf = 0;
            }
        } else if ch <= 127 {
            out.push(ch as u32);
            s += 1;
        } else {
            return Err(Bad { start: s, end: s + 1, reason: "unexpected special character" });
        }
    }
    if in_shift {
        if !final_ {
            // The shift sequence is decoded again once complete.
            return Ok(start);
        }
        flush(&mut pending, out);
        if surrogate != 0 || bits >= 6 || (bits > 0 && buf != 0) {
            return Err(Bad { start, end: data.len(), reason: "unterminated shift sequence" });
        }
    }
    Ok(data.len())
}

/// `bytes.decode(encoding, errors)` with a standard handler, the whole input at once.
pub fn decode(encoding: Encoding, data: &[u8], errors: ErrorHandler) -> Result<StrData, CodecError> {
    if encoding == Encoding::Utf8 {
        if let Ok(s) = std::str::from_utf8(data) {
            return Ok(StrData::from_str(s));
        }
    }
    if encoding == Encoding::Latin1 {
        return Ok(StrData::from_latin1(data));
    }
    let mut out = StrBuilder::with_capacity(data.len(), super::Kind::Ascii);
    Decoder::new(encoding, errors).decode_into(data, 0, true, &mut out)?;
    Ok(out.finish())
}

/// Encodes str to bytes; writes the BOM of utf-16/utf-32/utf-8-sig once.
#[derive(Clone, Debug)]
pub struct Encoder {
    encoding: Encoding,
    errors: ErrorHandler,
    started: bool,
}

impl Encoder {
    /// An encoder for `encoding` applying the standard handler `errors`.
    pub fn new(encoding: Encoding, errors: ErrorHandler) -> Encoder {
        Encoder { encoding, errors, started: false }
    }

    /// Encodes `s[pos..]` onto `out`. On an error the handler cannot resolve, `out`
    /// holds the bytes of the code points before it. A `pos` past the end is taken as the end.
    pub fn encode_into(&mut self, s: &StrData, pos: usize, out: &mut Vec<u8>) -> Result<(), CodecError> {
        let mut pos = pos.min(s.len());
        if !self.started {
            self.started = true;
            match self.encoding {
                Encoding::Utf8Sig => out.extend_from_slice(b"\xEF\xBB\xBF"),
                Encoding::Utf16 | Encoding::Utf32 => self.push_units(0xFEFF, out),
                _ => {}
            }
        }
        loop {
            let step = match self.encoding {
                Encoding::Utf8 | Encoding::Utf8Sig => encode_utf8(s, pos, out),
                Encoding::Latin1 => encode_ucs1(s, pos, 0x100, "ordinal not in range(256)", out),
                Encoding::Ascii => encode_ucs1(s, pos, 0x80, "ordinal not in range(128)", out),
                Encoding::Charmap => {
                    // Needs a lookup: `charmap_encode_into`.
                    if pos < s.len() {
                        Err(Bad { start: pos, end: s.len(), reason: "character maps to <undefined>" })
                    } else {
                        Ok(())
                    }
                }
                Encoding::Utf7 => {
                    encode_utf7(s, pos, out);
                    Ok(())
                }
                Encoding::UnicodeEscape | Encoding::RawUnicodeEscape => {
                    let raw = self.encoding == Encoding::RawUnicodeEscape;
                    let mut text = String::new();
                    for c in s.code_points().skip(pos) {
                        match c {
                            _ if raw && c < 0x100 => {
                                out.push(c as u8);
                                continue;
                            }
                            0x5C => text.push_str("\\\\"),
                            0x09 => text.push_str("\\t"),
                            0x0A => text.push_str("\\n"),
                            0x0D => text.push_str("\\r"),
                            0x20..=0x7E => text.push(c as u8 as char),
                            _ => super::text::push_backslash_escape(&mut text, c),
                        }
                        out.extend_from_slice(text.as_bytes());
                        text.clear();
                    }
                    Ok(())
                }
                _ => {
                    let mut r = Ok(());
                    for i in pos..s.len() {
                        let c = s.get(i);
                        if is_surrogate(c) {
                            r = Err(Bad { start: i, end: i + 1, reason: "surrogates not allowed" });
                            break;
                        }
                        self.push_units(c, out);
                    }
                    r
                }
            };
            match step {
                Ok(()) => return Ok(()),
                Err(bad) => match self.handle(s, bad, out) {
                    Ok(next) => pos = next,
                    Err(bad) => return Err(self.error(&bad)),
                },
            }
        }
    }

    fn error(&self, bad: &Bad) -> CodecError {
        CodecError { encoding: self.encoding.error_name(), start: bad.start, end: bad.end, reason: bad.reason }
    }

    /// One code point of a UTF-16/32 codec (a pair of units above U+FFFF in UTF-16).
    fn push_units(&self, c: u32, out: &mut Vec<u8>) {
        let (size, little) = self.encoding.unit().unwrap_or((2, true));
        let mut unit = |u: u32| match (size, little) {
            (2, true) => out.extend_from_slice(&(u as u16).to_le_bytes()),
            (2, false) => out.extend_from_slice(&(u as u16).to_be_bytes()),
            (_, true) => out.extend_from_slice(&u.to_le_bytes()),
            (_, false) => out.extend_from_slice(&u.to_be_bytes()),
        };
        if size == 2 && c > 0xFFFF {
            unit(0xD800 + ((c - 0x10000) >> 10));
            unit(0xDC00 + ((c - 0x10000) & 0x3FF));
        } else {
            unit(c);
        }
    }

    /// ASCII text (a handler's replacement) in this codec.
    fn push_ascii(&self, text: &str, out: &mut Vec<u8>) {
        if self.encoding.unit().is_some() {
            for b in text.bytes() {
                self.push_units(b as u32, out);
            }
        } else {
            out.extend_from_slice(text.as_bytes());
        }
    }

    /// Applies the standard handler to `bad`; the position to resume at, or the error to raise.
    fn handle(&self, s: &StrData, bad: Bad, out: &mut Vec<u8>) -> Result<usize, Bad> {
        let range = bad.start..bad.end;
        match self.errors {
            ErrorHandler::Strict => Err(bad),
            ErrorHandler::Ignore => Ok(bad.end),
            ErrorHandler::Replace => {
                for _ in range {
                    self.push_ascii("?", out);
                }
                Ok(bad.end)
            }
            ErrorHandler::BackslashReplace | ErrorHandler::XmlCharRefReplace | ErrorHandler::NameReplace => {
                let mut text = String::new();
                for i in range {
                    let c = s.get(i);
                    match self.errors {
                        ErrorHandler::XmlCharRefReplace => {
                            let _ = write!(text, "&#{c};");
                        }
                        ErrorHandler::NameReplace => match unicode::name(c) {
                            Some(name) => {
                                let _ = write!(text, "\\N{{{name}}}");
                            }
                            None => super::text::push_backslash_escape(&mut text, c),
                        },
                        _ => super::text::push_backslash_escape(&mut text, c),
                    }
                }
                self.push_ascii(&text, out);
                Ok(bad.end)
            }
            ErrorHandler::SurrogateEscape => {
                if self.encoding.unit().is_some() {
                    // The one escaped byte is not a whole code unit.
                    return Err(bad);
                }
                for i in range {
                    let c = s.get(i);
                    if !(0xDC80..=0xDCFF).contains(&c) {
                        return Err(Bad { start: i, ..bad });
                    }
                    out.push((c - 0xDC00) as u8);
                }
                Ok(bad.end)
            }
            ErrorHandler::SurrogatePass => {
                if matches!(self.encoding, Encoding::Latin1 | Encoding::Ascii) {
                    return Err(bad);
                }
                for i in range.clone() {
                    if !is_surrogate(s.get(i)) {
                        return Err(bad);
                    }
                }
                for i in range {
                    let c = s.get(i);
                    if self.encoding.unit().is_some() {
                        self.push_units(c, out);
                    } else {
                        out.extend_from_slice(&[
                            0xE0 | (c >> 12) as u8,
                            0x80 | ((c >> 6) & 0x3F) as u8,
                            0x80 | (c & 0x3F) as u8,
                        ]);
                    }
                }
                Ok(bad.end)
            }
        }
    }

    /// Appends a custom handler's str replacement for `err`, as CPython accepts it
    /// (ASCII only for the UTF codecs, in range for latin-1/ascii), else the error to raise.
    pub fn push_replacement_str(&self, rep: &StrData, err: &CodecError, out: &mut Vec<u8>) -> Result<(), CodecError> {
        let limit = match self.encoding {
            Encoding::Latin1 => 0x100,
            _ => 0x80,
        };
        if rep.code_points().any(|c| c >= limit) {
            let reason = match self.encoding {
                Encoding::Latin1 | Encoding::Ascii => err.reason,
                _ => "surrogates not allowed",
            };
            return Err(CodecError { reason, ..*err });
        }
        if self.encoding.unit().is_some() {
            for c in rep.code_points() {
                self.push_units(c, out);
            }
        } else {
            out.extend(rep.code_points().map(|c| c as u8));
        }
        Ok(())
    }

    /// Appends a custom handler's bytes replacement for `err` (whole code units for
    /// UTF-16/32, else "surrogates not allowed").
    pub fn push_replacement_bytes(&self, rep: &[u8], err: &CodecError, out: &mut Vec<u8>) -> Result<(), CodecError> {
        if let Some((size, _)) = self.encoding.unit() {
            if !rep.len().is_multiple_of(size) {
                return Err(CodecError { reason: "surrogates not allowed", ..*err });
            }
        }
        out.extend_from_slice(rep);
        Ok(())
    }
}

fn encode_utf8(s: &StrData, pos: usize, out: &mut Vec<u8>) -> Result<(), Bad> {
    if let Some(text) = s.as_str() {
        out.extend_from_slice(&text.as_bytes()[pos..]);
        return Ok(());
    }
    let len = s.len();
    let mut buf = [0u8; 4];
    let mut i = pos;
    while i < len {
        let c = s.get(i);
        match char::from_u32(c) {
            Some(ch) => out.extend_from_slice(ch.encode_utf8(&mut buf).as_bytes()),
            None => {
                let mut j = i + 1;
                while j < len && is_surrogate(s.get(j)) {
                    j += 1;
                }
                return Err(Bad { start: i, end: j, reason: "surrogates not allowed" });
            }
        }
        i += 1;
    }
    Ok(())
}

fn encode_ucs1(s: &StrData, pos: usize, limit: u32, reason: &'static str, out: &mut Vec<u8>) -> Result<(), Bad> {
    if let Some(b) = s.as_latin1() {
        if limit == 0x100 || s.is_ascii() {
            out.extend_from_slice(&b[pos..]);
            return Ok(());
        }
    }
    let len = s.len();
    let mut i = pos;
    while i < len {
        let c = s.get(i);
        if c >= limit {
            let mut j = i + 1;
            while j < len && s.get(j) >= limit {
                j += 1;
            }
            return Err(Bad { start: i, end: j, reason });
        }
        out.push(c as u8);
        i += 1;
    }
    Ok(())
}

/// The reverse of a 256-entry decoding table (`codecs.charmap_build`'s EncodingMap).
#[derive(Clone, Debug, Default)]
pub struct EncodingMap {
    map: std::collections::HashMap<u32, u8>,
}

impl EncodingMap {
    /// The map of a decoding table: each code point to its (last) byte, U+FFFE left out.
    pub fn build(table: &StrData) -> EncodingMap {
        let mut map = std::collections::HashMap::new();
        for (b, c) in table.code_points().take(256).enumerate() {
            if c != 0xFFFE {
                map.insert(c, b as u8);
            }
        }
        EncodingMap { map }
    }

    /// The byte of `cp`, if mapped.
    pub fn get(&self, cp: u32) -> Option<u8> {
        self.map.get(&cp).copied()
    }

    /// Number of mapped code points.
    pub fn len(&self) -> usize {
        self.map.len()
    }

    /// Whether nothing is mapped.
    pub fn is_empty(&self) -> bool {
        self.map.is_empty()
    }
}

/// An error of `charmap_encode_into`: the codec's, or the lookup's own.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum CharmapError<E> {
    /// UnicodeEncodeError ('charmap', "character maps to <undefined>").
    Codec(CodecError),
    /// The lookup failed (e.g. a bad value in a mapping object).
    Lookup(E),
}

/// `codecs.charmap_encode(s[pos..], errors, mapping)` onto `out`: `lookup` maps a code
/// point to its byte (`None`: unmapped). Replacement text of the standard handlers goes
/// through `lookup` too (surrogateescape's bytes do not), as CPython does.
pub fn charmap_encode_into<E>(
    s: &StrData,
    pos: usize,
    errors: ErrorHandler,
    lookup: &mut dyn FnMut(u32) -> Result<Option<u8>, E>,
    out: &mut Vec<u8>,
) -> Result<(), CharmapError<E>> {
    let len = s.len();
    let mut i = pos.min(len);
    while i < len {
        if let Some(b) = lookup(s.get(i)).map_err(CharmapError::Lookup)? {
            out.push(b);
            i += 1;
            continue;
        }
        let start = i;
        let mut end = i + 1;
        while end < len && lookup(s.get(end)).map_err(CharmapError::Lookup)?.is_none() {
            end += 1;
        }
        let fail = CharmapError::Codec(CodecError {
            encoding: "charmap",
            start,
            end,
            reason: "character maps to <undefined>",
        });
        let mut text = String::new();
        match errors {
            ErrorHandler::Strict | ErrorHandler::SurrogatePass => return Err(fail),
            ErrorHandler::Ignore => {}
            ErrorHandler::SurrogateEscape => {
                let mut bytes = Vec::with_capacity(end - start);
                for k in start..end {
                    match s.get(k) {
                        c @ 0xDC80..=0xDCFF => bytes.push((c - 0xDC00) as u8),
                        _ => return Err(fail),
                    }
                }
                out.extend_from_slice(&bytes);
            }
            ErrorHandler::Replace => text = "?".repeat(end - start),
            ErrorHandler::XmlCharRefReplace | ErrorHandler::BackslashReplace | ErrorHandler::NameReplace => {
                for k in start..end {
                    let c = s.get(k);
                    match (errors, unicode::name(c)) {
                        (ErrorHandler::XmlCharRefReplace, _) => {
                            let _ = write!(text, "&#{c};");
                        }
                        (ErrorHandler::NameReplace, Some(name)) => {
                            let _ = write!(text, "\\N{{{name}}}");
                        }
                        _ => super::text::push_backslash_escape(&mut text, c),
                    }
                }
            }
        }
        for c in text.chars() {
            match lookup(c as u32).map_err(CharmapError::Lookup)? {
                Some(b) => out.push(b),
                None => return Err(fail),
            }
        }
        i = end;
    }
    Ok(())
}

/// `str.encode(encoding, errors)` with a standard handler.
pub fn encode(encoding: Encoding, s: &StrData, errors: ErrorHandler) -> Result<Vec<u8>, CodecError> {
    let mut out = Vec::with_capacity(s.len());
    Encoder::new(encoding, errors).encode_into(s, 0, &mut out)?;
    Ok(out)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn hex_bytes(h: &str) -> Vec<u8> {
        (0..h.len() / 2).map(|i| u8::from_str_radix(&h[2 * i..2 * i + 2], 16).unwrap()).collect()
    }

    fn cps(h: &str) -> StrData {
        let v: Vec<u32> = h.split('.').filter(|x| !x.is_empty()).map(|x| u32::from_str_radix(x, 16).unwrap()).collect();
        StrData::from_code_points(&v)
    }

    fn show_err(e: &CodecError, msg: String) -> String {
        format!("E\t{}\t{}\t{}\t{}\t{}", e.encoding, e.start, e.end, e.reason, msg)
    }

    /// Replays testdata/codecs.txt (CPython 3.11 results from gen/gen_codec_tests.py).
    #[test]
    fn codecs_match_cpython() {
        let data = include_str!("testdata/codecs.txt");
        let mut failures = Vec::new();
        let mut n = 0;
        for line in data.lines().filter(|l| !l.is_empty()) {
            let p: Vec<&str> = line.split('\t').collect();
            n += 1;
            if p[0] == "lookup" {
                let want = p[3];
                let got = Encoding::lookup(p[1]).map_or("-", |e| e.codec_name());
                let ours = [
                    "utf-8",
                    "utf-8-sig",
                    "iso8859-1",
                    "ascii",
                    "utf-16",
                    "utf-16-le",
                    "utf-16-be",
                    "utf-32",
                    "utf-32-le",
                    "utf-32-be",
                    "unicode-escape",
                    "raw-unicode-escape",
                    "utf-7",
                ];
                let want = if ours.contains(&want) { want } else { "-" };
                if got != want {
                    failures.push(format!("lookup {:?}: got {got}, want {want}", p[1]));
                }
                continue;
            }
            let enc = Encoding::lookup(p[1]).unwrap();
            let errors = ErrorHandler::from_name(p[2]).unwrap();
            let want = p[5..].join("\t");
            let got = if p[0] == "decode" {
                let b = hex_bytes(p[3].strip_prefix("x:").unwrap());
                match decode(enc, &b, errors) {
                    Ok(s) => format!("s:{}", s.code_points().map(|c| format!("{c:X}")).collect::<Vec<_>>().join(".")),
                    Err(e) => show_err(&e, e.decode_message(&b)),
                }
            } else {
                let s = cps(p[3].strip_prefix("s:").unwrap());
                match encode(enc, &s, errors) {
                    Ok(b) => format!("x:{}", b.iter().map(|x| format!("{x:02x}")).collect::<String>()),
                    Err(e) => show_err(&e, e.encode_message(&s)),
                }
            };
            if got != want {
                failures.push(format!("{} {} {} {}: got {got:?}, want {want:?}", p[0], p[1], p[2], p[3]));
            }
        }
        assert!(n > 3000, "test data missing {n}");
        assert!(failures.is_empty(), "{} failures:\n{}", failures.len(), failures[..failures.len().min(40)].join("\n"));
    }

    #[test]
    fn custom_handler_protocol() {
        // A caller-side handler that replaces each bad byte by '<XX>' (as a Python handler would).
        let data = b"a\xffb\xe2\x82";
        let mut dec = Decoder::new(Encoding::Utf8, ErrorHandler::Strict);
        let mut out = StrBuilder::new();
        let mut pos = 0;
        loop {
            match dec.decode_into(data, pos, true, &mut out) {
                Ok(stop) => {
                    assert_eq!(stop, data.len());
                    break;
                }
                Err(e) => {
                    out.push_utf8(&format!("<{}-{}>", e.start, e.end));
                    pos = e.end;
                }
            }
        }
        assert_eq!(out.finish(), StrData::from_str("a<1-2>b<3-5>"));

        let s = StrData::from_str("a€b");
        let mut enc = Encoder::new(Encoding::Utf16Le, ErrorHandler::Strict);
        let mut out = Vec::new();
        let e = CodecError { encoding: "utf-16-le", start: 0, end: 1, reason: "x" };
        assert!(enc.push_replacement_bytes(b"\x00", &e, &mut out).is_err());
        assert!(enc.push_replacement_str(&StrData::from_str("é"), &e, &mut out).is_err());
        enc.push_replacement_str(&StrData::from_str("?"), &e, &mut out).unwrap();
        enc.encode_into(&s, 0, &mut out).unwrap();
        assert_eq!(out, b"?\x00a\x00\xac\x20b\x00");
        let mut enc = Encoder::new(Encoding::Latin1, ErrorHandler::Strict);
        let mut out = Vec::new();
        let e = enc.encode_into(&s, 0, &mut out).unwrap_err();
        assert_eq!((e.start, e.end, out.as_slice()), (1, 2, &b"a"[..]));
        enc.push_replacement_str(&StrData::from_str("é"), &e, &mut out).unwrap();
        enc.encode_into(&s, e.end, &mut out).unwrap();
        assert_eq!(out, b"a\xe9b");
    }

    #[test]
    fn incremental_decoding() {
        let mut dec = Decoder::new(Encoding::Utf16, ErrorHandler::Strict);
        let mut out = StrBuilder::new();
        assert_eq!(dec.decode_into(b"\xfe", 0, false, &mut out), Ok(0));
        assert_eq!(dec.decode_into(b"\xfe\xff\x00a\x00", 0, false, &mut out), Ok(4));
        assert_eq!(dec.encoding(), Encoding::Utf16Be);
        assert_eq!(dec.decode_into(b"\x00b\xd8\x3d", 0, false, &mut out), Ok(2));
        assert_eq!(dec.decode_into(b"\xd8\x3d\xde\x00", 0, true, &mut out), Ok(4));
        assert_eq!(out.finish(), StrData::from_str("ab😀"));
        let mut dec = Decoder::new(Encoding::Utf8, ErrorHandler::SurrogatePass);
        let mut out = StrBuilder::new();
        assert_eq!(dec.decode_into(b"x\xed\xa0", 0, false, &mut out), Ok(1));
        assert_eq!(dec.decode_into(b"\xed\xa0\x80", 0, false, &mut out), Ok(3));
        assert_eq!(out.finish(), StrData::from_code_points(&[0x78, 0xD800]));
        let mut dec = Decoder::new(Encoding::Utf8Sig, ErrorHandler::Strict);
        let mut out = StrBuilder::new();
        assert_eq!(dec.decode_into(b"\xef\xbb", 0, false, &mut out), Ok(0));
        assert_eq!(dec.decode_into(b"\xef\xbb\xbfa", 0, false, &mut out), Ok(4));
        assert_eq!(out.finish(), StrData::from_str("a"));
    }

    #[test]
    fn escape_warnings() {
        // Python 3.11: DeprecationWarning for the first invalid escape only.
        let cases: &[(&[u8], Option<&str>)] = &[
            (b"\\q", Some("invalid escape sequence '\\q'")),
            (b"\\777", Some("invalid octal escape sequence '\\777'")),
            (b"\\8\\777", Some("invalid escape sequence '\\8'")),
            (b"\\377\\n", None),
        ];
        for &(data, want) in cases {
            let mut dec = Decoder::new(Encoding::UnicodeEscape, ErrorHandler::Strict);
            let mut out = StrBuilder::new();
            dec.decode_into(data, 0, true, &mut out).unwrap();
            assert_eq!(dec.invalid_escape_warning(), want);
        }
        let mut dec = Decoder::new(Encoding::UnicodeEscape, ErrorHandler::Strict);
        let mut out = StrBuilder::new();
        assert_eq!(dec.decode_into(b"a\\u12", 0, false, &mut out), Ok(1));
        let mut dec = Decoder::new(Encoding::RawUnicodeEscape, ErrorHandler::Strict);
        assert_eq!(dec.decode_into(b"a\\", 0, false, &mut out), Ok(1));
        assert_eq!(dec.decode_into(b"a\\\\", 0, false, &mut out), Ok(3));
    }

    #[test]
    fn charmap() {
        // Expected values from python3.11's cp1252 codec (encodings/cp1252.py tables).
        let mut table: Vec<u32> = (0..256).collect();
        for (b, c) in [(0x80, 0x20AC), (0x81, 0xFFFE), (0x8A, 0x160), (0x90, 0xFFFE)] {
            table[b] = c;
        }
        let table = StrData::from_code_points(&table);
        let dec = |data: &[u8], errors| {
            let mut out = StrBuilder::new();
            Decoder::charmap(table.clone(), errors).decode_into(data, 0, true, &mut out).map(|_| out.finish())
        };
        let e = dec(b"a\x81\x80\x90", ErrorHandler::Strict).unwrap_err();
        assert_eq!(
            e.decode_message(b"a\x81\x80\x90"),
            "'charmap' codec can't decode byte 0x81 in position 1: character maps to <undefined>"
        );
        assert_eq!(dec(b"a\x81\x80\x90", ErrorHandler::Replace), Ok(StrData::from_str("a\u{FFFD}€\u{FFFD}")));
        assert_eq!(
            dec(b"a\x81\x80", ErrorHandler::SurrogateEscape),
            Ok(StrData::from_code_points(&[0x61, 0xDC81, 0x20AC]))
        );
        assert_eq!(dec(b"a\x81\x80", ErrorHandler::BackslashReplace), Ok(StrData::from_str("a\\x81€")));
        let short = StrData::from_str("ab");
        let mut out = StrBuilder::new();
        assert!(Decoder::charmap(short, ErrorHandler::Strict).decode_into(b"\x00\x01\x02", 0, true, &mut out).is_err());

        let map = EncodingMap::build(&table);
        let enc = |s: &StrData, errors| {
            let mut out = Vec::new();
            charmap_encode_into::<()>(s, 0, errors, &mut |c| Ok(map.get(c)), &mut out).map(|_| out)
        };
        let x = StrData::from_str("a€\u{100}\u{101}b");
        let e = enc(&x, ErrorHandler::Strict).unwrap_err();
        assert_eq!(
            e,
            CharmapError::Codec(CodecError {
                encoding: "charmap",
                start: 2,
                end: 4,
                reason: "character maps to <undefined>"
            })
        );
        assert_eq!(enc(&x, ErrorHandler::Replace), Ok(b"a\x80??b".to_vec()));
        assert_eq!(enc(&x, ErrorHandler::Ignore), Ok(b"a\x80b".to_vec()));
        assert_eq!(enc(&x, ErrorHandler::BackslashReplace), Ok(b"a\x80\\u0100\\u0101b".to_vec()));
        assert_eq!(enc(&x, ErrorHandler::XmlCharRefReplace), Ok(b"a\x80&#256;&#257;b".to_vec()));
        assert_eq!(
            enc(&x, ErrorHandler::NameReplace),
            Ok(b"a\x80\\N{LATIN CAPITAL LETTER A WITH MACRON}\\N{LATIN SMALL LETTER A WITH MACRON}b".to_vec())
        );
        assert!(enc(&x, ErrorHandler::SurrogateEscape).is_err());
        assert_eq!(
            enc(&StrData::from_code_points(&[0xDC81, 0xDC80]), ErrorHandler::SurrogateEscape),
            Ok(b"\x81\x80".to_vec())
        );
        // Replacement text that the map cannot encode fails with the original range.
        let tiny = EncodingMap::build(&StrData::from_str("ab"));
        let mut out = Vec::new();
        let r = charmap_encode_into::<()>(
            &StrData::from_str("ac"),
            0,
            ErrorHandler::Replace,
            &mut |c| Ok(tiny.get(c)),
            &mut out,
        );
        assert!(matches!(r, Err(CharmapError::Codec(CodecError { start: 1, end: 2, .. }))));
    }

    #[test]
    fn messages() {
        let s = StrData::from_str("a\u{e9}");
        assert_eq!(
            encode_error_message("ascii", &s, 1, 2, "ordinal not in range(128)"),
            "'ascii' codec can't encode character '\\xe9' in position 1: ordinal not in range(128)"
        );
        assert_eq!(
            decode_error_message("utf-8", b"\xff", 0, 1, "invalid start byte"),
            "'utf-8' codec can't decode byte 0xff in position 0: invalid start byte"
        );
    }
}
