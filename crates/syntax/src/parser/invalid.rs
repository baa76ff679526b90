//! The `invalid_*` rules of the grammar: tried only in the second pass, they
//! recognise common mistakes and raise CPython's specific messages.
//!
//! Each rule returns `Err` when it raises, or `Ok(())` with the position
//! restored when it does not match. An alternative is a closure run by
//! [`Parser::alt`]: it returns the error to raise, or `None` (via `req!`)
//! as soon as a part does not match.

use super::args::ParamKind;
use super::errors::{expr_name, is_legacy_stmt, last_comprehension_item, TargetsType};
use super::{Memo, MemoRule, PResult, Parser};
use crate::ast::{Expr, Loc};
use crate::error::{SyntaxError, SyntaxErrorKind};
use crate::token::{Keyword, Token, TokenKind};

/// Unwrap a part of an alternative, or give up the alternative.
macro_rules! req {
    ($e:expr) => {
        match $e {
            Some(v) => v,
            None => return Ok(None),
        }
    };
}

/// A token's location as a node location.
fn tloc(t: &Token) -> Loc {
    Loc { lineno: t.start.line, col_offset: t.start.col, end_lineno: t.end.line, end_col_offset: t.end.col }
}

impl<'src> Parser<'src> {
    /// Try one alternative of an invalid rule; the position is restored
    /// unless it raises.
    fn alt(&mut self, f: impl FnOnce(&mut Self) -> PResult<Option<SyntaxError>>) -> PResult<()> {
        let m = self.mark();
        let r = f(self);
        self.reset(m);
        match r? {
            Some(e) => Err(e),
            None => Ok(()),
        }
    }

    fn indentation_error(&self, what: &str, line: u32) -> SyntaxError {
        self.raise(SyntaxErrorKind::IndentationError, format!("expected an indented block after {what} on line {line}"))
    }

    /// `NEWLINE !INDENT`, the end of every "expected an indented block" rule.
    fn newline_without_indent(&mut self) -> bool {
        self.expect(TokenKind::Newline).is_some() && !self.at(TokenKind::Indent)
    }

    /// The bracket depth after token `i` (CPython's `token->level`).
    fn token_level(&self, i: usize) -> u32 {
        self.levels.get(i).copied().unwrap_or(0)
    }

    /// CPython's SOFT_KEYWORD token test, which compares only the NAME's
    /// length of characters: any prefix of `match`, `case` or `_` (`c`,
    /// `ma`, ...) counts as a soft keyword.
    fn is_soft_keyword(&mut self) -> bool {
        let t = self.peek();
        let text = self.text(&t);
        t.kind == TokenKind::Name && !text.is_empty() && ["match", "case", "_"].iter().any(|k| k.starts_with(text))
    }

    /// `args` as the Call node CPython builds for it: the arguments and the
    /// location spanning them.
    fn args_loc(&mut self) -> PResult<Option<(Vec<Expr>, Vec<crate::ast::Keyword>, Loc)>> {
        let start = self.start_pos();
        let Some((a, k)) = self.args()? else { return Ok(None) };
        Ok(Some((a, k, self.loc_from(start))))
    }

    // ----- calls ------------------------------------------------------------------

    pub(crate) fn invalid_arguments(&mut self) -> PResult<()> {
        // a=args ',' '*'
        self.alt(|p| {
            req!(p.args()?);
            req!(p.expect(TokenKind::Comma));
            // CPython 3.11 reports it at the `*`.
            let b = req!(p.expect(TokenKind::Star));
            Ok(Some(p.error_at_loc("iterable argument unpacking follows keyword argument unpacking", tloc(&b))))
        })?;
        // a=expression b=for_if_clauses ',' [args | expression for_if_clauses]
        self.alt(|p| {
            let a = req!(p.expression()?);
            let b = req!(p.for_if_clauses()?);
            req!(p.expect(TokenKind::Comma));
            let m = p.mark();
            if p.args()?.is_none() {
                p.reset(m);
                if p.expression()?.is_none() || p.for_if_clauses()?.is_none() {
                    p.reset(m);
                }
            }
            let last = last_comprehension_item(req!(b.last()));
            Ok(Some(p.error_range("Generator expression must be parenthesized", a.loc, last.loc)))
        })?;
        // a=NAME b='=' expression for_if_clauses
        self.alt(|p| {
            let a = req!(p.expect(TokenKind::Name));
            let b = req!(p.expect(TokenKind::Equal));
            req!(p.expression()?);
            req!(p.for_if_clauses()?);
            Ok(Some(p.error_range("invalid syntax. Maybe you meant '==' or ':=' instead of '='?", tloc(&a), tloc(&b))))
        })?;
        // a=args b=for_if_clauses
        self.alt(|p| {
            let (a, _, _) = req!(p.args_loc()?);
            let b = req!(p.for_if_clauses()?);
            Ok(p.nonparen_genexp_in_call(&a, &b))
        })?;
        // args ',' a=expression b=for_if_clauses
        self.alt(|p| {
            req!(p.args()?);
            req!(p.expect(TokenKind::Comma));
            let a = req!(p.expression()?);
            let b = req!(p.for_if_clauses()?);
            let last = last_comprehension_item(req!(b.last()));
            Ok(Some(p.error_range("Generator expression must be parenthesized", a.loc, last.loc)))
        })?;
        // a=args ',' args
        self.alt(|p| {
            let (_, keywords, _) = req!(p.args_loc()?);
            req!(p.expect(TokenKind::Comma));
            req!(p.args()?);
            Ok(Some(p.arguments_parsing_error(&keywords)))
        })
    }

    pub(crate) fn invalid_kwarg(&mut self) -> PResult<()> {
        // a=('True'|'False'|'None') b='='
        self.alt(|p| {
            let a = p.peek();
            if !matches!(a.kind, TokenKind::Keyword(Keyword::True | Keyword::False | Keyword::None)) {
                return Ok(None);
            }
            p.bump();
            let b = req!(p.expect(TokenKind::Equal));
            Ok(Some(p.error_range(format!("cannot assign to {}", p.text(&a)), tloc(&a), tloc(&b))))
        })?;
        // a=NAME b='=' expression for_if_clauses
        self.alt(|p| {
            let a = req!(p.expect(TokenKind::Name));
            let b = req!(p.expect(TokenKind::Equal));
            req!(p.expression()?);
            req!(p.for_if_clauses()?);
            Ok(Some(p.error_range("invalid syntax. Maybe you meant '==' or ':=' instead of '='?", tloc(&a), tloc(&b))))
        })?;
        // !(NAME '=') a=expression b='='
        self.alt(|p| {
            if p.at(TokenKind::Name) && p.peek_kind2() == TokenKind::Equal {
                return Ok(None);
            }
            let a = req!(p.expression()?);
            let b = req!(p.expect(TokenKind::Equal));
            Ok(Some(p.error_range("expression cannot contain assignment, perhaps you meant \"==\"?", a.loc, tloc(&b))))
        })
    }

    // ----- expressions ------------------------------------------------------------

