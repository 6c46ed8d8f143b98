"""
test_aibom.py - the Python bindings against the CLI and the documented C behaviour.

Every corpus repository is scanned through the bindings and compared, field by field, with the
CLI's JSON output (`aibom scan -q -f json`). Then: the error classes, git revisions, the query
parameter quoting, the progress callback, scans from several threads, export determinism, saved
databases and the lifetime of scans and iterators.
"""
from __future__ import annotations

import datetime as dt
import gc
import json
import os
import shutil
import subprocess
import threading
from pathlib import Path
from typing import Any, Dict, List, Tuple

import pytest
from conftest import CORPUS, cli_json, cli_path, corpus_names

import aibom
from aibom import _errors, _ffi

NAMES = corpus_names()
FINDING_FIELDS = [
    "path", "line", "column", "kind", "api", "provider", "model", "model_type", "resolution",
    "function", "rule",
]


def summary(s: aibom.Scan) -> Tuple[Any, ...]:
    """Everything a scan found, as comparable values."""
    return (
        list(s.findings()),
        list(s.models()),
        list(s.libraries()),
        list(s.diagnostics()),
        s.stats(),
        s.export(timestamp=1_700_000_000),
    )


def compare_with_cli(s: aibom.Scan, ref: Dict[str, Any]) -> None:
    findings = list(s.findings())
    assert len(findings) == len(ref["findings"])
    for got, want in zip(findings, ref["findings"]):
        for field in FINDING_FIELDS:
            assert getattr(got, field) == want[field], (field, got, want)
        assert got.flags == tuple(want["flags"].split(",") if want["flags"] else ()), (got, want)
    assert s._walk_findings() == findings  # the callback walk and the pull iterator agree

    models = list(s.models())
    assert len(models) == len(ref["models"])
    for got, want in zip(models, ref["models"]):
        assert (got.model, got.resolved, got.provider, got.model_type, got.uses, got.first_use) == (
            want["model"], bool(want["resolved"]), want["provider"], want["model_type"],
            want["uses"], want["first_use"],
        )
        assert set(got.kinds) == set(want["kinds"].split(","))

    libraries = list(s.libraries())
    assert [
        {"name": x.name, "version": x.version, "spec": x.spec, "purl": x.purl, "path": x.path, "line": x.line}
        for x in libraries
    ] == ref["libraries"]

    diagnostics = list(s.diagnostics())
    assert [{"path": d.path, "severity": d.severity, "message": d.message} for d in diagnostics] == ref[
        "diagnostics"
    ]

    stats = s.stats()
    assert (stats.findings, stats.models, stats.libraries, stats.diagnostics) == (
        len(findings), len(models), len(libraries), len(diagnostics),
    )
    assert s.meta() == ref["scan"]
    # the library's own JSON export is what the CLI prints
    assert json.loads(s.export("json")) == ref


def git(cwd: Path, *args: str) -> str:
    env = dict(os.environ, GIT_AUTHOR_NAME="t", GIT_AUTHOR_EMAIL="t@example.org",
               GIT_COMMITTER_NAME="t", GIT_COMMITTER_EMAIL="t@example.org",
               GIT_CONFIG_GLOBAL=os.devnull, GIT_CONFIG_NOSYSTEM="1")
    run = subprocess.run(["git", *args], cwd=cwd, env=env, stdout=subprocess.PIPE,
                         stderr=subprocess.PIPE, check=True)
    return run.stdout.decode().strip()


# ---------------------------------------------------------------- library and version


def test_version_is_the_library_and_cli_version() -> None:
    assert aibom.__version__ == aibom.library_version()
    assert aibom.__version__.count(".") == 2
    cli = cli_path()
    if os.access(cli, os.X_OK):
        out = subprocess.run([str(cli), "version"], stdout=subprocess.PIPE, check=True).stdout.decode()
        assert out.split()[-1] == aibom.__version__


