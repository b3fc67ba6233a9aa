#!/usr/bin/env python3
"""An automated check of the basics of accessibility and printing in careerpath's HTML reports
(README.md "Reports"), with the Python standard library only:

- the <html> element has a lang attribute, the page a non-empty <title>;
- headings: one h1, first, and no level skipped on the way down (h1 -> h3 is an error);
- tables: a caption, a header row of <th scope="col">, every <th> with a scope, every body row
  led by a <th scope="row">;
- the chart: every <svg> has role="img" and aria-labelledby naming its own non-empty <title> and
  <desc> (the text alternative); no <img> without alt;
- contrast, computed with the WCAG 2.1 formula from the colours of the stylesheet: every rule's
  text colour against its own background (else the page's) at least 4.5:1; the chart's text
  fills (.t-*) against white and every band fill (.band-*) at least 4.5:1; the chart's marks
  (.bar-*, .ms-*) and legend swatches against white at least 3:1 (non-text contrast);
- print: an A4 @page, rows, figures and tables kept whole (break-inside: avoid), table headers
  repeated on each page (thead as table-header-group);
- self-contained: no script, no link, no src or href, no url( or @import.

Usage: check_accessibility.py FILE.html...   or   --cli CLI --examples DIR --work DIR
Prints each page's contrast table; exits 1 listing every fault."""

import argparse
import html.parser
import os
import re
import sys

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))

from reports import add_arguments, make_reports  # noqa: E402


def luminance(hex_colour):
    """WCAG 2.1 relative luminance of #rrggbb or #rgb."""
    h = hex_colour.lstrip("#")
    if len(h) == 3:
        h = "".join(c * 2 for c in h)
    channels = []
    for i in (0, 2, 4):
        c = int(h[i:i + 2], 16) / 255
        channels.append(c / 12.92 if c <= 0.04045 else ((c + 0.055) / 1.055) ** 2.4)
    r, g, b = channels
    return 0.2126 * r + 0.7152 * g + 0.0722 * b


def contrast(a, b):
    la, lb = sorted((luminance(a), luminance(b)), reverse=True)
    return (la + 0.05) / (lb + 0.05)


def css_rules(css):
    """(selector, {property: value}) for every rule, @media blocks opened up."""
    css = re.sub(r"/\*.*?\*/", "", css, flags=re.S)
    css = re.sub(r"@media[^{]*\{", "", css)  # the closing brace left over ends an empty rule
    rules = []
    for selector, body in re.findall(r"([^{}]+)\{([^{}]*)\}", css):
        props = {}
        for decl in body.split(";"):
            if ":" in decl:
                k, v = decl.split(":", 1)
                props[k.strip()] = v.strip()
        rules.append((selector.strip(), props))
    return rules


def colour_of(value):
    m = re.search(r"#[0-9a-fA-F]{6}\b|#[0-9a-fA-F]{3}\b", value or "")
    return m.group(0) if m else None


