#!/usr/bin/env python3
"""Synthetic data for bench/equity (issue 15). The facilitator, user 1, is made beforehand
with `humanspace user add`; this adds:
 - users 2..MEMBERS, all members of the space 'bench-equity-network' (the facilitator is
   its steward), about 70 % of whom have answered the equality questions: their answers
   are stored as the server stores them, under the pseudonym HMAC-SHA256(derive(master,
   401, "eqpseudo"), str(user id)) in hex and sealed with XSalsa20-Poly1305 (libsodium's
   secretbox, key derive(master, 402, "eqsealed"), base64url without padding of
   nonce||box), derive being crypto_kdf_derive_from_key, from the master key of the
   data directory (DATA_DIR/secret.key, or HUMANSPACE_SECRET_KEY when set, as the server
   reads it). libsodium is called through ctypes (the same libsodium23 the server uses).
 - the space 'bench-equity-forum' (the facilitator is a facilitator there) and its event
   of PEOPLE participants (60 % members of the forum, registered beforehand, the rest
   guests by join code with a nickname; 5 % stepped out) and CONTRIBUTIONS contributions
   in a realistic skew: 20 % say nothing, the rest a log-normal share, so a few are very
   active and many are quiet. A contribution is a word in one of 6 word clouds (at most
   5 each), an answer to one of 8 polls (one a poll as the spread counts them; a fifth
   of the answers to the multiple-choice polls choose two options) or a question in one
   of 3 Q&As (the rest). The agenda has 19 parts (with 2 talks); the current one is an
   open poll.
Deterministic (seeded), except the nonces of the sealed answers.

  generate.py sqlite PATH.db DATA_DIR EXPECT.json   inserts straight into a migrated SQLite database
  generate.py csv DIR DATA_DIR EXPECT.json          one CSV per table (NULL as \\N) and DIR/load.sql for psql's \\copy

EXPECT.json gets what the run page's spread and the equality report must show. Sizes from
the environment: PEOPLE (2000), CONTRIBUTIONS (20000), MEMBERS (100000)."""
import base64
import csv
import ctypes
import ctypes.util
import hashlib
import hmac
import json
import math
import os
import random
import sqlite3
import sys

PEOPLE = int(os.environ.get('PEOPLE', 2000))
CONTRIBUTIONS = int(os.environ.get('CONTRIBUTIONS', 20000))
MEMBERS = max(int(os.environ.get('MEMBERS', 100000)), int(PEOPLE * 0.6) + 1)
FACILITATOR = 1
FORUM, NETWORK = 1, 2
FORUM_SLUG, NETWORK_SLUG = 'bench-equity-forum', 'bench-equity-network'
EVENT = 1
NOW = 1_790_000_000
ANSWERED = 0.70  # share of the network's members who answered
rng = random.Random(15)

# The questions as src/modules/equity/rules/questions.cpp lists them, with invented weights
# (each option common enough that its count is never under 5 at full size).
QUESTIONS = [
    ('age', ['16_24', '25_34', '35_44', '45_54', '55_64', '65_74', '75_plus', 'prefer_not'], False,
     [8, 16, 18, 19, 18, 12, 6, 3]),
    ('sex', ['female', 'male', 'prefer_not'], False, [52, 45, 3]),
    ('gender', ['woman', 'man', 'non_binary', 'other', 'prefer_not'], False, [50, 44, 2, 1, 3]),
    ('trans', ['no', 'yes', 'prefer_not'], False, [94, 2, 4]),
    ('orientation', ['straight', 'gay_lesbian', 'bisexual', 'other', 'prefer_not'], False, [84, 4, 4, 1, 7]),
    ('disability', ['yes_a_lot', 'yes_a_little', 'no', 'prefer_not'], False, [12, 18, 66, 4]),
    ('ethnicity', ['white_scottish', 'white_british', 'white_irish', 'white_polish', 'white_other', 'mixed', 'asian',
                   'african', 'caribbean_black', 'arab', 'other', 'prefer_not'], False,
     [70, 9, 1, 2, 3, 2, 5, 2, 1, 1, 1, 3]),
    ('religion', ['none', 'church_of_scotland', 'roman_catholic', 'other_christian', 'muslim', 'hindu', 'buddhist',
                  'sikh', 'jewish', 'other', 'prefer_not'], False, [50, 20, 13, 6, 2, 1, 1, 1, 1, 1, 4]),
    ('caring', ['no', 'up_to_19', '20_to_34', '35_or_more', 'prefer_not'], False, [72, 12, 5, 7, 4]),
    ('lived', ['gambling_harm', 'homelessness', 'addiction_recovery', 'long_term_condition', 'disability',
               'unpaid_caring', 'mental_health', 'justice', 'prefer_not'], True, [10, 12, 10, 25, 18, 15, 30, 6, 5]),
]


