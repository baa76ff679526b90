//! Expressions: from `expressions` down to `atom`, displays, comprehensions,
//! lambdas and slices (python.gram, "EXPRESSIONS" to "Comprehensions").

use super::{MemoRule, PResult, Parser};
use crate::ast::{BoolOp, CmpOp, Comprehension, Constant, Expr, ExprContext, ExprKind, Loc, Operator, UnaryOp};
use crate::token::{Keyword, Pos, TokenKind};

type R<T> = PResult<Option<T>>;

pub(crate) fn mk(kind: ExprKind, loc: Loc) -> Expr {
    Expr { kind, loc }
}

fn constant(value: Constant, loc: Loc) -> Expr {
    mk(ExprKind::Constant { value, kind: None }, loc)
}

impl<'src> Parser<'src> {
    // ----- start rules for expressions --------------------------------------

    /// `eval: expressions NEWLINE* ENDMARKER`
    pub(crate) fn eval_rule(&mut self) -> PResult<Option<crate::ast::Mod>> {
        let Some(body) = self.expressions()? else { return Ok(None) };
        while self.expect(TokenKind::Newline).is_some() {}
        if self.expect(TokenKind::EndMarker).is_none() {
            return Ok(None);
        }
        Ok(Some(crate::ast::Mod::Expression { body: Box::new(body) }))
    }

    /// `fstring: star_expressions` (the replacement field's text, wrapped in
    /// parentheses).
    pub(crate) fn fstring_rule(&mut self) -> PResult<Option<crate::ast::Mod>> {
        let Some(body) = self.star_expressions()? else { return Ok(None) };
        Ok(Some(crate::ast::Mod::Expression { body: Box::new(body) }))
    }

    // ----- expression lists -----------------------------------------------

    /// `expressions: expression (',' expression)+ [','] | expression ',' | expression`
    pub(crate) fn expressions(&mut self) -> R<Expr> {
        self.expr_list(|p| p.expression())
    }

    /// `star_expressions`: like `expressions`, of `star_expression`s.
    pub(crate) fn star_expressions(&mut self) -> R<Expr> {
        self.expr_list(|p| p.star_expression())
    }

    /// `first (',' item)* [',']`: the item itself, or a Load tuple when a
    /// comma was consumed.
    fn expr_list(&mut self, mut item: impl FnMut(&mut Self) -> R<Expr>) -> R<Expr> {
        let start = self.start_pos();
        let Some(first) = item(self)? else { return Ok(None) };
        if !self.at(TokenKind::Comma) {
            return Ok(Some(first));
        }
        let mut elts = vec![first];
        while self.expect(TokenKind::Comma).is_some() {
            match item(self)? {
                Some(e) => elts.push(e),
                None => break,
            }
        }
        Ok(Some(mk(ExprKind::Tuple { elts, ctx: ExprContext::Load }, self.loc_from(start))))
    }

    /// `star_expression (memo): '*' bitwise_or | expression`
    pub(crate) fn star_expression(&mut self) -> R<Expr> {
        self.memo_expr(MemoRule::StarExpression, |p| {
            let start = p.start_pos();
            let m = p.mark();
            if p.expect(TokenKind::Star).is_some() {
                if let Some(a) = p.bitwise_or()? {
                    return Ok(Some(mk(ExprKind::Starred { value: Box::new(a), ctx: ExprContext::Load }, p.loc_from(start))));
                }
                p.reset(m);
            }
            p.expression()
        })
    }

    /// `star_named_expressions: ','.star_named_expression+ [',']`
    pub(crate) fn star_named_expressions(&mut self) -> R<Vec<Expr>> {
        let Some(first) = self.star_named_expression()? else { return Ok(None) };
        let mut v = vec![first];
        while self.at(TokenKind::Comma) {
            let m = self.mark();
            self.bump();
            match self.star_named_expression()? {
                Some(e) => v.push(e),
                None => {
                    // The trailing comma stays consumed.
                    let _ = m;
                    break;
                }
            }
        }
        Ok(Some(v))
    }

    /// `star_named_expression: '*' bitwise_or | named_expression`
    pub(crate) fn star_named_expression(&mut self) -> R<Expr> {
        let start = self.start_pos();
        let m = self.mark();
        if self.expect(TokenKind::Star).is_some() {
            if let Some(a) = self.bitwise_or()? {
                return Ok(Some(mk(ExprKind::Starred { value: Box::new(a), ctx: ExprContext::Load }, self.loc_from(start))));
            }
            self.reset(m);
        }
        self.named_expression()
    }

    /// `assignment_expression: NAME ':=' ~ expression`
    pub(crate) fn assignment_expression(&mut self) -> R<Expr> {
        if !(self.at(TokenKind::Name) && self.peek_kind2() == TokenKind::ColonEqual) {
            return Ok(None);
        }
        let start = self.start_pos();
        let m = self.mark();
        let Some(mut target) = self.name_expr() else { return Ok(None) };
        self.bump();
        let Some(value) = self.expression()? else {
            self.reset(m);
            return Ok(None);
        };
        if let ExprKind::Name { ctx, .. } = &mut target.kind {
            *ctx = ExprContext::Store;
        }
        Ok(Some(mk(ExprKind::NamedExpr { target: Box::new(target), value: Box::new(value) }, self.loc_from(start))))
    }

