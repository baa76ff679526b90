//! The open-addressing hash table behind set and frozenset (CPython's setobject.c probing, so iteration order matches).
