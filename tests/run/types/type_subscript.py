# type[...] is a generic alias of type itself (PEP 585); other classes need __class_getitem__.
a = type[int]
print(a, a.__origin__, a.__args__)
print(type[int | str])
print(type[int] == type[int], type[int] == type[str])
class C:
    pass
try:
    C[int]
except TypeError as e:
    print(type(e).__name__, e)
class D:
    def __class_getitem__(cls, item):
        return (cls.__name__, item)
print(D[int])

import typing
print(typing.List[int], typing.Optional[str], typing.Union[int, str])
print(typing.Callable[[int], str], typing.Dict[str, typing.Any])
T = typing.TypeVar("T")
class Box(typing.Generic[T]):
    def __init__(self, item: T):
        self.item = item
print(Box[int], Box(3).item)
print(typing.get_type_hints(Box.__init__))
class P(typing.NamedTuple):
    x: int
    y: str = "a"
print(P(1), P._fields)
print(typing.cast(int, "x"), typing.TYPE_CHECKING)
