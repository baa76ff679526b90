//! Searching and splitting: find/rfind/index/rindex/count, replace, split/rsplit,
//! splitlines, partition/rpartition, strip/lstrip/rstrip, startswith/endswith.

use std::borrow::Cow;

use memchr::memmem;

use super::buffer::{StrBuilder, StrData, StrError};
use super::unicode::{is_linebreak, is_space};

/// Python's slice clamping of `start`/`end` arguments (CPython's ADJUST_INDICES):
/// `None` means 0 and the end; negative values count from the end. The result may
/// have `start > end` or `start > len` (then nothing matches).
pub fn adjust_indices(start: Option<isize>, end: Option<isize>, len: usize) -> (usize, usize) {
    let len_i = len as isize;
    let end = match end {
        None => len,
        Some(e) if e > len_i => len,
        Some(e) if e < 0 => (e + len_i).max(0) as usize,
        Some(e) => e as usize,
    };
    let start = match start {
        None => 0,
        Some(s) if s < 0 => (s + len_i).max(0) as usize,
        Some(s) => s as usize,
    };
    (start, end)
}

/// Searches one needle (converted to the haystack's width) in one haystack.
struct Searcher<'a> {
    needle: Cow<'a, [u8]>,
    /// Prepared finder, for repeated forward searches in a long haystack.
    fwd: Option<memmem::Finder<'static>>,
    width: usize,
    /// Needle length in code points.
    m: usize,
}

