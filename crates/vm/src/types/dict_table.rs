//! The compact, insertion-ordered hash table behind dict (CPython's dictobject.c / dict-common.h).
//!
//! A sparse index array (slots holding an entry number, `EMPTY` or `DUMMY`)
//! points into a dense, append-only entry vector kept in insertion order.
//! Sizes, growth and probing follow CPython 3.11, so the sequence of keys
//! compared during a lookup is CPython's.
//!
//! Comparing keys may run Python code that mutates the very dict, so the
//! table never calls an equality callback itself while a lookup needs Python
//! code: callers step through candidates with [`DictTable::probe_start`] /
//! [`DictTable::probe_next`], release their borrow to compare, and then check
//! [`DictTable::layout_id`] (and that the candidate entry still holds the same
//! key) or [`DictTable::version`] to decide whether the lookup must restart,
//! as CPython's `lookdict` does. Removing methods hand the removed keys and
//! values back so that the caller drops them (which may run finalizers) after
//! releasing its borrow.
//!
//! A lookup with Python equality, as CPython's `lookdict` (sketch):
//!
//! ```text
//! let mut p = table.probe_start(hash);
//! loop {
//!     match table.probe_next(&mut p) {               // short borrow
//!         Empty => return None,
//!         Candidate(ix) => {
//!             let start = table.entry(ix).key.clone();  // incref, end the borrow
//!             if start.is(key) { return Some(ix) }
//!             let layout = table.layout_id();
//!             let eq = python_eq(&start, key)?;        // may mutate the dict
//!             if table.layout_id() != layout || !table.entry(ix).key.is(&start) {
//!                 p = table.probe_start(hash);         // mutated: restart
//!             } else if eq {
//!                 return Some(ix);
//!             }
//!         }
//!     }
//! }
//! ```

use std::sync::atomic::{AtomicU64, Ordering};

/// Index slot marker: never used (ends a probe sequence).
const EMPTY: i64 = -1;
/// Index slot marker: its entry was deleted (probing continues past it).
const DUMMY: i64 = -2;
/// CPython's PyDict_LOG_MINSIZE: the smallest table has 8 index slots.
const LOG_MINSIZE: u32 = 3;
/// CPython's PyDict_MINSIZE.
const MINSIZE: usize = 1 << LOG_MINSIZE;
/// CPython's PERTURB_SHIFT.
const PERTURB_SHIFT: u32 = 5;
/// Presized dicts are capped at 2**17 slots, as `_PyDict_NewPresized` does.
const LOG_MAX_PRESIZE: u32 = 17;

/// Source of version and layout numbers, shared by all tables so that a
/// number never denotes two states (CPython's dict versions are global too).
/// Threads take blocks of `ID_BLOCK` numbers from it and hand them out locally,
/// so a change costs no atomic operation.
static NEXT_ID: AtomicU64 = AtomicU64::new(1);

/// How many numbers a thread reserves at a time.
const ID_BLOCK: u64 = 1 << 16;

thread_local! {
    /// This thread's reserved numbers: the next one and the end of the block.
    static LOCAL_IDS: std::cell::Cell<(u64, u64)> = const { std::cell::Cell::new((0, 0)) };
}

/// A fresh number, distinct from every other table version or layout id (0 is reserved for fresh empty tables).
pub(crate) fn next_table_id() -> u64 {
    LOCAL_IDS
        .try_with(|ids| {
            let (next, end) = ids.get();
            if next < end {
                ids.set((next + 1, end));
                return next;
            }
            let start = NEXT_ID.fetch_add(ID_BLOCK, Ordering::Relaxed);
            ids.set((start + 1, start + ID_BLOCK));
            start
        })
        // During thread teardown: one number straight from the shared source.
        .unwrap_or_else(|_| NEXT_ID.fetch_add(1, Ordering::Relaxed))
}

/// An index slot width: reads a slot as an entry number or marker.
trait Slot: Copy {
    fn ix(self) -> i64;
}
impl Slot for i8 {
    #[inline(always)]
    fn ix(self) -> i64 {
        self as i64
    }
}
impl Slot for i16 {
    #[inline(always)]
    fn ix(self) -> i64 {
        self as i64
    }
}
impl Slot for i32 {
    #[inline(always)]
    fn ix(self) -> i64 {
        self as i64
    }
}
impl Slot for i64 {
    #[inline(always)]
    fn ix(self) -> i64 {
        self
    }
}

