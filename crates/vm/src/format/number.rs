//! Formatting of int, float and complex: `format(x, spec)` (formatter_unicode.c) and the float
//! to text conversion everything else builds on (CPython's PyOS_double_to_string).

use super::spec::{reserve, unknown_code, Align, Grouping, Sign};
use super::{ErrorKind, FormatError, FormatSpec, StrLayout};
use num_bigint::{BigInt, Sign as BigSign};
use num_traits::ToPrimitive;

/// Options of [`float_to_string`] (CPython's Py_DTSF_* flags).
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct FloatFlags {
    /// Py_DTSF_SIGN: a '+' before non-negative numbers (and nan).
    pub sign: bool,
    /// Py_DTSF_ADD_DOT_0: ".0" after an integral result written without exponent.
    pub add_dot_0: bool,
    /// Py_DTSF_ALT: always a decimal point; 'g' keeps trailing zeros.
    pub alternate: bool,
    /// Py_DTSF_NO_NEG_0: no '-' when the result is zero after rounding.
    pub no_neg_0: bool,
}

/// The shortest digits that read back as `a` (finite, non-negative) and the decimal point
/// position: `a == 0.DIGITS * 10**decpt`, as David Gay's dtoa mode 0 gives them.
fn shortest_digits(a: f64) -> (String, i64) {
    // `{:e}` prints the shortest round-tripping digits, but among equally short candidates it
    // may not take the correctly rounded one, which exact-precision formatting of that length gives.
    let shortest = format!("{a:e}");
    let len = shortest.find('e').unwrap_or(shortest.len()) - usize::from(shortest.contains('.'));
    let exact = format!("{:.*e}", len.saturating_sub(1), a);
    let chosen = if exact != shortest && exact.parse::<f64>() == Ok(a) {
        exact
    } else {
        shortest
    };
    split_exp(&chosen)
}

/// Digits and decimal point position of a `{:e}`-style string, trailing zeros removed.
fn split_exp(s: &str) -> (String, i64) {
    let (mantissa, exp) = s.split_once('e').unwrap_or((s, "0"));
    let exp: i64 = exp.parse().unwrap_or(0);
    let digits: String = mantissa.chars().filter(char::is_ascii_digit).collect();
    normalize(digits, exp + 1)
}

/// Strips leading zeros (moving the point) and trailing zeros; zero is "0" with decpt 1.
fn normalize(digits: String, mut decpt: i64) -> (String, i64) {
    let lead = digits.len() - digits.trim_start_matches('0').len();
    decpt -= lead as i64;
    let trimmed = digits[lead..].trim_end_matches('0');
    if trimmed.is_empty() {
        ("0".to_string(), 1)
    } else {
        (trimmed.to_string(), decpt)
    }
}

/// dtoa's digits of `a` for a conversion: mode 0 (shortest) for 'r', mode 2 (`precision`
/// significant digits) for 'e' and 'g', mode 3 (`precision` digits after the point) for 'f'.
fn float_digits(a: f64, kind: char, precision: usize) -> (String, i64) {
    match kind {
        'r' => shortest_digits(a),
        'f' => {
            let s = format!("{a:.precision$}");
            let (int, frac) = s.split_once('.').unwrap_or((&s, ""));
            let decpt = int.len() as i64;
            normalize(format!("{int}{frac}"), decpt)
        }
        _ => split_exp(&format!("{:.*e}", precision.saturating_sub(1), a)),
    }
}

