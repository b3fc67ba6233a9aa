#!/usr/bin/env python3
"""Proves that no document changed value between two builds of the library.

    scripts/compare-builds.py OLD_LIB NEW_LIB [--data DIR ...] [--out DIR] [--exact]
    scripts/compare-builds.py --self-test

OLD_LIB and NEW_LIB are two builds of libcareerpath.so (the C ABI, capi/careerpath.h). Every
document the repository holds, and every curriculum and request under each --data DIR, goes
through both libraries, each in a subprocess of its own (ctypes straight on the C ABI), and the
answers are compared (docs/benchmarks.md, "Before and after"):

  - JSON answers (plan, score, cohort, match, describe, each line of plan_batch) as parsed values:
    equal numbers are equal whatever their spelling (2 and 2.0), but a number that turns from an
    integer into a float or back is listed as a warning; true is not 1;
  - text exports (dot, mermaid-graph, mermaid-gantt, ical and any other format both libraries
    list) byte for byte;
  - errors by status, message and JSON Pointer.

It prints how many documents and calls it compared and how many differ, and each difference: the
file, the call and the first differing JSON Pointer (for text, the first differing line). Exit
status: 0 if nothing differs, 1 if something does, 2 if a library could not be run.

What runs, against which curriculum:
  - examples/data/engineering-growth.json and every other curriculum (a JSON object with "levels"
    and "skills", or a file of tests/fuzz/corpus/curriculum_load): load, then describe and the
    curriculum exports;
  - every other document of examples/data, tests/cli, tests/unit and tests/fuzz/corpus/*,
    against the example curriculum: plan, score, cohort and match (each document through all
    four, so a request of one kind checks the others' errors too) and the plan exports (a plan
    document as their input); a file outside the fuzz corpora that is not JSON is loaded too;
  - tests/fuzz/corpus/time_zone: each file that is UTF-8 as the learner's and the mentor's
    time_zone in Alex's request (tests/fuzz/time_zone.cpp reads the same bytes as a POSIX TZ
    string); the others (TZif binaries) are skipped and counted;
  - every plan that succeeds, through every plan export, with the library's own plan as input;
  - plan_batch (2 threads) on tests/cli/*.jsonl, and on one batch per curriculum of its plan
    requests;
  - under each --data DIR (recursively, skipping raw/ folders), each curriculum, its describe and
    exports, every other JSON document beside it as a request of every kind, and, generated, a
    plan request for each of its roles and each of its programs (a fixed learner, start
    2027-01-04), each plan through the exports, and their batch.

--exact also holds JSON answers to the same bytes (a build against itself: the same input gives
the same bytes out). --out DIR keeps each library's answers (DIR/old.jsonl, DIR/new.jsonl) and
writes the two sides of each difference to DIR/differences/.
"""

from __future__ import annotations

import argparse
import ctypes
import json
import os
import pathlib
import subprocess
import sys
import tempfile
from typing import Any, Dict, Iterable, List, Optional, Tuple

ROOT = pathlib.Path(__file__).resolve().parent.parent
EXAMPLE_CURRICULUM = ROOT / "examples/data/engineering-growth.json"
REQUEST_CALLS = ("plan", "score", "cohort", "match")
CURRICULUM_FORMATS = ("dot", "mermaid-graph")  # the exports that take no input
FALLBACK_FORMATS = ("dot", "mermaid-graph", "mermaid-gantt", "ical")

# The learner and mentor of the generated plan requests: fixed, so that both builds plan the same.
GENERATED_LEARNER = {
    "id": "compare", "time_zone": "America/New_York", "hours_per_week": 10,
    "workdays": ["mon", "tue", "wed", "thu", "fri"],
    "session_slots": [{"weekday": "tue", "time": "10:00"}, {"weekday": "thu", "time": "15:30"}],
    "time_off": [{"from": "2027-08-02", "to": "2027-08-13"}],
}
GENERATED_COMMON = {
    "start": "2027-01-04",
    "holidays": ["2027-07-05", {"month": 12, "day": 25}, {"month": 11, "weekday": "thu", "nth": 4}],
    "mentor": {"id": "mentor", "time_zone": "Europe/Berlin",
               "available": [{"weekday": "tue", "from": "09:00", "to": "18:00"},
                             {"weekday": "thu", "from": "09:00", "to": "23:00"}]},
    "as_of": "2027-01-03T09:00:00-05:00",
}


