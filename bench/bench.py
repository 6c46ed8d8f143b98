#!/usr/bin/env python3
"""bench.py - how fast aibom scans a tree, against a parse-only pass over the same files.

Usage: bench/bench.py [--rev REV] [--jobs N] [--build DIR] PATH...

For each PATH it runs, in the same process run: the parse-only baseline (bench/parse-only.c: list,
read and tree-sitter-parse the same files on one thread), `aibom scan -j 1`, and `aibom scan -j N`,
and prints files, MB, the three wall times, peak memory of the scans, and the ratio of the
one-thread scan to the parse-only pass (the cost of everything aibom adds to parsing). Figures are
printed, never asserted."""
import argparse
import json
import os
import resource
import subprocess
import sys
import tempfile
import time

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))


def run(cmd):
    before = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss
    t0 = time.monotonic()
    out = subprocess.run(cmd, capture_output=True, text=True)
    elapsed = time.monotonic() - t0
    if out.returncode != 0:
        sys.exit(f"{' '.join(cmd)} failed ({out.returncode}): {out.stderr.strip()}")
    peak = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss
    return out, elapsed, max(peak, before)


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("paths", nargs="+")
    ap.add_argument("--rev")
    ap.add_argument("--jobs", type=int, default=os.cpu_count() or 1)
    ap.add_argument("--build", default=os.path.join(ROOT, "build"))
    a = ap.parse_args()
    aibom = os.path.join(a.build, "aibom")
    parse_only = os.path.join(a.build, "bench", "aibom-parse-only")
    rev = ["--rev", a.rev] if a.rev else []
    print(f"{'path':40} {'files':>7} {'MB':>7} {'parse s':>8} {'scan-j1 s':>9} {'scan-j%d s' % a.jobs:>9} "
          f"{'MB/s j%d' % a.jobs:>9} {'findings':>8} {'ratio':>6}")
    for path in a.paths:
        out, _, _ = run([parse_only, path] + ([a.rev] if a.rev else []))
        files, nbytes, parse_s = out.stdout.split()
        files, nbytes, parse_s = int(files), int(nbytes), float(parse_s)
        with tempfile.TemporaryDirectory() as tmp:
            db = os.path.join(tmp, "scan.db")
            _, scan1, _ = run([aibom, "scan", "-q", "-j", "1", "-o", os.devnull] + rev + [path])
            _, scann, peak = run([aibom, "scan", "-q", "-j", str(a.jobs), "--db", db, "-o", os.devnull] + rev + [path])
            q, _, _ = run([aibom, "query", db, "SELECT count(*) AS n FROM findings"])
            findings = int(q.stdout.split(":")[1].strip(" }]\n"))
            # the source files of each language the scan parsed
            k, _, _ = run([aibom, "query", db, "SELECT kind, count(*) AS n FROM files WHERE kind IN "
                           "('python', 'notebook', 'javascript', 'typescript', 'tsx', 'go', 'java') "
                           "GROUP BY kind ORDER BY n DESC"])
            langs = ", ".join(f"{r['kind']} {r['n']}" for r in json.loads(k.stdout or "[]"))
        mb = nbytes / 1e6
        name = os.path.basename(os.path.abspath(path))
        if name == "repo":  # a mirror: /work/.mirror/owner+name/repo
            name = os.path.basename(os.path.dirname(os.path.abspath(path)))
        print(f"{name[:40]:40} {files:7d} {mb:7.1f} {parse_s:8.2f} {scan1:9.2f} "
              f"{scann:9.2f} {mb / scann:9.1f} {findings:8d} {scan1 / parse_s if parse_s else 0:6.2f}  ({langs})")
    print(f"peak RSS of the largest scan: {peak / 1024:.0f} MiB")


if __name__ == "__main__":
    main()
