# augmented assignment on names, attributes, subscripts, in-place vs rebind
l = [1]
alias = l
l += [2]
print(l, alias, l is alias)
t = (1,)
talias = t
t += (2,)
print(t, talias, t is talias)
s = "a"
s += "b"
s *= 3
print(s)
d = {"k": 1}
d["k"] += 10
d["k"] **= 2
print(d)
class O:
    pass
o = O()
o.v = 5
o.v -= 2
o.v //= 2
print(o.v)
counter = {"hits": 0}
def key():
    print("  key evaluated")
    return "hits"
counter[key()] += 1
print(counter)
try:
    undefined_aug += 1
except NameError as e:
    print("NameError", e)
x = 7