    /// `named_expression: assignment_expression | invalid_named_expression | expression !':='`
    pub(crate) fn named_expression(&mut self) -> R<Expr> {
        if let Some(e) = self.assignment_expression()? {
            return Ok(Some(e));
        }
        if self.call_invalid_rules {
            self.invalid_named_expression()?;
        }
        let m = self.mark();
        if let Some(e) = self.expression()? {
            if !self.at(TokenKind::ColonEqual) {
                return Ok(Some(e));
            }
            self.reset(m);
        }
        Ok(None)
    }

    // ----- expression ---------------------------------------------------------

    /// `expression (memo): invalid_expression | invalid_legacy_expression
    ///     | disjunction 'if' disjunction 'else' expression | disjunction | lambdef`
    pub(crate) fn expression(&mut self) -> R<Expr> {
        self.memo_expr(MemoRule::Expression, |p| p.nested(|p| p.expression_raw()))
    }

    fn expression_raw(&mut self) -> R<Expr> {
        if self.call_invalid_rules {
            self.invalid_expression()?;
            self.invalid_legacy_expression()?;
        }
        self.expression_alts()
    }

    /// The valid alternatives of `expression` (CPython's
    /// `expression_without_invalid` when invalid rules are off).
    pub(crate) fn expression_alts(&mut self) -> R<Expr> {
        let start = self.start_pos();
        if let Some(a) = self.disjunction()? {
            if self.at_kw(Keyword::If) {
                let m = self.mark();
                self.bump();
                if let Some(b) = self.disjunction()? {
                    if self.expect_keyword(Keyword::Else).is_some() {
                        if let Some(c) = self.expression()? {
                            let loc = self.loc_from(start);
                            return Ok(Some(mk(ExprKind::IfExp { test: Box::new(b), body: Box::new(a), orelse: Box::new(c) }, loc)));
                        }
                    }
                }
                self.reset(m);
            }
            return Ok(Some(a));
        }
        self.lambdef()
    }

    /// `expression_without_invalid`: `expression` with the invalid rules
    /// switched off underneath.
    pub(crate) fn expression_without_invalid(&mut self) -> R<Expr> {
        // As CPython's generated code, the memo is shared: what is parsed
        // here is memoized like the rest.
        let saved = self.call_invalid_rules;
        self.call_invalid_rules = false;
        let r = self.nested(|p| p.expression_alts());
        self.call_invalid_rules = saved;
        r
    }

    /// `yield_expr: 'yield' 'from' expression | 'yield' [star_expressions]`
    pub(crate) fn yield_expr(&mut self) -> R<Expr> {
        let start = self.start_pos();
        let m = self.mark();
        if self.expect_keyword(Keyword::Yield).is_none() {
            return Ok(None);
        }
        if self.expect_keyword(Keyword::From).is_some() {
            if let Some(a) = self.expression()? {
                return Ok(Some(mk(ExprKind::YieldFrom { value: Box::new(a) }, self.loc_from(start))));
            }
            self.reset(m);
            self.bump();
        }
        let value = self.star_expressions()?.map(Box::new);
        Ok(Some(mk(ExprKind::Yield { value }, self.loc_from(start))))
    }

    // ----- boolean and comparison operators -----------------------------------

    /// `disjunction (memo): conjunction ('or' conjunction)+ | conjunction`
    pub(crate) fn disjunction(&mut self) -> R<Expr> {
        self.memo_expr(MemoRule::Disjunction, |p| p.bool_op(Keyword::Or))
    }

    /// `conjunction: inversion ('and' inversion)+ | inversion`
    pub(crate) fn conjunction(&mut self) -> R<Expr> {
        self.bool_op(Keyword::And)
    }

    fn bool_op(&mut self, kw: Keyword) -> R<Expr> {
        let start = self.start_pos();
        let operand = |p: &mut Self| if kw == Keyword::Or { p.conjunction() } else { p.inversion() };
        let Some(first) = operand(self)? else { return Ok(None) };
        if !self.at_kw(kw) {
            return Ok(Some(first));
        }
        let mut values = vec![first];
        while self.at_kw(kw) {
            let m = self.mark();
            self.bump();
            match operand(self)? {
                Some(e) => values.push(e),
                None => {
                    self.reset(m);
                    break;
                }
            }
        }
        if values.len() == 1 {
            return Ok(values.pop());
        }
        let op = if kw == Keyword::Or { BoolOp::Or } else { BoolOp::And };
        Ok(Some(mk(ExprKind::BoolOp { op, values }, self.loc_from(start))))
    }

    /// `inversion: 'not' inversion | comparison`
    pub(crate) fn inversion(&mut self) -> R<Expr> {
        if self.at_kw(Keyword::Not) {
            let start = self.start_pos();
            let m = self.mark();
            self.bump();
            if let Some(a) = self.nested(|p| p.inversion())? {
                return Ok(Some(mk(ExprKind::UnaryOp { op: UnaryOp::Not, operand: Box::new(a) }, self.loc_from(start))));
            }
            self.reset(m);
        }
        self.comparison()
    }

