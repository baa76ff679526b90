//! The numeric functions of CPython's Modules/mathmodule.c, with its special values and its errors
//! (`ValueError("math domain error")`, `OverflowError("math range error")`).
//!
//! Functions taking an int argument where CPython treats ints specially (`log`, `log2`, `log10`) take a
//! [`Real`]; the integer functions (`gcd`, `lcm`, `isqrt`, `factorial`, `comb`, `perm`) live in
//! [`super::int`]; `floor`, `ceil` and `trunc` of a float are in [`super::float`].

use num_bigint::BigInt;
use num_traits::{Signed, ToPrimitive};

use super::{float, int, NumError, NumResult};

/// `math.pi`.
pub const PI: f64 = std::f64::consts::PI;
/// `math.e`.
pub const E: f64 = std::f64::consts::E;
/// `math.tau`.
pub const TAU: f64 = std::f64::consts::TAU;
/// `math.inf`.
pub const INF: f64 = f64::INFINITY;
/// `math.nan`.
pub const NAN: f64 = f64::NAN;

/// A real argument: an int (kept exact where CPython uses it exactly) or a float.
#[derive(Clone, Copy, Debug)]
pub enum Real<'a> {
    /// An int argument.
    Int(&'a BigInt),
    /// A float argument.
    Float(f64),
}

fn domain_error() -> NumError {
    NumError::value("math domain error")
}

fn range_error() -> NumError {
    NumError::overflow("math range error")
}

/// CPython's `math_1`: NaN from a non-NaN is a domain error; an infinity from a finite argument is a range
/// error when the function `can_overflow`, else a domain error (a singularity).
fn math_1(x: f64, r: f64, can_overflow: bool) -> NumResult<f64> {
    if r.is_nan() && !x.is_nan() {
        return Err(domain_error());
    }
    if r.is_infinite() && x.is_finite() {
        return Err(if can_overflow { range_error() } else { domain_error() });
    }
    Ok(r)
}

/// CPython's `math_2`: NaN from non-NaNs is a domain error, an infinity from finite arguments a range error.
fn math_2(x: f64, y: f64, r: f64) -> NumResult<f64> {
    if r.is_nan() && !x.is_nan() && !y.is_nan() {
        return Err(domain_error());
    }
    if r.is_infinite() && x.is_finite() && y.is_finite() {
        return Err(range_error());
    }
    Ok(r)
}

/// `math.acos(x)`.
pub fn acos(x: f64) -> NumResult<f64> {
    math_1(x, libm::acos(x), false)
}
/// `math.acosh(x)`.
pub fn acosh(x: f64) -> NumResult<f64> {
    math_1(x, libm::acosh(x), false)
}
/// `math.asin(x)`.
pub fn asin(x: f64) -> NumResult<f64> {
    math_1(x, libm::asin(x), false)
}
/// `math.asinh(x)`.
pub fn asinh(x: f64) -> NumResult<f64> {
    math_1(x, libm::asinh(x), false)
}
/// `math.atan(x)`.
pub fn atan(x: f64) -> NumResult<f64> {
    math_1(x, libm::atan(x), false)
}
/// `math.atanh(x)`.
pub fn atanh(x: f64) -> NumResult<f64> {
    math_1(x, libm::atanh(x), false)
}
/// `math.cbrt(x)`.
pub fn cbrt(x: f64) -> NumResult<f64> {
    math_1(x, libm::cbrt(x), false)
}
/// `math.cos(x)`.
pub fn cos(x: f64) -> NumResult<f64> {
    math_1(x, libm::cos(x), false)
}
/// `math.cosh(x)`.
pub fn cosh(x: f64) -> NumResult<f64> {
    math_1(x, libm::cosh(x), true)
}
/// `math.exp(x)`.
pub fn exp(x: f64) -> NumResult<f64> {
    math_1(x, libm::exp(x), true)
}
/// `math.exp2(x)`.
pub fn exp2(x: f64) -> NumResult<f64> {
    math_1(x, libm::exp2(x), true)
}
/// `math.expm1(x)`.
pub fn expm1(x: f64) -> NumResult<f64> {
    math_1(x, libm::expm1(x), true)
}
/// `math.fabs(x)`.
pub fn fabs(x: f64) -> f64 {
    x.abs()
}
/// `math.log1p(x)`.
pub fn log1p(x: f64) -> NumResult<f64> {
    // log1p(-0.0) keeps its sign.
    let r = if x == 0.0 { x } else { libm::log1p(x) };
    math_1(x, r, false)
}
/// `math.sin(x)`.
pub fn sin(x: f64) -> NumResult<f64> {
    math_1(x, libm::sin(x), false)
}
/// `math.sinh(x)`.
pub fn sinh(x: f64) -> NumResult<f64> {
    math_1(x, libm::sinh(x), true)
}
/// `math.sqrt(x)`.
pub fn sqrt(x: f64) -> NumResult<f64> {
    math_1(x, x.sqrt(), false)
}
/// `math.tan(x)`.
pub fn tan(x: f64) -> NumResult<f64> {
    math_1(x, libm::tan(x), false)
}
/// `math.tanh(x)`.
pub fn tanh(x: f64) -> NumResult<f64> {
    math_1(x, libm::tanh(x), false)
}

