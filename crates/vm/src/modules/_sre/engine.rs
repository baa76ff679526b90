//! The matching engine behind `_sre`: executes the code lists that
//! Lib/re/_compiler.py produces, with sre's exact semantics (which
//! alternative wins, how groups are kept or reset on backtracking,
//! zero-width repeat protection, `must_advance` for empty matches).
//!
//! Backtracking never recurses on the native stack: each nested match
//! (a repeat iteration, an alternative, a lookaround body) is a `Ctx` frame
//! on a heap vector, resumed by its `Jump` kind when the child returns,
//! as sre's own DO_JUMP scheme does.

use crate::stringlib::unicode;

/// The largest repeat count; `{n,}` is encoded with this as its maximum.
pub const MAXREPEAT: u32 = u32::MAX;
/// The largest number of groups a pattern may have.
pub const MAXGROUPS: u32 = (i32::MAX / 2) as u32;
/// The version of the code format (Lib/re/_constants.py MAGIC).
pub const MAGIC: u32 = 20220615;

// Opcodes (Lib/re/_constants.py OPCODES order).
pub const FAILURE: u32 = 0;
pub const SUCCESS: u32 = 1;
pub const ANY: u32 = 2;
pub const ANY_ALL: u32 = 3;
pub const ASSERT: u32 = 4;
pub const ASSERT_NOT: u32 = 5;
pub const AT: u32 = 6;
pub const BRANCH: u32 = 7;
pub const CATEGORY: u32 = 8;
pub const CHARSET: u32 = 9;
pub const BIGCHARSET: u32 = 10;
pub const GROUPREF: u32 = 11;
pub const GROUPREF_EXISTS: u32 = 12;
pub const IN: u32 = 13;
pub const INFO: u32 = 14;
pub const JUMP: u32 = 15;
pub const LITERAL: u32 = 16;
pub const MARK: u32 = 17;
pub const MAX_UNTIL: u32 = 18;
pub const MIN_UNTIL: u32 = 19;
pub const NOT_LITERAL: u32 = 20;
pub const NEGATE: u32 = 21;
pub const RANGE: u32 = 22;
pub const REPEAT: u32 = 23;
pub const REPEAT_ONE: u32 = 24;
pub const SUBPATTERN: u32 = 25;
pub const MIN_REPEAT_ONE: u32 = 26;
pub const ATOMIC_GROUP: u32 = 27;
pub const POSSESSIVE_REPEAT: u32 = 28;
pub const POSSESSIVE_REPEAT_ONE: u32 = 29;
pub const GROUPREF_IGNORE: u32 = 30;
pub const IN_IGNORE: u32 = 31;
pub const LITERAL_IGNORE: u32 = 32;
pub const NOT_LITERAL_IGNORE: u32 = 33;
pub const GROUPREF_LOC_IGNORE: u32 = 34;
pub const IN_LOC_IGNORE: u32 = 35;
pub const LITERAL_LOC_IGNORE: u32 = 36;
pub const NOT_LITERAL_LOC_IGNORE: u32 = 37;
pub const GROUPREF_UNI_IGNORE: u32 = 38;
pub const IN_UNI_IGNORE: u32 = 39;
pub const LITERAL_UNI_IGNORE: u32 = 40;
pub const NOT_LITERAL_UNI_IGNORE: u32 = 41;
pub const RANGE_UNI_IGNORE: u32 = 42;

const INFO_PREFIX: u32 = 1;
const INFO_LITERAL: u32 = 2;
const INFO_CHARSET: u32 = 4;

/// An unset mark (sre's NULL pointer).
const NONE: usize = usize::MAX;

/// Why a match could not complete.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum SreError {
    /// Malformed code: "internal error in regular expression engine".
    Illegal,
    /// The interrupt callback reported a pending exception.
    Interrupted,
}

type R<T> = Result<T, SreError>;

/// The characters being searched: bytes, or str units of 1, 2 or 4 bytes
/// (native endian, as PEP 393 stores them), indexed by code point.
#[derive(Clone, Copy)]
pub struct Subject<'a> {
    data: &'a [u8],
    width: usize,
}

