// Stories: shared with consent and a choice of readers and of how the author is shown;
// partners of the space respond for their organisation and the author replies; a
// facilitator holds a story back or suggests a change the author accepts; the author
// withdraws it, and it is gone from every page and export but their own. Partners of
// another space see nothing, and an anonymous author's name appears nowhere that
// partners or facilitators can see. Runs on the engine under test.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { createHash } from 'node:crypto';
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
// A listed forum with a facilitator, an auditor, two members and one partner organisation
// with its partner. Returns its slug and the organisation's id.
async function forum(partner, organisation) {
  const { steward, facilitator, auditor, author, member } = cast;
  await steward.get('/spaces/new');
  const res = await steward.post('/spaces/new', {
    name: `Northmoor Housing Voices ${++spaces}`, slug: '', kind: 'forum', purpose: 'People who have been homeless in Northmoor.',
    visibility: 'listed', code_of_conduct: 'Be kind.',
  });
  assert.equal(res.status, 303);
  const slug = res.location.match(/^\/spaces\/([a-z0-9-]+)\?/)[1];
  cli(server, ['user', 'set-role', facilitator.email, 'facilitator', '--space', slug]);
  cli(server, ['user', 'set-role', auditor.email, 'auditor', '--space', slug]);
  cli(server, ['user', 'set-role', author.email, 'member', '--space', slug]);
  cli(server, ['user', 'set-role', member.email, 'member', '--space', slug]);
  await steward.get(`/spaces/${slug}/stories/partners`);
  let r = await steward.post(`/spaces/${slug}/stories/partners/organisations`, { name: organisation });
  assert.equal(r.status, 303, r.text.slice(0, 500));
  const page = await steward.get(`/spaces/${slug}/stories/partners`);
  const org = page.text.match(/<option value="(\d+)"[^>]*>([^<]+)<\/option>/);
  assert.ok(org, 'the organisation is offered');
  r = await steward.post(`/spaces/${slug}/stories/partners`, { email: partner.email, organisation: org[1] });
  assert.equal(r.status, 303, r.text.slice(0, 800));
  return { slug, org: org[1] };
}

async function share(client, slug, fields) {
  await client.get(`/spaces/${slug}/stories/new`);
  const res = await client.post(`/spaces/${slug}/stories/new`, {
    title: 'Eleven weeks in a hostel', body: 'Nobody rang me back.\n\nI slept in my car twice.',
    content_note: '', topics: 'housing, waiting', audience: 'partners', shown_as: 'name', pseudonym: '', consent: 'yes',
    ...fields,
  });
  assert.equal(res.status, 303, `sharing: ${res.status} ${res.text.slice(0, 1500)}`);
  const m = res.location.match(new RegExp(`^/spaces/${slug}/stories/(\\d+)\\?notice=shared$`));
  assert.ok(m, res.location);
  return `/spaces/${slug}/stories/${m[1]}`;
}

before(async () => {
  server = await startServer();
  cast = {
    steward: await person('Ines Valcourt', { steward: true }),
    facilitator: await person('Tobiah Quenby'),
    auditor: await person('Marguerite Olatunde'),
    author: await person('Saffron Ridley-Achebe'),
    member: await person('Caspian Morrow'),
    partner: await person('Delphine Arkwright'),
    otherPartner: await person('Rufus Penhallow'),
    outsider: await person('Wilhelmina Tarrant'),
  };
});
after(async () => { await server.stop(); });

