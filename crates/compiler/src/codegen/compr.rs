//! Comprehensions and generator expressions: each is a nested function
//! taking the outermost iterator as its argument `.0`.

use syntax::ast::{Comprehension, Constant, Expr, ExprKind};

use super::{CResult, Compiler, FBlockDatum, FBlockKind, ScopeType};
use crate::assemble::Op;
use crate::opcode::*;

#[derive(Clone, Copy, PartialEq, Eq)]
enum CompKind {
    Gen,
    List,
    Set,
    Dict,
}

impl<'a> Compiler<'a> {
    pub fn compile_comprehension(&mut self, e: &'a Expr) -> CResult {
        let (kind, name, generators, elt, val) = match &e.kind {
            ExprKind::GeneratorExp { elt, generators } => {
                (CompKind::Gen, "<genexpr>", generators, &**elt, None)
            }
            ExprKind::ListComp { elt, generators } => {
                (CompKind::List, "<listcomp>", generators, &**elt, None)
            }
            ExprKind::SetComp { elt, generators } => {
                (CompKind::Set, "<setcomp>", generators, &**elt, None)
            }
            ExprKind::DictComp {
                key,
                value,
                generators,
            } => (
                CompKind::Dict,
                "<dictcomp>",
                generators,
                &**key,
                Some(&**value),
            ),
            _ => unreachable!("compile_comprehension takes comprehensions"),
        };
        let ste = self.st.lookup_expr(e).map(|b| b.index()).ok_or_else(|| {
            crate::CompileError::Runtime(
                "compiler: no symbol table entry for a comprehension".into(),
            )
        })?;
        let outer_scope = self.u().scope_type;
        self.enter_scope(name, ScopeType::Comprehension, ste, e.loc.lineno);
        self.set_loc(&e.loc);
        let r = (|| -> CResult {
            let is_async_generator = self.ste().coroutine;
            if is_async_generator
                && kind != CompKind::Gen
                && !matches!(
                    outer_scope,
                    ScopeType::AsyncFunction | ScopeType::Comprehension
                )
            {
                return Err(self.error(
                    "asynchronous comprehension outside of an asynchronous function",
                    &e.loc,
                ));
            }
            match kind {
                CompKind::List => self.emit_arg(Opcode::BUILD_LIST, 0),
                CompKind::Set => self.emit_arg(Opcode::BUILD_SET, 0),
                CompKind::Dict => self.emit_arg(Opcode::BUILD_MAP, 0),
                CompKind::Gen => {}
            }
            self.comprehension_generator(generators, 0, 0, elt, val, kind)?;
            if kind != CompKind::Gen {
                self.emit(Opcode::RETURN_VALUE);
            }
            Ok(())
        })();
        if let Err(err) = r {
            self.units.pop();
            return Err(err);
        }
        let is_async_generator = self.ste().coroutine;
        let code = self.exit_scope(true)?;
        self.make_closure(code, 0)?;
        let outermost = &generators[0];
        if !self.visit_iterable_const(&outermost.iter) {
            self.visit_expr(&outermost.iter)?;
        }
        self.emit(if outermost.is_async != 0 {
            Opcode::GET_AITER
        } else {
            Opcode::GET_ITER
        });
        self.emit_arg(Opcode::PRECALL, 0);
        self.emit_arg(Opcode::CALL, 0);
        if is_async_generator && kind != CompKind::Gen {
            self.emit_await(0);
        }
        Ok(())
    }

    fn comprehension_generator(
        &mut self,
        gens: &'a [Comprehension],
        index: usize,
        depth: u32,
        elt: &'a Expr,
        val: Option<&'a Expr>,
        kind: CompKind,
    ) -> CResult {
        if gens[index].is_async != 0 {
            self.async_comprehension_generator(gens, index, depth, elt, val, kind)
        } else {
            self.sync_comprehension_generator(gens, index, depth, elt, val, kind)
        }
    }

