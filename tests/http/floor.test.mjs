// Speaking queues over HTTP, on the engine under test: who may raise a hand, give the floor
// and run a go-round in a breakout group and in the main room; talk time and turns counted
// as contributions by the store (migration 0032), polls counted once a person however many
// options they choose or change.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { startServer, cli, Client, signedIn } from './harness.mjs';

let server;
before(async () => { server = await startServer(); });
after(async () => { await server.stop(); });

// One value read from the server's database.
function one(text) {
  if (server.db.startsWith('sqlite:'))
    return execFileSync('sqlite3', ['-cmd', '.timeout 5000', '-noheader', server.db.slice(7), text]).toString().trim();
  return execFileSync('psql', [server.db, '-At', '-c', text]).toString().trim();
}

async function setUp() {
  const steward = await signedIn(server, 'Ottoline Brisco', { steward: true });
  await steward.get('/spaces/new');
  const made = await steward.post('/spaces/new', {
    name: 'Saltmarsh Recovery Network', slug: '', kind: 'network',
    purpose: 'People in recovery and the services around them.', visibility: 'listed', code_of_conduct: 'Be kind.',
  });
  const slug = made.location.match(/^\/spaces\/([a-z0-9-]+)/)[1];
  const fac = await signedIn(server, 'Lysander Quaye');
  cli(server, ['user', 'set-role', fac.email, 'facilitator', '--space', slug]);
  await fac.get(`/spaces/${slug}/events`);
  const ev = await fac.post(`/spaces/${slug}/events`, {
    title: 'Recovery learning day', description: 'Small groups.', starts: '2030-06-01T10:00', ends: '2030-06-01T15:00',
  });
  assert.equal(ev.status, 303, ev.text.slice(0, 400));
  const path = ev.location.replace(/\/run$/, '');
  const code = (await fac.get(`${path}/run`)).text.match(/id="join-code">([A-Z0-9]+)</)[1];
  return { fac, slug, path, code };
}

async function join(code, nickname) {
  const p = new Client(server);
  await p.get('/join');
  const res = await p.post('/join', { code, nickname });
  assert.equal(res.status, 303, res.text.slice(0, 300));
  assert.equal((await p.get(res.location)).status, 200);  // here now
  p.nickname = nickname;
  p.id = one(`SELECT id FROM event_participants WHERE nickname = '${nickname}'`);
  return p;
}

