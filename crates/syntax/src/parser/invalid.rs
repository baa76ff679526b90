//! The `invalid_*` rules of the grammar: tried only in the second pass, they
//! recognise common mistakes and raise CPython's specific messages.

use super::Parser;

impl<'src> Parser<'src> {}
