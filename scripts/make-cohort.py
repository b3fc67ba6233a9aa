#!/usr/bin/env python3
"""Writes examples/data/cohort.json: a synthetic cohort for `careerpath cohort`.

    python3 scripts/make-cohort.py [-o examples/data/cohort.json]

Python 3 standard library only, a fixed seed: the same curriculum and the same two stories give
the same file, byte for byte.

The cohort is {"min_group_size": 5, "economics": {...}, "people": [score request, ...]}
(docs/scoring.md; the economics as README "Money" reads them). It holds
Alex and Maria (examples/data/alex.score.json and maria.score.json, as they are) and 56
synthetic people in 5 teams of 2 organizations; one team, northwind/mobile, has 4 people, under
the minimum group size, so that its row shows suppression. Each synthetic person:

* follows technical_leadership (target staff_engineer) or management_transition (target
  engineering_manager), starting on the first Monday of a month from January 2026 to September 2027;
* has a baseline level per required skill of the target role (through `extends`) below or at
  its target, a growth speed and a reach: their true level moves from the baseline towards the
  target (plus a little) and gets there after program months / speed, except that one in five
  stalls at half or 80% of the way;
* is assessed at the start, at months 6 and 12 and, where the last of those is more than 45 days
  before `as_of`, once more just before it, on the skills the baseline leaves short of the
  target: self, manager and mentor, two to four peers (two pool into "others") and, for some people on management_transition, three or four direct reports on the
  people-management skills; each rating is the true level plus noise, self with a personal bias
  (some blind spots and hidden strengths); `learner.current` holds the baseline for the skills not
  rated;
* is promoted (promoted_on) a little after their true readiness reaches the target, if that is
  on or before `as_of` (most within 12 months of the start, slow growers later, some never);
* is retained, not retained (leaving before the snapshot, which ends their assessments and is
  their `as_of`), or not reported;
* often has a plan: a path of skill@level units from the baseline to the target in an order
  that respects the curriculum's prerequisites, with the curriculum's hours and finish dates at
  the person's weekly hours from the start;
* often has survey answers for `satisfaction` and `feedback_360` on their 1-5 scales.

The snapshot (`as_of`) is 2027-11-30 for fastgrow and 2027-12-15 for northwind.
"""
import argparse
import calendar
import datetime as dt
import heapq
import json
import os
import random

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
DATA = os.path.join(ROOT, "examples", "data")
SEED = 20270104

# (organization, team, synthetic people); Alex joins frontend-platform, Maria backend-services.
TEAMS = [
    ("fastgrow", "frontend-platform", 12),
    ("fastgrow", "backend-services", 12),
    ("fastgrow", "payments", 12),
    ("northwind", "data-platform", 16),
    ("northwind", "mobile", 4),
]
# The money side of the report (README "Money"): what replacing an engineer who leaves costs, and
# the retention expected without the program, in the currency of the curriculum's prices.
ECONOMICS = {"currency": "USD", "replacement_cost": 60000, "baseline_retention": 0.85}
SNAPSHOT = {"fastgrow": dt.date(2027, 11, 30), "northwind": dt.date(2027, 12, 15)}
MENTORS = ["mike", "sara", "tomas"]
PEOPLE_SKILLS = {
    "management_fundamentals", "team_dynamics", "one_on_one_skills", "performance_feedback",
    "team_building", "difficult_conversations", "delegation_skills", "conflict_resolution",
    "culture_development",
}


def add_months(day, months):
    y, m = divmod(day.month - 1 + months, 12)
    y += day.year
    m += 1
    return dt.date(y, m, min(day.day, calendar.monthrange(y, m)[1]))


def first_monday(year, month):
    day = dt.date(year, month, 1)
    return day + dt.timedelta(days=(7 - day.weekday()) % 7)


def role_requirements(curriculum, role_id):
    """The role's effective requirements {skill: (level index, weight)} through `extends`."""
    roles = {r["id"]: r for r in curriculum["roles"]}
    levels = curriculum["levels"]
    chain = []
    while role_id:
        chain.append(roles[role_id])
        role_id = roles[role_id].get("extends")
    out = {}
    for role in reversed(chain):
        for skill, level in role.get("requires", {}).items():
            out[skill] = [levels.index(level), out.get(skill, [0, 1])[1]]
        for skill, weight in role.get("weights", {}).items():
            out[skill][1] = weight
    return {s: tuple(v) for s, v in out.items()}


def unit_hours(skill, level_name):
    return skill.get("hours_by_level", {}).get(level_name, skill["hours"])


