values = [1, 2]
table = {
    "first": values[0],
    "third": values[2],
}
