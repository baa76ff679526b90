# return forms: none, implicit None, tuples, early returns, return in loops
def nothing():
    pass
def bare():
    return
def multi():
    return 1, "two", [3]
def early(n):
    for i in range(n):
        if i * i > n:
            return i
    return -1
def nested_loops():
    for i in range(5):
        for j in range(5):
            if i + j == 6:
                return (i, j)
print(nothing(), bare(), multi(), early(20), early(0), nested_loops())
a, b, c = multi()
print(a, b, c)
def returns_function():
    def inner():
        return "inner result"
    return inner
print(returns_function()(), type(returns_function()).__name__)
