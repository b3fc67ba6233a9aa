"""Curriculum.export("text", doc): the report the command line prints, byte for byte, for plans,
a scorecard and a cohort report (README.md "The text report"). Run by ctest as
python.text_report, with CAREERPATH_CLI naming the program."""

import json
import os
import subprocess

import pytest

import careerpath


@pytest.fixture
def cli() -> str:
    program = os.environ.get("CAREERPATH_CLI")
    if not program:
        pytest.skip("CAREERPATH_CLI is not set (the careerpath program)")
    return program


def printed(cli, *args) -> str:
    done = subprocess.run([cli, *args], check=True, stdout=subprocess.PIPE, stderr=subprocess.PIPE)
    return done.stdout.decode("utf-8")


@pytest.mark.parametrize(
    "command,request_file",
    [
        ("plan", "alex.request.json"),
        ("plan", "maria.request.json"),
        ("plan", "alex.replan.request.json"),
        ("score", "alex.score.json"),
        ("cohort", "cohort.json"),
    ],
)
def test_python_text_equals_the_command_line(cli, example, examples_dir, command, request_file):
    request = json.loads((examples_dir / request_file).read_text())
    document = getattr(example, command)(request)
    from_python = example.export("text", document)
    from_cli = printed(cli, command, str(examples_dir / "engineering-growth.json"), str(examples_dir / request_file))
    assert from_python == from_cli
    assert example.export("text", json.dumps(document)) == from_cli  # the JSON text reads the same


def test_text_names_skills_by_title_and_lists_activities(example, examples_dir):
    plan = example.plan(json.loads((examples_dir / "alex.request.json").read_text()))
    text = example.export("text", plan)
    assert text.startswith("Plan for Alex: Staff Engineer (Technical Leadership Development)\n")
    assert "  Architectural patterns (architectural_patterns)  " in text
    assert "  Architectural patterns (advanced)  " in text
    assert "      - Architecture review simulations (review)\n" in text
    assert "the longest chain of prerequisites takes 38 hours" in text
    assert "every unit on time, with 1.6 working hours to spare at the tightest" in text
    assert "max lateness" not in text and "critical path" not in text


def test_text_of_a_wrong_document_is_a_schema_error(example):
    with pytest.raises(careerpath.SchemaError) as caught:
        example.export("text", {"id": "engineering-growth"})
    assert caught.value.pointer == ""
    assert "not a plan, a scorecard or a cohort report" in str(caught.value)
    with pytest.raises(careerpath.SchemaError) as caught:
        example.export("text", {"path": [], "summary": {"units": "eight"}, "start": "2027-01-04",
                                "target_date": "2027-07-03", "target_role": "staff_engineer"})
    assert caught.value.pointer.startswith("/")
    with pytest.raises(TypeError):
        example.export("text")


def test_scorecard_columns_fit_long_level_names(examples_dir):
    # The scale's "intermediate" renamed "working_knowledge" in the curriculum and the request:
    # the table's columns stay apart however long the names.
    rename = lambda text: text.replace("intermediate", "working_knowledge")  # "x@intermediate" too
    curriculum_text = rename((examples_dir / "engineering-growth.json").read_text())
    request = json.loads(rename((examples_dir / "alex.score.json").read_text()))
    with careerpath.Curriculum.from_json(curriculum_text) as curriculum:
        text = curriculum.export("text", curriculum.score(request))
    table = text.split("\nSkills\n", 1)[1].split("\n\n", 1)[0].splitlines()
    header = table[0]
    assert header.split() == ["skill", "baseline", "estimate", "level", "target", "raters"]
    level_at, target_at = header.index("level"), header.index("target")
    assert any("working_knowledge" in row for row in table[1:])
    for row in table[1:]:
        # The level and the target each start at their heading's column, two spaces after the
        # widest cell before them.
        assert row[level_at - 2:level_at] == "  " and row[level_at] != " "
        assert row[target_at - 2:target_at] == "  " and row[target_at] != " "
