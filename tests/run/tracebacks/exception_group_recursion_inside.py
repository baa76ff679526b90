# a repeated traceback line inside a group box ("[Previous line repeated" has no margin)
def down(n):
    if n == 0:
        raise ValueError("bottom")
    down(n - 1)
try:
    down(8)
except ValueError as e:
    first = e
raise ExceptionGroup("wrapped", [first, TypeError("other")])
