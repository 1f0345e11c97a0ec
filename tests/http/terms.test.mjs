// Terms of reference: first terms from the template, amendments that become current
// only through a decision of the members, every version readable, the differences
// marked in words, one amendment at a time, review reminders, members-only pages.
// Runs on the engine under test.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { startServer, cli, Client, signedIn, PASSWORD } from './harness.mjs';

let server;
let cast;

const person = (name, options) => signedIn(server, name, options);

before(async () => {
  server = await startServer();
  cast = {
    steward: await person('Eilidh Marchbank', { steward: true }),
    facilitator: await person('Kwame Oduya'),
    member: await person('Petra Lindqvist'),
    outsider: await person('Hollis Tremayne'),
  };
});
after(async () => { await server.stop(); });

let spaces = 0;
async function forum() {
  const { steward, facilitator, member } = cast;
  await steward.get('/spaces/new');
  const res = await steward.post('/spaces/new', {
    name: `Eastfield Carers Voice ${++spaces}`, slug: '', kind: 'forum', purpose: 'Unpaid carers in Eastfield, shaping local support.',
    visibility: 'listed', code_of_conduct: 'Be kind.',
  });
  assert.equal(res.status, 303);
  const slug = res.location.match(/^\/spaces\/([a-z0-9-]+)\?/)[1];
  cli(server, ['user', 'set-role', facilitator.email, 'facilitator', '--space', slug]);
  cli(server, ['user', 'set-role', member.email, 'member', '--space', slug]);
  return { slug, voters: [steward, facilitator, member] };
}

function dateFields(prefix, days) {
  const d = new Date(Date.now() + days * 86400 * 1000);
  return { [`${prefix}_day`]: String(d.getUTCDate()), [`${prefix}_month`]: String(d.getUTCMonth() + 1), [`${prefix}_year`]: String(d.getUTCFullYear()) };
}

