#!/bin/sh
# The review page in headless Chromium (Debian's `chromium`), as an analyst uses it: `dossier review` writes
# the page for the sample corpus; a copy of it gets a script that rejects the first fact and edits the second
# one's start date and kind through the page's own buttons and form; Chromium runs it and dumps the DOM; the
# corrections file the page built is saved and given to `dossier export visits --corrections`, which must no
# longer have the rejected visit, must have the edited one changed and the accepted third one marked as accepted;
# `dossier review` with the file no longer lists the accepted one.
#
#   scripts/check-review-page.sh DOSSIER [CORPUS]
#
# Exit status: 0 when the checks pass, 1 when one fails, 2 for bad usage or when chromium is missing.
set -eu

dossier=${1:?usage: scripts/check-review-page.sh DOSSIER [CORPUS]}
here=$(cd "$(dirname "$0")" && pwd)
corpus=${2:-$here/../Data/corpus}

browser=${CHROMIUM:-chromium}
if ! command -v "$browser" >/dev/null 2>&1; then
    echo "check-review-page: $browser not found (apt-get install chromium)" >&2
    exit 2
fi

work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT INT TERM

# The model of the corpus only: no workspace, a cache of its own.
export DOSSIER_WORKSPACE=
options="--corpus $corpus --cache $work/cache --quiet"

# shellcheck disable=SC2086
"$dossier" review $options --out "$work/review.html"
python3 "$here/check_review_page.py" inject "$work/review.html" "$work/analyst.html"

# Root cannot use Chromium's sandbox; the page is our own.
sandbox=""
[ "$(id -u)" -eq 0 ] && sandbox="--no-sandbox"
# shellcheck disable=SC2086
"$browser" --headless $sandbox --disable-gpu --disable-dev-shm-usage --no-first-run \
    --user-data-dir="$work/profile" --dump-dom "file://$work/analyst.html" >"$work/analyst.dom.html" 2>"$work/chromium.log" || {
    echo "check-review-page: chromium failed on the review page:" >&2
    tail -20 "$work/chromium.log" >&2
    exit 1
}

# shellcheck disable=SC2046
set -- $(python3 "$here/check_review_page.py" extract "$work/analyst.dom.html" "$work/corrections.yaml")
# shellcheck disable=SC2086
"$dossier" export visits --format jsonl $options >"$work/before.jsonl"
# shellcheck disable=SC2086
"$dossier" export visits --format jsonl $options --corrections "$work/corrections.yaml" >"$work/after.jsonl"
python3 "$here/check_review_page.py" check "$work/before.jsonl" "$work/after.jsonl" "$1" "$2" "$3" "$4"
# shellcheck disable=SC2086
"$dossier" review $options --corrections "$work/corrections.yaml" --out "$work/review-again.html"
python3 "$here/check_review_page.py" relisted "$work/review.html" "$work/review-again.html" "$4"
