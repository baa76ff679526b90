//! Constant values in the AST (`ast.Constant.value`) and their Python `repr`,
//! which `ast.dump` prints.

use crate::wtf8::Wtf8Buf;
use num_bigint::BigInt;

#[derive(Clone, Debug, PartialEq)]
pub enum Constant {
    None,
    Bool(bool),
    Ellipsis,
    /// An int literal that fits a machine word.
    Int(i64),
    /// An int literal of any size.
    BigInt(BigInt),
    Float(f64),
    /// Imaginary literals (`2j`) have real part 0.0; constant folding may make others.
    Complex { real: f64, imag: f64 },
    Str(Wtf8Buf),
    Bytes(Vec<u8>),
    /// Made by constant folding, never by the parser.
    Tuple(Vec<Constant>),
}

impl Constant {
    /// Python's `repr` of the value.
    pub fn repr(&self) -> String {
        let mut out = String::new();
        self.repr_into(&mut out);
        out
    }

    pub fn repr_into(&self, out: &mut String) {
        match self {
            Constant::None => out.push_str("None"),
            Constant::Bool(true) => out.push_str("True"),
            Constant::Bool(false) => out.push_str("False"),
            Constant::Ellipsis => out.push_str("Ellipsis"),
            Constant::Int(i) => out.push_str(&i.to_string()),
            Constant::BigInt(i) => out.push_str(&i.to_string()),
            Constant::Float(f) => out.push_str(&crate::repr::float_repr(*f)),
            Constant::Complex { real, imag } => out.push_str(&crate::repr::complex_repr(*real, *imag)),
            Constant::Str(s) => out.push_str(&repr_wtf8(s)),
            Constant::Bytes(b) => out.push_str(&crate::repr::bytes_repr(b)),
            Constant::Tuple(items) => {
                out.push('(');
                for (i, item) in items.iter().enumerate() {
                    if i > 0 {
                        out.push_str(", ");
                    }
                    item.repr_into(out);
                }
                if items.len() == 1 {
                    out.push(',');
                }
                out.push(')');
            }
        }
    }
}

/// `repr()` of a Python str.
pub fn repr_wtf8(s: &Wtf8Buf) -> String {
    crate::repr::str_repr(s)
}

pub(crate) fn repr_str_into(s: &str, out: &mut String) {
    out.push_str(&crate::repr::str_repr_str(s));
}
