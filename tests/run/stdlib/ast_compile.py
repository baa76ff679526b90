# compile() of trees built by hand, parsed and changed: conversion and
# validation errors, then running the code.
import ast

def t(f):
    try:
        r = f()
        print(r if not hasattr(r, 'co_code') else 'code ' + r.co_name)
    except Exception as e:
        print(type(e).__name__, e)

L = dict(lineno=1, col_offset=0)
def name(id, ctx=None, **kw):
    return ast.Name(id=id, ctx=ctx or ast.Load(), **(kw or L))

def mod(*stmts):
    return ast.Module(body=list(stmts), type_ignores=[])

def expr_stmt(e):
    return ast.Expr(value=e, **L)

t(lambda: compile(mod(expr_stmt(name('x'))), 'f', 'exec'))
t(lambda: compile(mod(expr_stmt(name('x', ast.Store()))), 'f', 'exec'))
t(lambda: compile(mod(ast.Expr(value=name('x'))), 'f', 'exec'))
t(lambda: compile(mod(expr_stmt(ast.Name(id='x', **L))), 'f', 'exec'))
t(lambda: compile(mod(expr_stmt(None)), 'f', 'exec'))
t(lambda: compile(mod(None), 'f', 'exec'))
t(lambda: compile(mod(expr_stmt(name(None))), 'f', 'exec'))
t(lambda: compile(mod(expr_stmt(name('None'))), 'f', 'exec'))
t(lambda: compile(mod(expr_stmt(name('True'))), 'f', 'exec'))
t(lambda: compile(mod(expr_stmt(ast.Constant(value=[1], **L))), 'f', 'exec'))
t(lambda: compile(mod(expr_stmt(ast.Constant(value=(1, [2]), **L))), 'f', 'exec'))
t(lambda: compile(ast.Module(body=(), type_ignores=[]), 'f', 'exec'))
t(lambda: compile(ast.Module(type_ignores=[]), 'f', 'exec'))
t(lambda: compile(mod(), 'f', 'eval'))
t(lambda: compile(mod(), 'f', 'single'))
t(lambda: compile(ast.Expression(body=name('x')), 'f', 'exec'))
t(lambda: compile(ast.Expression(body=ast.Name(id='x', ctx=ast.Load(), lineno='a', col_offset=0)), 'f', 'eval'))
t(lambda: compile(ast.Expression(body=ast.Name(id='x', ctx=ast.Load(), lineno=2, col_offset=0, end_lineno=1)), 'f', 'eval'))
t(lambda: compile(ast.Expression(body=ast.Name(id='x', ctx=ast.Load(), lineno=1, col_offset=5, end_col_offset=1)), 'f', 'eval'))
t(lambda: compile(ast.Expression(body=ast.Name(id='x', ctx=3, **L)), 'f', 'eval'))
t(lambda: compile(ast.Expression(body=ast.Name(id='x', ctx=None, **L)), 'f', 'eval'))
t(lambda: compile(ast.Expression(body=3), 'f', 'eval'))
t(lambda: compile(ast.Expression(body=ast.Name(id=b'x', ctx=ast.Load(), **L)), 'f', 'eval'))
t(lambda: compile(ast.Expression(body=ast.Constant(value=1, kind=3, **L)), 'f', 'eval'))
t(lambda: compile(ast.Expression(body=ast.List(elts=(), ctx=ast.Load(), **L)), 'f', 'eval'))
t(lambda: compile(ast.Expression(body=ast.List(elts=[None], ctx=ast.Load(), **L)), 'f', 'eval'))
t(lambda: compile(ast.Expression(body=ast.BoolOp(op=ast.And(), values=[name('a')], **L)), 'f', 'eval'))
t(lambda: compile(ast.Expression(body=ast.BoolOp(op=ast.Or(), values=[name('a'), name('b')], **L)), 'f', 'eval'))
t(lambda: compile(ast.Expression(body=ast.BoolOp(op=3, values=[name('a'), name('b')], **L)), 'f', 'eval'))
t(lambda: compile(ast.Expression(body=ast.Compare(left=name('a'), ops=[], comparators=[], **L)), 'f', 'eval'))
t(lambda: compile(ast.Expression(body=ast.Compare(left=name('a'), ops=[ast.Lt()], comparators=[name('b'), name('c')], **L)), 'f', 'eval'))
t(lambda: compile(ast.Expression(body=ast.Dict(keys=[None], values=[], **L)), 'f', 'eval'))
t(lambda: compile(ast.Expression(body=ast.BinOp(left=name('a'), op=ast.Add(), right=name('b', ast.Del()), **L)), 'f', 'eval'))
t(lambda: compile(ast.Expression(body=ast.Constant(value=1, lineno=1, col_offset=0, end_lineno=None)), 'f', 'eval'))
t(lambda: eval(compile(ast.Expression(body=ast.Constant(value=(1, (2, 'x'), b'y', 2.5, 1j, None, ...), **L)), 'f', 'eval')))
t(lambda: eval(compile(ast.Expression(body=ast.Constant(value=10**30, **L)), 'f', 'eval')))
t(lambda: eval(compile(ast.Expression(body=ast.Constant(value=True, lineno=-1, col_offset=-1)), 'f', 'eval')))
t(lambda: compile(ast.Expression(body=ast.Constant(value=1, **L)), 'f', 'eval', ast.PyCF_ONLY_AST).__class__.__name__)

