x = (
a b
