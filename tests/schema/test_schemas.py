"""The JSON Schemas of docs/schemas/ against the library (README.md, "Schemas").

- Each schema is a valid draft 2020-12 schema, named by its $id, every $ref resolving.
- Every document of the repository that the library accepts validates against its schema, and
  so does everything the library writes for it (plans, scorecards, cohort reports, matches), plus
  the plans of request variants the documents lack (each omitted part, no mentor, no program,
  re-plans against a previous plan), a batch's lines (plans and error lines) and, where
  CAREERPATH_REALDATA names them, real curricula published by others.
- The output schemas are closed and complete: a member added to any object of a written document
  is rejected, and so is one removed, unless the writer leaves it out at times.
- tests/schema/good/: documents at the edges of what the library accepts, accepted by both.
  tests/schema/bad/: each document is rejected by the schema and by the library, with the status
  and pointer its "$comment" names. tests/schema/library-only/: rejected by the library as named,
  accepted by the schema: the rules only the library checks.
"""

from __future__ import annotations

import copy
import datetime
import json
import os
import re
import subprocess
import sys
from pathlib import Path
from typing import Any, Dict, Iterator, List, Tuple

import pytest
from jsonschema import Draft202012Validator

from schema_support import (DOCUMENT_PLACES, EXAMPLE_CURRICULUM, EXAMPLES, HERE, INPUTS, OUTPUTS, ROOT, STORE, TALLY, URN,
                            WORK, Document, paths, batch_files, documents, export_documents, library, load, parse,
                            run_cli, schema_errors, schema_files, validator)

WORK.mkdir(parents=True, exist_ok=True)


# --- The schemas themselves. ---------------------------------------------------------------------

def test_the_schemas_are_the_documents_and_common():
    names = {p.name for p in schema_files()}
    assert names == {f"{kind}.schema.json" for kind in list(INPUTS) + list(OUTPUTS)} | {"common.schema.json"}


def test_every_output_carries_schema_version():
    """Every closed schema (a document the library writes) requires schema_version, the one of
    common.schema.json, whose value is careerpath.h's CAREERPATH_SCHEMA_VERSION."""
    header = (ROOT / "capi" / "careerpath.h").read_text(encoding="utf-8")
    version = re.search(r'#\s*define\s+CAREERPATH_SCHEMA_VERSION\s+"([^"]+)"', header)
    assert version and STORE[URN + "common"]["$defs"]["schema_version"]["const"] == version.group(1)
    closed = [p for p in schema_files() if json.loads(p.read_text(encoding="utf-8")).get("additionalProperties") is False]
    assert {p.name[: -len(".schema.json")] for p in closed} == set(OUTPUTS)
    for path in closed:
        schema = json.loads(path.read_text(encoding="utf-8"))
        assert "schema_version" in schema["required"], path.name
        assert schema["properties"]["schema_version"] == {"$ref": URN + "common#/$defs/schema_version"}, path.name


def _refs(node: Any) -> Iterator[str]:
    if isinstance(node, dict):
        for key, value in node.items():
            if key == "$ref" and isinstance(value, str):
                yield value
            else:
                yield from _refs(value)
    elif isinstance(node, list):
        for value in node:
            yield from _refs(value)


@pytest.mark.parametrize("path", schema_files(), ids=lambda p: p.name)
def test_schema_is_valid(path: Path):
    schema = json.loads(path.read_text(encoding="utf-8"))
    Draft202012Validator.check_schema(schema)
    assert schema["$schema"] == "https://json-schema.org/draft/2020-12/schema"
    assert schema["$id"] == URN + path.name[: -len(".schema.json")]
    assert schema["title"] and schema["description"]
    resolver = validator(schema["$id"][len(URN):]).resolver
    for ref in _refs(schema):
        # Absolute references only: relative ones resolve differently in some validators when
        # the base is a URN (README.md, "Schemas").
        assert ref.startswith(URN), f"{path.name}: $ref {ref} is not absolute"
        resolver.resolve(ref)


