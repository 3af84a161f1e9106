#!/usr/bin/env bash
# restore-drill.sh - proves that a backup restores: on the TimescaleDB of timescaledb-start.sh
# (same TS_HOME, TS_PORT, TS_PASSWORD), start the packaged service on a new database with the
# demo data and one refused import, read /api/v1/kpis (several scopes) and the import audit,
# dump it with scripts/backup.sh, restore it with scripts/restore.sh into another new database,
# start the service there and read the same again. Any difference fails. Both databases are
# dropped at the end. Run by .ci/run after the TimescaleDB tests; by hand after `./mvnw package`.
#
# Env: TS_HOME, TS_PORT, TS_PASSWORD as for timescaledb-start.sh; UKP_JAR (default
# target/ukp-monitor-*.jar); DRILL_HTTP_PORT (default 18089). The client tools (pg_dump,
# pg_restore, psql) are the chroot's, the server's own major version; without a chroot at
# TS_HOME, those on PATH.
set -euo pipefail
cd "$(dirname "$0")/.."

TS_HOME=${TS_HOME:-/var/tmp/ukp-timescaledb}
TS_PORT=${TS_PORT:-55432}
TS_PASSWORD=${TS_PASSWORD:-ukp-ci-throwaway}
HTTP_PORT=${DRILL_HTTP_PORT:-18089}
ROOT=$TS_HOME/root
ORIGINAL=ukp_drill
RESTORED=ukp_drill_restored
ADMIN_PASSWORD=drill-admin-$RANDOM$RANDOM$RANDOM
JAR=${UKP_JAR:-$(ls target/ukp-monitor-*.jar 2>/dev/null | grep -v -- '-plain' | head -n1 || true)}
[ -n "$JAR" ] && [ -s "$JAR" ] || { echo "restore-drill: no service jar (run ./mvnw package, or set UKP_JAR)" >&2; exit 1; }

log() { printf '[%(%H:%M:%S)T] drill: %s\n' -1 "$*" >&2; }
WORK=$(mktemp -d /tmp/ukp-restore-drill.XXXXXX)
SERVICE_PID=

