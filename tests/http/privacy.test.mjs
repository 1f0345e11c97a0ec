// Privacy: what the database's files, the outbox, "download my data" and the live
// channel keep or show about a person (issue 10, findings 9, 10 and 11). Runs on the
// engine under test; the write-ahead log and the bytes of the files are SQLite's.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { execFileSync, spawn } from 'node:child_process';
import { existsSync, readFileSync, statSync, mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join as joinPath } from 'node:path';
import WebSocket from 'ws';
import { startServer, cli, Client, ENGINE, signedIn, dbRows } from './harness.mjs';

let server;
before(async () => { server = await startServer(); });
after(async () => { await server.stop(); });

const sqlite = ENGINE !== 'postgres';
const dbFile = () => server.db.replace(/^sqlite:/, '');
const sleep = (ms) => new Promise((r) => setTimeout(r, ms));

const rows = (query) => dbRows(server, query);
const one = (query) => rows(query)[0]?.[0];

let spaces = 0;
async function space(owner, kind = 'forum') {
  await owner.get('/spaces/new');
  const res = await owner.post('/spaces/new', {
    name: `Ashcombe Lived Experience Forum ${++spaces}`, slug: '', kind, purpose: 'People with lived experience, together.',
    visibility: 'listed', code_of_conduct: 'Be kind.',
  });
  assert.equal(res.status, 303, res.text.slice(0, 300));
  return res.location.match(/^\/spaces\/([a-z0-9-]+)/)[1];
}

async function propose(client, slug, fields) {
  const d = new Date(Date.now() + 72 * 3600 * 1000);
  const pad = (n) => String(n).padStart(2, '0');
  await client.get(`/spaces/${slug}/decisions/new`);
  const res = await client.post(`/spaces/${slug}/decisions/new`, {
    title: 'Meet in the library', details: 'It has a lift.', method: 'consent', options: '',
    closes_day: String(d.getUTCDate()), closes_month: String(d.getUTCMonth() + 1), closes_year: String(d.getUTCFullYear()),
    closes_time: `${pad(d.getUTCHours())}:${pad(d.getUTCMinutes())}`, quorum: '0', results: 'after_close',
    threshold: 'simple_majority', dots: '5', ...fields,
  });
  assert.equal(res.status, 303, `opening a proposal: ${res.status} ${res.text.slice(0, 400)}`);
  return res.location.replace(/\?.*$/, '');
}

async function answer(client, path, fields) {
  await client.get(path);
  return client.post(`${path}/vote`, fields);
}

async function makeEvent(runner, slug, title = 'Listening day') {
  await runner.get(`/spaces/${slug}/events`);
  const ev = await runner.post(`/spaces/${slug}/events`, {
    title, description: 'Talks, questions and small groups.', starts: '2030-05-01T10:00', ends: '2030-05-01T16:00',
  });
  assert.equal(ev.status, 303, ev.text.slice(0, 400));
  const path = ev.location.replace(/\/run$/, '');
  const code = (await runner.get(`${path}/run`)).text.match(/id="join-code">([A-Z0-9]+)</)[1];
  return { path, code };
}

async function addItem(runner, path, fields) {
  const before = [...(await runner.get(`${path}/run`)).text.matchAll(/id="item-(\d+)"/g)].map((m) => m[1]);
  const res = await runner.post(`${path}/items`, {
    title: 'An activity', summary: '', speakers: '', key_messages: '', content_note: '', options: '', max_entries: '3',
    max_chars: '40', ...fields,
  });
  assert.equal(res.status, 303, res.text.slice(0, 400));
  const after = [...(await runner.get(`${path}/run`)).text.matchAll(/id="item-(\d+)"/g)].map((m) => m[1]);
  return after.find((id) => !before.includes(id));
}

async function join(code, nickname) {
  const p = new Client(server);
  await p.get('/join');
  const res = await p.post('/join', { code, nickname });
  assert.equal(res.status, 303, res.text.slice(0, 300));
  return p;
}

// --- finding 9: an anonymous answer and the write-ahead log -------------------------

