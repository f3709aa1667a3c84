#!/usr/bin/env bash
# A private PostgreSQL cluster for Milk Mobs, on its own port, bound to 127.0.0.1 only.
#   scripts/db.sh start|stop|status|url [dev|test]
# "dev" (port 55432) keeps the run command's data and is durable; "test" (port 55433) is for the test
# command and trades durability for speed (fsync off). Both are idempotent: start on a running cluster,
# or stop on a stopped one, does nothing. The dev cluster keeps commit timestamps (track_commit_timestamp),
# which ./mm bench pickup reads; a dev cluster made before that gets the setting at its next start.
# The dev cluster gets a quarter of the machine's memory (256MB to 8GB) as shared buffers, so that the vectors and their
# HNSW indexes stay in them (ADR 0035); one made before gets it at its next start, and ALTER SYSTEM still overrides it.
# The test cluster's databases are small: it keeps 256MB.
set -euo pipefail

ROOT=$(cd "$(dirname "$0")/.." && pwd)
PG_BIN=${PG_BIN:-/usr/lib/postgresql/15/bin}
command=${1:-status}
flavour=${2:-dev}

case "$flavour" in
  dev)  PORT=${MILKMOBS_DB_PORT:-55432} ;;
  test) PORT=${MILKMOBS_TEST_DB_PORT:-55433} ;;
  *) echo "unknown cluster '$flavour' (dev|test)" >&2; exit 2 ;;
esac
DB_USER=${MILKMOBS_DB_USER:-milkmobs}
DB_PASSWORD=${MILKMOBS_DB_PASSWORD:-milkmobs}
DB_NAME=${MILKMOBS_DB_NAME:-milkmobs}

# PostgreSQL refuses to run as root, so as root the cluster belongs to the 'postgres' user, which must be
# able to reach the data folder. Fall back to /var/lib when the checkout is not readable by that user.
if [ "$(id -u)" -eq 0 ]; then
  id -u postgres >/dev/null 2>&1 || useradd --system --home-dir /var/lib/postgresql --shell /bin/sh postgres
  RUN_AS=(runuser -u postgres --)
  if runuser -u postgres -- test -x "$ROOT"; then
    BASE="$ROOT/.data"
  else
    BASE="/var/lib/milkmobs/$(printf '%s' "$ROOT" | sha1sum | cut -c1-12)"
  fi
else
  RUN_AS=()
  BASE="$ROOT/.data"
fi
DATA="$BASE/postgres-$flavour"
RUN="$BASE/postgres-$flavour-run"
LOG="$BASE/postgres-$flavour.log"

# A quarter of the memory this machine (or its cgroup) has, in MB, between 256 and 8192.
shared_buffers_mb() {
  local total limit
  total=$(awk '/^MemTotal:/ {print int($2 / 1024)}' /proc/meminfo)
  limit=$(cat /sys/fs/cgroup/memory.max 2>/dev/null || echo max)
  [[ "$limit" =~ ^[0-9]+$ ]] && [ $((limit / 1048576)) -lt "$total" ] && total=$((limit / 1048576))
  local quarter=$((total / 4))
  [ "$quarter" -lt 256 ] && quarter=256
  [ "$quarter" -gt 8192 ] && quarter=8192
  echo "$quarter"
}
SHARED_BUFFERS_MARK="# milkmobs: shared buffers, a quarter of the memory"

pgctl() { (cd / && "${RUN_AS[@]}" "$PG_BIN/pg_ctl" -D "$DATA" "$@"); }
is_running() { [ -f "$DATA/postmaster.pid" ] && pgctl status >/dev/null 2>&1; }

init_cluster() {
  mkdir -p "$BASE"
  [ "$(id -u)" -eq 0 ] && chown postgres "$BASE"
  "${RUN_AS[@]}" mkdir -p "$DATA" "$RUN"
  local pwfile
  pwfile=$("${RUN_AS[@]}" mktemp)
  printf '%s\n' "$DB_PASSWORD" | "${RUN_AS[@]}" tee "$pwfile" >/dev/null
  (cd / && "${RUN_AS[@]}" "$PG_BIN/initdb" -D "$DATA" -U "$DB_USER" --pwfile="$pwfile" \
     --auth-host=scram-sha-256 --auth-local=trust --encoding=UTF8 --locale=C.UTF-8 >/dev/null)
  "${RUN_AS[@]}" rm -f "$pwfile"
  {
    echo "listen_addresses = '127.0.0.1'"
    echo "port = $PORT"
    echo "unix_socket_directories = '$RUN'"
    echo "max_connections = 200"
    if [ "$flavour" = dev ]; then
      echo "$SHARED_BUFFERS_MARK"
      echo "shared_buffers = $(shared_buffers_mb)MB"
    else
      echo "shared_buffers = 256MB"
    fi
    echo "maintenance_work_mem = 1GB"
    if [ "$flavour" = dev ]; then
      echo "track_commit_timestamp = on"
    fi
    if [ "$flavour" = test ]; then
      echo "fsync = off"
      echo "synchronous_commit = off"
      echo "full_page_writes = off"
    fi
  } | "${RUN_AS[@]}" tee -a "$DATA/postgresql.conf" >/dev/null
}

