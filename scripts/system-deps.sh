#!/bin/sh
# Install the Debian packages the tests need, when missing and when we are root.
need=""
[ -x /usr/bin/chromium ] || need="$need chromium"
fc-list :lang=zh 2>/dev/null | grep -q "Noto Sans CJK" || need="$need fonts-noto-cjk"
command -v pdftotext >/dev/null 2>&1 || need="$need poppler-utils"
[ -z "$need" ] && exit 0
if [ "$(id -u)" = "0" ] && command -v apt-get >/dev/null 2>&1; then
  echo "installing Debian packages:$need"
  apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq $need >/dev/null
else
  echo "missing Debian packages:$need (run as root, or install them yourself)" >&2
  [ "${CI:-}" = "true" ] && exit 1
  exit 0
fi
