//! Statements: the `file` and `interactive` start rules, simple statements,
//! imports and compound statements (python.gram, "STARTING RULES" to
//! "Match statement").

use super::expr::mk;
use super::targets::set_expr_context;
use super::{Memo, MemoRule, PResult, Parser};
use crate::ast::{
    Alias, ExceptHandler, ExceptHandlerKind, Expr, ExprContext, ExprKind, MatchCase, Mod, Operator, Stmt, StmtKind,
    WithItem,
};
use crate::error::SyntaxErrorKind;
use crate::token::{Keyword, Pos, Token, TokenKind};

type R<T> = PResult<Option<T>>;

/// See [`Parser::assignment_marks`].
struct AssignmentMarks {
    colon: bool,
    equal: bool,
    aug: bool,
    /// Index of the last `=`: `star_targets '='` cannot match after it.
    last_equal: usize,
}

fn st(kind: StmtKind, loc: crate::ast::Loc) -> Stmt {
    Stmt { kind, loc }
}

impl<'src> Parser<'src> {
    /// `file: [statements] ENDMARKER`
    pub(crate) fn file_rule(&mut self) -> PResult<Option<Mod>> {
        let body = self.statements()?.unwrap_or_default();
        if self.expect(TokenKind::EndMarker).is_none() {
            return Ok(None);
        }
        Ok(Some(Mod::Module { body, type_ignores: vec![] }))
    }

    /// `interactive: statement_newline`
    pub(crate) fn interactive_rule(&mut self) -> PResult<Option<Mod>> {
        Ok(self.statement_newline()?.map(|body| Mod::Interactive { body }))
    }

    /// `statement_newline: compound_stmt NEWLINE | simple_stmts | NEWLINE | ENDMARKER`
    fn statement_newline(&mut self) -> R<Vec<Stmt>> {
        let m = self.mark();
        if let Some(s) = self.compound_stmt()? {
            // CPython's parser turns the first ENDMARKER of single input into a NEWLINE.
            if self.expect(TokenKind::Newline).is_some() || self.at(TokenKind::EndMarker) {
                return Ok(Some(vec![s]));
            }
            self.reset(m);
        }
        if let Some(v) = self.simple_stmts()? {
            return Ok(Some(v));
        }
        let start = self.start_pos();
        if self.expect(TokenKind::Newline).is_some() {
            return Ok(Some(vec![st(StmtKind::Pass, self.loc_from(start))]));
        }
        Ok(None)
    }

    /// `statements: statement+`
    pub(crate) fn statements(&mut self) -> R<Vec<Stmt>> {
        let mut v = Vec::new();
        loop {
            self.forget_memo();
            match self.statement()? {
                Some(s) => v.extend(s),
                None => break,
            }
        }
        Ok(if v.is_empty() { None } else { Some(v) })
    }

    /// `statement: compound_stmt | simple_stmts`
    fn statement(&mut self) -> R<Vec<Stmt>> {
        if let Some(s) = self.compound_stmt()? {
            return Ok(Some(vec![s]));
        }
        self.simple_stmts()
    }

    /// `simple_stmts: simple_stmt !';' NEWLINE | ';'.simple_stmt+ [';'] NEWLINE`
    pub(crate) fn simple_stmts(&mut self) -> R<Vec<Stmt>> {
        let m = self.mark();
        let Some(first) = self.simple_stmt()? else { return Ok(None) };
        let mut v = vec![first];
        loop {
            let m2 = self.mark();
            if self.expect(TokenKind::Semi).is_none() {
                break;
            }
            match self.simple_stmt()? {
                Some(s) => v.push(s),
                None => {
                    // The trailing `;` stays consumed.
                    let _ = m2;
                    break;
                }
            }
        }
        if self.expect(TokenKind::Newline).is_none() {
            self.reset(m);
            return Ok(None);
        }
        Ok(Some(v))
    }

    /// `simple_stmt: assignment | star_expressions | &'return' return_stmt
    ///     | &('import' | 'from') import_stmt | &'raise' raise_stmt | 'pass'
    ///     | &'del' del_stmt | &'yield' yield_stmt | &'assert' assert_stmt
    ///     | 'break' | 'continue' | &'global' global_stmt | &'nonlocal' nonlocal_stmt`
    fn simple_stmt(&mut self) -> R<Stmt> {
        let start = self.start_pos();
        if let Some(s) = self.assignment()? {
            return Ok(Some(s));
        }
        if let Some(e) = self.star_expressions()? {
            return Ok(Some(st(StmtKind::Expr { value: Box::new(e) }, self.loc_from(start))));
        }
        let TokenKind::Keyword(kw) = self.peek_kind() else { return Ok(None) };
        match kw {
            Keyword::Return => self.return_stmt(),
            Keyword::Import | Keyword::From => self.import_stmt(),
            Keyword::Raise => self.raise_stmt(),
            Keyword::Pass => {
                self.bump();
                Ok(Some(st(StmtKind::Pass, self.loc_from(start))))
            }
            Keyword::Del => self.del_stmt(),
            Keyword::Yield => self.yield_stmt(),
            Keyword::Assert => self.assert_stmt(),
            Keyword::Break => {
                self.bump();
                Ok(Some(st(StmtKind::Break, self.loc_from(start))))
            }
            Keyword::Continue => {
                self.bump();
                Ok(Some(st(StmtKind::Continue, self.loc_from(start))))
            }
            Keyword::Global | Keyword::Nonlocal => self.global_stmt(kw),
            _ => Ok(None),
        }
    }

