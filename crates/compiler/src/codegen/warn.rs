//! The compiler's SyntaxWarnings (CPython 3.11's check_compare,
//! check_caller, check_subscripter, check_index and the assert check):
//! likely mistakes such as `x is 1`, `(1, 2)(3)` or `[1, 2][None]`, found
//! on the tree after constant folding.

use syntax::ast::{CmpOp, Constant, Expr, ExprKind};

use super::{fold, Compiler};

/// A warning the compiler found; the runtime issues it as a SyntaxWarning
/// for the file being compiled.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct CompileWarning {
    pub message: String,
    pub lineno: u32,
}

/// The type name of a constant (`type(value).__name__`).
fn constant_type(c: &Constant) -> &'static str {
    match c {
        Constant::None => "NoneType",
        Constant::Bool(_) => "bool",
        Constant::Ellipsis => "ellipsis",
        Constant::Int(_) | Constant::BigInt(_) => "int",
        Constant::Float(_) => "float",
        Constant::Complex { .. } => "complex",
        Constant::Str(_) => "str",
        Constant::Bytes(_) => "bytes",
        Constant::Tuple(_) => "tuple",
    }
}

impl<'a> Compiler<'a> {
    fn warn(&mut self, message: String, e: &Expr) {
        self.warn_at(message, e.loc.lineno);
    }

    fn warn_at(&mut self, message: String, lineno: u32) {
        self.warnings.push(CompileWarning { message, lineno });
    }

    /// The expression's value when constant folding makes it a constant.
    fn folded(&self, e: &Expr) -> Option<Constant> {
        fold::const_value(e, self.optimize)
    }

    /// CPython's infer_type: the type a literal expression evaluates to.
    fn infer_type(&self, e: &Expr) -> Option<&'static str> {
        Some(match &e.kind {
            ExprKind::Tuple { .. } => self.folded(e).map_or("tuple", |c| constant_type(&c)),
            ExprKind::List { .. } | ExprKind::ListComp { .. } => "list",
            ExprKind::Dict { .. } | ExprKind::DictComp { .. } => "dict",
            ExprKind::Set { .. } | ExprKind::SetComp { .. } => "set",
            ExprKind::GeneratorExp { .. } => "generator",
            ExprKind::Lambda { .. } => "function",
            ExprKind::JoinedStr { .. } | ExprKind::FormattedValue { .. } => "str",
            _ => return self.folded(e).map(|c| constant_type(&c)),
        })
    }

    /// `x is 1`, `x is not ()`: identity with a literal other than None,
    /// True, False and Ellipsis.
    pub fn check_compare(&mut self, e: &Expr, left: &Expr, ops: &[CmpOp], comparators: &[Expr]) {
        let is_literal = |c: &Compiler, x: &Expr| {
            c.folded(x).is_some_and(|k| !matches!(k, Constant::None | Constant::Bool(_) | Constant::Ellipsis))
        };
        let mut l = left;
        for (op, r) in ops.iter().zip(comparators) {
            if matches!(op, CmpOp::Is | CmpOp::IsNot) && (is_literal(self, l) || is_literal(self, r)) {
                let msg = if *op == CmpOp::Is {
                    "\"is\" with a literal. Did you mean \"==\"?"
                } else {
                    "\"is not\" with a literal. Did you mean \"!=\"?"
                };
                self.warn(msg.to_string(), e);
                return;
            }
            l = r;
        }
    }

    /// `(1, 2)(3)`: calling a literal.
    pub fn check_caller(&mut self, e: &Expr, func: &Expr) {
        let callable_literal = matches!(
            func.kind,
            ExprKind::Constant { .. }
                | ExprKind::Tuple { .. }
                | ExprKind::List { .. }
                | ExprKind::ListComp { .. }
                | ExprKind::Dict { .. }
                | ExprKind::DictComp { .. }
                | ExprKind::Set { .. }
                | ExprKind::SetComp { .. }
                | ExprKind::GeneratorExp { .. }
                | ExprKind::JoinedStr { .. }
                | ExprKind::FormattedValue { .. }
        ) || self.folded(func).is_some();
        if callable_literal {
            if let Some(t) = self.infer_type(func) {
                self.warn(format!("'{t}' object is not callable; perhaps you missed a comma?"), e);
            }
        }
    }

    /// `1[2]`, `{1}[0]`, then `(1, 2)["a"]`: subscripting a literal that
    /// cannot be subscripted, or with an index of the wrong type.
    pub fn check_subscript(&mut self, e: &Expr, value: &Expr, index: &Expr) {
        let folded = self.folded(value);
        let not_subscriptable = match (&value.kind, &folded) {
            (ExprKind::Set { .. } | ExprKind::SetComp { .. } | ExprKind::GeneratorExp { .. } | ExprKind::Lambda { .. }, _) => true,
            (_, Some(c)) => matches!(
                c,
                Constant::None
                    | Constant::Ellipsis
                    | Constant::Bool(_)
                    | Constant::Int(_)
                    | Constant::BigInt(_)
                    | Constant::Float(_)
                    | Constant::Complex { .. }
            ),
            _ => false,
        };
        if not_subscriptable {
            if let Some(t) = self.infer_type(value) {
                self.warn(format!("'{t}' object is not subscriptable; perhaps you missed a comma?"), e);
            }
            return;
        }
        let Some(index_type) = self.infer_type(index) else { return };
        if matches!(index_type, "int" | "bool") || matches!(index.kind, ExprKind::Slice { .. }) {
            return;
        }
        let sequence_literal = match (&value.kind, &folded) {
            (_, Some(c)) => matches!(c, Constant::Str(_) | Constant::Bytes(_) | Constant::Tuple(_)),
            (ExprKind::List { .. } | ExprKind::ListComp { .. } | ExprKind::JoinedStr { .. } | ExprKind::FormattedValue { .. } | ExprKind::Tuple { .. }, _) => true,
            _ => false,
        };
        if sequence_literal {
            if let Some(t) = self.infer_type(value) {
                self.warn(format!("{t} indices must be integers or slices, not {index_type}; perhaps you missed a comma?"), e);
            }
        }
    }

    /// `assert (x, "msg")`: a non-empty tuple is always true.
    pub fn check_assert(&mut self, lineno: u32, s_test: &Expr) {
        let non_empty_tuple = match &s_test.kind {
            ExprKind::Tuple { elts, .. } => !elts.is_empty(),
            _ => matches!(self.folded(s_test), Some(Constant::Tuple(t)) if !t.is_empty()),
        };
        if non_empty_tuple {
            self.warn_at("assertion is always true, perhaps remove parentheses?".to_string(), lineno);
        }
    }
}
