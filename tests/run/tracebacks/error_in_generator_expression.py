data = ["1", "2", "x", "4"]
total = sum(int(s) for s in data)
