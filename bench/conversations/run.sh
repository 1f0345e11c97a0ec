#!/usr/bin/env bash
# Conversations at scale (issue 17): one space with 5,000 members, 20,000 conversations and
# 500,000 replies (bench/conversations/generate.py, straight into the database), which
# Humanspace indexes for search at start-up as it does for posts from before search
# (stemming in C++). Then, on each engine:
#  - the conversation page with 1,000 replies, signed in as a member, over HTTP (aim: p99
#    under 20 ms);
#  - search over bench/conversations/queries.txt (aim: p99 under 50 ms);
#  - GET /spaces, a hot page, with the header's count of unread notifications, and the
#    count's statement on the engine (EXPLAIN ANALYZE) for a person with 125 unread;
#  - the daily digest for 5,000 members (5 notifications each): `humanspace remind`, which
#    builds and hands over every due digest (to the outbox folder), timed end to end (aim:
#    under 10 s).
# SQLite always; PostgreSQL as well when HS_TEST_PG_URL is set (. tests/lib/pg.sh; pg_start).
#
#   bash bench/conversations/run.sh
#   REPLIES=50000 CONVERSATIONS=2000 bash bench/conversations/run.sh   # quicker
#   ENGINES=postgres RUNS=100 bash bench/conversations/run.sh
set -euo pipefail
here=$(cd "$(dirname "$0")" && pwd)
root=$(cd "$here/../.." && pwd)
BIN=${HS_BIN:-$root/build/humanspace}
RUNS=${RUNS:-200}
SEARCH_RUNS=${SEARCH_RUNS:-30}
ENGINES=${ENGINES:-sqlite postgres}
export MEMBERS=${MEMBERS:-5000} CONVERSATIONS=${CONVERSATIONS:-20000} REPLIES=${REPLIES:-500000} BIG=${BIG:-1000}
EMAIL=member@bench.example
PASSWORD=bench-member-Heron-4242
WORK=$(mktemp -d /tmp/hs-conversations-bench.XXXXXX)
PG_DB=""
SERVER=""
cleanup() {
  if [ -n "$SERVER" ]; then kill "$SERVER" 2>/dev/null || true; wait "$SERVER" 2>/dev/null || true; fi
  rm -rf "$WORK"
  if [ -n "$PG_DB" ]; then psql "$HS_TEST_PG_URL" -X -q -c "DROP DATABASE IF EXISTS $PG_DB" || true; fi
}
trap cleanup EXIT

hs() { local name=$1 db=$2; shift 2; "$BIN" --data-dir "$WORK/$name" --db "$db" --log-level warn "$@"; }
secs() { echo "$(date +%s.%N) - $1" | bc | xargs printf '%.1f'; }
sql() {
  local name=$1 db=$2 q=$3
  if [ "$name" = sqlite ]; then sqlite3 -cmd '.timeout 5000' "${db#sqlite:}" "$q"; else psql "$db" -X -q -t -A -c "$q"; fi
}

