#!/usr/bin/env bash
# bench/live — live word cloud under load, humanspace against a small Node `ws` peer.
#
# Usage: bash bench/live/run.sh [SECONDS]        (default 15 seconds of submissions per run)
# Environment: HS_BIN (default ./build/humanspace), LIVE_NS (default "1000 5000 10000 15000 18500"),
#   LIVE_RATE (default 500 submissions a second), LIVE_CLIENT (who holds the participant
#   connections: "listener", the default, is bench/live/listen.cpp, a C++ epoll client
#   built here; "ws" is Node `ws` clients in LIVE_WORKERS worker threads, default 2),
#   LIVE_BUDGET (seconds; no new run starts after this, default 1500).
#
# What it does. Humanspace runs on a temporary data directory (SQLite) seeded with the
# demo; before each run the demo facilitator signs in, adds a word-cloud activity
# (10 entries each, 40 characters) to the demo event and opens it. The peer
# (bench/live/peer/server.mjs, whose header says what it does and does not do) gets a
# fresh activity by POST /bench/activity. For each N in LIVE_NS, both servers in turn
# (each started fresh, so memory left from a bigger run cannot hide a smaller one's),
# bench/live/loadgen.mjs joins N participants by code (POST /join), opens N participant
# WebSockets and one presenter WebSocket on /events/{id}/live, then submits LIVE_RATE
# entries a second for SECONDS (fewer if 10 entries each would run out), open loop, as
# POST /events/{id}/items/{item}/words from the participants in turn, words drawn with
# Zipf-like weights from 100 answers to "what does co-production mean to you?".
#
# Arrival. Each snapshot carries current.responses, the activity's entry count (from 0).
# A submission is acknowledged only after it is committed, so the k-th acknowledged one
# has arrived at a connection with the first snapshot, received after the POST was
# issued, whose count is at least k; latency is from issuing the POST to receiving that
# snapshot, so it includes the POST itself and the coalescing wait (up to 200 ms at 5
# snapshots a second). The generator finds the count with a byte search, not a JSON parse.
#
# Figures, for each server and N: p50/p95/p99 at the presenter and over all participant
# connections (every submission × every connection), submissions never seen, the POST
# round trip, snapshot size and rate, server resident memory idle (joined, nothing
# connected) and with N connected (after 3 s) → KB per idle connection, peak memory under
# load, CPU seconds of the server, of the generator and of every other process on the
# machine over the window (first submission until the last had reached the presenter),
# and errors. Then the aims: 5,000 participants at 500/s with p95 under 250 ms, under
# 10 KB per idle connection, and the largest N each server sustains with p95 under
# 500 ms (going up LIVE_NS; a run also fails if under 99 % of its submissions were
# acknowledged) and their ratio (aim: humanspace at least 2.5× the peer).
#
# Caveats. Server and generator share this machine's cores (and with whatever else runs:
# see "other processes" and the load average). The participant connections are held by
# bench/live/listen.cpp, a C++ epoll client at a few µs a message; Node `ws` clients
# (LIVE_CLIENT=ws) cost about 25 µs a message, and past 5,000 connections the generator,
# not the server, then set the latency. Its busiest turns and the POSTs' event-loop delay
# are printed so that a saturated generator is not mistaken for a slow server. N is
# bounded by the open-file limit (each connection is a descriptor in both processes);
# the report says when that limit, not a server, is what stops the ratio being shown.
set -euo pipefail
cd "$(dirname "$0")/../.."
secs=${1:-15}
bin=${HS_BIN:-./build/humanspace}
ns=${LIVE_NS:-1000 5000 10000 15000 18500}
rate=${LIVE_RATE:-500}
workers=${LIVE_WORKERS:-2}
client=${LIVE_CLIENT:-listener}
budget=${LIVE_BUDGET:-1500}
work=$(mktemp -d /tmp/hs-bench-live.XXXXXX)
pid=
cleanup() { [ -n "$pid" ] && kill "$pid" 2>/dev/null; rm -rf "$work"; }
trap cleanup EXIT
clientargs=(--workers "$workers")
if [ "$client" = listener ]; then
  g++ -std=c++23 -O2 -DNDEBUG -pthread bench/live/listen.cpp -o "$work/listen"
  clientargs=(--listener "$work/listen" --listener-threads 2)
fi

# Each connection is a file descriptor in the server and in the generator.
hard=$(ulimit -Hn)
[ "$hard" = unlimited ] && hard=1048576
ulimit -n "$hard"
notes=()
fits=()
for n in $ns; do
  if [ $((n + 1024)) -le "$hard" ]; then fits+=("$n")
  else notes+=("N=$n skipped: the open-file limit here is $hard (ulimit -Hn); it needs about $((n + 1024)).")
  fi
done
ns="${fits[*]}"

wait_port() {
  for _ in $(seq 200); do [ -s "$1" ] && return 0; sleep 0.05; done
  echo "server did not start" >&2; return 1
}
start_hs() {
  rm -f "$work/port"
  HUMANSPACE_LOG_LEVEL=warn "$bin" --data-dir "$work" --db "sqlite:$work/hs.db" serve \
    --listen 127.0.0.1:0 --port-file "$work/port" >>"$work/hs.log" 2>&1 &
  pid=$!
  wait_port "$work/port"
}
start_peer() {
  rm -f "$work/port"
  node bench/live/peer/server.mjs --port-file "$work/port" >>"$work/peer.log" 2>&1 &
  pid=$!
  wait_port "$work/port"
}
stop_server() { kill "$pid" 2>/dev/null; wait "$pid" 2>/dev/null || true; pid=; }

start_hs
password=$("$bin" --data-dir "$work" --db "sqlite:$work/hs.db" demo 2>"$work/demo.err" | awk '/Password for every demo account:/ {print $NF}' || true)
# At commit 7c5d2a1 the demo seed stops at its breakout round (nobody is "here" when the seed
# assigns groups), after the event and its people are made, and prints no password.
[ -n "$password" ] || password=$(node -e 'console.log(require("./resources/demo/community.json").password)')
stop_server

started=$SECONDS
for n in $ns; do
  for target in humanspace peer; do
    if [ $((SECONDS - started)) -gt "$budget" ]; then
      notes+=("$target N=$n skipped: the time budget of ${budget} s (LIVE_BUDGET) was spent.")
      continue
    fi
    if [ "$target" = humanspace ]; then start_hs; else start_peer; fi
    port=$(cat "$work/port")
    if ! node bench/live/loadgen.mjs --url "http://127.0.0.1:$port" --target "$target" --n "$n" --rate "$rate" \
      --seconds "$secs" --server-pid "$pid" "${clientargs[@]}" --email priya@example.org --password "$password" \
      --out "$work/$target-$n.json" >/dev/null 2>"$work/loadgen.log"; then
      notes+=("$target N=$n failed: $(tail -1 "$work/loadgen.log")")
    fi
    stop_server
  done
done

echo "bench/live — $(date -u +%Y-%m-%d), $(nproc) cores, $(awk -F': ' '/model name/ {print $2; exit}' /proc/cpuinfo), $(awk '/MemTotal/ {printf "%.0f GiB", $2/1048576}' /proc/meminfo)"
echo "live word cloud: N participant WebSockets + 1 presenter, $rate submissions/s for up to ${secs} s; snapshots coalesced to 5/s"
for note in "${notes[@]}"; do echo "note: $note"; done
LIVE_FD_LIMIT=$hard node bench/live/report.mjs "$work" "$ns"
