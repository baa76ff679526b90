//! The PEP 393 string buffer and the algorithms of str methods (CPython's Objects/stringlib and unicodectype.c), Unicode 14.0.0 tables, codecs.
//!
//! - `buffer`: `StrData` (the storage: Latin-1/ASCII, UCS-2 or UCS-4, always the
//!   narrowest), `StrBuilder`, slicing, concatenation, repetition, comparison;
//! - `search`: find/count/replace/split/splitlines/partition/strip/startswith;
//! - `case`: upper/lower/casefold/title/capitalize/swapcase and the is* predicates;
//! - `text`: padding, expandtabs, `repr`/`ascii`, the decimal/space transform for int();
//! - `unicode`: character properties (unicodectype.c) over the generated `unicode_db`;
//! - `codecs`: utf-8(-sig), latin-1, ascii, utf-16, utf-32, unicode-escape and
//!   raw-unicode-escape, with the standard error handlers.

mod buffer;
mod case;
#[cfg(test)]
mod method_tests;
pub mod codecs;
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
