//! Call arguments (`arguments`, `args`, `kwargs`) and the parameters of
//! `def` and `lambda` (`params`, `lambda_params` and their sub-rules).

use super::expr::mk;
use super::{Memo, MemoRule, PResult, Parser};
use crate::ast::{Arg, Arguments, Expr, ExprContext, ExprKind, Keyword as KeywordNode};
use crate::token::TokenKind;

type R<T> = PResult<Option<T>>;

pub(crate) fn empty_arguments() -> Arguments {
    Arguments {
        posonlyargs: vec![],
        args: vec![],
        vararg: None,
        kwonlyargs: vec![],
        kw_defaults: vec![],
        kwarg: None,
        defaults: vec![],
    }
}

/// An item of `kwargs`: a keyword, or a `*x` that goes to the positional
/// arguments (CPython's KeywordOrStarred).
enum KwOrStarred {
    Kw(KeywordNode),
    Starred(Expr),
}

/// The parameters before a `/` when some have defaults: the plain ones,
/// then those with their defaults (CPython's SlashWithDefault).
pub(crate) type SlashWithDefault = (Vec<Arg>, Vec<(Arg, Expr)>);

/// `*` parameters and what follows them (CPython's StarEtc).
#[derive(Default)]
struct StarEtc {
    vararg: Option<Arg>,
    kwonly: Vec<(Arg, Option<Expr>)>,
    kwarg: Option<Arg>,
}

/// Which parameter list: `def` (annotations, closed by `)`) or `lambda`
/// (no annotations, closed by `:`).
#[derive(Clone, Copy, PartialEq, Eq)]
pub(crate) enum ParamKind {
    Def,
    Lambda,
}

impl ParamKind {
    fn close(self) -> TokenKind {
        match self {
            ParamKind::Def => TokenKind::RPar,
            ParamKind::Lambda => TokenKind::Colon,
        }
    }
}

impl<'src> Parser<'src> {
    // ----- call arguments -----------------------------------------------------

    /// `arguments (memo): args [','] &')' | invalid_arguments`: the positional
    /// arguments (starred included) and keywords of a call.
    pub(crate) fn arguments(&mut self) -> R<(Vec<Expr>, Vec<KeywordNode>)> {
        if !self.call_invalid_rules {
            // Only a statement's first call is parsed twice in the first pass
            // (as a target, then as an expression), and its arguments are
            // memoized expressions: a memo entry per call costs more.
            let m = self.mark();
            if let Some(a) = self.args()? {
                self.expect(TokenKind::Comma);
                if self.at(TokenKind::RPar) {
                    return Ok(Some(a));
                }
            }
            self.reset(m);
            return Ok(None);
        }
        let m = self.memoized(MemoRule::Arguments, |p| {
            let m = p.mark();
            if let Some(a) = p.args()? {
                p.expect(TokenKind::Comma);
                if p.at(TokenKind::RPar) {
                    return Ok(Memo::Call(Some(a)));
                }
            }
            p.reset(m);
            if p.call_invalid_rules {
                p.invalid_arguments()?;
            }
            Ok(Memo::Call(None))
        })?;
        match m {
            Memo::Call(c) => Ok(c),
            _ => Ok(None),
        }
    }

    /// `args: ','.(starred_expression | (assignment_expression | expression !':=') !'=')+
    ///     [',' kwargs] | kwargs`
    pub(crate) fn args(&mut self) -> R<(Vec<Expr>, Vec<KeywordNode>)> {
        let m = self.mark();
        let mut positional = Vec::new();
        if let Some(first) = self.positional_arg()? {
            positional.push(first);
            loop {
                let m2 = self.mark();
                if self.expect(TokenKind::Comma).is_none() {
                    break;
                }
                match self.positional_arg()? {
                    Some(e) => positional.push(e),
                    None => {
                        self.reset(m2);
                        break;
                    }
                }
            }
            let mut keywords = Vec::new();
            let m2 = self.mark();
            if self.expect(TokenKind::Comma).is_some() {
                match self.kwargs()? {
                    Some(items) => Self::split_kwargs(items, &mut positional, &mut keywords),
                    None => self.reset(m2),
                }
            }
            return Ok(Some((positional, keywords)));
        }
        self.reset(m);
        match self.kwargs()? {
            Some(items) => {
                let mut keywords = Vec::new();
                Self::split_kwargs(items, &mut positional, &mut keywords);
                Ok(Some((positional, keywords)))
            }
            None => Ok(None),
        }
    }

