#!/bin/bash
# Evaluates every annotated set of Data/annotations/training-sets.tsv (the blind batches, Data/heldout,
# Data/unseen, the bundled Data/testcorpus): one `dossier evaluate` output per set in OUTDIR (misses, extras,
# attribute errors, matches), then P / R / F1 per set, and pooled over every set but the bundled corpus.
# Usage: scripts/evaluate-all.sh OUTDIR   (from the checkout's root; DOSSIER=path/to/dossier, default the debug build)
set -euo pipefail
out=${1:?usage: scripts/evaluate-all.sh OUTDIR}
bin=${DOSSIER:-$PWD/.build/debug/dossier}
[ -x "$bin" ] || { echo "scripts/evaluate-all.sh: no dossier at $bin (swift build, or set DOSSIER)" >&2; exit 1; }
mkdir -p "$out"
mapfile -t sets < <(grep -v '^#' Data/annotations/training-sets.tsv | tail -n +2)
for line in "${sets[@]}"; do
  IFS=$'\t' read -r folder gold _ <<< "$line"
  "$bin" evaluate --corpus "$folder" --gold "$gold" > "$out/$(basename "$folder").txt" 2>&1 &
  while [ "$(jobs -r | wc -l)" -ge 2 ]; do sleep 0.1; done
done
wait
for f in "$out"/*.txt; do
  printf '%-10s %s | %s\n' "$(basename "$f" .txt)" "$(grep -m1 '^precision' "$f")" "$(grep -m1 'reported as occurred:' "$f")"
done
python3 - "$out" <<'PY'
import glob, os, re, sys
gold = found = right = planned = 0
for path in glob.glob(os.path.join(sys.argv[1], '*.txt')):
    if os.path.basename(path) == 'testcorpus.txt':
        continue
    text = open(path, encoding='utf-8').read()
    counts = re.search(r'visits: gold (\d+), found (\d+)', text)
    if not counts:
        continue
    g, f = int(counts[1]), int(counts[2])
    gold += g; found += f
    right += round(float(re.search(r'recall ([\d.]+)', text)[1]) * g)
    planned += int(re.search(r'reported as occurred: (\d+)', text)[1])
p = right / found if found else 0
r = right / gold if gold else 0
f1 = 2 * p * r / (p + r) if p + r else 0
print(f"pooled (all but testcorpus): P {p:.3f} R {r:.3f} F1 {f1:.3f}; planned or negated reported as occurred {planned}")
PY
