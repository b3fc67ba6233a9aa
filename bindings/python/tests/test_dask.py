"""careerpath.dask on a LocalCluster of 2 worker processes (Debian's python3-distributed).

The results must equal Curriculum.plan_batch's byte for byte on 10,000 request lines with bad
lines mixed in, as a bag and as files; a worker process killed in the middle of a run must not
lose or duplicate a line; a curriculum that does not load fails before anything is submitted;
each worker process loads the curriculum once. Run by ctest as python.dask (tests/CMakeLists.txt).
"""

from __future__ import annotations

import json
import os
import re
import signal
import subprocess
import sys
import time
from pathlib import Path
from typing import Any, Dict, Iterator, List

import pytest

import careerpath

import careerpath.dask as cpdask
import dask.bag as db
from distributed import Client, LocalCluster

ROOT = Path(__file__).resolve().parents[3]
PACKAGE_ROOT = Path(__file__).resolve().parents[1]
LINES = 10_000


@pytest.fixture(scope="module")
def examples() -> Path:
    return Path(os.environ.get("CAREERPATH_EXAMPLES", ROOT / "examples" / "data"))


@pytest.fixture(scope="module")
def curriculum_path(examples: Path) -> Path:
    return examples / "engineering-growth.json"


@pytest.fixture(scope="module")
def batch(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """10,000 requests, one in 50 bad (each kind of scripts/make-batch.py in turn: malformed
    JSON, an impossible date, an unknown skill or program, negative hours, an empty line)."""
    path = tmp_path_factory.mktemp("batch") / "requests.jsonl"
    subprocess.run([sys.executable, str(ROOT / "scripts" / "make-batch.py"), str(LINES), "-o", str(path),
                    "--bad-every", "50"], check=True, stderr=subprocess.DEVNULL)
    return path


@pytest.fixture(scope="module")
def expected(curriculum_path: Path, batch: Path) -> List[bytes]:
    """What plan_batch writes for the whole file in one process."""
    with careerpath.Curriculum.load(curriculum_path) as curriculum:
        return list(curriculum.plan_batch(batch.read_bytes(), threads=2, parse=False))


@pytest.fixture(scope="module")
def cluster() -> Iterator[LocalCluster]:
    # The worker processes import careerpath as this process does.
    path = os.environ.get("PYTHONPATH", "")
    if str(PACKAGE_ROOT) not in path.split(os.pathsep):
        os.environ["PYTHONPATH"] = os.pathsep.join(p for p in (str(PACKAGE_ROOT), path) if p)
    with cpdask.local_cluster(2) as cluster:
        assert isinstance(cluster, LocalCluster) and len(cluster.workers) == 2
        yield cluster


@pytest.fixture(scope="module")
def client(cluster: LocalCluster) -> Iterator[Client]:
    with Client(cluster) as client:
        yield client


def file_lines(directory: Path) -> List[bytes]:
    lines: List[bytes] = []
    for part in sorted(directory.glob("part-*.jsonl")):
        data = part.read_bytes()
        assert data == b"" or data.endswith(b"\n"), part
        lines.extend(data.splitlines())
    return lines


def test_expected_has_bad_lines(expected: List[bytes]) -> None:
    assert len(expected) == LINES
    errors = [json.loads(line)["error"] for line in expected if line.startswith(b'{"error"')]
    assert len(errors) == LINES // 50
    assert {e["status"] for e in errors} >= {"CAREERPATH_ERR_PARSE", "CAREERPATH_ERR_SCHEMA",
                                             "CAREERPATH_ERR_REFERENCE"}


def test_bag_equals_plan_batch(client: Client, curriculum_path: Path, batch: Path,
                               expected: List[bytes]) -> None:
    requests = cpdask.read_requests(batch, blocksize=batch.stat().st_size // 16)
    assert requests.npartitions >= 16
    plans = cpdask.plan_bag(curriculum_path, requests)
    lines = plans.compute()
    assert all(isinstance(line, str) for line in lines)
    assert "\n".join(lines).encode() == b"\n".join(expected)
    # Every worker process that planned loaded the curriculum once, for all its partitions.
    digest = cpdask._document(curriculum_path).digest
    loads = client.run(lambda: cpdask.loads[digest])
    assert sorted(loads.values()) == [1, 1], loads
    # local_cluster's workers start with the environment careerpath asks for.
    environ = client.run(lambda: os.environ.get("MALLOC_MMAP_THRESHOLD_"))
    assert set(environ.values()) == {cpdask.WORKER_ENVIRON["MALLOC_MMAP_THRESHOLD_"]}, environ


def test_files_equal_plan_batch(client: Client, curriculum_path: Path, batch: Path,
                                expected: List[bytes], tmp_path: Path) -> None:
    out = tmp_path / "plans"
    out.mkdir()
    (out / "part-99999.jsonl").write_text("an earlier run's\n")
    requests = cpdask.read_requests(batch, blocksize=batch.stat().st_size // 8)
    summaries = cpdask.plan_files(curriculum_path.read_bytes(), requests, out)
    assert [s["partition"] for s in summaries] == list(range(requests.npartitions))
    assert sum(s["lines"] for s in summaries) == LINES
    assert sum(s["failed"] for s in summaries) == LINES // 50
    assert all(s["planned"] + s["failed"] == s["lines"] for s in summaries)
    assert not (out / "part-99999.jsonl").exists()
    assert file_lines(out) == expected


def test_worker_killed_mid_run_loses_and_repeats_nothing(client: Client, cluster: LocalCluster,
                                                         curriculum_path: Path, batch: Path,
                                                         expected: List[bytes], tmp_path: Path) -> None:
    out = tmp_path / "plans"
    requests = cpdask.read_requests(batch, blocksize=batch.stat().st_size // 40)
    tasks = cpdask.plan_files(curriculum_path, requests, out, compute=False)
    futures = client.compute(tasks)
    pids = client.run(os.getpid)
    # Kill a worker process while it writes a partition, after other partitions are done: its
    # temporary file (.part-N.jsonl.PID.THREAD.tmp) names it.
    deadline = time.monotonic() + 120
    victim = None
    while victim is None:
        done = sum(future.done() for future in futures)
        assert done < len(futures), "the run ended before a worker could be killed"
        assert time.monotonic() < deadline
        if done >= 3:
            for temporary in out.glob(".part-*.tmp"):
                pid = int(temporary.name.split(".")[3])
                if pid in pids.values():
                    victim, partition = pid, int(temporary.name.split(".")[1][len("part-"):])
                    break
        time.sleep(0.002)
    os.kill(victim, signal.SIGKILL)
    summaries = client.gather(futures)
    assert done < len(futures)
    # The partition it was writing ran again, elsewhere or on the restarted worker.
    story = [transition for _, *transition in cluster.scheduler.story(tasks[partition].key)]
    assert sum(1 for start, finish, *_ in story if finish == "processing") >= 2, story
    assert sum(s["lines"] for s in summaries) == LINES
    cpdask.remove_stale_parts(out, len(tasks))  # the dead worker's temporary file
    assert sorted(p.name for p in out.iterdir()) == [cpdask._part_name(i, len(tasks)) for i in range(len(tasks))]
    assert file_lines(out) == expected
    # The nanny restarted the worker: a new process, and still two of them.
    client.wait_for_workers(2, timeout=60)
    assert victim not in client.run(os.getpid).values()


def test_bad_curriculum_fails_before_any_task(client: Client) -> None:
    def never(_: Any) -> List[str]:
        raise AssertionError("a partition was computed for a curriculum that does not load")

    requests = db.from_sequence(range(4), npartitions=2).map_partitions(never)
    with pytest.raises(careerpath.SchemaError) as caught:
        cpdask.plan_bag({"id": "x", "levels": ["none", "beginner"], "skills": [{"id": "a", "hours": -1}]},
                        requests)
    assert caught.value.pointer == "/skills/0/hours"
    with pytest.raises(careerpath.ParseError):
        cpdask.plan_files(b"{", requests, "unused")


def test_items_of_every_kind(client: Client, curriculum_path: Path, examples: Path) -> None:
    alex = json.loads((examples / "alex.request.json").read_text())
    text = json.dumps(alex, indent=2)  # line breaks inside an item are spaces
    items: List[Any] = [alex, text, text.encode(), "not json", alex, "", {"program": "nope"}]
    bag = db.from_sequence(items, npartitions=3)
    lines = cpdask.plan_bag(curriculum_path, bag, threads=1).compute()
    with careerpath.Curriculum.load(curriculum_path) as curriculum:
        assert [line.encode() for line in lines] == list(curriculum.plan_batch(items, parse=False))
    errors = [json.loads(line)["error"]["line"] for line in lines if line.startswith('{"error"')]
    assert errors == [4, 6, 7]


def test_file_bytes_as_they_are(client: Client, curriculum_path: Path, examples: Path, tmp_path: Path) -> None:
    # A CRLF line, a byte that is not UTF-8, a CR inside a line, an empty line, no final line
    # break: read_requests hands each line to the library with its bytes, as careerpath batch does.
    alex = (examples / "alex.request.json").read_text().replace("\n", " ").encode()
    data = alex + b"\r\n" + alex[:-1] + b"\xff}\n" + alex[:20] + b"\r" + alex[20:] + b"\n\n" + alex
    path = tmp_path / "odd.jsonl"
    path.write_bytes(data)
    with careerpath.Curriculum.load(curriculum_path) as curriculum:
        expected = list(curriculum.plan_batch(data, parse=False))
    assert len(expected) == 5 and sum(line.startswith(b'{"error"') for line in expected) == 2
    for blocksize in (None, len(alex) // 2):
        lines = cpdask.plan_bag(curriculum_path, cpdask.read_requests(path, blocksize=blocksize)).compute()
        assert [line.encode("utf-8", "surrogateescape") for line in lines] == expected


def test_renumber_changes_only_the_line_number() -> None:
    line = b'{"error":{"line":7,"message":"line 7 of x","pointer":"","status":"CAREERPATH_ERR_PARSE"},"schema_version":"1.0"}'
    assert cpdask._renumber(line, 100) == line.replace(b'"line":7', b'"line":107')
    assert cpdask._renumber(b'{"gaps":[]}', 100) == b'{"gaps":[]}'
    assert cpdask.partition_offsets([3, 0, 2, 5]) == [0, 3, 3, 5]


def run_cli(*args: str) -> subprocess.CompletedProcess:
    return subprocess.run([sys.executable, "-m", "careerpath._dask_cli", *args], capture_output=True, text=True,
                          timeout=300)


def test_command_line(curriculum_path: Path, batch: Path, expected: List[bytes], tmp_path: Path) -> None:
    out = tmp_path / "plans"
    result = run_cli(str(curriculum_path), str(batch), "--local", "2", "--threads", "1", "--out", str(out),
                     "--blocksize", str(batch.stat().st_size // 6))
    # Bad lines: exit 1, the output still complete.
    assert result.returncode == 1, result.stderr
    summary = result.stderr.strip().splitlines()[-1]
    assert re.fullmatch(
        rf"careerpath-dask: {LINES} lines, {LINES - LINES // 50} planned, {LINES // 50} failed, "
        rf"[0-9.]+ s \([0-9]+ lines/s\), [0-9]+ files in {re.escape(str(out))}, 2 workers", summary), summary
    assert file_lines(out) == expected


def test_command_line_scheduler_address(cluster: LocalCluster, curriculum_path: Path, batch: Path,
                                        expected: List[bytes], tmp_path: Path) -> None:
    # Any scheduler the user names: here the running cluster's, which another process reaches by
    # its address alone.
    out = tmp_path / "plans"
    result = run_cli(str(curriculum_path), str(batch), "--scheduler", cluster.scheduler_address,
                     "--out", str(out), "--no-progress")
    assert result.returncode == 1, result.stderr
    assert result.stderr.strip().splitlines()[-1].startswith(
        f"careerpath-dask: {LINES} lines, {LINES - LINES // 50} planned, {LINES // 50} failed, ")
    assert file_lines(out) == expected


def test_command_line_errors(tmp_path: Path, batch: Path) -> None:
    bad = tmp_path / "bad.json"
    bad.write_text('{"id": "x", "levels": ["none", "beginner"], "skills": [{"id": "a", "hours": -1}]}')
    started = time.monotonic()
    result = run_cli(str(bad), str(batch), "--local", "2", "--out", str(tmp_path / "out"))
    assert result.returncode == 1
    assert result.stderr.startswith(f"{bad}: error: ")
    assert "status: CAREERPATH_ERR_SCHEMA" in result.stderr and "at: /skills/0/hours" in result.stderr
    assert not (tmp_path / "out").exists()
    assert time.monotonic() - started < 30  # no cluster was started
    usage = run_cli(str(bad), str(batch), "--out", str(tmp_path / "out"))
    assert usage.returncode == 2 and "--scheduler" in usage.stderr
