# round(): half-to-even for ints and floats, ndigits, float repr of results
for v in [0.5, 1.5, 2.5, 3.5, -0.5, -1.5, -2.5, 0.49999999999999994, 2.675, 1.005, 0.125, 0.375]:
    print(v, round(v), round(v, 1), round(v, 2), type(round(v)).__name__)
for v in [123.456, -123.456, 1e20, 1e-20, 5e-324]:
    print(v, round(v, -1), round(v, -2), round(v, 3), round(v, 400), round(v, -400))
for v in [float("inf"), float("nan")]:
    print(round(v, 2))
    try:
        round(v)
    except (OverflowError, ValueError) as e:
        print(type(e).__name__, e)
try:
    round(1.5, 1.5)
except TypeError as e:
    print("TypeError", e)
try:
    round("x")
except TypeError as e:
    print("TypeError", e)
print(round(2.5, None), round(7), round(-7, None))
