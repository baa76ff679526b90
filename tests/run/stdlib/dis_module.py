# The standard library's dis over our code objects: lib/opcode.py gives it
# our instruction numbers, so the listing is CPython's.
import dis
import opcode


def f(a, b=1, *args, **kw):
    for i in range(a):
        b += i * 2
        if i > 3:
            break
    else:
        b = -b
    try:
        c = kw["x"]
    except KeyError as e:
        c = str(e)
    with open(__file__) as fh:
        pass
    return a if b else (c, args, f"{a!r:>3}")


class K:
    def m(self):
        return super().m()


dis.dis(f)
dis.dis(K.m)
dis.dis("x = y + 1; del x")
print([i.opname for i in dis.get_instructions(lambda: 0)])
print(dis.Bytecode(f).info().splitlines()[:6])
print(dis.code_info(K.m).splitlines()[1:4])
print(opcode.stack_effect(opcode.opmap["LOAD_CONST"], 0), opcode.stack_effect(opcode.opmap["POP_TOP"]))
print(opcode.stack_effect(opcode.opmap["FOR_ITER"], 3, jump=True), opcode.stack_effect(opcode.opmap["FOR_ITER"], 3, jump=False))
for args in ((opcode.opmap["POP_TOP"], 1), (opcode.opmap["LOAD_CONST"],), ("x",)):
    try:
        print(opcode.stack_effect(*args))
    except Exception as e:
        print(type(e).__name__, e)
print(len(opcode.opname), sorted(opcode.opmap) == sorted(n for n in opcode.opname if not n.startswith("<")))
