//! The algorithms of the bytes and bytearray methods over plain byte slices
//! (CPython's Objects/bytes_methods.c and stringlib applied to bytes): ASCII-only
//! case mapping and predicates, searching, splitting, padding, hex.
//!
//! Positions are byte offsets; `start`/`end` arguments are clamped with
//! `adjust_indices` as for str. Errors are plain values for the caller to raise.

use memchr::memmem;

use super::search::adjust_indices;

/// Whitespace of bytes methods (Py_ISSPACE): space, \t, \n, \v, \f, \r.
pub fn is_space(b: u8) -> bool {
    matches!(b, b' ' | b'\t' | b'\n' | 0x0b | 0x0c | b'\r')
}

/// First index of `needle` in `hay[start..end]` (`None` if absent).
pub fn find(hay: &[u8], needle: &[u8], start: Option<isize>, end: Option<isize>) -> Option<usize> {
    let (s, e) = adjust_indices(start, end, hay.len());
    if s > e || s > hay.len() {
        return None;
    }
    if needle.is_empty() {
        return Some(s);
    }
    memmem::find(&hay[s..e], needle).map(|i| i + s)
}

/// Last index of `needle` in `hay[start..end]`.
pub fn rfind(hay: &[u8], needle: &[u8], start: Option<isize>, end: Option<isize>) -> Option<usize> {
    let (s, e) = adjust_indices(start, end, hay.len());
    if s > e || s > hay.len() {
        return None;
    }
    if needle.is_empty() {
        return Some(e);
    }
    memmem::rfind(&hay[s..e], needle).map(|i| i + s)
}

/// Non-overlapping occurrences of `needle` in `hay[start..end]`.
pub fn count(hay: &[u8], needle: &[u8], start: Option<isize>, end: Option<isize>) -> usize {
    let (s, e) = adjust_indices(start, end, hay.len());
    if s > e || s > hay.len() {
        return 0;
    }
    if needle.is_empty() {
        return e - s + 1;
    }
    count_all(&hay[s..e], needle, usize::MAX)
}

fn count_all(hay: &[u8], needle: &[u8], max: usize) -> usize {
    let mut n = 0;
    let mut pos = 0;
    while n < max {
        match memmem::find(&hay[pos..], needle) {
            Some(i) => {
                n += 1;
                pos += i + needle.len();
            }
            None => break,
        }
    }
    n
}

/// `replace(old, new, count)`; a negative count replaces all. `None` when the result would be too long.
pub fn replace(s: &[u8], old: &[u8], new: &[u8], count: isize) -> Option<Vec<u8>> {
    let max = if count < 0 { usize::MAX } else { count as usize };
    if max == 0 {
        return Some(s.to_vec());
    }
    if old.is_empty() {
        // Insert `new` before every byte and at the end, up to `max` times.
        let n = max.min(s.len() + 1);
        let total = s.len().checked_add(n.checked_mul(new.len())?)?;
        let mut out = Vec::new();
        out.try_reserve_exact(total).ok()?;
        for (i, b) in s.iter().enumerate() {
            if i < n {
                out.extend_from_slice(new);
            }
            out.push(*b);
        }
        if n > s.len() {
            out.extend_from_slice(new);
        }
        return Some(out);
    }
    let n = count_all(s, old, max);
    if n == 0 {
        return Some(s.to_vec());
    }
    let total = (s.len() - n * old.len()).checked_add(n.checked_mul(new.len())?)?;
    let mut out = Vec::new();
    out.try_reserve_exact(total).ok()?;
    let mut pos = 0;
    for _ in 0..n {
        let Some(i) = memmem::find(&s[pos..], old) else { break };
        out.extend_from_slice(&s[pos..pos + i]);
        out.extend_from_slice(new);
        pos += i + old.len();
    }
    out.extend_from_slice(&s[pos..]);
    Some(out)
}

