#!/bin/sh
# Install the Debian packages jixiao needs, when missing and when we are root.
#   system-deps.sh        what the tests need (a real browser, CJK fonts, PDF tools, LibreOffice
#                         Writer and Calc)
#   system-deps.sh run    what the running app uses: CJK fonts for its PDFs, LibreOffice for .doc
#                         files; without them it still runs, and says what is missing
mode="${1:-test}"
need=""
fc-list :lang=zh 2>/dev/null | grep -q "Noto Sans CJK" || need="$need fonts-noto-cjk"
if [ "$mode" = "test" ]; then
  [ -x /usr/bin/chromium ] || need="$need chromium"
  command -v pdftotext >/dev/null 2>&1 || need="$need poppler-utils"
fi
# LibreOffice converts legacy Word (.doc) files; its recommended extras are not needed
office=""
[ -e /usr/lib/libreoffice/program/libswlo.so ] || office="libreoffice-writer-nogui"
# the tests print our Excel files to PDF as a filer's office suite does, and read them back
if [ "$mode" = "test" ] && [ ! -e /usr/lib/libreoffice/program/libsclo.so ]; then
  office="$office libreoffice-calc-nogui"
fi
[ -z "$need$office" ] && exit 0
if [ "$(id -u)" = "0" ] && command -v apt-get >/dev/null 2>&1; then
  echo "installing Debian packages:$need $office"
  apt-get update -qq || true
  ok=0
  if [ -n "$need" ]; then
    DEBIAN_FRONTEND=noninteractive apt-get install -y -qq $need >/dev/null || ok=1
  fi
  if [ -n "$office" ]; then
    DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends $office >/dev/null || ok=1
  fi
  [ "$mode" = "test" ] && exit $ok
  [ $ok = 0 ] || echo "could not install:$need $office (.doc files and PDF export may not work)" >&2
  exit 0
fi
echo "missing Debian packages:$need $office (run as root, or install them yourself)" >&2
[ "$mode" = "test" ] && [ "${CI:-}" = "true" ] && exit 1
exit 0
