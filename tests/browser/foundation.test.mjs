// The foundation, as people use it: create an account, confirm it from the (demo) outbox,
// create a space, invite someone, who creates an account on the way and joins; then both see
// each other in the member directory. Done once with JavaScript at phone width and once
// without JavaScript at desktop width. Every page visited passes axe-core and the page basics.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { join } from 'node:path';
import { cli, linksIn } from '../http/harness.mjs';
import { startSuite, server, check as checkPage, newPerson, PHONE, DESKTOP } from './lib.mjs';

const NARROW = { width: 320, height: 640 };
// HS_SCREENSHOTS=/some/folder keeps a picture of the member directory at phone width.
const SHOTS = process.env.HS_SCREENSHOTS;

startSuite({ demo: true });

// Every page a person lands on is checked the same way; none scrolls sideways, even on a phone.
async function check(page) {
  await checkPage(page);
  const sideways = await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
  assert.ok(sideways <= 0, `${page.url()} is ${sideways}px too wide for ${page.viewportSize().width}px`);
}

// Clicking a submit button and waiting for where the server sends us next.
async function submitTo(page, button, url) {
  await Promise.all([page.waitForURL(url), button.click()]);
}

const path = (page) => new URL(page.url()).pathname;
const main = (page) => page.locator('main');
const nav = (page) => page.getByRole('navigation', { name: 'Main menu' });

async function expectErrorSummary(page, ...messages) {
  const summary = page.getByRole('alert').filter({ hasText: 'There is a problem' });
  await summary.waitFor();
  for (const m of messages) assert.ok((await summary.innerText()).includes(m), `error summary says "${m}"`);
  assert.match(await page.title(), /^Error: /);
  // With JavaScript, focus is on the summary, so the keyboard starts at the problems.
  if (await page.evaluate(() => document.body.classList.contains('js-enabled')))
    assert.ok(await page.evaluate(() => document.activeElement?.classList.contains('govuk-error-summary')),
      'focus is on the error summary');
}

// Opens the newest email to `email` and follows its link that contains `part`. The demo
// outbox page is the site steward's alone (its links sign anyone in), so a newcomer's
// mail is read as their own inbox would be: from the outbox folder.
async function openEmailLink(page, email, part) {
  const mail = server.lastEmailTo(email);
  assert.ok(mail, `an email to ${email} was sent`);
  const href = linksIn(mail).find((l) => l.includes(part));
  assert.ok(href, `the email to ${email} has a link with ${part}`);
  assert.ok(href.startsWith(server.url), `${href} is on this site`);
  await page.goto(href);
  return href;
}

// The site steward reads the demo outbox page (the only person who may).
async function stewardReadsOutbox(page, email) {
  await nav(page).getByRole('link', { name: 'Demo outbox' }).click();
  await page.waitForURL('**/outbox');
  await check(page);
  await page.getByRole('article').filter({ hasText: `To: ${email}` }).first().waitFor();
}

// Signs up from wherever the "Create an account" link is, confirms by email and ends signed in.
async function signUp(page, { name, email, password, mistake = false }) {
  await page.waitForURL((u) => u.pathname === '/signup');
  await check(page);
  const submit = page.getByRole('button', { name: 'Create account' });
  if (mistake) {
    // Forgets the name and mistypes the address: the page says what to fix and keeps the rest.
    await page.getByLabel('Email address').fill('not-an-address');
    await page.getByLabel('Password (optional)').fill(password);
    await submit.click();
    await expectErrorSummary(page, 'Enter an email address like name@example.org');
    await check(page);
    assert.equal(await page.getByLabel('Email address').inputValue(), 'not-an-address');
    assert.equal(await page.getByLabel('Password (optional)').inputValue(), '', 'a password is never sent back');
    // The summary's links take you to the field.
    await page.getByRole('alert').getByRole('link').first().click();
    assert.equal(await page.evaluate(() => location.hash), '#email');
  }
  await page.getByLabel('Your name').fill(name);
  await page.getByLabel('Email address').fill(email);
  await page.getByLabel('Password (optional)').fill(password);
  // Enter in the last field sends the form, as in any form.
  await Promise.all([page.waitForURL('**/signup/check-email'), page.getByLabel('Password (optional)').press('Enter')]);
  await check(page);
  assert.equal(await page.getByRole('heading', { level: 1 }).innerText(), 'Check your email');

  await openEmailLink(page, email, '/verify/');
  await check(page);
  await submitTo(page, page.getByRole('button', { name: 'Confirm and sign in' }), (u) => !u.pathname.startsWith('/verify/'));
  await check(page);
  await page.getByText(`Signed in as ${name}`).waitFor();
}

