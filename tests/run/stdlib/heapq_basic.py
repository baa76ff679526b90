import heapq

h = []
for x in [5, 1, 8, 3, 9, 2]:
    heapq.heappush(h, x)
print(h, heapq.heappop(h), h)
print(heapq.heappushpop(h, 0), heapq.heapreplace(h, 7), h)
data = [9, 4, 7, 1, 8, 2]
heapq.heapify(data)
print(data, [heapq.heappop(data) for _ in range(len(data))])
print(heapq.nlargest(3, [5, 1, 8, 3, 9, 2]), heapq.nsmallest(2, [5, 1, 8, 3]), heapq.nsmallest(2, "hello", key=ord))
print(heapq.nlargest(2, [{"a": 3}, {"a": 1}, {"a": 2}], key=lambda d: d["a"]))
print(list(heapq.merge([1, 4, 7], [2, 5], [3, 6, 9])), list(heapq.merge(["b", "a"], ["c"], key=str.upper, reverse=True)))
for f in [lambda: heapq.heappop([]), lambda: heapq.heappush(1, 2), lambda: heapq.heapify(None), lambda: heapq.heapreplace([], 1)]:
    try:
        f()
    except Exception as e:
        print(type(e).__name__, e)
h = [(2, "b"), (1, "a")]
heapq.heapify(h)
print(h[0], heapq._heapify_max([3, 1, 2]) if hasattr(heapq, "_heapify_max") else None)
# big heaps use CPython's cache-friendly heapify order: same layout expected
x = 12345
big = []
for _ in range(6000):
    x = (x * 1103515245 + 12345) % 2**31
    big.append(x % 1000)
heapq.heapify(big)
print(big[:20], sum(i * v for i, v in enumerate(big)) % 1000003)
mx = list(range(3000))
heapq._heapify_max(mx)
print(mx[:10], heapq._heappop_max(mx), heapq._heapreplace_max(mx, -1), mx[:5])


class Bad:
    def __lt__(self, other):
        h2.clear()
        return True


h2 = [Bad(), Bad(), Bad()]
try:
    heapq.heapify(h2)
except Exception as e:
    print(type(e).__name__, e)
print(heapq.heappushpop([], 5), heapq.heappushpop([1], 0), heapq.heappushpop([1, 3], 2))
for f in [lambda: heapq.heappush([]), lambda: heapq.heappop([1], 2), lambda: heapq.heapify([1, "a"]), lambda: heapq.heappush([1], "a"),
          lambda: heapq.heappop(5), lambda: heapq.heapreplace(5, 1)]:
    try:
        f()
    except Exception as e:
        print(type(e).__name__, e)
