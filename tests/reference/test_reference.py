"""docs/reference.md against the schemas and the source (README.md, "Schemas"): the field
reference is what scripts/gen-reference.py makes of docs/schemas/*.schema.json today, byte for
byte, so a schema changed without a re-run fails here; and the warning codes it documents are
the ones the library's source can emit, no more and no fewer.
"""

from __future__ import annotations

import importlib.util
import json
import os
import re
import sys
from pathlib import Path
from typing import Set

ROOT = Path(os.environ.get("CAREERPATH_SOURCE", Path(__file__).resolve().parents[2]))
REFERENCE = ROOT / "docs" / "reference.md"
SCHEMAS = ROOT / "docs" / "schemas"


def _generator():
    spec = importlib.util.spec_from_file_location("gen_reference", ROOT / "scripts" / "gen-reference.py")
    module = importlib.util.module_from_spec(spec)
    assert spec.loader is not None
    sys.modules[spec.name] = module  # dataclasses look their module up there
    spec.loader.exec_module(module)
    return module


GEN = _generator()


def test_the_reference_is_what_the_schemas_say():
    text, _ = GEN.render(GEN.load_schemas(SCHEMAS))
    current = REFERENCE.read_text(encoding="utf-8")
    assert current == text, "docs/reference.md is not what docs/schemas/ say: run scripts/gen-reference.py"


def test_every_schema_and_member_is_in_the_reference():
    """Each schema file is named, and each member of each schema's properties has a row."""
    text = REFERENCE.read_text(encoding="utf-8")
    rows = set(re.findall(r"^\| `([^`]+)` \|", text, re.M))
    for path in sorted(SCHEMAS.glob("*.schema.json")):
        assert f"docs/schemas/{path.name}" in text, path.name
        schema = json.loads(path.read_text(encoding="utf-8"))
        for member in schema.get("properties", {}):
            assert member in rows, f"{path.name}: {member} has no row"
    # Every row says what the member is, and of what type.
    for line in text.splitlines():
        if line.startswith("| `") and not line.startswith("| `$"):
            cells = [c.strip() for c in re.split(r"(?<!\\)\|", line)[1:-1]]
            if len(cells) == 6:
                assert cells[1] and cells[5], f"a row without a type or a meaning: {line}"


def _source_warning_codes() -> Set[str]:
    """The codes the plan's warnings are made with: every warning goes through warning_of() in
    src/make_plan.cpp (make sure a new way of making one is caught here too)."""
    codes: Set[str] = set()
    made_elsewhere = []
    for path in sorted((ROOT / "src").rglob("*.[ch]pp")):
        text = path.read_text(encoding="utf-8")
        codes |= set(re.findall(r'warning_of\(\s*"([a-z_]+)"', text))
        made_elsewhere += [f"{path.name}: {m}" for m in re.findall(r'\.code\s*=\s*"[^"]*"', text)]
    assert not made_elsewhere, f"warnings made without warning_of(): {made_elsewhere}"
    return codes


def _documented_warning_codes() -> Set[str]:
    text = REFERENCE.read_text(encoding="utf-8")
    section = text.split("### `warnings[].code` of the plan", 1)[1].split("\n## ", 1)[0]
    return set(re.findall(r"^\| `([a-z_]+)` \|", section, re.M))


def test_the_documented_warning_codes_are_the_ones_the_source_emits():
    source = _source_warning_codes()
    documented = _documented_warning_codes()
    plan = json.loads((SCHEMAS / "plan.schema.json").read_text(encoding="utf-8"))
    in_schema = {alternative["const"] for alternative in plan["$defs"]["warning"]["properties"]["code"]["oneOf"]}
    assert len(source) >= 5, source
    assert documented == source, f"documented but not emitted: {documented - source}; emitted but not documented: {source - documented}"
    assert in_schema == source
    for alternative in plan["$defs"]["warning"]["properties"]["code"]["oneOf"]:
        assert "What to do:" in alternative.get("description", ""), alternative["const"]


def test_every_documented_code_is_written_by_the_source():
    """Each value of every table of codes (warnings, closed slots, unmatched reasons, ...) is a
    string the library's source spells, so the reference documents no code it cannot emit."""
    text = REFERENCE.read_text(encoding="utf-8")
    source = "\n".join(p.read_text(encoding="utf-8") for p in sorted((ROOT / "src").rglob("*.[ch]pp")))
    section = text.split("\n## Codes\n", 1)[1].split("\n## ", 1)[0]
    codes = re.findall(r"^\| `([a-z_]+)` \|", section, re.M)
    assert len(codes) >= 5
    missing = [code for code in codes if f'"{code}"' not in source]
    assert not missing, f"documented codes no source file spells: {missing}"


def test_the_check_fails_on_a_changed_schema(tmp_path: Path):
    """The check is not vacuous: a schema whose description changes gives another reference."""
    schemas = GEN.load_schemas(SCHEMAS)
    before, _ = GEN.render(schemas)
    schemas["plan"]["properties"]["learner"]["description"] = "The learner's id, changed."
    after, _ = GEN.render(schemas)
    assert before != after and "The learner's id, changed." in after
