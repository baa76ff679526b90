a b
x = (
