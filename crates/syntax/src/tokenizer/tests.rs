use super::*;
use TokenKind::*;

fn kinds(src: &str) -> Vec<TokenKind> {
    let t = tokenize(src);
    assert!(t.error.is_none(), "unexpected error {:?}", t.error);
    t.tokens.iter().map(|t| t.kind).collect()
}

#[test]
fn simple_statement() {
    let src = "x = 1\n";
    let t = tokenize(src);
    assert!(t.error.is_none());
    let got: Vec<_> = t.tokens.iter().map(|t| (t.kind, t.start.line, t.start.col, t.end.line, t.end.col, t.text(src))).collect();
    assert_eq!(
        got,
        vec![
            (Name, 1, 0, 1, 1, "x"),
            (Equal, 1, 2, 1, 3, "="),
            (Number, 1, 4, 1, 5, "1"),
            (Newline, 1, 5, 1, 5, ""),
            (EndMarker, 1, 6, 1, 6, ""),
        ]
    );
}
