//! Float algorithms of CPython's Objects/floatobject.c: floor division and modulo, `**`, `round`, `float.hex`
//! and `float.fromhex`, integer ratios, conversions to int.

use num_bigint::{BigInt, BigUint, Sign};
use num_integer::Integer;
use num_traits::{One, Zero};

use super::int::{from_f64, ratio_to_f64, round_shift};
use super::{NumError, NumResult};

/// `repr(x)`: the shortest round-tripping form, in CPython's layout.
pub fn repr(x: f64) -> String {
    syntax::repr::float_repr(x)
}

/// `|x| = m * 2**e` exactly, for finite `x` (`m < 2**53`; `m == 0` for zeros).
pub(crate) fn decompose(x: f64) -> (u64, i64) {
    let bits = x.to_bits();
    let exp = ((bits >> 52) & 0x7ff) as i64;
    let frac = bits & ((1u64 << 52) - 1);
    if exp == 0 {
        (frac, -1074)
    } else {
        (frac | (1u64 << 52), exp - 1075)
    }
}

/// `2**k` for `-1022 <= k <= 1023`.
fn pow2(k: i64) -> f64 {
    f64::from_bits(((k + 1023) as u64) << 52)
}

/// `m * 2**t` when that value is known to be an exact float.
fn exact_scale(m: u64, t: i64) -> f64 {
    let mf = m as f64;
    if t > 1023 {
        mf * pow2(1023) * pow2(t - 1023)
    } else if t < -1022 {
        // Through the normal range first, so that only the final, exact, product is subnormal.
        mf * pow2(t + 600) * pow2(-600)
    } else {
        mf * pow2(t)
    }
}

/// C's `ldexp(x, n)`: `x * 2**n` correctly rounded (infinite on overflow, half-even into subnormals).
pub fn ldexp(x: f64, n: i64) -> f64 {
    if x == 0.0 || !x.is_finite() || n == 0 {
        return x;
    }
    let (m, e) = decompose(x);
    let t = e.saturating_add(n);
    let mbits = 64 - m.leading_zeros() as i64;
    let r = if mbits.saturating_add(t) > 1024 {
        f64::INFINITY
    } else if t >= -1074 {
        exact_scale(m, t)
    } else {
        let shift = (-1074i64).saturating_sub(t).min(64) as u32;
        exact_scale(round_shift(m, shift, false), -1074)
    };
    if x < 0.0 {
        -r
    } else {
        r
    }
}

/// C's `frexp(x)`: `(m, e)` with `x == m * 2**e` and `0.5 <= |m| < 1`; zeros, infinities and NaN give `(x, 0)`.
pub fn frexp(x: f64) -> (f64, i64) {
    if x == 0.0 || !x.is_finite() {
        return (x, 0);
    }
    let (m, e) = decompose(x);
    let bits = 64 - m.leading_zeros() as i64;
    let r = exact_scale(m, -bits);
    (if x < 0.0 { -r } else { r }, e + bits)
}

/// `divmod(x, y)` for floats, with CPython's sign and signed-zero rules.
pub fn divmod(x: f64, y: f64) -> NumResult<(f64, f64)> {
    if y == 0.0 {
        return Err(NumError::zero_div("float divmod()"));
    }
    Ok(divmod_nonzero(x, y))
}

fn divmod_nonzero(vx: f64, wx: f64) -> (f64, f64) {
    let mut m = vx % wx;
    // vx - m is (nearly) a multiple of wx, so div is (nearly) an integer.
    let mut div = (vx - m) / wx;
    if m != 0.0 {
        if (wx < 0.0) != (m < 0.0) {
            m += wx;
            div -= 1.0;
        }
    } else {
        m = 0.0f64.copysign(wx);
    }
    let floordiv = if div != 0.0 {
        let mut f = div.floor();
        if div - f > 0.5 {
            f += 1.0;
        }
        f
    } else {
        0.0f64.copysign(vx / wx)
    };
    (floordiv, m)
}

/// `x // y` for floats.
pub fn floordiv(x: f64, y: f64) -> NumResult<f64> {
    if y == 0.0 {
        return Err(NumError::zero_div("float floor division by zero"));
    }
    Ok(divmod_nonzero(x, y).0)
}

