# "Did you mean" for instances, classes and modules; not for subclasses of AttributeError
import sys
class Shape:
    def area(self):
        return 0
    colour = "red"
s = Shape()
for expr in ["s.aera", "sys.getrecursionlimt", "s.zzzzzzzz", "(1).real_"]:
    try:
        eval(expr)
    except AttributeError as e:
        sys.__excepthook__(type(e), e, None)
class MyAttrError(AttributeError):
    pass
e = MyAttrError("no", name="aera", obj=s)
sys.__excepthook__(MyAttrError, e, None)
e = AttributeError("custom message", name="colr", obj=s)
sys.__excepthook__(AttributeError, e, None)
class Big:
    pass
b = Big()
for i in range(800):
    setattr(b, f"attr_{i}", i)
b.attr_1x
