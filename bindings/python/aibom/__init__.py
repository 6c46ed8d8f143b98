"""
aibom - find the AI a source repository uses: Python bindings of libaibom (ctypes, no extension).

    import aibom

    with aibom.scan("path/to/repo") as scan:
        for f in scan.findings():
            print(f.path, f.line, f.api, f.model, f.flags)
        bom = scan.bom()                      # CycloneDX 1.6 ML-BOM as a dict
        rows = scan.query("SELECT model, uses FROM v_models WHERE uses > ?", [1])

A scan reads a folder, or a git revision straight from the object database (``rev=``), and keeps
everything it found in one SQLite database (temporary, or ``db=`` to keep it; aibom.open_db()
reads it again). Failures raise aibom.Error subclasses built from the library's last error.

The library is found on first use: $AIBOM_LIBRARY, a libaibom.so* inside this package, the
source tree's build/libaibom.so, then the system's search path (see aibom._ffi.candidates()).
"""
from __future__ import annotations

import ctypes
import datetime as _dt
import enum
import json
import os
import threading
import weakref
from ctypes import byref
from dataclasses import dataclass
from typing import Any, Callable, Dict, Iterator, List, Optional, Sequence, Tuple, Union

from . import _ffi
from ._errors import (
    Error,
    InvalidError,
    InvalidQueryError,
    LibraryNotFound,
    NotFoundError,
    QueryError,
    ReadOnlyError,
)
from ._sql import SQLValue
from ._sql import bind as _bind

__all__ = [
    "scan",
    "open_db",
    "Scan",
    "FindingIterator",
    "Finding",
    "Reach",
    "Frame",
    "Diagnostic",
    "Model",
    "Inspection",
    "PickleImport",
    "inspect",
    "inspect_bytes",
    "Library",
    "Stats",
    "Progress",
    "Format",
    "Error",
    "NotFoundError",
    "InvalidError",
    "QueryError",
    "ReadOnlyError",
    "InvalidQueryError",
    "LibraryNotFound",
    "library_version",
    "library_path",
]

for _cls in (Error, NotFoundError, InvalidError, QueryError, ReadOnlyError, InvalidQueryError,
             LibraryNotFound):
    _cls.__module__ = __name__  # shown (and pickled) as aibom.Error, not aibom._errors.Error
del _cls

PathArg = Union[str, bytes, "os.PathLike[str]", "os.PathLike[bytes]"]


def __getattr__(name: str) -> Any:
    """``aibom.__version__``: the loaded library's version (aibom_version()), read lazily so that
    importing the package never needs the library."""
    if name == "__version__":
        return library_version()
    raise AttributeError(f"module {__name__!r} has no attribute {name!r}")


def library_version() -> str:
    """The version of the loaded libaibom, e.g. "0.1.0". Loads the library."""
    return _text(_ffi.get().aibom_version())


def library_path() -> str:
    """Where libaibom was loaded from. Loads the library."""
    return _ffi.path()


# ---------------------------------------------------------------- values


def _text(b: Optional[bytes]) -> str:
    """Library text to str; bytes that are not UTF-8 (file names) survive as surrogate escapes."""
    return "" if b is None else b.decode("utf-8", "surrogateescape")


def _opt_text(b: Optional[bytes]) -> Optional[str]:
    return None if b is None else b.decode("utf-8", "surrogateescape")


def _split(s: Optional[str]) -> Tuple[str, ...]:
    return tuple(s.split(",")) if s else ()


def _encode_path(path: PathArg, what: str = "path") -> bytes:
    b = os.fsencode(os.fspath(path))
    if b"\0" in b:
        raise ValueError(f"{what} contains a NUL byte")
    return b


def _encode_text(s: str, what: str) -> bytes:
    if not isinstance(s, str):
        raise TypeError(f"{what} must be a str, not {type(s).__name__}")
    if "\0" in s:
        raise ValueError(f"{what} contains a NUL character")
    return s.encode("utf-8", "surrogateescape")