/// `x % y` for floats (the result has the sign of `y`).
pub fn modulo(x: f64, y: f64) -> NumResult<f64> {
    if y == 0.0 {
        return Err(NumError::zero_div("float modulo"));
    }
    let mut m = x % y;
    if m != 0.0 {
        if (y < 0.0) != (m < 0.0) {
            m += y;
        }
    } else {
        m = 0.0f64.copysign(y);
    }
    Ok(m)
}

/// `x / y` for floats.
pub fn true_divide(x: f64, y: f64) -> NumResult<f64> {
    if y == 0.0 {
        return Err(NumError::zero_div("float division by zero"));
    }
    Ok(x / y)
}

fn is_odd_integer(x: f64) -> bool {
    x.abs() % 2.0 == 1.0
}

/// `x ** y` for floats, with CPython's special cases. `Ok(None)` means the result is complex (negative base,
/// non-integral exponent): the caller computes it with complex arithmetic.
pub fn pow(iv: f64, iw: f64) -> NumResult<Option<f64>> {
    if iw == 0.0 {
        return Ok(Some(1.0));
    }
    if iv.is_nan() {
        return Ok(Some(iv));
    }
    if iw.is_nan() {
        return Ok(Some(if iv == 1.0 { 1.0 } else { iw }));
    }
    if iw.is_infinite() {
        let a = iv.abs();
        return Ok(Some(if a == 1.0 {
            1.0
        } else if (iw > 0.0) == (a > 1.0) {
            iw.abs()
        } else {
            0.0
        }));
    }
    if iv.is_infinite() {
        let odd = is_odd_integer(iw);
        return Ok(Some(if iw > 0.0 {
            if odd {
                iv
            } else {
                iv.abs()
            }
        } else if odd {
            0.0f64.copysign(iv)
        } else {
            0.0
        }));
    }
    if iv == 0.0 {
        if iw < 0.0 {
            return Err(NumError::zero_div("0.0 cannot be raised to a negative power"));
        }
        return Ok(Some(if is_odd_integer(iw) { iv } else { 0.0 }));
    }
    let mut base = iv;
    let mut negate = false;
    if iv < 0.0 {
        if iw != iw.floor() {
            return Ok(None);
        }
        base = -iv;
        negate = is_odd_integer(iw);
    }
    if base == 1.0 {
        return Ok(Some(if negate { -1.0 } else { 1.0 }));
    }
    let r = super::math::libm::pow(base, iw);
    if r.is_infinite() {
        return Err(NumError::overflow("(34, 'Numerical result out of range')"));
    }
    Ok(Some(if negate { -r } else { r }))
}

/// `round(x)`: the nearest int, ties to even.
pub fn round_to_int(x: f64) -> NumResult<BigInt> {
    from_f64(x.round_ties_even())
}

/// Digits beyond which rounding a double changes nothing, and before which it always gives zero.
const NDIGITS_MAX: i64 = 323;
const NDIGITS_MIN: i64 = -308;

fn pow10(n: u64) -> BigUint {
    num_traits::pow::Pow::pow(&BigUint::from(10u32), n)
}

/// `round(x, ndigits)`: correctly rounded (half-even on the exact binary value) as CPython's `double_round`;
/// `ndigits` is the caller's clamped index.
pub fn round(x: f64, ndigits: i64) -> NumResult<f64> {
    if !x.is_finite() || x == 0.0 || ndigits > NDIGITS_MAX {
        return Ok(x);
    }
    if ndigits < NDIGITS_MIN {
        return Ok(0.0 * x);
    }
    let (m, e) = decompose(x);
    let mut num = BigUint::from(m);
    let mut den = BigUint::one();
    if e >= 0 {
        num <<= e as u64;
    } else {
        den <<= (-e) as u64;
    }
    let scale = pow10(ndigits.unsigned_abs());
    if ndigits >= 0 {
        num *= &scale;
    } else {
        den *= &scale;
    }
    let (mut q, r) = num.div_rem(&den);
    let twice = r << 1u32;
    if twice > den || (twice == den && q.is_odd()) {
        q += 1u32;
    }
    let res = if ndigits >= 0 {
        ratio_to_f64(&q, &scale)
    } else {
        ratio_to_f64(&(q * scale), &BigUint::one())
    };
    match res {
        Some(r) => Ok(r.copysign(x)),
        None => Err(NumError::overflow("rounded value too large to represent")),
    }
}

