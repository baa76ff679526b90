# ExceptionGroup.message and .exceptions are read-only, as in CPython.
eg = ExceptionGroup('eg', [TypeError(1)])
for a in ('message', 'exceptions'):
    for op in (lambda: setattr(eg, a, 1), lambda: delattr(eg, a)):
        try:
            op()
        except AttributeError as e:
            print(a, e)
print(eg.message, eg.exceptions)