    pub(crate) fn invalid_legacy_expression(&mut self) -> PResult<()> {
        // a=NAME !'(' b=star_expressions
        self.alt(|p| {
            let a = req!(p.name_expr());
            if p.at(TokenKind::LPar) {
                return Ok(None);
            }
            let b = req!(p.star_expressions()?);
            if !is_legacy_stmt(&a) {
                return Ok(None);
            }
            let crate::ast::ExprKind::Name { id, .. } = &a.kind else { return Ok(None) };
            let msg = format!("Missing parentheses in call to '{id}'. Did you mean {id}(...)?");
            Ok(Some(p.error_range(msg, a.loc, b.loc)))
        })
    }

    pub(crate) fn invalid_expression(&mut self) -> PResult<()> {
        // !(NAME STRING | SOFT_KEYWORD) a=disjunction b=expression_without_invalid
        self.alt(|p| {
            if (p.at(TokenKind::Name) && p.peek_kind2() == TokenKind::String) || p.is_soft_keyword() {
                return Ok(None);
            }
            let a = req!(p.disjunction()?);
            let b = req!(p.expression_without_invalid()?);
            if is_legacy_stmt(&a) || p.pos == 0 || p.token_level(p.pos - 1) == 0 {
                return Ok(None);
            }
            Ok(Some(p.error_range("invalid syntax. Perhaps you forgot a comma?", a.loc, b.loc)))
        })?;
        // a=disjunction 'if' b=disjunction !('else'|':')
        self.alt(|p| {
            let a = req!(p.disjunction()?);
            req!(p.expect_keyword(Keyword::If));
            let b = req!(p.disjunction()?);
            if p.at_kw(Keyword::Else) || p.at(TokenKind::Colon) {
                return Ok(None);
            }
            Ok(Some(p.error_range("expected 'else' after 'if' expression", a.loc, b.loc)))
        })
    }

    pub(crate) fn invalid_named_expression(&mut self) -> PResult<()> {
        self.memoized(MemoRule::InvalidNamedExpression, |p| {
            p.invalid_named_expression_raw()?;
            Ok(Memo::Unit)
        })?;
        Ok(())
    }

    fn invalid_named_expression_raw(&mut self) -> PResult<()> {
        // a=expression ':=' expression
        self.alt(|p| {
            let a = req!(p.expression()?);
            req!(p.expect(TokenKind::ColonEqual));
            req!(p.expression()?);
            Ok(Some(p.error_at_loc(format!("cannot use assignment expressions with {}", expr_name(&a)), a.loc)))
        })?;
        // a=NAME '=' b=bitwise_or !('='|':=')
        self.alt(|p| {
            let a = req!(p.expect(TokenKind::Name));
            req!(p.expect(TokenKind::Equal));
            let b = req!(p.bitwise_or()?);
            if p.at(TokenKind::Equal) || p.at(TokenKind::ColonEqual) {
                return Ok(None);
            }
            Ok(Some(p.error_range("invalid syntax. Maybe you meant '==' or ':=' instead of '='?", tloc(&a), b.loc)))
        })?;
        // !(list|tuple|genexp|'True'|'None'|'False') a=bitwise_or b='=' bitwise_or !('='|':=')
        self.alt(|p| {
            let m = p.mark();
            let excluded = p.list()?.is_some() || {
                p.reset(m);
                p.tuple()?.is_some()
            } || {
                p.reset(m);
                p.genexp()?.is_some()
            };
            p.reset(m);
            if excluded || p.at_kw(Keyword::True) || p.at_kw(Keyword::None) || p.at_kw(Keyword::False) {
                return Ok(None);
            }
            let a = req!(p.bitwise_or()?);
            req!(p.expect(TokenKind::Equal));
            req!(p.bitwise_or()?);
            if p.at(TokenKind::Equal) || p.at(TokenKind::ColonEqual) {
                return Ok(None);
            }
            let msg = format!("cannot assign to {} here. Maybe you meant '==' instead of '='?", expr_name(&a));
            Ok(Some(p.error_at_loc(msg, a.loc)))
        })
    }

    pub(crate) fn invalid_group(&mut self) -> PResult<()> {
        // '(' a=starred_expression ')'
        self.alt(|p| {
            req!(p.expect(TokenKind::LPar));
            let a = req!(p.starred_expression()?);
            req!(p.expect(TokenKind::RPar));
            Ok(Some(p.error_at_loc("cannot use starred expression here", a.loc)))
        })?;
        // '(' a='**' expression ')'
        self.alt(|p| {
            req!(p.expect(TokenKind::LPar));
            let a = req!(p.expect(TokenKind::DoubleStar));
            req!(p.expression()?);
            req!(p.expect(TokenKind::RPar));
            Ok(Some(p.error_at_loc("cannot use double starred expression here", tloc(&a))))
        })
    }

    pub(crate) fn invalid_double_starred_kvpairs(&mut self) -> PResult<()> {
        // ','.double_starred_kvpair+ ',' invalid_kvpair
        self.alt(|p| {
            req!(p.double_starred_kvpair()?);
            loop {
                let m = p.mark();
                if p.expect(TokenKind::Comma).is_none() || p.double_starred_kvpair()?.is_none() {
                    p.reset(m);
                    break;
                }
            }
            req!(p.expect(TokenKind::Comma));
            p.invalid_kvpair()?;
            Ok(None)
        })?;
        self.invalid_dict_value()
    }

    /// The two alternatives `invalid_double_starred_kvpairs` and
    /// `invalid_kvpair` end with alike: a bad value after `key:`.
    fn invalid_dict_value(&mut self) -> PResult<()> {
        // expression ':' a='*' bitwise_or
        self.alt(|p| {
            req!(p.expression()?);
            req!(p.expect(TokenKind::Colon));
            let a = req!(p.expect(TokenKind::Star));
            req!(p.bitwise_or()?);
            Ok(Some(p.raise_starting_from("cannot use a starred expression in a dictionary value", a.start)))
        })?;
        // expression a=':' &('}'|',')
        self.alt(|p| {
            req!(p.expression()?);
            let a = req!(p.expect(TokenKind::Colon));
            if !(p.at(TokenKind::RBrace) || p.at(TokenKind::Comma)) {
                return Ok(None);
            }
            Ok(Some(p.error_at_loc("expression expected after dictionary key and ':'", tloc(&a))))
        })
    }

    fn invalid_kvpair(&mut self) -> PResult<()> {
        // a=expression !(':')
        self.alt(|p| {
            let a = req!(p.expression()?);
            if p.at(TokenKind::Colon) {
                return Ok(None);
            }
            Ok(Some(p.known_location(
                SyntaxErrorKind::SyntaxError,
                "':' expected after dictionary key".into(),
                a.loc.lineno,
                i64::from(a.loc.end_col_offset),
                a.loc.end_lineno,
                Some(0),
            )))
        })?;
        self.invalid_dict_value()
    }

    // ----- comprehensions -----------------------------------------------------------

    pub(crate) fn invalid_for_target(&mut self) -> PResult<()> {
        // ASYNC? 'for' a=star_expressions
        self.alt(|p| {
            p.expect_keyword(Keyword::Async);
            req!(p.expect_keyword(Keyword::For));
            let a = req!(p.star_expressions()?);
            Ok(p.raise_invalid_target(TargetsType::For, &a))
        })
    }