// A reader in another process: the sqlite3 shell holding a transaction open, as a
// backup tool or someone inspecting the database would. Resolves once it holds it.
async function holdReader(seconds, { emptyLogFirst = false } = {}) {
  const mark = joinPath(mkdtempSync(joinPath(tmpdir(), 'hs-reader-')), 'holding');
  const p = spawn('sqlite3', [dbFile()], { stdio: ['pipe', 'ignore', 'inherit'] });
  const exited = new Promise((resolve) => p.on('exit', resolve));
  p.stdin.end(['.timeout 3000', emptyLogFirst ? 'PRAGMA wal_checkpoint(TRUNCATE);' : '', 'BEGIN;',
    'SELECT count(*) FROM decision_voters;', `.shell touch ${mark}`, `.shell sleep ${seconds}`, 'COMMIT;', ''].join('\n'));
  const started = Date.now();
  while (!existsSync(mark)) {
    assert.ok(Date.now() - started < 5000, 'the reader did not start');
    await sleep(20);
  }
  return { exited };  // (an object: awaiting the promise itself would wait for the end)
}

const walSize = () => (existsSync(`${dbFile()}-wal`) ? statSync(`${dbFile()}-wal`).size : 0);
const turnout = (id) => Number(one(`SELECT count(*) FROM decision_voters WHERE proposal_id = ${id}`));
const sealedRows = (id) => Number(one(`SELECT count(*) FROM decision_open_ballots WHERE proposal_id = ${id}`));

test('an anonymous answer is refused, and not kept, while a reader holds the database for 10 s', {
  skip: !sqlite && 'SQLite\'s write-ahead log; docs/governance.md says what holds on PostgreSQL',
}, async () => {
  const steward = await signedIn(server, 'Perpetua Hollingsworth', { steward: true });
  const slug = await space(steward);
  const [ada, bram, cleo] = [await signedIn(server, 'Adaeze Morrow'), await signedIn(server, 'Bramwell Sutcliffe'),
    await signedIn(server, 'Cleodora Fenn')];
  for (const m of [ada, bram, cleo]) cli(server, ['user', 'set-role', m.email, 'member', '--space', slug]);
  const path = await propose(ada, slug, { anonymous: 'yes', title: 'Open the garden on Sundays' });
  const id = path.split('/').pop();

  // (Pauses let the decision log's batched head signing, a write of its own, go first.)
  await sleep(1500);
  assert.equal((await answer(ada, path, { choice: 'consent', reason: '' })).status, 303);
  assert.equal(walSize(), 0, 'an acknowledged anonymous answer leaves the log empty');

  // A reader takes hold while the log holds newer pages (the proposal just opened).
  await propose(steward, slug, { title: 'Another matter' });
  const reader = await holdReader(10);
  await bram.get(path);
  const started = Date.now();
  const refused = await bram.post(`${path}/vote`, { choice: 'object', reason: 'bramwell-worry-kestrel' });
  assert.equal(refused.status, 503, refused.text.slice(0, 400));
  assert.match(refused.text, /Your answer was not saved/);
  assert.ok(Date.now() - started < 8000, 'the person is told within seconds, not when the reader lets go');
  assert.equal(turnout(id), 1);
  assert.equal(sealedRows(id), 1);
  assert.doesNotMatch((await bram.get(path)).text, /bramwell-worry-kestrel/);
  // Changing an answer is refused the same way, and the earlier answer stands.
  const change = await answer(ada, path, { choice: 'object', reason: 'adaeze-second-thoughts' });
  assert.equal(change.status, 503);
  assert.doesNotMatch((await ada.get(path)).text, /adaeze-second-thoughts/);
  await reader.exited;

  // A reader that took hold with the log empty lets the answer be written, but not the
  // log be emptied after it: the answer is undone and refused.
  await cleo.get(path);
  const second = await holdReader(6, { emptyLogFirst: true });
  const undone = await cleo.post(`${path}/vote`, { choice: 'object', reason: 'cleodora-undone' });
  assert.equal(undone.status, 503, undone.text.slice(0, 400));
  assert.equal(turnout(id), 1, 'the undone answer is not counted');
  assert.equal(sealedRows(id), 1);
  const log = cli(server, ['audit', 'export', slug]);
  assert.equal((log.match(/"decision\.answer_undone"/g) || []).length, 1, 'the log says the answer was undone');
  await second.exited;

  // Once nobody holds the database, answers go through and leave the log empty.
  for (const [who, fields] of [[bram, { choice: 'object', reason: 'bramwell-worry-kestrel' }],
    [cleo, { choice: 'consent', reason: '' }], [ada, { choice: 'object', reason: 'adaeze-second-thoughts' }]]) {
    await who.get(path);
    await sleep(1500);
    const res = await who.post(`${path}/vote`, fields);
    assert.equal(res.status, 303, res.text.slice(0, 400));
    assert.equal(walSize(), 0);
  }
  assert.equal(turnout(id), 3);
  assert.equal(sealedRows(id), 3);
  assert.match((await ada.get(path)).text, /adaeze-second-thoughts/);
});

