# dict | and |= (PEP 584)
a = {"x": 1, "y": 2}
b = {"y": 20, "z": 30}
print(a | b, b | a, a, b)
c = a.copy()
c |= b
print(c)
c |= [("w", 0), ("x", 100)]
print(c)
for f in [lambda: a | [("k", 1)], lambda: a | 1, lambda: [("k", 1)] | a]:
    try:
        f()
    except TypeError as e:
        print("TypeError", e)
try:
    c |= 5
except TypeError as e:
    print("TypeError", e)
print({} | {}, {1: 1} | {1: 2}, dict.__or__(a, b), dict.__or__(a, 3), dict.__ror__(a, b))
