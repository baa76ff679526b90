//! Patterns of the `match` statement (python.gram, "Match statement").

use super::expr::mk;
use super::{Memo, MemoRule, PResult, Parser};
use crate::ast::{Constant, Expr, ExprContext, ExprKind, Operator, Pattern, PatternKind, UnaryOp};
use crate::token::{Keyword, TokenKind};

type R<T> = PResult<Option<T>>;

fn pat(kind: PatternKind, loc: crate::ast::Loc) -> Pattern {
    Pattern { kind, loc }
}

impl<'src> Parser<'src> {
    /// `patterns: open_sequence_pattern | pattern`
    pub(crate) fn patterns(&mut self) -> R<Pattern> {
        let start = self.start_pos();
        if let Some(patterns) = self.open_sequence_pattern()? {
            return Ok(Some(pat(PatternKind::MatchSequence { patterns }, self.loc_from(start))));
        }
        self.pattern()
    }

    /// `pattern: as_pattern | or_pattern`
    pub(crate) fn pattern(&mut self) -> R<Pattern> {
        if let Some(p) = self.as_pattern()? {
            return Ok(Some(p));
        }
        self.or_pattern()
    }

    /// `as_pattern: or_pattern 'as' pattern_capture_target | invalid_as_pattern`
    fn as_pattern(&mut self) -> R<Pattern> {
        let start = self.start_pos();
        let m = self.mark();
        if let Some(p) = self.or_pattern()? {
            if self.expect_keyword(Keyword::As).is_some() {
                if let Some(name) = self.pattern_capture_target() {
                    let loc = self.loc_from(start);
                    return Ok(Some(pat(PatternKind::MatchAs { pattern: Some(Box::new(p)), name: Some(name) }, loc)));
                }
            }
        }
        self.reset(m);
        if self.call_invalid_rules {
            self.invalid_as_pattern()?;
        }
        Ok(None)
    }

    /// `or_pattern: '|'.closed_pattern+`
    pub(crate) fn or_pattern(&mut self) -> R<Pattern> {
        let start = self.start_pos();
        let Some(first) = self.closed_pattern()? else { return Ok(None) };
        let mut v = vec![first];
        loop {
            let m = self.mark();
            if self.expect(TokenKind::VBar).is_none() {
                break;
            }
            match self.closed_pattern()? {
                Some(p) => v.push(p),
                None => {
                    self.reset(m);
                    break;
                }
            }
        }
        if v.len() == 1 {
            return Ok(v.pop());
        }
        Ok(Some(pat(PatternKind::MatchOr { patterns: v }, self.loc_from(start))))
    }

    /// `closed_pattern (memo): literal_pattern | capture_pattern | wildcard_pattern
    ///     | value_pattern | group_pattern | sequence_pattern | mapping_pattern | class_pattern`
    pub(crate) fn closed_pattern(&mut self) -> R<Pattern> {
        let m = self.memoized(MemoRule::ClosedPattern, |p| {
            p.nested(|p| {
                let r = p.closed_pattern_raw()?;
                Ok(Memo::Pattern(r))
            })
        })?;
        match m {
            Memo::Pattern(p) => Ok(p),
            _ => Ok(None),
        }
    }

    fn closed_pattern_raw(&mut self) -> R<Pattern> {
        if let Some(p) = self.literal_pattern()? {
            return Ok(Some(p));
        }
        let start = self.start_pos();
        if let Some(name) = self.pattern_capture_target() {
            return Ok(Some(pat(PatternKind::MatchAs { pattern: None, name: Some(name) }, self.loc_from(start))));
        }
        if self.expect_soft_keyword("_").is_some() {
            return Ok(Some(pat(PatternKind::MatchAs { pattern: None, name: None }, self.loc_from(start))));
        }
        if let Some(p) = self.value_pattern()? {
            return Ok(Some(p));
        }
        if let Some(p) = self.group_pattern()? {
            return Ok(Some(p));
        }
        if let Some(p) = self.sequence_pattern()? {
            return Ok(Some(p));
        }
        if let Some(p) = self.mapping_pattern()? {
            return Ok(Some(p));
        }
        self.class_pattern()
    }

