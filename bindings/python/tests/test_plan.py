"""Curriculum.plan: a plan for the example learners, and bad requests as exceptions."""

import json
from pathlib import Path

import pytest

import careerpath


def request(examples_dir: Path, name: str) -> dict:
    return json.loads((examples_dir / name).read_text())


def test_alex_plan_is_dated_and_in_order(example, examples_dir):
    plan = example.plan(request(examples_dir, "alex.request.json"))
    assert plan["learner"] == "alex"
    assert plan["target_role"] == "staff_engineer"
    path = plan["path"]
    assert len(path) == plan["summary"]["units"] > 0
    assert sum(u["hours"] for u in path) == pytest.approx(plan["summary"]["hours"])
    finished = {}
    for unit in path:
        assert unit["release"] <= unit["start"] <= unit["finish"]
        for required in unit["requires"]:
            assert finished[required] <= unit["start"]  # precedence: listed, and done first
        finished[unit["unit"]] = unit["finish"]
    assert plan["summary"]["finish"] == plan["summary"]["lower_bound_finish"]


def test_warnings_list_what_they_count_and_gaps_read_as_the_role(example, examples_dir):
    plan = example.plan(request(examples_dir, "maria.request.json"))
    dropped = [s for s in plan["sessions"] if s["status"] == "dropped"]
    (warning,) = plan["warnings"]  # two occurrences dropped for one cause: one warning
    assert warning["code"] == "session_dropped"
    assert warning["count"] == len(warning["sessions"]) == len(dropped) == 2
    assert warning["sessions"] == [{"occurrence": s["occurrence"], "type": s["type"]} for s in dropped]
    assert warning["units"] == [] and warning["phases"] == []
    assert warning["constraint"] == "time_off" and "time off" in warning["message"]
    for gap in plan["gaps"]:
        assert gap["reaches"]  # always present
        if not gap["required"]:
            assert gap["target"] == gap["reaches"]


def test_alex_sessions_sit_on_his_slots_with_offsets(example, examples_dir):
    from datetime import datetime, timedelta

    r = request(examples_dir, "alex.request.json")
    plan = example.plan(r)
    slots = {(s["weekday"], s["time"]) for s in r["learner"]["session_slots"]}
    held = [s for s in plan["sessions"] if s["status"] != "dropped"]
    assert held and len(held) + sum(s["status"] == "dropped" for s in plan["sessions"]) == len(plan["sessions"])
    previous_end = None
    for s in held:
        start = datetime.fromisoformat(s["start"])
        utc = datetime.fromisoformat(s["start_utc"].replace("Z", "+00:00"))
        assert start == utc  # the same instant, written in two zones
        assert (start.strftime("%a").lower(), start.strftime("%H:%M")) in slots
        assert s["window"]["first"] <= start.date().isoformat() <= s["window"]["last"]
        if previous_end is not None:
            assert previous_end <= utc  # in time order, never overlapping
        previous_end = utc + timedelta(minutes=s["minutes"])
    offsets = {s["start"][-6:] for s in held}
    assert offsets == {"-05:00", "-04:00"}  # the plan crosses the start of daylight time


def test_bad_busy_interval_raises_with_pointer(example, examples_dir):
    r = request(examples_dir, "alex.request.json")
    r["mentor"]["busy"] = [{"start": "2027-01-05 16:00", "minutes": 60}]
    with pytest.raises(careerpath.SchemaError) as raised:
        example.plan(r)
    assert raised.value.pointer == "/mentor/busy/0/start"


def test_text_dict_and_bytes_requests_give_the_same_plan(example, examples_dir):
    as_dict = request(examples_dir, "maria.request.json")
    text = json.dumps(as_dict)
    assert example.plan(as_dict) == example.plan(text) == example.plan(text.encode())


@pytest.mark.parametrize(
    "change, error, pointer",
    [
        (lambda r: r.update(program="astronaut"), careerpath.UnknownReferenceError, "/program"),
        (lambda r: r.update(start="2027-02-30"), careerpath.SchemaError, "/start"),
        (lambda r: r["learner"].update(hours_per_week=0), careerpath.InfeasibleError, "/learner/hours_per_week"),
        (lambda r: r["learner"]["current"].update(juggling="expert"), careerpath.UnknownReferenceError,
         "/learner/current/juggling"),
    ],
)
def test_bad_requests_raise_with_pointer(example, examples_dir, change, error, pointer):
    r = request(examples_dir, "alex.request.json")
    change(r)
    with pytest.raises(error) as raised:
        example.plan(r)
    assert raised.value.pointer == pointer