// --- findings 10 and 11: a person who took part in everything -----------------------

// Zebulon is a site steward: he makes a space and runs an event in it, registers for
// it, takes part in its poll, questions, word cloud and a breakout group (a named
// note), proposes and answers decisions (named and anonymous), and asks to join
// another space. The same for every test below, made once.
let world;
async function zebulon() {
  if (world) return world;
  const z = await signedIn(server, 'Zebulon Quartermaine', { steward: true });
  const slug = await space(z, 'network');
  const { path, code } = await makeEvent(z, slug, 'Listening day with Zebulon');
  const poll = await addItem(z, path, { kind: 'poll', title: 'Which room?', options: 'The library\nThe hall' });
  const qa = await addItem(z, path, { kind: 'qa', title: 'Questions for the panel' });
  const cloud = await addItem(z, path, { kind: 'cloud', title: 'One word for belonging' });
  const guests = [await join(code, 'Wrenna'), await join(code, 'Osric')];

  await z.get(path);
  assert.equal((await z.post(`${path}/registration`, {})).status, 303);
  assert.equal((await z.post(`${path}/items/${poll}/do/open`)).status, 303);
  const choice = (await z.get(path)).text.match(/name="choice" type="radio" value="(\d+)"/)[1];
  assert.equal((await z.post(`${path}/items/${poll}/vote`, { choice })).status, 303);
  for (const g of guests) {
    await g.get(path);
    assert.equal((await g.post(`${path}/items/${poll}/vote`, { choice })).status, 303);
  }
  assert.equal((await z.post(`${path}/items/${qa}/do/open`)).status, 303);
  await z.get(path);
  assert.equal((await z.post(`${path}/items/${qa}/questions`, { question: 'zebulon-named-question about buses' })).status, 303);
  assert.equal((await z.post(`${path}/items/${qa}/questions`, { question: 'zebulon-quiet-question about money', anonymous: 'yes' })).status, 303);
  await guests[0].get(path);
  assert.equal((await guests[0].post(`${path}/items/${qa}/questions`, { question: 'wrenna-question about rooms' })).status, 303);
  const qid = (await z.get(path)).text.match(/id="q-(\d+)">\s*<p class="govuk-body hs-pre">wrenna-question/)[1];
  assert.equal((await z.post(`${path}/items/${qa}/questions/${qid}`)).status, 303);
  assert.equal((await z.post(`${path}/items/${cloud}/do/open`)).status, 303);
  await z.get(path);
  assert.equal((await z.post(`${path}/items/${cloud}/words`, { entry: 'zebulonword' })).status, 303);

  const added = await z.post(`${path}/breakouts`, {
    prompts: 'What helps you belong?', min_size: '2', max_size: '4', duration: '15', content_note: '', mode: 'balanced',
  });
  assert.equal(added.status, 303, added.text.slice(0, 400));
  const round = added.location.replace(/\?.*$/, '');
  assert.equal((await z.post(`${round}/do/start`, {})).status, 303);
  await z.get(round);
  const noted = await z.post(`${round}/notes`, { note: 'zebulon-named-note on trust', as: 'named' });
  assert.equal(noted.status, 303, noted.text.slice(0, 400));
  // The group's speaking queue: Zebulon (its host, a steward) takes a turn, then raises a hand.
  const me = one(`SELECT p.id FROM event_participants p JOIN users u ON u.id = p.user_id WHERE u.display_name = 'Zebulon Quartermaine'`);
  assert.equal((await z.post(`${round}/floor/give`, { participant: me })).status, 303);
  assert.equal((await z.post(`${round}/floor/end`, {})).status, 303);
  assert.equal((await z.post(`${round}/floor/hand`, {})).status, 303);

  const named = await propose(z, slug, { title: 'Meet monthly' });
  assert.equal((await answer(z, named, { choice: 'object', reason: 'zebulon-named-reason' })).status, 303);
  const secret = await propose(z, slug, { title: 'Open the garden', anonymous: 'yes' });
  assert.equal((await answer(z, secret, { choice: 'consent', reason: '' })).status, 303);

  const other = await signedIn(server, 'Imelda Brackenbury', { steward: true });
  const otherSlug = await space(other);
  await z.get(`/spaces/${otherSlug}`);
  const asked = await z.post(`/spaces/${otherSlug}/join`, { accept_code: 'yes', message: 'zebulon-join-message please' });
  assert.equal(asked.status, 303, asked.text.slice(0, 300));

  const id = Number(one(`SELECT id FROM users WHERE display_name = 'Zebulon Quartermaine'`));
  world = { z, id, slug, path, guests };
  return world;
}