    /// `literal_pattern: signed_number !('+' | '-') | complex_number | strings
    ///     | 'None' | 'True' | 'False'`
    fn literal_pattern(&mut self) -> R<Pattern> {
        let start = self.start_pos();
        let t = self.peek();
        let singleton = match t.kind {
            TokenKind::Keyword(Keyword::None) => Some(Constant::None),
            TokenKind::Keyword(Keyword::True) => Some(Constant::Bool(true)),
            TokenKind::Keyword(Keyword::False) => Some(Constant::Bool(false)),
            _ => None,
        };
        if let Some(value) = singleton {
            self.bump();
            return Ok(Some(pat(PatternKind::MatchSingleton { value }, self.loc_from(start))));
        }
        match self.literal_number_or_string()? {
            Some(value) => Ok(Some(pat(PatternKind::MatchValue { value: Box::new(value) }, self.loc_from(start)))),
            None => Ok(None),
        }
    }

    /// The shared alternatives of `literal_pattern` and `literal_expr`:
    /// `signed_number !('+' | '-') | complex_number | strings`.
    fn literal_number_or_string(&mut self) -> R<Expr> {
        let m = self.mark();
        if let Some(n) = self.signed_number()? {
            if !matches!(self.peek_kind(), TokenKind::Plus | TokenKind::Minus) {
                return Ok(Some(n));
            }
            self.reset(m);
        }
        if let Some(c) = self.complex_number()? {
            return Ok(Some(c));
        }
        if self.at(TokenKind::String) {
            return self.strings();
        }
        Ok(None)
    }

    /// `literal_expr: signed_number !('+' | '-') | complex_number | strings
    ///     | 'None' | 'True' | 'False'`
    fn literal_expr(&mut self) -> R<Expr> {
        let t = self.peek();
        let value = match t.kind {
            TokenKind::Keyword(Keyword::None) => Some(Constant::None),
            TokenKind::Keyword(Keyword::True) => Some(Constant::Bool(true)),
            TokenKind::Keyword(Keyword::False) => Some(Constant::Bool(false)),
            _ => None,
        };
        if let Some(value) = value {
            self.bump();
            return Ok(Some(mk(ExprKind::Constant { value, kind: None }, Self::tok_loc(&t))));
        }
        self.literal_number_or_string()
    }

    /// `complex_number: signed_real_number ('+' | '-') imaginary_number`
    fn complex_number(&mut self) -> R<Expr> {
        let start = self.start_pos();
        let m = self.mark();
        if let Some(real) = self.signed_number_checked(false)? {
            let op = match self.peek_kind() {
                TokenKind::Plus => Some(Operator::Add),
                TokenKind::Minus => Some(Operator::Sub),
                _ => None,
            };
            if let Some(op) = op {
                self.bump();
                if self.at(TokenKind::Number) {
                    let imag = self.number_checked(true)?;
                    let loc = self.loc_from(start);
                    return Ok(Some(mk(ExprKind::BinOp { left: Box::new(real), op, right: Box::new(imag) }, loc)));
                }
            }
        }
        self.reset(m);
        Ok(None)
    }

    /// `signed_number: NUMBER | '-' NUMBER`
    fn signed_number(&mut self) -> R<Expr> {
        let start = self.start_pos();
        let m = self.mark();
        let neg = self.expect(TokenKind::Minus).is_some();
        let Some(t) = self.expect(TokenKind::Number) else {
            self.reset(m);
            return Ok(None);
        };
        let value = self.number_value(&t)?;
        let n = mk(ExprKind::Constant { value, kind: None }, Self::tok_loc(&t));
        if neg {
            return Ok(Some(mk(ExprKind::UnaryOp { op: UnaryOp::USub, operand: Box::new(n) }, self.loc_from(start))));
        }
        Ok(Some(n))
    }

    /// `signed_real_number: real_number | '-' real_number`
    fn signed_number_checked(&mut self, imaginary: bool) -> R<Expr> {
        let start = self.start_pos();
        let m = self.mark();
        let neg = self.expect(TokenKind::Minus).is_some();
        if !self.at(TokenKind::Number) {
            self.reset(m);
            return Ok(None);
        }
        let n = self.number_checked(imaginary)?;
        if neg {
            return Ok(Some(mk(ExprKind::UnaryOp { op: UnaryOp::USub, operand: Box::new(n) }, self.loc_from(start))));
        }
        Ok(Some(n))
    }

