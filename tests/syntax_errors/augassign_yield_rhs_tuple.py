def f():
    a, b += yield
