//! The `invalid_*` rules of the grammar: tried only in the second pass, they
//! recognise common mistakes and raise CPython's specific messages.
//!
//! Each rule returns `Err` when it raises, or `Ok(())` with the position
//! restored when it does not match.

use super::args::ParamKind;
use super::errors::{expr_name, is_legacy_stmt, last_comprehension_item, TargetsType};
use super::{Memo, MemoRule, PResult, Parser};
use crate::ast::{Expr, ExprKind, Loc};
use crate::error::SyntaxErrorKind;
use crate::token::{Keyword, Pos, Token, TokenKind};

fn tloc(t: &Token) -> Loc {
    Parser::tok_loc(t)
}

impl<'src> Parser<'src> {
    /// RAISE_SYNTAX_ERROR_INVALID_TARGET: raise if `e` holds an invalid target.
    fn invalid_target_error(&self, ty: TargetsType, e: &Expr) -> PResult<()> {
        match self.raise_invalid_target(ty, e) {
            Some(err) => Err(err),
            None => Ok(()),
        }
    }

    /// `NEWLINE !INDENT` after a block header: the IndentationError
    /// "expected an indented block after {what} on line {line}".
    fn expect_indent_after(&mut self, what: &str, line: u32) -> PResult<bool> {
        if self.expect(TokenKind::Newline).is_some() && !self.at(TokenKind::Indent) {
            return Err(self.raise(SyntaxErrorKind::IndentationError, format!("expected an indented block after {what} on line {line}")));
        }
        Ok(false)
    }

    // ----- arguments ------------------------------------------------------------------

    /// `invalid_arguments`
    pub(crate) fn invalid_arguments(&mut self) -> PResult<()> {
        let m = self.mark();
        // args ',' '*'
        if self.args()?.is_some() && self.expect(TokenKind::Comma).is_some() {
            if let Some(t) = self.expect(TokenKind::Star) {
                return Err(self.error_at_loc("iterable argument unpacking follows keyword argument unpacking", tloc(&t)));
            }
        }
        self.reset(m);
        // expression for_if_clauses ',' [args | expression for_if_clauses]
        if let Some(a) = self.expression()? {
            if let Some(b) = self.for_if_clauses()? {
                if self.expect(TokenKind::Comma).is_some() {
                    let m2 = self.mark();
                    if self.args()?.is_none() {
                        self.reset(m2);
                        if self.expression()?.is_some() && self.for_if_clauses()?.is_some() {
                        } else {
                            self.reset(m2);
                        }
                    }
                    let last = b.last().map(|c| last_comprehension_item(c).loc).unwrap_or(a.loc);
                    return Err(self.error_range("Generator expression must be parenthesized", a.loc, last));
                }
            }
        }
        self.reset(m);
        // NAME '=' expression for_if_clauses
        if let Some(a) = self.expect(TokenKind::Name) {
            if let Some(b) = self.expect(TokenKind::Equal) {
                if self.expression()?.is_some() && self.for_if_clauses()?.is_some() {
                    return Err(self.error_range(
                        "invalid syntax. Maybe you meant '==' or ':=' instead of '='?",
                        tloc(&a),
                        tloc(&b),
                    ));
                }
            }
        }
        self.reset(m);
        // args for_if_clauses
        if let Some((args, _)) = self.args()? {
            if let Some(b) = self.for_if_clauses()? {
                if let Some(e) = self.nonparen_genexp_in_call(&args, &b) {
                    return Err(e);
                }
            }
        }
        self.reset(m);
        // args ',' expression for_if_clauses
        if self.args()?.is_some() && self.expect(TokenKind::Comma).is_some() {
            if let Some(a) = self.expression()? {
                if let Some(b) = self.for_if_clauses()? {
                    let last = b.last().map(|c| last_comprehension_item(c).loc).unwrap_or(a.loc);
                    return Err(self.error_range("Generator expression must be parenthesized", a.loc, last));
                }
            }
        }
        self.reset(m);
        // args ',' args
        if let Some((_, keywords)) = self.args()? {
            if self.expect(TokenKind::Comma).is_some() && self.args()?.is_some() {
                return Err(self.arguments_parsing_error(&keywords));
            }
        }
        self.reset(m);
        Ok(())
    }

    /// `invalid_kwarg`
    pub(crate) fn invalid_kwarg(&mut self) -> PResult<()> {
        let m = self.mark();
        let t = self.peek();
        if matches!(t.kind, TokenKind::Keyword(Keyword::True | Keyword::False | Keyword::None))
            && self.peek_kind2() == TokenKind::Equal
        {
            self.bump();
            let b = self.bump();
            let msg = format!("cannot assign to {}", self.text(&t));
            return Err(self.error_range(msg, tloc(&t), tloc(&b)));
        }
        // NAME '=' expression for_if_clauses
        if let Some(a) = self.expect(TokenKind::Name) {
            if let Some(b) = self.expect(TokenKind::Equal) {
                if self.expression()?.is_some() && self.for_if_clauses()?.is_some() {
                    return Err(self.error_range(
                        "invalid syntax. Maybe you meant '==' or ':=' instead of '='?",
                        tloc(&a),
                        tloc(&b),
                    ));
                }
            }
        }
        self.reset(m);
        // !(NAME '=') expression '='
        if !(self.at(TokenKind::Name) && self.peek_kind2() == TokenKind::Equal) {
            if let Some(a) = self.expression()? {
                if let Some(b) = self.expect(TokenKind::Equal) {
                    return Err(self.error_range(
                        "expression cannot contain assignment, perhaps you meant \"==\"?",
                        a.loc,
                        tloc(&b),
                    ));
                }
            }
        }
        self.reset(m);
        Ok(())
    }

    // ----- expressions ------------------------------------------------------------------