# ---- the server's crypto, through libsodium ----

_sodium = ctypes.CDLL(ctypes.util.find_library('sodium') or 'libsodium.so.23')
if _sodium.sodium_init() < 0:
    sys.exit('libsodium failed to initialise')


def master_key(data_dir):
    hexkey = os.environ.get('HUMANSPACE_SECRET_KEY') or open(os.path.join(data_dir, 'secret.key')).read().split()[0]
    key = bytes.fromhex(hexkey)
    assert len(key) == 32
    return key


def derive(master, subkey_id, context):
    out = ctypes.create_string_buffer(32)
    ctx = context.encode().ljust(8, b'\0')[:8]
    if _sodium.crypto_kdf_derive_from_key(out, ctypes.c_size_t(32), ctypes.c_uint64(subkey_id), ctx, master) != 0:
        sys.exit('crypto_kdf_derive_from_key failed')
    return out.raw


def pseudonym(key, user_id):
    return hmac.new(key, str(user_id).encode(), hashlib.sha256).hexdigest()


def seal(key, plain):
    nonce = os.urandom(24)
    box = ctypes.create_string_buffer(16 + len(plain))
    _sodium.crypto_secretbox_easy(box, plain, ctypes.c_ulonglong(len(plain)), nonce, key)
    return base64.urlsafe_b64encode(nonce + box.raw).rstrip(b'=').decode()


def unseal(key, sealed):
    raw = base64.urlsafe_b64decode(sealed + '=' * (-len(sealed) % 4))
    out = ctypes.create_string_buffer(len(raw) - 40)
    if _sodium.crypto_secretbox_open_easy(out, raw[24:], ctypes.c_ulonglong(len(raw) - 24), raw[:24], key) != 0:
        return None
    return out.raw


# ---- the data ----

def answers_of():
    """One person's answers: each question answered with 85 % chance, in the question's order."""
    out = {}
    for key, options, multiple, weights in QUESTIONS:
        if rng.random() >= 0.85:
            continue
        if multiple:
            chosen = {o for o, w in zip(options[:-1], weights[:-1]) if rng.random() < w / 100}
            if rng.random() < weights[-1] / 100 or not chosen:
                chosen = {'prefer_not'} if rng.random() < 0.3 or not chosen else chosen
            out[key] = [o for o in options if o in chosen]
        else:
            out[key] = [rng.choices(options, weights)[0]]
    return out


