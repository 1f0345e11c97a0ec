#!/usr/bin/env python3
"""The peer of bench/involvement: the statements the treasurer's claims page and the batch
export run (src/modules/involvement/repo.cpp and what the commands call), run straight on
the engine, with the same warm-up and as many runs, beside Humanspace's HTTP figures:
 - claims page: the treasurer's role and the space (commands::subject_at), the count of
   claims in each state (repo::claim_counts: the states claims move on from, from the
   index, and the batched and paid ones from their batches), the page of 50
   (repo::claims_page), then the names of its claimants in one query
   (accounts::display_names);
 - export: the role and the space, the batch (repo::batch) and its claims ordered by payee
   (repo::batch_claims); the CSV shows no names, so none are looked up.
SQLite through its C API (Python's sqlite3 module, the same libsqlite3, which keeps the
statements prepared); PostgreSQL through psql, each statement PREPAREd once and EXECUTEd,
timed with \\timing. A run's time is the sum of its statements' times.

  peer.py sqlite PATH.db OURS.json RUNS EXPORT_RUNS
  peer.py postgres URL OURS.json RUNS EXPORT_RUNS"""
import json
import re
import sqlite3
import subprocess
import sys
import time

engine, target, ours_file, runs, export_runs = sys.argv[1], sys.argv[2], sys.argv[3], int(sys.argv[4]), int(sys.argv[5])
ours = json.load(open(ours_file))
WARM = 5
SPACE, TREASURER = 1, 1
CLAIM = ('id, space_id, user_id, payee_ref, participation_id, opportunity_id, advance, kind, day, minutes, unit, '
         'rate_pence, time_pence, expenses_pence, total_pence, method, charity, state, question, answer, reason, '
         'decided_by, batch_id, submitted_at, decided_at, paid_day, created_at, updated_at')
# name: (SQL with ? for each parameter, PostgreSQL parameter types)
SQL = {
    'role': ('SELECT role FROM memberships WHERE space_id = ? AND user_id = ?', 'bigint, bigint'),
    'space': ('SELECT id, slug, name, kind, purpose, visibility, code_of_conduct FROM spaces WHERE id = ?', 'bigint'),
    'counts': ("SELECT state, COUNT(*) FROM involvement_claims WHERE space_id = ? AND state IN ('draft', 'submitted', "
               "'queried', 'approved', 'refused', 'withdrawn') GROUP BY state ORDER BY state", 'bigint'),
    'counts_batches': ('SELECT COALESCE(SUM(CASE WHEN paid_at IS NULL THEN claim_count ELSE 0 END), 0), '
                       'COALESCE(SUM(CASE WHEN paid_at IS NULL THEN 0 ELSE claim_count END), 0) '
                       'FROM involvement_batches WHERE space_id = ?', 'bigint'),
    'page_state': (f'SELECT {CLAIM} FROM involvement_claims WHERE space_id = ? AND state = ? ORDER BY id DESC '
                   'LIMIT ? OFFSET ?', 'bigint, text, bigint, bigint'),
    'page_all': (f'SELECT {CLAIM} FROM involvement_claims WHERE space_id = ? ORDER BY id DESC LIMIT ? OFFSET ?',
                 'bigint, bigint, bigint'),
    'batch': ('SELECT id, space_id, claim_count, total_pence, created_by, created_at, paid_day, paid_at '
              'FROM involvement_batches WHERE id = ?', 'bigint'),
    'batch_claims': (f'SELECT {CLAIM} FROM involvement_claims WHERE batch_id = ? ORDER BY payee_ref, id', 'bigint'),
}


def pct(v, p):
    v = sorted(v)
    return v[min(len(v) - 1, int(p * (len(v) - 1) + 0.5))] if v else 0.0


def pg_rows(name, params):
    sql = SQL[name][0]
    for p in params:
        sql = sql.replace('?', f"'{p}'" if isinstance(p, str) else str(p), 1)
    out = subprocess.run(['psql', target, '-X', '-q', '-t', '-A', '-F', '\t', '-c', sql], capture_output=True,
                         text=True, check=True).stdout
    return [line.split('\t') for line in out.splitlines() if line]


def sqlite_rows(db, name, params):
    return db.execute(SQL[name][0], params).fetchall()


def claimants(rows):
    """The different claimants on a page or in a batch, in the order the page meets them."""
    seen = []
    for r in rows:
        u = r[2]
        if u not in (None, '') and int(u) not in seen:
            seen.append(int(u))
    return seen


def plan(head, main, main_params):
    """The statements of one request, each with the part it belongs to."""
    return [(part, name, params) for part, name, params in head] + [('main', main, main_params)]


def run_sqlite(steps_for, count):
    db = sqlite3.connect(target)
    steps = steps_for(lambda name, params: sqlite_rows(db, name, params))
    totals, parts = [], {}
    for i in range(WARM + count):
        run, each = 0.0, {}
        for part, name, params in steps:
            t = time.perf_counter()
            db.execute(SQL[name][0], params).fetchall()
            took = (time.perf_counter() - t) * 1000
            run += took
            each[part] = each.get(part, 0.0) + took
        if i >= WARM:
            totals.append(run)
            for part, took in each.items():
                parts.setdefault(part, []).append(took)
    db.close()
    return totals, parts, steps


