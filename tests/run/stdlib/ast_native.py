# _ast used directly (without the ast module): compile() to and from trees.
import _ast

def dump(node, attrs=False):
    if isinstance(node, _ast.AST):
        parts = [f"{f}={dump(getattr(node, f), attrs)}" for f in node._fields if hasattr(node, f)]
        if attrs:
            parts += [f"{a}={getattr(node, a)}" for a in node._attributes if hasattr(node, a)]
        return f"{type(node).__name__}({', '.join(parts)})"
    if isinstance(node, list):
        return '[' + ', '.join(dump(x, attrs) for x in node) + ']'
    return repr(node)

src = "def f(x, *, y=2):\n    return [x * i for i in range(y) if i]\nprint(f(3, y=4), 'é')\n"
tree = compile(src, "<src>", "exec", _ast.PyCF_ONLY_AST)
print(type(tree).__name__, type(tree).__mro__[1].__name__, type(tree).__module__)
print(dump(tree))
print(dump(tree, True))
exec(compile(tree, "<tree>", "exec"))
e = compile("a.b[c] + -d", "<e>", "eval", _ast.PyCF_ONLY_AST)
print(dump(e, True))
i = compile("x = 1", "<i>", "single", _ast.PyCF_ONLY_AST)
print(dump(i, True))
print(compile(tree, "<t>", "exec", _ast.PyCF_ONLY_AST) is tree)
print({k: dump(v) for k, v in vars(tree.body[0].args).items()})
print(tree.body[0].args.args[0].__dict__)
n = _ast.Name("q", _ast.Load(), lineno=1, col_offset=0, end_lineno=1, end_col_offset=1)
print(eval(compile(_ast.Expression(n), "<n>", "eval"), {"q": 99}))
try:
    compile(_ast.Expression(_ast.Name("q", _ast.Load())), "<n>", "eval")
except TypeError as ex:
    print(type(ex).__name__, ex)
try:
    compile(_ast.Module([_ast.Pass(lineno=1, col_offset=0)]), "<n>", "exec")
except TypeError as ex:
    print(type(ex).__name__, ex)
try:
    compile("x +", "<bad>", "exec", _ast.PyCF_ONLY_AST)
except SyntaxError as ex:
    print(type(ex).__name__, ex, repr(ex.text))
