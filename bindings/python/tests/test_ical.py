"""Curriculum.export("ical"): Alex's plan as iCalendar, read back with Debian's python3-icalendar
(a declared test dependency: scripts/install-deps.sh test), so that the file is checked by a
parser we did not write, not only by the string tests of tests/unit/export.cpp."""

from __future__ import annotations

import datetime as dt
import json
from pathlib import Path
from typing import Any, Dict, List

import icalendar
import pytest

import careerpath

UTC = dt.timezone.utc


@pytest.fixture
def alex(examples_dir: Path):
    """(plan dict, iCalendar text) for Alex, through the binding."""
    with careerpath.Curriculum.load(str(examples_dir / "engineering-growth.json")) as curriculum:
        request = json.loads((examples_dir / "alex.request.json").read_text(encoding="utf-8"))
        plan = curriculum.plan(request)
        yield plan, curriculum.export("ical", plan), curriculum


def events(text: str) -> List[Any]:
    calendar = icalendar.Calendar.from_ical(text.encode("utf-8"))
    return list(calendar.walk("VEVENT"))


def utc_instant(iso: str) -> dt.datetime:
    # fromisoformat on Python 3.11 reads "Z"; spell it out for older interpreters.
    return dt.datetime.fromisoformat(iso.replace("Z", "+00:00")).astimezone(UTC)


def timed_sessions(plan: Dict[str, Any]) -> List[Dict[str, Any]]:
    return [s for s in plan["sessions"] if s["status"] in ("placed", "moved")]


def test_the_calendar_parses_and_counts(alex):
    plan, text, _ = alex
    assert text.startswith("BEGIN:VCALENDAR\r\n")
    assert text.endswith("END:VCALENDAR\r\n")
    assert "\n" not in text.replace("\r\n", "")  # CRLF line ends only
    calendar = icalendar.Calendar.from_ical(text.encode("utf-8"))
    assert str(calendar["VERSION"]) == "2.0"
    assert str(calendar["PRODID"]).startswith("-//careerpath//careerpath ")
    assert str(calendar["METHOD"]) == "PUBLISH"
    # The learner by name (the plan's learner_name), the program by id.
    assert str(calendar["X-WR-CALNAME"]) == f"Learning plan for {plan['learner_name']} ({plan['program']})"
    assert plan["learner_name"] == "Alex"
    found = events(text)
    assert any(s["status"] == "dropped" for s in plan["sessions"])  # the plan does drop one
    assert len(found) == len(timed_sessions(plan)) + len(plan["milestones"])
    uids = [str(e["UID"]) for e in found]
    assert len(set(uids)) == len(uids)
    assert all(uid.endswith("@careerpath") for uid in uids)


def test_sessions_are_at_their_utc_start_for_their_minutes(alex):
    plan, text, _ = alex
    sessions = timed_sessions(plan)
    found = events(text)[: len(sessions)]
    mentor = plan["mentor"]["name"]
    for session, event in zip(sessions, found):
        start = event.decoded("DTSTART")
        end = event.decoded("DTEND")
        assert isinstance(start, dt.datetime) and start.tzinfo is not None
        assert start == utc_instant(session["start_utc"])
        assert start == dt.datetime.fromisoformat(session["start"])  # the same instant, local
        assert end - start == dt.timedelta(minutes=session["minutes"])
        assert str(event["SUMMARY"]) == f"{session['title']} with {mentor}"
        uid = str(event["UID"])
        assert uid == f"alex.technical_leadership.20270104.{session['type']}.{session['occurrence']}@careerpath"
        for unit in session["agenda"]:
            assert f"- {unit}" in str(event["DESCRIPTION"])


def test_milestones_are_all_day(alex):
    plan, text, _ = alex
    found = events(text)[len(timed_sessions(plan)):]
    assert len(found) == len(plan["milestones"])
    for milestone, event in zip(plan["milestones"], found):
        start = event.decoded("DTSTART")
        end = event.decoded("DTEND")
        assert type(start) is dt.date and type(end) is dt.date  # dates, not date-times
        assert start == dt.date.fromisoformat(milestone["due"])
        assert end - start == dt.timedelta(days=1)
        assert str(event["SUMMARY"]) == milestone["title"]
        assert str(event["TRANSP"]) == "TRANSPARENT"


def test_dtstamp_is_the_plan_start_or_as_of(alex):
    plan, text, curriculum = alex
    assert plan["as_of"] is None
    midnight = dt.datetime(2027, 1, 4, tzinfo=UTC)
    assert {e.decoded("DTSTAMP") for e in events(text)} == {midnight}
    plan["as_of"] = "2027-01-03T21:30:00-05:00"
    stamped = curriculum.export("ical", plan)
    assert {e.decoded("DTSTAMP") for e in events(stamped)} == {dt.datetime(2027, 1, 4, 2, 30, tzinfo=UTC)}


def test_same_plan_same_bytes_from_dict_text_or_bytes(alex):
    plan, text, curriculum = alex
    as_json = json.dumps(plan)
    assert curriculum.export("ical", as_json) == curriculum.export("ical", as_json.encode()) == text


def test_a_bad_plan_is_a_schema_error_with_pointer(alex):
    plan, _, curriculum = alex
    plan["sessions"][0]["start_utc"] = "not a time"
    with pytest.raises(careerpath.SchemaError) as caught:
        curriculum.export("ical", plan)
    assert caught.value.pointer == "/sessions/0/start_utc"
    with pytest.raises(careerpath.SchemaError) as caught:
        curriculum.export("ical", {"learner": "alex", "start": "2027-01-04"})
    assert caught.value.pointer == "/sessions"
