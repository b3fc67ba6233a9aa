"""The raw C surface: finding libcareerpath and declaring its functions.

Everything ctypes knows about the library is in ``FUNCTIONS`` below: one ``(name, argtypes,
restype)`` entry per function of ``capi/careerpath.h``, each beside the C prototype it mirrors.
Add a function to the header, then add its entry here; nothing else declares prototypes.

The library is looked up when ``careerpath`` is imported (``library()``), in this order:

1. the environment variable ``CAREERPATH_LIBRARY`` (a path to the shared library);
2. a ``libcareerpath.so*`` (``.dylib``, ``careerpath.dll``) inside or beside the package directory;
3. the system loader, through ``ctypes.util.find_library("careerpath")``.

The wheel (scripts/build-wheel.sh) and ``cmake --install`` put the library inside the package
directory, so an installed binding finds its own library at step 2. Whatever is found must be of
this binding's ABI major version (``_version.ABI_MAJOR``); another major is refused with a
``LibraryError`` naming both versions, before any call is made.
"""

from __future__ import annotations

import ctypes
import ctypes.util
import os
import sys
import threading
from ctypes import POINTER, c_char_p, c_int, c_size_t, c_uint, c_void_p
from pathlib import Path
from typing import Any, List, Optional, Sequence, Tuple

from ._version import ABI_MAJOR, __version__
from .errors import InternalError, Status, error_for_status

__all__ = [
    "FUNCTIONS",
    "ENV_VAR",
    "LibraryError",
    "Library",
    "library",
    "load",
    "bind",
    "check_abi",
    "check",
    "take_string",
    "careerpath_sink_fn",
]

ENV_VAR = "CAREERPATH_LIBRARY"

# careerpath_status is a C enum: an int on every ABI we support.
careerpath_status = c_int
# Opaque handle (careerpath_curriculum *) held as an address.
careerpath_curriculum_p = c_void_p

# typedef int (*careerpath_sink_fn)(const char *line, size_t len, void *user);
# `line` is declared c_void_p, not c_char_p, so that the callback reads exactly `len` bytes with
# ctypes.string_at(line, len) rather than a copy up to the first NUL. Called on the thread that
# called careerpath_plan_batch; a nonzero return stops the batch (CAREERPATH_ERR_CANCELLED).
careerpath_sink_fn = ctypes.CFUNCTYPE(c_int, c_void_p, c_size_t, c_void_p)

