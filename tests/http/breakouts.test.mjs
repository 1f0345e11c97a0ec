// Breakout rounds: a facilitator adds a round, people are placed in balanced groups
// (or choose, or come from a pasted list, or are moved by hand), the round runs with
// its questions, time left, a message to every group and "ask for help"; groups write
// notes named or anonymous; the round ends. Runs on the engine under test.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import WebSocket from 'ws';
import { execFileSync } from 'node:child_process';
import { startServer, cli, Client, signedIn, PASSWORD } from './harness.mjs';

let server;
before(async () => { server = await startServer(); });
after(async () => { await server.stop(); });

const person = (name, options) => signedIn(server, name, options);

async function setUp() {
  const steward = await person('Perpetua Lindqvist', { steward: true });
  await steward.get('/spaces/new');
  const made = await steward.post('/spaces/new', {
    name: 'Harrowgate Carers Network', slug: '', kind: 'network',
    purpose: 'Unpaid carers and the services around them.', visibility: 'listed', code_of_conduct: 'Be kind.',
  });
  assert.equal(made.status, 303);
  const slug = made.location.match(/^\/spaces\/([a-z0-9-]+)/)[1];
  const fac = await person('Anselm Okonjo');
  cli(server, ['user', 'set-role', fac.email, 'facilitator', '--space', slug]);
  await fac.get(`/spaces/${slug}/events`);
  const ev = await fac.post(`/spaces/${slug}/events`, {
    title: 'Carers learning day', description: 'Talks and small groups.', starts: '2030-06-01T10:00', ends: '2030-06-01T15:00',
  });
  assert.equal(ev.status, 303, ev.text.slice(0, 400));
  const path = ev.location.replace(/\/run$/, '');
  const run = await fac.get(`${path}/run`);
  const code = run.text.match(/id="join-code">([A-Z0-9]+)</)[1];
  return { fac, slug, path, code };
}

async function join(code, nickname, { here = true } = {}) {
  const p = new Client(server);
  await p.get('/join');
  const res = await p.post('/join', { code, nickname });
  assert.equal(res.status, 303, res.text.slice(0, 300));
  p.nickname = nickname;
  // Here: the event's page is loaded (without JavaScript, that counts for a few minutes).
  if (here) assert.equal((await p.get(res.location)).status, 200);
  return p;
}

// Runs SQL on the server's database (to move a round's end into the past).
function sql(server, text) {
  if (server.db.startsWith('sqlite:')) execFileSync('sqlite3', ['-cmd', '.timeout 5000', server.db.slice(7)], { input: text });
  else execFileSync('psql', [server.db, '-q', '-f', '-'], { input: text });
}

// The people a facilitator can pick for a pair: value "#id", by name as shown.
function pickable(html) {
  const first = html.match(/<select class="govuk-select" id="keep_apart"[^>]*>([\s\S]*?)<\/select>/)[1];
  return Object.fromEntries([...first.matchAll(/<option value="(#\d+)"[^>]*>([^<]+)</g)].map((m) => [m[2], m[1]]));
}

const NAMES = ['Wren', 'Tobiah', 'Marguerite', 'Osei', 'Calloway', 'Yusra', 'Ingeborg', 'Piran'];

