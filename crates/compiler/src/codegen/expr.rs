//! Expressions.

use syntax::ast::{BoolOp, CmpOp, Constant, Expr, ExprContext, ExprKind, Operator, UnaryOp};

use super::fold;
use super::{CResult, Compiler, ScopeType, RED_ZONE, STACK_CHUNK, STACK_USE_GUIDELINE};
use crate::assemble::{BlockId, Op};
use crate::code::ConstValue;
use crate::opcode::*;

pub(crate) fn binop_arg(op: Operator) -> u32 {
    match op {
        Operator::Add => NB_ADD,
        Operator::Sub => NB_SUBTRACT,
        Operator::Mult => NB_MULTIPLY,
        Operator::MatMult => NB_MATRIX_MULTIPLY,
        Operator::Div => NB_TRUE_DIVIDE,
        Operator::Mod => NB_REMAINDER,
        Operator::Pow => NB_POWER,
        Operator::LShift => NB_LSHIFT,
        Operator::RShift => NB_RSHIFT,
        Operator::BitOr => NB_OR,
        Operator::BitXor => NB_XOR,
        Operator::BitAnd => NB_AND,
        Operator::FloorDiv => NB_FLOOR_DIVIDE,
    }
}

impl<'a> Compiler<'a> {
    pub fn visit_expr(&mut self, e: &'a Expr) -> CResult {
        self.enter_nested()?;
        let saved = self.u().loc;
        self.set_loc(&e.loc);
        let r = stacker::maybe_grow(RED_ZONE, STACK_CHUNK, || self.visit_expr_inner(e));
        self.um().loc = saved;
        self.leave_nested();
        r
    }

