rows = [[1, 2], [3, 0]]
inverses = [[1 / v for v in row] for row in rows]
