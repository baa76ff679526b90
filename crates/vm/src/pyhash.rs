//! CPython's hash functions (Python/pyhash.c and the numeric hashes): SipHash-1-3 over str/bytes with a per-process key, int/float/complex/tuple hashes.
//!
//! Every function returns a value that is never -1 (CPython reserves -1 for
//! "error"), exactly as `hash()` does in CPython 3.11 on a 64-bit platform.

use core::hash::Hasher;

use num_bigint::BigInt;
use num_traits::ToPrimitive;
use siphasher::sip::SipHasher13;

/// Number of bits of the numeric hash modulus (`sys.hash_info` reports the modulus 2**61-1).
pub const HASH_BITS: u32 = 61;
/// `sys.hash_info.modulus`: numeric hashes are reductions modulo this prime.
pub const HASH_MODULUS: u64 = (1u64 << HASH_BITS) - 1;
/// `sys.hash_info.inf`: hash of `float('inf')` (negated for `-inf`).
pub const HASH_INF: isize = 314159;
/// `sys.hash_info.imag`: multiplier of the imaginary part's hash in complex hashes.
pub const HASH_IMAG: u64 = 1000003;
/// `sys.hash_info.nan`: kept for `sys.hash_info`; 3.11 hashes NaN by identity instead.
pub const HASH_NAN: isize = 0;
/// `sys.hash_info.width`.
pub const HASH_WIDTH: u32 = 64;
/// `sys.hash_info.hash_bits` (the SipHash output width).
pub const HASH_HASH_BITS: u32 = 64;
/// `sys.hash_info.seed_bits`.
pub const HASH_SEED_BITS: u32 = 128;
/// `sys.hash_info.algorithm`.
pub const HASH_ALGORITHM: &str = "siphash13";
/// `sys.hash_info.cutoff` (0: no small-string fast path, which CPython also disables).
pub const HASH_CUTOFF: u32 = 0;

/// Size of CPython's `_Py_HashSecret_t` union; PYTHONHASHSEED fills all of it.
const SECRET_SIZE: usize = 24;

/// The per-process hash key (CPython's `_Py_HashSecret`): SipHash keys come from its first 16 bytes.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct HashSecret {
    bytes: [u8; SECRET_SIZE],
}

/// Error message CPython gives for an unusable PYTHONHASHSEED value.
pub const HASH_SEED_ERROR: &str =
    "PYTHONHASHSEED must be \"random\" or an integer in range [0; 4294967295]";

impl HashSecret {
    /// The all-zero key CPython uses when PYTHONHASHSEED=0 (randomization disabled).
    pub const fn zero() -> Self {
        HashSecret {
            bytes: [0; SECRET_SIZE],
        }
    }

    /// The key for PYTHONHASHSEED=`seed`: zero for 0, otherwise CPython's `lcg_urandom` fill.
    pub fn from_seed(seed: u32) -> Self {
        let mut bytes = [0u8; SECRET_SIZE];
        if seed != 0 {
            // CPython's lcg_urandom: a 32-bit linear congruential generator
            // (the MSVC rand() constants) emitting bits 16..24 of each state.
            let mut x = seed;
            for b in bytes.iter_mut() {
                x = x.wrapping_mul(214013).wrapping_add(2531011);
                *b = (x >> 16) as u8;
            }
        }
        HashSecret { bytes }
    }

    /// A fresh random key from the operating system (hash randomization, the default).
    pub fn random() -> Result<Self, getrandom::Error> {
        let mut bytes = [0u8; SECRET_SIZE];
        getrandom::fill(&mut bytes)?;
        Ok(HashSecret { bytes })
    }

    /// The key chosen by a PYTHONHASHSEED value (`None`/empty: unset → random), with CPython's error text.
    pub fn from_env(value: Option<&str>) -> Result<(Self, Option<u32>), String> {
        match parse_hash_seed(value.unwrap_or(""))? {
            Some(seed) => Ok((HashSecret::from_seed(seed), Some(seed))),
            None => HashSecret::random()
                .map(|s| (s, None))
                .map_err(|e| format!("failed to get random numbers to initialize Python: {e}")),
        }
    }

    /// The raw 24 secret bytes (CPython's `_Py_HashSecret` union).
    pub fn bytes(&self) -> &[u8; 24] {
        &self.bytes
    }

    /// SipHash key k0 (bytes 0..8, read little-endian as CPython does with `_le64toh`).
    pub fn k0(&self) -> u64 {
        let mut b = [0u8; 8];
        b.copy_from_slice(&self.bytes[0..8]);
        u64::from_le_bytes(b)
    }

    /// SipHash key k1 (bytes 8..16).
    pub fn k1(&self) -> u64 {
        let mut b = [0u8; 8];
        b.copy_from_slice(&self.bytes[8..16]);
        u64::from_le_bytes(b)
    }
}

/// Parses a PYTHONHASHSEED value as CPython does: `Ok(None)` for unset/empty/"random", `Ok(Some(n))` for 0..=4294967295.
pub fn parse_hash_seed(text: &str) -> Result<Option<u32>, String> {
    if text.is_empty() || text == "random" {
        return Ok(None);
    }
    // strtoul semantics: leading whitespace, an optional sign, decimal digits,
    // and nothing after them.
    let t = text.trim_start_matches([' ', '\t', '\n', '\r', '\x0b', '\x0c']);
    let (neg, digits) = match t.as_bytes().first() {
        Some(b'+') => (false, &t[1..]),
        Some(b'-') => (true, &t[1..]),
        _ => (false, t),
    };
    if digits.is_empty() || !digits.bytes().all(|b| b.is_ascii_digit()) {
        return Err(HASH_SEED_ERROR.to_string());
    }
    let value: u64 = digits.parse().map_err(|_| HASH_SEED_ERROR.to_string())?;
    // strtoul negates in unsigned arithmetic: "-0" is 0, any other negative wraps huge.
    if neg && value != 0 {
        return Err(HASH_SEED_ERROR.to_string());
    }
    u32::try_from(value)
        .map(Some)
        .map_err(|_| HASH_SEED_ERROR.to_string())
}

/// Maps the reserved -1 to -2, as every CPython hash function does.
#[inline]
fn fix(h: isize) -> isize {
    if h == -1 {
        -2
    } else {
        h
    }
}

/// Hash of a byte buffer (bytes, and str over its PEP 393 buffer): SipHash-1-3, empty input → 0.
pub fn hash_bytes(secret: &HashSecret, data: &[u8]) -> isize {
    if data.is_empty() {
        return 0;
    }
    let mut h = SipHasher13::new_with_keys(secret.k0(), secret.k1());
    h.write(data);
    fix(h.finish() as i64 as isize)
}

