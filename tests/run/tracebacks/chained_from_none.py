def lookup(d, k):
    try:
        return d[k]
    except KeyError:
        raise LookupError("not found: " + k) from None
lookup({}, "x")