/// The probe loop of [`DictTable::find_fast`] for one slot width (the width
/// is matched once per lookup, not once per step).
#[inline(always)]
fn find_in<T: Slot, K, V>(
    idx: &[T],
    entries: &[Option<Entry<K, V>>],
    hash: isize,
    eq: &mut impl FnMut(&K) -> Option<bool>,
) -> Result<Option<usize>, ()> {
    let mask = idx.len().wrapping_sub(1);
    let mut slot = hash as usize & mask;
    let mut perturb = hash as usize;
    loop {
        let ix = match idx.get(slot) {
            Some(x) => x.ix(),
            None => return Ok(None),
        };
        if ix == EMPTY {
            return Ok(None);
        }
        if ix >= 0 {
            if let Some(Some(e)) = entries.get(ix as usize) {
                if e.hash == hash {
                    match eq(&e.key) {
                        Some(true) => return Ok(Some(ix as usize)),
                        Some(false) => {}
                        None => return Err(()),
                    }
                }
            }
        }
        perturb >>= PERTURB_SHIFT;
        slot = (slot.wrapping_mul(5).wrapping_add(perturb).wrapping_add(1)) & mask;
    }
}

/// CPython's USABLE_FRACTION: how many entries a table of `n` index slots holds.
fn usable_fraction(n: usize) -> usize {
    (n << 1) / 3
}

/// CPython's calculate_log2_keysize (including its exact rounding for sizes that are powers of two).
fn calculate_log2_keysize(minsize: usize) -> u32 {
    let m = (minsize | MINSIZE).saturating_sub(1) | (MINSIZE - 1);
    usize::BITS - m.leading_zeros()
}

/// CPython's estimate_log2_keysize: a size holding `n` entries without resizing.
fn estimate_log2_keysize(n: usize) -> u32 {
    calculate_log2_keysize(n.saturating_mul(3).saturating_add(1) / 2)
}

/// The sparse index array, with CPython's slot width chosen by the table size.
#[derive(Clone, Debug)]
enum Indices {
    /// No table allocated yet (CPython's shared empty keys: size 8, nothing usable).
    Unallocated,
    /// The smallest table (8 slots) kept inline: most dicts (instance
    /// dicts, keyword arguments) never grow past 5 entries, and then need
    /// no index allocation.
    Small([i8; MINSIZE]),
    I8(Box<[i8]>),
    I16(Box<[i16]>),
    I32(Box<[i32]>),
    I64(Box<[i64]>),
}

impl Indices {
    fn new(log2: u32) -> Indices {
        let n = 1usize << log2;
        if log2 <= 7 {
            if n == MINSIZE {
                Indices::Small([EMPTY as i8; MINSIZE])
            } else {
                Indices::I8(vec![EMPTY as i8; n].into_boxed_slice())
            }
        } else if log2 <= 15 {
            Indices::I16(vec![EMPTY as i16; n].into_boxed_slice())
        } else if log2 <= 31 {
            Indices::I32(vec![EMPTY as i32; n].into_boxed_slice())
        } else {
            Indices::I64(vec![EMPTY; n].into_boxed_slice())
        }
    }

    /// Number of slots (8 for the unallocated table, as CPython's empty keys).
    fn size(&self) -> usize {
        match self {
            Indices::Unallocated => MINSIZE,
            Indices::Small(v) => v.len(),
            Indices::I8(v) => v.len(),
            Indices::I16(v) => v.len(),
            Indices::I32(v) => v.len(),
            Indices::I64(v) => v.len(),
        }
    }

    fn get(&self, i: usize) -> i64 {
        match self {
            Indices::Unallocated => EMPTY,
            Indices::Small(v) => v[i] as i64,
            Indices::I8(v) => v[i] as i64,
            Indices::I16(v) => v[i] as i64,
            Indices::I32(v) => v[i] as i64,
            Indices::I64(v) => v[i],
        }
    }

    /// Stores `x` (an entry number that fits the width chosen for this size, or a marker).
    fn set(&mut self, i: usize, x: i64) {
        match self {
            Indices::Unallocated => {}
            Indices::Small(v) => v[i] = x as i8,
            Indices::I8(v) => v[i] = x as i8,
            Indices::I16(v) => v[i] = x as i16,
            Indices::I32(v) => v[i] = x as i32,
            Indices::I64(v) => v[i] = x,
        }
    }
}

/// One live entry: the key's hash, the key and the value.
#[derive(Clone, Debug)]
struct Entry<K, V> {
    hash: isize,
    key: K,
    value: V,
}

