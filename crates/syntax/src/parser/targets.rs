//! Assignment and deletion targets: `star_targets`, `single_target`,
//! `t_primary`, `del_targets` (python.gram, "ASSIGNMENT TARGETS").

use super::expr::mk;
use super::{MemoRule, PResult, Parser};
use crate::ast::{Expr, ExprContext, ExprKind};
use crate::token::{Pos, TokenKind};

type R<T> = PResult<Option<T>>;

/// `_PyPegen_set_expr_context`: the same target with context `ctx` (through
/// tuples, lists and starred; attributes and subscripts change only their
/// own context).
pub(crate) fn set_expr_context(mut e: Expr, ctx: ExprContext) -> Expr {
    set_ctx_in_place(&mut e, ctx);
    e
}

fn set_ctx_in_place(e: &mut Expr, new: ExprContext) {
    match &mut e.kind {
        ExprKind::Name { ctx, .. } | ExprKind::Attribute { ctx, .. } | ExprKind::Subscript { ctx, .. } => *ctx = new,
        ExprKind::Starred { value, ctx } => {
            *ctx = new;
            set_ctx_in_place(value, new);
        }
        ExprKind::Tuple { elts, ctx } | ExprKind::List { elts, ctx } => {
            *ctx = new;
            for x in elts {
                set_ctx_in_place(x, new);
            }
        }
        _ => {}
    }
}

/// The expression a trailer was applied to (`a` of `a.b`, `a[b]`, `a(b)`).
fn trailer_base(e: Expr) -> Expr {
    match e.kind {
        ExprKind::Attribute { value, .. } | ExprKind::Subscript { value, .. } => *value,
        ExprKind::Call { func, .. } => *func,
        kind => Expr { kind, loc: e.loc },
    }
}

impl<'src> Parser<'src> {
    /// `t_lookahead: '(' | '[' | '.'`
    pub(crate) fn t_lookahead(&mut self) -> bool {
        matches!(self.peek_kind(), TokenKind::LPar | TokenKind::LSqb | TokenKind::Dot)
    }

    /// `star_targets: star_target !',' | star_target (',' star_target)* [',']`
    pub(crate) fn star_targets(&mut self) -> R<Expr> {
        let start = self.start_pos();
        let Some(first) = self.star_target()? else { return Ok(None) };
        if !self.at(TokenKind::Comma) {
            return Ok(Some(first));
        }
        let mut elts = vec![first];
        while self.expect(TokenKind::Comma).is_some() {
            match self.star_target()? {
                Some(e) => elts.push(e),
                None => break,
            }
        }
        Ok(Some(mk(ExprKind::Tuple { elts, ctx: ExprContext::Store }, self.loc_from(start))))
    }

    /// `star_targets_list_seq: ','.star_target+ [',']`
    fn star_targets_list_seq(&mut self) -> R<Vec<Expr>> {
        let Some(first) = self.star_target()? else { return Ok(None) };
        let mut v = vec![first];
        while self.expect(TokenKind::Comma).is_some() {
            match self.star_target()? {
                Some(e) => v.push(e),
                None => break,
            }
        }
        Ok(Some(v))
    }

    /// `star_targets_tuple_seq: star_target (',' star_target)+ [','] | star_target ','`
    fn star_targets_tuple_seq(&mut self) -> R<Vec<Expr>> {
        let m = self.mark();
        let Some(first) = self.star_target()? else { return Ok(None) };
        if !self.at(TokenKind::Comma) {
            self.reset(m);
            return Ok(None);
        }
        let mut v = vec![first];
        while self.expect(TokenKind::Comma).is_some() {
            match self.star_target()? {
                Some(e) => v.push(e),
                None => break,
            }
        }
        Ok(Some(v))
    }

