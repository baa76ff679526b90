//! `match` statements, following CPython 3.11's pattern compiler: the
//! subject stays on the stack while each case's pattern is tried; values a
//! pattern captures are kept on the stack (rotated below whatever the
//! pattern still needs) and stored only once the whole pattern matched.
//! On failure, control goes to the "fail_pop" block that pops exactly the
//! items pushed so far.

use rustc_hash::FxHashSet as HashSet;

use syntax::ast::{
    CmpOp, Constant, Expr, ExprContext, ExprKind, Loc, MatchCase, Pattern, PatternKind, Stmt,
};

use super::fold;
use super::{CResult, Compiler};
use crate::assemble::{BlockId, Op};
use crate::opcode::*;

/// CPython's pattern_context.
struct PatternContext {
    /// Names captured so far, in stack order.
    stores: Vec<String>,
    allow_irrefutable: bool,
    /// fail_pop[n] pops n items and continues with the next case.
    fail_pop: Vec<BlockId>,
    /// Items on the stack above the captures that the pattern still needs.
    on_top: u32,
}

fn is_wildcard(p: &Pattern) -> bool {
    matches!(
        &p.kind,
        PatternKind::MatchAs {
            pattern: None,
            name: None
        }
    )
}

fn is_star_wildcard(p: &Pattern) -> bool {
    matches!(&p.kind, PatternKind::MatchStar { name: None })
}

impl<'a> Compiler<'a> {
    pub fn compile_match(
        &mut self,
        s: &'a Stmt,
        subject: &'a Expr,
        cases: &'a [MatchCase],
    ) -> CResult {
        self.visit_expr(subject)?;
        let end = self.new_block();
        let n = cases.len();
        let has_default = n > 1 && cases.last().is_some_and(|c| is_wildcard(&c.pattern));
        let _ = s;
        for (i, m) in cases[..n - usize::from(has_default)].iter().enumerate() {
            self.set_loc(&m.pattern.loc);
            let not_last = i != n - usize::from(has_default) - 1;
            if not_last {
                self.emit_arg(Opcode::COPY, 1);
            }
            let mut pc = PatternContext {
                stores: Vec::new(),
                allow_irrefutable: m.guard.is_some() || i == n - 1,
                fail_pop: Vec::new(),
                on_top: 0,
            };
            self.compile_pattern(&m.pattern, &mut pc)?;
            for name in std::mem::take(&mut pc.stores) {
                self.name_op(&name, ExprContext::Store, &m.pattern.loc)?;
            }
            if let Some(guard) = &m.guard {
                self.ensure_fail_pop(&mut pc, 0);
                let target = pc.fail_pop[0];
                self.jump_if(guard, target, false)?;
            }
            if not_last {
                self.emit(Opcode::POP_TOP);
            }
            self.visit_stmts(&m.body)?;
            self.emit_jump(Op::Jump, end);
            self.set_loc(&m.pattern.loc);
            self.emit_and_reset_fail_pop(&mut pc);
        }
        if has_default {
            let m = &cases[n - 1];
            self.set_loc(&m.pattern.loc);
            if n == 1 {
                self.emit(Opcode::POP_TOP);
            } else {
                self.emit(Opcode::NOP);
            }
            if let Some(guard) = &m.guard {
                self.jump_if(guard, end, false)?;
            }
            self.visit_stmts(&m.body)?;
        }
        self.use_block(end);
        Ok(())
    }

    fn ensure_fail_pop(&mut self, pc: &mut PatternContext, n: usize) {
        while pc.fail_pop.len() <= n {
            let b = self.new_block();
            pc.fail_pop.push(b);
        }
    }

    fn jump_to_fail_pop(&mut self, pc: &mut PatternContext, op: Op) {
        let pops = pc.on_top as usize + pc.stores.len();
        self.ensure_fail_pop(pc, pops);
        self.emit_jump(op, pc.fail_pop[pops]);
    }

