#!/usr/bin/env bash
# The pages of the documents duban writes, as images: the demo county on 2026-11-25, its latest
# criticism notice, a feedback form of a unit that answered, and this month's status bulletin,
# each exported as .docx, converted to PDF by LibreOffice and drawn at 60 dpi into
# screenshots/doc-<name>-p<N>.png. Needs soffice, pdftoppm (poppler-utils) and jq. Where the
# offices' fonts (仿宋_GB2312, 方正小标宋简体, 黑体, 宋体) are missing, LibreOffice is pointed at the
# Noto CJK faces for this run only (see README: the documents on a Linux server).
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
cat >"$work/fonts.conf" <<'CONF'
<?xml version="1.0"?>
<!DOCTYPE fontconfig SYSTEM "fonts.dtd">
<fontconfig>
  <include ignore_missing="yes">/etc/fonts/fonts.conf</include>
  <alias binding="same"><family>仿宋_GB2312</family><prefer><family>Noto Serif CJK SC</family></prefer></alias>
  <alias binding="same"><family>宋体</family><prefer><family>Noto Serif CJK SC</family></prefer></alias>
  <alias binding="same"><family>黑体</family><prefer><family>Noto Sans CJK SC</family></prefer></alias>
  <match target="pattern">
    <test name="family"><string>方正小标宋简体</string></test>
    <edit name="family" mode="assign" binding="strong"><string>Noto Serif CJK SC</string></edit>
    <edit name="weight" mode="assign" binding="strong"><const>bold</const></edit>
  </match>
</fontconfig>
CONF
FONTCONFIG_FILE="$work/fonts.conf" soffice "-env:UserInstallation=file://$work/profile" --headless --convert-to pdf \
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
