#!/usr/bin/env bash
# Regenerates the screenshots of the HTML reports in docs/img/ (README.md "Reports"): Alex's and
# Maria's plans, Alex's scorecard and the example cohort from examples/data, and a plan on the
# Exercism Elixir track (a real curriculum that is not part of the repository: give its
# curriculum.json as ELIXIR, default ../shared/realdata/exercism_elixir/curriculum.json beside
# the source tree; skipped with a note when it is absent) for a junior who starts from nothing
# at 6 hours a week. Each page is rendered in headless Chromium by tests/html/chromium_check.py,
# which fails on a console error or a failed resource, and the top of the page is kept as a PNG.
#
# Usage: scripts/render-reports.sh [BUILD_DIR]       (default: build; needs careerpath_cli built)
set -euo pipefail

source_dir=$(cd "$(dirname "$0")/.." && pwd)
build_dir=$(cd "${1:-$source_dir/build}" && pwd)
cli=$build_dir/careerpath
[ -x "$cli" ] || { echo "render-reports: no $cli: build careerpath_cli first" >&2; exit 1; }
work=$build_dir/reports
mkdir -p "$work" "$source_dir/docs/img"
examples=$source_dir/examples/data

pages=()
for pair in alex-plan:plan:alex.request.json maria-plan:plan:maria.request.json \
            alex-scorecard:score:alex.score.json cohort:cohort:cohort.json; do
  IFS=: read -r name command request <<<"$pair"
  "$cli" "$command" "$examples/engineering-growth.json" "$examples/$request" --format html > "$work/$name.html"
  pages+=("$work/$name.html")
done

elixir=${ELIXIR:-$source_dir/../shared/realdata/exercism_elixir/curriculum.json}
if [ -f "$elixir" ]; then
  cat > "$work/elixir-junior.request.json" <<'JSON'
{
  "learner": {"id": "sam", "name": "Sam", "time_zone": "Europe/Lisbon", "current": {},
              "hours_per_week": 6, "workdays": ["mon", "tue", "wed", "thu", "fri"],
              "session_slots": [{"weekday": "wed", "time": "17:00"}]},
  "program": "elixir_learning_track",
  "start": "2027-01-04",
  "mentor": {"id": "ines", "name": "Inês", "time_zone": "Europe/Lisbon",
             "available": [{"weekday": "wed", "from": "09:00", "to": "19:00"}]}
}
JSON
  "$cli" plan "$elixir" "$work/elixir-junior.request.json" --format html > "$work/elixir-plan.html"
  # Taller: its warnings come before the chart, which should show too.
  python3 "$source_dir/tests/html/chromium_check.py" --screenshots "$source_dir/docs/img" --height 2300 \
    "$work/elixir-plan.html"
else
  echo "render-reports: no Elixir curriculum at $elixir: docs/img/elixir-plan.png left as it is" >&2
fi

python3 "$source_dir/tests/html/chromium_check.py" --screenshots "$source_dir/docs/img" --height 1500 "${pages[@]}"
