#!/usr/bin/env bash
# The main job: builds careerpath and plans for the bundled example learner, Alex, printing the
# plan readably and writing it to build/out/ as JSON, as an iCalendar file of his sessions and
# milestones (import it into any calendar) and as a Mermaid Gantt chart. Installs the Debian
# packages it needs.
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
request=examples/data/alex.request.json
build/careerpath plan "$curriculum" "$request" -o build/out/alex.plan.json
build/careerpath plan "$curriculum" "$request" --format ical >build/out/alex.ics
build/careerpath plan "$curriculum" "$request" --format mermaid >build/out/alex.gantt.mmd
echo
echo "Wrote build/out/alex.plan.json (the plan), build/out/alex.ics (sessions and milestones,"
echo "iCalendar) and build/out/alex.gantt.mmd (Mermaid Gantt chart)"
