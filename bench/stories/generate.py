#!/usr/bin/env python3
"""Synthetic stories for bench/stories: spaces, members, partner organisations, stories in
varied English (mixed readers, some held, some withdrawn), responses and replies, and the
"You said, we did" actions of the first space. Deterministic (seeded).

  generate.py sqlite PATH.db    inserts straight into a migrated Humanspace SQLite database
  generate.py csv DIR           writes one CSV per table, for psql's \\copy (NULL as empty)

Sizes from the environment: STORIES (100000), RESPONSES (300000), ACTIONS (10000)."""
import csv
import os
import random
import sqlite3
import sys

STORIES = int(os.environ.get('STORIES', 100000))
RESPONSES = int(os.environ.get('RESPONSES', 300000))
ACTIONS = int(os.environ.get('ACTIONS', 10000))
USERS = 5000
SPACES = [  # slug, name, share of the stories
    ('bench-housing', 'Northmoor Housing Voices', 0.5),
    ('bench-health', 'Riverside Health Forum', 0.25),
    ('bench-gambling', 'Gambling Harm Lived Experience Panel', 0.15),
    ('bench-carers', 'Unpaid Carers Network', 0.10),
]
NOW = 1_790_000_000
rng = random.Random(13)

W = {
    'place': ['the housing office', 'the job centre', 'A&E', 'the GP surgery', 'the council', 'the hostel', 'the food bank',
              'the pharmacy', 'the benefits office', 'the day centre', 'the mental health team', 'the hospital ward',
              'the citizens advice bureau', 'the police station', 'the bus station', 'the library', 'the court',
              'the recovery café', 'the drop-in', 'the night shelter', 'the bookmakers', 'the school gates'],
    'person': ['a receptionist', 'my caseworker', 'the duty officer', 'a nurse', 'the doctor', 'a support worker',
               'my key worker', 'a housing officer', 'the manager', 'a volunteer', 'the social worker', 'my landlord',
               'a security guard', 'the psychiatrist', 'a peer mentor', 'the advisor', 'a paramedic', 'my probation officer'],
    'feeling': ['invisible', 'scared', 'ashamed', 'angry', 'relieved', 'exhausted', 'hopeful', 'confused', 'humiliated',
                'respected', 'listened to', 'judged', 'welcome', 'lonely', 'overwhelmed', 'grateful', 'powerless', 'safe'],
    'thing': ['my tenancy', 'the rent arrears', 'a benefit sanction', 'my medication', 'the waiting list', 'the paperwork',
              'my debts', 'the eviction notice', 'my appointment', 'the assessment', 'my referral', 'the repairs',
              'the gambling debts', 'my discharge', 'the bidding system', 'my universal credit claim', 'the carers allowance',
              'the interpreter', 'the phone line', 'my care plan', 'the damp and mould', 'the deposit'],
    'time': ['last winter', 'in March', 'for eleven weeks', 'every Monday', 'at night', 'after my operation',
             'when my mum died', 'during lockdown', 'for two years', 'the next morning', 'on my birthday', 'twice',
             'before Christmas', 'while I was pregnant', 'after I lost my job', 'for months'],
    'verb': ['waited', 'phoned', 'queued', 'asked', 'begged', 'argued', 'cried', 'explained', 'wrote', 'complained',
             'struggled', 'listened', 'gave up', 'tried again', 'walked out', 'came back'],
    'outcome': ['nobody rang me back', 'they lost my forms again', 'I was sent somewhere else', 'the door was locked',
                'they said it was not their department', 'I was told to go online', 'someone finally listened',
                'a volunteer sat with me', 'the letter never came', 'I slept in my car', 'my children stayed with my sister',
                'they apologised and fixed it', 'I was treated with respect', 'I felt like a number', 'the debt doubled',
                'my name was spelled wrong on everything', 'I missed the deadline by a day', 'the interpreter did not turn up'],
}
STORY_SENTENCES = [
    'I went to {place} {time} about {thing}.', 'I {verb} at {place} {time}, and {outcome}.',
    '{person_c} told me to come back {time}.', 'I felt {feeling} when {person} looked at {thing}.',
    'Nobody explained {thing} in words I could understand.', 'In the end {outcome}.',
    'What I needed was someone to listen, not another form.', 'I {verb} {time} and still {outcome}.',
    'It was {person} who made the difference: I felt {feeling} for the first time.',
    'They kept asking for proof of {thing} that I had already given.', 'I want others to know that {outcome}.',
    'My experience of {place} left me feeling {feeling}.', '{time_c}, {thing} was the only thing on my mind.',
    'I was not respected, and I was not believed.', 'If {person} had asked how I was, it would have changed everything.',
    'I have lived experience of homelessness and of gambling harm, and {place} did not see either.',
    'The waiting was the worst part: I {verb} {time}.', 'Please treat people like people at {place}.',
    'I still do not know who decided about {thing}.', 'Thank you to {person} at {place}, who treated me with respect.',
]
RESPONSE_SENTENCES = [
    'Thank you for telling us about {thing}.', 'We are sorry that you felt {feeling} at {place}.',
    'We have shared your story with the team at {place}.', 'A caseworker will contact you about {thing} this week.',
    'We have changed how we handle {thing} because of stories like yours.', 'Please get in touch with {person} directly.',
    'We are reviewing how {place} answers the phone line.', 'You should never have been told to go online.',
    'We will look into {thing} and reply here within a month.', 'Your words will be used in our staff training.',
]
REPLY_SENTENCES = ['Thank you for answering.', 'I am still waiting to hear about {thing}.', 'That helped a lot.',
                   'Nobody has contacted me yet.', 'I appreciate being listened to.', 'The phone line is still the same.']