    /// `real_number: NUMBER` / `imaginary_number: NUMBER`, checking the kind
    /// (`_PyPegen_ensure_real` / `_PyPegen_ensure_imaginary`).
    fn number_checked(&mut self, imaginary: bool) -> PResult<Expr> {
        let t = self.bump();
        let value = self.number_value(&t)?;
        let loc = Self::tok_loc(&t);
        let is_imag = matches!(value, Constant::Complex { .. });
        if is_imag != imaginary {
            let msg = if imaginary {
                "imaginary number required in complex literal"
            } else {
                "real number required in complex literal"
            };
            return Err(self.error_at_loc(msg, loc));
        }
        Ok(mk(ExprKind::Constant { value, kind: None }, loc))
    }

    /// `pattern_capture_target: !"_" NAME !('.' | '(' | '=')`
    pub(crate) fn pattern_capture_target(&mut self) -> Option<String> {
        let t = self.peek();
        if t.kind != TokenKind::Name || self.text(&t) == "_" {
            return None;
        }
        if matches!(self.peek_kind2(), TokenKind::Dot | TokenKind::LPar | TokenKind::Equal) {
            return None;
        }
        self.name_tok().map(|(_, n)| n)
    }

    /// `value_pattern: attr !('.' | '(' | '=')`
    fn value_pattern(&mut self) -> R<Pattern> {
        let start = self.start_pos();
        let m = self.mark();
        if let Some(a) = self.attr() {
            if !matches!(self.peek_kind(), TokenKind::Dot | TokenKind::LPar | TokenKind::Equal) {
                return Ok(Some(pat(PatternKind::MatchValue { value: Box::new(a) }, self.loc_from(start))));
            }
        }
        self.reset(m);
        Ok(None)
    }

    /// `attr: name_or_attr '.' NAME` (at least one dot)
    fn attr(&mut self) -> Option<Expr> {
        let m = self.mark();
        let e = self.name_or_attr()?;
        if matches!(e.kind, ExprKind::Attribute { .. }) {
            return Some(e);
        }
        self.reset(m);
        None
    }

    /// `name_or_attr: attr | NAME` (a dotted name as nested attributes)
    fn name_or_attr(&mut self) -> Option<Expr> {
        let start = self.start_pos();
        let mut e = self.name_expr()?;
        loop {
            let m = self.mark();
            if self.expect(TokenKind::Dot).is_none() {
                break;
            }
            match self.name_tok() {
                Some((_, attr)) => {
                    let loc = self.loc_from(start);
                    e = mk(ExprKind::Attribute { value: Box::new(e), attr, ctx: ExprContext::Load }, loc);
                }
                None => {
                    self.reset(m);
                    break;
                }
            }
        }
        Some(e)
    }

    /// `group_pattern: '(' pattern ')'`
    fn group_pattern(&mut self) -> R<Pattern> {
        let m = self.mark();
        if self.expect(TokenKind::LPar).is_some() {
            if let Some(p) = self.pattern()? {
                if self.expect(TokenKind::RPar).is_some() {
                    return Ok(Some(p));
                }
            }
            self.reset(m);
        }
        Ok(None)
    }

    /// `sequence_pattern: '[' maybe_sequence_pattern? ']' | '(' open_sequence_pattern? ')'`
    fn sequence_pattern(&mut self) -> R<Pattern> {
        let start = self.start_pos();
        let m = self.mark();
        let (close, items) = if self.expect(TokenKind::LSqb).is_some() {
            (TokenKind::RSqb, self.maybe_sequence_pattern()?)
        } else if self.expect(TokenKind::LPar).is_some() {
            (TokenKind::RPar, self.open_sequence_pattern()?)
        } else {
            return Ok(None);
        };
        if self.expect(close).is_some() {
            let patterns = items.unwrap_or_default();
            return Ok(Some(pat(PatternKind::MatchSequence { patterns }, self.loc_from(start))));
        }
        self.reset(m);
        Ok(None)
    }

    /// `open_sequence_pattern: maybe_star_pattern ',' maybe_sequence_pattern?`
    fn open_sequence_pattern(&mut self) -> R<Vec<Pattern>> {
        let m = self.mark();
        let Some(first) = self.maybe_star_pattern()? else { return Ok(None) };
        if self.expect(TokenKind::Comma).is_none() {
            self.reset(m);
            return Ok(None);
        }
        let mut v = vec![first];
        if let Some(rest) = self.maybe_sequence_pattern()? {
            v.extend(rest);
        }
        Ok(Some(v))
    }

