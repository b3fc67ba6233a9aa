#!/usr/bin/env bash
# Fuzzes a parser entry point of the C ABI with libFuzzer under AddressSanitizer, LeakSanitizer
# and UndefinedBehaviorSanitizer, starting from its seed corpus in tests/fuzz/corpus/<target>:
# careerpath_curriculum_load (FUZZ_TARGET=curriculum_load, the default), careerpath_plan
# (FUZZ_TARGET=plan), careerpath_score (FUZZ_TARGET=score), careerpath_cohort
# (FUZZ_TARGET=cohort), careerpath_match (FUZZ_TARGET=match), careerpath_plan_cohort
# (FUZZ_TARGET=cohort_plan), careerpath_export of a plan as a
# Gantt chart or an iCalendar file (FUZZ_TARGET=export_gantt, export_ical), a text report
# (FUZZ_TARGET=export_text), the HTML reports of
# a plan, a scorecard and a cohort report made from random titles and names (FUZZ_TARGET=
# export_html: each page read back by a strict checker, no markup from data), careerpath_import of
# a CASE package or of O*NET text (FUZZ_TARGET=import_case, import_onet), the C++ API's
# time-zone readers,
# TimeZone::from_tzif and TimeZone::from_posix (FUZZ_TARGET=time_zone), or the JSON writer that
# every result document goes through (FUZZ_TARGET=json_writer).
#
# Usage: scripts/fuzz.sh [SECONDS] [-- EXTRA_LIBFUZZER_FLAGS...]
#   SECONDS     how long to fuzz (default 600)
#   extra flags go to the fuzzer as they are, e.g. scripts/fuzz.sh 60 -- -jobs=2 -workers=2
# Environment:
#   BUILD_DIR   build directory (default: <source>/build-fuzz)
#   WORK_DIR    scratch directory for the working corpus, crash artifacts and the log
#               (default: $BUILD_DIR/fuzz-work/$FUZZ_TARGET); the repository's seed corpus is
#               only ever read
#   FUZZ_FRESH  1: start from the seeds alone, discarding the working corpus of earlier runs
#
# Exit status: 0 when the fuzzer stopped at the time limit with no finding; 1 when it found a
# crash, a leak, a timeout or an out-of-memory input (saved under $WORK_DIR/artifacts/); 2 when
# something needed is missing or the build failed.
set -euo pipefail

