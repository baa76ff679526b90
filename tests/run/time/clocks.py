# time module clocks: types and monotonic behaviour, never the values
import time
for name in ["time", "monotonic", "perf_counter", "process_time", "thread_time"]:
    f = getattr(time, name)
    a = f()
    b = f()
    print(name, type(a).__name__, b >= a if name != "time" else True, a >= 0)
for name in ["time_ns", "monotonic_ns", "perf_counter_ns", "process_time_ns"]:
    v = getattr(time, name)()
    print(name, type(v).__name__, v >= 0)
start = time.perf_counter()
time.sleep(0.01)
print("slept at least 10ms:", time.perf_counter() - start >= 0.009)
time.sleep(0)
for bad in [-1, "x"]:
    try:
        time.sleep(bad)
    except (ValueError, TypeError) as e:
        print(type(e).__name__, e)
print(abs(time.time() - time.time_ns() / 1e9) < 1.0)
