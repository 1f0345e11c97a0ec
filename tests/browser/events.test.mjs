// A live word cloud, as people use it: a facilitator plans an event and a word cloud in
// the pages and opens the presenter screen; three people join by code in their own
// browsers and add words, including variants of one word and a word from the list that
// waits for review. The presenter screen counts them together live, without reloading,
// while the listed word waits on the facilitator's page. One person takes part with
// JavaScript turned off. Every page visited passes axe-core and the page basics.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { cli, Client } from '../http/harness.mjs';
import { startSuite, server, audit, check, newPerson, DESKTOP } from './lib.mjs';

const PASSWORD = 'a long enough passphrase';

startSuite();

async function submit(page, button, url) {
  await Promise.all([page.waitForURL(url), button.click()]);
}

// A space with a facilitator (set up as in the HTTP tests: accounts and roles by the CLI).
async function setUpSpace() {
  cli(server, ['user', 'add', 'hollis.steward@example.org', '--name', 'Hollis Marrow'], `${PASSWORD}\n`);
  cli(server, ['user', 'set-role', 'hollis.steward@example.org', 'steward']);
  const steward = new Client(server);
  await steward.get('/signin');
  assert.equal((await steward.post('/signin', { email: 'hollis.steward@example.org', password: PASSWORD })).status, 303);
  await steward.get('/spaces/new');
  const made = await steward.post('/spaces/new', {
    name: 'Tanmoor Carers Circle', slug: '', kind: 'network',
    purpose: 'Unpaid carers and the services around them, learning together.', visibility: 'listed',
    code_of_conduct: '# Be kind\n\nListen first.',
  });
  assert.equal(made.status, 303, made.text.slice(0, 300));
  const slug = made.location.match(/^\/spaces\/([a-z0-9-]+)/)[1];
  cli(server, ['user', 'add', 'odile.fac@example.org', '--name', 'Odile Prentice'], `${PASSWORD}\n`);
  cli(server, ['user', 'set-role', 'odile.fac@example.org', 'facilitator', '--space', slug]);
  return slug;
}

const navigations = (page) => page.evaluate(() => performance.getEntriesByType('navigation').length + ':' + performance.timeOrigin);

async function countIn(page, word) {
  return page.evaluate((w) => {
    for (const tr of document.querySelectorAll('#words tbody tr')) {
      const cells = tr.querySelectorAll('td');
      if (cells[0] && cells[0].textContent === w) return Number(cells[1].textContent);
    }
    return null;
  }, word);
}

