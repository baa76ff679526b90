//! Source decoding (PEP 263, CPython's Parser/tokenizer.c): a UTF-8 BOM, a
//! coding cookie in the first two lines, or UTF-8 by default; then universal
//! newlines (`\r\n` and `\r` become `\n`).

use std::borrow::Cow;

use crate::error::{SyntaxError, SyntaxErrorKind};

/// Decode raw source bytes to text per PEP 263, newlines translated.
pub fn decode_source(source: &[u8]) -> Result<String, SyntaxError> {
    decode_source_named(source, "<unknown>")
}

/// [`decode_source`] for a file named `filename`, which CPython names in
/// its error for undeclared non-UTF-8 bytes.
pub fn decode_source_named(source: &[u8], filename: &str) -> Result<String, SyntaxError> {
    let (has_bom, body) = match source.strip_prefix(b"\xef\xbb\xbf") {
        Some(rest) => (true, rest),
        None => (false, source),
    };
    let cookie = find_cookie(body);
    if has_bom {
        if let Some(cs) = &cookie {
            if cs != "utf-8" {
                return Err(plain_error(format!("encoding problem: {cs} with BOM")));
            }
        }
    }
    let codec = match cookie.as_deref() {
        None | Some("utf-8") => Codec::Utf8,
        Some(cs) => match lookup(cs) {
            Lookup::Text(c) => c,
            Lookup::NotText => {
                return Err(plain_error(format!(
                    "'{cs}' is not a text encoding; use codecs.decode() to handle arbitrary codecs"
                )))
            }
            Lookup::Unknown => return Err(plain_error(format!("unknown encoding: {cs}"))),
        },
    };
    let text = match codec {
        Codec::Utf8 => match std::str::from_utf8(body) {
            Ok(s) => Cow::Borrowed(s),
            Err(e) => {
                let at = e.valid_up_to();
                let line = 1 + body[..at].iter().filter(|&&b| b == b'\n').count() + count_lone_crs(&body[..at]);
                return Err(plain_error(format!(
                    "Non-UTF-8 code starting with '\\x{:02x}' in file {filename} on line {line}, but no encoding \
                     declared; see https://peps.python.org/pep-0263/ for details",
                    body[at]
                )));
            }
        },
        // CPython decodes after translating newlines: error positions count
        // the translated bytes.
        other => Cow::Owned(other.decode(&translate_newline_bytes(body))?),
    };
    Ok(match translate_newlines(&text) {
        Cow::Borrowed(_) => text.into_owned(),
        Cow::Owned(s) => s,
    })
}

/// A byte sequence that is not UTF-8, in source that declares no encoding.
pub struct InvalidUtf8 {
    /// Where its U+FFFD stands in the text `decode_undeclared_lossy` returns.
    pub text_offset: usize,
    /// The offending bytes, as `Utf8Chunks` delimits them.
    pub bytes: Vec<u8>,
}

/// Undeclared source that is not UTF-8, decoded as CPython's tokenizer sees
/// it when parsing bytes: comments may hold anything, and only a name or a
/// string literal that contains bad bytes fails, when it is decoded. Each
/// bad sequence becomes U+FFFD (as CPython shows such lines); the sequences
/// are returned so the caller can raise the decode error at the right token.
/// `None` when the source declares an encoding or is valid UTF-8.
pub fn decode_undeclared_lossy(source: &[u8]) -> Option<(String, Vec<InvalidUtf8>)> {
    if declares_encoding(source) || std::str::from_utf8(source).is_ok() {
        return None;
    }
    let bytes = translate_newline_bytes(source);
    let mut text = String::with_capacity(bytes.len() + 16);
    let mut invalid = Vec::new();
    for chunk in bytes.utf8_chunks() {
        text.push_str(chunk.valid());
        if !chunk.invalid().is_empty() {
            invalid.push(InvalidUtf8 { text_offset: text.len(), bytes: chunk.invalid().to_vec() });
            text.push(char::REPLACEMENT_CHARACTER);
        }
    }
    Some((text, invalid))
}

/// The reason Python's UTF-8 decoder gives for `bad`, the first invalid
/// sequence of a buffer, when `at_end` says nothing follows it there.
pub fn utf8_error_reason(bad: &[u8], at_end: bool) -> &'static str {
    match bad.first() {
        Some(0x80..=0xC1) | Some(0xF5..=0xFF) => "invalid start byte",
        _ if at_end => "unexpected end of data",
        _ => "invalid continuation byte",
    }
}

