// The library as people use it (issue 17): a member on a phone without JavaScript tries to
// share a web page renamed .pdf, is told plainly why it was refused with what they typed
// kept, then shares a real PDF; another member, on a computer with JavaScript, finds it
// by its tag and downloads it. Every page passes axe-core; screenshots at 360 and 1280
// pixels go to HS_SHOTS (or a temporary folder).
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { cli, signedIn as httpPerson } from '../http/harness.mjs';
import { startSuite, server, check, submit, signedIn as person, createSpace, audit, PHONE, DESKTOP } from './lib.mjs';

startSuite();

const SHOTS = process.env.HS_SHOTS || mkdtempSync(join(tmpdir(), 'hs-shots-'));
const shot = (page, name) => page.screenshot({ path: join(SHOTS, `library-${name}.png`), fullPage: true });

const PDF = Buffer.from('%PDF-1.4\n1 0 obj<</Type/Catalog/Pages 2 0 R>>endobj\n2 0 obj<</Type/Pages/Kids[]/Count 0>>endobj\ntrailer<</Root 1 0 R>>\n%%EOF\n');
const HTML = Buffer.from('<!doctype html><html><body><script>alert(document.cookie)</script></body></html>');

test('a member shares a PDF in the library from a phone without JavaScript, and another downloads it', async () => {
  const steward = await person('odette.steward@example.org', 'Odette Marchetti', { steward: true });
  const slug = await createSpace(steward.page, { name: 'Riverside Recovery Practice', purpose: 'Peers in recovery sharing what works.' });
  const sharer = await person('cosmo.sharer@example.org', 'Cosmo Adeyemi', { js: false, viewport: PHONE });
  const reader = await person('hester.reader@example.org', 'Hester Lindgren', { js: true, viewport: DESKTOP });
  for (const p of [sharer, reader]) cli(server, ['user', 'set-role', p.email, 'member', '--space', slug]);

  const s = sharer.page;
  await s.goto(`/spaces/${slug}`);
  await s.getByRole('link', { name: 'Library' }).click();
  await check(s);
  assert.match(await s.locator('main').innerText(), /Nothing has been shared here yet/);
  await s.getByRole('link', { name: 'Share a link or a file' }).click();
  await check(s);
  await shot(s, 'new-360');

  // A web page renamed .pdf: refused, saying why, with the words kept.
  await s.getByLabel('Title').fill('Paying people for their time');
  await s.getByLabel('A file').setInputFiles({ name: 'guide.pdf', mimeType: 'application/pdf', buffer: HTML });
  await s.getByLabel('Description (optional)').fill('Our guide to claims.');
  await s.getByLabel('Tags (optional)').fill('payments, guides');
  await Promise.all([s.waitForLoadState('load'), s.getByRole('button', { name: 'Share it' }).click()]);
  await check(s);
  const refused = await s.locator('main').innerText();
  assert.match(refused, /There is a problem/);
  assert.match(refused, /The file must be a PDF, a picture or an office document/);
  assert.match(refused, /Choose your file again/);
  assert.equal(await s.getByLabel('Title').inputValue(), 'Paying people for their time');
  assert.equal(await s.getByLabel('Description (optional)').inputValue(), 'Our guide to claims.');
  assert.equal(await s.getByLabel('Tags (optional)').inputValue(), 'payments, guides');
  await shot(s, 'refused-360');

  // The real PDF.
  await s.getByLabel('A file').setInputFiles({ name: 'paying people.pdf', mimeType: 'application/pdf', buffer: PDF });
  await submit(s, s.getByRole('button', { name: 'Share it' }), /notice=added/);
  const listed = await s.locator('main').innerText();
  assert.match(listed, /Shared in the library/);
  assert.match(listed, /Paying people for their time/);
  assert.match(listed, /PDF, 1\d\d bytes/);
  await shot(s, 'index-360');
  const width = await s.evaluate(() => document.documentElement.scrollWidth);
  assert.ok(width <= 360, `no sideways scrolling on a phone (${width}px)`);

  // Another member finds it by its tag and downloads it.
  const r = reader.page;
  await r.goto(`/spaces/${slug}/library`);
  await check(r);
  await r.getByRole('link', { name: 'guides' }).first().click();
  await check(r);
  assert.match(await r.locator('main').innerText(), /Showing what is tagged guides/);
  await shot(r, 'tagged-1280');
  const [download] = await Promise.all([r.waitForEvent('download'), r.getByRole('link', { name: /^Download Paying people/ }).click()]);
  assert.equal(download.suggestedFilename(), 'paying people.pdf');
  const file = join(SHOTS, 'downloaded.pdf');
  await download.saveAs(file);
  assert.ok(readFileSync(file).equals(PDF), 'the same bytes');
  // Still on the library: a download never replaces the page.
  assert.match(r.url(), /\/library/);

  // With JavaScript, a file over 25 MB is refused as soon as it is chosen.
  await r.goto(`/spaces/${slug}/library/new`);
  await check(r);
  // From a file on disk: the browser reads it itself (a buffer this size would be slow to hand over).
  const huge = join(SHOTS, 'huge.pdf');
  writeFileSync(huge, Buffer.alloc(25 * 1024 * 1024 + 1, 0x20));
  await r.getByLabel('A file').setInputFiles(huge);
  await r.getByText('The file must be 25 MB or smaller').waitFor();
  assert.equal(await r.getByLabel('A file').evaluate((i) => i.files.length), 0);
  await audit.check(r);
  await shot(r, 'too-big-1280');
  rmSync(huge);
});

