//! Our syntax tree (crates/syntax/src/ast.rs) as `_ast` objects: what
//! `compile(source, filename, mode, PyCF_ONLY_AST)` and `ast.parse` return.
//! Every field is set, optional ones to None, then the location attributes,
//! in that order (CPython's ast2obj); contexts and operators are shared
//! singletons.

use super::nodes::*;
use super::{State, LOC_NAMES};
use crate::object::value::Value;
use crate::runtime::errors::{PyErr, PyResult};
use crate::runtime::thread::ThreadState;
use crate::types::{dict, int, list, none, str as pystr};
use syntax::ast::*;

/// Nesting depth beyond which conversion raises RecursionError (CPython
/// scales the recursion limit by 3 for the AST).
const MAX_DEPTH: usize = 3000;

pub(super) struct ToCtx<'a> {
    ts: &'a ThreadState,
    state: State,
    depth: usize,
}

impl ToCtx<'_> {
    /// A node of class `idx` with `vals` for its `_fields`, then its location.
    fn node(&mut self, idx: usize, vals: Vec<Value>, loc: Option<&Loc>) -> PyResult<Value> {
        let obj = Value::new_instance(&self.state.classes[idx], crate::types::object::PyBaseObject)?;
        let d = crate::object::protocol::instance_dict_or_create(&obj).ok_or_else(|| PyErr::system_error("AST node without __dict__"))?;
        for (name, v) in NODES[idx].fields.iter().zip(vals) {
            dict::dict_set_item(self.ts, &d, pystr::intern(name), v)?;
        }
        if let Some(loc) = loc {
            for (name, v) in LOC_NAMES.iter().zip([loc.lineno, loc.col_offset, loc.end_lineno, loc.end_col_offset]) {
                dict::dict_set_item(self.ts, &d, pystr::intern(name), int::from_i64(v as i64))?;
            }
        }
        Ok(obj)
    }

    fn singleton(&mut self, idx: usize) -> PyResult<Value> {
        Ok(self.state.singletons[idx].clone())
    }

    fn enter(&mut self) -> PyResult<()> {
        self.depth += 1;
        if self.depth > MAX_DEPTH {
            return Err(PyErr::recursion_error("maximum recursion depth exceeded during ast construction"));
        }
        Ok(())
    }

    fn leave(&mut self) {
        self.depth -= 1;
    }
}

pub(super) trait ToPy {
    fn to_py(&self, c: &mut ToCtx) -> PyResult<Value>;
}

impl<T: ToPy> ToPy for Box<T> {
    fn to_py(&self, c: &mut ToCtx) -> PyResult<Value> {
        (**self).to_py(c)
    }
}

impl<T: ToPy> ToPy for Option<T> {
    fn to_py(&self, c: &mut ToCtx) -> PyResult<Value> {
        match self {
            Some(v) => v.to_py(c),
            None => Ok(none::none()),
        }
    }
}

impl<T: ToPy> ToPy for Vec<T> {
    fn to_py(&self, c: &mut ToCtx) -> PyResult<Value> {
        let items = self.iter().map(|x| x.to_py(c)).collect::<PyResult<Vec<_>>>()?;
        list::new_list(items)
    }
}

impl ToPy for String {
    fn to_py(&self, _c: &mut ToCtx) -> PyResult<Value> {
        Ok(pystr::new_str(self))
    }
}

impl ToPy for i64 {
    fn to_py(&self, _c: &mut ToCtx) -> PyResult<Value> {
        Ok(int::from_i64(*self))
    }
}

impl ToPy for Constant {
    fn to_py(&self, _c: &mut ToCtx) -> PyResult<Value> {
        crate::types::code::constant(self)
    }
}

include!("to_python_gen.rs");

/// The `_ast` object for a parsed tree.
pub(super) fn mod_to_object(ts: &ThreadState, tree: &Mod) -> PyResult<Value> {
    let mut c = ToCtx { ts, state: State::get(ts)?, depth: 0 };
    tree.to_py(&mut c)
}

/// `compile(source, filename, mode, PyCF_ONLY_AST)`: parse `source` and
/// return the tree as `_ast` objects (`mode` is exec, eval or single).
pub fn parse_to_object(ts: &ThreadState, source: &[u8], filename: &str, mode: &str) -> PyResult<Value> {
    let m = match mode {
        "exec" => syntax::Mode::Module,
        "eval" => syntax::Mode::Expression,
        "single" => syntax::Mode::Interactive,
        _ => return Err(PyErr::value_error("compile() mode must be 'exec', 'eval', 'single' or 'func_type'")),
    };
    let (tree, warnings) = syntax::parse_bytes_with_warnings(source, filename, m);
    for w in warnings {
        crate::runtime::warnings::warn_explicit(ts, &crate::types::exceptions::SYNTAX_WARNING, &w.msg, filename, w.lineno)?;
    }
    let tree = tree.map_err(crate::runtime::pythonrun::syntax_error)?;
    mod_to_object(ts, &tree)
}
