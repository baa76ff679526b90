x = ((((((((((((((((((((((((((((((((((((((((((((((((((1))))))))))))))))))))))))))))))))))))))))))))))))))
y = [[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[0]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]
z = {'a': {'b': {'c': {'d': {'e': {'f': {'g': {'h': {'i': {'j': {}}}}}}}}}}}
w = a.b.c.d.e.f.g.h.i.j.k.l.m.n.o.p.q.r.s.t.u.v.w.x.y.z
v = f(g(h(i(j(k(l(m(n(o(p(q(r(s(t(u(1))))))))))))))))
u = -(-(-(-(-(-(-(-(-(-(-(-(-(-(-(-(-(-(-(-(1))))))))))))))))))))
t = 1 + 2 + 3 + 4 + 5 + 6 + 7 + 8 + 9 + 10 + 11 + 12 + 13 + 14 + 15 + 16 + 17 + 18 + 19 + 20
s = not not not not not not not not not not x
r = a if b else c if d else e if f else g if h else i
if a:
    if b:
        if c:
            if d:
                if e:
                    if f:
                        if g:
                            if h:
                                if i:
                                    if j:
                                        if k:
                                            if l:
                                                pass
def f1():
    def f2():
        def f3():
            class C1:
                class C2:
                    def m(self):
                        for i in x:
                            while y:
                                with z:
                                    try:
                                        return lambda: lambda: lambda: 1
                                    except E:
                                        pass