    fn split_kwargs(items: Vec<KwOrStarred>, positional: &mut Vec<Expr>, keywords: &mut Vec<KeywordNode>) {
        for it in items {
            match it {
                KwOrStarred::Kw(k) => keywords.push(k),
                KwOrStarred::Starred(e) => positional.push(e),
            }
        }
    }

    /// `starred_expression | (assignment_expression | expression !':=') !'='`
    fn positional_arg(&mut self) -> R<Expr> {
        if let Some(e) = self.starred_expression()? {
            return Ok(Some(e));
        }
        let m = self.mark();
        let e = match self.assignment_expression()? {
            Some(e) => Some(e),
            None => match self.expression()? {
                Some(e) if !self.at(TokenKind::ColonEqual) => Some(e),
                _ => None,
            },
        };
        match e {
            Some(e) if !self.at(TokenKind::Equal) => Ok(Some(e)),
            _ => {
                self.reset(m);
                Ok(None)
            }
        }
    }

    /// `kwargs: ','.kwarg_or_starred+ ',' ','.kwarg_or_double_starred+
    ///     | ','.kwarg_or_starred+ | ','.kwarg_or_double_starred+`
    fn kwargs(&mut self) -> R<Vec<KwOrStarred>> {
        if let Some(mut a) = self.gather_kw(false)? {
            let m = self.mark();
            if self.expect(TokenKind::Comma).is_some() {
                if let Some(b) = self.gather_kw(true)? {
                    a.extend(b);
                    return Ok(Some(a));
                }
            }
            self.reset(m);
            return Ok(Some(a));
        }
        self.gather_kw(true)
    }

    fn gather_kw(&mut self, double: bool) -> R<Vec<KwOrStarred>> {
        let item = |p: &mut Self| if double { p.kwarg_or_double_starred() } else { p.kwarg_or_starred() };
        let Some(first) = item(self)? else { return Ok(None) };
        let mut v = vec![first];
        loop {
            let m = self.mark();
            if self.expect(TokenKind::Comma).is_none() {
                break;
            }
            match item(self)? {
                Some(e) => v.push(e),
                None => {
                    self.reset(m);
                    break;
                }
            }
        }
        Ok(Some(v))
    }

    /// `NAME '=' expression`, a keyword argument.
    fn keyword_item(&mut self) -> R<KeywordNode> {
        if !(self.at(TokenKind::Name) && self.peek_kind2() == TokenKind::Equal) {
            return Ok(None);
        }
        let start = self.start_pos();
        let m = self.mark();
        let Some((_, arg)) = self.name_tok() else { return Ok(None) };
        self.bump();
        match self.expression()? {
            Some(value) => Ok(Some(KeywordNode { arg: Some(arg), value: Box::new(value), loc: self.loc_from(start) })),
            None => {
                self.reset(m);
                Ok(None)
            }
        }
    }

    /// `kwarg_or_starred: invalid_kwarg | NAME '=' expression | starred_expression`
    fn kwarg_or_starred(&mut self) -> R<KwOrStarred> {
        if self.call_invalid_rules {
            self.invalid_kwarg()?;
        }
        if let Some(k) = self.keyword_item()? {
            return Ok(Some(KwOrStarred::Kw(k)));
        }
        Ok(self.starred_expression()?.map(KwOrStarred::Starred))
    }

