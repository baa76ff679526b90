#!/usr/bin/env python3
"""Cycle collector benchmarks, under pyrite and under CPython 3.11:

- cycles:      10,000,000 reference cycles created and dropped in a loop,
               reclaimed by the automatic collections (peak RSS and time);
- short_lived: 10,000,000 short-lived objects (instances, tuples, lists,
               floats, strs) created and dropped (peak RSS and time);
- deep:        a 10,000,000-deep nested list and a 10,000,000-node linked
               list of instances, built and dropped (no native recursion);
- full_collect: a full gc.collect() over a heap of 1,000,000 live tracked
               objects (the program times the collection itself).

    benches/gc.py [--runs N] [--reference /usr/bin/python3.11] [--pyrite PATH] [NAME...]

Each measure is the best of --runs runs (peak RSS from getrusage of a
fresh measuring process, as benches/memory.py). Builds pyrite in release
mode unless --pyrite is given. Prints a table with the ratios
pyrite/CPython; asserts nothing.
"""

import argparse
import os
import subprocess
import sys
import tempfile

HERE = os.path.dirname(os.path.abspath(__file__))
sys.path.insert(0, HERE)
import run as program_runs  # noqa: E402  (reference_python, build_pyrite)

WORKLOADS = {
    "cycles": r'''
class Node:
    pass

def churn(n):
    for i in range(n):
        a = Node()
        b = Node()
        a.other = b
        b.other = a
        l = []
        l.append(l)

churn(10_000_000 // 3)
print("ok")
''',
    "short_lived": r'''
class Point:
    def __init__(self, x, y):
        self.x = x
        self.y = y

def churn(n):
    total = 0.0
    for i in range(n):
        p = Point(i, float(i))
        t = (p, i)
        l = [t]
        s = str(i)
        total += p.y + len(l) + len(s)
    return total

print(churn(10_000_000 // 5))
''',
    "deep": r'''
# Destroying deep structures must not recurse on the native stack.
x = []
for i in range(10_000_000):
    x = [x]
del x

class Node:
    __slots__ = ("next",)
    def __init__(self, n):
        self.next = n

head = None
for i in range(10_000_000):
    head = Node(head)
del head
print("ok")
''',
    "full_collect": r'''
import gc, time

class Node:
    __slots__ = ("i", "items")
    def __init__(self, i):
        self.i = i
        self.items = [i]

# 500,000 nodes and their lists: 1,000,000 tracked objects.
heap = [Node(i) for i in range(500_000)]
gc.collect()
best = None
for _ in range(3):
    t = time.perf_counter()
    gc.collect()
    d = time.perf_counter() - t
    best = d if best is None else min(best, d)
print("collect_seconds %.6f" % best)
''',
}

# Runs the command given as arguments; prints peak RSS (KiB), user+sys time and the output.
MEASURE = r'''
import resource, subprocess, sys, os
proc = subprocess.Popen(sys.argv[1:], stdout=subprocess.PIPE, stderr=subprocess.PIPE)
out, err = proc.communicate()
ru = resource.getrusage(resource.RUSAGE_CHILDREN)
if proc.returncode != 0:
    last = (err.decode("utf-8", "replace").strip().splitlines() or ["(no stderr)"])[-1]
    print("error", "exit status %d: %s" % (proc.returncode, last[:80]))
else:
    print(ru.ru_maxrss, ru.ru_utime + ru.ru_stime, out.decode().strip())
'''


def measure(cmd, runs):
    """(peak MiB, seconds, output) best of `runs`, or (None, None, reason)."""
    best = None
    for _ in range(runs):
        out = subprocess.run([sys.executable, "-c", MEASURE, *cmd], capture_output=True, text=True).stdout.strip()
        parts = out.split(" ", 2)
        if parts[0] == "error" or not parts[0].isdigit():
            return None, None, out
        rss, secs, text = int(parts[0]) / 1024, float(parts[1]), parts[2] if len(parts) > 2 else ""
        if text.startswith("collect_seconds"):
            secs = float(text.split()[1])
        if best is None:
            best = [rss, secs, text]
        else:
            best[0] = min(best[0], rss)
            best[1] = min(best[1], secs)
    return tuple(best)


def main():
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--runs", type=int, default=3)
    parser.add_argument("--reference", default="/usr/bin/python3.11", help="the CPython to compare with")
    parser.add_argument("--pyrite", help="a pyrite binary to use instead of building one")
    parser.add_argument("names", nargs="*", help="workloads to run (default: all)")
    args = parser.parse_args()
    reference = program_runs.reference_python(args.reference)
    pyrite = args.pyrite or program_runs.build_pyrite()
    names = args.names or list(WORKLOADS)

    print(f"reference: {reference}; pyrite: {pyrite}; best of {args.runs} runs")
    header = f"{'workload':<13} {'cpython MiB':>11} {'pyrite MiB':>10} {'ratio':>6}   {'cpython s':>9} {'pyrite s':>9} {'ratio':>6}"
    print(header)
    print("-" * len(header))
    with tempfile.TemporaryDirectory() as tmp:
        for name in names:
            program = os.path.join(tmp, name + ".py")
            with open(program, "w") as f:
                f.write(WORKLOADS[name])
            c = measure([reference, program], args.runs)
            p = measure([pyrite, program], args.runs)
            if c[0] is None or p[0] is None:
                print(f"{name:<13} error: {c[2] if c[0] is None else p[2]}")
                continue
            print(f"{name:<13} {c[0]:>11.1f} {p[0]:>10.1f} {p[0] / c[0]:>5.2f}x   {c[1]:>9.3f} {p[1]:>9.3f} {p[1] / c[1]:>5.2f}x", flush=True)
            if name == "full_collect":
                print("              (time: one full gc.collect() over 1,000,000 live tracked objects)")
    return 0


if __name__ == "__main__":
    sys.exit(main())
