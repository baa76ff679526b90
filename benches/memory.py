#!/usr/bin/env python3
"""Memory benchmark: peak resident memory of a program that builds
1,000,000 objects, drops them, and does it again for 3x work, under pyrite
and under CPython 3.11.

    benches/memory.py [--reference /usr/bin/python3.11] [--pyrite PATH]

Each round builds a million objects held at once (instances of a small
class, tuples, lists, dicts, strings and floats) and then drops them all,
so a 3x run (three rounds) should peak about as high as a 1x run: a peak
that grows with the rounds means memory is not reclaimed. The peak RSS of
each child comes from getrusage(RUSAGE_CHILDREN) in a fresh measuring
process per run. Builds pyrite in release mode unless --pyrite is given.
Prints results; asserts nothing.
"""

import argparse
import os
import subprocess
import sys
import tempfile

HERE = os.path.dirname(os.path.abspath(__file__))
sys.path.insert(0, HERE)
import run as program_runs  # noqa: E402  (reference_python, build_pyrite)

# The measured program: `rounds` rounds of one million objects built and dropped.
WORKLOAD = r'''
import sys

class Node:
    def __init__(self, key, value):
        self.key = key
        self.value = value

def build():
    objs = []
    for i in range(200_000):
        objs.append(Node(i, float(i)))
        objs.append((i, i + 1))
        objs.append([i])
        objs.append({"k": i} if i % 2 else str(i))
    return objs  # 200,000 x (Node, its float, tuple, list, dict or str) = 1,000,000 objects

rounds = int(sys.argv[1])
checksum = 0
for _ in range(rounds):
    objs = build()
    checksum += len(objs) + objs[-4].key
    del objs
print("checksum", checksum)
'''

# Runs the command given as arguments and prints its peak RSS in KiB.
MEASURE = r'''
import resource, subprocess, sys
proc = subprocess.run(sys.argv[1:], capture_output=True)
if proc.returncode != 0:
    last = (proc.stderr.decode("utf-8", "replace").strip().splitlines() or ["(no stderr)"])[-1]
    print("error", "exit status %d: %s" % (proc.returncode, last[:80]))
else:
    print(resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss, proc.stdout.decode().strip())
'''


def peak_rss(cmd):
    """(peak RSS in MiB, output) of one run of `cmd`, or (None, reason)."""
    out = subprocess.run([sys.executable, "-c", MEASURE, *cmd], capture_output=True, text=True).stdout.strip()
    first, _, rest = out.partition(" ")
    if first == "error" or not first.isdigit():
        return None, rest or out or "no output"
    return int(first) / 1024, rest


def main():
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--reference", default="/usr/bin/python3.11", help="the CPython to compare with")
    parser.add_argument("--pyrite", help="a pyrite binary to use instead of building one")
    args = parser.parse_args()
    reference = program_runs.reference_python(args.reference)
    pyrite = args.pyrite or program_runs.build_pyrite()

    with tempfile.TemporaryDirectory() as tmp:
        program = os.path.join(tmp, "million_objects.py")
        with open(program, "w") as f:
            f.write(WORKLOAD)
        print(f"reference: {reference}; pyrite: {pyrite}")
        header = f"{'interpreter':<12} {'1x peak MiB':>12} {'3x peak MiB':>12} {'3x/1x':>7}"
        print(header)
        print("-" * len(header))
        outputs = {}
        for label, exe in (("cpython", reference), ("pyrite", pyrite)):
            peaks = []
            for rounds in (1, 3):
                peak, out = peak_rss([exe, program, str(rounds)])
                peaks.append(peak)
                outputs[(label, rounds)] = out
                if peak is None:
                    break
            if None in peaks:
                print(f"{label:<12} {'error':>12} {'':>12} {'':>7}  {outputs[(label, len(peaks) * 2 - 1)]}")
                continue
            print(f"{label:<12} {peaks[0]:>12.1f} {peaks[1]:>12.1f} {peaks[1] / peaks[0]:>6.2f}x")
        for rounds in (1, 3):
            a, b = outputs.get(("cpython", rounds)), outputs.get(("pyrite", rounds))
            if a is not None and b is not None and a != b and not b.startswith("exit status"):
                print(f"note: outputs differ at {rounds}x: cpython {a!r}, pyrite {b!r}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
