"""
_ffi.py - the one place that finds and loads libaibom and declares its C interface for ctypes.

Every symbol the bindings call is declared here with its argtypes, restype and errcheck, and the
structs mirror include/aibom.h field for field. Functions that return an AIBOM_E* code get an
errcheck that turns a negative code into an exception built from aibom_error_last() (read on the
same thread right after the call, which is what the thread-local error of the library needs).

The library is loaded lazily, on the first call of get(), so that ``import aibom`` works (and
``aibom.LibraryNotFound`` can be caught) even when the library is missing.
"""
from __future__ import annotations

import ctypes
import ctypes.util
import os
import threading
from ctypes import (
    CFUNCTYPE,
    POINTER,
    Structure,
    c_char_p,
    c_int,
    c_int64,
    c_size_t,
    c_uint,
    c_void_p,
)
from pathlib import Path
from typing import Any, Callable, List, Optional, Sequence, Tuple

from ._errors import LibraryNotFound, error_from_last

# ---------------------------------------------------------------- constants (aibom.h)

AIBOM_OK = 0
AIBOM_ERROR = -1
AIBOM_ENOTFOUND = -3
AIBOM_EINVALID = -4
AIBOM_EUSER = -7
AIBOM_EREADONLY = -8
AIBOM_ITEROVER = -31

AIBOM_SCAN_OPTIONS_VERSION = 1
AIBOM_EXPORT_OPTIONS_VERSION = 1

AIBOM_FORMAT_CYCLONEDX = 0
AIBOM_FORMAT_JSON = 1
AIBOM_FORMAT_TABLE = 2

# ---------------------------------------------------------------- structs (aibom.h)


class ErrorStruct(Structure):
    """``aibom_error``: the calling thread's last error."""

    _fields_ = [("message", c_char_p), ("klass", c_int)]


class Buf(Structure):
    """``aibom_buf``. ``ptr`` is a c_void_p so that ctypes neither copies nor frees it; read it
    with ctypes.string_at(ptr, size) and release it with aibom_buf_dispose()."""

    _fields_ = [("ptr", c_void_p), ("size", c_size_t)]


class ProgressStruct(Structure):
    """``aibom_progress``: what a progress callback is told."""

    _fields_ = [
        ("phase", c_char_p),
        ("done", c_size_t),
        ("total", c_size_t),
        ("path", c_char_p),
    ]


#: ``aibom_progress_cb``: int (*)(const aibom_progress *, void *payload)
PROGRESS_CB = CFUNCTYPE(c_int, POINTER(ProgressStruct), c_void_p)


class ScanOptions(Structure):
    """``aibom_scan_options``; fill with aibom_scan_options_init()."""

    _fields_ = [
        ("version", c_uint),
        ("rev", c_char_p),
        ("db_path", c_char_p),
        ("jobs", c_uint),
        ("rule_files", POINTER(c_char_p)),
        ("rule_files_count", c_size_t),
        ("max_file_size", c_size_t),
        ("progress", PROGRESS_CB),
        ("progress_payload", c_void_p),
        ("name", c_char_p),
        ("max_artifact_size", c_size_t),
    ]


class ScanStats(Structure):
    """``aibom_scan_stats``."""

    _fields_ = [
        ("files", c_size_t),
        ("bytes", c_size_t),
        ("findings", c_size_t),
        ("models", c_size_t),
        ("libraries", c_size_t),
        ("diagnostics", c_size_t),
    ]


class FindingStruct(Structure):
    """``aibom_finding``; every string is borrowed (c_char_p copies it into bytes on access)."""

    _fields_ = [
        ("path", c_char_p),
        ("line", c_uint),
        ("column", c_uint),
        ("kind", c_char_p),
        ("api", c_char_p),
        ("provider", c_char_p),
        ("model", c_char_p),
        ("model_type", c_char_p),
        ("resolution", c_char_p),
        ("flags", c_char_p),
        ("function", c_char_p),
        ("rule", c_char_p),
    ]


#: ``aibom_finding_cb``: int (*)(const aibom_finding *, void *payload)
FINDING_CB = CFUNCTYPE(c_int, POINTER(FindingStruct), c_void_p)


class DiagnosticStruct(Structure):
    """``aibom_diagnostic``; strings are borrowed for the duration of the callback."""

    _fields_ = [("path", c_char_p), ("severity", c_char_p), ("message", c_char_p)]


