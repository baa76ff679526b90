use super::*;
use crate::error::SyntaxErrorKind::{IndentationError, SyntaxError, TabError};
use crate::token::Keyword as K;
use TokenKind::*;

/// (kind, start line, start col, end line, end col, text) of each token.
fn toks(src: &str) -> Vec<(TokenKind, u32, u32, u32, u32, &str)> {
    let t = tokenize(src);
    assert!(t.error.is_none(), "unexpected error for {src:?}: {:?}", t.error);
    t.tokens.iter().map(|t| (t.kind, t.start.line, t.start.col, t.end.line, t.end.col, t.text(src))).collect()
}

fn kinds(src: &str) -> Vec<TokenKind> {
    toks(src).into_iter().map(|t| t.0).collect()
}

/// The kinds and texts of the tokens, without NEWLINE and ENDMARKER.
fn texts(src: &str) -> Vec<(TokenKind, &str)> {
    toks(src).into_iter().filter(|t| !matches!(t.0, Newline | EndMarker)).map(|t| (t.0, t.5)).collect()
}

fn kw(k: K) -> TokenKind {
    Keyword(k)
}

#[test]
fn simple_statement() {
    assert_eq!(
        toks("x = 1\n"),
        vec![
            (Name, 1, 0, 1, 1, "x"),
            (Equal, 1, 2, 1, 3, "="),
            (Number, 1, 4, 1, 5, "1"),
            (Newline, 1, 5, 1, 5, ""),
            (EndMarker, 1, 6, 1, 6, ""),
        ]
    );
}

#[test]
fn missing_final_newline_is_implied() {
    assert_eq!(
        toks("x"),
        vec![(Name, 1, 0, 1, 1, "x"), (Newline, 1, 1, 1, 1, ""), (EndMarker, 1, 2, 1, 2, "")]
    );
    assert_eq!(toks(""), vec![(EndMarker, 1, 1, 1, 1, "")]);
    assert_eq!(toks("\n\n"), vec![(EndMarker, 2, 1, 2, 1, "")]);
}

#[test]
fn newline_after_comment_starts_at_the_comment() {
    assert_eq!(
        toks("x  # comment\n# only a comment\n   \n"),
        vec![(Name, 1, 0, 1, 1, "x"), (Newline, 1, 3, 1, 12, ""), (EndMarker, 3, 4, 3, 4, "")]
    );
}

#[test]
fn keywords_and_names() {
    assert_eq!(
        texts("if not None: match _ case async await nonlocal"),
        vec![
            (kw(K::If), "if"),
            (kw(K::Not), "not"),
            (kw(K::None), "None"),
            (Colon, ":"),
            (Name, "match"),
            (Name, "_"),
            (Name, "case"),
            (kw(K::Async), "async"),
            (kw(K::Await), "await"),
            (kw(K::Nonlocal), "nonlocal"),
        ]
    );
    assert_eq!(texts("iff None_ Truex print"), vec![(Name, "iff"), (Name, "None_"), (Name, "Truex"), (Name, "print")]);
}

#[test]
fn non_ascii_names_have_byte_columns() {
    assert_eq!(
        toks("é = ℌx\n")[..3],
        [(Name, 1, 0, 1, 2, "é"), (Equal, 1, 3, 1, 4, "="), (Name, 1, 5, 1, 9, "ℌx")]
    );
    assert_eq!(texts("a·b _é ŉ"), vec![(Name, "a·b"), (Name, "_é"), (Name, "ŉ")]);
}

#[test]
fn normalized_identifiers() {
    assert!(matches!(normalize_identifier("abc"), Cow::Borrowed("abc")));
    assert!(matches!(normalize_identifier("é"), Cow::Borrowed("é")));
    assert_eq!(normalize_identifier("ℌ"), "H");
    assert_eq!(normalize_identifier("ﬁx"), "fix");
    assert_eq!(normalize_identifier("e\u{301}"), "é");
}

#[test]
fn printable() {
    assert!(is_printable('a') && is_printable(' ') && is_printable('€') && is_printable('·'));
    assert!(!is_printable('\x01') && !is_printable('\x7f') && !is_printable('\u{a0}'));
    assert!(!is_printable('\u{200b}') && !is_printable('\u{3000}') && !is_printable('\u{e000}'));
    assert!(!is_printable('\u{378}')); // unassigned
}

