//! The PEP 393 string buffer and the algorithms of str methods (CPython's Objects/stringlib and unicodectype.c), Unicode 14.0.0 tables, codecs.