test('a breakout round from setting up to the end, with notes, a message, help and moves', async () => {
  const { fac, path, code } = await setUp();
  const ps = [];
  for (const n of NAMES) ps.push(await join(code, n));

  // Setting up: mistakes are explained and what was typed is kept.
  let page = await fac.get(`${path}/breakouts`);
  assert.equal(page.status, 200);
  const bad = await fac.post(`${path}/breakouts`, {
    prompts: '', min_size: '5', max_size: '3', duration: '0', content_note: '', mode: 'balanced',
  });
  assert.equal(bad.status, 422);
  for (const field of ['prompts', 'max_size', 'duration']) assert.match(bad.text, new RegExp(`href="#${field}"`));
  assert.match(bad.text, /value="5"/);

  const added = await fac.post(`${path}/breakouts`, {
    prompts: 'What does good involvement look like?\nWhat gets in the way?', min_size: '3', max_size: '4',
    duration: '15', content_note: 'We talk about caring when it is hard.', mode: 'balanced',
  });
  assert.equal(added.status, 303, added.text.slice(0, 600));
  const roundPath = added.location.replace(/\?.*$/, '');
  page = await fac.get(roundPath);
  assert.match(page.text, /8 people in 2 groups; 0 not in a group/);
  assert.match(page.text, /id="figures"[\s\S]*Every group size and every pair to keep apart or together is kept/);
  assert.doesNotMatch(page.text, /&quot;people&quot;/, 'the figures are words, not JSON');

  // Who is in which group, from the facilitator's page.
  const groupOf = (html, name) => {
    const sections = html.split('<div class="hs-card" id="group-').slice(1);
    for (const s of sections) if (s.includes(`>${name}<`) || s.includes(`>${name} (`)) return Number(s.match(/^(\d+)/)[1]);
    return 0;
  };
  const g = Object.fromEntries(NAMES.map((n) => [n, groupOf(page.text, n)]));
  for (const n of NAMES) assert.ok(g[n] === 1 || g[n] === 2, `${n} is in a group`);

  // Before the start people see their group but cannot write yet.
  const wren = ps[0];
  page = await wren.get(`${path}/breakouts`);
  assert.equal(page.status, 303);
  page = await wren.get(roundPath);
  assert.match(page.text, /Getting ready/);
  assert.match(page.text, /We talk about caring when it is hard/);
  assert.doesNotMatch(page.text, /name="note"/);

  assert.equal((await fac.post(`${roundPath}/do/start`, {})).status, 303);
  page = await wren.get(path);
  assert.match(page.text, /href="\/events\/\d+\/breakouts">Breakout round 1 is on now: go to your group<\/a>/);
  // The facilitator's run page puts the running round first, linked straight to it.
  const run = await fac.get(`${path}/run`);
  const rid = roundPath.match(/\/breakouts\/(\d+)$/)[1];
  assert.match(run.text, new RegExp(`id="happening-now"><a class="govuk-link govuk-!-font-weight-bold" href="/events/\\d+/breakouts/${rid}">Breakout round 1 is running, about 1[45] min left: go to the round</a>`));
  page = await wren.get(roundPath);
  assert.match(page.text, /On now/);
  assert.match(page.text, /1[45]:\d\d left/);
  assert.match(page.text, /What gets in the way\?/);

  // The event's live channel says what changed: seconds left, notes per group, messages.
  const ws = new WebSocket(`ws://127.0.0.1:${server.port}${path}/live`, { headers: { cookie: wren.cookieHeader(), origin: server.origin } });
  const messages = [];
  ws.on('message', (m) => messages.push(JSON.parse(String(m))));
  await new Promise((resolve, reject) => { ws.on('open', resolve); ws.on('error', reject); });
  const seen = async (pred) => {
    const deadline = Date.now() + 3000;
    while (!messages.some(pred) && Date.now() < deadline) await new Promise((r) => setTimeout(r, 50));
    return messages.find(pred);
  };

  // Notes: anonymous ones carry no name, named ones do; other groups do not see them.
  const mate = ps.find((p) => p !== wren && g[p.nickname] === g.Wren);
  const other = ps.find((p) => g[p.nickname] !== g.Wren);
  const empty = await wren.post(`${roundPath}/notes`, { note: '   ', as: 'anonymous' });
  assert.equal(empty.status, 422);
  assert.match(empty.text, /href="#note"/);
  assert.equal((await wren.post(`${roundPath}/notes`, { note: 'Being paid for our time matters.', as: 'anonymous' })).status, 303);
  assert.equal((await mate.post(`${roundPath}/notes`, { note: 'Meetings in the evening work for carers.', as: 'named' })).status, 303);
  page = await mate.get(roundPath);
  assert.match(page.text, /Being paid for our time matters\.<\/p><p class="hs-card__meta">Someone in the group/);
  assert.match(page.text, new RegExp(`Meetings in the evening work for carers\\.</p><p class="hs-card__meta">${mate.nickname}`));
  page = await other.get(roundPath);
  assert.doesNotMatch(page.text, /Being paid for our time/);
  const groupId = (await wren.get(roundPath)).text.match(/data-group="(\d+)"/)[1];
  const counted = await seen((m) => m.breakouts && m.breakouts.notes && m.breakouts.notes[groupId] === 2);
  assert.ok(counted, `a snapshot counts the group's notes: ${JSON.stringify(messages.slice(-2))}`);
  assert.equal(counted.breakouts.state, 'running');
  assert.ok(counted.breakouts.seconds_left > 800 && counted.breakouts.seconds_left <= 900);
  assert.doesNotMatch(JSON.stringify(messages), /Being paid for our time/, 'notes themselves never go out on the public channel');

  // A message to every group, and a group asking for help.
  assert.equal((await fac.post(`${roundPath}/broadcast`, { message: 'Five minutes to go.' })).status, 303);
  page = await other.get(roundPath);
  assert.match(page.text, /From the facilitator:<\/strong> Five minutes to go\./);
  assert.ok(await seen((m) => m.breakouts && m.breakouts.broadcast === 'Five minutes to go.'), 'the message goes out live');
  assert.equal((await other.post(`${roundPath}/help`, {})).status, 303);
  page = await other.get(roundPath);
  assert.match(page.text, /A facilitator will join your group soon/);
  page = await fac.get(roundPath);
  assert.match(page.text, /id="help-requests"[\s\S]*A group has asked for help/);
  const helpId = page.text.match(/\/help\/(\d+)\/resolve/)[1];
  assert.equal((await fac.post(`${roundPath}/help/${helpId}/resolve`, {})).status, 303);
  page = await fac.get(roundPath);
  assert.doesNotMatch(page.text, /id="help-requests"/);

  // Moving someone by hand, with a form (no dragging).
  const target = g.Wren === 1 ? 2 : 1;
  page = await fac.get(`${roundPath}?who=wre`);
  assert.match(page.text, /<strong>Wren<\/strong> · now in Group \d/);
  const wrenId = page.text.match(/name="participant" value="(\d+)">/)[1];
  assert.equal((page.text.match(/<option /g) || []).length, 4, 'one person found: groups 1, 2, a new group and none');
  assert.equal((await fac.post(`${roundPath}/move`, { participant: wrenId, group: String(target) })).status, 303);
  page = await wren.get(roundPath);
  assert.match(page.text, new RegExp(`<h2 class="govuk-heading-m">Group ${target}</h2>`));
  // ...and back, so that the groups are even again.
  assert.equal((await fac.post(`${roundPath}/move`, { participant: wrenId, group: String(g.Wren) })).status, 303);

  // Participants cannot run the round.
  assert.equal((await wren.post(`${roundPath}/do/end`, {})).status, 403);
  assert.equal((await wren.post(`${path}/breakouts`, { prompts: 'x', min_size: '2', max_size: '3', duration: '5', mode: 'balanced' })).status, 403);
  const stranger = new Client(server);
  assert.equal((await stranger.get(roundPath)).status, 404);

  // The end brings everyone back.
  assert.equal((await fac.post(`${roundPath}/do/end`, {})).status, 303);
  assert.ok(await seen((m) => m.breakouts && m.breakouts.state === 'ended'), 'the end goes out live');
  ws.close();
  page = await mate.get(roundPath);
  assert.match(page.text, /The round has ended\. Go back to the main event/);
  assert.doesNotMatch(page.text, /id="see-now"/, 'an ended round offers no refresh: nothing more will change');
  assert.doesNotMatch(page.text, /name="note"/);

  // Keep-apart and keep-together pairs, picked from the people here, always hold.
  const people = pickable((await fac.get(`${path}/breakouts`)).text);
  assert.deepEqual(Object.keys(people).sort(), [...NAMES].sort(), 'everyone here can be picked');
  const pairsAdded = await fac.post(`${path}/breakouts`, {
    prompts: 'Who else should be here?', min_size: '2', max_size: '3', duration: '5', content_note: '', mode: 'balanced',
    keep_apart_1_a: people.Wren, keep_apart_1_b: people.Tobiah, keep_together_1_a: people.Osei, keep_together_1_b: people.Calloway,
  });
  assert.equal(pairsAdded.status, 303, pairsAdded.text.slice(0, 600));
  const pairsRound = await fac.get(pairsAdded.location.replace(/\?.*$/, ''));
  const badPairs = await fac.post(`${path}/breakouts`, {
    prompts: 'x', min_size: '2', max_size: '3', duration: '5', content_note: '', mode: 'balanced',
    keep_apart_1_a: people.Wren, keep_apart_1_b: people.Wren,
  });
  assert.equal(badPairs.status, 422);
  assert.match(badPairs.text, /href="#keep_apart"/);
  assert.match(badPairs.text, /Choose two different people for each pair/);
  assert.match(badPairs.text, new RegExp(`<option value="${people.Wren}" selected>Wren</option>`), 'what was picked is kept');
  const pg = Object.fromEntries(NAMES.map((n) => [n, groupOf(pairsRound.text, n)]));
  assert.notEqual(pg.Wren, pg.Tobiah);
  assert.equal(pg.Osei, pg.Calloway);
  assert.match(pairsRound.text, /id="kept-apart"[\s\S]*Wren – Tobiah/);
  const pairsPath = pairsRound.text.match(/action="(\/events\/\d+\/breakouts\/\d+)\/do\/start"/)[1];

  // A number of groups instead of sizes, and details spread evenly.
  const spread = await fac.post(`${path}/breakouts`, {
    prompts: 'What would you change first?', min_size: '2', max_size: '3', groups: '2', duration: '5', content_note: '',
    mode: 'balanced', attributes: 'Wren, lived experience\nTobiah, lived experience\nMarguerite, lived experience\nOsei, lived experience',
  });
  assert.equal(spread.status, 303, spread.text.slice(0, 400));
  page = await fac.get(spread.location.replace(/\?.*$/, ''));
  assert.match(page.text, /8 people in 2 groups/);
  assert.match(page.text, /2 groups, as even in size as they can be/);
  assert.match(page.text, /id="details-given"/);
  const sg = Object.fromEntries(NAMES.map((n) => [n, groupOf(page.text, n)]));
  const withDetail = ['Wren', 'Tobiah', 'Marguerite', 'Osei'].map((n) => sg[n]);
  assert.equal(withDetail.filter((x) => x === 1).length, 2, `lived experience spread evenly: ${JSON.stringify(sg)}`);
  assert.doesNotMatch(page.text, /lived experience/, 'the details are not shown back on the page');
  const badGroups = await fac.post(`${path}/breakouts`, {
    prompts: 'x', min_size: '2', max_size: '3', groups: 'many', duration: '5', content_note: '', mode: 'balanced', attributes: 'Wren',
  });
  assert.equal(badGroups.status, 422);
  assert.match(badGroups.text, /href="#groups"/);
  assert.match(badGroups.text, /href="#attributes"/);

  // A second round in pairs: nobody meets someone from their first group again.
  const second = await fac.post(`${path}/breakouts`, {
    prompts: 'What one thing should change?', min_size: '2', max_size: '2', duration: '5', content_note: '', mode: 'balanced',
  });
  assert.equal(second.status, 303);
  page = await fac.get(second.location.replace(/\?.*$/, ''));
  assert.match(page.text, /8 people in 4 groups/);
  assert.match(page.text, /Nobody is with someone they met in an earlier round/);
  assert.ok(pairsPath);
});

