//! Calls: PRECALL/CALL with KW_NAMES on the fast path, LOAD_METHOD for
//! `obj.meth(...)`, CALL_FUNCTION_EX when there are `*args` or `**kwargs`.

use syntax::ast::{Constant, Expr, ExprKind, Keyword};

use super::{CResult, Compiler, STACK_USE_GUIDELINE};
use crate::opcode::Opcode;

impl<'a> Compiler<'a> {
    pub fn compile_call(
        &mut self,
        e: &'a Expr,
        func: &'a Expr,
        args: &'a [Expr],
        keywords: &'a [Keyword],
    ) -> CResult {
        self.validate_keywords(keywords)?;
        if self.maybe_optimize_method_call(e, func, args, keywords)? {
            return Ok(());
        }
        self.check_caller(e, func);
        self.set_loc(&func.loc);
        self.emit(Opcode::PUSH_NULL);
        self.set_loc(&e.loc);
        self.visit_expr(func)?;
        self.call_helper(0, args, keywords)
    }

    fn validate_keywords(&self, keywords: &[Keyword]) -> CResult {
        for (i, kw) in keywords.iter().enumerate() {
            let Some(name) = &kw.arg else { continue };
            if keywords[i + 1..]
                .iter()
                .any(|other| other.arg.as_deref() == Some(name))
            {
                let dup = keywords[i + 1..]
                    .iter()
                    .find(|o| o.arg.as_deref() == Some(name))
                    .expect("found");
                return Err(self.error(format!("keyword argument repeated: {name}"), &dup.loc));
            }
        }
        Ok(())
    }

    fn maybe_optimize_method_call(
        &mut self,
        e: &'a Expr,
        func: &'a Expr,
        args: &'a [Expr],
        keywords: &'a [Keyword],
    ) -> CResult<bool> {
        let ExprKind::Attribute { value, attr, .. } = &func.kind else {
            return Ok(false);
        };
        if args.len() + keywords.len() + usize::from(!keywords.is_empty()) >= STACK_USE_GUIDELINE {
            return Ok(false);
        }
        if args
            .iter()
            .any(|a| matches!(a.kind, ExprKind::Starred { .. }))
            || keywords.iter().any(|k| k.arg.is_none())
        {
            return Ok(false);
        }
        // Calls on names the module imports keep LOAD_ATTR (CPython 3.11 checks the module scope only).
        if let ExprKind::Name { id, .. } = &value.kind {
            if self
                .st
                .top()
                .lookup(id)
                .is_some_and(|sym| sym.has(crate::symtable::DEF_IMPORT))
            {
                return Ok(false);
            }
        }
        self.visit_expr(value)?;
        // LOAD_METHOD has the attribute's location and the call the whole
        // call's, both moved to the attribute's line when the receiver
        // spans lines (so tracebacks point at the method name).
        self.set_loc(&func.loc);
        self.update_start_location_to_match_attr(func);
        self.emit_name(Opcode::LOAD_METHOD, attr);
        for a in args {
            self.visit_expr(a)?;
        }
        if !keywords.is_empty() {
            for k in keywords {
                self.visit_expr(&k.value)?;
            }
            self.kw_names(keywords);
        }
        let n = (args.len() + keywords.len()) as u32;
        self.set_loc(&e.loc);
        self.update_start_location_to_match_attr(func);
        self.emit_arg(Opcode::PRECALL, n);
        self.emit_arg(Opcode::CALL, n);
        Ok(true)
    }

    fn kw_names(&mut self, keywords: &[Keyword]) {
        let names: Vec<Constant> = keywords
            .iter()
            .map(|k| Constant::Str(k.arg.as_deref().unwrap_or("").into()))
            .collect();
        let i = self.add_const(crate::code::ConstValue::Value(Constant::Tuple(names)));
        self.emit_arg(Opcode::KW_NAMES, i);
    }

    /// Call the callable below `n` already pushed arguments with `args` and `keywords`.
    pub fn call_helper(&mut self, n: u32, args: &'a [Expr], keywords: &'a [Keyword]) -> CResult {
        self.validate_keywords(keywords)?;
        let simple = args.len() + keywords.len() * 2 <= STACK_USE_GUIDELINE
            && !args
                .iter()
                .any(|a| matches!(a.kind, ExprKind::Starred { .. }))
            && !keywords.iter().any(|k| k.arg.is_none());
        if simple {
            for a in args {
                self.visit_expr(a)?;
            }
            if !keywords.is_empty() {
                for k in keywords {
                    self.visit_expr(&k.value)?;
                }
                self.kw_names(keywords);
            }
            let total = n + (args.len() + keywords.len()) as u32;
            self.emit_arg(Opcode::PRECALL, total);
            self.emit_arg(Opcode::CALL, total);
            return Ok(());
        }
        // Positional arguments as one tuple.
        if n == 0 && args.len() == 1 && matches!(args[0].kind, ExprKind::Starred { .. }) {
            let ExprKind::Starred { value, .. } = &args[0].kind else {
                unreachable!()
            };
            self.visit_expr(value)?;
        } else {
            self.starunpack_helper(
                args,
                n,
                Opcode::BUILD_LIST,
                Opcode::LIST_APPEND,
                Opcode::LIST_EXTEND,
                true,
            )?;
        }
        // Keyword arguments as one dict.
        if !keywords.is_empty() {
            let mut have_dict = false;
            let mut nseen = 0usize;
            for (i, kw) in keywords.iter().enumerate() {
                if kw.arg.is_none() {
                    if nseen > 0 {
                        self.subkwargs(keywords, i - nseen, i)?;
                        if have_dict {
                            self.emit_arg(Opcode::DICT_MERGE, 1);
                        }
                        have_dict = true;
                        nseen = 0;
                    }
                    if !have_dict {
                        self.emit_arg(Opcode::BUILD_MAP, 0);
                        have_dict = true;
                    }
                    self.visit_expr(&kw.value)?;
                    self.emit_arg(Opcode::DICT_MERGE, 1);
                } else {
                    nseen += 1;
                }
            }
            if nseen > 0 {
                self.subkwargs(keywords, keywords.len() - nseen, keywords.len())?;
                if have_dict {
                    self.emit_arg(Opcode::DICT_MERGE, 1);
                }
            }
        }
        self.emit_arg(Opcode::CALL_FUNCTION_EX, u32::from(!keywords.is_empty()));
        Ok(())
    }

    fn subkwargs(&mut self, keywords: &'a [Keyword], begin: usize, end: usize) -> CResult {
        let n = end - begin;
        let big = n * 2 > STACK_USE_GUIDELINE;
        if n > 1 && !big {
            for k in &keywords[begin..end] {
                self.visit_expr(&k.value)?;
            }
            let names: Vec<Constant> = keywords[begin..end]
                .iter()
                .map(|k| Constant::Str(k.arg.as_deref().unwrap_or("").into()))
                .collect();
            self.load_const(Constant::Tuple(names));
            self.emit_arg(Opcode::BUILD_CONST_KEY_MAP, n as u32);
            return Ok(());
        }
        if big {
            self.emit_arg(Opcode::BUILD_MAP, 0);
        }
        for k in &keywords[begin..end] {
            self.load_const(Constant::Str(k.arg.as_deref().unwrap_or("").into()));
            self.visit_expr(&k.value)?;
            if big {
                self.emit_noline(Opcode::MAP_ADD, 1);
            }
        }
        if !big {
            self.emit_arg(Opcode::BUILD_MAP, n as u32);
        }
        Ok(())
    }
}
