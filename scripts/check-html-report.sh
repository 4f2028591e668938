#!/bin/sh
# Opens a batch's index.html and one of its HTML reports in headless Chromium (Debian's `chromium`)
# and checks the DOM Chromium built: every report of DIR/manifest.json has its row in the index, each
# report with files has a link to every one of them, nothing is loaded from the network, and the
# report's chart has as many bars (<rect class="bar">) as its JSON has values.
#
#   scripts/check-html-report.sh DIR [DOSSIER]
#
# With DOSSIER (the built tool), the default batch is made into DIR first (--force), with the html and
# json formats the check needs. Exit status: 0 when the checks pass, 1 when one fails, 2 for bad usage
# or when chromium is missing.
set -eu

dir=${1:?usage: scripts/check-html-report.sh DIR [DOSSIER]}
dossier=${2:-}
here=$(cd "$(dirname "$0")" && pwd)

browser=${CHROMIUM:-chromium}
if ! command -v "$browser" >/dev/null 2>&1; then
    echo "check-html-report: $browser not found (apt-get install chromium)" >&2
    exit 2
fi

if [ -n "$dossier" ]; then
    "$dossier" batch --out "$dir" --formats html,json,md --force --quiet >/dev/null
fi
[ -f "$dir/index.html" ] && [ -f "$dir/manifest.json" ] || {
    echo "check-html-report: $dir has no index.html and manifest.json (run 'dossier batch --out $dir' first)" >&2
    exit 2
}
abs=$(cd "$dir" && pwd)

work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT INT TERM

# Root cannot use Chromium's sandbox; the pages are our own, with no script.
sandbox=""
[ "$(id -u)" -eq 0 ] && sandbox="--no-sandbox"

dump() {  # dump URL OUT
    # shellcheck disable=SC2086
    "$browser" --headless $sandbox --disable-gpu --disable-dev-shm-usage --no-first-run \
        --user-data-dir="$work/profile" --dump-dom "$1" >"$2" 2>"$work/chromium.log" || {
        echo "check-html-report: chromium failed on $1:" >&2
        tail -20 "$work/chromium.log" >&2
        exit 1
    }
    [ -s "$2" ] || { echo "check-html-report: chromium rendered nothing for $1" >&2; exit 1; }
}

dump "file://$abs/index.html" "$work/index.dom.html"
report=$(python3 "$here/check_html_report.py" pick "$abs/manifest.json")
dump "file://$abs/$report.html" "$work/report.dom.html"
python3 "$here/check_html_report.py" check "$abs/manifest.json" "$work/index.dom.html" "$report" "$work/report.dom.html"
