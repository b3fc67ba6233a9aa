"""The Pythonic API: Curriculum, describe(), errors and ownership."""

from __future__ import annotations

import copy
import gc
import json
import pickle
import threading
import weakref
from pathlib import Path
from typing import Any, Dict, List

import pytest

import careerpath
from careerpath import (
    ArgumentError,
    CancelledError,
    Curriculum,
    CycleError,
    Error,
    InfeasibleError,
    InternalError,
    LimitError,
    OutOfMemoryError,
    ParseError,
    SchemaError,
    Status,
    UnknownReferenceError,
)
from careerpath.errors import ERRORS_BY_STATUS, error_for_status

COUNT_KEYS = {
    "skills", "units", "edges", "prerequisites", "roles", "programs", "session_types", "metrics",
    "areas",
}


def check_summary_shape(summary: Dict[str, Any]) -> None:
    assert isinstance(summary["id"], str)
    assert isinstance(summary["levels"], list) and len(summary["levels"]) >= 2
    assert set(summary["counts"]) >= COUNT_KEYS
    for key in ("skills", "areas", "roles", "programs", "session_types", "metrics"):
        assert len(summary[key]) == summary["counts"][key], key
    levels = len(summary["levels"])
    skills = summary["counts"]["skills"]
    assert summary["counts"]["units"] == skills * (levels - 1)
    chain_edges = skills * (levels - 2)
    assert chain_edges <= summary["counts"]["edges"]
    assert summary["counts"]["edges"] <= chain_edges + summary["counts"]["prerequisites"]
    for role in summary["roles"]:
        assert set(role) >= {"id", "title", "extends", "requires"}
        for skill, level in role["requires"].items():
            assert skill in summary["skills"]
            assert level in summary["levels"]


# -- version ---------------------------------------------------------------------------------


def test_version() -> None:
    assert careerpath.version() == careerpath.__version__
    major, minor, patch = (int(part) for part in careerpath.__version__.split("."))
    assert careerpath._native.library().careerpath_version() == major * 10000 + minor * 100 + patch


# -- loading ---------------------------------------------------------------------------------


def test_load_example(examples_dir: Path) -> None:
    path = examples_dir / "engineering-growth.json"
    document = json.loads(path.read_text(encoding="utf-8"))
    with Curriculum.load(path) as curriculum:
        summary = curriculum.describe()
    check_summary_shape(summary)
    assert summary["id"] == document["id"] == "engineering-growth"
    assert summary["title"] == document.get("title")
    assert summary["levels"] == document["levels"]
    counts = summary["counts"]
    assert counts["skills"] == len(document["skills"])
    assert set(summary["skills"]) == {skill["id"] for skill in document["skills"]}
    assert counts["roles"] == len(document.get("roles", []))
    assert counts["programs"] == len(document.get("programs", []))
    assert counts["session_types"] == len(document.get("session_types", []))
    assert counts["metrics"] == len(document.get("metrics", []))
    assert counts["prerequisites"] == len(document.get("prerequisites", []))
    areas = {skill["area"] for skill in document["skills"] if "area" in skill}
    assert set(summary["areas"]) >= areas
    # The seed's programs and roles are in the example.
    assert counts["roles"] >= 2 and counts["programs"] >= 2
    # load(), from_json() (str and bytes) and from_dict() agree.
    raw = path.read_bytes()
    for curriculum in (Curriculum.from_json(raw), Curriculum.from_json(raw.decode("utf-8")),
                       Curriculum.from_dict(document), Curriculum.load(str(path))):
        with curriculum:
            assert curriculum.describe() == summary


