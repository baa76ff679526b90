//! The pieces `dump.rs` (generated) is built from: CPython's `ast.dump`
//! formats a node as `Name(field=value, ..., lineno=.., ...)`, omits optional
//! fields that are None, and prints leaves with Python's `repr`.

use crate::ast::{Constant, Loc};

pub trait Dump {
    fn dump(&self, out: &mut String);
}

impl<T: Dump + ?Sized> Dump for Box<T> {
    fn dump(&self, out: &mut String) {
        (**self).dump(out)
    }
}

impl<T: Dump> Dump for Option<T> {
    /// Only reached for list elements (`kw_defaults`, `Dict.keys`).
    fn dump(&self, out: &mut String) {
        match self {
            Some(v) => v.dump(out),
            None => out.push_str("None"),
        }
    }
}

impl<T: Dump> Dump for Vec<T> {
    fn dump(&self, out: &mut String) {
        out.push('[');
        for (i, item) in self.iter().enumerate() {
            if i > 0 {
                out.push_str(", ");
            }
            item.dump(out);
        }
        out.push(']');
    }
}

impl Dump for String {
    fn dump(&self, out: &mut String) {
        crate::constant::repr_str_into(self, out);
    }
}

impl Dump for i64 {
    fn dump(&self, out: &mut String) {
        out.push_str(&self.to_string());
    }
}

impl Dump for Constant {
    fn dump(&self, out: &mut String) {
        out.push_str(&self.repr());
    }
}

pub struct Fields<'a> {
    out: &'a mut String,
    first: bool,
}

impl<'a> Fields<'a> {
    pub fn new(out: &'a mut String, name: &str) -> Self {
        out.push_str(name);
        out.push('(');
        Fields { out, first: true }
    }

    fn sep(&mut self, name: &str) {
        if !self.first {
            self.out.push_str(", ");
        }
        self.first = false;
        self.out.push_str(name);
        self.out.push('=');
    }

    pub fn field<T: Dump + ?Sized>(&mut self, name: &str, value: &T) {
        self.sep(name);
        // Trees can be deep (long operator chains); grow the stack instead of overflowing.
        stacker::maybe_grow(32 * 1024, 1024 * 1024, || value.dump(self.out));
    }

    pub fn opt<T: Dump>(&mut self, name: &str, value: Option<&T>) {
        if let Some(v) = value {
            self.field(name, v);
        }
    }

    pub fn loc(&mut self, loc: &Loc) {
        for (name, v) in [
            ("lineno", loc.lineno),
            ("col_offset", loc.col_offset),
            ("end_lineno", loc.end_lineno),
            ("end_col_offset", loc.end_col_offset),
        ] {
            self.sep(name);
            self.out.push_str(&v.to_string());
        }
    }

    pub fn finish(self) {
        self.out.push(')');
    }
}
