"""Compare source decoding (BOM, PEP 263 cookies, newlines) with python3's on
every stdlib file declaring an encoding or starting with a BOM.

    python3 tests/tokenizer/compare_decoding.py [--bin PATH] [FILES or DIRS...]
"""
import io
import os
import re
import subprocess
import sys
import sysconfig
import tokenize

COOKIE = re.compile(rb"^[ \t\f]*#.*?coding[:=]", re.M)


def python_decode(raw):
    try:
        enc, _ = tokenize.detect_encoding(io.BytesIO(raw).readline)
        text = raw.decode(enc)
    except (SyntaxError, LookupError, UnicodeDecodeError) as e:
        return "ERROR"
    if text.startswith("\ufeff"):
        text = text[1:]
    return text.replace("\r\n", "\n").replace("\r", "\n")


def main():
    args = sys.argv[1:]
    binary = os.path.join(os.environ.get("CARGO_TARGET_DIR", "target"), "release", "examples", "tokens")
    if args[:1] == ["--bin"]:
        binary, args = args[1], args[2:]
    roots = args or [sysconfig.get_paths()["stdlib"]]
    files = []
    for r in roots:
        if os.path.isdir(r):
            for dp, dns, fns in os.walk(r):
                if "site-packages" in dns:
                    dns.remove("site-packages")
                files.extend(os.path.join(dp, f) for f in fns if f.endswith(".py"))
        else:
            files.append(r)
    same = differ = 0
    for path in sorted(files):
        raw = open(path, "rb").read()
        head = b"\n".join(raw.splitlines()[:2])
        if not (raw.startswith(b"\xef\xbb\xbf") or COOKIE.search(head)):
            continue
        ours = subprocess.run([binary, "--decode", path], capture_output=True).stdout
        ours = "ERROR" if ours.startswith(b"ERROR ") else ours.decode()
        theirs = python_decode(raw)
        if ours == theirs:
            same += 1
        else:
            differ += 1
            print(f"DIFF {path}: ours {ours[:60]!r} python {theirs[:60]!r}")
    print(f"{same} files decoded alike, {differ} differ")


if __name__ == "__main__":
    main()
