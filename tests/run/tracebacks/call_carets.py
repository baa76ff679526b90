def compute(x):
    return int(x)
numbers = ["1", "2", "three"]
results = [compute(n) for n in numbers]
