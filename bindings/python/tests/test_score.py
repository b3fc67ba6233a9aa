"""Curriculum.score and Curriculum.cohort: scorecards and the cohort ROI table for requests built
from the example curriculum's skills and rater groups, and bad requests as exceptions."""

import copy
import json

import pytest

import careerpath


# Alex in the Technical Leadership program (target role staff_engineer): two assessments of
# architectural_patterns and technical_communication, a plan of two units and his outcomes.
REQUEST = {
    "learner": {"id": "alex", "name": "Alex", "team": "platform", "organization": "fastgrow",
                "current": {"risk_management": "beginner"}},
    "program": "technical_leadership",
    "start": "2027-01-04",
    "as_of": "2027-06-04",
    "assessments": [
        {"id": "baseline", "date": "2027-01-04", "ratings": [
            {"skill": "architectural_patterns", "rater": "self", "level": "intermediate"},
            {"skill": "architectural_patterns", "rater": "manager", "rater_id": "m1", "level": "beginner"},
            {"skill": "technical_communication", "rater": "manager", "rater_id": "m1", "level": 2}]},
        {"id": "midpoint", "date": "2027-04-01", "ratings": [
            {"skill": "architectural_patterns", "rater": "self", "level": "expert"},
            {"skill": "architectural_patterns", "rater": "manager", "rater_id": "m1", "level": "advanced"},
            {"skill": "architectural_patterns", "rater": "peer", "rater_id": "p1", "level": 2},
            {"skill": "architectural_patterns", "rater": "peer", "rater_id": "p2", "level": 3},
            {"skill": "technical_communication", "rater": "mentor", "rater_id": "t1", "level": "advanced"}]},
    ],
    "plan": {"path": [
        {"unit": "architectural_patterns@advanced", "hours": 30, "finish": "2027-02-28"},
        {"unit": "technical_communication@advanced", "hours": 20, "finish": "2027-05-01"}]},
    "outcomes": {"promoted_on": "2027-06-03", "retained": True, "survey": {"satisfaction": [5, 4, 5]}},
}


def request() -> dict:
    return copy.deepcopy(REQUEST)


def test_scorecard_follows_the_rules(example):
    card = example.score(request())
    assert card["learner"] == "alex"
    assert card["target_role"] == "staff_engineer"
    assert card["as_of"] == "2027-06-04"
    assert card["target_date"] == "2027-07-03"  # the day before start + 6 months
    # Midpoint, architectural_patterns: manager 3; two peers (min_count 3) pooled into a hidden
    # `others` of 2.5 that still counts; self has weight 0. Estimate (3 + 2.5) / 2 = 2.75, which
    # reaches advanced (>= 3 - 0.25); self's 4 is at least a level above: a blind spot.
    assert card["blind_spots"] == ["architectural_patterns"]
    assert card["hidden_strengths"] == []
    # Readiness: staff_engineer (through senior_engineer) has 12 requirements with
    # sum(w * target) = 41; what is met is 2 * 2.75 + 3 (technical_communication) + 1
    # (risk_management, from learner.current) = 9.5.
    assert card["readiness"] == pytest.approx(9.5 / 41, abs=1e-6)
    assert card["growth"]["baseline_mean"] == pytest.approx(4 / 12, abs=1e-6)
    assert card["growth"]["current_mean"] == pytest.approx(6.75 / 12, abs=1e-6)
    assert card["growth"]["skill_growth"] == pytest.approx(0.6875, abs=1e-6)
    assert card["growth"]["gap_closed"] == pytest.approx(2.75 / 25, abs=1e-6)
    metrics = {m["id"]: m for m in card["metrics"]}
    assert list(metrics) == ["role_readiness", "skill_growth", "promotion_timeline", "feedback_360",
                             "satisfaction", "promotion"]  # the program's metrics, in its order
    assert metrics["promotion_timeline"]["value"] == 30  # promoted 30 days before the target date
    assert metrics["promotion_timeline"]["attainment"] == 1
    assert metrics["satisfaction"]["n"] == 3
    assert metrics["satisfaction"]["value"] == pytest.approx(14 / 3, abs=1e-6)
    assert metrics["feedback_360"]["value"] is None  # no answers: pending, out of the composite
    assert metrics["feedback_360"]["attainment"] is None
    # Composite: (2 * readiness + 4 * 1) / 6 over the metrics with an attainment.
    assert card["composite"] == pytest.approx((2 * 9.5 / 41 + 4) / 6, abs=1e-5)
    progress = card["progress"]
    assert progress["earned_hours"] == progress["planned_hours"] == 50
    assert progress["status"] == "achieved"