    fn visit_expr_inner(&mut self, e: &'a Expr) -> CResult {
        if let Some((cmp, op)) = negated_compare(e) {
            // `not a in b` is `a not in b` (CPython's AST optimizer).
            self.set_loc(&cmp.loc);
            let ExprKind::Compare {
                left, comparators, ..
            } = &cmp.kind
            else {
                unreachable!()
            };
            self.visit_expr(left)?;
            self.visit_comparator(op, &comparators[0])?;
            self.emit_compare(op);
            return Ok(());
        }
        if let Some(c) = fold::const_value(e, self.optimize) {
            if !matches!(e.kind, ExprKind::Name { .. }) || self.st_ok_debug(e) {
                self.load_const(c);
                return Ok(());
            }
        }
        match &e.kind {
            ExprKind::NamedExpr { target, value } => {
                self.visit_expr(value)?;
                self.emit_arg(Opcode::COPY, 1);
                self.visit_expr(target)?;
            }
            ExprKind::BoolOp { op, values } => {
                let end = self.new_block();
                let jump = match op {
                    BoolOp::And => Opcode::JUMP_IF_FALSE_OR_POP,
                    BoolOp::Or => Opcode::JUMP_IF_TRUE_OR_POP,
                };
                let (last, init) = values.split_last().expect("BoolOp has values");
                for v in init {
                    self.visit_expr(v)?;
                    self.emit_jump(Op::Real(jump), end);
                    self.next_block();
                }
                self.visit_expr(last)?;
                self.use_block(end);
            }
            ExprKind::BinOp { left, op, right } => {
                if let Some(pieces) = percent_format_pieces(left, *op, right) {
                    // `'%s, %r' % (a, b)` is compiled as an f-string (CPython 3.11's AST optimizer).
                    let n = pieces.len();
                    for piece in pieces {
                        match piece {
                            FormatPiece::Literal(text) => {
                                // The optimizer's new constants have no location.
                                let saved = self.u().loc;
                                self.um().loc = crate::code::Location::NONE;
                                self.load_const(Constant::Str(text.as_str().into()));
                                self.um().loc = saved;
                            }
                            FormatPiece::Arg(arg, conv, spec) => {
                                // The f-string part takes its argument's location.
                                let saved = self.u().loc;
                                self.set_loc(&arg.loc);
                                self.visit_expr(arg)?;
                                let mut oparg = conv;
                                if let Some(spec) = spec {
                                    let saved = self.u().loc;
                                    self.um().loc = crate::code::Location::NONE;
                                    self.load_const(Constant::Str(spec.as_str().into()));
                                    self.um().loc = saved;
                                    oparg |= FVS_HAVE_SPEC;
                                }
                                self.emit_arg(Opcode::FORMAT_VALUE, oparg);
                                self.um().loc = saved;
                            }
                        }
                    }
                    if n != 1 {
                        self.emit_arg(Opcode::BUILD_STRING, n as u32);
                    }
                    return Ok(());
                }
                self.visit_expr(left)?;
                self.visit_expr(right)?;
                self.emit_arg(Opcode::BINARY_OP, binop_arg(*op));
            }
            ExprKind::UnaryOp { op, operand } => {
                self.visit_expr(operand)?;
                self.emit(match op {
                    UnaryOp::Invert => Opcode::UNARY_INVERT,
                    UnaryOp::Not => Opcode::UNARY_NOT,
                    UnaryOp::UAdd => Opcode::UNARY_POSITIVE,
                    UnaryOp::USub => Opcode::UNARY_NEGATIVE,
                });
            }
            ExprKind::Lambda { args, body } => self.compile_lambda(e, args, body)?,
            ExprKind::IfExp { test, body, orelse } => {
                let end = self.new_block();
                let next = self.new_block();
                self.jump_if(test, next, false)?;
                self.visit_expr(body)?;
                self.emit_jump_noline(Op::Jump, end);
                self.use_block(next);
                self.visit_expr(orelse)?;
                self.use_block(end);
            }
            ExprKind::Dict { keys, values } => self.compile_dict(keys, values)?,
            ExprKind::Set { elts } => self.starunpack_helper(
                elts,
                0,
                Opcode::BUILD_SET,
                Opcode::SET_ADD,
                Opcode::SET_UPDATE,
                false,
            )?,
            ExprKind::ListComp { .. }
            | ExprKind::SetComp { .. }
            | ExprKind::DictComp { .. }
            | ExprKind::GeneratorExp { .. } => self.compile_comprehension(e)?,
            ExprKind::Yield { value } => {
                if self.ste().block_type != crate::symtable::BlockType::Function {
                    return Err(self.error("'yield' outside function", &e.loc));
                }
                match value {
                    Some(v) => self.visit_expr(v)?,
                    None => self.load_const(Constant::None),
                }
                self.emit_yield();
            }
            ExprKind::YieldFrom { value } => {
                if self.ste().block_type != crate::symtable::BlockType::Function {
                    return Err(self.error("'yield' outside function", &e.loc));
                }
                if self.u().scope_type == ScopeType::AsyncFunction {
                    return Err(self.error("'yield from' inside async function", &e.loc));
                }
                self.visit_expr(value)?;
                self.emit(Opcode::GET_YIELD_FROM_ITER);
                self.load_const(Constant::None);
                self.add_yield_from(false);
            }
            ExprKind::Await { value } => {
                if self.ste().block_type != crate::symtable::BlockType::Function {
                    return Err(self.error("'await' outside function", &e.loc));
                }
                if !matches!(
                    self.u().scope_type,
                    ScopeType::AsyncFunction | ScopeType::Comprehension
                ) {
                    return Err(self.error("'await' outside async function", &e.loc));
                }
                self.visit_expr(value)?;
                self.emit_arg(Opcode::GET_AWAITABLE, 0);
                self.load_const(Constant::None);
                self.add_yield_from(true);
            }
            ExprKind::Compare {
                left,
                ops,
                comparators,
            } => {
                self.check_compare(e, left, ops, comparators);
                self.compile_compare(left, ops, comparators)?
            }
            ExprKind::Call {
                func,
                args,
                keywords,
            } => self.compile_call(e, func, args, keywords)?,
            ExprKind::FormattedValue {
                value,
                conversion,
                format_spec,
            } => {
                self.visit_expr(value)?;
                let mut arg = match *conversion {
                    115 => FVC_STR,  // 's'
                    114 => FVC_REPR, // 'r'
                    97 => FVC_ASCII, // 'a'
                    _ => FVC_NONE,
                };
                if let Some(spec) = format_spec {
                    self.visit_expr(spec)?;
                    arg |= FVS_HAVE_SPEC;
                }
                self.emit_arg(Opcode::FORMAT_VALUE, arg);
            }
            ExprKind::JoinedStr { values } => {
                if values.len() > STACK_USE_GUIDELINE {
                    self.load_const(Constant::Str("".into()));
                    self.emit_name(Opcode::LOAD_METHOD, "join");
                    self.emit_arg(Opcode::BUILD_LIST, 0);
                    for v in values {
                        self.visit_expr(v)?;
                        self.emit_arg(Opcode::LIST_APPEND, 1);
                    }
                    self.emit_arg(Opcode::PRECALL, 1);
                    self.emit_arg(Opcode::CALL, 1);
                } else {
                    for v in values {
                        self.visit_expr(v)?;
                    }
                    if values.len() != 1 {
                        self.emit_arg(Opcode::BUILD_STRING, values.len() as u32);
                    }
                }
            }
            ExprKind::Constant { value, .. } => self.load_const(value.clone()),
            ExprKind::Attribute { value, attr, ctx } => {
                self.visit_expr(value)?;
                self.update_start_location_to_match_attr(e);
                let op = match ctx {
                    ExprContext::Load => Opcode::LOAD_ATTR,
                    ExprContext::Store => Opcode::STORE_ATTR,
                    ExprContext::Del => Opcode::DELETE_ATTR,
                };
                self.emit_name(op, attr);
            }
            ExprKind::Subscript { value, slice, ctx } => {
                if *ctx == ExprContext::Load {
                    self.check_subscript(e, value, slice);
                }
                self.visit_expr(value)?;
                self.visit_expr(slice)?;
                self.emit(match ctx {
                    ExprContext::Load => Opcode::BINARY_SUBSCR,
                    ExprContext::Store => Opcode::STORE_SUBSCR,
                    ExprContext::Del => Opcode::DELETE_SUBSCR,
                });
            }
            ExprKind::Starred { ctx, .. } => {
                return Err(match ctx {
                    ExprContext::Store => self.error(
                        "starred assignment target must be in a list or tuple",
                        &e.loc,
                    ),
                    _ => self.error("can't use starred expression here", &e.loc),
                });
            }
            ExprKind::Slice { lower, upper, step } => {
                let mut n = 2;
                match lower {
                    Some(x) => self.visit_expr(x)?,
                    None => self.load_const(Constant::None),
                }
                match upper {
                    Some(x) => self.visit_expr(x)?,
                    None => self.load_const(Constant::None),
                }
                if let Some(x) = step {
                    n += 1;
                    self.visit_expr(x)?;
                }
                self.emit_arg(Opcode::BUILD_SLICE, n);
            }
            ExprKind::Name { id, ctx } => self.name_op(id, *ctx, &e.loc)?,
            ExprKind::List { elts, ctx } => match ctx {
                ExprContext::Load => self.starunpack_helper(
                    elts,
                    0,
                    Opcode::BUILD_LIST,
                    Opcode::LIST_APPEND,
                    Opcode::LIST_EXTEND,
                    false,
                )?,
                ExprContext::Store => self.assignment_helper(elts)?,
                ExprContext::Del => {
                    for x in elts {
                        self.visit_expr(x)?;
                    }
                }
            },
            ExprKind::Tuple { elts, ctx } => match ctx {
                ExprContext::Load => self.starunpack_helper(
                    elts,
                    0,
                    Opcode::BUILD_LIST,
                    Opcode::LIST_APPEND,
                    Opcode::LIST_EXTEND,
                    true,
                )?,
                ExprContext::Store => self.assignment_helper(elts)?,
                ExprContext::Del => {
                    for x in elts {
                        self.visit_expr(x)?;
                    }
                }
            },
        }
        Ok(())
    }

