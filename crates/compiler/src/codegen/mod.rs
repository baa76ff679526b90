//! Code generation: AST plus symbol table to code objects, following the
//! instruction choices of CPython 3.11's Python/compile.c. The work is
//! split by syntactic form: expressions (`expr`), statements (`stmt`),
//! calls (`call`), comprehensions (`compr`), functions, lambdas and classes
//! (`def`), `match` (`pattern`), and compile-time constant folding (`fold`).
//!
//! Each scope being compiled is a `Unit` with its own control-flow graph;
//! the `Compiler` keeps the stack of units (innermost last) and the
//! stack of enclosing loops and handlers ("frame blocks") that `break`,
//! `continue` and `return` must unwind.

mod call;
mod compr;
mod def;
mod expr;
pub(crate) mod fold;
mod pattern;
mod stmt;
mod warn;

pub use warn::CompileWarning;

use rustc_hash::{FxBuildHasher, FxHashMap as HashMap};
use std::sync::Arc;

/// Names in order of first use, hashed with a fast hasher.
pub type IndexSet<K> = indexmap::IndexSet<K, FxBuildHasher>;
use syntax::ast::{Constant, ExprKind, Loc, Mod, Stmt, StmtKind};

use crate::assemble::{BlockId, Cfg, ConstPool, Op, Prefix};
use crate::code::{self, CodeObject, ConstValue, Location};
use crate::error::CompileError;
use crate::future::FutureFeatures;
use crate::opcode::Opcode;
use crate::symtable::{self, BlockType, Scope, SymbolTable};

/// `compile()`'s mode.
pub use syntax::Mode;

/// CPython's guideline for how many items an instruction may take from
/// the stack before the compiler switches to incremental building.
pub(crate) const STACK_USE_GUIDELINE: usize = 30;

/// Deep trees are compiled on stack segments grown on demand: when less
/// than RED_ZONE bytes remain, a new STACK_CHUNK is allocated.
pub(crate) const RED_ZONE: usize = 64 * 1024;
pub(crate) const STACK_CHUNK: usize = 1024 * 1024;

/// CPython's limit on statically nested blocks (loops, try, with).
const MAX_FBLOCKS: usize = 20;

/// Compile a module, expression or interactive statement into a code object.
/// `optimize` is CPython's: 0 keeps asserts and `__debug__` is True, 1
/// removes asserts, 2 also removes docstrings. The kind of code follows the
/// tree (`Mod::Module`, `Mod::Expression`, `Mod::Interactive`); `mode` is
/// taken for symmetry with CPython's `compile()`.
pub fn compile(
    module: &Mod,
    filename: &str,
    mode: Mode,
    optimize: u32,
) -> Result<Arc<CodeObject>, CompileError> {
    compile_with_flags(module, filename, mode, optimize, 0)
}

/// As `compile`, with extra CO_FUTURE_* flags in force (from an enclosing
/// `compile(..., flags=...)` or the interactive session).
pub fn compile_with_flags(
    module: &Mod,
    filename: &str,
    mode: Mode,
    optimize: u32,
    flags: u32,
) -> Result<Arc<CodeObject>, CompileError> {
    compile_with_warnings(module, filename, mode, optimize, flags).map(|(code, _)| code)
}

/// As `compile_with_flags`, also giving the SyntaxWarnings to issue.
pub fn compile_with_warnings(
    module: &Mod,
    filename: &str,
    mode: Mode,
    optimize: u32,
    flags: u32,
) -> Result<(Arc<CodeObject>, Vec<CompileWarning>), CompileError> {
    let future = FutureFeatures::from_ast(module, filename)?;
    let future_flags = future.flags | flags;
    let future_ref = &future;
    let table = SymbolTable::build(module, filename, future_flags)?;
    let mut c = Compiler {
        st: &table,
        filename: filename.to_string(),
        optimize,
        future_flags,
        units: Vec::new(),
        interactive: false,
        depth: 0,
        future: future_ref,
        warnings: Vec::new(),
    };
    let _ = mode;
    let code = stacker::maybe_grow(64 * 1024, 4 * 1024 * 1024, || c.compile_mod(module))?;
    Ok((code, c.warnings))
}

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) enum ScopeType {
    Module,
    Class,
    Function,
    AsyncFunction,
    Lambda,
    Comprehension,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) enum FBlockKind {
    WhileLoop,
    ForLoop,
    TryExcept,
    FinallyTry,
    FinallyEnd,
    With,
    AsyncWith,
    HandlerCleanup,
    PopValue,
    ExceptionHandler,
    ExceptionGroupHandler,
    AsyncComprehensionGenerator,
}

