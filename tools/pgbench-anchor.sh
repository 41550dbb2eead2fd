# The anchor both write benchmarks compare against, sourced by tools/bench-durable-writes.sh and
# tools/bench-end-to-end.sh (after they set SECONDS_PER_SIDE and CLIENTS): the private
# PostgreSQL server, its benchmark database, and pgbench with CLIENTS clients, each upserting its
# own row of the same shape and key as the grain_state table. Sets server, bench_cs, BIN; defines
# pgbench_rate (simple|prepared) and median.
server=$(./tools/pg-test-server.sh | tail -n 1)
bench_cs="${server/Database=buurtzorg/Database=buurtzorg_bench}"
port=$(sed -E 's/.*Port=([0-9]+).*/\1/' <<<"$server")
BIN=$(ls -d /usr/lib/postgresql/*/bin | sort -V | tail -n 1)
"$BIN/psql" -h 127.0.0.1 -p "$port" -U postgres -d buurtzorg_bench -v ON_ERROR_STOP=1 -qtA -c "DROP TABLE IF EXISTS bench_upsert;
  CREATE TABLE bench_upsert (service_id varchar(150) NOT NULL, state_name varchar(150) NOT NULL,
    grain_id_n0 bigint NOT NULL, grain_id_n1 bigint NOT NULL, grain_id_ext varchar(512) NULL,
    payload bytea NULL, version integer NOT NULL, modified_at timestamptz NOT NULL DEFAULT now(),
    UNIQUE NULLS NOT DISTINCT (service_id, state_name, grain_id_n0, grain_id_n1, grain_id_ext));"
pgbench_script=$(mktemp)
trap 'rm -f "$pgbench_script"' EXIT
cat > "$pgbench_script" <<'SQL'
INSERT INTO bench_upsert (service_id, state_name, grain_id_n0, grain_id_n1, grain_id_ext, payload, version)
VALUES ('bench', 'team', :client_id, 0, NULL, decode(repeat('7b226e616d65223a22', 28), 'hex'), 1)
ON CONFLICT (service_id, state_name, grain_id_n0, grain_id_n1, grain_id_ext)
DO UPDATE SET payload = excluded.payload, version = bench_upsert.version + 1, modified_at = now();
SQL

pgbench_rate() {
  "$BIN/pgbench" -h 127.0.0.1 -p "$port" -U postgres -n -c "$CLIENTS" -j 2 -T "$SECONDS_PER_SIDE" -M "$1" -f "$pgbench_script" buurtzorg_bench 2>&1 |
    grep -oE 'tps = [0-9.]+' | head -n 1 | awk '{print $3}'
}
median() { sort -n | awk '{v[NR] = $1} END {print v[int((NR + 1) / 2)]}'; }
