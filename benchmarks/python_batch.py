#!/usr/bin/python3
"""Batch planning and per-call overhead through the Python binding (bindings/python).

Run with Debian's interpreter and the built library, from the repository root::

    CAREERPATH_BATCH_WRITE=build-bench build-bench/benchmarks/careerpath_bench \\
        --benchmark_filter='BM_BatchC/N:1000/threads:1/'        # writes the two documents
    CAREERPATH_LIBRARY=build-bench/libcareerpath.so.0 /usr/bin/python3 \\
        benchmarks/python_batch.py --data build-bench --n 100000

(scripts/bench.sh python does both.) The requests are the ones of benchmarks/batch.cpp:
``<data>/curriculum-1000.json`` and ``<data>/request-base.json`` are written by the C++ benchmark
(the synthetic curriculum comes from std::mt19937, which Python does not reproduce), and
:func:`batch_request` varies the base request exactly as batch.cpp's ``batch_request`` does.

Measured, each once, wall clock (time.perf_counter):
  * ``plan_batch``: ``Curriculum.plan_batch(jsonl_bytes, threads)``, every result consumed (each
    is a dict: the binding parses every plan with json.loads on the consuming thread);
  * ``plan_text``: the same with ``parse=False``, every result the plan's JSON line as bytes;
  * ``ctypes``: careerpath_plan_batch called through ctypes with a CFUNCTYPE sink that only counts
    the lines, the C benchmark's counting sink in Python;
  * per call, on the three-skill curriculum of batch.cpp's BM_PlanSmallC: ``Curriculum.plan(dict)``
    (dumps, call, loads), ``Curriculum.plan(bytes)``, and careerpath_plan through ctypes alone
    (bytes in, the buffer freed); compare with BM_PlanSmallC, the direct C call.
"""

from __future__ import annotations

import argparse
import copy
import ctypes
import functools
import json
import os
import sys
import time
from pathlib import Path
from typing import Any, Dict, List

sys.path.insert(0, str(Path(__file__).resolve().parent.parent / "bindings" / "python"))

import careerpath  # noqa: E402
from careerpath import _native  # noqa: E402

SMALL_CURRICULUM = (
    '{"id":"small","title":"Small framework","levels":["none","beginner","intermediate"],'
    '"skills":[{"id":"a","title":"Skill A","area":"x","hours":2},{"id":"b","title":"Skill B",'
    '"area":"y","hours":3,"hours_by_level":{"intermediate":5}},{"id":"c","title":"Skill C",'
    '"area":"x","hours":1.5}],"prerequisites":[{"skill":"b","requires":"a"},{"skill":"c",'
    '"level":"intermediate","requires":"b","requires_level":"beginner"}],"roles":[{"id":"dev",'
    '"title":"Developer","requires":{"a":"intermediate","b":1}},{"id":"senior","title":'
    '"Senior developer","extends":"dev","requires":{"c":"intermediate"}}]}'
)
SMALL_REQUEST = (
    '{"learner":{"id":"p","current":{"a":"beginner"},"hours_per_week":10},'
    '"target_role":"senior","start":"2027-01-04","target_date":"2027-12-31"}'
)


def skill_id(i: int) -> str:
    return f"skill_{i:06d}"


def batch_request(base: Dict[str, Any], i: int) -> Dict[str, Any]:
    """Request i (from 0): batch.cpp's batch_request."""
    request = copy.deepcopy(base)
    learner = request["learner"]
    learner["id"] = f"bench-{i}"
    learner["hours_per_week"] = 20 + i % 17
    for k in range(4):
        learner["current"][skill_id(((i * 37 + k * 251) % 334) * 3)] = (i + k) % 3
    return request


def batch_lines(base: Dict[str, Any], n: int) -> bytes:
    # Copies only what changes (the learner and its current levels) rather than deepcopy.
    parts: List[bytes] = []
    for i in range(n):
        learner = dict(base["learner"], current=dict(base["learner"]["current"]))
        learner["id"] = f"bench-{i}"
        learner["hours_per_week"] = 20 + i % 17
        for k in range(4):
            learner["current"][skill_id(((i * 37 + k * 251) % 334) * 3)] = (i + k) % 3
        request = dict(base, learner=learner)
        parts.append(json.dumps(request, separators=(",", ":")).encode() + b"\n")
    return b"".join(parts)


def run_plan_batch(curriculum: careerpath.Curriculum, data: bytes, n: int, threads: int, parse: bool = True) -> float:
    start = time.perf_counter()
    count = errors = 0
    for result in curriculum.plan_batch(data, threads=threads, parse=parse):
        count += 1
        errors += ("error" in result) if parse else result.startswith(b'{"error"')
    elapsed = time.perf_counter() - start
    if count != n or errors:
        raise SystemExit(f"plan_batch: {count} results for {n} lines, {errors} errors")
    return elapsed


