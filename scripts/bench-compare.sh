#!/usr/bin/env bash
# Runs issue 14's benchmark cases on two builds back to back and prints one table: each case's
# time in the old and the new build and old/new, then the issue's target ratios computed within
# each build (docs/benchmarks.md, "Before and after").
#
#   scripts/bench-compare.sh [options] OLD_BUILD_DIR NEW_BUILD_DIR [-- benchmark args]
#
# Each build directory is a Release build with the benchmarks (`cmake --preset bench`, or
# scripts/bench.sh's build-bench/): its benchmarks/careerpath_bench is run, and with --batch its
# benchmarks/careerpath_bench_batch. Give both builds the same benchmark sources (build today's
# benchmarks/ against the old tree), or the old binary may lack a case (shown as "-").
#
# Options:
#   --min-time S   --benchmark_min_time for every case but the batch (default 0.5)
#   --rounds K     run old, new, old, new, ... K times each and report the median (default 1)
#   --batch        also BM_BatchC/N:<N>/threads:1 and 2 from careerpath_bench_batch: plans per
#                  second, new over old, and the speed-up of 2 threads over 1 (minutes per run)
#   --batch-n N    the batch's N (default 10000; the binary has 1000, 10000 and 100000)
#   --json FILE    also write the raw figures (both builds, every round) to FILE
# Arguments after `--` go to every benchmark run (e.g. --benchmark_repetitions=3, whose
# repetitions are pooled with the rounds' into the median).
set -euo pipefail

usage() { sed -n '2,21p' "$0" | sed 's/^# \{0,1\}//' >&2; exit 2; }

min_time=0.5
rounds=1
batch=0
batch_n=10000
json_out=
positional=()
extra=()
while [ $# -gt 0 ]; do
  case $1 in
    --min-time) min_time=${2:?}; shift 2 ;;
    --rounds) rounds=${2:?}; shift 2 ;;
    --batch) batch=1; shift ;;
    --batch-n) batch_n=${2:?}; shift 2 ;;
    --json) json_out=${2:?}; shift 2 ;;
    -h|--help) usage ;;
    --) shift; extra=("$@"); break ;;
    -*) echo "bench-compare.sh: unknown option $1" >&2; usage ;;
    *) positional+=("$1"); shift ;;
  esac
