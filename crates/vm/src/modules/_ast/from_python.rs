//! `_ast` objects back into our syntax tree, for `compile(tree, filename,
//! mode)`: CPython's obj2ast (the TypeErrors for missing fields and wrong
//! types), then its validator (validate.rs), then our compiler.

use super::nodes::*;
use super::{State, RED_ZONE, STACK_SEGMENT};
use crate::object::protocol;
use crate::object::value::Value;
use crate::runtime::errors::{PyErr, PyResult};
use crate::runtime::thread::ThreadState;
use crate::types::{bool_, bytes, int, none, str as pystr, tuple};
use syntax::ast::*;

pub(super) struct FromCtx<'a> {
    ts: &'a ThreadState,
    state: State,
    depth: usize,
    /// Nesting allowed: what remains of the recursion limit (CPython
    /// counts each node as a recursive call).
    max_depth: usize,
}

pub(super) trait FromPy: Sized {
    /// The value for `obj`; None when `obj` is None and the type accepts
    /// that (CPython's NULL, refused later where a value is required).
    fn from_py(c: &mut FromCtx, obj: &Value) -> PyResult<Option<Self>>;
}

impl FromCtx<'_> {
    fn isinstance(&mut self, obj: &Value, idx: usize) -> PyResult<bool> {
        protocol::isinstance(self.ts, obj, &self.state.classes[idx])
    }

    fn expected_some_sort_of(&mut self, what: &str, obj: &Value) -> PyErr {
        match protocol::repr_string(self.ts, obj) {
            Ok(r) => PyErr::type_error(format!("expected some sort of {what}, but got {r}")),
            Err(e) => e,
        }
    }

    fn enter(&mut self, name: &str) -> PyResult<()> {
        self.depth += 1;
        if self.depth > self.max_depth {
            return Err(PyErr::recursion_error(format!("maximum recursion depth exceeded while traversing '{name}' node")));
        }
        Ok(())
    }

    fn leave(&mut self) {
        self.depth -= 1;
    }

    fn attr(&mut self, obj: &Value, field: &str) -> PyResult<Option<Value>> {
        protocol::lookup_attr(self.ts, obj, &pystr::intern(field))
    }

    fn missing(field: &str, owner: &str) -> PyErr {
        PyErr::type_error(format!("required field \"{field}\" missing from {owner}"))
    }

    /// A required field: missing is a TypeError, None a ValueError.
    fn req<T: FromPy>(&mut self, obj: &Value, field: &str, owner: &str) -> PyResult<T> {
        let v = self.attr(obj, field)?.ok_or_else(|| Self::missing(field, owner))?;
        T::from_py(self, &v)?.ok_or_else(|| PyErr::value_error(format!("field '{field}' is required for {owner}")))
    }

    /// An optional field: missing or None give None.
    fn opt<T: FromPy>(&mut self, obj: &Value, field: &str, _owner: &str) -> PyResult<Option<T>> {
        match self.attr(obj, field)? {
            Some(v) if !none::is_none(&v) => T::from_py(self, &v),
            _ => Ok(None),
        }
    }

    fn list_field(&mut self, obj: &Value, field: &str, owner: &str) -> PyResult<Vec<Value>> {
        let v = self.attr(obj, field)?.ok_or_else(|| Self::missing(field, owner))?;
        match v.downcast::<crate::types::list::PyList>() {
            Some(l) => Ok(l.snapshot()),
            None => Err(PyErr::type_error(format!(
                "{owner} field \"{field}\" must be a list, not a {}",
                v.type_of().name()
            ))),
        }
    }

    /// A sequence field, which must be a list of values that are not None.
    fn seq<T: FromPy + NullMessage>(&mut self, obj: &Value, field: &str, owner: &str) -> PyResult<Vec<T>> {
        let items = self.list_field(obj, field, owner)?;
        let mut out = Vec::with_capacity(items.len());
        for item in &items {
            match T::from_py(self, item)? {
                Some(x) => out.push(x),
                None => return Err(PyErr::value_error(T::NULL_MESSAGE)),
            }
        }
        Ok(out)
    }

    /// A sequence field whose items may be None (`Dict.keys`, `kw_defaults`).
    fn seq_opt<T: FromPy>(&mut self, obj: &Value, field: &str, owner: &str) -> PyResult<Vec<Option<T>>> {
        let items = self.list_field(obj, field, owner)?;
        items.iter().map(|item| T::from_py(self, item)).collect()
    }

    /// `string` fields (type comments, Constant.kind, TypeIgnore.tag).
    fn string(&mut self, v: &Value) -> PyResult<Option<String>> {
        if none::is_none(v) {
            return Ok(None);
        }
        if v.is_exact(&pystr::STR_TYPE) {
            return Ok(Some(pystr::as_rust_str(v).into_owned()));
        }
        if v.is_exact(&bytes::BYTES_TYPE) {
            return Ok(bytes::try_bytes_data(v).map(|b| String::from_utf8_lossy(&b).into_owned()));
        }
        Err(PyErr::type_error("AST string must be of type str"))
    }

    fn opt_string(&mut self, obj: &Value, field: &str, _owner: &str) -> PyResult<Option<String>> {
        match self.attr(obj, field)? {
            Some(v) => self.string(&v),
            None => Ok(None),
        }
    }

    fn req_string(&mut self, obj: &Value, field: &str, owner: &str) -> PyResult<String> {
        let v = self.attr(obj, field)?.ok_or_else(|| Self::missing(field, owner))?;
        self.string(&v)?.ok_or_else(|| PyErr::value_error(format!("field '{field}' is required for {owner}")))
    }

    /// The location attributes; the end defaults to the start.
    fn loc(&mut self, obj: &Value, owner: &str) -> PyResult<Loc> {
        let lineno: i64 = self.req(obj, "lineno", owner)?;
        let col_offset: i64 = self.req(obj, "col_offset", owner)?;
        let end_lineno: i64 = self.opt(obj, "end_lineno", owner)?.unwrap_or(lineno);
        let end_col_offset: i64 = self.opt(obj, "end_col_offset", owner)?.unwrap_or(col_offset);
        super::validate::check_positions(lineno, col_offset, end_lineno, end_col_offset)?;
        let clamp = |v: i64| u32::try_from(v).unwrap_or(0);
        Ok(Loc { lineno: clamp(lineno), col_offset: clamp(col_offset), end_lineno: clamp(end_lineno), end_col_offset: clamp(end_col_offset) })
    }
}

