"""Batch planning on a Dask distributed cluster: :meth:`Curriculum.plan_batch` across machines.

A Dask bag of plan requests (one JSON Lines line each: text, bytes or a dict) is planned
partition by partition on the cluster's workers::

    from distributed import Client
    import careerpath.dask

    client = Client("tcp://scheduler:8786")          # or Client(careerpath.dask.local_cluster(2))
    requests = careerpath.dask.read_requests(["workforce-*.jsonl"])
    plans = careerpath.dask.plan_bag("engineering-growth.json", requests)    # a bag of lines
    careerpath.dask.plan_files("engineering-growth.json", requests, "plans/")  # or files

The batch's guarantees hold for the whole bag (README, "Planning a workforce on a cluster"):

- one result line per request line, in input order: the plan exactly as ``plan_batch(...,
  parse=False)`` writes it, or the error line ``{"error": {"line": n, ...}}`` of a bad line,
  whose ``n`` counts from 1 over the whole bag (over the request files in the order given), so
  the result equals ``plan_batch`` on the same lines byte for byte;
- the curriculum is validated on the client before anything is submitted, so a curriculum that
  does not load raises here, once;
- each worker process loads the curriculum once (by the SHA-256 of its document, not per task)
  and plans one partition at a time through ``plan_batch`` on as many native threads as the
  worker has (its ``--nthreads``);
- the tasks are pure (a partition always gives the same lines) and a partition's file is written
  whole or not at all (a temporary file renamed), so when Dask reruns the tasks of a worker that
  died, no line is lost or written twice.

The workers need this package (the same version as the client: checked) and the request files
and output folder at the same paths (a shared file system), or use :func:`plan_bag` and write
from the client. ``careerpath-dask`` (careerpath/_dask_cli.py) is the command line.
"""

from __future__ import annotations

import collections
import hashlib
import json
import os
import sys
import threading
from typing import Any, Callable, Dict, Iterable, List, Mapping, Optional, Sequence, Union

import dask
import dask.bag as db

from . import Curriculum, __version__, _document_bytes

__all__ = ["read_requests", "plan_bag", "plan_files", "partition_counts", "partition_offsets",
           "remove_stale_parts", "local_cluster", "WORKER_ENVIRON"]

PathLike = Union[str, "os.PathLike[str]"]
#: The curriculum: a path to its document, its JSON text as bytes, or plain Python data.
CurriculumSource = Union[PathLike, bytes, Mapping[str, Any]]

_ERROR_PREFIX = b'{"error":{"line":'
_CACHE_SIZE = 4  # curricula kept per worker process; a nightly run uses one


class _Document:
    """A curriculum document checked on the client, named by the SHA-256 of its bytes."""

    def __init__(self, data: bytes, name: str) -> None:
        self.data = data
        self.name = name
        self.digest = hashlib.sha256(data).hexdigest()


def _document(curriculum: CurriculumSource) -> _Document:
    """Reads and validates the curriculum here, on the client: a curriculum that does not load
    raises its :class:`careerpath.Error` before any task is submitted, not once per task."""
    if isinstance(curriculum, (bytes, bytearray, memoryview)):
        data, name, path = bytes(curriculum), "<json>", None
    elif isinstance(curriculum, Mapping):
        data, name, path = _document_bytes(curriculum), "<dict>", None
    elif isinstance(curriculum, (str, os.PathLike)):
        path = os.fspath(curriculum)
        with open(path, "rb") as file:
            data = file.read()
        name = path
    else:
        raise TypeError(
            "curriculum must be a path, its JSON text as bytes or a dict, got "
            f"{type(curriculum).__name__}"
        )
    Curriculum._load_bytes(data, name, path=path).close()
    return _Document(data, name)


# -- on the workers --------------------------------------------------------------------------

_curricula: "collections.OrderedDict[str, Curriculum]" = collections.OrderedDict()
_curricula_lock = threading.Lock()
#: How many times this process has loaded each curriculum (by digest): once, unless evicted.
loads: Dict[str, int] = collections.Counter()
# One partition at a time per process, on all the worker's threads: partitions that Dask runs at
# once on one worker would otherwise each start that many native threads.
_planning = threading.Lock()


def _curriculum(digest: str, data: bytes) -> Curriculum:
    """This process's curriculum for `digest`, loaded on first use and kept (a few, least
    recently used first out) for the tasks and runs that follow."""
    with _curricula_lock:
        curriculum = _curricula.get(digest)
        if curriculum is None:
            curriculum = Curriculum._load_bytes(data, f"<curriculum {digest[:12]}>")
            _curricula[digest] = curriculum
            loads[digest] += 1
            while len(_curricula) > _CACHE_SIZE:
                _curricula.popitem(last=False)[1].close()
        _curricula.move_to_end(digest)
        return curriculum


def _worker_threads(threads: int) -> int:
    if threads:
        return threads
    try:
        from distributed import get_worker

        worker = get_worker()
        state = getattr(worker, "state", None)  # Worker.nthreads moved to Worker.state in 2022.12
        return max(1, int(state.nthreads if state is not None else worker.nthreads))
    except (ImportError, ValueError):
        return 0  # not on a distributed worker: the library's one per core