/// Whether `source` declares its encoding (a BOM or a coding cookie), in
/// which case CPython's parser counts error columns in characters rather
/// than bytes (see [`crate::tokenizer::ErrorColumns`]).
pub fn declares_encoding(source: &[u8]) -> bool {
    source.starts_with(b"\xef\xbb\xbf") || find_cookie(source).is_some()
}

/// Universal newlines: `\r\n` and lone `\r` become `\n`, as CPython does to
/// source text before tokenizing it in `exec` mode (also for `compile()` of a
/// str). Like CPython's `translate_newlines`, a source ending in `\r\n` ends
/// up with an extra empty line, which shows in errors at the end of input.
pub fn translate_newlines(text: &str) -> Cow<'_, str> {
    if !text.as_bytes().contains(&b'\r') {
        return Cow::Borrowed(text);
    }
    let mut out = String::with_capacity(text.len());
    let mut rest = text;
    while let Some(i) = rest.find('\r') {
        out.push_str(&rest[..i]);
        out.push('\n');
        rest = &rest[i + 1..];
        if let Some(r) = rest.strip_prefix('\n') {
            rest = r;
        }
    }
    out.push_str(rest);
    if text.ends_with("\r\n") {
        out.push('\n');
    }
    Cow::Owned(out)
}

fn translate_newline_bytes(bytes: &[u8]) -> Cow<'_, [u8]> {
    if !bytes.contains(&b'\r') {
        return Cow::Borrowed(bytes);
    }
    let mut out = Vec::with_capacity(bytes.len());
    let mut i = 0;
    while i < bytes.len() {
        if bytes[i] == b'\r' {
            out.push(b'\n');
            if bytes.get(i + 1) == Some(&b'\n') {
                i += 1;
            }
        } else {
            out.push(bytes[i]);
        }
        i += 1;
    }
    if bytes.ends_with(b"\r\n") {
        out.push(b'\n');
    }
    Cow::Owned(out)
}

/// `\r` not followed by `\n`: line ends too.
fn count_lone_crs(bytes: &[u8]) -> usize {
    bytes.iter().enumerate().filter(|&(i, &b)| b == b'\r' && bytes.get(i + 1) != Some(&b'\n')).count()
}

/// A SyntaxError without location, as CPython raises for decoding problems.
fn plain_error(msg: String) -> SyntaxError {
    SyntaxError::new(SyntaxErrorKind::SyntaxError, msg)
}

/// The coding cookie of the first line, or of the second when the first is
/// blank or a comment, normalized as CPython's `get_normal_name` does.
fn find_cookie(source: &[u8]) -> Option<String> {
    let mut lines = source.split_inclusive(|&b| b == b'\n' || b == b'\r');
    let first = lines.next()?;
    if let Some(cs) = coding_spec(first) {
        return Some(cs);
    }
    // Only a blank or comment-only first line lets the second one declare it.
    let first_is_comment_or_blank = first
        .iter()
        .take_while(|&&b| b != b'#' && b != b'\n' && b != b'\r')
        .all(|&b| matches!(b, b' ' | b'\t' | b'\x0c'));
    if !first_is_comment_or_blank {
        return None;
    }
    let mut second = lines.next()?;
    if first.last() == Some(&b'\r') && second == b"\n" {
        // The `\n` of a `\r\n` pair: the second line comes after it.
        second = lines.next()?;
    }
    // CPython only looks at a second line that ends with a newline, but the
    // source always gets one at its end.
    coding_spec(second)
}

/// `get_coding_spec`: a comment line holding `coding[:=]` then spaces and
/// a name of letters, digits, `-`, `_` and `.`.
fn coding_spec(line: &[u8]) -> Option<String> {
    let line = match line.iter().position(|&b| b == b'\n' || b == b'\r') {
        Some(i) => &line[..i],
        None => line,
    };
    let hash = line.iter().position(|&b| !matches!(b, b' ' | b'\t' | b'\x0c'))?;
    if line[hash] != b'#' {
        return None;
    }
    let mut i = hash;
    // "coding" needs at least one character after it on the line.
    while i + 6 < line.len() {
        if &line[i..i + 6] == b"coding" && matches!(line[i + 6], b':' | b'=') {
            let mut t = i + 7;
            while t < line.len() && matches!(line[t], b' ' | b'\t') {
                t += 1;
            }
            let begin = t;
            while t < line.len() && (line[t].is_ascii_alphanumeric() || matches!(line[t], b'-' | b'_' | b'.')) {
                t += 1;
            }
            if t > begin {
                let name = String::from_utf8_lossy(&line[begin..t]).into_owned();
                return Some(normal_name(name));
            }
        }
        i += 1;
    }
    None
}

