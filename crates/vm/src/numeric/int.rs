//! Integer algorithms of CPython's Objects/longobject.c (and the integer functions of the math module) over
//! `num_bigint::BigInt`, with Python's sign rules and CPython's error messages.

use std::cmp::Ordering;

use num_bigint::{BigInt, BigUint, Sign};
use num_integer::Integer;
use num_traits::{One, Signed, ToPrimitive, Zero};

use super::float::{decompose, ldexp};
use super::{NumError, NumResult};

/// Results larger than this many bits are refused with `MemoryError` instead of being attempted
/// (CPython would try to allocate them and fail the same way).
pub const MAX_RESULT_BITS: u64 = 1 << 36;

fn zero_div_mod() -> NumError {
    NumError::zero_div("integer division or modulo by zero")
}

/// `a // b` (rounds toward negative infinity).
pub fn floordiv(a: &BigInt, b: &BigInt) -> NumResult<BigInt> {
    if b.is_zero() {
        return Err(zero_div_mod());
    }
    Ok(a.div_floor(b))
}

/// `a % b` (the result has the sign of `b`).
pub fn modulo(a: &BigInt, b: &BigInt) -> NumResult<BigInt> {
    if b.is_zero() {
        return Err(NumError::zero_div("integer modulo by zero"));
    }
    Ok(a.mod_floor(b))
}

/// `divmod(a, b)`.
pub fn divmod(a: &BigInt, b: &BigInt) -> NumResult<(BigInt, BigInt)> {
    if b.is_zero() {
        return Err(zero_div_mod());
    }
    Ok(a.div_mod_floor(b))
}

/// `a // b` on machine ints; `Ok(None)` when the result does not fit (only `i64::MIN // -1`).
pub fn floordiv_i64(a: i64, b: i64) -> NumResult<Option<i64>> {
    if b == 0 {
        return Err(zero_div_mod());
    }
    if a == i64::MIN && b == -1 {
        return Ok(None);
    }
    Ok(Some(Integer::div_floor(&a, &b)))
}

/// `a % b` on machine ints (never overflows).
pub fn modulo_i64(a: i64, b: i64) -> NumResult<i64> {
    if b == 0 {
        return Err(NumError::zero_div("integer modulo by zero"));
    }
    if b == -1 {
        return Ok(0);
    }
    Ok(a.mod_floor(&b))
}

/// `divmod(a, b)` on machine ints; `Ok(None)` when the quotient does not fit.
pub fn divmod_i64(a: i64, b: i64) -> NumResult<Option<(i64, i64)>> {
    if b == 0 {
        return Err(zero_div_mod());
    }
    if a == i64::MIN && b == -1 {
        return Ok(None);
    }
    Ok(Some(a.div_mod_floor(&b)))
}

/// `a ** b` on machine ints for `b >= 0`; `None` when `b` is negative or the result does not fit.
pub fn pow_i64(a: i64, b: i64) -> Option<i64> {
    let b = u32::try_from(b).ok()?;
    a.checked_pow(b)
}

/// `a << n` on machine ints; `Ok(None)` when the result does not fit.
pub fn lshift_i64(a: i64, n: i64) -> NumResult<Option<i64>> {
    if n < 0 {
        return Err(NumError::value("negative shift count"));
    }
    if a == 0 {
        return Ok(Some(0));
    }
    if n >= 63 {
        return Ok(None);
    }
    let r = a << n;
    Ok(if r >> n == a { Some(r) } else { None })
}

/// `a >> n` on machine ints (rounds toward negative infinity).
pub fn rshift_i64(a: i64, n: i64) -> NumResult<i64> {
    if n < 0 {
        return Err(NumError::value("negative shift count"));
    }
    Ok(a >> n.min(63))
}

/// Correctly rounded (half-even) `n / d` for `d > 0`; `None` when the result is too large for a float.
pub(crate) fn ratio_to_f64(n: &BigUint, d: &BigUint) -> Option<f64> {
    if n.is_zero() {
        return Some(0.0);
    }
    let nb = n.bits() as i64;
    let db = d.bits() as i64;
    if nb <= 53 && db <= 53 {
        // Both operands are exact floats: one IEEE division is correctly rounded.
        return Some(n.to_u64()? as f64 / d.to_u64()? as f64);
    }
    // n / d lies in [2**(e-1), 2**(e+1)).
    let e = nb - db;
    if e > 1025 {
        return None;
    }
    if e < -1080 {
        // Below half of the smallest subnormal.
        return Some(0.0);
    }
    // Scale so that the quotient keeps at least two bits beyond the 53 (or fewer, for subnormals) kept.
    let s = (e - 55).max(-1076);
    let (q, sticky) = if s >= 0 {
        let s = s as u64;
        if d.is_one() {
            let sticky = n.trailing_zeros().unwrap_or(0) < s;
            (n >> s, sticky)
        } else {
            let (q, r) = n.div_rem(&(d << s));
            (q, !r.is_zero())
        }
    } else {
        let (q, r) = (n << ((-s) as u64)).div_rem(d);
        (q, !r.is_zero())
    };
    let q = q.to_u64()?;
    let len = 64 - q.leading_zeros() as i64;
    let drop = (len - 53).max(-1074 - s);
    let m = round_shift(q, drop as u32, sticky);
    let exp = s + drop;
    if m != 0 && (64 - m.leading_zeros() as i64) + exp > 1024 {
        return None;
    }
    Some(ldexp(m as f64, exp))
}

