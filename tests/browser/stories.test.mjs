// Stories, as people use them, with JavaScript off for the storyteller: a steward lists
// an organisation and gives a partner the role; a member shares a story anonymously for
// members and partners, with a content note; a facilitator suggests taking out a staff
// member's name and the author accepts; the partner responds with the guidance in view;
// the author replies, then withdraws the story. Every page visited passes axe-core and the
// page basics.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { cli } from '../http/harness.mjs';
import { startSuite, server, check, submit, signedIn as person, createSpace } from './lib.mjs';

startSuite();

test('a story shared anonymously, a suggested change accepted, a partner\'s response, a reply, and withdrawal', async () => {
  const steward = await person('odile.steward@example.org', 'Odile Brackenridge', { steward: true });
  const slug = await createSpace(steward.page, { name: 'Harrowgate Recovery Voices', purpose: 'People in recovery in Harrowgate, heard by the services they use.' });

  const author = await person('fenella.member@example.org', 'Fenella Marchetti', { js: false });
  const facilitator = await person('ambrose.fac@example.org', 'Ambrose Kettering');
  const partner = await person('lucinda.partner@example.org', 'Lucinda Oyelaran');
  cli(server, ['user', 'set-role', author.email, 'member', '--space', slug]);
  cli(server, ['user', 'set-role', facilitator.email, 'facilitator', '--space', slug]);

  // The steward lists an organisation and gives the partner the role.
  await steward.page.goto(`/spaces/${slug}/stories`);
  await check(steward.page);
  await steward.page.getByRole('link', { name: 'Partner organisations' }).click();
  await check(steward.page);
  await steward.page.getByLabel('Name of the organisation').fill('Harrowgate Recovery Service');
  await submit(steward.page, steward.page.getByRole('button', { name: 'Add organisation' }), /notice=organisation$/);
  await steward.page.getByLabel('Email address of their account').fill(partner.email);
  await steward.page.getByLabel('Organisation they respond for').selectOption({ label: 'Harrowgate Recovery Service' });
  await submit(steward.page, steward.page.getByRole('button', { name: 'Give the partner role' }), /notice=partner$/);
  assert.match(await steward.page.locator('main').innerText(), /Lucinda Oyelaran/);
  // The space's own consent text, which the storyteller will agree to.
  await steward.page.goto(`/spaces/${slug}/stories/consent`);
  await check(steward.page);
  await steward.page.getByLabel('What people agree to').fill('You share your story because you want to. Facilitators may hold it back for safety. You can withdraw it at any time.');
  await submit(steward.page, steward.page.getByRole('button', { name: 'Save as a new version' }), /notice=saved$/);

  // The member shares a story, without JavaScript: anonymously, for members and partners.
  const a = author.page;
  await a.goto(`/spaces/${slug}/stories`);
  await check(a);
  await a.getByRole('link', { name: 'Share a story' }).click();
  await check(a);
  await a.getByLabel('Title').fill('The key worker who gave up on me');
  await a.getByLabel('Your story').fill('Barry at the service stopped returning my calls.\n\nI nearly gave up too.');
  await a.getByLabel('Content note (optional)').fill('relapse');
  await a.getByLabel('Harrowgate Recovery Service').check();
  await a.getByRole('radio', { name: 'Members and partners' }).check();
  await a.getByRole('radio', { name: 'Anonymously' }).check();
  // Without consent, the form comes back with what was typed and says what is missing.
  await Promise.all([a.waitForResponse((r) => r.request().method() === 'POST'), a.getByRole('button', { name: 'Share story' }).click()]);
  await check(a);
  assert.match(await a.locator('.govuk-error-summary').innerText(), /Tick the box/);
  assert.equal(await a.getByLabel('Title').inputValue(), 'The key worker who gave up on me');
  assert.match(await a.locator('main').innerText(), /Facilitators may hold it back for safety/);
  await a.getByLabel('I agree to share my story on these terms').check();
  await submit(a, a.getByRole('button', { name: 'Share story' }), /\/stories\/\d+\?notice=shared$/);
  const path = new URL(a.url()).pathname;

  // The facilitator suggests taking out the name; the author accepts.
  const f = facilitator.page;
  await f.goto(path);
  await check(f);
  assert.doesNotMatch(await f.locator('main').innerText(), /Fenella|Marchetti/);
  await f.getByRole('link', { name: 'Suggest a change' }).click();
  await check(f);
  await f.getByLabel('Why do you suggest this change?').fill('It names a member of staff.');
  const words = await f.getByLabel('The story with your suggested change').inputValue();
  await f.getByLabel('The story with your suggested change').fill(words.replace('Barry at the service', 'My key worker'));
  await submit(f, f.getByRole('button', { name: 'Send suggestion' }), /notice=suggested$/);
  await a.goto(path);
  await check(a);
  assert.match(await a.locator('main').innerText(), /It names a member of staff/);
  await submit(a, a.getByRole('button', { name: 'Accept the change' }), /notice=accepted$/);
  await a.getByRole('link', { name: 'Every version of the words' }).click();
  await check(a);
  assert.match(await a.locator('main').innerText(), /Version 1: The key worker who gave up on me/);

  // The partner reads the content note first, then responds with the guidance in view.
  const p = partner.page;
  await p.goto(`/spaces/${slug}/stories`);
  await check(p);
  await p.getByRole('link', { name: 'The key worker who gave up on me' }).click();
  await check(p);
  const text = await p.locator('main').innerText();
  assert.match(text, /Content note: relapse/);
  assert.doesNotMatch(text, /Barry|Fenella|Marchetti/);
  assert.match(text, /thanks the person for sharing their story/);
  await p.getByLabel('Your words').fill('Thank you for telling us. We are sorry you felt let down. Your key worker\'s manager will call this week: ring 0100 000 0001.');
  await submit(p, p.getByRole('button', { name: 'Publish' }), /notice=answered/);

  // The partner searches: stemmed words find the story by its response's words.
  await p.goto(`/spaces/${slug}/stories`);
  await p.getByLabel('Search stories').fill('managers calling');
  await submit(p, p.getByRole('button', { name: 'Search', exact: true }), /\/stories\?q=managers\+calling/);
  assert.match(await p.locator('main').innerText(), /The key worker who gave up on me/);
  await p.getByLabel('Search stories').fill('zebra');
  await submit(p, p.getByRole('button', { name: 'Search', exact: true }), /\/stories\?q=zebra/);
  assert.match(await p.locator('main').innerText(), /No stories match “zebra”/);

  // The author replies, then withdraws.
  await a.goto(path);
  await check(a);
  await a.getByLabel('Your words').fill('Thank you. I will pick up.');
  await submit(a, a.getByRole('button', { name: 'Publish' }), /notice=answered/);
  await a.getByRole('link', { name: 'Withdraw your story' }).click();
  await check(a);
  await submit(a, a.getByRole('button', { name: 'Withdraw story' }), /\/stories\/mine\?notice=withdrawn$/);
  await p.goto(path);
  await check(p);
  assert.match(await p.locator('main').innerText(), /withdrawn by its author/);
});