    /// `compound_stmt: &('def' | '@' | ASYNC) function_def | &'if' if_stmt
    ///     | &('class' | '@') class_def | &('with' | ASYNC) with_stmt
    ///     | &('for' | ASYNC) for_stmt | &'try' try_stmt | &'while' while_stmt | match_stmt`
    fn compound_stmt(&mut self) -> R<Stmt> {
        let k = self.peek_kind();
        let is = |kw: Keyword| k == TokenKind::Keyword(kw);
        if is(Keyword::Def) || k == TokenKind::At || is(Keyword::Async) {
            if let Some(s) = self.function_def()? {
                return Ok(Some(s));
            }
        }
        if is(Keyword::If) {
            if let Some(s) = self.if_stmt()? {
                return Ok(Some(s));
            }
        }
        if is(Keyword::Class) || k == TokenKind::At {
            if let Some(s) = self.class_def()? {
                return Ok(Some(s));
            }
        }
        if is(Keyword::With) || is(Keyword::Async) {
            if let Some(s) = self.with_stmt()? {
                return Ok(Some(s));
            }
        }
        if is(Keyword::For) || is(Keyword::Async) {
            if let Some(s) = self.for_stmt()? {
                return Ok(Some(s));
            }
        }
        if is(Keyword::Try) {
            if let Some(s) = self.try_stmt()? {
                return Ok(Some(s));
            }
        }
        if is(Keyword::While) {
            if let Some(s) = self.while_stmt()? {
                return Ok(Some(s));
            }
        }
        if k == TokenKind::Name {
            return self.match_stmt();
        }
        Ok(None)
    }

    // ----- simple statements ----------------------------------------------------

    /// `assignment:
    ///     | NAME ':' expression ['=' annotated_rhs]
    ///     | ('(' single_target ')' | single_subscript_attribute_target) ':' expression ['=' annotated_rhs]
    ///     | (star_targets '=')+ (yield_expr | star_expressions) !'=' [TYPE_COMMENT]
    ///     | single_target augassign ~ (yield_expr | star_expressions)
    ///     | invalid_assignment`
    fn assignment(&mut self) -> R<Stmt> {
        let marks = if self.fast { self.assignment_marks() } else { AssignmentMarks { colon: true, equal: true, aug: true, last_equal: usize::MAX } };
        if !(marks.colon || marks.equal || marks.aug) {
            return Ok(None);
        }
        let start = self.start_pos();
        let m = self.mark();
        // NAME ':' expression ['=' annotated_rhs]
        if self.at(TokenKind::Name) && self.peek_kind2() == TokenKind::Colon {
            let target = self.name_expr().map(|e| set_expr_context(e, ExprContext::Store));
            self.bump();
            if let (Some(target), Some(annotation)) = (target, self.expression()?) {
                let value = self.ann_value()?;
                let loc = self.loc_from(start);
                return Ok(Some(st(
                    StmtKind::AnnAssign { target: Box::new(target), annotation: Box::new(annotation), value, simple: 1 },
                    loc,
                )));
            }
            self.reset(m);
        }
        // ('(' single_target ')' | single_subscript_attribute_target) ':' expression ['=' annotated_rhs]
        if marks.colon {
            let mut target = None;
            if self.expect(TokenKind::LPar).is_some() {
                if let Some(t) = self.single_target()? {
                    if self.expect(TokenKind::RPar).is_some() {
                        target = Some(t);
                    }
                }
                if target.is_none() {
                    self.reset(m);
                }
            }
            if target.is_none() {
                target = self.single_subscript_attribute_target()?;
            }
            if let Some(target) = target {
                if self.expect(TokenKind::Colon).is_some() {
                    if let Some(annotation) = self.expression()? {
                        let value = self.ann_value()?;
                        let loc = self.loc_from(start);
                        return Ok(Some(st(
                            StmtKind::AnnAssign { target: Box::new(target), annotation: Box::new(annotation), value, simple: 0 },
                            loc,
                        )));
                    }
                }
            }
            self.reset(m);
        }
        // (star_targets '=')+ annotated_rhs !'=' [TYPE_COMMENT]
        if marks.equal {
            let mut targets = Vec::new();
            loop {
                let m2 = self.mark();
                if m2 > marks.last_equal {
                    break;
                }
                match self.star_targets()? {
                    Some(t) if self.expect(TokenKind::Equal).is_some() => targets.push(t),
                    _ => {
                        self.reset(m2);
                        break;
                    }
                }
            }
            if !targets.is_empty() {
                if let Some(value) = self.annotated_rhs()? {
                    if !self.at(TokenKind::Equal) {
                        let loc = self.loc_from(start);
                        return Ok(Some(st(StmtKind::Assign { targets, value: Box::new(value), type_comment: None }, loc)));
                    }
                }
            }
            self.reset(m);
        }
        // single_target augassign ~ annotated_rhs
        if !marks.aug {
            return Ok(None);
        }
        if let Some(target) = self.single_target()? {
            if let Some(op) = self.augassign() {
                // Cut: past the operator no other alternative is tried.
                let Some(value) = self.annotated_rhs()? else {
                    self.reset(m);
                    return Ok(None);
                };
                let loc = self.loc_from(start);
                return Ok(Some(st(StmtKind::AugAssign { target: Box::new(target), op, value: Box::new(value) }, loc)));
            }
            self.reset(m);
        }
        if self.call_invalid_rules {
            self.invalid_assignment()?;
        }
        Ok(None)
    }

