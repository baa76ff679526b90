a.b
a.b.c
a[b]
a[b][c]
a.b[c].d
a().b
(a).b
(a.b).c
"str".join(x)
1 .real
1.0.real
x[0].y[1:2].z
