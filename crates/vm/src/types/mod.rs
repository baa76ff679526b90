//! Builtin types, one file each, plus the tables some of them share.

pub mod dict_table;
pub mod list_sort;
pub mod set_table;
