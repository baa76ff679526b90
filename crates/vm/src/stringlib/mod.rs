//! The PEP 393 string buffer and the algorithms of str methods (CPython's Objects/stringlib and unicodectype.c), Unicode 14.0.0 tables, codecs.
//!
//! - `buffer`: `StrData` (the storage: Latin-1/ASCII, UCS-2 or UCS-4, always the
//!   narrowest), `StrBuilder`, slicing, concatenation, repetition, join, comparison;
//! - `search`: find/index/count/replace/split/splitlines/partition/strip/startswith;
//! - `case`: upper/lower/casefold/title/capitalize/swapcase and the is* predicates;
//! - `text`: padding, expandtabs, translate, `repr`/`ascii`, the decimal/space
//!   transform int() and float() apply to str;
//! - `unicode`: character properties (unicodectype.c and unicodedata) over the
//!   generated `unicode_db`;
//! - `codecs`: utf-8(-sig), latin-1, ascii, utf-16, utf-32, unicode-escape,
//!   raw-unicode-escape and charmap, with the standard error handlers.
//!
//! Methods take and return `StrData` and plain Rust values; errors are `StrError` /
//! `codecs::CodecError` values for the caller to raise. Tables and expected test data
//! come from CPython 3.11 itself: `python3 crates/vm/gen/gen_unicode.py`,
//! `gen_stringlib_tests.py` and `gen_codec_tests.py` regenerate them.

mod buffer;
pub mod bytes;
mod case;
pub mod codecs;
#[cfg(test)]
mod method_tests;
mod search;
mod text;
pub mod unicode;
mod unicode_db;
#[cfg(test)]
mod unicode_checks;

pub use buffer::{CodePoints, Kind, StrBuilder, StrData, StrError};
pub use search::adjust_indices;
pub use text::Translation;
pub use unicode::{decimal_value, digit_value, numeric_value};
