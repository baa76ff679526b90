# members with their own causes and contexts, including a group as context
def fail_with_context():
    try:
        raise ExceptionGroup("inner ctx", [OSError("disk"), KeyError("k")])
    except ExceptionGroup:
        raise RuntimeError("while handling")

errors = []
try:
    fail_with_context()
except RuntimeError as e:
    errors.append(e)
try:
    try:
        1 / 0
    except ZeroDivisionError as z:
        raise ValueError("converted") from z
except ValueError as e:
    errors.append(e)
hidden = TypeError("no context shown")
hidden.__context__ = KeyError("hidden")
hidden.__suppress_context__ = True
errors.append(hidden)
raise ExceptionGroup("chained", errors)