    /// `__debug__` folds to a constant only when loaded.
    fn st_ok_debug(&self, e: &Expr) -> bool {
        matches!(&e.kind, ExprKind::Name { id, ctx: ExprContext::Load } if id == "__debug__")
    }

    /// For attributes spanning lines, the instruction points at the attribute name.
    pub fn update_start_location_to_match_attr(&mut self, e: &Expr) {
        if let ExprKind::Attribute { attr, .. } = &e.kind {
            let loc = &mut self.um().loc;
            if loc.lineno != e.loc.end_lineno as i32 {
                loc.lineno = e.loc.end_lineno as i32;
                let len = attr.chars().count() as i32;
                if len <= e.loc.end_col_offset as i32 {
                    loc.col = e.loc.end_col_offset as i32 - len;
                } else {
                    loc.col = -1;
                    loc.end_col = -1;
                }
            }
        }
    }

    pub fn emit_yield(&mut self) {
        let ste = self.ste();
        if ste.coroutine && ste.generator {
            self.emit(Opcode::ASYNC_GEN_WRAP);
        }
        self.emit(Opcode::YIELD_VALUE);
        self.emit_arg(Opcode::RESUME, RESUME_AFTER_YIELD);
    }

    /// The delegation loop of `yield from` and `await` (value and iterator on the stack).
    pub fn add_yield_from(&mut self, is_await: bool) {
        let start = self.new_block();
        let resume = self.new_block();
        let exit = self.new_block();
        self.use_block(start);
        self.emit_jump(Op::Real(Opcode::SEND), exit);
        self.use_block(resume);
        self.emit(Opcode::YIELD_VALUE);
        self.emit_arg(
            Opcode::RESUME,
            if is_await {
                RESUME_AFTER_AWAIT
            } else {
                RESUME_AFTER_YIELD_FROM
            },
        );
        self.emit_jump(Op::JumpNoInterrupt, start);
        self.use_block(exit);
    }

