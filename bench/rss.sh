#!/usr/bin/env bash
# Peak memory (VmHWM) of the TUI after a tour of its screens: the release binary in tmux at
# 160×48, keys typed as a user would, the peak read from /proc before quitting. Beside it, the
# floor: the peak of a process that only opens the same database (`duban leader list`).
#
#   bench/rss.sh DB                        (DUBAN_BIN overrides target/release/duban)
set -euo pipefail
db="$1"
bin="${DUBAN_BIN:-target/release/duban}"
tmux kill-session -t duban-rss 2>/dev/null || true
tmux new-session -d -s duban-rss -x 160 -y 48 "DUBAN_TODAY=2026-11-25 $bin --db $db"
until tmux capture-pane -t duban-rss -p 2>/dev/null | grep -q "R5.7"; do sleep 0.05; done
pid=$(pgrep -n -f -- "--db $db")
for keys in 2 j j j j j j j j j j G / s t z Enter 3 4 5 s 6 7 1; do
    tmux send-keys -t duban-rss "$keys"
    sleep 0.3
done
peak=$(awk '/VmHWM/ { print $2 }' "/proc/$pid/status")
tmux kill-session -t duban-rss
floor=$( { /usr/bin/time -f "%M" env DUBAN_TODAY=2026-11-25 "$bin" --db "$db" leader list >/dev/null; } 2>&1 | tail -1)
echo "peak RSS of the TUI: $((peak / 1024)) MB; floor (open the database, list leaders): $((floor / 1024)) MB"
