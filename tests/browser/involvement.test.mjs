// Paid involvement as its people use it: a facilitator offers an opportunity (and fixes a
// form that said what was missing, with what they typed kept); a member on a phone says
// they are interested, is chosen, registers for the event, and once confirmed claims their
// time and a bus fare with a photo of the receipt, choosing a voucher after the guidance on
// benefits; a second member with JavaScript off declines payment; the treasurer approves
// both and makes a batch whose CSV is right to the penny; both members download a
// recognition letter whose text shows their hours. Every page passes axe-core.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { cli } from '../http/harness.mjs';
import { startSuite, server, check, submit, signedIn as person, createSpace, PHONE } from './lib.mjs';

startSuite();

const day = (offset = 0) => new Date(Date.now() + offset * 86400000).toISOString().slice(0, 10);
// A real (tiny) PNG: the server reads the type from these bytes.
const PNG = Buffer.from('iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mP8z8BQDwAEhQGAhKmMIQAAAABJRU5ErkJggg==', 'base64');

async function letterText(page, dir, name) {
  const [download] = await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name: 'Download the letter (PDF)' }).click()]);
  const file = join(dir, name);
  await download.saveAs(file);
  return execFileSync('pdftotext', ['-layout', file, '-'], { encoding: 'utf8' }).replace(/\s+/g, ' ');
}

