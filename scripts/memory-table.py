#!/usr/bin/python3
"""Peak memory of the careerpath program against document size (docs/limits.md).

    scripts/memory-table.py [NAME=]PROGRAM [[NAME=]PROGRAM ...] [--cases REGEX] [--cap-gib 6]
                            [--timeout 600] [--work DIR] [--list]

Writes the documents of the memory table in docs/benchmarks.md into a scratch directory
(deterministic: the same arguments give the same bytes), runs each case's command with each
PROGRAM (a built `careerpath`, e.g. build/careerpath; give two, such as
before=/tmp/old/careerpath after=build/careerpath, to compare builds) one run at a time, and
prints a Markdown table: the case, the command, the document bytes and, per program, the peak
resident set (ru_maxrss of the child, from wait4), the wall time, and how the run ended: the
bytes written, the ERR_ status and pointer of a rejection, "memory cap" or "timeout".

A PROGRAM may also be the C library, libcareerpath.so: the commands then run in a Python child
that calls the C ABI through ctypes, as an embedding program would (validate:
careerpath_curriculum_load; describe: careerpath_curriculum_describe; plan, cohort, match:
careerpath_plan, careerpath_cohort, careerpath_match, whose JSON is written out; commands
with --format text are left out). Its peaks include the interpreter, about 10 MiB.

Each run has an address-space cap (RLIMIT_AS, --cap-gib, default 6 GiB) and a wall-clock limit
(--timeout seconds), so that a blow-up is reported instead of taking a shared machine down. A run
stopped by the cap shows the peak it reached before the failed allocation, and "memory cap".

The cases:
  chain/N         N roles, each extending the previous one and adding one skill (N skills)
  star100k/N      one role requiring all of 100,000 skills and N - 1 roles extending it
  star1k/N        the same over a 1,000-skill role
  focus100k/N     N phases (120 per program) each focusing on one area of 100,000 skills
  plan-dropped/S  a plan with a session type every 52 weeks over 50 years, S weekly learner slots
                  and a mentor available at none of them
  fan-in/N        N skills, every one of skills 1..N-1 requiring skill 0 (N - 1 prerequisites)
  fan-out/N       N skills, skill 0 requiring every one of skills 1..N-1
  match/NxM       N mentees, M mentors on a 200-skill curriculum (benchmarks/match.cpp's shape):
                  --format json, --format text, and json with "candidates_per_mentee": 5
  wide-match/N    N mentees and one mentor on a 100,000-skill curriculum
  wide-cohort/N   N people on the same 100,000-skill curriculum
Curricula are measured with `validate` and `describe --format json`.

Python 3 standard library only.
"""
import argparse
import json
import os
import random
import re
import resource
import shutil
import signal
import subprocess
import sys
import tempfile
import threading
import time

ZONES = ["UTC", "Europe/Berlin", "America/New_York", "Asia/Kolkata"]
WEEKDAYS = ["mon", "tue", "wed", "thu", "fri"]
LEVELS = ["none", "beginner", "intermediate", "advanced", "expert", "master"]


def compact(doc):
    return json.dumps(doc, separators=(",", ":"))


def skill_id(i):
    return "skill_%06d" % i


def skills(n, learned=1):
    return [{"id": skill_id(i), "hours": 4 + i % 37} for i in range(n)], LEVELS[: learned + 1]


def curriculum(name, n_skills, roles=(), prerequisites=(), learned=1):
    skill_list, levels = skills(n_skills, learned)
    return {"id": name, "levels": levels, "skills": skill_list, "prerequisites": list(prerequisites),
            "roles": list(roles)}


def role_id(i):
    return "role_%05d" % i


# --- curricula -------------------------------------------------------------------------------

def chain(n):
    roles = []
    for k in range(n):
        role = {"id": role_id(k), "requires": {skill_id(k): "beginner"}}
        if k:
            role["extends"] = role_id(k - 1)
        roles.append(role)
    return curriculum("chain-%d" % n, n, roles)


def star(n, base_skills):
    base = {"id": role_id(0), "requires": {skill_id(i): "beginner" for i in range(base_skills)}}
    roles = [base] + [{"id": role_id(k), "extends": role_id(0)} for k in range(1, n)]
    return curriculum("star-%d-%d" % (base_skills, n), base_skills, roles)