    /// `star_target (memo): '*' (!'*' star_target) | target_with_star_atom`
    pub(crate) fn star_target(&mut self) -> R<Expr> {
        self.memo_expr(MemoRule::StarTarget, |p| {
            p.nested(|p| {
                let start = p.start_pos();
                let m = p.mark();
                if p.expect(TokenKind::Star).is_some() {
                    if !p.at(TokenKind::Star) {
                        if let Some(a) = p.star_target()? {
                            let value = Box::new(set_expr_context(a, ExprContext::Store));
                            let loc = p.loc_from(start);
                            return Ok(Some(mk(ExprKind::Starred { value, ctx: ExprContext::Store }, loc)));
                        }
                    }
                    p.reset(m);
                }
                p.target_with_star_atom()
            })
        })
    }

    /// `target_with_star_atom: t_primary '.' NAME !t_lookahead
    ///     | t_primary '[' slices ']' !t_lookahead | star_atom`
    pub(crate) fn target_with_star_atom(&mut self) -> R<Expr> {
        if let Some(e) = self.subscript_attribute_target(ExprContext::Store)? {
            return Ok(Some(e));
        }
        self.star_atom()
    }

    /// `star_atom: NAME | '(' target_with_star_atom ')' | '(' [star_targets_tuple_seq] ')'
    ///     | '[' [star_targets_list_seq] ']'`
    fn star_atom(&mut self) -> R<Expr> {
        self.target_atom(
            ExprContext::Store,
            Self::target_with_star_atom,
            Self::star_targets_tuple_seq,
            Self::star_targets_list_seq,
        )
    }

    /// The atom of an assignment or `del` target (`star_atom`, `del_t_atom`):
    /// a name, a parenthesized `inner` target, or a tuple or list of targets,
    /// all in context `ctx`.
    fn target_atom(
        &mut self,
        ctx: ExprContext,
        inner: fn(&mut Self) -> R<Expr>,
        tuple_seq: fn(&mut Self) -> R<Vec<Expr>>,
        list_seq: fn(&mut Self) -> R<Vec<Expr>>,
    ) -> R<Expr> {
        let start = self.start_pos();
        let m = self.mark();
        match self.peek_kind() {
            TokenKind::Name => Ok(self.name_expr().map(|e| set_expr_context(e, ctx))),
            TokenKind::LPar => {
                self.bump();
                if let Some(a) = inner(self)? {
                    if self.expect(TokenKind::RPar).is_some() {
                        return Ok(Some(set_expr_context(a, ctx)));
                    }
                }
                self.reset(m);
                self.bump();
                let elts = tuple_seq(self)?.unwrap_or_default();
                if self.expect(TokenKind::RPar).is_some() {
                    return Ok(Some(mk(ExprKind::Tuple { elts, ctx }, self.loc_from(start))));
                }
                self.reset(m);
                Ok(None)
            }
            TokenKind::LSqb => {
                self.bump();
                let elts = list_seq(self)?.unwrap_or_default();
                if self.expect(TokenKind::RSqb).is_some() {
                    return Ok(Some(mk(ExprKind::List { elts, ctx }, self.loc_from(start))));
                }
                self.reset(m);
                Ok(None)
            }
            _ => Ok(None),
        }
    }

    /// `single_target: single_subscript_attribute_target | NAME | '(' single_target ')'`
    pub(crate) fn single_target(&mut self) -> R<Expr> {
        if let Some(e) = self.single_subscript_attribute_target()? {
            return Ok(Some(e));
        }
        if let Some(e) = self.name_expr() {
            return Ok(Some(set_expr_context(e, ExprContext::Store)));
        }
        let m = self.mark();
        if self.expect(TokenKind::LPar).is_some() {
            if let Some(a) = self.nested(|p| p.single_target())? {
                if self.expect(TokenKind::RPar).is_some() {
                    return Ok(Some(a));
                }
            }
            self.reset(m);
        }
        Ok(None)
    }

