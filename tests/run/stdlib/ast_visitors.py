# NodeVisitor, NodeTransformer and the helpers of the ast module.
import ast

src = '''\
import os
class Shape:
    """A shape."""
    def area(self):
        return 0
    async def fetch(self, url):
        async with session(url) as r:
            return await r.json()
def helper(x, y=2, *args, **kw):
    total = x + y
    for a in args:
        total += a
    return total
print(helper(1, 2, 3), Shape().area())
'''
tree = ast.parse(src)

class Counter(ast.NodeVisitor):
    def __init__(self):
        self.counts = {}
    def generic_visit(self, node):
        name = type(node).__name__
        self.counts[name] = self.counts.get(name, 0) + 1
        super().generic_visit(node)
    def visit_FunctionDef(self, node):
        print('def', node.name, node.lineno, node.col_offset, node.end_lineno, [a.arg for a in node.args.args])
        self.generic_visit(node)
    def visit_AsyncFunctionDef(self, node):
        print('async def', node.name, ast.get_docstring(node, clean=False))
        self.generic_visit(node)

c = Counter()
c.visit(tree)
print(sorted(c.counts.items()))
print(sum(1 for _ in ast.walk(tree)))
print([n.id for n in ast.walk(tree) if isinstance(n, ast.Name)])
print(ast.get_source_segment(src, tree.body[1].body[1]))
print(ast.get_source_segment(src, tree.body[1].body[1], padded=True))
print(ast.get_source_segment(src, tree.body[2].body[0].value))

class RenameVars(ast.NodeTransformer):
    def visit_Name(self, node):
        if node.id == 'total':
            return ast.copy_location(ast.Name(id='acc', ctx=node.ctx), node)
        return node
    def visit_Import(self, node):
        return None  # remove
    def visit_Return(self, node):
        self.generic_visit(node)
        return [ast.Expr(ast.Constant('returning')), node]

new = RenameVars().visit(ast.parse(src))
ast.fix_missing_locations(new)
print(ast.unparse(new))
ast.increment_lineno(new, 10)
print(new.body[0].lineno, new.body[0].end_lineno, new.body[-1].value.lineno)
code = compile(new, '<renamed>', 'exec')
ns = {'session': None}
exec(code, ns)
print(sorted(k for k in ns if not k.startswith('__')))
print(ast.dump(ast.parse('a[b:c]').body[0], indent=4))
print(ast.dump(ast.parse('x'), annotate_fields=False))
print(ast.dump(ast.Name('x'), include_attributes=True))
