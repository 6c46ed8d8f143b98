#!/usr/bin/env python3
"""check-symbols.py - every symbol libaibom.so exports is declared in include/aibom.h with a
documentation comment right above it, and nothing internal leaks. Usage: LIB HEADER"""
import re
import subprocess
import sys


def main(lib, header):
    out = subprocess.run(["nm", "-D", "--defined-only", lib], capture_output=True, text=True, check=True).stdout
    exported = sorted({line.split()[-1] for line in out.splitlines() if " T " in line})
    text = open(header).read()
    bad = []
    for sym in exported:
        if not sym.startswith("aibom_") or "__" in sym:
            bad.append(f"{sym}: internal symbol exported")
            continue
        m = re.search(r"(/\*\*?(?:(?!\*/).)*\*/)\s*AIBOM_EXTERN\([^)]*\)\s*" + re.escape(sym) + r"\(", text, re.S)
        if not m:
            bad.append(f"{sym}: not declared with a doc comment in {header}")
    for b in bad:
        print(b)
    print(f"{len(exported) - len(bad)} passed, {len(bad)} failed")
    return 1 if bad or not exported else 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1], sys.argv[2]))