#: ``aibom_diagnostic_cb``: int (*)(const aibom_diagnostic *, void *payload)
DIAGNOSTIC_CB = CFUNCTYPE(c_int, POINTER(DiagnosticStruct), c_void_p)


class ReachRowStruct(Structure):
    """``aibom_reach_row``; strings are borrowed for the duration of the callback."""

    _fields_ = [
        ("service", c_char_p),
        ("entry_point", c_char_p),
        ("entry_kind", c_char_p),
        ("framework", c_char_p),
        ("model", c_char_p),
        ("provider", c_char_p),
        ("kind", c_char_p),
        ("api", c_char_p),
        ("path", c_char_p),
        ("line", c_uint),
        ("hops", c_uint),
        ("heuristic", c_int),
        ("frames", c_char_p),
    ]


#: ``aibom_reach_cb``: int (*)(const aibom_reach_row *, void *payload)
REACH_CB = CFUNCTYPE(c_int, POINTER(ReachRowStruct), c_void_p)


class PickleImportStruct(Structure):
    """``aibom_pickle_import``; strings are borrowed until the inspection is freed."""

    _fields_ = [
        ("module", c_char_p),
        ("name", c_char_p),
        ("offset", ctypes.c_uint64),
        ("dangerous", c_int),
        ("member", c_char_p),
    ]


class ExportOptions(Structure):
    """``aibom_export_options``."""

    _fields_ = [("version", c_uint), ("timestamp", c_int64)]


# ---------------------------------------------------------------- finding the library

ENV_LIBRARY = "AIBOM_LIBRARY"
_PACKAGE_DIR = Path(__file__).resolve().parent


def candidates() -> List[str]:
    """The places tried, in order: $AIBOM_LIBRARY; a libaibom.so* inside the package directory;
    ../../build/libaibom.so relative to the package's source root (bindings/python, only when
    running from a checkout); then the system's search (ctypes.util.find_library, then "libaibom.so.0")."""
    places: List[str] = []
    env = os.environ.get(ENV_LIBRARY)
    if env:
        places.append(env)
    bundled = sorted(_PACKAGE_DIR.glob("libaibom.so*"), key=lambda p: len(p.name))
    places.extend(str(p) for p in bundled)
    if (_PACKAGE_DIR.parent / "pyproject.toml").is_file():  # running from bindings/python
        places.append(os.path.normpath(os.path.join(_PACKAGE_DIR.parent, "..", "..", "build", "libaibom.so")))
    found = ctypes.util.find_library("aibom")
    if found:
        places.append(found)
    places.append("libaibom.so.0")
    unique: List[str] = []
    for p in places:
        if p not in unique:
            unique.append(p)
    return unique


def load(places: Sequence[str]) -> Tuple[ctypes.CDLL, str]:
    """Load the first of PLACES that loads; raise LibraryNotFound listing every one tried."""
    tried: List[Tuple[str, str]] = []
    for place in places:
        if os.sep in place and not os.path.exists(place):
            tried.append((place, "no such file"))
            continue
        try:
            return ctypes.CDLL(place), place
        except OSError as e:
            tried.append((place, str(e)))
    raise LibraryNotFound(tried)


# ---------------------------------------------------------------- errcheck functions


def _make_checks(lib: ctypes.CDLL) -> Tuple[Callable[..., Any], Callable[..., Any]]:
    error_last = lib.aibom_error_last

    def raise_last(code: int) -> None:
        err = error_last().contents
        raise error_from_last(err.message, err.klass, code)

    def check_code(result: int, func: Any, args: Tuple[Any, ...]) -> int:
        """errcheck of a function returning 0 or a negative AIBOM_E* code."""
        if result < 0:
            raise_last(result)
        return result

    def check_next(result: int, func: Any, args: Tuple[Any, ...]) -> int:
        """errcheck of aibom_finding_next(): AIBOM_ITEROVER is the normal end, not an error."""
        if result < 0 and result != AIBOM_ITEROVER:
            raise_last(result)
        return result

    return check_code, check_next


def _check_nonnull(result: Any, func: Any, args: Tuple[Any, ...]) -> Any:
    """errcheck of functions documented never to return NULL."""
    if not result:
        raise RuntimeError(f"{func.__name__} returned NULL")
    return result


def _check_void_int(result: Any, func: Any, args: Tuple[Any, ...]) -> Any:
    """errcheck of functions returning a count or an enum: nothing can fail."""
    return result


