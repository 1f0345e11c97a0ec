#!/usr/bin/env bash
# Opinion groups: ours (C++, bench/vision/driver.cpp, straight from
# src/modules/vision/rules/opinions.cpp) against scikit-learn's PCA + KMeans + silhouette
# (Debian's python3-sklearn) on the same votes: 2,000 people x 300 statements, 60 % cast,
# three planted groups (generate.py). Prints both medians, the ratio, and how alike the
# groupings are (adjusted Rand index, ours against the peer's and both against the planted).
# Usage: bash bench/vision/run.sh [RUNS] [PEOPLE] [STATEMENTS] [CAST]
set -euo pipefail
here=$(cd "$(dirname "$0")" && pwd)
root=$(cd "$here/../.." && pwd)
runs=${1:-9}
people=${2:-2000}
statements=${3:-300}
cast=${4:-0.6}
# The peer is Debian's python3-sklearn, run by Debian's python3 (a pyenv python3 on the PATH
# sees no Debian packages). On Debian 12 `apt-get install python3-sklearn` is refused beside
# our libboost1.81-dev: python3-scipy depends on python3-pythran, which depends on Boost 1.74's
# headers, and the two Boost versions conflict. Pythran is only needed to compile new
# extensions, never at run time, so we install the peer's other dependencies from Debian and
# unpack Debian's own python3-scipy, python3-sklearn and python3-sklearn-lib packages into
# a cache beside the build (build/bench-peers), leaving the system's packages as they are.
py=/usr/bin/python3
peer_dir="$root/build/bench-peers/sklearn"
export PYTHONPATH="$peer_dir/usr/lib/python3/dist-packages${PYTHONPATH:+:$PYTHONPATH}"
if ! "$py" -c 'import sklearn' 2>/dev/null; then
  echo "bench/vision: fetching Debian's python3-sklearn for the peer into $peer_dir" >&2
  apt-get install -y --no-install-recommends python3-numpy python3-joblib python3-threadpoolctl \
    python3-decorator libblas3 liblapack3 libgfortran5 liblbfgsb0 libgomp1 >/dev/null
  debs=$(mktemp -d)
  (cd "$debs" && apt-get download python3-scipy python3-sklearn python3-sklearn-lib >/dev/null 2>&1)
  mkdir -p "$peer_dir"
  for deb in "$debs"/*.deb; do dpkg -x "$deb" "$peer_dir"; done
  rm -rf "$debs"
  "$py" -c 'import sklearn' || { echo "bench/vision: the peer (scikit-learn) would not load" >&2; exit 1; }
fi
work=$(mktemp -d /tmp/hs-bench-vision.XXXXXX)
trap 'rm -rf "$work"' EXIT

g++ -std=c++23 -O2 -DNDEBUG -I"$root/src" "$here/driver.cpp" "$root/src/modules/vision/rules/opinions.cpp" \
  -o "$work/driver"
compare() {  # PEOPLE STATEMENTS CAST
  local people=$1 statements=$2 cast=$3
  "$py" "$here/generate.py" "$people" "$statements" "$cast" 2026 "$work/votes.txt" "$work/planted.txt"
  local ours peer peer_one
  ours=$("$work/driver" "$work/votes.txt" "$runs" "$work/ours.txt")
  # scikit-learn with its own defaults (KMeans and the BLAS on every core), then on one
  # thread as ours runs: on a machine busy with other work its threads wait for each other.
  peer=$("$py" "$here/peer.py" "$work/votes.txt" "$runs" "$work/ours.txt" "$work/planted.txt")
  peer_one=$(OMP_NUM_THREADS=1 OPENBLAS_NUM_THREADS=1 \
    "$py" "$here/peer.py" "$work/votes.txt" "$runs" "$work/ours.txt" "$work/planted.txt")
  echo "-- votes: $people people x $statements statements, $cast cast; $runs runs each"
  echo "ours: $ours"
  echo "peer: $peer"
  echo "peer on one thread: $peer_one"
  "$py" - "$ours" "$peer" "$peer_one" <<'PY'
import json, sys
ours, peer, one = (json.loads(a) for a in sys.argv[1:4])
print(f"ours {ours['median_ms']:.1f} ms, scikit-learn {peer['median_ms']:.1f} ms "
      f"({one['median_ms']:.1f} ms on one thread): {peer['median_ms'] / ours['median_ms']:.1f}x faster "
      f"({one['median_ms'] / ours['median_ms']:.1f}x against one thread); "
      f"same groups: ARI {peer['ari_ours']:.3f} (planted: ours {peer['ari_planted_ours']:.3f}, "
      f"peer {peer['ari_planted_peer']:.3f})")
PY
}

compare "$people" "$statements" "$cast"
if [ $# -lt 2 ]; then
  # The ordinary case: a room of 200 who saw 40 statements.
  compare 200 40 "$cast"
fi

# The three-curves picture of a finished board (laid out and drawn as a slide-sized PNG),
# by the built server's hidden `vision bench-picture`: 500 notes (the issue's aim, under
# 200 ms) and 40 (an ordinary workshop).
bin=${HS_BIN:-$root/build/humanspace}
if [ -x "$bin" ]; then
  echo "-- the picture of a finished board ($runs runs each, after one untimed)"
  "$bin" vision bench-picture --notes 500 --runs "$runs"
  "$bin" vision bench-picture --notes 40 --runs "$runs"
else
  echo "bench/vision: build the server first (./dev test or ninja -C build humanspace) for the picture's figures" >&2
fi
