#!/usr/bin/env bash
# Word-cloud layout: ours (C++, bench/wordcloud/driver.cpp) against d3-cloud 1.2.9 in
# Debian's Chromium, on the same words (100, 500 and 1,000 with Zipf-like counts), canvas
# (1024x768), font (Atkinson Hyperlegible Next 400, the site's woff2) and settings (size
# 10 + 70*sqrt(count/max) px, padding 1, Archimedean spiral, no rotation).
# Prints the median time and words placed for both, and the ratio.
# Usage: bash bench/wordcloud/run.sh [RUNS]   (needs `npm ci` at the root for playwright-core)
set -euo pipefail
here=$(cd "$(dirname "$0")" && pwd)
root=$(cd "$here/../.." && pwd)
runs=${1:-7}
if [ ! -d "$root/node_modules/playwright-core" ] || [ ! -d "$root/node_modules/@fontsource/atkinson-hyperlegible-next" ]; then
  echo "bench/wordcloud: run 'npm ci' at the repository root first" >&2
  exit 1
fi
[ -d "$here/node_modules/d3-cloud" ] || npm ci --prefix "$here" --no-audit --no-fund >/dev/null
work=$(mktemp -d /tmp/hs-bench-wordcloud.XXXXXX)
trap 'rm -rf "$work"' EXIT

# The driver is built here, optimised, straight from the module's sources.
src=$root/src/modules/wordcloud
g++ -std=c++23 -O2 -DNDEBUG -I"$root/src" $(pkg-config --cflags harfbuzz freetype2) \
  "$here/driver.cpp" "$here/no_embedded.cpp" "$src/layout.cpp" "$src/board.cpp" "$src/font.cpp" \
  "$src/cli.cpp" "$src/svg.cpp" "$src/palette.cpp" "$root/src/core/text.cpp" \
  $(pkg-config --libs harfbuzz freetype2 icu-uc) -lboost_json -o "$work/driver"

node "$here/run.mjs" "$work/driver" "$runs"
