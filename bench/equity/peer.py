#!/usr/bin/env python3
"""The peer of bench/equity: the statements behind the run page's spread and the equality
report, run straight on the engine, beside Humanspace's HTTP figures:
 - the spread (src/modules/events/repo.cpp, contributions): each participant of the event with
   the count the store keeps for them (migration 0032's triggers), and the live channel's
   total (contribution_total), which every snapshot after a contribution reads; RUNS runs
   after WARM.
 - for the page's breakdown, its list of who registered (commands::registrants): the
   registrations, then each registrant's account twice (accounts::display_name and
   accounts::access_needs, one statement each); REGISTRANT_RUNS runs.
 - the report (src/modules/equity/commands/answers.cpp, space_report): the space's members
   (spaces::members: ids and roles), then the sealed answers of their
   pseudonyms in slices of 500 (repo::sealed_answers_of); REPORT_RUNS runs after one. The
   pseudonyms are made beforehand here (the server makes them on each report: its HMAC and
   key derivation, the opening of each answer, its JSON and counting are not in this figure).
SQLite through Python's sqlite3 module (the same libsqlite3); PostgreSQL through psql, each
statement PREPAREd once and EXECUTEd, timed with \\timing. A run is the sum of its
statements' own times.

  peer.py sqlite PATH.db DATA_DIR EXPECT.json OURS.json RUNS REPORT_RUNS
  peer.py postgres URL DATA_DIR EXPECT.json OURS.json RUNS REPORT_RUNS"""
import json
import os
import re
import sqlite3
import subprocess
import sys
import time

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import generate  # noqa: E402  (the server's pseudonyms, through libsodium)

engine, target, data_dir, expect_file, ours_file = sys.argv[1:6]
runs, report_runs = int(sys.argv[6]), int(sys.argv[7])
registrant_runs = int(os.environ.get('REGISTRANT_RUNS', 20))
expect = json.load(open(expect_file))
ours = json.load(open(ours_file))
WARM = 10
EVENT, NETWORK = expect['spread']['event'], 2
SLICE = 500

# What the spread reads since migration 0032: the counts the store keeps per participant.
PARTICIPANTS = ('SELECT p.id, COALESCE(n.n, 0) FROM event_participants p\n'
                'LEFT JOIN event_contribution_counts n ON n.participant_id = p.id WHERE p.event_id = ? ORDER BY p.id',
                'bigint')
PARTS = [('SELECT COALESCE(SUM(n), 0) FROM event_contribution_counts WHERE event_id = ?', 'bigint')]
REGISTRATIONS = ('SELECT user_id, registered_at FROM event_registrations WHERE event_id = ? '
                 'ORDER BY registered_at, user_id', 'bigint')
USER_BY_ID = ('SELECT id, email_sealed, display_name, pronouns, access_needs_sealed, password_hash, site_role, '
              'verified_at, created_at, erased_at FROM users WHERE id = ?', 'bigint')
MEMBERS = ('SELECT user_id, role FROM memberships WHERE space_id = ?', 'bigint')


def names_sql(n):
    return (f'SELECT id, display_name FROM users WHERE id IN ({", ".join("?" * n)})', ', '.join(['bigint'] * n))


def needs_sql(n):
    return (f'SELECT id, access_needs_sealed FROM users WHERE erased_at IS NULL AND access_needs_sealed IS NOT NULL '
            f'AND id IN ({", ".join("?" * n)})', ', '.join(['bigint'] * n))


def slice_sql(n):
    return (f'SELECT sealed FROM equality_answers WHERE pseudonym IN ({", ".join("?" * n)})', ', '.join(['text'] * n))


def pct(v, p):
    v = sorted(v)
    return v[min(len(v) - 1, int(p * (len(v) - 1) + 0.5))] if v else 0.0


def literal(p):
    return f"'{p}'" if isinstance(p, str) else str(p)


