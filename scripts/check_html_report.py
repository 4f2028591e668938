#!/usr/bin/env python3
"""The checks of scripts/check-html-report.sh, on the DOM headless Chromium dumped.

  check_html_report.py pick MANIFEST
      prints the name of the report to open: the first made (or up to date) with an HTML and a JSON
      file whose JSON has a bar chart with at least one value.
  check_html_report.py check MANIFEST INDEX_DOM REPORT_NAME REPORT_DOM
      checks the index (every report a row, every file of every report linked, the title linked to
      the report) and the report (as many bars as its JSON has values, no network resource).
"""
import json
import os
import sys
from html.parser import HTMLParser
from urllib.parse import unquote


class DOM(HTMLParser):
    def __init__(self):
        super().__init__(convert_charrefs=True)
        self.elements = []  # (tag, attrs dict)

    def handle_starttag(self, tag, attrs):
        self.elements.append((tag, {k: (v or "") for k, v in attrs}))

    handle_startendtag = handle_starttag


def parse(path):
    dom = DOM()
    with open(path, encoding="utf-8") as f:
        dom.feed(f.read())
    return dom.elements


def classes(attrs):
    return attrs.get("class", "").split()


def has_files(report):
    return report["status"] in ("ok", "up-to-date") and report["files"]


def bar_count(report_json):
    """Values of bar charts: each is one <rect class="bar">."""
    total = 0
    for block in report_json.get("blocks", []):
        if block.get("type") != "chart" or block["chart"].get("type") != "bar":
            continue
        chart = block["chart"]
        n = len(chart.get("categories", []))
        for series in chart.get("series", []):
            total += sum(1 for v in series.get("values", [])[:n] if v is not None)
    return total


def load(path):
    with open(path, encoding="utf-8") as f:
        return json.load(f)


def file_of(report, fmt):
    return next((f["path"] for f in report["files"] if f["format"] == fmt), None)


def pick(manifest_path):
    manifest = load(manifest_path)
    folder = os.path.dirname(manifest_path)
    for report in manifest["reports"]:
        if not has_files(report):
            continue
        html, js = file_of(report, "html"), file_of(report, "json")
        if html and js and bar_count(load(os.path.join(folder, js))) > 0:
            print(report["name"])
            return 0
    print("check-html-report: no report has an HTML and a JSON file with a bar chart "
          "(make the batch with --formats html,json)", file=sys.stderr)
    return 1


def check(manifest_path, index_dom, name, report_dom):
    manifest = load(manifest_path)
    folder = os.path.dirname(manifest_path)
    failures = []

    # The index: a row per report, a link per file.
    elements = parse(index_dom)
    rows = {a.get("data-name") for tag, a in elements if tag == "tr" and "report" in classes(a)}
    hrefs = [unquote(a["href"]) for tag, a in elements if tag == "a" and "href" in a]
    title_links = {unquote(a["href"]) for tag, a in elements if tag == "a" and "report-link" in classes(a)}
    linked = 0
    for report in manifest["reports"]:
        if report["name"] not in rows:
            failures.append(f"index.html: no row for report '{report['name']}'")
        if not has_files(report):
            continue
        for f in report["files"]:
            if f["path"] not in hrefs:
                failures.append(f"index.html: report '{report['name']}' does not link {f['path']}")
            elif not os.path.exists(os.path.join(folder, f["path"])):
                failures.append(f"index.html links {f['path']}, which is missing")
        main = file_of(report, "html") or report["files"][0]["path"]
        if main not in title_links:
            failures.append(f"index.html: the title of '{report['name']}' does not link {main}")
        linked += 1

    # The report: its bars, and nothing from the network.
    report = next(r for r in manifest["reports"] if r["name"] == name)
    expected = bar_count(load(os.path.join(folder, file_of(report, "json"))))
    elements = parse(report_dom)
    bars = sum(1 for tag, a in elements if tag == "rect" and "bar" in classes(a))
    svgs = sum(1 for tag, _ in elements if tag == "svg")
    if svgs == 0:
        failures.append(f"{name}.html: no <svg> chart in the rendered page")
    if bars != expected:
        failures.append(f"{name}.html: {bars} bars rendered, expected {expected} (the values of its JSON's bar charts)")
    for path, elems in ((index_dom, parse(index_dom)), (report_dom, elements)):
        for tag, a in elems:
            for attr in ("src", "href") if tag in ("script", "link", "img", "iframe", "source") else ():
                if a.get(attr, "").startswith(("http:", "https:", "//")):
                    failures.append(f"{os.path.basename(path)}: <{tag} {attr}={a[attr]}> loads from the network")

    for failure in failures:
        print("check-html-report: " + failure, file=sys.stderr)
    if failures:
        return 1
    print(f"check-html-report: ok: index.html has {len(manifest['reports'])} reports, {linked} linked with all "
          f"their files; {name}.html renders {bars} bars as its data has")
    return 0


if __name__ == "__main__":
    if len(sys.argv) == 3 and sys.argv[1] == "pick":
        sys.exit(pick(sys.argv[2]))
    if len(sys.argv) == 6 and sys.argv[1] == "check":
        sys.exit(check(*sys.argv[2:]))
    print(__doc__, file=sys.stderr)
    sys.exit(2)
