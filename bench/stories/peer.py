#!/usr/bin/env python3
"""The peer of bench/stories: each statement Humanspace's search ran (written by
`humanspace stories bench-search --statements`, parameters inlined) run straight on the
engine, as many times, after the same three warm-up runs: SQLite through its C API
(Python's sqlite3 module, the same libsqlite3, which keeps the statement prepared),
PostgreSQL through psql with \\timing, the statement PREPAREd once and EXECUTEd.
Prints p50 and p99 per statement and over all, beside Humanspace's figures and the ratio.

  peer.py sqlite PATH.db STATEMENTS.jsonl RUNS HUMANSPACE_OUTPUT
  peer.py postgres URL STATEMENTS.jsonl RUNS HUMANSPACE_OUTPUT"""
import json
import re
import sqlite3
import subprocess
import sys
import time

engine, target, statements, runs, ours_file = sys.argv[1], sys.argv[2], sys.argv[3], int(sys.argv[4]), sys.argv[5]
items = [json.loads(line) for line in open(statements) if line.strip()]


def pct(v, p):
    v = sorted(v)
    return v[min(len(v) - 1, int(p * (len(v) - 1) + 0.5))] if v else 0.0


def sqlite_times(sql):
    db = sqlite3.connect(target)
    out, rows = [], 0
    for i in range(runs + 3):
        t = time.perf_counter()
        rows = len(db.execute(sql).fetchall())
        took = (time.perf_counter() - t) * 1000
        if i >= 3:
            out.append(took)
    db.close()
    return out, rows


def postgres_times(sql):
    # Prepared once, as Humanspace's store prepares its statements (libpq PQprepare).
    script = '\\o /dev/null\nPREPARE q AS ' + sql + ';\n' + 'EXECUTE q;\n' * 3 + '\\timing on\n' + 'EXECUTE q;\n' * runs
    res = subprocess.run(['psql', target, '-X', '-q', '-v', 'ON_ERROR_STOP=1'], input=script, capture_output=True,
                         text=True, check=True)
    times = [float(m) for m in re.findall(r'^Time: ([0-9.]+) ms', res.stdout, re.M)]
    count = subprocess.run(['psql', target, '-X', '-q', '-t', '-A', '-c', f'SELECT COUNT(*) FROM ({sql}) x'],
                           capture_output=True, text=True, check=True)
    return times, int(count.stdout.strip())


ours = {}
ours_all = None
for line in open(ours_file):
    m = re.match(r'^"(.*)"\s+(\d+) results; command p50 ([0-9.]+) ms, p99 ([0-9.]+) ms; query alone p50 ([0-9.]+) ms, p99 ([0-9.]+) ms', line)
    if m:
        ours[m.group(1)] = [float(x) for x in m.groups()[2:]]
    m = re.match(r'^ALL command p50 ([0-9.]+) ms, p99 ([0-9.]+) ms; query alone p50 ([0-9.]+) ms, p99 ([0-9.]+) ms', line)
    if m:
        ours_all = [float(x) for x in m.groups()]

every = []
print(f'{"query":34} {"rows":>4}  {"engine p50":>10} {"p99":>7}   {"ours p50":>8} {"p99":>7}  {"p99 ratio":>9}')
for it in items:
    times, rows = (sqlite_times if engine == 'sqlite' else postgres_times)(it['sql'])
    every += times
    shown = min(rows, 20)
    note = '' if shown == it['results'] else f'  (engine {shown} rows, ours {it["results"]})'
    o = ours.get(it['query'], [0, 0, 0, 0])
    ratio = o[1] / pct(times, 0.99) if pct(times, 0.99) else 0
    print(f'{json.dumps(it["query"]):34} {shown:>4}  {pct(times, 0.5):>8.2f}ms {pct(times, 0.99):>5.2f}ms   '
          f'{o[0]:>6.2f}ms {o[1]:>5.2f}ms  {ratio:>8.2f}x{note}')
p50, p99 = pct(every, 0.5), pct(every, 0.99)
print(f'ALL engine straight: p50 {p50:.2f} ms, p99 {p99:.2f} ms ({len(every)} runs)')
if ours_all:
    print(f'ALL humanspace search (what the page calls: stem, query, and each result\'s topics, organisations, '
          f'author and response count): p50 {ours_all[0]:.2f} ms, p99 {ours_all[1]:.2f} ms -> '
          f'{ours_all[0] / p50 if p50 else 0:.2f}x / {ours_all[1] / p99 if p99 else 0:.2f}x the engine')
    print(f'ALL humanspace query alone (the same statement through our store): p50 {ours_all[2]:.2f} ms, '
          f'p99 {ours_all[3]:.2f} ms -> {ours_all[2] / p50 if p50 else 0:.2f}x / {ours_all[3] / p99 if p99 else 0:.2f}x the engine')
