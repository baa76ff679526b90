x: int
x: int = 1
(y): str = "s"
obj.attr: list[int] = []
obj[0]: float
z: "forward" = None
def f(a: int, b: "str" = "x", *args: tuple, c: bool, **kw: dict) -> None: ...
def g() -> list[dict[str, int]]:
    v: int
    return v
t: tuple[int, ...] = ()
