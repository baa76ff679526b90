# zip: shortest wins, laziness, strict mode error messages, unzip idiom
def counting(name, n):
    for i in range(n):
        print("  ", name, "yields", i)
        yield i
print(list(zip(counting("a", 3), counting("b", 2))))
pairs = [(1, "a"), (2, "b"), (3, "c")]
nums, chars = zip(*pairs)
print(nums, chars, list(zip(*[])), list(zip([1, 2])), dict(zip(range(3), "xyz")))
for iters in [([1, 2, 3], [1], [1, 2]), ([1], [1, 2], [1, 2, 3]), ([1, 2], [1, 2], [1])]:
    try:
        list(zip(*iters, strict=True))
    except ValueError as e:
        print("ValueError", e)
z = zip([1, 2], [3, 4], strict=True)
print(next(z), next(z), next(z, "done"))
print(list(zip("ab", range(10), [None] * 5)), list(zip(*[range(3)] * 2)))
