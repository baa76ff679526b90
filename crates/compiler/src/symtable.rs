//! The symbol table pass (CPython's Python/symtable.c): which names each
//! scope binds and uses, and whether each is local, global, free or a cell.
//!
//! It runs in two passes, as CPython's does. The first walks the AST, makes
//! a block (CPython's "symtable entry") for the module, each class, each
//! function or lambda and each comprehension, and records raw facts about
//! every name (`DEF_LOCAL`, `USE`, ...). The second resolves each name's
//! scope by walking the blocks with the sets of names bound by enclosing
//! functions, turning locals that nested blocks use into cells.
//!
//! Blocks are found again from their AST node by the node's address, as
//! CPython keys them by pointer: build the table after any AST rewriting
//! (constant folding) and generate code from the same, unmoved tree.
//!
//! For the code generator: `SymbolTable::lookup_stmt` / `lookup_expr` give
//! the block of a `def`/`class` or lambda/comprehension; names are looked
//! up mangled (`mangle(innermost class name, name)`) with `Block::scope_of`;
//! `Block::varnames`, `cellvars` and `freevars` give the parameters, cells
//! and free names in code-object order; `generator`, `coroutine`, `nested`,
//! `varargs`, `varkeywords` feed the code flags and `needs_class_closure`
//! the `__class__` cell / `__classcell__` of a class body.

use rustc_hash::{FxBuildHasher, FxHashMap as HashMap, FxHashSet as HashSet};

/// Symbols in order of first use, hashed with a fast hasher.
pub type IndexMap<K, V> = indexmap::IndexMap<K, V, FxBuildHasher>;
use syntax::ast::{
    Alias, Arguments, Comprehension, ExceptHandler, ExceptHandlerKind, Expr, ExprContext, ExprKind,
    Keyword, Loc, MatchCase, Mod, Pattern, PatternKind, Stmt, StmtKind, WithItem,
};
use syntax::{SyntaxError, SyntaxErrorKind};

use crate::error::CompileError;
use crate::future::CO_FUTURE_ANNOTATIONS;

// Raw facts about a name in one block (CPython's DEF_* flags, same values).
/// `global` statement.
pub const DEF_GLOBAL: u32 = 1;
/// Bound in the block (assignment, `def`, `for` target, ...).
pub const DEF_LOCAL: u32 = 2;
/// Formal parameter.
pub const DEF_PARAM: u32 = 2 << 1;
/// `nonlocal` statement.
pub const DEF_NONLOCAL: u32 = 2 << 2;
/// Read in the block.
pub const USE: u32 = 2 << 3;
/// Used but not defined in a nested block (kept for CPython's numbering; never set).
pub const DEF_FREE: u32 = 2 << 4;
/// Free in a method, and bound or declared global in the class body.
pub const DEF_FREE_CLASS: u32 = 2 << 5;
/// Bound by an import.
pub const DEF_IMPORT: u32 = 2 << 6;
/// Annotated (`x: int`).
pub const DEF_ANNOT: u32 = 2 << 7;
/// Iteration variable of a comprehension.
pub const DEF_COMP_ITER: u32 = 2 << 8;
/// Any binding of the name in the block.
pub const DEF_BOUND: u32 = DEF_LOCAL | DEF_PARAM | DEF_IMPORT;

/// Maximum nesting of statements, expressions and patterns, as CPython's
/// compile-time limit (three times the default recursion limit).
const RECURSION_LIMIT: u32 = 3000;

/// Where a name lives at run time, decided by the analysis pass
/// (CPython's LOCAL, GLOBAL_EXPLICIT, ... with the same numbers).
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum Scope {
    /// A fast local of a function, or a name in a module or class namespace.
    Local = 1,
    /// Declared `global`.
    GlobalExplicit = 2,
    /// Not bound in any enclosing function: a global or a builtin.
    GlobalImplicit = 3,
    /// Bound in an enclosing function (reached through a cell).
    Free = 4,
    /// A local that nested blocks use: lives in a cell.
    Cell = 5,
}

impl Scope {
    /// CPython's name for the scope.
    pub fn name(self) -> &'static str {
        match self {
            Scope::Local => "LOCAL",
            Scope::GlobalExplicit => "GLOBAL_EXPLICIT",
            Scope::GlobalImplicit => "GLOBAL_IMPLICIT",
            Scope::Free => "FREE",
            Scope::Cell => "CELL",
        }
    }
}

/// One name in one block.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct Symbol {
    /// `DEF_*` / `USE` bits.
    pub flags: u32,
    scope: Option<Scope>,
}

impl Symbol {
    /// The resolved scope. Every symbol of an analyzed block has one; the
    /// blocks of `from __future__ import annotations` annotations are never
    /// analyzed and say `GlobalImplicit`.
    pub fn scope(&self) -> Scope {
        self.scope.unwrap_or(Scope::GlobalImplicit)
    }

    pub fn has(&self, flag: u32) -> bool {
        self.flags & flag != 0
    }
}

#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum BlockType {
    /// A function, lambda or comprehension.
    Function,
    Class,
    Module,
    /// Annotations under `from __future__ import annotations`: they become
    /// strings, so their names must not count as uses of the enclosing scope.
    Annotation,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum ComprehensionType {
    List,
    Dict,
    Set,
    Generator,
}

/// Index of a block in its `SymbolTable`.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub struct BlockId(u32);

impl BlockId {
    /// The module block.
    pub const TOP: BlockId = BlockId(0);

    pub fn index(self) -> usize {
        self.0 as usize
    }
}

