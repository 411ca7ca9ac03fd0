#!/bin/sh
# Long fuzz runs: every property of tests/fuzz (the date parser, the CSV and .xlsx importers, the
# configuration loader) with CASES cases each (default 10000) instead of the normal suite's few
# hundred, optimised. What proptest finds is shrunk, printed and kept in
# tests/proptest-regressions/*.txt (commit those files: they are replayed on every run); put a
# tricky input worth keeping in tests/corpus/<target>/ as well.
#
#   scripts/fuzz.sh            # 10000 cases per property
#   scripts/fuzz.sh 100000     # longer
#   FUZZ_THREADS=1 scripts/fuzz.sh
set -eu
cases="${1:-10000}"
case "$cases" in
    '' | *[!0-9]*)
        echo "usage: scripts/fuzz.sh [CASES]" >&2
        exit 2
        ;;
esac
cd "$(dirname "$0")/.."
PROPTEST_CASES="$cases" exec cargo test --release --test fuzz -- --test-threads "${FUZZ_THREADS:-2}"