/// CPython's compact dict table: sparse index + dense insertion-ordered entries.
#[derive(Clone, Debug)]
pub struct DictTable<K, V> {
    indices: Indices,
    /// Dense entries (CPython's dk_entries up to dk_nentries); `None` = deleted.
    entries: Vec<Option<Entry<K, V>>>,
    /// Entries that can still be appended before a resize (dk_usable).
    usable: usize,
    /// Live entries (ma_used).
    used: usize,
    /// Bumped on every change of contents.
    version: u64,
    /// Bumped whenever the index and entries are rebuilt (CPython allocates new keys then).
    layout: u64,
}

impl<K, V> Default for DictTable<K, V> {
    fn default() -> Self {
        DictTable::new()
    }
}

/// State of one lookup's walk over the index (see [`DictTable::probe_next`]).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Probe {
    hash: isize,
    slot: usize,
    perturb: usize,
    mask: usize,
    started: bool,
    done: bool,
    layout: u64,
}

impl Probe {
    /// The hash this probe looks for.
    pub fn hash(&self) -> isize {
        self.hash
    }
}

/// One step of a probe.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum ProbeResult {
    /// An entry (its index) whose stored hash equals the probed hash: compare its key.
    Candidate(usize),
    /// An empty slot: the key is absent.
    Empty,
}

impl<K, V> DictTable<K, V> {
    /// An empty table; allocates nothing until the first insertion (as CPython's shared empty keys).
    pub const fn new() -> Self {
        DictTable {
            indices: Indices::Unallocated,
            entries: Vec::new(),
            usable: 0,
            used: 0,
            version: 0,
            layout: 0,
        }
    }

    /// A table presized for `n` entries as `_PyDict_NewPresized` (capped at 2**17 slots).
    pub fn with_capacity(n: usize) -> Self {
        let mut t = DictTable::new();
        if n > usable_fraction(MINSIZE) {
            let log2 = if n > usable_fraction(1 << LOG_MAX_PRESIZE) {
                LOG_MAX_PRESIZE
            } else {
                estimate_log2_keysize(n)
            };
            t.resize(log2);
        }
        t
    }

    /// Number of live entries.
    pub fn len(&self) -> usize {
        self.used
    }

    /// Whether the table has no live entries.
    pub fn is_empty(&self) -> bool {
        self.used == 0
    }

    /// Content version: changes with every insertion, removal, value change and clear (numbers are unique across tables; 0 = fresh empty table).
    pub fn version(&self) -> u64 {
        self.version
    }

    /// Layout identity: changes when the index/entries are rebuilt (resize, clear, copy); entry numbers stay valid while it is unchanged (unique across tables).
    pub fn layout_id(&self) -> u64 {
        self.layout
    }

    /// Number of index slots (CPython's dk_size; 8 for an empty dict).
    pub fn index_size(&self) -> usize {
        self.indices.size()
    }

    /// Number of entry positions in use, live or deleted (CPython's dk_nentries): iteration positions run below it.
    pub fn entries_len(&self) -> usize {
        self.entries.len()
    }

    /// Entries that can be appended before the next resize (CPython's dk_usable).
    pub fn usable(&self) -> usize {
        self.usable
    }

    fn bump(&mut self) {
        self.version = next_table_id();
    }

    /// Starts a lookup of `hash`; step it with [`DictTable::probe_next`].
    pub fn probe_start(&self, hash: isize) -> Probe {
        let mask = self.indices.size() - 1;
        Probe {
            hash,
            slot: hash as usize & mask,
            perturb: hash as usize,
            mask,
            started: false,
            done: false,
            layout: self.layout,
        }
    }

    /// Next entry whose stored hash equals the probe's, or `Empty`; a probe whose table was rebuilt restarts from the beginning.
    pub fn probe_next(&self, p: &mut Probe) -> ProbeResult {
        if p.layout != self.layout {
            *p = self.probe_start(p.hash);
        }
        if p.done {
            return ProbeResult::Empty;
        }
        loop {
            if p.started {
                p.perturb >>= PERTURB_SHIFT;
                p.slot = (p
                    .slot
                    .wrapping_mul(5)
                    .wrapping_add(p.perturb)
                    .wrapping_add(1))
                    & p.mask;
            }
            p.started = true;
            let ix = self.indices.get(p.slot);
            if ix == EMPTY {
                p.done = true;
                return ProbeResult::Empty;
            }
            if ix >= 0 {
                if let Some(Some(e)) = self.entries.get(ix as usize) {
                    if e.hash == p.hash {
                        return ProbeResult::Candidate(ix as usize);
                    }
                }
            }
        }
    }

