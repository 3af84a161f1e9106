#!/usr/bin/env bash
# restore.sh DUMP NEW_DATABASE - restore a dump of scripts/backup.sh into a NEW database of the
# same server (never over a live one): create it, TimescaleDB's timescaledb_pre_restore(),
# pg_restore, timescaledb_post_restore(), ANALYZE. Then point the service at it (or rename the
# databases, see docs/operations.md "Backups and restore").
#
# Connection as in backup.sh (PGHOST, PGPORT, PGUSER, PGPASSWORD or PGPASSWORD_FILE) as the
# database owner or a superuser; pg_restore, psql of the server's major version on PATH.
set -euo pipefail

[ $# = 2 ] || { echo "usage: $0 DUMP NEW_DATABASE" >&2; exit 2; }
DUMP=$1 TARGET=$2
[ -s "$DUMP" ] || { echo "restore: no dump at $DUMP" >&2; exit 1; }
[[ $TARGET =~ ^[a-z_][a-z0-9_]*$ ]] || { echo "restore: database name must be lower case letters, digits, _" >&2; exit 2; }

log() { printf '[%s] restore: %s\n' "$(date -u +%FT%TZ)" "$*" >&2; }
if [ -n "${PGPASSWORD_FILE:-}" ]; then
  PGPASSWORD=$(cat "$PGPASSWORD_FILE"); export PGPASSWORD
fi
psql_on() { local db=$1; shift; psql -X -q -v ON_ERROR_STOP=1 --no-password -d "$db" "$@"; }
ADMIN_DB=${UKP_RESTORE_ADMIN_DB:-postgres}

if [ "$(psql_on "$ADMIN_DB" -Atc "SELECT count(*) FROM pg_database WHERE datname = '$TARGET'")" != 0 ]; then
  echo "restore: database $TARGET exists; choose a new name (a restore never overwrites)" >&2; exit 1
fi
log "creating database $TARGET"
psql_on "$ADMIN_DB" -c "CREATE DATABASE \"$TARGET\""
# the service's read-only role is cluster-wide, so not in the dump; its grants are
psql_on "$ADMIN_DB" -c "DO \$\$BEGIN IF NOT EXISTS (SELECT 1 FROM pg_roles WHERE rolname = 'ukp_reader') THEN CREATE ROLE ukp_reader NOLOGIN; END IF; END\$\$"

timescale=$(psql_on "$TARGET" -Atc "SELECT count(*) FROM pg_available_extensions WHERE name = 'timescaledb'")
if [ "$timescale" = 1 ]; then
  log "timescaledb_pre_restore()"
  psql_on "$TARGET" -c "SET client_min_messages = warning; CREATE EXTENSION IF NOT EXISTS timescaledb" \
                    -c "SELECT timescaledb_pre_restore()" >/dev/null
fi
log "pg_restore $DUMP"
pg_restore --no-password --exit-on-error --dbname="$TARGET" < "$DUMP"
if [ "$timescale" = 1 ]; then
  log "timescaledb_post_restore()"
  psql_on "$TARGET" -c "SELECT timescaledb_post_restore()" >/dev/null
fi
psql_on "$TARGET" -c "ANALYZE"
log "restored into database $TARGET"