/// What an unwinding frame block needs besides its kind.
#[derive(Clone, Copy, Debug)]
pub(crate) enum FBlockDatum<'a> {
    None,
    /// The `finally` body to run.
    Stmts(&'a [Stmt]),
    /// The statement whose location the exit code takes (`with`).
    Loc(Loc),
    /// The `except ... as name` name to clear.
    Name(&'a str),
}

#[derive(Clone, Copy, Debug)]
pub(crate) struct FBlock<'a> {
    pub kind: FBlockKind,
    pub block: Option<BlockId>,
    pub exit: Option<BlockId>,
    pub datum: FBlockDatum<'a>,
}

/// One scope being compiled (CPython's compiler_unit).
pub(crate) struct Unit<'a> {
    /// Index of the unit's block in the symbol table.
    pub ste: usize,
    pub scope_type: ScopeType,
    pub name: String,
    pub qualname: String,
    /// Class name for private name mangling.
    pub private: Option<String>,
    pub cfg: Cfg,
    pub consts: Vec<ConstValue>,
    const_index: HashMap<ConstKey, u32>,
    /// The code object constants by first line: the candidates for equality.
    code_index: HashMap<u32, Vec<u32>>,
    pub names: IndexSet<String>,
    pub varnames: IndexSet<String>,
    pub cellvars: IndexSet<String>,
    pub freevars: IndexSet<String>,
    pub argcount: u32,
    pub posonlyargcount: u32,
    pub kwonlyargcount: u32,
    pub firstlineno: u32,
    pub loc: Location,
    pub fblocks: Vec<FBlock<'a>>,
}

impl ConstPool for Unit<'_> {
    fn tuple_item(&self, index: u32) -> Option<Constant> {
        match self.consts.get(index as usize)? {
            ConstValue::Value(c) => Some(c.clone()),
            _ => None,
        }
    }

    fn add_tuple(&mut self, items: Vec<Constant>) -> u32 {
        self.add_const(ConstValue::Value(Constant::Tuple(items)))
    }

    fn truthiness(&self, index: u32) -> Option<bool> {
        match self.consts.get(index as usize)? {
            ConstValue::Value(c) => Some(fold::truthy(c)),
            ConstValue::FrozenSet(items) => Some(!items.is_empty()),
            ConstValue::Code(_) => Some(true),
        }
    }

    fn is_none(&self, index: u32) -> bool {
        matches!(
            self.consts.get(index as usize),
            Some(ConstValue::Value(Constant::None))
        )
    }
}

impl Unit<'_> {
    pub fn add_const(&mut self, value: ConstValue) -> u32 {
        let key = match &value {
            ConstValue::Value(c) => ConstKey::of(c),
            ConstValue::FrozenSet(items) => ConstKey::FrozenSet(items.iter().map(ConstKey::of).collect()),
            // Equal code objects are one constant, as in CPython (a `while`
            // test compiled twice makes the same lambda or genexpr twice).
            // Only those of the same first line can be equal.
            ConstValue::Code(code) => {
                let line = code.co_firstlineno;
                let candidates = self.code_index.entry(line).or_default();
                let found = candidates
                    .iter()
                    .copied()
                    .find(|&i| matches!(&self.consts[i as usize], ConstValue::Code(o) if o == code));
                if let Some(i) = found {
                    return i;
                }
                let i = self.consts.len() as u32;
                candidates.push(i);
                self.consts.push(value);
                return i;
            }
        };
        if let Some(i) = self.const_index.get(&key) {
            return *i;
        }
        let i = self.consts.len() as u32;
        self.consts.push(value);
        self.const_index.insert(key, i);
        i
    }
}

