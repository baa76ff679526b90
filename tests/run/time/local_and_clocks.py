# localtime/mktime round trips and clock information (no zone-dependent values printed)
import time
for t in [0, 1_000_000_000, 1_700_000_000]:
    lt = time.localtime(t)
    print(type(lt).__name__, len(lt), time.mktime(lt) == t, type(lt.tm_zone).__name__, type(lt.tm_gmtoff).__name__)
print(lt.tm_gmtoff == -(time.altzone if lt.tm_isdst > 0 else time.timezone))
print(type(time.timezone).__name__, type(time.altzone).__name__, time.daylight in (0, 1), len(time.tzname), type(time.tzname).__name__)
print(time.ctime(1_000_000_000) == time.asctime(time.localtime(1_000_000_000)), len(time.ctime()), type(time.localtime()).__name__)
print(time.tzset(), type(time.mktime(time.localtime())).__name__)
for name in ["time", "monotonic", "perf_counter", "process_time", "thread_time"]:
    info = time.get_clock_info(name)
    print(name, info.implementation, info.monotonic, info.adjustable, info.resolution > 0)
print(time.clock_gettime(time.CLOCK_MONOTONIC) > 0, type(time.clock_gettime_ns(time.CLOCK_REALTIME)).__name__, time.clock_getres(time.CLOCK_REALTIME) > 0)
print(time.CLOCK_REALTIME, time.CLOCK_MONOTONIC, time.CLOCK_PROCESS_CPUTIME_ID, time.CLOCK_THREAD_CPUTIME_ID)
for f in [lambda: time.get_clock_info("nope"), lambda: time.get_clock_info(), lambda: time.get_clock_info(5), lambda: time.mktime(5),
          lambda: time.mktime((1, 2)), lambda: time.mktime(), lambda: time.localtime(float("nan")), lambda: time.localtime("x"),
          lambda: time.localtime(1, 2), lambda: time.ctime(1e20), lambda: time.clock_gettime("x"), lambda: time.clock_gettime(),
          lambda: time.time(1), lambda: time.sleep(), lambda: time.sleep(x=1), lambda: time.gmtime(x=1), lambda: time.tzset(1),
          lambda: time.ctime(1, 2), lambda: time.gmtime(1, 2)]:
    try:
        print("ok", f())
    except (ValueError, TypeError, OverflowError) as e:
        print(type(e).__name__, e)
