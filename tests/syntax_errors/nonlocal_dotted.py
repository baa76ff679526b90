nonlocal a.b
