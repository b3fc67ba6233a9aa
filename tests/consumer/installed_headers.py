#!/usr/bin/env python3
"""The installed headers are the public API and stand on their own (README.md "Layout").

Installs the build into a scratch prefix, then for every header under <prefix>/include:
  - every #include "..." is an error: quoted includes name internal headers (src/), which are
    not installed;
  - every #include <careerpath/...> or <careerpath.h> must name an installed header;
  - a translation unit holding only that header compiles against the prefix (and the third-party
    dependencies' own include directories), and every careerpath header it reads comes from
    the prefix, not from the source tree or another copy on the system.
Before that, the checks run on a small tree that breaks each rule, so that they cannot pass by
finding nothing.

Compiling a header that pulls in nlohmann/json costs a second or two, so a pass is remembered
(--cache) under a hash of the compiler, its flags and the translation unit's preprocessed text,
which is everything the compiler sees: a header, or anything it includes, that changes is
compiled again, and an unchanged one is only preprocessed.
"""

import argparse
import hashlib
import os
import re
import shutil
import subprocess
import sys
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

INCLUDE = re.compile(r'^\s*#\s*include\s*([<"])([^>"]+)[>"]', re.MULTILINE)


def include_faults(include_dir: Path) -> list:
    """What breaks the include rules in the headers under include_dir, one sentence each."""
    faults = []
    for header in sorted(p for p in include_dir.rglob("*") if p.is_file()):
        name = header.relative_to(include_dir).as_posix()
        text = header.read_text(encoding="utf-8")
        for kind, target in INCLUDE.findall(text):
            if kind == '"':
                faults.append(f'{name} includes "{target}": a quoted include names an internal '
                              f"header, which is not installed; include only <careerpath/...> headers")
            elif (target == "careerpath.h" or target.startswith("careerpath/")) \
                    and not (include_dir / target).is_file():
                faults.append(f"{name} includes <{target}>, which is not installed: an internal "
                              f"header (src/) or a missing one")
    return faults


class Compiler:
    """Compiles translation units of one header each against an include directory."""

    def __init__(self, args, include_dir: Path, work: Path, cache: set):
        self.args = args
        self.include_dir = include_dir
        self.work = work
        self.cache = cache
        self.passed = set()  # the hashes of this run's passes
        self.identity = {
            kind: subprocess.run([compiler, "--version"], capture_output=True, text=True).stdout
            for kind, compiler in (("c", args.cc), ("c++", args.cxx))}

    def command(self, c_header: bool) -> list:
        if c_header:
            command = [self.args.cc, "-std=c99", "-pedantic"]
        else:
            command = [self.args.cxx, "-std=c++20", "-Wpedantic"]
        command += ["-Wall", "-Wextra", "-Werror", "-I", str(self.include_dir)]
        for directory in self.args.dependency_include:
            command += ["-isystem", directory]
        return command

    def fault(self, header: str) -> str:
        """Compiles a unit that includes only `header`; a sentence on failure, else ''."""
        c_header = header.endswith(".h")
        stem = re.sub(r"[^A-Za-z0-9]", "_", header)
        source = self.work / (stem + (".c" if c_header else ".cpp"))
        source.write_text(f"#include <{header}>\n", encoding="utf-8")
        depfile = self.work / (stem + ".d")
        command = self.command(c_header)
        preprocess = subprocess.run(command + ["-E", "-MD", "-MF", str(depfile), str(source)],
                                    capture_output=True)
        if preprocess.returncode != 0:
            return (f"{header} does not compile on its own against {self.include_dir}:\n"
                    + preprocess.stderr.decode(errors="replace"))
        # Every careerpath header read must be the one under include_dir.
        deps = depfile.read_text(encoding="utf-8").replace("\\\n", " ").split(":", 1)[1].split()
        root = self.include_dir.resolve()
        for dep in deps[1:]:  # the first is the translation unit itself
            path = Path(dep).resolve()
            ours = path.name == "careerpath.h" or path.parent.name == "careerpath"
            if ours and root not in path.parents:
                return f"{header} reads {path}, which is not under {root}"

        key = hashlib.sha256()
        key.update(self.identity["c" if c_header else "c++"].encode())
        key.update("\0".join(command).encode())
        key.update(preprocess.stdout)
        digest = key.hexdigest()
        if digest not in self.cache:
            run = subprocess.run(command + ["-fsyntax-only", str(source)], capture_output=True, text=True)
            if run.returncode != 0:
                return f"{header} does not compile on its own against {self.include_dir}:\n{run.stderr}"
        self.passed.add(digest)
        return ""


