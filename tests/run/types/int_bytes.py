# int.to_bytes / int.from_bytes
for n in [0, 1, 255, 256, 65535, 2**64 - 1, 2**100]:
    b = n.to_bytes((n.bit_length() + 7) // 8 or 1, "big")
    print(n, b, int.from_bytes(b, "big"), n.to_bytes(16, "little"))
print((-1).to_bytes(2, "big", signed=True), (-129).to_bytes(2, "little", signed=True))
print(int.from_bytes(b"\xff\xff", "big", signed=True), int.from_bytes(b"\xff\xff", "big"))
print(int.from_bytes([1, 2, 3], "little"), int.from_bytes(bytearray(b"\x00\x80"), "big", signed=True))
print(int.from_bytes(b"", "big"), (0).to_bytes(0, "big"), (5).to_bytes())
print(int.from_bytes(b"\x01\x00"), (1024).to_bytes(2))
for args in [(256, 1, "big"), (-1, 1, "big"), (128, 1, "big", True), (1, 1, "middle"), (-1, 0, "big", True)]:
    n, length, order = args[:3]
    signed = args[3] if len(args) > 3 else False
    try:
        print(n.to_bytes(length, order, signed=signed))
    except (OverflowError, ValueError) as e:
        print(type(e).__name__, e)
try:
    int.from_bytes("abc", "big")
except TypeError as e:
    print("TypeError", e)
try:
    (1).to_bytes(-1, "big")
except ValueError as e:
    print("ValueError", e)
print((-128).to_bytes(1, "big", signed=True), (127).to_bytes(1, "big", signed=True))