/// A scope of the program (CPython's `PySTEntryObject`).
#[derive(Clone, Debug)]
pub struct Block {
    /// `top`, the function or class name, `lambda`, `listcomp`, `setcomp`,
    /// `dictcomp`, `genexpr` or `_annotation`.
    pub name: String,
    pub block_type: BlockType,
    pub comprehension: Option<ComprehensionType>,
    /// Source range of the defining node (all zero for the module).
    pub loc: Loc,
    /// Names in first-seen order (mangled in class bodies).
    pub symbols: IndexMap<String, Symbol>,
    /// Parameters in order: positional-only, positional, keyword-only, `*args`, `**kwargs`.
    pub varnames: Vec<String>,
    /// Blocks defined directly inside, in source-visiting order
    /// (annotation blocks are not listed).
    pub children: Vec<BlockId>,
    /// Inside a function, directly or not.
    pub nested: bool,
    /// Has free variables (including implicit globals, when nested).
    pub free: bool,
    /// Some nested block has free variables.
    pub child_free: bool,
    pub generator: bool,
    pub coroutine: bool,
    pub varargs: bool,
    pub varkeywords: bool,
    /// Has `return <value>`.
    pub returns_value: bool,
    /// Class whose methods use `__class__` (or `super`): the class body gets
    /// a `__class__` cell and stores it as `__classcell__`.
    pub needs_class_closure: bool,
    /// `global`/`nonlocal` names with the statement's location, for errors.
    directives: Vec<(String, Loc)>,
    /// Visiting the target of a comprehension's `for`.
    comp_iter_target: bool,
    /// Depth of comprehension iterable expressions being visited.
    comp_iter_expr: u32,
}

impl Block {
    pub fn lookup(&self, name: &str) -> Option<&Symbol> {
        self.symbols.get(name)
    }

    /// The scope of a (mangled) name, if the block knows it.
    pub fn scope_of(&self, name: &str) -> Option<Scope> {
        self.symbols.get(name).map(Symbol::scope)
    }

    /// Names that live in cells of this block's frame, in the order of the
    /// code object's `co_cellvars`: parameters that are cells (in parameter
    /// order, as they keep their slot among the fast locals), then the other
    /// cells sorted, then the implicit `__class__` cell of a class whose
    /// methods need it.
    pub fn cellvars(&self) -> Vec<String> {
        let is_cell = |name: &str| self.scope_of(name) == Some(Scope::Cell);
        let mut cells: Vec<String> = self
            .varnames
            .iter()
            .filter(|n| is_cell(n))
            .cloned()
            .collect();
        let mut others: Vec<String> = self
            .symbols
            .iter()
            .filter(|(_, s)| s.scope == Some(Scope::Cell) && s.flags & DEF_PARAM == 0)
            .map(|(n, _)| n.clone())
            .collect();
        others.sort();
        cells.extend(others);
        if self.needs_class_closure {
            cells.push("__class__".to_string());
        }
        cells
    }

    /// Names this block gets from enclosing blocks' cells, as `co_freevars`
    /// lists them: sorted; in a class body this includes the names its
    /// methods take from outside even when the class also binds them.
    pub fn freevars(&self) -> Vec<String> {
        let mut free: Vec<String> = self
            .symbols
            .iter()
            .filter(|(_, s)| s.scope == Some(Scope::Free) || s.flags & DEF_FREE_CLASS != 0)
            .map(|(n, _)| n.clone())
            .collect();
        free.sort();
        free
    }

    fn flags_of(&self, name: &str) -> u32 {
        self.symbols.get(name).map_or(0, |s| s.flags)
    }
}

/// The blocks of one module and the lookup from AST nodes to them.
#[derive(Clone, Debug)]
pub struct SymbolTable {
    pub filename: String,
    /// All blocks; the module block is first.
    pub blocks: Vec<Block>,
    /// Node address -> (block, node location, checked on lookup).
    by_node: HashMap<usize, (BlockId, Loc)>,
}

impl SymbolTable {
    /// Build and analyze the symbol table of `module` (`future_flags` holds
    /// the CO_FUTURE_* bits in force, see `future::FutureFeatures`).
    pub fn build(
        module: &Mod,
        filename: &str,
        future_flags: u32,
    ) -> Result<SymbolTable, CompileError> {
        let mut b = Builder {
            filename,
            future_annotations: future_flags & CO_FUTURE_ANNOTATIONS != 0,
            blocks: Vec::new(),
            stack: Vec::new(),
            private: None,
            by_node: HashMap::default(),
            depth: 0,
        };
        b.enter_block("top", BlockType::Module, Loc::default(), None);
        match module {
            Mod::Module { body, .. } | Mod::Interactive { body } => b.visit_stmts(body)?,
            Mod::Expression { body } => b.visit_expr(body)?,
            Mod::FunctionType { .. } => {
                return Err(CompileError::Runtime(
                    "this compiler does not handle FunctionTypes".into(),
                ))
            }
        }
        b.exit_block();
        let mut table = SymbolTable {
            filename: filename.to_string(),
            blocks: b.blocks,
            by_node: b.by_node,
        };
        table.analyze()?;
        Ok(table)
    }

    pub fn top(&self) -> &Block {
        &self.blocks[0]
    }

    pub fn block(&self, id: BlockId) -> &Block {
        &self.blocks[id.index()]
    }

    /// The block of a `def`, `async def` or `class` statement.
    pub fn lookup_stmt(&self, s: &Stmt) -> Option<BlockId> {
        self.lookup_node(s as *const Stmt as usize, s.loc)
    }

    /// The block of a lambda, comprehension or generator expression.
    pub fn lookup_expr(&self, e: &Expr) -> Option<BlockId> {
        self.lookup_node(e as *const Expr as usize, e.loc)
    }

    fn lookup_node(&self, addr: usize, loc: Loc) -> Option<BlockId> {
        // The location check catches a tree that moved since the table was built.
        self.by_node
            .get(&addr)
            .filter(|(_, l)| *l == loc)
            .map(|(id, _)| *id)
    }

    /// A text view of the analysis: per block its type, name, line,
    /// nesting and parameters, then its symbols sorted by name with their
    /// scope and flags. `dump_python_symtable.py` prints CPython's table in
    /// the same form, to compare the two.
    pub fn dump(&self) -> String {
        let mut out = String::new();
        self.dump_block(BlockId::TOP, 0, &mut out);
        out
    }

    fn dump_block(&self, id: BlockId, depth: usize, out: &mut String) {
        use std::fmt::Write;
        let b = self.block(id);
        let indent = "  ".repeat(depth);
        let kind = match b.block_type {
            BlockType::Function => "function",
            BlockType::Class => "class",
            BlockType::Module => "module",
            BlockType::Annotation => "annotation",
        };
        let _ = writeln!(
            out,
            "{indent}{kind} {} line {}{} params ({})",
            b.name,
            b.loc.lineno,
            if b.nested { " nested" } else { "" },
            b.varnames.join(", ")
        );
        let mut names: Vec<&String> = b.symbols.keys().collect();
        names.sort();
        for name in names {
            let sym = &b.symbols[name];
            let _ = writeln!(
                out,
                "{indent}  {name}: {} {}",
                sym.scope().name(),
                flag_names(sym.flags)
            );
        }
        for &child in &b.children {
            self.dump_block(child, depth + 1, out);
        }
    }
}