/// `math.trunc(x)` / `int(x)`.
pub fn trunc(x: f64) -> NumResult<BigInt> {
    from_f64(x)
}

/// `math.floor(x)`.
pub fn floor(x: f64) -> NumResult<BigInt> {
    from_f64(x.floor())
}

/// `math.ceil(x)`.
pub fn ceil(x: f64) -> NumResult<BigInt> {
    from_f64(x.ceil())
}

/// `float.is_integer()`.
pub fn is_integer(x: f64) -> bool {
    x.is_finite() && x == x.floor()
}

/// `float.as_integer_ratio()`: the exact value as a reduced fraction with a positive denominator.
pub fn as_integer_ratio(x: f64) -> NumResult<(BigInt, BigInt)> {
    if x.is_infinite() {
        return Err(NumError::overflow("cannot convert Infinity to integer ratio"));
    }
    if x.is_nan() {
        return Err(NumError::value("cannot convert NaN to integer ratio"));
    }
    let (mut m, mut e) = decompose(x);
    if m == 0 {
        return Ok((BigInt::zero(), BigInt::one()));
    }
    let tz = m.trailing_zeros() as i64;
    m >>= tz;
    e += tz;
    let sign = if x < 0.0 { Sign::Minus } else { Sign::Plus };
    let mut num = BigUint::from(m);
    let mut den = BigUint::one();
    if e >= 0 {
        num <<= e as u64;
    } else {
        den <<= (-e) as u64;
    }
    Ok((BigInt::from_biguint(sign, num), BigInt::from(den)))
}

/// `float.hex(x)`: `0x1.8000000000000p+1`, `-0x0.0p+0`, `inf`, `nan`.
pub fn to_hex(x: f64) -> String {
    if x.is_nan() {
        return "nan".into();
    }
    if x.is_infinite() {
        return if x > 0.0 { "inf".into() } else { "-inf".into() };
    }
    let sign = if x.is_sign_negative() { "-" } else { "" };
    if x == 0.0 {
        return format!("{sign}0x0.0p+0");
    }
    let bits = x.to_bits();
    let exp = ((bits >> 52) & 0x7ff) as i64;
    let frac = bits & ((1u64 << 52) - 1);
    let (lead, e) = if exp == 0 { (0, -1022) } else { (1, exp - 1023) };
    let esign = if e < 0 { '-' } else { '+' };
    format!("{sign}0x{lead}.{frac:013x}p{esign}{}", e.unsigned_abs())
}

fn is_space(b: u8) -> bool {
    matches!(b, b' ' | b'\t' | b'\n' | 0x0b | 0x0c | b'\r')
}

/// CPython's `_Py_parse_inf_or_nan`: the value and the number of bytes used, when `s` starts with an optionally
/// signed `inf`, `infinity` or `nan` (any case).
pub(crate) fn parse_inf_or_nan(s: &[u8]) -> Option<(f64, usize)> {
    let (neg, start) = match s.first() {
        Some(b'-') => (true, 1),
        Some(b'+') => (false, 1),
        _ => (false, 0),
    };
    let rest = &s[start..];
    let starts = |word: &[u8]| rest.len() >= word.len() && rest[..word.len()].eq_ignore_ascii_case(word);
    let (v, n) = if starts(b"infinity") {
        (f64::INFINITY, 8)
    } else if starts(b"inf") {
        (f64::INFINITY, 3)
    } else if starts(b"nan") {
        (f64::NAN, 3)
    } else {
        return None;
    };
    Some((if neg { -v } else { v }, start + n))
}