/// `q >> shift` rounded half-even, `sticky` telling whether nonzero bits were already dropped below `q`.
pub(crate) fn round_shift(q: u64, shift: u32, sticky: bool) -> u64 {
    if shift == 0 {
        return q;
    }
    if shift >= 64 {
        return 0;
    }
    let m = q >> shift;
    let rem = q & ((1u64 << shift) - 1);
    let half = 1u64 << (shift - 1);
    if rem > half || (rem == half && (sticky || m & 1 == 1)) {
        m + 1
    } else {
        m
    }
}

/// `a / b` correctly rounded as CPython's `long_true_divide`.
pub fn true_divide(a: &BigInt, b: &BigInt) -> NumResult<f64> {
    if b.is_zero() {
        return Err(NumError::zero_div("division by zero"));
    }
    let neg = (a.sign() == Sign::Minus) != (b.sign() == Sign::Minus);
    match ratio_to_f64(a.magnitude(), b.magnitude()) {
        Some(f) => Ok(if neg { -f } else { f }),
        None => Err(NumError::overflow("integer division result too large for a float")),
    }
}

/// `a / b` on machine ints, correctly rounded.
pub fn true_divide_i64(a: i64, b: i64) -> NumResult<f64> {
    if b == 0 {
        return Err(NumError::zero_div("division by zero"));
    }
    const EXACT: u64 = 1 << 53;
    if a.unsigned_abs() <= EXACT && b.unsigned_abs() <= EXACT {
        return Ok(a as f64 / b as f64);
    }
    true_divide(&BigInt::from(a), &BigInt::from(b))
}

/// `float(a)`, correctly rounded (half-even).
pub fn to_f64(a: &BigInt) -> NumResult<f64> {
    if let Some(v) = a.to_i64() {
        return Ok(v as f64);
    }
    match ratio_to_f64(a.magnitude(), &BigUint::one()) {
        Some(f) => Ok(if a.is_negative() { -f } else { f }),
        None => Err(NumError::overflow("int too large to convert to float")),
    }
}

/// `int(x)` for a float: truncation toward zero.
pub fn from_f64(x: f64) -> NumResult<BigInt> {
    if x.is_nan() {
        return Err(NumError::value("cannot convert float NaN to integer"));
    }
    if x.is_infinite() {
        return Err(NumError::overflow("cannot convert float infinity to integer"));
    }
    if x.abs() < 9.2e18 {
        return Ok(BigInt::from(x.trunc() as i64));
    }
    let (m, e) = decompose(x);
    let mag = if e >= 0 {
        BigUint::from(m) << (e as u64)
    } else {
        BigUint::from(m) >> ((-e) as u64)
    };
    Ok(BigInt::from_biguint(
        if x < 0.0 { Sign::Minus } else { Sign::Plus },
        mag,
    ))
}

/// Exact comparison of an int with a float, as CPython's `float_richcompare`; `None` when `x` is NaN.
pub fn cmp_int_float(a: &BigInt, x: f64) -> Option<Ordering> {
    if x.is_nan() {
        return None;
    }
    if x.is_infinite() {
        return Some(if x > 0.0 { Ordering::Less } else { Ordering::Greater });
    }
    let fl = x.floor();
    let xi = from_f64(fl).ok()?;
    Some(match a.cmp(&xi) {
        Ordering::Equal if x > fl => Ordering::Less,
        o => o,
    })
}

/// Outcome of `int ** int`: an int, or a float when the exponent is negative.
#[derive(Clone, Debug, PartialEq)]
pub enum IntPow {
    /// A non-negative exponent gives an int.
    Int(BigInt),
    /// A negative exponent gives a float (CPython computes `float(a) ** float(b)`).
    Float(f64),
}

/// `a ** b` (two arguments).
pub fn pow(a: &BigInt, b: &BigInt) -> NumResult<IntPow> {
    if b.is_negative() {
        let fa = to_f64(a)?;
        let fb = to_f64(b)?;
        // An integral exponent never gives a complex result.
        return Ok(IntPow::Float(super::float::pow(fa, fb)?.unwrap_or(f64::NAN)));
    }
    if b.is_zero() || a.is_one() {
        return Ok(IntPow::Int(BigInt::one()));
    }
    if a.is_zero() {
        return Ok(IntPow::Int(BigInt::zero()));
    }
    if *a == BigInt::from(-1) {
        return Ok(IntPow::Int(if b.is_odd() { a.clone() } else { BigInt::one() }));
    }
    let e = b.to_u64().ok_or_else(NumError::memory)?;
    let bits = a.bits() - 1;
    if bits.checked_mul(e).is_none_or(|t| t > MAX_RESULT_BITS) {
        return Err(NumError::memory());
    }
    Ok(IntPow::Int(num_traits::pow::Pow::pow(a, e)))
}

