"""
_sql.py - substitute parameters into an SQL text as literals, for Scan.query().

aibom_scan_query() takes one SQL text and no parameters, so the bindings put each value into the
text themselves, as an SQL literal: a str becomes '...' with every ' doubled, an int or a float a
number in parentheses (so that "1 - ?" with -5 cannot become the comment "1 --5"), None NULL and
a bool 1 or 0. Any other type is refused. The text is tokenised only as far as needed to find the
placeholders: '?' outside string literals, quoted identifiers ("...", `...`, [...]) and comments.
Every placeholder needs a value and every value a placeholder; numbered (?1) and named (:x, @x,
$x) parameters are refused, because SQLite would silently read an unbound one as NULL.
"""
from __future__ import annotations

import math
from typing import Optional, Sequence, Union

SQLValue = Union[str, int, float, bool, None]

_INT64_MIN = -(2**63)
_INT64_MAX = 2**63 - 1


def _is_ident(ch: str) -> bool:
    return ch.isalnum() or ch in "_$" or ord(ch) > 127


def quote(value: SQLValue) -> str:
    """VALUE as an SQL literal. Raises TypeError for an unsupported type and ValueError for a
    value that has no SQL literal (NUL in a string, NaN, infinities); OverflowError for an int
    outside SQLite's 64-bit range."""
    if value is None:
        return "NULL"
    if isinstance(value, bool):
        return "1" if value else "0"
    if isinstance(value, int):
        v = int(value)
        if not _INT64_MIN <= v <= _INT64_MAX:
            raise OverflowError(f"integer {v} does not fit SQLite's 64-bit integers")
        return f"({v:d})"
    if isinstance(value, float):
        f = float(value)
        if not math.isfinite(f):
            raise ValueError(f"{f!r} has no SQL literal")
        return f"({f!r})"
    if isinstance(value, str):
        s = str.__str__(value)
        if "\0" in s:
            raise ValueError("a string parameter contains a NUL character")
        return "'" + s.replace("'", "''") + "'"
    raise TypeError(
        f"unsupported parameter type {type(value).__name__}: use str, int, float, bool or None"
    )


def _skip_quoted(sql: str, i: int, close: str) -> int:
    """Index after the quoted token opening at I and closed by CLOSE (doubled CLOSE escapes it,
    except for [...]). An unterminated token runs to the end; SQLite reports it."""
    n = len(sql)
    j = i + 1
    while j < n:
        if sql[j] == close:
            if close != "]" and j + 1 < n and sql[j + 1] == close:
                j += 2
                continue
            return j + 1
        j += 1
    return n


def bind(sql: str, params: Optional[Sequence[SQLValue]]) -> str:
    """SQL with every '?' placeholder replaced by the literal of the matching value of PARAMS."""
    if not isinstance(sql, str):
        raise TypeError(f"sql must be a str, not {type(sql).__name__}")
    if params is None:
        params = ()
    if isinstance(params, (str, bytes, bytearray)) or not isinstance(params, Sequence):
        raise TypeError("params must be a sequence (a tuple or a list) of values")
    out = []
    used = 0
    i = 0
    start = 0
    n = len(sql)
    while i < n:
        ch = sql[i]
        if ch in "'\"`":
            i = _skip_quoted(sql, i, ch)
        elif ch == "[":
            i = _skip_quoted(sql, i, "]")
        elif ch == "-" and sql.startswith("--", i):
            nl = sql.find("\n", i)
            i = n if nl < 0 else nl + 1
        elif ch == "/" and sql.startswith("/*", i):
            end = sql.find("*/", i + 2)
            i = n if end < 0 else end + 2
        elif ch == "?":
            if i + 1 < n and sql[i + 1].isdigit():
                raise ValueError("numbered parameters (?NNN) are not supported; use plain '?'")
            if used >= len(params):
                raise ValueError(f"the SQL has more '?' placeholders than the {len(params)} parameters given")
            out.append(sql[start:i])
            out.append(quote(params[used]))
            used += 1
            i += 1
            start = i
        elif ch in ":@$" and i + 1 < n and _is_ident(sql[i + 1]) and not (i > 0 and _is_ident(sql[i - 1])):
            raise ValueError(f"named parameters ({ch}name) are not supported; use '?'")
        elif _is_ident(ch):
            # skip a whole identifier or number so that "a$b" is not read as a parameter
            while i < n and _is_ident(sql[i]):
                i += 1
        else:
            i += 1
    if used != len(params):
        raise ValueError(f"{len(params)} parameters given for {used} '?' placeholders")
    out.append(sql[start:])
    return "".join(out)
