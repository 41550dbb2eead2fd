#!/usr/bin/env bash
# The fault harness (issue 15): builds the host and the harness, starts a private PostgreSQL
# server of its own (tools/pg-test-server.sh on port BUURTZORG_CHAOS_PG_PORT, default 55440, and a
# fresh data folder, so the tests' server on 55432 is never touched), makes a throw-away cluster
# certificate, and runs tools/chaos/Buurtzorg.Chaos, which starts the hosts, drives the load,
# applies the faults and checks the history against the final state. Everything it started is
# ended on exit, however it exits.
#
#   tools/chaos/run.sh --short   one kill of the host holding the load's grains and one PostgreSQL
#                                crash restart; about two minutes with the build (CI)
#   tools/chaos/run.sh           three kills, SIGSTOP of a host for 60 s, a PostgreSQL crash
#                                restart and PostgreSQL stopped for 30 s
# Any other option goes to the harness (tools/chaos/Buurtzorg.Chaos, `--help` lists them). The report
# (printed, and as JSON) goes to --output, by default artifacts/chaos/report.json (or under
# $BUURTZORG_ARTIFACTS), with every request in report.history.jsonl and the hosts' logs beside it.
# Exit code 1: the history disagrees with the final state (lost or doubled actions, a watcher
# that never caught up); the latency and availability goals are printed, not enforced.
set -euo pipefail

ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)"
cd "$ROOT"
PG_PORT="${BUURTZORG_CHAOS_PG_PORT:-55440}"
ARTIFACTS="${BUURTZORG_ARTIFACTS:-$ROOT/artifacts}/chaos"
WORK="$(mktemp -d "${TMPDIR:-/tmp}/buurtzorg-chaos.XXXXXX")"
# PostgreSQL runs as the 'postgres' user when we are root: it must reach its data folder in here.
chmod 755 "$WORK"
PG_DIR="$WORK/pg"
harness=""

cleanup() {
  local status=$?
  if [ -n "$harness" ]; then
    # The harness and the hosts it started share its process group; a stopped host takes SIGKILL too.
    kill -KILL -- "-$harness" 2>/dev/null || true
  fi
  if [ -f "$PG_DIR/postmaster.pid" ]; then
    bin=$(ls -d /usr/lib/postgresql/*/bin | sort -V | tail -n 1)
    if [ "$(id -u)" -eq 0 ]; then
      runuser -u postgres -- "$bin/pg_ctl" -D "$PG_DIR" -m immediate stop >/dev/null 2>&1 || true
    else
      "$bin/pg_ctl" -D "$PG_DIR" -m immediate stop >/dev/null 2>&1 || true
    fi
  fi
  rm -rf "$WORK"
  exit "$status"
}
trap cleanup EXIT
trap 'exit 130' INT TERM

if ss -ltn 2>/dev/null | grep -q "127.0.0.1:$PG_PORT "; then
  echo "port $PG_PORT is taken; set BUURTZORG_CHAOS_PG_PORT to a free one" >&2
  exit 2
fi

# The certificate script needs the openssl command, which a machine with only the .NET SDK may lack.
if ! command -v openssl >/dev/null; then
  export DEBIAN_FRONTEND=noninteractive
  { apt-get update -qq && apt-get install -y -qq openssl; } >&2
fi

started=$(date +%s)
# The harness's project builds the host as well (a reference that is built, never referenced).
dotnet build tools/chaos/Buurtzorg.Chaos -v q -nologo -clp:ErrorsOnly
pg=$(BUURTZORG_PG_PORT="$PG_PORT" BUURTZORG_PG_DIR="$PG_DIR" ./tools/pg-test-server.sh | tail -n 1)
cert=$(BUURTZORG_CERT_DIR="$WORK/certs" BUURTZORG_CERT_PASSWORD=chaos-run ./tools/dev-cluster-cert.sh | tail -n 1)
echo "built and PostgreSQL started in $(($(date +%s) - started)) s" >&2

mkdir -p "$ARTIFACTS"
# The harness refuses an option given twice: the default report path only when the caller gave none.
output=(--output "$ARTIFACTS/report.json")
for arg in "$@"; do
  if [ "$arg" = --output ]; then output=(); fi
done
# Its own process group (setsid), so the trap above ends the hosts too, even if the harness was killed.
setsid dotnet tools/chaos/Buurtzorg.Chaos/bin/Debug/net10.0/Buurtzorg.Chaos.dll "$@" "${output[@]}" \
  --repo "$ROOT" --postgres "$pg" --pg-bin "$(ls -d /usr/lib/postgresql/*/bin | sort -V | tail -n 1)" --pg-dir "$PG_DIR" \
  --certificate "$cert" --certificate-password chaos-run &
harness=$!
set +e
wait "$harness"
status=$?
set -e
echo "chaos run took $(($(date +%s) - started)) s in all (build and start included)" >&2
exit "$status"
