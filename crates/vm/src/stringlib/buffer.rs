//! `StrData`: the PEP 393 storage of a str, and `StrBuilder` to make one.

use std::cmp::Ordering;
use std::fmt;

/// The storage kind of a string, ordered from narrowest to widest.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum Kind {
    /// One byte per code point, all below 0x80 (also valid UTF-8).
    Ascii,
    /// One byte per code point, at least one in 0x80..=0xFF.
    Latin1,
    /// Two bytes per code point (UCS-2), at least one in 0x100..=0xFFFF.
    Ucs2,
    /// Four bytes per code point (UCS-4), at least one above 0xFFFF.
    Ucs4,
}

impl Kind {
    /// The narrowest kind that can hold `cp`.
    #[inline]
    pub fn of(cp: u32) -> Kind {
        if cp < 0x80 {
            Kind::Ascii
        } else if cp < 0x100 {
            Kind::Latin1
        } else if cp < 0x10000 {
            Kind::Ucs2
        } else {
            Kind::Ucs4
        }
    }

    /// Bytes per code point: 1, 2 or 4 (CPython's PyUnicode_KIND).
    #[inline]
    pub fn width(self) -> usize {
        match self {
            Kind::Ascii | Kind::Latin1 => 1,
            Kind::Ucs2 => 2,
            Kind::Ucs4 => 4,
        }
    }

    /// The largest code point this kind holds.
    pub fn max_char(self) -> u32 {
        match self {
            Kind::Ascii => 0x7F,
            Kind::Latin1 => 0xFF,
            Kind::Ucs2 => 0xFFFF,
            Kind::Ucs4 => 0x10FFFF,
        }
    }
}