def fetch(stmt, params):
    """The rows of one statement, untimed (to know the registrants and the members)."""
    if engine == 'sqlite':
        db = sqlite3.connect(target)
        rows = db.execute(stmt[0], params).fetchall()
        db.close()
        return rows
    sql = stmt[0]
    for p in params:
        sql = sql.replace('?', literal(p), 1)
    out = subprocess.run(['psql', target, '-X', '-q', '-t', '-A', '-F', '\t', '-c', sql], capture_output=True,
                         text=True, check=True).stdout
    return [tuple(line.split('\t')) for line in out.splitlines() if line]


def run(steps, count, warm):
    """steps: [(part, (sql, types), params)]. Returns the run totals and each part's times."""
    totals, parts = [], {}
    if engine == 'sqlite':
        db = sqlite3.connect(target)
        db.execute('PRAGMA cache_size = -65536')
        for i in range(warm + count):
            each = {}
            for part, (sql, _), params in steps:
                t = time.perf_counter()
                db.execute(sql, params).fetchall()
                each[part] = each.get(part, 0.0) + (time.perf_counter() - t) * 1000
            if i >= warm:
                totals.append(sum(each.values()))
                for part, took in each.items():
                    parts.setdefault(part, []).append(took)
        db.close()
        return totals, parts
    names = {}
    script = ['\\o /dev/null']
    for _, (sql, types), _ in steps:
        if sql in names:
            continue
        names[sql] = f's{len(names)}'
        n = 0

        def number(_):
            nonlocal n
            n += 1
            return f'${n}'
        script.append(f'PREPARE {names[sql]}({types}) AS {re.sub(r"[?]", number, sql)};')
    execs = [f'EXECUTE {names[sql]}({", ".join(literal(p) for p in params)});' for _, (sql, _), params in steps]
    script += execs * warm + ['\\timing on'] + execs * count
    res = subprocess.run(['psql', target, '-X', '-q', '-v', 'ON_ERROR_STOP=1'], input='\n'.join(script) + '\n',
                         capture_output=True, text=True, check=True)
    times = [float(m) for m in re.findall(r'^Time: ([0-9.]+) ms', res.stdout, re.M)]
    if len(times) != len(steps) * count:
        sys.exit(f'psql printed {len(times)} times, expected {len(steps) * count}')
    for r in range(count):
        each = {}
        for (part, _, _), took in zip(steps, times[r * len(steps):(r + 1) * len(steps)]):
            each[part] = each.get(part, 0.0) + took
        totals.append(sum(each.values()))
        for part, took in each.items():
            parts.setdefault(part, []).append(took)
    return totals, parts


how = 'sqlite3 module' if engine == 'sqlite' else 'psql, PREPAREd'
print(f'-- the same statements straight on the engine ({how}); ours/engine ratio of p50 and p99:')

# The spread.
spread_steps = [('participants', PARTICIPANTS, (EVENT,))] + [(f'part{k}', s, (EVENT,)) for k, s in enumerate(PARTS)]
totals, parts = run(spread_steps, runs, WARM)
run_t = ours['run']
spread_p50, spread_p99 = pct(totals, 0.5), pct(totals, 0.99)
print(f'   the spread, {len(spread_steps)} statements (each participant\'s kept count; the live snapshot\'s total), '
      f'{runs} runs after {WARM}: engine p50 {spread_p50:.2f} ms, p99 {spread_p99:.2f} ms (p50 of the counts '
      f'{pct(parts["participants"], 0.5):.2f}, the total {pct(parts["part0"], 0.5):.2f} ms)')
print(f'     ours, the whole run page: p50 {pct(run_t, 0.5):.2f} ms, p99 {pct(run_t, 0.99):.2f} ms -> the spread\'s '
      f'statements are {100 * spread_p50 / pct(run_t, 0.5):.0f} % of its p50 ({pct(run_t, 0.5) / spread_p50:.1f}x / '
      f'{pct(run_t, 0.99) / spread_p99:.1f}x)', flush=True)

