1 if 1else 2
x = 0x1for x in y
[0x1for x in y]
