# how the display shows SyntaxErrors whose fields were set by hand
import sys
class MySyntax(SyntaxError):
    pass
cases = [
    SyntaxError("plain"),
    SyntaxError("located", ("f.py", 3, 5, "x = = 1\n", 3, 7)),
    SyntaxError("no file", (None, 2, 2, "abc", 2, 3)),
    SyntaxError("no line", ("f.py", None, 2, "abc", 1, 3)),
    SyntaxError("bool line", ("f.py", True, 2, "abc", 1, 3)),
    SyntaxError("no text", ("f.py", 4, 2, None, 4, 3)),
    SyntaxError("no offset", ("f.py", 4, None, "some text", 4, None)),
    SyntaxError("far offset", ("f.py", 4, 50, "short\n", 4, 60)),
    SyntaxError("indented text", ("f.py", 1, 9, "        y = (1 2)\n", 1, 12)),
    SyntaxError("multi\nline message", ("f.py", 1, 1, "x\n", 1, 2)),
    IndentationError("indent", ("f.py", 2, 4, "  foo\n", 2, 7)),
    TabError("tabs", ("f.py", 2, 1, "\tfoo\n", 2, 3)),
    MySyntax("mine", ("f.py", 1, 1, "abc\n", 1, 3)),
    SyntaxError("bad file type", (5, 1, 1, "abc\n", 1, 2)),
    SyntaxError(5, ("f.py", 1, 1, "abc\n", 1, 2)),
]
for e in cases:
    sys.__excepthook__(type(e), e, None)
    print("--", str(e), file=sys.stderr)
raise ExceptionGroup("with syntax errors", cases[1:3])
