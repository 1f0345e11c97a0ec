#!/usr/bin/env bash
# The decision log: appends a second, the size and time of inclusion proofs at a
# million entries, and verifying a million-entry export offline. SQLite always;
# PostgreSQL as well when HS_TEST_PG_URL is set (source tests/lib/pg.sh; pg_start).
# The peer for offline verification is sha256sum over the same file: the least any
# verifier that reads every byte must spend. Entries come from the hidden
# `humanspace audit synthetic` command, into the demo community's spaces.
#
#   bench/audit/run.sh                          # 1,000,000 entries
#   AUDIT_ENTRIES=100000 bench/audit/run.sh     # quicker
#   HS_BIN=build-x/humanspace bench/audit/run.sh
set -euo pipefail
ROOT=$(cd "$(dirname "$0")/../.." && pwd)
BIN=${HS_BIN:-$ROOT/build/humanspace}
ENTRIES=${AUDIT_ENTRIES:-1000000}
PG_ENTRIES=${AUDIT_PG_ENTRIES:-$ENTRIES}
SINGLES=${AUDIT_SINGLES:-5000}
WORK=$(mktemp -d /tmp/hs-audit-bench.XXXXXX)
PG_DB=""
cleanup() {
  rm -rf "$WORK"
  if [ -n "$PG_DB" ]; then psql "$HS_TEST_PG_URL" -q -c "DROP DATABASE IF EXISTS $PG_DB" || true; fi
}
trap cleanup EXIT

hs() { local dir=$1 db=$2; shift 2; "$BIN" --data-dir "$WORK/$dir" --db "$db" "$@"; }

engine() {
  local name=$1 db=$2 n=$3
  echo "== $name =="
  hs "$name" "$db" demo >/dev/null
  echo "-- one append a transaction, each commit durable:"
  hs "$name" "$db" audit synthetic involvement-network --count "$SINGLES" --batch 1 | grep -v '^Signed'
  echo "-- $n appends, 1000 a transaction; then 1000 inclusion proofs of random entries:"
  hs "$name" "$db" audit synthetic gambling-harm-forum --count "$n" --batch 1000 --proofs 1000
}

echo "humanspace audit benchmark on $(nproc) cores, load average $(cut -d' ' -f1-3 /proc/loadavg)"
SQLITE="sqlite:$WORK/sqlite/humanspace.db"
engine sqlite "$SQLITE" "$ENTRIES"

echo "-- export of $ENTRIES entries, then offline verification:"
start=$(date +%s.%N)
hs sqlite "$SQLITE" audit export gambling-harm-forum --out "$WORK/export.json" >/dev/null
echo "export: $(echo "$(date +%s.%N) - $start" | bc) s, $(($(stat -c %s "$WORK/export.json") / 1048576)) MiB"
/usr/bin/time -f "verify: %e s wall, %U s user, %S s system, %M KiB peak memory" \
  "$BIN" audit verify "$WORK/export.json" | cut -c1-60
/usr/bin/time -f "peer, sha256sum of the same file: %e s wall, %U s user" sha256sum "$WORK/export.json" >/dev/null

if [ -n "${HS_TEST_PG_URL:-}" ]; then
  PG_DB="hs_audit_bench_$$"
  psql "$HS_TEST_PG_URL" -q -c "CREATE DATABASE $PG_DB"
  engine postgres "${HS_TEST_PG_URL%/*}/$PG_DB" "$PG_ENTRIES"
fi