# --- What to run: the manifest, made once and given to both libraries. ------------------------

def parse_json(data: bytes) -> Tuple[bool, Any]:
    try:
        return True, json.loads(data)
    except (ValueError, UnicodeDecodeError):
        return False, None


def is_curriculum(path: pathlib.Path, value: Any, parsed: bool) -> bool:
    if path.parent.name == "curriculum_load":
        return True
    return parsed and isinstance(value, dict) and "levels" in value and "skills" in value


DATA_ROOTS: List[pathlib.Path] = []  # the --data folders, for shorter names


def rel(path: pathlib.Path) -> str:
    """The path from the repository, or from a --data folder's parent (realdata/...)."""
    for base in [ROOT] + [d.parent for d in DATA_ROOTS]:
        try:
            return str(path.relative_to(base))
        except ValueError:
            pass
    return str(path)


class Manifest:
    """Curriculum groups, each with the requests to run against it, as the workers read them:
    {"curriculum": path, "label": shown name, "requests": [{"file", "path", "calls"}], "batches":
    [{"file", "path"}]}. Generated documents are written under `work`."""

    def __init__(self, work: pathlib.Path):
        self.work = work
        self.groups: List[Dict[str, Any]] = []
        self.skipped: List[str] = []
        self.generated = 0

    def group(self, curriculum: pathlib.Path) -> Dict[str, Any]:
        for g in self.groups:
            if g["curriculum"] == str(curriculum):
                return g
        g = {"curriculum": str(curriculum), "label": rel(curriculum), "requests": [], "batches": []}
        self.groups.append(g)
        return g

    def write(self, name: str, text: str) -> pathlib.Path:
        path = self.work / "generated" / name
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(text, encoding="utf-8")
        self.generated += 1
        return path

    def add_documents(self, files: Iterable[pathlib.Path], curriculum: pathlib.Path) -> None:
        """Curricula get their own group; everything else is a request against `curriculum`."""
        plan_lines = []
        for path in files:
            data = path.read_bytes()
            parsed, value = parse_json(data)
            if path.suffix == ".jsonl":
                self.group(curriculum)["batches"].append({"file": rel(path), "path": str(path)})
                continue
            if is_curriculum(path, value, parsed):
                self.group(path)
                continue
            calls = list(REQUEST_CALLS) + ["plan_exports"]
            if not parsed and path.parent.parent.name != "corpus":
                self.group(path)  # not JSON and of no fuzz target: also a curriculum load's error
            self.group(curriculum)["requests"].append({"file": rel(path), "path": str(path), "calls": calls})
            if parsed and isinstance(value, dict) and "learner" in value:
                plan_lines.append(json.dumps(value, ensure_ascii=False))
        if plan_lines:
            self.add_batch(curriculum, plan_lines)

    def add_batch(self, curriculum: pathlib.Path, lines: List[str]) -> None:
        name = f"batch-{self.generated}-{curriculum.stem}.jsonl"  # numbered: one curriculum may have two
        path = self.write(name, "".join(line + "\n" for line in lines))
        self.group(curriculum)["batches"].append(
            {"file": f"{rel(curriculum)}: its {len(lines)} plan requests as one batch", "path": str(path)})

    def add_time_zones(self, corpus: pathlib.Path, curriculum: pathlib.Path) -> None:
        base = json.loads((ROOT / "examples/data/alex.request.json").read_text())
        for path in sorted(corpus.iterdir()):
            try:
                zone = path.read_bytes().decode("utf-8")
            except UnicodeDecodeError:
                self.skipped.append(f"{rel(path)}: not UTF-8 (a TZif file), no C ABI call takes it")
                continue
            request = json.loads(json.dumps(base))
            request["learner"]["time_zone"] = zone
            request["mentor"]["time_zone"] = zone
            generated = self.write(f"time_zone/{path.name}.request.json", json.dumps(request, ensure_ascii=False))
            self.group(curriculum)["requests"].append(
                {"file": f"{rel(path)} (as the time zones of alex.request.json)", "path": str(generated),
                 "calls": ["plan"]})

    def add_data_dir(self, root: pathlib.Path) -> None:
        """Each folder's curricula, the other JSON documents beside them as requests, and a plan
        request per role and per program of each curriculum."""
        for folder in sorted([root] + [p for p in root.rglob("*") if p.is_dir()]):
            if "raw" in folder.relative_to(root).parts:
                continue
            files = sorted(p for p in folder.iterdir() if p.is_file() and p.suffix in (".json", ".jsonl"))
            curricula, requests = [], []
            for path in files:
                parsed, value = parse_json(path.read_bytes())
                (curricula if is_curriculum(path, value, parsed) else requests).append((path, value))
            for curriculum, value in curricula:
                self.group(curriculum)
                self.add_documents([p for p, _ in requests], curriculum)
                self.add_generated(curriculum, value)
            if requests and not curricula:
                self.skipped.append(f"{rel(folder)}: requests without a curriculum beside them")

    def add_generated(self, curriculum: pathlib.Path, value: Any) -> None:
        if not isinstance(value, dict):
            return
        def listed(name: str) -> List[Dict[str, Any]]:
            items = value.get(name)
            return [i for i in items if isinstance(i, dict)] if isinstance(items, list) else []

        lines = []
        targets = [("target_role", r.get("id"), {"target_date": "2028-12-31"}) for r in listed("roles")]
        targets += [("program", p.get("id"), {}) for p in listed("programs")]
        stem = f"{len(self.groups)}-{curriculum.parent.name}-{curriculum.stem}"
        for number, (key, ident, extra) in enumerate(targets):
            if not isinstance(ident, str):
                continue
            request = {"learner": GENERATED_LEARNER, key: ident, **GENERATED_COMMON, **extra}
            text = json.dumps(request, ensure_ascii=False)
            safe = "".join(c if c.isalnum() or c in "-_." else "_" for c in ident)
            path = self.write(f"{stem}/{number}-{key}-{safe}.request.json", text)
            self.group(curriculum)["requests"].append(
                {"file": f"{rel(curriculum)}: plan for {key} {ident} (generated)", "path": str(path),
                 "calls": ["plan"]})
            lines.append(text)
        if lines:
            self.add_batch(curriculum, lines)


