# sum(): start, floats, precision, errors
print(sum([]), sum([1, 2, 3]), sum([1, 2], 10), sum(range(101)), sum([0.1] * 10), sum([1, 2.5]), sum([[1], [2]], []), sum([(1,), (2,)], ()))
print(sum([1e100, 1.0, -1e100]), sum(x * x for x in range(5)), sum([True, True, False]), sum([1j, 2]), sum([], start=5), sum([2**64, 2**64]))
for f in [lambda: sum(["a", "b"], ""), lambda: sum([b"a"], b""), lambda: sum(["a"]), lambda: sum([1, "a"]), lambda: sum(5), lambda: sum([bytearray()], bytearray())]:
    try:
        print(f())
    except TypeError as e:
        print("TypeError", e)
