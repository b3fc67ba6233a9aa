"""careerpath: turn a mentorship program into a concrete, dated, checkable plan.

Python bindings (ctypes, standard library only) over the careerpath C ABI::

    import careerpath

    with careerpath.Curriculum.load("engineering-growth.json") as curriculum:
        summary = curriculum.describe()
        print(summary["id"], summary["counts"]["skills"])

A failed call raises a subclass of :class:`careerpath.Error` carrying ``.status``, ``.pointer``
(a JSON Pointer into the offending document) and ``.message``. The shared library is found
through ``CAREERPATH_LIBRARY``, then beside the package (where the wheel and ``cmake --install``
put it), then the system loader (see ``careerpath._native``). ``careerpath.__version__`` is this
binding's version and ``careerpath.version()`` the loaded library's: the library must be of the
same major version (its ABI). The library is loaded by ``import careerpath``, which raises
:class:`LibraryError` when there is none or it is of another major version.
"""

from __future__ import annotations

import ctypes
import json
import os
import queue
import threading
import weakref
from contextlib import contextmanager
from typing import Any, Dict, Iterable, Iterator, List, Mapping, Optional, Type, TypeVar, Union

from . import _native
from ._native import LibraryError
from ._version import __version__
from .errors import (
    ArgumentError,
    CancelledError,
    CycleError,
    Error,
    InfeasibleError,
    InternalError,
    LimitError,
    OutOfMemoryError,
    ParseError,
    SchemaError,
    Status,
    UnknownReferenceError,
)

__all__ = [
    "__version__",
    "Curriculum",
    "version",
    "import_framework",
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
    "LibraryError",
]

JSONText = Union[str, bytes, bytearray, memoryview]
#: A request or plan: plain Python data (what ``json.load`` returns), or its JSON text.
Document = Union[Mapping[str, Any], JSONText]
PathLike = Union[str, "os.PathLike[str]"]
#: What :meth:`Curriculum.plan_batch` takes: JSON Lines text, or an iterable of requests.
Requests = Union[JSONText, Iterable[Document]]

# Results waiting between the library's sink and the consumer of plan_batch at most: when the
# consumer is slower, the sink (and with it the batch) waits.
_BATCH_QUEUE_SIZE = 32
_MAX_THREADS = 2**32 - 1  # `unsigned` threads in careerpath_plan_batch

_C = TypeVar("_C", bound="Curriculum")


def version() -> str:
    """The version of the loaded library, ``"MAJOR.MINOR.PATCH"`` (careerpath_version_string)."""
    return _native.library().careerpath_version_string().decode("ascii")


def _document_bytes(document: Document) -> bytes:
    """A request or plan document as UTF-8 JSON: text is passed as it is, anything else (a dict,
    what ``json.load`` returns) is serialized."""
    if isinstance(document, (str, bytes, bytearray, memoryview)):
        return _to_bytes(document)
    return json.dumps(document, ensure_ascii=False, allow_nan=False, separators=(",", ":")).encode("utf-8")


def _requests_jsonl(requests: Requests) -> bytes:
    """The requests of plan_batch as one JSON Lines buffer: text is passed as it is; an iterable
    gives one line per item (a dict is serialized, which never yields a line break; the line
    breaks of a str or bytes item, whitespace between JSON tokens, become spaces)."""
    if isinstance(requests, (str, bytes, bytearray, memoryview)):
        return _to_bytes(requests)
    if isinstance(requests, Mapping):
        raise TypeError(
            "plan_batch takes an iterable of requests (or JSON Lines text), not a single request: "
            "use plan(request), or plan_batch([request])"
        )
    try:
        items = iter(requests)
    except TypeError:
        raise TypeError(
            f"plan_batch takes an iterable of requests or JSON Lines text, got {type(requests).__name__}"
        ) from None
    lines: List[bytes] = []
    for item in items:
        if not isinstance(item, (str, bytes, bytearray, memoryview, Mapping)):
            raise TypeError(
                f"each request must be a dict or its JSON text (str or bytes), got {type(item).__name__}"
            )
        line = _document_bytes(item)
        if b"\n" in line or b"\r" in line:
            line = line.replace(b"\r", b" ").replace(b"\n", b" ")
        lines.append(line + b"\n")
    return b"".join(lines)


def _to_bytes(text: JSONText) -> bytes:
    if isinstance(text, str):
        return text.encode("utf-8")
    if isinstance(text, (bytes, bytearray, memoryview)):
        return bytes(text)
    raise TypeError(f"expected a JSON document as str or bytes, got {type(text).__name__}")


