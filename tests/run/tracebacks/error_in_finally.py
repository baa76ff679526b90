def f():
    try:
        raise ValueError("original")
    finally:
        {}["finally key"]
f()