/// `math.atan2(y, x)`, with C99's special values whatever the platform.
pub fn atan2(y: f64, x: f64) -> NumResult<f64> {
    let r = if x.is_nan() || y.is_nan() {
        f64::NAN
    } else if y.is_infinite() {
        if x.is_infinite() {
            if x.is_sign_positive() {
                (0.25 * PI).copysign(y)
            } else {
                (0.75 * PI).copysign(y)
            }
        } else {
            (0.5 * PI).copysign(y)
        }
    } else if x.is_infinite() || y == 0.0 {
        if x.is_sign_positive() {
            0.0f64.copysign(y)
        } else {
            PI.copysign(y)
        }
    } else {
        libm::atan2(y, x)
    };
    math_2(y, x, r)
}

/// `math.copysign(x, y)`.
pub fn copysign(x: f64, y: f64) -> f64 {
    x.copysign(y)
}

/// `math.remainder(x, y)`: IEEE 754 remainder, exact.
pub fn remainder(x: f64, y: f64) -> NumResult<f64> {
    let r = if x.is_finite() && y.is_finite() {
        if y == 0.0 {
            f64::NAN
        } else {
            let absx = x.abs();
            let absy = y.abs();
            let m = absx % absy;
            // Compare m with absy - m rather than with 0.5 * absy, which may not be exact.
            let c = absy - m;
            let r = if m < c {
                m
            } else if m > c {
                -c
            } else {
                // A tie: pick the even multiple.
                m - 2.0 * ((0.5 * (absx - m)) % absy)
            };
            1.0f64.copysign(x) * r
        }
    } else if x.is_nan() {
        x
    } else if y.is_nan() {
        y
    } else if x.is_infinite() {
        f64::NAN
    } else {
        x
    };
    math_2(x, y, r)
}

/// `math.fmod(x, y)`.
pub fn fmod(x: f64, y: f64) -> NumResult<f64> {
    if y.is_infinite() && x.is_finite() {
        return Ok(x);
    }
    let r = x % y;
    if r.is_nan() && !x.is_nan() && !y.is_nan() {
        return Err(domain_error());
    }
    Ok(r)
}

/// `math.modf(x)`: `(fractional part, integer part)`, both with the sign of `x`.
pub fn modf(x: f64) -> (f64, f64) {
    if x.is_infinite() {
        return (0.0f64.copysign(x), x);
    }
    if x.is_nan() {
        return (x, x);
    }
    let i = x.trunc();
    ((x - i).copysign(x), i)
}

/// `math.frexp(x)`: `(m, e)` with `0.5 <= |m| < 1`; zeros, infinities and NaN give `(x, 0)`.
pub fn frexp(x: f64) -> (f64, i64) {
    float::frexp(x)
}

