// People who can connect and searching conversations, as people use them (issue 17): a
// member on a phone without JavaScript adds themselves to the directory; another finds
// them, gets in touch, and sees that no address is shared; the first answers from the
// link in their email, and each then sees the other's address. A search finds a reply by a
// word in another form. The header's link counts what is unread. Every page, with and
// without JavaScript, passes axe-core and is worked by its labels and buttons.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { cli } from '../http/harness.mjs';
import { startSuite, server, check, submit, signedIn as person, createSpace, PHONE } from './lib.mjs';

startSuite();

const emailsTo = (email) => server.outbox().filter((m) => m.includes(`To: ${email}\r\n`));

test('opt in, get in touch without addresses, answer and share them, search, and the header count', async () => {
  const steward = await person('oona.steward@example.org', 'Oona Lindqvist', { steward: true });
  const slug = await createSpace(steward.page, { name: 'Harbour Recovery Network', purpose: 'People in recovery, connecting.' });
  const listed = await person('bram.listed@example.org', 'Bram Achterberg', { js: false, viewport: PHONE });
  const writer = await person('zara.writer@example.org', 'Zara Nwosu');
  for (const p of [listed, writer]) cli(server, ['user', 'set-role', p.email, 'member', '--space', slug]);

  // Bram, on a phone without JavaScript, adds himself.
  const b = listed.page;
  await b.goto(`/spaces/${slug}/conversations`);
  await check(b);
  await b.getByRole('link', { name: 'People who can connect' }).click();
  await check(b);
  await b.getByRole('link', { name: 'Add yourself' }).click();
  await check(b);
  await b.getByLabel('Name to show').fill('Bram');
  await b.getByLabel('Pronouns (optional)').fill('he/him');
  await b.getByLabel('Ask me about').fill('Finding a recovery café that feels safe.');
  await b.getByLabel('Areas you are happy to talk about (optional)').fill('recovery cafés\nweekends');
  await submit(b, b.getByRole('button', { name: 'Add me to the list' }), /notice=saved$/);
  await check(b);

  // Zara finds him and writes; no address is shown to her.
  const z = writer.page;
  await z.goto(`/spaces/${slug}/conversations/people`);
  await check(z);
  assert.match(await z.locator('main').innerText(), /recovery cafés/);
  await z.getByRole('link', { name: 'Get in touch Bram' }).click();
  await check(z);
  await z.getByLabel('Your message').fill('Hello Bram, which café do you go to on Saturdays?');
  await submit(z, z.getByRole('button', { name: 'Send through Humanspace' }), /notice=sent$/);
  await check(z);
  let text = await z.locator('main').innerText();
  assert.match(text, /Waiting for an answer/);
  assert.ok(!text.includes(listed.email));

  // Bram answers from the link in his email.
  const mail = emailsTo(listed.email).pop();
  assert.ok(!mail.includes(writer.email));
  const link = new URL(mail.match(/https?:\/\/\S+\/people\/messages\/\d+/)[0]);
  await b.goto(link.pathname);
  await check(b);
  await b.getByLabel('Reply to Zara Nwosu').fill('The one by the harbour, from ten. Come along.');
  await submit(b, b.getByRole('button', { name: 'Send my answer and share addresses' }), /notice=answered$/);
  await check(b);
  assert.ok((await b.locator('main').innerText()).includes(writer.email));
  await z.goto(new URL(z.url()).pathname);
  assert.ok((await z.locator('main').innerText()).includes(listed.email));

  // A conversation, a reply, and a search for a word in another form.
  await z.goto(`/spaces/${slug}/conversations/new`);
  await z.getByLabel('Learning').check();
  await z.getByLabel('Title').fill('Saturday mornings');
  await z.getByLabel('What do you want to say?').fill('Cafés that opened early helped me most.');
  await submit(z, z.getByRole('button', { name: 'Start the conversation' }), /notice=started$/);
  await b.goto(`/spaces/${slug}/conversations`);
  await b.getByLabel('Search conversations and replies').fill('helping');
  await b.getByRole('button', { name: 'Search' }).click();
  await b.waitForURL(/\/search\?q=helping/);
  await check(b);
  assert.match(await b.locator('main').innerText(), /Saturday mornings/);
  assert.equal(await b.locator('main mark').first().innerText(), 'helped');

  // The header counts the new conversation for someone watching the space.
  await b.goto(`/spaces/${slug}/conversations/notifications`);
  await b.getByLabel('Watch').check();
  await submit(b, b.getByRole('button', { name: 'Save your choices' }), /notice=saved$/);
  await z.goto(`/spaces/${slug}/conversations/new`);
  await z.getByLabel('Idea').check();
  await z.getByLabel('Title').fill('A café list');
  await z.getByLabel('What do you want to say?').fill('Shall we keep one?');
  await submit(z, z.getByRole('button', { name: 'Start the conversation' }), /notice=started$/);
  await b.goto(`/spaces/${slug}`);
  await check(b);
  await b.getByRole('link', { name: 'Notifications, 1 new', exact: true }).click();
  await check(b);
});
