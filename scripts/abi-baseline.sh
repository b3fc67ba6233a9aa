#!/usr/bin/env bash
# Regenerates tests/abi/baseline-x86_64.xml, the ABI of the shipped release that the abi.baseline
# test holds every build to (README.md, "Guarantees"). Run it deliberately, when a release that
# adds functions ships (or, after a SONAME bump, when a new major release ships), review what it
# prints and commit the file with that release: the test passes added functions against the old
# baseline, but only the regenerated one protects them.
#
# The baseline is read from the library of the default preset (build/, RelWithDebInfo: it has the
# DWARF abidw reads), restricted to what capi/careerpath.h declares: the exported functions and
# the types reachable from them, without source locations, so an edit elsewhere does not change it.
# Usage: scripts/abi-baseline.sh
set -euo pipefail
cd "$(dirname "$0")/.."

baseline=tests/abi/baseline-x86_64.xml
for tool in abidw abidiff; do
  command -v "$tool" >/dev/null || { echo "$tool not found: install abigail-tools (scripts/install-deps.sh test)" >&2; exit 1; }
done
if [ "$(uname -m)" != x86_64 ]; then
  echo "the committed baseline is the x86_64 ABI; this machine is $(uname -m)" >&2
  exit 1
fi

cmake --preset default >/dev/null
cmake --build build --target careerpath_c
library=$(readlink -f build/libcareerpath.so)

fresh=$(mktemp)
trap 'rm -f "$fresh"' EXIT
abidw --headers-dir capi --drop-private-types --exported-interfaces-only \
      --no-corpus-path --no-comp-dir-path --no-show-locs --short-locs --no-elf-needed \
      --out-file "$fresh" "$library"
if ! grep -q "<function-decl name='careerpath_" "$fresh"; then
  echo "abidw found no careerpath_ function in the debug information of $library" >&2
  exit 1
fi

if [ -f "$baseline" ]; then
  # What the new baseline accepts, against the one it replaces (exit status: 0 no change,
  # 4 a change, 12 an incompatible one; see tests/abi/check.cmake).
  status=0
  abidiff "$baseline" "$fresh" || status=$?
  echo "abidiff of the committed baseline against the new one: exit status $status" >&2
fi
cat "$fresh" >"$baseline"
echo "wrote $baseline; review it with git diff and commit it with the release" >&2
