#!/usr/bin/env python3
"""Renders careerpath's HTML reports in headless Chromium (Debian's `chromium`) and fails on a
console error, a script exception, a failed resource, or any request for something other than
the page itself (README.md "Reports": one self-contained file). It also prints each page to PDF
on A4, as a reader would, and can take screenshots (scripts/render-reports.sh).

Chromium is driven through the DevTools protocol over --remote-debugging-pipe (file descriptors
3 and 4, messages ended by NUL), with the standard library only: no WebSocket client, no port,
nothing left running. Every event of the page is recorded from before navigation until the load
event and a settling pause, so that an error at any point of the load is seen.

Usage:
  chromium_check.py --cli CLI --examples DIR --work DIR         the four reports of reports.py
  chromium_check.py PAGE.html...                                 pages of your own
  --screenshots DIR   also write DIR/<name>.png (1100 px wide, the top --height px of the page)
  --skip-if-absent    exit 77 (ctest's SKIP_RETURN_CODE) when no chromium is installed
"""

import argparse
import base64
import fcntl
import json
import os
import select
import shutil
import subprocess
import sys
import tempfile
import time
import urllib.parse

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))

from reports import add_arguments, make_reports  # noqa: E402

SKIP = 77


class Browser:
    def __init__(self, executable):
        self.profile = tempfile.mkdtemp(prefix="careerpath-chromium-")
        to_child_r, self.to_child = os.pipe()
        self.from_child, from_child_w = os.pipe()

        def fds():
            # The child's fds 3 and 4, as --remote-debugging-pipe wants them: copied above 10 first
            # (the pipe's own ends may be 3 or 4), then dup2'ed as inheritable; every other
            # descriptor of ours is close-on-exec.
            read_end = fcntl.fcntl(to_child_r, fcntl.F_DUPFD_CLOEXEC, 10)
            write_end = fcntl.fcntl(from_child_w, fcntl.F_DUPFD_CLOEXEC, 10)
            os.dup2(read_end, 3)
            os.dup2(write_end, 4)

        self.process = subprocess.Popen(
            [executable, "--headless", "--disable-gpu", "--no-sandbox", "--remote-debugging-pipe",
             "--no-first-run", "--no-default-browser-check", "--disable-extensions", "--disable-sync",
             "--disable-background-networking", "--disable-component-update", "--hide-scrollbars",
             "--force-color-profile=srgb", "--font-render-hinting=none", f"--user-data-dir={self.profile}",
             "about:blank"],
            stdin=subprocess.DEVNULL, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE,
            close_fds=False, preexec_fn=fds)
        os.close(to_child_r)
        os.close(from_child_w)
        self.buffer = b""
        self.next_id = 0
        self.events = []

    def send(self, method, params=None, session=None, timeout=60):
        self.next_id += 1
        message = {"id": self.next_id, "method": method, "params": params or {}}
        if session:
            message["sessionId"] = session
        os.write(self.to_child, json.dumps(message).encode() + b"\0")
        deadline = time.monotonic() + timeout
        while True:
            reply = self.receive(deadline)
            if reply is None:
                raise RuntimeError(f"no answer to {method} within {timeout} s")
            if reply.get("id") == self.next_id:
                if "error" in reply:
                    raise RuntimeError(f"{method}: {reply['error']}")
                return reply.get("result", {})
            self.events.append(reply)

    def receive(self, deadline):
        while b"\0" not in self.buffer:
            left = deadline - time.monotonic()
            if left <= 0:
                return None
            ready, _, _ = select.select([self.from_child], [], [], left)
            if not ready:
                return None
            chunk = os.read(self.from_child, 1 << 20)
            if not chunk:
                raise RuntimeError("chromium closed its pipe: " + self.process.stderr.read().decode(errors="replace")[-2000:])
            self.buffer += chunk
        message, self.buffer = self.buffer.split(b"\0", 1)
        return json.loads(message)

    def wait_for(self, method, session, timeout=60):
        deadline = time.monotonic() + timeout
        for event in self.events:
            if event.get("method") == method and event.get("sessionId") == session:
                return event
        while True:
            event = self.receive(deadline)
            if event is None:
                raise RuntimeError(f"no {method} within {timeout} s")
            self.events.append(event)
            if event.get("method") == method and event.get("sessionId") == session:
                return event

    def settle(self, seconds):
        deadline = time.monotonic() + seconds
        while True:
            event = self.receive(deadline)
            if event is None:
                return
            self.events.append(event)

    def close(self):
        try:
            self.send("Browser.close", timeout=10)
        except Exception:
            pass
        try:
            self.process.wait(timeout=20)
        except subprocess.TimeoutExpired:
            self.process.kill()
            self.process.wait()
        os.close(self.to_child)
        os.close(self.from_child)
        shutil.rmtree(self.profile, ignore_errors=True)


