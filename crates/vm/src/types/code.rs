//! `code`: a compiled code object (the compiler's immutable `CodeObject`)
//! with its constants and names turned into objects once, at creation.

use std::sync::Arc;

use compiler::code::{CodeObject, ConstValue};
use syntax::ast::Constant;

use crate::object::typeobj::{PyType, TypeObject};
use crate::object::value::{PyObject, PyPayload, Value};
use crate::runtime::errors::{PyErr, PyResult};
use crate::runtime::thread::ThreadState;
use crate::types::{bool_, descr, float, int, none, str as pystr, tuple};

pub struct PyCode {
    pub code: Arc<CodeObject>,
    pub consts: Vec<Value>,
    pub names: Vec<Value>,
    pub localsplusnames: Vec<Value>,
    pub name: Value,
    pub qualname: Value,
    pub filename: Value,
    pub nlocalsplus: usize,
    /// Always true: the first constant of a function is its docstring or None.
    pub has_docstring: bool,
    /// The decoded exception table.
    pub exception_entries: Vec<compiler::code::ExceptionEntry>,
}

pub static CODE_TYPE: PyType = PyObject::new_static(
    &super::typeobject::TYPE_TYPE,
    TypeObject::builtin::<PyCode>("code", &CODE_TYPE, Some(&super::object::OBJECT_TYPE), 0),
);

impl PyPayload for PyCode {
    fn class() -> &'static PyType {
        &CODE_TYPE
    }
}

/// A `code` object for a compiled code object (and its nested ones).
pub fn new_code(code: Arc<CodeObject>) -> PyResult<Value> {
    let consts = code.co_consts.iter().map(const_value).collect::<PyResult<Vec<_>>>()?;
    let names = code.co_names.iter().map(|n| pystr::intern(n)).collect();
    let localsplusnames = code.co_localsplusnames.iter().map(|n| pystr::intern(n)).collect();
    Value::new(PyCode {
        name: pystr::intern(&code.co_name),
        qualname: pystr::new_str(&code.co_qualname),
        filename: pystr::new_str(&code.co_filename),
        nlocalsplus: code.co_localsplusnames.len(),
        consts,
        names,
        localsplusnames,
        has_docstring: true,
        exception_entries: code.exception_entries(),
        code,
    })
}

fn const_value(c: &ConstValue) -> PyResult<Value> {
    match c {
        ConstValue::Value(v) => constant(v),
        ConstValue::FrozenSet(items) => {
            let items = items.iter().map(constant).collect::<PyResult<Vec<_>>>()?;
            super::set::new_frozenset_from(items)
        }
        ConstValue::Code(code) => new_code(code.clone()),
    }
}

/// The object for a literal constant.
pub fn constant(c: &Constant) -> PyResult<Value> {
    Ok(match c {
        Constant::None => none::none(),
        Constant::Bool(b) => bool_::new_bool(*b),
        Constant::Ellipsis => none::ellipsis(),
        Constant::Int(i) => int::from_i64(*i),
        Constant::BigInt(b) => int::from_bigint(b.clone()),
        Constant::Float(f) => float::new_float(*f),
        Constant::Complex { real, imag } => super::complex::new_complex(*real, *imag),
        Constant::Str(s) => pystr::from_wtf8(s),
        Constant::Bytes(b) => super::bytes::new_bytes(b.clone()),
        Constant::Tuple(items) => tuple::new_tuple(items.iter().map(constant).collect::<PyResult<Vec<_>>>()?)?,
    })
}

fn code_repr(_ts: &ThreadState, v: &Value) -> PyResult<Value> {
    let c = v.downcast::<PyCode>().ok_or_else(|| PyErr::type_error("code expected"))?;
    Ok(pystr::new_str(&format!(
        "<code object {} at {:#x}, file \"{}\", line {}>",
        c.code.co_name, v.id(), c.code.co_filename, c.code.co_firstlineno
    )))
}

fn strs(v: Vec<String>) -> PyResult<Value> {
    tuple::new_tuple(v.iter().map(|s| pystr::intern(s)).collect())
}

macro_rules! code_getter {
    ($name:ident, |$c:ident| $body:expr) => {
        fn $name(_ts: &ThreadState, v: &Value) -> PyResult<Value> {
            let $c = v.downcast::<PyCode>().ok_or_else(|| PyErr::type_error("code expected"))?;
            $body
        }
    };
}

