#!/usr/bin/env python3
"""tests/cite/bibcheck.py FILE: exits 0 when FILE is BibTeX entries that
a BibTeX reader accepts: @type{key, then `name = {value},` or `name =
macro,` lines, each value's braces balanced (escaped \\{ \\} aside), no
unescaped LaTeX special (% & $ # _) outside the url field, and a closing
}.  Prints the first problem otherwise."""
import re
import sys

MONTHS = {"jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct", "nov", "dec"}


def fail(msg):
    print(msg)
    sys.exit(1)


def value_ok(name, v, where):
    depth = 0
    i = 0
    while i < len(v):
        c = v[i]
        if c == "\\":
            i += 2
            continue
        if c == "{":
            depth += 1
        elif c == "}":
            depth -= 1
            if depth < 0:
                fail(f"{where}: {name}: a closing brace with none open")
        elif c in "%&$#_" and name != "url":
            fail(f"{where}: {name}: unescaped {c!r}")
        elif ord(c) < 0x20 or 0x7f <= ord(c) <= 0x9f:
            fail(f"{where}: {name}: control character U+{ord(c):04X}")
        i += 1
    if depth:
        fail(f"{where}: {name}: unbalanced braces")


text = open(sys.argv[1], encoding="utf-8").read()
entries = 0
lines = text.split("\n")
n = 0
while n < len(lines):
    line = lines[n]
    n += 1
    if not line.strip():
        continue
    m = re.fullmatch(r"@([a-z]+)\{([A-Za-z0-9._:-]+),", line)
    if not m:
        fail(f"line {n}: not an entry head: {line!r}")
    entries += 1
    fields = set()
    while True:
        if n >= len(lines):
            fail(f"line {n}: entry not closed")
        line = lines[n]
        n += 1
        if line == "}":
            break
        m = re.fullmatch(r"  ([a-z]+) = (\{.*\}|[a-z]+),", line)
        if not m:
            fail(f"line {n}: not a field: {line!r}")
        name, v = m.group(1), m.group(2)
        if name in fields:
            fail(f"line {n}: {name} twice")
        fields.add(name)
        if v.startswith("{"):
            value_ok(name, v[1:-1], f"line {n}")
        elif v not in MONTHS:
            fail(f"line {n}: unknown macro {v}")
if not entries:
    fail("no entry")