/// Hash of a str stored one byte per code point (PEP 393 kind 1, Latin-1).
pub fn hash_str_ucs1(secret: &HashSecret, data: &[u8]) -> isize {
    hash_bytes(secret, data)
}

/// Hash of a str stored two bytes per code point (kind 2), hashing the native-endian buffer.
pub fn hash_str_ucs2(secret: &HashSecret, data: &[u16]) -> isize {
    hash_code_units(secret, data.iter().map(|&u| u as u32), 2)
}

/// Hash of a str stored four bytes per code point (kind 4), hashing the native-endian buffer.
pub fn hash_str_ucs4(secret: &HashSecret, data: &[u32]) -> isize {
    hash_code_units(secret, data.iter().copied(), 4)
}

/// Hash of any Rust string as CPython would hash the equal `str` (picks the PEP 393 kind from the largest code point).
pub fn hash_str(secret: &HashSecret, s: &str) -> isize {
    if s.is_ascii() {
        // ASCII text is its own one-byte-per-code-point buffer.
        return hash_bytes(secret, s.as_bytes());
    }
    let max = s.chars().map(|c| c as u32).max().unwrap_or(0);
    let kind = if max < 0x100 {
        1
    } else if max < 0x10000 {
        2
    } else {
        4
    };
    hash_code_units(secret, s.chars().map(|c| c as u32), kind)
}

/// SipHash over code units stored `width` bytes each in native byte order, fed in chunks without allocating.
fn hash_code_units(secret: &HashSecret, units: impl Iterator<Item = u32>, width: usize) -> isize {
    let mut h = SipHasher13::new_with_keys(secret.k0(), secret.k1());
    let mut buf = [0u8; 256];
    let mut n = 0;
    let mut total = 0;
    for u in units {
        match width {
            1 => buf[n] = u as u8,
            2 => buf[n..n + 2].copy_from_slice(&(u as u16).to_ne_bytes()),
            _ => buf[n..n + 4].copy_from_slice(&u.to_ne_bytes()),
        }
        n += width;
        if n == buf.len() {
            h.write(&buf);
            total += n;
            n = 0;
        }
    }
    h.write(&buf[..n]);
    total += n;
    if total == 0 {
        return 0;
    }
    fix(h.finish() as i64 as isize)
}

/// Hash of an int that fits a machine word: sign(v) * (|v| mod 2**61-1).
pub fn hash_i64(v: i64) -> isize {
    let m = v.unsigned_abs() % HASH_MODULUS;
    let h = if v < 0 { -(m as i64) } else { m as i64 };
    fix(h as isize)
}

/// Hash of an arbitrary int (same value as `hash_i64` where both apply).
pub fn hash_bigint(v: &BigInt) -> isize {
    if let Some(small) = v.to_i64() {
        return hash_i64(small);
    }
    // |v| mod P is < 2**61, so it always fits.
    let m = (v.magnitude() % HASH_MODULUS).to_u64().unwrap_or(0) as i64;
    let h = if v.sign() == num_bigint::Sign::Minus {
        -m
    } else {
        m
    };
    fix(h as isize)
}

/// Hash of an object address (CPython's `_Py_HashPointer`: rotate right by 4 bits).
pub fn hash_pointer(addr: usize) -> isize {
    fix(addr.rotate_right(4) as isize)
}

/// Hash of a float: equal to the int hash for integral values; ±inf → ±314159; NaN → `hash_pointer(identity)`.
pub fn hash_f64(v: f64, identity: usize) -> isize {
    if !v.is_finite() {
        if v.is_infinite() {
            return if v > 0.0 { HASH_INF } else { -HASH_INF };
        }
        return hash_pointer(identity);
    }
    let (mut m, mut e) = frexp(v);
    let mut sign: i64 = 1;
    if m < 0.0 {
        sign = -1;
        m = -m;
    }
    // Consume the mantissa 28 bits at a time, keeping x reduced mod P; a
    // left rotation within 61 bits is multiplication by a power of 2 mod P.
    let mut x: u64 = 0;
    while m != 0.0 {
        x = ((x << 28) & HASH_MODULUS) | (x >> (HASH_BITS - 28));
        m *= 268435456.0;
        e -= 28;
        let y = m as u64;
        m -= y as f64;
        x += y;
        if x >= HASH_MODULUS {
            x -= HASH_MODULUS;
        }
    }
    let bits = HASH_BITS as i32;
    let e = if e >= 0 {
        e % bits
    } else {
        bits - 1 - ((-1 - e) % bits)
    } as u32;
    x = ((x << e) & HASH_MODULUS) | (x >> (HASH_BITS - e));
    let h = (x as i64).wrapping_mul(sign);
    fix(h as isize)
}

/// C's frexp for finite values: v = m * 2**e with 0.5 <= |m| < 1 (m = 0 for 0).
fn frexp(v: f64) -> (f64, i32) {
    if v == 0.0 {
        return (v, 0);
    }
    let bits = v.to_bits();
    let exp = ((bits >> 52) & 0x7ff) as i32;
    if exp == 0 {
        // Subnormal: scale into the normal range first.
        let (m, e) = frexp(v * f64::from_bits(0x4350_0000_0000_0000)); // 2**54
        return (m, e - 54);
    }
    let m = f64::from_bits((bits & !(0x7ffu64 << 52)) | (1022u64 << 52));
    (m, exp - 1022)
}

/// Hash of a complex: hash(real) + 1000003 * hash(imag) in wrapping arithmetic; NaN parts hash by `identity`.
pub fn hash_complex(real: f64, imag: f64, identity: usize) -> isize {
    let hr = hash_f64(real, identity) as u64;
    let hi = hash_f64(imag, identity) as u64;
    let combined = hr.wrapping_add(HASH_IMAG.wrapping_mul(hi));
    fix(combined as i64 as isize)
}

const XXPRIME_1: u64 = 11400714785074694791;
const XXPRIME_2: u64 = 14029467366897019727;
const XXPRIME_5: u64 = 2870177450012600261;

/// Hash of a tuple from its items' hashes (3.11's xxHash-based tuplehash); `items` must yield exactly len items.
pub fn tuple_hash(items: impl ExactSizeIterator<Item = isize>) -> isize {
    let len = items.len() as u64;
    let mut acc = XXPRIME_5;
    for lane in items {
        acc = acc.wrapping_add((lane as u64).wrapping_mul(XXPRIME_2));
        acc = acc.rotate_left(31);
        acc = acc.wrapping_mul(XXPRIME_1);
    }
    // The length is mixed in so that hash(()) keeps its historical value.
    acc = acc.wrapping_add(len ^ (XXPRIME_5 ^ 3527539));
    if acc == u64::MAX {
        return 1546275796;
    }
    acc as i64 as isize
}

/// setobject.c's `_shuffle_bits`: spreads a hash's bits before xor-ing it into a frozenset hash.
fn shuffle_bits(h: u64) -> u64 {
    ((h ^ 89869747) ^ (h << 16)).wrapping_mul(3644798167)
}