def _line_bytes(item: Any) -> bytes:
    """One request as one line, without its line break, its bytes otherwise as they were:
    read_requests reads with surrogateescape, so even a line that is not UTF-8 reaches the
    library as it was and gets the library's error line, and a CR before the line break is the
    library's to ignore. Line breaks inside an item (a str or dict given in a list) are spaces."""
    if isinstance(item, str):
        line = item.encode("utf-8", "surrogateescape")
    elif isinstance(item, (bytes, bytearray, memoryview)):
        line = bytes(item)
    elif isinstance(item, Mapping):
        line = _document_bytes(item)
    else:
        raise TypeError(f"each request must be a dict or its JSON text (str or bytes), got {type(item).__name__}")
    if line.endswith(b"\n"):
        line = line[:-1]
    return line.replace(b"\n", b" ") if b"\n" in line else line


def _renumber(line: bytes, offset: int) -> bytes:
    """An error line of a partition, its line number moved from the partition's to the bag's.
    The library writes `line` first (src/io/batch_writer.cpp), so only those digits change."""
    if not offset or not line.startswith(_ERROR_PREFIX):
        return line
    start = len(_ERROR_PREFIX)
    end = start
    while end < len(line) and 48 <= line[end] <= 57:
        end += 1
    return line[:start] + str(int(line[start:end]) + offset).encode("ascii") + line[end:]


def _plan_partition(
    lines: Iterable[Any], digest: str, data: bytes, offset: int, threads: int, version: str,
    emit: Callable[[bytes], None],
) -> None:
    if version != __version__:
        raise RuntimeError(
            f"careerpath {__version__} on this worker, {version} on the client: install the same "
            "careerpath on the client and every worker"
        )
    jsonl = b"".join(_line_bytes(item) + b"\n" for item in lines)
    curriculum = _curriculum(digest, data)
    with _planning:
        for line in curriculum.plan_batch(jsonl, _worker_threads(threads), parse=False):
            emit(_renumber(line, offset))


def _plan_lines(lines: Iterable[Any], digest: str, data: bytes, offset: int, threads: int,
                version: str) -> List[str]:
    out: List[str] = []
    _plan_partition(lines, digest, data, offset, threads, version,
                    lambda line: out.append(line.decode("utf-8", "surrogateescape")))
    return out


def _write_lines(lines: Iterable[Any], digest: str, data: bytes, offset: int, threads: int,
                 version: str, path: str, partition: int) -> Dict[str, Any]:
    # Whole or not at all: a worker that dies mid-partition leaves only its temporary file, and
    # the rerun (or a late duplicate of the same pure task) renames the same bytes into place.
    temporary = os.path.join(os.path.dirname(path), f".{os.path.basename(path)}.{os.getpid()}.{threading.get_ident()}.tmp")
    counts = {"lines": 0, "failed": 0}
    try:
        with open(temporary, "wb") as file:
            def emit(line: bytes) -> None:
                counts["lines"] += 1
                counts["failed"] += line.startswith(_ERROR_PREFIX)
                file.write(line + b"\n")
            _plan_partition(lines, digest, data, offset, threads, version, emit)
        os.replace(temporary, path)
    except BaseException:
        try:
            os.unlink(temporary)
        except OSError:
            pass
        raise
    return {"partition": partition, "path": path, "lines": counts["lines"],
            "planned": counts["lines"] - counts["failed"], "failed": counts["failed"]}


def _count(partition: Iterable[Any]) -> List[int]:
    return [sum(1 for _ in partition)]


# -- on the client ---------------------------------------------------------------------------

#: The environment careerpath wants in a worker process. Dask's nanny starts workers with
#: MALLOC_TRIM_THRESHOLD_ set, which turns glibc's adaptive mmap threshold off: every plan over
#: 128 KiB (a 1,000-skill framework's are 600 KB) is then allocated with mmap and freed with
#: munmap, which made plan_batch half again as slow in a worker as in a plain process
#: (docs/benchmarks.md, "Batch planning on a Dask cluster"). Set it for `dask worker` too.
WORKER_ENVIRON: Dict[str, str] = {"MALLOC_MMAP_THRESHOLD_": str(32 << 20)}


def local_cluster(n_workers: int, threads_per_worker: int = 1, **kwargs: Any) -> Any:
    """A ``distributed.LocalCluster`` of `n_workers` worker processes (no dashboard) whose
    workers, restarted ones included, start with :data:`WORKER_ENVIRON`."""
    from distributed import LocalCluster

    settings = {f"distributed.nanny.pre-spawn-environ.{name}": value for name, value in WORKER_ENVIRON.items()}
    with dask.config.set(settings):
        return LocalCluster(n_workers=n_workers, threads_per_worker=threads_per_worker, processes=True,
                            dashboard_address=None, **kwargs)