/// Errors of string operations, for the caller to raise as Python exceptions.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum StrError {
    /// MemoryError: the result cannot be allocated.
    Memory,
    /// OverflowError with this message (the result length exceeds `isize::MAX`).
    Overflow(&'static str),
    /// ValueError with this message (e.g. "empty separator").
    Value(&'static str),
}

/// ASCII text of at most this many bytes lives inside the str object itself
/// (no second allocation); the str payload keeps its size.
const INLINE_CAP: usize = 30;

/// Short ASCII text stored in place. Bytes past `len` are zero.
#[derive(Clone)]
struct Inline {
    len: u8,
    buf: [u8; INLINE_CAP],
}

impl Inline {
    /// `b` (ASCII) in place, or None when too long.
    #[inline]
    fn new(b: &[u8]) -> Option<Inline> {
        debug_assert!(b.is_ascii());
        if b.len() > INLINE_CAP {
            return None;
        }
        let mut buf = [0u8; INLINE_CAP];
        buf[..b.len()].copy_from_slice(b);
        Some(Inline { len: b.len() as u8, buf })
    }

    #[inline]
    fn bytes(&self) -> &[u8] {
        &self.buf[..self.len as usize]
    }

    /// The text, without the UTF-8 check `str::from_utf8` would make on
    /// every call (names are looked up through this constantly).
    #[inline]
    fn as_str(&self) -> &str {
        debug_assert!(self.bytes().is_ascii());
        // SAFETY: an Inline only ever holds ASCII (every constructor copies
        // bytes of ASCII text: `ascii_bytes`, ASCII-checked input, or slices
        // and concatenations of those), and ASCII is valid UTF-8.
        unsafe { std::str::from_utf8_unchecked(self.bytes()) }
    }
}

/// The representation. ASCII text is `Inline` exactly when it fits, so each
/// kind has one canonical form.
#[derive(Clone)]
enum Repr {
    Inline(Inline),
    Ascii(String),
    Latin1(Vec<u8>),
    /// Native-endian u16 units (as CPython's buffer, so hashes agree).
    Ucs2(Vec<u8>),
    /// Native-endian u32 units.
    Ucs4(Vec<u8>),
}

/// An immutable str value stored as PEP 393 does: always the narrowest kind, so
/// equal strings have equal kinds and bytes. Lone surrogates are allowed.
#[derive(Clone)]
pub struct StrData {
    repr: Repr,
}

impl Eq for StrData {}

impl std::hash::Hash for StrData {
    fn hash<H: std::hash::Hasher>(&self, state: &mut H) {
        self.kind().hash(state);
        self.kind_bytes().hash(state);
    }
}

/// The representation of ASCII text `s`.
#[inline]
fn ascii_str(s: &str) -> Repr {
    match Inline::new(s.as_bytes()) {
        Some(i) => Repr::Inline(i),
        None => Repr::Ascii(String::from(s)),
    }
}

/// The representation of ASCII text `s`, reusing its buffer when it does not fit in place.
#[inline]
fn ascii_string(s: String) -> Repr {
    match Inline::new(s.as_bytes()) {
        Some(i) => Repr::Inline(i),
        None => Repr::Ascii(exact(s)),
    }
}

impl PartialEq for StrData {
    /// Same kind and same units. Empty strings compare without memcmp: an
    /// empty buffer's dangling pointer sends the vectorized memcmp down a slow
    /// masked-load path.
    #[inline]
    fn eq(&self, other: &Self) -> bool {
        if let (Repr::Inline(a), Repr::Inline(b)) = (&self.repr, &other.repr) {
            // Zero past the end: one fixed-size comparison.
            return a.len == b.len && a.buf == b.buf;
        }
        let (a, b) = (self.kind_bytes(), other.kind_bytes());
        a.len() == b.len() && self.kind() == other.kind() && (a.is_empty() || a == b)
    }
}

/// A string without spare capacity: only strings grown in place by
/// `append_in_place` keep room to grow.
fn exact(mut s: String) -> String {
    s.shrink_to_fit();
    s
}

fn exact_vec(mut v: Vec<u8>) -> Vec<u8> {
    v.shrink_to_fit();
    v
}

#[inline]
fn read(bytes: &[u8], width: usize, i: usize) -> u32 {
    match width {
        1 => bytes[i] as u32,
        2 => u16::from_ne_bytes([bytes[2 * i], bytes[2 * i + 1]]) as u32,
        _ => u32::from_ne_bytes([bytes[4 * i], bytes[4 * i + 1], bytes[4 * i + 2], bytes[4 * i + 3]]),
    }
}

#[inline]
fn write(buf: &mut Vec<u8>, width: usize, cp: u32) {
    match width {
        1 => buf.push(cp as u8),
        2 => buf.extend_from_slice(&(cp as u16).to_ne_bytes()),
        _ => buf.extend_from_slice(&cp.to_ne_bytes()),
    }
}

impl Default for StrData {
    fn default() -> Self {
        StrData::new()
    }
}

impl StrData {
    /// The empty string.
    pub fn new() -> Self {
        StrData { repr: Repr::Inline(Inline { len: 0, buf: [0; INLINE_CAP] }) }
    }

    /// The string of one code point (`chr(cp)`); `cp` must be at most 0x10FFFF.
    pub fn from_char(cp: u32) -> Self {
        let mut b = StrBuilder::with_capacity(1, Kind::of(cp));
        b.push(cp);
        b.finish()
    }

    /// The string of a Rust `&str` (never contains surrogates).
    #[allow(clippy::should_implement_trait)]
    pub fn from_str(s: &str) -> Self {
        if s.is_ascii() {
            return StrData { repr: ascii_str(s) };
        }
        let max = s.chars().map(u32::from).max().unwrap_or(0);
        let mut b = StrBuilder::with_capacity(s.len(), Kind::of(max));
        for c in s.chars() {
            b.push(c as u32);
        }
        b.finish()
    }

    /// The string of these bytes when they are all ASCII (one exact allocation).
    pub fn from_ascii(bytes: &[u8]) -> Option<Self> {
        if !bytes.is_ascii() {
            return None;
        }
        if let Some(i) = Inline::new(bytes) {
            return Some(StrData { repr: Repr::Inline(i) });
        }
        String::from_utf8(bytes.to_vec()).ok().map(|s| StrData { repr: Repr::Ascii(s) })
    }

    /// The string of this buffer when it is all ASCII, reusing it.
    pub fn from_ascii_vec(bytes: Vec<u8>) -> Option<Self> {
        if !bytes.is_ascii() {
            return None;
        }
        String::from_utf8(bytes).ok().map(|s| StrData { repr: ascii_string(s) })
    }

    /// The string of a Rust `String`, reusing its buffer when it is ASCII.
    pub fn from_string(s: String) -> Self {
        if s.is_ascii() {
            return StrData { repr: ascii_string(s) };
        }
        StrData::from_str(&s)
    }

    /// The string whose code points are the given Latin-1 bytes.
    pub fn from_latin1(bytes: &[u8]) -> Self {
        if bytes.is_ascii() {
            let s = bytes.iter().map(|&b| b as char).collect::<String>();
            return StrData { repr: ascii_string(s) };
        }
        StrData { repr: Repr::Latin1(bytes.to_vec()) }
    }

    /// The string of a parser string value (generalized UTF-8, lone surrogates kept).
    pub fn from_wtf8(w: &syntax::wtf8::Wtf8Buf) -> Self {
        if let Some(s) = w.as_str() {
            return StrData::from_str(s);
        }
        let mut b = StrBuilder::new();
        for cp in w.code_points() {
            b.push(cp);
        }
        b.finish()
    }

    /// The text as generalized UTF-8 (lone surrogates as 3-byte sequences).
    pub fn to_wtf8(&self) -> syntax::wtf8::Wtf8Buf {
        let mut w = syntax::wtf8::Wtf8Buf::with_capacity(self.len());
        match self.as_str() {
            Some(s) => w.push_str(s),
            None => self.code_points().for_each(|c| w.push_code_point(c)),
        }
        w
    }

    /// Whether the string equals the Rust text `s`, without allocating.
    pub fn eq_str(&self, s: &str) -> bool {
        match self.as_str() {
            Some(a) => a == s,
            None => !s.is_ascii() && self.code_points().eq(s.chars().map(u32::from)),
        }
    }

    /// The string of these code points, or `None` if one is above 0x10FFFF.
    pub fn try_from_code_points<I: IntoIterator<Item = u32>>(cps: I) -> Option<Self> {
        let mut b = StrBuilder::new();
        for cp in cps {
            if cp > 0x10FFFF {
                return None;
            }
            b.push(cp);
        }
        Some(b.finish())
    }

    /// The string of these code points; any above 0x10FFFF becomes U+FFFD.
    pub fn from_code_points<'a, I: IntoIterator<Item = &'a u32>>(cps: I) -> Self {
        let mut b = StrBuilder::new();
        for &cp in cps {
            b.push(if cp > 0x10FFFF { 0xFFFD } else { cp });
        }
        b.finish()
    }

    /// The storage kind.
    #[inline]
    pub fn kind(&self) -> Kind {
        match self.repr {
            Repr::Inline(_) | Repr::Ascii(_) => Kind::Ascii,
            Repr::Latin1(_) => Kind::Latin1,
            Repr::Ucs2(_) => Kind::Ucs2,
            Repr::Ucs4(_) => Kind::Ucs4,
        }
    }

    /// The raw buffer (1, 2 or 4 native-endian bytes per code point), which str hashes.
    #[inline]
    pub fn kind_bytes(&self) -> &[u8] {
        match &self.repr {
            Repr::Inline(i) => i.bytes(),
            Repr::Ascii(s) => s.as_bytes(),
            Repr::Latin1(b) | Repr::Ucs2(b) | Repr::Ucs4(b) => b,
        }
    }

    #[inline]
    pub(crate) fn raw(&self) -> (&[u8], usize) {
        (self.kind_bytes(), self.kind().width())
    }

    /// Number of code points, O(1).
    #[inline]
    pub fn len(&self) -> usize {
        // Constant divisors per kind (a division by the width would be a real one).
        match &self.repr {
            Repr::Inline(i) => i.len as usize,
            Repr::Ascii(s) => s.len(),
            Repr::Latin1(b) => b.len(),
            Repr::Ucs2(b) => b.len() / 2,
            Repr::Ucs4(b) => b.len() / 4,
        }
    }

    /// Whether the string is empty.
    #[inline]
    pub fn is_empty(&self) -> bool {
        self.kind_bytes().is_empty()
    }

    /// The code point at `i`, O(1). Panics if `i >= len()`: callers check bounds.
    #[inline]
    pub fn get(&self, i: usize) -> u32 {
        let (b, w) = self.raw();
        read(b, w, i)
    }

    /// The code point at `i`, or `None` when out of range.
    #[inline]
    pub fn try_get(&self, i: usize) -> Option<u32> {
        (i < self.len()).then(|| self.get(i))
    }

    /// The text as `&str` when it is ASCII, at no cost.
    #[inline]
    pub fn as_str(&self) -> Option<&str> {
        match &self.repr {
            Repr::Inline(i) => Some(i.as_str()),
            Repr::Ascii(s) => Some(s),
            _ => None,
        }
    }

    /// The bytes when the text is ASCII (no UTF-8 check, unlike `as_str`).
    #[inline]
    fn ascii_bytes(&self) -> Option<&[u8]> {
        match &self.repr {
            Repr::Inline(i) => Some(i.bytes()),
            Repr::Ascii(s) => Some(s.as_bytes()),
            _ => None,
        }
    }

    /// For ASCII text: a copy with `f` applied to every byte (which must map
    /// ASCII to ASCII, as the ASCII case mappings do); None otherwise.
    pub fn map_ascii_bytes(&self, f: impl Fn(u8) -> u8) -> Option<StrData> {
        let mut out = match &self.repr {
            Repr::Inline(i) => Repr::Inline(i.clone()),
            Repr::Ascii(s) => Repr::Ascii(s.clone()),
            _ => return None,
        };
        let bytes: &mut [u8] = match &mut out {
            Repr::Inline(i) => &mut i.buf[..i.len as usize],
            Repr::Ascii(s) => {
                let mut v = std::mem::take(s).into_bytes();
                v.iter_mut().for_each(|b| *b = f(*b));
                return StrData::from_ascii_vec(v);
            }
            _ => return None,
        };
        bytes.iter_mut().for_each(|b| *b = f(*b));
        if !bytes.is_ascii() {
            return None;
        }
        Some(StrData { repr: out })
    }

    /// Whether all code points are below 0x80 (`str.isascii()`), O(1).
    #[inline]
    pub fn is_ascii(&self) -> bool {
        matches!(self.repr, Repr::Inline(_) | Repr::Ascii(_))
    }

    /// The Latin-1 bytes when every code point is below 0x100.
    pub fn as_latin1(&self) -> Option<&[u8]> {
        match &self.repr {
            Repr::Inline(i) => Some(i.bytes()),
            Repr::Ascii(s) => Some(s.as_bytes()),
            Repr::Latin1(b) => Some(b),
            _ => None,
        }
    }

    /// The code points, in order.
    pub fn code_points(&self) -> CodePoints<'_> {
        let (bytes, width) = self.raw();
        CodePoints { bytes, width, front: 0, back: self.len() }
    }

    /// The largest code point (0 for the empty string), O(n).
    pub fn max_char(&self) -> u32 {
        self.code_points().max().unwrap_or(0)
    }

    /// Whether the string holds a lone surrogate (U+D800..U+DFFF).
    pub fn has_surrogates(&self) -> bool {
        self.kind() >= Kind::Ucs2 && self.code_points().any(|c| (0xD800..=0xDFFF).contains(&c))
    }

    /// UTF-8 text with each lone surrogate replaced by U+FFFD.
    pub fn to_string_lossy(&self) -> String {
        if let Some(s) = self.as_str() {
            return s.to_owned();
        }
        self.code_points().map(|c| char::from_u32(c).unwrap_or('\u{FFFD}')).collect()
    }

    /// The text as a `String` when it has no lone surrogate.
    pub fn to_string_checked(&self) -> Option<String> {
        if let Some(s) = self.as_str() {
            return Some(s.to_owned());
        }
        self.code_points().map(char::from_u32).collect()
    }

    /// The substring of code points `start..end` (clamped to the length).
    pub fn slice(&self, start: usize, end: usize) -> StrData {
        let len = self.len();
        let end = end.min(len);
        let start = start.min(end);
        if start == 0 && end == len {
            return self.clone();
        }
        if let Some(b) = self.ascii_bytes() {
            if let Some(i) = Inline::new(&b[start..end]) {
                return StrData { repr: Repr::Inline(i) };
            }
        }
        if let Some(s) = self.as_str() {
            return StrData { repr: ascii_str(&s[start..end]) };
        }
        let (b, w) = self.raw();
        let mut out = StrBuilder::with_capacity(end - start, self.kind());
        out.push_raw(&b[start * w..end * w], w, self.kind());
        out.finish_narrowed()
    }

    /// `s[start::step]` taking `count` code points, with indexes already adjusted as
    /// `PySlice_AdjustIndices` does (every taken index is in range).
    pub fn slice_step(&self, start: usize, step: isize, count: usize) -> StrData {
        if step == 1 {
            return self.slice(start, start.saturating_add(count));
        }
        let mut out = StrBuilder::with_capacity(count, self.kind());
        let len = self.len();
        let mut i = start as isize;
        for _ in 0..count {
            if i < 0 || i as usize >= len {
                break;
            }
            out.push(self.get(i as usize));
            i += step;
        }
        out.finish()
    }

    /// `self + other`.
    pub fn concat(&self, other: &StrData) -> Result<StrData, StrError> {
        if other.is_empty() {
            return Ok(self.clone());
        }
        if self.is_empty() {
            return Ok(other.clone());
        }
        let total = self.len().checked_add(other.len()).filter(|&n| n <= isize::MAX as usize);
        let total = total.ok_or(StrError::Overflow("strings are too large to concat"))?;
        if let (Some(a), Some(b)) = (self.ascii_bytes(), other.ascii_bytes()) {
            if total <= INLINE_CAP {
                let mut buf = [0u8; INLINE_CAP];
                buf[..a.len()].copy_from_slice(a);
                buf[a.len()..total].copy_from_slice(b);
                return Ok(StrData { repr: Repr::Inline(Inline { len: total as u8, buf }) });
            }
            let (Some(a), Some(b)) = (self.as_str(), other.as_str()) else { return Err(StrError::Memory) };
            let mut s = String::new();
            s.try_reserve_exact(total).map_err(|_| StrError::Memory)?;
            s.push_str(a);
            s.push_str(b);
            return Ok(StrData { repr: Repr::Ascii(s) });
        }
        let mut out = StrBuilder::try_with_capacity(total, self.kind().max(other.kind()))?;
        out.push_str(self);
        out.push_str(other);
        Ok(out.finish())
    }

    /// `self += other` in place, growing self's buffer (amortized by the
    /// allocator) when both have the same width; false, self unchanged, when
    /// the kinds differ in width or memory runs out.
    pub fn append_in_place(&mut self, other: &StrData) -> bool {
        let self_kind = self.kind();
        if self_kind.width() != other.kind().width() {
            return false;
        }
        let kind = self_kind.max(other.kind());
        let old = std::mem::replace(&mut self.repr, Repr::Ascii(String::new()));
        let (repr, appended) = match (old, other.as_str()) {
            (Repr::Inline(i), Some(b)) if i.bytes().len() + b.len() <= INLINE_CAP => {
                let mut i = i;
                let n = i.len as usize;
                i.buf[n..n + b.len()].copy_from_slice(b.as_bytes());
                i.len = (n + b.len()) as u8;
                (Repr::Inline(i), true)
            }
            (Repr::Inline(i), Some(b)) => {
                // Outgrows the in-place buffer: a heap String from now on, grown amortized.
                let mut s = String::new();
                let ok = s.try_reserve((i.bytes().len() + b.len()) * 2).is_ok();
                if ok {
                    s.push_str(i.as_str());
                    s.push_str(b);
                    (Repr::Ascii(s), true)
                } else {
                    (Repr::Inline(i), false)
                }
            }
            (Repr::Ascii(mut s), Some(b)) => {
                let ok = s.try_reserve(b.len()).is_ok();
                if ok {
                    s.push_str(b);
                }
                (Repr::Ascii(s), ok)
            }
            (old, _) => {
                let mut buf = match old {
                    Repr::Inline(i) => i.bytes().to_vec(),
                    Repr::Ascii(a) => a.into_bytes(),
                    Repr::Latin1(b) | Repr::Ucs2(b) | Repr::Ucs4(b) => b,
                };
                let (ob, _) = other.raw();
                if buf.try_reserve(ob.len()).is_ok() {
                    buf.extend_from_slice(ob);
                    (StrData::from_raw_parts(buf, kind).repr, true)
                } else {
                    (StrData::from_raw_parts(buf, self_kind).repr, false)
                }
            }
        };
        self.repr = repr;
        appended
    }

    /// `self * n` (a MemoryError or OverflowError instead of aborting when too big).
    pub fn repeat(&self, n: usize) -> Result<StrData, StrError> {
        if n == 0 || self.is_empty() {
            return Ok(StrData::new());
        }
        if n == 1 {
            return Ok(self.clone());
        }
        let len = self.len();
        if len > isize::MAX as usize / n {
            return Err(StrError::Overflow("repeated string is too long"));
        }
        let bytes = self.kind_bytes();
        let total = bytes.len().checked_mul(n).filter(|&t| t <= isize::MAX as usize).ok_or(StrError::Memory)?;
        let mut buf = Vec::new();
        buf.try_reserve_exact(total).map_err(|_| StrError::Memory)?;
        buf.extend_from_slice(bytes);
        // Doubling copies keep this fast for long results.
        while buf.len() < total {
            let take = buf.len().min(total - buf.len());
            buf.extend_from_within(..take);
        }
        Ok(StrData::from_raw_parts(buf, self.kind()))
    }

    /// `sep.join(items)`.
    pub fn join(&self, items: &[&StrData]) -> Result<StrData, StrError> {
        if items.len() == 1 {
            return Ok(items[0].clone());
        }
        let mut total: usize = 0;
        let mut kind = if items.len() > 1 { self.kind() } else { Kind::Ascii };
        for (k, it) in items.iter().enumerate() {
            let add = if k > 0 { self.len() } else { 0 } + it.len();
            total = total
                .checked_add(add)
                .filter(|&n| n <= isize::MAX as usize)
                .ok_or(StrError::Overflow("join() result is too long for a Python string"))?;
            kind = kind.max(it.kind());
        }
        if kind == Kind::Ascii {
            // All ASCII: bytes copied straight into the result (in place when short).
            let sep = self.ascii_bytes().unwrap_or(&[]);
            let parts = items.iter().map(|it| it.ascii_bytes().unwrap_or(&[]));
            if total <= INLINE_CAP {
                let mut buf = [0u8; INLINE_CAP];
                let mut n = 0;
                for (k, b) in parts.enumerate() {
                    if k > 0 {
                        buf[n..n + sep.len()].copy_from_slice(sep);
                        n += sep.len();
                    }
                    buf[n..n + b.len()].copy_from_slice(b);
                    n += b.len();
                }
                return Ok(StrData { repr: Repr::Inline(Inline { len: n as u8, buf }) });
            }
            let mut v = Vec::new();
            v.try_reserve_exact(total).map_err(|_| StrError::Memory)?;
            for (k, b) in parts.enumerate() {
                if k > 0 {
                    v.extend_from_slice(sep);
                }
                v.extend_from_slice(b);
            }
            return StrData::from_ascii_vec(v).ok_or(StrError::Memory);
        }
        let mut out = StrBuilder::try_with_capacity(total, kind)?;
        for (k, it) in items.iter().enumerate() {
            if k > 0 {
                out.push_str(self);
            }
            out.push_str(it);
        }
        Ok(out.finish())
    }

    /// Builds from a buffer of `kind` whose content needs exactly that kind.
    fn from_raw_parts(buf: Vec<u8>, kind: Kind) -> StrData {
        let repr = match kind {
            Kind::Ascii => match String::from_utf8(buf) {
                Ok(s) => ascii_string(s),
                Err(e) => Repr::Latin1(exact_vec(e.into_bytes())),
            },
            Kind::Latin1 => Repr::Latin1(exact_vec(buf)),
            Kind::Ucs2 => Repr::Ucs2(exact_vec(buf)),
            Kind::Ucs4 => Repr::Ucs4(exact_vec(buf)),
        };
        StrData { repr }
    }

    /// Index of the first code point of `self[start..end]` equal to `cp`.
    pub(crate) fn find_char(&self, cp: u32, start: usize, end: usize) -> Option<usize> {
        if Kind::of(cp) > self.kind() || start >= end {
            return None;
        }
        let (b, w) = self.raw();
        if w == 1 {
            return memchr::memchr(cp as u8, &b[start..end]).map(|i| i + start);
        }
        (start..end).find(|&i| read(b, w, i) == cp)
    }
}

