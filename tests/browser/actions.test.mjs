// "You said, we did", as people use it, with JavaScript off for the partner: a facilitator
// raises an action from a story; the partner tries "change made" without saying what
// changed, is told what is missing with their words kept, then records the change; a
// steward makes the page public and a visitor who is not signed in reads it. Every page
// visited passes axe-core and the page basics.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { cli, Client, PASSWORD } from '../http/harness.mjs';
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

test("an action raised from a theme of an event report; the storyteller's page says where it stands; the list a page at a time", async () => {
  const steward = await person('tobias.steward@example.org', 'Tobias Ferrand', { steward: true });
  await steward.page.goto('/spaces/new');
  await steward.page.locator('#name').fill('Larkhill Recovery Forum');
  await steward.page.locator('input[name="kind"][value="forum"]').check();
  await steward.page.locator('#purpose').fill('People in recovery in Larkhill, heard by the services they use.');
  await steward.page.locator('input[name="visibility"][value="listed"]').check();
  await steward.page.locator('#code_of_conduct').fill('Be kind.');
  await Promise.all([steward.page.waitForURL(/\?notice=created$/), steward.page.getByRole('button', { name: 'Create space' }).click()]);
  const slug = new URL(steward.page.url()).pathname.split('/')[2];
  const facilitator = await person('imelda.fac@example.org', 'Imelda Strand');
  const author = await person('ottilie.member@example.org', 'Ottilie Brannock', { js: false });
  const partner = await person('dorian.partner@example.org', 'Dorian Keswick');
  cli(server, ['user', 'set-role', facilitator.email, 'facilitator', '--space', slug]);
  cli(server, ['user', 'set-role', author.email, 'member', '--space', slug]);
  await steward.page.goto(`/spaces/${slug}/stories/partners`);
  await steward.page.getByLabel('Name of the organisation').fill('Larkhill Recovery Service');
  await submit(steward.page, steward.page.getByRole('button', { name: 'Add organisation' }), /notice=organisation$/);
  await steward.page.getByLabel('Email address of their account').fill(partner.email);
  await steward.page.getByLabel('Organisation they respond for').selectOption({ label: 'Larkhill Recovery Service' });
  await submit(steward.page, steward.page.getByRole('button', { name: 'Give the partner role' }), /notice=partner$/);

  // What the facilitator set up before (an event with a theme; many actions from a story),
  // over plain HTTP as the same accounts.
  const http = async (email) => {
    const c = new Client(server);
    await c.get('/signin');
    assert.equal((await c.post('/signin', { email, password: PASSWORD })).status, 303);
    return c;
  };
  const fac = await http(facilitator.email);
  const teller = await http(author.email);
  const orgId = (await teller.get(`/spaces/${slug}/stories/new`)).text.match(/name="about" type="checkbox" value="(\d+)"/)[1];
  const shared = await teller.post(`/spaces/${slug}/stories/new`, {
    title: 'The support group moved to mornings', body: 'I work mornings, so I cannot go any more.', content_note: '', topics: '',
    audience: 'anyone', shown_as: 'anonymous', pseudonym: '', consent: 'yes', about: orgId,
  });
  assert.equal(shared.status, 303, shared.text.slice(0, 800));
  const storyId = shared.location.match(/stories\/(\d+)/)[1];
  await fac.get(`/spaces/${slug}/actions/new`);
  for (let i = 1; i <= 55; i++) {
    const r = await fac.post(`/spaces/${slug}/actions/new`, { title: `Evening group number ${i}`, details: '', due_day: '', due_month: '', due_year: '', source: `story-${storyId}`, organisation: orgId });
    assert.equal(r.status, 303);
  }
  await fac.get(`/spaces/${slug}/events`);
  const ev = await fac.post(`/spaces/${slug}/events`, { title: 'Larkhill forum evening', description: 'Small groups.', starts: '2030-06-01T18:00', ends: '2030-06-01T20:00' });
  assert.equal(ev.status, 303, ev.text.slice(0, 400));
  const eventId = ev.location.match(/\/events\/(\d+)/)[1];
  await fac.get(`/events/${eventId}/themes`);
  assert.equal((await fac.post(`/events/${eventId}/themes`, { title: 'Groups at times people can come' })).status, 303);

  // The report offers "Raise an action" beside the theme; the action links back to it.
  const f = facilitator.page;
  await f.goto(`/events/${eventId}/report`);
  await check(f);
  await f.getByRole('link', { name: 'Raise an action from the theme “Groups at times people can come”' }).click();
  await check(f);
  await f.getByLabel('Which organisation owns it?').selectOption({ label: 'Larkhill Recovery Service' });
  await f.getByLabel('What should they look at?').fill('Run one group in the evening');
  await submit(f, f.getByRole('button', { name: 'Raise the action' }), /notice=raised$/);
  await f.getByRole('link', { name: 'Groups at times people can come' }).click();
  await f.waitForURL(new RegExp(`/events/${eventId}/report$`));

  // Fifty a page, with the GOV.UK pagination, without JavaScript too.
  await f.goto(`/spaces/${slug}/actions`);
  await check(f);
  assert.match(await f.locator('main').innerText(), /Showing 1 to 50 of 56 actions/);
  await f.getByRole('navigation', { name: 'Pages of actions' }).getByRole('link', { name: /Next/ }).click();
  await f.waitForURL(/\?page=2$/);
  await check(f);
  assert.match(await f.locator('main').innerText(), /Evening group number 1\b/);
  await f.getByLabel('Status').selectOption({ label: 'Raised' });
  await submit(f, f.getByRole('button', { name: 'Show actions' }), /status=raised/);

  // A move tells the storyteller, on their own page (here without JavaScript).
  const p = partner.page;
  await p.goto(`/spaces/${slug}/actions`);
  await p.getByRole('link', { name: 'Evening group number 55' }).click();
  await check(p);
  await p.getByLabel('Change planned', { exact: true }).check();
  await submit(p, p.getByRole('button', { name: 'Save the status' }), /notice=moved$/);
  const a = author.page;
  await a.goto(`/spaces/${slug}/stories/mine`);
  await check(a);
  assert.match(await a.locator('main').innerText(), /An action from your story, "Evening group number 55", is now: change planned/);
  for (const c of [steward, author, facilitator, partner]) await c.context.close();
});