    pub fn emit_await(&mut self, kind: u32) {
        self.emit_arg(Opcode::GET_AWAITABLE, kind);
        self.load_const(Constant::None);
        self.add_yield_from(true);
    }

    pub fn emit_compare(&mut self, op: CmpOp) {
        let (opcode, arg) = match op {
            CmpOp::Eq => (Opcode::COMPARE_OP, 2),
            CmpOp::NotEq => (Opcode::COMPARE_OP, 3),
            CmpOp::Lt => (Opcode::COMPARE_OP, 0),
            CmpOp::LtE => (Opcode::COMPARE_OP, 1),
            CmpOp::Gt => (Opcode::COMPARE_OP, 4),
            CmpOp::GtE => (Opcode::COMPARE_OP, 5),
            CmpOp::Is => (Opcode::IS_OP, 0),
            CmpOp::IsNot => (Opcode::IS_OP, 1),
            CmpOp::In => (Opcode::CONTAINS_OP, 0),
            CmpOp::NotIn => (Opcode::CONTAINS_OP, 1),
        };
        self.emit_arg(opcode, arg);
    }

    /// The right operand of a comparison; `in [consts]` / `in {consts}`
    /// become tuple / frozenset constants, as CPython's AST optimizer does.
    pub fn visit_comparator(&mut self, op: CmpOp, e: &'a Expr) -> CResult {
        if matches!(op, CmpOp::In | CmpOp::NotIn) {
            if self.visit_iterable_const(e) {
                return Ok(());
            }
        }
        self.visit_expr(e)
    }

    /// A list or set display of constants used only for iteration or
    /// membership: load it as a tuple or frozenset constant.
    pub fn visit_iterable_const(&mut self, e: &'a Expr) -> bool {
        let (elts, is_set) = match &e.kind {
            ExprKind::List {
                elts,
                ctx: ExprContext::Load,
            } => (elts, false),
            ExprKind::Set { elts } => (elts, true),
            _ => return false,
        };
        let Some(items) = fold::const_items(elts, self.optimize) else {
            // A list display without starred items is built as a tuple.
            if !is_set
                && !elts
                    .iter()
                    .any(|x| matches!(x.kind, ExprKind::Starred { .. }))
            {
                let saved = self.u().loc;
                self.set_loc(&e.loc);
                let r = self.starunpack_helper(
                    elts,
                    0,
                    Opcode::BUILD_LIST,
                    Opcode::LIST_APPEND,
                    Opcode::LIST_EXTEND,
                    true,
                );
                self.um().loc = saved;
                return r.is_ok();
            }
            return false;
        };
        let saved = self.u().loc;
        self.set_loc(&e.loc);
        if is_set {
            let mut uniq: Vec<Constant> = Vec::new();
            for i in items {
                if !uniq.iter().any(|u| const_eq(u, &i)) {
                    uniq.push(i);
                }
            }
            self.load_const_value(ConstValue::FrozenSet(uniq));
        } else {
            self.load_const(Constant::Tuple(items));
        }
        self.um().loc = saved;
        true
    }