@dataclass(frozen=True)
class Finding:
    """One use of AI in the code (a row of the v_findings view).

    Attributes:
        path: the file, repository-relative, '/'-separated.
        line: 1-based line (for a notebook, the line in the .ipynb file).
        column: 1-based column.
        kind: "model_load", "sdk_call", "hub_ref" or "dataset".
        api: the qualified call, e.g. "transformers.AutoModel.from_pretrained".
        provider: e.g. "openai", "huggingface", "pytorch".
        model: the model (or dataset) id as resolved; None when unresolved.
        model_type: "huggingface", "hosted", "local", "any" or "url".
        resolution: how the id was found, or why not: "literal", "constant", "absent", ...
        flags: the risk flags, e.g. ("trust_remote_code", "unpinned_revision"); () when none.
        function: qualified name of the enclosing function; None at module level.
        rule: id of the rule that matched.
    """

    path: str
    line: int
    column: int
    kind: str
    api: str
    provider: str
    model: Optional[str]
    model_type: str
    resolution: str
    flags: Tuple[str, ...]
    function: Optional[str]
    rule: str

    @classmethod
    def _from_c(cls, f: _ffi.FindingStruct) -> "Finding":
        return cls(
            path=_text(f.path),
            line=int(f.line),
            column=int(f.column),
            kind=_text(f.kind),
            api=_text(f.api),
            provider=_text(f.provider),
            model=_opt_text(f.model),
            model_type=_text(f.model_type),
            resolution=_text(f.resolution),
            flags=_split(_opt_text(f.flags)),
            function=_opt_text(f.function),
            rule=_text(f.rule),
        )


@dataclass(frozen=True)
class Frame:
    """One step of a reach path: a function (or "<module>", the code run on import) and the line
    where it calls the next frame (for the last frame: where the model is used)."""

    module: str
    function: str
    file: str
    line: int


@dataclass(frozen=True)
class Reach:
    """A (service, model use) pair that is reachable (a row of the service_models view), with the
    entry point that reaches it in the fewest hops and the path from it.

    Attributes:
        service: the deployable unit (a folder with a marker file, or the repository).
        entry_point: "module:qualname" ("module:<module>" for scripts).
        entry_kind: route, task, command, handler, tool, grpc, main, app_script, ...
        framework: flask, fastapi, celery, click, aws-lambda, ...
        model: the model id, or "unresolved:<api>".
        provider, kind, api, path, line: the model use (see Finding).
        hops: call edges from the entry point.
        heuristic: True when the path uses an edge linked only by a unique method name.
        frames: the path, entry point first.
    """

    service: str
    entry_point: str
    entry_kind: str
    framework: str
    model: str
    provider: str
    kind: str
    api: str
    path: str
    line: int
    hops: int
    heuristic: bool
    frames: Tuple[Frame, ...]


@dataclass(frozen=True)
class Diagnostic:
    """A problem with one input file; the scan went on without it, or with what it could read.

    Attributes:
        path: repository-relative path, or the scanned path.
        severity: "error" (the file was skipped) or "warning" (the file was read in part).
        message: the reason.
    """

    path: str
    severity: str
    message: str


@dataclass(frozen=True)
class Model:
    """One distinct model (a row of the v_models view).

    Attributes:
        model: the model id; "unresolved:<api>" for the uses whose id is unknown.
        resolved: False for the "unresolved:" rows.
        provider: as in Finding.
        model_type: as in Finding.
        kinds: the distinct finding kinds of this model, sorted.
        uses: number of findings.
        first_use: the smallest "path:line" of the uses, compared as text.
    """

    model: str
    resolved: bool
    provider: str
    model_type: str
    kinds: Tuple[str, ...]
    uses: int
    first_use: str


@dataclass(frozen=True)
class Library:
    """One declared AI library (a row of the v_libraries view).

    Attributes:
        name: normalised package name.
        version: the pinned version, or None for a range or no constraint.
        spec: the constraint as written, "" when none.
        purl: "pkg:pypi/NAME@VERSION", or "pkg:pypi/NAME".
        path: the manifest file.
        line: the manifest line.
    """

    name: str
    version: Optional[str]
    spec: str
    purl: str
    path: str
    line: int


@dataclass(frozen=True)
class Stats:
    """Counts of one scan (aibom_scan_stats)."""

    files: int
    bytes: int
    findings: int
    models: int
    libraries: int
    diagnostics: int


@dataclass(frozen=True)
class Progress:
    """What a progress callback is told.

    Attributes:
        phase: "list", "extract", "match" or "store".
        done: files done in this phase.
        total: files in this phase.
        path: the file just done, when the library says (else None).
    """

    phase: str
    done: int
    total: int
    path: Optional[str] = None


