"""Shared helpers of the test scripts: finding CPython 3.11 (the oracle) and
its standard library, the oracle's `--dump-ast`, running whole programs
(the cases under tests/run/), the `.expected` file format and a readable
layout for one-line `ast.dump` output.

Imported by scripts/regen-expected, scripts/stdlib-ast-check and
benches/front_end.py; not a program itself.
"""

import os
import shutil
import subprocess
import sys

REPO = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))

# What `pyrite --dump-ast FILE` must print, computed by CPython: the dump on
# stdout, or the uncaught exception as `python3 FILE` would print it but
# without the frames of this script (only the part printed for the
# SyntaxError itself: File/line, source line, caret, `Kind: msg`).
DUMP_AST_SCRIPT = r"""
import ast, sys
path = sys.argv[1]
try:
    with open(path, 'rb') as f:
        source = f.read()
    tree = ast.parse(source, path)
except Exception as e:
    sys.__excepthook__(type(e), e.with_traceback(None), None)
    sys.exit(1)
print(ast.dump(tree, include_attributes=True))
"""


def find_python():
    """The oracle: $PYRITE_PYTHON, else python3 (must be CPython 3.11)."""
    exe = os.environ.get("PYRITE_PYTHON") or shutil.which("python3")
    if not exe:
        sys.exit("error: python3 not found; install CPython 3.11 or set PYRITE_PYTHON")
    version = subprocess.run(
        [exe, "-c", "import sys, platform; print(platform.python_implementation(), *sys.version_info[:2])"],
        capture_output=True, text=True,
    ).stdout.split()
    if version != ["CPython", "3", "11"]:
        sys.exit(f"error: {exe} is {' '.join(version) or 'unusable'}, the oracle must be CPython 3.11 "
                 "(set PYRITE_PYTHON to one)")
    return exe


def oracle_env():
    env = dict(os.environ)
    # Deterministic text output whatever the locale; no .pyc side effects.
    env["PYTHONIOENCODING"] = "utf-8"
    env["PYTHONDONTWRITEBYTECODE"] = "1"
    for var in ("PYTHONSTARTUP", "PYTHONPATH", "PYTHONHOME", "PYTHONWARNINGS"):
        env.pop(var, None)
    return env


# Cases under this folder are whole programs: run as `python3 CASE`, not
# through `--dump-ast`.
PROGRAM_SUITE = "tests/run/"


def is_program_case(rel_path):
    """Whether a case (path relative to the repo root) is run as a program."""
    return rel_path.replace(os.sep, "/").startswith(PROGRAM_SUITE)


def is_helper_module(name):
    """A `.py` file named `_*.py` under tests/run/ is a module that cases
    import, not a case."""
    return name.startswith("_")


def program_env():
    """The environment of a program case: like oracle_env, and no other
    PYTHON* variable can change how the interpreter behaves."""
    env = {k: v for k, v in oracle_env().items() if not k.startswith("PYTHON")}
    env["PYTHONIOENCODING"] = "utf-8"
    env["PYTHONDONTWRITEBYTECODE"] = "1"
    return env


def stdin_for(rel_path):
    """A program case's standard input: the bytes of `case.stdin` beside it, or None (empty)."""
    path = os.path.join(REPO, os.path.splitext(rel_path)[0] + ".stdin")
    try:
        with open(path, "rb") as f:
            return f.read()
    except FileNotFoundError:
        return None


def strip_repo_prefix(data):
    """CPython 3.11 makes the script's path absolute (`__file__`, tracebacks,
    sys.path[0]): paths under the repository are shown relative to its root,
    so that expected outputs do not depend on where the clone lives. The
    harness does the same to pyrite's output."""
    return data.replace(os.path.realpath(REPO).encode() + b"/", b"")


def side_lines(rel_path, ext):
    """The lines of a case's side file (`case.args`, `case.env`), or None."""
    path = os.path.join(REPO, os.path.splitext(rel_path)[0] + ext)
    try:
        with open(path, encoding="utf-8") as f:
            return f.read().splitlines()
    except FileNotFoundError:
        return None


def program_args(rel_path):
    """A program case's arguments: `case.args` holds one a line, `{case}`
    standing for the case's path (put last when no line says where)."""
    lines = side_lines(rel_path, ".args")
    if lines is None:
        return [rel_path]
    args = [rel_path if line == "{case}" else line for line in lines]
    if "{case}" not in lines:
        args.append(rel_path)
    return args


def program_case_env(rel_path):
    """program_env() plus the `NAME=VALUE` lines of `case.env`."""
    env = program_env()
    for line in side_lines(rel_path, ".env") or []:
        if line:
            name, _, value = line.partition("=")
            env[name] = value
    return env