test('the partner role: listed with an organisation, not a member, no vote', async () => {
  const { partner, steward } = cast;
  const { slug } = await forum(partner, 'Northmoor Council Housing Options');
  const page = await steward.get(`/spaces/${slug}/stories/partners`);
  assert.match(page.text, /Delphine Arkwright/);
  assert.match(page.text, /Northmoor Council Housing Options/);
  // A partner sees the space and its stories, not member-only pages.
  assert.equal((await partner.get(`/spaces/${slug}`)).status, 200);
  assert.equal((await partner.get(`/spaces/${slug}/stories`)).status, 200);
  for (const p of ['decisions', 'terms', 'audit', 'members']) {
    const r = await partner.get(`/spaces/${slug}/${p}`);
    assert.ok([403, 404].includes(r.status), `${p}: ${r.status}`);
  }
  assert.equal((await partner.get(`/spaces/${slug}/stories/new`)).status, 403, 'partners do not share stories here');
  // Only stewards manage partners.
  assert.equal((await cast.facilitator.get(`/spaces/${slug}/stories/partners`)).status, 404);
  // A member cannot be made a partner as well.
  await steward.get(`/spaces/${slug}/stories/partners`);
  const orgId = (await steward.get(`/spaces/${slug}/stories/partners`)).text.match(/<option value="(\d+)"/)[1];
  const twice = await steward.post(`/spaces/${slug}/stories/partners`, { email: cast.member.email, organisation: orgId });
  assert.equal(twice.status, 422);
  assert.match(decode(twice.text), /already a member of the space in another role/);
  // Ending the role: the person no longer sees the space's partner-only stories.
  const path = await share(cast.author, slug, { title: 'For partners, while they are partners' });
  assert.equal((await partner.get(path)).status, 200);
  const remove = (await steward.get(`/spaces/${slug}/stories/partners`)).text.match(/action="([^"]+\/remove)"/)[1];
  assert.equal((await steward.post(remove, {})).status, 303);
  assert.equal((await partner.get(path)).status, 404);
  assert.doesNotMatch((await steward.get(`/spaces/${slug}/stories/partners`)).text, /Delphine Arkwright/);
});

test('a story needs consent, and what was typed is kept', async () => {
  const { author } = cast;
  const { slug } = await forum(cast.partner, 'Northmoor Advice Centre');
  await author.get(`/spaces/${slug}/stories/new`);
  const res = await author.post(`/spaces/${slug}/stories/new`, {
    title: 'My words stay', body: 'Kept as typed.', audience: 'members', shown_as: 'name',
  });
  assert.equal(res.status, 422);
  assert.match(decode(res.text), /Tick the box to agree to share your story on these terms/);
  assert.match(res.text, /value="My words stay"/);
  assert.match(res.text, />Kept as typed\.<\/textarea>/);
  // The built-in text is version 0; a steward's own text is version 1, and a story records
  // the version and the SHA-256 of the text its author agreed to.
  await share(author, slug, { title: 'Before the new consent text' });
  const { steward } = cast;
  await steward.get(`/spaces/${slug}/stories/consent`);
  const text = 'You share your story because you want to. You can withdraw it at any time.';
  assert.equal((await steward.post(`/spaces/${slug}/stories/consent`, { body: text })).status, 303);
  assert.equal((await author.get(`/spaces/${slug}/stories/consent`)).status, 404, 'stewards only');
  const form = await author.get(`/spaces/${slug}/stories/new`);
  assert.match(form.text, /You share your story because you want to\./);
  await share(author, slug, { title: 'After the new consent text' });
  const mine = JSON.parse((await author.get(`/spaces/${slug}/stories/mine.json`)).text).stories;
  const before = mine.find((s) => s.versions[0].title === 'Before the new consent text');
  const after = mine.find((s) => s.versions[0].title === 'After the new consent text');
  assert.equal(before.consent_version, 0);
  assert.equal(after.consent_version, 1);
  assert.equal(after.consent_sha256, createHash('sha256').update(text).digest('hex'));
  assert.ok(after.consented_at > 0);
});

