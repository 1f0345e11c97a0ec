// Shared vision as its people use it: a steward starts a Three Horizons board; a member on
// a 360-px phone with JavaScript off adds notes (one anonymous) through the open stages; a
// facilitator moves the stages, sorts an idea into H2+ with the keyboard forms (no
// dragging), hides one with a reason; the member places a dot and sees how many are left;
// the picture is on the page. Every page passes axe-core.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { cli } from '../http/harness.mjs';
import { startSuite, server, check, submit, signedIn as person, createSpace, PHONE } from './lib.mjs';

startSuite();

test('a Three Horizons board from the first note to the dot vote, by keyboard and without JavaScript', async () => {
  const steward = await person('sorcha.steward@example.org', 'Sorcha Whitlow', { steward: true });
  const slug = await createSpace(steward.page, { name: 'Riverbend Forum', purpose: 'People affected by gambling harm in Riverbend.' });
  const facilitator = await person('idris.fac@example.org', 'Idris Penhaligon');
  const member = await person('ruth.member@example.org', 'Ruth Adebayo-Marsh', { js: false, viewport: PHONE });
  cli(server, ['user', 'set-role', facilitator.email, 'facilitator', '--space', slug]);
  cli(server, ['user', 'set-role', member.email, 'member', '--space', slug]);

  const s = steward.page;
  await s.goto(`/spaces/${slug}`);
  await s.getByRole('link', { name: 'Three Horizons boards' }).click();
  await check(s);
  await s.getByLabel('What is the board about?').fill('Reducing gambling harm in Riverbend');
  await s.getByLabel('Dots for each person').fill('2');
  await submit(s, s.getByRole('button', { name: 'Start the board' }), /\/vision\/\d+$/);
  const board = new URL(s.url()).pathname;

  // The member, on a phone without JavaScript: a note under their name, one without.
  const m = member.page;
  await m.goto(`/spaces/${slug}`);
  await m.getByRole('link', { name: 'Three Horizons boards' }).click();
  await check(m);
  await m.getByRole('link', { name: 'Reducing gambling harm in Riverbend' }).click();
  await check(m);
  await m.getByLabel('Add a note').fill('Betting adverts around every football match');
  await submit(m, m.getByRole('button', { name: 'Add note' }), /notice=note_added/);
  await m.getByLabel('Add a note').fill('I hid my losses from my family for years');
  await m.getByLabel('Post without my name').check();
  await submit(m, m.getByRole('button', { name: 'Add note' }), /notice=note_added/);
  const page = await m.locator('main').innerText();
  assert.match(page, /Betting adverts around every football match \(Ruth Adebayo-Marsh\)/);
  assert.match(page, /I hid my losses from my family for years \(anonymous\)/);

  // The facilitator moves on through H3 to H2; the member adds an idea in each.
  const f = facilitator.page;
  await f.goto(board);
  await check(f);
  await submit(f, f.getByRole('button', { name: 'Move on to: H3: the future we want' }), /notice=stage_moved/);
  await m.goto(board);
  await m.getByLabel('Add a note').fill('Nobody is ashamed to ask for help');
  await submit(m, m.getByRole('button', { name: 'Add note' }), /notice=note_added/);
  await submit(f, f.getByRole('button', { name: 'Move on to: H2: innovations' }), /notice=stage_moved/);
  await m.goto(board);
  await m.getByLabel('Add a note').fill('Peer support in every GP surgery');
  await submit(m, m.getByRole('button', { name: 'Add note' }), /notice=note_added/);
  await m.getByLabel('Add a note').fill('A betting firm sponsors the helpline');
  await submit(m, m.getByRole('button', { name: 'Add note' }), /notice=note_added/);
  await submit(f, f.getByRole('button', { name: 'Move on to: Sorting the innovations' }), /notice=stage_moved/);

  // A note's card, found by its words (other cards name it in their merge list).
  const card = (page, words) => page.locator('.hs-card').filter({ has: page.locator('p.govuk-body', { hasText: words }) });
  // Sorting with the keyboard: each note's own small form.
  await f.goto(board);
  const gp = card(f, 'Peer support in every GP surgery');
  await gp.locator('summary').focus();
  await f.keyboard.press('Enter');
  await gp.getByLabel('Move this note to').selectOption('h2_plus');
  await gp.getByRole('button', { name: 'Move note' }).focus();
  await Promise.all([f.waitForURL(/notice=moved/), f.keyboard.press('Enter')]);
  await check(f);
  const sponsor = card(f, 'A betting firm sponsors the helpline');
  await sponsor.locator('summary').click();
  await sponsor.getByLabel('Move this note to').selectOption('h2_minus');
  await submit(f, sponsor.getByRole('button', { name: 'Move note' }), /notice=moved/);
  // Hiding says why, and the note leaves everyone else's page.
  const adverts = card(f, 'Betting adverts around every football match');
  await adverts.locator('summary').click();
  await adverts.getByRole('button', { name: 'Hide note' }).click();
  await check(f);
  assert.match(await f.locator('.govuk-error-summary').innerText(), /Say why you are hiding this note/);
  const again = card(f, 'Betting adverts around every football match').first();
  await again.getByLabel('Why hide this note?').fill('Test of hiding');
  await submit(f, again.getByRole('button', { name: 'Hide note' }), /notice=hidden/);
  await submit(f, f.getByRole('button', { name: 'Move on to: Dot vote' }), /notice=stage_moved/);

  // The member votes, without JavaScript.
  await m.goto(board);
  await check(m);
  assert.doesNotMatch(await m.locator('main').innerText(), /Betting adverts/);
  assert.match(await m.locator('#dots-left').innerText(), /You have 2 dots left/);
  await submit(m, m.getByRole('button', { name: /^Add a dot/ }), /notice=dot_added/);
  assert.match(await m.locator('#dots-left').innerText(), /You have 1 dot left/);
  assert.match(await m.locator('main').innerText(), /1 dot · 1 of them is yours/);
  // The picture is on the page, with its downloads.
  const img = m.locator('img.hs-picture');
  assert.ok((await img.getAttribute('alt')).length > 20);
  assert.ok(await img.evaluate((i) => i.complete && i.naturalWidth > 0), 'the picture loads');
  const png = await m.request.get(`${board}/picture.png?size=a4`);
  assert.equal(png.headers()['content-type'], 'image/png');

  // An opinion map: the member answers statements one at a time, on the phone without
  // JavaScript, and writes one of their own.
  await s.goto(`/spaces/${slug}`);
  await s.getByRole('link', { name: 'Opinion maps' }).click();
  await check(s);
  await s.getByLabel('Question').fill('What should Riverbend do about gambling harm?');
  await submit(s, s.getByRole('button', { name: 'Start the opinion map' }), /\/opinions\/\d+$/);
  for (const t of ['Anyone affected should get free help quickly', 'Betting adverts should be banned on TV']) {
    await s.getByLabel('Write a statement').fill(t);
    await submit(s, s.getByRole('button', { name: 'Add statement' }), /notice=added/);
  }
  const map = new URL(s.url()).pathname;
  await m.goto(map);
  await check(m);
  assert.match(await m.locator('#progress').innerText(), /You have answered 0 of 2 statements/);
  assert.match(await m.locator('main').innerText(), /Anyone affected should get free help quickly/);
  await submit(m, m.getByRole('button', { name: 'Agree', exact: true }), /notice=answered/);
  assert.match(await m.locator('main').innerText(), /Betting adverts should be banned on TV/);
  await submit(m, m.getByRole('button', { name: 'Pass', exact: true }), /notice=answered/);
  assert.match(await m.locator('main').innerText(), /You have answered every statement/);
  await m.getByLabel('Write a statement').fill('Banks should let people block gambling payments');
  await submit(m, m.getByRole('button', { name: 'Add statement' }), /notice=added/);
  await m.getByRole('link', { name: 'See the results so far' }).click();
  await check(m);
  assert.match(await m.locator('table').innerText(), /Anyone affected should get free help quickly\s+1\s+0\s+0/);
});
