# the builtin exception hierarchy of 3.11
import builtins
def tree(cls, depth=0):
    print("  " * depth + cls.__name__)
    subs = [c for c in cls.__subclasses__() if getattr(builtins, c.__name__, None) is c]
    for sub in sorted(subs, key=lambda c: c.__name__):
        tree(sub, depth + 1)
tree(BaseException)
print(OSError is IOError, OSError is EnvironmentError)
print(issubclass(ExceptionGroup, Exception), issubclass(ExceptionGroup, BaseExceptionGroup), issubclass(KeyboardInterrupt, Exception))
print(StopAsyncIteration.__mro__, ModuleNotFoundError.__mro__, UnicodeDecodeError.__mro__)
