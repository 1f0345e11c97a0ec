#!/usr/bin/env python3
"""Synthetic involvement for bench/involvement: one space of MEMBERS members (the treasurer,
user 1, is made beforehand with `humanspace user add`), a rate card whose rates rose on
16 December 2025, opportunities over two years with who was chosen and who took part, and
CLAIMS claims for time and expenses (0-3 lines each) in a realistic mix: most paid in
batches of a few hundred, one batch of BATCH claims waiting to be paid (batched), then the
newest approved, queried and submitted (about 5 %), with refused and withdrawn ones
throughout. Each member has one payment choice (bank, voucher, decline, charity) and one
payee reference ('P-' and eight letters). No bank details (they are sealed with a key the
server derives; the CSV export does not read them). Deterministic (seeded).

  generate.py sqlite PATH.db EXPECT.json   inserts straight into a migrated Humanspace SQLite database
  generate.py csv DIR EXPECT.json          writes one CSV per table (NULL as \\N) and DIR/load.sql, for psql's \\copy

EXPECT.json gets what the export of the big batch must show (its id, claims, total in pence,
CSV lines) and the state counts. Sizes from the environment: MEMBERS (2000), CLAIMS (50000),
BATCH (5000, at most a tenth of CLAIMS)."""
import csv
import datetime
import json
import os
import random
import sqlite3
import sys

