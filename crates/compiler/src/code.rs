//! Code objects: the immutable result of compiling one scope, with
//! CPython 3.11's attributes and table formats (`co_linetable` in the 3.11
//! location format, `co_exceptiontable` in the 3.11 varint format), so
//! `co_positions()`, `co_lines()` and exception lookup answer as CPython's.

use std::sync::Arc;

use syntax::ast::Constant;

// co_flags bits (CPython's values).
pub const CO_OPTIMIZED: u32 = 0x0001;
pub const CO_NEWLOCALS: u32 = 0x0002;
pub const CO_VARARGS: u32 = 0x0004;
pub const CO_VARKEYWORDS: u32 = 0x0008;
pub const CO_NESTED: u32 = 0x0010;
pub const CO_GENERATOR: u32 = 0x0020;
/// Set by CPython 3.11 when the code has no free or cell variables.
pub const CO_NOFREE: u32 = 0x0040;
pub const CO_COROUTINE: u32 = 0x0080;
pub const CO_ITERABLE_COROUTINE: u32 = 0x0100;
pub const CO_ASYNC_GENERATOR: u32 = 0x0200;
// The future-feature bits live with the future-statement scan.
pub use crate::future::{
    CO_FUTURE_ABSOLUTE_IMPORT, CO_FUTURE_ANNOTATIONS, CO_FUTURE_BARRY_AS_BDFL, CO_FUTURE_DIVISION,
    CO_FUTURE_GENERATOR_STOP, CO_FUTURE_PRINT_FUNCTION, CO_FUTURE_UNICODE_LITERALS, CO_FUTURE_WITH_STATEMENT,
};

// Kinds of the "fast locals plus" slots (CPython's co_localspluskinds).
pub const CO_FAST_LOCAL: u8 = 0x20;
pub const CO_FAST_CELL: u8 = 0x40;
pub const CO_FAST_FREE: u8 = 0x80;

/// An entry of `co_consts`.
#[derive(Clone, Debug, PartialEq)]
pub enum ConstValue {
    Value(Constant),
    /// A folded `x in {1, 2}` operand.
    FrozenSet(Vec<Constant>),
    Code(Arc<CodeObject>),
}

impl ConstValue {
    /// `repr()` of the constant; nested code objects use a stable
    /// placeholder for their address (see `CodeObject::repr`).
    pub fn repr(&self) -> String {
        match self {
            ConstValue::Value(c) => c.repr(),
            ConstValue::FrozenSet(items) => {
                if items.is_empty() {
                    "frozenset()".to_string()
                } else {
                    let parts: Vec<String> = items.iter().map(Constant::repr).collect();
                    format!("frozenset({{{}}})", parts.join(", "))
                }
            }
            ConstValue::Code(code) => code.repr(),
        }
    }
}

/// One `co_positions()` item: (line, end_line, col, end_col), None when unknown.
pub type Position = (Option<u32>, Option<u32>, Option<u32>, Option<u32>);

/// A source range as CPython 3.11 tracks it per instruction: 1-based lines,
/// 0-based UTF-8 byte columns; -1 means unknown.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub struct Location {
    pub lineno: i32,
    pub end_lineno: i32,
    pub col: i32,
    pub end_col: i32,
}

impl Location {
    pub const NONE: Location = Location {
        lineno: -1,
        end_lineno: -1,
        col: -1,
        end_col: -1,
    };

    pub fn from_loc(loc: &syntax::ast::Loc) -> Location {
        Location {
            lineno: loc.lineno as i32,
            end_lineno: loc.end_lineno as i32,
            col: loc.col_offset as i32,
            end_col: loc.end_col_offset as i32,
        }
    }

    pub fn is_none(&self) -> bool {
        self.lineno < 0
    }
}

/// One entry of the exception table, in code units.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct ExceptionEntry {
    pub start: u32,
    /// Exclusive.
    pub end: u32,
    pub target: u32,
    /// Stack depth to unwind to before pushing the exception.
    pub depth: u32,
    /// Push the offset of the raising instruction too (`lasti`).
    pub lasti: bool,
}