/// Hash of a frozenset from its items' hashes (order-independent, setobject.c's algorithm).
pub fn frozenset_hash(items: impl IntoIterator<Item = isize>) -> isize {
    // CPython xors over every table slot and then cancels empty and dummy
    // slots out; the net effect is the xor over the live entries only.
    let mut hash: u64 = 0;
    let mut n: u64 = 0;
    for h in items {
        hash ^= shuffle_bits(h as u64);
        n += 1;
    }
    hash ^= (n + 1).wrapping_mul(1927868237);
    hash ^= (hash >> 11) ^ (hash >> 25);
    hash = hash.wrapping_mul(69069).wrapping_add(907133923);
    if hash == u64::MAX {
        hash = 590923713;
    }
    hash as i64 as isize
}

#[cfg(test)]
mod tests {
    use super::*;

    // Expected values, written here by `python3 gen/pyhash_expected.py` (CPython 3.11).
    // BEGIN GENERATED HASH_CASES
    const STR_CASES: &[(u32, &str, isize)] = &[
        (0, "", 0),
        (0, "a", 4644417185603328019),
        (0, "abc", -4594863902769663758),
        (0, "hello world", -5642461784034726774),
        (0, "été", -1033370291238291217),
        (0, "\u{20ac} uro", -3923655949318862083),
        (0, "\u{1f600}\u{21}", 8079344741099293211),
        (0, "xxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxx", 1359644457043326220),
        (0, "éééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééé", 4592405060061771372),
        (0, "\u{20ac}\u{20ac}\u{20ac}\u{20ac}\u{20ac}\u{20ac}\u{20ac}\u{20ac}\u{20ac}\u{20ac}\u{20ac}\u{20ac}\u{20ac}\u{20ac}\u{20ac}\u{20ac}\u{20ac}\u{20ac}\u{20ac}\u{20ac}\u{20ac}\u{20ac}\u{20ac}\u{20ac}\u{20ac}\u{20ac}\u{20ac}\u{20ac}\u{20ac}\u{20ac}\u{20ac}\u{20ac}\u{20ac}\u{20ac}\u{20ac}\u{20ac}\u{20ac}\u{20ac}\u{20ac}\u{20ac}\u{20ac}\u{20ac}\u{20ac}\u{20ac}\u{20ac}\u{20ac}\u{20ac}\u{20ac}\u{20ac}\u{20ac}\u{20ac}\u{20ac}\u{20ac}\u{20ac}\u{20ac}\u{20ac}\u{20ac}\u{20ac}\u{20ac}\u{20ac}\u{20ac}\u{20ac}\u{20ac}\u{20ac}\u{20ac}\u{20ac}\u{20ac}\u{20ac}\u{20ac}\u{20ac}\u{20ac}\u{20ac}\u{20ac}\u{20ac}\u{20ac}\u{20ac}\u{20ac}\u{20ac}\u{20ac}\u{20ac}\u{20ac}\u{20ac}\u{20ac}\u{20ac}\u{20ac}\u{20ac}\u{20ac}\u{20ac}\u{20ac}\u{20ac}\u{20ac}\u{20ac}\u{20ac}\u{20ac}\u{20ac}\u{20ac}\u{20ac}\u{20ac}\u{20ac}\u{20ac}\u{20ac}\u{20ac}\u{20ac}\u{20ac}\u{20ac}\u{20ac}\u{20ac}\u{20ac}\u{20ac}\u{20ac}\u{20ac}\u{20ac}\u{20ac}\u{20ac}\u{20ac}\u{20ac}\u{20ac}\u{20ac}\u{20ac}\u{20ac}\u{20ac}\u{20ac}\u{20ac}\u{20ac}\u{20ac}\u{20ac}\u{20ac}\u{20ac}\u{20ac}\u{20ac}\u{20ac}\u{20ac}\u{20ac}\u{20ac}\u{20ac}\u{20ac}\u{20ac}\u{20ac}\u{20ac}\u{20ac}\u{20ac}\u{20ac}\u{20ac}\u{20ac}\u{20ac}\u{20ac}\u{20ac}\u{20ac}\u{20ac}\u{20ac}\u{20ac}\u{20ac}\u{20ac}\u{20ac}\u{20ac}\u{20ac}\u{20ac}\u{20ac}\u{20ac}\u{20ac}\u{20ac}\u{20ac}\u{20ac}\u{20ac}\u{20ac}\u{20ac}\u{20ac}\u{20ac}\u{20ac}\u{20ac}\u{20ac}\u{20ac}\u{20ac}\u{20ac}\u{20ac}\u{20ac}\u{20ac}\u{20ac}\u{20ac}\u{20ac}\u{20ac}\u{20ac}\u{20ac}\u{20ac}\u{20ac}\u{20ac}\u{20ac}\u{20ac}\u{20ac}\u{20ac}\u{20ac}\u{20ac}\u{20ac}\u{20ac}\u{20ac}\u{20ac}\u{20ac}\u{20ac}\u{20ac}\u{20ac}", 2305405112800742986),
        (0, "\u{1f600}\u{1f600}\u{1f600}\u{1f600}\u{1f600}\u{1f600}\u{1f600}\u{1f600}\u{1f600}\u{1f600}\u{1f600}\u{1f600}\u{1f600}\u{1f600}\u{1f600}\u{1f600}\u{1f600}\u{1f600}\u{1f600}\u{1f600}\u{1f600}\u{1f600}\u{1f600}\u{1f600}\u{1f600}\u{1f600}\u{1f600}\u{1f600}\u{1f600}\u{1f600}\u{1f600}\u{1f600}\u{1f600}\u{1f600}\u{1f600}\u{1f600}\u{1f600}\u{1f600}\u{1f600}\u{1f600}\u{1f600}\u{1f600}\u{1f600}\u{1f600}\u{1f600}\u{1f600}\u{1f600}\u{1f600}\u{1f600}\u{1f600}\u{1f600}\u{1f600}\u{1f600}\u{1f600}\u{1f600}\u{1f600}\u{1f600}\u{1f600}\u{1f600}\u{1f600}\u{1f600}\u{1f600}\u{1f600}\u{1f600}\u{1f600}\u{1f600}\u{1f600}\u{1f600}\u{1f600}\u{1f600}", 2723706691752696564),
        (1, "", 0),
        (1, "a", -3012895188637184397),
        (1, "abc", -4667308735975688587),
        (1, "hello world", 4697380503286254714),
        (1, "été", -6613031371962527336),
        (1, "\u{20ac} uro", 9145346141308732673),
        (1, "\u{1f600}\u{21}", 7664117862780432478),
        (1, "xxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxx", 8959034462456271562),
        (1, "éééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééé", -8158655906638209263),
        (1, "\u{20ac}\u{20ac}\u{20ac}\u{20ac}\u{20ac}\u{20ac}\u{20ac}\u{20ac}\u{20ac}\u{20ac}\u{20ac}\u{20ac}\u{20ac}\u{20ac}\u{20ac}\u{20ac}\u{20ac}\u{20ac}\u{20ac}\u{20ac}\u{20ac}\u{20ac}\u{20ac}\u{20ac}\u{20ac}\u{20ac}\u{20ac}\u{20ac}\u{20ac}\u{20ac}\u{20ac}\u{20ac}\u{20ac}\u{20ac}\u{20ac}\u{20ac}\u{20ac}\u{20ac}\u{20ac}\u{20ac}\u{20ac}\u{20ac}\u{20ac}\u{20ac}\u{20ac}\u{20ac}\u{20ac}\u{20ac}\u{20ac}\u{20ac}\u{20ac}\u{20ac}\u{20ac}\u{20ac}\u{20ac}\u{20ac}\u{20ac}\u{20ac}\u{20ac}\u{20ac}\u{20ac}\u{20ac}\u{20ac}\u{20ac}\u{20ac}\u{20ac}\u{20ac}\u{20ac}\u{20ac}\u{20ac}\u{20ac}\u{20ac}\u{20ac}\u{20ac}\u{20ac}\u{20ac}\u{20ac}\u{20ac}\u{20ac}\u{20ac}\u{20ac}\u{20ac}\u{20ac}\u{20ac}\u{20ac}\u{20ac}\u{20ac}\u{20ac}\u{20ac}\u{20ac}\u{20ac}\u{20ac}\u{20ac}\u{20ac}\u{20ac}\u{20ac}\u{20ac}\u{20ac}\u{20ac}\u{20ac}\u{20ac}\u{20ac}\u{20ac}\u{20ac}\u{20ac}\u{20ac}\u{20ac}\u{20ac}\u{20ac}\u{20ac}\u{20ac}\u{20ac}\u{20ac}\u{20ac}\u{20ac}\u{20ac}\u{20ac}\u{20ac}\u{20ac}\u{20ac}\u{20ac}\u{20ac}\u{20ac}\u{20ac}\u{20ac}\u{20ac}\u{20ac}\u{20ac}\u{20ac}\u{20ac}\u{20ac}\u{20ac}\u{20ac}\u{20ac}\u{20ac}\u{20ac}\u{20ac}\u{20ac}\u{20ac}\u{20ac}\u{20ac}\u{20ac}\u{20ac}\u{20ac}\u{20ac}\u{20ac}\u{20ac}\u{20ac}\u{20ac}\u{20ac}\u{20ac}\u{20ac}\u{20ac}\u{20ac}\u{20ac}\u{20ac}\u{20ac}\u{20ac}\u{20ac}\u{20ac}\u{20ac}\u{20ac}\u{20ac}\u{20ac}\u{20ac}\u{20ac}\u{20ac}\u{20ac}\u{20ac}\u{20ac}\u{20ac}\u{20ac}\u{20ac}\u{20ac}\u{20ac}\u{20ac}\u{20ac}\u{20ac}\u{20ac}\u{20ac}\u{20ac}\u{20ac}\u{20ac}\u{20ac}\u{20ac}\u{20ac}\u{20ac}\u{20ac}\u{20ac}\u{20ac}\u{20ac}\u{20ac}\u{20ac}\u{20ac}\u{20ac}\u{20ac}\u{20ac}\u{20ac}\u{20ac}\u{20ac}", -1894343691548161038),
        (1, "\u{1f600}\u{1f600}\u{1f600}\u{1f600}\u{1f600}\u{1f600}\u{1f600}\u{1f600}\u{1f600}\u{1f600}\u{1f600}\u{1f600}\u{1f600}\u{1f600}\u{1f600}\u{1f600}\u{1f600}\u{1f600}\u{1f600}\u{1f600}\u{1f600}\u{1f600}\u{1f600}\u{1f600}\u{1f600}\u{1f600}\u{1f600}\u{1f600}\u{1f600}\u{1f600}\u{1f600}\u{1f600}\u{1f600}\u{1f600}\u{1f600}\u{1f600}\u{1f600}\u{1f600}\u{1f600}\u{1f600}\u{1f600}\u{1f600}\u{1f600}\u{1f600}\u{1f600}\u{1f600}\u{1f600}\u{1f600}\u{1f600}\u{1f600}\u{1f600}\u{1f600}\u{1f600}\u{1f600}\u{1f600}\u{1f600}\u{1f600}\u{1f600}\u{1f600}\u{1f600}\u{1f600}\u{1f600}\u{1f600}\u{1f600}\u{1f600}\u{1f600}\u{1f600}\u{1f600}\u{1f600}\u{1f600}", 809599434067019451),
        (42, "", 0),
        (42, "a", -123207753977932514),
        (42, "abc", 3869580338025362921),
        (42, "hello world", -3893157060480277979),
        (42, "été", 4053562854040562755),
        (42, "\u{20ac} uro", -7643100725399477745),
        (42, "\u{1f600}\u{21}", -7828898427842656958),
        (42, "xxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxx", -1345814288082900963),
        (42, "éééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééé", -6881285218218457164),
        (42, "\u{20ac}\u{20ac}\u{20ac}\u{20ac}\u{20ac}\u{20ac}\u{20ac}\u{20ac}\u{20ac}\u{20ac}\u{20ac}\u{20ac}\u{20ac}\u{20ac}\u{20ac}\u{20ac}\u{20ac}\u{20ac}\u{20ac}\u{20ac}\u{20ac}\u{20ac}\u{20ac}\u{20ac}\u{20ac}\u{20ac}\u{20ac}\u{20ac}\u{20ac}\u{20ac}\u{20ac}\u{20ac}\u{20ac}\u{20ac}\u{20ac}\u{20ac}\u{20ac}\u{20ac}\u{20ac}\u{20ac}\u{20ac}\u{20ac}\u{20ac}\u{20ac}\u{20ac}\u{20ac}\u{20ac}\u{20ac}\u{20ac}\u{20ac}\u{20ac}\u{20ac}\u{20ac}\u{20ac}\u{20ac}\u{20ac}\u{20ac}\u{20ac}\u{20ac}\u{20ac}\u{20ac}\u{20ac}\u{20ac}\u{20ac}\u{20ac}\u{20ac}\u{20ac}\u{20ac}\u{20ac}\u{20ac}\u{20ac}\u{20ac}\u{20ac}\u{20ac}\u{20ac}\u{20ac}\u{20ac}\u{20ac}\u{20ac}\u{20ac}\u{20ac}\u{20ac}\u{20ac}\u{20ac}\u{20ac}\u{20ac}\u{20ac}\u{20ac}\u{20ac}\u{20ac}\u{20ac}\u{20ac}\u{20ac}\u{20ac}\u{20ac}\u{20ac}\u{20ac}\u{20ac}\u{20ac}\u{20ac}\u{20ac}\u{20ac}\u{20ac}\u{20ac}\u{20ac}\u{20ac}\u{20ac}\u{20ac}\u{20ac}\u{20ac}\u{20ac}\u{20ac}\u{20ac}\u{20ac}\u{20ac}\u{20ac}\u{20ac}\u{20ac}\u{20ac}\u{20ac}\u{20ac}\u{20ac}\u{20ac}\u{20ac}\u{20ac}\u{20ac}\u{20ac}\u{20ac}\u{20ac}\u{20ac}\u{20ac}\u{20ac}\u{20ac}\u{20ac}\u{20ac}\u{20ac}\u{20ac}\u{20ac}\u{20ac}\u{20ac}\u{20ac}\u{20ac}\u{20ac}\u{20ac}\u{20ac}\u{20ac}\u{20ac}\u{20ac}\u{20ac}\u{20ac}\u{20ac}\u{20ac}\u{20ac}\u{20ac}\u{20ac}\u{20ac}\u{20ac}\u{20ac}\u{20ac}\u{20ac}\u{20ac}\u{20ac}\u{20ac}\u{20ac}\u{20ac}\u{20ac}\u{20ac}\u{20ac}\u{20ac}\u{20ac}\u{20ac}\u{20ac}\u{20ac}\u{20ac}\u{20ac}\u{20ac}\u{20ac}\u{20ac}\u{20ac}\u{20ac}\u{20ac}\u{20ac}\u{20ac}\u{20ac}\u{20ac}\u{20ac}\u{20ac}\u{20ac}\u{20ac}\u{20ac}\u{20ac}\u{20ac}\u{20ac}\u{20ac}\u{20ac}\u{20ac}\u{20ac}\u{20ac}\u{20ac}\u{20ac}", -6217456673869589729),
        (42, "\u{1f600}\u{1f600}\u{1f600}\u{1f600}\u{1f600}\u{1f600}\u{1f600}\u{1f600}\u{1f600}\u{1f600}\u{1f600}\u{1f600}\u{1f600}\u{1f600}\u{1f600}\u{1f600}\u{1f600}\u{1f600}\u{1f600}\u{1f600}\u{1f600}\u{1f600}\u{1f600}\u{1f600}\u{1f600}\u{1f600}\u{1f600}\u{1f600}\u{1f600}\u{1f600}\u{1f600}\u{1f600}\u{1f600}\u{1f600}\u{1f600}\u{1f600}\u{1f600}\u{1f600}\u{1f600}\u{1f600}\u{1f600}\u{1f600}\u{1f600}\u{1f600}\u{1f600}\u{1f600}\u{1f600}\u{1f600}\u{1f600}\u{1f600}\u{1f600}\u{1f600}\u{1f600}\u{1f600}\u{1f600}\u{1f600}\u{1f600}\u{1f600}\u{1f600}\u{1f600}\u{1f600}\u{1f600}\u{1f600}\u{1f600}\u{1f600}\u{1f600}\u{1f600}\u{1f600}\u{1f600}\u{1f600}", -7367025732998079987),
        (123456, "", 0),
        (123456, "a", 5189962413908688696),
        (123456, "abc", -1666233593715650805),
        (123456, "hello world", 3316734431767179587),
        (123456, "été", -8661395381264901451),
        (123456, "\u{20ac} uro", 5839150775973202234),
        (123456, "\u{1f600}\u{21}", -5888826659585742395),
        (123456, "xxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxx", 577005544253833534),
        (123456, "éééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééé", 4352661870395877497),
        (123456, "\u{20ac}\u{20ac}\u{20ac}\u{20ac}\u{20ac}\u{20ac}\u{20ac}\u{20ac}\u{20ac}\u{20ac}\u{20ac}\u{20ac}\u{20ac}\u{20ac}\u{20ac}\u{20ac}\u{20ac}\u{20ac}\u{20ac}\u{20ac}\u{20ac}\u{20ac}\u{20ac}\u{20ac}\u{20ac}\u{20ac}\u{20ac}\u{20ac}\u{20ac}\u{20ac}\u{20ac}\u{20ac}\u{20ac}\u{20ac}\u{20ac}\u{20ac}\u{20ac}\u{20ac}\u{20ac}\u{20ac}\u{20ac}\u{20ac}\u{20ac}\u{20ac}\u{20ac}\u{20ac}\u{20ac}\u{20ac}\u{20ac}\u{20ac}\u{20ac}\u{20ac}\u{20ac}\u{20ac}\u{20ac}\u{20ac}\u{20ac}\u{20ac}\u{20ac}\u{20ac}\u{20ac}\u{20ac}\u{20ac}\u{20ac}\u{20ac}\u{20ac}\u{20ac}\u{20ac}\u{20ac}\u{20ac}\u{20ac}\u{20ac}\u{20ac}\u{20ac}\u{20ac}\u{20ac}\u{20ac}\u{20ac}\u{20ac}\u{20ac}\u{20ac}\u{20ac}\u{20ac}\u{20ac}\u{20ac}\u{20ac}\u{20ac}\u{20ac}\u{20ac}\u{20ac}\u{20ac}\u{20ac}\u{20ac}\u{20ac}\u{20ac}\u{20ac}\u{20ac}\u{20ac}\u{20ac}\u{20ac}\u{20ac}\u{20ac}\u{20ac}\u{20ac}\u{20ac}\u{20ac}\u{20ac}\u{20ac}\u{20ac}\u{20ac}\u{20ac}\u{20ac}\u{20ac}\u{20ac}\u{20ac}\u{20ac}\u{20ac}\u{20ac}\u{20ac}\u{20ac}\u{20ac}\u{20ac}\u{20ac}\u{20ac}\u{20ac}\u{20ac}\u{20ac}\u{20ac}\u{20ac}\u{20ac}\u{20ac}\u{20ac}\u{20ac}\u{20ac}\u{20ac}\u{20ac}\u{20ac}\u{20ac}\u{20ac}\u{20ac}\u{20ac}\u{20ac}\u{20ac}\u{20ac}\u{20ac}\u{20ac}\u{20ac}\u{20ac}\u{20ac}\u{20ac}\u{20ac}\u{20ac}\u{20ac}\u{20ac}\u{20ac}\u{20ac}\u{20ac}\u{20ac}\u{20ac}\u{20ac}\u{20ac}\u{20ac}\u{20ac}\u{20ac}\u{20ac}\u{20ac}\u{20ac}\u{20ac}\u{20ac}\u{20ac}\u{20ac}\u{20ac}\u{20ac}\u{20ac}\u{20ac}\u{20ac}\u{20ac}\u{20ac}\u{20ac}\u{20ac}\u{20ac}\u{20ac}\u{20ac}\u{20ac}\u{20ac}\u{20ac}\u{20ac}\u{20ac}\u{20ac}\u{20ac}\u{20ac}\u{20ac}\u{20ac}\u{20ac}\u{20ac}\u{20ac}\u{20ac}\u{20ac}\u{20ac}\u{20ac}", 5975468518517071629),
        (123456, "\u{1f600}\u{1f600}\u{1f600}\u{1f600}\u{1f600}\u{1f600}\u{1f600}\u{1f600}\u{1f600}\u{1f600}\u{1f600}\u{1f600}\u{1f600}\u{1f600}\u{1f600}\u{1f600}\u{1f600}\u{1f600}\u{1f600}\u{1f600}\u{1f600}\u{1f600}\u{1f600}\u{1f600}\u{1f600}\u{1f600}\u{1f600}\u{1f600}\u{1f600}\u{1f600}\u{1f600}\u{1f600}\u{1f600}\u{1f600}\u{1f600}\u{1f600}\u{1f600}\u{1f600}\u{1f600}\u{1f600}\u{1f600}\u{1f600}\u{1f600}\u{1f600}\u{1f600}\u{1f600}\u{1f600}\u{1f600}\u{1f600}\u{1f600}\u{1f600}\u{1f600}\u{1f600}\u{1f600}\u{1f600}\u{1f600}\u{1f600}\u{1f600}\u{1f600}\u{1f600}\u{1f600}\u{1f600}\u{1f600}\u{1f600}\u{1f600}\u{1f600}\u{1f600}\u{1f600}\u{1f600}\u{1f600}", 8131713147919734690),
        (4294967295, "", 0),
        (4294967295, "a", -5989683813037840249),
        (4294967295, "abc", -6122489556238538401),
        (4294967295, "hello world", 6208778848576073069),
        (4294967295, "été", -8233957282333719077),
        (4294967295, "\u{20ac} uro", 6894244528700441876),
        (4294967295, "\u{1f600}\u{21}", 899158611214773959),
        (4294967295, "xxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxx", 2424569201148640282),
        (4294967295, "éééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééé", 1288713131633479166),
        (4294967295, "\u{20ac}\u{20ac}\u{20ac}\u{20ac}\u{20ac}\u{20ac}\u{20ac}\u{20ac}\u{20ac}\u{20ac}\u{20ac}\u{20ac}\u{20ac}\u{20ac}\u{20ac}\u{20ac}\u{20ac}\u{20ac}\u{20ac}\u{20ac}\u{20ac}\u{20ac}\u{20ac}\u{20ac}\u{20ac}\u{20ac}\u{20ac}\u{20ac}\u{20ac}\u{20ac}\u{20ac}\u{20ac}\u{20ac}\u{20ac}\u{20ac}\u{20ac}\u{20ac}\u{20ac}\u{20ac}\u{20ac}\u{20ac}\u{20ac}\u{20ac}\u{20ac}\u{20ac}\u{20ac}\u{20ac}\u{20ac}\u{20ac}\u{20ac}\u{20ac}\u{20ac}\u{20ac}\u{20ac}\u{20ac}\u{20ac}\u{20ac}\u{20ac}\u{20ac}\u{20ac}\u{20ac}\u{20ac}\u{20ac}\u{20ac}\u{20ac}\u{20ac}\u{20ac}\u{20ac}\u{20ac}\u{20ac}\u{20ac}\u{20ac}\u{20ac}\u{20ac}\u{20ac}\u{20ac}\u{20ac}\u{20ac}\u{20ac}\u{20ac}\u{20ac}\u{20ac}\u{20ac}\u{20ac}\u{20ac}\u{20ac}\u{20ac}\u{20ac}\u{20ac}\u{20ac}\u{20ac}\u{20ac}\u{20ac}\u{20ac}\u{20ac}\u{20ac}\u{20ac}\u{20ac}\u{20ac}\u{20ac}\u{20ac}\u{20ac}\u{20ac}\u{20ac}\u{20ac}\u{20ac}\u{20ac}\u{20ac}\u{20ac}\u{20ac}\u{20ac}\u{20ac}\u{20ac}\u{20ac}\u{20ac}\u{20ac}\u{20ac}\u{20ac}\u{20ac}\u{20ac}\u{20ac}\u{20ac}\u{20ac}\u{20ac}\u{20ac}\u{20ac}\u{20ac}\u{20ac}\u{20ac}\u{20ac}\u{20ac}\u{20ac}\u{20ac}\u{20ac}\u{20ac}\u{20ac}\u{20ac}\u{20ac}\u{20ac}\u{20ac}\u{20ac}\u{20ac}\u{20ac}\u{20ac}\u{20ac}\u{20ac}\u{20ac}\u{20ac}\u{20ac}\u{20ac}\u{20ac}\u{20ac}\u{20ac}\u{20ac}\u{20ac}\u{20ac}\u{20ac}\u{20ac}\u{20ac}\u{20ac}\u{20ac}\u{20ac}\u{20ac}\u{20ac}\u{20ac}\u{20ac}\u{20ac}\u{20ac}\u{20ac}\u{20ac}\u{20ac}\u{20ac}\u{20ac}\u{20ac}\u{20ac}\u{20ac}\u{20ac}\u{20ac}\u{20ac}\u{20ac}\u{20ac}\u{20ac}\u{20ac}\u{20ac}\u{20ac}\u{20ac}\u{20ac}\u{20ac}\u{20ac}\u{20ac}\u{20ac}\u{20ac}\u{20ac}\u{20ac}\u{20ac}\u{20ac}\u{20ac}\u{20ac}\u{20ac}\u{20ac}", -6879819795704117223),
        (4294967295, "\u{1f600}\u{1f600}\u{1f600}\u{1f600}\u{1f600}\u{1f600}\u{1f600}\u{1f600}\u{1f600}\u{1f600}\u{1f600}\u{1f600}\u{1f600}\u{1f600}\u{1f600}\u{1f600}\u{1f600}\u{1f600}\u{1f600}\u{1f600}\u{1f600}\u{1f600}\u{1f600}\u{1f600}\u{1f600}\u{1f600}\u{1f600}\u{1f600}\u{1f600}\u{1f600}\u{1f600}\u{1f600}\u{1f600}\u{1f600}\u{1f600}\u{1f600}\u{1f600}\u{1f600}\u{1f600}\u{1f600}\u{1f600}\u{1f600}\u{1f600}\u{1f600}\u{1f600}\u{1f600}\u{1f600}\u{1f600}\u{1f600}\u{1f600}\u{1f600}\u{1f600}\u{1f600}\u{1f600}\u{1f600}\u{1f600}\u{1f600}\u{1f600}\u{1f600}\u{1f600}\u{1f600}\u{1f600}\u{1f600}\u{1f600}\u{1f600}\u{1f600}\u{1f600}\u{1f600}\u{1f600}\u{1f600}", 6565692505097883949),
    ];
    const SURROGATE_CASES: &[(u32, &[u16], isize)] = &[
        (
            0,
            &[0xd800, 0x20, 0x6c, 0x6f, 0x6e, 0x65],
            7481974125982197951,
        ),
        (
            1,
            &[0xd800, 0x20, 0x6c, 0x6f, 0x6e, 0x65],
            208818231026703427,
        ),
        (
            42,
            &[0xd800, 0x20, 0x6c, 0x6f, 0x6e, 0x65],
            -8787361275290672590,
        ),
        (
            123456,
            &[0xd800, 0x20, 0x6c, 0x6f, 0x6e, 0x65],
            -6648934292567515939,
        ),
        (
            4294967295,
            &[0xd800, 0x20, 0x6c, 0x6f, 0x6e, 0x65],
            601768672620311519,
        ),
    ];
    const BYTES_CASES: &[(u32, &[u8], isize)] = &[
        (0, b"", 0),
        (0, b"\x61", 4644417185603328019),
        (0, b"\x61\x62\x63", -4594863902769663758),
        (
            0,
            b"\x00\xff\x00\xff\x00\xff\x00\xff\x00\xff\x00\xff\x00\xff\x00\xff\x00\xff",
            189145054799445544,
        ),
        (1, b"", 0),
        (1, b"\x61", -3012895188637184397),
        (1, b"\x61\x62\x63", -4667308735975688587),
        (
            1,
            b"\x00\xff\x00\xff\x00\xff\x00\xff\x00\xff\x00\xff\x00\xff\x00\xff\x00\xff",
            -5289439458543344252,
        ),
        (42, b"", 0),
        (42, b"\x61", -123207753977932514),
        (42, b"\x61\x62\x63", 3869580338025362921),
        (
            42,
            b"\x00\xff\x00\xff\x00\xff\x00\xff\x00\xff\x00\xff\x00\xff\x00\xff\x00\xff",
            9151346965704481397,
        ),
        (123456, b"", 0),
        (123456, b"\x61", 5189962413908688696),
        (123456, b"\x61\x62\x63", -1666233593715650805),
        (
            123456,
            b"\x00\xff\x00\xff\x00\xff\x00\xff\x00\xff\x00\xff\x00\xff\x00\xff\x00\xff",
            -2665370021133654414,
        ),
        (4294967295, b"", 0),
        (4294967295, b"\x61", -5989683813037840249),
        (4294967295, b"\x61\x62\x63", -6122489556238538401),
        (
            4294967295,
            b"\x00\xff\x00\xff\x00\xff\x00\xff\x00\xff\x00\xff\x00\xff\x00\xff\x00\xff",
            -6186286582505187833,
        ),
    ];
    const INT_CASES: &[(&str, isize)] = &[
        ("0", 0),
        ("1", 1),
        ("-1", -2),
        ("-2", -2),
        ("2", 2),
        ("2305843009213693950", 2305843009213693950),
        ("2305843009213693951", 0),
        ("2305843009213693952", 1),
        ("-2305843009213693952", -2),
        ("9223372036854775807", 3),
        ("-9223372036854775808", -4),
        ("1000000000000000000000000000000", 465258685558744706),
        ("-1000000000000000000000000000000", -465258685558744706),
        (
            "1606938044258990275541962092341162602522202993782792835313721",
            143417,
        ),
        ("-2305843009213693951", 0),
    ];
    const FLOAT_CASES: &[(u64, isize)] = &[
        (0x0000000000000000, 0),                    // 0.0
        (0x8000000000000000, 0),                    // -0.0
        (0x3ff0000000000000, 1),                    // 1.0
        (0xbff0000000000000, -2),                   // -1.0
        (0x3fe0000000000000, 1152921504606846976),  // 0.5
        (0x3ff8000000000000, 1152921504606846977),  // 1.5
        (0xc004000000000000, -1152921504606846978), // -2.5
        (0x400921fb54442d18, 326490430436040707),   // 3.141592653589793
        (0x7e37e43c8800759c, 1224995262755759164),  // 1e+300
        (0x81a56e1fc2f8f359, -482449582752280463),  // -1e-300
        (0x0000000000000001, 16777216),             // 5e-324
        (0x43c0000000000000, 1),                    // 2.305843009213694e+18
        (0x43d0000000000000, 2),                    // 4.611686018427388e+18
        (0x4341c37937e08000, 10000000000000000),    // 1e+16
        (0x419d6f34547df3b6, 283618680910892309),   // 123456789.123
        (0x7ff0000000000000, 314159),               // inf
        (0xfff0000000000000, -314159),              // -inf
    ];
    const COMPLEX_CASES: &[(u64, u64, isize)] = &[
        (0x0000000000000000, 0x0000000000000000, 0),       // 0j
        (0x0000000000000000, 0x3ff0000000000000, 1000003), // 1j
        (0x3ff0000000000000, 0x3ff0000000000000, 1000004), // (1+1j)
        (0xbff8000000000000, 0x4002000000000000, 576460752305423493), // (-1.5+2.25j)
        (0x7e37e43c8800759c, 0xc008000000000000, 1224995262752759155), // (1e+300-3j)
        (0x7ff0000000000000, 0x3ff0000000000000, 1314162), // (inf+1j)
        (0x8000000000000000, 0xbff0000000000000, -2000006), // (-0-1j)
    ];
    const TUPLE_CASES: &[(&[isize], isize)] = &[
        (&[], 5740354900026072187),
        (&[1], -6644214454873602895),
        (&[1, 2], -3550055125485641917),
        (&[1, 2, 3], 529344067295497451),
        (&[5740354900026072187], -5486347211504344842),
        (&[-2], 8078679518589016365),
        (&[-2], 8078679518589016365),
        (&[0, -5, 7], 5892108795651867461),
        (
            &[
                0, 1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13, 14, 15, 16, 17, 18, 19, 20, 21, 22,
                23, 24, 25, 26, 27, 28, 29, 30, 31, 32, 33, 34, 35, 36, 37, 38, 39, 40, 41, 42, 43,
                44, 45, 46, 47, 48, 49,
            ],
            1404085563375576169,
        ),
    ];
    const FROZENSET_CASES: &[(&[isize], isize)] = &[
        (&[], 133146708735736),
        (&[1], -558064481276695278),
        (&[1, 2], -1826646154956904602),
        (&[1, 2, 3], -272375401224217160),
        (
            &[
                0, 1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13, 14, 15, 16, 17, 18, 19, 20, 21, 22,
                23, 24, 25, 26, 27, 28, 29, 30, 31, 32, 33, 34, 35, 36, 37, 38, 39, 40, 41, 42, 43,
                44, 45, 46, 47, 48, 49, 50, 51, 52, 53, 54, 55, 56, 57, 58, 59, 60, 61, 62, 63, 64,
                65, 66, 67, 68, 69, 70, 71, 72, 73, 74, 75, 76, 77, 78, 79, 80, 81, 82, 83, 84, 85,
                86, 87, 88, 89, 90, 91, 92, 93, 94, 95, 96, 97, 98, 99,
            ],
            4411996150312757951,
        ),
        (&[-2, -2], 399283329322573),
        (&[133146708735736], -6993584179861130285),
    ];
    // END GENERATED HASH_CASES