def _described(node: Any) -> bool:
    if "description" in node:
        return True
    if "$ref" in node:
        base, _, fragment = node["$ref"].partition("#")
        target = STORE[base]
        for part in fragment.strip("/").split("/"):
            target = target[part]
        return _described(target)
    return False


def _undescribed(node: Any, path: str, outer: Dict[str, Any]) -> Iterator[str]:
    """Members whose schema has no description. Exempt: the conditions of if/then/else and not,
    a branch's restatement of a member its object already describes (`outer`), and the $defs that
    say what a reader of plan documents needs (read_*), which are described as a whole."""
    if isinstance(node, list):
        for i, value in enumerate(node):
            yield from _undescribed(value, f"{path}/{i}", outer)
        return
    if not isinstance(node, dict):
        return
    properties = node.get("properties", {})
    for key, value in properties.items():
        if not _described(value) and not (key in outer and _described(outer[key])):
            yield f"{path}/properties/{key}"
    for key, value in node.items():
        if key in ("if", "then", "else", "not") or path.endswith("/$defs") and key.startswith("read_"):
            continue
        inner = {**outer, **properties} if key in ("oneOf", "anyOf", "allOf") else {}
        yield from _undescribed(value, f"{path}/{key}", inner)


@pytest.mark.parametrize("path", schema_files(), ids=lambda p: p.name)
def test_every_member_is_described(path: Path):
    """One file tells a vendor the whole shape: each member says what it is."""
    missing = list(_undescribed(json.loads(path.read_text(encoding="utf-8")), "", {}))
    assert not missing, f"{path.name}: members without a description: {missing}"


def test_every_repository_document_is_checked():
    listed = {d.path for d in documents()} | {p for _, _, p in export_documents()} | set(batch_files())
    unlisted = [str(p.relative_to(ROOT)) for p in paths(DOCUMENT_PLACES) if p not in listed]
    assert not unlisted, f"documents no schema test reads (add them to MANIFEST in schema_support.py): {unlisted}"


def test_the_date_pattern_is_the_calendar():
    """Every YYYY-MM-DD the pattern accepts is a day from 1400-01-01 to 9999-12-31, and every such
    day is accepted: all years on the days that decide leap years, every day of a few years."""
    date = validator("common", "date")

    def exists(y: int, m: int, d: int) -> bool:
        try:
            return 1400 <= datetime.date(y, m, d).year <= 9999
        except ValueError:
            return False

    cases = [(y, 2, d) for y in range(1390, 10000) for d in (28, 29, 30)]
    cases += [(y, m, d) for y in (1400, 1900, 2000, 2027, 2028, 2100, 9999) for m in range(0, 14) for d in range(0, 33)]
    wrong = [f"{y:04d}-{m:02d}-{d:02d}" for y, m, d in cases
             if date.is_valid(f"{y:04d}-{m:02d}-{d:02d}") != (1 <= m <= 12 and d >= 1 and exists(y, m, d))]
    assert not wrong, wrong[:20]
    for text in ("2027-1-01", "2027-01-01T00:00", "2027-01-01\n", " 2027-01-01", "10000-01-01", "0999-12-31"):
        assert not date.is_valid(text), text


def test_date_times_take_what_the_library_takes():
    date_time = validator("common", "date_time")
    for good in ("2027-01-05T16:00:00+01:00", "2027-01-05T16:00Z", "2027-01-05 16:00-05:30", "2028-02-29T23:59:59Z"):
        assert date_time.is_valid(good), good
    for bad in ("2027-01-05 16:00", "2027-01-05T16:00:00", "2027-01-05T24:00Z", "2027-02-29T10:00Z",
                "2027-01-05T16:00:00+0100", "2027-01-05T16:00:00+01:00\n", "2027-01-05T16:00:60Z"):
        assert not date_time.is_valid(bad), bad


# --- Outputs. ------------------------------------------------------------------------------------

# Plans as every reader of plan documents reads them (plan.schema.json, $defs/read_for_*): what
# the library writes must satisfy each, or it could not read its own plans back.
def check_plan(plan: Any, where: str) -> None:
    errors = schema_errors("plan", plan)
    assert not errors, f"{where}: the plan does not validate: {errors}"
    readers = ["read_for_replan", "read_for_progress", "read_for_gantt"] + (["read_for_ical"] if "sessions" in plan else [])
    for reader in readers:
        errors = schema_errors("plan", plan, reader)
        assert not errors, f"{where}: the plan is not what {reader} reads: {errors}"
    TALLY.count("plan")


