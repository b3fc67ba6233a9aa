"""The raw C surface, called through ctypes exactly as declared in careerpath._native."""

from __future__ import annotations

import ctypes
import ctypes.util
import json
import os
import re
import subprocess
import sys
import types
from ctypes import byref, c_void_p

import pytest

import careerpath
from careerpath import ParseError, Status, _native, _version

VALID = json.dumps(
    {"id": "x", "levels": ["none", "beginner"], "skills": [{"id": "a", "hours": 1}]}
).encode()


def load_raw(lib: _native.Library, data: bytes = VALID) -> int:
    out = c_void_p()
    status = lib.careerpath_curriculum_load(byref(out), data, len(data))
    assert status == Status.OK, lib.careerpath_last_error()
    assert out.value
    return out.value


def test_version_numbers_agree(lib: _native.Library) -> None:
    text = lib.careerpath_version_string().decode("ascii")
    match = re.fullmatch(r"(\d+)\.(\d+)\.(\d+)", text)
    assert match, text
    major, minor, patch = (int(part) for part in match.groups())
    assert minor < 100 and patch < 100
    assert lib.careerpath_version() == major * 10000 + minor * 100 + patch


def test_every_status_has_a_name(lib: _native.Library) -> None:
    for status in Status:
        assert lib.careerpath_status_name(status).decode("ascii") == "CAREERPATH_" + status.name
    for unknown in (-1, len(Status), 99, 2**31 - 1):
        assert lib.careerpath_status_name(unknown) == b"CAREERPATH_UNKNOWN_STATUS"


def test_status_name_is_stateless(lib: _native.Library) -> None:
    out = c_void_p()
    assert lib.careerpath_curriculum_load(byref(out), b"{", 1) == Status.ERR_PARSE
    message = lib.careerpath_last_error()
    assert lib.careerpath_status_name(Status.ERR_SCHEMA) == b"CAREERPATH_ERR_SCHEMA"
    assert lib.careerpath_last_error() == message


def test_null_out_pointer_is_an_argument_error(lib: _native.Library) -> None:
    assert lib.careerpath_curriculum_load(None, VALID, len(VALID)) == Status.ERR_ARGUMENT
    assert lib.careerpath_last_error() != b""

    out = c_void_p()
    assert lib.careerpath_curriculum_describe(None, byref(out)) == Status.ERR_ARGUMENT
    assert out.value is None
    assert lib.careerpath_last_error() != b""

    handle = load_raw(lib)
    try:
        assert lib.careerpath_curriculum_describe(handle, None) == Status.ERR_ARGUMENT
        assert lib.careerpath_last_error() != b""
    finally:
        lib.careerpath_curriculum_free(handle)


def test_null_json_is_an_argument_error(lib: _native.Library) -> None:
    out = c_void_p()
    assert lib.careerpath_curriculum_load(byref(out), None, 10) == Status.ERR_ARGUMENT
    assert out.value is None


def test_failure_leaves_out_null(lib: _native.Library) -> None:
    out = c_void_p(0x1234)  # garbage the library must overwrite with NULL
    assert lib.careerpath_curriculum_load(byref(out), b"[", 1) == Status.ERR_PARSE
    assert out.value is None


def test_free_null_is_a_no_op(lib: _native.Library) -> None:
    lib.careerpath_free(None)
    lib.careerpath_curriculum_free(None)


def test_success_clears_the_last_error(lib: _native.Library) -> None:
    out = c_void_p()
    assert lib.careerpath_curriculum_load(byref(out), b"nope", 4) == Status.ERR_PARSE
    assert lib.careerpath_last_error() != b""
    handle = load_raw(lib)
    try:
        assert lib.careerpath_last_error() == b""
        assert lib.careerpath_last_error_pointer() == b""
    finally:
        lib.careerpath_curriculum_free(handle)


def test_input_length_is_explicit(lib: _native.Library) -> None:
    # The buffer need not be NUL-terminated: bytes past `len` are never read.
    padded = VALID + b"}}} trailing garbage"
    out = c_void_p()
    padded_buffer = ctypes.create_string_buffer(padded)
    assert lib.careerpath_curriculum_load(byref(out), padded_buffer, len(VALID)) == Status.OK
    lib.careerpath_curriculum_free(out.value)
    # ... and a length that cuts the document short makes it malformed.
    assert lib.careerpath_curriculum_load(byref(out), VALID, len(VALID) - 1) == Status.ERR_PARSE
    assert out.value is None


def test_describe_returns_a_buffer_freed_with_careerpath_free(lib: _native.Library) -> None:
    handle = load_raw(lib)
    try:
        out = c_void_p()
        assert lib.careerpath_curriculum_describe(handle, byref(out)) == Status.OK
        assert out.value
        text = ctypes.string_at(out.value).decode("utf-8")
        lib.careerpath_free(out)
        summary = json.loads(text)
        assert summary["id"] == "x"
        assert summary["levels"] == ["none", "beginner"]
    finally:
        lib.careerpath_curriculum_free(handle)


def test_error_detail_is_read_by_check(lib: _native.Library) -> None:
    out = c_void_p()
    status = lib.careerpath_curriculum_load(byref(out), b"{]", 2)
    with pytest.raises(ParseError) as caught:
        _native.check(status, lib)
    assert caught.value.status is Status.ERR_PARSE
    assert caught.value.message


