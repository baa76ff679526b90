"""A sibling module imported by cases of this folder (not a case itself)."""
print("helper module executing, __name__ =", __name__)
VALUE = 42
counter = 0
def greet(name):
    return "hello " + name
class Thing:
    def __repr__(self):
        return "Thing()"
def fail():
    raise ValueError("failure inside helper")
