#!/usr/bin/env bash
# Installs what the browser tests (module web-e2e) need when it is missing: Debian's Chromium and its
# driver, and Noto CJK fonts (without them Korean and Japanese text renders as boxes in screenshots).
# Meant to be sourced or run from .ci/run before the tests, as root.
set -euo pipefail
missing=()
[ -x /usr/bin/chromium ] || missing+=(chromium)
[ -x /usr/bin/chromedriver ] || missing+=(chromium-driver)
fc-list 2>/dev/null | grep -qi "Noto Sans CJK" || missing+=(fonts-noto-cjk)
if [ "${#missing[@]}" -gt 0 ]; then
  echo "ci: installing ${missing[*]} for the browser tests"
  export DEBIAN_FRONTEND=noninteractive
  apt-get update -qq
  apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null
fi
