expr = "1 + [2]"
print(eval("1 + 2"))
print(eval(expr))
