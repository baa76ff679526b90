# the builtins module holds every builtin function, type and exception of the issue
import builtins
names = ["abs", "aiter", "all", "anext", "any", "ascii", "bin", "callable", "chr", "compile", "delattr", "dir", "divmod", "eval",
         "exec", "format", "getattr", "globals", "hasattr", "hash", "hex", "id", "input", "isinstance", "issubclass", "iter", "len",
         "locals", "max", "min", "next", "oct", "ord", "pow", "print", "repr", "round", "setattr", "sorted", "sum", "vars",
         "__import__", "__build_class__", "object", "type", "bool", "int", "float", "complex", "str", "bytes", "bytearray", "tuple",
         "list", "dict", "set", "frozenset", "range", "slice", "enumerate", "zip", "map", "filter", "reversed", "memoryview",
         "property", "classmethod", "staticmethod", "super", "None", "Ellipsis", "NotImplemented", "True", "False", "__debug__"]
for n in names:
    print(n, hasattr(builtins, n), type(getattr(builtins, n, None)).__name__)
print(builtins.__name__, __builtins__ is builtins or __builtins__ is vars(builtins))
builtins.my_global_helper = lambda: "visible everywhere"
print(my_global_helper())
del builtins.my_global_helper
try:
    my_global_helper
except NameError as e:
    print("NameError", e)