/// Lays out `digits` (point at `decpt`) as CPython's format_float_short does for `kind`
/// ('e', 'f', 'g', 'r'; `precision` already adjusted: digits for 'e' and 'g').
fn layout_digits(
    digits: &str,
    decpt: i64,
    kind: char,
    precision: i64,
    flags: FloatFlags,
    upper: bool,
) -> String {
    let digits_len = digits.len() as i64;
    let mut decpt = decpt;
    let mut use_exp = false;
    let mut vdigits_end = digits_len;
    match kind {
        'e' => {
            use_exp = true;
            vdigits_end = precision;
        }
        'f' => vdigits_end = decpt + precision,
        'g' => {
            let limit = if flags.add_dot_0 {
                precision - 1
            } else {
                precision
            };
            if decpt <= -4 || decpt > limit {
                use_exp = true;
            }
            if flags.alternate {
                vdigits_end = precision;
            }
        }
        _ => {
            // 'r' switches to an exponent at 1e16, not 1e17, so that padding a 16-digit
            // shortest repr never shows invented zeros.
            if decpt <= -4 || decpt > 16 {
                use_exp = true;
            }
        }
    }
    let mut exp = 0;
    if use_exp {
        exp = decpt - 1;
        decpt = 1;
    }
    vdigits_end = if !use_exp && flags.add_dot_0 {
        vdigits_end.max(decpt + 1)
    } else {
        vdigits_end.max(decpt)
    };
    let mut out =
        String::with_capacity((vdigits_end.max(decpt).max(0) as usize) + digits.len() + 8);
    if decpt <= 0 {
        out.push_str("0.");
        out.extend(std::iter::repeat_n('0', (-decpt) as usize));
    }
    if 0 < decpt && decpt <= digits_len {
        out.push_str(&digits[..decpt as usize]);
        out.push('.');
        out.push_str(&digits[decpt as usize..]);
    } else {
        out.push_str(digits);
    }
    if digits_len < decpt {
        out.extend(std::iter::repeat_n('0', (decpt - digits_len) as usize));
        out.push('.');
        out.extend(std::iter::repeat_n(
            '0',
            (vdigits_end - decpt).max(0) as usize,
        ));
    } else {
        out.extend(std::iter::repeat_n(
            '0',
            (vdigits_end - digits_len).max(0) as usize,
        ));
    }
    if out.ends_with('.') && !flags.alternate {
        out.pop();
    }
    if use_exp {
        out.push(if upper { 'E' } else { 'e' });
        out.push(if exp < 0 { '-' } else { '+' });
        out.push_str(&format!("{:02}", exp.unsigned_abs()));
    }
    out
}

/// CPython's `PyOS_double_to_string(value, kind, precision, flags)`: `kind` is 'e', 'E', 'f',
/// 'F', 'g', 'G' or 'r' (shortest repr, `precision` unused); the sign is included.
pub fn float_to_string(value: f64, kind: char, precision: usize, flags: FloatFlags) -> String {
    let upper = kind.is_ascii_uppercase();
    let kind = kind.to_ascii_lowercase();
    let mut out = String::new();
    if value.is_nan() {
        // The sign of a nan is never shown.
        if flags.sign {
            out.push('+');
        }
        out.push_str(if upper { "NAN" } else { "nan" });
        return out;
    }
    let negative = value.is_sign_negative();
    if value.is_infinite() {
        if negative {
            out.push('-');
        } else if flags.sign {
            out.push('+');
        }
        out.push_str(if upper { "INF" } else { "inf" });
        return out;
    }
    let a = value.abs();
    let (precision, digit_count) = match kind {
        'e' => (precision as i64 + 1, precision + 1),
        'g' => (precision.max(1) as i64, precision.max(1)),
        'f' => (precision as i64, precision),
        _ => (0, 0),
    };
    let (digits, decpt) = float_digits(a, kind, digit_count);
    let body = layout_digits(&digits, decpt, kind, precision, flags, upper);
    let zero = digits == "0";
    if negative && !(flags.no_neg_0 && zero) {
        out.push('-');
    } else if flags.sign {
        out.push('+');
    }
    out.push_str(&body);
    out
}

/// The pieces of a formatted number before padding.
struct Parts<'a> {
    negative: bool,
    prefix: &'a str,
    /// The integer digits, grouped and zero-padded by '=' alignment with '0' fill.
    digits: &'a str,
    /// What follows the digits unchanged (decimal point, fraction, exponent, '%'; a 'c' char).
    remainder: &'a str,
}

/// The sign character of a number for the spec's sign option.
fn sign_char(negative: bool, sign: Option<Sign>) -> Option<char> {
    match (negative, sign) {
        (true, _) => Some('-'),
        (false, Some(Sign::Plus)) => Some('+'),
        (false, Some(Sign::Space)) => Some(' '),
        _ => None,
    }
}