/// `pow(a, b, m)` with a modulus; a negative `b` uses the modular inverse of `a`.
pub fn pow_mod(a: &BigInt, b: &BigInt, m: &BigInt) -> NumResult<BigInt> {
    if m.is_zero() {
        return Err(NumError::value("pow() 3rd argument cannot be 0"));
    }
    let negative_output = m.is_negative();
    let m = m.abs();
    if m.is_one() {
        return Ok(BigInt::zero());
    }
    let (base, exp) = if b.is_negative() {
        let inv = a
            .mod_floor(&m)
            .modinv(&m)
            .ok_or_else(|| NumError::value("base is not invertible for the given modulus"))?;
        (inv, -b)
    } else {
        (a.mod_floor(&m), b.clone())
    };
    let mut z = base.modpow(&exp, &m);
    if negative_output && !z.is_zero() {
        z -= &m;
    }
    Ok(z)
}

/// `a << n`; `n` negative is a `ValueError`, an impossibly large result a `MemoryError`.
pub fn lshift(a: &BigInt, n: &BigInt) -> NumResult<BigInt> {
    if n.is_negative() {
        return Err(NumError::value("negative shift count"));
    }
    if a.is_zero() {
        return Ok(BigInt::zero());
    }
    // CPython sizes the result in 30-bit digits, with the shift's word count clipped, and refuses sizes beyond
    // what a 64-bit address space could hold with OverflowError; smaller but still impossible sizes fail to
    // allocate (MemoryError).
    const MAX_LONG_DIGITS: u64 = (i64::MAX as u64 - 24) / 4;
    const CLIPPED_WORDSHIFT: u64 = i64::MAX as u64 / 4;
    let (q, r) = n.div_rem(&BigInt::from(30u32));
    let (wordshift, remshift) = match q.to_u64() {
        Some(w) if w < CLIPPED_WORDSHIFT => (w, r.to_u64().unwrap_or(0)),
        _ => (CLIPPED_WORDSHIFT, 0),
    };
    let new_size = a.bits().div_ceil(30) + wordshift + u64::from(remshift != 0);
    if new_size > MAX_LONG_DIGITS {
        return Err(NumError::overflow("too many digits in integer"));
    }
    let n = wordshift.saturating_mul(30).saturating_add(remshift);
    if n.saturating_add(a.bits()) > MAX_RESULT_BITS {
        return Err(NumError::memory());
    }
    Ok(a << n)
}

/// `a >> n` (rounds toward negative infinity); `n` negative is a `ValueError`.
pub fn rshift(a: &BigInt, n: &BigInt) -> NumResult<BigInt> {
    if n.is_negative() {
        return Err(NumError::value("negative shift count"));
    }
    match n.to_u64() {
        Some(n) if n < a.bits() => Ok(a >> n),
        _ => Ok(if a.is_negative() {
            BigInt::from(-1)
        } else {
            BigInt::zero()
        }),
    }
}

/// `a & b` (two's complement semantics).
pub fn and(a: &BigInt, b: &BigInt) -> BigInt {
    a & b
}

/// `a | b` (two's complement semantics).
pub fn or(a: &BigInt, b: &BigInt) -> BigInt {
    a | b
}

/// `a ^ b` (two's complement semantics).
pub fn xor(a: &BigInt, b: &BigInt) -> BigInt {
    a ^ b
}

/// `~a`, that is `-a - 1`.
pub fn invert(a: &BigInt) -> BigInt {
    -a - 1
}

/// `int.bit_length()`.
pub fn bit_length(a: &BigInt) -> u64 {
    a.bits()
}

/// `int.bit_count()`: the number of ones in the absolute value.
pub fn bit_count(a: &BigInt) -> u64 {
    a.magnitude().count_ones()
}

/// `int.to_bytes(length, byteorder, signed=...)`; `little` selects `'little'`.
pub fn to_bytes(a: &BigInt, length: i64, little: bool, signed: bool) -> NumResult<Vec<u8>> {
    if length < 0 {
        return Err(NumError::value("length argument must be non-negative"));
    }
    let too_big = || NumError::overflow("int too big to convert");
    let length = usize::try_from(length).map_err(|_| too_big())?;
    let mut bytes = if signed {
        // CPython quirk: -1 fits in zero bytes, as 0 does.
        if a.is_zero() || (length == 0 && *a == BigInt::from(-1)) {
            Vec::new()
        } else {
            a.to_signed_bytes_be()
        }
    } else {
        if a.is_negative() {
            return Err(NumError::overflow("can't convert negative int to unsigned"));
        }
        if a.is_zero() {
            Vec::new()
        } else {
            a.to_bytes_be().1
        }
    };
    if bytes.len() > length {
        return Err(too_big());
    }
    let fill = if a.is_negative() { 0xff } else { 0 };
    let mut out = vec![fill; length - bytes.len()];
    out.append(&mut bytes);
    if little {
        out.reverse();
    }
    Ok(out)
}