    /// Which tokens the alternatives of `assignment` need occur outside
    /// brackets in the simple statement starting here: an alternative whose
    /// token is missing cannot match. The scan fetches no token (it leaves
    /// `fill` alone, which locates errors).
    fn assignment_marks(&self) -> AssignmentMarks {
        let mut marks = AssignmentMarks { colon: false, equal: false, aug: false, last_equal: 0 };
        let base = if self.pos == 0 { 0 } else { self.levels[self.pos - 1] };
        for (i, (t, &level)) in self.tokens[self.pos..].iter().zip(&self.levels[self.pos..]).enumerate() {
            match t.kind {
                TokenKind::Newline | TokenKind::EndMarker | TokenKind::Error => break,
                _ if level != base => {}
                TokenKind::Semi => break,
                TokenKind::Colon => marks.colon = true,
                TokenKind::Equal => {
                    marks.equal = true;
                    marks.last_equal = self.pos + i;
                }
                TokenKind::PlusEqual
                | TokenKind::MinEqual
                | TokenKind::StarEqual
                | TokenKind::AtEqual
                | TokenKind::SlashEqual
                | TokenKind::PercentEqual
                | TokenKind::AmperEqual
                | TokenKind::VBarEqual
                | TokenKind::CircumflexEqual
                | TokenKind::LeftShiftEqual
                | TokenKind::RightShiftEqual
                | TokenKind::DoubleStarEqual
                | TokenKind::DoubleSlashEqual => marks.aug = true,
                _ => {}
            }
        }
        marks
    }

    /// `['=' annotated_rhs]`
    fn ann_value(&mut self) -> PResult<Option<Box<Expr>>> {
        let m = self.mark();
        if self.expect(TokenKind::Equal).is_some() {
            if let Some(v) = self.annotated_rhs()? {
                return Ok(Some(Box::new(v)));
            }
            self.reset(m);
        }
        Ok(None)
    }

    /// `annotated_rhs: yield_expr | star_expressions`
    pub(crate) fn annotated_rhs(&mut self) -> R<Expr> {
        if let Some(e) = self.yield_expr()? {
            return Ok(Some(e));
        }
        self.star_expressions()
    }

    /// `augassign: '+=' | '-=' | ...`
    pub(crate) fn augassign(&mut self) -> Option<Operator> {
        let op = match self.peek_kind() {
            TokenKind::PlusEqual => Operator::Add,
            TokenKind::MinEqual => Operator::Sub,
            TokenKind::StarEqual => Operator::Mult,
            TokenKind::AtEqual => Operator::MatMult,
            TokenKind::SlashEqual => Operator::Div,
            TokenKind::PercentEqual => Operator::Mod,
            TokenKind::AmperEqual => Operator::BitAnd,
            TokenKind::VBarEqual => Operator::BitOr,
            TokenKind::CircumflexEqual => Operator::BitXor,
            TokenKind::LeftShiftEqual => Operator::LShift,
            TokenKind::RightShiftEqual => Operator::RShift,
            TokenKind::DoubleStarEqual => Operator::Pow,
            TokenKind::DoubleSlashEqual => Operator::FloorDiv,
            _ => return None,
        };
        self.bump();
        Some(op)
    }

    /// `return_stmt: 'return' [star_expressions]`
    fn return_stmt(&mut self) -> R<Stmt> {
        let start = self.start_pos();
        if self.expect_keyword(Keyword::Return).is_none() {
            return Ok(None);
        }
        let value = self.star_expressions()?.map(Box::new);
        Ok(Some(st(StmtKind::Return { value }, self.loc_from(start))))
    }

    /// `raise_stmt: 'raise' expression ['from' expression] | 'raise'`
    fn raise_stmt(&mut self) -> R<Stmt> {
        let start = self.start_pos();
        if self.expect_keyword(Keyword::Raise).is_none() {
            return Ok(None);
        }
        let m = self.mark();
        if let Some(exc) = self.expression()? {
            let m2 = self.mark();
            let mut cause = None;
            if self.expect_keyword(Keyword::From).is_some() {
                match self.expression()? {
                    Some(c) => cause = Some(Box::new(c)),
                    None => self.reset(m2),
                }
            }
            let loc = self.loc_from(start);
            return Ok(Some(st(StmtKind::Raise { exc: Some(Box::new(exc)), cause }, loc)));
        }
        self.reset(m);
        Ok(Some(st(StmtKind::Raise { exc: None, cause: None }, self.loc_from(start))))
    }

    /// `global_stmt: 'global' ','.NAME+`, `nonlocal_stmt: 'nonlocal' ','.NAME+`
    fn global_stmt(&mut self, kw: Keyword) -> R<Stmt> {
        let start = self.start_pos();
        let m = self.mark();
        self.bump();
        let mut names = Vec::new();
        while let Some((_, n)) = self.name_tok() {
            names.push(n);
            let m2 = self.mark();
            if self.expect(TokenKind::Comma).is_none() {
                break;
            }
            if !self.at(TokenKind::Name) {
                self.reset(m2);
                break;
            }
        }
        if names.is_empty() {
            self.reset(m);
            return Ok(None);
        }
        let loc = self.loc_from(start);
        let kind = if kw == Keyword::Global { StmtKind::Global { names } } else { StmtKind::Nonlocal { names } };
        Ok(Some(st(kind, loc)))
    }

