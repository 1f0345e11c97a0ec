#!/usr/bin/env bash
# Runs every benchmark with its peer, in one go: bench/http (against nginx),
# bench/wordcloud (against d3-cloud in Chromium), bench/audit, bench/stories and
# bench/involvement and bench/equity (SQLite and PostgreSQL; bench/stories takes 10-40
# minutes: STORIES_BENCH=0 leaves it out; bench/involvement about 2: INVOLVEMENT_BENCH=0;
# bench/equity about 3: EQUITY_BENCH=0).
# Copy the output into bench/RESULTS.md with the date and machine it ran on.
set -uo pipefail
cd "$(dirname "$0")/.."
. tests/lib/pg.sh
trap pg_stop EXIT
echo "machine: $(nproc) cores, $(awk '/MemTotal/ {printf "%.0f GiB", $2/1048576}' /proc/meminfo), $(awk -F': ' '/model name/ {print $2; exit}' /proc/cpuinfo); $(date -u '+%Y-%m-%d %H:%M UTC')"
echo
bash bench/http/run.sh "${HTTP_SECONDS:-15}"
echo
bash bench/wordcloud/run.sh
echo
bash bench/breakouts/run.sh
echo
bash bench/live/run.sh "${LIVE_SECONDS:-15}"
echo
pg_start && bash bench/audit/run.sh
echo
[ "${STORIES_BENCH:-1}" = 0 ] || bash bench/stories/run.sh
echo
[ "${INVOLVEMENT_BENCH:-1}" = 0 ] || bash bench/involvement/run.sh
echo
[ "${EQUITY_BENCH:-1}" = 0 ] || bash bench/equity/run.sh