def check_output(schema: str, document: Any, where: str) -> None:
    if schema == "plan":
        check_plan(document, where)
        return
    errors = schema_errors(schema, document)
    assert not errors, f"{where}: the {schema} does not validate: {errors}"
    TALLY.count(schema)
    if schema == "cohort-plan":  # each learner's plan, as every reader of plans reads it
        for i, plan in enumerate(document["plans"]):
            check_plan(plan, f"{where}, plan {i}")


# --- Every document of the repository. ---------------------------------------------------------

@pytest.mark.parametrize("document", documents(), ids=lambda d: f"{d.kind}:{d.name}")
def test_document(document: Document):
    answer = library(document.kind, document.path, document.curriculum)
    if not answer.accepted:
        TALLY.rejected[document.kind] += 1
        return
    errors = schema_errors(document.kind, load(document.path))
    assert not errors, f"{document.name}: the library accepts it, the schema does not: {errors}"
    TALLY.count(document.kind)
    output = INPUTS[document.kind][1]
    if output:
        check_output(output, answer.json(), f"{INPUTS[document.kind][0]} {document.name}")


@pytest.fixture(scope="module")
def example_curriculum():
    careerpath = pytest.importorskip("careerpath")
    with careerpath.Curriculum.load(str(EXAMPLE_CURRICULUM)) as curriculum:
        yield curriculum


@pytest.mark.parametrize("export,definition,path", export_documents(), ids=lambda v: str(v.name) if isinstance(v, Path) else str(v))
def test_export_document(example_curriculum, export: str, definition: str, path: Path):
    import careerpath
    try:
        example_curriculum.export(export, path.read_bytes())
    except careerpath.Error:
        TALLY.rejected[f"plan ({export} export)"] += 1
        return
    errors = schema_errors("plan", load(path), definition)
    assert not errors, f"{path.name}: the {export} export accepts it, plan.schema.json#/$defs/{definition} does not: {errors}"
    TALLY.count(f"plan#/$defs/{definition}")


def check_batch(requests: Path) -> None:
    result = run_cli("batch", EXAMPLE_CURRICULUM, requests, "--no-progress", "--threads", "1", expect_exit=(0, 1))
    lines = result.stdout.decode("utf-8").splitlines()
    inputs = requests.read_bytes().split(b"\n")
    if inputs and inputs[-1] == b"":
        inputs.pop()
    assert len(lines) == len(inputs), (len(lines), len(inputs))
    for number, (line, request) in enumerate(zip(lines, inputs), start=1):
        answer = parse(line.encode("utf-8"))
        where = f"{requests.name} line {number}"
        if "error" in answer:
            check_output("batch-error", answer, where)
            assert answer["error"]["line"] == number
            TALLY.rejected["plan-request (batch line)"] += 1
            continue
        check_plan(answer, where)
        errors = schema_errors("plan-request", parse(request))
        assert not errors, f"{where}: the library plans it, the schema does not: {errors}"
        TALLY.count("plan-request")


@pytest.mark.parametrize("requests", batch_files(), ids=lambda p: p.name)
def test_batch(requests: Path):
    check_batch(requests)


def test_batch_sample():
    """make-batch.py's varied requests, one in ten bad in each of its ways."""
    sample = WORK / "sample.jsonl"
    subprocess.run([sys.executable, ROOT / "scripts" / "make-batch.py", "120", "--bad-every", "10", "-o", sample],
                   check=True, stderr=subprocess.DEVNULL)
    check_batch(sample)


# --- Plans of request variants the repository's documents lack. --------------------------------

def _request(name: str) -> Dict[str, Any]:
    return load(EXAMPLES / name)


def _write(name: str, document: Any) -> Path:
    path = WORK / name
    path.write_text(json.dumps(document, indent=1), encoding="utf-8")
    return path