def ordered_units(curriculum, units):
    """Units (skill, level) in an order where every prerequisite in the set comes first."""
    levels = curriculum["levels"]
    order = {s["id"]: i for i, s in enumerate(curriculum["skills"])}
    before = {u: set() for u in units}
    for skill, level in units:
        if (skill, level - 1) in before:
            before[(skill, level)].add((skill, level - 1))
    for p in curriculum.get("prerequisites", []):
        unit = (p["skill"], levels.index(p.get("level", levels[1])))
        need = (p["requires"], levels.index(p.get("requires_level", levels[1])))
        # skill@L needs requires@RL; so does every higher level of the skill (through the chain).
        for skill, level in units:
            if skill == unit[0] and level >= unit[1]:
                for l in range(1, need[1] + 1):
                    if (need[0], l) in before and (need[0], l) != (skill, level):
                        before[(skill, level)].add((need[0], l))
    waiting = {u: len(b) for u, b in before.items()}
    after = {u: [] for u in units}
    for u, b in before.items():
        for v in b:
            after[v].append(u)
    ready = [(u[1], order[u[0]], u) for u, n in waiting.items() if n == 0]
    heapq.heapify(ready)
    out = []
    while ready:
        _, _, u = heapq.heappop(ready)
        out.append(u)
        for v in after[u]:
            waiting[v] -= 1
            if waiting[v] == 0:
                heapq.heappush(ready, (v[1], order[v[0]], v))
    assert len(out) == len(units), "prerequisite cycle"
    return out


def make_plan(curriculum, baseline, requirements, start, hours_per_week):
    levels = curriculum["levels"]
    skills = {s["id"]: s for s in curriculum["skills"]}
    units = [(s, l) for s, (target, _) in requirements.items() for l in range(baseline[s] + 1, target + 1)]
    path, done = [], 0.0
    for skill, level in ordered_units(curriculum, units):
        hours = float(unit_hours(skills[skill], levels[level]))
        begin = start + dt.timedelta(days=int(done / hours_per_week * 7))
        done += hours
        finish = start + dt.timedelta(days=max(0, int(done / hours_per_week * 7) - 1))
        path.append({"unit": f"{skill}@{levels[level]}", "hours": hours,
                     "start": begin.isoformat(), "finish": finish.isoformat()})
    return {"path": path}


