//! Our syntax tree (crates/syntax/src/ast.rs) as `_ast` objects: what
//! `compile(source, filename, mode, PyCF_ONLY_AST)` and `ast.parse` return.
//! Every field is set, optional ones to None, then the location attributes,
//! in that order (CPython's ast2obj); contexts and operators are shared
//! singletons.

use super::nodes::*;
use super::{State, LOC_NAMES, RED_ZONE, STACK_SEGMENT};
use crate::object::value::Value;
use crate::runtime::errors::{PyErr, PyResult};
use crate::runtime::thread::ThreadState;
use crate::types::{dict, int, list, none, str as pystr};
use syntax::ast::*;

/// CPython allows 3 tree levels per level of the recursion limit.
const FRAME_SCALE: usize = 3;

pub(super) struct ToCtx<'a> {
    ts: &'a ThreadState,
    state: State,
    depth: usize,
    /// Nesting beyond which conversion raises RecursionError.
    max_depth: usize,
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
        if self.depth > self.max_depth {
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
    let remaining = ts.interp().recursion_limit.get().saturating_sub(ts.recursion_depth.get()) as usize;
    let mut c = ToCtx { ts, state: State::get(ts)?, depth: 0, max_depth: remaining * FRAME_SCALE };
    tree.to_py(&mut c)
}

/// `compile(source, filename, mode, PyCF_ONLY_AST)`: parse `source` and
/// return the tree as `_ast` objects (`mode` is exec, eval or single).
pub fn parse_to_object(ts: &ThreadState, source: &[u8], filename: &str, mode: &str) -> PyResult<Value> {
    let m = match mode {
        "exec" => syntax::Mode::Module,
        "eval" => syntax::Mode::Expression,
        "single" => syntax::Mode::Interactive,
        "func_type" => {
            let tree = parse_func_type(source, filename).map_err(crate::runtime::pythonrun::syntax_error)?;
            let r = mod_to_object(ts, &tree);
            super::drop_deep(tree);
            return r;
        }
        _ => return Err(PyErr::value_error("compile() mode must be 'exec', 'eval', 'single' or 'func_type'")),
    };
    let (tree, warnings) = syntax::parse_bytes_with_warnings(source, filename, m);
    for w in warnings {
        crate::runtime::warnings::warn_explicit(ts, &crate::types::exceptions::SYNTAX_WARNING, &w.msg, filename, w.lineno)?;
    }
    let tree = tree.map_err(crate::runtime::pythonrun::syntax_error)?;
    let r = mod_to_object(ts, &tree);
    super::drop_deep(tree);
    r
}