test('an anonymous story never shows its author to partners, facilitators or anyone else', async () => {
  const { author, partner, facilitator, member, auditor, steward } = cast;
  const { slug } = await forum(partner, 'Northmoor Night Shelter');
  const path = await share(author, slug, { title: 'A night I will not forget', shown_as: 'anonymous', content_note: 'violence' });
  const list = `/spaces/${slug}/stories`;
  // (The author's own pages name them in the header, as every page does for whoever is signed in.)
  for (const who of [partner, facilitator, member, auditor, steward]) {
    for (const p of [list, path]) {
      const r = await who.get(p);
      assert.equal(r.status, 200, `${who.name} ${p}`);
      assert.doesNotMatch(r.text, /Saffron|Ridley-Achebe/, `${who.name} sees no name on ${p}`);
      assert.match(r.text, /A night I will not forget/);
    }
  }
  // The content note comes before the words.
  const page = (await partner.get(path)).text;
  assert.ok(page.indexOf('violence') < page.indexOf('Nobody rang me back'), 'content note first');
  // A partner responds; the author is told by email and replies: still no name anywhere.
  await partner.get(path);
  let r = await partner.post(`${path}/responses`, { body: 'Thank you for telling us. We are sorry it felt like that.' });
  assert.equal(r.status, 303, r.text.slice(0, 800));
  const mail = server.lastEmailTo(author.email);
  assert.ok(mail && /Northmoor Night Shelter has responded/.test(mail), 'the author is emailed');
  await author.get(path);
  r = await author.post(`${path}/responses`, { body: 'Thank you for answering.' });
  assert.equal(r.status, 303, r.text.slice(0, 800));
  // The partner is told of the reply, without the storyteller's name.
  const replied = server.lastEmailTo(partner.email);
  assert.ok(replied && /The storyteller has replied to your response/.test(replied), 'the partner is emailed');
  assert.doesNotMatch(replied, /Saffron|Ridley-Achebe/);
  // The partner changes their response: the earlier words stay readable.
  const editPath = (await partner.get(path)).text.match(/href="([^"]+\/responses\/\d+\/edit)"/)[1];
  assert.equal((await author.get(editPath)).status, 404, 'only its writer changes a response');
  await partner.get(editPath);
  r = await partner.post(editPath, { body: 'Thank you for telling us. We are sorry it felt like that. Ring us on 0100 000 0002.' });
  assert.equal(r.status, 303, r.text.slice(0, 800));
  const edited = decode((await member.get(path)).text);
  assert.match(edited, /Ring us on 0100 000 0002\./);
  assert.match(edited, /Earlier versions/);
  assert.match(edited, /We are sorry it felt like that\.<\/p>/);
  for (const who of [partner, facilitator]) {
    const t = (await who.get(path)).text;
    assert.match(t, /Response from Northmoor Night Shelter/);
    assert.match(t, /Reply from the person who shared the story/);
    assert.doesNotMatch(t, /Saffron|Ridley-Achebe/);
  }
  // Nor in the decision log: entries name no one for a story.
  const log = await facilitator.get(`/spaces/${slug}/audit/export`);
  assert.equal(log.status, 200);
  assert.doesNotMatch(log.text, /Saffron|Ridley-Achebe|A night I will not forget/);
  assert.match(log.text, /story\.shared/);
  assert.match(log.text, /story\.responded/);
  assert.match(log.text, /story\.response_edited/);
  // And the log, with every story entry in it, still verifies offline.
  const file = join(server.dataDir, `stories-${slug}.json`);
  writeFileSync(file, log.text);
  const verified = spawnSync(BIN, ['audit', 'verify', file], { encoding: 'utf8' });
  assert.equal(verified.status, 0, verified.stdout + verified.stderr);
});

test("erasure: a storyteller's stories go with their account; a partner's response stays for the organisation", async () => {
  const { partner, member } = cast;
  const teller = await person('Ottoline Fairweather');
  const { slug } = await forum(partner, 'Northmoor Hospital Discharge Team');
  cli(server, ['user', 'set-role', teller.email, 'member', '--space', slug]);
  const path = await share(teller, slug, { title: 'Discharged to nowhere', shown_as: 'name' });
  await partner.get(path);
  assert.equal((await partner.post(`${path}/responses`, { body: 'Thank you, Ottoline. We have changed how we plan discharges.' })).status, 303);
  const mine = await share(member, slug, { title: 'Another story, answered', shown_as: 'name' });
  await partner.get(mine);
  assert.equal((await partner.post(`${mine}/responses`, { body: 'Thank you for this. We will write to you.' })).status, 303);
  // The storyteller deletes their account: their story is gone, with what answered it.
  await teller.get('/account/data');
  assert.equal((await teller.post('/account/delete', { confirm: 'yes' })).status, 200);
  assert.equal((await member.get(path)).status, 404);
  assert.doesNotMatch((await member.get(`/spaces/${slug}/stories`)).text, /Discharged to nowhere/);
  // A partner deletes theirs: the response stays, from the organisation.
  const p2 = await person('Barnaby Quist');
  const steward = cast.steward;
  const org = (await steward.get(`/spaces/${slug}/stories/partners`)).text.match(/<option value="(\d+)"/)[1];
  assert.equal((await steward.post(`/spaces/${slug}/stories/partners`, { email: p2.email, organisation: org })).status, 303);
  await p2.get(mine);
  assert.equal((await p2.post(`${mine}/responses`, { body: 'Barnaby here: we have booked a meeting.' })).status, 303);
  await p2.get('/account/data');
  assert.equal((await p2.post('/account/delete', { confirm: 'yes' })).status, 200);
  const after = (await member.get(mine)).text;
  assert.match(after, /we have booked a meeting/);
  assert.match(after, /Response from Northmoor Hospital Discharge Team/);
});

