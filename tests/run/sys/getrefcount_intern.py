# sys.getrefcount (relative) and sys.intern
import sys
x = object()
before = sys.getrefcount(x)
holders = [x, x, x]
print(sys.getrefcount(x) - before)
del holders
print(sys.getrefcount(x) - before)
print(type(sys.getrefcount(None)).__name__)
a = sys.intern("".join(["inter", "ned string"]))
b = sys.intern("interned" + " string")
print(a is b, a == "interned string")
try:
    sys.intern(5)
except TypeError as e:
    print("TypeError", e)