    /// `maybe_sequence_pattern: ','.maybe_star_pattern+ ','?`
    fn maybe_sequence_pattern(&mut self) -> R<Vec<Pattern>> {
        let Some(first) = self.maybe_star_pattern()? else { return Ok(None) };
        let mut v = vec![first];
        while self.expect(TokenKind::Comma).is_some() {
            match self.maybe_star_pattern()? {
                Some(p) => v.push(p),
                None => break,
            }
        }
        Ok(Some(v))
    }

    /// `maybe_star_pattern: star_pattern | pattern`
    fn maybe_star_pattern(&mut self) -> R<Pattern> {
        if let Some(p) = self.star_pattern() {
            return Ok(Some(p));
        }
        self.pattern()
    }

    /// `star_pattern: '*' pattern_capture_target | '*' wildcard_pattern`
    fn star_pattern(&mut self) -> Option<Pattern> {
        let start = self.start_pos();
        let m = self.mark();
        self.expect(TokenKind::Star)?;
        if let Some(name) = self.pattern_capture_target() {
            return Some(pat(PatternKind::MatchStar { name: Some(name) }, self.loc_from(start)));
        }
        if self.expect_soft_keyword("_").is_some() {
            return Some(pat(PatternKind::MatchStar { name: None }, self.loc_from(start)));
        }
        self.reset(m);
        None
    }

    /// `mapping_pattern: '{' '}' | '{' double_star_pattern ','? '}'
    ///     | '{' items_pattern ',' double_star_pattern ','? '}' | '{' items_pattern ','? '}'
    ///     | invalid_mapping_pattern`
    fn mapping_pattern(&mut self) -> R<Pattern> {
        let start = self.start_pos();
        let m = self.mark();
        if self.expect(TokenKind::LBrace).is_none() {
            return Ok(None);
        }
        let mut keys = Vec::new();
        let mut patterns = Vec::new();
        let mut rest = None;
        if let Some(r) = self.double_star_pattern() {
            rest = Some(r);
            self.expect(TokenKind::Comma);
        } else if let Some(items) = self.items_pattern()? {
            for (k, p) in items {
                keys.push(k);
                patterns.push(p);
            }
            let m2 = self.mark();
            if self.expect(TokenKind::Comma).is_some() {
                if let Some(r) = self.double_star_pattern() {
                    rest = Some(r);
                    self.expect(TokenKind::Comma);
                } else {
                    self.reset(m2);
                    self.expect(TokenKind::Comma);
                }
            }
        }
        if self.expect(TokenKind::RBrace).is_some() {
            return Ok(Some(pat(PatternKind::MatchMapping { keys, patterns, rest }, self.loc_from(start))));
        }
        self.reset(m);
        if self.call_invalid_rules {
            self.invalid_mapping_pattern()?;
        }
        Ok(None)
    }

    /// `items_pattern: ','.key_value_pattern+`
    fn items_pattern(&mut self) -> R<Vec<(Expr, Pattern)>> {
        let Some(first) = self.key_value_pattern()? else { return Ok(None) };
        let mut v = vec![first];
        loop {
            let m = self.mark();
            if self.expect(TokenKind::Comma).is_none() {
                break;
            }
            match self.key_value_pattern()? {
                Some(kv) => v.push(kv),
                None => {
                    self.reset(m);
                    break;
                }
            }
        }
        Ok(Some(v))
    }

    /// `key_value_pattern: (literal_expr | attr) ':' pattern`
    fn key_value_pattern(&mut self) -> R<(Expr, Pattern)> {
        let m = self.mark();
        let key = match self.literal_expr()? {
            Some(k) => Some(k),
            None => self.attr(),
        };
        if let Some(key) = key {
            if self.expect(TokenKind::Colon).is_some() {
                if let Some(p) = self.pattern()? {
                    return Ok(Some((key, p)));
                }
            }
        }
        self.reset(m);
        Ok(None)
    }

    /// `double_star_pattern: '**' pattern_capture_target`
    fn double_star_pattern(&mut self) -> Option<String> {
        let m = self.mark();
        self.expect(TokenKind::DoubleStar)?;
        match self.pattern_capture_target() {
            Some(n) => Some(n),
            None => {
                self.reset(m);
                None
            }
        }
    }