class Curriculum:
    """A loaded, validated curriculum: a competency framework, its roles and programs.

    Create one with :meth:`load`, :meth:`from_json` or :meth:`from_dict`. It is immutable and
    may be shared between threads. Release it with :meth:`close` or a ``with`` block; a
    finalizer frees it when it is garbage collected otherwise.
    """

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        raise TypeError(
            "create a Curriculum with Curriculum.load(path), Curriculum.from_json(text) "
            "or Curriculum.from_dict(obj)"
        )

    @classmethod
    def _adopt(cls: Type[_C], handle: int, source: str) -> _C:
        self = cls.__new__(cls)
        lib = _native.library()
        self._lib = lib
        self._handle = handle
        self._source = source
        self._state = threading.Lock()
        self._users = 0
        self._closed = False
        # The safety net: frees the handle when the object is collected without close(). It holds
        # the library function and the address, never `self`.
        self._finalizer = weakref.finalize(self, lib.careerpath_curriculum_free, handle)
        return self

    # -- construction -------------------------------------------------------------------------

    @classmethod
    def _load_bytes(cls: Type[_C], data: bytes, source: str, path: Optional[str] = None) -> _C:
        lib = _native.library()
        out = ctypes.c_void_p()
        status = lib.careerpath_curriculum_load(ctypes.byref(out), data, len(data))
        _native.check(status, lib, path)
        if not out.value:
            raise InternalError("careerpath_curriculum_load returned OK but no curriculum")
        return cls._adopt(out.value, source)

    @classmethod
    def load(cls: Type[_C], path: PathLike) -> _C:
        """Reads and validates the curriculum document at `path`.

        Raises :class:`OSError` when the file cannot be read and an :class:`Error` subclass
        (with ``.path`` set) when it is not a valid curriculum.
        """
        name = os.fspath(path)
        with open(name, "rb") as file:
            data = file.read()
        return cls._load_bytes(data, name, path=name)

    @classmethod
    def from_json(cls: Type[_C], text: JSONText) -> _C:
        """Validates a curriculum given as JSON text (``str``, or UTF-8 ``bytes``)."""
        return cls._load_bytes(_to_bytes(text), "<json>")

    @classmethod
    def from_dict(cls: Type[_C], obj: Mapping[str, Any]) -> _C:
        """Validates a curriculum given as plain Python data (what ``json.load`` returns)."""
        text = json.dumps(obj, ensure_ascii=False, allow_nan=False, separators=(",", ":"))
        return cls._load_bytes(text.encode("utf-8"), "<dict>")

    # -- ownership ----------------------------------------------------------------------------

    @property
    def closed(self) -> bool:
        """True once :meth:`close` has been called."""
        return self._closed

    def close(self) -> None:
        """Releases the native curriculum. Idempotent.

        A call running on another thread keeps the handle alive until it returns; the handle is
        freed then.
        """
        with self._state:
            if self._closed:
                return
            self._closed = True
            free_now = self._users == 0
        if free_now:
            self._finalizer()

    def __enter__(self: _C) -> _C:
        self._require_open()
        return self

    def __exit__(self, *exc_info: Any) -> None:
        self.close()

    def _require_open(self) -> None:
        if self._closed:
            raise ValueError(f"operation on a closed careerpath.Curriculum ({self._source})")

    @contextmanager
    def _borrow(self) -> Iterator[int]:
        """The native handle, kept alive (even against close()) for the duration of a call."""
        with self._state:
            self._require_open()
            self._users += 1
        try:
            yield self._handle
        finally:
            with self._state:
                self._users -= 1
                free_now = self._closed and self._users == 0
            if free_now:
                self._finalizer()

    def __copy__(self: _C) -> _C:
        return self  # immutable; a copy would share (and double-free) the native handle

    def __deepcopy__(self: _C, memo: Dict[int, Any]) -> _C:
        return self

    def __reduce__(self) -> Any:
        raise TypeError(
            "a careerpath.Curriculum cannot be pickled; send the curriculum document instead"
        )

    def __repr__(self) -> str:
        state = "closed" if self._closed else "open"
        return f"<careerpath.Curriculum {self._source} ({state})>"

    # -- queries ------------------------------------------------------------------------------

    def describe(self) -> Dict[str, Any]:
        """A summary: ``id``, ``title``, ``levels``, ``counts`` (skills, units, edges,
        prerequisites, roles, programs, session_types, metrics, areas) and the ids of each."""
        lib = self._lib
        out = ctypes.c_void_p()
        with self._borrow() as handle:
            status = lib.careerpath_curriculum_describe(handle, ctypes.byref(out))
            _native.check(status, lib)
        result: Dict[str, Any] = json.loads(_native.take_string(out, lib))
        return result

    def _document_call(self, function: str, request: Document) -> Dict[str, Any]:
        """Calls a document-in, document-out function of the C ABI (careerpath_plan, _score,
        _cohort) on `request` and returns its JSON result as a dict; a failure raises."""
        data = _document_bytes(request)
        lib = self._lib
        out = ctypes.c_void_p()
        with self._borrow() as handle:
            status = getattr(lib, function)(handle, data, len(data), ctypes.byref(out))
            _native.check(status, lib)
        result: Dict[str, Any] = json.loads(_native.take_string(out, lib))
        return result

    def plan(self, request: Document) -> Dict[str, Any]:
        """A learning plan for one request (a dict, or its JSON text): ``gaps``, ``ready``, the
        dated ``path``, ``phases``, ``milestones``, ``summary`` and ``warnings``. A bad request
        raises the Error subclass of its status, with ``.pointer`` into the request."""
        return self._document_call("careerpath_plan", request)

    def plan_batch(self, requests: Requests, threads: int = 0, *, parse: bool = True) -> Iterator[Any]:
        """Plans many requests on `threads` native worker threads (0: one per core), without the
        GIL, and yields one result per request, in input order (careerpath_plan_batch).

        `requests` is an iterable of requests (each a dict, or its JSON text as ``str`` or
        ``bytes``; line breaks inside a text item are whitespace and are read as spaces), or one
        ``str`` or ``bytes`` of JSON Lines text (one request per line; a trailing CR is ignored,
        and so is the empty text after a final line break, but an empty line elsewhere is a bad
        line). The requests are read and encoded at once, when ``plan_batch`` is called; the
        planning starts on the first ``next()``.

        Each result is a dict: the plan, exactly what :meth:`plan` returns for that request; or,
        for a bad request, **no exception** but the dict ``{"error": {"line": n, "status":
        "CAREERPATH_ERR_...", "message": ..., "pointer": ...}, "schema_version": "1.0"}``
        (``line`` counts from 1, ``pointer`` is a JSON Pointer into that request), and the other
        requests go on. Test ``"error" in result`` (a plan has no ``error`` key).

        With ``parse=False`` each result is instead ``bytes``: the library's JSON line for that
        request, without its line break, byte for byte what ``careerpath batch`` writes. Use it
        to store or forward the plans: it skips ``json.loads`` of each plan, which runs on the
        consuming Python thread and holds the GIL, so with several worker threads it is what
        limits the rate (docs/benchmarks.md).

        The requests are handed to the library as one JSON Lines buffer; the results are
        planned ahead of the consumer only up to a bounded window (the library's 8 lines per
        thread, then a queue of 32), so the results held stay bounded however many requests
        there are and however slowly they are consumed. Closing the generator early (``break``,
        ``close()``, or dropping it) cancels the batch and waits for the native threads to stop.
        The curriculum stays alive, even against :meth:`close`, until the batch is over. A bad
        argument raises: ``TypeError`` or ``ValueError`` here, an :class:`Error` from the
        library at the first ``next()``.
        """
        if isinstance(threads, bool) or not isinstance(threads, int):
            raise TypeError(f"threads must be an int, got {type(threads).__name__}")
        if not 0 <= threads <= _MAX_THREADS:
            raise ValueError(f"threads must be between 0 (one per core) and {_MAX_THREADS}, got {threads}")
        if not isinstance(parse, bool):
            raise TypeError(f"parse must be a bool, got {type(parse).__name__}")
        self._require_open()
        data = _requests_jsonl(requests)
        return self._plan_batch(data, threads, parse)

    def _plan_batch(self, data: bytes, threads: int, parse: bool) -> Iterator[Any]:
        # careerpath_plan_batch runs on a Python thread of its own (ctypes releases the GIL for
        # the call); its sink, called back on that thread, hands each line through a bounded
        # queue to this generator. `stop` is set when the generator is closed: the sink then
        # returns nonzero, the library stops with ERR_CANCELLED and the thread is joined.
        lib = self._lib
        lines: "queue.Queue[object]" = queue.Queue(maxsize=_BATCH_QUEUE_SIZE)
        done = object()
        stop = threading.Event()
        failure: List[BaseException] = []

        def offer(item: object) -> bool:
            while not stop.is_set():
                try:
                    lines.put(item, timeout=0.1)
                    return True
                except queue.Full:
                    continue
            return False

        def sink(line: Optional[int], length: int, user: Optional[int]) -> int:
            try:
                text = ctypes.string_at(line, length) if length else b""
                return 0 if offer(text) and not stop.is_set() else 1
            except BaseException as error:  # never let an exception unwind into C
                failure.append(error)
                return 1

        callback = _native.careerpath_sink_fn(sink)

        with self._borrow() as handle:

            def run() -> None:
                try:
                    status = lib.careerpath_plan_batch(handle, data, len(data), threads, callback, None)
                    if not failure and not (status == Status.ERR_CANCELLED and stop.is_set()):
                        _native.check(status, lib)  # on this thread: its last error
                except BaseException as error:
                    failure.append(error)
                finally:
                    offer(done)

            worker = threading.Thread(target=run, name="careerpath-plan-batch", daemon=True)
            worker.start()
            try:
                while True:
                    item = lines.get()
                    if item is done:
                        break
                    assert isinstance(item, bytes)
                    yield json.loads(item) if parse else item
                worker.join()
                if failure:
                    raise failure[0]
            finally:
                stop.set()
                # Unblock a sink waiting on a full queue; it sees `stop` and cancels.
                while True:
                    try:
                        lines.get_nowait()
                    except queue.Empty:
                        break
                worker.join()

    def score(self, request: Document) -> Dict[str, Any]:
        """A scorecard for one score request (a dict, or its JSON text; see docs/scoring.md):
        per skill its latest and baseline estimates with their raters, achieved level, target
        and blind spots or hidden strengths; ``readiness``, ``skill_growth``, ``gap_closed``;
        every metric's value, target and attainment; the ``composite``; and, when the request
        carries a plan, the ``progress`` against it. A bad request raises the Error subclass of
        its status, with ``.pointer`` into the request: an unknown skill, level name or rater
        group is :class:`UnknownReferenceError`; a level index off the scale or an assessment
        dated after ``as_of`` is :class:`SchemaError`."""
        return self._document_call("careerpath_score", request)

    def cohort(self, request: Document) -> Dict[str, Any]:
        """A cohort report for ``{"min_group_size": 5, "people": [score request, ...]}`` (a
        dict, or its JSON text): the ROI table (``promotion_rate_12_months``,
        ``retention_rate``, ``mean_skill_growth``, ``mean_readiness``, ``share_on_track``) for
        ``individuals``, ``teams`` and ``organizations``; each figure is ``{"value", "n",
        "suppressed"}``, and a row or figure of fewer than ``min_group_size`` people shows no
        value. With ``"economics"`` each row adds ``economics``: ``investment``,
        ``cost_per_promotion``, ``turnover_cost_avoided`` (each ``{"amount": "15000.00",
        "cents": 1500000, "n", "suppressed"}``) and ``roi`` (README "Money"). A bad person raises
        that person's error, its ``.pointer`` under ``/people/K``."""
        return self._document_call("careerpath_cohort", request)

    def match(self, request: Document) -> Dict[str, Any]:
        """Matches mentees with mentors for ``{"program", "mode": "score" | "participation",
        "mentors": [...], "mentees": [...], ...}`` (a dict, or its JSON text; see
        docs/matching.md): each mentor with ``levels``, ``capacity``, ``available`` hours,
        ``reports`` and ``exclude``; each mentee with ``current`` levels, a ``target_role`` (or
        the request's or program's), ``available`` hours and ``exclude``. The result holds the
        ``summary`` (``mentees``, ``mentors``, ``matched``, ``unmatched``, ``total_score``, ...);
        the optimal ``assignments``, each ``{"mentee", "mentor", "score", "rank"}`` with its
        ``explanation``; the ``unmatched`` mentees with their ``reason`` and ``message``; each
        mentor's ``capacity`` and ``load``; every mentee's ``candidates`` (each pair's score, or
        its exclusion); and, for a group program, the ``groups`` formed. People are sorted by
        id, so the order of the input lists never changes the result. A bad request raises the
        Error subclass of its status, with ``.pointer`` into the request: an unknown program,
        role, skill, level name or excluded person is :class:`UnknownReferenceError`; a
        duplicate id or a value of the wrong shape is :class:`SchemaError`; too many people is
        :class:`LimitError`."""
        return self._document_call("careerpath_match", request)

    def plan_cohort(self, request: Document) -> Dict[str, Any]:
        """Plans a cohort, ``{"mentors": [...], "learners": [...]}`` (a dict, or its JSON text;
        see docs/cohort-planning.md): each mentor as a plan request's ``mentor`` (``id``,
        ``time_zone``, ``available``, ``busy``) with an optional ``max_hours_per_week``; each
        learner a plan request whose ``mentor`` is a mentor's id. The result holds ``plans``,
        every learner's plan in input order (what :meth:`plan` gives for the learner with their
        mentor, but for the sessions, placed jointly so that no mentor and no learner is in two
        sessions at once and no mentor exceeds their weekly hours), ``mentors``, each mentor's
        calendar (``sessions`` naming the ``learner``, ``placed``, ``dropped``, ``hours``), and a
        ``summary``. A bad request raises the Error subclass of its status, with ``.pointer``
        into the request: a learner naming an unknown mentor is :class:`UnknownReferenceError`;
        a mentor without availability, negative weekly hours or an id given twice is
        :class:`SchemaError`; a learner's own error is under ``/learners/K``."""
        return self._document_call("careerpath_plan_cohort", request)

    def export(
        self, format: str, plan: Optional[Document] = None
    ) -> str:
        """A text export (careerpath_export). ``format`` is ``"dot"`` (the unit graph as Graphviz
        DOT) or ``"mermaid-graph"`` (a Mermaid flowchart), which draw the curriculum and take no
        plan; ``"mermaid-gantt"``, which draws `plan` (what :meth:`plan` returns, or its JSON
        text) as a Mermaid Gantt chart; or ``"ical"``, which writes the plan's placed and moved
        sessions and its milestones as an iCalendar (RFC 5545) file: CRLF line ends, times in
        UTC, stable UIDs (write it to a ``.ics`` file with ``newline=""`` to keep the CRLFs);
        or ``"text"``, the report ``careerpath`` prints, of a plan, a scorecard or a cohort
        report (what :meth:`plan`, :meth:`score` or :meth:`cohort` returns), byte for byte;
        or ``"html"``, which writes a plan, a scorecard or a cohort report as one self-contained
        HTML page (``"html;today=2027-03-01"`` sets the day the plan's chart marks as today).
        An unsupported format raises :class:`ArgumentError`; a plan document of the wrong shape
        raises :class:`SchemaError` with ``.pointer`` into it."""
        if not isinstance(format, str):
            raise TypeError(f"format must be a str, got {type(format).__name__}")
        data: Optional[bytes] = None
        if plan is not None:
            data = _document_bytes(plan)
        elif format in ("mermaid-gantt", "ical", "text") or format == "html" or format.startswith("html;"):
            raise TypeError(f"export({format!r}) needs the document to export")
        lib = self._lib
        out = ctypes.c_void_p()
        with self._borrow() as handle:
            status = lib.careerpath_export(handle, format.encode("utf-8"), data, len(data) if data else 0,
                                           ctypes.byref(out))
            _native.check(status, lib)
        return _native.take_string(out, lib)


