# café: bad bytes in comments are ignored
x = 1