test('people choose a group with room, and groups can come from a pasted list', async () => {
  const { fac, path, code } = await setUp();
  const ps = [];
  for (const n of NAMES.slice(0, 5)) ps.push(await join(code, n));
  // People who joined and left: no groups are made for them.
  for (let i = 0; i < 9; i++) await join(code, `Gone ${i}`, { here: false });
  const added = await fac.post(`${path}/breakouts`, {
    prompts: 'What helped you most?', min_size: '2', max_size: '3', duration: '10', content_note: '', mode: 'self_select',
  });
  assert.equal(added.status, 303);
  const roundPath = added.location.replace(/\?.*$/, '');
  let page = await ps[0].get(roundPath);
  assert.match(page.text, /Choose a group/);
  const groupIds = [...page.text.matchAll(/name="group" type="radio" value="(\d+)"/g)].map((m) => m[1]);
  assert.equal(groupIds.length, 2);
  const none = await ps[0].post(`${roundPath}/choose`, {});
  assert.equal(none.status, 422);
  for (const p of ps.slice(0, 3)) assert.equal((await p.post(`${roundPath}/choose`, { group: groupIds[0] })).status, 303);
  const full = await ps[3].post(`${roundPath}/choose`, { group: groupIds[0] });
  assert.equal(full.status, 409);
  assert.match(full.text, /That group is full/);
  page = await ps[1].get(roundPath);
  assert.match(page.text, /<h2 class="govuk-heading-m">Group 1<\/h2>/);
  assert.match(page.text, /<li>Wren<\/li>/);

  // From a list: names as the event shows them; unknown names and bad lines are reported.
  const list = await fac.post(`${path}/breakouts`, {
    prompts: 'Anything else?', min_size: '2', max_size: '3', duration: '10', content_note: '', mode: 'csv',
  });
  const listPath = list.location.replace(/\?.*$/, '');
  const res = await fac.post(`${listPath}/csv`, { csv: 'name,group\nwren,1\n"Tobiah",1\nMarguerite,2\nNobody Here,2\nOsei;2' });
  assert.equal(res.status, 200);
  assert.match(res.text, /Nobody Here/);
  assert.match(res.text, /Line 6: write a name, a comma and a group number/);
  assert.match(res.text, /3 people in 2 groups; 2 not in a group/);
});

