"""
conftest.py - shared fixtures of the aibom binding tests: where the sources, the corpus and the
CLI are, and the CLI's JSON output for a corpus repository (run once, cached).

The package is imported from the source tree (bindings/python) unless it is installed; the
library is found the package's usual way (set AIBOM_LIBRARY to pick one). The CLI, used as the
reference the bindings are compared with, is $AIBOM_CLI or ../../build/aibom relative to
bindings/python.
"""
from __future__ import annotations

import functools
import json
import os
import subprocess
import sys
from pathlib import Path
from typing import Any, Dict, List

import pytest

PKG_ROOT = Path(__file__).resolve().parents[1]  # bindings/python
REPO_ROOT = (PKG_ROOT / ".." / "..").resolve()  # the checkout
CORPUS = REPO_ROOT / "corpus"

if str(PKG_ROOT) not in sys.path:
    sys.path.insert(0, str(PKG_ROOT))


def corpus_names() -> List[str]:
    """The corpus repositories: one per corpus/expected/*.json."""
    return sorted(p.stem for p in (CORPUS / "expected").glob("*.json"))


def cli_path() -> Path:
    return Path(os.environ.get("AIBOM_CLI") or (PKG_ROOT / ".." / ".." / "build" / "aibom")).resolve()


@functools.lru_cache(maxsize=None)
def _cli_json(args: tuple) -> str:
    cli = cli_path()
    if not os.access(cli, os.X_OK):
        pytest.skip(f"the aibom CLI is not at {cli} (set AIBOM_CLI)")
    run = subprocess.run(
        [str(cli), "scan", "-q", "-f", "json", *args],
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        check=False,
    )
    assert run.returncode == 0, run.stderr.decode()
    return run.stdout.decode()


def cli_json(*args: str) -> Dict[str, Any]:
    """The CLI's `scan -q -f json ARGS...` output, parsed (a fresh copy every call)."""
    result: Dict[str, Any] = json.loads(_cli_json(tuple(args)))
    return result


@pytest.fixture(scope="session")
def corpus() -> Path:
    if not (CORPUS / "expected").is_dir():
        pytest.skip(f"no corpus at {CORPUS}")
    return CORPUS