OMITTABLE = ["gaps", "path.requires", "phases.units", "ready", "sessions", "sessions.agenda", "sessions.why", "warnings"]


def _variants() -> List[Tuple[str, Dict[str, Any]]]:
    alex, maria = _request("alex.request.json"), _request("maria.request.json")
    out = [(f"alex omit {part}", {**alex, "omit": [part]}) for part in OMITTABLE]
    out.append(("alex omit all", {**alex, "omit": OMITTABLE}))
    no_mentor = copy.deepcopy(alex)
    del no_mentor["mentor"]
    out.append(("alex without a mentor", no_mentor))
    no_program = copy.deepcopy(alex)
    del no_program["program"]
    out.append(("alex without a program", no_program))
    out.append(("alex as of", {**alex, "as_of": "2027-01-03 09:00-05:00"}))
    out.append(("maria phases guide", {**maria, "phases": "guide"}))
    out.append(("maria 50 hours, target missed", {**maria, "learner": {**maria["learner"], "hours_per_week": 50},
                                                   "target_date": "2027-06-30"}))
    out.append(("alex no session slots", {**alex, "learner": {**alex["learner"], "session_slots": []}}))
    return out


@pytest.mark.parametrize("name,request_document", _variants(), ids=lambda v: v if isinstance(v, str) else "")
def test_plan_variant(name: str, request_document: Dict[str, Any]):
    path = _write(re.sub(r"\W+", "_", name) + ".json", request_document)
    answer = library("plan-request", path, EXAMPLE_CURRICULUM)
    assert answer.accepted, answer.stderr
    assert not schema_errors("plan-request", request_document)
    TALLY.count("plan-request")
    check_plan(answer.json(), name)


def _replans() -> List[Tuple[str, List[str], List[str]]]:
    # (name, the previous plan's omit, the re-plan's omit)
    return [("alex re-plan", [], []), ("alex re-plan, previous without sessions", ["sessions"], []),
            ("alex re-plan, previous without reasons or agendas", ["sessions.why", "sessions.agenda"], []),
            ("alex re-plan without sessions", [], ["sessions"])]


@pytest.mark.parametrize("name,previous_omit,omit", _replans(), ids=lambda v: v if isinstance(v, str) else "")
def test_replan(name: str, previous_omit: List[str], omit: List[str]):
    stem = re.sub(r"\W+", "_", name)
    first = _write(stem + ".first.json", {**_request("alex.request.json"), "omit": previous_omit})
    previous = library("plan-request", first, EXAMPLE_CURRICULUM)
    assert previous.accepted, previous.stderr
    previous_path = WORK / (stem + ".previous.json")
    previous_path.write_bytes(previous.stdout)
    replan_request = {**_request("alex.replan.request.json"), "omit": omit}
    replan_path = _write(stem + ".json", replan_request)
    answer = library("plan-request", replan_path, EXAMPLE_CURRICULUM, previous=previous_path)
    assert answer.accepted, answer.stderr
    plan = answer.json()
    assert "changes" in plan and "progress_vs_plan" in plan
    if not previous_omit and not omit:
        assert any(s.get("history") for s in plan["sessions"]) and plan["changes"]["sessions"]
    # The request as the library read it: the previous plan inline.
    assert not schema_errors("plan-request", {**replan_request, "previous": previous.json()})
    TALLY.count("plan-request")
    check_plan(plan, name)


def test_a_previous_plan_is_read_with_or_without_schema_version():
    """README.md, "Document versions": a plan given back carries the schema_version it was written
    with, or none (written before plans had one); the re-plan is the same either way, and so is a
    scorecard measured against it."""
    first = library("plan-request", EXAMPLES / "alex.request.json", EXAMPLE_CURRICULUM)
    assert first.accepted, first.stderr
    plan = first.json()
    assert plan["schema_version"] == STORE[URN + "common"]["$defs"]["schema_version"]["const"]
    answers = []
    for name, previous in (("with", plan), ("without", {k: v for k, v in plan.items() if k != "schema_version"}),
                           ("other", {**plan, "schema_version": "0.9"})):
        path = _write(f"previous_{name}_version.json", previous)
        replan = library("plan-request", EXAMPLES / "alex.replan.request.json", EXAMPLE_CURRICULUM, previous=path)
        assert replan.accepted, f"{name}: {replan.stderr}"
        score = _write(f"score_{name}_version.json", {**_request("alex.score.json"), "plan": previous})
        scored = library("score-request", score, EXAMPLE_CURRICULUM)
        assert scored.accepted, f"{name}: {scored.stderr}"
        answers.append((replan.stdout, scored.stdout))
    assert answers[0] == answers[1] == answers[2]