done
[ ${#positional[@]} -eq 2 ] || usage
case $rounds in ''|*[!0-9]*|0) echo "bench-compare.sh: --rounds needs a positive whole number" >&2; exit 2 ;; esac

old_dir=${positional[0]}
new_dir=${positional[1]}
for dir in "$old_dir" "$new_dir"; do
  for bin in careerpath_bench $([ $batch = 1 ] && echo careerpath_bench_batch); do
    if [ ! -x "$dir/benchmarks/$bin" ]; then
      echo "bench-compare.sh: no $dir/benchmarks/$bin" \
        "(configure with -DCAREERPATH_BUILD_BENCHMARKS=ON, Release, and build it)" >&2
      exit 2
    fi
  done
done

# The issue's cases, anchored so that BM_Plan/1000 does not also pick BM_Plan/10000.
cases='^(BM_Load/10000|BM_SaxFloor/10000|BM_Plan/1000|BM_PlanJson/1000|BM_Match/1000/100|BM_MatchJson/1000/100)$'
batch_cases="^BM_BatchC/N:$batch_n/threads:[12]/"

work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT

# run LABEL BUILD_DIR BINARY FILTER ROUND [args]: google benchmark's JSON to $work, its console
# output to stderr for progress.
run() {
  local label=$1 dir=$2 bin=$3 filter=$4 round=$5
  shift 5
  echo "== $label round $round: $dir/benchmarks/$bin" >&2
  "$dir/benchmarks/$bin" --benchmark_filter="$filter" \
    --benchmark_out="$work/$label.$bin.$round.json" --benchmark_out_format=json "$@" ${extra[@]+"${extra[@]}"} >&2
}

for round in $(seq 1 "$rounds"); do
  run old "$old_dir" careerpath_bench "$cases" "$round" --benchmark_min_time="$min_time"
  run new "$new_dir" careerpath_bench "$cases" "$round" --benchmark_min_time="$min_time"
  if [ $batch = 1 ]; then
    run old "$old_dir" careerpath_bench_batch "$batch_cases" "$round"
    run new "$new_dir" careerpath_bench_batch "$batch_cases" "$round"
  fi
done

/usr/bin/python3 - "$work" "$old_dir" "$new_dir" "$batch_n" "$json_out" <<'PYTHON'
import json
import pathlib
import statistics
import sys

work, old_dir, new_dir, batch_n, json_out = sys.argv[1:6]
CASES = ["BM_Load/10000", "BM_SaxFloor/10000", "BM_Plan/1000", "BM_PlanJson/1000",
         "BM_Match/1000/100", "BM_MatchJson/1000/100"]
BATCH = [f"BM_BatchC/N:{batch_n}/threads:1", f"BM_BatchC/N:{batch_n}/threads:2"]
SCALE = {"ns": 1e-9, "us": 1e-6, "ms": 1e-3, "s": 1.0}


def base_name(name):
    """BM_BatchC/N:10000/threads:1/iterations:1/real_time -> BM_BatchC/N:10000/threads:1."""
    return "/".join(p for p in name.split("/") if not p.startswith(("iterations:", "real_time", "min_time:")))


def collect(label):
    """Per case: the seconds of each run (CPU time; wall clock for the batch, which uses real
    time), items_per_second, and the last run's counters; errors are kept as such."""
    runs = {}
    for path in sorted(pathlib.Path(work).glob(f"{label}.*.json")):
        for b in json.loads(path.read_text()).get("benchmarks", []):
            if b.get("run_type", "iteration") != "iteration":
                continue
            name = base_name(b.get("run_name", b["name"]))
            entry = runs.setdefault(name, {"seconds": [], "items_per_second": [], "counters": {}, "error": None})
            if b.get("error_occurred"):
                entry["error"] = b.get("error_message", "error")
                continue
            wall = name.startswith("BM_BatchC")
            entry["seconds"].append(b["real_time" if wall else "cpu_time"] * SCALE[b.get("time_unit", "ns")])
            if "items_per_second" in b:
                entry["items_per_second"].append(b["items_per_second"])
            entry["counters"] = b
    return runs


def median(values):
    return statistics.median(values) if values else None


def seconds(runs, name):
    entry = runs.get(name)
    return median(entry["seconds"]) if entry else None


def fmt_time(s):
    if s is None:
        return "-"
    for unit, scale in (("s", 1.0), ("ms", 1e-3), ("µs", 1e-6)):
        if s >= scale:
            return f"{s / scale:.3g} {unit}"
    return f"{s / 1e-9:.3g} ns"


def fmt_ratio(r):
    return "-" if r is None else f"{r:.2f}x"


def ratio(a, b):
    return a / b if a is not None and b else None


def fmt_mib(b):
    return "-" if b is None else f"{b / 1048576:.1f} MiB"


old, new = collect("old"), collect("new")
print(f"old: {old_dir}\nnew: {new_dir}\n")
print("| case | old | new | old/new |")
print("| --- | --- | --- | --- |")
for name in CASES:
    cells = []
    for runs in (old, new):
        entry = runs.get(name)
        cells.append("error: " + entry["error"] if entry and entry["error"] else fmt_time(seconds(runs, name)))
    print(f"| `{name}` | {cells[0]} | {cells[1]} | {fmt_ratio(ratio(seconds(old, name), seconds(new, name)))} |")

print("\nTargets, each a ratio within one build (CPU times; issue 14):\n")
print("| ratio | target | old | new |")
print("| --- | --- | --- | --- |")
for label, num, den in (("PlanJson/Plan (1000)", "BM_PlanJson/1000", "BM_Plan/1000"),
                        ("Load/SaxFloor (10000)", "BM_Load/10000", "BM_SaxFloor/10000"),
                        ("MatchJson/Match (1000/100)", "BM_MatchJson/1000/100", "BM_Match/1000/100")):
    print(f"| {label} | <= 1.5x | {fmt_ratio(ratio(seconds(old, num), seconds(old, den)))} | "
          f"{fmt_ratio(ratio(seconds(new, num), seconds(new, den)))} |")


def heap(runs):
    c = runs.get("BM_Load/10000", {}).get("counters", {})
    return c.get("peak_heap"), c.get("retained_heap")


(op, orr), (np_, nr) = heap(old), heap(new)
print(f"| Load peak_heap/retained_heap (10000) | <= 2x | {fmt_ratio(ratio(op, orr))} "
      f"({fmt_mib(op)} / {fmt_mib(orr)}) | {fmt_ratio(ratio(np_, nr))} ({fmt_mib(np_)} / {fmt_mib(nr)}) |")

if any(name in runs for runs in (old, new) for name in BATCH):
    print("\nBatch (careerpath_bench_batch, wall clock, plans per second):\n")
    print("| case | old | new | new/old plans/s |")
    print("| --- | --- | --- | --- |")
    rate = {}
    for name in BATCH:
        for label, runs in (("old", old), ("new", new)):
            entry = runs.get(name)
            rate[label, name] = median(entry["items_per_second"]) if entry else None
        cells = ["-" if rate[l, name] is None else f"{fmt_time(seconds(r, name))}, {rate[l, name]:.1f}/s"
                 for l, r in (("old", old), ("new", new))]
        target = " (target >= 4x)" if name.endswith("threads:2") else ""
        speed_up = fmt_ratio(ratio(rate["new", name], rate["old", name]))
        print(f"| `{name}` | {cells[0]} | {cells[1]} | {speed_up}{target} |")
    print(f"| 2 threads / 1 (target >= 1.9x) | {fmt_ratio(ratio(rate['old', BATCH[1]], rate['old', BATCH[0]]))} | "
          f"{fmt_ratio(ratio(rate['new', BATCH[1]], rate['new', BATCH[0]]))} | |")

if json_out:
    pathlib.Path(json_out).write_text(json.dumps({"old": old, "new": new, "old_dir": old_dir, "new_dir": new_dir},
                                                 indent=1, sort_keys=True))
PYTHON