test('who reads what: members, partners of this space, partners of another, signed out', async () => {
  const { author, partner, otherPartner, outsider, member } = cast;
  const { slug } = await forum(partner, 'Northmoor Food Bank');
  await forum(otherPartner, 'Elsewhere Housing Trust');
  const membersOnly = await share(author, slug, { title: 'Members only story', audience: 'members' });
  const withPartners = await share(author, slug, { title: 'Partners story', audience: 'partners', shown_as: 'pseudonym', pseudonym: 'Wren' });
  const anyone = await share(author, slug, { title: 'Public story', audience: 'anyone' });
  const list = `/spaces/${slug}/stories`;
  const seen = async (client) => (await client.get(list)).text;
  let t = await seen(member);
  assert.match(t, /Members only story/); assert.match(t, /Partners story/); assert.match(t, /Public story/);
  assert.match(t, /Shared by Wren/);
  t = await seen(partner);
  assert.doesNotMatch(t, /Members only story/); assert.match(t, /Partners story/); assert.match(t, /Public story/);
  assert.equal((await partner.get(membersOnly)).status, 404);
  // A partner of another space has no standing here: only what anyone may read.
  t = await seen(otherPartner);
  assert.doesNotMatch(t, /Members only story/); assert.doesNotMatch(t, /Partners story/);
  assert.equal((await otherPartner.get(withPartners)).status, 404);
  assert.equal((await otherPartner.get(membersOnly)).status, 404);
  await otherPartner.get(anyone);
  assert.equal((await otherPartner.post(`${anyone}/responses`, { body: 'We would like to help.' })).status, 403);
  t = await seen(outsider);
  assert.doesNotMatch(t, /Partners story/);
  // Signed out: the public story only.
  const res = await fetch(server.url + list);
  const anon = await res.text();
  assert.match(anon, /Public story/); assert.doesNotMatch(anon, /Partners story|Members only story/);
});