    /// `invalid_legacy_expression: NAME !'(' star_expressions`
    pub(crate) fn invalid_legacy_expression(&mut self) -> PResult<()> {
        let m = self.mark();
        if let Some(a) = self.name_expr() {
            if !self.at(TokenKind::LPar) {
                if let Some(b) = self.star_expressions()? {
                    if is_legacy_stmt(&a) {
                        let ExprKind::Name { id, .. } = &a.kind else { unreachable!() };
                        let msg = format!("Missing parentheses in call to '{id}'. Did you mean {id}(...)?");
                        return Err(self.error_range(msg, a.loc, b.loc));
                    }
                }
            }
        }
        self.reset(m);
        Ok(())
    }

    /// `invalid_expression:
    ///     | !(NAME STRING | SOFT_KEYWORD) disjunction expression_without_invalid
    ///     | disjunction 'if' disjunction !('else'|':')`
    pub(crate) fn invalid_expression(&mut self) -> PResult<()> {
        let m = self.mark();
        let t = self.peek();
        let name_string = t.kind == TokenKind::Name && self.peek_kind2() == TokenKind::String;
        let soft_kw = t.kind == TokenKind::Name && matches!(self.text(&t), "match" | "case" | "_");
        if !(name_string || soft_kw) {
            if let Some(a) = self.disjunction()? {
                if let Some(b) = self.expression_without_invalid()? {
                    let last_level = self.levels.get(self.pos.wrapping_sub(1)).copied().unwrap_or(0);
                    if !is_legacy_stmt(&a) && last_level != 0 {
                        return Err(self.error_range("invalid syntax. Perhaps you forgot a comma?", a.loc, b.loc));
                    }
                }
            }
        }
        self.reset(m);
        if let Some(a) = self.disjunction()? {
            if self.expect_keyword(Keyword::If).is_some() {
                if let Some(b) = self.disjunction()? {
                    if !matches!(self.peek_kind(), TokenKind::Keyword(Keyword::Else) | TokenKind::Colon) {
                        return Err(self.error_range("expected 'else' after 'if' expression", a.loc, b.loc));
                    }
                }
            }
        }
        self.reset(m);
        Ok(())
    }

    /// `invalid_named_expression (memo)`
    pub(crate) fn invalid_named_expression(&mut self) -> PResult<()> {
        self.memoized(MemoRule::InvalidNamedExpression, |p| {
            p.invalid_named_expression_raw()?;
            Ok(Memo::Unit)
        })?;
        Ok(())
    }

    fn invalid_named_expression_raw(&mut self) -> PResult<()> {
        let m = self.mark();
        // expression ':=' expression
        if let Some(a) = self.expression()? {
            if self.expect(TokenKind::ColonEqual).is_some() && self.expression()?.is_some() {
                let msg = format!("cannot use assignment expressions with {}", expr_name(&a));
                return Err(self.error_at_loc(msg, a.loc));
            }
        }
        self.reset(m);
        // NAME '=' bitwise_or !('='|':=')
        if let Some(a) = self.name_expr() {
            if self.expect(TokenKind::Equal).is_some() {
                if let Some(b) = self.bitwise_or()? {
                    if !matches!(self.peek_kind(), TokenKind::Equal | TokenKind::ColonEqual) {
                        return Err(self.error_range(
                            "invalid syntax. Maybe you meant '==' or ':=' instead of '='?",
                            a.loc,
                            b.loc,
                        ));
                    }
                }
            }
        }
        self.reset(m);
        // !(list|tuple|genexp|'True'|'None'|'False') bitwise_or '=' bitwise_or !('='|':=')
        let excluded = match self.peek_kind() {
            TokenKind::Keyword(Keyword::True | Keyword::None | Keyword::False) => true,
            TokenKind::LSqb => {
                let r = self.list()?.is_some();
                self.reset(m);
                r
            }
            TokenKind::LPar => {
                let r = self.tuple()?.is_some() || {
                    self.reset(m);
                    self.genexp()?.is_some()
                };
                self.reset(m);
                r
            }
            _ => false,
        };
        if !excluded {
            if let Some(a) = self.bitwise_or()? {
                if self.expect(TokenKind::Equal).is_some()
                    && self.bitwise_or()?.is_some()
                    && !matches!(self.peek_kind(), TokenKind::Equal | TokenKind::ColonEqual)
                {
                    let msg = format!("cannot assign to {} here. Maybe you meant '==' instead of '='?", expr_name(&a));
                    return Err(self.error_at_loc(msg, a.loc));
                }
            }
        }
        self.reset(m);
        Ok(())
    }

    /// `invalid_group: '(' starred_expression ')' | '(' '**' expression ')'`
    pub(crate) fn invalid_group(&mut self) -> PResult<()> {
        let m = self.mark();
        if self.expect(TokenKind::LPar).is_some() {
            if let Some(a) = self.starred_expression()? {
                if self.expect(TokenKind::RPar).is_some() {
                    return Err(self.error_at_loc("cannot use starred expression here", a.loc));
                }
            }
            self.reset(m);
            self.bump();
            if let Some(a) = self.expect(TokenKind::DoubleStar) {
                if self.expression()?.is_some() && self.expect(TokenKind::RPar).is_some() {
                    return Err(self.error_at_loc("cannot use double starred expression here", tloc(&a)));
                }
            }
        }
        self.reset(m);
        Ok(())
    }

    /// `invalid_double_starred_kvpairs` (called after the `{`):
    ///     | ','.double_starred_kvpair+ ',' invalid_kvpair
    ///     | expression ':' '*' bitwise_or
    ///     | expression ':' &('}'|',')
    pub(crate) fn invalid_double_starred_kvpairs(&mut self) -> PResult<()> {
        let m = self.mark();
        if self.double_starred_kvpair()?.is_some() {
            loop {
                let m2 = self.mark();
                if self.expect(TokenKind::Comma).is_none() {
                    break;
                }
                if self.double_starred_kvpair()?.is_none() {
                    self.reset(m2);
                    break;
                }
            }
            if self.expect(TokenKind::Comma).is_some() {
                self.invalid_kvpair()?;
            }
        }
        self.reset(m);
        if self.expression()?.is_some() {
            if let Some(colon) = self.expect(TokenKind::Colon) {
                if let Some(a) = self.expect(TokenKind::Star) {
                    if self.bitwise_or()?.is_some() {
                        return Err(self.raise_starting_from("cannot use a starred expression in a dictionary value", a.start));
                    }
                }
                self.reset(m);
                self.expression()?;
                self.bump();
                if matches!(self.peek_kind(), TokenKind::RBrace | TokenKind::Comma) {
                    return Err(self.error_at_loc("expression expected after dictionary key and ':'", tloc(&colon)));
                }
            }
        }
        self.reset(m);
        Ok(())
    }