def repository_documents(manifest: Manifest) -> None:
    curriculum = EXAMPLE_CURRICULUM
    manifest.group(curriculum)
    listed = [ROOT / "examples/data", ROOT / "tests/cli", ROOT / "tests/unit"]
    files = [p for d in listed for p in sorted(d.iterdir()) if p.suffix in (".json", ".jsonl")]
    corpus = ROOT / "tests/fuzz/corpus"
    for d in sorted(p for p in corpus.iterdir() if p.is_dir()):
        if d.name == "time_zone":
            manifest.add_time_zones(d, curriculum)
        else:
            files += sorted(p for p in d.iterdir() if p.is_file())
    manifest.add_documents([p for p in files if p != curriculum], curriculum)


# --- Running one library (the worker, a subprocess of its own). --------------------------------

class Library:
    """The C ABI through ctypes; each call returns (status name, message, pointer, output)."""

    def __init__(self, path: str):
        lib = ctypes.CDLL(path)
        c_void_p, c_char_p, c_size_t, POINTER = ctypes.c_void_p, ctypes.c_char_p, ctypes.c_size_t, ctypes.POINTER
        for name in ("careerpath_last_error", "careerpath_last_error_pointer"):
            getattr(lib, name).restype = c_char_p
            getattr(lib, name).argtypes = []
        lib.careerpath_status_name.restype = c_char_p
        lib.careerpath_status_name.argtypes = [ctypes.c_int]
        lib.careerpath_curriculum_load.argtypes = [POINTER(c_void_p), c_char_p, c_size_t]
        lib.careerpath_curriculum_free.argtypes = [c_void_p]
        lib.careerpath_curriculum_free.restype = None
        lib.careerpath_curriculum_describe.argtypes = [c_void_p, POINTER(c_void_p)]
        for name in REQUEST_CALLS:
            getattr(lib, f"careerpath_{name}").argtypes = [c_void_p, c_char_p, c_size_t, POINTER(c_void_p)]
        lib.careerpath_export.argtypes = [c_void_p, c_char_p, c_char_p, c_size_t, POINTER(c_void_p)]
        self.sink_type = ctypes.CFUNCTYPE(ctypes.c_int, c_void_p, c_size_t, c_void_p)
        lib.careerpath_plan_batch.argtypes = [c_void_p, c_char_p, c_size_t, ctypes.c_uint, self.sink_type, c_void_p]
        lib.careerpath_free.argtypes = [c_void_p]
        lib.careerpath_free.restype = None
        self.lib = lib

    def answer(self, status: int, out: ctypes.c_void_p) -> Dict[str, Any]:
        # Bytes that are not UTF-8 survive the trip through JSON as lone surrogates.
        def text(raw: bytes) -> str:
            return raw.decode("utf-8", "surrogateescape")

        output = None
        if out.value:
            output = text(ctypes.string_at(out.value))
            self.lib.careerpath_free(out)
        failed = status != 0
        return {"status": self.lib.careerpath_status_name(status).decode(),
                "message": text(self.lib.careerpath_last_error()) if failed else "",
                "pointer": text(self.lib.careerpath_last_error_pointer()) if failed else "",
                "output": output}

    def load(self, data: bytes) -> Tuple[Optional[ctypes.c_void_p], Dict[str, Any]]:
        handle = ctypes.c_void_p()
        status = self.lib.careerpath_curriculum_load(ctypes.byref(handle), data, len(data))
        return (handle if status == 0 else None), self.answer(status, ctypes.c_void_p())

    def describe(self, handle) -> Dict[str, Any]:
        out = ctypes.c_void_p()
        return self.answer(self.lib.careerpath_curriculum_describe(handle, ctypes.byref(out)), out)

    def request(self, name: str, handle, data: bytes) -> Dict[str, Any]:
        out = ctypes.c_void_p()
        return self.answer(getattr(self.lib, f"careerpath_{name}")(handle, data, len(data), ctypes.byref(out)), out)

    def export(self, handle, fmt: str, data: Optional[bytes]) -> Dict[str, Any]:
        out = ctypes.c_void_p()
        status = self.lib.careerpath_export(handle, fmt.encode(), data, len(data) if data is not None else 0,
                                            ctypes.byref(out))
        return self.answer(status, out)

    def formats(self, handle) -> List[str]:
        """The export formats this library lists in its error for an unknown one."""
        message = self.export(handle, "?", None)["message"]
        if "(supported: " in message:
            return [f.strip() for f in message.split("(supported: ", 1)[1].rstrip(")").split(",")]
        return list(FALLBACK_FORMATS)

    def batch(self, handle, data: bytes) -> Dict[str, Any]:
        lines: List[str] = []

        def sink(line, length, _user):
            lines.append(ctypes.string_at(line, length).decode("utf-8", "surrogateescape"))
            return 0

        status = self.lib.careerpath_plan_batch(handle, data, len(data), 2, self.sink_type(sink), None)
        result = self.answer(status, ctypes.c_void_p())
        result["output"] = lines
        return result

    def free(self, handle) -> None:
        self.lib.careerpath_curriculum_free(handle)


