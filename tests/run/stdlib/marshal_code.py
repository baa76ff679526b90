# Code objects survive marshal.dumps/loads and run as the original;
# dump/load go through file objects.
import marshal


class Buffer:
    """A minimal binary file: write() appends, read(n) consumes."""

    def __init__(self, data=b''):
        self.data = bytes(data)
        self.pos = 0

    def write(self, b):
        self.data += b
        return len(b)

    def read(self, n=-1):
        end = len(self.data) if n < 0 else self.pos + n
        out = self.data[self.pos:end]
        self.pos += len(out)
        return out

    def readinto(self, b):
        data = self.read(len(b))
        b[:len(data)] = data
        return len(data)


class TextFile:
    def read(self, n=-1):
        return 'N'

src = '''
def f(a, *b, c=1, **d):
    try:
        return [x * 2 for x in b if x]
    except ZeroDivisionError as e:
        raise
    finally:
        print("finally", a, c, sorted(d))

class C:
    attr = 'class attr'
    def m(self):
        return super().__repr__()[:3] + self.attr

def gen(n):
    total = yield from range(n)
    return total

def closure(k):
    def inner(v):
        nonlocal k
        k += v
        return k
    return inner

async def coro(v):
    return v * 3

def run_coro(c):
    try:
        c.send(None)
    except StopIteration as e:
        return e.value

match {'k': [1, 2, 3]}:
    case {'k': [1, *rest]} if rest:
        matched = rest
print(f(1, 2, 0, 3, c=5, z=1), C().m(), list(gen(3)), closure(10)(5), run_coro(coro(7)), matched)
print({'k': 1.5, 'j': (1, 2j)}, b'x', -2**70, {1, 2} | {3}, f"{1 + 1:>4}|", 'é', ...)
with open.__class__ if False else __import__('contextlib').nullcontext(5) if False else type('CM', (), {'__enter__': lambda s: 42, '__exit__': lambda s, *a: False})() as v:
    print('with', v)
def g(x):
    return 1 / x
try:
    g(0)
except ZeroDivisionError as e:
    tb = e.__traceback__
    lines = []
    while tb:
        lines.append((tb.tb_frame.f_code.co_name, tb.tb_lineno))
        tb = tb.tb_next
    print('traceback', lines)
'''
code = compile(src, 'orig.py', 'exec')
data = marshal.dumps(code)
loaded = marshal.loads(data)
print(type(loaded).__name__, loaded.co_name, loaded.co_filename, loaded.co_firstlineno)
for attr in ['co_names', 'co_varnames', 'co_cellvars', 'co_freevars', 'co_argcount', 'co_flags', 'co_stacksize',
             'co_qualname', 'co_kwonlyargcount', 'co_posonlyargcount', 'co_nlocals']:
    print(attr, getattr(loaded, attr) == getattr(code, attr))
print('consts', len(loaded.co_consts) == len(code.co_consts))
print('lines', list(loaded.co_lines()) == list(code.co_lines()))
print('positions', list(loaded.co_positions()) == list(code.co_positions()))
exec(loaded, {'__name__': 'loaded'})
ff = [c for c in loaded.co_consts if hasattr(c, 'co_name') and c.co_name == 'f'][0]
print(ff.co_varnames, ff.co_qualname, ff.co_firstlineno)

# dump and load through files; several objects one after another.
buf = Buffer()
marshal.dump([1, 'two', 3.0], buf)
marshal.dump({'k': (None, True)}, buf, 2)
marshal.dump(code, buf)
print(marshal.load(buf))
print(marshal.load(buf))
c2 = marshal.load(buf)
print(type(c2).__name__, c2.co_filename)
try:
    marshal.load(buf)
except EOFError as e:
    print('EOFError', e)
buf = Buffer(b'i\x01\x00')
try:
    marshal.load(buf)
except EOFError as e:
    print('EOFError', e)
try:
    marshal.load(TextFile())
except TypeError as e:
    print('TypeError', e)