    /// `invalid_kvpair`
    fn invalid_kvpair(&mut self) -> PResult<()> {
        let m = self.mark();
        if let Some(a) = self.expression()? {
            if !self.at(TokenKind::Colon) {
                let start = Pos { line: a.loc.end_lineno, col: a.loc.end_col_offset.saturating_sub(1) };
                return Err(self.error_at(SyntaxErrorKind::SyntaxError, "':' expected after dictionary key", start, None));
            }
            let colon = self.bump();
            if let Some(s) = self.expect(TokenKind::Star) {
                if self.bitwise_or()?.is_some() {
                    return Err(self.raise_starting_from("cannot use a starred expression in a dictionary value", s.start));
                }
                self.reset(m);
                self.expression()?;
                self.bump();
            }
            if matches!(self.peek_kind(), TokenKind::RBrace | TokenKind::Comma) {
                return Err(self.error_at_loc("expression expected after dictionary key and ':'", tloc(&colon)));
            }
        }
        self.reset(m);
        Ok(())
    }

    /// `invalid_for_target: ASYNC? 'for' star_expressions`
    pub(crate) fn invalid_for_target(&mut self) -> PResult<()> {
        let m = self.mark();
        self.expect_keyword(Keyword::Async);
        if self.expect_keyword(Keyword::For).is_some() {
            if let Some(a) = self.star_expressions()? {
                self.invalid_target_error(TargetsType::For, &a)?;
            }
        }
        self.reset(m);
        Ok(())
    }

    /// `invalid_comprehension`
    pub(crate) fn invalid_comprehension(&mut self) -> PResult<()> {
        let m = self.mark();
        let open = self.peek_kind();
        if !matches!(open, TokenKind::LSqb | TokenKind::LPar | TokenKind::LBrace) {
            return Ok(());
        }
        self.bump();
        if let Some(a) = self.starred_expression()? {
            if self.for_if_clauses()?.is_some() {
                return Err(self.error_at_loc("iterable unpacking cannot be used in comprehension", a.loc));
            }
        }
        self.reset(m);
        if open == TokenKind::LPar {
            return Ok(());
        }
        self.bump();
        if let Some(a) = self.star_named_expression()? {
            if let Some(comma) = self.expect(TokenKind::Comma) {
                let m2 = self.mark();
                if let Some(b) = self.star_named_expressions()? {
                    if self.for_if_clauses()?.is_some() {
                        let last = b.last().map(|e| e.loc).unwrap_or(a.loc);
                        return Err(self.error_range("did you forget parentheses around the comprehension target?", a.loc, last));
                    }
                }
                self.reset(m2);
                if self.for_if_clauses()?.is_some() {
                    return Err(self.error_range(
                        "did you forget parentheses around the comprehension target?",
                        a.loc,
                        tloc(&comma),
                    ));
                }
            }
        }
        self.reset(m);
        Ok(())
    }

    /// `invalid_dict_comprehension: '{' '**' bitwise_or for_if_clauses '}'`
    pub(crate) fn invalid_dict_comprehension(&mut self) -> PResult<()> {
        let m = self.mark();
        if self.expect(TokenKind::LBrace).is_some() {
            if let Some(a) = self.expect(TokenKind::DoubleStar) {
                if self.bitwise_or()?.is_some() && self.for_if_clauses()?.is_some() && self.at(TokenKind::RBrace) {
                    self.bump();
                    return Err(self.error_at_loc("dict unpacking cannot be used in dict comprehension", tloc(&a)));
                }
            }
        }
        self.reset(m);
        Ok(())
    }

    // ----- parameters -------------------------------------------------------------------

    /// `invalid_parameters`
    pub(crate) fn invalid_parameters(&mut self) -> PResult<()> {
        self.invalid_parameters_of(ParamKind::Def)
    }

    /// `invalid_lambda_parameters`
    pub(crate) fn invalid_lambda_parameters(&mut self) -> PResult<()> {
        self.invalid_parameters_of(ParamKind::Lambda)
    }

    fn skip_params_no_default(&mut self, kind: ParamKind) -> PResult<usize> {
        let mut n = 0;
        while self.param_no_default(kind)?.is_some() {
            n += 1;
        }
        Ok(n)
    }

    fn skip_params_maybe_default(&mut self, kind: ParamKind) -> PResult<usize> {
        let mut n = 0;
        while self.param_maybe_default(kind)?.is_some() {
            n += 1;
        }
        Ok(n)
    }