def stmt_err(s):
    t(lambda: compile(ast.fix_missing_locations(mod(s)), 'f', 'exec'))

stmt_err(ast.FunctionDef(name='f', args=ast.arguments(posonlyargs=[], args=[], kwonlyargs=[], kw_defaults=[], defaults=[]), body=[], decorator_list=[]))
stmt_err(ast.FunctionDef(name='f', args=ast.arguments(posonlyargs=[], args=[], kwonlyargs=[], kw_defaults=[], defaults=[name('d')]), body=[ast.Pass()], decorator_list=[]))
stmt_err(ast.FunctionDef(name='f', args=ast.arguments(posonlyargs=[], args=[], kwonlyargs=[ast.arg('a')], kw_defaults=[], defaults=[]), body=[ast.Pass()], decorator_list=[]))
stmt_err(ast.FunctionDef(name='f', args=ast.arguments(posonlyargs=[], args=[], kwonlyargs=[], kw_defaults=[]), body=[ast.Pass()], decorator_list=[]))
stmt_err(ast.Delete(targets=[]))
stmt_err(ast.Delete(targets=[name('x')]))
stmt_err(ast.Assign(targets=[], value=name('x')))
stmt_err(ast.Assign(targets=[ast.Constant(1)], value=name('x')))
stmt_err(ast.AnnAssign(target=ast.Attribute(name('a'), 'b', ast.Store()), annotation=name('int'), simple=1))
stmt_err(ast.Try(body=[ast.Pass()], handlers=[], orelse=[], finalbody=[]))
stmt_err(ast.Try(body=[ast.Pass()], handlers=[], orelse=[ast.Pass()], finalbody=[ast.Pass()]))
stmt_err(ast.Raise(cause=name('x')))
stmt_err(ast.ImportFrom(module='m', names=[ast.alias('x')], level=-1))
stmt_err(ast.Import(names=[]))
stmt_err(ast.Global(names=[]))
stmt_err(ast.If(test=name('x'), body=[], orelse=[]))
stmt_err(ast.With(items=[], body=[ast.Pass()]))
stmt_err(ast.Expr(ast.NamedExpr(target=ast.Attribute(name('a'), 'b', ast.Store()), value=name('x'))))
stmt_err(ast.Expr(ast.ListComp(elt=name('x'), generators=[])))
stmt_err(ast.Match(subject=name('x'), cases=[]))
stmt_err(ast.Match(subject=name('x'), cases=[ast.match_case(pattern=ast.MatchAs(name='_'), body=[ast.Pass()])]))
stmt_err(ast.Match(subject=name('x'), cases=[ast.match_case(pattern=ast.MatchStar(name='a'), body=[ast.Pass()])]))
stmt_err(ast.Match(subject=name('x'), cases=[ast.match_case(pattern=ast.MatchOr(patterns=[ast.MatchAs()]), body=[ast.Pass()])]))
stmt_err(ast.Match(subject=name('x'), cases=[ast.match_case(pattern=ast.MatchSingleton(value=1), body=[ast.Pass()])]))
stmt_err(ast.Match(subject=name('x'), cases=[ast.match_case(pattern=ast.MatchValue(value=ast.Constant(None)), body=[ast.Pass()])]))
stmt_err(ast.Return(value=ast.Starred(name('x'), ast.Load())))

