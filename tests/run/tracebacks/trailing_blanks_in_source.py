# the source line keeps its trailing blanks, so the carets are not elided
import sys
def f():
    raise ValueError   
try:
    f()
except ValueError as e:
    sys.__excepthook__(type(e), e, e.__traceback__)
x = 1
y = x / 0    