def make_person(rng, curriculum, programs, org, team, number):
    levels = curriculum["levels"]
    top = len(levels) - 1
    program = "management_transition" if rng.random() < 0.25 else "technical_leadership"
    months = programs[program]["months"]
    requirements = role_requirements(curriculum, programs[program]["target_role"])
    k = rng.randrange(21)  # January 2026 .. September 2027
    start = first_monday(2026 + k // 12, k % 12 + 1)
    snapshot = SNAPSHOT[org]

    # Baseline levels: technical skills close to the target, management ones further for ICs.
    baseline = {}
    for skill, (target, _) in requirements.items():
        far = program == "management_transition" and skill not in role_requirements(curriculum, "senior_engineer")
        if far:
            gap = rng.choice([1, 1, 2, 2, 2, 3])
        elif program == "management_transition":
            gap = rng.choice([0, 0, 0, 0, 1])
        else:
            gap = rng.choice([0, 0, 0, 1, 1, 2])
        baseline[skill] = max(0, target - gap)
    speed = rng.choice([0.4, 0.5, 0.7, 0.9, 1.0, 1.1, 1.2, 1.5])
    reach = rng.choice([0.5, 0.8, 1, 1, 1, 1, 1, 1, 1, 1])
    ready_months = months / speed
    bias = rng.choice([-1, 0, 0, 0, 0, 1, 1])

    retained = rng.random()
    as_of = snapshot
    outcome = {}
    if retained < 0.08:
        as_of = min(snapshot, start + dt.timedelta(days=rng.randrange(100, 400)))
        outcome["retained"] = False
    elif retained < 0.18:
        pass  # not reported
    else:
        outcome["retained"] = True
    if as_of < start + dt.timedelta(days=30):
        as_of = start + dt.timedelta(days=30)

    def true_level(skill, month):
        target = requirements[skill][0]
        share = min(reach, month / ready_months)
        return baseline[skill] + (min(top, target + 0.3) - baseline[skill]) * share

    rated = [s for s in requirements if baseline[s] < requirements[s][0]]
    pid = f"{team}-{number:02d}"
    mentor = rng.choice(MENTORS)
    peers = [f"p{i}" for i in range(1, 5)]  # rater ids need only be told apart within one assessment
    reports = [f"r{i}" for i in range(1, 5)] if program == "management_transition" and rng.random() < 0.6 else []

    def rate(value, sd):
        return max(0, min(top, round(value + rng.gauss(0, sd))))  # a level index

    assessments = []
    days = [(m, add_months(start, m)) for m in range(0, 13, 6) if add_months(start, m) <= as_of]
    if (as_of - days[-1][1]).days > 45:  # and a last one just before as_of
        last = as_of - dt.timedelta(days=rng.randrange(1, 15))
        days.append(((last - start).days / 30.44, last))
    for month, day in days:
        ratings = []
        for skill in rated:
            level = true_level(skill, month)
            ratings.append({"skill": skill, "rater": "self", "rater_id": pid, "level": rate(level + bias, 0.4)})
            ratings.append({"skill": skill, "rater": "manager", "rater_id": "m", "level": rate(level, 0.4)})
            ratings.append({"skill": skill, "rater": "mentor", "rater_id": mentor, "level": rate(level, 0.3)})
            for peer in peers[: rng.choice([2, 3, 3, 3, 4])]:
                ratings.append({"skill": skill, "rater": "peer", "rater_id": peer, "level": rate(level, 0.6)})
            if skill in PEOPLE_SKILLS:
                for report in reports[: rng.choice([3, 4])]:
                    ratings.append({"skill": skill, "rater": "direct_report", "rater_id": report, "level": rate(level, 0.6)})
        assessments.append({"id": "baseline" if month == 0 else f"month-{round(month)}", "date": day.isoformat(), "ratings": ratings})

    # Promotion a little after the true readiness, if by as_of; a few never.
    promoted_on = start + dt.timedelta(days=int(ready_months * 30.4) + rng.randrange(0, 60))
    if reach == 1 and rng.random() < 0.85 and promoted_on <= as_of:
        outcome["promoted_on"] = promoted_on.isoformat()

    survey = {}
    if rng.random() < 0.7:
        survey["satisfaction"] = [rng.choice([3, 4, 4, 5, 5]) for _ in range(rng.randrange(3, 7))]
    if rng.random() < 0.5:
        survey["feedback_360"] = [rng.choice([3, 4, 4, 5]) for _ in range(rng.randrange(4, 8))]
    if survey:
        outcome["survey"] = survey

    person = {
        "learner": {"id": pid, "name": f"Engineer {team} {number:02d}", "team": team, "organization": org,
                    "current": {s: levels[l] for s, l in sorted(baseline.items())}},
        "program": program,
        "start": start.isoformat(),
        "as_of": as_of.isoformat(),
        "assessments": assessments,
    }
    if rng.random() < 0.6:
        person["plan"] = make_plan(curriculum, baseline, requirements, start, rng.choice([4, 5, 6]))
    person["outcomes"] = outcome
    return person


def dump(o, indent=0, key=None):
    """JSON with objects and arrays of scalars on one line, everything else indented; the
    ratings of one skill share a line."""
    pad = "  " * indent
    line = lambda v: json.dumps(v, ensure_ascii=False, separators=(", ", ": "))
    if key == "ratings" and o:
        rows = []
        for r in o:
            if rows and rows[-1][0]["skill"] == r["skill"]:
                rows[-1].append(r)
            else:
                rows.append([r])
        return "[\n" + ",\n".join(pad + "  " + ", ".join(map(line, row)) for row in rows) + "\n" + pad + "]"

    def flat(v):
        items = v.values() if isinstance(v, dict) else v if isinstance(v, list) else []
        return all(not isinstance(x, (dict, list)) for x in items)

    if flat(o):
        return line(o)
    if isinstance(o, dict):
        items = [f"{pad}  {json.dumps(k)}: {dump(v, indent + 1, k)}" for k, v in o.items()]
        return "{\n" + ",\n".join(items) + "\n" + pad + "}"
    return "[\n" + ",\n".join(pad + "  " + dump(v, indent + 1) for v in o) + "\n" + pad + "]"


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("-o", "--output", default=os.path.join(DATA, "cohort.json"))
    args = parser.parse_args()
    with open(os.path.join(DATA, "engineering-growth.json"), encoding="utf-8") as f:
        curriculum = json.load(f)
    programs = {p["id"]: p for p in curriculum["programs"]}
    rng = random.Random(SEED)
    people = []
    for story in ("alex.score.json", "maria.score.json"):
        with open(os.path.join(DATA, story), encoding="utf-8") as f:
            people.append(json.load(f))
    for org, team, count in TEAMS:
        for number in range(1, count + 1):
            people.append(make_person(rng, curriculum, programs, org, team, number))
    with open(args.output, "w", encoding="utf-8") as f:
        f.write(dump({"min_group_size": 5, "economics": ECONOMICS, "people": people}) + "\n")
    print(f"wrote {args.output}: {len(people)} people")


if __name__ == "__main__":
    main()
