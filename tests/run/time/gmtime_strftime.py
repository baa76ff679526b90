# time.gmtime (UTC, pure arithmetic), strftime and asctime on fixed timestamps
import time
for t in [0, -1, 86399, 86400, 951782400, 1_000_000_000, 1_700_000_000, -10_000_000_000, 253402300799, 10**15, 1.9, -1.9, True]:
    print(t, tuple(time.gmtime(t)), time.gmtime(t).tm_zone, time.gmtime(t).tm_gmtoff)
print(time.gmtime(67768036191676799)[:3])
for bad in [float("nan"), float("inf"), -float("inf"), 1e20, 2**63, "x", [], 67768036191676800]:
    try:
        time.gmtime(bad)
    except (ValueError, OverflowError, TypeError, OSError) as e:
        print(type(e).__name__, e)
t = time.gmtime(1_000_000_000)
for fmt in ["%Y-%m-%d %H:%M:%S", "%a %A %b %B", "%c", "%x %X", "%d %j %U %W %w %u %V %G %g", "%I %p %y %C",
            "%e|%k|%l|%P", "%D %F %R %T %r", "%%", "%Z %z", "", "plain", "%", "%Q", "é %Y ü", "%s"]:
    print(repr(fmt), repr(time.strftime(fmt, t)))
print(time.strftime("%Y", (2020, 0, 0, 0, 0, 0, 0, 0, 0)), time.strftime("%a", (2020, 1, 1, 0, 0, 0, 7, 1, 0)))
print(time.strftime("%Y|%m|%d", (-5, 1, 1, 0, 0, 0, 0, 1, 0)), time.strftime("%Y", (12345, 1, 1, 0, 0, 0, 0, 1, 0)))
print(time.asctime(t), time.asctime((2020, 1, 1, 0, 0, 0, 0, 1, 0)), time.asctime((20200, 2, 3, 4, 5, 6, 2, 34, 0)))
print(time.asctime((2020, 0, 0, 0, 0, 0, 0, 0, 0)))
for args in [("%Y", (2020, 13, 1, 0, 0, 0, 0, 1, 0)), ("%Y", (2020, 1, 32, 0, 0, 0, 0, 1, 0)), ("%Y", (2020, 1, 1, 24, 0, 0, 0, 1, 0)),
             ("%Y", (2020, 1, 1, 0, 60, 0, 0, 1, 0)), ("%Y", (2020, 1, 1, 0, 0, 62, 0, 1, 0)), ("%Y", (2020, 1, 1, 0, 0, 0, -9, 1, 0)),
             ("%Y", (2020, 1, 1, 0, 0, 0, 0, 367, 0)), ("%Y", (2020, 1, 1)), ("%Y", [2020, 1, 1, 0, 0, 0, 0, 1, 0]),
             ("%Y", (2020.5, 1, 1, 0, 0, 0, 0, 1, 0)), ("%Y", (10**10, 1, 1, 0, 0, 0, 0, 1, 0)), ("%Y", (10**20, 1, 1, 0, 0, 0, 0, 1, 0)),
             ("%Y", (-10**10, 1, 1, 0, 0, 0, 0, 1, 0)), ("a\0b", t), (5, t), ("%Y", 5), (), ("%Y", t, 1)]:
    try:
        print(time.strftime(*args))
    except (ValueError, TypeError, OverflowError) as e:
        print(type(e).__name__, e)
for args in [((2020, 13, 1, 0, 0, 0, 0, 1, 0),), ((1, 2),), (5,), (t, t)]:
    try:
        print(time.asctime(*args))
    except (ValueError, TypeError) as e:
        print(type(e).__name__, e)
