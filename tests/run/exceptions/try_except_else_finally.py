# control flow through try/except/else/finally
def run(kind):
    log = []
    try:
        log.append("try")
        if kind == "value":
            raise ValueError("v")
        if kind == "key":
            raise KeyError("k")
        if kind == "type":
            raise TypeError("t")
    except ValueError as e:
        log.append("except ValueError " + str(e))
    except (KeyError, IndexError) as e:
        log.append("except tuple " + type(e).__name__)
    else:
        log.append("else")
    finally:
        log.append("finally")
    return log
for k in ["none", "value", "key"]:
    print(k, run(k))
try:
    run("type")
except TypeError as e:
    print("propagated", e)
try:
    try:
        raise ValueError("a")
    except ValueError:
        print("handling")
        raise
except ValueError as e:
    print("re-raised", e)
e = None
try:
    raise KeyError("x")
except KeyError as e:
    pass
try:
    print(e)
except NameError as err:
    print("NameError", err)
def nested():
    try:
        try:
            1 / 0
        finally:
            print("inner finally")
    except ZeroDivisionError:
        print("outer caught")
    finally:
        print("outer finally")
nested()
try:
    pass
except:
    print("never")
else:
    print("else with bare except")
try:
    raise IndexError
except Exception:
    print("caught class-raised", "IndexError")