#[derive(Clone, Debug, PartialEq)]
pub struct CodeObject {
    pub co_name: String,
    pub co_qualname: String,
    pub co_filename: String,
    pub co_firstlineno: u32,
    pub co_argcount: u32,
    pub co_posonlyargcount: u32,
    pub co_kwonlyargcount: u32,
    pub co_flags: u32,
    pub co_stacksize: u32,
    /// Code units: opcode byte, argument byte.
    pub co_code: Vec<u8>,
    pub co_consts: Vec<ConstValue>,
    pub co_names: Vec<String>,
    /// Names of the fast-locals-plus slots: locals (parameters first),
    /// then cells that are not parameters, then free variables. LOAD_FAST,
    /// LOAD_DEREF and friends index this array, as in CPython 3.11.
    pub co_localsplusnames: Vec<String>,
    /// CO_FAST_* bits of each slot.
    pub co_localspluskinds: Vec<u8>,
    pub co_linetable: Vec<u8>,
    pub co_exceptiontable: Vec<u8>,
}

impl CodeObject {
    fn names_of_kind(&self, kind: u8) -> Vec<String> {
        self.co_localsplusnames
            .iter()
            .zip(&self.co_localspluskinds)
            .filter(|(_, k)| **k & kind != 0)
            .map(|(n, _)| n.clone())
            .collect()
    }

    pub fn co_varnames(&self) -> Vec<String> {
        self.names_of_kind(CO_FAST_LOCAL)
    }

    pub fn co_cellvars(&self) -> Vec<String> {
        self.names_of_kind(CO_FAST_CELL)
    }

    pub fn co_freevars(&self) -> Vec<String> {
        self.names_of_kind(CO_FAST_FREE)
    }

    pub fn co_nlocals(&self) -> u32 {
        self.co_localspluskinds
            .iter()
            .filter(|k| **k & CO_FAST_LOCAL != 0)
            .count() as u32
    }

    /// Number of fast-locals-plus slots a frame needs.
    pub fn nlocalsplus(&self) -> usize {
        self.co_localsplusnames.len()
    }

    /// `repr(code)`. CPython prints the object's address; ours prints a
    /// fixed placeholder so output is reproducible.
    pub fn repr(&self) -> String {
        format!(
            "<code object {} at 0x0000, file \"{}\", line {}>",
            self.co_name, self.co_filename, self.co_firstlineno
        )
    }

    /// `co_positions()`: one (line, end_line, col, end_col) per code unit.
    pub fn co_positions(&self) -> Vec<Position> {
        let mut out = Vec::new();
        for entry in decode_linetable(&self.co_linetable, self.co_firstlineno as i32) {
            let conv = |v: i32| if v < 0 { None } else { Some(v as u32) };
            let pos = (
                conv(entry.loc.lineno),
                conv(entry.loc.end_lineno),
                conv(entry.loc.col),
                conv(entry.loc.end_col),
            );
            for _ in 0..entry.units {
                out.push(pos);
            }
        }
        out
    }

    /// `co_lines()`: (start byte, end byte, line) ranges, one per linetable
    /// entry, as CPython 3.11 yields them.
    pub fn co_lines(&self) -> Vec<(u32, u32, Option<u32>)> {
        let mut out = Vec::new();
        let mut offset = 0u32;
        for entry in decode_linetable(&self.co_linetable, self.co_firstlineno as i32) {
            let end = offset + 2 * entry.units;
            let line = if entry.loc.lineno < 0 {
                None
            } else {
                Some(entry.loc.lineno as u32)
            };
            out.push((offset, end, line));
            offset = end;
        }
        out
    }

    /// The location of the instruction at code unit `index`.
    pub fn location_of(&self, index: usize) -> Location {
        let mut units = 0usize;
        for entry in decode_linetable(&self.co_linetable, self.co_firstlineno as i32) {
            units += entry.units as usize;
            if index < units {
                return entry.loc;
            }
        }
        Location::NONE
    }