    /// `del_stmt: 'del' del_targets &(';' | NEWLINE) | invalid_del_stmt`
    fn del_stmt(&mut self) -> R<Stmt> {
        let start = self.start_pos();
        let m = self.mark();
        if self.expect_keyword(Keyword::Del).is_some() {
            if let Some(targets) = self.del_targets()? {
                if matches!(self.peek_kind(), TokenKind::Semi | TokenKind::Newline) {
                    return Ok(Some(st(StmtKind::Delete { targets }, self.loc_from(start))));
                }
            }
            self.reset(m);
        }
        if self.call_invalid_rules {
            self.invalid_del_stmt()?;
        }
        Ok(None)
    }

    /// `yield_stmt: yield_expr`
    fn yield_stmt(&mut self) -> R<Stmt> {
        let start = self.start_pos();
        let Some(e) = self.yield_expr()? else { return Ok(None) };
        Ok(Some(st(StmtKind::Expr { value: Box::new(e) }, self.loc_from(start))))
    }

    /// `assert_stmt: 'assert' expression [',' expression]`
    fn assert_stmt(&mut self) -> R<Stmt> {
        let start = self.start_pos();
        let m = self.mark();
        self.bump();
        let Some(test) = self.expression()? else {
            self.reset(m);
            return Ok(None);
        };
        let m2 = self.mark();
        let mut msg = None;
        if self.expect(TokenKind::Comma).is_some() {
            match self.expression()? {
                Some(e) => msg = Some(Box::new(e)),
                None => self.reset(m2),
            }
        }
        Ok(Some(st(StmtKind::Assert { test: Box::new(test), msg }, self.loc_from(start))))
    }

    // ----- imports ------------------------------------------------------------------

    /// `import_stmt: import_name | import_from`
    fn import_stmt(&mut self) -> R<Stmt> {
        if let Some(s) = self.import_name()? {
            return Ok(Some(s));
        }
        self.import_from()
    }

    /// `import_name: 'import' dotted_as_names`
    fn import_name(&mut self) -> R<Stmt> {
        let start = self.start_pos();
        let m = self.mark();
        if self.expect_keyword(Keyword::Import).is_none() {
            return Ok(None);
        }
        let mut names = Vec::new();
        while let Some(a) = self.dotted_as_name()? {
            names.push(a);
            let m2 = self.mark();
            if self.expect(TokenKind::Comma).is_none() {
                break;
            }
            if !self.at(TokenKind::Name) {
                self.reset(m2);
                break;
            }
        }
        if names.is_empty() {
            self.reset(m);
            return Ok(None);
        }
        Ok(Some(st(StmtKind::Import { names }, self.loc_from(start))))
    }

    /// `dotted_as_name: dotted_name ['as' NAME]`
    fn dotted_as_name(&mut self) -> R<Alias> {
        let start = self.start_pos();
        let Some(name) = self.dotted_name() else { return Ok(None) };
        let asname = self.as_name();
        Ok(Some(Alias { name, asname, loc: self.loc_from(start) }))
    }

    /// `['as' NAME]`
    fn as_name(&mut self) -> Option<String> {
        let m = self.mark();
        if self.expect_keyword(Keyword::As).is_some() {
            if let Some((_, n)) = self.name_tok() {
                return Some(n);
            }
            self.reset(m);
        }
        None
    }

    /// `dotted_name: dotted_name '.' NAME | NAME`
    pub(crate) fn dotted_name(&mut self) -> Option<String> {
        let (_, mut name) = self.name_tok()?;
        loop {
            let m = self.mark();
            if self.expect(TokenKind::Dot).is_none() {
                break;
            }
            match self.name_tok() {
                Some((_, n)) => {
                    name.push('.');
                    name.push_str(&n);
                }
                None => {
                    self.reset(m);
                    break;
                }
            }
        }
        Some(name)
    }

    /// `import_from: 'from' ('.' | '...')* dotted_name 'import' import_from_targets
    ///     | 'from' ('.' | '...')+ 'import' import_from_targets`
    fn import_from(&mut self) -> R<Stmt> {
        let start = self.start_pos();
        let m = self.mark();
        if self.expect_keyword(Keyword::From).is_none() {
            return Ok(None);
        }
        let mut level = 0;
        loop {
            match self.peek_kind() {
                TokenKind::Dot => level += 1,
                TokenKind::Ellipsis => level += 3,
                _ => break,
            }
            self.bump();
        }
        let m_mod = self.mark();
        let mut module = self.dotted_name();
        if module.is_some() && !self.at_kw(Keyword::Import) {
            self.reset(m_mod);
            module = None;
        }
        if (module.is_some() || level > 0) && self.expect_keyword(Keyword::Import).is_some() {
            if let Some(names) = self.import_from_targets()? {
                let loc = self.loc_from(start);
                return Ok(Some(st(StmtKind::ImportFrom { module, names, level: Some(level) }, loc)));
            }
        }
        self.reset(m);
        Ok(None)
    }

    /// `import_from_targets: '(' import_from_as_names [','] ')'
    ///     | import_from_as_names !',' | '*' | invalid_import_from_targets`
    fn import_from_targets(&mut self) -> R<Vec<Alias>> {
        let m = self.mark();
        if self.expect(TokenKind::LPar).is_some() {
            if let Some(names) = self.import_from_as_names() {
                self.expect(TokenKind::Comma);
                if self.expect(TokenKind::RPar).is_some() {
                    return Ok(Some(names));
                }
            }
            self.reset(m);
        }
        if let Some(names) = self.import_from_as_names() {
            if !self.at(TokenKind::Comma) {
                return Ok(Some(names));
            }
            self.reset(m);
        }
        if let Some(t) = self.expect(TokenKind::Star) {
            return Ok(Some(vec![Alias { name: "*".into(), asname: None, loc: Self::tok_loc(&t) }]));
        }
        if self.call_invalid_rules {
            self.invalid_import_from_targets()?;
        }
        Ok(None)
    }