    /// `comparison: bitwise_or compare_op_bitwise_or_pair+ | bitwise_or`
    pub(crate) fn comparison(&mut self) -> R<Expr> {
        let start = self.start_pos();
        let Some(left) = self.bitwise_or()? else { return Ok(None) };
        let mut ops = Vec::new();
        let mut comparators = Vec::new();
        loop {
            let m = self.mark();
            let op = match self.bump_cmp_op() {
                Some(op) => op,
                None => break,
            };
            match self.bitwise_or()? {
                Some(e) => {
                    ops.push(op);
                    comparators.push(e);
                }
                None => {
                    self.reset(m);
                    break;
                }
            }
        }
        if ops.is_empty() {
            return Ok(Some(left));
        }
        Ok(Some(mk(ExprKind::Compare { left: Box::new(left), ops, comparators }, self.loc_from(start))))
    }

    /// Consume a comparison operator (`not in` and `is not` are two tokens).
    fn bump_cmp_op(&mut self) -> Option<CmpOp> {
        let op = match self.peek_kind() {
            TokenKind::EqEqual => CmpOp::Eq,
            // `<>` is only `!=` under `from __future__ import barry_as_FLUFL`.
            TokenKind::NotEqual if self.text(&self.tokens[self.pos.min(self.tokens.len() - 1)]) == "!=" => CmpOp::NotEq,
            TokenKind::LessEqual => CmpOp::LtE,
            TokenKind::Less => CmpOp::Lt,
            TokenKind::GreaterEqual => CmpOp::GtE,
            TokenKind::Greater => CmpOp::Gt,
            TokenKind::Keyword(Keyword::In) => CmpOp::In,
            TokenKind::Keyword(Keyword::Not) => {
                if self.peek_kind2() != TokenKind::Keyword(Keyword::In) {
                    return None;
                }
                self.bump();
                CmpOp::NotIn
            }
            TokenKind::Keyword(Keyword::Is) => {
                if self.peek_kind2() == TokenKind::Keyword(Keyword::Not) {
                    self.bump();
                    CmpOp::IsNot
                } else {
                    CmpOp::Is
                }
            }
            _ => return None,
        };
        self.bump();
        Some(op)
    }

    // ----- binary operators (left-recursive rules, as loops) -------------------

    /// `bitwise_or: bitwise_or '|' bitwise_xor | bitwise_xor` (memoized, as
    /// CPython memoizes left-recursive rules)
    pub(crate) fn bitwise_or(&mut self) -> R<Expr> {
        self.memo_expr(MemoRule::BitwiseOr, |p| p.binop_chain(0))
    }

    /// `bitwise_or`, `bitwise_xor`, `bitwise_and`, `shift_expr`, `sum`,
    /// `term` (precedence levels 0 = `|` .. 5 = `*`; operands are
    /// `factor`s) parsed by precedence climbing: the same trees as one
    /// left-recursive loop per level, without descending through every level
    /// for every operand.
    fn binop_chain(&mut self, level: u8) -> R<Expr> {
        let start = self.start_pos();
        let Some(left) = self.factor()? else { return Ok(None) };
        self.binop_rest(left, start, level).map(Some)
    }

    /// Extend `left` (starting at `start`) with the operators of level
    /// `min` and above.
    fn binop_rest(&mut self, mut left: Expr, start: Pos, min: u8) -> PResult<Expr> {
        // The links each level's loop holds (see `chain_link`), kept as the
        // per-level loops would: a level's links are given back once an
        // operator of a lower level ends its chain.
        let mut links = [0u32; 6];
        loop {
            let (op, level) = match self.peek_kind() {
                TokenKind::VBar => (Operator::BitOr, 0),
                TokenKind::Circumflex => (Operator::BitXor, 1),
                TokenKind::Amper => (Operator::BitAnd, 2),
                TokenKind::LeftShift => (Operator::LShift, 3),
                TokenKind::RightShift => (Operator::RShift, 3),
                TokenKind::Plus => (Operator::Add, 4),
                TokenKind::Minus => (Operator::Sub, 4),
                TokenKind::Star => (Operator::Mult, 5),
                TokenKind::Slash => (Operator::Div, 5),
                TokenKind::DoubleSlash => (Operator::FloorDiv, 5),
                TokenKind::Percent => (Operator::Mod, 5),
                TokenKind::At => (Operator::MatMult, 5),
                _ => break,
            };
            if level < min {
                break;
            }
            for held in &mut links[level as usize + 1..] {
                self.end_chain(*held);
                *held = 0;
            }
            let m = self.mark();
            self.bump();
            let right_start = self.start_pos();
            let Some(right) = self.factor()? else {
                self.reset(m);
                break;
            };
            let right = if level < 5 { self.binop_rest(right, right_start, level + 1)? } else { right };
            if let Err(e) = self.chain_link(&mut links[level as usize]) {
                super::drop_deep((left, right));
                return Err(e);
            }
            let loc = self.loc_from(start);
            left = mk(ExprKind::BinOp { left: Box::new(left), op, right: Box::new(right) }, loc);
        }
        self.end_chain(links.iter().sum());
        Ok(left)
    }

    /// `factor: '+' factor | '-' factor | '~' factor | power`
    pub(crate) fn factor(&mut self) -> R<Expr> {
        let op = match self.peek_kind() {
            TokenKind::Plus => UnaryOp::UAdd,
            TokenKind::Minus => UnaryOp::USub,
            TokenKind::Tilde => UnaryOp::Invert,
            _ => return self.power(),
        };
        let start = self.start_pos();
        let m = self.mark();
        self.bump();
        match self.nested(|p| p.factor())? {
            Some(a) => Ok(Some(mk(ExprKind::UnaryOp { op, operand: Box::new(a) }, self.loc_from(start)))),
            None => {
                self.reset(m);
                Ok(None)
            }
        }
    }

