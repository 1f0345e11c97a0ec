// A Three Horizons board as an item of an event's agenda, as the room meets it: the
// facilitator at a laptop opens it from the run page and moves it through every stage (H1,
// H3, H2, sorting into H2+ and H2-, the dot vote); six guests who joined with the code take
// part on 360-px phones, three with JavaScript (their board redraws itself when someone
// else adds a note) and three without (the page says it does not change by itself and
// offers a link). The facilitator downloads the picture as a PNG (a real picture, saved
// under build/screenshots) and the event report holds the picture and the lists. Every
// page visited passes axe-core and the page basics.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { ROOT } from '../http/harness.mjs';
import { startSuite, check, newPerson, signIn, facilitatedEvent, PHONE } from './lib.mjs';

const LAPTOP = { width: 1280, height: 800 };
const SHOTS = join(ROOT, 'build', 'screenshots');

startSuite();

async function go(page, button, url) {
  await Promise.all([page.waitForURL(url), button.click()]);
  await check(page);
}

async function joinEvent(code, path, { js, name }) {
  const p = await newPerson({ js, viewport: PHONE });
  await p.page.goto('/join');
  await p.page.getByLabel('Event code').fill(code.toLowerCase());
  await p.page.getByLabel('A name to show (optional)').fill(name);
  await go(p.page, p.page.getByRole('button', { name: 'Join' }), (u) => u.pathname === path);
  return p;
}

const navigations = (page) => page.evaluate(() => performance.getEntriesByType('navigation').length + ':' + performance.timeOrigin);