/// `DEF_LOCAL|USE` style names of flag bits.
pub fn flag_names(flags: u32) -> String {
    const NAMES: [(u32, &str); 10] = [
        (DEF_GLOBAL, "DEF_GLOBAL"),
        (DEF_LOCAL, "DEF_LOCAL"),
        (DEF_PARAM, "DEF_PARAM"),
        (DEF_NONLOCAL, "DEF_NONLOCAL"),
        (USE, "USE"),
        (DEF_FREE, "DEF_FREE"),
        (DEF_FREE_CLASS, "DEF_FREE_CLASS"),
        (DEF_IMPORT, "DEF_IMPORT"),
        (DEF_ANNOT, "DEF_ANNOT"),
        (DEF_COMP_ITER, "DEF_COMP_ITER"),
    ];
    let parts: Vec<&str> = NAMES
        .iter()
        .filter(|(bit, _)| flags & bit != 0)
        .map(|(_, n)| *n)
        .collect();
    if parts.is_empty() {
        "-".to_string()
    } else {
        parts.join("|")
    }
}

/// Private name mangling (CPython's `_Py_Mangle`): inside class `Klass`,
/// `__spam` becomes `_Klass__spam`. Dunder names, dotted names (import
/// paths) and names in classes named only with underscores are left alone.
pub fn mangle<'a>(class_name: Option<&str>, name: &'a str) -> std::borrow::Cow<'a, str> {
    use std::borrow::Cow;
    let Some(class_name) = class_name else {
        return Cow::Borrowed(name);
    };
    if !name.starts_with("__") || name.ends_with("__") || name.contains('.') {
        return Cow::Borrowed(name);
    }
    let stripped = class_name.trim_start_matches('_');
    if stripped.is_empty() {
        return Cow::Borrowed(name);
    }
    Cow::Owned(format!("_{stripped}{name}"))
}

// ---------------------------------------------------------------------------
// First pass: collect raw facts.

struct Builder<'a> {
    filename: &'a str,
    future_annotations: bool,
    blocks: Vec<Block>,
    /// Blocks being visited, innermost last.
    stack: Vec<BlockId>,
    /// Name of the innermost class, for mangling.
    private: Option<String>,
    by_node: HashMap<usize, (BlockId, Loc)>,
    depth: u32,
}

type VisitResult = Result<(), CompileError>;