    /// `import_from_as_names: ','.import_from_as_name+`
    pub(crate) fn import_from_as_names(&mut self) -> Option<Vec<Alias>> {
        let mut v = Vec::new();
        loop {
            let start = self.start_pos();
            let Some((_, name)) = self.name_tok() else { break };
            let asname = self.as_name();
            v.push(Alias { name, asname, loc: self.loc_from(start) });
            let m = self.mark();
            if self.expect(TokenKind::Comma).is_none() {
                break;
            }
            if !self.at(TokenKind::Name) {
                self.reset(m);
                break;
            }
        }
        if v.is_empty() {
            None
        } else {
            Some(v)
        }
    }

    // ----- blocks -----------------------------------------------------------------

    /// `block (memo): NEWLINE INDENT statements DEDENT | simple_stmts | invalid_block`
    pub(crate) fn block(&mut self) -> R<Vec<Stmt>> {
        let m = self.memoized(MemoRule::Block, |p| {
            p.nested(|p| {
                let m = p.mark();
                if p.expect(TokenKind::Newline).is_some() && p.expect(TokenKind::Indent).is_some() {
                    if let Some(body) = p.statements()? {
                        if p.expect(TokenKind::Dedent).is_some() {
                            return Ok(Memo::Stmts(Some(body)));
                        }
                    }
                }
                p.reset(m);
                if let Some(body) = p.simple_stmts()? {
                    return Ok(Memo::Stmts(Some(body)));
                }
                if p.call_invalid_rules {
                    p.invalid_block()?;
                }
                Ok(Memo::Stmts(None))
            })
        })?;
        match m {
            Memo::Stmts(b) => Ok(b),
            _ => Ok(None),
        }
    }

    /// `&&tok`: the token must come next, else "expected 'tok'" is raised at
    /// once, in either pass.
    pub(crate) fn expect_forced(&mut self, kind: TokenKind, text: &str) -> PResult<Token> {
        if let Some(t) = self.expect(kind) {
            return Ok(t);
        }
        let t = self.peek();
        if t.kind == TokenKind::Error {
            if let Some(e) = self.tok_error.clone() {
                return Err(e);
            }
        }
        Err(self.error_at(SyntaxErrorKind::SyntaxError, format!("expected '{text}'"), t.start, Some(t.end)))
    }

    /// `decorators: ('@' named_expression NEWLINE)+`
    fn decorators(&mut self) -> R<Vec<Expr>> {
        let mut v = Vec::new();
        loop {
            let m = self.mark();
            if self.expect(TokenKind::At).is_none() {
                break;
            }
            match self.named_expression()? {
                Some(e) if self.expect(TokenKind::Newline).is_some() => v.push(e),
                _ => {
                    self.reset(m);
                    break;
                }
            }
        }
        Ok(if v.is_empty() { None } else { Some(v) })
    }

    // ----- class and function definitions ---------------------------------------

    /// `class_def: decorators class_def_raw | class_def_raw`
    fn class_def(&mut self) -> R<Stmt> {
        let m = self.mark();
        if let Some(decos) = self.decorators()? {
            if let Some(mut s) = self.class_def_raw()? {
                if let StmtKind::ClassDef { decorator_list, .. } = &mut s.kind {
                    *decorator_list = decos;
                }
                return Ok(Some(s));
            }
            self.reset(m);
        }
        self.class_def_raw()
    }

    /// `class_def_raw: invalid_class_def_raw | 'class' NAME ['(' [arguments] ')'] ':' block`
    fn class_def_raw(&mut self) -> R<Stmt> {
        if self.call_invalid_rules {
            self.invalid_class_def_raw()?;
        }
        let start = self.start_pos();
        let m = self.mark();
        if self.expect_keyword(Keyword::Class).is_none() {
            return Ok(None);
        }
        let Some((_, name)) = self.name_tok() else {
            self.reset(m);
            return Ok(None);
        };
        let mut bases = Vec::new();
        let mut keywords = Vec::new();
        let m2 = self.mark();
        if self.expect(TokenKind::LPar).is_some() {
            let (b, k) = self.arguments()?.unwrap_or_default();
            if self.expect(TokenKind::RPar).is_some() {
                bases = b;
                keywords = k;
            } else {
                self.reset(m2);
            }
        }
        if self.expect(TokenKind::Colon).is_some() {
            if let Some(body) = self.block()? {
                let loc = self.loc_from(start);
                return Ok(Some(st(StmtKind::ClassDef { name, bases, keywords, body, decorator_list: vec![] }, loc)));
            }
        }
        self.reset(m);
        Ok(None)
    }

    /// `function_def: decorators function_def_raw | function_def_raw`
    fn function_def(&mut self) -> R<Stmt> {
        let m = self.mark();
        if let Some(decos) = self.decorators()? {
            if let Some(mut s) = self.function_def_raw()? {
                match &mut s.kind {
                    StmtKind::FunctionDef { decorator_list, .. } | StmtKind::AsyncFunctionDef { decorator_list, .. } => {
                        *decorator_list = decos
                    }
                    _ => {}
                }
                return Ok(Some(s));
            }
            self.reset(m);
        }
        self.function_def_raw()
    }

