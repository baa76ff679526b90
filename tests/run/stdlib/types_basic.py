import sys
import types


def show(label, f):
    try:
        print(label, f())
    except Exception as e:
        print(label, type(e).__name__, e)


def gen():
    yield 1


async def coro():
    pass


class C:
    def m(self):
        pass


show("function", lambda: (types.FunctionType.__name__, isinstance(show, types.FunctionType), types.LambdaType is types.FunctionType))
show("generator", lambda: (isinstance(gen(), types.GeneratorType), types.GeneratorType.__name__))
c = coro()
show("coroutine", lambda: (isinstance(c, types.CoroutineType), types.CoroutineType.__name__))
c.close()
show("method", lambda: (isinstance(C().m, types.MethodType), types.MethodType.__name__))
show("builtin", lambda: (isinstance(len, types.BuiltinFunctionType), types.BuiltinMethodType is types.BuiltinFunctionType))
show("module", lambda: (types.ModuleType("m").__name__, isinstance(sys, types.ModuleType), repr(types.ModuleType("m", "doc").__doc__)))
show("code", lambda: isinstance(show.__code__, types.CodeType))
show("none/ellipsis", lambda: (types.NoneType, types.EllipsisType, types.NotImplementedType))
ns = types.SimpleNamespace(a=1, b="x")
ns.c = [1]
show("namespace", lambda: (ns, ns.a, ns == types.SimpleNamespace(a=1, b="x", c=[1])))
mp = types.MappingProxyType({"k": 1})
show("mappingproxy", lambda: (mp["k"], len(mp), "k" in mp, dict(mp)))
show("mappingproxy immutable", lambda: mp.__setitem__("k", 2))
show("new_class", lambda: types.new_class("N", (object,), {}, lambda ns: ns.update(x=5)).x)
show("resolve_bases", lambda: types.resolve_bases((int, str)))
show("prepare_class", lambda: types.prepare_class("P", (object,))[0].__name__)
show("GenericAlias", lambda: (types.GenericAlias(list, (int,)), list[int] == types.GenericAlias(list, (int,))))
show("UnionType", lambda: (type(int | str) is types.UnionType, int | None))


class D:
    @types.DynamicClassAttribute
    def attr(self):
        return "dynamic"


show("DynamicClassAttribute", lambda: D().attr)
show("coroutine decorator", lambda: types.coroutine(gen) is not None)
show("get_original_bases", lambda: hasattr(types, "get_original_bases"))
show("TracebackType", lambda: types.TracebackType.__name__)
show("FrameType", lambda: isinstance(sys._getframe(), types.FrameType))
show("all", lambda: sorted(n for n in types.__all__)[:10])
