#!/usr/bin/python3
"""Batch planning through careerpath.dask against Curriculum.plan_batch, on the same machine.

Run with Debian's interpreter (python3-distributed) and the built library, from the repository
root (``scripts/bench.sh dask`` writes the documents first, as for python_batch.py)::

    CAREERPATH_LIBRARY=build-bench/libcareerpath.so.0 /usr/bin/python3 \\
        benchmarks/dask_batch.py --data build-bench --n 100000

The requests are python_batch.py's (benchmarks/batch.cpp's): the 1,000-skill synthetic
curriculum, each plan the full 1,793-unit path of about 530 KB. They are written to a JSON Lines
file first, which is what a nightly run reads. Measured, back to back, wall clock:

  * ``plan_batch``: ``Curriculum.plan_batch(file bytes, threads=T, parse=False)`` in this
    process, every line consumed and dropped (T = 1, 2);
  * ``careerpath.dask``: ``careerpath.dask.local_cluster(W)``, W worker processes of one thread
    each (W = 1, 2), started with careerpath.dask.WORKER_ENVIRON (``--dask-environ default``:
    with Dask's own environment only),
    ``read_requests(file, blocksize)`` then ``plan_bag(...)``, each partition's lines counted on
    its worker (so that 53 GB of plans do not travel to the client): from the call (the pass
    that counts each partition's lines included) to the last count. The cluster is started
    before the clock starts; its start is shown apart.

Dask's overhead per line is (dask time - plan_batch time at as many threads as workers) / N.
"""

from __future__ import annotations

import argparse
import json
import os
import sys
import tempfile
import time
from pathlib import Path
from typing import Any, Dict, List, Tuple

sys.path.insert(0, str(Path(__file__).resolve().parent.parent / "bindings" / "python"))

import careerpath  # noqa: E402
import careerpath.dask as cpdask  # noqa: E402
from distributed import Client  # noqa: E402
from python_batch import batch_lines, run_plan_batch  # noqa: E402


def count_lines(lines: List[str]) -> List[Tuple[int, int]]:
    return [(len(lines), sum(line.startswith('{"error"') for line in lines))]


def run_dask(curriculum: bytes, requests_path: Path, n: int, workers: int, blocksize: int) -> Dict[str, Any]:
    started = time.perf_counter()
    with cpdask.local_cluster(workers) as cluster, Client(cluster):
        startup = time.perf_counter() - started
        start = time.perf_counter()
        requests = cpdask.read_requests(requests_path, blocksize=blocksize)
        counts = cpdask.plan_bag(curriculum, requests).map_partitions(count_lines).compute()
        elapsed = time.perf_counter() - start
    lines = sum(c for c, _ in counts)
    errors = sum(e for _, e in counts)
    if lines != n or errors:
        raise SystemExit(f"careerpath.dask: {lines} results for {n} lines, {errors} errors")
    return {"elapsed": elapsed, "startup": startup, "partitions": requests.npartitions}


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--data", default="build-bench", help="directory of curriculum-1000.json, request-base.json")
    parser.add_argument("--n", type=int, default=100000, help="request lines")
    parser.add_argument("--threads", type=int, nargs="+", default=[1, 2], help="plan_batch threads and Dask workers")
    parser.add_argument("--dask-environ", choices=["careerpath", "default"], default="careerpath",
                        help="the workers' environment: careerpath.dask.WORKER_ENVIRON, or Dask's alone")
    parser.add_argument("--partition-lines", type=int, default=100,
                        help="request lines per partition (about; each plan is 530 KB in memory on its worker)")
    args = parser.parse_args()

    if args.dask_environ == "default":
        cpdask.WORKER_ENVIRON.clear()
    data_dir = Path(args.data)
    curriculum_text = (data_dir / "curriculum-1000.json").read_bytes()
    base = json.loads((data_dir / "request-base.json").read_text())
    data = batch_lines(base, args.n)
    line_bytes = len(data) / args.n
    blocksize = max(1, int(line_bytes * args.partition_lines))
    print(f"library: {careerpath._native.library().path} ({careerpath.version()}), "
          f"python {sys.version.split()[0]}, {os.cpu_count()} cores", flush=True)
    print(f"{args.n} lines, {len(data) / 2**20:.1f} MiB; partitions of {blocksize} bytes "
          f"(about {args.partition_lines} lines); worker environment {cpdask.WORKER_ENVIRON}", flush=True)

    rows = []
    with tempfile.TemporaryDirectory() as work:
        requests_path = Path(work) / "requests.jsonl"
        requests_path.write_bytes(data)
        with careerpath.Curriculum.from_json(curriculum_text) as curriculum:
            for threads in args.threads:
                elapsed = run_plan_batch(curriculum, data, args.n, threads, parse=False)
                rows.append(("plan_batch", threads, elapsed, None))
                print(f"  plan_batch       threads={threads}  {elapsed:8.1f} s  {args.n / elapsed:8.1f} plans/s  "
                      f"(load average after: {os.getloadavg()[0]:.1f})", flush=True)
        del data
        for workers in args.threads:
            run = run_dask(curriculum_text, requests_path, args.n, workers, blocksize)
            rows.append(("careerpath.dask", workers, run["elapsed"], run))
            print(f"  careerpath.dask  workers={workers}  {run['elapsed']:8.1f} s  "
                  f"{args.n / run['elapsed']:8.1f} plans/s  ({run['partitions']} partitions; "
                  f"cluster start {run['startup']:.1f} s; load average after: {os.getloadavg()[0]:.1f})", flush=True)

    print()
    print("| through | threads or workers | time (s) | plans/s | speed-up over 1 |")
    print("|---|---:|---:|---:|---:|")
    for mode in ("plan_batch", "careerpath.dask"):
        one = next((e for m, t, e, _ in rows if m == mode and t == 1), None)
        for m, t, elapsed, _ in rows:
            if m == mode:
                speedup = f"{one / elapsed:.2f}x" if one else ""
                print(f"| {mode} | {t} | {elapsed:.1f} | {args.n / elapsed:.1f} | {speedup} |")
    for t in args.threads:
        local = next((e for m, tt, e, _ in rows if m == "plan_batch" and tt == t), None)
        dask = next((e for m, tt, e, _ in rows if m == "careerpath.dask" and tt == t), None)
        if local and dask:
            print(f"Dask's overhead at {t}: {(dask - local) / args.n * 1e3:.2f} ms per line "
                  f"({(dask / local - 1) * 100:.1f}% of plan_batch's time)")


if __name__ == "__main__":
    main()
