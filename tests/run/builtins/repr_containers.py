# repr of nested builtin containers and special values
values = [[], [[]], [1, [2, [3, [4]]]], (), (1,), ((),), {}, {1: {2: {}}}, set(), {1}, frozenset(), frozenset({1}),
          [None, True, ..., NotImplemented], [1.0, -0.0, float("inf"), float("nan"), 1e-10, 1e16], [1j, -1 - 1j],
          ["'", '"', "\\", "\x00"], [b"", b"'", bytearray(b"x")], [range(3), slice(None), slice(1, 2, 3)],
          {"nested": [({"a": (1,)},)]}, {(1, 2): [3]}]
for v in values:
    print(repr(v), str(v) == repr(v))
print(repr(int), repr(type(None)), repr(ValueError), repr(ValueError("x")), repr(KeyError("k")), repr(Exception()))
print(str([str]), repr(len), repr(print), repr(dict.fromkeys)[:32])
