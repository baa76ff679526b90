# if/elif/else, conditional expressions, pass, assert
def classify(n):
    if n < 0:
        return "negative"
    elif n == 0:
        return "zero"
    elif n < 10:
        return "small"
    else:
        return "large"
print([classify(n) for n in [-5, 0, 3, 50]])
print("even" if 4 % 2 == 0 else "odd", 1 if 0 else 2 if 0 else 3)
if True:
    pass
class Empty:
    pass
def noop():
    pass
print(noop(), Empty.__name__)
assert True
try:
    assert 1 == 2
except AssertionError as e:
    print("AssertionError", repr(e))
try:
    assert False, ("tuple", "msg")
except AssertionError as e:
    print("AssertionError", e.args)