class Format(enum.IntEnum):
    """Export formats (aibom_format)."""

    CYCLONEDX = _ffi.AIBOM_FORMAT_CYCLONEDX
    JSON = _ffi.AIBOM_FORMAT_JSON
    TABLE = _ffi.AIBOM_FORMAT_TABLE


# ---------------------------------------------------------------- handles


class _ScanHandle:
    """The C scan and the C iterators opened on it. Kept apart from Scan so that a finalizer can
    free them without keeping the Scan alive. The lock serialises every use of the handle: the
    scan's SQLite connection belongs to one thread at a time (it is opened NOMUTEX)."""

    __slots__ = ("ptr", "lock", "iters", "__weakref__")

    def __init__(self, ptr: int) -> None:
        self.ptr: Optional[int] = ptr
        self.lock = threading.RLock()
        self.iters: "set[_IterHandle]" = set()

    def free(self) -> None:
        """Free the open iterators, then the scan (aibom requires that order). Idempotent."""
        with self.lock:
            for it in list(self.iters):
                it.free()
            ptr, self.ptr = self.ptr, None
            if ptr:
                _ffi.get().aibom_scan_free(ptr)


class _IterHandle:
    """A C finding iterator, registered with the scan it reads."""

    __slots__ = ("ptr", "scan", "__weakref__")

    def __init__(self, scan: _ScanHandle) -> None:
        self.scan = scan
        self.ptr: Optional[int] = None

    def free(self) -> None:
        with self.scan.lock:
            ptr, self.ptr = self.ptr, None
            self.scan.iters.discard(self)
            if ptr:
                _ffi.get().aibom_finding_iter_free(ptr)


class FindingIterator(Iterator[Finding]):
    """Pull iterator over the findings of a scan (aibom_finding_iter), ordered by path, line,
    column, kind and API. Frees its C iterator when exhausted, closed, garbage-collected or when
    its scan is closed; a context manager too."""

    def __init__(self, scan: "Scan") -> None:
        self._scan = scan  # keeps the scan alive while iterating
        handle = scan._live()
        self._it = _IterHandle(handle)
        out = ctypes.c_void_p()
        with handle.lock:
            if handle.ptr is None:
                raise ValueError("the scan is closed")
            _ffi.get().aibom_finding_iter_new(byref(out), handle.ptr)
            self._it.ptr = out.value
            handle.iters.add(self._it)
        self._finalizer = weakref.finalize(self, self._it.free)

    def __iter__(self) -> "FindingIterator":
        return self

    def __next__(self) -> Finding:
        it = self._it
        with it.scan.lock:
            if it.ptr is None:
                if it.scan.ptr is None and self._finalizer.alive:
                    raise ValueError("the scan was closed during the iteration")
                raise StopIteration
            out = ctypes.POINTER(_ffi.FindingStruct)()
            rc = _ffi.get().aibom_finding_next(byref(out), it.ptr)
            if rc == _ffi.AIBOM_ITEROVER:
                self.close()
                raise StopIteration
            return Finding._from_c(out.contents)

    def close(self) -> None:
        """Free the C iterator now; later next() calls stop the iteration."""
        self._finalizer()

    def __enter__(self) -> "FindingIterator":
        return self

    def __exit__(self, *exc: Any) -> None:
        self.close()