    #[test]
    fn str_hashes_match_cpython_for_each_seed() {
        for &(seed, s, expected) in STR_CASES {
            let secret = HashSecret::from_seed(seed);
            assert_eq!(hash_str(&secret, s), expected, "seed {seed} str {s:?}");
        }
    }

    #[test]
    fn kind_specific_entry_points_agree() {
        let secret = HashSecret::from_seed(42);
        for &(_, s, _) in STR_CASES {
            let expected = hash_str(&secret, s);
            let max = s.chars().map(|c| c as u32).max().unwrap_or(0);
            let units: Vec<u32> = s.chars().map(|c| c as u32).collect();
            if max < 0x100 {
                let b: Vec<u8> = units.iter().map(|&u| u as u8).collect();
                assert_eq!(hash_str_ucs1(&secret, &b), expected);
            } else if max < 0x10000 {
                let b: Vec<u16> = units.iter().map(|&u| u as u16).collect();
                assert_eq!(hash_str_ucs2(&secret, &b), expected);
            } else {
                assert_eq!(hash_str_ucs4(&secret, &units), expected);
            }
        }
        // Chunked feeding gives the same hash as one buffer.
        let long: Vec<u32> = (0..1000u32).map(|i| 0x10000 + i).collect();
        let mut bytes = Vec::new();
        for u in &long {
            bytes.extend_from_slice(&u.to_ne_bytes());
        }
        assert_eq!(hash_str_ucs4(&secret, &long), hash_bytes(&secret, &bytes));
    }

