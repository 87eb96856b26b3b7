#!/usr/bin/env bash
# Installs what the tests use beside Go, from Debian's packages, when it is
# missing: poppler-utils (pdftotext, pdfinfo, pdftoppm read the printed PDFs
# back) and chromium (the print page's browser in server/, driven by
# chromedp) and tmux (the scripted Friday at the desk in e2e/ plays the
# built program in it at 80x24). CI runs it as root; a developer runs it once with sudo.
set -euo pipefail
need=""
command -v pdftotext >/dev/null 2>&1 && command -v pdfinfo >/dev/null 2>&1 || need="$need poppler-utils"
command -v chromium >/dev/null 2>&1 || need="$need chromium"
command -v tmux >/dev/null 2>&1 || need="$need tmux"
[ -z "$need" ] && exit 0
if [ "$(id -u)" != 0 ]; then
  echo "install$need as root first (sudo $0)" >&2
  exit 1
fi
apt-get update -qq
DEBIAN_FRONTEND=noninteractive apt-get install -y -qq $need >/dev/null
