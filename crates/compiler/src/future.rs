//! `from __future__ import ...` statements (CPython's Python/future.c): the
//! features a module turns on, and the errors for unknown features and
//! future imports that come too late on the first lines.

use syntax::ast::{Constant, ExprKind, Mod, Stmt, StmtKind};
use syntax::{SyntaxError, SyntaxErrorKind};

// Code flags of the features (CPython's CO_FUTURE_*); `compile()` takes
// them in its `flags` argument too, so the values are CPython's.
pub const CO_FUTURE_DIVISION: u32 = 0x20000;
pub const CO_FUTURE_ABSOLUTE_IMPORT: u32 = 0x40000;
pub const CO_FUTURE_WITH_STATEMENT: u32 = 0x80000;
pub const CO_FUTURE_PRINT_FUNCTION: u32 = 0x100000;
pub const CO_FUTURE_UNICODE_LITERALS: u32 = 0x200000;
pub const CO_FUTURE_BARRY_AS_BDFL: u32 = 0x400000;
pub const CO_FUTURE_GENERATOR_STOP: u32 = 0x800000;
pub const CO_FUTURE_ANNOTATIONS: u32 = 0x1000000;

/// What the leading future statements of a module ask for.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct FutureFeatures {
    /// CO_FUTURE_* bits of the features that change compilation.
    pub flags: u32,
    /// Line of the last leading future statement, if any. The code generator
    /// rejects `from __future__` imports after it.
    pub lineno: Option<u32>,
}

impl FutureFeatures {
    /// Scan the leading statements of `module` (after an optional docstring).
    pub fn from_ast(module: &Mod, filename: &str) -> Result<FutureFeatures, SyntaxError> {
        let mut ff = FutureFeatures::default();
        let body = match module {
            Mod::Module { body, .. } | Mod::Interactive { body } => body,
            _ => return Ok(ff),
        };
        let start = usize::from(body.first().is_some_and(is_docstring));
        let mut done = false;
        let mut prev_line = 0;
        for s in &body[start..] {
            // Future statements may only follow each other; but one line can hold
            // `import x; from __future__ import y`, which is checked here since
            // the code generator only compares line numbers.
            if done && s.loc.lineno > prev_line {
                break;
            }
            prev_line = s.loc.lineno;
            match &s.kind {
                StmtKind::ImportFrom {
                    module: Some(m),
                    names,
                    ..
                } if m == "__future__" => {
                    if done {
                        // CPython reports this one without the usual +1 on the column.
                        let mut e = error(
                            "from __future__ imports must occur at the beginning of the file",
                            s,
                            filename,
                        );
                        e.offset = s.loc.col_offset;
                        return Err(e);
                    }
                    for alias in names {
                        ff.flags |= feature_flag(&alias.name, s, filename)?;
                    }
                    ff.lineno = Some(s.loc.lineno);
                }
                _ => done = true,
            }
        }
        Ok(ff)
    }
}

impl FutureFeatures {
    /// The code generator's check of each `from ... import` it compiles
    /// (CPython's `compiler_from_import`): a `from __future__` import on a
    /// line after the leading future statements (or anywhere, when there
    /// were none) is an error.
    pub fn check_import_from(&self, s: &Stmt, filename: &str) -> Result<(), SyntaxError> {
        let StmtKind::ImportFrom {
            module: Some(m), ..
        } = &s.kind
        else {
            return Ok(());
        };
        let late = match self.lineno {
            Some(line) => s.loc.lineno > line,
            None => true,
        };
        if m != "__future__" || !late {
            return Ok(());
        }
        let mut e = error(
            "from __future__ imports must occur at the beginning of the file",
            s,
            filename,
        );
        e.end_lineno = s.loc.end_lineno;
        e.end_offset = s.loc.end_col_offset + 1;
        Err(e)
    }
}

/// The flag a feature sets (0 for features that are always on), or the error
/// for a name that is no feature.
fn feature_flag(name: &str, s: &Stmt, filename: &str) -> Result<u32, SyntaxError> {
    match name {
        "nested_scopes" | "generators" | "division" | "absolute_import" | "with_statement"
        | "print_function" | "unicode_literals" | "generator_stop" => Ok(0),
        "barry_as_FLUFL" => Ok(CO_FUTURE_BARRY_AS_BDFL),
        "annotations" => Ok(CO_FUTURE_ANNOTATIONS),
        "braces" => Err(error("not a chance", s, filename)),
        _ => Err(error(
            &format!("future feature {name} is not defined"),
            s,
            filename,
        )),
    }
}

fn is_docstring(s: &Stmt) -> bool {
    matches!(&s.kind, StmtKind::Expr { value } if matches!(
        &value.kind,
        ExprKind::Constant { value: Constant::Str(_), .. }
    ))
}