test('a breakout group runs its own speaking queue; people elsewhere cannot touch it', async () => {
  const { fac, path, code } = await setUp();
  const people = [];
  for (const n of ['Amabel', 'Bartholomew', 'Cosima', 'Dorian', 'Eulalie', 'Fitzroy']) people.push(await join(code, n));
  const added = await fac.post(`${path}/breakouts`, {
    prompts: 'What helps you speak up?', min_size: '3', max_size: '3', duration: '20', content_note: '', mode: 'balanced',
  });
  assert.equal(added.status, 303, added.text.slice(0, 400));
  const round = added.location.replace(/\?.*$/, '');
  assert.equal((await fac.post(`${round}/do/start`, {})).status, 303);
  const groupOf = (p) => one(`SELECT group_id FROM breakout_places WHERE participant_id = ${p.id}`);
  const [a] = people;
  const mates = people.filter((p) => p !== a && groupOf(p) === groupOf(a));
  const others = people.filter((p) => groupOf(p) !== groupOf(a));
  assert.equal(mates.length, 2);
  assert.equal(others.length, 3);

  // A raises a hand (a form post, as without JavaScript) and sees their place.
  await a.get(round);
  const raised = await a.post(`${round}/floor/hand`, {});
  assert.equal(raised.status, 303);
  assert.match(raised.location, /#floor$/);
  assert.match((await a.get(round)).text, /Your hand is up\. You are number 1 in the queue\./);
  // A group without a host runs its own queue: a member sees it and may give the floor.
  const mate = mates[0];
  let page = await mate.get(round);
  assert.match(page.text, /id="floor-queue"/);
  assert.match(page.text, new RegExp(`name="participant" value="${a.id}"`));
  // Someone in another group sees no hand, and cannot give A the floor from there.
  const other = others[0];
  page = await other.get(round);
  assert.match(page.text, /No hands are up\./);
  assert.doesNotMatch(page.text, /Amabel/);
  assert.equal((await other.post(`${round}/floor/give`, { participant: a.id })).status, 409);
  // Not in any group: the facilitator (who sees every group) has no queue to raise a hand in.
  assert.equal((await fac.post(`${round}/floor/hand`, {})).status, 403);
  // A person who left the event cannot be given the floor: only people here.
  assert.equal((await mate.post(`${round}/floor/give`, { participant: '999999' })).status, 409);

  const given = await mate.post(`${round}/floor/give`, { participant: a.id });
  assert.equal(given.status, 303);
  assert.match((await a.get(round)).text, /You have the floor\./);
  assert.match((await mates[1].get(round)).text, /Speaking now: Amabel/);
  assert.match((await mates[1].get(round)).text, /No hands are up\./, 'the hand went down with the floor');
  assert.equal((await mate.post(`${round}/floor/end`, {})).status, 303);
  assert.equal(one(`SELECT COUNT(*) FROM event_turns WHERE participant_id = ${a.id} AND seconds IS NOT NULL`), '1');
  // The turn is a contribution: the facilitator's spread counts A.
  assert.match((await fac.get(`${path}/run`)).text, /1 of 6 people have contributed/);

  // A go-round over the group's people here: only the one invited may pass (or a host for them).
  assert.equal((await mate.post(`${round}/floor/round`, {})).status, 303);
  page = await a.get(round);
  const invited = page.text.match(/Now invited: ([^<]+)</)[1];
  const next = [a, ...mates].find((p) => p.nickname === invited);
  const notNext = [a, ...mates].find((p) => p.nickname !== invited);
  assert.equal((await notNext.post(`${round}/floor/pass`, {})).status, 409);
  assert.equal((await next.post(`${round}/floor/pass`, {})).status, 303);
  assert.match((await a.get(round)).text, /Go-round: 1 of 3 people have had their turn\./);
  // Unknown actions are not found.
  assert.equal((await a.post(`${round}/floor/explode`, {})).status, 404);
  // When the round ends, the queue is closed to new hands.
  assert.equal((await fac.post(`${round}/do/end`, {})).status, 303);
  assert.equal((await a.post(`${round}/floor/hand`, {})).status, 409);
});

test('the main room\'s queue: closed until a facilitator opens it, which only they may do', async () => {
  const { fac, path, code } = await setUp();
  const guest = await join(code, 'Perpetua');
  assert.doesNotMatch((await guest.get(path)).text, /Raise your hand/, 'a closed queue is not offered');
  assert.match((await fac.get(`${path}/present`)).text, /<div id="present-floor" class="hs-stage__floor" data-live-region><\/div>/, 'nor on the presenter');
  assert.equal((await guest.post(`${path}/floor/hand`, {})).status, 409);
  assert.equal((await guest.post(`${path}/floor/open`, {})).status, 403);
  assert.equal((await guest.post(`${path}/floor/give`, { participant: guest.id })).status, 403);
  await fac.get(`${path}/run`);
  const opened = await fac.post(`${path}/floor/open`, {});
  assert.equal(opened.status, 303);
  assert.match(opened.location, /\/run\?floor_done=open#floor$/);
  assert.match((await fac.get(opened.location.replace(/#.*/, ''))).text,
    /id="floor-done" role="status"><strong>The speaking queue is open\./, 'the host is told what the press did');
  assert.match((await guest.get(path)).text, /Raise your hand/);
  assert.equal((await guest.post(`${path}/floor/hand`, {})).status, 303);
  const run = await fac.get(`${path}/run`);
  assert.match(run.text, /id="floor-queue"[\s\S]*Perpetua/);
  // Closing the queue with a hand up warns first that the hand stays up, hidden.
  assert.match(run.text, /id="floor-close-warning"><span class="govuk-visually-hidden">Warning<\/span> 1 hand is up\. If you close the queue/);
  assert.equal((await fac.post(`${path}/floor/give`, { participant: guest.id })).status, 303);
  assert.match((await guest.get(path)).text, /You have the floor\./);
  // The presenter shows the room who has the floor, and follows the queue's changes.
  const present = (await fac.get(`${path}/present`)).text;
  assert.match(present, /id="present-floor"[^>]*><p class="hs-stage__floor-text"><strong>Speaking now: Perpetua<\/strong> <span class="hs-stage__floor-hands">No hands are up\.<\/span>/);
  assert.match(present, /data-floor="\d+" data-floor-room="0"/);
  assert.doesNotMatch((await fac.get(`${path}/run`)).text, /floor-close-warning/, 'no hands up, no warning');
  // The guest says when they have finished; nobody else but a host may end the turn.
  const other = await join(code, 'Quillon');
  assert.equal((await other.post(`${path}/floor/end`, {})).status, 403);
  const finished = await guest.post(`${path}/floor/end`, {});
  assert.equal(finished.status, 303, 'the person speaking may say they have finished');
  assert.match(finished.location, /\?floor_done=end#floor$/);
  assert.match((await guest.get(path)).text, /Nobody has the floor|The turn has ended/);
  // The live channel's snapshot says which queue changed.
  const state = JSON.parse((await guest.get(`${path}/state.json`)).text);
  assert.ok(Number(state.floors['0']) > 0, JSON.stringify(state.floors));
});

test('contributions are counted as they come and go: a poll once a person, whatever they choose', async () => {
  const { fac, path, code } = await setUp();
  const guest = await join(code, 'Quentina');
  const before = [...(await fac.get(`${path}/run`)).text.matchAll(/id="item-(\d+)"/g)].map((m) => m[1]);
  const res = await fac.post(`${path}/items`, {
    kind: 'poll', title: 'Which days suit you?', summary: '', speakers: '', key_messages: '', content_note: '',
    options: 'Monday\nWednesday\nFriday', max_entries: '3', max_chars: '40', multiple: 'yes',
  });
  assert.equal(res.status, 303, res.text.slice(0, 400));
  const poll = [...(await fac.get(`${path}/run`)).text.matchAll(/id="item-(\d+)"/g)].map((m) => m[1]).find((id) => !before.includes(id));
  assert.equal((await fac.post(`${path}/items/${poll}/do/open`, {})).status, 303);
  const html = (await guest.get(path)).text;
  const options = [...html.matchAll(/name="choice" type="checkbox" value="(\d+)"/g)].map((m) => m[1]);
  assert.equal(options.length, 3, html.slice(0, 300));
  const count = () => one(`SELECT COALESCE(SUM(n), 0) FROM event_contribution_counts WHERE participant_id = ${guest.id}`);
  assert.equal((await guest.post(`${path}/items/${poll}/vote`, { choice: [options[0], options[1]] })).status, 303);
  assert.equal(count(), '1', 'two options of one poll are one contribution');
  assert.equal((await guest.post(`${path}/items/${poll}/vote`, { choice: [options[2]] })).status, 303);
  assert.equal(count(), '1', 'changing the answer is still one');
  assert.equal((await guest.post(`${path}/items/${poll}/vote`, { choice: [options[0], options[1], options[2]] })).status, 303);
  assert.equal(count(), '1');
  // The run page's spread reads the same count.
  assert.match((await fac.get(`${path}/run`)).text, /1 of 1 people have contributed/);
});
