#!/usr/bin/env bash
# The main job: builds careerpath and runs it on the bundled example curriculum, printing it
# readably and writing it as JSON to build/out/. Installs the Debian packages it needs.
set -euo pipefail
cd "$(dirname "$0")/.."

scripts/install-deps.sh build
cmake --preset default -DCAREERPATH_BUILD_TESTS=OFF >/dev/null
cmake --build --preset default --target careerpath_cli

curriculum=examples/data/engineering-growth.json
mkdir -p build/out
build/careerpath validate "$curriculum"
echo
build/careerpath describe "$curriculum"
build/careerpath describe --format json "$curriculum" > build/out/engineering-growth.json
echo
echo "Wrote build/out/engineering-growth.json"