class Page(html.parser.HTMLParser):
    def __init__(self):
        super().__init__(convert_charrefs=True)
        self.faults = []
        self.lang = None
        self.title = ""
        self.in_title = False
        self.headings = []
        self.style = ""
        self.in_style = False
        self.stack = []
        self.tables = []  # per table: dict
        self.svgs = []
        self.ids = {}
        self.text_of_id = {}
        self.collect = None  # (id, tag) while inside an element with an id we need text of

    def handle_starttag(self, tag, attrs):
        a = dict(attrs)
        if tag == "html":
            self.lang = a.get("lang")
        if tag in ("script", "link", "iframe", "object", "embed", "base"):
            self.faults.append(f"<{tag}> in a page that must be self-contained")
        for k in ("src", "href", "srcset", "action"):
            if k in a:
                self.faults.append(f"<{tag} {k}=...>: nothing may be loaded from elsewhere")
        if tag == "img" and not a.get("alt"):
            self.faults.append("an <img> without alt text")
        if tag == "title" and not self.stack_has("svg"):
            self.in_title = True
        if tag == "style":
            self.in_style = True
        if re.fullmatch(r"h[1-6]", tag):
            self.headings.append(int(tag[1]))
        if tag == "table":
            self.tables.append({"caption": False, "col_headers": 0, "rows": 0, "rows_with_th": 0})
        if tag == "caption" and self.tables:
            self.tables[-1]["caption"] = True
        if tag == "th":
            scope = a.get("scope")
            if scope not in ("col", "row", "colgroup", "rowgroup"):
                self.faults.append("a <th> without a scope")
            if self.stack_has("thead") and scope == "col" and self.tables:
                self.tables[-1]["col_headers"] += 1
            if self.stack_has("tbody") and self.stack and self.stack[-1] == "tr" and self.first_cell and scope == "row":
                self.tables[-1]["rows_with_th"] += 1
        if tag in ("th", "td"):
            self.first_cell = False
        if tag == "tr" and self.stack_has("tbody") and self.tables:
            self.tables[-1]["rows"] += 1
            self.first_cell = True
        if tag == "svg":
            self.svgs.append({"role": a.get("role"), "labelledby": (a.get("aria-labelledby") or "").split(),
                              "children": []})
        if tag in ("title", "desc") and self.stack_has("svg") and "id" in a:
            self.collect = a["id"]
            self.text_of_id[a["id"]] = ""
        if "id" in a:
            if a["id"] in self.ids:
                self.faults.append(f"the id {a['id']!r} is used twice")
            self.ids[a["id"]] = tag
        if tag not in ("meta", "br", "img", "rect", "line", "path", "circle"):
            self.stack.append(tag)

    def handle_startendtag(self, tag, attrs):
        self.handle_starttag(tag, attrs)
        if self.stack and self.stack[-1] == tag:
            self.stack.pop()

    def handle_endtag(self, tag):
        if tag == "title":
            self.in_title = False
        if tag == "style":
            self.in_style = False
        if tag in ("title", "desc"):
            self.collect = None
        if tag in self.stack:
            while self.stack and self.stack.pop() != tag:
                pass

    def handle_data(self, data):
        if self.in_title:
            self.title += data
        if self.in_style:
            self.style += data
        if self.collect is not None:
            self.text_of_id[self.collect] += data

    def stack_has(self, tag):
        return tag in self.stack


