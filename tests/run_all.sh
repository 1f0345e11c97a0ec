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
for engine in sqlite postgres; do
  step "HTTP tests on $engine" env HS_ENGINE=$engine node --test --test-concurrency=1 tests/http/
done
if [ -d tests/browser ] && ls tests/browser/*.test.mjs >/dev/null 2>&1; then
  step "browser tests (Chromium, with and without JavaScript, axe-core)" env HS_ENGINE=sqlite node --test --test-concurrency=1 tests/browser/
fi
step "fuzz: URL, cookie and form parsing, static file look-ups (30 s)" bash tests/fuzz/run.sh 30

echo
echo "Time per suite:"
for t in "${timings[@]}"; do echo "$t"; done
echo "  total ${SECONDS} s"
echo
for f in "${failures[@]}"; do echo "FAILED: $f"; done
echo "suites: $passed passed, $failed failed"
[ "$failed" -eq 0 ]
