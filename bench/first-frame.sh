#!/usr/bin/env bash
# The first full frame as a user sees it: the release binary in tmux at 160×48, the screen polled
# until the overview's last figure (R5.7) is drawn. Printed beside its floor: sqlite3 printing the
# counts the overview is made of, from the same file.
#
#   bench/first-frame.sh DB [RUNS]        (DUBAN_BIN overrides target/release/duban)
set -euo pipefail
db="$1"
runs="${2:-7}"
bin="${DUBAN_BIN:-target/release/duban}"
command -v tmux >/dev/null || { echo "tmux is needed" >&2; exit 2; }
median() { sort -n | awk '{ v[NR] = $1 } END { print v[int((NR + 1) / 2)] }'; }
ms() { echo $(( ($2 - $1) / 1000000 )); }

frame=$(for _ in $(seq "$runs"); do
    tmux kill-session -t duban-ff 2>/dev/null || true
    start=$(date +%s%N)
    tmux new-session -d -s duban-ff -x 160 -y 48 "DUBAN_TODAY=2026-11-25 DUBAN_LANG=zh $bin --db $db"
    until tmux capture-pane -t duban-ff -p 2>/dev/null | grep -q "R5.7"; do sleep 0.005; done
    ms "$start" "$(date +%s%N)"
    tmux kill-session -t duban-ff
done | median)

floor=$(for _ in $(seq "$runs"); do
    start=$(date +%s%N)
    sqlite3 "$db" "SELECT count(*) FROM task WHERE completed_on IS NULL OR completed_on > '2026-11-25';
                   SELECT count(*) FROM task WHERE (completed_on IS NULL OR completed_on > '2026-11-25') AND due < '2026-11-25';
                   SELECT count(*) FROM task WHERE promised_on IS NOT NULL AND completed_on IS NULL;" >/dev/null
    ms "$start" "$(date +%s%N)"
done | median)

echo "first full frame: ${frame} ms (median of $runs); floor (sqlite3, the overview's counts): ${floor} ms; ratio $(awk -v a="$frame" -v b="$floor" 'BEGIN { printf "%.1f", (b > 0 ? a / b : 0) }')"