test('"download my data" holds what a person wrote and did in events and breakouts', async () => {
  const { z } = await zebulon();
  const res = await z.get('/account/data.json');
  assert.equal(res.status, 200);
  const data = JSON.parse(res.text);
  const ev = data.events;
  assert.equal(ev.registrations.length, 1);
  assert.equal(ev.taking_part.length, 1);
  assert.equal(ev.taking_part[0].event, 'Listening day with Zebulon');
  assert.deepEqual(ev.words.map((w) => w.text), ['zebulonword']);
  assert.equal(ev.words[0].activity, 'One word for belonging');
  const questions = Object.fromEntries(ev.questions.map((q) => [q.question, q.anonymous]));
  assert.deepEqual(questions, { 'zebulon-named-question about buses': false, 'zebulon-quiet-question about money': true });
  assert.deepEqual(ev.poll_answers.map((a) => [a.activity, a.option]), [['Which room?', 'The library']]);
  assert.deepEqual(ev.questions_upvoted.map((q) => q.question), ['wrenna-question about rooms']);
  assert.deepEqual(data.breakouts.named_notes.map((n) => n.note), ['zebulon-named-note on trust']);
  assert.equal(data.breakouts.places.length, 1);
  assert.equal(data.breakouts.places[0].round, 1);
  assert.equal(ev.turns_speaking.length, 1);
  assert.equal(ev.turns_speaking[0].where, 'breakout group');
  assert.equal(typeof ev.turns_speaking[0].seconds, 'number');
  // Someone else's words are not in it.
  assert.doesNotMatch(res.text, /wrenna-question about rooms","anonymous/);
});

