#!/usr/bin/env bash
# Breakout groups: our balanced assignment against random assignment on 32 people in 8
# groups of 4 over 1 to 10 rounds (repeat meetings, time), and 2,000 people in groups of 6
# over 3 rounds with two attributes (time, max deviation from even per attribute); sizes with
# no closed-form design and keep-apart pairs, up to the counting bound of rounds, planned
# all at once and one round at a time as the round page does, against random; and the
# time to render the demo event's PDF report (humanspace report, several runs).
# Usage: bash bench/breakouts/run.sh   (HS_BIN: the humanspace binary, default build/humanspace)
set -euo pipefail
here=$(cd "$(dirname "$0")" && pwd)
root=$(cd "$here/../.." && pwd)
work=$(mktemp -d /tmp/hs-bench-breakouts.XXXXXX)
trap 'rm -rf "$work"' EXIT
g++ -std=c++23 -O2 -DNDEBUG -I"$root/src" "$here/driver.cpp" "$root"/src/modules/breakouts/rules/assign_*.cpp -o "$work/driver"
"$work/driver"

# The demo event's report as a PDF: the whole command (open the database, gather the event,
# lay out and draw), timed over several runs.
bin=${HS_BIN:-$root/build/humanspace}
demo_note=
if ! "$bin" --data-dir "$work/data" --db "sqlite:$work/data/hs.db" demo >/dev/null 2>"$work/demo.err"; then
  # At commit 7c5d2a1 the demo seed stops at its breakout round (nobody is "here" when the
  # seed assigns groups): the report is of the event as far as the seed got.
  demo_note=" (the demo seed stopped early: $(tr -d '\n' <"$work/demo.err"))"
fi
times=()
for i in 1 2 3 4 5; do
  start=$(date +%s%N)
  "$bin" --data-dir "$work/data" --db "sqlite:$work/data/hs.db" report 1 --pdf "$work/report.pdf" >/dev/null
  times+=($(( ($(date +%s%N) - start) / 1000000 )))
done
pages=$(pdfinfo "$work/report.pdf" 2>/dev/null | awk '/^Pages:/ {print $2}')
sorted=$(printf '%s\n' "${times[@]}" | sort -n | tr '\n' ' ')
median=$(printf '%s\n' "${times[@]}" | sort -n | sed -n 3p)
echo
echo "demo event's report as PDF: $(stat -c %s "$work/report.pdf") bytes, ${pages:-?} pages; humanspace report, 5 runs: ${sorted}ms (median $median ms)$demo_note"

# The facilitator's round page for 2,000 people against the same page for 32 (the peer).
echo
HS_BIN="$bin" node "$here/page.mjs"