    /// `kwarg_or_double_starred: invalid_kwarg | NAME '=' expression | '**' expression`
    fn kwarg_or_double_starred(&mut self) -> R<KwOrStarred> {
        if self.call_invalid_rules {
            self.invalid_kwarg()?;
        }
        if let Some(k) = self.keyword_item()? {
            return Ok(Some(KwOrStarred::Kw(k)));
        }
        let start = self.start_pos();
        let m = self.mark();
        if self.expect(TokenKind::DoubleStar).is_some() {
            if let Some(value) = self.expression()? {
                let loc = self.loc_from(start);
                return Ok(Some(KwOrStarred::Kw(KeywordNode { arg: None, value: Box::new(value), loc })));
            }
            self.reset(m);
        }
        Ok(None)
    }

    /// `starred_expression: '*' expression`
    pub(crate) fn starred_expression(&mut self) -> R<Expr> {
        let start = self.start_pos();
        let m = self.mark();
        if self.expect(TokenKind::Star).is_some() {
            if let Some(value) = self.expression()? {
                let loc = self.loc_from(start);
                return Ok(Some(mk(ExprKind::Starred { value: Box::new(value), ctx: ExprContext::Load }, loc)));
            }
            self.reset(m);
        }
        Ok(None)
    }

    // ----- parameters -----------------------------------------------------------

    /// `params: invalid_parameters | parameters`
    pub(crate) fn params(&mut self) -> R<Arguments> {
        if self.call_invalid_rules {
            self.invalid_parameters()?;
        }
        self.parameters(ParamKind::Def)
    }

    /// `lambda_params: invalid_lambda_parameters | lambda_parameters`
    pub(crate) fn lambda_params(&mut self) -> R<Arguments> {
        if self.call_invalid_rules {
            self.invalid_lambda_parameters()?;
        }
        self.parameters(ParamKind::Lambda)
    }

    /// `parameters` / `lambda_parameters`:
    ///   | slash_no_default param_no_default* param_with_default* [star_etc]
    ///   | slash_with_default param_with_default* [star_etc]
    ///   | param_no_default+ param_with_default* [star_etc]
    ///   | param_with_default+ [star_etc]
    ///   | star_etc
    pub(crate) fn parameters(&mut self, kind: ParamKind) -> R<Arguments> {
        let m = self.mark();
        if let Some(posonly) = self.slash_no_default(kind)? {
            let plain = self.params_no_default(kind)?;
            let with_default = self.params_with_default(kind)?;
            let star = self.star_etc(kind)?;
            return Ok(Some(make_arguments(posonly, vec![], plain, with_default, star)));
        }
        self.reset(m);
        if let Some((plain, with_default)) = self.slash_with_default(kind)? {
            let more = self.params_with_default(kind)?;
            let star = self.star_etc(kind)?;
            return Ok(Some(make_arguments(plain, with_default, vec![], more, star)));
        }
        self.reset(m);
        let plain = self.params_no_default(kind)?;
        if !plain.is_empty() {
            let with_default = self.params_with_default(kind)?;
            let star = self.star_etc(kind)?;
            return Ok(Some(make_arguments(vec![], vec![], plain, with_default, star)));
        }
        let with_default = self.params_with_default(kind)?;
        if !with_default.is_empty() {
            let star = self.star_etc(kind)?;
            return Ok(Some(make_arguments(vec![], vec![], vec![], with_default, star)));
        }
        match self.star_etc(kind)? {
            Some(star) => Ok(Some(make_arguments(vec![], vec![], vec![], vec![], Some(star)))),
            None => Ok(None),
        }
    }

    fn params_no_default(&mut self, kind: ParamKind) -> PResult<Vec<Arg>> {
        let mut v = Vec::new();
        while let Some(a) = self.param_no_default(kind)? {
            v.push(a);
        }
        Ok(v)
    }

    fn params_with_default(&mut self, kind: ParamKind) -> PResult<Vec<(Arg, Expr)>> {
        let mut v = Vec::new();
        while let Some(a) = self.param_with_default(kind)? {
            v.push(a);
        }
        Ok(v)
    }