    fn comprehension_element(
        &mut self,
        depth: u32,
        elt: &'a Expr,
        val: Option<&'a Expr>,
        kind: CompKind,
    ) -> CResult {
        match kind {
            CompKind::Gen => {
                self.visit_expr(elt)?;
                self.emit_yield();
                self.emit(Opcode::POP_TOP);
            }
            CompKind::List => {
                self.visit_expr(elt)?;
                self.emit_arg(Opcode::LIST_APPEND, depth + 1);
            }
            CompKind::Set => {
                self.visit_expr(elt)?;
                self.emit_arg(Opcode::SET_ADD, depth + 1);
            }
            CompKind::Dict => {
                self.visit_expr(elt)?;
                self.visit_expr(val.expect("dict comprehension has a value"))?;
                self.emit_arg(Opcode::MAP_ADD, depth + 1);
            }
        }
        Ok(())
    }

    fn sync_comprehension_generator(
        &mut self,
        gens: &'a [Comprehension],
        index: usize,
        mut depth: u32,
        elt: &'a Expr,
        val: Option<&'a Expr>,
        kind: CompKind,
    ) -> CResult {
        let mut start = Some(self.new_block());
        let if_cleanup = self.new_block();
        let anchor = self.new_block();
        let gen = &gens[index];
        if index == 0 {
            self.um().argcount = 1;
            self.emit_arg(Opcode::LOAD_FAST, 0);
        } else {
            // `for y in [f(x)]`: bind without a loop.
            let single = match &gen.iter.kind {
                ExprKind::List { elts, .. } | ExprKind::Tuple { elts, .. }
                    if elts.len() == 1 && !matches!(elts[0].kind, ExprKind::Starred { .. }) =>
                {
                    Some(&elts[0])
                }
                _ => None,
            };
            if let Some(x) = single {
                self.visit_expr(x)?;
                start = None;
            } else {
                if !self.visit_iterable_const(&gen.iter) {
                    self.visit_expr(&gen.iter)?;
                }
                self.emit(Opcode::GET_ITER);
            }
        }
        if let Some(st) = start {
            depth += 1;
            self.use_block(st);
            self.emit_jump(Op::Real(Opcode::FOR_ITER), anchor);
            self.next_block();
        }
        self.visit_expr(&gen.target)?;
        for cond in &gen.ifs {
            self.jump_if(cond, if_cleanup, false)?;
        }
        if index + 1 < gens.len() {
            self.comprehension_generator(gens, index + 1, depth, elt, val, kind)?;
        } else {
            self.comprehension_element(depth, elt, val, kind)?;
        }
        self.use_block(if_cleanup);
        if let Some(st) = start {
            self.emit_jump(Op::Jump, st);
            self.use_block(anchor);
        }
        Ok(())
    }

    fn async_comprehension_generator(
        &mut self,
        gens: &'a [Comprehension],
        index: usize,
        mut depth: u32,
        elt: &'a Expr,
        val: Option<&'a Expr>,
        kind: CompKind,
    ) -> CResult {
        let start = self.new_block();
        let except = self.new_block();
        let if_cleanup = self.new_block();
        let gen = &gens[index];
        if index == 0 {
            self.um().argcount = 1;
            self.emit_arg(Opcode::LOAD_FAST, 0);
        } else {
            self.visit_expr(&gen.iter)?;
            self.emit(Opcode::GET_AITER);
        }
        self.use_block(start);
        self.push_fblock(
            FBlockKind::AsyncComprehensionGenerator,
            Some(start),
            None,
            FBlockDatum::None,
            &gen.iter.loc,
        )?;
        self.emit_jump(Op::SetupFinally, except);
        self.emit(Opcode::GET_ANEXT);
        self.load_const(Constant::None);
        self.add_yield_from(true);
        self.emit_pseudo(Op::PopBlock);
        self.visit_expr(&gen.target)?;
        for cond in &gen.ifs {
            self.jump_if(cond, if_cleanup, false)?;
        }
        depth += 1;
        if index + 1 < gens.len() {
            self.comprehension_generator(gens, index + 1, depth, elt, val, kind)?;
        } else {
            self.comprehension_element(depth, elt, val, kind)?;
        }
        self.use_block(if_cleanup);
        self.emit_jump(Op::Jump, start);
        self.pop_fblock();
        self.use_block(except);
        self.emit(Opcode::END_ASYNC_FOR);
        Ok(())
    }
}
