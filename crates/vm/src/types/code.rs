//! `code`: a compiled code object (the compiler's immutable `CodeObject`)
//! with its constants and names turned into objects once, at creation.

use std::sync::Arc;

use compiler::code::{CodeObject, ConstValue, CO_VARARGS, CO_VARKEYWORDS};
use compiler::opcode::Opcode;
use syntax::ast::Constant;

use crate::object::protocol;
use crate::object::typeobj::{PyType, TypeObject};
use crate::object::value::{PyObject, PyPayload, Value};
use crate::runtime::errors::{PyErr, PyResult};
use crate::runtime::thread::ThreadState;
use crate::types::{bool_, descr, float, int, none, str as pystr, tuple};

pub struct PyCode {
    /// `co_name` and `co_qualname`, outside the body: making a function
    /// reads them, and that must not make a lazily loaded body.
    pub name: Value,
    pub qualname: Value,
    /// The rest, made at creation or, for a code object loaded lazily from
    /// a bytecode cache, on first use (most functions of an imported
    /// module are never called). `Deref` gives it.
    body: std::cell::OnceCell<CodeBody>,
    /// Until the body is made: where it is in the cache's data.
    lazy: std::cell::Cell<Option<Box<LazyBody>>>,
    /// What running the code needs, made on its first run: most code
    /// objects loaded with a module (functions never called) never run.
    exec: std::cell::OnceCell<Executable>,
    /// Line number of each code unit, decoded from the location table on
    /// first use (tracebacks and `f_lineno` ask often).
    lines: std::cell::OnceCell<Box<[i32]>>,
}

pub struct CodeBody {
    pub code: Arc<CodeObject>,
    pub consts: Vec<Value>,
    pub names: Vec<Value>,
    pub localsplusnames: Vec<Value>,
    pub filename: Value,
    pub nlocalsplus: usize,
    /// Always true: the first constant of a function is its docstring or None.
    pub has_docstring: bool,
    /// The positional parameter count when a call with exactly that many
    /// positional arguments binds them in order and nothing else (no
    /// `*args`, `**kwargs` or keyword-only parameters); else `u32::MAX`.
    pub simple_argcount: u32,
    /// Words of a frame running this code (header, fast locals, stack).
    pub frame_words: usize,
}

impl CodeBody {
    pub fn new(code: Arc<CodeObject>, consts: Vec<Value>, names: Vec<Value>, localsplusnames: Vec<Value>, filename: Value) -> CodeBody {
        CodeBody {
            filename,
            nlocalsplus: code.co_localsplusnames.len(),
            consts,
            names,
            localsplusnames,
            has_docstring: true,
            simple_argcount: simple_argcount(&code),
            frame_words: frame_words(&code),
            code,
        }
    }
}

/// Where the marshal data of a lazily loaded code object's body is: the
/// fields `marshal` writes for a code object, self-contained (no
/// back-references outside them), at `data[start..start + len]`.
pub struct LazyBody {
    pub data: Arc<Vec<u8>>,
    pub start: usize,
    pub len: usize,
    /// The function docstring (see `PyCode::docstring`), written beside the
    /// body so that making a function does not need the body.
    pub doc: Value,
}

impl std::ops::Deref for PyCode {
    type Target = CodeBody;

    #[inline]
    fn deref(&self) -> &CodeBody {
        match self.body.get() {
            Some(b) => b,
            None => self.load_body(),
        }
    }
}

/// The parts of a code object that only running it needs.
pub struct Executable {
    /// The instructions the eval loop runs: `co_code` checked so that every
    /// opcode byte is valid and every jump lands inside the code, followed
    /// by a trap unit (see `quicken`).
    pub instrs: Box<[u8]>,
    /// The eval loop's inline caches, by instruction index (see `InlineCache`).
    pub caches: Box<[std::cell::Cell<InlineCache>]>,
    /// The decoded exception table.
    pub exception_entries: Vec<compiler::code::ExceptionEntry>,
}