/// Groups `digits` right to left by `group` (size, separator), zero-filling to at least
/// `min_width` characters with separators included, as CPython's InsertThousandsGrouping does.
fn group_digits(
    digits: &str,
    group: Option<(usize, char)>,
    min_width: i64,
) -> Result<String, FormatError> {
    let mut chunks: Vec<(usize, &str)> = Vec::new();
    let mut remaining = digits.len() as i64;
    let mut min_width = min_width;
    let mut end = digits.len();
    let mut done = false;
    let mut take = |l: i64, remaining: &mut i64, end: &mut usize| {
        let zeros = (l - *remaining).max(0) as usize;
        let n = (*remaining).min(l).max(0) as usize;
        chunks.push((zeros, &digits[*end - n..*end]));
        *end -= n;
        *remaining -= n as i64;
    };
    if let Some((size, _)) = group {
        loop {
            let l = (size as i64).min(remaining.max(min_width).max(1));
            take(l, &mut remaining, &mut end);
            min_width -= l;
            if remaining <= 0 && min_width <= 0 {
                done = true;
                break;
            }
            min_width -= 1;
        }
    }
    if !done {
        let l = remaining.max(min_width).max(1);
        take(l, &mut remaining, &mut end);
    }
    let total: usize = chunks.iter().map(|(z, d)| z + d.len() + 1).sum();
    let mut out = String::new();
    reserve(&mut out, total)?;
    for (i, (zeros, part)) in chunks.iter().rev().enumerate() {
        if i > 0 {
            if let Some((_, sep)) = group {
                out.push(sep);
            }
        }
        out.extend(std::iter::repeat_n('0', *zeros));
        out.push_str(part);
    }
    Ok(out)
}

/// The separator and group size of a spec for type `ty`.
fn grouping_of(spec: &FormatSpec, ty: char) -> Option<(usize, char)> {
    match spec.grouping? {
        Grouping::Comma => Some((3, ',')),
        Grouping::Underscore => Some((
            if matches!(ty, 'b' | 'o' | 'x' | 'X') {
                4
            } else {
                3
            },
            '_',
        )),
    }
}

/// Assembles sign, prefix, grouped digits and remainder with the spec's padding (CPython's
/// calc_number_widths and fill_number).
fn render(
    parts: &Parts,
    spec: &FormatSpec,
    group: Option<(usize, char)>,
) -> Result<String, FormatError> {
    let (fill, align) = spec.fill_align(Align::Right);
    let width = spec.width.unwrap_or(0) as i64;
    let sign = sign_char(parts.negative, spec.sign);
    let non_digit = i64::from(sign.is_some())
        + parts.prefix.len() as i64
        + parts.remainder.chars().count() as i64;
    let min_width = if fill == '0' && align == Align::AfterSign {
        width - non_digit
    } else {
        0
    };
    // Without a separator the digits are only left-padded with zeros: no
    // intermediate string.
    let (grouped, zeros) = if parts.digits.is_empty() {
        (std::borrow::Cow::Borrowed(""), 0)
    } else if group.is_none() {
        let zeros = (min_width.max(1) - parts.digits.len() as i64).max(0) as usize;
        (std::borrow::Cow::Borrowed(parts.digits), zeros)
    } else {
        (std::borrow::Cow::Owned(group_digits(parts.digits, group, min_width)?), 0)
    };
    let total = non_digit + (grouped.len() + zeros) as i64;
    let padding = (width - total).max(0) as usize;
    let (left, middle, right) = match align {
        Align::Left => (0, 0, padding),
        Align::Right => (padding, 0, 0),
        Align::Center => (padding / 2, 0, padding - padding / 2),
        Align::AfterSign => (0, padding, 0),
    };
    let mut out = String::new();
    reserve(
        &mut out,
        padding
            .saturating_mul(fill.len_utf8())
            .saturating_add(total as usize + parts.remainder.len()),
    )?;
    out.extend(std::iter::repeat_n(fill, left));
    out.extend(sign);
    out.push_str(parts.prefix);
    out.extend(std::iter::repeat_n(fill, middle));
    out.extend(std::iter::repeat_n('0', zeros));
    out.push_str(&grouped);
    out.push_str(parts.remainder);
    out.extend(std::iter::repeat_n(fill, right));
    Ok(out)
}

