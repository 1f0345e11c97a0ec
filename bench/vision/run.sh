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
if ! python3 -c 'import sklearn' 2>/dev/null; then
  echo "bench/vision: the peer needs Debian's python3-sklearn (apt-get install python3-sklearn)" >&2
  exit 1
fi
work=$(mktemp -d /tmp/hs-bench-vision.XXXXXX)
trap 'rm -rf "$work"' EXIT

g++ -std=c++23 -O2 -DNDEBUG -I"$root/src" "$here/driver.cpp" "$root/src/modules/vision/rules/opinions.cpp" \
  -o "$work/driver"
python3 "$here/generate.py" "$people" "$statements" "$cast" 2026 "$work/votes.txt" "$work/planted.txt"

ours=$("$work/driver" "$work/votes.txt" "$runs" "$work/ours.txt")
peer=$(python3 "$here/peer.py" "$work/votes.txt" "$runs" "$work/ours.txt" "$work/planted.txt")
echo "votes: $people people x $statements statements, $cast cast; $runs runs each"
echo "ours: $ours"
echo "peer: $peer"
python3 - "$ours" "$peer" <<'PY'
import json, sys
ours, peer = json.loads(sys.argv[1]), json.loads(sys.argv[2])
print(f"ours {ours['median_ms']:.1f} ms, scikit-learn {peer['median_ms']:.1f} ms: "
      f"{peer['median_ms'] / ours['median_ms']:.1f}x faster; "
      f"same groups: ARI {peer['ari_ours']:.3f} (planted: ours {peer['ari_planted_ours']:.3f}, "
      f"peer {peer['ari_planted_peer']:.3f})")
PY