class Scan:
    """The result of one scan: a handle on its SQLite database.

    Made by aibom.scan() or aibom.open_db(); a context manager that frees the scan on exit (it is
    also freed when garbage-collected). A Scan may be shared between threads: its calls are
    serialised by a lock.
    """

    def __init__(self, ptr: int, source: str) -> None:
        """Adopt a C ``aibom_scan *``; use aibom.scan() or aibom.open_db() instead."""
        self._handle = _ScanHandle(ptr)
        self._finalizer = weakref.finalize(self, self._handle.free)
        self.source = source  #: the scanned path, or the database opened

    # -- lifetime

    def close(self) -> None:
        """Free the scan (and any finding iterator still open on it). Idempotent."""
        self._finalizer()

    @property
    def closed(self) -> bool:
        """True once close() was called."""
        return self._handle.ptr is None

    def __enter__(self) -> "Scan":
        return self

    def __exit__(self, *exc: Any) -> None:
        self.close()

    def __del__(self) -> None:
        # weakref.finalize already frees the handle; this only makes the intent explicit and
        # covers a subclass that defines __del__ and calls super().
        fin = getattr(self, "_finalizer", None)
        if fin is not None:
            fin()

    def __repr__(self) -> str:
        state = "closed" if self.closed else "open"
        return f"<aibom.Scan {self.source!r} {state}>"

    def _live(self) -> _ScanHandle:
        if self._handle.ptr is None:
            raise ValueError("the scan is closed")
        return self._handle

    def _buf_call(self, fn_name: str, *args: Any) -> bytes:
        """Call FN_NAME(&buf, scan, *args) under the lock and return the buffer's bytes."""
        handle = self._live()
        buf = _ffi.Buf()
        lib = _ffi.get()
        with handle.lock:
            if handle.ptr is None:
                raise ValueError("the scan is closed")
            try:
                getattr(lib, fn_name)(byref(buf), handle.ptr, *args)
                return ctypes.string_at(buf.ptr, buf.size) if buf.ptr else b""
            finally:
                lib.aibom_buf_dispose(byref(buf))

    # -- walking

    def findings(self) -> FindingIterator:
        """Iterate over the findings, ordered by path, line, column, kind and API.

        The C iterator is opened now (errors are raised here) and read one row per next().
        """
        return FindingIterator(self)

    def _walk_findings(self) -> List[Finding]:
        """All findings through the callback walk (aibom_scan_foreach_finding); findings() is
        the pull iterator over the same rows."""
        found: List[Finding] = []
        saved: List[BaseException] = []

        def on_finding(p: Any, _payload: Any) -> int:
            try:
                found.append(Finding._from_c(p.contents))
            except BaseException as e:  # noqa: B036 - re-raised below
                saved.append(e)
                return -1
            return 0

        cb = _ffi.FINDING_CB(on_finding)
        self._walk("aibom_scan_foreach_finding", cb, saved)
        return found

    def diagnostics(self) -> Iterator[Diagnostic]:
        """Iterate over the diagnostics (problems with single files), ordered by path.

        Read through the callback walk (aibom_scan_foreach_diagnostic), all at once."""
        found: List[Diagnostic] = []
        saved: List[BaseException] = []

        def on_diagnostic(p: Any, _payload: Any) -> int:
            try:
                d = p.contents
                found.append(Diagnostic(_text(d.path), _text(d.severity), _text(d.message)))
            except BaseException as e:  # noqa: B036 - re-raised below
                saved.append(e)
                return -1
            return 0

        cb = _ffi.DIAGNOSTIC_CB(on_diagnostic)
        self._walk("aibom_scan_foreach_diagnostic", cb, saved)
        return iter(found)

    def reach(self, service: Optional[str] = None, model: Optional[str] = None) -> Iterator[Reach]:
        """Iterate over the reachable (service, model use) pairs, ordered by service, model, path,
        line; only SERVICE's and only MODEL's when given. Read through the callback walk
        (aibom_scan_foreach_reach), all at once."""
        found: List[Reach] = []
        saved: List[BaseException] = []
        svc = None if service is None else _encode_text(service, "service")
        mdl = None if model is None else _encode_text(model, "model")

        def on_row(p: Any, _payload: Any) -> int:
            try:
                r = p.contents
                frames = tuple(
                    Frame(f["module"], f["function"], f["file"], int(f["line"]))
                    for f in json.loads(_text(r.frames))
                )
                found.append(
                    Reach(
                        service=_text(r.service),
                        entry_point=_text(r.entry_point),
                        entry_kind=_text(r.entry_kind),
                        framework=_text(r.framework),
                        model=_text(r.model),
                        provider=_text(r.provider),
                        kind=_text(r.kind),
                        api=_text(r.api),
                        path=_text(r.path),
                        line=int(r.line),
                        hops=int(r.hops),
                        heuristic=bool(r.heuristic),
                        frames=frames,
                    )
                )
            except BaseException as e:  # noqa: B036 - re-raised below
                saved.append(e)
                return -1
            return 0

        cb = _ffi.REACH_CB(on_row)
        handle = self._live()
        with handle.lock:
            if handle.ptr is None:
                raise ValueError("the scan is closed")
            try:
                _ffi.get().aibom_scan_foreach_reach(handle.ptr, svc, mdl, cb, None)
            except Error:
                if saved:
                    raise saved[0] from None
                raise
        return iter(found)

    def unreached(self) -> List[Dict[str, Any]]:
        """The findings no entry point reaches (view unreached_findings), as rows."""
        return self.query("SELECT * FROM unreached_findings ORDER BY path, line, col")

    def _walk(self, fn_name: str, cb: Any, saved: List[BaseException]) -> None:
        """Run a callback walk; re-raise an exception its Python callback saved."""
        handle = self._live()
        with handle.lock:
            if handle.ptr is None:
                raise ValueError("the scan is closed")
            try:
                getattr(_ffi.get(), fn_name)(handle.ptr, cb, None)
            except Error:
                if saved:
                    raise saved[0] from None
                raise

    def models(self) -> Iterator[Model]:
        """Iterate over the distinct models (view v_models), ordered by model, provider, type."""
        rows = self.query(
            "SELECT model, resolved, provider, model_type, kinds, uses, first_use "
            "FROM v_models ORDER BY model, provider, model_type"
        )
        return iter(
            [
                Model(
                    model=r["model"],
                    resolved=bool(r["resolved"]),
                    provider=r["provider"],
                    model_type=r["model_type"],
                    kinds=tuple(sorted(_split(r["kinds"]))),
                    uses=int(r["uses"]),
                    first_use=r["first_use"],
                )
                for r in rows
            ]
        )

    def libraries(self) -> Iterator[Library]:
        """Iterate over the declared AI libraries (view v_libraries), ordered by name, path, line."""
        rows = self.query(
            "SELECT name, version, spec, purl, path, line FROM v_libraries ORDER BY name, path, line"
        )
        return iter(
            [
                Library(
                    name=r["name"],
                    version=r["version"],
                    spec=r["spec"],
                    purl=r["purl"],
                    path=r["path"],
                    line=int(r["line"]),
                )
                for r in rows
            ]
        )

    def meta(self) -> Dict[str, str]:
        """The scan's meta table: aibom_schema, aibom_version, root, name, and when known rev,
        commit and remote (see docs/schema.md)."""
        return {r["key"]: r["value"] for r in self.query("SELECT key, value FROM meta")}

    def stats(self) -> Stats:
        """Count what the scan found."""
        handle = self._live()
        out = _ffi.ScanStats()
        with handle.lock:
            if handle.ptr is None:
                raise ValueError("the scan is closed")
            _ffi.get().aibom_scan_stats_get(byref(out), handle.ptr)
        return Stats(
            files=out.files,
            bytes=out.bytes,
            findings=out.findings,
            models=out.models,
            libraries=out.libraries,
            diagnostics=out.diagnostics,
        )

    # -- export and query

    def export(
        self,
        format: Union[str, Format] = "cyclonedx",
        timestamp: Union[int, _dt.datetime, None] = None,
    ) -> str:
        """Render the scan: "cyclonedx" (CycloneDX 1.6 JSON), "json" (aibom's own JSON) or "table".

        Args:
            format: a format name or a Format.
            timestamp: metadata.timestamp of the BOM, in seconds since the epoch or as an aware
                datetime. A pinned time also pins the serial number, so the output is
                reproducible. None: $SOURCE_DATE_EPOCH if set, else now.

        Raises:
            InvalidError: an unknown format name.
        """
        code = _format_code(format)
        opts = _ffi.ExportOptions(_ffi.AIBOM_EXPORT_OPTIONS_VERSION, _timestamp(timestamp))
        data = self._buf_call("aibom_scan_export", code, byref(opts))
        return data.decode("utf-8", "surrogateescape")

    def bom(self, timestamp: Union[int, _dt.datetime, None] = None) -> Dict[str, Any]:
        """The CycloneDX 1.6 ML-BOM as a dict (export("cyclonedx") parsed)."""
        result: Dict[str, Any] = json.loads(self.export(Format.CYCLONEDX, timestamp))
        return result

    def query(self, sql: str, params: Sequence[SQLValue] = ()) -> List[Dict[str, Any]]:
        """Run one read-only SQL statement on the scan's database; the rows as dicts.

        The C API takes no parameters, so each '?' in SQL is replaced here by its value from
        PARAMS written as an SQL literal: str as '...' (quotes doubled), int and float as numbers,
        bool as 1/0, None as NULL. Other types raise TypeError; a count mismatch, numbered (?1)
        or named (:x) parameters raise ValueError. '?' inside string literals, quoted names and
        comments is left alone.

        Rows come back through the library's JSON text: NULL is None, and numbers are printed
        with 15 significant digits, so integers are exact only up to 10**15 - 1 and REAL values
        are rounded (CAST(x AS TEXT) keeps every digit). Blobs are not supported.

        Raises:
            QueryError: invalid SQL (InvalidQueryError for an empty text or two statements).
            ReadOnlyError: the statement would write.
        """
        text = _bind(sql, params)
        raw = self._buf_call("aibom_scan_query", _encode_text(text, "sql"))
        rows: List[Dict[str, Any]] = json.loads(raw.decode("utf-8", "surrogateescape"))
        return rows


