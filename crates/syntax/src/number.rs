//! The value of a NUMBER token (CPython's `parsenumber` in Parser/pegen.c).

use crate::constant::Constant;
use num_bigint::BigInt;
use num_traits::Num;

/// CPython's default `sys.int_max_str_digits`.
pub const DEFAULT_MAX_STR_DIGITS: usize = 4300;

/// Turn the text of a NUMBER token into its value, with CPython's default
/// limit on the digits of decimal integers.
pub fn parse_number(text: &str) -> Result<Constant, String> {
    parse_number_with_limit(text, DEFAULT_MAX_STR_DIGITS)
}

/// [`parse_number`] with a given `sys.int_max_str_digits` (0: no limit).
/// The error is the message of the SyntaxError CPython raises for a decimal
/// integer literal with more digits than that.
pub fn parse_number_with_limit(text: &str, max_str_digits: usize) -> Result<Constant, String> {
    let cleaned: std::borrow::Cow<'_, str> =
        if text.contains('_') { text.replace('_', "").into() } else { text.into() };
    let s: &str = &cleaned;
    let bytes = s.as_bytes();
    let last = bytes.last().copied().unwrap_or(b'0');
    if last == b'j' || last == b'J' {
        let imag = parse_float(&s[..s.len() - 1]);
        return Ok(Constant::Complex { real: 0.0, imag });
    }
    let radix = match bytes {
        [b'0', b'x' | b'X', ..] => 16,
        [b'0', b'o' | b'O', ..] => 8,
        [b'0', b'b' | b'B', ..] => 2,
        _ => 10,
    };
    if radix != 10 {
        return Ok(int_value(&s[2..], radix));
    }
    if bytes.iter().any(|&b| matches!(b, b'.' | b'e' | b'E')) {
        return Ok(Constant::Float(parse_float(s)));
    }
    if let Ok(v) = s.parse::<i64>() {
        return Ok(Constant::Int(v));
    }
    // A run of zeros is read as a C integer first, never hitting the limit.
    if bytes.iter().all(|&b| b == b'0') {
        return Ok(Constant::Int(0));
    }
    // CPython only checks the limit above 640 digits.
    let digits = s.len();
    if max_str_digits > 0 && digits > 640 && digits > max_str_digits {
        return Err(format!(
            "Exceeds the limit ({max_str_digits} digits) for integer string conversion: value has {digits} \
             digits; use sys.set_int_max_str_digits() to increase the limit - Consider hexadecimal for \
             huge integer literals to avoid decimal conversion limits."
        ));
    }
    Ok(int_value(s, 10))
}

fn int_value(digits: &str, radix: u32) -> Constant {
    if let Ok(v) = i64::from_str_radix(digits, radix) {
        return Constant::Int(v);
    }
    // The tokenizer only lets through valid digits; an empty or odd text
    // (from a caller that did not tokenize) gives 0 rather than a panic.
    match BigInt::from_str_radix(digits, radix) {
        Ok(v) => Constant::BigInt(v),
        Err(_) => Constant::Int(0),
    }
}

/// A decimal float literal, correctly rounded; overflow gives infinity.
fn parse_float(s: &str) -> f64 {
    s.parse::<f64>().unwrap_or(0.0)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn big(s: &str) -> Constant {
        Constant::BigInt(s.parse().unwrap())
    }

    #[test]
    fn integers() {
        assert_eq!(parse_number("0"), Ok(Constant::Int(0)));
        assert_eq!(parse_number("00"), Ok(Constant::Int(0)));
        assert_eq!(parse_number("0_0"), Ok(Constant::Int(0)));
        assert_eq!(parse_number("1_000_000"), Ok(Constant::Int(1_000_000)));
        assert_eq!(parse_number("9223372036854775807"), Ok(Constant::Int(i64::MAX)));
        assert_eq!(parse_number("9223372036854775808"), Ok(big("9223372036854775808")));
        assert_eq!(parse_number("0x_fF"), Ok(Constant::Int(255)));
        assert_eq!(parse_number("0o17"), Ok(Constant::Int(15)));
        assert_eq!(parse_number("0O1_7"), Ok(Constant::Int(15)));
        assert_eq!(parse_number("0b1_01"), Ok(Constant::Int(5)));
        assert_eq!(parse_number("0xffffffffffffffffff"), Ok(big("4722366482869645213695")));
    }

    #[test]
    fn floats_and_imaginary() {
        assert_eq!(parse_number("1.5"), Ok(Constant::Float(1.5)));
        assert_eq!(parse_number(".5"), Ok(Constant::Float(0.5)));
        assert_eq!(parse_number("5."), Ok(Constant::Float(5.0)));
        assert_eq!(parse_number("1e3"), Ok(Constant::Float(1000.0)));
        assert_eq!(parse_number("1E-3"), Ok(Constant::Float(0.001)));
        assert_eq!(parse_number("1e999"), Ok(Constant::Float(f64::INFINITY)));
        assert_eq!(parse_number("1e-400"), Ok(Constant::Float(0.0)));
        assert_eq!(parse_number("0.1"), Ok(Constant::Float(0.1)));
        assert_eq!(parse_number("00.5"), Ok(Constant::Float(0.5)));
        assert_eq!(parse_number("09.5"), Ok(Constant::Float(9.5)));
        assert_eq!(parse_number("1_0.5_0e-1_0j"), Ok(Constant::Complex { real: 0.0, imag: 1.05e-9 }));
        assert_eq!(parse_number("2J"), Ok(Constant::Complex { real: 0.0, imag: 2.0 }));
        assert_eq!(parse_number("0j"), Ok(Constant::Complex { real: 0.0, imag: 0.0 }));
        // Correct rounding on a hard case.
        assert_eq!(parse_number("2.2250738585072011e-308"), Ok(Constant::Float(2.225073858507201e-308)));
    }

    #[test]
    fn digit_limit() {
        assert!(matches!(parse_number(&"1".repeat(4300)), Ok(Constant::BigInt(_))));
        let err = parse_number(&"1".repeat(4301)).unwrap_err();
        assert_eq!(
            err,
            "Exceeds the limit (4300 digits) for integer string conversion: value has 4301 digits; use \
             sys.set_int_max_str_digits() to increase the limit - Consider hexadecimal for huge integer \
             literals to avoid decimal conversion limits."
        );
        // Underscores are not digits; zeros, floats and other bases are exempt.
        assert!(parse_number(&"1_".repeat(2200)).is_ok());
        assert!(parse_number(&"1_".repeat(4400)).unwrap_err().contains("value has 4400 digits"));
        assert_eq!(parse_number(&"0".repeat(5000)), Ok(Constant::Int(0)));
        assert!(parse_number(&format!("{}.0", "1".repeat(5000))).is_ok());
        assert!(parse_number(&format!("0x{}", "f".repeat(5000))).is_ok());
        assert!(parse_number_with_limit(&"1".repeat(5000), 0).is_ok());
    }
}