def run_worker(library_path: str, manifest_path: str, out_path: str) -> None:
    manifest = json.loads(pathlib.Path(manifest_path).read_text())
    lib = Library(library_path)
    with open(out_path, "w", encoding="utf-8") as out:

        for group in manifest["groups"]:
            label = group["label"]

            def record(file: str, call: str, kind: str, answer: Dict[str, Any]) -> None:
                out.write(json.dumps({"against": label, "file": file, "call": call, "kind": kind, **answer}) + "\n")

            handle, loaded = lib.load(pathlib.Path(group["curriculum"]).read_bytes())
            record(label, "load", "none", loaded)
            if handle is None:
                continue
            # A format only one library lists gives answers only it has: noted, not a difference.
            formats = lib.formats(handle)
            plan_formats = [f for f in formats if f not in CURRICULUM_FORMATS]
            record(label, "describe", "json", lib.describe(handle))
            for fmt in formats:
                if fmt in CURRICULUM_FORMATS:
                    record(label, f"export {fmt}", "text", lib.export(handle, fmt, None))
            for request in group["requests"]:
                data = pathlib.Path(request["path"]).read_bytes()
                for call in request["calls"]:
                    if call == "plan_exports":
                        for fmt in plan_formats:
                            record(request["file"], f"export {fmt}", "text", lib.export(handle, fmt, data))
                        continue
                    answer = lib.request(call, handle, data)
                    record(request["file"], call, "json", answer)
                    if call == "plan" and answer["output"] is not None:
                        plan = answer["output"].encode("utf-8", "surrogateescape")
                        for fmt in plan_formats:
                            record(request["file"], f"plan, then export {fmt}", "text", lib.export(handle, fmt, plan))
            for batch in group["batches"]:
                data = pathlib.Path(batch["path"]).read_bytes()
                record(batch["file"], "plan_batch", "lines", lib.batch(handle, data))
            lib.free(handle)


