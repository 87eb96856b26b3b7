#!/bin/sh
# check-exports.sh checks the summary's exports with the readers offices
# use: openpyxl (streaming and normal mode) reads every number of the XLSX
# and finds the same in the semicolon CSV; LibreOffice Calc converts the
# workbook to PDF headless (A4 pages, headings repeated) and pdftoppm turns
# the pages into PNG to look at. Installs what it needs from Debian's
# packages when run as root.
#
#   scripts/check-exports.sh [DB] [PERIOD] [OUTDIR]
set -eu
db=${1:-demo.db}
period=${2:-2026}
out=${3:-/tmp/tiepdan-exports}
need=""
py=python3
$py -c 'import openpyxl' 2>/dev/null || py=/usr/bin/python3
$py -c 'import openpyxl' 2>/dev/null || need="$need python3-openpyxl"
command -v soffice >/dev/null || need="$need libreoffice-calc-nogui"
command -v pdftoppm >/dev/null || need="$need poppler-utils"
if [ -n "$need" ]; then
	if [ "$(id -u)" = 0 ]; then
		apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq $need >/dev/null
	else
		echo "install:$need" >&2
		exit 2
	fi
fi
mkdir -p "$out"
[ -f "$db" ] || ${TIEPDAN:-go run ./cmd/tiepdan} demo --db "$db" --records 50000
${TIEPDAN:-go run ./cmd/tiepdan} report --db "$db" --period "$period" --format xlsx -o "$out/report.xlsx"
${TIEPDAN:-go run ./cmd/tiepdan} report --db "$db" --period "$period" --format csv -o "$out/report.csv"
$py "$(dirname "$0")/check_xlsx.py" "$out/report.xlsx" "$out/report.csv"
soffice --headless --convert-to pdf --outdir "$out" "$out/report.xlsx" >/dev/null 2>&1
pdfinfo "$out/report.pdf" | grep -E 'Pages|Page size'
pdftoppm -r 50 -png -f 1 -l 12 "$out/report.pdf" "$out/page"
ls "$out"