    pub fn exception_entries(&self) -> Vec<ExceptionEntry> {
        decode_exception_table(&self.co_exceptiontable)
    }

    /// The handler for an exception raised at code unit `index`.
    pub fn find_handler(&self, index: u32) -> Option<ExceptionEntry> {
        self.exception_entries()
            .into_iter()
            .find(|e| e.start <= index && index < e.end)
    }
}

// ---------------------------------------------------------------------------
// Location table (CPython 3.11's Objects/locations.md format).

const LOC_SHORT_MAX: u8 = 9;
const LOC_ONE_LINE_0: u8 = 10;
const LOC_NO_COLUMN: u8 = 13;
const LOC_LONG: u8 = 14;
const LOC_NONE: u8 = 15;

/// Builds a location table, one instruction at a time.
pub struct LineTableWriter {
    out: Vec<u8>,
    line: i32,
}

impl LineTableWriter {
    pub fn new(firstlineno: i32) -> Self {
        LineTableWriter {
            out: Vec::new(),
            line: firstlineno,
        }
    }

    /// A writer with room for `capacity` bytes of table.
    pub fn with_capacity(firstlineno: i32, capacity: usize) -> Self {
        LineTableWriter {
            out: Vec::with_capacity(capacity),
            line: firstlineno,
        }
    }

    /// Record `loc` for an instruction of `units` code units (caches and
    /// EXTENDED_ARG prefixes included).
    pub fn push(&mut self, loc: Location, mut units: u32) {
        while units > 8 {
            self.entry(loc, 8);
            units -= 8;
        }
        if units > 0 {
            self.entry(loc, units);
        }
    }

    pub fn finish(self) -> Vec<u8> {
        self.out
    }

    fn head(&mut self, code: u8, units: u32) {
        self.out.push(0x80 | (code << 3) | (units as u8 - 1));
    }

    fn varint(&mut self, mut v: u32) {
        while v >= 64 {
            self.out.push(0x40 | (v & 63) as u8);
            v >>= 6;
        }
        self.out.push(v as u8);
    }

    fn svarint(&mut self, v: i32) {
        let u = if v < 0 {
            ((v.unsigned_abs()) << 1) | 1
        } else {
            (v as u32) << 1
        };
        self.varint(u);
    }

    fn entry(&mut self, loc: Location, units: u32) {
        if loc.lineno < 0 {
            self.head(LOC_NONE, units);
            return;
        }
        let line_delta = loc.lineno - self.line;
        let col = loc.col;
        let end_col = loc.end_col;
        if col < 0 || end_col < 0 {
            if loc.end_lineno == loc.lineno || loc.end_lineno < 0 {
                self.head(LOC_NO_COLUMN, units);
                self.svarint(line_delta);
                self.line = loc.lineno;
                return;
            }
        } else if loc.end_lineno == loc.lineno {
            if line_delta == 0 && col < 80 && end_col >= col && end_col - col < 16 {
                self.head((col / 8) as u8, units);
                self.out
                    .push((((col % 8) as u8) << 4) | (end_col - col) as u8);
                return;
            }
            if (0..3).contains(&line_delta) && col < 128 && end_col < 128 {
                self.head(LOC_ONE_LINE_0 + line_delta as u8, units);
                self.out.push(col as u8);
                self.out.push(end_col as u8);
                self.line = loc.lineno;
                return;
            }
        }
        self.head(LOC_LONG, units);
        self.svarint(line_delta);
        self.varint((loc.end_lineno - loc.lineno).max(0) as u32);
        self.varint((col + 1) as u32);
        self.varint((end_col + 1) as u32);
        self.line = loc.lineno;
    }
}

/// One decoded linetable entry.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct LineEntry {
    pub units: u32,
    pub loc: Location,
}

/// Decode a 3.11 location table. Malformed input ends the decoding early.
/// Allocates nothing (faulthandler decodes lines in a signal handler).
pub fn decode_linetable(table: &[u8], firstlineno: i32) -> LineTable<'_> {
    LineTable { table, i: 0, line: firstlineno }
}

