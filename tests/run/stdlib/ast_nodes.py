# The node classes: fields, attributes, constructors, errors, pickling.
import ast, _ast, copy

def t(f):
    try:
        r = f()
        print(r)
    except Exception as e:
        print(type(e).__name__, e)

print(_ast.PyCF_ONLY_AST, _ast.PyCF_TYPE_COMMENTS, _ast.PyCF_ALLOW_TOP_LEVEL_AWAIT)
print(ast.PyCF_ONLY_AST)
print(ast.AST.__module__, ast.AST._fields, ast.AST._attributes, ast.AST.__doc__)
for cls in [ast.Module, ast.Name, ast.expr, ast.stmt, ast.arguments, ast.arg, ast.keyword, ast.alias,
            ast.comprehension, ast.Load, ast.operator, ast.Add, ast.MatchAs, ast.TypeIgnore, ast.FunctionType,
            ast.withitem, ast.match_case, ast.excepthandler, ast.ExceptHandler, ast.Constant, ast.ImportFrom]:
    print(cls.__name__, cls.__module__, cls._fields, getattr(cls, '_attributes', '-'), cls.__match_args__,
          cls.__mro__[1].__name__, repr(cls.__doc__)[:80])
print(ast.Constant.kind, ast.expr.end_lineno, ast.ImportFrom.level, ast.arguments.vararg, ast.Return.value)
print(sorted(k for k in dir(_ast) if k[0].isupper()))
print([c.__name__ for c in ast.AST.__subclasses__()])
print([c.__name__ for c in ast.expr_context.__subclasses__()])

n = ast.Name('x', ast.Load(), lineno=1, col_offset=0)
print(n.id, type(n.ctx).__name__, n.lineno, n.col_offset, n.end_lineno, vars(n).keys())
print(ast.dump(n, include_attributes=True))
t(lambda: ast.Name('x', ast.Load(), 3))
t(lambda: ast.Name('x', id='y'))
t(lambda: ast.AST(1))
t(lambda: ast.Pass(1))
t(lambda: ast.BinOp(1, 2, 3, 4))
t(lambda: ast.Name().id)
t(lambda: ast.Constant().kind)
t(lambda: vars(ast.Constant()))
t(lambda: vars(ast.Constant(1, 'u')))
t(lambda: vars(ast.AST(a=1, b=2)))
t(lambda: vars(ast.FunctionDef('f', body=[])))
print(ast.Name('x').__reduce__())
print(ast.Load().__reduce__())
t(lambda: ast.Name('x').__reduce__(1))
tree = ast.parse("def f(a, b=1):\n    return a + b\n")
print(ast.dump(copy.deepcopy(tree), include_attributes=True))
print(ast.dump(copy.copy(tree.body[0])) == ast.dump(tree.body[0]))

class MyName(ast.Name):
    _fields = ('id', 'ctx', 'extra')
m = MyName('a', ast.Load(), 5)
print(m.extra, isinstance(m, ast.expr), ast.dump(m))

match ast.parse("x + 1").body[0].value:
    case ast.BinOp(ast.Name(name), ast.Add(), ast.Constant(value)):
        print("matched", name, value)

# deprecated classes from ast.py still work on top of _ast
print(type(ast.Num(1)).__name__, ast.Num(1).n, isinstance(ast.Constant(1), ast.Num), isinstance(ast.Constant('s'), ast.Str))
print(ast.dump(ast.Index(ast.Name('x', ast.Load()))))
print(ast.Load() is ast.Load(), type(ast.Load()) is ast.Load)
print(ast.iter_fields(ast.Name('x', ast.Load())).__class__.__name__, list(ast.iter_fields(ast.Name('x', ast.Load())))[0])
print([type(c).__name__ for c in ast.iter_child_nodes(ast.parse("f(a, b)").body[0].value)])
x = ast.Name('x')
x.ctx = ast.Store()
x.custom = 1
print(sorted(vars(x)))
del x.custom
t(lambda: x.custom)

# copies and _fields given as a list
import copy
n = ast.Name('x', ast.Load())
n2 = copy.copy(n)
print(n2.id, n2.ctx is n.ctx, n2 is n)
class My(ast.AST):
    _fields = ['a', 'b']
m = My(1, b=2)
print(m.a, m.b, copy.deepcopy(m).b)
try:
    My(1, a=2)
except TypeError as e:
    print(e)
print(ast.dump(m))
