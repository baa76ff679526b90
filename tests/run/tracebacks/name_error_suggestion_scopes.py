# suggestions: locals first, then globals, then builtins; none past the limits
import sys
total_count = 10
def report():
    local_value = 1
    try:
        print(local_valeu)
    except NameError as e:
        sys.__excepthook__(type(e), e, e.__traceback__)
    try:
        print(total_cont)
    except NameError as e:
        sys.__excepthook__(type(e), e, e.__traceback__)
    try:
        print(lenn([1]))
    except NameError as e:
        sys.__excepthook__(type(e), e, e.__traceback__)
    try:
        print(zzzzzz)
    except NameError as e:
        sys.__excepthook__(type(e), e, e.__traceback__)
report()
class Custom(NameError):
    pass
e = Custom("name 'pritn' is not defined", name="pritn")
sys.__excepthook__(Custom, e, None)
def unbound():
    valuee = 1
    del valuee
    print(valuee)
unbound()