# --- Comparing the answers. ---------------------------------------------------------------------

def pointer_token(key: str) -> str:
    return key.replace("~", "~0").replace("/", "~1")


def kind_of(value: Any) -> str:
    if isinstance(value, bool):
        return "boolean"
    if isinstance(value, (int, float)):
        return "number"
    return {dict: "object", list: "array", str: "string", type(None): "null"}[type(value)]


def compare_values(old: Any, new: Any, pointer: str = "") -> Tuple[Optional[str], List[str]]:
    """The first JSON Pointer where two parsed values differ (None if equal), and the pointers
    where equal numbers changed between integer and float. Booleans are not numbers here."""
    warnings: List[str] = []
    first: Optional[str] = None
    stack = [(old, new, pointer)]
    while stack:
        a, b, at = stack.pop()
        if kind_of(a) != kind_of(b):
            first = first if first is not None else f"{at} ({kind_of(a)} -> {kind_of(b)})"
        elif isinstance(a, dict):
            for key in sorted(set(a) | set(b), reverse=True):
                if key not in a or key not in b:
                    where = f"{at}/{pointer_token(key)}"
                    first = first if first is not None else f"{where} ({'added' if key not in a else 'removed'})"
                else:
                    stack.append((a[key], b[key], f"{at}/{pointer_token(key)}"))
        elif isinstance(a, list):
            if len(a) != len(b):
                first = first if first is not None else f"{at} (length {len(a)} -> {len(b)})"
            for i in reversed(range(min(len(a), len(b)))):
                stack.append((a[i], b[i], f"{at}/{i}"))
        elif a != b:
            first = first if first is not None else at
        elif isinstance(a, (int, float)) and type(a) is not type(b):
            warnings.append(f"{at} ({type(a).__name__} {a!r} -> {type(b).__name__} {b!r})")
    return first, warnings


def first_text_difference(old: str, new: str) -> str:
    old_lines, new_lines = old.split("\n"), new.split("\n")
    for number, (a, b) in enumerate(zip(old_lines, new_lines), 1):
        if a != b:
            return f"line {number}"
    return f"line {min(len(old_lines), len(new_lines)) + 1} (one ends first)"


def load_output(text: str) -> Tuple[bool, Any, List[str]]:
    duplicates: List[str] = []

    def pairs(items):
        seen = {}
        for key, value in items:
            if key in seen:
                duplicates.append(key)
            seen[key] = value
        return seen

    try:
        return True, json.loads(text, object_pairs_hook=pairs), duplicates
    except ValueError:
        return False, None, duplicates


