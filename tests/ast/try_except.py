try:
    pass
except:
    pass
try:
    pass
except ValueError:
    pass
except (TypeError, KeyError) as e:
    pass
except Exception as e:
    raise
else:
    pass
try:
    f()
except E1:
    pass
finally:
    cleanup()
try:
    pass
finally:
    pass
try:
    pass
except(A):
    pass