/// Tells constants apart the way CPython's constant cache does: by type and
/// value, so `1`, `1.0` and `True` stay distinct, and so do `0.0` and `-0.0`
/// (floats compare by bits).
#[derive(Clone, Debug, PartialEq, Eq, Hash)]
pub(crate) enum ConstKey {
    None,
    Bool(bool),
    Ellipsis,
    Int(i64),
    BigInt(num_bigint::BigInt),
    Float(u64),
    Complex(u64, u64),
    Str(Vec<u8>),
    Bytes(Vec<u8>),
    Tuple(Vec<ConstKey>),
    FrozenSet(Vec<ConstKey>),
}

impl ConstKey {
    fn of(c: &Constant) -> ConstKey {
        match c {
            Constant::None => ConstKey::None,
            Constant::Bool(b) => ConstKey::Bool(*b),
            Constant::Ellipsis => ConstKey::Ellipsis,
            Constant::Int(i) => ConstKey::Int(*i),
            // Folding may leave a small value in a BigInt: one key per value.
            Constant::BigInt(i) => match i64::try_from(i) {
                Ok(small) => ConstKey::Int(small),
                Err(_) => ConstKey::BigInt(i.clone()),
            },
            Constant::Float(f) => ConstKey::Float(f.to_bits()),
            Constant::Complex { real, imag } => ConstKey::Complex(real.to_bits(), imag.to_bits()),
            Constant::Str(s) => ConstKey::Str(s.as_bytes().to_vec()),
            Constant::Bytes(b) => ConstKey::Bytes(b.clone()),
            Constant::Tuple(items) => ConstKey::Tuple(items.iter().map(ConstKey::of).collect()),
        }
    }
}

pub(crate) struct Compiler<'a> {
    pub st: &'a SymbolTable,
    pub filename: String,
    pub optimize: u32,
    pub future_flags: u32,
    pub units: Vec<Unit<'a>>,
    pub interactive: bool,
    /// The module's `from __future__` imports (for the late-import check).
    pub future: &'a FutureFeatures,
    /// Nesting depth of expressions and statements, to refuse trees that would overflow.
    depth: u32,
    /// SyntaxWarnings found so far, in source order of discovery.
    pub warnings: Vec<CompileWarning>,
}

/// The index of `name` in `set`, added at the end if missing (without
/// allocating when it is there).
fn index_of_or_insert(set: &mut IndexSet<String>, name: &str) -> u32 {
    match set.get_index_of(name) {
        Some(i) => i as u32,
        None => set.insert_full(name.to_owned()).0 as u32,
    }
}

pub(crate) type CResult<T = ()> = Result<T, CompileError>;

/// Deeper nesting than this is refused with RecursionError, as CPython does.
const MAX_DEPTH: u32 = 4000;

impl<'a> Compiler<'a> {
    // ---------------------------------------------------------------------
    // Units.

