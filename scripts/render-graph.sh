#!/usr/bin/env bash
# Regenerates docs/engineering-growth.svg, the README's picture of the example curriculum: its
# unit graph as Graphviz DOT (careerpath graph), laid out by Graphviz's dot. Run it after changing
# examples/data/engineering-growth.json or the DOT export, and commit the SVG.
# Usage: scripts/render-graph.sh [BUILD_DIR]   (default: build; the careerpath program is built there)
set -euo pipefail
cd "$(dirname "$0")/.."

build_dir=${1:-build}
if ! command -v dot >/dev/null 2>&1; then
  echo "render-graph.sh: Graphviz's dot is missing; as root: apt-get install -y graphviz" >&2
  echo "(or: scripts/install-deps.sh test)" >&2
  exit 2
fi
# Always (re)build the program, so that the picture is the current export's, not a stale binary's.
if [ ! -f "$build_dir/CMakeCache.txt" ]; then
  cmake -S . -B "$build_dir" -G Ninja -DCMAKE_BUILD_TYPE=RelWithDebInfo -DCAREERPATH_BUILD_TESTS=OFF >/dev/null
fi
cmake --build "$build_dir" --target careerpath_cli >/dev/null

mkdir -p docs
# Through a temporary file, so that a failure never leaves a truncated SVG behind.
tmp=$(mktemp docs/.engineering-growth.svg.XXXXXX)
trap 'rm -f "$tmp"' EXIT
"$build_dir/careerpath" graph examples/data/engineering-growth.json --format dot | dot -Tsvg >"$tmp"
chmod 644 "$tmp"
mv "$tmp" docs/engineering-growth.svg
trap - EXIT
echo "Wrote docs/engineering-growth.svg"
