# docstrings of functions, classes and modules
"""Module docstring."""
def f():
    """Function docstring."""
def g():
    x = 1
    """Not a docstring."""
def h():
    "single quoted"
    return 1
class C:
    """Class docstring."""
    def m(self):
        """Method docstring."""
print(__doc__, f.__doc__, g.__doc__, h.__doc__, C.__doc__, C.m.__doc__, C().m.__doc__, (lambda: 0).__doc__)
f.__doc__ = "changed"
print(f.__doc__)
def fdoc():
    f"""f-string is not a docstring"""
print(fdoc.__doc__)