/// The ValueError for None in a list that may not hold it.
pub(super) trait NullMessage {
    const NULL_MESSAGE: &'static str = "None disallowed in list";
}
impl NullMessage for Expr {
    const NULL_MESSAGE: &'static str = "None disallowed in expression list";
}
impl NullMessage for Stmt {
    const NULL_MESSAGE: &'static str = "None disallowed in statement list";
}
impl NullMessage for Pattern {
    const NULL_MESSAGE: &'static str = "None disallowed in pattern list";
}
impl NullMessage for ExceptHandler {}
impl NullMessage for TypeIgnore {}
impl NullMessage for Comprehension {}
impl NullMessage for Arg {}
impl NullMessage for Keyword {}
impl NullMessage for Alias {}
impl NullMessage for WithItem {}
impl NullMessage for MatchCase {}
impl NullMessage for CmpOp {}
impl NullMessage for String {
    const NULL_MESSAGE: &'static str = "None disallowed in identifier list";
}

/// `identifier` values: exact str, or None.
impl FromPy for String {
    fn from_py(_c: &mut FromCtx, obj: &Value) -> PyResult<Option<Self>> {
        if none::is_none(obj) {
            return Ok(None);
        }
        if !obj.is_exact(&pystr::STR_TYPE) {
            return Err(PyErr::type_error("AST identifier must be of type str"));
        }
        Ok(Some(pystr::as_rust_str(obj).into_owned()))
    }
}

/// `int` values: any int, in C int range.
impl FromPy for i64 {
    fn from_py(c: &mut FromCtx, obj: &Value) -> PyResult<Option<Self>> {
        if !int::is_int(obj) {
            let r = protocol::repr_string(c.ts, obj)?;
            return Err(PyErr::value_error(format!("invalid integer value: {r}")));
        }
        match int::to_isize(obj).and_then(|n| i32::try_from(n).ok()) {
            Some(n) => Ok(Some(n as i64)),
            None => Err(PyErr::overflow_error("Python int too large to convert to C int")),
        }
    }
}

impl FromPy for Constant {
    fn from_py(_c: &mut FromCtx, obj: &Value) -> PyResult<Option<Self>> {
        match constant(obj) {
            Ok(k) => Ok(Some(k)),
            Err(bad) => Err(PyErr::type_error(format!("got an invalid type in Constant: {}", bad.type_of().name()))),
        }
    }
}