    #[test]
    fn lone_surrogate_hashes_match_cpython() {
        for &(seed, units, expected) in SURROGATE_CASES {
            let secret = HashSecret::from_seed(seed);
            assert_eq!(
                hash_str_ucs2(&secret, units),
                expected,
                "seed {seed} {units:x?}"
            );
        }
    }

    #[test]
    fn bytes_hashes_match_cpython_for_each_seed() {
        for &(seed, b, expected) in BYTES_CASES {
            let secret = HashSecret::from_seed(seed);
            assert_eq!(hash_bytes(&secret, b), expected, "seed {seed} bytes {b:?}");
        }
    }

    #[test]
    fn seed_zero_is_the_zero_key_and_random_keys_differ() {
        assert_eq!(HashSecret::from_seed(0), HashSecret::zero());
        let a = HashSecret::random().expect("os random");
        let b = HashSecret::random().expect("os random");
        assert_ne!(a, b);
    }

    #[test]
    fn hash_seed_parsing_follows_cpython() {
        assert_eq!(parse_hash_seed(""), Ok(None));
        assert_eq!(parse_hash_seed("random"), Ok(None));
        assert_eq!(parse_hash_seed("0"), Ok(Some(0)));
        assert_eq!(parse_hash_seed("42"), Ok(Some(42)));
        assert_eq!(parse_hash_seed(" +7"), Ok(Some(7)));
        assert_eq!(parse_hash_seed("4294967295"), Ok(Some(u32::MAX)));
        assert!(parse_hash_seed("4294967296").is_err());
        assert!(parse_hash_seed("-1").is_err());
        assert!(parse_hash_seed("12x").is_err());
        assert!(parse_hash_seed("Random").is_err());
        let (s, seed) = HashSecret::from_env(Some("42")).expect("valid seed");
        assert_eq!((s, seed), (HashSecret::from_seed(42), Some(42)));
    }

