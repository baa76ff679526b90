while all(f(x) for x in p):
    pass
