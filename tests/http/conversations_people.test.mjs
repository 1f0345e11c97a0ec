// Conversations, the rest of issue 17: the site header's count of unread notifications;
// people who can connect (an opt-in directory that only the space's members see, and "get
// in touch" through Humanspace that shows neither address until the other person
// answers, rate-limited); and searching conversations and replies, which never finds a
// hidden, waiting or removed post for others, nor another space's. Runs on the engine
// under test.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { startServer, cli, signedIn, dbRows, Client } from './harness.mjs';

let server;
let cast;
const person = (name, options) => signedIn(server, name, options);

function decode(html) {
  return html.replace(/&#39;|&apos;/g, "'").replace(/&quot;/g, '"').replace(/&lt;/g, '<').replace(/&gt;/g, '>').replace(/&amp;/g, '&');
}

let spaces = 0;
async function space(owner, members) {
  await owner.get('/spaces/new');
  const res = await owner.post('/spaces/new', {
    name: `Heron Peer Network ${++spaces}`, slug: '', kind: 'practice', purpose: 'People with lived experience, connecting.',
    visibility: 'listed', code_of_conduct: 'Be kind.',
  });
  assert.equal(res.status, 303, res.text.slice(0, 300));
  const slug = res.location.match(/^\/spaces\/([a-z0-9-]+)/)[1];
  for (const [who, role] of members) cli(server, ['user', 'set-role', who.email, role, '--space', slug]);
  return slug;
}

async function start(client, slug, fields) {
  await client.get(`/spaces/${slug}/conversations/new`);
  const res = await client.post(`/spaces/${slug}/conversations/new`, {
    kind: 'learning', title: 'What helped', body: 'Peer support.', content_note: '', ...fields,
  });
  assert.equal(res.status, 303, `starting: ${res.status} ${decode(res.text).slice(0, 1500)}`);
  return res.location.match(/^(\/spaces\/[a-z0-9-]+\/conversations\/\d+)\?notice=/)[1];
}

async function reply(client, path, fields) {
  await client.get(path);
  const res = await client.post(`${path}/replies`, { body: 'Same here.', content_note: '', ...fields });
  assert.equal(res.status, 303, `replying: ${res.status} ${decode(res.text).slice(0, 1500)}`);
  return Number(res.location.match(/#post-(\d+)$/)[1]);
}

const emailsTo = (c) => server.outbox().filter((m) => m.includes(`To: ${c.email}\r\n`));
// The header's link as a screen reader names it.
function bell(html) {
  const m = decode(html).match(/<a class="hs-header__link" href="\/notifications">(.*?)<\/a>/);
  assert.ok(m, 'the header has a notifications link');
  // What a screen reader reads: the words hidden from sight when there is a count.
  const spoken = m[1].match(/<span class="govuk-visually-hidden">([^<]*)<\/span>/);
  return (spoken ? spoken[1] : m[1]).replace(/<[^>]+>/g, '').replace(/\s+/g, ' ').trim();
}

before(async () => {
  server = await startServer();
  cast = {
    steward: await person('Winifred Ashcombe', { steward: true }),
    facilitator: await person('Tobias Rendell'),
    asker: await person('Marisol Okonjo'),
    listed: await person('Cosmo Featherstone'),
    other: await person('Ingrid Halloran'),
    outsider: await person('Percival Dunmore'),
  };
});
after(async () => { await server.stop(); });

function members() {
  const { steward, facilitator, asker, listed, other } = cast;
  return [[steward, 'steward'], [facilitator, 'facilitator'], [asker, 'member'], [listed, 'member'], [other, 'member']];
}

test('the header link counts unread notifications, "Notifications, 3 new", and 0 shows no count', async () => {
  const { asker, listed, facilitator } = cast;
  const slug = await space(cast.steward, members());
  await listed.get(`/spaces/${slug}/conversations/notifications`);
  await listed.post(`/spaces/${slug}/conversations/notifications`, { level: 'watch', email: 'never' });
  // Read anything waiting from earlier tests first.
  await listed.post('/notifications/read', {});
  assert.equal(bell((await listed.get('/spaces')).text), 'Notifications');
  const path = await start(asker, slug, { title: 'Bells and whistles' });
  await reply(facilitator, path, { body: 'One.' });
  await reply(asker, path, { body: 'Two.' });
  for (const page of ['/spaces', `/spaces/${slug}`, path, '/account/profile'])
    assert.equal(bell((await listed.get(page)).text), 'Notifications, 3 new', page);
  // Visually: the number in a badge; the words for screen readers are hidden.
  assert.match((await listed.get('/spaces')).text, /<span aria-hidden="true">Notifications <span class="hs-header__count">3<\/span><\/span>/);
  await listed.get('/notifications');
  await listed.post('/notifications/read', {});
  assert.equal(bell((await listed.get('/spaces')).text), 'Notifications');
  // Someone else's count is their own.
  assert.doesNotMatch(bell((await cast.outsider.get('/spaces')).text), /new/);
  // Capped: 100 or more read "99+".
  const uid = Number(dbRows(server, `SELECT user_id FROM conversation_notifications ORDER BY id DESC LIMIT 1`)[0][0]);
  const n = dbRows(server, `SELECT id, space_id, conversation_id, post_id FROM conversation_notifications WHERE user_id = ${uid} LIMIT 1`)[0];
  const values = Array.from({ length: 120 }, () => `(${uid}, ${n[1]}, ${n[2]}, ${n[3]}, 'reply', 'never', 1)`).join(', ');
  dbRows(server, `INSERT INTO conversation_notifications (user_id, space_id, conversation_id, post_id, reason, email, created_at) VALUES ${values}`);
  assert.equal(bell((await listed.get('/spaces')).text), 'Notifications, 99+ new');
  await listed.post('/notifications/read', {});
});

test('people who can connect: opt in, only members see it, opting out deletes it', async () => {
  const { listed, asker, outsider } = cast;
  const slug = await space(cast.steward, members());
  const other = await space(cast.steward, [[outsider, 'member']]);
  const people = `/spaces/${slug}/conversations/people`;
  let page = decode((await asker.get(people)).text);
  assert.match(page, /Nobody is listed yet/);
  // A job title is not a field; the form says so.
  page = decode((await listed.get(`${people}/me`)).text);
  assert.match(page, /Please do not add a job title/);
  assert.doesNotMatch(page, /name="job_title"|name="title"/);
  let r = await listed.post(`${people}/me`, { name: '', pronouns: '', ask_me_about: '', areas: '' });
  assert.equal(r.status, 422);
  assert.match(decode(r.text), /Enter the name to show/);
  r = await listed.post(`${people}/me`, {
    name: 'Cosmo F', pronouns: 'he/him', ask_me_about: 'Getting a tenancy after a hostel.', areas: 'housing\npeer support\n<script>x</script>',
  });
  assert.equal(r.status, 303);
  page = (await asker.get(people)).text;
  assert.match(decode(page), /Cosmo F/);
  assert.match(decode(page), /he\/him/);
  assert.match(decode(page), /Getting a tenancy after a hostel\./);
  assert.match(page, /<li>peer support<\/li>/);
  assert.match(page, /&lt;script&gt;x&lt;\/script&gt;/, 'escaped');
  // The words are sealed at rest.
  assert.equal(dbRows(server, `SELECT count(*) FROM conversation_people WHERE ask_sealed LIKE '%tenancy%'`)[0][0], '0');
  // Another space's member, and the signed-out, see nothing of it.
  for (const p of [people, `${people}/me`, `${people}/messages`]) {
    const res = await outsider.get(p);
    assert.equal(res.status, 404, p);
    assert.doesNotMatch(res.text, /Cosmo F|tenancy/);
  }
  assert.doesNotMatch(decode((await outsider.get(`/spaces/${other}/conversations/people`)).text), /Cosmo F/);
  const anon = await new Client(server).get(people);
  assert.ok([302, 303].includes(anon.status));
  // Opting out deletes the entry.
  await listed.get(`${people}/me`);
  r = await listed.post(`${people}/me/remove`, {});
  assert.equal(r.status, 303);
  assert.doesNotMatch(decode((await asker.get(people)).text), /Cosmo F/);
  assert.equal(dbRows(server, `SELECT count(*) FROM conversation_people WHERE name = 'Cosmo F'`)[0][0], '0');
});

test('get in touch hides both addresses until the answer, then shows each to the other; rate-limited', async () => {
  const { listed, asker, other, outsider } = cast;
  const slug = await space(cast.steward, [...members(), [outsider, 'member']]);
  const people = `/spaces/${slug}/conversations/people`;
  await listed.get(`${people}/me`);
  await listed.post(`${people}/me`, { name: 'Cosmo F', pronouns: '', ask_me_about: 'Hostels.', areas: '' });
  const listedId = Number(dbRows(server, `SELECT user_id FROM conversation_people p JOIN spaces s ON s.id = p.space_id WHERE s.slug = '${slug}'`)[0][0]);
  const contact = `${people}/${listedId}/contact`;
  // Nobody writes to someone who is not listed, nor to themselves.
  const askerId = Number(dbRows(server, `SELECT id FROM users WHERE display_name = 'Marisol Okonjo'`)[0][0]);
  assert.equal((await listed.get(`${people}/${askerId}/contact`)).status, 404);
  let page = decode((await asker.get(contact)).text);
  assert.match(page, /Get in touch with Cosmo F/);
  const before = emailsTo(listed).length;
  let r = await asker.post(contact, { body: 'Hello Cosmo, could we talk about hostels?' });
  assert.equal(r.status, 303, decode(r.text).slice(0, 500));
  const messagePath = r.location.replace(/\?.*$/, '');
  const mails = emailsTo(listed).slice(before);
  assert.equal(mails.length, 1);
  const mail = mails[0];
  assert.match(mail, /could we talk about hostels\?/);
  assert.match(mail, /Marisol Okonjo/);
  assert.ok(!mail.includes(asker.email), 'the sender\'s address is not in the email');
  // The pages show no address before the answer, to either of them.
  for (const who of [asker, listed]) {
    page = (await who.get(messagePath)).text;
    assert.ok(!page.includes(asker.email) && !page.includes(listed.email), 'no address before the answer');
  }
  // Only the two of them see it.
  for (const who of [other, outsider]) assert.equal((await who.get(messagePath)).status, 404);
  // The sender cannot answer their own message.
  await asker.get(messagePath);
  r = await asker.post(`${messagePath}/answer`, { body: 'Me again.' });
  assert.equal(r.status, 403);
  // Waiting for an answer: no second message to the same person.
  await asker.get(contact);
  r = await asker.post(contact, { body: 'Did you get my message?' });
  assert.equal(r.status, 429);
  assert.match(decode(r.text), /Please wait for them to answer/);
  // The answer: the link in the email leads to a page with "Reply to Marisol Okonjo".
  const link = new URL(mail.match(/https?:\/\/\S+\/people\/messages\/\d+/)[0]);
  page = decode((await listed.get(link.pathname)).text);
  assert.match(page, /Reply to Marisol Okonjo/);
  const toAsker = emailsTo(asker).length;
  r = await listed.post(`${link.pathname}/answer`, { body: 'Yes, happy to. Thursday?' });
  assert.equal(r.status, 303);
  const answerMail = emailsTo(asker).slice(toAsker);
  assert.equal(answerMail.length, 1);
  assert.match(answerMail[0], /Yes, happy to\. Thursday\?/);
  assert.ok(answerMail[0].includes(listed.email), 'the sender learns the address of the person who answered');
  assert.ok(emailsTo(listed).some((m) => m.includes(asker.email)), 'who answered learns the sender\'s address');
  assert.ok((await asker.get(messagePath)).text.includes(listed.email));
  assert.ok((await listed.get(messagePath)).text.includes(asker.email));
  // Once only.
  r = await listed.post(`${link.pathname}/answer`, { body: 'Again.' });
  assert.equal(r.status, 409);
  // At most 5 messages in 24 hours.
  for (const name of ['A', 'B', 'C', 'D', 'E', 'F']) {
    const who = await person(`Listed Person${name}`);
    cli(server, ['user', 'set-role', who.email, 'member', '--space', slug]);
    await who.get(`${people}/me`);
    await who.post(`${people}/me`, { name: `Person ${name}`, pronouns: '', ask_me_about: 'Anything.', areas: '' });
  }
  const ids = dbRows(server, `SELECT p.user_id FROM conversation_people p JOIN spaces s ON s.id = p.space_id WHERE s.slug = '${slug}' AND p.name LIKE 'Person %' ORDER BY p.name`).map((x) => Number(x[0]));
  const statuses = [];
  for (const id of ids) {
    await other.get(`${people}/${id}/contact`);
    statuses.push((await other.post(`${people}/${id}/contact`, { body: 'Hello.' })).status);
  }
  assert.deepEqual(statuses, [303, 303, 303, 303, 303, 429]);
});

test('erasure and "download my data" cover directory entries and messages', async () => {
  const slug = await space(cast.steward, members());
  const people = `/spaces/${slug}/conversations/people`;
  const leaving = await person('Evangeline Moss');
  const friend = await person('Horatio Blythe');
  for (const w of [leaving, friend]) cli(server, ['user', 'set-role', w.email, 'member', '--space', slug]);
  await friend.get(`${people}/me`);
  await friend.post(`${people}/me`, { name: 'Horatio', pronouns: '', ask_me_about: 'Caring for my dad.', areas: '' });
  await leaving.get(`${people}/me`);
  await leaving.post(`${people}/me`, { name: 'Evie', pronouns: 'she/her', ask_me_about: 'Recovery walks.', areas: 'walking' });
  const friendId = Number(dbRows(server, `SELECT user_id FROM conversation_people WHERE name = 'Horatio'`)[0][0]);
  await leaving.get(`${people}/${friendId}/contact`);
  assert.equal((await leaving.post(`${people}/${friendId}/contact`, { body: 'A walk on Sunday?' })).status, 303);
  const data = decode((await leaving.get('/account/data.json')).text);
  assert.match(data, /Recovery walks\./);
  assert.match(data, /A walk on Sunday\?/);
  const leavingId = Number(dbRows(server, `SELECT user_id FROM conversation_people WHERE name = 'Evie'`)[0][0]);
  await leaving.get('/account/data');
  assert.equal((await leaving.post('/account/delete', { confirm: 'yes' })).status, 200);
  assert.equal(dbRows(server, `SELECT count(*) FROM conversation_people WHERE user_id = ${leavingId}`)[0][0], '0');
  assert.equal(dbRows(server, `SELECT count(*) FROM conversation_contacts WHERE from_id = ${leavingId} OR to_id = ${leavingId}`)[0][0], '0');
});

test('search finds words in any form, with escaped snippets, and never what others may not read', async () => {
  const { asker, listed, other, facilitator, outsider, steward } = cast;
  const slug = await space(steward, members());
  const theirs = await space(steward, [[outsider, 'member']]);
  const search = (who, q, s = slug) => who.get(`/spaces/${s}/conversations/search?q=${encodeURIComponent(q)}`);
  const path = await start(asker, slug, { kind: 'idea', title: 'Morning walks by the canal', body: 'We walked <b>together</b> every Tuesday, and it helped.' });
  await reply(listed, path, { body: 'Walking with others got me out of the house.' });
  // In another space, the same words: never found from this one.
  await start(outsider, theirs, { title: 'Walks elsewhere', body: 'Walking in another space, secretly.' });
  let res = await search(other, 'walking');
  assert.equal(res.status, 200);
  let page = res.text;
  assert.match(decode(page), /Morning walks by the canal/);
  assert.match(page, /We <mark>walked<\/mark> &lt;b&gt;/, 'the opening post, stemmed');
  assert.match(page, /<mark>Walking<\/mark> with others/, 'the reply');
  assert.match(page, /&lt;b&gt;together&lt;\/b&gt;/, 'escaped');
  assert.doesNotMatch(page, /secretly|Walks elsewhere/);
  assert.match(decode((await search(outsider, 'walking', theirs)).text), /secretly/);
  // The search box is on the conversations page.
  assert.match((await other.get(`/spaces/${slug}/conversations`)).text, /<form method="get" action="\/spaces\/[a-z0-9-]+\/conversations\/search" role="search"/);
  // Another space's member and the signed-out see nothing.
  res = await search(outsider, 'walking');
  assert.equal(res.status, 404);
  assert.doesNotMatch(res.text, /canal/);
  const anon = await new Client(server).get(`/spaces/${slug}/conversations/search?q=walking`);
  assert.ok([302, 303].includes(anon.status));

  // Hidden: found by nobody else.
  const hiddenPath = await start(asker, slug, { title: 'Kingfisher sightings', body: 'A kingfisher by the lock gates.' });
  assert.match(decode((await search(other, 'kingfishers')).text), /Kingfisher sightings/);
  const hp = decode((await facilitator.get(hiddenPath)).text);
  const hid = Number(hp.match(/id="post-(\d+)"/)[1]);
  await facilitator.get(hiddenPath);
  assert.equal((await facilitator.post(`${hiddenPath}/posts/${hid}/moderate`, { act: 'hide', reason: 'Names a place someone asked us not to.' })).status, 303);
  for (const who of [other, listed]) assert.doesNotMatch(decode((await search(who, 'kingfisher')).text), /Kingfisher|lock gates/);
  // Removed by its author: gone.
  const rid = await reply(listed, path, { body: 'Heronry near the weir.' });
  assert.match(decode((await search(other, 'heronry')).text), /Heronry/);
  await listed.get(path);
  await listed.post(`${path}/posts/${rid}/remove`, {});
  assert.doesNotMatch(decode((await search(other, 'heronry')).text), /Heronry/);
  // Waiting for a facilitator (anonymous): found by nobody until approved.
  await facilitator.get(`/spaces/${slug}/conversations/settings`);
  await facilitator.post(`/spaces/${slug}/conversations/settings`, { allow_anonymous: 'yes' });
  const anonPath = await start(asker, slug, { title: 'Otters at dusk', body: 'Otters, quietly.', anonymous: 'yes' });
  for (const who of [other, listed, facilitator]) assert.doesNotMatch(decode((await search(who, 'otter')).text), /Otters/);
  const aid = Number(decode((await facilitator.get(anonPath)).text).match(/id="post-(\d+)"/)[1]);
  await facilitator.post(`${anonPath}/posts/${aid}/moderate`, { act: 'approve' });
  page = decode((await search(other, 'otter')).text);
  assert.match(page, /Otters at dusk/);
  assert.doesNotMatch(page, /Marisol|Okonjo/, 'an anonymous post\'s author is not shown');
});

test('the demo: people who can connect with several people, a message answered and one waiting, and search', async () => {
  const { readFileSync } = await import('node:fs');
  const { join } = await import('node:path');
  const { ROOT } = await import('./harness.mjs');
  const demo = await startServer({ env: { HUMANSPACE_DEMO: '1' }, args: ['--seed-demo'] });
  try {
    const password = JSON.parse(readFileSync(join(ROOT, 'resources', 'demo', 'community.json'), 'utf8')).password;
    const kit = new Client(demo);
    await kit.get('/signin');
    assert.equal((await kit.post('/signin', { email: 'kit@example.org', password })).status, 303);
    const base = '/spaces/lived-experience-practice/conversations';
    const people = decode((await kit.get(`${base}/people`)).text);
    for (const name of ['Jo Whitlow', 'Priya Castell', 'Dana F.', 'Kit']) assert.match(people, new RegExp(`>${name}`));
    assert.match(people, /buddying newcomers/);
    const messages = decode((await kit.get(`${base}/people/messages`)).text);
    assert.match(messages, /To Jo Whitlow/);
    assert.match(messages, /Answered/);
    const found = decode((await kit.get(`${base}/search?q=nervously`)).text);
    assert.match(found, /What helped me get ready for the council meeting/);
    assert.match(found, /<mark>nervous/);
    assert.match(demo.log(), /conversations\/people/);
  } finally {
    await demo.stop();
  }
});

test('a long conversation shows its replies in pages of 100, and a link to a post opens its page', async () => {
  const { asker, listed, other } = cast;
  const slug = await space(cast.steward, members());
  const path = await start(asker, slug, { title: 'A very long thread', body: 'Tell me everything.' });
  const conv = Number(path.split('/').pop());
  const sp = Number(dbRows(server, `SELECT space_id FROM conversations WHERE id = ${conv}`)[0][0]);
  const author = Number(dbRows(server, `SELECT id FROM users WHERE display_name = 'Ingrid Halloran'`)[0][0]);
  const values = Array.from({ length: 149 }, (_, i) => `(${conv}, ${sp}, ${author}, 0, 0, 'visible', 'Reply number ${i + 1}.', 1, ${1000 + i}, ${1000 + i})`).join(', ');
  dbRows(server, `INSERT INTO conversation_posts (conversation_id, space_id, author_id, opening, anonymous, state, body, version, created_at, updated_at) VALUES ${values}`);
  // The 150th, as people reply: the person who is told of it gets a link to its page.
  await listed.get(`/spaces/${slug}/conversations/notifications`);
  await listed.post(`/spaces/${slug}/conversations/notifications`, { level: 'watch', email: 'at_once' });
  const last = await reply(other, path, { body: 'Reply number 150.' });
  let page = decode((await listed.get(path)).text);
  assert.equal((page.match(/id="post-\d+"/g) || []).length, 101, 'the opening post and 100 replies');
  assert.match(page, /Reply number 100\./);
  assert.doesNotMatch(page, /Reply number 101\./);
  assert.match(page, /<nav class="govuk-pagination" aria-label="Replies, page 1 of 2">/);
  assert.match(page, /Tell me everything\./, 'the opening post on every page');
  page = decode((await listed.get(`${path}?page=2`)).text);
  assert.match(page, /Reply number 101\./);
  assert.match(page, /Reply number 150\./);
  assert.match(page, /Tell me everything\./);
  assert.equal((page.match(/id="post-\d+"/g) || []).length, 51);
  // The email's link says which post, and opens the page holding it.
  const mail = emailsTo(listed).pop();
  const link = new URL(mail.match(/https?:\/\/\S+\?post=\d+#post-\d+/)[0]);
  assert.equal(link.hash, `#post-${last}`);
  page = decode((await listed.get(link.pathname + link.search)).text);
  assert.match(page, new RegExp(`id="post-${last}"`));
  // The redirect after replying does too.
  await other.get(path);
  const res = await other.post(`${path}/replies`, { body: 'And one more.', content_note: '' });
  assert.match(res.location, /\?notice=replied&post=(\d+)#post-\1$/);
  assert.match(decode((await other.get(res.location.replace(/#.*$/, ''))).text), /And one more\./);
});