test('a facilitator holds a story back and suggests a change; only the author changes the words', async () => {
  const { author, partner, facilitator, member } = cast;
  const { slug } = await forum(partner, 'Northmoor Outreach Team');
  const path = await share(author, slug, { title: 'The worker called Dave', body: 'Dave on the outreach team ignored me.' });
  await facilitator.get(path);
  let r = await facilitator.post(`${path}/hold`, { reason: '' });
  assert.equal(r.status, 422);
  r = await facilitator.post(`${path}/hold`, { reason: 'It names a member of staff.' });
  assert.equal(r.status, 303);
  assert.equal((await partner.get(path)).status, 404, 'held: partners cannot read it');
  assert.equal((await member.get(path)).status, 404, 'held: members cannot read it');
  assert.doesNotMatch((await member.get(`/spaces/${slug}/stories`)).text, /The worker called Dave/);
  const mine = (await author.get(path)).text;
  assert.match(mine, /It names a member of staff\./, 'the author sees why');
  // And is told by email, with the reason and where to see it.
  const toAuthor = (subject) => server.outbox().filter((m) => m.includes(`To: ${author.email}\r\n`) && m.includes(subject));
  const held = toAuthor('Your story is held back for now');
  assert.equal(held.length, 1);
  assert.match(held[0], /It names a member of staff\./);
  assert.match(held[0], new RegExp(path.replace(/\//g, '\\/')));
  // The facilitator suggests; the words do not change until the author accepts.
  await facilitator.get(`${path}/suggest`);
  r = await facilitator.post(`${path}/suggest`, {
    reason: 'Take out the name.', title: 'The outreach worker', body: 'A worker on the outreach team ignored me.', content_note: '',
  });
  assert.equal(r.status, 303, r.text.slice(0, 800));
  assert.match((await author.get(path)).text, /Dave on the outreach team ignored me\./);
  const suggested = toAuthor('A change is suggested to your story');
  assert.equal(suggested.length, 1);
  assert.match(suggested[0], /Take out the name\./);
  assert.doesNotMatch(suggested[0], /A worker on the outreach team/, 'the words are on the page, not in the email');
  const sid = (await author.get(path)).text.match(/action="([^"]+\/suggestions\/\d+)"/)[1];
  r = await author.post(sid, { decision: 'accept' });
  assert.equal(r.status, 303);
  await facilitator.get(path);
  r = await facilitator.post(`${path}/release`, {});
  assert.equal(r.status, 303);
  const now = (await partner.get(path)).text;
  assert.match(now, /A worker on the outreach team ignored me\./);
  assert.doesNotMatch(now, /Dave/);
  // Earlier words (with the name) only for the author and facilitators.
  assert.match((await author.get(`${path}/versions`)).text, /Dave on the outreach team/);
  assert.match((await facilitator.get(`${path}/versions`)).text, /Version 1: The worker called Dave/);
  assert.equal((await partner.get(`${path}/versions`)).status, 404);
  assert.equal((await member.get(`${path}/versions`)).status, 404);
  // The author's download keeps both versions.
  const json = JSON.parse((await author.get(`/spaces/${slug}/stories/mine.json`)).text);
  assert.equal(json.stories[0].versions.length, 2);
});

test('a withdrawn story is gone from lists, pages and others\' exports; the author keeps it', async () => {
  const { author, partner, facilitator, member } = cast;
  const { slug } = await forum(partner, 'Northmoor Tenancy Support');
  const path = await share(author, slug, { title: 'Evicted in December', audience: 'anyone' });
  await partner.get(path);
  assert.equal((await partner.post(`${path}/responses`, { body: 'Thank you. We will look into this.' })).status, 303);
  await author.get(`${path}/withdraw`);
  let r = await author.post(`${path}/withdraw`, {});
  assert.equal(r.status, 303);
  for (const who of [partner, facilitator, member, author]) {
    assert.doesNotMatch((await who.get(`/spaces/${slug}/stories`)).text, /Evicted in December/, who.name);
    const page = await who.get(path);
    assert.equal(page.status, 410, who.name);
    assert.match(page.text, /withdrawn by its author/);
    assert.doesNotMatch(page.text, /Evicted in December|Nobody rang me back|We will look into this/);
  }
  const anon = await fetch(server.url + path);
  assert.equal(anon.status, 410);
  // Nobody can answer it any more.
  assert.equal((await partner.post(`${path}/responses`, { body: 'One more thing.' })).status, 410);
  // The partner's "download my data" no longer holds the story it answered.
  const theirs = await partner.get('/account/data.json');
  assert.equal(theirs.status, 200);
  assert.doesNotMatch(theirs.text, /Evicted in December|Nobody rang me back/);
  // The author's own download and data export still hold it, marked withdrawn.
  const mine = JSON.parse((await author.get(`/spaces/${slug}/stories/mine.json`)).text);
  const s = mine.stories.find((x) => x.versions[0].title === 'Evicted in December');
  assert.equal(s.status, 'withdrawn');
  const data = await author.get('/account/data.json');
  assert.match(data.text, /Evicted in December/);
  assert.match((await author.get(`/spaces/${slug}/stories/mine`)).text, /Evicted in December/);
});

test('the organisation a story is about is told of it (never who wrote it), unless only members may read it', async () => {
  const { author, partner } = cast;
  const { slug } = await forum(partner, 'Northmoor Food Bank');
  const form = (await author.get(`/spaces/${slug}/stories/new`)).text;
  const org = form.match(/name="about" type="checkbox" value="(\d+)"/)[1];
  const toPartner = () => server.outbox().filter((m) => m.includes(`To: ${partner.email}\r\n`)).length;
  const before = toPartner();
  await share(author, slug, { title: 'Members only, about the food bank', audience: 'members', about: org });
  assert.equal(toPartner(), before, 'partners may not read it, so they are not told');
  await share(author, slug, { title: 'The parcel had nothing I could eat', shown_as: 'anonymous', about: org });
  assert.equal(toPartner(), before + 1);
  const mail = server.lastEmailTo(partner.email);
  assert.match(mail, /A story about Northmoor Food Bank has been shared/);
  assert.match(mail, /The parcel had nothing I could eat/);
  assert.doesNotMatch(mail, /Saffron|Ridley-Achebe/, 'never who wrote it');
});
