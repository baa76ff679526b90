import math as m

INF = float("inf")
NAN = float("nan")

cases = [
    "m.pi", "m.e", "m.tau", "m.inf", "m.nan",
    "m.sqrt(2)", "m.sqrt(-1)", "m.sqrt('x')", "m.sqrt()", "m.sqrt(10**400)",
    "m.log(0)", "m.log(-1)", "m.log(1, 1)", "m.log(8, 2)", "m.log(2**2000)", "m.log(100, 10)",
    "m.log10(10**400)", "m.log2(2**1500)", "m.log2(3)", "m.log10(0.001)", "m.log(0.0)", "m.log(-0.0)",
    "m.log('a')", "m.log()", "m.log(1, 2, 3)", "m.log(1.0, 0.0)", "m.log(True)", "m.log1p(1e-20)",
    "m.exp(1)", "m.exp(1000)", "m.exp(-1000)", "m.exp2(10)", "m.exp2(1025)", "m.expm1(1e-10)", "m.expm1(1000)",
    "m.pow(2, 10)", "m.pow(0, -1)", "m.pow(-1, 0.5)", "m.pow(10, 400)", "m.pow(NAN, 0)", "m.pow(1, NAN)",
    "m.pow(0.0, -INF)", "m.pow(-2.0, 1.5)", "m.pow(-2.0, 3)", "m.pow(INF, -3)", "m.pow(-INF, 3)",
    "m.factorial(0)", "m.factorial(20)", "m.factorial(30)", "m.factorial(-1)", "m.factorial(1.5)",
    "m.factorial(2**70)", "m.factorial(True)",
    "m.comb(10, 3)", "m.comb(5, -1)", "m.comb(-5, 1)", "m.comb(5.0, 1)", "m.comb(10, 11)", "m.comb(1000, 500) % 10**9",
    "m.perm(10, 3)", "m.perm(5)", "m.perm(5, -1)", "m.perm(-5)", "m.perm(10, 11)", "m.perm(5, None)",
    "m.isqrt(0)", "m.isqrt(15)", "m.isqrt(16)", "m.isqrt(10**40)", "m.isqrt(2**127 - 1)", "m.isqrt(-1)", "m.isqrt(1.5)",
    "m.fsum([0.1] * 10)", "m.fsum([1e100, 1.0, -1e100, 1e-100, 1e50, -1.0, -1e50])", "m.fsum([])",
    "m.fsum([1e308, 1e308])", "m.fsum([INF, -INF])", "m.fsum([INF, 1])", "m.fsum(['a'])", "m.fsum(iter([1, 2.5]))",
    "m.isclose(1, 1 + 1e-10)", "m.isclose(1, 1.1)", "m.isclose(1, 1.1, rel_tol=0.2)", "m.isclose(0, 1e-10, abs_tol=1e-9)",
    "m.isclose(1, 1, rel_tol=-1)", "m.isclose(1, 1, 2)", "m.isclose(INF, INF)", "m.isclose(NAN, NAN)",
    "m.ldexp(1.0, 10)", "m.ldexp(1.0, 2**70)", "m.ldexp(1.0, -2**70)", "m.ldexp(1.0, 1.5)", "m.ldexp(1e308, 10)",
    "m.ldexp(5e-324, -1)", "m.frexp(0.0)", "m.frexp(INF)", "m.frexp(8.0)", "m.frexp(-0.3)",
    "m.dist([1], [1, 2])", "m.dist(1, 2)", "m.dist((1, 2), (4, 6))", "m.dist([0.1, 0.2, 0.3], [1.5, 2.5, 3.5])",
    "m.hypot()", "m.hypot(-3)", "m.hypot(3, 4)", "m.hypot(1e-310, 3e-310)", "m.hypot(5e-324, 5e-324)",
    "m.hypot(1e308, 1e308)", "m.hypot(1, 2, 3, 4, 5)", "m.hypot(INF, NAN)", "m.hypot('a')",
    "m.gamma(0.5)", "m.gamma(5)", "m.gamma(0)", "m.gamma(-1)", "m.gamma(200)", "m.gamma(-200.5)", "m.gamma(171.5)",
    "m.gamma(-0.5)", "m.gamma(1e-30)",
    "m.lgamma(0.5)", "m.lgamma(100)", "m.lgamma(0)", "m.lgamma(-1)", "m.lgamma(1e308)", "m.lgamma(-2.5)",
    "m.erf(1)", "m.erf(-0.3)", "m.erfc(30)", "m.erfc(0.5)",
    "m.atanh(1)", "m.acos(2)", "m.acos(0.5)", "m.asin(1)", "m.atan(1)", "m.acosh(2)", "m.asinh(1)", "m.atanh(0.5)",
    "m.atan2(1, 1)", "m.atan2(INF, -INF)", "m.atan2(-0.0, -1)", "m.atan2(0, 0)",
    "m.fmod(7, 3)", "m.fmod(-7, 3)", "m.fmod(1, 0)", "m.fmod(INF, 1)", "m.fmod(1, INF)",
    "m.remainder(7, 3)", "m.remainder(5, 2)", "m.remainder(1, 0)", "m.remainder(INF, 1)", "m.remainder(3, INF)",
    "m.nextafter(1, 2)", "m.nextafter(1, 0)", "m.nextafter(0.0, -1)", "m.nextafter(1, 2, 3)", "m.nextafter(INF, 0)",
    "m.ulp(1.0)", "m.ulp(0.0)", "m.ulp(INF)", "m.ulp(-1e308)", "m.ulp(NAN)",
    "m.floor(2.5)", "m.floor(-2.5)", "m.floor('a')", "m.floor(INF)", "m.floor(7)", "m.floor(True)",
    "m.ceil(2.1)", "m.ceil(NAN)", "m.ceil(-0.5)", "m.trunc(-2.5)", "m.trunc('a')", "m.trunc(3)",
    "m.prod([])", "m.prod([], start=2)", "m.prod([1, 2], 3)", "m.prod(range(1, 11))", "m.prod([1.5, 2])", "m.prod(['a'], start=1)",
    "m.prod([2, 3], start='ab')",
    "m.gcd()", "m.gcd(12)", "m.gcd(-12, 18, 30)", "m.gcd(1.5)", "m.gcd(0, 0)", "m.gcd(2**100, 6**50)",
    "m.lcm()", "m.lcm(4, 6, -10)", "m.lcm('a')", "m.lcm(0, 5)", "m.lcm(-7)",
    "m.sin(INF)", "m.sin(1)", "m.cos(1)", "m.tan(1e300)", "m.cosh(1000)", "m.sinh(1)", "m.tanh(1)",
    "m.copysign(1)", "m.copysign(1, -0.0)", "m.copysign(NAN, -1)",
    "m.cbrt(-27)", "m.cbrt(8)", "m.modf(INF)", "m.modf(-3.5)", "m.modf(NAN)", "m.degrees(1)", "m.radians(180)",
    "m.isinf(1)", "m.isinf(-INF)", "m.isnan(NAN)", "m.isfinite(1e308)", "m.isfinite(NAN)",
    "m.fabs(-2)", "m.fabs('a')",
]


class F:
    def __float__(self):
        return 2.0

    def __floor__(self):
        return "floor!"

    def __ceil__(self):
        return "ceil!"

    def __trunc__(self):
        return "trunc!"


class I:
    def __index__(self):
        return 6


cases += ["m.sqrt(F())", "m.floor(F())", "m.ceil(F())", "m.trunc(F())", "m.gcd(I(), 4)", "m.factorial(I())", "m.isqrt(I())"]

for c in cases:
    try:
        r = eval(c)
        print(c, "->", repr(r))
    except Exception as e:
        print(c, "->", type(e).__name__, e)

print(sorted(n for n in dir(m) if not n.startswith("_")))
