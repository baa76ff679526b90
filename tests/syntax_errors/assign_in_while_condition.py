while x = next(y):
    pass