    fn emit_and_reset_fail_pop(&mut self, pc: &mut PatternContext) {
        if pc.fail_pop.is_empty() {
            return;
        }
        for k in (1..pc.fail_pop.len()).rev() {
            self.use_block(pc.fail_pop[k]);
            self.emit(Opcode::POP_TOP);
        }
        self.use_block(pc.fail_pop[0]);
        pc.fail_pop.clear();
    }

    fn rotate(&mut self, mut count: u32) {
        while count > 1 {
            self.emit_arg(Opcode::SWAP, count);
            count -= 1;
        }
    }

    fn store_capture(&mut self, name: Option<&str>, pc: &mut PatternContext, loc: &Loc) -> CResult {
        let Some(name) = name else {
            self.emit(Opcode::POP_TOP);
            return Ok(());
        };
        if name == "__debug__" {
            return Err(self.error("cannot assign to __debug__", loc));
        }
        if pc.stores.iter().any(|s| s == name) {
            return Err(self.error(
                format!("multiple assignments to name '{name}' in pattern"),
                loc,
            ));
        }
        let rotations = pc.on_top + pc.stores.len() as u32 + 1;
        self.rotate(rotations);
        pc.stores.push(name.to_string());
        Ok(())
    }

    fn compile_subpattern(&mut self, p: &'a Pattern, pc: &mut PatternContext) -> CResult {
        let saved = pc.allow_irrefutable;
        pc.allow_irrefutable = true;
        let r = self.compile_pattern(p, pc);
        pc.allow_irrefutable = saved;
        r
    }

    fn compile_pattern(&mut self, p: &'a Pattern, pc: &mut PatternContext) -> CResult {
        self.enter_nested()?;
        self.set_loc(&p.loc);
        let r = stacker::maybe_grow(super::RED_ZONE, super::STACK_CHUNK, || {
            self.compile_pattern_inner(p, pc)
        });
        self.leave_nested();
        r
    }

    fn compile_pattern_inner(&mut self, p: &'a Pattern, pc: &mut PatternContext) -> CResult {
        match &p.kind {
            PatternKind::MatchValue { value } => {
                let ok = matches!(value.kind, ExprKind::Attribute { .. })
                    || fold::const_value(value, self.optimize).is_some();
                if !ok {
                    return Err(self.error(
                        "patterns may only match literals and attribute lookups",
                        &p.loc,
                    ));
                }
                self.visit_expr(value)?;
                self.emit_compare(CmpOp::Eq);
                self.jump_to_fail_pop(pc, Op::PopJumpIfFalse);
            }
            PatternKind::MatchSingleton { value } => {
                self.load_const(value.clone());
                self.emit_compare(CmpOp::Is);
                self.jump_to_fail_pop(pc, Op::PopJumpIfFalse);
            }
            PatternKind::MatchSequence { patterns } => self.pattern_sequence(p, patterns, pc)?,
            PatternKind::MatchMapping {
                keys,
                patterns,
                rest,
            } => self.pattern_mapping(p, keys, patterns, rest.as_deref(), pc)?,
            PatternKind::MatchClass {
                cls,
                patterns,
                kwd_attrs,
                kwd_patterns,
            } => self.pattern_class(p, cls, patterns, kwd_attrs, kwd_patterns, pc)?,
            PatternKind::MatchStar { name } => self.store_capture(name.as_deref(), pc, &p.loc)?,
            PatternKind::MatchAs { pattern, name } => match pattern {
                None => {
                    if !pc.allow_irrefutable {
                        return Err(match name {
                            Some(n) => self.error(
                                format!("name capture '{n}' makes remaining patterns unreachable"),
                                &p.loc,
                            ),
                            None => {
                                self.error("wildcard makes remaining patterns unreachable", &p.loc)
                            }
                        });
                    }
                    self.store_capture(name.as_deref(), pc, &p.loc)?;
                }
                Some(inner) => {
                    pc.on_top += 1;
                    self.emit_arg(Opcode::COPY, 1);
                    self.compile_pattern(inner, pc)?;
                    pc.on_top -= 1;
                    self.store_capture(name.as_deref(), pc, &p.loc)?;
                }
            },
            PatternKind::MatchOr { patterns } => self.pattern_or(p, patterns, pc)?,
        }
        Ok(())
    }