/// `split(sep, maxsplit)`: `None` separator splits on runs of whitespace. `sep` must not be empty.
pub fn split(s: &[u8], sep: Option<&[u8]>, maxsplit: isize) -> Vec<Vec<u8>> {
    let max = if maxsplit < 0 { usize::MAX } else { maxsplit as usize };
    let mut out = Vec::new();
    match sep {
        None => {
            let mut i = 0;
            let n = s.len();
            while i < n {
                while i < n && is_space(s[i]) {
                    i += 1;
                }
                if i == n {
                    break;
                }
                if out.len() == max {
                    // The rest is kept as is (trailing whitespace included).
                    out.push(s[i..].to_vec());
                    break;
                }
                let st = i;
                while i < n && !is_space(s[i]) {
                    i += 1;
                }
                out.push(s[st..i].to_vec());
            }
        }
        Some(sep) => {
            let mut pos = 0;
            while out.len() < max {
                match memmem::find(&s[pos..], sep) {
                    Some(i) => {
                        out.push(s[pos..pos + i].to_vec());
                        pos += i + sep.len();
                    }
                    None => break,
                }
            }
            out.push(s[pos..].to_vec());
        }
    }
    out
}

/// `rsplit(sep, maxsplit)`, splitting from the right.
pub fn rsplit(s: &[u8], sep: Option<&[u8]>, maxsplit: isize) -> Vec<Vec<u8>> {
    let max = if maxsplit < 0 { usize::MAX } else { maxsplit as usize };
    let mut out = Vec::new();
    match sep {
        None => {
            let mut i = s.len();
            while i > 0 {
                while i > 0 && is_space(s[i - 1]) {
                    i -= 1;
                }
                if i == 0 {
                    break;
                }
                if out.len() == max {
                    out.push(s[..i].to_vec());
                    break;
                }
                let e = i;
                while i > 0 && !is_space(s[i - 1]) {
                    i -= 1;
                }
                out.push(s[i..e].to_vec());
            }
        }
        Some(sep) => {
            let mut end = s.len();
            while out.len() < max {
                match memmem::rfind(&s[..end], sep) {
                    Some(i) => {
                        out.push(s[i + sep.len()..end].to_vec());
                        end = i;
                    }
                    None => break,
                }
            }
            out.push(s[..end].to_vec());
        }
    }
    out.reverse();
    out
}

/// `splitlines(keepends)`: lines end at \n, \r or \r\n.
pub fn splitlines(s: &[u8], keepends: bool) -> Vec<Vec<u8>> {
    let mut out = Vec::new();
    let mut i = 0;
    let n = s.len();
    while i < n {
        let st = i;
        while i < n && s[i] != b'\n' && s[i] != b'\r' {
            i += 1;
        }
        let mut eol = i;
        if i < n {
            if s[i] == b'\r' && i + 1 < n && s[i + 1] == b'\n' {
                i += 2;
            } else {
                i += 1;
            }
            if keepends {
                eol = i;
            }
        }
        out.push(s[st..eol].to_vec());
    }
    out
}

/// `partition(sep)` (`right`: `rpartition`); `sep` must not be empty.
pub fn partition(s: &[u8], sep: &[u8], right: bool) -> [Vec<u8>; 3] {
    let found = if right { memmem::rfind(s, sep) } else { memmem::find(s, sep) };
    match found {
        Some(i) => [s[..i].to_vec(), sep.to_vec(), s[i + sep.len()..].to_vec()],
        None if right => [Vec::new(), Vec::new(), s.to_vec()],
        None => [s.to_vec(), Vec::new(), Vec::new()],
    }
}

/// `strip`/`lstrip`/`rstrip`: remove bytes in `chars` (whitespace if `None`) from the chosen ends.
pub fn strip<'a>(s: &'a [u8], chars: Option<&[u8]>, left: bool, right: bool) -> &'a [u8] {
    let strip_it = |b: u8| match chars {
        None => is_space(b),
        Some(c) => c.contains(&b),
    };
    let mut i = 0;
    let mut j = s.len();
    if left {
        while i < j && strip_it(s[i]) {
            i += 1;
        }
    }
    if right {
        while j > i && strip_it(s[j - 1]) {
            j -= 1;
        }
    }
    &s[i..j]
}

/// `upper()` (ASCII only).
pub fn upper(s: &[u8]) -> Vec<u8> {
    s.to_ascii_uppercase()
}

