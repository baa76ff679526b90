# __sizeof__ of str (each PEP 393 kind), int, float, complex, bool
for v in ["", "a", "abc", "é", "éa", "中", "中文", "😀", "a" * 100, 0, 1, -1, 2**30 - 1, 2**30, 2**60, 2**90, -(2**200), 1.5, 1j, True, False]:
    print(repr(v)[:20], v.__sizeof__())
