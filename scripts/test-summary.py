#!/usr/bin/env python3
"""test-summary.py - one closing line for the whole test command: the individual tests counted
inside every meson test (Check's "Checks: N, Failures: F, Errors: E", pytest's "N passed",
the CLI script's "N passed, N failed") across the given meson test logs (testlog*.json).
Prints "N passed, N failed" last; exits 1 when anything failed."""
import json
import re
import sys


def count(entry):
    out = entry.get("stdout") or ""
    ok = entry.get("result") == "OK"
    m = re.findall(r"Checks: (\d+), Failures: (\d+), Errors: (\d+)", out)
    if m:
        n, f, e = (int(x) for x in m[-1])
        return n - f - e, f + e
    m = re.findall(r"(\d+) passed, (\d+) failed", out)
    if m:
        return int(m[-1][0]), int(m[-1][1])
    m = re.findall(r"(\d+) passed(?:, (\d+) failed)?", out)
    if m:
        return int(m[-1][0]), int(m[-1][1] or 0)
    return (1, 0) if ok else (0, 1)


def main(paths):
    passed = failed = 0
    for path in paths:
        p = f = 0
        for line in open(path):
            line = line.strip()
            if line:
                a, b = count(json.loads(line))
                p += a
                f += b
        print(f"{path}: {p} passed, {f} failed")
        passed += p
        failed += f
    print(f"{passed} passed, {failed} failed")
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
