def inner():
    try:
        1 / 0
    except ZeroDivisionError as e:
        raise ValueError("bad value") from e
errors = []
try:
    inner()
except ValueError as e:
    errors.append(e)
errors.append(KeyError("missing"))
raise ExceptionGroup("collected", errors)
