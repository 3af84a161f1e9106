#!/usr/bin/env bash
# ensure-chromium.sh - the report test renders the HTML report in Debian's headless Chromium.
# Run by ./mvnw verify before the tests: installs the package when it is missing and this is a
# Debian machine where we may (root, apt-get). Otherwise it only says what is missing; the test
# then fails with the same advice.
set -euo pipefail
if command -v chromium >/dev/null 2>&1; then
  exit 0
fi
if [ "$(id -u)" = 0 ] && command -v apt-get >/dev/null 2>&1; then
  echo "[ensure-chromium] installing Debian's chromium for the report rendering test" >&2
  apt-get update -q >&2
  DEBIAN_FRONTEND=noninteractive apt-get install -y -q --no-install-recommends chromium >&2
else
  echo "[ensure-chromium] chromium is missing: install it (apt-get install chromium) for ReportChromiumTest" >&2
fi
