#!/usr/bin/env python3
"""calls.py - how well aibom resolves calls to repository-defined functions.

Usage: bench/calls.py [--build DIR] [--rev REV] PATH...   (with no PATH: every corpus repository)

For each tree it scans with `aibom scan --db` and counts, over call sites (edges of kind 'call'):
  exact      resolved to a repository definition
  heuristic  linked to the only repository method of that name
  unresolved not resolved, but the called name is the name of a repository function or method
             (so it probably targets repository code)
and prints resolved% = (exact + heuristic) / (exact + heuristic + unresolved), plus the external
calls (into libraries) and the rest (unresolved names that match no repository definition) for
context. Figures are printed, never asserted."""
import argparse
import json
import os
import subprocess
import sys
import tempfile

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))

SQL = """
WITH names AS (SELECT DISTINCT name FROM definitions WHERE kind = 'function'),
calls AS (
  SELECT resolution,
         CASE WHEN instr(callee, '.') > 0 THEN replace(callee, rtrim(callee, replace(callee, '.', '')), '')
              ELSE callee END AS last
  FROM edges WHERE kind = 'call')
SELECT
  sum(resolution = 'exact') AS exact,
  sum(resolution = 'heuristic') AS heuristic,
  sum(resolution = 'unresolved' AND last IN (SELECT name FROM names)) AS unresolved,
  sum(resolution = 'external') AS external,
  sum(resolution = 'unresolved' AND last NOT IN (SELECT name FROM names)) AS other
FROM calls
"""


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("paths", nargs="*")
    ap.add_argument("--build", default=os.path.join(ROOT, "build"))
    ap.add_argument("--rev")
    a = ap.parse_args()
    aibom = os.path.join(a.build, "aibom")
    paths = a.paths or sorted(os.path.join(ROOT, "corpus", d) for d in os.listdir(os.path.join(ROOT, "corpus"))
                              if d != "expected" and os.path.isdir(os.path.join(ROOT, "corpus", d)))
    print(f"{'tree':32} {'exact':>7} {'heur':>6} {'unres':>6} {'resolved%':>9} {'external':>9} {'other':>7}")
    tot = [0, 0, 0, 0, 0]
    for path in paths:
        with tempfile.TemporaryDirectory() as tmp:
            db = os.path.join(tmp, "x.db")
            subprocess.run([aibom, "scan", "-q", "--db", db, "-o", os.devnull] + (["--rev", a.rev] if a.rev else []) +
                           [path], check=True)
            row = json.loads(subprocess.run([aibom, "query", db, " ".join(SQL.split())], capture_output=True,
                                            text=True, check=True).stdout)[0]
        vals = [int(row[k] or 0) for k in ("exact", "heuristic", "unresolved", "external", "other")]
        tot = [x + y for x, y in zip(tot, vals)]
        e, h, u, x, o = vals
        pct = 100.0 * (e + h) / (e + h + u) if e + h + u else 100.0
        name = os.path.basename(os.path.abspath(path))
        if name == "repo":  # a mirror: /work/.mirror/owner+name/repo
            name = os.path.basename(os.path.dirname(os.path.abspath(path)))
        print(f"{name[:32]:32} {e:7d} {h:6d} {u:6d} {pct:8.1f}% {x:9d} {o:7d}")
    e, h, u, x, o = tot
    pct = 100.0 * (e + h) / (e + h + u) if e + h + u else 100.0
    print(f"{'TOTAL':32} {e:7d} {h:6d} {u:6d} {pct:8.1f}% {x:9d} {o:7d}")


if __name__ == "__main__":
    sys.exit(main())
