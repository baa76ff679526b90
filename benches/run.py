#!/usr/bin/env python3
"""Program benchmarks: each pure-Python program of benches/programs/ run
under pyrite and under CPython 3.11, whole process timed (start-up included).

    benches/run.py [--runs N] [--reference /usr/bin/python3.11] [--pyrite PATH] [NAME...]

Builds pyrite in release mode first (unless --pyrite is given). The
reference is Debian's optimized CPython (`apt-get install -y python3.11`),
as for benches/front_end.py. Each time is the best of --runs runs. Both
interpreters must print the same output (each program prints a checksum);
a program pyrite cannot run, or whose output differs, shows as "error"
without stopping the others. Prints a table (program, CPython s, pyrite s,
ratio pyrite/CPython) and the geometric mean of the ratios. Asserts nothing.
"""

import argparse
import math
import os
import shutil
import subprocess
import sys
import time

HERE = os.path.dirname(os.path.abspath(__file__))
sys.path.insert(0, os.path.join(HERE, "..", "scripts"))
import pyrite_oracle as oracle  # noqa: E402

PROGRAMS = os.path.join(HERE, "programs")
# A program running longer than this is stopped and counted as an error.
TIMEOUT = 300


def reference_python(path):
    """The reference interpreter; installs Debian's python3.11 when missing and allowed."""
    if os.access(path, os.X_OK):
        return path
    if os.geteuid() == 0 and shutil.which("apt-get"):
        print(f"{path} missing: installing Debian's python3.11", flush=True)
        subprocess.run(["apt-get", "update", "-qq"], check=False)
        subprocess.run(["apt-get", "install", "-y", "-qq", "python3.11"], check=True)
        if os.access(path, os.X_OK):
            return path
    sys.exit(f"error: {path} not found; install it with `apt-get install -y python3.11` or pass --reference")


def build_pyrite():
    """`cargo build --release -p pyrite` and the path of the binary it made."""
    print("building pyrite (release)...", flush=True)
    subprocess.run(["cargo", "build", "--release", "-q", "-p", "pyrite"], cwd=oracle.REPO, check=True)
    target = os.environ.get("CARGO_TARGET_DIR") or os.path.join(oracle.REPO, "target")
    return os.path.join(target, "release", "pyrite")


def time_program(cmd, runs):
    """(best wall time in s, stdout) of `cmd` over `runs` runs, or (None, reason)."""
    best, output = None, None
    for _ in range(runs):
        start = time.perf_counter()
        try:
            proc = subprocess.run(cmd, cwd=oracle.REPO, env=oracle.program_env(), capture_output=True,
                                  stdin=subprocess.DEVNULL, timeout=TIMEOUT)
        except subprocess.TimeoutExpired:
            return None, f"timed out after {TIMEOUT} s"
        elapsed = time.perf_counter() - start
        if proc.returncode != 0:
            last = (proc.stderr.decode("utf-8", "replace").strip().splitlines() or ["(no stderr)"])[-1]
            return None, f"exit status {proc.returncode}: {last[:80]}"
        if output is not None and proc.stdout != output:
            return None, "output differs between runs"
        output = proc.stdout
        best = elapsed if best is None else min(best, elapsed)
    return best, output


def main():
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--runs", type=int, default=3, help="runs per program and interpreter; the best counts (default 3)")
    parser.add_argument("--reference", default="/usr/bin/python3.11", help="the CPython to compare with")
    parser.add_argument("--pyrite", help="a pyrite binary to use instead of building one")
    parser.add_argument("names", nargs="*", help="only these programs (file names without .py)")
    args = parser.parse_args()

    reference = reference_python(args.reference)
    pyrite = args.pyrite or build_pyrite()
    names = sorted(f[:-3] for f in os.listdir(PROGRAMS) if f.endswith(".py"))
    if args.names:
        unknown = set(args.names) - set(names)
        if unknown:
            sys.exit(f"error: no such program: {', '.join(sorted(unknown))}")
        names = [n for n in names if n in args.names]

    print(f"reference: {reference}; pyrite: {pyrite}; best of {args.runs} runs")
    header = f"{'program':<14} {'cpython s':>10} {'pyrite s':>10} {'ratio':>8}"
    print(header)
    print("-" * len(header))
    ratios, errors = [], 0
    for name in names:
        rel = os.path.join("benches", "programs", name + ".py")
        ref_time, ref_out = time_program([reference, "-s", rel], args.runs)
        if ref_time is None:
            print(f"{name:<14} {'error':>10} {'':>10} {'':>8}  reference failed: {ref_out}")
            errors += 1
            continue
        pyr_time, pyr_out = time_program([pyrite, rel], args.runs)
        note = ""
        if pyr_time is None:
            note = pyr_out
        elif pyr_out != ref_out:
            note = "output differs: " + pyr_out.decode("utf-8", "replace").strip()[:60]
            pyr_time = None
        if pyr_time is None:
            errors += 1
            print(f"{name:<14} {ref_time:>10.3f} {'error':>10} {'':>8}  {note}", flush=True)
            continue
        ratio = pyr_time / ref_time
        ratios.append(ratio)
        print(f"{name:<14} {ref_time:>10.3f} {pyr_time:>10.3f} {ratio:>7.2f}x", flush=True)
    print("-" * len(header))
    if ratios:
        geomean = math.exp(sum(math.log(r) for r in ratios) / len(ratios))
        print(f"geometric mean of pyrite/CPython over {len(ratios)} programs: {geomean:.2f}x"
              + (f" ({errors} errors not counted)" if errors else ""))
    else:
        print(f"geometric mean: n/a (no program ran under pyrite; {errors} errors)")
    return 0


if __name__ == "__main__":
    sys.exit(main())
