//! Checks every function of the module against the cases that crates/vm/gen/numeric/gen_cases.py recorded from
//! CPython 3.11 (testdata/cases.txt).

use num_bigint::BigInt;

use super::math::Real;
use super::parse::IntParseError;
use super::{float, int, math, parse, NumError, NumResult};

#[derive(Clone, Debug)]
enum V {
    I(BigInt),
    F(f64),
    B(bool),
    S(String),
    Y(Vec<u8>),
    Complex,
}

impl PartialEq for V {
    fn eq(&self, other: &V) -> bool {
        match (self, other) {
            (V::I(a), V::I(b)) => a == b,
            (V::F(a), V::F(b)) => a.to_bits() == b.to_bits() || (a.is_nan() && b.is_nan()),
            (V::B(a), V::B(b)) => a == b,
            (V::S(a), V::S(b)) => a == b,
            (V::Y(a), V::Y(b)) => a == b,
            (V::Complex, V::Complex) => true,
            _ => false,
        }
    }
}

fn unhex(s: &str) -> Vec<u8> {
    (0..s.len())
        .step_by(2)
        .map(|i| u8::from_str_radix(&s[i..i + 2], 16).unwrap())
        .collect()
}

fn parse_tok(t: &str) -> V {
    let (tag, body) = t.split_once(':').unwrap_or((t, ""));
    match tag {
        "i" => V::I(body.parse().unwrap()),
        "f" => V::F(f64::from_bits(u64::from_str_radix(body, 16).unwrap())),
        "b" => V::B(body == "1"),
        "s" => V::S(String::from_utf8(unhex(body)).unwrap()),
        "y" => V::Y(unhex(body)),
        "c" => V::Complex,
        _ => panic!("bad token {t}"),
    }
}

fn i(v: &V) -> &BigInt {
    match v {
        V::I(x) => x,
        _ => panic!("int expected, got {v:?}"),
    }
}

fn f(v: &V) -> f64 {
    match v {
        V::F(x) => *x,
        _ => panic!("float expected, got {v:?}"),
    }
}

fn s(v: &V) -> &str {
    match v {
        V::S(x) => x,
        _ => panic!("str expected, got {v:?}"),
    }
}

fn b(v: &V) -> bool {
    match v {
        V::B(x) => *x,
        _ => panic!("bool expected, got {v:?}"),
    }
}

fn small(v: &V) -> i64 {
    i64::try_from(i(v)).unwrap()
}

fn one(r: NumResult<V>) -> NumResult<Vec<V>> {
    r.map(|v| vec![v])
}

fn fl(r: NumResult<f64>) -> NumResult<Vec<V>> {
    one(r.map(V::F))
}

fn int_r(r: NumResult<BigInt>) -> NumResult<Vec<V>> {
    one(r.map(V::I))
}

fn unary_math(name: &str, x: f64) -> Option<NumResult<Vec<V>>> {
    let r = match name {
        "acos" => math::acos(x),
        "acosh" => math::acosh(x),
        "asin" => math::asin(x),
        "asinh" => math::asinh(x),
        "atan" => math::atan(x),
        "atanh" => math::atanh(x),
        "cbrt" => math::cbrt(x),
        "cos" => math::cos(x),
        "cosh" => math::cosh(x),
        "erf" => Ok(math::erf(x)),
        "erfc" => Ok(math::erfc(x)),
        "exp" => math::exp(x),
        "exp2" => math::exp2(x),
        "expm1" => math::expm1(x),
        "fabs" => Ok(math::fabs(x)),
        "gamma" => math::gamma(x),
        "lgamma" => math::lgamma(x),
        "log1p" => math::log1p(x),
        "sin" => math::sin(x),
        "sinh" => math::sinh(x),
        "sqrt" => math::sqrt(x),
        "tan" => math::tan(x),
        "tanh" => math::tanh(x),
        "log" => math::log(Real::Float(x), None),
        "log2" => math::log2(Real::Float(x)),
        "log10" => math::log10(Real::Float(x)),
        "degrees" => Ok(math::degrees(x)),
        "radians" => Ok(math::radians(x)),
        "ulp" => Ok(math::ulp(x)),
        "isfinite" => return Some(Ok(vec![V::B(math::isfinite(x))])),
        "isinf" => return Some(Ok(vec![V::B(math::isinf(x))])),
        "isnan" => return Some(Ok(vec![V::B(math::isnan(x))])),
        "frexp" => {
            let (m, e) = math::frexp(x);
            return Some(Ok(vec![V::F(m), V::I(e.into())]));
        }
        "modf" => {
            let (a, b) = math::modf(x);
            return Some(Ok(vec![V::F(a), V::F(b)]));
        }
        "floor" => return Some(int_r(float::floor(x))),
        "ceil" => return Some(int_r(float::ceil(x))),
        _ => return None,
    };
    Some(fl(r))
}

