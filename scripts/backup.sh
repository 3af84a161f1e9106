#!/usr/bin/env bash
# backup.sh - dump the UKP database (pg_dump custom format) into a folder and delete dumps older
# than the retention. Used by the compose service `backup` (inside the TimescaleDB image, so its
# pg_dump is the server's own major version), by scripts/restore-drill.sh in CI, and by hand.
#
#   backup.sh            one dump, then the retention
#   backup.sh --loop     one dump every UKP_BACKUP_INTERVAL seconds (the compose service)
#
# Connection: libpq's PGHOST, PGPORT, PGUSER, PGDATABASE, and PGPASSWORD or PGPASSWORD_FILE (a
# file holding only the password, e.g. a compose secret).
# Env: UKP_BACKUP_DIR (default /backups), UKP_BACKUP_RETENTION_DAYS (default 14; 0 keeps all),
#      UKP_BACKUP_INTERVAL (seconds, default 86400).
# Prints the path of the dump it wrote (last line of stdout); logs go to stderr.
# The dump holds the whole database, the TimescaleDB catalogue included; restore it with
# scripts/restore.sh, which runs TimescaleDB's pre/post restore steps.
set -euo pipefail

BACKUP_DIR=${UKP_BACKUP_DIR:-/backups}
RETENTION_DAYS=${UKP_BACKUP_RETENTION_DAYS:-14}
INTERVAL=${UKP_BACKUP_INTERVAL:-86400}

log() { printf '[%s] backup: %s\n' "$(date -u +%FT%TZ)" "$*" >&2; }
if [ -n "${PGPASSWORD_FILE:-}" ]; then
  PGPASSWORD=$(cat "$PGPASSWORD_FILE"); export PGPASSWORD
fi
export PGDATABASE=${PGDATABASE:-ukp}

dump_once() {
  mkdir -p "$BACKUP_DIR"
  local name file
  name="$PGDATABASE-$(date -u +%Y%m%dT%H%M%SZ).dump"
  file="$BACKUP_DIR/$name"
  log "pg_dump of database $PGDATABASE to $file"
  # written under another name first: a dump that broke off never looks like a backup
  if ! pg_dump --format=custom --compress=6 --no-password > "$file.partial"; then
    rm -f "$file.partial"
    log "ERROR: pg_dump failed"
    return 1
  fi
  mv "$file.partial" "$file"
  log "done: $(du -h "$file" | cut -f1)"
  if [ "$RETENTION_DAYS" -gt 0 ]; then
    # -mtime +N: older than N whole days
    find "$BACKUP_DIR" -maxdepth 1 -name "$PGDATABASE-*.dump" -mtime "+$((RETENTION_DAYS - 1))" -print -delete \
      | sed 's/^/deleted (retention): /' >&2
  fi
  echo "$file"
}

if [ "${1:-}" = --loop ]; then
  log "a dump every $INTERVAL s into $BACKUP_DIR, kept $RETENTION_DAYS days"
  while true; do
    # a failed dump is logged and tried again at the next turn; the service keeps running
    dump_once >/dev/null || true
    sleep "$INTERVAL"
  done
else
  dump_once
fi