# --- Imports: CASE packages and O*NET tables as curricula (docs/importing.md). -----------------

IMPORTS = ROOT / "tests" / "import"


def _imports() -> List[Tuple[str, Path, List[str]]]:
    """The repository's own test inputs with and without options, and, where CAREERPATH_REALDATA
    names the directory of real data, the CASE packages and the O*NET Skills table there."""
    out = [("case", IMPORTS / "case_fractions.json", []), ("case", IMPORTS / "case_fractions.json", ["--hours", "8"]),
           ("onet", IMPORTS / "onet_excerpt.txt", []), ("onet", IMPORTS / "onet_excerpt.txt", ["--importance", "4"])]
    directory = os.environ.get("CAREERPATH_REALDATA", "")
    if directory and Path(directory).is_dir():
        out += [("case", p, []) for p in sorted(Path(directory).glob("case_*/raw/*.json"))]
        out += [("onet", p, []) for p in sorted(Path(directory).glob("onet_*/raw/Skills.txt"))]
    return out


@pytest.mark.parametrize("format,path,options", _imports(), ids=lambda v: v.name if isinstance(v, Path) else " ".join(v) if isinstance(v, list) else v)
def test_import(format: str, path: Path, options: List[str]):
    """What an import writes validates against import-result.schema.json, and is a curriculum
    that the library and curriculum.schema.json accept."""
    written = WORK / f"import.{format}.{path.stem}.{'_'.join(options) or 'default'}.json"
    run_cli("import", format, path, "-o", written, *options, expect_exit=(0,))
    document = load(written)
    check_output("import-result", document, f"import {format} {path.name}")
    answer = library("curriculum", written)
    assert answer.accepted, f"{path.name}: careerpath validate rejects the import: {answer.stderr}"
    assert not schema_errors("curriculum", document)
    TALLY.count("curriculum (import)")


def test_import_cycle_is_rejected():
    result = run_cli("import", "case", IMPORTS / "case_cycle.json", expect_exit=(1,))
    assert b"CAREERPATH_ERR_CYCLE" in result.stderr
    TALLY.rejected["case package (import)"] += 1


# --- The output schemas are closed and complete. -------------------------------------------------

# Members a writer leaves out at times: the rest must be in every object that has them.
SOMETIMES_ABSENT = {
    "plan": {"changes", "cost", "gaps", "progress_vs_plan", "ready", "sessions", "warnings", "hours_done", "requires",
             "units", "agenda", "history", "metrics", "milestones", "why", "why_more", "working_ahead", "days"},
    "scorecard": {"pooled"},
    "cohort-report": {"economics", "organization", "team"},
    "match-result": {"dispersion_ratio", "group_size", "groups", "group", "mentees"},
    "batch-error": set(),
    "curriculum-description": set(),
    "import-result": {"description", "weights", "importance", "importance_default"},
}
# A cohort's plans are plans; its mentors' sessions are history only in a re-plan.
SOMETIMES_ABSENT["cohort-plan"] = SOMETIMES_ABSENT["plan"] | {"history"}


# Objects whose keys are data (skill ids), not members: they are checked for an added member only.
MAPS = {"match-result": {"/candidates/*/pairs/*/covers"}, "curriculum-description": {"/roles/*/requires"},
        "import-result": {"/roles/*/requires", "/roles/*/weights"}}


