//! `_ast`: the node classes of CPython 3.11's abstract syntax tree (the
//! standard library's `ast` builds on them), and the conversions behind
//! `compile(..., PyCF_ONLY_AST)` (our syntax tree to these objects,
//! to_python.rs) and `compile(ast_object, ...)` (back, from_python.rs).
//!
//! The classes are heap types, as CPython's: `ast.py` subclasses them, and
//! their instances keep their fields in a `__dict__`. The conversions find
//! the classes (and the context/operator singletons CPython's parser
//! shares between trees) in the module's `_state`, so replacing an
//! attribute of the module does not change what `compile` makes or accepts.

mod from_python;
mod validate;
mod nodes;
mod to_python;

use crate::object::protocol;
use crate::object::value::Value;
use crate::runtime::errors::{PyErr, PyResult};
use crate::runtime::thread::ThreadState;
use crate::types::descr::{MethodKind, PyMethodDescr};
use crate::types::{dict, int, none, str as pystr, tuple};

pub use from_python::compile_object;
pub use to_python::parse_to_object;

/// `PyCF_ONLY_AST`: compile() returns the syntax tree.
pub const PYCF_ONLY_AST: i64 = 0x400;
/// `PyCF_TYPE_COMMENTS`: keep `# type:` comments in the tree.
pub const PYCF_TYPE_COMMENTS: i64 = 0x1000;
/// `PyCF_ALLOW_TOP_LEVEL_AWAIT`: accept `await` outside functions.
pub const PYCF_ALLOW_TOP_LEVEL_AWAIT: i64 = 0x2000;

/// One class of `_ast`, as the generated table describes it.
pub(crate) struct NodeDef {
    /// Class name.
    name: &'static str,
    /// Index of the base class in `nodes::NODES` (`usize::MAX`: object).
    base: usize,
    /// `_fields` (also `__match_args__`).
    fields: &'static [&'static str],
    /// Optional fields and attributes: class attributes set to None.
    none_attrs: &'static [&'static str],
    /// `_attributes`, on the classes that define their own.
    attributes: Option<&'static [&'static str]>,
    /// `__doc__` (the ASDL signature).
    doc: Option<&'static str>,
}

/// Stack that must remain when converting a node (else a new segment is
/// allocated): unoptimized builds use several kilobytes per level.
const RED_ZONE: usize = 128 * 1024;
/// Size of each stack segment added for deep trees.
const STACK_SEGMENT: usize = 4 * 1024 * 1024;
/// Stack for dropping a tree of the deepest convertible depth (dropping recurses).
const DROP_STACK: usize = 3000 * 8 * 1024;

/// Drop a syntax tree, which may be deep, on a stack of its own.
fn drop_deep(tree: syntax::ast::Mod) {
    stacker::grow(DROP_STACK, move || drop(tree));
}

/// The location attributes of statements, expressions, ... in order.
const LOC_NAMES: [&str; 4] = ["lineno", "col_offset", "end_lineno", "end_col_offset"];

/// The module's classes (indexed as `nodes::NODES`) and, for the
/// operator and context classes, the instance the parser shares.
pub(crate) struct State {
    classes: Vec<Value>,
    singletons: Vec<Value>,
}

impl State {
    /// The state of the `_ast` module, importing it when needed.
    fn get(ts: &ThreadState) -> PyResult<State> {
        let modules = ts.interp().modules();
        let m = match dict::dict_get_str(&modules, &pystr::intern("_ast")) {
            Some(m) => m,
            None => crate::import::import_absolute(ts, "_ast")?,
        };
        let st = protocol::getattr_str(ts, &m, "_state")?;
        let bad = || PyErr::system_error("_ast module state is broken");
        let parts = tuple::try_tuple_items(&st).ok_or_else(bad)?;
        let (Some(classes), Some(singletons)) = (parts.first().and_then(|c| tuple::try_tuple_items(c)), parts.get(1).and_then(|c| tuple::try_tuple_items(c))) else {
            return Err(bad());
        };
        if classes.len() != nodes::NODES.len() || singletons.len() != nodes::NODES.len() {
            return Err(bad());
        }
        Ok(State { classes: classes.to_vec(), singletons: singletons.to_vec() })
    }
}

fn str_tuple(items: &[&str]) -> PyResult<Value> {
    tuple::new_tuple(items.iter().map(|s| pystr::intern(s)).collect())
}