    /// Looks `hash` up in the same order as [`DictTable::probe_next`] with a key
    /// test that runs no Python code; the test answers None for a candidate it
    /// cannot decide, which ends the walk with `Err(())` (the caller then does
    /// the general lookup).
    #[inline]
    pub fn find_fast(&self, hash: isize, mut eq: impl FnMut(&K) -> Option<bool>) -> Result<Option<usize>, ()> {
        match &self.indices {
            Indices::Unallocated => Ok(None),
            Indices::Small(v) => find_in(v, &self.entries, hash, &mut eq),
            Indices::I8(v) => find_in(v, &self.entries, hash, &mut eq),
            Indices::I16(v) => find_in(v, &self.entries, hash, &mut eq),
            Indices::I32(v) => find_in(v, &self.entries, hash, &mut eq),
            Indices::I64(v) => find_in(v, &self.entries, hash, &mut eq),
        }
    }

    /// Looks `hash` up with an infallible key test that runs no Python code (identity, exact str/int keys).
    #[inline]
    pub fn find(&self, hash: isize, mut eq: impl FnMut(&K) -> bool) -> Option<usize> {
        // The test always decides, so the fast walk never gives up.
        self.find_fast(hash, |k| Some(eq(k))).unwrap_or(None)
    }

    /// The live entry number `i` (key and value), if any.
    pub fn entry(&self, i: usize) -> Option<(&K, &V)> {
        match self.entries.get(i) {
            Some(Some(e)) => Some((&e.key, &e.value)),
            _ => None,
        }
    }

    /// The stored hash of live entry `i`.
    pub fn entry_hash(&self, i: usize) -> Option<isize> {
        match self.entries.get(i) {
            Some(Some(e)) => Some(e.hash),
            _ => None,
        }
    }

    /// Mutable access to the value of live entry `i` (counts as a change).
    pub fn value_mut(&mut self, i: usize) -> Option<&mut V> {
        self.bump();
        match self.entries.get_mut(i) {
            Some(Some(e)) => Some(&mut e.value),
            _ => None,
        }
    }

    /// Replaces the value of live entry `i`: `Ok(old value)`, or `Err(v)` given back if there is no such entry.
    pub fn replace_value(&mut self, i: usize, v: V) -> Result<V, V> {
        match self.entries.get_mut(i) {
            Some(Some(e)) => {
                let old = std::mem::replace(&mut e.value, v);
                self.bump();
                Ok(old)
            }
            _ => Err(v),
        }
    }

    /// Appends a key the caller knows is absent; returns its entry number (resizing first if the table is full).
    pub fn insert_new(&mut self, hash: isize, key: K, value: V) -> usize {
        if self.usable == 0 {
            // CPython's insertion_resize: GROWTH_RATE is used*3.
            self.resize(calculate_log2_keysize(self.used.saturating_mul(3)));
        }
        let slot = self.find_free_slot(hash);
        let ix = self.entries.len();
        self.indices.set(slot, ix as i64);
        self.entries.push(Some(Entry { hash, key, value }));
        self.usable -= 1;
        self.used += 1;
        self.bump();
        ix
    }

    /// First slot of `hash`'s probe sequence holding EMPTY or DUMMY (CPython's find_empty_slot).
    fn find_free_slot(&self, hash: isize) -> usize {
        let mask = self.indices.size() - 1;
        let mut i = hash as usize & mask;
        let mut perturb = hash as usize;
        while self.indices.get(i) >= 0 {
            perturb >>= PERTURB_SHIFT;
            i = (i.wrapping_mul(5).wrapping_add(perturb).wrapping_add(1)) & mask;
        }
        i
    }

    /// The index slot that refers to entry `ix` (CPython's lookdict_index).
    fn slot_of_entry(&self, hash: isize, ix: usize) -> Option<usize> {
        let mask = self.indices.size() - 1;
        let mut i = hash as usize & mask;
        let mut perturb = hash as usize;
        loop {
            let x = self.indices.get(i);
            if x == ix as i64 {
                return Some(i);
            }
            if x == EMPTY {
                return None;
            }
            perturb >>= PERTURB_SHIFT;
            i = (i.wrapping_mul(5).wrapping_add(perturb).wrapping_add(1)) & mask;
        }
    }

