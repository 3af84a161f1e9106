#!/usr/bin/env bash
# secrets-init.sh - write the secret files docker-compose.yml reads from ./secrets/: a random
# password (32 characters) for each one that does not exist yet; existing files are kept. The
# single sign-on client secrets start empty (no SSO): put the provider's secret into them.
# The folder is readable by its owner only (700); the files 644, so that the containers' own users
# (postgres, grafana, nobody) can read them where compose mounts them.
set -euo pipefail
cd "$(dirname "$0")/.."
umask 022
mkdir -p secrets
chmod 700 secrets
random() { head -c 24 /dev/urandom | base64 | tr '+/' '-_'; }
for name in db_password reader_password viewer_password analyst_password ingest_password planner_password \
            admin_password grafana_admin_password oidc_client_secret grafana_oidc_client_secret; do
  file=secrets/$name
  if [ -e "$file" ]; then
    echo "kept    $file"
    continue
  fi
  case $name in
    *client_secret) : > "$file" ;;
    *) printf '%s' "$(random)" > "$file" ;;
  esac
  chmod 644 "$file"
  echo "written $file"
done
echo "The built-in users' passwords: cat secrets/<user>_password. An empty file disables that user."