    /// `function_def_raw: invalid_def_raw
    ///     | [ASYNC] 'def' NAME &&'(' [params] ')' ['->' expression] &&':' [func_type_comment] block`
    fn function_def_raw(&mut self) -> R<Stmt> {
        if self.call_invalid_rules {
            self.invalid_def_raw()?;
        }
        let start = self.start_pos();
        let m = self.mark();
        let is_async = self.expect_keyword(Keyword::Async).is_some();
        if self.expect_keyword(Keyword::Def).is_none() {
            self.reset(m);
            return Ok(None);
        }
        let Some((_, name)) = self.name_tok() else {
            self.reset(m);
            return Ok(None);
        };
        self.expect_forced(TokenKind::LPar, "(")?;
        let args = self.params()?.unwrap_or_else(super::args::empty_arguments);
        if self.expect(TokenKind::RPar).is_none() {
            self.reset(m);
            return Ok(None);
        }
        let mut returns = None;
        let m2 = self.mark();
        if self.expect(TokenKind::RArrow).is_some() {
            match self.expression()? {
                Some(e) => returns = Some(Box::new(e)),
                None => self.reset(m2),
            }
        }
        self.expect_forced(TokenKind::Colon, ":")?;
        let Some(body) = self.block()? else {
            self.reset(m);
            return Ok(None);
        };
        let loc = self.loc_from(start);
        let args = Box::new(args);
        let kind = if is_async {
            StmtKind::AsyncFunctionDef { name, args, body, decorator_list: vec![], returns, type_comment: None }
        } else {
            StmtKind::FunctionDef { name, args, body, decorator_list: vec![], returns, type_comment: None }
        };
        Ok(Some(st(kind, loc)))
    }

    // ----- if / while / for ---------------------------------------------------------

    /// `if_stmt: invalid_if_stmt | 'if' named_expression ':' block elif_stmt
    ///     | 'if' named_expression ':' block [else_block]`
    fn if_stmt(&mut self) -> R<Stmt> {
        if self.call_invalid_rules {
            self.invalid_if_stmt()?;
        }
        self.if_or_elif(Keyword::If)
    }

    /// `elif_stmt: invalid_elif_stmt | 'elif' named_expression ':' block elif_stmt
    ///     | 'elif' named_expression ':' block [else_block]`
    fn elif_stmt(&mut self) -> R<Stmt> {
        self.nested(|p| {
            if p.call_invalid_rules {
                p.invalid_elif_stmt()?;
            }
            p.if_or_elif(Keyword::Elif)
        })
    }

    fn if_or_elif(&mut self, kw: Keyword) -> R<Stmt> {
        let start = self.start_pos();
        let m = self.mark();
        if self.expect_keyword(kw).is_none() {
            return Ok(None);
        }
        let Some(test) = self.named_expression()? else {
            self.reset(m);
            return Ok(None);
        };
        if self.expect(TokenKind::Colon).is_none() {
            self.reset(m);
            return Ok(None);
        }
        let Some(body) = self.block()? else {
            self.reset(m);
            return Ok(None);
        };
        let orelse = if self.at_kw(Keyword::Elif) {
            match self.elif_stmt()? {
                Some(s) => vec![s],
                None => self.else_block()?.unwrap_or_default(),
            }
        } else {
            self.else_block()?.unwrap_or_default()
        };
        let loc = self.loc_from(start);
        Ok(Some(st(StmtKind::If { test: Box::new(test), body, orelse }, loc)))
    }

    /// `else_block: invalid_else_stmt | 'else' &&':' block`
    fn else_block(&mut self) -> R<Vec<Stmt>> {
        if self.call_invalid_rules {
            self.invalid_else_stmt()?;
        }
        let m = self.mark();
        if self.expect_keyword(Keyword::Else).is_none() {
            return Ok(None);
        }
        self.expect_forced(TokenKind::Colon, ":")?;
        match self.block()? {
            Some(b) => Ok(Some(b)),
            None => {
                self.reset(m);
                Ok(None)
            }
        }
    }

    /// `while_stmt: invalid_while_stmt | 'while' named_expression ':' block [else_block]`
    fn while_stmt(&mut self) -> R<Stmt> {
        if self.call_invalid_rules {
            self.invalid_while_stmt()?;
        }
        let start = self.start_pos();
        let m = self.mark();
        self.bump();
        if let Some(test) = self.named_expression()? {
            if self.expect(TokenKind::Colon).is_some() {
                if let Some(body) = self.block()? {
                    let orelse = self.else_block()?.unwrap_or_default();
                    let loc = self.loc_from(start);
                    return Ok(Some(st(StmtKind::While { test: Box::new(test), body, orelse }, loc)));
                }
            }
        }
        self.reset(m);
        Ok(None)
    }

