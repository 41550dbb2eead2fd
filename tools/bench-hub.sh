#!/usr/bin/env bash
# The live stream measured end to end (docs/benchmarks.md, "Live stream"): N real SignalR
# connections watching teams on the real host, claims and releases over HTTP at a fixed rate,
# latency from each change's HTTP answer to the event on every watcher and to a page's catch-up
# read; the anchor is a bare SignalR hub with the same connections, groups and rate, measured
# in the same run. Prints one block of lines for docs/benchmarks.md (progress goes to stderr).
# Usage: tools/bench-hub.sh [--connections 10000] [--group-size 12] [--rate 1000] [--seconds 30]
#   [--warmup 3] [--one-team] [--postgres "<connection string>"] [--only host|anchor]; --help lists all
# Examples: tools/bench-hub.sh --connections 10000 --rate 1000 --seconds 30
#           tools/bench-hub.sh --connections 5000 --one-team --rate 50 --seconds 30
set -euo pipefail
cd "$(dirname "$0")/.."

# Each connection is two sockets in this one process (client and server end), plus the host's
# own files and database connections: about 3 open files per connection.
ulimit -n 1048576 2>/dev/null || ulimit -n "$(ulimit -Hn)" 2>/dev/null || true
connections=10000
for ((i = 1; i <= $#; i++)); do [ "${!i}" = --connections ] && j=$((i + 1)) && connections=${!j}; done
if [ "$(ulimit -n)" != unlimited ] && [ "$(ulimit -n)" -lt $((connections * 3 + 1000)) ]; then
  echo "warning: open files limited to $(ulimit -n); $connections connections need about $((connections * 3 + 1000)) (raise the hard limit: ulimit -Hn as root, or LimitNOFILE)" >&2
fi

dotnet build -c Release tools/Buurtzorg.HubBench -v q -nologo >&2
exec dotnet tools/Buurtzorg.HubBench/bin/Release/net10.0/Buurtzorg.HubBench.dll "$@"
