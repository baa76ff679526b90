# dir() of classes (the class and its bases, not the metaclass), instances and modules
class Meta(type):
    def meta_method(cls):
        pass
class Base(metaclass=Meta):
    base_attr = 1
    def base_method(self):
        pass
class Child(Base):
    child_attr = 2
    __slots__ = ("slot",)
names = dir(Child)
print([n for n in names if not n.startswith("__")])
print("meta_method" in names, "mro" in names, "__slots__" in names, "slot" in names, names == sorted(names))
print([n for n in dir(Meta) if not n.startswith("__")][:5], "mro" in dir(type))
print("append" in dir(list), "__len__" in dir(list), "real" in dir(int), "__dict__" in dir(Base))
class WithDir:
    def __dir__(self):
        return ("z", "a", "m")
print(dir(WithDir()), "__dir__" in dir(WithDir))
class BadDir:
    def __dir__(self):
        return 5
try:
    dir(BadDir())
except TypeError as e:
    print("TypeError", e)
import sys
print("path" in dir(sys), dir(sys) == sorted(dir(sys)))
class Dyn:
    pass
d = Dyn()
d.late = 1
print([n for n in dir(d) if not n.startswith("__")], [n for n in dir(Dyn) if not n.startswith("__")])
for bad in [lambda: dir(1, 2), lambda: dir(x=1)]:
    try:
        bad()
    except TypeError as e:
        print("TypeError", e)