    /// `power: await_primary '**' factor | await_primary`
    pub(crate) fn power(&mut self) -> R<Expr> {
        let start = self.start_pos();
        let Some(a) = self.await_primary()? else { return Ok(None) };
        if self.at(TokenKind::DoubleStar) {
            let m = self.mark();
            self.bump();
            if let Some(b) = self.nested(|p| p.factor())? {
                let loc = self.loc_from(start);
                return Ok(Some(mk(ExprKind::BinOp { left: Box::new(a), op: Operator::Pow, right: Box::new(b) }, loc)));
            }
            self.reset(m);
        }
        Ok(Some(a))
    }

    /// `await_primary: 'await' primary | primary`
    pub(crate) fn await_primary(&mut self) -> R<Expr> {
        if self.at_kw(Keyword::Await) {
            let start = self.start_pos();
            let m = self.mark();
            self.bump();
            if let Some(a) = self.primary()? {
                return Ok(Some(mk(ExprKind::Await { value: Box::new(a) }, self.loc_from(start))));
            }
            self.reset(m);
            return Ok(None);
        }
        self.primary()
    }

    /// `primary: primary '.' NAME | primary genexp | primary '(' [arguments] ')'
    ///     | primary '[' slices ']' | atom`
    pub(crate) fn primary(&mut self) -> R<Expr> {
        let start = self.start_pos();
        let Some(mut a) = self.atom()? else { return Ok(None) };
        let mut links = 0;
        loop {
            match self.primary_trailer(a, start, ExprContext::Load)? {
                Ok(e) => {
                    if let Err(err) = self.chain_link(&mut links) {
                        super::drop_deep(e);
                        return Err(err);
                    }
                    a = e;
                }
                Err(e) => {
                    a = e;
                    break;
                }
            }
        }
        self.end_chain(links);
        Ok(Some(a))
    }

    /// One trailer of `primary` / `t_primary`: `.NAME`, a sole generator
    /// argument, `(arguments)` or `[slices]`. `Ok(Ok(new))` when one
    /// matched, `Ok(Err(unchanged))` otherwise (position restored).
    pub(crate) fn primary_trailer(&mut self, a: Expr, start: crate::token::Pos, ctx: ExprContext) -> PResult<Result<Expr, Expr>> {
        let m = self.mark();
        match self.peek_kind() {
            TokenKind::Dot => {
                self.bump();
                if let Some((_, attr)) = self.name_tok() {
                    let loc = self.loc_from(start);
                    return Ok(Ok(mk(ExprKind::Attribute { value: Box::new(a), attr, ctx }, loc)));
                }
                self.reset(m);
            }
            TokenKind::LPar => {
                // `genexp` comes first in the grammar, but a call's arguments
                // can never also be a generator expression (and the other way
                // round), so without invalid rules the common case is tried
                // first, sparing a memo entry per call.
                if self.call_invalid_rules {
                    if let Some(g) = self.genexp()? {
                        let loc = self.loc_from(start);
                        return Ok(Ok(mk(ExprKind::Call { func: Box::new(a), args: vec![g], keywords: vec![] }, loc)));
                    }
                }
                self.bump();
                let (args, keywords) = self.arguments()?.unwrap_or_default();
                if self.expect(TokenKind::RPar).is_some() {
                    let loc = self.loc_from(start);
                    return Ok(Ok(mk(ExprKind::Call { func: Box::new(a), args, keywords }, loc)));
                }
                self.reset(m);
                if !self.call_invalid_rules {
                    if let Some(g) = self.genexp()? {
                        let loc = self.loc_from(start);
                        return Ok(Ok(mk(ExprKind::Call { func: Box::new(a), args: vec![g], keywords: vec![] }, loc)));
                    }
                }
            }
            TokenKind::LSqb => {
                self.bump();
                if let Some(s) = self.slices()? {
                    if self.expect(TokenKind::RSqb).is_some() {
                        let loc = self.loc_from(start);
                        return Ok(Ok(mk(ExprKind::Subscript { value: Box::new(a), slice: Box::new(s), ctx }, loc)));
                    }
                }
                self.reset(m);
            }
            _ => {}
        }
        Ok(Err(a))
    }

    /// `slices: slice !',' | ','.(slice | starred_expression)+ [',']`
    pub(crate) fn slices(&mut self) -> R<Expr> {
        let start = self.start_pos();
        let m = self.mark();
        if let Some(s) = self.slice()? {
            if !self.at(TokenKind::Comma) {
                return Ok(Some(s));
            }
            self.reset(m);
        }
        let item = |p: &mut Self| -> R<Expr> {
            if let Some(s) = p.slice()? {
                return Ok(Some(s));
            }
            p.starred_expression()
        };
        let Some(first) = item(self)? else { return Ok(None) };
        let mut elts = vec![first];
        while self.expect(TokenKind::Comma).is_some() {
            match item(self)? {
                Some(e) => elts.push(e),
                None => break,
            }
        }
        Ok(Some(mk(ExprKind::Tuple { elts, ctx: ExprContext::Load }, self.loc_from(start))))
    }

