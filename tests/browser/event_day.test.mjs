// The event on the day, as the room meets it: a facilitator at a laptop (1280×800) runs
// the agenda, the presenter screen is on the projector, and guests take part on phones
// (360×740). Every kind of change reaches the screens that show it without a reload;
// "Next" closes what is on and opens what comes next; the presenter has no site frame
// and fits the screen; without JavaScript a guest is told to look again and comes back
// at the activity. Every page visited passes axe-core and the page basics.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { ROOT } from '../http/harness.mjs';
import { startSuite, server, check, newPerson, signIn, facilitatedEvent } from './lib.mjs';

const LAPTOP = { width: 1280, height: 800 };
const SHOTS = join(ROOT, 'build', 'screenshots');

startSuite();

async function submit(page, button, url) {
  await Promise.all([page.waitForURL(url), button.click()]);
}

const navigations = (page) => page.evaluate(() => performance.getEntriesByType('navigation').length + ':' + performance.timeOrigin);

// A space with a facilitator, an event and its agenda: a talk, a poll, Q&A, a word cloud.
const setUp = () => facilitatedEvent([
  ['talk', 'Welcome'],
  ['poll', 'Where should the next forum meet?', 'The library\nThe community centre\nOnline'],
  ['qa', 'Questions for the panel'],
  ['cloud', 'What does co-production mean to you?'],
]);

async function joinEvent(code, path, { js = true, name = '' } = {}) {
  const p = await newPerson({ js });
  await p.page.goto('/join');
  await p.page.getByLabel('Event code').fill(code.toLowerCase());
  if (name) await p.page.getByLabel('A name to show (optional)').fill(name);
  await submit(p.page, p.page.getByRole('button', { name: 'Join' }), (u) => u.pathname === path);
  await check(p.page);
  return p;
}

const heading = (page) => page.locator('#current-heading').innerText();