case "$command" in
  start)
    [ -f "$DATA/PG_VERSION" ] || init_cluster
    # a dev cluster made before it kept commit timestamps gets the setting here (it takes effect at a start)
    if [ "$flavour" = dev ] && ! "${RUN_AS[@]}" grep -q '^track_commit_timestamp' "$DATA/postgresql.conf"; then
      echo "track_commit_timestamp = on" | "${RUN_AS[@]}" tee -a "$DATA/postgresql.conf" >/dev/null
      is_running && echo "PostgreSQL (dev): track_commit_timestamp is set from its next start (scripts/db.sh stop dev)" >&2
    fi
    # a cluster made with the former fixed 256MB gets the machine's quarter here (it takes effect at a start)
    if [ "$flavour" = dev ] && ! "${RUN_AS[@]}" grep -qF "$SHARED_BUFFERS_MARK" "$DATA/postgresql.conf"; then
      printf '%s\nshared_buffers = %sMB\n' "$SHARED_BUFFERS_MARK" "$(shared_buffers_mb)" | "${RUN_AS[@]}" tee -a "$DATA/postgresql.conf" >/dev/null
      is_running && echo "PostgreSQL (dev): shared_buffers is set from its next start (scripts/db.sh stop dev)" >&2
    fi
    if ! is_running; then
      "${RUN_AS[@]}" mkdir -p "$RUN"
      [ "$(id -u)" -eq 0 ] && { touch "$LOG"; chown postgres "$LOG"; }
      # The ports lie in Linux's ephemeral range (32768-60999), so a client connection of this machine may hold one as its
      # local port, and keeps it for a minute after closing (TIME_WAIT): seen when the test command's last step could not
      # start the dev cluster. A port held so is tried again for 90 s; one another server listens on is refused at once.
      attempt=1
      until { logged=$(stat -c %s "$LOG" 2>/dev/null || echo 0); pgctl -l "$LOG" -w -t 60 start >/dev/null; }; do
        if [ "$attempt" -lt 45 ] && tail -c +"$((logged + 1))" "$LOG" | grep -q "Address already in use" && ! ss -ltn "sport = :$PORT" | grep -q LISTEN; then
          echo "PostgreSQL ($flavour): port $PORT is held by a passing connection; trying again (attempt $((attempt + 1)))" >&2
          attempt=$((attempt + 1))
          sleep 2
          continue
        fi
        echo "PostgreSQL ($flavour) did not start on port $PORT; its log says:" >&2
        tail -n 15 "$LOG" >&2
        echo "(another server on port $PORT? set MILKMOBS_$( [ "$flavour" = test ] && echo TEST_ )DB_PORT)" >&2
        exit 1
      done
    fi
    (cd / && PGPASSWORD="$DB_PASSWORD" "$PG_BIN/psql" -h 127.0.0.1 -p "$PORT" -U "$DB_USER" -d postgres -tAq \
      -c "SELECT 1 FROM pg_database WHERE datname = '$DB_NAME'" | grep -q 1) \
      || (cd / && PGPASSWORD="$DB_PASSWORD" "$PG_BIN/createdb" -h 127.0.0.1 -p "$PORT" -U "$DB_USER" "$DB_NAME")
    echo "PostgreSQL ($flavour) is up on 127.0.0.1:$PORT, database $DB_NAME, data in $DATA" >&2
    ;;
  stop)
    if is_running; then pgctl -m fast -w stop >/dev/null; echo "PostgreSQL ($flavour) stopped" >&2; fi
    ;;
  status)
    if is_running; then echo "running on 127.0.0.1:$PORT ($DATA)"; else echo "stopped ($DATA)"; exit 3; fi
    ;;
  url)
    echo "jdbc:postgresql://127.0.0.1:$PORT/$DB_NAME"
    ;;
  *)
    echo "usage: $0 start|stop|status|url [dev|test]" >&2; exit 2 ;;
esac