test('a facilitator runs a board with six people through every stage; the picture and the report hold their notes', async () => {
  const { path, code, facEmail } = await facilitatedEvent([['horizons', 'Reducing gambling harm in Riverbend']]);
  const fac = await newPerson({ viewport: LAPTOP });
  await signIn(fac, facEmail);
  const f = fac.page;
  await f.goto(`${path}/run`);
  await check(f);
  await go(f, f.getByRole('button', { name: 'Open Reducing gambling harm in Riverbend' }), /\/run/);
  await go(f, f.getByRole('link', { name: 'Run the board Reducing gambling harm in Riverbend' }), /\/board$/);
  const board = new URL(f.url()).pathname;

  const names = ['Wren', 'Osei', 'Yusra', 'Piran', 'Ingeborg', 'Calloway'];
  const people = [];
  for (const [i, name] of names.entries()) people.push(await joinEvent(code, path, { js: i < 3, name }));
  // Each guest goes from the event's page to the board.
  for (const p of people) {
    await go(p.page, p.page.getByRole('link', { name: 'Go to the board' }), (u) => u.pathname === board);
  }
  const withJs = people[0].page, noJs = people[3].page;
  assert.equal(await noJs.locator('#nojs-refresh-hint').isVisible(), true, 'without JavaScript the page says so');
  assert.match(await noJs.locator('#nojs-refresh-hint').innerText(), /does not change by itself/);
  assert.equal(await withJs.locator('#nojs-refresh-hint').isVisible(), false);

  const addNote = async (p, text, anonymous = false) => {
    await p.page.getByLabel('Add a note').fill(text);
    if (anonymous) await p.page.getByLabel('Post without my name').check();
    await go(p.page, p.page.getByRole('button', { name: 'Add note' }), /notice=note_added/);
  };
  const stage = async (name) => {
    await f.goto(board);
    await go(f, f.getByRole('button', { name: `Move on to: ${name}` }), /notice=stage_moved/);
  };

  // H1: a note from a phone without JavaScript appears on a phone with it, without a reload.
  const before = await navigations(withJs);
  await addNote(people[3], 'Betting adverts around every football match');
  await withJs.locator('#vision-live', { hasText: 'Betting adverts around every football match' }).waitFor();
  assert.equal(await navigations(withJs), before, 'the board redrew itself in place');
  await addNote(people[4], 'I hid my losses from my family for years', true);
  await addNote(people[1], 'Debt letters nobody explains');
  await stage('H3: the future we want');
  await people[0].page.goto(board);
  await addNote(people[0], 'Nobody is ashamed to ask for help');
  await people[5].page.goto(board);
  await addNote(people[5], 'Support that lasts as long as recovery does');
  await stage('H2: innovations');
  for (const [i, idea] of ['Peer support in every GP surgery', 'A betting firm sponsors the helpline', 'Bank blocks on gambling by default'].entries()) {
    await people[i + 1].page.goto(board);
    await addNote(people[i + 1], idea);
  }
  await stage('Sorting the innovations');

  // Sorting: by dragging a note onto H2+ (with JavaScript), and with each note's own small
  // form (the keyboard and no-JavaScript way, which every card keeps).
  const card = (page, words) => page.locator('.hs-card').filter({ has: page.locator('p.govuk-body', { hasText: words }) });
  await f.goto(board);
  const dragged = card(f, 'Peer support in every GP surgery');
  assert.equal(await dragged.getAttribute('draggable'), 'true');
  assert.match(await dragged.getAttribute('title'), /Drag this note to another horizon, or use "Change this note"/);
  await Promise.all([f.waitForURL(/notice=moved/), dragged.dragTo(f.locator('section[data-horizon="h2_plus"]'))]);
  await check(f);
  assert.match(await f.locator('section[data-horizon="h2_plus"]').innerText(), /Peer support in every GP surgery/);
  for (const [words, to] of [['Bank blocks on gambling by default', 'h2_plus'], ['A betting firm sponsors the helpline', 'h2_minus']]) {
    await f.goto(board);
    const c = card(f, words);
    await c.locator('summary').click();
    await c.getByLabel('Move this note to').selectOption(to);
    await go(f, c.getByRole('button', { name: 'Move note' }), /notice=moved/);
  }
  await stage('Dot vote');

  // Everyone votes: four dots on peer support, two on bank blocks.
  for (const [i, p] of people.entries()) {
    await p.page.goto(board);
    await check(p.page);
    const words = i < 4 ? 'Peer support in every GP surgery' : 'Bank blocks on gambling by default';
    await go(p.page, card(p.page, words).getByRole('button', { name: /^Add a dot/ }), /notice=dot_added/);
  }
  await stage('Finished');
  await f.goto(board);
  await check(f);
  assert.match(await f.locator('main').innerText(), /Peer support in every GP surgery[\s\S]*4 dots/);

  // The picture, as a PNG: a real one, of a slide's size at twice the pixels.
  const png = await f.request.get(`${board}/picture.png?size=slide`);
  assert.equal(png.status(), 200);
  assert.equal(png.headers()['content-type'], 'image/png');
  const bytes = await png.body();
  assert.deepEqual([...bytes.subarray(0, 8)], [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);
  assert.equal(bytes.readUInt32BE(16), 2560);
  assert.equal(bytes.readUInt32BE(20), 1440);
  assert.ok(bytes.length > 40000, `a picture with something in it (${bytes.length} bytes)`);
  mkdirSync(SHOTS, { recursive: true });
  writeFileSync(join(SHOTS, 'vision-event-board.png'), bytes);
  await people[3].page.goto(board);
  await people[3].page.screenshot({ path: join(SHOTS, 'vision-event-board-phone.png'), fullPage: true });

  // The report: the picture and every note by horizon, the most voted ideas first.
  await f.goto(`${path}/report`);
  await check(f);
  const img = f.locator('img.hs-picture');
  assert.match(await img.getAttribute('alt'), /three-curves picture of "Reducing gambling harm in Riverbend"/);
  assert.ok(await img.evaluate((i) => i.complete && i.naturalWidth > 0), 'the picture loads');
  const report = await f.locator('main').innerText();
  assert.match(report, /The most voted ideas \(H2\+\)\s*Peer support in every GP surgery \(4 dots\)\s*Bank blocks on gambling by default \(2 dots\)/);
  for (const note of ['Betting adverts around every football match', 'I hid my losses from my family for years', 'Nobody is ashamed to ask for help', 'A betting firm sponsors the helpline'])
    assert.ok(report.includes(note), note);
  assert.doesNotMatch(report, /Ingeborg/, 'the anonymous note names nobody');
});