def run_ctypes_batch(curriculum: careerpath.Curriculum, data: bytes, n: int, threads: int) -> float:
    lib = _native.library()
    counted = [0, 0]

    def sink(line: int, length: int, user: int) -> int:
        counted[0] += 1
        counted[1] += length
        return 0

    callback = _native.careerpath_sink_fn(sink)
    with curriculum._borrow() as handle:  # the binding's own handle; the call is what is measured
        start = time.perf_counter()
        status = lib.careerpath_plan_batch(handle, data, len(data), threads, callback, None)
        elapsed = time.perf_counter() - start
    _native.check(status, lib)
    if counted[0] != n:
        raise SystemExit(f"ctypes batch: {counted[0]} lines for {n}")
    return elapsed


RUNS = {
    "plan_batch": run_plan_batch,
    "plan_text": functools.partial(run_plan_batch, parse=False),
    "ctypes": run_ctypes_batch,
}


def per_call(fn: Any, calls: int) -> float:
    for _ in range(min(calls // 10, 1000)):  # warm up
        fn()
    start = time.perf_counter()
    for _ in range(calls):
        fn()
    return (time.perf_counter() - start) / calls * 1e6


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--data", default="build-bench", help="directory of curriculum-1000.json, request-base.json")
    parser.add_argument("--n", type=int, nargs="+", default=[100000], help="batch sizes")
    parser.add_argument("--threads", type=int, nargs="+", default=[1, 2])
    parser.add_argument("--modes", nargs="+", default=list(RUNS), choices=list(RUNS))
    parser.add_argument("--calls", type=int, default=20000, help="calls per per-call measurement")
    parser.add_argument("--skip-batch", action="store_true")
    args = parser.parse_args()

    print(f"library: {_native.library().path} ({careerpath.version()}), python {sys.version.split()[0]}")
    rows = []
    if not args.skip_batch:
        data_dir = Path(args.data)
        curriculum = careerpath.Curriculum.from_json((data_dir / "curriculum-1000.json").read_text())
        base = json.loads((data_dir / "request-base.json").read_text())
        for n in args.n:
            t0 = time.perf_counter()
            data = batch_lines(base, n)
            print(f"built {n} lines ({len(data) / 2**20:.1f} MiB) in {time.perf_counter() - t0:.1f} s", flush=True)
            for mode in args.modes:
                for threads in args.threads:
                    elapsed = RUNS[mode](curriculum, data, n, threads)
                    rows.append((mode, n, threads, elapsed, n / elapsed))
                    print(f"  {mode:<10} N={n:<7} threads={threads}  {elapsed:8.1f} s  {n / elapsed:8.1f} plans/s",
                          flush=True)
            del data
        curriculum.close()

    small = careerpath.Curriculum.from_json(SMALL_CURRICULUM)
    request_dict = json.loads(SMALL_REQUEST)
    request_bytes = SMALL_REQUEST.encode()
    lib = _native.library()

    def raw() -> None:
        out = ctypes.c_void_p()
        with small._borrow() as handle:
            status = lib.careerpath_plan(handle, request_bytes, len(request_bytes), ctypes.byref(out))
        if status != 0:
            raise SystemExit(f"careerpath_plan: status {status}")
        lib.careerpath_free(out)

    calls = args.calls
    us_raw = per_call(raw, calls)
    us_bytes = per_call(lambda: small.plan(request_bytes), calls)
    us_dict = per_call(lambda: small.plan(request_dict), calls)
    plan_bytes = len(json.dumps(small.plan(request_dict), separators=(",", ":")))

    print()
    if rows:
        print("| through | N | threads | time (s) | plans/s |")
        print("|---|---:|---:|---:|---:|")
        for mode, n, threads, elapsed, rate in rows:
            print(f"| Python {mode} | {n} | {threads} | {elapsed:.1f} | {rate:.1f} |")
        for mode in args.modes:
            for n in args.n:
                rates = {t: r for m, nn, t, _, r in rows if m == mode and nn == n}
                if 1 in rates and 2 in rates:
                    print(f"speed-up 2 threads / 1 ({mode}, N={n}): {rates[2] / rates[1]:.2f}x")
        print()
    print(f"per call, three-skill curriculum, plan of {plan_bytes} bytes, {calls} calls each:")
    print("| call | us per call |")
    print("|---|---:|")
    print(f"| careerpath_plan through ctypes (bytes in, buffer freed) | {us_raw:.1f} |")
    print(f"| Curriculum.plan(bytes) | {us_bytes:.1f} |")
    print(f"| Curriculum.plan(dict) | {us_dict:.1f} |")
    print("(the direct C call is BM_PlanSmallC of careerpath_bench; overhead = these minus it)")


if __name__ == "__main__":
    main()
