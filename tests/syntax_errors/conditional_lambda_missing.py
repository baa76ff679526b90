x = lambda: 1 if else 2