# Buffers returned through `char **` are declared POINTER(c_void_p), not POINTER(c_char_p): a
# c_char_p would be converted to a Python bytes copy on access and the address needed by
# careerpath_free() would be lost. `take_string` copies the text and frees the buffer.
FUNCTIONS: Sequence[Tuple[str, List[Any], Any]] = (
    # unsigned careerpath_version(void);
    ("careerpath_version", [], c_uint),
    # const char *careerpath_version_string(void);
    ("careerpath_version_string", [], c_char_p),
    # const char *careerpath_status_name(careerpath_status status);
    ("careerpath_status_name", [careerpath_status], c_char_p),
    # const char *careerpath_last_error(void);
    ("careerpath_last_error", [], c_char_p),
    # const char *careerpath_last_error_pointer(void);
    ("careerpath_last_error_pointer", [], c_char_p),
    # careerpath_status careerpath_curriculum_load(careerpath_curriculum **out,
    #                                              const char *json, size_t len);
    ("careerpath_curriculum_load", [POINTER(careerpath_curriculum_p), c_char_p, c_size_t],
     careerpath_status),
    # void careerpath_curriculum_free(careerpath_curriculum *curriculum);
    ("careerpath_curriculum_free", [careerpath_curriculum_p], None),
    # careerpath_status careerpath_curriculum_describe(const careerpath_curriculum *curriculum,
    #                                                  char **out_json);
    ("careerpath_curriculum_describe", [careerpath_curriculum_p, POINTER(c_void_p)],
     careerpath_status),
    # careerpath_status careerpath_plan(const careerpath_curriculum *curriculum, const char *request,
    #                                   size_t len, char **out_json);
    ("careerpath_plan", [careerpath_curriculum_p, c_char_p, c_size_t, POINTER(c_void_p)],
     careerpath_status),
    # careerpath_status careerpath_plan_batch(const careerpath_curriculum *curriculum,
    #                                         const char *requests_jsonl, size_t len, unsigned threads,
    #                                         careerpath_sink_fn sink, void *user);
    ("careerpath_plan_batch",
     [careerpath_curriculum_p, c_char_p, c_size_t, c_uint, careerpath_sink_fn, c_void_p],
     careerpath_status),
    # careerpath_status careerpath_score(const careerpath_curriculum *c, const char *request, size_t len,
    #                                    char **out_json);
    ("careerpath_score", [careerpath_curriculum_p, c_char_p, c_size_t, POINTER(c_void_p)],
     careerpath_status),
    # careerpath_status careerpath_cohort(const careerpath_curriculum *c, const char *request, size_t len,
    #                                     char **out_json);
    ("careerpath_cohort", [careerpath_curriculum_p, c_char_p, c_size_t, POINTER(c_void_p)],
     careerpath_status),
    # careerpath_status careerpath_match(const careerpath_curriculum *c, const char *request, size_t len,
    #                                    char **out_json);
    ("careerpath_match", [careerpath_curriculum_p, c_char_p, c_size_t, POINTER(c_void_p)],
     careerpath_status),
    # careerpath_status careerpath_plan_cohort(const careerpath_curriculum *c, const char *request, size_t len,
    #                                          char **out_json);   /* since 0.2 */
    ("careerpath_plan_cohort", [careerpath_curriculum_p, c_char_p, c_size_t, POINTER(c_void_p)],
     careerpath_status),
    # careerpath_status careerpath_export(const careerpath_curriculum *c, const char *format,
    #                                     const char *input, size_t len, char **out_text);
    ("careerpath_export", [careerpath_curriculum_p, c_char_p, c_char_p, c_size_t, POINTER(c_void_p)],
     careerpath_status),
    # void careerpath_free(void *buffer);
    ("careerpath_free", [c_void_p], None),
    # careerpath_status careerpath_import(const char *format, const char *input, size_t len,
    #                                     char **out_json);
    ("careerpath_import", [c_char_p, c_char_p, c_size_t, POINTER(c_void_p)], careerpath_status),
)


class LibraryError(OSError):
    """libcareerpath could not be found or loaded, or lacks a function this binding needs."""


class Library:
    """A loaded libcareerpath with every entry of `FUNCTIONS` declared as an attribute."""

    careerpath_version: Any
    careerpath_version_string: Any
    careerpath_status_name: Any
    careerpath_last_error: Any
    careerpath_last_error_pointer: Any
    careerpath_curriculum_load: Any
    careerpath_curriculum_free: Any
    careerpath_curriculum_describe: Any
    careerpath_plan: Any
    careerpath_plan_batch: Any
    careerpath_score: Any
    careerpath_cohort: Any
    careerpath_match: Any
    careerpath_plan_cohort: Any
    careerpath_export: Any
    careerpath_free: Any
    careerpath_import: Any

    def __init__(self, cdll: ctypes.CDLL, path: str) -> None:
        self.cdll = cdll
        self.path = path

    def __repr__(self) -> str:
        return f"<careerpath native library {self.path!r}>"


_HOW_TO_FIX = (
    f"Build the library (cmake -S . -B build && cmake --build build) and set {ENV_VAR} to the "
    f"built libcareerpath.so (for example {ENV_VAR}=$PWD/build/libcareerpath.so.0), or copy "
    "it beside the careerpath package, or install it where the system loader finds it."
)


def _library_names() -> List[str]:
    if sys.platform == "win32":
        return ["careerpath.dll", "libcareerpath.dll"]
    if sys.platform == "darwin":
        return ["libcareerpath.dylib", "libcareerpath.*.dylib"]
    return ["libcareerpath.so", "libcareerpath.so.*"]


def _candidates_beside_package() -> List[Path]:
    package_dir = Path(__file__).resolve().parent
    found: List[Path] = []
    for directory in (package_dir, package_dir.parent):
        for pattern in _library_names():
            for candidate in sorted(directory.glob(pattern)):
                if candidate.is_file() and candidate not in found:
                    found.append(candidate)
    return found