def test_text_dict_and_bytes_requests_give_the_same_scorecard(example):
    as_dict = request()
    text = json.dumps(as_dict)
    assert example.score(as_dict) == example.score(text) == example.score(text.encode())


def test_scorecard_without_plan_has_no_progress(example):
    r = request()
    del r["plan"]
    assert example.score(r)["progress"] is None


def _rating(r: dict, assessment: int, rating: int) -> dict:
    return r["assessments"][assessment]["ratings"][rating]


@pytest.mark.parametrize(
    "change, error, pointer",
    [
        (lambda r: _rating(r, 1, 2).update(skill="juggling"), careerpath.UnknownReferenceError,
         "/assessments/1/ratings/2/skill"),
        (lambda r: _rating(r, 0, 1).update(level=9), careerpath.SchemaError, "/assessments/0/ratings/1/level"),
        (lambda r: _rating(r, 0, 1).update(level="guru"), careerpath.UnknownReferenceError,
         "/assessments/0/ratings/1/level"),
        (lambda r: _rating(r, 1, 4).update(rater="customer"), careerpath.UnknownReferenceError,
         "/assessments/1/ratings/4/rater"),
        (lambda r: r["assessments"][1].update(date="2027-06-05"), careerpath.SchemaError, "/assessments/1/date"),
        (lambda r: r.update(program="astronaut"), careerpath.UnknownReferenceError, "/program"),
        (lambda r: r["outcomes"]["survey"].update(satisfaction=[5, 7]), careerpath.SchemaError,
         "/outcomes/survey/satisfaction/1"),
        (lambda r: r["plan"]["path"][0].update(unit="architectural_patterns"), careerpath.UnknownReferenceError,
         "/plan/path/0/unit"),
    ],
)
def test_bad_requests_raise_with_pointers(example, change, error, pointer):
    r = request()
    change(r)
    with pytest.raises(error) as raised:
        example.score(r)
    assert raised.value.pointer == pointer
    assert raised.value.status == error.default_status
    assert str(raised.value)


def test_malformed_request_is_a_parse_error(example):
    with pytest.raises(careerpath.ParseError) as raised:
        example.score('{"learner": ')
    assert raised.value.pointer == ""


def person(learner: str, team: str, organization: str = "fastgrow", **outcomes) -> dict:
    r = request()
    r["learner"].update(id=learner, name=learner.title(), team=team, organization=organization)
    r["outcomes"] = outcomes
    return r


def test_cohort_rows_have_n_and_suppression(example):
    people = [
        person("ana", "platform", promoted_on="2027-05-01", retained=True),
        person("ben", "platform", retained=True),
        person("cai", "platform", retained=False),
        person("dee", "mobile", retained=True),
    ]
    report = example.cohort({"min_group_size": 3, "people": people})
    assert report["min_group_size"] == 3
    everyone = report["individuals"]
    assert everyone["people"] == 4 and not everyone["suppressed"]
    assert everyone["retention_rate"] == {"n": 4, "suppressed": False, "value": 0.75}
    # Promoted within 12 months: known only for ana (the others' 12 months have not passed) -> suppressed.
    assert everyone["promotion_rate_12_months"]["n"] == 1
    assert everyone["promotion_rate_12_months"]["suppressed"] is True
    assert everyone["promotion_rate_12_months"]["value"] is None
    assert everyone["share_on_track"]["n"] == 4  # all scored against a plan
    assert everyone["mean_readiness"]["value"] == pytest.approx(9.5 / 41, abs=1e-6)
    teams = {(t["organization"], t["team"]): t for t in report["teams"]}
    assert set(teams) == {("fastgrow", "platform"), ("fastgrow", "mobile")}
    platform, mobile = teams[("fastgrow", "platform")], teams[("fastgrow", "mobile")]
    assert platform["people"] == 3 and not platform["suppressed"]
    assert platform["retention_rate"]["value"] == pytest.approx(2 / 3, abs=1e-6)
    # A row under the minimum shows no figure at all, but every n.
    assert mobile["people"] == 1 and mobile["suppressed"]
    assert mobile["retention_rate"] == {"n": 1, "suppressed": True, "value": None}
    assert mobile["mean_readiness"]["value"] is None
    assert [o["organization"] for o in report["organizations"]] == ["fastgrow"]


def test_cohort_bad_person_points_under_people(example):
    people = [person("ana", "platform"), person("ben", "platform")]
    people[1]["assessments"][0]["ratings"][0]["skill"] = "juggling"
    with pytest.raises(careerpath.UnknownReferenceError) as raised:
        example.cohort({"people": people})
    assert raised.value.pointer == "/people/1/assessments/0/ratings/0/skill"