/// `math.ldexp(x, i)`.
pub fn ldexp(x: f64, i: &BigInt) -> NumResult<f64> {
    if x == 0.0 || !x.is_finite() {
        return Ok(x);
    }
    // Exponents beyond C's int range overflow or underflow for any nonzero finite x.
    let r = match i.to_i32() {
        Some(n) => float::ldexp(x, n as i64),
        None if i.is_positive() => f64::INFINITY.copysign(x),
        None => 0.0f64.copysign(x),
    };
    if r.is_infinite() {
        return Err(range_error());
    }
    Ok(r)
}

/// `math.pow(x, y)`: C99's `pow`, with errors instead of infinities and NaNs.
pub fn pow(x: f64, y: f64) -> NumResult<f64> {
    if !x.is_finite() || !y.is_finite() {
        let r = if x.is_nan() {
            if y == 0.0 {
                1.0
            } else {
                x
            }
        } else if y.is_nan() {
            if x == 1.0 {
                1.0
            } else {
                y
            }
        } else if x.is_infinite() {
            let odd_y = y.is_finite() && y.abs() % 2.0 == 1.0;
            if y > 0.0 {
                if odd_y {
                    x
                } else {
                    x.abs()
                }
            } else if y == 0.0 {
                1.0
            } else if odd_y {
                0.0f64.copysign(x)
            } else {
                0.0
            }
        } else if x.abs() == 1.0 {
            1.0
        } else if (y > 0.0 && x.abs() > 1.0) || (y < 0.0 && x.abs() < 1.0) {
            f64::INFINITY
        } else {
            0.0
        };
        return Ok(r);
    }
    let r = libm::pow(x, y);
    if r.is_nan() {
        return Err(domain_error());
    }
    if r.is_infinite() {
        return Err(if x == 0.0 { domain_error() } else { range_error() });
    }
    Ok(r)
}

fn m_log(x: f64) -> f64 {
    if x.is_finite() {
        if x > 0.0 {
            libm::log(x)
        } else if x == 0.0 {
            f64::NEG_INFINITY
        } else {
            f64::NAN
        }
    } else if x.is_nan() || x > 0.0 {
        x
    } else {
        f64::NAN
    }
}

fn m_log2(x: f64) -> f64 {
    if x > 0.0 || x.is_nan() {
        libm::log2(x)
    } else if x == 0.0 {
        f64::NEG_INFINITY
    } else {
        f64::NAN
    }
}

fn m_log10(x: f64) -> f64 {
    if x > 0.0 || x.is_nan() {
        libm::log10(x)
    } else if x == 0.0 {
        f64::NEG_INFINITY
    } else {
        f64::NAN
    }
}

/// CPython's `loghelper`: ints are taken exactly (huge ones too), floats through `math_1`.
fn loghelper(x: Real<'_>, f: fn(f64) -> f64) -> NumResult<f64> {
    match x {
        Real::Int(i) => int::log_with(i, f),
        Real::Float(v) => math_1(v, f(v), false),
    }
}

/// `math.log(x[, base])`.
pub fn log(x: Real<'_>, base: Option<Real<'_>>) -> NumResult<f64> {
    let num = loghelper(x, m_log)?;
    match base {
        None => Ok(num),
        Some(b) => float::true_divide(num, loghelper(b, m_log)?),
    }
}

/// `math.log2(x)`.
pub fn log2(x: Real<'_>) -> NumResult<f64> {
    loghelper(x, m_log2)
}

/// `math.log10(x)`.
pub fn log10(x: Real<'_>) -> NumResult<f64> {
    loghelper(x, m_log10)
}

/// `math.degrees(x)`.
pub fn degrees(x: f64) -> f64 {
    x * (180.0 / PI)
}

/// `math.radians(x)`.
pub fn radians(x: f64) -> f64 {
    x * (PI / 180.0)
}

/// `math.isfinite(x)`.
pub fn isfinite(x: f64) -> bool {
    x.is_finite()
}

/// `math.isinf(x)`.
pub fn isinf(x: f64) -> bool {
    x.is_infinite()
}

