#!/bin/sh
# The main job on the bundled corpus: build the model, check it against the gold annotations, export
# visits, events, documents and entities into reports/ as JSON and CSV, and make every bundled
# plugin's report into reports/ (dossier batch: Markdown, CSV, JSON and HTML, with index.html and
# manifest.json; reports that are up to date are not made again).
set -eu
dossier=${1:-.build/release/dossier}
out=${2:-reports}
mkdir -p "$out"

"$dossier" --version
echo
"$dossier" evaluate
echo
for table in visits events documents entities; do
    "$dossier" export "$table" --format json --quiet > "$out/$table.json.tmp" && mv "$out/$table.json.tmp" "$out/$table.json"
    "$dossier" export "$table" --format csv --quiet > "$out/$table.csv.tmp" && mv "$out/$table.csv.tmp" "$out/$table.csv"
done
echo "The model of the bundled corpus is in $out/: visits, events, documents and entities, as JSON and CSV."
echo
"$dossier" batch --out "$out" --quiet
echo
echo "The reports of the bundled plugins are in $out/; open $out/index.html."