def _format_code(format: Union[str, Format]) -> int:
    if isinstance(format, Format):
        return int(format)
    if not isinstance(format, str):
        raise TypeError(f"format must be a str or an aibom.Format, not {type(format).__name__}")
    out = ctypes.c_int()
    _ffi.get().aibom_format_from_name(byref(out), _encode_text(format, "format"))
    return out.value


def _timestamp(timestamp: Union[int, _dt.datetime, None]) -> int:
    if timestamp is None:
        return -1
    if isinstance(timestamp, _dt.datetime):
        if timestamp.tzinfo is None:
            raise ValueError("timestamp: use an aware datetime (with tzinfo), or seconds")
        timestamp = int(timestamp.timestamp())
    if isinstance(timestamp, bool) or not isinstance(timestamp, int):
        raise TypeError("timestamp must be seconds since the epoch (int), a datetime, or None")
    if not 0 <= timestamp < 2**63:
        raise ValueError("timestamp must be a time after 1970-01-01")
    return timestamp


# ---------------------------------------------------------------- scanning


def scan(
    path: PathArg,
    *,
    rev: Optional[str] = None,
    db: Optional[PathArg] = None,
    jobs: Optional[int] = None,
    rules: Union[PathArg, Sequence[PathArg]] = (),
    progress: Optional[Callable[[Progress], Any]] = None,
    name: Optional[str] = None,
    max_file_size: Optional[int] = None,
) -> Scan:
    """Scan a folder, or a git repository at a revision, for the AI it uses.

    Args:
        path: the folder or repository.
        rev: a git revision (branch, tag, commit) read from the object database without checkout;
            PATH must then be a git repository.
        db: keep the scan's SQLite database in this file (replaced if it exists); default: a
            temporary database, deleted with the scan.
        jobs: worker threads; default one per core.
        rules: extra rule files, loaded after the built-in catalog.
        progress: called as progress(Progress(phase, done, total)) from this thread while the
            scan runs. If it raises, the scan stops and that exception is raised here.
        name: the application's name; default the folder's name.
        max_file_size: skip larger files (with a diagnostic); default 4 MiB.

    Returns:
        a Scan; close it (or use it as a context manager) to free it.

    Raises:
        NotFoundError: PATH or REV does not exist.
        InvalidError: bad options, or REV asked of a folder that is not a git repository.
        Error: anything else (its klass_name says what: OS, GIT, SQLITE, RULES, ...).
    """
    lib = _ffi.get()
    opts = _ffi.ScanOptions()
    lib.aibom_scan_options_init(byref(opts), _ffi.AIBOM_SCAN_OPTIONS_VERSION)
    c_path = _encode_path(path)
    if rev is not None:
        opts.rev = _encode_text(rev, "rev")
    if db is not None:
        opts.db_path = _encode_path(db, "db")
    if jobs is not None:
        if isinstance(jobs, bool) or not isinstance(jobs, int) or not 1 <= jobs < 2**32:
            raise ValueError("jobs must be a positive int (or None for one per core)")
        opts.jobs = jobs
    if max_file_size is not None:
        if isinstance(max_file_size, bool) or not isinstance(max_file_size, int) or max_file_size < 1:
            raise ValueError("max_file_size must be a positive int of bytes (or None for 4 MiB)")
        opts.max_file_size = max_file_size
    if name is not None:
        opts.name = _encode_text(name, "name")
    if isinstance(rules, (str, bytes, os.PathLike)):
        rules = (rules,)
    rule_paths = [_encode_path(r, "rule file") for r in rules]
    rule_array = (ctypes.c_char_p * max(len(rule_paths), 1))(*rule_paths)
    if rule_paths:
        opts.rule_files = ctypes.cast(rule_array, ctypes.POINTER(ctypes.c_char_p))
        opts.rule_files_count = len(rule_paths)

    saved: List[BaseException] = []
    callback = None
    if progress is not None:
        report = progress

        def on_progress(p: Any, _payload: Any) -> int:
            if saved:
                return -1
            try:
                c = p.contents
                report(Progress(_text(c.phase), int(c.done), int(c.total), _opt_text(c.path)))
            except BaseException as e:  # noqa: B036 - KeyboardInterrupt too: re-raised below
                saved.append(e)
                return -1
            return 0

        # The CFUNCTYPE object must outlive the C call: `callback` holds it until we return.
        callback = _ffi.PROGRESS_CB(on_progress)
        opts.progress = callback

    out = ctypes.c_void_p()
    try:
        lib.aibom_scan_path(byref(out), c_path, byref(opts))
    except Error:
        if saved:
            exc = saved.pop()
            raise exc from None
        raise
    finally:
        del callback, rule_array
    result = Scan(out.value, os.fsdecode(c_path))
    if saved:  # defensive: the library finished although the callback failed
        result.close()
        raise saved.pop()
    return result