test('a conversation about an event, and a file shared from that conversation, link to each other', async () => {
  const steward = await person('bertrand.steward@example.org', 'Bertrand Osei', { steward: true });
  const slug = await createSpace(steward.page, { name: 'Harbour Carers Practice', purpose: 'Unpaid carers sharing what helps.' });
  const fac = await httpPerson(server, 'Marisol Teague');
  cli(server, ['user', 'set-role', fac.email, 'facilitator', '--space', slug]);
  await fac.get(`/spaces/${slug}/events`);
  const made = await fac.post(`/spaces/${slug}/events`, { title: 'Carers spring day', description: 'Talks.', starts: '2031-03-04T10:00', ends: '2031-03-04T15:30' });
  assert.equal(made.status, 303);
  const member = await person('anouk.member@example.org', 'Anouk Brennan', { js: false, viewport: PHONE });
  cli(server, ['user', 'set-role', member.email, 'member', '--space', slug]);

  // On a phone without JavaScript: a conversation about the event.
  const m = member.page;
  await m.goto(`/spaces/${slug}/conversations/new`);
  await check(m);
  await m.getByLabel('Idea').check();
  await m.getByLabel('Title').fill('Slides for the spring day');
  await m.getByLabel('What do you want to say?').fill('Could we have the slides the week before?');
  await m.getByLabel('Is it about something in this space? (optional)').selectOption({ label: 'Carers spring day' });
  await submit(m, m.getByRole('button', { name: 'Start the conversation' }), /notice=started$/);
  const path = new URL(m.url()).pathname;
  assert.match(await m.locator('main').innerText(), /This conversation is about\s+Event: Carers spring day/);
  await shot(m, 'conversation-linked-360');
  let width = await m.evaluate(() => document.documentElement.scrollWidth);
  assert.ok(width <= 360, `no sideways scrolling on a phone (${width}px)`);

  // A file shared from that conversation names it, and links back.
  await m.getByRole('link', { name: 'Share a file or a link from this conversation in the library' }).click();
  await check(m);
  assert.equal(await m.getByLabel('The conversation it came from (optional)').locator('option:checked').innerText(), 'Slides for the spring day');
  await m.getByLabel('Title').fill('Last year\'s slides');
  await m.getByLabel('A file').setInputFiles({ name: 'slides.pdf', mimeType: 'application/pdf', buffer: PDF });
  await submit(m, m.getByRole('button', { name: 'Share it' }), /notice=added/);
  await shot(m, 'index-from-conversation-360');
  width = await m.evaluate(() => document.documentElement.scrollWidth);
  assert.ok(width <= 360, `no sideways scrolling on a phone (${width}px)`);
  await m.getByRole('link', { name: 'Slides for the spring day' }).click();
  await check(m);
  assert.equal(new URL(m.url()).pathname, path);
  await m.getByRole('link', { name: 'Carers spring day' }).click();
  await check(m);
  assert.match(await m.locator('h1').innerText(), /Carers spring day/);
});
