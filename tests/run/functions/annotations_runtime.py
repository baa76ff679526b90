# annotations are evaluated and stored
def f(a: int, b: "str" = "x", *args: float, c: list = None, **kw: dict) -> bool:
    return True
print(f.__annotations__)
def g():
    pass
print(g.__annotations__)
x: int = 5
y: str
print(__annotations__)
class C:
    attr: int = 1
    other: "List[int]"
print(C.__annotations__)
def local():
    z: int = 3
    w: int
    return z
print(local())