/// `int.from_bytes(bytes, byteorder, signed=...)`; `little` selects `'little'`.
pub fn from_bytes(bytes: &[u8], little: bool, signed: bool) -> BigInt {
    match (little, signed) {
        (false, false) => BigInt::from_bytes_be(Sign::Plus, bytes),
        (true, false) => BigInt::from_bytes_le(Sign::Plus, bytes),
        (false, true) => BigInt::from_signed_bytes_be(bytes),
        (true, true) => BigInt::from_signed_bytes_le(bytes),
    }
}

/// `int.as_integer_ratio()`: `(a, 1)`.
pub fn as_integer_ratio(a: &BigInt) -> (BigInt, BigInt) {
    (a.clone(), BigInt::one())
}

/// `round(a, ndigits)`: `a` itself for `ndigits >= 0`, else rounded half-even to a multiple of `10**-ndigits`.
pub fn round(a: &BigInt, ndigits: &BigInt) -> BigInt {
    if !ndigits.is_negative() || a.is_zero() {
        return a.clone();
    }
    // 10**k > 2*|a| makes the result 0; log2(10) > 3.32.
    let k = match (-ndigits).to_u64() {
        Some(k) if (k as f64) * 3.32 <= (a.bits() + 2) as f64 => k,
        _ => return BigInt::zero(),
    };
    let p = num_traits::pow::Pow::pow(&BigInt::from(10u32), k);
    let (q, r) = a.div_mod_floor(&p);
    let twice = &r << 1u32;
    let q = match twice.cmp(&p) {
        Ordering::Greater => q + 1,
        Ordering::Equal if q.is_odd() => q + 1,
        _ => q,
    };
    q * p
}

/// Below this many decimal digits CPython never checks the `int_max_str_digits` limit.
const MAX_STR_DIGITS_THRESHOLD: usize = 640;

/// The error of `int(text)` for text of `digits` digits, beyond `limit`.
pub(crate) fn str_to_int_digits_error(limit: usize, digits: usize) -> NumError {
    NumError::value(format!(
        "Exceeds the limit ({limit} digits) for integer string conversion: value has {digits} digits; \
         use sys.set_int_max_str_digits() to increase the limit"
    ))
}

/// The error of `str(int)` for an int of more than `limit` digits (CPython 3.11 does not tell the count).
fn int_to_str_digits_error(limit: usize) -> NumError {
    NumError::value(format!(
        "Exceeds the limit ({limit} digits) for integer string conversion; \
         use sys.set_int_max_str_digits() to increase the limit"
    ))
}

/// `str(a)` in decimal, refused as CPython does when it has more than `max_str_digits` digits (0: no limit).
pub fn to_decimal_string(a: &BigInt, max_str_digits: usize) -> NumResult<String> {
    if max_str_digits > 0 {
        // CPython's early check on the size in 30-bit digits (10/3 > log2(10)), which spares converting huge
        // values; it never fires for a value within the limit.
        let size = a.bits().div_ceil(30) as usize;
        if size >= 10 * MAX_STR_DIGITS_THRESHOLD / 90 + 2 && max_str_digits / 90 <= (size - 11) / 10 {
            return Err(int_to_str_digits_error(max_str_digits));
        }
    }
    let s = a.to_str_radix(10);
    if max_str_digits > 0 {
        let n = s.len() - usize::from(a.is_negative());
        if n > MAX_STR_DIGITS_THRESHOLD && n > max_str_digits {
            return Err(int_to_str_digits_error(max_str_digits));
        }
    }
    Ok(s)
}

/// The `max_str_digits` check of [`to_decimal_string`] alone, for code that produces decimal text itself.
pub fn to_decimal_string_check(a: &BigInt, max_str_digits: usize) -> NumResult<()> {
    // Within the threshold there is nothing to check (and no conversion to pay for).
    if max_str_digits == 0 || a.bits() < 2000 {
        return Ok(());
    }
    to_decimal_string(a, max_str_digits).map(|_| ())
}

/// `bin(a)`, `oct(a)`, `hex(a)` for `base` 2, 8, 16 (other bases get no prefix): `-0x1f`.
pub fn to_prefixed_string(a: &BigInt, base: u32) -> String {
    let prefix = match base {
        2 => "0b",
        8 => "0o",
        16 => "0x",
        _ => "",
    };
    let digits = a.magnitude().to_str_radix(base);
    let sign = if a.is_negative() { "-" } else { "" };
    format!("{sign}{prefix}{digits}")
}

/// The digits of `|a|` in `base` (2 to 36, lowercase letters), without sign or prefix and without any limit.
pub fn to_radix_digits(a: &BigInt, base: u32) -> String {
    a.magnitude().to_str_radix(base)
}

/// `math.gcd(a, b)` (non-negative).
pub fn gcd(a: &BigInt, b: &BigInt) -> BigInt {
    a.gcd(b)
}

