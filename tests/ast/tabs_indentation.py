if x:
	y = 1
	if y:
		z = 2
if a:
        b = 1