    pub fn u(&self) -> &Unit<'a> {
        self.units.last().expect("a unit is being compiled")
    }

    pub fn um(&mut self) -> &mut Unit<'a> {
        self.units.last_mut().expect("a unit is being compiled")
    }

    pub fn ste(&self) -> &'a symtable::Block {
        &self.st.blocks[self.u().ste]
    }

    pub fn enter_scope(&mut self, name: &str, scope_type: ScopeType, ste: usize, lineno: u32) {
        let block = &self.st.blocks[ste];
        let mut varnames = IndexSet::default();
        for v in &block.varnames {
            varnames.insert(v.clone());
        }
        let mut cellvars: IndexSet<String> = IndexSet::default();
        if block.needs_class_closure {
            cellvars.insert("__class__".to_string());
        }
        let mut cells: Vec<&String> = block
            .symbols
            .iter()
            .filter(|(_, s)| s.scope() == Scope::Cell)
            .map(|(n, _)| n)
            .collect();
        cells.sort();
        for c in cells {
            cellvars.insert(c.clone());
        }
        let mut frees: Vec<&String> = block
            .symbols
            .iter()
            .filter(|(_, s)| s.scope() == Scope::Free || s.has(symtable::DEF_FREE_CLASS))
            .map(|(n, _)| n)
            .collect();
        frees.sort();
        let freevars: IndexSet<String> = frees.into_iter().cloned().collect();
        let private = if scope_type == ScopeType::Class {
            Some(name.to_string())
        } else {
            self.units.last().and_then(|u| u.private.clone())
        };
        let loc = if scope_type == ScopeType::Module {
            Location {
                lineno: 0,
                end_lineno: 1,
                col: 0,
                end_col: 0,
            }
        } else {
            Location {
                lineno: lineno as i32,
                end_lineno: lineno as i32,
                col: 0,
                end_col: 0,
            }
        };
        let unit = Unit {
            ste,
            scope_type,
            name: name.to_string(),
            qualname: name.to_string(),
            private,
            cfg: Cfg::new(),
            consts: Vec::new(),
            const_index: HashMap::default(),
            code_index: HashMap::default(),
            names: IndexSet::default(),
            varnames,
            cellvars,
            freevars,
            argcount: 0,
            posonlyargcount: 0,
            kwonlyargcount: 0,
            firstlineno: lineno,
            loc,
            fblocks: Vec::new(),
        };
        self.units.push(unit);
        if scope_type != ScopeType::Module {
            self.set_qualname();
        }
        self.emit_arg(Opcode::RESUME, 0);
    }

    fn set_qualname(&mut self) {
        let n = self.units.len();
        if n < 3 {
            // The parent is the module: the qualified name is the name.
            return;
        }
        let (parents, rest) = self.units.split_at_mut(n - 1);
        let u = &mut rest[0];
        let parent = &parents[n - 2];
        let mut force_global = false;
        if matches!(
            u.scope_type,
            ScopeType::Function | ScopeType::AsyncFunction | ScopeType::Class
        ) {
            let mangled = symtable::mangle(parent.private.as_deref(), &u.name);
            if self.st.blocks[parent.ste].scope_of(&mangled) == Some(Scope::GlobalExplicit) {
                force_global = true;
            }
        }
        if !force_global {
            let base = if matches!(
                parent.scope_type,
                ScopeType::Function | ScopeType::AsyncFunction | ScopeType::Lambda
            ) {
                format!("{}.<locals>", parent.qualname)
            } else {
                parent.qualname.clone()
            };
            u.qualname = format!("{}.{}", base, u.name);
        }
    }

    /// Finish the current unit: assemble it into a code object.
    pub fn exit_scope(&mut self, add_none: bool) -> CResult<Arc<CodeObject>> {
        if !self.u().cfg.current_ends_in_return() {
            self.um().loc = Location::NONE;
            if add_none {
                self.load_const(Constant::None);
            }
            self.emit(Opcode::RETURN_VALUE);
        }
        let unit = self.units.pop().expect("a unit is being compiled");
        let code = self.assemble_unit(unit)?;
        Ok(Arc::new(code))
    }

    fn assemble_unit(&self, mut unit: Unit<'a>) -> CResult<CodeObject> {
        let ste = &self.st.blocks[unit.ste];
        // Fast-locals-plus layout: locals, cells that are not parameters, free variables.
        let mut names: Vec<String> = unit.varnames.iter().cloned().collect();
        let mut kinds: Vec<u8> = vec![code::CO_FAST_LOCAL; names.len()];
        let mut cell_offsets = Vec::new();
        for cell in &unit.cellvars {
            if let Some(i) = unit.varnames.get_index_of(cell) {
                kinds[i] |= code::CO_FAST_CELL;
                cell_offsets.push(i as u32);
            } else {
                cell_offsets.push(names.len() as u32);
                names.push(cell.clone());
                kinds.push(code::CO_FAST_CELL);
            }
        }
        let mut free_offsets = Vec::new();
        for free in &unit.freevars {
            free_offsets.push(names.len() as u32);
            names.push(free.clone());
            kinds.push(code::CO_FAST_FREE);
        }
        let ncells = unit.cellvars.len() as u32;
        for block in &mut unit.cfg.blocks {
            for instr in &mut block.instrs {
                if let Op::Real(op) = instr.op {
                    if op.has_free() {
                        instr.arg = if instr.arg < ncells {
                            cell_offsets[instr.arg as usize]
                        } else {
                            free_offsets[(instr.arg - ncells) as usize]
                        };
                    }
                }
            }
        }
        let mut flags = 0;
        if ste.block_type == BlockType::Function {
            flags |= code::CO_NEWLOCALS | code::CO_OPTIMIZED;
            if ste.nested {
                flags |= code::CO_NESTED;
            }
            match (ste.generator, ste.coroutine) {
                (true, false) => flags |= code::CO_GENERATOR,
                (false, true) => flags |= code::CO_COROUTINE,
                (true, true) => flags |= code::CO_ASYNC_GENERATOR,
                _ => {}
            }
            if ste.varargs {
                flags |= code::CO_VARARGS;
            }
            if ste.varkeywords {
                flags |= code::CO_VARKEYWORDS;
            }
        }
        flags |= self.future_flags & FUTURE_FLAG_MASK;
        let is_gen =
            flags & (code::CO_GENERATOR | code::CO_COROUTINE | code::CO_ASYNC_GENERATOR) != 0;
        let mut make_cells = cell_offsets.clone();
        make_cells.sort_unstable();
        let prefix = Prefix {
            make_cells,
            copy_free_vars: unit.freevars.len() as u32,
            generator_line: if is_gen {
                Some(unit.firstlineno as i32)
            } else {
                None
            },
        };
        let firstlineno = unit.firstlineno;
        let cfg = std::mem::take(&mut unit.cfg);
        let assembled = cfg
            .assemble(&mut unit, prefix, firstlineno as i32)
            .map_err(|e| {
                CompileError::Runtime(format!("internal compiler error in {}: {e}", unit.qualname))
            })?;
        let (code_bytes, consts) =
            trim_unused_consts(assembled.code, std::mem::take(&mut unit.consts));
        Ok(CodeObject {
            co_name: unit.name,
            co_qualname: unit.qualname,
            co_filename: self.filename.clone(),
            co_firstlineno: firstlineno,
            co_argcount: unit.argcount,
            co_posonlyargcount: unit.posonlyargcount,
            co_kwonlyargcount: unit.kwonlyargcount,
            co_flags: flags,
            co_stacksize: assembled.stacksize,
            co_code: code_bytes,
            co_consts: consts,
            co_names: unit.names.into_iter().collect(),
            co_localsplusnames: names,
            co_localspluskinds: kinds,
            co_linetable: assembled.linetable,
            co_exceptiontable: assembled.exceptiontable,
        })
    }

    // ---------------------------------------------------------------------
    // Emitting.

    pub fn set_loc(&mut self, loc: &Loc) {
        self.um().loc = Location::from_loc(loc);
    }

    pub fn emit(&mut self, op: Opcode) {
        self.emit_arg(op, 0);
    }

    pub fn emit_arg(&mut self, op: Opcode, arg: u32) {
        let loc = self.u().loc;
        self.um().cfg.emit(Op::Real(op), arg, None, loc);
    }

    pub fn emit_noline(&mut self, op: Opcode, arg: u32) {
        self.um().cfg.emit(Op::Real(op), arg, None, Location::NONE);
    }

    pub fn emit_jump(&mut self, op: Op, target: BlockId) {
        let loc = self.u().loc;
        self.um().cfg.emit(op, 0, Some(target), loc);
    }

    pub fn emit_jump_noline(&mut self, op: Op, target: BlockId) {
        self.um().cfg.emit(op, 0, Some(target), Location::NONE);
    }

    pub fn emit_pseudo(&mut self, op: Op) {
        let loc = self.u().loc;
        self.um().cfg.emit(op, 0, None, loc);
    }

    pub fn emit_pseudo_noline(&mut self, op: Op) {
        self.um().cfg.emit(op, 0, None, Location::NONE);
    }

    pub fn new_block(&mut self) -> BlockId {
        self.um().cfg.new_block()
    }

    pub fn use_block(&mut self, b: BlockId) {
        self.um().cfg.use_block(b);
    }

    /// Start a fresh block after an instruction that does not fall through.
    pub fn next_block(&mut self) {
        if self.u().cfg.block(self.u().cfg.current).instrs.is_empty() {
            return;
        }
        let b = self.new_block();
        self.use_block(b);
    }

    pub fn add_const(&mut self, value: ConstValue) -> u32 {
        self.um().add_const(value)
    }

    pub fn load_const(&mut self, c: Constant) {
        let i = self.add_const(ConstValue::Value(c));
        self.emit_arg(Opcode::LOAD_CONST, i);
    }

    pub fn load_const_value(&mut self, c: ConstValue) {
        let i = self.add_const(c);
        self.emit_arg(Opcode::LOAD_CONST, i);
    }

    pub fn add_name(&mut self, name: &str) -> u32 {
        index_of_or_insert(&mut self.um().names, name)
    }

    pub fn mangle<'n>(&self, name: &'n str) -> std::borrow::Cow<'n, str> {
        symtable::mangle(self.u().private.as_deref(), name)
    }

    /// Emit an instruction whose argument is a (mangled) name in co_names.
    pub fn emit_name(&mut self, op: Opcode, name: &str) {
        let mangled = symtable::mangle(self.u().private.as_deref(), name);
        let i = index_of_or_insert(&mut self.um().names, &mangled);
        self.emit_arg(op, i);
    }

    /// The current location as an AST location (for errors).
    pub fn current_loc(&self) -> Loc {
        let l = self.u().loc;
        Loc {
            lineno: l.lineno.max(0) as u32,
            col_offset: l.col.max(0) as u32,
            end_lineno: l.end_lineno.max(0) as u32,
            end_col_offset: l.end_col.max(0) as u32,
        }
    }

    pub fn error(&self, msg: impl Into<String>, loc: &Loc) -> CompileError {
        let mut e = syntax::SyntaxError::new(syntax::SyntaxErrorKind::SyntaxError, msg);
        e.filename = self.filename.clone();
        e.lineno = loc.lineno;
        e.offset = loc.col_offset + 1;
        e.end_lineno = loc.end_lineno;
        e.end_offset = loc.end_col_offset + 1;
        CompileError::Syntax(e)
    }

    /// Guard against trees nested deeper than we can compile.
    pub fn enter_nested(&mut self) -> CResult {
        self.depth += 1;
        if self.depth > MAX_DEPTH {
            return Err(CompileError::Recursion);
        }
        Ok(())
    }

    pub fn leave_nested(&mut self) {
        self.depth -= 1;
    }

    // ---------------------------------------------------------------------
    // Names.

    pub fn name_op(&mut self, name: &str, ctx: syntax::ast::ExprContext, loc: &Loc) -> CResult {
        use syntax::ast::ExprContext::*;
        if matches!(ctx, Store | Del) && name == "__debug__" {
            return Err(self.error("cannot assign to __debug__", loc));
        }
        let mangled = symtable::mangle(self.u().private.as_deref(), name);
        let ste = self.ste();
        let scope = ste.scope_of(&mangled);
        let is_function = ste.block_type == BlockType::Function;
        enum Kind {
            Deref(u32),
            Fast,
            Global,
            Name,
        }
        let kind = match scope {
            Some(Scope::Free) => {
                Kind::Deref(self.u().cellvars.len() as u32 + self.free_index(&mangled))
            }
            Some(Scope::Cell) => Kind::Deref(self.cell_index(&mangled)),
            Some(Scope::Local) if is_function => Kind::Fast,
            Some(Scope::GlobalImplicit) if is_function => Kind::Global,
            Some(Scope::GlobalExplicit) => Kind::Global,
            _ => Kind::Name,
        };
        match kind {
            Kind::Deref(i) => {
                let op = match ctx {
                    Load if ste.block_type == BlockType::Class => Opcode::LOAD_CLASSDEREF,
                    Load => Opcode::LOAD_DEREF,
                    Store => Opcode::STORE_DEREF,
                    Del => Opcode::DELETE_DEREF,
                };
                self.emit_arg(op, i);
            }
            Kind::Fast => {
                let i = index_of_or_insert(&mut self.um().varnames, &mangled);
                let op = match ctx {
                    Load => Opcode::LOAD_FAST,
                    Store => Opcode::STORE_FAST,
                    Del => Opcode::DELETE_FAST,
                };
                self.emit_arg(op, i as u32);
            }
            Kind::Global => {
                let i = self.add_name(&mangled);
                match ctx {
                    Load => self.emit_arg(Opcode::LOAD_GLOBAL, i << 1),
                    Store => self.emit_arg(Opcode::STORE_GLOBAL, i),
                    Del => self.emit_arg(Opcode::DELETE_GLOBAL, i),
                }
            }
            Kind::Name => {
                let i = self.add_name(&mangled);
                let op = match ctx {
                    Load => Opcode::LOAD_NAME,
                    Store => Opcode::STORE_NAME,
                    Del => Opcode::DELETE_NAME,
                };
                self.emit_arg(op, i);
            }
        }
        Ok(())
    }

    fn cell_index(&mut self, name: &str) -> u32 {
        let (i, _) = self.um().cellvars.insert_full(name.to_string());
        i as u32
    }

    fn free_index(&mut self, name: &str) -> u32 {
        let (i, _) = self.um().freevars.insert_full(name.to_string());
        i as u32
    }

    // ---------------------------------------------------------------------
    // Frame blocks.

    pub fn push_fblock(
        &mut self,
        kind: FBlockKind,
        block: Option<BlockId>,
        exit: Option<BlockId>,
        datum: FBlockDatum<'a>,
        loc: &Loc,
    ) -> CResult {
        if self.u().fblocks.len() >= MAX_FBLOCKS {
            return Err(self.error("too many statically nested blocks", loc));
        }
        self.um().fblocks.push(FBlock {
            kind,
            block,
            exit,
            datum,
        });
        Ok(())
    }

    pub fn pop_fblock(&mut self) {
        self.um().fblocks.pop();
    }

    // ---------------------------------------------------------------------
    // Modules.

    fn compile_mod(&mut self, module: &'a Mod) -> CResult<Arc<CodeObject>> {
        self.enter_scope("<module>", ScopeType::Module, 0, 1);
        let mut add_none = true;
        match module {
            Mod::Module { body, .. } => self.compile_body(body)?,
            Mod::Interactive { body } => {
                self.interactive = true;
                if find_ann(body) {
                    self.emit(Opcode::SETUP_ANNOTATIONS);
                }
                for s in body {
                    self.visit_stmt(s)?;
                }
            }
            Mod::Expression { body } => {
                self.visit_expr(body)?;
                add_none = false;
            }
            Mod::FunctionType { .. } => {
                return Err(CompileError::Runtime(
                    "this compiler does not handle FunctionTypes".into(),
                ))
            }
        }
        self.exit_scope(add_none)
    }

    /// A module or class body: annotations set-up, docstring, statements.
    pub fn compile_body(&mut self, body: &'a [Stmt]) -> CResult {
        if self.u().scope_type == ScopeType::Module {
            if let Some(first) = body.first() {
                self.set_loc(&first.loc);
            }
        }
        if find_ann(body) {
            self.emit(Opcode::SETUP_ANNOTATIONS);
        }
        let mut rest = body;
        if self.optimize < 2 {
            if let Some((doc, first)) = docstring(body) {
                self.set_loc(&first.loc);
                self.load_const(Constant::Str(doc.clone()));
                let loc = first.loc;
                self.name_op("__doc__", syntax::ast::ExprContext::Store, &loc)?;
                rest = &body[1..];
            }
        }
        for s in rest {
            self.visit_stmt(s)?;
        }
        Ok(())
    }
}