impl<'a> Subject<'a> {
    /// A subject over `data` holding units of `width` bytes (1, 2 or 4).
    pub fn new(data: &'a [u8], width: usize) -> Subject<'a> {
        let width = if matches!(width, 1 | 2 | 4) { width } else { 1 };
        Subject { data, width }
    }

    /// The number of characters.
    pub fn len(&self) -> usize {
        self.data.len() / self.width
    }

    /// Whether there are no characters.
    pub fn is_empty(&self) -> bool {
        self.data.is_empty()
    }

    /// The character at `i` (0 past the end, which callers never read).
    #[inline]
    pub fn at(&self, i: usize) -> u32 {
        match self.width {
            1 => self.data.get(i).map_or(0, |&b| b as u32),
            2 => match self.data.get(2 * i..2 * i + 2) {
                Some(b) => u16::from_ne_bytes([b[0], b[1]]) as u32,
                None => 0,
            },
            _ => match self.data.get(4 * i..4 * i + 4) {
                Some(b) => u32::from_ne_bytes([b[0], b[1], b[2], b[3]]),
                None => 0,
            },
        }
    }
}

// Character predicates, as sre defines them.

fn is_ascii_digit(ch: u32) -> bool {
    (b'0' as u32..=b'9' as u32).contains(&ch)
}
fn is_ascii_space(ch: u32) -> bool {
    matches!(ch, 9..=13 | 32)
}
fn is_ascii_alnum(ch: u32) -> bool {
    ch < 128 && (ch as u8).is_ascii_alphanumeric()
}
fn is_word(ch: u32) -> bool {
    is_ascii_alnum(ch) || ch == b'_' as u32
}
fn is_uni_word(ch: u32) -> bool {
    unicode::is_alnum(ch) || ch == b'_' as u32
}
/// The C locale's word characters (the locale of the interpreter's ctype).
fn is_loc_word(ch: u32) -> bool {
    is_word(ch)
}
/// `\n` is the only line break sre's ANY, AT and LINEBREAK know.
fn is_linebreak(ch: u32) -> bool {
    ch == b'\n' as u32
}

/// Lowercase of ASCII letters only.
pub fn lower_ascii(ch: u32) -> u32 {
    if (b'A' as u32..=b'Z' as u32).contains(&ch) {
        ch + 32
    } else {
        ch
    }
}
fn upper_ascii(ch: u32) -> u32 {
    if (b'a' as u32..=b'z' as u32).contains(&ch) {
        ch - 32
    } else {
        ch
    }
}
/// Lowercase under the locale (the C locale's tolower for bytes).
pub fn lower_locale(ch: u32) -> u32 {
    if ch < 256 {
        lower_ascii(ch)
    } else {
        ch
    }
}
/// Uppercase under the locale.
pub fn upper_locale(ch: u32) -> u32 {
    if ch < 256 {
        upper_ascii(ch)
    } else {
        ch
    }
}
/// Simple Unicode lowercase.
pub fn lower_unicode(ch: u32) -> u32 {
    if ch > 0x10FFFF {
        return ch;
    }
    unicode::to_lower(ch)
}
/// Simple Unicode uppercase.
pub fn upper_unicode(ch: u32) -> u32 {
    if ch > 0x10FFFF {
        return ch;
    }
    unicode::to_upper(ch)
}

fn char_loc_ignore(pattern: u32, ch: u32) -> bool {
    ch == pattern || lower_locale(ch) == pattern || upper_locale(ch) == pattern
}

fn category(code: u32, ch: u32) -> bool {
    match code {
        0 => is_ascii_digit(ch),
        1 => !is_ascii_digit(ch),
        2 => is_ascii_space(ch),
        3 => !is_ascii_space(ch),
        4 => is_word(ch),
        5 => !is_word(ch),
        6 => is_linebreak(ch),
        7 => !is_linebreak(ch),
        8 => is_loc_word(ch),
        9 => !is_loc_word(ch),
        10 => ch <= 0x10FFFF && unicode::is_decimal(ch),
        11 => !(ch <= 0x10FFFF && unicode::is_decimal(ch)),
        12 => ch <= 0x10FFFF && unicode::is_space(ch),
        13 => !(ch <= 0x10FFFF && unicode::is_space(ch)),
        14 => ch <= 0x10FFFF && is_uni_word(ch),
        15 => !(ch <= 0x10FFFF && is_uni_word(ch)),
        16 => ch <= 0x10FFFF && unicode::is_linebreak(ch),
        17 => !(ch <= 0x10FFFF && unicode::is_linebreak(ch)),
        _ => false,
    }
}

#[inline]
fn op(code: &[u32], i: usize) -> R<u32> {
    code.get(i).copied().ok_or(SreError::Illegal)
}

/// Whether `ch` is in the set starting at `set` (sre's SRE(charset)).
fn charset(code: &[u32], mut i: usize, ch: u32) -> R<bool> {
    let mut ok = true;
    loop {
        match op(code, i)? {
            FAILURE => return Ok(!ok),
            LITERAL => {
                if ch == op(code, i + 1)? {
                    return Ok(ok);
                }
                i += 2;
            }
            CATEGORY => {
                if category(op(code, i + 1)?, ch) {
                    return Ok(ok);
                }
                i += 2;
            }
            CHARSET => {
                if ch < 256 && op(code, i + 1 + (ch / 32) as usize)? & (1u32 << (ch & 31)) != 0 {
                    return Ok(ok);
                }
                i += 1 + 8;
            }
            RANGE => {
                if op(code, i + 1)? <= ch && ch <= op(code, i + 2)? {
                    return Ok(ok);
                }
                i += 3;
            }
            RANGE_UNI_IGNORE => {
                let (lo, hi) = (op(code, i + 1)?, op(code, i + 2)?);
                // `ch` is already lowercased.
                if lo <= ch && ch <= hi {
                    return Ok(ok);
                }
                let uch = upper_unicode(ch);
                if lo <= uch && uch <= hi {
                    return Ok(ok);
                }
                i += 3;
            }
            NEGATE => {
                ok = !ok;
                i += 1;
            }
            BIGCHARSET => {
                // <BIGCHARSET> <blockcount> <256 block indices as bytes> <blocks>
                let count = op(code, i + 1)? as usize;
                i += 2;
                if ch < 0x10000 {
                    let k = (ch >> 8) as usize;
                    let block = op(code, i + k / 4)?.to_ne_bytes()[k % 4] as usize;
                    let bit = block * 256 + (ch & 255) as usize;
                    if op(code, i + 64 + bit / 32)? & (1u32 << (ch & 31)) != 0 {
                        return Ok(ok);
                    }
                }
                i += 64 + count * 8;
            }
            _ => return Ok(false),
        }
    }
}

fn charset_loc_ignore(code: &[u32], set: usize, ch: u32) -> R<bool> {
    let lo = lower_locale(ch);
    if charset(code, set, lo)? {
        return Ok(true);
    }
    let up = upper_locale(ch);
    Ok(up != lo && charset(code, set, up)?)
}

/// How a frame continues once the nested match it started returns.
#[derive(Clone, Copy, PartialEq, Eq, Debug)]
enum Jump {
    None,
    MaxUntil1,
    MaxUntil2,
    MaxUntil3,
    MinUntil1,
    MinUntil2,
    MinUntil3,
    Repeat,
    RepeatOne1,
    RepeatOne2,
    MinRepeatOne,
    Branch,
    Assert,
    AssertNot,
    PossRepeat1,
    PossRepeat2,
    AtomicGroup,
}

/// One level of sre's match "recursion".
#[derive(Clone, Copy)]
struct Ctx {
    /// Code position the frame resumes at (operands of the pending op).
    pc: usize,
    ptr: usize,
    count: isize,
    /// The literal of a REPEAT_ONE tail, or the index of a repeat context.
    u: usize,
    lastmark: isize,
    lastindex: isize,
    toplevel: bool,
    jump: Jump,
}

impl Ctx {
    fn new(pc: usize, toplevel: bool) -> Ctx {
        Ctx { pc, ptr: 0, count: 0, u: 0, lastmark: -1, lastindex: -1, toplevel, jump: Jump::None }
    }
}

/// A REPEAT ... MAX_UNTIL/MIN_UNTIL context.
#[derive(Clone, Copy)]
struct Repeat {
    count: isize,
    /// Position of the REPEAT's operands (skip, min, max, item).
    pattern: usize,
    prev: Option<usize>,
    last_ptr: usize,
}

/// What a frame asks the driver loop to do.
enum Step {
    /// Run a nested match at `pc` (the frame's `jump` says how to resume).
    Call { pc: usize, toplevel: bool },
    Return(bool),
}

/// The matcher state over one subject (sre's SRE_STATE).
pub struct State<'a> {
    /// The characters searched.
    pub subject: Subject<'a>,
    /// Where the current match attempt starts.
    pub start: usize,
    /// The end of the searched range (endpos).
    pub end: usize,
    /// Where the last match ended.
    pub ptr: usize,
    /// Group boundaries: marks[2g], marks[2g+1] (usize::MAX when unset).
    pub marks: Vec<usize>,
    /// The highest mark index set (-1: none).
    pub lastmark: isize,
    /// The last group closed (`Match.lastindex`, -1: none).
    pub lastindex: isize,
    /// fullmatch: SUCCESS only at `end`.
    pub match_all: bool,
    /// The previous match was empty at `start`: refuse another there.
    pub must_advance: bool,
    repeat: Option<usize>,
    repeats: Vec<Repeat>,
    data: Vec<usize>,
    steps: u32,
    count_depth: u32,
    interrupt: Option<&'a mut dyn FnMut() -> bool>,
}