/// `math.lcm(a, b)` (non-negative; 0 when either is 0).
pub fn lcm(a: &BigInt, b: &BigInt) -> BigInt {
    if a.is_zero() || b.is_zero() {
        return BigInt::zero();
    }
    (a / a.gcd(b) * b).abs()
}

/// `math.isqrt(n)`.
pub fn isqrt(n: &BigInt) -> NumResult<BigInt> {
    if n.is_negative() {
        return Err(NumError::value("isqrt() argument must be nonnegative"));
    }
    Ok(n.sqrt())
}

/// Product of the integers in `lo..hi`, split in halves so multiplications stay balanced.
fn range_product(lo: u64, hi: u64) -> BigUint {
    if hi <= lo {
        return BigUint::one();
    }
    if hi - lo <= 16 {
        let mut acc = BigUint::one();
        let mut small: u64 = 1;
        for i in lo..hi {
            match small.checked_mul(i) {
                Some(v) => small = v,
                None => {
                    acc *= small;
                    small = i;
                }
            }
        }
        return acc * small;
    }
    let mid = lo + (hi - lo) / 2;
    range_product(lo, mid) * range_product(mid, hi)
}

/// `math.factorial(n)`.
pub fn factorial(n: &BigInt) -> NumResult<BigInt> {
    if n.is_negative() {
        return Err(NumError::value("factorial() not defined for negative values"));
    }
    let n = n
        .to_i64()
        .ok_or_else(|| NumError::overflow(format!("factorial() argument should not exceed {}", i64::MAX)))?;
    Ok(BigInt::from(range_product(1, n as u64 + 1)))
}

/// Product `n * (n-1) * ... * (n-k+1)` for a big `n` and a small `k`.
fn falling_product(n: &BigInt, k: u64) -> BigInt {
    if let Some(n64) = n.to_u64() {
        return BigInt::from(range_product(n64 - k + 1, n64 + 1));
    }
    fn rec(top: &BigInt, k: u64) -> BigInt {
        if k <= 8 {
            let mut acc = BigInt::one();
            for i in 0..k {
                acc *= top - BigInt::from(i);
            }
            return acc;
        }
        let half = k / 2;
        rec(top, half) * rec(&(top - BigInt::from(half)), k - half)
    }
    rec(n, k)
}

fn check_n_k(n: &BigInt, k: &BigInt) -> NumResult<()> {
    if n.is_negative() {
        return Err(NumError::value("n must be a non-negative integer"));
    }
    if k.is_negative() {
        return Err(NumError::value("k must be a non-negative integer"));
    }
    Ok(())
}

/// `math.comb(n, k)`.
pub fn comb(n: &BigInt, k: &BigInt) -> NumResult<BigInt> {
    check_n_k(n, k)?;
    if k > n {
        return Ok(BigInt::zero());
    }
    let nk = n - k;
    let k = if nk < *k { &nk } else { k };
    let k = k
        .to_i64()
        .ok_or_else(|| NumError::overflow(format!("min(n - k, k) must not exceed {}", i64::MAX)))? as u64;
    Ok(falling_product(n, k) / BigInt::from(range_product(1, k + 1)))
}

/// `math.perm(n, k)` (the caller maps `perm(n)` to `factorial(n)`).
pub fn perm(n: &BigInt, k: &BigInt) -> NumResult<BigInt> {
    check_n_k(n, k)?;
    if k > n {
        return Ok(BigInt::zero());
    }
    let k = k
        .to_i64()
        .ok_or_else(|| NumError::overflow(format!("k must not exceed {}", i64::MAX)))? as u64;
    Ok(falling_product(n, k))
}

