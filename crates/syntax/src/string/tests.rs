//! Expectations are python3.11's `ast.dump(node, include_attributes=True)`
//! and SyntaxError messages for the same source.

use super::*;
use crate::dump_support::Dump;

/// The string tokens of `src` (a test source whose only string literals
/// form one implicit concatenation).
fn string_tokens(src: &str) -> Vec<Token> {
    let b = src.as_bytes();
    let mut toks = Vec::new();
    let mut i = 0;
    let pos_of = |k: usize| {
        let before = &src[..k];
        let line = before.matches('\n').count() as u32 + 1;
        let col = (k - before.rfind('\n').map_or(0, |n| n + 1)) as u32;
        Pos { line, col }
    };
    while i < b.len() {
        let mut j = i;
        while j < b.len() && b"rRbBuUfF".contains(&b[j]) && j - i < 2 {
            j += 1;
        }
        let ident_before = i > 0 && (b[i - 1].is_ascii_alphanumeric() || b[i - 1] == b'_');
        if j < b.len() && (b[j] == b'"' || b[j] == b'\'') && !ident_before {
            let q = b[j];
            let triple = b[j..].starts_with(&[q, q, q]);
            let mut k = j + if triple { 3 } else { 1 };
            loop {
                if b[k] == b'\\' {
                    k += 2;
                } else if triple && b[k..].starts_with(&[q, q, q]) {
                    k += 3;
                    break;
                } else if !triple && b[k] == q {
                    k += 1;
                    break;
                } else {
                    k += 1;
                }
            }
            toks.push(Token {
                kind: crate::token::TokenKind::String,
                start: pos_of(i),
                end: pos_of(k),
                text_start: i as u32,
                text_end: k as u32,
            });
            i = k;
        } else {
            i += 1;
        }
    }
    toks
}

/// Stands in for the parser: `(name)` with any whitespace becomes a Name,
/// placed per `parse_fstring_expr`'s contract; anything else is an error.
fn fake_parse_expr(text: &str, start: Pos) -> Result<Expr, SyntaxError> {
    let inner = &text[1..text.len() - 1];
    let name = inner.trim_matches(|c: char| c.is_ascii_whitespace());
    if name.is_empty() || !name.chars().all(|c| c.is_alphanumeric() || c == '_') {
        return Err(SyntaxError::new(crate::SyntaxErrorKind::SyntaxError, "f-string: invalid syntax"));
    }
    let at = |k: usize| {
        let before = &text[..k];
        match before.rfind('\n') {
            None => Pos { line: start.line, col: start.col + k as u32 },
            Some(n) => Pos { line: start.line + before.matches('\n').count() as u32, col: (k - n - 1) as u32 },
        }
    };
    let k = 1 + inner.find(name).unwrap();
    let (s, e) = (at(k), at(k + name.len()));
    Ok(Expr {
        kind: ExprKind::Name { id: name.to_string(), ctx: crate::ast::ExprContext::Load },
        loc: Loc { lineno: s.line, col_offset: s.col, end_lineno: e.line, end_col_offset: e.col },
    })
}

fn run(src: &str) -> Result<String, StringError> {
    let toks = string_tokens(src);
    let e = parse_strings(src, &toks, &mut fake_parse_expr)?;
    let mut out = String::new();
    e.dump(&mut out);
    Ok(out)
}

fn run_err(src: &str) -> String {
    match run(src) {
        Ok(d) => format!("OK {d}"),
        Err(StringError::Syntax(e)) => format!("ERR {}", e.msg),
        Err(StringError::AtLastToken(m)) | Err(StringError::AtToken(m, _)) => format!("ERR {m}"),
    }
}

