"""What the schema tests share: the schemas under docs/schemas/, the library behind the command
line (and, for the plan exports, the Python binding), the repository's documents by kind, and the
tally that the run prints at its end (README.md, "Schemas").

The environment (tests/CMakeLists.txt sets it): CAREERPATH_SOURCE, the repository;
CAREERPATH_CLI, the built careerpath program; CAREERPATH_SCHEMA_WORK, a scratch directory;
CAREERPATH_LIBRARY and PYTHONPATH for the binding; CAREERPATH_REALDATA, where set, a directory of
real curricula (DIR/*/curriculum*.json) published by others and kept outside the repository.
"""

from __future__ import annotations

import collections
import json
import os
import re
import subprocess
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, Dict, List, Optional, Sequence

from jsonschema import Draft202012Validator, RefResolver

ROOT = Path(os.environ.get("CAREERPATH_SOURCE", Path(__file__).resolve().parents[2]))
SCHEMA_DIR = ROOT / "docs" / "schemas"
CLI = os.environ.get("CAREERPATH_CLI", str(ROOT / "build" / "careerpath"))
WORK = Path(os.environ.get("CAREERPATH_SCHEMA_WORK", ROOT / "build" / "tests" / "schema"))
EXAMPLES = ROOT / "examples" / "data"
EXAMPLE_CURRICULUM = EXAMPLES / "engineering-growth.json"
FAULT_CURRICULUM = ROOT / "tests" / "fault" / "data" / "curriculum.json"
HERE = Path(__file__).resolve().parent

URN = "urn:careerpath:schema:"

# The documents in and out, by the schema that describes them, and what the command line does
# with each input: its command and the schema of what it writes (a curriculum is read by
# describe, which loads it as validate does and writes its description).
INPUTS = {
    "curriculum": ("describe", "curriculum-description"),
    "plan-request": ("plan", "plan"),
    "score-request": ("score", "scorecard"),
    "cohort-request": ("cohort", "cohort-report"),
    "match-request": ("match", "match-result"),
    "cohort-plan-request": ("cohort-plan", "cohort-plan"),
}
OUTPUTS = ("plan", "scorecard", "cohort-report", "match-result", "batch-error", "curriculum-description",
           "import-result", "cohort-plan")


# --- The schemas. -------------------------------------------------------------------------------

def schema_files() -> List[Path]:
    return sorted(SCHEMA_DIR.glob("*.schema.json"))


def _load_store() -> Dict[str, Any]:
    store = {}
    for path in schema_files():
        schema = json.loads(path.read_text(encoding="utf-8"))
        store[schema["$id"]] = schema
    return store


STORE = _load_store()
_validators: Dict[str, Draft202012Validator] = {}


def validator(name: str, definition: Optional[str] = None) -> Draft202012Validator:
    """The validator of schema `name` (curriculum, plan, ...), or of one of its $defs."""
    key = name if definition is None else f"{name}#/$defs/{definition}"
    if key not in _validators:
        schema = STORE[URN + name] if definition is None else {"$ref": URN + key}
        _validators[key] = Draft202012Validator(schema, resolver=RefResolver(URN + name, STORE[URN + name], store=STORE))
    return _validators[key]


def schema_errors(name: str, document: Any, definition: Optional[str] = None) -> List[str]:
    """Each violation as "JSON Pointer: message", the first ten."""
    out = []
    for error in validator(name, definition).iter_errors(document):
        pointer = "".join("/" + str(p).replace("~", "~0").replace("/", "~1") for p in error.absolute_path)
        out.append(f"{pointer or '(root)'}: {error.message[:300]}")
        if len(out) == 10:
            break
    return out


# --- Documents. ----------------------------------------------------------------------------------

def _no_constants(name: str) -> Any:
    raise ValueError(f"{name} is not JSON")


def parse(text: bytes) -> Any:
    """A document as the library reads it: UTF-8 with an optional byte order mark, strict JSON."""
    return json.loads(text.decode("utf-8-sig"), parse_constant=_no_constants)


def load(path: Path) -> Any:
    return parse(path.read_bytes())


@dataclass(frozen=True)
class Document:
    kind: str                      # the schema of the input: curriculum, plan-request, ...
    path: Path
    curriculum: Optional[Path] = None  # what a request is read against

    @property
    def name(self) -> str:
        return str(self.path.relative_to(ROOT))


def paths(patterns: Sequence[str]) -> List[Path]:
    out: List[Path] = []
    for pattern in patterns:
        found = sorted(p for p in ROOT.glob(pattern) if p.is_file())
        assert found, f"no file matches {pattern}"
        out.extend(found)
    return out


