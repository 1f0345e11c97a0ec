#!/usr/bin/env bash
# Requests per second and p99 latency for signed-in pages, against nginx serving the same
# bytes as static files, both under wrk with 64 connections in the same run:
#  - warm: one member, one page (the space page), so every lookup is cached (sessions 5 s,
#    roles 30 s, the space 2 s): a cached render;
#  - cache-miss: USERS members (default 100,000) and every page a member reaches from the
#    spaces (up to 120), each request a different member and page in turn, so no member
#    comes back within a run as short as this (each request reads the session, the role and
#    the page's data from the database, as the first request of a visit does).
# Also the server's resident memory when idle. Usage: bash bench/http/run.sh [SECONDS]
set -euo pipefail
cd "$(dirname "$0")/../.."
secs=${1:-15}
# The binary under test; HS_BIN lets an engineer measure their own build directory.
bin=${HS_BIN:-./build/humanspace}
work=$(mktemp -d /tmp/hs-bench-http.XXXXXX)
cleanup() { [ -n "${hs_pid:-}" ] && kill "$hs_pid" 2>/dev/null; [ -n "${ng_pid:-}" ] && kill "$ng_pid" 2>/dev/null; rm -rf "$work"; }
trap cleanup EXIT

HUMANSPACE_LOG_LEVEL=warn "$bin" --data-dir "$work" --db "sqlite:$work/hs.db" serve \
  --listen 127.0.0.1:0 --port-file "$work/port" >"$work/hs.log" 2>&1 &
hs_pid=$!
for _ in $(seq 100); do [ -f "$work/port" ] && break; sleep 0.05; done
port=$(cat "$work/port")
url="http://127.0.0.1:$port"
space=/spaces/gambling-harm-forum
DEMO_PASSWORD=$("$bin" --data-dir "$work" --db "sqlite:$work/hs.db" demo 2>"$work/demo.err" | awk '/Password for every demo account:/ {print $NF}' || true)
# At commit 7c5d2a1 the demo seed stops at its breakout round (nobody is "here" when the
# seed assigns groups) after the spaces and members are made, and prints no password.
[ -n "$DEMO_PASSWORD" ] || DEMO_PASSWORD=$(node -e 'console.log(require("./resources/demo/community.json").password)')
cookie=$(node bench/http/signin.mjs "$url" jo@example.org "$DEMO_PASSWORD" "$space")

# The same bytes, as a static file behind nginx.
mkdir -p "$work/www$(dirname $space)"
curl -s -H "Cookie: $cookie" "$url$space" >"$work/www$space"
bytes=$(wc -c <"$work/www$space")
ngport=$(python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1",0)); print(s.getsockname()[1]); s.close()')
cat >"$work/nginx.conf" <<NGINX
worker_processes auto;
daemon off;
pid $work/nginx.pid;
error_log $work/nginx-error.log;
events { worker_connections 1024; }
http {
  access_log off;
  default_type text/html;
  server { listen 127.0.0.1:$ngport; root $work/www; location / { try_files \$uri =404; } }
}
NGINX
nginx -c "$work/nginx.conf" -p "$work" &
ng_pid=$!
sleep 0.5

sleep 1
idle_rss_kb=$(awk '/VmRSS/ {print $2}' /proc/$hs_pid/status)

run_wrk() { wrk -t2 -c64 -d"${secs}s" --latency -H "Cookie: $cookie" "$1" 2>&1; }
ours=$(run_wrk "$url$space")
theirs=$(run_wrk "http://127.0.0.1:$ngport$space")

rps() { awk '/Requests\/sec/ {print $2}' <<<"$1"; }
p99() { awk '$1=="99%" {print $2}' <<<"$1"; }
non2xx() { awk '/Non-2xx/ {print $4}' <<<"$1"; }
to_ms() { awk -v v="$1" 'BEGIN { if (v ~ /ms$/) { sub(/ms/,"",v); print v } else if (v ~ /us$/) { sub(/us/,"",v); print v/1000 } else { sub(/s/,"",v); print v*1000 } }'; }

# The cache-miss run: many members, many pages (bench/http/cold.mjs, cold.lua).
users=${USERS:-100000}
node bench/http/cold.mjs "$users" "$work/hs.db" "$url" "$work/cold" jo@example.org >"$work/paths"
pages=$(wc -l <"$work/paths")
awk '{print "/p/" NR-1 ".html"}' "$work/paths" >"$work/nginx-paths"
cold_bytes=$(cat "$work/cold/p/"*.html | wc -c)
mkdir -p "$work/www/p" && cp "$work/cold/p/"*.html "$work/www/p/"
run_cold() { USERS=$users THREADS=2 PATHS_FILE=$2 COOKIE=$3 wrk -t2 -c64 -d"${secs}s" --latency -s bench/http/cold.lua "$1" 2>&1; }
ours_cold=$(run_cold "$url" "$work/paths" 1)
theirs_cold=$(run_cold "http://127.0.0.1:$ngport" "$work/nginx-paths" 0)

ours_rps=$(rps "$ours"); theirs_rps=$(rps "$theirs")
ratio=$(awk -v a="$ours_rps" -v b="$theirs_rps" 'BEGIN { printf "%.1f", 100*a/b }')
cat <<OUT
bench/http — $(date -u +%Y-%m-%d), $(nproc) cores, $(awk -F': ' '/model name/ {print $2; exit}' /proc/cpuinfo)
page: signed-in space page $space ($bytes bytes), wrk -t2 -c64 -d${secs}s
humanspace: $ours_rps req/s, p99 $(to_ms "$(p99 "$ours")") ms, non-2xx responses: $(non2xx "$ours" | grep . || echo 0)
nginx:      $theirs_rps req/s, p99 $(to_ms "$(p99 "$theirs")") ms (same bytes as a static file)
ratio:      humanspace is ${ratio}% of nginx's rate (aim: at least 30%, p99 under 10 ms)
idle resident memory of humanspace: $((idle_rss_kb / 1024)) MiB

cache-miss: $users signed-in members, $pages pages ($((cold_bytes / pages)) bytes on average), each request the next member and the next page, wrk -t2 -c64 -d${secs}s
humanspace: $(rps "$ours_cold") req/s ($(awk '/requests in/ {print $1}' <<<"$ours_cold") requests, $(awk -v r="$(awk '/requests in/ {print $1}' <<<"$ours_cold")" -v u="$users" 'BEGIN { printf "%.2f", r/u }') per member), p99 $(to_ms "$(p99 "$ours_cold")") ms, non-2xx responses: $(non2xx "$ours_cold" | grep . || echo 0)
nginx:      $(rps "$theirs_cold") req/s, p99 $(to_ms "$(p99 "$theirs_cold")") ms (the same pages' bytes as static files)
ratio:      humanspace is $(awk -v a="$(rps "$ours_cold")" -v b="$(rps "$theirs_cold")" 'BEGIN { printf "%.1f", 100*a/b }')% of nginx's rate when nothing is cached (warm: ${ratio}%)
slowest:    $(cat "$work/cold/slowest.txt") (first fetch of each page, one at a time)
left out:   $(cat "$work/cold/members.txt")
favours:    nginx always: it sends files the kernel keeps in memory, with no session, role or page to look up; humanspace
            reads and renders each page for its member. Warm favours humanspace (its caches answer); cache-miss is its worst case.
OUT