def self_test(work: Path, args) -> None:
    """The rules catch a quoted include, an include of a header that is not installed, and a
    header that does not compile on its own."""
    tree = work / "self-test" / "include"
    (tree / "careerpath").mkdir(parents=True)
    (tree / "careerpath" / "good.hpp").write_text("#pragma once\n#include <vector>\nstd::vector<int> good();\n")
    (tree / "careerpath" / "bad.hpp").write_text(
        '#pragma once\n#include <careerpath/good.hpp>\n#include "schedule.hpp"\n'
        "  #  include <careerpath/schedule.hpp>\n")
    (tree / "careerpath" / "alone.hpp").write_text("#pragma once\nstd::string alone();\n")  # no <string>
    faults = include_faults(tree)
    expected = ['bad.hpp includes "schedule.hpp"', "bad.hpp includes <careerpath/schedule.hpp>"]
    if len(faults) != 2 or not all(any(f.startswith("careerpath/" + e) for f in faults) for e in expected):
        sys.exit("installed_headers.py: the include rules missed a planted fault: " + repr(faults))
    units = work / "self-test" / "units"
    units.mkdir()
    compiler = Compiler(args, tree, units, cache=set())
    if compiler.fault("careerpath/good.hpp") or not compiler.fault("careerpath/alone.hpp"):
        sys.exit("installed_headers.py: compiling one header alone does not tell a good header from one "
                 "that lacks an include")


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--cmake", required=True)
    parser.add_argument("--build", required=True, help="the build directory to install")
    parser.add_argument("--work", required=True, type=Path, help="scratch directory (emptied)")
    parser.add_argument("--cache", type=Path, help="file of the hashes of units that compiled")
    parser.add_argument("--cxx", required=True)
    parser.add_argument("--cc", required=True)
    parser.add_argument("--dependency-include", action="append", default=[],
                        help="an include directory of a third-party dependency (Boost, nlohmann/json)")
    args = parser.parse_args()

    shutil.rmtree(args.work, ignore_errors=True)
    args.work.mkdir(parents=True)
    self_test(args.work, args)

    prefix = args.work / "prefix"
    install = subprocess.run([args.cmake, "--install", args.build, "--prefix", str(prefix)],
                             capture_output=True, text=True)
    if install.returncode != 0:
        print(install.stdout + install.stderr, file=sys.stderr)
        return 1
    include_dir = prefix / "include"
    headers = sorted(p.relative_to(include_dir).as_posix() for p in include_dir.rglob("*") if p.is_file())
    if "careerpath.h" not in headers or "careerpath/careerpath.hpp" not in headers:
        print(f"the install has no careerpath.h or careerpath/careerpath.hpp: {headers}", file=sys.stderr)
        return 1

    faults = include_faults(include_dir)
    cache = set(args.cache.read_text().split()) if args.cache and args.cache.is_file() else set()
    units = args.work / "units"
    units.mkdir()
    compiler = Compiler(args, include_dir, units, cache)
    with ThreadPoolExecutor(max_workers=min(2, os.cpu_count() or 1)) as pool:
        faults += [f for f in pool.map(compiler.fault, headers) if f]
    compiled = len(compiler.passed - cache)

    if faults:
        for fault in faults:
            print("FAIL: " + fault, file=sys.stderr)
        return 1
    if args.cache:
        args.cache.write_text("".join(h + "\n" for h in sorted(compiler.passed)))
    print(f"{len(headers)} installed headers, each including only installed headers and compiling "
          f"alone against the prefix ({compiled} compiled now, {len(headers) - compiled} unchanged "
          f"since they last compiled): {' '.join(headers)}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