// How erasure treats every column that refers to an account, or to an event
// participant record (which may be a member's). A column the schema has and this list
// does not is a failure: someone added personal data without deciding its erasure.
//   deleted: the rows go; cleared: the column is emptied, the row stays;
//   kept: the row stays on the participant record, which no longer leads to anyone.
const ERASURE = {
  'sessions.user_id': 'deleted',
  'account_links.user_id': 'deleted',
  'spaces.created_by': 'cleared',
  'memberships.user_id': 'deleted',
  'join_requests.user_id': 'deleted',
  'join_requests.decided_by': 'cleared',
  'invitations.created_by': 'cleared',
  'invitations.used_by': 'deleted',
  'decision_proposals.proposer_id': 'cleared',
  'decision_proposals.closed_by': 'cleared',
  'decision_voters.user_id': 'deleted',
  'decision_ballots.user_id': 'deleted',  // open polls; closed ones keep the answer, cleared
  'terms_versions.proposed_by': 'cleared',
  'audit_findings.author_id': 'cleared',
  'audit_seen_heads.user_id': 'deleted',  // the last head an auditor saw (migration 0014)
  'audit_head_subscriptions.user_id': 'deleted',  // emails of new signed heads (migration 0021)
  'events.created_by': 'cleared',
  'event_registrations.user_id': 'deleted',
  'event_participants.user_id': 'cleared',
  'event_questions.participant_id': 'cleared',
  'event_poll_votes.participant_id': 'kept',
  'event_question_votes.participant_id': 'kept',
  'event_cloud_entries.participant_id': 'kept',
  'breakout_places.participant_id': 'deleted',
  'breakout_notes.participant_id': 'cleared',
  'event_hands.participant_id': 'deleted',  // a hand up in a speaking queue (migration 0032)
  'event_turns.participant_id': 'kept',  // a turn speaking stays, on a record that leads to no one
  'event_contribution_counts.participant_id': 'kept',  // the count of what that record added
  'stories.author_id': 'deleted',  // their stories go, with their versions and the answers to them
  'story_partners.user_id': 'deleted',  // which organisation they answered for
  'story_suggestions.suggested_by': 'cleared',
  'story_responses.author_id': 'cleared',  // a response for an organisation stays, without its writer
  'actions.raised_by': 'cleared',  // an action and its account of the change stay, without the people
  'action_updates.by_user': 'cleared',
  'involvement_opportunities.created_by': 'cleared',
  'involvement_interest.user_id': 'deleted',
  'involvement_participation.user_id': 'deleted',
  'involvement_participation.confirmed_by': 'cleared',
  'involvement_batches.created_by': 'cleared',
  'involvement_claims.user_id': 'cleared',  // the claim stays, with its amounts and a pseudonym
  'involvement_claims.decided_by': 'cleared',
  'involvement_choices.user_id': 'deleted',
  'involvement_bank_details.user_id': 'deleted',
  'conversation_posts.author_id': 'cleared',  // their posts stay as "removed by its author", without their words
  'conversation_reactions.user_id': 'deleted',
  'conversation_flags.flagged_by': 'cleared',  // a flag stays for the facilitators' record, without who raised it
  'conversation_choices.user_id': 'deleted',
  'conversation_levels.user_id': 'deleted',
  'conversation_notifications.user_id': 'deleted',
  'conversation_digests.user_id': 'deleted',  // when their last digest went (migration 0037)
  'conversation_people.user_id': 'deleted',  // their entries in people who can connect (migration 0043)
  'conversation_contacts.from_id': 'deleted',  // get-in-touch messages they sent or received go with them
  'conversation_contacts.to_id': 'deleted',
  'vision_boards.created_by': 'cleared',  // a Three Horizons board stays, without who started it (migration 0034)
  'vision_note_words.author_id': 'cleared',  // a named note's words stay, as if written anonymously
  'vision_dots.voter_id': 'cleared',  // a dot still counts, on a record that leads to no one
  'vision_maps.created_by': 'cleared',  // an opinion map stays, without who asked (migration 0035)
  'vision_statements.author_id': 'cleared',  // a statement stays, never shown with its writer anyway
  'vision_votes.voter_id': 'deleted',  // their answers leave the map's groups
  // At events, through their participant record (migration 0039, 0040):
  'vision_note_words.participant_id': 'cleared',  // a named note's words stay, without who wrote them
  'vision_dots.participant_id': 'kept',  // a dot still counts, on a record that leads to no one
  'vision_statements.participant_id': 'cleared',
  'vision_participant_votes.participant_id': 'deleted',  // their answers leave the map's groups
  'library_resources.added_by': 'deleted',  // what they shared goes, files too (migration 0041)
  'conversation_links.added_by': 'cleared',  // a conversation's link stays, without who added it (0042)
  // PostgreSQL's search row keeps a copy of its story's author (migration 0029), so that a
  // reader's matches are checked in the index; it goes with the story.
  ...(ENGINE === 'postgres' ? { 'story_search.author_id': 'deleted' } : {}),
};
const PEOPLE = ['users', 'event_participants'];
// Columns that name a person by their spelling, with or without a foreign key.
const PERSONISH = /^(user_id|.*_by|author_id|proposer_id|owner_id|person_id|account_id|voter_id|member_id|participant_id)$/;

function schema() {
  const columns = sqlite
    ? rows(`SELECT m.name, p.name FROM sqlite_master m, pragma_table_info(m.name) p WHERE m.type = 'table'`)
    : rows(`SELECT table_name, column_name FROM information_schema.columns WHERE table_schema = 'public'`);
  const keys = sqlite
    ? rows(`SELECT m.name, f."from", f."table" FROM sqlite_master m, pragma_foreign_key_list(m.name) f WHERE m.type = 'table'`)
    : rows(`SELECT cl.relname, a.attname, rt.relname FROM pg_constraint co
            JOIN pg_class cl ON cl.oid = co.conrelid JOIN pg_class rt ON rt.oid = co.confrelid
            JOIN pg_namespace n ON n.oid = cl.relnamespace
            JOIN pg_attribute a ON a.attrelid = co.conrelid AND a.attnum = ANY (co.conkey)
            WHERE co.contype = 'f' AND n.nspname = 'public'`);
  const people = new Map();  // "table.column" -> the table of people it refers to
  for (const [t, c, target] of keys) if (PEOPLE.includes(target)) people.set(`${t}.${c}`, target);
  for (const [t, c] of columns) if (PERSONISH.test(c) && !people.has(`${t}.${c}`)) people.set(`${t}.${c}`, '(by name)');
  return { columns, people };
}