# The page's list of who registered, for the breakdown.
registrants = [int(r[0]) for r in fetch(REGISTRATIONS, (EVENT,))]
reg_steps = [('registrations', REGISTRATIONS, (EVENT,))]
for at in range(0, len(registrants), SLICE):
    chunk = tuple(registrants[at:at + SLICE])
    reg_steps += [('accounts', names_sql(len(chunk)), chunk), ('accounts', needs_sql(len(chunk)), chunk)]
reg_totals, reg_parts = run(reg_steps, registrant_runs, 2)
print(f'   the page\'s list of who registered ({len(registrants)} people: the registrations, then their names and '
      f'access needs in slices of {SLICE}, {len(reg_steps)} statements), {registrant_runs} runs after 2: engine p50 '
      f'{pct(reg_totals, 0.5):.2f} ms, p99 {pct(reg_totals, 0.99):.2f} ms '
      f'(the {len(reg_steps) - 1} account reads {pct(reg_parts.get("accounts", [0]), 0.5):.2f} ms)', flush=True)

# The equality report.
master = generate.master_key(data_dir)
pseudo_key = generate.derive(master, 401, 'eqpseudo')
members = [int(r[0]) for r in fetch(MEMBERS, (NETWORK,)) if r[1] != 'partner']
names = [generate.pseudonym(pseudo_key, u) for u in members]
report_steps = [('members', MEMBERS, (NETWORK,))]
for at in range(0, len(names), SLICE):
    chunk = names[at:at + SLICE]
    report_steps.append(('answers', slice_sql(len(chunk)), tuple(chunk)))
rep_totals, rep_parts = run(report_steps, report_runs, 1)
rep = ours['report']
changed = ours['changed']
afresh = ours.get('afresh') or [float('nan')]
print(f'   the report ({len(members)} members, {len(report_steps) - 1} slices of their pseudonyms), {report_runs} runs '
      f'after 1: engine p50 {pct(rep_totals, 0.5):.1f} ms, p99 {pct(rep_totals, 0.99):.1f} ms (p50 of the members '
      f'{pct(rep_parts["members"], 0.5):.1f} ms, the sealed answers {pct(rep_parts["answers"], 0.5):.1f} ms); '
      f'ours p50 {pct(rep, 0.5):.1f} ms, p99 {pct(rep, 0.99):.1f} ms with its kept counts -> '
      f'{pct(rep, 0.5) / pct(rep_totals, 0.5):.2f}x / {pct(rep, 0.99) / pct(rep_totals, 0.99):.2f}x; after a change '
      f'p50 {pct(changed, 0.5):.1f} ms, p99 {pct(changed, 0.99):.1f} ms -> {pct(changed, 0.5) / pct(rep_totals, 0.5):.1f}x / '
      f'{pct(changed, 0.99) / pct(rep_totals, 0.99):.1f}x; counted afresh p50 {pct(afresh, 0.5):.1f} ms, p99 '
      f'{pct(afresh, 0.99):.1f} ms -> {pct(afresh, 0.5) / pct(rep_totals, 0.5):.1f}x / '
      f'{pct(afresh, 0.99) / pct(rep_totals, 0.99):.1f}x')
print(f'   aims: the spread p99 under 5 ms: {"met" if spread_p99 < 5 else "NOT met"} for its statements '
      f'(p99 {spread_p99:.2f} ms); the whole run page p99 {pct(run_t, 0.99):.2f} ms '
      f'({"under" if pct(run_t, 0.99) < 5 else "over"} 5 ms); the equality report over {len(members)} members under '
      f'1 s: {"met" if pct(rep, 0.99) < 1000 else "NOT met"} with its kept counts (p99 {pct(rep, 0.99):.1f} ms), '
      f'{"met" if pct(changed, 0.99) < 1000 else "NOT met"} after a change of answers (p99 {pct(changed, 0.99):.1f} ms), '
      f'{"met" if pct(afresh, 0.99) < 1000 else "NOT met"} counted afresh (p99 {pct(afresh, 0.99):.1f} ms)')
