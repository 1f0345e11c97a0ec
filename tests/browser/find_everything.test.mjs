// Finding your way in: the home page's "Join an event" box takes a code to the join
// page, and the agenda form asks for the kind of item first and then shows only that
// kind's fields, all without JavaScript, on a phone and on a desktop. Every page visited
// passes axe-core and the page basics.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { cli, Client } from '../http/harness.mjs';
import { startSuite, server, check, newPerson, DESKTOP, PHONE } from './lib.mjs';

const PASSWORD = 'a long enough passphrase';

startSuite();

async function setUpEvent() {
  cli(server, ['user', 'add', 'marisol.steward@example.org', '--name', 'Marisol Venn'], `${PASSWORD}\n`);
  cli(server, ['user', 'set-role', 'marisol.steward@example.org', 'steward']);
  const steward = new Client(server);
  await steward.get('/signin');
  assert.equal((await steward.post('/signin', { email: 'marisol.steward@example.org', password: PASSWORD })).status, 303);
  await steward.get('/spaces/new');
  const made = await steward.post('/spaces/new', {
    name: 'Fenwick Lived Experience Panel', slug: '', kind: 'forum',
    purpose: 'People with lived experience shaping local services.', visibility: 'listed', code_of_conduct: 'Be kind.',
  });
  assert.equal(made.status, 303);
  const slug = made.location.match(/^\/spaces\/([a-z0-9-]+)/)[1];
  cli(server, ['user', 'add', 'teodor.fac@example.org', '--name', 'Teodor Quill'], `${PASSWORD}\n`);
  cli(server, ['user', 'set-role', 'teodor.fac@example.org', 'facilitator', '--space', slug]);
  const fac = new Client(server);
  await fac.get('/signin');
  assert.equal((await fac.post('/signin', { email: 'teodor.fac@example.org', password: PASSWORD })).status, 303);
  await fac.get(`/spaces/${slug}/events`);
  const ev = await fac.post(`/spaces/${slug}/events`, {
    title: 'Panel open day', description: '', starts: '2030-05-01T10:00', ends: '2030-05-01T12:00',
  });
  assert.equal(ev.status, 303);
  const path = ev.location.replace(/\/run$/, '');
  const code = (await fac.get(`${path}/run`)).text.match(/id="join-code">([A-Z0-9]+)</)[1];
  return { path, code };
}

let event;
async function theEvent() {
  event ??= await setUpEvent();
  return event;
}

for (const [js, viewport] of [[false, PHONE], [true, DESKTOP]]) {
  test(`the home page's "Join an event" box takes a code to the event (JavaScript ${js ? 'on' : 'off'}, ${viewport.width}px)`, async () => {
    const { path, code } = await theEvent();
    const { context, page } = await newPerson({ js, viewport });
    await page.goto('/');
    await check(page);
    const box = page.getByRole('form', { name: 'Join an event' });
    await box.getByLabel('Event code').fill(code.toLowerCase());
    await Promise.all([page.waitForURL(/\/join\?code=/), box.getByRole('button', { name: 'Join', exact: true }).click()]);
    await check(page);
    assert.equal(await page.getByLabel('Event code').inputValue(), code.toLowerCase(), 'the code comes along');
    await page.getByLabel('A name to show (optional)').fill(js ? 'Perrin' : 'Lark');
    await Promise.all([page.waitForURL(new RegExp(`${path}$`)), page.getByRole('button', { name: 'Join', exact: true }).click()]);
    await check(page);
    assert.ok(await page.getByRole('link', { name: /support/i }).count() > 0, 'the event page links to support');
    await context.close();
  });
}

test('the agenda form asks for the kind first and shows only its fields, without JavaScript', async () => {
  const { path } = await theEvent();
  const { context, page } = await newPerson({ js: false, viewport: PHONE });
  await page.goto('/signin');
  await page.getByLabel('Email address').fill('teodor.fac@example.org');
  await page.getByLabel('Password', { exact: true }).fill(PASSWORD);
  await Promise.all([page.waitForURL((u) => !u.pathname.startsWith('/signin')), page.getByRole('button', { name: 'Sign in', exact: true }).click()]);

  await page.goto(`${path}/items/new`);
  await check(page);
  assert.equal(await page.getByLabel('Poll').count(), 1);
  assert.equal(await page.locator('textarea, input[type=text]').count(), 0, 'no fields before the kind is chosen');

  // Continuing without a choice says what to do.
  await Promise.all([page.waitForURL(/step=kind/), page.getByRole('button', { name: 'Continue' }).click()]);
  await check(page);
  assert.match(await page.locator('.govuk-error-summary').innerText(), /Choose what kind of item this is/);

  await page.getByLabel('Poll').check();
  await Promise.all([page.waitForURL(/kind=poll/), page.getByRole('button', { name: 'Continue' }).click()]);
  await check(page);
  assert.equal(await page.locator('#options').count(), 1);
  for (const other of ['#speakers', '#key_messages', '#max_entries', '#max_chars', '#premoderate'])
    assert.equal(await page.locator(other).count(), 0, `${other} is not a poll's field`);

  // A mistake comes back on the same page, with what was typed.
  await page.getByLabel('Question', { exact: true }).fill('');
  await page.locator('#options').fill('Mornings\nEvenings');
  await page.getByRole('button', { name: 'Add' }).click();
  await page.waitForLoadState('load');
  await check(page);
  assert.equal(await page.locator('#options').inputValue(), 'Mornings\nEvenings');
  assert.equal(await page.locator('#speakers').count(), 0);

  await page.getByLabel('Question', { exact: true }).fill('When should the panel meet?');
  await Promise.all([page.waitForURL(new RegExp(`${path}/run$`)), page.getByRole('button', { name: 'Add' }).click()]);
  assert.match(await page.content(), /When should the panel meet\?/);

  // A talk asks for speakers and key messages, and nothing about answers.
  await page.goto(`${path}/items/new?kind=talk`);
  await check(page);
  assert.equal(await page.locator('#speakers').count(), 1);
  assert.equal(await page.locator('#options').count(), 0);
  await context.close();
});
