try:
    raise ExceptionGroup("batch", [ValueError("v1"), TypeError("t1"), ValueError("v2")])
except* ValueError as g:
    print("handled", len(g.exceptions), "ValueErrors")