def check(path):
    with open(path, encoding="utf-8") as f:
        text = f.read()
    page = Page()
    page.first_cell = False
    page.feed(text)
    faults = list(page.faults)
    if not page.lang:
        faults.append("<html> has no lang attribute")
    if not page.title.strip():
        faults.append("the page has no <title>")
    if not page.headings or page.headings[0] != 1 or page.headings.count(1) != 1:
        faults.append(f"the headings must start with one h1: {page.headings}")
    for before, after in zip(page.headings, page.headings[1:]):
        if after > before + 1:
            faults.append(f"a heading level is skipped: h{before} then h{after}")
    for i, t in enumerate(page.tables, 1):
        if not t["caption"]:
            faults.append(f"table {i} has no caption")
        if t["col_headers"] == 0:
            faults.append(f"table {i} has no column headers (<th scope=\"col\">)")
        if t["rows_with_th"] != t["rows"]:
            faults.append(f"table {i}: {t['rows'] - t['rows_with_th']} of {t['rows']} rows have no row header")
    for i, s in enumerate(page.svgs, 1):
        if s["role"] != "img":
            faults.append(f"svg {i} has no role=\"img\"")
        if len(s["labelledby"]) < 2:
            faults.append(f"svg {i} is not labelled by a title and a description (aria-labelledby)")
        for ref in s["labelledby"]:
            if not page.text_of_id.get(ref, "").strip():
                faults.append(f"svg {i}: aria-labelledby names {ref!r}, which is not a <title> or <desc> with text")

    # Contrast.
    rules = css_rules(page.style)
    page_background = "#ffffff"
    for selector, props in rules:
        if selector == "body" and colour_of(props.get("background")):
            page_background = colour_of(props.get("background"))
    bands = [colour_of(p.get("fill")) for s, p in rules if s.startswith(".band-") and colour_of(p.get("fill"))]
    table = []
    for selector, props in rules:
        for one in selector.split(","):
            one = one.strip()
            fg = colour_of(props.get("color"))
            if fg:
                bg = colour_of(props.get("background")) or colour_of(props.get("background-color")) or page_background
                table.append((one, "text", fg, bg, contrast(fg, bg), 4.5))
            if one.startswith(".t-") and colour_of(props.get("fill")):
                for bg in [page_background] + bands:
                    table.append((one, "chart text", colour_of(props["fill"]), bg, contrast(colour_of(props["fill"]), bg), 4.5))
            if (one.startswith(".bar-") or one.startswith(".ms-")) and colour_of(props.get("fill")):
                table.append((one, "chart mark", colour_of(props["fill"]), page_background,
                              contrast(colour_of(props["fill"]), page_background), 3.0))
            if one.startswith(".swatch.") and colour_of(props.get("background")):
                table.append((one, "legend swatch", colour_of(props["background"]), page_background,
                              contrast(colour_of(props["background"]), page_background), 3.0))
    if not table:
        faults.append("no colour found in the stylesheet")
    print(f"{path}: contrast (WCAG 2.1)")
    for selector, kind, fg, bg, ratio, need in table:
        mark = "ok" if ratio >= need else "TOO LOW"
        print(f"  {selector:<22} {kind:<13} {fg} on {bg}  {ratio:5.2f}:1 (needs {need}:1) {mark}")
        if ratio < need:
            faults.append(f"{selector}: {fg} on {bg} is {ratio:.2f}:1, under {need}:1")

    # Print.
    css = re.sub(r"\s+", "", page.style)
    if "@page{size:A4" not in css:
        faults.append("no A4 @page rule")
    if "thead{display:table-header-group}" not in css:
        faults.append("table headers do not repeat on each printed page")
    if not re.search(r"table[^{}]*\{break-inside:avoid", css) or not re.search(r"(^|[,}])tr[,{]", css):
        faults.append("tables and rows are not kept whole when printed (break-inside: avoid)")
    if "url(" in css or "@import" in css:
        faults.append("the stylesheet loads something from elsewhere")
    return faults


def self_test(work):
    """The check checked: a page that breaks each rule once gives each fault."""
    os.makedirs(work, exist_ok=True)
    path = os.path.join(work, "self-test-bad.html")
    with open(path, "w", encoding="utf-8") as f:
        f.write('<!DOCTYPE html><html><head><title></title><style>body{background:#ffffff;color:#777777}'
                '.t-ink{fill:#aaaaaa}.bar-ok{fill:#eeeeee}</style></head><body><h2>first</h2><h1>a</h1><h3>b</h3>'
                '<table><thead><tr><th>x</th></tr></thead><tbody><tr><td>1</td></tr></tbody></table>'
                '<svg><title>t</title></svg><img src="x.png"></body></html>')
    faults = check(path)
    wanted = ["no lang", "no <title>", "start with one h1", "skipped", "no caption", "without a scope",
              "no row header", "role=\"img\"", "not labelled", "<img> without alt", "nothing may be loaded",
              "#777777 on #ffffff", ".t-ink", ".bar-ok", "A4", "repeat", "kept whole"]
    missed = [w for w in wanted if not any(w in fault for fault in faults)]
    if missed:
        print(f"check_accessibility self-test FAILED: no fault for {missed}; found {faults}")
        return 1
    print(f"check_accessibility self-test passed: {len(faults)} faults found on the bad page")
    return 0


def main():
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    add_arguments(parser, "files")
    parser.add_argument("--self-test", action="store_true", help="check that a page breaking each rule fails")
    args = parser.parse_args()
    if args.self_test:
        return self_test(args.work or ".")
    files = list(args.files)
    if args.cli:
        files += list(make_reports(args.cli, args.examples, args.work).values())
    if not files:
        parser.error("no page to check")
    failed = False
    for path in files:
        faults = check(path)
        for fault in faults:
            print(f"{path}: {fault}")
        failed = failed or bool(faults)
        print(f"{path}: {'FAILED' if faults else 'passed'}")
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main())