/// An int as a float, correctly rounded (half to even) as CPython's PyLong_AsDouble; an
/// OverflowError "int too large to convert to float" beyond the float range.
pub(super) fn bigint_to_f64(value: &BigInt) -> Result<f64, FormatError> {
    let magnitude = value.magnitude();
    let bits = magnitude.bits();
    let result = if bits <= 64 {
        magnitude.to_u64().map_or(f64::INFINITY, |v| v as f64)
    } else {
        let shift = bits - 64;
        let top = (magnitude >> shift).to_u64().unwrap_or(u64::MAX);
        // A sticky bit below the 53 kept bits makes the one rounding of `top as f64` correct.
        let sticky = magnitude.trailing_zeros().is_some_and(|tz| tz < shift);
        let top = (top | u64::from(sticky)) as f64;
        if shift > 1023 {
            f64::INFINITY
        } else {
            top * f64::from_bits((1023 + shift) << 52)
        }
    };
    if result.is_infinite() {
        return Err(FormatError::new(
            ErrorKind::OverflowError,
            "int too large to convert to float",
        ));
    }
    Ok(if value.sign() == BigSign::Minus {
        -result
    } else {
        result
    })
}

/// An integer to format: its sign and a way to get its magnitude's digits in a base.
enum IntValue<'a> {
    Big(&'a BigInt),
    Small(i64),
}

impl IntValue<'_> {
    fn negative(&self) -> bool {
        match self {
            IntValue::Big(v) => v.sign() == BigSign::Minus,
            IntValue::Small(v) => *v < 0,
        }
    }
    fn digits(&self, radix: u32) -> String {
        match self {
            IntValue::Big(v) => v.magnitude().to_str_radix(radix),
            IntValue::Small(v) => {
                let m = v.unsigned_abs();
                match radix {
                    2 => format!("{m:b}"),
                    8 => format!("{m:o}"),
                    16 => format!("{m:x}"),
                    _ => m.to_string(),
                }
            }
        }
    }
    fn to_f64(&self) -> Result<f64, FormatError> {
        match self {
            IntValue::Big(v) => bigint_to_f64(v),
            IntValue::Small(v) => Ok(*v as f64),
        }
    }
    fn to_i64(&self) -> Option<i64> {
        match self {
            IntValue::Big(v) => v.to_i64(),
            IntValue::Small(v) => Some(*v),
        }
    }
}

/// `format(int, spec)` for a spec that is not empty (an empty spec is `str(x)`, which differs for
/// bool). Decimal output is not checked against `sys.int_max_str_digits`: the caller does.
pub fn format_int(value: &BigInt, spec: &FormatSpec) -> Result<String, FormatError> {
    format_int_value(IntValue::Big(value), spec)
}

/// [`format_int`] for a machine integer.
pub fn format_i64(value: i64, spec: &FormatSpec) -> Result<String, FormatError> {
    format_int_value(IntValue::Small(value), spec)
}

fn format_int_value(value: IntValue, spec: &FormatSpec) -> Result<String, FormatError> {
    let ty = spec.ty.unwrap_or('d');
    spec.check_grouping(Some(ty))?;
    match ty {
        'b' | 'c' | 'd' | 'o' | 'x' | 'X' | 'n' => {}
        'e' | 'E' | 'f' | 'F' | 'g' | 'G' | '%' => return format_float(value.to_f64()?, spec),
        _ => return Err(unknown_code(ty, "int")),
    }
    if spec.precision.is_some() {
        return Err(FormatError::value(
            "Precision not allowed in integer format specifier",
        ));
    }
    if spec.no_neg_0 {
        return Err(FormatError::value(
            "Negative zero coercion (z) not allowed in integer format specifier",
        ));
    }
    if ty == 'c' {
        check_char_spec(spec)?;
        let code = value.to_i64().ok_or_else(|| {
            FormatError::new(
                ErrorKind::OverflowError,
                "Python int too large to convert to C long",
            )
        })?;
        let layout = char_layout(code, spec)?;
        let c = char_from_code(code)?;
        let mut out = String::new();
        reserve(
            &mut out,
            (layout.left + layout.right)
                .saturating_mul(layout.fill.len_utf8())
                .saturating_add(4),
        )?;
        out.extend(std::iter::repeat_n(layout.fill, layout.left));
        out.push(c);
        out.extend(std::iter::repeat_n(layout.fill, layout.right));
        return Ok(out);
    }
    let radix = match ty {
        'b' => 2,
        'o' => 8,
        'x' | 'X' => 16,
        _ => 10,
    };
    let mut digits = value.digits(radix);
    if ty == 'X' {
        digits.make_ascii_uppercase();
    }
    let prefix = match (spec.alternate, ty) {
        (true, 'b') => "0b",
        (true, 'o') => "0o",
        (true, 'x') => "0x",
        (true, 'X') => "0X",
        _ => "",
    };
    let parts = Parts {
        negative: value.negative(),
        prefix,
        digits: &digits,
        remainder: "",
    };
    render(&parts, spec, grouping_of(spec, ty))
}

