# get/setrecursionlimit and RecursionError
import sys
print(sys.getrecursionlimit())
sys.setrecursionlimit(200)
print(sys.getrecursionlimit())
def depth(n=0):
    try:
        return depth(n + 1)
    except RecursionError:
        return n
d = depth()
print(150 < d < 200)
for bad in [0, -1, "x"]:
    try:
        sys.setrecursionlimit(bad)
    except (ValueError, TypeError) as e:
        print(type(e).__name__, e)
sys.setrecursionlimit(5000)
def count(n):
    return 0 if n == 0 else 1 + count(n - 1)
print(count(3000))
def r():
    r()
try:
    r()
except RecursionError as e:
    print("RecursionError", e)
