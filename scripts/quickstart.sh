#!/usr/bin/env bash
# The main job: builds careerpath and plans for the bundled example learner, Alex, printing the
# plan readably and writing it as JSON to build/out/. Installs the Debian packages it needs.
set -euo pipefail
cd "$(dirname "$0")/.."

scripts/install-deps.sh build
cmake --preset default -DCAREERPATH_BUILD_TESTS=OFF >/dev/null
cmake --build --preset default --target careerpath_cli

curriculum=examples/data/engineering-growth.json
mkdir -p build/out
build/careerpath validate "$curriculum"
echo
# The main job: Alex's plan (the seed's senior engineer on the way to staff engineer).
build/careerpath plan "$curriculum" examples/data/alex.request.json -o build/out/alex.plan.json
echo
echo "Wrote build/out/alex.plan.json"