    /// `slice: [expression] ':' [expression] [':' [expression]] | named_expression`
    pub(crate) fn slice(&mut self) -> R<Expr> {
        let start = self.start_pos();
        let m = self.mark();
        let lower = self.expression()?;
        if self.expect(TokenKind::Colon).is_some() {
            let upper = self.expression()?;
            let mut step = None;
            if self.expect(TokenKind::Colon).is_some() {
                step = self.expression()?;
            }
            let loc = self.loc_from(start);
            return Ok(Some(mk(
                ExprKind::Slice { lower: lower.map(Box::new), upper: upper.map(Box::new), step: step.map(Box::new) },
                loc,
            )));
        }
        // `named_expression` would parse the same expression again: it
        // differs only for `NAME ':='`.
        if self.fast && !self.at(TokenKind::ColonEqual) {
            if let Some(lower) = lower {
                return Ok(Some(lower));
            }
        }
        self.reset(m);
        self.named_expression()
    }

    // ----- atoms ----------------------------------------------------------------

    /// `atom: NAME | 'True' | 'False' | 'None' | &STRING strings | NUMBER
    ///     | &'(' (tuple | group | genexp) | &'[' (list | listcomp)
    ///     | &'{' (dict | set | dictcomp | setcomp) | '...'`
    pub(crate) fn atom(&mut self) -> R<Expr> {
        let t = self.peek();
        let loc = Self::tok_loc(&t);
        match t.kind {
            TokenKind::Name => Ok(self.name_expr()),
            TokenKind::Keyword(Keyword::True) => {
                self.bump();
                Ok(Some(constant(Constant::Bool(true), loc)))
            }
            TokenKind::Keyword(Keyword::False) => {
                self.bump();
                Ok(Some(constant(Constant::Bool(false), loc)))
            }
            TokenKind::Keyword(Keyword::None) => {
                self.bump();
                Ok(Some(constant(Constant::None, loc)))
            }
            TokenKind::String => self.strings(),
            TokenKind::Number => {
                self.bump();
                let value = self.number_value(&t)?;
                Ok(Some(constant(value, loc)))
            }
            TokenKind::Ellipsis => {
                self.bump();
                Ok(Some(constant(Constant::Ellipsis, loc)))
            }
            TokenKind::LPar | TokenKind::LSqb | TokenKind::LBrace if self.fast => {
                if let Some(e) = self.display_fast(t.kind)? {
                    return Ok(Some(e));
                }
                self.display_alternatives(t.kind)
            }
            _ => self.display_alternatives(t.kind),
        }
    }

    /// The alternatives of `atom` that start with a bracket, as the grammar
    /// orders them.
    fn display_alternatives(&mut self, open: TokenKind) -> R<Expr> {
        match open {
            TokenKind::LPar => {
                if let Some(e) = self.tuple()? {
                    return Ok(Some(e));
                }
                if let Some(e) = self.group()? {
                    return Ok(Some(e));
                }
                self.genexp()
            }
            TokenKind::LSqb => {
                if let Some(e) = self.list()? {
                    return Ok(Some(e));
                }
                self.listcomp()
            }
            TokenKind::LBrace => {
                if let Some(e) = self.dict()? {
                    return Ok(Some(e));
                }
                if let Some(e) = self.set()? {
                    return Ok(Some(e));
                }
                if let Some(e) = self.dictcomp()? {
                    return Ok(Some(e));
                }
                self.setcomp()
            }
            _ => Ok(None),
        }
    }

    /// In the fast pass, the bracketed atoms parsed in one go: the grammar
    /// tries `tuple`, `group`, then `genexp` (and alike for lists, sets and
    /// dicts), each parsing the first element again. Here the first element
    /// is parsed once and the token after it chooses the alternative, which
    /// gives the same tree for every input these alternatives accept. On
    /// anything unusual (`yield`, a starred or `:=` first element, a failure)
    /// it gives up (`Ok(None)`, position restored) and the caller runs the
    /// alternatives of the grammar.
    fn display_fast(&mut self, open: TokenKind) -> R<Expr> {
        let start = self.start_pos();
        let m = self.mark();
        self.bump();
        let r = match open {
            TokenKind::LPar => self.paren_fast(start)?,
            TokenKind::LSqb => self.list_fast(start)?,
            _ => self.brace_fast(start)?,
        };
        if r.is_none() {
            self.reset(m);
        }
        Ok(r)
    }

    /// Whether the next tokens start `for_if_clauses`.
    fn at_for_if_clause(&mut self) -> bool {
        self.at_kw(Keyword::For) || self.at_kw(Keyword::Async)
    }

    /// The first element of a display, when it is a plain expression
    /// (what `named_expression` gives for it).
    fn first_element_fast(&mut self) -> R<Expr> {
        if self.at(TokenKind::Star) || self.at_kw(Keyword::Yield) {
            return Ok(None);
        }
        if self.at(TokenKind::Name) && self.peek_kind2() == TokenKind::ColonEqual {
            return Ok(None);
        }
        let e = self.expression()?;
        if self.at(TokenKind::ColonEqual) {
            return Ok(None);
        }
        Ok(e)
    }

    /// After `(`: `tuple`, `group` or `genexp`.
    fn paren_fast(&mut self, start: Pos) -> R<Expr> {
        if self.expect(TokenKind::RPar).is_some() {
            return Ok(Some(mk(ExprKind::Tuple { elts: vec![], ctx: ExprContext::Load }, self.loc_from(start))));
        }
        let Some(first) = self.first_element_fast()? else { return Ok(None) };
        match self.peek_kind() {
            // group: the expression itself.
            TokenKind::RPar => {
                self.bump();
                Ok(Some(first))
            }
            TokenKind::Comma => {
                let mut elts = vec![first];
                self.bump();
                if let Some(rest) = self.star_named_expressions()? {
                    elts.extend(rest);
                }
                if self.expect(TokenKind::RPar).is_none() {
                    return Ok(None);
                }
                Ok(Some(mk(ExprKind::Tuple { elts, ctx: ExprContext::Load }, self.loc_from(start))))
            }
            _ if self.at_for_if_clause() => self.comprehension_tail(start, first, TokenKind::RPar),
            _ => Ok(None),
        }
    }

