try:
    a()
except ValueError:
    b()
except (TypeError, KeyError) as e:
    c(e)
except:
    d()
else:
    e()
finally:
    f()
with open(x) as fp, g():
    fp.read()
def h():
    for i in x:
        try:
            return i
        finally:
            cleanup()
    with y:
        return 1
try:
    pass
finally:
    z()
