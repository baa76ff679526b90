if x:
    f(x) = 3
