# handler selection: first matching clause, subclasses, tuples, bare except
def classify(exc):
    try:
        raise exc
    except KeyError:
        return "KeyError clause"
    except LookupError:
        return "LookupError clause"
    except (ValueError, TypeError) as e:
        return "tuple clause " + type(e).__name__
    except ArithmeticError:
        return "arith clause"
    except Exception:
        return "Exception clause"
    except:
        return "bare clause"
for exc in [KeyError(), IndexError(), UnicodeDecodeError("utf-8", b"", 0, 1, "r"), TypeError(), ZeroDivisionError(),
            OverflowError(), RuntimeError(), KeyboardInterrupt(), SystemExit(), GeneratorExit(), StopIteration(), OSError()]:
    print(type(exc).__name__, "->", classify(exc))
try:
    try:
        raise ValueError
    except TypeError:
        print("wrong")
except ValueError:
    print("outer handler got it")
handlers = (KeyError, IndexError)
try:
    [][1]
except handlers as e:
    print("dynamic tuple", type(e).__name__)
try:
    try:
        raise ValueError("x")
    except 5:
        pass
except TypeError as e:
    print("TypeError", e)
