{x: y for f(x) in z}
