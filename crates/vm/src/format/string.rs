//! `format(str, spec)` (CPython's format_string_internal).

use super::spec::{pad, unknown_code, Align, Sign};
use super::{FormatError, FormatSpec};

/// `format(s, spec)` for a str: precision truncates and width pads, both counted in code points.
pub fn format_str(s: &str, spec: &FormatSpec) -> Result<String, FormatError> {
    let ty = spec.ty.unwrap_or('s');
    spec.check_grouping(Some(ty))?;
    if ty != 's' {
        return Err(unknown_code(ty, "str"));
    }
    match spec.sign {
        Some(Sign::Space) => return Err(FormatError::value("Space not allowed in string format specifier")),
        Some(_) => return Err(FormatError::value("Sign not allowed in string format specifier")),
        None => {}
    }
    if spec.no_neg_0 {
        return Err(FormatError::value("Negative zero coercion (z) not allowed in string format specifier"));
    }
    if spec.alternate {
        return Err(FormatError::value("Alternate form (#) not allowed in string format specifier"));
    }
    let (fill, align) = spec.fill_align(Align::Left);
    if align == Align::AfterSign {
        return Err(FormatError::value("'=' alignment not allowed in string format specifier"));
    }
    let (body, len) = match spec.precision {
        Some(p) => match s.char_indices().nth(p) {
            Some((cut, _)) => (&s[..cut], p),
            None => (s, s.chars().count()),
        },
        None => (s, s.chars().count()),
    };
    pad(body, len, spec.width, fill, align)
}