seconds=600
if [ $# -gt 0 ] && [ "$1" != "--" ]; then
  seconds=$1
  shift
fi
[ $# -gt 0 ] && [ "$1" = "--" ] && shift
case "$seconds" in
  ''|*[!0-9]*) echo "usage: $0 [SECONDS] [-- EXTRA_LIBFUZZER_FLAGS...]" >&2; exit 2 ;;
esac

source_dir=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
build_dir=${BUILD_DIR:-$source_dir/build-fuzz}
target=${FUZZ_TARGET:-curriculum_load}
work_dir=${WORK_DIR:-$build_dir/fuzz-work/$target}
seeds=$source_dir/tests/fuzz/corpus/$target
dict=$source_dir/tests/fuzz/$target.dict

# --- What the build needs; installed by scripts/install-deps.sh test, never by this script. ----
missing=()
command -v clang >/dev/null 2>&1 && command -v clang++ >/dev/null 2>&1 || missing+=(clang)
status=$(dpkg-query -W -f='${Status}' libclang-rt-14-dev 2>/dev/null || true)
[ "$status" = "install ok installed" ] || missing+=(libclang-rt-14-dev)
command -v cmake >/dev/null 2>&1 || missing+=(cmake)
command -v ninja >/dev/null 2>&1 || missing+=(ninja-build)
if [ ${#missing[@]} -gt 0 ]; then
  echo "fuzz.sh: missing Debian packages: ${missing[*]}" >&2
  echo "Install them as root: apt-get update && apt-get install -y ${missing[*]}" >&2
  echo "(or: scripts/install-deps.sh test)" >&2
  exit 2
fi
fuzzer_runtime=$(clang++ -print-file-name=libclang_rt.fuzzer-x86_64.a)
if [ ! -f "$fuzzer_runtime" ]; then
  echo "fuzz.sh: clang's libFuzzer runtime (libclang_rt.fuzzer-x86_64.a) is not installed" >&2
  echo "Install it as root: apt-get update && apt-get install -y libclang-rt-14-dev" >&2
  exit 2
fi

# --- Configure and build the libFuzzer binary. -------------------------------------------------
echo "== configure $build_dir" >&2
if ! CC=clang CXX=clang++ cmake -S "$source_dir" -B "$build_dir" -G Ninja \
      -DCMAKE_BUILD_TYPE=RelWithDebInfo \
      -DCAREERPATH_FUZZ=ON \
      -DCAREERPATH_SANITIZE=address,undefined \
      -DCAREERPATH_BUILD_TESTS=ON >"$build_dir.configure.log" 2>&1; then
  cat "$build_dir.configure.log" >&2
  echo "fuzz.sh: configuring failed" >&2
  exit 2
fi
rm -f "$build_dir.configure.log"
echo "== build fuzz_$target" >&2
cmake --build "$build_dir" --target "fuzz_$target" || { echo "fuzz.sh: the build failed" >&2; exit 2; }
binary=$build_dir/tests/fuzz/fuzz_$target

# --- A scratch working corpus: the seeds are copied, never written. ----------------------------
[ "${FUZZ_FRESH:-0}" = 1 ] && rm -rf "$work_dir"
mkdir -p "$work_dir/corpus" "$work_dir/artifacts"
cp -n "$seeds"/* "$work_dir/corpus/" 2>/dev/null || true
rm -f "$work_dir"/artifacts/*
log=$work_dir/fuzz.log

export ASAN_OPTIONS=${ASAN_OPTIONS:-detect_leaks=1:abort_on_error=1:symbolize=1}
export UBSAN_OPTIONS=${UBSAN_OPTIONS:-print_stacktrace=1:halt_on_error=1}

echo "== fuzz $target for ${seconds}s (corpus $work_dir/corpus, $(ls "$work_dir/corpus" | wc -l) inputs)" >&2
set +e
"$binary" \
  -max_total_time="$seconds" \
  -timeout=10 \
  -rss_limit_mb=4096 \
  -dict="$dict" \
  -print_final_stats=1 \
  -artifact_prefix="$work_dir/artifacts/" \
  "$@" \
  "$work_dir/corpus" 2>&1 | tee "$log"
rc=${PIPESTATUS[0]}
set -e

# --- Summary. --------------------------------------------------------------------------------
stat() { grep -E "^stat::$1:" "$log" | tail -n1 | awk '{print $2}'; }
last=$(grep -E '^#[0-9]+' "$log" | grep -E 'cov: ' | tail -n1 || true)
cov=$(sed -nE 's/.* cov: ([0-9]+).*/\1/p' <<<"$last")
ft=$(sed -nE 's/.* ft: ([0-9]+).*/\1/p' <<<"$last")
corp=$(sed -nE 's/.* corp: ([^ ]+).*/\1/p' <<<"$last")
artifacts=$(ls "$work_dir/artifacts" 2>/dev/null || true)
finding=none
grep -qE 'ERROR: (AddressSanitizer|LeakSanitizer)|runtime error:|==ERROR|deadly signal' "$log" && finding=crash
grep -q 'ERROR: LeakSanitizer' "$log" && finding=leak
grep -q 'ERROR: libFuzzer: timeout' "$log" && finding=timeout
grep -qE 'ERROR: libFuzzer: (out-of-memory|malloc)' "$log" && finding=out-of-memory
[ "$rc" -ne 0 ] && [ "$finding" = none ] && finding="exit status $rc"

echo
echo "== fuzz_$target summary"
echo "seconds:        $seconds"
echo "execs:          $(stat number_of_executed_units)"
echo "execs/s:        $(stat average_exec_per_sec)"
echo "cov:            ${cov:-?}"
echo "ft:             ${ft:-?}"
echo "corp:           ${corp:-?} (inputs/bytes in $work_dir/corpus)"
echo "new units:      $(stat new_units_added)"
echo "slowest unit:   $(stat slowest_unit_time_sec) s"
echo "peak RSS:       $(stat peak_rss_mb) MB"
echo "finding:        $finding"
if [ -n "$artifacts" ]; then
  echo "artifacts:"
  for a in $artifacts; do echo "  $work_dir/artifacts/$a"; done
  echo "reproduce:      $binary $work_dir/artifacts/<file>"
fi
echo "log:            $log"
[ "$rc" -eq 0 ] && [ "$finding" = none ] || exit 1
