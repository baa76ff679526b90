//! SyntaxError and its subclasses, carrying what CPython's SyntaxError carries.

use std::fmt;

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum SyntaxErrorKind {
    SyntaxError,
    IndentationError,
    TabError,
    /// Not a SyntaxError: CPython 3.11 raises a bare `MemoryError` when the
    /// source nests deeper than its parser's stack limit.
    MemoryError,
    /// Not a SyntaxError either: a tree too deep to build (a very long
    /// `a+b+...` chain), which CPython 3.11 reports as a RecursionError
    /// "maximum recursion depth exceeded during ast construction".
    RecursionError,
}

impl SyntaxErrorKind {
    /// Whether this is one of the SyntaxError classes (with a location to show).
    pub fn is_syntax_error(self) -> bool {
        matches!(self, SyntaxErrorKind::SyntaxError | SyntaxErrorKind::IndentationError | SyntaxErrorKind::TabError)
    }

    pub fn name(self) -> &'static str {
        match self {
            SyntaxErrorKind::SyntaxError => "SyntaxError",
            SyntaxErrorKind::IndentationError => "IndentationError",
            SyntaxErrorKind::TabError => "TabError",
            SyntaxErrorKind::MemoryError => "MemoryError",
            SyntaxErrorKind::RecursionError => "RecursionError",
        }
    }
}

/// A syntax error as Python sees it: `SyntaxError(msg, (filename, lineno,
/// offset, text, end_lineno, end_offset))`. Offsets are 1-based and count
/// characters (code points) of the line, as CPython reports them; 0 means
/// "no column".
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct SyntaxError {
    pub kind: SyntaxErrorKind,
    pub msg: String,
    pub filename: String,
    pub lineno: u32,
    pub offset: u32,
    pub end_lineno: u32,
    pub end_offset: u32,
    /// The source line the error is on (with its newline, as CPython keeps it), if known.
    pub text: Option<String>,
    /// False when CPython gives the error no location at all (filename,
    /// lineno, offset and text all None), as for null bytes in the source:
    /// it is then printed as `SyntaxError: msg` alone.
    pub located: bool,
}

impl SyntaxError {
    pub fn new(kind: SyntaxErrorKind, msg: impl Into<String>) -> Self {
        SyntaxError {
            kind,
            msg: msg.into(),
            filename: String::from("<unknown>"),
            lineno: 0,
            offset: 0,
            end_lineno: 0,
            end_offset: 0,
            text: None,
            located: true,
        }
    }
}

impl fmt::Display for SyntaxError {
    /// `str(exc)`: `msg (filename, line N)`.
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        if self.located {
            write!(f, "{} ({}, line {})", self.msg, self.filename, self.lineno)
        } else {
            write!(f, "{}", self.msg)
        }
    }
}

impl std::error::Error for SyntaxError {}


impl SyntaxError {
    /// What python3 prints to stderr when this is emitted as a SyntaxWarning
    /// (`warnings.formatwarning`): `file:line: SyntaxWarning: msg` and the
    /// stripped source line.
    pub fn warning_text(&self) -> String {
        let mut out = format!("{}:{}: SyntaxWarning: {}\n", self.filename, self.lineno, self.msg);
        if let Some(line) = self.text.as_deref().map(str::trim).filter(|l| !l.is_empty()) {
            out.push_str("  ");
            out.push_str(line);
            out.push('\n');
        }
        out
    }