    fn invalid_parameters_of(&mut self, kind: ParamKind) -> PResult<()> {
        let m = self.mark();
        // param_no_default* invalid_parameters_helper param_no_default
        self.skip_params_no_default(kind)?;
        let helper = if self.slash_with_default(kind)?.is_some() {
            true
        } else {
            let mut n = 0;
            while self.param_with_default(kind)?.is_some() {
                n += 1;
            }
            n > 0
        };
        if helper {
            if let Some(a) = self.param_no_default(kind)? {
                return Err(self.error_at_loc("non-default argument follows default argument", a.loc));
            }
        }
        self.reset(m);
        // param_no_default* '(' param_no_default+ ','? ')'
        self.skip_params_no_default(kind)?;
        if let Some(a) = self.expect(TokenKind::LPar) {
            let mut n = 0;
            if kind == ParamKind::Def {
                n = self.skip_params_no_default(kind)?;
            } else {
                while self.param(kind)?.is_some() {
                    n += 1;
                    let m2 = self.mark();
                    if self.expect(TokenKind::Comma).is_none() || !self.at(TokenKind::Name) {
                        self.reset(m2);
                        break;
                    }
                }
            }
            if n > 0 {
                self.expect(TokenKind::Comma);
                if let Some(b) = self.expect(TokenKind::RPar) {
                    let msg = if kind == ParamKind::Def {
                        "Function parameters cannot be parenthesized"
                    } else {
                        "Lambda expression parameters cannot be parenthesized"
                    };
                    return Err(self.error_range(msg, tloc(&a), tloc(&b)));
                }
            }
        }
        self.reset(m);
        // "/" ','
        if let Some(a) = self.expect(TokenKind::Slash) {
            if self.expect(TokenKind::Comma).is_some() {
                return Err(self.error_at_loc("at least one argument must precede /", tloc(&a)));
            }
        }
        self.reset(m);
        // (slash_no_default | slash_with_default) param_maybe_default* '/'
        let has_slash = self.slash_no_default(kind)?.is_some() || {
            self.reset(m);
            self.slash_with_default(kind)?.is_some()
        };
        if has_slash {
            self.skip_params_maybe_default(kind)?;
            if let Some(a) = self.expect(TokenKind::Slash) {
                return Err(self.error_at_loc("/ may appear only once", tloc(&a)));
            }
        }
        self.reset(m);
        // (slash_no_default | slash_with_default)? param_maybe_default* '*' (',' | param_no_default)
        //     param_maybe_default* '/'
        if self.slash_no_default(kind)?.is_none() {
            self.reset(m);
            if self.slash_with_default(kind)?.is_none() {
                self.reset(m);
            }
        }
        self.skip_params_maybe_default(kind)?;
        if self.expect(TokenKind::Star).is_some()
            && (self.expect(TokenKind::Comma).is_some() || self.param_no_default(kind)?.is_some())
        {
            self.skip_params_maybe_default(kind)?;
            if let Some(a) = self.expect(TokenKind::Slash) {
                return Err(self.error_at_loc("/ must be ahead of *", tloc(&a)));
            }
        }
        self.reset(m);
        // param_maybe_default+ '/' '*'
        if self.skip_params_maybe_default(kind)? > 0 && self.expect(TokenKind::Slash).is_some() {
            if let Some(a) = self.expect(TokenKind::Star) {
                return Err(self.error_at_loc("expected comma between / and *", tloc(&a)));
            }
        }
        self.reset(m);
        Ok(())
    }

    /// `invalid_default: '=' &(')'|',')`
    pub(crate) fn invalid_default(&mut self) -> PResult<()> {
        if self.at(TokenKind::Equal) && matches!(self.peek_kind2(), TokenKind::RPar | TokenKind::Comma) {
            let a = self.peek();
            return Err(self.error_at_loc("expected default value expression", tloc(&a)));
        }
        Ok(())
    }

    /// `invalid_star_etc`
    pub(crate) fn invalid_star_etc(&mut self) -> PResult<()> {
        self.invalid_star_etc_of(ParamKind::Def)
    }

    /// `invalid_lambda_star_etc`
    pub(crate) fn invalid_lambda_star_etc(&mut self) -> PResult<()> {
        self.invalid_star_etc_of(ParamKind::Lambda)
    }

    fn invalid_star_etc_of(&mut self, kind: ParamKind) -> PResult<()> {
        let m = self.mark();
        let close = if kind == ParamKind::Def { TokenKind::RPar } else { TokenKind::Colon };
        let Some(a) = self.expect(TokenKind::Star) else { return Ok(()) };
        // '*' (')' | ',' (')' | '**'))
        let bare = if self.expect(close).is_some() {
            true
        } else if self.expect(TokenKind::Comma).is_some() {
            self.expect(close).is_some() || self.expect(TokenKind::DoubleStar).is_some()
        } else {
            false
        };
        if bare {
            if kind == ParamKind::Def {
                return Err(self.error_at_loc("named arguments must follow bare *", tloc(&a)));
            }
            return Err(self.raise(SyntaxErrorKind::SyntaxError, "named arguments must follow bare *"));
        }
        self.reset(m);
        self.bump();
        // '*' param '='
        if self.param(kind)?.is_some() {
            if let Some(e) = self.expect(TokenKind::Equal) {
                return Err(self.error_at_loc("var-positional argument cannot have default value", tloc(&e)));
            }
        }
        self.reset(m);
        self.bump();
        // '*' (param_no_default | ',') param_maybe_default* '*' (param_no_default | ',')
        if self.param_no_default(kind)?.is_some() || self.expect(TokenKind::Comma).is_some() {
            self.skip_params_maybe_default(kind)?;
            if let Some(b) = self.expect(TokenKind::Star) {
                if self.param_no_default(kind)?.is_some() || self.expect(TokenKind::Comma).is_some() {
                    return Err(self.error_at_loc("* argument may appear only once", tloc(&b)));
                }
            }
        }
        self.reset(m);
        Ok(())
    }

    /// `invalid_kwds`
    pub(crate) fn invalid_kwds(&mut self) -> PResult<()> {
        self.invalid_kwds_of(ParamKind::Def)
    }

    /// `invalid_lambda_kwds`
    pub(crate) fn invalid_lambda_kwds(&mut self) -> PResult<()> {
        self.invalid_kwds_of(ParamKind::Lambda)
    }