def compare_json_text(old: str, new: str) -> Tuple[Optional[str], List[str]]:
    ok_old, a, dup_old = load_output(old)
    ok_new, b, dup_new = load_output(new)
    warnings = [f"duplicate key {k!r} in the new output" for k in dup_new if k not in dup_old]
    if not (ok_old and ok_new):
        if old == new:
            return None, warnings + ["not JSON in either build (compared byte for byte)"]
        return ("(not JSON in the " + ("old" if not ok_old else "new") + " build)"), warnings
    first, types = compare_values(a, b)
    return first, warnings + types


def compare_answers(old: Dict[str, Any], new: Dict[str, Any], exact: bool = False) -> Tuple[Optional[str], List[str]]:
    """Where two answers to one call differ, if they do, and the warnings. `exact`: JSON must be
    the same bytes too, not only the same value."""
    for field in ("status", "message", "pointer"):
        if old[field] != new[field]:
            return f"{field}: {old[field]!r} -> {new[field]!r}", []
    a, b = old["output"], new["output"]
    if (a is None) != (b is None):
        return "output: " + ("none -> some" if a is None else "some -> none"), []
    if a is None:
        return None, []
    if old["kind"] == "text" or (exact and a != b and old["kind"] == "json"):
        return (None if a == b else first_text_difference(a, b)), []
    if old["kind"] == "lines":
        warnings: List[str] = []
        for i, (x, y) in enumerate(zip(a, b)):
            first, w = compare_json_text(x, y)
            if first is None and exact and x != y:
                first = first_text_difference(x, y)
            warnings += [f"line {i + 1}: {m}" for m in w]
            if first is not None:
                return f"line {i + 1}: {first or '(the whole line)'}", warnings
        if len(a) != len(b):
            return f"{len(a)} lines -> {len(b)}", warnings
        return None, warnings
    first, warnings = compare_json_text(a, b)
    return (None if first is None else (first or "(the whole document)")), warnings


Key = Tuple[str, str, str]  # the curriculum, the document, the call


def read_answers(path: pathlib.Path) -> Dict[Key, Dict[str, Any]]:
    answers = {}
    with open(path, encoding="utf-8") as f:
        for line in f:
            a = json.loads(line)
            answers[a.get("against", ""), a["file"], a["call"]] = a
    return answers


def describe_key(key: Key) -> str:
    against, file, call = key
    where = "" if against in (file, rel(EXAMPLE_CURRICULUM)) else f" (against {against})"
    return f"{file}  [{call}]{where}"


def write_difference(out: pathlib.Path, n: int, old: Optional[Dict[str, Any]], new: Optional[Dict[str, Any]]) -> None:
    out.mkdir(parents=True, exist_ok=True)
    for side, answer in (("old", old), ("new", new)):
        if answer is None:
            continue
        output = answer["output"]
        text = "\n".join(output) if isinstance(output, list) else (output or "")
        header = f"{answer['file']} | {answer['call']} | {answer['status']} {answer['message']} {answer['pointer']}\n"
        (out / f"{n:04d}.{side}").write_text(header + text, encoding="utf-8", errors="surrogateescape")


def compare(old_path: pathlib.Path, new_path: pathlib.Path, out_dir: Optional[pathlib.Path],
            exact: bool = False) -> int:
    old, new = read_answers(old_path), read_answers(new_path)
    differences, warnings = [], []
    for key in old:
        if key not in new:
            differences.append((key, "no answer in the new build"))
            if out_dir:
                write_difference(out_dir / "differences", len(differences), old[key], None)
            continue
        first, w = compare_answers(old[key], new[key], exact)
        warnings += [(key, m) for m in w]
        if first is not None:
            differences.append((key, first))
            if out_dir:
                write_difference(out_dir / "differences", len(differences), old[key], new[key])
    only_new = [key for key in new if key not in old]
    documents = len({file for _, file, _ in old})
    print(f"compared {documents} documents, {len(old)} calls: {len(differences)} differences, "
          f"{len(warnings)} warnings")
    for key, where in differences:
        print(f"DIFFERENT  {describe_key(key)}  at {where}")
    for key, what in warnings:
        print(f"warning    {describe_key(key)}  {what}")
    for key in only_new:
        print(f"note       {describe_key(key)}  only in the new build")
    return 1 if differences else 0


# --- Self-test: hand-made answers with known differences. ---------------------------------------