/// The entries of a location table, in order (see `decode_linetable`).
pub struct LineTable<'a> {
    table: &'a [u8],
    i: usize,
    line: i32,
}

impl Iterator for LineTable<'_> {
    type Item = LineEntry;

    fn next(&mut self) -> Option<LineEntry> {
        let entry = self.entry();
        if entry.is_none() {
            self.i = self.table.len();
        }
        entry
    }
}

impl LineTable<'_> {
    fn entry(&mut self) -> Option<LineEntry> {
        let table = self.table;
        let next = |i: &mut usize| -> Option<u8> {
            let b = *table.get(*i)?;
            *i += 1;
            Some(b)
        };
        let varint = |i: &mut usize| -> Option<u32> {
            let mut shift = 0;
            let mut v = 0u32;
            loop {
                let b = next(i)?;
                v |= ((b & 63) as u32).checked_shl(shift)?;
                shift += 6;
                if b & 64 == 0 {
                    return Some(v);
                }
            }
        };
        let svarint = |i: &mut usize| -> Option<i32> {
            let u = varint(i)?;
            Some(if u & 1 != 0 {
                -((u >> 1) as i32)
            } else {
                (u >> 1) as i32
            })
        };
        let i = &mut self.i;
        let mut line = self.line;
        let head = next(i)?;
        if head & 0x80 == 0 {
            return None;
        }
        let code = (head >> 3) & 15;
        let units = (head & 7) as u32 + 1;
        let loc = match code {
            LOC_NONE => Location::NONE,
            LOC_LONG => {
                let Some(d) = svarint(i) else { return None };
                let (Some(el), Some(c), Some(ec)) =
                    (varint(i), varint(i), varint(i))
                else {
                    return None;
                };
                line += d;
                Location {
                    lineno: line,
                    end_lineno: line + el as i32,
                    col: c as i32 - 1,
                    end_col: ec as i32 - 1,
                }
            }
            LOC_NO_COLUMN => {
                let Some(d) = svarint(i) else { return None };
                line += d;
                Location {
                    lineno: line,
                    end_lineno: line,
                    col: -1,
                    end_col: -1,
                }
            }
            10..=12 => {
                let (Some(c), Some(ec)) = (next(i), next(i)) else {
                    return None;
                };
                line += (code - LOC_ONE_LINE_0) as i32;
                Location {
                    lineno: line,
                    end_lineno: line,
                    col: c as i32,
                    end_col: ec as i32,
                }
            }
            _ => {
                debug_assert!(code <= LOC_SHORT_MAX);
                let Some(b) = next(i) else { return None };
                let col = code as i32 * 8 + ((b >> 4) & 7) as i32;
                Location {
                    lineno: line,
                    end_lineno: line,
                    col,
                    end_col: col + (b & 15) as i32,
                }
            }
        };
        self.line = line;
        Some(LineEntry { units, loc })
    }
}

// ---------------------------------------------------------------------------
// Exception table (CPython 3.11's Objects/exception_handling_notes.txt format):
// per entry the varints start, length, target, depth<<1|lasti, each a
// big-endian sequence of 6-bit groups with bit 6 meaning "more follows";
// bit 7 marks the first byte of an entry.

fn write_except_varint(out: &mut Vec<u8>, value: u32, first: bool) {
    let mut groups = [0u8; 6];
    let mut n = 0;
    let mut v = value;
    loop {
        groups[n] = (v & 63) as u8;
        n += 1;
        v >>= 6;
        if v == 0 {
            break;
        }
    }
    for k in (0..n).rev() {
        let mut b = groups[k];
        if k > 0 {
            b |= 64;
        }
        if first && k == n - 1 {
            b |= 128;
        }
        out.push(b);
    }
}

