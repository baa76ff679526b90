# inside a group box: a SyntaxError (its source lines carry no margin),
# a str() that fails, notes that are odd, a multi-line message
try:
    compile("x = = 1", "snippet.py", "exec")
except SyntaxError as e:
    syntax = e
class BadStr(Exception):
    def __str__(self):
        raise RuntimeError("no str")
class BadNote:
    def __str__(self):
        raise RuntimeError("no note")
bad = BadStr()
bad.add_note("first note")
bad.__notes__.append(BadNote())
multi = ValueError("line one\nline two")
multi.add_note("note a\nnote b")
multi.add_note("ends with newline\n")
multi.add_note("")
raise ExceptionGroup("odd", [syntax, bad, multi])
