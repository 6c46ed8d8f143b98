"""
test_leak.py - repeated scans in one process must not grow its memory.

200 cycles of scan + export + findings (and the other readers) of one corpus repository; the
resident set size is read from /proc/self/statm after a warm-up of 20 cycles and at the end.

Why 8 MiB over the 180 measured cycles: 8 MiB / 180 = 46 KiB per cycle, and what the bindings
could leak costs more than that, measured on this repository by leaking on purpose: a scan never
freed (aibom_scan_free not called) grows RSS by about 460 KiB per cycle (80 MiB over the run); a
forgotten aibom_buf_dispose (five buffers a cycle: two exports and three queries; the CycloneDX
one alone is about 49 KiB of heap) by about 9.8 MiB over the run. Without a leak the growth is
about 0.3 MiB in total: allocator fragmentation and SQLite's caches settle during the warm-up,
so the bound leaves a margin of more than 20x for noise. Small leaks (an iterator of a few KiB per cycle)
are below what RSS can show; the C side's ASan/LSan run covers those. The second test repeats a
scan that its progress callback stops: the library must free the partial scan on that path.
"""
from __future__ import annotations

import gc
import os
import sys

import pytest
from conftest import CORPUS

import aibom

CYCLES = 200
WARMUP = 20
BOUND = 8 * 1024 * 1024
REPO = CORPUS / "mlops-registry"


def rss() -> int:
    """Resident set size in bytes (second field of /proc/self/statm, in pages)."""
    with open("/proc/self/statm") as f:
        return int(f.read().split()[1]) * os.sysconf("SC_PAGE_SIZE")


def cycle() -> None:
    with aibom.scan(REPO) as s:
        bom = s.export()
        s.export("json")
        findings = list(s.findings())
        list(s.models())
        list(s.libraries())
        list(s.diagnostics())
        s.meta()
        stats = s.stats()
        try:
            s.query("DELETE FROM meta")  # an error path each cycle too
        except aibom.ReadOnlyError:
            pass
        assert bom and len(findings) == stats.findings


def failing_cycle() -> None:
    def progress(p: aibom.Progress) -> None:
        if p.phase == "extract":  # stops the scan inside the library, after sources are listed
            raise KeyError("stop")

    with pytest.raises(KeyError):
        aibom.scan(REPO, progress=progress)


@pytest.mark.skipif(not sys.platform.startswith("linux"), reason="reads /proc/self/statm")
@pytest.mark.parametrize("what", [cycle, failing_cycle], ids=["scan-export-findings", "failing-scan"])
def test_no_growth(what) -> None:  # type: ignore[no-untyped-def]
    if not REPO.is_dir():
        pytest.skip(f"no {REPO}")
    for _ in range(WARMUP):
        what()
    gc.collect()
    before = rss()
    for _ in range(CYCLES - WARMUP):
        what()
    gc.collect()
    growth = rss() - before
    assert growth < BOUND, f"RSS grew by {growth / 1024:.0f} KiB over {CYCLES - WARMUP} cycles"