def _objects(node: Any, pointer: str = "", shape: str = "") -> Iterator[Tuple[str, str, dict]]:
    """(pointer, shape, object) for every object; the shape is the pointer with indices as *."""
    if isinstance(node, dict):
        yield pointer, shape, node
        for key, value in node.items():
            yield from _objects(value, f"{pointer}/{key}", f"{shape}/{key}")
    elif isinstance(node, list):
        for i, value in enumerate(node):
            yield from _objects(value, f"{pointer}/{i}", f"{shape}/*")


def _samples() -> List[Tuple[str, str, List[str]]]:
    e, c = EXAMPLES, EXAMPLE_CURRICULUM
    return [
        ("plan", "Alex's re-plan", []),
        ("plan", "Maria's plan", ["plan", "--format", "json", c, e / "maria.request.json"]),
        ("scorecard", "Alex's scorecard", ["score", "--format", "json", c, e / "alex.score.json"]),
        ("scorecard", "Maria's scorecard", ["score", "--format", "json", c, e / "maria.score.json"]),
        ("cohort-report", "the example cohort", ["cohort", "--format", "json", c, e / "cohort.json"]),
        ("cohort-report", "a cohort without economics", ["cohort", "--format", "json", c, ROOT / "tests/cli/cohort.request.json"]),
        ("match-result", "the example match", ["match", "--format", "json", c, e / "match.json"]),
        ("match-result", "the example group match", ["match", "--format", "json", c, e / "group-match.json"]),
        ("batch-error", "a batch error line", ["batch", c, ROOT / "tests/cli/batch_mixed.jsonl", "--no-progress"]),
        ("curriculum-description", "the example curriculum", ["describe", "--format", "json", c]),
        ("import-result", "the CASE test package", ["import", "case", IMPORTS / "case_fractions.json"]),
        ("import-result", "the O*NET excerpt", ["import", "onet", IMPORTS / "onet_excerpt.txt"]),
        ("cohort-plan", "the example group cohort", ["cohort-plan", "--format", "json", c, e / "group-cohort-plan.json"]),
    ]


def _sample_document(name: str, args: List[str]) -> Any:
    if name == "Alex's re-plan":
        first = run_cli("plan", "--format", "json", EXAMPLE_CURRICULUM, EXAMPLES / "alex.request.json", expect_exit=(0,))
        previous = WORK / "closed.previous.json"
        previous.write_bytes(first.stdout)
        result = run_cli("plan", "--format", "json", EXAMPLE_CURRICULUM, EXAMPLES / "alex.replan.request.json",
                         "--previous", previous, expect_exit=(0,))
        return parse(result.stdout)
    result = run_cli(*args, expect_exit=(0, 1))
    if args[0] == "batch":
        return next(d for d in map(lambda l: parse(l.encode()), result.stdout.decode().splitlines()) if "error" in d)
    return parse(result.stdout)


@pytest.mark.parametrize("schema,name,args", _samples(), ids=lambda v: v if isinstance(v, str) else "")
def test_output_schema_is_closed_and_complete(schema: str, name: str, args: List[str]):
    document = _sample_document(name, args)
    assert not schema_errors(schema, document)
    seen = set()
    loose, incomplete = [], []
    for pointer, shape, obj in list(_objects(document)):
        if shape in seen:
            continue
        seen.add(shape)
        obj["zz_not_written"] = {"unexpected": True}
        if validator(schema).is_valid(document):
            loose.append(pointer or "(root)")
        del obj["zz_not_written"]
        for key in [] if shape in MAPS.get(schema, ()) else list(obj):
            if key in SOMETIMES_ABSENT[schema]:
                continue
            value = obj.pop(key)
            if validator(schema).is_valid(document):
                incomplete.append(f"{pointer}/{key}")
            obj[key] = value  # the key order does not matter to a schema
    assert not loose, f"{name}: objects that take a member the library never writes: {loose}"
    assert not incomplete, f"{name}: members the library always writes that the schema does not require: {incomplete}"


# --- Documents at the edges of what the library accepts. ---------------------------------------

