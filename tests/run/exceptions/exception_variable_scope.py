# the `as` name is deleted after the handler; previous bindings are lost
e = "before"
try:
    raise ValueError("v")
except ValueError as e:
    print("in handler", e)
print("e" in globals())
def f():
    err = None
    try:
        1 / 0
    except ZeroDivisionError as err:
        pass
    try:
        return err
    except UnboundLocalError as u:
        return "UnboundLocalError: " + str(u)
print(f())
def keep():
    try:
        raise KeyError("kept")
    except KeyError as e:
        saved = e
    return repr(saved)
print(keep())
