//! Statements: assignments, control flow, exception handling, `with`, imports.

use syntax::ast::{
    Constant, ExceptHandler, ExceptHandlerKind, Expr, ExprContext, ExprKind, Stmt, StmtKind,
    WithItem,
};

use super::expr::binop_arg;
use super::fold;
use super::{CResult, Compiler, FBlock, FBlockDatum, FBlockKind, ScopeType};
use crate::assemble::{BlockId, Op};
use crate::code::Location;
use crate::opcode::*;
use crate::symtable::BlockType;

impl<'a> Compiler<'a> {
    pub fn visit_stmts(&mut self, body: &'a [Stmt]) -> CResult {
        for s in body {
            self.visit_stmt(s)?;
        }
        Ok(())
    }

    pub fn visit_stmt(&mut self, s: &'a Stmt) -> CResult {
        self.enter_nested()?;
        self.set_loc(&s.loc);
        let r = stacker::maybe_grow(super::RED_ZONE, super::STACK_CHUNK, || {
            self.visit_stmt_inner(s)
        });
        self.leave_nested();
        r
    }

    fn visit_stmt_inner(&mut self, s: &'a Stmt) -> CResult {
        match &s.kind {
            StmtKind::FunctionDef { .. } | StmtKind::AsyncFunctionDef { .. } => {
                self.compile_function(s)?
            }
            StmtKind::ClassDef { .. } => self.compile_class(s)?,
            StmtKind::Return { value } => self.compile_return(s, value.as_deref())?,
            StmtKind::Delete { targets } => {
                for t in targets {
                    self.visit_expr(t)?;
                }
            }
            StmtKind::Assign { targets, value, .. } => {
                self.visit_expr(value)?;
                let n = targets.len();
                for (i, t) in targets.iter().enumerate() {
                    if i + 1 < n {
                        self.emit_arg(Opcode::COPY, 1);
                    }
                    self.visit_expr(t)?;
                }
            }
            StmtKind::AugAssign { target, op, value } => {
                self.compile_augassign(s, target, *op, value)?
            }
            StmtKind::AnnAssign {
                target,
                annotation,
                value,
                simple,
            } => self.compile_annassign(s, target, annotation, value.as_deref(), *simple != 0)?,
            StmtKind::For {
                target,
                iter,
                body,
                orelse,
                ..
            } => self.compile_for(s, target, iter, body, orelse)?,
            StmtKind::AsyncFor {
                target,
                iter,
                body,
                orelse,
                ..
            } => self.compile_async_for(s, target, iter, body, orelse)?,
            StmtKind::While { test, body, orelse } => self.compile_while(s, test, body, orelse)?,
            StmtKind::If { test, body, orelse } => {
                let end = self.new_block();
                let next = if orelse.is_empty() {
                    end
                } else {
                    self.new_block()
                };
                self.jump_if(test, next, false)?;
                self.visit_stmts(body)?;
                if !orelse.is_empty() {
                    self.emit_jump_noline(Op::Jump, end);
                    self.use_block(next);
                    self.visit_stmts(orelse)?;
                }
                self.use_block(end);
            }
            StmtKind::With { items, body, .. } => self.compile_with(s, items, body, 0)?,
            StmtKind::AsyncWith { items, body, .. } => {
                self.compile_async_with(s, items, body, 0)?
            }
            StmtKind::Match { subject, cases } => self.compile_match(s, subject, cases)?,
            StmtKind::Raise { exc, cause } => {
                let mut n = 0;
                if let Some(e) = exc {
                    self.visit_expr(e)?;
                    n += 1;
                    if let Some(c) = cause {
                        self.visit_expr(c)?;
                        n += 1;
                    }
                }
                self.emit_arg(Opcode::RAISE_VARARGS, n);
                self.next_block();
            }
            StmtKind::Try {
                body,
                handlers,
                orelse,
                finalbody,
            } => {
                if !finalbody.is_empty() {
                    self.compile_try_finally(s, body, handlers, orelse, finalbody, false)?
                } else {
                    self.compile_try_except(s, body, handlers, orelse)?
                }
            }
            StmtKind::TryStar {
                body,
                handlers,
                orelse,
                finalbody,
            } => {
                if !finalbody.is_empty() {
                    self.compile_try_finally(s, body, handlers, orelse, finalbody, true)?
                } else {
                    self.compile_try_star_except(s, body, handlers, orelse)?
                }
            }
            StmtKind::Assert { test, msg } => {
                self.check_assert(s.loc.lineno, test);
                if self.optimize > 0 {
                    return Ok(());
                }
                let end = self.new_block();
                self.jump_if(test, end, true)?;
                self.emit(Opcode::LOAD_ASSERTION_ERROR);
                if let Some(m) = msg {
                    self.visit_expr(m)?;
                    self.emit_arg(Opcode::PRECALL, 0);
                    self.emit_arg(Opcode::CALL, 0);
                }
                self.emit_arg(Opcode::RAISE_VARARGS, 1);
                self.use_block(end);
            }
            StmtKind::Import { names } => {
                for alias in names {
                    // Every instruction of an import statement has the statement's
                    // location (as CPython 3.11).
                    self.set_loc(&s.loc);
                    self.load_const(Constant::Int(0));
                    self.load_const(Constant::None);
                    self.emit_name_raw(Opcode::IMPORT_NAME, &alias.name);
                    if let Some(asname) = &alias.asname {
                        if let Some(dot) = alias.name.find('.') {
                            let attrs: Vec<&str> = alias.name[dot + 1..].split('.').collect();
                            for (k, attr) in attrs.iter().enumerate() {
                                self.emit_name_raw(Opcode::IMPORT_FROM, attr);
                                if k + 1 < attrs.len() {
                                    self.emit_arg(Opcode::SWAP, 2);
                                    self.emit(Opcode::POP_TOP);
                                }
                            }
                            self.name_op(asname, ExprContext::Store, &s.loc)?;
                            self.emit(Opcode::POP_TOP);
                        } else {
                            self.name_op(asname, ExprContext::Store, &s.loc)?;
                        }
                    } else {
                        let first = alias.name.split('.').next().unwrap_or("");
                        self.name_op(first, ExprContext::Store, &s.loc)?;
                    }
                }
            }
            StmtKind::ImportFrom {
                module,
                names,
                level,
            } => {
                self.future.check_import_from(s, &self.filename)?;
                self.load_const(Constant::Int(level.unwrap_or(0)));
                let list: Vec<Constant> = names
                    .iter()
                    .map(|a| Constant::Str(a.name.as_str().into()))
                    .collect();
                self.load_const(Constant::Tuple(list));
                self.emit_name_raw(Opcode::IMPORT_NAME, module.as_deref().unwrap_or(""));
                for alias in names {
                    if alias.name == "*" {
                        self.emit(Opcode::IMPORT_STAR);
                        return Ok(());
                    }
                    self.set_loc(&s.loc);
                    self.emit_name_raw(Opcode::IMPORT_FROM, &alias.name);
                    let store = alias.asname.as_deref().unwrap_or(&alias.name);
                    self.name_op(store, ExprContext::Store, &alias.loc)?;
                }
                self.set_loc(&s.loc);
                self.emit(Opcode::POP_TOP);
            }
            StmtKind::Global { .. } | StmtKind::Nonlocal { .. } => {}
            StmtKind::Expr { value } => {
                if self.interactive && self.units.len() == 1 {
                    self.visit_expr(value)?;
                    self.emit(Opcode::PRINT_EXPR);
                } else if matches!(value.kind, ExprKind::Constant { .. }) {
                    self.emit(Opcode::NOP);
                } else {
                    self.visit_expr(value)?;
                    // An artificial POP_TOP: it takes the line of the code before it.
                    self.um().loc = Location::NONE;
                    self.emit(Opcode::POP_TOP);
                }
            }
            StmtKind::Pass => self.emit(Opcode::NOP),
            StmtKind::Break => {
                self.emit(Opcode::NOP);
                let Some(lp) = self.unwind_fblock_stack(false, true, &s.loc)? else {
                    return Err(self.error("'break' outside loop", &s.loc));
                };
                self.unwind_fblock(&lp, false)?;
                self.emit_jump(Op::Jump, lp.exit.expect("loops have an exit"));
                self.next_block();
            }
            StmtKind::Continue => {
                self.emit(Opcode::NOP);
                let Some(lp) = self.unwind_fblock_stack(false, true, &s.loc)? else {
                    return Err(self.error("'continue' not properly in loop", &s.loc));
                };
                self.emit_jump(Op::Jump, lp.block.expect("loops have a start"));
                self.next_block();
            }
        }
        Ok(())
    }

