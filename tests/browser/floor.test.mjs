// Who holds the floor in a breakout group, as the demo's drop-in has it after `./dev run`:
// a round on now with one group, hosted by the facilitator (Priya), with Jo, Kit and Dana in
// it; Jo has had a turn, Kit and Dana have their hands up, and the queue is in
// progressive-stack order. People raise and lower hands from a phone (Kit without
// JavaScript); the host sees the queue change live, in the order the setting says; gives the
// floor by keyboard alone; talk time is kept; everyone sees the unnamed share of talk time;
// the host's count of who has been heard follows; a go-round invites each person in turn and
// they may pass. Every page passes axe-core and the page basics.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { startSuite, check, newPerson, PHONE, DESKTOP } from './lib.mjs';

startSuite({ demo: true, seed: true });

const DEMO_PASSWORD = 'riverbend-demo-2026';

async function demoPerson(email, opts) {
  const p = await newPerson(opts);
  await p.page.goto('/signin');
  await p.page.getByLabel('Email address').fill(email);
  await p.page.getByLabel('Password', { exact: true }).fill(DEMO_PASSWORD);
  await Promise.all([p.page.waitForURL((u) => u.pathname !== '/signin'), p.page.getByRole('button', { name: 'Sign in', exact: true }).click()]);
  return p;
}

