"""Money through the binding (README "Money"): a plan's cost, the example cohort's economics per
row, and bad prices and economics as exceptions with their pointers."""

import copy
import json
from pathlib import Path

import pytest

import careerpath


def read(examples_dir: Path, name: str) -> dict:
    return json.loads((examples_dir / name).read_text())


def test_alex_plan_costs_six_months_at_the_program_price(example, examples_dir):
    plan = example.plan(read(examples_dir, "alex.request.json"))
    # 3,500.00 a month for Technical Leadership's 6 months; Alex finishes inside them.
    assert plan["cost"] == {"amount": "21000.00", "cents": 2100000, "currency": "USD", "months": 6,
                            "months_past_end": 0,
                            "price": {"amount": "3500.00", "cents": 350000, "per": "month"}}


def test_a_plan_without_a_program_has_no_cost(example, examples_dir):
    r = read(examples_dir, "alex.request.json")
    del r["program"]
    r["target_role"] = "staff_engineer"
    r["target_date"] = "2027-07-03"
    assert "cost" not in example.plan(r)


def test_example_cohort_has_economics_in_every_row(example, examples_dir):
    report = example.cohort(read(examples_dir, "cohort.json"))
    assert report["economics"] == {"baseline_retention": 0.85, "currency": "USD",
                                   "replacement_cost": {"amount": "60000.00", "cents": 6000000}}
    rows = [report["individuals"], *report["teams"], *report["organizations"]]
    for row in rows:
        figures = row["economics"]
        assert set(figures) == {"investment", "cost_per_promotion", "turnover_cost_avoided", "roi"}
        for name in ("investment", "cost_per_promotion", "turnover_cost_avoided"):
            cell = figures[name]
            # The amount is the cents written with two places, or both are null.
            if cell["cents"] is None:
                assert cell["amount"] is None
            else:
                sign, cents = ("-" if cell["cents"] < 0 else ""), abs(cell["cents"])
                assert cell["amount"] == f"{sign}{cents // 100}.{cents % 100:02d}"
        # The same n rule as the other figures: the retention's people for turnover and ROI.
        assert figures["turnover_cost_avoided"]["n"] == row["retention_rate"]["n"]
    everyone = report["individuals"]["economics"]
    assert everyone["investment"]["n"] == 58 and not everyone["investment"]["suppressed"]
    mobile = next(t for t in report["teams"] if t["team"] == "mobile")
    assert mobile["suppressed"] and mobile["economics"]["investment"] == {
        "amount": None, "cents": None, "n": 4, "suppressed": True}
    # Without economics the report has no money figures.
    plain = read(examples_dir, "cohort.json")
    del plain["economics"]
    assert "economics" not in example.cohort(plain)["individuals"]


@pytest.mark.parametrize("member, value, pointer", [
    ("replacement_cost", "60000", "/economics/replacement_cost"),
    ("baseline_retention", 1.5, "/economics/baseline_retention"),
    ("currency", "EUR", "/economics/currency"),
    ("currency", "XYZ", "/economics/currency"),
])
def test_bad_economics_raise_with_pointer(example, examples_dir, member, value, pointer):
    r = read(examples_dir, "cohort.json")
    r["economics"][member] = value
    with pytest.raises(careerpath.SchemaError) as raised:
        example.cohort(r)
    assert raised.value.pointer == pointer


def test_bad_price_raises_with_pointer(examples_dir):
    curriculum = read(examples_dir, "engineering-growth.json")
    bad = copy.deepcopy(curriculum)
    bad["programs"][1]["price"]["per"] = "year"
    with pytest.raises(careerpath.SchemaError) as raised:
        careerpath.Curriculum.from_dict(bad)
    assert raised.value.pointer == "/programs/1/price/per"
    bad = copy.deepcopy(curriculum)
    bad["programs"][0]["price"]["amount"] = -1
    with pytest.raises(careerpath.SchemaError) as raised:
        careerpath.Curriculum.from_dict(bad)
    assert raised.value.pointer == "/programs/0/price/amount"