    pub(crate) fn invalid_comprehension(&mut self) -> PResult<()> {
        // ('[' | '(' | '{') a=starred_expression for_if_clauses
        self.alt(|p| {
            if !(p.at(TokenKind::LSqb) || p.at(TokenKind::LPar) || p.at(TokenKind::LBrace)) {
                return Ok(None);
            }
            p.bump();
            let a = req!(p.starred_expression()?);
            req!(p.for_if_clauses()?);
            Ok(Some(p.error_at_loc("iterable unpacking cannot be used in comprehension", a.loc)))
        })?;
        // ('[' | '{') a=star_named_expression ',' b=star_named_expressions for_if_clauses
        self.alt(|p| {
            if !(p.at(TokenKind::LSqb) || p.at(TokenKind::LBrace)) {
                return Ok(None);
            }
            p.bump();
            let a = req!(p.star_named_expression()?);
            req!(p.expect(TokenKind::Comma));
            let b = req!(p.star_named_expressions()?);
            req!(p.for_if_clauses()?);
            let last = req!(b.last());
            Ok(Some(p.error_range("did you forget parentheses around the comprehension target?", a.loc, last.loc)))
        })?;
        // ('[' | '{') a=star_named_expression b=',' for_if_clauses
        self.alt(|p| {
            if !(p.at(TokenKind::LSqb) || p.at(TokenKind::LBrace)) {
                return Ok(None);
            }
            p.bump();
            let a = req!(p.star_named_expression()?);
            let b = req!(p.expect(TokenKind::Comma));
            req!(p.for_if_clauses()?);
            Ok(Some(p.error_range("did you forget parentheses around the comprehension target?", a.loc, tloc(&b))))
        })
    }

    pub(crate) fn invalid_dict_comprehension(&mut self) -> PResult<()> {
        // '{' a='**' bitwise_or for_if_clauses '}'
        self.alt(|p| {
            req!(p.expect(TokenKind::LBrace));
            let a = req!(p.expect(TokenKind::DoubleStar));
            req!(p.bitwise_or()?);
            req!(p.for_if_clauses()?);
            req!(p.expect(TokenKind::RBrace));
            Ok(Some(p.error_at_loc("dict unpacking cannot be used in dict comprehension", tloc(&a))))
        })
    }

    // ----- parameters -----------------------------------------------------------------

    pub(crate) fn invalid_parameters(&mut self) -> PResult<()> {
        self.invalid_params(ParamKind::Def)
    }

