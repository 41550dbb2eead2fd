#!/usr/bin/env bash
# Durable writes per second, measured in one run against one PostgreSQL server:
#  1. the anchor: pgbench, 16 clients, each upserting its own row shaped like a grain-state row;
#  2. the system: 16 concurrent writers, each changing its own team grain through Orleans and
#     the AdoNet provider (one persisted write per call).
# The sides alternate over three rounds and each reports its median, because on a small shared
# machine the rate drifts by tens of percent between minutes.
# Usage: tools/bench-durable-writes.sh [seconds per measurement, default 15]
set -euo pipefail
cd "$(dirname "$0")/.."

SECONDS_PER_SIDE="${1:-15}"
ROUNDS=3
CLIENTS=16
server=$(./tools/pg-test-server.sh | tail -n 1)
bench_cs="${server/Database=buurtzorg/Database=buurtzorg_bench}"
port=$(sed -E 's/.*Port=([0-9]+).*/\1/' <<<"$server")
BIN=$(ls -d /usr/lib/postgresql/*/bin | sort -V | tail -n 1)
psql_bench() { "$BIN/psql" -h 127.0.0.1 -p "$port" -U postgres -d buurtzorg_bench -v ON_ERROR_STOP=1 -qtA "$@"; }

# The same shape and key as the grain_state table: one row per client, upserted in place.
psql_bench -c "DROP TABLE IF EXISTS bench_upsert;
  CREATE TABLE bench_upsert (service_id varchar(150) NOT NULL, state_name varchar(150) NOT NULL,
    grain_id_n0 bigint NOT NULL, grain_id_n1 bigint NOT NULL, grain_id_ext varchar(512) NULL,
    payload bytea NULL, version integer NOT NULL, modified_at timestamptz NOT NULL DEFAULT now(),
    UNIQUE NULLS NOT DISTINCT (service_id, state_name, grain_id_n0, grain_id_n1, grain_id_ext));"
script=$(mktemp)
cat > "$script" <<'SQL'
INSERT INTO bench_upsert (service_id, state_name, grain_id_n0, grain_id_n1, grain_id_ext, payload, version)
VALUES ('bench', 'team', :client_id, 0, NULL, decode(repeat('7b226e616d65223a22', 28), 'hex'), 1)
ON CONFLICT (service_id, state_name, grain_id_n0, grain_id_n1, grain_id_ext)
DO UPDATE SET payload = excluded.payload, version = bench_upsert.version + 1, modified_at = now();
SQL

dotnet build -c Release tools/Buurtzorg.Benchmarks -v q -nologo >&2

pgbench_rate() {
  "$BIN/pgbench" -h 127.0.0.1 -p "$port" -U postgres -n -c "$CLIENTS" -j 2 -T "$SECONDS_PER_SIDE" -M "$1" -f "$script" buurtzorg_bench 2>&1 |
    grep -oE 'tps = [0-9.]+' | head -n 1 | awk '{print $3}'
}
grain_rate() {
  dotnet tools/Buurtzorg.Benchmarks/bin/Release/net10.0/Buurtzorg.Benchmarks.dll \
    --postgres "$bench_cs" --writers "$CLIENTS" --seconds "$SECONDS_PER_SIDE" | grep -oE '= [0-9.]+ writes/s' | awk '{print $2}'
}
median() { sort -n | awk '{v[NR] = $1} END {print v[int((NR + 1) / 2)]}'; }

simple=(); prepared=(); grains=()
for round in $(seq 1 "$ROUNDS"); do
  simple+=("$(pgbench_rate simple)")
  prepared+=("$(pgbench_rate prepared)")
  grains+=("$(grain_rate)")
  echo "round $round: pgbench ${simple[-1]} (simple), ${prepared[-1]} (prepared); grain writes ${grains[-1]}" >&2
done
rm -f "$script"

pg_simple=$(printf '%s\n' "${simple[@]}" | median)
pg_prepared=$(printf '%s\n' "${prepared[@]}" | median)
grain=$(printf '%s\n' "${grains[@]}" | median)

echo "machine:      $(nproc) cores, $(free -g | awk '/Mem:/ {print $2}') GiB, $("$BIN/postgres" --version)"
echo "medians of $ROUNDS rounds of $SECONDS_PER_SIDE s, $CLIENTS clients/writers each:"
printf 'pgbench:      %.0f upserts/s (default simple protocol: the anchor)\n' "$pg_simple"
printf 'pgbench -M prepared: %.0f upserts/s\n' "$pg_prepared"
printf 'grain writes: %.0f writes/s (Orleans TeamGrain + AdoNet provider)\n' "$grain"
awk -v g="$grain" -v p="$pg_simple" -v q="$pg_prepared" 'BEGIN {printf "ratio:        %.2f of pgbench (%.2f of pgbench -M prepared)\n", g / p, g / q}'