def read_requests(paths: Union[PathLike, Sequence[PathLike]], blocksize: Union[int, str, None] = "4MiB") -> db.Bag:
    """A bag of the request lines of JSON Lines files (paths or globs, in order), in partitions
    of about `blocksize` bytes (None: one per file). Lines split at ``\\n`` only, and keep their
    bytes, as ``careerpath batch`` reads them."""
    if isinstance(paths, (str, os.PathLike)):
        paths = [paths]
    return db.read_text([os.fspath(p) for p in paths], blocksize=blocksize, linedelimiter="\n",
                        encoding="utf-8", errors="surrogateescape")


def partition_counts(requests: db.Bag) -> List[int]:
    """The number of lines of each partition: one quick pass over the requests, on the cluster."""
    return list(requests.map_partitions(_count).compute())


def partition_offsets(counts: Sequence[int]) -> List[int]:
    """The line number, in the whole bag, before each partition's first line: it numbers the
    error lines of every partition as ``plan_batch`` numbers them in the whole input."""
    offsets, total = [], 0
    for count in counts:
        offsets.append(total)
        total += count
    return offsets


def _tasks(curriculum: Union[CurriculumSource, _Document], requests: db.Bag, threads: int,
           offsets: Optional[Sequence[int]]) -> tuple:
    if isinstance(threads, bool) or not isinstance(threads, int) or threads < 0:
        raise ValueError(f"threads must be an int, 0 (the worker's threads) or more, got {threads!r}")
    document = curriculum if isinstance(curriculum, _Document) else _document(curriculum)
    if offsets is None:
        offsets = partition_offsets(partition_counts(requests))
    if len(offsets) != requests.npartitions:
        raise ValueError(f"{len(offsets)} offsets for {requests.npartitions} partitions")
    # One key for the document: each worker fetches it once, not once per task.
    data = dask.delayed(document.data, name=f"careerpath-curriculum-{document.digest}")
    return document, data, requests.to_delayed(), list(offsets)


def plan_bag(curriculum: CurriculumSource, requests: db.Bag, threads: int = 0,
             offsets: Optional[Sequence[int]] = None) -> db.Bag:
    """The bag of result lines (``str``, without line breaks) of `requests`, in input order: each
    line the plan, or the error line of a bad request, as :meth:`Curriculum.plan_batch` with
    ``parse=False`` writes it for the same lines. `threads`: native threads per partition (0:
    the worker's). Validates the curriculum and counts each partition's lines now (see
    :func:`partition_offsets`; pass `offsets` when the counts are known); plans when computed."""
    document, data, parts, offsets = _tasks(curriculum, requests, threads, offsets)
    plan = dask.delayed(_plan_lines, pure=True)
    return db.from_delayed([plan(part, document.digest, data, offset, threads, __version__)
                            for part, offset in zip(parts, offsets)])


def _part_name(index: int, count: int) -> str:
    return f"part-{index:0{max(5, len(str(count - 1)))}d}.jsonl"


def plan_files(curriculum: CurriculumSource, requests: db.Bag, directory: PathLike, threads: int = 0,
               offsets: Optional[Sequence[int]] = None, compute: bool = True) -> List[Any]:
    """Plans `requests` into JSON Lines files, one per partition (``part-00000.jsonl``, ... in
    input order, in `directory`, which the workers must see), each with the plans and error
    lines of its requests. Returns one summary per file, ``{"partition", "path", "lines",
    "planned", "failed"}``, or with ``compute=False`` the Dask delayed objects that write them
    and return those summaries (then call :func:`remove_stale_parts` once they are done). Files
    of an earlier run beyond this run's partitions are removed once every file is written."""
    document, data, parts, offsets = _tasks(curriculum, requests, threads, offsets)
    directory = os.path.abspath(os.fspath(directory))
    os.makedirs(directory, exist_ok=True)
    write = dask.delayed(_write_lines, pure=True)
    tasks = [write(part, document.digest, data, offset, threads, __version__,
                   os.path.join(directory, _part_name(i, len(parts))), i)
             for i, (part, offset) in enumerate(zip(parts, offsets))]
    if not compute:
        return tasks
    summaries = list(dask.compute(*tasks))
    remove_stale_parts(directory, len(parts))
    return summaries


def remove_stale_parts(directory: PathLike, count: int) -> List[str]:
    """Removes from `directory` the ``part-N.jsonl`` files beyond the first `count` (an earlier
    run's, with more partitions) and the temporary files of partitions whose worker died while
    writing them (their reruns wrote the partitions again); returns the paths removed. Call it
    once every partition is written."""
    keep = {_part_name(i, count) for i in range(count)}
    removed = []
    for name in sorted(os.listdir(directory)):
        stale = (name.startswith("part-") and name.endswith(".jsonl")
                 and name[len("part-"):-len(".jsonl")].isdigit() and name not in keep)
        if stale or (name.startswith(".part-") and name.endswith(".tmp")):
            path = os.path.join(os.fspath(directory), name)
            os.unlink(path)
            removed.append(path)
    return removed


if __name__ == "__main__":
    from ._dask_cli import main

    sys.exit(main())