    pub(crate) fn invalid_lambda_parameters(&mut self) -> PResult<()> {
        self.invalid_params(ParamKind::Lambda)
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

    /// `slash_no_default | slash_with_default`
    fn any_slash(&mut self, kind: ParamKind) -> PResult<bool> {
        let m = self.mark();
        if self.slash_no_default(kind)?.is_some() {
            return Ok(true);
        }
        self.reset(m);
        if self.slash_with_default(kind)?.is_some() {
            return Ok(true);
        }
        self.reset(m);
        Ok(false)
    }

    /// `invalid_parameters` and `invalid_lambda_parameters`.
    fn invalid_params(&mut self, kind: ParamKind) -> PResult<()> {
        // param_no_default* invalid_parameters_helper a=param_no_default
        self.alt(|p| {
            p.skip_params_no_default(kind)?;
            // invalid_parameters_helper: slash_with_default | param_with_default+
            let m = p.mark();
            if p.slash_with_default(kind)?.is_none() {
                p.reset(m);
                let mut n = 0;
                while p.param_with_default(kind)?.is_some() {
                    n += 1;
                }
                if n == 0 {
                    return Ok(None);
                }
            }
            let a = req!(p.param_no_default(kind)?);
            Ok(Some(p.error_at_loc("non-default argument follows default argument", a.loc)))
        })?;
        // param_no_default* a='(' param_no_default+ ','? b=')'
        // (lambda: lambda_param_no_default* a='(' ','.lambda_param+ ','? b=')')
        self.alt(|p| {
            p.skip_params_no_default(kind)?;
            let a = req!(p.expect(TokenKind::LPar));
            match kind {
                ParamKind::Def => {
                    // Inside the parentheses `)` closes a parameter.
                    if p.skip_params_no_default(kind)? == 0 {
                        return Ok(None);
                    }
                }
                ParamKind::Lambda => {
                    req!(p.param(kind)?);
                    loop {
                        let m = p.mark();
                        if p.expect(TokenKind::Comma).is_none() || p.param(kind)?.is_none() {
                            p.reset(m);
                            break;
                        }
                    }
                }
            }
            p.expect(TokenKind::Comma);
            let b = req!(p.expect(TokenKind::RPar));
            let msg = match kind {
                ParamKind::Def => "Function parameters cannot be parenthesized",
                ParamKind::Lambda => "Lambda expression parameters cannot be parenthesized",
            };
            Ok(Some(p.error_range(msg, tloc(&a), tloc(&b))))
        })?;
        // a="/" ','
        self.alt(|p| {
            let a = req!(p.expect(TokenKind::Slash));
            req!(p.expect(TokenKind::Comma));
            Ok(Some(p.error_at_loc("at least one argument must precede /", tloc(&a))))
        })?;
        // (slash_no_default | slash_with_default) param_maybe_default* a='/'
        self.alt(|p| {
            if !p.any_slash(kind)? {
                return Ok(None);
            }
            p.skip_params_maybe_default(kind)?;
            let a = req!(p.expect(TokenKind::Slash));
            Ok(Some(p.error_at_loc("/ may appear only once", tloc(&a))))
        })?;
        // (slash_no_default | slash_with_default)? param_maybe_default* '*' (',' | param_no_default)
        //     param_maybe_default* a='/'
        self.alt(|p| {
            p.any_slash(kind)?;
            p.skip_params_maybe_default(kind)?;
            req!(p.expect(TokenKind::Star));
            if p.expect(TokenKind::Comma).is_none() {
                req!(p.param_no_default(kind)?);
            }
            p.skip_params_maybe_default(kind)?;
            let a = req!(p.expect(TokenKind::Slash));
            Ok(Some(p.error_at_loc("/ must be ahead of *", tloc(&a))))
        })?;
        // param_maybe_default+ '/' a='*'
        self.alt(|p| {
            if p.skip_params_maybe_default(kind)? == 0 {
                return Ok(None);
            }
            req!(p.expect(TokenKind::Slash));
            let a = req!(p.expect(TokenKind::Star));
            Ok(Some(p.error_at_loc("expected comma between / and *", tloc(&a))))
        })
    }

    pub(crate) fn invalid_default(&mut self) -> PResult<()> {
        // a='=' &(')'|',')
        self.alt(|p| {
            let a = req!(p.expect(TokenKind::Equal));
            if !(p.at(TokenKind::RPar) || p.at(TokenKind::Comma)) {
                return Ok(None);
            }
            Ok(Some(p.error_at_loc("expected default value expression", tloc(&a))))
        })
    }

    pub(crate) fn invalid_star_etc(&mut self) -> PResult<()> {
        self.invalid_star_etc_for(ParamKind::Def)
    }

    pub(crate) fn invalid_lambda_star_etc(&mut self) -> PResult<()> {
        self.invalid_star_etc_for(ParamKind::Lambda)
    }

    fn invalid_star_etc_for(&mut self, kind: ParamKind) -> PResult<()> {
        let close = match kind {
            ParamKind::Def => TokenKind::RPar,
            ParamKind::Lambda => TokenKind::Colon,
        };
        // a='*' (')' | ',' (')' | '**'))   (lambda: ':' for ')')
        self.alt(|p| {
            let a = req!(p.expect(TokenKind::Star));
            if p.expect(close).is_none() {
                req!(p.expect(TokenKind::Comma));
                if p.expect(close).is_none() {
                    req!(p.expect(TokenKind::DoubleStar));
                }
            }
            let msg = "named arguments must follow bare *";
            Ok(Some(match kind {
                ParamKind::Def => p.error_at_loc(msg, tloc(&a)),
                ParamKind::Lambda => p.raise(SyntaxErrorKind::SyntaxError, msg),
            }))
        })?;
        // '*' param a='='
        self.alt(|p| {
            req!(p.expect(TokenKind::Star));
            req!(p.param(kind)?);
            let a = req!(p.expect(TokenKind::Equal));
            Ok(Some(p.error_at_loc("var-positional argument cannot have default value", tloc(&a))))
        })?;
        // '*' (param_no_default | ',') param_maybe_default* a='*' (param_no_default | ',')
        self.alt(|p| {
            req!(p.expect(TokenKind::Star));
            if p.param_no_default(kind)?.is_none() {
                req!(p.expect(TokenKind::Comma));
            }
            p.skip_params_maybe_default(kind)?;
            let a = req!(p.expect(TokenKind::Star));
            if p.param_no_default(kind)?.is_none() {
                req!(p.expect(TokenKind::Comma));
            }
            Ok(Some(p.error_at_loc("* argument may appear only once", tloc(&a))))
        })
    }

    pub(crate) fn invalid_kwds(&mut self) -> PResult<()> {
        self.invalid_kwds_for(ParamKind::Def)
    }

    pub(crate) fn invalid_lambda_kwds(&mut self) -> PResult<()> {
        self.invalid_kwds_for(ParamKind::Lambda)
    }

    fn invalid_kwds_for(&mut self, kind: ParamKind) -> PResult<()> {
        // '**' param a='='
        self.alt(|p| {
            req!(p.expect(TokenKind::DoubleStar));
            req!(p.param(kind)?);
            let a = req!(p.expect(TokenKind::Equal));
            Ok(Some(p.error_at_loc("var-keyword argument cannot have default value", tloc(&a))))
        })?;
        // '**' param ',' a=param
        self.alt(|p| {
            req!(p.expect(TokenKind::DoubleStar));
            req!(p.param(kind)?);
            req!(p.expect(TokenKind::Comma));
            let a = req!(p.param(kind)?);
            Ok(Some(p.error_at_loc("arguments cannot follow var-keyword argument", a.loc)))
        })?;
        // '**' param ',' a=('*'|'**'|'/')
        self.alt(|p| {
            req!(p.expect(TokenKind::DoubleStar));
            req!(p.param(kind)?);
            req!(p.expect(TokenKind::Comma));
            let a = p.peek();
            if !matches!(a.kind, TokenKind::Star | TokenKind::DoubleStar | TokenKind::Slash) {
                return Ok(None);
            }
            p.bump();
            Ok(Some(p.error_at_loc("arguments cannot follow var-keyword argument", tloc(&a))))
        })
    }

    // ----- simple statements -----------------------------------------------------------

    pub(crate) fn invalid_assignment(&mut self) -> PResult<()> {
        // a=invalid_ann_assign_target ':' expression
        self.alt(|p| {
            let a = req!(p.invalid_ann_assign_target()?);
            req!(p.expect(TokenKind::Colon));
            req!(p.expression()?);
            let msg = format!("only single target (not {}) can be annotated", expr_name(&a));
            Ok(Some(p.error_at_loc(msg, a.loc)))
        })?;
        // a=star_named_expression ',' star_named_expressions* ':' expression
        self.alt(|p| {
            let a = req!(p.star_named_expression()?);
            req!(p.expect(TokenKind::Comma));
            while p.star_named_expressions()?.is_some() {}
            req!(p.expect(TokenKind::Colon));
            req!(p.expression()?);
            Ok(Some(p.error_at_loc("only single target (not tuple) can be annotated", a.loc)))
        })?;
        // a=expression ':' expression
        self.alt(|p| {
            let a = req!(p.expression()?);
            req!(p.expect(TokenKind::Colon));
            req!(p.expression()?);
            Ok(Some(p.error_at_loc("illegal target for annotation", a.loc)))
        })?;
        // (star_targets '=')* a=star_expressions '='
        self.alt(|p| {
            p.skip_star_targets_assigns()?;
            let a = req!(p.star_expressions()?);
            req!(p.expect(TokenKind::Equal));
            Ok(p.raise_invalid_target(TargetsType::Star, &a))
        })?;
        // (star_targets '=')* a=yield_expr '='
        self.alt(|p| {
            p.skip_star_targets_assigns()?;
            let a = req!(p.yield_expr()?);
            req!(p.expect(TokenKind::Equal));
            Ok(Some(p.error_at_loc("assignment to yield expression not possible", a.loc)))
        })?;
        // a=star_expressions augassign (yield_expr | star_expressions)
        self.alt(|p| {
            let a = req!(p.star_expressions()?);
            req!(p.augassign());
            if p.yield_expr()?.is_none() {
                req!(p.star_expressions()?);
            }
            let msg = format!("'{}' is an illegal expression for augmented assignment", expr_name(&a));
            Ok(Some(p.error_at_loc(msg, a.loc)))
        })
    }

    /// `(star_targets '=')*`
    fn skip_star_targets_assigns(&mut self) -> PResult<()> {
        loop {
            let m = self.mark();
            if self.star_targets()?.is_none() || self.expect(TokenKind::Equal).is_none() {
                self.reset(m);
                return Ok(());
            }
        }
    }

    /// `invalid_ann_assign_target: list | tuple | '(' invalid_ann_assign_target ')'`
    fn invalid_ann_assign_target(&mut self) -> PResult<Option<Expr>> {
        let m = self.mark();
        if let Some(e) = self.list()? {
            return Ok(Some(e));
        }
        self.reset(m);
        if let Some(e) = self.tuple()? {
            return Ok(Some(e));
        }
        self.reset(m);
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

    pub(crate) fn invalid_del_stmt(&mut self) -> PResult<()> {
        // 'del' a=star_expressions
        self.alt(|p| {
            req!(p.expect_keyword(Keyword::Del));
            let a = req!(p.star_expressions()?);
            Ok(p.raise_invalid_target(TargetsType::Del, &a))
        })
    }

    pub(crate) fn invalid_import_from_targets(&mut self) -> PResult<()> {
        // import_from_as_names ',' NEWLINE
        self.alt(|p| {
            req!(p.import_from_as_names());
            req!(p.expect(TokenKind::Comma));
            req!(p.expect(TokenKind::Newline));
            Ok(Some(p.raise(SyntaxErrorKind::SyntaxError, "trailing comma not allowed without surrounding parentheses")))
        })
    }

    // ----- blocks and compound statements ----------------------------------------------

    pub(crate) fn invalid_block(&mut self) -> PResult<()> {
        // NEWLINE !INDENT
        self.alt(|p| {
            if !p.newline_without_indent() {
                return Ok(None);
            }
            Ok(Some(p.raise(SyntaxErrorKind::IndentationError, "expected an indented block")))
        })
    }

    pub(crate) fn invalid_class_def_raw(&mut self) -> PResult<()> {
        // 'class' NAME ['(' [arguments] ')'] NEWLINE
        // a='class' NAME ['(' [arguments] ')'] ':' NEWLINE !INDENT
        self.alt(|p| {
            let a = req!(p.expect_keyword(Keyword::Class));
            req!(p.expect(TokenKind::Name));
            let m = p.mark();
            if p.expect(TokenKind::LPar).is_some() {
                p.arguments()?;
                if p.expect(TokenKind::RPar).is_none() {
                    p.reset(m);
                }
            }
            if p.expect(TokenKind::Newline).is_some() {
                return Ok(Some(p.raise(SyntaxErrorKind::SyntaxError, "expected ':'")));
            }
            req!(p.expect(TokenKind::Colon));
            if !p.newline_without_indent() {
                return Ok(None);
            }
            Ok(Some(p.indentation_error("class definition", a.start.line)))
        })
    }

    pub(crate) fn invalid_def_raw(&mut self) -> PResult<()> {
        // [ASYNC] a='def' NAME '(' [params] ')' ['->' expression] ':' NEWLINE !INDENT
        self.alt(|p| {
            p.expect_keyword(Keyword::Async);
            let a = req!(p.expect_keyword(Keyword::Def));
            req!(p.expect(TokenKind::Name));
            req!(p.expect(TokenKind::LPar));
            p.params()?;
            req!(p.expect(TokenKind::RPar));
            let m = p.mark();
            if p.expect(TokenKind::RArrow).is_some() && p.expression()?.is_none() {
                p.reset(m);
            }
            req!(p.expect(TokenKind::Colon));
            if !p.newline_without_indent() {
                return Ok(None);
            }
            Ok(Some(p.indentation_error("function definition", a.start.line)))
        })
    }

    /// `'if' named_expression NEWLINE` (expected ':') and
    /// `a='if' a=named_expression ':' NEWLINE !INDENT`, for if/elif/while.
    fn invalid_conditional_stmt(&mut self, kw: Keyword) -> PResult<()> {
        self.alt(|p| {
            req!(p.expect_keyword(kw));
            let a = req!(p.named_expression()?);
            if p.expect(TokenKind::Newline).is_some() {
                return Ok(Some(p.raise(SyntaxErrorKind::SyntaxError, "expected ':'")));
            }
            req!(p.expect(TokenKind::Colon));
            if !p.newline_without_indent() {
                return Ok(None);
            }
            // The line is the condition's: `a` names both in the grammar.
            Ok(Some(p.indentation_error(&format!("'{}' statement", kw.as_str()), a.loc.lineno)))
        })
    }

    pub(crate) fn invalid_if_stmt(&mut self) -> PResult<()> {
        self.invalid_conditional_stmt(Keyword::If)
    }

    pub(crate) fn invalid_elif_stmt(&mut self) -> PResult<()> {
        self.invalid_conditional_stmt(Keyword::Elif)
    }

    pub(crate) fn invalid_while_stmt(&mut self) -> PResult<()> {
        self.invalid_conditional_stmt(Keyword::While)
    }

    pub(crate) fn invalid_else_stmt(&mut self) -> PResult<()> {
        // a='else' ':' NEWLINE !INDENT
        self.alt(|p| {
            let a = req!(p.expect_keyword(Keyword::Else));
            req!(p.expect(TokenKind::Colon));
            if !p.newline_without_indent() {
                return Ok(None);
            }
            Ok(Some(p.indentation_error("'else' statement", a.start.line)))
        })
    }

    pub(crate) fn invalid_for_stmt(&mut self) -> PResult<()> {
        // [ASYNC] 'for' star_targets 'in' star_expressions NEWLINE
        // [ASYNC] a='for' star_targets 'in' star_expressions ':' NEWLINE !INDENT
        self.alt(|p| {
            p.expect_keyword(Keyword::Async);
            let a = req!(p.expect_keyword(Keyword::For));
            req!(p.star_targets()?);
            req!(p.expect_keyword(Keyword::In));
            req!(p.star_expressions()?);
            if p.expect(TokenKind::Newline).is_some() {
                return Ok(Some(p.raise(SyntaxErrorKind::SyntaxError, "expected ':'")));
            }
            req!(p.expect(TokenKind::Colon));
            if !p.newline_without_indent() {
                return Ok(None);
            }
            Ok(Some(p.indentation_error("'for' statement", a.start.line)))
        })
    }

    /// `','.(expression ['as' star_target])+` (or `expressions` inside
    /// parentheses).
    fn with_items_loose(&mut self, parenthesized: bool) -> PResult<bool> {
        let mut n = 0;
        loop {
            let m = self.mark();
            if n > 0 && self.expect(TokenKind::Comma).is_none() {
                break;
            }
            let e = if parenthesized { self.expressions()? } else { self.expression()? };
            if e.is_none() {
                self.reset(m);
                break;
            }
            let m2 = self.mark();
            if self.expect_keyword(Keyword::As).is_some() && self.star_target()?.is_none() {
                self.reset(m2);
            }
            n += 1;
        }
        Ok(n > 0)
    }

    /// The two `with` headers of the invalid rules, up to before the ':'.
    fn with_header(&mut self, parenthesized: bool) -> PResult<Option<Token>> {
        self.expect_keyword(Keyword::Async);
        let Some(a) = self.expect_keyword(Keyword::With) else { return Ok(None) };
        if parenthesized {
            if self.expect(TokenKind::LPar).is_none() || !self.with_items_loose(true)? {
                return Ok(None);
            }
            self.expect(TokenKind::Comma);
            if self.expect(TokenKind::RPar).is_none() {
                return Ok(None);
            }
        } else if !self.with_items_loose(false)? {
            return Ok(None);
        }
        Ok(Some(a))
    }

    pub(crate) fn invalid_with_stmt(&mut self) -> PResult<()> {
        for parenthesized in [false, true] {
            self.alt(|p| {
                req!(p.with_header(parenthesized)?);
                req!(p.expect(TokenKind::Newline));
                Ok(Some(p.raise(SyntaxErrorKind::SyntaxError, "expected ':'")))
            })?;
        }
        Ok(())
    }

    pub(crate) fn invalid_with_stmt_indent(&mut self) -> PResult<()> {
        for parenthesized in [false, true] {
            self.alt(|p| {
                let a = req!(p.with_header(parenthesized)?);
                req!(p.expect(TokenKind::Colon));
                if !p.newline_without_indent() {
                    return Ok(None);
                }
                Ok(Some(p.indentation_error("'with' statement", a.start.line)))
            })?;
        }
        Ok(())
    }

    pub(crate) fn invalid_with_item(&mut self) -> PResult<()> {
        // expression 'as' a=expression &(',' | ')' | ':')
        self.alt(|p| {
            req!(p.expression()?);
            req!(p.expect_keyword(Keyword::As));
            let a = req!(p.expression()?);
            if !(p.at(TokenKind::Comma) || p.at(TokenKind::RPar) || p.at(TokenKind::Colon)) {
                return Ok(None);
            }
            Ok(p.raise_invalid_target(TargetsType::Star, &a))
        })
    }

    pub(crate) fn invalid_try_stmt(&mut self) -> PResult<()> {
        // a='try' ':' NEWLINE !INDENT
        self.alt(|p| {
            let a = req!(p.expect_keyword(Keyword::Try));
            req!(p.expect(TokenKind::Colon));
            if !p.newline_without_indent() {
                return Ok(None);
            }
            Ok(Some(p.indentation_error("'try' statement", a.start.line)))
        })?;
        // 'try' ':' block !('except' | 'finally')
        self.alt(|p| {
            req!(p.expect_keyword(Keyword::Try));
            req!(p.expect(TokenKind::Colon));
            req!(p.block()?);
            if p.at_kw(Keyword::Except) || p.at_kw(Keyword::Finally) {
                return Ok(None);
            }
            Ok(Some(p.raise(SyntaxErrorKind::SyntaxError, "expected 'except' or 'finally' block")))
        })?;
        // 'try' ':' block* except_block+ a='except' b='*' expression ['as' NAME] ':'
        // 'try' ':' block* except_star_block+ a='except' [expression ['as' NAME]] ':'
        for star in [false, true] {
            self.alt(|p| {
                req!(p.expect_keyword(Keyword::Try));
                req!(p.expect(TokenKind::Colon));
                while p.block()?.is_some() {}
                let mut n = 0;
                while p.except_block(star)?.is_some() {
                    n += 1;
                }
                if n == 0 {
                    return Ok(None);
                }
                let a = req!(p.expect_keyword(Keyword::Except));
                let msg = "cannot have both 'except' and 'except*' on the same 'try'";
                if !star {
                    let b = req!(p.expect(TokenKind::Star));
                    req!(p.expression()?);
                    p.optional_as_name();
                    req!(p.expect(TokenKind::Colon));
                    Ok(Some(p.error_range(msg, tloc(&a), tloc(&b))))
                } else {
                    let m = p.mark();
                    if p.expression()?.is_some() {
                        p.optional_as_name();
                    } else {
                        p.reset(m);
                    }
                    req!(p.expect(TokenKind::Colon));
                    Ok(Some(p.error_at_loc(msg, tloc(&a))))
                }
            })?;
        }
        Ok(())
    }

    /// `['as' NAME]`
    fn optional_as_name(&mut self) {
        let m = self.mark();
        if self.expect_keyword(Keyword::As).is_none() || self.expect(TokenKind::Name).is_none() {
            self.reset(m);
        }
    }

    pub(crate) fn invalid_except_stmt(&mut self) -> PResult<()> {
        // 'except' '*'? a=expression ',' expressions ['as' NAME ] ':'
        self.alt(|p| {
            req!(p.expect_keyword(Keyword::Except));
            p.expect(TokenKind::Star);
            let a = req!(p.expression()?);
            req!(p.expect(TokenKind::Comma));
            req!(p.expressions()?);
            p.optional_as_name();
            req!(p.expect(TokenKind::Colon));
            Ok(Some(p.raise_starting_from("multiple exception types must be parenthesized", a.loc_start())))
        })?;
        // a='except' '*'? expression ['as' NAME ] NEWLINE
        self.alt(|p| {
            req!(p.expect_keyword(Keyword::Except));
            p.expect(TokenKind::Star);
            req!(p.expression()?);
            p.optional_as_name();
            req!(p.expect(TokenKind::Newline));
            Ok(Some(p.raise(SyntaxErrorKind::SyntaxError, "expected ':'")))
        })?;
        // a='except' NEWLINE
        self.alt(|p| {
            req!(p.expect_keyword(Keyword::Except));
            req!(p.expect(TokenKind::Newline));
            Ok(Some(p.raise(SyntaxErrorKind::SyntaxError, "expected ':'")))
        })?;
        // a='except' '*' (NEWLINE | ':')
        self.alt(|p| {
            req!(p.expect_keyword(Keyword::Except));
            req!(p.expect(TokenKind::Star));
            if p.expect(TokenKind::Newline).is_none() {
                req!(p.expect(TokenKind::Colon));
            }
            Ok(Some(p.raise(SyntaxErrorKind::SyntaxError, "expected one or more exception types")))
        })
    }

    pub(crate) fn invalid_finally_stmt(&mut self) -> PResult<()> {
        // a='finally' ':' NEWLINE !INDENT
        self.alt(|p| {
            let a = req!(p.expect_keyword(Keyword::Finally));
            req!(p.expect(TokenKind::Colon));
            if !p.newline_without_indent() {
                return Ok(None);
            }
            Ok(Some(p.indentation_error("'finally' statement", a.start.line)))
        })
    }

    pub(crate) fn invalid_except_stmt_indent(&mut self) -> PResult<()> {
        // a='except' expression ['as' NAME ] ':' NEWLINE !INDENT
        self.alt(|p| {
            let a = req!(p.expect_keyword(Keyword::Except));
            req!(p.expression()?);
            p.optional_as_name();
            req!(p.expect(TokenKind::Colon));
            if !p.newline_without_indent() {
                return Ok(None);
            }
            Ok(Some(p.indentation_error("'except' statement", a.start.line)))
        })?;
        // a='except' ':' NEWLINE !INDENT
        self.alt(|p| {
            let a = req!(p.expect_keyword(Keyword::Except));
            req!(p.expect(TokenKind::Colon));
            if !p.newline_without_indent() {
                return Ok(None);
            }
            Ok(Some(p.indentation_error("'except' statement", a.start.line)))
        })
    }

    pub(crate) fn invalid_except_star_stmt_indent(&mut self) -> PResult<()> {
        // a='except' '*' expression ['as' NAME ] ':' NEWLINE !INDENT
        self.alt(|p| {
            let a = req!(p.expect_keyword(Keyword::Except));
            req!(p.expect(TokenKind::Star));
            req!(p.expression()?);
            p.optional_as_name();
            req!(p.expect(TokenKind::Colon));
            if !p.newline_without_indent() {
                return Ok(None);
            }
            Ok(Some(p.indentation_error("'except*' statement", a.start.line)))
        })
    }

    // ----- match -------------------------------------------------------------------------

    pub(crate) fn invalid_match_stmt(&mut self) -> PResult<()> {
        // "match" subject_expr NEWLINE
        // a="match" subject=subject_expr ':' NEWLINE !INDENT
        self.alt(|p| {
            let a = req!(p.expect_soft_keyword("match"));
            req!(p.subject_expr()?);
            if p.expect(TokenKind::Newline).is_some() {
                return Ok(Some(p.raise(SyntaxErrorKind::SyntaxError, "expected ':'")));
            }
            req!(p.expect(TokenKind::Colon));
            if !p.newline_without_indent() {
                return Ok(None);
            }
            Ok(Some(p.indentation_error("'match' statement", a.start.line)))
        })
    }

    pub(crate) fn invalid_case_block(&mut self) -> PResult<()> {
        // "case" patterns guard? NEWLINE
        // a="case" patterns guard? ':' NEWLINE !INDENT
        self.alt(|p| {
            let a = req!(p.expect_soft_keyword("case"));
            req!(p.patterns()?);
            let m = p.mark();
            if p.guard()?.is_none() {
                p.reset(m);
            }
            if p.expect(TokenKind::Newline).is_some() {
                return Ok(Some(p.raise(SyntaxErrorKind::SyntaxError, "expected ':'")));
            }
            req!(p.expect(TokenKind::Colon));
            if !p.newline_without_indent() {
                return Ok(None);
            }
            Ok(Some(p.indentation_error("'case' statement", a.start.line)))
        })
    }

    pub(crate) fn invalid_as_pattern(&mut self) -> PResult<()> {
        // or_pattern 'as' a="_"
        self.alt(|p| {
            req!(p.or_pattern()?);
            req!(p.expect_keyword(Keyword::As));
            let a = req!(p.expect_soft_keyword("_"));
            Ok(Some(p.error_at_loc("cannot use '_' as a target", tloc(&a))))
        })?;
        // or_pattern 'as' !NAME a=expression
        self.alt(|p| {
            req!(p.or_pattern()?);
            req!(p.expect_keyword(Keyword::As));
            if p.at(TokenKind::Name) {
                return Ok(None);
            }
            let a = req!(p.expression()?);
            Ok(Some(p.error_at_loc("invalid pattern target", a.loc)))
        })
    }

    /// Python 3.11's grammar has no such rule (3.12 added one): it never
    /// raises.
    pub(crate) fn invalid_mapping_pattern(&mut self) -> PResult<()> {
        Ok(())
    }

    pub(crate) fn invalid_class_pattern(&mut self) -> PResult<()> {
        // name_or_attr '(' a=invalid_class_argument_pattern
        // invalid_class_argument_pattern:
        //     [positional_patterns ','] keyword_patterns ',' a=positional_patterns
        self.alt(|p| {
            if !p.class_pattern_head() {
                return Ok(None);
            }
            let m = p.mark();
            if p.gather_patterns(false)?.is_none() || p.expect(TokenKind::Comma).is_none() {
                p.reset(m);
            }
            req!(p.gather_patterns(true)?);
            req!(p.expect(TokenKind::Comma));
            let a = req!(p.gather_patterns(false)?);
            let (first, last) = (req!(a.first()), req!(a.last()));
            Ok(Some(p.error_range("positional patterns follow keyword patterns", first.loc, last.loc)))
        })
    }
}

/// The start of a node's location.
trait LocStart {
    fn loc_start(&self) -> crate::token::Pos;
}

impl LocStart for Expr {
    fn loc_start(&self) -> crate::token::Pos {
        crate::token::Pos { line: self.loc.lineno, col: self.loc.col_offset }
    }
}

#[cfg(test)]
mod tests {
    use crate::error::SyntaxErrorKind::{self, *};

    /// Each invalid rule against what python3.11's `ast.parse` reports:
    /// (source, kind, message, lineno, offset, end_lineno, end_offset),
    /// an end offset of -1 stored as 0.
    #[test]
    fn invalid_rules_match_cpython() {
        let cases: &[(&str, SyntaxErrorKind, &str, u32, u32, u32, u32)] = &[
            ("f(**k, *a)\n", SyntaxError, "iterable argument unpacking follows keyword argument unpacking", 1, 8, 1, 9),
            ("f(x for x in y, 1)\n", SyntaxError, "Generator expression must be parenthesized", 1, 3, 1, 15),
            ("f(a=x for x in y)\n", SyntaxError, "invalid syntax. Maybe you meant '==' or ':=' instead of '='?", 1, 3, 1, 5),
            ("f(a, x for x in y)\n", SyntaxError, "Generator expression must be parenthesized", 1, 6, 1, 18),
            ("f(a=1, b)\n", SyntaxError, "positional argument follows keyword argument", 1, 9, 1, 10),
            ("f(True=1)\n", SyntaxError, "cannot assign to True", 1, 3, 1, 8),
            ("f(a.b=1)\n", SyntaxError, "expression cannot contain assignment, perhaps you meant \"==\"?", 1, 3, 1, 7),
            ("print 'x'\n", SyntaxError, "Missing parentheses in call to 'print'. Did you mean print(...)?", 1, 1, 1, 10),
            ("x = 1 if y\n", SyntaxError, "expected 'else' after 'if' expression", 1, 5, 1, 11),
            ("(a.b := 1)\n", SyntaxError, "cannot use assignment expressions with attribute", 1, 2, 1, 5),
            ("if x = 1:\n    pass\n", SyntaxError, "invalid syntax. Maybe you meant '==' or ':=' instead of '='?", 1, 4, 1, 9),
            ("f() = 1\n", SyntaxError, "cannot assign to function call here. Maybe you meant '==' instead of '='?", 1, 1, 1, 4),
            ("a, b: int\n", SyntaxError, "only single target (not tuple) can be annotated", 1, 1, 1, 2),
            ("1: int\n", SyntaxError, "illegal target for annotation", 1, 1, 1, 2),
            ("[a]: int = 1\n", SyntaxError, "only single target (not list) can be annotated", 1, 1, 1, 4),
            ("(yield) = 1\n", SyntaxError, "cannot assign to yield expression here. Maybe you meant '==' instead of '='?", 1, 2, 1, 7),
            ("a, b += 1\n", SyntaxError, "'tuple' is an illegal expression for augmented assignment", 1, 1, 1, 5),
            ("del f()\n", SyntaxError, "cannot delete function call", 1, 5, 1, 8),
            ("del *a\n", SyntaxError, "cannot delete starred", 1, 5, 1, 7),
            ("[*a for a in b]\n", SyntaxError, "iterable unpacking cannot be used in comprehension", 1, 2, 1, 4),
            ("[a, b for a, b in c]\n", SyntaxError, "did you forget parentheses around the comprehension target?", 1, 2, 1, 6),
            ("{**a for a in b}\n", SyntaxError, "dict unpacking cannot be used in dict comprehension", 1, 2, 1, 4),
            ("def f(a=1, b):\n    pass\n", SyntaxError, "non-default argument follows default argument", 1, 12, 1, 13),
            ("def f((a)):\n    pass\n", SyntaxError, "Function parameters cannot be parenthesized", 1, 7, 1, 10),
            ("lambda (a): 1\n", SyntaxError, "Lambda expression parameters cannot be parenthesized", 1, 8, 1, 11),
            ("def f(/, a):\n    pass\n", SyntaxError, "at least one argument must precede /", 1, 7, 1, 8),
            ("def f(a, /, b, /):\n    pass\n", SyntaxError, "/ may appear only once", 1, 16, 1, 17),
            ("def f(*, a, /):\n    pass\n", SyntaxError, "/ must be ahead of *", 1, 13, 1, 14),
            ("def f(a, /*):\n    pass\n", SyntaxError, "expected comma between / and *", 1, 11, 1, 12),
            ("def f(a=):\n    pass\n", SyntaxError, "expected default value expression", 1, 8, 1, 9),
            ("def f(*):\n    pass\n", SyntaxError, "named arguments must follow bare *", 1, 7, 1, 8),
            ("lambda *: 1\n", SyntaxError, "named arguments must follow bare *", 1, 9, 1, 10),
            ("def f(*a=1):\n    pass\n", SyntaxError, "var-positional argument cannot have default value", 1, 9, 1, 10),
            ("def f(*a, *b):\n    pass\n", SyntaxError, "* argument may appear only once", 1, 11, 1, 12),
            ("def f(**k=1):\n    pass\n", SyntaxError, "var-keyword argument cannot have default value", 1, 10, 1, 11),
            ("def f(**k, a):\n    pass\n", SyntaxError, "arguments cannot follow var-keyword argument", 1, 12, 1, 13),
            ("def f(**k, *a):\n    pass\n", SyntaxError, "arguments cannot follow var-keyword argument", 1, 12, 1, 13),
            ("with a as f():\n    pass\n", SyntaxError, "cannot assign to function call", 1, 11, 1, 14),
            ("for 1 in x:\n    pass\n", SyntaxError, "cannot assign to literal", 1, 5, 1, 6),
            ("(*a)\n", SyntaxError, "cannot use starred expression here", 1, 2, 1, 4),
            ("(**a)\n", SyntaxError, "cannot use double starred expression here", 1, 2, 1, 4),
            ("from a import b,\n", SyntaxError, "trailing comma not allowed without surrounding parentheses", 1, 17, 1, 17),
            ("with a\n    pass\n", SyntaxError, "expected ':'", 1, 7, 1, 7),
            ("with a:\npass\n", IndentationError, "expected an indented block after 'with' statement on line 1", 2, 1, 2, 5),
            ("try:\npass\n", IndentationError, "expected an indented block after 'try' statement on line 1", 2, 1, 2, 5),
            ("try:\n    pass\nx = 1\n", SyntaxError, "expected 'except' or 'finally' block", 3, 1, 3, 2),
            ("try:\n    pass\nexcept A:\n    pass\nexcept* B:\n    pass\n", SyntaxError, "cannot have both 'except' and 'except*' on the same 'try'", 5, 1, 5, 8),
            ("try:\n    pass\nexcept* A:\n    pass\nexcept B:\n    pass\n", SyntaxError, "cannot have both 'except' and 'except*' on the same 'try'", 5, 1, 5, 7),
            ("try:\n    pass\nexcept A, B:\n    pass\n", SyntaxError, "multiple exception types must be parenthesized", 3, 8, 3, 12),
            ("try:\n    pass\nexcept A\n    pass\n", SyntaxError, "expected ':'", 3, 9, 3, 9),
            ("try:\n    pass\nexcept*:\n    pass\n", SyntaxError, "expected one or more exception types", 3, 8, 3, 9),
            ("try:\n    pass\nfinally:\npass\n", IndentationError, "expected an indented block after 'finally' statement on line 3", 4, 1, 4, 5),
            ("try:\n    pass\nexcept:\npass\n", IndentationError, "expected an indented block after 'except' statement on line 3", 4, 1, 4, 5),
            ("try:\n    pass\nexcept* A:\npass\n", IndentationError, "expected an indented block after 'except*' statement on line 3", 4, 1, 4, 5),
            ("match x:\npass\n", IndentationError, "expected an indented block after 'match' statement on line 1", 2, 1, 2, 5),
            ("match x\n    case 1: pass\n", SyntaxError, "expected ':'", 1, 8, 1, 8),
            ("match x:\n    case 1\n        pass\n", SyntaxError, "expected ':'", 2, 11, 2, 11),
            ("match x:\n    case 1:\n    pass\n", IndentationError, "expected an indented block after 'case' statement on line 2", 3, 5, 3, 9),
            ("match x:\n    case a as _:\n        pass\n", SyntaxError, "cannot use '_' as a target", 2, 15, 2, 16),
            ("match x:\n    case a as 1:\n        pass\n", SyntaxError, "invalid pattern target", 2, 15, 2, 16),
            ("match x:\n    case C(a=1, b):\n        pass\n", SyntaxError, "positional patterns follow keyword patterns", 2, 17, 2, 18),
            ("if x\n    pass\n", SyntaxError, "expected ':'", 1, 5, 1, 5),
            ("if x:\npass\n", IndentationError, "expected an indented block after 'if' statement on line 1", 2, 1, 2, 5),
            ("if x:\n    pass\nelif y\n    pass\n", SyntaxError, "expected ':'", 3, 7, 3, 7),
            ("if x:\n    pass\nelif y:\npass\n", IndentationError, "expected an indented block after 'elif' statement on line 3", 4, 1, 4, 5),
            ("if x:\n    pass\nelse:\npass\n", IndentationError, "expected an indented block after 'else' statement on line 3", 4, 1, 4, 5),
            ("while x\n    pass\n", SyntaxError, "expected ':'", 1, 8, 1, 8),
            ("while x:\npass\n", IndentationError, "expected an indented block after 'while' statement on line 1", 2, 1, 2, 5),
            ("for x in y\n    pass\n", SyntaxError, "expected ':'", 1, 11, 1, 11),
            ("for x in y:\npass\n", IndentationError, "expected an indented block after 'for' statement on line 1", 2, 1, 2, 5),
            ("def f():\npass\n", IndentationError, "expected an indented block after function definition on line 1", 2, 1, 2, 5),
            ("class A\n    pass\n", SyntaxError, "expected ':'", 1, 8, 1, 8),
            ("class A:\npass\n", IndentationError, "expected an indented block after class definition on line 1", 2, 1, 2, 5),
            ("d = {1: *a}\n", SyntaxError, "cannot use a starred expression in a dictionary value", 1, 9, 1, 11),
            ("d = {1:}\n", SyntaxError, "expression expected after dictionary key and ':'", 1, 7, 1, 8),
            ("d = {1: 2, 3}\n", SyntaxError, "':' expected after dictionary key", 1, 12, 1, 0),
        ];
        for &(src, kind, msg, lineno, offset, end_lineno, end_offset) in cases {
            let e = crate::parse_bytes(src.as_bytes(), "<unknown>", crate::Mode::Module).expect_err(src);
            assert_eq!(
                (e.kind, e.msg.as_str(), e.lineno, e.offset, e.end_lineno, e.end_offset),
                (kind, msg, lineno, offset, end_lineno, end_offset),
                "{src:?}"
            );
        }
    }
}
