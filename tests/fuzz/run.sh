#!/usr/bin/env bash
# Builds the libFuzzer targets with clang-14 (ASan + UBSan) and runs them for N seconds
# in all (default 30: two fifths URL/cookie/form parsing, two fifths multipart bodies, one
# fifth static file look-ups). For a longer run: bash tests/fuzz/run.sh 3600 (findings
# land in build-fuzz/findings/; the corpora grow in build-fuzz/corpus*/).
set -euo pipefail
cd "$(dirname "$0")/../.."
secs=${1:-30}
if [ ! -f build-fuzz/build.ninja ]; then
  CXX=clang++-14 cmake -S . -B build-fuzz -G Ninja -DHS_FUZZ=ON -DCMAKE_CXX_COMPILER=clang++-14 >/dev/null
fi
ninja -C build-fuzz fuzz_parse fuzz_multipart fuzz_static >/dev/null
mkdir -p build-fuzz/corpus build-fuzz/corpus-multipart build-fuzz/corpus-static build-fuzz/findings
cp -n tests/fuzz/corpus/* build-fuzz/corpus/ 2>/dev/null || true
cp -n tests/fuzz/corpus-multipart/* build-fuzz/corpus-multipart/ 2>/dev/null || true
cp -n tests/fuzz/corpus-static/* build-fuzz/corpus-static/ 2>/dev/null || true
./build-fuzz/fuzz_parse -max_total_time="$((secs * 2 / 5))" -max_len=4096 -print_final_stats=1 \
  -artifact_prefix=build-fuzz/findings/ build-fuzz/corpus 2>&1 | tail -n 12
./build-fuzz/fuzz_multipart -max_total_time="$((secs * 2 / 5))" -max_len=4096 -print_final_stats=1 \
  -artifact_prefix=build-fuzz/findings/multipart- build-fuzz/corpus-multipart 2>&1 | tail -n 12
./build-fuzz/fuzz_static -max_total_time="$((secs - secs * 4 / 5))" -max_len=512 -print_final_stats=1 \
  -artifact_prefix=build-fuzz/findings/static- build-fuzz/corpus-static 2>&1 | tail -n 12
