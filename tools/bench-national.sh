#!/usr/bin/env bash
# The national scale (docs/benchmarks.md): a fresh database, the generated region written into
# it through the grains, then cold activation of every grain on a fresh silo, memory per grain,
# and the national capacity query, beside the empty-grain activation rate of the same run.
# Usage: tools/bench-national.sh [teams, default 900]
set -euo pipefail
cd "$(dirname "$0")/.."

TEAMS="${1:-900}"
server=$(./tools/pg-test-server.sh | tail -n 1)
port=$(sed -E 's/.*Port=([0-9]+).*/\1/' <<<"$server")
BIN=$(ls -d /usr/lib/postgresql/*/bin | sort -V | tail -n 1)
"$BIN/psql" -h 127.0.0.1 -p "$port" -U postgres -qc "DROP DATABASE IF EXISTS buurtzorg_national WITH (FORCE)" -c "CREATE DATABASE buurtzorg_national"

dotnet build -c Release tools/Buurtzorg.Benchmarks -v q -nologo >&2
echo "machine: $(nproc) cores, $(free -g | awk '/Mem:/ {print $2}') GiB, $("$BIN/postgres" --version)"
# Generation and activation run in two processes, so the working set measured during activation
# holds nothing left over from generating.
for phase in generation activation; do
  dotnet tools/Buurtzorg.Benchmarks/bin/Release/net10.0/Buurtzorg.Benchmarks.dll national \
    --postgres "${server/Database=buurtzorg/Database=buurtzorg_national}" --teams "$TEAMS" --only "$phase"
done