async function assertSessionCookie(context) {
  const cookies = await context.cookies(server.url);
  const session = cookies.find((c) => c.name === '__Host-hs_session');
  assert.ok(session, `a session cookie is set (have: ${cookies.map((c) => c.name).join(', ')})`);
  assert.equal(session.httpOnly, true);
  assert.equal(session.secure, true);
  assert.equal(session.sameSite, 'Lax');
  assert.equal(session.path, '/');
  assert.equal(session.domain, new URL(server.url).hostname, 'a host-only cookie');
}

async function assertDirectory(page, names, emails) {
  const list = page.locator('#members');
  for (const n of names) await list.getByRole('heading', { name: n, exact: true }).waitFor();
  assert.equal(await list.getByRole('listitem').count(), names.length);
  const text = await main(page).innerText();
  assert.ok(!text.includes('@'), 'no email addresses in the member directory');
  for (const e of emails) assert.ok(!(await page.content()).includes(e), `${e} is not in the page at all`);
}

async function coProduction({ js, viewport, a, b, space, screenshot }) {
  // Person A arrives on the home page and creates an account.
  const A = await newPerson({ js, viewport });
  await A.page.goto('/');
  await check(A.page);
  await main(A.page).getByRole('button', { name: 'Create an account' }).click();
  await signUp(A.page, { ...a, mistake: true });
  await assertSessionCookie(A.context);
  assert.equal(await nav(A.page).getByRole('link', { name: 'Demo outbox' }).count(), 0,
    'only a site steward is offered the demo outbox');

  // Setup: the person running the site makes A a site steward, who may create spaces.
  cli(server, ['user', 'set-role', a.email, 'steward']);

  await nav(A.page).getByRole('link', { name: 'Spaces' }).click();
  await A.page.waitForURL('**/spaces');
  // A role set from the command line reaches a running server's cached sessions within
  // 5 seconds (docs/security.md); a role set in the pages applies at once.
  for (let i = 0; i < 30 && !(await main(A.page).getByRole('button', { name: 'Create a space' }).count()); i++) {
    await A.page.waitForTimeout(250);
    await A.page.reload();
  }
  await check(A.page);
  // Now a site steward, A may read the demo outbox, their own confirmation among it.
  await stewardReadsOutbox(A.page, a.email);
  await nav(A.page).getByRole('link', { name: 'Spaces' }).click();
  await A.page.waitForURL('**/spaces');
  await main(A.page).getByRole('button', { name: 'Create a space' }).click();
  await A.page.waitForURL('**/spaces/new');
  await check(A.page);

  // A mistake first: nothing filled in.
  const create = A.page.getByRole('button', { name: 'Create space' });
  await A.page.getByLabel('Code of conduct').fill('');
  await create.click();
  await expectErrorSummary(A.page, 'Enter a name for the space', 'Enter what this space is for');
  await check(A.page);

  await A.page.getByLabel('Name', { exact: true }).fill(space.name);
  await A.page.getByLabel(space.kind).check();
  await A.page.getByLabel('What is this space for?').fill(space.purpose);
  await A.page.getByLabel(space.visibility, { exact: true }).check();
  await A.page.getByLabel('Code of conduct').fill('# Together\n\n- Listen first.\n- Speak for yourself.');
  await submitTo(A.page, create, (u) => /^\/spaces\/[a-z0-9-]+$/.test(u.pathname));
  await check(A.page);
  const spacePath = path(A.page);
  assert.equal(await A.page.getByRole('heading', { level: 1 }).innerText(), space.name);

  // A makes an invitation link to share by hand.
  await main(A.page).getByRole('link', { name: 'Invitations' }).click();
  await A.page.waitForURL(`**${spacePath}/invitations`);
  await check(A.page);
  const days = A.page.getByLabel('Days the link works for');
  await days.fill('99');
  await A.page.getByRole('button', { name: 'Make invitation link' }).click();
  await expectErrorSummary(A.page, 'Enter a number of days from 1 to 30');
  await check(A.page);
  await days.fill('7');
  await A.page.getByRole('button', { name: 'Make invitation link' }).click();
  await A.page.getByRole('heading', { name: 'Your invitation link is ready' }).waitFor();
  await check(A.page);
  const invite = await A.page.getByLabel('Invitation link').inputValue();
  assert.match(invite, /^http:\/\/127\.0\.0\.1:\d+\/invite\/[A-Za-z0-9_-]+$/);

  // Person B, on their own device, opens the link and is asked to sign in first.
  const B = await newPerson({ js, viewport });
  await B.page.goto(invite);
  await B.page.waitForURL((u) => u.pathname === '/signin');
  await check(B.page);
  assert.equal(new URL(B.page.url()).searchParams.get('next'), new URL(invite).pathname);
  await main(B.page).getByRole('link', { name: 'Create an account' }).click();
  await signUp(B.page, b);
  await assertSessionCookie(B.context);

  // Confirming the email brings B straight back to the invitation.
  assert.equal(path(B.page), new URL(invite).pathname);
  await check(B.page);
  assert.equal(await B.page.getByRole('heading', { level: 1 }).innerText(), space.name);
  await B.page.getByRole('heading', { name: 'Code of conduct' }).waitFor();
  await B.page.getByText('Speak for yourself.').waitFor();

  // Joining without agreeing to the code of conduct says what is missing.
  const joinButton = B.page.getByRole('button', { name: 'Join this space' });
  await joinButton.click();
  await expectErrorSummary(B.page, 'Tick the box to say you agree to the code of conduct');
  await check(B.page);

  // Ticks the box with the keyboard, then joins.
  const agree = B.page.getByLabel('I have read the code of conduct and I agree to follow it');
  await agree.focus();
  await B.page.keyboard.press('Space');
  assert.equal(await agree.isChecked(), true);
  await submitTo(B.page, joinButton, (u) => u.pathname === spacePath);
  await check(B.page);
  await B.page.getByText('Welcome. You are now a member of this space.').waitFor();

  // Both appear in the member directory, by name only.
  await main(B.page).getByRole('link', { name: 'Members' }).click();
  await B.page.waitForURL(`**${spacePath}/members`);
  await check(B.page);
  await assertDirectory(B.page, [a.name, b.name], [a.email, b.email]);
  if (screenshot && SHOTS) await B.page.screenshot({ path: join(SHOTS, screenshot), fullPage: true });

  await A.page.goto(spacePath);
  await check(A.page);
  await main(A.page).getByRole('link', { name: 'Members' }).click();
  await A.page.waitForURL(`**${spacePath}/members`);
  await check(A.page);
  await assertDirectory(A.page, [a.name, b.name], [a.email, b.email]);

  // The invitation shows as used, and cannot be used again.
  await A.page.goto(`${spacePath}/invitations`);
  await check(A.page);
  await A.page.getByText(`Used by ${b.name}`).waitFor();
  const used = await A.page.goto(invite);
  assert.equal(used.status(), 410);
  await check(A.page);
  assert.equal(await A.page.getByRole('heading', { level: 1 }).innerText(), 'This invitation link cannot be used');
  await A.page.getByText('Someone has already used this link.').waitFor();

  await A.context.close();
  await B.context.close();
}

