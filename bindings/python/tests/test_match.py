"""Curriculum.match: mentees matched with mentors on the example people (examples/data/match.json,
an individual program; group-match.json, the same people in a group program), checked against
the rules every answer must keep, and bad requests as exceptions with pointers."""

import copy
import json
from pathlib import Path

import pytest

import careerpath

REASONS = {"no_candidate", "capacity", "group_size", "group_without_mentor"}


@pytest.fixture
def individual(examples_dir: Path) -> dict:
    return json.loads((examples_dir / "match.json").read_text(encoding="utf-8"))


@pytest.fixture
def group(examples_dir: Path) -> dict:
    return json.loads((examples_dir / "group-match.json").read_text(encoding="utf-8"))


def candidates_of(result: dict) -> dict:
    """mentee -> mentor -> that pair's entry in `candidates`."""
    return {c["mentee"]: {p["mentor"]: p for p in c["pairs"]} for c in result["candidates"]}


def index_of(people: list, person_id: str) -> int:
    return [p["id"] for p in people].index(person_id)


# --- an individual program -----------------------------------------------------------------------


def test_every_assignment_is_a_listed_candidate_with_its_score(example, individual):
    result = example.match(individual)
    pairs = candidates_of(result)
    assert result["assignments"]
    for a in result["assignments"]:
        pair = pairs[a["mentee"]][a["mentor"]]
        assert "excluded" not in pair
        assert pair["score"] == a["score"]
        assert a["explanation"]["score"] == a["score"]


def test_no_excluded_pair_is_assigned(example, individual):
    result = example.match(individual)
    assigned = {(a["mentee"], a["mentor"]) for a in result["assignments"]}
    excluded = {(c["mentee"], p["mentor"]) for c in result["candidates"] for p in c["pairs"] if "excluded" in p}
    assert excluded  # the example has exclusions: team, reporting line, availability, explicit
    assert not assigned & excluded
    assert result["summary"]["excluded_pairs"] == len(excluded)


def test_mentor_load_is_its_assignments_and_within_capacity(example, individual):
    result = example.match(individual)
    for mentor in result["mentors"]:
        taken = [a["mentee"] for a in result["assignments"] if a["mentor"] == mentor["id"]]
        assert mentor["load"] == len(taken) <= mentor["capacity"]
        assert sorted(mentor["mentees"]) == sorted(taken)


def test_total_score_is_the_sum_of_assignment_scores(example, individual):
    result = example.match(individual)
    summary = result["summary"]
    assert summary["total_score"] == sum(a["score"] for a in result["assignments"])
    assert summary["matched"] == len(result["assignments"])
    assert summary["mean_score"] == pytest.approx(summary["total_score"] / summary["matched"], abs=1e-5)


def test_every_mentee_is_either_matched_or_unmatched_once(example, individual):
    result = example.match(individual)
    summary = result["summary"]
    assert summary["matched"] + summary["unmatched"] == summary["mentees"] == len(individual["mentees"])
    assert summary["mentors"] == len(individual["mentors"])
    matched = [a["mentee"] for a in result["assignments"]]
    unmatched = [u["mentee"] for u in result["unmatched"]]
    assert len(unmatched) == summary["unmatched"]
    assert sorted(matched + unmatched) == sorted(m["id"] for m in individual["mentees"])


def test_unmatched_mentees_have_a_reason_and_a_message(example, individual):
    result = example.match(individual)
    assert result["unmatched"]  # kai shares no hours with any mentor
    for u in result["unmatched"]:
        assert u["reason"] in REASONS
        assert isinstance(u["message"], str) and u["message"]


def test_no_candidate_means_every_pair_excluded(example, individual):
    result = example.match(individual)
    pairs = candidates_of(result)
    for u in result["unmatched"]:
        if u["reason"] == "no_candidate":
            assert all("excluded" in p for p in pairs[u["mentee"]].values())
        elif u["reason"] == "capacity":
            assert any("excluded" not in p for p in pairs[u["mentee"]].values())


def test_rank_counts_better_candidates(example, individual):
    result = example.match(individual)
    pairs = candidates_of(result)
    for a in result["assignments"]:
        better = [m for m, p in pairs[a["mentee"]].items() if "excluded" not in p
                  and (p["score"] > a["score"] or (p["score"] == a["score"] and m < a["mentor"]))]
        assert a["rank"] == 1 + len(better)