def run_postgres(steps_for, count):
    steps = steps_for(pg_rows)
    script = ['\\o /dev/null']
    for name in sorted({name for _, name, _ in steps}):
        sql, types = SQL[name]
        n = 0
        def number(_):
            nonlocal n
            n += 1
            return f'${n}'
        args = f'({types})' if types else ''
        script.append(f'PREPARE {name}{args} AS {re.sub(r"[?]", number, sql)};')
    execs = [f'EXECUTE {name}' + (f'({", ".join(repr(p) if isinstance(p, str) else str(p) for p in params)})' if params else '') + ';'
             for _, name, params in steps]
    script += execs * WARM + ['\\timing on'] + execs * count
    res = subprocess.run(['psql', target, '-X', '-q', '-v', 'ON_ERROR_STOP=1'], input='\n'.join(script) + '\n',
                         capture_output=True, text=True, check=True)
    times = [float(m) for m in re.findall(r'^Time: ([0-9.]+) ms', res.stdout, re.M)]
    if len(times) != len(steps) * count:
        sys.exit(f'psql printed {len(times)} times, expected {len(steps) * count}')
    totals, parts = [], {}
    for r in range(count):
        each = {}
        for (part, _, _), took in zip(steps, times[r * len(steps):(r + 1) * len(steps)]):
            each[part] = each.get(part, 0.0) + took
        totals.append(sum(each.values()))
        for part, took in each.items():
            parts.setdefault(part, []).append(took)
    return totals, parts, steps


run = run_sqlite if engine == 'sqlite' else run_postgres
head = [('role+space', 'role', (SPACE, TREASURER)), ('role+space', 'space', (SPACE,))]
print(f'-- the same statements straight on the engine ({"sqlite3 module" if engine == "sqlite" else "psql, PREPAREd"}), '
      f'same warm-up and runs; ours/engine ratio of p50 and p99:')
worst_p99 = 0.0
for case in ours['cases']:
    offset = (case['page'] - 1) * 50
    if case['state']:
        main, params = 'page_state', (SPACE, case['state'], 50, offset)
    else:
        main, params = 'page_all', (SPACE, 50, offset)

    def steps_for(rows_of, main=main, params=params, label=case['label']):
        names = claimants(rows_of(main, params))
        key = 'names_' + re.sub(r'[^a-z0-9]+', '_', label.lower())
        SQL[key] = (f'SELECT id, display_name FROM users WHERE id IN ({", ".join(str(u) for u in names) or "0"})', '')
        return (head + [('counts', 'counts', (SPACE,)), ('counts', 'counts_batches', (SPACE,)), ('page', main, params),
                        ('names', key, ())])

    totals, parts, steps = run(steps_for, len(case['times']))
    ours_t = case['times']
    worst_p99 = max(worst_p99, pct(ours_t, 0.99))
    n_names = len(claimants(sqlite_rows(sqlite3.connect(target), main, params))) if engine == 'sqlite' else len(claimants(pg_rows(main, params)))
    print(f'   {case["label"]}: engine p50 {pct(totals, 0.5):.2f} ms, p99 {pct(totals, 0.99):.2f} ms '
          f'({len(steps)} statements; p50 of role+space {pct(parts["role+space"], 0.5):.2f}, '
          f'counts {pct(parts["counts"], 0.5):.2f}, page {pct(parts["page"], 0.5):.2f}, '
          f'names of {n_names} claimants in one query {pct(parts.get("names", [0]), 0.5):.2f} ms); '
          f'ours p50 {pct(ours_t, 0.5):.2f} ms, p99 {pct(ours_t, 0.99):.2f} ms -> '
          f'{pct(ours_t, 0.5) / pct(totals, 0.5):.1f}x / {pct(ours_t, 0.99) / pct(totals, 0.99):.1f}x')


def export_steps(rows_of):
    return head + [('batch', 'batch', (ours['batch'],)), ('batch_claims', 'batch_claims', (ours['batch'],))]


totals, parts, steps = run(export_steps, export_runs)
ex = ours['export']
print(f'   export of B{ours["batch"]}: engine p50 {pct(totals, 0.5):.1f} ms, slowest {max(totals):.1f} ms '
      f'({len(steps)} statements; p50 of the batch\'s claims {pct(parts["batch_claims"], 0.5):.1f} ms); ours p50 {pct(ex, 0.5):.1f} ms, slowest '
      f'{max(ex):.1f} ms -> {pct(ex, 0.5) / pct(totals, 0.5):.1f}x / {max(ex) / max(totals):.1f}x')
print(f'   aims: claims page p99 under 20 ms: {"met" if worst_p99 < 20 else "NOT met"} (worst p99 {worst_p99:.2f} ms); '
      f'a 5,000-claim batch exported in under 1 s: {"met" if max(ex) < 1000 else "NOT met"} '
      f'({ours["batch_claims"]} claims, slowest {max(ex):.1f} ms)')
