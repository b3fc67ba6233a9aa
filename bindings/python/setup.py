"""The wheel's tag (the metadata is in pyproject.toml).

A package with no extension module is "pure" to setuptools, which would tag the wheel
py3-none-any. The wheel scripts/build-wheel.sh builds carries libcareerpath.so, a native library
for one platform, so it is tagged py3-none-<platform> (linux_x86_64 here): any Python 3 (the
binding is ctypes, tied to no interpreter ABI), but only this platform. Without a library in the
package (a source tree whose binding finds libcareerpath through CAREERPATH_LIBRARY or the
system loader) the wheel stays pure, which is then the truth.
"""

from pathlib import Path

from setuptools import setup
from setuptools.dist import Distribution
from wheel.bdist_wheel import bdist_wheel

CARRIES_LIBRARY = any((Path(__file__).resolve().parent / "careerpath").glob("libcareerpath.so*"))


class BinaryDistribution(Distribution):
    # A native library makes the package platform-specific, as an extension module would: its
    # files go to platlib, at the root of a wheel that is not pure.
    def has_ext_modules(self) -> bool:
        return CARRIES_LIBRARY


class PlatformWheel(bdist_wheel):
    def get_tag(self):  # type: ignore[no-untyped-def]
        python, abi, platform = super().get_tag()
        if CARRIES_LIBRARY:
            return "py3", "none", platform  # any Python 3: the binding is ctypes, not an extension
        return python, abi, platform


setup(distclass=BinaryDistribution, cmdclass={"bdist_wheel": PlatformWheel})
