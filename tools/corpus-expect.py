#!/usr/bin/env python3
"""corpus-expect.py - draft corpus/expected/<name>.json from what the aibom CLI finds now: the
findings, the AI libraries and, with --reach, every (service, entry point, finding) row and the
unreached findings. A draft is a starting point to check by hand against the repository (each
line, model and path), never a result to accept unread: the corpus test then holds the scanner to
it both ways. Usage: corpus-expect.py AIBOM_BINARY NAME [--reach]"""
import json
import os
import subprocess
import sys
import tempfile

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))


def main(argv):
    binary, name, reach = argv[1], argv[2], "--reach" in argv[3:]
    with tempfile.TemporaryDirectory() as tmp:
        db = os.path.join(tmp, "scan.db")
        out = subprocess.run([binary, "scan", "-q", "-f", "json", "--db", db, os.path.join(ROOT, "corpus", name)],
                             capture_output=True, text=True, check=True)
        got = json.loads(out.stdout)
        exp = {"repo": name,
               "findings": [{"file": f["path"], "line": f["line"], "kind": f["kind"], "api": f["api"],
                             "provider": f["provider"], "model": f["model"],
                             "flags": sorted(x for x in (f["flags"] or "").split(",") if x)}
                            for f in got["findings"]],
               "libraries": sorted(({"name": l["name"], "version": l["version"]} for l in got["libraries"]),
                                   key=lambda l: l["name"])}
        if reach:
            def query(sql):
                r = subprocess.run([binary, "query", db, sql], capture_output=True, text=True, check=True)
                return json.loads(r.stdout or "[]")
            exp["reach"] = query("SELECT service, entry_point AS entry, file, line, model FROM service_models "
                                 "ORDER BY service, file, line, model, entry")
            exp["unreachable"] = query("SELECT path AS file, line FROM unreached_findings ORDER BY path, line")
    json.dump(exp, sys.stdout, indent=2)
    sys.stdout.write("\n")


if __name__ == "__main__":
    main(sys.argv)