impl<'a> State<'a> {
    /// A state for a pattern with `groups` groups over `subject`,
    /// restricted to [pos, endpos] (clamped as sre does).
    pub fn new(subject: Subject<'a>, groups: usize, pos: isize, endpos: isize) -> State<'a> {
        let len = subject.len() as isize;
        let start = pos.clamp(0, len) as usize;
        let end = endpos.clamp(0, len) as usize;
        State {
            subject,
            start,
            end,
            ptr: start,
            marks: vec![NONE; groups.saturating_mul(2)],
            lastmark: -1,
            lastindex: -1,
            match_all: false,
            must_advance: false,
            repeat: None,
            repeats: Vec::new(),
            data: Vec::new(),
            steps: 0,
            count_depth: 0,
            interrupt: None,
        }
    }

    /// Install a callback polled now and then during long matches; it
    /// returns true to abandon the match (a signal handler raised).
    pub fn set_interrupt(&mut self, f: &'a mut dyn FnMut() -> bool) {
        self.interrupt = Some(f);
    }

    /// Forget the groups of the previous attempt (sre's state_reset).
    pub fn reset(&mut self) {
        self.lastmark = -1;
        self.lastindex = -1;
        self.repeat = None;
        self.repeats.clear();
        self.data.clear();
    }

    /// The span of group `g` (1-based) of the last match, if it took part.
    pub fn group_span(&self, g: usize) -> Option<(usize, usize)> {
        let j = g.checked_sub(1)? * 2;
        if ((j + 1) as isize) <= self.lastmark {
            let (a, b) = (self.marks[j], self.marks[j + 1]);
            if a != NONE && b != NONE {
                return Some((a, b));
            }
        }
        None
    }

    /// Match at `start` (sre_match); on success `ptr` is the end.
    pub fn pymatch(&mut self, code: &[u32]) -> R<bool> {
        self.ptr = self.start;
        self.run(code, 0, true)
    }

    /// Find the first match at or after `start` (sre_search); on success
    /// `start` and `ptr` delimit it.
    pub fn search(&mut self, code: &[u32]) -> R<bool> {
        let mut ptr = self.start;
        let mut end = self.end;
        if ptr > end {
            return Ok(false);
        }
        let mut pc = 0;
        let mut flags = 0;
        let mut prefix: Option<(usize, usize, usize)> = None;
        let mut set: Option<usize> = None;
        if op(code, 0)? == INFO {
            flags = op(code, 2)?;
            let min = op(code, 3)? as usize;
            if min != 0 && end - ptr < min {
                return Ok(false);
            }
            if min > 1 {
                end = end.saturating_sub(min - 1).max(ptr);
            }
            if flags & INFO_PREFIX != 0 {
                prefix = Some((op(code, 5)? as usize, op(code, 6)? as usize, 7));
            } else if flags & INFO_CHARSET != 0 {
                set = Some(5);
            }
            pc = 1 + op(code, 1)? as usize;
        }
        if let Some((plen, skip, at)) = prefix.filter(|p| p.0 >= 1) {
            // Try only where the literal prefix occurs.
            let end = self.end;
            self.must_advance = false;
            let first = op(code, at)?;
            while ptr < end {
                if self.subject.at(ptr) != first || end - ptr < plen {
                    ptr += 1;
                    continue;
                }
                let mut ok = true;
                for k in 1..plen {
                    if self.subject.at(ptr + k) != op(code, at + k)? {
                        ok = false;
                        break;
                    }
                }
                if ok {
                    self.start = ptr;
                    self.ptr = ptr + skip;
                    if flags & INFO_LITERAL != 0 {
                        self.ptr = ptr + plen;
                        return Ok(true);
                    }
                    if self.run(code, pc + 2 * skip, false)? {
                        return Ok(true);
                    }
                    self.lastmark = -1;
                    self.lastindex = -1;
                }
                ptr += 1;
            }
            return Ok(false);
        }
        if let Some(set) = set {
            let end = self.end;
            self.must_advance = false;
            loop {
                while ptr < end && !charset(code, set, self.subject.at(ptr))? {
                    ptr += 1;
                }
                if ptr >= end {
                    return Ok(false);
                }
                self.start = ptr;
                self.ptr = ptr;
                if self.run(code, pc, false)? {
                    return Ok(true);
                }
                ptr += 1;
                self.lastmark = -1;
                self.lastindex = -1;
            }
        }
        self.start = ptr;
        self.ptr = ptr;
        let mut status = self.run(code, pc, true)?;
        self.must_advance = false;
        if !status && op(code, pc)? == AT && matches!(op(code, pc + 1)?, 0 | 2) {
            // Anchored at the beginning: no later position can match.
            self.start = end;
            self.ptr = end;
            return Ok(false);
        }
        while !status && ptr < end {
            ptr += 1;
            self.lastmark = -1;
            self.lastindex = -1;
            self.start = ptr;
            self.ptr = ptr;
            status = self.run(code, pc, false)?;
        }
        Ok(status)
    }

    fn tick(&mut self) -> R<()> {
        self.steps = self.steps.wrapping_add(1);
        if self.steps & 0xfff == 0 {
            if let Some(f) = self.interrupt.as_mut() {
                if f() {
                    return Err(SreError::Interrupted);
                }
            }
        }
        Ok(())
    }

    fn at(&self, ptr: usize, at: u32) -> bool {
        let s = &self.subject;
        let end = self.end;
        let boundary = |word: fn(u32) -> bool| -> Option<(bool, bool)> {
            if end == 0 {
                return None;
            }
            let that = ptr > 0 && word(s.at(ptr - 1));
            let this = ptr < end && word(s.at(ptr));
            Some((this, that))
        };
        match at {
            0 | 2 => ptr == 0,
            1 => ptr == 0 || is_linebreak(s.at(ptr - 1)),
            5 => (ptr + 1 == end && is_linebreak(s.at(ptr))) || ptr == end,
            6 => ptr == end || is_linebreak(s.at(ptr)),
            7 => ptr == end,
            3 => boundary(is_word).is_some_and(|(a, b)| a != b),
            4 => boundary(is_word).is_some_and(|(a, b)| a == b),
            8 => boundary(is_loc_word).is_some_and(|(a, b)| a != b),
            9 => boundary(is_loc_word).is_some_and(|(a, b)| a == b),
            10 => boundary(|c| c <= 0x10FFFF && is_uni_word(c)).is_some_and(|(a, b)| a != b),
            11 => boundary(|c| c <= 0x10FFFF && is_uni_word(c)).is_some_and(|(a, b)| a == b),
            _ => false,
        }
    }

    /// How many times (at most `maxcount`) the single-character item at
    /// `pc` matches from `self.ptr` (sre's SRE(count)).
    fn count(&mut self, code: &[u32], pc: usize, maxcount: u32) -> R<usize> {
        let start = self.ptr;
        let mut ptr = start;
        let mut end = self.end;
        if maxcount != MAXREPEAT && (maxcount as usize) < end.saturating_sub(ptr) {
            end = ptr + maxcount as usize;
        }
        let s = self.subject;
        match op(code, pc)? {
            IN => {
                while ptr < end && charset(code, pc + 2, s.at(ptr))? {
                    ptr += 1;
                }
            }
            IN_IGNORE | IN_UNI_IGNORE | IN_LOC_IGNORE => {
                // Not in sre's count(), where these run as nested matches:
                // same result, without a match per character.
                let which = op(code, pc)?;
                while ptr < end {
                    let ch = s.at(ptr);
                    let ok = match which {
                        IN_IGNORE => charset(code, pc + 2, lower_ascii(ch))?,
                        IN_UNI_IGNORE => charset(code, pc + 2, lower_unicode(ch))?,
                        _ => charset_loc_ignore(code, pc + 2, ch)?,
                    };
                    if !ok {
                        break;
                    }
                    ptr += 1;
                }
            }
            CATEGORY => {
                let cat = op(code, pc + 1)?;
                while ptr < end && category(cat, s.at(ptr)) {
                    ptr += 1;
                }
            }
            ANY => {
                while ptr < end && !is_linebreak(s.at(ptr)) {
                    ptr += 1;
                }
            }
            ANY_ALL => ptr = end,
            LITERAL => {
                let c = op(code, pc + 1)?;
                while ptr < end && s.at(ptr) == c {
                    ptr += 1;
                }
            }
            LITERAL_IGNORE => {
                let c = op(code, pc + 1)?;
                while ptr < end && lower_ascii(s.at(ptr)) == c {
                    ptr += 1;
                }
            }
            LITERAL_UNI_IGNORE => {
                let c = op(code, pc + 1)?;
                while ptr < end && lower_unicode(s.at(ptr)) == c {
                    ptr += 1;
                }
            }
            LITERAL_LOC_IGNORE => {
                let c = op(code, pc + 1)?;
                while ptr < end && char_loc_ignore(c, s.at(ptr)) {
                    ptr += 1;
                }
            }
            NOT_LITERAL => {
                let c = op(code, pc + 1)?;
                while ptr < end && s.at(ptr) != c {
                    ptr += 1;
                }
            }
            NOT_LITERAL_IGNORE => {
                let c = op(code, pc + 1)?;
                while ptr < end && lower_ascii(s.at(ptr)) != c {
                    ptr += 1;
                }
            }
            NOT_LITERAL_UNI_IGNORE => {
                let c = op(code, pc + 1)?;
                while ptr < end && lower_unicode(s.at(ptr)) != c {
                    ptr += 1;
                }
            }
            NOT_LITERAL_LOC_IGNORE => {
                let c = op(code, pc + 1)?;
                while ptr < end && !char_loc_ignore(c, s.at(ptr)) {
                    ptr += 1;
                }
            }
            _ => {
                // Any other single-character item: run it as a nested match.
                // Items never nest repeats, so this recursion is shallow;
                // the depth bound only guards against hand-made code.
                if self.count_depth > 8 {
                    return Err(SreError::Illegal);
                }
                self.count_depth += 1;
                let mut result = Ok(());
                while self.ptr < end {
                    match self.run(code, pc, false) {
                        Ok(true) => {}
                        Ok(false) => break,
                        Err(e) => {
                            result = Err(e);
                            break;
                        }
                    }
                }
                self.count_depth -= 1;
                result?;
                return Ok(self.ptr - start);
            }
        }
        Ok(ptr - start)
    }

    fn mark_push(&mut self, lastmark: isize) {
        if lastmark >= 0 {
            let n = (lastmark + 1) as usize;
            self.data.extend_from_slice(&self.marks[..n.min(self.marks.len())]);
        }
    }

    /// Restore the marks saved by `mark_push`, popping them when `discard`.
    fn mark_pop(&mut self, lastmark: isize, restore: bool, discard: bool) -> R<()> {
        if lastmark >= 0 {
            let n = ((lastmark + 1) as usize).min(self.marks.len());
            let base = self.data.len().checked_sub(n).ok_or(SreError::Illegal)?;
            if restore {
                self.marks[..n].copy_from_slice(&self.data[base..]);
            }
            if discard {
                self.data.truncate(base);
            }
        }
        Ok(())
    }

    fn rep(&mut self, i: usize) -> R<&mut Repeat> {
        self.repeats.get_mut(i).ok_or(SreError::Illegal)
    }

    /// Run the code at `pc` from `self.ptr` (sre's SRE(match)).
    fn run(&mut self, code: &[u32], pc: usize, toplevel: bool) -> R<bool> {
        let mut frames: Vec<Ctx> = vec![Ctx::new(pc, toplevel)];
        let mut ret = false;
        let mut entering = true;
        loop {
            let top = frames.len() - 1;
            let mut ctx = frames[top];
            let step = if entering { self.enter(code, &mut ctx)? } else { self.resume(code, &mut ctx, ret)? };
            frames[top] = ctx;
            match step {
                Step::Call { pc, toplevel } => {
                    frames.push(Ctx::new(pc, toplevel));
                    entering = true;
                }
                Step::Return(r) => {
                    frames.pop();
                    if frames.is_empty() {
                        return Ok(r);
                    }
                    ret = r;
                    entering = false;
                }
            }
        }
    }

    /// Start a frame: the INFO length check, then its code.
    fn enter(&mut self, code: &[u32], ctx: &mut Ctx) -> R<Step> {
        let ptr = self.ptr;
        let mut pc = ctx.pc;
        if op(code, pc)? == INFO {
            let min = op(code, pc + 3)? as usize;
            // As sre, the length check is unsigned: ptr past end passes it.
            if min != 0 && ptr <= self.end && self.end - ptr < min {
                return Ok(Step::Return(false));
            }
            pc += op(code, pc + 1)? as usize + 1;
        }
        self.dispatch(code, ctx, pc, ptr)
    }

    fn call(ctx: &mut Ctx, jump: Jump, pc: usize, ptr: usize, resume_pc: usize, toplevel: bool) -> R<Step> {
        ctx.pc = resume_pc;
        ctx.ptr = ptr;
        ctx.jump = jump;
        Ok(Step::Call { pc, toplevel })
    }

    fn lastmark_save(&self, ctx: &mut Ctx) {
        ctx.lastmark = self.lastmark;
        ctx.lastindex = self.lastindex;
    }

    fn lastmark_restore(&mut self, ctx: &Ctx) {
        self.lastmark = ctx.lastmark;
        self.lastindex = ctx.lastindex;
    }

    /// Execute ops from `pc` until the frame returns or starts a nested match.
    fn dispatch(&mut self, code: &[u32], ctx: &mut Ctx, mut pc: usize, mut ptr: usize) -> R<Step> {
        let end = self.end;
        let fail = Ok(Step::Return(false));
        loop {
            self.tick()?;
            let opcode = op(code, pc)?;
            let p = pc + 1;
            match opcode {
                MARK => {
                    let i = op(code, p)? as usize;
                    if i >= self.marks.len() {
                        return Err(SreError::Illegal);
                    }
                    if i & 1 == 1 {
                        self.lastindex = (i / 2 + 1) as isize;
                    }
                    if i as isize > self.lastmark {
                        let from = (self.lastmark + 1) as usize;
                        for m in &mut self.marks[from..i] {
                            *m = NONE;
                        }
                        self.lastmark = i as isize;
                    }
                    self.marks[i] = ptr;
                    pc = p + 1;
                }
                LITERAL | NOT_LITERAL | LITERAL_IGNORE | NOT_LITERAL_IGNORE | LITERAL_UNI_IGNORE | NOT_LITERAL_UNI_IGNORE
                | LITERAL_LOC_IGNORE | NOT_LITERAL_LOC_IGNORE => {
                    if ptr >= end {
                        return fail;
                    }
                    let c = op(code, p)?;
                    let ch = self.subject.at(ptr);
                    let ok = match opcode {
                        LITERAL => ch == c,
                        NOT_LITERAL => ch != c,
                        LITERAL_IGNORE => lower_ascii(ch) == c,
                        NOT_LITERAL_IGNORE => lower_ascii(ch) != c,
                        LITERAL_UNI_IGNORE => lower_unicode(ch) == c,
                        NOT_LITERAL_UNI_IGNORE => lower_unicode(ch) != c,
                        LITERAL_LOC_IGNORE => char_loc_ignore(c, ch),
                        _ => !char_loc_ignore(c, ch),
                    };
                    if !ok {
                        return fail;
                    }
                    pc = p + 1;
                    ptr += 1;
                }
                SUCCESS => {
                    if ctx.toplevel && ((self.match_all && ptr != end) || (self.must_advance && ptr == self.start)) {
                        return fail;
                    }
                    self.ptr = ptr;
                    return Ok(Step::Return(true));
                }
                AT => {
                    if !self.at(ptr, op(code, p)?) {
                        return fail;
                    }
                    pc = p + 1;
                }
                CATEGORY => {
                    if ptr >= end || !category(op(code, p)?, self.subject.at(ptr)) {
                        return fail;
                    }
                    pc = p + 1;
                    ptr += 1;
                }
                ANY => {
                    if ptr >= end || is_linebreak(self.subject.at(ptr)) {
                        return fail;
                    }
                    pc = p;
                    ptr += 1;
                }
                ANY_ALL => {
                    if ptr >= end {
                        return fail;
                    }
                    pc = p;
                    ptr += 1;
                }
                IN | IN_IGNORE | IN_UNI_IGNORE | IN_LOC_IGNORE => {
                    if ptr >= end {
                        return fail;
                    }
                    let ch = self.subject.at(ptr);
                    let ok = match opcode {
                        IN => charset(code, p + 1, ch)?,
                        IN_IGNORE => charset(code, p + 1, lower_ascii(ch))?,
                        IN_UNI_IGNORE => charset(code, p + 1, lower_unicode(ch))?,
                        _ => charset_loc_ignore(code, p + 1, ch)?,
                    };
                    if !ok {
                        return fail;
                    }
                    pc = p + op(code, p)? as usize;
                    ptr += 1;
                }
                JUMP | INFO => {
                    pc = p + op(code, p)? as usize;
                }
                BRANCH => {
                    self.lastmark_save(ctx);
                    if self.repeat.is_some() {
                        self.mark_push(ctx.lastmark);
                    }
                    return self.branch(code, ctx, p, ptr);
                }
                REPEAT_ONE => {
                    let (skip, min, max) = (op(code, p)? as usize, op(code, p + 1)? as usize, op(code, p + 2)?);
                    // ptr is past end when pos > endpos: nothing can match.
                    if ptr > end || min > end - ptr {
                        return fail;
                    }
                    self.ptr = ptr;
                    let count = self.count(code, p + 3, max)?;
                    ctx.count = count as isize;
                    ptr += count;
                    if count < min {
                        return fail;
                    }
                    let tail = op(code, p + skip)?;
                    if tail == SUCCESS && ptr == end && !(ctx.toplevel && self.must_advance && ptr == self.start) {
                        self.ptr = ptr;
                        return Ok(Step::Return(true));
                    }
                    self.lastmark_save(ctx);
                    if self.repeat.is_some() {
                        self.mark_push(ctx.lastmark);
                    }
                    if tail == LITERAL {
                        ctx.u = op(code, p + skip + 1)? as usize;
                        return self.repeat_one_literal(code, ctx, p, ptr);
                    }
                    return self.repeat_one_general(code, ctx, p, ptr);
                }
                MIN_REPEAT_ONE => {
                    let (skip, min) = (op(code, p)? as usize, op(code, p + 1)? as usize);
                    if ptr > end || min > end - ptr {
                        return fail;
                    }
                    self.ptr = ptr;
                    if min == 0 {
                        ctx.count = 0;
                    } else {
                        let n = self.count(code, p + 3, min as u32)?;
                        if n < min {
                            return fail;
                        }
                        ctx.count = n as isize;
                        ptr += n;
                    }
                    if op(code, p + skip)? == SUCCESS
                        && !(ctx.toplevel && ((self.match_all && ptr != end) || (self.must_advance && ptr == self.start)))
                    {
                        self.ptr = ptr;
                        return Ok(Step::Return(true));
                    }
                    self.lastmark_save(ctx);
                    if self.repeat.is_some() {
                        self.mark_push(ctx.lastmark);
                    }
                    return self.min_repeat_one(code, ctx, p, ptr);
                }
                POSSESSIVE_REPEAT_ONE => {
                    let (skip, min, max) = (op(code, p)? as usize, op(code, p + 1)? as usize, op(code, p + 2)?);
                    if ptr.saturating_add(min) > end {
                        return fail;
                    }
                    self.ptr = ptr;
                    let count = self.count(code, p + 3, max)?;
                    ctx.count = count as isize;
                    ptr += count;
                    if count < min {
                        return fail;
                    }
                    pc = p + skip;
                    if op(code, pc)? == SUCCESS && ptr == end && !(ctx.toplevel && self.must_advance && ptr == self.start) {
                        self.ptr = ptr;
                        return Ok(Step::Return(true));
                    }
                }
                REPEAT => {
                    let idx = self.repeats.len();
                    self.repeats.push(Repeat { count: -1, pattern: p, prev: self.repeat, last_ptr: NONE });
                    self.repeat = Some(idx);
                    ctx.u = idx;
                    self.ptr = ptr;
                    let skip = op(code, p)? as usize;
                    return Self::call(ctx, Jump::Repeat, p + skip, ptr, p, ctx.toplevel);
                }
                MAX_UNTIL => {
                    let r = self.repeat.ok_or(SreError::Illegal)?;
                    ctx.u = r;
                    self.ptr = ptr;
                    let rep = *self.rep(r)?;
                    ctx.count = rep.count + 1;
                    let (rmin, rmax) = (op(code, rep.pattern + 1)? as isize, op(code, rep.pattern + 2)?);
                    if ctx.count < rmin {
                        self.rep(r)?.count = ctx.count;
                        return Self::call(ctx, Jump::MaxUntil1, rep.pattern + 3, ptr, p, ctx.toplevel);
                    }
                    if (ctx.count < rmax as isize || rmax == MAXREPEAT) && self.ptr != rep.last_ptr {
                        self.rep(r)?.count = ctx.count;
                        self.lastmark_save(ctx);
                        self.mark_push(ctx.lastmark);
                        self.data.push(rep.last_ptr);
                        self.rep(r)?.last_ptr = self.ptr;
                        return Self::call(ctx, Jump::MaxUntil2, rep.pattern + 3, ptr, p, ctx.toplevel);
                    }
                    self.repeat = rep.prev;
                    return Self::call(ctx, Jump::MaxUntil3, p, ptr, p, ctx.toplevel);
                }
                MIN_UNTIL => {
                    let r = self.repeat.ok_or(SreError::Illegal)?;
                    ctx.u = r;
                    self.ptr = ptr;
                    let rep = *self.rep(r)?;
                    ctx.count = rep.count + 1;
                    let rmin = op(code, rep.pattern + 1)? as isize;
                    if ctx.count < rmin {
                        self.rep(r)?.count = ctx.count;
                        return Self::call(ctx, Jump::MinUntil1, rep.pattern + 3, ptr, p, ctx.toplevel);
                    }
                    self.repeat = rep.prev;
                    self.lastmark_save(ctx);
                    if self.repeat.is_some() {
                        self.mark_push(ctx.lastmark);
                    }
                    return Self::call(ctx, Jump::MinUntil2, p, ptr, p, ctx.toplevel);
                }
                POSSESSIVE_REPEAT => {
                    self.ptr = ptr;
                    ctx.count = 0;
                    return self.poss_repeat_min(code, ctx, p, ptr);
                }
                ATOMIC_GROUP => {
                    self.ptr = ptr;
                    return Self::call(ctx, Jump::AtomicGroup, p + 1, ptr, p, false);
                }
                GROUPREF | GROUPREF_IGNORE | GROUPREF_UNI_IGNORE | GROUPREF_LOC_IGNORE => {
                    let g = op(code, p)? as usize * 2;
                    if g as isize >= self.lastmark {
                        return fail;
                    }
                    let (mut a, b) = match (self.marks.get(g), self.marks.get(g + 1)) {
                        (Some(&a), Some(&b)) => (a, b),
                        _ => return Err(SreError::Illegal),
                    };
                    if a == NONE || b == NONE || b < a {
                        return fail;
                    }
                    let fold: fn(u32) -> u32 = match opcode {
                        GROUPREF => |c| c,
                        GROUPREF_IGNORE => lower_ascii,
                        GROUPREF_UNI_IGNORE => lower_unicode,
                        _ => lower_locale,
                    };
                    while a < b {
                        if ptr >= end || fold(self.subject.at(ptr)) != fold(self.subject.at(a)) {
                            return fail;
                        }
                        a += 1;
                        ptr += 1;
                    }
                    pc = p + 1;
                }
                GROUPREF_EXISTS => {
                    let g = op(code, p)? as usize * 2;
                    let present = (g as isize) < self.lastmark
                        && match (self.marks.get(g), self.marks.get(g + 1)) {
                            (Some(&a), Some(&b)) => a != NONE && b != NONE && a <= b,
                            _ => false,
                        };
                    if present {
                        pc = p + 2;
                    } else {
                        pc = p + op(code, p + 1)? as usize;
                    }
                }
                ASSERT => {
                    let back = op(code, p + 1)? as usize;
                    if ptr < back {
                        return fail;
                    }
                    self.ptr = ptr - back;
                    return Self::call(ctx, Jump::Assert, p + 2, ptr, p, false);
                }
                ASSERT_NOT => {
                    let back = op(code, p + 1)? as usize;
                    if ptr >= back {
                        self.ptr = ptr - back;
                        self.lastmark_save(ctx);
                        if self.repeat.is_some() {
                            self.mark_push(ctx.lastmark);
                        }
                        return Self::call(ctx, Jump::AssertNot, p + 2, ptr, p, false);
                    }
                    pc = p + op(code, p)? as usize;
                }
                FAILURE => return fail,
                _ => return Err(SreError::Illegal),
            }
        }
    }

    /// Try the alternatives of a BRANCH from the one at `p`.
    fn branch(&mut self, code: &[u32], ctx: &mut Ctx, mut p: usize, ptr: usize) -> R<Step> {
        let end = self.end;
        loop {
            let skip = op(code, p)? as usize;
            if skip == 0 {
                break;
            }
            let first = op(code, p + 1)?;
            if first == LITERAL && (ptr >= end || self.subject.at(ptr) != op(code, p + 2)?) {
                p += skip;
                continue;
            }
            if first == IN && (ptr >= end || !charset(code, p + 3, self.subject.at(ptr))?) {
                p += skip;
                continue;
            }
            self.ptr = ptr;
            return Self::call(ctx, Jump::Branch, p + 1, ptr, p, ctx.toplevel);
        }
        if self.repeat.is_some() {
            self.mark_pop(ctx.lastmark, false, true)?;
        }
        Ok(Step::Return(false))
    }

    fn repeat_one_literal(&mut self, code: &[u32], ctx: &mut Ctx, p: usize, mut ptr: usize) -> R<Step> {
        let min = op(code, p + 1)? as isize;
        let skip = op(code, p)? as usize;
        let chr = ctx.u as u32;
        // Skip positions where the literal that starts the tail cannot match.
        while ctx.count >= min && (ptr >= self.end || self.subject.at(ptr) != chr) {
            ptr = ptr.wrapping_sub(1);
            ctx.count -= 1;
        }
        if ctx.count >= min {
            self.ptr = ptr;
            return Self::call(ctx, Jump::RepeatOne1, p + skip, ptr, p, ctx.toplevel);
        }
        if self.repeat.is_some() {
            self.mark_pop(ctx.lastmark, false, true)?;
        }
        Ok(Step::Return(false))
    }

    fn repeat_one_general(&mut self, code: &[u32], ctx: &mut Ctx, p: usize, ptr: usize) -> R<Step> {
        let min = op(code, p + 1)? as isize;
        let skip = op(code, p)? as usize;
        if ctx.count >= min {
            self.ptr = ptr;
            return Self::call(ctx, Jump::RepeatOne2, p + skip, ptr, p, ctx.toplevel);
        }
        if self.repeat.is_some() {
            self.mark_pop(ctx.lastmark, false, true)?;
        }
        Ok(Step::Return(false))
    }

    fn min_repeat_one(&mut self, code: &[u32], ctx: &mut Ctx, p: usize, ptr: usize) -> R<Step> {
        let max = op(code, p + 2)?;
        let skip = op(code, p)? as usize;
        if max == MAXREPEAT || ctx.count <= max as isize {
            self.ptr = ptr;
            return Self::call(ctx, Jump::MinRepeatOne, p + skip, ptr, p, ctx.toplevel);
        }
        if self.repeat.is_some() {
            self.mark_pop(ctx.lastmark, false, true)?;
        }
        Ok(Step::Return(false))
    }

    /// The mandatory iterations of a POSSESSIVE_REPEAT.
    fn poss_repeat_min(&mut self, code: &[u32], ctx: &mut Ctx, p: usize, ptr: usize) -> R<Step> {
        let min = op(code, p + 1)? as isize;
        if ctx.count < min {
            return Self::call(ctx, Jump::PossRepeat1, p + 3, ptr, p, false);
        }
        // No previous position: the first optional iteration always runs.
        self.poss_repeat_more(code, ctx, p, NONE)
    }

    fn poss_repeat_more(&mut self, code: &[u32], ctx: &mut Ctx, p: usize, ptr: usize) -> R<Step> {
        let max = op(code, p + 2)?;
        if (ctx.count < max as isize || max == MAXREPEAT) && self.ptr != ptr {
            self.lastmark_save(ctx);
            self.mark_push(ctx.lastmark);
            let ptr = self.ptr;
            return Self::call(ctx, Jump::PossRepeat2, p + 3, ptr, p, false);
        }
        self.poss_repeat_tail(code, ctx, p)
    }

    fn poss_repeat_tail(&mut self, code: &[u32], ctx: &mut Ctx, p: usize) -> R<Step> {
        let pc = p + op(code, p)? as usize + 1;
        let ptr = self.ptr;
        self.dispatch(code, ctx, pc, ptr)
    }

    /// Continue a frame after the nested match it started returned `ret`.
    fn resume(&mut self, code: &[u32], ctx: &mut Ctx, ret: bool) -> R<Step> {
        let p = ctx.pc;
        let ptr = ctx.ptr;
        let success = Ok(Step::Return(true));
        let fail = Ok(Step::Return(false));
        match ctx.jump {
            Jump::None => Err(SreError::Illegal),
            Jump::Branch => {
                if ret {
                    if self.repeat.is_some() {
                        self.mark_pop(ctx.lastmark, false, true)?;
                    }
                    return success;
                }
                if self.repeat.is_some() {
                    self.mark_pop(ctx.lastmark, true, false)?;
                }
                self.lastmark_restore(ctx);
                let next = p + op(code, p)? as usize;
                self.branch(code, ctx, next, ptr)
            }
            Jump::RepeatOne1 | Jump::RepeatOne2 | Jump::MinRepeatOne => {
                if ret {
                    if self.repeat.is_some() {
                        self.mark_pop(ctx.lastmark, false, true)?;
                    }
                    return success;
                }
                if self.repeat.is_some() {
                    self.mark_pop(ctx.lastmark, true, false)?;
                }
                self.lastmark_restore(ctx);
                match ctx.jump {
                    Jump::RepeatOne1 => {
                        ctx.count -= 1;
                        self.repeat_one_literal(code, ctx, p, ptr.wrapping_sub(1))
                    }
                    Jump::RepeatOne2 => {
                        ctx.count -= 1;
                        self.repeat_one_general(code, ctx, p, ptr.wrapping_sub(1))
                    }
                    _ => {
                        self.ptr = ptr;
                        let n = self.count(code, p + 3, 1)?;
                        if n == 0 {
                            if self.repeat.is_some() {
                                self.mark_pop(ctx.lastmark, false, true)?;
                            }
                            return fail;
                        }
                        ctx.count += 1;
                        self.min_repeat_one(code, ctx, p, ptr + 1)
                    }
                }
            }
            Jump::Repeat => {
                let rep = *self.rep(ctx.u)?;
                self.repeat = rep.prev;
                self.repeats.truncate(ctx.u);
                Ok(Step::Return(ret))
            }
            Jump::MaxUntil1 | Jump::MinUntil1 => {
                if ret {
                    return success;
                }
                self.rep(ctx.u)?.count = ctx.count - 1;
                self.ptr = ptr;
                fail
            }
            Jump::MaxUntil2 => {
                let last = self.data.pop().ok_or(SreError::Illegal)?;
                self.rep(ctx.u)?.last_ptr = last;
                if ret {
                    self.mark_pop(ctx.lastmark, false, true)?;
                    return success;
                }
                self.mark_pop(ctx.lastmark, true, true)?;
                self.lastmark_restore(ctx);
                self.rep(ctx.u)?.count = ctx.count - 1;
                self.ptr = ptr;
                // Cannot match more repeated items here: the tail must match.
                self.repeat = self.rep(ctx.u)?.prev;
                Self::call(ctx, Jump::MaxUntil3, p, ptr, p, ctx.toplevel)
            }
            Jump::MaxUntil3 => {
                self.repeat = Some(ctx.u);
                if ret {
                    return success;
                }
                self.ptr = ptr;
                fail
            }
            Jump::MinUntil2 => {
                let repeat_of_tail = self.repeat;
                self.repeat = Some(ctx.u);
                if ret {
                    if repeat_of_tail.is_some() {
                        self.mark_pop(ctx.lastmark, false, true)?;
                    }
                    return success;
                }
                if repeat_of_tail.is_some() {
                    self.mark_pop(ctx.lastmark, true, true)?;
                }
                self.lastmark_restore(ctx);
                self.ptr = ptr;
                let rep = *self.rep(ctx.u)?;
                let rmax = op(code, rep.pattern + 2)?;
                if (ctx.count >= rmax as isize && rmax != MAXREPEAT) || self.ptr == rep.last_ptr {
                    return fail;
                }
                self.rep(ctx.u)?.count = ctx.count;
                self.data.push(rep.last_ptr);
                self.rep(ctx.u)?.last_ptr = self.ptr;
                Self::call(ctx, Jump::MinUntil3, rep.pattern + 3, ptr, p, ctx.toplevel)
            }
            Jump::MinUntil3 => {
                let last = self.data.pop().ok_or(SreError::Illegal)?;
                self.rep(ctx.u)?.last_ptr = last;
                if ret {
                    return success;
                }
                self.rep(ctx.u)?.count = ctx.count - 1;
                self.ptr = ptr;
                fail
            }
            Jump::PossRepeat1 => {
                if ret {
                    ctx.count += 1;
                    return self.poss_repeat_min(code, ctx, p, ptr);
                }
                self.ptr = ptr;
                fail
            }
            Jump::PossRepeat2 => {
                if ret {
                    self.mark_pop(ctx.lastmark, false, true)?;
                    ctx.count += 1;
                    return self.poss_repeat_more(code, ctx, p, ptr);
                }
                self.mark_pop(ctx.lastmark, true, true)?;
                self.lastmark_restore(ctx);
                self.ptr = ptr;
                self.poss_repeat_tail(code, ctx, p)
            }
            Jump::AtomicGroup => {
                if !ret {
                    self.ptr = ptr;
                    return fail;
                }
                let pc = p + op(code, p)? as usize;
                let ptr = self.ptr;
                self.dispatch(code, ctx, pc, ptr)
            }
            Jump::Assert => {
                if !ret {
                    return fail;
                }
                let pc = p + op(code, p)? as usize;
                self.dispatch(code, ctx, pc, ptr)
            }
            Jump::AssertNot => {
                if ret {
                    if self.repeat.is_some() {
                        self.mark_pop(ctx.lastmark, false, true)?;
                    }
                    return fail;
                }
                if self.repeat.is_some() {
                    self.mark_pop(ctx.lastmark, true, true)?;
                }
                self.lastmark_restore(ctx);
                let pc = p + op(code, p)? as usize;
                self.dispatch(code, ctx, pc, ptr)
            }
        }
    }
}

#[cfg(test)]
#[path = "engine_cases.rs"]
mod cases;

#[cfg(test)]
mod tests {
    use super::*;

