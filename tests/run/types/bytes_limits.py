# bytes, bytearray and memoryview with huge sizes and indices: MemoryError, OverflowError, IndexError
m=memoryview(b'ab')
for f in [lambda: m.cast('B',[2**40,2**40]), lambda: b'\t'.expandtabs(2**62), lambda: b'x'.center(2**62), lambda: m.cast('B',[2**70]),
          lambda: b'x' * 2**62, lambda: b'x'.zfill(2**62), lambda: b'x'.ljust(2**70), lambda: bytes(2**70), lambda: bytearray(2**62),
          lambda: b'x'[2**70], lambda: b'abc'.find(b'b', 2**70), lambda: b'abc'.find(b'b', -2**70), lambda: bytearray(b'x').pop(2**70),
          lambda: bytearray(b'x').insert(2**70, 1), lambda: b'x'.split(maxsplit=2**70), lambda: b'x'.replace(b'x', b'y', 2**70),
          lambda: b'x'.hex(':', 2**70), lambda: m[2**70], lambda: bytearray(b"x")[2**70], lambda: bytearray(b"x").__setitem__(2**70, 1)]:
    try: print(f())
    except Exception as e: print(type(e).__name__, e)