TITLES = ['{thing_c}', 'At {place}', 'Waiting {time}', 'Feeling {feeling}', 'What happened with {thing}',
          '{person_c} and me', 'Why I gave up on {place}', 'The day {outcome}']
TOPICS = ['housing', 'health', 'money', 'benefits', 'mental health', 'gambling', 'debt', 'waiting', 'respect',
          'communication', 'children', 'carers', 'discharge', 'hostels', 'food', 'transport', 'language', 'disability']
ORGS = ['Council Housing Options', 'Health Board', 'Jobcentre Plus', 'Citizens Advice', 'GamCare Partners',
        'Mental Health Trust']


def fill(template):
    out = template
    for key, words in W.items():
        while '{' + key + '}' in out:
            out = out.replace('{' + key + '}', rng.choice(words), 1)
        while '{' + key + '_c}' in out:
            w = rng.choice(words)
            out = out.replace('{' + key + '_c}', w[0].upper() + w[1:], 1)
    return out


def text(sentences, lo, hi):
    return ' '.join(fill(rng.choice(sentences)) for _ in range(rng.randint(lo, hi)))


def rows():
    """Yields (table, columns, row) in an order that keeps the foreign keys."""
    for u in range(1, USERS + 1):
        yield 'users', ('id', 'display_name', 'site_role', 'created_at'), (u, f'Bench Person {u}', 'member', NOW - 10**7)
    members = {}
    partners = {}
    orgs = {}
    org_id = 0
    for s, (slug, name, _) in enumerate(SPACES, start=1):
        yield 'spaces', ('id', 'slug', 'name', 'kind', 'purpose', 'visibility', 'code_of_conduct', 'created_at',
                         'updated_at'), (s, slug, name, 'forum', 'A benchmark space.', 'listed', 'Be kind.', NOW, NOW)
        # Every fourth person is in each space; the first 20 of them are partners, the next 5 facilitators.
        people = list(range(s, USERS + 1, len(SPACES)))
        members[s] = people[25:]
        partners[s] = people[:20]
        orgs[s] = []
        for o in ORGS:
            org_id += 1
            orgs[s].append(org_id)
            yield 'story_organisations', ('id', 'space_id', 'name', 'created_at'), (org_id, s, f'Bench {o}', NOW)
        for i, u in enumerate(people):
            role = 'partner' if i < 20 else 'facilitator' if i < 25 else 'member'
            yield 'memberships', ('space_id', 'user_id', 'role', 'code_accepted_at', 'joined_at'), (s, u, role, NOW, NOW)
            if role == 'partner':
                yield 'story_partners', ('space_id', 'user_id', 'organisation_id', 'created_at'), (s, u, orgs[s][i % len(ORGS)], NOW)
    weights = [w for _, _, w in SPACES]
    story_space = {}
    live = []  # (story id, space) of stories not withdrawn
    for sid in range(1, STORIES + 1):
        s = rng.choices(range(1, len(SPACES) + 1), weights)[0]
        story_space[sid] = s
        r = rng.random()
        status = 'withdrawn' if r < 0.03 else 'held' if r < 0.05 else 'published'
        audience = rng.choices(['members', 'partners', 'anyone'], [4, 4, 2])[0]
        shown_as = rng.choice(['name', 'pseudonym', 'anonymous'])
        created = NOW - (STORIES - sid) * 300
        yield 'stories', ('id', 'space_id', 'author_id', 'status', 'audience', 'shown_as', 'pseudonym', 'hold_reason',
                          'held_at', 'consent_version', 'consent_sha256', 'consented_at', 'created_at', 'updated_at',
                          'withdrawn_at'), (
            sid, s, rng.choice(members[s]), status, audience, shown_as, 'A walker' if shown_as == 'pseudonym' else None,
            'It names a member of staff.' if status == 'held' else None, created if status == 'held' else None, 0,
            '0' * 64, created, created, created, created if status == 'withdrawn' else None)
        versions = 2 if rng.random() < 0.05 else 1
        for n in range(1, versions + 1):
            yield 'story_versions', ('story_id', 'number', 'title', 'body', 'content_note', 'created_at'), (
                sid, n, fill(rng.choice(TITLES))[:150], text(STORY_SENTENCES, 4, 14),
                'Mentions self-harm.' if rng.random() < 0.05 else None, created + n)
        for t in rng.sample(TOPICS, rng.randint(1, 3)):
            yield 'story_topics', ('story_id', 'topic'), (sid, t)
        for o in rng.sample(orgs[s], rng.randint(0, 2)):
            yield 'story_about', ('story_id', 'organisation_id'), (sid, o)
        if status != 'withdrawn':
            live.append((sid, s))
    for rid in range(1, RESPONSES + 1):
        sid, s = rng.choice(live)
        reply = rng.random() < 0.2
        at = NOW - rng.randint(0, 10**6)
        if reply:
            yield 'story_responses', ('id', 'story_id', 'kind', 'author_id', 'organisation_id', 'created_at', 'updated_at'), (
                rid, sid, 'reply', None, None, at, at)
        else:
            p = rng.randrange(20)
            yield 'story_responses', ('id', 'story_id', 'kind', 'author_id', 'organisation_id', 'created_at', 'updated_at'), (
                rid, sid, 'response', partners[s][p], orgs[s][p % len(ORGS)], at, at)
        yield 'story_response_versions', ('response_id', 'number', 'body', 'created_at'), (
            rid, 1, text(REPLY_SENTENCES if reply else RESPONSE_SENTENCES, 1 if reply else 2, 3 if reply else 6), at)
    # "You said, we did" for the first space: ACTIONS actions from its stories, 1-3 updates each.
    first = [sid for sid, s in live if s == 1]
    update_id = 0
    statuses = ['raised', 'looking_at', 'planned', 'made', 'not_changing']
    for aid in range(1, ACTIONS + 1):
        status = rng.choice(statuses)
        at = NOW - rng.randint(0, 10**6)
        yield 'actions', ('id', 'space_id', 'source_kind', 'story_id', 'decision_id', 'organisation_id', 'title', 'details',
                          'status', 'due_on', 'raised_by', 'created_at', 'updated_at'), (
            aid, 1, 'story', rng.choice(first), None, rng.choice(orgs[1]), fill('Look again at {thing}')[:120],
            text(RESPONSE_SENTENCES, 1, 3), status, None, partners[1][0], at, at)
        for k in range(rng.randint(1, 3)):
            update_id += 1
            yield 'action_updates', ('id', 'action_id', 'status', 'text', 'link', 'by_user', 'created_at'), (
                update_id, aid, status if k else 'raised', fill('We looked at {thing}.'), None, partners[1][0], at + k)
    yield 'action_settings', ('space_id', 'page_public', 'updated_at'), (1, 1, NOW)