    fn compile_compare(
        &mut self,
        left: &'a Expr,
        ops: &[CmpOp],
        comparators: &'a [Expr],
    ) -> CResult {
        self.visit_expr(left)?;
        let n = ops.len();
        if n == 1 {
            self.visit_comparator(ops[0], &comparators[0])?;
            self.emit_compare(ops[0]);
            return Ok(());
        }
        let cleanup = self.new_block();
        for i in 0..n - 1 {
            self.visit_expr(&comparators[i])?; // only the last operand is folded (as CPython)
            self.emit_arg(Opcode::SWAP, 2);
            self.emit_arg(Opcode::COPY, 2);
            self.emit_compare(ops[i]);
            self.emit_jump(Op::Real(Opcode::JUMP_IF_FALSE_OR_POP), cleanup);
            self.next_block();
        }
        self.visit_comparator(ops[n - 1], &comparators[n - 1])?;
        self.emit_compare(ops[n - 1]);
        let end = self.new_block();
        self.emit_jump_noline(Op::Jump, end);
        self.use_block(cleanup);
        self.emit_arg(Opcode::SWAP, 2);
        self.emit(Opcode::POP_TOP);
        self.use_block(end);
        Ok(())
    }

    /// Jump to `next` if `e` is true (`cond`) or false (`!cond`).
    pub fn jump_if(&mut self, e: &'a Expr, next: BlockId, cond: bool) -> CResult {
        self.enter_nested()?;
        let r = stacker::maybe_grow(RED_ZONE, STACK_CHUNK, || self.jump_if_inner(e, next, cond));
        self.leave_nested();
        r
    }

    fn jump_if_inner(&mut self, e: &'a Expr, next: BlockId, cond: bool) -> CResult {
        match &e.kind {
            ExprKind::UnaryOp {
                op: UnaryOp::Not,
                operand,
            } if fold::const_value(e, self.optimize).is_none() && negated_compare(e).is_none() => {
                return self.jump_if(operand, next, !cond);
            }
            ExprKind::BoolOp { op, values } => {
                let is_or = *op == BoolOp::Or;
                let next2 = if is_or != cond {
                    self.new_block()
                } else {
                    next
                };
                let (last, init) = values.split_last().expect("BoolOp has values");
                for v in init {
                    self.jump_if(v, next2, is_or)?;
                }
                self.jump_if(last, next, cond)?;
                if next2 != next {
                    self.use_block(next2);
                }
                return Ok(());
            }
            ExprKind::IfExp { test, body, orelse } => {
                let end = self.new_block();
                let next2 = self.new_block();
                self.jump_if(test, next2, false)?;
                self.jump_if(body, next, cond)?;
                self.emit_jump_noline(Op::Jump, end);
                self.use_block(next2);
                self.jump_if(orelse, next, cond)?;
                self.use_block(end);
                return Ok(());
            }
            // As CPython 3.11, a comparison sets the current location and
            // leaves it set: later jumps of the same test carry it too.
            ExprKind::Compare {
                left,
                ops,
                comparators,
            } if ops.len() > 1 => {
                self.set_loc(&e.loc);
                self.check_compare(e, left, ops, comparators);
                let n = ops.len();
                let cleanup = self.new_block();
                self.visit_expr(left)?;
                for i in 0..n - 1 {
                    self.visit_expr(&comparators[i])?;
                    self.emit_arg(Opcode::SWAP, 2);
                    self.emit_arg(Opcode::COPY, 2);
                    self.emit_compare(ops[i]);
                    self.emit_jump(Op::PopJumpIfFalse, cleanup);
                    self.next_block();
                }
                self.visit_comparator(ops[n - 1], &comparators[n - 1])?;
                self.emit_compare(ops[n - 1]);
                self.emit_jump(
                    if cond {
                        Op::PopJumpIfTrue
                    } else {
                        Op::PopJumpIfFalse
                    },
                    next,
                );
                let end = self.new_block();
                self.emit_jump_noline(Op::Jump, end);
                self.use_block(cleanup);
                self.emit(Opcode::POP_TOP);
                if !cond {
                    self.emit_jump_noline(Op::Jump, next);
                }
                self.use_block(end);
                return Ok(());
            }
            _ if matches!(e.kind, ExprKind::Compare { .. }) || negated_compare(e).is_some() => {
                // A comparison's jump has the comparison's location.
                let loc = negated_compare(e).map_or(e.loc, |(cmp, _)| cmp.loc);
                self.set_loc(&loc);
                self.visit_expr(e)?;
                self.emit_jump(
                    if cond {
                        Op::PopJumpIfTrue
                    } else {
                        Op::PopJumpIfFalse
                    },
                    next,
                );
                return Ok(());
            }
            _ => {}
        }
        // Otherwise the jump takes the location of the construct testing the condition.
        self.visit_expr(e)?;
        self.emit_jump(
            if cond {
                Op::PopJumpIfTrue
            } else {
                Op::PopJumpIfFalse
            },
            next,
        );
        Ok(())
    }