    /// A name in co_names without mangling (imports).
    pub fn emit_name_raw(&mut self, op: Opcode, name: &str) {
        let i = self.add_name(name);
        self.emit_arg(op, i);
    }

    fn compile_return(&mut self, s: &'a Stmt, value: Option<&'a Expr>) -> CResult {
        if self.ste().block_type != BlockType::Function {
            return Err(self.error("'return' outside function", &s.loc));
        }
        if value.is_some() && self.ste().coroutine && self.ste().generator {
            return Err(self.error("'return' with value in async generator", &s.loc));
        }
        let folded = value.and_then(|v| fold::const_value(v, self.optimize));
        let preserve_tos = value.is_some() && folded.is_none();
        if preserve_tos {
            self.visit_expr(value.expect("checked"))?;
        } else if let Some(v) = value {
            self.set_loc(&v.loc);
            self.emit(Opcode::NOP);
        }
        if value.is_none_or(|v| v.loc.lineno != s.loc.lineno) {
            self.set_loc(&s.loc);
            self.emit(Opcode::NOP);
        }
        self.unwind_fblock_stack(preserve_tos, false, &s.loc)?;
        match (value, folded) {
            (None, _) => self.load_const(Constant::None),
            (Some(_), Some(c)) => self.load_const(c),
            _ => {}
        }
        self.emit(Opcode::RETURN_VALUE);
        self.next_block();
        Ok(())
    }

