import bisect

a = [1, 2, 2, 4, 8]
print(bisect.bisect_left(a, 2), bisect.bisect_right(a, 2), bisect.bisect(a, 5), bisect.bisect_left(a, 0), bisect.bisect(a, 100))
print(bisect.bisect_left(a, 2, 2), bisect.bisect_right(a, 2, 0, 2), bisect.bisect_left(a, 8, hi=3))
b = list(a)
bisect.insort(b, 3)
bisect.insort_left(b, 2)
bisect.insort_right(b, 9)
print(b)
recs = [("a", 1), ("b", 5), ("c", 9)]
print(bisect.bisect(recs, 5, key=lambda r: r[1]), bisect.bisect_left(recs, 5, key=lambda r: r[1]))
bisect.insort(recs, ("x", 6), key=lambda r: r[1])
print(recs)
for f in [lambda: bisect.bisect(a, 1, -1), lambda: bisect.bisect(1, 1), lambda: bisect.bisect([1, "a"], 2)]:
    try:
        print(f())
    except Exception as e:
        print(type(e).__name__, e)
grades = "FDCBA"
print([grades[bisect.bisect([60, 70, 80, 90], s)] for s in [33, 99, 77, 70, 89, 90, 100]])
for f in [lambda: bisect.bisect_left([1, 2], 1, -1), lambda: bisect.bisect_left(1, 1), lambda: bisect.bisect_left([1], 1, 0, -1),
          lambda: bisect.bisect_left([1, 2, 3], 2, 0, -1), lambda: bisect.bisect_right(), lambda: bisect.insort_left((1,), 1),
          lambda: bisect.bisect_left([1], 1, "a"), lambda: bisect.bisect_left([1, 2, 3], 2, hi=None),
          lambda: bisect.bisect_left([1, 2, 3], 2, 0, 10), lambda: bisect.bisect([1, 2], 1, 0, 2, lambda v: v)]:
    try:
        print(f())
    except Exception as e:
        print(type(e).__name__, e)


class L(list):
    def insert(self, i, x):
        print("  insert", i, x)
        super().insert(i, x)


l = L([1, 3])
bisect.insort(l, 2)
print(l, type(bisect.bisect).__name__)