def rows(expect, data_dir):
    master = master_key(data_dir)
    pseudo_key, seal_key = derive(master, 401, 'eqpseudo'), derive(master, 402, 'eqsealed')
    users = list(range(2, MEMBERS + 1))
    forum_members = users[:int(PEOPLE * 0.6)]
    for u in users:
        yield 'users', ('id', 'display_name', 'site_role', 'created_at'), (u, f'Bench Person {u}', 'member', NOW - 10**8)
    for sid, slug, name, kind in ((FORUM, FORUM_SLUG, 'Northmoor Lived Experience Forum', 'forum'),
                                  (NETWORK, NETWORK_SLUG, 'Northmoor Involvement Network', 'network')):
        yield 'spaces', ('id', 'slug', 'name', 'kind', 'purpose', 'visibility', 'code_of_conduct', 'created_at',
                         'updated_at'), (sid, slug, name, kind, 'A benchmark space.', 'listed', 'Be kind.',
                                         NOW - 10**8, NOW - 10**8)
    member_cols = ('space_id', 'user_id', 'role', 'code_accepted_at', 'joined_at')
    yield 'memberships', member_cols, (FORUM, FACILITATOR, 'facilitator', NOW - 10**8, NOW - 10**8)
    yield 'memberships', member_cols, (NETWORK, FACILITATOR, 'steward', NOW - 10**8, NOW - 10**8)
    for u in forum_members:
        yield 'memberships', member_cols, (FORUM, u, 'member', NOW - 10**8, NOW - 10**8)
    for u in users:
        yield 'memberships', member_cols, (NETWORK, u, 'member', NOW - 10**8, NOW - 10**8)

    # Equality answers of the network's members.
    counts = {key: [0] * (len(options) + 1) for key, options, _, _ in QUESTIONS}
    people = 0
    sample = None
    for u in users:
        if rng.random() >= ANSWERED:
            continue
        a = answers_of()
        if not a:
            continue
        people += 1
        for key, options, _, _ in QUESTIONS:
            if key in a:
                for o in a[key]:
                    counts[key][options.index(o)] += 1
            else:
                counts[key][-1] += 1
        plain = json.dumps({'answers': a, 'groups': rng.random() < 0.4}, separators=(',', ':')).encode()
        sealed = seal(seal_key, plain)
        if sample is None:
            sample = (u, sealed, plain)
        yield 'equality_answers', ('pseudonym', 'sealed'), (pseudonym(pseudo_key, u), sealed)
    assert unseal(seal_key, sample[1]) == sample[2]
    expect['report'] = {'slug': NETWORK_SLUG, 'members': MEMBERS, 'people': people,
                        'counts': [[key, counts[key]] for key, _, _, _ in QUESTIONS]}

    # The event, its agenda, participants and contributions.
    agenda = ([('talk', 'Welcome and how today works')] + [('poll', f'Poll {i}') for i in range(1, 5)] +
              [('cloud', f'In one word: part {i}') for i in range(1, 4)] + [('qa', 'Questions for the panel')] +
              [('talk', 'Panel: what we heard')] + [('poll', f'Poll {i}') for i in range(5, 9)] +
              [('cloud', f'In one word: part {i}') for i in range(4, 7)] +
              [('qa', 'Questions on the plan'), ('qa', 'Anything else?')])
    items = []  # (id, kind, multiple)
    option_id = 0
    options = {}
    current = None
    for pos, (kind, title) in enumerate(agenda, start=1):
        multiple = 1 if kind == 'poll' and pos % 3 == 0 else 0
        items.append((pos, kind, multiple))
        if kind == 'poll' and title == 'Poll 8':
            current = pos
    yield 'events', ('id', 'space_id', 'title', 'description', 'starts_at', 'ends_at', 'join_code', 'current_item_id',
                     'support_text', 'created_by', 'created_at', 'language'), (
        EVENT, FORUM, 'Northmoor community assembly', 'A benchmark event.', NOW - 3600, NOW + 3 * 3600, 'BENCH15Q',
        current, 'Samaritans: 116 123, free, day or night.', FACILITATOR, NOW - 30 * 86400, 'en')
    for pos, (kind, title) in enumerate(agenda, start=1):
        iid, _, multiple = items[pos - 1]
        state = 'open' if iid == current else 'closed' if iid < current else 'waiting'
        yield 'event_items', ('id', 'event_id', 'position', 'kind', 'title', 'summary', 'speakers', 'key_messages',
                              'content_note', 'multiple', 'premoderate', 'max_entries', 'state', 'revealed',
                              'max_chars', 'shown_question_id'), (
            iid, EVENT, pos, kind, title, '', '', '', None, multiple, 0, 5 if kind == 'cloud' else 3, state,
            1 if kind == 'poll' and iid < current else 0, 40, None)
        if kind == 'poll':
            options[iid] = []
            for o in range(1, 6):
                option_id += 1
                options[iid].append(option_id)
                yield 'event_poll_options', ('id', 'item_id', 'position', 'label'), (option_id, iid, o, f'Option {o}')
    polls = [i for i, k, _ in items if k == 'poll']
    clouds = [i for i, k, _ in items if k == 'cloud']
    qas = [i for i, k, _ in items if k == 'qa']
    multiple = {i for i, k, m in items if m}

    participants = list(range(1, PEOPLE + 1))
    for u in forum_members:
        yield 'event_registrations', ('event_id', 'user_id', 'registered_at'), (EVENT, u, NOW - 7 * 86400)
    for p in participants:
        member = forum_members[p - 1] if p <= len(forum_members) else None
        yield 'event_participants', ('id', 'event_id', 'token_hash', 'user_id', 'nickname', 'joined_at',
                                     'stepped_out_at'), (
            p, EVENT, None if member else hashlib.sha256(f'bench-guest-{p}'.encode()).hexdigest(), member,
            None if member else f'Guest {p}', NOW - 3600 + p, NOW - 600 + p if rng.random() < 0.05 else None)

    # How many each says: 20 % nothing, the rest a log-normal share of CONTRIBUTIONS (at
    # least one each).
    order = participants[:]
    rng.shuffle(order)
    active = order[:PEOPLE - PEOPLE // 5]
    weights = [rng.lognormvariate(0, 1.1) for _ in active]
    spare = CONTRIBUTIONS - len(active)
    per = {p: 1 for p in active}
    total_w = sum(weights)
    shares = [spare * w / total_w for w in weights]
    for p, s in zip(active, shares):
        per[p] += int(s)
    rest = CONTRIBUTIONS - sum(per.values())
    for p, _ in sorted(zip(active, shares), key=lambda x: -(x[1] - int(x[1])))[:rest]:
        per[p] += 1
    assert sum(per.values()) == CONTRIBUTIONS

    entry_id = question_id = 0
    words = ['hope', 'fair', 'listen', 'housing', 'respect', 'trust', 'money', 'support', 'time', 'voice', 'change',
             'safe', 'family', 'work', 'care']
    for p in active:
        n = per[p]
        # Spread over the kinds: polls first for the quiet (one answer a poll), then words, then questions.
        n_poll = min(len(polls), max(0, round(n * rng.uniform(0.2, 0.5))))
        n_cloud = min(5 * len(clouds), round((n - n_poll) * rng.uniform(0.4, 0.8)))
        n_question = n - n_poll - n_cloud
        if n_question > 0 and n_cloud < 5 * len(clouds) and rng.random() < 0.5 and n < 4:
            n_cloud, n_question = n_cloud + n_question, 0
        for item in rng.sample(polls, n_poll):
            t = NOW - 3000 + rng.randint(0, 2400)
            chosen = rng.sample(options[item], 2 if item in multiple and rng.random() < 0.2 else 1)
            for o in chosen:
                yield 'event_poll_votes', ('item_id', 'option_id', 'participant_id', 'created_at'), (item, o, p, t)
        for k in range(n_cloud):
            entry_id += 1
            yield 'event_cloud_entries', ('id', 'item_id', 'participant_id', 'body', 'created_at'), (
                entry_id, clouds[k % len(clouds)], p, rng.choice(words), NOW - 3000 + rng.randint(0, 2400))
        for _ in range(n_question):
            question_id += 1
            yield 'event_questions', ('id', 'item_id', 'participant_id', 'body', 'anonymous', 'status', 'answered',
                                      'votes', 'created_at'), (
                question_id, rng.choice(qas), p, f'What will change after today, and who decides? ({question_id})',
                1 if rng.random() < 0.3 else 0, 'visible' if rng.random() < 0.95 else 'hidden',
                1 if rng.random() < 0.2 else 0, rng.randint(0, 12), NOW - 3000 + rng.randint(0, 2400))
    counts_pp = sorted((per.get(p, 0) for p in participants), reverse=True)
    fifth = (PEOPLE + 4) // 5
    top = sum(counts_pp[:fifth])
    expect['spread'] = {'slug': FORUM_SLUG, 'event': EVENT, 'present': PEOPLE, 'contributed': len(active),
                        'contributions': CONTRIBUTIONS, 'top_fifth_percent': (top * 100 + CONTRIBUTIONS // 2) // CONTRIBUTIONS,
                        'most': counts_pp[0], 'median_active': sorted(per.values())[len(per) // 2],
                        'cloud': entry_id, 'questions': question_id,
                        'polls': CONTRIBUTIONS - entry_id - question_id}


# The store keeps each participant's count of contributions as they are written (migration
# 0032's triggers). Rows loaded in bulk (here contributions may come before the participant
# they belong to) are counted again at the end, as the migration counts what was there.
RECOUNT = '''DELETE FROM event_contribution_counts;
INSERT INTO event_contribution_counts (participant_id, event_id, n)
SELECT p.id, p.event_id,
  (SELECT COUNT(*) FROM event_cloud_entries e WHERE e.participant_id = p.id)
  + (SELECT COUNT(DISTINCT v.item_id) FROM event_poll_votes v WHERE v.participant_id = p.id)
  + (SELECT COUNT(*) FROM event_questions q WHERE q.participant_id = p.id)
FROM event_participants p;
'''


def to_sqlite(path, data_dir, expect):
    db = sqlite3.connect(path)
    db.execute('PRAGMA foreign_keys = OFF')
    buffers = {}

    def flush(key):
        table, cols = key
        db.executemany(f'INSERT INTO {table} ({", ".join(cols)}) VALUES ({", ".join("?" * len(cols))})', buffers[key])
        buffers[key].clear()
    for table, cols, row in rows(expect, data_dir):
        buffers.setdefault((table, cols), []).append(row)
        if len(buffers[(table, cols)]) >= 5000:
            flush((table, cols))
    for key in buffers:
        flush(key)
    db.executescript(RECOUNT)
    db.commit()
    db.close()


def to_csv(folder, data_dir, expect):
    os.makedirs(folder, exist_ok=True)
    files, order = {}, []
    for table, cols, row in rows(expect, data_dir):
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
        for table in ['users', 'spaces', 'events', 'event_items', 'event_participants', 'event_poll_options',
                      'event_questions', 'event_cloud_entries']:
            load.write(f"SELECT setval(pg_get_serial_sequence('{table}', 'id'), (SELECT MAX(id) FROM {table}));\n")
        load.write(RECOUNT)


if __name__ == '__main__':
    expect = {}
    {'sqlite': to_sqlite, 'csv': to_csv}[sys.argv[1]](sys.argv[2], sys.argv[3], expect)
    with open(sys.argv[4], 'w') as f:
        json.dump(expect, f)