/// `lower()` (ASCII only).
pub fn lower(s: &[u8]) -> Vec<u8> {
    s.to_ascii_lowercase()
}

/// `swapcase()`.
pub fn swapcase(s: &[u8]) -> Vec<u8> {
    s.iter()
        .map(|&b| if b.is_ascii_lowercase() { b.to_ascii_uppercase() } else { b.to_ascii_lowercase() })
        .collect()
}

/// `capitalize()`: first byte upper, the rest lower.
pub fn capitalize(s: &[u8]) -> Vec<u8> {
    let mut out = s.to_ascii_lowercase();
    if let Some(f) = out.first_mut() {
        *f = f.to_ascii_uppercase();
    }
    out
}

/// `title()`: a letter after a non-letter is upper, other letters lower.
pub fn title(s: &[u8]) -> Vec<u8> {
    let mut prev_cased = false;
    s.iter()
        .map(|&b| {
            let r = if b.is_ascii_alphabetic() {
                if prev_cased { b.to_ascii_lowercase() } else { b.to_ascii_uppercase() }
            } else {
                b
            };
            prev_cased = b.is_ascii_alphabetic();
            r
        })
        .collect()
}

/// The `is*` predicates: all bytes satisfy `f`, and there is at least one.
fn all_nonempty(s: &[u8], f: impl Fn(u8) -> bool) -> bool {
    !s.is_empty() && s.iter().all(|&b| f(b))
}

/// `isalpha()`.
pub fn isalpha(s: &[u8]) -> bool {
    all_nonempty(s, |b| b.is_ascii_alphabetic())
}
/// `isalnum()`.
pub fn isalnum(s: &[u8]) -> bool {
    all_nonempty(s, |b| b.is_ascii_alphanumeric())
}
/// `isdigit()`.
pub fn isdigit(s: &[u8]) -> bool {
    all_nonempty(s, |b| b.is_ascii_digit())
}
/// `isspace()`.
pub fn isspace(s: &[u8]) -> bool {
    all_nonempty(s, is_space)
}
/// `isascii()` (true when empty).
pub fn isascii(s: &[u8]) -> bool {
    s.is_ascii()
}
/// `islower()`: some lowercase letter and no uppercase one.
pub fn islower(s: &[u8]) -> bool {
    s.iter().any(|b| b.is_ascii_lowercase()) && !s.iter().any(|b| b.is_ascii_uppercase())
}
/// `isupper()`: some uppercase letter and no lowercase one.
pub fn isupper(s: &[u8]) -> bool {
    s.iter().any(|b| b.is_ascii_uppercase()) && !s.iter().any(|b| b.is_ascii_lowercase())
}
/// `istitle()`: uppercase letters only start words, lowercase ones only follow letters.
pub fn istitle(s: &[u8]) -> bool {
    let mut cased = false;
    let mut prev_cased = false;
    for &b in s {
        if b.is_ascii_uppercase() {
            if prev_cased {
                return false;
            }
            prev_cased = true;
            cased = true;
        } else if b.is_ascii_lowercase() {
            if !prev_cased {
                return false;
            }
            prev_cased = true;
            cased = true;
        } else {
            prev_cased = false;
        }
    }
    cased
}

/// `center`/`ljust`/`rjust` padding: (left, right) fill counts (CPython's pad split for center).
pub fn pad_counts(len: usize, width: usize, how: Pad) -> (usize, usize) {
    if width <= len {
        return (0, 0);
    }
    let marg = width - len;
    match how {
        Pad::Left => (0, marg),
        Pad::Right => (marg, 0),
        Pad::Center => {
            let left = marg / 2 + (marg & width & 1);
            (left, marg - left)
        }
    }
}

/// Which side text goes to (`ljust` leaves it on the left).
#[derive(Clone, Copy)]
pub enum Pad {
    Left,
    Right,
    Center,
}

