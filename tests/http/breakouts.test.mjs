// Breakout rounds: a facilitator adds a round, people are placed in balanced groups
// (or choose, or come from a pasted list, or are moved by hand), the round runs with
// its questions, time left, a message to every group and "ask for help"; groups write
// notes named or anonymous; the round ends. Runs on the engine under test.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import WebSocket from 'ws';
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

async function join(code, nickname) {
  const p = new Client(server);
  await p.get('/join');
  const res = await p.post('/join', { code, nickname });
  assert.equal(res.status, 303, res.text.slice(0, 300));
  p.nickname = nickname;
  return p;
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
  assert.match(page.text, /&quot;violations&quot;:0/);

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
  page = await wren.get(roundPath);
  assert.match(page.text, /On now/);
  assert.match(page.text, /About 15 minutes left/);
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
  const wrenId = page.text.match(/name="participant" value="(\d+)">\s*<label[^>]*>Wren</)[1];
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
  assert.doesNotMatch(page.text, /name="note"/);

  // Keep-apart and keep-together pairs always hold; a name that matches nobody is reported.
  const pairsRound = await fac.post(`${path}/breakouts`, {
    prompts: 'Who else should be here?', min_size: '2', max_size: '3', duration: '5', content_note: '', mode: 'balanced',
    keep_apart: 'Wren, Tobiah\nMarguerite, Nobody Atall', keep_together: 'osei, calloway',
  });
  assert.equal(pairsRound.status, 200, 'the round is made, with a report of the unknown name');
  assert.match(pairsRound.text, /Nobody Atall/);
  const badPairs = await fac.post(`${path}/breakouts`, {
    prompts: 'x', min_size: '2', max_size: '3', duration: '5', content_note: '', mode: 'balanced', keep_apart: 'Wren', keep_together: '',
  });
  assert.equal(badPairs.status, 422);
  assert.match(badPairs.text, /href="#keep_apart"/);
  assert.match(badPairs.text, />Wren<\/textarea>/);
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
  assert.match(page.text, /&quot;repeat_meetings&quot;:0/);
  assert.ok(pairsPath);
});

test('people choose a group with room, and groups can come from a pasted list', async () => {
  const { fac, path, code } = await setUp();
  const ps = [];
  for (const n of NAMES.slice(0, 5)) ps.push(await join(code, n));
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
  assert.match(page.text, /&quot;repeat_meetings&quot;:0/);
});
