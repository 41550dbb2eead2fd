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
source tools/pgbench-anchor.sh

dotnet build -c Release tools/Buurtzorg.Benchmarks -v q -nologo >&2

grain_rate() {
  dotnet tools/Buurtzorg.Benchmarks/bin/Release/net10.0/Buurtzorg.Benchmarks.dll \
    --postgres "$bench_cs" --concurrency "$CLIENTS" --seconds "$SECONDS_PER_SIDE" | grep -oE '= [0-9.]+ writes/s' | awk '{print $2}'
}

simple=(); prepared=(); grains=()
for round in $(seq 1 "$ROUNDS"); do
  simple+=("$(pgbench_rate simple)")
  prepared+=("$(pgbench_rate prepared)")
  grains+=("$(grain_rate)")
  echo "round $round: pgbench ${simple[-1]} (simple), ${prepared[-1]} (prepared); grain writes ${grains[-1]}" >&2
done

pg_simple=$(printf '%s\n' "${simple[@]}" | median)
pg_prepared=$(printf '%s\n' "${prepared[@]}" | median)
grain=$(printf '%s\n' "${grains[@]}" | median)

echo "machine:      $(nproc) cores, $(free -g | awk '/Mem:/ {print $2}') GiB, $("$BIN/postgres" --version)"
echo "medians of $ROUNDS rounds of $SECONDS_PER_SIDE s, $CLIENTS clients/writers each:"
printf 'pgbench:      %.0f upserts/s (default simple protocol: the anchor)\n' "$pg_simple"
printf 'pgbench -M prepared: %.0f upserts/s\n' "$pg_prepared"
printf 'grain writes: %.0f writes/s (Orleans TeamGrain + AdoNet provider)\n' "$grain"
awk -v g="$grain" -v p="$pg_simple" -v q="$pg_prepared" 'BEGIN {printf "ratio:        %.2f of pgbench (%.2f of pgbench -M prepared)\n", g / p, g / q}'