    /// After `[`: `list` or `listcomp`.
    fn list_fast(&mut self, start: Pos) -> R<Expr> {
        let mut elts = Vec::new();
        if !self.at(TokenKind::RSqb) {
            let Some(first) = self.first_element_fast()? else { return Ok(None) };
            if self.at_for_if_clause() {
                return self.comprehension_tail(start, first, TokenKind::RSqb);
            }
            elts.push(first);
            while self.expect(TokenKind::Comma).is_some() {
                match self.star_named_expression()? {
                    Some(e) => elts.push(e),
                    None => break,
                }
            }
        }
        if self.expect(TokenKind::RSqb).is_none() {
            return Ok(None);
        }
        Ok(Some(mk(ExprKind::List { elts, ctx: ExprContext::Load }, self.loc_from(start))))
    }

    /// After `{`: `dict`, `set`, `dictcomp` or `setcomp`.
    fn brace_fast(&mut self, start: Pos) -> R<Expr> {
        if self.expect(TokenKind::RBrace).is_some() {
            return Ok(Some(mk(ExprKind::Dict { keys: vec![], values: vec![] }, self.loc_from(start))));
        }
        if self.at(TokenKind::DoubleStar) {
            return Ok(None);
        }
        let Some(first) = self.first_element_fast()? else { return Ok(None) };
        if self.expect(TokenKind::Colon).is_none() {
            if self.at_for_if_clause() {
                return self.comprehension_tail(start, first, TokenKind::RBrace);
            }
            let mut elts = vec![first];
            while self.expect(TokenKind::Comma).is_some() {
                match self.star_named_expression()? {
                    Some(e) => elts.push(e),
                    None => break,
                }
            }
            if self.expect(TokenKind::RBrace).is_none() {
                return Ok(None);
            }
            return Ok(Some(mk(ExprKind::Set { elts }, self.loc_from(start))));
        }
        let Some(value) = self.expression()? else { return Ok(None) };
        if self.at_for_if_clause() {
            let Some(generators) = self.for_if_clauses()? else { return Ok(None) };
            if self.expect(TokenKind::RBrace).is_none() {
                return Ok(None);
            }
            let loc = self.loc_from(start);
            return Ok(Some(mk(ExprKind::DictComp { key: Box::new(first), value: Box::new(value), generators }, loc)));
        }
        let mut keys = vec![Some(first)];
        let mut values = vec![value];
        while self.expect(TokenKind::Comma).is_some() {
            match self.double_starred_kvpair()? {
                Some((k, v)) => {
                    keys.push(k);
                    values.push(v);
                }
                None => break,
            }
        }
        if self.expect(TokenKind::RBrace).is_none() {
            return Ok(None);
        }
        Ok(Some(mk(ExprKind::Dict { keys, values }, self.loc_from(start))))
    }

    /// The rest of a comprehension after its element: `for_if_clauses`
    /// and the closing bracket.
    fn comprehension_tail(&mut self, start: Pos, elt: Expr, close: TokenKind) -> R<Expr> {
        let Some(generators) = self.for_if_clauses()? else { return Ok(None) };
        if self.expect(close).is_none() {
            return Ok(None);
        }
        let loc = self.loc_from(start);
        let elt = Box::new(elt);
        let kind = match close {
            TokenKind::RSqb => ExprKind::ListComp { elt, generators },
            TokenKind::RBrace => ExprKind::SetComp { elt, generators },
            _ => ExprKind::GeneratorExp { elt, generators },
        };
        Ok(Some(mk(kind, loc)))
    }

    /// The value of a NUMBER token (`_PyPegen_number_token`).
    pub(crate) fn number_value(&self, t: &crate::token::Token) -> PResult<Constant> {
        match crate::number::parse_number(self.text(t)) {
            Ok(c) => Ok(c),
            Err(msg) => {
                // CPython leaves out the columns: the line is enough.
                let mut e = self.error_at(
                    crate::error::SyntaxErrorKind::SyntaxError,
                    format!("{msg} - Consider hexadecimal for huge integer literals to avoid decimal conversion limits."),
                    t.start,
                    Some(t.end),
                );
                e.offset = 0;
                e.end_offset = 0;
                Err(e)
            }
        }
    }

    /// `strings (memo): STRING+`
    pub(crate) fn strings(&mut self) -> R<Expr> {
        self.memo_expr(MemoRule::Strings, |p| {
            let first = p.pos;
            while p.at(TokenKind::String) {
                p.bump();
            }
            if p.pos == first {
                return Ok(None);
            }
            let start = p.tokens[first].start;
            let toks = p.tokens[first..p.pos].to_vec();
            let mut sub = |text: &str, at: crate::token::Pos| super::parse_fstring_expr(text, at);
            let mut e = match crate::string::parse_strings(p.source, &toks, &mut sub) {
                Ok(e) => e,
                Err(crate::string::StringError::Syntax(e)) => return Err(e),
                Err(crate::string::StringError::AtLastToken(msg)) => {
                    return Err(p.error_at_last_token(crate::error::SyntaxErrorKind::SyntaxError, msg))
                }
                Err(crate::string::StringError::AtToken(msg, i)) => {
                    let loc = toks.get(i).map(Self::tok_loc).unwrap_or_default();
                    return Err(p.error_at_loc(msg, loc));
                }
            };
            e.loc = p.loc_from(start);
            Ok(Some(e))
        })
    }

