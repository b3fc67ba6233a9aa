#!/usr/bin/env python3
"""Load a curriculum with the careerpath Python binding and print a readable summary.

Usage:
    describe_curriculum.py [CURRICULUM.json]

The default is ../data/engineering-growth.json next to this script. Point CAREERPATH_LIBRARY at
the built shared library and put bindings/python on PYTHONPATH, for example from the repository
root:

    CAREERPATH_LIBRARY=build/libcareerpath.so.0 PYTHONPATH=bindings/python \
        python3 examples/python/describe_curriculum.py

Exits 1, printing the file, the JSON Pointer and the message, when the curriculum is invalid.
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path
from typing import Any, Dict, List, Optional

import careerpath

DEFAULT = Path(__file__).resolve().parent / ".." / "data" / "engineering-growth.json"


def print_summary(summary: Dict[str, Any]) -> None:
    title = summary.get("title")
    print(f"{summary['id']}" + (f" - {title}" if title else ""))
    print(f"levels: {' < '.join(summary['levels'])}")
    print()
    print("counts:")
    counts = summary["counts"]
    order = ["skills", "areas", "units", "edges", "prerequisites", "roles", "programs",
             "session_types", "metrics"]
    names = [name for name in order if name in counts] + sorted(set(counts) - set(order))
    width = max(len(name) for name in names)
    for name in names:
        print(f"  {name.replace('_', ' '):<{width}}  {counts[name]:>6}")
    print()
    roles: List[Dict[str, Any]] = summary.get("roles", [])
    print(f"roles ({len(roles)}):")
    for role in roles:
        heading = f"  {role['id']}"
        if role.get("title"):
            heading += f" ({role['title']})"
        if role.get("extends"):
            heading += f", extends {role['extends']}"
        print(heading)
        for skill, level in sorted(role.get("requires", {}).items()):
            print(f"      {skill:<32} {level}")
    for key in ("programs", "session_types", "metrics"):
        ids = summary.get(key) or []
        if ids:
            print(f"{key.replace('_', ' ')}: {', '.join(ids)}")


def main(argv: Optional[List[str]] = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("curriculum", nargs="?", default=str(DEFAULT.resolve()),
                        help="curriculum JSON file (default: %(default)s)")
    args = parser.parse_args(argv)
    try:
        with careerpath.Curriculum.load(args.curriculum) as curriculum:
            summary = curriculum.describe()
    except careerpath.Error as error:
        where = error.pointer or "(document)"
        print(f"{args.curriculum}: {where}: {error.message}", file=sys.stderr)
        return 1
    except OSError as error:  # unreadable file, or the shared library was not found
        print(f"{args.curriculum}: {error}" if error.filename else str(error), file=sys.stderr)
        return 1
    print(f"careerpath {careerpath.version()}")
    print_summary(summary)
    return 0


if __name__ == "__main__":
    sys.exit(main())
