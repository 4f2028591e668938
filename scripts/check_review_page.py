#!/usr/bin/env python3
"""The steps of scripts/check-review-page.sh that read and write files.

  check_review_page.py inject PAGE COPY
      writes COPY: PAGE with a script at the end of its body that acts as an analyst would (rejects the
      first fact with a reason, edits the second one's start date and kind through its form, accepts
      the third, fills in "by") and then copies the corrections the page built into <pre id="test-result">, with the ids
      it acted on as data-rejected, data-amended and data-accepted.
  check_review_page.py extract DOM CORRECTIONS
      reads the DOM Chromium dumped, checks the page's corrections name the three facts, writes them to
      CORRECTIONS and prints "REJECTED AMENDED KIND ACCEPTED".
  check_review_page.py check BEFORE AFTER REJECTED AMENDED KIND ACCEPTED
      checks two `dossier export visits --format jsonl` outputs, without and with the corrections: the
      rejected visit is gone, the amended one has the new start date and kind, the accepted one is marked
      corrected by an accept and otherwise unchanged, nothing else changed.
  check_review_page.py relisted FIRST_PAGE SECOND_PAGE ACCEPTED
      checks that the review page made before the corrections lists the accepted visit and the one made
      with them does not.
"""
import json
import re
import sys
from html.parser import HTMLParser

NEW_START = "2001-01-01"

ANALYST = """
<script>
(function () {
  var facts = document.querySelectorAll('section.fact');
  var result = document.createElement('pre');
  result.id = 'test-result';
  document.body.appendChild(result);
  if (facts.length < 3) { result.textContent = 'fewer than three facts'; return; }
  var by = document.getElementById('review-by');
  by.value = 'chromium test';
  by.dispatchEvent(new Event('input'));
  var rejected = facts[0], amended = facts[1];
  rejected.querySelector('input[name=reason]').value = 'not a visit: "quoted" & checked';
  rejected.querySelector('button[data-action=reject]').click();
  amended.querySelector('button[data-action=edit]').click();
  var form = amended.querySelector('form.edit');
  form.elements.start.value = '%s';
  form.elements.kind.value = form.elements.kind.value === 'state' ? 'working' : 'state';
  amended.querySelector('button[data-action=save-edit]').click();
  facts[2].querySelector('button[data-action=accept]').click();
  result.setAttribute('data-accepted', facts[2].getAttribute('data-id'));
  result.setAttribute('data-rejected', rejected.getAttribute('data-id'));
  result.setAttribute('data-amended', amended.getAttribute('data-id'));
  result.setAttribute('data-kind', form.elements.kind.value);
  result.setAttribute('data-download', document.getElementById('corrections-download').getAttribute('href'));
  result.textContent = document.getElementById('corrections-yaml').value;
})();
</script>
""" % NEW_START


class Result(HTMLParser):
    def __init__(self):
        super().__init__(convert_charrefs=True)
        self.attrs, self.text, self.inside = None, "", False

    def handle_starttag(self, tag, attrs):
        if tag == "pre" and dict(attrs).get("id") == "test-result":
            self.attrs, self.inside = dict(attrs), True

    def handle_endtag(self, tag):
        if tag == "pre":
            self.inside = False

    def handle_data(self, data):
        if self.inside:
            self.text += data


def fail(message):
    print("check-review-page: " + message, file=sys.stderr)
    sys.exit(1)


def inject(page, copy):
    html = open(page, encoding="utf-8").read()
    if html.count("</body>") != 1:
        fail(page + " has no single </body>")
    open(copy, "w", encoding="utf-8").write(html.replace("</body>", ANALYST + "</body>"))


def extract(dom_path, corrections):
    dom = Result()
    dom.feed(open(dom_path, encoding="utf-8").read())
    if dom.attrs is None:
        fail("the test script left no result: the page's script failed or Chromium ran none")
    rejected, amended, kind = dom.attrs.get("data-rejected"), dom.attrs.get("data-amended"), dom.attrs.get("data-kind")
    if not rejected or not amended:
        fail("the page did not list three facts: " + dom.text)
    if not dom.attrs.get("data-download", "").startswith("blob:"):
        fail("the download link is not a Blob URL: %r" % dom.attrs.get("data-download"))
    accepted = dom.attrs.get("data-accepted")
    expected = [
        "corrections:",
        '  - accept: "%s"' % accepted,
        '  - reject: "%s"' % rejected,
        '    by: "chromium test"',
        '    reason: "not a visit: \\"quoted\\" & checked"',
        '  - amend: "%s"' % amended,
        "    set:",
        '      start: "%s"' % NEW_START,
        '      kind: "%s"' % kind,
    ]
    lines = dom.text.splitlines()
    for line in expected:
        if line not in lines:
            fail("the corrections the page built lack %r:\n%s" % (line, dom.text))
    if not any(re.fullmatch(r"    date: \d{4}-\d{2}-\d{2}", line) for line in lines):
        fail("the corrections the page built have no decision date:\n" + dom.text)
    open(corrections, "w", encoding="utf-8").write(dom.text)
    print(rejected, amended, kind, accepted)


def visits(path):
    with open(path, encoding="utf-8") as f:
        return {v["id"]: v for v in (json.loads(line) for line in f if line.strip())}


def check(before_path, after_path, rejected, amended, kind, accepted):
    before, after = visits(before_path), visits(after_path)
    if rejected not in before or amended not in before:
        fail("the page's ids are not the export's: %s, %s" % (rejected, amended))
    if rejected in after:
        fail("the rejected visit %s is still exported" % rejected)
    changed = after.get(amended)
    if changed is None or changed["start_date"] != NEW_START or changed["kind"] != kind or not changed["corrected"]:
        fail("the amended visit %s does not have start %s and kind %s: %r" % (amended, NEW_START, kind, changed))
    confirmed = after.get(accepted)
    if confirmed is None or not confirmed["corrected"] or not any(c.startswith("accept (") for c in confirmed["corrections"]):
        fail("the accepted visit %s is not marked as accepted: %r" % (accepted, confirmed))
    if {k: v for k, v in confirmed.items() if k not in ("corrected", "corrections", "index")} != \
            {k: v for k, v in before[accepted].items() if k not in ("corrected", "corrections", "index")}:
        fail("accepting %s changed its fields" % accepted)
    others = set(before) - {rejected, amended, accepted}
    if others != set(after) - {amended, accepted}:
        fail("other visits changed: %s" % sorted(others.symmetric_difference(set(after) - {amended, accepted})))
    print("check-review-page: rejecting %s, amending %s and accepting %s on the page changed the export as expected"
          % (rejected, amended, accepted))


def relisted(first_page, second_page, accepted):
    marker = 'data-id="%s"' % accepted
    if marker not in open(first_page, encoding="utf-8").read():
        fail("the first review page does not list %s" % accepted)
    if marker in open(second_page, encoding="utf-8").read():
        fail("the review page made with the corrections still lists the accepted visit %s" % accepted)
    print("check-review-page: the accepted visit %s is no longer listed for review" % accepted)


if __name__ == "__main__":
    commands = {"inject": (inject, 2), "extract": (extract, 2), "check": (check, 6), "relisted": (relisted, 3)}
    if len(sys.argv) < 2 or sys.argv[1] not in commands or len(sys.argv) - 2 != commands[sys.argv[1]][1]:
        print(__doc__, file=sys.stderr)
        sys.exit(2)
    commands[sys.argv[1]][0](*sys.argv[2:])
