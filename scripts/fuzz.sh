#!/bin/sh
# Runs each libFuzzer target for SECONDS, starting from its seeds in Fuzz/Seeds/NAME (and what earlier
# runs found, in .build-fuzz/corpus/NAME), and prints one line per target: executions, executions per
# second, and whether it ran clean. A crash leaves its input in Fuzz/Crashes/ (add it to Fuzz/Seeds/NAME
# once fixed: `make test` replays the seeds). Exit status 1 when any target crashed.
#
#   scripts/fuzz.sh SECONDS TARGET...      (after `make fuzz` built them; see the Makefile)
set -u
seconds=${1:?usage: scripts/fuzz.sh SECONDS TARGET...}
shift
bin=.build-fuzz/release
mkdir -p Fuzz/Crashes
status=0
for target in "$@"; do
    name=${target#fuzz-}
    corpus=.build-fuzz/corpus/$name
    log=.build-fuzz/$target.log
    mkdir -p "$corpus"
    "$bin/$target" -max_total_time="$seconds" -detect_leaks=0 -rss_limit_mb=2048 -timeout=10 -max_len=65536 \
        -print_final_stats=1 -artifact_prefix="Fuzz/Crashes/$name-" "$corpus" "Fuzz/Seeds/$name" >"$log" 2>&1
    result=$?
    runs=$(sed -n 's/^stat::number_of_executed_units: *//p' "$log" | tail -n 1)
    rate=$(sed -n 's/^stat::average_exec_per_sec: *//p' "$log" | tail -n 1)
    if [ "$result" -eq 0 ]; then verdict=clean; else verdict="CRASHED (see $log and Fuzz/Crashes/)"; status=1; fi
    echo "$target: ${runs:-?} executions in ${seconds} s, ${rate:-?} per second: $verdict"
done
exit $status