function decode(html) {
  return html.replace(/&#39;|&apos;/g, "'").replace(/&quot;/g, '"').replace(/&lt;/g, '<').replace(/&gt;/g, '>').replace(/&amp;/g, '&');
}

// Proposes a text; returns the decision's path.
async function amend(client, slug, body, fields = {}) {
  await client.get(`/spaces/${slug}/terms/amend`);
  const res = await client.post(`/spaces/${slug}/terms/amend`, {
    body, summary: 'Plainer words about meetings', ...dateFields('review', 180),
    method: 'consent', ...dateFields('closes', 7), closes_time: '17:00', quorum: '50', results: 'after_voting',
    threshold: 'simple_majority', ...fields,
  });
  assert.equal(res.status, 303, `proposing: ${res.status} ${res.text.slice(0, 800)}`);
  const m = res.location.match(new RegExp(`^(/spaces/${slug}/decisions/\\d+)\\?notice=opened$`));
  assert.ok(m, res.location);
  return m[1];
}

async function allConsentAndClose(f, path, closer) {
  for (const v of f.voters) {
    await v.get(path);
    assert.equal((await v.post(`${path}/vote`, { choice: 'consent', reason: '' })).status, 303);
  }
  await closer.get(path);
  assert.equal((await closer.post(`${path}/close`, { statement: 'Agreed by consent.' })).status, 303);
}

test('a member proposes terms and then an amendment; the members decide; the new version becomes current; the diff shows the change', async () => {
  const f = await forum();
  const { member, facilitator } = cast;
  assert.match((await member.get(`/spaces/${f.slug}/terms`)).text, /no terms of reference yet/);
  const form = await member.get(`/spaces/${f.slug}/terms/amend`);
  assert.equal(form.status, 200);
  const template = decode(form.text.match(/<textarea[^>]*id="body"[^>]*>([\s\S]*?)<\/textarea>/)[1]);
  for (const section of ['## Purpose', '## Role of the group', '## Membership and term', '## Ways of working and safe space',
    '## Power and decision making', 'you said, we did', '## Payment and expenses', '## Confidentiality', '## Review date'])
    assert.ok(template.includes(section), section);

  const first = await amend(member, f.slug, template);
  let page = await member.get(first);
  assert.match(page.text, /Adopt terms of reference \(version 1\)/);
  assert.match(page.text, new RegExp(`href="/spaces/${f.slug}/terms/versions/1"`));
  // Proposed is not in force.
  assert.match((await member.get(`/spaces/${f.slug}/terms`)).text, /no terms of reference yet/);
  await allConsentAndClose(f, first, member);
  page = await member.get(`/spaces/${f.slug}/terms`);
  assert.match(page.text, /<h2 class="govuk-heading-m">Purpose<\/h2>/);
  assert.match(page.text, /In force|Version<\/dt>\s*<dd class="govuk-summary-list__value">1/);

  // The amendment: one line changed.
  const oldLine = template.split('\n').find((l) => l.startsWith('- How often and where we meet'));
  const changed = template.replace(oldLine, '- We meet every second Tuesday at the Eastfield library, and online for anyone who cannot travel.');
  const second = await amend(facilitator, f.slug, changed, { summary: 'Say when and where we meet' });
  // While it is being decided, nobody can propose another.
  await member.get(`/spaces/${f.slug}/terms/amend`);
  const another = await member.post(`/spaces/${f.slug}/terms/amend`, {
    body: `${changed}\nMore.`, summary: 'x', ...dateFields('review', 90), method: 'consent', ...dateFields('closes', 7),
    closes_time: '17:00', quorum: '50', results: 'after_voting', threshold: 'simple_majority',
  });
  assert.equal(another.status, 409);
  assert.match(another.text, /already being decided/);
  // Version 1 stays current until the decision.
  assert.match((await member.get(`/spaces/${f.slug}/terms`)).text, /A change is being decided/);
  await allConsentAndClose(f, second, facilitator);

  page = await member.get(`/spaces/${f.slug}/terms`);
  assert.match(page.text, /every second Tuesday at the Eastfield library/);
  const versions = await member.get(`/spaces/${f.slug}/terms/versions`);
  assert.match(versions.text, /Version 2[\s\S]*In force[\s\S]*Version 1[\s\S]*Replaced/);
  assert.match((await member.get(`/spaces/${f.slug}/terms/versions/1`)).text, /How often and where we meet/);

  const diff = await member.get(`/spaces/${f.slug}/terms/diff?from=1&to=2`);
  assert.equal(diff.status, 200);
  // Changes are marked in words, inside <del> and <ins>, not by colour alone.
  assert.match(diff.text, /<del class="hs-diff__del">\[?<strong class="hs-diff__label">Removed:<\/strong>[^<]*How often/);
  assert.match(diff.text, /<ins class="hs-diff__ins">\[?<strong class="hs-diff__label">Added:<\/strong>[^<]*every second Tuesday/);
  assert.match(diff.text, /lines the same/);
  // Unchanged parts are not marked.
  assert.doesNotMatch(diff.text, /<(ins|del)[^>]*>[^<]*<strong[^>]*>[^<]*<\/strong>[^<]*## Confidentiality/);
  // The default comparison is the newest version against the one it amends.
  assert.match((await member.get(`/spaces/${f.slug}/terms/diff`)).text, /every second Tuesday/);
  const bad = await member.get(`/spaces/${f.slug}/terms/diff?from=1&to=9`);
  assert.equal(bad.status, 422);
  assert.match(bad.text, /href="#from"/);
});

test('an amendment the members do not agree to is kept but changes nothing; the form keeps what was typed', async () => {
  const f = await forum();
  const { member, steward, facilitator } = cast;
  await member.get(`/spaces/${f.slug}/terms/amend`);
  const empty = await member.post(`/spaces/${f.slug}/terms/amend`, {
    body: '## Purpose\n\nTo be heard.', summary: '', review_day: '40', review_month: '1', review_year: '2030',
    method: 'ranked_choice', ...dateFields('closes', 7), closes_time: '17:00', quorum: '50', results: 'after_voting',
    threshold: 'simple_majority',
  });
  assert.equal(empty.status, 422);
  for (const field of ['summary', 'review', 'method']) assert.match(empty.text, new RegExp(`href="#${field}"`), field);
  assert.match(empty.text, /## Purpose\n\nTo be heard\.<\/textarea>/);

  const path = await amend(member, f.slug, '## Purpose\n\nTo be heard.', { method: 'majority' });
  for (const [v, choice] of [[member, 'yes'], [steward, 'no'], [facilitator, 'no']]) {
    await v.get(path);
    assert.equal((await v.post(`${path}/vote`, { choice })).status, 303);
  }
  await facilitator.get(path);
  assert.equal((await facilitator.post(`${path}/close`, { statement: 'Not agreed this time.' })).status, 303);
  assert.match((await member.get(`/spaces/${f.slug}/terms`)).text, /no terms of reference yet/);
  const v1 = await member.get(`/spaces/${f.slug}/terms/versions/1`);
  assert.equal(v1.status, 200);
  assert.match(v1.text, /Not agreed/);
});

test('facilitators are reminded once when the review date comes', async () => {
  const f = await forum();
  const { member, facilitator, steward } = cast;
  const path = await amend(member, f.slug, '## Purpose\n\nTo be heard.\n\n## Review date\n\nEvery spring.', dateFields('review', 0));
  await allConsentAndClose(f, path, member);
  const before = server.outbox().length;
  assert.match(cli(server, ['remind']), /1 terms reviews/);
  assert.match(cli(server, ['remind']), /0 terms reviews/);
  const sent = server.outbox().slice(before);
  const toFacilitator = sent.filter((m) => m.includes(`To: ${facilitator.email}\r\n`));
  assert.equal(toFacilitator.length, 1);
  assert.match(toFacilitator[0], /Time to review the terms of reference/);
  assert.match(toFacilitator[0], new RegExp(`/spaces/${f.slug}/terms`));
  assert.equal(sent.filter((m) => m.includes(`To: ${member.email}\r\n`) || m.includes(`To: ${steward.email}\r\n`)).length, 0);
});

test('terms are for members: everyone else gets "not found", signed-out people are asked to sign in', async () => {
  const f = await forum();
  const { outsider } = cast;
  for (const p of ['', '/versions', '/versions/1', '/diff?from=1&to=2', '/amend']) {
    assert.equal((await outsider.get(`/spaces/${f.slug}/terms${p}`)).status, 404, p);
  }
  await outsider.get('/spaces');
  assert.equal((await outsider.post(`/spaces/${f.slug}/terms/amend`, { body: 'x', summary: 'x' })).status, 404);
  const anon = new Client(server);
  const res = await anon.get(`/spaces/${f.slug}/terms`);
  assert.equal(res.status, 303);
  assert.match(res.location, /^\/signin\?next=/);
});
