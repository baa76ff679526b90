# slices with None, negative and huge bounds applied to every sequence type
seqs = ["abcdefg", b"abcdefg", bytearray(b"abcdefg"), list("abcdefg"), tuple("abcdefg"), range(7)]
slices = [slice(None, None, -1), slice(-2, None), slice(None, -5, -1), slice(10**20, None, -2), slice(-10**20, 3), slice(1, 6, 4)]
for s in seqs:
    print(type(s).__name__, [s[sl] for sl in slices])
sl = slice(1, 5, 2)
print(sl.indices(3), sl.indices(10), slice(None, None, -1).indices(5), slice(-1, -10, -3).indices(4))