/// `func_type` mode (`(int, *str) -> bool`, the signature type comments
/// use). Our parser has no start rule for it, so the argument list and the
/// return type are parsed as expressions from copies of the source in which
/// the rest is blanked out: positions stay those of the original text.
fn parse_func_type(source: &[u8], filename: &str) -> Result<Mod, syntax::SyntaxError> {
    let text = String::from_utf8_lossy(source);
    let invalid = |lineno: u32, offset: u32| {
        let mut e = syntax::SyntaxError::new(syntax::SyntaxErrorKind::SyntaxError, "invalid syntax");
        e.filename = filename.to_string();
        e.lineno = lineno;
        e.offset = offset;
        e.end_lineno = lineno;
        e.end_offset = offset;
        e.text = text.split_inclusive('\n').nth(lineno.saturating_sub(1) as usize).map(str::to_string);
        e
    };
    let bytes = text.as_bytes();
    // Scan the top level: the closing parenthesis of the argument list, the
    // commas and stars directly inside it, and the arrow.
    let (mut depth, mut quote, mut close, mut arrow) = (0i32, None::<u8>, None, None);
    let (mut commas, mut stars) = (Vec::new(), Vec::new());
    let mut i = 0;
    while i < bytes.len() {
        let b = bytes[i];
        if let Some(q) = quote {
            if b == b'\\' {
                i += 1;
            } else if b == q {
                quote = None;
            }
        } else {
            match b {
                b'\'' | b'"' => quote = Some(b),
                b'#' => {
                    while i < bytes.len() && bytes[i] != b'\n' {
                        i += 1;
                    }
                    continue;
                }
                b'(' | b'[' | b'{' => depth += 1,
                b')' | b']' | b'}' => {
                    depth -= 1;
                    if depth == 0 && close.is_none() {
                        close = Some(i);
                    }
                }
                b',' if depth == 1 && close.is_none() => commas.push(i),
                b'*' if depth == 1 && close.is_none() => stars.push(i),
                b'-' if depth == 0 && bytes.get(i + 1) == Some(&b'>') && arrow.is_none() => arrow = Some(i),
                _ => {}
            }
        }
        i += 1;
    }
    let line_col = |at: usize| {
        let before = &text[..at];
        let line = before.matches('\n').count() as u32 + 1;
        let col = before.rsplit('\n').next().map_or(0, |l| l.chars().count()) as u32;
        (line, col)
    };
    if !text.starts_with('(') {
        let (l, c) = line_col(0);
        return Err(invalid(l, c + 1));
    }
    let (Some(close), Some(arrow)) = (close, arrow) else {
        return Err(invalid(1, 0));
    };
    if arrow < close || !text[close + 1..arrow].trim().is_empty() {
        let (l, c) = line_col(close + 1);
        return Err(invalid(l, c + 1));
    }
    let blank = |range: std::ops::Range<usize>, s: &mut Vec<u8>| {
        for b in &mut s[range] {
            if *b != b'\n' {
                *b = b' ';
            }
        }
    };
    // The argument list, stars removed (`*args` and `**kwargs` give their type).
    let mut left = bytes.to_vec();
    blank(close + 1..left.len(), &mut left);
    for &s in &stars {
        left[s] = b' ';
    }
    let argtypes = match syntax::parse_bytes(&left, filename, syntax::Mode::Expression)? {
        Mod::Expression { body } => {
            let inner_empty = text[1..close].trim().is_empty();
            let trailing_comma = commas.last().is_some_and(|&c| text[c + 1..close].trim().is_empty());
            if trailing_comma {
                let (l, c) = line_col(close);
                return Err(invalid(l, c + 1));
            }
            match body.kind {
                _ if inner_empty => Vec::new(),
                ExprKind::Tuple { elts, .. } if !commas.is_empty() => elts,
                _ => vec![*body],
            }
        }
        _ => Vec::new(),
    };
    // The return type, in parentheses so that its lines may start anywhere.
    let mut right = bytes.to_vec();
    blank(0..arrow + 2, &mut right);
    right[0] = b'(';
    right.extend_from_slice(b"\n)");
    let returns = match syntax::parse_bytes(&right, filename, syntax::Mode::Expression)? {
        Mod::Expression { body } => body,
        _ => return Err(invalid(1, 0)),
    };
    Ok(Mod::FunctionType { argtypes, returns })
}

#[cfg(test)]
mod tests {
    use super::*;

    fn names(es: &[Expr]) -> Vec<(String, u32)> {
        es.iter()
            .map(|e| match &e.kind {
                ExprKind::Name { id, .. } => (id.clone(), e.loc.col_offset),
                _ => (String::from("?"), e.loc.col_offset),
            })
            .collect()
    }

    #[test]
    fn func_type_signatures() {
        // Positions from python3: ast.parse(s, mode='func_type').
        let Ok(Mod::FunctionType { argtypes, returns }) = parse_func_type(b"(int, *str, **x) -> bool", "<t>") else {
            panic!("valid signature");
        };
        assert_eq!(names(&argtypes), vec![("int".into(), 1), ("str".into(), 7), ("x".into(), 14)]);
        assert_eq!(returns.loc.col_offset, 20);
        let Ok(Mod::FunctionType { argtypes, .. }) = parse_func_type(b"() -> None", "<t>") else {
            panic!("valid signature");
        };
        assert!(argtypes.is_empty());
        let Ok(Mod::FunctionType { argtypes, .. }) = parse_func_type(b"((a, b)) -> c", "<t>") else {
            panic!("valid signature");
        };
        assert!(matches!(argtypes[0].kind, ExprKind::Tuple { .. }));
        assert_eq!(parse_func_type(b"(int,) -> x", "<t>").err().map(|e| e.offset), Some(6));
        assert!(parse_func_type(b"x -> y", "<t>").is_err());
        assert!(parse_func_type(b"(a)", "<t>").is_err());
    }
}
