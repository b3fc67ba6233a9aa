"""Curriculum.plan_cohort: the example group program (examples/data/group-cohort-plan.json), its
mentors' calendars against the learners' plans, each plan against Curriculum.plan of the
learner's request with their mentor in it, and the bad requests as exceptions with pointers."""

import copy
import json
from datetime import datetime, timedelta
from pathlib import Path

import pytest

import careerpath


@pytest.fixture
def cohort(examples_dir: Path) -> dict:
    return json.loads((examples_dir / "group-cohort-plan.json").read_text(encoding="utf-8"))


def instant(text: str) -> datetime:
    return datetime.fromisoformat(text.replace("Z", "+00:00"))


def test_every_plan_is_the_single_plan_but_for_its_sessions(example, cohort):
    result = example.plan_cohort(cohort)
    assert [p["learner"] for p in result["plans"]] == [r["learner"]["id"] for r in cohort["learners"]]
    mentors = {m["id"]: m for m in cohort["mentors"]}
    for request, plan in zip(cohort["learners"], result["plans"]):
        single = example.plan({**request, "mentor": mentors[request["mentor"]]})
        for key in ("path", "phases", "summary", "gaps", "milestones", "advice", "mentor"):
            assert plan[key] == single[key], (request["learner"]["id"], key)
        assert {(s["type"], s["occurrence"]) for s in plan["sessions"]} == \
               {(s["type"], s["occurrence"]) for s in single["sessions"]}


def test_no_mentor_is_in_two_sessions_at_once_nor_over_their_hours(example, cohort):
    result = example.plan_cohort(json.dumps(cohort))
    limits = {m["id"]: m.get("max_hours_per_week") for m in cohort["mentors"]}
    for calendar in result["mentors"]:
        sessions = calendar["sessions"]
        starts = [instant(s["start_utc"]) for s in sessions]
        assert starts == sorted(starts)
        for a, b in zip(sessions, sessions[1:]):
            assert instant(a["start_utc"]) + timedelta(minutes=a["minutes"]) <= instant(b["start_utc"])
        if limits[calendar["id"]] is not None:
            weeks = {}
            for s in sessions:  # the mentor's local date, Monday first
                day = datetime.fromisoformat(s["start"]).date()
                monday = day - timedelta(days=day.weekday())
                weeks[monday] = weeks.get(monday, 0) + s["minutes"]
            assert max(weeks.values()) <= limits[calendar["id"]] * 60
        assert calendar["placed"] == len(sessions)


def test_the_calendars_are_the_plans_sessions(example, cohort):
    result = example.plan_cohort(cohort)
    held = {}
    for plan in result["plans"]:
        for s in plan["sessions"]:
            if s["status"] != "dropped":
                held[(plan["learner"], s["type"], s["occurrence"])] = s["start_utc"]
    booked = {(s["learner"], s["type"], s["occurrence"]): s["start_utc"]
              for calendar in result["mentors"] for s in calendar["sessions"]}
    assert booked == held
    assert result["summary"] == {"dropped": 16, "learners": 14, "mentors": 3, "placed": 187}


@pytest.mark.parametrize("change,error,pointer", [
    (lambda r: r["learners"][1].__setitem__("mentor", "zed"), careerpath.UnknownReferenceError, "/learners/1/mentor"),
    (lambda r: r["mentors"][0].__setitem__("available", []), careerpath.SchemaError, "/mentors/0/available"),
    (lambda r: r["mentors"][0].__setitem__("max_hours_per_week", -1), careerpath.SchemaError,
     "/mentors/0/max_hours_per_week"),
    (lambda r: r["mentors"][1].__setitem__("id", "mike"), careerpath.SchemaError, "/mentors/1/id"),
])
def test_bad_requests_raise_with_their_pointer(example, cohort, change, error, pointer):
    bad = copy.deepcopy(cohort)
    change(bad)
    with pytest.raises(error) as raised:
        example.plan_cohort(bad)
    assert raised.value.pointer == pointer
