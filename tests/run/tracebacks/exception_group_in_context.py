try:
    raise ExceptionGroup("first", [KeyError("a"), IndexError("b")])
except ExceptionGroup:
    raise RuntimeError("handling the group failed")