MEMBERS = int(os.environ.get('MEMBERS', 2000))
CLAIMS = int(os.environ.get('CLAIMS', 50000))
BATCH = min(int(os.environ.get('BATCH', 5000)), CLAIMS // 10)
SPACE = 1
SLUG = 'bench-involvement'
TREASURER = 1  # made by `humanspace user add` before this runs
NOW = 1_790_000_000  # 2026-09-21
FIRST_DAY = datetime.date(2024, 9, 1)
LAST_DAY = datetime.date(2026, 9, 14)
PER_OPPORTUNITY = 40  # claims (people who took part) an opportunity
RISE = '2025-12-16'  # NIHR raised its rates by 10 % from this day
RATES = {  # kind: (unit, pence before, pence from RISE)
    'meeting': ('hourly', 2500, 2750),
    'event': ('hourly', 2500, 2750),
    'document_review': ('hourly', 2000, 2200),
    'piece_of_work': ('fixed', 15000, 16500),
}
MINUTES = {'meeting': [60, 90, 120], 'event': [120, 180, 240, 360], 'document_review': [60, 120, 180],
           'piece_of_work': [240, 480]}
EXPENSES = [  # category, description, pence range
    ('travel', 'Bus fare', (180, 650)), ('travel', 'Train ticket', (850, 4200)), ('travel', 'Taxi', (900, 2800)),
    ('travel', 'Mileage', (450, 3600)), ('care', 'Care cover for my son', (3000, 9000)),
    ('care', 'Childminder', (2500, 7500)), ('subsistence', 'Lunch', (450, 1200)),
    ('data', 'Phone data for the online meeting', (500, 1500)), ('other', 'Printing', (120, 800)),
]
TITLES = {'meeting': ['Steering group', 'Lived experience panel', 'Service design meeting', 'Budget review meeting'],
          'event': ['Community listening day', 'Co-design workshop', 'Conference panel', 'Training day'],
          'document_review': ['Review the patient leaflet', 'Review the research protocol', 'Review the strategy'],
          'piece_of_work': ['Write a lived experience case study', 'Co-deliver staff training', 'Interview panel']}
CHARITIES = ['Shelter', 'Mind', 'GamCare', 'Carers Trust', 'The Trussell Trust', 'Crisis']
ALPHABET = 'ABCDEFGHJKLMNPQRSTUVWXYZ23456789'
rng = random.Random(14)


def day_at(fraction):
    return FIRST_DAY + datetime.timedelta(days=int(fraction * (LAST_DAY - FIRST_DAY).days))


def unix(day, hour=12):
    return int(datetime.datetime(day.year, day.month, day.day, hour, tzinfo=datetime.timezone.utc).timestamp())


def rows(expect):
    """Yields (table, columns, row) in an order that keeps the foreign keys."""
    members = list(range(2, MEMBERS + 1))  # with the treasurer, MEMBERS people in the space
    for u in members:
        yield 'users', ('id', 'display_name', 'site_role', 'created_at'), (u, f'Bench Person {u}', 'member', NOW - 10**8)
    yield 'spaces', ('id', 'slug', 'name', 'kind', 'purpose', 'visibility', 'code_of_conduct', 'created_at',
                     'updated_at'), (SPACE, SLUG, 'Northmoor Involvement Network', 'network', 'A benchmark space.',
                                     'listed', 'Be kind.', NOW - 10**8, NOW - 10**8)
    facilitators = members[:10]
    yield 'memberships', ('space_id', 'user_id', 'role', 'code_accepted_at', 'joined_at'), (
        SPACE, TREASURER, 'treasurer', NOW - 10**8, NOW - 10**8)
    for i, u in enumerate(members):
        role = 'steward' if i == 0 else 'facilitator' if i < 10 else 'member'
        yield 'memberships', ('space_id', 'user_id', 'role', 'code_accepted_at', 'joined_at'), (
            SPACE, u, role, NOW - 10**8, NOW - 10**8)
    yield 'involvement_settings', ('space_id', 'bank_keep_days', 'updated_at'), (SPACE, 365, NOW - 10**8)
    rate_id = 0
    for kind, (unit, before, after) in RATES.items():
        for pence, from_day in ((before, '2024-01-01'), (after, RISE)):
            rate_id += 1
            yield 'involvement_rates', ('id', 'space_id', 'kind', 'unit', 'pence', 'from_day', 'created_at'), (
                rate_id, SPACE, kind, unit, pence, from_day, NOW - 10**8)
    # Each member's payment choice and payee reference (the product derives it with an HMAC;
    # here it is random but as unique and shaped the same).
    method, charity, payee, seen = {}, {}, {}, set()
    for u in members:
        method[u] = rng.choices(['bank', 'voucher', 'decline', 'charity'], [55, 25, 12, 8])[0]
        charity[u] = rng.choice(CHARITIES) if method[u] == 'charity' else None
        while True:
            ref = 'P-' + ''.join(rng.choice(ALPHABET) for _ in range(8))
            if ref not in seen:
                break
        seen.add(ref)
        payee[u] = ref
        yield 'involvement_choices', ('space_id', 'user_id', 'method', 'charity', 'guidance_at', 'updated_at'), (
            SPACE, u, method[u], charity[u], NOW - 10**8, NOW - 10**8)

    # Opportunities in day order, PER_OPPORTUNITY people chosen for each, who took part and claimed.
    opportunities = (CLAIMS + PER_OPPORTUNITY - 1) // PER_OPPORTUNITY
    claims = []  # dicts in id order (by day)
    participation_id = 0
    for o in range(1, opportunities + 1):
        kind = rng.choices(list(RATES), [5, 2, 2, 1])[0]
        day = day_at((o - 1) / opportunities)
        minutes = rng.choice(MINUTES[kind])
        created = unix(day - datetime.timedelta(days=30))
        yield 'involvement_opportunities', (
            'id', 'space_id', 'title', 'description', 'kind', 'day', 'starts', 'minutes', 'how', 'place', 'places',
            'expenses', 'support', 'support_other', 'event_id', 'status', 'created_by', 'created_at'), (
            o, SPACE, rng.choice(TITLES[kind]), 'Paid involvement: your time at the rate card, and your expenses.',
            kind, day.isoformat(), '10:00', minutes, rng.choice(['in_person', 'online', 'either']),
            'Northmoor Community Centre', PER_OPPORTUNITY, 'travel care subsistence data', 'bsl quiet_room', '', None,
            'closed' if day < LAST_DAY - datetime.timedelta(days=20) else 'open', rng.choice(facilitators), created)
        people = rng.sample(members, min(PER_OPPORTUNITY, len(members), CLAIMS - len(claims)))
        unit, before, after = RATES[kind]
        rate = after if day.isoformat() >= RISE else before
        for u in people:
            yield 'involvement_interest', ('opportunity_id', 'user_id', 'note', 'status', 'reason', 'decided_at',
                                           'created_at'), (
                o, u, '', 'chosen', 'Chosen for their experience of the service.', created + 86400, created + 3600)
            advance = rng.random() < 0.02  # expenses asked for before the day, no time
            pid = None
            if not advance:
                participation_id += 1
                pid = participation_id
                yield 'involvement_participation', ('id', 'space_id', 'user_id', 'opportunity_id', 'kind', 'day',
                                                    'minutes', 'what', 'source', 'confirmed_by', 'created_at'), (
                    pid, SPACE, u, o, kind, day.isoformat(), minutes, 'Took part', 'opportunity',
                    rng.choice(facilitators), unix(day, 18))
            lines = [] if advance else [rng.choice(EXPENSES) for _ in range(rng.choices([0, 1, 2, 3], [35, 35, 20, 10])[0])]
            if advance:
                lines = [rng.choice(EXPENSES[:4])]
            expenses = [(cat, desc, rng.randint(*span)) for cat, desc, span in lines]
            time_pence = 0 if advance or method[u] == 'decline' else rate if unit == 'fixed' else (rate * minutes + 30) // 60
            exp_pence = sum(p for _, _, p in expenses)
            claims.append({
                'user': u, 'pid': pid, 'opportunity': o, 'advance': 1 if advance else 0, 'kind': kind,
                'day': day, 'minutes': 0 if advance else minutes, 'unit': unit, 'rate': 0 if advance else rate,
                'time': time_pence, 'exp': exp_pence, 'total': time_pence + exp_pence, 'expenses': expenses,
                'submitted': unix(day + datetime.timedelta(days=rng.randint(0, 6)), rng.randint(8, 22))})
    claims.sort(key=lambda k: (k['submitted'], k['user']))

    # States: refused and withdrawn anywhere (about 2 % each); of the rest, newest first:
    # submitted (5 % of all) with queried among them (1 %), approved (1 %), the big batch
    # (BATCH, batched, not paid yet), and everything older paid in batches of 200-600.
    for k in claims:
        r = rng.random()
        k['state'] = 'refused' if r < 0.02 else 'withdrawn' if r < 0.04 else None
    live = [k for k in claims if k['state'] is None]
    submitted, queried, approved = int(CLAIMS * 0.05), int(CLAIMS * 0.01), int(CLAIMS * 0.01)
    newest = live[len(live) - submitted - queried:]
    for k in rng.sample(newest, queried):
        k['state'] = 'queried'
    for k in newest:
        k['state'] = k['state'] or 'submitted'
    rest = live[:len(live) - submitted - queried]
    for k in rest[len(rest) - approved:]:
        k['state'] = 'approved'
    rest = rest[:len(rest) - approved]
    big = rest[len(rest) - BATCH:]
    older = rest[:len(rest) - BATCH]
    batches = []  # (claims, paid)
    i = 0
    while i < len(older):
        n = rng.randint(200, 600)
        batches.append((older[i:i + n], True))
        i += n
    batches.append((big, False))
    for b, (members_of, paid) in enumerate(batches, start=1):
        made = max(k['submitted'] for k in members_of) + 3 * 86400
        paid_day = datetime.datetime.fromtimestamp(made + 7 * 86400, datetime.timezone.utc).date().isoformat()
        for k in members_of:
            k['state'] = 'paid' if paid else 'batched'
            k['batch'] = b
            k['decided'] = made - 86400
            k['paid_day'] = paid_day if paid else None
            k['updated'] = made + 7 * 86400 if paid else made
        yield 'involvement_batches', ('id', 'space_id', 'claim_count', 'total_pence', 'created_by', 'created_at',
                                      'paid_day', 'paid_at'), (
            b, SPACE, len(members_of), sum(k['total'] for k in members_of), TREASURER, made,
            paid_day if paid else None, made + 7 * 86400 if paid else None)
    big_id = len(batches)
    groups = {}
    for k in big:
        key = (payee[k['user']], method[k['user']], charity[k['user']] or '')
        groups[key] = groups.get(key, 0) + k['total']
    expect.update({'slug': SLUG, 'batch': big_id, 'claims': len(big), 'total_pence': sum(k['total'] for k in big),
                   'csv_lines': sum(1 for p in groups.values() if p > 0), 'payees': len({k['user'] for k in big}),
                   'members': MEMBERS, 'claims_all': CLAIMS, 'batches': len(batches), 'counts': {}})
    for k in claims:
        expect['counts'][k['state']] = expect['counts'].get(k['state'], 0) + 1

    expense_id = 0
    for cid, k in enumerate(claims, start=1):
        u, st = k['user'], k['state']
        decided = k.get('decided')
        if st in ('approved', 'refused', 'queried'):
            decided = k['submitted'] + rng.randint(1, 5) * 86400
        yield 'involvement_claims', (
            'id', 'space_id', 'user_id', 'payee_ref', 'participation_id', 'opportunity_id', 'advance', 'kind', 'day',
            'minutes', 'unit', 'rate_pence', 'time_pence', 'expenses_pence', 'total_pence', 'method', 'charity', 'state',
            'question', 'answer', 'reason', 'decided_by', 'batch_id', 'submitted_at', 'decided_at', 'paid_day',
            'created_at', 'updated_at'), (
            cid, SPACE, u, payee[u], k['pid'], k['opportunity'], k['advance'], k['kind'], k['day'].isoformat(),
            k['minutes'], k['unit'], k['rate'], k['time'], k['exp'], k['total'], method[u], charity[u], st,
            'Could you send the receipt for the train?' if st == 'queried' else None, None,
            'This was claimed twice.' if st == 'refused' else None,
            TREASURER if st in ('approved', 'refused', 'queried', 'batched', 'paid') else None, k.get('batch'),
            k['submitted'], decided if st in ('approved', 'refused', 'queried', 'batched', 'paid') else None,
            k.get('paid_day'), k['submitted'] - 600, k.get('updated', decided or k['submitted']))
        for cat, desc, pence in k['expenses']:
            expense_id += 1
            yield 'involvement_expenses', ('id', 'claim_id', 'category', 'description', 'pence'), (
                expense_id, cid, cat, desc, pence)


def to_sqlite(path, expect):
    db = sqlite3.connect(path)
    db.execute('PRAGMA foreign_keys = OFF')
    buffers = {}  # (table, columns): rows, flushed 5,000 at a time
    def flush(key):
        table, cols = key
        db.executemany(f'INSERT INTO {table} ({", ".join(cols)}) VALUES ({", ".join("?" * len(cols))})', buffers[key])
        buffers[key].clear()
    for table, cols, row in rows(expect):
        buffers.setdefault((table, cols), []).append(row)
        if len(buffers[(table, cols)]) >= 5000:
            flush((table, cols))
    for key in buffers:
        flush(key)
    db.commit()
    db.close()


def to_csv(folder, expect):
    os.makedirs(folder, exist_ok=True)
    files, order = {}, []
    for table, cols, row in rows(expect):
        if table not in files:
            f = open(os.path.join(folder, f'{table}.csv'), 'w', newline='')
            files[table] = (f, csv.writer(f), cols)
            order.append(table)
        files[table][1].writerow(['\\N' if v is None else v for v in row])  # '' is an empty text
    with open(os.path.join(folder, 'load.sql'), 'w') as load:
        for table in order:
            f, _, cols = files[table]
            f.close()
            load.write(f"\\copy {table} ({', '.join(cols)}) FROM '{os.path.join(folder, table + '.csv')}' WITH (FORMAT csv, NULL '\\N')\n")
        for table in ['users', 'spaces', 'involvement_rates', 'involvement_opportunities', 'involvement_participation',
                      'involvement_batches', 'involvement_claims', 'involvement_expenses']:
            load.write(f"SELECT setval(pg_get_serial_sequence('{table}', 'id'), (SELECT MAX(id) FROM {table}));\n")


if __name__ == '__main__':
    expect = {}
    {'sqlite': to_sqlite, 'csv': to_csv}[sys.argv[1]](sys.argv[2], expect)
    with open(sys.argv[3], 'w') as f:
        json.dump(expect, f)