# A tree changed by a NodeTransformer, then compiled and run.
src = """
def add(a, b):
    return a + b
result = [add(i, 10) for i in range(3)]
print(result, 'text')
"""
class AddToMul(ast.NodeTransformer):
    def visit_BinOp(self, node):
        self.generic_visit(node)
        if isinstance(node.op, ast.Add):
            return ast.copy_location(ast.BinOp(node.left, ast.Mult(), node.right), node)
        return node
    def visit_Constant(self, node):
        if isinstance(node.value, str):
            return ast.copy_location(ast.Constant(node.value.upper()), node)
        return node
tree = ast.parse(src)
exec(compile(tree, '<orig>', 'exec'))
tree = ast.fix_missing_locations(AddToMul().visit(tree))
exec(compile(tree, '<changed>', 'exec'))
print(ast.unparse(tree))

# A module built entirely by hand.
fn = ast.FunctionDef(
    name='greet',
    args=ast.arguments(posonlyargs=[], args=[ast.arg(arg='who')], kwonlyargs=[], kw_defaults=[], defaults=[ast.Constant('world')]),
    body=[ast.Return(ast.JoinedStr([ast.Constant('hello '), ast.FormattedValue(ast.Name('who', ast.Load()), -1, None)]))],
    decorator_list=[])
call = ast.Expr(ast.Call(ast.Name('print', ast.Load()), [ast.Call(ast.Name('greet', ast.Load()), [], [])], [ast.keyword('sep', ast.Constant(''))]))
m = ast.fix_missing_locations(ast.Module([fn, call], []))
exec(compile(m, '<built>', 'exec'))
ns = {}
exec(compile(ast.fix_missing_locations(ast.Interactive([ast.Assign([ast.Name('z', ast.Store())], ast.Constant(5))])), '<i>', 'single'), ns)
print(ns['z'])
print(eval(compile(ast.Expression(ast.fix_missing_locations(ast.BinOp(ast.Constant(6), ast.Mult(), ast.Constant(7)))), '<e>', 'eval')))
# errors from the compiler itself keep their positions
try:
    compile(ast.parse("def f():\n    x = 1\n    global x\n"), 'g.py', 'exec')
except SyntaxError as e:
    print(e.msg, e.lineno, e.filename)
try:
    compile(ast.parse("return 1"), 'r.py', 'exec')
except SyntaxError as e:
    print(e.msg, e.lineno)
print(ast.dump(ast.parse("return 1")))
print(compile(ast.parse("x"), 'f', 'exec', ast.PyCF_ONLY_AST).__class__.__name__)
t(lambda: compile("x", 'f', 'exec', ast.PyCF_ONLY_AST).body[0].value.id)
t(lambda: compile(b"y = 2", 'f', 'exec', ast.PyCF_ONLY_AST).body[0].targets[0].id)
t(lambda: compile(5, 'f', 'exec', ast.PyCF_ONLY_AST))
t(lambda: compile("x", 'f', 'bogus', ast.PyCF_ONLY_AST))
