"""The version of this binding: the release of libcareerpath it was written for.

Kept equal to the project's version (CMakeLists.txt, capi/careerpath.h; the test
test_header_sync.py holds them together). The wheel's metadata reads it from here
(bindings/python/pyproject.toml), and the library found at run time must have the same major
version, its ABI (careerpath._native.check_abi).
"""

__version__ = "0.2.0"
ABI_MAJOR = int(__version__.split(".")[0])
