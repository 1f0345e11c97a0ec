#!/usr/bin/env python3
"""Synthetic conversations for bench/conversations: one space with MEMBERS members,
CONVERSATIONS conversations and REPLIES replies in varied English (3 % anonymous; 1 % each
hidden, waiting for a facilitator and removed by its author), the newest conversation with
BIG replies (the page timed); each member's choice of a daily digest, and DIGEST_ITEMS
notifications waiting for each of them since two days ago. Deterministic (seeded).

User 1 is made by the operator (`humanspace user add`) before this runs: a member here.

  generate.py sqlite PATH.db    inserts straight into a migrated Humanspace SQLite database
  generate.py csv DIR           one CSV per table (NULL as \\N) and DIR/load.sql for psql's \\copy

Sizes from the environment: MEMBERS (5000), CONVERSATIONS (20000), REPLIES (500000), BIG
(1000), DIGEST_ITEMS (5)."""
import csv
import os
import random
import sqlite3
import sys
import time

MEMBERS = int(os.environ.get('MEMBERS', 5000))
CONVERSATIONS = int(os.environ.get('CONVERSATIONS', 20000))
REPLIES = int(os.environ.get('REPLIES', 500000))
BIG = int(os.environ.get('BIG', 1000))
DIGEST_ITEMS = int(os.environ.get('DIGEST_ITEMS', 5))
SPACE, SLUG = 1, 'bench-practice'
# Two days ago: the digests are due when the benchmark runs.
NOW = int(time.time()) - 2 * 24 * 3600
rng = random.Random(17)

W = {
    'thing': ['the housing forum', 'peer support', 'the first meeting', 'my benefits', 'the bus fare', 'a buddy',
              'the council papers', 'the recovery cafe', 'my tenancy', 'the food bank', 'the helpline', 'the waiting list',
              'the payment for my time', 'the jargon', 'the committee', 'my key worker', 'the drop-in', 'the gambling block',
              'the expenses form', 'the training day', 'the GP surgery', 'the advice line', 'a quiet room', 'the minutes'],
    'feeling': ['nervous', 'welcome', 'listened to', 'tired', 'hopeful', 'confused', 'proud', 'anxious', 'respected',
                'overwhelmed', 'relieved', 'angry', 'lonely', 'safe', 'included', 'ignored'],
    'time': ['last week', 'on Tuesday', 'every month', 'before the forum', 'after the meeting', 'in the evenings',
             'at the weekend', 'for a year', 'this morning', 'since the spring'],
    'verb': ['helped', 'worked', 'struggled', 'learned', 'asked', 'waited', 'talked', 'walked', 'wrote', 'listened',
             'volunteered', 'phoned', 'explained', 'noticed', 'changed'],
}
SENTENCES = [
    'I felt {feeling} at {thing} {time}.', 'What {verb} me most was {thing}.', 'Has anyone {verb} with {thing}?',
    'We {verb} together {time}, and it made a difference.', 'I am still {feeling} about {thing}.',
    'Thank you for sharing this about {thing}.', 'The hardest part was {thing}, {time}.',
    'Could we talk about {thing} {time}?', 'I {verb} a lot from {thing}.', 'Someone {verb} me through {thing}.',
    'It helps to know others feel {feeling} too.', 'Next time I will ask about {thing} first.',
]
LIST_ITEMS = ['writing two points on a card', 'arriving ten minutes early', 'sitting near the door',
              'asking what a word means', 'bringing a friend', 'taking a break when I need one']
TITLES = ['What helped with {thing}', 'Feeling {feeling} about {thing}', 'A question about {thing}',
          'An idea for {thing}', 'Learning from {thing}', '{thing_c} {time}']
KINDS = ['learning', 'challenge', 'idea', 'question']


def fill(t):
    out = t
    for k, v in W.items():
        while '{' + k + '}' in out:
            out = out.replace('{' + k + '}', rng.choice(v), 1)
    if '{thing_c}' in out:
        out = out.replace('{thing_c}', rng.choice(W['thing']).capitalize())
    return out


def body():
    s = ' '.join(fill(rng.choice(SENTENCES)) for _ in range(rng.randint(2, 6)))
    if rng.random() < 0.15:
        s += '\n\n' + '\n'.join('- ' + i for i in rng.sample(LIST_ITEMS, 3))
    return s


def state_of():
    r = rng.random()
    if r < 0.01:
        return 'hidden', 0
    if r < 0.02:
        return 'pending', 1
    if r < 0.03:
        return 'removed', 0
    return 'visible', 1 if rng.random() < 0.03 else 0


