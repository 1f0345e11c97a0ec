// An auditor asks, on the decision log's page, for new signed records by email; the
// sweep sends one; from a phone with JavaScript off and without signing in, the link in
// the email asks before it stops them, and the button stops them. Every page visited
// passes axe-core and the page basics. Screenshots go to HS_SCREENSHOTS when set.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { join } from 'node:path';
import { cli, PASSWORD } from '../http/harness.mjs';
import { startSuite, server, audit, check, newPerson, DESKTOP, PHONE, submit } from './lib.mjs';

startSuite();

const shots = process.env.HS_SCREENSHOTS;
async function shot(page, name, fullPage = true) {
  if (shots) await page.screenshot({ path: join(shots, `${name}.png`), fullPage });
}

test('an auditor asks for emails of new signed records on the page, and stops them from the email without signing in', async () => {
  const stewardEmail = 'wilhelmina.steward@example.org';
  const auditorEmail = 'cosmo.auditor@example.org';
  cli(server, ['user', 'add', stewardEmail, '--name', 'Wilhelmina Pryce'], `${PASSWORD}\n`);
  cli(server, ['user', 'set-role', stewardEmail, 'steward']);
  cli(server, ['user', 'add', auditorEmail, '--name', 'Cosmo Adeyemi'], `${PASSWORD}\n`);

  // The space is made from the steward's pages (the CLI has no command for it).
  const steward = await newPerson({ viewport: DESKTOP });
  const signIn = async (page, email) => {
    await page.goto('/signin');
    await page.getByLabel('Email address').fill(email);
    await page.getByLabel('Password', { exact: true }).fill(PASSWORD);
    await Promise.all([page.waitForURL((u) => u.pathname !== '/signin'),
      page.getByRole('button', { name: 'Sign in', exact: true }).click()]);
  };
  await signIn(steward.page, stewardEmail);
  await steward.page.goto('/spaces/new');
  await steward.page.locator('#name').fill('Harrowgate Tenants Voice');
  await steward.page.getByLabel('Lived-experience forum').check();
  await steward.page.locator('#purpose').fill('Tenants deciding together what to ask the landlord.');
  await steward.page.getByLabel('Listed', { exact: true }).check();
  await steward.page.locator('#code_of_conduct').fill('Listen first.');
  await Promise.all([steward.page.waitForURL(/\/spaces\/[a-z0-9-]+\?notice=created$/),
    steward.page.getByRole('button', { name: 'Create space' }).click()]);
  const slug = new URL(steward.page.url()).pathname.split('/')[2];
  cli(server, ['user', 'set-role', auditorEmail, 'auditor', '--space', slug]);

  const auditor = await newPerson({ viewport: DESKTOP });
  await signIn(auditor.page, auditorEmail);
  const { page } = auditor;
  await page.goto(`/spaces/${slug}/audit`);
  await check(page);
  assert.equal(await page.getByRole('heading', { name: 'Email me new signed records' }).count(), 1);
  await submit(page, page.getByRole('button', { name: 'Email me new signed records' }),
    (u) => u.pathname === `/spaces/${slug}/audit` && u.search === '?notice=digest_on');
  await assert.doesNotReject(page.getByText('We will email you the newest signed record of this log').waitFor());
  assert.equal(await page.getByRole('button', { name: 'Stop emailing me' }).count(), 1);
  await shot(page, 'digest-audit-page-desktop-top', false);
  await page.locator('#digest').scrollIntoViewIfNeeded();
  await shot(page, 'digest-audit-page-desktop', false);
  await page.setViewportSize(PHONE);
  await check(page);
  await page.locator('#digest').scrollIntoViewIfNeeded();
  await shot(page, 'digest-audit-page-phone', false);

  cli(server, ['audit', 'synthetic', slug, '--count', '3']);
  assert.match(cli(server, ['audit', 'send-digests']), /sent: 1/);
  const mail = server.lastEmailTo(auditorEmail);
  const stop = mail.replace(/\r\n/g, '\n').match(/To stop these emails for this space \(no need to sign in\):\n(\S+)/)[1]
    .replace(/^https?:\/\/[^/]+/, '');

  // On a phone, JavaScript off, not signed in.
  const reader = await newPerson({ js: false, viewport: PHONE });
  await reader.page.goto(stop);
  await check(reader.page);
  assert.equal((await reader.page.locator('h1').innerText()).trim(), 'Stop emails of signed records?');
  await shot(reader.page, 'digest-stop-ask-phone');
  await submit(reader.page, reader.page.getByRole('button', { name: 'Stop the emails' }),
    (u) => u.pathname === `/spaces/${slug}/audit/digest/stop`);
  assert.equal((await reader.page.locator('h1').innerText()).trim(), 'Emails stopped');
  await shot(reader.page, 'digest-stopped-phone');

  // The auditor's page offers them again.
  await page.goto(`/spaces/${slug}/audit`);
  await check(page);
  assert.equal(await page.getByRole('button', { name: 'Email me new signed records' }).count(), 1);

  for (const p of [steward, auditor, reader]) await p.context.close();
  assert.ok(audit.visited.length >= 5, `pages checked: ${audit.visited.length}`);
});
