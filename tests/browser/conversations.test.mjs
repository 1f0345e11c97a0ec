// Conversations as people use them (issue 17): a member on a phone without JavaScript
// starts a "challenge" with a content note; another replies and mentions a third, who is
// emailed at once; a member who muted the space gets nothing; a post is flagged and a
// facilitator hides it with a reason its author reads and asks to review; a member who
// chose a daily digest gets one email the next day, and no more that day. Every page,
// with and without JavaScript, passes axe-core and is worked by its labels and buttons.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { cli, dbRows } from '../http/harness.mjs';
import { startSuite, server, check, submit, signedIn as person, createSpace, newPerson, PHONE } from './lib.mjs';

startSuite();

const emailsTo = (email) => server.outbox().filter((m) => m.includes(`To: ${email}\r\n`));

test('a challenge with a content note, a reply that mentions, a daily digest the next day, mute obeyed, a post flagged and hidden', async () => {
  const steward = await person('isla.steward@example.org', 'Isla Ferrante', { steward: true });
  const slug = await createSpace(steward.page, { name: 'Portobello Peer Practice', purpose: 'Peers in recovery sharing what works.' });
  const author = await person('ruaridh.author@example.org', 'Ruaridh Okafor', { js: false, viewport: PHONE });
  const replier = await person('tamsin.replier@example.org', 'Tamsin Vale');
  const mentioned = await person('eilidh.mentioned@example.org', 'Eilidh Brannigan', { js: false });
  const muted = await person('fergus.muted@example.org', 'Fergus Holt');
  const daily = await person('callum.daily@example.org', 'Callum Reyes', { js: false, viewport: PHONE });
  const fac = await person('maeve.facilitator@example.org', 'Maeve Odell');
  for (const p of [author, replier, mentioned, muted, daily]) cli(server, ['user', 'set-role', p.email, 'member', '--space', slug]);
  cli(server, ['user', 'set-role', fac.email, 'facilitator', '--space', slug]);

  // The muted member mutes the space.
  const mp = muted.page;
  await mp.goto(`/spaces/${slug}/conversations`);
  await check(mp);
  await mp.getByRole('link', { name: 'Choose what you hear about' }).click();
  await check(mp);
  await mp.getByLabel('Mute').check();
  await submit(mp, mp.getByRole('button', { name: 'Save your choices' }), /notice=saved$/);
  // Another, on a phone without JavaScript, hears about everything in one email a day.
  const dp = daily.page;
  await dp.goto(`/spaces/${slug}/conversations`);
  await dp.getByRole('link', { name: 'Choose what you hear about' }).click();
  await dp.getByLabel('Watch').check();
  await dp.getByLabel('Once a day, in a digest').check();
  await check(dp);
  await submit(dp, dp.getByRole('button', { name: 'Save your choices' }), /notice=saved$/);

  // The author, on a phone without JavaScript, starts a challenge with a content note.
  const a = author.page;
  await a.goto(`/spaces/${slug}`);
  await a.getByRole('link', { name: 'Conversations' }).click();
  await check(a);
  await a.getByRole('link', { name: 'Start a conversation' }).click();
  await check(a);
  await a.getByLabel('Challenge').check();
  await a.getByLabel('Title').fill('Weekends are the hardest');
  await a.getByLabel('What do you want to say?').fill('Saturday nights.\n\n- the pub noise\n- being alone');
  await a.getByLabel('Content note (optional)').fill('mentions drinking');
  await submit(a, a.getByRole('button', { name: 'Start the conversation' }), /notice=started$/);
  const path = new URL(a.url()).pathname;
  assert.match(await a.locator('main').innerText(), /Content note: mentions drinking/);

  // Another member replies, mentioning a third.
  const r = replier.page;
  await r.goto(path);
  await check(r);
  await r.getByRole('button', { name: /Me too/ }).click();
  await r.waitForURL(/#post-/);
  // Back at the post, its words stay open behind the content note; who reacted is a page of
  // its own, for someone who asks.
  assert.equal(await r.locator('details.govuk-details[open]').count(), 1, 'the words stay open after reacting');
  await r.getByRole('link', { name: 'See who reacted' }).click();
  await r.waitForURL(/\/reactions$/);
  assert.match(await r.locator('#who-reacted').innerText(), /Me too \(1\)/);
  await check(r);
  await r.goto(path);
  await r.getByLabel('What do you want to say?').fill('Same for me, @eilidh-brannigan found a Saturday walk.');
  await submit(r, r.getByRole('button', { name: 'Post your reply' }), /notice=replied/);
  await r.goto(`${path}?quote=1`);
  await check(r);

  // The mentioned member is emailed at once; the muted member gets nothing.
  const mail = emailsTo(mentioned.email).pop();
  assert.ok(mail, 'the mentioned member was emailed');
  assert.match(mail, /Tamsin Vale mentioned you/);
  assert.match(mail, /^List-Unsubscribe-Post: List-Unsubscribe=One-Click\r$/m);
  assert.equal(emailsTo(muted.email).length, 0);

  // The daily digest: nothing at once, nothing while the day is young, then one email
  // the next day (the periodic job is `humanspace remind`; a day passing is the
  // notifications' times moved back), and not a second that day.
  assert.equal(emailsTo(daily.email).length, 0, 'a digest reader is not emailed at once');
  cli(server, ['remind']);
  assert.equal(emailsTo(daily.email).length, 0, 'the digest waits for the day to pass');
  const sid = `(SELECT id FROM spaces WHERE slug = '${slug}')`;
  dbRows(server, `UPDATE conversation_notifications SET created_at = created_at - 90000 WHERE space_id = ${sid}`);
  cli(server, ['remind']);
  const digests = emailsTo(daily.email);
  assert.equal(digests.length, 1, 'one digest the next day');
  assert.match(digests[0], /Subject: Your daily digest of conversations in Portobello Peer Practice/);
  assert.match(digests[0], /Weekends are the hardest/);
  assert.match(digests[0], /^List-Unsubscribe-Post: List-Unsubscribe=One-Click\r$/m);
  assert.equal(emailsTo(muted.email).length, 0, 'the muted member still gets nothing');
  cli(server, ['remind']);
  assert.equal(emailsTo(daily.email).length, 1, 'one a day');
  const e = mentioned.page;
  await e.goto('/notifications');
  await check(e);
  assert.match(await e.locator('main').innerText(), /You were mentioned in: Weekends are the hardest/);
  await e.getByRole('link', { name: 'Weekends are the hardest' }).click();
  await check(e);
  await e.goto(`${path}`);
  await e.getByRole('link', { name: 'Flag this post' }).first().click();
  await check(e);
  await e.getByLabel('Why are you flagging it?').fill('It names a pub someone works at.');
  await submit(e, e.getByRole('button', { name: 'Flag the post' }), /notice=flagged/);
  await mp.goto('/notifications');
  await check(mp);
  assert.match(await mp.locator('main').innerText(), /You have no notifications/);

  // The facilitator sees the queue and hides the post with a reason.
  const f = fac.page;
  await f.goto(`/spaces/${slug}/conversations`);
  await f.getByRole('link', { name: 'Posts waiting for a facilitator' }).click();
  await check(f);
  assert.match(await f.locator('main').innerText(), /It names a pub/);
  await f.goto(path);
  await check(f);
  const opening = f.locator('article').first();
  await opening.locator('summary', { hasText: 'Moderate this post' }).click();
  await opening.getByLabel('Reason for hiding it').fill('Please take out the name of the pub.');
  await submit(f, opening.getByRole('button', { name: 'Hide the post' }), /notice=hide/);
  await f.goto(`/spaces/${slug}/conversations/settings`);
  await check(f);

  // The author reads the reason and asks for a review; the others see only that it was hidden.
  await a.goto(path);
  await check(a);
  assert.match(await a.locator('main').innerText(), /Please take out the name of the pub\./);
  await submit(a, a.getByRole('button', { name: 'Ask a facilitator to look again' }), /notice=ask_review/);
  await r.goto(path);
  await check(r);
  const seen = await r.locator('main').innerText();
  assert.match(seen, /A facilitator hid this post\./);
  assert.doesNotMatch(seen, /Saturday nights|name of the pub/);
  // The author edits (history kept), with JavaScript off.
  await a.getByRole('link', { name: 'Change or remove' }).first().click();
  await check(a);

  // The unsubscribe page, signed out.
  const link = mail.match(/^List-Unsubscribe: <([^>]+)>\r$/m)[1];
  const { page: stranger } = await newPerson({ js: false });
  await stranger.goto(link);
  await check(stranger);
  await submit(stranger, stranger.getByRole('button', { name: 'Stop these emails' }), /done=1$/);
  assert.match(await stranger.locator('main').innerText(), /no more email about conversations in this space/);
});
