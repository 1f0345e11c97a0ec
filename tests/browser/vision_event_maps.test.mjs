// An opinion map as an item of an event's agenda, as the room meets it: the facilitator at
// a laptop opens it from the run page; twenty guests who joined with the code (no accounts,
// so no sign-in limits) take part on 360-px phones, half with JavaScript and half without.
// Two of them write the statements from their phones (one page redraws itself when a
// statement comes; the other says it does not change by itself). Everyone answers every
// statement one at a time: ten agree with one side, ten with the other, and all agree with
// two. The facilitator sees two groups and the common ground on the results page (which
// follows the answers as they come) and in the event report, with and without JavaScript.
// Every page visited passes axe-core and the page basics; screenshots under build/screenshots.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { ROOT } from '../http/harness.mjs';
import { startSuite, check, newPerson, signIn, facilitatedEvent, PHONE } from './lib.mjs';

const LAPTOP = { width: 1280, height: 800 };
const SHOTS = join(ROOT, 'build', 'screenshots');

startSuite();

async function go(page, button, url, checked = true) {
  await Promise.all([page.waitForURL(url), button.click()]);
  if (checked) await check(page);
}

async function joinEvent(code, path, { js, name, checked = true }) {
  const p = await newPerson({ js, viewport: PHONE });
  await p.page.goto('/join');
  await p.page.getByLabel('Event code').fill(code.toLowerCase());
  await p.page.getByLabel('A name to show (optional)').fill(name);
  if (checked) await check(p.page);
  await go(p.page, p.page.getByRole('button', { name: 'Join' }), (u) => u.pathname === path, checked);
  return p;
}

const navigations = (page) => page.evaluate(() => performance.getEntriesByType('navigation').length + ':' + performance.timeOrigin);

const QUESTION = 'What should Riverbend do about gambling harm?';
const SIDE_A = ['Betting adverts should be banned on television', 'Shops should close at nine', 'Football shirts should carry no betting logos'];
const SIDE_B = ['Adults should bet as they please', 'Apps are safer than shops', 'Advertising pays for the sport we love'];
const COMMON = ['Help should be free for anyone who asks', 'Families need support too'];

