#!/usr/bin/env bash
# Runs every test: unit (both engines), HTTP (both engines), browser, and a short fuzz run.
# Prints "N passed, N failed" at the end; exits non-zero when anything failed.
set -uo pipefail
cd "$(dirname "$0")/.."
. tests/lib/pg.sh

passed=0; failed=0; failures=()
timings=()
step() {  # step NAME COMMAND...
  local name=$1; shift
  printf '\n\033[1m--- %s\033[0m\n' "$name"
  local started=$SECONDS outcome=passed
  if "$@"; then passed=$((passed+1)); else failed=$((failed+1)); failures+=("$name"); outcome=FAILED; fi
  timings+=("$(printf '%5d s  %-6s %s' $((SECONDS - started)) "$outcome" "$name")")
}

trap pg_stop EXIT
pg_start || { echo "could not start PostgreSQL"; exit 1; }

step "module boundaries (tools/check_boundaries.py, and that it catches planted breaches)" bash tests/boundaries/run.sh
step "unit tests (SQLite and PostgreSQL store tests)" ./build/unit_tests --gtest_brief=1
# The two engines' HTTP suites run side by side (each starts its own servers on ports of
# their own; most of their time is spent waiting on the server, not on a core): the
# PostgreSQL one in the background, its output shown when it ends.
pg_log=$(mktemp)
pg_started=$SECONDS
( env HS_ENGINE=postgres node --test --test-concurrency=1 tests/http/ >"$pg_log" 2>&1; echo $? >"$pg_log.rc" ) &
pg_pid=$!
step "HTTP tests on sqlite" env HS_ENGINE=sqlite node --test --test-concurrency=1 tests/http/
wait $pg_pid
printf '\n\033[1m--- %s\033[0m\n' "HTTP tests on postgres (ran beside sqlite)"
cat "$pg_log"
if [ "$(cat "$pg_log.rc")" = 0 ]; then passed=$((passed+1)); outcome=passed
else failed=$((failed+1)); failures+=("HTTP tests on postgres"); outcome=FAILED; fi
timings+=("$(printf '%5d s  %-6s %s' $((SECONDS - pg_started)) "$outcome" "HTTP tests on postgres (beside sqlite)")")
rm -f "$pg_log" "$pg_log.rc"
if [ -d tests/browser ] && ls tests/browser/*.test.mjs >/dev/null 2>&1; then
  step "browser tests (Chromium, with and without JavaScript, axe-core)" env HS_ENGINE=sqlite node --test --test-concurrency=1 tests/browser/
fi
step "fuzz: URL, cookie, form and multipart parsing, static file look-ups (30 s)" bash tests/fuzz/run.sh 30

echo
echo "Time per suite:"
for t in "${timings[@]}"; do echo "$t"; done
echo "  total ${SECONDS} s"
echo
for f in "${failures[@]}"; do echo "FAILED: $f"; done
echo "suites: $passed passed, $failed failed"
[ "$failed" -eq 0 ]
