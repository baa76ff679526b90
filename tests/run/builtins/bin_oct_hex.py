# bin(), oct(), hex() with __index__
for v in [0, 1, -1, 255, -255, 2**70, -(2**70), True]:
    print(v, bin(v), oct(v), hex(v))
class I:
    def __index__(self):
        return 42
print(bin(I()), oct(I()), hex(I()))
for bad in [1.5, "1", None]:
    try:
        hex(bad)
    except TypeError as e:
        print("TypeError", e)
