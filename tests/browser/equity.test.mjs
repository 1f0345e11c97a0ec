// Who is in the room, as people use it: a member answers the equality questions on a
// phone without JavaScript, changes their mind and saves again; a steward of a space of 30
// members reads the report, where small counts say "fewer than 5", and sets a reference
// population. Every page passes axe-core.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { cli, Client, PASSWORD } from '../http/harness.mjs';
import { startSuite, server, check, submit, signedIn as person, createSpace, PHONE } from './lib.mjs';

startSuite();

// A member answering over HTTP, as the form posts it.
async function answers(slug, i, fields) {
  const email = `neighbour${i}@example.org`;
  cli(server, ['user', 'add', email, '--name', `Neighbour ${i}`], `${PASSWORD}\n`);
  cli(server, ['user', 'set-role', email, 'member', '--space', slug]);
  const c = new Client(server);
  await c.get('/signin');
  assert.equal((await c.post('/signin', { email, password: PASSWORD })).status, 303);
  await c.get('/account/equality');
  assert.equal((await c.post('/account/equality', fields)).status, 303);
}

test('a member answers on a phone without JavaScript; a steward reads the report with small counts hidden', async () => {
  const steward = await person('morag.steward@example.org', 'Morag Lindsay', { steward: true });
  const slug = await createSpace(steward.page, { name: 'Leith Walk Recovery Forum', purpose: 'People in recovery around Leith Walk.' });

  // The member, on a phone, with JavaScript off.
  const member = await person('callum.member@example.org', 'Callum Reid', { js: false, viewport: PHONE });
  cli(server, ['user', 'set-role', member.email, 'member', '--space', slug]);
  const m = member.page;
  await m.goto('/account/profile');
  await m.getByRole('link', { name: 'Equality questions (optional)' }).click();
  await check(m);
  assert.match(await m.locator('main').innerText(), /Nobody can see your answers/);
  await m.getByRole('group', { name: 'What is your ethnic group?' }).getByLabel('African, Scottish African or British African').check();
  await m.getByRole('group', { name: 'Which of these do you have lived experience of?' }).getByLabel('Addiction and recovery').check();
  await submit(m, m.getByRole('button', { name: 'Save my answers' }), /notice=saved$/);
  // Changing one's mind: "prefer not to say" for the ethnic group.
  await m.getByRole('group', { name: 'What is your ethnic group?' }).getByLabel('Prefer not to say').check();
  await submit(m, m.getByRole('button', { name: 'Save my answers' }), /notice=saved$/);
  assert.ok(await m.getByRole('group', { name: 'What is your ethnic group?' }).getByLabel('Prefer not to say').isChecked());

  // 29 more members answer: 20 White Scottish, 7 other British, 2 Polish.
  const groups = [...Array(20).fill('white_scottish'), ...Array(7).fill('white_british'), 'white_polish', 'white_polish'];
  for (let i = 0; i < groups.length; i++) await answers(slug, i, { q_ethnicity: groups[i], q_age: i % 2 ? '35_44' : '45_54' });

  const s = steward.page;
  await s.goto(`/spaces/${slug}`);
  await s.getByRole('link', { name: 'Who is in the room (equality report)' }).click();
  await check(s);
  const report = await s.locator('main').innerText();
  assert.match(report, /30 of 31 members have answered/);
  const ethnicity = s.locator('table', { has: s.locator('caption', { hasText: 'What is your ethnic group?' }) });
  const row = (name) => ethnicity.locator('tr', { has: s.getByRole('rowheader', { name, exact: true }) }).locator('td').first();
  assert.equal(await row('White: Scottish').innerText(), '20');
  assert.equal(await row('White: Polish').innerText(), 'fewer than 5');
  assert.equal(await row('Prefer not to say').innerText(), 'fewer than 5');

  // The reference population: the area is 80 % White Scottish, 3 % African.
  await s.getByRole('link', { name: /Set the reference population for this question.*What is your ethnic group/ }).click();
  await check(s);
  await s.getByLabel('White: Scottish').fill('eighty');
  await s.getByRole('button', { name: 'Save' }).click();
  await check(s);
  assert.match(await s.locator('.govuk-error-summary').innerText(), /Enter a share from 0 to 100/);
  await s.getByLabel('White: Scottish').fill('80');
  await s.getByLabel('African, Scottish African or British African').fill('3');
  await Promise.all([s.waitForURL(/\/equality$|\/equality#ethnicity$/), s.getByRole('button', { name: 'Save' }).click()]);
  await check(s);
  assert.match(await row('White: Scottish').innerText(), /20/);
  assert.match(await ethnicity.innerText(), /80\.0%/);
});
