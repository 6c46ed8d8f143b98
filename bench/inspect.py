#!/usr/bin/env python3
"""inspect.py - throughput of `aibom inspect` over a generated corpus of model files.

Usage: bench/inspect.py [--build DIR] [--mb N]

Writes, with the Python standard library only (nothing is ever loaded or unpickled), a corpus of at
least N MB (default 220) into a temporary folder: large safetensors, PyTorch zip archives with big
storages, pickles carrying big byte strings, gzip-compressed pickles, plus copies of the
malicious/benign/malformed samples of tests/gen-artifacts.py. Then it times one `aibom inspect`
run over every file and prints files, MB, seconds and MB/s, and the verdict counts. Figures are
printed, never asserted."""
import argparse
import gzip
import json
import os
import pickle
import struct
import subprocess
import sys
import tempfile
import time
import zipfile

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))


def safetensors(path, mb):
    n = mb * 1024 * 1024 // 4
    header = json.dumps({"__metadata__": {"format": "pt"},
                         "weight": {"dtype": "F32", "shape": [n], "data_offsets": [0, n * 4]}}).encode()
    with open(path, "wb") as f:
        f.write(struct.pack("<Q", len(header)) + header)
        f.write(os.urandom(1024) * (n * 4 // 1024))


def torch_zip(path, mb):
    # archive/data.pkl references one storage, archive/data/0 holds its bytes (stored, not deflated)
    pkl = (b"\x80\x02}q\x00X\x06\x00\x00\x00weightq\x01ctorch._utils\n_rebuild_tensor_v2\nq\x02"
           b"((X\x07\x00\x00\x00storageq\x03ctorch\nFloatStorage\nq\x04X\x01\x00\x00\x000q\x05X\x03\x00\x00\x00cpuq\x06"
           b"K\x10tq\x07QK\x00K\x10\x85q\x08K\x01\x85q\tI00\n\x89\x8c\x0bcollections\x94\x8c\x0bOrderedDict\x94\x93)R\x94tq\nRq\x0bs.")
    with zipfile.ZipFile(path, "w", zipfile.ZIP_STORED) as z:
        z.writestr("archive/data.pkl", pkl)
        z.writestr("archive/version", "3\n")
        z.writestr("archive/data/0", os.urandom(1024) * (mb * 1024))


def big_pickle(path, mb):
    with open(path, "wb") as f:
        f.write(pickle.dumps({"blob": os.urandom(1024) * (mb * 1024), "names": ["a", "b"]}, protocol=4))


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--build", default=os.path.join(ROOT, "build"))
    ap.add_argument("--mb", type=int, default=220)
    a = ap.parse_args()
    aibom = os.path.join(a.build, "aibom")
    with tempfile.TemporaryDirectory() as tmp:
        samples = os.path.join(tmp, "samples")
        os.mkdir(samples)
        subprocess.run([sys.executable, os.path.join(ROOT, "tests", "gen-artifacts.py"), samples],
                       check=True, capture_output=True)
        files = [os.path.join(samples, f) for f in sorted(os.listdir(samples)) if f != "manifest.json"]
        total = sum(os.path.getsize(f) for f in files)
        i = 0
        while total < a.mb * 1024 * 1024:
            kind = i % 4
            path = os.path.join(tmp, f"big{i}" + [".safetensors", ".pt", ".pkl", ".pkl.gz"][kind])
            if kind == 0:
                safetensors(path, 40)
            elif kind == 1:
                torch_zip(path, 30)
            elif kind == 2:
                big_pickle(path, 20)
            else:
                with gzip.open(path, "wb", compresslevel=1) as g:
                    g.write(pickle.dumps({"blob": os.urandom(1024) * 10240}, protocol=4))
            files.append(path)
            total += os.path.getsize(path)
            i += 1
        t0 = time.monotonic()
        out = subprocess.run([aibom, "inspect", "--format", "json"] + files, capture_output=True, text=True)
        secs = time.monotonic() - t0
        if out.returncode not in (0, 1):
            sys.exit(f"aibom inspect failed ({out.returncode}): {out.stderr[:500]}")
        verdicts = {}
        for r in json.loads(out.stdout):
            verdicts[r["verdict"]] = verdicts.get(r["verdict"], 0) + 1
        mb = total / 1e6
        print(f"files {len(files)}  MB {mb:.1f}  seconds {secs:.2f}  MB/s {mb / secs:.1f}  verdicts {verdicts}")


if __name__ == "__main__":
    main()