    fn invalid_kwds_of(&mut self, kind: ParamKind) -> PResult<()> {
        let m = self.mark();
        if self.expect(TokenKind::DoubleStar).is_none() || self.param(kind)?.is_none() {
            self.reset(m);
            return Ok(());
        }
        if let Some(a) = self.expect(TokenKind::Equal) {
            return Err(self.error_at_loc("var-keyword argument cannot have default value", tloc(&a)));
        }
        if self.expect(TokenKind::Comma).is_some() {
            let m2 = self.mark();
            let start = self.start_pos();
            if self.param(kind)?.is_some() {
                let loc = self.loc_from(start);
                return Err(self.error_at_loc("arguments cannot follow var-keyword argument", loc));
            }
            self.reset(m2);
            let t = self.peek();
            if matches!(t.kind, TokenKind::Star | TokenKind::DoubleStar | TokenKind::Slash) {
                self.bump();
                return Err(self.error_at_loc("arguments cannot follow var-keyword argument", tloc(&t)));
            }
        }
        self.reset(m);
        Ok(())
    }

    // ----- assignments and simple statements -------------------------------------------

    /// `invalid_ann_assign_target: list | tuple | '(' invalid_ann_assign_target ')'`
    fn invalid_ann_assign_target(&mut self) -> PResult<Option<Expr>> {
        if let Some(e) = self.list()? {
            return Ok(Some(e));
        }
        if let Some(e) = self.tuple()? {
            return Ok(Some(e));
        }
        let m = self.mark();
        if self.expect(TokenKind::LPar).is_some() {
            if let Some(e) = self.nested(|p| p.invalid_ann_assign_target())? {
                if self.expect(TokenKind::RPar).is_some() {
                    return Ok(Some(e));
                }
            }
        }
        self.reset(m);
        Ok(None)
    }

    /// `invalid_assignment`
    pub(crate) fn invalid_assignment(&mut self) -> PResult<()> {
        let m = self.mark();
        // invalid_ann_assign_target ':' expression
        if let Some(a) = self.invalid_ann_assign_target()? {
            if self.expect(TokenKind::Colon).is_some() && self.expression()?.is_some() {
                let msg = format!("only single target (not {}) can be annotated", expr_name(&a));
                return Err(self.error_at_loc(msg, a.loc));
            }
        }
        self.reset(m);
        // star_named_expression ',' star_named_expressions* ':' expression
        if let Some(a) = self.star_named_expression()? {
            if self.expect(TokenKind::Comma).is_some() {
                while self.star_named_expressions()?.is_some() {}
                if self.expect(TokenKind::Colon).is_some() && self.expression()?.is_some() {
                    return Err(self.error_at_loc("only single target (not tuple) can be annotated", a.loc));
                }
            }
        }
        self.reset(m);
        // expression ':' expression
        if let Some(a) = self.expression()? {
            if self.expect(TokenKind::Colon).is_some() && self.expression()?.is_some() {
                return Err(self.error_at_loc("illegal target for annotation", a.loc));
            }
        }
        self.reset(m);
        // (star_targets '=')* star_expressions '='
        self.skip_star_targets_eq()?;
        if let Some(a) = self.star_expressions()? {
            if self.expect(TokenKind::Equal).is_some() {
                self.invalid_target_error(TargetsType::Star, &a)?;
            }
        }
        self.reset(m);
        // (star_targets '=')* yield_expr '='
        self.skip_star_targets_eq()?;
        if let Some(a) = self.yield_expr()? {
            if self.expect(TokenKind::Equal).is_some() {
                return Err(self.error_at_loc("assignment to yield expression not possible", a.loc));
            }
        }
        self.reset(m);
        // star_expressions augassign (yield_expr | star_expressions)
        if let Some(a) = self.star_expressions()? {
            if self.augassign().is_some() && self.annotated_rhs()?.is_some() {
                let msg = format!("'{}' is an illegal expression for augmented assignment", expr_name(&a));
                return Err(self.error_at_loc(msg, a.loc));
            }
        }
        self.reset(m);
        Ok(())
    }

    fn skip_star_targets_eq(&mut self) -> PResult<()> {
        loop {
            let m = self.mark();
            if self.star_targets()?.is_some() && self.expect(TokenKind::Equal).is_some() {
                continue;
            }
            self.reset(m);
            return Ok(());
        }
    }

    /// `invalid_del_stmt: 'del' star_expressions`
    pub(crate) fn invalid_del_stmt(&mut self) -> PResult<()> {
        let m = self.mark();
        if self.expect_keyword(Keyword::Del).is_some() {
            if let Some(a) = self.star_expressions()? {
                self.invalid_target_error(TargetsType::Del, &a)?;
            }
        }
        self.reset(m);
        Ok(())
    }

    /// `invalid_import_from_targets: import_from_as_names ',' NEWLINE`
    pub(crate) fn invalid_import_from_targets(&mut self) -> PResult<()> {
        let m = self.mark();
        if self.import_from_as_names().is_some()
            && self.expect(TokenKind::Comma).is_some()
            && self.expect(TokenKind::Newline).is_some()
        {
            return Err(self.raise(SyntaxErrorKind::SyntaxError, "trailing comma not allowed without surrounding parentheses"));
        }
        self.reset(m);
        Ok(())
    }

    // ----- blocks and compound statements ----------------------------------------------

    /// `invalid_block: NEWLINE !INDENT`
    pub(crate) fn invalid_block(&mut self) -> PResult<()> {
        let m = self.mark();
        if self.expect(TokenKind::Newline).is_some() && !self.at(TokenKind::Indent) {
            return Err(self.raise(SyntaxErrorKind::IndentationError, "expected an indented block"));
        }
        self.reset(m);
        Ok(())
    }

    /// `'class' NAME ['(' [arguments] ')']`
    fn class_header(&mut self) -> PResult<Option<Token>> {
        let Some(a) = self.expect_keyword(Keyword::Class) else { return Ok(None) };
        if self.expect(TokenKind::Name).is_none() {
            return Ok(None);
        }
        let m = self.mark();
        if self.expect(TokenKind::LPar).is_some() {
            self.arguments()?;
            if self.expect(TokenKind::RPar).is_none() {
                self.reset(m);
            }
        }
        Ok(Some(a))
    }