/// `math.isnan(x)`.
pub fn isnan(x: f64) -> bool {
    x.is_nan()
}

/// `math.isclose(a, b, rel_tol=..., abs_tol=...)` (defaults 1e-09 and 0.0).
pub fn isclose(a: f64, b: f64, rel_tol: f64, abs_tol: f64) -> NumResult<bool> {
    if rel_tol < 0.0 || abs_tol < 0.0 {
        return Err(NumError::value("tolerances must be non-negative"));
    }
    if a == b {
        return Ok(true);
    }
    if a.is_infinite() || b.is_infinite() {
        return Ok(false);
    }
    let diff = (b - a).abs();
    Ok(diff <= (rel_tol * b).abs() || diff <= (rel_tol * a).abs() || diff <= abs_tol)
}

/// C's `nextafter(x, y)`: the next float after `x` toward `y`.
pub fn nextafter(x: f64, y: f64) -> f64 {
    if x.is_nan() || y.is_nan() {
        return x + y;
    }
    if x == y {
        return y;
    }
    if x == 0.0 {
        return f64::from_bits(1).copysign(y);
    }
    let bits = x.to_bits();
    // Moving away from zero increments the magnitude bits, toward zero decrements them.
    let away = (y > x) == (x > 0.0);
    f64::from_bits(if away { bits + 1 } else { bits - 1 })
}

/// `math.ulp(x)`.
pub fn ulp(x: f64) -> f64 {
    if x.is_nan() {
        return x;
    }
    let x = x.abs();
    if x.is_infinite() {
        return x;
    }
    let x2 = nextafter(x, f64::INFINITY);
    if x2.is_infinite() {
        return x - nextafter(x, f64::NEG_INFINITY);
    }
    x2 - x
}

/// CPython's accurate Euclidean norm of non-negative, finite-or-not values; `max` is their maximum.
fn vector_norm(vec: &[f64], max: f64, found_nan: bool) -> f64 {
    const T27: f64 = 134217729.0; // 2**27 + 1, for Veltkamp-Dekker splitting
    if max.is_infinite() {
        return max;
    }
    if found_nan {
        return f64::NAN;
    }
    if max == 0.0 || vec.len() <= 1 {
        return max;
    }
    let (_, max_e) = float::frexp(max);
    let mut csum = 1.0f64;
    let mut frac1 = 0.0f64;
    if max_e >= -1023 {
        let scale = float::ldexp(1.0, -max_e);
        let mut frac2 = 0.0f64;
        let mut frac3 = 0.0f64;
        // Compensated summation of hi*hi + 2*hi*lo + lo*lo, csum starting at 1.0 so it always dominates.
        let add = |csum: &mut f64, frac: &mut f64, x: f64| {
            let old = *csum;
            *csum += x;
            *frac += (old - *csum) + x;
        };
        for &v in vec {
            let x = v * scale;
            let t = x * T27;
            let hi = t - (t - x);
            let lo = x - hi;
            add(&mut csum, &mut frac1, hi * hi);
            add(&mut csum, &mut frac2, 2.0 * hi * lo);
            frac3 += lo * lo;
        }
        let h = (csum - 1.0 + (frac1 + frac2 + frac3)).sqrt();
        // One differential correction step of the square root.
        let t = h * T27;
        let hi = t - (t - h);
        let lo = h - hi;
        add(&mut csum, &mut frac1, -hi * hi);
        add(&mut csum, &mut frac2, -2.0 * hi * lo);
        add(&mut csum, &mut frac3, -lo * lo);
        let x = csum - 1.0 + (frac1 + frac2 + frac3);
        return (h + x / (2.0 * h)) / scale;
    }
    // ldexp(1.0, -max_e) would overflow: divide by max instead.
    for &v in vec {
        let x = v / max;
        let x = x * x;
        let old = csum;
        csum += x;
        frac1 += (old - csum) + x;
    }
    max * (csum - 1.0 + frac1).sqrt()
}