def import_framework(
    format: str,
    data: Union[JSONText, "os.PathLike[str]"],
    *,
    hours: Optional[float] = None,
    importance: Optional[float] = None,
) -> Dict[str, Any]:
    """A published competency framework as a curriculum (careerpath_import, docs/importing.md).

    ``format`` is ``"case"`` (a 1EdTech CASE package, JSON) or ``"onet"`` (O*NET's Skills table
    in its tab-delimited text layout, optionally followed by Occupation Data), and may carry
    options as the C ABI spells them (``"onet;importance=3.5"``). ``data`` is the
    input as text or bytes, or a path (``pathlib.Path``) to read it from. ``hours`` is the effort
    of each level step (default 10); ``importance`` (onet only) the least Importance a role
    requires (default 3.0). Returns the curriculum document as a dict, with ``import`` (the
    options used), ``import_notes`` (what the curriculum does not carry) and ``areas``; load it
    with :meth:`Curriculum.from_dict`. An unknown format or option raises
    :class:`ArgumentError`, input that does not match its format :class:`SchemaError` with
    ``.pointer`` at its place, a ``precedes`` cycle :class:`CycleError`."""
    if not isinstance(format, str):
        raise TypeError(f"format must be a str, got {type(format).__name__}")
    spec = format
    for name, value in (("hours", hours), ("importance", importance)):
        if value is None:
            continue
        if isinstance(value, bool) or not isinstance(value, (int, float)):
            raise TypeError(f"{name} must be a number, got {type(value).__name__}")
        spec += f";{name}={float(value)!r}"
    if isinstance(data, os.PathLike):
        with open(data, "rb") as f:
            payload = f.read()
    else:
        payload = _to_bytes(data)
    lib = _native.library()
    out = ctypes.c_void_p()
    status = lib.careerpath_import(spec.encode("utf-8"), payload, len(payload), ctypes.byref(out))
    _native.check(status, lib)
    result: Dict[str, Any] = json.loads(_native.take_string(out, lib))
    return result


# The library is loaded as the package is imported, so that `import careerpath` is where a missing
# library, or one of another ABI major, fails with its LibraryError, not some later first call.
_native.library()
