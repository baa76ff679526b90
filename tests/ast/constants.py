None
True
False
...
x = ...
def f(): ...
a[...]
__debug__
NotImplemented
Ellipsis