/// `math.hypot(*coordinates)`.
pub fn hypot(coords: &[f64]) -> f64 {
    let abs: Vec<f64> = coords.iter().map(|x| x.abs()).collect();
    let max = abs.iter().fold(0.0f64, |m, &x| if x > m { x } else { m });
    let found_nan = abs.iter().any(|x| x.is_nan());
    vector_norm(&abs, max, found_nan)
}

/// `math.dist(p, q)`.
pub fn dist(p: &[f64], q: &[f64]) -> NumResult<f64> {
    if p.len() != q.len() {
        return Err(NumError::value("both points must have the same number of dimensions"));
    }
    let diffs: Vec<f64> = p.iter().zip(q).map(|(a, b)| (a - b).abs()).collect();
    let max = diffs.iter().fold(0.0f64, |m, &x| if x > m { x } else { m });
    let found_nan = diffs.iter().any(|x| x.is_nan());
    Ok(vector_norm(&diffs, max, found_nan))
}

/// `math.fsum`: an exact sum of floats, rounded once (Shewchuk's partials, as CPython's msum). Feed the items
/// with [`Fsum::add`] and stop at the first error; [`Fsum::result`] gives the sum.
#[derive(Clone, Debug, Default)]
pub struct Fsum {
    partials: Vec<f64>,
    special_sum: f64,
    inf_sum: f64,
}

impl Fsum {
    /// An empty sum.
    pub fn new() -> Self {
        Self::default()
    }

    /// Adds one item; an overflow of the partial sums is an `OverflowError`.
    pub fn add(&mut self, item: f64) -> NumResult<()> {
        let mut x = item;
        let mut i = 0;
        for j in 0..self.partials.len() {
            let mut y = self.partials[j];
            if x.abs() < y.abs() {
                std::mem::swap(&mut x, &mut y);
            }
            let hi = x + y;
            let lo = y - (hi - x);
            if lo != 0.0 {
                self.partials[i] = lo;
                i += 1;
            }
            x = hi;
        }
        self.partials.truncate(i);
        if x != 0.0 {
            if !x.is_finite() {
                // From a NaN or an infinity among the items, or from an overflow of the partials.
                if item.is_finite() {
                    return Err(NumError::overflow("intermediate overflow in fsum"));
                }
                if item.is_infinite() {
                    self.inf_sum += item;
                }
                self.special_sum += item;
                self.partials.clear();
            } else {
                self.partials.push(x);
            }
        }
        Ok(())
    }

    /// The correctly rounded sum; `inf + -inf` among the items is a `ValueError`.
    pub fn result(&self) -> NumResult<f64> {
        if self.special_sum != 0.0 {
            if self.inf_sum.is_nan() {
                return Err(NumError::value("-inf + inf in fsum"));
            }
            return Ok(self.special_sum);
        }
        let p = &self.partials;
        let mut n = p.len();
        let mut hi = 0.0;
        if n > 0 {
            n -= 1;
            hi = p[n];
            let mut lo = 0.0;
            // Add from the top down while the sum stays exact.
            while n > 0 {
                let x = hi;
                n -= 1;
                let y = p[n];
                hi = x + y;
                let yr = hi - x;
                lo = y - yr;
                if lo != 0.0 {
                    break;
                }
            }
            // Half-even rounding across partials: the remaining partials may break a tie in `lo`'s direction.
            if n > 0 && ((lo < 0.0 && p[n - 1] < 0.0) || (lo > 0.0 && p[n - 1] > 0.0)) {
                let y = lo * 2.0;
                let x = hi + y;
                let yr = x - hi;
                if y == yr {
                    hi = x;
                }
            }
        }
        Ok(hi)
    }
}

/// `math.fsum` over a slice of floats.
pub fn fsum(items: &[f64]) -> NumResult<f64> {
    let mut acc = Fsum::new();
    for &x in items {
        acc.add(x)?;
    }
    acc.result()
}