    /// `text` as units of `width` bytes (None if a character does not fit).
    fn units(text: &[u32], width: usize) -> Option<Vec<u8>> {
        let mut out = Vec::new();
        for &c in text {
            match width {
                1 => out.push(u8::try_from(c).ok()?),
                2 => out.extend_from_slice(&u16::try_from(c).ok()?.to_ne_bytes()),
                _ => out.extend_from_slice(&c.to_ne_bytes()),
            }
        }
        Some(out)
    }

    fn search_spans(code: &[u32], groups: usize, data: &[u8], width: usize) -> Option<Vec<(isize, isize)>> {
        let mut st = State::new(Subject::new(data, width), groups, 0, isize::MAX);
        let found = st.search(code).expect("engine error");
        if !found {
            return None;
        }
        let mut spans = vec![(st.start as isize, st.ptr as isize)];
        for g in 1..=groups {
            spans.push(st.group_span(g).map_or((-1, -1), |(a, b)| (a as isize, b as isize)));
        }
        Some(spans)
    }

    #[test]
    fn search_matches_python() {
        for (pattern, code, groups, (text, times, tail), expected) in cases::CASES {
            let mut subject: Vec<u32> = Vec::new();
            for _ in 0..*times {
                subject.extend(text.chars().map(|c| c as u32));
            }
            subject.extend(tail.chars().map(|c| c as u32));
            for width in [1, 2, 4] {
                let Some(data) = units(&subject, width) else { continue };
                let got = search_spans(code, *groups, &data, width);
                assert_eq!(got.as_deref(), *expected, "pattern {pattern:?} width {width}");
            }
        }
    }