test('erasure covers every column that refers to a person, on this engine\'s schema', async () => {
  const { z, id } = await zebulon();
  const { columns, people } = schema();
  assert.ok(columns.length > 100, `the schema was read (${columns.length} columns)`);
  const unknown = [...people.keys()].filter((k) => !(k in ERASURE));
  assert.deepEqual(unknown, [], 'columns referring to people that this test (and erasure) do not know');
  const gone = Object.keys(ERASURE).filter((k) => !people.has(k));
  assert.deepEqual(gone, [], 'columns listed here that the schema no longer has');

  const participants = rows(`SELECT id FROM event_participants WHERE user_id = ${id}`).map((r) => r[0]);
  assert.equal(participants.length, 1);
  const before = {};
  for (const [col, target] of people) {
    const [t, c] = col.split('.');
    const ids = target === 'event_participants' || c === 'participant_id' ? participants : [String(id)];
    before[col] = Number(one(`SELECT count(*) FROM ${t} WHERE ${c} IN (${ids.join(',')})`));
  }
  // What the person did reached these: the test would prove little otherwise.
  for (const col of ['sessions.user_id', 'spaces.created_by', 'memberships.user_id', 'join_requests.user_id',
    'decision_proposals.proposer_id', 'decision_voters.user_id', 'decision_ballots.user_id', 'events.created_by',
    'event_registrations.user_id', 'event_participants.user_id', 'event_questions.participant_id',
    'event_poll_votes.participant_id', 'event_question_votes.participant_id', 'event_cloud_entries.participant_id',
    'breakout_places.participant_id', 'breakout_notes.participant_id', 'event_hands.participant_id',
    'event_turns.participant_id', 'event_contribution_counts.participant_id'])
    assert.ok(before[col] > 0, `${col} holds the person before erasure`);

  await z.get('/account/data');
  const res = await z.post('/account/delete', { confirm: 'yes' });
  assert.equal(res.status, 200, res.text.slice(0, 300));
  assert.match(res.text, /Your account has been deleted/);

  for (const [col, target] of people) {
    const [t, c] = col.split('.');
    const ids = target === 'event_participants' || c === 'participant_id' ? participants : [String(id)];
    const left = Number(one(`SELECT count(*) FROM ${t} WHERE ${c} IN (${ids.join(',')})`));
    if (ERASURE[col] === 'kept') assert.equal(left, before[col], `${col}: kept, on a record that leads to no one`);
    else assert.equal(left, 0, `${col} (${ERASURE[col]}) still refers to the erased person`);
  }
  assert.deepEqual(rows(`SELECT user_id, nickname FROM event_participants WHERE id = ${participants[0]}`), [['', '']]);
  const [user] = rows(`SELECT display_name, email_lookup, email_sealed, password_hash, erased_at FROM users WHERE id = ${id}`);
  assert.equal(user[0], 'Former member');
  assert.deepEqual(user.slice(1, 4), ['', '', '']);
  // Shared records stay: the word still counts, the named note and question stay
  // without their author.
  assert.equal(one(`SELECT count(*) FROM event_cloud_entries WHERE body = 'zebulonword'`), '1');
  assert.equal(one(`SELECT count(*) FROM breakout_notes WHERE body = 'zebulon-named-note on trust' AND participant_id IS NULL`), '1');
  assert.equal(one(`SELECT count(*) FROM event_questions WHERE body LIKE 'zebulon-%' AND participant_id IS NULL`), '2');
});

