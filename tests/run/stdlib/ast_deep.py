# Deep trees: RecursionError where CPython's limits (recursion limit, x3 for building) stop.
import sys
import _ast
def f(n, src):
    if n:
        return f(n - 1, src)
    try:
        compile(src, 'x', 'exec', _ast.PyCF_ONLY_AST)
        return 'ok'
    except RecursionError as e:
        return str(e)
for depth in [0, 300, 600]:
    for k in [900, 1000, 2000, 2900, 3100]:
        print(depth, k, f(depth, '-' * k + '1') if k < 3000 else f(depth, '1' + '+1' * k))
for n in [500, 900, 990, 1100, 2000, 2900, 3100, 5000]:
    e = _ast.Constant(1, lineno=1, col_offset=0)
    for i in range(n):
        e = _ast.UnaryOp(_ast.USub(), e, lineno=1, col_offset=0)
    try:
        print(n, eval(compile(_ast.Expression(e), 'd', 'eval')))
    except RecursionError as ex:
        print(n, 'RecursionError', ex)
