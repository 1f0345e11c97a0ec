#!/usr/bin/env bash
# Stories search and the "You said, we did" page at scale. Generates 100,000 stories and
# 300,000 responses and replies in varied English over four spaces (mixed readers, 2 %
# held, 3 % withdrawn) and 10,000 actions in the first space (bench/stories/generate.py),
# lets Humanspace index them as it does at start-up (stemming in C++), then:
#  - times the stories page's own search (`humanspace stories bench-search`: stemming the
#    query, the statement, and what each result shows) for a member, a partner and a
#    signed-out visitor over bench/stories/queries.txt, against the same statement
#    (parameters inlined) run straight on the engine, with the same warm-up and runs
#    (bench/stories/peer.py: SQLite's C API through Python's sqlite3, PostgreSQL's psql);
#  - times GET /spaces/bench-housing/actions (10,000 actions) over HTTP, signed out.
# SQLite always; PostgreSQL as well when HS_TEST_PG_URL is set (. tests/lib/pg.sh; pg_start).
#
#   bash bench/stories/run.sh                              # full size, about 10 minutes on 2 cores
#   STORIES=10000 RESPONSES=30000 bash bench/stories/run.sh  # quicker
#   RUNS=50 ACTION_RUNS=50 HS_BIN=build-x/humanspace bash bench/stories/run.sh
#   ENGINES=postgres READERS=member RUNS=10 bash bench/stories/run.sh   # one engine, one reader
#   PARTS=actions ACTION_RUNS=100 bash bench/stories/run.sh   # the actions page alone
set -euo pipefail
here=$(cd "$(dirname "$0")" && pwd)
root=$(cd "$here/../.." && pwd)
BIN=${HS_BIN:-$root/build/humanspace}
RUNS=${RUNS:-30}
ACTION_RUNS=${ACTION_RUNS:-30}
export STORIES=${STORIES:-100000} RESPONSES=${RESPONSES:-300000} ACTIONS=${ACTIONS:-10000}
WORK=$(mktemp -d /tmp/hs-stories-bench.XXXXXX)
PG_DB=""
SERVER=""
cleanup() {
  if [ -n "$SERVER" ]; then kill "$SERVER" 2>/dev/null || true; wait "$SERVER" 2>/dev/null || true; fi
  rm -rf "$WORK"
  if [ -n "$PG_DB" ]; then psql "$HS_TEST_PG_URL" -q -c "DROP DATABASE IF EXISTS $PG_DB" || true; fi
}
trap cleanup EXIT

hs() { local name=$1 db=$2; shift 2; "$BIN" --data-dir "$WORK/$name" --db "$db" "$@"; }
secs() { echo "$(date +%s.%N) - $1" | bc | xargs printf '%.1f'; }

# The readers: a member of the first space (user 101), a partner of it (user 1), signed out.
declare -A reader_ids=([member]=101 [partner]=1 [signed-out]=0)
READERS=${READERS:-member partner signed-out}
ENGINES=${ENGINES:-sqlite postgres}
PARTS=${PARTS:-search actions}  # PARTS=actions: the actions page alone

search() {
  local name=$1 db=$2 peer_target=$3
  for reader in $READERS; do
    set -- "$reader" "${reader_ids[$reader]}"
    echo "-- search as a $1 of bench-housing ($RUNS runs a query after 3 to warm up; ours, then the same statements on the engine):"
    hs "$name" "$db" stories bench-search bench-housing --user "$2" --runs "$RUNS" \
      --statements "$WORK/$name-$1.jsonl" <"$here/queries.txt" >"$WORK/$name-$1.txt"
    python3 "$here/peer.py" "$name" "$peer_target" "$WORK/$name-$1.jsonl" "$RUNS" "$WORK/$name-$1.txt"
  done
}

