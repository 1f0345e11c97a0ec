// The library as people use it (issue 17): a member on a phone without JavaScript tries to
// share a web page renamed .pdf, is told plainly why it was refused with what they typed
// kept, then shares a real PDF; another member, on a computer with JavaScript, finds it
// by its tag and downloads it. Every page passes axe-core; screenshots at 360 and 1280
// pixels go to HS_SHOTS (or a temporary folder).
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { cli } from '../http/harness.mjs';
import { startSuite, server, check, submit, signedIn as person, createSpace, PHONE, DESKTOP } from './lib.mjs';

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
});