impl PartialOrd for StrData {
    fn partial_cmp(&self, other: &Self) -> Option<Ordering> {
        Some(self.cmp(other))
    }
}

impl Ord for StrData {
    /// Code point order, as Python compares strings.
    fn cmp(&self, other: &Self) -> Ordering {
        if let (Some(a), Some(b)) = (self.as_latin1(), other.as_latin1()) {
            return a.cmp(b);
        }
        self.code_points().cmp(other.code_points())
    }
}

impl fmt::Debug for StrData {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.repr())
    }
}

impl fmt::Display for StrData {
    /// The text, lone surrogates shown as U+FFFD.
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self.as_str() {
            Some(s) => f.write_str(s),
            None => f.write_str(&self.to_string_lossy()),
        }
    }
}

impl From<&str> for StrData {
    fn from(s: &str) -> Self {
        StrData::from_str(s)
    }
}

/// Iterator over the code points of a `StrData`.
#[derive(Clone)]
pub struct CodePoints<'a> {
    bytes: &'a [u8],
    width: usize,
    front: usize,
    back: usize,
}

impl Iterator for CodePoints<'_> {
    type Item = u32;

    #[inline]
    fn next(&mut self) -> Option<u32> {
        if self.front >= self.back {
            return None;
        }
        let c = read(self.bytes, self.width, self.front);
        self.front += 1;
        Some(c)
    }

    fn size_hint(&self) -> (usize, Option<usize>) {
        let n = self.back - self.front;
        (n, Some(n))
    }
}

