print a, b