    /// `slash_no_default: param_no_default+ '/' ',' | param_no_default+ '/' &')'`
    pub(crate) fn slash_no_default(&mut self, kind: ParamKind) -> R<Vec<Arg>> {
        let m = self.mark();
        let plain = self.params_no_default(kind)?;
        if !plain.is_empty() && self.expect(TokenKind::Slash).is_some() && self.comma_or_close(kind) {
            return Ok(Some(plain));
        }
        self.reset(m);
        Ok(None)
    }

    /// `slash_with_default: param_no_default* param_with_default+ '/' ','
    ///     | param_no_default* param_with_default+ '/' &')'`
    pub(crate) fn slash_with_default(&mut self, kind: ParamKind) -> R<SlashWithDefault> {
        let m = self.mark();
        let plain = self.params_no_default(kind)?;
        let with_default = self.params_with_default(kind)?;
        if !with_default.is_empty() && self.expect(TokenKind::Slash).is_some() && self.comma_or_close(kind) {
            return Ok(Some((plain, with_default)));
        }
        self.reset(m);
        Ok(None)
    }

    /// `','` (consumed) or `&')'` (`&':'` for lambda).
    fn comma_or_close(&mut self, kind: ParamKind) -> bool {
        self.expect(TokenKind::Comma).is_some() || self.at(kind.close())
    }

    /// `star_etc: invalid_star_etc
    ///     | '*' param_no_default param_maybe_default* [kwds]
    ///     | '*' param_no_default_star_annotation param_maybe_default* [kwds]
    ///     | '*' ',' param_maybe_default+ [kwds]
    ///     | kwds`
    fn star_etc(&mut self, kind: ParamKind) -> R<StarEtc> {
        if self.call_invalid_rules {
            match kind {
                ParamKind::Def => self.invalid_star_etc()?,
                ParamKind::Lambda => self.invalid_lambda_star_etc()?,
            }
        }
        let m = self.mark();
        if self.expect(TokenKind::Star).is_some() {
            let mut vararg = self.param_no_default(kind)?;
            if vararg.is_none() && kind == ParamKind::Def {
                vararg = self.param_no_default_star_annotation()?;
            }
            if let Some(v) = vararg {
                let kwonly = self.params_maybe_default(kind)?;
                let kwarg = self.kwds(kind)?;
                return Ok(Some(StarEtc { vararg: Some(v), kwonly, kwarg }));
            }
            if self.expect(TokenKind::Comma).is_some() {
                let kwonly = self.params_maybe_default(kind)?;
                if !kwonly.is_empty() {
                    let kwarg = self.kwds(kind)?;
                    return Ok(Some(StarEtc { vararg: None, kwonly, kwarg }));
                }
            }
            self.reset(m);
        }
        Ok(self.kwds(kind)?.map(|k| StarEtc { vararg: None, kwonly: vec![], kwarg: Some(k) }))
    }

    fn params_maybe_default(&mut self, kind: ParamKind) -> PResult<Vec<(Arg, Option<Expr>)>> {
        let mut v = Vec::new();
        while let Some(a) = self.param_maybe_default(kind)? {
            v.push(a);
        }
        Ok(v)
    }

    /// `kwds: invalid_kwds | '**' param_no_default`
    fn kwds(&mut self, kind: ParamKind) -> R<Arg> {
        if self.call_invalid_rules {
            match kind {
                ParamKind::Def => self.invalid_kwds()?,
                ParamKind::Lambda => self.invalid_lambda_kwds()?,
            }
        }
        let m = self.mark();
        if self.expect(TokenKind::DoubleStar).is_some() {
            if let Some(a) = self.param_no_default(kind)? {
                return Ok(Some(a));
            }
            self.reset(m);
        }
        Ok(None)
    }

