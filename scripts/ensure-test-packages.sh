#!/usr/bin/env bash
# ensure-test-packages.sh - the Debian packages the tests use beside Maven's:
#   chromium                                  the report rendering and the browser tests
#   r-base-core r-cran-dbi r-cran-rpostgresql  the R examples of docs/analysts.md (AnalystGuideTest)
#   python3-psycopg python3-pandas            the Python examples of docs/analysts.md (Debian's /usr/bin/python3)
# Run by ./mvnw verify before the tests: installs what is missing when this is a Debian machine
# where we may (root, apt-get). Otherwise it only says what is missing; the tests that need it
# then fail with the same advice.
set -euo pipefail
packages=(chromium r-base-core r-cran-dbi r-cran-rpostgresql python3-psycopg python3-pandas)
missing=()
for p in "${packages[@]}"; do
  if [ "$(dpkg-query -W -f='${Status}' "$p" 2>/dev/null || true)" != "install ok installed" ]; then
    missing+=("$p")
  fi
done
if [ ${#missing[@]} -eq 0 ]; then
  exit 0
fi
if [ "$(id -u)" = 0 ] && command -v apt-get >/dev/null 2>&1; then
  echo "[ensure-test-packages] installing Debian's ${missing[*]} for the tests" >&2
  apt-get update -q >&2 || apt-get update -q >&2
  DEBIAN_FRONTEND=noninteractive apt-get install -y -q --no-install-recommends "${missing[@]}" >&2
else
  echo "[ensure-test-packages] missing: install them (apt-get install ${missing[*]}) for the browser, report and analysts' guide tests" >&2
fi