test('with JavaScript, at phone width: sign up, create a space, invite, join, see each other', { timeout: 60000 }, async () => {
  await coProduction({
    js: true,
    viewport: PHONE,
    a: { name: 'Rowan Ashdown', email: 'rowan.ashdown@example.org', password: 'kettle lantern pebble' },
    b: { name: 'Tamsin Orlov', email: 'tamsin.orlov@example.net', password: 'harbour violet sixty' },
    space: {
      name: 'Riverside carers circle',
      kind: 'Lived-experience forum',
      visibility: 'Private',
      purpose: 'Unpaid carers shaping the new respite service together.',
    },
    screenshot: 'hs-members-360.png',
  });
});

test('without JavaScript, at desktop width: the same journey', { timeout: 60000 }, async () => {
  await coProduction({
    js: false,
    viewport: DESKTOP,
    a: { name: 'Idris Penhallow', email: 'idris.p@example.org', password: 'copper meadow tunnel' },
    b: { name: 'Noor Vasquez-Lind', email: 'noor.vl@example.com', password: 'pocket thistle ninety' },
    space: {
      name: 'Housing voices network',
      kind: 'Involvement network',
      visibility: 'Listed',
      purpose: 'People who have been homeless, and the teams who plan services, deciding things together.',
    },
  });
});