def _check_any(result: Any, func: Any, args: Tuple[Any, ...]) -> Any:
    """errcheck of functions that may return NULL on purpose (no reason for a safe file)."""
    return result


def _check_void(result: Any, func: Any, args: Tuple[Any, ...]) -> None:
    """errcheck of void functions: nothing can fail."""
    return None


def _declare(lib: ctypes.CDLL) -> None:
    """Declare argtypes, restype and errcheck for every symbol the bindings use."""
    check_code, check_next = _make_checks(lib)
    pp = POINTER(c_void_p)  # aibom_scan ** / aibom_finding_iter **

    table: List[Tuple[str, List[Any], Any, Callable[..., Any]]] = [
        ("aibom_error_last", [], POINTER(ErrorStruct), _check_nonnull),
        ("aibom_error_clear", [], None, _check_void),
        ("aibom_version", [], c_char_p, _check_nonnull),
        ("aibom_buf_dispose", [POINTER(Buf)], None, _check_void),
        ("aibom_scan_options_init", [POINTER(ScanOptions), c_uint], c_int, check_code),
        ("aibom_scan_path", [pp, c_char_p, POINTER(ScanOptions)], c_int, check_code),
        ("aibom_scan_open_db", [pp, c_char_p], c_int, check_code),
        ("aibom_scan_free", [c_void_p], None, _check_void),
        ("aibom_scan_stats_get", [POINTER(ScanStats), c_void_p], c_int, check_code),
        ("aibom_scan_foreach_finding", [c_void_p, FINDING_CB, c_void_p], c_int, check_code),
        ("aibom_finding_iter_new", [pp, c_void_p], c_int, check_code),
        ("aibom_finding_next", [POINTER(POINTER(FindingStruct)), c_void_p], c_int, check_next),
        ("aibom_finding_iter_free", [c_void_p], None, _check_void),
        ("aibom_scan_foreach_diagnostic", [c_void_p, DIAGNOSTIC_CB, c_void_p], c_int, check_code),
        ("aibom_scan_foreach_reach", [c_void_p, c_char_p, c_char_p, REACH_CB, c_void_p], c_int, check_code),
        ("aibom_format_from_name", [POINTER(c_int), c_char_p], c_int, check_code),
        ("aibom_scan_export", [POINTER(Buf), c_void_p, c_int, POINTER(ExportOptions)], c_int, check_code),
        ("aibom_scan_query", [POINTER(Buf), c_void_p, c_char_p], c_int, check_code),
        ("aibom_inspect_path", [pp, c_char_p], c_int, check_code),
        ("aibom_inspect_buffer", [pp, c_char_p, c_void_p, c_size_t], c_int, check_code),
        ("aibom_inspection_format", [c_void_p], c_char_p, _check_nonnull),
        ("aibom_inspection_verdict", [c_void_p], c_int, _check_void_int),
        ("aibom_inspection_reason", [c_void_p], c_char_p, _check_any),
        ("aibom_inspection_import_count", [c_void_p], c_size_t, _check_void_int),
        ("aibom_inspection_import", [c_void_p, c_size_t], POINTER(PickleImportStruct), _check_nonnull),
        ("aibom_inspection_to_json", [POINTER(Buf), c_void_p], c_int, check_code),
        ("aibom_verdict_name", [c_int], c_char_p, _check_nonnull),
        ("aibom_inspection_free", [c_void_p], None, _check_void),
    ]
    # aibom_error_last first: the errcheck functions call it and need its restype.
    for name, argtypes, restype, errcheck in table:
        fn = getattr(lib, name)
        fn.argtypes = argtypes
        fn.restype = restype
        fn.errcheck = errcheck


# ---------------------------------------------------------------- the loaded library

_lock = threading.Lock()
_lib: Optional[ctypes.CDLL] = None
_path: Optional[str] = None


def get() -> ctypes.CDLL:
    """The loaded, declared library; loads it on first use. Raises LibraryNotFound."""
    global _lib, _path
    lib = _lib
    if lib is not None:
        return lib
    with _lock:
        if _lib is None:
            lib, path = load(candidates())
            try:
                _declare(lib)
            except AttributeError as e:  # a libaibom.so without some symbol: too old
                raise LibraryNotFound([(path, f"not a usable libaibom: {e}")]) from None
            _path = path
            _lib = lib
        return _lib


def path() -> str:
    """The path (or name) the library was loaded from."""
    get()
    assert _path is not None
    return _path
