#!/usr/bin/env bash
# The ledger export of every task, as .xlsx and as .csv: wall time, CPU time (user + system: steadier
# than the wall on a busy machine) and peak RSS of `duban export ledger`, each the median of RUNS
# runs, beside the floor (the peak of a process that only opens the same database, `duban leader
# list`).
#
#   bench/export.sh DB [RUNS]             (DUBAN_BIN overrides target/release/duban)
set -euo pipefail
db="$1"
runs="${2:-3}"
bin="${DUBAN_BIN:-target/release/duban}"
[ -x /usr/bin/time ] || { echo "/usr/bin/time (GNU time) is needed" >&2; exit 2; }
median() { sort -n | awk '{ v[NR] = $1 } END { print v[int((NR + 1) / 2)] }'; }
out=$(mktemp -d)
trap 'rm -rf "$out"' EXIT

# One run: "<wall seconds> <CPU seconds> <peak kB>" on stdout.
measure() {
    /usr/bin/time -f "%e %U %S %M" -o "$out/time" \
        env DUBAN_TODAY=2026-11-25 "$bin" --db "$db" export ledger --out "$1" >/dev/null
    awk '{ printf "%s %.2f %s\n", $1, $2 + $3, $4 }' "$out/time"
}

for ext in xlsx csv; do
    for _ in $(seq "$runs"); do measure "$out/ledger.$ext"; done >"$out/runs"
    secs=$(awk '{ print $1 }' "$out/runs" | median)
    cpu=$(awk '{ print $2 }' "$out/runs" | median)
    kb=$(awk '{ print $3 }' "$out/runs" | median)
    size=$(du -k "$out/ledger.$ext" | awk '{ print $1 }')
    echo "export ledger .$ext: ${secs} s (CPU ${cpu} s), peak RSS $((kb / 1024)) MB (median of $runs); file $((size / 1024)) MB"
done
# Each task's row of the .csv begins with its id and a comma (a record line in a cell begins with
# a date).
echo "tasks exported: $(grep -c '^[0-9]*,' "$out/ledger.csv")"
floor=$( { /usr/bin/time -f "%M" env DUBAN_TODAY=2026-11-25 "$bin" --db "$db" leader list >/dev/null; } 2>&1 | tail -1)
echo "floor (open the database, list leaders): peak RSS $((floor / 1024)) MB"