# Every document of the repository that a reader of the library takes, by kind. Fuzz seeds are
# read by the fuzz targets against the example curriculum (tests/fuzz/CMakeLists.txt); the
# allocation-failure sweep's documents against its own (tests/fault/alloc_sweep.cpp).
MANIFEST = [
    ("curriculum", None, ["examples/data/engineering-growth.json", "tests/cli/cycle3.json",
                          "tests/cli/unknown_prerequisite.json", "tests/cli/malformed.json",
                          "tests/unit/control_characters.json", "tests/fault/data/curriculum.json",
                          "tests/fuzz/corpus/curriculum_load/*"]),
    ("plan-request", EXAMPLE_CURRICULUM, ["examples/data/*.request.json", "tests/cli/bad_date.request.json",
                                          "tests/fuzz/corpus/plan/*"]),
    ("plan-request", FAULT_CURRICULUM, ["tests/fault/data/plan.json"]),
    ("score-request", EXAMPLE_CURRICULUM, ["examples/data/*.score.json", "tests/cli/score.request.json",
                                           "tests/cli/unknown_skill.score.json", "tests/fuzz/corpus/score/*"]),
    ("score-request", FAULT_CURRICULUM, ["tests/fault/data/score.json"]),
    ("cohort-request", EXAMPLE_CURRICULUM, ["examples/data/cohort.json", "tests/cli/cohort.request.json",
                                            "tests/cli/late_assessment.cohort.json", "tests/fuzz/corpus/cohort/*"]),
    ("cohort-request", FAULT_CURRICULUM, ["tests/fault/data/cohort.json"]),
    ("match-request", EXAMPLE_CURRICULUM, ["examples/data/match.json", "examples/data/group-match.json",
                                           "tests/cli/unknown_exclude.match.json", "tests/fuzz/corpus/match/*"]),
    ("match-request", FAULT_CURRICULUM, ["tests/fault/data/match.json", "tests/fault/data/group-match.json"]),
    ("cohort-plan-request", EXAMPLE_CURRICULUM, ["examples/data/group-cohort-plan.json", "tests/cli/cohort_plan.request.json",
                                                 "tests/fuzz/corpus/cohort_plan/*"]),
    ("cohort-plan-request", FAULT_CURRICULUM, ["tests/fault/data/cohort-plan.json"]),
]
# Plan documents given to the exports, by the definition of plan.schema.json that says what
# each export reads.
EXPORT_MANIFEST = [
    ("mermaid-gantt", "read_for_gantt", ["tests/fuzz/corpus/export_gantt/*"]),
    ("ical", "read_for_ical", ["tests/fuzz/corpus/export_ical/*"]),
]
# JSON Lines of plan requests, one request a line.
BATCH_FILES = ["tests/cli/batch_*.jsonl"]
# Where the repository keeps documents; every file there must be in a manifest above.
DOCUMENT_PLACES = ["examples/data/*", "tests/cli/*.json", "tests/cli/*.jsonl", "tests/fault/data/*",
                   "tests/unit/*.json"] + [f"tests/fuzz/corpus/{target}/*" for target in
                                           ("cohort", "cohort_plan", "curriculum_load", "export_gantt", "export_ical",
                                            "match", "plan", "score")]


def documents() -> List[Document]:
    return [Document(kind, path, curriculum) for kind, curriculum, patterns in MANIFEST for path in paths(patterns)]


def export_documents() -> List[tuple]:
    return [(export, definition, path) for export, definition, patterns in EXPORT_MANIFEST for path in paths(patterns)]


def batch_files() -> List[Path]:
    return paths(BATCH_FILES)


# --- The library, through the command line. -----------------------------------------------------

@dataclass
class Answer:
    accepted: bool
    stdout: bytes
    stderr: str
    status: str = ""   # CAREERPATH_ERR_... where rejected
    pointer: str = ""

    def json(self) -> Any:
        return parse(self.stdout)


def run_cli(*args: Any, expect_exit: Optional[Sequence[int]] = None) -> subprocess.CompletedProcess:
    result = subprocess.run([CLI, *map(str, args)], stdout=subprocess.PIPE, stderr=subprocess.PIPE, timeout=300)
    if expect_exit is not None:
        assert result.returncode in expect_exit, (args, result.returncode, result.stderr.decode(errors="replace"))
    return result


def library(kind: str, path: Path, curriculum: Optional[Path] = None, previous: Optional[Path] = None) -> Answer:
    """Reads document `path` of `kind` with the library (the command line, with --format json):
    accepted (exit 0, and what it writes) or rejected (exit 1, with the status and the pointer it
    names)."""
    command, _ = INPUTS[kind]
    args: List[Any] = [command, "--format", "json"]
    if kind != "curriculum":
        args += [curriculum, path]
        if previous is not None:
            args += ["--previous", previous]
    else:
        args.append(path)
    result = run_cli(*args, expect_exit=(0, 1))
    stderr = result.stderr.decode("utf-8", errors="replace")
    if result.returncode == 0:
        return Answer(True, result.stdout, stderr)
    status = re.search(r"^  status: (\S+)$", stderr, re.M)
    pointer = re.search(r"^  at: (.*)$", stderr, re.M)
    assert status, f"careerpath {command} failed without a status: {stderr}"
    return Answer(False, result.stdout, stderr, status.group(1), pointer.group(1) if pointer else "")


# --- The tally printed at the end of the run. ---------------------------------------------------

@dataclass
class Tally:
    validated: collections.Counter = field(default_factory=collections.Counter)  # by schema
    rejected: collections.Counter = field(default_factory=collections.Counter)   # inputs the library refused, by kind
    corpus: List[tuple] = field(default_factory=list)  # (file, rule, schema rejects, library answer)
    notes: List[str] = field(default_factory=list)

    def count(self, schema: str, n: int = 1) -> None:
        self.validated[schema] += n


TALLY = Tally()