def focus(phases, area_skills=100000):
    skill_list, levels = skills(area_skills)
    for s in skill_list:
        s["area"] = "big"
    programs = [{"id": "program_%03d" % p, "target_role": role_id(0), "months": 120,
                 "phases": [{"id": "phase_%03d" % k, "months": [1, 1], "focus": ["big"]}
                            for k in range(min(120, phases - 120 * p))]}
                for p in range((phases + 119) // 120)]
    return {"id": "focus-%d" % phases, "levels": levels, "skills": skill_list,
            "roles": [{"id": role_id(0), "requires": {skill_id(0): "beginner"}}], "programs": programs}


def fan_in(n):
    prerequisites = [{"skill": skill_id(i), "requires": skill_id(0)} for i in range(1, n)]
    return curriculum("fan-in-%d" % n, n, prerequisites=prerequisites)


def fan_out(n):
    prerequisites = [{"skill": skill_id(0), "requires": skill_id(i)} for i in range(1, n)]
    return curriculum("fan-out-%d" % n, n, prerequisites=prerequisites)


# --- a plan whose sessions find no slot ------------------------------------------------------

def plan_curriculum(types):
    role = {"id": role_id(0), "requires": {skill_id(i): "beginner" for i in range(3)}}
    doc = curriculum("sessions-%d" % types, 3, [role])
    doc["session_types"] = [{"id": "yearly_%03d" % t, "minutes": 30, "every": {"weeks": 52}} for t in range(types)]
    doc["programs"] = [{"id": "program", "target_role": role_id(0), "months": 6,
                        "sessions": ["yearly_%03d" % t for t in range(types)]}]
    return doc


def plan_request(slots):
    """`slots` weekly slots, a target 50 years out, and a mentor available only when no slot is:
    every occurrence is dropped, each with every slot of its 52-week window as the reason."""
    per_day = slots // 5
    return {"learner": {"id": "learner", "time_zone": "UTC", "hours_per_week": 10,
                        "session_slots": [{"weekday": day, "time": hhmm(k * 7)}
                                          for day in WEEKDAYS for k in range(per_day)]},
            "program": "program", "start": "2027-01-04", "target_date": "2076-12-01",
            "mentor": {"id": "mentor", "time_zone": "UTC",
                       "available": [{"weekday": "sun", "from": "00:00", "to": "00:30"}]}}


# --- matching --------------------------------------------------------------------------------

MATCH_SKILLS = 200
MATCH_REQUIRED = 20  # every tenth skill
TEAMS = 50


def match_curriculum(n_skills=MATCH_SKILLS):
    rng = random.Random(7)
    required = {skill_id(k * (n_skills // MATCH_REQUIRED)): LEVELS[rng.randint(2, 5)] for k in range(MATCH_REQUIRED)}
    return curriculum("match-%d" % n_skills, n_skills, [{"id": "mentoring_target", "requires": required}], learned=5)


def hhmm(minute):
    return "%02d:%02d" % (minute // 60, minute % 60)


def availability(rng):
    windows = []
    for _ in range(rng.randint(1, 3)):
        start = rng.randint(16, 28) * 30  # 08:00 to 14:00, on the half hour
        weekday = rng.choice(WEEKDAYS)
        end = start + rng.randint(4, 8) * 30
        windows.append({"weekday": weekday, "from": hhmm(start), "to": hhmm(end)})
    return windows


def match_request(mentees, mentors, n_skills=MATCH_SKILLS, candidates=None):
    """After benchmarks/match.cpp: levels on the role's 20 skills, four zones, 50 teams, some
    reporting lines and exclude lists, mentor capacities adding up to about 1.2 x mentees."""
    rng = random.Random(20270104)
    step = n_skills // MATCH_REQUIRED
    capacity = (mentees * 12 // 10 + mentors - 1) // mentors
    mentee_id = lambda i: "mentee_%06d" % i
    mentor_id = lambda i: "mentor_%05d" % i
    doc = {"target_role": "mentoring_target", "mode": "score", "week_of": "2027-01-04",
           "exclude_same_team": True, "min_shared_hours": 1, "needed_hours": 2}
    if candidates is not None:
        doc["candidates_per_mentee"] = candidates
    doc["mentors"] = []
    for i in range(mentors):
        levels = {skill_id(k * step): rng.randint(2, 5) for k in range(MATCH_REQUIRED) if rng.random() < 0.7}
        m = {"id": mentor_id(i), "team": "team_%02d" % rng.randrange(TEAMS), "organization": "acme",
             "capacity": capacity, "levels": levels, "time_zone": ZONES[i % 4], "available": availability(rng)}
        if i % 50 == 0:
            m["reports"] = [mentee_id(rng.randrange(mentees)) for _ in range(3)]
        if i % 40 == 1:
            m["exclude"] = [mentee_id(rng.randrange(mentees))]
        doc["mentors"].append(m)
    doc["mentees"] = []
    for i in range(mentees):
        current = {skill_id(k * step): rng.randint(0, 3) for k in range(MATCH_REQUIRED) if rng.random() < 0.6}
        m = {"id": mentee_id(i), "team": "team_%02d" % rng.randrange(TEAMS), "organization": "acme",
             "current": current, "time_zone": ZONES[(i // 3) % 4], "available": availability(rng)}
        if i % 100 == 7:
            m["manager"] = mentor_id(rng.randrange(mentors))
        if i % 100 == 13:
            m["exclude"] = [mentor_id(rng.randrange(mentors))]
        doc["mentees"].append(m)
    return doc


def cohort_request(people, n_skills):
    step = n_skills // MATCH_REQUIRED
    return {"people": [{"learner": {"id": "p%06d" % i, "team": "team_%02d" % (i % TEAMS), "organization": "acme",
                                    "current": {skill_id(step * (i % MATCH_REQUIRED)): 1}},
                        "target_role": "mentoring_target", "start": "2027-01-04", "target_date": "2027-12-01",
                        "as_of": "2027-06-01"}
                       for i in range(people)]}


# --- the cases -------------------------------------------------------------------------------

class Case:
    """A name, the documents it needs (file name -> a function making the document) and the
    command lines, with {NAME} standing for the path of document NAME."""

    def __init__(self, name, documents, commands):
        self.name, self.documents, self.commands = name, documents, commands


CURRICULUM_COMMANDS = [["validate", "{curriculum}"], ["describe", "{curriculum}", "--format", "json"]]


def cases():
    out = []
    for n in (2500, 5000, 10000, 1413):
        out.append(Case("chain/%d" % n, {"curriculum": lambda n=n: chain(n)}, CURRICULUM_COMMANDS))
    for n in (2500, 5000, 10000, 10):
        out.append(Case("star100k/%d" % n, {"curriculum": lambda n=n: star(n, 100000)}, CURRICULUM_COMMANDS))
    for n in (2500, 5000, 10000, 1000):
        out.append(Case("star1k/%d" % n, {"curriculum": lambda n=n: star(n, 1000)}, CURRICULUM_COMMANDS))
    for n in (1200, 12000, 10):
        out.append(Case("focus100k/%d" % n, {"curriculum": lambda n=n: focus(n)}, CURRICULUM_COMMANDS[:1]))
    for slots in (100, 1000):
        docs = {"curriculum": lambda: plan_curriculum(1), "request": lambda n=slots: plan_request(n)}
        out.append(Case("plan-dropped/%d" % slots, docs, [["plan", "{curriculum}", "{request}", "--format", "text"],
                                                          ["plan", "{curriculum}", "{request}", "--format", "json"]]))
    for kind, make in (("fan-in", fan_in), ("fan-out", fan_out)):
        for n in (10000, 100000):
            out.append(Case("%s/%d" % (kind, n), {"curriculum": lambda n=n, make=make: make(n)}, CURRICULUM_COMMANDS))
    for mentees, mentors in ((1000, 100), (3000, 1000), (10000, 1000)):
        docs = {"curriculum": match_curriculum,
                "request": lambda a=mentees, b=mentors: match_request(a, b),
                "request_top5": lambda a=mentees, b=mentors: match_request(a, b, candidates=5)}
        out.append(Case("match/%dx%d" % (mentees, mentors), docs,
                        [["match", "{curriculum}", "{request}", "--format", "json"],
                         ["match", "{curriculum}", "{request}", "--format", "text"],
                         ["match", "{curriculum}", "{request_top5}", "--format", "json"]]))
    for n in (1000, 4000):
        docs = {"curriculum": lambda: match_curriculum(100000),
                "request": lambda n=n: match_request(n, 1, 100000, candidates=5)}
        out.append(Case("wide-match/%d" % n, docs, [["match", "{curriculum}", "{request}", "--format", "json"]]))
    for n in (1000, 4000):
        docs = {"curriculum": lambda: match_curriculum(100000), "request": lambda n=n: cohort_request(n, 100000)}
        out.append(Case("wide-cohort/%d" % n, docs, [["cohort", "{curriculum}", "{request}", "--format", "json"]]))
    return out


# --- measuring -------------------------------------------------------------------------------

def human_bytes(n):
    for unit, size in (("GiB", 1 << 30), ("MiB", 1 << 20), ("KiB", 1 << 10)):
        if n >= size:
            value = n / size
            return ("%.3g %s" if value < 100 else "%.0f %s") % (value, unit)
    return "%d B" % n


def human_seconds(s):
    return "%.2f s" % s if s < 100 else "%.0f s" % s


def c_abi_child(library, command, *paths):
    """The command through the C ABI (see the module's text); exits as the program would."""
    import ctypes
    lib = ctypes.CDLL(library)
    text = ctypes.c_char_p
    for name in ("careerpath_last_error", "careerpath_last_error_pointer", "careerpath_status_name"):
        getattr(lib, name).restype = text
    documents = []
    for path in paths[:2]:
        with open(path, "rb") as f:
            documents.append(f.read())

    def check(status):
        if status != 0:
            sys.stderr.write("error: %s\n  status: %s\n  at: %s\n" % (
                lib.careerpath_last_error().decode(), lib.careerpath_status_name(status).decode(),
                lib.careerpath_last_error_pointer().decode()))
            sys.exit(1)

    curriculum = ctypes.c_void_p()
    check(lib.careerpath_curriculum_load(ctypes.byref(curriculum), documents[0], ctypes.c_size_t(len(documents[0]))))
    out = ctypes.c_void_p()
    if command == "describe":
        check(lib.careerpath_curriculum_describe(curriculum, ctypes.byref(out)))
    elif command in ("plan", "cohort", "match"):
        call = getattr(lib, "careerpath_" + command)
        check(call(curriculum, documents[1], ctypes.c_size_t(len(documents[1])), ctypes.byref(out)))
    if out.value:  # written from the library's buffer, not copied: the copy would count in the peak
        strlen = ctypes.CDLL(None).strlen
        strlen.restype = ctypes.c_size_t
        length = strlen(out)
        sys.stdout.buffer.write(memoryview((ctypes.c_char * length).from_address(out.value)).cast("B"))
        lib.careerpath_free(out)
    lib.careerpath_curriculum_free(curriculum)
    sys.exit(0)


def is_library(program):
    return program.endswith(".so") or ".so." in os.path.basename(program)


def command_line(program, args):
    """How to run `careerpath ARGS` with `program`, a careerpath executable or the C library."""
    if is_library(program):
        files = [a for a in args if a.endswith(".json")]
        return [sys.executable, os.path.abspath(__file__), "--c-abi-child", program, args[0]] + files
    return [program] + args


def run(program, args, cap_bytes, timeout, scratch):
    """Runs one command; returns (peak RSS bytes, seconds, outcome text)."""
    out_path, err_path = os.path.join(scratch, "stdout"), os.path.join(scratch, "stderr")

    def limit():
        resource.setrlimit(resource.RLIMIT_AS, (cap_bytes, cap_bytes))
        resource.setrlimit(resource.RLIMIT_CORE, (0, 0))

    with open(out_path, "wb") as out, open(err_path, "wb") as err:
        start = time.monotonic()
        child = subprocess.Popen(command_line(program, args), stdout=out, stderr=err, preexec_fn=limit)
        timed_out = threading.Event()

        def stop():
            timed_out.set()
            child.send_signal(signal.SIGKILL)

        timer = threading.Timer(timeout, stop)
        timer.start()
        try:
            # wait4 rather than child.wait(): it gives this child's own rusage.
            _, status, usage = os.wait4(child.pid, 0)
        except BaseException:  # interrupted: never leave a large child running
            child.kill()
            os.waitpid(child.pid, 0)
            raise
        finally:
            timer.cancel()
        child.returncode = os.waitstatus_to_exitcode(status)
        seconds = time.monotonic() - start
    peak = usage.ru_maxrss * 1024  # KiB on Linux
    with open(err_path, "rb") as f:
        stderr = f.read().decode("utf-8", "replace")
    written = os.path.getsize(out_path)
    os.remove(out_path)
    if timed_out.is_set():
        return peak, seconds, "timeout (%d s)" % timeout
    if "bad_alloc" in stderr or child.returncode < 0:
        return peak, seconds, "memory cap" if "bad_alloc" in stderr or child.returncode == -signal.SIGABRT \
            else "killed by signal %d" % -child.returncode
    if child.returncode == 0:
        return peak, seconds, "ok, %s out" % human_bytes(written)
    status_match = re.search(r"status: CAREERPATH_(\w+)", stderr)
    at = re.search(r"\n  at: (\S*)", stderr)
    if status_match and status_match.group(1) == "ERR_MEMORY":  # builds that report running out
        return peak, seconds, "memory cap (ERR_MEMORY)"
    if status_match:
        return peak, seconds, "%s at %s" % (status_match.group(1), at.group(1) if at else "(root)")
    return peak, seconds, "exit %d: %s" % (child.returncode, stderr.strip().splitlines()[0] if stderr.strip() else "")


def main():
    if sys.argv[1:2] == ["--c-abi-child"]:
        c_abi_child(*sys.argv[2:])
    signal.signal(signal.SIGTERM, lambda *_: sys.exit(143))
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("programs", nargs="*", metavar="[NAME=]PROGRAM",
                        help="a built careerpath program, or libcareerpath.so to call the C ABI")
    parser.add_argument("--cases", default=".", help="only the cases whose name matches this regular expression")
    parser.add_argument("--cap-gib", type=float, default=6.0, help="address-space cap of each run (default 6)")
    parser.add_argument("--timeout", type=float, default=600, help="wall-clock limit of each run, seconds (default 600)")
    parser.add_argument("--work", help="where to write the documents (default: a temporary directory, removed after)")
    parser.add_argument("--list", action="store_true", help="list the cases and stop")
    options = parser.parse_args()

    selected = [c for c in cases() if re.search(options.cases, c.name)]
    if options.list:
        for c in selected:
            print(c.name)
        return 0
    if not options.programs:
        parser.error("give at least one careerpath program")
    programs = []
    for p in options.programs:
        name, _, path = p.rpartition("=")
        if not os.access(path, os.R_OK):
            parser.error("%s is not a careerpath program or library" % path)
        programs.append((name or path, os.path.abspath(path)))

    scratch = options.work or tempfile.mkdtemp(prefix="careerpath-memory-")
    os.makedirs(scratch, exist_ok=True)
    cap = int(options.cap_gib * (1 << 30))
    print("| case | command | documents | " + " | ".join("%s: peak RSS, time, outcome" % n for n, _ in programs) + " |")
    print("| --- | --- | --- | " + " | ".join("---" for _ in programs) + " |")
    try:
        for case in selected:
            paths, size = {}, 0
            for key, make in case.documents.items():
                path = os.path.join(scratch, "%s.%s.json" % (case.name.replace("/", "-"), key))
                with open(path, "w") as f:
                    f.write(compact(make()))
                paths[key] = path
            for command in case.commands:
                args = [a.format(**paths) for a in command]
                used = [k for k in paths if any("{%s}" % k in a for a in command)]
                size = sum(os.path.getsize(paths[k]) for k in used)
                shown = " ".join(re.sub(r".*/[^/]*\.(\w+)\.json$", r"\1", a) if a.endswith(".json") else a for a in args)
                cells = []
                for _, program in programs:
                    if is_library(program) and "text" in args:
                        cells.append("the C ABI writes JSON only")
                        continue
                    peak, seconds, outcome = run(program, args, cap, options.timeout, scratch)
                    cells.append("%s, %s, %s" % (human_bytes(peak), human_seconds(seconds), outcome))
                print("| %s | `%s` | %s | %s |" % (case.name, shown, human_bytes(size), " | ".join(cells)), flush=True)
            for path in paths.values():
                os.remove(path)
    finally:
        if not options.work:
            shutil.rmtree(scratch, ignore_errors=True)
    return 0


if __name__ == "__main__":
    sys.exit(main())
