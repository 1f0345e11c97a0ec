// Conversations (issue 17): a member starts one of each kind, others reply (quoting),
// react and mention; an anonymous post waits for a facilitator, who never sees who wrote
// it; a flagged post is hidden with a reason its author sees, reviewed and restored, and
// each step is in the decision log; editing keeps history and removing leaves "removed by
// its author". A member of another space sees nothing. Notifications obey each person's
// choices (mute wins), email carries one-click unsubscribe headers, and an unsubscribe
// link works without signing in and only for its own setting. Runs on the engine under test.
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
    name: `Kestrel Recovery Practice ${++spaces}`, slug: '', kind: 'practice', purpose: 'People in recovery, learning together.',
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
    kind: 'learning', title: 'What helped in the first month', body: 'Peer support, every week.', content_note: '', ...fields,
  });
  assert.equal(res.status, 303, `starting: ${res.status} ${decode(res.text).slice(0, 1500)}`);
  const m = res.location.match(new RegExp(`^(/spaces/${slug}/conversations/(\\d+))\\?notice=`));
  assert.ok(m, res.location);
  return m[1];
}

async function reply(client, path, fields) {
  await client.get(path);
  const res = await client.post(`${path}/replies`, { body: 'Same here.', content_note: '', ...fields });
  assert.equal(res.status, 303, `replying: ${res.status} ${decode(res.text).slice(0, 1500)}`);
  return Number(res.location.match(/#post-(\d+)$/)[1]);
}

const entries = (slug) => dbRows(server, `SELECT e.entry FROM audit_entries e JOIN spaces s ON s.id = e.space_id
  WHERE s.slug = '${slug}' ORDER BY e.seq`).map((r) => r.join('|'));
const emailsTo = (c) => server.outbox().filter((m) => m.includes(`To: ${c.email}\r\n`));

before(async () => {
  server = await startServer();
  cast = {
    steward: await person('Ottoline Brassey', { steward: true }),
    facilitator: await person('Ambrose Teague'),
    author: await person('Nkechi Fairweather'),
    replier: await person('Lorcan Dufresne'),
    watcher: await person('Persephone Ashdown'),
    muted: await person('Barnaby Quist'),
    outsider: await person('Griselda Pemberton'),
  };
});
after(async () => { await server.stop(); });

function members() {
  const { steward, facilitator, author, replier, watcher, muted } = cast;
  return [[steward, 'steward'], [facilitator, 'facilitator'], [author, 'member'], [replier, 'member'], [watcher, 'member'], [muted, 'member']];
}

test('conversations of each kind, replies with quotes, reactions counted without names, history kept', async () => {
  const { author, replier, watcher } = cast;
  const slug = await space(cast.steward, members());
  for (const kind of ['learning', 'challenge', 'idea', 'question'])
    await start(author, slug, { kind, title: `A ${kind} to share`, body: `About ${kind}.` });
  const list = decode((await replier.get(`/spaces/${slug}/conversations`)).text);
  for (const label of ['Learning', 'Challenge', 'Idea', 'Question']) assert.match(list, new RegExp(`>${label}<`));
  assert.match(list, /A challenge to share/);

  const path = await start(author, slug, {
    kind: 'challenge', title: 'Nights are the hardest', body: 'The first **weeks** at night.\n\n- phoning someone\n- a walk',
    content_note: 'mentions cravings',
  });
  let page = decode((await replier.get(path)).text);
  // The content note comes before the words, which sit in a details element.
  assert.ok(page.indexOf('Content note: mentions cravings') < page.indexOf('phoning someone'));
  assert.match(page, /<li>phoning someone<\/li>/);
  assert.doesNotMatch(page, /<strong>weeks<\/strong>/);

  // Quoting: the reply box starts with the post's words as "> " lines.
  const opening = Number(page.match(/id="post-(\d+)"/)[1]);
  page = decode((await replier.get(`${path}?quote=${opening}`)).text);
  assert.match(page, /<textarea[^>]*name="body"[^>]*>> The first \*\*weeks\*\* at night\.\n>\n> - phoning someone/);
  assert.match(page, new RegExp(`name="quote_of" value="${opening}"`));
  const r1 = await reply(replier, path, { body: '> The first weeks at night.\n\nI rang the helpline.', quote_of: String(opening) });
  // The quoted words show as a quotation, linked to the post they came from, and the
  // replier's own words as theirs.
  const quoted = decode((await watcher.get(path)).text);
  assert.match(quoted, new RegExp(`href="[^"]*\\?post=${opening}#post-${opening}">Quoting an earlier post in this conversation</a>`));
  assert.match(quoted, /<blockquote class="hs-quote"><p class="govuk-body">The first weeks at night\.<\/p><\/blockquote>\s*<p class="govuk-body">I rang the helpline\.<\/p>/);

  // Reactions: a count, never who.
  await replier.get(path);
  let res = await replier.post(`${path}/posts/${opening}/react`, { reaction: 'me_too' });
  assert.equal(res.status, 303);
  await watcher.get(path);
  res = await watcher.post(`${path}/posts/${opening}/react`, { reaction: 'me_too' });
  assert.equal(res.status, 303);
  // Back at the post, its words stay open behind the content note (they were read to react).
  assert.match(res.location, new RegExp(`\\?post=${opening}&read=1#post-${opening}$`));
  const back = (await watcher.get(res.location.replace(/#.*/, ''))).text;
  assert.match(back.slice(back.indexOf(`id="post-${opening}"`), back.indexOf(`id="post-${r1}"`)), /<details class="govuk-details" open>/);
  assert.doesNotMatch((await watcher.get(path)).text, /<details class="govuk-details" open>/, 'otherwise closed');
  page = decode((await author.get(path)).text);
  assert.match(page, /Me too: 2/, 'the author sees the count');
  const section = page.slice(page.indexOf(`id="post-${opening}"`), page.indexOf(`id="post-${r1}"`));
  assert.doesNotMatch(section, /Lorcan|Persephone/, 'and not who reacted');
  // Unless the reader asks: a page of its own names them, for those who may read the post.
  const whoHref = section.match(/href="([^"]+\/reactions)">See who reacted</);
  assert.ok(whoHref, 'the post links to who reacted');
  const who = decode((await author.get(whoHref[1])).text);
  assert.match(who, /<dt class="govuk-summary-list__key">Me too \(2\)<\/dt>[\s\S]*Lorcan[\s\S]*Persephone|<dt class="govuk-summary-list__key">Me too \(2\)<\/dt>[\s\S]*Persephone[\s\S]*Lorcan/);
  // Reacting again takes it back; one's own post cannot be reacted to; reactions are a fixed set.
  res = await watcher.post(`${path}/posts/${opening}/react`, { reaction: 'me_too' });
  assert.match(decode((await watcher.get(path)).text), /Me too <span class="hs-count">1<\/span>/);
  res = await author.post(`${path}/posts/${opening}/react`, { reaction: 'thanks' });
  assert.equal(res.status, 403);
  res = await watcher.post(`${path}/posts/${opening}/react`, { reaction: 'angry' });
  assert.equal(res.status, 422);

  // Editing keeps history; only the author edits.
  assert.equal((await replier.get(`${path}/posts/${opening}/edit`)).status, 403);
  await author.get(`${path}/posts/${opening}/edit`);
  res = await author.post(`${path}/posts/${opening}/edit`, { title: 'Nights are the hardest part', body: 'Changed words.', content_note: '' });
  assert.equal(res.status, 303, res.text.slice(0, 500));
  page = decode((await replier.get(path)).text);
  assert.match(page, /<h1 class="govuk-heading-l">Nights are the hardest part<\/h1>/);
  assert.match(page, /Changed words\./);
  assert.match(page, /Earlier versions/);
  assert.match(page, /phoning someone/, 'the earlier words are kept');

  // Removing leaves "removed by its author", and the words are gone everywhere.
  await replier.get(`${path}/posts/${r1}/edit`);
  res = await replier.post(`${path}/posts/${r1}/remove`, {});
  assert.equal(res.status, 303);
  page = decode((await author.get(path)).text);
  assert.match(page, /Removed by its author\./);
  assert.doesNotMatch(page, /I rang the helpline/);
  assert.equal(dbRows(server, `SELECT body FROM conversation_posts WHERE id = ${r1}`)[0]?.[0] ?? '', '');
  assert.ok(entries(slug).some((e) => /conversation\.post_removed/.test(e)));
});

test('a member of another space, a partner-less outsider and the signed-out see nothing', async () => {
  const { author, outsider } = cast;
  const slug = await space(cast.steward, members());
  const path = await start(author, slug, { title: 'Members only, please' });
  const other = await space(cast.steward, [[outsider, 'member']]);
  assert.equal((await outsider.get(`/spaces/${other}/conversations`)).status, 200);
  for (const p of [`/spaces/${slug}/conversations`, path, `${path}?quote=1`, `/spaces/${slug}/conversations/new`,
    `/spaces/${slug}/conversations/notifications`, `/spaces/${slug}/conversations/moderation`]) {
    const r = await outsider.get(p);
    assert.equal(r.status, 404, `${p}: ${r.status}`);
    assert.doesNotMatch(r.text, /Members only, please/);
  }
  const openingId = (await author.get(path)).text.match(/id="post-(\d+)"/)[1];
  assert.equal((await outsider.get(`${path}/posts/${openingId}/reactions`)).status, 404, 'nor who reacted');
  await outsider.get(`/spaces/${other}/conversations`);
  let r = await outsider.post(`${path}/replies`, { body: 'Let me in.' });
  assert.equal(r.status, 404);
  r = await outsider.post(`/spaces/${slug}/conversations/new`, { kind: 'idea', title: 'Hi', body: 'Hello' });
  assert.equal(r.status, 404);
  // Another space's conversation id under this space's address is not found either.
  const theirs = await start(outsider, other, { title: 'Their own' });
  const id = theirs.split('/').pop();
  assert.equal((await author.get(`/spaces/${slug}/conversations/${id}`)).status, 404);
  const anon = new Client(server);
  const signedOut = await anon.get(path);
  assert.ok([302, 303, 401].includes(signedOut.status), `signed out: ${signedOut.status}`);
  assert.doesNotMatch(signedOut.text, /Members only, please/);
  // Not in the other person's notifications either.
  assert.doesNotMatch((await outsider.get('/notifications')).text, /Members only, please/);
});

test('an anonymous post waits for a facilitator, who never sees who wrote it', async () => {
  const { author, facilitator, replier, steward } = cast;
  const slug = await space(steward, members());
  // Not until the space allows it.
  await author.get(`/spaces/${slug}/conversations/new`);
  let r = await author.post(`/spaces/${slug}/conversations/new`, { kind: 'challenge', title: 'Quietly', body: 'x', anonymous: 'yes' });
  assert.equal(r.status, 403);
  assert.equal((await replier.get(`/spaces/${slug}/conversations/settings`)).status, 404, 'members do not decide');
  await facilitator.get(`/spaces/${slug}/conversations/settings`);
  r = await facilitator.post(`/spaces/${slug}/conversations/settings`, { allow_anonymous: 'yes' });
  assert.equal(r.status, 303);
  assert.ok(entries(slug).some((e) => /conversation\.anonymous_posts/.test(e)));

  const path = await start(author, slug, {
    kind: 'challenge', title: 'I relapsed last month', body: 'Nobody here knows it was me.', anonymous: 'yes',
  });
  // The author sees it waiting, as theirs.
  let page = decode((await author.get(path)).text);
  assert.match(page, /Waiting for a facilitator/);
  assert.match(page, /posted without your name/);
  // Other members do not see it at all, not even in the list.
  assert.equal((await replier.get(path)).status, 404);
  assert.doesNotMatch((await replier.get(`/spaces/${slug}/conversations`)).text, /I relapsed/);
  // The facilitator reads it in the queue and on its page, never the author's name.
  const queue = decode((await facilitator.get(`/spaces/${slug}/conversations/moderation`)).text);
  assert.match(queue, /I relapsed last month/);
  assert.doesNotMatch(queue, /Nkechi|Fairweather/);
  page = decode((await facilitator.get(path)).text);
  assert.match(page, /a member \(anonymous\)/);
  assert.doesNotMatch(page, /Nkechi|Fairweather/);
  const post = Number(page.match(/id="post-(\d+)"/)[1]);
  r = await facilitator.post(`${path}/posts/${post}/moderate`, { act: 'approve' });
  assert.equal(r.status, 303);
  page = decode((await replier.get(path)).text);
  assert.match(page, /Nobody here knows it was me\./);
  assert.doesNotMatch(page, /Nkechi|Fairweather/);
  for (const who of [facilitator, replier, steward])
    assert.doesNotMatch(decode((await who.get(`/spaces/${slug}/conversations`)).text), /Nkechi|Fairweather/);
  // Nor in the decision log.
  assert.ok(entries(slug).some((e) => /conversation\.post_approve/.test(e)));
  assert.ok(entries(slug).every((e) => !/Nkechi|Fairweather|relapsed/.test(e)));
  // An anonymous reply also waits.
  const rid = await reply(replier, path, { body: 'Me too, and I am still here.', anonymous: 'yes' });
  assert.doesNotMatch(decode((await author.get(path)).text), /still here/);
  page = decode((await facilitator.get(path)).text);
  assert.match(page, /still here/);
  assert.doesNotMatch(page.slice(page.indexOf(`id="post-${rid}"`)), /Lorcan|Dufresne/);
});

test('flag, hide with a reason the author sees, ask for review, restore: each in the decision log', async () => {
  const { author, facilitator, replier } = cast;
  const slug = await space(cast.steward, members());
  const path = await start(author, slug, { kind: 'idea', title: 'A group at the library', body: 'Ask Dr Vance, she runs it.' });
  const post = Number(decode((await replier.get(path)).text).match(/id="post-(\d+)"/)[1]);
  // The author cannot flag their own post; a reason is needed.
  assert.equal((await author.get(`${path}/posts/${post}/flag`)).status, 403);
  await replier.get(`${path}/posts/${post}/flag`);
  let r = await replier.post(`${path}/posts/${post}/flag`, { reason: '' });
  assert.equal(r.status, 422);
  assert.match(decode(r.text), /Enter a reason/);
  r = await replier.post(`${path}/posts/${post}/flag`, { reason: 'It names a doctor who asked not to be named.' });
  assert.equal(r.status, 303);
  const queue = decode((await facilitator.get(`/spaces/${slug}/conversations/moderation`)).text);
  assert.match(queue, /It names a doctor/);
  assert.doesNotMatch(queue, /Lorcan|Dufresne/, 'who flagged is not shown');

  // Members cannot moderate.
  await replier.get(path);
  r = await replier.post(`${path}/posts/${post}/moderate`, { act: 'hide', reason: 'I do not like it' });
  assert.equal(r.status, 403);
  // Hiding needs a reason.
  await facilitator.get(path);
  r = await facilitator.post(`${path}/posts/${post}/moderate`, { act: 'hide', reason: '' });
  assert.equal(r.status, 422);
  r = await facilitator.post(`${path}/posts/${post}/moderate`, { act: 'hide', reason: 'It names someone who asked not to be named.' });
  assert.equal(r.status, 303);
  let page = decode((await replier.get(path)).text);
  assert.match(page, /A facilitator hid this post\./);
  assert.doesNotMatch(page, /Dr Vance|asked not to be named/, 'others see neither the words nor the reason');
  page = decode((await author.get(path)).text);
  assert.match(page, /Why a facilitator hid this post/);
  assert.match(page, /It names someone who asked not to be named\./);
  assert.match(page, /Dr Vance/, 'the author still reads their words');
  // Nobody replies to a hidden conversation.
  await replier.get(path);
  r = await replier.post(`${path}/replies`, { body: 'Still?' });
  assert.equal(r.status, 403);
  // The author asks for a review; the facilitator restores it.
  await author.get(path);
  r = await author.post(`${path}/posts/${post}/moderate`, { act: 'ask_review' });
  assert.equal(r.status, 303);
  assert.match(decode((await facilitator.get(`/spaces/${slug}/conversations/moderation`)).text), /Hidden: review asked for/);
  r = await author.post(`${path}/posts/${post}/moderate`, { act: 'restore' });
  assert.equal(r.status, 403, 'the author cannot restore it');
  await facilitator.get(path);
  r = await facilitator.post(`${path}/posts/${post}/moderate`, { act: 'restore' });
  assert.equal(r.status, 303);
  assert.match(decode((await replier.get(path)).text), /Dr Vance/);
  r = await facilitator.post(`${path}/posts/${post}/moderate`, { act: 'restore' });
  assert.equal(r.status, 422, 'a visible post cannot be restored');
  const kinds = entries(slug).map((e) => (e.match(/"kind":"(conversation\.[a-z_]+)"/) || [])[1]).filter(Boolean);
  assert.deepEqual(kinds, ['conversation.post_flagged', 'conversation.post_hide', 'conversation.post_ask_review', 'conversation.post_restore']);
});

test('notifications obey each choice, mute wins, and email carries one-click unsubscribe', async () => {
  const { author, replier, watcher, muted, facilitator } = cast;
  const slug = await space(cast.steward, members());
  // Choices: the watcher watches the space; the muted member mutes it.
  await watcher.get(`/spaces/${slug}/conversations/notifications`);
  let r = await watcher.post(`/spaces/${slug}/conversations/notifications`, { level: 'watch', email: 'at_once' });
  assert.equal(r.status, 303);
  await muted.get(`/spaces/${slug}/conversations/notifications`);
  r = await muted.post(`/spaces/${slug}/conversations/notifications`, { level: 'mute', email: 'at_once' });
  assert.equal(r.status, 303);
  r = await muted.post(`/spaces/${slug}/conversations/notifications`, { level: 'loud', email: 'hourly' });
  assert.equal(r.status, 422);

  const before = { watcher: emailsTo(watcher).length, muted: emailsTo(muted).length, replier: emailsTo(replier).length, facilitator: emailsTo(facilitator).length };
  const path = await start(author, slug, { kind: 'question', title: 'Who else walks in the mornings?', body: 'Asking for ideas.' });
  // A reply that mentions the replier, the muted member, an address and code.
  await reply(facilitator, path, {
    body: 'Good question, @lorcan-dufresne and @barnaby-quist. Not `@persephone-ashdown`, not nobody@example.org.',
  });
  const emails = { watcher: emailsTo(watcher).slice(before.watcher), muted: emailsTo(muted).slice(before.muted), replier: emailsTo(replier).slice(before.replier) };
  assert.equal(emails.muted.length, 0, 'mute wins, even over a mention');
  assert.equal(emails.replier.length, 1, 'mentioned: told at once');
  assert.match(emails.replier[0], /Subject: Ambrose Teague mentioned you/);
  assert.equal(emails.watcher.length, 2, 'watching: the new conversation and the reply');
  // RFC 8058 headers.
  const mail = emails.replier[0];
  const header = mail.match(/^List-Unsubscribe: <([^>]+)>\r$/m);
  assert.ok(header, mail.slice(0, 800));
  assert.match(mail, /^List-Unsubscribe-Post: List-Unsubscribe=One-Click\r$/m);
  // In the app: the mentioned member has it, the muted member nothing.
  const mine = decode((await replier.get('/notifications')).text);
  assert.match(mine, /You were mentioned in: <a class="govuk-link" href="[^"]+">Who else walks in the mornings\?<\/a>/);
  assert.doesNotMatch(decode((await muted.get('/notifications')).text), /Who else walks/);
  assert.doesNotMatch(decode((await watcher.get('/notifications')).text), /You were mentioned in/, 'code is not a mention');
  // Muting one conversation silences mentions in it too.
  const path2 = await start(author, slug, { kind: 'idea', title: 'A second walk', body: 'Saturdays?' });
  await replier.get(path2);
  r = await replier.post(`${path2}/level`, { level: 'mute' });
  assert.equal(r.status, 303);
  const n = emailsTo(replier).length;
  await reply(facilitator, path2, { body: '@lorcan-dufresne what do you think?' });
  assert.equal(emailsTo(replier).length, n, 'a muted conversation\'s mention sends nothing');
  assert.doesNotMatch(decode((await replier.get('/notifications')).text), /A second walk/);
  // Mark as read.
  await replier.get('/notifications');
  r = await replier.post('/notifications/read', {});
  assert.equal(r.status, 303);
  assert.match(decode((await replier.get('/notifications')).text), /<strong>0<\/strong> new notifications/);
});

test('unsubscribe links work without signing in, and only for their own setting', async () => {
  const { author, replier, watcher } = cast;
  const slug = await space(cast.steward, members());
  const other = await space(cast.steward, members());
  for (const s of [slug, other]) {
    await watcher.get(`/spaces/${s}/conversations/notifications`);
    await watcher.post(`/spaces/${s}/conversations/notifications`, { level: 'watch', email: 'at_once' });
    await replier.get(`/spaces/${s}/conversations/notifications`);
    await replier.post(`/spaces/${s}/conversations/notifications`, { level: 'watch', email: 'at_once' });
  }
  const n0 = emailsTo(watcher).length;
  await start(author, slug, { title: 'Morning walks' });
  const mail = emailsTo(watcher).slice(n0).pop();
  assert.ok(mail, 'the watcher was emailed');
  const link = mail.match(/^List-Unsubscribe: <([^>]+)>\r$/m)[1];
  assert.match(mail, new RegExp(link.replace(/[.?*+^$[\]\\(){}|-]/g, '\\$&')), 'the same link is in the words');
  const url = new URL(link);
  const token = url.searchParams.get('token');

  // Signed out: the page asks, the GET alone changes nothing.
  const stranger = new Client(server);
  let r = await stranger.get(url.pathname + url.search);
  assert.equal(r.status, 200);
  assert.match(decode(r.text), /Stop email about conversations/);
  const emailChoice = (space, who) => dbRows(server, `SELECT ch.email FROM conversation_choices ch JOIN spaces s ON s.id = ch.space_id
    WHERE s.slug = '${space}' AND ch.user_id = ${who}`)[0]?.[0];
  const watcherId = Number(token.split('.')[1]);
  assert.equal(emailChoice(slug, watcherId), 'at_once');
  // RFC 8058 one-click: a POST without cookies or a CSRF token.
  r = await stranger.post(url.pathname + url.search, { 'List-Unsubscribe': 'One-Click' }, { csrf: false, origin: null });
  assert.equal(r.status, 200, r.text.slice(0, 300));
  assert.equal(emailChoice(slug, watcherId), 'never');
  assert.equal(emailChoice(other, watcherId), 'at_once', 'the other space is unchanged');
  const level = dbRows(server, `SELECT ch.level FROM conversation_choices ch JOIN spaces s ON s.id = ch.space_id
    WHERE s.slug = '${slug}' AND ch.user_id = ${watcherId}`)[0][0];
  assert.equal(level, 'watch', 'the level stays: the app still shows everything');
  const replierId = Number(dbRows(server, `SELECT ch.user_id FROM conversation_choices ch JOIN spaces s ON s.id = ch.space_id
    WHERE s.slug = '${slug}' AND ch.user_id <> ${watcherId}`)[0][0]);
  assert.equal(emailChoice(slug, replierId), 'at_once', 'nobody else is unsubscribed');

  // No more email from that space; the other space still emails.
  const n1 = emailsTo(watcher).length;
  await start(author, slug, { title: 'Evening walks' });
  assert.equal(emailsTo(watcher).length, n1);
  assert.match(decode((await watcher.get('/notifications')).text), /Evening walks/, 'still in the app');
  await start(author, other, { title: 'In the other space' });
  assert.equal(emailsTo(watcher).length, n1 + 1);

  // A token changed to another person or space, or cut short, does nothing.
  const [sp, , mac] = token.split('.');
  for (const bad of [`${sp}.${replierId}.${mac}`, `${Number(sp) + 1}.${watcherId}.${mac}`, `${sp}.${watcherId}.${mac.slice(0, -2)}`, 'nonsense']) {
    r = await stranger.get(`/conversations/unsubscribe?token=${encodeURIComponent(bad)}`);
    assert.equal(r.status, 404, bad);
    r = await stranger.post(`/conversations/unsubscribe?token=${encodeURIComponent(bad)}`, { 'List-Unsubscribe': 'One-Click' }, { csrf: false, origin: null });
    assert.equal(r.status, 404, bad);
  }
  assert.equal(emailChoice(slug, replierId), 'at_once');
  // The page's own button works too (no sign-in).
  const otherMail = emailsTo(watcher).pop();
  const link2 = new URL(otherMail.match(/^List-Unsubscribe: <([^>]+)>\r$/m)[1]);
  r = await stranger.post(link2.pathname + link2.search, {}, { csrf: false });
  assert.equal(r.status, 303);
  assert.equal(emailChoice(other, watcherId), 'never');
});

test('CSRF: every form needs its token', async () => {
  const { author, facilitator } = cast;
  const slug = await space(cast.steward, members());
  const path = await start(author, slug, { title: 'Guarded' });
  const post = Number(decode((await author.get(path)).text).match(/id="post-(\d+)"/)[1]);
  const forms = [
    [author, `/spaces/${slug}/conversations/new`, { kind: 'idea', title: 'x', body: 'y' }],
    [author, `${path}/replies`, { body: 'y' }],
    [author, `${path}/level`, { level: 'mute' }],
    [author, `${path}/posts/${post}/edit`, { title: 'x', body: 'y' }],
    [author, `${path}/posts/${post}/remove`, {}],
    [facilitator, `${path}/posts/${post}/react`, { reaction: 'thanks' }],
    [facilitator, `${path}/posts/${post}/flag`, { reason: 'a reason' }],
    [facilitator, `${path}/posts/${post}/moderate`, { act: 'hide', reason: 'a reason' }],
    [facilitator, `/spaces/${slug}/conversations/settings`, { allow_anonymous: 'yes' }],
    [author, `/spaces/${slug}/conversations/notifications`, { level: 'mute', email: 'never' }],
    [author, '/notifications/read', {}],
  ];
  for (const [who, p, fields] of forms) {
    const r = await who.post(p, fields, { csrf: false });
    assert.equal(r.status, 403, `${p} without a token: ${r.status}`);
  }
  assert.match(decode((await author.get(path)).text), /Guarded/);
  assert.equal(dbRows(server, `SELECT state FROM conversation_posts WHERE id = ${post}`)[0][0], 'visible');
});

test('"download my data" holds a person\'s posts, anonymous ones too; erasure leaves "removed by its author"', async () => {
  const { facilitator, replier, steward } = cast;
  const leaver = await person('Wendeline Corrigan');
  const slug = await space(steward, [...members(), [leaver, 'member']]);
  await facilitator.get(`/spaces/${slug}/conversations/settings`);
  await facilitator.post(`/spaces/${slug}/conversations/settings`, { allow_anonymous: 'yes' });
  const path = await start(leaver, slug, { kind: 'learning', title: 'What I learned leaving', body: 'Write it down.' });
  const anon = await reply(leaver, path, { body: 'Quietly: it was hard.', anonymous: 'yes' });
  const theirs = await reply(replier, path, { body: 'Thank you for this, @wendeline-corrigan.' });
  await leaver.get(path);
  await leaver.post(`${path}/posts/${theirs}/react`, { reaction: 'thanks' });
  await leaver.post(`${path}/posts/${theirs}/flag`, { reason: 'Testing the flag, sorry.' });
  await leaver.post(`${path}/level`, { level: 'watch' });
  await leaver.get(`/spaces/${slug}/conversations/notifications`);
  await leaver.post(`/spaces/${slug}/conversations/notifications`, { level: 'watch', email: 'never' });

  const data = JSON.parse((await leaver.get('/account/data.json')).text);
  const section = typeof data.conversations === 'string' ? JSON.parse(data.conversations) : data.conversations;
  const texts = section.posts.map((p) => p.text);
  assert.ok(texts.includes('Write it down.') && texts.includes('Quietly: it was hard.'), JSON.stringify(section).slice(0, 500));
  assert.equal(section.posts.find((p) => p.post === anon).anonymous, true);
  assert.ok(section.notifications.some((n) => n.reason === 'mention'));
  // Nobody else's download has their anonymous post.
  const other = JSON.parse((await replier.get('/account/data.json')).text);
  assert.doesNotMatch(JSON.stringify(other), /Quietly: it was hard/);

  await leaver.get('/account/data');
  const res = await leaver.post('/account/delete', { confirm: 'yes' });
  assert.equal(res.status, 200, res.text.slice(0, 300));
  const id = section.posts[0].post;
  const left = (sql) => Number(dbRows(server, sql)[0][0]);
  const uid = Number(dbRows(server, `SELECT id FROM users WHERE display_name = 'Former member' ORDER BY id DESC LIMIT 1`)[0][0]);
  assert.equal(left(`SELECT count(*) FROM conversation_posts WHERE author_id = ${uid}`), 0);
  for (const t of ['conversation_reactions', 'conversation_choices', 'conversation_levels', 'conversation_notifications'])
    assert.equal(left(`SELECT count(*) FROM ${t} WHERE user_id = ${uid}`), 0, t);
  assert.equal(left(`SELECT count(*) FROM conversation_flags WHERE flagged_by = ${uid}`), 0);
  assert.equal(left(`SELECT count(*) FROM conversation_post_versions WHERE post_id = ${id}`), 0);
  const page = decode((await replier.get(path)).text);
  assert.match(page, /Removed by its author/);
  assert.doesNotMatch(page, /Write it down|Quietly|What I learned leaving|Wendeline/);
  assert.match(page, /Thank you for this/, 'others\' replies stay');
});

test('daily and weekly digests: one email when due, then at most once a day or a week', async () => {
  const { author, facilitator, replier, watcher } = cast;
  const slug = await space(cast.steward, members());
  const choose = async (who, email) => {
    await who.get(`/spaces/${slug}/conversations/notifications`);
    assert.equal((await who.post(`/spaces/${slug}/conversations/notifications`, { level: 'watch', email })).status, 303);
  };
  await choose(replier, 'daily');
  await choose(watcher, 'weekly');
  const n0 = { replier: emailsTo(replier).length, watcher: emailsTo(watcher).length };
  const path = await start(author, slug, { kind: 'idea', title: 'A Sunday allotment group' });
  await reply(facilitator, path, { body: 'The council has a plot free.' });
  assert.equal(emailsTo(replier).length, n0.replier, 'nothing at once for a digest');
  assert.equal(emailsTo(watcher).length, n0.watcher);
  const remind = () => cli(server, ['remind']);
  remind();
  assert.equal(emailsTo(replier).length, n0.replier, 'not due yet: the oldest is minutes old');
  // A day passes.
  const sid = `(SELECT id FROM spaces WHERE slug = '${slug}')`;
  dbRows(server, `UPDATE conversation_notifications SET created_at = created_at - 90000 WHERE space_id = ${sid}`);
  remind();
  const daily = emailsTo(replier).slice(n0.replier);
  assert.equal(daily.length, 1, 'one digest for the day');
  assert.match(daily[0], /Subject: Your daily digest of conversations in Kestrel Recovery Practice/);
  assert.match(daily[0], /started a conversation in Kestrel Recovery Practice \d+: "A Sunday allotment group"/);
  assert.match(daily[0], /Ambrose Teague replied in the conversation "A Sunday allotment group"/);
  assert.match(daily[0], /^List-Unsubscribe: <[^>]+>\r$/m);
  assert.equal(emailsTo(watcher).length, n0.watcher, 'a week has not passed');
  remind();
  assert.equal(emailsTo(replier).length, n0.replier + 1, 'sent once');
  // Something new the same day waits for tomorrow's digest.
  await reply(author, path, { body: 'Count me in.' });
  dbRows(server, `UPDATE conversation_notifications SET created_at = created_at - 90000 WHERE space_id = ${sid} AND emailed_at IS NULL`);
  remind();
  assert.equal(emailsTo(replier).length, n0.replier + 1, 'at most once a day');
  // A week passes.
  dbRows(server, `UPDATE conversation_notifications SET created_at = created_at - 700000 WHERE space_id = ${sid} AND emailed_at IS NULL`);
  dbRows(server, `UPDATE conversation_digests SET last_sent_at = last_sent_at - 90000 WHERE space_id = ${sid}`);
  remind();
  const weekly = emailsTo(watcher).slice(n0.watcher);
  assert.equal(weekly.length, 1);
  assert.match(weekly[0], /Subject: Your weekly digest/);
  assert.match(weekly[0], /Count me in|replied in the conversation/);
  const second = emailsTo(replier).slice(n0.replier);
  assert.equal(second.length, 2, 'the next day\'s digest');
  assert.match(second[1], /Nkechi Fairweather replied in the conversation "A Sunday allotment group"/);
  assert.doesNotMatch(second[1], /started a conversation/, 'nothing twice');
});

test('a hidden or removed opening post takes its title with it, for those who may not read it', async () => {
  const { author, facilitator, replier } = cast;
  const slug = await space(cast.steward, members());
  const hidden = await start(author, slug, { title: 'Ask for Dr Vance at the Elm Street clinic', body: 'She listens.' });
  const post = Number(decode((await facilitator.get(hidden)).text).match(/id="post-(\d+)"/)[1]);
  assert.equal((await facilitator.post(`${hidden}/posts/${post}/moderate`, { act: 'hide', reason: 'The title names a doctor.' })).status, 303);
  for (const page of [hidden, `/spaces/${slug}/conversations`]) {
    const text = decode((await replier.get(page)).text);
    assert.doesNotMatch(text, /Dr Vance/, page);
    assert.match(text, /Hidden by a facilitator/, page);
  }
  assert.match(decode((await author.get(hidden)).text), /Ask for Dr Vance/, 'its author still sees it');
  const removed = await start(author, slug, { title: 'My old address on Mill Lane', body: 'Number 4.' });
  const rpost = Number(decode((await author.get(removed)).text).match(/id="post-(\d+)"/)[1]);
  await author.get(`${removed}/posts/${rpost}/edit`);
  assert.equal((await author.post(`${removed}/posts/${rpost}/remove`, {})).status, 303);
  for (const who of [replier, author, facilitator]) {
    const text = decode((await who.get(`/spaces/${slug}/conversations`)).text);
    assert.doesNotMatch(text, /Mill Lane/);
  }
  assert.equal(dbRows(server, `SELECT title FROM conversations WHERE id = ${removed.split('/').pop()}`)[0]?.[0] ?? '', '');
});
