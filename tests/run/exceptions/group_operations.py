# exception group split/subgroup keep tracebacks, cause, context and notes; nesting structure preserved
def make():
    try:
        raise ExceptionGroup("top", [ValueError("a"), ExceptionGroup("mid", [TypeError("b"), ValueError("c")]), KeyError("d")])
    except ExceptionGroup as g:
        return g
g = make()
g.__cause__ = RuntimeError("cause")
g.__context__ = OSError("ctx")
g.add_note("a note")
match, rest = g.split(ValueError)
print(repr(match))
print(repr(rest))
print(match.__cause__, match.__context__, match.__notes__, match.__traceback__ is g.__traceback__)
print(repr(g.subgroup(lambda e: isinstance(e, ExceptionGroup) and e.message == "mid")))
print(g.split(lambda e: False), g.subgroup(OSError))
only_leaf = g.subgroup(lambda e: not isinstance(e, BaseExceptionGroup) and e.args[0] in "bd")
print(repr(only_leaf))
print([type(e).__name__ for e in g.exceptions], g.exceptions[1].exceptions[0].args)
print(str(g), g.message, len(g.exceptions), isinstance(g.exceptions, tuple))
