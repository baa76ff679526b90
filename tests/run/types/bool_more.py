# bool: operators keep or drop bool, methods inherited from int, constructor errors
t, f = True, False
print(t & f, t | f, t ^ t, f ^ t, t & 1, 1 | f, t ^ 2, ~t, ~f, -t, +f, abs(t), t << 3, t >> 1, t * 2.5, t ** 10, divmod(t, t))
print(type(t & f).__name__, type(t & 1).__name__, type(1 & t).__name__, type(~t).__name__, type(t + f).__name__, type(abs(f)).__name__)
print(bool.__and__(t, f), bool.__or__(f, f), bool.__xor__(t, 1), bool.__rand__(t, 3), bool.__ror__(f, True), int.__and__(t, t))
print(t.__and__(1.5), t.__or__("x"), t.real, t.imag, t.numerator, t.denominator, t.conjugate(), type(t.conjugate()).__name__)
print(t.bit_length(), f.bit_count(), t.as_integer_ratio(), t.to_bytes(1, "big"), bool.from_bytes(b"\x05", "big"))
print(repr(t), str(f), format(t), format(t, ""), format(t, "s") if False else "", format(f, "5"), format(t, ">5"), f"{t}", f"{t!r:>6}", "%s %d %r" % (t, t, f))
print(hash(t), hash(f), t == 1, f == 0, t == 1.0, t is bool(5), bool(0.0), bool(-0.0), bool("0"), bool(" "), bool(0j), bool(1e-300))
for args in [(1, 2), ("x",)]:
    try:
        print(bool(*args))
    except TypeError as e:
        print("TypeError", e)
try:
    bool(x=1)
except TypeError as e:
    print("TypeError", e)
class Z:
    def __bool__(self):
        return 2
class L:
    def __len__(self):
        return -1
class N:
    def __len__(self):
        return 0
for o in [Z(), L(), N()]:
    try:
        print(bool(o))
    except (TypeError, ValueError) as e:
        print(type(e).__name__, e)
print(sorted([True, False, 2, -1, 0.5]), max(True, 1), min(0, False), sum([True] * 5), True + True, [1, 2, 3][True])
print(isinstance(False, int), bool.__base__, bool.__mro__)
