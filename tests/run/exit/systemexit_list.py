# a non-int, non-None code is printed to stderr and gives status 1
raise SystemExit([1, 2])
