def risky():
    return [][0]
try:
    risky()
except IndexError:
    print("logging and re-raising")
    raise
