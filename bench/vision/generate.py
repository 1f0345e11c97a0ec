#!/usr/bin/env python3
"""An opinion map's votes for bench/vision: PEOPLE x STATEMENTS, each cell cast with
probability CAST. Three planted opinion groups (sizes 1 : 0.8 : 0.6); the first tenth of
the statements are common ground (everyone agrees), two thirds of the rest each belong to
a group that agrees (the others disagree), the others split everyone evenly; one answer in
ten is flipped and one in ten is a pass. Seeded: the same arguments write the same file.

Writes: a line "PEOPLE STATEMENTS", then one line per person, a character per statement:
'+' agree, '-' disagree, '0' pass, '.' not seen. The planted groups go to GROUPS_OUT, one a
line.

Usage: generate.py PEOPLE STATEMENTS CAST SEED OUT GROUPS_OUT
"""
import random
import sys


def main():
    people, statements, cast, seed = int(sys.argv[1]), int(sys.argv[2]), float(sys.argv[3]), int(sys.argv[4])
    rng = random.Random(seed)
    common = statements // 10
    owner = [None] * statements
    g = 0
    for s in range(common, common + (statements - common) * 2 // 3):
        owner[s] = g
        g = (g + 1) % 3
    weights = [1.0, 0.8, 0.6]
    rows, groups = [], []
    for _ in range(people):
        group = rng.choices(range(3), weights)[0]
        groups.append(group)
        row = []
        for s in range(statements):
            if rng.random() >= cast:
                row.append('.')
                continue
            if s < common:
                agree = True
            elif owner[s] is not None:
                agree = owner[s] == group
            else:
                agree = rng.random() < 0.5
            if rng.random() < 0.1:
                agree = not agree
            row.append('0' if rng.random() < 0.1 else '+' if agree else '-')
        rows.append(''.join(row))
    with open(sys.argv[5], 'w') as out:
        out.write(f"{people} {statements}\n")
        out.write('\n'.join(rows) + '\n')
    with open(sys.argv[6], 'w') as out:
        out.write('\n'.join(map(str, groups)) + '\n')


if __name__ == '__main__':
    main()
