# recursion through closures and lambdas, memoization with a dict in a closure
def make_fact():
    memo = {}
    def fact(n):
        if n in memo:
            return memo[n]
        r = 1 if n <= 1 else n * fact(n - 1)
        memo[n] = r
        return r
    return fact
fact = make_fact()
print(fact(30), fact(100) % 10**9, len(str(fact(200))))
Y = lambda f: (lambda x: x(x))(lambda y: f(lambda *a: y(y)(*a)))
print(Y(lambda self: lambda n: 1 if n == 0 else n * self(n - 1))(10))
