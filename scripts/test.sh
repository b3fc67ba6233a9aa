#!/usr/bin/env bash
# Builds everything and runs every test under CTest: doctest (C++), the C ABI tests, pytest (the
# Python binding, with Debian's /usr/bin/python3), the command line, the fuzz corpus replay, the
# install consumer and the examples. Installs the Debian packages it needs.
#   scripts/test.sh             the default build (build/)
#   scripts/test.sh --sanitize  the same suite under AddressSanitizer + UBSan (build-asan/)
#   scripts/test.sh --tsan      the batch tests (unit.batch, c.abi) under ThreadSanitizer
#                               (build-tsan/): only their targets are built
#   scripts/test.sh --clang     the default suite built with clang instead of g++ (build-clang/)
set -euo pipefail
cd "$(dirname "$0")/.."

preset=default
case "${1:-}" in
  "") ;;
  --sanitize) preset=asan ;;
  --tsan) preset=tsan ;;
  --clang) preset=clang ;;
  *) echo "usage: scripts/test.sh [--sanitize | --tsan | --clang]" >&2; exit 2 ;;
esac

scripts/install-deps.sh test
cmake --preset "$preset" -DCAREERPATH_BUILD_TESTS=ON >/dev/null
if [ "$preset" = tsan ]; then
  # The tests that run the batch on worker threads: the C++ unit test and the C ABI test.
  tsan_tests='unit.batch|c.abi'
  cmake --build --preset "$preset" --target unit_batch c_abi
  ctest --preset "$preset" -R "$tsan_tests"
  exit
fi
cmake --build --preset "$preset"
ctest --preset "$preset"