/// CPython's `get_normal_name`: the spellings of UTF-8 and Latin-1 it knows
/// (judged on the first 12 characters, lowercased, `_` as `-`).
fn normal_name(name: String) -> String {
    let head: String = name.chars().take(12).map(|c| if c == '_' { '-' } else { c.to_ascii_lowercase() }).collect();
    if head == "utf-8" || head.starts_with("utf-8-") {
        return "utf-8".into();
    }
    let latin1 = ["latin-1", "iso-8859-1", "iso-latin-1"];
    if latin1.iter().any(|l| head == *l || (head.starts_with(l) && head.as_bytes().get(l.len()) == Some(&b'-'))) {
        return "iso-8859-1".into();
    }
    name
}

#[derive(Clone, Copy, Debug, PartialEq)]
enum Codec {
    Utf8,
    Ascii,
    Latin1,
    /// Decoded by encoding_rs; the name is Python's, for error messages.
    Other(&'static encoding_rs::Encoding, &'static str),
}

enum Lookup {
    Text(Codec),
    NotText,
    Unknown,
}

/// Python's codec lookup for the encodings it shares with encoding_rs.
fn lookup(name: &str) -> Lookup {
    use encoding_rs::*;
    // encodings.normalize_encoding, lowercased: runs of other characters
    // than letters, digits and `.` become one `_`.
    let mut norm = String::with_capacity(name.len());
    for c in name.chars() {
        if c.is_ascii_alphanumeric() || c == '.' {
            norm.push(c.to_ascii_lowercase());
        } else if !norm.is_empty() && !norm.ends_with('_') {
            norm.push('_');
        }
    }
    while norm.ends_with('_') {
        norm.pop();
    }
    let single = |e: &'static Encoding| Lookup::Text(Codec::Other(e, "charmap"));
    match norm.as_str() {
        "utf_8" | "utf8" | "u8" | "utf" | "utf8_ucs2" | "utf8_ucs4" | "cp65001" | "utf_8_sig" => {
            Lookup::Text(Codec::Utf8)
        }
        "ascii" | "us_ascii" | "646" | "us" | "ansi_x3.4_1968" | "ansi_x3_4_1968" | "ansi_x3.4_1986" | "cp367"
        | "csascii" | "ibm367" | "iso646_us" | "iso_646.irv_1991" | "iso_ir_6" => Lookup::Text(Codec::Ascii),
        "latin_1" | "latin1" | "latin" | "l1" | "8859" | "cp819" | "csisolatin1" | "ibm819" | "iso8859"
        | "iso8859_1" | "iso_8859_1" | "iso_8859_1_1987" | "iso_ir_100" => Lookup::Text(Codec::Latin1),
        "iso8859_2" | "iso_8859_2" | "latin2" | "l2" => single(ISO_8859_2),
        "iso8859_3" | "iso_8859_3" | "latin3" | "l3" => single(ISO_8859_3),
        "iso8859_4" | "iso_8859_4" | "latin4" | "l4" => single(ISO_8859_4),
        "iso8859_5" | "iso_8859_5" | "cyrillic" => single(ISO_8859_5),
        "iso8859_6" | "iso_8859_6" | "arabic" => single(ISO_8859_6),
        "iso8859_7" | "iso_8859_7" | "greek" | "greek8" => single(ISO_8859_7),
        "iso8859_8" | "iso_8859_8" | "hebrew" => single(ISO_8859_8),
        "iso8859_10" | "iso_8859_10" | "latin6" | "l6" => single(ISO_8859_10),
        "iso8859_13" | "iso_8859_13" | "latin7" | "l7" => single(ISO_8859_13),
        "iso8859_14" | "iso_8859_14" | "latin8" | "l8" => single(ISO_8859_14),
        "iso8859_15" | "iso_8859_15" | "latin9" | "l9" => single(ISO_8859_15),
        "iso8859_16" | "iso_8859_16" | "latin10" | "l10" => single(ISO_8859_16),
        "cp1250" | "windows_1250" => single(WINDOWS_1250),
        "cp1251" | "windows_1251" => single(WINDOWS_1251),
        "cp1252" | "windows_1252" => single(WINDOWS_1252),
        "cp1253" | "windows_1253" => single(WINDOWS_1253),
        "cp1254" | "windows_1254" => single(WINDOWS_1254),
        "cp1255" | "windows_1255" => single(WINDOWS_1255),
        "cp1256" | "windows_1256" => single(WINDOWS_1256),
        "cp1257" | "windows_1257" => single(WINDOWS_1257),
        "cp1258" | "windows_1258" => single(WINDOWS_1258),
        "cp874" => single(WINDOWS_874),
        "cp866" | "866" | "ibm866" | "csibm866" => single(IBM866),
        "koi8_r" | "cskoi8r" => single(KOI8_R),
        "koi8_u" => single(KOI8_U),
        "mac_roman" | "macroman" | "macintosh" => single(MACINTOSH),
        "mac_cyrillic" | "maccyrillic" => single(X_MAC_CYRILLIC),
        "gbk" | "cp936" | "ms936" | "936" | "gb2312" | "euc_cn" | "euccn" | "chinese" | "csiso58gb231280"
        | "iso_ir_58" | "gb2312_1980" | "gb2312_80" => Lookup::Text(Codec::Other(GBK, "gbk")),
        "gb18030" | "gb18030_2000" => Lookup::Text(Codec::Other(GB18030, "gb18030")),
        "big5" | "big5_tw" | "csbig5" | "big5hkscs" | "big5_hkscs" | "hkscs" | "cp950" | "ms950" => {
            Lookup::Text(Codec::Other(BIG5, "big5"))
        }
        "euc_jp" | "eucjp" | "ujis" | "u_jis" => Lookup::Text(Codec::Other(EUC_JP, "euc_jp")),
        "shift_jis" | "shiftjis" | "sjis" | "s_jis" | "csshiftjis" | "cp932" | "ms932" | "mskanji" | "ms_kanji"
        | "932" => Lookup::Text(Codec::Other(SHIFT_JIS, "shift_jis")),
        "euc_kr" | "euckr" | "korean" | "ksc5601" | "ks_c_5601" | "ks_c_5601_1987" | "ksx1001" | "ks_x_1001"
        | "cp949" | "949" | "ms949" | "uhc" => Lookup::Text(Codec::Other(EUC_KR, "euc_kr")),
        "iso2022_jp" | "iso_2022_jp" | "csiso2022jp" | "iso2022jp" => {
            Lookup::Text(Codec::Other(ISO_2022_JP, "iso2022_jp"))
        }
        "utf_16" | "utf16" | "u16" | "utf_16_le" | "utf_16le" | "unicodelittleunmarked" => {
            Lookup::Text(Codec::Other(UTF_16LE, "utf-16-le"))
        }
        "utf_16_be" | "utf_16be" | "unicodebigunmarked" => Lookup::Text(Codec::Other(UTF_16BE, "utf-16-be")),
        "rot13" | "rot_13" | "hex" | "hex_codec" | "base64" | "base_64" | "base64_codec" | "zlib" | "zip"
        | "zlib_codec" | "bz2" | "bz2_codec" | "uu" | "uu_codec" | "quopri" | "quopri_codec" | "quotedprintable"
        | "quoted_printable" => Lookup::NotText,
        _ => Lookup::Unknown,
    }
}