engine() {
  local name=$1 db=$2
  echo "== $name =="
  mkdir -p "$WORK/$name"
  hs "$name" "$db" migrate >/dev/null
  # User 1, made as an operator would; the generator adds everyone else.
  echo "$PASSWORD" | hs "$name" "$db" user add "$EMAIL" --name "Bench Member" >/dev/null
  local start
  start=$(date +%s.%N)
  if [ "$name" = sqlite ]; then
    python3 "$here/generate.py" sqlite "${db#sqlite:}" "$WORK/$name/expect.json"
  else
    python3 "$here/generate.py" csv "$WORK/csv" "$WORK/$name/expect.json"
    psql "$db" -X -q -v ON_ERROR_STOP=1 -f "$WORK/csv/load.sql" >/dev/null
  fi
  # Every generated member has user 1's (sealed, verified) address, so each digest is built
  # and handed over in full.
  sql "$name" "$db" "UPDATE users SET email_sealed = (SELECT email_sealed FROM users WHERE id = 1),
    verified_at = (SELECT verified_at FROM users WHERE id = 1) WHERE id > 1" >/dev/null
  echo "generated $MEMBERS members, $CONVERSATIONS conversations, $REPLIES replies ($BIG in the newest): $(secs "$start") s"
  start=$(date +%s.%N)
  hs "$name" "$db" migrate >/dev/null  # the first start indexes every post that shows (register_module)
  echo "indexed for search at start-up (stemmed in C++, 500 posts a transaction): $(secs "$start") s"
  if [ "$name" = sqlite ]; then
    sqlite3 "${db#sqlite:}" "ANALYZE" >/dev/null
    echo "database: $(($(stat -c %s "${db#sqlite:}") / 1048576)) MiB"
  else
    # VACUUM writes hint bits and the visibility map over the whole freshly loaded database;
    # a CHECKPOINT then writes those pages out now, not in the middle of the timed runs (a
    # database in use has long since done both).
    psql "$db" -X -q -c "VACUUM ANALYZE" >/dev/null
    psql "$db" -X -q -c "CHECKPOINT" >/dev/null
    echo "database: $(psql "$db" -X -t -A -c "SELECT pg_size_pretty(pg_database_size(current_database()))")"
  fi

  "$BIN" --data-dir "$WORK/$name" --db "$db" --log-level warn serve --listen 127.0.0.1:0 \
    --port-file "$WORK/$name/port" >"$WORK/$name/serve.log" 2>&1 &
  SERVER=$!
  for _ in $(seq 1 300); do [ -s "$WORK/$name/port" ] && break; sleep 0.1; done
  python3 "$here/client.py" "http://127.0.0.1:$(cat "$WORK/$name/port")" "$EMAIL" "$PASSWORD" \
    "$WORK/$name/expect.json" "$here/queries.txt" "$RUNS" "$SEARCH_RUNS"
  kill "$SERVER"; wait "$SERVER" 2>/dev/null || true; SERVER=""

  # The header's count for a person with many unread (capped at 100), on the engine itself.
  sql "$name" "$db" "INSERT INTO conversation_notifications (user_id, space_id, conversation_id, post_id, reason, email,
    created_at) SELECT 2, space_id, conversation_id, post_id, reason, 'never', created_at FROM conversation_notifications
    WHERE user_id > 2 LIMIT 120" >/dev/null
  local count="SELECT count(*) FROM (SELECT 1 FROM conversation_notifications WHERE user_id = 2 AND read_at IS NULL LIMIT 100) x"
  if [ "$name" = sqlite ]; then
    echo "-- the header's count, its plan: $(sqlite3 "${db#sqlite:}" "EXPLAIN QUERY PLAN $count" | tr '\n' ' ')"
    python3 - "${db#sqlite:}" "$count" <<'PY'
import sqlite3, sys, time
db = sqlite3.connect(sys.argv[1]); q = sys.argv[2]
for _ in range(100): db.execute(q).fetchall()
t = time.perf_counter(); n = 2000
for _ in range(n): db.execute(q).fetchall()
print(f'-- the header\'s count on SQLite (Python\'s sqlite3, {n} runs): {(time.perf_counter() - t) / n * 1000:.3f} ms each')
PY
  else
    echo "-- the header's count, EXPLAIN ANALYZE: $(psql "$db" -X -t -A -c "EXPLAIN (ANALYZE, COSTS OFF) $count" | grep -E 'Index|Execution' | tr '\n' ' ')"
  fi

  # The daily digest: every member's is due (their notifications are two days old).
  start=$(date +%s.%N)
  hs "$name" "$db" remind >"$WORK/$name/remind.txt"
  local took
  took=$(secs "$start")
  echo "-- the daily digest for $MEMBERS members ($(python3 -c "import json; print(json.load(open('$WORK/$name/expect.json'))['notifications'])") notifications waiting): \`humanspace remind\` $took s; $(ls "$WORK/$name/outbox" 2>/dev/null | wc -l) emails in the outbox; $(tr '\n' ' ' <"$WORK/$name/remind.txt")"
}

echo "humanspace conversations benchmark, commit $(git -C "$root" rev-parse --short HEAD), $(nproc) cores," \
  "$(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2 | xargs), load average $(cut -d' ' -f1-3 /proc/loadavg)," \
  "$(date -u '+%Y-%m-%d %H:%M UTC')"
if [[ " $ENGINES " == *" sqlite "* ]]; then
  mkdir -p "$WORK/sqlite"
  engine sqlite "sqlite:$WORK/sqlite/humanspace.db"
fi
if [[ " $ENGINES " == *" postgres "* ]] && [ -n "${HS_TEST_PG_URL:-}" ]; then
  PG_DB="hs_conversations_bench_$$"
  psql "$HS_TEST_PG_URL" -X -q -c "CREATE DATABASE $PG_DB"
  engine postgres "${HS_TEST_PG_URL%/*}/$PG_DB"
fi
echo "load average at the end: $(cut -d' ' -f1-3 /proc/loadavg)"