/// Create the `_ast` module.
pub fn create(ts: &ThreadState) -> PyResult<Value> {
    let (m, d) = super::new_native_module(ts, "_ast", &[])?;
    let type_type = crate::types::typeobject::TYPE_TYPE.to_value();
    let mut classes: Vec<Value> = Vec::with_capacity(nodes::NODES.len());
    let mut singletons = Vec::with_capacity(nodes::NODES.len());
    for def in nodes::NODES.iter() {
        let base = match classes.get(def.base) {
            Some(b) => b.clone(),
            None => crate::types::object::OBJECT_TYPE.to_value(),
        };
        let ns = dict::new_dict();
        let set = |k: &str, v: Value| dict::dict_set_item(ts, &ns, pystr::intern(k), v);
        let fields = str_tuple(def.fields)?;
        set("_fields", fields.clone())?;
        set("__match_args__", fields)?;
        set("__module__", pystr::intern("ast"))?;
        set("__doc__", def.doc.map(pystr::new_str).unwrap_or_else(none::none))?;
        if let Some(attrs) = def.attributes {
            set("_attributes", str_tuple(attrs)?)?;
        }
        for n in def.none_attrs {
            set(n, none::none())?;
        }
        if def.base == usize::MAX {
            for (name, func) in [("__init__", ast_init as crate::object::typeobj::CallFn), ("__reduce__", ast_reduce)] {
                let descr = Value::new(PyMethodDescr { name, func, owner: &crate::types::object::OBJECT_TYPE, kind: MethodKind::Instance })?;
                set(name, descr)?;
            }
        }
        let bases = tuple::new_tuple(vec![base])?;
        let cls = protocol::call(ts, &type_type, &[pystr::intern(def.name), bases, ns], None)?;
        super::set_attr(ts, &d, def.name, cls.clone())?;
        // The concrete classes of the simple sums (Load, Add, ...) have no
        // fields: the parser shares one instance of each.
        let parent = nodes::NODES.get(def.base);
        let simple = parent.is_some_and(|p| is_simple_sum(p.name));
        singletons.push(if simple { Value::new_instance(&cls, crate::types::object::PyBaseObject)? } else { none::none() });
        classes.push(cls);
    }
    super::set_attr(ts, &d, "PyCF_ONLY_AST", int::from_i64(PYCF_ONLY_AST))?;
    super::set_attr(ts, &d, "PyCF_TYPE_COMMENTS", int::from_i64(PYCF_TYPE_COMMENTS))?;
    super::set_attr(ts, &d, "PyCF_ALLOW_TOP_LEVEL_AWAIT", int::from_i64(PYCF_ALLOW_TOP_LEVEL_AWAIT))?;
    let state = tuple::new_tuple(vec![tuple::new_tuple(classes)?, tuple::new_tuple(singletons)?])?;
    super::set_attr(ts, &d, "_state", state)?;
    Ok(m)
}

fn is_simple_sum(name: &str) -> bool {
    matches!(name, "expr_context" | "boolop" | "operator" | "unaryop" | "cmpop")
}

/// `AST.__init__`: positional arguments fill `_fields` in order, keywords
/// set any attribute (CPython's ast_type_init).
fn ast_init(ts: &ThreadState, obj: &Value, args: &[Value], kwnames: Option<&Value>) -> PyResult<Value> {
    let npos = crate::object::args::npositional(args, kwnames);
    let cls = obj.type_of().to_value();
    let fields = match protocol::lookup_attr(ts, &cls, &pystr::intern("_fields"))? {
        Some(f) => protocol::collect(ts, &f)?,
        None => Vec::new(),
    };
    let tp_name = obj.type_of().name();
    if npos > fields.len() {
        return Err(PyErr::type_error(format!(
            "{tp_name} constructor takes at most {} positional argument{}",
            fields.len(),
            if fields.len() == 1 { "" } else { "s" }
        )));
    }
    for (name, v) in fields.iter().zip(&args[..npos]) {
        protocol::setattr(ts, obj, name, Some(v))?;
    }
    if let Some(k) = kwnames {
        for (key, v) in tuple::tuple_items(k).iter().zip(&args[npos..]) {
            let mut position = None;
            for (i, f) in fields.iter().enumerate() {
                if protocol::eq(ts, f, key)? {
                    position = Some(i);
                    break;
                }
            }
            if position.is_some_and(|p| p < npos) {
                return Err(PyErr::type_error(format!("{tp_name} got multiple values for argument '{}'", pystr::as_rust_str(key))));
            }
            protocol::setattr(ts, obj, key, Some(v))?;
        }
    }
    Ok(none::none())
}

/// `AST.__reduce__`: `(type(self), (), self.__dict__)`.
fn ast_reduce(ts: &ThreadState, obj: &Value, args: &[Value], kwnames: Option<&Value>) -> PyResult<Value> {
    crate::object::args::exact("AST.__reduce__", args, kwnames, 0)?;
    let cls = obj.type_of().to_value();
    let empty = tuple::new_tuple(Vec::new())?;
    match protocol::lookup_attr(ts, obj, &pystr::intern("__dict__"))? {
        Some(d) => tuple::new_tuple(vec![cls, empty, d]),
        None => tuple::new_tuple(vec![cls, empty]),
    }
}

/// Whether `v` is an instance of `_ast.AST` (compile() then converts it).
pub fn is_ast(ts: &ThreadState, v: &Value) -> PyResult<bool> {
    let st = State::get(ts)?;
    protocol::isinstance(ts, v, &st.classes[nodes::K_AST])
}

#[cfg(test)]
mod tests {
    use super::nodes::*;

    #[test]
    fn table_order_and_names() {
        // Each base comes before its subclasses; names and fields as python3's _ast.
        for (i, def) in NODES.iter().enumerate() {
            assert!(def.base == usize::MAX || def.base < i, "{}", def.name);
        }
        assert_eq!(NODES[K_AST].name, "AST");
        assert_eq!(NODES[K_NAME].name, "Name");
        assert_eq!(NODES[K_NAME].fields, &["id", "ctx"]);
        assert_eq!(NODES[NODES[K_NAME].base].name, "expr");
        assert_eq!(NODES[K_EXPR_BASE].attributes, Some(&["lineno", "col_offset", "end_lineno", "end_col_offset"][..]));
        assert_eq!(NODES[K_CONSTANT].none_attrs, &["kind"]);
        assert_eq!(NODES[K_ARGUMENTS_BASE].fields.len(), 7);
        assert_eq!(NODES.len(), 119);
    }

    #[test]
    fn simple_sums_have_singletons() {
        assert!(super::is_simple_sum(NODES[NODES[K_LOAD].base].name));
        assert!(super::is_simple_sum(NODES[NODES[K_ADD].base].name));
        assert!(!super::is_simple_sum(NODES[NODES[K_NAME].base].name));
    }
}
