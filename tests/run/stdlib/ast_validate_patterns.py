import ast
# match patterns the validator refuses or accepts
def t(p):
    m = ast.fix_missing_locations(ast.Module([ast.Match(ast.Name('x', ast.Load()), [ast.match_case(p, body=[ast.Pass()])])], []))
    try: compile(m, 'f', 'exec'); print('ok')
    except Exception as e: print(type(e).__name__, e)
C=ast.Constant
t(ast.MatchValue(C(None))); t(ast.MatchValue(C(True))); t(ast.MatchValue(C(1))); t(ast.MatchValue(C(...)))
t(ast.MatchValue(ast.Name('a', ast.Load()))); t(ast.MatchValue(ast.JoinedStr([])))
t(ast.MatchValue(ast.UnaryOp(ast.USub(), C(1)))); t(ast.MatchValue(ast.UnaryOp(ast.Not(), C(1)))); t(ast.MatchValue(ast.UnaryOp(ast.USub(), C('s'))))
t(ast.MatchValue(ast.BinOp(C(1), ast.Add(), C(2j)))); t(ast.MatchValue(ast.BinOp(C(1), ast.Mult(), C(2j))))
t(ast.MatchValue(ast.Attribute(ast.Name('a', ast.Load()), 'b', ast.Load())))
t(ast.MatchValue(C(b'x'))); t(ast.MatchValue(C((1,2))))
t(ast.MatchMapping(keys=[ast.Name('a', ast.Load())], patterns=[ast.MatchAs()]))
t(ast.MatchMapping(keys=[C(None)], patterns=[ast.MatchAs()]))
t(ast.MatchMapping(keys=[C(1)], patterns=[]))
t(ast.MatchClass(cls=C(1), patterns=[], kwd_attrs=[], kwd_patterns=[]))
t(ast.MatchClass(cls=ast.Name('A', ast.Load()), patterns=[], kwd_attrs=['a'], kwd_patterns=[]))
t(ast.MatchAs(pattern=ast.MatchAs(), name=None))
t(ast.MatchSequence([ast.MatchStar('_')]))
t(ast.MatchSequence([ast.MatchStar('a'), ast.MatchStar('b')]))
t(ast.MatchAs(name='None'))
