def pair():
    return None
a, b = pair()
