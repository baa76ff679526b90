a < b
a > b
a == b
a >= b
a <= b
a != b
a in b
a not in b
a is b
a is not b
a < b < c
a < b <= c == d != e > f >= g
a is not None is not b
x not in y in z
(a < b) < c
not a == b