def test_from_dict_small(small: Dict[str, Any]) -> None:
    with Curriculum.from_dict(small) as curriculum:
        summary = curriculum.describe()
    check_summary_shape(summary)
    assert summary["id"] == "small"
    assert summary["title"] == "Small framework"
    assert summary["levels"] == ["none", "beginner", "intermediate"]
    assert summary["counts"] == {
        **summary["counts"],
        "skills": 3, "units": 6, "edges": 5, "prerequisites": 2, "roles": 2, "programs": 0,
        "session_types": 0, "metrics": 0, "areas": 2,
    }
    assert set(summary["skills"]) == {"a", "b", "c"}
    assert set(summary["areas"]) == {"x", "y"}
    assert summary["programs"] == [] and summary["session_types"] == [] and summary["metrics"] == []
    roles = {role["id"]: role for role in summary["roles"]}
    assert set(roles) == {"dev", "senior"}
    assert roles["dev"]["title"] == "Developer"
    assert roles["dev"]["extends"] is None
    # Levels given by name or by index come back by name.
    assert roles["dev"]["requires"] == {"a": "intermediate", "b": "beginner"}
    assert roles["senior"]["extends"] == "dev"
    assert roles["senior"]["requires"]["c"] == "intermediate"


def test_tiny_curriculum(tiny: Dict[str, Any]) -> None:
    with Curriculum.from_dict(tiny) as curriculum:
        summary = curriculum.describe()
    check_summary_shape(summary)
    assert summary["id"] == "x"
    assert summary["counts"]["skills"] == 1
    assert summary["counts"]["units"] == 1
    assert summary["counts"]["edges"] == 0
    assert summary["roles"] == []


def test_from_json_accepts_str_and_bytes(tiny: Dict[str, Any]) -> None:
    text = json.dumps(tiny)
    for source in (text, text.encode("utf-8"), bytearray(text.encode("utf-8"))):
        with Curriculum.from_json(source) as curriculum:
            assert curriculum.describe()["id"] == "x"
    with pytest.raises(TypeError):
        Curriculum.from_json(42)  # type: ignore[arg-type]


def test_unicode_round_trips(tiny: Dict[str, Any]) -> None:
    tiny["title"] = "Entwicklung — Führung 🚀"
    with Curriculum.from_dict(tiny) as curriculum:
        assert curriculum.describe()["title"] == "Entwicklung — Führung 🚀"


def test_unknown_fields_are_ignored(tiny: Dict[str, Any]) -> None:
    tiny["x-vendor"] = {"anything": [1, 2, 3]}
    tiny["skills"][0]["future_field"] = True
    with Curriculum.from_dict(tiny) as curriculum:
        assert curriculum.describe()["counts"]["skills"] == 1


def test_direct_construction_is_refused() -> None:
    with pytest.raises(TypeError):
        Curriculum()


def test_missing_file_is_an_os_error(tmp_path: Path) -> None:
    with pytest.raises(FileNotFoundError):
        Curriculum.load(tmp_path / "missing.json")


# -- errors ----------------------------------------------------------------------------------


def test_unknown_prerequisite_skill(tiny: Dict[str, Any]) -> None:
    tiny["prerequisites"] = [{"skill": "a", "requires": "nope"}]
    with pytest.raises(UnknownReferenceError) as caught:
        Curriculum.from_dict(tiny)
    error = caught.value
    assert isinstance(error, Error)
    assert error.status is Status.ERR_REFERENCE
    assert error.pointer == "/prerequisites/0/requires"
    assert error.message
    assert "nope" in error.message
    assert "/prerequisites/0/requires" in str(error)


def test_unknown_role_extends(tiny: Dict[str, Any]) -> None:
    tiny["roles"] = [{"id": "r", "extends": "ghost", "requires": {"a": "beginner"}}]
    with pytest.raises(UnknownReferenceError) as caught:
        Curriculum.from_dict(tiny)
    assert caught.value.pointer == "/roles/0/extends"


def test_unknown_level_in_role(tiny: Dict[str, Any]) -> None:
    tiny["roles"] = [{"id": "r", "requires": {"a": "grandmaster"}}]
    with pytest.raises(UnknownReferenceError) as caught:
        Curriculum.from_dict(tiny)
    assert caught.value.pointer == "/roles/0/requires/a"


def test_malformed_json() -> None:
    with pytest.raises(ParseError) as caught:
        Curriculum.from_json('{"id": "x",\n "levels": [}')
    error = caught.value
    assert error.status is Status.ERR_PARSE
    assert error.pointer == ""
    assert "line" in error.message.lower()  # located by offset, line and column instead


def test_empty_document() -> None:
    with pytest.raises(ParseError):
        Curriculum.from_json(b"")