/// The constant for a value a Constant node may hold (CPython's
/// validate_constant), or the first value it may not hold.
fn constant(v: &Value) -> Result<Constant, Value> {
    use crate::types::{complex, float};
    if none::is_none(v) {
        return Ok(Constant::None);
    }
    if v.is(&none::ellipsis()) {
        return Ok(Constant::Ellipsis);
    }
    if let Some(b) = bool_::as_bool(v) {
        return Ok(Constant::Bool(b));
    }
    if v.is_exact(&int::INT_TYPE) {
        return int::as_int(v).map(|i| match i {
            int::IntRef::Small(n) => Constant::Int(n),
            int::IntRef::Big(b) => match i64::try_from(b) {
                Ok(n) => Constant::Int(n),
                Err(_) => Constant::BigInt(b.clone()),
            },
        }).ok_or_else(|| v.clone());
    }
    if v.is_exact(&float::FLOAT_TYPE) {
        return v.downcast::<float::PyFloat>().map(|f| Constant::Float(f.value)).ok_or_else(|| v.clone());
    }
    if v.is_exact(&complex::COMPLEX_TYPE) {
        return v.downcast::<complex::PyComplex>().map(|z| Constant::Complex { real: z.re, imag: z.im }).ok_or_else(|| v.clone());
    }
    if v.is_exact(&pystr::STR_TYPE) {
        return pystr::as_pystr(v).map(|s| Constant::Str(s.data.to_wtf8())).ok_or_else(|| v.clone());
    }
    if v.is_exact(&bytes::BYTES_TYPE) {
        return bytes::try_bytes_data(v).map(Constant::Bytes).ok_or_else(|| v.clone());
    }
    if v.is_exact(&tuple::TUPLE_TYPE) {
        let mut items = Vec::new();
        for x in tuple::tuple_items(v) {
            match constant(x) {
                Ok(k) => items.push(k),
                Err(bad) => return Err(bad),
            }
        }
        return Ok(Constant::Tuple(items));
    }
    Err(v.clone())
}

include!("from_python_gen.rs");

/// `compile(tree, filename, mode)` for an `_ast` object: convert, validate
/// and compile it (`flags` carries the CO_FUTURE_* flags in force).
pub fn compile_object(ts: &ThreadState, obj: &Value, filename: &str, mode: &str, flags: i64, optimize: isize) -> PyResult<Value> {
    let remaining = ts.interp().recursion_limit.get().saturating_sub(ts.recursion_depth.get());
    let mut c = FromCtx { ts, state: State::get(ts)?, depth: 0, max_depth: remaining as usize };
    let (want, want_name) = match mode {
        "exec" => (K_MODULE, "Module"),
        "eval" => (K_EXPRESSION, "Expression"),
        "single" => (K_INTERACTIVE, "Interactive"),
        _ => (K_FUNCTION_TYPE, "FunctionType"),
    };
    if !c.isinstance(obj, want)? {
        return Err(PyErr::type_error(format!("expected {want_name} node, got {}", obj.type_of().name())));
    }
    let tree = Mod::from_py(&mut c, obj)?.ok_or_else(|| PyErr::type_error("expected some sort of mod, but got None"))?;
    let r = compile_tree(ts, &tree, filename, flags, optimize);
    super::drop_deep(tree);
    r
}

/// Validate and compile a converted tree.
fn compile_tree(ts: &ThreadState, tree: &Mod, filename: &str, flags: i64, optimize: isize) -> PyResult<Value> {
    stacker::maybe_grow(RED_ZONE, super::DROP_STACK, || super::validate::validate_mod(tree))?;
    let cmode = match tree {
        Mod::Module { .. } => syntax::Mode::Module,
        Mod::Expression { .. } => syntax::Mode::Expression,
        Mod::Interactive { .. } => syntax::Mode::Interactive,
        Mod::FunctionType { .. } => return Err(PyErr::value_error("compile() mode 'func_type' requires flag PyCF_ONLY_AST")),
    };
    let optimize = if optimize < 0 { ts.interp().config.optimize } else { optimize as u32 };
    let future = (flags & 0x1fe_0000) as u32;
    let (code, warnings) = compiler::compile_with_warnings(tree, filename, cmode, optimize, future).map_err(|e| match e {
        compiler::CompileError::Syntax(s) => crate::runtime::pythonrun::syntax_error(s),
        compiler::CompileError::Recursion => PyErr::recursion_error("maximum recursion depth exceeded during compilation"),
        compiler::CompileError::Runtime(msg) => PyErr::runtime_error(msg),
    })?;
    for w in warnings {
        crate::runtime::warnings::warn_explicit(ts, &crate::types::exceptions::SYNTAX_WARNING, &w.message, filename, w.lineno)?;
    }
    crate::types::code::new_code(code)
}
