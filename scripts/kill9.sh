#!/usr/bin/env bash
# Long fault run: a stress writer killed mid-loop (mostly kill -9, some SIGHUP/SIGTERM) ROUNDS
# times on one database; after each kill the database must pass integrity_check, every record
# must be whole or absent, and the audit log must match the data and every acknowledged write.
# Usage: scripts/kill9.sh [ROUNDS]   (default 500; DUBAN_FAULT_SEED=N repeats a run's kills;
# CARGO_FLAGS=--release for a release build)
set -euo pipefail
rounds="${1:-500}"
case "$rounds" in
    ''|*[!0-9]*) echo "usage: $0 [ROUNDS]" >&2; exit 2 ;;
esac
cd "$(dirname "$0")/.."
# shellcheck disable=SC2086  # CARGO_FLAGS is a list of flags
DUBAN_KILL_ROUNDS="$rounds" cargo test ${CARGO_FLAGS:-} --test faults \
    writers_killed_mid_write_leave_every_record_whole_or_absent -- --exact --nocapture