def test_wrong_type_is_a_schema_error(tiny: Dict[str, Any]) -> None:
    tiny["skills"][0]["hours"] = "one"
    with pytest.raises(SchemaError) as caught:
        Curriculum.from_dict(tiny)
    assert caught.value.status is Status.ERR_SCHEMA
    assert caught.value.pointer == "/skills/0/hours"


def test_negative_hours_is_a_schema_error(tiny: Dict[str, Any]) -> None:
    tiny["skills"].append({"id": "b", "hours": -2})
    with pytest.raises(SchemaError) as caught:
        Curriculum.from_dict(tiny)
    assert caught.value.pointer == "/skills/1/hours"


def test_not_an_object_is_a_schema_error() -> None:
    with pytest.raises(SchemaError):
        Curriculum.from_json("[1, 2, 3]")


def test_duplicate_skill_id(tiny: Dict[str, Any]) -> None:
    tiny["skills"].append({"id": "a", "hours": 2})
    with pytest.raises(Error) as caught:
        Curriculum.from_dict(tiny)
    assert caught.value.pointer.startswith("/skills/1")


def test_prerequisite_cycle() -> None:
    cyclic = {
        "id": "cyclic",
        "levels": ["none", "beginner"],
        "skills": [{"id": "a", "hours": 1}, {"id": "b", "hours": 1}, {"id": "c", "hours": 1}],
        "prerequisites": [
            {"skill": "a", "requires": "b"},
            {"skill": "b", "requires": "c"},
            {"skill": "c", "requires": "a"},
        ],
    }
    with pytest.raises(CycleError) as caught:
        Curriculum.from_dict(cyclic)
    error = caught.value
    assert error.status is Status.ERR_CYCLE
    assert error.pointer.startswith("/prerequisites")
    for unit in ("a@beginner", "b@beginner", "c@beginner"):
        assert unit in error.message
    assert "->" in error.message


def test_role_extends_cycle(tiny: Dict[str, Any]) -> None:
    tiny["roles"] = [
        {"id": "r1", "extends": "r2", "requires": {"a": "beginner"}},
        {"id": "r2", "extends": "r1", "requires": {}},
    ]
    with pytest.raises(CycleError) as caught:
        Curriculum.from_dict(tiny)
    assert caught.value.pointer.startswith("/roles")


def test_deep_nesting_is_a_limit_error(tiny: Dict[str, Any]) -> None:
    depth = 100_000
    text = json.dumps(tiny)[:-1] + ', "deep": ' + "[" * depth + "]" * depth + "}"
    with pytest.raises(LimitError) as caught:
        Curriculum.from_json(text)
    assert caught.value.status is Status.ERR_LIMIT


def test_load_error_names_the_file(tmp_path: Path) -> None:
    path = tmp_path / "broken.json"
    path.write_text('{"id": "x", "levels": ["none", "beginner"], "skills": [{"id": "a", "hours": -1}]}')
    with pytest.raises(SchemaError) as caught:
        Curriculum.load(path)
    assert caught.value.path == str(path)
    assert str(path) in str(caught.value)
    assert caught.value.pointer == "/skills/0/hours"


def test_every_status_maps_to_its_class() -> None:
    expected = {
        Status.ERR_ARGUMENT: ArgumentError,
        Status.ERR_PARSE: ParseError,
        Status.ERR_SCHEMA: SchemaError,
        Status.ERR_REFERENCE: UnknownReferenceError,
        Status.ERR_CYCLE: CycleError,
        Status.ERR_INFEASIBLE: InfeasibleError,
        Status.ERR_LIMIT: LimitError,
        Status.ERR_MEMORY: OutOfMemoryError,
        Status.ERR_CANCELLED: CancelledError,
        Status.ERR_INTERNAL: InternalError,
    }
    assert ERRORS_BY_STATUS == expected
    assert set(ERRORS_BY_STATUS) == set(Status) - {Status.OK}
    for status, cls in expected.items():
        error = error_for_status(status, "boom", "/a/b")
        assert type(error) is cls
        assert isinstance(error, Error)
        assert error.status is status and error.message == "boom" and error.pointer == "/a/b"
        assert cls("m").status is status
        clone = pickle.loads(pickle.dumps(error))
        assert type(clone) is cls and clone.pointer == "/a/b" and clone.status is status
    unknown = error_for_status(77, "future")
    assert type(unknown) is Error and unknown.status == 77
    assert issubclass(OutOfMemoryError, MemoryError)
    assert issubclass(ArgumentError, ValueError)