    /// `invalid_class_def_raw:
    ///     | 'class' NAME ['(' [arguments] ')'] NEWLINE
    ///     | 'class' NAME ['(' [arguments] ')'] ':' NEWLINE !INDENT`
    pub(crate) fn invalid_class_def_raw(&mut self) -> PResult<()> {
        let m = self.mark();
        if self.class_header()?.is_some() && self.expect(TokenKind::Newline).is_some() {
            return Err(self.raise(SyntaxErrorKind::SyntaxError, "expected ':'"));
        }
        self.reset(m);
        if let Some(a) = self.class_header()? {
            if self.expect(TokenKind::Colon).is_some() {
                self.expect_indent_after("class definition", a.start.line)?;
            }
        }
        self.reset(m);
        Ok(())
    }

    /// `invalid_def_raw: [ASYNC] 'def' NAME '(' [params] ')' ['->' expression] ':' NEWLINE !INDENT`
    pub(crate) fn invalid_def_raw(&mut self) -> PResult<()> {
        let m = self.mark();
        self.expect_keyword(Keyword::Async);
        if let Some(a) = self.expect_keyword(Keyword::Def) {
            if self.expect(TokenKind::Name).is_some() && self.expect(TokenKind::LPar).is_some() {
                self.params()?;
                if self.expect(TokenKind::RPar).is_some() {
                    let m2 = self.mark();
                    if self.expect(TokenKind::RArrow).is_some() && self.expression()?.is_none() {
                        self.reset(m2);
                    }
                    if self.expect(TokenKind::Colon).is_some() {
                        self.expect_indent_after("function definition", a.start.line)?;
                    }
                }
            }
        }
        self.reset(m);
        Ok(())
    }

    /// `'kw' named_expression NEWLINE` ("expected ':'") and
    /// `'kw' named_expression ':' NEWLINE !INDENT`: invalid_if_stmt,
    /// invalid_elif_stmt, invalid_while_stmt.
    fn invalid_simple_header(&mut self, kw: Keyword) -> PResult<()> {
        let m = self.mark();
        if self.expect_keyword(kw).is_some() && self.named_expression()?.is_some() && self.expect(TokenKind::Newline).is_some() {
            return Err(self.raise(SyntaxErrorKind::SyntaxError, "expected ':'"));
        }
        self.reset(m);
        if let Some(a) = self.expect_keyword(kw) {
            if self.named_expression()?.is_some() && self.expect(TokenKind::Colon).is_some() {
                self.expect_indent_after(&format!("'{}' statement", kw.as_str()), a.start.line)?;
            }
        }
        self.reset(m);
        Ok(())
    }

    /// `invalid_if_stmt`
    pub(crate) fn invalid_if_stmt(&mut self) -> PResult<()> {
        self.invalid_simple_header(Keyword::If)
    }

    /// `invalid_elif_stmt`
    pub(crate) fn invalid_elif_stmt(&mut self) -> PResult<()> {
        self.invalid_simple_header(Keyword::Elif)
    }

    /// `invalid_while_stmt`
    pub(crate) fn invalid_while_stmt(&mut self) -> PResult<()> {
        self.invalid_simple_header(Keyword::While)
    }

    /// `invalid_else_stmt: 'else' ':' NEWLINE !INDENT`
    pub(crate) fn invalid_else_stmt(&mut self) -> PResult<()> {
        let m = self.mark();
        if let Some(a) = self.expect_keyword(Keyword::Else) {
            if self.expect(TokenKind::Colon).is_some() {
                self.expect_indent_after("'else' statement", a.start.line)?;
            }
        }
        self.reset(m);
        Ok(())
    }

    /// `invalid_for_stmt:
    ///     | [ASYNC] 'for' star_targets 'in' star_expressions NEWLINE
    ///     | [ASYNC] 'for' star_targets 'in' star_expressions ':' NEWLINE !INDENT`
    pub(crate) fn invalid_for_stmt(&mut self) -> PResult<()> {
        let m = self.mark();
        self.expect_keyword(Keyword::Async);
        if let Some(a) = self.expect_keyword(Keyword::For) {
            if self.star_targets()?.is_some() && self.expect_keyword(Keyword::In).is_some() && self.star_expressions()?.is_some() {
                if self.expect(TokenKind::Newline).is_some() {
                    return Err(self.raise(SyntaxErrorKind::SyntaxError, "expected ':'"));
                }
                if self.expect(TokenKind::Colon).is_some() {
                    self.expect_indent_after("'for' statement", a.start.line)?;
                }
            }
        }
        self.reset(m);
        Ok(())
    }

    /// `','.(expression ['as' star_target])+` (or of `expressions` when
    /// `parenthesized`)
    fn skip_with_items(&mut self, parenthesized: bool) -> PResult<bool> {
        let mut n = 0;
        loop {
            let m = self.mark();
            let e = if parenthesized { self.expressions()? } else { self.expression()? };
            if e.is_none() {
                self.reset(m);
                break;
            }
            n += 1;
            let m2 = self.mark();
            if self.expect_keyword(Keyword::As).is_some() && self.star_target()?.is_none() {
                self.reset(m2);
            }
            let m3 = self.mark();
            if self.expect(TokenKind::Comma).is_none() {
                break;
            }
            let m4 = self.mark();
            let more = if parenthesized { self.expressions()? } else { self.expression()? };
            self.reset(m4);
            if more.is_none() {
                self.reset(m3);
                break;
            }
        }
        Ok(n > 0)
    }

