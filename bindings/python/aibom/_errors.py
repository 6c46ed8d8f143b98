"""
_errors.py - the exceptions of the aibom bindings, built from the library's aibom_error_last().

Kept apart from _ffi.py so that they exist (and can be caught) before the library is loaded.
The exception class is chosen by return code first (AIBOM_ENOTFOUND, AIBOM_EINVALID,
AIBOM_EREADONLY), then by error class (QUERY); a failure that is both invalid and a query problem
("one statement at a time") is an InvalidQueryError, which is both an InvalidError and a
QueryError.
"""
from __future__ import annotations

from typing import Dict, List, Optional, Sequence, Tuple, Type

#: aibom_error_t values and their names.
KLASS_NAMES: Dict[int, str] = {
    0: "NONE",
    1: "NOMEMORY",
    2: "OS",
    3: "GIT",
    4: "SQLITE",
    5: "QUERY",
    6: "PARSE",
    7: "JSON",
    8: "INPUT",
    9: "RULES",
    10: "CALLBACK",
}

_KLASS_QUERY = 5


class Error(Exception):
    """A failure reported by libaibom.

    Attributes:
        message: the library's message (aibom_error_last()->message).
        klass: the error class, an ``aibom_error_t`` value (e.g. 5 for QUERY).
        klass_name: the class's name: "NOMEMORY", "OS", "GIT", "SQLITE", "QUERY", "PARSE",
            "JSON", "INPUT", "RULES", "CALLBACK" (or "NONE"; "UNKNOWN(n)" for a newer class).
        code: the negative AIBOM_E* return code (-1 AIBOM_ERROR, -3 AIBOM_ENOTFOUND, ...).
    """

    def __init__(self, message: str, klass: int = 0, code: int = -1) -> None:
        super().__init__(message, klass, code)
        self.message = message
        self.klass = klass
        self.code = code

    @property
    def klass_name(self) -> str:
        """The name of the error class, e.g. "QUERY"."""
        return KLASS_NAMES.get(self.klass, f"UNKNOWN({self.klass})")

    def __str__(self) -> str:
        return self.message

    def __repr__(self) -> str:
        return f"{type(self).__name__}({self.message!r}, klass={self.klass_name}, code={self.code})"


class NotFoundError(Error):
    """AIBOM_ENOTFOUND (-3): a path, revision or database does not exist."""


class InvalidError(Error, ValueError):
    """AIBOM_EINVALID (-4): an invalid argument or option (also a ValueError)."""


class QueryError(Error):
    """An error of class QUERY: invalid SQL, more than one statement, or a write."""


class ReadOnlyError(QueryError):
    """AIBOM_EREADONLY (-8): a query would have written to the database."""


class InvalidQueryError(InvalidError, QueryError):
    """AIBOM_EINVALID with class QUERY: an empty SQL text, or more than one statement."""


def error_class(code: int, klass: int) -> Type[Error]:
    """The exception class for a return code and error class."""
    if code == -3:
        return NotFoundError
    if code == -8:
        return ReadOnlyError
    if code == -4:
        return InvalidQueryError if klass == _KLASS_QUERY else InvalidError
    if klass == _KLASS_QUERY:
        return QueryError
    return Error


def error_from_last(message: Optional[bytes], klass: int, code: int) -> Error:
    """Build the exception for CODE from the fields of aibom_error_last()."""
    text = message.decode("utf-8", "replace") if message else "unknown error"
    return error_class(code, klass)(text, klass, code)


class LibraryNotFound(ImportError):
    """libaibom could not be loaded from any of the places tried.

    Attributes:
        tried: (place, reason) pairs, in the order they were tried.
    """

    def __init__(self, tried: Sequence[Tuple[str, str]]) -> None:
        self.tried: List[Tuple[str, str]] = list(tried)
        lines = "\n".join(f"  {place}: {reason}" for place, reason in self.tried)
        super().__init__(
            "libaibom could not be loaded; set AIBOM_LIBRARY to its path. Tried:\n" + lines
        )

    def __reduce__(self) -> Tuple[type, Tuple[List[Tuple[str, str]]]]:
        return (type(self), (self.tried,))