/// The layout of `format(code, spec)` with type 'c' (after the checks [`format_int`] makes before
/// it: grouping, precision, 'z'): the character (`keep` is 1) and its padding, with CPython's errors.
/// [`format_int`] refuses lone surrogates, which a Rust `char` cannot hold: callers storing them
/// build the result from this layout.
pub fn char_layout(code: i64, spec: &FormatSpec) -> Result<StrLayout, FormatError> {
    check_char_spec(spec)?;
    if !(0..=0x10ffff).contains(&code) {
        return Err(FormatError::new(
            ErrorKind::OverflowError,
            "%c arg not in range(0x110000)",
        ));
    }
    let (fill, align) = spec.fill_align(Align::Right);
    let padding = spec.width.unwrap_or(0).saturating_sub(1);
    let (left, right) = match align {
        Align::Left => (0, padding),
        Align::Center => (padding / 2, padding - padding / 2),
        Align::Right | Align::AfterSign => (padding, 0),
    };
    Ok(StrLayout {
        keep: 1,
        left,
        right,
        fill,
    })
}

/// The options 'c' refuses; checked before the int is converted to a C long.
fn check_char_spec(spec: &FormatSpec) -> Result<(), FormatError> {
    if spec.sign.is_some() {
        return Err(FormatError::value(
            "Sign not allowed with integer format specifier 'c'",
        ));
    }
    if spec.alternate {
        return Err(FormatError::value(
            "Alternate form (#) not allowed with integer format specifier 'c'",
        ));
    }
    Ok(())
}

/// The character of a `%c`/`'c'` code, with CPython's range error. Lone surrogates cannot be a
/// Rust `char`: they are refused with a ValueError (CPython produces them).
pub(super) fn char_from_code(code: i64) -> Result<char, FormatError> {
    if !(0..=0x10ffff).contains(&code) {
        return Err(FormatError::new(
            ErrorKind::OverflowError,
            "%c arg not in range(0x110000)",
        ));
    }
    // Callers that store lone surrogates handle them before (see `char_layout`).
    char::from_u32(code as u32)
        .ok_or_else(|| FormatError::value("lone surrogates cannot be formatted into a Rust string"))
}

/// Splits a [`float_to_string`] result into sign, integer digits and the rest.
fn split_number(s: &str) -> (bool, &str, &str) {
    let (negative, s) = match s.strip_prefix('-') {
        Some(rest) => (true, rest),
        None => (false, s),
    };
    let n = s.bytes().take_while(u8::is_ascii_digit).count();
    (negative, &s[..n], &s[n..])
}

/// The conversion, precision and flags of a float or complex spec; `add_dot_0` for float's
/// missing type (which acts like str()), not complex's.
fn float_kind(
    spec: &FormatSpec,
    add_dot_0: bool,
) -> Result<(char, usize, FloatFlags), FormatError> {
    let mut flags = FloatFlags {
        alternate: spec.alternate,
        no_neg_0: spec.no_neg_0,
        ..FloatFlags::default()
    };
    let (mut kind, default_precision) = match spec.ty {
        None => {
            flags.add_dot_0 = add_dot_0;
            ('r', 0)
        }
        Some('n') => ('g', 6),
        Some('%') => ('f', 6),
        Some(c) => (c, 6),
    };
    let precision = match spec.precision {
        Some(p) if p > i32::MAX as usize => return Err(FormatError::value("precision too big")),
        Some(p) => {
            if kind == 'r' {
                kind = 'g';
            }
            p
        }
        None => default_precision,
    };
    Ok((kind, precision, flags))
}

