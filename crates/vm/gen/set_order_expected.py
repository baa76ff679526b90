#!/usr/bin/env python3
"""Regenerates the SET_CASES table of src/types/set_table.rs from CPython 3.11.

Run from crates/vm: python3 gen/set_order_expected.py
Each scenario is a list of operations on one set of ints:
  a x: add x    d x: discard x    p: pop (logs the key)    c: s = s.copy()
  C: clear      o: log len(s) followed by the keys in iteration order
  U x: s.update(o) where o = set(range(x, x + 40, 3)) (set_merge)
"""
import random
import re

def scenarios():
    rnd = random.Random(1234)
    out = []
    out.append([("a", 3), ("a", 1), ("a", 2), ("o", 0)])
    out.append([("a", x) for x in range(20, 0, -3)] + [("o", 0)])
    out.append([("a", 10**6), ("a", 1), ("a", 7), ("c", 0), ("o", 0)])
    # Collisions modulo small tables, with deletions (dummies) and re-insertions.
    ops = [("a", x * 8) for x in range(12)] + [("o", 0)]
    ops += [("d", x * 8) for x in range(0, 12, 3)] + [("o", 0)]
    ops += [("a", x * 32) for x in range(6)] + [("o", 0)]
    ops += [("p", 0)] * 4 + [("o", 0)] + [("a", -1), ("a", -2), ("a", 2**40)] + [("o", 0)]
    out.append(ops)
    # Random mixes on tables of several sizes, with negative keys (hash(-1) == -2).
    for n, span in [(30, 64), (200, 1000), (400, 10**12), (300, 40)]:
        ops = []
        for _ in range(n):
            r = rnd.random()
            x = rnd.randrange(-span, span) * rnd.choice([1, 1, 8, 32, 1024])
            if r < 0.6:
                ops.append(("a", x))
            elif r < 0.85:
                ops.append(("d", x))
            elif r < 0.95:
                ops.append(("p", 0))
            elif r < 0.97:
                ops.append(("c", 0))
            else:
                ops.append(("o", 0))
        ops.append(("o", 0))
        out.append(ops)
    # Pops scanning from the finger, then clear and reuse.
    ops = [("a", x) for x in range(0, 200, 3)] + [("p", 0)] * 30 + [("o", 0)]
    ops += [("a", x) for x in range(1000, 1010)] + [("p", 0)] * 5 + [("C", 0)]
    ops += [("a", x) for x in (5, 3, 9)] + [("p", 0), ("o", 0)]
    out.append(ops)
    # Merges into empty and non-empty sets, of equal and different sizes.
    out.append([("U", 5), ("o", 0), ("U", 100), ("o", 0), ("c", 0), ("U", -7), ("o", 0)])
    out.append([("a", 1), ("d", 1), ("U", 0), ("o", 0), ("C", 0), ("a", 64), ("U", 60), ("o", 0)])
    return out


def run(ops):
    s = set()
    log = []
    for op, x in ops:
        if op == "a":
            s.add(x)
        elif op == "d":
            s.discard(x)
        elif op == "p":
            log.append(s.pop() if s else -(2**63))
        elif op == "c":
            s = s.copy()
        elif op == "C":
            s.clear()
        elif op == "U":
            s.update(set(range(x, x + 40, 3)))
        elif op == "o":
            log.append(len(s))
            log.extend(s)
    return log


def wrap(items, indent, width=100):
    """Comma-separated items packed into lines of at most `width` characters."""
    lines, cur = [], indent
    for it in items:
        if len(cur) + len(it) + 2 > width and cur.strip():
            lines.append(cur.rstrip())
            cur = indent
        cur += it + ", "
    if cur.strip():
        lines.append(cur.rstrip())
    return lines


def main():
    lines = ["    #[rustfmt::skip]", "    const SET_CASES: &[SetCase] = &["]
    for ops in scenarios():
        o = ["(b'%s', %d)" % (op, x) for op, x in ops]
        e = ["%d" % v if v != -(2**63) else "i64::MIN" for v in run(ops)]
        lines.append("        (")
        lines.append("            &[")
        lines.extend(wrap(o, "                "))
        lines.append("            ],")
        lines.append("            &[")
        lines.extend(wrap(e, "                "))
        lines.append("            ],")
        lines.append("        ),")
    lines.append("    ];")
    path = "src/types/set_table.rs"
    text = open(path).read()
    begin = "    // BEGIN GENERATED SET_CASES\n"
    end = "    // END GENERATED SET_CASES\n"
    a = text.index(begin) + len(begin)
    b = text.index(end)
    open(path, "w").write(text[:a] + "\n".join(lines) + "\n" + text[b:])


if __name__ == "__main__":
    main()