impl PyCode {
    /// Read the body of a lazily loaded code object. Our marshal wrote the
    /// data and its checksum matched, but a cache made by hand can still
    /// hold a body that does not decode: that body becomes one that raises
    /// SystemError when run (`Deref` cannot fail).
    #[cold]
    fn load_body(&self) -> &CodeBody {
        let decoded = match (self.lazy.take(), ThreadState::current()) {
            (Some(lazy), Some(ts)) => crate::modules::marshal::load_code_body(ts, &lazy.data, lazy.start, lazy.len).ok(),
            _ => None,
        };
        let body = decoded.unwrap_or_else(|| self.broken_body());
        self.body.get_or_init(move || body)
    }

    /// A body that accepts any arguments and traps at its first
    /// instruction ("invalid bytecode", as `quicken` makes of bad opcodes).
    fn broken_body(&self) -> CodeBody {
        let code = CodeObject {
            co_name: pystr::as_rust_str(&self.name).to_string(),
            co_qualname: pystr::as_rust_str(&self.qualname).to_string(),
            co_filename: String::from("<bytecode cache>"),
            co_firstlineno: 1,
            co_argcount: 0,
            co_posonlyargcount: 0,
            co_kwonlyargcount: 0,
            co_flags: CO_VARARGS | CO_VARKEYWORDS,
            co_stacksize: 1,
            co_code: vec![Opcode::CACHE as u8, 0],
            co_consts: Vec::new(),
            co_names: Vec::new(),
            co_localsplusnames: vec![String::from("args"), String::from("kwargs")],
            co_localspluskinds: vec![compiler::code::CO_FAST_LOCAL; 2],
            co_linetable: Vec::new(),
            co_exceptiontable: Vec::new(),
        };
        let names = vec![pystr::intern("args"), pystr::intern("kwargs")];
        CodeBody::new(Arc::new(code), vec![none::none()], Vec::new(), names, pystr::new_str("<bytecode cache>"))
    }

    /// The `__doc__` of a function made from this code: the first constant
    /// when it is a str and the code has a docstring slot.
    pub fn docstring(&self) -> Value {
        if self.body.get().is_none() {
            if let Some(lazy) = self.lazy.take() {
                let doc = lazy.doc.clone();
                self.lazy.set(Some(lazy));
                return doc;
            }
        }
        match self.consts.first() {
            Some(d) if self.code.co_flags & 0x4000_0000 == 0 && d.type_of().is_subtype(&pystr::STR_TYPE) && self.has_docstring => d.clone(),
            _ => none::none(),
        }
    }

    /// The instructions, caches and handlers, made on first use.
    #[inline]
    pub fn exec(&self) -> &Executable {
        self.exec.get_or_init(|| Executable {
            instrs: quicken(&self.code.co_code),
            caches: (0..self.code.co_code.len() / 2).map(|_| std::cell::Cell::new(InlineCache::default())).collect(),
            exception_entries: self.code.exception_entries(),
        })
    }

    /// The line of the instruction at code unit `index` (-1 for none), as
    /// `location_of(index).lineno`.
    pub fn lineno_at(&self, index: usize) -> i32 {
        let lines = self.lines.get_or_init(|| {
            let n = self.code.co_code.len() / 2;
            let mut out = Vec::with_capacity(n);
            for entry in compiler::code::decode_linetable(&self.code.co_linetable, self.code.co_firstlineno as i32) {
                for _ in 0..entry.units {
                    out.push(entry.loc.lineno);
                }
            }
            out.into_boxed_slice()
        });
        lines.get(index).copied().unwrap_or(compiler::code::Location::NONE.lineno)
    }
}