code_getter!(co_name, |c| Ok(c.name.clone()));
code_getter!(co_qualname, |c| Ok(c.qualname.clone()));
code_getter!(co_filename, |c| Ok(c.filename.clone()));
code_getter!(co_firstlineno, |c| Ok(int::from_i64(c.code.co_firstlineno as i64)));
code_getter!(co_argcount, |c| Ok(int::from_i64(c.code.co_argcount as i64)));
code_getter!(co_posonlyargcount, |c| Ok(int::from_i64(c.code.co_posonlyargcount as i64)));
code_getter!(co_kwonlyargcount, |c| Ok(int::from_i64(c.code.co_kwonlyargcount as i64)));
code_getter!(co_nlocals, |c| Ok(int::from_i64(c.code.co_nlocals() as i64)));
code_getter!(co_flags, |c| Ok(int::from_i64(c.code.co_flags as i64)));
code_getter!(co_stacksize, |c| Ok(int::from_i64(c.code.co_stacksize as i64)));
code_getter!(co_consts, |c| tuple::new_tuple(c.consts.clone()));
code_getter!(co_names, |c| tuple::new_tuple(c.names.clone()));
code_getter!(co_varnames, |c| strs(c.code.co_varnames()));
code_getter!(co_cellvars, |c| strs(c.code.co_cellvars()));
code_getter!(co_freevars, |c| strs(c.code.co_freevars()));
code_getter!(co_code, |c| Ok(super::bytes::new_bytes(c.code.co_code.clone())));
code_getter!(co_linetable, |c| Ok(super::bytes::new_bytes(c.code.co_linetable.clone())));
code_getter!(co_exceptiontable, |c| Ok(super::bytes::new_bytes(c.code.co_exceptiontable.clone())));

fn opt_int(v: Option<u32>) -> Value {
    v.map_or_else(none::none, |x| int::from_i64(x as i64))
}

fn co_lines(_ts: &ThreadState, v: &Value, args: &[Value], kw: Option<&Value>) -> PyResult<Value> {
    crate::object::args::exact("code.co_lines", args, kw, 0)?;
    let c = v.downcast::<PyCode>().ok_or_else(|| PyErr::type_error("code expected"))?;
    let items = c
        .code
        .co_lines()
        .into_iter()
        .map(|(s, e, l)| tuple::new_tuple(vec![int::from_i64(s as i64), int::from_i64(e as i64), opt_int(l)]))
        .collect::<PyResult<Vec<_>>>()?;
    super::iter::new_list_iterator(items)
}

fn co_positions(_ts: &ThreadState, v: &Value, args: &[Value], kw: Option<&Value>) -> PyResult<Value> {
    crate::object::args::exact("code.co_positions", args, kw, 0)?;
    let c = v.downcast::<PyCode>().ok_or_else(|| PyErr::type_error("code expected"))?;
    let items = c
        .code
        .co_positions()
        .into_iter()
        .map(|(a, b, cc, d)| tuple::new_tuple(vec![opt_int(a), opt_int(b), opt_int(cc), opt_int(d)]))
        .collect::<PyResult<Vec<_>>>()?;
    super::iter::new_list_iterator(items)
}

pub fn init() {
    let s = &CODE_TYPE.data.slots;
    s.repr.set(Some(code_repr));
    s.getattro.set(Some(crate::object::protocol::generic_getattr));
    descr::add_getsets(
        &CODE_TYPE,
        &[
            ("co_name", co_name, None),
            ("co_qualname", co_qualname, None),
            ("co_filename", co_filename, None),
            ("co_firstlineno", co_firstlineno, None),
            ("co_argcount", co_argcount, None),
            ("co_posonlyargcount", co_posonlyargcount, None),
            ("co_kwonlyargcount", co_kwonlyargcount, None),
            ("co_nlocals", co_nlocals, None),
            ("co_flags", co_flags, None),
            ("co_stacksize", co_stacksize, None),
            ("co_consts", co_consts, None),
            ("co_names", co_names, None),
            ("co_varnames", co_varnames, None),
            ("co_cellvars", co_cellvars, None),
            ("co_freevars", co_freevars, None),
            ("co_code", co_code, None),
            ("co_linetable", co_linetable, None),
            ("co_exceptiontable", co_exceptiontable, None),
        ],
    );
    descr::add_methods(&CODE_TYPE, &[("co_lines", co_lines), ("co_positions", co_positions)]);
}
