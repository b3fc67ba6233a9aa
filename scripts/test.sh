#!/usr/bin/env bash
# Builds everything and runs every test under CTest: doctest (C++), the C ABI tests, pytest (the
# Python binding, with Debian's /usr/bin/python3), the command line, the fuzz corpus replay, the
# install consumer and the examples. Installs the Debian packages it needs.
#   scripts/test.sh             the default build (build/)
#   scripts/test.sh --sanitize  the same suite under AddressSanitizer + UBSan (build-asan/)
set -euo pipefail
cd "$(dirname "$0")/.."

preset=default
case "${1:-}" in
  "") ;;
  --sanitize) preset=asan ;;
  *) echo "usage: scripts/test.sh [--sanitize]" >&2; exit 2 ;;
esac

scripts/install-deps.sh test
cmake --preset "$preset" -DCAREERPATH_BUILD_TESTS=ON >/dev/null
cmake --build --preset "$preset"
ctest --preset "$preset"
