"""Curriculum.plan_batch: many requests planned off the GIL, results in input order, bad lines as
error dicts, early exits that cancel the native batch, and no thread left behind."""

from __future__ import annotations

import copy
import ctypes
import gc
import json
import threading
import time
from pathlib import Path
from typing import Any, Dict, List

import pytest

import careerpath
from careerpath import _native


def load_request(examples_dir: Path, name: str) -> Dict[str, Any]:
    result: Dict[str, Any] = json.loads((examples_dir / name).read_text())
    return result


@pytest.fixture
def good_requests(examples_dir: Path) -> List[Dict[str, Any]]:
    """Alex, Maria and a few variations of them, all plannable."""
    alex = load_request(examples_dir, "alex.request.json")
    maria = load_request(examples_dir, "maria.request.json")
    later_alex = copy.deepcopy(alex)
    later_alex["start"] = "2027-02-01"
    later_alex["target_date"] = "2027-09-30"
    busy_maria = copy.deepcopy(maria)
    busy_maria["learner"]["hours_per_week"] = 3
    alex_no_holidays = copy.deepcopy(alex)
    alex_no_holidays["holidays"] = []
    eager_maria = copy.deepcopy(maria)
    eager_maria["learner"]["hours_per_week"] = 10
    return [alex, maria, later_alex, busy_maria, alex_no_holidays, eager_maria]


def wait_for_thread_count(expected: int, timeout: float = 5.0) -> int:
    deadline = time.monotonic() + timeout
    while threading.active_count() > expected and time.monotonic() < deadline:
        time.sleep(0.01)
    return threading.active_count()


def test_results_equal_plan_in_order(example, good_requests):
    expected = [example.plan(r) for r in good_requests]
    results = list(example.plan_batch(good_requests))
    assert results == expected
    assert [r["learner"] for r in results] == [r["learner"]["id"] for r in good_requests]


def test_batch_is_a_lazy_generator(example, good_requests):
    batch = example.plan_batch(good_requests)
    assert iter(batch) is batch
    first = next(batch)
    assert first == example.plan(good_requests[0])
    assert len(list(batch)) == len(good_requests) - 1


def test_bad_lines_give_error_dicts_and_the_rest_are_planned(example, good_requests):
    unknown_role = copy.deepcopy(good_requests[0])
    unknown_role["target_role"] = "ceo"
    no_capacity = copy.deepcopy(good_requests[1])
    no_capacity["learner"]["hours_per_week"] = 0
    requests: List[Any] = [
        good_requests[0],
        unknown_role,
        "{\"learner\": ",
        good_requests[1],
        no_capacity,
        "",
        "[]",
        good_requests[2],
    ]
    results = list(example.plan_batch(requests))
    assert len(results) == len(requests)
    assert results[0] == example.plan(good_requests[0])
    assert results[3] == example.plan(good_requests[1])
    assert results[7] == example.plan(good_requests[2])
    expected_errors = {
        2: ("CAREERPATH_ERR_REFERENCE", "/target_role", careerpath.UnknownReferenceError),
        3: ("CAREERPATH_ERR_PARSE", "", careerpath.ParseError),
        5: ("CAREERPATH_ERR_INFEASIBLE", "/learner/hours_per_week", careerpath.InfeasibleError),
        6: ("CAREERPATH_ERR_PARSE", "", None),
        7: ("CAREERPATH_ERR_SCHEMA", "", careerpath.SchemaError),
    }
    for line, (status, pointer, error_class) in expected_errors.items():
        result = results[line - 1]
        assert set(result) == {"error", "schema_version"}, result
        error = result["error"]
        assert error["line"] == line
        assert error["status"] == status
        assert error["pointer"] == pointer
        assert isinstance(error["message"], str) and error["message"]
        if error_class is not None:  # the same failure plan() raises
            with pytest.raises(error_class) as raised:
                example.plan(requests[line - 1])
            assert raised.value.pointer == pointer
            assert careerpath.Status[status[len("CAREERPATH_"):]] == raised.value.status
    for line in (1, 4, 8):
        assert "error" not in results[line - 1]