    /// `param_no_default: param ',' | param &')'`
    pub(crate) fn param_no_default(&mut self, kind: ParamKind) -> R<Arg> {
        let m = self.mark();
        if let Some(a) = self.param(kind)? {
            if self.comma_or_close(kind) {
                return Ok(Some(a));
            }
        }
        self.reset(m);
        Ok(None)
    }

    /// `param_no_default_star_annotation: param_star_annotation ',' | param_star_annotation &')'`
    fn param_no_default_star_annotation(&mut self) -> R<Arg> {
        let m = self.mark();
        let start = self.start_pos();
        if let Some((_, name)) = self.name_tok() {
            if self.expect(TokenKind::Colon).is_some() {
                if let Some(ann) = self.star_expression()? {
                    let loc = self.loc_from(start);
                    if self.comma_or_close(ParamKind::Def) {
                        return Ok(Some(Arg { arg: name, annotation: Some(Box::new(ann)), type_comment: None, loc }));
                    }
                }
            }
        }
        self.reset(m);
        Ok(None)
    }

    /// `param_with_default: param default ',' | param default &')'`
    pub(crate) fn param_with_default(&mut self, kind: ParamKind) -> R<(Arg, Expr)> {
        let m = self.mark();
        if let Some(a) = self.param(kind)? {
            if let Some(d) = self.default()? {
                if self.comma_or_close(kind) {
                    return Ok(Some((a, d)));
                }
            }
        }
        self.reset(m);
        Ok(None)
    }

    /// `param_maybe_default: param default? ',' | param default? &')'`
    pub(crate) fn param_maybe_default(&mut self, kind: ParamKind) -> R<(Arg, Option<Expr>)> {
        let m = self.mark();
        if let Some(a) = self.param(kind)? {
            let d = self.default()?;
            if self.comma_or_close(kind) {
                return Ok(Some((a, d)));
            }
        }
        self.reset(m);
        Ok(None)
    }

    /// `param: NAME annotation?` (`lambda_param: NAME`)
    pub(crate) fn param(&mut self, kind: ParamKind) -> R<Arg> {
        let start = self.start_pos();
        let Some((_, name)) = self.name_tok() else { return Ok(None) };
        let mut annotation = None;
        if kind == ParamKind::Def {
            let m = self.mark();
            if self.expect(TokenKind::Colon).is_some() {
                match self.expression()? {
                    Some(e) => annotation = Some(Box::new(e)),
                    None => self.reset(m),
                }
            }
        }
        Ok(Some(Arg { arg: name, annotation, type_comment: None, loc: self.loc_from(start) }))
    }

    /// `default: '=' expression | invalid_default`
    pub(crate) fn default(&mut self) -> R<Expr> {
        let m = self.mark();
        if self.expect(TokenKind::Equal).is_some() {
            if let Some(e) = self.expression()? {
                return Ok(Some(e));
            }
            self.reset(m);
        }
        if self.call_invalid_rules {
            self.invalid_default()?;
        }
        Ok(None)
    }
}

/// `_PyPegen_make_arguments`: assemble the parameter groups.
fn make_arguments(
    slash_plain: Vec<Arg>,
    slash_with_default: Vec<(Arg, Expr)>,
    plain: Vec<Arg>,
    with_default: Vec<(Arg, Expr)>,
    star: Option<StarEtc>,
) -> Arguments {
    let mut posonlyargs = slash_plain;
    let mut defaults = Vec::new();
    for (a, d) in slash_with_default {
        posonlyargs.push(a);
        defaults.push(d);
    }
    let mut args = plain;
    for (a, d) in with_default {
        args.push(a);
        defaults.push(d);
    }
    let star = star.unwrap_or_default();
    let mut kwonlyargs = Vec::new();
    let mut kw_defaults = Vec::new();
    for (a, d) in star.kwonly {
        kwonlyargs.push(a);
        kw_defaults.push(d);
    }
    Arguments { posonlyargs, args, vararg: star.vararg, kwonlyargs, kw_defaults, kwarg: star.kwarg, defaults }
}