def run_program(cmd_prefix, rel_path, timeout=60):
    """Run `*cmd_prefix ARGS` from the repo root as a program case is run
    (ARGS: the case's path, or what its `.args` file says) -> (status,
    stdout, stderr) bytes, repository paths made relative."""
    data = stdin_for(rel_path)
    proc = subprocess.run([*cmd_prefix, *program_args(rel_path)], cwd=REPO, env=program_case_env(rel_path),
                          capture_output=True, input=data if data is not None else b"", timeout=timeout)
    return proc.returncode, strip_repo_prefix(proc.stdout), strip_repo_prefix(proc.stderr)


def run_oracle(python, rel_path):
    """Run the oracle on a case (path relative to the repo root) -> (status, stdout, stderr) bytes.
    A program case (tests/run/) runs as `python3 -s CASE`, any other as `--dump-ast` would."""
    if is_program_case(rel_path):
        # -s: no user site-packages, which could import things at start-up.
        return run_program([python, "-s"], rel_path)
    proc = subprocess.run([python, "-s", "-c", DUMP_AST_SCRIPT, rel_path], cwd=REPO,
                          env=oracle_env(), capture_output=True, stdin=subprocess.DEVNULL)
    return proc.returncode, proc.stdout, proc.stderr


def stdlib_dir(python):
    """The stdlib the oracle uses: $PYRITE_STDLIB, else sysconfig's."""
    override = os.environ.get("PYRITE_STDLIB")
    if override:
        return override
    return subprocess.run([python, "-c", "import sysconfig; print(sysconfig.get_paths()['stdlib'])"],
                          capture_output=True, text=True, check=True).stdout.strip()


def stdlib_files(root):
    """Every .py file of the stdlib, tests included, site-packages excluded, sorted."""
    found = []
    for dirpath, dirnames, filenames in os.walk(root):
        dirnames[:] = sorted(d for d in dirnames if d not in ("site-packages", "__pycache__"))
        found.extend(os.path.join(dirpath, f) for f in sorted(filenames) if f.endswith(".py"))
    return found


# The `.expected` format (see README): a status line, then each stream
# under a `--- NAME` header. A stream not ending in a newline gets one
# appended and its header says so, so that the bytes round-trip exactly.
NO_EOL = " (no newline at end)"


def format_expected(status, stdout, stderr):
    out = [f"status: {status}\n".encode()]
    for name, data in (("stdout", stdout), ("stderr", stderr)):
        if data and not data.endswith(b"\n"):
            out.append(f"--- {name}{NO_EOL}\n".encode() + data + b"\n")
        else:
            out.append(f"--- {name}\n".encode() + data)
    return b"".join(out)


def pretty_dump(text):
    """Break a one-line ast.dump into indented lines so that diffs are
    readable: a node or list holding no other node or list stays on one
    line, others get one field per line. String literals are left intact."""
    # First pass: the matching close of each bracket, and whether the
    # group has groups inside.
    close, nested, stack, quote, i = {}, set(), [], None, 0
    while i < len(text):
        c = text[i]
        if quote:
            if c == "\\":
                i += 1
            elif c == quote:
                quote = None
        elif c in "'\"":
            quote = c
        elif c in "([" and text[i + 1:i + 2] in (")", "]"):
            i += 1  # `Load()` and `[]` are leaves
        elif c in "([":
            if stack:
                nested.add(stack[-1])
            stack.append(i)
        elif c in ")]" and stack:
            close[stack.pop()] = i
        i += 1
    lines, depth, cur, quote, i = [], 0, "", None, 0
    while i < len(text):
        c = text[i]
        if quote:
            cur += c
            if c == "\\" and i + 1 < len(text):
                cur += text[i + 1]
                i += 1
            elif c == quote:
                quote = None
        elif c in "'\"":
            quote = c
            cur += c
        elif c in "([" and text[i + 1:i + 2] in (")", "]"):
            cur += text[i:i + 2]
            i += 1
        elif c in "([" and i in close and i not in nested:
            cur += text[i:close[i] + 1]
            i = close[i]
        elif c in "([":
            lines.append("  " * depth + cur + c)
            depth += 1
            cur = ""
        elif c in ")]":
            if cur:
                lines.append("  " * depth + cur)
            depth = max(depth - 1, 0)
            cur = c
        elif c == ",":
            lines.append("  " * depth + cur + ",")
            cur = ""
            if text[i + 1:i + 2] == " ":
                i += 1
        else:
            cur += c
        i += 1
    if cur:
        lines.append("  " * depth + cur)
    return lines
