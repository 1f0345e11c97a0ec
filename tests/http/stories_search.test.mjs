// Searching a space's stories: words are stemmed, so "respecting" finds "respect"; a
// response's words find its story; withdrawn stories are never found; held ones only by
// their author and the facilitators; each person finds only what they may read; the
// filters narrow the results; odd query strings never break the page; a word in more
// stories than are ranked ranks the newest 1,000 the reader may read. Runs on the engine
// under test (HS_ENGINE).
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { startServer, cli, signedIn, Client, ENGINE, dbRows } from './harness.mjs';

let server;
let cast;
const person = (name, options) => signedIn(server, name, options);

function decode(html) {
  return html.replace(/&#39;|&apos;/g, "'").replace(/&quot;/g, '"').replace(/&lt;/g, '<').replace(/&gt;/g, '>').replace(/&amp;/g, '&');
}

let spaces = 0;
// A listed forum: a facilitator, two members, one partner organisation with its partner.
async function forum(partner, organisation = 'Northmoor Council Housing Options') {
  const { steward, facilitator, author, member } = cast;
  await steward.get('/spaces/new');
  const res = await steward.post('/spaces/new', {
    name: `Searchable Voices ${++spaces}`, slug: '', kind: 'forum', purpose: 'People who have been homeless.',
    visibility: 'listed', code_of_conduct: 'Be kind.',
  });
  assert.equal(res.status, 303);
  const slug = res.location.match(/^\/spaces\/([a-z0-9-]+)\?/)[1];
  cli(server, ['user', 'set-role', facilitator.email, 'facilitator', '--space', slug]);
  cli(server, ['user', 'set-role', author.email, 'member', '--space', slug]);
  cli(server, ['user', 'set-role', member.email, 'member', '--space', slug]);
  await steward.get(`/spaces/${slug}/stories/partners`);
  let r = await steward.post(`/spaces/${slug}/stories/partners/organisations`, { name: organisation });
  assert.equal(r.status, 303);
  const page = await steward.get(`/spaces/${slug}/stories/partners`);
  const org = page.text.match(/<option value="(\d+)"[^>]*>([^<]+)<\/option>/)[1];
  r = await steward.post(`/spaces/${slug}/stories/partners`, { email: partner.email, organisation: org });
  assert.equal(r.status, 303);
  return { slug, org };
}

async function share(client, slug, fields) {
  await client.get(`/spaces/${slug}/stories/new`);
  const res = await client.post(`/spaces/${slug}/stories/new`, {
    title: 'A story', body: 'Nobody rang me back.', content_note: '', topics: 'housing', audience: 'partners',
    shown_as: 'name', pseudonym: '', consent: 'yes', ...fields,
  });
  assert.equal(res.status, 303, `sharing: ${res.status} ${res.text.slice(0, 800)}`);
  return res.location.replace(/\?.*$/, '');
}

async function search(client, slug, params) {
  const q = new URLSearchParams(typeof params === 'string' ? { q: params } : params);
  const res = await client.get(`/spaces/${slug}/stories?${q}`);
  assert.equal(res.status, 200, `search ${q}: ${res.status} ${res.text.slice(0, 300)}`);
  return decode(res.text);
}

// The titles of the stories a results page lists.
function titles(text) {
  return [...text.matchAll(/<h2 class="govuk-heading-m"><a class="govuk-link" href="[^"]+">([^<]+)<\/a><\/h2>/g)].map((m) => m[1]);
}

before(async () => {
  server = await startServer();
  cast = {
    steward: await person('Ines Valcourt', { steward: true }),
    facilitator: await person('Tobiah Quenby'),
    author: await person('Saffron Ridley-Achebe'),
    member: await person('Caspian Morrow'),
    partner: await person('Delphine Arkwright'),
    otherPartner: await person('Rufus Penhallow'),
  };
});
after(async () => { await server.stop(); });

test('"respecting" finds a story that says "respect"; what was typed is kept; no match says so', async () => {
  const { author, member } = cast;
  const { slug } = await forum(cast.partner);
  await share(author, slug, { title: 'At the housing office', body: 'They did not respect me or my time.' });
  await share(author, slug, { title: 'Unrelated', body: 'The bus was late again.' });
  let page = await search(member, slug, 'respecting');
  assert.deepEqual(titles(page), ['At the housing office']);
  assert.match(page, /value="respecting"/, 'the box keeps what was typed');
  assert.match(page, /Stories matching “respecting”/);
  page = await search(member, slug, 'RESPECTED housing');
  assert.deepEqual(titles(page), ['At the housing office'], 'every word must be found; case and endings do not matter');
  page = await search(member, slug, 'respect zebra');
  assert.deepEqual(titles(page), []);
  assert.match(page, /No stories match “respect zebra”\./);
  // Without a query, the list is every story, as before.
  assert.equal(titles(await search(member, slug, '')).length, 2);
});

test("a response's words find its story, and an edit's new words replace the old", async () => {
  const { author, partner, member } = cast;
  const { slug } = await forum(partner);
  const path = await share(author, slug, { title: 'Discharged with nowhere to go', body: 'I left hospital at night.' });
  assert.deepEqual(titles(await search(member, slug, 'caseworkers')), []);
  await partner.get(path);
  assert.equal((await partner.post(`${path}/responses`, { body: 'We have arranged a caseworker for you.' })).status, 303);
  assert.deepEqual(titles(await search(member, slug, 'caseworkers')), ['Discharged with nowhere to go']);
  // The author's edit: the old words are no longer found, the new ones are.
  await author.get(`${path}/edit`);
  const r = await author.post(`${path}/edit`, {
    title: 'Discharged with nowhere to go', body: 'I left the infirmary at midnight.', content_note: '', topics: 'housing',
    audience: 'partners', shown_as: 'name', pseudonym: '', consent: 'yes',
  });
  assert.equal(r.status, 303, r.text.slice(0, 500));
  assert.deepEqual(titles(await search(member, slug, 'hospital')), []);
  assert.deepEqual(titles(await search(member, slug, 'infirmary')), ['Discharged with nowhere to go']);
  assert.deepEqual(titles(await search(member, slug, 'caseworker infirmary')), ['Discharged with nowhere to go'],
    'the words of a story and of its responses are found together');
});

test('a withdrawn story is never found, by anyone', async () => {
  const { author, partner, member, facilitator } = cast;
  const { slug } = await forum(partner);
  const path = await share(author, slug, { title: 'Marmalade at the shelter', body: 'They gave us marmalade.' });
  await partner.get(path);
  assert.equal((await partner.post(`${path}/responses`, { body: 'We will stock other marmalades.' })).status, 303);
  assert.deepEqual(titles(await search(member, slug, 'marmalade')), ['Marmalade at the shelter']);
  await author.get(`${path}/withdraw`);
  assert.equal((await author.post(`${path}/withdraw`, {})).status, 303);
  for (const who of [author, partner, member, facilitator, cast.steward]) {
    const page = await search(who, slug, 'marmalade');
    assert.deepEqual(titles(page), []);
    assert.doesNotMatch(page, /Marmalade at the shelter/);
  }
});

test('a held story is found only by its author and the facilitators', async () => {
  const { author, partner, member, facilitator } = cast;
  const { slug } = await forum(partner);
  const path = await share(author, slug, { title: 'The night porter', body: 'The porter shouted at my daughter.' });
  await facilitator.get(path);
  assert.equal((await facilitator.post(`${path}/hold`, { reason: 'It names a member of staff.' })).status, 303);
  assert.deepEqual(titles(await search(author, slug, 'porter')), ['The night porter']);
  assert.deepEqual(titles(await search(facilitator, slug, 'porter')), ['The night porter']);
  assert.deepEqual(titles(await search(facilitator, slug, { q: 'porter', status: 'held' })), ['The night porter']);
  assert.deepEqual(titles(await search(member, slug, 'porter')), []);
  assert.deepEqual(titles(await search(partner, slug, 'porter')), []);
  assert.deepEqual(titles(await search(partner, slug, { q: 'porter', status: 'held' })), []);
  // Released, it is found by those who may read it again.
  assert.equal((await facilitator.post(`${path}/release`, {})).status, 303);
  assert.deepEqual(titles(await search(member, slug, 'porter')), ['The night porter']);
  assert.deepEqual(titles(await search(partner, slug, 'porter')), ['The night porter']);
});

test("each person finds only what they may read; another space's partner finds nothing", async () => {
  const { author, partner, member, otherPartner } = cast;
  const { slug } = await forum(partner);
  await forum(otherPartner, 'Elsewhere Health Board');
  await share(author, slug, { title: 'Members only: the food bank', body: 'The food bank queue was long.', audience: 'members' });
  await share(author, slug, { title: 'Partners too: the food bank', body: 'The food bank ran out.', audience: 'partners' });
  await share(author, slug, { title: 'Anyone: the food bank', body: 'The food bank staff were kind.', audience: 'anyone' });
  assert.deepEqual(titles(await search(member, slug, 'food bank')).sort(),
    ['Anyone: the food bank', 'Members only: the food bank', 'Partners too: the food bank']);
  assert.deepEqual(titles(await search(partner, slug, 'food bank')).sort(), ['Anyone: the food bank', 'Partners too: the food bank']);
  const other = await otherPartner.get(`/spaces/${slug}/stories?q=food`);
  assert.doesNotMatch(decode(other.text), /Members only|Partners too/);
  const visitor = new Client(server);
  const seen = await visitor.get(`/spaces/${slug}/stories?q=food`);
  assert.doesNotMatch(decode(seen.text), /Members only|Partners too/);
  // In the other space, nothing of this one is found, by anyone.
  const elsewhere = (await cast.steward.get('/spaces')).text.match(/\/spaces\/(searchable-voices-\d+)/g) || [];
  for (const s of new Set(elsewhere.map((x) => x.slice(8)))) {
    if (s === slug) continue;
    assert.deepEqual(titles(await search(cast.steward, s, 'food bank')), []);
  }
});

test('filters: topic, organisation, and whether a partner has responded', async () => {
  const { author, partner, member } = cast;
  const { slug, org } = await forum(partner);
  const a = await share(author, slug, { title: 'Rent arrears letter', body: 'The letter about arrears scared me.', topics: 'money, letters', about: org });
  await share(author, slug, { title: 'Arrears and the council', body: 'Arrears again, and nobody called.', topics: 'money' });
  await share(author, slug, { title: 'Arrears at the food bank', body: 'Arrears meant no food.', topics: 'food' });
  await partner.get(a);
  assert.equal((await partner.post(`${a}/responses`, { body: 'We are sorry. We can pause the letters.' })).status, 303);
  assert.equal(titles(await search(member, slug, 'arrears')).length, 3);
  assert.deepEqual(titles(await search(member, slug, { q: 'arrears', topic: 'money' })).sort(), ['Arrears and the council', 'Rent arrears letter']);
  assert.deepEqual(titles(await search(member, slug, { q: 'arrears', organisation: org })), ['Rent arrears letter']);
  assert.deepEqual(titles(await search(member, slug, { q: 'arrears', status: 'responded' })), ['Rent arrears letter']);
  assert.deepEqual(titles(await search(member, slug, { q: 'arrears', status: 'awaiting' })).sort(), ['Arrears and the council', 'Arrears at the food bank']);
  const page = await search(member, slug, { q: 'arrears', topic: 'money', status: 'awaiting' });
  assert.deepEqual(titles(page), ['Arrears and the council']);
  assert.match(page, /<option value="money" selected>money<\/option>/, 'the chosen filter is kept');
  assert.match(page, /<option value="awaiting" selected>/);
  // Filters alone, without words, list what passes them, newest first.
  const chosen = await search(member, slug, { q: '', topic: 'money' });
  assert.deepEqual(titles(chosen), ['Arrears and the council', 'Rent arrears letter']);
  assert.match(chosen, /Stories that match what you chose/);
  assert.deepEqual(titles(await search(member, slug, { organisation: org, status: 'awaiting' })), []);
  assert.match(await search(member, slug, { organisation: org, status: 'awaiting' }), /No stories match what you chose\./);
  // Topics are offered only from stories the person may read.
  await share(author, slug, { title: 'Secret topic', body: 'Members only.', topics: 'confidential matter', audience: 'members' });
  assert.match(await search(member, slug, { q: 'arrears' }), /confidential matter/);
  assert.doesNotMatch(await search(partner, slug, { q: 'arrears' }), /confidential matter/);
});

test('results come twenty to a page, best match first, with links between pages', async () => {
  const { author, member } = cast;
  const { slug } = await forum(cast.partner);
  for (let i = 1; i <= 22; i++) await share(author, slug, { title: `Waiting list ${i}`, body: 'On the waiting list.' });
  await share(author, slug, { title: 'Waiting, waiting, waiting', body: 'Waiting and waiting on the waiting list for waiting.' });
  const first = await search(member, slug, 'waiting');
  const one = titles(first);
  assert.equal(one.length, 20);
  assert.equal(one[0], 'Waiting, waiting, waiting', 'the story that says it most comes first');
  const next = first.match(/href="([^"]+)" rel="next"/);
  assert.ok(next, 'a link to the next page');
  const second = decode((await member.get(next[1])).text);
  const two = titles(second);
  assert.equal(two.length, 3);
  assert.equal(new Set([...one, ...two]).size, 23);
  assert.match(second, /rel="prev"/);
  assert.doesNotMatch(second, /rel="next"/);
});

test('odd query strings give 400 or are ignored safely, never 500', async () => {
  const { author, member } = cast;
  const { slug } = await forum(cast.partner);
  await share(author, slug, { title: 'Quotes and stars', body: 'A "quoted" word and a star*, near or not.' });
  const base = `/spaces/${slug}/stories`;
  for (const q of ['q=%ZZ', 'q=%FF%FE', 'q=a&q=b', 'q=quoted&page=-1', 'q=quoted&page=abc', 'q=quoted&page=99999999999999999999999',
    'q=quoted&organisation=abc', 'q=quoted&organisation=-5', 'q=quoted&status=%3Cscript%3E', `q=quoted&topic=${'x'.repeat(3000)}`,
    `q=${'quoted '.repeat(1000)}`, 'q=%22', 'q=%22quoted', 'q=star*', 'q=NEAR(quoted%20star)', 'q=quoted%20AND%20OR%20NOT',
    "q='", 'q=%5C', 'q=%3A%3A', 'q=quoted&page=2', 'q=%E2%80%94', 'q=%F0%9F%8F%A0', 'q=%00', 'topic=money', 'status=held']) {
    const r = await member.get(`${base}?${q}`);
    assert.ok([200, 400].includes(r.status), `${q}: ${r.status}`);
    assert.doesNotMatch(r.text, /<script>/);
  }
  assert.deepEqual(titles(await search(member, slug, '"quoted')), ['Quotes and stars'], 'FTS syntax is read as words');
  assert.deepEqual(titles(await search(member, slug, 'star*')), ['Quotes and stars']);
  assert.deepEqual(titles(await search(member, slug, 'NEAR(quoted star)')), ['Quotes and stars']);
  assert.deepEqual(titles(await search(member, slug, 'quoted AND OR NOT star zebra')), [], 'operators are words like any other: all must be found');
  assert.deepEqual(titles(await search(member, slug, 'quoted OR NOT star')), ['Quotes and stars']);
  assert.match(server.log(), /^(?![\s\S]*exception)/, 'nothing was logged as an exception');
});

test('stories without search words (shared before search existed) are indexed when Humanspace starts', async () => {
  const { author, member } = cast;
  const { slug } = await forum(cast.partner);
  await share(author, slug, { title: 'Before the upgrade', body: 'The lift was broken for a fortnight.' });
  const gone = await share(author, slug, { title: 'Withdrawn before the upgrade', body: 'The lifts again.' });
  await author.get(`${gone}/withdraw`);
  assert.equal((await author.post(`${gone}/withdraw`, {})).status, 303);
  assert.deepEqual(titles(await search(member, slug, 'lifts')), ['Before the upgrade']);
  await server.stop();
  // As a database that ran migration 0026 over stories it could not stem: no rows at all.
  if (ENGINE === 'postgres') execFileSync('psql', [server.db, '-q', '-c', 'DELETE FROM story_search']);
  else execFileSync('sqlite3', [server.db.replace(/^sqlite:/, ''), 'DELETE FROM story_search']);
  server = await startServer({ dataDir: server.dataDir, db: server.db });
  for (const c of Object.values(cast)) c.server = server;
  assert.deepEqual(titles(await search(member, slug, 'lifts')), ['Before the upgrade']);
});

// Ranking costs each story ranked, so a search ranks the newest 1,000 matches the reader
// may read (stories::repo::kSearchWindow), and says so when there were more.
test('a common word ranks the newest 1,000 matches the reader may read, newest first among equals', async () => {
  const { author, member, facilitator } = cast;
  const { slug } = await forum(cast.partner);
  // The oldest: the best match for "lift" (it says it four times), and one for "escalator",
  // held back for now.
  const strong = await share(author, slug, { title: 'Old and strong', body: 'The lift, the lift, the lift, the lift was broken.' });
  const escalator = await share(author, slug, { title: 'The old escalator', body: 'The escalator was broken.' });
  await facilitator.get(escalator);
  assert.equal((await facilitator.post(`${escalator}/hold`, { reason: 'It names a member of staff.' })).status, 303);
  const id = (href) => Number(href.match(/\/stories\/(\d+)$/)[1]);
  await server.stop();
  // 1,000 newer stories that say "lift" once, all alike; then 1,000 newer still that say
  // "escalator" but are held (the member may not read them). Written straight into the
  // database, then indexed as Humanspace does at start-up.
  const copies = (from, status, title, body) => `
    WITH RECURSIVE n(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM n WHERE i < 1000)
    INSERT INTO stories (space_id, author_id, status, audience, shown_as, pseudonym, hold_reason, held_at,
      consent_version, consent_sha256, consented_at, created_at, updated_at)
    SELECT space_id, author_id, '${status}', audience, shown_as, pseudonym,
      ${status === 'held' ? "'It names someone.', created_at + 5000" : 'NULL, NULL'},
      consent_version, consent_sha256, consented_at, created_at + ${status === 'held' ? 3000 : 1000} + i, updated_at + i
    FROM stories, n WHERE id = ${from} ORDER BY i;
    INSERT INTO story_versions (story_id, number, title, body, content_note, created_at)
    SELECT s.id, 1, '${title} ' || CAST(s.id AS TEXT), '${body}', NULL, s.created_at
    FROM stories s WHERE s.id > ${from} AND NOT EXISTS (SELECT 1 FROM story_versions v WHERE v.story_id = s.id);`;
  dbRows(server, copies(id(escalator), 'published', 'Lift', 'The lift.'));
  dbRows(server, copies(id(escalator), 'held', 'Escalator', 'The escalator.'));
  // The held one is indexed again at start-up, as it stands (held).
  dbRows(server, `DELETE FROM story_search WHERE story_id = ${id(escalator)}`);
  const [[newest]] = dbRows(server, "SELECT MAX(s.id) FROM stories s WHERE s.status = 'published'");
  server = await startServer({ dataDir: server.dataDir, db: server.db });
  for (const c of Object.values(cast)) c.server = server;

  const lift = await search(member, slug, 'lift');
  const first = titles(lift);
  assert.equal(first.length, 20);
  assert.equal(first[0], `Lift ${newest}`, 'equal matches: the newest first');
  assert.ok(!first.includes('Old and strong'), 'the best match is older than the 1,000 ranked');
  assert.match(lift, /Showing the best matches among the newest 1,000 stories that match/);
  // Fewer matches than that: every one is ranked, and the page says nothing of a window.
  const broken = await search(member, slug, 'lift broken');
  assert.deepEqual(titles(broken), ['Old and strong']);
  assert.doesNotMatch(broken, /newest 1,000/);
  // The window counts what the reader may read: 1,000 newer held matches do not hide an
  // older one the member may read, once it is released (on PostgreSQL the search's copy of
  // who may read each story follows the release).
  assert.deepEqual(titles(await search(member, slug, 'escalator')), []);
  assert.equal((await facilitator.post(`${escalator}/release`, {})).status, 303);
  assert.deepEqual(titles(await search(member, slug, 'escalator')), ['The old escalator']);
  assert.equal((await facilitator.post(`${escalator}/hold`, { reason: 'It names a member of staff.' })).status, 303);
  assert.deepEqual(titles(await search(member, slug, 'escalator')), []);
  // The author may read their held stories: they fill the window, newest first.
  const own = titles(await search(author, slug, 'escalator'));
  assert.equal(own.length, 20);
  assert.match(own[0], /^Escalator \d+$/);
  assert.ok(id(strong) < id(escalator));
});
