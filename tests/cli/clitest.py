"""Shared pieces of the command-line tests written in Python (io_faults.py, batch_signals.py):
the arguments every driver takes, running the program, and counting checks.

Standard library only, for Debian's /usr/bin/python3.
"""
import argparse
import json
import os
import subprocess
import sys

TIMEOUT = 120  # seconds for any one run; a hang fails the check instead of the whole suite


def arguments(description):
    parser = argparse.ArgumentParser(description=description)
    parser.add_argument("--cli", required=True, help="the careerpath program")
    parser.add_argument("--examples", required=True, help="examples/data")
    parser.add_argument("--data", required=True, help="tests/cli")
    parser.add_argument("--work", required=True, help="a scratch directory")
    parser.add_argument("--make-batch", help="scripts/make-batch.py")
    args = parser.parse_args()
    os.makedirs(args.work, exist_ok=True)
    return args


class Checks:
    """Counts failures; each check prints "[name] ok" or what was wrong."""

    def __init__(self):
        self.failures = 0

    def check(self, name, problems):
        """`problems`: a list of strings, empty when the check passed."""
        if problems:
            self.failures += 1
            print("[%s] FAILED\n  %s" % (name, "\n  ".join(problems)))
        else:
            print("[%s] ok" % name)
        sys.stdout.flush()

    def finish(self):
        if self.failures:
            print("%d checks failed" % self.failures)
            sys.exit(1)


def run(cli, args, stdout=subprocess.PIPE, stdin=subprocess.DEVNULL, preexec_fn=None):
    """Runs the program to the end: (exit status, stdout bytes or None, stderr text)."""
    done = subprocess.run([cli] + args, stdin=stdin, stdout=stdout, stderr=subprocess.PIPE,
                          timeout=TIMEOUT, preexec_fn=preexec_fn)
    return done.returncode, done.stdout, done.stderr.decode("utf-8", "replace")


def expect(rc, err, want_rc, want_err):
    """Problems with an exit status and stderr: `want_err` must occur in stderr."""
    problems = []
    if rc != want_rc:
        problems.append("exit status %r, expected %r" % (rc, want_rc))
    if want_err not in err:
        problems.append("stderr lacks %r:\n%s" % (want_err, err))
    return problems


def json_lines(data):
    """(parsed lines, problems): every line of `data` must be whole JSON ending in a line break."""
    problems = []
    if data and not data.endswith(b"\n"):
        problems.append("the output ends in part of a line: ...%r" % data[-60:])
    parsed = []
    for number, line in enumerate(data.split(b"\n")[:-1] if data else [], start=1):
        try:
            parsed.append(json.loads(line))
        except ValueError as e:
            problems.append("line %d is not JSON (%s): %r..." % (number, e, line[:60]))
            break
    return parsed, problems


def answers_in_order(parsed):
    """Problems unless answer i is the plan or the error for request line i of a make-batch.py
    file (its learners are named "<base>-<line number, 6 digits>")."""
    for number, answer in enumerate(parsed, start=1):
        if "error" in answer:
            ok = answer["error"].get("line") == number
        else:
            ok = str(answer.get("learner", "")).endswith("-%06d" % number)
        if not ok:
            return ["answer %d is not the answer to request line %d: %.120s" % (number, number, json.dumps(answer))]
    return []