    /// `single_subscript_attribute_target: t_primary '.' NAME !t_lookahead
    ///     | t_primary '[' slices ']' !t_lookahead`
    pub(crate) fn single_subscript_attribute_target(&mut self) -> R<Expr> {
        self.subscript_attribute_target(ExprContext::Store)
    }

    /// `t_primary '.' NAME !t_lookahead | t_primary '[' slices ']' !t_lookahead`
    /// with context `ctx`.
    fn subscript_attribute_target(&mut self, ctx: ExprContext) -> R<Expr> {
        let start = self.start_pos();
        let m = self.mark();
        let Some(a) = self.t_primary()? else { return Ok(None) };
        let m_after = self.mark();
        if self.expect(TokenKind::Dot).is_some() {
            if let Some((_, attr)) = self.name_tok() {
                if !self.t_lookahead() {
                    let loc = self.loc_from(start);
                    return Ok(Some(mk(ExprKind::Attribute { value: Box::new(a), attr, ctx }, loc)));
                }
            }
            self.reset(m_after);
        }
        if self.expect(TokenKind::LSqb).is_some() {
            if let Some(s) = self.slices()? {
                if self.expect(TokenKind::RSqb).is_some() && !self.t_lookahead() {
                    let loc = self.loc_from(start);
                    return Ok(Some(mk(ExprKind::Subscript { value: Box::new(a), slice: Box::new(s), ctx }, loc)));
                }
            }
        }
        self.reset(m);
        Ok(None)
    }

    /// `t_primary: t_primary '.' NAME &t_lookahead | t_primary '[' slices ']' &t_lookahead
    ///     | t_primary genexp &t_lookahead | t_primary '(' [arguments] ')' &t_lookahead
    ///     | atom &t_lookahead` (left-recursive: a loop; memoized)
    pub(crate) fn t_primary(&mut self) -> R<Expr> {
        self.memo_expr(MemoRule::TPrimary, |p| {
            let start: Pos = p.start_pos();
            let m = p.mark();
            let Some(mut a) = p.atom()? else { return Ok(None) };
            if !p.t_lookahead() {
                p.reset(m);
                return Ok(None);
            }
            let mut links = 0;
            loop {
                let m2 = p.mark();
                match p.primary_trailer(a, start, ExprContext::Load)? {
                    Ok(e) => {
                        if p.t_lookahead() {
                            if let Err(err) = p.chain_link(&mut links) {
                                super::drop_deep(e);
                                return Err(err);
                            }
                            a = e;
                        } else {
                            p.reset(m2);
                            a = trailer_base(e);
                            break;
                        }
                    }
                    Err(e) => {
                        a = e;
                        break;
                    }
                }
            }
            p.end_chain(links);
            Ok(Some(a))
        })
    }

    /// `del_targets: ','.del_target+ [',']`
    pub(crate) fn del_targets(&mut self) -> R<Vec<Expr>> {
        let Some(first) = self.del_target()? else { return Ok(None) };
        let mut v = vec![first];
        while self.expect(TokenKind::Comma).is_some() {
            match self.del_target()? {
                Some(e) => v.push(e),
                None => break,
            }
        }
        Ok(Some(v))
    }

    /// `del_target (memo): t_primary '.' NAME !t_lookahead
    ///     | t_primary '[' slices ']' !t_lookahead | del_t_atom`
    pub(crate) fn del_target(&mut self) -> R<Expr> {
        self.memo_expr(MemoRule::DelTarget, |p| {
            p.nested(|p| {
                if let Some(e) = p.subscript_attribute_target(ExprContext::Del)? {
                    return Ok(Some(e));
                }
                p.del_t_atom()
            })
        })
    }

    /// `del_t_atom: NAME | '(' del_target ')' | '(' [del_targets] ')' | '[' [del_targets] ']'`
    fn del_t_atom(&mut self) -> R<Expr> {
        self.target_atom(ExprContext::Del, Self::del_target, Self::del_targets, Self::del_targets)
    }
}
