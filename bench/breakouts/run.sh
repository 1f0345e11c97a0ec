#!/usr/bin/env bash
# Breakout groups: our balanced assignment against random assignment on 32 people in 8
# groups of 4 over 1 to 10 rounds (repeat meetings, time), and 2,000 people in groups of 6
# over 3 rounds with two attributes (time, max deviation from even per attribute).
# Usage: bash bench/breakouts/run.sh
set -euo pipefail
here=$(cd "$(dirname "$0")" && pwd)
root=$(cd "$here/../.." && pwd)
work=$(mktemp -d /tmp/hs-bench-breakouts.XXXXXX)
trap 'rm -rf "$work"' EXIT
g++ -std=c++23 -O2 -DNDEBUG -I"$root/src" "$here/driver.cpp" "$root/src/modules/breakouts/rules/assign.cpp" -o "$work/driver"
"$work/driver"