#[test]
fn literals_and_fstrings() {
    let cases: &[(&str, &str)] = &[
        (r#""abc""#, r#"Constant(value='abc', lineno=1, col_offset=0, end_lineno=1, end_col_offset=5)"#),
        (r#"'abc'"#, r#"Constant(value='abc', lineno=1, col_offset=0, end_lineno=1, end_col_offset=5)"#),
        (r#""""abc""""#, r#"Constant(value='abc', lineno=1, col_offset=0, end_lineno=1, end_col_offset=9)"#),
        (r#"'''a'b'''"#, r#"Constant(value="a'b", lineno=1, col_offset=0, end_lineno=1, end_col_offset=9)"#),
        (r#""""#, r#"Constant(value='', lineno=1, col_offset=0, end_lineno=1, end_col_offset=2)"#),
        (r#"''''''"#, r#"Constant(value='', lineno=1, col_offset=0, end_lineno=1, end_col_offset=6)"#),
        (r#"u"x""#, r#"Constant(value='x', kind='u', lineno=1, col_offset=0, end_lineno=1, end_col_offset=4)"#),
        (r#"U"x""#, r#"Constant(value='x', lineno=1, col_offset=0, end_lineno=1, end_col_offset=4)"#),
        (r#"u"x" "y""#, r#"Constant(value='xy', kind='u', lineno=1, col_offset=0, end_lineno=1, end_col_offset=8)"#),
        (r#""x" u"y""#, r#"Constant(value='xy', lineno=1, col_offset=0, end_lineno=1, end_col_offset=8)"#),
        (r#"u"""#, r#"Constant(value='', kind='u', lineno=1, col_offset=0, end_lineno=1, end_col_offset=3)"#),
        (r#"r"\n\x""#, r#"Constant(value='\\n\\x', lineno=1, col_offset=0, end_lineno=1, end_col_offset=7)"#),
        (r#"R"\N{x}""#, r#"Constant(value='\\N{x}', lineno=1, col_offset=0, end_lineno=1, end_col_offset=8)"#),
        (r#"b"abc""#, r#"Constant(value=b'abc', lineno=1, col_offset=0, end_lineno=1, end_col_offset=6)"#),
        (r#"B"a\x41\101""#, r#"Constant(value=b'aAA', lineno=1, col_offset=0, end_lineno=1, end_col_offset=12)"#),
        (r#"rb"\x41""#, r#"Constant(value=b'\\x41', lineno=1, col_offset=0, end_lineno=1, end_col_offset=8)"#),
        (
            r#"Rb"\x41" b"\x42""#,
            r#"Constant(value=b'\\x41B', lineno=1, col_offset=0, end_lineno=1, end_col_offset=16)"#,
        ),
        (r#"bR"a" Br"b""#, r#"Constant(value=b'ab', lineno=1, col_offset=0, end_lineno=1, end_col_offset=11)"#),
        (r#""a" "b" 'c'"#, r#"Constant(value='abc', lineno=1, col_offset=0, end_lineno=1, end_col_offset=11)"#),
        (
            r#""\x41\u0042\U00000043\N{DIGIT ONE}\101\n\t\\""#,
            r#"Constant(value='ABC1A\n\t\\', lineno=1, col_offset=0, end_lineno=1, end_col_offset=45)"#,
        ),
        (r#""\d\é""#, r#"Constant(value='\\d\\é', lineno=1, col_offset=0, end_lineno=1, end_col_offset=7)"#),
        (r#""é€😀""#, r#"Constant(value='é€😀', lineno=1, col_offset=0, end_lineno=1, end_col_offset=11)"#),
        (r#""\ud800""#, r#"Constant(value='\ud800', lineno=1, col_offset=0, end_lineno=1, end_col_offset=8)"#),
        (
            r#""a\
b""#,
            r#"Constant(value='ab', lineno=1, col_offset=0, end_lineno=2, end_col_offset=2)"#,
        ),
        (
            r#""""a
b""""#,
            r#"Constant(value='a\nb', lineno=1, col_offset=0, end_lineno=2, end_col_offset=4)"#,
        ),
        (
            r#"x = ("a"
  "b")"#,
            r#"Constant(value='ab', lineno=1, col_offset=5, end_lineno=2, end_col_offset=5)"#,
        ),
        (r#"f"""#, r#"JoinedStr(values=[], lineno=1, col_offset=0, end_lineno=1, end_col_offset=3)"#),
        (r#"f"" """#, r#"JoinedStr(values=[], lineno=1, col_offset=0, end_lineno=1, end_col_offset=6)"#),
        (r#""" f"""#, r#"JoinedStr(values=[], lineno=1, col_offset=0, end_lineno=1, end_col_offset=6)"#),
        (
            r#"F"a{b}""#,
            r#"JoinedStr(values=[Constant(value='a', lineno=1, col_offset=0, end_lineno=1, end_col_offset=7), FormattedValue(value=Name(id='b', ctx=Load(), lineno=1, col_offset=4, end_lineno=1, end_col_offset=5), conversion=-1, lineno=1, col_offset=0, end_lineno=1, end_col_offset=7)], lineno=1, col_offset=0, end_lineno=1, end_col_offset=7)"#,
        ),
        (
            r#"f"{a}""#,
            r#"JoinedStr(values=[FormattedValue(value=Name(id='a', ctx=Load(), lineno=1, col_offset=3, end_lineno=1, end_col_offset=4), conversion=-1, lineno=1, col_offset=0, end_lineno=1, end_col_offset=6)], lineno=1, col_offset=0, end_lineno=1, end_col_offset=6)"#,
        ),
        (
            r#"f"a{b}c""#,
            r#"JoinedStr(values=[Constant(value='a', lineno=1, col_offset=0, end_lineno=1, end_col_offset=8), FormattedValue(value=Name(id='b', ctx=Load(), lineno=1, col_offset=4, end_lineno=1, end_col_offset=5), conversion=-1, lineno=1, col_offset=0, end_lineno=1, end_col_offset=8), Constant(value='c', lineno=1, col_offset=0, end_lineno=1, end_col_offset=8)], lineno=1, col_offset=0, end_lineno=1, end_col_offset=8)"#,
        ),
        (
            r#"f"{a}{b}""#,
            r#"JoinedStr(values=[FormattedValue(value=Name(id='a', ctx=Load(), lineno=1, col_offset=3, end_lineno=1, end_col_offset=4), conversion=-1, lineno=1, col_offset=0, end_lineno=1, end_col_offset=9), FormattedValue(value=Name(id='b', ctx=Load(), lineno=1, col_offset=6, end_lineno=1, end_col_offset=7), conversion=-1, lineno=1, col_offset=0, end_lineno=1, end_col_offset=9)], lineno=1, col_offset=0, end_lineno=1, end_col_offset=9)"#,
        ),
        (
            r#"f"{ a }""#,
            r#"JoinedStr(values=[FormattedValue(value=Name(id='a', ctx=Load(), lineno=1, col_offset=4, end_lineno=1, end_col_offset=5), conversion=-1, lineno=1, col_offset=0, end_lineno=1, end_col_offset=8)], lineno=1, col_offset=0, end_lineno=1, end_col_offset=8)"#,
        ),
        (
            r#"f"{a!r}""#,
            r#"JoinedStr(values=[FormattedValue(value=Name(id='a', ctx=Load(), lineno=1, col_offset=3, end_lineno=1, end_col_offset=4), conversion=114, lineno=1, col_offset=0, end_lineno=1, end_col_offset=8)], lineno=1, col_offset=0, end_lineno=1, end_col_offset=8)"#,
        ),
        (
            r#"f"{a!s}""#,
            r#"JoinedStr(values=[FormattedValue(value=Name(id='a', ctx=Load(), lineno=1, col_offset=3, end_lineno=1, end_col_offset=4), conversion=115, lineno=1, col_offset=0, end_lineno=1, end_col_offset=8)], lineno=1, col_offset=0, end_lineno=1, end_col_offset=8)"#,
        ),
        (
            r#"f"{a!a}""#,
            r#"JoinedStr(values=[FormattedValue(value=Name(id='a', ctx=Load(), lineno=1, col_offset=3, end_lineno=1, end_col_offset=4), conversion=97, lineno=1, col_offset=0, end_lineno=1, end_col_offset=8)], lineno=1, col_offset=0, end_lineno=1, end_col_offset=8)"#,
        ),
        (
            r#"f"{a:>10}""#,
            r#"JoinedStr(values=[FormattedValue(value=Name(id='a', ctx=Load(), lineno=1, col_offset=3, end_lineno=1, end_col_offset=4), conversion=-1, format_spec=JoinedStr(values=[Constant(value='>10', lineno=1, col_offset=0, end_lineno=1, end_col_offset=10)], lineno=1, col_offset=0, end_lineno=1, end_col_offset=10), lineno=1, col_offset=0, end_lineno=1, end_col_offset=10)], lineno=1, col_offset=0, end_lineno=1, end_col_offset=10)"#,
        ),
        (
            r#"f"{a!r:>10}""#,
            r#"JoinedStr(values=[FormattedValue(value=Name(id='a', ctx=Load(), lineno=1, col_offset=3, end_lineno=1, end_col_offset=4), conversion=114, format_spec=JoinedStr(values=[Constant(value='>10', lineno=1, col_offset=0, end_lineno=1, end_col_offset=12)], lineno=1, col_offset=0, end_lineno=1, end_col_offset=12), lineno=1, col_offset=0, end_lineno=1, end_col_offset=12)], lineno=1, col_offset=0, end_lineno=1, end_col_offset=12)"#,
        ),
        (
            r#"f"{a=}""#,
            r#"JoinedStr(values=[Constant(value='a=', lineno=1, col_offset=0, end_lineno=1, end_col_offset=7), FormattedValue(value=Name(id='a', ctx=Load(), lineno=1, col_offset=3, end_lineno=1, end_col_offset=4), conversion=114, lineno=1, col_offset=0, end_lineno=1, end_col_offset=7)], lineno=1, col_offset=0, end_lineno=1, end_col_offset=7)"#,
        ),
        (
            r#"f"{a = }""#,
            r#"JoinedStr(values=[Constant(value='a = ', lineno=1, col_offset=0, end_lineno=1, end_col_offset=9), FormattedValue(value=Name(id='a', ctx=Load(), lineno=1, col_offset=3, end_lineno=1, end_col_offset=4), conversion=114, lineno=1, col_offset=0, end_lineno=1, end_col_offset=9)], lineno=1, col_offset=0, end_lineno=1, end_col_offset=9)"#,
        ),
        (
            r#"f"{a=!s}""#,
            r#"JoinedStr(values=[Constant(value='a=', lineno=1, col_offset=0, end_lineno=1, end_col_offset=9), FormattedValue(value=Name(id='a', ctx=Load(), lineno=1, col_offset=3, end_lineno=1, end_col_offset=4), conversion=115, lineno=1, col_offset=0, end_lineno=1, end_col_offset=9)], lineno=1, col_offset=0, end_lineno=1, end_col_offset=9)"#,
        ),
        (
            r#"f"{a=:>10}""#,
            r#"JoinedStr(values=[Constant(value='a=', lineno=1, col_offset=0, end_lineno=1, end_col_offset=11), FormattedValue(value=Name(id='a', ctx=Load(), lineno=1, col_offset=3, end_lineno=1, end_col_offset=4), conversion=-1, format_spec=JoinedStr(values=[Constant(value='>10', lineno=1, col_offset=0, end_lineno=1, end_col_offset=11)], lineno=1, col_offset=0, end_lineno=1, end_col_offset=11), lineno=1, col_offset=0, end_lineno=1, end_col_offset=11)], lineno=1, col_offset=0, end_lineno=1, end_col_offset=11)"#,
        ),
        (
            r#"f"{a=!r:>10}""#,
            r#"JoinedStr(values=[Constant(value='a=', lineno=1, col_offset=0, end_lineno=1, end_col_offset=13), FormattedValue(value=Name(id='a', ctx=Load(), lineno=1, col_offset=3, end_lineno=1, end_col_offset=4), conversion=114, format_spec=JoinedStr(values=[Constant(value='>10', lineno=1, col_offset=0, end_lineno=1, end_col_offset=13)], lineno=1, col_offset=0, end_lineno=1, end_col_offset=13), lineno=1, col_offset=0, end_lineno=1, end_col_offset=13)], lineno=1, col_offset=0, end_lineno=1, end_col_offset=13)"#,
        ),
        (
            r#"f"{x:{y}{z}}""#,
            r#"JoinedStr(values=[FormattedValue(value=Name(id='x', ctx=Load(), lineno=1, col_offset=3, end_lineno=1, end_col_offset=4), conversion=-1, format_spec=JoinedStr(values=[FormattedValue(value=Name(id='y', ctx=Load(), lineno=1, col_offset=6, end_lineno=1, end_col_offset=7), conversion=-1, lineno=1, col_offset=0, end_lineno=1, end_col_offset=13), FormattedValue(value=Name(id='z', ctx=Load(), lineno=1, col_offset=9, end_lineno=1, end_col_offset=10), conversion=-1, lineno=1, col_offset=0, end_lineno=1, end_col_offset=13)], lineno=1, col_offset=0, end_lineno=1, end_col_offset=13), lineno=1, col_offset=0, end_lineno=1, end_col_offset=13)], lineno=1, col_offset=0, end_lineno=1, end_col_offset=13)"#,
        ),
        (
            r#"f"{x:a{y}b}""#,
            r#"JoinedStr(values=[FormattedValue(value=Name(id='x', ctx=Load(), lineno=1, col_offset=3, end_lineno=1, end_col_offset=4), conversion=-1, format_spec=JoinedStr(values=[Constant(value='a', lineno=1, col_offset=0, end_lineno=1, end_col_offset=12), FormattedValue(value=Name(id='y', ctx=Load(), lineno=1, col_offset=7, end_lineno=1, end_col_offset=8), conversion=-1, lineno=1, col_offset=0, end_lineno=1, end_col_offset=12), Constant(value='b', lineno=1, col_offset=0, end_lineno=1, end_col_offset=12)], lineno=1, col_offset=0, end_lineno=1, end_col_offset=12), lineno=1, col_offset=0, end_lineno=1, end_col_offset=12)], lineno=1, col_offset=0, end_lineno=1, end_col_offset=12)"#,
        ),
        (
            r#"f"{x:a{y:b}c}""#,
            r#"JoinedStr(values=[FormattedValue(value=Name(id='x', ctx=Load(), lineno=1, col_offset=3, end_lineno=1, end_col_offset=4), conversion=-1, format_spec=JoinedStr(values=[Constant(value='a', lineno=1, col_offset=0, end_lineno=1, end_col_offset=14), FormattedValue(value=Name(id='y', ctx=Load(), lineno=1, col_offset=7, end_lineno=1, end_col_offset=8), conversion=-1, format_spec=JoinedStr(values=[Constant(value='b', lineno=1, col_offset=0, end_lineno=1, end_col_offset=14)], lineno=1, col_offset=0, end_lineno=1, end_col_offset=14), lineno=1, col_offset=0, end_lineno=1, end_col_offset=14), Constant(value='c', lineno=1, col_offset=0, end_lineno=1, end_col_offset=14)], lineno=1, col_offset=0, end_lineno=1, end_col_offset=14), lineno=1, col_offset=0, end_lineno=1, end_col_offset=14)], lineno=1, col_offset=0, end_lineno=1, end_col_offset=14)"#,
        ),
        (
            r#"f"{x:}""#,
            r#"JoinedStr(values=[FormattedValue(value=Name(id='x', ctx=Load(), lineno=1, col_offset=3, end_lineno=1, end_col_offset=4), conversion=-1, format_spec=JoinedStr(values=[], lineno=1, col_offset=0, end_lineno=1, end_col_offset=7), lineno=1, col_offset=0, end_lineno=1, end_col_offset=7)], lineno=1, col_offset=0, end_lineno=1, end_col_offset=7)"#,
        ),
        (
            r#"f"{x!r:}" "c""#,
            r#"JoinedStr(values=[FormattedValue(value=Name(id='x', ctx=Load(), lineno=1, col_offset=3, end_lineno=1, end_col_offset=4), conversion=114, format_spec=JoinedStr(values=[], lineno=1, col_offset=0, end_lineno=1, end_col_offset=9), lineno=1, col_offset=0, end_lineno=1, end_col_offset=13), Constant(value='c', lineno=1, col_offset=0, end_lineno=1, end_col_offset=13)], lineno=1, col_offset=0, end_lineno=1, end_col_offset=13)"#,
        ),
        (
            r#"f"{x:{y:}}""#,
            r#"JoinedStr(values=[FormattedValue(value=Name(id='x', ctx=Load(), lineno=1, col_offset=3, end_lineno=1, end_col_offset=4), conversion=-1, format_spec=JoinedStr(values=[FormattedValue(value=Name(id='y', ctx=Load(), lineno=1, col_offset=6, end_lineno=1, end_col_offset=7), conversion=-1, format_spec=JoinedStr(values=[], lineno=1, col_offset=0, end_lineno=1, end_col_offset=11), lineno=1, col_offset=0, end_lineno=1, end_col_offset=11)], lineno=1, col_offset=0, end_lineno=1, end_col_offset=11), lineno=1, col_offset=0, end_lineno=1, end_col_offset=11)], lineno=1, col_offset=0, end_lineno=1, end_col_offset=11)"#,
        ),
        (
            r#"f"{{}}""#,
            r#"JoinedStr(values=[Constant(value='{}', lineno=1, col_offset=0, end_lineno=1, end_col_offset=7)], lineno=1, col_offset=0, end_lineno=1, end_col_offset=7)"#,
        ),
        (
            r#"f"a{{b}}c""#,
            r#"JoinedStr(values=[Constant(value='a{b}c', lineno=1, col_offset=0, end_lineno=1, end_col_offset=10)], lineno=1, col_offset=0, end_lineno=1, end_col_offset=10)"#,
        ),
        (
            r#"f"{{{a}}}""#,
            r#"JoinedStr(values=[Constant(value='{', lineno=1, col_offset=0, end_lineno=1, end_col_offset=10), FormattedValue(value=Name(id='a', ctx=Load(), lineno=1, col_offset=5, end_lineno=1, end_col_offset=6), conversion=-1, lineno=1, col_offset=0, end_lineno=1, end_col_offset=10), Constant(value='}', lineno=1, col_offset=0, end_lineno=1, end_col_offset=10)], lineno=1, col_offset=0, end_lineno=1, end_col_offset=10)"#,
        ),
        (
            r#"f"\{a}""#,
            r#"JoinedStr(values=[Constant(value='\\', lineno=1, col_offset=0, end_lineno=1, end_col_offset=7), FormattedValue(value=Name(id='a', ctx=Load(), lineno=1, col_offset=4, end_lineno=1, end_col_offset=5), conversion=-1, lineno=1, col_offset=0, end_lineno=1, end_col_offset=7)], lineno=1, col_offset=0, end_lineno=1, end_col_offset=7)"#,
        ),
        (
            r#"f"\\{a}""#,
            r#"JoinedStr(values=[Constant(value='\\', lineno=1, col_offset=0, end_lineno=1, end_col_offset=8), FormattedValue(value=Name(id='a', ctx=Load(), lineno=1, col_offset=5, end_lineno=1, end_col_offset=6), conversion=-1, lineno=1, col_offset=0, end_lineno=1, end_col_offset=8)], lineno=1, col_offset=0, end_lineno=1, end_col_offset=8)"#,
        ),
        (
            r#"rf"\{a}""#,
            r#"JoinedStr(values=[Constant(value='\\', lineno=1, col_offset=0, end_lineno=1, end_col_offset=8), FormattedValue(value=Name(id='a', ctx=Load(), lineno=1, col_offset=5, end_lineno=1, end_col_offset=6), conversion=-1, lineno=1, col_offset=0, end_lineno=1, end_col_offset=8)], lineno=1, col_offset=0, end_lineno=1, end_col_offset=8)"#,
        ),
        (
            r#"Fr"\{b}""#,
            r#"JoinedStr(values=[Constant(value='\\', lineno=1, col_offset=0, end_lineno=1, end_col_offset=8), FormattedValue(value=Name(id='b', ctx=Load(), lineno=1, col_offset=5, end_lineno=1, end_col_offset=6), conversion=-1, lineno=1, col_offset=0, end_lineno=1, end_col_offset=8)], lineno=1, col_offset=0, end_lineno=1, end_col_offset=8)"#,
        ),
        (
            r#"fR"\N{b}""#,
            r#"JoinedStr(values=[Constant(value='\\N', lineno=1, col_offset=0, end_lineno=1, end_col_offset=9), FormattedValue(value=Name(id='b', ctx=Load(), lineno=1, col_offset=6, end_lineno=1, end_col_offset=7), conversion=-1, lineno=1, col_offset=0, end_lineno=1, end_col_offset=9)], lineno=1, col_offset=0, end_lineno=1, end_col_offset=9)"#,
        ),
        (
            r#"f"\N{DIGIT ONE}{b}""#,
            r#"JoinedStr(values=[Constant(value='1', lineno=1, col_offset=0, end_lineno=1, end_col_offset=19), FormattedValue(value=Name(id='b', ctx=Load(), lineno=1, col_offset=16, end_lineno=1, end_col_offset=17), conversion=-1, lineno=1, col_offset=0, end_lineno=1, end_col_offset=19)], lineno=1, col_offset=0, end_lineno=1, end_col_offset=19)"#,
        ),
        (
            r#"f"\N{LEFT CURLY BRACKET}""#,
            r#"JoinedStr(values=[Constant(value='{', lineno=1, col_offset=0, end_lineno=1, end_col_offset=25)], lineno=1, col_offset=0, end_lineno=1, end_col_offset=25)"#,
        ),
        (
            r#"f"{a}" f"{b}" "c" f"d{e}""#,
            r#"JoinedStr(values=[FormattedValue(value=Name(id='a', ctx=Load(), lineno=1, col_offset=3, end_lineno=1, end_col_offset=4), conversion=-1, lineno=1, col_offset=0, end_lineno=1, end_col_offset=25), FormattedValue(value=Name(id='b', ctx=Load(), lineno=1, col_offset=10, end_lineno=1, end_col_offset=11), conversion=-1, lineno=1, col_offset=0, end_lineno=1, end_col_offset=25), Constant(value='cd', lineno=1, col_offset=0, end_lineno=1, end_col_offset=25), FormattedValue(value=Name(id='e', ctx=Load(), lineno=1, col_offset=22, end_lineno=1, end_col_offset=23), conversion=-1, lineno=1, col_offset=0, end_lineno=1, end_col_offset=25)], lineno=1, col_offset=0, end_lineno=1, end_col_offset=25)"#,
        ),
        (
            r#"u"x" f"{a}""#,
            r#"JoinedStr(values=[Constant(value='x', kind='u', lineno=1, col_offset=0, end_lineno=1, end_col_offset=11), FormattedValue(value=Name(id='a', ctx=Load(), lineno=1, col_offset=8, end_lineno=1, end_col_offset=9), conversion=-1, lineno=1, col_offset=0, end_lineno=1, end_col_offset=11)], lineno=1, col_offset=0, end_lineno=1, end_col_offset=11)"#,
        ),
        (
            r#"u"a" f"{a:x{b}y}""#,
            r#"JoinedStr(values=[Constant(value='a', kind='u', lineno=1, col_offset=0, end_lineno=1, end_col_offset=17), FormattedValue(value=Name(id='a', ctx=Load(), lineno=1, col_offset=8, end_lineno=1, end_col_offset=9), conversion=-1, format_spec=JoinedStr(values=[Constant(value='x', kind='u', lineno=1, col_offset=0, end_lineno=1, end_col_offset=17), FormattedValue(value=Name(id='b', ctx=Load(), lineno=1, col_offset=12, end_lineno=1, end_col_offset=13), conversion=-1, lineno=1, col_offset=0, end_lineno=1, end_col_offset=17), Constant(value='y', lineno=1, col_offset=5, end_lineno=1, end_col_offset=17)], lineno=1, col_offset=5, end_lineno=1, end_col_offset=17), lineno=1, col_offset=0, end_lineno=1, end_col_offset=17)], lineno=1, col_offset=0, end_lineno=1, end_col_offset=17)"#,
        ),
        (
            r#"u"a" f"{a:x{b}y}" u"z""#,
            r#"JoinedStr(values=[Constant(value='a', kind='u', lineno=1, col_offset=0, end_lineno=1, end_col_offset=22), FormattedValue(value=Name(id='a', ctx=Load(), lineno=1, col_offset=8, end_lineno=1, end_col_offset=9), conversion=-1, format_spec=JoinedStr(values=[Constant(value='x', kind='u', lineno=1, col_offset=0, end_lineno=1, end_col_offset=22), FormattedValue(value=Name(id='b', ctx=Load(), lineno=1, col_offset=12, end_lineno=1, end_col_offset=13), conversion=-1, lineno=1, col_offset=0, end_lineno=1, end_col_offset=22), Constant(value='y', lineno=1, col_offset=5, end_lineno=1, end_col_offset=17)], lineno=1, col_offset=5, end_lineno=1, end_col_offset=17), lineno=1, col_offset=0, end_lineno=1, end_col_offset=22), Constant(value='z', kind='u', lineno=1, col_offset=0, end_lineno=1, end_col_offset=22)], lineno=1, col_offset=0, end_lineno=1, end_col_offset=22)"#,
        ),
        (
            r#"f"a{b!r:>{w}}" "c""#,
            r#"JoinedStr(values=[Constant(value='a', lineno=1, col_offset=0, end_lineno=1, end_col_offset=18), FormattedValue(value=Name(id='b', ctx=Load(), lineno=1, col_offset=4, end_lineno=1, end_col_offset=5), conversion=114, format_spec=JoinedStr(values=[Constant(value='>', lineno=1, col_offset=0, end_lineno=1, end_col_offset=18), FormattedValue(value=Name(id='w', ctx=Load(), lineno=1, col_offset=10, end_lineno=1, end_col_offset=11), conversion=-1, lineno=1, col_offset=0, end_lineno=1, end_col_offset=18)], lineno=1, col_offset=0, end_lineno=1, end_col_offset=14), lineno=1, col_offset=0, end_lineno=1, end_col_offset=18), Constant(value='c', lineno=1, col_offset=0, end_lineno=1, end_col_offset=18)], lineno=1, col_offset=0, end_lineno=1, end_col_offset=18)"#,
        ),
        (
            r#"f"a{b!r:>{w}x}" "c""#,
            r#"JoinedStr(values=[Constant(value='a', lineno=1, col_offset=0, end_lineno=1, end_col_offset=19), FormattedValue(value=Name(id='b', ctx=Load(), lineno=1, col_offset=4, end_lineno=1, end_col_offset=5), conversion=114, format_spec=JoinedStr(values=[Constant(value='>', lineno=1, col_offset=0, end_lineno=1, end_col_offset=19), FormattedValue(value=Name(id='w', ctx=Load(), lineno=1, col_offset=10, end_lineno=1, end_col_offset=11), conversion=-1, lineno=1, col_offset=0, end_lineno=1, end_col_offset=19), Constant(value='x', lineno=1, col_offset=0, end_lineno=1, end_col_offset=15)], lineno=1, col_offset=0, end_lineno=1, end_col_offset=15), lineno=1, col_offset=0, end_lineno=1, end_col_offset=19), Constant(value='c', lineno=1, col_offset=0, end_lineno=1, end_col_offset=19)], lineno=1, col_offset=0, end_lineno=1, end_col_offset=19)"#,
        ),
        (
            r#"f"{a:\n}""#,
            r#"JoinedStr(values=[FormattedValue(value=Name(id='a', ctx=Load(), lineno=1, col_offset=3, end_lineno=1, end_col_offset=4), conversion=-1, format_spec=JoinedStr(values=[Constant(value='\n', lineno=1, col_offset=0, end_lineno=1, end_col_offset=9)], lineno=1, col_offset=0, end_lineno=1, end_col_offset=9), lineno=1, col_offset=0, end_lineno=1, end_col_offset=9)], lineno=1, col_offset=0, end_lineno=1, end_col_offset=9)"#,
        ),
        (
            r#"f"{a:x!r}""#,
            r#"JoinedStr(values=[FormattedValue(value=Name(id='a', ctx=Load(), lineno=1, col_offset=3, end_lineno=1, end_col_offset=4), conversion=-1, format_spec=JoinedStr(values=[Constant(value='x!r', lineno=1, col_offset=0, end_lineno=1, end_col_offset=10)], lineno=1, col_offset=0, end_lineno=1, end_col_offset=10), lineno=1, col_offset=0, end_lineno=1, end_col_offset=10)], lineno=1, col_offset=0, end_lineno=1, end_col_offset=10)"#,
        ),
        (
            r#"f"{a::}""#,
            r#"JoinedStr(values=[FormattedValue(value=Name(id='a', ctx=Load(), lineno=1, col_offset=3, end_lineno=1, end_col_offset=4), conversion=-1, format_spec=JoinedStr(values=[Constant(value=':', lineno=1, col_offset=0, end_lineno=1, end_col_offset=8)], lineno=1, col_offset=0, end_lineno=1, end_col_offset=8), lineno=1, col_offset=0, end_lineno=1, end_col_offset=8)], lineno=1, col_offset=0, end_lineno=1, end_col_offset=8)"#,
        ),
        (
            r#"f"é{a}é""#,
            r#"JoinedStr(values=[Constant(value='é', lineno=1, col_offset=0, end_lineno=1, end_col_offset=10), FormattedValue(value=Name(id='a', ctx=Load(), lineno=1, col_offset=5, end_lineno=1, end_col_offset=6), conversion=-1, lineno=1, col_offset=0, end_lineno=1, end_col_offset=10), Constant(value='é', lineno=1, col_offset=0, end_lineno=1, end_col_offset=10)], lineno=1, col_offset=0, end_lineno=1, end_col_offset=10)"#,
        ),
        (
            r#"f"{a}\x41""#,
            r#"JoinedStr(values=[FormattedValue(value=Name(id='a', ctx=Load(), lineno=1, col_offset=3, end_lineno=1, end_col_offset=4), conversion=-1, lineno=1, col_offset=0, end_lineno=1, end_col_offset=10), Constant(value='A', lineno=1, col_offset=0, end_lineno=1, end_col_offset=10)], lineno=1, col_offset=0, end_lineno=1, end_col_offset=10)"#,
        ),
        (
            r#"f"""{a}
{a}""""#,
            r#"JoinedStr(values=[FormattedValue(value=Name(id='a', ctx=Load(), lineno=1, col_offset=5, end_lineno=1, end_col_offset=6), conversion=-1, lineno=1, col_offset=0, end_lineno=2, end_col_offset=6), Constant(value='\n', lineno=1, col_offset=0, end_lineno=2, end_col_offset=6), FormattedValue(value=Name(id='a', ctx=Load(), lineno=2, col_offset=1, end_lineno=2, end_col_offset=2), conversion=-1, lineno=1, col_offset=0, end_lineno=2, end_col_offset=6)], lineno=1, col_offset=0, end_lineno=2, end_col_offset=6)"#,
        ),
        (
            r#"x = (f"""
{a}
{a}""")"#,
            r#"JoinedStr(values=[Constant(value='\n', lineno=1, col_offset=5, end_lineno=3, end_col_offset=6), FormattedValue(value=Name(id='a', ctx=Load(), lineno=2, col_offset=1, end_lineno=2, end_col_offset=2), conversion=-1, lineno=1, col_offset=5, end_lineno=3, end_col_offset=6), Constant(value='\n', lineno=1, col_offset=5, end_lineno=3, end_col_offset=6), FormattedValue(value=Name(id='a', ctx=Load(), lineno=3, col_offset=1, end_lineno=3, end_col_offset=2), conversion=-1, lineno=1, col_offset=5, end_lineno=3, end_col_offset=6)], lineno=1, col_offset=5, end_lineno=3, end_col_offset=6)"#,
        ),
        (
            r#"x = f"""{
 a }""""#,
            r#"JoinedStr(values=[FormattedValue(value=Name(id='a', ctx=Load(), lineno=2, col_offset=1, end_lineno=2, end_col_offset=2), conversion=-1, lineno=1, col_offset=4, end_lineno=2, end_col_offset=7)], lineno=1, col_offset=4, end_lineno=2, end_col_offset=7)"#,
        ),
        (
            r#"x = 1;f"""ab
{  
 a }""""#,
            r#"JoinedStr(values=[Constant(value='ab\n', lineno=1, col_offset=6, end_lineno=3, end_col_offset=7), FormattedValue(value=Name(id='a', ctx=Load(), lineno=3, col_offset=1, end_lineno=3, end_col_offset=2), conversion=-1, lineno=1, col_offset=6, end_lineno=3, end_col_offset=7)], lineno=1, col_offset=6, end_lineno=3, end_col_offset=7)"#,
        ),
        (
            r#"x = f"a\
{b}""#,
            r#"JoinedStr(values=[Constant(value='a', lineno=1, col_offset=4, end_lineno=2, end_col_offset=4), FormattedValue(value=Name(id='b', ctx=Load(), lineno=2, col_offset=1, end_lineno=2, end_col_offset=2), conversion=-1, lineno=1, col_offset=4, end_lineno=2, end_col_offset=4)], lineno=1, col_offset=4, end_lineno=2, end_col_offset=4)"#,
        ),
        (
            r#"x = f"""x
  {a} {c}""""#,
            r#"JoinedStr(values=[Constant(value='x\n  ', lineno=1, col_offset=4, end_lineno=2, end_col_offset=12), FormattedValue(value=Name(id='a', ctx=Load(), lineno=2, col_offset=3, end_lineno=2, end_col_offset=4), conversion=-1, lineno=1, col_offset=4, end_lineno=2, end_col_offset=12), Constant(value=' ', lineno=1, col_offset=4, end_lineno=2, end_col_offset=12), FormattedValue(value=Name(id='c', ctx=Load(), lineno=2, col_offset=7, end_lineno=2, end_col_offset=8), conversion=-1, lineno=1, col_offset=4, end_lineno=2, end_col_offset=12)], lineno=1, col_offset=4, end_lineno=2, end_col_offset=12)"#,
        ),
        (
            r#"x = f"""{a=
}""""#,
            r#"JoinedStr(values=[Constant(value='a=\n', lineno=1, col_offset=4, end_lineno=2, end_col_offset=4), FormattedValue(value=Name(id='a', ctx=Load(), lineno=1, col_offset=9, end_lineno=1, end_col_offset=10), conversion=114, lineno=1, col_offset=4, end_lineno=2, end_col_offset=4)], lineno=1, col_offset=4, end_lineno=2, end_col_offset=4)"#,
        ),
        (
            r#"x = (f"""ab
  {  
 a }""")"#,
            r#"JoinedStr(values=[Constant(value='ab\n  ', lineno=1, col_offset=5, end_lineno=3, end_col_offset=7), FormattedValue(value=Name(id='a', ctx=Load(), lineno=3, col_offset=1, end_lineno=3, end_col_offset=2), conversion=-1, lineno=1, col_offset=5, end_lineno=3, end_col_offset=7)], lineno=1, col_offset=5, end_lineno=3, end_col_offset=7)"#,
        ),
        (
            r#"x = (u"" f"{a:x{b}y}")"#,
            r#"JoinedStr(values=[FormattedValue(value=Name(id='a', ctx=Load(), lineno=1, col_offset=12, end_lineno=1, end_col_offset=13), conversion=-1, format_spec=JoinedStr(values=[Constant(value='x', kind='u', lineno=1, col_offset=5, end_lineno=1, end_col_offset=21), FormattedValue(value=Name(id='b', ctx=Load(), lineno=1, col_offset=16, end_lineno=1, end_col_offset=17), conversion=-1, lineno=1, col_offset=5, end_lineno=1, end_col_offset=21), Constant(value='y', lineno=1, col_offset=9, end_lineno=1, end_col_offset=21)], lineno=1, col_offset=9, end_lineno=1, end_col_offset=21), lineno=1, col_offset=5, end_lineno=1, end_col_offset=21)], lineno=1, col_offset=5, end_lineno=1, end_col_offset=21)"#,
        ),
        (
            r#"f"{a!r:{b=}}""#,
            r#"JoinedStr(values=[FormattedValue(value=Name(id='a', ctx=Load(), lineno=1, col_offset=3, end_lineno=1, end_col_offset=4), conversion=114, format_spec=JoinedStr(values=[Constant(value='b=', lineno=1, col_offset=0, end_lineno=1, end_col_offset=13), FormattedValue(value=Name(id='b', ctx=Load(), lineno=1, col_offset=8, end_lineno=1, end_col_offset=9), conversion=114, lineno=1, col_offset=0, end_lineno=1, end_col_offset=13)], lineno=1, col_offset=0, end_lineno=1, end_col_offset=13), lineno=1, col_offset=0, end_lineno=1, end_col_offset=13)], lineno=1, col_offset=0, end_lineno=1, end_col_offset=13)"#,
        ),
        (
            r#"f"{a=  }""#,
            r#"JoinedStr(values=[Constant(value='a=  ', lineno=1, col_offset=0, end_lineno=1, end_col_offset=9), FormattedValue(value=Name(id='a', ctx=Load(), lineno=1, col_offset=3, end_lineno=1, end_col_offset=4), conversion=114, lineno=1, col_offset=0, end_lineno=1, end_col_offset=9)], lineno=1, col_offset=0, end_lineno=1, end_col_offset=9)"#,
        ),
        (
            r#"f"{a=	!r}""#,
            r#"JoinedStr(values=[Constant(value='a=\t', lineno=1, col_offset=0, end_lineno=1, end_col_offset=10), FormattedValue(value=Name(id='a', ctx=Load(), lineno=1, col_offset=3, end_lineno=1, end_col_offset=4), conversion=114, lineno=1, col_offset=0, end_lineno=1, end_col_offset=10)], lineno=1, col_offset=0, end_lineno=1, end_col_offset=10)"#,
        ),
        (
            r#""\N{NULL}\N{line feed}\N{BOM}\N{LATIN CAPITAL LETTER GHA}\N{CJK UNIFIED IDEOGRAPH-4E00}\N{HANGUL SYLLABLE GAG}""#,
            r#"Constant(value='\x00\n\ufeffƢ一각', lineno=1, col_offset=0, end_lineno=1, end_col_offset=111)"#,
        ),
        (
            r#""\0\00\000\0000\8\777\400""#,
            r#"Constant(value='\x00\x00\x00\x000\\8ǿĀ', lineno=1, col_offset=0, end_lineno=1, end_col_offset=26)"#,
        ),
        (
            r#"b"\0\00\000\0000\8\777\400""#,
            r#"Constant(value=b'\x00\x00\x00\x000\\8\xff\x00', lineno=1, col_offset=0, end_lineno=1, end_col_offset=27)"#,
        ),
        (
            r#""a\
b" f"c\
{d}""#,
            r#"JoinedStr(values=[Constant(value='abc', lineno=1, col_offset=0, end_lineno=3, end_col_offset=4), FormattedValue(value=Name(id='d', ctx=Load(), lineno=3, col_offset=1, end_lineno=3, end_col_offset=2), conversion=-1, lineno=1, col_offset=0, end_lineno=3, end_col_offset=4)], lineno=1, col_offset=0, end_lineno=3, end_col_offset=4)"#,
        ),
    ];
    for (src, want) in cases {
        let got = run(src).unwrap_or_else(|e| panic!("{src}: {e:?}"));
        assert_eq!(&got, want, "\nsource: {src}");
    }
}

#[test]
fn errors() {
    let cases: &[(&str, &str)] = &[
        (r#"b"é""#, r#"ERR bytes can only contain ASCII literal characters"#),
        (r#"b"a" b"é""#, r#"ERR bytes can only contain ASCII literal characters"#),
        (r#""a" b"é""#, r#"ERR bytes can only contain ASCII literal characters"#),
        (r#"b"é" "a""#, r#"ERR bytes can only contain ASCII literal characters"#),
        (r#""a" b"c""#, r#"ERR cannot mix bytes and nonbytes literals"#),
        (r#"b"a" "c""#, r#"ERR cannot mix bytes and nonbytes literals"#),
        (r#"f"é" b"a""#, r#"ERR cannot mix bytes and nonbytes literals"#),
        (r#"b"x" f"{a}""#, r#"ERR cannot mix bytes and nonbytes literals"#),
        (
            r#""\x""#,
            r#"ERR (unicode error) 'unicodeescape' codec can't decode bytes in position 0-1: truncated \xXX escape"#,
        ),
        (
            r#""\xZZ""#,
            r#"ERR (unicode error) 'unicodeescape' codec can't decode bytes in position 0-1: truncated \xXX escape"#,
        ),
        (
            r#""a" "\u12""#,
            r#"ERR (unicode error) 'unicodeescape' codec can't decode bytes in position 0-3: truncated \uXXXX escape"#,
        ),
        (
            r#""\U00110000""#,
            r#"ERR (unicode error) 'unicodeescape' codec can't decode bytes in position 0-9: illegal Unicode character"#,
        ),
        (
            r#""\N{foo}""#,
            r#"ERR (unicode error) 'unicodeescape' codec can't decode bytes in position 0-6: unknown Unicode character name"#,
        ),
        (
            r#""\N""#,
            r#"ERR (unicode error) 'unicodeescape' codec can't decode bytes in position 0-1: malformed \N character escape"#,
        ),
        (r#"b"\x1""#, r#"ERR (value error) invalid \x escape at position 0"#),
        (
            r#"f"\x{a}""#,
            r#"ERR (unicode error) 'unicodeescape' codec can't decode bytes in position 0-1: truncated \xXX escape"#,
        ),
        (
            r#"f"{a}\x""#,
            r#"ERR (unicode error) 'unicodeescape' codec can't decode bytes in position 0-1: truncated \xXX escape"#,
        ),
        (
            r#"f"{a}\N{foo}""#,
            r#"ERR (unicode error) 'unicodeescape' codec can't decode bytes in position 0-6: unknown Unicode character name"#,
        ),
        (
            r#"f"{a:\x}""#,
            r#"ERR (unicode error) 'unicodeescape' codec can't decode bytes in position 0-1: truncated \xXX escape"#,
        ),
        (
            r#"f"\N{foo}{a}""#,
            r#"ERR (unicode error) 'unicodeescape' codec can't decode bytes in position 0-6: unknown Unicode character name"#,
        ),
        (
            r#"f"\Né{a}""#,
            r#"ERR (unicode error) 'unicodeescape' codec can't decode bytes in position 0-1: malformed \N character escape"#,
        ),
        (r#"f"{}""#, r#"ERR f-string: empty expression not allowed"#),
        (r#"f"{ }""#, r#"ERR f-string: empty expression not allowed"#),
        (r#"f"{!r}""#, r#"ERR f-string: expression required before '!'"#),
        (r#"f"{:x}""#, r#"ERR f-string: expression required before ':'"#),
        (r#"f"{=}""#, r#"ERR f-string: expression required before '='"#),
        (r#"f"{a!x}""#, r#"ERR f-string: invalid conversion character: expected 's', 'r', or 'a'"#),
        (r#"f"{a!}""#, r#"ERR f-string: invalid conversion character: expected 's', 'r', or 'a'"#),
        (r#"f"{a!""#, r#"ERR f-string: expecting '}'"#),
        (r#"f"{a""#, r#"ERR f-string: expecting '}'"#),
        (r#"f"{""#, r#"ERR f-string: expecting '}'"#),
        (r#"f"{a:""#, r#"ERR f-string: expecting '}'"#),
        (r#"f"{a:{b}""#, r#"ERR f-string: expecting '}'"#),
        (r#"f"{a!rr}""#, r#"ERR f-string: expecting '}'"#),
        (r#"f"{a!r""#, r#"ERR f-string: expecting '}'"#),
        (r#"f"}""#, r#"ERR f-string: single '}' is not allowed"#),
        (r#"f"{{}""#, r#"ERR f-string: single '}' is not allowed"#),
        (r#"f"{a}}""#, r#"ERR f-string: single '}' is not allowed"#),
        (r#"f"{a:}}""#, r#"ERR f-string: single '}' is not allowed"#),
        (r#"f"{a:{b}}}""#, r#"ERR f-string: single '}' is not allowed"#),
        (r#"f"}}{""#, r#"ERR f-string: expecting '}'"#),
        (r#"f"{a#}""#, r#"ERR f-string expression part cannot include '#'"#),
        (r#"f"{a)}""#, r#"ERR f-string: unmatched ')'"#),
        (r#"f"{(a]}""#, r#"ERR f-string: closing parenthesis ']' does not match opening parenthesis '('"#),
        (r#"f"{(a}""#, r#"ERR f-string: closing parenthesis '}' does not match opening parenthesis '('"#),
        (r#"f"{a:{b:{c}}}""#, r#"ERR f-string: expressions nested too deeply"#),
        (r#"f'{"a}'"#, r#"ERR f-string: unterminated string"#),
        (r#"f"{a\n}""#, r#"ERR f-string expression part cannot include a backslash"#),
        (r#"f'{"\n"}'"#, r#"ERR f-string expression part cannot include a backslash"#),
        (r#"f"{a!\n}""#, r#"ERR f-string: invalid conversion character: expected 's', 'r', or 'a'"#),
        (r#"f"{a=!x}""#, r#"ERR f-string: invalid conversion character: expected 's', 'r', or 'a'"#),
        (r#"f"{a!r=}""#, r#"ERR f-string: expecting '}'"#),
        (r#"f"{a:{}}""#, r#"ERR f-string: empty expression not allowed"#),
        (r#"f"{a:{b!x}}""#, r#"ERR f-string: invalid conversion character: expected 's', 'r', or 'a'"#),
        (r#"f"{a[}""#, r#"ERR f-string: closing parenthesis '}' does not match opening parenthesis '['"#),
        (r#"f"{<""#, r#"ERR f-string: expecting '}'"#),
        (r#"rf'<\N{<'"#, r#"ERR f-string: expecting '}'"#),
    ];
    for (src, want) in cases {
        assert_eq!(&run_err(src), want, "\nsource: {src}");
    }
}

#[test]
fn error_locations() {
    // Non-ASCII bytes are reported at their token, everything else at the
    // token after the strings.
    let at = |src: &str| run(src).unwrap_err();
    let ascii = "bytes can only contain ASCII literal characters".to_string();
    assert_eq!(at("b\"\u{e9}\""), StringError::AtToken(ascii.clone(), 0));
    assert_eq!(at("b\"a\" b\"\u{e9}\""), StringError::AtToken(ascii.clone(), 1));
    assert_eq!(at("\"a\" b\"\u{e9}\""), StringError::AtToken(ascii, 1));
    assert_eq!(at("\"a\" b\"c\""), StringError::AtLastToken("cannot mix bytes and nonbytes literals".into()));
    assert!(matches!(at("f\"{}\""), StringError::AtLastToken(_)));
    assert!(matches!(at("f\"{a b}\""), StringError::Syntax(_)));
}

#[test]
fn expression_text_and_start() {
    // What the expression parser is handed.
    let src = "x = (f\"\"\"ab\n  { a!r:{b}}\"\"\" f'''{\nc}''')";
    let toks = string_tokens(src);
    let mut seen = Vec::new();
    let mut record = |text: &str, start: Pos| {
        seen.push((text.to_string(), start.line, start.col));
        fake_parse_expr(text, start)
    };
    parse_strings(src, &toks, &mut record).unwrap();
    assert_eq!(seen, vec![("( a)".to_string(), 2, 2), ("(b)".to_string(), 2, 8), ("(\nc)".to_string(), 2, 16)]);
}

#[test]
fn values() {
    let value = |src: &str| match parse_strings(src, &string_tokens(src), &mut fake_parse_expr).unwrap().kind {
        ExprKind::Constant { value, .. } => value,
        other => panic!("{other:?}"),
    };
    let mut s = Wtf8Buf::new();
    s.push_code_point(0xd83d);
    s.push_code_point(0xde00);
    // Escaped surrogates stay separate code points, even when they pair up.
    assert_eq!(value(r#""\ud83d" "\ude00""#), Constant::Str(s));
    assert_eq!(value("\"a\r\nb\""), Constant::Str("a\nb".into()));
    assert_eq!(value("b'\\xff\\x00'"), Constant::Bytes(vec![0xff, 0]));
}

#[test]
fn arbitrary_input_never_panics() {
    // Random bodies from an alphabet of the characters the scanners care
    // about, under every kind of prefix and quote.
    const ALPHABET: &[&str] = &[
        "{", "}", "[", "]", "(", ")", "!", ":", "=", "<", ">", "'", "\"", "\\", "#", "N", "x", "u", "U", "r", "s", "a",
        "0", "7", " ", "\n", "\r", "é", "😀", "\\N{", "{{", "}}", "'''", "\"\"\"",
    ];
    const PREFIXES: &[&str] = &["", "f", "rf", "b", "rb", "u", "r", "F", "Rb"];
    let mut seed: u64 = 0x2545F4914F6CDD1D;
    let mut next = |n: usize| {
        seed ^= seed << 13;
        seed ^= seed >> 7;
        seed ^= seed << 17;
        (seed % n as u64) as usize
    };
    for _ in 0..20000 {
        let mut src = String::new();
        for k in 0..1 + next(3) {
            if k > 0 {
                src.push(' ');
            }
            let quote = ["'", "\"", "'''", "\"\"\""][next(4)];
            src.push_str(PREFIXES[next(PREFIXES.len())]);
            src.push_str(quote);
            for _ in 0..next(12) {
                src.push_str(ALPHABET[next(ALPHABET.len())]);
            }
            src.push_str(quote);
        }
        // One token per literal, as the tokenizer would cut them (or not:
        // bodies may hold stray quotes; only "no panic" is checked).
        let toks = string_tokens_lenient(&src);
        let _ = parse_strings(&src, &toks, &mut fake_parse_expr);
    }
}

/// Tokens split at the spaces between literals, whatever they contain.
fn string_tokens_lenient(src: &str) -> Vec<Token> {
    let mut toks = Vec::new();
    let mut start = 0;
    for (i, c) in src.char_indices().chain(std::iter::once((src.len(), ' '))) {
        if c == ' ' && i > start && !src[start..i].contains(' ') {
            let p = |k: usize| Pos { line: 1, col: k as u32 };
            toks.push(Token {
                kind: crate::token::TokenKind::String,
                start: p(start),
                end: p(i),
                text_start: start as u32,
                text_end: i as u32,
            });
            start = i + 1;
        } else if c == ' ' {
            start = i + 1;
        }
    }
    toks
}