impl DoubleEndedIterator for CodePoints<'_> {
    #[inline]
    fn next_back(&mut self) -> Option<u32> {
        if self.front >= self.back {
            return None;
        }
        self.back -= 1;
        Some(read(self.bytes, self.width, self.back))
    }
}

impl ExactSizeIterator for CodePoints<'_> {}

/// Builds a `StrData` code point by code point, widening its buffer as needed and
/// narrowing to the canonical kind at the end.
pub struct StrBuilder {
    buf: Vec<u8>,
    /// The kind of `buf`.
    kind: Kind,
    /// The narrowest kind the content needs.
    need: Kind,
}

impl Default for StrBuilder {
    fn default() -> Self {
        StrBuilder::new()
    }
}

impl StrBuilder {
    /// An empty builder.
    pub fn new() -> Self {
        StrBuilder { buf: Vec::new(), kind: Kind::Ascii, need: Kind::Ascii }
    }

    /// A builder with room for `n` code points of up to `kind` (a hint; it still widens).
    pub fn with_capacity(n: usize, kind: Kind) -> Self {
        let kind = if kind == Kind::Latin1 { Kind::Ascii } else { kind };
        let mut buf = Vec::new();
        // Only a hint: a failed reservation leaves growth to the pushes.
        let _ = buf.try_reserve(n.saturating_mul(kind.width()));
        StrBuilder { buf, kind, need: Kind::Ascii }
    }