pub fn encode_exception_table(entries: &[ExceptionEntry]) -> Vec<u8> {
    let mut out = Vec::new();
    for e in entries {
        write_except_varint(&mut out, e.start, true);
        write_except_varint(&mut out, e.end - e.start, false);
        write_except_varint(&mut out, e.target, false);
        write_except_varint(&mut out, (e.depth << 1) | e.lasti as u32, false);
    }
    out
}

pub fn decode_exception_table(table: &[u8]) -> Vec<ExceptionEntry> {
    let mut out = Vec::new();
    let mut i = 0;
    let read = |i: &mut usize| -> Option<u32> {
        let mut b = *table.get(*i)?;
        *i += 1;
        let mut v = (b & 63) as u32;
        while b & 64 != 0 {
            b = *table.get(*i)?;
            *i += 1;
            v = v.checked_shl(6)? | (b & 63) as u32;
        }
        Some(v)
    };
    while i < table.len() {
        let (Some(start), Some(len), Some(target), Some(dl)) =
            (read(&mut i), read(&mut i), read(&mut i), read(&mut i))
        else {
            break;
        };
        out.push(ExceptionEntry {
            start,
            end: start + len,
            target,
            depth: dl >> 1,
            lasti: dl & 1 != 0,
        });
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    fn loc(l: i32, el: i32, c: i32, ec: i32) -> Location {
        Location {
            lineno: l,
            end_lineno: el,
            col: c,
            end_col: ec,
        }
    }

    #[test]
    fn linetable_matches_cpython_bytes() {
        // def f(x):\n    return (x +\n       1)   -- python3's co_linetable.
        let mut w = LineTableWriter::new(1);
        w.push(loc(1, 1, 0, 0), 1);
        w.push(loc(2, 2, 12, 13), 1);
        w.push(loc(3, 3, 7, 8), 1);
        w.push(loc(2, 3, 12, 8), 2);
        w.push(loc(2, 3, 4, 9), 1);
        let table = w.finish();
        assert_eq!(
            table,
            b"\x80\x00\xd8\x0c\r\xd8\x07\x08\xf1\x03\x01\r\t\xf0\x00\x01\x05\n"
        );
        let entries: Vec<_> = decode_linetable(&table, 1).collect();
        assert_eq!(entries.len(), 5);
        assert_eq!(
            entries[3],
            LineEntry {
                units: 2,
                loc: loc(2, 3, 12, 8)
            }
        );
    }

    #[test]
    fn linetable_long_and_none_roundtrip() {
        let locs = [
            (loc(0, 1, 0, 0), 1),
            (loc(500, 500, 200, 300), 12),
            (Location::NONE, 3),
            (loc(400, 400, -1, -1), 2),
            (loc(401, 402, 3, 4), 1),
        ];
        let mut w = LineTableWriter::new(1);
        for (l, n) in locs {
            w.push(l, n);
        }
        let entries: Vec<_> = decode_linetable(&w.finish(), 1).collect();
        let units: Vec<u32> = entries.iter().map(|e| e.units).collect();
        assert_eq!(units, vec![1, 8, 4, 3, 2, 1]);
        assert_eq!(entries[2].loc, loc(500, 500, 200, 300));
        assert_eq!(entries[3].loc, Location::NONE);
        assert_eq!(entries[4].loc, loc(400, 400, -1, -1));
        assert_eq!(entries[5].loc, loc(401, 402, 3, 4));
    }

    #[test]
    fn exception_table_roundtrip_and_bytes() {
        let entries = vec![
            ExceptionEntry {
                start: 2,
                end: 24,
                target: 26,
                depth: 0,
                lasti: false,
            },
            ExceptionEntry {
                start: 26,
                end: 35,
                target: 46,
                depth: 1,
                lasti: true,
            },
            ExceptionEntry {
                start: 5000,
                end: 5100,
                target: 70000,
                depth: 3,
                lasti: false,
            },
        ];
        let bytes = encode_exception_table(&entries);
        assert_eq!(&bytes[..4], &[0x82, 22, 26, 0]);
        assert_eq!(decode_exception_table(&bytes), entries);
    }
}