def test_thread_counts_give_equal_results(example, good_requests):
    requests = good_requests * 3 + ["[]"]
    one = list(example.plan_batch(requests, threads=1))
    four = list(example.plan_batch(requests, threads=4))
    per_core = list(example.plan_batch(requests))
    assert one == four == per_core
    assert len(one) == len(requests)


def raw_plan_text(curriculum: careerpath.Curriculum, request: Dict[str, Any]) -> bytes:
    """careerpath_plan's own output bytes, through ctypes."""
    lib = _native.library()
    data = json.dumps(request).encode("utf-8")
    out = ctypes.c_void_p()
    with curriculum._borrow() as handle:
        _native.check(lib.careerpath_plan(handle, data, len(data), ctypes.byref(out)), lib)
    try:
        return ctypes.string_at(out)
    finally:
        lib.careerpath_free(out)


def test_unparsed_results_are_the_plan_bytes(example, good_requests):
    requests: List[Any] = good_requests[:3] + ["[]"]
    texts = list(example.plan_batch(requests, threads=2, parse=False))
    assert all(isinstance(text, bytes) and b"\n" not in text for text in texts)
    assert texts[:3] == [raw_plan_text(example, r) for r in good_requests[:3]]
    assert [json.loads(text) for text in texts] == list(example.plan_batch(requests))
    assert json.loads(texts[3])["error"]["line"] == 4
    with pytest.raises(TypeError):
        example.plan_batch(good_requests, parse="no")  # type: ignore[arg-type]


def test_json_lines_text_input(example, good_requests):
    lines = [json.dumps(r) for r in good_requests[:3]]
    expected = [example.plan(r) for r in good_requests[:3]]
    text = "\n".join(lines)
    assert list(example.plan_batch(text)) == expected                     # no final newline
    assert list(example.plan_batch(text + "\n")) == expected              # a final newline
    assert list(example.plan_batch("\r\n".join(lines) + "\r\n")) == expected  # CRLF
    assert list(example.plan_batch((text + "\n").encode("utf-8"), threads=2)) == expected
    # An empty line in the middle is a bad line of its own.
    results = list(example.plan_batch(lines[0] + "\n\n" + lines[1]))
    assert results[0] == expected[0] and results[2] == expected[1]
    assert results[1]["error"]["line"] == 2


def test_text_items_may_span_lines(example, good_requests, examples_dir):
    # A request read from a pretty-printed file is one request, not one per line.
    text = (examples_dir / "alex.request.json").read_text()
    assert "\n" in text
    results = list(example.plan_batch([text, text.encode("utf-8"), good_requests[1]]))
    assert results == [example.plan(text), example.plan(text), example.plan(good_requests[1])]


def test_empty_input_yields_nothing(example):
    assert list(example.plan_batch([])) == []
    assert list(example.plan_batch(iter(()))) == []
    assert list(example.plan_batch("")) == []
    assert list(example.plan_batch(b"")) == []


def test_generator_input(example, good_requests):
    results = list(example.plan_batch(r for r in good_requests[:2]))
    assert results == [example.plan(r) for r in good_requests[:2]]


def test_breaking_early_cancels_and_leaves_no_thread(example, good_requests):
    before = threading.active_count()
    requests = good_requests * 40  # far more lines than the queue and the native window hold
    seen = 0
    for result in example.plan_batch(requests, threads=2):
        assert "error" not in result
        seen += 1
        if seen == 3:
            break
    gc.collect()
    assert wait_for_thread_count(before) == before
    # A second batch afterwards works.
    assert list(example.plan_batch(good_requests[:2])) == [example.plan(r) for r in good_requests[:2]]
    assert wait_for_thread_count(before) == before


