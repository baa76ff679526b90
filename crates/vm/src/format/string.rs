//! `format(str, spec)` (CPython's format_string_internal).

use super::spec::{reserve, unknown_code, Align, Sign};
use super::{FormatError, FormatSpec};

/// How `format(s, spec)` lays out a str, for callers holding text a Rust `str` cannot (lone
/// surrogates): keep the first `keep` code points, with `left` and `right` fill characters around.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct StrLayout {
    /// How many code points of the string are kept (the precision truncates).
    pub keep: usize,
    /// Fill characters before the text.
    pub left: usize,
    /// Fill characters after the text.
    pub right: usize,
    /// The fill character.
    pub fill: char,
}

/// The layout of `format(s, spec)` for a str of `len` code points, with CPython's errors.
pub fn str_layout(len: usize, spec: &FormatSpec) -> Result<StrLayout, FormatError> {
    let ty = spec.ty.unwrap_or('s');
    spec.check_grouping(Some(ty))?;
    if ty != 's' {
        return Err(unknown_code(ty, "str"));
    }
    match spec.sign {
        Some(Sign::Space) => {
            return Err(FormatError::value(
                "Space not allowed in string format specifier",
            ))
        }
        Some(_) => {
            return Err(FormatError::value(
                "Sign not allowed in string format specifier",
            ))
        }
        None => {}
    }
    if spec.no_neg_0 {
        return Err(FormatError::value(
            "Negative zero coercion (z) not allowed in string format specifier",
        ));
    }
    if spec.alternate {
        return Err(FormatError::value(
            "Alternate form (#) not allowed in string format specifier",
        ));
    }
    let (fill, align) = spec.fill_align(Align::Left);
    if align == Align::AfterSign {
        return Err(FormatError::value(
            "'=' alignment not allowed in string format specifier",
        ));
    }
    let keep = spec.precision.map_or(len, |p| p.min(len));
    let padding = spec.width.unwrap_or(0).saturating_sub(keep);
    let (left, right) = match align {
        Align::Left => (0, padding),
        Align::Center => (padding / 2, padding - padding / 2),
        _ => (padding, 0),
    };
    Ok(StrLayout {
        keep,
        left,
        right,
        fill,
    })
}

/// `format(s, spec)` for a str: precision truncates and width pads, both counted in code points.
pub fn format_str(s: &str, spec: &FormatSpec) -> Result<String, FormatError> {
    let layout = str_layout(s.chars().count(), spec)?;
    let body = match s.char_indices().nth(layout.keep) {
        Some((cut, _)) => &s[..cut],
        None => s,
    };
    let mut out = String::new();
    reserve(
        &mut out,
        (layout.left + layout.right)
            .saturating_mul(layout.fill.len_utf8())
            .saturating_add(body.len()),
    )?;
    out.extend(std::iter::repeat_n(layout.fill, layout.left));
    out.push_str(body);
    out.extend(std::iter::repeat_n(layout.fill, layout.right));
    Ok(out)
}