/// CO_FUTURE_* flags that are recorded in co_flags.
const FUTURE_FLAG_MASK: u32 = code::CO_FUTURE_DIVISION
    | code::CO_FUTURE_ABSOLUTE_IMPORT
    | code::CO_FUTURE_WITH_STATEMENT
    | code::CO_FUTURE_PRINT_FUNCTION
    | code::CO_FUTURE_UNICODE_LITERALS
    | code::CO_FUTURE_BARRY_AS_BDFL
    | code::CO_FUTURE_GENERATOR_STOP
    | code::CO_FUTURE_ANNOTATIONS;

/// The docstring of a body: its first statement, if a string constant.
pub(crate) fn docstring(body: &[Stmt]) -> Option<(&syntax::wtf8::Wtf8Buf, &Stmt)> {
    let first = body.first()?;
    if let StmtKind::Expr { value } = &first.kind {
        if let ExprKind::Constant {
            value: Constant::Str(s),
            ..
        } = &value.kind
        {
            return Some((s, first));
        }
    }
    None
}

/// Whether a body has variable annotations (outside nested scopes), which
/// makes the module or class set up `__annotations__`.
pub(crate) fn find_ann(body: &[Stmt]) -> bool {
    body.iter().any(|s| match &s.kind {
        StmtKind::AnnAssign { .. } => true,
        StmtKind::For { body, orelse, .. }
        | StmtKind::AsyncFor { body, orelse, .. }
        | StmtKind::While { body, orelse, .. }
        | StmtKind::If { body, orelse, .. } => find_ann(body) || find_ann(orelse),
        StmtKind::With { body, .. } | StmtKind::AsyncWith { body, .. } => find_ann(body),
        StmtKind::Try {
            body,
            handlers,
            orelse,
            finalbody,
        }
        | StmtKind::TryStar {
            body,
            handlers,
            orelse,
            finalbody,
        } => {
            find_ann(body)
                || find_ann(orelse)
                || find_ann(finalbody)
                || handlers.iter().any(|h| {
                    let syntax::ast::ExceptHandlerKind::ExceptHandler { body, .. } = &h.kind;
                    find_ann(body)
                })
        }
        StmtKind::Match { cases, .. } => cases.iter().any(|c| find_ann(&c.body)),
        _ => false,
    })
}

/// Drop the constants after the last one an instruction refers to (folding
/// leaves some behind), keeping the first (the docstring slot), as CPython
/// 3.11's trim_unused_consts does.
fn trim_unused_consts(code: Vec<u8>, mut consts: Vec<ConstValue>) -> (Vec<u8>, Vec<ConstValue>) {
    let mut max_used = 0usize;
    let mut ext = 0u32;
    let mut i = 0;
    while i + 1 < code.len() {
        let op = Opcode::from_u8(code[i]);
        let arg = ext | code[i + 1] as u32;
        if op == Some(Opcode::EXTENDED_ARG) {
            ext = arg << 8;
            i += 2;
            continue;
        }
        if let Some(op) = op {
            if op.has_const() {
                max_used = max_used.max(arg as usize);
            }
        }
        ext = 0;
        i += 2 + 2 * op.map_or(0, |o| o.cache_entries());
    }
    consts.truncate(max_used + 1);
    (code, consts)
}
