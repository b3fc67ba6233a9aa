#!/usr/bin/env bash
# Installs the Debian 12 packages careerpath needs, and only those that are missing.
# Usage: scripts/install-deps.sh [build|wheel|test]
#   build: what building the library, the command-line program and the examples needs
#   wheel: build, plus Debian's Python packaging tools, which scripts/build-wheel.sh runs offline
#   test:  wheel, plus what the test suite needs (pytest, icalendar to read the .ics export back,
#          jsonschema to hold documents to the JSON Schemas of docs/schemas/, Graphviz to render
#          the DOT export, clang and its fuzzing runtime, benchmark, abigail-tools for abidiff,
#          which compares the library with the ABI baseline, venv to install the wheel into a
#          clean environment, Dask distributed for careerpath.dask, and chromium, in which the
#          HTML reports are rendered headless)
set -euo pipefail

want=${1:-build}
packages=(cmake ninja-build g++ pkg-config
          libboost-dev libboost-graph-dev libboost-date-time-dev nlohmann-json3-dev
          python3 tzdata)
if [ "$want" = wheel ] || [ "$want" = test ]; then
  packages+=(python3-build python3-setuptools python3-wheel)
fi
if [ "$want" = test ]; then
  packages+=(python3-venv python3-distributed doctest-dev libbenchmark-dev python3-pytest python3-icalendar python3-jsonschema graphviz clang libclang-rt-14-dev
             abigail-tools chromium)
fi

missing=()
for p in "${packages[@]}"; do
  status=$(dpkg-query -W -f='${Status}' "$p" 2>/dev/null || true)
  [ "$status" = "install ok installed" ] || missing+=("$p")
done
[ ${#missing[@]} -eq 0 ] && exit 0

if [ "$(id -u)" -ne 0 ]; then
  echo "careerpath needs these Debian packages: ${missing[*]}" >&2
  echo "Install them as root: apt-get update && apt-get install -y ${missing[*]}" >&2
  exit 1
fi
echo "Installing missing packages: ${missing[*]}" >&2
export DEBIAN_FRONTEND=noninteractive
apt-get update -qq
apt-get install -y -qq --no-install-recommends "${missing[@]}"
