for f in [lambda: zip(strict=True, x=1), lambda: zip(x=1), lambda: zip(strict=1, y=2, z=3), lambda: enumerate(), lambda: enumerate(start=1), lambda: enumerate([], x=1), lambda: enumerate(iterable=[], start=2, x=3), lambda: enumerate(1,2,3), lambda: list(enumerate(iterable='ab', start=3)), lambda: list(enumerate('ab', start=3)), lambda: type(enumerate(start=1, iterable=[])).__name__, lambda: list(enumerate(start=1, iterable='q')), lambda: enumerate(start=1, iterable=[], x=2), lambda: enumerate([], start=1, x=2), lambda: list(zip('ab', 'cd', strict=True)), lambda: list(zip('ab', 'c', strict=True))]:
    try: print(f())
    except (TypeError, ValueError) as e: print(type(e).__name__, e)
class E(enumerate): pass
try: E()
except TypeError as e: print(e)
print(list(E('xy', 5)))