test('every kind of change reaches every screen without a reload, and "Next" opens the next part', async () => {
  const { path, code, facEmail } = await setUp();
  const fac = await newPerson({ viewport: LAPTOP });
  await signIn(fac, facEmail);
  await fac.page.goto(`${path}/run`);
  await check(fac.page);
  // The run page leads to breakouts, themes and the report.
  for (const [name, href] of [['Breakouts', '/breakouts'], ['Themes', '/themes'], ['Report', '/report']])
    assert.equal(await fac.page.getByRole('link', { name, exact: true }).getAttribute('href'), `${path}${href}`);

  const presenter = await fac.context.newPage();
  await presenter.setViewportSize({ width: 1280, height: 720 });
  await presenter.goto(`${path}/present`);
  await check(presenter);
  const presenterLoad = await navigations(presenter);

  const ana = await joinEvent(code, path, { name: 'Ana' });
  const bex = await joinEvent(code, path, { name: 'Bex' });
  const anaLoad = await navigations(ana.page);
  const bexLoad = await navigations(bex.page);

  // One click: "Open" puts the poll on and opens it; the phones show its choices.
  await submit(fac.page, fac.page.getByRole('button', { name: 'Open Where should the next forum meet?' }), /\/run/);
  await check(fac.page);
  for (const p of [ana, bex]) await p.page.locator('#choice input[type="radio"]').first().waitFor();
  assert.equal(await heading(ana.page), 'Where should the next forum meet?');
  // The presenter shows the options before the reveal.
  await presenter.locator('#present-options li', { hasText: 'The community centre' }).waitFor();
  assert.equal(await navigations(ana.page), anaLoad, 'the phone did not reload');
  assert.equal(await navigations(presenter), presenterLoad, 'the presenter did not reload');
  await check(ana.page);
  await check(presenter);

  // A vote: the facilitator's counts follow.
  await ana.page.getByRole('radio', { name: 'The community centre' }).check();
  await submit(ana.page, ana.page.getByRole('button', { name: 'Send my answer' }), /notice=voted/);
  await fac.page.waitForFunction(() => [...document.querySelectorAll('#results tbody tr')]
    .some((tr) => tr.textContent.includes('The community centre') && tr.querySelector('td')?.textContent === '1'));

  // Bex has chosen but not sent yet; the reveal must not lose the choice.
  await bex.page.getByRole('radio', { name: 'Online' }).check();
  await submit(fac.page, fac.page.getByRole('button', { name: 'Reveal results Where should the next forum meet?' }), /\/run/);
  await bex.page.locator('#results').waitFor();
  assert.equal(await bex.page.getByRole('radio', { name: 'Online' }).isChecked(), true, 'what Bex chose is kept');
  assert.equal(await navigations(bex.page), bexLoad);
  await presenter.locator('#present-chart').waitFor();
  assert.equal(await navigations(presenter), presenterLoad);
  await check(bex.page);
  await check(presenter);
  // Live bars after the reveal: Bex's vote reaches the presenter's chart.
  await submit(bex.page, bex.page.getByRole('button', { name: /Send my answer|Change my answer/ }), /notice=voted/);
  await presenter.waitForFunction(() => [...document.querySelectorAll('#present-chart .hs-chart__value')]
    .map((t) => t.textContent).sort().join(',') === '0,1,1');
  assert.equal(await navigations(presenter), presenterLoad);

  // "Next" closes the poll and opens Q&A in one click.
  await submit(fac.page, fac.page.getByRole('button', { name: 'Next part' }), /notice=next/);
  await check(fac.page);
  assert.match(await fac.page.locator('.hs-agenda > li', { hasText: 'Where should the next forum meet?' }).innerText(), /Closed/);
  assert.match(await fac.page.locator('.hs-agenda > li', { hasText: 'Questions for the panel' }).innerText(), /Open/);
  await ana.page.getByLabel('Your question').waitFor();
  assert.equal(await heading(ana.page), 'Questions for the panel');
  await presenter.locator('#current-heading', { hasText: 'Questions for the panel' }).waitFor();

  // Questions asked appear on the presenter and on the other phone.
  const bexBefore = await navigations(bex.page);
  // Bex is half way through typing when Ana's question arrives.
  await bex.page.getByLabel('Your question').fill('Who chairs');
  await ana.page.getByLabel('Your question').fill('How will people be paid for their time?');
  await submit(ana.page, ana.page.getByRole('button', { name: 'Send question' }), /notice=asked/);
  // Ana comes back at the activity, with focus on its heading.
  assert.equal(await ana.page.evaluate(() => document.activeElement?.id), 'current-heading');
  await bex.page.locator('#questions li', { hasText: 'How will people be paid' }).waitFor();
  assert.equal(await navigations(bex.page), bexBefore, 'the other phone did not reload');
  assert.equal(await bex.page.getByLabel('Your question').inputValue(), 'Who chairs', 'what Bex typed is kept');
  assert.equal(await bex.page.evaluate(() => document.activeElement?.id), 'question', 'and where Bex was typing');
  await presenter.locator('#questions li', { hasText: 'How will people be paid' }).waitFor();
  const anaBefore = await navigations(ana.page);
  await bex.page.getByLabel('Your question').fill('Who chairs the next forum?');
  await submit(bex.page, bex.page.getByRole('button', { name: 'Send question' }), /notice=asked/);
  await ana.page.locator('#questions li', { hasText: 'Who chairs the next forum?' }).waitFor();
  assert.equal(await navigations(ana.page), anaBefore);
  await presenter.locator('#questions li', { hasText: 'Who chairs the next forum?' }).waitFor();
  assert.equal(await navigations(presenter), presenterLoad);

  // An upvote re-orders the presenter's list (most votes first), without reloading.
  const firstOnScreen = () => presenter.locator('#questions li').first().innerText();
  const order = await firstOnScreen();
  const other = order.includes('paid') ? 'Who chairs the next forum?' : 'How will people be paid for their time?';
  const voter = other.includes('chairs') ? ana : bex;
  await submit(voter.page, voter.page.locator('#questions li', { hasText: other }).getByRole('button', { name: 'I want to know this too' }), /notice=upvoted/);
  await presenter.waitForFunction((t) => document.querySelector('#questions li')?.textContent.includes(t), other);
  assert.equal(await navigations(presenter), presenterLoad);
  await check(presenter);
  assert.ok(await presenter.evaluate(() => document.documentElement.scrollHeight <= window.innerHeight), 'Q&A fits the screen');
  mkdirSync(SHOTS, { recursive: true });
  await presenter.screenshot({ path: join(SHOTS, 'presenter-qa-1280x720.png') });
  await bex.page.screenshot({ path: join(SHOTS, 'phone-qa.png'), fullPage: true });

  // "Next" on the presenter's keyboard: the word cloud opens, and the presenter follows.
  await presenter.keyboard.press('ArrowRight');
  await presenter.locator('#current-heading', { hasText: 'What does co-production mean to you?' }).waitFor();
  assert.equal(await navigations(presenter), presenterLoad, 'the presenter stays put (full screen stays on)');
  await ana.page.getByLabel('A word or short phrase').waitFor();

  // A word held for checking reaches the facilitator's list without a reload.
  await fac.page.goto(`${path}/run`);
  const facLoad = await navigations(fac.page);
  assert.equal(await fac.page.locator('#held-none').count(), 1);
  await ana.page.getByLabel('A word or short phrase').fill('bollocks');
  await submit(ana.page, ana.page.getByRole('button', { name: 'Add', exact: true }), /notice=added/);
  await fac.page.locator('#held li', { hasText: 'bollocks' }).waitFor();
  assert.equal(await navigations(fac.page), facLoad, 'the run page did not reload');
  await check(fac.page);

  // The help overlay: "?" opens it, and it lists the keys.
  await presenter.keyboard.press('?');
  await presenter.locator('#present-help[open]').waitFor();
  assert.match(await presenter.locator('#present-help').innerText(), /next part[\s\S]*full screen/);
  await check(presenter);
  await presenter.keyboard.press('Escape');

  for (const p of [fac, ana, bex]) await p.context.close();
});