fn run(name: &str, a: &[V]) -> NumResult<Vec<V>> {
    let floats = || a.iter().map(f).collect::<Vec<f64>>();
    match name {
        "int_floordiv" => int_r(int::floordiv(i(&a[0]), i(&a[1]))),
        "int_mod" => int_r(int::modulo(i(&a[0]), i(&a[1]))),
        "int_divmod" => int::divmod(i(&a[0]), i(&a[1])).map(|(q, r)| vec![V::I(q), V::I(r)]),
        "int_truediv" => fl(int::true_divide(i(&a[0]), i(&a[1]))),
        "int_and" => Ok(vec![V::I(int::and(i(&a[0]), i(&a[1])))]),
        "int_or" => Ok(vec![V::I(int::or(i(&a[0]), i(&a[1])))]),
        "int_xor" => Ok(vec![V::I(int::xor(i(&a[0]), i(&a[1])))]),
        "int_gcd" => Ok(vec![V::I(int::gcd(i(&a[0]), i(&a[1])))]),
        "int_lcm" => Ok(vec![V::I(int::lcm(i(&a[0]), i(&a[1])))]),
        "int_to_float" => fl(int::to_f64(i(&a[0]))),
        "int_invert" => Ok(vec![V::I(int::invert(i(&a[0])))]),
        "int_bit_length" => Ok(vec![V::I(int::bit_length(i(&a[0])).into())]),
        "int_bit_count" => Ok(vec![V::I(int::bit_count(i(&a[0])).into())]),
        "int_str" => one(int::to_decimal_string(i(&a[0]), 4300).map(V::S)),
        "int_bin" => Ok(vec![V::S(int::to_prefixed_string(i(&a[0]), 2))]),
        "int_oct" => Ok(vec![V::S(int::to_prefixed_string(i(&a[0]), 8))]),
        "int_hex" => Ok(vec![V::S(int::to_prefixed_string(i(&a[0]), 16))]),
        "int_isqrt" => int_r(int::isqrt(i(&a[0]))),
        "int_round" => Ok(vec![V::I(int::round(i(&a[0]), i(&a[1])))]),
        "int_rshift" => int_r(int::rshift(i(&a[0]), i(&a[1]))),
        "int_lshift" => int_r(int::lshift(i(&a[0]), i(&a[1]))),
        "int_log" => fl(math::log(Real::Int(i(&a[0])), None)),
        "int_log2" => fl(math::log2(Real::Int(i(&a[0])))),
        "int_log10" => fl(math::log10(Real::Int(i(&a[0])))),
        "int_log_base" => fl(math::log(Real::Int(i(&a[0])), Some(Real::Int(i(&a[1]))))),
        "int_cmp_float" => {
            let o = int::cmp_int_float(i(&a[0]), f(&a[1]));
            Ok(vec![
                V::B(o == Some(std::cmp::Ordering::Less)),
                V::B(o == Some(std::cmp::Ordering::Equal)),
                V::B(o == Some(std::cmp::Ordering::Greater)),
            ])
        }
        "int_to_bytes" => one(int::to_bytes(i(&a[0]), small(&a[1]), false, b(&a[2])).map(V::Y)),
        "int_to_bytes_le" => one(int::to_bytes(i(&a[0]), small(&a[1]), true, b(&a[2])).map(V::Y)),
        "int_from_bytes" | "int_from_bytes_le" => {
            let V::Y(bytes) = &a[0] else { panic!("bytes expected") };
            Ok(vec![V::I(int::from_bytes(bytes, name.ends_with("_le"), b(&a[1])))])
        }
        "int_pow" if a.len() == 2 => int::pow(i(&a[0]), i(&a[1])).map(|p| match p {
            int::IntPow::Int(x) => vec![V::I(x)],
            int::IntPow::Float(x) => vec![V::F(x)],
        }),
        "int_pow_mod" => int_r(int::pow_mod(i(&a[0]), i(&a[1]), i(&a[2]))),
        "int_factorial" => int_r(int::factorial(i(&a[0]))),
        "int_comb" => int_r(int::comb(i(&a[0]), i(&a[1]))),
        "int_perm" => int_r(int::perm(i(&a[0]), i(&a[1]))),
        "parse_int" => {
            let text = s(&a[0]);
            let base = small(&a[1]);
            match parse::parse_int(text, base, 4300) {
                Ok(v) => Ok(vec![V::I(v)]),
                Err(IntParseError::Error(e)) => Err(e),
                Err(IntParseError::Invalid) => {
                    // CPython formats the repr with %.200R.
                    let repr: String = syntax::repr::str_repr_str(text).chars().take(200).collect();
                    Err(NumError::value(format!(
                        "invalid literal for int() with base {base}: {repr}"
                    )))
                }
            }
        }
        "parse_float" => {
            let text = s(&a[0]);
            parse::parse_float(text).map(|x| vec![V::F(x)]).map_err(|_| {
                NumError::value(format!(
                    "could not convert string to float: {}",
                    syntax::repr::str_repr_str(text)
                ))
            })
        }
        "float_floordiv" => fl(float::floordiv(f(&a[0]), f(&a[1]))),
        "float_mod" => fl(float::modulo(f(&a[0]), f(&a[1]))),
        "float_divmod" => float::divmod(f(&a[0]), f(&a[1])).map(|(q, r)| vec![V::F(q), V::F(r)]),
        "float_pow" => float::pow(f(&a[0]), f(&a[1])).map(|r| vec![r.map_or(V::Complex, V::F)]),
        "math_pow" => fl(math::pow(f(&a[0]), f(&a[1]))),
        "math_fmod" => fl(math::fmod(f(&a[0]), f(&a[1]))),
        "math_remainder" => fl(math::remainder(f(&a[0]), f(&a[1]))),
        "math_atan2" => fl(math::atan2(f(&a[0]), f(&a[1]))),
        "math_copysign" => Ok(vec![V::F(math::copysign(f(&a[0]), f(&a[1])))]),
        "math_nextafter" => Ok(vec![V::F(math::nextafter(f(&a[0]), f(&a[1])))]),
        "math_hypot" => Ok(vec![V::F(math::hypot(&floats()))]),
        "math_isclose" => math::isclose(f(&a[0]), f(&a[1]), 1e-9, 0.0).map(|x| vec![V::B(x)]),
        "math_isclose_tol" => math::isclose(f(&a[0]), f(&a[1]), f(&a[2]), f(&a[3])).map(|x| vec![V::B(x)]),
        "math_log_base" => fl(math::log(Real::Float(f(&a[0])), Some(Real::Float(f(&a[1]))))),
        "float_round0" => int_r(float::round_to_int(f(&a[0]))),
        "float_round" => fl(float::round(f(&a[0]), small(&a[1]))),
        "float_hex" => Ok(vec![V::S(float::to_hex(f(&a[0])))]),
        "float_fromhex" => fl(float::from_hex(s(&a[0]))),
        "float_as_integer_ratio" => float::as_integer_ratio(f(&a[0])).map(|(n, d)| vec![V::I(n), V::I(d)]),
        "float_is_integer" => Ok(vec![V::B(float::is_integer(f(&a[0])))]),
        "float_trunc" => int_r(float::trunc(f(&a[0]))),
        "math_ldexp" => fl(math::ldexp(f(&a[0]), i(&a[1]))),
        "math_fsum" => fl(math::fsum(&floats())),
        "math_dist" => {
            let v = floats();
            let h = v.len() / 2;
            fl(math::dist(&v[..h], &v[h..2 * h]))
        }
        "math_dist_mismatch" => fl(math::dist(&[1.0], &[1.0, 2.0])),
        _ => match name.strip_prefix("math_").and_then(|n| unary_math(n, f(&a[0]))) {
            Some(r) => r,
            None => panic!("no runner for {name}"),
        },
    }
}