    fn pattern_sequence(
        &mut self,
        p: &'a Pattern,
        patterns: &'a [Pattern],
        pc: &mut PatternContext,
    ) -> CResult {
        let size = patterns.len();
        let mut star: Option<usize> = None;
        let mut only_wildcard = true;
        let mut star_wildcard = false;
        for (i, sp) in patterns.iter().enumerate() {
            if matches!(sp.kind, PatternKind::MatchStar { .. }) {
                if star.is_some() {
                    return Err(self.error("multiple starred names in sequence pattern", &p.loc));
                }
                star_wildcard = is_star_wildcard(sp);
                only_wildcard &= star_wildcard;
                star = Some(i);
                continue;
            }
            only_wildcard &= is_wildcard(sp);
        }
        let _ = p;
        pc.on_top += 1;
        self.emit(Opcode::MATCH_SEQUENCE);
        self.jump_to_fail_pop(pc, Op::PopJumpIfFalse);
        match star {
            None => {
                self.emit(Opcode::GET_LEN);
                self.load_const(Constant::Int(size as i64));
                self.emit_compare(CmpOp::Eq);
                self.jump_to_fail_pop(pc, Op::PopJumpIfFalse);
            }
            Some(_) if size > 1 => {
                self.emit(Opcode::GET_LEN);
                self.load_const(Constant::Int(size as i64 - 1));
                self.emit_compare(CmpOp::GtE);
                self.jump_to_fail_pop(pc, Op::PopJumpIfFalse);
            }
            Some(_) => {}
        }
        pc.on_top -= 1;
        if only_wildcard {
            self.emit(Opcode::POP_TOP);
        } else if star_wildcard {
            self.sequence_subscr(patterns, star.expect("star wildcard"), pc)?;
        } else {
            self.sequence_unpack(patterns, pc)?;
        }
        Ok(())
    }

    fn sequence_unpack(&mut self, patterns: &'a [Pattern], pc: &mut PatternContext) -> CResult {
        let n = patterns.len();
        let mut seen_star = false;
        for (i, sp) in patterns.iter().enumerate() {
            if matches!(sp.kind, PatternKind::MatchStar { .. }) && !seen_star {
                if i >= 1 << 8 || n - i - 1 >= (i32::MAX >> 8) as usize {
                    return Err(self.error(
                        "too many expressions in star-unpacking sequence pattern",
                        &sp.loc,
                    ));
                }
                self.emit_arg(Opcode::UNPACK_EX, (i + ((n - i - 1) << 8)) as u32);
                seen_star = true;
            }
        }
        if !seen_star {
            self.emit_arg(Opcode::UNPACK_SEQUENCE, n as u32);
        }
        pc.on_top += n as u32;
        for sp in patterns {
            pc.on_top -= 1;
            self.compile_subpattern(sp, pc)?;
        }
        Ok(())
    }

    fn sequence_subscr(
        &mut self,
        patterns: &'a [Pattern],
        star: usize,
        pc: &mut PatternContext,
    ) -> CResult {
        pc.on_top += 1;
        let size = patterns.len();
        for (i, sp) in patterns.iter().enumerate() {
            if is_wildcard(sp) || i == star {
                continue;
            }
            self.emit_arg(Opcode::COPY, 1);
            if i < star {
                self.load_const(Constant::Int(i as i64));
            } else {
                self.emit(Opcode::GET_LEN);
                self.load_const(Constant::Int((size - i) as i64));
                self.emit_arg(Opcode::BINARY_OP, NB_SUBTRACT);
            }
            self.emit(Opcode::BINARY_SUBSCR);
            self.compile_subpattern(sp, pc)?;
        }
        pc.on_top -= 1;
        self.emit(Opcode::POP_TOP);
        Ok(())
    }