def test_close_and_drop_cancel_too(example, good_requests):
    before = threading.active_count()
    requests = good_requests * 40
    batch = example.plan_batch(requests, threads=4)
    next(batch)
    time.sleep(0.2)  # let the sink fill the queue and block on it
    batch.close()
    assert threading.active_count() == before  # close() joins the batch thread
    with pytest.raises(StopIteration):
        next(batch)
    dropped = example.plan_batch(requests)
    next(dropped)
    del dropped
    gc.collect()
    assert wait_for_thread_count(before) == before
    # Never started: nothing runs.
    unstarted = example.plan_batch(requests)
    assert threading.active_count() == before
    del unstarted


def test_slow_consumer_gets_everything_in_order(example, good_requests):
    requests = good_requests * 12  # more results than the queue holds: the sink waits
    expected = [example.plan(r) for r in good_requests] * 12
    results = []
    for result in example.plan_batch(requests, threads=3):
        results.append(result)
        time.sleep(0.002)
    assert results == expected


def expected_plans(examples_dir: Path, requests: List[Dict[str, Any]]) -> List[Dict[str, Any]]:
    with careerpath.Curriculum.load(str(examples_dir / "engineering-growth.json")) as curriculum:
        return [curriculum.plan(r) for r in requests]


def test_handle_is_borrowed_for_the_whole_batch(examples_dir, good_requests):
    curriculum = careerpath.Curriculum.load(str(examples_dir / "engineering-growth.json"))
    batch = curriculum.plan_batch(good_requests)
    first = next(batch)
    curriculum.close()  # the running batch keeps the native curriculum alive
    rest = list(batch)
    assert [first] + rest == expected_plans(examples_dir, good_requests)
    with pytest.raises(ValueError):
        curriculum.plan_batch(good_requests)


def test_argument_errors(example, good_requests):
    with pytest.raises(TypeError):
        example.plan_batch(good_requests[0])  # one request, not an iterable of them
    with pytest.raises(TypeError):
        example.plan_batch(42)  # type: ignore[arg-type]
    with pytest.raises(TypeError):
        example.plan_batch([good_requests[0], 42])
    with pytest.raises(TypeError):
        example.plan_batch(good_requests, threads="4")  # type: ignore[arg-type]
    with pytest.raises(ValueError):
        example.plan_batch(good_requests, threads=-1)
    with pytest.raises(ValueError):
        example.plan_batch(good_requests, threads=2**32)


def test_small_curriculum_batch(small):
    with careerpath.Curriculum.from_dict(small) as curriculum:
        request = {"learner": {"id": "l", "hours_per_week": 4}, "target_role": "senior",
                   "start": "2027-01-04", "target_date": "2027-06-30"}
        requests = [dict(request, learner={"id": f"l{i}", "hours_per_week": 1 + i % 5}) for i in range(50)]
        expected = [curriculum.plan(r) for r in requests]
        assert list(curriculum.plan_batch(requests, threads=4)) == expected


class _NullSinkLibrary:
    """The real library, except that careerpath_plan_batch gets a NULL sink (ERR_ARGUMENT)."""

    def __init__(self, lib: Any) -> None:
        self._real = lib

    def __getattr__(self, name: str) -> Any:
        return getattr(self._real, name)

    def careerpath_plan_batch(self, handle, data, length, threads, sink, user):  # type: ignore[no-untyped-def]
        null_sink = _native.careerpath_sink_fn()  # a NULL function pointer
        return self._real.careerpath_plan_batch(handle, data, length, threads, null_sink, user)


def test_library_errors_are_raised_in_the_consumer(example, good_requests, monkeypatch):
    before = threading.active_count()
    monkeypatch.setattr(example, "_lib", _NullSinkLibrary(example._lib))
    batch = example.plan_batch(good_requests)
    with pytest.raises(careerpath.ArgumentError) as raised:
        next(batch)
    assert "sink" in str(raised.value)
    assert raised.value.status == careerpath.Status.ERR_ARGUMENT
    assert threading.active_count() == before
    monkeypatch.undo()
    assert list(example.plan_batch(good_requests[:1])) == [example.plan(good_requests[0])]
