"""careerpath.import_framework: CASE packages and O*NET tables as curricula (docs/importing.md),
on the repository's own small test inputs (tests/import/), through the C ABI."""

from __future__ import annotations

from pathlib import Path

import pytest

import careerpath

IMPORTS = Path(__file__).resolve().parents[3] / "tests" / "import"


def test_case_package_from_bytes_and_from_a_path_is_the_same_curriculum():
    path = IMPORTS / "case_fractions.json"
    from_path = careerpath.import_framework("case", path)
    assert careerpath.import_framework("case", path.read_bytes()) == from_path
    assert careerpath.import_framework("case", path.read_text(encoding="utf-8")) == from_path
    assert from_path["levels"] == ["none", "Beginning", "Developing", "Proficient"]
    assert {"skill": "FR.2", "requires": "FR.1"} in from_path["prerequisites"]
    assert from_path["import"] == {"format": "case", "hours": 10.0, "hours_default": True,
                                   "source": "CASE CFDocument doc-fractions"}
    assert any(note["code"] == "association_not_mapped" for note in from_path["import_notes"])


def test_hours_and_importance_options():
    case = careerpath.import_framework("case", IMPORTS / "case_fractions.json", hours=8)
    assert {skill["hours"] for skill in case["skills"]} == {8.0}
    assert case["import"]["hours_default"] is False
    onet = careerpath.import_framework("onet", IMPORTS / "onet_excerpt.txt", importance=4)
    roles = {role["id"]: role for role in onet["roles"]}
    assert roles["99-0001.00"]["requires"] == {"programming": "6"}
    assert roles["99-0001.00"]["weights"] == {"programming": 4.25}
    assert onet["import"]["importance"] == 4.0
    # The options may also be spelt as the C ABI spells them.
    assert careerpath.import_framework("onet;importance=4", IMPORTS / "onet_excerpt.txt") == onet


def test_an_import_is_a_curriculum_to_plan_with():
    imported = careerpath.import_framework("case", IMPORTS / "case_fractions.json")
    with careerpath.Curriculum.from_dict(imported) as curriculum:
        plan = curriculum.plan({
            "learner": {"id": "sam", "hours_per_week": 3},
            "target_role": "education_level_03",
            "start": "2027-01-04",
            "target_date": "2027-12-31",
        })
    gaps = {gap["skill"]: gap for gap in plan["gaps"]}
    assert set(gaps) == {"FR.1", "FR.2"}
    order = [unit["unit"] for unit in plan["path"]]
    # FR.1 precedes FR.2: FR.2 needs FR.1 first.
    assert order.index("FR.1@Beginning") < order.index("FR.2@Beginning")
    fr2 = next(unit for unit in plan["path"] if unit["unit"] == "FR.2@Beginning")
    assert "FR.1@Beginning" in fr2["requires"]


def test_errors_are_the_status_classes_with_their_place():
    with pytest.raises(careerpath.ArgumentError):
        careerpath.import_framework("xml", b"<x/>")
    with pytest.raises(careerpath.ArgumentError):
        careerpath.import_framework("case", b"{}", importance=3)
    with pytest.raises(careerpath.CycleError) as cycle:
        careerpath.import_framework("case", IMPORTS / "case_cycle.json")
    assert '"A" precedes "B" precedes "C" precedes "A"' in cycle.value.message
    assert cycle.value.pointer == "/CFPackage/CFAssociations/0"
    with pytest.raises(careerpath.SchemaError) as bad:
        careerpath.import_framework("onet", "O*NET-SOC Code\tElement ID\tElement Name\tScale ID\tData Value\n"
                                            "1\t2.A.1.a\tReading\tIM\tfour\n")
    assert bad.value.pointer == "/2/Data Value"
    with pytest.raises(careerpath.ParseError):
        careerpath.import_framework("case", b"{")
    with pytest.raises(TypeError):
        careerpath.import_framework("case", b"{}", hours=True)
    with pytest.raises(TypeError):
        careerpath.import_framework(7, b"{}")  # type: ignore[arg-type]