    /// `group: '(' (yield_expr | named_expression) ')' | invalid_group`
    pub(crate) fn group(&mut self) -> R<Expr> {
        let m = self.mark();
        if self.expect(TokenKind::LPar).is_some() {
            let inner = match self.yield_expr()? {
                Some(e) => Some(e),
                None => self.named_expression()?,
            };
            if let Some(e) = inner {
                if self.expect(TokenKind::RPar).is_some() {
                    return Ok(Some(e));
                }
            }
            self.reset(m);
        }
        if self.call_invalid_rules {
            self.invalid_group()?;
        }
        Ok(None)
    }

    /// `tuple: '(' [star_named_expression ',' [star_named_expressions]] ')'`
    pub(crate) fn tuple(&mut self) -> R<Expr> {
        let start = self.start_pos();
        let m = self.mark();
        if self.expect(TokenKind::LPar).is_none() {
            return Ok(None);
        }
        let mut elts = Vec::new();
        if let Some(first) = self.star_named_expression()? {
            if self.expect(TokenKind::Comma).is_none() {
                self.reset(m);
                return Ok(None);
            }
            elts.push(first);
            if let Some(rest) = self.star_named_expressions()? {
                elts.extend(rest);
            }
        }
        if self.expect(TokenKind::RPar).is_none() {
            self.reset(m);
            return Ok(None);
        }
        Ok(Some(mk(ExprKind::Tuple { elts, ctx: ExprContext::Load }, self.loc_from(start))))
    }

    /// `list: '[' [star_named_expressions] ']'`
    pub(crate) fn list(&mut self) -> R<Expr> {
        let start = self.start_pos();
        let m = self.mark();
        if self.expect(TokenKind::LSqb).is_none() {
            return Ok(None);
        }
        let elts = self.star_named_expressions()?.unwrap_or_default();
        if self.expect(TokenKind::RSqb).is_none() {
            self.reset(m);
            return Ok(None);
        }
        Ok(Some(mk(ExprKind::List { elts, ctx: ExprContext::Load }, self.loc_from(start))))
    }

    /// `set: '{' star_named_expressions '}'`
    pub(crate) fn set(&mut self) -> R<Expr> {
        let start = self.start_pos();
        let m = self.mark();
        if self.expect(TokenKind::LBrace).is_none() {
            return Ok(None);
        }
        if let Some(elts) = self.star_named_expressions()? {
            if self.expect(TokenKind::RBrace).is_some() {
                return Ok(Some(mk(ExprKind::Set { elts }, self.loc_from(start))));
            }
        }
        self.reset(m);
        Ok(None)
    }

    /// `dict: '{' [double_starred_kvpairs] '}' | '{' invalid_double_starred_kvpairs '}'`
    pub(crate) fn dict(&mut self) -> R<Expr> {
        let start = self.start_pos();
        let m = self.mark();
        if self.expect(TokenKind::LBrace).is_none() {
            return Ok(None);
        }
        let pairs = self.double_starred_kvpairs()?.unwrap_or_default();
        if self.expect(TokenKind::RBrace).is_some() {
            let (keys, values) = pairs.into_iter().unzip();
            return Ok(Some(mk(ExprKind::Dict { keys, values }, self.loc_from(start))));
        }
        self.reset(m);
        // Not guarded by `call_invalid_rules`: CPython's generator only
        // guards alternatives made of a single invalid rule, so this one
        // also runs in the first pass.
        self.bump();
        self.invalid_double_starred_kvpairs()?;
        self.reset(m);
        Ok(None)
    }

    /// `double_starred_kvpairs: ','.double_starred_kvpair+ [',']`
    fn double_starred_kvpairs(&mut self) -> R<Vec<(Option<Expr>, Expr)>> {
        let Some(first) = self.double_starred_kvpair()? else { return Ok(None) };
        let mut v = vec![first];
        while self.expect(TokenKind::Comma).is_some() {
            match self.double_starred_kvpair()? {
                Some(e) => v.push(e),
                None => break,
            }
        }
        Ok(Some(v))
    }

    /// `double_starred_kvpair: '**' bitwise_or | kvpair`
    pub(crate) fn double_starred_kvpair(&mut self) -> R<(Option<Expr>, Expr)> {
        let m = self.mark();
        if self.expect(TokenKind::DoubleStar).is_some() {
            if let Some(v) = self.bitwise_or()? {
                return Ok(Some((None, v)));
            }
            self.reset(m);
        }
        Ok(self.kvpair()?.map(|(k, v)| (Some(k), v)))
    }

    /// `kvpair: expression ':' expression`
    pub(crate) fn kvpair(&mut self) -> R<(Expr, Expr)> {
        let m = self.mark();
        if let Some(k) = self.expression()? {
            if self.expect(TokenKind::Colon).is_some() {
                if let Some(v) = self.expression()? {
                    return Ok(Some((k, v)));
                }
            }
        }
        self.reset(m);
        Ok(None)
    }

