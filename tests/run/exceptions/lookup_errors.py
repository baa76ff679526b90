# KeyError / IndexError / AttributeError / NameError messages
for op in [lambda: {}["key"], lambda: {}[("t", 1)], lambda: {}[1.5], lambda: {}[""], lambda: [][0], lambda: [1][-2],
           lambda: (1, 2)[5], lambda: "abc"[10], lambda: b"x"[3], lambda: range(3)[5], lambda: [].pop(), lambda: {}.popitem(),
           lambda: set().pop(), lambda: bytearray().pop(), lambda: "abc".index("z"), lambda: [1].index(2), lambda: (1,).index(2)]:
    try:
        op()
    except (LookupError, ValueError) as e:
        print(type(e).__name__, repr(e), str(e))
for op in [lambda: int.nope, lambda: (1).nope, lambda: [].nope, lambda: type.nope, lambda: object().nope]:
    try:
        op()
    except AttributeError as e:
        print("AttributeError", e)
def f():
    return not_defined_anywhere
try:
    f()
except NameError as e:
    print("NameError", e, e.name)