#[test]
fn every_operator() {
    let ops = [
        ("(", LPar), (")", RPar), ("[", LSqb), ("]", RSqb), (":", Colon), (",", Comma), (";", Semi),
        ("+", Plus), ("-", Minus), ("*", Star), ("/", Slash), ("|", VBar), ("&", Amper), ("<", Less),
        (">", Greater), ("=", Equal), (".", Dot), ("%", Percent), ("{", LBrace), ("}", RBrace),
        ("==", EqEqual), ("!=", NotEqual), ("<>", NotEqual), ("<=", LessEqual), (">=", GreaterEqual),
        ("~", Tilde), ("^", Circumflex), ("<<", LeftShift), (">>", RightShift), ("**", DoubleStar),
        ("+=", PlusEqual), ("-=", MinEqual), ("*=", StarEqual), ("/=", SlashEqual), ("%=", PercentEqual),
        ("&=", AmperEqual), ("|=", VBarEqual), ("^=", CircumflexEqual), ("<<=", LeftShiftEqual),
        (">>=", RightShiftEqual), ("**=", DoubleStarEqual), ("//", DoubleSlash), ("//=", DoubleSlashEqual),
        ("@", At), ("@=", AtEqual), ("->", RArrow), ("...", Ellipsis), (":=", ColonEqual),
        ("!", Exclamation), ("$", Unknown), ("?", Unknown), ("`", Unknown),
    ];
    for (text, kind) in ops {
        // Brackets must balance: put each alone between its pair.
        let src = match text {
            ")" => "()".to_string(),
            "]" => "[]".to_string(),
            "}" => "{}".to_string(),
            "(" | "[" | "{" => format!("{text}{}", &{ ["()", "[]", "{}"].iter().find(|p| p.starts_with(text)).unwrap() }[1..]),
            _ => format!("a {text} b"),
        };
        let t = texts(&src);
        assert!(t.iter().any(|&(k, s)| k == kind && s == text), "{text:?} in {src:?}: {t:?}");
    }
    // Longest match first, and dots.
    assert_eq!(texts("a**=-b"), vec![(Name, "a"), (DoubleStarEqual, "**="), (Minus, "-"), (Name, "b")]);
    assert_eq!(texts(".. .... "), vec![(Dot, "."), (Dot, "."), (Ellipsis, "..."), (Dot, ".")]);
    assert_eq!(texts("a->b<<=c"), vec![(Name, "a"), (RArrow, "->"), (Name, "b"), (LeftShiftEqual, "<<="), (Name, "c")]);
}

#[test]
fn numbers() {
    for n in [
        "0", "00", "0_0", "7", "1_000", "0x1F", "0X_f_f", "0o17", "0O_7", "0b1", "0B_1_0", "1.5", "1.", ".5",
        "1e5", "1E+5", "1e-5", "1_0.0_1e1_0", "1j", "1.5J", "1e5j", "0j", "00.5", "09.5", "0e0", "09e1", "09j",
        "0_9.5", "1_2j",
    ] {
        assert_eq!(texts(n), vec![(Number, n)], "{n}");
    }
    // A number followed by a keyword it may run into (CPython only warns).
    assert_eq!(
        texts("1if x else 2"),
        vec![(Number, "1"), (kw(K::If), "if"), (Name, "x"), (kw(K::Else), "else"), (Number, "2")]
    );
    assert_eq!(texts("0x1for"), vec![(Number, "0x1f"), (kw(K::Or), "or")]);
    assert_eq!(texts("1else"), vec![(Number, "1"), (kw(K::Else), "else")]);
    assert_eq!(texts("1.e5and"), vec![(Number, "1.e5"), (kw(K::And), "and")]);
    assert_eq!(texts("1jnot"), vec![(Number, "1j"), (kw(K::Not), "not")]);
    assert_eq!(texts("1is"), vec![(Number, "1"), (kw(K::Is), "is")]);
    assert_eq!(texts("1in"), vec![(Number, "1"), (kw(K::In), "in")]);
    assert_eq!(texts("1é"), vec![(Number, "1"), (Name, "é")]);
    assert_eq!(texts("1 .real"), vec![(Number, "1"), (Dot, "."), (Name, "real")]);
}

#[test]
fn string_prefixes() {
    let legal = [
        "", "r", "u", "R", "U", "f", "F", "fr", "Fr", "fR", "FR", "rf", "rF", "Rf", "RF", "b", "B", "br", "Br", "bR",
        "BR", "rb", "rB", "Rb", "RB",
    ];
    for prefix in legal {
        for quote in ["'", "\"", "'''", "\"\"\""] {
            let lit = format!("{prefix}{quote}a\\{quote}b{quote}");
            let src = format!("x = {lit}\n");
            assert_eq!(texts(&src), vec![(Name, "x"), (Equal, "="), (String, lit.as_str())], "{src:?}");
        }
    }
    for (src, name) in [("ur'x'", "ur"), ("bf'x'", "bf"), ("ub'x'", "ub"), ("fb'x'", "fb"), ("rr'x'", "rr"), ("bu'x'", "bu")] {
        assert_eq!(texts(src), vec![(Name, name), (String, "'x'")], "{src}");
    }
}