def self_test() -> int:
    def answer(output, kind="json", status="CAREERPATH_OK", message="", pointer=""):
        return {"file": "f", "call": "c", "kind": kind, "status": status, "message": message, "pointer": pointer,
                "output": output}

    checks = [
        # (old, new, expected first difference or None, expected number of warnings)
        (answer('{"a": 1, "b": [1, 2]}'), answer('{"b":[1,2],"a":1}'), None, 0),
        (answer('{"a": 2}'), answer('{"a": 2.0}'), None, 1),
        (answer('{"a": true}'), answer('{"a": 1}'), "/a (boolean -> number)", 0),
        (answer('{"a": [{"b": 1}, {"b": 2}]}'), answer('{"a": [{"b": 1}, {"b": 3}]}'), "/a/1/b", 0),
        (answer('{"a/b": {"c~d": 1}}'), answer('{"a/b": {"c~d": 0.5}}'), "/a~1b/c~0d", 0),
        (answer('{"a": [1, 2]}'), answer('{"a": [1, 2, 3]}'), "/a (length 2 -> 3)", 0),
        (answer('{"a": 1}'), answer('{"a": 1, "b": 2}'), "/b (added)", 0),
        (answer('{"a": 1}'), answer('{"a": 1, "a": 1}'), None, 1),
        (answer("[1]"), answer('{"x": 1}'), " (array -> object)", 0),
        (answer("x\ny\n", "text"), answer("x\ny\n", "text"), None, 0),
        (answer("x\ny\n", "text"), answer("x\nz\n", "text"), "line 2", 0),
        (answer("BEGIN\r\n", "text"), answer("BEGIN\n", "text"), "line 1", 0),
        (answer(['{"a": 1}', '{"b": 2}'], "lines"), answer(['{"a": 1}', '{"b": 2.5}'], "lines"), "line 2: /b", 0),
        (answer(['{"a": 1}'], "lines"), answer(['{"a": 1}', '{"a": 1}'], "lines"), "1 lines -> 2", 0),
        (answer(None, status="CAREERPATH_ERR_SCHEMA", message="bad", pointer="/x"),
         answer(None, status="CAREERPATH_ERR_SCHEMA", message="bad", pointer="/x"), None, 0),
        (answer(None, status="CAREERPATH_ERR_SCHEMA", message="bad", pointer="/x"),
         answer(None, status="CAREERPATH_ERR_SCHEMA", message="bad", pointer="/y"), "pointer: '/x' -> '/y'", 0),
        (answer(None, status="CAREERPATH_ERR_SCHEMA", message="bad", pointer="/x"),
         answer(None, status="CAREERPATH_ERR_REFERENCE", message="bad", pointer="/x"),
         "status: 'CAREERPATH_ERR_SCHEMA' -> 'CAREERPATH_ERR_REFERENCE'", 0),
        (answer(None, status="CAREERPATH_ERR_PARSE", message="at byte 3"),
         answer(None, status="CAREERPATH_ERR_PARSE", message="at byte 4"), "message: 'at byte 3' -> 'at byte 4'", 0),
        (answer('{"a": 1}'), answer("{\"a\": 1"), "(not JSON in the new build)", 0),
    ]
    failed = 0
    exact_checks = [  # --exact: the same value spelled differently is a difference
        (answer('{"a": 1, "b": 2}'), answer('{"b": 2, "a": 1}'), "line 1", 0),
        (answer(['{"a": 1}', '{"a":1}'], "lines"), answer(['{"a": 1}', '{"a": 1}'], "lines"), "line 2: line 1", 0),
        (answer('{"a": 1}'), answer('{"a": 1}'), None, 0),
    ]
    for old, new, expected, warning_count in exact_checks:
        first, warnings = compare_answers(old, new, exact=True)
        if first != expected or len(warnings) != warning_count:
            failed += 1
            print(f"FAIL (exact): {old['output']!r} vs {new['output']!r}: got {first!r}, expected {expected!r}")
    for old, new, expected, warning_count in checks:
        first, warnings = compare_answers(old, new)
        if first != expected or len(warnings) != warning_count:
            failed += 1
            print(f"FAIL: {old['output']!r} vs {new['output']!r}: got {first!r} with {len(warnings)} warnings, "
                  f"expected {expected!r} with {warning_count}")
    # The whole path, through files: one difference makes exit status 1, none makes 0.
    with tempfile.TemporaryDirectory() as tmp:
        tmp_path = pathlib.Path(tmp)
        for name, answers in (("old", checks[0][:1] + checks[3][:1]), ("new", checks[0][1:2] + checks[3][1:2])):
            with open(tmp_path / f"{name}.jsonl", "w") as f:
                for i, a in enumerate(answers):
                    f.write(json.dumps({**a, "call": f"c{i}"}) + "\n")
        devnull = open(os.devnull, "w")
        saved, sys.stdout = sys.stdout, devnull
        try:
            same = compare(tmp_path / "old.jsonl", tmp_path / "old.jsonl", None)
            different = compare(tmp_path / "old.jsonl", tmp_path / "new.jsonl", tmp_path)
        finally:
            sys.stdout = saved
            devnull.close()
        written = sorted(p.name for p in (tmp_path / "differences").iterdir())
        if (same, different, written) != (0, 1, ["0001.new", "0001.old"]):
            failed += 1
            print(f"FAIL: compare() gave {same} and {different}, wrote {written}")
    print(f"compare-builds self-test: {len(checks) + len(exact_checks) + 1} checks, {failed} failed")
    return 1 if failed else 0