// Presses a form's button and waits for the page it leads to (often the same address again,
// with #floor), then checks that page.
async function press(page, button) {
  await Promise.all([page.waitForNavigation({ waitUntil: 'load' }), button.click()]);
  assert.match(page.url(), /#floor$/);
  await check(page);
}

const navigations = (page) => page.evaluate(() => performance.getEntriesByType('navigation').length + ':' + performance.timeOrigin);
const queueNames = async (page) =>
  (await page.locator('#floor-queue tbody tr td:first-child').allInnerTexts()).map((s) => s.replace(/\(may not be here now\)/, '').trim());

test('a breakout group shares the floor: hands, progressive stack, talk time and a go-round', async () => {
  // The host finds the drop-in and their group from the round page.
  const host = await demoPerson('priya@example.org', { viewport: DESKTOP });
  await host.page.goto('/spaces/lived-experience-practice/events');
  await host.page.getByRole('link', { name: /Drop-in: practising a fair share of the floor/ }).first().click();
  const eventPath = new URL(host.page.url()).pathname.replace(/\/run$/, '');
  await host.page.goto(`${eventPath}/breakouts`);
  await host.page.getByRole('link', { name: 'Breakout round 1' }).click();
  await check(host.page);
  await host.page.getByRole('link', { name: 'Go to your group' }).click();
  await check(host.page);
  const groupUrl = host.page.url();
  assert.match(groupUrl, /\?view=group$/);
  assert.deepEqual(await queueNames(host.page), ['Kit Marlowe-Adeyemi', 'Dana Fairweather']);
  assert.equal(await host.page.getByLabel('Progressive stack: those who have spoken least go first').isChecked(), true);

  // Everyone in the group on their phones: Jo and Dana with JavaScript, Kit without.
  const jo = await demoPerson('jo@example.org', { viewport: PHONE });
  await jo.page.goto(`${eventPath}/breakouts`);
  await check(jo.page);
  assert.equal(await jo.page.locator('#floor-hands').innerText(), '2 hands are up.');
  assert.equal(await jo.page.locator('#floor-queue').count(), 0, 'only the host sees the names in the queue');
  assert.equal(await jo.page.locator('#spread').count(), 0, 'only the host sees who has been heard');
  const dana = await demoPerson('dana@example.org', { viewport: PHONE });
  await dana.page.goto(`${eventPath}/breakouts`);
  const kit = await demoPerson('kit@example.org', { viewport: PHONE, js: false });
  await kit.page.goto(`${eventPath}/breakouts`);
  await check(kit.page);
  assert.match(await kit.page.locator('#floor-place').innerText(), /You are number 1 in the queue/);

  // Dana lowers her hand; Jo raises his; Dana raises hers again. First come would be Kit,
  // Jo, Dana; progressive stack offers Dana (who has not spoken) before Jo (who has).
  const loaded = await navigations(host.page);
  await press(dana.page, dana.page.getByRole('button', { name: 'Lower your hand' }));
  await press(jo.page, jo.page.getByRole('button', { name: 'Raise your hand' }));
  await press(dana.page, dana.page.getByRole('button', { name: 'Raise your hand' }));
  assert.match(await jo.page.locator('#floor-place').innerText(), /You are number 3 in the queue \(those who have spoken least go first\)/);
  await host.page.locator('#floor-queue tbody tr:nth-child(3)', { hasText: 'Jo Whitlow' }).waitFor();
  assert.deepEqual(await queueNames(host.page), ['Kit Marlowe-Adeyemi', 'Dana Fairweather', 'Jo Whitlow']);
  assert.equal(await navigations(host.page), loaded, 'the host page followed the hands without a reload');
  await host.page.getByLabel('First come, first served').check();
  await press(host.page, host.page.getByRole('button', { name: 'Change the order' }));
  assert.deepEqual(await queueNames(host.page), ['Kit Marlowe-Adeyemi', 'Jo Whitlow', 'Dana Fairweather']);
  await host.page.getByLabel('Progressive stack: those who have spoken least go first').check();
  await press(host.page, host.page.getByRole('button', { name: 'Change the order' }));
  assert.deepEqual(await queueNames(host.page), ['Kit Marlowe-Adeyemi', 'Dana Fairweather', 'Jo Whitlow']);

  // By keyboard alone, the host gives the floor to the first in the queue.
  const before = await host.page.locator('#spread-summary').innerText();
  const give = host.page.locator('#floor-queue tbody tr:first-child button');
  await give.focus();
  await Promise.all([host.page.waitForNavigation({ waitUntil: 'load' }), host.page.keyboard.press('Enter')]);
  await check(host.page);
  assert.equal(await host.page.locator('#floor-speaking').innerText(), 'Speaking now: Kit Marlowe-Adeyemi');
  assert.equal(await host.page.locator('#floor-done').innerText(), 'Done: everyone now sees who has the floor.');
  assert.doesNotMatch(host.page.url(), /floor_done/, 'said once: a reload or a live update does not say it again');
  await kit.page.reload();
  assert.equal(await kit.page.locator('#floor-speaking').innerText(), 'You have the floor.');
  await jo.page.locator('#floor-speaking', { hasText: 'Speaking now: Kit Marlowe-Adeyemi' }).waitFor();
  await host.page.waitForTimeout(2200);
  await press(host.page, host.page.getByRole('button', { name: 'End this turn' }));
  assert.notEqual(await host.page.locator('#spread-summary').innerText(), before, 'the turn counts as a contribution');
  assert.match(await host.page.locator('#spread-summary').innerText(), /^2 of 4 people have contributed/);

  // Talk time is kept: Kit raises his hand again, and the host sees his turn and its length.
  await kit.page.reload();
  await press(kit.page, kit.page.getByRole('button', { name: 'Raise your hand' }));
  assert.match(await kit.page.locator('#floor-place').innerText(), /^Your hand is up\./, 'the phone without JavaScript says what happened');
  assert.equal(await kit.page.locator('#floor-done').count(), 0, 'said once, not twice');
  const kitRow = host.page.locator('#floor-queue tbody tr', { hasText: 'Kit Marlowe-Adeyemi' });
  await kitRow.waitFor();
  assert.match(await kitRow.innerText(), /1 turn, [2-5] s/);
  // Progressive stack: Jo, who has spoken (for no time at all), is now offered the floor before
  // Kit, who spoke for seconds. The host gives it to Jo, who says when she has finished.
  assert.deepEqual(await queueNames(host.page), ['Dana Fairweather', 'Jo Whitlow', 'Kit Marlowe-Adeyemi']);
  await press(host.page, host.page.locator('#floor-queue tbody tr', { hasText: 'Jo Whitlow' }).getByRole('button'));
  await jo.page.getByRole('button', { name: 'I have finished' }).waitFor();
  await jo.page.waitForTimeout(1200);
  await press(jo.page, jo.page.getByRole('button', { name: 'I have finished' }));
  // Everyone sees how talk time was shared, with nobody named.
  const talk = jo.page.locator('#floor-talk');
  await talk.filter({ hasText: /^2 people have spoken so far; the one who spoke most had \d+ % of the talk time\.$/ }).waitFor();
  assert.equal(await jo.page.locator('#floor svg rect').count(), 2);
  assert.doesNotMatch(await jo.page.locator('#floor svg').innerHTML(), /Kit|Jo|Dana|Priya/);

  // A go-round: each person here is invited in turn, the host last; anyone may pass.
  await press(host.page, host.page.getByRole('button', { name: 'Start a go-round' }));
  assert.match(await host.page.locator('#floor-round').innerText(), /Go-round: 0 of 4 people have had their turn\./);
  // Everyone it invites is listed, in order, the host last.
  const order = (await host.page.locator('#floor-round ol li').allInnerTexts()).map((t) => t.replace(/\s*\(.*\)$/, ''));
  assert.equal(order.length, 4);
  assert.equal(order[3], 'Priya Castell');
  const pages = { 'Jo Whitlow': jo.page, 'Kit Marlowe-Adeyemi': kit.page, 'Dana Fairweather': dana.page };
  const invited = [];
  for (let i = 0; i < 3; i++) {
    const next = (await host.page.locator('#floor-round').innerText()).match(/Now invited: (.+)/)[1].trim();
    invited.push(next);
    const page = pages[next];
    if (page === kit.page) await kit.page.reload();
    await page.getByRole('button', { name: 'Pass', exact: true }).waitFor();
    await press(page, page.getByRole('button', { name: 'Pass', exact: true }));
    await host.page.locator('#floor-round', { hasText: `${i + 1} of 4 people have had their turn` }).waitFor();
  }
  assert.deepEqual([...invited].sort(), ['Dana Fairweather', 'Jo Whitlow', 'Kit Marlowe-Adeyemi']);
  assert.match(await host.page.locator('#floor-round').innerText(), /Now invited: Priya Castell/);
  await press(host.page, host.page.getByRole('button', { name: 'Pass for Priya Castell' }));
  assert.match(await host.page.locator('#floor-round').innerText(), /Everyone has had their turn\./);
  await press(host.page, host.page.getByRole('button', { name: 'End the go-round' }));
  assert.equal(await host.page.locator('#floor-round').count(), 0);

  // The event's report carries the unnamed summary, turns speaking among the contributions.
  await host.page.goto(`${eventPath}/report`);
  await check(host.page);
  const report = (await host.page.locator('main').innerText()).replace(/\s+/g, ' ');
  assert.match(report, /How people took part/);
  assert.match(report, /2 of 4 people contributed; the most active person made \d+ % of contributions\./);
  assert.doesNotMatch(report.slice(report.indexOf('How people took part')), /Kit|Dana/);
});
