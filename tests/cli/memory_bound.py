"""Documents that once took gigabytes are rejected by a limit within a small address space
(docs/limits.md): a chain of 10,000 roles, 10,000 roles over one 100,000-skill role, and 12,000
phases focused on a 100,000-skill area, each run of `careerpath validate` capped at 1 GiB of
address space. Before max_role_requirements and max_focus_skills they needed 2.3 GiB, over 6 GiB
and about 10 GiB (docs/benchmarks.md), so under the cap they would fail to allocate instead.

    python3 tests/cli/memory_bound.py CAREERPATH_PROGRAM

The documents and the capped run come from scripts/memory-table.py.
"""
import importlib.util
import json
import os
import sys
import tempfile

ROOT = os.path.dirname(os.path.dirname(os.path.dirname(os.path.abspath(__file__))))
spec = importlib.util.spec_from_file_location("memory_table", os.path.join(ROOT, "scripts", "memory-table.py"))
memory_table = importlib.util.module_from_spec(spec)
spec.loader.exec_module(memory_table)

CAP = 1 << 30
PEAK = 512 << 20  # generous: the three runs peak near 40 and 110 MiB, mostly the parsed document

CASES = [
    ("a chain of 10,000 roles", lambda: memory_table.chain(10000), "ERR_LIMIT at /roles/1413"),
    ("10,000 roles over a 100,000-skill role", lambda: memory_table.star(10000, 100000), "ERR_LIMIT at /roles/10"),
    ("12,000 phases on a 100,000-skill area", lambda: memory_table.focus(12000),
     "ERR_LIMIT at /programs/0/phases/10/focus/0"),
]


def main():
    program = sys.argv[1]
    failures = 0
    with tempfile.TemporaryDirectory(prefix="careerpath-memory-bound-") as scratch:
        path = os.path.join(scratch, "curriculum.json")
        for name, make, expected in CASES:
            with open(path, "w") as f:
                json.dump(make(), f, separators=(",", ":"))
            peak, _, outcome = memory_table.run(program, ["validate", path], CAP, 300, scratch)
            ok = outcome == expected and peak < PEAK
            failures += not ok
            print("%s: %s: %s, peak %s (want %s under %s)" % ("ok" if ok else "FAILED", name, outcome,
                                                            memory_table.human_bytes(peak), expected,
                                                            memory_table.human_bytes(PEAK)))
    return 1 if failures else 0


if __name__ == "__main__":
    sys.exit(main())