    /// As `with_capacity`, failing with `StrError::Memory` instead of aborting.
    pub fn try_with_capacity(n: usize, kind: Kind) -> Result<Self, StrError> {
        let mut b = StrBuilder::new();
        b.kind = if kind == Kind::Latin1 { Kind::Ascii } else { kind };
        b.try_reserve(n)?;
        Ok(b)
    }

    /// Reserves room for `n` more code points at the current width, fallibly.
    pub fn try_reserve(&mut self, n: usize) -> Result<(), StrError> {
        let bytes = n.checked_mul(self.kind.width()).ok_or(StrError::Memory)?;
        if self.buf.len().saturating_add(bytes) > isize::MAX as usize {
            return Err(StrError::Memory);
        }
        self.buf.try_reserve(bytes).map_err(|_| StrError::Memory)
    }

    /// Number of code points so far.
    pub fn len(&self) -> usize {
        self.buf.len() >> self.kind.width().trailing_zeros()
    }

    /// Whether nothing was pushed.
    pub fn is_empty(&self) -> bool {
        self.buf.is_empty()
    }

    fn widen(&mut self, to: Kind) {
        let (ow, nw) = (self.kind.width(), to.width());
        if nw > ow {
            let n = self.buf.len() / ow;
            let mut nb = Vec::with_capacity(self.buf.capacity() / ow * nw);
            for i in 0..n {
                write(&mut nb, nw, read(&self.buf, ow, i));
            }
            self.buf = nb;
        }
        self.kind = to;
    }