def bind(cdll: ctypes.CDLL, path: str) -> Library:
    """Declares every entry of `FUNCTIONS` on `cdll`; a missing symbol raises LibraryError."""
    lib = Library(cdll, path)
    for name, argtypes, restype in FUNCTIONS:
        try:
            function = getattr(cdll, name)
        except AttributeError:
            raise LibraryError(
                f"careerpath: the library {path} has no function {name}: it is older than this "
                f"Python binding or not libcareerpath at all. Rebuild libcareerpath from the same "
                f"source tree as the binding and point {ENV_VAR} at it."
            ) from None
        function.argtypes = argtypes
        function.restype = restype
        setattr(lib, name, function)
    check_abi(lib)
    return lib


def check_abi(lib: Library) -> None:
    """Refuses a library of another major version than this binding's: the major version is the
    ABI (the library's SOVERSION, README "Guarantees"), and calls through a binding written for
    another one would misread arguments and results rather than fail."""
    number = lib.careerpath_version()
    major, minor, patch = number // 10000, number // 100 % 100, number % 100
    if major != ABI_MAJOR:
        raise LibraryError(
            f"careerpath: the library {lib.path} is version {major}.{minor}.{patch} (ABI {major}), "
            f"but this Python binding is careerpath {__version__} and needs ABI {ABI_MAJOR} "
            f"(libcareerpath.so.{ABI_MAJOR}). Install the careerpath wheel built with the library, "
            f"or point {ENV_VAR} at a libcareerpath.so.{ABI_MAJOR} of version {ABI_MAJOR}.x."
        )


def _open(path: str, origin: str) -> Library:
    try:
        cdll = ctypes.CDLL(path)
    except OSError as error:
        raise LibraryError(
            f"careerpath: cannot load the shared library {path} ({origin}): {error}. {_HOW_TO_FIX}"
        ) from error
    return bind(cdll, path)


def load(path: Optional[str] = None) -> Library:
    """Finds and loads libcareerpath (`path`, else the lookup order in the module docstring)."""
    if path:
        return _open(path, "requested path")
    from_env = os.environ.get(ENV_VAR)
    if from_env:
        if not os.path.exists(from_env):
            raise LibraryError(
                f"careerpath: {ENV_VAR} is set to {from_env!r}, which does not exist. "
                f"{_HOW_TO_FIX}"
            )
        return _open(from_env, f"from {ENV_VAR}")
    beside = _candidates_beside_package()
    if beside:
        return _open(str(beside[0]), "found beside the careerpath package")
    system = ctypes.util.find_library("careerpath")
    if system:
        return _open(system, "found by the system loader")
    raise LibraryError(
        f"careerpath: cannot find the shared library libcareerpath ({ENV_VAR} is not set, there "
        f"is no {' or '.join(_library_names())} in or beside "
        f"{Path(__file__).resolve().parent}, and the system loader does not know it). "
        f"{_HOW_TO_FIX}"
    )


_lock = threading.Lock()
_library: Optional[Library] = None


def library() -> Library:
    """The process-wide libcareerpath, loaded on first use (which `import careerpath` makes)."""
    global _library
    lib = _library
    if lib is None:
        with _lock:
            if _library is None:
                _library = load()
            lib = _library
    return lib


def _text(value: Optional[bytes]) -> str:
    return value.decode("utf-8", errors="replace") if value else ""


def check(status: int, lib: Optional[Library] = None, path: Optional[str] = None) -> None:
    """Raises the Error subclass for a non-OK `status`.

    Call it right after the failing call, on the same thread and before any other careerpath_
    call: the message and pointer are the calling thread's last error.
    """
    if status == Status.OK:
        return
    lib = lib or library()
    message = _text(lib.careerpath_last_error())
    pointer = _text(lib.careerpath_last_error_pointer())
    raise error_for_status(status, message, pointer, path)


def take_string(buffer: c_void_p, lib: Optional[Library] = None) -> str:
    """Copies the NUL-terminated UTF-8 text at `buffer` and releases it with careerpath_free."""
    lib = lib or library()
    address = buffer.value
    if not address:
        raise InternalError("careerpath returned OK but no output buffer")
    try:
        return ctypes.string_at(address).decode("utf-8")
    finally:
        lib.careerpath_free(address)

