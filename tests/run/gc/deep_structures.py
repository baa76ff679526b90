# Destroying deep structures does not recurse on the native stack.
x = []
for i in range(60_000):
    x = [x]
del x
print("nested lists")

t = ()
for i in range(60_000):
    t = (t,)
del t
print("nested tuples")

d = {}
for i in range(40_000):
    d = {"d": d}
del d
print("nested dicts")

class Node:
    def __init__(self, nxt):
        self.next = nxt

head = None
for i in range(40_000):
    head = Node(head)
del head
print("linked instances")

class Slotted:
    __slots__ = ("next",)
    def __init__(self, nxt):
        self.next = nxt

head = None
for i in range(40_000):
    head = Slotted(head)
del head
print("linked slotted instances")

e = None
for i in range(20_000):
    try:
        try:
            raise ValueError(i)
        finally:
            pass
    except ValueError as v:
        v.__context__ = e
        e = v
del e, v
print("exception chain")

# Deep structure that is also a cycle: collected without recursion.
import gc
first = last = []
for i in range(20_000):
    nxt = []
    last.append(nxt)
    last = nxt
last.append(first)
del first, last, nxt
print(gc.collect() >= 20_000)