    /// Deletes live entry `i`, leaving a DUMMY slot (entries are compacted on the next resize); returns its key and value.
    pub fn remove(&mut self, i: usize) -> Option<(K, V)> {
        let hash = self.entry_hash(i)?;
        let slot = self.slot_of_entry(hash, i)?;
        self.indices.set(slot, DUMMY);
        let e = self.entries.get_mut(i)?.take()?;
        self.used -= 1;
        self.bump();
        Some((e.key, e.value))
    }

    /// Removes the last inserted entry (dict.popitem), returning its hash, key and value.
    pub fn popitem_last(&mut self) -> Option<(isize, K, V)> {
        let i = self.entries.iter().rposition(|e| e.is_some())?;
        let hash = self.entry_hash(i)?;
        if let Some(slot) = self.slot_of_entry(hash, i) {
            self.indices.set(slot, DUMMY);
        }
        let e = self.entries.get_mut(i)?.take()?;
        // As CPython: later appends reuse the freed tail positions, but
        // `usable` is not given back since the index keeps a DUMMY.
        self.entries.truncate(i);
        self.used -= 1;
        self.bump();
        Some((e.hash, e.key, e.value))
    }

    /// Empties the table (back to the unallocated minimum) and returns the old contents for the caller to drop after releasing its borrow.
    #[must_use = "the old contents are returned so that they are dropped outside the borrow"]
    pub fn clear(&mut self) -> DictTable<K, V> {
        let old = std::mem::take(self);
        self.version = next_table_id();
        self.layout = next_table_id();
        old
    }

    /// Iteration by position: the first live entry at or after `pos`, as (next position, key, value); tolerates mutation between calls.
    pub fn next_entry(&self, pos: usize) -> Option<(usize, &K, &V)> {
        let rest = self.entries.get(pos..)?;
        for (off, e) in rest.iter().enumerate() {
            if let Some(e) = e {
                return Some((pos + off + 1, &e.key, &e.value));
            }
        }
        None
    }

    /// Iterator over live entries in insertion order: (entry number, hash, key, value).
    pub fn iter(&self) -> impl Iterator<Item = (usize, isize, &K, &V)> + '_ {
        self.entries
            .iter()
            .enumerate()
            .filter_map(|(i, e)| e.as_ref().map(|e| (i, e.hash, &e.key, &e.value)))
    }

    /// Prepares for adding `other_len` entries in bulk as `dict.update` does (one resize up front if the table is small).
    pub fn reserve(&mut self, other_len: usize) {
        if usable_fraction(self.indices.size()) < other_len {
            self.resize(estimate_log2_keysize(self.used.saturating_add(other_len)));
        }
    }

    /// Rebuilds the table with 2**log2 index slots, compacting the entries (CPython's dictresize).
    fn resize(&mut self, log2: u32) {
        let log2 = log2.max(LOG_MINSIZE);
        let size = 1usize << log2;
        let old = std::mem::take(&mut self.entries);
        let mut entries = Vec::with_capacity(usable_fraction(size));
        entries.extend(old.into_iter().flatten().map(Some));
        self.indices = Indices::new(log2);
        self.entries = entries;
        self.rebuild_indices();
        self.usable = usable_fraction(size) - self.entries.len();
        self.layout = next_table_id();
    }

    /// Fills a fresh (all EMPTY) index from the compact entries (CPython's build_indices).
    fn rebuild_indices(&mut self) {
        for ix in 0..self.entries.len() {
            if let Some(Some(e)) = self.entries.get(ix) {
                let slot = self.find_free_slot(e.hash);
                self.indices.set(slot, ix as i64);
            }
        }
    }
}

impl<K: Clone, V: Clone> DictTable<K, V> {
    /// A copy as `dict.copy()` makes it: the same layout when the table is mostly live, otherwise a compacted table.
    pub fn copy(&self) -> Self {
        if self.used == 0 {
            return DictTable::new();
        }
        // PyDict_Copy clones the keys object unless over 1/3 of the entries are deleted.
        if self.used >= self.entries.len() * 2 / 3 {
            let mut t = self.clone();
            t.version = next_table_id();
            t.layout = next_table_id();
            return t;
        }
        self.rebuilt_copy()
    }

    /// A copy as merging into a new empty dict makes it (`dict(d)`, `{**d}`): cloned only when compact and freshly sized.
    pub fn merge_copy(&self) -> Self {
        if self.used == 0 {
            return DictTable::new();
        }
        let log2 = self.indices.size().trailing_zeros();
        if self.used == self.entries.len()
            && (log2 == LOG_MINSIZE || usable_fraction(self.indices.size() / 2) < self.used)
        {
            let mut t = self.clone();
            t.version = next_table_id();
            t.layout = next_table_id();
            return t;
        }
        self.rebuilt_copy()
    }

