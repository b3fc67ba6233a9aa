"""Curriculum.export: the unit graph as DOT and Mermaid, a plan as a Mermaid Gantt chart (and as
iCalendar: test_ical.py)."""

import json

import pytest

import careerpath


def test_dot_draws_every_unit_and_edge(small):
    with careerpath.Curriculum.from_dict(small) as curriculum:
        dot = curriculum.export("dot")
        counts = curriculum.describe()["counts"]
    assert dot.startswith('digraph "small" {\n')
    assert dot.endswith("}\n")
    assert dot.count(" [label=") == counts["units"] == 6
    assert dot.count(" -> ") == counts["edges"] == 5
    assert '"a@beginner" -> "b@beginner";' in dot  # b requires a
    assert '"a@beginner" -> "a@intermediate";' in dot  # the level chain
    assert 'subgraph "cluster_x" {' in dot and 'subgraph "cluster_y" {' in dot


def test_mermaid_graph_uses_generated_ids_and_escapes_quotes(small):
    small["skills"][0]["title"] = 'Say "hi"'
    with careerpath.Curriculum.from_dict(small) as curriculum:
        text = curriculum.export("mermaid-graph")
        assert text == curriculum.export("mermaid-graph")  # deterministic
    assert text.startswith("flowchart LR\n")
    assert 'u0["Say #quot;hi#quot;<br/>beginner"]' in text
    assert text.count(" --> ") == 5
    assert text.count("  subgraph ") == 2


def test_gantt_from_a_plan_dict_text_or_bytes(example, examples_dir):
    plan = example.plan(json.loads((examples_dir / "alex.request.json").read_text()))
    gantt = example.export("mermaid-gantt", plan)
    assert gantt.startswith("gantt\n")
    assert "    dateFormat YYYY-MM-DD\n" in gantt
    titles = {s["id"]: s["title"] for s in json.loads((examples_dir / "engineering-growth.json").read_text())["skills"]}
    for unit in plan["path"]:  # each unit by its skill's title and level
        skill, level = unit["unit"].split("@")
        assert gantt.count(f"    {titles[skill]} ({level}) :t") == 1
    for phase in plan["phases"]:
        assert f"    section {phase['title']}\n" in gantt
    assert gantt.count(":milestone, ") == len(plan["milestones"])
    text = json.dumps(plan)
    assert example.export("mermaid-gantt", text) == example.export("mermaid-gantt", text.encode()) == gantt


def test_not_a_plan_is_a_schema_error_with_pointer(example):
    with pytest.raises(careerpath.SchemaError) as caught:
        example.export("mermaid-gantt", {"id": "engineering-growth"})
    assert caught.value.pointer == "/path"
    with pytest.raises(careerpath.SchemaError) as caught:
        example.export("mermaid-gantt", {"path": [{"unit": "a@b", "start": "2027-01-04"}]})
    assert caught.value.pointer == "/path/0/finish"
    with pytest.raises(careerpath.ParseError):
        example.export("mermaid-gantt", "{not json")
    with pytest.raises(TypeError):
        example.export("mermaid-gantt")
    # Every export of a document needs the document.
    for format in ("ical", "text", "html", "html;today=2027-03-01"):
        with pytest.raises(TypeError):
            example.export(format)


@pytest.mark.parametrize("format", ["iCal", "ics", "svg", ""])
def test_unsupported_formats_are_argument_errors(example, format):
    with pytest.raises(careerpath.ArgumentError) as caught:
        example.export(format)
    assert "dot, mermaid-graph, mermaid-gantt, ical, text" in str(caught.value)