    /// `invalid_with_stmt:
    ///     | [ASYNC] 'with' ','.(expression ['as' star_target])+ NEWLINE
    ///     | [ASYNC] 'with' '(' ','.(expressions ['as' star_target])+ ','? ')' NEWLINE`
    pub(crate) fn invalid_with_stmt(&mut self) -> PResult<()> {
        let m = self.mark();
        self.expect_keyword(Keyword::Async);
        if self.expect_keyword(Keyword::With).is_some() {
            let m2 = self.mark();
            if self.skip_with_items(false)? && self.expect(TokenKind::Newline).is_some() {
                return Err(self.raise(SyntaxErrorKind::SyntaxError, "expected ':'"));
            }
            self.reset(m2);
            if self.expect(TokenKind::LPar).is_some() && self.skip_with_items(true)? {
                self.expect(TokenKind::Comma);
                if self.expect(TokenKind::RPar).is_some() && self.expect(TokenKind::Newline).is_some() {
                    return Err(self.raise(SyntaxErrorKind::SyntaxError, "expected ':'"));
                }
            }
        }
        self.reset(m);
        Ok(())
    }

    /// `invalid_with_stmt_indent`: the two forms of `with` followed by
    /// ':' NEWLINE !INDENT.
    pub(crate) fn invalid_with_stmt_indent(&mut self) -> PResult<()> {
        let m = self.mark();
        self.expect_keyword(Keyword::Async);
        if let Some(a) = self.expect_keyword(Keyword::With) {
            let m2 = self.mark();
            if self.skip_with_items(false)? && self.expect(TokenKind::Colon).is_some() {
                self.expect_indent_after("'with' statement", a.start.line)?;
            }
            self.reset(m2);
            if self.expect(TokenKind::LPar).is_some() && self.skip_with_items(true)? {
                self.expect(TokenKind::Comma);
                if self.expect(TokenKind::RPar).is_some() && self.expect(TokenKind::Colon).is_some() {
                    self.expect_indent_after("'with' statement", a.start.line)?;
                }
            }
        }
        self.reset(m);
        Ok(())
    }

    /// `invalid_with_item: expression 'as' expression &(',' | ')' | ':')`
    pub(crate) fn invalid_with_item(&mut self) -> PResult<()> {
        let m = self.mark();
        if self.expression()?.is_some() && self.expect_keyword(Keyword::As).is_some() {
            if let Some(a) = self.expression()? {
                if matches!(self.peek_kind(), TokenKind::Comma | TokenKind::RPar | TokenKind::Colon) {
                    self.invalid_target_error(TargetsType::Star, &a)?;
                }
            }
        }
        self.reset(m);
        Ok(())
    }

    /// `invalid_try_stmt`
    pub(crate) fn invalid_try_stmt(&mut self) -> PResult<()> {
        let m = self.mark();
        let Some(a) = self.expect_keyword(Keyword::Try) else { return Ok(()) };
        if self.expect(TokenKind::Colon).is_none() {
            self.reset(m);
            return Ok(());
        }
        let after_colon = self.mark();
        self.expect_indent_after("'try' statement", a.start.line)?;
        self.reset(after_colon);
        // 'try' ':' block !('except' | 'finally')
        if self.block()?.is_some() && !matches!(self.peek_kind(), TokenKind::Keyword(Keyword::Except | Keyword::Finally)) {
            return Err(self.raise(SyntaxErrorKind::SyntaxError, "expected 'except' or 'finally' block"));
        }
        // 'try' ':' block* except_block+ 'except' '*' expression ['as' NAME] ':'
        for star in [false, true] {
            self.reset(after_colon);
            while self.block()?.is_some() {}
            let mut n = 0;
            while self.except_block(star)?.is_some() {
                n += 1;
            }
            if n == 0 {
                continue;
            }
            let Some(e) = self.expect_keyword(Keyword::Except) else { continue };
            if !star {
                if let Some(s) = self.expect(TokenKind::Star) {
                    if self.expression()?.is_some() {
                        self.as_name_opt();
                        if self.expect(TokenKind::Colon).is_some() {
                            return Err(self.error_range(
                                "cannot have both 'except' and 'except*' on the same 'try'",
                                tloc(&e),
                                tloc(&s),
                            ));
                        }
                    }
                }
            } else {
                let m2 = self.mark();
                if self.expression()?.is_some() {
                    self.as_name_opt();
                } else {
                    self.reset(m2);
                }
                if self.expect(TokenKind::Colon).is_some() {
                    return Err(self.error_at_loc("cannot have both 'except' and 'except*' on the same 'try'", tloc(&e)));
                }
            }
        }
        self.reset(m);
        Ok(())
    }

    /// `['as' NAME]`
    fn as_name_opt(&mut self) {
        let m = self.mark();
        if self.expect_keyword(Keyword::As).is_some() && self.expect(TokenKind::Name).is_none() {
            self.reset(m);
        }
    }

    /// `invalid_except_stmt`
    pub(crate) fn invalid_except_stmt(&mut self) -> PResult<()> {
        let m = self.mark();
        // 'except' '*'? expression ',' expressions ['as' NAME] ':'
        if self.expect_keyword(Keyword::Except).is_some() {
            self.expect(TokenKind::Star);
            if let Some(a) = self.expression()? {
                if self.expect(TokenKind::Comma).is_some() && self.expressions()?.is_some() {
                    self.as_name_opt();
                    if self.expect(TokenKind::Colon).is_some() {
                        return Err(self.raise_starting_from("multiple exception types must be parenthesized", Pos { line: a.loc.lineno, col: a.loc.col_offset }));
                    }
                }
            }
        }
        self.reset(m);
        // 'except' '*'? expression ['as' NAME] NEWLINE
        if self.expect_keyword(Keyword::Except).is_some() {
            self.expect(TokenKind::Star);
            if self.expression()?.is_some() {
                self.as_name_opt();
                if self.expect(TokenKind::Newline).is_some() {
                    return Err(self.raise(SyntaxErrorKind::SyntaxError, "expected ':'"));
                }
            }
        }
        self.reset(m);
        // 'except' NEWLINE
        if self.expect_keyword(Keyword::Except).is_some() && self.expect(TokenKind::Newline).is_some() {
            return Err(self.raise(SyntaxErrorKind::SyntaxError, "expected ':'"));
        }
        self.reset(m);
        // 'except' '*' (NEWLINE | ':')
        if self.expect_keyword(Keyword::Except).is_some()
            && self.expect(TokenKind::Star).is_some()
            && (self.expect(TokenKind::Newline).is_some() || self.expect(TokenKind::Colon).is_some())
        {
            return Err(self.raise(SyntaxErrorKind::SyntaxError, "expected one or more exception types"));
        }
        self.reset(m);
        Ok(())
    }