impl<'a> Searcher<'a> {
    /// `None` when the needle cannot occur in `hay` (it needs a wider kind).
    fn new(needle: &'a StrData, hay: &StrData) -> Option<Searcher<'a>> {
        if needle.kind() > hay.kind() {
            return None;
        }
        let width = hay.kind().width();
        let bytes: Cow<[u8]> = if needle.kind().width() == width {
            Cow::Borrowed(needle.kind_bytes())
        } else {
            let mut v = Vec::with_capacity(needle.len() * width);
            for cp in needle.code_points() {
                match width {
                    2 => v.extend_from_slice(&(cp as u16).to_ne_bytes()),
                    _ => v.extend_from_slice(&cp.to_ne_bytes()),
                }
            }
            Cow::Owned(v)
        };
        Some(Searcher { needle: bytes, fwd: None, width, m: needle.len() })
    }

    /// As `new`, preparing for many forward searches (count, replace, split).
    fn repeated(needle: &'a StrData, hay: &StrData) -> Option<Searcher<'a>> {
        let mut s = Searcher::new(needle, hay)?;
        // memmem's one-shot search is cheaper than building a finder on short input.
        if hay.kind_bytes().len() >= 64 {
            s.fwd = Some(memmem::Finder::new(&s.needle).into_owned());
        }
        Some(s)
    }

    fn find_bytes(&self, hay: &[u8]) -> Option<usize> {
        match &self.fwd {
            Some(f) => f.find(hay),
            None => memmem::find(hay, &self.needle),
        }
    }

    /// First match in code points `start..end` of `hay` (a match at a byte offset that
    /// is not a code point boundary is skipped).
    fn find(&self, hay: &[u8], start: usize, end: usize) -> Option<usize> {
        let w = self.width;
        let end_b = end * w;
        let mut pos = start * w;
        while pos + self.m * w <= end_b {
            let at = pos + self.find_bytes(&hay[pos..end_b])?;
            if at % w == 0 {
                return Some(at / w);
            }
            pos = at + 1;
        }
        None
    }

    /// Last match in code points `start..end` of `hay`.
    fn rfind(&self, hay: &[u8], start: usize, end: usize) -> Option<usize> {
        let w = self.width;
        let start_b = start * w;
        let mut end_b = end * w;
        while start_b + self.m * w <= end_b {
            let at = start_b + memmem::rfind(&hay[start_b..end_b], &self.needle)?;
            if at % w == 0 {
                return Some(at / w);
            }
            // A later aligned match would have been found; look strictly before `at`.
            end_b = at + self.m * w - 1;
        }
        None
    }
}

/// Sorted set of code points for strip(chars).
struct CharSet(Vec<u32>);

impl CharSet {
    fn new(s: &StrData) -> CharSet {
        let mut v: Vec<u32> = s.code_points().collect();
        v.sort_unstable();
        v.dedup();
        CharSet(v)
    }

    fn contains(&self, cp: u32) -> bool {
        if self.0.len() <= 8 {
            return self.0.contains(&cp);
        }
        self.0.binary_search(&cp).is_ok()
    }
}

impl StrData {
    /// `str.find(sub, start, end)`: the lowest index of `sub` in `self[start:end]`.
    pub fn find(&self, sub: &StrData, start: Option<isize>, end: Option<isize>) -> Option<usize> {
        let (start, end) = adjust_indices(start, end, self.len());
        self.find_range(sub, start, end)
    }

    /// `str.rfind(sub, start, end)`: the highest index of `sub` in `self[start:end]`.
    pub fn rfind(&self, sub: &StrData, start: Option<isize>, end: Option<isize>) -> Option<usize> {
        let (start, end) = adjust_indices(start, end, self.len());
        if end < start || end - start < sub.len() {
            return None;
        }
        if sub.is_empty() {
            return Some(end);
        }
        let s = Searcher::new(sub, self)?;
        s.rfind(self.kind_bytes(), start, end)
    }

    /// `str.index(sub, start, end)`: as `find`, ValueError("substring not found") when absent.
    pub fn index(&self, sub: &StrData, start: Option<isize>, end: Option<isize>) -> Result<usize, StrError> {
        self.find(sub, start, end).ok_or(StrError::Value("substring not found"))
    }

    /// `str.rindex(sub, start, end)`: as `rfind`, ValueError("substring not found") when absent.
    pub fn rindex(&self, sub: &StrData, start: Option<isize>, end: Option<isize>) -> Result<usize, StrError> {
        self.rfind(sub, start, end).ok_or(StrError::Value("substring not found"))
    }

    /// `sub in self`.
    pub fn contains(&self, sub: &StrData) -> bool {
        self.find_range(sub, 0, self.len()).is_some()
    }

    /// `str.removeprefix(prefix)`.
    pub fn removeprefix(&self, prefix: &StrData) -> StrData {
        if self.startswith(prefix, None, None) {
            self.slice(prefix.len(), self.len())
        } else {
            self.clone()
        }
    }

    /// `str.removesuffix(suffix)`.
    pub fn removesuffix(&self, suffix: &StrData) -> StrData {
        if !suffix.is_empty() && self.endswith(suffix, None, None) {
            self.slice(0, self.len() - suffix.len())
        } else {
            self.clone()
        }
    }

    /// `find` on already adjusted indices.
    pub(crate) fn find_range(&self, sub: &StrData, start: usize, end: usize) -> Option<usize> {
        if end < start || end - start < sub.len() {
            return None;
        }
        if sub.is_empty() {
            return Some(start);
        }
        if sub.len() == 1 {
            return self.find_char(sub.get(0), start, end);
        }
        let s = Searcher::new(sub, self)?;
        s.find(self.kind_bytes(), start, end)
    }

    /// `str.count(sub, start, end)`: non-overlapping occurrences in `self[start:end]`.
    pub fn count(&self, sub: &StrData, start: Option<isize>, end: Option<isize>) -> usize {
        let (start, end) = adjust_indices(start, end, self.len());
        if end < start || end - start < sub.len() {
            return 0;
        }
        if sub.is_empty() {
            return end - start + 1;
        }
        if sub.len() == 1 && self.kind().width() == 1 && sub.kind().width() == 1 {
            return memchr::memchr_iter(sub.kind_bytes()[0], &self.kind_bytes()[start..end]).count();
        }
        let Some(s) = Searcher::repeated(sub, self) else { return 0 };
        let hay = self.kind_bytes();
        let (mut pos, mut n) = (start, 0);
        while let Some(i) = s.find(hay, pos, end) {
            n += 1;
            pos = i + sub.len();
        }
        n
    }

    /// `str.replace(old, new, count)`; a negative `count` replaces all.
    pub fn replace(&self, old: &StrData, new: &StrData, count: isize) -> Result<StrData, StrError> {
        let len = self.len();
        let max = if count < 0 { usize::MAX } else { count as usize };
        if let (Some(text), Some(o), Some(n)) = (self.as_str(), old.as_str(), new.as_str()) {
            if o.len() == 1 && n.len() == 1 {
                return Ok(replace_ascii_byte(text, o.as_bytes()[0], n.as_bytes()[0], max).unwrap_or_else(|| self.clone()));
            }
        }
        // Two passes, as CPython: count the matches, then build the result at its size.
        let searcher = if old.is_empty() { None } else { Searcher::repeated(old, self) };
        let hay = self.kind_bytes();
        let n = if old.is_empty() {
            max.min(len + 1)
        } else {
            let Some(s) = &searcher else { return Ok(self.clone()) };
            let (mut pos, mut n) = (0, 0);
            while n < max {
                let Some(i) = s.find(hay, pos, len) else { break };
                n += 1;
                pos = i + old.len();
            }
            n
        };
        if n == 0 {
            return Ok(self.clone());
        }
        let too_long = StrError::Overflow("replace string is too long");
        let added = n.checked_mul(new.len()).ok_or(too_long)?;
        let total = (len - n * old.len()).checked_add(added).filter(|&t| t <= isize::MAX as usize).ok_or(too_long)?;
        let mut out = StrBuilder::try_with_capacity(total, self.kind().max(new.kind()))?;
        let mut pos = 0;
        for k in 0..n {
            let i = match &searcher {
                None => k,
                Some(s) => match s.find(hay, pos, len) {
                    Some(i) => i,
                    None => break,
                },
            };
            out.push_slice(self, pos, i);
            out.push_str(new);
            pos = if old.is_empty() { i } else { i + old.len() };
        }
        out.push_slice(self, pos, len);
        Ok(out.finish())
    }

    /// `str.split(sep, maxsplit)`: on runs of whitespace when `sep` is `None`; a negative
    /// `maxsplit` means no limit. An empty `sep` is ValueError("empty separator").
    pub fn split(&self, sep: Option<&StrData>, maxsplit: isize) -> Result<Vec<StrData>, StrError> {
        let mut left = if maxsplit < 0 { usize::MAX } else { maxsplit as usize };
        let len = self.len();
        let mut out = Vec::new();
        match sep {
            None => {
                let mut i = 0;
                while left > 0 {
                    while i < len && is_space(self.get(i)) {
                        i += 1;
                    }
                    if i == len {
                        break;
                    }
                    let j = i;
                    while i < len && !is_space(self.get(i)) {
                        i += 1;
                    }
                    out.push(self.slice(j, i));
                    left -= 1;
                }
                while i < len && is_space(self.get(i)) {
                    i += 1;
                }
                if i < len {
                    out.push(self.slice(i, len));
                }
            }
            Some(sep) => {
                if sep.is_empty() {
                    return Err(StrError::Value("empty separator"));
                }
                let mut i = 0;
                if let Some(s) = Searcher::repeated(sep, self) {
                    let hay = self.kind_bytes();
                    while left > 0 {
                        let Some(j) = s.find(hay, i, len) else { break };
                        out.push(self.slice(i, j));
                        i = j + sep.len();
                        left -= 1;
                    }
                }
                out.push(self.slice(i, len));
            }
        }
        Ok(out)
    }

    /// `str.rsplit(sep, maxsplit)`: as `split`, splitting from the right.
    pub fn rsplit(&self, sep: Option<&StrData>, maxsplit: isize) -> Result<Vec<StrData>, StrError> {
        let mut left = if maxsplit < 0 { usize::MAX } else { maxsplit as usize };
        let mut out = Vec::new();
        match sep {
            None => {
                let mut i = self.len();
                while left > 0 {
                    while i > 0 && is_space(self.get(i - 1)) {
                        i -= 1;
                    }
                    if i == 0 {
                        break;
                    }
                    let j = i;
                    while i > 0 && !is_space(self.get(i - 1)) {
                        i -= 1;
                    }
                    out.push(self.slice(i, j));
                    left -= 1;
                }
                while i > 0 && is_space(self.get(i - 1)) {
                    i -= 1;
                }
                if i > 0 {
                    out.push(self.slice(0, i));
                }
            }
            Some(sep) => {
                if sep.is_empty() {
                    return Err(StrError::Value("empty separator"));
                }
                let mut j = self.len();
                if let Some(s) = Searcher::new(sep, self) {
                    let hay = self.kind_bytes();
                    while left > 0 {
                        let Some(pos) = s.rfind(hay, 0, j) else { break };
                        out.push(self.slice(pos + sep.len(), j));
                        j = pos;
                        left -= 1;
                    }
                }
                out.push(self.slice(0, j));
            }
        }
        out.reverse();
        Ok(out)
    }

    /// `str.splitlines(keepends)`: splits at every line boundary Python knows
    /// (\n, \r, \r\n, \v, \f, \x1c-\x1e, \x85, U+2028, U+2029).
    pub fn splitlines(&self, keepends: bool) -> Vec<StrData> {
        let len = self.len();
        let mut out = Vec::new();
        let (mut i, mut j) = (0, 0);
        while i < len {
            while i < len && !is_linebreak(self.get(i)) {
                i += 1;
            }
            let mut eol = i;
            if i < len {
                if self.get(i) == 0x0D && i + 1 < len && self.get(i + 1) == 0x0A {
                    i += 2;
                } else {
                    i += 1;
                }
                if keepends {
                    eol = i;
                }
            }
            out.push(self.slice(j, eol));
            j = i;
        }
        out
    }

    /// `str.partition(sep)`: (before, sep, after), or (self, '', '') when not found.
    pub fn partition(&self, sep: &StrData) -> Result<[StrData; 3], StrError> {
        if sep.is_empty() {
            return Err(StrError::Value("empty separator"));
        }
        Ok(match self.find_range(sep, 0, self.len()) {
            Some(i) => [self.slice(0, i), sep.clone(), self.slice(i + sep.len(), self.len())],
            None => [self.clone(), StrData::new(), StrData::new()],
        })
    }

    /// `str.rpartition(sep)`: (before, sep, after) at the last match, or ('', '', self).
    pub fn rpartition(&self, sep: &StrData) -> Result<[StrData; 3], StrError> {
        if sep.is_empty() {
            return Err(StrError::Value("empty separator"));
        }
        Ok(match self.rfind(sep, None, None) {
            Some(i) => [self.slice(0, i), sep.clone(), self.slice(i + sep.len(), self.len())],
            None => [StrData::new(), StrData::new(), self.clone()],
        })
    }

    fn strip_impl(&self, chars: Option<&StrData>, left: bool, right: bool) -> StrData {
        let set = chars.map(CharSet::new);
        let strip = |cp: u32| match &set {
            None => is_space(cp),
            Some(set) => set.contains(cp),
        };
        let len = self.len();
        let mut i = 0;
        if left {
            while i < len && strip(self.get(i)) {
                i += 1;
            }
        }
        let mut j = len;
        if right {
            while j > i && strip(self.get(j - 1)) {
                j -= 1;
            }
        }
        self.slice(i, j)
    }

    /// `str.strip(chars)`: whitespace when `chars` is `None`.
    pub fn strip(&self, chars: Option<&StrData>) -> StrData {
        self.strip_impl(chars, true, true)
    }

    /// `str.lstrip(chars)`.
    pub fn lstrip(&self, chars: Option<&StrData>) -> StrData {
        self.strip_impl(chars, true, false)
    }

    /// `str.rstrip(chars)`.
    pub fn rstrip(&self, chars: Option<&StrData>) -> StrData {
        self.strip_impl(chars, false, true)
    }

    /// Whether `self[at..at+sub.len()] == sub` (in range).
    fn matches_at(&self, sub: &StrData, at: usize) -> bool {
        let (a, w) = self.raw();
        let (b, sw) = sub.raw();
        if w == sw {
            return &a[at * w..(at + sub.len()) * w] == b;
        }
        sub.code_points().enumerate().all(|(k, cp)| self.get(at + k) == cp)
    }

    fn tailmatch(&self, sub: &StrData, start: Option<isize>, end: Option<isize>, at_end: bool) -> bool {
        let (start, end) = adjust_indices(start, end, self.len());
        let Some(end) = end.checked_sub(sub.len()) else { return false };
        if end < start {
            return false;
        }
        if sub.is_empty() {
            return true;
        }
        self.matches_at(sub, if at_end { end } else { start })
    }

    /// `str.startswith(prefix, start, end)` for one prefix (the caller loops over tuples).
    pub fn startswith(&self, prefix: &StrData, start: Option<isize>, end: Option<isize>) -> bool {
        self.tailmatch(prefix, start, end, false)
    }

    /// `str.endswith(suffix, start, end)` for one suffix.
    pub fn endswith(&self, suffix: &StrData, start: Option<isize>, end: Option<isize>) -> bool {
        self.tailmatch(suffix, start, end, true)
    }
}

/// `text.replace(old, new, max)` for one ASCII character by another (CPython
/// also special-cases this): a copy with bytes swapped; None when nothing matches.
fn replace_ascii_byte(text: &str, old: u8, new: u8, max: usize) -> Option<StrData> {
    let first = memchr::memchr(old, text.as_bytes())?;
    if max == 0 {
        return None;
    }
    let swap = |buf: &mut [u8]| {
        let mut left = max;
        for b in &mut buf[first..] {
            if *b == old {
                *b = new;
                left -= 1;
                if left == 0 {
                    break;
                }
            }
        }
    };
    // Short text is edited on the stack (the result then lives in the str object).
    let mut small = [0u8; 32];
    if let Some(buf) = small.get_mut(..text.len()) {
        buf.copy_from_slice(text.as_bytes());
        swap(buf);
        return StrData::from_ascii(buf);
    }
    let mut buf = text.as_bytes().to_vec();
    swap(&mut buf);
    StrData::from_ascii_vec(buf)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn s(x: &str) -> StrData {
        StrData::from_str(x)
    }

    // Expected values from python3.11.
    #[test]
    fn one_char_replace_and_count() {
        assert_eq!(s("a-b-c").replace(&s("-"), &s("_"), -1), Ok(s("a_b_c")));
        assert_eq!(s("a-b-c").replace(&s("-"), &s("_"), 1), Ok(s("a_b-c")));
        assert_eq!(s("a-b-c").replace(&s("-"), &s("_"), 0), Ok(s("a-b-c")));
        assert_eq!(s("abc").replace(&s("-"), &s("_"), -1), Ok(s("abc")));
        let long = "x-".repeat(40);
        assert_eq!(s(&long).replace(&s("-"), &s("+"), -1), Ok(s(&"x+".repeat(40))));
        assert_eq!(s(&long).replace(&s("-"), &s("+"), 2), Ok(s(&format!("x+x+{}", "x-".repeat(38)))));
        assert_eq!(s("a-b").replace(&s("-"), &s("é"), -1), Ok(s("aéb")));
        assert_eq!(s("item1-11").count(&s("1"), None, None), 3);
        assert_eq!(s("item1-11").count(&s("1"), Some(5), None), 2);
        assert_eq!(s("aaa").count(&s("é"), None, None), 0);
        assert_eq!(s("ééa").count(&s("é"), None, None), 2);
    }

    // Expected values from python3.11 (most cases are in testdata/methods.txt).
    #[test]
    fn small_methods() {
        assert_eq!(s("abcabc").index(&s("c"), None, None), Ok(2));
        assert_eq!(s("abcabc").rindex(&s("c"), None, Some(-1)), Ok(2));
        assert_eq!(s("abc").index(&s("d"), None, None), Err(StrError::Value("substring not found")));
        assert!(s("a€b").contains(&s("€b")) && !s("ab").contains(&s("é")) && s("ab").contains(&s("")));
        assert_eq!(s("€abc").removeprefix(&s("€a")), s("bc"));
        assert_eq!(s("abc").removeprefix(&s("b")), s("abc"));
        assert_eq!(s("abc€").removesuffix(&s("c€")), s("ab"));
        assert_eq!(s("abc").removesuffix(&s("")), s("abc"));
        assert_eq!(adjust_indices(Some(-100), Some(-1), 5), (0, 4));
        assert_eq!(adjust_indices(Some(7), Some(100), 5), (7, 5));
    }

    #[test]
    fn replace_limits() {
        let big = s("ab").repeat(1000).unwrap();
        assert_eq!(big.replace(&s("ab"), &s("€"), -1).unwrap(), s("€").repeat(1000).unwrap());
        assert_eq!(s("aaa").replace(&s("a"), &s("b"), 2).unwrap(), s("bba"));
        assert_eq!(s("abc").replace(&s(""), &s("-"), 2).unwrap(), s("-a-bc"));
        assert_eq!(s("abc").replace(&s(""), &s("-"), -1).unwrap(), s("-a-b-c-"));
        assert_eq!(s("abc").replace(&s("x"), &s("-"), -1).unwrap(), s("abc"));
        // Misaligned byte matches in wide strings are not matches.
        let w = StrData::from_code_points(&[0x100, 0x4100, 0x41]);
        assert_eq!(w.find(&StrData::from_code_points(&[0x41]), None, None), Some(2));
        assert_eq!(w.find(&StrData::from_code_points(&[0x141, 0x41]), None, None), None);
        assert_eq!(w.rfind(&StrData::from_code_points(&[0x4100, 0x41]), None, None), Some(1));
        assert_eq!(w.count(&StrData::from_code_points(&[0x41]), None, None), 1);
        // Long haystacks use a prepared finder. Python: ('ab€' * 100).count('b€') == 100.
        let long = s("ab€").repeat(100).unwrap();
        assert_eq!(long.count(&s("b€"), None, None), 100);
        assert_eq!(long.count(&s("b€"), Some(2), Some(-1)), 98);
        assert_eq!(long.split(Some(&s("€a")), -1).unwrap().len(), 100);
        assert_eq!(
            long.rsplit(Some(&s("€a")), 2).unwrap(),
            vec![s("ab€").repeat(97).unwrap().concat(&s("ab")).unwrap(), s("b"), s("b€")]
        );
        let wide = StrData::from_code_points(&[0x4100, 0x41, 0x4100]).repeat(30).unwrap();
        assert_eq!(wide.count(&StrData::from_code_points(&[0x41, 0x4100]), None, None), 30);
        assert_eq!(wide.count(&StrData::from_code_points(&[0x4141]), None, None), 0);
    }
}