    /// Build a list, tuple or set from items some of which may be starred.
    pub fn starunpack_helper(
        &mut self,
        elts: &'a [Expr],
        pushed: u32,
        build: Opcode,
        add: Opcode,
        extend: Opcode,
        tuple: bool,
    ) -> CResult {
        let n = elts.len();
        if n > 2 && pushed == 0 {
            if let Some(items) = fold::const_items(elts, self.optimize) {
                if tuple {
                    self.load_const(Constant::Tuple(items));
                } else {
                    self.emit_arg(build, pushed);
                    if add == Opcode::SET_ADD {
                        let mut uniq: Vec<Constant> = Vec::new();
                        for i in items {
                            if !uniq.iter().any(|u| const_eq(u, &i)) {
                                uniq.push(i);
                            }
                        }
                        self.load_const_value(ConstValue::FrozenSet(uniq));
                    } else {
                        self.load_const(Constant::Tuple(items));
                    }
                    self.emit_arg(extend, 1);
                }
                return Ok(());
            }
        }
        let big = n + pushed as usize > STACK_USE_GUIDELINE;
        let seen_star = elts
            .iter()
            .any(|e| matches!(e.kind, ExprKind::Starred { .. }));
        if !seen_star && !big {
            for e in elts {
                self.visit_expr(e)?;
            }
            if tuple {
                self.emit_arg(Opcode::BUILD_TUPLE, n as u32 + pushed);
            } else {
                self.emit_arg(build, n as u32 + pushed);
            }
            return Ok(());
        }
        let mut built = false;
        if big {
            self.emit_arg(build, pushed);
            built = true;
        }
        for (i, e) in elts.iter().enumerate() {
            if let ExprKind::Starred { value, .. } = &e.kind {
                if !built {
                    self.emit_arg(build, i as u32 + pushed);
                    built = true;
                }
                self.visit_expr(value)?;
                self.emit_arg(extend, 1);
            } else {
                self.visit_expr(e)?;
                if built {
                    self.emit_arg(add, 1);
                }
            }
        }
        if tuple {
            self.emit(Opcode::LIST_TO_TUPLE);
        }
        Ok(())
    }

    /// Unpack the value on the stack into the targets of a list or tuple.
    pub fn assignment_helper(&mut self, elts: &'a [Expr]) -> CResult {
        let n = elts.len();
        let mut seen_star = false;
        for (i, e) in elts.iter().enumerate() {
            if matches!(e.kind, ExprKind::Starred { .. }) {
                // Reported at the enclosing list or tuple, as CPython does.
                let here = self.current_loc();
                if seen_star {
                    return Err(self.error("multiple starred expressions in assignment", &here));
                }
                if i >= 1 << 8 || n - i - 1 >= (i32::MAX >> 8) as usize {
                    return Err(
                        self.error("too many expressions in star-unpacking assignment", &here)
                    );
                }
                seen_star = true;
                self.emit_arg(Opcode::UNPACK_EX, (i + ((n - i - 1) << 8)) as u32);
            }
        }
        if !seen_star {
            self.emit_arg(Opcode::UNPACK_SEQUENCE, n as u32);
        }
        for e in elts {
            match &e.kind {
                ExprKind::Starred { value, .. } => self.visit_expr(value)?,
                _ => self.visit_expr(e)?,
            }
        }
        Ok(())
    }