test('after erasure no earlier page of the person\'s rows is left in the database\'s files, nor their mail in the outbox', async () => {
  const host = await signedIn(server, 'Hesper Lindqvist', { steward: true });
  const slug = await space(host);
  const { path } = await makeEvent(host, slug, 'Carers afternoon');
  const q = await signedIn(server, 'Quillon Ravensworth');
  cli(server, ['user', 'set-role', q.email, 'member', '--space', slug]);
  await q.get(path);
  assert.equal((await q.post(`${path}/registration`, {})).status, 303);
  const otherSlug = await space(host);
  await q.get(`/spaces/${otherSlug}`);
  assert.equal((await q.post(`/spaces/${otherSlug}/join`, { accept_code: 'yes', message: 'quillon-join-message please' })).status, 303);

  const id = Number(one(`SELECT id FROM users WHERE display_name = 'Quillon Ravensworth'`));
  const secrets = {
    passwordHash: one(`SELECT password_hash FROM users WHERE id = ${id}`),
    emailLookup: one(`SELECT email_lookup FROM users WHERE id = ${id}`),
    emailSealed: one(`SELECT email_sealed FROM users WHERE id = ${id}`),
    session: one(`SELECT token_hash FROM sessions WHERE user_id = ${id}`),
    name: 'Quillon Ravensworth',
    joinMessage: 'quillon-join-message please',
  };
  for (const [k, v] of Object.entries(secrets)) assert.ok(v, `${k} is stored before erasure`);
  assert.ok(server.outbox().some((m) => m.includes(`To: ${q.email}\r\n`)), 'the registration email is in the outbox');

  await q.get('/account/data');
  assert.equal((await q.post('/account/delete', { confirm: 'yes' })).status, 200);

  assert.ok(!server.outbox().some((m) => m.includes(q.email)), 'no mail to the erased person is left in the outbox');
  if (sqlite) {
    const files = [dbFile(), `${dbFile()}-wal`].filter(existsSync).map((f) => readFileSync(f));
    for (const [k, v] of Object.entries(secrets))
      for (const bytes of files) assert.equal(bytes.indexOf(Buffer.from(v)), -1, `${k} is still in the database's files`);
  } else {
    // PostgreSQL: the tables were vacuumed after the erasure (see docs/security.md for
    // what that does and does not remove).
    let vacuumed;
    for (let i = 0; i < 50 && !vacuumed; i++) {
      vacuumed = one(`SELECT last_vacuum FROM pg_stat_user_tables WHERE relname = 'users'`);
      if (!vacuumed) await sleep(100);
    }
    assert.ok(vacuumed, 'users was vacuumed after the erasure');
  }
});

// --- finding 11: names on the live channel ------------------------------------------

test('a named question\'s asker is on the page, and on neither the live channel nor state.json', async () => {
  const host = await signedIn(server, 'Ottilie Brennan', { steward: true });
  const slug = await space(host, 'network');
  const { path, code } = await makeEvent(host, slug, 'Questions day');
  const qa = await addItem(host, path, { kind: 'qa', title: 'Questions for the panel' });
  const member = await signedIn(server, 'Leopold Ashdown');
  cli(server, ['user', 'set-role', member.email, 'member', '--space', slug]);
  const zeph = await join(code, 'Zephyrine');
  const listener = await join(code, '');
  assert.equal((await host.post(`${path}/items/${qa}/do/open`)).status, 303);
  await zeph.get(path);
  assert.equal((await zeph.post(`${path}/items/${qa}/questions`, { question: 'Who decides the budget?' })).status, 303);
  await member.get(path);
  assert.equal((await member.post(`${path}/items/${qa}/questions`, { question: 'When is the next one?' })).status, 303);

  // The page shows the askers to those who may see the event (as it always has).
  const page = await listener.get(path);
  assert.match(page.text, /Asked by Zephyrine/);
  assert.match(page.text, /Asked by Leopold Ashdown/);

  const names = /Zephyrine|Leopold|Ashdown/;
  const state = await listener.get(`${path}/state.json`);
  assert.equal(state.status, 200);
  assert.match(state.text, /Who decides the budget\?/);
  assert.doesNotMatch(state.text, names);
  for (const q of JSON.parse(state.text).current.questions) assert.deepEqual(Object.keys(q).sort(), ['answered', 'body', 'id', 'votes']);

  const ws = new WebSocket(`ws://127.0.0.1:${server.port}${path}/live`,
    { headers: { cookie: listener.cookieHeader(), origin: server.origin } });
  const first = await new Promise((resolve, reject) => {
    ws.on('message', (m) => resolve(String(m)));
    ws.on('error', reject);
    setTimeout(() => reject(new Error('no snapshot within 5 s')), 5000);
  });
  ws.close();
  assert.match(first, /Who decides the budget\?/);
  assert.doesNotMatch(first, names);
});