#[test]
fn string_forms() {
    assert_eq!(texts("'' \"\" '''''' 'a''b'"), vec![(String, "''"), (String, "\"\""), (String, "''''''"), (String, "'a'"), (String, "'b'")]);
    assert_eq!(texts(r"'\'' '\\' '\\\''"), vec![(String, r"'\''"), (String, r"'\\'"), (String, r"'\\\''")]);
    assert_eq!(texts("'''a'' '''"), vec![(String, "'''a'' '''")]);
    // Multi-line strings: start on the first line, end on the last.
    assert_eq!(
        toks("x = '''a\nb\n''' + f'x\\\ny'\n")[2..5],
        [(String, 1, 4, 3, 3, "'''a\nb\n'''"), (Plus, 3, 4, 3, 5, "+"), (String, 3, 6, 4, 2, "f'x\\\ny'")]
    );
    assert_eq!(texts("f'{x!r:>{width}}' rb'\\x'"), vec![(String, "f'{x!r:>{width}}'"), (String, "rb'\\x'")]);
}

#[test]
fn indentation() {
    let src = "if x:\n    y\n    if z:\n    \tw\n\n  # c\nv\n";
    assert_eq!(
        toks(src),
        vec![
            (kw(K::If), 1, 0, 1, 2, "if"),
            (Name, 1, 3, 1, 4, "x"),
            (Colon, 1, 4, 1, 5, ":"),
            (Newline, 1, 5, 1, 5, ""),
            (Indent, 2, 4, 2, 4, ""),
            (Name, 2, 4, 2, 5, "y"),
            (Newline, 2, 5, 2, 5, ""),
            (kw(K::If), 3, 4, 3, 6, "if"),
            (Name, 3, 7, 3, 8, "z"),
            (Colon, 3, 8, 3, 9, ":"),
            (Newline, 3, 9, 3, 9, ""),
            (Indent, 4, 5, 4, 5, ""),
            (Name, 4, 5, 4, 6, "w"),
            (Newline, 4, 6, 4, 6, ""),
            (Dedent, 7, 0, 7, 0, ""),
            (Dedent, 7, 0, 7, 0, ""),
            (Name, 7, 0, 7, 1, "v"),
            (Newline, 7, 1, 7, 1, ""),
            (EndMarker, 7, 2, 7, 2, ""),
        ]
    );
    // Dedents at the end of the input: on the last line, after it.
    assert_eq!(
        toks("if x:\n  y\n\n# c"),
        vec![
            (kw(K::If), 1, 0, 1, 2, "if"),
            (Name, 1, 3, 1, 4, "x"),
            (Colon, 1, 4, 1, 5, ":"),
            (Newline, 1, 5, 1, 5, ""),
            (Indent, 2, 2, 2, 2, ""),
            (Name, 2, 2, 2, 3, "y"),
            (Newline, 2, 3, 2, 3, ""),
            (Dedent, 4, 4, 4, 4, ""),
            (EndMarker, 4, 4, 4, 4, ""),
        ]
    );
    // Form feeds reset the column; tabs go to multiples of 8.
    assert_eq!(kinds("if x:\n\ta\n\tb\n \x0cc\n"), kinds("if x:\n a\n b\nc\n"));
    assert_eq!(kinds("if x:\n  \\\n  a\n  \\\nb\n"), kinds("if x:\n a\n b\n"));
}

#[test]
fn implicit_and_explicit_line_joining() {
    assert_eq!(
        kinds("x = (1,\n  2,\n\n # c\n 3)\n"),
        vec![Name, Equal, LPar, Number, Comma, Number, Comma, Number, RPar, Newline, EndMarker]
    );
    assert_eq!(kinds("x = 1 + \\\n  2\n"), vec![Name, Equal, Number, Plus, Number, Newline, EndMarker]);
    assert_eq!(toks("x = \\\n2")[2], (Number, 2, 0, 2, 1, "2"));
    assert_eq!(kinds("\\\nx\n"), vec![Name, Newline, EndMarker]);
    assert_eq!(kinds("[\n]\n"), vec![LSqb, RSqb, Newline, EndMarker]);
}

#[test]
fn nesting_limits() {
    let t = tokenize(&"(".repeat(200));
    assert_eq!(t.tokens.len(), 200);
    let e = t.error.unwrap();
    assert_eq!((e.msg.as_str(), e.lineno, e.offset, e.end_offset), ("'(' was never closed", 1, 200, 0));
    let t = tokenize(&"(".repeat(201));
    assert_eq!(t.tokens.len(), 200);
    let e = t.error.unwrap();
    assert_eq!((e.msg.as_str(), e.lineno, e.offset, e.end_offset), ("too many nested parentheses", 1, 201, 201));

    let deep: std::string::String = (0..101).map(|i| format!("{}if 1:\n", " ".repeat(i))).collect();
    let e = tokenize(&deep).error.unwrap();
    assert_eq!((e.kind, e.msg.as_str(), e.lineno, e.offset, e.end_offset), (IndentationError, "too many levels of indentation", 101, 1, 0));
    let ok: std::string::String = (0..99).map(|i| format!("{}if 1:\n", " ".repeat(i))).collect();
    assert_eq!(tokenize(&format!("{ok}{}x\n", " ".repeat(99))).error.map(|e| e.msg), None);
}

