café = 1
π = 3.14159
变量 = "chinese"
ÅngstrÖm = 2
ﬁle = 3
ℌ = 4
x_2 = 5
𝔘𝔫𝔦𝔠𝔬𝔡𝔢 = 6
def función(número): return número
class Ñandú: pass
print(café, π, 变量, ﬁle, ℌ)
obj.атрибут = "é"
k = "ß"; ß = k