/// The eval loop's copy of `co_code`: invalid opcodes and jumps leaving the
/// code become `CACHE` units, which the loop executes as a trap (raising
/// SystemError), and one more trap unit ends the code, so running past
/// the last instruction traps too. The loop can then fetch without bounds
/// checks.
fn quicken(co_code: &[u8]) -> Box<[u8]> {
    let n = co_code.len() / 2;
    let mut out = Vec::with_capacity(2 * n + 2);
    out.extend_from_slice(&co_code[..2 * n]);
    out.extend_from_slice(&[Opcode::CACHE as u8, 0]);
    let mut ext: u32 = 0;
    for i in 0..n {
        let Some(op) = Opcode::from_u8(out[2 * i]) else {
            out[2 * i] = Opcode::CACHE as u8;
            ext = 0;
            continue;
        };
        let arg = (ext << 8) | out[2 * i + 1] as u32;
        if op == Opcode::EXTENDED_ARG {
            ext = arg;
            continue;
        }
        ext = 0;
        if op.has_jump() {
            let after = (i + 1 + op.cache_entries()) as i64;
            let target = if op.is_backward_jump() { after - arg as i64 } else { after + arg as i64 };
            if !(0..=n as i64).contains(&target) {
                out[2 * i] = Opcode::CACHE as u8;
            }
        }
    }
    // Superinstructions (CPython's _PyCode_Quicken): the first of two
    // adjacent simple instructions does the work of both; the second stays
    // in place for jumps that land on it. A pair is only formed when the
    // second has no EXTENDED_ARG prefix (it is then the very next unit).
    for i in 0..n.saturating_sub(1) {
        let (Some(a), Some(b)) = (Opcode::from_u8(out[2 * i]), Opcode::from_u8(out[2 * i + 2])) else { continue };
        let fused = match (a, b) {
            (Opcode::LOAD_FAST, Opcode::LOAD_FAST) => Opcode::LOAD_FAST__LOAD_FAST,
            (Opcode::LOAD_FAST, Opcode::LOAD_CONST) => Opcode::LOAD_FAST__LOAD_CONST,
            (Opcode::LOAD_CONST, Opcode::LOAD_FAST) => Opcode::LOAD_CONST__LOAD_FAST,
            (Opcode::STORE_FAST, Opcode::LOAD_FAST) => Opcode::STORE_FAST__LOAD_FAST,
            (Opcode::STORE_FAST, Opcode::STORE_FAST) => Opcode::STORE_FAST__STORE_FAST,
            _ => continue,
        };
        out[2 * i] = fused as u8;
    }
    out.into_boxed_slice()
}

/// See `PyCode::simple_argcount`.
fn simple_argcount(code: &CodeObject) -> u32 {
    if code.co_flags & (CO_VARARGS | CO_VARKEYWORDS) == 0 && code.co_kwonlyargcount == 0 {
        code.co_argcount
    } else {
        u32::MAX
    }
}

/// See `PyCode::frame_words`.
fn frame_words(code: &CodeObject) -> usize {
    crate::eval::frame::HEADER_WORDS + code.co_localsplusnames.len() + code.co_stacksize as usize
}

/// What an instruction learned on an earlier run, valid while its keys
/// still match:
/// - LOAD_GLOBAL: `key1`/`key2` are the globals/builtins dict versions and
///   `value` the `Value::as_raw` word of the value one of them holds.
/// - LOAD_ATTR / STORE_ATTR: `key1` is the owner type's version tag, under
///   which the name has no data descriptor, so the instance dict decides;
///   `key2` is the dict entry where the name was last found (LOAD_ATTR).
/// - LOAD_METHOD: `key1` is the type's version tag, under which the name is
///   the function or method descriptor whose raw word is `value` (held by a
///   type dict of the MRO).
#[derive(Clone, Copy, Default)]
pub struct InlineCache {
    pub key1: u64,
    pub key2: u64,
    pub value: usize,
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
    let (name, qualname, filename) = (pystr::intern(&code.co_name), pystr::new_str(&code.co_qualname), pystr::new_str(&code.co_filename));
    new_code_from_parts(code, consts, names, localsplusnames, name, qualname, filename)
}

