inner = ExceptionGroup("inner", [KeyError("k"), IndexError("i")])
outer = ExceptionGroup("outer", [ValueError("v"), inner])
outer.add_note("note on outer")
raise outer
