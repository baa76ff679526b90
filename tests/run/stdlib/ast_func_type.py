# ast.parse(..., mode='func_type'): signature type comments.
import ast
for s in ['(int, str) -> bool', '() -> None', '(int) -> List[int]', '(*int) -> None', '(**str) -> x', '(a, *b, **c) -> d', '(int,) -> x', '(a)->b\n', '(a) -> b  # c', '(\n a,\n b) -> c', '((a, b)) -> c', '("x->y") -> z', '(a) -> b\n\n']:
    try: print(repr(s), ast.dump(ast.parse(s, mode='func_type'), include_attributes=True))
    except SyntaxError as e: print(repr(s), 'SyntaxError', e.msg, e.lineno, e.offset, repr(e.text))