# -- ownership -------------------------------------------------------------------------------


def test_close_is_idempotent(tiny: Dict[str, Any]) -> None:
    curriculum = Curriculum.from_dict(tiny)
    assert not curriculum.closed
    curriculum.close()
    assert curriculum.closed
    curriculum.close()
    assert "closed" in repr(curriculum)


def test_use_after_close_raises(tiny: Dict[str, Any]) -> None:
    curriculum = Curriculum.from_dict(tiny)
    curriculum.close()
    with pytest.raises(ValueError, match="closed"):
        curriculum.describe()
    with pytest.raises(ValueError, match="closed"):
        with curriculum:
            pass


def test_context_manager_closes(tiny: Dict[str, Any]) -> None:
    with Curriculum.from_dict(tiny) as curriculum:
        assert curriculum.describe()["id"] == "x"
    assert curriculum.closed
    with pytest.raises(ValueError):
        curriculum.describe()


def test_context_manager_closes_on_exception(tiny: Dict[str, Any]) -> None:
    with pytest.raises(RuntimeError):
        with Curriculum.from_dict(tiny) as curriculum:
            raise RuntimeError("boom")
    assert curriculum.closed


def test_finalizer_frees_an_unclosed_curriculum(tiny: Dict[str, Any]) -> None:
    curriculum = Curriculum.from_dict(tiny)
    finalizer = curriculum._finalizer
    reference = weakref.ref(curriculum)
    assert finalizer.alive
    del curriculum
    gc.collect()
    assert reference() is None
    assert not finalizer.alive


def test_close_runs_the_finalizer_once(tiny: Dict[str, Any]) -> None:
    curriculum = Curriculum.from_dict(tiny)
    finalizer = curriculum._finalizer
    curriculum.close()
    assert not finalizer.alive


def test_copy_shares_and_pickle_is_refused(tiny: Dict[str, Any]) -> None:
    with Curriculum.from_dict(tiny) as curriculum:
        assert copy.copy(curriculum) is curriculum
        assert copy.deepcopy(curriculum) is curriculum
        with pytest.raises(TypeError):
            pickle.dumps(curriculum)


# -- threads ---------------------------------------------------------------------------------


def test_shared_between_threads(small: Dict[str, Any]) -> None:
    with Curriculum.from_dict(small) as curriculum:
        expected = curriculum.describe()
        results: List[Dict[str, Any]] = []
        failures: List[BaseException] = []

        def work() -> None:
            try:
                for _ in range(50):
                    results.append(curriculum.describe())
            except BaseException as error:  # pragma: no cover - reported below
                failures.append(error)

        threads = [threading.Thread(target=work) for _ in range(8)]
        for thread in threads:
            thread.start()
        for thread in threads:
            thread.join()
    assert not failures
    assert len(results) == 400
    assert all(result == expected for result in results)


def test_error_detail_is_per_thread(tiny: Dict[str, Any]) -> None:
    bad_hours = copy.deepcopy(tiny)
    bad_hours["skills"][0]["hours"] = -1
    bad_reference = copy.deepcopy(tiny)
    bad_reference["prerequisites"] = [{"skill": "a", "requires": "nope"}]
    cases = [
        (bad_hours, SchemaError, "/skills/0/hours"),
        (bad_reference, UnknownReferenceError, "/prerequisites/0/requires"),
        (tiny, None, None),
    ]
    failures: List[str] = []

    def work(index: int) -> None:
        document, expected_class, expected_pointer = cases[index % len(cases)]
        for _ in range(200):
            try:
                Curriculum.from_dict(document).close()
            except Error as error:
                if type(error) is not expected_class or error.pointer != expected_pointer:
                    failures.append(f"{type(error).__name__} {error.pointer!r}")
            except BaseException as error:  # pragma: no cover - reported below
                failures.append(repr(error))
                return
            else:
                if expected_class is not None:
                    failures.append("no error")

    threads = [threading.Thread(target=work, args=(index,)) for index in range(9)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    assert failures == []