test("asked to, balanced groups keep apart members who met at the space's earlier events", async () => {
  const { fac, slug, path: first } = await setUp();
  const members = [];
  for (const n of ['Esmé Carrow', 'Idris Fane', 'Lorcan Vey', 'Nuala Brisk']) {
    const m = await person(n);
    cli(server, ['user', 'set-role', m.email, 'member', '--space', slug]);
    m.name = n;
    members.push(m);
  }
  // People take part by choosing the one group of a first round, before anyone has joined.
  const takePart = async (eventPath) => {
    const r = await fac.post(`${eventPath}/breakouts`, {
      prompts: 'Hello', min_size: '2', max_size: '4', duration: '5', content_note: '', mode: 'self_select',
    });
    assert.equal(r.status, 303, r.text.slice(0, 300));
    const p = r.location.replace(/\?.*$/, '');
    const only = (await members[0].get(p)).text.match(/name="group" type="radio" value="(\d+)"/)[1];
    for (const m of members) assert.equal((await m.post(`${p}/choose`, { group: only })).status, 303);
  };
  const groupsOn = (html) => members.map((m) => {
    for (const s of html.split('<div class="hs-card" id="group-').slice(1))
      if (s.includes(`>${m.name}<`) || s.includes(`>${m.name} (`)) return Number(s.match(/^(\d+)/)[1]);
    return 0;
  });
  // At the first event they meet in pairs, and the round is held.
  await takePart(first);
  const pairs = await fac.post(`${first}/breakouts`, {
    prompts: 'What brought you here?', min_size: '2', max_size: '2', duration: '5', content_note: '', mode: 'balanced',
  });
  const pairsPath = pairs.location.replace(/\?.*$/, '');
  const before = groupsOn((await fac.get(pairsPath)).text);
  assert.equal((await fac.post(`${pairsPath}/do/start`, {})).status, 303);

  // A second event in the same space: balanced pairs that avoid who met before.
  await fac.get(`/spaces/${slug}/events`);
  const ev = await fac.post(`/spaces/${slug}/events`, {
    title: 'Carers learning day, part two', description: '', starts: '2030-07-01T10:00', ends: '2030-07-01T15:00',
  });
  const second = ev.location.replace(/\/run$/, '');
  await takePart(second);
  const made = await fac.post(`${second}/breakouts`, {
    prompts: 'What would you change?', min_size: '2', max_size: '2', duration: '5', content_note: '', mode: 'balanced',
    space_history: 'yes',
  });
  assert.equal(made.status, 303, made.text.slice(0, 300));
  const page = await fac.get(made.location.replace(/\?.*$/, ''));
  assert.match(page.text, /Also keep apart people who met at this space(&#39;|&apos;|')s earlier events/);
  const after = groupsOn(page.text);
  assert.ok(after.every((x) => x > 0), JSON.stringify(after));
  for (let a = 0; a < 4; a++)
    for (let b = a + 1; b < 4; b++)
      if (before[a] === before[b]) assert.notEqual(after[a], after[b], `${members[a].name} and ${members[b].name} met before`);
  assert.match(page.text, /Nobody is with someone they met in an earlier round/);
});

// Which group a person is in, on the facilitator's round page (exact name: "Ana" is not "Ana (2)").
function groupNamed(html, name) {
  for (const s of html.split('<div class="hs-card" id="group-').slice(1))
    if (s.includes(`<li>${name}<`) || s.includes(`<li>${name} (host)`)) return Number(s.match(/^(\d+)/)[1]);
  return 0;
}
const roundOf = (res) => res.location.replace(/\?.*$/, '');

test('rounds place the people who are here, tell two Anas apart, and offer a latecomer a group', async () => {
  const { fac, path, code } = await setUp();
  for (const n of ['Ana', 'Ana', 'Bex', 'Cai']) await join(code, n);
  // Joined, then gone: their page is neither connected nor loaded lately.
  for (const n of ['Gone Dora', 'Gone Eli', 'Gone Fay']) await join(code, n, { here: false });
  // Here with JavaScript: the event's live channel is open.
  const live = await join(code, 'Gwen', { here: false });
  const ws = new WebSocket(`ws://127.0.0.1:${server.port}${path}/live`, { headers: { cookie: live.cookieHeader(), origin: server.origin } });
  await new Promise((resolve, reject) => { ws.on('message', resolve); ws.on('error', reject); });

  const index = await fac.get(`${path}/breakouts`);
  assert.match(index.text, /5 people here now/);
  const people = pickable(index.text);
  assert.deepEqual(Object.keys(people).sort(), ['Ana', 'Ana (2)', 'Bex', 'Cai', 'Gwen']);
  const added = await fac.post(`${path}/breakouts`, {
    prompts: 'What matters to you?', min_size: '2', max_size: '3', duration: '10', content_note: '', mode: 'balanced',
    keep_apart_1_a: people.Ana, keep_apart_1_b: people['Ana (2)'],
  });
  assert.equal(added.status, 303, added.text.slice(0, 600));
  const roundPath = roundOf(added);
  let page = await fac.get(roundPath);
  assert.match(page.text, /5 people in 2 groups; 0 not in a group/);
  assert.match(page.text, /id="present-now"><strong>5 people here now/);
  assert.doesNotMatch(page.text, /Gone /, 'people who left are neither placed nor listed');
  assert.match(page.text, /id="kept-apart"[\s\S]*Ana – Ana \(2\)/);
  assert.ok(groupNamed(page.text, 'Ana') > 0 && groupNamed(page.text, 'Ana (2)') > 0);
  assert.notEqual(groupNamed(page.text, 'Ana'), groupNamed(page.text, 'Ana (2)'));
  assert.ok(groupNamed(page.text, 'Gwen') > 0, 'a connected page counts');

  // Someone who arrives after the groups were made is offered one.
  const hal = await join(code, 'Hal');
  page = await fac.get(roundPath);
  assert.match(page.text, /id="unplaced"><li>Hal<\/li>/);
  let mine = await hal.get(roundPath);
  assert.match(mine.text, /The groups were made before you arrived/);
  const offered = [...mine.text.matchAll(/name="group" type="radio" value="(\d+)"/g)].map((m) => m[1]);
  assert.ok(offered.length >= 1 && offered.length <= 3, String(offered.length));
  assert.equal((await hal.post(`${roundPath}/choose`, { group: offered[0] })).status, 303);
  mine = await hal.get(roundPath);
  assert.match(mine.text, /<h2 class="govuk-heading-m">Group \d<\/h2>/);
  page = await fac.get(roundPath);
  assert.ok(groupNamed(page.text, 'Hal') > 0);
  ws.close();
});

test('the timer counts down in minutes and seconds, and a round ends by itself a minute after its time', async () => {
  const { fac, path, code } = await setUp();
  const ps = [];
  for (const n of ['Ines', 'Jago', 'Kemi', 'Lars']) ps.push(await join(code, n));
  const added = await fac.post(`${path}/breakouts`, {
    prompts: 'What next?', min_size: '2', max_size: '2', duration: '5', content_note: '', mode: 'balanced', auto_end: 'yes',
  });
  assert.equal(added.status, 303, added.text.slice(0, 600));
  const roundPath = roundOf(added);
  const roundId = roundPath.split('/').pop();
  assert.equal((await fac.post(`${roundPath}/do/start`, {})).status, 303);
  let page = await ps[0].get(roundPath);
  assert.match(page.text, /id="time-left"[^>]*>[45]:\d\d left</);

  const ws = new WebSocket(`ws://127.0.0.1:${server.port}${path}/live`, { headers: { cookie: ps[1].cookieHeader(), origin: server.origin } });
  const messages = [];
  ws.on('message', (m) => messages.push(JSON.parse(String(m))));
  await new Promise((resolve, reject) => { ws.on('open', resolve); ws.on('error', reject); });

  // Time is up: a minute's countdown that brings everyone back.
  sql(server, `UPDATE breakout_rounds SET ends_at = ends_at - 300 WHERE id = ${roundId}`);
  page = await ps[0].get(roundPath);
  assert.match(page.text, /Time is up\. Everyone comes back in [01]:\d\d/);
  page = await fac.get(roundPath);
  assert.match(page.text, /On now/);
  // The minute has passed: the next request ends the round, and the live channel says so.
  sql(server, `UPDATE breakout_rounds SET ends_at = ends_at - 61 WHERE id = ${roundId}`);
  page = await ps[2].get(roundPath);
  assert.match(page.text, /The round has ended\. Go back to the main event/);
  const deadline = Date.now() + 3000;
  while (!messages.some((m) => m.breakouts && m.breakouts.rounds && m.breakouts.rounds[roundId] === 'ended') && Date.now() < deadline)
    await new Promise((r) => setTimeout(r, 50));
  assert.ok(messages.some((m) => m.breakouts && m.breakouts.state === 'ended'), 'the end goes out live');
  ws.close();
  page = await fac.get(roundPath);
  assert.doesNotMatch(page.text, /id="time-left"/);
});

test('the round page for 2,000 people stays light: names, and a search to move someone', async () => {
  const { fac, path } = await setUp();
  const eventId = Number(path.split('/').pop());
  const added = await fac.post(`${path}/breakouts`, {
    prompts: 'What would you change?', min_size: '5', max_size: '6', duration: '20', content_note: '', mode: 'manual',
  });
  assert.equal(added.status, 303, added.text.slice(0, 400));
  const roundPath = roundOf(added);
  const tokens = await crowd(server, eventId, 2000);
  // Everyone loads their page once (without JavaScript): here now.
  await visitAll(server, roundPath, tokens);
  const assigned = await fac.post(`${roundPath}/assign`, { mode: 'balanced' });
  assert.equal(assigned.status, 303, assigned.text.slice(0, 400));
  const page = await fac.get(roundPath);
  assert.equal(page.status, 200);
  assert.match(page.text, /2000 people here now/);
  assert.match(page.text, /2000 people in 334 groups; 0 not in a group/);
  const bytes = Buffer.byteLength(page.text);
  assert.ok(bytes < 300 * 1024, `the round page is ${bytes} bytes`);
  assert.equal((page.text.match(/<option /g) || []).length, 0, 'no select of every group for every person');
  const found = await fac.get(`${roundPath}?who=Person 1999`);
  assert.match(found.text, /<strong>Person 1999<\/strong> · now in Group \d+/);
  assert.equal((found.text.match(/name="participant"/g) || []).length, 1);
});

// A crowd of guests who joined by code (written straight to the database: joining 2,000
// people by HTTP would meet the per-address allowance): "Person 1" ... with tokens.
async function crowd(srv, eventId, n) {
  const { createHash, randomBytes } = await import('node:crypto');
  const tokens = [];
  const rows = [];
  for (let i = 1; i <= n; i++) {
    const token = randomBytes(16).toString('hex');
    tokens.push(token);
    rows.push(`(${eventId}, '${createHash('sha256').update(token).digest('hex')}', 'Person ${i}', 0)`);
  }
  sql(srv, `INSERT INTO event_participants (event_id, token_hash, nickname, joined_at) VALUES ${rows.join(',')}`);
  return tokens;
}

async function visitAll(srv, where, tokens) {
  let next = 0;
  const worker = async () => {
    while (next < tokens.length) {
      const token = tokens[next++];
      const res = await fetch(`${srv.url}${where}`, { headers: { cookie: `__Host-hs_participant=${token}` }, redirect: 'manual' });
      assert.equal(res.status, 200);
      await res.arrayBuffer();
    }
  };
  await Promise.all(Array.from({ length: 16 }, worker));
}
