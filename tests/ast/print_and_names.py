print
exec
nonlocal_ = 1
async_ = 2
await_ = 3
__name__
_private
__dunder__
print("hi")
