#!/usr/bin/env python3
"""careerpath batch stopped by SIGTERM or SIGINT (README.md, "Command line"): the output holds
whole lines only, each one the answer to its request line in order, as many as stderr says were
written, and the exit status is 143 or 130.

The batch is never allowed to finish before the signal: either its requests come through a pipe
that stays open until the signal is sent, or the request file is far longer than what is planned
by the time the first lines appear (and a run that got to the end fails the check).

    batch_signals.py --cli build/careerpath --examples examples/data --data tests/cli --work DIR \\
                     --make-batch scripts/make-batch.py
"""
import os
import re
import signal
import subprocess
import sys
import threading
import time

import clitest

REQUESTS = 10000


def wait_until(condition, what, timeout=clitest.TIMEOUT):
    deadline = time.monotonic() + timeout
    while not condition():
        if time.monotonic() > deadline:
            raise TimeoutError("gave up waiting for " + what)
        time.sleep(0.01)


class Collector(threading.Thread):
    """Reads a stream to its end in the background."""

    def __init__(self, stream):
        super().__init__(daemon=True)
        self.stream, self.data, self.lock = stream, bytearray(), threading.Lock()
        self.start()

    def run(self):
        for chunk in iter(lambda: self.stream.read1(1 << 16), b""):
            with self.lock:
                self.data += chunk

    def has_line(self):
        with self.lock:
            return b"\n" in self.data


class Feeder(threading.Thread):
    """Writes request lines into the batch's standard input, then holds the pipe open (so that the
    batch cannot reach the end of its input) until close() is called."""

    def __init__(self, stream, lines):
        super().__init__(daemon=True)
        self.stream, self.lines, self.closing = stream, lines, threading.Event()
        self.start()

    def run(self):
        try:
            for line in self.lines:
                if self.closing.is_set():
                    break
                self.stream.write(line)
                self.stream.flush()
        except BrokenPipeError:
            pass  # the batch stopped reading: it was told to stop
        self.closing.wait()

    def close(self):
        self.closing.set()
        self.join()
        try:
            self.stream.close()
        except BrokenPipeError:
            pass


def signalled(argv, signum, feed=None, first_line=None, end_input=False, preexec_fn=None):
    """Starts `argv`, waits for its first line of output (on stdout, or `first_line()` true), sends
    `signum` and waits for the end: (exit status, stdout bytes, stderr text). `feed`: request
    lines for standard input, which stays open until the program has ended, or with `end_input`
    until the signal is sent."""
    batch = subprocess.Popen(argv, stdin=subprocess.PIPE if feed is not None else subprocess.DEVNULL,
                             stdout=subprocess.PIPE, stderr=subprocess.PIPE, preexec_fn=preexec_fn)
    feeder = Feeder(batch.stdin, feed) if feed is not None else None
    out, err = Collector(batch.stdout), Collector(batch.stderr)
    try:
        wait_until(lambda: batch.poll() is not None or (first_line or out.has_line)(), "the first line of output")
        batch.send_signal(signum)
        if feeder and end_input:
            feeder.close()
        batch.wait(timeout=clitest.TIMEOUT)
    finally:
        if batch.poll() is None:
            batch.kill()
            batch.wait()
        if feeder:
            feeder.close()
        out.join()
        err.join()
    return batch.returncode, bytes(out.data), err.data.decode("utf-8", "replace")


def check_stopped(name, checks, rc, err, data, signum, where, total=None):
    """The checks every interrupted run must pass."""
    want_rc = 128 + signum
    problems = [] if rc == want_rc else ["exit status %r, expected %d" % (rc, want_rc)]
    parsed, more = clitest.json_lines(data)
    problems += more + clitest.answers_in_order(parsed)
    sig = signal.Signals(signum).name
    reported = re.search(r"careerpath batch: interrupted by %s: (\d+) lines written to %s, " % (sig, re.escape(where)), err)
    if not reported:
        problems.append("stderr does not say the batch was interrupted:\n" + err)
    elif int(reported.group(1)) != len(parsed):
        problems.append("stderr says %s lines, the output holds %d" % (reported.group(1), len(parsed)))
    if not parsed:
        problems.append("no lines written before the signal")
    if total is not None and len(parsed) >= total:
        problems.append("the batch finished before the signal (%d lines)" % len(parsed))
    checks.check(name, problems)
    print("  %s: %d whole lines; stderr: %s" % (name, len(parsed), err.strip().splitlines()[-1] if err.strip() else ""))


def main():
    args = clitest.arguments(__doc__.split("\n\n")[0])
    cli, checks = args.cli, clitest.Checks()
    curriculum = os.path.join(args.examples, "engineering-growth.json")
    requests = os.path.join(args.work, "requests.jsonl")
    subprocess.run([sys.executable, args.make_batch, str(REQUESTS), "-o", requests], check=True,
                   stderr=subprocess.DEVNULL, timeout=clitest.TIMEOUT)
    with open(requests, "rb") as f:
        lines = f.readlines()

    # SIGTERM, requests from a file, plans to a file with -o: signalled once the first lines are
    # in the file, long before the 10,000th could be.
    out_path = os.path.join(args.work, "sigterm.jsonl")
    if os.path.exists(out_path):
        os.remove(out_path)

    def file_has_line():
        if not os.path.exists(out_path):
            return False
        with open(out_path, "rb") as f:
            return b"\n" in f.read(1 << 20)

    rc, _, err = signalled([cli, "batch", curriculum, requests, "-o", out_path], signal.SIGTERM,
                           first_line=file_has_line)
    with open(out_path, "rb") as f:
        data = f.read()
    check_stopped("sigterm-file-to-file", checks, rc, err, data, signal.SIGTERM, out_path, total=REQUESTS)

    # SIGINT, requests through a pipe that stays open, plans to standard output (a pipe): the
    # batch is planning and writing when the signal comes, and cannot have reached the end.
    rc, out, err = signalled([cli, "batch", curriculum, "-"], signal.SIGINT, feed=lines)
    check_stopped("sigint-pipe-to-stdout", checks, rc, err, out, signal.SIGINT, "standard output")

    # SIGTERM while the batch waits for more requests: one line in, its plan out, then the signal
    # ends the wait.
    rc, out, err = signalled([cli, "batch", curriculum], signal.SIGTERM, feed=lines[:1])
    check_stopped("sigterm-waiting-for-input", checks, rc, err, out, signal.SIGTERM, "standard output")
    checks.check("sigterm-waiting-for-input-one-line",
                 [] if out.count(b"\n") == 1 else ["%d lines, expected 1" % out.count(b"\n")])

    # A SIGINT ignored by whoever started the batch (a background job) stays ignored: the batch
    # plans on and finishes when its input ends.
    rc, out, err = signalled([cli, "batch", curriculum], signal.SIGINT, feed=lines[:2], end_input=True,
                             preexec_fn=lambda: signal.signal(signal.SIGINT, signal.SIG_IGN))
    parsed, problems = clitest.json_lines(out)
    problems += clitest.answers_in_order(parsed) + clitest.expect(
        rc, err, 0, "careerpath batch: 2 lines, 2 planned, 0 failed")
    checks.check("sigint-ignored", problems)

    checks.finish()


if __name__ == "__main__":
    main()