def test_library_lookup_order(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("AIBOM_LIBRARY", "/somewhere/libaibom.so")
    places = _ffi.candidates()
    assert places[0] == "/somewhere/libaibom.so"
    source_tree = str((Path(_ffi.__file__).resolve().parents[3] / "build" / "libaibom.so"))
    assert source_tree in places
    assert places[-1] == "libaibom.so.0"
    monkeypatch.delenv("AIBOM_LIBRARY")
    assert "/somewhere/libaibom.so" not in _ffi.candidates()


def test_library_not_found_lists_every_place() -> None:
    places = ["/nonexistent/libaibom.so", "libaibom-does-not-exist.so.9"]
    with pytest.raises(aibom.LibraryNotFound) as e:
        _ffi.load(places)
    assert isinstance(e.value, ImportError)
    assert [p for p, _ in e.value.tried] == places
    for p in places:
        assert p in str(e.value)


# ---------------------------------------------------------------- the corpus against the CLI


@pytest.mark.parametrize("name", NAMES)
def test_corpus_matches_cli(name: str) -> None:
    if not (CORPUS / name).is_dir():
        pytest.skip(f"corpus/expected/{name}.json has no corpus/{name} yet")
    with aibom.scan(CORPUS / name) as s:
        compare_with_cli(s, cli_json(str(CORPUS / name)))


def test_diagnostics_match_cli(tmp_path: Path) -> None:
    (tmp_path / "big.py").write_text("import torch\nm = torch.load('a.pt')\n" + "# pad\n" * 200)
    (tmp_path / "broken.py").write_text("import torch\ndef f(:\n    torch.load('b.pt')\n")
    (tmp_path / "ok.py").write_text("import joblib\njoblib.load('m.joblib')\n")
    with aibom.scan(tmp_path, max_file_size=1000) as s:
        diagnostics = list(s.diagnostics())
        assert {(d.path, d.severity) for d in diagnostics} >= {("big.py", "error")}
        assert all(isinstance(d, aibom.Diagnostic) for d in diagnostics)
        compare_with_cli(s, cli_json("--max-file-size", "1000", str(tmp_path)))


# ---------------------------------------------------------------- errors


def test_missing_path_is_not_found(tmp_path: Path) -> None:
    with pytest.raises(aibom.NotFoundError) as e:
        aibom.scan(tmp_path / "nope")
    assert e.value.code == _ffi.AIBOM_ENOTFOUND
    assert "nope" in e.value.message
    assert e.value.klass_name in _errors.KLASS_NAMES.values()


def test_rev_on_a_folder_that_is_not_a_repository_is_invalid(tmp_path: Path) -> None:
    (tmp_path / "a.py").write_text("import torch\ntorch.load('x.pt')\n")
    with pytest.raises(aibom.InvalidError) as e:
        aibom.scan(tmp_path, rev="HEAD")
    assert e.value.code == _ffi.AIBOM_EINVALID
    assert isinstance(e.value, ValueError)


def test_git_revisions(tmp_path: Path) -> None:
    if shutil.which("git") is None:
        pytest.skip("git is not installed")
    repo = tmp_path / "repo"
    repo.mkdir()
    git(repo, "init", "-q")
    (repo / "app.py").write_text(
        "from transformers import AutoModel\nAutoModel.from_pretrained('org/first', revision='v1')\n"
    )
    git(repo, "add", "app.py")
    git(repo, "commit", "-q", "-m", "first")
    commit = git(repo, "rev-parse", "HEAD")
    git(repo, "tag", "v1")
    # the work tree moves on; the revision still has the first model
    (repo / "app.py").write_text(
        "from transformers import AutoModel\nAutoModel.from_pretrained('org/second', revision='v1')\n"
    )
    with aibom.scan(repo, rev="v1") as s:
        assert [f.model for f in s.findings()] == ["org/first"]
        meta = s.meta()
        assert meta["rev"] == "v1" and meta["commit"] == commit
    with aibom.scan(repo) as s:
        assert [f.model for f in s.findings()] == ["org/second"]
    with pytest.raises(aibom.NotFoundError) as e:
        aibom.scan(repo, rev="no-such-branch")
    assert e.value.code == -3


def test_query_errors() -> None:
    with aibom.scan(CORPUS / "flask-classifier") as s:
        with pytest.raises(aibom.QueryError) as e:
            s.query("SELEC model FROM v_models")
        assert e.value.klass_name == "QUERY" and not isinstance(e.value, aibom.ReadOnlyError)
        with pytest.raises(aibom.QueryError):
            s.query("SELECT no_such_column FROM v_models")
        for write in ["DELETE FROM meta", "INSERT INTO meta VALUES ('a', 'b')", "DROP VIEW v_models",
                      "CREATE TABLE t (x)"]:
            with pytest.raises(aibom.ReadOnlyError) as ro:
                s.query(write)
            assert ro.value.code == _ffi.AIBOM_EREADONLY
            assert isinstance(ro.value, aibom.QueryError)
        with pytest.raises(aibom.InvalidQueryError) as two:
            s.query("SELECT 1; SELECT 2")
        assert isinstance(two.value, aibom.InvalidError) and isinstance(two.value, aibom.QueryError)
        assert s.query("SELECT count(*) AS n FROM meta WHERE key = 'aibom_schema';") == [{"n": 1}]


def test_error_class_mapping() -> None:
    m = _errors.error_class
    assert m(-3, 2) is aibom.NotFoundError
    assert m(-4, 8) is aibom.InvalidError
    assert m(-4, 5) is aibom.InvalidQueryError
    assert m(-8, 5) is aibom.ReadOnlyError
    assert m(-1, 5) is aibom.QueryError
    assert m(-1, 4) is aibom.Error
    e = _errors.error_from_last(b"boom", 4, -1)
    assert (e.message, e.klass, e.klass_name, e.code, str(e)) == ("boom", 4, "SQLITE", -1, "boom")
    assert _errors.Error("x", 42, -1).klass_name == "UNKNOWN(42)"
    names = {_errors.Error("x", k).klass_name for k in range(1, 11)}
    assert names == {"NOMEMORY", "OS", "GIT", "SQLITE", "QUERY", "PARSE", "JSON", "INPUT", "RULES", "CALLBACK"}


def test_open_db_errors(tmp_path: Path) -> None:
    with pytest.raises(aibom.NotFoundError):
        aibom.open_db(tmp_path / "missing.db")
    junk = tmp_path / "junk.db"
    junk.write_bytes(b"not a database at all" * 10)
    with pytest.raises(aibom.Error) as e:
        aibom.open_db(junk)
    assert not isinstance(e.value, aibom.NotFoundError)


def test_bad_options(tmp_path: Path) -> None:
    with pytest.raises(ValueError):
        aibom.scan(CORPUS / "flask-classifier", jobs=0)
    with pytest.raises(ValueError):
        aibom.scan(CORPUS / "flask-classifier", max_file_size=-1)
    with pytest.raises(ValueError):
        aibom.scan("bad\0path")
    with pytest.raises(aibom.Error) as e:
        aibom.scan(CORPUS / "flask-classifier", rules=[tmp_path / "missing.json"])
    assert e.value.klass_name == "RULES"
    with aibom.scan(CORPUS / "flask-classifier") as s:
        with pytest.raises(aibom.InvalidError):
            s.export("xml")
        with pytest.raises(TypeError):
            s.export(3)  # type: ignore[arg-type]
        with pytest.raises(ValueError):
            s.export(timestamp=dt.datetime(2024, 1, 1))  # naive: ambiguous


# ---------------------------------------------------------------- query parameters


def test_query_parameters_are_quoted_literals() -> None:
    with aibom.scan(CORPUS / "flask-classifier") as s:
        rows = s.query(
            "SELECT ? AS s, ? AS i, ? AS f, ? AS n, ? AS b, 1 - ? AS neg, '?' AS q -- ?\n /* ? */",
            ["it's \"quoted\" ?", 42, 2.5, None, True, -5],
        )
        assert rows == [{"s": "it's \"quoted\" ?", "i": 42, "f": 2.5, "n": None, "b": 1, "neg": 6, "q": "?"}]
        # an injection attempt stays a string
        assert s.query("SELECT key FROM meta WHERE key = ?", ["x' OR '1'='1"]) == []
        assert s.query("SELECT value FROM meta WHERE key = ?", ("name",)) == [{"value": "flask-classifier"}]
        got = s.query("SELECT path, line FROM v_findings WHERE provider = ? AND line > ? ORDER BY path, line",
                      ["pickle", 10])
        want = [{"path": f.path, "line": f.line} for f in s.findings() if f.provider == "pickle" and f.line > 10]
        assert got == want and got
        assert s.query('SELECT 1 AS "a?b", [c?] FROM (SELECT 2 AS [c?])') == [{"a?b": 1, "c?": 2}]
        # rows travel as JSON numbers printed by cJSON with 15 significant digits: integers are
        # exact up to 10**15 - 1 only (docs of Scan.query)
        assert s.query("SELECT ? AS big", [10**15 - 1]) == [{"big": 10**15 - 1}]
        assert s.query("SELECT CAST(? AS TEXT) AS big", [2**62]) == [{"big": str(2**62)}]
        assert s.query("SELECT typeof(?) AS t", [-(2**63)]) == [{"t": "integer"}]


@pytest.mark.parametrize(
    "sql, params, exc",
    [
        ("SELECT ?", [b"bytes"], TypeError),
        ("SELECT ?", [[1]], TypeError),
        ("SELECT ?", [object()], TypeError),
        ("SELECT ?", "a", TypeError),  # a str is not a sequence of parameters
        ("SELECT ?", [], ValueError),
        ("SELECT 1", [1], ValueError),
        ("SELECT ?, ?", [1], ValueError),
        ("SELECT ?1", [1], ValueError),
        ("SELECT :name", [], ValueError),
        ("SELECT @name", [], ValueError),
        ("SELECT $name", [], ValueError),
        ("SELECT ?", ["a\0b"], ValueError),
        ("SELECT ?", [float("nan")], ValueError),
        ("SELECT ?", [float("inf")], ValueError),
        ("SELECT ?", [2**63], OverflowError),
    ],
)
def test_query_parameters_refused(sql: str, params: Any, exc: type) -> None:
    with aibom.scan(CORPUS / "flask-classifier") as s:
        with pytest.raises(exc):
            s.query(sql, params)


# ---------------------------------------------------------------- progress


class Stop(Exception):
    pass


def live_scans() -> List[aibom.Scan]:
    gc.collect()
    return [o for o in gc.get_objects() if isinstance(o, aibom.Scan) and not o.closed]


# lib/scan.c run_phase() can miss the workers' last wake-up when the progress callback is still
# running as the phase ends (it re-checks a `done` read before the callback, then waits for a
# signal that never comes), and the scan never returns. A Python callback widens that window
# (it takes the GIL), so scans with a progress callback that are expected to finish run under a
# watchdog here: a hang fails the test instead of hanging the run.
LOST_WAKEUP = (
    "libaibom bug: run_phase() in lib/scan.c re-checks a stale `done` after the progress callback "
    "and waits forever when the phase ended during the callback"
)


def with_watchdog(fn: Any, seconds: float = 30.0) -> Any:
    """FN() on a daemon thread; its result, its exception, or a failure after SECONDS."""
    box: Dict[str, Any] = {}

    def run() -> None:
        try:
            box["result"] = fn()
        except BaseException as e:  # noqa: B036
            box["error"] = e

    t = threading.Thread(target=run, daemon=True)
    t.start()
    t.join(seconds)
    if t.is_alive():
        pytest.fail(f"the scan did not return within {seconds} s: {LOST_WAKEUP}")
    if "error" in box:
        raise box["error"]
    return box.get("result")


def test_progress_reports_phases() -> None:
    seen: List[aibom.Progress] = []

    def run() -> int:
        with aibom.scan(CORPUS / "mlops-registry", progress=seen.append) as s:
            return s.stats().files

    n = with_watchdog(run)
    phases = [p.phase for p in seen]
    assert phases[0] == "list" and seen[0].total == n
    assert {"list", "extract", "match"} <= set(phases)
    assert all(0 <= p.done <= p.total for p in seen)
    assert any(p.phase == "match" and p.done == p.total for p in seen)


@pytest.mark.parametrize("phase", ["list", "extract", "match"])
def test_progress_exception_propagates(phase: str) -> None:
    before = len(live_scans())
    calls = []

    def progress(p: aibom.Progress) -> None:
        calls.append(p)
        if p.phase == phase:
            raise Stop(phase)

    with pytest.raises(Stop) as e:
        with_watchdog(lambda: aibom.scan(CORPUS / "mlops-registry", progress=progress))
    assert e.value.args == (phase,)
    assert calls[-1].phase == phase  # not called again after it raised
    del e
    assert len(live_scans()) == before
    # and the bindings still work
    with aibom.scan(CORPUS / "mlops-registry") as s:
        assert s.stats().findings > 0


def test_slow_progress_callback_does_not_hang() -> None:
    import time

    def run() -> int:
        with aibom.scan(CORPUS / "mlops-registry", progress=lambda p: time.sleep(0.02)) as s:
            return s.stats().findings

    assert with_watchdog(run, 5.0) > 0


def test_progress_base_exception_propagates() -> None:
    def progress(p: aibom.Progress) -> None:
        raise KeyboardInterrupt

    with pytest.raises(KeyboardInterrupt):
        aibom.scan(CORPUS / "flask-classifier", progress=progress)


# ---------------------------------------------------------------- threads


def test_threads_give_the_same_results() -> None:
    names = [n for n in NAMES if (CORPUS / n).is_dir()]
    sequential = {}
    for name in names:
        with aibom.scan(CORPUS / name) as s:
            sequential[name] = summary(s)

    results: Dict[Tuple[int, str], Any] = {}
    errors: List[BaseException] = []
    barrier = threading.Barrier(4)

    def work(k: int) -> None:
        try:
            barrier.wait()
            order = names[k:] + names[:k]  # every thread starts somewhere else
            for name in order:
                with aibom.scan(CORPUS / name) as s:
                    results[(k, name)] = summary(s)
        except BaseException as e:  # noqa: B036
            errors.append(e)

    threads = [threading.Thread(target=work, args=(k,)) for k in range(4)]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    assert not errors, errors
    for (k, name), got in results.items():
        assert got == sequential[name], (k, name)
    assert len(results) == 4 * len(names)


def test_one_scan_shared_by_threads() -> None:
    with aibom.scan(CORPUS / "multi-provider-gateway") as s:
        want = summary(s)
        got: List[Any] = []

        def work() -> None:
            for _ in range(5):
                got.append(summary(s))

        threads = [threading.Thread(target=work) for _ in range(4)]
        for t in threads:
            t.start()
        for t in threads:
            t.join()
        assert got == [want] * 20


# ---------------------------------------------------------------- export


def test_export_cyclonedx_is_deterministic(monkeypatch: pytest.MonkeyPatch) -> None:
    path = CORPUS / "finetune-script"
    with aibom.scan(path) as a, aibom.scan(path) as b:
        text = a.export(timestamp=1_700_000_000)
        bom = json.loads(text)
        assert bom["bomFormat"] == "CycloneDX"
        assert bom["specVersion"] == "1.6"
        assert bom["metadata"]["timestamp"] == "2023-11-14T22:13:20Z"
        assert a.export("cyclonedx", 1_700_000_000) == text
        assert b.export(aibom.Format.CYCLONEDX, 1_700_000_000) == text
        when = dt.datetime(2023, 11, 14, 22, 13, 20, tzinfo=dt.timezone.utc)
        assert b.export(timestamp=when) == text
        assert a.bom(1_700_000_000) == bom
        other = a.bom(1_600_000_000)
        assert other["metadata"]["timestamp"] != bom["metadata"]["timestamp"]
        assert {c["name"] for c in other["components"]} == {c["name"] for c in bom["components"]}
        monkeypatch.setenv("SOURCE_DATE_EPOCH", "1700000000")
        assert a.export() == text  # the default timestamp honours SOURCE_DATE_EPOCH


def test_export_matches_cli_cyclonedx() -> None:
    cli = cli_path()
    if not os.access(cli, os.X_OK):
        pytest.skip("no CLI")
    path = CORPUS / "langchain-agent"
    env = dict(os.environ, SOURCE_DATE_EPOCH="1700000000")
    out = subprocess.run([str(cli), "scan", "-q", str(path)], env=env, stdout=subprocess.PIPE, check=True)
    with aibom.scan(path) as s:
        assert json.loads(s.export(timestamp=1_700_000_000)) == json.loads(out.stdout)


def test_export_other_formats() -> None:
    with aibom.scan(CORPUS / "flask-classifier") as s:
        table = s.export("table")
        assert "classifier/model_store.py" in table
        assert s.export(aibom.Format.TABLE) == table
        assert json.loads(s.export("json"))["scan"]["name"] == "flask-classifier"


# ---------------------------------------------------------------- saved databases


def test_open_db_gives_the_same_results(tmp_path: Path) -> None:
    db = tmp_path / "scan.db"
    with aibom.scan(CORPUS / "local-llm", db=db, name="llm") as s:
        want = summary(s)
        meta = s.meta()
    assert meta["name"] == "llm"
    with aibom.open_db(db) as s:
        assert summary(s) == want
        assert s.meta() == meta
        with pytest.raises(aibom.ReadOnlyError):
            s.query("DELETE FROM findings")
    with aibom.open_db(str(db)) as s:
        assert list(s.findings()) == want[0]


# ---------------------------------------------------------------- options


def test_rules_and_name(tmp_path: Path) -> None:
    src = tmp_path / "app"
    src.mkdir()
    (src / "main.py").write_text("import acme\n\nbrain = acme.load_brain('acme/brain-7')\n")
    rules = tmp_path / "acme.json"
    rules.write_text(json.dumps({
        "aibom_rules": 1,
        "language": "python",
        "rules": [{"id": "acme.load_brain", "kind": "model_load", "provider": "acme",
                   "calls": ["acme.load_brain"], "model": [{"arg": 0}], "model_type": "any"}],
    }))
    with aibom.scan(src) as s:
        assert list(s.findings()) == []
    for r in (rules, [rules], (str(rules),)):
        with aibom.scan(src, rules=r, name="demo", jobs=1) as s:
            (f,) = list(s.findings())
            assert (f.path, f.line, f.column, f.kind, f.provider, f.model, f.rule, f.function, f.flags) == (
                "main.py", 3, 9, "model_load", "acme", "acme/brain-7", "acme.load_brain", None, ())
            assert s.meta()["name"] == "demo"


# ---------------------------------------------------------------- lifetime


def test_scan_lifetime_and_iterators() -> None:
    s = aibom.scan(CORPUS / "mlops-registry")
    assert not s.closed and "mlops-registry" in repr(s)
    it = s.findings()
    first = next(it)
    assert isinstance(first, aibom.Finding)
    with pytest.raises(Exception):
        first.line = 3  # type: ignore[misc]  # frozen
    it2 = s.findings()
    assert next(it2) == first
    it2.close()
    assert list(it2) == []
    s.close()  # frees the open iterator first, then the scan
    assert s.closed
    with pytest.raises(ValueError):
        next(it)
    for call in (s.findings, s.stats, s.export, lambda: s.query("SELECT 1"), s.diagnostics):
        with pytest.raises(ValueError):
            call()
    s.close()  # idempotent

    with aibom.scan(CORPUS / "mlops-registry") as s2:
        with s2.findings() as it3:
            n = sum(1 for _ in it3)
        assert n == s2.stats().findings
    assert s2.closed

    # an iterator keeps its scan alive; dropping both frees them in the right order
    it4 = aibom.scan(CORPUS / "mlops-registry").findings()
    assert next(it4).path
    del it4
    assert live_scans() == []


def test_reach_agrees_with_the_cli(tmp_path: Path) -> None:
    """Scan.reach() gives the rows of `aibom reach --format json`, paths included; filters work;
    unreached() lists what no entry point reaches."""
    repo = CORPUS / "rag-monorepo"
    db = tmp_path / "r.db"
    with aibom.scan(repo, db=db) as s:
        rows = list(s.reach())
        unreached = s.unreached()
    out = subprocess.run([str(cli_path()), "reach", "--format", "json", str(db)], capture_output=True, text=True, check=True)
    cli = json.loads(out.stdout)
    assert len(rows) == len(cli["reach"]) > 0
    for r, c in zip(rows, cli["reach"]):
        assert (r.service, r.entry_point, r.model, r.path, r.line, r.hops, r.heuristic) == (
            c["service"], c["entry_point"], c["model"], c["file"], c["line"], c["hops"], c["heuristic"])
        assert [(f.function, f.file, f.line) for f in r.frames] == [(f["function"], f["file"], f["line"]) for f in c["path"]]
        assert r.frames[0].function == r.entry_point.split(":", 1)[1]
        assert r.frames[-1].line == r.line
    assert [(u["path"], u["line"]) for u in unreached] == [(u["path"], u["line"]) for u in cli["unreached"]]
    with aibom.open_db(db) as s:
        services = {r.service for r in s.reach()}
        assert len(services) >= 2
        one = sorted(services)[0]
        assert {r.service for r in s.reach(service=one)} == {one}
        assert list(s.reach(model="no-such-model")) == []


def test_inspect_model_files(tmp_path: Path) -> None:
    """aibom.inspect() judges model files without loading them, and agrees with `aibom inspect`."""
    evil = tmp_path / "model.bin"  # the name lies: the content decides
    evil.write_bytes(b"cos\nsystem\n(S'echo pwned'\ntR.")
    i = aibom.inspect(evil)
    assert (i.format, i.verdict, i.dangerous) == ("pickle", "dangerous", True)
    assert [(x.module, x.name, x.offset, x.dangerous) for x in i.imports] == [("os", "system", 0, True)]
    assert "os.system" in (i.reason or "")
    assert len(i.metadata["sha256"]) == 64
    out = subprocess.run([str(cli_path()), "inspect", "--format", "json", str(evil)], capture_output=True, text=True)
    assert out.returncode == 1  # dangerous
    cli = json.loads(out.stdout)[0]
    assert (cli["format"], cli["verdict"]) == (i.format, i.verdict)
    import pickle  # only to write a pickle: nothing here loads one

    safe = aibom.inspect_bytes(pickle.dumps({"a": 1}, protocol=4))
    assert (safe.format, safe.verdict, safe.imports) == ("pickle", "safe", ())
    bad = aibom.inspect_bytes(b"\x80\x04\x95\xff\x00\x00")
    assert bad.verdict in ("malformed", "unknown") and bad.reason
    with pytest.raises(aibom.NotFoundError):
        aibom.inspect(tmp_path / "missing.pt")
