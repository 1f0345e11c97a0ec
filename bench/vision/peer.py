#!/usr/bin/env python3
"""The peer for bench/vision: scikit-learn's PCA (2 components) and KMeans (k-means++,
k = 2..5, 4 initialisations each, as ours) with the k chosen by silhouette_score, on the
same votes (agree 1, disagree -1, pass and not seen 0; only people who answered at least 7
statements), the same work our opinion_map does before its statement counts.

Prints {"median_ms", "min_ms", "groups", "grouped", "silhouette", "ari_ours",
"ari_planted_ours", "ari_planted_peer"}.

Usage: peer.py VOTES.txt RUNS OUR_LABELS PLANTED_GROUPS
"""
import json
import sys
import time

import numpy as np
from sklearn.cluster import KMeans
from sklearn.decomposition import PCA
from sklearn.metrics import adjusted_rand_score, silhouette_score


def read(path):
    with open(path) as f:
        people, statements = map(int, f.readline().split())
        rows = [f.readline().strip() for _ in range(people)]
    value = {'+': 1.0, '-': -1.0, '0': 0.0, '.': 0.0}
    x = np.array([[value[c] for c in r] for r in rows], dtype=np.float64)
    answered = np.array([sum(c != '.' for c in r) for r in rows])
    return x, answered, statements


def groups(x, answered, statements):
    keep = answered >= min(7, statements)
    pts = PCA(n_components=2, random_state=0).fit_transform(x[keep])
    best = None
    for k in range(2, min(5, len(pts) - 1) + 1):
        labels = KMeans(n_clusters=k, n_init=4, random_state=0).fit_predict(pts)
        score = silhouette_score(pts, labels)
        if best is None or score > best[0] + 1e-12:
            best = (score, labels)
    out = np.full(len(x), -1)
    out[keep] = best[1]
    return out, best[0], int(keep.sum())


def main():
    x, answered, statements = read(sys.argv[1])
    runs = max(1, int(sys.argv[2]))
    times = []
    for _ in range(runs):
        start = time.perf_counter()
        labels, silhouette, grouped = groups(x, answered, statements)
        times.append((time.perf_counter() - start) * 1000)
    times.sort()
    ours = np.array([int(l) for l in open(sys.argv[3])])
    planted = np.array([int(l) for l in open(sys.argv[4])])
    both = (ours >= 0) & (labels >= 0)
    print(json.dumps({
        "median_ms": round(times[len(times) // 2], 2),
        "min_ms": round(times[0], 2),
        "groups": int(labels.max() + 1),
        "grouped": grouped,
        "silhouette": round(float(silhouette), 4),
        "ari_ours": round(adjusted_rand_score(labels[both], ours[both]), 4),
        "ari_planted_ours": round(adjusted_rand_score(planted[ours >= 0], ours[ours >= 0]), 4),
        "ari_planted_peer": round(adjusted_rand_score(planted[labels >= 0], labels[labels >= 0]), 4),
    }))


if __name__ == '__main__':
    main()