def rows(expect):
    users = list(range(2, MEMBERS + 1))
    for u in users:
        yield 'users', ('id', 'display_name', 'site_role', 'created_at'), (u, f'Bench Person {u}', 'member', NOW - 10**8)
    yield 'spaces', ('id', 'slug', 'name', 'kind', 'purpose', 'visibility', 'code_of_conduct', 'created_at',
                     'updated_at'), (SPACE, SLUG, 'Northmoor Community of Practice', 'practice', 'A benchmark space.',
                                     'listed', 'Be kind.', NOW - 10**8, NOW - 10**8)
    member_cols = ('space_id', 'user_id', 'role', 'code_accepted_at', 'joined_at')
    yield 'memberships', member_cols, (SPACE, 1, 'member', NOW - 10**8, NOW - 10**8)
    for u in users:
        role = 'facilitator' if u <= 11 else 'member'
        yield 'memberships', member_cols, (SPACE, u, role, NOW - 10**8, NOW - 10**8)
    # Replies spread over the conversations; the newest holds BIG of them.
    small = CONVERSATIONS - 1
    per = [0] * CONVERSATIONS
    rest = max(0, REPLIES - BIG)
    for i in range(rest):
        per[rng.randrange(small)] += 1
    per[-1] = min(BIG, REPLIES)
    post_cols = ('id', 'conversation_id', 'space_id', 'author_id', 'opening', 'anonymous', 'state', 'quote_of', 'body',
                 'content_note', 'version', 'hide_reason', 'created_at', 'updated_at')
    conv_cols = ('id', 'space_id', 'kind', 'title', 'created_at', 'last_post_at')
    pid = 0
    span = 365 * 24 * 3600
    big_posts = []
    visible_posts = []
    for c in range(1, CONVERSATIONS + 1):
        start = NOW - span + (span * c) // (CONVERSATIONS + 1)
        n = per[c - 1]
        last = start + n * 600
        yield 'conversations', conv_cols, (c, SPACE, rng.choice(KINDS), fill(rng.choice(TITLES)), start, last)
        for j in range(n + 1):
            pid += 1
            opening = 1 if j == 0 else 0
            state, anon = ('visible', 0) if opening else state_of()
            text = '' if state == 'removed' else body()
            note = 'mentions money worries' if rng.random() < 0.02 else None
            hide = 'It named someone.' if state == 'hidden' else None
            at = start + j * 600
            yield 'conversation_posts', post_cols, (pid, c, SPACE, rng.choice(users) if j else rng.choice(users), opening,
                                                    anon, state, None, text, note, 1, hide, at, at)
            if state == 'visible':
                visible_posts.append((pid, c))
            if c == CONVERSATIONS:
                big_posts.append(pid)
    # Every member chose a daily digest; what waits for each of them, from two days ago.
    for u in [1] + users:
        yield 'conversation_choices', ('user_id', 'space_id', 'level', 'email', 'updated_at'), (
            u, SPACE, 'normal', 'daily', NOW - 10**6)
    nid = 0
    for u in [1] + users:
        for _ in range(DIGEST_ITEMS):
            nid += 1
            p, c = rng.choice(visible_posts[-20000:])
            yield 'conversation_notifications', ('id', 'user_id', 'space_id', 'conversation_id', 'post_id', 'reason',
                                                 'email', 'created_at', 'read_at', 'emailed_at'), (
                nid, u, SPACE, c, p, rng.choice(['reply', 'new_conversation', 'mention']), 'daily', NOW, None, None)
    expect.update(space=SLUG, big=CONVERSATIONS, big_replies=per[-1], posts=pid, notifications=nid,
                  members=MEMBERS)


def to_sqlite(path):
    expect = {}
    db = sqlite3.connect(path)
    db.execute('PRAGMA foreign_keys = OFF')
    db.execute('PRAGMA journal_mode = WAL')
    db.execute('PRAGMA synchronous = OFF')
    buffers = {}

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
    return expect


def to_csv(folder):
    expect = {}
    os.makedirs(folder, exist_ok=True)
    files, order = {}, []
    for table, cols, row in rows(expect):
        if table not in files:
            f = open(os.path.join(folder, f'{table}.csv'), 'w', newline='')
            files[table] = (f, csv.writer(f), cols)
            order.append(table)
        files[table][1].writerow(['\\N' if v is None else v for v in row])
    with open(os.path.join(folder, 'load.sql'), 'w') as load:
        for table in order:
            f, _, cols = files[table]
            f.close()
            load.write(f"\\copy {table} ({', '.join(cols)}) FROM '{os.path.join(folder, table + '.csv')}' "
                       "WITH (FORMAT csv, NULL '\\N')\n")
        for table in ['users', 'spaces', 'conversations', 'conversation_posts', 'conversation_notifications']:
            load.write(f"SELECT setval(pg_get_serial_sequence('{table}', 'id'), (SELECT MAX(id) FROM {table}));\n")
    return expect


if __name__ == '__main__':
    import json
    out = {'sqlite': to_sqlite, 'csv': to_csv}[sys.argv[1]](sys.argv[2])
    with open(sys.argv[3], 'w') as f:
        json.dump(out, f)
