//! Python's `repr` for str, bytes, float and complex, as CPython 3.11 prints them.

use crate::wtf8::Wtf8Buf;

/// `repr(float)`: the shortest string that round-trips, in CPython's layout.
pub fn float_repr(f: f64) -> String {
    // Interim: refined by the literal work (exponent layout, inf/nan).
    format!("{:?}", f)
}

/// `repr(complex)`.
pub fn complex_repr(real: f64, imag: f64) -> String {
    format!("({}+{}j)", float_repr(real), float_repr(imag))
}

/// `repr(bytes)`.
pub fn bytes_repr(b: &[u8]) -> String {
    format!("b{:?}", String::from_utf8_lossy(b))
}

/// `repr(str)`.
pub fn str_repr(s: &Wtf8Buf) -> String {
    format!("{:?}", String::from_utf8_lossy(s.as_bytes()))
}
