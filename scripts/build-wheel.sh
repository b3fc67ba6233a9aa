#!/usr/bin/env bash
# Builds the careerpath Python wheel offline, with Debian's packaging tools (python3-build,
# python3-setuptools, python3-wheel; no build isolation, nothing downloaded). The wheel carries
# libcareerpath.so inside the package, where the binding looks first after CAREERPATH_LIBRARY,
# stripped of its debug info (README, "Installing with pip").
#   scripts/build-wheel.sh                  a Release build of the shared library (build-release/),
#                                           then the wheel in dist/
#   scripts/build-wheel.sh --library FILE   the wheel of an existing build's libcareerpath.so
#   scripts/build-wheel.sh --out DIR        the wheel (and the library's debug info, if it had
#                                           any, as DIR/libcareerpath.so.N.debug) in DIR
# Prints the wheel's path last.
set -euo pipefail
cd "$(dirname "$0")/.."

usage() { echo "usage: scripts/build-wheel.sh [--library FILE] [--out DIR]" >&2; exit 2; }
library=
out=dist
while [ $# -gt 0 ]; do
  case "$1" in
    --library) [ $# -ge 2 ] || usage; library=$2; shift 2 ;;
    --out) [ $# -ge 2 ] || usage; out=$2; shift 2 ;;
    *) usage ;;
  esac
done
# Debian's interpreter: python3-build and setuptools belong to it, not to a python3 earlier on PATH.
python=${CAREERPATH_PYTHON:-/usr/bin/python3}

if [ -z "$library" ]; then
  scripts/install-deps.sh wheel
  cmake --preset release >/dev/null
  cmake --build --preset release --target careerpath_c
  library=build-release/libcareerpath.so
fi
real=$(readlink -f "$library")
[ -f "$real" ] || { echo "build-wheel.sh: no library at $library" >&2; exit 1; }
# The library goes into the package under its soname, the name a program linked to it asks for.
soname=$(readelf -d "$real" | sed -n 's/.*(SONAME).*\[\(.*\)\]$/\1/p')
case "$soname" in
  libcareerpath.so.*) ;;
  *) echo "build-wheel.sh: $library is not libcareerpath (soname '$soname')" >&2; exit 1 ;;
esac

stage=$(mktemp -d)
trap 'rm -rf "$stage"' EXIT
cp bindings/python/pyproject.toml bindings/python/setup.py "$stage/"
cp -r bindings/python/careerpath "$stage/"
find "$stage" -name __pycache__ -prune -exec rm -rf {} +
rm -f "$stage"/careerpath/libcareerpath.so*
mkdir -p "$out"
out=$(cd "$out" && pwd)

# Deployable: no debug info in the wheel. A build that has it (RelWithDebInfo) keeps it apart,
# beside the wheel, linked by name so that gdb finds it when it is put beside the library.
if readelf -S "$real" | grep -q '\.debug_info'; then
  objcopy --only-keep-debug "$real" "$out/$soname.debug"
  objcopy --strip-debug --strip-unneeded --add-gnu-debuglink="$out/$soname.debug" "$real" "$stage/careerpath/$soname"
else
  objcopy --strip-unneeded "$real" "$stage/careerpath/$soname"
fi

if ! "$python" -m build --no-isolation --wheel --outdir "$out" "$stage" >"$stage/build.log" 2>&1; then
  cat "$stage/build.log" >&2
  exit 1
fi
wheel=$(sed -n 's/^Successfully built \(.*\.whl\)$/\1/p' "$stage/build.log")
[ -n "$wheel" ] || { cat "$stage/build.log" >&2; exit 1; }
echo "$out/$wheel"
