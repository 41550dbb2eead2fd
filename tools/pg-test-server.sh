#!/usr/bin/env bash
# Starts a private PostgreSQL server for tests and benchmarks: its own data directory in a temp
# folder, listening on 127.0.0.1 only, trusting local connections (it holds only test data).
# Installs PostgreSQL from Debian packages when the machine lacks it. Idempotent: a server
# already running there is reused. Prints the Npgsql connection string on its last line.
set -euo pipefail

PORT="${BUURTZORG_PG_PORT:-55432}"
DATA_DIR="${BUURTZORG_PG_DIR:-${TMPDIR:-/tmp}/buurtzorg-pg-$PORT}"

find_bin() {
  local dir
  dir=$(ls -d /usr/lib/postgresql/*/bin 2>/dev/null | sort -V | tail -n 1 || true)
  [ -n "$dir" ] && [ -x "$dir/pg_ctl" ] && echo "$dir"
}

BIN=$(find_bin || true)
if [ -z "$BIN" ]; then
  echo "PostgreSQL not found; installing it from Debian packages" >&2
  export DEBIAN_FRONTEND=noninteractive
  apt-get update -qq >&2
  apt-get install -y -qq postgresql >&2
  BIN=$(find_bin)
fi

# PostgreSQL refuses to run as root; run it as the 'postgres' user the package creates.
as_pg() {
  if [ "$(id -u)" -eq 0 ]; then runuser -u postgres -- "$@"; else "$@"; fi
}

if ! as_pg "$BIN/pg_ctl" -D "$DATA_DIR" status >/dev/null 2>&1; then
  if [ ! -f "$DATA_DIR/PG_VERSION" ]; then
    mkdir -p "$DATA_DIR"
    [ "$(id -u)" -eq 0 ] && chown postgres:postgres "$DATA_DIR"
    as_pg "$BIN/initdb" -D "$DATA_DIR" -U postgres --auth=trust --encoding=UTF8 --locale=C.UTF-8 >/dev/null
  fi
  as_pg "$BIN/pg_ctl" -D "$DATA_DIR" -l "$DATA_DIR/server.log" -w -t 60 \
    -o "-c listen_addresses=127.0.0.1 -p $PORT -c unix_socket_directories=$DATA_DIR -c max_connections=200" start >&2
fi

for db in buurtzorg buurtzorg_bench; do
  if ! "$BIN/psql" -h 127.0.0.1 -p "$PORT" -U postgres -tAc "SELECT 1 FROM pg_database WHERE datname = '$db'" | grep -q 1; then
    "$BIN/createdb" -h 127.0.0.1 -p "$PORT" -U postgres "$db"
  fi
done

echo "Host=127.0.0.1;Port=$PORT;Username=postgres;Database=buurtzorg"