    // ----- comprehensions -------------------------------------------------------

    /// `for_if_clauses: for_if_clause+`
    pub(crate) fn for_if_clauses(&mut self) -> R<Vec<Comprehension>> {
        let mut v = Vec::new();
        while let Some(c) = self.for_if_clause()? {
            v.push(c);
        }
        Ok(if v.is_empty() { None } else { Some(v) })
    }

    /// `for_if_clause: ['async'] 'for' star_targets 'in' ~ disjunction ('if' disjunction)*
    ///     | invalid_for_target`
    fn for_if_clause(&mut self) -> R<Comprehension> {
        let m = self.mark();
        let is_async = self.expect_keyword(Keyword::Async).is_some();
        if self.expect_keyword(Keyword::For).is_some() {
            if let Some(target) = self.star_targets()? {
                if self.expect_keyword(Keyword::In).is_some() {
                    // Cut: past 'in', no other alternative is tried.
                    let Some(iter) = self.disjunction()? else {
                        self.reset(m);
                        return Ok(None);
                    };
                    let mut ifs = Vec::new();
                    loop {
                        let m2 = self.mark();
                        if self.expect_keyword(Keyword::If).is_none() {
                            break;
                        }
                        match self.disjunction()? {
                            Some(e) => ifs.push(e),
                            None => {
                                self.reset(m2);
                                break;
                            }
                        }
                    }
                    return Ok(Some(Comprehension {
                        target: Box::new(target),
                        iter: Box::new(iter),
                        ifs,
                        is_async: is_async as i64,
                    }));
                }
            }
        }
        self.reset(m);
        if self.call_invalid_rules {
            self.invalid_for_target()?;
        }
        Ok(None)
    }

    /// `listcomp: '[' named_expression for_if_clauses ']' | invalid_comprehension`
    fn listcomp(&mut self) -> R<Expr> {
        self.comprehension(TokenKind::LSqb, TokenKind::RSqb)
    }

    /// `setcomp: '{' named_expression for_if_clauses '}' | invalid_comprehension`
    fn setcomp(&mut self) -> R<Expr> {
        self.comprehension(TokenKind::LBrace, TokenKind::RBrace)
    }

    /// `genexp: '(' (assignment_expression | expression !':=') for_if_clauses ')'
    ///     | invalid_comprehension`
    pub(crate) fn genexp(&mut self) -> R<Expr> {
        self.comprehension(TokenKind::LPar, TokenKind::RPar)
    }

    fn comprehension(&mut self, open: TokenKind, close: TokenKind) -> R<Expr> {
        let start = self.start_pos();
        let m = self.mark();
        if self.expect(open).is_some() {
            let elt = if open == TokenKind::LPar {
                match self.assignment_expression()? {
                    Some(e) => Some(e),
                    None => {
                        let m2 = self.mark();
                        match self.expression()? {
                            Some(e) if !self.at(TokenKind::ColonEqual) => Some(e),
                            _ => {
                                self.reset(m2);
                                None
                            }
                        }
                    }
                }
            } else {
                self.named_expression()?
            };
            if let Some(elt) = elt {
                if let Some(generators) = self.for_if_clauses()? {
                    if self.expect(close).is_some() {
                        let loc = self.loc_from(start);
                        let elt = Box::new(elt);
                        let kind = match open {
                            TokenKind::LSqb => ExprKind::ListComp { elt, generators },
                            TokenKind::LBrace => ExprKind::SetComp { elt, generators },
                            _ => ExprKind::GeneratorExp { elt, generators },
                        };
                        return Ok(Some(mk(kind, loc)));
                    }
                }
            }
            self.reset(m);
        }
        if self.call_invalid_rules {
            self.invalid_comprehension()?;
        }
        Ok(None)
    }

    /// `dictcomp: '{' kvpair for_if_clauses '}' | invalid_dict_comprehension`
    fn dictcomp(&mut self) -> R<Expr> {
        let start = self.start_pos();
        let m = self.mark();
        if self.expect(TokenKind::LBrace).is_some() {
            if let Some((key, value)) = self.kvpair()? {
                if let Some(generators) = self.for_if_clauses()? {
                    if self.expect(TokenKind::RBrace).is_some() {
                        let loc = self.loc_from(start);
                        return Ok(Some(mk(ExprKind::DictComp { key: Box::new(key), value: Box::new(value), generators }, loc)));
                    }
                }
            }
            self.reset(m);
        }
        if self.call_invalid_rules {
            self.invalid_dict_comprehension()?;
        }
        Ok(None)
    }

    // ----- lambda -------------------------------------------------------------

    /// `lambdef: 'lambda' [lambda_params] ':' expression`
    pub(crate) fn lambdef(&mut self) -> R<Expr> {
        let start = self.start_pos();
        let m = self.mark();
        if self.expect_keyword(Keyword::Lambda).is_none() {
            return Ok(None);
        }
        let args = match self.lambda_params()? {
            Some(a) => a,
            None => super::args::empty_arguments(),
        };
        if self.expect(TokenKind::Colon).is_some() {
            if let Some(body) = self.expression()? {
                let loc = self.loc_from(start);
                return Ok(Some(mk(ExprKind::Lambda { args: Box::new(args), body: Box::new(body) }, loc)));
            }
        }
        self.reset(m);
        Ok(None)
    }
}
