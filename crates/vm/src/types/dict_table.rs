//! The compact, insertion-ordered hash table behind dict (CPython's dictobject.c / dict-common.h).
