//! Functions, lambdas and classes: defaults, annotations, closures,
//! decorators, and the code objects of their bodies.

use std::sync::Arc;

use syntax::ast::{Arguments, Constant, Expr, ExprContext, Stmt, StmtKind};

use super::{docstring, CResult, Compiler, ScopeType};
use crate::code::{CodeObject, ConstValue};
use crate::opcode::*;
use crate::symtable::Scope;

impl<'a> Compiler<'a> {
    fn lookup_block_stmt(&self, s: &Stmt) -> CResult<usize> {
        self.st.lookup_stmt(s).map(|b| b.index()).ok_or_else(|| {
            crate::CompileError::Runtime("compiler: no symbol table entry for a definition".into())
        })
    }

    fn lookup_block_expr(&self, e: &Expr) -> CResult<usize> {
        self.st.lookup_expr(e).map(|b| b.index()).ok_or_else(|| {
            crate::CompileError::Runtime("compiler: no symbol table entry for an expression".into())
        })
    }

    fn visit_decorators(&mut self, decorators: &'a [Expr]) -> CResult {
        for d in decorators {
            self.visit_expr(d)?;
        }
        Ok(())
    }

    fn apply_decorators(&mut self, decorators: &'a [Expr]) {
        for d in decorators.iter().rev() {
            self.set_loc(&d.loc);
            self.emit_arg(Opcode::PRECALL, 0);
            self.emit_arg(Opcode::CALL, 0);
        }
    }

    /// Push defaults and keyword-only defaults; returns the MAKE_FUNCTION flags.
    fn default_arguments(&mut self, args: &'a Arguments) -> CResult<u32> {
        let mut flags = 0;
        if !args.defaults.is_empty() {
            for d in &args.defaults {
                self.visit_expr(d)?;
            }
            self.emit_arg(Opcode::BUILD_TUPLE, args.defaults.len() as u32);
            flags |= MF_DEFAULTS;
        }
        let mut keys = Vec::new();
        for (arg, default) in args.kwonlyargs.iter().zip(&args.kw_defaults) {
            if let Some(d) = default {
                let name = self.mangle(&arg.arg).into_owned();
                keys.push(Constant::Str(name.as_str().into()));
                self.visit_expr(d)?;
            }
        }
        if !keys.is_empty() {
            let n = keys.len() as u32;
            self.load_const(Constant::Tuple(keys));
            self.emit_arg(Opcode::BUILD_CONST_KEY_MAP, n);
            flags |= MF_KWDEFAULTS;
        }
        Ok(flags)
    }

    /// Push the annotations tuple (name, value, ...); returns whether there was one.
    fn visit_annotations(
        &mut self,
        args: &'a Arguments,
        returns: Option<&'a Expr>,
    ) -> CResult<bool> {
        let mut n = 0u32;
        let all = args
            .args
            .iter()
            .chain(&args.posonlyargs)
            .chain(args.vararg.iter())
            .chain(&args.kwonlyargs)
            .chain(args.kwarg.iter());
        for arg in all {
            if let Some(ann) = &arg.annotation {
                let name = self.mangle(&arg.arg).into_owned();
                self.load_const(Constant::Str(name.as_str().into()));
                match &ann.kind {
                    // `*args: *Ts` (PEP 646): the annotation is the unpacked value.
                    syntax::ast::ExprKind::Starred { value, .. }
                        if self.future_flags & crate::code::CO_FUTURE_ANNOTATIONS == 0 =>
                    {
                        self.visit_expr(value)?;
                        self.emit_arg(Opcode::UNPACK_SEQUENCE, 1);
                    }
                    _ => self.visit_annotation(ann)?,
                }
                n += 2;
            }
        }
        if let Some(r) = returns {
            self.load_const(Constant::Str("return".into()));
            self.visit_annotation(r)?;
            n += 2;
        }
        if n > 0 {
            self.emit_arg(Opcode::BUILD_TUPLE, n);
            Ok(true)
        } else {
            Ok(false)
        }
    }

    /// Push a function object made from `code` (with its closure cells).
    pub fn make_closure(&mut self, code: Arc<CodeObject>, mut flags: u32) -> CResult {
        let free = code.co_freevars();
        if !free.is_empty() {
            for name in &free {
                let is_class_cell = self.u().scope_type == ScopeType::Class && name == "__class__";
                let scope = if is_class_cell {
                    Some(Scope::Cell)
                } else {
                    self.ste().scope_of(name)
                };
                let arg = match scope {
                    Some(Scope::Cell) => self.u().cellvars.get_index_of(name.as_str()),
                    _ => self
                        .u()
                        .freevars
                        .get_index_of(name.as_str())
                        .map(|i| i + self.u().cellvars.len()),
                };
                let Some(arg) = arg else {
                    return Err(crate::CompileError::Runtime(format!(
                        "compiler: free variable {name} of {} not found in the enclosing scope",
                        code.co_name
                    )));
                };
                self.emit_arg(Opcode::LOAD_CLOSURE, arg as u32);
            }
            self.emit_arg(Opcode::BUILD_TUPLE, free.len() as u32);
            flags |= MF_CLOSURE;
        }
        self.load_const_value(ConstValue::Code(code));
        self.emit_arg(Opcode::MAKE_FUNCTION, flags);
        Ok(())
    }

