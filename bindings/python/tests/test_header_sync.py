"""Keeps the Python binding in step with capi/careerpath.h.

Parses the header (../../../capi/careerpath.h from this file) and fails when the Python `Status`
enum drifts from `enum careerpath_status`, when `_native.FUNCTIONS` binds a function the header
does not declare or declares it with a different number of parameters, or when a function-pointer
typedef of the header (careerpath_sink_fn) has no ctypes CFUNCTYPE of the same name and arity;
and when the binding's version (careerpath._version, the wheel's version) drifts from the header's
and the project's (CMakeLists.txt).
"""

from __future__ import annotations

import ctypes
import re
from pathlib import Path
from typing import Dict

import pytest

from careerpath import Status, _native, _version

HEADER = (Path(__file__).resolve().parent / ".." / ".." / ".." / "capi" / "careerpath.h").resolve()


def header_text() -> str:
    if not HEADER.is_file():
        pytest.fail(f"cannot find the C header at {HEADER}")
    text = HEADER.read_text(encoding="utf-8")
    text = re.sub(r"/\*.*?\*/", " ", text, flags=re.S)  # comments
    return re.sub(r"//[^\n]*", " ", text)


def header_status_enum() -> Dict[str, int]:
    match = re.search(r"typedef\s+enum\s+careerpath_status\s*\{(.*?)\}\s*careerpath_status\s*;",
                      header_text(), flags=re.S)
    assert match, "no `typedef enum careerpath_status { ... } careerpath_status;` in the header"
    values: Dict[str, int] = {}
    next_value = 0
    for entry in match.group(1).split(","):
        entry = entry.strip()
        if not entry:
            continue
        parts = re.fullmatch(r"(\w+)\s*(?:=\s*(-?\w+))?", entry)
        assert parts, f"cannot parse enumerator {entry!r}"
        name, value = parts.groups()
        next_value = int(value, 0) if value is not None else next_value
        values[name] = next_value
        next_value += 1
    return values


def header_functions() -> Dict[str, int]:
    """Function name -> number of parameters, for every CAREERPATH_API declaration."""
    text = header_text()
    functions: Dict[str, int] = {}
    for match in re.finditer(r"\bCAREERPATH_API\b([^;{]*?)\b(careerpath_\w+)\s*\(([^)]*)\)\s*;",
                             text, flags=re.S):
        params = " ".join(match.group(3).split())
        count = 0 if params in ("", "void") else params.count(",") + 1
        functions[match.group(2)] = count
    return functions


def header_function_pointer_types() -> Dict[str, int]:
    """Typedef name -> number of parameters, for every `typedef R (*careerpath_x)(...);`."""
    types: Dict[str, int] = {}
    for match in re.finditer(r"\btypedef\b[^;{()]*\(\s*\*\s*(careerpath_\w+)\s*\)\s*\(([^)]*)\)\s*;",
                             header_text(), flags=re.S):
        params = " ".join(match.group(2).split())
        types[match.group(1)] = 0 if params in ("", "void") else params.count(",") + 1
    return types


def test_status_enum_matches_header() -> None:
    header = header_status_enum()
    assert header, "the header's careerpath_status enum is empty"
    python = {"CAREERPATH_" + member.name: member.value for member in Status}
    missing_in_python = sorted(set(header) - set(python))
    missing_in_header = sorted(set(python) - set(header))
    assert not missing_in_python, f"add to careerpath.Status: {missing_in_python}"
    assert not missing_in_header, f"not in careerpath.h: {missing_in_header}"
    for name, value in header.items():
        assert python[name] == value, f"{name} is {value} in the header, {python[name]} in Python"


def test_every_error_status_has_an_exception() -> None:
    from careerpath.errors import ERRORS_BY_STATUS

    for name, value in header_status_enum().items():
        if value != 0:
            assert Status(value) in ERRORS_BY_STATUS, f"no exception class for {name}"


def test_bound_functions_are_declared_in_header() -> None:
    declared = header_functions()
    assert "careerpath_curriculum_load" in declared, "could not parse the header's prototypes"
    for name, argtypes, _ in _native.FUNCTIONS:
        assert name in declared, f"_native binds {name}, which careerpath.h does not declare"
        assert len(argtypes) == declared[name], (
            f"{name}: {len(argtypes)} argtypes in _native, {declared[name]} parameters in the header"
        )


def test_function_pointer_types_match_header() -> None:
    declared = header_function_pointer_types()
    assert "careerpath_sink_fn" in declared, "could not parse the header's function-pointer typedefs"
    for name, arity in declared.items():
        python = getattr(_native, name, None)
        assert python is not None, f"careerpath.h declares {name}; add its CFUNCTYPE to _native"
        assert len(python._argtypes_) == arity, (
            f"{name}: {len(python._argtypes_)} argtypes in _native, {arity} parameters in the header"
        )
    # Every function parameter of a function-pointer type is bound with that very CFUNCTYPE.
    for name, argtypes, _ in _native.FUNCTIONS:
        for argtype in argtypes:
            if isinstance(argtype, type) and issubclass(argtype, ctypes._CFuncPtr):  # type: ignore[attr-defined]
                assert any(argtype is getattr(_native, t, None) for t in declared), (
                    f"{name} binds a callback type that is not one of the header's typedefs"
                )


def test_loaded_library_matches_header_version(lib: _native.Library) -> None:
    text = header_text()
    macros = {
        part: int(re.search(rf"#\s*define\s+CAREERPATH_VERSION_{part}\s+(\d+)", text).group(1))  # type: ignore[union-attr]
        for part in ("MAJOR", "MINOR", "PATCH")
    }
    expected = macros["MAJOR"] * 10000 + macros["MINOR"] * 100 + macros["PATCH"]
    assert lib.careerpath_version() == expected, (
        f"the loaded library {lib.path} is version {lib.careerpath_version()}, the header says "
        f"{expected}: point CAREERPATH_LIBRARY at a build of this tree"
    )


def test_binding_version_is_the_project_version() -> None:
    text = header_text()
    header = ".".join(
        re.search(rf"#\s*define\s+CAREERPATH_VERSION_{part}\s+(\d+)", text).group(1)  # type: ignore[union-attr]
        for part in ("MAJOR", "MINOR", "PATCH")
    )
    cmake = (HEADER.parent.parent / "CMakeLists.txt").read_text(encoding="utf-8")
    project = re.search(r"project\(careerpath\s+VERSION\s+([0-9.]+)", cmake)
    assert project, "no `project(careerpath VERSION x.y.z` in CMakeLists.txt"
    assert _version.__version__ == header == project.group(1), (
        f"careerpath/_version.py says {_version.__version__}, capi/careerpath.h {header}, "
        f"CMakeLists.txt {project.group(1)}: keep them equal"
    )
    assert _version.ABI_MAJOR == int(header.split(".")[0])