    /// Emit the clean-up of one frame block being left by break/continue/return.
    pub fn unwind_fblock(&mut self, info: &FBlock<'a>, preserve_tos: bool) -> CResult {
        match info.kind {
            FBlockKind::WhileLoop
            | FBlockKind::ExceptionHandler
            | FBlockKind::ExceptionGroupHandler
            | FBlockKind::AsyncComprehensionGenerator => {}
            FBlockKind::ForLoop => {
                if preserve_tos {
                    self.emit_arg(Opcode::SWAP, 2);
                }
                self.emit(Opcode::POP_TOP);
            }
            FBlockKind::TryExcept => self.emit_pseudo(Op::PopBlock),
            FBlockKind::FinallyTry => {
                self.emit_pseudo(Op::PopBlock);
                if preserve_tos {
                    self.push_fblock(
                        FBlockKind::PopValue,
                        None,
                        None,
                        FBlockDatum::None,
                        &Default::default(),
                    )?;
                }
                if let FBlockDatum::Stmts(body) = info.datum {
                    self.visit_stmts(body)?;
                }
                if preserve_tos {
                    self.pop_fblock();
                }
                self.um().loc = Location::NONE;
            }
            FBlockKind::FinallyEnd => {
                if preserve_tos {
                    self.emit_arg(Opcode::SWAP, 2);
                }
                self.emit(Opcode::POP_TOP);
                if preserve_tos {
                    self.emit_arg(Opcode::SWAP, 2);
                }
                self.emit_pseudo(Op::PopBlock);
                self.emit(Opcode::POP_EXCEPT);
            }
            FBlockKind::With | FBlockKind::AsyncWith => {
                if let FBlockDatum::Loc(loc) = info.datum {
                    self.set_loc(&loc);
                }
                self.emit_pseudo(Op::PopBlock);
                if preserve_tos {
                    self.emit_arg(Opcode::SWAP, 2);
                }
                self.call_exit_with_nones();
                if info.kind == FBlockKind::AsyncWith {
                    self.emit_await(2);
                }
                self.emit(Opcode::POP_TOP);
                self.um().loc = Location::NONE;
            }
            FBlockKind::HandlerCleanup => {
                let name = match info.datum {
                    FBlockDatum::Name(n) => Some(n),
                    _ => None,
                };
                if name.is_some() {
                    self.emit_pseudo(Op::PopBlock);
                }
                if preserve_tos {
                    self.emit_arg(Opcode::SWAP, 2);
                }
                self.emit_pseudo(Op::PopBlock);
                self.emit(Opcode::POP_EXCEPT);
                if let Some(n) = name {
                    self.load_const(Constant::None);
                    self.name_op(n, ExprContext::Store, &Default::default())?;
                    self.name_op(n, ExprContext::Del, &Default::default())?;
                }
            }
            FBlockKind::PopValue => {
                if preserve_tos {
                    self.emit_arg(Opcode::SWAP, 2);
                }
                self.emit(Opcode::POP_TOP);
            }
        }
        Ok(())
    }

