"""An unknown reference names the nearest id, and a level not on the scale lists the scale: the
library writes the messages, so Python shows what the command line shows (README.md "Command
line", "Did you mean")."""

import copy
import json

import pytest

import careerpath


@pytest.fixture
def alex(examples_dir):
    return json.loads((examples_dir / "alex.request.json").read_text())


def test_unknown_skill_role_and_program_name_the_nearest(example, alex):
    cases = [
        (("learner", "current", "one_on_one_skill"), "beginner", "/learner/current/one_on_one_skill",
         'unknown skill "one_on_one_skill": no skill has this id; did you mean "one_on_one_skills"?'),
        (("target_role",), "STAFF_ENGINEER", "/target_role",
         'unknown role "STAFF_ENGINEER": no role has this id; did you mean "staff_engineer"?'),
        (("program",), "technical_leadershp", "/program",
         'unknown program "technical_leadershp": no program has this id; did you mean "technical_leadership"?'),
    ]
    for path, value, pointer, message in cases:
        request = copy.deepcopy(alex)
        at = request
        for key in path[:-1]:
            at = at[key]
        at[path[-1]] = value
        with pytest.raises(careerpath.UnknownReferenceError) as caught:
            example.plan(request)
        assert caught.value.pointer == pointer
        assert message in str(caught.value)


def test_a_level_not_on_the_scale_lists_it(example, alex):
    alex["learner"]["current"]["change_management"] = "Beginner"
    with pytest.raises(careerpath.UnknownReferenceError) as caught:
        example.plan(alex)
    assert caught.value.pointer == "/learner/current/change_management"
    assert ('level "Beginner" is not on the level scale (none, beginner, intermediate, advanced, expert); '
            'did you mean "beginner"?') in str(caught.value)


def test_nothing_near_suggests_nothing(example, alex):
    alex["target_role"] = "astronaut"
    with pytest.raises(careerpath.UnknownReferenceError) as caught:
        example.plan(alex)
    assert "did you mean" not in str(caught.value)
