#!/usr/bin/env bash
# The pages of the documents duban writes, as images: the demo county on 2026-11-25, its latest
# criticism notice, a feedback form of a unit that answered, and this month's status bulletin,
# each exported as .docx, converted to PDF by LibreOffice and drawn at 60 dpi into
# screenshots/doc-<name>-p<N>.png. Needs soffice and pdftoppm (poppler-utils).
# Usage: scripts/doc-pages.sh [OUT_DIR]   (default screenshots; CARGO_FLAGS=--release to build so)
set -euo pipefail
cd "$(dirname "$0")/.."
out="${1:-screenshots}"
for tool in soffice pdftoppm jq; do
    command -v "$tool" >/dev/null || { echo "$0: $tool is not installed" >&2; exit 2; }
done
# shellcheck disable=SC2086  # CARGO_FLAGS is a list of flags
cargo build ${CARGO_FLAGS:-} --quiet
bin=target/debug
[ -n "${CARGO_FLAGS:-}" ] && bin=target/release
work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT
duban() { "$bin/duban" --db "$work/demo.db" --today 2026-11-25 --lang "${LANG_DOC:-zh}" "$@"; }
duban demo >/dev/null
criticism="$(duban --format json criticisms | jq -r 'max_by(.date) | .id')"
read -r meeting unit < <(
    for id in $(duban --format json meeting list | jq -r '.[] | select(.minutes_issued != null) | .id'); do
        duban --format json meeting show "$id" |
            jq -r '.id as $m | [.feedback[] | select(.feedback.received_on != null)][0]
                   | select(. != null) | "\($m) \(.unit)"'
    done | head -n 1
)
duban export criticism "$criticism" --out "$work/criticism-notice.docx" >/dev/null
duban export feedback-form --meeting "$meeting" --unit "$unit" --out "$work/feedback-form.docx" >/dev/null
duban export bulletin --period month --out "$work/bulletin.docx" >/dev/null
soffice "-env:UserInstallation=file://$work/profile" --headless --convert-to pdf \
    --outdir "$work" "$work"/*.docx >/dev/null 2>&1
mkdir -p "$out"
rm -f "$out"/doc-*-p*.png
for pdf in "$work"/*.pdf; do
    name="$(basename "$pdf" .pdf)"
    pdftoppm -png -r 60 "$pdf" "$work/$name"
    for page in "$work/$name"-*.png; do
        n="${page##*-}"; n="${n%.png}"; n="$((10#$n))"
        cp "$page" "$out/doc-$name-p$n.png"
    done
done
ls "$out"/doc-*-p*.png