/// `float.fromhex(s)`, correctly rounded half-even.
pub fn from_hex(s: &str) -> NumResult<f64> {
    let parse_error = || NumError::value("invalid hexadecimal floating-point string");
    let b = s.as_bytes();
    let mut i = 0;
    while i < b.len() && is_space(b[i]) {
        i += 1;
    }
    let value;
    if let Some((v, n)) = parse_inf_or_nan(&b[i..]) {
        value = v;
        i += n;
    } else {
        let mut neg = false;
        match b.get(i) {
            Some(b'-') => {
                neg = true;
                i += 1;
            }
            Some(b'+') => i += 1,
            _ => {}
        }
        if b.get(i) == Some(&b'0') && matches!(b.get(i + 1), Some(b'x' | b'X')) {
            i += 2;
        }
        let mut mant = BigUint::zero();
        let mut ndigits: u64 = 0;
        let mut fdigits: i64 = 0;
        let mut seen_point = false;
        while i < b.len() {
            let c = b[i];
            if let Some(d) = (c as char).to_digit(16) {
                mant = (mant << 4u32) + d;
                ndigits += 1;
                if seen_point {
                    fdigits += 1;
                }
            } else if c == b'.' && !seen_point {
                seen_point = true;
            } else {
                break;
            }
            i += 1;
        }
        if ndigits == 0 {
            return Err(parse_error());
        }
        let mut exp: i64 = 0;
        if matches!(b.get(i), Some(b'p' | b'P')) {
            i += 1;
            let mut eneg = false;
            match b.get(i) {
                Some(b'-') => {
                    eneg = true;
                    i += 1;
                }
                Some(b'+') => i += 1,
                _ => {}
            }
            if !b.get(i).is_some_and(u8::is_ascii_digit) {
                return Err(parse_error());
            }
            while let Some(c) = b.get(i).filter(|c| c.is_ascii_digit()) {
                // Saturates, as C's strtol does; any saturated exponent is out of range anyway.
                exp = exp.saturating_mul(10).saturating_add((c - b'0') as i64);
                i += 1;
            }
            if eneg {
                exp = -exp;
            }
        }
        let exp = exp.saturating_sub(fdigits.saturating_mul(4));
        let v = if mant.is_zero() {
            0.0
        } else {
            let top = (mant.bits() as i64).saturating_add(exp);
            if top > 1025 {
                return Err(NumError::overflow(
                    "hexadecimal value too large to represent as a float",
                ));
            } else if top < -1080 {
                0.0
            } else {
                let r = if exp >= 0 {
                    ratio_to_f64(&(mant << (exp as u64)), &BigUint::one())
                } else {
                    ratio_to_f64(&mant, &(BigUint::one() << ((-exp) as u64)))
                };
                r.ok_or_else(|| NumError::overflow("hexadecimal value too large to represent as a float"))?
            }
        };
        value = if neg { -v } else { v };
    }
    while i < b.len() && is_space(b[i]) {
        i += 1;
    }
    if i != b.len() {
        return Err(parse_error());
    }
    Ok(value)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn hex_round_trips() {
        let mut state = 0x9E3779B97F4A7C15u64;
        for _ in 0..5000 {
            state ^= state << 13;
            state ^= state >> 7;
            state ^= state << 17;
            let x = f64::from_bits(state);
            if x.is_nan() {
                continue;
            }
            let back = from_hex(&to_hex(x)).unwrap();
            assert_eq!(back.to_bits(), x.to_bits(), "{}", to_hex(x));
        }
    }

    #[test]
    fn ldexp_frexp() {
        assert_eq!(ldexp(1.0, -1074), 5e-324);
        assert_eq!(ldexp(1.0, -1075), 0.0);
        assert_eq!(ldexp(3.0, -1076), 5e-324);
        assert_eq!(ldexp(1.5, -1074), 1e-323);
        assert_eq!(ldexp(1.0, 1024), f64::INFINITY);
        assert_eq!(ldexp(-1.0, 1023), -8.98846567431158e307);
        assert_eq!(ldexp(5e-324, 1074), 1.0);
        assert_eq!(frexp(8.0), (0.5, 4));
        assert_eq!(frexp(-5e-324), (-0.5, -1073));
        assert_eq!(frexp(0.0), (0.0, 0));
    }
}
