#!/usr/bin/env bash
# The ledger import (issue 19): the whole ledger of DB exported as .csv and as .xlsx, then each
# imported into a new, empty database: wall time, CPU time (user + system: steadier than the wall
# on a busy machine) and peak RSS of `duban import ledger`, each the median of RUNS runs. Make DB
# with `duban --db DB demo --scale 30000`.
#
#   bench/import.sh DB [RUNS]             (DUBAN_BIN overrides target/release/duban)
set -euo pipefail
db="$1"
runs="${2:-3}"
bin="${DUBAN_BIN:-target/release/duban}"
[ -x /usr/bin/time ] || { echo "/usr/bin/time (GNU time) is needed" >&2; exit 2; }
median() { sort -n | awk '{ v[NR] = $1 } END { print v[int((NR + 1) / 2)] }'; }
out=$(mktemp -d)
trap 'rm -rf "$out"' EXIT
export DUBAN_TODAY=2026-11-25

for ext in csv xlsx; do
    "$bin" --db "$db" export ledger --out "$out/ledger.$ext" >/dev/null
done
echo "tasks in the ledger: $(grep -c '^[0-9]*,' "$out/ledger.csv")"

# One run into a new database: "<wall seconds> <CPU seconds> <peak kB>" on stdout.
measure() {
    rm -f "$out/new.db" "$out/new.db-wal" "$out/new.db-shm"
    "$bin" --db "$out/new.db" init >/dev/null
    /usr/bin/time -f "%e %U %S %M" -o "$out/time" \
        "$bin" --db "$out/new.db" import ledger "$1" >"$out/said"
    awk '{ printf "%s %.2f %s\n", $1, $2 + $3, $4 }' "$out/time"
}

for ext in csv xlsx; do
    for _ in $(seq "$runs"); do measure "$out/ledger.$ext"; done >"$out/runs"
    secs=$(awk '{ print $1 }' "$out/runs" | median)
    cpu=$(awk '{ print $2 }' "$out/runs" | median)
    kb=$(awk '{ print $3 }' "$out/runs" | median)
    size=$(du -k "$out/ledger.$ext" | awk '{ print $1 }')
    echo "import ledger .$ext ($((size / 1024)) MB): ${secs} s (CPU ${cpu} s), peak RSS $((kb / 1024)) MB (median of $runs)"
    head -2 "$out/said" | sed 's/^/    /'
done
