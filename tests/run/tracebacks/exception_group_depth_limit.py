# groups nested deeper than max_group_depth (10) are cut short
def nest(n):
    if n == 0:
        return KeyError("leaf")
    return ExceptionGroup(f"level {n}", [nest(n - 1), ValueError(n)])
raise nest(12)
