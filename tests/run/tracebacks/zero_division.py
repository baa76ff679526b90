def divide(a, b):
    return a / b
print(divide(6, 3))
result = divide(1, 0)