    fn set_arg_counts(&mut self, args: &Arguments) {
        let u = self.um();
        u.argcount = (args.posonlyargs.len() + args.args.len()) as u32;
        u.posonlyargcount = args.posonlyargs.len() as u32;
        u.kwonlyargcount = args.kwonlyargs.len() as u32;
    }

    pub fn compile_function(&mut self, s: &'a Stmt) -> CResult {
        let (name, args, body, decorators, returns, is_async) = match &s.kind {
            StmtKind::FunctionDef {
                name,
                args,
                body,
                decorator_list,
                returns,
                ..
            } => (name, args, body, decorator_list, returns, false),
            StmtKind::AsyncFunctionDef {
                name,
                args,
                body,
                decorator_list,
                returns,
                ..
            } => (name, args, body, decorator_list, returns, true),
            _ => unreachable!("compile_function takes function definitions"),
        };
        self.visit_decorators(decorators)?;
        let firstlineno = decorators.first().map_or(s.loc.lineno, |d| d.loc.lineno);
        self.set_loc(&s.loc);
        let mut flags = self.default_arguments(args)?;
        if self.visit_annotations(args, returns.as_deref())? {
            flags |= MF_ANNOTATIONS;
        }
        let ste = self.lookup_block_stmt(s)?;
        let scope_type = if is_async {
            ScopeType::AsyncFunction
        } else {
            ScopeType::Function
        };
        self.enter_scope(name, scope_type, ste, firstlineno);
        let doc = if self.optimize < 2 {
            docstring(body)
        } else {
            None
        };
        match doc {
            Some((d, _)) => {
                self.add_const(ConstValue::Value(Constant::Str(d.clone())));
            }
            None => {
                self.add_const(ConstValue::Value(Constant::None));
            }
        }
        self.set_arg_counts(args);
        let start = usize::from(doc.is_some());
        let r = body[start..].iter().try_for_each(|st| self.visit_stmt(st));
        if let Err(e) = r {
            self.units.pop();
            return Err(e);
        }
        let code = self.exit_scope(true)?;
        self.set_loc(&s.loc);
        self.make_closure(code, flags)?;
        self.apply_decorators(decorators);
        self.set_loc(&s.loc);
        self.name_op(name, ExprContext::Store, &s.loc)
    }

    pub fn compile_lambda(&mut self, e: &'a Expr, args: &'a Arguments, body: &'a Expr) -> CResult {
        let flags = self.default_arguments(args)?;
        let ste = self.lookup_block_expr(e)?;
        self.enter_scope("<lambda>", ScopeType::Lambda, ste, e.loc.lineno);
        // None first, so a lambda never has a docstring.
        self.add_const(ConstValue::Value(Constant::None));
        self.set_arg_counts(args);
        if let Err(err) = self.visit_expr(body) {
            self.units.pop();
            return Err(err);
        }
        let code = if self.ste().generator {
            self.exit_scope(false)?
        } else {
            self.emit(Opcode::RETURN_VALUE);
            self.exit_scope(true)?
        };
        self.set_loc(&e.loc);
        self.make_closure(code, flags)
    }

    pub fn compile_class(&mut self, s: &'a Stmt) -> CResult {
        let StmtKind::ClassDef {
            name,
            bases,
            keywords,
            body,
            decorator_list,
        } = &s.kind
        else {
            unreachable!("compile_class takes class definitions")
        };
        self.visit_decorators(decorator_list)?;
        let firstlineno = decorator_list
            .first()
            .map_or(s.loc.lineno, |d| d.loc.lineno);
        let ste = self.lookup_block_stmt(s)?;
        self.enter_scope(name, ScopeType::Class, ste, firstlineno);
        let r = (|| -> CResult {
            self.set_loc(&s.loc);
            self.um().loc.col = 0;
            self.um().loc.end_col = 0;
            self.um().loc.lineno = firstlineno as i32;
            self.um().loc.end_lineno = firstlineno as i32;
            self.name_op("__name__", ExprContext::Load, &s.loc)?;
            self.name_op("__module__", ExprContext::Store, &s.loc)?;
            let qualname = self.u().qualname.clone();
            self.load_const(Constant::Str(qualname.as_str().into()));
            self.name_op("__qualname__", ExprContext::Store, &s.loc)?;
            self.compile_body(body)?;
            self.um().loc = crate::code::Location::NONE;
            if self.ste().needs_class_closure {
                let i = self.u().cellvars.get_index_of("__class__").unwrap_or(0) as u32;
                self.emit_arg(Opcode::LOAD_CLOSURE, i);
                self.emit_arg(Opcode::COPY, 1);
                self.emit_name_raw(Opcode::STORE_NAME, "__classcell__");
            } else {
                self.load_const(Constant::None);
            }
            self.emit(Opcode::RETURN_VALUE);
            Ok(())
        })();
        if let Err(e) = r {
            self.units.pop();
            return Err(e);
        }
        let code = self.exit_scope(true)?;
        self.set_loc(&s.loc);
        self.emit(Opcode::PUSH_NULL);
        self.emit(Opcode::LOAD_BUILD_CLASS);
        self.make_closure(code, 0)?;
        self.load_const(Constant::Str(name.as_str().into()));
        self.call_helper(2, bases, keywords)?;
        self.apply_decorators(decorator_list);
        self.set_loc(&s.loc);
        self.name_op(name, ExprContext::Store, &s.loc)
    }
}
