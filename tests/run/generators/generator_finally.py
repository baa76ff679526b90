# try/finally in generators: cleanup on close, on exhaustion, on break
def resource(name):
    print("  open", name)
    try:
        yield name + "-1"
        yield name + "-2"
    finally:
        print("  close", name)
for v in resource("a"):
    print(v)
for v in resource("b"):
    print(v)
    break
g = resource("c")
next(g)
del g
print("after del")
g = resource("d")
next(g)
g.close()
def with_in_gen():
    class CM:
        def __enter__(self):
            print("  enter")
        def __exit__(self, *a):
            print("  exit", a[0].__name__ if a[0] else None)
    with CM():
        yield 1
        yield 2
w = with_in_gen()
next(w)
w.close()
