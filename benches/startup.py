#!/usr/bin/env python3
"""Start-up benchmark: `pyrite -c pass` and `pyrite -S -c pass` against
`python3 -c pass` and `python3 -S -c pass`, in one run.

    benches/startup.py [--runs N] [--pyrite PATH] [--reference /usr/bin/python3.11]

Each command is started --runs times (after one warm-up run) with the
PYTHON* variables removed from the environment; the mean and the best wall
time are shown, then how many times faster pyrite starts than the
reference (mean against mean). The target is at least 5x against
`python3 -c pass`. pyrite reads the reference's standard library
($PYRITE_STDLIB), so both run the same `site` over the same
site-packages; bytecode caches may be written (the first, warm-up run
writes them). The reference is Debian's optimized CPython, as for
benches/run.py. Builds pyrite in release mode unless --pyrite is given.
Prints results; asserts nothing.
"""

import argparse
import os
import shutil
import subprocess
import sys
import time

HERE = os.path.dirname(os.path.abspath(__file__))
sys.path.insert(0, HERE)
import run as program_runs  # noqa: E402  (build_pyrite)


def clean_env():
    env = {k: v for k, v in os.environ.items() if not k.startswith("PYTHON") and not k.startswith("PYRITE")}
    return env


def stdlib_of(python):
    """The standard library folder of the CPython at `python`."""
    out = subprocess.run([python, "-S", "-c", "import sysconfig; print(sysconfig.get_paths()['stdlib'])"],
                         capture_output=True, text=True, check=True)
    return out.stdout.strip()


def time_starts(cmd, runs, env):
    """(mean, best) wall time in seconds of `cmd` started `runs` times."""
    subprocess.run(cmd, env=env, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, check=False)
    times = []
    for _ in range(runs):
        start = time.perf_counter()
        proc = subprocess.run(cmd, env=env, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, check=False)
        times.append(time.perf_counter() - start)
        if proc.returncode != 0:
            sys.exit(f"error: {' '.join(cmd)} exited with {proc.returncode}: {proc.stderr.decode(errors='replace')}")
    return sum(times) / len(times), min(times)


def main():
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--runs", type=int, default=30, help="starts per command (default 30)")
    parser.add_argument("--pyrite", help="the pyrite binary (default: build it in release mode)")
    parser.add_argument("--reference", default="/usr/bin/python3.11",
                        help="the CPython 3.11 to compare with (default Debian's /usr/bin/python3.11)")
    args = parser.parse_args()
    reference = program_runs.reference_python(shutil.which(args.reference) or args.reference)
    pyrite = args.pyrite or program_runs.build_pyrite()
    env = clean_env()
    pyrite_env = dict(env, PYRITE_STDLIB=stdlib_of(reference))
    rows = []
    for name, exe, exe_env in (("pyrite", pyrite, pyrite_env), ("python3", reference, env)):
        for flags in ([], ["-S"]):
            cmd = [exe, *flags, "-c", "pass"]
            mean, best = time_starts(cmd, args.runs, exe_env)
            rows.append((name, " ".join([name, *flags, "-c", "pass"]), mean, best))
    print(f"start-up, {args.runs} runs each (reference: {reference}; stdlib: {pyrite_env['PYRITE_STDLIB']})")
    print(f"{'command':<24} {'mean ms':>9} {'best ms':>9}")
    for _, label, mean, best in rows:
        print(f"{label:<24} {mean * 1000:9.2f} {best * 1000:9.2f}")
    by_label = {label: mean for _, label, mean, _ in rows}
    for flags in ("", " -S"):
        ours = by_label[f"pyrite{flags} -c pass"]
        theirs = by_label[f"python3{flags} -c pass"]
        print(f"python3{flags} -c pass / pyrite{flags} -c pass: {theirs / ours:.1f}x")
    print(f"python3 -c pass / pyrite -S -c pass: {by_label['python3 -c pass'] / by_label['pyrite -S -c pass']:.1f}x")
    return 0


if __name__ == "__main__":
    sys.exit(main())
