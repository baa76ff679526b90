#!/usr/bin/env python3
"""Print the errno table of modules/errno.rs from python3's errno module:
the names in CPython's insertion order of `errno.errorcode` (where a later
alias overwrites the name of a shared value), then the remaining aliases.
Values come from the libc crate at build time, so the table is portable."""
import errno

order = list(errno.errorcode.items())
names = [name for _, name in order]
aliases = sorted(n for n in dir(errno) if n.startswith("E") and n not in names)
# Each alias shares its value with a name already listed; CPython registers
# aliases before the name that wins in errorcode, so emit them first.
out = []
for code, name in order:
    for a in aliases:
        if getattr(errno, a) == code and a not in out:
            out.append(a)
    out.append(name)
print("const ERRNO_NAMES: &[(&str, i32)] = &[")
for n in out:
    print(f'    ("{n}", libc::{n}),')
print("];")
