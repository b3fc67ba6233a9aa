#!/usr/bin/env bash
# Builds the benchmarks in Release and runs them; any arguments go to the benchmark binary, e.g.
#   scripts/bench.sh --benchmark_filter='BM_Load/10000' --benchmark_repetitions=5
#   scripts/bench.sh --benchmark_format=json --benchmark_out=bench.json
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
cmake --build "$build_dir" --target careerpath_bench
exec "$build_dir/benchmarks/careerpath_bench" "$@"
