# an exception raised while an earlier one escapes: status 1
def f():
    raise ValueError("first")
f()
