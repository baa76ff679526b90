f(x if y, z)