    #[test]
    fn int_hashes_match_cpython() {
        for &(text, expected) in INT_CASES {
            let big: BigInt = text.parse().expect("decimal");
            assert_eq!(hash_bigint(&big), expected, "int {text}");
            if let Ok(small) = text.parse::<i64>() {
                assert_eq!(hash_i64(small), expected, "i64 {text}");
            }
        }
    }

    #[test]
    fn float_hashes_match_cpython() {
        for &(bits, expected) in FLOAT_CASES {
            let f = f64::from_bits(bits);
            assert_eq!(hash_f64(f, 0x1234), expected, "float {f:?}");
        }
        // Integral floats hash as the equal int.
        for i in [-1000i64, -3, 7, 1 << 40, 123456789] {
            assert_eq!(hash_f64(i as f64, 0), hash_i64(i));
        }
    }

    #[test]
    fn nan_hashes_by_identity() {
        let addr = 0x7f12_3456_7890usize;
        assert_eq!(hash_f64(f64::NAN, addr), hash_pointer(addr));
        assert_ne!(hash_f64(f64::NAN, addr), hash_f64(f64::NAN, addr + 16));
        assert_eq!(hash_complex(f64::NAN, 0.0, addr), hash_pointer(addr));
    }

    #[test]
    fn pointer_hash_rotates_by_four_bits() {
        // CPython: hash(object()) == rotate_right(id(o), 4) as a signed word.
        assert_eq!(hash_pointer(0x7f00_0000_1230), 0x7f0_0000_0123);
        assert_eq!(
            hash_pointer(0x18),
            (0x8000_0000_0000_0001u64 as i64) as isize
        );
        assert_eq!(hash_pointer(0), 0);
        // An address rotating to all ones is remapped to -2.
        assert_eq!(hash_pointer(usize::MAX), -2);
    }

    #[test]
    fn complex_hashes_match_cpython() {
        for &(re, im, expected) in COMPLEX_CASES {
            let (re, im) = (f64::from_bits(re), f64::from_bits(im));
            assert_eq!(hash_complex(re, im, 0), expected, "complex {re:?} {im:?}");
        }
    }

    #[test]
    fn tuple_hashes_match_cpython() {
        for &(items, expected) in TUPLE_CASES {
            assert_eq!(
                tuple_hash(items.iter().copied()),
                expected,
                "tuple {items:?}"
            );
        }
    }

    #[test]
    fn frozenset_hashes_match_cpython() {
        for &(items, expected) in FROZENSET_CASES {
            assert_eq!(
                frozenset_hash(items.iter().copied()),
                expected,
                "frozenset {items:?}"
            );
            assert_eq!(frozenset_hash(items.iter().rev().copied()), expected);
        }
    }
}
