items = [1, 2, 0, 4]
inverse = list(map(lambda x: 1 / x, items))