    /// `class_pattern: name_or_attr '(' ')'
    ///     | name_or_attr '(' positional_patterns ','? ')'
    ///     | name_or_attr '(' keyword_patterns ','? ')'
    ///     | name_or_attr '(' positional_patterns ',' keyword_patterns ','? ')'
    ///     | invalid_class_pattern`
    fn class_pattern(&mut self) -> R<Pattern> {
        let start = self.start_pos();
        let m = self.mark();
        if let Some(cls) = self.name_or_attr() {
            if self.expect(TokenKind::LPar).is_some() {
                let mut patterns = Vec::new();
                let mut kwd_attrs = Vec::new();
                let mut kwd_patterns = Vec::new();
                // Positional patterns: `pattern`s not of the form NAME '='.
                loop {
                    if self.at(TokenKind::Name) && self.peek_kind2() == TokenKind::Equal {
                        break;
                    }
                    let m2 = self.mark();
                    match self.pattern()? {
                        Some(p) => patterns.push(p),
                        None => {
                            self.reset(m2);
                            break;
                        }
                    }
                    let m3 = self.mark();
                    if self.expect(TokenKind::Comma).is_none() {
                        break;
                    }
                    if self.at(TokenKind::RPar) {
                        self.reset(m3);
                        break;
                    }
                }
                // Keyword patterns.
                let kw_start_ok = patterns.is_empty() || self.prev_is_comma();
                if kw_start_ok {
                    loop {
                        if !(self.at(TokenKind::Name) && self.peek_kind2() == TokenKind::Equal) {
                            break;
                        }
                        let m2 = self.mark();
                        let Some((_, name)) = self.name_tok() else { break };
                        self.bump();
                        match self.pattern()? {
                            Some(p) => {
                                kwd_attrs.push(name);
                                kwd_patterns.push(p);
                            }
                            None => {
                                self.reset(m2);
                                break;
                            }
                        }
                        let m3 = self.mark();
                        if self.expect(TokenKind::Comma).is_none() {
                            break;
                        }
                        if !(self.at(TokenKind::Name) && self.peek_kind2() == TokenKind::Equal) {
                            self.reset(m3);
                            break;
                        }
                    }
                }
                if !(patterns.is_empty() && kwd_patterns.is_empty()) {
                    self.expect(TokenKind::Comma);
                }
                if self.expect(TokenKind::RPar).is_some() {
                    let loc = self.loc_from(start);
                    return Ok(Some(pat(
                        PatternKind::MatchClass { cls: Box::new(cls), patterns, kwd_attrs, kwd_patterns },
                        loc,
                    )));
                }
            }
        }
        self.reset(m);
        if self.call_invalid_rules {
            self.invalid_class_pattern()?;
        }
        Ok(None)
    }

    /// Whether the last token consumed is a comma.
    fn prev_is_comma(&self) -> bool {
        self.pos > 0 && self.tokens[self.pos - 1].kind == TokenKind::Comma
    }

    /// `name_or_attr '('`
    pub(crate) fn class_pattern_head(&mut self) -> bool {
        let m = self.mark();
        if self.name_or_attr().is_some() && self.expect(TokenKind::LPar).is_some() {
            return true;
        }
        self.reset(m);
        false
    }

    /// `positional_patterns: ','.pattern+` or (`keyword`)
    /// `keyword_patterns: ','.keyword_pattern+`, returning the patterns.
    pub(crate) fn gather_patterns(&mut self, keyword: bool) -> R<Vec<Pattern>> {
        let mut v = Vec::new();
        loop {
            let m = self.mark();
            let item = if keyword {
                if self.expect(TokenKind::Name).is_some() && self.expect(TokenKind::Equal).is_some() {
                    self.pattern()?
                } else {
                    None
                }
            } else {
                self.pattern()?
            };
            match item {
                Some(p) => v.push(p),
                None => {
                    self.reset(m);
                    if !v.is_empty() {
                        // Put back the separator consumed before this item.
                        self.reset(m - 1);
                    }
                    break;
                }
            }
            if self.expect(TokenKind::Comma).is_none() {
                break;
            }
        }
        Ok(if v.is_empty() { None } else { Some(v) })
    }
}
