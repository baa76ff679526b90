x
x.y
f()
1
"string"
(yield_ := 1)
await_ = 0
a, b
*a, b = c
x if y else z
[x]