impl Codec {
    /// Strict decoding; the error is CPython's UnicodeDecodeError message.
    fn decode(self, bytes: &[u8]) -> Result<String, SyntaxError> {
        match self {
            Codec::Utf8 => std::str::from_utf8(bytes).map(str::to_owned).map_err(|e| {
                let reason =
                    if e.error_len().is_none() { "unexpected end of data" } else { "invalid continuation byte" };
                decode_error("utf-8", bytes[e.valid_up_to()], e.valid_up_to(), reason)
            }),
            Codec::Ascii => match bytes.iter().position(|&b| b >= 0x80) {
                Some(i) => Err(decode_error("ascii", bytes[i], i, "ordinal not in range(128)")),
                None => Ok(bytes.iter().map(|&b| b as char).collect()),
            },
            // A true Latin-1 decoding (the WHATWG label maps to windows-1252).
            Codec::Latin1 => Ok(bytes.iter().map(|&b| b as char).collect()),
            Codec::Other(enc, name) => {
                let mut decoder = enc.new_decoder_without_bom_handling();
                let mut out = String::with_capacity(
                    decoder.max_utf8_buffer_length_without_replacement(bytes.len()).unwrap_or(bytes.len() * 3),
                );
                let (result, read) = decoder.decode_to_string_without_replacement(bytes, &mut out, true);
                match result {
                    encoding_rs::DecoderResult::InputEmpty => Ok(out),
                    encoding_rs::DecoderResult::Malformed(bad, after) => {
                        let at = read.saturating_sub(bad as usize + after as usize);
                        let reason = if name == "charmap" {
                            "character maps to <undefined>"
                        } else if at + bad as usize >= bytes.len() {
                            "incomplete multibyte sequence"
                        } else {
                            "illegal multibyte sequence"
                        };
                        Err(decode_error(name, bytes.get(at).copied().unwrap_or(0), at, reason))
                    }
                    encoding_rs::DecoderResult::OutputFull => Err(decode_error(name, 0, read, "output buffer full")),
                }
            }
        }
    }
}