def test_missing_library_says_what_to_do(monkeypatch: pytest.MonkeyPatch, tmp_path) -> None:
    missing = tmp_path / "libcareerpath.so.0"
    monkeypatch.setenv(_native.ENV_VAR, str(missing))
    with pytest.raises(_native.LibraryError) as caught:
        _native.load()
    assert "CAREERPATH_LIBRARY" in str(caught.value)
    assert str(missing) in str(caught.value)

    not_a_library = tmp_path / "libcareerpath.so"
    not_a_library.write_text("not an ELF file")
    with pytest.raises(_native.LibraryError) as caught:
        _native.load(str(not_a_library))
    assert "CAREERPATH_LIBRARY" in str(caught.value)


def test_missing_symbol_names_the_function(lib: _native.Library) -> None:
    libc_name = ctypes.util.find_library("c")
    if libc_name is None:
        pytest.skip("no C library to stand in for an old libcareerpath")
    with pytest.raises(_native.LibraryError) as caught:
        _native.bind(ctypes.CDLL(libc_name), libc_name)
    assert "careerpath_version" in str(caught.value)
    assert "CAREERPATH_LIBRARY" in str(caught.value)


def other_major(lib: _native.Library) -> types.SimpleNamespace:
    """The real library's functions, but careerpath_version says 1.0.0: a libcareerpath.so.1."""
    functions = {name: getattr(lib.cdll, name) for name, _, _ in _native.FUNCTIONS}

    def careerpath_version() -> int:
        return 10000

    functions["careerpath_version"] = careerpath_version
    return types.SimpleNamespace(**functions)


def test_library_of_another_abi_major_is_refused(lib: _native.Library, monkeypatch: pytest.MonkeyPatch) -> None:
    with pytest.raises(_native.LibraryError) as caught:
        _native.bind(other_major(lib), "/opt/new/libcareerpath.so.1")  # type: ignore[arg-type]
    message = str(caught.value)
    assert "/opt/new/libcareerpath.so.1 is version 1.0.0 (ABI 1)" in message
    assert f"careerpath {careerpath.__version__} and needs ABI {_version.ABI_MAJOR}" in message
    assert "CAREERPATH_LIBRARY" in message

    # The same through the lookup, as an import that finds such a library would meet it.
    monkeypatch.setattr(_native.ctypes, "CDLL", lambda path: other_major(lib))
    monkeypatch.setenv(_native.ENV_VAR, lib.path)
    with pytest.raises(_native.LibraryError, match=r"\(ABI 1\)"):
        _native.load()


def test_library_of_this_abi_major_is_accepted(lib: _native.Library) -> None:
    assert lib.careerpath_version() // 10000 == _version.ABI_MAJOR
    _native.check_abi(lib)


def test_table_declares_every_bound_function(lib: _native.Library) -> None:
    names = [name for name, _, _ in _native.FUNCTIONS]
    assert len(names) == len(set(names))
    for name, argtypes, restype in _native.FUNCTIONS:
        function = getattr(lib, name)
        assert function.argtypes == argtypes
        assert function.restype == restype


def import_in_child(code: str, env: dict) -> "subprocess.CompletedProcess[str]":
    """`code`, then `import careerpath`, in a fresh interpreter with `env` added. "imported" is
    printed before any call, so a failure after the import shows as "imported" on stdout."""
    return subprocess.run(
        [sys.executable, "-c", code + "\nimport careerpath\nprint('imported')\nprint(careerpath.version())"],
        env={**os.environ, **env},
        capture_output=True,
        text=True,
        timeout=120,
    )


def test_import_fails_on_a_missing_library(tmp_path) -> None:
    missing = tmp_path / "libcareerpath.so.0"
    child = import_in_child("", {_native.ENV_VAR: str(missing)})
    assert child.returncode != 0
    assert "imported" not in child.stdout
    assert "LibraryError" in child.stderr
    assert f"CAREERPATH_LIBRARY is set to '{missing}', which does not exist" in child.stderr


def test_import_fails_on_a_library_of_another_abi_major(lib: _native.Library) -> None:
    # The real library, but its careerpath_version says 1.0.0: what a libcareerpath.so.1 says.
    stand_in = (
        "import ctypes\n"
        "real = ctypes.CDLL\n"
        "class Other:\n"
        "    def __init__(self, path):\n"
        "        self._lib = real(path)\n"
        "        self.careerpath_version = lambda: 10000\n"
        "    def __getattr__(self, name):\n"
        "        return getattr(self._lib, name)\n"
        "ctypes.CDLL = Other\n"
    )
    child = import_in_child(stand_in, {_native.ENV_VAR: lib.path})
    assert child.returncode != 0
    assert "imported" not in child.stdout
    assert f"the library {lib.path} is version 1.0.0 (ABI 1)" in child.stderr
    assert f"needs ABI {_version.ABI_MAJOR}" in child.stderr

    # The same child without the stand-in imports, so the failure above is the ABI's alone.
    fine = import_in_child("", {_native.ENV_VAR: lib.path})
    assert fine.returncode == 0, fine.stderr
    assert fine.stdout == f"imported\n{careerpath.version()}\n"
