foo(a,
    b]
