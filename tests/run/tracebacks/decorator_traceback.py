def checked(fn):
    def wrapper(*args):
        for a in args:
            if a < 0:
                raise ValueError(f"negative argument {a}")
        return fn(*args)
    return wrapper
@checked
def area(w, h):
    return w * h
print(area(2, 3))
print(area(2, -3))
