# NameError hints for globals, class bodies, eval/exec code and free variables
import sys
def show(f):
    try:
        f()
    except NameError as e:
        sys.__excepthook__(type(e), e, e.__traceback__)
def free():
    def inner():
        return valuex
    valuex = 1
    del valuex
    return inner()
show(free)
counter = 1
def deleting():
    global countr
    del countr
show(deleting)
class Body:
    try:
        attribut = attributes
    except NameError as e:
        sys.__excepthook__(type(e), e, e.__traceback__)
show(lambda: eval("prnt"))
show(lambda: exec("x = lenn"))
g = {"alpha_beta": 1}
show(lambda: eval("alpha_bet", g))
show(lambda: eval("alpha_bet", {"__builtins__": {}}, {"alpha_bt": 2}))