# --- Main. ----------------------------------------------------------------------------------------

def main() -> int:
    if len(sys.argv) == 5 and sys.argv[1] == "--worker":
        run_worker(*sys.argv[2:5])
        return 0
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0],
                                     formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("old", nargs="?", help="the old build's libcareerpath.so")
    parser.add_argument("new", nargs="?", help="the new build's libcareerpath.so")
    parser.add_argument("--data", action="append", default=[], type=pathlib.Path,
                        help="a folder of curricula and requests (repeatable)")
    parser.add_argument("--out", type=pathlib.Path, help="keep the answers and the differences here")
    parser.add_argument("--exact", action="store_true",
                        help="JSON answers must be the same bytes too (e.g. a build against itself)")
    parser.add_argument("--self-test", action="store_true", help="check the comparison on hand-made answers")
    args = parser.parse_args()
    if args.self_test:
        return self_test()
    if not args.old or not args.new:
        parser.error("give OLD_LIB and NEW_LIB (or --self-test)")
    for lib in (args.old, args.new):
        if not os.path.isfile(lib):
            parser.error(f"no such library: {lib}")
    for d in args.data:
        if not d.is_dir():
            parser.error(f"--data {d}: not a directory")

    with tempfile.TemporaryDirectory() as tmp:
        work = args.out or pathlib.Path(tmp)
        work.mkdir(parents=True, exist_ok=True)
        manifest = Manifest(work)
        repository_documents(manifest)
        DATA_ROOTS.extend(d.resolve() for d in args.data)
        for d in DATA_ROOTS:
            manifest.add_data_dir(d)
        manifest_path = work / "manifest.json"
        manifest_path.write_text(json.dumps({"groups": manifest.groups}, indent=1))
        requests = sum(len(g["requests"]) for g in manifest.groups)
        print(f"{len(manifest.groups)} documents loaded as curricula, {requests} requests "
              f"({manifest.generated} documents generated), {len(manifest.skipped)} files skipped")
        for line in manifest.skipped:
            print(f"skipped    {line}")
        for label, lib in (("old", args.old), ("new", args.new)):
            # Each library in a process of its own: both are libcareerpath.so.0 to the loader.
            done = subprocess.run([sys.executable, __file__, "--worker", os.path.abspath(lib), str(manifest_path),
                                   str(work / f"{label}.jsonl")])
            if done.returncode != 0:
                print(f"compare-builds.py: the {label} library ({lib}) failed (exit status {done.returncode})",
                      file=sys.stderr)
                return 2
        return compare(work / "old.jsonl", work / "new.jsonl", args.out, args.exact)


if __name__ == "__main__":
    sys.exit(main())