    /// Unwind the frame blocks up to the innermost loop (if `want_loop`)
    /// or all of them; returns the loop found.
    pub fn unwind_fblock_stack(
        &mut self,
        preserve_tos: bool,
        want_loop: bool,
        loc: &syntax::ast::Loc,
    ) -> CResult<Option<FBlock<'a>>> {
        let Some(top) = self.u().fblocks.last().copied() else {
            return Ok(None);
        };
        if top.kind == FBlockKind::ExceptionGroupHandler {
            return Err(self.error(
                "'break', 'continue' and 'return' cannot appear in an except* block",
                loc,
            ));
        }
        if want_loop && matches!(top.kind, FBlockKind::WhileLoop | FBlockKind::ForLoop) {
            return Ok(Some(top));
        }
        self.um().fblocks.pop();
        let r = self.unwind_fblock(&top, preserve_tos);
        let found = match r {
            Ok(()) => self.unwind_fblock_stack(preserve_tos, want_loop, loc),
            Err(e) => Err(e),
        };
        self.um().fblocks.push(top);
        found
    }

    pub fn call_exit_with_nones(&mut self) {
        self.load_const(Constant::None);
        self.load_const(Constant::None);
        self.load_const(Constant::None);
        self.emit_arg(Opcode::PRECALL, 2);
        self.emit_arg(Opcode::CALL, 2);
    }

    fn compile_augassign(
        &mut self,
        s: &'a Stmt,
        target: &'a Expr,
        op: syntax::ast::Operator,
        value: &'a Expr,
    ) -> CResult {
        match &target.kind {
            ExprKind::Attribute {
                value: obj, attr, ..
            } => {
                self.visit_expr(obj)?;
                self.emit_arg(Opcode::COPY, 1);
                self.set_loc(&target.loc);
                self.update_start_location_to_match_attr(target);
                self.emit_name(Opcode::LOAD_ATTR, attr);
                self.visit_expr(value)?;
                self.set_loc(&s.loc);
                self.emit_arg(Opcode::BINARY_OP, binop_arg(op) + NB_INPLACE);
                self.set_loc(&target.loc);
                self.update_start_location_to_match_attr(target);
                self.emit_arg(Opcode::SWAP, 2);
                self.emit_name(Opcode::STORE_ATTR, attr);
            }
            ExprKind::Subscript {
                value: obj, slice, ..
            } => {
                self.visit_expr(obj)?;
                self.visit_expr(slice)?;
                self.emit_arg(Opcode::COPY, 2);
                self.emit_arg(Opcode::COPY, 2);
                self.set_loc(&target.loc);
                self.emit(Opcode::BINARY_SUBSCR);
                self.visit_expr(value)?;
                self.set_loc(&s.loc);
                self.emit_arg(Opcode::BINARY_OP, binop_arg(op) + NB_INPLACE);
                self.set_loc(&target.loc);
                self.emit_arg(Opcode::SWAP, 3);
                self.emit_arg(Opcode::SWAP, 2);
                self.emit(Opcode::STORE_SUBSCR);
            }
            ExprKind::Name { id, .. } => {
                self.set_loc(&target.loc);
                self.name_op(id, ExprContext::Load, &target.loc)?;
                self.visit_expr(value)?;
                self.set_loc(&s.loc);
                self.emit_arg(Opcode::BINARY_OP, binop_arg(op) + NB_INPLACE);
                self.set_loc(&target.loc);
                self.name_op(id, ExprContext::Store, &target.loc)?;
            }
            _ => return Err(self.error("illegal expression for augmented assignment", &target.loc)),
        }
        Ok(())
    }

    fn compile_annassign(
        &mut self,
        s: &'a Stmt,
        target: &'a Expr,
        annotation: &'a Expr,
        value: Option<&'a Expr>,
        simple: bool,
    ) -> CResult {
        if let Some(v) = value {
            self.visit_expr(v)?;
            self.visit_expr(target)?;
        }
        let future_annotations = self.future_flags & crate::code::CO_FUTURE_ANNOTATIONS != 0;
        let module_or_class = matches!(self.u().scope_type, ScopeType::Module | ScopeType::Class);
        match &target.kind {
            ExprKind::Name { id, .. } => {
                if simple && module_or_class {
                    self.set_loc(&s.loc);
                    self.visit_annotation(annotation)?;
                    self.set_loc(&s.loc);
                    self.emit_name_raw(Opcode::LOAD_NAME, "__annotations__");
                    let mangled = self.mangle(id).into_owned();
                    self.load_const(Constant::Str(mangled.as_str().into()));
                    self.emit(Opcode::STORE_SUBSCR);
                }
            }
            ExprKind::Attribute { value: obj, .. } => {
                if value.is_none() {
                    self.visit_expr(obj)?;
                    self.emit(Opcode::POP_TOP);
                }
            }
            ExprKind::Subscript {
                value: obj, slice, ..
            } => {
                if value.is_none() {
                    self.visit_expr(obj)?;
                    self.emit(Opcode::POP_TOP);
                    self.visit_expr(slice)?;
                    self.emit(Opcode::POP_TOP);
                }
            }
            _ => return Err(self.error("invalid node type for annotated assignment", &target.loc)),
        }
        if !simple && !future_annotations && module_or_class {
            self.visit_expr(annotation)?;
            self.emit(Opcode::POP_TOP);
        }
        Ok(())
    }

    /// An annotation's value: the expression, or its source text under
    /// `from __future__ import annotations`.
    pub fn visit_annotation(&mut self, annotation: &'a Expr) -> CResult {
        if self.future_flags & crate::code::CO_FUTURE_ANNOTATIONS != 0 {
            let text = crate::unparse::unparse(annotation);
            self.load_const(Constant::Str(text.as_str().into()));
            Ok(())
        } else {
            self.visit_expr(annotation)
        }
    }

    fn compile_for(
        &mut self,
        s: &'a Stmt,
        target: &'a Expr,
        iter: &'a Expr,
        body: &'a [Stmt],
        orelse: &'a [Stmt],
    ) -> CResult {
        let start = self.new_block();
        let body_block = self.new_block();
        let cleanup = self.new_block();
        let end = self.new_block();
        self.push_fblock(
            FBlockKind::ForLoop,
            Some(start),
            Some(end),
            FBlockDatum::None,
            &s.loc,
        )?;
        if !self.visit_iterable_const(iter) {
            self.visit_expr(iter)?;
        }
        self.emit(Opcode::GET_ITER);
        self.use_block(start);
        self.emit_jump(Op::Real(Opcode::FOR_ITER), cleanup);
        self.use_block(body_block);
        self.visit_expr(target)?;
        self.visit_stmts(body)?;
        self.um().loc = Location::NONE;
        self.emit_jump(Op::Jump, start);
        self.use_block(cleanup);
        self.pop_fblock();
        self.visit_stmts(orelse)?;
        self.use_block(end);
        Ok(())
    }

    fn compile_async_for(
        &mut self,
        s: &'a Stmt,
        target: &'a Expr,
        iter: &'a Expr,
        body: &'a [Stmt],
        orelse: &'a [Stmt],
    ) -> CResult {
        if self.u().scope_type != ScopeType::AsyncFunction {
            return Err(self.error("'async for' outside async function", &s.loc));
        }
        let start = self.new_block();
        let except = self.new_block();
        let end = self.new_block();
        self.visit_expr(iter)?;
        self.emit(Opcode::GET_AITER);
        self.use_block(start);
        self.push_fblock(
            FBlockKind::ForLoop,
            Some(start),
            Some(end),
            FBlockDatum::None,
            &s.loc,
        )?;
        self.emit_jump(Op::SetupFinally, except);
        self.emit(Opcode::GET_ANEXT);
        self.load_const(Constant::None);
        self.add_yield_from(true);
        self.emit_pseudo(Op::PopBlock);
        self.visit_expr(target)?;
        self.visit_stmts(body)?;
        self.emit_jump_noline(Op::Jump, start);
        self.pop_fblock();
        self.use_block(except);
        self.set_loc(&iter.loc);
        self.emit(Opcode::END_ASYNC_FOR);
        self.visit_stmts(orelse)?;
        self.use_block(end);
        Ok(())
    }

    fn compile_while(
        &mut self,
        s: &'a Stmt,
        test: &'a Expr,
        body: &'a [Stmt],
        orelse: &'a [Stmt],
    ) -> CResult {
        let lp = self.new_block();
        let body_block = self.new_block();
        let anchor = self.new_block();
        let end = self.new_block();
        self.use_block(lp);
        self.push_fblock(
            FBlockKind::WhileLoop,
            Some(lp),
            Some(end),
            FBlockDatum::None,
            &s.loc,
        )?;
        self.jump_if(test, anchor, false)?;
        self.use_block(body_block);
        self.visit_stmts(body)?;
        self.set_loc(&s.loc);
        self.jump_if(test, body_block, true)?;
        self.pop_fblock();
        self.use_block(anchor);
        self.visit_stmts(orelse)?;
        self.use_block(end);
        Ok(())
    }

    fn pop_except_and_reraise(&mut self) {
        self.emit_arg(Opcode::COPY, 3);
        self.emit(Opcode::POP_EXCEPT);
        self.emit_arg(Opcode::RERAISE, 1);
    }

    fn compile_try_finally(
        &mut self,
        s: &'a Stmt,
        body: &'a [Stmt],
        handlers: &'a [ExceptHandler],
        orelse: &'a [Stmt],
        finalbody: &'a [Stmt],
        star: bool,
    ) -> CResult {
        let body_block = self.new_block();
        let end = self.new_block();
        let exit = self.new_block();
        let cleanup = self.new_block();
        self.emit_jump(Op::SetupFinally, end);
        self.use_block(body_block);
        self.push_fblock(
            FBlockKind::FinallyTry,
            Some(body_block),
            Some(end),
            FBlockDatum::Stmts(finalbody),
            &s.loc,
        )?;
        if !handlers.is_empty() {
            if star {
                self.compile_try_star_except(s, body, handlers, orelse)?;
            } else {
                self.compile_try_except(s, body, handlers, orelse)?;
            }
        } else {
            self.visit_stmts(body)?;
        }
        self.emit_pseudo_noline(Op::PopBlock);
        self.pop_fblock();
        self.visit_stmts(finalbody)?;
        self.emit_jump_noline(Op::Jump, exit);
        // The exceptional path.
        self.use_block(end);
        self.um().loc = Location::NONE;
        self.emit_jump(Op::SetupCleanup, cleanup);
        self.emit(Opcode::PUSH_EXC_INFO);
        self.push_fblock(
            FBlockKind::FinallyEnd,
            Some(end),
            None,
            FBlockDatum::None,
            &s.loc,
        )?;
        self.visit_stmts(finalbody)?;
        self.pop_fblock();
        // The re-raise keeps the location of the last statement compiled.
        self.emit_arg(Opcode::RERAISE, 0);
        self.use_block(cleanup);
        self.pop_except_and_reraise();
        self.use_block(exit);
        Ok(())
    }

    fn compile_try_except(
        &mut self,
        s: &'a Stmt,
        body: &'a [Stmt],
        handlers: &'a [ExceptHandler],
        orelse: &'a [Stmt],
    ) -> CResult {
        let body_block = self.new_block();
        let except = self.new_block();
        let end = self.new_block();
        let cleanup = self.new_block();
        self.set_loc(&s.loc);
        self.emit_jump(Op::SetupFinally, except);
        self.use_block(body_block);
        self.push_fblock(
            FBlockKind::TryExcept,
            Some(body_block),
            None,
            FBlockDatum::None,
            &s.loc,
        )?;
        self.visit_stmts(body)?;
        self.pop_fblock();
        self.emit_pseudo_noline(Op::PopBlock);
        self.visit_stmts(orelse)?;
        self.emit_jump_noline(Op::Jump, end);
        let n = handlers.len();
        self.use_block(except);
        self.um().loc = Location::NONE;
        self.emit_jump(Op::SetupCleanup, cleanup);
        self.emit(Opcode::PUSH_EXC_INFO);
        self.push_fblock(
            FBlockKind::ExceptionHandler,
            None,
            None,
            FBlockDatum::None,
            &s.loc,
        )?;
        for (i, h) in handlers.iter().enumerate() {
            let ExceptHandlerKind::ExceptHandler { type_, name, body } = &h.kind;
            self.set_loc(&h.loc);
            if type_.is_none() && i + 1 < n {
                return Err(self.error("default 'except:' must be last", &h.loc));
            }
            let next_except = self.new_block();
            if let Some(t) = type_ {
                self.visit_expr(t)?;
                self.emit(Opcode::CHECK_EXC_MATCH);
                self.emit_jump(Op::PopJumpIfFalse, next_except);
            }
            if let Some(name) = name {
                let cleanup_end = self.new_block();
                let cleanup_body = self.new_block();
                self.name_op(name, ExprContext::Store, &h.loc)?;
                self.emit_jump(Op::SetupCleanup, cleanup_end);
                self.use_block(cleanup_body);
                self.push_fblock(
                    FBlockKind::HandlerCleanup,
                    Some(cleanup_body),
                    None,
                    FBlockDatum::Name(name),
                    &h.loc,
                )?;
                self.visit_stmts(body)?;
                self.pop_fblock();
                self.emit_pseudo_noline(Op::PopBlock);
                self.emit_pseudo_noline(Op::PopBlock);
                self.emit_noline(Opcode::POP_EXCEPT, 0);
                self.um().loc = Location::NONE;
                self.load_const(Constant::None);
                self.name_op(name, ExprContext::Store, &h.loc)?;
                self.name_op(name, ExprContext::Del, &h.loc)?;
                self.emit_jump_noline(Op::Jump, end);
                self.use_block(cleanup_end);
                self.um().loc = Location::NONE;
                self.load_const(Constant::None);
                self.name_op(name, ExprContext::Store, &h.loc)?;
                self.name_op(name, ExprContext::Del, &h.loc)?;
                self.emit_arg(Opcode::RERAISE, 1);
            } else {
                let cleanup_body = self.new_block();
                self.emit(Opcode::POP_TOP);
                self.use_block(cleanup_body);
                self.push_fblock(
                    FBlockKind::HandlerCleanup,
                    Some(cleanup_body),
                    None,
                    FBlockDatum::None,
                    &h.loc,
                )?;
                self.visit_stmts(body)?;
                self.pop_fblock();
                self.emit_pseudo_noline(Op::PopBlock);
                self.emit_noline(Opcode::POP_EXCEPT, 0);
                self.emit_jump_noline(Op::Jump, end);
            }
            self.use_block(next_except);
        }
        self.pop_fblock();
        self.um().loc = Location::NONE;
        self.emit_arg(Opcode::RERAISE, 0);
        self.use_block(cleanup);
        self.pop_except_and_reraise();
        self.use_block(end);
        Ok(())
    }

    /// `try: ... except* E: ...` (CPython 3.11's compiler_try_star_except).
    /// The handlers run in turn on the parts of the exception group they
    /// match; what they raise is collected in a list that PREP_RERAISE_STAR
    /// combines with the unhandled rest.
    fn compile_try_star_except(
        &mut self,
        s: &'a Stmt,
        body: &'a [Stmt],
        handlers: &'a [ExceptHandler],
        orelse: &'a [Stmt],
    ) -> CResult {
        let body_block = self.new_block();
        let except = self.new_block();
        let orelse_block = self.new_block();
        let end = self.new_block();
        let cleanup = self.new_block();
        let reraise_star = self.new_block();
        self.set_loc(&s.loc);
        self.emit_jump(Op::SetupFinally, except);
        self.use_block(body_block);
        self.push_fblock(
            FBlockKind::TryExcept,
            Some(body_block),
            None,
            FBlockDatum::None,
            &s.loc,
        )?;
        self.visit_stmts(body)?;
        self.pop_fblock();
        self.emit_pseudo_noline(Op::PopBlock);
        self.emit_jump_noline(Op::Jump, orelse_block);
        let n = handlers.len();
        self.use_block(except);
        self.um().loc = Location::NONE;
        self.emit_jump(Op::SetupCleanup, cleanup);
        self.emit(Opcode::PUSH_EXC_INFO);
        self.push_fblock(
            FBlockKind::ExceptionGroupHandler,
            None,
            None,
            FBlockDatum::None,
            &s.loc,
        )?;
        for (i, h) in handlers.iter().enumerate() {
            let ExceptHandlerKind::ExceptHandler { type_, name, body } = &h.kind;
            self.set_loc(&h.loc);
            let next_except = self.new_block();
            let except_with_error = self.new_block();
            let no_match = self.new_block();
            if i == 0 {
                // [orig, exc] -> [orig, [], exc]: the list collects what handlers raise.
                self.emit_arg(Opcode::COPY, 1);
                self.emit_arg(Opcode::BUILD_LIST, 0);
                self.emit_arg(Opcode::SWAP, 2);
            }
            if let Some(t) = type_ {
                self.visit_expr(t)?;
                self.emit(Opcode::CHECK_EG_MATCH);
                self.emit_arg(Opcode::COPY, 1);
                self.emit_jump(Op::PopJumpIfNone, no_match);
            }
            let cleanup_end = self.new_block();
            let cleanup_body = self.new_block();
            match name {
                Some(nm) => self.name_op(nm, ExprContext::Store, &h.loc)?,
                None => self.emit(Opcode::POP_TOP),
            }
            self.emit_jump(Op::SetupCleanup, cleanup_end);
            self.use_block(cleanup_body);
            let datum = match name {
                Some(nm) => FBlockDatum::Name(nm),
                None => FBlockDatum::None,
            };
            self.push_fblock(
                FBlockKind::HandlerCleanup,
                Some(cleanup_body),
                None,
                datum,
                &h.loc,
            )?;
            self.visit_stmts(body)?;
            self.pop_fblock();
            self.emit_pseudo_noline(Op::PopBlock);
            if let Some(nm) = name {
                self.um().loc = Location::NONE;
                self.load_const(Constant::None);
                self.name_op(nm, ExprContext::Store, &h.loc)?;
                self.name_op(nm, ExprContext::Del, &h.loc)?;
            }
            self.emit_jump(Op::Jump, next_except);
            // An exception raised by the handler body joins the list.
            self.use_block(cleanup_end);
            self.um().loc = Location::NONE;
            if let Some(nm) = name {
                self.load_const(Constant::None);
                self.name_op(nm, ExprContext::Store, &h.loc)?;
                self.name_op(nm, ExprContext::Del, &h.loc)?;
            }
            self.emit_arg(Opcode::LIST_APPEND, 3);
            self.emit(Opcode::POP_TOP);
            self.emit_jump(Op::Jump, except_with_error);
            self.use_block(next_except);
            self.emit(Opcode::NOP);
            self.emit_jump(Op::Jump, except_with_error);
            self.use_block(no_match);
            self.set_loc(&h.loc);
            self.emit(Opcode::POP_TOP);
            self.use_block(except_with_error);
            if i + 1 == n {
                // The unhandled rest of the group (or None) joins the list.
                self.um().loc = Location::NONE;
                self.emit_arg(Opcode::LIST_APPEND, 1);
                self.emit_jump(Op::Jump, reraise_star);
            }
        }
        self.pop_fblock();
        let reraise = self.new_block();
        self.use_block(reraise_star);
        self.um().loc = Location::NONE;
        self.emit(Opcode::PREP_RERAISE_STAR);
        self.emit_arg(Opcode::COPY, 1);
        self.emit_jump(Op::PopJumpIfNotNone, reraise);
        self.emit(Opcode::POP_TOP);
        self.emit_pseudo(Op::PopBlock);
        self.emit(Opcode::POP_EXCEPT);
        self.emit_jump(Op::Jump, end);
        self.use_block(reraise);
        self.emit_pseudo(Op::PopBlock);
        self.emit_arg(Opcode::SWAP, 2);
        self.emit(Opcode::POP_EXCEPT);
        self.emit_arg(Opcode::RERAISE, 0);
        self.use_block(cleanup);
        self.pop_except_and_reraise();
        self.use_block(orelse_block);
        self.visit_stmts(orelse)?;
        self.use_block(end);
        Ok(())
    }

    fn compile_with(
        &mut self,
        s: &'a Stmt,
        items: &'a [WithItem],
        body: &'a [Stmt],
        pos: usize,
    ) -> CResult {
        let item = &items[pos];
        let block = self.new_block();
        let final_ = self.new_block();
        let exit = self.new_block();
        let cleanup = self.new_block();
        self.visit_expr(&item.context_expr)?;
        self.emit(Opcode::BEFORE_WITH);
        self.emit_jump(Op::SetupWith, final_);
        self.use_block(block);
        self.push_fblock(
            FBlockKind::With,
            Some(block),
            Some(final_),
            FBlockDatum::Loc(s.loc),
            &s.loc,
        )?;
        match &item.optional_vars {
            Some(v) => self.visit_expr(v)?,
            None => self.emit(Opcode::POP_TOP),
        }
        if pos + 1 == items.len() {
            self.visit_stmts(body)?;
        } else {
            self.compile_with(s, items, body, pos + 1)?;
        }
        self.emit_pseudo_noline(Op::PopBlock);
        self.pop_fblock();
        self.set_loc(&s.loc);
        self.call_exit_with_nones();
        self.emit(Opcode::POP_TOP);
        self.emit_jump(Op::Jump, exit);
        self.use_block(final_);
        self.emit_jump(Op::SetupCleanup, cleanup);
        self.emit(Opcode::PUSH_EXC_INFO);
        self.emit(Opcode::WITH_EXCEPT_START);
        self.with_except_finish(cleanup);
        self.use_block(exit);
        Ok(())
    }

    fn compile_async_with(
        &mut self,
        s: &'a Stmt,
        items: &'a [WithItem],
        body: &'a [Stmt],
        pos: usize,
    ) -> CResult {
        if self.u().scope_type != ScopeType::AsyncFunction {
            return Err(self.error("'async with' outside async function", &s.loc));
        }
        let item = &items[pos];
        let block = self.new_block();
        let final_ = self.new_block();
        let exit = self.new_block();
        let cleanup = self.new_block();
        self.visit_expr(&item.context_expr)?;
        self.emit(Opcode::BEFORE_ASYNC_WITH);
        self.emit_await(1);
        self.emit_jump(Op::SetupWith, final_);
        self.use_block(block);
        self.push_fblock(
            FBlockKind::AsyncWith,
            Some(block),
            Some(final_),
            FBlockDatum::Loc(s.loc),
            &s.loc,
        )?;
        match &item.optional_vars {
            Some(v) => self.visit_expr(v)?,
            None => self.emit(Opcode::POP_TOP),
        }
        if pos + 1 == items.len() {
            self.visit_stmts(body)?;
        } else {
            self.compile_async_with(s, items, body, pos + 1)?;
        }
        self.emit_pseudo_noline(Op::PopBlock);
        self.pop_fblock();
        self.set_loc(&s.loc);
        self.call_exit_with_nones();
        self.emit_await(2);
        self.emit(Opcode::POP_TOP);
        self.emit_jump(Op::Jump, exit);
        self.use_block(final_);
        self.emit_jump(Op::SetupCleanup, cleanup);
        self.emit(Opcode::PUSH_EXC_INFO);
        self.emit(Opcode::WITH_EXCEPT_START);
        self.emit_await(2);
        self.with_except_finish(cleanup);
        self.use_block(exit);
        Ok(())
    }

    fn with_except_finish(&mut self, cleanup: BlockId) {
        // Artificial code: no location, which also holds for what follows
        // the statement until the next one sets it.
        self.um().loc = Location::NONE;
        let exit = self.new_block();
        self.emit_jump(Op::PopJumpIfTrue, exit);
        self.next_block();
        self.emit_arg(Opcode::RERAISE, 2);
        self.use_block(cleanup);
        self.pop_except_and_reraise();
        self.use_block(exit);
        self.emit(Opcode::POP_TOP);
        self.emit_pseudo(Op::PopBlock);
        self.emit(Opcode::POP_EXCEPT);
        self.emit(Opcode::POP_TOP);
        self.emit(Opcode::POP_TOP);
    }
}