    fn pattern_mapping(
        &mut self,
        p: &'a Pattern,
        keys: &'a [Expr],
        patterns: &'a [Pattern],
        rest: Option<&'a str>,
        pc: &mut PatternContext,
    ) -> CResult {
        let size = keys.len();
        if size != patterns.len() {
            return Err(self.error(
                format!(
                    "keys ({}) / patterns ({}) length mismatch in mapping pattern",
                    size,
                    patterns.len()
                ),
                &p.loc,
            ));
        }
        pc.on_top += 1;
        self.emit(Opcode::MATCH_MAPPING);
        self.jump_to_fail_pop(pc, Op::PopJumpIfFalse);
        if size == 0 && rest.is_none() {
            pc.on_top -= 1;
            self.emit(Opcode::POP_TOP);
            return Ok(());
        }
        if size > 0 {
            self.emit(Opcode::GET_LEN);
            self.load_const(Constant::Int(size as i64));
            self.emit_compare(CmpOp::GtE);
            self.jump_to_fail_pop(pc, Op::PopJumpIfFalse);
        }
        let mut seen: Vec<Constant> = Vec::new();
        let mut seen_keys: HashSet<String> = HashSet::default();
        for key in keys {
            if let Some(c) = fold::const_value(key, self.optimize) {
                let k = format!("{c:?}");
                if seen.iter().any(|s| super::expr::const_eq(s, &c)) || !seen_keys.insert(k) {
                    return Err(self.error(
                        format!("mapping pattern checks duplicate key ({})", c.repr()),
                        &p.loc,
                    ));
                }
                seen.push(c);
            } else if !matches!(key.kind, ExprKind::Attribute { .. }) {
                return Err(self.error(
                    "mapping pattern keys may only match literals and attribute lookups",
                    &key.loc,
                ));
            }
        }
        for key in keys {
            self.visit_expr(key)?;
        }
        self.emit_arg(Opcode::BUILD_TUPLE, size as u32);
        self.emit(Opcode::MATCH_KEYS);
        pc.on_top += 2;
        self.emit_arg(Opcode::COPY, 1);
        self.load_const(Constant::None);
        self.emit_arg(Opcode::IS_OP, 1);
        self.jump_to_fail_pop(pc, Op::PopJumpIfFalse);
        self.emit_arg(Opcode::UNPACK_SEQUENCE, size as u32);
        pc.on_top += size as u32;
        pc.on_top -= 1;
        for sp in patterns {
            pc.on_top -= 1;
            self.compile_subpattern(sp, pc)?;
        }
        // Whatever follows consumes the keys tuple and the subject.
        pc.on_top -= 2;
        if let Some(rest) = rest {
            self.emit_arg(Opcode::BUILD_MAP, 0);
            self.emit_arg(Opcode::SWAP, 3);
            self.emit_arg(Opcode::DICT_UPDATE, 2);
            self.emit_arg(Opcode::UNPACK_SEQUENCE, size as u32);
            let mut k = size as u32;
            while k > 0 {
                self.emit_arg(Opcode::COPY, 1 + k);
                k -= 1;
                self.emit_arg(Opcode::SWAP, 2);
                self.emit(Opcode::DELETE_SUBSCR);
            }
            self.store_capture(Some(rest), pc, &p.loc)?;
        } else {
            self.emit(Opcode::POP_TOP);
            self.emit(Opcode::POP_TOP);
        }
        Ok(())
    }