    fn compile_dict(&mut self, keys: &'a [Option<Expr>], values: &'a [Expr]) -> CResult {
        let n = values.len();
        let mut elements = 0usize;
        let mut have_dict = false;
        for i in 0..n {
            if keys[i].is_none() {
                if elements > 0 {
                    self.compile_subdict(keys, values, i - elements, i)?;
                    if have_dict {
                        self.emit_arg(Opcode::DICT_UPDATE, 1);
                    }
                    have_dict = true;
                    elements = 0;
                }
                if !have_dict {
                    self.emit_arg(Opcode::BUILD_MAP, 0);
                    have_dict = true;
                }
                self.visit_expr(&values[i])?;
                self.emit_arg(Opcode::DICT_UPDATE, 1);
            } else if elements * 2 > STACK_USE_GUIDELINE {
                self.compile_subdict(keys, values, i - elements, i + 1)?;
                if have_dict {
                    self.emit_arg(Opcode::DICT_UPDATE, 1);
                }
                have_dict = true;
                elements = 0;
            } else {
                elements += 1;
            }
        }
        if elements > 0 {
            self.compile_subdict(keys, values, n - elements, n)?;
            if have_dict {
                self.emit_arg(Opcode::DICT_UPDATE, 1);
            }
            have_dict = true;
        }
        if !have_dict {
            self.emit_arg(Opcode::BUILD_MAP, 0);
        }
        Ok(())
    }

    fn compile_subdict(
        &mut self,
        keys: &'a [Option<Expr>],
        values: &'a [Expr],
        begin: usize,
        end: usize,
    ) -> CResult {
        let n = end - begin;
        let big = n * 2 > STACK_USE_GUIDELINE;
        if n > 1 && !big {
            let const_keys: Option<Vec<Constant>> = keys[begin..end]
                .iter()
                .map(|k| k.as_ref().and_then(|k| fold::const_value(k, self.optimize)))
                .collect();
            if let Some(ks) = const_keys {
                for v in &values[begin..end] {
                    self.visit_expr(v)?;
                }
                self.load_const(Constant::Tuple(ks));
                self.emit_arg(Opcode::BUILD_CONST_KEY_MAP, n as u32);
                return Ok(());
            }
        }
        if big {
            self.emit_arg(Opcode::BUILD_MAP, 0);
        }
        for i in begin..end {
            if let Some(k) = &keys[i] {
                self.visit_expr(k)?;
            }
            self.visit_expr(&values[i])?;
            if big {
                self.emit_arg(Opcode::MAP_ADD, 1);
            }
        }
        if !big {
            self.emit_arg(Opcode::BUILD_MAP, n as u32);
        }
        Ok(())
    }
}

pub(crate) enum FormatPiece<'a> {
    Literal(String),
    /// The argument, its FORMAT_VALUE conversion and format spec.
    Arg(&'a Expr, u32, Option<String>),
}