    /// What `python3` prints to stderr for this error when it is uncaught:
    /// the `File "...", line N` line, the source line, the caret line and
    /// `Kind: msg` (CPython 3.11's `print_exception` and `print_error_text`
    /// in Python/pythonrun.c).
    ///
    /// CPython does this arithmetic on the UTF-8 bytes of the line while the
    /// offsets count characters, so carets after non-ASCII text land where
    /// CPython puts them, not under the character: that is reproduced.
    pub fn traceback_text(&self) -> String {
        let mut out = String::new();
        if self.located && self.kind.is_syntax_error() {
            out = format!("  File \"{}\", line {}\n", self.filename, self.lineno);
        }
        let shows_text = self.located && self.kind.is_syntax_error();
        if let (Some(text), true) = (&self.text, shows_text) {
            // 0 stands for CPython's 0 and None alike; both give no caret.
            let offset = i64::from(self.offset);
            let line_size = text.len() as i64;
            // CPython only reads the end of an error of class SyntaxError
            // itself: its subclasses get a single caret.
            let mut end_offset = match self.kind {
                SyntaxErrorKind::SyntaxError if self.end_lineno > self.lineno => {
                    // Multi-line errors are underlined to the end of the first line.
                    line_size
                }
                SyntaxErrorKind::SyntaxError => i64::from(self.end_offset),
                _ => 0,
            };
            end_offset = end_offset.min(line_size + 1);
            push_error_text(&mut out, offset, end_offset, text);
        }
        out.push_str(self.kind.name());
        if !self.msg.is_empty() {
            out.push_str(": ");
            out.push_str(&self.msg);
        }
        out.push('\n');
        out
    }
}