    /// Appends one code point (at most 0x10FFFF; the caller validates, as `chr()` does).
    #[inline]
    pub fn push(&mut self, cp: u32) {
        let k = Kind::of(cp);
        if k > self.need {
            self.need = k;
            if k.width() > self.kind.width() {
                self.widen(k);
            }
        }
        write(&mut self.buf, self.kind.width(), cp);
    }

    /// Appends the code points of UTF-8 text.
    pub fn push_utf8(&mut self, s: &str) {
        if s.is_ascii() && self.kind.width() == 1 {
            self.buf.extend_from_slice(s.as_bytes());
        } else {
            for c in s.chars() {
                self.push(c as u32);
            }
        }
    }

    /// Appends every code point of `s`.
    pub fn push_str(&mut self, s: &StrData) {
        let (b, w) = s.raw();
        self.push_raw(b, w, s.kind());
    }

    /// Appends code points `start..end` of `s` (clamped to its length).
    pub fn push_slice(&mut self, s: &StrData, start: usize, end: usize) {
        let end = end.min(s.len());
        let start = start.min(end);
        let (b, w) = s.raw();
        // The slice may need less than `s.kind()`; record only what it holds.
        if s.kind() == Kind::Ascii || end - start <= 16 {
            if w == 1 && self.kind.width() == 1 {
                self.need = self.need.max(if b[start..end].is_ascii() { Kind::Ascii } else { Kind::Latin1 });
                self.buf.extend_from_slice(&b[start..end]);
            } else {
                for i in start..end {
                    self.push(read(b, w, i));
                }
            }
            return;
        }
        let kind = raw_kind(&b[start * w..end * w], w);
        self.push_raw(&b[start * w..end * w], w, kind);
    }

