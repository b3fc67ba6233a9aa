#!/usr/bin/env python3
"""Writes N plan requests as JSON Lines, for `careerpath batch`.

    python3 scripts/make-batch.py N [-o FILE] [--seed S] [--bad-every K]
    careerpath batch examples/data/engineering-growth.json FILE -o plans.jsonl

Python 3 standard library only, a fixed seed: the same N, seed and example requests give the
same file, byte for byte.

Each line is a variation of examples/data/alex.request.json (technical_leadership, with a
target date) or examples/data/maria.request.json (management_transition): its own learner id and
name, each current level moved one level down or up now and then (within the curriculum's
levels), hours per week from 2 to 12, and a start on a Monday from January 2026 to December 2027,
with the target date, time off and the mentor's busy time moved by as many days as the start.

About one line in K (--bad-every, 10,000 by default; 0 for none) is deliberately bad, each kind
in turn: malformed JSON (a cut line), an impossible start date, an unknown skill, an unknown
program, a negative number of hours, an empty line. The line numbers of the bad lines go to
stderr, so that the errors `careerpath batch` reports can be checked against them.
"""
import argparse
import copy
import datetime as dt
import json
import os
import random
import sys

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
DATA = os.path.join(ROOT, "examples", "data")
SEED = 20270104
LEVELS = ["none", "beginner", "intermediate", "advanced", "expert"]
FIRST_MONDAY = dt.date(2026, 1, 5)
MONDAYS = 104  # January 2026 to December 2027
BAD_KINDS = ["malformed", "bad_date", "unknown_skill", "unknown_program", "negative_hours", "empty"]


def load(name):
    with open(os.path.join(DATA, name), encoding="utf-8") as f:
        return json.load(f)


def shift_date(text, days):
    """A YYYY-MM-DD date (or the date of a date-time) moved by `days`."""
    day = dt.date.fromisoformat(text[:10]) + dt.timedelta(days=days)
    return day.isoformat() + text[10:]


def vary(base, index, rng):
    request = copy.deepcopy(base)
    learner = request["learner"]
    learner["id"] = "%s-%06d" % (base["learner"]["id"], index)
    learner["name"] = "%s %d" % (base["learner"]["name"], index)
    for skill, level in learner["current"].items():
        step = rng.choice((-1, 0, 0, 0, 1))
        learner["current"][skill] = LEVELS[min(max(LEVELS.index(level) + step, 0), len(LEVELS) - 1)]
    learner["hours_per_week"] = rng.randint(2, 12)
    start = FIRST_MONDAY + dt.timedelta(weeks=rng.randrange(MONDAYS))
    days = (start - dt.date.fromisoformat(base["start"])).days
    request["start"] = start.isoformat()
    if "target_date" in request:
        request["target_date"] = shift_date(request["target_date"], days)
    for period in learner.get("time_off", []):
        period["from"] = shift_date(period["from"], days)
        period["to"] = shift_date(period["to"], days)
    for busy in request.get("mentor", {}).get("busy", []):
        busy["start"] = shift_date(busy["start"], days)
    return request


def spoil(request, kind):
    """The line of a deliberately bad request."""
    if kind == "empty":
        return ""
    if kind == "malformed":
        text = json.dumps(request, separators=(",", ":"))
        return text[: len(text) // 2]
    if kind == "bad_date":
        request["start"] = "2027-02-30"
    elif kind == "unknown_skill":
        request["learner"]["current"]["juggling"] = "advanced"
    elif kind == "unknown_program":
        request["program"] = "underwater_basket_weaving"
    elif kind == "negative_hours":
        request["learner"]["hours_per_week"] = -3
    return json.dumps(request, separators=(",", ":"))


def main():
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("count", type=int, help="the number of lines")
    parser.add_argument("-o", "--output", help="the file to write (default: stdout)")
    parser.add_argument("--seed", type=int, default=SEED)
    parser.add_argument("--bad-every", type=int, default=10000, metavar="K",
                        help="about one bad line in K (0: none)")
    args = parser.parse_args()
    if args.count < 0:
        parser.error("the number of lines cannot be negative")

    rng = random.Random(args.seed)
    bases = [load("alex.request.json"), load("maria.request.json")]
    bad = set()
    if args.bad_every > 0:
        wanted = round(args.count / args.bad_every)
        bad = set(rng.sample(range(args.count), min(wanted, args.count)))

    out = open(args.output, "w", encoding="utf-8", newline="\n") if args.output else sys.stdout
    try:
        kind = 0
        for index in range(args.count):
            request = vary(bases[rng.randrange(2)], index + 1, rng)
            if index in bad:
                out.write(spoil(request, BAD_KINDS[kind % len(BAD_KINDS)]) + "\n")
                print("bad line %d: %s" % (index + 1, BAD_KINDS[kind % len(BAD_KINDS)]), file=sys.stderr)
                kind += 1
            else:
                out.write(json.dumps(request, separators=(",", ":")) + "\n")
    finally:
        if out is not sys.stdout:
            out.close()


if __name__ == "__main__":
    main()
