#!/bin/sh
# print-preview.sh renders an exported HTML report the way an office prints
# it: headless Chromium to an A4 PDF, then each page to PNG (pdftoppm), to
# look at before a release. Needs Debian's chromium and poppler-utils.
#
#   tiepdan report --db tiepdan.db --period 2026-10 --format html -o /tmp/bc.html
#   scripts/print-preview.sh /tmp/bc.html /tmp/preview
set -eu
html=${1:?usage: scripts/print-preview.sh REPORT.html [OUTDIR]}
out=${2:-.}
mkdir -p "$out"
profile=$(mktemp -d)
trap 'rm -rf "$profile"' EXIT
chromium --headless --no-sandbox --disable-gpu --disable-quic --no-first-run \
	--disable-background-networking --disable-component-update --disable-sync \
	--user-data-dir="$profile" --no-pdf-header-footer \
	--print-to-pdf="$out/report.pdf" "file://$(realpath "$html")" 2>/dev/null
pdftoppm -r 80 -png "$out/report.pdf" "$out/page"
ls "$out"
