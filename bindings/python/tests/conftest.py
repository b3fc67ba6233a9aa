"""Shared fixtures for the careerpath Python binding tests.

Run from the repository root, e.g.::

    CAREERPATH_LIBRARY=build/libcareerpath.so.0 CAREERPATH_EXAMPLES=examples/data \
    PYTHONPATH=bindings/python python3 -m pytest bindings/python/tests
"""

from __future__ import annotations

import copy
import os
import sys
from pathlib import Path
from typing import Any, Dict

import pytest

# Let the tests run without PYTHONPATH too: the package is the sibling of this directory.
_PACKAGE_ROOT = Path(__file__).resolve().parent.parent
if str(_PACKAGE_ROOT) not in sys.path:
    sys.path.insert(0, str(_PACKAGE_ROOT))

from careerpath import _native  # noqa: E402

HEADER = Path(__file__).resolve().parent / ".." / ".." / ".." / "capi" / "careerpath.h"

# Three levels, three skills in two areas, two prerequisites and two roles (one extending the
# other): units = 3 x 2 = 6, edges = 3 level-chain edges + 2 prerequisite edges = 5.
SMALL: Dict[str, Any] = {
    "id": "small",
    "title": "Small framework",
    "levels": ["none", "beginner", "intermediate"],
    "skills": [
        {"id": "a", "title": "Skill A", "area": "x", "hours": 2},
        {"id": "b", "title": "Skill B", "area": "y", "hours": 3,
         "hours_by_level": {"intermediate": 5}},
        {"id": "c", "title": "Skill C", "area": "x", "hours": 1.5},
    ],
    "prerequisites": [
        {"skill": "b", "requires": "a"},
        {"skill": "c", "level": "intermediate", "requires": "b", "requires_level": "beginner"},
    ],
    "roles": [
        {"id": "dev", "title": "Developer", "requires": {"a": "intermediate", "b": 1}},
        {"id": "senior", "title": "Senior developer", "extends": "dev",
         "requires": {"c": "intermediate"}},
    ],
}

TINY: Dict[str, Any] = {"id": "x", "levels": ["none", "beginner"], "skills": [{"id": "a", "hours": 1}]}


@pytest.fixture(scope="session")
def lib() -> _native.Library:
    """The raw library; fails (never skips) when it cannot be found: set CAREERPATH_LIBRARY."""
    return _native.library()


@pytest.fixture
def small() -> Dict[str, Any]:
    return copy.deepcopy(SMALL)


@pytest.fixture
def tiny() -> Dict[str, Any]:
    return copy.deepcopy(TINY)


@pytest.fixture
def examples_dir() -> Path:
    directory = os.environ.get("CAREERPATH_EXAMPLES")
    if not directory:
        pytest.skip("CAREERPATH_EXAMPLES is not set (the directory holding engineering-growth.json)")
    return Path(directory)


@pytest.fixture
def example(examples_dir: Path):
    """The example curriculum (engineering-growth.json), loaded for one test and closed after it."""
    import careerpath

    with careerpath.Curriculum.load(str(examples_dir / "engineering-growth.json")) as curriculum:
        yield curriculum