    /// `invalid_finally_stmt: 'finally' ':' NEWLINE !INDENT`
    pub(crate) fn invalid_finally_stmt(&mut self) -> PResult<()> {
        let m = self.mark();
        if let Some(a) = self.expect_keyword(Keyword::Finally) {
            if self.expect(TokenKind::Colon).is_some() {
                self.expect_indent_after("'finally' statement", a.start.line)?;
            }
        }
        self.reset(m);
        Ok(())
    }

    /// `invalid_except_stmt_indent:
    ///     | 'except' expression ['as' NAME] ':' NEWLINE !INDENT
    ///     | 'except' ':' NEWLINE !INDENT`
    pub(crate) fn invalid_except_stmt_indent(&mut self) -> PResult<()> {
        let m = self.mark();
        if let Some(a) = self.expect_keyword(Keyword::Except) {
            if self.expression()?.is_some() {
                self.as_name_opt();
                if self.expect(TokenKind::Colon).is_some() {
                    self.expect_indent_after("'except' statement", a.start.line)?;
                }
            }
            self.reset(m);
            self.bump();
            if self.expect(TokenKind::Colon).is_some() {
                self.expect_indent_after("'except' statement", a.start.line)?;
            }
        }
        self.reset(m);
        Ok(())
    }

    /// `invalid_except_star_stmt_indent: 'except' '*' expression ['as' NAME] ':' NEWLINE !INDENT`
    pub(crate) fn invalid_except_star_stmt_indent(&mut self) -> PResult<()> {
        let m = self.mark();
        if let Some(a) = self.expect_keyword(Keyword::Except) {
            if self.expect(TokenKind::Star).is_some() && self.expression()?.is_some() {
                self.as_name_opt();
                if self.expect(TokenKind::Colon).is_some() {
                    self.expect_indent_after("'except*' statement", a.start.line)?;
                }
            }
        }
        self.reset(m);
        Ok(())
    }

    // ----- match --------------------------------------------------------------------------

    /// `invalid_match_stmt:
    ///     | "match" subject_expr !':'
    ///     | "match" subject_expr ':' NEWLINE !INDENT`
    pub(crate) fn invalid_match_stmt(&mut self) -> PResult<()> {
        let m = self.mark();
        if let Some(a) = self.expect_soft_keyword("match") {
            if self.subject_expr()?.is_some() {
                if self.expect(TokenKind::Newline).is_some() {
                    return Err(self.raise(SyntaxErrorKind::SyntaxError, "expected ':'"));
                }
                if self.expect(TokenKind::Colon).is_none() {
                    self.reset(m);
                    return Ok(());
                }
                self.expect_indent_after("'match' statement", a.start.line)?;
            }
        }
        self.reset(m);
        Ok(())
    }

    /// `invalid_case_block:
    ///     | "case" patterns guard? !':'
    ///     | "case" patterns guard? ':' NEWLINE !INDENT`
    pub(crate) fn invalid_case_block(&mut self) -> PResult<()> {
        let m = self.mark();
        if let Some(a) = self.expect_soft_keyword("case") {
            if self.patterns()?.is_some() {
                self.guard()?;
                if self.expect(TokenKind::Newline).is_some() {
                    return Err(self.raise(SyntaxErrorKind::SyntaxError, "expected ':'"));
                }
                if self.expect(TokenKind::Colon).is_none() {
                    self.reset(m);
                    return Ok(());
                }
                self.expect_indent_after("'case' statement", a.start.line)?;
            }
        }
        self.reset(m);
        Ok(())
    }

    /// `invalid_as_pattern:
    ///     | or_pattern 'as' "_"
    ///     | or_pattern 'as' !NAME expression`
    pub(crate) fn invalid_as_pattern(&mut self) -> PResult<()> {
        let m = self.mark();
        if self.or_pattern()?.is_some() && self.expect_keyword(Keyword::As).is_some() {
            if let Some(a) = self.expect_soft_keyword("_") {
                return Err(self.error_at_loc("cannot use '_' as a target", tloc(&a)));
            }
            if !self.at(TokenKind::Name) {
                if let Some(a) = self.expression()? {
                    return Err(self.error_at_loc("invalid pattern target", a.loc));
                }
            }
        }
        self.reset(m);
        Ok(())
    }

    /// Not a rule of 3.11's grammar: kept as a hook for the mapping-pattern
    /// alternative.
    pub(crate) fn invalid_mapping_pattern(&mut self) -> PResult<()> {
        Ok(())
    }

    /// `invalid_class_pattern: name_or_attr '(' invalid_class_argument_pattern`
    /// with `invalid_class_argument_pattern:
    ///     [positional_patterns ','] keyword_patterns ',' positional_patterns`
    pub(crate) fn invalid_class_pattern(&mut self) -> PResult<()> {
        let m = self.mark();
        if self.class_pattern_head() {
            let m2 = self.mark();
            // [positional_patterns ',']
            if !(self.gather_patterns(false)?.is_some() && self.expect(TokenKind::Comma).is_some()) {
                self.reset(m2);
            }
            if self.gather_patterns(true)?.is_some() && self.expect(TokenKind::Comma).is_some() {
                if let Some(a) = self.gather_patterns(false)? {
                    let first = a.first().map(|p| p.loc).unwrap_or_default();
                    let last = a.last().map(|p| p.loc).unwrap_or_default();
                    return Err(self.error_range("positional patterns follow keyword patterns", first, last));
                }
            }
        }
        self.reset(m);
        Ok(())
    }
}
