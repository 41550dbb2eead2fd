#!/usr/bin/env bash
# Claims and releases per second through HTTP, measured in one run against one PostgreSQL server:
#  1. the anchor: pgbench, 16 clients, each upserting its own row shaped like a grain-state row
#     (tools/pgbench-anchor.sh, shared with tools/bench-durable-writes.sh);
#  2. the system: the real host in-process on a real Kestrel port, 16 signed-in nurses of 16
#     teams, each claiming and releasing a visit of her team in a loop (session cookie, access
#     gate, access-log line, team schedule grain, PostgreSQL; one request at a time per nurse).
# The sides alternate over three rounds and each reports its median, because on a small shared
# machine the rate drifts by tens of percent between minutes.
# Usage: tools/bench-end-to-end.sh [seconds per measurement, default 15]
set -euo pipefail
cd "$(dirname "$0")/.."

SECONDS_PER_SIDE="${1:-15}"
ROUNDS=3
CLIENTS=16
source tools/pgbench-anchor.sh

dotnet build -c Release tools/Buurtzorg.Benchmarks -v q -nologo >&2

# Prints "rate p50 p99" of one run of the host.
host_run() {
  dotnet tools/Buurtzorg.Benchmarks/bin/Release/net10.0/Buurtzorg.Benchmarks.dll end-to-end \
    --postgres "$bench_cs" --concurrency "$CLIENTS" --seconds "$SECONDS_PER_SIDE" |
    grep -E '^end-to-end:' | sed -E 's/.*= ([0-9.]+) changes\/s \(p50 ([0-9.]+) ms, p99 ([0-9.]+) ms\).*/\1 \2 \3/'
}

simple=(); prepared=(); hosts=(); p50s=(); p99s=()
for round in $(seq 1 "$ROUNDS"); do
  simple+=("$(pgbench_rate simple)")
  prepared+=("$(pgbench_rate prepared)")
  read -r rate p50 p99 <<<"$(host_run)"
  hosts+=("$rate"); p50s+=("$p50"); p99s+=("$p99")
  echo "round $round: pgbench ${simple[-1]} (simple), ${prepared[-1]} (prepared); claims and releases $rate/s (p50 $p50 ms, p99 $p99 ms)" >&2
done

pg_simple=$(printf '%s\n' "${simple[@]}" | median)
pg_prepared=$(printf '%s\n' "${prepared[@]}" | median)
host=$(printf '%s\n' "${hosts[@]}" | median)
p50=$(printf '%s\n' "${p50s[@]}" | median)
p99=$(printf '%s\n' "${p99s[@]}" | median)

echo "machine:      $(nproc) cores, $(free -g | awk '/Mem:/ {print $2}') GiB, $("$BIN/postgres" --version)"
echo "command:      tools/bench-end-to-end.sh $SECONDS_PER_SIDE ($(date -u +%Y-%m-%d), $(git rev-parse --short HEAD))"
echo "medians of $ROUNDS rounds of $SECONDS_PER_SIDE s, $CLIENTS clients / signed-in nurses of $CLIENTS teams each:"
printf 'pgbench:      %.0f upserts/s (default simple protocol: the anchor)\n' "$pg_simple"
printf 'pgbench -M prepared: %.0f upserts/s\n' "$pg_prepared"
printf 'end-to-end:   %.0f claims and releases/s through HTTP (session, access gate, access log, team schedule grain, PostgreSQL); per request p50 %s ms, p99 %s ms\n' "$host" "$p50" "$p99"
echo "rounds:       pgbench $(IFS=/; echo "${simple[*]}"); prepared $(IFS=/; echo "${prepared[*]}"); end-to-end $(IFS=/; echo "${hosts[*]}")"
awk -v h="$host" -v p="$pg_simple" -v q="$pg_prepared" 'BEGIN {printf "ratio:        %.2f of pgbench (%.2f of pgbench -M prepared); goal >= 0.3\n", h / p, h / q}'