/// `format(float, spec)`: types e E f F g G n % and none (str-like: repr when no precision,
/// else 'g' keeping a ".0"); `n` uses the C locale (no grouping).
pub fn format_float(value: f64, spec: &FormatSpec) -> Result<String, FormatError> {
    // A NUL type character is CPython's "no type" marker (int and str refuse it).
    let normalized;
    let spec = if spec.ty == Some('\0') {
        normalized = FormatSpec {
            ty: None,
            ..spec.clone()
        };
        &normalized
    } else {
        spec
    };
    spec.check_grouping(spec.ty)?;
    match spec.ty {
        None | Some('e' | 'E' | 'f' | 'F' | 'g' | 'G' | 'n' | '%') => {}
        Some(c) => return Err(unknown_code(c, "float")),
    }
    let (kind, precision, flags) = float_kind(spec, true)?;
    let percent = spec.ty == Some('%');
    let value = if percent { value * 100.0 } else { value };
    let mut text = float_to_string(value, kind, precision, flags);
    if percent {
        text.push('%');
    }
    let (negative, digits, remainder) = split_number(&text);
    let parts = Parts {
        negative,
        prefix: "",
        digits,
        remainder,
    };
    render(&parts, spec, grouping_of(spec, 'f'))
}

/// `format(complex, spec)`: no '=' alignment nor zero padding; with no type, str()-like:
/// parentheses unless the real part is +0 (then left out).
pub fn format_complex(re: f64, im: f64, spec: &FormatSpec) -> Result<String, FormatError> {
    // A NUL type character is CPython's "no type" marker (int and str refuse it).
    let normalized;
    let spec = if spec.ty == Some('\0') {
        normalized = FormatSpec {
            ty: None,
            ..spec.clone()
        };
        &normalized
    } else {
        spec
    };
    spec.check_grouping(spec.ty)?;
    match spec.ty {
        None | Some('e' | 'E' | 'f' | 'F' | 'g' | 'G' | 'n') => {}
        Some(c) => return Err(unknown_code(c, "complex")),
    }
    let (fill, align) = spec.fill_align(Align::Right);
    if fill == '0' {
        return Err(FormatError::value(
            "Zero padding is not allowed in complex format specifier",
        ));
    }
    if align == Align::AfterSign {
        return Err(FormatError::value(
            "'=' alignment flag is not allowed in complex format specifier",
        ));
    }
    let (kind, precision, flags) = float_kind(spec, false)?;
    let (skip_re, parens) = if spec.ty.is_none() {
        let skip = re == 0.0 && re.is_sign_positive();
        (skip, !skip)
    } else {
        (false, false)
    };
    let group = grouping_of(spec, 'f');
    // Each part is rendered unpadded; the padding applies to the whole.
    let part_spec = FormatSpec {
        fill: None,
        align: Some(Align::Left),
        width: None,
        zero_pad: false,
        ..spec.clone()
    };
    let re_text = float_to_string(re, kind, precision, flags);
    let im_text = float_to_string(im, kind, precision, flags);
    let mut body = String::new();
    if parens {
        body.push('(');
    }
    if !skip_re {
        let (negative, digits, remainder) = split_number(&re_text);
        body.push_str(&render(
            &Parts {
                negative,
                prefix: "",
                digits,
                remainder,
            },
            &part_spec,
            group,
        )?);
    }
    let im_spec = if skip_re {
        part_spec
    } else {
        FormatSpec {
            sign: Some(Sign::Plus),
            ..part_spec
        }
    };
    let (negative, digits, remainder) = split_number(&im_text);
    body.push_str(&render(
        &Parts {
            negative,
            prefix: "",
            digits,
            remainder,
        },
        &im_spec,
        group,
    )?);
    body.push('j');
    if parens {
        body.push(')');
    }
    let len = body.chars().count();
    super::spec::pad(&body, len, spec.width, fill, align)
}