impl Builder<'_> {
    fn cur_id(&self) -> BlockId {
        // The module block stays on the stack for the whole first pass.
        *self
            .stack
            .last()
            .expect("symbol table stack is never empty while visiting")
    }

    fn cur(&self) -> &Block {
        &self.blocks[self.cur_id().index()]
    }

    fn cur_mut(&mut self) -> &mut Block {
        let id = self.cur_id();
        &mut self.blocks[id.index()]
    }

    fn error(&self, msg: impl Into<String>, loc: Loc) -> CompileError {
        CompileError::Syntax(syntax_error(self.filename, msg, loc))
    }

    fn enter_block(&mut self, name: &str, block_type: BlockType, loc: Loc, node: Option<usize>) {
        let prev = self.stack.last().map(|&id| &self.blocks[id.index()]);
        let nested = prev.is_some_and(|p| p.nested || p.block_type == BlockType::Function);
        // Walrus is refused anywhere inside a comprehension's iterable, even
        // in a lambda or comprehension nested there.
        let comp_iter_expr = prev.map_or(0, |p| p.comp_iter_expr);
        let id = BlockId(self.blocks.len() as u32);
        self.blocks.push(Block {
            name: name.to_string(),
            block_type,
            comprehension: None,
            loc,
            symbols: IndexMap::default(),
            varnames: Vec::new(),
            children: Vec::new(),
            nested,
            free: false,
            child_free: false,
            generator: false,
            coroutine: false,
            varargs: false,
            varkeywords: false,
            returns_value: false,
            needs_class_closure: false,
            directives: Vec::new(),
            comp_iter_target: false,
            comp_iter_expr,
        });
        // Annotation blocks stay out of the tree: their names are never analyzed.
        if block_type != BlockType::Annotation {
            if let Some(&parent) = self.stack.last() {
                self.blocks[parent.index()].children.push(id);
            }
            if let Some(addr) = node {
                self.by_node.insert(addr, (id, loc));
            }
        }
        self.stack.push(id);
    }

    fn exit_block(&mut self) {
        self.stack.pop();
    }

    /// CPython's `symtable_add_def_helper`: record `flag` for `name` in `block`.
    fn add_def_in(&mut self, block: BlockId, name: &str, flag: u32, loc: Loc) -> VisitResult {
        let mangled = mangle(self.private.as_deref(), name);
        let ste = &self.blocks[block.index()];
        let mut val = match ste.symbols.get(&*mangled) {
            Some(sym) => {
                if flag & DEF_PARAM != 0 && sym.flags & DEF_PARAM != 0 {
                    return Err(self.error(
                        format!("duplicate argument '{name}' in function definition"),
                        loc,
                    ));
                }
                sym.flags | flag
            }
            None => flag,
        };
        if ste.comp_iter_target {
            // An iteration variable must not rebind a walrus target of an
            // earlier clause; mark it so a later walrus can check the converse.
            if val & (DEF_GLOBAL | DEF_NONLOCAL) != 0 {
                return Err(self.error(
                    format!("comprehension inner loop cannot rebind assignment expression target '{name}'"),
                    loc,
                ));
            }
            val |= DEF_COMP_ITER;
        }
        let ste = &mut self.blocks[block.index()];
        match ste.symbols.get_mut(&*mangled) {
            Some(sym) => sym.flags = val,
            None => {
                ste.symbols.insert(mangled.to_string(), Symbol { flags: val, ..Symbol::default() });
            }
        }
        if flag & DEF_PARAM != 0 {
            ste.varnames.push(mangled.into_owned());
        } else if flag & DEF_GLOBAL != 0 {
            // The module's own symbols are the table of known globals.
            self.blocks[0].symbols.entry(mangled.into_owned()).or_default().flags |= flag;
        }
        Ok(())
    }

    fn add_def(&mut self, name: &str, flag: u32, loc: Loc) -> VisitResult {
        self.add_def_in(self.cur_id(), name, flag, loc)
    }

    /// Flags of `name` (mangled) in the current block.
    fn lookup(&self, name: &str) -> u32 {
        self.cur().flags_of(&mangle(self.private.as_deref(), name))
    }

    fn record_directive(&mut self, name: &str, loc: Loc) {
        let mangled = mangle(self.private.as_deref(), name).into_owned();
        self.cur_mut().directives.push((mangled, loc));
    }

    /// Count one level of nesting; the caller must call `leave` on success.
    fn enter(&mut self) -> VisitResult {
        self.depth += 1;
        if self.depth > RECURSION_LIMIT {
            return Err(CompileError::Recursion);
        }
        Ok(())
    }

    fn leave(&mut self) {
        self.depth -= 1;
    }

    fn visit_stmts(&mut self, stmts: &[Stmt]) -> VisitResult {
        stmts.iter().try_for_each(|s| self.visit_stmt(s))
    }

    fn visit_exprs(&mut self, exprs: &[Expr]) -> VisitResult {
        exprs.iter().try_for_each(|e| self.visit_expr(e))
    }

    fn visit_stmt(&mut self, s: &Stmt) -> VisitResult {
        self.enter()?;
        stacker::maybe_grow(64 * 1024, 1024 * 1024, || self.visit_stmt_inner(s))?;
        self.leave();
        Ok(())
    }

    fn visit_stmt_inner(&mut self, s: &Stmt) -> VisitResult {
        match &s.kind {
            StmtKind::FunctionDef {
                name,
                args,
                body,
                decorator_list,
                returns,
                ..
            }
            | StmtKind::AsyncFunctionDef {
                name,
                args,
                body,
                decorator_list,
                returns,
                ..
            } => {
                self.add_def(name, DEF_LOCAL, s.loc)?;
                self.visit_exprs(&args.defaults)?;
                self.visit_opt_exprs(&args.kw_defaults)?;
                self.visit_annotations(s, args, returns.as_deref())?;
                self.visit_exprs(decorator_list)?;
                self.enter_block(
                    name,
                    BlockType::Function,
                    s.loc,
                    Some(s as *const Stmt as usize),
                );
                if matches!(s.kind, StmtKind::AsyncFunctionDef { .. }) {
                    self.cur_mut().coroutine = true;
                }
                self.visit_params(args)?;
                self.visit_stmts(body)?;
                self.exit_block();
            }
            StmtKind::ClassDef {
                name,
                bases,
                keywords,
                body,
                decorator_list,
            } => {
                self.add_def(name, DEF_LOCAL, s.loc)?;
                self.visit_exprs(bases)?;
                self.visit_keywords(keywords)?;
                self.visit_exprs(decorator_list)?;
                self.enter_block(
                    name,
                    BlockType::Class,
                    s.loc,
                    Some(s as *const Stmt as usize),
                );
                let outer_private = self.private.replace(name.clone());
                let result = self.visit_stmts(body);
                self.private = outer_private;
                result?;
                self.exit_block();
            }
            StmtKind::Return { value } => {
                if let Some(value) = value {
                    self.visit_expr(value)?;
                    self.cur_mut().returns_value = true;
                }
            }
            StmtKind::Delete { targets } => self.visit_exprs(targets)?,
            StmtKind::Assign { targets, value, .. } => {
                self.visit_exprs(targets)?;
                self.visit_expr(value)?;
            }
            StmtKind::AnnAssign {
                target,
                annotation,
                value,
                simple,
            } => self.visit_ann_assign(s, target, annotation, value.as_deref(), *simple != 0)?,
            StmtKind::AugAssign { target, value, .. } => {
                self.visit_expr(target)?;
                self.visit_expr(value)?;
            }
            StmtKind::For {
                target,
                iter,
                body,
                orelse,
                ..
            }
            | StmtKind::AsyncFor {
                target,
                iter,
                body,
                orelse,
                ..
            } => {
                self.visit_expr(target)?;
                self.visit_expr(iter)?;
                self.visit_stmts(body)?;
                self.visit_stmts(orelse)?;
            }
            StmtKind::While { test, body, orelse } | StmtKind::If { test, body, orelse } => {
                self.visit_expr(test)?;
                self.visit_stmts(body)?;
                self.visit_stmts(orelse)?;
            }
            StmtKind::Match { subject, cases } => {
                self.visit_expr(subject)?;
                cases.iter().try_for_each(|c| self.visit_match_case(c))?;
            }
            StmtKind::Raise { exc, cause } => {
                if let Some(exc) = exc {
                    self.visit_expr(exc)?;
                    if let Some(cause) = cause {
                        self.visit_expr(cause)?;
                    }
                }
            }
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
                // CPython's order: else before the handlers.
                self.visit_stmts(body)?;
                self.visit_stmts(orelse)?;
                handlers.iter().try_for_each(|h| self.visit_handler(h))?;
                self.visit_stmts(finalbody)?;
            }
            StmtKind::Assert { test, msg } => {
                self.visit_expr(test)?;
                if let Some(msg) = msg {
                    self.visit_expr(msg)?;
                }
            }
            StmtKind::Import { names } | StmtKind::ImportFrom { names, .. } => {
                names.iter().try_for_each(|a| self.visit_alias(a))?
            }
            StmtKind::Global { names } => self.visit_declaration(s, names, DEF_GLOBAL)?,
            StmtKind::Nonlocal { names } => self.visit_declaration(s, names, DEF_NONLOCAL)?,
            StmtKind::Expr { value } => self.visit_expr(value)?,
            StmtKind::Pass | StmtKind::Break | StmtKind::Continue => {}
            StmtKind::With { items, body, .. } | StmtKind::AsyncWith { items, body, .. } => {
                items.iter().try_for_each(|i| self.visit_withitem(i))?;
                self.visit_stmts(body)?;
            }
        }
        Ok(())
    }

    fn visit_ann_assign(
        &mut self,
        s: &Stmt,
        target: &Expr,
        annotation: &Expr,
        value: Option<&Expr>,
        simple: bool,
    ) -> VisitResult {
        if let ExprKind::Name { id, .. } = &target.kind {
            let cur = self.lookup(id);
            let at_module = self.cur_id() == BlockId::TOP;
            if cur & (DEF_GLOBAL | DEF_NONLOCAL) != 0 && !at_module && simple {
                let what = if cur & DEF_GLOBAL != 0 {
                    "global"
                } else {
                    "nonlocal"
                };
                return Err(self.error(format!("annotated name '{id}' can't be {what}"), s.loc));
            }
            if simple {
                self.add_def(id, DEF_ANNOT | DEF_LOCAL, target.loc)?;
            }
            // `(x): int` (not simple, no value) records nothing.
            if value.is_some() {
                self.add_def(id, DEF_LOCAL, target.loc)?;
            }
        } else {
            self.visit_expr(target)?;
        }
        self.visit_annotation(annotation)?;
        if let Some(value) = value {
            self.visit_expr(value)?;
        }
        Ok(())
    }

    /// `global` or `nonlocal` statement.
    fn visit_declaration(&mut self, s: &Stmt, names: &[String], flag: u32) -> VisitResult {
        let what = if flag == DEF_GLOBAL {
            "global"
        } else {
            "nonlocal"
        };
        for name in names {
            let cur = self.lookup(name);
            if cur & (DEF_PARAM | DEF_LOCAL | USE | DEF_ANNOT) != 0 {
                let msg = if cur & DEF_PARAM != 0 {
                    format!("name '{name}' is parameter and {what}")
                } else if cur & USE != 0 {
                    format!("name '{name}' is used prior to {what} declaration")
                } else if cur & DEF_ANNOT != 0 {
                    format!("annotated name '{name}' can't be {what}")
                } else {
                    format!("name '{name}' is assigned to before {what} declaration")
                };
                return Err(self.error(msg, s.loc));
            }
            self.add_def(name, flag, s.loc)?;
            self.record_directive(name, s.loc);
        }
        Ok(())
    }

    fn visit_opt_exprs(&mut self, exprs: &[Option<Expr>]) -> VisitResult {
        exprs.iter().flatten().try_for_each(|e| self.visit_expr(e))
    }

    fn visit_keywords(&mut self, keywords: &[Keyword]) -> VisitResult {
        keywords.iter().try_for_each(|k| self.visit_expr(&k.value))
    }

    fn visit_params(&mut self, args: &Arguments) -> VisitResult {
        for arg in args
            .posonlyargs
            .iter()
            .chain(&args.args)
            .chain(&args.kwonlyargs)
        {
            self.add_def(&arg.arg, DEF_PARAM, arg.loc)?;
        }
        if let Some(arg) = &args.vararg {
            self.add_def(&arg.arg, DEF_PARAM, arg.loc)?;
            self.cur_mut().varargs = true;
        }
        if let Some(arg) = &args.kwarg {
            self.add_def(&arg.arg, DEF_PARAM, arg.loc)?;
            self.cur_mut().varkeywords = true;
        }
        Ok(())
    }

    /// Parameter and return annotations of a `def`, visited in the enclosing
    /// scope (or in annotation blocks under the `annotations` future).
    fn visit_annotations(
        &mut self,
        s: &Stmt,
        args: &Arguments,
        returns: Option<&Expr>,
    ) -> VisitResult {
        if self.future_annotations {
            self.enter_block("_annotation", BlockType::Annotation, s.loc, None);
        }
        // CPython's order: *args and **kwargs before the keyword-only ones.
        let annotated = args
            .posonlyargs
            .iter()
            .chain(&args.args)
            .chain(&args.vararg)
            .chain(&args.kwarg)
            .chain(&args.kwonlyargs);
        for arg in annotated {
            if let Some(annotation) = &arg.annotation {
                self.visit_expr(annotation)?;
            }
        }
        if self.future_annotations {
            self.exit_block();
        }
        if let Some(returns) = returns {
            self.visit_annotation(returns)?;
        }
        Ok(())
    }

    fn visit_annotation(&mut self, annotation: &Expr) -> VisitResult {
        if self.future_annotations {
            self.enter_block("_annotation", BlockType::Annotation, annotation.loc, None);
        }
        self.visit_expr(annotation)?;
        if self.future_annotations {
            self.exit_block();
        }
        Ok(())
    }

    fn visit_handler(&mut self, h: &ExceptHandler) -> VisitResult {
        let ExceptHandlerKind::ExceptHandler { type_, name, body } = &h.kind;
        if let Some(type_) = type_ {
            self.visit_expr(type_)?;
        }
        if let Some(name) = name {
            self.add_def(name, DEF_LOCAL, h.loc)?;
        }
        self.visit_stmts(body)
    }

    fn visit_withitem(&mut self, item: &WithItem) -> VisitResult {
        self.visit_expr(&item.context_expr)?;
        if let Some(vars) = &item.optional_vars {
            self.visit_expr(vars)?;
        }
        Ok(())
    }

    fn visit_alias(&mut self, a: &Alias) -> VisitResult {
        // `import a.b.c` binds `a`.
        let name = a.asname.as_deref().unwrap_or(&a.name);
        if name == "*" {
            if self.cur().block_type != BlockType::Module {
                return Err(self.error("import * only allowed at module level", a.loc));
            }
            return Ok(());
        }
        let store_name = name.split('.').next().unwrap_or(name);
        self.add_def(store_name, DEF_IMPORT, a.loc)
    }

    fn visit_match_case(&mut self, case: &MatchCase) -> VisitResult {
        self.visit_pattern(&case.pattern)?;
        if let Some(guard) = &case.guard {
            self.visit_expr(guard)?;
        }
        self.visit_stmts(&case.body)
    }

    fn visit_pattern(&mut self, p: &Pattern) -> VisitResult {
        self.enter()?;
        stacker::maybe_grow(64 * 1024, 1024 * 1024, || self.visit_pattern_inner(p))?;
        self.leave();
        Ok(())
    }

    fn visit_pattern_inner(&mut self, p: &Pattern) -> VisitResult {
        match &p.kind {
            PatternKind::MatchValue { value } => self.visit_expr(value)?,
            PatternKind::MatchSingleton { .. } => {}
            PatternKind::MatchSequence { patterns } | PatternKind::MatchOr { patterns } => {
                patterns.iter().try_for_each(|p| self.visit_pattern(p))?
            }
            PatternKind::MatchStar { name } => {
                if let Some(name) = name {
                    self.add_def(name, DEF_LOCAL, p.loc)?;
                }
            }
            PatternKind::MatchMapping {
                keys,
                patterns,
                rest,
            } => {
                self.visit_exprs(keys)?;
                patterns.iter().try_for_each(|p| self.visit_pattern(p))?;
                if let Some(rest) = rest {
                    self.add_def(rest, DEF_LOCAL, p.loc)?;
                }
            }
            PatternKind::MatchClass {
                cls,
                patterns,
                kwd_patterns,
                ..
            } => {
                self.visit_expr(cls)?;
                patterns
                    .iter()
                    .chain(kwd_patterns)
                    .try_for_each(|p| self.visit_pattern(p))?;
            }
            PatternKind::MatchAs { pattern, name } => {
                if let Some(pattern) = pattern {
                    self.visit_pattern(pattern)?;
                }
                if let Some(name) = name {
                    self.add_def(name, DEF_LOCAL, p.loc)?;
                }
            }
        }
        Ok(())
    }

    fn visit_expr(&mut self, e: &Expr) -> VisitResult {
        self.enter()?;
        stacker::maybe_grow(64 * 1024, 1024 * 1024, || self.visit_expr_inner(e))?;
        self.leave();
        Ok(())
    }

    fn visit_expr_inner(&mut self, e: &Expr) -> VisitResult {
        match &e.kind {
            ExprKind::NamedExpr { target, value } => {
                self.refuse_in_annotation("named expression", e)?;
                self.visit_named_expr(e, target, value)?;
            }
            ExprKind::BoolOp { values, .. } => self.visit_exprs(values)?,
            ExprKind::BinOp { left, right, .. } => {
                self.visit_expr(left)?;
                self.visit_expr(right)?;
            }
            ExprKind::UnaryOp { operand, .. } => self.visit_expr(operand)?,
            ExprKind::Lambda { args, body } => {
                self.visit_exprs(&args.defaults)?;
                self.visit_opt_exprs(&args.kw_defaults)?;
                self.enter_block(
                    "lambda",
                    BlockType::Function,
                    e.loc,
                    Some(e as *const Expr as usize),
                );
                self.visit_params(args)?;
                self.visit_expr(body)?;
                self.exit_block();
            }
            ExprKind::IfExp { test, body, orelse } => {
                self.visit_expr(test)?;
                self.visit_expr(body)?;
                self.visit_expr(orelse)?;
            }
            ExprKind::Dict { keys, values } => {
                self.visit_opt_exprs(keys)?;
                self.visit_exprs(values)?;
            }
            ExprKind::Set { elts } => self.visit_exprs(elts)?,
            ExprKind::ListComp { elt, generators } => self.visit_comprehension(
                e,
                "listcomp",
                ComprehensionType::List,
                generators,
                elt,
                None,
            )?,
            ExprKind::SetComp { elt, generators } => self.visit_comprehension(
                e,
                "setcomp",
                ComprehensionType::Set,
                generators,
                elt,
                None,
            )?,
            ExprKind::DictComp {
                key,
                value,
                generators,
            } => self.visit_comprehension(
                e,
                "dictcomp",
                ComprehensionType::Dict,
                generators,
                key,
                Some(value),
            )?,
            ExprKind::GeneratorExp { elt, generators } => self.visit_comprehension(
                e,
                "genexpr",
                ComprehensionType::Generator,
                generators,
                elt,
                None,
            )?,
            ExprKind::Yield { value } => {
                self.refuse_in_annotation("yield expression", e)?;
                if let Some(value) = value {
                    self.visit_expr(value)?;
                }
                self.mark_generator(e)?;
            }
            ExprKind::YieldFrom { value } => {
                self.refuse_in_annotation("yield expression", e)?;
                self.visit_expr(value)?;
                self.mark_generator(e)?;
            }
            ExprKind::Await { value } => {
                self.refuse_in_annotation("await expression", e)?;
                self.visit_expr(value)?;
                self.cur_mut().coroutine = true;
            }
            ExprKind::Compare {
                left, comparators, ..
            } => {
                self.visit_expr(left)?;
                self.visit_exprs(comparators)?;
            }
            ExprKind::Call {
                func,
                args,
                keywords,
            } => {
                self.visit_expr(func)?;
                self.visit_exprs(args)?;
                self.visit_keywords(keywords)?;
            }
            ExprKind::FormattedValue {
                value, format_spec, ..
            } => {
                self.visit_expr(value)?;
                if let Some(spec) = format_spec {
                    self.visit_expr(spec)?;
                }
            }
            ExprKind::JoinedStr { values } => self.visit_exprs(values)?,
            ExprKind::Constant { .. } => {}
            ExprKind::Attribute { value, .. } => self.visit_expr(value)?,
            ExprKind::Subscript { value, slice, .. } => {
                self.visit_expr(value)?;
                self.visit_expr(slice)?;
            }
            ExprKind::Starred { value, .. } => self.visit_expr(value)?,
            ExprKind::Slice { lower, upper, step } => {
                for part in [lower, upper, step].into_iter().flatten() {
                    self.visit_expr(part)?;
                }
            }
            ExprKind::Name { id, ctx } => {
                let flag = if *ctx == ExprContext::Load {
                    USE
                } else {
                    DEF_LOCAL
                };
                self.add_def(id, flag, e.loc)?;
                // `super()` needs the `__class__` cell of the enclosing class.
                if *ctx == ExprContext::Load
                    && self.cur().block_type == BlockType::Function
                    && id == "super"
                {
                    self.add_def("__class__", USE, e.loc)?;
                }
            }
            ExprKind::List { elts, .. } | ExprKind::Tuple { elts, .. } => self.visit_exprs(elts)?,
        }
        Ok(())
    }

    /// `yield` / `yield from`: makes the block a generator; refused in comprehensions.
    fn mark_generator(&mut self, e: &Expr) -> VisitResult {
        let cur = self.cur_mut();
        cur.generator = true;
        let Some(kind) = cur.comprehension else {
            return Ok(());
        };
        let msg = match kind {
            ComprehensionType::List => "'yield' inside list comprehension",
            ComprehensionType::Set => "'yield' inside set comprehension",
            ComprehensionType::Dict => "'yield' inside dict comprehension",
            ComprehensionType::Generator => "'yield' inside generator expression",
        };
        Err(self.error(msg, e.loc))
    }

    fn refuse_in_annotation(&self, what: &str, e: &Expr) -> VisitResult {
        if self.cur().block_type == BlockType::Annotation {
            return Err(self.error(
                format!("'{what}' can not be used within an annotation"),
                e.loc,
            ));
        }
        Ok(())
    }

    fn visit_comprehension(
        &mut self,
        e: &Expr,
        name: &str,
        kind: ComprehensionType,
        generators: &[Comprehension],
        elt: &Expr,
        value: Option<&Expr>,
    ) -> VisitResult {
        let Some((outermost, rest)) = generators.split_first() else {
            // The parser never makes one; CPython would fail the same way on such a tree.
            return Err(self.error("comprehension with no generators", e.loc));
        };
        // The outermost iterable is evaluated in the enclosing scope and
        // passed to the comprehension's function as its `.0` argument.
        self.cur_mut().comp_iter_expr += 1;
        let result = self.visit_expr(&outermost.iter);
        self.cur_mut().comp_iter_expr -= 1;
        result?;
        self.enter_block(
            name,
            BlockType::Function,
            e.loc,
            Some(e as *const Expr as usize),
        );
        let is_generator = kind == ComprehensionType::Generator;
        {
            let cur = self.cur_mut();
            cur.comprehension = Some(kind);
            if outermost.is_async != 0 {
                cur.coroutine = true;
            }
        }
        self.add_def(".0", DEF_PARAM, e.loc)?;
        self.visit_comp_target(&outermost.target)?;
        self.visit_exprs(&outermost.ifs)?;
        for generator in rest {
            self.visit_comp_target(&generator.target)?;
            self.cur_mut().comp_iter_expr += 1;
            let result = self.visit_expr(&generator.iter);
            self.cur_mut().comp_iter_expr -= 1;
            result?;
            self.visit_exprs(&generator.ifs)?;
            if generator.is_async != 0 {
                self.cur_mut().coroutine = true;
            }
        }
        if let Some(value) = value {
            self.visit_expr(value)?;
        }
        self.visit_expr(elt)?;
        let cur = self.cur_mut();
        cur.generator = is_generator;
        // An async list/set/dict comprehension is awaited where it is
        // evaluated, making the enclosing comprehension async too.
        let is_async = cur.coroutine && !is_generator;
        self.exit_block();
        if is_async {
            self.cur_mut().coroutine = true;
        }
        Ok(())
    }

    fn visit_comp_target(&mut self, target: &Expr) -> VisitResult {
        self.cur_mut().comp_iter_target = true;
        let result = self.visit_expr(target);
        self.cur_mut().comp_iter_target = false;
        result
    }

    fn visit_named_expr(&mut self, e: &Expr, target: &Expr, value: &Expr) -> VisitResult {
        if self.cur().comp_iter_expr > 0 {
            return Err(self.error(
                "assignment expression cannot be used in a comprehension iterable expression",
                e.loc,
            ));
        }
        if self.cur().comprehension.is_some() {
            self.extend_named_expr_scope(target)?;
        }
        self.visit_expr(value)?;
        self.visit_expr(target)
    }

    /// A walrus in a comprehension binds in the nearest enclosing function
    /// or module: declare the name nonlocal (or global) in the comprehension
    /// and local there.
    fn extend_named_expr_scope(&mut self, target: &Expr) -> VisitResult {
        let ExprKind::Name { id, .. } = &target.kind else {
            // The parser only makes names here; nothing to bind otherwise.
            return Ok(());
        };
        let loc = target.loc;
        for i in (0..self.stack.len()).rev() {
            let ste_id = self.stack[i];
            let ste = &self.blocks[ste_id.index()];
            if ste.comprehension.is_some() {
                // CPython looks the iteration variable up unmangled.
                if ste.flags_of(id) & DEF_COMP_ITER != 0 {
                    return Err(self.error(
                        format!("assignment expression cannot rebind comprehension iteration variable '{id}'"),
                        loc,
                    ));
                }
                continue;
            }
            match ste.block_type {
                BlockType::Function => {
                    let flag = if ste.flags_of(id) & DEF_GLOBAL != 0 {
                        DEF_GLOBAL
                    } else {
                        DEF_NONLOCAL
                    };
                    self.add_def(id, flag, loc)?;
                    self.record_directive(id, loc);
                    return self.add_def_in(ste_id, id, DEF_LOCAL, loc);
                }
                BlockType::Module => {
                    self.add_def(id, DEF_GLOBAL, loc)?;
                    self.record_directive(id, loc);
                    return self.add_def_in(ste_id, id, DEF_GLOBAL, loc);
                }
                BlockType::Class => {
                    return Err(self.error(
                        "assignment expression within a comprehension cannot be used in a class body",
                        loc,
                    ));
                }
                BlockType::Annotation => {}
            }
        }
        Ok(())
    }
}

