#!/usr/bin/env bash
# Builds the benchmarks in Release and runs them; any arguments go to the benchmark binary, e.g.
#   scripts/bench.sh --benchmark_filter='BM_Load/10000' --benchmark_repetitions=5
#   scripts/bench.sh --benchmark_format=json --benchmark_out=bench.json
#   scripts/bench.sh --benchmark_filter='BM_BatchC'   batch planning through C, with peak_heap
#   scripts/bench.sh batch [benchmark args]   the same without the heap counting, whose atomics
#                   slow two threads down (careerpath_bench_batch): the throughput figures
#   scripts/bench.sh python [--n 10000 100000]   the same batch through Python
#                   (benchmarks/python_batch.py with /usr/bin/python3 and the built library)
#   scripts/bench.sh dask [--n 100000]   the same batch through careerpath.dask on a LocalCluster
#                   of 1 and 2 workers, against plan_batch on 1 and 2 threads
#                   (benchmarks/dask_batch.py; needs python3-distributed)
# Environment: BUILD_DIR (default: <source>/build-bench).
# Needs libbenchmark-dev (scripts/install-deps.sh test).
set -euo pipefail

source_dir=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
build_dir=${BUILD_DIR:-$source_dir/build-bench}

if [ "$(dpkg-query -W -f='${Status}' libbenchmark-dev 2>/dev/null || true)" != "install ok installed" ]; then
  echo "bench.sh: Google Benchmark is not installed" >&2
  echo "Install it as root: apt-get update && apt-get install -y libbenchmark-dev" >&2
  exit 2
fi

cmake -S "$source_dir" -B "$build_dir" -G Ninja \
  -DCMAKE_BUILD_TYPE=Release \
  -DCAREERPATH_BUILD_BENCHMARKS=ON \
  -DCAREERPATH_BUILD_TESTS=OFF \
  -DCAREERPATH_BUILD_EXAMPLES=OFF \
  -DCAREERPATH_INSTALL=OFF >/dev/null
cmake --build "$build_dir" --target careerpath_bench careerpath_bench_batch careerpath_c
if [ "${1:-}" = batch ]; then
  shift
  exec "$build_dir/benchmarks/careerpath_bench_batch" "$@"
fi
if [ "${1:-}" = python ] || [ "${1:-}" = dask ]; then
  script=$source_dir/benchmarks/${1}_batch.py
  shift
  # The C++ benchmark writes the curriculum and the base request the Python side varies.
  CAREERPATH_BATCH_WRITE="$build_dir" "$build_dir/benchmarks/careerpath_bench" \
    --benchmark_filter='BM_BatchC/N:1000/threads:1/' >/dev/null
  CAREERPATH_LIBRARY=$(ls "$build_dir"/libcareerpath.so.0) \
    exec /usr/bin/python3 "$script" --data "$build_dir" "$@"
fi
exec "$build_dir/benchmarks/careerpath_bench" "$@"