    fn pattern_class(
        &mut self,
        p: &'a Pattern,
        cls: &'a Expr,
        patterns: &'a [Pattern],
        kwd_attrs: &'a [String],
        kwd_patterns: &'a [Pattern],
        pc: &mut PatternContext,
    ) -> CResult {
        let nargs = patterns.len();
        let nattrs = kwd_attrs.len();
        if nattrs != kwd_patterns.len() {
            return Err(self.error(
                format!(
                    "kwd_attrs ({}) / kwd_patterns ({}) length mismatch in class pattern",
                    nattrs,
                    kwd_patterns.len()
                ),
                &p.loc,
            ));
        }
        for (i, attr) in kwd_attrs.iter().enumerate() {
            if attr == "__debug__" {
                return Err(self.error("cannot assign to __debug__", &kwd_patterns[i].loc));
            }
            if kwd_attrs[i + 1..].contains(attr) {
                let j = i
                    + 1
                    + kwd_attrs[i + 1..]
                        .iter()
                        .position(|a| a == attr)
                        .expect("found");
                return Err(self.error(
                    format!("attribute name repeated in class pattern: {attr}"),
                    &kwd_patterns[j].loc,
                ));
            }
        }
        self.visit_expr(cls)?;
        let names: Vec<Constant> = kwd_attrs
            .iter()
            .map(|a| Constant::Str(a.as_str().into()))
            .collect();
        self.load_const(Constant::Tuple(names));
        self.emit_arg(Opcode::MATCH_CLASS, nargs as u32);
        self.emit_arg(Opcode::COPY, 1);
        self.load_const(Constant::None);
        self.emit_arg(Opcode::IS_OP, 1);
        pc.on_top += 1;
        self.jump_to_fail_pop(pc, Op::PopJumpIfFalse);
        let total = (nargs + nattrs) as u32;
        self.emit_arg(Opcode::UNPACK_SEQUENCE, total);
        pc.on_top += total;
        pc.on_top -= 1;
        for sp in patterns.iter().chain(kwd_patterns) {
            pc.on_top -= 1;
            if is_wildcard(sp) {
                self.emit(Opcode::POP_TOP);
                continue;
            }
            self.compile_subpattern(sp, pc)?;
        }
        Ok(())
    }

    fn pattern_or(
        &mut self,
        p: &'a Pattern,
        alts: &'a [Pattern],
        pc: &mut PatternContext,
    ) -> CResult {
        let end = self.new_block();
        let size = alts.len();
        let old_stores = std::mem::take(&mut pc.stores);
        let old_fail_pop = std::mem::take(&mut pc.fail_pop);
        let old_on_top = pc.on_top;
        let old_allow = pc.allow_irrefutable;
        let mut control: Option<Vec<String>> = None;
        for (i, alt) in alts.iter().enumerate() {
            self.set_loc(&alt.loc);
            pc.stores = Vec::new();
            pc.allow_irrefutable = i == size - 1 && old_allow;
            pc.fail_pop = Vec::new();
            pc.on_top = 0;
            self.emit_arg(Opcode::COPY, 1);
            self.compile_pattern(alt, pc)?;
            let nstores = pc.stores.len();
            match &control {
                None => control = Some(pc.stores.clone()),
                Some(ctl) if ctl.len() != nstores => {
                    return Err(self.error("alternative patterns bind different names", &alt.loc));
                }
                Some(ctl) if nstores > 0 => {
                    let ctl = ctl.clone();
                    for icontrol in (0..nstores).rev() {
                        let name = &ctl[icontrol];
                        let Some(istores) = pc.stores.iter().position(|s| s == name) else {
                            return Err(
                                self.error("alternative patterns bind different names", &alt.loc)
                            );
                        };
                        if icontrol != istores {
                            let rotations = istores + 1;
                            let rotated: Vec<String> = pc.stores.drain(..rotations).collect();
                            let at = icontrol - istores;
                            for (k, r) in rotated.into_iter().enumerate() {
                                pc.stores.insert(at + k, r);
                            }
                            for _ in 0..rotations {
                                self.rotate(icontrol as u32 + 1);
                            }
                        }
                    }
                }
                _ => {}
            }
            self.emit_jump(Op::Jump, end);
            self.emit_and_reset_fail_pop(pc);
        }
        pc.stores = old_stores;
        pc.fail_pop = old_fail_pop;
        pc.on_top = old_on_top;
        pc.allow_irrefutable = old_allow;
        self.set_loc(&p.loc);
        self.emit(Opcode::POP_TOP);
        self.jump_to_fail_pop(pc, Op::Jump);
        self.use_block(end);
        let control = control.unwrap_or_default();
        let nstores = control.len() as u32;
        let nrots = nstores + 1 + pc.on_top + pc.stores.len() as u32;
        for name in control {
            self.rotate(nrots);
            if pc.stores.contains(&name) {
                return Err(self.error(
                    format!("multiple assignments to name '{name}' in pattern"),
                    &p.loc,
                ));
            }
            pc.stores.push(name);
        }
        self.emit(Opcode::POP_TOP);
        Ok(())
    }
}
