x = 1 + \
    2
y = (1 +
     2)
z = [1,
2,
        3]
a = 1; b = 2; c = 3;
if a: b; c
if \
   a:
    pass
d = {
    'k':
        'v'
}
e = f(a,
      b)
s = "abc" \
    "def"
def g(a,
      b): return a
assert a, \
    "msg"