#[test]
fn tokens_before_an_error_are_kept() {
    let t = tokenize("x = (1,\ny = 'abc\n");
    assert_eq!(t.tokens.iter().map(|t| t.kind).collect::<Vec<_>>(), vec![Name, Equal, LPar, Number, Comma, Name, Equal]);
    assert!(t.error.unwrap().msg.starts_with("unterminated string literal"));
}

#[test]
fn no_panics_on_odd_input() {
    for src in ["\\", "'", "'''", "0x", "0b", "0o", "1e", "1_", "(", ")", "\t", "\x0c", " \\\n", "\r", "é\u{301}", "\u{feff}x", "0\\", "''\\", "\"\\"] {
        let _ = tokenize(src);
    }
}

/// (source, kind, message, lineno, offset, end lineno, end offset, text):
/// what python3.11's `ast.parse(source.encode())` reports (its end offset
/// -1 as 0).
/// Generated by tests/tokenizer/check_errors.py --emit-rust.
type ErrorCase = (&'static str, SyntaxErrorKind, &'static str, u32, u32, u32, u32, Option<&'static str>);

#[rustfmt::skip]
const ERRORS: &[ErrorCase] = &[
    ("x = )", SyntaxError, "unmatched ')'", 1, 5, 1, 5, Some("x = )")),
    ("x = (]", SyntaxError, "closing parenthesis ']' does not match opening parenthesis '('", 1, 6, 1, 6, Some("x = (]")),
    ("x = (\n]", SyntaxError, "closing parenthesis ']' does not match opening parenthesis '(' on line 1", 2, 1, 2, 1, Some("]")),
    ("x = [1,\n 2", SyntaxError, "'[' was never closed", 1, 5, 1, 0, Some("x = [1,")),
    ("x = {", SyntaxError, "'{' was never closed", 1, 5, 1, 0, Some("x = {\n")),
    ("f(\n  a,\n  b\n", SyntaxError, "'(' was never closed", 1, 2, 1, 0, Some("f(")),
    ("x = (\n\n", SyntaxError, "'(' was never closed", 1, 5, 1, 0, Some("x = (")),
    ("x = (1,", SyntaxError, "'(' was never closed", 1, 5, 1, 0, Some("x = (1,\n")),
    ("if x:\n  y = (\n", SyntaxError, "'(' was never closed", 2, 7, 2, 0, Some("  y = (\n")),
    ("x = (1 + \\\n", SyntaxError, "'(' was never closed", 1, 5, 1, 0, Some("x = (1 + \\\n")),
    ("x = (1 +\n 2 +  # c\n", SyntaxError, "'(' was never closed", 1, 5, 1, 0, Some("x = (1 +")),
    ("éé = )", SyntaxError, "unmatched ')'", 1, 6, 1, 6, Some("éé = )")),
    ("a = [(})]", SyntaxError, "closing parenthesis '}' does not match opening parenthesis '('", 1, 7, 1, 7, Some("a = [(})]")),
    ("x = {\n\n\n)", SyntaxError, "closing parenthesis ')' does not match opening parenthesis '{' on line 1", 4, 1, 4, 1, Some(")")),
    ("((\n)]", SyntaxError, "closing parenthesis ']' does not match opening parenthesis '(' on line 1", 2, 2, 2, 2, Some(")]")),
    ("x = 'abc", SyntaxError, "unterminated string literal (detected at line 1)", 1, 5, 1, 5, Some("x = 'abc")),
    ("x = \"abc\ny=2", SyntaxError, "unterminated string literal (detected at line 1)", 1, 5, 1, 5, Some("x = \"abc")),
    ("x = '''abc", SyntaxError, "unterminated triple-quoted string literal (detected at line 1)", 1, 5, 1, 5, Some("x = '''abc")),
    ("x = \"\"\"abc\n\ny=2", SyntaxError, "unterminated triple-quoted string literal (detected at line 3)", 1, 5, 1, 5, Some("x = \"\"\"abc")),
    ("x = f\"abc", SyntaxError, "unterminated string literal (detected at line 1)", 1, 5, 1, 5, Some("x = f\"abc")),
    ("x = 'abc\\\ndef", SyntaxError, "unterminated string literal (detected at line 2)", 1, 5, 1, 5, Some("x = 'abc\\")),
    ("x = 'abc\\\n", SyntaxError, "unterminated string literal (detected at line 1)", 1, 5, 1, 5, Some("x = 'abc\\")),
    ("x = 'ab\\'", SyntaxError, "unterminated string literal (detected at line 1)", 1, 5, 1, 5, Some("x = 'ab\\'")),
    ("x = '€", SyntaxError, "unterminated string literal (detected at line 1)", 1, 5, 1, 5, Some("x = '€")),
    ("é = '€", SyntaxError, "unterminated string literal (detected at line 1)", 1, 5, 1, 5, Some("é = '€")),
    ("x = rb'a", SyntaxError, "unterminated string literal (detected at line 1)", 1, 5, 1, 5, Some("x = rb'a")),
    ("x = Rb'''\n\n", SyntaxError, "unterminated triple-quoted string literal (detected at line 2)", 1, 5, 1, 5, Some("x = Rb'''")),
    ("x = 'a' 'b", SyntaxError, "unterminated string literal (detected at line 1)", 1, 9, 1, 9, Some("x = 'a' 'b")),
    ("x=1\\\n", SyntaxError, "unexpected EOF while parsing", 1, 5, 1, 0, Some("x=1\\\n")),
    ("x=1\\", SyntaxError, "unexpected EOF while parsing", 1, 5, 1, 0, Some("x=1\\\n")),
    ("x = 1 + \\\n", SyntaxError, "unexpected EOF while parsing", 1, 10, 1, 0, Some("x = 1 + \\\n")),
    ("a \\ b", SyntaxError, "unexpected character after line continuation character", 1, 4, 1, 0, Some("a \\ b\n")),
    ("a = 1 \\", SyntaxError, "unexpected EOF while parsing", 1, 8, 1, 0, Some("a = 1 \\\n")),
    ("x=1\n\\\n", SyntaxError, "unexpected EOF while parsing", 2, 2, 2, 0, Some("\\\n")),
    ("\\\n", SyntaxError, "unexpected EOF while parsing", 1, 2, 1, 0, Some("\\\n")),
    ("if x:\n    pass\n  \\\n", SyntaxError, "unexpected EOF while parsing", 3, 4, 3, 0, Some("  \\\n")),
    ("x = 1 \\ # c\n", SyntaxError, "unexpected character after line continuation character", 1, 8, 1, 0, Some("x = 1 \\ # c\n")),
    ("  \\ x\n", SyntaxError, "unexpected character after line continuation character", 1, 4, 1, 0, Some("  \\ x\n")),
    ("x = 'a' \\\n\\\n", SyntaxError, "unexpected EOF while parsing", 2, 2, 2, 0, Some("x = 'a' \\\n\\\n")),
    ("if 1:\n  x\n y\n", IndentationError, "unindent does not match any outer indentation level", 3, 3, 3, 0, Some(" y\n")),
    ("if x:\n    y\n  z\n", IndentationError, "unindent does not match any outer indentation level", 3, 4, 3, 0, Some("  z\n")),
    ("if x:\n\tpass\n        pass\n", TabError, "inconsistent use of tabs and spaces in indentation", 3, 1, 3, 0, Some("        pass\n")),
    ("if x:\n        pass\n\tpass\n", TabError, "inconsistent use of tabs and spaces in indentation", 3, 1, 3, 0, Some("\tpass\n")),
    ("if x:\n\ty\n    \tz\n", TabError, "inconsistent use of tabs and spaces in indentation", 3, 1, 3, 0, Some("    \tz\n")),
    ("if 1:\n  if 2:\n    x\n   y\n", IndentationError, "unindent does not match any outer indentation level", 4, 5, 4, 0, Some("   y\n")),
    ("if 1:\n\tif 2:\n\t\tx\n\t        y\n", TabError, "inconsistent use of tabs and spaces in indentation", 4, 1, 4, 0, Some("\t        y\n")),
    ("x = 0777", SyntaxError, "leading zeros in decimal integer literals are not permitted; use an 0o prefix for octal integers", 1, 5, 1, 6, Some("x = 0777")),
    ("1_a", SyntaxError, "invalid decimal literal", 1, 2, 1, 2, Some("1_a")),
    ("0x", SyntaxError, "invalid hexadecimal literal", 1, 2, 1, 2, Some("0x")),
    ("1.e", SyntaxError, "invalid decimal literal", 1, 2, 1, 2, Some("1.e")),
    ("0o8", SyntaxError, "invalid digit '8' in octal literal", 1, 3, 1, 3, Some("0o8")),
    ("0b12", SyntaxError, "invalid digit '2' in binary literal", 1, 4, 1, 4, Some("0b12")),
    ("1e+", SyntaxError, "invalid decimal literal", 1, 3, 1, 3, Some("1e+")),
    ("1__0", SyntaxError, "invalid decimal literal", 1, 2, 1, 2, Some("1__0")),
    ("1_", SyntaxError, "invalid decimal literal", 1, 2, 1, 2, Some("1_")),
    ("0_", SyntaxError, "invalid decimal literal", 1, 2, 1, 2, Some("0_")),
    ("09", SyntaxError, "leading zeros in decimal integer literals are not permitted; use an 0o prefix for octal integers", 1, 1, 1, 2, Some("09")),
    ("1jx", SyntaxError, "invalid imaginary literal", 1, 2, 1, 2, Some("1jx")),
    ("x = 0x_", SyntaxError, "invalid hexadecimal literal", 1, 7, 1, 7, Some("x = 0x_")),
    ("x = 0x1_", SyntaxError, "invalid hexadecimal literal", 1, 8, 1, 8, Some("x = 0x1_")),
    ("x = 0o", SyntaxError, "invalid octal literal", 1, 6, 1, 6, Some("x = 0o")),
    ("x = 0o1_8", SyntaxError, "invalid digit '8' in octal literal", 1, 9, 1, 9, Some("x = 0o1_8")),
    ("x = 0b", SyntaxError, "invalid binary literal", 1, 6, 1, 6, Some("x = 0b")),
    ("x = 0b2", SyntaxError, "invalid digit '2' in binary literal", 1, 7, 1, 7, Some("x = 0b2")),
    ("1.5jk", SyntaxError, "invalid imaginary literal", 1, 4, 1, 4, Some("1.5jk")),
    ("1.5e3k", SyntaxError, "invalid decimal literal", 1, 5, 1, 5, Some("1.5e3k")),
    ("1e_3", SyntaxError, "invalid decimal literal", 1, 1, 1, 1, Some("1e_3")),
    ("0_7", SyntaxError, "leading zeros in decimal integer literals are not permitted; use an 0o prefix for octal integers", 1, 1, 1, 3, Some("0_7")),
    ("007", SyntaxError, "leading zeros in decimal integer literals are not permitted; use an 0o prefix for octal integers", 1, 1, 1, 3, Some("007")),
    ("0x1g", SyntaxError, "invalid hexadecimal literal", 1, 3, 1, 3, Some("0x1g")),
    ("0o7x", SyntaxError, "invalid octal literal", 1, 3, 1, 3, Some("0o7x")),
    ("0b1x", SyntaxError, "invalid binary literal", 1, 3, 1, 3, Some("0b1x")),
    ("1.5x", SyntaxError, "invalid decimal literal", 1, 3, 1, 3, Some("1.5x")),
    ("1.x", SyntaxError, "invalid decimal literal", 1, 2, 1, 2, Some("1.x")),
    ("0x1else", SyntaxError, "invalid hexadecimal literal", 1, 4, 1, 4, Some("0x1else")),
    ("1€", SyntaxError, "invalid character '€' (U+20AC)", 1, 2, 1, 2, Some("1€")),
    ("1.5e-", SyntaxError, "invalid decimal literal", 1, 5, 1, 5, Some("1.5e-")),
    ("x = 1e", SyntaxError, "invalid decimal literal", 1, 5, 1, 5, Some("x = 1e")),
    ("0b1_2", SyntaxError, "invalid digit '2' in binary literal", 1, 5, 1, 5, Some("0b1_2")),
    ("0o1_", SyntaxError, "invalid octal literal", 1, 4, 1, 4, Some("0o1_")),
    ("0b_", SyntaxError, "invalid binary literal", 1, 3, 1, 3, Some("0b_")),
    ("00x", SyntaxError, "invalid decimal literal", 1, 2, 1, 2, Some("00x")),
    ("0_0_1", SyntaxError, "leading zeros in decimal integer literals are not permitted; use an 0o prefix for octal integers", 1, 1, 1, 5, Some("0_0_1")),
    ("é = 0777", SyntaxError, "leading zeros in decimal integer literals are not permitted; use an 0o prefix for octal integers", 1, 6, 1, 7, Some("é = 0777")),
    ("1_000_", SyntaxError, "invalid decimal literal", 1, 6, 1, 6, Some("1_000_")),
    ("0e", SyntaxError, "invalid decimal literal", 1, 1, 1, 1, Some("0e")),
    ("0.e1x", SyntaxError, "invalid decimal literal", 1, 4, 1, 4, Some("0.e1x")),
    ("1_000.0_", SyntaxError, "invalid decimal literal", 1, 8, 1, 8, Some("1_000.0_")),
    (".5_", SyntaxError, "invalid decimal literal", 1, 3, 1, 3, Some(".5_")),
    ("5.j_", SyntaxError, "invalid imaginary literal", 1, 3, 1, 3, Some("5.j_")),
    ("x = \u{1}", SyntaxError, "invalid non-printable character U+0001", 1, 5, 1, 5, Some("x = \u{1}")),
    ("x = a\u{200b}b", SyntaxError, "invalid non-printable character U+200B", 1, 6, 1, 6, Some("x = a\u{200b}b")),
    ("x = \u{3000}", SyntaxError, "invalid non-printable character U+3000", 1, 5, 1, 5, Some("x = \u{3000}")),
    ("x² = 1", SyntaxError, "invalid character '²' (U+00B2)", 1, 2, 1, 2, Some("x² = 1")),
    ("²x", SyntaxError, "invalid character '²' (U+00B2)", 1, 1, 1, 1, Some("²x")),
    ("x = €", SyntaxError, "invalid character '€' (U+20AC)", 1, 5, 1, 5, Some("x = €")),
    ("x = a\u{a0}b", SyntaxError, "invalid non-printable character U+00A0", 1, 6, 1, 6, Some("x = a\u{a0}b")),
    ("·a", SyntaxError, "invalid character '·' (U+00B7)", 1, 1, 1, 1, Some("·a")),
    ("x = \u{7f}", SyntaxError, "invalid non-printable character U+007F", 1, 5, 1, 5, Some("x = \u{7f}")),
    ("x = 'a' \u{b}", SyntaxError, "invalid non-printable character U+000B", 1, 9, 1, 9, Some("x = 'a' \u{b}")),
    ("def f€(): pass", SyntaxError, "invalid character '€' (U+20AC)", 1, 6, 1, 6, Some("def f€(): pass")),
    ("x = '''a\nb''' \\ y", SyntaxError, "unexpected character after line continuation character", 2, 16, 2, 0, Some("x = '''a\nb''' \\ y\n")),
    ("x = '''a\nb''' + (\n", SyntaxError, "'(' was never closed", 2, 8, 2, 0, Some("x = '''a\nb''' + (\n")),
    ("x = '''a\nb''' + )", SyntaxError, "unmatched ')'", 2, 8, 2, 8, Some("b''' + )")),
    ("s = '''\n€''' ; é €", SyntaxError, "invalid character '€' (U+20AC)", 2, 10, 2, 10, Some("€''' ; é €")),
    ("x = 1 + \\\n  2 + \\ 3", SyntaxError, "unexpected character after line continuation character", 2, 18, 2, 0, Some("x = 1 + \\\n  2 + \\ 3\n")),
    ("x = (\n  1 +\n  \\ 2)", SyntaxError, "unexpected character after line continuation character", 3, 4, 3, 0, Some("  \\ 2)\n")),
    ("def f():\n  x = '''\n  '''\n z\n", IndentationError, "unindent does not match any outer indentation level", 4, 3, 4, 0, Some(" z\n")),
    ("x = 'a\\\nb\\\nc", SyntaxError, "unterminated string literal (detected at line 3)", 1, 5, 1, 5, Some("x = 'a\\")),
    ("x = (\n'''\n''' $ )\n]", SyntaxError, "unmatched ']'", 4, 1, 4, 1, Some("]")),
    ("x = '''\n''' + \\\n(", SyntaxError, "'(' was never closed", 3, 1, 3, 0, Some("x = '''\n''' + \\\n(\n")),
    ("if 1:\n  x = '''\n'''\n\ty\n", TabError, "inconsistent use of tabs and spaces in indentation", 4, 1, 4, 0, Some("\ty\n")),
    ("if 1:\n\u{c}\tx\n  y\n", IndentationError, "unindent does not match any outer indentation level", 3, 4, 3, 0, Some("  y\n")),
    ("if x:\n  a\n\t\tb\n", TabError, "inconsistent use of tabs and spaces in indentation", 3, 1, 3, 0, Some("\t\tb\n")),
    ("if 1:\n        x\n\ty\n\t z\n", TabError, "inconsistent use of tabs and spaces in indentation", 3, 1, 3, 0, Some("\ty\n")),
    ("if 1:\n \tx\n\ty\n", TabError, "inconsistent use of tabs and spaces in indentation", 3, 1, 3, 0, Some("\ty\n")),
    ("if 1:\n\t x\n        y\n", IndentationError, "unindent does not match any outer indentation level", 3, 10, 3, 0, Some("        y\n")),
    ("x = 1\u{0}", SyntaxError, "source code string cannot contain null bytes", 0, 0, 0, 0, None),
];

#[test]
fn errors_match_cpython() {
    for &(src, kind, msg, lineno, offset, end_lineno, end_offset, text) in ERRORS {
        let e = tokenize_with(src, ErrorColumns::Bytes).error.unwrap_or_else(|| panic!("no error for {src:?}"));
        assert_eq!(
            (e.kind, e.msg.as_str(), e.lineno, e.offset, e.end_lineno, e.end_offset, e.text.as_deref()),
            (kind, msg, lineno, offset, end_lineno, end_offset, text),
            "{src:?}"
        );
    }
}

/// Random sources built from the characters that matter to the tokenizer:
/// no panic, tokens in order, their texts on character boundaries.
#[test]
fn random_sources_do_not_panic() {
    const PIECES: &[&str] = &[
        " ", "  ", "\t", "\x0c", "\n", "\\", "\\\n", "#", "'", "\"", "'''", "\"\"\"", "(", ")", "[", "]", "{", "}",
        "0", "1", "9", "0x", "0o", "0b", "_", ".", "e", "E", "j", "+", "-", "=", "<", ">", "!", "*", "/", ":", "a",
        "if", "else", "r", "b", "f", "u", "é", "€", "\u{a0}", "\u{301}", "\x01", "$", "\r",
    ];
    let mut seed: u64 = 0x9E37_79B9_7F4A_7C15;
    let mut next = move || {
        seed ^= seed << 13;
        seed ^= seed >> 7;
        seed ^= seed << 17;
        seed
    };
    for _ in 0..20_000 {
        let len = (next() % 24) as usize;
        let src: std::string::String = (0..len).map(|_| PIECES[(next() % PIECES.len() as u64) as usize]).collect();
        let t = tokenize(&src);
        let mut last = Pos { line: 0, col: 0 };
        for tok in &t.tokens {
            assert!(tok.start >= last && tok.end >= tok.start, "{src:?}: {tok:?}");
            assert!(src.get(tok.text_start as usize..tok.text_end as usize).is_some(), "{src:?}: {tok:?}");
            last = tok.start;
        }
        if let Some(e) = &t.error {
            assert!(!e.msg.is_empty());
        } else {
            assert_eq!(t.tokens.last().map(|t| t.kind), Some(EndMarker), "{src:?}");
        }
    }
}

#[test]
fn parser_raised_error_columns() {
    // Bytes without declared encoding: UTF-8 bytes; else characters. The
    // tokenizer's own errors count characters either way.
    let cases = [
        ("é = (", "'(' was never closed", 6, 5),
        ("é\\", "unexpected EOF while parsing", 4, 3),
        ("é \\ x", "unexpected character after line continuation character", 5, 4),
        ("é = )", "unmatched ')'", 5, 5),
    ];
    for (src, msg, bytes_offset, chars_offset) in cases {
        let e = tokenize_with(src, ErrorColumns::Bytes).error.unwrap();
        assert_eq!((e.msg.as_str(), e.offset), (msg, bytes_offset), "{src:?}");
        let e = tokenize(src).error.unwrap();
        assert_eq!((e.msg.as_str(), e.offset), (msg, chars_offset), "{src:?}");
    }
}

#[test]
fn raised_and_status_errors() {
    let t = tokenize("x = [\n\tif 1:\n\\:f");
    assert!(!t.error_is_raised);
    assert_eq!(t.error.unwrap().msg, "unexpected character after line continuation character");
    let u = t.unclosed_bracket.unwrap();
    assert_eq!((u.msg.as_str(), u.lineno, u.offset, u.end_offset, u.text.as_deref()), ("'[' was never closed", 1, 5, 0, Some("x = [")));

    let t = tokenize("x = \\ y");
    assert!(!t.error_is_raised && t.unclosed_bracket.is_none());
    let t = tokenize("x = (1 +\n 0777)");
    assert!(t.error_is_raised && t.unclosed_bracket.is_none());
    let t = tokenize("x = 1");
    assert!(t.error.is_none() && t.error_is_raised && t.unclosed_bracket.is_none());
}

#[test]
fn numbers_running_into_keywords_warn() {
    let cases = [
        ("1if 1 else 2", "invalid decimal literal", 1),
        ("x = [0x1for x in y]", "invalid hexadecimal literal", 9),
        ("x = 1.5jand 2", "invalid imaginary literal", 8),
        ("é = 1or 2", "invalid decimal literal", 5),
        ("1e1if 1 else 2", "invalid decimal literal", 3),
    ];
    for (src, msg, offset) in cases {
        let t = tokenize(src);
        assert!(t.error.is_none(), "{src:?}");
        let w: Vec<_> = t.warnings.iter().map(|w| (w.msg.as_str(), w.lineno, w.offset, w.end_offset)).collect();
        assert_eq!(w, vec![(msg, 1, offset, offset)], "{src:?}");
        assert_eq!(t.warnings[0].text.as_deref(), Some(src));
    }
    assert!(tokenize("1 if 1 else 2").warnings.is_empty());
}