#[test]
fn cpython_cases() {
    let data = include_str!("testdata/cases.txt");
    let mut failures = Vec::new();
    let mut count = 0;
    for line in data.lines().filter(|l| !l.is_empty()) {
        let fields: Vec<&str> = line.split('\t').collect();
        let arrow = fields.iter().position(|&t| t == "=>").unwrap();
        let name = fields[0];
        let args: Vec<V> = fields[1..arrow].iter().map(|t| parse_tok(t)).collect();
        let expected = &fields[arrow + 1..];
        let got = run(name, &args);
        count += 1;
        let ok = match (&got, expected.first().and_then(|t| t.strip_prefix('!'))) {
            (Err(e), Some(ty)) => {
                e.kind.type_name() == ty && e.msg.as_bytes() == unhex(expected.get(1).copied().unwrap_or("")).as_slice()
            }
            (Ok(vals), None) => *vals == expected.iter().map(|t| parse_tok(t)).collect::<Vec<_>>(),
            _ => false,
        };
        if !ok {
            let exp = match expected.first().and_then(|t| t.strip_prefix('!')) {
                Some(ty) => format!("{ty}: {}", String::from_utf8_lossy(&unhex(expected[1]))),
                None => format!("{:?}", expected.iter().map(|t| parse_tok(t)).collect::<Vec<_>>()),
            };
            let cut = |mut t: String| {
                if t.len() > 120 {
                    t.truncate(60);
                    t.push_str("...");
                }
                t
            };
            let args: Vec<String> = args.iter().map(|a| cut(format!("{a:?}"))).collect();
            let shown = format!("{name}{args:?}: got {}, expected {}", cut(format!("{got:?}")), cut(exp));
            failures.push(shown);
        }
    }
    for f in failures.iter().take(400) {
        eprintln!("{f}");
    }
    assert!(
        failures.is_empty(),
        "{} of {count} cases differ from CPython",
        failures.len()
    );
}