/// The source line and caret line of [`SyntaxError::traceback_text`].
fn push_error_text(out: &mut String, offset: i64, end_offset: i64, text: &str) {
    let carets = if end_offset > 0 && end_offset > offset { end_offset - offset } else { 1 };
    // CPython handles the text as a C string: it ends at the first NUL.
    let mut text = text.as_bytes();
    if let Some(nul) = text.iter().position(|&b| b == 0) {
        text = &text[..nul];
    }
    let mut offset = offset - 1;
    // Leading blanks are not shown; the caret moves left with them.
    while let [b' ' | b'\t' | b'\x0c', rest @ ..] = text {
        text = rest;
        offset -= 1;
    }
    let mut len = text.len() as i64;
    if text.last() == Some(&b'\n') {
        len -= 1;
    }
    offset = offset.min(len);
    // When the text holds several lines, show from the one the offset is on.
    while let Some(nl) = text.iter().position(|&b| b == b'\n') {
        let nl = nl as i64;
        if nl >= offset {
            break;
        }
        text = &text[nl as usize + 1..];
        len -= nl + 1;
        offset -= nl + 1;
    }
    out.push_str("    ");
    out.push_str(&String::from_utf8_lossy(text));
    if usize::try_from(len).ok().and_then(|l| text.get(l)) != Some(&b'\n') {
        out.push('\n');
    }
    if offset < 0 {
        return;
    }
    out.push_str("    ");
    out.extend(std::iter::repeat(' ').take(offset as usize));
    out.extend(std::iter::repeat('^').take(carets as usize));
    out.push('\n');
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Expected outputs are what python3.11's `sys.__excepthook__` prints for
    /// `SyntaxError(msg, ("f.py", lineno, offset, text, end_lineno, end_offset))`.
    fn check(lineno: u32, offset: u32, text: Option<&str>, end_lineno: u32, end_offset: u32, msg: &str, expected: &str) {
        let mut e = SyntaxError::new(SyntaxErrorKind::SyntaxError, msg);
        e.filename = "f.py".into();
        e.lineno = lineno;
        e.offset = offset;
        e.end_lineno = end_lineno;
        e.end_offset = end_offset;
        e.text = text.map(str::to_string);
        assert_eq!(e.traceback_text(), expected);
    }

    #[test]
    fn traceback_text_matches_cpython() {
        let m = "invalid syntax";
        check(1, 5, Some("x = (1 2)\n"), 1, 8, m, "  File \"f.py\", line 1\n    x = (1 2)\n        ^^^\nSyntaxError: invalid syntax\n");
        check(3, 9, Some("    y = 1 +\n"), 3, 10, m, "  File \"f.py\", line 3\n    y = 1 +\n        ^\nSyntaxError: invalid syntax\n");
        check(2, 3, Some("\t\tfoo bar\n"), 2, 6, m, "  File \"f.py\", line 2\n    foo bar\n    ^^^\nSyntaxError: invalid syntax\n");
        check(1, 6, Some("a\tb = 1 2\n"), 1, 7, m, "  File \"f.py\", line 1\n    a\tb = 1 2\n         ^\nSyntaxError: invalid syntax\n");
        check(1, 11, Some("x = \"é\" + €"), 1, 11, m, "  File \"f.py\", line 1\n    x = \"é\" + €\n              ^\nSyntaxError: invalid syntax\n");
        check(1, 8, Some("print 1\n"), 1, 8, m, "  File \"f.py\", line 1\n    print 1\n           ^\nSyntaxError: invalid syntax\n");
        check(1, 20, Some("if x\n"), 1, 25, m, "  File \"f.py\", line 1\n    if x\n        ^\nSyntaxError: invalid syntax\n");
        check(4, 0, None, 4, 0, m, "  File \"f.py\", line 4\nSyntaxError: invalid syntax\n");
        check(2, 0, Some("foo(\n"), 2, 0, m, "  File \"f.py\", line 2\n    foo(\nSyntaxError: invalid syntax\n");
        check(1, 5, Some("x = (1 +\n"), 3, 2, m, "  File \"f.py\", line 1\n    x = (1 +\n        ^^^^\nSyntaxError: invalid syntax\n");
        check(2, 7, Some("a = 1\nb = (2 3)\n"), 2, 9, m, "  File \"f.py\", line 2\n    b = (2 3)\n    ^^\nSyntaxError: invalid syntax\n");
        check(1, 3, Some("\x0c  x y\n"), 1, 6, m, "  File \"f.py\", line 1\n    x y\nSyntaxError: invalid syntax\n");
        check(1, 5, Some("abc def ghi\n"), 1, 2, m, "  File \"f.py\", line 1\n    abc def ghi\n        ^\nSyntaxError: invalid syntax\n");
        check(1, 1, Some("x\n"), 1, 2, "", "  File \"f.py\", line 1\n    x\n    ^\nSyntaxError\n");
        check(1, 3, Some("a b"), 1, 4, m, "  File \"f.py\", line 1\n    a b\n      ^\nSyntaxError: invalid syntax\n");
    }

    #[test]
    fn error_without_location() {
        let mut e = SyntaxError::new(SyntaxErrorKind::SyntaxError, "source code string cannot contain null bytes");
        e.filename = "f.py".into();
        e.located = false;
        assert_eq!(e.traceback_text(), "SyntaxError: source code string cannot contain null bytes\n");
        assert_eq!(e.to_string(), "source code string cannot contain null bytes");
        // Line 0 is still a location (an unknown coding cookie).
        e.located = true;
        e.msg = "unknown encoding: x".into();
        assert_eq!(e.traceback_text(), "  File \"f.py\", line 0\nSyntaxError: unknown encoding: x\n");
        assert_eq!(e.to_string(), "unknown encoding: x (f.py, line 0)");
    }

    #[test]
    fn memory_error_is_printed_alone() {
        let mut e = SyntaxError::new(SyntaxErrorKind::MemoryError, "");
        e.filename = "f.py".into();
        e.lineno = 1;
        e.offset = 3;
        e.text = Some("----1\n".into());
        assert_eq!(e.traceback_text(), "MemoryError\n");
        e.kind = SyntaxErrorKind::RecursionError;
        e.msg = "maximum recursion depth exceeded during ast construction".into();
        assert_eq!(e.traceback_text(), "RecursionError: maximum recursion depth exceeded during ast construction\n");
    }

    #[test]
    fn traceback_text_names_the_subclass() {
        // Only SyntaxError itself is underlined over its whole range.
        let mut e = SyntaxError::new(SyntaxErrorKind::IndentationError, "msg");
        e.filename = "f.py".into();
        e.lineno = 2;
        e.offset = 1;
        e.end_lineno = 2;
        e.end_offset = 5;
        e.text = Some("pass\n".into());
        assert_eq!(e.traceback_text(), "  File \"f.py\", line 2\n    pass\n    ^\nIndentationError: msg\n");
        e.kind = SyntaxErrorKind::TabError;
        e.offset = 3;
        e.end_lineno = 3;
        assert_eq!(e.traceback_text(), "  File \"f.py\", line 2\n    pass\n      ^\nTabError: msg\n");
    }
}