fn syntax_error(filename: &str, msg: impl Into<String>, loc: Loc) -> SyntaxError {
    // CPython reports these columns as 1-based UTF-8 byte offsets.
    let mut e = SyntaxError::new(SyntaxErrorKind::SyntaxError, msg);
    e.filename = filename.to_string();
    e.lineno = loc.lineno;
    e.offset = loc.col_offset + 1;
    e.end_lineno = loc.end_lineno;
    e.end_offset = loc.end_col_offset + 1;
    e
}

// ---------------------------------------------------------------------------
// Second pass: resolve scopes.

type NameSet = HashSet<String>;

impl SymbolTable {
    fn analyze(&mut self) -> Result<(), CompileError> {
        let mut free = NameSet::default();
        let mut global = NameSet::default();
        self.analyze_block(BlockId::TOP, None, &mut free, &mut global)
    }

    /// Resolve the names of `id` and its children. `bound` holds the names
    /// bound by enclosing functions (None for the module), `global` the
    /// names known to be global; the block's unresolved free names are
    /// added to `free`.
    fn analyze_block(
        &mut self,
        id: BlockId,
        mut bound: Option<&mut NameSet>,
        free: &mut NameSet,
        global: &mut NameSet,
    ) -> Result<(), CompileError> {
        let block_type = self.block(id).block_type;
        let mut local = NameSet::default();
        let mut newglobal = NameSet::default();
        let mut newbound = NameSet::default();
        let mut newfree = NameSet::default();

        // A class body's names are invisible to its methods: what they see
        // is fixed before the class's own names are analyzed.
        if block_type == BlockType::Class {
            newglobal.extend(global.iter().cloned());
            if let Some(bound) = bound.as_deref() {
                newbound.extend(bound.iter().cloned());
            }
        }

        let names: Vec<(String, u32)> = self
            .block(id)
            .symbols
            .iter()
            .map(|(n, s)| (n.clone(), s.flags))
            .collect();
        for (name, flags) in names {
            let scope = self.analyze_name(
                id,
                &name,
                flags,
                bound.as_deref_mut(),
                &mut local,
                free,
                global,
            )?;
            if let Some(sym) = self.blocks[id.index()].symbols.get_mut(&name) {
                sym.scope = Some(scope);
            }
        }

        if block_type != BlockType::Class {
            if block_type == BlockType::Function {
                newbound.extend(local.iter().cloned());
            }
            if let Some(bound) = bound.as_deref() {
                newbound.extend(bound.iter().cloned());
            }
            newglobal.extend(global.iter().cloned());
        } else {
            // Methods reach the class through an implicit `__class__` cell.
            newbound.insert("__class__".to_string());
        }

        let mut allfree = NameSet::default();
        let children = self.block(id).children.clone();
        for child in children {
            let mut child_bound = newbound.clone();
            let mut child_free = newfree.clone();
            let mut child_global = newglobal.clone();
            stacker::maybe_grow(64 * 1024, 1024 * 1024, || {
                self.analyze_block(
                    child,
                    Some(&mut child_bound),
                    &mut child_free,
                    &mut child_global,
                )
            })?;
            allfree.extend(child_free);
            let c = self.block(child);
            if c.free || c.child_free {
                self.blocks[id.index()].child_free = true;
            }
        }
        newfree.extend(allfree);

        match block_type {
            BlockType::Function => self.analyze_cells(id, &mut newfree),
            BlockType::Class if newfree.remove("__class__") => {
                self.blocks[id.index()].needs_class_closure = true;
            }
            _ => {}
        }
        self.update_symbols(
            id,
            bound.as_deref(),
            &newfree,
            block_type == BlockType::Class,
        );
        free.extend(newfree);
        Ok(())
    }