test('an opportunity to a paid claim, a declined payment, a batch and recognition letters', async () => {
  const dir = mkdtempSync(join(tmpdir(), 'hs-involvement-'));
  const steward = await person('ottoline.steward@example.org', 'Ottoline Varga', { steward: true });
  const slug = await createSpace(steward.page, { name: 'Kestrel Bay Carers Voice', purpose: 'Unpaid carers in Kestrel Bay, shaping the services they use.' });
  const facilitator = await person('bartholomew.fac@example.org', 'Bartholomew Ince');
  const maeve = await person('maeve.member@example.org', 'Maeve Okonkwo-Hart', { viewport: PHONE });
  const niall = await person('niall.member@example.org', 'Niall Prendergast', { js: false, viewport: PHONE });
  const treasurer = await person('tariq.treasurer@example.org', 'Tariq Oyelaran');
  for (const [who, role] of [[facilitator, 'facilitator'], [maeve, 'member'], [niall, 'member'], [treasurer, 'treasurer']])
    cli(server, ['user', 'set-role', who.email, role, '--space', slug]);
  const base = `/spaces/${slug}/involvement`;

  // The steward sets the rate for events.
  const s = steward.page;
  await s.goto(`/spaces/${slug}`);
  await s.getByRole('link', { name: 'Paid involvement' }).click();
  await check(s);
  await s.getByRole('link', { name: 'Rate card' }).click();
  await check(s);
  await s.getByLabel('Kind of involvement').selectOption('event');
  await s.getByLabel('For each hour').check();
  await s.getByLabel('Amount in pounds').fill('27.50');
  await s.getByLabel('Applies from').fill(day(-30));
  await submit(s, s.getByRole('button', { name: 'Add the rate' }), /notice=rate$/);
  assert.match(await s.locator('main').innerText(), /£27\.50 an hour/);

  // The facilitator makes today's event, then offers the opportunity, leaving the title out first.
  const f = facilitator.page;
  await f.goto(`/spaces/${slug}/events`);
  await f.locator('#title').fill('Carers listening day');
  await f.locator('#starts').fill(`${day()}T00:05`);
  await f.locator('#ends').fill(`${day()}T23:55`);
  await Promise.all([f.waitForURL(/\/events\/\d+/), f.getByRole('button', { name: 'Create event' }).click()]);
  const eventPath = new URL(f.url()).pathname.replace(/\/run$/, '');
  await f.goto(base);
  await f.getByRole('link', { name: 'Offer an opportunity' }).click();
  await check(f);
  await f.getByLabel('Kind of involvement').selectOption('event');
  await f.getByLabel('Day').fill(day());
  await f.getByLabel('How many hours').fill('3');
  await f.getByLabel('In person', { exact: true }).check();
  await f.getByLabel('Travel').check();
  await f.getByLabel('British Sign Language interpreting').check();
  await f.getByLabel('Event in this space').selectOption({ label: 'Carers listening day' });
  await f.getByRole('button', { name: 'Offer it' }).click();
  await check(f);
  assert.match(await f.locator('.govuk-error-summary').innerText(), /Enter what it is/);
  assert.equal(await f.getByLabel('How many hours').inputValue(), '3');
  assert.ok(await f.getByLabel('Travel').isChecked(), 'the expenses ticked are kept');
  await f.getByLabel('What is it?').fill('Speak up at the carers listening day');
  await submit(f, f.getByRole('button', { name: 'Offer it' }), /notice=created$/);
  const opportunity = new URL(f.url()).pathname;

  // Maeve, on her phone, finds it and says she is interested; Niall too, without JavaScript.
  const m = maeve.page;
  await m.goto(base);
  await check(m);
  await m.getByRole('link', { name: 'Speak up at the carers listening day' }).click();
  await check(m);
  assert.match(await m.locator('main').innerText(), /£27\.50 an hour/);
  await m.getByLabel('Anything you would like the facilitators to know').fill('I care for my dad and know the respite service well.');
  await submit(m, m.getByRole('button', { name: 'I am interested' }), /notice=interested$/);
  const n = niall.page;
  await n.goto(opportunity);
  await submit(n, n.getByRole('button', { name: 'I am interested' }), /notice=interested$/);

  // The facilitator chooses both, with a reason each will see; Maeve registers for the event.
  await f.goto(opportunity);
  for (const [name, reason] of [['Maeve Okonkwo-Hart', 'You know the respite service from the inside.'], ['Niall Prendergast', 'You have not spoken at one yet.']]) {
    const card = f.locator('.hs-card', { hasText: name });
    await card.getByLabel('Reason they will see').fill(reason);
    await submit(f, card.getByRole('button', { name: `Choose ${name}` }), /notice=chosen$/);
  }
  await m.goto(opportunity);
  assert.match(await m.locator('main').innerText(), /Chosen[\s\S]*You know the respite service from the inside/);
  await m.goto(eventPath);
  await Promise.all([m.waitForURL(/notice=registered/), m.getByRole('button', { name: 'Register for this event' }).click()]);
  await f.goto(opportunity);
  assert.match(await f.locator('.hs-card', { hasText: 'Maeve Okonkwo-Hart' }).innerText(), /Registered for the event/);
  for (const name of ['Maeve Okonkwo-Hart', 'Niall Prendergast'])
    await submit(f, f.getByRole('button', { name: `Confirm they took part ${name}` }), /notice=took_part$/);

  // Maeve claims: the guidance on benefits comes first; she chooses a voucher.
  await m.goto(base);
  await m.getByRole('link', { name: /Claim for this/ }).click();
  await m.waitForURL(/\/payment\?first=1/);
  await check(m);
  assert.match(await m.locator('main').innerText(), /can affect some benefits/);
  await m.getByLabel('A shopping voucher').check();
  await submit(m, m.getByRole('button', { name: 'Save my choice' }), /\/claims\/new\?participation=\d+$/);
  assert.match(await m.locator('main').innerText(), /£82\.50/);
  const line = m.locator('fieldset', { hasText: 'Expense 1' });
  await line.getByLabel('Kind of expense').selectOption('travel');
  await line.getByLabel('What it was').fill('Bus to the community centre and back');
  await line.getByLabel('Amount in pounds').fill('4.60');
  await line.getByLabel('Receipt (optional)').setInputFiles({ name: 'bus-ticket.png', mimeType: 'image/png', buffer: PNG });
  await submit(m, m.getByRole('button', { name: 'Send the claim' }), /notice=submitted$/);
  const maeveClaim = await m.locator('main').innerText();
  assert.match(maeveClaim, /Waiting for a treasurer/);
  assert.match(maeveClaim, /£87\.10/);
  assert.match(maeveClaim, /bus-ticket\.png/);

  // Niall, without JavaScript, declines payment for his time: no reason asked.
  await n.goto(base);
  await n.getByRole('link', { name: /Claim for this/ }).click();
  await check(n);
  await n.getByLabel('I do not want to be paid for my time').check();
  await submit(n, n.getByRole('button', { name: 'Save my choice' }), /\/claims\/new\?participation=\d+$/);
  assert.match(await n.locator('main').innerText(), /you chose not to be paid for your time/);
  await submit(n, n.getByRole('button', { name: 'Send the claim' }), /notice=submitted$/);

  // The treasurer approves both and makes a batch.
  const t = treasurer.page;
  await t.goto(base);
  await t.getByRole('link', { name: 'Claims to decide' }).click();
  await check(t);
  for (const name of ['Maeve Okonkwo-Hart', 'Niall Prendergast']) {
    await t.goto(`${base}/claims`);
    await t.locator('tr', { hasText: name }).getByRole('link').first().click();
    await check(t);
    await submit(t, t.getByRole('button', { name: 'Approve' }), /notice=approved$/);
  }
  await t.goto(`${base}/batches`);
  await check(t);
  await submit(t, t.getByRole('button', { name: 'Make a batch of the approved claims' }), /notice=made$/);
  assert.match(await t.locator('main').innerText(), /£87\.10/);
  const csvHref = await t.getByRole('link', { name: 'Download the CSV for the finance system' }).getAttribute('href');
  const csv = await (await t.request.get(csvHref)).text();
  const rows = csv.trim().split('\r\n').slice(1).map((r) => r.split(','));
  // Niall's claim pays nothing (time declined, no expenses), so the file has Maeve's alone.
  assert.equal(rows.length, 1, csv);
  assert.equal(rows[0][1], 'voucher');
  assert.equal(rows.reduce((sum, r) => sum + Math.round(Number(r[5]) * 100), 0), 8710);
  assert.deepEqual([rows[0][3], rows[0][4]], ['82.50', '4.60']);  // for time and expenses apart
  await t.getByLabel('The payments in this batch have been made').check();
  await submit(t, t.getByRole('button', { name: 'Mark the batch paid' }), /notice=paid$/);

  // Both download a recognition letter that shows their hours.
  for (const [who, file] of [[maeve, 'maeve.pdf'], [niall, 'niall.pdf']]) {
    await who.page.goto(base);
    await check(who.page);
    const text = await letterText(who.page, dir, file);
    assert.ok(text.includes(who.name), `${who.name}'s letter names them`);
    assert.match(text, /3 hours/);
    assert.match(text, /Kestrel Bay Carers Voice/);
  }
  assert.match(await m.locator('main').innerText(), /Paid/);
});
