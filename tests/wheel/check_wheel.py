#!/usr/bin/env python3
"""The wheel, installed with pip into a clean virtual environment (README, "Installing with pip").

Builds the wheel of this build's libcareerpath with scripts/build-wheel.sh, checks its name (the
platform tag: it carries a native library), its contents (the library under its soname, without
debug info; the console script careerpath-dask), then creates a virtual environment WITHOUT the
system site packages, installs the wheel with `pip install --no-index`, and in an environment
that holds no CAREERPATH_LIBRARY and no PYTHONPATH, from a directory outside the source tree,
plans Alex: the binding must find the library it carries, and careerpath.__version__, the
library's version and the wheel's agree.

    check_wheel.py --source DIR --library FILE --version X.Y.Z --work DIR
"""

import argparse
import json
import os
import shutil
import subprocess
import sys
import sysconfig
import zipfile
from pathlib import Path

PROBE = r"""
import json, sys, careerpath
from careerpath import _native
with careerpath.Curriculum.load(sys.argv[1]) as curriculum:
    with open(sys.argv[2]) as f:
        plan = curriculum.plan(json.load(f))
print(json.dumps({
    "version": careerpath.__version__,
    "library_version": careerpath.version(),
    "library": _native.library().path,
    "finish": plan["summary"]["finish"],
    "units": plan["summary"]["units"],
    "prefix": sys.prefix,
    "base_prefix": sys.base_prefix,
    "path": sys.path,
}))
"""


def run(command, **kwargs):
    result = subprocess.run(command, capture_output=True, text=True, **kwargs)
    if result.returncode != 0:
        sys.exit(f"failed ({result.returncode}): {' '.join(map(str, command))}\n{result.stdout}\n{result.stderr}")
    return result


def check(condition, message):
    if not condition:
        sys.exit(f"check_wheel: {message}")


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--source", type=Path, required=True)
    parser.add_argument("--library", type=Path, required=True)
    parser.add_argument("--version", required=True)
    parser.add_argument("--work", type=Path, required=True)
    args = parser.parse_args()
    shutil.rmtree(args.work, ignore_errors=True)
    args.work.mkdir(parents=True)

    # 1. The wheel.
    built = run([str(args.source / "scripts" / "build-wheel.sh"), "--library", str(args.library),
                 "--out", str(args.work / "dist")])
    wheel = Path(built.stdout.strip().splitlines()[-1])
    platform = sysconfig.get_platform().replace("-", "_").replace(".", "_")
    check(wheel.name == f"careerpath-{args.version}-py3-none-{platform}.whl",
          f"{wheel.name}: expected careerpath-{args.version}-py3-none-{platform}.whl")
    with zipfile.ZipFile(wheel) as archive:
        names = archive.namelist()
        libraries = [n for n in names if n.startswith("careerpath/libcareerpath.so")]
        check(libraries == ["careerpath/libcareerpath.so.%s" % args.version.split(".")[0]],
              f"the wheel carries {libraries}, not the library under its soname")
        for expected in ("careerpath/__init__.py", "careerpath/dask.py", "careerpath/py.typed",
                         "careerpath/_version.py"):
            check(expected in names, f"the wheel lacks {expected}")
        check(not any("__pycache__" in n or "/tests/" in n for n in names), f"stray files in the wheel: {names}")
        info = f"careerpath-{args.version}.dist-info"
        metadata = archive.read(f"{info}/WHEEL").decode()
        check("Root-Is-Purelib: false" in metadata and f"Tag: py3-none-{platform}" in metadata, metadata)
        entry_points = archive.read(f"{info}/entry_points.txt").decode()
        check("careerpath-dask = careerpath._dask_cli:main" in entry_points, entry_points)
        library = args.work / "wheel-library.so"
        library.write_bytes(archive.read(libraries[0]))
    sections = run(["readelf", "-S", "-W", str(library)]).stdout
    check(".debug_info" not in sections, "the library in the wheel has debug info")
    print(f"{wheel.name}: {wheel.stat().st_size} bytes; libcareerpath {library.stat().st_size} bytes "
          f"(built: {args.library.resolve().stat().st_size} bytes)")

    # 2. A clean virtual environment, the wheel installed offline.
    venv = args.work / "venv"
    run([sys.executable, "-m", "venv", str(venv)])
    python = venv / "bin" / "python"
    run([str(python), "-m", "pip", "install", "--no-index", "--no-cache-dir", "--disable-pip-version-check",
         str(wheel)])

    # 3. Alex's plan with no environment variable careerpath reads, away from the source tree.
    env = {"PATH": f"{venv / 'bin'}:/usr/bin:/bin", "HOME": str(args.work), "LC_ALL": "C.UTF-8"}
    examples = args.source / "examples" / "data"
    probe = run([str(python), "-c", PROBE, str(examples / "engineering-growth.json"),
                 str(examples / "alex.request.json")], env=env, cwd=args.work)
    print(probe.stdout.strip())
    seen = json.loads(probe.stdout)
    check(seen["prefix"] != seen["base_prefix"], "not in a virtual environment")
    check(not any(p.endswith("dist-packages") for p in seen["path"]), f"system site packages on sys.path: {seen['path']}")
    site = Path(seen["prefix"]).resolve()
    check(Path(seen["library"]).resolve().is_relative_to(site), f"the library {seen['library']} is not the wheel's")
    check(seen["version"] == seen["library_version"] == args.version,
          f"careerpath.__version__ {seen['version']}, library {seen['library_version']}, project {args.version}")
    check(seen["units"] > 0 and seen["finish"].startswith("2027-"), f"Alex's plan: {seen}")

    # 4. The console script is installed; without Dask it says what to install.
    run([str(venv / "bin" / "careerpath-dask"), "--help"], env=env)
    without = subprocess.run([str(venv / "bin" / "careerpath-dask"), "c.json", "r.jsonl", "--local", "1",
                              "--out", "o"], capture_output=True, text=True, env=env, cwd=args.work)
    check(without.returncode == 2 and "python3-distributed" in without.stderr,
          f"careerpath-dask without Dask: {without.returncode} {without.stderr}")
    print("wheel installed in a clean venv: OK")


if __name__ == "__main__":
    main()