actions_page() {
  local name=$1 db=$2
  mkdir -p "$WORK/$name"
  "$BIN" --data-dir "$WORK/$name" --db "$db" serve --listen 127.0.0.1:0 --port-file "$WORK/$name/port" \
    >"$WORK/$name/serve.log" 2>&1 &
  SERVER=$!
  for _ in $(seq 1 200); do [ -s "$WORK/$name/port" ] && break; sleep 0.1; done
  local url="http://127.0.0.1:$(cat "$WORK/$name/port")/spaces/bench-housing/actions"
  local first size
  first=$(curl -s -o "$WORK/actions.html" -w '%{http_code} %{time_total}' "$url")
  size=$(stat -c %s "$WORK/actions.html")
  for _ in 1 2; do curl -s -o /dev/null "$url"; done
  # The ordinary case: the first page, later pages (page 200 is the last) and a filter, in
  # turn. The figures are kept until the next write (see "first" for their cost after one).
  local pages=("" "?page=2" "?page=100" "?page=200" "?status=made")
  for i in $(seq 1 "$ACTION_RUNS"); do
    curl -s -o /dev/null -w '%{time_total}\n' "$url${pages[$((i % ${#pages[@]}))]}"
  done >"$WORK/times.txt"
  kill "$SERVER"; wait "$SERVER" 2>/dev/null || true; SERVER=""
  sort -n "$WORK/times.txt" | awk -v first="$first" -v size="$size" -v n="$ACTION_RUNS" '
    { t[NR] = $1 * 1000 }
    END { p50 = t[int(0.5 * (NR - 1) + 1.5)]; p99 = t[int(0.99 * (NR - 1) + 1.5)]
          printf "-- GET /spaces/bench-housing/actions (pages 1, 2, 100, 200 and a status filter in turn), %s actions, signed out: first %s (status, s; cold, the figures computed); %d runs after 2: p50 %.1f ms, p99 %.1f ms, slowest %.1f ms; %d bytes\n", ENVIRON["ACTIONS"], first, n, p50, p99, t[NR], size }'
}

engine() {
  local name=$1 db=$2 peer_target=$3
  echo "== $name =="
  hs "$name" "$db" migrate >/dev/null
  local start
  start=$(date +%s.%N)
  if [ "$name" = sqlite ]; then
    python3 "$here/generate.py" sqlite "${db#sqlite:}"
  else
    python3 "$here/generate.py" csv "$WORK/csv"
    psql "$db" -X -q -v ON_ERROR_STOP=1 -f "$WORK/csv/load.sql" >/dev/null
    psql "$db" -X -q -c "VACUUM ANALYZE" >/dev/null
  fi
  echo "generated $STORIES stories, $RESPONSES responses and replies, $ACTIONS actions: $(secs "$start") s"
  start=$(date +%s.%N)
  hs "$name" "$db" migrate >/dev/null  # the first start indexes every story (stories::register_module)
  echo "indexed at start-up (stemmed in C++, one transaction a 500): $(secs "$start") s;" \
    "$(hs "$name" "$db" migrate >/dev/null; echo "a start with nothing to index: $(secs "$(date +%s.%N)") s")"
  if [ "$name" = sqlite ]; then
    sqlite3 "${db#sqlite:}" "ANALYZE" >/dev/null
    echo "database: $(($(stat -c %s "${db#sqlite:}") / 1048576)) MiB"
  else
    psql "$db" -X -q -c "VACUUM ANALYZE" >/dev/null
    echo "database: $(psql "$db" -X -t -A -c "SELECT pg_size_pretty(pg_database_size(current_database()))")"
  fi
  if [[ " $PARTS " == *" search "* ]]; then search "$name" "$db" "$peer_target"; fi
  if [[ " $PARTS " == *" actions "* ]]; then actions_page "$name" "$db"; fi
}

echo "humanspace stories benchmark, commit $(git -C "$root" rev-parse --short HEAD), $(nproc) cores," \
  "load average $(cut -d' ' -f1-3 /proc/loadavg), $(date -u '+%Y-%m-%d %H:%M UTC')"
if [[ " $ENGINES " == *" sqlite "* ]]; then
  mkdir -p "$WORK/sqlite"
  engine sqlite "sqlite:$WORK/sqlite/humanspace.db" "$WORK/sqlite/humanspace.db"
fi

if [[ " $ENGINES " == *" postgres "* ]] && [ -n "${HS_TEST_PG_URL:-}" ]; then
  PG_DB="hs_stories_bench_$$"
  psql "$HS_TEST_PG_URL" -q -c "CREATE DATABASE $PG_DB"
  PG_URL="${HS_TEST_PG_URL%/*}/$PG_DB"
  engine postgres "$PG_URL" "$PG_URL"
fi
echo "load average at the end: $(cut -d' ' -f1-3 /proc/loadavg)"