def render(browser, path, screenshot=None, width=1100, height=1600):
    """Loads the page; returns (faults, pdf pages). Writes a PNG of the top of the page if asked."""
    url = "file://" + urllib.parse.quote(os.path.abspath(path))
    target = browser.send("Target.createTarget", {"url": "about:blank"})["targetId"]
    session = browser.send("Target.attachToTarget", {"targetId": target, "flatten": True})["sessionId"]
    browser.events.clear()
    for domain in ("Page", "Runtime", "Log", "Network"):
        browser.send(domain + ".enable", session=session)
    browser.send("Emulation.setDeviceMetricsOverride",
                 {"width": width, "height": 900, "deviceScaleFactor": 1, "mobile": False}, session=session)
    browser.send("Page.navigate", {"url": url}, session=session)
    browser.wait_for("Page.loadEventFired", session)
    browser.settle(0.5)
    faults = []
    for event in browser.events:
        if event.get("sessionId") != session:
            continue
        method, params = event.get("method"), event.get("params", {})
        if method == "Runtime.consoleAPICalled" and params.get("type") in ("error", "assert"):
            faults.append("console error: " + " ".join(str(a.get("value", a.get("description", ""))) for a in params.get("args", [])))
        elif method == "Runtime.exceptionThrown":
            faults.append("exception: " + params.get("exceptionDetails", {}).get("text", ""))
        elif method == "Log.entryAdded" and params.get("entry", {}).get("level") == "error":
            faults.append("console error: " + params["entry"].get("text", ""))
        elif method == "Network.loadingFailed":
            faults.append(f"failed resource: {params.get('errorText')} ({params.get('type')})")
        elif method == "Network.requestWillBeSent":
            requested = params.get("request", {}).get("url", "")
            if requested != url:
                faults.append("requested something other than the page: " + requested)
        elif method == "Network.responseReceived":
            status = params.get("response", {}).get("status", 0)
            if status >= 400:
                faults.append(f"HTTP {status} for {params['response'].get('url')}")
    # A lang, a title and a chart or a table that the browser itself sees.
    seen = browser.send("Runtime.evaluate", {
        "expression": "JSON.stringify([document.documentElement.lang, document.title,"
                      " document.querySelectorAll('table').length, document.querySelectorAll('svg[role=img]').length,"
                      " document.documentElement.scrollHeight])", "returnByValue": True}, session=session)
    lang, title, tables, charts, scroll_height = json.loads(seen["result"]["value"])
    if lang != "en" or not title or tables == 0:
        faults.append(f"the page the browser sees is incomplete: lang {lang!r}, title {title!r}, {tables} tables")
    pdf = browser.send("Page.printToPDF", {"paperWidth": 8.27, "paperHeight": 11.69, "preferCSSPageSize": True,
                                           "printBackground": True}, session=session)
    pages = base64.b64decode(pdf["data"]).count(b"/Type /Page\n") or base64.b64decode(pdf["data"]).count(b"/Type /Page")
    if screenshot:
        shot_height = min(height, scroll_height)
        browser.send("Emulation.setDeviceMetricsOverride",
                     {"width": width, "height": shot_height, "deviceScaleFactor": 1, "mobile": False}, session=session)
        shot = browser.send("Page.captureScreenshot",
                            {"format": "png", "clip": {"x": 0, "y": 0, "width": width, "height": shot_height, "scale": 1}},
                            session=session)
        with open(screenshot, "wb") as f:
            f.write(base64.b64decode(shot["data"]))
    browser.send("Target.closeTarget", {"targetId": target})
    return faults, pages, charts


def self_test(executable, work):
    """The check checked: a page that loads a missing stylesheet and image and logs an error must
    give each fault, and a clean page none."""
    os.makedirs(work, exist_ok=True)
    bad = os.path.join(work, "self-test-bad.html")
    good = os.path.join(work, "self-test-good.html")
    with open(bad, "w") as f:
        f.write('<!DOCTYPE html><html lang="en"><head><title>bad</title><link rel="stylesheet" href="missing.css">'
                '</head><body><table><tr><td>x</td></tr></table><img src="missing.png" alt="x">'
                '<script>console.error("broken")</script></body></html>')
    with open(good, "w") as f:
        f.write('<!DOCTYPE html><html lang="en"><head><title>good</title></head><body><table><tr><td>x</td></tr>'
                '</table></body></html>')
    browser = Browser(executable)
    try:
        bad_faults, _, _ = render(browser, bad)
        good_faults, _, _ = render(browser, good)
    finally:
        browser.close()
    wanted = ["missing.css", "missing.png", "console error: broken"]
    missed = [w for w in wanted if not any(w in fault for fault in bad_faults)]
    if missed or good_faults:
        print(f"chromium_check self-test FAILED: missed {missed}; on the clean page {good_faults}")
        return 1
    print(f"chromium_check self-test passed: {len(bad_faults)} faults found on the bad page, none on the clean one")
    return 0


def main():
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    add_arguments(parser, "pages")
    parser.add_argument("--chromium", default=os.environ.get("CHROMIUM", "chromium"))
    parser.add_argument("--screenshots")
    parser.add_argument("--height", type=int, default=1600)
    parser.add_argument("--skip-if-absent", action="store_true")
    parser.add_argument("--self-test", action="store_true",
                        help="check that a page with a missing stylesheet, a missing image and a console error fails")
    args = parser.parse_args()
    executable = shutil.which(args.chromium)
    if not executable:
        message = f"chromium_check: no {args.chromium!r} on PATH (scripts/install-deps.sh test installs Debian's chromium)"
        print(message)
        return SKIP if args.skip_if_absent else 1
    if args.self_test:
        return self_test(executable, args.work or tempfile.gettempdir())
    pages = {os.path.splitext(os.path.basename(p))[0]: p for p in args.pages}
    if args.cli:
        pages.update(make_reports(args.cli, args.examples, args.work))
    if not pages:
        parser.error("no page to render")
    if args.screenshots:
        os.makedirs(args.screenshots, exist_ok=True)
    browser = Browser(executable)
    failed = False
    try:
        for name, path in pages.items():
            shot = os.path.join(args.screenshots, name + ".png") if args.screenshots else None
            faults, pdf_pages, charts = render(browser, path, shot, height=args.height)
            for fault in faults:
                print(f"{path}: {fault}")
            failed = failed or bool(faults)
            verdict = "FAILED" if faults else "rendered with no console error or failed resource"
            print(f"{path}: {verdict}; {charts} chart(s); prints on {pdf_pages} A4 page(s)" +
                  (f"; screenshot {shot}" if shot else ""))
    finally:
        browser.close()
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main())