    #[test]
    fn fullmatch_and_must_advance() {
        // re.compile('a|ab'): fullmatch('ab') takes the second alternative.
        let code = [14, 8, 1, 1, 2, 1, 1, 97, 0, 16, 97, 7, 3, 15, 7, 5, 16, 98, 15, 2, 0, 1];
        let data = b"ab";
        let mut st = State::new(Subject::new(data, 1), 0, 0, isize::MAX);
        st.match_all = true;
        assert_eq!(st.pymatch(&code), Ok(true));
        assert_eq!(st.ptr, 2);
        // re.compile('x*'): an empty match is refused where must_advance is set.
        let code = [14, 4, 0, 0, u32::MAX, 24, 6, 0, u32::MAX, 16, 120, 1, 1];
        let mut st = State::new(Subject::new(b"ab", 1), 0, 0, isize::MAX);
        st.must_advance = true;
        assert_eq!(st.search(&code), Ok(true));
        assert_eq!((st.start, st.ptr), (1, 1));
    }

    #[test]
    fn malformed_code_is_an_error() {
        for code in [&[99u32, 1][..], &[16][..], &[7, 100, 16][..], &[18, 1][..], &[17, 5, 1][..]] {
            let mut st = State::new(Subject::new(b"aaa", 1), 1, 0, isize::MAX);
            assert_eq!(st.pymatch(code), Err(SreError::Illegal), "{code:?}");
        }
    }