/// `math.log` family on an int: `f(x)` through `float(x)`, or through a mantissa and a power of two when `x`
/// is too large for a float, as CPython's `loghelper`. `x <= 0` is a domain error.
pub fn log_with(x: &BigInt, f: fn(f64) -> f64) -> NumResult<f64> {
    if !x.is_positive() {
        return Err(NumError::value("math domain error"));
    }
    match to_f64(x) {
        Ok(v) => Ok(f(v)),
        Err(_) => {
            // x = m * 2**e with m in [0.5, 1), m correctly rounded from the top bits.
            let mut e = x.bits() as i64;
            let shift = (e - 60) as u64;
            let mut top = x >> shift;
            if x.trailing_zeros().unwrap_or(0) < shift {
                // A sticky bit so that rounding the 60 top bits to 53 rounds as the whole value would.
                top |= BigInt::one();
            }
            let mut m = ldexp(to_f64(&top).unwrap_or(f64::MAX), -(e - shift as i64));
            if m == 1.0 {
                m = 0.5;
                e += 1;
            }
            Ok(f(m) + f(2.0) * e as f64)
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn big(s: &str) -> BigInt {
        s.parse().unwrap()
    }

    #[test]
    fn decimal_limit_check() {
        // python3: str(10**4300) fails under the default limit (4301 digits), str(10**4299) does not.
        let ten = BigInt::from(10u32);
        let over = num_traits::pow::Pow::pow(&ten, 4300u32);
        let under = num_traits::pow::Pow::pow(&ten, 4299u32);
        assert!(to_decimal_string_check(&over, 4300).is_err());
        assert!(to_decimal_string_check(&-over.clone(), 4300).is_err());
        assert!(to_decimal_string_check(&under, 4300).is_ok());
        assert!(to_decimal_string_check(&over, 0).is_ok());
        assert!(to_decimal_string_check(&big("123"), 640).is_ok());
    }

    #[test]
    fn division_signs_and_errors() {
        assert_eq!(floordiv(&big("-7"), &big("2")).unwrap(), big("-4"));
        assert_eq!(modulo(&big("7"), &big("-2")).unwrap(), big("-1"));
        assert_eq!(divmod(&big("-7"), &big("-2")).unwrap(), (big("3"), big("-1")));
        assert_eq!(
            floordiv(&big("1"), &big("0")).unwrap_err().msg,
            "integer division or modulo by zero"
        );
        assert_eq!(modulo(&big("1"), &big("0")).unwrap_err().msg, "integer modulo by zero");
        assert_eq!(floordiv_i64(i64::MIN, -1).unwrap(), None);
        assert_eq!(modulo_i64(i64::MIN, -1).unwrap(), 0);
        assert_eq!(divmod_i64(-7, 2).unwrap(), Some((-4, 1)));
    }

    #[test]
    fn true_division_edges() {
        assert_eq!(true_divide(&big("1"), &big("0")).unwrap_err().msg, "division by zero");
        let e = true_divide(&(BigInt::one() << 1024u32), &big("1")).unwrap_err();
        assert_eq!(e.msg, "integer division result too large for a float");
        assert_eq!(
            true_divide(&(BigInt::one() << 1024u32), &big("2")).unwrap(),
            8.98846567431158e307
        );
        assert_eq!(true_divide(&big("1"), &(BigInt::one() << 1075u32)).unwrap(), 0.0);
        assert_eq!(true_divide(&big("3"), &(BigInt::one() << 1076u32)).unwrap(), 5e-324);
        assert_eq!(
            true_divide(&big("-1"), &(BigInt::one() << 1100u32)).unwrap().to_bits(),
            (-0.0f64).to_bits()
        );
        assert_eq!(true_divide_i64(i64::MAX, 3).unwrap(), 3.0744573456182584e18);
    }

    #[test]
    fn float_conversion() {
        assert_eq!(to_f64(&big("9007199254740993")).unwrap(), 9007199254740992.0);
        assert_eq!(to_f64(&big("9007199254740995")).unwrap(), 9007199254740996.0);
        assert!(to_f64(&(BigInt::one() << 1024u32)).is_err());
        assert_eq!(from_f64(-2.5).unwrap(), big("-2"));
        assert_eq!(from_f64(1e20).unwrap(), big("100000000000000000000"));
        assert_eq!(
            from_f64(f64::INFINITY).unwrap_err().msg,
            "cannot convert float infinity to integer"
        );
        assert_eq!(
            from_f64(f64::NAN).unwrap_err().msg,
            "cannot convert float NaN to integer"
        );
        assert_eq!(
            cmp_int_float(&big("9007199254740993"), 9007199254740992.0),
            Some(Ordering::Greater)
        );
        assert_eq!(cmp_int_float(&big("-3"), -2.5), Some(Ordering::Less));
        assert_eq!(cmp_int_float(&big("2"), 2.0), Some(Ordering::Equal));
        assert_eq!(cmp_int_float(&big("2"), f64::NAN), None);
    }

    #[test]
    fn powers() {
        assert_eq!(pow(&big("3"), &big("4")).unwrap(), IntPow::Int(big("81")));
        assert_eq!(pow(&big("2"), &big("-2")).unwrap(), IntPow::Float(0.25));
        assert_eq!(
            pow(&big("0"), &big("-1")).unwrap_err().msg,
            "0.0 cannot be raised to a negative power"
        );
        assert_eq!(
            pow(&big("2"), &(BigInt::one() << 70u32)).unwrap_err().kind,
            super::super::ErrorKind::Memory
        );
        assert_eq!(
            pow_mod(&big("2"), &big("3"), &big("0")).unwrap_err().msg,
            "pow() 3rd argument cannot be 0"
        );
        assert_eq!(
            pow_mod(&big("2"), &big("-1"), &big("4")).unwrap_err().msg,
            "base is not invertible for the given modulus"
        );
        assert_eq!(pow_mod(&big("3"), &big("-1"), &big("-7")).unwrap(), big("-2"));
        assert_eq!(pow_mod(&big("3"), &big("2"), &big("-7")).unwrap(), big("-5"));
        assert_eq!(pow_mod(&big("2"), &big("-1"), &big("1")).unwrap(), big("0"));
        assert_eq!(pow_mod(&big("-2"), &big("5"), &big("7")).unwrap(), big("3"));
    }

    #[test]
    fn shifts_and_bits() {
        assert_eq!(lshift(&big("1"), &big("-1")).unwrap_err().msg, "negative shift count");
        assert_eq!(
            lshift(&big("1"), &(BigInt::one() << 63u32)).unwrap_err().kind,
            super::super::ErrorKind::Memory
        );
        assert_eq!(lshift(&big("0"), &(BigInt::one() << 100u32)).unwrap(), big("0"));
        assert_eq!(lshift(&big("0"), &big("-1")).unwrap_err().msg, "negative shift count");
        let too_many = |s: &str, n: &str| lshift(&big(s), &big(n)).unwrap_err();
        assert_eq!(
            too_many("1", "1267650600228229401496703205376").msg,
            "too many digits in integer"
        );
        assert_eq!(too_many("1", "69175290276410818499").msg, "too many digits in integer");
        assert_eq!(
            too_many("1267650600228229401496703205376", "69175290276410818430").msg,
            "too many digits in integer"
        );
        assert_eq!(
            too_many("1", "69175290276410818320").kind,
            super::super::ErrorKind::Memory
        );
        assert_eq!(
            too_many("1", "18446744073709551616").kind,
            super::super::ErrorKind::Memory
        );
        assert_eq!(rshift(&big("-1"), &(BigInt::one() << 100u32)).unwrap(), big("-1"));
        assert_eq!(rshift(&big("-5"), &big("1")).unwrap(), big("-3"));
        assert_eq!(and(&big("-6"), &big("7")), big("2"));
        assert_eq!(or(&big("-6"), &big("3")), big("-5"));
        assert_eq!(xor(&big("-6"), &big("3")), big("-7"));
        assert_eq!(invert(&big("5")), big("-6"));
        assert_eq!(bit_length(&big("-1024")), 11);
        assert_eq!(bit_count(&big("-255")), 8);
    }

    #[test]
    fn bytes_round_trip() {
        assert_eq!(to_bytes(&big("-129"), 2, false, true).unwrap(), vec![0xff, 0x7f]);
        assert_eq!(to_bytes(&big("1"), 2, true, false).unwrap(), vec![1, 0]);
        assert_eq!(to_bytes(&big("0"), 0, false, true).unwrap(), Vec::<u8>::new());
        assert_eq!(
            to_bytes(&big("128"), 1, false, true).unwrap_err().msg,
            "int too big to convert"
        );
        assert_eq!(
            to_bytes(&big("-1"), 1, false, false).unwrap_err().msg,
            "can't convert negative int to unsigned"
        );
        assert_eq!(
            to_bytes(&big("-1"), -1, false, false).unwrap_err().msg,
            "length argument must be non-negative"
        );
        assert_eq!(from_bytes(&[0xff, 0x00], true, true), big("255"));
        assert_eq!(from_bytes(&[0xff, 0x00], false, true), big("-256"));
        assert_eq!(from_bytes(&[], false, true), big("0"));
    }

    #[test]
    fn rounding_and_strings() {
        assert_eq!(round(&big("12345"), &big("-2")), big("12300"));
        assert_eq!(round(&big("12355"), &big("-1")), big("12360"));
        assert_eq!(round(&big("-15"), &big("-1")), big("-20"));
        assert_eq!(round(&big("25"), &big("-1")), big("20"));
        assert_eq!(round(&big("5"), &big("-1000000000000")), big("0"));
        assert_eq!(round(&big("7"), &big("3")), big("7"));
        assert_eq!(to_prefixed_string(&big("-31"), 16), "-0x1f");
        assert_eq!(to_prefixed_string(&big("0"), 2), "0b0");
        assert_eq!(to_prefixed_string(&big("8"), 8), "0o10");
        let msg5000 = "Exceeds the limit (4300 digits) for integer string conversion; \
                       use sys.set_int_max_str_digits() to increase the limit";
        let p = |n: u64| num_traits::pow::Pow::pow(&BigInt::from(10), n);
        assert_eq!(to_decimal_string(&p(5000), 4300).unwrap_err().msg, msg5000);
        assert_eq!(to_decimal_string(&-p(4300), 4300).unwrap_err().msg, msg5000);
        assert_eq!(
            to_decimal_string(&p(700), 640).unwrap_err().msg.replace("640", "4300"),
            msg5000
        );
        assert_eq!(to_decimal_string(&-p(4299), 4300).unwrap().len(), 4301);
        assert_eq!(to_decimal_string(&p(5000), 0).unwrap().len(), 5001);
    }

    #[test]
    fn machine_int_fast_paths() {
        assert_eq!(pow_i64(3, 39), Some(4052555153018976267));
        assert_eq!(pow_i64(3, 40), None);
        assert_eq!(pow_i64(2, -1), None);
        assert_eq!(lshift_i64(1, 62).unwrap(), Some(1 << 62));
        assert_eq!(lshift_i64(1, 63).unwrap(), None);
        assert_eq!(lshift_i64(-1, 63).unwrap(), None);
        assert_eq!(lshift_i64(-3, 61).unwrap(), Some(-3 << 61));
        assert_eq!(lshift_i64(-5, 61).unwrap(), None);
        assert_eq!(lshift_i64(0, 1000).unwrap(), Some(0));
        assert_eq!(lshift_i64(1, -1).unwrap_err().msg, "negative shift count");
        assert_eq!(rshift_i64(-5, 1).unwrap(), -3);
        assert_eq!(rshift_i64(-5, 1000).unwrap(), -1);
        assert_eq!(rshift_i64(5, 1000).unwrap(), 0);
        assert_eq!(to_radix_digits(&big("-255"), 16), "ff");
        assert_eq!(to_radix_digits(&big("35"), 36), "z");
    }

    #[test]
    fn true_division_matches_exact_rounding() {
        // Quotients of random 64-bit values against a reference: the exact quotient scaled by 2**k and
        // rounded half-even with integer arithmetic.
        let mut state = 0x2545F4914F6CDD1Du64;
        let mut next = || {
            state ^= state << 13;
            state ^= state >> 7;
            state ^= state << 17;
            state
        };
        for _ in 0..2000 {
            let a = BigInt::from(next()) << (next() % 80);
            let b = BigInt::from(next() | 1) >> (next() % 60);
            if b.is_zero() {
                continue;
            }
            let got = true_divide(&a, &b).unwrap();
            // got == a/b iff |a/b - got| <= half an ulp (ties to even): compare exactly as rationals.
            let (m, e) = decompose(got);
            let ulp_e = e; // got = m * 2**e; neighbours are (m +- 1) * 2**e
            let scaled = |x: &BigInt, k: i64| if k >= 0 { x << (k as u64) } else { x >> ((-k) as u64) };
            // |a/b - m * 2**e| <= 2**(e-1), with equality only for even m.
            let got_b = BigInt::from(m) * &b;
            let lhs = if ulp_e >= 0 {
                (&a - scaled(&got_b, ulp_e)) << 1u32
            } else {
                ((&a << ((-ulp_e) as u64)) - &got_b) << 1u32
            };
            let lhs = lhs.abs();
            let half_ulp_bound = if ulp_e >= 0 { &b << (ulp_e as u64) } else { b.clone() };
            match lhs.cmp(&half_ulp_bound) {
                Ordering::Less => {}
                Ordering::Equal => assert!(m % 2 == 0, "tie not to even: {a} / {b}"),
                Ordering::Greater => panic!("not correctly rounded: {a} / {b} gave {got}"),
            }
        }
    }

    #[test]
    fn integer_math() {
        assert_eq!(gcd(&big("-12"), &big("18")), big("6"));
        assert_eq!(lcm(&big("-4"), &big("6")), big("12"));
        assert_eq!(isqrt(&big("99")).unwrap(), big("9"));
        assert_eq!(
            isqrt(&big("-1")).unwrap_err().msg,
            "isqrt() argument must be nonnegative"
        );
        assert_eq!(factorial(&big("25")).unwrap(), big("15511210043330985984000000"));
        assert_eq!(
            factorial(&big("-1")).unwrap_err().msg,
            "factorial() not defined for negative values"
        );
        assert_eq!(
            factorial(&(BigInt::one() << 70u32)).unwrap_err().msg,
            "factorial() argument should not exceed 9223372036854775807"
        );
        assert_eq!(
            comb(&big("100"), &big("50")).unwrap(),
            big("100891344545564193334812497256")
        );
        assert_eq!(
            comb(&big("100000000000000000000"), &big("3")).unwrap(),
            big("166666666666666666661666666666666666666700000000000000000000")
        );
        assert_eq!(comb(&big("3"), &big("5")).unwrap(), big("0"));
        assert_eq!(
            comb(&big("-1"), &big("2")).unwrap_err().msg,
            "n must be a non-negative integer"
        );
        assert_eq!(
            comb(&big("1"), &big("-2")).unwrap_err().msg,
            "k must be a non-negative integer"
        );
        let h = BigInt::one() << 70u32;
        assert_eq!(
            comb(&h, &(&h >> 1u32)).unwrap_err().msg,
            "min(n - k, k) must not exceed 9223372036854775807"
        );
        assert_eq!(
            perm(&h, &(&h >> 1u32)).unwrap_err().msg,
            "k must not exceed 9223372036854775807"
        );
        assert_eq!(perm(&big("10"), &big("3")).unwrap(), big("720"));
    }

    #[test]
    fn logs_of_huge_ints() {
        let p = |n: u64| num_traits::pow::Pow::pow(&BigInt::from(10), n);
        assert_eq!(log_with(&p(400), f64::ln).unwrap(), 921.0340371976182);
        assert_eq!(log_with(&(BigInt::one() << 10000u32), f64::log2).unwrap(), 10000.0);
        assert_eq!(log_with(&p(1000), f64::log10).unwrap(), 1000.0);
        assert_eq!(log_with(&-p(400), f64::ln).unwrap_err().msg, "math domain error");
    }
}
