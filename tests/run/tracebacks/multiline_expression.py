def f(a, b, c):
    return a + b + c
value = f(
    1,
    2,
    "three",
)
