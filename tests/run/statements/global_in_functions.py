# module globals shared between functions, created and deleted by functions
registry = []
def register(name):
    registry.append(name)
    return len(registry)
def reset():
    global registry
    registry = []
print(register("a"), register("b"), registry)
reset()
print(registry)
def make_global():
    global made
    made = "made inside"
make_global()
print(made)
def read_only():
    return registry is globals()["registry"]
print(read_only())
