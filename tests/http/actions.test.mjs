// "You said, we did": facilitators (and a partner, for their own organisation) raise
// actions from stories; the owning organisation's partners and facilitators move them
// forward, and "change made" or "not changing" cannot be recorded without what changed or
// why; every raise and move is in the decision log, which still verifies offline; a
// withdrawn story's action shows nothing of its words; the page is public only when a
// steward says so; CSV, JSON and Atom. Runs on the engine under test.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { spawnSync } from 'node:child_process';
import { startServer, cli, signedIn, BIN } from './harness.mjs';

let server;
let cast;
const person = (name, options) => signedIn(server, name, options);

function decode(html) {
  return html.replace(/&#39;|&apos;/g, "'").replace(/&quot;/g, '"').replace(/&lt;/g, '<').replace(/&gt;/g, '>').replace(/&amp;/g, '&');
}

let spaces = 0;
// A listed forum with a facilitator, a member who shares a story, and two organisations,
// each with a partner. Returns the slug, the organisations' ids and the story's path.
async function forum(storyFields = {}) {
  const { steward, facilitator, author, partner, otherPartner } = cast;
  await steward.get('/spaces/new');
  const res = await steward.post('/spaces/new', {
    name: `Eastholm Recovery Voices ${++spaces}`, slug: '', kind: 'forum', purpose: 'People in recovery in Eastholm.',
    visibility: 'listed', code_of_conduct: 'Be kind.',
  });
  assert.equal(res.status, 303);
  const slug = res.location.match(/^\/spaces\/([a-z0-9-]+)\?/)[1];
  cli(server, ['user', 'set-role', facilitator.email, 'facilitator', '--space', slug]);
  cli(server, ['user', 'set-role', author.email, 'member', '--space', slug]);
  const orgs = [];
  for (const [name, who] of [['Eastholm Recovery Service', partner], ['Eastholm Council Housing', otherPartner]]) {
    await steward.get(`/spaces/${slug}/stories/partners`);
    assert.equal((await steward.post(`/spaces/${slug}/stories/partners/organisations`, { name })).status, 303);
    const page = await steward.get(`/spaces/${slug}/stories/partners`);
    const id = [...page.text.matchAll(/<option value="(\d+)"[^>]*>([^<]+)<\/option>/g)].find((m) => m[2] === name)[1];
    const r = await steward.post(`/spaces/${slug}/stories/partners`, { email: who.email, organisation: id });
    assert.equal(r.status, 303, r.text.slice(0, 800));
    orgs.push(id);
  }
  await author.get(`/spaces/${slug}/stories/new`);
  const shared = await author.post(`/spaces/${slug}/stories/new`, {
    title: 'Nobody told me the clinic had moved', body: 'I turned up at the old address three times.',
    content_note: '', topics: '', audience: 'anyone', shown_as: 'anonymous', pseudonym: '', consent: 'yes',
    about: orgs[0], ...storyFields,
  });
  assert.equal(shared.status, 303, shared.text.slice(0, 1500));
  const story = shared.location.replace(/\?.*$/, '');
  return { slug, orgs, story, storyId: story.match(/(\d+)$/)[1] };
}

// fields.story or fields.decision: the id of the source (the form's one "source" choice).
async function raise(client, slug, { story, decision, ...fields }) {
  await client.get(`/spaces/${slug}/actions/new`);
  const source = story ? `story-${story}` : decision ? `decision-${decision}` : '';
  return client.post(`/spaces/${slug}/actions/new`, { title: 'Tell people when a clinic moves', details: '', due_day: '', due_month: '', due_year: '', source, ...fields });
}

// A proposal the facilitator opens in the space (the decisions module's own form).
async function propose(client, slug, title) {
  await client.get(`/spaces/${slug}/decisions/new`);
  const d = new Date(Date.now() + 72 * 3600 * 1000);
  const pad = (n) => String(n).padStart(2, '0');
  const res = await client.post(`/spaces/${slug}/decisions/new`, {
    title, details: 'So that nobody goes to the wrong place.', method: 'consent', options: '',
    closes_day: String(d.getUTCDate()), closes_month: String(d.getUTCMonth() + 1), closes_year: String(d.getUTCFullYear()),
    closes_time: `${pad(d.getUTCHours())}:${pad(d.getUTCMinutes())}`,
    quorum: '50', results: 'after_close', threshold: 'simple_majority', dots: '5',
  });
  assert.equal(res.status, 303, `opening a proposal: ${res.status} ${res.text.slice(0, 600)}`);
  return res.location.match(/\/decisions\/(\d+)/)[1];
}

before(async () => {
  server = await startServer();
  cast = {
    steward: await person('Oriel Haddington', { steward: true }),
    facilitator: await person('Bastian Greaves'),
    author: await person('Perpetua Lindqvist'),
    partner: await person('Ezekiel Fontaine'),
    otherPartner: await person('Clementine Rusk'),
    outsider: await person('Thaddeus Moorcroft'),
  };
});
after(async () => { await server.stop(); });

test('raising: who may, and a refused form keeps what was typed', async () => {
  const { facilitator, author, partner, otherPartner } = cast;
  const { slug, orgs, storyId } = await forum();
  assert.equal((await author.get(`/spaces/${slug}/actions/new`)).status, 403, 'members do not raise actions');
  let r = await raise(facilitator, slug, { title: 'Tell people when a clinic moves', details: 'Kept as typed.', story: '', organisation: orgs[0], due_day: '31', due_month: '2', due_year: '2099' });
  assert.equal(r.status, 422);
  const t = decode(r.text);
  assert.match(t, /Choose the story or decision it comes from/);
  assert.match(t, /Enter a real date/);
  assert.match(r.text, /value="Tell people when a clinic moves"/);
  assert.match(r.text, />Kept as typed\.<\/textarea>/);
  assert.match(r.text, /value="31"/);
  assert.match(r.text, new RegExp(`<option value="${orgs[0]}" selected>`));
  // A partner raises only for their own organisation.
  r = await raise(otherPartner, slug, { story: storyId, organisation: orgs[0] });
  assert.equal(r.status, 422);
  assert.match(decode(r.text), /only for the organisation you answer for/);
  r = await raise(partner, slug, { story: storyId, organisation: orgs[0], title: 'Signs at the old clinic address' });
  assert.equal(r.status, 303, r.text.slice(0, 1500));
  // The partners who answer for the owning organisation are told (not whoever raised it).
  const sentBefore = server.outbox().length;
  r = await raise(facilitator, slug, { story: storyId, organisation: orgs[0], title: 'Put the new address on the website' });
  assert.equal(r.status, 303, r.text.slice(0, 1500));
  const toldNow = server.outbox().slice(sentBefore);
  const toPartner = toldNow.filter((m) => m.includes(`To: ${partner.email}\r\n`));
  assert.equal(toPartner.length, 1);
  assert.match(toPartner[0], /An action for your organisation has been raised/);
  assert.match(toPartner[0], /Put the new address on the website/);
  assert.equal(toldNow.filter((m) => m.includes(`To: ${otherPartner.email}\r\n`)).length, 0, 'not the other organisation');
  // Raising again from the same story shows what was already raised from it.
  const again = decode((await facilitator.get(`/spaces/${slug}/actions/new?story=${storyId}`)).text);
  assert.match(again, /Already raised from this source[\s\S]*Put the new address on the website<\/a> \(Raised\)/);
  r = await raise(facilitator, slug, { story: storyId, organisation: orgs[1], due_day: '1', due_month: '6', due_year: '2099' });
  assert.equal(r.status, 303, r.text.slice(0, 1500));
  const page = await facilitator.get(r.location);
  assert.equal(page.status, 200);
  assert.match(page.text, /Eastholm Council Housing/);
  assert.match(page.text, /1 June 2099/);
  assert.match(page.text, /Nobody told me the clinic had moved/);
});

test('moves: forward only, and no "change made" or "not changing" without what changed or why', async () => {
  const { facilitator, partner, otherPartner, steward } = cast;
  const { slug, orgs, storyId } = await forum();
  const r = await raise(facilitator, slug, { story: storyId, organisation: orgs[0] });
  const path = r.location.replace(/\?.*$/, '');
  // Only the owner's partners and facilitators see the form and may move it.
  assert.doesNotMatch((await otherPartner.get(path)).text, /Change its status/);
  await otherPartner.get(path);
  assert.equal((await otherPartner.post(`${path}/status`, { to: 'looking_at' })).status, 403);
  await steward.get(path);
  assert.equal((await steward.post(`${path}/status`, { to: 'looking_at' })).status, 403);
  await partner.get(path);
  let m = await partner.post(`${path}/status`, { to: 'made', account: '', link: 'https://example.org/clinic', reason: '', note: 'Kept note.' });
  assert.equal(m.status, 422);
  assert.match(decode(m.text), /Say what changed/);
  assert.match(m.text, /value="https:\/\/example.org\/clinic"/);
  assert.match(m.text, />Kept note\.<\/textarea>/);
  assert.match(m.text, /value="made" checked/);
  m = await partner.post(`${path}/status`, { to: 'not_changing', account: 'Not a reason.', link: '', reason: '', note: '' });
  assert.equal(m.status, 422);
  assert.match(decode(m.text), /Say why it is not changing/);
  assert.match(m.text, />Not a reason\.<\/textarea>/);
  m = await partner.post(`${path}/status`, { to: 'planned', note: 'New signs are ordered.', account: '', link: '', reason: '' });
  assert.equal(m.status, 303);
  // No going back.
  await partner.get(path);
  m = await partner.post(`${path}/status`, { to: 'looking_at', note: '', account: '', link: '', reason: '' });
  assert.equal(m.status, 409);
  assert.match(decode(m.text), /can only move forward/);
  await facilitator.get(path);
  m = await facilitator.post(`${path}/status`, { to: 'made', account: 'Signs went up at the old address on Monday.', link: 'https://example.org/clinic', reason: '', note: '' });
  assert.equal(m.status, 303);
  const page = (await facilitator.get(path)).text;
  assert.match(page, /Change made/);
  assert.match(page, /Signs went up at the old address on Monday\./);
  assert.match(page, /New signs are ordered\./);
  assert.doesNotMatch(page, /Change its status/, 'closed: no form');
  await partner.get(path);
  m = await partner.post(`${path}/status`, { to: 'not_changing', reason: 'Changed our minds.', note: '', account: '', link: '' });
  assert.equal(m.status, 409);
});

test('the decision log holds every raise and move, names no one, and verifies offline', async () => {
  const { facilitator, partner, author } = cast;
  const { slug, orgs, storyId } = await forum();
  const r = await raise(facilitator, slug, { story: storyId, organisation: orgs[0] });
  const path = r.location.replace(/\?.*$/, '');
  await partner.get(path);
  assert.equal((await partner.post(`${path}/status`, { to: 'not_changing', reason: 'The clinic closes in May anyway.', note: '', account: '', link: '' })).status, 303);
  const log = await facilitator.get(`/spaces/${slug}/audit/export`);
  assert.equal(log.status, 200);
  assert.match(log.text, /action\.raised/);
  assert.match(log.text, /action\.moved/);
  assert.match(log.text, /not_changing/);
  assert.doesNotMatch(log.text, new RegExp(`${partner.name}|${facilitator.name}|${author.name}|${partner.email}|clinic closes`));
  const file = join(server.dataDir, `actions-${slug}.json`);
  writeFileSync(file, log.text);
  const verified = spawnSync(BIN, ['audit', 'verify', file], { encoding: 'utf8' });
  assert.equal(verified.status, 0, verified.stdout + verified.stderr);
});

test("a withdrawn story's action shows that, and nothing of its words, on the page and in every export", async () => {
  const { facilitator, author, steward } = cast;
  const { slug, orgs, story, storyId } = await forum();
  await raise(facilitator, slug, { story: storyId, organisation: orgs[0], title: 'Send a letter when a clinic moves' });
  await steward.get(`/spaces/${slug}/actions`);
  assert.equal((await steward.post(`/spaces/${slug}/actions/settings`, { page_public: 'yes' })).status, 303);
  const base = `/spaces/${slug}/actions`;
  assert.match((await fetch(server.url + base).then((x) => x.text())), /Nobody told me the clinic had moved/);
  await author.get(`${story}/withdraw`);
  assert.equal((await author.post(`${story}/withdraw`, {})).status, 303);
  for (const suffix of ['', '/export.csv', '/export.json', '/feed.atom']) {
    for (const text of [(await facilitator.get(base + suffix)).text, await fetch(server.url + base + suffix).then((x) => x.text())]) {
      assert.doesNotMatch(text, /Nobody told me the clinic|old address three times/, suffix);
      assert.match(text, /Send a letter when a clinic moves/, suffix);
    }
  }
  assert.match((await facilitator.get(base)).text, /withdrawn by its author/);
  assert.match((await facilitator.get(`${base}/export.csv`)).text, /withdrawn by its author/);
  assert.equal(JSON.parse((await facilitator.get(`${base}/export.json`)).text).actions[0].source.withdrawn_by_its_author, true);
});

test('the page is for members and partners until a steward makes it public; CSV, JSON and Atom follow it', async () => {
  const { facilitator, partner, steward, outsider } = cast;
  const { slug, orgs, storyId } = await forum({ audience: 'members' });
  const r = await raise(facilitator, slug, { story: storyId, organisation: orgs[0], title: 'Text people =before= a clinic moves' });
  const path = r.location.replace(/\?.*$/, '');
  await partner.get(path);
  await partner.post(`${path}/status`, { to: 'looking_at', note: '', account: '', link: '', reason: '' });
  const base = `/spaces/${slug}/actions`;
  for (const suffix of ['', '/export.csv', '/export.json', '/feed.atom']) {
    const anon = await fetch(server.url + base + suffix, { redirect: 'manual' });
    assert.ok([303, 401, 302].includes(anon.status), `${suffix}: ${anon.status}`);
    assert.equal((await outsider.get(base + suffix)).status, 403, suffix);
    assert.equal((await partner.get(base + suffix)).status, 200, suffix);
  }
  assert.equal((await facilitator.post(`${base}/settings`, { page_public: 'yes' })).status, 403);
  await steward.get(base);
  assert.equal((await steward.post(`${base}/settings`, { page_public: 'yes' })).status, 303);
  const page = await fetch(server.url + base);
  assert.equal(page.status, 200);
  const html = await page.text();
  assert.match(html, /Text people =before= a clinic moves/);
  assert.match(html, /Being looked at/);
  // A members-only story is not named to the public.
  assert.match(html, /A story that only some people can read/);
  assert.doesNotMatch(html, /Nobody told me the clinic had moved/);
  const csv = await fetch(server.url + base + '/export.csv');
  assert.match(csv.headers.get('content-type'), /text\/csv/);
  const lines = (await csv.text()).trim().split('\r\n');
  assert.equal(lines.length, 2);
  assert.match(lines[0], /^"action","title"/);
  assert.match(lines[1], /"Text people =before= a clinic moves"/);
  assert.match(lines[1], /"Eastholm Recovery Service","looking_at"/);
  const json = await fetch(server.url + base + '/export.json').then((x) => x.json());
  assert.equal(json.actions.length, 1);
  assert.equal(json.actions[0].status, 'looking_at');
  assert.equal(json.actions[0].history.length, 2);
  assert.equal(json.actions[0].source.title, undefined);
  assert.equal(json.figures.stories_raising_a_concern, 1);
  // Feed readers find the feed from the page's head.
  const board = await (await fetch(server.url + base)).text();
  assert.match(board, new RegExp(`<link rel="alternate" type="application/atom\\+xml" title="[^"]+" href="${base}/feed.atom">`));
  // The feed follows the list's filters.
  const entries = async (q) => ((await (await fetch(server.url + base + '/feed.atom' + q)).text()).match(/<entry>/g) || []).length;
  assert.equal(await entries('?status=looking_at'), 1);
  assert.equal(await entries('?status=made'), 0);
  const filtered = await (await fetch(server.url + base + '?status=looking_at')).text();
  assert.match(filtered, new RegExp(`<link rel="alternate" type="application/atom\\+xml" title="[^"]+" href="${base}/feed.atom\\?status=looking_at">`));
  const atom = await fetch(server.url + base + '/feed.atom');
  assert.match(atom.headers.get('content-type'), /application\/atom\+xml/);
  const feed = await atom.text();
  assert.match(feed, /<feed xmlns="http:\/\/www.w3.org\/2005\/Atom">/);
  assert.match(feed, /<entry>/);
  assert.match(feed, /Eastholm Recovery Service: Being looked at/);
  // Figures: one concern, no response yet; a partner's response counts.
  assert.match(decode(html), /Stories raising a concern that got a response/);
});

test("the owning partners are reminded once before the due date; others are not; the person's data export lists what they recorded", async () => {
  const { facilitator, partner, otherPartner } = cast;
  const { slug, orgs, storyId } = await forum();
  const soon = new Date(Date.now() + 3 * 86400 * 1000);
  const r = await raise(facilitator, slug, {
    story: storyId, organisation: orgs[0], title: 'Answer the phone line on Saturdays',
    due_day: String(soon.getUTCDate()), due_month: String(soon.getUTCMonth() + 1), due_year: String(soon.getUTCFullYear()),
  });
  assert.equal(r.status, 303, r.text.slice(0, 1500));
  const before = server.outbox().length;
  assert.match(cli(server, ['remind']), /1 actions/);
  assert.match(cli(server, ['remind']), /0 actions/, 'once only');
  const sent = server.outbox().slice(before);
  const mine = sent.filter((m) => m.includes(`To: ${partner.email}\r\n`));
  assert.equal(mine.length, 1);
  assert.match(mine[0], /Due soon: Answer the phone line on Saturdays/);
  assert.match(mine[0], new RegExp(`/spaces/${slug}/actions/\\d+`));
  assert.equal(sent.filter((m) => m.includes(`To: ${otherPartner.email}\r\n`)).length, 0);
  const path = r.location.replace(/\?.*$/, '');
  await partner.get(path);
  await partner.post(`${path}/status`, { to: 'looking_at', note: 'Rota being drawn up.', account: '', link: '', reason: '' });
  const data = await partner.get('/account/data.json');
  assert.equal(data.status, 200);
  assert.match(data.text, /Rota being drawn up\./);
});

test('an action raised from a decision names it to members and not to the public', async () => {
  const { facilitator, partner, steward } = cast;
  const { slug, orgs } = await forum();
  const decision = await propose(facilitator, slug, 'Ask services to tell us before they move');
  const form = await facilitator.get(`/spaces/${slug}/actions/new?decision=${decision}`);
  assert.match(form.text, new RegExp(`<option value="decision-${decision}" selected>Ask services to tell us before they move</option>`));
  // Partners do not see the members' decisions, so cannot raise from one.
  let r = await raise(partner, slug, { decision, organisation: orgs[0] });
  assert.equal(r.status, 422);
  assert.match(decode(r.text), /Choose the story or decision it comes from/);
  r = await raise(facilitator, slug, { decision, organisation: orgs[0], title: 'Write to members a month before a move' });
  assert.equal(r.status, 303, r.text.slice(0, 1500));
  const page = (await facilitator.get(r.location)).text;
  assert.match(page, new RegExp(`href="/spaces/${slug}/decisions/${decision}">Ask services to tell us before they move<`));
  await steward.get(`/spaces/${slug}/actions`);
  assert.equal((await steward.post(`/spaces/${slug}/actions/settings`, { page_public: 'yes' })).status, 303);
  const pub = await fetch(server.url + `/spaces/${slug}/actions`).then((x) => x.text());
  assert.match(pub, /Write to members a month before a move/);
  assert.match(decode(pub), /A decision of this space's members/);
  assert.doesNotMatch(pub, /Ask services to tell us before they move/);
  const json = await fetch(server.url + `/spaces/${slug}/actions/export.json`).then((x) => x.json());
  const action = json.actions.find((a) => a.title === 'Write to members a month before a move');
  assert.equal(action.source.decision, Number(decision));
  assert.equal(action.source.title, undefined);
  const log = await facilitator.get(`/spaces/${slug}/audit/export`);
  assert.match(log.text, new RegExp(`"decision":${decision}`));
});

test("erasure: a storyteller's account goes and the action stays, from a story withdrawn by its author; a partner's goes and their account of the change stays", async () => {
  const { facilitator, steward } = cast;
  const teller = await person('Hyacinth Oduya');
  const mover = await person('Leopold Vance');
  const { slug, orgs } = await forum();
  cli(server, ['user', 'set-role', teller.email, 'member', '--space', slug]);
  await steward.get(`/spaces/${slug}/stories/partners`);
  assert.equal((await steward.post(`/spaces/${slug}/stories/partners`, { email: mover.email, organisation: orgs[0] })).status, 303);
  await teller.get(`/spaces/${slug}/stories/new`);
  const shared = await teller.post(`/spaces/${slug}/stories/new`, {
    title: 'Three letters to the wrong address', body: 'They kept writing to my old flat.', content_note: '', topics: '',
    audience: 'anyone', shown_as: 'name', pseudonym: '', consent: 'yes', about: orgs[0],
  });
  assert.equal(shared.status, 303);
  const storyId = shared.location.match(/stories\/(\d+)/)[1];
  const r = await raise(facilitator, slug, { story: storyId, organisation: orgs[0], title: 'Check the address at every contact' });
  const path = r.location.replace(/\?.*$/, '');
  await mover.get(path);
  assert.equal((await mover.post(`${path}/status`, { to: 'made', account: 'Staff now confirm the address at every call.', link: '', reason: '', note: '' })).status, 303);
  for (const who of [teller, mover]) {
    await who.get('/account/data');
    assert.equal((await who.post('/account/delete', { confirm: 'yes' })).status, 200);
  }
  const page = (await facilitator.get(path)).text;
  assert.match(page, /Check the address at every contact/);
  assert.match(page, /withdrawn by its author/);
  assert.match(page, /Staff now confirm the address at every call\./);
  assert.doesNotMatch(page, /Three letters to the wrong address|Hyacinth|Leopold/);
});

// An event of the space with a theme the facilitator wrote on its themes page; returns the
// event's id and the report's "Raise an action" link for the theme.
async function eventWithTheme(client, slug, themeTitle) {
  await client.get(`/spaces/${slug}/events`);
  const ev = await client.post(`/spaces/${slug}/events`, {
    title: 'Eastholm recovery learning day', description: 'Small groups on getting help.', starts: '2030-06-01T10:00', ends: '2030-06-01T15:00',
  });
  assert.equal(ev.status, 303, ev.text.slice(0, 600));
  const eventId = ev.location.match(/\/events\/(\d+)/)[1];
  await client.get(`/events/${eventId}/themes`);
  assert.equal((await client.post(`/events/${eventId}/themes`, { title: themeTitle })).status, 303);
  return { eventId };
}

test('an action raised from a theme of an event report: only by facilitators, only for their own space, and it links to the report', async () => {
  const { facilitator, partner, author } = cast;
  const { slug, orgs } = await forum();
  const { eventId } = await eventWithTheme(facilitator, slug, 'Being told in time when things change');
  const report = await facilitator.get(`/events/${eventId}/report`);
  assert.equal(report.status, 200);
  const link = decode(report.text).match(new RegExp(`href="(/spaces/${slug}/actions/new\\?theme=(\\d+))"`));
  assert.ok(link, 'the report offers "Raise an action" beside the theme');
  const themeId = link[2];
  // A member reads the report but is not offered it.
  const seen = await author.get(`/events/${eventId}/report`);
  assert.equal(seen.status, 200);
  assert.doesNotMatch(seen.text, /actions\/new\?theme=/);

  const form = await facilitator.get(link[1]);
  assert.equal(form.status, 200);
  assert.match(form.text, new RegExp(`<option value="theme-${themeId}" selected>Being told in time when things change`));
  let r = await raise(facilitator, slug, { source: `theme-${themeId}`, organisation: orgs[0], title: 'Tell members a month before a service moves' });
  assert.equal(r.status, 303, r.text.slice(0, 1500));
  const page = (await facilitator.get(r.location)).text;
  assert.match(page, new RegExp(`href="/events/${eventId}/report">Being told in time when things change</a>`));
  assert.equal((await facilitator.get(`/events/${eventId}/report`)).status, 200);

  // Not a facilitator: refused, whatever else they may raise from.
  r = await raise(partner, slug, { source: `theme-${themeId}`, organisation: orgs[0] });
  assert.equal(r.status, 403);
  assert.equal((await raise(author, slug, { source: `theme-${themeId}`, organisation: orgs[0] })).status, 403);
  // A theme of another space's event: refused in this one.
  const other = await forum();
  r = await raise(facilitator, other.slug, { source: `theme-${themeId}`, organisation: other.orgs[0] });
  assert.equal(r.status, 422);
  assert.match(decode(r.text), /Choose the story or decision it comes from/);

  // The decision log names the kind of source; the public sees the action, not the theme.
  const log = await facilitator.get(`/spaces/${slug}/audit/export`);
  assert.match(log.text, new RegExp(`"theme":${themeId}`));
  const { steward } = cast;
  await steward.get(`/spaces/${slug}/actions`);
  assert.equal((await steward.post(`/spaces/${slug}/actions/settings`, { page_public: 'yes' })).status, 303);
  const pub = await fetch(server.url + `/spaces/${slug}/actions`).then((x) => x.text());
  assert.match(pub, /Tell members a month before a service moves/);
  assert.match(decode(pub), /A theme of the report of one of this space's events/);
  assert.doesNotMatch(pub, /Being told in time/);
  const json = await facilitator.get(`/spaces/${slug}/actions/export.json`).then((x) => JSON.parse(x.text));
  assert.equal(json.actions[0].source.theme, Number(themeId));
  assert.equal(json.actions[0].source.title, 'Being told in time when things change');
  assert.match((await facilitator.get(`/spaces/${slug}/actions/export.csv`)).text, new RegExp(`"theme","${themeId}","Being told in time when things change"`));

  // Renamed in the report: the action follows; taken out of it: the action stays and says so.
  await facilitator.get(`/events/${eventId}/themes`);
  assert.equal((await facilitator.post(`/events/${eventId}/themes/${themeId}/rename`, { title: 'Told in time' })).status, 303);
  assert.match((await facilitator.get(`/spaces/${slug}/actions`)).text, new RegExp(`href="/events/${eventId}/report">Told in time</a>`));
  assert.equal((await facilitator.post(`/events/${eventId}/themes/${themeId}/do/remove`, {})).status, 303);
  const gone = decode((await facilitator.get(`/spaces/${slug}/actions`)).text);
  assert.match(gone, /Tell members a month before a service moves/);
  assert.match(gone, /A theme since taken out of its event report/);
});

test('the storyteller hears when an action from their story moves (email and their own page), and nobody else learns who they are', async () => {
  const { facilitator, partner, author, otherPartner } = cast;
  const { slug, orgs, story, storyId } = await forum();
  const r = await raise(facilitator, slug, { story: storyId, organisation: orgs[0], title: 'Put the new clinic address on every letter' });
  const path = r.location.replace(/\?.*$/, '');
  const before = server.outbox().length;
  await partner.get(path);
  assert.equal((await partner.post(`${path}/status`, { to: 'planned', note: 'Letters are being reprinted.', account: '', link: '', reason: '' })).status, 303);
  const sent = server.outbox().slice(before);
  const told = sent.filter((m) => m.includes(`To: ${author.email}\r\n`));
  assert.equal(told.length, 1);
  assert.match(told[0], /An action from your story is now: change planned/);
  assert.match(told[0], /Put the new clinic address on every letter/);
  assert.match(told[0], new RegExp(`/spaces/${slug}/actions/\\d+`));
  for (const m of sent.filter((x) => !x.includes(`To: ${author.email}\r\n`))) assert.doesNotMatch(m, new RegExp(author.name));
  const mine = decode((await author.get(`/spaces/${slug}/stories/mine`)).text);
  assert.match(mine, /An action from your story, "Put the new clinic address on every letter", is now: change planned/);
  // The anonymous story still names no one to partners and facilitators.
  for (const who of [partner, otherPartner, facilitator]) {
    assert.doesNotMatch((await who.get(path)).text, new RegExp(author.name));
    assert.doesNotMatch((await who.get(story)).text, new RegExp(author.name));
  }
  // Withdrawn: no more email.
  await author.get(`${story}/withdraw`);
  assert.equal((await author.post(`${story}/withdraw`, {})).status, 303);
  const after = server.outbox().length;
  await partner.get(path);
  assert.equal((await partner.post(`${path}/status`, { to: 'made', account: 'Every letter now has the new address.', note: '', link: '', reason: '' })).status, 303);
  assert.equal(server.outbox().slice(after).filter((m) => m.includes(`To: ${author.email}\r\n`)).length, 0);
});

test('the page at scale: fifty a page with GOV.UK pagination, filters, a bad page number shows the first page, exports hold every action', async () => {
  const { facilitator, partner } = cast;
  const { slug, orgs, story, storyId } = await forum();
  await partner.get(story);
  assert.equal((await partner.post(`${story}/responses`, { body: 'Thank you for telling us. We are changing how we tell people.' })).status, 303);
  await facilitator.get(`/spaces/${slug}/actions/new`);
  for (let i = 1; i <= 120; i++) {
    const r = await facilitator.post(`/spaces/${slug}/actions/new`, {
      title: `Action number ${i}`, details: '', due_day: '', due_month: '', due_year: '', source: `story-${storyId}`, organisation: orgs[i % 2],
    });
    assert.equal(r.status, 303, `action ${i}: ${r.status}`);
  }
  const base = `/spaces/${slug}/actions`;
  const items = (html) => [...html.matchAll(new RegExp(`<h3 class="govuk-heading-s"><a class="govuk-link" href="${base}/(\\d+)">([^<]+)</a>`, 'g'))].map((m) => m[2]);
  let page = await facilitator.get(base);
  assert.equal(page.status, 200);
  assert.equal(items(page.text).length, 50);
  assert.equal(items(page.text)[0], 'Action number 120', 'newest first');
  assert.match(page.text, /<nav class="govuk-pagination"/);
  assert.match(page.text, new RegExp(`href="${base}\\?page=2" rel="next"`));
  assert.match(page.text, new RegExp(`href="${base}\\?page=3" aria-label="Page 3 of 3"`));
  assert.match(page.text, /Showing 1 to 50 of 120 actions/);
  assert.match(decode(page.text), /<title>You said, we did \(page 1 of 3\)/);
  page = await facilitator.get(`${base}?page=3`);
  assert.equal(items(page.text).length, 20);
  assert.match(decode(page.text), /<title>You said, we did \(page 3 of 3\)/);
  assert.equal(items(page.text)[19], 'Action number 1');
  assert.match(page.text, new RegExp(`href="${base}\\?page=2" rel="prev"`));
  assert.match(page.text, /aria-current="page">3</);
  for (const bad of ['abc', '0', '-1', '1e3', '99999999999999999999', '']) {
    const res = await facilitator.get(`${base}?page=${bad}`);
    assert.equal(res.status, 200, bad);
    assert.equal(items(res.text)[0], 'Action number 120', bad);
  }
  assert.equal(items((await facilitator.get(`${base}?page=9`)).text).length, 20, 'past the end: the last page');
  // Filters keep to the pages they make.
  const owned = await facilitator.get(`${base}?organisation=${orgs[1]}`);
  assert.equal(items(owned.text).length, 50);
  assert.match(owned.text, /Showing 1 to 50 of 60 actions/);
  assert.match(owned.text, new RegExp(`href="${base}\\?organisation=${orgs[1]}&amp;page=2" rel="next"`));
  const moved = `${base}/${(await facilitator.get(base)).text.match(new RegExp(`href="${base}/(\\d+)">Action number 120<`))[1]}`;
  await partner.get(moved);
  assert.equal((await partner.post(`${moved}/status`, { to: 'looking_at', note: '', account: '', link: '', reason: '' })).status, 303);
  const looking = await facilitator.get(`${base}?status=looking_at`);
  assert.deepEqual(items(looking.text), ['Action number 120']);
  assert.doesNotMatch(looking.text, /govuk-pagination/);
  // Exports and the feed are not paged.
  const csv = (await facilitator.get(`${base}/export.csv`)).text.trim().split('\r\n');
  assert.equal(csv.length, 121);
  const json = JSON.parse((await facilitator.get(`${base}/export.json`)).text);
  assert.equal(json.actions.length, 120);
  assert.equal(json.figures.stories_raising_a_concern, 1);
  assert.equal(json.figures.with_a_response, 1);
  assert.equal(json.figures.with_a_change_planned_or_made, 0);
  await partner.get(moved);
  assert.equal((await partner.post(`${moved}/status`, { to: 'planned', note: '', account: '', link: '', reason: '' })).status, 303);
  const figures = JSON.parse((await facilitator.get(`${base}/export.json`)).text).figures;
  assert.equal(figures.with_a_change_planned_or_made, 1);
  assert.equal(figures.change_percent, 100);
  assert.equal(figures.median_days_to_first_response, 0);
  const feed = (await facilitator.get(`${base}/feed.atom`)).text;
  assert.equal([...feed.matchAll(/<entry>/g)].length, 50);
});
