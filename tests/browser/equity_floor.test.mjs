// Who holds the floor, live: the facilitator's run page shows how many of the people who
// joined have contributed and the share the most active fifth made, with an unnamed chart,
// and it follows each new word without a reload; the presenter screen shows none of it.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { startSuite, check, newPerson, signIn, submit, facilitatedEvent } from './lib.mjs';

startSuite();

const navigations = (page) => page.evaluate(() => performance.getEntriesByType('navigation').length + ':' + performance.timeOrigin);

async function joinEvent(code, path, name) {
  const p = await newPerson();
  await p.page.goto('/join');
  await p.page.getByLabel('Event code').fill(code.toLowerCase());
  await p.page.getByLabel('A name to show (optional)').fill(name);
  await submit(p.page, p.page.getByRole('button', { name: 'Join' }), (u) => u.pathname === path);
  return p;
}

test('the spread of who has been heard updates live on the run page, and names nobody', async () => {
  const { path, code, facEmail } = await facilitatedEvent([['cloud', 'One word for today']]);
  const fac = await newPerson({ viewport: { width: 1280, height: 900 } });
  await signIn(fac, facEmail);
  const ana = await joinEvent(code, path, 'Ana');
  const bex = await joinEvent(code, path, 'Bex');
  await fac.page.goto(`${path}/run`);
  await check(fac.page);
  const summary = fac.page.locator('#spread-summary');
  assert.equal(await summary.innerText(), '0 of 2 people have contributed; the most active person made 0 % of contributions.');
  await submit(fac.page, fac.page.getByRole('button', { name: 'Open One word for today' }), /\/run/);
  const loaded = await navigations(fac.page);

  await ana.page.getByLabel('A word or short phrase').waitFor();
  for (const word of ['listening', 'trust']) {
    await ana.page.getByLabel('A word or short phrase').fill(word);
    await submit(ana.page, ana.page.getByRole('button', { name: 'Add', exact: true }), /notice=added/);
  }
  await fac.page.locator('#spread-summary', { hasText: '1 of 2 people have contributed; the most active person made 100 %' }).waitFor();
  await bex.page.getByLabel('A word or short phrase').fill('equals');
  await submit(bex.page, bex.page.getByRole('button', { name: 'Add', exact: true }), /notice=added/);
  await fac.page.locator('#spread-summary', { hasText: '2 of 2 people have contributed; the most active person made 67 %' }).waitFor();
  assert.equal(await navigations(fac.page), loaded, 'the run page did not reload');
  const table = await fac.page.locator('#spread table').innerText();
  assert.doesNotMatch(table, /Ana|Bex/);
  assert.doesNotMatch(await fac.page.locator('#spread').innerText(), /Ana|Bex/);
  await check(fac.page);
  // The projector shows nothing of it.
  const presenter = await fac.context.newPage();
  await presenter.goto(`${path}/present`);
  assert.equal(await presenter.locator('#spread').count(), 0);
});