    /// Appends raw units of width `w` whose content needs `kind`.
    fn push_raw(&mut self, bytes: &[u8], w: usize, kind: Kind) {
        if kind > self.need {
            self.need = kind;
            if kind.width() > self.kind.width() {
                self.widen(kind);
            }
        }
        if w == self.kind.width() {
            self.buf.extend_from_slice(bytes);
        } else {
            let n = bytes.len() / w;
            let nw = self.kind.width();
            self.buf.reserve(n * nw);
            for i in 0..n {
                write(&mut self.buf, nw, read(bytes, w, i));
            }
        }
    }

    /// The finished, canonical string.
    pub fn finish(self) -> StrData {
        if self.need.width() == self.kind.width() {
            let kind = if self.kind.width() == 1 { self.need } else { self.kind };
            return StrData::from_raw_parts(self.buf, kind);
        }
        let (ow, nw) = (self.kind.width(), self.need.width());
        let n = self.buf.len() / ow;
        let mut nb = Vec::with_capacity(n * nw);
        for i in 0..n {
            write(&mut nb, nw, read(&self.buf, ow, i));
        }
        StrData::from_raw_parts(nb, self.need)
    }

    /// `finish` for content whose kind was not tracked exactly (raw pushes of a
    /// possibly narrower part of a string): scans to find the canonical kind.
    fn finish_narrowed(mut self) -> StrData {
        let w = self.kind.width();
        self.need = raw_kind(&self.buf, w);
        self.finish()
    }
}