    /// `for_stmt: invalid_for_stmt
    ///     | [ASYNC] 'for' star_targets 'in' ~ star_expressions ':' [TYPE_COMMENT] block [else_block]
    ///     | invalid_for_target`
    fn for_stmt(&mut self) -> R<Stmt> {
        if self.call_invalid_rules {
            self.invalid_for_stmt()?;
        }
        let start = self.start_pos();
        let m = self.mark();
        let is_async = self.expect_keyword(Keyword::Async).is_some();
        if self.expect_keyword(Keyword::For).is_some() {
            if let Some(target) = self.star_targets()? {
                if self.expect_keyword(Keyword::In).is_some() {
                    // Cut: past 'in', the statement is a `for` or nothing.
                    if let Some(iter) = self.star_expressions()? {
                        if self.expect(TokenKind::Colon).is_some() {
                            if let Some(body) = self.block()? {
                                let orelse = self.else_block()?.unwrap_or_default();
                                let loc = self.loc_from(start);
                                let (target, iter) = (Box::new(target), Box::new(iter));
                                let kind = if is_async {
                                    StmtKind::AsyncFor { target, iter, body, orelse, type_comment: None }
                                } else {
                                    StmtKind::For { target, iter, body, orelse, type_comment: None }
                                };
                                return Ok(Some(st(kind, loc)));
                            }
                        }
                    }
                    self.reset(m);
                    return Ok(None);
                }
            }
        }
        self.reset(m);
        if self.call_invalid_rules {
            self.invalid_for_target()?;
        }
        Ok(None)
    }

    // ----- with -----------------------------------------------------------------------

    /// `with_stmt: invalid_with_stmt_indent
    ///     | [ASYNC] 'with' '(' ','.with_item+ ','? ')' ':' block
    ///     | [ASYNC] 'with' ','.with_item+ ':' [TYPE_COMMENT] block
    ///     | invalid_with_stmt`
    fn with_stmt(&mut self) -> R<Stmt> {
        if self.call_invalid_rules {
            self.invalid_with_stmt_indent()?;
        }
        let start = self.start_pos();
        let m = self.mark();
        let is_async = self.expect_keyword(Keyword::Async).is_some();
        if self.expect_keyword(Keyword::With).is_some() {
            let m_items = self.mark();
            // The parenthesized form.
            if self.expect(TokenKind::LPar).is_some() {
                if let Some(items) = self.with_items()? {
                    self.expect(TokenKind::Comma);
                    if self.expect(TokenKind::RPar).is_some() && self.expect(TokenKind::Colon).is_some() {
                        if let Some(body) = self.block()? {
                            return Ok(Some(self.with_node(is_async, items, body, start)));
                        }
                    }
                }
                self.reset(m_items);
            }
            if let Some(items) = self.with_items()? {
                if self.expect(TokenKind::Colon).is_some() {
                    if let Some(body) = self.block()? {
                        return Ok(Some(self.with_node(is_async, items, body, start)));
                    }
                }
            }
        }
        self.reset(m);
        if self.call_invalid_rules {
            self.invalid_with_stmt()?;
        }
        Ok(None)
    }

    fn with_node(&self, is_async: bool, items: Vec<WithItem>, body: Vec<Stmt>, start: Pos) -> Stmt {
        let loc = self.loc_from(start);
        let kind = if is_async {
            StmtKind::AsyncWith { items, body, type_comment: None }
        } else {
            StmtKind::With { items, body, type_comment: None }
        };
        st(kind, loc)
    }

    /// `','.with_item+`
    fn with_items(&mut self) -> R<Vec<WithItem>> {
        let Some(first) = self.with_item()? else { return Ok(None) };
        let mut v = vec![first];
        loop {
            let m = self.mark();
            if self.expect(TokenKind::Comma).is_none() {
                break;
            }
            match self.with_item()? {
                Some(i) => v.push(i),
                None => {
                    self.reset(m);
                    break;
                }
            }
        }
        Ok(Some(v))
    }

    /// `with_item: expression 'as' star_target &(',' | ')' | ':') | invalid_with_item | expression`
    fn with_item(&mut self) -> R<WithItem> {
        let m = self.mark();
        let Some(e) = self.expression()? else { return Ok(None) };
        let m2 = self.mark();
        if self.expect_keyword(Keyword::As).is_some() {
            if let Some(t) = self.star_target()? {
                if matches!(self.peek_kind(), TokenKind::Comma | TokenKind::RPar | TokenKind::Colon) {
                    return Ok(Some(WithItem { context_expr: Box::new(e), optional_vars: Some(Box::new(t)) }));
                }
            }
            self.reset(m2);
        }
        if self.call_invalid_rules {
            self.reset(m);
            self.invalid_with_item()?;
            // Parse the expression again (memoized) and continue after it.
            let Some(e2) = self.expression()? else { return Ok(None) };
            return Ok(Some(WithItem { context_expr: Box::new(e2), optional_vars: None }));
        }
        Ok(Some(WithItem { context_expr: Box::new(e), optional_vars: None }))
    }

    // ----- try -----------------------------------------------------------------------

    /// `try_stmt: invalid_try_stmt | 'try' &&':' block finally_block
    ///     | 'try' &&':' block except_block+ [else_block] [finally_block]
    ///     | 'try' &&':' block except_star_block+ [else_block] [finally_block]`
    fn try_stmt(&mut self) -> R<Stmt> {
        if self.call_invalid_rules {
            self.invalid_try_stmt()?;
        }
        let start = self.start_pos();
        let m = self.mark();
        self.bump();
        self.expect_forced(TokenKind::Colon, ":")?;
        let Some(body) = self.block()? else {
            self.reset(m);
            return Ok(None);
        };
        let after_body = self.mark();
        if let Some(finalbody) = self.finally_block()? {
            let loc = self.loc_from(start);
            return Ok(Some(st(StmtKind::Try { body, handlers: vec![], orelse: vec![], finalbody }, loc)));
        }
        for star in [false, true] {
            self.reset(after_body);
            let mut handlers = Vec::new();
            while let Some(h) = self.except_block(star)? {
                handlers.push(h);
            }
            if handlers.is_empty() {
                continue;
            }
            let orelse = self.else_block()?.unwrap_or_default();
            let finalbody = self.finally_block()?.unwrap_or_default();
            let loc = self.loc_from(start);
            let kind = if star {
                StmtKind::TryStar { body, handlers, orelse, finalbody }
            } else {
                StmtKind::Try { body, handlers, orelse, finalbody }
            };
            return Ok(Some(st(kind, loc)));
        }
        self.reset(m);
        Ok(None)
    }

