"""``careerpath-dask``: the command line of careerpath.dask (README, "Planning a workforce on a
cluster"). Apart from careerpath.dask so that it can say what to install when Dask is missing.

    careerpath-dask CURRICULUM REQUESTS.jsonl... (--scheduler ADDRESS | --local N) --out DIR
                    [--threads N] [--blocksize SIZE] [--no-progress]
"""

from __future__ import annotations

import argparse
import os
import sys
import time
from typing import Any, Dict, List, Optional, Sequence

from . import Error, _native


def _parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="careerpath-dask",
        description="Plans JSON Lines plan requests on a Dask distributed cluster, one output file "
                    "per partition (README, \"Planning a workforce on a cluster\").")
    parser.add_argument("curriculum", help="the curriculum document (JSON)")
    parser.add_argument("requests", nargs="+", help="JSON Lines files of plan requests, one per line")
    where = parser.add_mutually_exclusive_group(required=True)
    where.add_argument("--scheduler", metavar="ADDRESS", help="a running scheduler, e.g. tcp://10.0.0.5:8786")
    where.add_argument("--local", metavar="N", type=int, help="start a local cluster of N worker processes")
    parser.add_argument("--out", "-o", metavar="DIR", required=True,
                        help="the output folder (part-00000.jsonl, ...), seen by every worker")
    parser.add_argument("--threads", type=int, default=0, metavar="N",
                        help="native threads per partition (default: the worker's threads; with "
                             "--local, the cores shared among the N workers)")
    parser.add_argument("--blocksize", default="4MiB",
                        help="bytes of requests per partition (default 4MiB)")
    parser.add_argument("--no-progress", action="store_true", help="no progress line on stderr")
    return parser


def _report(error: Error, path: str) -> None:
    status = error.status.c_name if hasattr(error.status, "c_name") else str(error.status)
    sys.stderr.write(f"{path}: error: {error.message}\n  status: {status}\n")
    if error.pointer:
        sys.stderr.write(f"  at: {error.pointer}\n")


class _Progress:
    """Lines done of the total on one line of stderr, redrawn as partitions finish."""

    def __init__(self, total: int, partitions: int, enabled: bool) -> None:
        self.total, self.partitions, self.enabled = total, partitions, enabled
        self.lines = self.done = 0
        self.start = time.monotonic()

    def update(self, lines: int) -> None:
        self.lines += lines
        self.done += 1
        if self.enabled:
            elapsed = time.monotonic() - self.start
            rate = self.lines / elapsed if elapsed > 0 else 0.0
            sys.stderr.write(f"\r{self.lines}/{self.total} lines, {self.done}/{self.partitions} partitions, "
                             f"{rate:.0f} lines/s")
            sys.stderr.flush()

    def close(self) -> None:
        if self.enabled and self.done:
            sys.stderr.write("\n")


def main(argv: Optional[Sequence[str]] = None) -> int:
    """``careerpath-dask CURRICULUM REQUESTS... (--scheduler ADDRESS | --local N) --out DIR``.
    Exit status 0 when every line planned, 1 when some failed (the files are still complete) or
    the curriculum does not load, 2 on bad usage."""
    parser = _parser()
    args = parser.parse_args(argv)
    if args.local is not None and args.local < 1:
        parser.error("--local needs at least 1 worker")
    if args.threads < 0:
        parser.error("--threads must be 0 (the worker's threads) or more")
    try:
        from distributed import Client, as_completed

        from .dask import (_document, local_cluster, partition_counts, partition_offsets, plan_files,
                           read_requests, remove_stale_parts)
    except ImportError as error:
        sys.stderr.write(f"careerpath-dask: Dask distributed is not installed ({error}): "
                         "apt-get install python3-distributed, or pip install 'careerpath[dask]'\n")
        return 2
    try:
        document = _document(args.curriculum)
    except Error as error:
        _report(error, args.curriculum)
        return 1
    except (OSError, _native.LibraryError) as error:
        sys.stderr.write(f"careerpath-dask: {error}\n")
        return 1

    start = time.monotonic()
    cluster = None
    summaries: List[Dict[str, Any]] = []
    try:
        if args.local is not None:
            threads_per_worker = args.threads or max(1, (os.cpu_count() or 1) // args.local)
            cluster = local_cluster(args.local, threads_per_worker)
            client = Client(cluster)
        else:
            client = Client(args.scheduler)
        try:
            requests = read_requests(args.requests, blocksize=args.blocksize)
            counts = partition_counts(requests)
            tasks = plan_files(document, requests, args.out, args.threads,
                               offsets=partition_offsets(counts), compute=False)
            progress = _Progress(sum(counts), len(tasks), not args.no_progress and sys.stderr.isatty())
            for future in as_completed(client.compute(tasks)):
                summaries.append(future.result())
                progress.update(summaries[-1]["lines"])
            progress.close()
            remove_stale_parts(args.out, len(tasks))
            workers = len(client.scheduler_info()["workers"])
        finally:
            client.close()
    except KeyboardInterrupt:
        sys.stderr.write(f"\ncareerpath-dask: interrupted: {len(summaries)} files written to {args.out}\n")
        return 130
    except Exception as error:  # a worker's failure, an unreachable scheduler, unreadable files
        sys.stderr.write(f"careerpath-dask: {type(error).__name__}: {error}\n")
        return 1
    finally:
        if cluster is not None:
            cluster.close()
    seconds = time.monotonic() - start
    lines = sum(s["lines"] for s in summaries)
    failed = sum(s["failed"] for s in summaries)
    sys.stderr.write(
        f"careerpath-dask: {lines} lines, {lines - failed} planned, {failed} failed, {seconds:.1f} s "
        f"({lines / seconds if seconds > 0 else 0:.0f} lines/s), {len(summaries)} files in {args.out}, "
        f"{workers} workers\n")
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main())