    #[allow(clippy::too_many_arguments)]
    fn analyze_name(
        &mut self,
        id: BlockId,
        name: &str,
        flags: u32,
        bound: Option<&mut NameSet>,
        local: &mut NameSet,
        free: &mut NameSet,
        global: &mut NameSet,
    ) -> Result<Scope, CompileError> {
        if flags & DEF_GLOBAL != 0 {
            if flags & DEF_NONLOCAL != 0 {
                return Err(self.error_at_directive(
                    id,
                    name,
                    format!("name '{name}' is nonlocal and global"),
                ));
            }
            global.insert(name.to_string());
            if let Some(bound) = bound {
                bound.remove(name);
            }
            return Ok(Scope::GlobalExplicit);
        }
        if flags & DEF_NONLOCAL != 0 {
            let Some(bound) = bound else {
                return Err(self.error_at_directive(
                    id,
                    name,
                    "nonlocal declaration not allowed at module level".into(),
                ));
            };
            if !bound.contains(name) {
                return Err(self.error_at_directive(
                    id,
                    name,
                    format!("no binding for nonlocal '{name}' found"),
                ));
            }
            self.blocks[id.index()].free = true;
            free.insert(name.to_string());
            return Ok(Scope::Free);
        }
        if flags & DEF_BOUND != 0 {
            local.insert(name.to_string());
            global.remove(name);
            return Ok(Scope::Local);
        }
        // Bound in an enclosing function: free here.
        if bound.is_some_and(|b| b.contains(name)) {
            self.blocks[id.index()].free = true;
            free.insert(name.to_string());
            return Ok(Scope::Free);
        }
        // Declared global further out: still only implicitly global here.
        if global.contains(name) {
            return Ok(Scope::GlobalImplicit);
        }
        if self.block(id).nested {
            self.blocks[id.index()].free = true;
        }
        Ok(Scope::GlobalImplicit)
    }