def test_same_request_gives_the_same_answer(example, individual):
    assert example.match(individual) == example.match(copy.deepcopy(individual))
    assert example.match(individual) == example.match(json.dumps(individual))


def test_order_of_people_does_not_change_the_answer(example, individual):
    reversed_request = copy.deepcopy(individual)
    reversed_request["mentors"].reverse()
    reversed_request["mentees"].reverse()
    assert example.match(reversed_request) == example.match(individual)


def test_participation_matches_more_and_score_scores_more(example, individual):
    by_score = example.match(dict(individual, mode="score"))
    by_participation = example.match(dict(individual, mode="participation"))
    assert by_score["mode"] == "score" and by_participation["mode"] == "participation"
    assert by_participation["summary"]["matched"] >= by_score["summary"]["matched"]
    assert by_score["summary"]["total_score"] >= by_participation["summary"]["total_score"]


# --- a group program -----------------------------------------------------------------------------


def test_group_sizes_are_within_group_size(example, group):
    result = example.match(group)
    low, high = result["group_size"]
    assert [low, high] == [4, 6]
    assert result["groups"]
    for g in result["groups"]:
        assert low <= len(g["members"]) <= high


def test_group_members_are_assigned_to_their_groups_mentor(example, group):
    result = example.match(group)
    assigned = {a["mentee"]: a for a in result["assignments"]}
    for g in result["groups"]:
        for member in g["members"]:
            if g["mentor"] is None:
                assert member not in assigned
            else:
                assert assigned[member]["mentor"] == g["mentor"]
                assert assigned[member]["group"] == g["id"]


def test_mentors_lead_at_most_their_capacity_in_groups(example, group):
    result = example.match(group)
    for mentor in result["mentors"]:
        led = [g["id"] for g in result["groups"] if g["mentor"] == mentor["id"]]
        assert mentor["load"] == len(led) <= mentor["capacity"]
        assert sorted(mentor["groups"]) == sorted(led)


def test_group_mentee_without_candidate_is_not_grouped(example, group):
    # Someone no mentor may take would leave their whole group without one: not grouped, and
    # unmatched as no_candidate (kai shares no hours with any mentor).
    result = example.match(group)
    pairs = candidates_of(result)
    nobody = {m for m, by_mentor in pairs.items() if all("excluded" in p for p in by_mentor.values())}
    assert nobody
    grouped = {member for g in result["groups"] for member in g["members"]}
    assert not nobody & grouped
    reasons = {u["mentee"]: u["reason"] for u in result["unmatched"]}
    assert all(reasons.get(m) == "no_candidate" for m in nobody)


def test_group_answer_accounts_for_every_mentee(example, group):
    result = example.match(group)
    summary = result["summary"]
    assert summary["matched"] + summary["unmatched"] == summary["mentees"] == len(group["mentees"])
    assert summary["total_score"] == sum(a["score"] for a in result["assignments"])
    for u in result["unmatched"]:
        assert u["reason"] in REASONS and u["message"]


# --- bad requests --------------------------------------------------------------------------------


def test_unknown_skill_in_mentor_levels_points_at_it(example, individual):
    k = index_of(individual["mentors"], "tom")
    individual["mentors"][k]["levels"]["juggling"] = "expert"
    with pytest.raises(careerpath.UnknownReferenceError) as raised:
        example.match(individual)
    assert raised.value.pointer == f"/mentors/{k}/levels/juggling"
    assert raised.value.status == careerpath.Status.ERR_REFERENCE


def test_duplicate_mentee_id_is_a_schema_error(example, individual):
    k = len(individual["mentees"])
    individual["mentees"].append(copy.deepcopy(individual["mentees"][0]))
    with pytest.raises(careerpath.SchemaError) as raised:
        example.match(individual)
    assert raised.value.pointer == f"/mentees/{k}/id"


def test_unknown_mode_is_a_schema_error(example, individual):
    individual["mode"] = "best"
    with pytest.raises(careerpath.SchemaError) as raised:
        example.match(individual)
    assert raised.value.pointer == "/mode"


def test_malformed_request_is_a_parse_error(example):
    with pytest.raises(careerpath.ParseError):
        example.match('{"mentors": [')