@pytest.mark.parametrize("path", sorted((HERE / "good").glob("*.json")), ids=lambda p: p.name)
def test_good_document(path: Path):
    """tests/schema/good/: accepted by the library and by the schema (unknown members, null where
    it means absence, members the library does not read, levels by index, every date-time form, a
    byte order mark, a key given twice), and what the library writes for it validates."""
    kind = path.name.split(".")[0]
    answer = library(kind, path, None if kind == "curriculum" else EXAMPLE_CURRICULUM)
    assert answer.accepted, f"{path.name}: the library rejects it: {answer.stderr}"
    errors = schema_errors(kind, load(path))
    assert not errors, f"{path.name}: the library accepts it, the schema does not: {errors}"
    TALLY.count(kind)
    output = INPUTS[kind][1]
    if output:
        check_output(output, answer.json(), f"{INPUTS[kind][0]} {path.name}")


# --- The corpus of bad documents. ----------------------------------------------------------------

NOTE = re.compile(r"\((ERR_[A-Z]+) at ([^)\s]*)\)$")


def _corpus(directory: str) -> List[Path]:
    return sorted((HERE / directory).glob("*.json"))


def _check_corpus_document(path: Path, schema_should_reject: bool) -> None:
    kind = path.name.split(".")[0]
    assert kind in INPUTS, f"{path.name}: the name starts with the kind of document ({', '.join(INPUTS)})"
    document = load(path)
    note = document.get("$comment", "") if isinstance(document, dict) else ""
    expected = NOTE.search(note)
    assert expected, f"{path.name}: \"$comment\" names the rule and ends with (ERR_... at POINTER)"
    answer = library(kind, path, None if kind == "curriculum" else EXAMPLE_CURRICULUM)
    errors = schema_errors(kind, document)
    TALLY.corpus.append((f"{path.parent.name}/{path.name}", note[: expected.start()].strip(), bool(errors),
                         "accepts" if answer.accepted else f"{answer.status[len('CAREERPATH_'):]} at {answer.pointer}"))
    assert not answer.accepted, f"{path.name}: the library accepts it"
    assert (answer.status, answer.pointer) == (f"CAREERPATH_{expected.group(1)}", expected.group(2)), \
        f"{path.name}: the library says {answer.status} at {answer.pointer!r}: {answer.stderr}"
    if schema_should_reject:
        assert errors, f"{path.name}: the schema accepts it"
    else:
        assert not errors, f"{path.name}: the schema rejects it, so it belongs in tests/schema/bad/: {errors}"


@pytest.mark.parametrize("path", _corpus("bad"), ids=lambda p: p.name)
def test_bad_document(path: Path):
    """Rejected by both: the schema says what the library says."""
    _check_corpus_document(path, schema_should_reject=True)


@pytest.mark.parametrize("path", _corpus("library-only"), ids=lambda p: p.name)
def test_library_only_rule(path: Path):
    """Rejected by the library alone: a rule README.md lists as one only the library checks."""
    _check_corpus_document(path, schema_should_reject=False)


# --- Real curricula published by others (not part of the repository). ---------------------------

def _realdata() -> List[Path]:
    directory = os.environ.get("CAREERPATH_REALDATA", "")
    if not directory or not Path(directory).is_dir():
        return []
    return sorted(Path(directory).glob("*/curriculum*.json"))


@pytest.mark.skipif(not _realdata(), reason="CAREERPATH_REALDATA names no directory of real curricula (DIR/*/curriculum*.json)")
@pytest.mark.parametrize("path", _realdata() or [None], ids=lambda p: f"{p.parent.name}/{p.name}" if p else "none")
def test_real_curriculum(path: Path):
    answer = library("curriculum", path)
    where = f"{path.parent.name}/{path.name}"
    if not answer.accepted:
        TALLY.rejected["curriculum (real data)"] += 1
        errors = schema_errors("curriculum", load(path))
        TALLY.notes.append(f"real data {where}: the library rejects it ({answer.status} at {answer.pointer or '(root)'}); "
                           f"the schema {'rejects it too' if errors else 'accepts it'}")
        return
    errors = schema_errors("curriculum", load(path))
    assert not errors, f"{where}: the library accepts it, the schema does not: {errors}"
    TALLY.count("curriculum (real data)")
    check_output("curriculum-description", answer.json(), f"describe {where}")
