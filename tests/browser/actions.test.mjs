// "You said, we did", as people use it, with JavaScript off for the partner: a facilitator
// raises an action from a story; the partner tries "change made" without saying what
// changed, is told what is missing with their words kept, then records the change; a
// steward makes the page public and a visitor who is not signed in reads it. Every page
// visited passes axe-core and the page basics.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { cli } from '../http/harness.mjs';
import { startSuite, server, browser, check } from './lib.mjs';

const PASSWORD = 'a long enough passphrase';
const VIEWPORT = { width: 1280, height: 900 };

startSuite();

async function submit(page, button, url) {
  await Promise.all([page.waitForURL(url), button.click()]);
  await check(page);
}

async function person(email, name, { js = true, steward = false } = {}) {
  cli(server, ['user', 'add', email, '--name', name], `${PASSWORD}\n`);
  if (steward) cli(server, ['user', 'set-role', email, 'steward']);
  const context = await browser.newContext({ viewport: VIEWPORT, baseURL: server.url, javaScriptEnabled: js });
  context.setDefaultTimeout(10000);
  const page = await context.newPage();
  await page.goto('/signin');
  await page.getByLabel('Email address').fill(email);
  await page.getByLabel('Password', { exact: true }).fill(PASSWORD);
  await Promise.all([page.waitForURL((u) => u.pathname !== '/signin'), page.getByRole('button', { name: 'Sign in', exact: true }).click()]);
  return { email, name, context, page };
}

test('an action raised from a story, refused without what changed, then made, on the public page', async () => {
  const steward = await person('isolde.steward@example.org', 'Isolde Penrose', { steward: true });
  await steward.page.goto('/spaces/new');
  await steward.page.locator('#name').fill('Wrenfield Carers Forum');
  await steward.page.locator('input[name="kind"][value="forum"]').check();
  await steward.page.locator('#purpose').fill('Unpaid carers in Wrenfield, heard by the services they use.');
  await steward.page.locator('input[name="visibility"][value="listed"]').check();
  await steward.page.locator('#code_of_conduct').fill('Be kind.');
  await Promise.all([steward.page.waitForURL(/\?notice=created$/), steward.page.getByRole('button', { name: 'Create space' }).click()]);
  const slug = new URL(steward.page.url()).pathname.split('/')[2];

  const author = await person('rosalind.member@example.org', 'Rosalind Achterberg');
  const facilitator = await person('caius.fac@example.org', 'Caius Westmacott');
  const partner = await person('philippa.partner@example.org', 'Philippa Nwachukwu', { js: false });
  cli(server, ['user', 'set-role', author.email, 'member', '--space', slug]);
  cli(server, ['user', 'set-role', facilitator.email, 'facilitator', '--space', slug]);

  await steward.page.goto(`/spaces/${slug}/stories/partners`);
  await steward.page.getByLabel('Name of the organisation').fill('Wrenfield Respite Service');
  await submit(steward.page, steward.page.getByRole('button', { name: 'Add organisation' }), /notice=organisation$/);
  await steward.page.getByLabel('Email address of their account').fill(partner.email);
  await steward.page.getByLabel('Organisation they respond for').selectOption({ label: 'Wrenfield Respite Service' });
  await submit(steward.page, steward.page.getByRole('button', { name: 'Give the partner role' }), /notice=partner$/);

  // A story to act on.
  const a = author.page;
  await a.goto(`/spaces/${slug}/stories/new`);
  await a.locator('#title').fill('Respite was cancelled the night before');
  await a.locator('#body').fill('I had booked a week away. They rang at nine at night to cancel.');
  await a.locator('input[name="audience"][value="anyone"]').check();
  await a.locator('input[name="shown_as"][value="anonymous"]').check();
  await a.locator('input[name="about"]').first().check();
  await a.locator('input[name="consent"]').check();
  await Promise.all([a.waitForURL(/notice=shared$/), a.getByRole('button', { name: /Share/ }).click()]);
  const storyUrl = new URL(a.url()).pathname;

  // The facilitator raises an action from the story page.
  const f = facilitator.page;
  await f.goto(storyUrl);
  await check(f);
  await f.getByRole('link', { name: 'Raise an action from this story' }).click();
  await check(f);
  await f.getByLabel('Which organisation owns it?').selectOption({ label: 'Wrenfield Respite Service' });
  await f.getByLabel('What should they look at?').fill('Never cancel respite the night before');
  await submit(f, f.getByRole('button', { name: 'Raise the action' }), /notice=raised$/);
  const actionUrl = new URL(f.url()).pathname;

  // The partner, without JavaScript, cannot record the change without saying what changed.
  const p = partner.page;
  await p.goto(actionUrl);
  await check(p);
  await p.getByLabel('Change made', { exact: true }).check();
  await p.getByLabel('Link to where people can see the change (optional)').fill('https://example.org/respite');
  await Promise.all([p.waitForLoadState('load'), p.getByRole('button', { name: 'Save the status' }).click()]);
  await check(p);
  assert.match(await p.locator('.govuk-error-summary').innerText(), /Say what changed/);
  assert.equal(await p.getByLabel('Link to where people can see the change (optional)').inputValue(), 'https://example.org/respite');
  assert.equal(await p.getByLabel('Change made', { exact: true }).isChecked(), true);
  await p.getByLabel('What changed (needed for "Change made")').fill('Cancellations now need a manager to agree and a replacement week offered.');
  await submit(p, p.getByRole('button', { name: 'Save the status' }), /notice=moved$/);
  assert.match(await p.locator('main').innerText(), /Cancellations now need a manager/);

  // The steward makes the page public; someone not signed in reads it.
  const st = steward.page;
  await st.goto(`/spaces/${slug}/actions`);
  await check(st);
  await st.getByLabel('Anyone who can see this space').check();
  await submit(st, st.getByRole('button', { name: 'Save', exact: true }), /notice=public$/);
  const visitor = await browser.newContext({ viewport: VIEWPORT, baseURL: server.url, javaScriptEnabled: false });
  const v = await visitor.newPage();
  await v.goto(`/spaces/${slug}/actions`);
  await check(v);
  const text = await v.locator('main').innerText();
  assert.match(text, /Never cancel respite the night before/);
  assert.match(text, /Change made/);
  assert.match(text, /Wrenfield Respite Service/);
  await v.getByRole('link', { name: 'Never cancel respite the night before' }).click();
  await check(v);
  assert.match(await v.locator('main').innerText(), /Cancellations now need a manager/);
  for (const c of [steward, author, facilitator, partner]) await c.context.close();
  await visitor.close();
});
