//! The numeric functions of CPython's Modules/mathmodule.c.