/// A `code` object from its parts, as `marshal` reads them: `code` gives
/// the counts, flags and tables (its `co_consts` may be empty: `consts`
/// holds the constant objects); the caller has checked the bytecode.
pub fn new_code_from_parts(
    code: Arc<CodeObject>,
    consts: Vec<Value>,
    names: Vec<Value>,
    localsplusnames: Vec<Value>,
    name: Value,
    qualname: Value,
    filename: Value,
) -> PyResult<Value> {
    Value::new(PyCode {
        name,
        qualname,
        body: std::cell::OnceCell::from(CodeBody::new(code, consts, names, localsplusnames, filename)),
        lazy: std::cell::Cell::new(None),
        exec: std::cell::OnceCell::new(),
        lines: std::cell::OnceCell::new(),
    })
}

/// A code object whose body is read from `lazy` on first use.
pub fn new_lazy_code(name: Value, qualname: Value, lazy: LazyBody) -> PyResult<Value> {
    Value::new(PyCode {
        name,
        qualname,
        body: std::cell::OnceCell::new(),
        lazy: std::cell::Cell::new(Some(Box::new(lazy))),
        exec: std::cell::OnceCell::new(),
        lines: std::cell::OnceCell::new(),
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
        // CPython interns string constants made of name characters only
        // (marshal then writes them in their interned form).
        Constant::Str(s) => match s.as_str() {
            Some(t) if t.bytes().all(|b| b.is_ascii_alphanumeric() || b == b'_') => pystr::intern(t),
            _ => pystr::from_wtf8(s),
        },
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

/// The type named in argument errors ("None" for None, as _PyArg_BadArgument).
fn arg_type_name(x: &Value) -> String {
    if none::is_none(x) { "None".into() } else { protocol::type_name(x) }
}

/// `code.replace(**changes)`: a copy with some `co_*` fields replaced.
fn code_replace(ts: &ThreadState, v: &Value, args: &[Value], kw: Option<&Value>) -> PyResult<Value> {
    const NAMES: [&str; 18] = [
        "co_argcount", "co_posonlyargcount", "co_kwonlyargcount", "co_nlocals", "co_stacksize", "co_flags",
        "co_firstlineno", "co_code", "co_consts", "co_names", "co_varnames", "co_freevars", "co_cellvars",
        "co_filename", "co_name", "co_qualname", "co_linetable", "co_exceptiontable",
    ];
    let c = v.downcast::<PyCode>().ok_or_else(|| PyErr::type_error("code expected"))?;
    let vals = crate::object::args::bind("replace", args, kw, NAMES, 0, 0, 0)?;
    let mut code = (*c.code).clone();
    let mut consts = c.consts.clone();
    let mut names = c.names.clone();
    let (mut name, mut qualname, mut filename) = (c.name.clone(), c.qualname.clone(), c.filename.clone());
    let (mut varnames, mut freevars, mut cellvars) = (None, None, None);
    let mut nlocals = code.co_nlocals();
    let as_str = |n: &str, x: &Value| -> PyResult<String> {
        pystr::try_as_rust_str(x)
            .filter(|_| x.type_of().is_subtype(&pystr::STR_TYPE))
            .map(|s| s.to_string())
            .ok_or_else(|| PyErr::type_error(format!("replace() argument '{n}' must be str, not {}", arg_type_name(x))))
    };
    let as_u32 = |n: &str, x: &Value| -> PyResult<u32> {
        let i = protocol::index(ts, x)?;
        let i = int::as_int(&i).and_then(|r| r.to_i64()).ok_or_else(|| PyErr::overflow_error("Python int too large to convert to C int"))?;
        u32::try_from(i).map_err(|_| PyErr::value_error(format!("{n} must be a positive integer")))
    };
    let as_tuple = |n: &str, x: &Value| -> PyResult<Vec<Value>> {
        tuple::try_tuple_items(x)
            .map(|t| t.to_vec())
            .ok_or_else(|| PyErr::type_error(format!("replace() argument '{n}' must be tuple, not {}", arg_type_name(x))))
    };
    let as_bytes = |n: &str, x: &Value| -> PyResult<Vec<u8>> {
        x.downcast::<super::bytes::PyBytes>()
            .map(|b| b.data.to_vec())
            .ok_or_else(|| PyErr::type_error(format!("replace() argument '{n}' must be bytes, not {}", arg_type_name(x))))
    };
    for (n, x) in NAMES.iter().zip(vals.iter()) {
        let Some(x) = x else { continue };
        match *n {
            "co_argcount" => code.co_argcount = as_u32(n, x)?,
            "co_posonlyargcount" => code.co_posonlyargcount = as_u32(n, x)?,
            "co_kwonlyargcount" => code.co_kwonlyargcount = as_u32(n, x)?,
            "co_nlocals" => nlocals = as_u32(n, x)?,
            "co_stacksize" => code.co_stacksize = as_u32(n, x)?,
            "co_flags" => code.co_flags = as_u32(n, x)?,
            "co_firstlineno" => code.co_firstlineno = as_u32(n, x)?,
            "co_code" => code.co_code = as_bytes(n, x)?,
            "co_consts" => consts = as_tuple(n, x)?,
            "co_names" => {
                let t = as_tuple(n, x)?;
                let mut strs = Vec::with_capacity(t.len());
                for item in &t {
                    strs.push(as_str("co_names", item).map_err(|_| PyErr::system_error("non-string found in code slot"))?);
                }
                code.co_names = strs;
                names = t;
            }
            "co_varnames" => varnames = Some(as_tuple(n, x)?),
            "co_freevars" => freevars = Some(as_tuple(n, x)?),
            "co_cellvars" => cellvars = Some(as_tuple(n, x)?),
            "co_linetable" => code.co_linetable = as_bytes(n, x)?,
            "co_exceptiontable" => code.co_exceptiontable = as_bytes(n, x)?,
            "co_filename" => {
                code.co_filename = as_str(n, x)?;
                filename = x.clone();
            }
            "co_name" => {
                code.co_name = as_str(n, x)?;
                name = x.clone();
            }
            _ => {
                code.co_qualname = as_str(n, x)?;
                qualname = x.clone();
            }
        }
    }
    if nlocals as usize != varnames.as_ref().map_or(code.co_nlocals() as usize, Vec::len) {
        return Err(PyErr::value_error("code: co_nlocals != len(co_varnames)"));
    }
    let strs = |t: Option<Vec<Value>>, current: Vec<String>| -> PyResult<Vec<String>> {
        let Some(t) = t else { return Ok(current) };
        t.iter().map(|x| as_str("", x).map_err(|_| PyErr::system_error("non-string found in code slot"))).collect()
    };
    let varnames = strs(varnames, code.co_varnames())?;
    let cellvars = strs(cellvars, code.co_cellvars())?;
    let freevars = strs(freevars, code.co_freevars())?;
    // The fast locals as CPython lays them out: variables (arguments that
    // are also cells marked so), then the other cells, then free variables.
    let mut plus: Vec<(String, u8)> = varnames.into_iter().map(|v| (v, compiler::code::CO_FAST_LOCAL)).collect();
    for cell in cellvars {
        match plus.iter_mut().find(|(n, _)| *n == cell) {
            Some(entry) => entry.1 |= compiler::code::CO_FAST_CELL,
            None => plus.push((cell, compiler::code::CO_FAST_CELL)),
        }
    }
    plus.extend(freevars.into_iter().map(|f| (f, compiler::code::CO_FAST_FREE)));
    let localsplusnames = plus.iter().map(|(n, _)| pystr::intern(n)).collect();
    code.co_localspluskinds = plus.iter().map(|(_, k)| *k).collect();
    code.co_localsplusnames = plus.into_iter().map(|(n, _)| n).collect();
    // Bytecode that could not run safely is refused (CPython would crash).
    crate::modules::marshal::verify_code(&code, &consts).map_err(|what| PyErr::value_error(format!("invalid code object: {what}")))?;
    new_code_from_parts(Arc::new(code), consts, names, localsplusnames, name, qualname, filename)
}

/// Constants compare as CPython's _PyCode_ConstantKey makes them: of the
/// same type and equal, with floats and complexes by their bits (so 0.0
/// and -0.0 differ) and containers item by item.
fn same_constant(ts: &ThreadState, a: &Value, b: &Value) -> PyResult<bool> {
    if a.is(b) {
        return Ok(true);
    }
    if !std::ptr::eq(a.type_of(), b.type_of()) {
        return Ok(false);
    }
    if let (Some(x), Some(y)) = (float::as_float_exact_payload(a), float::as_float_exact_payload(b)) {
        return Ok(x.to_bits() == y.to_bits());
    }
    if let (Some(x), Some(y)) = (a.downcast::<super::complex::PyComplex>(), b.downcast::<super::complex::PyComplex>()) {
        return Ok(x.re.to_bits() == y.re.to_bits() && x.im.to_bits() == y.im.to_bits());
    }
    if let (Some(x), Some(y)) = (tuple::try_tuple_items(a), tuple::try_tuple_items(b)) {
        if x.len() != y.len() {
            return Ok(false);
        }
        for (p, q) in x.iter().zip(y.iter()) {
            if !same_constant(ts, p, q)? {
                return Ok(false);
            }
        }
        return Ok(true);
    }
    protocol::compare_bool(ts, a, b, crate::object::typeobj::CompareOp::Eq)
}

/// `code == code`: CPython compares what the code does and where it is
/// from, not its identity.
fn code_richcompare(ts: &ThreadState, a: &Value, b: &Value, op: crate::object::typeobj::CompareOp) -> PyResult<Value> {
    use crate::object::typeobj::CompareOp;
    let (Some(x), Some(y)) = (a.downcast::<PyCode>(), b.downcast::<PyCode>()) else { return Ok(none::not_implemented()) };
    if !matches!(op, CompareOp::Eq | CompareOp::Ne) {
        return Ok(none::not_implemented());
    }
    let (p, q) = (&x.code, &y.code);
    let mut equal = p.co_name == q.co_name
        && p.co_argcount == q.co_argcount
        && p.co_posonlyargcount == q.co_posonlyargcount
        && p.co_kwonlyargcount == q.co_kwonlyargcount
        && p.co_flags == q.co_flags
        && p.co_firstlineno == q.co_firstlineno
        && p.co_code == q.co_code
        && p.co_names == q.co_names
        && p.co_localsplusnames == q.co_localsplusnames
        && p.co_localspluskinds == q.co_localspluskinds
        && p.co_linetable == q.co_linetable
        && p.co_exceptiontable == q.co_exceptiontable
        && x.consts.len() == y.consts.len();
    if equal {
        for (c, d) in x.consts.iter().zip(y.consts.iter()) {
            if !same_constant(ts, c, d)? {
                equal = false;
                break;
            }
        }
    }
    Ok(bool_::new_bool(equal == (op == CompareOp::Eq)))
}

/// `hash(code)`, from the fields equality compares (constants aside).
fn code_hash(_ts: &ThreadState, v: &Value) -> PyResult<isize> {
    use std::hash::{Hash, Hasher};
    let c = v.downcast::<PyCode>().ok_or_else(|| PyErr::type_error("code expected"))?;
    let mut h = std::collections::hash_map::DefaultHasher::new();
    let co = &c.code;
    (&co.co_name, &co.co_code, &co.co_names, &co.co_localsplusnames, co.co_argcount, co.co_flags, co.co_firstlineno).hash(&mut h);
    let h = h.finish() as isize;
    Ok(if h == -1 { -2 } else { h })
}

/// `code._varname_from_oparg(oparg)`: the fast local an instruction names (for `dis`).
fn varname_from_oparg(ts: &ThreadState, v: &Value, args: &[Value], kw: Option<&Value>) -> PyResult<Value> {
    let [oparg] = crate::object::args::bind("_varname_from_oparg", args, kw, ["oparg"], 0, 1, 1)?;
    let c = v.downcast::<PyCode>().ok_or_else(|| PyErr::type_error("code expected"))?;
    let i = protocol::index_isize(ts, &oparg.unwrap_or_else(none::none))?;
    usize::try_from(i)
        .ok()
        .and_then(|i| c.localsplusnames.get(i).cloned())
        .ok_or_else(|| PyErr::index_error("tuple index out of range"))
}

/// Code attributes that CPython declares as members refuse writes this way.
fn readonly(_ts: &ThreadState, _v: &Value, _x: Option<&Value>) -> PyResult<()> {
    Err(PyErr::attribute_error("readonly attribute"))
}

pub fn init() {
    let s = &CODE_TYPE.data.slots;
    s.repr.set(Some(code_repr));
    s.richcompare.set(Some(code_richcompare));
    s.hash.set(Some(code_hash));
    s.getattro.set(Some(crate::object::protocol::generic_getattr));
    descr::add_getsets(
        &CODE_TYPE,
        &[
            ("co_name", co_name, Some(readonly)),
            ("co_qualname", co_qualname, Some(readonly)),
            ("co_filename", co_filename, Some(readonly)),
            ("co_firstlineno", co_firstlineno, Some(readonly)),
            ("co_argcount", co_argcount, Some(readonly)),
            ("co_posonlyargcount", co_posonlyargcount, Some(readonly)),
            ("co_kwonlyargcount", co_kwonlyargcount, Some(readonly)),
            ("co_nlocals", co_nlocals, Some(readonly)),
            ("co_flags", co_flags, Some(readonly)),
            ("co_stacksize", co_stacksize, Some(readonly)),
            ("co_consts", co_consts, Some(readonly)),
            ("co_names", co_names, Some(readonly)),
            ("co_varnames", co_varnames, None),
            ("co_cellvars", co_cellvars, None),
            ("co_freevars", co_freevars, None),
            ("co_code", co_code, None),
            ("co_linetable", co_linetable, Some(readonly)),
            ("co_exceptiontable", co_exceptiontable, Some(readonly)),
        ],
    );
    descr::add_methods(
        &CODE_TYPE,
        &[("co_lines", co_lines), ("co_positions", co_positions), ("replace", code_replace), ("_varname_from_oparg", varname_from_oparg)],
    );
}

#[cfg(test)]
mod tests {
    use super::quicken;
    use compiler::opcode::Opcode as O;

    #[test]
    fn quicken_traps_invalid_opcodes_and_wild_jumps() {
        let bad = 250u8;
        let code = [
            O::NOP as u8, 0,
            bad, 7,
            O::JUMP_FORWARD as u8, 1, // to unit 4
            O::JUMP_FORWARD as u8, 5, // to unit 9, past the end (7)
            O::EXTENDED_ARG as u8, 1,
            O::JUMP_BACKWARD as u8, 0, // 256 units back, before the start
            O::JUMP_BACKWARD as u8, 3, // to unit 4
        ];
        let q = quicken(&code);
        let ops: Vec<u8> = q.iter().step_by(2).copied().collect();
        assert_eq!(
            ops,
            [O::NOP, O::CACHE, O::JUMP_FORWARD, O::CACHE, O::EXTENDED_ARG, O::CACHE, O::JUMP_BACKWARD, O::CACHE].map(|o| o as u8)
        );
        assert_eq!(q[3], 7, "arguments are kept");
    }

    #[test]
    fn quicken_fuses_adjacent_simple_instructions() {
        let code = [
            O::LOAD_FAST as u8, 0,
            O::LOAD_FAST as u8, 1,
            O::LOAD_CONST as u8, 2,
            O::STORE_FAST as u8, 3,
            O::STORE_FAST as u8, 4,
            O::RETURN_VALUE as u8, 0,
        ];
        let q = quicken(&code);
        let ops: Vec<u8> = q.iter().step_by(2).copied().collect();
        assert_eq!(
            ops,
            [O::LOAD_FAST__LOAD_FAST, O::LOAD_FAST__LOAD_CONST, O::LOAD_CONST, O::STORE_FAST__STORE_FAST, O::STORE_FAST, O::RETURN_VALUE, O::CACHE]
                .map(|o| o as u8)
        );
        assert_eq!(q.iter().skip(1).step_by(2).copied().collect::<Vec<u8>>(), [0, 1, 2, 3, 4, 0, 0]);
    }
}
