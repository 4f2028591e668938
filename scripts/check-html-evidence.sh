#!/bin/sh
# Opens an HTML report in headless Chromium (Debian's `chromium`) and checks that the evidence of its
# first row with evidence is closed at first, and once opened shows its sentences: a probe script, added
# to a copy of the page only (reports have no script), measures the first sentence before and after
# opening its <details>, and Chromium's DOM dump carries the result.
#
#   scripts/check-html-evidence.sh REPORT.html
#
# Prints "evidence: closed, then N sentences shown" and exits 0 when the check passes; 1 when it fails;
# 2 for bad usage or when chromium is missing.
set -eu

page=${1:?usage: scripts/check-html-evidence.sh REPORT.html}
browser=${CHROMIUM:-chromium}
if ! command -v "$browser" >/dev/null 2>&1; then
    echo "check-html-evidence: $browser not found (apt-get install chromium)" >&2
    exit 2
fi
[ -f "$page" ] || { echo "check-html-evidence: no such file: $page" >&2; exit 2; }

work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT INT TERM

probe='<script>
(function () {
  var details = document.querySelector("td.evidence details.evidence");
  var result = "no-evidence";
  if (details) {
    var sentence = details.querySelector("q.sentence");
    // A closed <details> keeps its content laid out but not rendered: checkVisibility() tells.
    var hidden = !details.open && sentence.checkVisibility() === false;
    details.open = true;
    var shown = Array.prototype.filter.call(details.querySelectorAll("q.sentence"), function (q) {
      var box = q.getBoundingClientRect();
      return q.checkVisibility() && box.height > 0 && box.width > 0 && q.innerText.length > 0;
    }).length;
    var marked = details.querySelectorAll("q.sentence mark").length;
    result = (hidden ? "closed" : "open-at-start") + " " + shown + " " + marked;
  }
  document.body.setAttribute("data-evidence-check", result);
})();
</script>'
# The probe runs once the page is parsed: put it just before </body>.
python3 - "$page" "$work/page.html" "$probe" <<'PY'
import sys
source, target, probe = sys.argv[1], sys.argv[2], sys.argv[3]
text = open(source, encoding="utf-8").read()
open(target, "w", encoding="utf-8").write(text.replace("</body>", probe + "\n</body>", 1))
PY

sandbox=""
[ "$(id -u)" -eq 0 ] && sandbox="--no-sandbox"
# shellcheck disable=SC2086
"$browser" --headless $sandbox --disable-gpu --disable-dev-shm-usage --no-first-run \
    --user-data-dir="$work/profile" --dump-dom "file://$work/page.html" >"$work/dom.html" 2>"$work/chromium.log" || {
    echo "check-html-evidence: chromium failed:" >&2
    tail -20 "$work/chromium.log" >&2
    exit 1
}
result=$(sed -n 's/.*data-evidence-check="\([^"]*\)".*/\1/p' "$work/dom.html" | head -1)
set -- $result
if [ "${1:-}" = "closed" ] && [ "${2:-0}" -gt 0 ] && [ "${3:-0}" -gt 0 ]; then
    echo "evidence: closed, then $2 sentences shown ($3 names marked)"
    exit 0
fi
echo "check-html-evidence: the evidence did not open on its sentences (got '${result:-nothing}')" >&2
exit 1