test('a word cloud counts variants together live, holds a listed word for review, and works without JavaScript', async () => {
  const slug = await setUpSpace();

  // The facilitator plans the event and the word cloud in the pages.
  const fac = await newPerson({ viewport: DESKTOP });
  await fac.page.goto('/signin');
  await check(fac.page);
  await fac.page.getByLabel('Email address').fill('odile.fac@example.org');
  await fac.page.getByLabel('Password', { exact: true }).fill(PASSWORD);
  await submit(fac.page, fac.page.getByRole('button', { name: 'Sign in', exact: true }), (u) => u.pathname !== '/signin');
  await fac.page.goto(`/spaces/${slug}/events`);
  await check(fac.page);
  await fac.page.getByLabel('Title').fill('Carers learning morning');
  await fac.page.getByLabel('Starts').fill('2030-06-01T10:00');
  await fac.page.getByLabel('Ends').fill('2030-06-01T13:00');
  await submit(fac.page, fac.page.getByRole('button', { name: 'Create event' }), /\/run$/);
  await check(fac.page);
  const run = fac.page.url();
  const base = run.replace(/\/run$/, '');
  const code = (await fac.page.locator('#join-code').innerText()).trim();
  // Adding a part asks its kind first, then shows only that kind's fields.
  await fac.page.getByRole('radio', { name: 'Word cloud' }).check();
  await submit(fac.page, fac.page.getByRole('button', { name: 'Continue' }), /\/items\/new\?/);
  await check(fac.page);
  assert.equal(await fac.page.locator('#options, #speakers').count(), 0, 'only what a word cloud needs');
  await fac.page.locator('#title').fill('One word for what helps');
  await submit(fac.page, fac.page.getByRole('button', { name: 'Add', exact: true }), /\/run$/);
  await submit(fac.page, fac.page.getByRole('button', { name: /^Open\s+One word for what helps/ }), /\/run/);
  await check(fac.page);

  // The presenter screen, open on its own page for the rest of the test.
  const presenter = await fac.context.newPage();
  await presenter.goto(`${base}/present`);
  await check(presenter);
  assert.equal(await presenter.locator('svg#cloud-svg[role="img"]').count(), 1);
  const loadedAs = await navigations(presenter);

  // Three people join by code in their own browsers.
  const people = [];
  for (const name of ['Kestrel', 'Bryn', '']) {
    const p = await newPerson();
    await p.page.goto('/join');
    await check(p.page);
    await p.page.getByLabel('Event code').fill(code.toLowerCase());
    if (name) await p.page.getByLabel('A name to show (optional)').fill(name);
    await submit(p.page, p.page.getByRole('button', { name: 'Join' }), (u) => u.pathname === new URL(base).pathname);
    await check(p.page);
    people.push(p);
  }
  const add = async (p, word) => {
    await p.page.getByLabel('A word or short phrase').fill(word);
    await submit(p.page, p.page.getByRole('button', { name: 'Add', exact: true }), /notice=added/);
  };
  await add(people[0], 'Listening');
  await check(people[0].page);
  await add(people[1], 'listen ');
  await add(people[2], 'listened');
  await add(people[2], 'bollocks');

  // The presenter screen counts the variants together, live.
  await presenter.waitForFunction(() => {
    for (const tr of document.querySelectorAll('#words tbody tr'))
      if (tr.textContent.includes('Listening') && tr.textContent.includes('3')) return true;
    return false;
  });
  assert.equal(await countIn(presenter, 'Listening'), 3);
  assert.equal(await countIn(presenter, 'bollocks'), null, 'the listed word waits for review');
  assert.ok(await presenter.locator('#cloud-svg text', { hasText: 'Listening' }).count() === 1, 'the picture is redrawn');
  // In colour from the calm palette, the same colour the server gives the word.
  const liveFill = await presenter.locator('#cloud-svg text', { hasText: 'Listening' }).getAttribute('fill');
  const html = await (await presenter.context().request.get(presenter.url())).text();
  const serverFill = html.match(/<text fill="(#[0-9a-f]{6})"[^>]*>Listening</)?.[1];
  assert.match(serverFill || '', /^#[0-9a-f]{6}$/, 'the server draws the word in a palette colour');
  assert.equal(liveFill, serverFill, 'a word redrawn live keeps the colour the server gave it');
  assert.match(html, new RegExp(`data-palette="[^"]*${serverFill}`));
  assert.equal(await presenter.locator('#cloud-svg text', { hasText: 'bollocks' }).count(), 0);
  assert.match(await presenter.locator('#cloud-svg').getAttribute('aria-label'), /^Word cloud: .+: Listening$/,
    'the redrawn picture names its words for screen readers');
  // The held word counts among the entries; its snapshot may come a moment later.
  await presenter.locator('#live-status', { hasText: '4 entries' }).waitFor();
  assert.match(await presenter.locator('#live-status').innerText(), /4 entries, top: Listening \(3\)/);
  assert.equal(await navigations(presenter), loadedAs, 'the presenter screen did not reload');
  await check(presenter);

  // The facilitator's page lists it as waiting, with a way to show or hide it.
  await fac.page.goto(run);
  await check(fac.page);
  const held = fac.page.locator('#held');
  assert.match(await held.innerText(), /bollocks/);
  assert.equal(await held.getByRole('button', { name: 'Show bollocks' }).count(), 1);
  assert.equal(await held.getByRole('button', { name: 'Hide bollocks' }).count(), 1);

  // Someone without JavaScript takes part: forms post and the page comes back.
  const plain = await newPerson({ js: false, viewport: DESKTOP });
  await plain.page.goto(`/join?code=${code}`);
  await check(plain.page);
  await submit(plain.page, plain.page.getByRole('button', { name: 'Join' }), (u) => u.pathname === new URL(base).pathname);
  await check(plain.page);
  await add(plain, 'Listens');
  await check(plain.page);
  assert.equal(await countIn(plain.page, 'Listening'), 4);
  const countIs = (n) => presenter.waitForFunction((want) => {
    for (const tr of document.querySelectorAll('#words tbody tr')) {
      const cells = tr.querySelectorAll('td');
      if (cells[0] && cells[0].textContent === 'Listening') return Number(cells[1].textContent) === want;
    }
    return false;
  }, n);
  await countIs(4);
  assert.match(await plain.page.locator('main').innerText(), /Your words[\s\S]*Listens/);
  await submit(plain.page, plain.page.getByRole('button', { name: 'Take back Listens' }), /notice=withdrawn/);
  await check(plain.page);
  assert.equal(await countIn(plain.page, 'Listening'), 3);

  // The presenter follows that too, still without reloading.
  await countIs(3);
  assert.equal(await navigations(presenter), loadedAs);

  for (const p of [...people, plain, fac]) await p.context.close();
  assert.ok(audit.visited.length >= 10, `audited ${audit.visited.length} pages`);
});

// Fits a phone 320 px wide: nothing makes the page scroll sideways.
async function fits320(page) {
  const size = page.viewportSize();
  await page.setViewportSize({ width: 320, height: 740 });
  const wide = await page.evaluate(() => document.documentElement.scrollWidth);
  await check(page);
  await page.setViewportSize(size);
  assert.ok(wide <= 320, `${page.url()} is ${wide} px wide at 320 px`);
}

test('members register by keyboard; facilitators edit, reorder and move through the agenda and choose the language', async () => {
  cli(server, ['user', 'add', 'ines.steward@example.org', '--name', 'Ines Calloway'], `${PASSWORD}\n`);
  cli(server, ['user', 'set-role', 'ines.steward@example.org', 'steward']);
  const steward = new Client(server);
  await steward.get('/signin');
  assert.equal((await steward.post('/signin', { email: 'ines.steward@example.org', password: PASSWORD })).status, 303);
  await steward.get('/spaces/new');
  const made = await steward.post('/spaces/new', {
    name: 'Wrenfield Recovery Forum', slug: '', kind: 'network',
    purpose: 'People in recovery learning together.', visibility: 'listed', code_of_conduct: '# Be kind',
  });
  const slug = made.location.match(/^\/spaces\/([a-z0-9-]+)/)[1];
  cli(server, ['user', 'add', 'bram.fac@example.org', '--name', 'Bram Okonjo'], `${PASSWORD}\n`);
  cli(server, ['user', 'set-role', 'bram.fac@example.org', 'facilitator', '--space', slug]);
  cli(server, ['user', 'add', 'lior.member@example.org', '--name', 'Lior Vance'], `${PASSWORD}\n`);
  cli(server, ['user', 'set-role', 'lior.member@example.org', 'member', '--space', slug]);

  const signIn = async (p, email) => {
    await p.page.goto('/signin');
    await p.page.getByLabel('Email address').fill(email);
    await p.page.getByLabel('Password', { exact: true }).fill(PASSWORD);
    await submit(p.page, p.page.getByRole('button', { name: 'Sign in', exact: true }), (u) => u.pathname !== '/signin');
  };

  // The facilitator plans the event in French.
  const fac = await newPerson({ viewport: DESKTOP });
  await signIn(fac, 'bram.fac@example.org');
  await fac.page.goto(`/spaces/${slug}/events`);
  await check(fac.page);
  await fac.page.getByLabel('Title').fill('Journée de partage');
  await fac.page.getByLabel('Starts').fill('2031-09-01T10:00');
  await fac.page.getByLabel('Ends').fill('2031-09-01T13:00');
  await fac.page.getByLabel('Language of the word clouds').selectOption('fr');
  await submit(fac.page, fac.page.getByRole('button', { name: 'Create event' }), /\/run$/);
  const run = fac.page.url();
  const base = run.replace(/\/run$/, '');
  assert.equal(await fac.page.locator('#event-language').innerText(), 'French (Français)');
  for (const [kind, title] of [['talk', 'Bienvenue'], ['cloud', 'Un mot pour le soutien']]) {
    await fac.page.getByRole('radio', { name: { talk: 'Talk', cloud: 'Word cloud' }[kind], exact: true }).check();
    await submit(fac.page, fac.page.getByRole('button', { name: 'Continue' }), /\/items\/new\?/);
    await fac.page.locator('#title').fill(title);
    await submit(fac.page, fac.page.getByRole('button', { name: 'Add', exact: true }), /\/run$/);
  }
  await check(fac.page);
  await fits320(fac.page);

  // Reorder with the buttons, then change the talk.
  await submit(fac.page, fac.page.getByRole('button', { name: 'Move up Un mot pour le soutien' }), /notice=moved/);
  await check(fac.page);
  const titles = async () => fac.page.locator('.hs-agenda .hs-card__title').allInnerTexts();
  assert.deepEqual(await titles(), ['Un mot pour le soutien', 'Bienvenue']);
  await submit(fac.page, fac.page.getByRole('link', { name: 'Change Bienvenue' }), /\/edit$/);
  await check(fac.page);
  await fits320(fac.page);
  await fac.page.getByLabel('Title').fill('');
  await submit(fac.page, fac.page.getByRole('button', { name: 'Save changes' }), /\/edit$/);
  await check(fac.page);  // the error summary and inline message pass axe too
  assert.match(await fac.page.locator('.govuk-error-summary').innerText(), /Enter a title/);
  await fac.page.getByLabel('Title').fill('Bienvenue à tous');
  await submit(fac.page, fac.page.getByRole('button', { name: 'Save changes' }), /notice=item_saved/);
  assert.deepEqual(await titles(), ['Un mot pour le soutien', 'Bienvenue à tous']);

  // The event's details, language included, can change later.
  await submit(fac.page, fac.page.getByRole('link', { name: "Change the event's details" }), /\/edit$/);
  await check(fac.page);
  await fits320(fac.page);
  assert.equal(await fac.page.getByLabel('Language of the word clouds').inputValue(), 'fr');

  // A member registers from the event page on a 320 px phone, by keyboard alone.
  const member = await newPerson({ viewport: { width: 320, height: 740 } });
  await signIn(member, 'lior.member@example.org');
  await member.page.goto(base);
  await check(member.page);
  const register = member.page.getByRole('button', { name: 'Register for this event' });
  await register.focus();
  await Promise.all([member.page.waitForURL(/notice=registered/), member.page.keyboard.press('Enter')]);
  await check(member.page);
  assert.match(await member.page.locator('#registration').innerText(), /You are registered/);
  assert.ok(await member.page.evaluate(() => document.documentElement.scrollWidth <= 320));
  await fac.page.goto(run);
  assert.equal(await fac.page.locator('#registered-count').innerText(), '1 registered');
  assert.match(await fac.page.locator('#registered-names').innerText(), /Lior Vance/);

  // "Next part" moves the member's page along live: the first part, then the talk.
  await submit(fac.page, fac.page.getByRole('button', { name: 'Next part' }), /notice=next/);
  await check(fac.page);
  await member.page.goto(base);
  await member.page.waitForFunction(() => document.querySelector('#current-heading')?.textContent === 'Un mot pour le soutien');
  await fac.page.getByRole('button', { name: 'Next part' }).click();
  await member.page.waitForFunction(() => document.querySelector('#current-heading')?.textContent === 'Bienvenue à tous');
  await check(member.page);
  await fac.page.waitForURL(/notice=next/);
  assert.equal(await fac.page.locator('#at-end').count(), 1);

  for (const p of [fac, member]) await p.context.close();
});