@dataclass(frozen=True)
class PickleImport:
    """A global a model file imports (a pickle's GLOBAL / STACK_GLOBAL, a Keras config's class).

    Attributes:
        module, name: e.g. "os" and "system".
        offset: byte offset of the opcode in its member (or in the decompressed stream).
        dangerous: True dangerous, False allowlisted, None on no list.
        member: the archive member ("archive/data.pkl"), or None.
    """

    module: str
    name: str
    offset: int
    dangerous: Optional[bool]
    member: Optional[str]


@dataclass(frozen=True)
class Inspection:
    """What aibom found in one model file, without loading it.

    Attributes:
        format: "pickle", "pytorch-zip", "safetensors", "gguf", "onnx", "keras", ... or "unknown".
        verdict: "safe", "unknown", "dangerous" or "malformed".
        reason: why, for every verdict but safe.
        imports: every imported global with its offset.
        metadata: what the file says of itself (tensor count, dtypes, architecture, sha256, ...).
    """

    format: str
    verdict: str
    reason: Optional[str]
    imports: Tuple[PickleImport, ...]
    metadata: Dict[str, Any]

    @property
    def dangerous(self) -> bool:
        return self.verdict == "dangerous"


def _inspection(ptr: int) -> Inspection:
    lib = _ffi.get()
    try:
        n = lib.aibom_inspection_import_count(ptr)
        imports = []
        for i in range(n):
            im = lib.aibom_inspection_import(ptr, i).contents
            imports.append(PickleImport(_text(im.module), _text(im.name), int(im.offset),
                                        None if im.dangerous < 0 else bool(im.dangerous), _opt_text(im.member)))
        buf = _ffi.Buf()
        lib.aibom_inspection_to_json(byref(buf), ptr)
        try:
            doc = json.loads(ctypes.string_at(buf.ptr, buf.size).decode("utf-8", "replace"))
        finally:
            lib.aibom_buf_dispose(byref(buf))
        return Inspection(
            format=_text(lib.aibom_inspection_format(ptr)),
            verdict=_text(lib.aibom_verdict_name(lib.aibom_inspection_verdict(ptr))),
            reason=_opt_text(lib.aibom_inspection_reason(ptr)),
            imports=tuple(imports),
            metadata=doc.get("metadata") or {},
        )
    finally:
        lib.aibom_inspection_free(ptr)


def inspect(path: PathArg) -> Inspection:
    """Identify a model file by its content and judge whether loading it could run code. The file
    is read (mapped), never loaded, imported or unpickled.

    Raises:
        NotFoundError: the file does not exist.
        InvalidError: it is not a regular file.
    """
    out = ctypes.c_void_p()
    _ffi.get().aibom_inspect_path(byref(out), _encode_path(path))
    return _inspection(out.value)


def inspect_bytes(data: bytes, name: Optional[str] = None) -> Inspection:
    """inspect() for a model file held in memory; NAME is only a hint (e.g. "saved_model.pb")."""
    out = ctypes.c_void_p()
    raw = bytes(data)
    _ffi.get().aibom_inspect_buffer(byref(out), None if name is None else _encode_text(name, "name"), raw, len(raw))
    return _inspection(out.value)


def open_db(path: PathArg) -> Scan:
    """Open the database an earlier scan saved (scan(..., db=PATH)), read-only.

    Raises:
        NotFoundError: the file does not exist.
        Error: it is not an aibom database.
    """
    c_path = _encode_path(path)
    out = ctypes.c_void_p()
    _ffi.get().aibom_scan_open_db(byref(out), c_path)
    return Scan(out.value, os.fsdecode(c_path))