    #[test]
    fn interrupt_stops_a_long_match() {
        // re.compile('(x+x+)+y'): exponential on 'x' * 40.
        let code = [14, 4, 0, 3, u32::MAX, 23, 21, 1, u32::MAX, 17, 0, 24, 6, 1, u32::MAX, 16, 120, 1, 24, 6, 1, u32::MAX, 16, 120, 1, 17, 1, 18, 16, 121, 1];
        let data = [b'x'; 40];
        let mut polls = 0;
        let mut check = || {
            polls += 1;
            polls > 3
        };
        let mut st = State::new(Subject::new(&data, 1), 1, 0, isize::MAX);
        st.set_interrupt(&mut check);
        assert_eq!(st.pymatch(&code), Err(SreError::Interrupted));
    }

    #[test]
    fn case_helpers() {
        assert_eq!(lower_ascii(b'Q' as u32), b'q' as u32);
        assert_eq!(lower_ascii(0xC9), 0xC9);
        assert_eq!(lower_unicode(0xC9), 0xE9);
        assert_eq!(upper_unicode(0x17F), b'S' as u32);
        assert_eq!(lower_unicode(0x212A), b'k' as u32);
        assert!(category(14, 0x4E00) && !category(4, 0x4E00));
        assert!(category(12, 0x2003) && !category(2, 0x2003));
    }
}