fn decode_error(codec: &str, byte: u8, position: usize, reason: &str) -> SyntaxError {
    plain_error(format!("'{codec}' codec can't decode byte 0x{byte:02x} in position {position}: {reason}"))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn msg(src: &[u8]) -> String {
        decode_source_named(src, "f.py").unwrap_err().msg
    }

    #[test]
    fn utf8_default_and_bom() {
        assert_eq!(decode_source(b"x = 1\n").unwrap(), "x = 1\n");
        assert_eq!(decode_source("x = 'é'\n".as_bytes()).unwrap(), "x = 'é'\n");
        assert_eq!(decode_source(b"\xef\xbb\xbfx = 1\n").unwrap(), "x = 1\n");
        assert_eq!(decode_source(b"\xef\xbb\xbf# coding: utf-8\nx = 1\n").unwrap(), "# coding: utf-8\nx = 1\n");
        assert_eq!(decode_source(b"\xef\xbb\xbf# coding=UTF_8_SIG\n").unwrap(), "# coding=UTF_8_SIG\n");
    }

    #[test]
    fn newlines_are_translated() {
        assert_eq!(decode_source(b"a\r\nb\rc\n\r").unwrap(), "a\nb\nc\n\n");
        assert_eq!(translate_newlines("x\r\r\ny"), "x\n\ny");
        // CPython's quirk: a final `\r\n` gives one more line.
        assert_eq!(translate_newlines("x\r\n"), "x\n\n");
        assert_eq!(translate_newlines("x\r\ny\r"), "x\ny\n");
        assert_eq!(decode_source(b"# coding: latin-1\r\nx='\xe9'\r\n").unwrap(), "# coding: latin-1\nx='é'\n\n");
        assert!(matches!(translate_newlines("x\ny"), Cow::Borrowed(_)));
    }

    #[test]
    fn cookies() {
        assert_eq!(
            decode_source(b"# -*- coding: latin-1 -*-\nx = '\xe9\x80'\n").unwrap(),
            "# -*- coding: latin-1 -*-\nx = 'é\u{80}'\n"
        );
        assert_eq!(decode_source(b"\n# coding: latin1\nx='\xe9'\n").unwrap(), "\n# coding: latin1\nx='é'\n");
        assert_eq!(decode_source(b"  # coding: ISO_8859_1\nx='\xe9'\n").unwrap(), "  # coding: ISO_8859_1\nx='é'\n");
        assert_eq!(decode_source(b"#coding:latin-1-x\nx='\xe9'").unwrap(), "#coding:latin-1-x\nx='é'");
        assert_eq!(
            decode_source(b"#!/usr/bin/python\n# vim: set fileencoding=iso-8859-15 :\nx = '\xa4'\n").unwrap(),
            "#!/usr/bin/python\n# vim: set fileencoding=iso-8859-15 :\nx = '€'\n"
        );
        assert_eq!(decode_source(b"# coding: cp1252\nx = '\x80'\n").unwrap(), "# coding: cp1252\nx = '€'\n");
        assert_eq!(decode_source(b"# coding: euc-jp\nx = '\xa4\xa2'\n").unwrap(), "# coding: euc-jp\nx = 'あ'\n");
        assert_eq!(decode_source(b"# coding: koi8-r\nx = '\xc1'\n").unwrap(), "# coding: koi8-r\nx = 'а'\n");
        assert_eq!(decode_source(b"#\r# coding: latin-1\r\nx='\xe9'").unwrap(), "#\n# coding: latin-1\nx='é'");
        // From CPython's test_source_encoding: the first cookie wins, bytes
        // on the cookie line are decoded too, CJK codecs.
        assert_eq!(
            decode_source(b"#coding:iso8859-15 coding:latin1\n'\xa4'").unwrap(),
            "#coding:iso8859-15 coding:latin1\n'€'"
        );
        assert_eq!(decode_source(b"#coding:iso-8859-15 \xa4\n'\xc3\xa4'").unwrap(), "#coding:iso-8859-15 €\n'Ã€'");
        assert_eq!(
            decode_source(b"#coding:iso-8859-15\n#coding:latin1\n'\xa4'").unwrap(),
            "#coding:iso-8859-15\n#coding:latin1\n'€'"
        );
        assert_eq!(decode_source(b"# coding: cp949\na = '\xaa\xa7'\n").unwrap(), "# coding: cp949\na = 'ぇ'\n");
        assert_eq!(decode_source(b"# coding: cp932\n'\x94\x4e'").unwrap(), "# coding: cp932\n'年'");
        // Not cookies: code before it, a third line, no name, no separator.
        assert!(decode_source(b"x = 1 # coding: latin1\nx='\xe9'\n").is_err());
        assert!(decode_source(b"x=1\n# coding: latin-1\nx = '\xe9'\n").is_err());
        assert!(decode_source(b"#\n#\n# coding: latin-1\nx = '\xe9'\n").is_err());
        assert_eq!(decode_source(b"# coding:\nx=1\n").unwrap(), "# coding:\nx=1\n");
        assert_eq!(decode_source(b"# codingg: foo\n").unwrap(), "# codingg: foo\n");
    }

    #[test]
    fn errors() {
        assert_eq!(msg(b"\xef\xbb\xbf# coding: latin-1\nx=1\n"), "encoding problem: iso-8859-1 with BOM");
        assert_eq!(msg(b"\xef\xbb\xbf# coding: foo\nx=1\n"), "encoding problem: foo with BOM");
        assert_eq!(msg(b"# coding: foo\nx=1\n"), "unknown encoding: foo");
        assert_eq!(msg(b"#!python\n# coding: mbcs\n"), "unknown encoding: mbcs");
        assert_eq!(
            msg(b"# coding: rot13\nx=1\n"),
            "'rot13' is not a text encoding; use codecs.decode() to handle arbitrary codecs"
        );
        assert_eq!(
            msg(b"# coding: ascii\nx = '\xe9'\n"),
            "'ascii' codec can't decode byte 0xe9 in position 21: ordinal not in range(128)"
        );
        assert_eq!(
            msg(b"x = 1\ny = '\xe9'\n"),
            "Non-UTF-8 code starting with '\\xe9' in file f.py on line 2, but no encoding declared; \
             see https://peps.python.org/pep-0263/ for details"
        );
        assert_eq!(
            msg(b"x=1\r\n\r\n\r# \xff\n"),
            "Non-UTF-8 code starting with '\\xff' in file f.py on line 4, but no encoding declared; \
             see https://peps.python.org/pep-0263/ for details"
        );
        assert!(declares_encoding(b"\xef\xbb\xbfx = 1\n"));
        assert!(declares_encoding(b"#!/bin/python\n# coding: utf-8\n"));
        assert!(!declares_encoding(b"x = 1\n# coding: utf-8\n"));
        for bad in [&b"\xff\x20"[..], b"\xef\x20", b"\xef\xbb\x20"] {
            assert!(msg(bad).starts_with("Non-UTF-8 code starting with"), "{bad:?}");
        }
        let e = decode_source(b"# coding: foo\n").unwrap_err();
        assert_eq!((e.kind, e.lineno, e.offset, e.text), (SyntaxErrorKind::SyntaxError, 0, 0, None));
    }
}
