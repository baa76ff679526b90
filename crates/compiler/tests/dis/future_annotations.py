from __future__ import annotations
def f(a: list[int], b: dict[str, tuple[int, ...]] | None, c: "x", d: Callable[[int], str], e: a.b.c, f: -1, g: 1 + 2 * 3, h: (1, 2), i: x if y else z, j: lambda: 1, k: [i for i in x], l: f(x, *y, k=1, **z), m: a[1:2, ::3], n: not x, o: {1: 2}, p: {1, 2}, q: 'a' 'b', r: b'x', s: 1.5, t: 1e300 * 1e300, w: x < y < z) -> None: pass