def test_malformed_request_is_a_parse_error(example):
    with pytest.raises(careerpath.ParseError):
        example.plan("{not json")


def test_replan_against_the_previous_plan(example, examples_dir):
    # Alex's re-plan on 2027-03-01 (README "Re-planning"): one unit done, one half done, two
    # weeks off; the changes name each cause, and the batch gives the same plan.
    first = example.plan(request(examples_dir, "alex.request.json"))
    again = request(examples_dir, "alex.replan.request.json")
    again["previous"] = first
    plan = example.plan(again)
    assert plan["replan_from"] == "2027-03-01"
    assert plan["progress_vs_plan"] == {"hours_done": 29.0, "hours_planned": 38.0, "on": "2027-03-01",
                                        "status": "at_risk"}
    changes = plan["changes"]
    assert changes["removed"] == ["architectural_patterns@advanced"]
    assert "new time off 2027-03-08 to 2027-03-19 (10 working days)" in changes["causes"]
    assert changes["finish_before"] == first["summary"]["finish"]
    assert [u["unit"] for u in plan["path"]][0] == "scalability_planning@advanced"
    assert plan["path"][0]["hours_done"] == 9.0
    # The first plan's sessions before 2027-03-01 are history: kept as they were, marked, and
    # not placed again; the sessions' changes are the weeks off.
    before = {(s["type"], s["occurrence"]): s for s in first["sessions"]}
    history = [s for s in plan["sessions"] if s.get("history")]
    assert len(history) == 14
    for s in history:
        assert {k: v for k, v in s.items() if k != "history"} == before[(s["type"], s["occurrence"])]
    assert len({(s["type"], s["occurrence"]) for s in plan["sessions"]}) == len(plan["sessions"])
    assert [(c["change"], c["type"], c["occurrence"]) for c in changes["sessions"]] == [
        ("dropped", "coaching", 10), ("dropped", "coaching", 11), ("moved", "technical_review", 6)]
    [batched] = list(example.plan_batch([again]))
    assert batched == plan


def test_replan_bad_progress_raises_with_pointer(example, examples_dir):
    r = request(examples_dir, "alex.replan.request.json")
    r["progress"][1]["unit"] = "juggling@advanced"
    with pytest.raises(careerpath.UnknownReferenceError) as raised:
        example.plan(r)
    assert raised.value.pointer == "/progress/1/unit"
    r = request(examples_dir, "alex.replan.request.json")
    r["previous"] = {"path": "not a plan"}
    with pytest.raises(careerpath.SchemaError) as raised:
        example.plan(r)
    assert raised.value.pointer == "/previous/path"
    r["previous"] = example.plan(request(examples_dir, "alex.request.json"))
    r["previous"]["sessions"][3]["type"] = "yoga"
    with pytest.raises(careerpath.UnknownReferenceError) as raised:
        example.plan(r)
    assert raised.value.pointer == "/previous/sessions/3/type"


def test_advice_and_program_fit(example, examples_dir):
    # README "Advice": Alex needs 4.75 hours a week for his target date; at his 6 the gap takes
    # 4.5 months, within both 6-month programs toward Staff Engineer.
    plan = example.plan(request(examples_dir, "alex.request.json"))
    assert plan["advice"]["min_hours_per_week"] == 4.75
    assert [p["phase"] for p in plan["advice"]["phases"]] == [
        "system_design_fundamentals", "cross_team", "technical_influence"]
    fit = {f["program"]: f for f in plan["program_fit"]}
    assert fit["technical_leadership"]["months"] == 4.5 and fit["technical_leadership"]["fits"]
    assert fit["technical_leadership"]["cost"]["amount"] == "21000.00"
    slower = request(examples_dir, "alex.request.json")
    slower["learner"]["hours_per_week"] = 4
    assert not example.plan(slower)["summary"]["target_met"]
    slower["learner"]["hours_per_week"] = plan["advice"]["min_hours_per_week"]
    assert example.plan(slower)["summary"]["target_met"]


def test_phases_as_guidance(example, examples_dir):
    r = request(examples_dir, "maria.request.json")
    r["learner"]["hours_per_week"] = 50
    hard = example.plan(r)
    r["phases"] = "guide"
    guided = example.plan(r)
    assert guided["summary"]["finish"] == hard["advice"]["working_ahead"]["finish"] < hard["summary"]["finish"]
    assert all(u["release"] == r["start"] for u in guided["path"])
    r["phases"] = "soft"
    with pytest.raises(careerpath.SchemaError) as raised:
        example.plan(r)
    assert raised.value.pointer == "/phases"
