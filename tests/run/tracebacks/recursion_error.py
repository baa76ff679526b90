import sys
sys.setrecursionlimit(100)
def recurse(n):
    return recurse(n + 1)
print("about to recurse")
recurse(0)
