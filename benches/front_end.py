#!/usr/bin/env python3
"""Front-end benchmark: pyrite against CPython 3.11 on the whole installed
standard library, and the time of a 1x against a 10x input (linearity).

    benches/front_end.py [--stage parse|compile] [--runs N] [--reference /usr/bin/python3.11]

`--stage parse` (the default) times source to AST; `--stage compile` times
source to code objects. Both sides work in one process with files already
read, so process start-up and I/O are excluded: pyrite with its hidden
`--parse-only FILE...` / `--compile-only FILE...` modes, CPython with
`compile(src, path, 'exec', flags)` (flags = ast.PyCF_ONLY_AST to parse only).
The reference is Debian's optimized CPython (`apt-get install -y python3.11`).
Each measurement is the best of --runs runs. Prints results; asserts nothing.
"""

import argparse
import os
import re
import shutil
import subprocess
import sys
import tempfile

sys.path.insert(0, os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", "scripts"))
import pyrite_oracle as oracle  # noqa: E402

# Runs inside the reference interpreter: read everything, then time parsing.
CPYTHON_TIMER = r"""
import ast, sys, time
flags = int(sys.argv[1])
sources = []
for path in sys.argv[2:]:
    with open(path, 'rb') as f:
        sources.append((path, f.read()))
total, rejected = 0.0, 0
for path, src in sources:
    start = time.perf_counter()
    try:
        tree = compile(src, path, 'exec', flags)
    except (SyntaxError, ValueError):
        rejected += 1
    tree = None  # freeing the tree is part of the cost, as in pyrite
    total += time.perf_counter() - start
print(f"parsed {len(sources)} files ({rejected} rejected) in {total:.6f} s")
"""

TIME_RE = re.compile(r"in ([0-9.]+) s")


def reference_python(path):
    if os.access(path, os.X_OK):
        return path
    if os.geteuid() == 0 and shutil.which("apt-get"):
        print(f"{path} missing: installing Debian's python3.11", flush=True)
        subprocess.run(["apt-get", "update", "-qq"], check=False)
        subprocess.run(["apt-get", "install", "-y", "-qq", "python3.11"], check=True)
        if os.access(path, os.X_OK):
            return path
    sys.exit(f"error: {path} not found; install it with `apt-get install -y python3.11` or pass --reference")


def best_time(cmd, runs):
    times = []
    for _ in range(runs):
        out = subprocess.run(cmd, capture_output=True, text=True, check=True).stdout
        match = TIME_RE.search(out)
        if not match:
            sys.exit(f"error: no time in the output of {cmd[0]}: {out!r}")
        times.append(float(match.group(1)))
    return min(times)


def linearity_inputs(files, folder, size):
    """A 1x file (stdlib modules concatenated up to `size` bytes) and a 10x
    file (the 1x repeated ten times). Only UTF-8 modules without a coding
    line or BOM are used, so that the concatenation stays one valid module."""
    parts, total = [], 0
    for path in files:
        with open(path, "rb") as f:
            src = f.read()
        head = b"\n".join(src.split(b"\n", 2)[:2])
        if src.startswith(b"\xef\xbb\xbf") or re.search(rb"coding[:=]", head):
            continue
        try:
            src.decode("utf-8")
            compile(src, path, "exec", 0x400)  # ast.PyCF_ONLY_AST: skip files CPython rejects
        except (SyntaxError, ValueError, UnicodeDecodeError):
            continue
        if not src.endswith(b"\n"):
            src += b"\n"
        parts.append(src)
        total += len(src)
        if total >= size:
            break
    one = b"".join(parts)
    paths = []
    for name, data in (("1x.py", one), ("10x.py", one * 10)):
        path = os.path.join(folder, name)
        with open(path, "wb") as f:
            f.write(data)
        paths.append(path)
    return paths, len(one)


def main():
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--stage", choices=["parse", "compile"], default="parse",
                        help="parse: source to AST (default); compile: source to code objects")
    parser.add_argument("--runs", type=int, default=3, help="runs per measurement, the best is kept (default 3)")
    parser.add_argument("--reference", default="/usr/bin/python3.11", help="the CPython timed against")
    parser.add_argument("--pyrite", help="the pyrite binary (default: cargo build --release)")
    parser.add_argument("--linear-size", type=int, default=2_000_000, help="bytes of the 1x input (default 2 MB)")
    args = parser.parse_args()

    reference = reference_python(args.reference)
    pyrite_mode = "--parse-only" if args.stage == "parse" else "--compile-only"
    cpython_timer = [reference, "-c", CPYTHON_TIMER, str(0x400 if args.stage == "parse" else 0)]
    python = oracle.find_python()
    root = oracle.stdlib_dir(python)
    files = oracle.stdlib_files(root)
    if args.pyrite:
        pyrite = args.pyrite
    else:
        target = os.environ.get("CARGO_TARGET_DIR") or os.path.join(
            os.environ.get("XDG_CACHE_HOME") or os.path.expanduser("~/.cache"), "pyrite", "target")
        env = dict(os.environ, CARGO_TARGET_DIR=target)
        subprocess.run(["cargo", "build", "--release", "-q", "-p", "pyrite"], cwd=oracle.REPO, env=env, check=True)
        pyrite = os.path.join(target, "release", "pyrite")
    version = subprocess.run([reference, "--version"], capture_output=True, text=True).stdout.strip()

    load = os.getloadavg()[0]
    if load > (os.cpu_count() or 1) - 0.5:
        print(f"note: load average {load:.1f} on {os.cpu_count()} cores: other work is running, times are inflated "
              "(the ratios are more trustworthy than the absolute times)")
    size = sum(os.path.getsize(f) for f in files)
    print(f"stdlib: {root}: {len(files)} files, {size / 1e6:.1f} MB; best of {args.runs} runs")
    print(f"stage: {args.stage}")
    t_pyrite = best_time([pyrite, pyrite_mode, *files], args.runs)
    t_cpython = best_time([*cpython_timer, *files], args.runs)
    print(f"  pyrite {pyrite_mode:<19} {t_pyrite:8.3f} s  ({size / 1e6 / t_pyrite:6.1f} MB/s)")
    print(f"  {version} {reference:<10} {t_cpython:8.3f} s  ({size / 1e6 / t_cpython:6.1f} MB/s)")
    ratio = t_pyrite / t_cpython
    print(f"  time ratio pyrite / CPython: {ratio:.3f} "
          f"(pyrite {1 / ratio if ratio < 1 else ratio:.1f}x {'faster' if ratio < 1 else 'slower'})")

    with tempfile.TemporaryDirectory() as folder:
        (one, ten), one_size = linearity_inputs(files, folder, args.linear_size)
        print(f"linearity: 1x = {one_size / 1e6:.1f} MB of concatenated stdlib modules, 10x = it repeated 10 times")
        for name, cmd in (("pyrite", [pyrite, pyrite_mode]), ("CPython", cpython_timer)):
            t1 = best_time(cmd + [one], args.runs)
            t10 = best_time(cmd + [ten], args.runs)
            print(f"  {name:<8} 1x {t1:8.3f} s   10x {t10:8.3f} s   10x/1x = {t10 / t1:5.2f} (linear: 10)")


if __name__ == "__main__":
    main()
