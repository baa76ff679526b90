# divmod()
for a, b in [(7, 2), (-7, 2), (7, -2), (-7, -2), (0, 3), (10**20, 3), (7.5, 2), (-7.5, 2), (7, 0.5), (1, float("inf")), (-1, float("inf")), (True, 2)]:
    print(a, b, divmod(a, b))
for a, b in [(1, 0), (1.0, 0), ("a", 1), (1, "a"), (1j, 1)]:
    try:
        divmod(a, b)
    except (ZeroDivisionError, TypeError) as e:
        print(type(e).__name__, e)