/// CPython locates these errors at the statement's start only (no end column).
fn error(msg: &str, s: &Stmt, filename: &str) -> SyntaxError {
    let mut e = SyntaxError::new(SyntaxErrorKind::SyntaxError, msg);
    e.filename = filename.to_string();
    e.lineno = s.loc.lineno;
    e.offset = s.loc.col_offset + 1;
    e.end_lineno = s.loc.lineno;
    e.end_offset = 0;
    e
}

#[cfg(test)]
mod tests {
    use super::*;
    use syntax::ast::{Alias, Expr, Loc};

    fn at(line: u32, col: u32) -> Loc {
        Loc {
            lineno: line,
            col_offset: col,
            end_lineno: line,
            end_col_offset: col + 5,
        }
    }

    fn future(line: u32, col: u32, names: &[&str]) -> Stmt {
        Stmt {
            kind: StmtKind::ImportFrom {
                module: Some("__future__".into()),
                names: names
                    .iter()
                    .map(|n| Alias {
                        name: n.to_string(),
                        asname: None,
                        loc: at(line, col),
                    })
                    .collect(),
                level: Some(0),
            },
            loc: at(line, col),
        }
    }

    fn import_os(line: u32, col: u32) -> Stmt {
        Stmt {
            kind: StmtKind::Import {
                names: vec![Alias {
                    name: "os".into(),
                    asname: None,
                    loc: at(line, col),
                }],
            },
            loc: at(line, col),
        }
    }

    fn docstring(line: u32) -> Stmt {
        let value = Expr {
            kind: ExprKind::Constant {
                value: Constant::Str("doc".into()),
                kind: None,
            },
            loc: at(line, 0),
        };
        Stmt {
            kind: StmtKind::Expr {
                value: Box::new(value),
            },
            loc: at(line, 0),
        }
    }

    fn module(body: Vec<Stmt>) -> Mod {
        Mod::Module {
            body,
            type_ignores: vec![],
        }
    }

    #[test]
    fn annotations_after_docstring() {
        let m = module(vec![
            docstring(1),
            future(2, 0, &["annotations", "division"]),
        ]);
        let ff = FutureFeatures::from_ast(&m, "m.py").unwrap();
        assert_eq!(ff.flags, CO_FUTURE_ANNOTATIONS);
        assert_eq!(ff.lineno, Some(2));
    }

    #[test]
    fn later_future_is_not_scanned() {
        let m = module(vec![import_os(1, 0), future(2, 0, &["spam"])]);
        let ff = FutureFeatures::from_ast(&m, "m.py").unwrap();
        assert_eq!(ff, FutureFeatures::default());
    }

    #[test]
    fn unknown_feature_and_braces() {
        let e =
            FutureFeatures::from_ast(&module(vec![future(1, 0, &["spam"])]), "m.py").unwrap_err();
        assert_eq!(e.msg, "future feature spam is not defined");
        assert_eq!((e.lineno, e.offset, e.end_offset), (1, 1, 0));
        let e =
            FutureFeatures::from_ast(&module(vec![future(3, 0, &["braces"])]), "m.py").unwrap_err();
        assert_eq!(e.msg, "not a chance");
        assert_eq!(e.lineno, 3);
    }

    #[test]
    fn code_generator_check_of_late_futures() {
        // import os
        // from __future__ import annotations
        let late = Stmt {
            loc: Loc {
                lineno: 2,
                col_offset: 0,
                end_lineno: 2,
                end_col_offset: 34,
            },
            ..future(2, 0, &["annotations"])
        };
        let m = module(vec![import_os(1, 0), late.clone()]);
        let ff = FutureFeatures::from_ast(&m, "m.py").unwrap();
        let e = ff.check_import_from(&late, "m.py").unwrap_err();
        assert_eq!(
            e.msg,
            "from __future__ imports must occur at the beginning of the file"
        );
        assert_eq!(
            (e.lineno, e.offset, e.end_lineno, e.end_offset),
            (2, 1, 2, 35)
        );
        // The leading ones themselves are fine.
        let first = future(1, 0, &["annotations"]);
        let late = future(3, 0, &["division"]);
        let m = module(vec![first.clone(), import_os(2, 0), late.clone()]);
        let ff = FutureFeatures::from_ast(&m, "m.py").unwrap();
        assert_eq!(ff.lineno, Some(1));
        assert!(ff.check_import_from(&first, "m.py").is_ok());
        assert!(ff.check_import_from(&late, "m.py").is_err());
        assert!(ff.check_import_from(&import_os(3, 0), "m.py").is_ok());
    }

    #[test]
    fn late_future_on_the_same_line() {
        // `from __future__ import annotations; import os; from __future__ import division`
        let m = module(vec![
            future(1, 0, &["annotations"]),
            import_os(1, 37),
            future(1, 48, &["division"]),
        ]);
        let e = FutureFeatures::from_ast(&m, "m.py").unwrap_err();
        assert_eq!(
            e.msg,
            "from __future__ imports must occur at the beginning of the file"
        );
        assert_eq!(e.offset, 48);
    }
}
