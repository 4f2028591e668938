#!/bin/sh
# The model cache's benchmarks (docs/PERFORMANCE.md, "Model cache"), back to back on one machine:
#   scripts/bench-cache.sh .build/release/dossier /tmp/synth100k
# CORPUS is a generated corpus: .build/release/corpus-bench generate --articles 100000 --out /tmp/synth100k --seed 1
# Prints wall seconds and peak resident memory (GNU time) of each command, and the ratios the targets name.
set -eu
DOSSIER=$(realpath "$1")
CORPUS=$(realpath "$2")
RUNS=${RUNS:-3}
# The plugin's own time limit (10 s by default) counts the model's build too: on a loaded machine a cold run can
# take longer than that, so the benchmark gives the script more.
TIMEOUT=${TIMEOUT:-600}
WORK=$(mktemp -d)
trap 'rm -rf "$WORK"' EXIT
# The corpus is used in place (one of its articles is appended to, to measure a change).
ln -s "$CORPUS" "$WORK/corpus"
CACHE="$WORK/cache"
export DOSSIER_NO_WORKSPACE=1
unset DOSSIER_NO_CACHE 2>/dev/null || true

# One run: "seconds peak-KB cpu-seconds" of the command, its output discarded.
once() { /usr/bin/time -f "%e %M %U %S" -o "$WORK/time" "$@" >/dev/null 2>"$WORK/err" || { cat "$WORK/err" >&2; exit 1; }; cat "$WORK/time"; }
# The median of RUNS runs (by seconds), with the setup command $1 run before each.
median() {
    setup=$1; shift
    for _ in $(seq "$RUNS"); do eval "$setup"; once "$@"; done | awk '{ print $1, $2, $3 + $4 }' | sort -n | awk '{ a[NR] = $0 } END { print a[int((NR + 1) / 2)] }'
}
# N runs in one loop: "wall-ms cpu-ms" per run (finer than GNU time's 10 ms for a command of a few ms).
per_run() {
    n=$1; shift
    /usr/bin/time -f "%e %U %S" -o "$WORK/time" sh -c 'n=$1; shift; i=0; while [ $i -lt $n ]; do "$@" >/dev/null 2>&1 || exit 1; i=$((i + 1)); done' sh "$n" "$@" \
        || { echo "failed: $*" >&2; exit 1; }
    awk -v n="$n" '{ printf "%.2f %.2f\n", $1 * 1000 / n, ($2 + $3) * 1000 / n }' "$WORK/time"
}
report() { echo "$1" | awk -v name="$2" '{ printf "%-54s %8.3f s wall %8.3f s CPU %8.1f MB\n", name, $1, $3, $2 / 1024 }'; }

# The bundled corpus, a warm run against --version (mean of SMALL_RUNS runs, finer than GNU time).
bundled() {
    n=${SMALL_RUNS:-21}
    brun="$DOSSIER run visits-per-decade --format json --cache $CACHE --quiet"
    $brun >/dev/null
    version=$(per_run "$n" $DOSSIER --version)
    small=$(per_run "$n" $brun)
    echo "$version" | awk -v n="$n" '{ printf "%-54s %8.2f ms wall %7.2f ms CPU (mean of %d)\n", "dossier --version", $1, $2, n }'
    echo "$small" | awk -v n="$n" '{ printf "%-54s %8.2f ms wall %7.2f ms CPU (mean of %d)\n", "bundled: run visits-per-decade (cache warm)", $1, $2, n }'
    echo "$small $version" | awk '{ printf "bundled run / --version: %.2fx wall (%.2fx CPU) (target <= 2x)\n", $1 / $3, $2 / $4 }'
}
# BUNDLED_ONLY=1: that part alone (the corpus is not read).
if [ "${BUNDLED_ONLY:-}" = 1 ]; then bundled; exit 0; fi

run="$DOSSIER run visits-per-decade --format csv --corpus $WORK/corpus --cache $CACHE --quiet --timeout $TIMEOUT"
nocache=$(median ":" $DOSSIER run visits-per-decade --format csv --corpus "$WORK/corpus" --no-cache --quiet --timeout "$TIMEOUT")
cold=$(median "rm -rf $CACHE" $run)
warm=$(median ":" $run)
article=$(ls "$WORK/corpus" | grep -v manifest | head -1)
changed=$(median "echo 'The talks were described as productive.' >> $WORK/corpus/$article; $run >/dev/null 2>&1; echo 'A further sentence.' >> $WORK/corpus/$article" $run)
report "$nocache" "100k: run visits-per-decade, no cache"
report "$cold" "100k: run visits-per-decade, cold (cache written)"
report "$warm" "100k: run visits-per-decade, warm"
report "$changed" "100k: run visits-per-decade, one article changed"
# Each measure is "wall peak-KB cpu"; ratios of wall time, and of CPU time in brackets.
echo "$cold $nocache" | awk '{ printf "cold with cache / without: %.2fx wall (%.2fx CPU) (target <= 1.15x)\n", $1 / $4, $3 / $6 }'
echo "$warm $cold" | awk '{ printf "warm / cold: 1/%.1f wall (1/%.1f CPU) (target <= 1/20); warm %.3f s wall, %.3f s CPU (target <= 0.5 s); peak %.0f MB vs cold %.0f MB\n", $4 / $1, $6 / $3, $1, $3, $2 / 1024, $5 / 1024 }'
echo "$changed" | awk '{ printf "one changed article: %.3f s wall, %.3f s CPU (target <= 2 s)\n", $1, $3 }'


bundled
# JSON Lines against CSV (the median of SMALL_RUNS runs).
RUNS=${SMALL_RUNS:-21}
csv=$(median ":" $DOSSIER export visits --format csv --corpus "$WORK/corpus" --cache $CACHE --quiet)
jsonl=$(median ":" $DOSSIER export visits --format jsonl --corpus "$WORK/corpus" --cache $CACHE --quiet)
report "$csv" "100k: export visits --format csv (cache warm)"
report "$jsonl" "100k: export visits --format jsonl (cache warm)"
echo "$jsonl $csv" | awk '{ printf "jsonl / csv: %.2fx wall (%.2fx CPU) (target <= 1.2x)\n", $1 / $4, $3 / $6 }'