export PGHOST=127.0.0.1 PGPORT=$TS_PORT PGUSER=postgres PGPASSWORD=$TS_PASSWORD
if [ -d "$ROOT/usr/lib/postgresql" ]; then
  # the chroot's tools; stdin and stdout pass through chroot, so dumps are host files
  PGUID=$(chroot "$ROOT" id -u postgres); PGGID=$(chroot "$ROOT" id -g postgres)
  PGBIN=$(ls -d "$ROOT"/usr/lib/postgresql/*/bin | tail -n1); PGBIN=${PGBIN#"$ROOT"}
  mkdir "$WORK/bin"
  for tool in pg_dump pg_restore psql; do
    printf '#!/bin/sh\nexec chroot --userspec=%s:%s %q %s/%s "$@"\n' "$PGUID" "$PGGID" "$ROOT" "$PGBIN" "$tool" > "$WORK/bin/$tool"
    chmod +x "$WORK/bin/$tool"
  done
  export PATH=$WORK/bin:$PATH
fi
sql() { psql -X -q -v ON_ERROR_STOP=1 --no-password -d postgres "$@"; }

stop_service() {
  if [ -n "$SERVICE_PID" ]; then
    kill "$SERVICE_PID" 2>/dev/null || true
    wait "$SERVICE_PID" 2>/dev/null || true
    SERVICE_PID=
  fi
}
cleanup() {
  stop_service
  sql -c "DROP DATABASE IF EXISTS $ORIGINAL WITH (FORCE)" -c "DROP DATABASE IF EXISTS $RESTORED WITH (FORCE)" || true
  rm -rf "$WORK"
}
trap cleanup EXIT

start_service() { # $1 database, $2 demo data on/off
  log "starting the service on database $1"
  SPRING_DATASOURCE_URL="jdbc:postgresql://127.0.0.1:$TS_PORT/$1" \
  SPRING_DATASOURCE_USERNAME=postgres SPRING_DATASOURCE_PASSWORD="$TS_PASSWORD" \
  UKP_DEMO_ENABLED=$2 UKP_ADMIN_PASSWORD=$ADMIN_PASSWORD PORT=$HTTP_PORT \
  UKP_IMPORT_SPOOL_DIR="$WORK/spool-$1" \
    java -XX:+ExitOnOutOfMemoryError -Xmx512m -XX:TieredStopAtLevel=1 -jar "$JAR" > "$WORK/service-$1.log" 2>&1 &
  SERVICE_PID=$!
  for _ in $(seq 1 180); do
    if [ "$(curl -s -o /dev/null -w '%{http_code}' "http://127.0.0.1:$HTTP_PORT/actuator/health/readiness")" = 200 ]; then
      return 0
    fi
    kill -0 "$SERVICE_PID" 2>/dev/null || break
    sleep 1
  done
  tail -n 40 "$WORK/service-$1.log" >&2
  log "ERROR: the service did not get ready on database $1"; exit 1
}

api() { curl -sS --fail-with-body -u "admin:$ADMIN_PASSWORD" "http://127.0.0.1:$HTTP_PORT$1"; }

read_figures() { # $1 folder
  mkdir -p "$1"
  local scope
  for scope in total region:trondheim region:fjellregionen municipality:5001 municipality:5033; do
    api "/api/v1/kpis?scope=$scope" > "$1/kpis-${scope/:/-}.json"
    api "/api/v1/kpis?scope=$scope&month=2024-06" > "$1/kpis-${scope/:/-}-2024-06.json"
  done
  api "/api/v1/imports?limit=100" > "$1/imports.json"
  local id
  for id in $(grep -o '"id":[0-9]*' "$1/imports.json" | cut -d: -f2); do
    api "/api/v1/imports/$id" > "$1/import-$id.json"
  done
}

started=$SECONDS
sql -c "DROP DATABASE IF EXISTS $ORIGINAL WITH (FORCE)" -c "DROP DATABASE IF EXISTS $RESTORED WITH (FORCE)" \
    -c "CREATE DATABASE $ORIGINAL"
psql -X -q -v ON_ERROR_STOP=1 --no-password -d "$ORIGINAL" -c "SET client_min_messages = warning; CREATE EXTENSION IF NOT EXISTS timescaledb"

start_service "$ORIGINAL" true
# one refused import, so that the audit holds an error list too
printf 'year,municipality,population\n2024,9999,12\n' > "$WORK/refused.csv"
code=$(curl -sS -o /dev/null -w '%{http_code}' -u "admin:$ADMIN_PASSWORD" -H 'Content-Type: text/csv' \
       --data-binary @"$WORK/refused.csv" "http://127.0.0.1:$HTTP_PORT/api/v1/imports/population")
[ "$code" = 422 ] || { log "ERROR: the refused import answered $code, not 422"; exit 1; }
read_figures "$WORK/original"
stop_service
grep -q '"scope"' "$WORK/original/kpis-total.json" || { log "ERROR: no figures before the dump"; exit 1; }
[ "$(grep -o '"id":[0-9]*' "$WORK/original/imports.json" | wc -l)" -ge 5 ] || { log "ERROR: the audit lacks the demo imports"; exit 1; }

DUMP=$(UKP_BACKUP_DIR="$WORK/backups" UKP_BACKUP_RETENTION_DAYS=0 PGDATABASE=$ORIGINAL bash scripts/backup.sh | tail -n1)
bash scripts/restore.sh "$DUMP" "$RESTORED"

start_service "$RESTORED" false
read_figures "$WORK/restored"
stop_service

if ! diff -r "$WORK/original" "$WORK/restored" >&2; then
  log "FAILED: the restored database answers differently (above)"; exit 1
fi
log "OK: $(ls "$WORK/original" | wc -l) answers identical after dump and restore ($((SECONDS - started)) s)"
