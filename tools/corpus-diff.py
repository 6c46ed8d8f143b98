#!/usr/bin/env python3
"""corpus-diff.py - scan each corpus repository with the aibom CLI and compare the findings and
libraries with corpus/expected/<name>.json, both ways. Prints missing and extra entries; exits 1
when any differ. Usage: corpus-diff.py AIBOM_BINARY [NAME...]"""
import json
import os
import subprocess
import sys

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))


def key(f):
    return (f["file"], f["line"], f["kind"], f["api"], f["provider"], f["model"],
            ",".join(sorted(f.get("flags") or [])))


def main(argv):
    binary = argv[1]
    names = argv[2:] or sorted(n[:-5] for n in os.listdir(os.path.join(ROOT, "corpus", "expected")))
    bad = 0
    for name in names:
        exp = json.load(open(os.path.join(ROOT, "corpus", "expected", name + ".json")))
        out = subprocess.run([binary, "scan", "-q", "-f", "json", os.path.join(ROOT, "corpus", name)],
                             capture_output=True, text=True)
        if out.returncode != 0:
            print(f"{name}: scan failed ({out.returncode}): {out.stderr.strip()}")
            bad += 1
            continue
        got = json.loads(out.stdout)
        gf = {key({"file": f["path"], "line": f["line"], "kind": f["kind"], "api": f["api"],
                   "provider": f["provider"], "model": f["model"],
                   "flags": [x for x in f["flags"].split(",") if x]}) for f in got["findings"]}
        ef = {key(f) for f in exp["findings"]}
        gl = {(l["name"], l["version"]) for l in got["libraries"]}
        el = {(l["name"], l["version"]) for l in exp.get("libraries", [])}
        diffs = [("missing", x) for x in sorted(ef - gf, key=str)] + [("extra", x) for x in sorted(gf - ef, key=str)]
        diffs += [("missing lib", x) for x in sorted(el - gl, key=str)] + [("extra lib", x) for x in sorted(gl - el, key=str)]
        if "reach" in exp:
            import tempfile
            with tempfile.TemporaryDirectory() as tmp:
                db = os.path.join(tmp, "x.db")
                subprocess.run([binary, "scan", "-q", "--db", db, "-o", os.devnull, os.path.join(ROOT, "corpus", name)], check=True)
                def q(sql):
                    return json.loads(subprocess.run([binary, "query", db, sql], capture_output=True, text=True, check=True).stdout)
                gr = {(r["service"], r["entry_point"], r["file"], r["line"], r["model"]) for r in q("SELECT * FROM service_models")}
                er = {(r["service"], r["entry"], r["file"], r["line"], r["model"]) for r in exp["reach"]}
                gu = {(r["path"], r["line"]) for r in q("SELECT path, line FROM unreached_findings")}
                eu = {(r["file"], r["line"]) for r in exp.get("unreachable", [])}
                diffs += [("missing reach", x) for x in sorted(er - gr, key=str)] + [("extra reach", x) for x in sorted(gr - er, key=str)]
                diffs += [("missing unreachable", x) for x in sorted(eu - gu, key=str)] + [("extra unreachable", x) for x in sorted(gu - eu, key=str)]
        if diffs:
            bad += 1
            print(f"{name}: {len(diffs)} differences")
            for what, x in diffs:
                print(f"  {what}: {x}")
        else:
            print(f"{name}: ok ({len(ef)} findings, {len(el)} libraries)")
    print(f"{len(names) - bad} passed, {bad} failed")
    return 1 if bad else 0


if __name__ == "__main__":
    sys.exit(main(sys.argv))