    /// dict_merge into an empty dict: presize, then insert every live entry in order.
    fn rebuilt_copy(&self) -> Self {
        let mut t = DictTable::new();
        t.reserve(self.used);
        for (_, hash, k, v) in self.iter() {
            t.insert_new(hash, k.clone(), v.clone());
        }
        t
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn find_fast_agrees_with_find() {
        // Colliding hashes (k % 7), deletions and every index width up to i32.
        for n in [5usize, 200, 40_000] {
            let mut t: DictTable<i64, i64> = DictTable::new();
            for k in 0..n as i64 {
                t.insert_new((k % 7) as isize, k, k * 2);
            }
            for k in (0..n as i64).step_by(3) {
                if let Some(ix) = t.find((k % 7) as isize, |x| *x == k) {
                    let _ = t.remove(ix);
                }
            }
            for k in -3..n as i64 + 3 {
                let slow = t.find(k.rem_euclid(7) as isize, |x| *x == k);
                let fast = t.find_fast(k.rem_euclid(7) as isize, |x| Some(*x == k));
                assert_eq!(fast, Ok(slow), "key {k} in a table of {n}");
            }
            // An undecidable candidate ends the walk.
            if n > 5 {
                assert_eq!(t.find_fast(1, |_| None), Err(()));
            }
        }
    }

    #[test]
    fn table_ids_are_unique_across_threads() {
        let mut ids: Vec<u64> = (0..1000).map(|_| next_table_id()).collect();
        let other = std::thread::spawn(|| (0..1000).map(|_| next_table_id()).collect::<Vec<u64>>());
        ids.extend(other.join().unwrap_or_default());
        assert_eq!(ids.len(), 2000);
        assert!(ids.iter().all(|&x| x != 0));
        ids.sort_unstable();
        ids.dedup();
        assert_eq!(ids.len(), 2000);
        // Versions still change on every mutation.
        let mut t: DictTable<i64, i64> = DictTable::new();
        let v0 = t.version();
        t.insert_new(1, 1, 1);
        let v1 = t.version();
        let _ = t.replace_value(0, 2);
        assert!(v0 != v1 && v1 != t.version());
    }

    /// Looks `k` up (ints whose hash is themselves, as CPython's small ints).
    fn get(t: &DictTable<i64, i64>, k: i64) -> Option<i64> {
        t.find(k as isize, |x| *x == k)
            .and_then(|i| t.entry(i).map(|(_, v)| *v))
    }

    fn set(t: &mut DictTable<i64, i64>, k: i64, v: i64) {
        match t.find(k as isize, |x| *x == k) {
            Some(i) => {
                let _ = t.replace_value(i, v);
            }
            None => {
                t.insert_new(k as isize, k, v);
            }
        }
    }

    fn del(t: &mut DictTable<i64, i64>, k: i64) -> bool {
        match t.find(k as isize, |x| *x == k) {
            Some(i) => t.remove(i).is_some(),
            None => false,
        }
    }

    fn keys(t: &DictTable<i64, i64>) -> Vec<i64> {
        let mut out = Vec::new();
        let mut pos = 0;
        while let Some((next, k, _)) = t.next_entry(pos) {
            out.push(*k);
            pos = next;
        }
        out
    }

    #[test]
    fn keysize_rounding_is_cpythons() {
        assert_eq!(calculate_log2_keysize(0), 3);
        assert_eq!(calculate_log2_keysize(8), 3);
        assert_eq!(calculate_log2_keysize(9), 4);
        assert_eq!(calculate_log2_keysize(15), 4);
        // CPython's bit trick rounds an exact 16 (and larger powers) up once more.
        assert_eq!(calculate_log2_keysize(16), 5);
        assert_eq!(calculate_log2_keysize(18), 5);
        assert_eq!(estimate_log2_keysize(5), 3);
        assert_eq!(estimate_log2_keysize(6), 4);
    }

    #[test]
    fn insert_lookup_remove_keep_insertion_order() {
        let mut t = DictTable::new();
        assert_eq!(t.index_size(), 8);
        for k in [5, 3, 9, 1, 100, -7] {
            set(&mut t, k, k * 10);
        }
        assert_eq!(t.len(), 6);
        assert_eq!(keys(&t), vec![5, 3, 9, 1, 100, -7]);
        assert_eq!(get(&t, 9), Some(90));
        assert_eq!(get(&t, 4), None);
        set(&mut t, 3, 33);
        assert_eq!(get(&t, 3), Some(33));
        assert!(del(&mut t, 9));
        assert!(!del(&mut t, 9));
        assert_eq!(get(&t, 9), None);
        set(&mut t, 9, 1);
        assert_eq!(keys(&t), vec![5, 3, 1, 100, -7, 9]);
        assert_eq!(t.len(), 6);
    }

    #[test]
    fn growth_follows_cpython_sizes() {
        // sys.getsizeof({i: None for i in range(n)}) changes exactly where
        // the index grows: 8 slots up to 5 items, 16 up to 10, 32 up to 21, 64 up to 42.
        let mut t = DictTable::new();
        let mut sizes = Vec::new();
        for k in 0..43 {
            set(&mut t, k, 0);
            sizes.push(t.index_size());
        }
        assert_eq!(sizes[4], 8);
        assert_eq!(sizes[5], 16);
        assert_eq!(sizes[10], 32);
        assert_eq!(sizes[21], 64);
        assert_eq!(sizes[42], 128);
        for k in 0..43 {
            assert_eq!(get(&t, k), Some(0));
        }
    }

    #[test]
    fn deleted_entries_use_up_room_until_a_compacting_resize() {
        let mut t = DictTable::new();
        for k in 0..5 {
            set(&mut t, k, k);
        }
        assert_eq!(t.usable(), 0);
        assert!(del(&mut t, 0));
        assert!(del(&mut t, 1));
        assert_eq!(t.entries_len(), 5);
        // The next insertion resizes to used*3 = 9 → 16 slots and compacts.
        let layout = t.layout_id();
        set(&mut t, 7, 7);
        assert_ne!(t.layout_id(), layout);
        assert_eq!(t.index_size(), 16);
        assert_eq!(t.entries_len(), 4);
        assert_eq!(keys(&t), vec![2, 3, 4, 7]);
    }

    #[test]
    fn colliding_hashes_probe_as_cpython() {
        // Keys 1 and 2**61 share hash 1 in CPython; both must be found.
        let mut t: DictTable<u64, &str> = DictTable::new();
        t.insert_new(1, 1, "one");
        t.insert_new(1, 1 << 61, "big");
        t.insert_new(9, 9, "nine");
        let mut p = t.probe_start(1);
        assert_eq!(t.probe_next(&mut p), ProbeResult::Candidate(0));
        assert_eq!(t.probe_next(&mut p), ProbeResult::Candidate(1));
        assert_eq!(t.probe_next(&mut p), ProbeResult::Empty);
        assert_eq!(t.probe_next(&mut p), ProbeResult::Empty);
        assert_eq!(t.find(1, |k| *k == 1 << 61), Some(1));
        assert_eq!(t.find(9, |k| *k == 9), Some(2));
        assert_eq!(t.find(1, |k| *k == 2), None);
    }

    #[test]
    fn probe_restarts_after_a_rebuild() {
        let mut t: DictTable<i64, i64> = DictTable::new();
        t.insert_new(3, 3, 0);
        let mut p = t.probe_start(3);
        let layout = t.layout_id();
        // "Python code" mutates the table between steps.
        for k in 10..40 {
            t.insert_new(k as isize, k, 0);
        }
        assert_ne!(t.layout_id(), layout);
        assert_eq!(t.probe_next(&mut p), ProbeResult::Candidate(0));
    }

    #[test]
    fn versions_track_changes() {
        let mut t: DictTable<i64, i64> = DictTable::new();
        let v0 = t.version();
        let i = t.insert_new(1, 1, 1);
        let v1 = t.version();
        assert_ne!(v0, v1);
        assert!(t.find(1, |k| *k == 1).is_some());
        assert_eq!(t.version(), v1);
        assert_eq!(t.replace_value(i, 2), Ok(1));
        assert_ne!(t.version(), v1);
        assert_eq!(t.replace_value(99, 5), Err(5));
        let v2 = t.version();
        let old = t.clear();
        assert_eq!(old.len(), 1);
        assert!(t.is_empty());
        assert_ne!(t.version(), v2);
        assert_eq!(t.index_size(), 8);
    }

    #[test]
    fn popitem_takes_the_last_entry_and_frees_its_position() {
        let mut t = DictTable::new();
        for k in [1, 2, 3] {
            set(&mut t, k, k);
        }
        assert!(del(&mut t, 3));
        assert_eq!(t.popitem_last().map(|(_, k, v)| (k, v)), Some((2, 2)));
        assert_eq!(t.entries_len(), 1);
        set(&mut t, 4, 4);
        assert_eq!(keys(&t), vec![1, 4]);
        assert_eq!(t.popitem_last().map(|(_, k, _)| k), Some(4));
        assert_eq!(t.popitem_last().map(|(_, k, _)| k), Some(1));
        assert_eq!(t.popitem_last().map(|(_, k, _)| k), None);
    }

    #[test]
    fn iteration_tolerates_mutation() {
        let mut t = DictTable::new();
        for k in 0..4 {
            set(&mut t, k, k);
        }
        let (pos, k, _) = t.next_entry(0).expect("first");
        assert_eq!(*k, 0);
        assert!(del(&mut t, 1));
        let (pos, k, _) = t.next_entry(pos).expect("second");
        assert_eq!(*k, 2);
        let _ = t.clear();
        assert!(t.next_entry(pos).is_none());
    }

    #[test]
    fn presizing_and_copies_use_cpython_sizes() {
        // dict.fromkeys / BUILD_MAP presizing: _PyDict_NewPresized.
        assert_eq!(DictTable::<i64, i64>::with_capacity(5).index_size(), 8);
        assert_eq!(DictTable::<i64, i64>::with_capacity(6).index_size(), 16);
        assert_eq!(DictTable::<i64, i64>::with_capacity(11).index_size(), 32);
        assert_eq!(
            DictTable::<i64, i64>::with_capacity(1 << 30).index_size(),
            1 << 17
        );

        let mut t = DictTable::new();
        for k in 0..40 {
            set(&mut t, k, k);
        }
        assert_eq!(t.index_size(), 64);
        let c = t.copy();
        assert_eq!(c.index_size(), 64);
        assert_eq!(keys(&c), keys(&t));
        for k in 0..30 {
            assert!(del(&mut t, k));
        }
        let c = t.copy();
        assert_eq!(keys(&c), (30..40).collect::<Vec<_>>());
        assert_eq!(c.entries_len(), 10);
        assert_eq!(c.index_size(), 16);
        assert_eq!(get(&c, 35), Some(35));
        let m = c.merge_copy();
        assert_eq!(keys(&m), (30..40).collect::<Vec<_>>());
    }

    #[test]
    fn index_width_grows_with_the_table() {
        let mut t: DictTable<i64, ()> = DictTable::new();
        for k in 0..100_000 {
            t.insert_new(k as isize, k, ());
        }
        assert!(matches!(t.indices, Indices::I32(_)));
        for k in (0..100_000).step_by(7) {
            assert!(t.find(k as isize, |x| *x == k).is_some());
        }
        assert!(t.find(-5, |x| *x == -5).is_none());
    }

    #[test]
    fn random_operations_match_an_ordered_model() {
        // Model: a vector of (key, value) in insertion order, as a dict behaves.
        let mut model: Vec<(i64, i64)> = Vec::new();
        let mut t = DictTable::new();
        let mut x = 12345u64;
        for step in 0..20_000 {
            x = x
                .wrapping_mul(6364136223846793005)
                .wrapping_add(1442695040888963407);
            let r = x >> 33;
            // Few distinct keys, some sharing hashes modulo the table size.
            let k = (r % 97) as i64
                * match r % 3 {
                    0 => 64,
                    _ => 1,
                };
            match r % 10 {
                0..=4 => {
                    set(&mut t, k, step);
                    match model.iter_mut().find(|p| p.0 == k) {
                        Some(p) => p.1 = step,
                        None => model.push((k, step)),
                    }
                }
                5..=7 => {
                    let had = model.iter().position(|p| p.0 == k);
                    assert_eq!(del(&mut t, k), had.is_some());
                    if let Some(i) = had {
                        model.remove(i);
                    }
                }
                8 => {
                    let got = t.popitem_last().map(|(h, k, v)| {
                        assert_eq!(h, k as isize);
                        (k, v)
                    });
                    assert_eq!(got, model.pop());
                }
                _ => {
                    if r % 100 == 9 {
                        t = if r % 200 == 9 {
                            t.copy()
                        } else {
                            t.merge_copy()
                        };
                    }
                }
            }
            assert_eq!(t.len(), model.len());
            if step % 97 == 0 {
                let got: Vec<(i64, i64)> = t.iter().map(|(_, _, k, v)| (*k, *v)).collect();
                assert_eq!(got, model);
            }
        }
    }
}