test('without JavaScript a guest is told to look again, and after answering is back at the activity', async () => {
  const { path, code, facEmail } = await setUp();
  const guest = await joinEvent(code, path, { js: false });
  assert.equal(await heading(guest.page), 'Now');
  const seeNow = guest.page.getByRole('link', { name: "See what's happening now" });
  assert.equal(await seeNow.count(), 1);
  assert.match(await guest.page.locator('#nojs-refresh-hint').innerText(), /does not change by itself/);

  // The facilitator opens the poll (in another browser).
  const fac = await newPerson({ viewport: LAPTOP });
  await signIn(fac, facEmail);
  await fac.page.goto(`${path}/run`);
  await submit(fac.page, fac.page.getByRole('button', { name: 'Open Where should the next forum meet?' }), /\/run/);

  await submit(guest.page, seeNow, /#current-heading$/);
  await check(guest.page);
  assert.equal(await heading(guest.page), 'Where should the next forum meet?');
  await guest.page.getByRole('radio', { name: 'Online' }).check();
  await submit(guest.page, guest.page.getByRole('button', { name: 'Send my answer' }), /notice=voted#current-heading$/);
  await check(guest.page);
  assert.equal(await guest.page.evaluate(() => document.activeElement?.id), 'current-heading', 'focus is on the activity');
  // The next Tab reaches the activity's own controls, not the site menu.
  await guest.page.keyboard.press('Tab');
  assert.ok(await guest.page.evaluate(() => document.getElementById('current').contains(document.activeElement)));
  for (const p of [fac, guest]) await p.context.close();
});

test('the presenter screen has no site frame and fits a projector without scrolling', async () => {
  const { path, code, facEmail } = await setUp();
  const fac = await newPerson({ viewport: LAPTOP });
  await signIn(fac, facEmail);
  // Words in the cloud, so the screen is full.
  await fac.page.goto(`${path}/run`);
  await submit(fac.page, fac.page.getByRole('button', { name: 'Open What does co-production mean to you?' }), /\/run/);
  const guest = await joinEvent(code, path, { name: 'Ana' });
  for (const w of ['trust', 'respect', 'equal power']) {
    await guest.page.getByLabel('A word or short phrase').fill(w);
    await submit(guest.page, guest.page.getByRole('button', { name: 'Add', exact: true }), /notice=added/);
  }
  mkdirSync(SHOTS, { recursive: true });
  await guest.page.screenshot({ path: join(SHOTS, 'phone-cloud.png'), fullPage: true });

  const presenter = await fac.context.newPage();
  for (const [width, height] of [[1280, 720], [1920, 1080]]) {
    await presenter.setViewportSize({ width, height });
    await presenter.goto(`${path}/present`);
    await check(presenter);
    for (const frame of ['.govuk-header', '.hs-footer', 'footer', '.hs-demo-banner'])
      assert.equal(await presenter.locator(frame).count(), 0, `no ${frame} on the presenter`);
    assert.doesNotMatch(await presenter.locator('body').innerText(), /Signed in as/);
    const size = await presenter.evaluate(() => ({ doc: document.documentElement.scrollHeight, view: window.innerHeight,
      docW: document.documentElement.scrollWidth, viewW: window.innerWidth }));
    assert.ok(size.doc <= size.view, `fits ${width}×${height}: ${JSON.stringify(size)}`);
    assert.ok(size.docW <= size.viewW, `no sideways scrolling at ${width}×${height}`);
    // The join address (this site's, and /join) and the code, beside the QR code.
    assert.equal(await presenter.locator('.hs-stage__address').innerText(), `${new URL(server.url).host}/join`);
    assert.equal(await presenter.locator('#join-code').innerText(), code);
    assert.equal(await presenter.locator('#cloud-svg text', { hasText: 'respect' }).count(), 1);
    assert.equal(await presenter.getByRole('button', { name: 'Full screen' }).isVisible(), true);
    await presenter.screenshot({ path: join(SHOTS, `presenter-${width}x${height}.png`) });
  }
  for (const p of [fac, guest]) await p.context.close();
});