test('twenty guests answer an opinion map; the facilitator sees two groups and the common ground, live and in the report', async () => {
  const { path, code, facEmail } = await facilitatedEvent([['opinions', QUESTION]]);
  const fac = await newPerson({ viewport: LAPTOP });
  await signIn(fac, facEmail);
  const f = fac.page;
  await f.goto(`${path}/run`);
  await check(f);
  await go(f, f.getByRole('button', { name: `Open ${QUESTION}` }), /\/run/);
  await go(f, f.getByRole('link', { name: `Run the opinion map ${QUESTION}` }), /\/map$/);
  const map = new URL(f.url()).pathname;

  const people = [];
  for (let i = 0; i < 20; i++) people.push(await joinEvent(code, path, { js: i % 2 === 0, name: `Guest ${String.fromCharCode(65 + i)}ella`, checked: i < 2 }));
  for (const [i, p] of people.entries())
    await go(p.page, p.page.getByRole('link', { name: 'Go to the opinion map' }), (u) => u.pathname === map, i < 2);

  const withJs = people[0].page, noJs = people[1].page;
  assert.equal(await noJs.locator('#nojs-refresh-hint').isVisible(), true, 'without JavaScript the page says so');
  assert.match(await noJs.locator('#nojs-refresh-hint').innerText(), /does not change by itself/);
  assert.equal(await withJs.locator('#nojs-refresh-hint').isVisible(), false);

  // Two guests write the statements from their phones; the page of a third, with
  // JavaScript, shows the first statement as soon as it comes, without a reload.
  const watcher = people[2].page;
  const before = await navigations(watcher);
  const write = async (page, text) => {
    await page.getByLabel('Write a statement').fill(text);
    await go(page, page.getByRole('button', { name: 'Add statement' }), /notice=added/);
  };
  const all = [...SIDE_A, ...SIDE_B, ...COMMON];
  for (const [i, text] of all.entries()) await write(i < 4 ? noJs : withJs, text);
  await watcher.locator('#vision-live', { hasText: SIDE_A[0] }).waitFor();
  assert.equal(await navigations(watcher), before, 'the map redrew itself in place');

  // The facilitator watches the results while the room answers.
  await f.goto(`${map}/results`);
  await check(f);
  const fBefore = await navigations(f);

  const answerAll = async (p, i) => {
    const page = p.page;
    await page.goto(map);
    for (let n = 0; n < all.length; n++) {
      const text = (await page.locator('.govuk-inset-text[id^="statement-"]').innerText()).trim();
      const a = i < 10;
      const vote = COMMON.includes(text) ? 'Agree' : SIDE_A.includes(text) === a ? 'Agree' : 'Disagree';
      await go(page, page.getByRole('button', { name: vote, exact: true }), /notice=answered/, n === 0 || n === all.length - 1);
    }
    assert.match(await page.locator('main').innerText(), /You have answered every statement/);
  };
  for (const [i, p] of people.entries()) {
    if (i === 19) break;
    await answerAll(p, i);
    if (i > 2) await p.context.close();  // keep the room light: these have finished
  }
  await answerAll(people[19], 19);
  await f.locator('#participants', { hasText: '20 people answered' }).waitFor();
  assert.equal(await navigations(f), fBefore, 'the results redrew themselves in place');
  await check(f);

  const results = await f.locator('main').innerText();
  assert.match(results, /Group A: 10 people/);
  assert.match(results, /Group B: 10 people/);
  const common = await f.locator('#common-ground').innerText();
  for (const t of COMMON) assert.ok(common.includes(t), t);
  for (const t of [...SIDE_A, ...SIDE_B]) assert.ok(!common.includes(t), `${t} is not common ground`);
  assert.doesNotMatch(results, /Guest [A-T]ella/, 'nobody is named');
  // Drawn afresh (the live redraw may still be loading its picture) for the screenshot.
  await f.goto(`${map}/results`);
  const img = f.locator('img.hs-picture');
  await f.waitForFunction(() => { const i = document.querySelector('img.hs-picture'); return i && i.complete && i.naturalWidth > 0; });
  assert.match(await img.getAttribute('alt'), /.+/);
  mkdirSync(SHOTS, { recursive: true });
  await f.screenshot({ path: join(SHOTS, 'vision-event-map-results.png'), fullPage: true });
  await people[0].page.goto(map);
  await check(people[0].page);
  await people[0].page.screenshot({ path: join(SHOTS, 'vision-event-map-phone.png'), fullPage: true });

  // The report holds the groups and the common ground.
  await f.goto(`${path}/report`);
  await check(f);
  const report = await f.locator('main').innerText();
  assert.ok(report.includes(`Opinion map: ${QUESTION}`));
  await f.waitForFunction(() => [...document.querySelectorAll('img.hs-picture')].some((i) => i.alt.startsWith('The map of people') && i.complete && i.naturalWidth > 0));
  assert.match(report, /Group A: 10 people/);
  assert.match(report, /Group B: 10 people/);
  assert.match(report, /Common ground[^\n]*\n+Help should be free for anyone who asks[^\n]*\n+Families need support too/);
  assert.doesNotMatch(report, /Guest [A-T]ella/);

  // The same pages without JavaScript.
  const facNoJs = await newPerson({ js: false, viewport: LAPTOP });
  await signIn(facNoJs, facEmail);
  for (const url of [map, `${map}/results`, `${path}/report`]) {
    await facNoJs.page.goto(url);
    await check(facNoJs.page);
  }
  assert.match(await facNoJs.page.locator('main').innerText(), /Group B: 10 people/);
  await facNoJs.page.goto(`${map}/results`);
  assert.equal(await facNoJs.page.locator('#nojs-refresh-hint').isVisible(), true);
});