test('the other pages people reach pass the same checks', { timeout: 60000 }, async () => {
  const { context, page } = await newPerson({ js: true, viewport: NARROW });
  // The first Tab reaches the skip link, which moves on to the page's content.
  await page.goto('/');
  await page.keyboard.press('Tab');
  assert.equal(await page.evaluate(() => document.activeElement.getAttribute('href')), '#main-content');
  await page.keyboard.press('Enter');
  assert.equal(await page.evaluate(() => location.hash), '#main-content');
  for (const p of ['/', '/spaces', '/about/privacy']) {
    const res = await page.goto(p);
    assert.equal(res.status(), 200, p);
    await check(page);
  }
  const missing = await page.goto('/no-such-page');
  assert.equal(missing.status(), 404);
  await check(page);
  assert.equal(await page.getByRole('heading', { level: 1 }).innerText(), 'We cannot find that page');

  // Signing in with a wrong password, then a sign-up, then the account pages.
  const person = { name: 'Marek Odum', email: 'marek.odum@example.org', password: 'saucepan glacier otter' };
  await page.goto('/signup');
  await signUp(page, person);
  await page.getByRole('button', { name: 'Sign out' }).click();
  await page.waitForURL((u) => u.pathname === '/');
  await check(page);
  await nav(page).getByRole('link', { name: 'Sign in' }).click();
  await page.waitForURL('**/signin');
  await check(page);
  await page.getByLabel('Email address').fill(person.email);
  await page.getByLabel('Password', { exact: true }).fill('not the password');
  await page.getByRole('button', { name: 'Sign in', exact: true }).click();
  await expectErrorSummary(page, 'The email address or password is not right');
  await check(page);
  assert.equal(await page.getByLabel('Email address').inputValue(), person.email);
  await page.getByLabel('Password', { exact: true }).fill(person.password);
  await submitTo(page, page.getByRole('button', { name: 'Sign in', exact: true }), (u) => u.pathname !== '/signin');
  await check(page);
  await page.getByText(`Signed in as ${person.name}`).waitFor();
  await assertSessionCookie(context);

  for (const [link, heading] of [['Profile', 'Your profile'], ['Sessions', 'Where you are signed in'], ['My data', 'Your data']]) {
    await nav(page).getByRole('link', { name: link }).click();
    await page.getByRole('heading', { level: 1, name: heading }).waitFor();
    await check(page);
  }
  await context.close();
});
