"""The reports the HTML tests look at (README.md "Reports"): Alex's and Maria's plans, Alex's
scorecard and the example cohort, written as HTML by the command-line program into a work
directory. Shared by check_accessibility.py and chromium_check.py."""

import os
import subprocess
import sys

# name -> (command, request file of examples/data)
REPORTS = {
    "alex-plan": ("plan", "alex.request.json"),
    "maria-plan": ("plan", "maria.request.json"),
    "alex-scorecard": ("score", "alex.score.json"),
    "cohort": ("cohort", "cohort.json"),
}


def make_reports(cli, examples, work, names=None):
    """Writes WORK/<name>.html for each report and returns {name: path}."""
    os.makedirs(work, exist_ok=True)
    curriculum = os.path.join(examples, "engineering-growth.json")
    made = {}
    for name, (command, request) in REPORTS.items():
        if names and name not in names:
            continue
        path = os.path.join(work, name + ".html")
        with open(path, "wb") as out:
            run = subprocess.run([cli, command, curriculum, os.path.join(examples, request), "--format", "html"],
                                 stdout=out, stderr=subprocess.PIPE)
        if run.returncode != 0:
            sys.exit(f"{cli} {command} ... --format html failed ({run.returncode}): {run.stderr.decode()}")
        made[name] = path
    return made


def add_arguments(parser, pages_name):
    """The arguments both checkers take: pages of one's own, or the CLI, examples and a work
    directory to make the four reports in."""
    parser.add_argument(pages_name, nargs="*")
    parser.add_argument("--cli", help="the careerpath program, to make the four reports with")
    parser.add_argument("--examples", help="examples/data")
    parser.add_argument("--work", help="where to write the reports (and the self-test's pages)")
