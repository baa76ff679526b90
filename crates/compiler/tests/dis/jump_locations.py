if (a is b or
    c and d & 1):
    pass
if (a or
    d & 1):
    pass