/// Pad `s` to `width` with `fill`; `None` when the size is absurd.
pub fn pad(s: &[u8], width: usize, fill: u8, how: Pad) -> Option<Vec<u8>> {
    let (l, r) = pad_counts(s.len(), width, how);
    let mut out = Vec::new();
    out.try_reserve_exact(s.len() + l + r).ok()?;
    out.resize(l, fill);
    out.extend_from_slice(s);
    out.resize(out.len() + r, fill);
    Some(out)
}

/// `zfill(width)`: pad with zeros after a leading sign.
pub fn zfill(s: &[u8], width: usize) -> Option<Vec<u8>> {
    if width <= s.len() {
        return Some(s.to_vec());
    }
    let fill = width - s.len();
    let mut out = Vec::new();
    out.try_reserve_exact(width).ok()?;
    out.resize(fill, b'0');
    out.extend_from_slice(s);
    if let Some(&c) = s.first() {
        if c == b'+' || c == b'-' {
            out[0] = c;
            out[fill] = b'0';
        }
    }
    Some(out)
}

/// `expandtabs(tabsize)`: the column restarts after \n and \r. `None` on overflow.
pub fn expandtabs(s: &[u8], tabsize: isize) -> Option<Vec<u8>> {
    let mut out = Vec::new();
    let mut col: usize = 0;
    for &b in s {
        if b == b'\t' {
            if tabsize > 0 {
                let n = tabsize as usize - col % tabsize as usize;
                col = col.checked_add(n)?;
                out.try_reserve(n).ok()?;
                out.resize(out.len() + n, b' ');
            }
        } else {
            out.push(b);
            col += 1;
            if b == b'\n' || b == b'\r' {
                col = 0;
            }
        }
    }
    Some(out)
}

/// `hex(sep, bytes_per_sep)`: a positive group size counts groups from the right, negative from the left.
pub fn hex(s: &[u8], sep: Option<u8>, bytes_per_sep: isize) -> String {
    const DIGITS: &[u8; 16] = b"0123456789abcdef";
    let mut out = String::with_capacity(s.len() * 3);
    let group = bytes_per_sep.unsigned_abs();
    let sep = if group == 0 { None } else { sep };
    for (i, &b) in s.iter().enumerate() {
        if let Some(c) = sep {
            if i > 0 {
                let boundary = if bytes_per_sep > 0 { (s.len() - i).is_multiple_of(group) } else { i.is_multiple_of(group) };
                if boundary {
                    out.push(c as char);
                }
            }
        }
        out.push(DIGITS[(b >> 4) as usize] as char);
        out.push(DIGITS[(b & 15) as usize] as char);
    }
    out
}

/// `fromhex(s)`: pairs of hex digits, whitespace allowed between pairs. The error is the bad position.
pub fn fromhex(s: &[u32]) -> Result<Vec<u8>, usize> {
    let digit = |c: u32| char::from_u32(c).and_then(|c| c.to_digit(16));
    let mut out = Vec::with_capacity(s.len() / 2);
    let mut i = 0;
    while i < s.len() {
        let c = s[i];
        if c < 128 && is_space(c as u8) {
            i += 1;
            continue;
        }
        let hi = digit(c).ok_or(i)?;
        let lo = s.get(i + 1).and_then(|&c| digit(c)).ok_or(i + 1)?;
        out.push((hi * 16 + lo) as u8);
        i += 2;
    }
    Ok(out)
}

/// `translate(table, delete)`: map through `table` (identity if `None`) after dropping bytes in `delete`.
pub fn translate(s: &[u8], table: Option<&[u8]>, delete: &[u8]) -> Vec<u8> {
    let mut del = [false; 256];
    for &d in delete {
        del[d as usize] = true;
    }
    s.iter()
        .filter(|&&b| !del[b as usize])
        .map(|&b| match table {
            Some(t) => t[b as usize],
            None => b,
        })
        .collect()
}

/// `bytes.maketrans(frm, to)` (same lengths): the identity table with `frm[i]` mapped to `to[i]`.
pub fn maketrans(frm: &[u8], to: &[u8]) -> Vec<u8> {
    let mut t: Vec<u8> = (0..=255u8).collect();
    for (&a, &b) in frm.iter().zip(to) {
        t[a as usize] = b;
    }
    t
}

#[cfg(test)]
mod tests {
    use super::*;

