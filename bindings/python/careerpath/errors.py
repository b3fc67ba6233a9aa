"""Status codes and the exceptions raised for them.

`Status` mirrors ``enum careerpath_status`` in ``capi/careerpath.h`` value for value
(``tests/test_header_sync.py`` fails when the two drift). Every non-OK status maps to one
subclass of :class:`Error`; a failed call raises that subclass with the library's message and the
JSON Pointer of the offending place, read on the calling thread right after the call.
"""

from __future__ import annotations

import enum
from typing import Dict, Optional, Type, Union

__all__ = [
    "Status",
    "Error",
    "ArgumentError",
    "ParseError",
    "SchemaError",
    "UnknownReferenceError",
    "CycleError",
    "InfeasibleError",
    "LimitError",
    "OutOfMemoryError",
    "CancelledError",
    "InternalError",
    "ERRORS_BY_STATUS",
    "error_for_status",
]


class Status(enum.IntEnum):
    """``careerpath_status``: member names are the C names without the ``CAREERPATH_`` prefix."""

    OK = 0
    ERR_ARGUMENT = 1  # NULL or otherwise unusable argument
    ERR_PARSE = 2  # not well-formed JSON
    ERR_SCHEMA = 3  # well-formed, but wrong shape, type or value
    ERR_REFERENCE = 4  # names something that does not exist
    ERR_CYCLE = 5  # prerequisites or role extensions form a cycle
    ERR_INFEASIBLE = 6  # no plan can exist, e.g. zero learning capacity
    ERR_LIMIT = 7  # input beyond a documented limit
    ERR_MEMORY = 8
    ERR_CANCELLED = 9
    ERR_INTERNAL = 10

    @property
    def c_name(self) -> str:
        """The C enumerator, e.g. ``"CAREERPATH_ERR_SCHEMA"``."""
        return "CAREERPATH_" + self.name


class Error(Exception):
    """A careerpath call failed.

    Attributes:
        status: the :class:`Status` (a plain ``int`` for a code this binding does not know).
        message: the library's message (``careerpath_last_error``).
        pointer: RFC 6901 JSON Pointer into the failing input (``"/skills/3/hours"``), or ``""``
            when there is none (malformed JSON is located by offset, line and column in the
            message instead).
        path: the file being loaded, when the failure came from :meth:`Curriculum.load`.
    """

    #: The status this class stands for (``None`` on the base class).
    default_status: Optional[Status] = None

    def __init__(
        self,
        message: str,
        *,
        status: Union[Status, int, None] = None,
        pointer: str = "",
        path: Optional[str] = None,
    ) -> None:
        super().__init__(message)
        if status is None:
            status = self.default_status if self.default_status is not None else Status.ERR_INTERNAL
        try:
            status = Status(status)
        except ValueError:
            status = int(status)
        self.status: Union[Status, int] = status
        self.message: str = message
        self.pointer: str = pointer
        self.path: Optional[str] = path

    def __str__(self) -> str:
        where = []
        if self.path:
            where.append(self.path)
        if self.pointer:
            where.append(self.pointer)
        if where:
            return f"{': '.join(where)}: {self.message}"
        return self.message

    def __repr__(self) -> str:
        status = self.status.c_name if isinstance(self.status, Status) else self.status
        return (
            f"{type(self).__name__}({self.message!r}, status={status}, pointer={self.pointer!r})"
        )

    def __reduce__(self):  # keep keyword-only attributes through pickling (multiprocessing)
        return (_rebuild, (type(self), self.message, int(self.status), self.pointer, self.path))


def _rebuild(cls: Type[Error], message: str, status: int, pointer: str, path: Optional[str]) -> Error:
    return cls(message, status=status, pointer=pointer, path=path)


class ArgumentError(Error, ValueError):
    """``CAREERPATH_ERR_ARGUMENT``: a NULL or otherwise unusable argument."""

    default_status = Status.ERR_ARGUMENT


class ParseError(Error):
    """``CAREERPATH_ERR_PARSE``: the input is not well-formed JSON."""

    default_status = Status.ERR_PARSE


class SchemaError(Error):
    """``CAREERPATH_ERR_SCHEMA``: well-formed JSON of the wrong shape, type or value."""

    default_status = Status.ERR_SCHEMA


class UnknownReferenceError(Error):
    """``CAREERPATH_ERR_REFERENCE``: the input names something that does not exist."""

    default_status = Status.ERR_REFERENCE


class CycleError(Error):
    """``CAREERPATH_ERR_CYCLE``: prerequisites or role extensions form a cycle."""

    default_status = Status.ERR_CYCLE


class InfeasibleError(Error):
    """``CAREERPATH_ERR_INFEASIBLE``: no plan can exist, e.g. zero learning capacity."""

    default_status = Status.ERR_INFEASIBLE


class LimitError(Error):
    """``CAREERPATH_ERR_LIMIT``: the input goes beyond a documented limit."""

    default_status = Status.ERR_LIMIT


class OutOfMemoryError(Error, MemoryError):
    """``CAREERPATH_ERR_MEMORY``: the library ran out of memory."""

    default_status = Status.ERR_MEMORY


class CancelledError(Error):
    """``CAREERPATH_ERR_CANCELLED``: the caller stopped the operation."""

    default_status = Status.ERR_CANCELLED


class InternalError(Error):
    """``CAREERPATH_ERR_INTERNAL``: a bug in careerpath; please report it with the input."""

    default_status = Status.ERR_INTERNAL


#: The exception class raised for each non-OK status.
ERRORS_BY_STATUS: Dict[Status, Type[Error]] = {
    Status.ERR_ARGUMENT: ArgumentError,
    Status.ERR_PARSE: ParseError,
    Status.ERR_SCHEMA: SchemaError,
    Status.ERR_REFERENCE: UnknownReferenceError,
    Status.ERR_CYCLE: CycleError,
    Status.ERR_INFEASIBLE: InfeasibleError,
    Status.ERR_LIMIT: LimitError,
    Status.ERR_MEMORY: OutOfMemoryError,
    Status.ERR_CANCELLED: CancelledError,
    Status.ERR_INTERNAL: InternalError,
}


def error_for_status(
    status: Union[Status, int], message: str = "", pointer: str = "", path: Optional[str] = None
) -> Error:
    """The exception for a non-OK `status` (the base :class:`Error` for a code not known here)."""
    try:
        cls = ERRORS_BY_STATUS.get(Status(status), Error)
    except ValueError:
        cls = Error
    if not message:
        message = f"careerpath call failed with status {int(status)}"
    return cls(message, status=status, pointer=pointer, path=path)