/// `sin(pi * x)`, accurate for finite `x` near integers (used by the gamma reflection formula).
fn sinpi(x: f64) -> f64 {
    let y = x.abs() % 2.0;
    let n = (2.0 * y).round() as i32;
    let r = match n {
        0 => libm::sin(PI * y),
        1 => libm::cos(PI * (y - 0.5)),
        // Not -sin(pi*(y-1.0)), which gives -0.0 for y == 1.0.
        2 => libm::sin(PI * (1.0 - y)),
        3 => -libm::cos(PI * (y - 1.5)),
        _ => libm::sin(PI * (y - 2.0)),
    };
    1.0f64.copysign(x) * r
}

/// log(pi), for the reflection formula of lgamma.
const LOG_PI: f64 = 1.1447298858494002;
/// The Lanczos parameters (N = 13, g = 6.024680040776729583740234375) of CPython's gamma.
const LANCZOS_G: f64 = 6.02468004077673;
const LANCZOS_G_MINUS_HALF: f64 = 5.52468004077673;
const LANCZOS_NUM: [f64; 13] = [
    23531376880.41076,
    42919803642.6491,
    35711959237.35567,
    17921034426.03721,
    6039542586.352028,
    1439720407.3117216,
    248874557.86205417,
    31426415.585400194,
    2876370.6289353725,
    186056.26539522348,
    8071.672002365816,
    210.82427775157936,
    2.5066282746310002,
];
/// Coefficients of x*(x+1)*...*(x+11).
const LANCZOS_DEN: [f64; 13] = [
    0.0,
    39916800.0,
    120543840.0,
    150917976.0,
    105258076.0,
    45995730.0,
    13339535.0,
    2637558.0,
    357423.0,
    32670.0,
    1925.0,
    66.0,
    1.0,
];

/// The Lanczos sum as a rational function, for `x > 0`.
fn lanczos_sum(x: f64) -> f64 {
    let mut num = 0.0;
    let mut den = 0.0;
    if x < 5.0 {
        for i in (0..13).rev() {
            num = num * x + LANCZOS_NUM[i];
            den = den * x + LANCZOS_DEN[i];
        }
    } else {
        // In 1/x, to avoid overflow for large x.
        for i in 0..13 {
            num = num / x + LANCZOS_NUM[i];
            den = den / x + LANCZOS_DEN[i];
        }
    }
    num / den
}

/// `math.gamma(x)`: CPython's own Lanczos approximation (not the platform's `tgamma`).
pub fn gamma(x: f64) -> NumResult<f64> {
    if !x.is_finite() {
        if x.is_nan() || x > 0.0 {
            return Ok(x);
        }
        return Err(domain_error());
    }
    if x == 0.0 {
        return Err(domain_error());
    }
    if x == x.floor() {
        if x < 0.0 {
            return Err(domain_error());
        }
        if x <= 23.0 {
            let mut f = 1.0f64;
            for k in 2..(x as i32) {
                f *= k as f64;
            }
            return Ok(f);
        }
    }
    let absx = x.abs();
    if absx < 1e-20 {
        let r = 1.0 / x;
        return if r.is_infinite() { Err(range_error()) } else { Ok(r) };
    }
    if absx > 200.0 {
        if x < 0.0 {
            return Ok(0.0 / sinpi(x));
        }
        return Err(range_error());
    }
    let y = absx + LANCZOS_G_MINUS_HALF;
    // The rounding error of y, used to correct the result.
    let z = if absx > LANCZOS_G_MINUS_HALF {
        let q = y - absx;
        q - LANCZOS_G_MINUS_HALF
    } else {
        let q = y - LANCZOS_G_MINUS_HALF;
        q - absx
    };
    let z = z * LANCZOS_G / y;
    let mut r;
    if x < 0.0 {
        r = -PI / sinpi(absx) / absx * libm::exp(y) / lanczos_sum(absx);
        r -= z * r;
        if absx < 140.0 {
            r /= libm::pow(y, absx - 0.5);
        } else {
            let sqrtpow = libm::pow(y, absx / 2.0 - 0.25);
            r /= sqrtpow;
            r /= sqrtpow;
        }
    } else {
        r = lanczos_sum(absx) / libm::exp(y);
        r += z * r;
        if absx < 140.0 {
            r *= libm::pow(y, absx - 0.5);
        } else {
            let sqrtpow = libm::pow(y, absx / 2.0 - 0.25);
            r *= sqrtpow;
            r *= sqrtpow;
        }
    }
    if r.is_infinite() {
        return Err(range_error());
    }
    Ok(r)
}