    /// `except_block: invalid_except_stmt_indent | 'except' expression ['as' NAME] ':' block
    ///     | 'except' ':' block | invalid_except_stmt`
    /// `except_star_block: invalid_except_star_stmt_indent
    ///     | 'except' '*' expression ['as' NAME] ':' block | invalid_except_stmt`
    pub(crate) fn except_block(&mut self, star: bool) -> R<ExceptHandler> {
        if self.call_invalid_rules {
            if star {
                self.invalid_except_star_stmt_indent()?;
            } else {
                self.invalid_except_stmt_indent()?;
            }
        }
        let start = self.start_pos();
        let m = self.mark();
        if self.expect_keyword(Keyword::Except).is_some() && (!star || self.expect(TokenKind::Star).is_some()) {
            let m2 = self.mark();
            if let Some(e) = self.expression()? {
                let name = self.as_name();
                if self.expect(TokenKind::Colon).is_some() {
                    if let Some(body) = self.block()? {
                        let loc = self.loc_from(start);
                        let kind = ExceptHandlerKind::ExceptHandler { type_: Some(Box::new(e)), name, body };
                        return Ok(Some(ExceptHandler { kind, loc }));
                    }
                }
            }
            self.reset(m2);
            if !star && self.expect(TokenKind::Colon).is_some() {
                if let Some(body) = self.block()? {
                    let loc = self.loc_from(start);
                    let kind = ExceptHandlerKind::ExceptHandler { type_: None, name: None, body };
                    return Ok(Some(ExceptHandler { kind, loc }));
                }
            }
        }
        self.reset(m);
        if self.call_invalid_rules {
            self.invalid_except_stmt()?;
        }
        Ok(None)
    }

    /// `finally_block: invalid_finally_stmt | 'finally' &&':' block`
    fn finally_block(&mut self) -> R<Vec<Stmt>> {
        if self.call_invalid_rules {
            self.invalid_finally_stmt()?;
        }
        let m = self.mark();
        if self.expect_keyword(Keyword::Finally).is_none() {
            return Ok(None);
        }
        self.expect_forced(TokenKind::Colon, ":")?;
        match self.block()? {
            Some(b) => Ok(Some(b)),
            None => {
                self.reset(m);
                Ok(None)
            }
        }
    }

    // ----- match ----------------------------------------------------------------------

    /// `match_stmt: "match" subject_expr ':' NEWLINE INDENT case_block+ DEDENT | invalid_match_stmt`
    fn match_stmt(&mut self) -> R<Stmt> {
        let start = self.start_pos();
        let m = self.mark();
        if self.expect_soft_keyword("match").is_some() {
            if let Some(subject) = self.subject_expr()? {
                if self.expect(TokenKind::Colon).is_some()
                    && self.expect(TokenKind::Newline).is_some()
                    && self.expect(TokenKind::Indent).is_some()
                {
                    let mut cases = Vec::new();
                    while let Some(c) = self.case_block()? {
                        cases.push(c);
                    }
                    if !cases.is_empty() && self.expect(TokenKind::Dedent).is_some() {
                        let loc = self.loc_from(start);
                        return Ok(Some(st(StmtKind::Match { subject: Box::new(subject), cases }, loc)));
                    }
                }
            }
        }
        self.reset(m);
        if self.call_invalid_rules {
            self.invalid_match_stmt()?;
        }
        Ok(None)
    }

    /// `subject_expr: star_named_expression ',' star_named_expressions? | named_expression`
    pub(crate) fn subject_expr(&mut self) -> R<Expr> {
        let start = self.start_pos();
        let m = self.mark();
        if let Some(first) = self.star_named_expression()? {
            if self.expect(TokenKind::Comma).is_some() {
                let mut elts = vec![first];
                if let Some(rest) = self.star_named_expressions()? {
                    elts.extend(rest);
                }
                return Ok(Some(mk(ExprKind::Tuple { elts, ctx: ExprContext::Load }, self.loc_from(start))));
            }
            self.reset(m);
        }
        self.named_expression()
    }

    /// `case_block: invalid_case_block | "case" patterns guard? ':' block`
    fn case_block(&mut self) -> R<MatchCase> {
        if self.call_invalid_rules {
            self.invalid_case_block()?;
        }
        let m = self.mark();
        if self.expect_soft_keyword("case").is_some() {
            if let Some(pattern) = self.patterns()? {
                let guard = self.guard()?;
                if self.expect(TokenKind::Colon).is_some() {
                    if let Some(body) = self.block()? {
                        return Ok(Some(MatchCase { pattern: Box::new(pattern), guard: guard.map(Box::new), body }));
                    }
                }
            }
        }
        self.reset(m);
        Ok(None)
    }

    /// `guard: 'if' named_expression`
    pub(crate) fn guard(&mut self) -> R<Expr> {
        let m = self.mark();
        if self.expect_keyword(Keyword::If).is_some() {
            if let Some(e) = self.named_expression()? {
                return Ok(Some(e));
            }
            self.reset(m);
        }
        Ok(None)
    }
}
