// "You said, we did", as people use it, with JavaScript off for the partner: a facilitator
// raises an action from a story; the partner tries "change made" without saying what
// changed, is told what is missing with their words kept, then records the change; a
// steward makes the page public and a visitor who is not signed in reads it. Every page
// visited passes axe-core and the page basics.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { cli } from '../http/harness.mjs';
import { startSuite, server, check, submit, signedIn as person, createSpace, newPerson, PHONE } from './lib.mjs';

startSuite();

test('an action raised from a story, refused without what changed, then made, on the public page', async () => {
  const steward = await person('isolde.steward@example.org', 'Isolde Penrose', { steward: true });
  const slug = await createSpace(steward.page, { name: 'Wrenfield Carers Forum', purpose: 'Unpaid carers in Wrenfield, heard by the services they use.' });

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
  const { context: visitor, page: v } = await newPerson({ js: false, viewport: PHONE });  // a visitor on a phone
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