/// `math.lgamma(x)`: log of the absolute value of gamma, CPython's own algorithm.
pub fn lgamma(x: f64) -> NumResult<f64> {
    if !x.is_finite() {
        return Ok(if x.is_nan() { x } else { f64::INFINITY });
    }
    if x == x.floor() && x <= 2.0 {
        if x <= 0.0 {
            return Err(domain_error());
        }
        return Ok(0.0);
    }
    let absx = x.abs();
    if absx < 1e-20 {
        return Ok(-libm::log(absx));
    }
    let mut r = libm::log(lanczos_sum(absx)) - LANCZOS_G;
    r += (absx - 0.5) * (libm::log(absx + LANCZOS_G - 0.5) - 1.0);
    if x < 0.0 {
        // Reflection formula.
        r = LOG_PI - libm::log(sinpi(absx).abs()) - libm::log(absx) - r;
    }
    if r.is_infinite() {
        return Err(range_error());
    }
    Ok(r)
}

/// The platform C math library, which CPython's math module calls: Rust's std implements some functions itself
/// (`cbrt`, `asinh`, ...) with results that differ in the last bit.
pub(crate) mod libm {
    mod c {
        extern "C" {
            pub fn acos(x: f64) -> f64;
            pub fn acosh(x: f64) -> f64;
            pub fn asin(x: f64) -> f64;
            pub fn asinh(x: f64) -> f64;
            pub fn atan(x: f64) -> f64;
            pub fn atan2(y: f64, x: f64) -> f64;
            pub fn atanh(x: f64) -> f64;
            // std's runtime defines its own `cbrt`, which shadows the C library's; glibc also exports it as
            // `cbrtf64`. Elsewhere Rust's own is used (it may differ from the C library's in the last bits).
            #[cfg_attr(all(target_os = "linux", target_env = "gnu"), link_name = "cbrtf64")]
            pub fn cbrt(x: f64) -> f64;
            pub fn cos(x: f64) -> f64;
            pub fn cosh(x: f64) -> f64;
            pub fn erf(x: f64) -> f64;
            pub fn erfc(x: f64) -> f64;
            pub fn exp(x: f64) -> f64;
            pub fn exp2(x: f64) -> f64;
            pub fn expm1(x: f64) -> f64;
            pub fn log(x: f64) -> f64;
            pub fn log10(x: f64) -> f64;
            pub fn log1p(x: f64) -> f64;
            pub fn log2(x: f64) -> f64;
            pub fn pow(x: f64, y: f64) -> f64;
            pub fn sin(x: f64) -> f64;
            pub fn sinh(x: f64) -> f64;
            pub fn tan(x: f64) -> f64;
            pub fn tanh(x: f64) -> f64;
        }
    }

    macro_rules! safe_wrappers {
        ($($name:ident($($arg:ident),+);)*) => {$(
            /// The C library's function of the same name.
            pub fn $name($($arg: f64),+) -> f64 {
                // SAFETY: a pure function of the C math library (which std links) on plain doubles.
                unsafe { c::$name($($arg),+) }
            }
        )*};
    }

    safe_wrappers! {
        acos(x); acosh(x); asin(x); asinh(x); atan(x); atan2(y, x); atanh(x); cbrt(x); cos(x); cosh(x);
        erf(x); erfc(x); exp(x); exp2(x); expm1(x); log(x); log10(x); log1p(x); log2(x); pow(x, y);
        sin(x); sinh(x); tan(x); tanh(x);
    }
}

/// `math.erf(x)` (the C library's, as CPython 3.11 uses).
pub fn erf(x: f64) -> f64 {
    libm::erf(x)
}

/// `math.erfc(x)` (the C library's, as CPython 3.11 uses).
pub fn erfc(x: f64) -> f64 {
    libm::erfc(x)
}
