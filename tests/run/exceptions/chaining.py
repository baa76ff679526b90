# __cause__, __context__, __suppress_context__
try:
    try:
        raise KeyError("inner")
    except KeyError:
        raise ValueError("outer")
except ValueError as e:
    print(repr(e.__context__), e.__cause__, e.__suppress_context__)
try:
    try:
        raise KeyError("inner")
    except KeyError as k:
        raise ValueError("outer") from k
except ValueError as e:
    print(repr(e.__context__), repr(e.__cause__), e.__suppress_context__)
try:
    try:
        raise KeyError("inner")
    except KeyError:
        raise ValueError("outer") from None
except ValueError as e:
    print(repr(e.__context__), e.__cause__, e.__suppress_context__)
try:
    raise ValueError("v") from TypeError
except ValueError as e:
    print(repr(e.__cause__), type(e.__cause__).__name__)
e = Exception()
print(e.__context__, e.__cause__, e.__suppress_context__)
e.__cause__ = KeyError(1)
print(repr(e.__cause__), e.__suppress_context__)
for bad in [5, "x"]:
    try:
        e.__cause__ = bad
    except TypeError as t:
        print("TypeError", t)
    try:
        e.__context__ = bad
    except TypeError as t:
        print("TypeError", t)
def f():
    try:
        1 / 0
    finally:
        pass
try:
    try:
        raise IndexError("first")
    finally:
        try:
            f()
        except ZeroDivisionError as z:
            print("finally context", repr(z.__context__))
except IndexError as i:
    print("still", repr(i), i.__context__)
try:
    try:
        raise KeyError(1)
    except KeyError as k:
        k2 = k
        raise k
except KeyError as e2:
    print(e2 is k2, e2.__context__)
