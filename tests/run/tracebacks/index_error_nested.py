grid = [[1, 2, 3], [4, 5, 6]]
def cell(r, c):
    return grid[r][c]
print(cell(1, 2))
print(cell(2, 0))
