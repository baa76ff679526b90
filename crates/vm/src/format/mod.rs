//! The format-spec mini-language shared by int, float, complex and str (CPython's Python/formatter_unicode.c).