    fn v(parts: &[&[u8]]) -> Vec<Vec<u8>> {
        parts.iter().map(|p| p.to_vec()).collect()
    }

    // Expected values from python3 (CPython 3.11).
    #[test]
    fn searching() {
        let b = b"hello world";
        assert_eq!(find(b, b"o", None, None), Some(4));
        assert_eq!(rfind(b, b"o", None, None), Some(7));
        assert_eq!(find(b, b"", Some(11), None), Some(11));
        assert_eq!(find(b, b"", Some(12), None), None);
        assert_eq!(rfind(b, b"", None, None), Some(11));
        assert_eq!(count(b, b"l", None, Some(-2)), 2);
        assert_eq!(count(b, b"", Some(3), None), 9);
        assert_eq!(count(b, b"", Some(30), None), 0);
        assert_eq!(count(b"aaaa", b"aa", None, None), 2);
    }

    #[test]
    fn replacing() {
        assert_eq!(replace(b"mississippi", b"ss", b"SS", -1).unwrap(), b"miSSiSSippi");
        assert_eq!(replace(b"abc", b"", b"-", -1).unwrap(), b"-a-b-c-");
        assert_eq!(replace(b"abc", b"", b"-", 2).unwrap(), b"-a-bc");
        assert_eq!(replace(b"aaa", b"a", b"b", 2).unwrap(), b"bba");
    }

    #[test]
    fn splitting() {
        let b = b"  The Quick brown fox  ";
        assert_eq!(split(b, None, -1), v(&[b"The", b"Quick", b"brown", b"fox"]));
        assert_eq!(rsplit(b, None, 1), v(&[b"  The Quick brown", b"fox"]));
        assert_eq!(split(b, None, 1), v(&[b"The", b"Quick brown fox  "]));
        assert_eq!(split(b"a,b,,c", Some(b","), -1), v(&[b"a", b"b", b"", b"c"]));
        assert_eq!(rsplit(b"a,b,c", Some(b","), 1), v(&[b"a,b", b"c"]));
        assert_eq!(splitlines(b"x\ny\r\nz\r", false), v(&[b"x", b"y", b"z"]));
        assert_eq!(splitlines(b"x\ny", true), v(&[b"x\n", b"y"]));
        assert_eq!(partition(b"a,b,c", b",", true), [b"a,b".to_vec(), b",".to_vec(), b"c".to_vec()]);
        assert_eq!(partition(b"abc", b",", true), [b"".to_vec(), b"".to_vec(), b"abc".to_vec()]);
    }

    #[test]
    fn case_and_predicates() {
        assert_eq!(title(b"hello wORLD 3x"), b"Hello World 3X");
        assert_eq!(capitalize(b"hELLO"), b"Hello");
        assert!(istitle(b"Ab Cd"));
        assert!(!istitle(b"AB"));
        assert!(!isspace(b""));
        assert!(isascii(b""));
        assert!(!islower(b"123"));
    }

    #[test]
    fn padding_and_hex() {
        assert_eq!(pad(b"ab", 6, b'*', Pad::Center).unwrap(), b"**ab**");
        assert_eq!(pad(b"abc", 6, b'*', Pad::Center).unwrap(), b"*abc**");
        assert_eq!(pad(b"ab", 5, b'*', Pad::Center).unwrap(), b"**ab*");
        assert_eq!(zfill(b"-1", 4).unwrap(), b"-001");
        assert_eq!(expandtabs(b"a\tb\n\tc", 4).unwrap(), b"a   b\n    c");
        assert_eq!(hex(b"hello world", Some(b':'), 3), "6865:6c6c6f:20776f:726c64");
        assert_eq!(hex(b"hello world", Some(b' '), -3), "68656c 6c6f20 776f72 6c64");
        let cps: Vec<u32> = " 01 0a ".chars().map(|c| c as u32).collect();
        assert_eq!(fromhex(&cps), Ok(vec![1, 10]));
        let cps: Vec<u32> = "0 1".chars().map(|c| c as u32).collect();
        assert_eq!(fromhex(&cps), Err(1));
    }
}
