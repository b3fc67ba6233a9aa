#!/usr/bin/env python3
"""The command line against failing outputs and hostile inputs (README.md, "Command line"):

- every subcommand, in every format, with standard output on a full disk (/dev/full), closed,
  or a closed pipe, and with -o on a full disk or over the file size limit: exit 1 and a message
  naming where the bytes were going; a batch's output keeps whole lines only;
- inputs that are directories, missing, not files, endless (/dev/zero) or over the document
  limit: exit 1 and a message naming the file and what is wrong, the limit applied while reading.

    io_faults.py --cli build/careerpath --examples examples/data --data tests/cli --work DIR
"""
import os
import re
import resource
import signal
import subprocess

import clitest

LIMIT = 64 << 20  # careerpath::Limits{}.max_document_bytes, README.md "Guarantees"
FULL = "No space left on device"


def main():
    args = clitest.arguments(__doc__.split("\n\n")[0])
    cli, work, checks = args.cli, args.work, clitest.Checks()
    curriculum = os.path.join(args.examples, "engineering-growth.json")
    alex = os.path.join(args.examples, "alex.request.json")
    requests = {
        "plan": alex,
        "score": os.path.join(args.data, "score.request.json"),
        "cohort": os.path.join(args.data, "cohort.request.json"),
        "match": os.path.join(args.examples, "match.json"),
    }
    batch_good = os.path.join(args.data, "batch_good.jsonl")

    # --- Standard output on a full disk: every command, every format. --------------------------
    commands = [("validate", ["validate", curriculum]), ("help", ["--help"]), ("version", ["--version"])]
    for fmt in ("text", "json"):
        commands.append(("describe-" + fmt, ["describe", "--format", fmt, curriculum]))
        for name in ("score", "cohort", "match"):
            commands.append(("%s-%s" % (name, fmt), [name, "--format", fmt, curriculum, requests[name]]))
    for fmt in ("dot", "mermaid"):
        commands.append(("graph-" + fmt, ["graph", "--format", fmt, curriculum]))
    for fmt in ("text", "json", "mermaid", "ical"):
        commands.append(("plan-" + fmt, ["plan", "--format", fmt, curriculum, alex]))
    with open(os.devnull, "wb") as null, open("/dev/full", "wb") as full:
        for name, argv in commands:
            # The same command succeeds when its output can be written, so the failure below is
            # the full disk's.
            rc, _, err = clitest.run(cli, argv, stdout=null)
            problems = clitest.expect(rc, err, 0, "")
            if err:
                problems.append("stderr is not empty: " + err)
            rc, _, err = clitest.run(cli, argv, stdout=full)
            problems += clitest.expect(rc, err, 1, "careerpath: cannot write to standard output: " + FULL)
            checks.check("full-stdout-" + name, problems)
        # plan -o on a full disk, in every format: nothing else claims success either.
        for fmt in ("text", "json", "mermaid", "ical"):
            rc, _, err = clitest.run(cli, ["plan", "--format", fmt, curriculum, alex, "-o", "/dev/full"], stdout=null)
            checks.check("full-plan-o-" + fmt, clitest.expect(rc, err, 1, "careerpath: cannot write to /dev/full: " + FULL))
        # batch to standard output and with -o, both full.
        rc, _, err = clitest.run(cli, ["batch", curriculum, batch_good], stdout=full)
        checks.check("full-batch-stdout",
                     clitest.expect(rc, err, 1, "careerpath: cannot write to standard output: " + FULL) +
                     clitest.expect(rc, err, 1, "careerpath batch: stopped: 0 lines written to standard output"))
        rc, _, err = clitest.run(cli, ["batch", curriculum, batch_good, "-o", "/dev/full"], stdout=null)
        checks.check("full-batch-o",
                     clitest.expect(rc, err, 1, "careerpath: cannot write to /dev/full: " + FULL) +
                     clitest.expect(rc, err, 1, "careerpath batch: stopped: 0 lines written to /dev/full"))
        # The batch's summary on a full stderr: the plans are all written, but the run cannot say
        # so, and its exit status does not claim success.
        out_path = os.path.join(work, "batch-stderr-full.jsonl")
        done = subprocess.run([cli, "batch", curriculum, batch_good, "-o", out_path], stdin=subprocess.DEVNULL,
                              stdout=null, stderr=full, timeout=clitest.TIMEOUT)
        with open(out_path, "rb") as f:
            parsed, problems = clitest.json_lines(f.read())
        if done.returncode != 1:
            problems.append("exit status %r, expected 1" % done.returncode)
        if len(parsed) != 3:
            problems.append("%d lines written, expected 3" % len(parsed))
        checks.check("full-batch-stderr", problems)

    # --- Standard output closed (>&-): an error, and a -o file does not take its place. --------
    close_stdout = lambda: os.close(1)
    rc, _, err = clitest.run(cli, ["describe", curriculum], stdout=None, preexec_fn=close_stdout)
    checks.check("closed-stdout", clitest.expect(rc, err, 1, "careerpath: cannot write to standard output: Bad file descriptor"))
    plan_json = os.path.join(work, "closed-stdout.plan.json")
    rc, _, err = clitest.run(cli, ["plan", curriculum, alex, "-o", plan_json], stdout=None, preexec_fn=close_stdout)
    problems = clitest.expect(rc, err, 1, "careerpath: cannot write to standard output: Bad file descriptor")
    with open(plan_json, "rb") as f:
        parsed, more = clitest.json_lines(f.read().replace(b"\n", b"") + b"\n")  # one document
    problems += more
    if parsed and "summary" not in parsed[0]:
        problems.append("the -o file is not the plan document")
    checks.check("closed-stdout-plan-o", problems)

    # --- A closed pipe (the reader stopped, as `| head` does). SIGPIPE ends the program quietly,
    # as it does other tools; where SIGPIPE is ignored the write fails with EPIPE, which is an
    # error like any other.
    for name, argv in (("graph", ["graph", curriculum]), ("batch", ["batch", curriculum, batch_good])):
        read_end, write_end = os.pipe()
        os.close(read_end)
        rc, _, err = clitest.run(cli, argv, stdout=write_end)
        problems = [] if rc == -signal.SIGPIPE and err == "" else ["exit %r, stderr %r: expected SIGPIPE, quietly" % (rc, err)]
        rc, _, err = clitest.run(cli, argv, stdout=write_end,
                                 preexec_fn=lambda: signal.signal(signal.SIGPIPE, signal.SIG_IGN))
        os.close(write_end)
        problems += clitest.expect(rc, err, 1, "careerpath: cannot write to standard output: Broken pipe")
        checks.check("closed-pipe-" + name, problems)

    # --- A write that fails part-way through a line of a regular file (over RLIMIT_FSIZE; EFBIG
    # rather than SIGXFSZ): the batch's output is cut back to its last whole line, and the count
    # on stderr is the count in the file.
    with open(batch_good, "rb") as f:
        good = f.read().rstrip(b"\n") + b"\n"  # its last line has no line break
    many = os.path.join(work, "batch_good_x10.jsonl")
    with open(many, "wb") as f:
        f.write(good * 10)
    good_lf = os.path.join(work, "batch_good_lf.jsonl")
    with open(good_lf, "wb") as f:
        f.write(good)

    def file_size_limit(limit):
        def apply():
            resource.setrlimit(resource.RLIMIT_FSIZE, (limit, limit))
            signal.signal(signal.SIGXFSZ, signal.SIG_IGN)
        return apply

    for name in ("o", "stdout"):
        out_path = os.path.join(work, "fsize-%s.jsonl" % name)
        if os.path.exists(out_path):
            os.remove(out_path)
        if name == "o":
            rc, _, err = clitest.run(cli, ["batch", curriculum, many, "-o", out_path], preexec_fn=file_size_limit(100000))
            where = out_path
        else:
            with open(out_path, "wb") as out:
                rc, _, err = clitest.run(cli, ["batch", curriculum, many], stdout=out, preexec_fn=file_size_limit(100000))
            where = "standard output"
        problems = clitest.expect(rc, err, 1, "careerpath: cannot write to %s: File too large" % where)
        with open(out_path, "rb") as f:
            data = f.read()
        parsed, more = clitest.json_lines(data)
        problems += more
        reported = re.search(r"careerpath batch: stopped: (\d+) lines written to " + re.escape(where), err)
        if not reported or int(reported.group(1)) != len(parsed) or not parsed:
            problems.append("%d whole lines in the file, stderr says: %s" % (len(parsed), err))
        checks.check("fsize-batch-" + name, problems)
    plan_json = os.path.join(work, "fsize.plan.json")
    with open(os.devnull, "wb") as null:
        rc, _, err = clitest.run(cli, ["plan", "--format", "json", curriculum, alex, "-o", plan_json], stdout=null,
                                 preexec_fn=file_size_limit(1000))
    checks.check("fsize-plan-o", clitest.expect(rc, err, 1, "careerpath: cannot write to %s: File too large" % plan_json))

    # --- Inputs that cannot be read: the message names the file and says why. ------------------
    missing = os.path.join(work, "no-such-file.json")
    not_a_dir = os.path.join(curriculum, "x.json")
    cases = [
        ("dir-curriculum", ["validate", work], work + ": error: cannot read: Is a directory"),
        ("dir-request", ["plan", curriculum, work], work + ": error: cannot read: Is a directory"),
        ("dir-score-request", ["score", curriculum, work], work + ": error: cannot read: Is a directory"),
        ("dir-batch-requests", ["batch", curriculum, work], work + ": error: cannot read: Is a directory"),
        ("dir-batch-curriculum", ["batch", work, batch_good], work + ": error: cannot read: Is a directory"),
        ("missing-curriculum", ["describe", missing], missing + ": error: cannot read: No such file or directory"),
        ("missing-request", ["match", curriculum, missing], missing + ": error: cannot read: No such file or directory"),
        ("not-a-directory", ["graph", not_a_dir], not_a_dir + ": error: cannot read: Not a directory"),
    ]
    for name, argv, message in cases:
        rc, out, err = clitest.run(cli, argv)
        problems = clitest.expect(rc, err, 1, message)
        if "internal error" in err:
            problems.append("an internal error: " + err)
        checks.check(name, problems)
    if os.geteuid() != 0:
        unreadable = os.path.join(work, "unreadable.json")
        with open(unreadable, "w") as f:
            f.write("{}")
        os.chmod(unreadable, 0)
        rc, _, err = clitest.run(cli, ["validate", unreadable])
        checks.check("unreadable", clitest.expect(rc, err, 1, unreadable + ": error: cannot read: Permission denied"))
    else:
        print("[unreadable] skipped: root reads a file of mode 000")
    dir_fd = os.open(work, os.O_RDONLY)
    rc, _, err = clitest.run(cli, ["batch", curriculum, "-"], stdin=dir_fd)
    os.close(dir_fd)
    checks.check("dir-batch-stdin", clitest.expect(rc, err, 1, "standard input: error: cannot read: Is a directory"))

    # --- Endless and oversized inputs: the limit applies while reading. ------------------------
    over = "/dev/zero: error: the input is over the limit of %d bytes (max_document_bytes); reading stopped there" % LIMIT
    endless = [("zero-curriculum-" + c, [c, "/dev/zero"]) for c in ("validate", "describe", "graph")]
    endless += [("zero-request-" + c, [c, curriculum, "/dev/zero"]) for c in ("plan", "score", "cohort", "match")]
    for name, argv in endless:
        rc, _, err = clitest.run(cli, argv)
        checks.check(name, clitest.expect(rc, err, 1, over) + clitest.expect(rc, err, 1, "status: CAREERPATH_ERR_LIMIT"))
    # "-" is standard input, read within the same limit.
    with open(curriculum, "rb") as f:
        rc, out, err = clitest.run(cli, ["validate", "-"], stdin=f)
    problems = clitest.expect(rc, err, 0, "")
    if not out.startswith(b'standard input: valid curriculum "engineering-growth"'):
        problems.append("stdout: %r" % out)
    checks.check("stdin-curriculum", problems)
    with open("/dev/zero", "rb") as zero:
        rc, _, err = clitest.run(cli, ["plan", curriculum, "-"], stdin=zero)
    checks.check("zero-request-stdin", clitest.expect(rc, err, 1, over.replace("/dev/zero", "standard input")))
    sparse = os.path.join(work, "sparse-70MB.json")
    with open(sparse, "wb") as f:
        f.truncate(70000000)
    rc, _, err = clitest.run(cli, ["validate", sparse])
    checks.check("over-limit-file", clitest.expect(
        rc, err, 1, "%s: error: the file is 70000000 bytes, over the limit of %d bytes (max_document_bytes)" % (sparse, LIMIT)))

    # A batch reads its requests line by line: a line with no end within the limit gets an
    # ERR_LIMIT answer of its own, after the answers to the lines before it, and stops the batch.
    too_long = "error: line %%d is longer than the limit of %d bytes (max_document_bytes); the batch stops there" % LIMIT
    for name, argv, source in (("zero-batch-requests", ["batch", curriculum, "/dev/zero"], None),
                               ("zero-batch-stdin", ["batch", curriculum, "-"], "zero"),
                               ("good-then-zero-batch-stdin", ["batch", curriculum], "good")):
        feeder = None
        if source == "zero":
            stdin = open("/dev/zero", "rb")
        elif source == "good":
            feeder = subprocess.Popen(["cat", good_lf, "/dev/zero"], stdout=subprocess.PIPE)
            stdin = feeder.stdout
        else:
            stdin = subprocess.DEVNULL
        rc, out, err = clitest.run(cli, argv, stdin=stdin)
        if feeder:
            feeder.kill()
            feeder.wait()
            feeder.stdout.close()
        elif source:
            stdin.close()
        plans = 3 if source == "good" else 0
        parsed, problems = clitest.json_lines(out)
        problems += clitest.expect(rc, err, 1, ("/dev/zero: " if source is None else "standard input: ") + too_long % (plans + 1))
        if len(parsed) != plans + 1 or any("error" in p for p in parsed[:plans]) or \
                parsed[-1].get("error", {}).get("status") != "CAREERPATH_ERR_LIMIT" or \
                parsed[-1]["error"].get("line") != plans + 1:
            problems.append("expected %d plans then an ERR_LIMIT line, got %r" % (plans, [sorted(p)[:2] for p in parsed]))
        checks.check(name, problems)

    checks.finish()


if __name__ == "__main__":
    main()
