# the type name in the last line: module prefix, qualname, <unknown> for odd values
import sys
class Outer:
    class Inner(Exception):
        pass
class Mod(Exception):
    pass
Mod.__module__ = "some.module"
class NoMod(Exception):
    pass
NoMod.__module__ = None
class IntMod(Exception):
    pass
IntMod.__module__ = 5
class Builtin(Exception):
    pass
Builtin.__module__ = "builtins"
class Renamed(Exception):
    pass
Renamed.__qualname__ = "Other.Name"
for e in [Outer.Inner("a"), Mod("b"), NoMod("c"), IntMod("d"), Builtin("e"), Renamed("f"), Outer.Inner()]:
    sys.__excepthook__(type(e), e, None)
    print(repr(e), file=sys.stderr)