def to_sqlite(path):
    db = sqlite3.connect(path)
    db.execute('PRAGMA foreign_keys = OFF')
    batch, key = [], None
    def flush():
        if batch:
            table, cols = key
            db.executemany(f'INSERT INTO {table} ({", ".join(cols)}) VALUES ({", ".join("?" * len(cols))})', batch)
            batch.clear()
    for table, cols, row in rows():
        if (table, cols) != key:
            flush()
            key = (table, cols)
        batch.append(row)
        if len(batch) >= 5000:
            flush()
    flush()
    db.commit()
    db.close()


def to_csv(folder):
    os.makedirs(folder, exist_ok=True)
    files, order = {}, []
    for table, cols, row in rows():
        if table not in files:
            f = open(os.path.join(folder, f'{table}.csv'), 'w', newline='')
            files[table] = (f, csv.writer(f), cols)
            order.append(table)
        files[table][1].writerow(['' if v is None else v for v in row])
    with open(os.path.join(folder, 'load.sql'), 'w') as load:
        for table in order:
            f, _, cols = files[table]
            f.close()
            load.write(f"\\copy {table} ({', '.join(cols)}) FROM '{os.path.join(folder, table + '.csv')}' WITH (FORMAT csv)\n")
        for table in ['users', 'spaces', 'story_organisations', 'stories', 'story_responses', 'actions', 'action_updates']:
            load.write(f"SELECT setval(pg_get_serial_sequence('{table}', 'id'), (SELECT MAX(id) FROM {table}));\n")


if __name__ == '__main__':
    {'sqlite': to_sqlite, 'csv': to_csv}[sys.argv[1]](sys.argv[2])
