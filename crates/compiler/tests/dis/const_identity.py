# Constants are told apart by type and value (surrogates, -0.0, 1 vs 1.0 vs True).
a = '\ud800'
b = '\ud801'
c = 1.0
d = 1
e = -0.0
f = 0.0
g = True
