"""Curriculum.export("html", doc): a plan, a scorecard and a cohort report as one self-contained
HTML page (README.md "Reports"), the same page the command line writes with --format html."""

import json
import os
import subprocess
from pathlib import Path

import pytest

import careerpath


def load(examples_dir, name):
    return json.loads((examples_dir / name).read_text())


def test_plan_scorecard_and_cohort_pages(example, examples_dir):
    plan = example.plan(load(examples_dir, "alex.request.json"))
    page = example.export("html", plan)
    assert page.startswith('<!DOCTYPE html>\n<html lang="en">')
    assert "<h1>Learning plan for Alex</h1>" in page
    assert "Architectural patterns" in page and 'role="img"' in page
    assert "<script" not in page and "src=" not in page
    assert example.export("html", json.dumps(plan)) == page  # a dict or its text: the same page
    card = example.export("html", example.score(load(examples_dir, "alex.score.json")))
    assert "<h1>Scorecard for Alex</h1>" in card and "Rater breakdown" in card
    report = example.export("html", example.cohort(load(examples_dir, "cohort.json")))
    assert "<h1>Cohort report</h1>" in report and ">ROI</th>" in report


def test_today_option_and_the_default(example, examples_dir):
    plan = example.plan(load(examples_dir, "alex.request.json"))
    assert "today is 4 January 2027" in example.export("html", plan)
    assert "today is 1 March 2027" in example.export("html;today=2027-03-01", plan)
    with pytest.raises(careerpath.ArgumentError):
        example.export("html;yesterday=2027-03-01", plan)
    with pytest.raises(TypeError):
        example.export("html")


def test_a_wrong_document_is_a_schema_error_with_a_pointer(example, examples_dir):
    with pytest.raises(careerpath.SchemaError) as error:
        example.export("html", {"units": 3})
    assert error.value.pointer == ""
    plan = example.plan(load(examples_dir, "alex.request.json"))
    plan["summary"]["finish"] = 12
    with pytest.raises(careerpath.SchemaError) as error:
        example.export("html", plan)
    assert error.value.pointer == "/summary/finish"


@pytest.mark.skipif(not os.environ.get("CAREERPATH_CLI"), reason="CAREERPATH_CLI names the command-line program")
def test_the_command_line_writes_the_same_page(example, examples_dir):
    plan = example.plan(load(examples_dir, "maria.request.json"))
    cli = subprocess.run([os.environ["CAREERPATH_CLI"], "plan", str(examples_dir / "engineering-growth.json"),
                          str(examples_dir / "maria.request.json"), "--format", "html"],
                         check=True, capture_output=True, text=True).stdout
    assert cli == example.export("html", plan)