/// The pieces of `'...' % (args)` when the format only has `%s`, `%r` and
/// `%a` conversions (with `-`, width and precision), as CPython 3.11's AST
/// optimizer turns it into an f-string; None otherwise.
pub(crate) fn percent_format_pieces<'a>(
    left: &Expr,
    op: Operator,
    right: &'a Expr,
) -> Option<Vec<FormatPiece<'a>>> {
    const MAXDIGITS: u32 = 3;
    if op != Operator::Mod {
        return None;
    }
    let ExprKind::Constant {
        value: Constant::Str(fmt),
        ..
    } = &left.kind
    else {
        return None;
    };
    let ExprKind::Tuple {
        elts,
        ctx: ExprContext::Load,
    } = &right.kind
    else {
        return None;
    };
    if elts
        .iter()
        .any(|e| matches!(e.kind, ExprKind::Starred { .. }))
    {
        return None;
    }
    // A tuple of constants is a constant to CPython, which then leaves `%` alone.
    if elts.iter().all(|e| fold::const_value(e, 0).is_some()) {
        return None;
    }
    let chars: Vec<char> = fmt.as_str()?.chars().collect();
    let size = chars.len();
    let mut pos = 0usize;
    let mut out = Vec::new();
    let literal = |pos: &mut usize, out: &mut Vec<FormatPiece<'a>>| {
        let start = *pos;
        let mut text = String::new();
        while *pos < size {
            if chars[*pos] != '%' {
                text.push(chars[*pos]);
                *pos += 1;
            } else if *pos + 1 < size && chars[*pos + 1] == '%' {
                text.push('%');
                *pos += 2;
            } else {
                break;
            }
        }
        if *pos != start {
            out.push(FormatPiece::Literal(text));
        }
    };
    for arg in elts {
        literal(&mut pos, &mut out);
        if pos >= size || chars[pos] != '%' {
            return None;
        }
        pos += 1;
        let next = |pos: &mut usize| -> Option<char> {
            let c = *chars.get(*pos)?;
            *pos += 1;
            Some(c)
        };
        let mut ch = next(&mut pos)?;
        let mut ljust = false;
        loop {
            match ch {
                '-' => {
                    ljust = true;
                    ch = next(&mut pos)?;
                }
                '+' | ' ' | '#' | '0' => return None,
                _ => break,
            }
        }
        let mut width: Option<u32> = None;
        if ch.is_ascii_digit() {
            let mut w = 0;
            let mut digits = 0;
            while ch.is_ascii_digit() {
                w = w * 10 + ch.to_digit(10)?;
                ch = next(&mut pos)?;
                digits += 1;
                if digits >= MAXDIGITS {
                    return None;
                }
            }
            width = Some(w);
        }
        let mut prec: Option<u32> = None;
        if ch == '.' {
            ch = next(&mut pos)?;
            let mut p = 0;
            let mut digits = 0;
            while ch.is_ascii_digit() {
                p = p * 10 + ch.to_digit(10)?;
                ch = next(&mut pos)?;
                digits += 1;
                if digits >= MAXDIGITS {
                    return None;
                }
            }
            prec = Some(p);
        }
        let conv = match ch {
            's' => FVC_STR,
            'r' => FVC_REPR,
            'a' => FVC_ASCII,
            _ => return None,
        };
        let mut spec = String::new();
        if !ljust && width.is_some_and(|w| w > 0) {
            spec.push('>');
        }
        if let Some(w) = width {
            spec.push_str(&w.to_string());
        }
        if let Some(p) = prec {
            spec.push('.');
            spec.push_str(&p.to_string());
        }
        out.push(FormatPiece::Arg(
            arg,
            conv,
            if spec.is_empty() { None } else { Some(spec) },
        ));
    }
    literal(&mut pos, &mut out);
    if pos < size {
        return None;
    }
    Some(out)
}

/// `not (a OP b)` for OP in `is`, `is not`, `in`, `not in`: the comparison
/// node and the inverted operator.
pub(crate) fn negated_compare(e: &Expr) -> Option<(&Expr, CmpOp)> {
    let ExprKind::UnaryOp {
        op: UnaryOp::Not,
        operand,
    } = &e.kind
    else {
        return None;
    };
    let ExprKind::Compare { ops, .. } = &operand.kind else {
        return None;
    };
    if ops.len() != 1 {
        return None;
    }
    let inv = match ops[0] {
        CmpOp::Is => CmpOp::IsNot,
        CmpOp::IsNot => CmpOp::Is,
        CmpOp::In => CmpOp::NotIn,
        CmpOp::NotIn => CmpOp::In,
        _ => return None,
    };
    Some((operand, inv))
}

/// Equality of constants as set members (type-aware, 1 == 1.0 == True as Python).
pub(crate) fn const_eq(a: &Constant, b: &Constant) -> bool {
    use Constant::*;
    let num = |c: &Constant| -> Option<f64> {
        match c {
            Bool(b) => Some(*b as i64 as f64),
            Int(i) => Some(*i as f64),
            Float(f) => Some(*f),
            _ => Option::None,
        }
    };
    match (a, b) {
        (Int(x), Int(y)) => x == y,
        (Bool(x), Bool(y)) => x == y,
        (Int(_) | Bool(_) | Float(_), Int(_) | Bool(_) | Float(_)) => num(a) == num(b),
        _ => a == b,
    }
}
