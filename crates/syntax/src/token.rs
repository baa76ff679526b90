//! Tokens of Python 3.11, as CPython's tokenizer produces them (see the
//! `token` module). Keywords are classified by the tokenizer so the parser
//! compares small integers, not strings; soft keywords (`match`, `case`, `_`)
//! stay `Name`.

/// A position in the source: 1-based line, 0-based column counted in UTF-8
/// bytes from the start of the line (CPython's `col_offset`).
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct Pos {
    pub line: u32,
    pub col: u32,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Token {
    pub kind: TokenKind,
    pub start: Pos,
    pub end: Pos,
    /// Byte offsets of the token's text in the (decoded) source.
    pub text_start: u32,
    pub text_end: u32,
}

impl Token {
    pub fn text<'a>(&self, source: &'a str) -> &'a str {
        &source[self.text_start as usize..self.text_end as usize]
    }
}

#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum TokenKind {
    EndMarker,
    Name,
    Number,
    /// A whole string literal, prefix and quotes included (f-strings too, as in 3.11).
    String,
    Newline,
    Indent,
    Dedent,
    Keyword(Keyword),
    /// A character that starts no token in 3.11 (`$`, `?`, a backquote):
    /// CPython gives it the generic OP type, which no grammar rule accepts,
    /// so the parser reports "invalid syntax" there.
    Unknown,

    LPar,             // (
    RPar,             // )
    LSqb,             // [
    RSqb,             // ]
    Colon,            // :
    Comma,            // ,
    Semi,             // ;
    Plus,             // +
    Minus,            // -
    Star,             // *
    Slash,            // /
    VBar,             // |
    Amper,            // &
    Less,             // <
    Greater,          // >
    Equal,            // =
    Dot,              // .
    Percent,          // %
    LBrace,           // {
    RBrace,           // }
    EqEqual,          // ==
    NotEqual,         // != (and <> under barry_as_FLUFL; not supported)
    LessEqual,        // <=
    GreaterEqual,     // >=
    Tilde,            // ~
    Circumflex,       // ^
    LeftShift,        // <<
    RightShift,       // >>
    DoubleStar,       // **
    PlusEqual,        // +=
    MinEqual,         // -=
    StarEqual,        // *=
    SlashEqual,       // /=
    PercentEqual,     // %=
    AmperEqual,       // &=
    VBarEqual,        // |=
    CircumflexEqual,  // ^=
    LeftShiftEqual,   // <<=
    RightShiftEqual,  // >>=
    DoubleStarEqual,  // **=
    DoubleSlash,      // //
    DoubleSlashEqual, // //=
    At,               // @
    AtEqual,          // @=
    RArrow,           // ->
    Ellipsis,         // ...
    ColonEqual,       // :=
    Exclamation,      // ! (only inside f-string replacement fields)
    /// Stands where the tokenizer failed; matches no grammar rule. The
    /// parser raises the tokenizer's error when it reaches this token.
    Error,
}

/// Python 3.11's hard keywords.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum Keyword {
    False,
    None,
    True,
    And,
    As,
    Assert,
    Async,
    Await,
    Break,
    Class,
    Continue,
    Def,
    Del,
    Elif,
    Else,
    Except,
    Finally,
    For,
    From,
    Global,
    If,
    Import,
    In,
    Is,
    Lambda,
    Nonlocal,
    Not,
    Or,
    Pass,
    Raise,
    Return,
    Try,
    While,
    With,
    Yield,
}

impl Keyword {
    pub fn from_str(s: &str) -> Option<Keyword> {
        use Keyword::*;
        Some(match s {
            "False" => False,
            "None" => None,
            "True" => True,
            "and" => And,
            "as" => As,
            "assert" => Assert,
            "async" => Async,
            "await" => Await,
            "break" => Break,
            "class" => Class,
            "continue" => Continue,
            "def" => Def,
            "del" => Del,
            "elif" => Elif,
            "else" => Else,
            "except" => Except,
            "finally" => Finally,
            "for" => For,
            "from" => From,
            "global" => Global,
            "if" => If,
            "import" => Import,
            "in" => In,
            "is" => Is,
            "lambda" => Lambda,
            "nonlocal" => Nonlocal,
            "not" => Not,
            "or" => Or,
            "pass" => Pass,
            "raise" => Raise,
            "return" => Return,
            "try" => Try,
            "while" => While,
            "with" => With,
            "yield" => Yield,
            _ => return Option::None,
        })
    }

    pub fn as_str(self) -> &'static str {
        use Keyword::*;
        match self {
            False => "False",
            None => "None",
            True => "True",
            And => "and",
            As => "as",
            Assert => "assert",
            Async => "async",
            Await => "await",
            Break => "break",
            Class => "class",
            Continue => "continue",
            Def => "def",
            Del => "del",
            Elif => "elif",
            Else => "else",
            Except => "except",
            Finally => "finally",
            For => "for",
            From => "from",
            Global => "global",
            If => "if",
            Import => "import",
            In => "in",
            Is => "is",
            Lambda => "lambda",
            Nonlocal => "nonlocal",
            Not => "not",
            Or => "or",
            Pass => "pass",
            Raise => "raise",
            Return => "return",
            Try => "try",
            While => "while",
            With => "with",
            Yield => "yield",
        }
    }
}
