# bytearray in-place mutation: item and slice assignment, deletion, insert/pop/remove/reverse/clear, * and +
ba = bytearray(b"0123456789")
ba[0] = 65
ba[-1] = 66
print(ba)
ba[1:3] = b"xy"
ba[3:3] = bytearray(b"++")
print(ba)
ba[5:9] = []
print(ba)
ba[::2] = b"abcd"
print(ba)
ba[::-3] = [1, 2, 3]
print(ba)
ba[1:7:2] = memoryview(b"XYZ")
print(ba)
del ba[::3]
print(ba)
del ba[-2:]
print(ba)
del ba[0]
print(ba)
ba[:] = range(97, 102)
print(ba, len(ba))
ba[10:20] = b"tail"
ba[:0] = (72, 73)
print(ba)
ba[2:5] = ba
print(ba)
ba.insert(0, 33)
ba.insert(100, 63)
ba.insert(-1, 35)
print(ba, ba.pop(), ba.pop(0), ba.pop(-2), ba)
ba.remove(ord("t"))
ba.reverse()
print(ba, ba.copy(), ba.copy() is ba, ba.copy() == ba)
ba.extend(range(3))
ba.extend(b"")
ba.extend(memoryview(b"mv"))
ba.extend(iter([120]))
ba.append(True)
print(ba)
ba.clear()
print(ba, len(ba))
x = bytearray(b"ab")
x += b"cd"
x *= 2
y = x * 2
print(x, y, 2 * bytearray(b"z"), bytearray(b"ab") * 0, bytearray(b"ab") * -1)
it = iter(bytearray(b"abc"))
print(type(it).__name__, next(it), it.__length_hint__(), list(it), list(it))
for f in [lambda: x.__setitem__(0, 256), lambda: x.__setitem__(0, -1), lambda: x.__setitem__(0, b"a"), lambda: x.__setitem__(50, 1),
          lambda: x.__setitem__("a", 1), lambda: x.__getitem__("a"), lambda: x.__getitem__(50), lambda: x.__delitem__(50),
          lambda: x.__setitem__(slice(0, 1), 5), lambda: x.__setitem__(slice(0, 1), "ab"), lambda: x.__setitem__(slice(0, 1), [300]),
          lambda: x.__setitem__(slice(0, 4, 2), b"abc"), lambda: x.__setitem__(slice(None, None, 2), 3),
          lambda: x.__setitem__(slice(0, 2), [1, "a"]), lambda: x.remove(255), lambda: x.remove(b"a"), lambda: bytearray().pop(),
          lambda: x.pop(100), lambda: x.pop("a"), lambda: x.insert(0, 256), lambda: x.insert("a", 1), lambda: x.insert(0),
          lambda: x.extend(5), lambda: x.extend(["a"]), lambda: x.extend("abc"), lambda: x.extend([256]), lambda: x.append("a"),
          lambda: x.append(), lambda: x.pop(1, 2), lambda: hash(x), lambda: x + 1, lambda: x + "s", lambda: x * "s",
          lambda: x < "s", lambda: x.copy(1), lambda: x.reverse(1), lambda: x.clear(1)]:
    try:
        print(f())
    except Exception as e:
        print(type(e).__name__, e)
print(x)