    /// Locals that children use freely become cells.
    fn analyze_cells(&mut self, id: BlockId, free: &mut NameSet) {
        for (name, sym) in self.blocks[id.index()].symbols.iter_mut() {
            if sym.scope == Some(Scope::Local) && free.remove(name) {
                sym.scope = Some(Scope::Cell);
            }
        }
    }

    /// Record the free names of the children that pass through this block.
    fn update_symbols(
        &mut self,
        id: BlockId,
        bound: Option<&NameSet>,
        free: &NameSet,
        is_class: bool,
    ) {
        let mut names: Vec<&String> = free.iter().collect();
        names.sort();
        let block = &mut self.blocks[id.index()];
        for name in names {
            if let Some(sym) = block.symbols.get_mut(name) {
                // A method's free variable that the class body binds or
                // declares global: the class body still gets it from the cell.
                if is_class && sym.flags & (DEF_BOUND | DEF_GLOBAL) != 0 {
                    sym.flags |= DEF_FREE_CLASS;
                }
                continue;
            }
            if bound.is_some_and(|b| !b.contains(name.as_str())) {
                // A global: nothing to pass down.
                continue;
            }
            block.symbols.insert(
                name.clone(),
                Symbol {
                    flags: 0,
                    scope: Some(Scope::Free),
                },
            );
        }
    }

    /// The error for a `global`/`nonlocal` name, at its first declaration.
    fn error_at_directive(&self, id: BlockId, name: &str, msg: String) -> CompileError {
        let loc = self
            .block(id)
            .directives
            .iter()
            .find(|(n, _)| n == name)
            .map_or(Loc::default(), |(_, loc)| *loc);
        CompileError::Syntax(syntax_error(&self.filename, msg, loc))
    }
}

#[cfg(test)]
mod tests;