/// The narrowest kind holding the raw units of width `w`.
fn raw_kind(bytes: &[u8], w: usize) -> Kind {
    let n = bytes.len() / w;
    if w == 1 {
        return if bytes.is_ascii() { Kind::Ascii } else { Kind::Latin1 };
    }
    let mut max = 0;
    for i in 0..n {
        max = max.max(read(bytes, w, i));
    }
    Kind::of(max)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn s(x: &str) -> StrData {
        StrData::from_str(x)
    }

    #[test]
    fn kinds_are_canonical() {
        assert_eq!(s("abc").kind(), Kind::Ascii);
        assert_eq!(s("abé").kind(), Kind::Latin1);
        assert_eq!(s("a€").kind(), Kind::Ucs2);
        assert_eq!(s("a😀").kind(), Kind::Ucs4);
        assert_eq!(StrData::from_code_points(&[0x61, 0xD800]).kind(), Kind::Ucs2);
        assert_eq!(s("a😀€").slice(2, 3), s("€"));
        assert_eq!(s("a😀€").slice(2, 3).kind(), Kind::Ucs2);
        assert_eq!(s("é€x").slice(2, 3).kind(), Kind::Ascii);
        assert_eq!(s("é€x").slice(0, 1).kind(), Kind::Latin1);
        assert_eq!(StrData::from_latin1(b"ab\xff"), s("abÿ"));
        assert_eq!(StrData::from_latin1(b"ab").as_str(), Some("ab"));
        assert_eq!(StrData::try_from_code_points([0x110000]), None);
        assert_eq!(StrData::from_string("ab".to_owned()).kind(), Kind::Ascii);
        assert_eq!(StrData::from_string("a€".to_owned()), s("a€"));
    }

    #[test]
    fn access() {
        let x = s("h€llo😀");
        assert_eq!(x.len(), 6);
        assert_eq!(x.get(1), 0x20AC);
        assert_eq!(x.get(5), 0x1F600);
        assert_eq!(x.try_get(6), None);
        assert_eq!(x.code_points().next_back(), Some(0x1F600));
        assert!(x.eq_str("h€llo😀") && !x.eq_str("h€llo") && s("ab").eq_str("ab") && !s("ab").eq_str("abc"));
        let sur = StrData::from_code_points(&[0x61, 0xD800, 0xDC00]);
        assert_eq!(StrData::from_wtf8(&sur.to_wtf8()), sur);
        assert_eq!(sur.to_wtf8().code_points().count(), 3);
        assert_eq!(x.to_string_lossy(), "h€llo😀");
        assert_eq!(StrData::from_code_points(&[0x61, 0xDC80]).to_string_lossy(), "a\u{FFFD}");
        assert_eq!(s("ab").kind_bytes(), b"ab");
        assert_eq!(s("\u{100}").kind_bytes(), &0x100u16.to_ne_bytes());
        assert_eq!(x.max_char(), 0x1F600);
    }

    #[test]
    fn slicing() {
        let x = s("0123456789");
        // Python: '0123456789'[1:8:3] == '147', [::-1], [8:1:-2] == '8642'
        assert_eq!(x.slice_step(1, 3, 3), s("147"));
        assert_eq!(x.slice_step(9, -1, 10), s("9876543210"));
        assert_eq!(x.slice_step(8, -2, 4), s("8642"));
        assert_eq!(s("a€b😀").slice_step(0, 2, 2), s("ab"));
        assert_eq!(s("a€b😀").slice_step(0, 2, 2).kind(), Kind::Ascii);
        assert_eq!(x.slice(3, 100), s("3456789"));
        assert_eq!(x.slice(7, 3), s(""));
    }

    #[test]
    fn concat_repeat_join() {
        assert_eq!(s("ab").concat(&s("€")).unwrap(), s("ab€"));
        assert_eq!(s("ab").concat(&s("")).unwrap(), s("ab"));
        assert_eq!(s("é").repeat(3).unwrap(), s("ééé"));
        assert_eq!(s("ab").repeat(0).unwrap(), s(""));
        assert_eq!(s("😀x").repeat(5).unwrap().len(), 10);
        assert_eq!(s("ab").repeat(1 << 62), Err(StrError::Overflow("repeated string is too long")));
        assert_eq!(s("a").repeat(1 << 62), Err(StrError::Memory));
        assert_eq!(s("a").repeat(usize::MAX), Err(StrError::Overflow("repeated string is too long")));
        assert_eq!(s(", ").join(&[&s("a"), &s("€"), &s("c")]).unwrap(), s("a, €, c"));
        assert_eq!(s("€").join(&[&s("a")]).unwrap(), s("a"));
        assert_eq!(s("€").join(&[]).unwrap(), s(""));
        assert_eq!(s("€").join(&[&s("a"), &s("b")]).unwrap().kind(), Kind::Ucs2);
    }

    #[test]
    fn short_and_long_ascii_are_canonical() {
        use std::hash::{Hash, Hasher};
        fn h(x: &StrData) -> u64 {
            let mut st = std::collections::hash_map::DefaultHasher::new();
            x.hash(&mut st);
            st.finish()
        }
        for n in [0usize, 1, 29, 30, 31, 64] {
            let text = "abcdefghij".repeat(7)[..n].to_string();
            let a = s(&text);
            let b = StrData::from_string(text.clone());
            let c = StrData::from_ascii(text.as_bytes()).unwrap();
            let d = s(&format!("x{text}y")).slice(1, n + 1);
            let e = if n > 0 { s(&text[..n / 2]).concat(&s(&text[n / 2..])).unwrap() } else { s("") };
            let f = s("").join(&[&s(&text[..n / 3]), &s(&text[n / 3..])]).unwrap();
            for x in [&b, &c, &d, &e, &f] {
                assert!(*x == a, "{n}");
                assert_eq!(h(x), h(&a));
                assert_eq!(x.as_str(), Some(text.as_str()));
                assert_eq!(x.kind(), Kind::Ascii);
                assert_eq!(x.len(), n);
            }
        }
        assert!(s("ab") != s("abc") && s("abc") != s("abd") && s("") != s("a"));
        assert!(s(&"a".repeat(30)) != s(&"a".repeat(31)));
        assert_eq!(StrData::from_ascii(b"\xff"), None);
        assert_eq!(StrData::from_ascii_vec(b"ok".to_vec()), Some(s("ok")));
    }

    #[test]
    fn append_in_place_crosses_the_inline_size() {
        let mut acc = StrData::new();
        let mut expect = String::new();
        for i in 0..40 {
            let piece = format!("{i};");
            assert!(acc.append_in_place(&s(&piece)));
            expect.push_str(&piece);
            assert_eq!(acc, s(&expect));
            assert_eq!(acc.as_str(), Some(expect.as_str()));
        }
        let mut short = s("ab");
        assert!(short.append_in_place(&s("é")));
        assert_eq!(short, s("abé"));
        assert_eq!(short.kind(), Kind::Latin1);
        assert!(!s("ab").append_in_place(&s("€")));
    }

    #[test]
    fn ascii_case_map() {
        assert_eq!(s("item-1").map_ascii_bytes(|b| b.to_ascii_uppercase()), Some(s("ITEM-1")));
        let long = "abc-".repeat(20);
        assert_eq!(s(&long).map_ascii_bytes(|b| b.to_ascii_uppercase()), Some(s(&long.to_ascii_uppercase())));
        assert_eq!(s("é").map_ascii_bytes(|b| b), None);
    }

    #[test]
    fn ordering() {
        assert!(s("a") < s("b"));
        assert!(s("ab") > s("a"));
        assert!(s("\u{ff}") < s("\u{100}"));
        assert!(s("\u{ffff}") < s("\u{10000}"));
        assert!(s("\u{1ff}") < s("\u{200}"));
        assert!(StrData::from_code_points(&[0xD800]) < s("\u{E000}"));
        assert!(s("z") < s("é"));
        assert_eq!(s("é").cmp(&s("é")), Ordering::Equal);
    }
}
